"""The case overview's tables on a laptop screen (1366x768): long names are shown in full, and a family
with a long history still shows every conversation, with columns sized from what they hold."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTableView

from app.services.cases import dto
from app.services.workspace import Workspace
from app.ui.cases.overview_panel import WIDTH_SAMPLE_ROWS
from app.ui.main_window import MainWindow
from tests.helpers.families import family, me_as_tovholder, participation

LONG_FIRST = "Karoline-Sofie Margrethe"
LONG_SURNAME = "Bech-Østergaard-Vestergaard Søndergaard"
SHORT_SURNAME = "Bo"


def on_day(ws: Workspace, day: date) -> Workspace:
    return Workspace(ws.paths, ws.settings, ws.policy, ws.content, ws.store, ws.profile, lambda: day)


@pytest.fixture
def laptop_window(qtbot, workspace):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitExposed(window):
        window.show()
    return window


def open_case(qtbot, window: MainWindow, case_id: str, family_name: str) -> None:
    """Choose the family in the case list, as she would, and wait until the overview shows it."""
    window.case_list.refresh()
    qtbot.waitUntil(lambda: any(item.id == case_id for item in window.case_list.model.rows()))
    row = next(r for r, item in enumerate(window.case_list.model.rows()) if item.id == case_id)
    window.case_list.table.setCurrentIndex(window.case_list.proxy.mapFromSource(window.case_list.model.index(row, 0)))
    qtbot.waitUntil(lambda: window.right.currentWidget() is window.overview
                    and window.overview.family_title.text() == family_name)


def cell_is_whole(view: QTableView, index: QModelIndex) -> bool:
    """The cell's text fits its column (as the view draws it: nothing elided)."""
    return view.sizeHintForIndex(index).width() <= view.columnWidth(index.column())


def member_row(window: MainWindow, first_name: str) -> int:
    return next(r for r, m in enumerate(window.overview.members_model.rows()) if m.first_name == first_name)


def test_a_long_name_is_shown_in_full_in_the_family_table(qtbot, laptop_window, workspace):
    long_member = dto.MemberInput("far", LONG_FIRST, LONG_SURNAME, birth_date=date(1984, 8, 19))
    case = workspace.cases.create_case(family(surname=LONG_SURNAME, extra=(long_member,)))
    open_case(qtbot, laptop_window, case.id, f"Familien {LONG_SURNAME}")

    view = laptop_window.overview.members_view
    model = laptop_window.overview.members_model
    index = model.index(member_row(laptop_window, LONG_FIRST), 0)
    assert model.data(index) == f"{LONG_FIRST} {LONG_SURNAME}"
    assert cell_is_whole(view, index)
    # and so is every other cell of the family table but the last, which takes the rest of the width
    for row in range(model.rowCount()):
        for column in range(model.columnCount() - 1):
            assert cell_is_whole(view, model.index(row, column)), (row, column, model.data(model.index(row, column)))


def test_the_name_column_widens_for_the_next_family(qtbot, laptop_window, workspace):
    short = workspace.cases.create_case(family(surname=SHORT_SURNAME, child="Li"))
    long_case = workspace.cases.create_case(family(surname=LONG_SURNAME, child=LONG_FIRST))
    open_case(qtbot, laptop_window, short.id, f"Familien {SHORT_SURNAME}")
    view = laptop_window.overview.members_view
    short_width = view.columnWidth(0)

    open_case(qtbot, laptop_window, long_case.id, f"Familien {LONG_SURNAME}")
    qtbot.waitUntil(lambda: laptop_window.overview.members_model.rowCount() == 2)
    assert view.columnWidth(0) > short_width
    index = laptop_window.overview.members_model.index(member_row(laptop_window, LONG_FIRST), 0)
    assert cell_is_whole(view, index)


def test_a_long_history_lists_every_conversation_with_whole_dates_and_guides(qtbot, laptop_window, workspace):
    first_day = date(2026, 1, 5)
    start = on_day(workspace, first_day)
    case = start.cases.create_case(family(surname=LONG_SURNAME, referred_on=first_day - timedelta(days=3)))
    start.course.record_consent(case.id, participation(first_day - timedelta(days=1)))
    start.course.assign_tovholder(case.id, me_as_tovholder(first_day))
    count = WIDTH_SAMPLE_ROWS + 10  # more than the rows measured for the widths
    for k in range(count):
        then = on_day(workspace, first_day + timedelta(days=7 * k))
        view = then.conversations.start(case.id)
        for section in view.unaddressed_members:
            then.conversations.set_member_status(view.id, section.key, "addressed")
        then.conversations.complete(view.id)

    open_case(qtbot, laptop_window, case.id, f"Familien {LONG_SURNAME}")
    panel = laptop_window.overview
    qtbot.waitUntil(lambda: panel.conversations_model.rowCount() == count)
    table = panel.conversations_view
    model = panel.conversations_model
    # the rows beyond the measured sample hold the same kind of text, and fit too (dates, guide, status)
    for row in (0, WIDTH_SAMPLE_ROWS, count - 1):
        for column in range(model.columnCount() - 1):
            assert cell_is_whole(table, model.index(row, column)), (row, column, model.data(model.index(row, column)))
    assert table.isVisible()


def test_a_long_reason_in_the_last_column_is_shown_in_full_and_scrolls(qtbot, laptop_window, workspace):
    reason = ("Har kontakten til familien og kender skolen, egen læge, diætisten, sygehusets børneafdeling, "
              "kommunens familieafdeling og PPR fra det tidligere forløb, og familien har selv bedt om det")
    case = workspace.cases.create_case(family(surname=LONG_SURNAME))
    workspace.course.record_consent(case.id, participation())
    workspace.course.assign_tovholder(case.id, dto.TovholderInput(date(2026, 11, 3), reason, True, is_me=True))
    open_case(qtbot, laptop_window, case.id, f"Familien {LONG_SURNAME}")

    view = laptop_window.overview.tovholder_view
    model = laptop_window.overview.tovholder_model
    last = model.columnCount() - 1
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.data(model.index(0, last)) == reason
    assert cell_is_whole(view, model.index(0, last))
    # and still after she makes the window wider (still not as wide as the text)
    laptop_window.resize(1600, 900)
    qtbot.waitUntil(lambda: laptop_window.width() == 1600)
    assert cell_is_whole(view, model.index(0, last))
    assert view.horizontalScrollBar().maximum() > 0  # wider than the card: she scrolls to read it
