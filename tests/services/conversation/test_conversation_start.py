"""Starting and resuming the clarifying conversation (``Workspace.conversations``): the consent gate,
one conversation in progress at a time, and both audited.
"""

from __future__ import annotations

import pytest

from app.core.errors import ConsentRequiredError
from tests.conftest import TODAY
from tests.helpers.conversation import (
    RECENT,
    _new_case,
)
from tests.helpers.db import audit_entries
from tests.helpers.families import participation


def test_starting_needs_participation_consent(workspace):
    case = _new_case(workspace, consent=False)

    with pytest.raises(ConsentRequiredError) as caught:
        workspace.conversations.start(case.id)

    assert caught.value.params["missing"].da == "Deltagelse i forløbet"
    assert workspace.conversations.list_for_case(case.id) == ()
    assert audit_entries(workspace, "conversation.start") == []

    workspace.course.record_consent(case.id, participation(RECENT))
    view = workspace.conversations.start(case.id)

    assert (view.case_id, view.status, view.held_on) == (case.id, "in_progress", TODAY)
    assert (view.guide_id, view.guide_version) == ("standard", 1)
    assert view.cursor_section == "formaal"  # the guide's first section
    [listed] = workspace.conversations.list_for_case(case.id)
    assert (listed.id, listed.status, listed.guide_version) == (view.id, "in_progress", 1)


def test_a_second_start_resumes_the_conversation_in_progress(started):
    workspace, case, first = started
    workspace.conversations.save_notes(first.id, "familiens_historie", "De flyttede i sommer.", 21)

    again = workspace.conversations.start(case.id)

    assert again.id == first.id
    assert again.section("familiens_historie").notes == "De flyttede i sommer."
    assert (again.cursor_section, again.cursor_position) == ("familiens_historie", 21)
    assert len(workspace.conversations.list_for_case(case.id)) == 1


def test_start_and_open_are_audited(started):
    workspace, case, view = started

    [start] = audit_entries(workspace, "conversation.start", view.id)
    assert (start.case_id, start.entity, start.detail) == (case.id, "conversations", {"guide": "standard@1"})
    assert audit_entries(workspace, "conversation.open", view.id) == []

    workspace.conversations.open(view.id)
    workspace.conversations.start(case.id)  # resuming is opening

    opened = audit_entries(workspace, "conversation.open", view.id)
    assert [(e.case_id, e.entity) for e in opened] == [(case.id, "conversations")] * 2
    assert len(audit_entries(workspace, "conversation.start", view.id)) == 1
    workspace.conversations.view(view.id)  # reading for the screen is not an open
    assert len(audit_entries(workspace, "conversation.open", view.id)) == 2
