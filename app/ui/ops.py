"""Background work: hand a function to a worker thread, get the result back on the GUI thread.

Used for slow work (deriving the key from the password, migrating the database). Widgets are never
touched from the worker; the result arrives through a queued signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)
_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tovholder-op")


class Operation(QObject):
    """``Operation(parent, fn).on_success(cb).on_failure(cb).run()``."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None, fn: Callable[[], Any]) -> None:
        super().__init__(parent)
        self._fn = fn

    def on_success(self, callback: Callable[[Any], None]) -> Operation:
        self.succeeded.connect(callback)
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> Operation:
        self.failed.connect(callback)
        return self

    def run(self) -> Operation:
        # Delete this object on the GUI thread once the result has been delivered.
        self.succeeded.connect(self.deleteLater)
        self.failed.connect(self.deleteLater)
        _executor.submit(self._work)
        return self

    def _work(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread, which decides
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
