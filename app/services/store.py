"""The open, encrypted database of a profile and its unit of work.

Every ``unit_of_work()`` is one committed transaction: the records, their change-log rows and the
audit entries land together or not at all. Driver errors are turned into ``KnownError``s (disk full,
storage failure) so the UI can say what happened while the edit stays on screen.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.core.errors import KnownError, ProfileLockedError
from app.models import Actor, schema
from app.models.changelog import stamp_changes, write_changes
from app.security.database import open_engine, translate_storage_error

log = logging.getLogger(__name__)


class Store:
    """One profile's encrypted database, opened with its data key."""

    def __init__(self, engine: Engine, actor: Actor) -> None:
        self.engine = engine
        self.actor = actor
        self.closed = False
        self._sessions = sessionmaker(engine, expire_on_commit=False, info={"actor": actor})
        event.listen(self._sessions, "before_flush", stamp_changes)
        event.listen(self._sessions, "after_flush", write_changes)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error."""
        if self.closed:
            # The pool would otherwise open a fresh connection with the key it still holds.
            raise ProfileLockedError()
        session = self._sessions()
        try:
            yield session
            session.commit()
        except KnownError:
            session.rollback()
            raise
        except SQLAlchemyError as exc:
            session.rollback()
            log.error("database error in unit of work: %s", type(exc).__name__)
            raise translate_storage_error(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        """Close every connection; SQLCipher wipes the key from its memory on close. Nothing opens
        the database through this store again."""
        self.closed = True
        self.engine.dispose()


def backup_database(db_path: Path, backup_dir: Path, keep: int = 5) -> Path:
    """Copy the (encrypted) database and its WAL before a migration; keeps the newest ``keep``."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{db_path.stem}-{stamp}{db_path.suffix}"
    shutil.copy2(db_path, target)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    backups = sorted(p for p in backup_dir.glob(f"{db_path.stem}-*{db_path.suffix}"))
    for old in backups[:-keep]:
        old.unlink(missing_ok=True)
        old.with_name(old.name + "-wal").unlink(missing_ok=True)
    return target


def open_store(db_path: Path, data_key: bytes | None, actor: Actor, backup_dir: Path) -> Store:
    """Open (creating if needed) and migrate the database; refuse one newer than the app."""
    engine = open_engine(db_path, data_key)
    try:
        if schema.needs_upgrade(engine):
            # Checkpoint so the backup copy of the main file holds everything.
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            schema.upgrade(engine, backup=lambda: backup_database(db_path, backup_dir))
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, actor)
