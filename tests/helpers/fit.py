"""Finding text that does not fit its widget: a wrapped label shorter than the height its text needs
at its width, a one-line label or a button narrower than its text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget


def cut_texts(root: QWidget) -> list[str]:
    """What is cut off or squeezed among ``root``'s visible labels and buttons (empty: all fits), once
    the layouts have settled (a new text is laid out on the event loop's next turn)."""
    for _ in range(10):  # a scroll area lays out its page, then the page its rows: a few turns
        QApplication.processEvents()
    found = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text() or label.textFormat() == Qt.TextFormat.RichText:
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width()) if label.hasHeightForWidth() else -1
            if needed > 0 and label.height() + 1 < needed:
                found.append(f"{label.text()[:40]!r}: {label.height()} px high, needs {needed}")
        elif "\n" not in label.text():
            needed = label.fontMetrics().horizontalAdvance(label.text())
            if label.contentsRect().width() + 1 < needed:
                found.append(f"{label.text()[:40]!r}: {label.contentsRect().width()} px wide, needs {needed}")
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.width() + 1 < button.minimumSizeHint().width():
            found.append(f"button {button.text()[:40]!r}: {button.width()} px wide, needs "
                         f"{button.minimumSizeHint().width()}")
    return found
