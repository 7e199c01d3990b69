"""Waiting for the task runner in UI tests: the screen hands its work to the database lane, so a
test waits for the lane (never sleeps) before it looks at what was saved or shown."""

from __future__ import annotations

from app.ui.common.tasks import runner


def settle(qtbot, timeout: int = 10_000) -> None:
    """Wait until every task asked for so far has run and its result has reached the screen."""
    qtbot.waitUntil(lambda: runner().idle, timeout=timeout)
