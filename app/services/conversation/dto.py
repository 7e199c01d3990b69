"""Plain data for the clarifying conversation: what the conversation screen shows and sends back.

Texts from content (titles, prompts, offer names) travel as ``Label`` objects (Danish and English);
the UI picks the language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.content.reader import Label


@dataclass(frozen=True)
class PromptView:
    id: str
    text: Label
    follow_ups: tuple[Label, ...] = ()


@dataclass(frozen=True)
class SectionView:
    """One section of the conversation as she sees it; member sections are one per family member."""

    key: str
    section_id: str
    kind: str
    title: Label
    intro: Label
    prompts: tuple[PromptView, ...]
    capture: tuple[str, ...]
    notes: str = ""
    status: str = ""
    status_reason: str = ""
    member_id: str = ""
    member_group: str = ""
    problem_area: str = ""

    @property
    def touched(self) -> bool:
        return bool(self.notes.strip() or self.status)


@dataclass(frozen=True)
class ItemView:
    """A resource or a need in the family's own words."""

    id: str
    kind: str
    text: str
    section_key: str
    member_ids: tuple[str, ...]
    problem_areas: tuple[str, ...]


@dataclass(frozen=True)
class AgreedStepView:
    id: str
    what: str
    who_kind: str
    who_name: str
    due_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class FollowUpView:
    id: str
    kind: str
    due_on: date
    note: str
    done_on: date | None
    overdue: bool
    due_today: bool


@dataclass(frozen=True)
class OfferWarning:
    """Why an offer may not fit: an English source text (translated in the UI) and its values."""

    message: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class OfferSuggestion:
    code: str
    label: Label
    description: Label
    provider: Label
    duration: Label
    frequency: Label
    for_member_ids: tuple[str, ...]
    matched_need_ids: tuple[str, ...]
    matched_problem_areas: tuple[str, ...]
    warnings: tuple[OfferWarning, ...]
    already_referred: bool


@dataclass(frozen=True)
class OffersView:
    """The offer catalogue for this conversation: closed until a need and a resource are recorded."""

    open: bool
    suggestions: tuple[OfferSuggestion, ...] = ()
    others: tuple[OfferSuggestion, ...] = ()


@dataclass(frozen=True)
class OfferReferralView:
    id: str
    offer_code: str
    offer_label: str
    member_id: str
    referred_on: date
    note: str
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class MemberLine:
    id: str
    first_name: str
    full_name: str
    group: str
    relation: str
    age_years: int | None
    diagnoses: frozenset[str] = frozenset()  # diagnosis codes (the offers' diagnosis limits)
    interpreter_language: str = ""  # the language code, when she needs an interpreter


@dataclass(frozen=True)
class ConversationView:
    id: str
    case_id: str
    family_name: str
    guide_id: str
    guide_version: int
    guide_title: Label
    status: str
    held_on: date
    completed_on: date | None
    cursor_section: str
    cursor_position: int
    sections: tuple[SectionView, ...]
    items: tuple[ItemView, ...]
    members: tuple[MemberLine, ...]
    coping_level: str
    vulnerability: tuple[str, ...]
    proposed_level: int | None
    proposed_level_reason: str
    what_matters_most: str
    summary_text: str
    family_agrees: bool | None
    agreement_note: str
    agreed_steps: tuple[AgreedStepView, ...]
    follow_ups: tuple[FollowUpView, ...]
    referrals: tuple[OfferReferralView, ...]
    answer_stale: bool = False  # the family answered, and the summary has changed since

    def section(self, key: str) -> SectionView | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def needs(self) -> tuple[ItemView, ...]:
        return tuple(i for i in self.items if i.kind == "need")

    @property
    def resources(self) -> tuple[ItemView, ...]:
        return tuple(i for i in self.items if i.kind == "resource")

    @property
    def unaddressed_members(self) -> tuple[SectionView, ...]:
        """Member sections neither addressed nor marked not present / not relevant."""
        return tuple(s for s in self.sections if s.kind == "member" and not s.status)

    @property
    def progress(self) -> tuple[int, int]:
        """(sections touched, sections in all) for the outline."""
        countable = [s for s in self.sections if s.kind not in ("offers", "summary")]
        return sum(1 for s in countable if s.touched), len(countable)


@dataclass(frozen=True)
class ConversationListItem:
    """A conversation of a case, as the case overview lists it."""

    id: str
    held_on: date
    status: str
    guide_title: Label
    guide_version: int
    family_agrees: bool | None
