"""A new case from a referral: who detected the family, the family members, the course template."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.cases.dto import MemberInput, NewCase, ReferralInput
from app.services.workspace import Workspace
from app.ui.cases.member_dialog import MemberDialog, member_from_payload, member_to_payload
from app.ui.common.draft_dialog import DraftDialog
from app.ui.common.i18n import fill, format_date, label
from app.ui.common.table_model import Column, DtoTableModel
from app.ui.common.tasks import runner
from app.ui.common.widgets import Card, DateField, ErrorLabel, form_row


def mask_cpr(cpr: str) -> str:
    """Show only the birth-date part of a CPR number on screen (the family may be looking too)."""
    return f"{cpr[:6]}-••••" if cpr else ""


class NewCaseDialog(DraftDialog):
    kind = "new_case"

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, "new_case", "", parent)
        self.setWindowTitle(self.tr("New case from a referral"))
        self.resize(760, 820)
        content = workspace.content
        self._members: list[MemberInput] = []
        self._member_dialog: MemberDialog | None = None

        body = QWidget()  # the dialog scrolls it (DraftDialog)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.outer.addWidget(body, 1)

        # -- referral
        referral = Card(self.tr("1. The referral"))
        form = QFormLayout()
        self.source_kind = QComboBox()
        self.source_kind.setAccessibleName(self.tr("Who detected the family"))
        self.source_kind.addItem(self.tr("Choose …"), "")
        for choice in content.referral.source_kinds:
            self.source_kind.addItem(label(choice.label), choice.code)
        self.source_error = form_row(form, self.tr("Who detected the family"), self.source_kind)
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName(self.tr("Organisation"))
        form.addRow(self.tr("Organisation"), self.organisation)
        self.referrer_name = QLineEdit()
        form.addRow(self.tr("Contact person"), self.referrer_name)
        self.referrer_contact = QLineEdit()
        self.referrer_contact.setPlaceholderText(self.tr("phone or e-mail"))
        form.addRow(self.tr("Contact details"), self.referrer_contact)
        self.referred_on = DateField(value=workspace.today())
        self.referred_on.setAccessibleName(self.tr("Referral date"))
        self.referred_error = form_row(form, self.tr("Date of the referral"), self.referred_on)
        self.channel = QComboBox()
        self.channel.setAccessibleName(self.tr("Channel"))
        self.channel.addItem(self.tr("Choose …"), "")
        for choice in content.referral.channels:
            self.channel.addItem(label(choice.label), choice.code)
        self.channel_error = form_row(form, self.tr("How it came"), self.channel)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)  # Tab goes on to the next field
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why the family was referred, in a few words"))
        self.reason.setMaximumHeight(80)
        form.addRow(self.tr("Reason"), self.reason)
        referral.body().addLayout(form)
        column.addWidget(referral)

        # -- family
        family = Card(self.tr("2. The family"))
        fform = QFormLayout()
        self.family_name = QLineEdit()
        self.family_name.setAccessibleName(self.tr("Family name"))
        self.family_name.setPlaceholderText(self.tr("e.g. Familien Nørgaard"))
        self.family_error = form_row(fform, self.tr("Family name"), self.family_name)
        self.address = QLineEdit()
        fform.addRow(self.tr("Address"), self.address)
        town = QHBoxLayout()
        self.postal_code = QLineEdit()
        self.postal_code.setMaximumWidth(80)
        self.postal_code.setAccessibleName(self.tr("Postal code"))
        self.city = QLineEdit()
        self.city.setAccessibleName(self.tr("Town"))
        town.addWidget(self.postal_code)
        town.addWidget(self.city)
        fform.addRow(self.tr("Postcode and town"), town)
        family.body().addLayout(fform)
        self.members_model: DtoTableModel[MemberInput] = DtoTableModel([
            Column(self.tr("Relation"), self._relation_text),
            Column(self.tr("Name"), lambda m: f"{m.first_name} {m.last_name}".strip()),
            Column(self.tr("Born"), lambda m: format_date(m.birth_date)),
            Column(self.tr("CPR"), lambda m: mask_cpr(m.cpr)),
            Column(self.tr("Diagnoses"), lambda m: ", ".join(d.label for d in m.diagnoses)),
        ], self)
        self.members_view = QTableView()
        self.members_view.setTabKeyNavigation(False)
        self.members_view.setModel(self.members_model)
        self.members_view.setAccessibleName(self.tr("Family members"))
        self.members_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_view.verticalHeader().hide()
        self.members_view.horizontalHeader().setStretchLastSection(True)
        self.members_view.setMinimumHeight(150)
        self.members_view.doubleClicked.connect(lambda _: self._edit_member())
        family.body().addWidget(self.members_view)
        buttons = QHBoxLayout()
        self.add_member_button = QPushButton(self.tr("Add person …"))
        self.add_member_button.setAutoDefault(False)
        self.add_member_button.clicked.connect(lambda: self._open_member(None))
        edit = QPushButton(self.tr("Change …"))
        edit.setAutoDefault(False)
        edit.clicked.connect(self._edit_member)
        remove = QPushButton(self.tr("Remove"))
        remove.setAutoDefault(False)
        remove.clicked.connect(self._remove_member)
        for button in (self.add_member_button, edit, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        family.body().addLayout(buttons)
        hint = QLabel(self.tr("Add the parents or carers, the child the referral is about, each sibling and "
                              "anyone else in the household."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        family.body().addWidget(hint)
        self.members_error = ErrorLabel()
        family.body().addWidget(self.members_error)
        column.addWidget(family)

        # -- template
        template_card = Card(self.tr("3. The course model"))
        self.templates = QButtonGroup(self)
        for index, template in enumerate(content.templates()):
            button = QRadioButton(label(template.title))
            button.setProperty("template_id", template.id)
            self.templates.addButton(button, index)
            template_card.body().addWidget(button)
            description = QLabel(label(template.description))
            description.setObjectName("muted")
            description.setWordWrap(True)
            description.setContentsMargins(28, 0, 0, 6)
            template_card.body().addWidget(description)
            if template.id == "generisk":
                button.setChecked(True)
        self.template_error = ErrorLabel()
        template_card.body().addWidget(self.template_error)
        column.addWidget(template_card)
        column.addStretch(1)

        self.add_buttons(self.tr("Create case"))
        self.field("referral.source_kind", self.source_kind, self.source_error)
        self.field("referral.referred_on", self.referred_on, self.referred_error)
        self.field("referral.channel", self.channel, self.channel_error)
        self.field("family_name", self.family_name, self.family_error)
        self.field("members", self.members_view, self.members_error)
        self.field("template_id", None, self.template_error)
        self.watch(self.source_kind, self.organisation, self.referrer_name, self.referrer_contact,
                   self.referred_on, self.channel, self.reason, self.family_name, self.address,
                   self.postal_code, self.city, *self.templates.buttons())
        self.source_kind.setFocus()

    # ---- members

    def _relation_text(self, member: MemberInput) -> str:
        relation = self.workspace.content.family.relation(member.relation)
        return label(relation.label) if relation else member.relation

    def _open_member(self, index: int | None, payload: dict | None = None) -> None:
        member = self._members[index] if index is not None else None
        dialog = MemberDialog(self.workspace, "", member, self, embedded_in=self)
        dialog.setProperty("member_index", index)
        if payload:
            dialog.restore_draft(payload)
        self._member_dialog = dialog
        dialog.finished.connect(lambda result: self._member_done(dialog, result))
        dialog.open()

    def _member_done(self, dialog: MemberDialog, result: int) -> None:
        self._member_dialog = None
        if result != MemberDialog.DialogCode.Accepted or dialog.saved_result is None:
            self.changed()
            return
        index = dialog.property("member_index")
        if index is None:
            self._members.append(dialog.saved_result)
        else:
            self._members[index] = dialog.saved_result
        if not self.family_name.text().strip() and dialog.saved_result.last_name:
            self.family_name.setText(fill(self.tr("Familien {name}"), name=dialog.saved_result.last_name))
        self.members_model.set_rows(self._members)
        self.members_error.clear_message()
        self.changed()

    def _selected_member(self) -> int | None:
        index = self.members_view.currentIndex()
        return index.row() if index.isValid() else None

    def _edit_member(self) -> None:
        row = self._selected_member()
        if row is not None:
            self._open_member(row)

    def _remove_member(self) -> None:
        row = self._selected_member()
        if row is not None:
            del self._members[row]
            self.members_model.set_rows(self._members)
            self.changed()

    # ---- drafts

    def collect(self) -> dict:
        template = self.templates.checkedButton()
        open_member = None
        if self._member_dialog is not None:
            open_member = {"index": self._member_dialog.property("member_index"),
                           "fields": self._member_dialog.collect()}
        return {
            "source_kind": self.source_kind.currentData(),
            "organisation": self.organisation.text(),
            "referrer_name": self.referrer_name.text(),
            "referrer_contact": self.referrer_contact.text(),
            "referred_on": self.referred_on.text(),
            "channel": self.channel.currentData(),
            "reason": self.reason.toPlainText(),
            "family_name": self.family_name.text(),
            "address": self.address.text(),
            "postal_code": self.postal_code.text(),
            "city": self.city.text(),
            "template_id": template.property("template_id") if template else "",
            "members": [member_to_payload(m) for m in self._members],
            "open_member": open_member,
        }

    def restore(self, payload: dict) -> None:
        self.source_kind.setCurrentIndex(max(0, self.source_kind.findData(payload.get("source_kind", ""))))
        self.organisation.setText(payload.get("organisation", ""))
        self.referrer_name.setText(payload.get("referrer_name", ""))
        self.referrer_contact.setText(payload.get("referrer_contact", ""))
        self.referred_on.setText(payload.get("referred_on", ""))
        self.channel.setCurrentIndex(max(0, self.channel.findData(payload.get("channel", ""))))
        self.reason.setPlainText(payload.get("reason", ""))
        self.family_name.setText(payload.get("family_name", ""))
        self.address.setText(payload.get("address", ""))
        self.postal_code.setText(payload.get("postal_code", ""))
        self.city.setText(payload.get("city", ""))
        for button in self.templates.buttons():
            button.setChecked(button.property("template_id") == payload.get("template_id"))
        self._members = [member_from_payload(m) for m in payload.get("members", [])]
        self.members_model.set_rows(self._members)
        open_member = payload.get("open_member")
        if open_member:
            self._open_member(open_member.get("index"), open_member.get("fields"))

    def close_for_lock(self) -> None:
        self._dirty = True  # the sub-dialog's typing lives in this draft
        self.save_draft()
        if self._member_dialog is not None:
            self._member_dialog.done(0)
        super().close_for_lock()

    # ---- saving

    def new_case(self) -> NewCase:
        referred_on = self.referred_on.date_or_raise("referral.referred_on")
        template = self.templates.checkedButton()
        return NewCase(
            family_name=self.family_name.text(),
            template_id=template.property("template_id") if template else "",
            referral=ReferralInput(
                source_kind=self.source_kind.currentData(),
                referred_on=referred_on or self.workspace.today(),
                organisation=self.organisation.text(),
                referrer_name=self.referrer_name.text(),
                referrer_contact=self.referrer_contact.text(),
                reason=self.reason.toPlainText(),
                channel=self.channel.currentData(),
            ),
            members=tuple(self._members),
            address=self.address.text(),
            postal_code=self.postal_code.text(),
            city=self.city.text(),
        )

    def save(self) -> None:
        new = self.checked(self.new_case)
        if new is None:
            return
        workspace = self.workspace
        runner().db(lambda: workspace.cases.create_case(new), **self.saving())

    def show_field_error(self, field: str, text: str) -> None:
        if field.startswith("members.") and field.split(".")[1].isdigit():
            position = int(field.split(".")[1])
            member = self._members[position] if position < len(self._members) else None
            who = f"{member.first_name}: " if member else ""
            super().show_field_error("members", who + text)
            if member is not None:
                self.members_view.selectRow(position)
            return
        super().show_field_error(field, text)
