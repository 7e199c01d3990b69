"""The family's network map through the services (``Workspace.network``) and its editor.

People placed by a polar position (the sector follows the angle, the horizon the distance), ties
between them, versions kept as whole snapshots, the partner directory shared across families, the
invitees of a network meeting, exports that need the family's consent, and ``MapEditor`` (undo and
redo over the service, moves saved in batches by ``flush``).

Every change is its own committed transaction with change-log rows and an audit entry; bad input
leaves no row anywhere. Synthetic people only; no CPR numbers are needed here.

Geometry (app.services.network.dto): family 0 ≤ a < 90, friends 90 ≤ a ≤ 180 (and −180), school/work
−180 < a < −90, professional −90 ≤ a < 0; horizon 1 below 100/3, 2 below 200/3, 3 from 200/3 on.
"""

from __future__ import annotations

import math
import stat
from datetime import date, timedelta

import pytest
from sqlalchemy import func, update

from app.core.errors import DiskFullError, ValidationError
from app.models import AuditEntry, ChangeLogEntry, MapPerson, MapTie, MapVersion, Partner
from app.models.audit import verify_chain
from app.services.cases.service import CaseNotFoundError
from app.services.network import dto as n
from app.services.network.service import NetworkExportNotAllowedError
from app.services.workspace import Workspace
from tests.conftest import TODAY
from tests.helpers.db import audit_entries, last_seq, log_entries, row_counts
from tests.helpers.families import family, participation
from tests.helpers.pdf import text_in_pdf

# Angles in the middle of each sector, and distances in the middle of each horizon.
FAM, FRI, SCH, PRO = 45.0, 135.0, -135.0, -45.0
NEAR, MID, FAR = 15.0, 50.0, 85.0
EPS = 1e-6

# ---- helpers


def person(name: str = "Birthe Holm", angle: float = FAM, distance: float = NEAR, **kw) -> n.PersonInput:
    return n.PersonInput(name=name, angle=angle, distance=distance, **kw)


def _case(ws: Workspace, surname: str = "Skovbjerg", consent: bool = True) -> str:
    case_id = ws.cases.create_case(family(surname, referred_on=date(2026, 11, 1))).id
    if consent:
        ws.course.record_consent(case_id, participation(date(2026, 11, 2)))
    return case_id


@pytest.fixture
def case_id(workspace: Workspace) -> str:
    """A family with participation consent in force, and an empty map."""
    return _case(workspace)


@pytest.fixture
def net(workspace: Workspace):  # type: ignore[no-untyped-def]
    return workspace.network


@pytest.fixture
def partners(workspace: Workspace):  # type: ignore[no-untyped-def]
    return workspace.partners


TABLES = {"map_entries": MapPerson, "map_links": MapTie, "map_versions": MapVersion, "partners": Partner,
          "change_log": ChangeLogEntry, "audit_log": AuditEntry}


def _counts(ws: Workspace) -> dict[str, int]:
    return dict(zip(TABLES, row_counts(ws, *TABLES.values()), strict=True))










def _mark_synced(ws: Workspace) -> None:
    """As if sync had sent everything so far (later updates then get rows of their own)."""
    with ws.store.unit_of_work() as session:
        session.execute(update(ChangeLogEntry).values(synced_at=func.current_timestamp()))


def _stored(ws: Workspace, case_id: str) -> tuple[dict, dict]:
    """The saved map, compared by id: people (name, role, angle, distance) and ties."""
    data = ws.network.map_data(case_id)
    return ({p.id: (p.name, p.role, round(p.angle, 6), round(p.distance, 6)) for p in data.people},
            {t.id: (t.a_id, t.b_id, t.quality) for t in data.ties})


def _text_in_pdf(path) -> str:  # type: ignore[no-untyped-def]
    return text_in_pdf(path.read_bytes())


# ---- people


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


def test_a_tie_is_stored_once_with_the_smaller_id_first(net, case_id):
    a = net.add_person(case_id, person("Birthe Holm"))
    b = net.add_person(case_id, person("Jens Kjær"))
    low, high = sorted((a.id, b.id))

    tie = net.add_tie(case_id, high, low, "strained")

    assert (tie.a_id, tie.b_id, tie.quality) == (low, high, "strained")
    assert net.map_data(case_id).ties == (tie,)
    assert net.remove_tie(case_id, tie.id) == tie
    assert net.map_data(case_id).ties == ()


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


# ---- bad input: refused with the field named, nothing saved half-way


BAD_PEOPLE = {
    "empty name": (person(""), "name"),
    "blank name": (person("   \t "), "name"),
    "phone too short": (person(phone="12 34"), "phone"),
    "phone with words": (person(phone="ring efter kl. 16"), "phone"),
    "phone with letters": (person(phone="2143658x"), "phone"),
    "e-mail without domain": (person(email="birthe@"), "email"),
    "e-mail with a space": (person(email="birthe holm@example.dk"), "email"),
    "e-mail without @": (person(email="birthe.example.dk"), "email"),
    "unknown quality": (person(quality="venlig"), "quality"),
    "unknown support": (person(support=("practical", "money")), "support"),
    "far outside the map": (person(distance=500.0), "position"),
    "just outside what is allowed": (person(distance=130.01), "position"),
    "negative distance": (person(distance=-1.0), "position"),
    "distance not a number": (person(distance=math.nan), "position"),
    "infinite distance": (person(distance=math.inf), "position"),
    "angle not a number": (person(angle=math.nan), "position"),
    "infinite angle": (person(angle=-math.inf), "position"),
}


@pytest.mark.parametrize("case", list(BAD_PEOPLE), ids=list(BAD_PEOPLE))
def test_a_bad_person_is_refused_with_the_field_and_nothing_is_saved(workspace, net, case_id, case):
    typed, field = BAD_PEOPLE[case]
    counts = _counts(workspace)

    with pytest.raises(ValidationError) as error:
        net.add_person(case_id, typed)

    assert error.value.field == field
    assert _counts(workspace) == counts


@pytest.mark.parametrize("case", list(BAD_PEOPLE), ids=list(BAD_PEOPLE))
def test_a_bad_update_is_refused_and_the_person_is_unchanged(workspace, net, case_id, case):
    typed, field = BAD_PEOPLE[case]
    who = net.add_person(case_id, person("Birthe Holm", role="Mormor", phone="21436587"))
    counts = _counts(workspace)

    with pytest.raises(ValidationError) as error:
        net.update_person(case_id, who.id, typed)

    assert error.value.field == field
    assert net.map_data(case_id).people == (who,)
    assert _counts(workspace) == counts


@pytest.mark.parametrize(("angle", "distance"), [
    (FAM, 500.0), (FAM, 130.5), (FAM, -0.1), (FAM, math.nan), (math.nan, MID), (math.inf, MID),
])
def test_a_move_far_outside_the_map_is_refused(workspace, net, case_id, angle, distance):
    who = net.add_person(case_id, person())
    counts = _counts(workspace)

    with pytest.raises(ValidationError) as error:
        net.move_person(case_id, who.id, angle, distance)
    assert error.value.field == "position"
    with pytest.raises(ValidationError):
        net.move_people(case_id, {who.id: (angle, distance)})

    assert net.map_data(case_id).people == (who,)
    assert _counts(workspace) == counts


def test_bad_ties_are_refused_and_nothing_is_saved(workspace, net, case_id):
    a = net.add_person(case_id, person("Birthe Holm"))
    b = net.add_person(case_id, person("Jens Kjær"))
    elsewhere = net.add_person(_case(workspace, "Nørgaard"), person("Ole Nørgaard"))
    third_family = _case(workspace, "Østergaard")
    tie = net.add_tie(case_id, a.id, b.id)
    counts = _counts(workspace)

    with pytest.raises(ValidationError) as to_self:
        net.add_tie(case_id, a.id, a.id)
    assert to_self.value.field == "tie"
    for first, second in ((a.id, b.id), (b.id, a.id)):  # the same pair, either order, any quality
        with pytest.raises(ValidationError) as twice:
            net.add_tie(case_id, first, second, "conflict")
        assert twice.value.field == "tie"
    with pytest.raises(ValidationError) as quality:
        net.add_tie(case_id, a.id, elsewhere.id, "hostile")
    assert quality.value.field == "quality"
    for first, second in ((a.id, elsewhere.id), (elsewhere.id, b.id)):  # on another family's map
        with pytest.raises(CaseNotFoundError):
            net.add_tie(case_id, first, second)
    with pytest.raises(CaseNotFoundError):
        net.remove_tie(third_family, tie.id)  # not that family's tie
    with pytest.raises(CaseNotFoundError):
        net.remove_tie(case_id, "no-such-tie")

    assert _counts(workspace) == counts
    assert net.map_data(case_id).ties == (tie,)


def test_nothing_is_added_to_a_family_that_does_not_exist(workspace, net):
    counts = _counts(workspace)

    with pytest.raises(CaseNotFoundError):
        net.add_person("no-such-case", person())
    with pytest.raises(CaseNotFoundError):
        net.open_map("no-such-case")
    with pytest.raises(CaseNotFoundError):
        net.save_version("no-such-case", "Ved første samtale")

    assert _counts(workspace) == counts


# ---- versions


def test_a_version_is_the_whole_map_at_that_moment(workspace, net, case_id):
    a = net.add_person(case_id, person("Birthe Holm", FAM, NEAR, role="Mormor", support=("practical",)))
    b = net.add_person(case_id, person("Jens Kjær", FRI, MID))
    c = net.add_person(case_id, person("Lone Dahl", PRO, FAR, organisation="Lægehuset Torvet", invite=True))
    net.add_tie(case_id, a.id, b.id, "strained")
    net.add_tie(case_id, b.id, c.id)
    then = net.map_data(case_id)

    info = net.save_version(case_id, "  Ved første samtale ", date(2026, 11, 20))

    assert (info.label, info.saved_on, info.people, info.ties) == ("Ved første samtale", date(2026, 11, 20), 3, 2)
    # Later changes of every kind do not reach the saved version.
    net.move_person(case_id, a.id, SCH, FAR)
    net.update_person(case_id, b.id, person("Jens Kjær Mortensen", FRI, MID, quality="conflict"))
    net.remove_person(case_id, c.id)
    d = net.add_person(case_id, person("Mads Ravn", PRO, MID))
    net.add_tie(case_id, a.id, d.id)

    assert net.version_data(case_id, info.id) == then
    assert net.map_data(case_id) != then
    [entry] = audit_entries(workspace, "network.version.open")
    assert (entry.case_id, entry.record_id) == (case_id, info.id)


def test_a_version_of_an_empty_map_is_empty(net, case_id):
    info = net.save_version(case_id, "Før vi gik i gang")

    assert (info.saved_on, info.people, info.ties) == (TODAY, 0, 0)
    assert net.version_data(case_id, info.id) == n.MapData()


def test_versions_are_listed_by_date_then_in_the_order_saved(net, case_id):
    a = net.add_person(case_id, person("Birthe Holm"))
    first = net.save_version(case_id, "Efter et halvt år", TODAY)
    net.add_person(case_id, person("Jens Kjær", FRI))
    second = net.save_version(case_id, "Ved første samtale", date(2026, 5, 20))  # saved later, dated earlier
    net.add_tie(case_id, a.id, net.map_data(case_id).people[1].id)
    third = net.save_version(case_id, "Efter netværksmødet", TODAY)

    versions = net.open_map(case_id).versions

    assert [(v.id, v.label, v.saved_on, v.people, v.ties) for v in versions] == [
        (second.id, "Ved første samtale", date(2026, 5, 20), 2, 0),
        (first.id, "Efter et halvt år", TODAY, 1, 0),
        (third.id, "Efter netværksmødet", TODAY, 2, 1),
    ]


def test_a_version_needs_a_label_and_a_date_not_in_the_future(workspace, net, case_id):
    net.add_person(case_id, person())
    counts = _counts(workspace)

    with pytest.raises(ValidationError) as no_label:
        net.save_version(case_id, "   ")
    assert no_label.value.field == "label"
    with pytest.raises(ValidationError) as future:
        net.save_version(case_id, "I morgen", TODAY + timedelta(days=1))
    assert future.value.field == "saved_on"

    assert _counts(workspace) == counts


def test_a_version_of_another_family_cannot_be_opened(workspace, net, case_id):
    other = _case(workspace, "Nørgaard")
    info = net.save_version(other, "Ved første samtale")

    with pytest.raises(CaseNotFoundError):
        net.version_data(case_id, info.id)
    with pytest.raises(CaseNotFoundError):
        net.version_data(case_id, "no-such-version")


# ---- the partner directory


def _clinic() -> n.PartnerView:
    return n.PartnerView(
        "", "gp_clinic", "Lægehuset Torvet", unit="Læge Mads Ravn", phone="97 12 34 56",
        email="post@laegehuset-torvet.example.dk", address="Torvet 4, 7400 Herning",
        contact_points=(n.ContactPoint("Telefontid kl. 8-9", "97 12 34 50"),
                        n.ContactPoint("Sekretær", email="sekretaer@laegehuset-torvet.example.dk")),
        note="Lukket fredag eftermiddag",
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


# ---- invitees


def test_invitees_are_the_people_flagged_invite_with_their_own_contact_details_or_their_partners(workspace, net,
                                                                                                     case_id, partners):
    clinic = partners.save(_clinic())
    school = partners.save(n.PartnerView("", "school", "Lindeskolen", phone="96 28 00 00",
                                        email="kontor@lindeskolen.example.dk"))
    grandmother = net.add_person(case_id, person("Birthe Holm", FAM, NEAR, role="Mormor", phone="21436587",
                                                 email="birthe@example.dk", invite=True, consent_to_share=True))
    net.add_person(case_id, person("Jens Kjær", FRI, MID, role="Nabo", phone="87654321"))  # not invited
    doctor = net.add_person(case_id, person("Læge Mads Ravn", PRO, FAR, role="Egen læge", partner_id=clinic.id,
                                            invite=True))
    teacher = net.add_person(case_id, person("Lone Dahl", SCH, MID, role="Klasselærer", organisation="4.A",
                                             partner_id=school.id, phone="30 11 22 33", invite=True,
                                             consent_to_share=True))
    net.add_person(_case(workspace, "Nørgaard"), person("Ole Nørgaard", invite=True))  # another family's

    invitees = net.invitees(case_id)

    assert invitees == (
        n.Invitee(grandmother.id, "Birthe Holm", "Mormor", "", "21436587", "birthe@example.dk", True, "family"),
        n.Invitee(doctor.id, "Læge Mads Ravn", "Egen læge", "Lægehuset Torvet", "97 12 34 56",
                  "post@laegehuset-torvet.example.dk", False, "professional"),
        # Her own phone and organisation; the school's e-mail, as she gave none.
        n.Invitee(teacher.id, "Lone Dahl", "Klasselærer", "4.A", "30 11 22 33", "kontor@lindeskolen.example.dk",
                  True, "school_work"),
    )


def test_no_one_flagged_means_no_invitees(net, case_id):
    net.add_person(case_id, person("Birthe Holm"))

    assert net.invitees(case_id) == ()


# ---- exports


def _small_map(net, case_id: str) -> tuple[n.MapPersonView, ...]:  # type: ignore[no-untyped-def]
    people = (
        net.add_person(case_id, person("Birthe Winther Holm", FAM, NEAR, role="Mormor", phone="21 43 65 87",
                                       email="birthe.holm@example.dk", invite=True)),
        net.add_person(case_id, person("Karsten Bech", FRI, MID, role="Nabo", phone="87654321")),
        net.add_person(case_id, person("Lone Dahl", SCH, FAR, role="Klasselærer", email="lone.dahl@example.dk",
                                       quality="ambivalent")),
        net.add_person(case_id, person("Mads Ravn", PRO, MID, role="Egen læge", phone="+45 97 12 34 56",
                                       quality="strained")),
    )
    net.add_tie(case_id, people[0].id, people[1].id)
    net.add_tie(case_id, people[1].id, people[2].id, "conflict")
    return people


def _withdrawn(workspace: Workspace) -> str:
    case_id = workspace.cases.create_case(family("Nørgaard", referred_on=date(2026, 11, 1))).id
    overview = workspace.course.record_consent(case_id, participation(date(2026, 11, 2)))
    grant = next(g for g in overview.consents[0].grants if g.scope == "participation")
    workspace.course.withdraw_consent(case_id, grant.id, date(2026, 11, 20), "Ønsker pause")
    return case_id


@pytest.mark.parametrize("consent", ["never given", "withdrawn"])
@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_no_export_without_the_familys_consent(workspace, net, tmp_path, consent, fmt):
    case_id = _case(workspace, "Nørgaard", consent=False) if consent == "never given" else _withdrawn(workspace)
    _small_map(net, case_id)
    exports = tmp_path / "exports"
    target = exports / f"netværkskort.{fmt}"
    counts = _counts(workspace)

    with pytest.raises(NetworkExportNotAllowedError):
        if fmt == "pdf":
            net.export_pdf(case_id, target, False, "da")
        else:
            net.write_export(case_id, target, b"\x89PNG\r\n\x1a\n not really", "png", True)

    assert not exports.exists()  # no file, not even a temporary one
    assert audit_entries(workspace, "network.export") == []
    assert _counts(workspace) == counts


def test_the_pdf_export_has_the_peoples_names_and_contact_details(workspace, net, case_id, tmp_path):
    people = _small_map(net, case_id)
    target = tmp_path / "Familien Skovbjerg – netværkskort.pdf"

    assert net.export_pdf(case_id, target, False, "da") == target

    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # hers only
    text = _text_in_pdf(target)
    for p in people:
        assert p.name in text
    for detail in ("21 43 65 87", "87654321", "lone.dahl@example.dk", "Familie og slægt", "Kortet nu"):
        assert detail in text
    [entry] = audit_entries(workspace, "network.export")
    assert (entry.case_id, entry.entity, entry.record_id) == (case_id, "cases", case_id)
    assert (entry.detail["format"], entry.detail["initials_only"]) == ("pdf", False)
    assert entry.detail["bytes"] == target.stat().st_size


def test_the_sharing_pdf_has_initials_and_roles_and_no_names_or_contact_details(workspace, net, case_id, tmp_path):
    people = _small_map(net, case_id)
    target = tmp_path / "deling.pdf"

    net.export_pdf(case_id, target, True, "da")

    text = _text_in_pdf(target)
    for label in ("BWH · Mormor", "KB · Nabo", "LD · Klasselærer", "MR · Egen læge"):
        assert label in text
    for p in people:
        assert p.name not in text
        for word in p.name.split():
            assert word not in text, word
        if p.phone:
            assert p.phone not in text and p.phone.replace(" ", "") not in text.replace(" ", "")
        if p.email:
            assert p.email not in text
    [entry] = audit_entries(workspace, "network.export")
    assert (entry.detail["format"], entry.detail["initials_only"]) == ("pdf", True)


def test_a_png_export_is_written_as_given_and_audited(workspace, net, case_id, tmp_path):
    content = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    target = tmp_path / "exports" / "kort.png"
    target.parent.mkdir()
    target.write_bytes(b"an older export")

    net.write_export(case_id, target, content, "png", True)

    assert target.read_bytes() == content
    assert [p.name for p in target.parent.iterdir()] == ["kort.png"]  # no temporary file left behind
    [entry] = audit_entries(workspace, "network.export")
    assert entry.detail == {"format": "png", "initials_only": True, "bytes": len(content)}


def test_an_empty_map_can_be_exported(net, case_id, tmp_path):
    target = net.export_pdf(case_id, tmp_path / "tomt.pdf", False, "da")

    assert "Lærke og familien" in _text_in_pdf(target)


def test_the_pdf_is_in_the_language_asked_for_with_the_reports_own_texts(net, case_id, tmp_path):
    _small_map(net, case_id)

    english = _text_in_pdf(net.export_pdf(case_id, tmp_path / "map.pdf", False, "en"))
    danish = _text_in_pdf(net.export_pdf(case_id, tmp_path / "kort.pdf", False, "da"))

    for text in ("Network map – Familien Skovbjerg", "The map now", "Family and relatives", "How to read the map",
                 "Lærke and the family", "Page 1 of 2"):
        assert text in english, text
    for text in ("Netværkskort – Familien Skovbjerg", "Kortet nu", "Familie og slægt", "Sådan læses kortet",
                 "Side 1 af 2"):
        assert text in danish, text
        assert text not in english, text


# ---- the editor: undo and redo over the service, moves saved in batches


@pytest.fixture
def editor(qapp, workspace, case_id):  # type: ignore[no-untyped-def]
    from app.ui.network.editor import MapEditor

    editor = MapEditor(workspace, case_id)
    editor.failures = []  # type: ignore[attr-defined]
    editor.failed.connect(lambda field, text: editor.failures.append((field, text)))
    yield editor
    editor.flush()
    editor.deleteLater()


def test_the_editor_adds_moves_ties_and_removes_then_undoes_all_of_it_and_redoes_it(workspace, case_id, editor):
    states = [_stored(workspace, case_id)]
    assert states[0] == ({}, {})

    def step(action) -> None:  # type: ignore[no-untyped-def]
        action()
        editor.flush()
        states.append(_stored(workspace, case_id))
        assert _stored(workspace, case_id) == (
            {p.id: (p.name, p.role, round(p.angle, 6), round(p.distance, 6)) for p in editor.data.people},
            {t.id: (t.a_id, t.b_id, t.quality) for t in editor.data.ties}), "the editor shows what is saved"

    a = editor.add_person(person("Birthe Holm", FAM, NEAR))
    states.append(_stored(workspace, case_id))
    b = editor.add_person(person("Karsten Bech", FRI, MID))
    states.append(_stored(workspace, case_id))

    # A move shows at once and is saved on flush.
    editor.move_person(a.id, PRO, FAR)
    assert editor.pending() == 1
    assert editor.data.person(a.id).sector == "professional"
    assert _stored(workspace, case_id) == states[-1]
    assert editor.flush() is True
    assert editor.pending() == 0
    states.append(_stored(workspace, case_id))
    assert states[-1][0][a.id] == ("Birthe Holm", "", PRO, FAR)

    step(lambda: editor.edit_person(a.id, person("Birthe Holm", PRO, FAR, role="Mormor")))
    step(lambda: editor.add_tie(b.id, a.id, "strained"))
    c = None

    def add_c() -> None:
        nonlocal c
        c = editor.add_person(person("Lone Dahl", SCH, FAR))
    step(add_c)
    step(lambda: editor.add_tie(b.id, c.id))
    tie_bc = next(t for t in editor.data.ties if c.id in (t.a_id, t.b_id))
    step(lambda: editor.remove_tie(tie_bc.id))
    step(lambda: editor.add_tie(c.id, a.id, "conflict"))
    step(lambda: editor.remove_person(a.id))  # with both of her ties
    assert states[-1] == ({b.id: ("Karsten Bech", "", FRI, MID), c.id: ("Lone Dahl", "", SCH, FAR)}, {})
    assert editor.undo_stack.count() == len(states) - 1 == 10
    assert editor.failures == []

    for k in range(len(states) - 1, 0, -1):
        editor.undo_stack.undo()
        if k == 3:  # undoing the move: shown at once, saved on the next flush
            assert editor.pending() == 1
            assert _stored(workspace, case_id) == states[3]
        editor.flush()
        assert _stored(workspace, case_id) == states[k - 1], f"after undoing step {k}"
    assert not editor.undo_stack.canUndo()
    assert _stored(workspace, case_id) == ({}, {})
    assert editor.data == n.MapData()

    for k in range(1, len(states)):
        editor.undo_stack.redo()
        editor.flush()
        assert _stored(workspace, case_id) == states[k], f"after redoing step {k}"  # same ids, ties and all
    assert not editor.undo_stack.canRedo()
    assert editor.failures == []
    # Undo and redo went through the service: audited as such.
    actions = [e.action for e in audit_entries(workspace)]
    assert actions.count("network.person.restore") == 4  # Birthe on the way back; Birthe, Karsten, Lone forward
    assert actions.count("network.person.remove") == 5


def test_moves_are_saved_only_on_flush_in_one_batch(workspace, case_id, editor):
    a = editor.add_person(person("Birthe Holm", FAM, NEAR))
    b = editor.add_person(person("Karsten Bech", FRI, MID))
    saved = _stored(workspace, case_id)
    moves_before = len(audit_entries(workspace, "network.person.move"))

    editor.move_person(a.id, SCH, MID)
    editor.move_person(b.id, PRO, NEAR)
    editor.move_person(a.id, 10.0, 140.0)  # the last place counts; beyond the map it stops at 130

    assert editor.pending() == 2
    assert _stored(workspace, case_id) == saved
    assert net_position(editor.data.person(a.id)) == (10.0, 130.0)
    assert editor.flush() is True
    assert {pid: (angle, distance) for pid, (_, _, angle, distance) in _stored(workspace, case_id)[0].items()} == {
        a.id: (10.0, 130.0), b.id: (PRO, NEAR)}
    entries = audit_entries(workspace, "network.person.move")[moves_before:]
    assert [e.detail for e in entries] == [{"people": 2}]
    assert editor.flush() is True  # nothing left to save: no second transaction
    assert len(audit_entries(workspace, "network.person.move")) == moves_before + 1
    # Three moves are three steps to undo.
    assert editor.undo_stack.count() == 5


def net_position(p: n.MapPersonView) -> tuple[float, float]:
    return round(p.angle, 6), round(p.distance, 6)


def test_a_failing_flush_keeps_the_moves_pending_until_a_later_flush_saves_them(workspace, case_id, editor,
                                                                                  monkeypatch):
    a = editor.add_person(person("Birthe Holm", FAM, NEAR))
    b = editor.add_person(person("Karsten Bech", FRI, MID))
    saved = _stored(workspace, case_id)
    editor.move_person(a.id, SCH, FAR)
    editor.move_person(b.id, PRO, MID)

    def disk_full(case_id, moves):  # type: ignore[no-untyped-def]
        raise DiskFullError()

    with monkeypatch.context() as patch:
        patch.setattr(editor.network, "move_people", disk_full)
        assert editor.flush() is False
        assert editor.pending() == 2
        assert len(editor.failures) == 1 and "disk" in editor.failures[0][1].lower()
        editor.move_person(a.id, FRI, NEAR)  # she goes on working meanwhile
        assert editor.pending() == 2
        assert editor.flush() is False
    assert _stored(workspace, case_id) == saved  # nothing saved while it failed
    assert net_position(editor.data.person(a.id)) == (FRI, NEAR)  # but still shown

    assert editor.flush() is True
    assert editor.pending() == 0
    assert {pid: (angle, distance) for pid, (_, _, angle, distance) in _stored(workspace, case_id)[0].items()} == {
        a.id: (FRI, NEAR), b.id: (PRO, MID)}


def test_the_editor_refuses_bad_input_without_an_undo_step(workspace, case_id, editor):
    a = editor.add_person(person("Birthe Holm"))
    counts, steps = _counts(workspace), editor.undo_stack.count()

    assert editor.add_person(person("  ")) is None
    assert editor.add_tie(a.id, a.id) is False
    assert editor.edit_person(a.id, person("Birthe Holm", email="birthe@")) is False

    assert [field for field, _ in editor.failures] == ["name", "tie", "email"]
    assert all(text for _, text in editor.failures)
    assert editor.undo_stack.count() == steps
    assert _counts(workspace) == counts
    assert editor.data.people == (a,)


def test_a_pending_move_of_someone_removed_elsewhere_does_not_block_the_other_moves(workspace, case_id, editor):
    a = editor.add_person(person("Birthe Holm", FAM, NEAR))
    b = editor.add_person(person("Karsten Bech", FRI, MID))
    editor.move_person(a.id, SCH, FAR)
    editor.move_person(b.id, PRO, MID)
    workspace.network.remove_person(case_id, a.id)  # by another route (not through this editor)
    c = editor.add_person(person("Ole Dam", FAM, MID))  # a reload: the map as stored now

    assert editor.pending() == 1
    assert editor.flush() is True and not editor.failures
    stored = _stored(workspace, case_id)[0]
    assert set(stored) == {b.id, c.id}
    assert stored[b.id][2:] == (PRO, MID)
