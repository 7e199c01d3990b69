"""The local change log: every insert, update and delete of a record, for sync to send later.

Each row holds one record's change in the wire format (``app.sync.wire.RecordChange``): its payload is
the record's fields as they go on the wire, and ``ChangeLogEntry.change`` gives it back as sent.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UtcDateTime, utcnow
from app.sync.wire import RecordChange, operation_of


class ChangeLogEntry(Base):
    """One change of one record, written in the same transaction as the change itself."""

    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    operation: Mapped[str] = mapped_column(String(8))
    revision: Mapped[int] = mapped_column(Integer)
    payload: Mapped[dict] = mapped_column(JSON)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    author_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    synced_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True, index=True)

    def change(self) -> RecordChange:
        """The change as sync sends it."""
        return RecordChange(self.entity, self.record_id, self.revision, operation_of(self.operation), self.payload)


def record_change(obj: object, operation: str) -> RecordChange:
    """A record's change in the wire format: every column but the derived ones, or only the id for a delete."""
    from sqlalchemy import inspect as sa_inspect

    if operation == "delete":
        values = {"id": obj.id}  # type: ignore[attr-defined]
    else:
        mapper = sa_inspect(obj).mapper
        values = {attr.key: getattr(obj, attr.key) for attr in mapper.column_attrs
                  if not attr.columns[0].info.get("derived")}
    return RecordChange.of(obj.__tablename__, obj.id, obj.revision, operation_of(operation), values)  # type: ignore[attr-defined]


def stamp_changes(session, flush_context, instances) -> None:  # type: ignore[no-untyped-def]
    """``before_flush``: stamp ids, timestamps, author and device; remember what changed."""
    from app.models.base import SyncedRecord, new_id, utcnow

    actor = session.info.get("actor")
    if actor is None:
        raise RuntimeError("a unit of work needs an actor")
    now = utcnow()
    pending = session.info.setdefault("pending_changes", [])
    for obj in list(session.new):
        if isinstance(obj, SyncedRecord):
            obj.id = obj.id or new_id()
            obj.created_at = obj.updated_at = now
            obj.created_by = obj.updated_by = actor.user_id
            obj.device_id = actor.device_id
            obj.revision = 1
            pending.append(("insert", obj))
    for obj in list(session.dirty):
        if isinstance(obj, SyncedRecord) and session.is_modified(obj, include_collections=False):
            obj.updated_at = now
            obj.updated_by = actor.user_id
            obj.device_id = actor.device_id
            obj.revision = (obj.revision or 0) + 1
            pending.append(("update", obj))
    for obj in list(session.deleted):
        if isinstance(obj, SyncedRecord):
            pending.append(("delete", obj))


def write_changes(session, flush_context) -> None:  # type: ignore[no-untyped-def]
    """``after_flush``: write the change-log rows in the same transaction as the changes.

    Rows the flush itself deleted (a member removed from its case, the diagnoses going with it) are
    logged as deletes: ``before_flush`` saw them at most as changed, or not at all.
    """
    from sqlalchemy import inspect as sa_inspect

    from app.models.base import SyncedRecord, utcnow

    logged: dict[int, tuple[str, object]] = {}
    for operation, obj in session.info.pop("pending_changes", []):
        if flush_context.is_deleted(sa_inspect(obj)):
            operation = "delete"
        logged[id(obj)] = (operation, obj)
    for state, (is_delete, list_only) in flush_context.states.items():
        obj = state.obj()
        if is_delete and not list_only and isinstance(obj, SyncedRecord) and id(obj) not in logged:
            logged[id(obj)] = ("delete", obj)
    pending = list(logged.values())
    if not pending:
        return
    actor = session.info["actor"]
    now = utcnow()
    table = ChangeLogEntry.__table__
    connection = session.connection()
    rows = []
    for operation, obj in pending:
        change = record_change(obj, operation)
        row = {
            "entity": change.record_type,
            "record_id": change.record_id,
            "operation": operation,
            "revision": change.revision,
            "payload": dict(change.fields),
            "changed_at": now,
            "author_id": actor.user_id,
            "device_id": actor.device_id,
        }
        if operation == "update" and _coalesce(connection, row):
            continue
        rows.append(row)
    if rows:
        connection.execute(table.insert(), rows)


def _coalesce(connection, row: dict) -> bool:  # type: ignore[no-untyped-def]
    """Fold an update into the record's newest change-log row if that one is not synced yet.

    Sync sends whole records, so only the latest state of a record matters until it has been sent;
    this keeps autosave-as-you-type from adding a row per keystroke. Returns True if folded.
    """
    from sqlalchemy import select

    table = ChangeLogEntry.__table__
    latest = connection.execute(
        select(table.c.seq, table.c.operation, table.c.author_id, table.c.device_id, table.c.synced_at)
        .where(table.c.record_id == row["record_id"])
        .order_by(table.c.seq.desc())
        .limit(1)
    ).first()
    if (latest is None or latest.synced_at is not None or latest.operation == "delete"
            or (latest.author_id, latest.device_id) != (row["author_id"], row["device_id"])):
        return False
    connection.execute(
        table.update().where(table.c.seq == latest.seq).values(
            revision=row["revision"], payload=row["payload"], changed_at=row["changed_at"])
    )
    return True
