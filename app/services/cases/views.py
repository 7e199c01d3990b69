"""Turning ORM rows into the read-only views the UI shows (no ORM object leaves the services)."""

from __future__ import annotations

from datetime import date

from app.content.library import ContentLibrary
from app.models import Case, FamilyMember
from app.services.cases import dto
from app.services.cases.overview import allowed_scopes, attention, grant_active, step_overdue
from app.services.validation import age_on


def member_view(member: FamilyMember, groups: dict[str, str], today: date) -> dto.MemberView:
    return dto.MemberView(
        id=member.id,
        relation=member.relation,
        group=groups.get(member.relation, "other"),
        first_name=member.first_name,
        last_name=member.last_name,
        birth_date=member.birth_date,
        age_years=age_on(member.birth_date, today),
        cpr=member.cpr,
        language=member.language,
        interpreter_needed=member.interpreter_needed,
        has_custody=member.has_custody,
        lives_in_household=member.lives_in_household,
        phone=member.phone,
        email=member.email,
        note=member.note,
        diagnoses=tuple(
            dto.DiagnosisView(d.id, d.label, d.code, d.diagnosed_on) for d in member.diagnoses
        ),
    )


def build_overview(case: Case, content: ContentLibrary, profile_id: str, today: date) -> dto.CaseOverview:
    groups = {r.code: r.group for r in content.family.relations}
    optional_steps: set[str] = set()
    template = content.version("case_template", case.template_id, case.template_version)
    if template is not None:
        optional_steps = {s.code for s in template.steps if s.optional}
    return dto.CaseOverview(
        id=case.id,
        family_name=case.family_name,
        address=case.address,
        postal_code=case.postal_code,
        city=case.city,
        note=case.note,
        template_id=case.template_id,
        template_version=case.template_version,
        status=case.status,
        phase=case.phase,
        opened_on=case.opened_on,
        closed_on=case.closed_on,
        members=tuple(member_view(m, groups, today) for m in case.members),
        referrals=tuple(
            dto.ReferralView(
                r.id, r.source_kind, r.organisation, r.referrer_name, r.referrer_contact,
                r.referred_on, r.reason, r.channel,
            )
            for r in case.referrals
        ),
        consents=tuple(
            dto.ConsentView(
                id=c.id,
                given_by=c.given_by,
                given_on=c.given_on,
                form=c.form,
                note=c.note,
                recorded_by=c.created_by,
                grants=tuple(
                    dto.ScopeGrantView(
                        g.id, g.scope, g.recipients, g.expires_on, g.withdrawn_on, g.withdrawn_reason,
                        grant_active(g, today),
                    )
                    for g in c.grants
                ),
            )
            for c in case.consents
        ),
        allowed_scopes=tuple(sorted(allowed_scopes(case, today))),
        tovholders=tuple(
            dto.TovholderView(
                id=t.id,
                person_name=t.person_name,
                person_role=t.person_role,
                organisation=t.organisation,
                contact=t.contact,
                reason=t.reason,
                agreed_with_family=t.agreed_with_family,
                started_on=t.started_on,
                ended_on=t.ended_on,
                is_me=bool(t.profile_id) and t.profile_id == profile_id,
                recorded_at=t.created_at,
            )
            for t in case.tovholder_assignments
        ),
        service_levels=tuple(
            dto.ServiceLevelView(s.id, s.level, s.decided_on, s.reason, s.created_at)
            for s in case.service_levels
        ),
        steps=tuple(
            dto.StepView(
                id=s.id,
                code=s.code,
                phase=s.phase,
                kind=s.kind,
                label_da=s.label_da,
                label_en=s.label_en,
                responsible=s.responsible,
                status=s.status,
                started_on=s.started_on,
                completed_on=s.completed_on,
                due_on=s.due_on,
                overdue=step_overdue(s, today),
                requires_consent=tuple(s.requires_consent or ()),
                optional=s.code in optional_steps,
            )
            for s in case.steps
        ),
        attention=attention(case, today),
        updated_at=case.updated_at,
    )
