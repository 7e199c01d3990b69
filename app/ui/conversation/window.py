"""The conversation screen: calm, readable across a table, no modal dialogs, saved as she types.

Left: an outline she can jump around in, with progress. Middle: the current part of the guide. Right:
the resources and needs captured so far. F11 turns it into a full screen for turning towards the
family; Ctrl+R reads the summary back in large type.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KnownError, ValidationError
from app.services.conversation import dto as cdto
from app.services.exports import export_file_name
from app.services.workspace import Workspace
from app.ui.common.export_dialog import ExportDoneBar, choose_export_file, start_folder
from app.ui.common.i18n import error_text, fill, format_date, label, language
from app.ui.common.labels import interpreter_text
from app.ui.common.tasks import runner
from app.ui.common.widgets import banner, scrolled
from app.ui.conversation.notes import NotesKeeper
from app.ui.conversation.outcome import NextStepsPage, OffersPage, SummaryPage
from app.ui.conversation.outline import ASSESSMENT_KEY, ConversationOutline
from app.ui.conversation.pages import AssessmentPage, ItemList, SectionPage
from app.ui.conversation.readback import ReadBackPage, summary_html

log = logging.getLogger(__name__)

# "Saved" comes back this long after her last keystroke (while she types the label says "Saving …").
TYPING_PAUSE_MS = 700


class ConversationWindow(QWidget):
    """One conversation with one family. Closing it pauses the conversation; nothing is lost."""

    closed = Signal(str, str)  # conversation id, case id
    network_map_requested = Signal(str)  # case id: the network part opens the family's map
    pdf_saved = Signal(object)  # the Path of the family's PDF

    def __init__(self, workspace: Workspace, view: cdto.ConversationView, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.workspace = workspace
        self.view = view
        self.current_key = ""
        self.export_dir: Path | None = None
        self.notes = NotesKeeper(workspace, view.id, view.case_id, self)
        self._saved_at = ""
        self._notes_problem = ""
        self._typing_pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing_pause.timeout.connect(self._show_saved_state)
        self.setObjectName("conversationWindow")
        self.setWindowTitle(fill(self.tr("Conversation – {family}"), family=view.family_name))
        self.resize(1360, 880)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        bar = QWidget()
        bar.setObjectName("convBar")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(18, 8, 18, 8)
        self.family = QLabel(view.family_name)
        self.family.setObjectName("convFamily")
        bar_layout.addWidget(self.family)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("muted")
        bar_layout.addWidget(self.subtitle)
        self.interpreter = QLabel()  # who needs an interpreter, in which language: seen all through
        self.interpreter.setObjectName("chip")
        self.interpreter.hide()
        bar_layout.addWidget(self.interpreter)
        bar_layout.addStretch(1)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("muted")
        self.saved_label.setAccessibleName(self.tr("Saved"))
        bar_layout.addWidget(self.saved_label)
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.read_back_button = QPushButton(self.tr("Read back"))
        self.full_screen_button = QPushButton(self.tr("Full screen"))
        self.full_screen_button.setCheckable(True)
        self.pause_button = QPushButton(self.tr("Pause and close"))
        for button in (self.previous_button, self.next_button, self.read_back_button, self.full_screen_button,
                       self.pause_button):
            button.setAutoDefault(False)
            bar_layout.addWidget(button)
        outer.addWidget(bar)
        self.problem = banner("", "errorBanner")
        self.problem.hide()
        outer.addWidget(self.problem)

        self.outline = ConversationOutline()
        self.left = self.outline

        self.stack = QStackedWidget()
        self.section_page = SectionPage()
        self.offers_page = OffersPage()
        self.next_steps_section = SectionPage()
        self.next_steps_page = NextStepsPage()
        next_steps = QWidget()
        next_layout = QVBoxLayout(next_steps)
        next_layout.setContentsMargins(0, 0, 0, 0)
        next_layout.addWidget(self.next_steps_section)
        next_layout.addWidget(self.next_steps_page)
        self.summary_page = SummaryPage()
        self.assessment_page = AssessmentPage(workspace.content.vocabulary,
                                              workspace.content.service_levels.levels)
        self.read_back_page = ReadBackPage()
        for page in (self.section_page, self.offers_page, next_steps, self.summary_page, self.assessment_page,
                     self.read_back_page):
            self.stack.addWidget(scrolled(page))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 14, 14, 14)
        self.resources_list = ItemList(self.tr("Resources – what goes well"))
        self.needs_list = ItemList(self.tr("Needs – what the family wants help with"))
        right_layout.addWidget(self.resources_list)
        right_layout.addSpacing(14)
        right_layout.addWidget(self.needs_list)
        right_layout.addStretch(1)
        self.right = scrolled(right)
        self.right.setMinimumWidth(260)

        splitter = QSplitter()
        splitter.addWidget(self.left)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 820, 300])
        outer.addWidget(splitter, 1)

        # ---- wiring
        self.notes.saved.connect(self._notes_saved)
        self.notes.refused.connect(self._notes_refused)
        self.notes.state_changed.connect(self._show_saved_state)
        self.notes.restored.connect(self._notes_restored)
        self.outline.key_chosen.connect(self._outline_chosen)
        for page in (self.section_page, self.next_steps_section):
            page.notes_changed.connect(self._save_notes)
            page.status_chosen.connect(self._set_status)
            page.item_added.connect(self._add_item)
            page.network_map_requested.connect(lambda: self.network_map_requested.emit(self.view.case_id))
        self.resources_list.remove_requested.connect(self._remove_item)
        self.needs_list.remove_requested.connect(self._remove_item)
        self.offers_page.refer_requested.connect(self._refer)
        self.next_steps_page.step_added.connect(self._add_step)
        self.next_steps_page.step_removed.connect(self._remove_step)
        self.next_steps_page.contact_scheduled.connect(self._schedule)
        self.next_steps_page.what_matters_changed.connect(self._save_what_matters)
        self.summary_page.read_back_requested.connect(self.read_back)
        self.summary_page.agreement_chosen.connect(self._agree)
        self.summary_page.item_edited.connect(self._edit_item)
        self.summary_page.what_matters_edited.connect(self._save_what_matters)
        self.read_back_page.agreement_chosen.connect(self._agree)
        self.read_back_page.back_requested.connect(lambda: self.go_to(self.current_key or self._key_of_kind("summary")))
        self.summary_page.save_pdf_requested.connect(self.save_pdf)
        self.summary_page.finish_requested.connect(self.finish)
        self.assessment_page.save_requested.connect(self._save_assessment)
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.read_back_button.clicked.connect(self.read_back)
        self.full_screen_button.toggled.connect(self.set_presenting)
        self.pause_button.clicked.connect(self.close)
        for keys, slot in ((QKeySequence("Ctrl+PgDown"), lambda: self._step(1)),
                           (QKeySequence("Ctrl+PgUp"), lambda: self._step(-1)),
                           (QKeySequence("F11"), self.full_screen_button.toggle),
                           (QKeySequence("Ctrl+R"), self.read_back),
                           (QKeySequence("Ctrl+W"), self.close)):
            QShortcut(keys, self, slot)
        QShortcut(QKeySequence("Escape"), self, self._escape)

        self._refresh(view)
        self.go_to(view.cursor_section or view.sections[0].key, view.cursor_position)
        self.notes.restore_draft()

    # ---- outline and navigation

    def _keys(self) -> list[str]:
        return self.outline.keys

    def _key_of_kind(self, kind: str) -> str:
        return next((s.key for s in self.view.sections if s.kind == kind), self.view.sections[0].key)

    def _refresh(self, view: cdto.ConversationView) -> None:
        """Show ``view``: the outline's marks and progress, the captured items, the current page."""
        self.view = self.notes.over(view)  # what she typed and the disk has not confirmed yet stays
        self.subtitle.setText(" · ".join((format_date(view.held_on, long=True), label(view.guide_title),
                                          self.tr("finished") if view.status == "completed" else "")).strip(" ·"))
        needs = [(m.first_name, m.interpreter_language) for m in view.members if m.interpreter_language]
        self.interpreter.setText(interpreter_text(needs, self.workspace.content))
        self.interpreter.setVisible(bool(needs))
        self.outline.show_view(self.view, self.current_key)
        self.resources_list.show_items(view.resources, view.members)
        self.needs_list.show_items(view.needs, view.members)

    def _outline_chosen(self, key: str) -> None:
        if key != self.current_key:
            self.go_to(key)

    def _step(self, delta: int) -> None:
        keys = self._keys()
        index = keys.index(self.current_key) if self.current_key in keys else 0
        self.go_to(keys[max(0, min(len(keys) - 1, index + delta))])

    def go_to(self, key: str, cursor: int = -1) -> None:
        """Show part ``key`` of the conversation and remember it as where she is."""
        keys = self._keys()
        if key not in keys:
            key = keys[0]
        self.current_key = key
        self._panels(not self.full_screen_button.isChecked())
        self.outline.set_current(key)
        if key == ASSESSMENT_KEY:
            self.assessment_page.show_view(self.view)
            self.stack.setCurrentIndex(4)
        else:
            section = self.view.section(key)
            assert section is not None
            vocabulary = self.workspace.content.vocabulary
            if section.kind == "offers":
                self._show_offers()
                self.stack.setCurrentIndex(1)
            elif section.kind == "next_steps":
                self.next_steps_section.show_section(section, self.view.members, vocabulary, cursor)
                self.next_steps_page.show_view(self.view, self.workspace.content)
                self.stack.setCurrentIndex(2)
            elif section.kind == "summary":
                self._show_summary()
                self.stack.setCurrentIndex(3)
            else:
                self.section_page.show_section(section, self.view.members, vocabulary, cursor)
                self.stack.setCurrentIndex(0)
            cid, position = self.view.id, max(cursor, 0)
            runner().db(lambda: self.workspace.conversations.move_cursor(cid, key, position), owner=self,
                        key=f"cursor:{cid}")
        self.previous_button.setEnabled(keys.index(key) > 0)
        self.next_button.setEnabled(keys.index(key) < len(keys) - 1)

    # ---- saving (every change is its own committed transaction, queued on the database lane)

    def show_problem(self, text: str) -> None:
        """The calm line at the top (the task runner's default for a refused call without its own place)."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _place(self, show_field: Callable[[str], None]) -> Callable[[KnownError], None]:
        """A ``failed`` that shows wrong input next to its field and anything else at the top."""
        def failed(exc: KnownError) -> None:
            (show_field if isinstance(exc, ValidationError) else self.show_problem)(error_text(exc))
        return failed

    def _ok(self) -> None:
        """A call went through: the top line is cleared unless her notes are still not saved."""
        if not self.notes.unsaved:
            self.show_problem("")

    def _show_saved_state(self) -> None:
        """"Saved hh:mm:ss" only when the newest text is on disk; "Saving …" while she types (it does
        not flicker with every keystroke: "Saved" comes back once she pauses)."""
        if self.notes.unsaved:
            self.saved_label.setText(self.tr("Not saved – it is tried again when you write"))
        elif self.notes.waiting or self._typing_pause.isActive():
            self.saved_label.setText(self.tr("Saving …"))
        elif self._saved_at:
            self.saved_label.setText(fill(self.tr("Saved {time}"), time=self._saved_at))

    def _saved(self) -> None:
        self._saved_at = datetime.now().strftime("%H:%M:%S")
        self._show_saved_state()

    def _save_notes(self, key: str, text: str, cursor: int) -> None:
        self._typing_pause.start()
        self.notes.write(key, text, cursor)
        # Only the outline mark and the progress can change; the page already shows the text.
        self.view = self.notes.over(self.view)
        self.outline.update_section(self.view, key)

    def _notes_saved(self, key: str, text: str) -> None:
        if not self.notes.unsaved and self.problem.text() == self._notes_problem:
            self.show_problem("")
        self._saved()

    def _notes_refused(self, text: str) -> None:
        self._notes_problem = text
        self.show_problem(text)
        self._show_saved_state()

    def _notes_restored(self, key: str, text: str, cursor: int) -> None:
        """Notes kept as a draft come back onto the screen (and are saved again)."""
        self.view = self.notes.over(self.view)
        self.outline.update_section(self.view, key)
        for page in (self.section_page, self.next_steps_section):
            if page.section is not None and page.section.key == key:
                page.show_notes(text, cursor)

    def _apply(self, view: cdto.ConversationView) -> None:
        self._refresh(view)
        self._ok()
        self._saved()

    def _current_section_page(self) -> SectionPage:
        return self.section_page if self.stack.currentIndex() == 0 else self.next_steps_section

    def _showing(self, page: SectionPage, key: str) -> bool:
        """``page`` still shows section ``key`` (she may have moved on while the save ran)."""
        return page.section is not None and page.section.key == key and self.current_key == key

    def _set_status(self, key: str, status: str, reason: str) -> None:
        page, cid = self._current_section_page(), self.view.id

        def show(view: cdto.ConversationView) -> None:
            self._apply(view)
            section = self.view.section(key)
            if section is not None and self._showing(page, key):
                page.show_section(section, self.view.members, self.workspace.content.vocabulary)

        runner().db(lambda: self.workspace.conversations.set_member_status(cid, key, status, reason),
                    owner=self, done=show, failed=self._place(page.status_error.show_message))

    def _add_item(self, kind: str, text: str, key: str, members: list, areas: list) -> None:
        page, cid = self._current_section_page(), self.view.id

        def show(view: cdto.ConversationView) -> None:
            self._apply(view)
            if self._showing(page, key):
                page.item_saved()

        runner().db(lambda: self.workspace.conversations.add_item(cid, kind, text, key, tuple(members), tuple(areas)),
                    owner=self, done=show, failed=self._place(page.item_error.show_message))

    def _edit_item(self, item_id: str, text: str) -> None:
        """She changes the family's words for a resource or a need (from the summary)."""
        item = next((i for i in self.view.items if i.id == item_id), None)
        if item is None or item.text == text.strip():
            return
        cid, members, areas, lang = self.view.id, item.member_ids, item.problem_areas, language()

        def show(result) -> None:  # type: ignore[no-untyped-def]
            view, summary = result
            self._apply(view)
            self.summary_page.document.setText(summary_html(summary))

        runner().db(lambda: (self.workspace.conversations.update_item(cid, item_id, text, members, areas),
                             self.workspace.summaries.family_summary(cid, lang)),
                    owner=self, done=show, failed=self._place(self.summary_page.message.show_message))

    def _remove_item(self, item_id: str) -> None:
        cid = self.view.id
        runner().db(lambda: self.workspace.conversations.remove_item(cid, item_id), owner=self, done=self._apply)

    def _show_offers(self) -> None:
        view = self.view
        runner().db(lambda: self.workspace.plans.offers_for(view), owner=self,
                    done=lambda offers: self.offers_page.show_offers(offers, self.view))

    def _refer(self, code: str, member_id: str) -> None:
        cid = self.view.id

        def show(view: cdto.ConversationView) -> None:
            self._apply(view)
            self._show_offers()

        runner().db(lambda: self.workspace.plans.refer(cid, code, member_id), owner=self, done=show,
                    failed=self._place(self.offers_page.error.show_message))

    def _show_plan(self, view: cdto.ConversationView, saved: Callable[[], None] | None = None) -> None:
        self._apply(view)
        self.next_steps_page.show_view(self.view, self.workspace.content)
        if saved is not None:
            saved()

    def _add_step(self, what: str, who_kind: str, who_name: str, due_text: str) -> None:
        cid, due = self.view.id, date.fromisoformat(due_text) if due_text else None
        runner().db(lambda: self.workspace.plans.add_step(cid, what, who_kind, who_name, due), owner=self,
                    done=lambda view: self._show_plan(view, self.next_steps_page.step_saved),
                    failed=self._place(self.next_steps_page.step_error.show_message))

    def _remove_step(self, step_id: str) -> None:
        cid = self.view.id
        runner().db(lambda: self.workspace.plans.remove_step(cid, step_id), owner=self, done=self._show_plan)

    def _schedule(self, kind: str, day_text: str, note: str) -> None:
        cid, day = self.view.id, date.fromisoformat(day_text)
        runner().db(lambda: self.workspace.plans.schedule_follow_up(cid, kind, day, note), owner=self,
                    done=lambda view: self._show_plan(view, self.next_steps_page.contact_saved),
                    failed=self._place(self.next_steps_page.contact_error.show_message))

    def _save_what_matters(self, text: str) -> None:
        cid = self.view.id

        def saved(_none: None) -> None:
            self._ok()
            self._saved()

        # Typed like her notes: only the newest text is written when several saves wait.
        runner().db(lambda: self.workspace.conversations.save_what_matters(cid, text), owner=self,
                    key=f"what-matters:{cid}", done=saved)

    def _save_assessment(self, coping: str, indicators: list, level: int, reason: str) -> None:
        cid = self.view.id

        def show(view: cdto.ConversationView) -> None:
            self._apply(view)
            self.assessment_page.show_saved()

        runner().db(lambda: self.workspace.conversations.set_assessment(cid, coping, tuple(indicators), level or None,
                                                                        reason),
                    owner=self, done=show, failed=self._place(self.assessment_page.error.show_message))

    # ---- the summary

    def _show_summary(self) -> None:
        cid, lang = self.view.id, language()

        def show(result) -> None:  # type: ignore[no-untyped-def]
            view, summary = result
            self._refresh(view)
            self._ok()
            self.summary_page.show_summary(summary_html(summary), self.view)

        runner().db(lambda: (self.workspace.conversations.view(cid), self.workspace.summaries.family_summary(cid, lang)),
                    owner=self, done=show)

    def read_back(self) -> None:
        """The summary in large, plain type, for reading back with the family."""
        cid, lang = self.view.id, language()

        def show(summary) -> None:  # type: ignore[no-untyped-def]
            self._ok()
            self.read_back_page.show_summary(summary_html(summary), self.view)
            self.stack.setCurrentIndex(5)
            self._panels(False)  # the screen is turned towards the family: only their summary

        runner().db(lambda: self.workspace.summaries.family_summary(cid, lang), owner=self, done=show)

    def _agree(self, answer: str, note: str) -> None:
        cid, agrees = self.view.id, answer == "yes"

        def show(view: cdto.ConversationView) -> None:
            self._apply(view)
            if self.stack.currentIndex() == 5:
                self.read_back()
            else:
                self._show_summary()

        runner().db(lambda: self.workspace.summaries.set_agreement(cid, agrees, note), owner=self, done=show)

    def save_pdf(self) -> None:
        """Ask where the family's copy goes (the save dialog, starting in her export folder or
        ``export_dir``, proposing "Samtale <date> <initials>.pdf"), then save it (``write_pdf``)."""
        folder = self.export_dir or start_folder(self.workspace.settings.export_folder)
        name = export_file_name("conversation", self.view.held_on, self.view.family_name, "pdf", language())
        self.export_dialog = choose_export_file(self, self.tr("Save the family's copy"), folder, name, self.write_pdf)

    def write_pdf(self, target: Path, replace: bool = False) -> None:
        """Save the family's copy as a PDF at ``target`` (an audited export, consent checked; another
        file is never replaced unless ``replace``); ``pdf_saved`` tells where it went."""
        cid, lang = self.view.id, language()

        def show(path: Path) -> None:
            self._ok()
            self.summary_page.show_info("")
            self.export_done_bar().show_file(path)
            self.pdf_saved.emit(path)

        self.export_done_bar().hide()
        runner().db(lambda: self.workspace.summaries.save_pdf(cid, target, lang, replace), owner=self, done=show,
                    failed=self._place(self.summary_page.message.show_message),
                    label=self.tr("Making the family's PDF …"))

    def export_done_bar(self) -> ExportDoneBar:
        """Under the summary: where the family's PDF went, with Open (to print) and Show the folder."""
        bar = getattr(self, "_export_done", None)
        if bar is None:
            page = self.summary_page.layout()
            bar = self._export_done = ExportDoneBar(self.summary_page)
            page.insertWidget(page.indexOf(self.summary_page.info) + 1, bar)
        return bar

    def finish(self) -> None:
        cid = self.view.id

        def show(view: cdto.ConversationView) -> None:
            self._apply(view)
            self._show_summary()

        runner().db(lambda: self.workspace.conversations.complete(cid), owner=self, done=show,
                    failed=self._place(self.summary_page.message.show_message))

    # ---- full screen

    def _panels(self, visible: bool) -> None:
        self.left.setVisible(visible)
        self.right.setVisible(visible)

    def set_presenting(self, on: bool) -> None:
        """Full screen with large type and only the current part, for turning towards the family."""
        self._panels(not on and self.stack.currentIndex() != 5)
        self.setProperty("presenting", on)
        for widget in [self, *self.findChildren(QWidget)]:
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if on:
            self.showFullScreen()
        else:
            self.showNormal()
        if self.full_screen_button.isChecked() != on:
            self.full_screen_button.setChecked(on)
        self.full_screen_button.setText(self.tr("Leave full screen (Esc)") if on else self.tr("Full screen"))

    def _escape(self) -> None:
        if self.full_screen_button.isChecked():
            self.full_screen_button.setChecked(False)
        elif self.stack.currentIndex() == 5:
            self.go_to(self.current_key)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        # Closing is also how the lock closes her conversations: the last saves are queued on the lane,
        # and the lock waits there for them before it closes the records.
        self.notes.flush()
        if self.current_key and self.current_key != ASSESSMENT_KEY:
            workspace, cid, key = self.workspace, self.view.id, self.current_key
            position = self._current_section_page().cursor_position()
            runner().db(lambda: workspace.conversations.move_cursor(cid, key, position), key=f"cursor:{cid}")
        self.closed.emit(self.view.id, self.view.case_id)
        super().closeEvent(event)
