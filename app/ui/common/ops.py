"""Background work: hand a function to a worker thread, get the result back on the GUI thread.

Used for slow work (deriving the key from the password, migrating the database, loading modules).
The worker runs plain Python and touches no Qt object; a timer on the GUI thread watches its
``Future`` and calls the callbacks there. No Qt signal crosses threads.

Python's cyclic garbage collector is switched off while a worker runs: otherwise it could run on
the worker thread and free an unreachable Qt object there, which Qt does not allow (it crashes).
It is switched on again on the GUI thread when the last worker has finished.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tovholder-op")
_running = 0
POLL_MS = 15


class Operation(QObject):
    """``Operation(parent, fn).on_success(cb).on_failure(cb).run()``."""

    def __init__(self, parent: QObject | None, fn: Callable[[], Any]) -> None:
        super().__init__(parent)
        self._fn = fn
        self._on_success: list[Callable[[Any], None]] = []
        self._on_failure: list[Callable[[BaseException], None]] = []
        self._future: Future[Any] | None = None
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)

    def on_success(self, callback: Callable[[Any], None]) -> Operation:
        self._on_success.append(callback)
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> Operation:
        self._on_failure.append(callback)
        return self

    def run(self) -> Operation:
        global _running
        if _running == 0:
            gc.collect()
            gc.disable()
        _running += 1
        self._future = _executor.submit(self._fn)
        self._timer.start()
        return self

    def _poll(self) -> None:
        global _running
        assert self._future is not None
        if not self._future.done():
            return
        self._timer.stop()
        _running -= 1
        if _running == 0:
            gc.enable()
        error = self._future.exception()
        try:
            if error is None:
                result = self._future.result()
                for callback in self._on_success:
                    callback(result)
            else:
                for callback in self._on_failure:
                    callback(error)
        finally:
            self._future = None
            self.deleteLater()
