"""Looking into a workspace's encrypted store from the tests: rows counted, audit entries and
change-log rows (newest last), and the last sequence number of either."""

from __future__ import annotations

from sqlalchemy import func, select

from app.models import AuditEntry, ChangeLogEntry


def row_counts(ws, *models) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    with ws.store.unit_of_work() as session:
        return tuple(session.execute(select(func.count()).select_from(model)).scalar_one() for model in models)


def audit_entries(ws, action: str | None = None, record_id: str | None = None,  # type: ignore[no-untyped-def]
                  after: int = 0) -> list[AuditEntry]:
    with ws.store.unit_of_work() as session:
        query = select(AuditEntry).where(AuditEntry.seq > after)
        if action is not None:
            query = query.where(AuditEntry.action == action)
        if record_id is not None:
            query = query.where(AuditEntry.record_id == record_id)
        return list(session.execute(query.order_by(AuditEntry.seq)).scalars())


def log_entries(ws, record_id: str | None = None, after: int = 0,  # type: ignore[no-untyped-def]
                unsynced: bool = False) -> list[ChangeLogEntry]:
    with ws.store.unit_of_work() as session:
        query = select(ChangeLogEntry).where(ChangeLogEntry.seq > after)
        if record_id is not None:
            query = query.where(ChangeLogEntry.record_id == record_id)
        if unsynced:
            query = query.where(ChangeLogEntry.synced_at.is_(None))
        return list(session.execute(query.order_by(ChangeLogEntry.seq)).scalars())


def last_seq(ws, model) -> int:  # type: ignore[no-untyped-def]
    """The newest ``seq`` of the audit trail or the change log (0 when empty)."""
    with ws.store.unit_of_work() as session:
        return session.execute(select(func.max(model.seq))).scalar() or 0
