"""The clarifying conversation (afklarende samtale): start or resume it, write as she listens, mark
each family member addressed or not present, capture resources and needs, assess, and finish.

Every change is its own committed transaction, so nothing typed is lost to a crash or the idle
lock; notes are saved as she types (the UI calls ``save_notes`` on every change). A conversation keeps
a snapshot of its guide version, so it always shows the questions it was answered against.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.content.guide import ConversationGuide, guide_from_snapshot, guide_to_snapshot
from app.content.reader import Label
from app.core.errors import QT_TRANSLATE_NOOP, ConsentRequiredError, ValidationError
from app.models import (
    AgreedStep,
    Case,
    ContentSnapshot,
    Conversation,
    ConversationItem,
    ConversationSection,
    FamilyMember,
    FollowUp,
    OfferReferral,
)
from app.models.audit import AuditEntry, append_audit
from app.models.conversation import (
    CONVERSATION_COMPLETED,
    CONVERSATION_IN_PROGRESS,
    ITEM_NEED,
    ITEM_RESOURCE,
    SECTION_STATUSES,
)
from app.services import validation
from app.services.cases.course import CourseService
from app.services.cases.overview import allowed_scopes, refresh
from app.services.cases.service import CaseNotFoundError, load_case
from app.services.context import ServiceContext
from app.services.conversation import dto as cdto
from app.services.conversation.views import build_view

GUIDE_KIND = "conversation_guide"
CONVERSATION_STEP_KINDS = ("clarifying_conversation", "home_visit")


def get_conversation(session: Session, conversation_id: str) -> Conversation:
    """The conversation row, or ``CaseNotFoundError``."""
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        raise CaseNotFoundError(conversation_id)
    return conversation


class ConversationService:
    def __init__(self, ctx: ServiceContext, course: CourseService, default_guide: str = "standard") -> None:
        self.ctx = ctx
        self.course = course
        self.default_guide = default_guide
        # Notes are saved on every keystroke; the audit trail gets one entry per section and session.
        self._audited: set[tuple[str, str]] = set()
        self._snapshot_guides: dict[tuple[str, int, str], ConversationGuide] = {}

    # ---- loading

    def _load(self, session: Session, conversation_id: str,
              case: Case | None = None) -> tuple[Conversation, Case]:
        """The conversation with its sections and items, and its case (``case`` if it is already loaded)."""
        conversation = session.execute(
            select(Conversation).where(Conversation.id == conversation_id)
            .options(selectinload(Conversation.sections), selectinload(Conversation.items))
        ).scalar_one_or_none()
        if conversation is None:
            raise CaseNotFoundError(conversation_id)
        if case is None or case.id != conversation.case_id:
            case = load_case(session, conversation.case_id)
        return conversation, case

    def guide_of(self, session: Session, conversation: Conversation) -> ConversationGuide:
        """The guide a conversation was made with: its snapshot (by digest), else the loaded content."""
        key = (conversation.guide_id, conversation.guide_version, conversation.guide_digest)
        if key in self._snapshot_guides:
            return self._snapshot_guides[key]
        query = select(ContentSnapshot).where(
            ContentSnapshot.kind == GUIDE_KIND, ContentSnapshot.content_id == conversation.guide_id,
            ContentSnapshot.version == conversation.guide_version,
        )
        if conversation.guide_digest:
            query = query.where(ContentSnapshot.digest == conversation.guide_digest)
        snapshot = session.execute(query.order_by(ContentSnapshot.created_at)).scalars().first()
        guide = guide_from_snapshot(snapshot.data) if snapshot else self.ctx.content.guide(
            conversation.guide_id, conversation.guide_version)
        self._snapshot_guides[key] = guide
        return guide

    def _view(self, session: Session, conversation: Conversation, case: Case) -> cdto.ConversationView:
        guide = self.guide_of(session, conversation)
        steps = session.execute(
            select(AgreedStep).where(AgreedStep.conversation_id == conversation.id).order_by(AgreedStep.position)
        ).scalars().all()
        follow_ups = session.execute(
            select(FollowUp).where(FollowUp.conversation_id == conversation.id).order_by(FollowUp.due_on)
        ).scalars().all()
        referrals = session.execute(
            select(OfferReferral).where(OfferReferral.conversation_id == conversation.id)
            .order_by(OfferReferral.created_at)
        ).scalars().all()
        return build_view(conversation, case, guide, self.ctx.content, list(steps), list(follow_ups),
                          list(referrals), self.ctx.today())

    def view(self, conversation_id: str) -> cdto.ConversationView:
        """The conversation as it is now (no audit entry: use ``open`` when she opens it)."""
        with self.ctx.store.unit_of_work() as session:
            conversation, case = self._load(session, conversation_id)
            return self._view(session, conversation, case)

    # ---- starting, opening, listing

    def start(self, case_id: str) -> cdto.ConversationView:
        """Start a conversation, or resume the one in progress. Needs participation consent."""
        today = self.ctx.today()
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            current = session.execute(
                select(Conversation.id).where(Conversation.case_id == case_id,
                                              Conversation.status == CONVERSATION_IN_PROGRESS)
                .order_by(Conversation.created_at.desc())
            ).scalars().first()
            self._require_consent(case, today)
            if current is not None:
                conversation, case = self._load(session, current, case)
                append_audit(session, "conversation.open", case_id=case_id, entity="conversations",
                             record_id=current)
                return self._view(session, conversation, case)
            guide = self.ctx.content.guide(self.default_guide) if self.default_guide in {
                g.id for g in self.ctx.content.guides()} else self.ctx.content.guide()
            digest = self._keep_snapshot(session, guide)
            conversation = Conversation(case_id=case_id, guide_id=guide.id, guide_version=guide.version,
                                        guide_digest=digest, held_on=today, cursor_section=guide.sections[0].id)
            session.add(conversation)
            session.flush()
            append_audit(session, "conversation.start", case_id=case_id, entity="conversations",
                         record_id=conversation.id, detail={"guide": f"{guide.id}@{guide.version}"})
            return self._view(session, conversation, case)

    def _keep_snapshot(self, session: Session, guide: ConversationGuide) -> str:
        """Store the guide's text once per digest; returns the digest the conversation records."""
        data = guide_to_snapshot(guide)
        digest = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
        exists = session.execute(
            select(ContentSnapshot.id).where(ContentSnapshot.kind == GUIDE_KIND, ContentSnapshot.digest == digest)
        ).first()
        if exists is None:
            session.add(ContentSnapshot(kind=GUIDE_KIND, content_id=guide.id, version=guide.version,
                                        digest=digest, data=data))
        return digest

    def _require_consent(self, case: Case, today: date) -> None:
        """Talking with the family (starting or going on) needs their participation consent."""
        if "participation" not in allowed_scopes(case, today):
            scope = self.ctx.content.consent.scope("participation")
            raise ConsentRequiredError(
                step=Label("Afklarende samtale", "Clarifying conversation"),
                missing=scope.label if scope else Label("Deltagelse", "Participation"),
            )

    def open(self, conversation_id: str) -> cdto.ConversationView:
        """Open a conversation (audited). One still in progress needs consent; a finished one can
        always be read."""
        with self.ctx.store.unit_of_work() as session:
            conversation, case = self._load(session, conversation_id)
            if conversation.status == CONVERSATION_IN_PROGRESS:
                self._require_consent(case, self.ctx.today())
            append_audit(session, "conversation.open", case_id=case.id, entity="conversations",
                         record_id=conversation.id)
            return self._view(session, conversation, case)

    def list_for_case(self, case_id: str) -> tuple[cdto.ConversationListItem, ...]:
        with self.ctx.store.unit_of_work() as session:
            rows = session.execute(
                select(Conversation).where(Conversation.case_id == case_id).order_by(Conversation.held_on.desc(),
                                                                                     Conversation.created_at.desc())
            ).scalars().all()
            return tuple(
                cdto.ConversationListItem(r.id, r.held_on, r.status,
                                          self.guide_of(session, r).title,
                                          r.guide_version, r.family_agrees)
                for r in rows
            )

    # ---- writing as she listens

    def save_notes(self, conversation_id: str, section_key: str, notes: str, cursor_position: int = 0) -> None:
        """Save the notes of one section, and where she is, as one committed change."""
        with self.ctx.store.unit_of_work() as session:
            conversation = get_conversation(session, conversation_id)
            row = self._section_row(session, conversation, section_key)
            if row.notes != notes:
                row.notes = notes
            conversation.cursor_section, conversation.cursor_position = section_key, cursor_position
            audited = self._audit_edit(session, conversation, section_key)
        self._audited.update(audited)  # only once committed: a failed save is audited by the next one

    def move_cursor(self, conversation_id: str, section_key: str, position: int = 0) -> None:
        """Remember the section she is in (restored when the conversation is resumed)."""
        with self.ctx.store.unit_of_work() as session:
            conversation = get_conversation(session, conversation_id)
            if (conversation.cursor_section, conversation.cursor_position) != (section_key, position):
                conversation.cursor_section, conversation.cursor_position = section_key, position

    def _section_row(self, session: Session, conversation: Conversation, section_key: str) -> ConversationSection:
        row = session.execute(
            select(ConversationSection).where(ConversationSection.conversation_id == conversation.id,
                                              ConversationSection.section_key == section_key)
        ).scalar_one_or_none()
        if row is None:
            self._check_key(session, conversation, section_key)
            row = ConversationSection(conversation_id=conversation.id, section_key=section_key)
            session.add(row)
        return row

    def _check_key(self, session: Session, conversation: Conversation, section_key: str) -> None:
        guide = self.guide_of(session, conversation)
        section_id, _, member_id = section_key.partition(":")
        section = guide.section(section_id)
        member = session.get(FamilyMember, member_id) if member_id else None
        if section is None or (section.kind == "member") != bool(member_id) or (
                member_id and (member is None or member.case_id != conversation.case_id)):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown part of the conversation."),
                                  field="section_key")

    def _audit_edit(self, session: Session, conversation: Conversation,
                    section_key: str) -> set[tuple[str, str]]:
        """Append the session's first edit of a section to the audit trail; returns the key to remember
        once the transaction has committed (empty if it was audited before)."""
        key = (conversation.id, section_key)
        if key in self._audited:
            return set()
        append_audit(session, "conversation.edit", case_id=conversation.case_id, entity="conversations",
                     record_id=conversation.id, detail={"section": section_key})
        return {key}

    def set_member_status(self, conversation_id: str, section_key: str, status: str,
                          reason: str = "") -> cdto.ConversationView:
        """A member is addressed, or not present / not relevant (then a reason is required)."""
        if status not in SECTION_STATUSES:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown choice."), field="status")
        if status in ("not_present", "not_relevant") and not reason.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Write why this person is not part of the conversation."),
                field="status_reason",
            )
        with self.ctx.store.unit_of_work() as session:
            conversation, case = self._load(session, conversation_id)
            if not section_key.partition(":")[2]:
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown part of the conversation."),
                                      field="section_key")
            row = self._section_row(session, conversation, section_key)
            row.status, row.status_reason = status, reason.strip() if status != "addressed" else ""
            session.flush()
            append_audit(session, "conversation.member_status", case_id=case.id, entity="conversation_sections",
                         record_id=row.id, detail={"section": section_key, "status": status})
            session.expire(conversation, ["sections"])
            return self._view(session, conversation, case)

    # ---- resources and needs

    def add_item(self, conversation_id: str, kind: str, text: str, section_key: str = "",
                 member_ids: tuple[str, ...] = (), problem_areas: tuple[str, ...] = ()) -> cdto.ConversationView:
        """Capture a resource or a need in the family's words, tagged to members and problem areas."""
        with self.ctx.store.unit_of_work() as session:
            conversation, case = self._load(session, conversation_id)
            self._check_item(case, kind, text, member_ids, problem_areas)
            if section_key:
                self._check_key(session, conversation, section_key)
            position = max((i.position for i in conversation.items), default=-1) + 1
            item = ConversationItem(kind=kind, text=text.strip(), section_key=section_key,
                                    member_ids=list(member_ids), problem_areas=list(problem_areas), position=position)
            conversation.items.append(item)
            session.flush()
            append_audit(session, "conversation.item", case_id=case.id, entity="conversation_items",
                         record_id=item.id, detail={"kind": kind})
            return self._view(session, conversation, case)

    def update_item(self, conversation_id: str, item_id: str, text: str, member_ids: tuple[str, ...],
                    problem_areas: tuple[str, ...]) -> cdto.ConversationView:
        with self.ctx.store.unit_of_work() as session:
            conversation, case = self._load(session, conversation_id)
            item = next((i for i in conversation.items if i.id == item_id), None)
            if item is None:
                raise CaseNotFoundError(item_id)
            self._check_item(case, item.kind, text, member_ids, problem_areas)
            item.text, item.member_ids, item.problem_areas = text.strip(), list(member_ids), list(problem_areas)
            session.flush()
            append_audit(session, "conversation.item", case_id=case.id, entity="conversation_items",
                         record_id=item.id, detail={"kind": item.kind, "change": "update"})
            return self._view(session, conversation, case)

    def remove_item(self, conversation_id: str, item_id: str) -> cdto.ConversationView:
        with self.ctx.store.unit_of_work() as session:
            conversation, case = self._load(session, conversation_id)
            item = next((i for i in conversation.items if i.id == item_id), None)
            if item is None:
                raise CaseNotFoundError(item_id)
            conversation.items.remove(item)
            session.flush()
            append_audit(session, "conversation.item", case_id=case.id, entity="conversation_items",
                         record_id=item_id, detail={"change": "remove"})
            return self._view(session, conversation, case)

    def _check_item(self, case: Case, kind: str, text: str, member_ids: tuple[str, ...],
                    problem_areas: tuple[str, ...]) -> None:
        if kind not in (ITEM_RESOURCE, ITEM_NEED):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown choice."), field="kind")
        validation.required_text(text, "text")
        known_members = {m.id for m in case.members}
        if not set(member_ids) <= known_members:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown family member."), field="member_ids")
        known_areas = {t.code for t in self.ctx.content.vocabulary.problem_areas}
        if not set(problem_areas) <= known_areas:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown problem area."), field="problem_areas")

    # ---- assessment, what matters, finishing

    def set_assessment(self, conversation_id: str, coping_level: str, vulnerability: tuple[str, ...],
                       proposed_level: int | None, reason: str) -> cdto.ConversationView:
        """Coping level (mestringsniveau), vulnerability indicators and a proposed service level."""
        vocabulary = self.ctx.content.vocabulary
        if coping_level and vocabulary.coping_level(coping_level) is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown choice."), field="coping_level")
        if any(vocabulary.indicator(v) is None for v in vulnerability):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown choice."), field="vulnerability")
        if proposed_level is not None:
            if proposed_level not in (1, 2, 3, 4):
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a level from 1 to 4."), field="level")
            validation.required_text(reason, "proposed_level_reason")
        with self.ctx.store.unit_of_work() as session:
            conversation, case = self._load(session, conversation_id)
            conversation.coping_level = coping_level
            conversation.vulnerability = list(vulnerability)
            conversation.proposed_level = proposed_level
            conversation.proposed_level_reason = reason.strip()
            append_audit(session, "conversation.assessment", case_id=case.id, entity="conversations",
                         record_id=conversation.id)
            return self._view(session, conversation, case)

    def save_what_matters(self, conversation_id: str, text: str) -> None:
        """What matters most to the family, in their words (saved as she types)."""
        with self.ctx.store.unit_of_work() as session:
            conversation = get_conversation(session, conversation_id)
            if conversation.what_matters_most != text:
                conversation.what_matters_most = text
            audited = self._audit_edit(session, conversation, "what_matters_most")
        self._audited.update(audited)

    def complete(self, conversation_id: str) -> cdto.ConversationView:
        """Finish: every family member must be addressed or marked not present / not relevant."""
        today = self.ctx.today()
        with self.ctx.store.unit_of_work() as session:
            conversation, case = self._load(session, conversation_id)
            view = self._view(session, conversation, case)
            missing = view.unaddressed_members
            if missing:
                names = ", ".join(next((m.first_name for m in view.members if m.id == s.member_id), "")
                                  for s in missing)
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "Talk with everyone in the family, or mark them as not present or "
                                                "not relevant with a reason, before you finish: {names}."),
                    field="members", names=names,
                )
            conversation.status = CONVERSATION_COMPLETED
            conversation.completed_on = today
            detail = {}
            active = next((s for s in case.steps if s.status == "active"), None)
            # A conversation moves the case on once: finishing it again after a reopen (a correction)
            # must not also complete the step that follows it (e.g. the home visit still to come).
            if active is not None and active.kind in CONVERSATION_STEP_KINDS and not self._moved_case(
                    session, conversation.id):
                try:
                    self.course.apply_complete_step(case)
                    detail = {"step": active.code}
                except ConsentRequiredError:
                    pass  # the next step needs more consent; the case stays where it is
                refresh(case, self.ctx.content, today)
            session.flush()
            append_audit(session, "conversation.complete", case_id=case.id, entity="conversations",
                         record_id=conversation.id, detail=detail)
            return self._view(session, conversation, case)

    @staticmethod
    def _moved_case(session: Session, conversation_id: str) -> bool:
        """Whether finishing this conversation before already completed a step of the case."""
        details = session.execute(
            select(AuditEntry.detail).where(AuditEntry.action == "conversation.complete",
                                            AuditEntry.record_id == conversation_id)
        ).scalars()
        return any((d or {}).get("step") for d in details)

    def reopen(self, conversation_id: str) -> cdto.ConversationView:
        with self.ctx.store.unit_of_work() as session:
            conversation, case = self._load(session, conversation_id)
            conversation.status, conversation.completed_on = CONVERSATION_IN_PROGRESS, None
            append_audit(session, "conversation.reopen", case_id=case.id, entity="conversations",
                         record_id=conversation.id)
            return self._view(session, conversation, case)

