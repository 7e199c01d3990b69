"""Versions of the network map: each a whole snapshot of the map, listed by date, kept per family."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.core.errors import ValidationError
from app.services.cases.service import CaseNotFoundError
from app.services.network import dto as n
from tests.conftest import TODAY
from tests.helpers.db import audit_entries
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
    person,
)


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
