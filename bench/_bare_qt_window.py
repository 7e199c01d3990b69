"""Baseline for bench/startup.py: the least a PySide6 app can do before its first window is shown.

Imports PySide6.QtWidgets, shows an empty QWidget and prints ``startup-probe shown bare`` when the
window's QWindow receives its first Expose event (the same moment the app's startup probe reports), then exits 0.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QWidget


class _ExposeProbe(QObject):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.reported = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Expose and isinstance(watched, QWindow) and watched.isExposed():
            self.report()
        return False

    def report(self) -> None:
        if self.reported:
            return
        self.reported = True
        sys.stdout.write(f"startup-probe shown {self.name}\n")
        sys.stdout.flush()
        QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    app = QApplication(sys.argv)
    window = QWidget()
    window.setWindowTitle("bare")
    window.resize(480, 320)
    probe = _ExposeProbe("bare")
    window.winId()  # create the native window now, so its QWindow can be watched for Expose
    window.windowHandle().installEventFilter(probe)
    window.show()
    # Some platform plugins expose the window during show(); report then at the latest.
    QTimer.singleShot(0, lambda: probe.report() if window.windowHandle().isExposed() else None)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
