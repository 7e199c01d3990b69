"""The small forms of the course: consent, withdrawal, tovholder, service level, the household."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services.cases import dto
from app.services.workspace import Workspace
from app.ui.common.draft_dialog import DraftDialog
from app.ui.common.i18n import fill, label
from app.ui.common.labels import role_text
from app.ui.common.tasks import runner
from app.ui.common.widgets import DateField, ErrorLabel, form_row


def _text_box(height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab goes on to the next field instead of typing a tab
    box.setMaximumHeight(height)
    return box


class ConsentDialog(DraftDialog):
    """Samtykke: given by whom, when, in what form, and to what."""

    kind = "consent"

    def __init__(self, workspace: Workspace, overview: dto.CaseOverview, parent: QWidget | None = None) -> None:
        super().__init__(workspace, f"consent:{overview.id}", overview.id, parent)
        self.setWindowTitle(self.tr("Record consent"))
        catalogue = workspace.content.consent
        form = QFormLayout()
        self.givers: list[QCheckBox] = []
        giver_box = QVBoxLayout()
        for member in overview.members:
            if member.group == "parent" or (member.age_years or 0) >= 15:
                box = QCheckBox(member.full_name)
                box.setProperty("member_id", member.id)
                box.setChecked(member.has_custody)
                self.givers.append(box)
                giver_box.addWidget(box)
        self.other_giver = QLineEdit()
        self.other_giver.setPlaceholderText(self.tr("someone else (name)"))
        self.other_giver.setAccessibleName(self.tr("Given by someone else (name)"))
        giver_box.addWidget(self.other_giver)
        self.giver_error = ErrorLabel()
        giver_box.addWidget(self.giver_error)
        form.addRow(self.tr("Given by"), giver_box)
        self.given_on = DateField(value=workspace.today())
        self.given_on.setAccessibleName(self.tr("Date"))
        self.date_error = form_row(form, self.tr("Date"), self.given_on)
        forms_row = QHBoxLayout()
        self.forms = QButtonGroup(self)
        for index, choice in enumerate(catalogue.forms):
            button = QRadioButton(label(choice.label))
            button.setProperty("code", choice.code)
            self.forms.addButton(button, index)
            forms_row.addWidget(button)
        forms_row.addStretch(1)
        self.form_error = ErrorLabel()
        form.addRow(self.tr("Form"), forms_row)
        form.addRow("", self.form_error)
        self.outer.addLayout(form)
        scopes_title = QLabel(self.tr("The family agrees to"))
        scopes_title.setObjectName("cardTitle")
        self.outer.addWidget(scopes_title)
        scopes_box = QVBoxLayout()
        scopes_box.setContentsMargins(12, 0, 0, 0)
        self.scopes: dict[str, QCheckBox] = {}
        self.recipients: dict[str, QLineEdit] = {}
        for scope in catalogue.scopes:
            box = QCheckBox(label(scope.label))
            box.setToolTip(label(scope.description))
            box.setChecked(scope.code == "participation")
            self.scopes[scope.code] = box
            scopes_box.addWidget(box)
            explanation = QLabel(label(scope.description) + (
                " " + fill(self.tr("Lapses after {months} months."), months=scope.valid_months)
                if scope.valid_months else ""))
            explanation.setObjectName("muted")
            explanation.setWordWrap(True)
            explanation.setContentsMargins(28, 0, 0, 4)
            scopes_box.addWidget(explanation)
            if scope.needs_recipients:
                recipients = QLineEdit()
                recipients.setPlaceholderText(self.tr("Names of the people it may be shared with"))
                recipients.setAccessibleName(self.tr("Recipients"))
                recipients.setEnabled(False)
                box.toggled.connect(recipients.setEnabled)
                self.recipients[scope.code] = recipients
                scopes_box.addWidget(recipients)
        self.scope_error = ErrorLabel()
        scopes_box.addWidget(self.scope_error)
        self.outer.addLayout(scopes_box)
        note_form = QFormLayout()
        self.note = _text_box()
        note_form.addRow(self.tr("Note"), self.note)
        self.outer.addLayout(note_form)
        self.add_buttons(self.tr("Record consent"))
        self.setMinimumWidth(640)
        self.field("given_by", self.other_giver, self.giver_error)
        self.field("given_on", self.given_on, self.date_error)
        self.field("form", None, self.form_error)
        self.field("scopes", None, self.scope_error)
        self.watch(*self.givers, self.other_giver, self.given_on, *self.forms.buttons(),
                   *self.scopes.values(), *self.recipients.values(), self.note)

    def collect(self) -> dict:
        checked = self.forms.checkedButton()
        return {
            "givers": [b.property("member_id") for b in self.givers if b.isChecked()],
            "other_giver": self.other_giver.text(),
            "given_on": self.given_on.text(),
            "form": checked.property("code") if checked else "",
            "scopes": [code for code, box in self.scopes.items() if box.isChecked()],
            "recipients": {code: field.text() for code, field in self.recipients.items()},
            "note": self.note.toPlainText(),
        }

    def restore(self, payload: dict) -> None:
        for box in self.givers:
            box.setChecked(box.property("member_id") in payload.get("givers", []))
        self.other_giver.setText(payload.get("other_giver", ""))
        self.given_on.setText(payload.get("given_on", ""))
        for button in self.forms.buttons():
            button.setChecked(button.property("code") == payload.get("form"))
        for code, box in self.scopes.items():
            box.setChecked(code in payload.get("scopes", []))
        for code, field in self.recipients.items():
            field.setText(payload.get("recipients", {}).get(code, ""))
        self.note.setPlainText(payload.get("note", ""))

    def consent_input(self) -> dto.ConsentInput:
        names = [b.text() for b in self.givers if b.isChecked()]
        if self.other_giver.text().strip():
            names.append(self.other_giver.text().strip())
        checked = self.forms.checkedButton()
        return dto.ConsentInput(
            given_by=", ".join(names),
            given_on=self.given_on.date_or_raise("given_on", required=True),
            form=checked.property("code") if checked else "",
            scopes=tuple(
                dto.ScopeInput(code, self.recipients[code].text() if code in self.recipients else "")
                for code, box in self.scopes.items() if box.isChecked()
            ),
            given_by_member_ids=tuple(b.property("member_id") for b in self.givers if b.isChecked()),
            note=self.note.toPlainText(),
        )

    def save(self) -> None:
        consent = self.checked(self.consent_input)
        if consent is None:
            return
        workspace, case_id = self.workspace, self.case_id
        runner().db(lambda: workspace.course.record_consent(case_id, consent), **self.saving())

    def show_field_error(self, field: str, text: str) -> None:
        super().show_field_error("scopes" if field.startswith("scopes") else field, text)


class WithdrawConsentDialog(DraftDialog):
    kind = "withdraw_consent"

    def __init__(self, workspace: Workspace, case_id: str, grant: dto.ScopeGrantView, parent: QWidget | None = None) -> None:
        super().__init__(workspace, f"withdraw:{case_id}:{grant.id}", case_id, parent)
        self.grant_id = grant.id
        scope = workspace.content.consent.scope(grant.scope)
        self.setWindowTitle(self.tr("Withdraw consent"))
        intro = QLabel(fill(self.tr("The family withdraws its consent to: {scope}"),
                            scope=label(scope.label) if scope else grant.scope))
        intro.setWordWrap(True)
        self.outer.addWidget(intro)
        form = QFormLayout()
        self.withdrawn_on = DateField(value=workspace.today())
        self.date_error = form_row(form, self.tr("From"), self.withdrawn_on)
        self.reason = _text_box()
        form.addRow(self.tr("Reason (optional)"), self.reason)
        self.outer.addLayout(form)
        self.add_buttons(self.tr("Withdraw"))
        self.field("withdrawn_on", self.withdrawn_on, self.date_error)
        self.watch(self.withdrawn_on, self.reason)

    def collect(self) -> dict:
        return {"grant_id": self.grant_id, "withdrawn_on": self.withdrawn_on.text(), "reason": self.reason.toPlainText()}

    def restore(self, payload: dict) -> None:
        self.withdrawn_on.setText(payload.get("withdrawn_on", ""))
        self.reason.setPlainText(payload.get("reason", ""))

    def save(self) -> None:
        withdrawn_on = self.checked(lambda: self.withdrawn_on.date_or_raise("withdrawn_on", required=True))
        if withdrawn_on is None:
            return
        workspace, case_id, grant_id, reason = self.workspace, self.case_id, self.grant_id, self.reason.toPlainText()
        runner().db(lambda: workspace.course.withdraw_consent(case_id, grant_id, withdrawn_on, reason),
                    **self.saving())


class TovholderDialog(DraftDialog):
    """Who holds the course together from now on, why, and whether the family agreed."""

    kind = "tovholder"
    ROLES = ("sundhedsplejerske", "koordinator", "sagsbehandler", "andet")

    def __init__(self, workspace: Workspace, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(workspace, f"tovholder:{case_id}", case_id, parent)
        self.setWindowTitle(self.tr("Tovholder"))
        form = QFormLayout()
        self.me = QRadioButton(fill(self.tr("Me ({name})"), name=workspace.profile.name))
        self.other = QRadioButton(self.tr("Someone else"))
        self.me.setChecked(True)
        who = QHBoxLayout()
        who.addWidget(self.me)
        who.addWidget(self.other)
        who.addStretch(1)
        form.addRow(self.tr("Tovholder"), who)
        self.person_name = QLineEdit()
        self.person_name.setAccessibleName(self.tr("Name"))
        self.name_error = form_row(form, self.tr("Name"), self.person_name)
        self.person_role = QComboBox()
        for role in self.ROLES:
            self.person_role.addItem(role_text(role), role)
        form.addRow(self.tr("Role"), self.person_role)
        self.organisation = QLineEdit()
        form.addRow(self.tr("Organisation"), self.organisation)
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("phone or e-mail"))
        form.addRow(self.tr("Contact details"), self.contact)
        self.started_on = DateField(value=workspace.today())
        self.date_error = form_row(form, self.tr("From"), self.started_on)
        self.reason = _text_box()
        self.reason.setPlaceholderText(self.tr("e.g. knows the family; the main need is within health"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason_error = form_row(form, self.tr("Why this person"), self.reason)
        self.agreed = QCheckBox(self.tr("Agreed with the family"))
        form.addRow("", self.agreed)
        self.outer.addLayout(form)
        self.add_buttons(self.tr("Save tovholder"))
        self.field("person_name", self.person_name, self.name_error)
        self.field("started_on", self.started_on, self.date_error)
        self.field("reason", self.reason, self.reason_error)
        self.field("person_role", self.person_role, None)
        self.watch(self.me, self.other, self.person_name, self.person_role, self.organisation, self.contact,
                   self.started_on, self.reason, self.agreed)
        self._typed: tuple[list[str], int] | None = None  # what she typed for someone else, while "me" shows
        self.me.toggled.connect(self._mode)
        self._mode()

    def _mode(self) -> None:
        """"Me": her own name, role, organisation and contact details, shown (not typed); "someone
        else": what she typed for that person, back again."""
        fields = (self.person_name, self.organisation, self.contact)
        if self.me.isChecked():
            if self._typed is None:
                self._typed = ([f.text() for f in fields], self.person_role.currentIndex())
            profile = self.workspace.profile
            for field, value in zip(fields, (profile.name, profile.organisation,
                                             " · ".join(x for x in (profile.phone, profile.email) if x)), strict=True):
                field.setText(value)
            index = self.person_role.findData(profile.role)
            self.person_role.setCurrentIndex(index if index >= 0 else self.person_role.count() - 1)
        elif self._typed is not None:
            texts, role = self._typed
            self._typed = None
            for field, value in zip(fields, texts, strict=True):
                field.setText(value)
            self.person_role.setCurrentIndex(role)
        for widget in (self.person_name, self.person_role, self.organisation, self.contact):
            widget.setEnabled(self.other.isChecked())

    def collect(self) -> dict:
        return {
            "is_me": self.me.isChecked(), "person_name": self.person_name.text(),
            "person_role": self.person_role.currentData(), "organisation": self.organisation.text(),
            "contact": self.contact.text(), "started_on": self.started_on.text(),
            "reason": self.reason.toPlainText(), "agreed": self.agreed.isChecked(),
        }

    def restore(self, payload: dict) -> None:
        (self.me if payload.get("is_me", True) else self.other).setChecked(True)
        self.person_name.setText(payload.get("person_name", ""))
        self.person_role.setCurrentIndex(max(0, self.person_role.findData(payload.get("person_role"))))
        self.organisation.setText(payload.get("organisation", ""))
        self.contact.setText(payload.get("contact", ""))
        self.started_on.setText(payload.get("started_on", ""))
        self.reason.setPlainText(payload.get("reason", ""))
        self.agreed.setChecked(bool(payload.get("agreed")))
        self._mode()

    def save(self) -> None:
        tovholder = self.checked(lambda: dto.TovholderInput(
            started_on=self.started_on.date_or_raise("started_on", required=True), reason=self.reason.toPlainText(),
            agreed_with_family=self.agreed.isChecked(), is_me=self.me.isChecked(),
            person_name=self.person_name.text(), person_role=self.person_role.currentData(),
            organisation=self.organisation.text(), contact=self.contact.text()))
        if tovholder is None:
            return
        workspace, case_id = self.workspace, self.case_id
        runner().db(lambda: workspace.course.assign_tovholder(case_id, tovholder), **self.saving())


class ServiceLevelDialog(DraftDialog):
    """Niveau 1-4: the level of services the family needs now (seed-002 §1.2)."""

    kind = "service_level"

    def __init__(self, workspace: Workspace, case_id: str, parent: QWidget | None = None,
                 current: int | None = None) -> None:
        super().__init__(workspace, f"level:{case_id}", case_id, parent)
        self.setWindowTitle(self.tr("Service level"))
        note = QLabel(self.tr("The level describes the services the family needs now, not the family. "
                              "It can go down again."))
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.outer.addWidget(note)
        self.levels = QButtonGroup(self)
        for level in workspace.content.service_levels.levels:
            button = QRadioButton(label(level.label))
            button.setProperty("level", level.level)
            self.levels.addButton(button, level.level)
            self.outer.addWidget(button)
            text = QLabel(label(level.description))
            text.setObjectName("muted")
            text.setWordWrap(True)
            text.setContentsMargins(28, 0, 0, 6)
            self.outer.addWidget(text)
        if current is not None and self.levels.button(current) is not None:
            self.levels.button(current).setChecked(True)  # she starts from the level the family has now
        self.level_error = ErrorLabel()
        self.outer.addWidget(self.level_error)
        form = QFormLayout()
        self.decided_on = DateField(value=workspace.today())
        self.date_error = form_row(form, self.tr("Date"), self.decided_on)
        self.reason = _text_box()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason_error = form_row(form, self.tr("Reason"), self.reason)
        self.outer.addLayout(form)
        self.add_buttons(self.tr("Save level"))
        self.field("level", None, self.level_error)
        self.field("decided_on", self.decided_on, self.date_error)
        self.field("reason", self.reason, self.reason_error)
        self.watch(*self.levels.buttons(), self.decided_on, self.reason)

    def collect(self) -> dict:
        return {"level": self.levels.checkedId(), "decided_on": self.decided_on.text(),
                "reason": self.reason.toPlainText()}

    def restore(self, payload: dict) -> None:
        button = self.levels.button(payload.get("level", -1))
        if button is not None:
            button.setChecked(True)
        self.decided_on.setText(payload.get("decided_on", ""))
        self.reason.setPlainText(payload.get("reason", ""))

    def save(self) -> None:
        level = self.checked(lambda: dto.ServiceLevelInput(
            level=self.levels.checkedId(), decided_on=self.decided_on.date_or_raise("decided_on", required=True),
            reason=self.reason.toPlainText()))
        if level is None:
            return
        workspace, case_id = self.workspace, self.case_id
        runner().db(lambda: workspace.course.record_service_level(case_id, level), **self.saving())


class HouseholdDialog(DraftDialog):
    kind = "household"

    def __init__(self, workspace: Workspace, overview: dto.CaseOverview, parent: QWidget | None = None) -> None:
        super().__init__(workspace, f"household:{overview.id}", overview.id, parent)
        self.setWindowTitle(self.tr("The household"))
        form = QFormLayout()
        self.family_name = QLineEdit(overview.family_name)
        self.family_error = form_row(form, self.tr("Family name"), self.family_name)
        self.address = QLineEdit(overview.address)
        form.addRow(self.tr("Address"), self.address)
        self.postal_code = QLineEdit(overview.postal_code)
        form.addRow(self.tr("Postcode"), self.postal_code)
        self.city = QLineEdit(overview.city)
        form.addRow(self.tr("Town"), self.city)
        self.note = _text_box(100)
        self.note.setPlainText(overview.note)
        form.addRow(self.tr("Note"), self.note)
        self.outer.addLayout(form)
        self.add_buttons(self.tr("Save"))
        self.field("family_name", self.family_name, self.family_error)
        self.watch(self.family_name, self.address, self.postal_code, self.city, self.note)

    def collect(self) -> dict:
        return {"family_name": self.family_name.text(), "address": self.address.text(),
                "postal_code": self.postal_code.text(), "city": self.city.text(), "note": self.note.toPlainText()}

    def restore(self, payload: dict) -> None:
        self.family_name.setText(payload.get("family_name", ""))
        self.address.setText(payload.get("address", ""))
        self.postal_code.setText(payload.get("postal_code", ""))
        self.city.setText(payload.get("city", ""))
        self.note.setPlainText(payload.get("note", ""))

    def save(self) -> None:
        household = dto.HouseholdInput(self.family_name.text(), self.address.text(), self.postal_code.text(),
                                       self.city.text(), self.note.toPlainText())
        workspace, case_id = self.workspace, self.case_id
        runner().db(lambda: workspace.cases.update_household(case_id, household), **self.saving())

