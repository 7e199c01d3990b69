"""What she does with a case: open it, and the forms that change it. Keeps track of open forms so
that locking can save their drafts and unlocking can bring them back."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from app.core.errors import KnownError
from app.services.cases import dto
from app.services.workspace import Workspace
from app.ui.cases.course_dialogs import (
    ConsentDialog,
    HouseholdDialog,
    ServiceLevelDialog,
    TovholderDialog,
    WithdrawConsentDialog,
)
from app.ui.cases.member_dialog import MemberDialog, member_input_from_view
from app.ui.cases.new_case_dialog import NewCaseDialog
from app.ui.cases.overview_panel import CaseOverviewPanel
from app.ui.common.draft_dialog import DraftDialog
from app.ui.common.i18n import error_text, fill
from app.ui.common.tasks import runner
from app.ui.conversation.window import ConversationWindow
from app.ui.network.partner_directory import PartnerDialog, PartnerDirectory
from app.ui.network.window import NetworkMapWindow

log = logging.getLogger(__name__)


class CaseActions(QObject):
    """Connects the overview panel's wishes to the forms and services."""

    case_changed = Signal(str)
    case_created = Signal(str)  # a family she has just created (the list shows it whatever the filter)

    def __init__(self, workspace: Workspace, panel: CaseOverviewPanel, window: QWidget) -> None:
        super().__init__(window)
        self.workspace = workspace
        self.panel = panel
        self.window = window
        self.open_forms: list[DraftDialog] = []
        self.open_maps: list[str] = []
        self.partner_directory: PartnerDirectory | None = None
        self._remove_armed = ""
        panel.edit_household.connect(lambda: self._with_case(lambda ov: HouseholdDialog(workspace, ov, window)))
        panel.add_member.connect(lambda: self._with_case(lambda ov: MemberDialog(workspace, ov.id, None, window)))
        panel.edit_member.connect(self.edit_member)
        panel.remove_member.connect(self.remove_member)
        panel.record_consent.connect(lambda: self._with_case(lambda ov: ConsentDialog(workspace, ov, window)))
        panel.withdraw_consent.connect(self.withdraw_consent)
        panel.assign_tovholder.connect(lambda: self._with_case(lambda ov: TovholderDialog(workspace, ov.id, window)))
        panel.record_level.connect(lambda: self._with_case(
            lambda ov: ServiceLevelDialog(workspace, ov.id, window,
                                          current=ov.service_level.level if ov.service_level else None)))
        panel.complete_step.connect(self.complete_step)
        panel.skip_step.connect(self.skip_step)
        panel.start_conversation.connect(self.start_conversation)
        panel.open_network_map.connect(lambda: self.open_network_map(self.panel.overview.id) if self.panel.overview else None)
        self.map_windows: list[NetworkMapWindow] = []
        panel.open_conversation.connect(self.open_conversation)
        panel.follow_up_done.connect(self.follow_up_done)
        self.conversation_windows: list[ConversationWindow] = []

    # ---- opening (every read and change goes through the database lane; see ui/common/tasks.py)

    def open_case(self, case_id: str, via_search: str = "",
                  then: Callable[[dto.CaseOverview], None] | None = None) -> None:
        """Load the case (audited as opened, with the search that found it) and show it; ``then``
        is called with its overview once it is on screen."""
        self._remove_armed = ""
        workspace = self.workspace
        runner().db(lambda: (workspace.cases.overview(case_id, via_search),
                             workspace.conversations.list_for_case(case_id), workspace.plans.follow_ups(case_id)),
                    owner=self, done=lambda loaded: self._case_loaded(loaded, then),
                    failed=lambda exc: self.panel.show_message(error_text(exc), "errorBanner"))

    def _case_loaded(self, loaded: tuple, then: Callable[[dto.CaseOverview], None] | None) -> None:
        overview, conversations, follow_ups = loaded
        self.panel.show_message("")
        self.panel.show_case(overview, self.workspace.content)
        self.panel.show_conversations(conversations, follow_ups)
        if then is not None:
            then(overview)

    def _show(self, overview: dto.CaseOverview) -> None:
        self.panel.show_case(overview, self.workspace.content)
        self._show_conversations(overview.id)
        self.case_changed.emit(overview.id)

    def _show_conversations(self, case_id: str) -> None:
        workspace = self.workspace
        runner().db(lambda: (workspace.conversations.list_for_case(case_id), workspace.plans.follow_ups(case_id)),
                    owner=self, done=lambda lists: self._conversations_loaded(case_id, *lists),
                    failed=self._refused)

    def _conversations_loaded(self, case_id: str, conversations: list, follow_ups: list) -> None:
        if self.panel.overview is not None and self.panel.overview.id == case_id:
            self.panel.show_conversations(conversations, follow_ups)

    def _refused(self, exc: KnownError) -> None:
        self.panel.show_message(error_text(exc))

    def _changed(self, overview: dto.CaseOverview) -> None:
        self.panel.show_message("")
        self._show(overview)

    def _case_change(self) -> dict:
        """The runner's callbacks for a change of the open case that returns its new overview."""
        return {"owner": self, "done": self._changed, "failed": self._refused}

    # ---- conversations

    def start_conversation(self) -> None:
        """Start the clarifying conversation (or resume it); blocked calmly without consent."""
        overview = self.panel.overview
        if overview is None:
            return
        workspace, case_id = self.workspace, overview.id
        runner().db(lambda: workspace.conversations.start(case_id), owner=self, done=self._show_conversation,
                    failed=self._refused)

    def open_conversation(self, conversation_id: str) -> None:
        existing = next((w for w in self.conversation_windows if w.view.id == conversation_id), None)
        if existing is not None:
            existing.activateWindow()
            return
        workspace = self.workspace
        runner().db(lambda: workspace.conversations.open(conversation_id), owner=self,
                    done=self._show_conversation, failed=self._refused)

    def _show_conversation(self, view) -> ConversationWindow:  # type: ignore[no-untyped-def]
        existing = next((w for w in self.conversation_windows if w.view.id == view.id), None)
        if existing is not None:
            existing.activateWindow()
            return existing
        window = ConversationWindow(self.workspace, view, self.window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.closed.connect(self._conversation_closed)
        window.network_map_requested.connect(self.open_network_map)
        self.conversation_windows.append(window)
        window.show()
        window.activateWindow()
        self._show_conversations(view.case_id)
        return window

    def _conversation_closed(self, conversation_id: str, case_id: str) -> None:
        self.conversation_windows = [w for w in self.conversation_windows if w.view.id != conversation_id]
        if self.panel.overview is not None and self.panel.overview.id == case_id:
            workspace = self.workspace
            runner().db(lambda: workspace.cases.overview(case_id), owner=self, done=self._show, failed=self._refused)

    def open_partner_directory(self, parent: QWidget | None = None) -> PartnerDirectory:
        """The partners shared across families; a change shows at once in the open maps' forms."""
        if self.partner_directory is not None:
            self.partner_directory.close()
        directory = PartnerDirectory(self.workspace, self.open_form, parent or self.window)
        directory.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        directory.changed.connect(self._partners_changed)
        directory.destroyed.connect(lambda: setattr(self, "partner_directory", None))
        self.partner_directory = directory
        directory.open()
        return directory

    def _partners_changed(self) -> None:
        workspace = self.workspace
        runner().db(lambda: workspace.partners.find(), owner=self, done=self._show_partners, failed=self._refused)

    def _show_partners(self, partners: list) -> None:
        for window in self.map_windows:
            window.form.set_partners(partners)

    def open_network_map(self, case_id: str) -> NetworkMapWindow | None:
        """The family's network map, in its own window (one per family)."""
        existing = next((w for w in self.map_windows if w.case_id == case_id), None)
        if existing is not None:
            existing.activateWindow()
            return existing
        try:
            window = NetworkMapWindow(self.workspace, case_id, self.window)
        except KnownError as exc:
            self.panel.show_message(error_text(exc))
            return None
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.partner_directory_requested.connect(lambda: self.open_partner_directory(window))
        window.closed.connect(lambda closed_id: setattr(self, "map_windows", [
            w for w in self.map_windows if w.case_id != closed_id]))
        self.map_windows.append(window)
        window.show()
        window.activateWindow()
        return window

    def follow_up_done(self, follow_up_id: str) -> None:
        overview = self.panel.overview
        if overview is None:
            return
        workspace, case_id = self.workspace, overview.id
        runner().db(lambda: (workspace.plans.complete_follow_up(case_id, follow_up_id),
                             workspace.cases.overview(case_id))[1], **self._case_change())

    # ---- forms

    def open_form(self, dialog: DraftDialog, payload: dict | None = None) -> DraftDialog:
        if payload is not None:
            dialog.restore_draft(payload)
        self.open_forms.append(dialog)
        dialog.finished.connect(lambda result: self._form_done(dialog, result))
        dialog.open()
        return dialog

    def _form_done(self, dialog: DraftDialog, result: int) -> None:
        if dialog in self.open_forms:
            self.open_forms.remove(dialog)
        if result == DraftDialog.DialogCode.Accepted and isinstance(dialog.saved_result, dto.CaseOverview):
            self.panel.show_message("")
            self._show(dialog.saved_result)
            if isinstance(dialog, NewCaseDialog):
                self.case_created.emit(dialog.saved_result.id)
        dialog.deleteLater()

    def _with_case(self, make) -> None:  # type: ignore[no-untyped-def]
        if self.panel.overview is not None:
            self.open_form(make(self.panel.overview))

    def new_case(self, payload: dict | None = None) -> DraftDialog:
        existing = next((f for f in self.open_forms if isinstance(f, NewCaseDialog)), None)
        if existing is not None:
            existing.raise_()
            return existing
        return self.open_form(NewCaseDialog(self.workspace, self.window), payload)

    def edit_member(self, member_id: str) -> None:
        overview = self.panel.overview
        member = next((m for m in overview.members if m.id == member_id), None) if overview else None
        if member is not None:
            self.open_form(MemberDialog(self.workspace, overview.id, member_input_from_view(member), self.window))

    def withdraw_consent(self, grant_id: str) -> None:
        overview = self.panel.overview
        grant = next((g for c in overview.consents for g in c.grants if g.id == grant_id), None) if overview else None
        if grant is not None:
            self.open_form(WithdrawConsentDialog(self.workspace, overview.id, grant, self.window))

    def remove_member(self, member_id: str) -> None:
        overview = self.panel.overview
        member = next((m for m in overview.members if m.id == member_id), None) if overview else None
        if member is None:
            return
        if self._remove_armed != member_id:
            # Asked inline, not in a modal box (see DraftDialog.reject): the second press removes.
            self._remove_armed = member_id
            self.panel.show_message(fill(self.tr(
                "Press Remove again to remove {name} from the family. The change is kept in the case "
                "history."), name=member.full_name))
            return
        self._remove_armed = ""
        workspace, case_id = self.workspace, overview.id
        runner().db(lambda: workspace.cases.remove_member(case_id, member_id), **self._case_change())

    def complete_step(self) -> None:
        if self.panel.overview is not None:
            workspace, case_id = self.workspace, self.panel.overview.id
            runner().db(lambda: workspace.course.complete_step(case_id), **self._case_change())

    def skip_step(self) -> None:
        if self.panel.overview is not None:
            workspace, case_id = self.workspace, self.panel.overview.id
            runner().db(lambda: workspace.course.skip_step(case_id), **self._case_change())

    # ---- drafts and locking

    def save_drafts(self) -> None:
        """Queue the open forms' drafts now, leaving the forms open (after an unexpected error)."""
        for dialog in list(self.open_forms):
            dialog.save_draft()

    def save_drafts_and_close(self) -> list[str]:
        """Save the open forms' drafts and close them and the conversations (whose every change is
        already saved); returns the ids of the conversations that were open."""
        for dialog in list(self.open_forms):
            dialog.close_for_lock()
        self.open_forms.clear()
        open_conversations = [w.view.id for w in self.conversation_windows]
        for window in list(self.conversation_windows):
            window.closed.disconnect(self._conversation_closed)  # the main window goes too: nothing to refresh
            window.close()
        self.conversation_windows.clear()
        if self.partner_directory is not None:
            self.partner_directory.close()
        self.open_maps = [w.case_id for w in self.map_windows]
        for window in list(self.map_windows):
            window.close()  # saves the moves not yet saved
        return open_conversations

    def reopen_draft(self, draft: dto.DraftView) -> None:
        """Bring back a form from its draft (after unlock or after a crash)."""
        ws, window, payload = self.workspace, self.window, draft.payload
        if draft.kind == "new_case":
            self.new_case(payload)
            return
        if draft.kind == "partner":
            runner().db(lambda: ws.partners.find(), owner=self, failed=self._refused, done=lambda partners: self.open_form(
                PartnerDialog(ws, next((p for p in partners if p.id == payload.get("partner_id")), None), window),
                payload))
            return
        if draft.kind == "network_person":
            self.open_network_map(draft.case_id)  # the map puts the person form's draft back
            return
        if draft.kind == "conversation_notes" and payload.get("conversation_id"):
            # Notes the disk refused: the conversation puts them back when it opens.
            conversation_id = payload["conversation_id"]
            self.open_case(draft.case_id, then=lambda _overview: self.open_conversation(conversation_id))
            return
        if draft.case_id:
            self.open_case(draft.case_id, then=lambda overview: self._reopen_case_draft(draft, overview))

    def _reopen_case_draft(self, draft: dto.DraftView, overview: dto.CaseOverview) -> None:
        ws, window, payload = self.workspace, self.window, draft.payload
        dialog: DraftDialog
        if draft.kind == "member":
            member = next((m for m in overview.members if m.id == payload.get("member_id")), None)
            dialog = MemberDialog(ws, overview.id, member_input_from_view(member) if member else None, window)
        elif draft.kind == "consent":
            dialog = ConsentDialog(ws, overview, window)
        elif draft.kind == "withdraw_consent":
            grant = next((g for c in overview.consents for g in c.grants if g.id == payload.get("grant_id")), None)
            if grant is None:
                key = draft.key
                runner().db(lambda: ws.drafts.discard(key), owner=self, failed=self._refused)
                return
            dialog = WithdrawConsentDialog(ws, overview.id, grant, window)
        elif draft.kind == "tovholder":
            dialog = TovholderDialog(ws, overview.id, window)
        elif draft.kind == "service_level":
            dialog = ServiceLevelDialog(ws, overview.id, window)
        elif draft.kind == "household":
            dialog = HouseholdDialog(ws, overview, window)
        else:
            log.warning("unknown draft kind %s; left in place", draft.kind)
            return
        self.open_form(dialog, payload)
