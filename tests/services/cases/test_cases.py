"""A family's case through the services: opening it from a referral, the consent gate, consent
scopes and withdrawal, the tovholder and service-level histories, finding families as she types, the
list filters and attention marks, the course to its end, and the household's members.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from app.core.errors import ConsentRequiredError, ValidationError
from app.models import ChangeLogEntry
from app.services.cases import dto
from app.services.cases.course import add_months
from tests.conftest import TODAY
from tests.helpers.families import family, me_as_tovholder, participation

RECENT = date(2026, 11, 20)  # referred two days ago: the conversation is not yet overdue


def _changes(workspace) -> int:
    with workspace.store.unit_of_work() as session:
        return session.execute(select(func.count()).select_from(ChangeLogEntry)).scalar_one()


def _find(workspace, **filters) -> list[str]:
    """Family names in the list for a search and filters, sorted."""
    return sorted(item.family_name for item in workspace.cases.search(dto.CaseFilter(**filters)).items)


def _other_tovholder(started_on: date = date(2026, 11, 10)) -> dto.TovholderInput:
    return dto.TovholderInput(started_on, "Familiens primære behov er socialfagligt", True,
                              person_name="Rikke Holm", person_role="sagsbehandler",
                              organisation="Børn og Unge-afdelingen", contact="rikke@example.invalid")


# ---- opening a case


@pytest.mark.parametrize("template_id", ["herning", "svendborg", "greve", "generisk"])
def test_case_from_referral_gets_the_templates_steps(workspace, content, template_id):
    overview = workspace.cases.create_case(family(template=template_id))
    template = content.template(template_id)

    assert overview.template_id == template_id
    assert overview.template_version == template.version
    assert [s.code for s in overview.steps] == [s.code for s in template.steps]
    referral_step, consent_step, *rest = overview.steps
    assert (referral_step.status, referral_step.completed_on) == ("done", date(2026, 11, 1))
    assert (consent_step.status, consent_step.started_on) == ("active", TODAY)
    assert overview.current_step == consent_step
    assert {s.status for s in rest} == {"pending"}
    assert overview.status == "active" and overview.phase == "I"
    assert overview.opened_on == date(2026, 11, 1)
    assert [(r.source_kind, r.referred_on) for r in overview.referrals] == [("hospital", date(2026, 11, 1))]


def test_due_dates_count_from_the_referral(workspace):
    overview = workspace.cases.create_case(family(referred_on=date(2026, 11, 1)))

    conversation = next(s for s in overview.steps if s.code == "afklarende_samtale")
    assert conversation.due_on == date(2026, 11, 15)
    assert conversation.overdue


def test_opening_a_case_is_the_same_as_what_was_created(workspace):
    created = workspace.cases.create_case(family(with_cpr=True))

    opened = workspace.cases.overview(created.id)

    assert replace(opened, updated_at=created.updated_at) == created
    assert [m.full_name for m in opened.members] == ["Mette Skovbjerg", "Lærke Skovbjerg"]
    assert opened.members[1].age_years == 10
    assert [d.label for d in opened.members[1].diagnoses] == ["Type 1-diabetes"]


# ---- the consent gate


def test_consent_step_cannot_be_completed_without_participation_consent(workspace):
    case_id = workspace.cases.create_case(family()).id
    before, changes = workspace.cases.overview(case_id), _changes(workspace)

    with pytest.raises(ConsentRequiredError) as caught:
        workspace.course.complete_step(case_id)

    step, missing = caught.value.params["step"], caught.value.params["missing"]
    assert (step.da, step.en) == ("Afklarende samtale (Læring og Mestring)",
                                  "Clarifying conversation (Learning and Coping)")
    assert (missing.da, missing.en) == ("Deltagelse i forløbet", "Taking part in the course")
    assert workspace.cases.overview(case_id) == before
    assert _changes(workspace) == changes


def test_consent_without_participation_leaves_the_gate_closed(workspace):
    case_id = workspace.cases.create_case(family()).id

    overview = workspace.course.record_consent(case_id, dto.ConsentInput(
        "Mette", date(2026, 11, 2), "verbal", (dto.ScopeInput("hospital_information"),)))

    assert overview.allowed_scopes == ("hospital_information",)
    assert overview.current_step.code == "samtykke"
    assert "no_consent" in overview.attention


def test_recording_participation_consent_completes_the_consent_step(workspace):
    case_id = workspace.cases.create_case(family()).id

    overview = workspace.course.record_consent(case_id, participation(date(2026, 11, 2)))

    steps = {s.code: s for s in overview.steps}
    assert (steps["samtykke"].status, steps["samtykke"].completed_on) == ("done", TODAY)
    assert (steps["afklarende_samtale"].status, steps["afklarende_samtale"].started_on) == ("active", TODAY)
    assert overview.allowed_scopes == ("participation",)
    [consent] = overview.consents
    assert (consent.given_by, consent.given_on, consent.form) == ("Mette", date(2026, 11, 2), "signed")
    assert consent.recorded_by == workspace.profile.id


@pytest.mark.parametrize(
    ("consent", "field"),
    [
        (dto.ConsentInput(" ", date(2026, 11, 2), "signed", (dto.ScopeInput("participation"),)), "given_by"),
        (dto.ConsentInput("Mette", date(2026, 11, 23), "signed", (dto.ScopeInput("participation"),)), "given_on"),
        (dto.ConsentInput("Mette", date(2026, 11, 2), "telepati", (dto.ScopeInput("participation"),)), "form"),
        (dto.ConsentInput("Mette", date(2026, 11, 2), "signed", ()), "scopes"),
        (dto.ConsentInput("Mette", date(2026, 11, 2), "signed", (dto.ScopeInput("alt"),)), "scopes"),
        (dto.ConsentInput("Mette", date(2026, 11, 2), "signed", (dto.ScopeInput("share_with_participants"),)),
         "scopes.share_with_participants.recipients"),
    ],
    ids=["no one gave it", "given tomorrow", "unknown form", "no scopes", "unknown scope", "no recipients"],
)
def test_invalid_consent_is_refused_and_nothing_changes(workspace, consent, field):
    case_id = workspace.cases.create_case(family()).id
    before = workspace.cases.overview(case_id)

    with pytest.raises(ValidationError) as caught:
        workspace.course.record_consent(case_id, consent)

    assert caught.value.field == field
    assert workspace.cases.overview(case_id) == before


def test_scope_with_valid_months_gets_an_expiry_date(workspace):
    case_id = workspace.cases.create_case(family()).id

    overview = workspace.course.record_consent(case_id, participation(
        date(2026, 11, 2), dto.ScopeInput("share_with_participants", "Klasselærer, egen læge")))

    expiry = {g.scope: g.expires_on for g in overview.consents[0].grants}
    assert expiry == {"participation": None, "share_with_participants": date(2027, 11, 2)}
    assert overview.consents[0].grants[1].recipients == "Klasselærer, egen læge"


def test_expiry_months_keep_to_the_end_of_short_months():
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 12, 15), 12) == date(2027, 12, 15)


def test_withdrawal_is_dated_keeps_the_history_and_closes_the_gate_again(workspace):
    case_id = workspace.cases.create_case(family()).id
    overview = workspace.course.record_consent(case_id, participation(
        date(2026, 11, 2), dto.ScopeInput("hospital_information")))
    grant = next(g for g in overview.consents[0].grants if g.scope == "participation")

    overview = workspace.course.withdraw_consent(case_id, grant.id, date(2026, 11, 20), "  Ønsker pause  ")

    grants = {g.scope: g for g in overview.consents[0].grants}
    assert set(grants) == {"participation", "hospital_information"}  # nothing is deleted
    assert (grants["participation"].withdrawn_on, grants["participation"].withdrawn_reason) == (
        date(2026, 11, 20), "Ønsker pause")
    assert grants["participation"].active is False
    assert grants["hospital_information"].active is True
    assert overview.allowed_scopes == ("hospital_information",)
    assert "no_consent" in overview.attention
    with pytest.raises(ConsentRequiredError):
        workspace.course.complete_step(case_id)  # the next step needs participation again


@pytest.mark.parametrize(
    ("withdrawn_on", "twice"),
    [(date(2026, 11, 1), False), (date(2026, 11, 23), False), (date(2026, 11, 20), True)],
    ids=["before it was given", "in the future", "already withdrawn"],
)
def test_impossible_withdrawal_is_refused(workspace, withdrawn_on, twice):
    case_id = workspace.cases.create_case(family()).id
    grant_id = workspace.course.record_consent(case_id, participation(date(2026, 11, 2))).consents[0].grants[0].id
    if twice:
        workspace.course.withdraw_consent(case_id, grant_id, withdrawn_on, "")
    before = workspace.cases.overview(case_id)

    with pytest.raises(ValidationError) as caught:
        workspace.course.withdraw_consent(case_id, grant_id, withdrawn_on, "")

    assert caught.value.field == "withdrawn_on"
    assert workspace.cases.overview(case_id) == before


def test_new_consent_after_withdrawal_opens_the_gate_with_both_in_the_history(workspace):
    case_id = workspace.cases.create_case(family()).id
    grant_id = workspace.course.record_consent(case_id, participation(date(2026, 11, 2))).consents[0].grants[0].id
    workspace.course.withdraw_consent(case_id, grant_id, date(2026, 11, 10), "")

    overview = workspace.course.record_consent(case_id, participation(date(2026, 11, 21)))

    assert [c.given_on for c in overview.consents] == [date(2026, 11, 2), date(2026, 11, 21)]
    assert overview.allowed_scopes == ("participation",)
    assert workspace.course.complete_step(case_id).current_step.code == "indsats"


# ---- tovholder and service level


def test_tovholder_history_second_assignment_ends_the_first(workspace):
    case_id = workspace.cases.create_case(family()).id

    first = workspace.course.assign_tovholder(case_id, me_as_tovholder(date(2026, 11, 3)))
    assert first.tovholder.person_name == "Hanne Testesen"
    assert first.tovholder.is_me
    assert first.tovholder.contact == "12345678 · hanne@example.invalid"

    overview = workspace.course.assign_tovholder(case_id, _other_tovholder(date(2026, 11, 10)))

    assert [(t.person_name, t.started_on, t.ended_on, t.is_me) for t in overview.tovholders] == [
        ("Hanne Testesen", date(2026, 11, 3), date(2026, 11, 10), True),
        ("Rikke Holm", date(2026, 11, 10), None, False),
    ]
    assert overview.tovholder.person_role == "sagsbehandler"
    [item] = workspace.cases.search(dto.CaseFilter()).items
    assert item.tovholder_name == "Rikke Holm"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"started_on": date(2026, 11, 9)}, "started_on"),
        ({"started_on": date(2026, 11, 23)}, "started_on"),
        ({"person_role": "nabo"}, "person_role"),
        ({"person_name": " "}, "person_name"),
        ({"reason": ""}, "reason"),
    ],
    ids=["starts before the current one", "starts tomorrow", "unknown role", "no name", "no reason"],
)
def test_invalid_tovholder_is_refused_and_the_current_one_stays(workspace, change, field):
    case_id = workspace.cases.create_case(family()).id
    workspace.course.assign_tovholder(case_id, _other_tovholder(date(2026, 11, 10)))
    before = workspace.cases.overview(case_id)

    with pytest.raises(ValidationError) as caught:
        workspace.course.assign_tovholder(case_id, replace(_other_tovholder(), **change))

    assert caught.value.field == field
    assert workspace.cases.overview(case_id) == before


def test_service_level_history_is_kept_in_the_order_recorded(workspace):
    case_id = workspace.cases.create_case(family()).id

    workspace.course.record_service_level(case_id, dto.ServiceLevelInput(3, date(2026, 11, 5), "Kronisk sygdom"))
    overview = workspace.course.record_service_level(
        case_id, dto.ServiceLevelInput(2, date(2026, 11, 20), "  Familien klarer mere selv  "))

    assert [(s.level, s.decided_on, s.reason) for s in overview.service_levels] == [
        (3, date(2026, 11, 5), "Kronisk sygdom"), (2, date(2026, 11, 20), "Familien klarer mere selv")]
    assert overview.service_levels[0].recorded_at < overview.service_levels[1].recorded_at
    assert overview.service_level.level == 2  # it can go down again
    assert workspace.cases.search(dto.CaseFilter()).items[0].service_level == 2


@pytest.mark.parametrize(
    ("decision", "field"),
    [
        (dto.ServiceLevelInput(5, date(2026, 11, 5), "Grund"), "level"),
        (dto.ServiceLevelInput(0, date(2026, 11, 5), "Grund"), "level"),
        (dto.ServiceLevelInput(2, date(2026, 11, 5), " "), "reason"),
        (dto.ServiceLevelInput(2, date(2026, 11, 23), "Grund"), "decided_on"),
    ],
    ids=["level 5", "level 0", "no reason", "decided tomorrow"],
)
def test_invalid_service_level_is_refused(workspace, decision, field):
    case_id = workspace.cases.create_case(family()).id

    with pytest.raises(ValidationError) as caught:
        workspace.course.record_service_level(case_id, decision)

    assert caught.value.field == field
    assert workspace.cases.overview(case_id).service_levels == ()


# ---- finding families as she types


@pytest.fixture
def three_families(workspace):
    """Kjærsgaard (with CPR numbers), Nørgaard and Lindholt."""
    workspace.cases.create_case(family("Kjærsgaard", child="Åsa", address="Åbrinken 12", with_cpr=True))
    workspace.cases.create_case(family("Nørgaard", child="Lærke", address="Bøgevej 3"))
    workspace.cases.create_case(family("Lindholt", child="Storm", address="Engtoften 7"))
    return workspace


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("", ["Kjærsgaard", "Lindholt", "Nørgaard"]),
        ("mette", ["Kjærsgaard", "Lindholt", "Nørgaard"]),
        ("kjærsgaard", ["Kjærsgaard"]),
        ("KJÆRSGAARD", ["Kjærsgaard"]),
        ("Familien Nørgaard", ["Nørgaard"]),
        ("nørg", ["Nørgaard"]),
        ("gaard", ["Kjærsgaard", "Nørgaard"]),
        ("ÅSA", ["Kjærsgaard"]),
        ("lærke", ["Nørgaard"]),
        ("storm lindh", ["Lindholt"]),
        ("mette nørgaard", ["Nørgaard"]),
        ("bøgevej", ["Nørgaard"]),
        ("engtoften 7", ["Lindholt"]),
        ("  åbrinken   12 ", ["Kjærsgaard"]),
        (unicodedata.normalize("NFD", "Åbrinken"), ["Kjærsgaard"]),
        ("7400 herning", ["Kjærsgaard", "Lindholt", "Nørgaard"]),
        ("lærke storm", []),
        ("aarhus", []),
    ],
)
def test_search_by_name_child_address_and_partial_words(three_families, query, found):
    assert _find(three_families, query=query) == [f"Familien {name}" for name in found]


@pytest.mark.parametrize("spelling", ["with dash", "without dash", "first six", "first six and dash",
                                      "partial serial"])
def test_search_by_cpr_with_or_without_dash(three_families, spelling):
    [kjaersgaard] = three_families.cases.search(dto.CaseFilter(query="kjærsgaard")).items
    number = three_families.cases.overview(kjaersgaard.id).members[1].cpr  # the child's
    assert len(number) == 11
    query = {
        "with dash": number,
        "without dash": number.replace("-", ""),
        "first six": number[:6],
        "first six and dash": number[:7],
        "partial serial": number[:9],
    }[spelling]

    assert _find(three_families, query=query) == ["Familien Kjærsgaard"]


def test_search_lists_the_child_and_the_current_step(three_families):
    [item] = three_families.cases.search(dto.CaseFilter(query="åsa")).items

    assert item.child_names == "Åsa"
    assert item.current_step_da == "Familiens accept registreret"
    assert item.current_step_en == "Family's acceptance recorded"
    assert item.is_mine


def test_search_reports_the_total_beyond_the_limit(demo_workspace):
    page = demo_workspace.cases.search(dto.CaseFilter(limit=7))

    assert len(page.items) == 7
    assert page.total == 40
    updated = [item.updated_at for item in page.items]
    assert updated == sorted(updated, reverse=True)  # most recently changed first


# ---- list filters and attention


@pytest.fixture
def filtered(workspace):
    """Three cases: one on track (mine), one waiting (someone else's), one closed."""
    ws = workspace
    on_track = ws.cases.create_case(family("Kjærsgaard", referred_on=RECENT)).id
    ws.course.record_consent(on_track, participation(RECENT))
    ws.course.assign_tovholder(on_track, me_as_tovholder(RECENT))
    ws.course.complete_step(on_track)  # the conversation is held: phase II
    waiting = ws.cases.create_case(family("Nørgaard", referred_on=RECENT)).id
    ws.course.assign_tovholder(waiting, _other_tovholder(RECENT))
    closed = ws.cases.create_case(family("Lindholt", referred_on=RECENT)).id
    ws.course.close_case(closed, "Familien er flyttet")
    return ws


@pytest.mark.parametrize(
    ("filters", "found"),
    [
        ({}, ["Kjærsgaard", "Lindholt", "Nørgaard"]),
        ({"phase": "I"}, ["Lindholt", "Nørgaard"]),
        ({"phase": "II"}, ["Kjærsgaard"]),
        ({"phase": "III"}, []),
        ({"status": "active"}, ["Kjærsgaard", "Nørgaard"]),
        ({"status": "closed"}, ["Lindholt"]),
        ({"mine": True}, ["Kjærsgaard", "Lindholt"]),
        ({"needs_attention": True}, ["Nørgaard"]),
        ({"needs_attention": True, "mine": True}, []),
        ({"query": "mette", "status": "active", "phase": "II"}, ["Kjærsgaard"]),
    ],
)
def test_list_filters(filtered, filters, found):
    assert _find(filtered, **filters) == [f"Familien {name}" for name in found]


def test_list_marks_mine_and_why_cases_need_attention(filtered):
    items = {item.family_name: item for item in filtered.cases.search(dto.CaseFilter()).items}

    assert {name: item.is_mine for name, item in items.items()} == {
        "Familien Kjærsgaard": True, "Familien Nørgaard": False, "Familien Lindholt": True}
    assert {name: item.attention for name, item in items.items()} == {
        "Familien Kjærsgaard": (), "Familien Nørgaard": ("no_consent",), "Familien Lindholt": ()}
    assert items["Familien Nørgaard"].tovholder_name == "Rikke Holm"


def test_new_case_needs_consent_and_a_tovholder(workspace):
    overview = workspace.cases.create_case(family(referred_on=RECENT))

    assert overview.attention == ("no_consent", "no_tovholder")
    [item] = workspace.cases.search(dto.CaseFilter(needs_attention=True)).items
    assert item.attention == overview.attention


def test_overdue_step_needs_attention_until_it_is_done(workspace):
    case_id = workspace.cases.create_case(family(referred_on=date(2026, 11, 1))).id
    workspace.course.assign_tovholder(case_id, me_as_tovholder())

    overview = workspace.course.record_consent(case_id, participation())
    assert overview.attention == ("overdue",)
    assert _find(workspace, needs_attention=True) == ["Familien Skovbjerg"]

    overview = workspace.course.complete_step(case_id)
    assert overview.attention == ()
    assert _find(workspace, needs_attention=True) == []


def test_consent_expiring_within_30_days_needs_attention(workspace):
    case_id = workspace.cases.create_case(family(referred_on=date(2025, 12, 1))).id
    workspace.course.assign_tovholder(case_id, me_as_tovholder(date(2025, 12, 2)))
    workspace.course.record_consent(case_id, participation(date(2025, 12, 10)))
    workspace.course.complete_step(case_id)  # the overdue conversation is held

    overview = workspace.course.record_consent(case_id, dto.ConsentInput(
        "Mette", date(2025, 12, 10), "signed", (dto.ScopeInput("share_with_participants", "Klasselærer"),)))

    assert overview.attention == ("consent_expiring",)  # lapses 10 December 2026
    [item] = workspace.cases.search(dto.CaseFilter(needs_attention=True)).items
    assert item.attention == ("consent_expiring",)


def test_consent_lapsing_in_a_year_needs_no_attention_yet(workspace):
    case_id = workspace.cases.create_case(family(referred_on=RECENT)).id
    workspace.course.assign_tovholder(case_id, me_as_tovholder(RECENT))

    overview = workspace.course.record_consent(case_id, participation(
        RECENT, dto.ScopeInput("share_with_participants", "Klasselærer")))

    assert overview.attention == ()


# ---- the course to its end


def test_course_closes_on_the_last_step_and_can_be_reopened(workspace):
    case_id = workspace.cases.create_case(family(referred_on=RECENT)).id
    workspace.course.record_consent(case_id, participation(RECENT))
    seen = []
    for _ in range(5):
        overview = workspace.course.complete_step(case_id)
        seen.append((overview.current_step.code if overview.current_step else None, overview.phase))

    assert seen == [("indsats", "II"), ("netvaerksmoede", "II"), ("opfoelgning", "III"),
                    ("afslutning", "III"), (None, "III")]
    assert (overview.status, overview.closed_on, overview.attention) == ("closed", TODAY, ())
    assert {s.status for s in overview.steps} == {"done"}
    with pytest.raises(ValidationError):
        workspace.course.complete_step(case_id)
    assert _find(workspace, status="closed") == ["Familien Skovbjerg"]

    reopened = workspace.course.reopen_case(case_id)
    assert (reopened.status, reopened.closed_on) == ("active", None)
    assert reopened.current_step.code == "afslutning"


def test_only_an_optional_step_can_be_skipped(workspace):
    case_id = workspace.cases.create_case(family(referred_on=RECENT)).id
    workspace.course.record_consent(case_id, participation(RECENT))
    before = workspace.cases.overview(case_id)

    with pytest.raises(ValidationError):
        workspace.course.skip_step(case_id)  # the clarifying conversation is not optional
    assert workspace.cases.overview(case_id) == before

    workspace.course.complete_step(case_id)
    workspace.course.complete_step(case_id)
    overview = workspace.course.skip_step(case_id)  # the network meeting is "if needed"
    steps = {s.code: s for s in overview.steps}
    assert steps["netvaerksmoede"].status == "skipped" and steps["netvaerksmoede"].optional
    assert overview.current_step.code == "opfoelgning"


def test_closing_early_needs_a_reason(workspace):
    case_id = workspace.cases.create_case(family()).id

    with pytest.raises(ValidationError) as caught:
        workspace.course.close_case(case_id, "  ")
    assert caught.value.field == "closed_reason"

    overview = workspace.course.close_case(case_id, "Familien takkede nej")
    assert (overview.status, overview.closed_on) == ("closed", TODAY)
    assert overview.current_step.code == "samtykke"  # where the course stopped


# ---- the household and its members


def test_member_add_edit_remove(workspace):
    case_id = workspace.cases.create_case(family()).id

    overview = workspace.cases.save_member(case_id, dto.MemberInput(
        "lillebror", "Otto", "Skovbjerg", birth_date=date(2019, 8, 1), language="da"))
    assert [m.first_name for m in overview.members] == ["Mette", "Lærke", "Otto"]
    assert overview.members[2].group == "sibling"
    assert _find(workspace, query="otto") == ["Familien Skovbjerg"]

    child = overview.members[1]
    overview = workspace.cases.save_member(case_id, dto.MemberInput(
        "barn", "Lea", "Skovbjerg", birth_date=child.birth_date, id=child.id,
        diagnoses=(dto.DiagnosisInput("Astma", "DJ45", date(2020, 1, 1)),)))
    assert [m.first_name for m in overview.members] == ["Mette", "Lea", "Otto"]
    assert [(d.label, d.code) for d in overview.members[1].diagnoses] == [("Astma", "DJ45")]
    assert _find(workspace, query="lærke") == []
    assert workspace.cases.search(dto.CaseFilter(query="lea")).items[0].child_names == "Lea"

    mother = overview.members[0]
    overview = workspace.cases.remove_member(case_id, mother.id)
    assert [m.first_name for m in overview.members] == ["Lea", "Otto"]
    assert _find(workspace, query="mette") == []


def test_member_edit_that_breaks_the_family_order_changes_nothing(workspace):
    overview = workspace.cases.create_case(family(extra=(
        dto.MemberInput("storebror", "Aksel", "Skovbjerg", birth_date=date(2013, 1, 9)),)))
    brother = overview.members[2]

    with pytest.raises(ValidationError) as caught:
        workspace.cases.save_member(overview.id, dto.MemberInput(
            "storebror", "Aksel", "Skovbjerg", birth_date=date(2018, 1, 9), id=brother.id))

    assert caught.value.field == "members.2.birth_date"
    assert workspace.cases.overview(overview.id).members == overview.members


def test_the_only_child_cannot_be_removed(workspace):
    overview = workspace.cases.create_case(family())

    with pytest.raises(ValidationError) as caught:
        workspace.cases.remove_member(overview.id, overview.members[1].id)

    assert caught.value.field == "members"
    assert workspace.cases.overview(overview.id).members == overview.members


def test_household_update_is_searchable_at_once(workspace):
    case_id = workspace.cases.create_case(family()).id

    overview = workspace.cases.update_household(case_id, dto.HouseholdInput(
        "Familien Skovbjerg-Holm", "Rønnebærvej 8", "5700", "Svendborg", note="Flyttet i november"))

    assert (overview.family_name, overview.address, overview.city, overview.note) == (
        "Familien Skovbjerg-Holm", "Rønnebærvej 8", "Svendborg", "Flyttet i november")
    assert _find(workspace, query="rønnebærvej svendborg") == ["Familien Skovbjerg-Holm"]
    assert _find(workspace, query="bøgevej") == []
    with pytest.raises(ValidationError):
        workspace.cases.update_household(case_id, dto.HouseholdInput(" "))
