"""Adding or changing a family member: relation, names, birth date, CPR, language, diagnoses."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from app.services.cases.dto import DiagnosisInput, MemberInput, MemberView
from app.services.validation import normalise_member
from app.services.workspace import Workspace
from app.ui.common.draft_dialog import DraftDialog
from app.ui.common.i18n import format_date, label
from app.ui.common.tasks import runner
from app.ui.common.widgets import DateField, ErrorLabel, form_row, parse_typed_date


def member_to_payload(member: MemberInput) -> dict:
    raw = asdict(member)
    raw["birth_date"] = member.birth_date.isoformat() if member.birth_date else None
    raw["diagnoses"] = [
        {"label": d.label, "code": d.code, "diagnosed_on": d.diagnosed_on.isoformat() if d.diagnosed_on else None}
        for d in member.diagnoses
    ]
    return raw


def member_from_payload(raw: dict) -> MemberInput:
    values = dict(raw)
    values["birth_date"] = date.fromisoformat(raw["birth_date"]) if raw.get("birth_date") else None
    values["diagnoses"] = tuple(
        DiagnosisInput(d["label"], d.get("code", ""),
                       date.fromisoformat(d["diagnosed_on"]) if d.get("diagnosed_on") else None)
        for d in raw.get("diagnoses", [])
    )
    return MemberInput(**values)


def member_input_from_view(view: MemberView) -> MemberInput:
    return MemberInput(
        id=view.id, relation=view.relation, first_name=view.first_name, last_name=view.last_name,
        birth_date=view.birth_date, cpr=view.cpr, language=view.language,
        interpreter_needed=view.interpreter_needed, has_custody=view.has_custody,
        lives_in_household=view.lives_in_household, phone=view.phone, email=view.email, note=view.note,
        diagnoses=tuple(DiagnosisInput(d.label, d.code, d.diagnosed_on) for d in view.diagnoses),
    )


class MemberDialog(DraftDialog):
    """With a ``case_id`` the member is saved to the case; without, the checked ``MemberInput`` is
    returned in ``saved_result`` (used while a new case is being typed)."""

    kind = "member"

    def __init__(self, workspace: Workspace, case_id: str = "", member: MemberInput | None = None,
                 parent: QWidget | None = None, embedded_in: DraftDialog | None = None) -> None:
        key = f"member:{case_id}:{member.id if member and member.id else 'new'}"
        super().__init__(workspace, key, case_id, parent)
        self.embedded_in = embedded_in
        self.member_id = member.id if member else None
        family = workspace.content.family
        self.setWindowTitle(self.tr("Family member") if member is None else self.tr("Change family member"))
        self.setMinimumWidth(620)

        form = QFormLayout()
        form.setVerticalSpacing(8)
        self.relation = QComboBox()
        for relation in family.relations:
            self.relation.addItem(label(relation.label), relation.code)
        self.relation.setAccessibleName(self.tr("Relation"))
        form.addRow(self.tr("Relation to the family"), self.relation)
        self.first_name = QLineEdit()
        self.first_name.setAccessibleName(self.tr("First name"))
        self.first_name_error = form_row(form, self.tr("First name"), self.first_name)
        self.last_name = QLineEdit()
        self.last_name.setAccessibleName(self.tr("Last name"))
        form.addRow(self.tr("Last name"), self.last_name)
        self.birth_date = DateField()
        self.birth_date.setAccessibleName(self.tr("Birth date"))
        self.birth_error = form_row(form, self.tr("Birth date"), self.birth_date)
        self.cpr = QLineEdit()
        self.cpr.setPlaceholderText(self.tr("DDMMYY-XXXX (optional)"))
        self.cpr.setMaximumWidth(180)
        self.cpr.setAccessibleName(self.tr("CPR number"))
        self.cpr_error = form_row(form, self.tr("CPR number"), self.cpr)
        self.language = QComboBox()
        for choice in family.languages:
            self.language.addItem(label(choice.label), choice.code)
        self.language.setAccessibleName(self.tr("Language"))
        self.interpreter = QCheckBox(self.tr("Needs an interpreter"))
        lang_row = QHBoxLayout()
        lang_row.addWidget(self.language)
        lang_row.addWidget(self.interpreter)
        lang_row.addStretch(1)
        form.addRow(self.tr("Language"), lang_row)
        self.custody = QCheckBox(self.tr("Has parental responsibility (forældremyndighed)"))
        form.addRow("", self.custody)
        self.household = QCheckBox(self.tr("Lives in the household"))
        self.household.setChecked(True)
        form.addRow("", self.household)
        self.phone = QLineEdit()
        self.phone.setAccessibleName(self.tr("Phone"))
        self.phone_error = form_row(form, self.tr("Phone"), self.phone)
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("E-mail"))
        self.email_error = form_row(form, self.tr("E-mail"), self.email)

        self.diagnosis = QComboBox()
        self.diagnosis.setEditable(True)
        self.diagnosis.addItem("", "")
        for choice in family.diagnoses:
            self.diagnosis.addItem(label(choice.label), choice.code)
        self.diagnosis.setAccessibleName(self.tr("Diagnosis"))
        # The list narrows as she types any part of a name ("epi" finds Epilepsi), whatever the case.
        completer = self.diagnosis.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.diagnosis_date = DateField()
        self.diagnosis_date.setAccessibleName(self.tr("Diagnosed on"))
        self.add_diagnosis_button = QPushButton(self.tr("Add"))
        self.add_diagnosis_button.setAutoDefault(False)
        self.add_diagnosis_button.clicked.connect(self._add_diagnosis)
        form.addRow(self.tr("Diagnoses"), self.diagnosis)
        when_row = QHBoxLayout()
        when_row.addWidget(QLabel(self.tr("diagnosed")))
        when_row.addWidget(self.diagnosis_date)
        when_row.addWidget(self.add_diagnosis_button)
        when_row.addStretch(1)
        form.addRow("", when_row)
        self.diagnoses = QListWidget()
        self.diagnoses.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move inside
        self.diagnoses.setMaximumHeight(90)
        self.diagnoses.setAccessibleName(self.tr("Diagnoses"))
        remove_diag = QPushButton(self.tr("Remove the chosen diagnosis"))
        remove_diag.setAutoDefault(False)
        remove_diag.clicked.connect(self._remove_diagnosis)
        self.diagnosis_error = ErrorLabel()
        form.addRow("", self.diagnoses)
        remove_row = QHBoxLayout()
        remove_row.addWidget(remove_diag)
        remove_row.addStretch(1)
        form.addRow("", remove_row)
        form.addRow("", self.diagnosis_error)
        self.outer.addLayout(form)
        self.add_buttons(self.tr("Save person"))

        self.field("first_name", self.first_name, self.first_name_error)
        self.field("birth_date", self.birth_date, self.birth_error)
        self.field("cpr", self.cpr, self.cpr_error)
        self.field("phone", self.phone, self.phone_error)
        self.field("email", self.email, self.email_error)
        self.field("diagnoses", self.diagnosis, self.diagnosis_error)
        self.field("relation", self.relation, None)
        self.watch(self.relation, self.first_name, self.last_name, self.birth_date, self.cpr, self.language,
                   self.interpreter, self.custody, self.household, self.phone, self.email)
        # Parental responsibility starts as the relation usually has it (a mother: yes; a bonus parent:
        # no), until she ticks or unticks it herself.
        self._custody_chosen = member is not None
        self.custody.clicked.connect(self._custody_clicked)
        self.relation.currentIndexChanged.connect(self._relation_chosen)
        if member is not None:
            self._fill(member)
        else:
            self._relation_chosen()
        self.first_name.setFocus()

    def _custody_clicked(self) -> None:
        self._custody_chosen = True

    def _relation_chosen(self) -> None:
        if self._custody_chosen:
            return
        relation = self.workspace.content.family.relation(self.relation.currentData())
        self.custody.setChecked(bool(relation is not None and relation.custody))

    # ---- fields <-> values

    def _fill(self, member: MemberInput) -> None:
        self._restoring = True
        self.relation.setCurrentIndex(max(0, self.relation.findData(member.relation)))
        self.first_name.setText(member.first_name)
        self.last_name.setText(member.last_name)
        self.birth_date.set_date(member.birth_date)
        self.cpr.setText(member.cpr)
        self.language.setCurrentIndex(max(0, self.language.findData(member.language)))
        self.interpreter.setChecked(member.interpreter_needed)
        self.custody.setChecked(member.has_custody)
        self.household.setChecked(member.lives_in_household)
        self.phone.setText(member.phone)
        self.email.setText(member.email)
        self.diagnoses.clear()
        for diagnosis in member.diagnoses:
            self._append_diagnosis(diagnosis.label, diagnosis.code, format_date(diagnosis.diagnosed_on))
        self._restoring = False

    def _append_diagnosis(self, text: str, code: str, when: str) -> None:
        item = QListWidgetItem(f"{text} ({when})" if when else text)
        item.setData(Qt.ItemDataRole.UserRole, {"label": text, "code": code, "when": when})
        self.diagnoses.addItem(item)

    def _add_diagnosis(self) -> None:
        text = self.diagnosis.currentText().strip()
        if not text:
            return
        index = self.diagnosis.findText(text)
        code = self.diagnosis.itemData(index) if index >= 0 else ""
        when, problem = self.diagnosis_date.date_or_error()
        if problem:
            self.diagnosis_error.show_message(problem)
            return
        self.diagnosis_error.clear_message()
        self._append_diagnosis(text, code or "", format_date(when))
        self.diagnosis.setCurrentIndex(0)
        self.diagnosis_date.clear()
        self.changed()

    def _remove_diagnosis(self) -> None:
        for item in self.diagnoses.selectedItems():
            self.diagnoses.takeItem(self.diagnoses.row(item))
        self.changed()

    def collect(self) -> dict:
        return {
            "member_id": self.member_id,
            "relation": self.relation.currentData(),
            "first_name": self.first_name.text(),
            "last_name": self.last_name.text(),
            "birth_date": self.birth_date.text(),
            "cpr": self.cpr.text(),
            "language": self.language.currentData(),
            "interpreter_needed": self.interpreter.isChecked(),
            "has_custody": self.custody.isChecked(),
            "lives_in_household": self.household.isChecked(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "diagnoses": [self.diagnoses.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.diagnoses.count())],
        }

    def restore(self, payload: dict) -> None:
        self._custody_chosen = True  # as she had it in the draft
        self.member_id = payload.get("member_id") or self.member_id
        self.relation.setCurrentIndex(max(0, self.relation.findData(payload.get("relation"))))
        self.first_name.setText(payload.get("first_name", ""))
        self.last_name.setText(payload.get("last_name", ""))
        self.birth_date.setText(payload.get("birth_date", ""))
        self.cpr.setText(payload.get("cpr", ""))
        self.language.setCurrentIndex(max(0, self.language.findData(payload.get("language", "da"))))
        self.interpreter.setChecked(bool(payload.get("interpreter_needed")))
        self.custody.setChecked(bool(payload.get("has_custody")))
        self.household.setChecked(payload.get("lives_in_household", True))
        self.phone.setText(payload.get("phone", ""))
        self.email.setText(payload.get("email", ""))
        self.diagnoses.clear()
        for diagnosis in payload.get("diagnoses", []):
            self._append_diagnosis(diagnosis["label"], diagnosis.get("code", ""), diagnosis.get("when", ""))

    def member_input(self) -> MemberInput:
        """The values as a ``MemberInput``; raises ``ValidationError`` for a date that is not a date."""
        birth = self.birth_date.date_or_raise("birth_date")
        diagnoses = []
        for i in range(self.diagnoses.count()):
            data = self.diagnoses.item(i).data(Qt.ItemDataRole.UserRole)
            when, _ = parse_typed_date(data.get("when", ""))
            diagnoses.append(DiagnosisInput(data["label"], data.get("code", ""), when))
        return MemberInput(
            id=self.member_id, relation=self.relation.currentData(), first_name=self.first_name.text(),
            last_name=self.last_name.text(), birth_date=birth, cpr=self.cpr.text(),
            language=self.language.currentData(), interpreter_needed=self.interpreter.isChecked(),
            has_custody=self.custody.isChecked(), lives_in_household=self.household.isChecked(),
            phone=self.phone.text(), email=self.email.text(), diagnoses=tuple(diagnoses),
        )

    # ---- saving

    def changed(self, *args: object) -> None:
        if self.embedded_in is not None:
            if not self._restoring:
                self._dirty = True
                self.embedded_in.changed()
            return
        super().changed(*args)

    def save(self) -> None:
        if self.embedded_in is not None:
            self.run_save(self._check_only)
        else:
            member = self.checked(self.member_input)
            if member is None:
                return
            workspace, case_id = self.workspace, self.case_id
            runner().db(lambda: workspace.cases.save_member(case_id, member), **self.saving())

    def _check_only(self) -> MemberInput:
        checked, _ = normalise_member(self.member_input(), self.workspace.today())
        return checked

    def show_field_error(self, field: str, text: str) -> None:
        # Service fields come as members.N.cpr; this dialog shows one member.
        parts = field.split(".")
        super().show_field_error(parts[2] if len(parts) > 2 and parts[0] == "members" else field, text)

    def discard_draft(self) -> None:
        if self.embedded_in is None:
            super().discard_draft()
        self._dirty = False

