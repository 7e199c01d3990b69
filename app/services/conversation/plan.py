"""What comes out of the conversation: offers (only after needs and resources), agreed next steps,
and the next contact (a follow-up that the case list shows as due and overdue).

Offers are suggested from the catalogue by the problem areas of the family's needs, and checked
against the member's age and the child's diagnosis; a mismatch is a warning she can see, not a ban.
A paused offer is suggested with a warning (the family can wait for it); an ended one is not shown.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.content.conversation import Offer
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.models import AgreedStep, Case, FollowUp, OfferReferral
from app.models.audit import append_audit
from app.models.conversation import CONTACT_KINDS
from app.services import validation
from app.services.cases.overview import refresh
from app.services.cases.service import CaseNotFoundError, load_case
from app.services.context import ServiceContext
from app.services.conversation import dto as cdto
from app.services.conversation.service import ConversationService, get_conversation
from app.services.conversation.views import follow_up_view

WHO_KINDS = ("family", "professional")


class PlanService:
    def __init__(self, ctx: ServiceContext, conversations: ConversationService) -> None:
        self.ctx = ctx
        self.conversations = conversations

    # ---- offers

    def offers(self, conversation_id: str) -> cdto.OffersView:
        """The offer catalogue for this conversation, closed until a need and a resource exist."""
        view = self.conversations.view(conversation_id)
        return self.offers_for(view)

    def offers_for(self, view: cdto.ConversationView) -> cdto.OffersView:
        if not view.needs or not view.resources:
            return cdto.OffersView(open=False)
        need_areas: dict[str, list[str]] = {}
        for need in view.needs:
            for area in need.problem_areas:
                need_areas.setdefault(area, []).append(need.id)
        referred = {r.offer_code for r in view.referrals}
        suggestions, others = [], []
        for offer in self.ctx.content.offers.offers:
            if offer.status == "ended":
                continue  # no longer there to choose
            matched_areas = tuple(a for a in offer.problem_areas if a in need_areas)
            matched_needs = tuple(dict.fromkeys(n for a in matched_areas for n in need_areas[a]))
            members = self._members_for(offer, view, matched_needs)
            suggestion = cdto.OfferSuggestion(
                code=offer.code, label=offer.label, description=offer.description, provider=offer.provider,
                duration=offer.duration, frequency=offer.frequency,
                for_member_ids=tuple(m.id for m in members),
                matched_need_ids=matched_needs, matched_problem_areas=matched_areas,
                warnings=self._warnings(offer, members, view),
                already_referred=offer.code in referred,
            )
            (suggestions if matched_areas else others).append(suggestion)
        tagged = {m for need in view.needs for m in need.member_ids}
        # First the offers that fit without warnings and are for the members the needs are about.
        suggestions.sort(key=lambda s: (len(s.warnings), -len(tagged & set(s.for_member_ids)),
                                        -len(s.matched_need_ids)))
        return cdto.OffersView(open=True, suggestions=tuple(suggestions), others=tuple(others))

    @staticmethod
    def _members_for(offer: Offer, view: cdto.ConversationView,
                     matched_needs: tuple[str, ...]) -> tuple[cdto.MemberLine, ...]:
        """Whom the offer would be for: the members tagged on the matched needs, in the offer's target
        groups; if no need names anyone, every member in the target groups."""
        if "family" in offer.target:
            return ()  # for the whole family, not for one member
        tagged = {m for i in view.needs if i.id in matched_needs for m in i.member_ids}
        in_target = [m for m in view.members if m.group in offer.target]
        chosen = [m for m in in_target if m.id in tagged]
        return tuple(chosen or in_target)

    @staticmethod
    def _warnings(offer: Offer, members: tuple[cdto.MemberLine, ...],
                  view: cdto.ConversationView) -> tuple[cdto.OfferWarning, ...]:
        warnings = []
        if offer.status == "paused":
            warnings.append(cdto.OfferWarning(QT_TRANSLATE_NOOP(
                "Offers", "The offer is paused at the moment; ask the provider when it starts again.")))
        if not members and "family" not in offer.target:
            warnings.append(cdto.OfferWarning(QT_TRANSLATE_NOOP(
                "Offers", "Nobody in the family is in the group this offer is for.")))
        for member in members:
            if not offer.fits_age(member.age_years):
                warnings.append(cdto.OfferWarning(QT_TRANSLATE_NOOP(
                    "Offers", "{name} is {age} years old; the offer is for ages {low}–{high}."),
                    {"name": member.first_name, "age": member.age_years,
                     "low": offer.min_age if offer.min_age is not None else 0,
                     "high": offer.max_age if offer.max_age is not None else "…"}))
        if offer.diagnoses:
            ill = [m for m in view.members if m.diagnoses]
            if not any(offer.fits_diagnoses(m.diagnoses) for m in ill):
                warnings.append(cdto.OfferWarning(QT_TRANSLATE_NOOP(
                    "Offers", "The offer is for children with another diagnosis than the child's.")))
        return tuple(warnings)

    def refer(self, conversation_id: str, offer_code: str, member_id: str = "", note: str = "",
              referred_on: date | None = None) -> cdto.ConversationView:
        """Record a referral to an offer (with the warnings she saw). Only once offers are open."""
        view = self.conversations.view(conversation_id)
        offers = self.offers_for(view)
        if not offers.open:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Record at least one need and one resource first: the family's needs come before "
                          "the offers."), field="offers")
        suggestion = next((s for s in offers.suggestions + offers.others if s.code == offer_code), None)
        offer = self.ctx.content.offers.offer(offer_code)
        if offer is not None and offer.status == "ended":
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This offer has ended and can no longer be chosen."),
                                  field="offer")
        if suggestion is None or offer is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown offer."), field="offer")
        if member_id and member_id not in {m.id for m in view.members}:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown family member."), field="member_id")
        day = referred_on or self.ctx.today()
        validation.not_in_future(day, self.ctx.today(), "referred_on")
        with self.ctx.store.unit_of_work() as session:
            row = OfferReferral(
                case_id=view.case_id, conversation_id=conversation_id, offer_code=offer.code,
                offer_label=offer.label.da, catalogue_version=self.ctx.content.offers.header.version,
                member_id=member_id, referred_on=day, note=note.strip(),
                warnings=[w.message.format(**w.params) if w.params else w.message for w in suggestion.warnings],
            )
            session.add(row)
            session.flush()
            append_audit(session, "offer.refer", case_id=view.case_id, entity="offer_referrals", record_id=row.id,
                         detail={"offer": offer.code, "warnings": len(suggestion.warnings)})
        return self.conversations.view(conversation_id)

    # ---- agreed next steps

    def add_step(self, conversation_id: str, what: str, who_kind: str, who_name: str = "",
                 due_on: date | None = None) -> cdto.ConversationView:
        what = validation.required_text(what, "what")
        if who_kind not in WHO_KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose who does it."), field="who_kind")
        with self.ctx.store.unit_of_work() as session:
            conversation = get_conversation(session, conversation_id)
            # After the last one (not the count: after a removal that would repeat a position).
            last = session.execute(
                select(func.max(AgreedStep.position)).where(AgreedStep.conversation_id == conversation_id)).scalar()
            position = 0 if last is None else last + 1
            row = AgreedStep(case_id=conversation.case_id, conversation_id=conversation_id, position=position,
                             what=what, who_kind=who_kind, who_name=who_name.strip(), due_on=due_on)
            session.add(row)
            session.flush()
            append_audit(session, "agreed_step.add", case_id=conversation.case_id, entity="agreed_steps",
                         record_id=row.id)
        return self.conversations.view(conversation_id)

    def update_step(self, conversation_id: str, step_id: str, what: str, who_kind: str, who_name: str,
                    due_on: date | None, done_on: date | None = None) -> cdto.ConversationView:
        what = validation.required_text(what, "what")
        if who_kind not in WHO_KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose who does it."), field="who_kind")
        validation.not_in_future(done_on, self.ctx.today(), "done_on")
        with self.ctx.store.unit_of_work() as session:
            row = session.get(AgreedStep, step_id)
            if row is None or row.conversation_id != conversation_id:
                raise CaseNotFoundError(step_id)
            row.what, row.who_kind, row.who_name, row.due_on, row.done_on = what, who_kind, who_name.strip(), due_on, done_on
            append_audit(session, "agreed_step.update", case_id=row.case_id, entity="agreed_steps", record_id=row.id)
        return self.conversations.view(conversation_id)

    def remove_step(self, conversation_id: str, step_id: str) -> cdto.ConversationView:
        with self.ctx.store.unit_of_work() as session:
            row = session.get(AgreedStep, step_id)
            if row is None or row.conversation_id != conversation_id:
                raise CaseNotFoundError(step_id)
            session.delete(row)
            append_audit(session, "agreed_step.remove", case_id=row.case_id, entity="agreed_steps", record_id=step_id)
        return self.conversations.view(conversation_id)

    # ---- the next contact

    def schedule_follow_up(self, conversation_id: str, kind: str, due_on: date, note: str = "") -> cdto.ConversationView:
        """The next contact: follow-up conversation, home visit, or calling a network meeting."""
        if kind not in CONTACT_KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose the kind of contact."), field="kind")
        if due_on is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This field must be filled in."), field="due_on")
        with self.ctx.store.unit_of_work() as session:
            conversation = get_conversation(session, conversation_id)
            case = load_case(session, conversation.case_id)
            row = FollowUp(case_id=case.id, conversation_id=conversation_id, kind=kind, due_on=due_on,
                           note=note.strip())
            case.follow_ups.append(row)
            refresh(case, self.ctx.content, self.ctx.today())
            session.flush()
            append_audit(session, "follow_up.schedule", case_id=case.id, entity="follow_ups", record_id=row.id,
                         detail={"kind": kind})
        return self.conversations.view(conversation_id)

    def complete_follow_up(self, case_id: str, follow_up_id: str, done_on: date | None = None) -> cdto.FollowUpView:
        today = self.ctx.today()
        done_on = done_on or today
        validation.not_in_future(done_on, today, "done_on")
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            row = next((f for f in case.follow_ups if f.id == follow_up_id), None)
            if row is None:
                raise CaseNotFoundError(follow_up_id)
            row.done_on = done_on
            refresh(case, self.ctx.content, today)
            append_audit(session, "follow_up.done", case_id=case.id, entity="follow_ups", record_id=row.id)
            return follow_up_view(row, today)

    def follow_ups(self, case_id: str) -> tuple[cdto.FollowUpView, ...]:
        """The case's next contacts, soonest first. Read on their own: opening a case asks for them
        next to the overview, which has already loaded the whole case."""
        with self.ctx.store.unit_of_work() as session:
            if session.get(Case, case_id) is None:
                raise CaseNotFoundError(case_id)
            rows = session.execute(
                select(FollowUp).where(FollowUp.case_id == case_id).order_by(FollowUp.due_on)).scalars()
            return tuple(follow_up_view(f, self.ctx.today()) for f in rows)
