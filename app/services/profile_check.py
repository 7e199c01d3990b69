"""IT's whole check of a profile (``tovholder verify``): the database's integrity, its schema against this
app's migrations, and the whole audit chain against its anchor. It only reads (the files are left
byte for byte as they were), so it can be run on a laptop as it was found, or while the app is open.

The report holds plain lines with revision names, seq numbers and action names: never a record's
content, so it can be pasted into a ticket.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3
from sqlalchemy import Connection, create_engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool

from app.core.errors import DatabaseOpenError
from app.core.paths import AppPaths
from app.models import schema
from app.models.audit import AuditEntry
from app.security.anchor import anchor_key
from app.security.database import connect_raw
from app.security.keyfile import KeyFile
from app.services import audit_check

log = logging.getLogger(__name__)
MAX_LINES = 10  # of each integrity check's findings


@dataclass
class ProfileReport:
    """What ``verify_profile`` found: ``lines`` to print, ``problems`` among them (empty: all fine)."""

    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def fine(self, line: str) -> None:
        self.lines.append(line)

    def problem(self, line: str) -> None:
        self.lines.append(f"PROBLEM: {line}")
        self.problems.append(line)


@contextmanager
def _read_only(path: Path, key: bytes) -> Iterator[Connection]:
    """A connection that only reads. ``mode=rw`` never creates the file; not ``mode=ro``, because a
    read-only connection to a WAL database leaves ``-wal`` and ``-shm`` files behind, where this one
    removes them on close, as the app does, when nothing else has the database open."""

    def connect() -> sqlcipher3.Connection:
        conn = connect_raw(path, key, mode="rw")
        conn.execute("PRAGMA temp_store = MEMORY")  # sorting for the checks stays off the disk
        return conn

    engine = create_engine("sqlite://", creator=connect, module=sqlcipher3.dbapi2, poolclass=StaticPool,
                           hide_parameters=True)
    try:
        with engine.connect() as conn:
            try:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            except DBAPIError as exc:
                raise DatabaseOpenError() from exc
            yield conn
    finally:
        engine.dispose()


def open_data_key(paths: AppPaths, password: str) -> bytes:
    """The data key, unwrapped with her password through the same growing wait as the unlock window.

    Raises ``KeyFileError``, ``WrongPasswordError`` or ``UnlockThrottledError``.
    """
    from app.services.workspace import _unwrap  # the one place that counts wrong passwords

    keyfile = KeyFile.load(paths.key_file)
    return _unwrap(paths, keyfile, password)


def verify_profile(paths: AppPaths, password: str) -> ProfileReport:
    """Check the profile at ``paths`` with her password; reads only.

    Raises (the profile cannot be checked at all): ``KeyFileError``, ``WrongPasswordError``,
    ``UnlockThrottledError``, ``DatabaseOpenError`` (no database, or it does not open with the key).
    """
    if not paths.database.is_file():
        raise DatabaseOpenError()
    data_key = open_data_key(paths, password)
    report = ProfileReport()
    report.fine(f"database: {paths.database}")
    with _read_only(paths.database, data_key) as conn:
        _integrity(conn, report)
        _schema(conn, report)
        _audit(conn, paths, data_key, report)
    return report


def _pragma(conn: Connection, report: ProfileReport, pragma: str, fine: list[str]) -> None:
    try:
        found = [line for row in conn.exec_driver_sql(f"PRAGMA {pragma}").all()
                 for line in str(row[0]).splitlines()]  # a row may hold many lines
    except DBAPIError as exc:
        report.problem(f"{pragma}: the check could not run ({type(exc.orig).__name__}: {exc.orig})")
        return
    if found == fine:
        report.fine(f"{pragma}: ok")
        return
    report.problem(f"{pragma}: {len(found)} finding(s)")
    for line in found[:MAX_LINES]:
        report.lines.append(f"  {line}")
    if len(found) > MAX_LINES:
        report.lines.append(f"  … and {len(found) - MAX_LINES} more")


def _integrity(conn: Connection, report: ProfileReport) -> None:
    _pragma(conn, report, "cipher_integrity_check", [])  # every page's HMAC: damaged or altered pages
    _pragma(conn, report, "integrity_check", ["ok"])  # the b-trees, indexes and constraints


def _schema(conn: Connection, report: ProfileReport) -> None:
    head = schema.head_revision()
    try:
        current = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except DBAPIError:
        current = None
    if current == head:
        report.fine(f"schema: revision {current}, the newest this app knows: ok")
    elif current is None:
        report.problem("schema: the database has no migration stamp")
    elif current not in schema.revisions():
        report.problem(f"schema: revision {current} is newer than this app ({head}); use the newest app")
    else:
        report.problem(f"schema: revision {current}, behind this app's {head} (the next unlock migrates it)")


def _audit(conn: Connection, paths: AppPaths, data_key: bytes, report: ProfileReport) -> None:
    anchor, state = audit_check.load_anchor(paths.audit_anchor, anchor_key(data_key))
    try:
        check = audit_check.verify_trail(conn, anchor, state, full=True)
        reasons = conn.execute(select(AuditEntry.seq, AuditEntry.detail)
                               .where(AuditEntry.action == audit_check.ANCHOR_ACTION)
                               .order_by(AuditEntry.seq)).all()
    except DBAPIError as exc:
        report.problem(f"audit trail: could not be read ({type(exc.orig).__name__})")
        return
    if check.broken_seq is None:
        report.fine(f"audit trail: {check.entries} entries, every link and hash checked: ok")
    for line in check.problems():
        report.problem(line)
    if check.anchor is not None and check.anchor_state == audit_check.ANCHOR_OK:
        report.fine(f"audit anchor: entry {check.anchor.verified.seq} verified at the last start, entry "
                    f"{check.anchor.newest.seq} the newest it saw: both in the database with their hashes: ok")
    elif check.anchor_state == audit_check.ANCHOR_NONE:
        report.fine("audit anchor: none yet (the app makes it at its next start)")
    for seq, detail in reasons:
        reason = (detail or {}).get("reason", "")
        if reason and reason != audit_check.ANCHOR_NONE:
            report.fine(f"note: the anchor was made anew at entry {seq} because the old one was {reason}")
