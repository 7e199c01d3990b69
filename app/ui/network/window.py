"""The network map window: the map (click to add, drag to move, Shift+drag or the tie tool to tie two
people), and beside it the person, the list, the measures and the versions. Undo and redo cover every
change; exports (PNG, PDF) need the family's consent and are audited.

The window shows at once and fills when the map has been read; every service call goes through the
task runner (app/ui/common/tasks.py), so reading and saving never hold up the screen."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KnownError
from app.services.exports import export_file_name
from app.services.network import dto as n
from app.services.workspace import Workspace
from app.ui.common.draft_dialog import DRAFT_PAUSE_MS
from app.ui.common.export_dialog import (
    ExportDoneBar,
    choose_export_file,
    in_her_language,
    start_folder,
)
from app.ui.common.i18n import error_text, fill, label, language
from app.ui.common.tasks import runner
from app.ui.common.widgets import LazyPage, banner, scrolled
from app.ui.network.compare import MapComparison
from app.ui.network.editor import MapEditor
from app.ui.network.forms import PersonForm, sector_text
from app.ui.network.panels import MeasuresPanel, VersionsPanel
from app.ui.network.people_list import PeopleList, PeopleModel, TiesPanel
from app.ui.network.scene import NetworkScene
from app.ui.network.view import MapView, scene_png

DETAILS_PAUSE_MS = 300
SLOW_OPEN_MS = 250  # a map not read by then is greyed out until it is shown


class NetworkMapWindow(QWidget):
    """One family's network map."""

    closed = Signal(str)
    partner_directory_requested = Signal()
    loaded = Signal()  # the map has been read and is shown
    exported = Signal(object)  # the path of an export just written

    def __init__(self, workspace: Workspace, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.workspace = workspace
        self.case_id = case_id
        self.map_view = n.NetworkMapView(case_id, "", (), n.MapData())  # until the map has been read
        self.editor = MapEditor(workspace, case_id, self)
        self.setObjectName("networkWindow")
        self.setWindowTitle(fill(self.tr("Network map – {family}"), family="…"))
        self.resize(1440, 900)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        toolbar = QToolBar()
        self.toolbar = toolbar
        self.add_action = self._action(toolbar, self.tr("Add person"), "Ins", self._add_here)
        self.tie_action = self._action(toolbar, self.tr("Draw ties"), "T", self._tie_mode)
        self.tie_action.setCheckable(True)
        self.remove_action = self._action(toolbar, self.tr("Remove"), QKeySequence.StandardKey.Delete, self._remove)
        toolbar.addSeparator()
        # Undo and redo keep their short names on the button (the step's name would widen the toolbar
        # until Export fell off it); what they undo is the tooltip and the screen reader's description.
        self.undo_action = self._stack_action(self.tr("Undo"), self.editor.undo_stack.undo,
                                              self.editor.undo_stack.canUndoChanged,
                                              self.editor.undo_stack.undoTextChanged)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self._stack_action(self.tr("Redo"), self.editor.undo_stack.redo,
                                              self.editor.undo_stack.canRedoChanged,
                                              self.editor.undo_stack.redoTextChanged)
        # The platform's redo keys plus Ctrl+Y, each once (a key bound twice fires neither).
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) + [QKeySequence("Ctrl+Y")]
        self.redo_action.setShortcuts(list({k.toString(): k for k in redo_keys}.values()))
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        # Short signs on the buttons; the full words are the tooltip and what a screen reader says.
        self._action(toolbar, self.tr("Zoom in"), QKeySequence.StandardKey.ZoomIn,
                     lambda: self.view.zoom(1.2)).setIconText("+")
        self._action(toolbar, self.tr("Zoom out"), QKeySequence.StandardKey.ZoomOut,
                     lambda: self.view.zoom(1 / 1.2)).setIconText("−")
        self._action(toolbar, self.tr("Whole map"), "Ctrl+0", lambda: self.view.fit())
        # Full screen with only the map, for drawing it together with the family across the table.
        self.present_action = self._action(toolbar, self.tr("Full screen"), "F11",
                                           lambda: self.set_presenting(self.present_action.isChecked()))
        self.present_action.setCheckable(True)
        office_tools = [toolbar.addSeparator()]  # what full screen leaves out: it is for the family
        self.initials_action = self._action(toolbar, self.tr("Initials and roles only"), "Ctrl+I", self._initials)
        self.initials_action.setCheckable(True)
        export_menu = QMenu(self)
        export_menu.addAction(self.tr("PNG picture …"), lambda: self._choose_export("png"))
        export_menu.addAction(self.tr("PDF for printing …"), lambda: self._choose_export("pdf"))
        export_menu.addAction(self.tr("Data for another system (JSON) …"), lambda: self._choose_export("json"))
        export_menu.addSeparator()
        self.read_action = export_menu.addAction(self.tr("Read a map from a file (JSON) …"), self._choose_map_file)
        self.read_action.setToolTip(self.tr("Only into an empty map"))
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setMenu(export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        office_tools += [self.initials_action, toolbar.addWidget(self.export_button), toolbar.addSeparator()]
        partners = self._action(toolbar, self.tr("Partners …"), "", lambda: self.partner_directory_requested.emit())
        office_tools.append(partners)
        self.office_tools = office_tools
        partners.setToolTip(
            self.tr("The partner directory: organisations entered once and chosen on every family's map"))
        outer.addWidget(toolbar)
        self.message = banner("", "errorBanner")
        self.message.hide()
        outer.addWidget(self.message)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("muted")

        self.scene = NetworkScene(self)
        self.scene.set_labels(self.sector_labels(), self.centre_text())
        self.view = MapView(self.scene)
        self.form = PersonForm()
        # The other tabs are built when she first opens them (or the window needs them), so the map
        # opens as fast as the person form beside it.
        self.list_tab = LazyPage(self._build_list)
        self.measures_tab = LazyPage(self._build_measures)
        self.versions_tab = LazyPage(self._build_versions)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("Person"))
        self.tabs.addTab(self.list_tab, self.tr("List"))
        self.tabs.addTab(self.measures_tab, self.tr("Measures"))
        self.tabs.addTab(self.versions_tab, self.tr("Versions"))
        self.tabs.setMinimumWidth(500)
        splitter = QSplitter()
        self.splitter = splitter
        splitter.addWidget(self.view)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([900, 540])
        outer.addWidget(splitter, 1)
        footer = QHBoxLayout()
        footer.setContentsMargins(12, 4, 12, 6)
        legend = QLabel(self.tr("● family  ■ friends  ◆ school, day care, work, leisure  ▲ professionals · "
                                "filled: supportive, left half: ambivalent, open: strained, zigzag: conflict · "
                                "dashed tie: strained, zigzag tie: conflict · ★ invite"))
        legend.setObjectName("muted")
        legend.setWordWrap(True)
        footer.addWidget(legend, 1)
        footer.addWidget(self.saved_label)
        outer.addLayout(footer)

        self.scene.add_requested.connect(self._add_at)
        self.scene.move_finished.connect(self.editor.move_person)
        self.scene.tie_requested.connect(self._tie)
        self.scene.person_chosen.connect(self._show_person)
        self.scene.person_opened.connect(lambda _person_id: self._form_needed(True))
        self.scene.selectionChanged.connect(self._selection_changed)
        self.form.submitted.connect(self._submit)
        self.form.removed.connect(self._remove_person)
        self.form.cancelled.connect(lambda: (self.form.new_person(self.form.angle, self.form.distance),
                                             self._form_needed(False)))
        self.editor.changed.connect(self._refresh)
        self.editor.moved.connect(self._person_moved)
        # While she drags, the measures and the list of ties follow a moment later, once (not per move).
        self._details_timer = QTimer(self, singleShot=True, interval=DETAILS_PAUSE_MS)
        self._details_timer.timeout.connect(self._refresh_details)
        self._previous_version: tuple[str, n.MapData] | None = None
        self._reading_version = ""
        self._measures_stale = True
        self.tabs.currentChanged.connect(lambda _index: self._show_measures()
                                         if self.tabs.currentWidget() is self.measures_tab else None)
        self.editor.failed.connect(self._failed)
        self.editor.saved.connect(self._saved)
        self.comparisons: list[MapComparison] = []
        self.presenting = False
        QShortcut(QKeySequence("Escape"), self, self._leave_presenting)
        self._refresh()
        # What she types in the person form is kept as an encrypted draft (after a pause, and when the
        # app locks or the window closes) and put back when the map opens again.
        self.draft_key = f"network_person:{case_id}"
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_PAUSE_MS)
        self._draft_timer.timeout.connect(self.save_form_draft)
        self.form.edited.connect(self._draft_timer.start)
        self._has_draft = False
        self._submitting = False  # a person from the form is on her way to the service
        self.form.reset.connect(self._form_reset)
        self._open()

    def _open(self) -> None:
        """Read the map, the partners and the person form's draft on the lane; the window is on screen
        meanwhile, and can be used once the map is shown."""
        # A map read in the blink of an eye is not greyed out first (that would paint the window twice);
        # a slow one is, until it is shown. Changes made meanwhile are saved after the read, in order.
        self._slow_open = QTimer(self, singleShot=True, interval=SLOW_OPEN_MS)
        self._slow_open.timeout.connect(lambda: self._set_usable(False))
        self._slow_open.start()
        case_id, draft_key = self.case_id, self.draft_key
        runner().db(lambda: self.workspace.network.open_map(case_id),
                    owner=self, done=self._opened, failed=self._open_refused)
        runner().db(lambda: self.workspace.partners.find(), owner=self, done=self.form.set_partners,
                    failed=lambda exc: self._failed("", error_text(exc)))
        runner().db(lambda: self.workspace.drafts.get(draft_key), owner=self, done=self._restore_form_draft,
                    failed=lambda exc: self._failed("", error_text(exc)))

    def _opened(self, view: n.NetworkMapView) -> None:
        self.map_view = view
        self.setWindowTitle(fill(self.tr("Network map – {family}"), family=view.family_name))
        self.scene.set_labels(self.sector_labels(), self.centre_text())
        self.editor.load(view.data)
        if self.versions_tab.built:
            self.versions.show_versions(view.versions, self.workspace.today())
        self._slow_open.stop()
        self._set_usable(True)
        self.view.fit()
        self.loaded.emit()

    def _open_refused(self, exc: KnownError) -> None:
        """The map could not be read: the window says why and stays empty (nothing can be changed)."""
        self._slow_open.stop()
        self._set_usable(False)
        self.message.setText(error_text(exc))
        self.message.show()

    def _set_usable(self, usable: bool) -> None:
        for part in (self.toolbar, self.splitter):
            if part.isEnabled() != usable:
                part.setEnabled(usable)

    # ---- building

    def _action(self, toolbar: QToolBar, text: str, keys, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys) if isinstance(keys, str) else keys)
            action.setToolTip(f"{text} ({QKeySequence(keys).toString() if isinstance(keys, str) else ''})".replace(" ()", ""))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        toolbar.addAction(action)
        return action

    def _stack_action(self, text: str, slot, can_changed, text_changed) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setEnabled(False)
        action.triggered.connect(slot)
        can_changed.connect(action.setEnabled)

        def describe(step: str) -> None:
            action.setToolTip(f"{text}: {step}" if step else text)
            action.setStatusTip(action.toolTip())

        text_changed.connect(describe)
        return action

    def sector_labels(self) -> dict[str, str]:
        return {code: sector_text(code) for code in n.SECTORS}

    def centre_text(self) -> str:
        names = self.map_view.centre_names
        return fill(self.tr("{names}\nand the family"), names=" & ".join(names)) if names else self.tr("The family")

    def set_presenting(self, on: bool) -> None:
        """Full screen with only the map (Esc or F11 leaves). The person form comes back while she adds
        someone (a click on an empty spot) or changes someone (a double-click), and goes again when that
        is saved or cancelled; dragging people and drawing ties work as usual."""
        self.presenting = on
        self.present_action.setChecked(on)
        self.present_action.setText(self.tr("Leave full screen (Esc)") if on else self.tr("Full screen"))
        self.tabs.setVisible(not on)
        for action in self.office_tools:
            action.setVisible(not on)
        if on:
            self.showFullScreen()
        else:
            self.showNormal()
        QTimer.singleShot(0, self.view.fit)

    def _leave_presenting(self) -> None:
        if self.presenting:
            self.set_presenting(False)

    def _form_needed(self, needed: bool) -> None:
        if self.presenting:
            self.tabs.setVisible(needed)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        self.view.fit()

    # ---- the tabs after the first, built when needed

    def _build_list(self) -> PeopleList:
        page = PeopleList(self.editor)
        page.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        page.ties.show_ties(self.editor.data)
        return page

    def _build_measures(self) -> QWidget:
        self._measures_stale = True
        return scrolled(MeasuresPanel())

    def _build_versions(self) -> VersionsPanel:
        page = VersionsPanel()
        page.save_requested.connect(self._save_version)
        page.compare_requested.connect(self._compare)
        page.show_versions(self.map_view.versions, self.workspace.today())
        return page

    @property
    def list_page(self) -> PeopleList:
        return self.list_tab.page()  # type: ignore[return-value]

    @property
    def people(self) -> PeopleModel:
        """The list tab's table model (one row per person)."""
        return self.list_page.model

    @property
    def table(self) -> QTableView:
        return self.list_page.table

    @property
    def ties(self) -> TiesPanel:
        return self.list_page.ties

    @property
    def measures(self) -> MeasuresPanel:
        return self.measures_tab.page().widget()  # type: ignore[attr-defined,no-any-return]

    @property
    def versions(self) -> VersionsPanel:
        return self.versions_tab.page()  # type: ignore[return-value]

    # ---- showing

    def _refresh(self) -> None:
        self.scene.show_data(self.editor.data)
        self._offer_family()
        self.read_action.setEnabled(not self.editor.data.people)
        self._refresh_details()
        if self.form.person_id and self.editor.data.person(self.form.person_id) is None:
            self.form.new_person(self.form.angle, self.form.distance)

    def _offer_family(self) -> None:
        """The family's members the map does not show yet (by name), for the person form to offer."""
        on_map = {p.name.casefold() for p in self.editor.data.people}
        relations = self.workspace.content.family
        offered = []
        for member in self.map_view.family:
            if member.name.casefold() not in on_map:
                relation = relations.relation(member.relation)
                offered.append((member.name, label(relation.label).lower() if relation else ""))
        self.form.set_family(offered)

    def _person_moved(self, person_id: str) -> None:
        person = self.editor.data.person(person_id)
        if person is not None:
            self.scene.place_person(person)
            if self.form.person_id == person_id:
                self.form.show_place(person.angle, person.distance)
        self._details_timer.start()

    def _refresh_details(self) -> None:
        """The list of ties and the measures (with the change since the last saved version)."""
        self._details_timer.stop()
        if self.list_tab.built:
            self.ties.show_ties(self.editor.data)
        self._measures_stale = True
        if self.tabs.currentWidget() is self.measures_tab:
            self._show_measures()

    def _show_measures(self) -> None:
        """The measures are worked out when their tab is shown (and kept up to date while it is)."""
        if not self._measures_stale:
            return
        previous = self.map_view.versions[-1] if self.map_view.versions else None
        if previous is not None and (self._previous_version is None or self._previous_version[0] != previous.id):
            self._read_previous_version(previous.id)  # shown when it has been read
            return
        self._measures_stale = False
        self.measures.show_measures(self.editor.data, self._previous_version[1] if previous else None,
                                    previous.label if previous else "")

    def _read_previous_version(self, version_id: str) -> None:
        """The last saved version's map, read once (a version never changes once saved)."""
        if self._reading_version == version_id:
            return
        self._reading_version = version_id
        case_id = self.case_id
        runner().db(lambda: self.workspace.network.version_data(case_id, version_id), owner=self,
                    done=lambda data: self._previous_version_read(version_id, data),
                    failed=lambda exc: self._failed("", error_text(exc)))

    def _previous_version_read(self, version_id: str, data: n.MapData) -> None:
        self._reading_version = ""
        self._previous_version = (version_id, data)
        if self.tabs.currentWidget() is self.measures_tab:
            self._show_measures()

    def _saved(self) -> None:
        saving = self.editor.saving()
        self.saved_label.setText(self.tr("Saving …") if saving else self.tr("All saved"))
        if not saving:
            self.message.hide()

    def _failed(self, field: str, text: str) -> None:
        if self.tabs.currentWidget() is self.form and field in PersonForm.FIELDS:
            self.form.show_error(field, text)
        elif self.tabs.currentWidget() is self.list_tab and field in ("tie", "quality"):
            self.ties.error.show_message(text)
        else:
            self.message.setText(text)
            self.message.show()

    def _show_person(self, person_id: str) -> None:
        person = self.editor.data.person(person_id)
        if person is not None:
            self.form.show_person(person)
            row = self.people.row_of(person_id) if self.list_tab.built else -1
            if row >= 0:
                self.table.selectionModel().blockSignals(True)
                self.table.selectRow(row)
                self.table.selectionModel().blockSignals(False)

    def _selection_changed(self) -> None:
        person_id = self.scene.selected_person_id()
        if person_id:
            self._show_person(person_id)

    def _row_chosen(self, current, previous) -> None:  # type: ignore[no-untyped-def]
        if current.isValid():
            person = self.people.person_at(current.row())
            self.form.show_person(person)
            self.scene.select_person(person.id)

    # ---- changes

    def _add_at(self, angle: float, distance: float) -> None:
        """A click on an empty spot: a new person there; the form asks for the name."""
        self._form_needed(True)
        self.tabs.setCurrentWidget(self.form)
        self.form.new_person(angle, distance)

    def _add_here(self) -> None:
        self._form_needed(True)
        self.tabs.setCurrentWidget(self.form)
        self.form.new_person(*n.centre_of(self.form.sector.currentData() or n.SECTOR_FAMILY, 2))

    def _submit(self, person_id: str, person: object) -> None:
        """The person form saved: shown on the map once the service has checked and saved it; if it is
        refused, the form keeps everything she typed and says why."""
        assert isinstance(person, n.PersonInput)
        if self._submitting:
            return  # Enter pressed again while the first one is being saved
        if person_id:
            self._submitting = self.editor.edit_person(person_id, person, done=self._person_changed,
                                                       failed=self._person_refused)
        else:
            self._submitting = True
            self.editor.add_person(person, done=self._person_added, failed=self._person_refused)

    def _person_added(self, added: n.MapPersonView) -> None:
        self._submitting = False
        self.scene.select_person(added.id)
        self.form.new_person(*n.centre_of(added.sector, added.horizon))
        self.discard_form_draft()
        self._form_needed(False)

    def _person_changed(self, person: n.MapPersonView) -> None:
        self._submitting = False
        if self.form.person_id == person.id:
            self.form.show_person(self.editor.data.person(person.id) or person)
        self.discard_form_draft()
        self._form_needed(False)

    def _person_refused(self, exc: KnownError) -> None:
        self._submitting = False
        field = getattr(exc, "field", "")
        self.form.show_error(field if field in PersonForm.FIELDS else "", error_text(exc))
        self.save_form_draft()  # what she typed is kept as a draft too, until it is saved

    # ---- the person form's draft

    def save_form_draft(self) -> None:
        """Keep what is in the person form as a draft (on the lane; a newer draft replaces a waiting one)."""
        self._draft_timer.stop()
        if not self.form.dirty:
            return
        key, payload, case_id = self.draft_key, self.form.draft(), self.case_id
        self._has_draft = True
        runner().db(lambda: self.workspace.drafts.save(key, "network_person", payload, case_id), owner=self,
                    failed=lambda exc: self._failed("", error_text(exc)), key=f"draft:{key}")

    def discard_form_draft(self) -> None:
        self._draft_timer.stop()
        if not self._has_draft:
            return
        key = self.draft_key
        self._has_draft = False
        runner().db(lambda: self.workspace.drafts.discard(key), owner=self,
                    failed=lambda exc: self._failed("", error_text(exc)), key=f"draft:{key}")

    def _form_reset(self) -> None:
        self.discard_form_draft()

    def _restore_form_draft(self, draft) -> None:  # type: ignore[no-untyped-def]
        """Put the person form's draft back (read after the map, so the person it is about is known)."""
        if draft is None:
            return
        person = self.editor.data.person(draft.payload.get("person_id", ""))
        self.form.restore_draft(draft.payload, person)
        self._has_draft = True
        self.tabs.setCurrentWidget(self.form)

    def _remove_person(self, person_id: str) -> None:
        if person_id:
            self.editor.remove_person(person_id)

    def _remove(self) -> None:
        tie_id = self.scene.selected_tie_id()
        if tie_id:
            self.editor.remove_tie(tie_id)
            return
        person_id = self.scene.selected_person_id() or self.form.person_id
        if person_id:
            self.editor.remove_person(person_id)

    def _tie_mode(self) -> None:
        self.scene.tie_mode = self.tie_action.isChecked()

    def _tie(self, a_id: str, b_id: str) -> None:
        self.editor.add_tie(a_id, b_id)

    def _initials(self) -> None:
        self.scene.set_initials_only(self.initials_action.isChecked(), self.editor.data)

    # ---- versions

    def _save_version(self, label: str, day: str) -> None:
        """Keep the map as it is now (saved on the lane after every change she made before it)."""
        case_id, saved_on = self.case_id, date.fromisoformat(day) if day else None
        runner().db(lambda: self.workspace.network.save_version(case_id, label, saved_on), owner=self,
                    done=self._version_saved, failed=lambda exc: self.versions.error.show_message(error_text(exc)))

    def _version_saved(self, saved: n.MapVersionInfo) -> None:
        # The versions in the service's order (by day, then as saved), without reading the map again.
        versions = tuple(sorted((*self.map_view.versions, saved), key=lambda v: v.saved_on))
        self.map_view = dataclasses.replace(self.map_view, versions=versions)
        self.versions.show_versions(versions, self.workspace.today())
        self.versions.saved()
        self._refresh_details()  # "since the previous version" now counts from this one

    def _compare(self, left_id: str, right_id: str) -> None:
        """Two versions side by side ("" is the map now), in a window of their own once both are read."""
        case_id = self.case_id
        runner().db(lambda: tuple(self.workspace.network.version_data(case_id, v) if v else None
                                  for v in (left_id, right_id)),
                    owner=self, done=lambda maps: self._show_comparison(left_id, right_id, maps),
                    failed=lambda exc: self._failed("", error_text(exc)))

    def _show_comparison(self, left_id: str, right_id: str, maps: tuple[n.MapData | None, ...]) -> MapComparison:
        titles = {v.id: f"{v.label} ({v.saved_on:%d-%m-%Y})" for v in self.map_view.versions}
        left, right = (data if data is not None else self.editor.data for data in maps)
        window = MapComparison(left, right, (titles.get(left_id, self.tr("The map now")),
                                             titles.get(right_id, self.tr("The map now"))),
                               self.sector_labels(), self.centre_text(), self)
        self.comparisons.append(window)
        window.show()
        return window

    # ---- exports

    def _choose_export(self, fmt: str) -> None:
        """The save dialog, in her export folder, proposing "Netværkskort <date> <initials>.<fmt>"."""
        initials = self.initials_action.isChecked()
        name = export_file_name("network_map", date.today(), self.map_view.family_name, fmt, language(), initials)
        folder = start_folder(self.workspace.settings.export_folder)
        self.export_dialog = choose_export_file(self, self.tr("Export the network map"), folder, name,
                                                lambda path, replace: self.export(fmt, path, replace))

    def _choose_map_file(self) -> None:
        dialog = in_her_language(QFileDialog(self, self.tr("Read a network map")))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter("JSON (*.json)")
        dialog.fileSelected.connect(lambda path: self.read_map(Path(path)))
        dialog.open()

    def read_map(self, source: Path) -> None:
        """Read a map file onto the empty map (one step to undo); a bad file is refused, saying why."""
        self.message.hide()
        self.editor.read_map(source)

    def png_bytes(self) -> bytes:
        """The map as a PNG (white background, twice the screen resolution)."""
        self.scene.clearSelection()
        return scene_png(self.scene)

    def export(self, fmt: str, target: Path, replace: bool = False) -> None:
        """Export the map as PNG, PDF or JSON where she chose. The service checks consent, writes the
        file and audits it on the lane, after every change she made before; another file is never
        replaced unless ``replace`` (she confirmed it in the dialog). ``exported(path)`` then."""
        case_id, initials, label = self.case_id, self.initials_action.isChecked(), self.tr("Exporting …")
        self.export_done_bar().hide()
        if fmt == "png":
            content = self.png_bytes()  # drawn here: the scene belongs to the screen
            runner().db(lambda: self.workspace.network.write_export(case_id, target, content, "png", initials,
                                                                    replace),
                        owner=self, done=self._exported, failed=self._export_refused, label=label)
        elif fmt == "json":
            runner().db(lambda: self.workspace.network_files.export_json(case_id, target, initials, replace),
                        owner=self, done=self._exported, failed=self._export_refused, label=label)
        else:
            lang = language()
            runner().db(lambda: self.workspace.network.export_pdf(case_id, target, initials, lang, replace),
                        owner=self, done=self._exported, failed=self._export_refused, label=label)

    def export_done_bar(self) -> ExportDoneBar:
        """Under the message line: where the export went, with Open and Show the folder."""
        bar = getattr(self, "_export_done", None)
        if bar is None:
            outer = self.layout()
            bar = self._export_done = ExportDoneBar(self)
            outer.insertWidget(outer.indexOf(self.message) + 1, bar)
        return bar

    def _exported(self, path: Path) -> None:
        self.message.hide()
        self.export_done_bar().show_file(path)
        self.exported.emit(path)

    def _export_refused(self, exc: KnownError) -> None:
        self.message.setText(error_text(exc))
        self.message.show()

    # ---- closing

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        # Her changes are saved on the lane in order, also after the window has gone; so is the draft.
        self.save_form_draft()
        for window in self.comparisons:
            window.close()
        self.closed.emit(self.case_id)
        super().closeEvent(event)
