"""Drafts: what she was typing in a form, kept in the encrypted store until she saves or discards it.

Forms save their draft a moment after each change and before the app locks; after unlock (or a
crash) the draft is offered back exactly as it was.
"""

from __future__ import annotations

from sqlalchemy import delete, select

from app.models import Draft
from app.models.base import utcnow
from app.services.cases.dto import DraftView
from app.services.store import Store


class DraftService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def save(self, key: str, kind: str, payload: dict, case_id: str = "") -> None:
        with self.store.unit_of_work() as session:
            row = session.get(Draft, key)
            if row is None:
                session.add(Draft(key=key, kind=kind, case_id=case_id, payload=payload, updated_at=utcnow()))
            else:
                row.kind, row.case_id, row.payload, row.updated_at = kind, case_id, payload, utcnow()

    def get(self, key: str) -> DraftView | None:
        with self.store.unit_of_work() as session:
            row = session.get(Draft, key)
            return None if row is None else DraftView(row.key, row.kind, row.case_id, dict(row.payload))

    def all(self) -> list[DraftView]:
        with self.store.unit_of_work() as session:
            rows = session.execute(select(Draft).order_by(Draft.updated_at)).scalars().all()
            return [DraftView(r.key, r.kind, r.case_id, dict(r.payload)) for r in rows]

    def discard(self, key: str) -> None:
        with self.store.unit_of_work() as session:
            session.execute(delete(Draft).where(Draft.key == key))
