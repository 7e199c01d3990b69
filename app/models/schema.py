"""Bringing a database to the schema this version of the app expects (Alembic, at start-up).

Before any migration of an existing database, the caller's ``backup`` runs (an encrypted copy of
the file). A database stamped with a revision this app does not know was written by a newer app
and is refused without being touched.

Deciding whether anything needs doing reads the database's stamp and the names of the migration
files (``NNNN_what.py``, revision ``NNNN``, each the next after the one before; the migration tests
hold the files to Alembic's own view of the chain), so an unlock that has nothing to migrate never
loads Alembic: about 11 MB that would otherwise stay resident beside the key derivation's 64 MiB.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from app.core.errors import DatabaseTooNewError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
REVISION_FILE = re.compile(r"^(\d{4})_\w*\.py$")


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def revisions() -> list[str]:
    """The revisions this app ships, oldest first (from the migration files' names)."""
    found = (REVISION_FILE.match(p.name) for p in (MIGRATIONS_DIR / "versions").iterdir())
    return sorted(m.group(1) for m in found if m)


def head_revision() -> str:
    shipped = revisions()
    if not shipped:  # pragma: no cover - the package always ships migrations
        raise RuntimeError("no migrations")
    return shipped[-1]


def current_revision(engine: Engine) -> str | None:
    """The revision the database is stamped with; None for an empty database."""
    with engine.connect() as conn:
        try:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        except OperationalError:  # no such table: nothing was ever migrated
            return None


def needs_upgrade(engine: Engine) -> bool:
    """True if the database is behind this app. Raises ``DatabaseTooNewError`` if it is ahead."""
    current = current_revision(engine)
    if current is not None and current not in revisions():
        raise DatabaseTooNewError()
    return current != head_revision()


def upgrade(engine: Engine, backup: Callable[[], None]) -> bool:
    """Migrate to head; ``backup`` is called first if the database already holds a schema.

    Returns True if anything was migrated.
    """
    if not needs_upgrade(engine):
        return False
    if current_revision(engine) is not None:
        backup()
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True
