"""The family's network map (netværkskort) and the partner directory shared across families.

A person on the map is a ``MapPerson`` with a polar position (the sector and horizon follow from it,
see ``app.services.network.dto``); ``MapTie`` is a tie between two of them; ``MapVersion`` is a saved
copy of the whole map ("at the first conversation", "after six months"). ``Partner`` is a school, a
GP clinic, a hospital department, PPR or a patient association, entered once and used on many maps.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncedRecord

PARTNER_KINDS = ("school", "daycare", "gp_clinic", "hospital_department", "ppr", "municipality",
                 "patient_association", "voluntary", "other")


class Partner(SyncedRecord, Base):
    """Samarbejdspartner: an organisation with functional contact points (not a private person)."""

    __tablename__ = "partners"

    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200), index=True)
    unit: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    contact_points: Mapped[list[dict]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: When and how the partner was told about the effort (FR-18): [{"on": "2026-05-04", "how": ..., "note": ...}].
    information: Mapped[list[dict]] = mapped_column(JSON, default=list)


class MapPerson(SyncedRecord, Base):
    """A person on a family's network map."""

    __tablename__ = "map_entries"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    angle: Mapped[float] = mapped_column(Float)
    distance: Mapped[float] = mapped_column(Float)
    relation: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(100), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    partner_id: Mapped[str] = mapped_column(String(36), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    support: Mapped[list[str]] = mapped_column(JSON, default=list)
    quality: Mapped[str] = mapped_column(String(16), default="supportive")
    wants_involved: Mapped[bool] = mapped_column(Boolean, default=False)
    invite: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_to_share: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")


class MapTie(SyncedRecord, Base):
    """A tie between two people on the map; stored once, with the smaller id first."""

    __tablename__ = "map_links"
    __table_args__ = (UniqueConstraint("a_id", "b_id"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    a_id: Mapped[str] = mapped_column(ForeignKey("map_entries.id", ondelete="CASCADE"), index=True)
    b_id: Mapped[str] = mapped_column(ForeignKey("map_entries.id", ondelete="CASCADE"), index=True)
    quality: Mapped[str] = mapped_column(String(16), default="")


class MapVersion(SyncedRecord, Base):
    """A saved version of a family's map, with a label and a date; the snapshot is the whole map."""

    __tablename__ = "map_versions"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(200))
    saved_on: Mapped[date] = mapped_column(Date)
    snapshot: Mapped[dict] = mapped_column(JSON)
