"""A section per family member in the clarifying conversation, with prompts for their group and age, and
a status for each (addressed, not present or not relevant with a reason).
"""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import ValidationError
from tests.helpers.conversation import (
    MEMBER,
    _ids,
    _key,
    _member,
    _new_case,
    _prompt_texts,
    _started,
)
from tests.helpers.db import audit_entries


@pytest.fixture
def big_family(workspace):
    """Mette (parent), Lærke 10, Bo 3, Astrid 15 (all three the ill children) and Malte 7 (a sibling)."""
    extra = (
        _member("barn", "Bo", date(2023, 6, 1)),
        _member("barn", "Astrid", date(2011, 2, 14)),
        _member("soeskende", "Malte", date(2019, 9, 9)),
    )
    case, view = _started(workspace, extra=extra)
    return workspace, case, view


def test_one_section_per_member_with_the_members_name(big_family):
    _, _, view = big_family

    members = [s for s in view.sections if s.kind == "member"]
    assert [s.title.da for s in members] == ["Om Mette", "Om Lærke", "Om Bo", "Om Astrid", "Om Malte"]
    assert [s.title.en for s in members] == ["About Mette", "About Lærke", "About Bo", "About Astrid",
                                            "About Malte"]
    assert [s.key for s in members] == [f"{MEMBER}:{m.id}" for m in view.members]
    assert [s.member_group for s in members] == ["parent", "child", "child", "child", "sibling"]
    # The member sections take the guide's place, between the family's story and the problem areas.
    keys = [s.section_id for s in view.sections]
    assert keys[:2] == ["formaal", "familiens_historie"] and keys[2:7] == [MEMBER] * 5
    assert keys[7] == "viden_om_sygdommen"
    assert all("{name}" not in p.text.da and "{name}" not in p.text.en
               for s in members for p in s.prompts)


def test_prompts_fit_the_members_group_and_age(big_family):
    _, _, view = big_family
    prompt_ids = {m.first_name: [p.id for p in view.section(_key(view, m.first_name)).prompts]
                  for m in view.members}

    assert prompt_ids["Mette"] == ["forael_har_det", "forael_svaer_dag", "forael_rolle", "andet_vigtigt"]
    assert prompt_ids["Bo"] == ["barn_glad_for", "barn_brug_for", "smaabarn_hverdag", "smaabarn_trives",
                                "smaabarn_dagtilbud", "andet_vigtigt"]
    assert prompt_ids["Lærke"] == ["barn_glad_for", "barn_brug_for", "skolebarn_lide", "skolebarn_skole",
                                   "skolebarn_sygdom", "skolebarn_tryllestav", "andet_vigtigt"]
    assert prompt_ids["Astrid"] == ["barn_glad_for", "barn_brug_for", "ung_leve_med", "ung_selv_styre",
                                    "ung_tale_med", "ung_alene", "andet_vigtigt"]
    assert prompt_ids["Malte"] == ["barn_glad_for", "soeskende_oplever", "soeskende_selv", "andet_vigtigt"]
    assert len({tuple(ids) for ids in prompt_ids.values()}) == 5  # all different
    bo = view.section(_key(view, "Bo"))
    assert _prompt_texts(bo)[0] == "Hvad er Bo glad for, og hvad er Bo god til?"
    malte = view.section(_key(view, "Malte"))
    assert malte.prompts[1].follow_ups[0].da == "Hvad ved Malte om sygdommen?"


def test_members_are_unaddressed_until_each_has_a_status(big_family):
    workspace, _, view = big_family
    conversations = workspace.conversations
    assert [s.member_id for s in view.unaddressed_members] == [m.id for m in view.members]

    conversations.set_member_status(view.id, _key(view, "Mette"), "addressed")
    conversations.set_member_status(view.id, _key(view, "Bo"), "not_relevant", "  Sover til middag  ")
    after = conversations.set_member_status(view.id, _key(view, "Astrid"), "not_present", "Til træning")

    assert [s.member_id for s in after.unaddressed_members] == [_ids(view)["Lærke"], _ids(view)["Malte"]]
    bo = after.section(_key(view, "Bo"))
    assert (bo.status, bo.status_reason) == ("not_relevant", "Sover til middag")

    conversations.set_member_status(view.id, _key(view, "Lærke"), "addressed")
    after = conversations.set_member_status(view.id, _key(view, "Malte"), "addressed")
    assert after.unaddressed_members == ()

    # Back to "not yet": the member is unaddressed again.
    after = conversations.set_member_status(view.id, _key(view, "Malte"), "")
    assert [s.member_id for s in after.unaddressed_members] == [_ids(view)["Malte"]]
    assert len(audit_entries(workspace, "conversation.member_status")) == 6


@pytest.mark.parametrize("status", ["not_present", "not_relevant"])
@pytest.mark.parametrize("reason", ["", "   "])
def test_not_present_or_not_relevant_needs_a_reason(started, status, reason):
    workspace, _, view = started
    key = _key(view, "Lærke")

    with pytest.raises(ValidationError) as caught:
        workspace.conversations.set_member_status(view.id, key, status, reason)

    assert caught.value.field == "status_reason"
    after = workspace.conversations.view(view.id)
    assert after.section(key).status == ""
    assert len(after.unaddressed_members) == 2


def test_an_addressed_member_keeps_no_reason(started):
    workspace, _, view = started
    key = _key(view, "Mette")
    workspace.conversations.set_member_status(view.id, key, "not_present", "På arbejde")

    after = workspace.conversations.set_member_status(view.id, key, "addressed", "På arbejde")

    assert (after.section(key).status, after.section(key).status_reason) == ("addressed", "")


@pytest.mark.parametrize(("key", "status", "field"), [
    ("lærke", "maybe", "status"),
    ("formaal", "addressed", "section_key"),
    (MEMBER, "addressed", "section_key"),
    ("other_case", "addressed", "section_key"),
], ids=["unknown status", "not a member section", "no member", "member of another family"])
def test_member_status_is_refused_for_unknown_choices(started, key, status, field):
    workspace, _, view = started
    keys = {"lærke": _key(view, "Lærke"), "formaal": "formaal", MEMBER: MEMBER}
    if key == "other_case":
        other = _new_case(workspace, "Nørgaard")
        keys[key] = f"{MEMBER}:{other.members[0].id}"

    with pytest.raises(ValidationError) as caught:
        workspace.conversations.set_member_status(view.id, keys[key], status)

    assert caught.value.field == field
    assert workspace.conversations.view(view.id) == view
