"""The last pages of the conversation: offers (after needs and resources), the agreed next steps and
the next contact, and the summary the family reads back and agrees to."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services.conversation import dto as cdto
from app.ui.common.i18n import fill, format_date, label, translate
from app.ui.common.labels import interpreter_text
from app.ui.common.widgets import DateField, ErrorLabel, banner, clear_layout, primary_button
from app.ui.conversation.pages import heading

CONTACT_KINDS = ("follow_up_conversation", "home_visit", "network_meeting")


def contact_text(kind: str) -> str:
    return {
        "follow_up_conversation": translate("Labels", "Follow-up conversation"),
        "home_visit": translate("Labels", "Home visit"),
        "network_meeting": translate("Labels", "Call a network meeting"),
    }.get(kind, kind)


class OffersPage(QWidget):
    """Offers matched to the family's needs; closed until a need and a resource are recorded."""

    refer_requested = Signal(str, str)  # offer code, member id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 18, 28, 18)
        outer.setSpacing(10)
        outer.addWidget(heading(self.tr("Offers")))
        self.closed = banner(self.tr(
            "The offers open when the family's needs and resources are written down: at least one need "
            "and one resource. The family's own needs come first."))
        outer.addWidget(self.closed)
        self.list = QVBoxLayout()
        self.list.setSpacing(8)
        outer.addLayout(self.list)
        self.error = ErrorLabel()
        outer.addWidget(self.error)
        outer.addStretch(1)
        self.cards: dict[str, QFrame] = {}

    def show_offers(self, offers: cdto.OffersView, view: cdto.ConversationView) -> None:
        self.closed.setVisible(not offers.open)
        clear_layout(self.list)
        self.cards = {}
        if not offers.open:
            return
        names = {m.id: m.first_name for m in view.members}
        if offers.suggestions:
            self.list.addWidget(heading(self.tr("Suggested for this family's needs"), "cardTitle"))
        for suggestion in offers.suggestions:
            self.list.addWidget(self._card(suggestion, names))
        if offers.others:
            self.list.addWidget(heading(self.tr("Other offers"), "cardTitle"))
            for suggestion in offers.others:
                self.list.addWidget(self._card(suggestion, names))

    def _card(self, suggestion: cdto.OfferSuggestion, names: dict[str, str]) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        card.setProperty("offer", suggestion.code)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(14, 10, 14, 10)
        title = QLabel(label(suggestion.label))
        title.setObjectName("cardTitle")
        layout.addWidget(title)
        details = [label(suggestion.description)]
        facts = " · ".join(x for x in (label(suggestion.provider), label(suggestion.duration),
                                       label(suggestion.frequency)) if x)
        if facts:
            details.append(facts)
        text = QLabel("\n".join(d for d in details if d))
        text.setWordWrap(True)
        layout.addWidget(text)
        for warning in suggestion.warnings:
            layout.addWidget(banner("⚠ " + fill(translate("Offers", warning.message), **warning.params)))
        row = QHBoxLayout()
        member = QComboBox()
        member.setAccessibleName(self.tr("For"))
        member.addItem(self.tr("The whole family"), "")
        for member_id in suggestion.for_member_ids:
            member.addItem(names.get(member_id, ""), member_id)
        if suggestion.for_member_ids:
            member.setCurrentIndex(1)
        row.addWidget(QLabel(self.tr("For")))
        row.addWidget(member)
        row.addStretch(1)
        if suggestion.already_referred:
            done = QLabel(self.tr("Referred ✓"))
            done.setObjectName("muted")
            row.addWidget(done)
        refer = QPushButton(self.tr("Refer") if not suggestion.already_referred else self.tr("Refer again"))
        refer.setAutoDefault(False)
        refer.clicked.connect(lambda _=False, code=suggestion.code, box=member: self.refer_requested.emit(
            code, box.currentData() or ""))
        row.addWidget(refer)
        layout.addLayout(row)
        self.cards[suggestion.code] = card
        return card


class NextStepsPage(QWidget):
    """What happens next: the agreed steps (what, who, by when) and the next contact."""

    # Dates travel as ISO text ("" for none): no Python singletons through ``object`` signals.
    step_added = Signal(str, str, str, str)          # what, who kind, who name, due date
    step_removed = Signal(str)
    contact_scheduled = Signal(str, str, str)        # kind, date, note
    what_matters_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 18, 28, 18)
        outer.setSpacing(10)
        outer.addWidget(heading(self.tr("What happens next")))
        outer.addWidget(heading(self.tr("What matters most to the family (in their words)"), "cardTitle"))
        self.what_matters = QPlainTextEdit()
        self.what_matters.setTabChangesFocus(True)
        self.what_matters.setAccessibleName(self.tr("What matters most to the family"))
        self.what_matters.setMaximumHeight(110)
        self.what_matters.textChanged.connect(self._what_matters_edited)
        outer.addWidget(self.what_matters)

        outer.addWidget(heading(self.tr("Agreed next steps"), "cardTitle"))
        self.steps = QVBoxLayout()
        outer.addLayout(self.steps)
        add_row = QHBoxLayout()
        self.what = QLineEdit()
        self.what.setPlaceholderText(self.tr("What will happen"))
        self.what.setAccessibleName(self.tr("What will happen"))
        self.who_family = QRadioButton(self.tr("The family"))
        self.who_professional = QRadioButton(self.tr("A professional"))
        self.who_professional.setChecked(True)
        self.who_name = QLineEdit()
        self.who_name.setPlaceholderText(self.tr("who (name)"))
        self.who_name.setAccessibleName(self.tr("Who (name)"))
        self.who_name.setMaximumWidth(260)
        self.due = DateField()
        self.due.setAccessibleName(self.tr("By when"))
        self.add_step_button = primary_button(self.tr("Add step"))
        self.add_step_button.setDefault(False)
        self.add_step_button.clicked.connect(self._add_step)
        self.what.returnPressed.connect(self._add_step)
        # What will happen gets the whole width (in the family's words, often a sentence); who, by when
        # and the button go on the line under it.
        outer.addWidget(self.what)
        add_row.addWidget(self.who_family)
        add_row.addWidget(self.who_professional)
        add_row.addWidget(self.who_name, 1)
        add_row.addWidget(QLabel(self.tr("by")))
        add_row.addWidget(self.due)
        add_row.addWidget(self.add_step_button)
        outer.addLayout(add_row)
        self.step_error = ErrorLabel()
        outer.addWidget(self.step_error)

        outer.addWidget(heading(self.tr("Next contact"), "cardTitle"))
        self.interpreter = QLabel()  # book an interpreter for the next contact too
        self.interpreter.setObjectName("chip")
        self.interpreter.hide()
        outer.addWidget(self.interpreter)
        contact_row = QHBoxLayout()
        self.contact_kind = QComboBox()
        for kind in CONTACT_KINDS:
            self.contact_kind.addItem(contact_text(kind), kind)
        self.contact_kind.setAccessibleName(self.tr("Kind of contact"))
        self.contact_date = DateField()
        self.contact_date.setAccessibleName(self.tr("Date of the next contact"))
        self.contact_note = QLineEdit()
        self.contact_note.setPlaceholderText(self.tr("note, e.g. time and place"))
        self.contact_note.setAccessibleName(self.tr("Note on the next contact"))
        self.schedule_button = primary_button(self.tr("Schedule"))
        self.schedule_button.setDefault(False)
        self.schedule_button.clicked.connect(self._schedule)
        contact_row.addWidget(self.contact_kind)
        contact_row.addWidget(self.contact_date)
        contact_row.addWidget(self.contact_note, 1)
        contact_row.addWidget(self.schedule_button)
        outer.addLayout(contact_row)
        self.contacts = QLabel()
        self.contacts.setWordWrap(True)
        outer.addWidget(self.contacts)
        self.contact_error = ErrorLabel()
        outer.addWidget(self.contact_error)
        outer.addStretch(1)
        self._loading = False

    def show_view(self, view: cdto.ConversationView, content=None) -> None:  # type: ignore[no-untyped-def]
        self._loading = True
        needs = [(m.first_name, m.interpreter_language) for m in view.members if m.interpreter_language]
        self.interpreter.setText(interpreter_text(needs, content))
        self.interpreter.setVisible(bool(needs))
        if self.what_matters.toPlainText() != view.what_matters_most and not self.what_matters.hasFocus():
            self.what_matters.setPlainText(view.what_matters_most)
        self._loading = False
        clear_layout(self.steps)
        for step in view.agreed_steps:
            row = QHBoxLayout()
            who = translate("Labels", "The family") if step.who_kind == "family" else translate("Labels", "Professional")
            if step.who_name:
                who += f" ({step.who_name})"
            when = fill(self.tr("by {date}"), date=format_date(step.due_on)) if step.due_on else ""
            text = QLabel(" · ".join(x for x in (step.what, who, when) if x))
            text.setWordWrap(True)
            remove = QPushButton("×")
            remove.setObjectName("linkButton")
            remove.setFixedWidth(28)
            remove.setAutoDefault(False)
            remove.setAccessibleName(fill(self.tr("Remove {text}"), text=step.what))
            remove.clicked.connect(lambda _=False, step_id=step.id: self.step_removed.emit(step_id))
            row.addWidget(text, 1)
            row.addWidget(remove)
            self.steps.addLayout(row)
        upcoming = [f for f in view.follow_ups if f.done_on is None]
        self.contacts.setText("\n".join(
            f"{contact_text(f.kind)} {format_date(f.due_on)}" + (f" – {f.note}" if f.note else "")
            for f in upcoming))

    def _what_matters_edited(self) -> None:
        if not self._loading:
            self.what_matters_changed.emit(self.what_matters.toPlainText())

    def _add_step(self) -> None:
        due, problem = self.due.date_or_error()
        if problem:
            self.step_error.show_message(problem)
            return
        if not self.what.text().strip():
            self.step_error.show_message(self.tr("Write what will happen."))
            self.what.setFocus()
            return
        self.step_added.emit(self.what.text(), "family" if self.who_family.isChecked() else "professional",
                             self.who_name.text(), due.isoformat() if due else "")

    def step_saved(self) -> None:
        self.step_error.clear_message()
        self.what.clear()
        self.who_name.clear()
        self.due.clear()
        self.what.setFocus()

    def _schedule(self) -> None:
        day, problem = self.contact_date.date_or_error()
        if problem or day is None:
            self.contact_error.show_message(problem or self.tr("Write the date of the next contact."))
            return
        self.contact_scheduled.emit(self.contact_kind.currentData(), day.isoformat(), self.contact_note.text())

    def contact_saved(self) -> None:
        self.contact_error.clear_message()
        self.contact_date.clear()
        self.contact_note.clear()


class SummaryPage(QWidget):
    """The summary: what the family will read, a read-back view, their agreement, and the PDF."""

    read_back_requested = Signal()
    item_edited = Signal(str, str)            # item id, new text
    what_matters_edited = Signal(str)
    # Plain strings rather than Python bools in an ``object`` signal (see pyproject.toml on PySide6).
    agreement_chosen = Signal(str, str)       # "yes" or "no", note
    save_pdf_requested = Signal()
    finish_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 18, 28, 18)
        outer.setSpacing(10)
        outer.addWidget(heading(self.tr("Summary")))
        hint = QLabel(self.tr("Made from what you wrote down together. Change the family's words on the "
                              "earlier pages; read it back with the family here."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        outer.addWidget(hint)
        self.document = QLabel()
        self.document.setObjectName("summaryText")
        self.document.setWordWrap(True)
        self.document.setTextFormat(Qt.TextFormat.RichText)
        self.document.setAccessibleName(self.tr("Summary"))
        outer.addWidget(self.document)
        self.edit_button = QPushButton(self.tr("Edit the wording"))
        self.edit_button.setCheckable(True)
        self.edit_button.setAutoDefault(False)
        self.edit_button.toggled.connect(self._edit_mode)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.edit_button)
        edit_row.addStretch(1)
        outer.addLayout(edit_row)
        self.editor = QWidget()
        self.editor_layout = QVBoxLayout(self.editor)
        self.editor_layout.setContentsMargins(0, 0, 0, 0)
        self.editor.hide()
        outer.addWidget(self.editor)
        self.item_fields: dict[str, QLineEdit] = {}
        row = QHBoxLayout()
        read_back = QPushButton(self.tr("Read back with the family (Ctrl+R)"))
        read_back.setAutoDefault(False)
        read_back.clicked.connect(self.read_back_requested)
        row.addWidget(read_back)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addWidget(heading(self.tr("Does the family agree?"), "cardTitle"))
        agree_row = QHBoxLayout()
        self.agree = QPushButton(self.tr("Yes, the family agrees"))
        self.agree.setAutoDefault(False)
        self.agree.clicked.connect(lambda: self.agreement_chosen.emit("yes", self.agreement_note.text()))
        self.disagree = QPushButton(self.tr("Not quite – something must be changed"))
        self.disagree.setAutoDefault(False)
        self.disagree.clicked.connect(lambda: self.agreement_chosen.emit("no", self.agreement_note.text()))
        agree_row.addWidget(self.agree)
        agree_row.addWidget(self.disagree)
        agree_row.addStretch(1)
        outer.addLayout(agree_row)
        self.agreement_note = QLineEdit()
        self.agreement_note.setPlaceholderText(self.tr("What the family would change (optional)"))
        self.agreement_note.setAccessibleName(self.tr("What the family would change"))
        outer.addWidget(self.agreement_note)
        self.agreement_state = QLabel()
        self.agreement_state.setAccessibleName(self.tr("Agreement"))
        outer.addWidget(self.agreement_state)
        pdf_row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Save the family's copy as PDF"))
        self.pdf_button.setAutoDefault(False)
        self.pdf_button.clicked.connect(self.save_pdf_requested)
        pdf_row.addWidget(self.pdf_button)
        pdf_row.addStretch(1)
        self.finish_button = primary_button(self.tr("Finish the conversation"))
        self.finish_button.setDefault(False)
        self.finish_button.clicked.connect(self.finish_requested)
        pdf_row.addWidget(self.finish_button)
        outer.addLayout(pdf_row)
        self.message = ErrorLabel()
        outer.addWidget(self.message)
        self.info = banner("", "okBanner")
        self.info.hide()
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.info)
        outer.addStretch(1)

    def _edit_mode(self, on: bool) -> None:
        self.editor.setVisible(on)
        self.document.setVisible(not on)
        self.edit_button.setText(self.tr("Show the summary") if on else self.tr("Edit the wording"))

    def _build_editor(self, view: cdto.ConversationView) -> None:
        """One field per part of the family's words; each is saved when she leaves it."""
        clear_layout(self.editor_layout)
        self.item_fields = {}
        self.editor_layout.addWidget(heading(self.tr("What matters most to the family"), "cardTitle"))
        self.what_matters = QPlainTextEdit(view.what_matters_most)
        self.what_matters.setTabChangesFocus(True)
        self.what_matters.setAccessibleName(self.tr("What matters most to the family"))
        self.what_matters.setMaximumHeight(100)
        self.what_matters.textChanged.connect(self._what_matters_changed)
        self.editor_layout.addWidget(self.what_matters)
        for title, items in ((self.tr("What goes well"), view.resources),
                             (self.tr("What the family wants help with"), view.needs)):
            if not items:
                continue
            self.editor_layout.addWidget(heading(title, "cardTitle"))
            for item in items:
                field = QLineEdit(item.text)
                field.setAccessibleName(item.text)
                field.editingFinished.connect(
                    lambda item_id=item.id, f=field: self.item_edited.emit(item_id, f.text()))
                self.item_fields[item.id] = field
                self.editor_layout.addWidget(field)

    def _what_matters_changed(self) -> None:
        self.what_matters_edited.emit(self.what_matters.toPlainText())

    def show_summary(self, html: str, view: cdto.ConversationView) -> None:
        self.document.setText(html)
        if not self.editor.isVisible():
            self._build_editor(view)
        if view.family_agrees is True:
            self.agreement_state.setText(self.tr("The family agrees with the summary."))
        elif view.family_agrees is False:
            self.agreement_state.setText(self.tr("The family does not fully agree: change the text and read it "
                                                 "back again."))
        elif view.answer_stale:
            self.agreement_state.setText(self.tr("The summary has changed since it was read back: read it back "
                                                 "again before the family's answer counts."))
        else:
            self.agreement_state.setText(self.tr("Not read back yet."))
        done = view.status == "completed"
        self.finish_button.setEnabled(not done)
        self.finish_button.setText(self.tr("The conversation is finished") if done else
                                   self.tr("Finish the conversation"))

    def show_info(self, text: str) -> None:
        self.message.clear_message()
        self.info.setText(text)
        self.info.setVisible(bool(text))
