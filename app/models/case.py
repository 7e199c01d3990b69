"""A family's course of support (forløb) and what it is made of.

The case holds the household; members, the referral, consents, tovholder assignments, service-level
decisions and the steps of its template hang off it. Histories (tovholder, level, consent) are kept
as rows that are ended or withdrawn, never overwritten.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import DDL, JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import DERIVED, Base, SyncedRecord

if TYPE_CHECKING:
    from app.models.conversation import FollowUp

# Case.status values
STATUS_ACTIVE = "active"
STATUS_PAUSED = "paused"
STATUS_CLOSED = "closed"
CASE_STATUSES = (STATUS_ACTIVE, STATUS_PAUSED, STATUS_CLOSED)

# CaseStep.status values
STEP_PENDING = "pending"
STEP_ACTIVE = "active"
STEP_DONE = "done"
STEP_SKIPPED = "skipped"


class Case(SyncedRecord, Base):
    """Forløb: one family's course of support, following a case template's phases and steps."""

    __tablename__ = "cases"

    family_name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    template_id: Mapped[str] = mapped_column(String(64))
    template_version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default=STATUS_ACTIVE, index=True)
    phase: Mapped[str] = mapped_column(String(8), default="I", index=True)
    current_step_code: Mapped[str] = mapped_column(String(64), default="")
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")

    # Kept up to date by the case service on every change, so the list can filter and search
    # 10,000 cases in one indexed query instead of joining everything each keystroke. The words in
    # ``search_text`` are also in the trigram index ``case_search`` (see below).
    search_text: Mapped[str] = mapped_column(Text, default="", info=DERIVED)
    tovholder_name: Mapped[str] = mapped_column(String(200), default="", info=DERIVED)
    tovholder_profile_id: Mapped[str] = mapped_column(String(36), default="", index=True, info=DERIVED)
    service_level: Mapped[int | None] = mapped_column(Integer, nullable=True, info=DERIVED)
    has_participation_consent: Mapped[bool] = mapped_column(Boolean, default=False, info=DERIVED)
    consent_expires_on: Mapped[date | None] = mapped_column(Date, nullable=True, info=DERIVED)
    next_due_on: Mapped[date | None] = mapped_column(Date, nullable=True, info=DERIVED)
    child_names: Mapped[str] = mapped_column(String(300), default="", info=DERIVED)
    current_step_da: Mapped[str] = mapped_column(String(200), default="", info=DERIVED)
    current_step_en: Mapped[str] = mapped_column(String(200), default="", info=DERIVED)
    next_follow_up_on: Mapped[date | None] = mapped_column(Date, nullable=True, info=DERIVED)
    next_follow_up_kind: Mapped[str] = mapped_column(String(32), default="", info=DERIVED)

    members: Mapped[list[FamilyMember]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="FamilyMember.position"
    )
    referrals: Mapped[list[Referral]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Referral.referred_on"
    )
    consents: Mapped[list[Consent]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Consent.given_on"
    )
    tovholder_assignments: Mapped[list[TovholderAssignment]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="TovholderAssignment.created_at"
    )
    service_levels: Mapped[list[ServiceLevelDecision]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="ServiceLevelDecision.created_at"
    )
    steps: Mapped[list[CaseStep]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseStep.position"
    )
    follow_ups: Mapped[list[FollowUp]] = relationship(cascade="all, delete-orphan", order_by="FollowUp.due_on")


class FamilyMember(SyncedRecord, Base):
    """A parent or carer, the child, a sibling or someone else in the household."""

    __tablename__ = "family_members"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    relation: Mapped[str] = mapped_column(String(32))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    cpr: Mapped[str] = mapped_column(String(11), default="")
    language: Mapped[str] = mapped_column(String(8), default="da")
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    has_custody: Mapped[bool] = mapped_column(Boolean, default=False)
    lives_in_household: Mapped[bool] = mapped_column(Boolean, default=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="members")
    diagnoses: Mapped[list[Diagnosis]] = relationship(
        back_populates="member", cascade="all, delete-orphan", order_by="Diagnosis.created_at"
    )


class Diagnosis(SyncedRecord, Base):
    """A diagnosis of a family member (usually the child), by content code or free text."""

    __tablename__ = "diagnoses"

    member_id: Mapped[str] = mapped_column(ForeignKey("family_members.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(32), default="")
    label: Mapped[str] = mapped_column(String(200))
    diagnosed_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    member: Mapped[FamilyMember] = relationship(back_populates="diagnoses")


class Referral(SyncedRecord, Base):
    """Henvisning: who detected the family, from where, when, why and by which channel."""

    __tablename__ = "referrals"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    source_kind: Mapped[str] = mapped_column(String(32))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    referrer_name: Mapped[str] = mapped_column(String(200), default="")
    referrer_contact: Mapped[str] = mapped_column(String(200), default="")
    referred_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str] = mapped_column(String(32), default="")

    case: Mapped[Case] = relationship(back_populates="referrals")


class Consent(SyncedRecord, Base):
    """Samtykke: one act of consent (who gave it, when, in what form) covering one or more scopes."""

    __tablename__ = "consents"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    given_by: Mapped[str] = mapped_column(String(300))
    given_by_member_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    given_on: Mapped[date] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="consents")
    grants: Mapped[list[ConsentScopeGrant]] = relationship(
        back_populates="consent", cascade="all, delete-orphan", order_by="ConsentScopeGrant.created_at"
    )


class ConsentScopeGrant(SyncedRecord, Base):
    """One scope of a consent (participation, information from the hospital, sharing with ...).

    Some scopes lapse by law after a time (``expires_on``). Withdrawal is recorded here with a date
    and reason; the row is never deleted.
    """

    __tablename__ = "consent_scope_grants"

    consent_id: Mapped[str] = mapped_column(ForeignKey("consents.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(String(64))
    recipients: Mapped[str] = mapped_column(Text, default="")
    expires_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    withdrawn_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")

    consent: Mapped[Consent] = relationship(back_populates="grants")


class TovholderAssignment(SyncedRecord, Base):
    """Who holds the family's course together, why, and whether it was agreed with the family."""

    __tablename__ = "tovholder_assignments"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    person_name: Mapped[str] = mapped_column(String(200))
    person_role: Mapped[str] = mapped_column(String(32))
    profile_id: Mapped[str] = mapped_column(String(36), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    agreed_with_family: Mapped[bool] = mapped_column(Boolean, default=False)
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    case: Mapped[Case] = relationship(back_populates="tovholder_assignments")


class ServiceLevelDecision(SyncedRecord, Base):
    """Niveau 1-4 (seed-002 §1.2): the level of services the family needs now, with a reason."""

    __tablename__ = "service_level_decisions"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    level: Mapped[int] = mapped_column(Integer)
    decided_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="service_levels")


class CaseStep(SyncedRecord, Base):
    """One step of the case's template, copied into the case so old cases keep their steps."""

    __tablename__ = "case_steps"

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    phase: Mapped[str] = mapped_column(String(8))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32), default="")
    label_da: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    responsible: Mapped[str] = mapped_column(String(64), default="")
    requires_consent: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default=STEP_PENDING)
    started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    case: Mapped[Case] = relationship(back_populates="steps")


# The case list, newest first. Its search text is in the index too, so that a search for one or
# two characters (too short for the trigram index) reads this narrow index instead of every row.
Index("ix_cases_updated_at_search_text", Case.updated_at, Case.search_text)


# The trigram index behind search as she types: every three characters of ``Case.search_text``, so a
# substring of three or more characters is found without reading every case. It indexes the column
# in place (external content, keyed by the case's rowid) and is kept by triggers, in the same
# transaction as the change to the case, so it can never disagree with the cases. ``search_text``
# is already normalised (case-folded) by the service, so the index compares it exactly
# (``case_sensitive 1``), as ``instr`` did.
#
# A migration that rebuilds the ``cases`` table (Alembic's batch mode copies it) drops these
# triggers and may renumber rowids: it must run ``CASE_SEARCH_REBUILD`` and create the triggers
# again (tests/models/test_migrations.py checks that they exist at head).
CASE_SEARCH = "case_search"
CASE_SEARCH_DDL = (
    "CREATE VIRTUAL TABLE case_search USING fts5("
    "search_text, content='cases', content_rowid='rowid', columnsize=0, "
    "tokenize='trigram case_sensitive 1')",
    "CREATE TRIGGER case_search_insert AFTER INSERT ON cases BEGIN "
    "INSERT INTO case_search (rowid, search_text) VALUES (new.rowid, new.search_text); END",
    "CREATE TRIGGER case_search_delete AFTER DELETE ON cases BEGIN "
    "INSERT INTO case_search (case_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); "
    "END",
    "CREATE TRIGGER case_search_update AFTER UPDATE OF search_text ON cases "
    "WHEN old.search_text IS NOT new.search_text BEGIN "
    "INSERT INTO case_search (case_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); "
    "INSERT INTO case_search (rowid, search_text) VALUES (new.rowid, new.search_text); END",
)
CASE_SEARCH_TRIGGERS = ("case_search_insert", "case_search_delete", "case_search_update")
CASE_SEARCH_REBUILD = "INSERT INTO case_search (case_search) VALUES ('rebuild')"


def is_case_search_table(name: str) -> bool:
    """The FTS5 table and its shadow tables: not ORM models, so schema comparisons leave them out."""
    return name == CASE_SEARCH or name.startswith(CASE_SEARCH + "_")


for _statement in CASE_SEARCH_DDL:
    event.listen(Case.__table__, "after_create", DDL(_statement))
