"""Regenerate migration 0001 from the models (only while nothing has been released).

Usage: python tools/regenerate_initial_migration.py
"""

import re
import tempfile
from pathlib import Path

from alembic import command

from app.models.schema import MIGRATIONS_DIR, alembic_config
from app.security.database import open_engine

TRIGGERS = '''
    # The audit trail is append-only (app.models.audit.APPEND_ONLY_TRIGGERS, frozen here).
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
'''


def main() -> None:
    for old in (MIGRATIONS_DIR / "versions").glob("0001_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_engine(Path(tmp) / "gen.db", None)
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
        engine.dispose()
    path = next((MIGRATIONS_DIR / "versions").glob("0001_*.py"))
    text = path.read_text()
    text = re.sub(r"Create Date: .*\n", "", text)
    text = text.replace("    # ### end Alembic commands ###\n", "    # ### end Alembic commands ###\n" + TRIGGERS, 1)
    text = text.replace(
        "def downgrade() -> None:\n",
        "def downgrade() -> None:\n    op.execute(\"DROP TRIGGER IF EXISTS audit_log_no_update\")\n"
        "    op.execute(\"DROP TRIGGER IF EXISTS audit_log_no_delete\")\n",
        1,
    )
    path.write_text(text)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
