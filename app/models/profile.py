"""The local profile (the health visitor using this laptop) and her unsaved drafts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncedRecord, UtcDateTime, utcnow

ROLES = ("sundhedsplejerske", "koordinator", "sagsbehandler")


class Profile(SyncedRecord, Base):
    """The professional who owns this profile: her name, role and contact details."""

    __tablename__ = "profiles"

    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(200), default="")


class Draft(Base):
    """What she was typing in a form that is not yet saved: kept encrypted, restored after unlock.

    Drafts belong to this laptop only; they are not records and are never synced.
    """

    __tablename__ = "drafts"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[str] = mapped_column(String(36), default="")
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
