"""Bad input in the windows: a damaged key file, a full disk mid-save, invalid fields. The user is
told in plain words and nothing she typed is lost."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.errors import DiskFullError, KeyFileError
from app.services.cases import dto
from app.ui.cases.course_dialogs import ServiceLevelDialog
from app.ui.common.i18n import error_text
from app.ui.main_window import MainWindow
from app.ui.profile.settings_dialog import SettingsDialog
from app.ui.profile.unlock_window import UnlockWindow
from tests.conftest import PASSWORD
from tests.helpers.tasks import settle
from tests.ui.profile.test_profile_and_lock import unlock_with


def test_damaged_key_file_is_explained_and_nothing_is_overwritten(qtbot, controller, workspace, paths):
    workspace.lock()
    paths.key_file.write_text("{ this is not the key file", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in paths.data_dir.iterdir() if p.is_file()}
    controller.start()
    assert isinstance(controller.window, UnlockWindow)
    unlock_with(qtbot, controller, PASSWORD, controller.failed)
    assert controller.window.error.text() == error_text(KeyFileError())
    after = {p.name: p.read_bytes() for p in paths.data_dir.iterdir() if p.is_file()}
    assert after == before


def test_missing_key_file(qtbot, controller, workspace, paths):
    workspace.lock()
    paths.key_file.unlink()
    controller.start()
    # The database is still there, so this is not a first start: she is told what happened.
    assert isinstance(controller.window, UnlockWindow)
    unlock_with(qtbot, controller, PASSWORD, controller.failed)
    assert controller.window.error.text() == error_text(KeyFileError())
    assert paths.database.exists()


def test_full_disk_while_saving_keeps_the_form_open(qtbot, main_window, demo_workspace, monkeypatch):
    case = demo_workspace.cases.search(dto.CaseFilter(status="open")).items[0]
    main_window.open_case(case.id)
    settle(qtbot)
    main_window.overview.record_level.emit()
    dialog = next(f for f in main_window.actions.open_forms if isinstance(f, ServiceLevelDialog))
    dialog.levels.button(2).setChecked(True)
    qtbot.keyClicks(dialog.reason, "Behovsbesøg pga. søvnproblemer")
    levels_before = len(demo_workspace.cases.overview(case.id).service_levels)

    def disk_full(*args, **kwargs):
        raise DiskFullError()

    monkeypatch.setattr(demo_workspace.course, "record_service_level", disk_full)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.isVisible()
    assert dialog.error.text() == error_text(DiskFullError())
    assert dialog.reason.toPlainText() == "Behovsbesøg pga. søvnproblemer"
    monkeypatch.undo()
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert len(demo_workspace.cases.overview(case.id).service_levels) == levels_before + 1


def test_future_date_is_refused_inline(qtbot, main_window, demo_workspace):
    case = demo_workspace.cases.search(dto.CaseFilter(status="open")).items[0]
    main_window.open_case(case.id)
    settle(qtbot)
    main_window.overview.record_level.emit()
    dialog = next(f for f in main_window.actions.open_forms if isinstance(f, ServiceLevelDialog))
    dialog.levels.button(3).setChecked(True)
    dialog.decided_on.setText("01-01-2030")
    qtbot.keyClicks(dialog.reason, "Tværfaglig indsats")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.isVisible() and dialog.date_error.isVisible()
    dialog.decided_on.setText("31-02-2026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.isVisible() and dialog.date_error.isVisible()


def test_switching_to_english_and_back(qtbot, controller, workspace):
    workspace.lock()
    controller.start()
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    assert controller.main.new_case_action.text() == "+ Nyt forløb"
    controller.open_settings()
    dialog = controller.main.findChild(SettingsDialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(controller.unlocked):
        dialog.accept()
    assert isinstance(controller.window, MainWindow)
    assert controller.main.new_case_action.text() == "+ New case"
    assert controller.settings.language == "en"
    controller.open_settings()
    dialog = controller.main.findChild(SettingsDialog)
    dialog.language.setCurrentIndex(dialog.language.findData("da"))
    with qtbot.waitSignal(controller.unlocked):
        dialog.accept()
    assert controller.main.new_case_action.text() == "+ Nyt forløb"


def test_keyboard_only_search_and_open(qtbot, main_window, demo_workspace):
    item = demo_workspace.cases.search(dto.CaseFilter(status="open")).items[3]
    main_window.setFocus()
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert main_window.case_list.search.hasFocus()
    qtbot.keyClicks(main_window.case_list.search, item.family_name.split()[-1])
    qtbot.waitUntil(lambda: 0 < main_window.case_list.model.rowCount() <= 40)
    qtbot.keyClick(main_window.case_list.search, Qt.Key.Key_Return)
    settle(qtbot)
    assert main_window.overview.overview is not None
    assert item.family_name.split()[-1] in main_window.overview.family_title.text()
