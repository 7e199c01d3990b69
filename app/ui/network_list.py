"""The map as an accessible list: every person and tie, editable by keyboard over the same data."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from app.services import network_dto as n
from app.ui.network_editor import MapEditor, input_of
from app.ui.network_forms import horizon_text, quality_text, sector_text

AnyIndex = QModelIndex | QPersistentModelIndex
NAME, RELATION, SECTOR, HORIZON, ROLE, ORGANISATION, QUALITY, INVITE = range(8)


class PeopleModel(QAbstractTableModel):
    """One row a person. Editing a cell changes the person through the editor (with undo)."""

    def __init__(self, editor: MapEditor, parent: Any = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._people: list[n.NetworkPerson] = []
        self._headers = [self.tr("Name"), self.tr("Relation"), self.tr("Sector"), self.tr("Closeness"),
                         self.tr("Role"), self.tr("Organisation"), self.tr("The relationship"), self.tr("Invite")]
        editor.changed.connect(self.refresh)
        editor.moved.connect(self.refresh)
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

    def person_at(self, row: int) -> n.NetworkPerson:
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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return {
                NAME: person.name, RELATION: person.relation, SECTOR: sector_text(person.sector),
                HORIZON: horizon_text(person.horizon), ROLE: person.role, ORGANISATION: person.organisation,
                QUALITY: quality_text(person.quality), INVITE: "",
            }[column]
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
            return self.editor.edit_person(person.id, n.PersonInput(**{**input_of(person).__dict__, "invite": checked}))
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
        return self.editor.edit_person(person.id, n.PersonInput(**{**input_of(person).__dict__, field: value}))


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
