"""The side panel of the map: the person form (new or chosen person) with inline errors."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.network import dto as n
from app.ui.common.i18n import translate
from app.ui.common.widgets import ErrorLabel, banner, form_row, primary_button


def sector_text(code: str) -> str:
    return {
        n.SECTOR_FAMILY: translate("Network", "Family and relatives"),
        n.SECTOR_FRIENDS: translate("Network", "Friends and neighbours"),
        n.SECTOR_SCHOOL_WORK: translate("Network", "School, day care, work and leisure"),
        n.SECTOR_PROFESSIONAL: translate("Network", "Professionals"),
    }.get(code, code)


def horizon_text(horizon: int) -> str:
    return {1: translate("Network", "Close"), 2: translate("Network", "Middle"),
            3: translate("Network", "Far")}.get(horizon, str(horizon))


def quality_text(code: str) -> str:
    return {
        "supportive": translate("Network", "Supportive"),
        "ambivalent": translate("Network", "Ambivalent"),
        "strained": translate("Network", "Strained"),
        "conflict": translate("Network", "Conflict"),
    }.get(code, code)


def support_text(code: str) -> str:
    return {
        "practical": translate("Network", "Practical help"),
        "emotional": translate("Network", "Emotional support"),
        "informational": translate("Network", "Knowledge and advice"),
        "respite": translate("Network", "Respite"),
    }.get(code, code)


def partner_title(partner: n.PartnerView) -> str:
    return " – ".join(x for x in (partner.name, partner.unit) if x)


class PersonForm(QWidget):
    """Add or change one person. Emits ``submitted(person_id or "", PersonInput)``."""

    FIELDS = ("name", "phone", "email", "position")  # the service fields this form shows errors for
    submitted = Signal(str, object)
    removed = Signal(str)
    cancelled = Signal()
    edited = Signal()  # she changed a field (not when a person is loaded into the form)
    reset = Signal()   # another person (or an empty form) was loaded: what was typed is let go

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person_id = ""
        self.partners: dict[str, n.PartnerView] = {}
        self.angle, self.distance = n.centre_of(n.SECTOR_FAMILY, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 10)
        self.title = banner(self.tr("New person"), "cardTitle")
        outer.addWidget(self.title)
        self.error = ErrorLabel()
        outer.addWidget(self.error)
        body = QWidget()
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 14, 0)
        # The family's own members (from the case), offered so she does not type them in again.
        self.from_family = QComboBox()
        self.from_family.setAccessibleName(self.tr("From the family"))
        self.from_family.currentIndexChanged.connect(self._family_member_chosen)
        self.from_family_row = QLabel(self.tr("From the family"))
        form.addRow(self.from_family_row, self.from_family)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.name_error = form_row(form, self.tr("Name"), self.name)
        self.relation = QLineEdit()
        self.relation.setPlaceholderText(self.tr("e.g. grandmother, neighbour, class teacher"))
        form.addRow(self.tr("Relation"), self.relation)
        self.sector = QComboBox()
        self.sector.setAccessibleName(self.tr("Sector"))
        for code in n.SECTORS:
            self.sector.addItem(sector_text(code), code)
        self.horizon = QComboBox()
        self.horizon.setAccessibleName(self.tr("Closeness"))
        for horizon in n.HORIZONS:
            self.horizon.addItem(horizon_text(horizon), horizon)
        self.place_error = form_row(form, self.tr("Sector"), self.sector)
        form.addRow(self.tr("Closeness"), self.horizon)
        self.role = QLineEdit()
        form.addRow(self.tr("Role"), self.role)
        self.partner = QComboBox()
        self.partner.setAccessibleName(self.tr("From the partner directory"))
        self.partner.addItem(self.tr("(not from the directory)"), "")
        self.partner.activated.connect(self._partner_chosen)
        form.addRow(self.tr("Partner"), self.partner)
        self.contact_point = QComboBox()
        self.contact_point.setAccessibleName(self.tr("Contact point"))
        self.contact_point.activated.connect(self._contact_point_chosen)
        form.addRow(self.tr("Contact point"), self.contact_point)
        self.organisation = QLineEdit()
        form.addRow(self.tr("Organisation"), self.organisation)
        self.phone = QLineEdit()
        self.phone.setAccessibleName(self.tr("Phone"))
        self.phone_error = form_row(form, self.tr("Phone"), self.phone)
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("E-mail"))
        self.email_error = form_row(form, self.tr("E-mail"), self.email)
        self.address = QLineEdit()
        form.addRow(self.tr("Address"), self.address)
        support = QGridLayout()
        self.support: dict[str, QCheckBox] = {}
        for index, code in enumerate(n.SUPPORT_TYPES):
            box = QCheckBox(support_text(code))
            self.support[code] = box
            support.addWidget(box, index // 2, index % 2)
        form.addRow(QLabel(self.tr("Gives")))  # a heading over the whole width: two columns of boxes fit
        form.addRow(support)
        quality = QGridLayout()
        self.quality = QButtonGroup(self)
        for index, code in enumerate(n.QUALITIES):
            button = QRadioButton(quality_text(code))
            button.setProperty("code", code)
            self.quality.addButton(button)
            quality.addWidget(button, index // 2, index % 2)
        form.addRow(QLabel(self.tr("The relationship")))
        form.addRow(quality)
        self.wants_involved = QCheckBox(self.tr("The family wants them involved"))
        self.invite = QCheckBox(self.tr("Invite to network meetings"))
        self.consent = QCheckBox(self.tr("Consent to share information with them"))
        for box in (self.wants_involved, self.invite, self.consent):
            form.addRow(box)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(60)
        self.note.setTabChangesFocus(True)
        form.addRow(self.tr("Note"), self.note)
        for combo in (self.sector, self.horizon, self.partner, self.contact_point):
            # A long partner name must not widen the panel past the window: the list shows it in full.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(lambda: self.removed.emit(self.person_id))
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.cancelled)
        buttons.addWidget(cancel)
        self.save_button = primary_button(self.tr("Save"))
        self.save_button.clicked.connect(self._submit)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        hint = QLabel(self.tr("Click on the map where the person belongs, or choose the place here."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        outer.addWidget(hint)
        for field in (self.name, self.relation, self.role, self.organisation, self.phone, self.email, self.address):
            field.returnPressed.connect(self._submit)
            field.textEdited.connect(self._edited)
        self.note.textChanged.connect(self._edited)
        for box in (*self.support.values(), self.wants_involved, self.invite, self.consent):
            box.toggled.connect(self._edited)
        self.quality.buttonToggled.connect(self._edited)
        self.partner.activated.connect(self._edited)
        self.sector.currentIndexChanged.connect(self._edited)
        self.horizon.currentIndexChanged.connect(self._edited)
        self.dirty = False
        self.sector.currentIndexChanged.connect(self._place_from_lists)
        self.horizon.currentIndexChanged.connect(self._place_from_lists)
        self._loading = False
        self.new_person(*n.centre_of(n.SECTOR_FAMILY, 2))

    def set_family(self, members: list[tuple[str, str]]) -> None:
        """The family's members not yet on the map, as (name, relation in words); the choice is shown
        only while she adds someone and there is someone left to offer."""
        self.from_family.blockSignals(True)
        self.from_family.clear()
        self.from_family.addItem(self.tr("(someone else)"), None)
        for name, relation in members:
            self.from_family.addItem(f"{name} ({relation})" if relation else name, (name, relation))
        self.from_family.blockSignals(False)
        self._show_family_choice()

    def _show_family_choice(self) -> None:
        shown = not self.person_id and self.from_family.count() > 1
        self.from_family.setVisible(shown)
        self.from_family_row.setVisible(shown)

    def _family_member_chosen(self) -> None:
        chosen = self.from_family.currentData()
        if not chosen:
            return
        name, relation = chosen
        self.name.setText(name)
        self.relation.setText(relation)
        self.sector.setCurrentIndex(self.sector.findData(n.SECTOR_FAMILY))
        self.horizon.setCurrentIndex(self.horizon.findData(1))  # the family's own: the closest ring
        self._place_from_lists()
        self.name.setFocus()

    def set_partners(self, partners: tuple[n.PartnerView, ...]) -> None:
        current = self.partner.currentData()
        self.partners = {p.id: p for p in partners}
        self.partner.blockSignals(True)
        self.partner.clear()
        self.partner.addItem(self.tr("(not from the directory)"), "")
        for partner in partners:
            self.partner.addItem(partner_title(partner), partner.id)
        self.partner.setCurrentIndex(max(0, self.partner.findData(current)))
        self.partner.blockSignals(False)
        self._show_contact_points()

    def _show_contact_points(self) -> None:
        partner = self.partners.get(self.partner.currentData() or "")
        points = partner.contact_points if partner else ()
        self.contact_point.clear()
        for point in points:
            self.contact_point.addItem(" · ".join(x for x in (point.name, point.phone, point.email) if x), point)
        self.contact_point.setEnabled(bool(points))
        if not points:
            self.contact_point.addItem(self.tr("(none)"))

    def _partner_chosen(self) -> None:
        """A professional from the directory: the organisation and its functional contact details."""
        partner = self.partners.get(self.partner.currentData() or "")
        self._show_contact_points()
        if partner is None:
            return
        self.organisation.setText(partner_title(partner))
        self.phone.setText(partner.phone)
        self.email.setText(partner.email)
        self.address.setText(partner.address)
        if not self.name.text().strip():
            self.name.setText(partner.unit or partner.name)
        self.sector.setCurrentIndex(self.sector.findData(n.SECTOR_PROFESSIONAL))
        if partner.contact_points:
            self._contact_point_chosen()

    def _contact_point_chosen(self) -> None:
        point = self.contact_point.currentData()
        if isinstance(point, n.ContactPoint):
            self.phone.setText(point.phone or self.phone.text())
            self.email.setText(point.email or self.email.text())

    def new_person(self, angle: float, distance: float) -> None:
        self._loading = True
        self.person_id = ""
        self.title.setText(self.tr("New person"))
        for field in (self.name, self.relation, self.role, self.organisation, self.phone, self.email, self.address):
            field.clear()
        self.note.clear()
        for box in (*self.support.values(), self.wants_involved, self.invite, self.consent):
            box.setChecked(False)
        self.partner.setCurrentIndex(0)
        self._show_contact_points()
        self.quality.buttons()[0].setChecked(True)
        self._set_place(angle, distance)
        self.remove_button.hide()
        self.from_family.setCurrentIndex(0)
        self._show_family_choice()
        self.clear_errors()
        self._loading = False
        self.dirty = False
        self.reset.emit()
        self.name.setFocus()

    def show_person(self, person: n.MapPersonView) -> None:
        self._loading = True
        self.person_id = person.id
        self.title.setText(person.name)
        self._fill(person)
        self.remove_button.show()
        self._show_family_choice()
        self.clear_errors()
        self._loading = False
        self.dirty = False
        self.reset.emit()

    def _fill(self, person: n.MapPersonView | n.PersonInput) -> None:
        """Every field from a stored person or from a draft (the two have the same fields)."""
        self.name.setText(person.name)
        self.relation.setText(person.relation)
        self.role.setText(person.role)
        self.organisation.setText(person.organisation)
        self.phone.setText(person.phone)
        self.email.setText(person.email)
        self.address.setText(person.address)
        self.note.setPlainText(person.note)
        for code, box in self.support.items():
            box.setChecked(code in person.support)
        for button in self.quality.buttons():
            button.setChecked(button.property("code") == person.quality)
        self.wants_involved.setChecked(person.wants_involved)
        self.invite.setChecked(person.invite)
        self.consent.setChecked(person.consent_to_share)
        self.partner.setCurrentIndex(max(0, self.partner.findData(person.partner_id)))
        self._show_contact_points()
        self._set_place(person.angle, person.distance)

    def show_place(self, angle: float, distance: float) -> None:
        """The shown person was moved on the map: the form follows (so saving it keeps the new place)."""
        self._set_place(angle, distance)

    def _set_place(self, angle: float, distance: float) -> None:
        self.angle, self.distance = angle, distance
        blocked = self._loading
        self._loading = True
        self.sector.setCurrentIndex(self.sector.findData(n.sector_of(angle)))
        self.horizon.setCurrentIndex(self.horizon.findData(n.horizon_of(distance)))
        self._loading = blocked

    def _place_from_lists(self) -> None:
        if self._loading:
            return
        sector, horizon = self.sector.currentData(), self.horizon.currentData()
        if (n.sector_of(self.angle), n.horizon_of(self.distance)) != (sector, horizon):
            self.angle, self.distance = n.centre_of(sector, horizon)

    def person_input(self) -> n.PersonInput:
        checked = self.quality.checkedButton()
        return n.PersonInput(
            name=self.name.text(), angle=self.angle, distance=self.distance, relation=self.relation.text(),
            role=self.role.text(), organisation=self.organisation.text(), partner_id=self.partner.currentData() or "",
            phone=self.phone.text(), email=self.email.text(), address=self.address.text(),
            support=tuple(code for code, box in self.support.items() if box.isChecked()),
            quality=checked.property("code") if checked else "supportive",
            wants_involved=self.wants_involved.isChecked(), invite=self.invite.isChecked(),
            consent_to_share=self.consent.isChecked(), note=self.note.toPlainText(),
        )

    def _edited(self, *_: object) -> None:
        if not self._loading:
            self.dirty = True
            self.edited.emit()

    def draft(self) -> dict:
        """What is in the form, to keep as an (encrypted) draft while the app is locked."""
        person = self.person_input()
        return {"person_id": self.person_id, "person": {**person.__dict__, "support": list(person.support)}}

    def restore_draft(self, payload: dict, person: n.MapPersonView | None) -> None:
        """Put a draft back: over the person it was about (if still on the map), or as a new person."""
        values = dict(payload.get("person", {}))
        known = set(n.PersonInput.__dataclass_fields__)
        values = {k: v for k, v in values.items() if k in known}
        values["support"] = tuple(values.get("support", ()))
        try:
            draft = n.PersonInput(**values)
        except TypeError:
            return
        if person is not None:
            self.show_person(person)
        else:
            self.new_person(draft.angle, draft.distance)
        self._loading = True
        self._fill(draft)
        self._loading = False
        self.dirty = True

    def _submit(self) -> None:
        self.clear_errors()
        self.submitted.emit(self.person_id, self.person_input())

    def clear_errors(self) -> None:
        for label in (self.error, self.name_error, self.phone_error, self.email_error, self.place_error):
            label.clear_message()

    def show_error(self, field: str, text: str) -> None:
        {"name": self.name_error, "phone": self.phone_error, "email": self.email_error,
         "position": self.place_error}.get(field, self.error).show_message(text)
        widget = {"name": self.name, "phone": self.phone, "email": self.email}.get(field)
        if widget is not None:
            widget.setFocus()
