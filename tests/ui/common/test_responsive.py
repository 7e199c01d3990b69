"""The screen stays responsive while the database lane is busy, and a bug is told calmly without
losing what she typed. Slow work is simulated by a service call that waits on a ``threading.Event``."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import Qt, QTimer

from app.core.errors import DiskFullError
from app.services.cases import dto
from app.ui.cases.course_dialogs import ServiceLevelDialog
from app.ui.cases.new_case_dialog import NewCaseDialog
from app.ui.common.i18n import error_text, translate
from app.ui.common.tasks import runner
from tests.conftest import PASSWORD
from tests.helpers.tasks import settle
from tests.ui.profile.test_profile_and_lock import unlock_with

WAIT_S = 10
BUG_TEXT = ("Something unexpected happened. What you were typing has been kept as a draft. If it happens "
            "again, tell IT what you were doing; the log file holds the details (without personal data).")


def test_typing_and_timers_go_on_while_a_search_waits_on_the_lane(qtbot, main_window, demo_workspace,
                                                                    monkeypatch):
    settle(qtbot)
    panel = main_window.case_list
    family = demo_workspace.cases.search(dto.CaseFilter(status="open")).items[0].family_name.split()[-1]
    search = demo_workspace.cases.search
    asked: list[str] = []
    started, release = threading.Event(), threading.Event()

    def slow_search(flt: dto.CaseFilter) -> dto.CaseList:
        asked.append(flt.query)
        started.set()
        assert release.wait(WAIT_S)
        return search(flt)

    monkeypatch.setattr(demo_workspace.cases, "search", slow_search)
    qtbot.keyClicks(panel.search, family[:2])
    qtbot.waitUntil(started.is_set)  # the lane is now held by the first search

    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: fired == [True])
    # She goes on typing; each pause queues a search, and the newest replaces the one still waiting.
    qtbot.keyClicks(panel.search, family[2:-1])
    qtbot.waitUntil(lambda: not panel._search_timer.isActive())
    qtbot.keyClicks(panel.search, family[-1])
    qtbot.waitUntil(lambda: not panel._search_timer.isActive())
    assert panel.search.text() == family
    assert not release.is_set() and asked == [family[:2]]

    release.set()
    settle(qtbot)
    assert asked == [family[:2], family]
    expected = search(dto.CaseFilter(query=family, status="open")).items
    assert [item.id for item in panel.model.rows()] == [item.id for item in expected]


def test_a_bug_shows_a_message_that_stays_and_the_open_form_keeps_its_text(qtbot, controller, workspace,
                                                                          monkeypatch):
    workspace.lock()
    controller.start()
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    main = controller.main
    dialog = main.actions.new_case()
    qtbot.keyClicks(dialog.organisation, "Børneafdelingen Qzvark")

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the service")

    monkeypatch.setattr(controller.workspace.cases, "search", broken)
    unlock_failures: list[str] = []
    controller.failed.connect(unlock_failures.append)
    main.case_list.refresh()
    settle(qtbot)
    gc.collect()  # nothing but the controller keeps the box: it must survive a collection
    qtbot.waitUntil(lambda: controller.bug_box is not None and controller.bug_box.isVisible())
    box = controller.bug_box
    assert box.text() == translate("Errors", BUG_TEXT)
    assert unlock_failures == []  # a bug after unlocking does not touch the unlock screen

    # Her windows stay open with what she typed, and the draft is written as well.
    assert controller.main is main and main.isVisible()
    assert dialog.isVisible() and dialog.organisation.text() == "Børneafdelingen Qzvark"
    settle(qtbot)
    draft = controller.workspace.drafts.get("new_case")
    assert draft is not None and "Børneafdelingen Qzvark" in str(draft.payload)
    assert isinstance(next(f for f in main.actions.open_forms), NewCaseDialog)

    # A second bug does not stack a second box; closing it lets it go.
    main.case_list.refresh()
    settle(qtbot)
    assert controller.bug_box is box and box.isVisible()
    box.close()
    qtbot.waitUntil(lambda: controller.bug_box is None)


def test_a_form_stays_open_and_holds_what_is_being_saved_while_its_save_waits(qtbot, main_window, demo_workspace,
                                                                               monkeypatch):
    settle(qtbot)
    case = demo_workspace.cases.search(dto.CaseFilter(status="open")).items[0]
    main_window.open_case(case.id)
    settle(qtbot)
    main_window.overview.record_level.emit()
    dialog = next(f for f in main_window.actions.open_forms if isinstance(f, ServiceLevelDialog))
    dialog.levels.button(2).setChecked(True)
    qtbot.keyClicks(dialog.reason, "Behovsbesøg")
    record = demo_workspace.course.record_service_level
    started, release = threading.Event(), threading.Event()

    def slow_record(*args, **kwargs):
        started.set()
        assert release.wait(WAIT_S)
        return record(*args, **kwargs)

    monkeypatch.setattr(demo_workspace.course, "record_service_level", slow_record)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set)
    assert dialog.isVisible() and not dialog.save_button.isEnabled()  # not pressed twice
    # What she sees is what is being saved: a key pressed now is not taken (and so never shown and
    # then silently dropped when the dialog closes with what was saved).
    qtbot.keyClicks(dialog.reason, " hver uge")
    assert dialog.reason.toPlainText() == "Behovsbesøg"
    assert not dialog.levels.button(3).isEnabled()
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_S * 1000):
        release.set()
    settle(qtbot)
    assert [level.reason for level in demo_workspace.cases.overview(case.id).service_levels][-1] == "Behovsbesøg"


def test_long_work_shows_a_progress_line_and_refusals_the_calm_banner(qtbot, main_window):
    settle(qtbot)
    bar = main_window.statusBar()
    assert not bar.isVisible()
    release = threading.Event()
    runner().work(lambda: release.wait(WAIT_S), label="Laver PDF …")
    qtbot.waitUntil(lambda: bar.isVisible() and main_window.progress_label.text() == "Laver PDF …",
                    timeout=WAIT_S * 1000)
    assert main_window.progress_bar.isVisible() and main_window.progress_bar.maximum() == 0
    release.set()
    settle(qtbot)
    assert not bar.isVisible()

    assert not main_window.banner.isVisible()

    def refuse() -> None:
        raise DiskFullError()

    runner().db(refuse)  # no owner, no failed: the main window's banner tells her
    settle(qtbot)
    assert main_window.banner.isVisible() and main_window.banner.text() == error_text(DiskFullError())
