"""The keyboard reaches everything, and everything has a name a screen reader can say: Tab walks the
chain of each window and dialog; every enabled, visible control that takes focus must be reached, and
have an accessible name (its own, its text, or its form label's)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tests.helpers.tasks import settle


def focusable(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget)
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.window() is root and not w.focusProxy()]


def walk(qtbot, root: QWidget, steps: int = 400) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """The widgets Tab visits, in order, until it comes back to where it started."""
    first = focusable(root)[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    seen: list[QWidget] = []
    for _ in range(steps):
        now = QApplication.focusWidget()
        if now is None:
            break
        if seen and now is seen[0]:
            break
        seen.append(now)
        qtbot.keyClick(now, Qt.Key.Key_Tab)
    return seen


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) if interface is not None else "").strip()


def check(qtbot, root: QWidget) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    reached = walk(qtbot, root)
    missed = [describe(w) for w in focusable(root) if w not in reached and not any(w.isAncestorOf(r) for r in reached)
              and not any(r.isAncestorOf(w) for r in reached)]
    nameless = [describe(w) for w in reached
                if isinstance(w, (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit)) and not spoken_name(w)]
    return missed, nameless


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", lambda: "")() or getattr(widget, "placeholderText", lambda: "")()
    return f"{type(widget).__name__}({widget.objectName() or text or widget.accessibleName()!r})"


def test_the_main_window_with_a_case(qtbot, main_window, demo_workspace):
    from app.services.cases import dto

    main_window.resize(1366, 768)
    main_window.show()
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    main_window.open_case(demo_workspace.cases.search(dto.CaseFilter()).items[0].id)
    settle(qtbot)
    missed, nameless = check(qtbot, main_window)
    assert missed == []
    assert nameless == []


def open_form(qtbot, main_window, make):  # type: ignore[no-untyped-def]
    dialog = make()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_the_new_case_form_and_a_family_member(qtbot, main_window):
    dialog = open_form(qtbot, main_window, main_window.actions.new_case)
    missed, nameless = check(qtbot, dialog)
    assert (missed, nameless) == ([], [])
    qtbot.mouseClick(dialog.add_member_button, Qt.MouseButton.LeftButton)
    member = dialog._member_dialog
    qtbot.waitExposed(member)
    member.activateWindow()
    qtbot.waitUntil(member.isActiveWindow)
    missed, nameless = check(qtbot, member)
    assert (missed, nameless) == ([], [])


def test_the_course_forms(qtbot, main_window, demo_workspace):
    from app.services.cases import dto
    from app.ui.cases.course_dialogs import ConsentDialog, ServiceLevelDialog, TovholderDialog

    main_window.open_case(demo_workspace.cases.search(dto.CaseFilter()).items[0].id)
    settle(qtbot)
    panel = main_window.overview
    for signal, kind in ((panel.record_consent, ConsentDialog), (panel.assign_tovholder, TovholderDialog),
                         (panel.record_level, ServiceLevelDialog)):
        signal.emit()
        dialog = next(f for f in main_window.actions.open_forms if isinstance(f, kind))
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        missed, nameless = check(qtbot, dialog)
        assert (kind.__name__, missed, nameless) == (kind.__name__, [], [])
        dialog.close_for_lock()


def test_the_network_map(qtbot, main_window, demo_workspace):
    from tests.ui.network.test_network_ui import family_case

    main_window.actions.open_network_map(family_case(demo_workspace))
    settle(qtbot)
    [window] = main_window.actions.map_windows
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    missed, nameless = check(qtbot, window)
    assert (missed, nameless) == ([], [])


def test_the_settings(qtbot, main_window, demo_workspace):
    from app.ui.profile.settings_dialog import SettingsDialog

    dialog = SettingsDialog(demo_workspace, main_window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    missed, nameless = check(qtbot, dialog)
    assert (missed, nameless) == ([], [])


def test_the_conversation_every_page(qtbot, main_window, demo_workspace):
    from tests.ui.conversation.test_conversation_ui import holm_family, start

    window = start(qtbot, main_window, holm_family(demo_workspace))
    window.resize(1366, 768)
    problems = []
    for section in window.view.sections:
        window.go_to(section.key)
        settle(qtbot)
        missed, nameless = check(qtbot, window)
        if missed or nameless:
            problems.append((section.kind, missed, nameless))
    assert problems == []


def test_the_partner_directory(qtbot, main_window):
    directory = main_window.actions.open_partner_directory()
    settle(qtbot)
    qtbot.waitExposed(directory)
    directory.activateWindow()
    qtbot.waitUntil(directory.isActiveWindow)
    missed, nameless = check(qtbot, directory)
    assert (missed, nameless) == ([], [])
