"""The save dialog every export goes through, and what she can do with the file once it is written.

The dialog starts in her export folder (Settings, default Documents/Tovholder; never the working directory
or a git checkout: ``app.services.exports.default_export_folder``) and proposes a free name ("… (2).pdf"
when the name is taken), so nothing is replaced unless she picks an existing file herself and confirms it
in the dialog. It is Qt's own dialog, translated by Qt's Danish catalogue, unless the system's dialog
speaks the interface's language. After the export, ``ExportDoneBar`` says where the file is and opens it
(to print a PDF from the system's viewer) or its folder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.exports import default_export_folder, ensure_folder, free_path
from app.ui.common.i18n import fill, language, translate

log = logging.getLogger(__name__)

NAME_FILTERS = {"png": "PNG (*.png)", "pdf": "PDF (*.pdf)", "json": "JSON (*.json)"}


def start_folder(chosen: str) -> Path:
    """The folder the dialog opens in, made if it is not there (hers only)."""
    folder = default_export_folder(chosen)
    try:
        return ensure_folder(folder)
    except OSError:
        log.warning("export folder could not be made; the dialog starts in the home folder")
        return Path.home()


def choose_export_file(parent: QWidget, title: str, folder: Path, name: str, chosen: Callable[[Path, bool], None],
                       ) -> QFileDialog:
    """Open the save dialog in ``folder`` with ``name`` (or its first free " (n)" form) proposed.

    ``chosen(path, replace)`` follows when she saves; ``replace`` is True only if she picked a file that
    exists, which the dialog has had her confirm."""
    suffix = Path(name).suffix.lstrip(".")
    dialog = QFileDialog(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if suffix in NAME_FILTERS:
        dialog.setNameFilter(NAME_FILTERS[suffix])
    dialog.setDefaultSuffix(suffix)
    in_her_language(dialog)
    dialog.setDirectory(str(folder))
    dialog.selectFile(free_path(folder / name).name)

    def selected(path: str) -> None:
        target = Path(path)
        chosen(target, target.exists())

    dialog.fileSelected.connect(selected)
    dialog.open()
    return dialog


def in_her_language(dialog: QFileDialog) -> QFileDialog:
    """A file dialog in the interface's language: the system's own dialog when it speaks it, otherwise
    Qt's, with the two labels Qt's Danish catalogue lacks ("Look in:", "Files of type:") given here."""
    if not _system_dialog_speaks(language()):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, translate("FileDialog", "Look in:"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, translate("FileDialog", "Files of type:"))
    return dialog


def _system_dialog_speaks(lang: str) -> bool:
    wanted = QLocale.Language.Danish if lang == "da" else QLocale.Language.English
    return QLocale.system().language() == wanted


class ExportDoneBar(QWidget):
    """"Saved: Samtale 2026-11-22 N.pdf" with Open (to print, for a PDF) and Show folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel()
        self.text.setObjectName("okBanner")
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.open_button = QPushButton()
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_file)
        row.addWidget(self.open_button)
        self.folder_button = QPushButton(translate("Exports", "Show the folder"))
        self.folder_button.setAutoDefault(False)
        self.folder_button.clicked.connect(self.open_folder)
        row.addWidget(self.folder_button)
        self.hide()

    def show_file(self, path: Path) -> None:
        self.path = path
        pdf = path.suffix.lower() == ".pdf"
        self.text.setText(fill(translate("Exports", "Saved as {name} in {folder}. The file is not encrypted."),
                               name=path.name, folder=str(path.parent)))
        self.text.setToolTip(str(path))
        self.open_button.setText(translate("Exports", "Open to print") if pdf else translate("Exports", "Open"))
        self.show()

    def open_file(self) -> None:
        """Open the file in the system's viewer (where a PDF is printed)."""
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    def open_folder(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
