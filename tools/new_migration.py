"""Autogenerate the next Alembic migration from the models.

Usage: python tools/new_migration.py "what changed"
Builds a throwaway database at the current head, compares it with the models, and writes
app/models/migrations/versions/NNNN_<slug>.py. Read and adjust the result before committing.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from alembic import command

from app.models.schema import MIGRATIONS_DIR, alembic_config, head_revision
from app.security.database import open_engine


def main() -> None:
    message = " ".join(sys.argv[1:]).strip()
    if not message:
        raise SystemExit(__doc__)
    next_id = f"{int(head_revision()) + 1:04d}"
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_engine(Path(tmp) / "gen.db", None)
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            command.revision(cfg, message=message, autogenerate=True, rev_id=next_id)
        engine.dispose()
    path = next((MIGRATIONS_DIR / "versions").glob(f"{next_id}_*.py"))
    path.write_text(re.sub(r"Create Date: .*\n", "", path.read_text()))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
