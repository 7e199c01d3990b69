"""Small helpers the benchmarks share (besides bench/store.py's profiles and statistics)."""

from __future__ import annotations

import sys
from datetime import date

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

from app.services.workspace import Workspace


def quiet_qt_messages() -> None:
    """Drop the offscreen plugin's notice that it cannot propagate size hints; keep every other message."""
    def handler(mode: QtMsgType, context, message: str) -> None:  # type: ignore[no-untyped-def]
        if "does not support propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def on_day(ws: Workspace, day: date) -> Workspace:
    """The same open profile with another ``today`` (the history happened on earlier days)."""
    return Workspace(ws.paths, ws.settings, ws.policy, ws.content, ws.store, ws.profile, lambda: day)
