"""Dialogs that never lose what she typed: a draft is saved shortly after each change, and before the
app locks; the dialog can be rebuilt from its draft after unlock or after a crash.

A subclass sets ``kind``, builds its fields, calls ``watch(...)`` on them, and implements
``collect() -> dict`` (the raw field contents) and ``restore(dict)``. ``save()`` reads the fields
(``checked(build)`` shows a typing mistake at once) and hands the service call to the database lane with
``runner().db(lambda: ..., **self.saving())``: the dialog stays open with everything she typed while it
runs (the Save button waits); a ``ValidationError`` is shown inline next to its field, any other
``KnownError`` at the top and the draft is kept; success discards the draft and closes the dialog.
Drafts are written on the lane too, the newest text of one form replacing a write still waiting; a draft
the disk refuses (it is full) is held in memory until the disk takes it (``kept_drafts.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KnownError, ValidationError
from app.services.workspace import Workspace
from app.ui.common.i18n import error_text
from app.ui.common.kept_drafts import kept_drafts, save_draft
from app.ui.common.tasks import runner
from app.ui.common.widgets import ErrorLabel, mark_invalid, primary_button

log = logging.getLogger(__name__)
DRAFT_PAUSE_MS = 700


class DraftDialog(QDialog):
    kind = "form"

    def __init__(self, workspace: Workspace, draft_key: str, case_id: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.draft_key = draft_key
        self.case_id = case_id
        self.saved_result: Any = None
        self.save_button: QPushButton | None = None
        self._restoring = False
        self._dirty = False
        self._discard_armed = False
        self._sized = False  # given its first height (see showEvent)
        self._field_errors: dict[str, tuple[QWidget | None, ErrorLabel | None]] = {}
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_PAUSE_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self.setMinimumWidth(560)

        # The form scrolls inside the dialog and the buttons stay below it: on a small screen (1366×768
        # at 150 %) nothing is cut off, and wrapped explanations get the height they need (a dialog's own
        # layout does not give a wrapping label its height for the width, so the texts overlapped).
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.body = QWidget()
        self.body.setObjectName("dialogBody")
        self.outer = QVBoxLayout(self.body)
        self.outer.setContentsMargins(22, 18, 22, 10)
        self.outer.setSpacing(10)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.body)
        root.addWidget(self.scroll, 1)
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(22, 8, 22, 18)
        root.addLayout(self.buttons)
        self.error = ErrorLabel()
        self.outer.addWidget(self.error)

    # ---- building

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """At first show: as tall as the form needs at its width, within the screen."""
        if not self._sized:
            self._sized = True
            width = max(self.width(), self.minimumWidth())
            inner = width - self.scroll.verticalScrollBar().sizeHint().width()
            layout = self.body.layout()
            wanted = layout.heightForWidth(inner) if layout.hasHeightForWidth() else -1
            if wanted < 0:
                wanted = self.body.sizeHint().height()
            screen = self.screen().availableGeometry() if self.screen() is not None else None
            room = int(screen.height() * 0.9) if screen is not None else wanted + 80
            self.resize(width, min(wanted + self.buttons.sizeHint().height() + 4, room))
        super().showEvent(event)

    def add_buttons(self, save_text: str) -> QPushButton:
        row = self.buttons
        row.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        row.addWidget(cancel)
        button = primary_button(save_text)
        button.clicked.connect(self.save)
        row.addWidget(button)
        self.save_button = button
        return button

    def field(self, name: str, widget: QWidget | None, error: ErrorLabel | None = None) -> None:
        """Register where the errors of service field ``name`` are shown."""
        self._field_errors[name] = (widget, error)

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.changed)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self.changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.changed)
            elif isinstance(widget, (QCheckBox, QAbstractButton)):
                widget.toggled.connect(self.changed)

    # ---- drafts

    def collect(self) -> dict:
        raise NotImplementedError

    def restore(self, payload: dict) -> None:
        raise NotImplementedError

    def restore_draft(self, payload: dict) -> None:
        self._restoring = True
        try:
            self.restore(payload)
        finally:
            self._restoring = False
        self._dirty = True

    def changed(self, *_: object) -> None:
        if self._restoring:
            return
        if self._discard_armed:
            self._discard_armed = False
            self.error.clear_message()
        self._dirty = True
        self._draft_timer.start()

    def save_draft(self) -> None:
        """Write the draft (after a pause in typing and before the app locks) on the database lane."""
        self._draft_timer.stop()
        if not self._dirty:
            return
        workspace, key, kind, case_id, payload = self.workspace, self.draft_key, self.kind, self.case_id, self.collect()
        # Held in memory until the disk has it: a full disk never loses what she typed, even once closed.
        save_draft(workspace, key, kind, payload, case_id, owner=self, failed=self._draft_refused)

    def _draft_refused(self, exc: KnownError) -> None:
        # The text stays on screen; tell her quietly that the safety copy failed.
        log.warning("draft not saved: %s", type(exc).__name__)
        self.error.show_message(error_text(exc))

    def discard_draft(self) -> None:
        self._draft_timer.stop()
        self._dirty = False
        workspace, key = self.workspace, self.draft_key
        kept_drafts().forget(key)
        # Same key as the draft's writes: a write still waiting is dropped, not done and then undone.
        runner().db(lambda: workspace.drafts.discard(key), failed=self._discard_refused, key=f"draft:{key}")

    @staticmethod
    def _discard_refused(exc: KnownError) -> None:
        log.warning("draft not discarded: %s", type(exc).__name__)

    # ---- saving

    def save(self) -> None:
        raise NotImplementedError

    def clear_errors(self) -> None:
        self.error.clear_message()
        for widget, label in self._field_errors.values():
            if widget is not None:
                mark_invalid(widget, False)
            if label is not None:
                label.clear_message()

    def show_field_error(self, field: str, text: str) -> None:
        target = self._field_errors.get(field)
        if target is None:
            # A nested field (members.2.cpr): fall back to its prefix, then to the top.
            prefix = field.split(".")[0]
            target = self._field_errors.get(prefix)
        if target is None:
            self.error.show_message(text)
            return
        widget, label = target
        if widget is not None:
            mark_invalid(widget, True)
            widget.setFocus()
        (label or self.error).show_message(text)

    def checked(self, build: Callable[[], Any]) -> Any:
        """What ``build`` reads from the fields, or None after showing why it cannot be saved (a date
        that is not a date); clears the errors of the previous try."""
        self.clear_errors()
        try:
            return build()
        except KnownError as exc:
            self.save_refused(exc)
            return None

    def saving(self) -> dict[str, Any]:
        """The runner's callbacks for a save now handed to the lane; Save waits until it is done."""
        self.clear_errors()
        if self.save_button is not None:
            self.save_button.setEnabled(False)
        self._hold_fields(True)
        return {"owner": self, "done": self.saved, "failed": self.save_refused}

    def _hold_fields(self, hold: bool) -> None:
        """While a save waits the fields show what is being saved and take no new input: text typed
        then would otherwise be shown, and lost when the dialog closes with what was saved. Saves
        take milliseconds; the fields are never greyed out, so nothing flickers."""
        if hold:
            widgets = self.findChildren(QWidget)
            self._held = [w for w in widgets if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit))
                          and not w.isReadOnly()]
            for widget in self._held:
                widget.setReadOnly(True)
            self._held_buttons = [w for w in widgets if isinstance(w, (QAbstractButton, QComboBox))
                                  and w.isEnabled() and w is not self.save_button
                                  and (isinstance(w, (QCheckBox, QComboBox)) or w.isCheckable())]
            for widget in self._held_buttons:
                widget.setEnabled(False)
            return
        for widget in getattr(self, "_held", []):
            widget.setReadOnly(False)
        for widget in getattr(self, "_held_buttons", []):
            widget.setEnabled(True)
        self._held, self._held_buttons = [], []

    def saved(self, result: Any) -> None:
        """The service took it: discard the draft and close."""
        if self.save_button is not None:
            self.save_button.setEnabled(True)
        self._hold_fields(False)
        self.saved_result = result
        self.discard_draft()
        self.accept()

    def save_refused(self, exc: KnownError) -> None:
        """The dialog stays open with everything in it; the reason is shown where it belongs."""
        if self.save_button is not None:
            self.save_button.setEnabled(True)
        self._hold_fields(False)
        if isinstance(exc, ValidationError):
            self.show_field_error(exc.field, error_text(exc))
            return
        self.error.show_message(error_text(exc))
        self.save_draft()

    def run_save(self, action: Callable[[], Any]) -> bool:
        """Save by ``action`` here, on the screen's thread: only for checks that need no database
        (a member checked inside the new-case form); service calls go through ``saving()``."""
        self.clear_errors()
        try:
            result = action()
        except KnownError as exc:
            self.save_refused(exc)
            return False
        self.saved(result)
        return True

    def reject(self) -> None:
        # No modal question here: a message box opens its own event loop, and the idle lock could
        # fire inside it. The first Cancel (or Esc) asks inline; the second one discards.
        if self._dirty and self.isVisible() and not self._discard_armed:
            self._discard_armed = True
            self.error.show_message(self.tr(
                "Press Cancel again to discard what you have written. Until then it is kept."))
            return
        self.discard_draft()
        super().reject()

    def close_for_lock(self) -> None:
        """Save the draft and close without asking (the app is locking)."""
        self.save_draft()
        self._dirty = False
        super().reject()
