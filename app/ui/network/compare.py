"""Two versions of a family's map side by side, with what was added, removed and moved marked on the
maps (by outline, not colour) and listed in words."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsView, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from app.services.network import dto as n
from app.services.network.measures import compare
from app.ui.common.i18n import fill
from app.ui.common.widgets import banner
from app.ui.network.scene import INK, MARK, NetworkScene


class FittedView(QGraphicsView):
    """A read-only view that always shows the whole map, as large as its half of the window allows."""

    def __init__(self, scene: NetworkScene) -> None:
        super().__init__(scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setInteractive(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fit(self) -> None:
        self.fitInView(self.scene().itemsBoundingRect().adjusted(-10, -10, 10, 10), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self.fit()


def read_only_view(data: n.MapData, labels: dict[str, str], centre: str) -> tuple[QGraphicsView, NetworkScene]:
    scene = NetworkScene()
    scene.set_labels(labels, centre)
    scene.show_data(data)
    for item in scene.people.values():
        item.setFlag(item.GraphicsItemFlag.ItemIsMovable, False)
    return FittedView(scene), scene


def halo(scene: NetworkScene, person_ids: tuple[str, ...], style: Qt.PenStyle, width: float = 2.6) -> None:
    for person_id in person_ids:
        item = scene.people.get(person_id)
        if item is not None:
            ring = scene.addEllipse(QRectF(-MARK * 1.3, -MARK * 1.3, MARK * 2.6, MARK * 2.6), QPen(INK, width, style))
            ring.setParentItem(item)


class MapComparison(QWidget):
    """Version A (left) and version B (right)."""

    def __init__(self, before: n.MapData, after: n.MapData, titles: tuple[str, str], labels: dict[str, str],
                 centre: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(fill(self.tr("Compare: {before} → {after}"), before=titles[0], after=titles[1]))
        self.resize(1500, 820)
        self.change = compare(before, after)
        outer = QVBoxLayout(self)
        splitter = QSplitter()
        self.scenes = []
        for data, title in ((before, titles[0]), (after, titles[1])):
            panel = QWidget()
            layout = QVBoxLayout(panel)
            layout.addWidget(banner(title, "cardTitle"))
            view, scene = read_only_view(data, labels, centre)
            layout.addWidget(view, 1)
            splitter.addWidget(panel)
            self.scenes.append(scene)
        outer.addWidget(splitter, 1)
        halo(self.scenes[0], self.change.removed, Qt.PenStyle.DashLine)
        halo(self.scenes[1], self.change.added, Qt.PenStyle.SolidLine)
        for scene in self.scenes:
            halo(scene, self.change.moved, Qt.PenStyle.DotLine)
        names = {p.id: p.name for p in (*before.people, *after.people)}

        def listed(ids: tuple[str, ...]) -> str:
            return ", ".join(names.get(i, "") for i in ids) or "–"

        legend = QLabel(self.tr("Solid ring: added · Dashed ring: removed · Dotted ring: moved to another sector or "
                                "closeness"))
        legend.setObjectName("muted")
        outer.addWidget(legend)
        self.summary = QLabel("\n".join((
            fill(self.tr("Added: {names}"), names=listed(self.change.added)),
            fill(self.tr("Removed: {names}"), names=listed(self.change.removed)),
            fill(self.tr("Moved: {names}"), names=listed(self.change.moved)),
            fill(self.tr("Changed: {names}"), names=listed(self.change.changed)),
            fill(self.tr("Ties: {added} added, {removed} removed"), added=len(self.change.ties_added),
                 removed=len(self.change.ties_removed)),
        )))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Changes"))
        row = QHBoxLayout()
        row.addWidget(self.summary)
        outer.addLayout(row)
