"""The keyboard at the kitchen table: Tab never traps her in a table or a text box, and the control
that has the focus is always in view."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QTableView

from app.services.cases import dto
from tests.helpers.tasks import settle


def test_tab_leaves_the_case_list_and_the_reason_box(qtbot, main_window):
    table = main_window.case_list.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()  # on to the next control, not the next cell

    dialog = main_window.actions.new_case()
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "Bekymret")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)
    assert dialog.reason.toPlainText() == "Bekymret" and not dialog.reason.hasFocus()  # no tab character


def test_the_focused_control_is_scrolled_into_view(qtbot, main_window, demo_workspace):
    main_window.resize(1366, 768)
    main_window.show()
    main_window.activateWindow()  # focus moves (and is followed) in the window she is using
    qtbot.waitUntil(main_window.isActiveWindow)
    case_id = demo_workspace.cases.search(dto.CaseFilter()).items[0].id
    main_window.open_case(case_id)
    settle(qtbot)
    page = main_window.overview
    bottom = [t for t in page.widget().findChildren(QTableView) if not t.isHidden()][-1]  # the last one shown
    page.verticalScrollBar().setValue(0)
    assert not QRect(QPoint(0, 0), page.viewport().size()).contains(
        bottom.mapTo(page.viewport(), QPoint(0, 0)))  # below what she sees
    bottom.setFocus(Qt.FocusReason.BacktabFocusReason)  # as Shift+Tab would
    QApplication.processEvents()
    top_left = bottom.mapTo(page.viewport(), QPoint(0, 0))
    assert QRect(QPoint(0, 0), page.viewport().size()).contains(top_left)
