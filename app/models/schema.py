"""Bringing a database to the schema this version of the app expects (Alembic, at start-up).

Before any migration of an existing database, the caller's ``backup`` runs (an encrypted copy of
the file). A database stamped with a revision this app does not know was written by a newer app
and is refused without being touched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.core.errors import DatabaseTooNewError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    if head is None:  # pragma: no cover - the package always ships migrations
        raise RuntimeError("no migrations")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    """True if the database is behind this app. Raises ``DatabaseTooNewError`` if it is ahead."""
    current = current_revision(engine)
    if current is not None and current not in {s.revision for s in script_directory().walk_revisions()}:
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
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True
