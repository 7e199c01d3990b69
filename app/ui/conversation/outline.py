"""The conversation's outline: every part of the guide (a line per family member), marked as
untouched, touched or accounted for, with progress; she jumps to a part by choosing it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.services.conversation import dto as cdto
from app.ui.common.i18n import fill, label

ASSESSMENT_KEY = "__assessment__"
MARKS = {"addressed": "✓", "not_present": "–", "not_relevant": "–"}


class ConversationOutline(QWidget):
    """Emits ``key_chosen`` when she picks a part; ``show_view`` and ``update_section`` keep it current."""

    key_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 4, 10)
        self.list = QListWidget()
        self.list.setTabKeyNavigation(False)
        self.list.setObjectName("outline")
        self.list.setAccessibleName(self.tr("Outline"))
        self.list.setMinimumWidth(250)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.progress = QLabel()
        self.progress.setObjectName("muted")
        layout.addWidget(self.list, 1)
        layout.addWidget(self.progress)
        self.keys: list[str] = []
        self._view: cdto.ConversationView | None = None
        self.list.currentRowChanged.connect(self._row_changed)

    def show_view(self, view: cdto.ConversationView, current_key: str) -> None:
        self._view = view
        self.keys = [s.key for s in view.sections] + [ASSESSMENT_KEY]
        self.list.blockSignals(True)
        if self.list.count() != len(self.keys):
            self.list.clear()
            for _ in self.keys:
                self.list.addItem(QListWidgetItem())
        for row, section in enumerate(view.sections):
            self.list.item(row).setText(self._text(section))
        self.list.item(len(view.sections)).setText("◆  " + self.tr("Professional assessment"))
        if current_key in self.keys:
            self.list.setCurrentRow(self.keys.index(current_key))
        self.list.blockSignals(False)
        self._show_progress(view)

    def update_section(self, view: cdto.ConversationView, key: str) -> None:
        """Only one part changed (she typed in it): its mark and the progress."""
        self._view = view
        row = self.keys.index(key)
        self.list.item(row).setText(self._text(view.sections[row]))
        self._show_progress(view)

    def set_current(self, key: str) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(self.keys.index(key))
        self.list.blockSignals(False)

    def current_text(self) -> str:
        item = self.list.currentItem()
        return item.text() if item else ""

    def _show_progress(self, view: cdto.ConversationView) -> None:
        done, total = view.progress
        self.progress.setText(fill(self.tr("{done} of {total} parts touched"), done=done, total=total))

    def _text(self, section: cdto.SectionView) -> str:
        mark = MARKS.get(section.status, "✓" if section.touched else "○")
        if section.kind == "member" and self._view is not None:
            name = next((m.first_name for m in self._view.members if m.id == section.member_id), "")
            return f"    {mark}  {name}"
        return f"{mark}  {label(section.title)}"

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.keys):
            self.key_chosen.emit(self.keys[row])
