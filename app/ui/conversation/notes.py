"""Her notes on their way to the disk: typing never waits for a save.

Every change of a section's notes is queued on the database lane with the section as its key, so when
several saves wait only the newest text is written. The keeper remembers what she typed until the disk
has it: that text stays on screen (also after another part of the window is refreshed from the disk),
a refused save is tried again with the next change, and at close what is still not saved is written
once more or, if the disk still refuses, kept as an encrypted draft that the window puts back the next
time the conversation is opened. If the disk refuses even the draft (it is full), the draft is held in
memory (``app/ui/common/kept_drafts.py``) until the disk takes it, and reopening the conversation in the
meantime puts the notes back from there.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from app.core.errors import KnownError
from app.services.conversation import dto as cdto
from app.services.workspace import Workspace
from app.ui.common.i18n import error_text
from app.ui.common.kept_drafts import kept_drafts
from app.ui.common.tasks import runner

DRAFT_KIND = "conversation_notes"


def draft_key(conversation_id: str) -> str:
    """The draft that keeps a conversation's notes the disk refused."""
    return f"{DRAFT_KIND}:{conversation_id}"


class NotesKeeper(QObject):
    """The notes of one conversation between the screen and the disk (see the module docstring)."""

    saved = Signal(str, str)    # section key, the text now on disk
    refused = Signal(str)       # the problem, worded for her
    state_changed = Signal()    # something is now saved, waiting or refused
    restored = Signal(str, str, int)  # section key, text, cursor from a draft

    def __init__(self, workspace: Workspace, conversation_id: str, case_id: str, parent: QObject) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.conversation_id = conversation_id
        self.case_id = case_id
        self._typed: dict[str, tuple[str, int]] = {}  # newest text and cursor not yet known to be on disk
        self._refused: set[str] = set()
        self._on_disk: dict[str, str] = {}
        self._draft_kept = False

    # ---- what the screen asks

    def write(self, key: str, text: str, cursor: int) -> None:
        """Queue ``text`` as the notes of section ``key``; also retry the sections the disk refused."""
        self._typed[key] = (text, cursor)
        self._queue(key, text, cursor)
        for other in sorted(self._refused - {key}):
            self._queue(other, *self._typed[other])
        self.state_changed.emit()

    @property
    def waiting(self) -> bool:
        """Some text is on its way to the disk."""
        return bool(set(self._typed) - self._refused)

    @property
    def unsaved(self) -> bool:
        """The disk refused the newest text of some section."""
        return bool(self._refused)

    def on_disk(self, key: str) -> str | None:
        """The newest text of section ``key`` known to be committed (None: nothing saved this time)."""
        return self._on_disk.get(key)

    def over(self, view: cdto.ConversationView) -> cdto.ConversationView:
        """``view`` (read from the disk) with what she typed that is not on disk yet."""
        if not self._typed:
            return view
        return replace(view, sections=tuple(
            replace(s, notes=self._typed[s.key][0]) if s.key in self._typed else s for s in view.sections))

    # ---- the lane's answers

    def _queue(self, key: str, text: str, cursor: int) -> None:
        cid = self.conversation_id
        runner().db(lambda: self.workspace.conversations.save_notes(cid, key, text, cursor),
                    owner=self, key=f"notes:{cid}:{key}",
                    done=lambda _none: self._saved(key, text), failed=lambda exc: self._refused_by_disk(key, text, exc))

    def _saved(self, key: str, text: str) -> None:
        self._on_disk[key] = text
        if key in self._typed and self._typed[key][0] == text:
            del self._typed[key]
            self._refused.discard(key)
        if self._draft_kept and not self._typed:
            self._draft_kept = False
            key_of_draft = draft_key(self.conversation_id)
            kept_drafts().forget(key_of_draft)
            runner().db(lambda: self.workspace.drafts.discard(key_of_draft), owner=self)
        self.saved.emit(key, text)
        self.state_changed.emit()

    def _refused_by_disk(self, key: str, text: str, exc: KnownError) -> None:
        if key not in self._typed or self._typed[key][0] != text:
            return  # newer text is on its way; its own answer tells
        self._refused.add(key)
        self.refused.emit(error_text(exc))
        self.state_changed.emit()

    # ---- a draft for what the disk refused

    def restore_draft(self) -> None:
        """Put back notes kept as a draft when the window last closed, and save them again."""
        key_of_draft = draft_key(self.conversation_id)
        runner().db(lambda: self.workspace.drafts.get(key_of_draft), owner=self, done=self._draft_found)

    def _draft_found(self, draft) -> None:  # type: ignore[no-untyped-def]
        if draft is None:
            # Not on disk: perhaps still in memory, because the disk was full when the window closed.
            held = kept_drafts().get(draft_key(self.conversation_id))
            if held is None:
                return
            payload = held.payload
        else:
            payload = draft.payload
        self._draft_kept = True
        for key, kept in payload.get("sections", {}).items():
            if key in self._typed:
                continue  # she has already typed here again; her newest text wins
            text, cursor = str(kept.get("text", "")), int(kept.get("cursor", 0))
            self.restored.emit(key, text, cursor)
            self.write(key, text, cursor)
        if not self._typed:
            self._draft_kept = False
            key_of_draft = draft_key(self.conversation_id)
            kept_drafts().forget(key_of_draft)
            runner().db(lambda: self.workspace.drafts.discard(key_of_draft), owner=self)

    def flush(self) -> None:
        """At close (and so at lock): queue what is not on disk yet. It is first kept as a draft, then
        written, then the draft goes; if the disk refuses the notes, the draft stays for next time.
        All in one task on the lane, so the lock (which waits on the lane) comes after it."""
        if not self._typed:
            return
        workspace, cid, case_id = self.workspace, self.conversation_id, self.case_id
        typed = sorted(self._typed.items())
        key_of_draft = draft_key(cid)
        payload = {"conversation_id": cid,
                   "sections": {key: {"text": text, "cursor": cursor} for key, (text, cursor) in typed}}
        # Held in memory until the lane says it is on disk: a full disk never loses it at close.
        kept = kept_drafts()
        held = kept.hold(key_of_draft, DRAFT_KIND, payload, case_id)
        runner().db(lambda: (workspace.drafts.save(key_of_draft, DRAFT_KIND, payload, case_id),
                             [workspace.conversations.save_notes(cid, key, text, cursor)
                              for key, (text, cursor) in typed],
                             workspace.drafts.discard(key_of_draft)),
                    done=lambda _none: kept.written(key_of_draft, held),
                    failed=lambda _exc: kept.refused(key_of_draft))
