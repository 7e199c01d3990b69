"""The open, encrypted database of a profile and its unit of work.

Every ``unit_of_work()`` is one committed transaction: the records, their change-log rows and the
audit entries land together or not at all. Driver errors are turned into ``KnownError``s (disk full,
storage failure) so the UI can say what happened while the edit stays on screen.

On a full disk the store gives up the profile's space reserve (``app/core/diskspace.py``), so that the
next try (her next keystroke, the retried save) has room, and says how much space to free. After each
commit it looks at the free space: below a few MB the reserve goes before SQLite runs out of room, and
it comes back when the disk has room again.

An existing database is checked (``check_database``) before anything writes to it, so a failed unlock
leaves a damaged file exactly as it was.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.core.diskspace import LOW_WATER_BYTES, SpaceReserve, free_bytes, megabytes_to_free
from app.core.errors import DatabaseDamagedError, DiskFullError, KnownError, ProfileLockedError
from app.models import Actor, schema
from app.models.changelog import stamp_changes, write_changes
from app.security.database import CheckResult, check_database, open_engine, translate_storage_error

log = logging.getLogger(__name__)
T = TypeVar("T")


class Store:
    """One profile's encrypted database, opened with its data key."""

    def __init__(self, engine: Engine, actor: Actor, path: Path | None = None,
                 reserve: SpaceReserve | None = None, checked: CheckResult | None = None) -> None:
        self.engine = engine
        self.actor = actor
        self.path = path
        self.reserve = reserve
        #: What the check before opening covered; ``full`` False: the full page check is still to run.
        self.checked = checked
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
        except DiskFullError as exc:
            session.rollback()
            raise self.disk_full() from exc
        except KnownError:
            session.rollback()
            raise
        except SQLAlchemyError as exc:
            session.rollback()
            log.error("database error in unit of work: %s", type(exc).__name__)
            known = translate_storage_error(exc)
            if isinstance(known, DiskFullError):
                raise self.disk_full() from exc
            raise known from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        if self.reserve is not None:
            self.reserve.keep_room()

    def verify(self) -> None:
        """The full page check (every page's HMAC) on the open database, for a database too large to
        check fully at unlock. Raises ``DatabaseDamagedError``."""
        if self.closed:
            raise ProfileLockedError()
        raw = None
        try:
            raw = self.engine.raw_connection()
            cur = raw.driver_connection.cursor()
            # Every page's HMAC (0.66 s for 10,000 families): damage on the disk anywhere shows.
            problems = [str(r[0]) for r in cur.execute("PRAGMA cipher_integrity_check").fetchall()]
        except Exception as exc:
            log.error("integrity check after unlock: %s", type(exc).__name__)
            problems = [type(exc).__name__]
        finally:
            if raw is not None:
                raw.close()
        if problems:
            log.error("integrity check after unlock: %d problem(s)", len(problems))
            raise DatabaseDamagedError(DatabaseDamagedError.FOUND_AFTER_UNLOCK)
        self.checked = CheckResult(full=True, size=self.checked.size if self.checked else 0)

    def disk_full(self) -> DiskFullError:
        """The disk refused a write: give up the space reserve so the next try has room, and say how
        much to free."""
        if self.reserve is not None:
            self.reserve.release()
        if self.path is None:
            return DiskFullError()
        return DiskFullError(DiskFullError.FREE_AT_LEAST,
                             megabytes=megabytes_to_free(self.path.parent, self.path))

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


def open_store(db_path: Path, data_key: bytes | None, actor: Actor, backup_dir: Path,
               create: bool = True, reserve: SpaceReserve | None = None) -> Store:
    """Open and migrate the database; refuse one newer than the app.

    ``create=False`` (unlock): the database must exist, and it is checked (key, integrity) before
    anything is written to it; an empty or damaged file raises ``DatabaseDamagedError`` untouched.
    ``create=True`` (a new profile, tests, benchmarks) makes the file if it is missing.
    """
    checked = None if create else check_database(db_path, data_key)
    engine = open_engine(db_path, data_key, create=create)
    try:
        if schema.needs_upgrade(engine):
            # Checkpoint so the backup copy of the main file holds everything.
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            schema.upgrade(engine, backup=lambda: backup_database(db_path, backup_dir))
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, actor, db_path, reserve, checked)


def open_existing(db_path: Path, data_key: bytes, actor: Actor, backup_dir: Path, reserve: SpaceReserve,
                  first: Callable[[Session], T]) -> tuple[Store, T]:
    """Unlock's way in: check the database without writing, open it, and run ``first`` (reading her
    profile and recording the unlock) in one unit of work.

    On a nearly full disk the space reserve is given up first, so that opening (the write-ahead log and
    its index) and the unlock's audit entry have room; if the disk still refuses, the reserve goes and
    it is tried once more. If even that is refused, she is told how much to free and nothing is open:
    a read of the records is never shown without its audit entry. When it worked and the disk has room,
    a missing reserve is made again.
    """
    if free_bytes(db_path.parent) < LOW_WATER_BYTES:
        reserve.release()
    for attempt in (1, 2):
        had_reserve = reserve.present
        store: Store | None = None
        try:
            store = open_store(db_path, data_key, actor, backup_dir, create=False, reserve=reserve)
            with store.unit_of_work() as session:
                result = first(session)
        except DiskFullError as exc:
            if store is not None:
                store.close()
            reserve.release()
            if attempt == 2 or not had_reserve:
                raise DiskFullError(DiskFullError.UNLOCK_FREE_AT_LEAST,
                                    megabytes=megabytes_to_free(db_path.parent, db_path)) from exc
            continue
        except BaseException:
            if store is not None:
                store.close()
            raise
        reserve.make()
        return store, result
    raise AssertionError("unreachable")  # pragma: no cover
