"""Notes saved as she types: committed transactions that survive lock and reopen, coalesced in the change
log and audited once per section and session.
"""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, update

from app.core.errors import StorageError, ValidationError
from app.models import ChangeLogEntry
from tests.helpers.conversation import (
    MEMBER,
    _key,
    _new_case,
    _section_row_id,
)
from tests.helpers.db import audit_entries, log_entries


def test_notes_and_the_cursor_survive_lock_and_reopen(started, reopen):
    workspace, _, view = started
    key = _key(view, "Lærke")
    text = "Lærke siger: »Jeg vil selv tage insulinen.«\nHun er glad for håndbold – og for Åse.\n\n  slut "
    workspace.conversations.save_notes(view.id, "formaal", "Familien vil have ro om morgenen.", 5)
    workspace.conversations.save_notes(view.id, key, text, 17)
    workspace.lock()

    again = reopen().conversations.open(view.id)

    assert again.section(key).notes == text  # exactly, also the whitespace
    assert again.section("formaal").notes == "Familien vil have ro om morgenen."
    assert (again.cursor_section, again.cursor_position) == (key, 17)


def test_moving_the_cursor_is_remembered(started, reopen):
    workspace, _, view = started
    workspace.conversations.move_cursor(view.id, "trivsel", 3)
    workspace.lock()

    again = reopen().conversations.open(view.id)

    assert (again.cursor_section, again.cursor_position) == ("trivsel", 3)


@pytest.mark.parametrize("key", ["ukendt", "formaal:ekstra", MEMBER, f"{MEMBER}:ukendt-id", "other_case"])
def test_notes_for_an_unknown_section_are_refused(started, key):
    workspace, _, view = started
    if key == "other_case":
        other = _new_case(workspace, "Nørgaard")
        key = f"{MEMBER}:{other.members[1].id}"

    with pytest.raises(ValidationError) as caught:
        workspace.conversations.save_notes(view.id, key, "tekst", 5)

    assert caught.value.field == "section_key"
    after = workspace.conversations.view(view.id)
    assert after == view  # nothing saved, the cursor did not move
    assert audit_entries(workspace, "conversation.edit") == []


def test_typing_leaves_one_change_log_row_and_one_audit_entry_per_section(started, reopen):
    workspace, _, view = started
    key = _key(view, "Mette")
    text = "Mette har svært ved at sove, når Lærke har haft et lavt blodsukker."
    for n in range(1, len(text) + 1):
        workspace.conversations.save_notes(view.id, key, text[:n], n)
    for n in range(1, 11):
        workspace.conversations.save_notes(view.id, "trivsel", "Godt" + "!" * n, 4 + n)

    row_id = _section_row_id(workspace, view.id, key)
    [row] = log_entries(workspace, unsynced=True, record_id=row_id)
    assert row.entity == "conversation_sections"
    assert row.payload["notes"] == text  # the newest state, folded into the one unsynced row
    assert row.revision == len(text)
    [conversation_row] = log_entries(workspace, unsynced=True, record_id=view.id)
    assert conversation_row.payload["cursor_section"] == "trivsel"
    edits = audit_entries(workspace, "conversation.edit", view.id)
    assert sorted(e.detail["section"] for e in edits) == sorted([key, "trivsel"])

    # Once the row has been synced, the next edit starts a new one; a new session is audited anew.
    with workspace.store.unit_of_work() as session:
        session.execute(update(ChangeLogEntry).where(ChangeLogEntry.record_id == row_id)
                        .values(synced_at=func.current_timestamp()))
    workspace.lock()
    again = reopen()
    for n in range(3):
        again.conversations.save_notes(view.id, key, text + " Hun" + "." * n, len(text) + 4 + n)

    [new_row] = log_entries(again, unsynced=True, record_id=row_id)
    assert (new_row.operation, new_row.payload["notes"]) == ("update", text + " Hun..")
    assert [e.detail["section"] for e in audit_entries(again, "conversation.edit", view.id)].count(key) == 2


def test_saving_the_same_text_again_changes_nothing(started):
    workspace, _, view = started
    workspace.conversations.save_notes(view.id, "formaal", "Ro", 2)
    row_id = _section_row_id(workspace, view.id, "formaal")
    [before] = log_entries(workspace, unsynced=True, record_id=row_id)

    workspace.conversations.save_notes(view.id, "formaal", "Ro", 2)

    [after] = log_entries(workspace, unsynced=True, record_id=row_id)
    assert (after.seq, after.revision) == (before.seq, before.revision) == (before.seq, 1)


def test_an_edit_whose_save_failed_is_audited_by_the_next_save(started):
    workspace, _, view = started
    failures = []

    def fail_once(session):  # type: ignore[no-untyped-def]
        if not failures:
            failures.append(True)
            raise OSError(28, "No space left on device")

    event.listen(workspace.store._sessions, "before_commit", fail_once)
    with pytest.raises((OSError, StorageError)):
        workspace.conversations.save_notes(view.id, "trivsel", "Det", 3)
    assert workspace.conversations.view(view.id).section("trivsel").notes == ""

    workspace.conversations.save_notes(view.id, "trivsel", "Det går", 7)

    assert workspace.conversations.view(view.id).section("trivsel").notes == "Det går"
    assert [e.detail["section"] for e in audit_entries(workspace, "conversation.edit", view.id)] == ["trivsel"]


def test_what_matters_most_is_saved_and_audited_once(started, reopen):
    workspace, _, view = started
    for n in range(1, 6):
        workspace.conversations.save_what_matters(view.id, "At Lærke kan gå til håndbold"[: 5 * n])
    workspace.lock()

    again = reopen()

    assert again.conversations.open(view.id).what_matters_most == "At Lærke kan gå til håndbold"[:25]
    assert [e.detail["section"] for e in audit_entries(again, "conversation.edit")] == ["what_matters_most"]
