"""Settings: language, when to lock by itself, text size, and changing the password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import KnownError
from app.services.workspace import Workspace, password_assessment
from app.settings import IDLE_LOCK_CHOICES_MINUTES
from app.ui.i18n import error_text, fill
from app.ui.widgets import Card, ErrorLabel, StrengthMeter, banner, primary_button


class SettingsDialog(QDialog):
    """Changes are applied by the controller when she presses Save (``values()``)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        settings, policy = workspace.settings, workspace.policy
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        outer = QVBoxLayout(self)

        general = Card(self.tr("The screen"))
        form = QFormLayout()
        self.language = QComboBox()
        self.language.addItem("Dansk", "da")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("Language"), self.language)
        self.idle = QComboBox()
        for minutes in IDLE_LOCK_CHOICES_MINUTES:
            if minutes <= policy.max_idle_lock_minutes:
                self.idle.addItem(fill(self.tr("after {n} minutes"), n=minutes), minutes)
        self.idle.setCurrentIndex(max(0, self.idle.findData(settings.idle_lock_minutes)))
        self.idle.setAccessibleName(self.tr("Lock by itself"))
        form.addRow(self.tr("Lock by itself"), self.idle)
        self.font_scale = QComboBox()
        for scale, text in ((1.0, self.tr("Normal")), (1.2, self.tr("Large")), (1.4, self.tr("Larger"))):
            self.font_scale.addItem(text, scale)
        self.font_scale.setCurrentIndex(max(0, self.font_scale.findData(settings.font_scale)))
        form.addRow(self.tr("Text size"), self.font_scale)
        general.body().addLayout(form)
        outer.addWidget(general)

        password = Card(self.tr("Change password"))
        pform = QFormLayout()
        self.old_password = QLineEdit()
        self.old_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.old_password.setAccessibleName(self.tr("Current password"))
        pform.addRow(self.tr("Current password"), self.old_password)
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setAccessibleName(self.tr("New password"))
        pform.addRow(self.tr("New password"), self.new_password)
        self.meter = StrengthMeter()
        pform.addRow("", self.meter)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the new password"))
        pform.addRow(self.tr("Repeat"), self.repeat)
        password.body().addLayout(pform)
        self.password_error = ErrorLabel()
        password.body().addWidget(self.password_error)
        self.password_done = banner(self.tr("The password is changed."), "okBanner")
        self.password_done.hide()
        password.body().addWidget(self.password_done)
        change_row = QHBoxLayout()
        change_row.addStretch(1)
        self.change_button = QPushButton(self.tr("Change password"))
        self.change_button.setAutoDefault(False)
        self.change_button.clicked.connect(self._change_password)
        change_row.addWidget(self.change_button)
        password.body().addLayout(change_row)
        outer.addWidget(password)
        self.new_password.textChanged.connect(self._meter)
        self._meter()

        note = QLabel(self.tr("Changing the password does not re-encrypt your records; it only changes the "
                              "lock on the key."))
        note.setObjectName("muted")
        note.setWordWrap(True)
        outer.addWidget(note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        save = primary_button(self.tr("Save"))
        save.clicked.connect(self.accept)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        outer.addLayout(buttons)

    def values(self) -> tuple[str, int, float]:
        return self.language.currentData(), self.idle.currentData(), self.font_scale.currentData()

    def _meter(self) -> None:
        verdict = password_assessment(self.new_password.text(), self.workspace.policy, (self.workspace.profile.name,))
        self.meter.set_assessment(verdict.score, verdict.acceptable, verdict.hints,
                                  self.workspace.policy.min_password_length)

    def _change_password(self) -> None:
        self.password_done.hide()
        if self.new_password.text() != self.repeat.text():
            self.password_error.show_message(self.tr("The two new passwords are not the same."))
            return
        try:
            self.workspace.change_password(self.old_password.text(), self.new_password.text())
        except KnownError as exc:
            self.password_error.show_message(error_text(exc))
            return
        self.password_error.clear_message()
        for field in (self.old_password, self.new_password, self.repeat):
            field.clear()
        self.password_done.show()
