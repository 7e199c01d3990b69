"""The main window: the case list on the left, the chosen case on the right, a quiet toolbar; standing
notices that stay until resolved (a refused content file, a broken audit trail, damage found in the
records), a calm banner for what the task runner could not do and nobody else showed, and a progress
line for long work."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KnownError
from app.services.cases.dto import DraftView
from app.services.workspace import Workspace
from app.ui.cases.actions import CaseActions
from app.ui.cases.list_panel import CaseListPanel
from app.ui.cases.overview_panel import CaseOverviewPanel
from app.ui.common.i18n import error_text
from app.ui.common.labels import role_text
from app.ui.common.tasks import runner

UI_STATE_DRAFT = "ui.state"


class MainWindow(QMainWindow):
    lock_requested = Signal()
    settings_requested = Signal()

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.setWindowTitle(self.tr("Tovholder"))
        self.resize(1360, 860)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)
        self.new_case_action = QAction(self.tr("+ New case"), self)
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_case_action.setToolTip(self.tr("New case from a referral (Ctrl+N)"))
        toolbar.addAction(self.new_case_action)
        self.find_action = QAction(self.tr("Find"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        toolbar.addAction(self.find_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        who = QLabel(f"{workspace.profile.name} · {role_text(workspace.profile.role)}")
        who.setObjectName("muted")
        toolbar.addWidget(who)
        self.partners_action = QAction(self.tr("Partners"), self)
        self.partners_action.setToolTip(self.tr("The partner directory: organisations entered once and chosen on "
                                                "every family's map"))
        toolbar.addAction(self.partners_action)
        self.settings_action = QAction(self.tr("Settings"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        toolbar.addAction(self.settings_action)
        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip(self.tr("Lock now (Ctrl+L). What you are typing is kept."))
        toolbar.addAction(self.lock_action)

        self.case_list = CaseListPanel(workspace)
        self.overview = CaseOverviewPanel()
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        hint = QLabel(self.tr("Choose a family in the list, or create a new case from a referral (Ctrl+N)."))
        hint.setObjectName("muted")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        empty_layout.addWidget(hint)
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(self.overview)
        splitter = QSplitter()
        splitter.addWidget(self.case_list)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([620, 740])
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        # Standing notices (a refused content file, a broken audit trail, damage found in the records):
        # each stays until it is resolved or the profile is locked; opening a case does not clear them.
        self.notices: dict[str, QLabel] = {}
        self.notices_layout = QVBoxLayout()
        self.notices_layout.setContentsMargins(0, 0, 0, 0)
        self.notices_layout.setSpacing(0)
        central_layout.addLayout(self.notices_layout)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Message"))
        self.banner.hide()
        central_layout.addWidget(self.banner)
        central_layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.progress_label = QLabel()
        self.progress_label.setObjectName("muted")
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)  # indeterminate: the work does not say how far it is
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setMaximumHeight(12)
        self.progress_bar.setTextVisible(False)
        self.statusBar().addWidget(self.progress_label)
        self.statusBar().addWidget(self.progress_bar)
        self.statusBar().setSizeGripEnabled(False)
        self.show_progress("")
        runner().known_error.connect(self._known_error)
        runner().progress.connect(self.show_progress)

        self.actions = CaseActions(workspace, self.overview, self)
        self.new_case_action.triggered.connect(lambda: self.actions.new_case())
        self.partners_action.triggered.connect(lambda: self.actions.open_partner_directory())
        self.find_action.triggered.connect(self.case_list.focus_search)
        self.lock_action.triggered.connect(self.lock_requested)
        self.settings_action.triggered.connect(self.settings_requested)
        self.case_list.case_chosen.connect(self.open_case)
        self.actions.case_changed.connect(self._case_changed)
        self.actions.case_created.connect(self.case_list.show_new_case)
        self.case_list.search.setFocus()

    def open_case(self, case_id: str, via_search: str = "") -> None:
        self.show_problem("")
        self.actions.open_case(case_id, via_search, then=lambda _: self.right.setCurrentWidget(self.overview))

    def _case_changed(self, case_id: str) -> None:
        self.right.setCurrentWidget(self.overview)
        self.case_list.refresh(select=case_id)

    # ---- what the task runner reports

    def show_problem(self, text: str) -> None:
        """A known failure nobody else showed (disk full, no consent, …), calmly above the lists."""
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def show_notice(self, key: str, text: str) -> None:
        """A standing notice under ``key`` (replaced by the next one with that key; ``""`` removes it).
        Unlike ``show_problem``, it stays while she opens cases: IT may need to be told."""
        notice = self.notices.get(key)
        if not text:
            if notice is not None:
                self.notices.pop(key).deleteLater()
            return
        if notice is None:
            notice = QLabel()
            notice.setObjectName("banner")
            notice.setWordWrap(True)
            notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            notice.setAccessibleName(self.tr("Notice"))
            self.notices[key] = notice
            self.notices_layout.addWidget(notice)
            notice.show()  # now, not on the event loop's next turn (as a layout shows a new child)
        notice.setText(text)

    def _known_error(self, owner: object, exc: KnownError) -> None:
        self.show_problem(error_text(exc))

    def show_progress(self, label: str) -> None:
        """Long work under way (``label``), or none (``""``)."""
        self.progress_label.setText(label)
        self.progress_label.setVisible(bool(label))
        self.progress_bar.setVisible(bool(label))
        self.statusBar().setVisible(bool(label))

    def current_case_id(self) -> str:
        overview = self.overview.overview
        return overview.id if overview is not None and self.right.currentWidget() is self.overview else ""

    # ---- lock and restore

    def save_state(self) -> None:
        """Save every open form's draft and which case was open (all encrypted), then close the forms.
        The writes are queued on the database lane; locking waits for them there."""
        case_id = self.current_case_id()
        conversations = self.actions.save_drafts_and_close()
        state = {
            "case_id": case_id,
            "search": self.case_list.search.text(),
            "conversations": conversations,
            "maps": self.actions.open_maps,
        }
        workspace = self.workspace
        runner().db(lambda: workspace.drafts.save(UI_STATE_DRAFT, "ui_state", state))

    def restore_state(self) -> None:
        """Reopen the case and the forms that were open when the app locked (or crashed)."""
        workspace = self.workspace
        runner().db(lambda: (workspace.drafts.get(UI_STATE_DRAFT), workspace.drafts.all()), owner=self,
                    done=lambda drafts: self._restore(*drafts))

    def _restore(self, state: DraftView | None, drafts: list[DraftView]) -> None:
        if state is not None:
            case_id = state.payload.get("case_id")
            self.case_list.search.setText(state.payload.get("search", ""))
            self.case_list.refresh(select=case_id or "")
            if case_id:
                self.open_case(case_id)
            for conversation_id in state.payload.get("conversations", []):
                self.actions.open_conversation(conversation_id)
            for map_case_id in state.payload.get("maps", []):
                self.actions.open_network_map(map_case_id)
            workspace = self.workspace
            runner().db(lambda: workspace.drafts.discard(UI_STATE_DRAFT))
        for draft in drafts:
            if draft.key != UI_STATE_DRAFT:
                self.actions.reopen_draft(draft)

    def geometry_text(self) -> str:
        return bytes(self.saveGeometry().toBase64().data()).decode("ascii")

    def restore_geometry_text(self, text: str) -> None:
        if text:
            self.restoreGeometry(QByteArray.fromBase64(text.encode("ascii")))
