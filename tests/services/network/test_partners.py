"""The partner directory shared across families: partners with functional contact points, when they
were last informed, and people on a map made from a partner.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import update

from app.core.errors import ValidationError
from app.models import Partner
from app.services.cases.service import CaseNotFoundError
from app.services.network import dto as n
from tests.conftest import TODAY
from tests.helpers.db import audit_entries
from tests.helpers.network import (
    FAR,
    MID,
    PRO,
    _case,
    _clinic,
    _counts,
    person,
)


def test_a_partner_is_saved_with_its_functional_contact_points_and_found_by_search(workspace, partners):
    saved = partners.save(_clinic())
    partners.save(n.PartnerView("", "school", "Lindeskolen", unit="4.A", phone="96 28 00 00"))
    partners.save(n.PartnerView("", "hospital_department", "Regionshospitalet Gødstrup", unit="Børneafdelingen"))

    assert saved.id
    assert saved == n.PartnerView(saved.id, *[getattr(_clinic(), f) for f in ("kind", "name", "unit", "phone", "email",
                                                                            "address", "contact_points", "note")])
    assert [p.name for p in partners.find()] == ["Lindeskolen", "Lægehuset Torvet", "Regionshospitalet Gødstrup"]
    assert [p.id for p in partners.find("lægehuset")] == [saved.id]
    assert [p.id for p in partners.find("TORVET mads")] == [saved.id]  # every word, any case, also the unit
    assert [p.name for p in partners.find("gp_clinic")] == ["Lægehuset Torvet"]
    assert [p.name for p in partners.find("børneafd")] == ["Regionshospitalet Gødstrup"]
    assert partners.find("tandlæge") == ()
    assert [(e.entity, e.record_id) for e in audit_entries(workspace, "partner.save")][0] == ("partners", saved.id)


def test_changing_a_partner_keeps_one_record(workspace, partners):
    saved = partners.save(_clinic())

    changed = partners.save(n.PartnerView(saved.id, "gp_clinic", "Lægehuset Torvet", unit="Læge Sara Lund",
                                         phone="97 12 34 99", contact_points=(n.ContactPoint("Akuttelefon", "97 12 34 00"),)))

    assert changed.id == saved.id
    assert partners.find() == (changed,)
    assert (changed.unit, changed.phone, changed.contact_points) == (
        "Læge Sara Lund", "97 12 34 99", (n.ContactPoint("Akuttelefon", "97 12 34 00"),))
    assert _counts(workspace)["partners"] == 1


def test_partners_not_informed_for_six_months_are_the_ones_due_a_visit(workspace, partners):
    """FR-18: "a partner last informed 7 months ago appears when the threshold is 6 months"."""
    def informed(name: str, *days: date) -> n.PartnerView:
        return partners.save(n.PartnerView("", "gp_clinic", name, information=tuple(
            n.InformationVisit(day, "Besøg i klinikken", "Talte med lægerne") for day in days)))

    seven = informed("Lægehuset Torvet", TODAY - timedelta(days=400), n.months_before(TODAY, 7))
    five = informed("Lægerne i Søndergade", n.months_before(TODAY, 5))
    never = informed("Lægehuset ved Åen")
    just = informed("Sundhedshuset", n.months_before(TODAY, 6))  # exactly six months ago: not yet due

    threshold = n.months_before(TODAY, workspace.policy.inform_partners_months)
    due = partners.find(not_informed_since=threshold)

    assert [p.name for p in due] == ["Lægehuset Torvet", "Lægehuset ved Åen"]
    assert (seven.last_informed, five.last_informed, never.last_informed, just.last_informed) == (
        n.months_before(TODAY, 7), n.months_before(TODAY, 5), None, n.months_before(TODAY, 6))
    assert [v.informed_on for v in seven.information] == [n.months_before(TODAY, 7), TODAY - timedelta(days=400)]
    assert partners.find("torvet", not_informed_since=threshold) == (seven,)
    # Informed today: no longer due.
    partners.save(n.PartnerView(seven.id, seven.kind, seven.name, information=(
        n.InformationVisit(TODAY, "Personalemøde"), *seven.information)))
    assert [p.name for p in partners.find(not_informed_since=threshold)] == ["Lægehuset ved Åen"]


def test_an_information_entry_this_app_did_not_write_is_left_out_not_a_crash(workspace, partners):
    clinic = partners.save(n.PartnerView("", "gp_clinic", "Lægehuset Torvet", information=(
        n.InformationVisit(date(2026, 5, 4), "Besøg"),)))
    with workspace.store.unit_of_work() as session:
        session.execute(update(Partner).where(Partner.id == clinic.id).values(information=[
            {"on": "2026-05-04", "how": "Besøg"}, {"on": "4. maj"}, {"how": "uden dato"}, "tekst", {"on": None}]))

    [found] = partners.find()

    assert found.information == (n.InformationVisit(date(2026, 5, 4), "Besøg"),)


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 11, 22), 6, date(2026, 5, 22)),
    (date(2026, 3, 31), 1, date(2026, 2, 28)),
    (date(2024, 3, 31), 1, date(2024, 2, 29)),
    (date(2026, 1, 15), 13, date(2024, 12, 15)),
    (date(2026, 8, 31), 2, date(2026, 6, 30)),
])
def test_months_before(day, months, expected):
    assert n.months_before(day, months) == expected


@pytest.mark.parametrize(("partner", "field"), [
    (n.PartnerView("", "gp_clinic", "  "), "name"),
    (n.PartnerView("", "bakery", "Bageren"), "kind"),
    (n.PartnerView("", "school", "Lindeskolen", phone="12"), "phone"),
    (n.PartnerView("", "school", "Lindeskolen", email="kontor@"), "email"),
    (n.PartnerView("", "school", "Lindeskolen", contact_points=(n.ContactPoint(""),)), "contact_points.0.name"),
    (n.PartnerView("", "school", "Lindeskolen", contact_points=(n.ContactPoint("Kontoret"), n.ContactPoint(
        "Sekretær", email="sekretær at skolen"))), "contact_points.1.email"),
    (n.PartnerView("", "school", "Lindeskolen", information=(n.InformationVisit(date(2026, 5, 4)), n.InformationVisit(
        TODAY + timedelta(days=1), "Personalemøde"))), "information.1.informed_on"),
])
def test_a_bad_partner_is_refused_with_the_field(workspace, partner, field, partners):
    counts = _counts(workspace)

    with pytest.raises(ValidationError) as error:
        partners.save(partner)

    assert error.value.field == field
    assert _counts(workspace) == counts


def test_a_person_from_a_partner_is_prefilled_and_keeps_the_partner(net, case_id, partners):
    clinic = partners.save(_clinic())
    angle, distance = n.centre_of("professional", 3)

    typed = partners.person_from(clinic.id, angle, distance)

    assert typed == n.PersonInput(name="Læge Mads Ravn", angle=angle, distance=distance, organisation="Lægehuset Torvet",
                                  partner_id=clinic.id, phone="97 12 34 56", email="post@laegehuset-torvet.example.dk",
                                  address="Torvet 4, 7400 Herning", support=("informational",))
    added = net.add_person(case_id, typed)
    assert (added.partner_id, added.organisation, added.sector, added.horizon) == (
        clinic.id, "Lægehuset Torvet", "professional", 3)
    with pytest.raises(CaseNotFoundError):
        partners.person_from("no-such-partner", angle, distance)


def test_a_partner_without_a_unit_gives_its_own_name(partners):
    school = partners.save(n.PartnerView("", "school", "Lindeskolen", phone="96 28 00 00"))

    typed = partners.person_from(school.id, *n.centre_of("school_work", 2))

    assert (typed.name, typed.organisation, typed.phone, typed.partner_id) == (
        "Lindeskolen", "Lindeskolen", "96 28 00 00", school.id)


def test_a_gp_clinic_on_two_families_maps_is_one_partner(workspace, net, case_id, partners):
    clinic = partners.save(_clinic())
    other = _case(workspace, "Nørgaard")

    mine = net.add_person(case_id, partners.person_from(clinic.id, PRO, FAR))
    theirs = net.add_person(other, partners.person_from(clinic.id, PRO, MID))

    assert mine.id != theirs.id
    assert mine.partner_id == theirs.partner_id == clinic.id
    assert [p.id for p in partners.find("lægehuset")] == [clinic.id]
    assert _counts(workspace)["partners"] == 1
    # A change to the clinic is one change, seen from both maps (through the invitees' fallback).
    net.update_person(case_id, mine.id, person("Læge Mads Ravn", PRO, FAR, organisation="", partner_id=clinic.id,
                                               invite=True))
    net.update_person(other, theirs.id, person("Læge Mads Ravn", PRO, MID, organisation="", partner_id=clinic.id,
                                               invite=True))
    partners.save(n.PartnerView(clinic.id, "gp_clinic", "Lægehuset Torvet", phone="97 12 34 99"))
    assert [(i.organisation, i.phone) for i in net.invitees(case_id)] == [("Lægehuset Torvet", "97 12 34 99")]
    assert [(i.organisation, i.phone) for i in net.invitees(other)] == [("Lægehuset Torvet", "97 12 34 99")]
