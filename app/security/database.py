"""The SQLCipher engine: a raw 256-bit key, WAL with full fsync, no temp files on disk.

``open_engine(path, key)`` opens the encrypted database; ``key=None`` opens the same SQLite build
without encryption, used only by the benchmarks as the plain baseline.

``check_database(path, key)`` runs before anything may write to an existing database (unlock, restore):
it opens the file without creating it, checks the key and the file's integrity, and leaves the file and
its ``-wal``/``-shm`` exactly as they were when it refuses. The full check (the HMAC of every page,
``PRAGMA cipher_integrity_check``) reads the whole file: measured at 0.66 s (1.85 s on a loaded
machine) for 10,000 families (267 MB), 1.35 s for ``PRAGMA quick_check``; 30 ms for 300 families
(8.5 MB), where the cheap check takes 2 ms. Up to ``FULL_CHECK_MAX_BYTES`` (about 0.16 s) it runs at
unlock; above that unlock runs the cheap check (key, header, size, schema) and the full one runs on the
lane after unlock. Any damage on the disk fails a page's HMAC, so unlock leaves ``quick_check`` (which
finds SQLite's own structural errors) to restoring a backup and ``tovholder verify``.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import SingletonThreadPool

from app.core.errors import DatabaseDamagedError, DatabaseOpenError, DiskFullError, StorageError

log = logging.getLogger(__name__)

#: Databases up to this size get the full page check at unlock (about 0.16 s at the measured 400 MB/s).
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024

# Applied to every new connection. synchronous=FULL makes each commit durable before it returns,
# so anything the UI shows as saved survives a power cut; temp_store=MEMORY keeps sort and temp
# tables off the disk, where they would otherwise land unencrypted.
CONNECTION_PRAGMAS = (
    "PRAGMA cipher_log_level = NONE",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA busy_timeout = 5000",
    "PRAGMA cache_size = -65536",
)


def _uri(path: Path, mode: str) -> str:
    """An SQLite URI for ``path``; ``mode=rw`` never creates the file, ``mode=ro`` never writes it."""
    return f"{path.resolve().as_uri()}?mode={mode}"


def connect_raw(path: Path, key: bytes | None, mode: str = "rw") -> sqlcipher3.Connection:
    """A bare connection with the key set and SQLCipher's own logging off (no pragma that writes)."""
    conn = sqlcipher3.connect(_uri(path, mode), uri=True, check_same_thread=False, isolation_level=None)
    cur = conn.cursor()
    if key is not None:
        cur.execute("PRAGMA cipher_log_level = NONE")
        cur.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    cur.close()
    return conn


def reading_mode(path: Path) -> str:
    """How to open ``path`` only to read it, leaving the file and its -wal/-shm as they were.

    With a write-ahead log beside it (left by a crash), a read-write connection would copy the log into
    the file when it closes; a read-only one never writes. Without one, the read-write connection removes
    the -wal and -shm it makes when it closes (a read-only one would leave them behind)."""
    wal = path.with_name(path.name + "-wal")
    return "ro" if wal.exists() and wal.stat().st_size > 0 else "rw"


@dataclass(frozen=True)
class CheckResult:
    """What ``check_database`` found: ``full`` is False when only the cheap check ran (a large file)."""

    full: bool
    size: int


def check_database(path: Path, key: bytes | None, full: bool | None = None, thorough: bool = False) -> CheckResult:
    """Check, without writing anything, that ``path`` is a database ``key`` opens and that it is whole.

    ``full=None`` runs the full page check up to ``FULL_CHECK_MAX_BYTES``, the cheap one above.
    ``thorough`` adds SQLite's structural ``quick_check`` to the page check (restoring a backup): any
    damage on the disk already fails a page's HMAC, so unlock does without its cost.

    Raises:
        DatabaseOpenError: there is no database file.
        DatabaseDamagedError: the file is empty, cut short, does not open with the key, or is damaged.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DatabaseOpenError() from None
    if size < 512:
        log.error("database check: the file is empty or cut short (%d bytes)", size)
        raise DatabaseDamagedError()
    if full is None:
        full = size <= FULL_CHECK_MAX_BYTES
    mode = reading_mode(path)
    try:
        conn = connect_raw(path, key, mode)
    except sqlcipher3.Error as exc:
        log.error("database check: cannot open the file (%s)", type(exc).__name__)
        raise _refusal(exc, path) from exc
    try:
        cur = conn.cursor()
        cur.execute("PRAGMA query_only = 1")
        problems = _check(cur, full, key is not None, size if mode == "rw" else None, thorough)
    except sqlcipher3.Error as exc:
        log.error("database check: %s", type(exc).__name__)
        raise _refusal(exc, path) from exc
    finally:
        conn.close()
    if problems:
        log.error("database check: %d problem(s), first: %s", len(problems), problems[0][:80])
        raise DatabaseDamagedError()
    return CheckResult(full=full, size=size)


def _refusal(exc: BaseException, path: Path) -> Exception:
    """A full disk (SQLite could not make the log's index) is not damage."""
    message = str(exc).lower()
    if "full" in message:
        return DiskFullError()
    if "i/o" in message:
        try:
            if shutil.disk_usage(path.parent).free < 1024 * 1024:
                return DiskFullError()
        except OSError:
            pass
    return DatabaseDamagedError()


def _check(cur: sqlcipher3.Cursor, full: bool, encrypted: bool, size: int | None, thorough: bool) -> list[str]:
    # Reading the schema checks the key (a wrong key or a damaged first page: "file is not a database").
    tables = [r[0] for r in cur.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
    if not tables:
        return ["no tables"]
    page_size = int(cur.execute("PRAGMA page_size").fetchone()[0])
    page_count = int(cur.execute("PRAGMA page_count").fetchone()[0])
    # Shorter than its header says: cut short. (Longer is harmless: a crash between a checkpoint and the
    # truncation after it leaves pages SQLite no longer uses.)
    if size is not None and size < page_size * page_count:
        return [f"size {size} is less than {page_count} pages of {page_size}"]
    if full:
        if encrypted:
            # The HMAC of every page: any changed byte anywhere in the file shows.
            problems = [str(r[0]) for r in cur.execute("PRAGMA cipher_integrity_check").fetchall()]
            if problems or not thorough:
                return problems
        found = [str(r[0]) for r in cur.execute("PRAGMA quick_check(5)").fetchall()]
        return [] if found == ["ok"] else found
    return []


def open_engine(path: Path, key: bytes | None, create: bool = True) -> Engine:
    """Create an engine for the database at ``path``; checks that it opens.

    ``create=False`` (unlock) never creates the file: only a new profile makes its database.

    Raises:
        DatabaseOpenError: the file is not a database this key opens (damaged or foreign).
    """

    if not path.exists():
        if not create:
            raise DatabaseOpenError()
        # Create the file readable by this OS user only; SQLite gives the WAL the same mode.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))

    def connect() -> sqlcipher3.Connection:
        conn = connect_raw(path, key)
        cur = conn.cursor()
        for pragma in CONNECTION_PRAGMAS[1:]:  # the log level is set by connect_raw, before the key
            cur.execute(pragma)
        cur.close()
        return conn

    engine = create_engine(
        "sqlite://",
        creator=connect,
        module=sqlcipher3.dbapi2,
        poolclass=SingletonThreadPool,
        hide_parameters=True,  # SQL parameters are personal data: keep them out of tracebacks
    )

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        # The driver runs in autocommit mode; we start every transaction ourselves so that reads
        # and writes in one unit of work see one snapshot.
        conn.exec_driver_sql("BEGIN")

    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
    except (SADatabaseError, sqlcipher3.DatabaseError) as exc:
        engine.dispose()
        raise translate_storage_error(exc, opening=True) from exc
    return engine


def translate_storage_error(exc: BaseException, opening: bool = False) -> Exception:
    """Map a driver error to the ``KnownError`` the user should see."""
    message = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in message or "database or disk is full" in message:
        return DiskFullError()
    os_error = getattr(exc, "orig", None)
    if isinstance(os_error, OSError) and os_error.errno == errno.ENOSPC:
        return DiskFullError()
    if opening or "not a database" in message or "malformed" in message:
        return DatabaseOpenError()
    if isinstance(exc, OperationalError):
        return StorageError()
    return StorageError()


def sqlcipher_version(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.exec_driver_sql("PRAGMA cipher_version").scalar() or "")
