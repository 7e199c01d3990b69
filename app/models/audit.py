"""The append-only audit trail: who opened, changed or exported which family's record, and when.

Entries are hash-chained (each holds the hash of the one before), and database triggers refuse
UPDATE and DELETE, and an INSERT that is not a new entry at the end of the chain (a seq or id already
there, or a ``prev_hash`` that is not the newest entry's hash). ``INSERT OR REPLACE``, ``REPLACE INTO``
and upserts would otherwise delete or rewrite an entry without firing the delete trigger. So through SQL
the trail can only grow at its end. SQLite cannot refuse ``DROP TRIGGER``: someone holding the data key
can drop the triggers and rewrite the trail; the hash chain and the anchor kept outside the database
(``app/services/audit_check.py``) are what detect that. The server will later verify the chain on upload.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import DDL, JSON, Integer, String, event
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UtcDateTime, new_id, utcnow
from app.sync.wire import to_wire

GENESIS_HASH = "0" * 64


class AuditEntry(Base):
    """One audited action on a family's record (open, create, update, export, search ...)."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), default=new_id, unique=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    user_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(32), index=True)
    case_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    entity: Mapped[str] = mapped_column(String(64), default="")
    record_id: Mapped[str] = mapped_column(String(36), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    def compute_hash(self) -> str:
        """The entry's hash over its content and the previous entry's hash."""
        return entry_hash({name: getattr(self, name) for name in HASHED})


# The columns an entry's hash covers (all but ``seq``, its position, and ``hash`` itself).
HASHED = ("id", "at", "user_id", "device_id", "action", "case_id", "entity", "record_id", "detail", "prev_hash")


def entry_hash(row: Mapping[str, Any]) -> str:
    """The hash of an entry given as a mapping of the ``HASHED`` columns (an ORM entry or a Core row)."""
    body = {name: row[name] for name in HASHED}
    body["at"] = to_wire(body["at"])
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def stored_entry_hash(values: tuple[Any, ...]) -> str:
    """``entry_hash`` of an entry read with ``SELECT {HASHED}`` straight from the driver: ``at`` as its
    stored text (which is its wire form) and ``detail`` as its stored JSON text. About three times
    faster than through the ORM types; a stored ``at`` not in the wire form the app writes no longer
    matches, which only a change outside the app can cause."""
    body = dict(zip(HASHED, values, strict=True))
    body["detail"] = json.loads(body["detail"]) if body["detail"] is not None else None
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


APPEND_ONLY_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    # Only a new entry at the end: no seq or id already there (which REPLACE would delete without
    # firing the delete trigger), and linked to the newest entry. ``new.seq`` is -1 (or NULL) in a
    # BEFORE INSERT trigger when SQLite picks the seq itself, which is how entries are appended.
    "CREATE TRIGGER audit_log_append_at_end BEFORE INSERT ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only') "
    "WHERE (new.seq IS NOT NULL AND new.seq <> -1 "
    "AND new.seq <> coalesce((SELECT max(seq) FROM audit_log), 0) + 1) "
    "OR EXISTS (SELECT 1 FROM audit_log WHERE id = new.id) "
    "OR new.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), "
    f"'{GENESIS_HASH}'); END",
)

for _statement in APPEND_ONLY_TRIGGERS:
    event.listen(AuditEntry.__table__, "after_create", DDL(_statement))


def append_audit(
    session,  # type: ignore[no-untyped-def]
    action: str,
    case_id: str = "",
    entity: str = "",
    record_id: str = "",
    detail: dict | None = None,
) -> None:
    """Append one entry to the audit trail inside the session's transaction."""
    from sqlalchemy import select

    actor = session.info["actor"]
    last = session.info.get("audit_last_hash")
    if last is None:
        last = session.execute(
            select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
        ).scalar() or GENESIS_HASH
    entry = AuditEntry(
        id=new_id(),
        at=utcnow(),
        user_id=actor.user_id,
        device_id=actor.device_id,
        action=action,
        case_id=case_id,
        entity=entity,
        record_id=record_id,
        detail=detail or {},
        prev_hash=last,
    )
    entry.hash = entry.compute_hash()
    values = {c.key: getattr(entry, c.key) for c in AuditEntry.__table__.columns if c.key != "seq"}
    result = session.connection().execute(AuditEntry.__table__.insert(), values)
    session.info["audit_last_hash"] = entry.hash
    # The newest entry of this unit of work, for the anchor once it is committed.
    session.info["audit_newest"] = (result.inserted_primary_key[0], entry.hash)


def verify_chain(entries: list[AuditEntry]) -> int | None:
    """Return the ``seq`` of the first entry whose hash or link is wrong, or None if intact."""
    prev = GENESIS_HASH
    for entry in entries:
        if entry.prev_hash != prev or entry.compute_hash() != entry.hash:
            return entry.seq
        prev = entry.hash
    return None
