"""The save dialog every export goes through (app/ui/common/export_dialog.py): it starts in her export
folder (never the working directory or a git checkout), proposes a free name without the family's name,
speaks Danish under the Danish interface, replaces a file only when she picked it herself, and after the
export she can open the file (to print a PDF) or its folder. The folder is changed in Settings.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from app.ui.common import export_dialog
from app.ui.common.export_dialog import ExportDoneBar, choose_export_file, start_folder
from app.ui.common.i18n import install_translators
from app.ui.network.window import NetworkMapWindow
from app.ui.profile.settings_dialog import SettingsDialog
from tests.helpers.tasks import settle
from tests.ui.network.test_network_ui import family_case


@pytest.fixture
def window(qtbot, workspace, tmp_path):  # type: ignore[no-untyped-def]
    workspace.settings.export_folder = str(tmp_path / "Eksport")
    w = NetworkMapWindow(workspace, family_case(workspace))
    qtbot.addWidget(w)
    w.show()
    settle(qtbot)
    return w


def _buttons(dialog) -> set[str]:  # type: ignore[no-untyped-def]
    box = dialog.findChild(QDialogButtonBox)
    return {b.text().replace("&", "") for b in box.buttons()}


def test_the_map_export_dialog_starts_in_her_folder_with_a_free_name_in_danish(qtbot, window, tmp_path):
    folder = tmp_path / "Eksport"
    today = date.today().isoformat()
    window._choose_export("pdf")

    dialog = window.export_dialog
    assert dialog.isVisible() and Path(dialog.directory().absolutePath()) == folder
    assert folder.is_dir() and Path(dialog.directory().absolutePath()) != Path.cwd()
    assert dialog.selectedFiles() == [str(folder / f"Netværkskort {today} K.pdf")]  # no family name
    assert _buttons(dialog) == {"Gem", "Annuller"}
    assert not dialog.testOption(QFileDialog.Option.DontConfirmOverwrite)  # a file she picks: the dialog asks
    dialog.reject()

    (folder / f"Netværkskort {today} K.pdf").write_bytes(b"another family's map")
    window.initials_action.setChecked(False)
    window._choose_export("pdf")
    assert window.export_dialog.selectedFiles() == [str(folder / f"Netværkskort {today} K (2).pdf")]
    with qtbot.waitSignal(window.exported, timeout=20_000) as written:
        window.export_dialog.accept()
    assert written.args[0] == folder / f"Netværkskort {today} K (2).pdf"
    assert (folder / f"Netværkskort {today} K.pdf").read_bytes() == b"another family's map"
    assert written.args[0].read_bytes().startswith(b"%PDF")
    done = window.export_done_bar()
    assert done.isVisible() and written.args[0].name in done.text.text()


def test_the_dialog_speaks_english_under_the_english_interface(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(export_dialog, "_system_dialog_speaks", lambda lang: False)  # Qt's own, also on X
    install_translators("en")
    parent = ExportDoneBar()
    qtbot.addWidget(parent)
    dialog = choose_export_file(parent, "Export", tmp_path, "Conversation 2026-11-22 N.pdf", lambda *_: None)
    assert _buttons(dialog) == {"Save", "Cancel"}
    dialog.reject()


def test_a_file_she_picks_herself_is_replaced_and_only_then(qtbot, window, tmp_path):
    folder = tmp_path / "Eksport"
    window._choose_export("json")
    mine = folder / "mit kort.json"
    mine.write_bytes(b"her older file")

    # The dialog has asked her to confirm replacing it (Qt's own question); then it says which file.
    with qtbot.waitSignal(window.exported, timeout=20_000) as written:
        window.export_dialog.fileSelected.emit(str(mine))
    assert written.args[0] == mine and b"her older file" not in mine.read_bytes()
    assert sorted(p.name for p in folder.iterdir()) == ["mit kort.json"]

    window._choose_export("json")
    fresh = folder / "nyt kort.json"
    with qtbot.waitSignal(window.exported, timeout=20_000) as written:
        window.export_dialog.fileSelected.emit(str(fresh))
    assert written.args[0] == fresh


def test_after_the_export_she_opens_the_file_or_its_folder(qtbot, tmp_path, monkeypatch):
    opened: list[str] = []

    class Desktop:
        @staticmethod
        def openUrl(url):  # type: ignore[no-untyped-def]  # noqa: N802
            opened.append(url.toLocalFile())
            return True

    monkeypatch.setattr(export_dialog, "QDesktopServices", Desktop)
    bar = ExportDoneBar()
    qtbot.addWidget(bar)
    pdf = tmp_path / "Samtale 2026-11-22 N.pdf"
    bar.show_file(pdf)
    assert bar.open_button.text() == export_dialog.translate("Exports", "Open to print")

    bar.open_button.click()
    bar.folder_button.click()

    assert opened == [str(pdf), str(tmp_path)]
    bar.show_file(tmp_path / "kort.png")
    assert bar.open_button.text() == export_dialog.translate("Exports", "Open")


def test_the_start_folder_is_never_a_git_checkout(tmp_path, monkeypatch):
    checkout = tmp_path / "tovholder-checkout"
    (checkout / ".git").mkdir(parents=True)
    monkeypatch.setattr("app.services.exports.platformdirs.user_documents_dir", lambda: str(checkout / "docs"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(checkout)

    folder = start_folder(str(checkout / "demo-profile"))

    assert folder == tmp_path / "home" / "Tovholder" and folder.is_dir()


def test_she_changes_the_export_folder_in_settings(qtbot, workspace, tmp_path):
    workspace.settings.export_folder = ""
    dialog = SettingsDialog(workspace)
    qtbot.addWidget(dialog)
    checkout = tmp_path / "kode"
    (checkout / ".git").mkdir(parents=True)

    dialog.set_export_folder(str(checkout / "ud"))
    assert not dialog.export_folder_message.isHidden() and dialog.export_folder == ""

    dialog.set_export_folder(str(tmp_path / "Eksport"))
    assert dialog.export_folder_message.isHidden()
    assert str(tmp_path / "Eksport") in dialog.export_folder_label.text()
    dialog.accept()
    assert workspace.settings.export_folder == str(tmp_path / "Eksport")
