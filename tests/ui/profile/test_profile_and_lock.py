"""First start, unlock, wrong password, locking on demand and when idle: through the real windows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.errors import WrongPasswordError
from app.core.settings import Policy, Settings
from app.security.recovery import generate_keypair
from app.services.workspace import profile_exists, unlock
from app.ui.cases.new_case_dialog import NewCaseDialog
from app.ui.common.i18n import error_text
from app.ui.main_window import MainWindow
from app.ui.profile.setup_window import SetupWindow
from app.ui.profile.unlock_window import UnlockWindow
from tests.conftest import PASSWORD
from tests.helpers.tasks import settle


def test_first_start_creates_the_profile(qtbot, controller, paths):
    controller.start()
    window = controller.window
    assert isinstance(window, SetupWindow)
    qtbot.keyClicks(window.name, "Hanne Testesen")
    qtbot.keyClicks(window.password, "hanne12345")
    qtbot.keyClicks(window.repeat, "hanne12345")
    qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    # A weak password (her own name and digits) is refused with advice, and nothing is created.
    assert window.error.isVisible()
    assert not profile_exists(paths)

    window.password.clear()
    window.repeat.clear()
    qtbot.keyClicks(window.password, PASSWORD)
    qtbot.keyClicks(window.repeat, PASSWORD)
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    assert isinstance(controller.window, MainWindow)
    assert profile_exists(paths)
    assert controller.workspace.profile.name == "Hanne Testesen"
    assert controller.main.case_list.model.rowCount() == 0


def test_setup_refuses_different_passwords(qtbot, controller, paths):
    controller.start()
    window = controller.window
    qtbot.keyClicks(window.name, "Hanne Testesen")
    qtbot.keyClicks(window.password, PASSWORD)
    qtbot.keyClicks(window.repeat, PASSWORD + "x")
    qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    assert window.error.isVisible() and window.error.text()
    assert not profile_exists(paths)


def unlock_with(qtbot, controller, password: str, signal) -> None:  # type: ignore[no-untyped-def]
    window = controller.window
    assert isinstance(window, UnlockWindow)
    window.password.clear()
    qtbot.keyClicks(window.password, password)
    with qtbot.waitSignal(signal, timeout=10_000):
        qtbot.keyClick(window.password, Qt.Key.Key_Return)
    settle(qtbot)  # the main window reads its list and the forms to bring back on the database lane


def test_wrong_password_then_right_one(qtbot, controller, workspace):
    workspace.lock()
    controller.start()
    assert isinstance(controller.window, UnlockWindow)
    unlock_with(qtbot, controller, "not the password", controller.failed)
    window = controller.window
    assert window.error.isVisible()
    assert window.error.text() == error_text(WrongPasswordError())
    assert controller.workspace is None
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    assert isinstance(controller.window, MainWindow)


def test_growing_wait_after_repeated_wrong_passwords(qtbot, controller, workspace):
    workspace.lock()
    controller.start()
    for _ in range(3):
        unlock_with(qtbot, controller, "wrong", controller.failed)
    window = controller.window
    # After the third failure she has to wait: the field is disabled and the wait is shown.
    assert not window.password.isEnabled()
    assert "5" in window.status.text()


def test_lock_keeps_what_she_was_typing(qtbot, controller, workspace):
    workspace.lock()
    controller.start()
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    main = controller.main
    dialog = main.actions.new_case()
    qtbot.keyClicks(dialog.organisation, "Børneafdelingen Qzvark")
    qtbot.keyClicks(dialog.reason, "Familien ønsker hjælp til hverdagen")

    with qtbot.waitSignal(controller.locked):
        main.lock_action.trigger()
    assert isinstance(controller.window, UnlockWindow)
    assert controller.workspace is None

    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    restored = [f for f in controller.main.actions.open_forms if isinstance(f, NewCaseDialog)]
    assert len(restored) == 1
    assert restored[0].organisation.text() == "Børneafdelingen Qzvark"
    assert restored[0].reason.toPlainText() == "Familien ønsker hjælp til hverdagen"


def test_lock_shortcut(qtbot, controller, workspace):
    workspace.lock()
    controller.start()
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    qtbot.waitUntil(controller.main.isActiveWindow)
    with qtbot.waitSignal(controller.locked):
        qtbot.keyClick(controller.main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(controller.window, UnlockWindow)


def test_idle_lock(qtbot, controller, workspace):
    workspace.lock()
    controller.start()
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    assert controller.idle.interval_ms() == 5 * 60_000  # the default: five minutes
    controller.idle.set_minutes(0.002)  # as if five minutes had passed without a key or a click
    with qtbot.waitSignal(controller.locked, timeout=5_000):
        pass
    assert isinstance(controller.window, UnlockWindow)


def test_activity_postpones_the_idle_lock(qtbot, controller, workspace):
    workspace.lock()
    controller.start()
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    controller.idle.set_minutes(1)
    qtbot.waitUntil(lambda: controller.idle.remaining_ms() < 60_000 - 200)
    before = controller.idle.remaining_ms()
    qtbot.keyClick(controller.main.case_list.search, Qt.Key.Key_A)
    assert controller.idle.remaining_ms() > before


def forgot_text(qtbot, controller) -> str:  # type: ignore[no-untyped-def]
    window = controller.window
    assert isinstance(window, UnlockWindow)
    qtbot.waitUntil(window.forgot.isVisible)  # said once the key file has been read, off the screen thread
    return window.forgot.text()


def test_the_unlock_screen_promises_recovery_only_when_the_profile_has_it(qtbot, controller, workspace, paths):
    workspace.lock()
    controller.start()
    assert "ingen gendannelsesnøgle" in forgot_text(qtbot, controller)  # a profile made without IT's key

    _private_pem, public_pem = generate_keypair("kommunens hemmelige nøgle")
    # IT puts its key in the policy; it is added to the profile at her next unlock.
    unlock(paths, PASSWORD, Settings(), Policy(recovery_public_key=public_pem)).lock()
    controller.show_unlock()
    assert "IT kan åbne dine oplysninger igen" in forgot_text(qtbot, controller)


def test_the_first_start_says_what_a_forgotten_password_means(qtbot, paths, content):
    _private_pem, public_pem = generate_keypair("kommunens hemmelige nøgle")
    with_key = SetupWindow(Policy(recovery_public_key=public_pem), "da")
    without = SetupWindow(Policy(), "da")
    broken = SetupWindow(Policy(recovery_public_key="not a key"), "da")
    for window in (with_key, without, broken):
        qtbot.addWidget(window)
    assert "kun IT, der kan åbne" in with_key.intro.text()
    assert "heller ikke IT" in without.intro.text() and "heller ikke IT" in broken.intro.text()
