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
    QCheckBox,
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

from app.services.network import dto as n
from app.services.workspace import Workspace
from app.ui.common.draft_dialog import DraftDialog
from app.ui.common.i18n import error_text, fill, format_date, translate
from app.ui.common.tasks import runner
from app.ui.common.widgets import ErrorLabel, form_row, primary_button, typed_date_or_raise
from app.ui.network.forms import partner_title


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


class EditableRows(QWidget):
    """A small table she fills in row by row (Add / Remove), e.g. the contact points. Emits ``changed``."""

    changed = Signal()

    def __init__(self, headers: list[str], accessible_name: str, add_text: str, remove_text: str,
                 widths: tuple[int, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(headers))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside
        self.table.setAccessibleName(accessible_name)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(110)
        for column, width in enumerate(widths):  # the last column takes the rest
            self.table.setColumnWidth(column, width)
        self.table.itemChanged.connect(self.changed)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(add_text)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(remove_text)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_row)
        self.new_row: Callable[[], tuple[str, ...]] = tuple  # what a new row starts with
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def add_row(self, values: tuple[str, ...] | list[str] = ()) -> None:
        values = values or self.new_row()
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(self.table.columnCount()):
            self.table.setItem(row, column, QTableWidgetItem(values[column] if column < len(values) else ""))
        self.table.setCurrentCell(row, 0)
        self.changed.emit()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def rows(self) -> list[list[str]]:
        """The rows with anything in them, as text."""
        rows = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c).text() if self.table.item(row, c) else ""
                     for c in range(self.table.columnCount())]
            if any(cell.strip() for cell in cells):
                rows.append(cells)
        return rows

    def set_rows(self, rows: list) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for values in rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, value in enumerate(list(values)[:self.table.columnCount()]):
                self.table.setItem(row, column, QTableWidgetItem(str(value)))
        self.table.blockSignals(False)


class PartnerDialog(DraftDialog):
    """Add a partner, or change one."""

    kind = "partner"

    def __init__(self, workspace: Workspace, partner: n.PartnerView | None = None, parent: QWidget | None = None) -> None:
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
        self.point_rows = EditableRows([self.tr("Name"), self.tr("Phone"), self.tr("E-mail")], self.tr("Contact points"),
                                       self.tr("Add contact point"), self.tr("Remove contact point"), (250, 150))
        self.points = self.point_rows.table
        self.point_rows.changed.connect(self.changed)
        self.outer.addWidget(self.point_rows)
        self.points_error = ErrorLabel()
        self.outer.addWidget(self.points_error)
        self.field("contact_points", self.points, self.points_error)
        # FR-18: when the partner was told about the effort, so the coordinator sees who is due a visit.
        self.outer.addWidget(QLabel(self.tr("Informed about the effort (visits, staff meetings, letters)")))
        self.information_rows = EditableRows([self.tr("Date"), self.tr("How"), self.tr("Note")],
                                             self.tr("Informed about the effort"), self.tr("Add a time informed"),
                                             self.tr("Remove"), (110, 260))
        self.information = self.information_rows.table
        self.information_rows.new_row = lambda: (format_date(self.workspace.today()), "", "")
        self.information_rows.changed.connect(self.changed)
        self.outer.addWidget(self.information_rows)
        self.information_error = ErrorLabel()
        self.outer.addWidget(self.information_error)
        self.field("information", self.information, self.information_error)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
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
                          "points": [[p.name, p.phone, p.email] for p in partner.contact_points],
                          "information": [[format_date(v.informed_on), v.how, v.note] for v in partner.information]})
        self.watch(self.kind_box, self.name, self.unit, self.phone, self.email, self.address, self.note)
        self.name.setFocus()

    def add_point(self, values: tuple[str, ...] | list[str] = ()) -> None:
        self.point_rows.add_row(values)

    def add_information(self, values: tuple[str, ...] | list[str] = ()) -> None:
        self.information_rows.add_row(values)

    def collect(self) -> dict:
        return {"partner_id": self.partner_id, "kind": self.kind_box.currentData(), "name": self.name.text(),
                "unit": self.unit.text(), "phone": self.phone.text(), "email": self.email.text(),
                "address": self.address.text(), "note": self.note.toPlainText(), "points": self.point_rows.rows(),
                "information": self.information_rows.rows()}

    def restore(self, payload: dict) -> None:
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(payload.get("kind", "other"))))
        self.name.setText(payload.get("name", ""))
        self.unit.setText(payload.get("unit", ""))
        self.phone.setText(payload.get("phone", ""))
        self.email.setText(payload.get("email", ""))
        self.address.setText(payload.get("address", ""))
        self.note.setPlainText(payload.get("note", ""))
        self.point_rows.set_rows(payload.get("points", []))
        self.information_rows.set_rows(payload.get("information", []))

    def partner(self) -> n.PartnerView:
        """The partner as typed; a date that is not a date is refused here, naming its row."""
        visits = []
        for index, (day, how, note) in enumerate(self.information_rows.rows()):
            informed_on = typed_date_or_raise(day, f"information.{index}.informed_on", required=True)
            visits.append(n.InformationVisit(informed_on, how, note))
        return n.PartnerView(
            id=self.partner_id, kind=self.kind_box.currentData(), name=self.name.text(), unit=self.unit.text(),
            phone=self.phone.text(), email=self.email.text(), address=self.address.text(),
            contact_points=tuple(n.ContactPoint(*cells) for cells in self.point_rows.rows()),
            note=self.note.toPlainText(), information=tuple(visits),
        )

    def show_field_error(self, field: str, text: str) -> None:
        if field.startswith("contact_points."):
            row = int(field.split(".")[1])
            self.points.setCurrentCell(row, {"name": 0, "phone": 1, "email": 2}.get(field.split(".")[-1], 0))
        elif field.startswith("information."):
            self.information.setCurrentCell(int(field.split(".")[1]), 0)
        super().show_field_error(field, text)

    def save(self) -> None:
        """Save the partner on the lane; the dialog keeps everything in it until it is saved."""
        partner = self.checked(self.partner)
        if partner is not None:
            runner().db(lambda: self.workspace.partners.save(partner), **self.saving())


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
        self.months = max(1, workspace.policy.inform_partners_months)
        self.due_only = QCheckBox(fill(self.tr("Only those not informed about the effort in the last {months} months"),
                                       months=self.months))
        self.due_only.toggled.connect(self.refresh)
        outer.addWidget(self.due_only)
        self.list = QListWidget()
        self.list.setTabKeyNavigation(False)
        self.list.setAccessibleName(self.tr("Partners"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        self.partners: dict[str, n.PartnerView] = {}
        self.refresh()
        self.search.setFocus()

    def refresh(self) -> None:
        """Find the partners (on the lane; while she types, only the newest search is run)."""
        since = n.months_before(self.workspace.today(), self.months) if self.due_only.isChecked() else None
        query = self.search.text()
        runner().db(lambda: self.workspace.partners.find(query, not_informed_since=since), owner=self,
                    done=self._show_partners, failed=lambda exc: self.error.show_message(error_text(exc)),
                    key=f"partner-search:{id(self)}")

    def _show_partners(self, partners: tuple[n.PartnerView, ...]) -> None:
        self.error.clear_message()
        self.partners = {p.id: p for p in partners}
        self.list.clear()
        for partner in partners:
            informed = (fill(self.tr("last informed {date}"), date=format_date(partner.last_informed))
                        if partner.last_informed else self.tr("not informed yet"))
            details = " · ".join(x for x in (kind_text(partner.kind), partner.phone, partner.email, informed) if x)
            item = QListWidgetItem(f"{partner_title(partner)}\n{details}")
            item.setData(Qt.ItemDataRole.UserRole, partner.id)
            self.list.addItem(item)
        if partners:
            self.list.setCurrentRow(0)
        self.empty.setVisible(not partners and not self.search.text().strip() and not self.due_only.isChecked())
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
