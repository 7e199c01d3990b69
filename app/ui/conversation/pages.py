"""The pages of the conversation screen: a guide section (prompts, notes, quick capture), offers,
next steps, assessment. Each page shows a ``ConversationView`` and asks the window to save."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services.conversation import dto as cdto
from app.ui.common.i18n import fill, label
from app.ui.common.widgets import ErrorLabel, banner, clear_layout, primary_button


def heading(text: str, object_name: str = "convTitle") -> QLabel:
    """A conversation page's heading (``convTitle`` unless another style is named)."""
    return banner(text, object_name)


class SectionPage(QWidget):
    """One guide section: the open questions, the member's status, her notes and quick capture."""

    notes_changed = Signal(str, str, int)           # section key, text, cursor position
    status_chosen = Signal(str, str, str)           # section key, status, reason
    item_added = Signal(str, str, str, list, list)  # kind, text, section key, member ids, areas
    network_map_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section: cdto.SectionView | None = None
        self._members: tuple[cdto.MemberLine, ...] = ()
        self._loading = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 18, 28, 18)
        outer.setSpacing(12)
        self.title = heading("")
        outer.addWidget(self.title)
        self.intro = QLabel()
        self.intro.setObjectName("muted")
        self.intro.setWordWrap(True)
        outer.addWidget(self.intro)
        self.prompts_box = QVBoxLayout()
        self.prompts_box.setSpacing(10)
        outer.addLayout(self.prompts_box)
        self.network_button = QPushButton(self.tr("Draw the network map together with the family"))
        self.network_button.setAutoDefault(False)
        self.network_button.clicked.connect(self.network_map_requested)
        network_row = QHBoxLayout()
        network_row.addWidget(self.network_button)
        network_row.addStretch(1)
        outer.addLayout(network_row)

        # Member status: addressed / not present / not relevant (with a reason).
        self.status_frame = QFrame()
        status_layout = QVBoxLayout(self.status_frame)
        status_layout.setContentsMargins(0, 4, 0, 4)
        row = QHBoxLayout()
        self.status_group = QButtonGroup(self)
        self.addressed = QRadioButton(self.tr("We talked about them"))
        self.not_present = QRadioButton(self.tr("Not present"))
        self.not_relevant = QRadioButton(self.tr("Not relevant"))
        for code, button in (("addressed", self.addressed), ("not_present", self.not_present),
                             ("not_relevant", self.not_relevant)):
            button.setProperty("status", code)
            self.status_group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        status_layout.addLayout(row)
        reason_row = QHBoxLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why (e.g. at school today, we talk with him next time)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason_button = QPushButton(self.tr("Save reason"))
        self.reason_button.clicked.connect(self._save_reason)
        self.reason.returnPressed.connect(self._save_reason)
        reason_row.addWidget(self.reason, 1)
        reason_row.addWidget(self.reason_button)
        status_layout.addLayout(reason_row)
        self.status_error = ErrorLabel()
        status_layout.addWidget(self.status_error)
        self.status_group.buttonClicked.connect(self._status_clicked)
        outer.addWidget(self.status_frame)

        notes_label = QLabel(self.tr("Notes"))
        notes_label.setObjectName("cardTitle")
        outer.addWidget(notes_label)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab goes on; her notes never get a tab character
        self.notes.setObjectName("convNotes")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr("Write as you listen; it is saved as you type."))
        self.notes.setMinimumHeight(140)
        self.notes.textChanged.connect(self._notes_edited)
        outer.addWidget(self.notes, 1)

        # Quick capture of a resource or a need, in the family's words.
        self.capture_frame = QFrame()
        self.capture_frame.setObjectName("card")
        capture = QVBoxLayout(self.capture_frame)
        capture.setContentsMargins(12, 10, 12, 10)
        kind_row = QHBoxLayout()
        self.kind_group = QButtonGroup(self)
        self.as_resource = QRadioButton(self.tr("Resource (goes well)"))
        self.as_need = QRadioButton(self.tr("Need (wants help with)"))
        self.as_resource.setChecked(True)
        for code, button in (("resource", self.as_resource), ("need", self.as_need)):
            button.setProperty("kind", code)
            self.kind_group.addButton(button)
            kind_row.addWidget(button)
        kind_row.addStretch(1)
        capture.addLayout(kind_row)
        text_row = QHBoxLayout()
        self.item_text = QLineEdit()
        self.item_text.setAccessibleName(self.tr("In the family's words"))
        self.item_text.setPlaceholderText(self.tr("In the family's own words … (Enter adds it)"))
        self.item_text.returnPressed.connect(self._add_item)
        self.add_item_button = primary_button(self.tr("Add"))
        self.add_item_button.setDefault(False)
        self.add_item_button.clicked.connect(self._add_item)
        text_row.addWidget(self.item_text, 1)
        text_row.addWidget(self.add_item_button)
        capture.addLayout(text_row)
        self.member_tags = QHBoxLayout()
        capture.addLayout(self.member_tags)
        self.area_tags = QGridLayout()
        self.area_tags.setHorizontalSpacing(14)
        capture.addLayout(self.area_tags)
        self.item_error = ErrorLabel()
        capture.addWidget(self.item_error)
        outer.addWidget(self.capture_frame)
        self._member_boxes: list[QCheckBox] = []
        self._area_boxes: list[QCheckBox] = []

    # ---- showing

    def show_section(self, section: cdto.SectionView, members: tuple[cdto.MemberLine, ...], vocabulary,
                     cursor: int = -1) -> None:  # type: ignore[no-untyped-def]
        same = self.section is not None and self.section.key == section.key
        self.section = section
        self._loading = True
        self.title.setText(label(section.title))
        self.intro.setText(label(section.intro))
        self.intro.setVisible(bool(label(section.intro)))
        if not same:
            clear_layout(self.prompts_box)
            for prompt in section.prompts:
                self.prompts_box.addWidget(PromptCard(prompt))
            if self.notes.toPlainText() != section.notes:
                self.notes.setPlainText(section.notes)
            if cursor >= 0:
                text_cursor = self.notes.textCursor()
                text_cursor.setPosition(min(cursor, len(section.notes)))
                self.notes.setTextCursor(text_cursor)
            self._build_tags(section, members, vocabulary)
            self.item_text.clear()
            self.item_error.clear_message()
        self.network_button.setVisible(section.kind == "network")
        is_member = section.kind == "member"
        self.status_frame.setVisible(is_member)
        if is_member:
            for button in self.status_group.buttons():
                button.setChecked(button.property("status") == section.status)
            if not section.status:
                self.status_group.setExclusive(False)
                for button in self.status_group.buttons():
                    button.setChecked(False)
                self.status_group.setExclusive(True)
            self.reason.setText(section.status_reason)
            needs_reason = section.status in ("not_present", "not_relevant")
            self.reason.setEnabled(needs_reason or not section.status)
            self.reason_button.setEnabled(needs_reason)
            self.status_error.clear_message()
        self.notes.setVisible("notes" in section.capture)
        self.capture_frame.setVisible("resources" in section.capture or "needs" in section.capture)
        self.as_resource.setEnabled("resources" in section.capture)
        self.as_need.setEnabled("needs" in section.capture)
        if "resources" not in section.capture:
            self.as_need.setChecked(True)
        self._loading = False

    def _build_tags(self, section: cdto.SectionView, members: tuple[cdto.MemberLine, ...], vocabulary) -> None:  # type: ignore[no-untyped-def]
        clear_layout(self.member_tags)
        clear_layout(self.area_tags)
        self._member_boxes, self._area_boxes = [], []
        self.member_tags.addWidget(QLabel(self.tr("About:")))
        for member in members:
            box = QCheckBox(member.first_name)
            box.setProperty("member_id", member.id)
            box.setChecked(member.id == section.member_id)
            self._member_boxes.append(box)
            self.member_tags.addWidget(box)
        self.member_tags.addStretch(1)
        self.area_tags.addWidget(QLabel(self.tr("Area:")), 0, 0)
        for index, term in enumerate(vocabulary.problem_areas):
            box = QCheckBox(label(term.label))
            box.setProperty("area", term.code)
            box.setToolTip(label(term.description))
            box.setChecked(term.code == section.problem_area)
            self._area_boxes.append(box)
            self.area_tags.addWidget(box, index // 2, 1 + index % 2)
        self.area_tags.setColumnStretch(3, 1)

    # ---- sending

    def _notes_edited(self) -> None:
        if not self._loading and self.section is not None:
            self.notes_changed.emit(self.section.key, self.notes.toPlainText(), self.notes.textCursor().position())

    def show_notes(self, text: str, cursor: int) -> None:
        """Put notes back into the box (kept as a draft when the disk refused them), without re-sending them."""
        self._loading = True
        self.notes.setPlainText(text)
        text_cursor = self.notes.textCursor()
        text_cursor.setPosition(min(max(cursor, 0), len(text)))
        self.notes.setTextCursor(text_cursor)
        self._loading = False

    def cursor_position(self) -> int:
        return self.notes.textCursor().position()

    def _status_clicked(self, button) -> None:  # type: ignore[no-untyped-def]
        if self.section is None:
            return
        status = button.property("status")
        if status == "addressed":
            self.status_chosen.emit(self.section.key, status, "")
        else:
            self.reason.setEnabled(True)
            self.reason_button.setEnabled(True)
            if self.reason.text().strip():
                self.status_chosen.emit(self.section.key, status, self.reason.text())
            else:
                self.status_error.show_message(self.tr("Write why, then press Enter."))
                self.reason.setFocus()

    def _save_reason(self) -> None:
        checked = self.status_group.checkedButton()
        if self.section is not None and checked is not None and checked.property("status") != "addressed":
            self.status_chosen.emit(self.section.key, checked.property("status"), self.reason.text())

    def _add_item(self) -> None:
        if self.section is None:
            return
        text = self.item_text.text().strip()
        if not text:
            self.item_error.show_message(self.tr("Write what the family said first."))
            return
        kind = self.kind_group.checkedButton().property("kind")
        members = [b.property("member_id") for b in self._member_boxes if b.isChecked()]
        areas = [b.property("area") for b in self._area_boxes if b.isChecked()]
        self.item_added.emit(kind, text, self.section.key, members, areas)

    def item_saved(self) -> None:
        self.item_text.clear()
        self.item_error.clear_message()
        self.item_text.setFocus()


class PromptCard(QFrame):
    """An open question in large type; its follow-up questions fold out."""

    def __init__(self, prompt: cdto.PromptView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        text = QLabel(label(prompt.text))
        text.setObjectName("promptText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        self.follow_ups = QLabel("\n".join(f"– {label(f)}" for f in prompt.follow_ups))
        self.follow_ups.setObjectName("followUps")
        self.follow_ups.setWordWrap(True)
        self.follow_ups.hide()
        if prompt.follow_ups:
            toggle = QPushButton(self.tr("Follow-up questions"))
            toggle.setObjectName("linkButton")
            toggle.setCheckable(True)
            toggle.setAutoDefault(False)
            toggle.toggled.connect(self.follow_ups.setVisible)
            row = QHBoxLayout()
            row.addWidget(toggle)
            row.addStretch(1)
            layout.addLayout(row)
            layout.addWidget(self.follow_ups)


class ItemList(QWidget):
    """The captured resources or needs, shown beside the page; each can be removed."""

    remove_requested = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(title, "cardTitle"))
        self.rows = QVBoxLayout()
        self.rows.setSpacing(4)
        layout.addLayout(self.rows)
        self.empty = QLabel(self.tr("Nothing yet."))
        self.empty.setObjectName("muted")
        layout.addWidget(self.empty)
        self._shown: tuple[str, ...] = ()

    def show_items(self, items: tuple[cdto.ItemView, ...], members: tuple[cdto.MemberLine, ...]) -> None:
        key = tuple(f"{i.id}|{i.text}|{i.member_ids}" for i in items)
        if key == self._shown:
            return
        self._shown = key
        clear_layout(self.rows)
        names = {m.id: m.first_name for m in members}
        for item in items:
            row = QHBoxLayout()
            who = ", ".join(names.get(m, "") for m in item.member_ids)
            text = QLabel(f"{item.text}" + (f"  ({who})" if who else ""))
            text.setWordWrap(True)
            remove = QPushButton("×")
            remove.setObjectName("linkButton")
            remove.setToolTip(self.tr("Remove"))
            remove.setAccessibleName(fill(self.tr("Remove {text}"), text=item.text))
            remove.setFixedWidth(28)
            remove.setAutoDefault(False)
            remove.clicked.connect(lambda _=False, item_id=item.id: self.remove_requested.emit(item_id))
            row.addWidget(text, 1)
            row.addWidget(remove)
            self.rows.addLayout(row)
        self.empty.setVisible(not items)

    def count(self) -> int:
        return len(self._shown)


class AssessmentPage(QWidget):
    """Her professional assessment: coping level, vulnerability indicators, a proposed level."""

    save_requested = Signal(str, list, int, str)  # coping level, indicators, level (0: none), reason

    def __init__(self, vocabulary, levels, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 18, 28, 18)
        outer.setSpacing(10)
        outer.addWidget(heading(self.tr("Professional assessment")))
        note = QLabel(self.tr("For your own judgement; it is not part of the family's summary."))
        note.setObjectName("muted")
        outer.addWidget(note)
        outer.addWidget(heading(self.tr("Coping level"), "cardTitle"))
        self.coping = QComboBox()
        self.coping.addItem(self.tr("Not assessed"), "")
        for term in vocabulary.coping_levels:
            self.coping.addItem(label(term.label), term.code)
            self.coping.setItemData(self.coping.count() - 1, label(term.description), Qt.ItemDataRole.ToolTipRole)
        outer.addWidget(self.coping)
        outer.addWidget(heading(self.tr("Vulnerability indicators that apply"), "cardTitle"))
        self.indicators: list[QCheckBox] = []
        grid = QVBoxLayout()
        for term in vocabulary.vulnerability_indicators:
            box = QCheckBox(label(term.label))
            box.setProperty("code", term.code)
            self.indicators.append(box)
            grid.addWidget(box)
        outer.addLayout(grid)
        outer.addWidget(heading(self.tr("Proposed service level"), "cardTitle"))
        self.level = QComboBox()
        self.level.addItem(self.tr("No proposal"), None)
        for level in levels:
            self.level.addItem(label(level.label), level.level)
        outer.addWidget(self.level)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why this level"))
        self.reason.setAccessibleName(self.tr("Reason for the level"))
        outer.addWidget(self.reason)
        self.error = ErrorLabel()
        outer.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = primary_button(self.tr("Save assessment"))
        self.save_button.clicked.connect(self._save)
        row.addWidget(self.save_button)
        outer.addLayout(row)
        self.saved = QLabel()
        self.saved.setObjectName("muted")
        outer.addWidget(self.saved)
        outer.addStretch(1)

    def show_view(self, view: cdto.ConversationView) -> None:
        self.coping.setCurrentIndex(max(0, self.coping.findData(view.coping_level)))
        for box in self.indicators:
            box.setChecked(box.property("code") in view.vulnerability)
        index = self.level.findData(view.proposed_level) if view.proposed_level is not None else 0
        self.level.setCurrentIndex(max(0, index))
        self.reason.setText(view.proposed_level_reason)

    def _save(self) -> None:
        self.save_requested.emit(self.coping.currentData() or "",
                                 [b.property("code") for b in self.indicators if b.isChecked()],
                                 self.level.currentData() or 0, self.reason.text())

    def show_saved(self) -> None:
        self.error.clear_message()
        self.saved.setText(self.tr("Saved."))

