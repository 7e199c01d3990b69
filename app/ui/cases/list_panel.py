"""The case list: search as she types (name, CPR, address, child's name) and filters."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import KnownError
from app.services.cases.dto import CaseFilter, CaseList, CaseListItem
from app.services.workspace import Workspace
from app.ui.common.i18n import fill, format_date
from app.ui.common.labels import attention_text, current_step_label, phase_text, status_text
from app.ui.common.table_model import SORT_ROLE, Column, DtoTableModel
from app.ui.common.tasks import runner

SEARCH_PAUSE_MS = 60
AUDIT_PAUSE_MS = 2000


COLUMN_WIDTHS = (180, 90, 150, 200, 100, 130, 44, 44)


class CaseListPanel(QWidget):
    """Emits ``case_chosen(case_id, search_text)`` when she opens a case."""

    case_chosen = Signal(str, str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 6, 12)
        layout.setSpacing(8)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a family: name, CPR, address or the child's name"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)

        filters = QHBoxLayout()
        self.phase = QComboBox()
        self.phase.setAccessibleName(self.tr("Phase"))
        self.phase.addItem(self.tr("All phases"), "")
        for code in ("I", "II", "III"):
            self.phase.addItem(phase_text(code), code)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("Open cases"), "open")
        for code in ("active", "paused", "closed"):
            self.status.addItem(status_text(code), code)
        self.status.addItem(self.tr("All cases"), "")
        self.mine = QCheckBox(self.tr("Mine"))
        self.attention = QCheckBox(self.tr("Needs attention", "filter"))
        for widget in (self.phase, self.status, self.mine, self.attention):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.model: DtoTableModel[CaseListItem] = DtoTableModel(self._columns(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Cases"))
        header = self.table.horizontalHeader()
        for column, width in enumerate(COLUMN_WIDTHS):  # never narrower than its heading in her language
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        layout.addWidget(self.table, 1)

        self.count = QLabel()
        self.count.setObjectName("muted")
        layout.addWidget(self.count)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.refresh)
        self._audit_timer = QTimer(self, singleShot=True, interval=AUDIT_PAUSE_MS)
        self._audit_timer.timeout.connect(self._audit_search)
        self.search.textChanged.connect(lambda _: (self._search_timer.start(), self._audit_timer.start()))
        self.search.returnPressed.connect(self._open_first)
        for combo in (self.phase, self.status):
            combo.currentIndexChanged.connect(self.refresh)
        for box in (self.mine, self.attention):
            box.toggled.connect(self.refresh)
        self._audited_query = ""
        self._generation = 0
        self._searching = False
        self._open_first_pending = False
        self._revealed = False  # the search was cleared to show a family just created
        self._shown: tuple[str, int] = ("", 0)  # the search text whose result is on screen, and its count
        self._query_asked = ""
        self.refresh()

    def _columns(self) -> list[Column[CaseListItem]]:
        return [
            Column(self.tr("Family"), lambda c: c.family_name, lambda c: c.family_name.casefold(),
                   tooltip=lambda c: c.family_name),
            Column(self.tr("Child"), lambda c: c.child_names),
            Column(self.tr("Needs attention", "column"), lambda c: ", ".join(attention_text(a) for a in c.attention),
                   lambda c: -len(c.attention), colour=lambda c: "#8a4f00" if c.attention else None,
                   tooltip=lambda c: ", ".join(attention_text(a) for a in c.attention)),
            Column(self.tr("Current step"), current_step_label, tooltip=current_step_label),
            Column(self.tr("Next contact"), lambda c: format_date(c.next_follow_up_on),
                   lambda c: c.next_follow_up_on or date.max,
                   colour=lambda c: "#a4262c" if "follow_up_overdue" in c.attention else None),
            Column(self.tr("Tovholder"), lambda c: c.tovholder_name),
            Column(self.tr("Phase"), lambda c: c.phase, tooltip=lambda c: phase_text(c.phase)),
            Column(self.tr("Level"), lambda c: str(c.service_level or ""), lambda c: c.service_level or 0),
        ]

    def current_filter(self) -> CaseFilter:
        return CaseFilter(
            query=self.search.text(),
            phase=self.phase.currentData(),
            status=self.status.currentData(),
            mine=self.mine.isChecked(),
            needs_attention=self.attention.isChecked(),
        )

    def show_new_case(self, case_id: str) -> None:
        """A family she has just created is in the list and chosen, even if the search or a filter
        would hide it (they are cleared then, and the list says so)."""
        self.refresh(select=case_id, reveal=True)

    def clear_filters(self) -> None:
        """Back to every open case, without a search per widget."""
        for widget in (self.search, self.phase, self.status, self.mine, self.attention):
            widget.blockSignals(True)
        self.search.clear()
        self.phase.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.mine.setChecked(False)
        self.attention.setChecked(False)
        for widget in (self.search, self.phase, self.status, self.mine, self.attention):
            widget.blockSignals(False)

    def _filtered(self) -> bool:
        return bool(self.search.text() or self.phase.currentIndex() or self.status.currentIndex()
                    or self.mine.isChecked() or self.attention.isChecked())

    def refresh(self, select: str = "", reveal: bool = False) -> None:
        """Search with the current text and filters on the database lane and show the result (then
        select case ``select`` if given; with ``reveal``, clear the search and filters if they hide it).
        While she types fast only the newest search runs."""
        self._search_timer.stop()
        self._generation += 1
        generation, flt, workspace = self._generation, self.current_filter(), self.workspace
        self._query_asked = flt.query  # the newest search's text (its result is the one shown)
        self._searching = True
        runner().db(lambda: workspace.cases.search(flt), owner=self,
                    done=lambda result: self._show_result(result, generation, select, reveal),
                    failed=lambda exc: self._search_refused(exc, generation), key="case-search")

    def _search_refused(self, exc: KnownError, generation: int) -> None:
        if generation == self._generation:
            self._searching = self._open_first_pending = False
        runner().known_error.emit(self, exc)  # the main window's calm banner

    def _show_result(self, result: CaseList, generation: int, select: str, reveal: bool = False) -> None:
        if generation != self._generation:
            return  # a newer search is on its way; it shows what she typed last
        if reveal and select and self._filtered() and all(item.id != select for item in result.items):
            self.clear_filters()
            self.refresh(select=select)
            self._revealed = True
            return
        self._searching = False
        items = result.items
        self._shown = (self._query_asked.strip(), result.total)
        selected = select or self.selected_case_id()
        self.model.set_rows(items)
        shown = len(items)
        if not result.total_exact:  # counted only up to a cap: say "over", never a false number
            self.count.setText(fill(self.tr("Showing {shown} of over {total} cases – type more to narrow down"),
                                    shown=shown, total=result.total))
        elif result.total > shown:
            self.count.setText(fill(self.tr("Showing {shown} of {total} cases – type more to narrow down"),
                                    shown=shown, total=result.total))
        else:
            self.count.setText(fill(self.tr("{shown} cases"), shown=shown))
        if self._revealed:
            self._revealed = False
            self.count.setText(self.count.text() + " · " + self.tr("the search was cleared to show the new family"))
        if selected:
            self.select_case(selected)
        if self._open_first_pending:
            self._open_first_pending = False
            self._open_first()

    def selected_case_id(self) -> str:
        index = self.table.currentIndex()
        if not index.isValid():
            return ""
        return self.model.row_at(self.proxy.mapToSource(index).row()).id

    def select_case(self, case_id: str) -> bool:
        for row, item in enumerate(self.model.rows()):
            if item.id == case_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                self.table.selectionModel().blockSignals(True)
                self.table.setCurrentIndex(index)
                self.table.selectionModel().blockSignals(False)
                return True
        return False

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _current_changed(self, current, previous) -> None:  # type: ignore[no-untyped-def]
        if current.isValid():
            self._activated(current)

    def _activated(self, index) -> None:  # type: ignore[no-untyped-def]
        item = self.model.row_at(self.proxy.mapToSource(index).row())
        self.case_chosen.emit(item.id, self.search.text().strip())

    def _open_first(self) -> None:
        if self._search_timer.isActive():
            self.refresh()  # Enter right after typing: search what is typed now, not the old list
        if self._searching:
            self._open_first_pending = True  # when the newest result is on screen
            return
        if self.proxy.rowCount() > 0:
            index = self.proxy.index(0, 0)
            self.table.setCurrentIndex(index)
            self.table.setFocus()

    def _audit_search(self) -> None:
        query = self.search.text().strip()
        if query and query != self._audited_query:
            workspace = self.workspace
            # How many families the list showed for this text (the audit keeps the count, never the text).
            results = self._shown[1] if self._shown[0] == query else None
            runner().db(lambda: workspace.cases.record_search(query, results), owner=self, key="case-search-audit")
            self._audited_query = query
