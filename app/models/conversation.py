"""The clarifying conversation (afklarende samtale) and what comes out of it.

A conversation follows a guide version (kept as a content snapshot, so it always renders against its
own questions); each guide section she touches has a row with her notes and, for family members,
whether the member was addressed or was not present / not relevant and why. Resources and needs are
short items in the family's own words, tagged to members and problem areas. Offers she referred to,
the agreed next steps and the follow-ups belong to the case (they outlive the conversation).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SyncedRecord

CONVERSATION_IN_PROGRESS = "in_progress"
CONVERSATION_COMPLETED = "completed"

SECTION_ADDRESSED = "addressed"
SECTION_NOT_PRESENT = "not_present"
SECTION_NOT_RELEVANT = "not_relevant"
SECTION_STATUSES = ("", SECTION_ADDRESSED, SECTION_NOT_PRESENT, SECTION_NOT_RELEVANT)

ITEM_RESOURCE = "resource"
ITEM_NEED = "need"

CONTACT_KINDS = ("follow_up_conversation", "home_visit", "network_meeting")


class Conversation(SyncedRecord, Base):
    """Afklarende samtale: one conversation with a family, guided by one guide version."""

    __tablename__ = "conversations"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    guide_id: Mapped[str] = mapped_column(String(64))
    guide_version: Mapped[int] = mapped_column(Integer)
    # The exact guide text it was made with (a file may change without a new version number).
    guide_digest: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(16), default=CONVERSATION_IN_PROGRESS)
    held_on: Mapped[date] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    cursor_section: Mapped[str] = mapped_column(String(120), default="")
    cursor_position: Mapped[int] = mapped_column(Integer, default=0)
    coping_level: Mapped[str] = mapped_column(String(16), default="")
    vulnerability: Mapped[list[str]] = mapped_column(JSON, default=list)
    proposed_level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    proposed_level_reason: Mapped[str] = mapped_column(Text, default="")
    what_matters_most: Mapped[str] = mapped_column(Text, default="")
    summary_text: Mapped[str] = mapped_column(Text, default="")
    family_agrees: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    agreement_note: Mapped[str] = mapped_column(Text, default="")
    # The digest of the summary as it was read back when the family answered: a later change to what
    # the summary says (a step added, a word edited) makes the answer stale until it is read back again.
    # "" for answers given before the digest was kept.
    agreed_digest: Mapped[str] = mapped_column(String(64), default="", server_default="")

    sections: Mapped[list[ConversationSection]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan", order_by="ConversationSection.created_at"
    )
    items: Mapped[list[ConversationItem]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan", order_by="ConversationItem.position"
    )


class ConversationSection(SyncedRecord, Base):
    """What she wrote in one section of the guide (``section_key`` is ``<section id>`` or, for a family
    member, ``<section id>:<member id>``) and, for members, whether they were addressed."""

    __tablename__ = "conversation_sections"
    __table_args__ = (UniqueConstraint("conversation_id", "section_key"),)

    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    section_key: Mapped[str] = mapped_column(String(120))
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="")
    status_reason: Mapped[str] = mapped_column(Text, default="")

    conversation: Mapped[Conversation] = relationship(back_populates="sections")


class ConversationItem(SyncedRecord, Base):
    """A resource (ressource) or a need (behov), in the family's own words."""

    __tablename__ = "conversation_items"

    conversation_id: Mapped[str] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    section_key: Mapped[str] = mapped_column(String(120), default="")
    member_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    problem_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)

    conversation: Mapped[Conversation] = relationship(back_populates="items")


class OfferReferral(SyncedRecord, Base):
    """Henvisning til tilbud: the family (or one member) referred to an offer of the catalogue."""

    __tablename__ = "offer_referrals"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    conversation_id: Mapped[str] = mapped_column(String(36), default="")
    offer_code: Mapped[str] = mapped_column(String(64))
    offer_label: Mapped[str] = mapped_column(String(200))
    catalogue_version: Mapped[int] = mapped_column(Integer)
    member_id: Mapped[str] = mapped_column(String(36), default="")
    referred_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)


class AgreedStep(SyncedRecord, Base):
    """An agreed next step: what, who (the family or a professional), by when."""

    __tablename__ = "agreed_steps"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    conversation_id: Mapped[str] = mapped_column(String(36), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    what: Mapped[str] = mapped_column(Text)
    who_kind: Mapped[str] = mapped_column(String(16))
    who_name: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class FollowUp(SyncedRecord, Base):
    """Opfølgning: the next contact with the family (follow-up conversation, home visit, or a
    network meeting to call), due on a date."""

    __tablename__ = "follow_ups"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    conversation_id: Mapped[str] = mapped_column(String(36), default="")
    kind: Mapped[str] = mapped_column(String(32))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class ContentSnapshot(SyncedRecord, Base):
    """A copy of a content version (e.g. a guide) that records were made with, so they always render
    against it even after the content file changed or was removed."""

    __tablename__ = "content_snapshots"
    __table_args__ = (UniqueConstraint("kind", "content_id", "version", "digest"),)

    kind: Mapped[str] = mapped_column(String(64))
    content_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict] = mapped_column(JSON)
