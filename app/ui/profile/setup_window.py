"""First start: she creates her local profile (name, role, contact, password with guidance)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.settings import Policy
from app.services.cases.dto import NewProfile
from app.services.workspace import PROFILE_ROLES, password_assessment, recovery_key_in_policy
from app.ui.common.i18n import translate
from app.ui.common.widgets import ErrorLabel, StrengthMeter, mark_invalid, primary_button, scrolled


class SetupWindow(QWidget):
    """The first-start form. Emits ``submitted(NewProfile, password)``; the controller creates it."""

    submitted = Signal(object, str)
    language_changed = Signal(str)

    def __init__(self, policy: Policy, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self.setObjectName("setupWindow")
        self.setWindowTitle(self.tr("Tovholder – create your profile"))
        self.setMinimumWidth(560)

        # The form scrolls in the window (an error with advice can make it taller than a small screen),
        # and wrapped texts get the height they need instead of overlapping the fields.
        page = QWidget()
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(scrolled(page))
        outer = QVBoxLayout(page)
        outer.setContentsMargins(40, 32, 40, 32)
        outer.setSpacing(14)
        top = QHBoxLayout()
        title = QLabel(self.tr("Welcome to Tovholder"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        top.addStretch(1)
        self.language = QComboBox()
        self.language.addItem("Dansk", "da")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if language == "da" else 1)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.currentIndexChanged.connect(self._language_chosen)
        top.addWidget(self.language)
        outer.addLayout(top)

        intro = QLabel(self.tr(
            "Create your profile on this laptop. Everything you record is kept encrypted here and "
            "opened with your password. Choose a password you can remember: without it, only IT can "
            "open the records again.") if recovery_key_in_policy(policy) else self.tr(
            "Create your profile on this laptop. Everything you record is kept encrypted here and "
            "opened with your password. Choose a password you can remember: without it, no one can "
            "open the records again, not even IT."))
        self.intro = intro
        intro.setObjectName("subtitle")
        intro.setWordWrap(True)
        outer.addWidget(intro)

        self.error = ErrorLabel()
        outer.addWidget(self.error)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(10)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Your name"))
        form.addRow(self.tr("Your name"), self.name)

        role_row = QVBoxLayout()
        self.roles = QButtonGroup(self)
        role_labels = {
            "sundhedsplejerske": self.tr("Health visitor"),
            "koordinator": self.tr("Coordinator"),
            "sagsbehandler": self.tr("Caseworker"),
        }
        for index, role in enumerate(PROFILE_ROLES):
            button = QRadioButton(role_labels[role])
            button.setProperty("role_code", role)
            self.roles.addButton(button, index)
            role_row.addWidget(button)
            if index == 0:
                button.setChecked(True)
        role_row.addStretch(1)
        form.addRow(self.tr("Your role"), role_row)

        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText(self.tr("e.g. Sundhedsplejen, Herning Kommune"))
        form.addRow(self.tr("Workplace"), self.organisation)
        self.phone = QLineEdit()
        form.addRow(self.tr("Work phone"), self.phone)
        self.email = QLineEdit()
        form.addRow(self.tr("Work e-mail"), self.email)

        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        form.addRow(self.tr("Password"), self.password)
        self.meter = StrengthMeter()
        form.addRow(self.meter)  # the whole width: QFormLayout gives a wrapped field too little height
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the password"))
        form.addRow(self.tr("Repeat the password"), self.repeat)
        outer.addLayout(form)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.create_button = primary_button(self.tr("Create profile"))
        self.create_button.clicked.connect(self._submit)
        buttons.addWidget(self.create_button)
        outer.addLayout(buttons)
        outer.addStretch(1)

        self.password.textChanged.connect(self._update_meter)
        self.name.textChanged.connect(self._update_meter)
        self.password.returnPressed.connect(self.repeat.setFocus)
        self.repeat.returnPressed.connect(self._submit)
        self._update_meter()

    def _language_chosen(self) -> None:
        self.language_changed.emit(self.language.currentData())

    def _update_meter(self) -> None:
        verdict = password_assessment(self.password.text(), self.policy, (self.name.text(),))
        self.meter.set_assessment(verdict.score, verdict.acceptable, verdict.hints, self.policy.min_password_length)

    def role(self) -> str:
        checked = self.roles.checkedButton()
        return checked.property("role_code") if checked else ""

    def _submit(self) -> None:
        for widget in (self.name, self.password, self.repeat, self.email, self.phone):
            mark_invalid(widget, False)
        if not self.name.text().strip():
            mark_invalid(self.name, True)
            self.error.show_message(self.tr("Write your name."))
            self.name.setFocus()
            return
        verdict = password_assessment(self.password.text(), self.policy, (self.name.text(),))
        if not verdict.acceptable:
            mark_invalid(self.password, True)
            self.error.show_message(translate("Errors", "Choose a stronger password (see the advice under the field)."))
            self.password.setFocus()
            return
        if self.password.text() != self.repeat.text():
            mark_invalid(self.repeat, True)
            self.error.show_message(self.tr("The two passwords are not the same."))
            self.repeat.setFocus()
            return
        self.error.clear_message()
        profile = NewProfile(self.name.text(), self.role(), self.organisation.text(), self.phone.text(),
                             self.email.text())
        self.submitted.emit(profile, self.password.text())

    def show_error(self, text: str, field: str = "") -> None:
        widget = {"name": self.name, "email": self.email, "phone": self.phone, "password": self.password}.get(field)
        if widget is not None:
            mark_invalid(widget, True)
            widget.setFocus()
        self.error.show_message(text)
        self.setEnabled(True)
