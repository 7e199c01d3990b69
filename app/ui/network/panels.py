"""The map's measures (each with what it means) and its versions (save one, compare two)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import QT_TRANSLATE_NOOP
from app.services.network import dto as n
from app.services.network.measures import EXPLANATIONS, change_summary, compare, measures
from app.ui.common.i18n import fill, format_date, translate
from app.ui.common.widgets import DateField, ErrorLabel, banner, clear_layout, primary_button
from app.ui.network.forms import horizon_text, sector_text


def muted(text: str) -> QLabel:
    """The plain-words meaning under a measure: no number is shown without it."""
    return banner(text, "muted")


class MeasuresPanel(QWidget):
    """Simple measures of the map, each explained in a line under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(12, 10, 12, 10)
        self.body = QVBoxLayout()
        self.outer.addLayout(self.body)
        self.outer.addStretch(1)

    def show_measures(self, data: n.MapData, previous: n.MapData | None, previous_label: str = "") -> None:
        """The measures of ``data``; with ``previous`` (the last saved version), each count also shows its
        change since then in brackets, and a line says what changed."""
        clear_layout(self.body)
        result = measures(data)
        before = measures(previous) if previous is not None else None
        names = {p.id: p.name for p in data.people}
        self.body.addWidget(banner(self.tr("People by sector and closeness"), "cardTitle"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        total_text = self.tr("Total")
        for column, horizon in enumerate(n.HORIZONS, start=1):
            grid.addWidget(QLabel(horizon_text(horizon)), 0, column)
        grid.addWidget(QLabel(total_text), 0, len(n.HORIZONS) + 1)
        for row, sector in enumerate(n.SECTORS, start=1):
            name = QLabel(sector_text(sector))
            name.setWordWrap(True)
            grid.addWidget(name, row, 0)
            for column, horizon in enumerate(n.HORIZONS, start=1):
                grid.addWidget(QLabel(str(result.per_cell.get((sector, horizon), 0))), row, column)
            grid.addWidget(QLabel(str(result.per_sector.get(sector, 0))), row, len(n.HORIZONS) + 1)
        totals = len(n.SECTORS) + 1
        grid.addWidget(QLabel(total_text), totals, 0)
        for column, horizon in enumerate(n.HORIZONS, start=1):
            grid.addWidget(QLabel(str(result.per_horizon.get(horizon, 0))), totals, column)
        grid.addWidget(QLabel(str(result.people)), totals, len(n.HORIZONS) + 1)
        grid.setColumnStretch(0, 1)
        self.body.addLayout(grid)
        self.body.addWidget(muted(translate("Measures", EXPLANATIONS["per_cell"])))

        was = before or n.MapMeasures()
        private_line = (fill(self.tr("Ties among the family's own people: {ties} of {pairs} possible (density {density})"),
                             ties=self.change(result.private_ties, before and was.private_ties), pairs=result.private_pairs,
                             density=self.number(result.private_density))
                        if result.private_density is not None else
                        fill(self.tr("Ties among the family's own people: no data (fewer than two of them on the map)")))
        lines = [
            (fill(self.tr("{people} on the map. The family's own: {private}. Professionals: {professional} "
                          "({share} of the map)."),
                  people=self.people_text(result.people, before and was.people),
                  private=self.change(result.private, before and was.private),
                  professional=self.change(result.professional, before and was.professional),
                  share=self.no_data() if result.professional_share is None
                  else f"{round(result.professional_share * 100)} %"), EXPLANATIONS["professional_share"]),
            (private_line, EXPLANATIONS["private_density"]),
            (fill(self.tr("People who bridge sectors: {names}"),
                  names=", ".join(names.get(i, "") for i in result.bridges) or "–"), EXPLANATIONS["bridges"]),
            (fill(self.tr("People with no ties to others on the map: {names}"),
                  names=", ".join(names.get(i, "") for i in result.isolated) or "–"), EXPLANATIONS["isolated"]),
            (fill(self.tr("Relationships: {supportive} supportive, {ambivalent} ambivalent, {strained} strained, "
                          "{conflict} in conflict"),
                  supportive=self.change(result.supportive, before and was.supportive),
                  ambivalent=self.change(result.ambivalent, before and was.ambivalent),
                  strained=self.change(result.strained, before and was.strained),
                  conflict=self.change(result.conflict, before and was.conflict)),
             QT_TRANSLATE_NOOP("Measures", "How the family's relationships with the people on the map are: "
                               "ambivalent means both good and hard.")),
        ]
        if previous is not None:
            counts = change_summary(compare(previous, data))
            lines.append((fill(self.tr("Since «{version}»: {added} added, {removed} removed, {moved} moved, "
                                       "{changed} changed; ties: {ties_added} added, {ties_removed} removed, "
                                       "{ties_changed} marked differently"),
                               version=previous_label, **counts),
                          QT_TRANSLATE_NOOP("Measures", "What changed since the last saved version. Moved means now "
                                            "in another part of the map or another ring; a small nudge is not "
                                            "counted. A number in brackets is the change since that version.")))
        for text, explanation in lines:
            line = QLabel(text)
            line.setWordWrap(True)
            self.body.addWidget(line)
            self.body.addWidget(muted(translate("Measures", explanation)))
        self._show_categories(result, before, names)

    def _show_categories(self, result: n.MapMeasures, before: n.MapMeasures | None, names: dict[str, str]) -> None:
        """Each column counted on its own, one wrapped line each (it fits the narrow tab): people, ties,
        density, degree (average, most) and who knows most others."""
        self.body.addWidget(banner(self.tr("Each part of the map on its own"), "cardTitle"))
        old = {c.key: c for c in before.categories} if before is not None else {}
        titles = {"all": self.tr("Everyone"), "private": self.tr("The family's own people")}
        self.category_lines: dict[str, QLabel] = {}
        for category in result.categories:
            then = old.get(category.key)
            stars = ", ".join(names.get(i, "") for i in category.stars)
            title = titles.get(category.key) or sector_text(category.key)
            if not category.people:
                line = QLabel(fill(self.tr("{title}: nobody on the map{change}"), title=title,
                                   change=f" ({-then.people:+d})" if then and then.people else ""))
                line.setWordWrap(True)
                self.category_lines[category.key] = line
                self.body.addWidget(line)
                continue
            line = QLabel(fill(
                self.tr("{title}: {people} · ties {ties} · density {density} · degree {average} on average, "
                        "at most {most}{who}"),
                title=title,
                people=self.people_text(category.people, then.people if then else None),
                ties=self.change(category.ties, then.ties if then else None),
                density=self.number(category.density),
                average=self.number(category.degree_mean, 1),
                most=self.no_data() if category.degree_max is None else str(category.degree_max),
                who=f" ({stars})" if stars else ""))
            line.setWordWrap(True)
            self.category_lines[category.key] = line
            self.body.addWidget(line)
        self.body.addWidget(muted(translate("Measures", EXPLANATIONS["categories"])))

    def people_text(self, count: int, then: int | None = None) -> str:
        """"1 person" or "5 people" (with the change since the previous version, if any)."""
        text = self.tr("1 person") if count == 1 else fill(self.tr("{count} people"), count=count)
        return f"{text} ({count - then:+d})" if then is not None and then != count else text

    @staticmethod
    def change(now: int, then: int | None) -> str:
        """A count, and in brackets its change since the previous version when it changed."""
        return f"{now} ({now - then:+d})" if then is not None and now != then else str(now)

    def number(self, value: float | None, decimals: int = 2) -> str:
        return self.no_data() if value is None else QLocale().toString(value, "f", decimals)

    def no_data(self) -> str:
        return self.tr("no data")


class VersionsPanel(QWidget):
    """Save the map as it is now, and compare any two versions (or a version with now)."""

    save_requested = Signal(str, str)          # label, date (ISO)
    compare_requested = Signal(str, str)       # version ids ("" = now)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 10)
        outer.addWidget(banner(self.tr("Save a version"), "cardTitle"))
        row = QHBoxLayout()
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("e.g. At the first conversation"))
        self.label.setAccessibleName(self.tr("Name of the version"))
        self.saved_on = DateField()
        self.save_button = primary_button(self.tr("Save version"))
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self._save)
        self.label.returnPressed.connect(self._save)
        row.addWidget(self.label, 1)
        row.addWidget(self.saved_on)
        row.addWidget(self.save_button)
        outer.addLayout(row)
        self.error = ErrorLabel()
        outer.addWidget(self.error)
        outer.addWidget(banner(self.tr("Versions"), "cardTitle"))
        self.list = QLabel()
        self.list.setWordWrap(True)
        outer.addWidget(self.list)
        outer.addWidget(banner(self.tr("Compare"), "cardTitle"))
        compare_row = QHBoxLayout()
        self.left = QComboBox()
        self.left.setAccessibleName(self.tr("Compare from"))
        self.right = QComboBox()
        self.right.setAccessibleName(self.tr("Compare with"))
        self.compare_button = QPushButton(self.tr("Compare side by side"))
        self.compare_button.setAutoDefault(False)
        self.compare_button.clicked.connect(lambda: self.compare_requested.emit(self.left.currentData() or "",
                                                                                self.right.currentData() or ""))
        compare_row.addWidget(self.left, 1)
        compare_row.addWidget(QLabel("→"))
        compare_row.addWidget(self.right, 1)
        compare_row.addWidget(self.compare_button)
        outer.addLayout(compare_row)
        outer.addStretch(1)

    def show_versions(self, versions: tuple[n.MapVersionInfo, ...], today: date) -> None:
        self.saved_on.set_date(today)
        self.list.setText("\n".join(
            fill(self.tr("{label} – {date}: {people} people, {ties} ties"), label=v.label,
                 date=format_date(v.saved_on), people=v.people, ties=v.ties) for v in versions)
            or self.tr("No versions saved yet."))
        for box, default in ((self.left, len(versions) - 1), (self.right, -1)):
            box.clear()
            for version in versions:
                box.addItem(f"{version.label} ({format_date(version.saved_on)})", version.id)
            box.addItem(self.tr("The map now"), "")
            box.setCurrentIndex(default if default >= 0 else box.count() - 1)
        self.compare_button.setEnabled(bool(versions))

    def _save(self) -> None:
        day, problem = self.saved_on.date_or_error()
        if problem:
            self.error.show_message(problem)
            return
        self.error.clear_message()
        self.save_requested.emit(self.label.text(), day.isoformat() if day else "")

    def saved(self) -> None:
        self.label.clear()
        self.error.clear_message()
