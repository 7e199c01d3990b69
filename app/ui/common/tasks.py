"""The one way the screen runs work: a database lane, a small pool, results back on the GUI thread.

Modelled on Anki's ``taskman`` with ``CollectionOp``/``QueryOp``:

* ``runner().db(fn, owner=..., done=..., failed=...)`` runs ``fn`` on the **database lane**, a single
  thread that owns the profile's database connection and runs every service call in the order it was
  asked for. A save on the lane never holds up the screen, and a sync writing in the background later
  queues behind (or ahead of) her saves instead of racing them.
* ``runner().work(fn, ...)`` runs ``fn`` in a small **pool** for CPU or file work that needs no
  database (drawing a PDF, writing an export, loading modules).
* The result, or the error, comes back on the GUI thread by a queued signal. ``done(result)`` is called
  with the result; a ``KnownError`` (wrong input, disk full, no consent, …) goes to ``failed(exc)`` or,
  if the caller gave none, to the owner's ``show_problem(text)``, else to the main window's calm banner
  (``known_error`` signal). Anything else is a bug: it goes to ``unexpected`` (the app logs it, keeps
  her drafts and shows a message that stays on screen).
* ``key=``: a call with the same key as one still waiting in the lane replaces it (typing produces a
  save per pause; only the newest text needs to reach the disk). The replaced call's callbacks are not
  called; the newest call's are.
* If the ``owner`` widget is gone by the time the result arrives, the callbacks are not called (the
  work itself, e.g. a save, has still happened).

Workers run plain Python and never touch a widget; only plain dataclasses cross back (services never
return ORM objects). Python's cyclic garbage collector is switched off while work is in flight, because
a collection on a worker thread could free a Qt object there, which Qt does not allow; it is switched on
again on the GUI thread when the last task is delivered, and Python's own thresholds collect there.
An exception raised by a ``done``/``failed`` callback takes the same path as one raised by the work.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from app.core.errors import KnownError

log = logging.getLogger(__name__)

# Work that takes longer than this shows the progress line (short saves never flash it).
PROGRESS_AFTER_MS = 400


@dataclass(eq=False)
class Task:
    """One piece of work handed to the runner, and what to do with its outcome."""

    fn: Callable[[], Any]
    owner: QObject | None = None
    done: Callable[[Any], None] | None = None
    failed: Callable[[KnownError], None] | None = None
    key: str | None = None
    label: str = ""  # shown as progress when the work is long (e.g. "Laver PDF …")
    lane: str = "db"
    started: bool = False
    future: Future | None = field(default=None, repr=False)


class TaskRunner(QObject):
    """The database lane and the pool; see the module docstring."""

    known_error = Signal(object, object)  # (owner or None, KnownError) nobody else handled
    unexpected = Signal(object)  # the exception of a bug
    progress = Signal(str)  # the label of long work now running; "" when none is running
    _finished = Signal(object, bool, object)  # (task, ok, result or exception), from a worker thread

    def __init__(self, parent: QObject | None = None, pool_workers: int = 2) -> None:
        super().__init__(parent)
        self._lane = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tovholder-db")
        self._pool = ThreadPoolExecutor(max_workers=pool_workers, thread_name_prefix="tovholder-work")
        self._in_flight: list[Task] = []
        self._waiting_by_key: dict[str, Task] = {}
        self._lock = threading.Lock()
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progress_timer = QTimer(self, singleShot=True, interval=PROGRESS_AFTER_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self._shown_label = ""

    # ---- asking for work

    def db(self, fn: Callable[[], Any], *, owner: QObject | None = None,
           done: Callable[[Any], None] | None = None, failed: Callable[[KnownError], None] | None = None,
           key: str | None = None, label: str = "") -> Task:
        """Run ``fn`` (a service call) on the database lane, after everything asked for before it."""
        if key is not None:
            with self._lock:
                waiting = self._waiting_by_key.get(key)
                if waiting is not None and not waiting.started:
                    waiting.fn, waiting.owner, waiting.done, waiting.failed = fn, owner, done, failed
                    return waiting
        task = Task(fn, owner, done, failed, key, label, "db")
        if key is not None:
            with self._lock:
                self._waiting_by_key[key] = task
        self._submit(task, self._lane)
        return task

    def work(self, fn: Callable[[], Any], *, owner: QObject | None = None,
             done: Callable[[Any], None] | None = None, failed: Callable[[KnownError], None] | None = None,
             label: str = "") -> Task:
        """Run ``fn`` (no database) in the pool; results come back in the order they finish."""
        task = Task(fn, owner, done, failed, None, label, "pool")
        self._submit(task, self._pool)
        return task

    def call(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn`` on the lane and wait for it here (only for locking and quitting, where the
        screen has nothing left to show until the records are closed). Errors are raised here."""
        if threading.current_thread().name.startswith("tovholder-db"):
            return fn()
        # The collector stays off while the lane runs it, as for any other task (see the module docstring).
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._lane.submit(fn).result()
        finally:
            if collecting:
                gc.enable()

    @property
    def idle(self) -> bool:
        """No work is running or waiting to be delivered."""
        return not self._in_flight

    def shutdown(self) -> None:
        """Finish what is queued (her last saves) and stop the threads."""
        self._lane.shutdown(wait=True)
        self._pool.shutdown(wait=True)

    # ---- the machinery

    def _submit(self, task: Task, executor: ThreadPoolExecutor) -> None:
        if not self._in_flight:
            # No collection here: a full one costs 150 ms with the app loaded, and this runs on
            # (almost) every keystroke. Switching the collector back on when idle lets Python's own
            # thresholds collect, on this thread.
            gc.disable()
        self._in_flight.append(task)
        if task.label and not self._progress_timer.isActive() and not self._shown_label:
            self._progress_timer.start()
        task.future = executor.submit(self._run, task)

    def _run(self, task: Task) -> None:
        with self._lock:
            task.started = True
            if task.key is not None and self._waiting_by_key.get(task.key) is task:
                del self._waiting_by_key[task.key]
            fn = task.fn
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - every error goes back to the GUI thread
            self._finished.emit(task, False, exc)
        else:
            self._finished.emit(task, True, result)

    def _deliver(self, task: Task, ok: bool, value: Any) -> None:
        if task in self._in_flight:
            self._in_flight.remove(task)
        if not self._in_flight:
            gc.enable()
        self._update_progress()
        try:
            self._hand_over(task, ok, value)
        except KnownError as exc:  # a callback's own refusal (e.g. a follow-up read): the calm banner
            self.known_error.emit(task.owner, exc)
        except Exception as exc:  # noqa: BLE001 - a bug in a callback takes the same path as any bug
            self.unexpected.emit(exc)

    def _hand_over(self, task: Task, ok: bool, value: Any) -> None:
        owner_alive = task.owner is None or shiboken6.isValid(task.owner)
        if ok:
            if task.done is not None and owner_alive:
                task.done(value)
            return
        if isinstance(value, KnownError):
            log.info("%s refused: %s", task.lane, type(value).__name__)
            if not owner_alive:
                return
            if task.failed is not None:
                task.failed(value)
            elif task.owner is not None and callable(getattr(task.owner, "show_problem", None)):
                from app.ui.common.i18n import error_text

                task.owner.show_problem(error_text(value))
            else:
                self.known_error.emit(task.owner, value)
            return
        self.unexpected.emit(value)

    def _update_progress(self) -> None:
        if any(t.label for t in self._in_flight):
            if self._shown_label:
                self._show_progress()
            elif not self._progress_timer.isActive():
                self._progress_timer.start()
            return
        self._progress_timer.stop()
        if self._shown_label:
            self._shown_label = ""
            self.progress.emit("")

    def _show_progress(self) -> None:
        label = next((t.label for t in self._in_flight if t.label), "")
        if label != self._shown_label:
            self._shown_label = label
            self.progress.emit(label)


_runner: TaskRunner | None = None


def runner() -> TaskRunner:
    """The application's one task runner (made on first use, owned by the QApplication)."""
    global _runner
    if _runner is None or not shiboken6.isValid(_runner):
        _runner = TaskRunner(QCoreApplication.instance())
    return _runner
