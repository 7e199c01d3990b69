"""The task runner: results and errors back on the GUI thread, in order; ``key=`` replaces a waiting
call; a gone owner hears nothing; KnownErrors and bugs take their own paths; long work shows a label;
the garbage collector is on again when nothing runs.

Each test uses its own runner and controls the lane with ``threading.Event``s (never sleeps)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.core.errors import KnownError, ValidationError
from app.ui.common import tasks
from app.ui.common.tasks import TaskRunner

WAIT_MS = 10_000


@pytest.fixture
def lane(qtbot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)
    runner.shutdown()
    runner.deleteLater()


def blocker(runner: TaskRunner) -> threading.Event:
    """Put a task on the lane that waits until the returned event is set."""
    release = threading.Event()
    runner.db(lambda: release.wait(WAIT_MS / 1000))
    return release


class Owner(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def show_problem(self, text: str) -> None:
        self.problems.append(text)


def test_results_and_errors_arrive_in_order_on_the_gui_thread(qtbot, lane):
    gui = threading.current_thread()
    events: list[tuple[str, object, threading.Thread]] = []
    ran_on: list[str] = []
    release = blocker(lane)

    def step(n: int) -> int:
        ran_on.append(threading.current_thread().name)
        if n == 2:
            raise ValidationError("Errors", field="name")
        return n

    for n in range(5):
        lane.db(lambda n=n: step(n),
                done=lambda r: events.append(("done", r, threading.current_thread())),
                failed=lambda e: events.append(("failed", type(e).__name__, threading.current_thread())))
    assert events == []  # nothing is delivered while the lane is held
    assert not lane.idle
    release.set()
    qtbot.waitUntil(lambda: lane.idle, timeout=WAIT_MS)

    assert [(kind, value) for kind, value, _ in events] == [
        ("done", 0), ("done", 1), ("failed", "ValidationError"), ("done", 3), ("done", 4)]
    assert all(thread is gui for _, _, thread in events)
    assert ran_on and all(name.startswith("tovholder-db") for name in ran_on)


def test_a_key_replaces_the_waiting_call_and_only_the_newest_callbacks_run(qtbot, lane):
    written: list[str] = []
    heard: list[str] = []
    release = blocker(lane)
    first = lane.db(lambda: written.append("a") or "a", done=lambda r: heard.append("first " + r), key="note")
    for text in ("ab", "abc"):
        latest = lane.db(lambda text=text: written.append(text) or text,
                         done=lambda r, text=text: heard.append(text + " " + r), key="note")
    other = lane.db(lambda: written.append("other") or "other", done=heard.append, key="other-field")
    assert latest is first  # the waiting call was replaced, not queued again
    assert other is not first
    release.set()
    qtbot.waitUntil(lambda: lane.idle, timeout=WAIT_MS)
    assert written == ["abc", "other"]
    assert heard == ["abc abc", "other"]


def test_a_key_does_not_replace_a_call_that_has_started(qtbot, lane):
    started, release = threading.Event(), threading.Event()
    written: list[str] = []

    def slow_save() -> None:
        started.set()
        release.wait(WAIT_MS / 1000)
        written.append("first")

    lane.db(slow_save, key="note")
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    lane.db(lambda: written.append("second"), key="note")
    release.set()
    qtbot.waitUntil(lambda: lane.idle, timeout=WAIT_MS)
    assert written == ["first", "second"]


def test_a_gone_owner_is_not_called_but_the_work_happens(qtbot, lane):
    owner = Owner()
    ran: list[str] = []
    called: list[str] = []
    release = blocker(lane)
    lane.db(lambda: ran.append("saved"), owner=owner, done=lambda _: called.append("done"))
    lane.db(lambda: (_ for _ in ()).throw(KnownError()), owner=owner,
            failed=lambda _: called.append("failed"))
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=WAIT_MS)
    release.set()
    qtbot.waitUntil(lambda: lane.idle, timeout=WAIT_MS)
    assert ran == ["saved"]
    assert called == []


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_a_known_error_without_failed_goes_to_show_problem_or_the_banner(qtbot, lane):
    owner = Owner()
    qtbot.addWidget(owner)
    banner: list[tuple[object, str]] = []
    lane.known_error.connect(lambda who, exc: banner.append((who, type(exc).__name__)))
    unexpected: list[BaseException] = []
    lane.unexpected.connect(unexpected.append)

    def refuse() -> None:
        raise KnownError()

    lane.db(refuse, owner=owner)
    qtbot.waitUntil(lambda: lane.idle, timeout=WAIT_MS)
    assert len(owner.problems) == 1 and owner.problems[0]
    assert banner == []

    plain = QObject()  # an owner without show_problem
    lane.db(refuse, owner=plain)
    lane.db(refuse)
    qtbot.waitUntil(lambda: lane.idle, timeout=WAIT_MS)
    assert banner == [(plain, "KnownError"), (None, "KnownError")]
    assert len(owner.problems) == 1
    assert unexpected == []


def test_a_bug_goes_to_unexpected_also_from_the_pool_and_from_a_callback(qtbot, lane):
    owner = Owner()
    qtbot.addWidget(owner)
    bugs: list[str] = []
    lane.unexpected.connect(lambda exc: bugs.append(f"{type(exc).__name__}:{exc}"))
    failed: list[object] = []
    lane.db(lambda: 1 / 0, owner=owner, failed=failed.append)
    lane.work(lambda: {}["missing"], owner=owner)

    def broken_callback(_: object) -> None:
        raise RuntimeError("in done")

    lane.db(lambda: 1, done=broken_callback)
    qtbot.waitUntil(lambda: lane.idle and len(bugs) == 3, timeout=WAIT_MS)
    assert sorted(bugs) == sorted(["ZeroDivisionError:division by zero", "KeyError:'missing'",
                                   "RuntimeError:in done"])
    assert failed == []  # a bug is not a refusal
    assert owner.problems == []


def test_pool_work_runs_off_the_lane_and_delivers_on_the_gui_thread(qtbot, lane):
    gui = threading.current_thread()
    release = blocker(lane)  # the lane is busy; the pool is not held up by it
    result: list[tuple[str, threading.Thread]] = []
    lane.work(lambda: threading.current_thread().name,
              done=lambda name: result.append((name, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(result), timeout=WAIT_MS)
    assert result[0][0].startswith("tovholder-work")
    assert result[0][1] is gui
    release.set()


def test_long_work_shows_its_label_and_clears_it(qtbot, lane, monkeypatch):
    lane._progress_timer.setInterval(1)
    shown: list[str] = []
    lane.progress.connect(shown.append)
    release = threading.Event()
    with qtbot.waitSignal(lane.progress, timeout=WAIT_MS, check_params_cb=lambda text: text == "Making the PDF"):
        lane.work(lambda: release.wait(WAIT_MS / 1000), label="Making the PDF")
    assert not lane.idle
    with qtbot.waitSignal(lane.progress, timeout=WAIT_MS, check_params_cb=lambda text: text == ""):
        release.set()
    assert shown == ["Making the PDF", ""]


def test_short_unlabelled_work_shows_no_progress(qtbot, lane):
    shown: list[str] = []
    lane.progress.connect(shown.append)
    lane.db(lambda: 1)
    qtbot.waitUntil(lambda: lane.idle, timeout=WAIT_MS)
    assert shown == []


def test_the_collector_is_off_while_work_runs_and_on_again_when_idle(qtbot, lane):
    assert gc.isenabled()
    release = blocker(lane)
    seen: list[bool] = []
    lane.db(lambda: seen.append(gc.isenabled()))
    assert not gc.isenabled()
    release.set()
    qtbot.waitUntil(lambda: lane.idle, timeout=WAIT_MS)
    assert seen == [False]
    assert gc.isenabled()

    assert lane.call(lambda: gc.isenabled()) is False  # a blocking call is guarded too
    assert gc.isenabled()


def test_call_runs_on_the_lane_after_what_is_queued_and_raises_here(qtbot, lane):
    order: list[str] = []
    lane.db(lambda: order.append("queued save"))
    assert lane.call(lambda: order.append("lock") or threading.current_thread().name).startswith("tovholder-db")
    assert order == ["queued save", "lock"]
    with pytest.raises(KnownError):
        lane.call(lambda: (_ for _ in ()).throw(KnownError()))


def test_runner_is_one_per_application(qapp):
    assert tasks.runner() is tasks.runner()
    assert tasks.runner().parent() is qapp
