"""Small widgets shared by the screens: cards, inline errors, a date field, a password meter, a tab
built when first shown."""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.ui.common.i18n import fill, format_date, translate


class Card(QFrame):
    """A white panel with a title, the building block of the case overview."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 14)
        self._layout.setSpacing(8)
        header = QHBoxLayout()
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        header.addWidget(self.title)
        header.addStretch(1)
        self.actions = header
        self._layout.addLayout(header)

    def add_action(self, button: QPushButton) -> QPushButton:
        self.actions.addWidget(button)
        return button

    def body(self) -> QVBoxLayout:
        return self._layout


class ErrorLabel(QLabel):
    """An inline message under a field or at the top of a form; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorLabel")
        self.setWordWrap(True)
        self.setAccessibleName(translate("Widgets", "Message about this field"))
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")


def form_row(form: QFormLayout, text: str, widget: QWidget | QLayout) -> ErrorLabel:
    """Add a labelled field and, under it, the line where its error is shown; returns that line."""
    error = ErrorLabel()
    form.addRow(text, widget)
    form.addRow("", error)
    return error


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def banner(text: str, kind: str = "banner") -> QLabel:
    lbl = QLabel(text)
    lbl.setObjectName(kind)
    lbl.setWordWrap(True)
    return lbl


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that follows its size."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class LazyPage(QWidget):
    """A tab's page built the first time it is shown or asked for (``page()``), so a window with
    several tabs opens as fast as the tab she sees first. ``build`` is a method of the window; it is
    held weakly, so the page does not keep its window alive after Qt has deleted it."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build: weakref.WeakMethod | None = weakref.WeakMethod(build)  # type: ignore[arg-type]
        self._page: QWidget | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> QWidget:
        if self._page is None:
            build = self._build() if self._build is not None else None
            assert build is not None, "the window that builds this page is gone"
            self._page, self._build = build(), None
            self.layout().addWidget(self._page)
            self._page.show()  # added while the tab may already be on screen
        return self._page

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.page()
        super().showEvent(event)


def clear_layout(layout) -> None:  # type: ignore[no-untyped-def]
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()  # at once: the deletion itself waits for the event loop
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


def primary_button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("primary", True)
    button.setDefault(True)
    return button


class DateField(QLineEdit):
    """A date typed as dd-mm-åååå (or ddmmåååå / ddmmåå); empty is allowed unless required."""

    DATE_RE = re.compile(r"^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})$|^(\d{2})(\d{2})(\d{4}|\d{2})$")

    def __init__(self, parent: QWidget | None = None, value: date | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(translate("DateField", "dd-mm-yyyy"))
        self.setMaximumWidth(160)
        self.set_date(value)

    def set_date(self, value: date | None) -> None:
        self.setText(format_date(value) if value else "")

    def date_or_error(self) -> tuple[date | None, str]:
        """(the date or None if empty, and an error text if what is typed is not a date)."""
        return parse_typed_date(self.text())

    def date_or_raise(self, field: str, required: bool = False) -> date | None:
        """The date typed (None if empty and not required), or ``ValidationError`` for ``field``."""
        return typed_date_or_raise(self.text(), field, required)


def typed_date_or_raise(text: str, field: str, required: bool = False) -> date | None:
    """The date in ``text`` (None if empty and not required), or ``ValidationError`` for ``field``
    with the reason in the interface language."""
    value, problem = parse_typed_date(text)
    if problem or (value is None and required):
        raise ValidationError(problem or translate("DateField", "Write the date as dd-mm-yyyy."), field=field)
    return value


def parse_typed_date(text: str) -> tuple[date | None, str]:
    """A date typed as dd-mm-åååå (or ddmmåååå / ddmmåå): (the date or None if empty, an error text)."""
    text = text.strip()
    if not text:
        return None, ""
    match = DateField.DATE_RE.match(text)
    if not match:
        return None, translate("DateField", "Write the date as dd-mm-yyyy.")
    day, month, year = (match.group(1), match.group(2), match.group(3)) if match.group(1) else (
        match.group(4), match.group(5), match.group(6))
    year_i = int(year)
    if len(year) == 2:
        year_i += 2000 if year_i <= date.today().year % 100 else 1900
    try:
        return date(year_i, int(month), int(day)), ""
    except ValueError:
        return None, translate("DateField", "That date does not exist.")


class StrengthMeter(QWidget):
    """A five-step bar and the advice for the password being typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.verdict = QLabel()
        self.verdict.setObjectName("muted")
        self.hints = QLabel()
        self.hints.setObjectName("muted")
        self.hints.setWordWrap(True)
        layout.addWidget(self.bar)
        layout.addWidget(self.verdict)
        layout.addWidget(self.hints)
        self.set_assessment(0, False, [])

    def set_assessment(self, score: int, acceptable: bool, hints: list[str], min_length: int = 10) -> None:
        self.bar.setValue(score)
        words = [
            translate("Password", "Very weak"), translate("Password", "Weak"), translate("Password", "Fair"),
            translate("Password", "Strong"), translate("Password", "Very strong"),
        ]
        colour = ["#a4262c", "#a4262c", "#9a5b00", "#2e6b3f", "#2e6b3f"][score]
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; border-radius: 3px; }}")
        self.verdict.setText(words[score] + ("" if acceptable else " – " + translate("Password", "not good enough yet")))
        self.hints.setText("\n".join(fill(translate("Password", h), min=min_length) for h in hints))


class Chip(QLabel):
    def __init__(self, text: str, neutral: bool = False) -> None:
        super().__init__(text)
        self.setObjectName("chipNeutral" if neutral else "chip")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

