"""The map as an accessible list: every person and tie, editable by keyboard over the same data."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.network import dto as n
from app.ui.common.i18n import translate
from app.ui.common.widgets import ErrorLabel
from app.ui.network.editor import MapEditor
from app.ui.network.forms import horizon_text, quality_text, sector_text

AnyIndex = QModelIndex | QPersistentModelIndex
NAME, RELATION, SECTOR, HORIZON, ROLE, ORGANISATION, QUALITY, INVITE = range(8)


class PeopleModel(QAbstractTableModel):
    """One row a person. Editing a cell changes the person through the editor (with undo)."""

    def __init__(self, editor: MapEditor, parent: Any = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._people: list[n.MapPersonView] = []
        self._headers = [self.tr("Name"), self.tr("Relation"), self.tr("Sector"), self.tr("Closeness"),
                         self.tr("Role"), self.tr("Organisation"), self.tr("The relationship"), self.tr("Invite")]
        editor.changed.connect(self.refresh)
        editor.moved.connect(self._person_moved)
        self.refresh()

    def refresh(self) -> None:
        people = sorted(self.editor.data.people, key=lambda p: (n.SECTORS.index(p.sector), p.horizon, p.name))
        if [p.id for p in people] == [p.id for p in self._people]:
            self._people = people
            if people:
                self.dataChanged.emit(self.index(0, 0), self.index(len(people) - 1, INVITE))
            return
        self.beginResetModel()
        self._people = people
        self.endResetModel()

    def _person_moved(self, person_id: str) -> None:
        """A move within the same sector and ring changes one row in place; otherwise the order may change."""
        row = self.row_of(person_id)
        person = self.editor.data.person(person_id)
        if row < 0 or person is None:
            self.refresh()
            return
        old = self._people[row]
        if (old.sector, old.horizon) != (person.sector, person.horizon):
            self.refresh()
            return
        self._people[row] = person
        self.dataChanged.emit(self.index(row, 0), self.index(row, INVITE))

    def person_at(self, row: int) -> n.MapPersonView:
        return self._people[row]

    def row_of(self, person_id: str) -> int:
        return next((i for i, p in enumerate(self._people) if p.id == person_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == INVITE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._people):
            return None
        person = self._people[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == INVITE:
            return Qt.CheckState.Checked if person.invite else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return _display(person, column)  # the tooltip: the whole text where a narrow column cuts it
        if role == Qt.ItemDataRole.EditRole:
            return {
                NAME: person.name, RELATION: person.relation, SECTOR: person.sector, HORIZON: person.horizon,
                ROLE: person.role, ORGANISATION: person.organisation, QUALITY: person.quality,
            }.get(column)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        person = self._people[index.row()]
        column = index.column()
        if column == INVITE and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
            return self.editor.edit_person(person.id, person.as_input(invite=checked))
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column in (SECTOR, HORIZON):
            sector = value if column == SECTOR else person.sector
            horizon = int(value) if column == HORIZON else person.horizon
            if (sector, horizon) != (person.sector, person.horizon):
                self.editor.move_person(person.id, *n.centre_of(sector, horizon))
            return True
        field = {NAME: "name", RELATION: "relation", ROLE: "role", ORGANISATION: "organisation", QUALITY: "quality"}[column]
        if getattr(person, field) == value:
            return True
        return self.editor.edit_person(person.id, person.as_input(**{field: value}))


def _display(person: n.MapPersonView, column: int) -> str:
    """What a cell shows (and a screen reader says); only the asked column is worked out."""
    if column == SECTOR:
        return sector_text(person.sector)
    if column == HORIZON:
        return horizon_text(person.horizon)
    if column == QUALITY:
        return quality_text(person.quality)
    return {NAME: person.name, RELATION: person.relation, ROLE: person.role,
            ORGANISATION: person.organisation}.get(column, "")


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for the sector, closeness and relationship columns."""

    def __init__(self, choices: list[tuple[str, Any]], parent: Any = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: Any, index: AnyIndex) -> QWidget:  # noqa: N802
        box = QComboBox(parent)
        for text, value in self.choices:
            box.addItem(text, value)
        return box

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def sector_choices() -> list[tuple[str, Any]]:
    return [(sector_text(s), s) for s in n.SECTORS]


def horizon_choices() -> list[tuple[str, Any]]:
    return [(horizon_text(h), h) for h in n.HORIZONS]


def quality_choices() -> list[tuple[str, Any]]:
    return [(quality_text(q), q) for q in n.QUALITIES]


def tie_label(quality: str) -> str:
    return {"": translate("Network", "Know each other"), "strained": translate("Network", "Strained tie"),
            "conflict": translate("Network", "Tie in conflict")}.get(quality, quality)


class TiesPanel(QWidget):
    """The ties as a list, by keyboard: choose two people and the kind of tie and add it; Delete
    removes the chosen tie. Emits ``add_requested(a_id, b_id, quality)`` and ``remove_requested(tie_id)``."""

    add_requested = Signal(str, str, str)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Ties between people"))
        outer.addWidget(title)
        self.list = QListWidget()
        self.list.setTabKeyNavigation(False)
        self.list.setAccessibleName(self.tr("Ties between people"))
        self.list.installEventFilter(self)
        title.setBuddy(self.list)
        outer.addWidget(self.list, 1)
        grid = QGridLayout()
        self.first = QComboBox()
        self.first.setAccessibleName(self.tr("Tie from"))
        self.second = QComboBox()
        self.second.setAccessibleName(self.tr("Tie to"))
        self.quality = QComboBox()
        self.quality.setAccessibleName(self.tr("Kind of tie"))
        for code in n.TIE_QUALITIES:
            self.quality.addItem(tie_label(code), code)
        for combo in (self.first, self.second):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.add_button = QPushButton(self.tr("Add tie"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(self.tr("Remove tie"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self._remove)
        grid.addWidget(self.first, 0, 0)
        grid.addWidget(QLabel("–"), 0, 1)
        grid.addWidget(self.second, 0, 2)
        grid.addWidget(self.quality, 1, 0)
        grid.addWidget(self.add_button, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        outer.addLayout(grid)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        outer.addLayout(remove_row)
        self.error = ErrorLabel()
        outer.addWidget(self.error)

    def show_ties(self, data: n.MapData) -> None:
        names = {p.id: p.name for p in data.people}
        current = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else ""
        self.list.clear()
        for tie in sorted(data.ties, key=lambda t: (names.get(t.a_id, "").casefold(), names.get(t.b_id, "").casefold())):
            text = f"{names.get(tie.a_id, '')} – {names.get(tie.b_id, '')}"
            if tie.quality:
                text += f" ({tie_label(tie.quality).lower()})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, tie.id)
            self.list.addItem(item)
            if tie.id == current:
                self.list.setCurrentItem(item)
        people = sorted(data.people, key=lambda p: p.name.casefold())
        for combo in (self.first, self.second):
            chosen = combo.currentData()
            combo.clear()
            for person in people:
                combo.addItem(person.name, person.id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        if self.second.currentIndex() == self.first.currentIndex() and self.second.count() > 1:
            self.second.setCurrentIndex(1 if self.first.currentIndex() == 0 else 0)  # two different people
        enough = len(people) >= 2
        for widget in (self.first, self.second, self.quality, self.add_button):
            widget.setEnabled(enough)
        self.remove_button.setEnabled(self.list.count() > 0)

    def _add(self) -> None:
        self.error.clear_message()
        self.add_requested.emit(self.first.currentData() or "", self.second.currentData() or "",
                                self.quality.currentData() or "")

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.error.clear_message()
            self.remove_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self._remove()
                return True
        return super().eventFilter(watched, event)


class PeopleList(QWidget):
    """The *Liste* tab: the people in an editable table (Enter or typing edits a cell, the sector,
    closeness and relationship as choices) over the ties panel. Changes go through the editor."""

    def __init__(self, editor: MapEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PeopleModel(editor, self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows and F2 work inside
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("People on the map"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        # Wide enough for a long name without measuring every row (which would slow the opening of a big map).
        header.resizeSection(NAME, self.table.fontMetrics().horizontalAdvance("n" * 20))
        self.table.setItemDelegateForColumn(SECTOR, ChoiceDelegate(sector_choices(), self.table))
        self.table.setItemDelegateForColumn(HORIZON, ChoiceDelegate(horizon_choices(), self.table))
        self.table.setItemDelegateForColumn(QUALITY, ChoiceDelegate(quality_choices(), self.table))
        self.ties = TiesPanel()
        self.ties.add_requested.connect(lambda a, b, quality: editor.add_tie(a, b, quality))
        self.ties.remove_requested.connect(lambda tie_id: editor.remove_tie(tie_id))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.ties, 2)
