"""Plain data passed between the UI and the services: inputs from forms and read-only views.

Codes (relation, scope, source kind ...) refer to the content catalogues; the UI shows their labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# ---- inputs


@dataclass(frozen=True)
class DiagnosisInput:
    label: str
    code: str = ""
    diagnosed_on: date | None = None


@dataclass(frozen=True)
class MemberInput:
    """A family member as typed in the form; ``id`` is set when editing an existing member."""

    relation: str
    first_name: str
    last_name: str = ""
    birth_date: date | None = None
    cpr: str = ""
    language: str = "da"
    interpreter_needed: bool = False
    has_custody: bool = False
    lives_in_household: bool = True
    phone: str = ""
    email: str = ""
    note: str = ""
    diagnoses: tuple[DiagnosisInput, ...] = ()
    id: str | None = None


@dataclass(frozen=True)
class ReferralInput:
    source_kind: str
    referred_on: date
    organisation: str = ""
    referrer_name: str = ""
    referrer_contact: str = ""
    reason: str = ""
    channel: str = ""


@dataclass(frozen=True)
class NewCase:
    """Everything needed to open a case from a referral."""

    family_name: str
    template_id: str
    referral: ReferralInput
    members: tuple[MemberInput, ...]
    address: str = ""
    postal_code: str = ""
    city: str = ""
    note: str = ""


@dataclass(frozen=True)
class HouseholdInput:
    family_name: str
    address: str = ""
    postal_code: str = ""
    city: str = ""
    note: str = ""


@dataclass(frozen=True)
class ScopeInput:
    scope: str
    recipients: str = ""


@dataclass(frozen=True)
class ConsentInput:
    given_by: str
    given_on: date
    form: str
    scopes: tuple[ScopeInput, ...]
    given_by_member_ids: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class TovholderInput:
    """A new tovholder; ``is_me`` takes name, role and contact from the profile."""

    started_on: date
    reason: str
    agreed_with_family: bool
    is_me: bool = False
    person_name: str = ""
    person_role: str = ""
    organisation: str = ""
    contact: str = ""


@dataclass(frozen=True)
class ServiceLevelInput:
    level: int
    decided_on: date
    reason: str


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows: the search text and the filters (status "open" = not closed)."""

    query: str = ""
    phase: str = ""
    status: str = ""
    mine: bool = False
    needs_attention: bool = False
    limit: int = 500


# ---- views


@dataclass(frozen=True)
class CaseListItem:
    id: str
    family_name: str
    child_names: str
    phase: str
    status: str
    current_step_da: str
    current_step_en: str
    tovholder_name: str
    service_level: int | None
    opened_on: date
    updated_at: datetime
    attention: tuple[str, ...]
    is_mine: bool
    next_follow_up_on: date | None = None
    next_follow_up_kind: str = ""


@dataclass(frozen=True)
class CaseList:
    """A page of the case list. ``total`` is exact when ``total_exact``; otherwise there are more
    than ``total`` matching cases (the count stops there, so typing never waits for it)."""

    items: tuple[CaseListItem, ...]
    total: int
    total_exact: bool = True


@dataclass(frozen=True)
class DiagnosisView:
    id: str
    label: str
    code: str
    diagnosed_on: date | None


@dataclass(frozen=True)
class MemberView:
    id: str
    relation: str
    group: str
    first_name: str
    last_name: str
    birth_date: date | None
    age_years: int | None
    cpr: str
    language: str
    interpreter_needed: bool
    has_custody: bool
    lives_in_household: bool
    phone: str
    email: str
    note: str
    diagnoses: tuple[DiagnosisView, ...]

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class ReferralView:
    id: str
    source_kind: str
    organisation: str
    referrer_name: str
    referrer_contact: str
    referred_on: date
    reason: str
    channel: str


@dataclass(frozen=True)
class ScopeGrantView:
    id: str
    scope: str
    recipients: str
    expires_on: date | None
    withdrawn_on: date | None
    withdrawn_reason: str
    active: bool


@dataclass(frozen=True)
class ConsentView:
    id: str
    given_by: str
    given_on: date
    form: str
    note: str
    recorded_by: str
    grants: tuple[ScopeGrantView, ...]


@dataclass(frozen=True)
class TovholderView:
    id: str
    person_name: str
    person_role: str
    organisation: str
    contact: str
    reason: str
    agreed_with_family: bool
    started_on: date
    ended_on: date | None
    is_me: bool
    recorded_at: datetime


@dataclass(frozen=True)
class ServiceLevelView:
    id: str
    level: int
    decided_on: date
    reason: str
    recorded_at: datetime


@dataclass(frozen=True)
class StepView:
    id: str
    code: str
    phase: str
    kind: str
    label_da: str
    label_en: str
    responsible: str
    status: str
    started_on: date | None
    completed_on: date | None
    due_on: date | None
    overdue: bool
    requires_consent: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True)
class CaseOverview:
    """A case at a glance: the family and the course."""

    id: str
    family_name: str
    address: str
    postal_code: str
    city: str
    note: str
    template_id: str
    template_version: int
    status: str
    phase: str
    opened_on: date
    closed_on: date | None
    members: tuple[MemberView, ...]
    referrals: tuple[ReferralView, ...]
    consents: tuple[ConsentView, ...]
    allowed_scopes: tuple[str, ...]
    tovholders: tuple[TovholderView, ...]
    service_levels: tuple[ServiceLevelView, ...]
    steps: tuple[StepView, ...]
    attention: tuple[str, ...]
    updated_at: datetime

    @property
    def tovholder(self) -> TovholderView | None:
        return next((t for t in reversed(self.tovholders) if t.ended_on is None), None)

    @property
    def service_level(self) -> ServiceLevelView | None:
        return self.service_levels[-1] if self.service_levels else None

    @property
    def current_step(self) -> StepView | None:
        return next((s for s in self.steps if s.status == "active"), None)


@dataclass(frozen=True)
class ProfileInfo:
    id: str
    name: str
    role: str
    organisation: str
    phone: str
    email: str


@dataclass(frozen=True)
class NewProfile:
    name: str
    role: str
    organisation: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class DraftView:
    key: str
    kind: str
    case_id: str
    payload: dict = field(default_factory=dict)
