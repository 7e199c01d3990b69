"""Ties between two people on the network map: stored once, and bad ties refused with nothing saved."""

from __future__ import annotations

import pytest

from app.core.errors import ValidationError
from app.services.cases.service import CaseNotFoundError
from tests.helpers.network import (
    _case,
    _counts,
    person,
)


def test_a_tie_is_stored_once_with_the_smaller_id_first(net, case_id):
    a = net.add_person(case_id, person("Birthe Holm"))
    b = net.add_person(case_id, person("Jens Kjær"))
    low, high = sorted((a.id, b.id))

    tie = net.add_tie(case_id, high, low, "strained")

    assert (tie.a_id, tie.b_id, tie.quality) == (low, high, "strained")
    assert net.map_data(case_id).ties == (tie,)
    assert net.remove_tie(case_id, tie.id) == tie
    assert net.map_data(case_id).ties == ()


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
