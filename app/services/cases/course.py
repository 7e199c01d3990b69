"""The course of a case: consent (and its gate), the tovholder, the service level, the steps.

The consent gate: a step that requires consent scopes cannot become the current step until those
scopes are in force. Histories are kept: a new tovholder ends the old assignment, a new level is a
new decision, a withdrawal is dated on the grant.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.content.reader import Label
from app.core.errors import QT_TRANSLATE_NOOP, ConsentRequiredError, ValidationError
from app.models import (
    Case,
    CaseStep,
    Consent,
    ConsentScopeGrant,
    ServiceLevelDecision,
    TovholderAssignment,
)
from app.models.audit import append_audit
from app.models.case import (
    STATUS_ACTIVE,
    STATUS_CLOSED,
    STEP_ACTIVE,
    STEP_DONE,
    STEP_PENDING,
    STEP_SKIPPED,
)
from app.models.profile import ROLES
from app.services import validation
from app.services.cases import dto
from app.services.cases.overview import allowed_scopes, refresh
from app.services.cases.service import CaseNotFoundError, load_case
from app.services.cases.views import build_overview
from app.services.context import ServiceContext
from app.services.validation import add_months

TOVHOLDER_ROLES = ROLES + ("andet",)
CONSENT_FORMS = ("signed", "verbal", "digital")


class CourseService:
    """Use cases that move a case along its course."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ---- consent

    def record_consent(self, case_id: str, consent: dto.ConsentInput) -> dto.CaseOverview:
        """Record consent; if the current step is the consent step, it is completed."""
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            row = self.apply_consent(case, consent)
            return self._finish(session, case, "consent.record", "consents", row,
                                detail={"scopes": [g.scope for g in row.grants]})

    def apply_consent(self, case: Case, consent: dto.ConsentInput) -> Consent:
        """Validate and add the consent to ``case`` (inside the caller's unit of work)."""
        today = self.ctx.today()
        catalogue = self.ctx.content.consent
        validation.required_text(consent.given_by, "given_by")
        validation.not_in_future(consent.given_on, today, "given_on")
        if consent.form not in {f.code for f in catalogue.forms}:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose how consent was given."), field="form")
        if not consent.scopes:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose at least one thing the family consents to."),
                                  field="scopes")
        row = Consent(
            given_by=consent.given_by.strip(),
            given_by_member_ids=list(consent.given_by_member_ids),
            given_on=consent.given_on,
            form=consent.form,
            note=consent.note,
        )
        for scope_input in consent.scopes:
            scope = catalogue.scope(scope_input.scope)
            if scope is None:
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown consent scope."), field="scopes")
            if scope.needs_recipients and not scope_input.recipients.strip():
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "Name the people the information may be shared with."),
                    field=f"scopes.{scope.code}.recipients",
                )
            row.grants.append(
                ConsentScopeGrant(
                    scope=scope.code,
                    recipients=scope_input.recipients.strip(),
                    expires_on=add_months(consent.given_on, scope.valid_months) if scope.valid_months else None,
                )
            )
        case.consents.append(row)
        refresh(case, self.ctx.content, today)
        current = _active_step(case)
        if current is not None and current.kind == "consent" and "participation" in allowed_scopes(case, today):
            try:
                self._complete(case, current, today)
            except ConsentRequiredError:
                pass  # the next step needs more than this consent gives; she moves on later
        return row

    def withdraw_consent(self, case_id: str, grant_id: str, withdrawn_on: date, reason: str) -> dto.CaseOverview:
        """Withdraw one scope of a consent from ``withdrawn_on``; the grant keeps its history."""
        validation.not_in_future(withdrawn_on, self.ctx.today(), "withdrawn_on")
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            grant = next((g for c in case.consents for g in c.grants if g.id == grant_id), None)
            if grant is None:
                raise CaseNotFoundError(grant_id)
            if grant.withdrawn_on is not None:
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This consent is already withdrawn."),
                                      field="withdrawn_on")
            if withdrawn_on < grant.consent.given_on:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "Consent cannot be withdrawn before it was given."),
                    field="withdrawn_on",
                )
            grant.withdrawn_on = withdrawn_on
            grant.withdrawn_reason = reason.strip()
            return self._finish(session, case, "consent.withdraw", "consent_scope_grants", grant,
                                detail={"scope": grant.scope})

    # ---- tovholder and service level

    def assign_tovholder(self, case_id: str, tovholder: dto.TovholderInput) -> dto.CaseOverview:
        """Make someone the tovholder from ``started_on``; the previous assignment ends that day."""
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            row = self.apply_tovholder(case, tovholder)
            return self._finish(session, case, "tovholder.assign", "tovholder_assignments", row)

    def apply_tovholder(self, case: Case, tovholder: dto.TovholderInput) -> TovholderAssignment:
        profile = self.ctx.profile
        name = profile.name if tovholder.is_me else validation.required_text(tovholder.person_name, "person_name")
        role = profile.role if tovholder.is_me else tovholder.person_role
        if role not in TOVHOLDER_ROLES:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose the tovholder's role."), field="person_role")
        validation.required_text(tovholder.reason, "reason")
        validation.not_in_future(tovholder.started_on, self.ctx.today(), "started_on")
        for current in case.tovholder_assignments:
            if current.ended_on is None:
                if tovholder.started_on < current.started_on:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("Errors", "The new tovholder cannot start before the current one."),
                        field="started_on",
                    )
                current.ended_on = tovholder.started_on
        row = TovholderAssignment(
            person_name=name,
            person_role=role,
            profile_id=profile.id if tovholder.is_me else "",
            organisation=(profile.organisation if tovholder.is_me else tovholder.organisation).strip(),
            contact=(_contact(profile) if tovholder.is_me else tovholder.contact).strip(),
            reason=tovholder.reason.strip(),
            agreed_with_family=tovholder.agreed_with_family,
            started_on=tovholder.started_on,
        )
        case.tovholder_assignments.append(row)
        return row

    def record_service_level(self, case_id: str, decision: dto.ServiceLevelInput) -> dto.CaseOverview:
        """Record the level of services the family needs now (niveau 1-4), with the reason."""
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            row = self.apply_service_level(case, decision)
            return self._finish(session, case, "service_level.record", "service_level_decisions", row,
                                detail={"level": decision.level})

    def apply_service_level(self, case: Case, decision: dto.ServiceLevelInput) -> ServiceLevelDecision:
        if decision.level not in (1, 2, 3, 4):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a level from 1 to 4."), field="level")
        validation.required_text(decision.reason, "reason")
        validation.not_in_future(decision.decided_on, self.ctx.today(), "decided_on")
        row = ServiceLevelDecision(level=decision.level, decided_on=decision.decided_on,
                                   reason=decision.reason.strip())
        case.service_levels.append(row)
        return row

    # ---- steps

    def complete_step(self, case_id: str) -> dto.CaseOverview:
        """Finish the current step and move to the next; blocked by the consent gate."""
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            current = self.apply_complete_step(case)
            return self._finish(session, case, "step.complete", "case_steps", current,
                                detail={"step": current.code})

    def apply_complete_step(self, case: Case) -> CaseStep:
        current = _active_step(case)
        if current is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The case has no current step."), field="steps")
        self._complete(case, current, self.ctx.today())
        return current

    def skip_step(self, case_id: str) -> dto.CaseOverview:
        """Skip the current step if the template marks it optional."""
        today = self.ctx.today()
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            current = _active_step(case)
            template = self.ctx.content.version("case_template", case.template_id, case.template_version)
            optional = {s.code for s in template.steps if s.optional} if template else set()
            if current is None or current.code not in optional:
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Only an optional step can be skipped."),
                                      field="steps")
            self._complete(case, current, today, status=STEP_SKIPPED)
            return self._finish(session, case, "step.skip", "case_steps", current, detail={"step": current.code})

    def set_step_due(self, case_id: str, step_id: str, due_on: date | None) -> dto.CaseOverview:
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            step = next((s for s in case.steps if s.id == step_id), None)
            if step is None:
                raise CaseNotFoundError(step_id)
            step.due_on = due_on
            return self._finish(session, case, "step.due", "case_steps", step)

    def _complete(self, case: Case, current: CaseStep, today: date, status: str = STEP_DONE) -> None:
        following = [s for s in case.steps if s.position > current.position and s.status == STEP_PENDING]
        if following:
            nxt = following[0]
            missing = [scope for scope in nxt.requires_consent or () if scope not in allowed_scopes(case, today)]
            if missing:
                catalogue = self.ctx.content.consent
                scopes = [catalogue.scope(m) for m in missing]
                raise ConsentRequiredError(
                    step=Label(nxt.label_da, nxt.label_en),
                    missing=Label(", ".join(s.label.da for s in scopes if s), ", ".join(s.label.text("en") for s in scopes if s)),
                )
            nxt.status = STEP_ACTIVE
            nxt.started_on = today
        current.status = status
        current.completed_on = today
        if not following:
            case.status = STATUS_CLOSED
            case.closed_on = today

    # ---- closing

    def close_case(self, case_id: str, reason: str) -> dto.CaseOverview:
        validation.required_text(reason, "closed_reason")
        today = self.ctx.today()
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            case.status = STATUS_CLOSED
            case.closed_on = today
            case.closed_reason = reason.strip()
            return self._finish(session, case, "case.close", "cases", case)

    def reopen_case(self, case_id: str) -> dto.CaseOverview:
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            case.status = STATUS_ACTIVE
            case.closed_on = None
            if _active_step(case) is None:
                last = case.steps[-1] if case.steps else None
                if last is not None:
                    last.status = STEP_ACTIVE
                    last.completed_on = None
            return self._finish(session, case, "case.reopen", "cases", case)

    def _finish(self, session: Session, case: Case, action: str, entity: str, row: object,
                detail: dict | None = None) -> dto.CaseOverview:
        today = self.ctx.today()
        refresh(case, self.ctx.content, today)
        session.flush()
        append_audit(session, action, case_id=case.id, entity=entity, record_id=getattr(row, "id", ""),
                     detail=detail)
        return build_overview(case, self.ctx.content, self.ctx.profile.id, today)


def _active_step(case: Case) -> CaseStep | None:
    return next((s for s in case.steps if s.status == STEP_ACTIVE), None)


def _contact(profile: dto.ProfileInfo) -> str:
    return " · ".join(p for p in (profile.phone, profile.email) if p)
