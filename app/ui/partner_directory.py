"""The partner directory (samarbejdspartnere): organisations entered once and used on every family's map.

``PartnerDirectory`` lists and finds them; ``PartnerDialog`` adds or changes one (a draft form, so a
lock never loses what was typed). A partner is an organisation with functional contact points
(a shared phone, a secretariat), never a private person.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.services import network_dto as n
from app.services.workspace import Workspace
from app.ui.draft_dialog import DraftDialog
from app.ui.i18n import error_text, translate
from app.ui.network_forms import partner_title
from app.ui.widgets import ErrorLabel, form_row, primary_button


def kind_text(code: str) -> str:
    return {
        "school": translate("Partners", "School"),
        "daycare": translate("Partners", "Day care"),
        "gp_clinic": translate("Partners", "GP clinic"),
        "hospital_department": translate("Partners", "Hospital department"),
        "ppr": translate("Partners", "PPR (educational psychology)"),
        "municipality": translate("Partners", "Municipal department"),
        "patient_association": translate("Partners", "Patient association"),
        "voluntary": translate("Partners", "Voluntary organisation"),
        "other": translate("Partners", "Other"),
    }.get(code, code)


class PartnerDialog(DraftDialog):
    """Add a partner, or change one."""

    kind = "partner"
    POINT_COLUMNS = 3  # name, phone, e-mail

    def __init__(self, workspace: Workspace, partner: n.Partner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(workspace, f"partner:{partner.id if partner else 'new'}", "", parent)
        self.partner_id = partner.id if partner else ""
        self.setWindowTitle(self.tr("Change partner") if partner else self.tr("New partner"))
        form = QFormLayout()
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(self.tr("Kind"))
        for code in n.PARTNER_KINDS:
            self.kind_box.addItem(kind_text(code), code)
        self.field("kind", self.kind_box, form_row(form, self.tr("Kind"), self.kind_box))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("e.g. Lægehuset ved Torvet"))
        self.field("name", self.name, form_row(form, self.tr("Name"), self.name))
        self.unit = QLineEdit()
        self.unit.setAccessibleName(self.tr("Unit"))
        self.unit.setPlaceholderText(self.tr("e.g. Børneafdelingen, afsnit B2"))
        form.addRow(self.tr("Unit"), self.unit)
        self.phone = QLineEdit()
        self.phone.setAccessibleName(self.tr("Phone"))
        self.field("phone", self.phone, form_row(form, self.tr("Phone"), self.phone))
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("E-mail"))
        self.field("email", self.email, form_row(form, self.tr("E-mail"), self.email))
        self.address = QLineEdit()
        self.address.setAccessibleName(self.tr("Address"))
        form.addRow(self.tr("Address"), self.address)
        self.outer.addLayout(form)

        self.outer.addWidget(QLabel(self.tr("Contact points (a shared phone or a secretariat, not a private person)")))
        self.points = QTableWidget(0, self.POINT_COLUMNS)
        self.points.setAccessibleName(self.tr("Contact points"))
        self.points.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Phone"), self.tr("E-mail")])
        self.points.horizontalHeader().setStretchLastSection(True)
        self.points.verticalHeader().hide()
        self.points.setTabKeyNavigation(False)
        self.points.setMinimumHeight(120)
        self.points.itemChanged.connect(self.changed)
        self.outer.addWidget(self.points)
        self.points_error = ErrorLabel()
        self.outer.addWidget(self.points_error)
        self.field("contact_points", self.points, self.points_error)
        point_buttons = QHBoxLayout()
        add_point = QPushButton(self.tr("Add contact point"))
        add_point.setAutoDefault(False)
        add_point.clicked.connect(lambda: self.add_point())
        remove_point = QPushButton(self.tr("Remove contact point"))
        remove_point.setAutoDefault(False)
        remove_point.clicked.connect(self.remove_point)
        point_buttons.addWidget(add_point)
        point_buttons.addWidget(remove_point)
        point_buttons.addStretch(1)
        self.outer.addLayout(point_buttons)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setMaximumHeight(60)
        self.note.setTabChangesFocus(True)
        note_form = QFormLayout()
        note_form.addRow(self.tr("Note"), self.note)
        self.outer.addLayout(note_form)
        self.add_buttons(self.tr("Save partner"))
        if partner is not None:
            self.restore({"kind": partner.kind, "name": partner.name, "unit": partner.unit, "phone": partner.phone,
                          "email": partner.email, "address": partner.address, "note": partner.note,
                          "points": [[p.name, p.phone, p.email] for p in partner.contact_points]})
        self.watch(self.kind_box, self.name, self.unit, self.phone, self.email, self.address, self.note)
        self.name.setFocus()

    def add_point(self, values: tuple[str, str, str] | list[str] = ("", "", "")) -> None:
        row = self.points.rowCount()
        self.points.insertRow(row)
        for column, value in enumerate(values):
            self.points.setItem(row, column, QTableWidgetItem(value))
        self.points.setCurrentCell(row, 0)
        self.changed()

    def remove_point(self) -> None:
        row = self.points.currentRow()
        if row >= 0:
            self.points.removeRow(row)
            self.changed()

    def _point_rows(self) -> list[list[str]]:
        rows = []
        for row in range(self.points.rowCount()):
            cells = [self.points.item(row, c).text() if self.points.item(row, c) else "" for c in range(3)]
            if any(cell.strip() for cell in cells):
                rows.append(cells)
        return rows

    def collect(self) -> dict:
        return {"partner_id": self.partner_id, "kind": self.kind_box.currentData(), "name": self.name.text(),
                "unit": self.unit.text(), "phone": self.phone.text(), "email": self.email.text(),
                "address": self.address.text(), "note": self.note.toPlainText(), "points": self._point_rows()}

    def restore(self, payload: dict) -> None:
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(payload.get("kind", "other"))))
        self.name.setText(payload.get("name", ""))
        self.unit.setText(payload.get("unit", ""))
        self.phone.setText(payload.get("phone", ""))
        self.email.setText(payload.get("email", ""))
        self.address.setText(payload.get("address", ""))
        self.note.setPlainText(payload.get("note", ""))
        self.points.blockSignals(True)
        self.points.setRowCount(0)
        for values in payload.get("points", []):
            row = self.points.rowCount()
            self.points.insertRow(row)
            for column, value in enumerate(list(values)[:3]):
                self.points.setItem(row, column, QTableWidgetItem(str(value)))
        self.points.blockSignals(False)

    def partner(self) -> n.Partner:
        rows = self._point_rows()
        return n.Partner(
            id=self.partner_id, kind=self.kind_box.currentData(), name=self.name.text(), unit=self.unit.text(),
            phone=self.phone.text(), email=self.email.text(), address=self.address.text(),
            contact_points=tuple(n.ContactPoint(*cells) for cells in rows), note=self.note.toPlainText(),
        )

    def show_field_error(self, field: str, text: str) -> None:
        if field.startswith("contact_points."):
            row = int(field.split(".")[1])
            self.points.setCurrentCell(row, {"name": 0, "phone": 1, "email": 2}.get(field.split(".")[-1], 0))
        super().show_field_error(field, text)

    def save(self) -> None:
        self.run_save(lambda: self.workspace.network.save_partner(self.partner()))


class PartnerDirectory(QDialog):
    """Find, add and change the partners shared across families."""

    changed = Signal()

    def __init__(self, workspace: Workspace, open_form: Callable[[DraftDialog], DraftDialog],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.open_form = open_form
        self.setWindowTitle(self.tr("Partner directory"))
        self.resize(720, 560)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(22, 18, 22, 18)
        intro = QLabel(self.tr("Schools, GP clinics, hospital departments, PPR, patient associations: entered "
                               "once here and chosen on every family's network map."))
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        outer.addWidget(intro)
        self.error = ErrorLabel()
        outer.addWidget(self.error)
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Find a partner"))
        self.search.setPlaceholderText(self.tr("Find a partner (name or unit)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        outer.addWidget(self.search)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Partners"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemActivated.connect(lambda item: self.edit(item.data(Qt.ItemDataRole.UserRole)))
        outer.addWidget(self.list, 1)
        self.empty = QLabel(self.tr("No partners yet. Add the school, the GP clinic or the hospital department "
                                    "the families use."))
        self.empty.setWordWrap(True)
        self.empty.setObjectName("muted")
        outer.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.new_button = primary_button(self.tr("New partner"))
        self.new_button.setDefault(False)
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.edit_button = QPushButton(self.tr("Change"))
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(self._edit_current)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        outer.addLayout(buttons)
        self.partners: dict[str, n.Partner] = {}
        self.refresh()
        self.search.setFocus()

    def refresh(self) -> None:
        try:
            partners = self.workspace.network.partners(self.search.text())
        except KnownError as exc:
            self.error.show_message(error_text(exc))
            return
        self.partners = {p.id: p for p in partners}
        self.list.clear()
        for partner in partners:
            details = " · ".join(x for x in (kind_text(partner.kind), partner.phone, partner.email) if x)
            item = QListWidgetItem(f"{partner_title(partner)}\n{details}")
            item.setData(Qt.ItemDataRole.UserRole, partner.id)
            self.list.addItem(item)
        if partners:
            self.list.setCurrentRow(0)
        self.empty.setVisible(not partners and not self.search.text().strip())
        self.edit_button.setEnabled(bool(partners))

    def _edit_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.edit(item.data(Qt.ItemDataRole.UserRole))

    def edit(self, partner_id: str | None) -> PartnerDialog:
        dialog = PartnerDialog(self.workspace, self.partners.get(partner_id or ""), self)
        dialog.accepted.connect(self._saved)
        self.open_form(dialog)
        return dialog

    def _saved(self) -> None:
        self.refresh()
        self.changed.emit()
