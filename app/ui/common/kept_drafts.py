"""Drafts the disk has not taken yet, kept in memory until it does.

On a full disk a draft (a form's fields, a conversation's unsaved notes) cannot be written. What she
typed must still never be lost when she closes the window: the draft is held here from the moment it is
handed to the lane until the lane says it is on disk, and a refused one is written again every
``RETRY_MS`` and when the records are next opened (after a lock, before the windows read their drafts).
It lives as long as the app runs, like the text on her screen did.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, QTimer

from app.core.errors import KnownError
from app.services.workspace import Workspace
from app.ui.common.tasks import runner

log = logging.getLogger(__name__)
RETRY_MS = 20_000


@dataclass
class HeldDraft:
    kind: str
    payload: dict
    case_id: str


class KeptDrafts(QObject):
    """The drafts not yet known to be on disk (see the module docstring); one for the app."""

    def __init__(self) -> None:
        super().__init__()
        self.workspace: Workspace | None = None
        self._held: dict[str, HeldDraft] = {}
        self._retry = QTimer(self, interval=RETRY_MS)
        self._retry.timeout.connect(self.retry)

    def attach(self, workspace: Workspace | None) -> None:
        """The records are open (or closed, with None); write what is still held."""
        self.workspace = workspace
        if workspace is not None:
            self.retry()

    def hold(self, key: str, kind: str, payload: dict, case_id: str = "") -> HeldDraft:
        """Keep ``payload`` as draft ``key`` until ``written(key, held)`` says it is on disk."""
        held = HeldDraft(kind, payload, case_id)
        self._held[key] = held
        return held

    def written(self, key: str, held: HeldDraft) -> None:
        """The draft ``held`` (or a newer one) is on disk: let it go unless something newer is held."""
        if self._held.get(key) is held:
            del self._held[key]
        if not self._held:
            self._retry.stop()

    def refused(self, key: str) -> None:
        """The disk refused draft ``key``: try again in a while."""
        log.warning("draft kept in memory: the disk refused it")
        if key in self._held and not self._retry.isActive():
            self._retry.start()

    def forget(self, key: str) -> None:
        """She discarded it (or it was saved as the record itself)."""
        self._held.pop(key, None)
        if not self._held:
            self._retry.stop()

    def get(self, key: str) -> HeldDraft | None:
        return self._held.get(key)

    @property
    def keys(self) -> list[str]:
        return sorted(self._held)

    def retry(self) -> None:
        """Queue every held draft for the disk again."""
        workspace = self.workspace
        if workspace is None:
            return
        for key, held in list(self._held.items()):
            runner().db(lambda key=key, held=held: workspace.drafts.save(key, held.kind, held.payload, held.case_id),
                        owner=self, key=f"draft:{key}",
                        done=lambda _none, key=key, held=held: self.written(key, held),
                        failed=lambda _exc, key=key: self.refused(key))


_kept: KeptDrafts | None = None


def kept_drafts() -> KeptDrafts:
    """The app's one holder of drafts the disk has not taken yet."""
    global _kept
    if _kept is None:
        _kept = KeptDrafts()
    return _kept


def save_draft(workspace: Workspace, key: str, kind: str, payload: dict, case_id: str = "",
               owner: QObject | None = None, failed=None) -> None:  # type: ignore[no-untyped-def]
    """Write a draft on the lane, held in memory until the disk has it (a full disk loses nothing)."""
    kept = kept_drafts()
    held = kept.hold(key, kind, payload, case_id)

    def refused(exc: KnownError) -> None:
        kept.refused(key)
        if failed is not None and (owner is None or shiboken6.isValid(owner)):
            failed(exc)

    # No owner for the runner: the answer must reach the holder even when the window is gone.
    runner().db(lambda: workspace.drafts.save(key, kind, payload, case_id), key=f"draft:{key}",
                done=lambda _none: kept.written(key, held), failed=refused)
