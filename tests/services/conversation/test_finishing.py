"""Finishing the clarifying conversation: every member needs a status, and the case moves on once."""

from __future__ import annotations

import pytest

from app.core.errors import ValidationError
from tests.conftest import TODAY
from tests.helpers.conversation import (
    MEMBER,
    _key,
    _list_item,
    _started,
)
from tests.helpers.db import audit_entries


def test_completing_needs_every_member_to_have_a_status(started):
    workspace, case, view = started

    with pytest.raises(ValidationError) as caught:
        workspace.conversations.complete(view.id)
    assert caught.value.field == "members"
    assert caught.value.params["names"] == "Mette, Lærke"

    workspace.conversations.set_member_status(view.id, _key(view, "Mette"), "addressed")
    with pytest.raises(ValidationError) as caught:
        workspace.conversations.complete(view.id)
    assert caught.value.params["names"] == "Lærke"
    assert workspace.conversations.view(view.id).status == "in_progress"
    assert workspace.cases.overview(case.id).current_step.code == "afklarende_samtale"
    assert audit_entries(workspace, "conversation.complete") == []


def test_completing_moves_the_case_past_its_conversation_step(started):
    workspace, case, view = started
    workspace.conversations.set_member_status(view.id, _key(view, "Mette"), "addressed")
    workspace.conversations.set_member_status(view.id, _key(view, "Lærke"), "not_present", "I skole")

    done = workspace.conversations.complete(view.id)

    assert (done.status, done.completed_on) == ("completed", TODAY)
    overview = workspace.cases.overview(case.id)
    steps = {s.code: s for s in overview.steps}
    assert (steps["afklarende_samtale"].status, steps["afklarende_samtale"].completed_on) == ("done", TODAY)
    assert overview.current_step.code != "afklarende_samtale"
    assert overview.current_step.status == "active"
    assert _list_item(workspace, case.id).current_step_da == overview.current_step.label_da
    [listed] = workspace.conversations.list_for_case(case.id)
    assert listed.status == "completed"
    assert len(audit_entries(workspace, "conversation.complete", view.id)) == 1
    # A new start after a finished conversation is a new conversation.
    assert workspace.conversations.start(case.id).id != view.id


def test_completing_again_after_reopening_does_not_move_the_case_twice(workspace):
    case, view = _started(workspace, template="greve")  # the conversation, then a home visit
    for member in view.members:
        workspace.conversations.set_member_status(view.id, f"{MEMBER}:{member.id}", "addressed")
    workspace.conversations.complete(view.id)
    assert workspace.cases.overview(case.id).current_step.kind == "home_visit"

    reopened = workspace.conversations.reopen(view.id)
    assert (reopened.status, reopened.completed_on) == ("in_progress", None)
    workspace.conversations.complete(view.id)

    assert workspace.cases.overview(case.id).current_step.kind == "home_visit"  # the visit is still to come
