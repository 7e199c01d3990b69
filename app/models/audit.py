"""The append-only audit trail: who opened, changed or exported which family's record, and when.

Entries are hash-chained (each holds the hash of the one before), and database triggers refuse
UPDATE and DELETE, so the trail can only grow. The server will later verify the chain on upload.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

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
        body = {
            "id": self.id,
            "at": to_wire(self.at),
            "user_id": self.user_id,
            "device_id": self.device_id,
            "action": self.action,
            "case_id": self.case_id,
            "entity": self.entity,
            "record_id": self.record_id,
            "detail": self.detail,
            "prev_hash": self.prev_hash,
        }
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


APPEND_ONLY_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
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
    session.connection().execute(AuditEntry.__table__.insert(), [values])
    session.info["audit_last_hash"] = entry.hash


def verify_chain(entries: list[AuditEntry]) -> int | None:
    """Return the ``seq`` of the first entry whose hash or link is wrong, or None if intact."""
    prev = GENESIS_HASH
    for entry in entries:
        if entry.prev_hash != prev or entry.compute_hash() != entry.hash:
            return entry.seq
        prev = entry.hash
    return None
