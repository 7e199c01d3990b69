"""The SQLCipher engine: a raw 256-bit key, WAL with full fsync, no temp files on disk.

``open_engine(path, key)`` opens the encrypted database; ``key=None`` opens the same SQLite build
without encryption, used only by the benchmarks as the plain baseline.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import SingletonThreadPool

from app.core.errors import DatabaseOpenError, DiskFullError, StorageError

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


def open_engine(path: Path, key: bytes | None) -> Engine:
    """Create an engine for the database at ``path``; checks that it opens.

    Raises:
        DatabaseOpenError: the file is not a database this key opens (damaged or foreign).
    """

    if not path.exists():
        # Create the file readable by this OS user only; SQLite gives the WAL the same mode.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))

    def connect() -> sqlcipher3.Connection:
        conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
        cur = conn.cursor()
        if key is not None:
            cur.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        for pragma in CONNECTION_PRAGMAS:
            if key is None and pragma.startswith("PRAGMA cipher_"):
                continue
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
