"""People on the family's network map (``Workspace.network``): placed by a polar position (the sector
follows the angle, the horizon the distance), changed, moved, removed and restored. Every change is its
own committed transaction with change-log rows and an audit entry. Synthetic people only.
"""

from __future__ import annotations

import pytest

from app.core.errors import ValidationError
from app.models import AuditEntry, ChangeLogEntry
from app.models.audit import verify_chain
from app.services.cases.service import CaseNotFoundError
from app.services.network import dto as n
from tests.helpers.db import audit_entries, last_seq, log_entries
from tests.helpers.network import (
    FAM,
    FAR,
    FRI,
    MID,
    NEAR,
    PRO,
    SCH,
    _case,
    _counts,
    _mark_synced,
    _stored,
    person,
)


def test_a_person_with_every_field_is_read_back_as_typed(workspace, net, case_id, partners):
    partner = partners.save(n.PartnerView("", "patient_association", "Diabetesforeningen", unit="Lokalafdeling Herning"))
    typed = n.PersonInput(
        name="  Birthe Skovbjerg Holm ", angle=30.0, distance=20.0, relation="mormor", role="Mormor",
        organisation="Diabetesforeningen", partner_id=partner.id, phone=" +45 21 43 65 87 ",
        email=" birthe.holm@example.dk ", address="Rosenvænget 12, 7400 Herning",
        support=("practical", "emotional", "respite"), quality="ambivalent", wants_involved=True, invite=True,
        consent_to_share=True, note="Henter Lærke om tirsdagen",
    )

    added = net.add_person(case_id, typed)

    [stored] = net.map_data(case_id).people
    assert stored == added
    assert stored == n.MapPersonView(
        id=added.id, name="Birthe Skovbjerg Holm", angle=30.0, distance=20.0, relation="mormor", role="Mormor",
        organisation="Diabetesforeningen", partner_id=partner.id, phone="+45 21 43 65 87",
        email="birthe.holm@example.dk", address="Rosenvænget 12, 7400 Herning",
        support=("practical", "emotional", "respite"), quality="ambivalent", wants_involved=True, invite=True,
        consent_to_share=True, note="Henter Lærke om tirsdagen",
    )
    assert (stored.sector, stored.horizon, stored.is_professional) == ("family", 1, False)
    # The map as the window opens it: the family's name and the child in the centre.
    view = net.open_map(case_id)
    assert (view.family_name, view.centre_names, view.data.people, view.versions) == (
        "Familien Skovbjerg", ("Lærke",), (stored,), ())


def test_a_new_person_gets_the_defaults(net, case_id):
    added = net.add_person(case_id, person("Jens Kjær", FRI, MID))

    assert (added.quality, added.support, added.invite, added.consent_to_share, added.wants_involved) == (
        "supportive", (), False, False, False)
    assert (added.sector, added.horizon) == ("friends", 2)


ANGLES = {  # angle -> sector, a few each side of every border (and beyond ±180)
    0.0: "family", 1e-9: "family", 89.999: "family", -1e-9: "professional", -0.001: "professional",
    90.0: "friends", 90.001: "friends", 179.999: "friends", 180.0: "friends", -180.0: "friends",
    -179.999: "school_work", -90.001: "school_work", -90.0: "professional", -89.999: "professional",
    270.0: "professional", 360.0: "family", 450.0: "friends", -270.0: "friends", 539.0: "friends",
}


DISTANCES = {  # distance -> horizon
    0.0: 1, 33.33: 1, 100 / 3 - 1e-9: 1, 100 / 3: 2, 33.34: 2, 66.66: 2, 200 / 3 - 1e-9: 2, 200 / 3: 3,
    66.67: 3, 99.99: 3, 100.0: 3, 100.01: 3, 130.0: 3,
}


def test_the_sector_follows_the_angle_on_both_sides_of_every_border(net, case_id):
    ids = {angle: net.add_person(case_id, person(f"Person {i}", angle, MID)).id for i, angle in enumerate(ANGLES)}

    data = net.map_data(case_id)
    got = {angle: data.person(ids[angle]).sector for angle in ANGLES}
    assert got == ANGLES
    # The stored angle is normalised to -180 ≤ a < 180, and still in the same sector.
    assert all(-180.0 <= p.angle < 180.0 for p in data.people)
    assert {a: n.sector_of(data.person(ids[a]).angle) for a in ANGLES} == ANGLES


def test_the_horizon_follows_the_distance_on_both_sides_of_every_border(net, case_id):
    ids = {d: net.add_person(case_id, person(f"Person {i}", FAM, d)).id for i, d in enumerate(DISTANCES)}

    data = net.map_data(case_id)
    assert {d: data.person(ids[d]).horizon for d in DISTANCES} == DISTANCES


def test_moving_across_a_border_changes_the_sector_and_horizon_and_says_so_in_the_audit(workspace, net, case_id):
    who = net.add_person(case_id, person("Karsten Bech", FAM, NEAR))
    moves = [(89.999, 33.3, "family", 1), (90.0, 33.4, "friends", 2), (-90.0, 66.7, "professional", 3),
             (-90.5, 66.6, "school_work", 2), (-1e-6, 1.0, "professional", 1)]
    for angle, distance, sector, horizon in moves:
        moved = net.move_person(case_id, who.id, angle, distance)
        stored = net.map_data(case_id).person(who.id)
        assert (moved.sector, moved.horizon) == (stored.sector, stored.horizon) == (sector, horizon), (angle, distance)

    details = [e.detail for e in audit_entries(workspace, "network.person.move")]
    assert details == [{"sector": s, "horizon": h} for _, _, s, h in moves]
    assert all(e.record_id == who.id for e in audit_entries(workspace, "network.person.move"))


def test_centre_of_lies_inside_its_own_sector_and_horizon_and_xy_round_trips():
    for sector in n.SECTORS:
        for horizon in n.HORIZONS:
            angle, distance = n.centre_of(sector, horizon)
            assert (n.sector_of(angle), n.horizon_of(distance)) == (sector, horizon)
            back = n.from_xy(*n.to_xy(angle, distance))
            assert back == pytest.approx((angle, distance))
    # Screen coordinates have y down: the family (top right) is at x > 0, y < 0.
    x, y = n.to_xy(FAM, 50)
    assert x > 0 and y < 0
    assert n.to_xy(0, 100) == pytest.approx((100.0, 0.0))


def test_the_sharing_label_is_initials_and_role():
    assert n.sharing_label("Birthe Skovbjerg Holm", "Mormor") == "BSH · Mormor"
    assert n.sharing_label("  anne  marie  ", "") == "AM"
    assert n.sharing_label("Jens Peter Kjær Nielsen", "Lærer") == "JPK · Lærer"  # at most three letters


def test_update_changes_the_fields_and_keeps_the_id(workspace, net, case_id):
    before = net.add_person(case_id, person("Jens Kjær", FRI, MID, role="Nabo", phone="87654321"))

    after = net.update_person(case_id, before.id, person(
        " Jens Kjær Mortensen ", PRO, FAR, role="Pædagog", organisation="Børnehaven Solsikken",
        phone="", email="jkm@example.dk", support=("informational",), quality="strained", invite=True))

    [stored] = net.map_data(case_id).people
    assert stored == after
    assert (stored.id, stored.name, stored.role, stored.phone, stored.email, stored.sector, stored.horizon) == (
        before.id, "Jens Kjær Mortensen", "Pædagog", "", "jkm@example.dk", "professional", 3)
    assert (stored.support, stored.quality, stored.invite) == (("informational",), "strained", True)
    [entry] = audit_entries(workspace, "network.person.update")
    assert (entry.case_id, entry.entity, entry.record_id) == (case_id, "map_entries", before.id)


def test_an_unknown_person_or_one_from_another_map_cannot_be_changed(workspace, net, case_id):
    elsewhere = net.add_person(_case(workspace, "Nørgaard"), person("Ole Nørgaard"))
    counts = _counts(workspace)

    for call in (lambda: net.update_person(case_id, elsewhere.id, person("Ole N.")),
                 lambda: net.move_person(case_id, elsewhere.id, FAM, NEAR),
                 lambda: net.remove_person(case_id, elsewhere.id),
                 lambda: net.update_person(case_id, "no-such-person", person("Ole N."))):
        with pytest.raises(CaseNotFoundError):
            call()

    assert _counts(workspace) == counts


@pytest.mark.parametrize(("angle", "stored"), [
    (190.0, -170.0), (-190.0, 170.0), (180.0, -180.0), (-180.0, -180.0), (540.0, -180.0), (725.0, 5.0),
    (-359.0, 1.0), (179.5, 179.5), (-0.5, -0.5),
])
def test_a_move_normalises_the_angle_to_minus_180_up_to_180(net, case_id, angle, stored):
    who = net.add_person(case_id, person())

    moved = net.move_person(case_id, who.id, angle, 42.0)

    saved = net.map_data(case_id).person(who.id)
    assert saved.angle == moved.angle == pytest.approx(stored)
    assert saved.distance == 42.0
    assert n.sector_of(saved.angle) == n.sector_of(angle)


def test_move_people_saves_several_moves_in_one_transaction(workspace, net, case_id):
    a = net.add_person(case_id, person("Birthe Holm", FAM, NEAR))
    b = net.add_person(case_id, person("Jens Kjær", FRI, MID))
    c = net.add_person(case_id, person("Lone Dahl", SCH, FAR))
    audit_before, log_before = last_seq(workspace, AuditEntry), last_seq(workspace, ChangeLogEntry)
    _mark_synced(workspace)

    net.move_people(case_id, {a.id: (200.0, 90.0), b.id: (-45.0, 10.0), c.id: (10.0, 120.0)})

    data = net.map_data(case_id)
    assert {p.id: (round(p.angle, 6), p.distance, p.sector, p.horizon) for p in data.people} == {
        a.id: (-160.0, 90.0, "school_work", 3), b.id: (-45.0, 10.0, "professional", 1), c.id: (10.0, 120.0, "family", 3)}
    [entry] = audit_entries(workspace, after=audit_before)  # one audit entry for the batch
    assert (entry.action, entry.case_id, entry.detail) == ("network.person.move", case_id, {"people": 3})
    rows = log_entries(workspace, after=log_before)
    assert sorted((r.record_id, r.operation) for r in rows) == sorted((p, "update") for p in (a.id, b.id, c.id))
    assert {r.record_id: (r.payload["angle"], r.payload["distance"]) for r in rows}[a.id] == (
        pytest.approx(-160.0), 90.0)
    # Nothing to save is no transaction at all.
    counts = _counts(workspace)
    net.move_people(case_id, {})
    assert _counts(workspace) == counts


def test_move_people_saves_nothing_if_one_move_is_bad(workspace, net, case_id):
    a = net.add_person(case_id, person("Birthe Holm", FAM, NEAR))
    b = net.add_person(case_id, person("Jens Kjær", FRI, MID))
    elsewhere = net.add_person(_case(workspace, "Nørgaard"), person("Ole Nørgaard"))
    before, counts = _stored(workspace, case_id), _counts(workspace)

    with pytest.raises(ValidationError) as bad:
        net.move_people(case_id, {a.id: (PRO, FAR), b.id: (SCH, 500.0)})
    assert bad.value.field == "position"
    with pytest.raises(CaseNotFoundError):
        net.move_people(case_id, {a.id: (PRO, FAR), elsewhere.id: (SCH, MID)})
    with pytest.raises(CaseNotFoundError):
        net.move_people(case_id, {a.id: (PRO, FAR), "no-such-person": (SCH, MID)})

    assert (_stored(workspace, case_id), _counts(workspace)) == (before, counts)


def test_remove_returns_the_person_and_their_ties_and_restore_puts_them_back(workspace, net, case_id):
    a = net.add_person(case_id, person("Birthe Holm", FAM, NEAR, role="Mormor", phone="21436587",
                                       support=("practical",), quality="ambivalent", invite=True, note="Note"))
    b = net.add_person(case_id, person("Jens Kjær", FRI, MID))
    c = net.add_person(case_id, person("Lone Dahl", PRO, FAR))
    ab = net.add_tie(case_id, b.id, a.id, "strained")
    ac = net.add_tie(case_id, a.id, c.id)
    bc = net.add_tie(case_id, b.id, c.id, "conflict")
    whole = net.map_data(case_id)

    removed = net.remove_person(case_id, a.id)

    assert removed.person == a
    assert sorted(removed.ties, key=lambda t: t.id) == sorted((ab, ac), key=lambda t: t.id)
    after = net.map_data(case_id)
    assert [p.id for p in after.people] == [b.id, c.id]
    assert after.ties == (bc,)  # the others' tie is untouched

    restored = net.restore_person(case_id, removed)

    assert restored == a  # same id, every field
    back = net.map_data(case_id)
    assert sorted(back.people, key=lambda p: p.id) == sorted(whole.people, key=lambda p: p.id)
    assert sorted(back.ties, key=lambda t: t.id) == sorted(whole.ties, key=lambda t: t.id)


def test_every_change_writes_change_log_rows_and_an_audit_entry(workspace, net, case_id):
    def since(audit: int, log: int) -> tuple[list[tuple], list[tuple]]:
        return ([(e.action, e.case_id, e.entity, e.record_id) for e in audit_entries(workspace, after=audit)],
                [(r.entity, r.record_id, r.operation) for r in log_entries(workspace, after=log)])

    def mark() -> tuple[int, int]:
        return last_seq(workspace, AuditEntry), last_seq(workspace, ChangeLogEntry)

    m = mark()
    net.open_map(case_id)
    assert since(*m) == ([("network.open", case_id, "cases", case_id)], [])

    m = mark()
    a = net.add_person(case_id, person("Birthe Holm"))
    assert since(*m) == ([("network.person.add", case_id, "map_entries", a.id)], [("map_entries", a.id, "insert")])
    b = net.add_person(case_id, person("Jens Kjær", FRI))
    _mark_synced(workspace)  # so that updates get rows of their own rather than folding into the insert

    m = mark()
    net.update_person(case_id, a.id, person("Birthe Holm", role="Mormor"))
    assert since(*m) == ([("network.person.update", case_id, "map_entries", a.id)],
                         [("map_entries", a.id, "update")])
    assert log_entries(workspace, a.id)[-1].payload["role"] == "Mormor"

    m = mark()
    net.move_person(case_id, a.id, PRO, FAR)
    assert since(*m)[0] == [("network.person.move", case_id, "map_entries", a.id)]
    assert (log_entries(workspace, a.id)[-1].payload["angle"], log_entries(workspace, a.id)[-1].revision) == (PRO, 3)

    m = mark()
    tie = net.add_tie(case_id, a.id, b.id)
    assert since(*m) == ([("network.tie.add", case_id, "map_links", tie.id)], [("map_links", tie.id, "insert")])

    m = mark()
    net.remove_tie(case_id, tie.id)
    assert since(*m) == ([("network.tie.remove", case_id, "map_links", tie.id)], [("map_links", tie.id, "delete")])

    tie = net.add_tie(case_id, a.id, b.id, "conflict")
    m = mark()
    removed = net.remove_person(case_id, a.id)
    audit, log = since(*m)
    assert audit == [("network.person.remove", case_id, "map_entries", a.id)]
    assert sorted(log) == sorted([("map_links", tie.id, "delete"), ("map_entries", a.id, "delete")])

    m = mark()
    net.restore_person(case_id, removed)
    audit, log = since(*m)
    assert audit == [("network.person.restore", case_id, "map_entries", a.id)]
    assert sorted(log) == sorted([("map_entries", a.id, "insert"), ("map_links", tie.id, "insert")])

    m = mark()
    version = net.save_version(case_id, "Ved første samtale")
    assert since(*m) == ([("network.version.save", case_id, "map_versions", version.id)],
                         [("map_versions", version.id, "insert")])
    # The trail is still one unbroken chain.
    assert verify_chain(audit_entries(workspace)) is None
