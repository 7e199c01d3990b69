"""Building the conversation's view from its rows and its guide (the guide expands per member)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date

from app.content.guide import ConversationGuide, fill_name, prompts_for
from app.content.library import ContentLibrary
from app.content.reader import Label
from app.models import AgreedStep, Case, Conversation, FollowUp, OfferReferral
from app.services.conversation import dto as cdto
from app.services.validation import age_on

MEMBER_SEPARATOR = ":"


def member_key(section_id: str, member_id: str) -> str:
    return f"{section_id}{MEMBER_SEPARATOR}{member_id}"


def members_of(case: Case, content: ContentLibrary, today: date) -> tuple[cdto.MemberLine, ...]:
    groups = {r.code: r.group for r in content.family.relations}
    return tuple(
        cdto.MemberLine(m.id, m.first_name, f"{m.first_name} {m.last_name}".strip(),
                        groups.get(m.relation, "other"), m.relation, age_on(m.birth_date, today),
                        frozenset(d.code for d in m.diagnoses if d.code),
                        m.language if m.interpreter_needed else "")
        for m in case.members
    )


def section_views(guide: ConversationGuide, members: tuple[cdto.MemberLine, ...],
                  saved: dict[str, tuple[str, str, str]]) -> tuple[cdto.SectionView, ...]:
    """The guide's sections in order; the member section once per family member."""
    views = []
    for section in guide.sections:
        if section.kind == "member":
            for member in members:
                key = member_key(section.id, member.id)
                notes, status, reason = saved.get(key, ("", "", ""))
                title = Label(fill_name(section.title.da, member.first_name),
                              fill_name(section.title.text("en"), member.first_name))
                prompts = tuple(
                    cdto.PromptView(p.id, _named(p.text, member.first_name),
                                    tuple(_named(f, member.first_name) for f in p.follow_ups))
                    for p in prompts_for(section, member.group, member.age_years)
                )
                views.append(cdto.SectionView(
                    key, section.id, section.kind, title, section.intro, prompts, section.capture, notes,
                    status, reason, member.id, member.group, ""))
            continue
        notes, status, reason = saved.get(section.id, ("", "", ""))
        views.append(cdto.SectionView(
            section.id, section.id, section.kind, section.title, section.intro,
            tuple(cdto.PromptView(p.id, p.text, p.follow_ups) for p in section.prompts),
            section.capture, notes, status, reason, "", "", section.problem_area or ""))
    return tuple(views)


def _named(label: Label, name: str) -> Label:
    return Label(fill_name(label.da, name), fill_name(label.en, name))


def build_view(conversation: Conversation, case: Case, guide: ConversationGuide, content: ContentLibrary,
               steps: list[AgreedStep], follow_ups: list[FollowUp], referrals: list[OfferReferral],
               today: date) -> cdto.ConversationView:
    members = members_of(case, content, today)
    saved = {s.section_key: (s.notes, s.status, s.status_reason) for s in conversation.sections}
    view = cdto.ConversationView(
        id=conversation.id,
        case_id=case.id,
        family_name=case.family_name,
        guide_id=conversation.guide_id,
        guide_version=conversation.guide_version,
        guide_title=guide.title,
        status=conversation.status,
        held_on=conversation.held_on,
        completed_on=conversation.completed_on,
        cursor_section=conversation.cursor_section,
        cursor_position=conversation.cursor_position,
        sections=section_views(guide, members, saved),
        items=tuple(
            cdto.ItemView(i.id, i.kind, i.text, i.section_key, tuple(i.member_ids or ()),
                          tuple(i.problem_areas or ()))
            for i in conversation.items
        ),
        members=members,
        coping_level=conversation.coping_level,
        vulnerability=tuple(conversation.vulnerability or ()),
        proposed_level=conversation.proposed_level,
        proposed_level_reason=conversation.proposed_level_reason,
        what_matters_most=conversation.what_matters_most,
        summary_text=conversation.summary_text,
        family_agrees=conversation.family_agrees,
        agreement_note=conversation.agreement_note,
        agreed_steps=tuple(
            cdto.AgreedStepView(s.id, s.what, s.who_kind, s.who_name, s.due_on, s.done_on) for s in steps
        ),
        follow_ups=tuple(follow_up_view(f, today) for f in follow_ups),
        referrals=tuple(
            cdto.OfferReferralView(r.id, r.offer_code, r.offer_label, r.member_id, r.referred_on, r.note,
                              tuple(r.warnings or ()))
            for r in referrals
        ),
    )
    if conversation.agreed_digest and conversation.agreed_digest != summary_digest(view):
        # Changed since the family answered: not agreed (nor disagreed) until it is read back again.
        view = dataclasses.replace(view, family_agrees=None, answer_stale=True)
    return view


def summary_digest(view: cdto.ConversationView) -> str:
    """A digest of what the family's summary says (the read-back and their PDF): who was present, what
    matters most, what goes well, what they want help with, the open agreed steps and the next contact."""
    present = sorted(s.member_id for s in view.sections if s.kind == "member" and s.status == "addressed")
    upcoming = sorted((f.due_on.isoformat(), f.kind, f.note) for f in view.follow_ups if f.done_on is None)
    body = {
        "present": present,
        "what_matters_most": view.what_matters_most.strip(),
        "resources": [i.text for i in view.resources],
        "needs": [i.text for i in view.needs],
        "steps": [(s.what, s.who_kind, s.who_name, s.due_on.isoformat() if s.due_on else "")
                  for s in view.agreed_steps if s.done_on is None],
        "next_contact": upcoming[:1],
    }
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def follow_up_view(follow_up: FollowUp, today: date) -> cdto.FollowUpView:
    open_ = follow_up.done_on is None
    return cdto.FollowUpView(
        follow_up.id, follow_up.kind, follow_up.due_on, follow_up.note, follow_up.done_on,
        overdue=open_ and follow_up.due_on < today, due_today=open_ and follow_up.due_on == today,
    )
