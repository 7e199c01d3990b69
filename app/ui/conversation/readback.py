"""Reading the summary back with the family: large, plain type, and their answer."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.conversation import dto as cdto
from app.services.conversation.summary import summary_texts
from app.ui.conversation.pages import heading


def summary_html(summary) -> str:  # type: ignore[no-untyped-def]
    """The family's summary as simple HTML for the screen, with the PDF's own headings in the summary's
    language (one place for the words the family hears and receives)."""
    esc = html.escape
    texts = summary_texts(summary.language)
    parts = [f"<h2>{esc(summary.family_name)}</h2>"]
    if summary.present:
        parts.append(f"<p>{esc(texts.present.format(names=', '.join(summary.present)))}</p>")
    if summary.what_matters_most:
        parts.append(f"<h3>{esc(texts.what_matters_most)}</h3>")
        parts += [f"<p>{esc(p)}</p>" for p in summary.what_matters_most.split("\n\n") if p.strip()]
    for title, items in ((texts.resources, summary.resources), (texts.needs, summary.needs)):
        if items:
            parts.append(f"<h3>{esc(title)}</h3><ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
    if summary.agreed_steps:
        parts.append(f"<h3>{esc(texts.agreed_steps)}</h3><ul>" + "".join(
            f"<li>{esc(s.what)} – {esc(s.who)}{(' – ' + esc(s.when)) if s.when else ''}</li>"
            for s in summary.agreed_steps) + "</ul>")
    if summary.next_contact:
        parts.append(f"<h3>{esc(texts.next_contact)}</h3><p>{esc(summary.next_contact)}</p>")
    if summary.who_to_contact:
        parts.append(f"<h3>{esc(texts.who_to_contact)}</h3>" + "".join(
            "<p>" + esc(" · ".join(x for x in (c.name, c.role, c.phone, c.email) if x)) + "</p>"
            for c in summary.who_to_contact))
    return "".join(parts)


class ReadBackPage(QWidget):
    """The summary in large type for the family, with their answer."""

    agreement_chosen = Signal(str, str)  # "yes" or "no" (see SummaryPage.agreement_chosen)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 30, 60, 30)
        outer.addWidget(heading(self.tr("This is what we wrote down together"), "readBackTitle"))
        self.text = QLabel()
        self.text.setObjectName("readBackText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.text)
        self.state = QLabel()
        self.state.setObjectName("readBackText")
        outer.addWidget(self.state)
        row = QHBoxLayout()
        self.agree = QPushButton(self.tr("Yes, that is right"))
        self.agree.setObjectName("bigButton")
        self.agree.clicked.connect(lambda: self.agreement_chosen.emit("yes", ""))
        self.disagree = QPushButton(self.tr("Something must be changed"))
        self.disagree.setObjectName("bigButton")
        self.disagree.clicked.connect(lambda: self.agreement_chosen.emit("no", ""))
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(self.back_requested)
        for button in (self.agree, self.disagree, back):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

    def show_summary(self, html_text: str, view: cdto.ConversationView) -> None:
        self.text.setText(html_text)
        self.state.setText({True: self.tr("You agree with the summary."),
                            False: self.tr("We change what is not right.")}.get(view.family_agrees, ""))
