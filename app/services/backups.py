"""Rotating encrypted backups of the local store, and restoring one.

Until sync exists the laptop holds her only copy, so the app keeps copies of the database in
``data/backups/``: one at unlock when the newest is older than a day, one at lock/quit when the newest
is older than a few hours (skipped when the disk is nearly full), the newest of each of the last seven
days kept. A copy is made with ``VACUUM INTO`` on the open, encrypted connection: SQLCipher writes it
encrypted with the same data key (it does not open without the key and holds no plain text), compact,
and as one consistent snapshot. It is written under a temporary name in the same folder, fsynced, and
renamed, so a crash never leaves a half-written backup. Measured: 2.6 s for 10,000 families (263 MB).

Restoring (``tovholder restore``, for her or IT) checks that the chosen backup opens with the profile's
key, passes the full integrity check and holds this profile; then the current database (with its
``-wal``/``-shm``) is moved aside as ``tovholder.db.damaged-<time>``, never deleted, and the backup is
copied into place the same careful way.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.diskspace import MB, RESERVE_BYTES, free_bytes
from app.core.errors import (
    QT_TRANSLATE_NOOP,
    DatabaseDamagedError,
    DatabaseOpenError,
    DiskFullError,
    KnownError,
    ProfileLockedError,
    StorageError,
)
from app.core.paths import AppPaths
from app.security.database import check_database, connect_raw, reading_mode
from app.services.store import Store

log = logging.getLogger(__name__)

PREFIX = "backup-"
SUFFIX = ".db"
STAMP = "%Y%m%dT%H%M%S%fZ"
#: At unlock: a backup when the newest is older than this.
DAILY = timedelta(hours=24)
#: At lock and quit: a backup when the newest is older than this (the end of her working day is kept).
AT_LOCK = timedelta(hours=4)
#: The newest backup of each of this many days is kept (and always the two newest).
KEEP_DAYS = 7
KEEP_NEWEST = 2


class BackupError(KnownError):
    """The chosen backup cannot be restored (it does not open with this profile's key, or is damaged)."""

    default_message = QT_TRANSLATE_NOOP(
        "Errors", "This backup cannot be restored: it is damaged or belongs to another profile. Nothing has "
        "been changed; choose another backup.")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where, when it was made, its size."""

    path: Path
    made: datetime
    size: int


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Every backup in ``backup_dir`` (the rotating ones and those made before migrations), newest first."""
    if not backup_dir.is_dir():
        return []
    found = []
    for path in backup_dir.glob(f"*{SUFFIX}"):
        if path.name.startswith("."):
            continue  # a temporary file of a backup being made
        stat = path.stat()
        found.append(BackupInfo(path, _made(path, stat.st_mtime), stat.st_size))
    return sorted(found, key=lambda b: b.made, reverse=True)


def _made(path: Path, mtime: float) -> datetime:
    match = re.search(r"(\d{8}T\d{6}\d*)Z", path.name)
    if match:
        digits = match.group(1)
        try:
            return datetime.strptime(digits[:15], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
        except ValueError:
            pass
    return datetime.fromtimestamp(mtime, UTC)


def newest_age(backup_dir: Path, now: datetime | None = None) -> timedelta | None:
    """How old the newest backup is (None: there is none)."""
    backups = list_backups(backup_dir)
    if not backups:
        return None
    return (now or datetime.now(UTC)) - backups[0].made


def is_due(backup_dir: Path, max_age: timedelta, now: datetime | None = None) -> bool:
    age = newest_age(backup_dir, now)
    return age is None or age >= max_age


def has_room(store: Store, backup_dir: Path) -> bool:
    """A backup fits with room to spare: twice the database and the space reserve. Below that no backup
    is made, so that locking or quitting on a nearly full disk never uses up the space she just freed."""
    size = store.path.stat().st_size if store.path is not None and store.path.exists() else 0
    folder = backup_dir if backup_dir.exists() else backup_dir.parent
    return free_bytes(folder) >= 2 * size + RESERVE_BYTES + 16 * MB


def make_backup(store: Store, backup_dir: Path, now: datetime | None = None) -> Path:
    """Write an encrypted copy of the open database into ``backup_dir`` and rotate; returns its path.

    Runs on the database lane (it uses the lane's connection). Raises ``DiskFullError`` or
    ``StorageError`` with nothing half-written left behind.
    """
    if store.closed:
        raise ProfileLockedError()
    raw = store.engine.raw_connection()
    try:
        return _copy_into(raw.driver_connection, backup_dir, now)
    finally:
        raw.close()


def backup_profile(paths: AppPaths, password: str, now: datetime | None = None) -> Path:
    """``tovholder backup``: a backup of a locked profile, with her password (through the growing wait
    after wrong passwords). The database is checked first and only read."""
    from app.services.profile_check import open_data_key

    if not paths.database.is_file():
        raise DatabaseOpenError()
    data_key = open_data_key(paths, password)
    check_database(paths.database, data_key, full=True)
    conn = connect_raw(paths.database, data_key)
    try:
        conn.execute("PRAGMA temp_store = MEMORY")  # nothing unencrypted in temp files
        return _copy_into(conn, paths.backup_dir, now)
    finally:
        conn.close()


def _copy_into(conn, backup_dir: Path, now: datetime | None) -> Path:  # type: ignore[no-untyped-def]
    backup_dir.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(backup_dir, 0o700)
    except OSError:  # pragma: no cover - e.g. Windows ACLs
        pass
    stamp = (now or datetime.now(UTC)).strftime(STAMP)
    target = backup_dir / f"{PREFIX}{stamp}{SUFFIX}"
    for stale in backup_dir.glob(f".{PREFIX}*.part"):
        stale.unlink(missing_ok=True)  # left by a backup the app was killed in the middle of
    tmp = backup_dir / f".{target.name}.{os.getpid()}.part"
    try:
        conn.execute("VACUUM INTO ?", (str(tmp),))
        _fsync(tmp)
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
        _fsync_dir(backup_dir)
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        log.error("backup not made: %s", type(exc).__name__)
        if "full" in str(exc).lower() or getattr(exc, "errno", None) == errno.ENOSPC:
            raise DiskFullError() from exc
        raise StorageError() from exc
    rotate(backup_dir)
    log.info("backup made (%d bytes)", target.stat().st_size)
    return target


def after_unlock(store: Store, backup_dir: Path) -> Path | None:
    """On the lane after unlock: the full integrity check if unlock could run only the cheap one (a
    large database), then the daily backup if it is due and fits. A damaged database is never copied
    over good backups: the check comes first and raises ``DatabaseDamagedError``."""
    if store.checked is not None and not store.checked.full:
        store.verify()
    if is_due(backup_dir, DAILY) and has_room(store, backup_dir):
        try:
            return make_backup(store, backup_dir)
        except (DiskFullError, StorageError) as exc:
            # Housekeeping behind her work: its failure is IT's to see in the log, not a "not saved" for her.
            log.warning("daily backup not made: %s", type(exc).__name__)
    return None


def before_lock(store: Store, backup_dir: Path) -> Path | None:
    """At lock and quit: a backup if the newest is older than ``AT_LOCK`` and the disk has room for it
    (on a nearly full disk nothing big is written at quit)."""
    if store.closed or not is_due(backup_dir, AT_LOCK):
        return None
    if not has_room(store, backup_dir):
        log.warning("backup at lock skipped: the disk is nearly full")
        return None
    return make_backup(store, backup_dir)


def rotate(backup_dir: Path) -> list[Path]:
    """Keep the newest rotating backup of each of the last ``KEEP_DAYS`` days and the ``KEEP_NEWEST``
    newest; remove the others. The backups made before migrations rotate on their own."""
    ours = [b for b in list_backups(backup_dir) if b.path.name.startswith(PREFIX)]
    keep = {b.path for b in ours[:KEEP_NEWEST]}
    days: dict[object, Path] = {}
    for backup in ours:
        days.setdefault(backup.made.date(), backup.path)
    keep |= set(list(days.values())[:KEEP_DAYS])
    removed = []
    for backup in ours:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def check_backup(path: Path, data_key: bytes, profile_id: str) -> None:
    """The backup opens with ``data_key``, passes the full integrity check and holds profile ``profile_id``.

    Raises ``BackupError`` otherwise; the file is only read.
    """
    try:
        check_database(path, data_key, full=True, thorough=True)
    except KnownError as exc:
        raise BackupError() from exc
    conn = connect_raw(path, data_key, reading_mode(path))
    try:
        conn.execute("PRAGMA query_only = 1")
        found = conn.execute("SELECT id FROM profiles WHERE id = ?", (profile_id,)).fetchone()
    except Exception as exc:
        raise BackupError() from exc
    finally:
        conn.close()
    if found is None:
        raise BackupError()


def restore_backup(paths: AppPaths, data_key: bytes, profile_id: str, source: Path,
                   now: datetime | None = None) -> Path | None:
    """Put ``source`` in place of the profile's database; returns where the old database was moved
    (None if there was none). The profile must be locked (no app running on it)."""
    check_backup(source, data_key, profile_id)
    database = paths.database
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    incoming = database.with_name(f".{database.name}.restore.part")
    incoming.unlink(missing_ok=True)
    incoming_wal = incoming.with_name(incoming.name + "-wal")
    incoming_wal.unlink(missing_ok=True)
    try:
        shutil.copyfile(source, incoming)
        os.chmod(incoming, 0o600)
        source_wal = source.with_name(source.name + "-wal")
        if source_wal.is_file() and source_wal.stat().st_size > 0:
            # A copy made before a migration may have its log beside it: fold it into the copy.
            shutil.copyfile(source_wal, incoming_wal)
            conn = connect_raw(incoming, data_key)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
        _fsync(incoming)
        check_database(incoming, data_key, full=True, thorough=True)  # the copy is whole too
    except OSError as exc:
        incoming.unlink(missing_ok=True)
        incoming_wal.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise DiskFullError() from exc
        raise StorageError() from exc
    except DatabaseDamagedError:
        incoming.unlink(missing_ok=True)
        incoming_wal.unlink(missing_ok=True)
        raise
    except Exception as exc:  # the log beside the copy does not fold in: not a usable backup
        incoming.unlink(missing_ok=True)
        incoming_wal.unlink(missing_ok=True)
        raise BackupError() from exc
    aside = None
    if database.exists():
        aside = database.with_name(f"{database.name}.damaged-{stamp}")
        os.replace(database, aside)
    for ending in ("-wal", "-shm"):
        # The old database's log belongs to it: it goes aside with it, never into the restored copy.
        side = database.with_name(database.name + ending)
        if side.exists():
            os.replace(side, (aside or database).with_name((aside or database).name + ending))
    os.replace(incoming, database)
    _fsync_dir(database.parent)
    log.warning("database restored from a backup; the previous one was kept aside")
    return aside


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def restore_profile(paths: AppPaths, password: str, source: Path, now: datetime | None = None) -> Path | None:
    """``tovholder restore``: put the backup ``source`` in place after checking it with the profile's key
    (her password, through the growing wait); returns where the previous database was kept aside."""
    from app.security.keyfile import KeyFile
    from app.services.profile_check import open_data_key

    data_key = open_data_key(paths, password)
    profile_id = KeyFile.load(paths.key_file).profile_id
    return restore_backup(paths, data_key, profile_id, source, now)
