"""What she types while the disk is full is never lost: it stays on screen, and when she closes the window it
is kept in memory and written as a draft as soon as the disk takes it (the conversation's notes and any
form built on ``DraftDialog``)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from app.core.errors import DiskFullError
from app.ui.common.draft_dialog import DraftDialog
from app.ui.common.kept_drafts import kept_drafts
from app.ui.conversation.notes import draft_key
from tests.helpers.tasks import settle
from tests.ui.conversation.test_conversation_ui import go, holm_family, section_key, start


def disk_full(*args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    raise DiskFullError()


@pytest.fixture
def kept(demo_workspace):
    """The app's holder of refused drafts, attached to the test's profile (as after unlock)."""
    holder = kept_drafts()
    holder.attach(demo_workspace)
    yield holder
    for key in holder.keys:
        holder.forget(key)
    holder.attach(None)


class NoteForm(DraftDialog):
    kind = "test_note"

    def __init__(self, workspace) -> None:  # type: ignore[no-untyped-def]
        super().__init__(workspace, "test_note:1")
        self.text = QLineEdit()
        self.outer.addWidget(self.text)
        self.watch(self.text)

    def collect(self) -> dict:
        return {"text": self.text.text()}

    def restore(self, payload: dict) -> None:
        self.text.setText(payload["text"])


def test_notes_closed_on_a_full_disk_are_kept_and_written_when_there_is_room(qtbot, main_window, demo_workspace,
                                                                            monkeypatch, kept):
    ws = demo_workspace
    window = start(qtbot, main_window, holm_family(ws))
    cid = window.view.id
    key = section_key(window, "member", "Freja")
    go(qtbot, window, key)
    monkeypatch.setattr(ws.conversations, "save_notes", disk_full)
    monkeypatch.setattr(ws.drafts, "save", disk_full)  # the whole disk: not even a draft fits
    qtbot.keyClicks(window.section_page.notes, "Freja hoster om natten")
    settle(qtbot)
    assert window.section_page.notes.toPlainText() == "Freja hoster om natten"  # still on screen

    qtbot.mouseClick(window.pause_button, Qt.MouseButton.LeftButton)  # she closes the window
    settle(qtbot)

    assert not main_window.actions.conversation_windows
    assert ws.drafts.get(draft_key(cid)) is None  # the disk took nothing ...
    assert kept.get(draft_key(cid)).payload["sections"][key]["text"] == "Freja hoster om natten"  # ... kept

    # Opened again while the disk is still full: her text comes back from memory.
    main_window.actions.open_conversation(cid)
    settle(qtbot)
    [window] = main_window.actions.conversation_windows
    settle(qtbot)
    assert window.section_page.notes.toPlainText() == "Freja hoster om natten"
    qtbot.mouseClick(window.pause_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    monkeypatch.undo()  # space again
    kept.retry()  # what the holder's timer (and the next unlock) does
    settle(qtbot)
    assert ws.drafts.get(draft_key(cid)).payload["sections"][key]["text"] == "Freja hoster om natten"
    assert kept.keys == []

    main_window.actions.open_conversation(cid)
    settle(qtbot)
    [window] = main_window.actions.conversation_windows
    settle(qtbot)
    assert ws.conversations.view(cid).section(key).notes == "Freja hoster om natten"


def test_a_form_closed_on_a_full_disk_is_kept_and_written_when_there_is_room(qtbot, demo_workspace, monkeypatch,
                                                                             kept):
    ws = demo_workspace
    form = NoteForm(ws)
    qtbot.addWidget(form)
    form.show()
    monkeypatch.setattr(ws.drafts, "save", disk_full)
    qtbot.keyClicks(form.text, "Ring til sundhedsplejen")
    form.save_draft()  # the pause after typing
    settle(qtbot)
    assert form.error.isVisible()  # told calmly; the text stays on screen
    assert form.text.text() == "Ring til sundhedsplejen"

    form.close_for_lock()  # the window closes (the app locks) while the disk is full
    settle(qtbot)
    assert ws.drafts.get("test_note:1") is None
    assert kept.get("test_note:1").payload == {"text": "Ring til sundhedsplejen"}

    monkeypatch.undo()
    kept.retry()
    settle(qtbot)
    assert ws.drafts.get("test_note:1").payload == {"text": "Ring til sundhedsplejen"}
    assert kept.keys == []


def test_a_discarded_form_is_not_written_later(qtbot, demo_workspace, monkeypatch, kept):
    ws = demo_workspace
    form = NoteForm(ws)
    qtbot.addWidget(form)
    form.show()
    monkeypatch.setattr(ws.drafts, "save", disk_full)
    qtbot.keyClicks(form.text, "kladde")
    form.save_draft()
    settle(qtbot)
    form.reject()
    form.reject()  # the second Cancel discards
    settle(qtbot)
    monkeypatch.undo()

    kept.retry()
    settle(qtbot)
    assert kept.keys == [] and ws.drafts.get("test_note:1") is None
