"""Cases: open one from a referral, find families as she types, see a case at a glance, and keep
the household and its members up to date. Every open and change is audited."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import and_, column, func, literal, literal_column, or_, select, table
from sqlalchemy.orm import Session, selectinload

from app.core.errors import QT_TRANSLATE_NOOP, RecordGoneError, ValidationError
from app.models import Case, CaseStep, Consent, Diagnosis, FamilyMember, Referral
from app.models.audit import append_audit
from app.models.case import STATUS_CLOSED, STEP_ACTIVE, STEP_DONE, STEP_PENDING
from app.services import validation
from app.services.cases import dto
from app.services.cases.overview import CONSENT_WARNING_DAYS, attention_from, refresh, search_words
from app.services.cases.views import build_overview
from app.services.context import ServiceContext

CASE_LOADS = (
    selectinload(Case.members).selectinload(FamilyMember.diagnoses),
    selectinload(Case.referrals),
    selectinload(Case.consents).selectinload(Consent.grants),
    selectinload(Case.tovholder_assignments),
    selectinload(Case.service_levels),
    selectinload(Case.steps),
    selectinload(Case.follow_ups),
)


# The trigram index (``app.models.case.CASE_SEARCH``): a word of at least TRIGRAM characters is
# looked up there; shorter ones (the first keystrokes) are compared with ``instr`` on the rows.
CASE_SEARCH = table("case_search", column("rowid"), column("case_search"))
CASE_ROWID = literal_column("cases.rowid")
# The same, with SQLite's unary plus: not used to look rows up, only to test each row it reads.
CASE_ROWID_TESTED = literal_column("+cases.rowid")
TRIGRAM = 3
# With more matches than this in the trigram index, the page is found by reading the cases newest
# first until it is full (the matches are dense); with fewer, by looking each match up and sorting.
WALK_ABOVE = 1000
# The total is counted up to here: past it she has to type more anyway ("over 1,000 cases").
TOTAL_CAP = 1000


def search_kind(query: str) -> str:
    """What kind of text a search was, for the audit trail: ``cpr`` (digits only, six or more: a CPR
    number or its date part), ``number`` (fewer digits only), ``mixed`` (letters and digits, e.g. an
    address), or ``text`` (a name or a street)."""
    compact = "".join(query.split()).replace("-", "")
    digits = sum(ch.isdigit() for ch in compact)
    if compact and digits == len(compact):
        return "cpr" if digits >= 6 else "number"
    return "mixed" if digits else "text"


def search_audit_detail(query: str, results: int | None = None) -> dict[str, object]:
    """The audit entry of a search: its kind and length (and the number of families shown), never the
    text she typed. The trail can never be changed or deleted and will be sent to the server; a typed
    CPR number or name kept there would outlive the family's record. Which families she looked at is
    in their own ``case.open`` entries (docs/architecture.md, "The audit trail")."""
    detail: dict[str, object] = {"kind": search_kind(query), "length": len(query.strip())}
    if results is not None:
        detail["results"] = results
    return detail


class CaseNotFoundError(RecordGoneError):
    """A record id that is not (or no longer) in the store: removed in another window (and, with sync,
    on another laptop), so it is told to her calmly rather than reported as a bug."""


def load_case(session: Session, case_id: str) -> Case:
    case = session.execute(select(Case).where(Case.id == case_id).options(*CASE_LOADS)).scalar_one_or_none()
    if case is None:
        raise CaseNotFoundError(case_id)
    return case


class CaseService:
    """Use cases on whole cases and their families."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ---- reading

    def search(self, flt: dto.CaseFilter) -> dto.CaseList:
        """The cases matching the search text and filters, most recently changed first.

        One query over the summary columns of ``cases``: words of three or more characters through
        the trigram index, shorter ones by substring. The total is counted only when there are more
        matches than fit on the page: the index's own count when the words are all there is to it,
        otherwise up to ``TOTAL_CAP``.
        """
        today = self.ctx.today()
        words = search_words(flt.query)
        conditions = [func.instr(Case.search_text, word) > 0 for word in words if len(word) < TRIGRAM]
        match = trigram_match(words)
        if flt.phase:
            conditions.append(Case.phase == flt.phase)
        if flt.status == "open":
            conditions.append(Case.status != STATUS_CLOSED)
        elif flt.status:
            conditions.append(Case.status == flt.status)
        me = self.ctx.profile.id
        if flt.mine:
            conditions.append(
                # Hers: she is the tovholder, or nobody is yet and she opened the case.
                or_(Case.tovholder_profile_id == me, and_(Case.tovholder_name == "", Case.created_by == me))
            )
        if flt.needs_attention:
            conditions += [
                Case.status != STATUS_CLOSED,
                or_(
                    Case.has_participation_consent.is_(False),
                    Case.tovholder_name == "",
                    Case.next_due_on < today,
                    Case.consent_expires_on <= today + timedelta(days=CONSENT_WARNING_DAYS),
                    Case.next_follow_up_on <= today,
                ),
            ]
        page = (
            select(
                Case.id, Case.family_name, Case.child_names, Case.phase, Case.status, Case.current_step_da,
                Case.current_step_en, Case.tovholder_name, Case.service_level, Case.opened_on,
                Case.updated_at, Case.has_participation_consent, Case.next_due_on,
                Case.consent_expires_on, Case.tovholder_profile_id, Case.created_by,
                Case.next_follow_up_on, Case.next_follow_up_kind,
            )
            .order_by(Case.updated_at.desc())
            .limit(flt.limit)
        )
        with self.ctx.store.unit_of_work() as session:
            # Core rows read by position: a Row's attribute access costs microseconds, and the
            # first keystrokes fill a whole page.
            conn = session.connection()
            matched, only_words = None, False
            if match:
                in_index = select(CASE_SEARCH.c.rowid).where(CASE_SEARCH.c.case_search.op("MATCH")(match))
                matched = conn.execute(select(func.count()).select_from(in_index.subquery())).scalar_one()
                if not matched:
                    return dto.CaseList(items=(), total=0)
                only_words = not conditions
                rowid = CASE_ROWID_TESTED if matched > WALK_ABOVE else CASE_ROWID
                conditions.append(rowid.in_(in_index))
            rows = conn.execute(page.where(*conditions)).all()
            total, exact = len(rows), True
            if total == flt.limit:
                if only_words:
                    total = matched
                else:
                    cap = max(TOTAL_CAP, flt.limit)
                    matches = select(literal(1)).select_from(Case).where(*conditions).limit(cap + 1).subquery()
                    counted = conn.execute(select(func.count()).select_from(matches)).scalar_one()
                    total, exact = min(counted, cap), counted <= cap
        items = tuple(
            dto.CaseListItem(
                id=case_id,
                family_name=family_name,
                child_names=child_names,
                phase=phase,
                status=status,
                current_step_da=step_da,
                current_step_en=step_en,
                tovholder_name=tovholder_name,
                service_level=service_level,
                opened_on=opened_on,
                updated_at=updated_at,
                attention=attention_from(
                    status, has_consent, tovholder_name, next_due_on, consent_expires_on, today, follow_up_on,
                ),
                next_follow_up_on=follow_up_on,
                next_follow_up_kind=follow_up_kind,
                is_mine=tovholder_profile_id == me or (not tovholder_name and created_by == me),
            )
            for (case_id, family_name, child_names, phase, status, step_da, step_en, tovholder_name, service_level,
                 opened_on, updated_at, has_consent, next_due_on, consent_expires_on, tovholder_profile_id,
                 created_by, follow_up_on, follow_up_kind) in rows
        )
        return dto.CaseList(items=items, total=total, total_exact=exact)

    def record_search(self, query: str, results: int | None = None) -> None:
        """Audit a search she settled on (the UI calls this once typing pauses, not per key).

        The entry holds what kind of text she searched for and how long it was, and the number of
        families the list showed if the caller gives it, never the text itself (``search_audit_detail``).
        """
        if query.strip():
            with self.ctx.store.unit_of_work() as session:
                append_audit(session, "case.search", detail=search_audit_detail(query, results))

    def overview(self, case_id: str, via_search: str = "") -> dto.CaseOverview:
        """Open a case: the family and the course at a glance. Audited as ``case.open`` (with the kind
        of search that found it, not its text)."""
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            detail = {"via_search": search_kind(via_search)} if via_search.strip() else {}
            append_audit(session, "case.open", case_id=case.id, entity="cases", record_id=case.id, detail=detail)
            return build_overview(case, self.ctx.content, self.ctx.profile.id, self.ctx.today())

    # ---- creating

    def create_case(self, new: dto.NewCase) -> dto.CaseOverview:
        """Open a case from a referral, with the family and the template's steps."""
        case = self.build_case(new)
        with self.ctx.store.unit_of_work() as session:
            session.add(case)
            session.flush()
            self.audit_created(session, case)
            return build_overview(case, self.ctx.content, self.ctx.profile.id, self.ctx.today())

    def build_case(self, new: dto.NewCase) -> Case:
        """Validate ``new`` and build the case with its members, referral and steps (not yet saved)."""
        today = self.ctx.today()
        content = self.ctx.content
        family_name = validation.required_text(new.family_name, "family_name")
        try:
            template = content.template(new.template_id)
        except KeyError as exc:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a course template."), field="template_id") from exc
        referral = self._check_referral(new.referral)
        members = self._check_members(new.members)
        case = Case(
            family_name=family_name,
            address=new.address.strip(),
            postal_code=new.postal_code.strip(),
            city=new.city.strip(),
            note=new.note,
            template_id=template.id,
            template_version=template.version,
            opened_on=referral.referred_on,
        )
        case.referrals.append(Referral(**_fields(referral)))
        for position, member in enumerate(members):
            case.members.append(_new_member(member, position))
        activated = False
        for position, step_t in enumerate(template.steps):
            step = CaseStep(
                code=step_t.code,
                phase=step_t.phase,
                position=position,
                kind=step_t.kind,
                label_da=step_t.label.da,
                label_en=step_t.label.text("en"),
                responsible=step_t.responsible.da,
                requires_consent=list(step_t.requires_consent),
                status=STEP_PENDING,
                due_on=(referral.referred_on + timedelta(days=step_t.due_days))
                if step_t.due_days is not None else None,
            )
            if step_t.done_at_referral:
                step.status = STEP_DONE
                step.started_on = step.completed_on = referral.referred_on
            elif not activated:
                step.status = STEP_ACTIVE
                step.started_on = today
                activated = True
            case.steps.append(step)
        refresh(case, content, today)
        return case

    @staticmethod
    def audit_created(session: Session, case: Case) -> None:
        append_audit(session, "case.create", case_id=case.id, entity="cases", record_id=case.id,
                     detail={"template": f"{case.template_id}@{case.template_version}"})

    def _check_referral(self, referral: dto.ReferralInput) -> dto.ReferralInput:
        catalogue = self.ctx.content.referral
        if referral.source_kind not in {c.code for c in catalogue.source_kinds}:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose who detected the family."),
                                  field="referral.source_kind")
        if referral.channel and referral.channel not in {c.code for c in catalogue.channels}:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose how the referral came."),
                                  field="referral.channel")
        validation.not_in_future(referral.referred_on, self.ctx.today(), "referral.referred_on")
        return referral

    def _check_members(self, members: tuple[dto.MemberInput, ...]) -> list[dto.MemberInput]:
        today = self.ctx.today()
        family = self.ctx.content.family
        groups = {r.code: r.group for r in family.relations}
        languages = {c.code for c in family.languages}
        checked = []
        for index, member in enumerate(members):
            if member.relation not in groups:
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose the person's relation to the family."),
                                      field=f"members.{index}.relation")
            if member.language and member.language not in languages:
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a language from the list."),
                                      field=f"members.{index}.language")
            normalised, _ = validation.normalise_member(member, today, index)
            checked.append(normalised)
        if not any(groups.get(m.relation) == "child" for m in checked):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Add the child the referral is about."), field="members"
            )
        validation.check_family_order(checked, {r.code: r.age_order for r in family.relations}, groups)
        return checked

    # ---- changing the household

    def update_household(self, case_id: str, household: dto.HouseholdInput) -> dto.CaseOverview:
        family_name = validation.required_text(household.family_name, "family_name")
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            case.family_name = family_name
            case.address = household.address.strip()
            case.postal_code = household.postal_code.strip()
            case.city = household.city.strip()
            case.note = household.note
            return self._finish(session, case, "case.update", "cases", case.id)

    def save_member(self, case_id: str, member: dto.MemberInput) -> dto.CaseOverview:
        """Add a member (``member.id`` is None) or change one; checks the whole family's order."""
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            # The family in its order, with this member in its own place (new ones last), so that
            # an error names the right row.
            family = [member if m.id == member.id else _member_input(m) for m in case.members]
            if member.id is None:
                family.append(member)
            checked = self._check_members(tuple(family))
            new_values = checked[[m.id for m in family].index(member.id)] if member.id else checked[-1]
            if member.id is None:
                position = max((m.position for m in case.members), default=-1) + 1
                row = _new_member(new_values, position)
                case.members.append(row)
            else:
                row = next((m for m in case.members if m.id == member.id), None)
                if row is None:
                    raise CaseNotFoundError(member.id)
                _apply_member(row, new_values)
            session.flush()
            return self._finish(session, case, "member.save", "family_members", row.id)

    def remove_member(self, case_id: str, member_id: str) -> dto.CaseOverview:
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            row = next((m for m in case.members if m.id == member_id), None)
            if row is None:
                raise CaseNotFoundError(member_id)
            remaining = [_member_input(m) for m in case.members if m.id != member_id]
            self._check_members(tuple(remaining))
            case.members.remove(row)
            return self._finish(session, case, "member.remove", "family_members", member_id)

    def _finish(self, session: Session, case: Case, action: str, entity: str, record_id: str) -> dto.CaseOverview:
        today = self.ctx.today()
        refresh(case, self.ctx.content, today)
        session.flush()
        append_audit(session, action, case_id=case.id, entity=entity, record_id=record_id)
        return build_overview(case, self.ctx.content, self.ctx.profile.id, today)


def trigram_match(words: list[str]) -> str:
    """The FTS5 query for the words of at least three characters ("" if there are none): each word
    an FTS5 string (its quotes doubled), that is the phrase of its trigrams, the word as a substring;
    every word must be there."""
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in words if len(word) >= TRIGRAM)


def _fields(referral: dto.ReferralInput) -> dict:
    return {
        "source_kind": referral.source_kind,
        "organisation": referral.organisation.strip(),
        "referrer_name": referral.referrer_name.strip(),
        "referrer_contact": referral.referrer_contact.strip(),
        "referred_on": referral.referred_on,
        "reason": referral.reason,
        "channel": referral.channel,
    }


def _new_member(member: dto.MemberInput, position: int) -> FamilyMember:
    row = FamilyMember(position=position)
    _apply_member(row, member)
    return row


def _apply_member(row: FamilyMember, member: dto.MemberInput) -> None:
    row.relation = member.relation
    row.first_name = member.first_name.strip()
    row.last_name = member.last_name.strip()
    row.birth_date = member.birth_date
    row.cpr = member.cpr
    row.language = member.language or "da"
    row.interpreter_needed = member.interpreter_needed
    row.has_custody = member.has_custody
    row.lives_in_household = member.lives_in_household
    row.phone = member.phone.strip()
    row.email = member.email.strip()
    row.note = member.note
    wanted = {(d.label.strip(), d.code, d.diagnosed_on) for d in member.diagnoses}
    for existing in list(row.diagnoses):
        key = (existing.label, existing.code, existing.diagnosed_on)
        if key in wanted:
            wanted.discard(key)
        else:
            row.diagnoses.remove(existing)
    for label, code, diagnosed_on in sorted(wanted, key=lambda d: d[0]):
        row.diagnoses.append(Diagnosis(label=label, code=code, diagnosed_on=diagnosed_on))


def _member_input(row: FamilyMember) -> dto.MemberInput:
    return dto.MemberInput(
        id=row.id,
        relation=row.relation,
        first_name=row.first_name,
        last_name=row.last_name,
        birth_date=row.birth_date,
        cpr=row.cpr,
        language=row.language,
        interpreter_needed=row.interpreter_needed,
        has_custody=row.has_custody,
        lives_in_household=row.lives_in_household,
        phone=row.phone,
        email=row.email,
        note=row.note,
        diagnoses=tuple(dto.DiagnosisInput(d.label, d.code, d.diagnosed_on) for d in row.diagnoses),
    )
