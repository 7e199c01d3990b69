"""The application: first start or unlock, the main window, locking (on demand and when idle),
and a calm message if something unexpected happens.

Creating and unlocking the profile run on the task runner's database lane (which then holds the
store's connection); locking and quitting wait there (``runner().call``) until her last saves are
written and the records are closed.

``run(paths)`` is the GUI entry point; ``smoke_test(paths)`` opens a temporary profile, renders the
main window offscreen and returns 0.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QEventLoop, QLockFile, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app import APP_NAME, __version__
from app.core.errors import KnownError, UnlockThrottledError, WrongPasswordError
from app.core.logging_setup import format_exception_safely
from app.core.paths import AppPaths
from app.core.resources import resources_dir
from app.core.settings import Policy, Settings
from app.services.cases.dto import NewProfile
from app.ui.common.i18n import error_text, fill, install_translators, translate
from app.ui.common.idle import IdleWatcher
from app.ui.common.kept_drafts import kept_drafts
from app.ui.common.keyboard import follow_focus
from app.ui.common.tasks import runner
from app.ui.profile.unlock_window import UnlockWindow

if TYPE_CHECKING:
    from app.services.workspace import Workspace
    from app.ui.main_window import MainWindow

# The database layer (SQLAlchemy, Alembic, the models) and the main window are imported only when
# needed, so the unlock window is on screen quickly; they load in the background meanwhile.


def create_profile(*args: Any, **kwargs: Any) -> Workspace:
    from app.services.workspace import create_profile as create

    return create(*args, **kwargs)


def unlock(*args: Any, **kwargs: Any) -> Workspace:
    from app.services.workspace import unlock as open_profile

    return open_profile(*args, **kwargs)


def _preload(paths: AppPaths) -> bool:
    """Import the database layer while she types; True if IT could open the profile again."""
    from app.services.workspace import can_be_recovered

    return can_be_recovered(paths)

log = logging.getLogger(__name__)
BASE_POINT_SIZE = 11
PRELOAD_DELAY_MS = 300


class AppController(QObject):
    """Moves between the first-start, unlock and main windows; owns the unlocked ``Workspace``."""

    unlocked = Signal()
    locked = Signal()
    failed = Signal(str)

    def __init__(self, paths: AppPaths, settings: Settings, policy: Policy,
                 create: Callable[..., Workspace] = create_profile,
                 open_profile: Callable[..., Workspace] = unlock) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.policy = policy
        self._create = create
        self._unlock = open_profile
        self.workspace: Workspace | None = None
        self.window: QWidget | None = None
        self.main: MainWindow | None = None
        self._retired: list[QWidget] = []
        self._opening = False  # a create or unlock is running on the lane
        self.bug_box: QMessageBox | None = None  # kept here so it stays on screen after the handler returns
        runner().unexpected.connect(self.report_bug)
        self.idle = IdleWatcher(self.idle_minutes(), self)
        self.idle.stop()
        self.idle.idle.connect(self.lock)
        QApplication.instance().installEventFilter(self.idle)

    def idle_minutes(self) -> int:
        return min(self.settings.idle_lock_minutes, self.policy.max_idle_lock_minutes)

    # ---- windows

    def start(self) -> None:
        if self.paths.has_profile():
            self.show_unlock()
        else:
            self.show_setup()

    def _replace_window(self, window: QWidget) -> None:
        old = self.window
        self.window = window
        window.show()
        window.activateWindow()  # keyboard shortcuts work at once, without a click first
        if old is not None and old is not window:
            old.close()
            self._retire(old)

    def _retire(self, window: QWidget) -> None:
        """Delete a window on the GUI thread, keeping its Python wrapper alive until Qt has done so.

        Without the reference, Python's garbage collector could free the wrapper (and with it the
        C++ window) from a worker thread of the task runner, which Qt does not allow.
        """
        self._retired.append(window)
        window.destroyed.connect(lambda *_: self._retired.remove(window) if window in self._retired else None)
        window.deleteLater()

    def show_setup(self) -> None:
        from app.ui.profile.setup_window import SetupWindow

        window = SetupWindow(self.policy, self.settings.language)
        window.submitted.connect(self._create_profile)
        window.language_changed.connect(self._setup_language)
        self._replace_window(window)

    def _setup_language(self, language: str) -> None:
        self.settings.language = language
        self.settings.save(self.paths.settings_file)
        install_translators(language)
        self.show_setup()

    def show_unlock(self) -> None:
        window = UnlockWindow(self.policy.municipality)
        window.unlock_requested.connect(self._unlock_requested)
        self._replace_window(window)
        window.password.setFocus()
        # Load the database layer while she types, but only once the window is painted: the import
        # holds Python's lock and would otherwise delay the first paint.
        QTimer.singleShot(PRELOAD_DELAY_MS, self, self._preload)

    def _preload(self) -> None:
        paths, window = self.paths, self.window
        runner().work(lambda: _preload(paths), owner=self,
                      done=lambda recoverable: window.show_recovery(recoverable)
                      if isinstance(window, UnlockWindow) and window is self.window else None)

    def _create_profile(self, profile: NewProfile, password: str) -> None:
        window = self.window
        assert window is not None
        window.setEnabled(False)
        self._opening = True
        create, paths, settings, policy = self._create, self.paths, self.settings, self.policy
        runner().db(lambda: create(paths, profile, password, settings, policy), owner=self, done=self._opened,
                    failed=lambda exc: self._open_refused(exc, window))

    def _unlock_requested(self, password: str) -> None:
        window = self.window
        assert isinstance(window, UnlockWindow)
        self._opening = True
        open_profile, paths, settings, policy = self._unlock, self.paths, self.settings, self.policy
        runner().db(lambda: open_profile(paths, password, settings, policy), owner=self, done=self._opened,
                    failed=lambda exc: self._open_refused(exc, window))

    def _opened(self, workspace: Workspace) -> None:
        self._opening = False
        self.enter(workspace)

    def _open_refused(self, exc: KnownError, window: QWidget) -> None:
        self._opening = False
        if isinstance(window, UnlockWindow):
            if isinstance(exc, (WrongPasswordError, UnlockThrottledError)):
                window.show_error(error_text(exc), int(exc.params.get("seconds", 0)))
            else:
                window.show_error(error_text(exc))
            self.failed.emit(type(exc).__name__)
        else:
            window.show_error(error_text(exc), getattr(exc, "field", ""))  # type: ignore[attr-defined]

    def enter(self, workspace: Workspace) -> None:
        """The profile is open: show the main window, bring back open forms, start the idle timer."""
        from app.ui.main_window import MainWindow

        self.workspace = workspace
        for problem in workspace.content.rejected:
            log.warning("municipal content rejected: %s line %s", problem.file, problem.line)
        # Drafts a full disk refused earlier in this run go to the disk before the windows read theirs.
        kept_drafts().attach(workspace)
        main = MainWindow(workspace)
        main.restore_geometry_text(self.settings.window_geometry)
        main.lock_requested.connect(self.lock)
        main.settings_requested.connect(self.open_settings)
        self.main = main
        self._replace_window(main)
        main.restore_state()
        # Standing notices in the main window (they stay while she opens cases): a refused content file,
        # a broken audit trail (checked from where the last start got to), damage found by the full
        # check of a database too large to check at unlock, or a backup that could not be made.
        if workspace.content.rejected:
            main.show_notice("content", content_refused_text(workspace.content.rejected))
        runner().db(workspace.check_audit_trail, owner=main,
                    failed=lambda exc: main.show_notice("audit", error_text(exc)))
        runner().db(lambda: workspace.after_unlock(), owner=main,
                    failed=lambda exc: main.show_notice("records", error_text(exc)))
        self.idle.set_minutes(self.idle_minutes())
        self.unlocked.emit()

    def lock(self) -> None:
        """Save what she is typing, close the records, show the unlock screen."""
        if self.workspace is None or self.main is None:
            return
        self.idle.stop()
        main, workspace = self.main, self.workspace
        main.save_state()  # queued on the lane, ahead of the lock below
        self.settings.window_geometry = main.geometry_text()
        self._save_settings()
        self.main = None
        self.workspace = None
        self.show_unlock()  # closing her windows queues their last saves too
        self._close_records(workspace)
        self.locked.emit()

    def shutdown(self) -> None:
        """On quit: like locking, without showing the unlock screen."""
        if self.workspace is not None and self.main is not None:
            self.main.save_state()
            self.settings.window_geometry = self.main.geometry_text()
            self._save_settings()
            workspace, self.workspace = self.workspace, None
            self._close_records(workspace)

    @staticmethod
    def _close_records(workspace: Workspace) -> None:
        """Wait on the lane until every save asked for so far is written, then close the database."""
        kept_drafts().retry()  # drafts the disk refused: one more try; if it still refuses, kept for the next unlock
        try:
            runner().call(lambda: workspace.before_lock())  # a backup, if due and the disk has room for it
        except KnownError as exc:
            log.warning("backup at lock: %s", type(exc).__name__)
        try:
            runner().call(lambda: workspace.lock())
        except KnownError as exc:
            log.error("lock: %s", type(exc).__name__)
        kept_drafts().attach(None)

    def report_bug(self, exc: BaseException) -> None:
        """A bug (from the task runner or uncaught): log it, save the open forms' drafts while her
        windows stay open, and show a calm message that stays until she closes it."""
        log.error("unexpected error\n%s", format_exception_safely(type(exc), exc, exc.__traceback__))
        if self.main is not None:
            try:
                self.main.actions.save_drafts()
            except Exception:  # noqa: BLE001 - already in the error path; the log has the first error
                log.error("drafts could not be saved after the error")
        if self._opening:
            self._opening = False
            if isinstance(self.window, UnlockWindow):
                self.window.show_error(translate("Errors", "Something went wrong."))
                self.failed.emit(type(exc).__name__)
            elif self.window is not None:
                self.window.setEnabled(True)
        if self.bug_box is None:
            self.bug_box = bug_message_box()
            self.bug_box.finished.connect(self._bug_box_closed)
        self.bug_box.show()
        self.bug_box.raise_()

    def _bug_box_closed(self, *_: object) -> None:
        if self.bug_box is not None:
            self.bug_box.deleteLater()
            self.bug_box = None

    def _save_settings(self) -> None:
        try:
            self.settings.save(self.paths.settings_file)
        except KnownError as exc:
            log.warning("settings not saved: %s", type(exc).__name__)

    def open_settings(self) -> None:
        if self.workspace is None or self.main is None:
            return
        from app.ui.profile.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.workspace, self.main)
        dialog.finished.connect(lambda result: self._settings_done(dialog, result))
        dialog.open()

    def _settings_done(self, dialog: QDialog, result: int) -> None:
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            return
        language, minutes, scale = dialog.values()
        self.settings.conversation_guide = dialog.guide_choice()
        if self.workspace is not None:
            self.workspace.conversations.default_guide = self.settings.conversation_guide or "standard"
        relayout = language != self.settings.language or scale != self.settings.font_scale
        self.settings.language, self.settings.idle_lock_minutes, self.settings.font_scale = language, minutes, scale
        self._save_settings()
        self.idle.set_minutes(self.idle_minutes())
        if relayout and self.workspace is not None and self.main is not None:
            # Rebuild the window in the new language/size; open forms come back from their drafts.
            workspace = self.workspace
            self.main.save_state()
            install_translators(language)
            apply_font(QApplication.instance(), scale)
            self.enter(workspace)


def content_refused_text(rejected: list[KnownError]) -> str:
    """The main window's banner when a municipality's content file was refused: each file, line and reason."""
    return fill(translate("Errors", "A content file from the municipality was not taken into use, and Tovholder "
                                    "uses the content it came with. Please tell IT. {problem}"),
                problem="".join("\n• " + error_text(problem) for problem in rejected))  # one line each


def apply_font(app: QApplication, scale: float) -> None:
    font = app.font()
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    app.setFont(font)


def create_qapplication(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)
    style_dir = resources_dir() / "style"
    sheet = (style_dir / "tovholder.qss").read_text(encoding="utf-8")
    app.setStyleSheet(sheet.replace("@STYLE_DIR@", style_dir.as_posix()))
    follow_focus(app)  # the focused control is always in view
    return app  # type: ignore[return-value]


_controller: AppController | None = None
_orphan_boxes: list[QMessageBox] = []  # a bug before there is a controller: the box is kept here


def bug_message_box() -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Errors", "Tovholder"), translate(
        "Errors",
        "Something unexpected happened. What you were typing has been kept as a draft. If it happens "
        "again, tell IT what you were doing; the log file holds the details (without personal data)."))
    box.setWindowModality(Qt.WindowModality.NonModal)
    return box


def report_bug(exc: BaseException) -> None:
    """A bug: log it without personal data, save the drafts, and say so calmly (see
    ``AppController.report_bug``)."""
    if _controller is not None:
        _controller.report_bug(exc)
        return
    log.error("unexpected error\n%s", format_exception_safely(type(exc), exc, exc.__traceback__))
    box = bug_message_box()
    _orphan_boxes.append(box)
    box.finished.connect(lambda *_: _orphan_boxes.remove(box) if box in _orphan_boxes else None)
    box.show()


def _excepthook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report_bug(exc)


class _StartupProbe(QObject):
    """``TOVHOLDER_STARTUP_PROBE=1``: print when the first window is on screen and quit (benchmarks)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Expose and hasattr(watched, "isExposed") and watched.isExposed():
            name = "unlock" if _controller and isinstance(_controller.window, UnlockWindow) else "setup"
            print(f"startup-probe shown {name}", flush=True)  # noqa: T201
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, lambda: os._exit(0))
        return False


def run(paths: AppPaths, language: str | None = None) -> int:
    global _controller
    settings = Settings.load(paths.settings_file)
    policy = Policy.load(paths.policy_files)
    if language:
        settings.language = language
    app = create_qapplication()
    install_translators(settings.language)
    instance = QLockFile(str(paths.data_dir / "tovholder.lock"))
    if not instance.tryLock(200):
        # A second copy on the same profile would fight the first over drafts and the lock screen.
        QMessageBox.information(None, "Tovholder", translate(
            "Errors", "Tovholder is already open on this computer. Use the window that is already open."))
        return 1
    if os.environ.get("TOVHOLDER_STARTUP_PROBE") == "1":
        app.installEventFilter(_StartupProbe(app))
    apply_font(app, settings.font_scale)
    sys.excepthook = _excepthook
    _controller = AppController(paths, settings, policy)
    app.aboutToQuit.connect(_controller.shutdown)
    _controller.start()
    log.info("Tovholder %s started", __version__)
    try:
        return app.exec()
    finally:
        instance.unlock()


def smoke_test(paths: AppPaths) -> int:
    """Start, open a temporary profile with a few synthetic families, render the main window, exit 0."""
    from app.services.demo import create_demo_profile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_qapplication()
    install_translators("da")
    workspace = create_demo_profile(paths, "røgtest", families=3, name="Røgtest", seed=1, fast_kdf=True)
    try:
        from app.ui.main_window import MainWindow

        window = MainWindow(workspace)
        window.show()
        app.processEvents()
        window.case_list.refresh()
        while not runner().idle:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        shown = window.case_list.model.rowCount()
        image = window.grab()
        window.close()
        if shown != 3 or image.isNull():
            log.error("smoke test: expected 3 cases on screen, saw %s", shown)
            return 1
    finally:
        runner().call(lambda: workspace.lock())
    log.info("smoke test ok: main window rendered with %s cases", shown)
    print(f"smoke test ok: Tovholder {__version__}, main window rendered with {shown} cases")  # noqa: T201
    return 0
