"""Keyboard use across the app: the control that has the focus is always in view.

Tables and lists leave the Tab key to move between controls (the arrow keys move inside them), and
text boxes pass Tab on to the next field; each widget sets that where it is made
(``setTabKeyNavigation(False)``, ``setTabChangesFocus(True)``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

FOCUS_MARGIN = 24  # pixels kept around a control scrolled into view


def follow_focus(app: QApplication) -> None:
    """Scroll every pane that holds the newly focused control so that the control is seen (Shift+Tab
    into a table below the visible part of a page, for instance)."""
    app.focusChanged.connect(_into_view)


def _into_view(_old: QWidget | None, now: QWidget | None) -> None:
    if now is None:
        return
    parent = now.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None and parent.widget().isAncestorOf(now):
            parent.ensureWidgetVisible(now, FOCUS_MARGIN, FOCUS_MARGIN)
        parent = parent.parentWidget()
