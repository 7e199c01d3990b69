"""Derived facts about a case: what consent allows now, what needs attention, the list summary.

``refresh(case, ...)`` recomputes the summary columns of ``Case`` after every change, so the case list
can search and filter thousands of cases in one query.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from app.content.library import ContentLibrary
from app.models import Case, CaseStep, ConsentScopeGrant
from app.models.case import STATUS_CLOSED, STEP_ACTIVE, STEP_DONE, STEP_PENDING, STEP_SKIPPED

ATTENTION_NO_CONSENT = "no_consent"
ATTENTION_NO_TOVHOLDER = "no_tovholder"
ATTENTION_OVERDUE = "overdue"
ATTENTION_CONSENT_EXPIRING = "consent_expiring"
ATTENTION_FOLLOW_UP_DUE = "follow_up_due"
ATTENTION_FOLLOW_UP_OVERDUE = "follow_up_overdue"
CONSENT_WARNING_DAYS = 30
CPR_PREFIX = re.compile(r"^\d{6}-\d{0,4}$")


def normalise(text: str) -> str:
    """Text as the search compares it: NFKC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def search_words(query: str) -> list[str]:
    """The words of a search; a CPR typed with a dash is searched without it."""
    return [w.replace("-", "") if CPR_PREFIX.match(w) else w for w in normalise(query).split()]


def allowed_scopes(case: Case, today: date) -> set[str]:
    """The consent scopes that are in force today (given, not withdrawn, not expired)."""
    return {
        grant.scope
        for consent in case.consents
        if consent.given_on <= today
        for grant in consent.grants
        if grant_active(grant, today)
    }


def grant_active(grant: ConsentScopeGrant, today: date) -> bool:
    """In force today: not withdrawn and not lapsed."""
    withdrawn = grant.withdrawn_on is not None and grant.withdrawn_on <= today
    lapsed = grant.expires_on is not None and grant.expires_on < today
    return not withdrawn and not lapsed


def active_consent_expiry(case: Case, today: date) -> date | None:
    """The first date on which a scope in force today lapses."""
    dates = [
        grant.expires_on
        for consent in case.consents
        for grant in consent.grants
        if grant.expires_on is not None and grant_active(grant, today)
    ]
    return min(dates) if dates else None


def current_tovholder_name(case: Case) -> tuple[str, str]:
    current = [t for t in case.tovholder_assignments if t.ended_on is None]
    if not current:
        return "", ""
    latest = current[-1]
    return latest.person_name, latest.profile_id


def step_overdue(step: CaseStep, today: date) -> bool:
    return step.status in (STEP_ACTIVE, STEP_PENDING) and step.due_on is not None and step.due_on < today


def attention(case: Case, today: date) -> tuple[str, ...]:
    """Why the case needs her attention now (empty if it does not, and always for closed cases)."""
    return attention_from(
        case.status, case.has_participation_consent, case.tovholder_name, case.next_due_on,
        case.consent_expires_on, today, case.next_follow_up_on,
    )


def attention_from(
    status: str,
    has_participation_consent: bool,
    tovholder_name: str,
    next_due_on: date | None,
    consent_expires_on: date | None,
    today: date,
    next_follow_up_on: date | None = None,
) -> tuple[str, ...]:
    """``attention`` from the summary columns alone (used by the list query)."""
    if status == STATUS_CLOSED:
        return ()
    reasons = []
    if not has_participation_consent:
        reasons.append(ATTENTION_NO_CONSENT)
    if not tovholder_name:
        reasons.append(ATTENTION_NO_TOVHOLDER)
    if next_due_on is not None and next_due_on < today:
        reasons.append(ATTENTION_OVERDUE)
    if consent_expires_on is not None and consent_expires_on <= today + timedelta(days=CONSENT_WARNING_DAYS):
        reasons.append(ATTENTION_CONSENT_EXPIRING)
    if next_follow_up_on is not None and next_follow_up_on < today:
        reasons.append(ATTENTION_FOLLOW_UP_OVERDUE)
    elif next_follow_up_on == today:
        reasons.append(ATTENTION_FOLLOW_UP_DUE)
    return tuple(reasons)


def refresh(case: Case, content: ContentLibrary, today: date) -> None:
    """Recompute the summary columns of ``case`` from its rows."""
    family = content.family
    groups = {r.code: r.group for r in family.relations}
    parts = [case.family_name, case.address, case.postal_code, case.city]
    children = []
    for member in case.members:
        parts += [member.first_name, member.last_name]
        if member.cpr:
            parts.append(member.cpr.replace("-", ""))
        if groups.get(member.relation) == "child":
            children.append(member.first_name)
    case.search_text = "\n".join(normalise(p) for p in parts if p)
    case.child_names = ", ".join(children)
    case.tovholder_name, case.tovholder_profile_id = current_tovholder_name(case)
    case.service_level = case.service_levels[-1].level if case.service_levels else None
    scopes = allowed_scopes(case, today)
    case.has_participation_consent = "participation" in scopes
    case.consent_expires_on = active_consent_expiry(case, today)
    open_due = [s.due_on for s in case.steps if s.status in (STEP_ACTIVE, STEP_PENDING) and s.due_on]
    case.next_due_on = min(open_due) if open_due else None
    open_follow_ups = [f for f in case.follow_ups if f.done_on is None]
    first = min(open_follow_ups, key=lambda f: f.due_on) if open_follow_ups else None
    case.next_follow_up_on = first.due_on if first else None
    case.next_follow_up_kind = first.kind if first else ""
    active = next((s for s in case.steps if s.status == STEP_ACTIVE), None)
    if active is not None:
        case.current_step_code = active.code
        case.current_step_da, case.current_step_en = active.label_da, active.label_en
        case.phase = active.phase
    elif case.steps and all(s.status in (STEP_DONE, STEP_SKIPPED) for s in case.steps):
        case.current_step_code = case.current_step_da = case.current_step_en = ""
        case.phase = case.steps[-1].phase
