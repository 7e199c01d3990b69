"""The declarative base, column types, and the sync-ready mixin every record shares."""

from __future__ import annotations

import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from app.sync.wire import to_wire

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Column info marking a summary column that is recomputed from other records: it is left out of the
# change log (sync sends the facts, each side derives the summary).
DERIVED = {"derived": True}


def new_id() -> str:
    """A new record id: a UUID version 7 (RFC 9562), as text.

    The first 48 bits are the time in milliseconds, so new records land at the end of every index
    on an id (and on a case id) instead of at random places. Each save then touches a few hot index
    pages rather than many cold ones, which in an encrypted database each cost a decryption.
    """
    millis = time.time_ns() // 1_000_000
    rand_a = secrets.randbits(12)
    rand_b = secrets.randbits(62)
    value = (millis & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Actor:
    """Who is making a change, and on which laptop: stamped on every record and audit entry."""

    user_id: str
    device_id: str


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime stored as ISO 8601 text, so it sorts and syncs unambiguously."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return to_wire(value)  # as on the wire, so the stored text and the synced text are one

    def process_result_value(self, value: str | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncedRecord:
    """Mixin: a UUID, created/updated timestamps, author and device, and a revision counter.

    The stamps are filled by the unit of work (``app.models.store``), which also writes each change
    to the change log in the same transaction.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(36), default="")
    updated_by: Mapped[str] = mapped_column(String(36), default="")
    device_id: Mapped[str] = mapped_column(String(36), default="")
    revision: Mapped[int] = mapped_column(default=1)

