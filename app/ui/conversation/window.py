"""The conversation screen: calm, readable across a table, no modal dialogs, saved as she types.

Left: an outline she can jump around in, with progress. Middle: the current part of the guide. Right:
the resources and needs captured so far. F11 turns it into a full screen for turning towards the
family; Ctrl+R reads the summary back in large type.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
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
from app.services.workspace import Workspace
from app.ui.common.i18n import error_text, fill, format_date, label, language
from app.ui.common.widgets import banner, scrolled
from app.ui.conversation.outcome import NextStepsPage, OffersPage, SummaryPage
from app.ui.conversation.outline import ASSESSMENT_KEY, ConversationOutline
from app.ui.conversation.pages import AssessmentPage, ItemList, SectionPage
from app.ui.conversation.readback import ReadBackPage, summary_html

log = logging.getLogger(__name__)
FAILED = object()  # what ``_call`` returns when the service call failed (its error is on screen)


class ConversationWindow(QWidget):
    """One conversation with one family. Closing it pauses the conversation; nothing is lost."""

    closed = Signal(str, str)  # conversation id, case id
    network_map_requested = Signal(str)  # case id: the network part opens the family's map

    def __init__(self, workspace: Workspace, view: cdto.ConversationView, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.workspace = workspace
        self.view = view
        self.current_key = ""
        self.export_dir: Path | None = None
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

    # ---- outline and navigation

    def _keys(self) -> list[str]:
        return self.outline.keys

    def _key_of_kind(self, kind: str) -> str:
        return next((s.key for s in self.view.sections if s.kind == kind), self.view.sections[0].key)

    def _refresh(self, view: cdto.ConversationView) -> None:
        """Show ``view``: the outline's marks and progress, the captured items, the current page."""
        self.view = view
        self.subtitle.setText(" · ".join((format_date(view.held_on, long=True), label(view.guide_title),
                                          self.tr("finished") if view.status == "completed" else "")).strip(" ·"))
        self.outline.show_view(view, self.current_key)
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
                self.offers_page.show_offers(self.workspace.plans.offers_for(self.view), self.view)
                self.stack.setCurrentIndex(1)
            elif section.kind == "next_steps":
                self.next_steps_section.show_section(section, self.view.members, vocabulary, cursor)
                self.next_steps_page.show_view(self.view)
                self.stack.setCurrentIndex(2)
            elif section.kind == "summary":
                self._show_summary()
                self.stack.setCurrentIndex(3)
            else:
                self.section_page.show_section(section, self.view.members, vocabulary, cursor)
                self.stack.setCurrentIndex(0)
            self._call(lambda: self.workspace.conversations.move_cursor(self.view.id, key, max(cursor, 0)))
        self.previous_button.setEnabled(keys.index(key) > 0)
        self.next_button.setEnabled(keys.index(key) < len(keys) - 1)

    # ---- saving (every change is its own committed transaction)

    def _call(self, action: Callable[[], object], field_errors: Callable[[str], None] | None = None) -> object:
        """Run a service call and return its result, or ``FAILED``.

        A known failure is shown calmly (next to the field, or at the top) and nothing on screen is lost.
        """
        try:
            result = action()
        except ValidationError as exc:
            (field_errors or self._show_problem)(error_text(exc))
            return FAILED
        except KnownError as exc:
            self._show_problem(error_text(exc))
            return FAILED
        self._show_problem("")
        return result

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _saved(self) -> None:
        self.saved_label.setText(fill(self.tr("Saved {time}"), time=datetime.now().strftime("%H:%M:%S")))

    def _save_notes(self, key: str, text: str, cursor: int) -> None:
        if self._call(lambda: self.workspace.conversations.save_notes(self.view.id, key, text, cursor)) is FAILED:
            return
        self._saved()
        # Only the outline mark and the progress can change; the page already shows the text.
        self.view = replace(self.view, sections=tuple(
            replace(s, notes=text) if s.key == key else s for s in self.view.sections))
        self.outline.update_section(self.view, key)

    def _apply(self, view: object) -> None:
        if isinstance(view, cdto.ConversationView):
            self._refresh(view)
            self._saved()

    def _set_status(self, key: str, status: str, reason: str) -> None:
        page = self.section_page if self.stack.currentIndex() == 0 else self.next_steps_section
        view = self._call(lambda: self.workspace.conversations.set_member_status(self.view.id, key, status, reason),
                          page.status_error.show_message)
        if isinstance(view, cdto.ConversationView):
            self._apply(view)
            section = self.view.section(key)
            if section is not None:
                page.show_section(section, self.view.members, self.workspace.content.vocabulary)

    def _add_item(self, kind: str, text: str, key: str, members: list, areas: list) -> None:
        page = self.section_page if self.stack.currentIndex() == 0 else self.next_steps_section
        view = self._call(lambda: self.workspace.conversations.add_item(
            self.view.id, kind, text, key, tuple(members), tuple(areas)),
                          page.item_error.show_message)
        if isinstance(view, cdto.ConversationView):
            self._apply(view)
            page.item_saved()

    def _edit_item(self, item_id: str, text: str) -> None:
        """She changes the family's words for a resource or a need (from the summary)."""
        item = next((i for i in self.view.items if i.id == item_id), None)
        if item is None or item.text == text.strip():
            return
        view = self._call(lambda: self.workspace.conversations.update_item(
            self.view.id, item_id, text, item.member_ids, item.problem_areas), self.summary_page.message.show_message)
        if isinstance(view, cdto.ConversationView):
            self._apply(view)
            summary = self._summary()
            if summary is not FAILED:
                self.summary_page.document.setText(summary_html(summary))

    def _remove_item(self, item_id: str) -> None:
        self._apply(self._call(lambda: self.workspace.conversations.remove_item(self.view.id, item_id)))

    def _refer(self, code: str, member_id: str) -> None:
        view = self._call(lambda: self.workspace.plans.refer(self.view.id, code, member_id),
                          self.offers_page.error.show_message)
        if isinstance(view, cdto.ConversationView):
            self._apply(view)
            self.offers_page.show_offers(self.workspace.plans.offers_for(self.view), self.view)

    def _add_step(self, what: str, who_kind: str, who_name: str, due_text: str) -> None:
        due = date.fromisoformat(due_text) if due_text else None
        view = self._call(lambda: self.workspace.plans.add_step(self.view.id, what, who_kind, who_name, due),
                          self.next_steps_page.step_error.show_message)
        if isinstance(view, cdto.ConversationView):
            self._apply(view)
            self.next_steps_page.show_view(self.view)
            self.next_steps_page.step_saved()

    def _remove_step(self, step_id: str) -> None:
        view = self._call(lambda: self.workspace.plans.remove_step(self.view.id, step_id))
        if isinstance(view, cdto.ConversationView):
            self._apply(view)
            self.next_steps_page.show_view(self.view)

    def _schedule(self, kind: str, day_text: str, note: str) -> None:
        day = date.fromisoformat(day_text)
        view = self._call(lambda: self.workspace.plans.schedule_follow_up(self.view.id, kind, day, note),
                          self.next_steps_page.contact_error.show_message)
        if isinstance(view, cdto.ConversationView):
            self._apply(view)
            self.next_steps_page.show_view(self.view)
            self.next_steps_page.contact_saved()

    def _save_what_matters(self, text: str) -> None:
        if self._call(lambda: self.workspace.conversations.save_what_matters(self.view.id, text)) is not FAILED:
            self._saved()

    def _save_assessment(self, coping: str, indicators: list, level: int, reason: str) -> None:
        view = self._call(lambda: self.workspace.conversations.set_assessment(
            self.view.id, coping, tuple(indicators), level or None, reason), self.assessment_page.error.show_message)
        if isinstance(view, cdto.ConversationView):
            self._apply(view)
            self.assessment_page.show_saved()

    # ---- the summary

    def _summary(self):  # type: ignore[no-untyped-def]
        return self._call(lambda: self.workspace.summaries.family_summary(self.view.id, language()))

    def _show_summary(self) -> None:
        self.view = self.workspace.conversations.view(self.view.id)
        summary = self._summary()
        if summary is not FAILED:
            self.summary_page.show_summary(summary_html(summary), self.view)

    def read_back(self) -> None:
        """The summary in large, plain type, for reading back with the family."""
        summary = self._summary()
        if summary is FAILED:
            return
        self.read_back_page.show_summary(summary_html(summary), self.view)
        self.stack.setCurrentIndex(5)
        self._panels(False)  # the screen is turned towards the family: only their summary

    def _agree(self, answer: str, note: str) -> None:
        agrees = answer == "yes"
        view = self._call(lambda: self.workspace.summaries.set_agreement(self.view.id, agrees, note))
        if isinstance(view, cdto.ConversationView):
            self._apply(view)
            if self.stack.currentIndex() == 5:
                self.read_back()
            else:
                self._show_summary()

    def save_pdf(self) -> Path | None:
        """Save the family's copy as a PDF in the documents folder (an audited export)."""
        folder = self.export_dir or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)) / "Tovholder"
        target = self._call(lambda: self.workspace.summaries.save_pdf(self.view.id, folder, language()),
                            self.summary_page.message.show_message)
        if not isinstance(target, Path):
            return None
        self.summary_page.show_info(fill(self.tr("Saved as {path}. Open it to print it for the family."),
                                         path=str(target)))
        return target

    def finish(self) -> None:
        view = self._call(lambda: self.workspace.conversations.complete(self.view.id),
                          self.summary_page.message.show_message)
        if isinstance(view, cdto.ConversationView):
            self._apply(view)
            self._show_summary()

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
        page = self.section_page if self.stack.currentIndex() == 0 else self.next_steps_section
        if self.current_key and self.current_key != ASSESSMENT_KEY:
            self._call(lambda: self.workspace.conversations.move_cursor(self.view.id, self.current_key,
                                                                        page.cursor_position()))
        self.closed.emit(self.view.id, self.view.case_id)
        super().closeEvent(event)
