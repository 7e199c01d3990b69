"""Settings: language, when to lock by itself, text size, the guide, the export folder, and changing the
password."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KnownError
from app.core.settings import IDLE_LOCK_CHOICES_MINUTES
from app.services.exports import default_export_folder, in_git_work_tree
from app.services.workspace import Workspace, password_assessment
from app.ui.common.export_dialog import in_her_language
from app.ui.common.i18n import error_text, fill, label
from app.ui.common.tasks import runner
from app.ui.common.widgets import Card, ErrorLabel, StrengthMeter, banner, primary_button


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

        guide = Card(self.tr("Conversation guide"))
        guide_form = QFormLayout()
        self.guide = QComboBox()
        self.guide.setAccessibleName(self.tr("Guide for new conversations"))
        guide_form.addRow(self.tr("New conversations use"), self.guide)
        guide.body().addLayout(guide_form)
        self.guide_message = ErrorLabel()
        guide.body().addWidget(self.guide_message)
        self.guide_ok = banner("", "okBanner")
        self.guide_ok.hide()
        guide.body().addWidget(self.guide_ok)
        load_row = QHBoxLayout()
        load_row.addStretch(1)
        self.load_guide_button = QPushButton(self.tr("Load the municipality's guide …"))
        self.load_guide_button.setAutoDefault(False)
        self.load_guide_button.clicked.connect(self._choose_guide_file)
        load_row.addWidget(self.load_guide_button)
        guide.body().addLayout(load_row)
        outer.addWidget(guide)
        self._fill_guides()

        exports = Card(self.tr("Exports"))
        self.export_folder = workspace.settings.export_folder
        self.export_folder_label = QLabel()
        self.export_folder_label.setWordWrap(True)
        exports.body().addWidget(self.export_folder_label)
        self.export_folder_message = ErrorLabel()
        exports.body().addWidget(self.export_folder_message)
        folder_row = QHBoxLayout()
        folder_row.addStretch(1)
        self.export_folder_button = QPushButton(self.tr("Change the folder …"))
        self.export_folder_button.setAutoDefault(False)
        self.export_folder_button.clicked.connect(self._choose_export_folder)
        folder_row.addWidget(self.export_folder_button)
        exports.body().addLayout(folder_row)
        outer.addWidget(exports)
        self._show_export_folder()

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

    def guide_choice(self) -> str:
        return self.guide.currentData() or ""

    def _fill_guides(self) -> None:
        current = self.workspace.conversations.default_guide
        self.guide.clear()
        for guide in self.workspace.content.guides():
            self.guide.addItem(fill(self.tr("{title} (version {version})"), title=label(guide.title),
                                    version=guide.version), guide.id)
        self.guide.setCurrentIndex(max(0, self.guide.findData(current)))

    def _choose_guide_file(self) -> None:
        dialog = in_her_language(QFileDialog(self, self.tr("The municipality's conversation guide")))
        dialog.setNameFilter(self.tr("Content files (*.yaml *.yml)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.load_guide)
        dialog.open()

    def load_guide(self, path: str) -> None:
        """Validate and take the guide file into use (on the database lane, which reads the content);
        a bad file is explained with file and line."""
        self.guide_ok.hide()
        workspace = self.workspace
        runner().db(lambda: workspace.install_content(Path(path)), owner=self,
                    done=lambda item: self._guide_loaded(item, path), failed=self._guide_refused,
                    label=self.tr("Loading the guide …"))

    def _guide_refused(self, exc: KnownError) -> None:
        self.guide_message.show_message(
            fill(self.tr("The guide was not loaded; the current guide is still used. {problem}"),
                 problem=error_text(exc)))

    def _guide_loaded(self, item: object, path: str) -> None:
        self.guide_message.clear_message()
        self._fill_guides()
        title = label(getattr(item, "title", "")) or Path(path).name
        self.guide_ok.setText(fill(self.tr("Loaded: {title}, version {version}."), title=title,
                                   version=getattr(item, "version", "")))
        self.guide_ok.show()
        index = self.guide.findData(getattr(item, "id", ""))
        if index >= 0:
            self.guide.setCurrentIndex(index)

    def _show_export_folder(self) -> None:
        self.export_folder_label.setText(fill(
            self.tr("PDFs, pictures and data files are saved in {folder} unless you choose another place. "
                    "They are not encrypted: delete them when they have been used."),
            folder=str(default_export_folder(self.export_folder))))

    def _choose_export_folder(self) -> None:
        dialog = in_her_language(QFileDialog(self, self.tr("Folder for exports")))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.setDirectory(str(default_export_folder(self.export_folder)))
        dialog.fileSelected.connect(self.set_export_folder)
        dialog.open()

    def set_export_folder(self, path: str) -> None:
        """Take ``path`` as the export folder when she presses Save; a folder inside a git checkout
        (where a file could be committed and shared by mistake) is refused."""
        if in_git_work_tree(Path(path)):
            self.export_folder_message.show_message(self.tr(
                "That folder is part of a program's source code (git), where files can be shared by mistake. "
                "Choose another folder."))
            return
        self.export_folder_message.clear_message()
        self.export_folder = str(Path(path))
        self._show_export_folder()

    def accept(self) -> None:
        self.workspace.settings.export_folder = self.export_folder  # saved by the controller with the rest
        super().accept()

    def _meter(self) -> None:
        verdict = password_assessment(self.new_password.text(), self.workspace.policy, (self.workspace.profile.name,))
        self.meter.set_assessment(verdict.score, verdict.acceptable, verdict.hints,
                                  self.workspace.policy.min_password_length)

    def _change_password(self) -> None:
        self.password_done.hide()
        if self.new_password.text() != self.repeat.text():
            self.password_error.show_message(self.tr("The two new passwords are not the same."))
            return
        workspace, old, new = self.workspace, self.old_password.text(), self.new_password.text()
        self.change_button.setEnabled(False)
        runner().db(lambda: workspace.change_password(old, new), owner=self, done=self._password_changed,
                    failed=self._password_refused, label=self.tr("Changing the password …"))

    def _password_refused(self, exc: KnownError) -> None:
        self.change_button.setEnabled(True)
        self.password_error.show_message(error_text(exc))

    def _password_changed(self, _: object) -> None:
        self.change_button.setEnabled(True)
        self.password_error.clear_message()
        for field in (self.old_password, self.new_password, self.repeat):
            field.clear()
        self.password_done.show()
