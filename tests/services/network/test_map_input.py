"""Bad input to the network map is refused with the field named, and nothing is saved half-way."""

from __future__ import annotations

import math

import pytest

from app.core.errors import ValidationError
from app.services.cases.service import CaseNotFoundError
from tests.helpers.network import (
    FAM,
    MID,
    _counts,
    person,
)

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


def test_nothing_is_added_to_a_family_that_does_not_exist(workspace, net):
    counts = _counts(workspace)

    with pytest.raises(CaseNotFoundError):
        net.add_person("no-such-case", person())
    with pytest.raises(CaseNotFoundError):
        net.open_map("no-such-case")
    with pytest.raises(CaseNotFoundError):
        net.save_version("no-such-case", "Ved første samtale")

    assert _counts(workspace) == counts
