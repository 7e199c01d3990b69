"""The network map as a Qt graphics scene, drawn from the map data (never the other way round).

Shapes carry the sector (circle family, square friends, diamond school/work/leisure, triangle
professionals) and the fill carries the relationship (solid supportive, left half ambivalent, open strained,
open with a zigzag conflict), so nothing depends on colour; the colours are the Okabe–Ito palette,
which colour-blind people tell apart. Ties are solid, dashed (strained) or a zigzag (conflict, the
genogram sign for a hostile relationship). The PDF of the map (app/reports/network_pdf.py) uses the
same signs, so the paper and the screen read alike.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QStaticText,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.services.network import dto as n

SCALE = 4.0            # scene units per map unit: the outer horizon has a radius of 400
MARK = 22.0            # a person's mark, in scene units (large enough to read across a table)
SECTOR_COLOURS = {     # Okabe–Ito: orange, sky blue, bluish green, vermillion
    n.SECTOR_FAMILY: QColor("#E69F00"),
    n.SECTOR_FRIENDS: QColor("#56B4E9"),
    n.SECTOR_SCHOOL_WORK: QColor("#009E73"),
    n.SECTOR_PROFESSIONAL: QColor("#D55E00"),
}
INK = QColor("#1f2a2e")
TIE_COLOUR = QColor("#4a5659")
# Built once: a map of 150 people and 300 ties makes thousands of these, and each Qt enum lookup costs.
PERSON_FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
KEPT_PICTURE = QGraphicsItem.CacheMode.DeviceCoordinateCache
HALO_PEN = QPen(QColor("#ffffff"), 3.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
NO_PEN = QPen(Qt.PenStyle.NoPen)
OPEN_HAND = Qt.CursorShape.OpenHandCursor
TIE_PEN = QPen(TIE_COLOUR, 1.6)
STRAINED_TIE_PEN = QPen(TIE_COLOUR, 1.6, Qt.PenStyle.DashLine)
CHOSEN_TIE_PEN = QPen(TIE_COLOUR, 3.0)
CHOSEN_STRAINED_TIE_PEN = QPen(TIE_COLOUR, 3.0, Qt.PenStyle.DashLine)
CONFLICT_TIE_PEN = QPen(TIE_COLOUR, 1.5)
CHOSEN_CONFLICT_TIE_PEN = QPen(TIE_COLOUR, 3.0)


def to_scene(angle: float, distance: float) -> QPointF:
    x, y = n.to_xy(angle, distance)
    return QPointF(x * SCALE, y * SCALE)


def from_scene(point: QPointF) -> tuple[float, float]:
    return n.from_xy(point.x() / SCALE, point.y() / SCALE)


def zigzag_path(start: QPointF, end: QPointF, amplitude: float, wave: float, lead: float = 0.0) -> QPainterPath:
    """A zigzag from ``start`` to ``end``: straight for ``lead`` at each end, peaks ``amplitude`` high."""
    path = QPainterPath(start)
    dx, dy = end.x() - start.x(), end.y() - start.y()
    length = (dx * dx + dy * dy) ** 0.5
    if length <= 2 * lead + wave:
        path.lineTo(end)
        return path
    ux, uy = dx / length, dy / length
    nx, ny = -uy, ux
    peaks = max(2, round((length - 2 * lead) / (wave / 2)))
    step = (length - 2 * lead) / peaks
    path.lineTo(QPointF(start.x() + ux * lead, start.y() + uy * lead))
    for i in range(1, peaks):
        along = lead + i * step
        side = amplitude if i % 2 else -amplitude
        path.lineTo(QPointF(start.x() + ux * along + nx * side, start.y() + uy * along + ny * side))
    path.lineTo(QPointF(end.x() - ux * lead, end.y() - uy * lead))
    path.lineTo(end)
    return path


def star_polygon(centre: QPointF, radius: float) -> QPolygonF:
    """A five-pointed star: "invite to network meetings"."""
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = math.radians(-90 + i * 36)
        points.append(QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle)))
    return QPolygonF(points)


def mark_path(sector: str, size: float = MARK) -> QPainterPath:
    """The outline of a person's mark: its shape says the sector."""
    path = QPainterPath()
    h = size / 2
    if sector == n.SECTOR_FAMILY:
        path.addEllipse(QPointF(0, 0), h, h)
    elif sector == n.SECTOR_FRIENDS:
        path.addRect(QRectF(-h * 0.9, -h * 0.9, size * 0.9, size * 0.9))
    elif sector == n.SECTOR_SCHOOL_WORK:
        path.addPolygon(QPolygonF([QPointF(0, -h * 1.15), QPointF(h * 1.15, 0), QPointF(0, h * 1.15),
                                   QPointF(-h * 1.15, 0), QPointF(0, -h * 1.15)]))
    else:
        path.addPolygon(QPolygonF([QPointF(0, -h * 1.2), QPointF(h * 1.15, h * 0.9), QPointF(-h * 1.15, h * 0.9),
                                   QPointF(0, -h * 1.2)]))
    return path


HALO_OFFSETS = tuple(QPointF(math.cos(math.radians(a)), math.sin(math.radians(a))) for a in range(0, 360, 45))
HALO_OFFSETS_SMALL = HALO_OFFSETS[::2]  # right, down, left, up: enough while the halo is under 1.5 pixels


class MapName(QGraphicsRectItem):
    """A person's name on the map, laid out once (``QStaticText``: exactly where Qt's own text item puts
    the letters, without laying them out again at every paint). Its bounds are a rectangle Qt keeps (the
    name's, and a pixel for antialiasing), so drawing the map asks Python nothing while its picture is kept."""

    def __init__(self, text: str, font: QFont, colour: QColor, parent: MapPersonItem,
                 metrics: QFontMetricsF | None = None) -> None:
        super().__init__(parent)
        self.person_item = parent  # whose name this is (see NetworkScene._owner)
        self.setPen(NO_PEN)
        self._font = font
        self._metrics = metrics if metrics is not None else QFontMetricsF(font)
        self._colour = colour
        self._static = QStaticText()
        self._static.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802
        self._static.setText(text)
        self.setRect(QRectF(-1, -1, self._metrics.horizontalAdvance(text) + 2, self._metrics.height() + 2))
        self.update()  # a new text drops the kept picture

    def text(self) -> str:
        return self._static.text()

    def font(self) -> QFont:
        return self._font

    def text_height(self) -> float:
        return self._metrics.height()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setFont(self._font)
        painter.setPen(self._colour)
        painter.drawStaticText(QPointF(0, 0), self._static)

    # A name is a handle of its person: what is drawn on top at the pointer is what she takes hold of.
    # (Ignored, a press would fall through to whatever lies under the name, e.g. another person's
    # mark, and that person would move while the map saved this one.) The events are in scene
    # coordinates where Qt's moving of the chosen items needs them, so the person handles them as hers.

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.person_item.mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.person_item.mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.person_item.mouseReleaseEvent(event)


class MapNameHalo(MapName):
    """The white halo under a name: the name drawn in the pen's colour a pen's half-width to every side.

    It reads like the name's outline stroked with the pen (Qt grows the bounds by half the pen), but
    costs four to eight copies of the laid-out name instead of stroking the outline of every letter
    (stroking 150 names took most of a full repaint of the map)."""

    def __init__(self, text: str, font: QFont, parent: MapPersonItem, metrics: QFontMetricsF | None = None) -> None:
        super().__init__(text, font, HALO_PEN.color(), parent, metrics)
        self.setPen(HALO_PEN)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        radius = self.pen().widthF() / 2
        on_screen = radius * max(abs(painter.transform().m11()), abs(painter.transform().m22()))
        painter.setFont(self._font)
        painter.setPen(self._colour)
        for offset in HALO_OFFSETS_SMALL if on_screen < 1.5 else HALO_OFFSETS:
            painter.drawStaticText(offset * radius, self._static)


class MapPersonItem(QGraphicsRectItem):
    """One person: the mark, the relationship fill, an envelope for "invite", and the name.

    The mark and the name are each drawn once into a pixmap at the screen's scale and then only copied
    (``DeviceCoordinateCache``): a drag, an undo or a redo moves pixmaps instead of drawing every name
    again. A change of what is drawn (name, fill, sector, selection) calls ``update``, which redraws it.
    Its bounds are a rectangle Qt keeps (the star reaches to -0.68 - 0.3 marks plus its pen, the selection
    ring to 0.95 marks), so drawing the map asks Python nothing about it while its picture is kept."""

    def __init__(self, person: n.MapPersonView, label: str, font: QFont,
                 metrics: QFontMetricsF | None = None) -> None:
        super().__init__(-MARK, -MARK, MARK * 2, MARK * 2)
        self.setPen(NO_PEN)
        self.person = person
        self.setFlags(PERSON_FLAGS)
        self.setZValue(2)
        self.setCursor(OPEN_HAND)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(KEPT_PICTURE)
        # The name with a white halo: a tie passing under it does not run through the letters, yet
        # stays visible between them (a conflict tie must never disappear behind a name).
        metrics = metrics if metrics is not None else QFontMetricsF(font)  # the scene's one, shared
        self.halo = MapNameHalo(label, font, self, metrics)
        self.label = MapName(label, font, INK, self, metrics)  # after the halo: drawn on top of it
        self.label.setPos(MARK * 0.75, -self.label.text_height() / 2)
        self.halo.setPos(self.label.pos())
        for text in (self.halo, self.label):
            text.setCacheMode(KEPT_PICTURE)
        self.setToolTip(self._tooltip())
        self.setPos(to_scene(person.angle, person.distance))
        self.shown_sector = self.sector_here()
        self._shape = mark_path(self.shown_sector)

    def _tooltip(self) -> str:
        p = self.person
        return "\n".join(x for x in (p.name, " · ".join(y for y in (p.relation, p.role, p.organisation) if y)) if x)

    def update_person(self, person: n.MapPersonView, label: str) -> None:
        if person == self.person and self.label.text() == label:
            return  # nothing she can see has changed: the cached picture stays
        self.person = person
        if self.label.text() != label:
            self.label.setText(label)
            self.halo.setText(label)
        self.setToolTip(self._tooltip())
        self.update()  # the mark's fill and star may have changed; its bounds never do

    def sector_here(self) -> str:
        return n.sector_of(from_scene(self.pos())[0])

    def follow_sector(self) -> None:
        """After a move: the shape follows the sector she has dragged the person into."""
        sector = self.sector_here()
        if sector != self.shown_sector:
            self.shown_sector, self._shape = sector, mark_path(sector)
            self.update()

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(-MARK * 0.8, -MARK * 0.8, MARK * 1.6, MARK * 1.6))
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        colour = SECTOR_COLOURS[self.shown_sector]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        quality = self.person.quality
        painter.setPen(QPen(INK, 2.2 if self.isSelected() else 1.4))
        painter.setBrush(QBrush(colour) if quality == "supportive" else QBrush(QColor("#ffffff")))
        painter.drawPath(self._shape)
        if quality == "ambivalent":
            painter.save()
            painter.setClipPath(self._shape)
            painter.fillRect(QRectF(-MARK, -MARK, MARK, MARK * 2), colour)  # the left half, as on paper
            painter.restore()
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._shape)
        elif quality == "conflict":
            h = MARK * 0.34
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(zigzag_path(QPointF(-h, 0), QPointF(h, 0), MARK * 0.16, h * 2 / 2.5))
        if self.person.invite:  # a star above-left of the mark, as on paper
            painter.setPen(QPen(INK, 0.8))
            painter.setBrush(QBrush(INK))
            painter.drawPolygon(star_polygon(QPointF(-MARK * 0.68, -MARK * 0.68), MARK * 0.3))
        if self.isSelected():
            painter.setPen(QPen(INK, 1.2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), MARK * 0.95, MARK * 0.95)


class MapTieItem(QGraphicsPathItem):
    """A tie between two people: solid, dashed when strained, a zigzag when in conflict; thicker when
    she has chosen it (a click on it), e.g. to remove it.

    Qt draws it and keeps its bounds by itself (a path and a pen, no Python while the map is drawn):
    the path is made again only when either end moves."""

    def __init__(self, tie: n.MapTieView, a: MapPersonItem, b: MapPersonItem) -> None:
        super().__init__()
        self.tie, self.a, self.b = tie, a, b
        self.setZValue(1)
        self.chosen = False
        self._conflict = tie.quality == "conflict"
        self._pens = {  # chosen: the pen
            False: CONFLICT_TIE_PEN if self._conflict else STRAINED_TIE_PEN if tie.quality == "strained" else TIE_PEN,
            True: CHOSEN_CONFLICT_TIE_PEN if self._conflict
            else CHOSEN_STRAINED_TIE_PEN if tie.quality == "strained" else CHOSEN_TIE_PEN}
        self.setPen(self._pens[False])
        self._line = QLineF()
        self.follow()

    def line(self) -> QLineF:
        return QLineF(self._line)

    def follow(self) -> None:
        a, b = self.a.pos(), self.b.pos()
        if self._line.p1() == a and self._line.p2() == b and not self._line.isNull():
            return
        self._line = QLineF(a, b)
        if self._conflict:
            self.setPath(zigzag_path(a, b, 5.0, 14.0, lead=MARK * 0.9))
        else:
            path = QPainterPath(a)
            path.lineTo(b)
            self.setPath(path)

    def set_chosen(self, chosen: bool) -> None:
        if chosen != self.chosen:
            self.chosen = chosen
            self.setPen(self._pens[chosen])


class NetworkScene(QGraphicsScene):
    """The map. Emits what she does; the window turns it into service calls (with undo)."""

    add_requested = Signal(float, float)          # angle, distance: a click on an empty spot
    move_finished = Signal(str, float, float)     # person id, angle, distance: a drag ended
    tie_requested = Signal(str, str)              # a person dragged onto another with Shift (or the tie tool)
    person_chosen = Signal(str)
    person_opened = Signal(str)  # a double-click: she wants to change the person

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        radius = 100 * SCALE
        self.setSceneRect(QRectF(-radius - 60, -radius - 60, 2 * radius + 120, 2 * radius + 120))
        self.people: dict[str, MapPersonItem] = {}
        self.ties: dict[str, MapTieItem] = {}
        self._ties_of: dict[MapPersonItem, list[MapTieItem]] = {}  # each person's ties, for a move
        self._chosen_tie: MapTieItem | None = None  # the tie she clicked (ties are chosen by the scene)
        self.initials_only = False
        self.tie_mode = False
        self.font = QFont()
        self.font.setPointSizeF(13)
        self._metrics = QFontMetricsF(self.font)
        self._press_item: MapPersonItem | None = None
        self._press_pos: QPointF | None = None
        self._press_item_pos: QPointF | None = None  # where the person she pressed on was then
        self._background()

    # ---- drawing from data

    def _background(self) -> None:
        ring_pen = QPen(QColor("#b9b2a3"), 1.2)
        for edge in n.HORIZON_EDGES:
            r = edge * SCALE
            circle = self.addEllipse(QRectF(-r, -r, 2 * r, 2 * r), ring_pen)
            circle.setZValue(-2)
        cross = QPen(QColor("#b9b2a3"), 1.2, Qt.PenStyle.DashLine)
        r = 100 * SCALE
        self.addLine(-r, 0, r, 0, cross).setZValue(-2)
        self.addLine(0, -r, 0, r, cross).setZValue(-2)
        centre_pen = QPen(INK, 1.6)
        centre = self.addEllipse(QRectF(-48, -48, 96, 96), centre_pen, QBrush(QColor("#ffffff")))
        centre.setZValue(3)
        self.centre_label = self.addText("")
        self.centre_label.setZValue(4)
        self.centre_label.setTextWidth(92)
        self.sector_labels: dict[str, QGraphicsSimpleTextItem] = {}
        title_font = QFont()
        title_font.setPointSizeF(12)
        title_font.setBold(True)
        corners = {n.SECTOR_FAMILY: (1, -1), n.SECTOR_FRIENDS: (-1, -1), n.SECTOR_SCHOOL_WORK: (-1, 1),
                   n.SECTOR_PROFESSIONAL: (1, 1)}
        for sector, (sx, sy) in corners.items():
            text = self.addSimpleText("", title_font)
            text.setBrush(QBrush(INK))
            text.setData(0, (sx, sy))
            text.setZValue(-1)
            self.sector_labels[sector] = text

    def set_labels(self, sectors: dict[str, str], centre: str) -> None:
        """The sector names in the scene's corners, and the family in the centre."""
        edge = self.sceneRect().adjusted(12, 12, -12, -12)
        for sector, text in self.sector_labels.items():
            text.setText(sectors.get(sector, sector))
            sx, sy = text.data(0)
            width, height = text.boundingRect().width(), text.boundingRect().height()
            text.setPos(edge.left() if sx < 0 else edge.right() - width,
                        edge.top() if sy < 0 else edge.bottom() - height)
        self.centre_label.setHtml("<div align='center'>" + html.escape(centre).replace(chr(10), "<br>") + "</div>")
        box = self.centre_label.boundingRect()
        self.centre_label.setPos(-box.width() / 2, -box.height() / 2)

    def label_for(self, person: n.MapPersonView) -> str:
        return n.sharing_label(person.name, person.role) if self.initials_only else person.name

    def show_data(self, data: n.MapData) -> None:
        """Make the picture match ``data``: add, update and remove items (no full rebuild)."""
        wanted = {p.id for p in data.people}
        for person_id in list(self.people):
            if person_id not in wanted:
                self.removeItem(self.people.pop(person_id))
        for person in data.people:
            item = self.people.get(person.id)
            if item is None:
                item = MapPersonItem(person, self.label_for(person), self.font, self._metrics)
                self.people[person.id] = item
                self.addItem(item)
            else:
                item.update_person(person, self.label_for(person))
                target = to_scene(person.angle, person.distance)
                if (item.pos() - target).manhattanLength() > 0.5:
                    item.setPos(target)
                    item.follow_sector()
        wanted_ties = {t.id for t in data.ties}
        for tie_id in list(self.ties):
            if tie_id not in wanted_ties:
                self.removeItem(self.ties.pop(tie_id))
        for tie in data.ties:
            if tie.id not in self.ties and tie.a_id in self.people and tie.b_id in self.people:
                item = MapTieItem(tie, self.people[tie.a_id], self.people[tie.b_id])
                self.ties[tie.id] = item
                self.addItem(item)
        self._ties_of = {}
        for tie in self.ties.values():
            self._ties_of.setdefault(tie.a, []).append(tie)
            self._ties_of.setdefault(tie.b, []).append(tie)
            tie.follow()

    def place_person(self, person: n.MapPersonView) -> None:
        """One person moved: just that mark and its ties follow (a drag makes many moves)."""
        item = self.people.get(person.id)
        if item is None:
            return
        item.update_person(person, self.label_for(person))
        target = to_scene(person.angle, person.distance)
        if (item.pos() - target).manhattanLength() > 0.5:
            item.setPos(target)
            self.person_moved(item)

    def set_initials_only(self, on: bool, data: n.MapData) -> None:
        self.initials_only = on
        for person in data.people:
            if person.id in self.people:
                self.people[person.id].update_person(person, self.label_for(person))

    def person_moved(self, item: MapPersonItem) -> None:
        """A mark has moved: its shape follows the sector, its ties follow it."""
        item.follow_sector()
        for tie in self._ties_of.get(item, ()):
            tie.follow()

    def selected_person_id(self) -> str:
        for item in self.selectedItems():
            if isinstance(item, MapPersonItem):
                return item.person.id
        return ""

    def selected_tie_id(self) -> str:
        tie = self._chosen_tie
        return tie.tie.id if tie is not None and self.ties.get(tie.tie.id) is tie else ""

    def choose_tie(self, tie: MapTieItem | None) -> None:
        """Show ``tie`` as the chosen one (thicker), or none. Ties are not Qt-selectable: Qt would
        frame a chosen line's whole bounding rectangle, and ask Python to draw every tie on every frame."""
        if self._chosen_tie is not None and self._chosen_tie is not tie:
            self._chosen_tie.set_chosen(False)
        self._chosen_tie = tie
        if tie is not None:
            tie.set_chosen(True)

    def clearSelection(self) -> None:  # noqa: N802
        self.choose_tie(None)
        super().clearSelection()

    def select_person(self, person_id: str) -> None:
        self.clearSelection()  # and the chosen tie
        item = self.people.get(person_id)
        if item is not None:
            item.setSelected(True)
            item.setFocus()

    # ---- what she does with the mouse

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        item = self._person_at(event.scenePos())
        self._press_item, self._press_pos = item, event.scenePos()
        self._press_item_pos = item.pos() if item is not None else None
        if item is not None and (self.tie_mode or event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            event.accept()  # drawing a tie: the person stays where it is
            return
        super().mousePressEvent(event)
        # The person Qt gave the press to (it looks under the whole pixel, not only at its corner): the
        # one that moves with the pointer, and so the one saved.
        grabbed = self._owner(self.mouseGrabberItem())
        if grabbed is not None and grabbed is not item:
            item = self._press_item = grabbed
            self._press_item_pos = item.pos()
        self.choose_tie(None if item is not None else self._tie_at(event.scenePos()))
        if self._chosen_tie is not None:
            event.accept()  # a click on a tie is for the tie (as when Qt selected it)
        if item is not None:
            self.person_chosen.emit(item.person.id)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)  # Qt moves the person she holds (and any others chosen with her)
        if self._press_item is not None and self._owner(self.mouseGrabberItem()) is self._press_item:
            for item in {self._press_item, *self.selectedItems()}:
                if isinstance(item, MapPersonItem):
                    self.person_moved(item)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        item = self._person_at(event.scenePos())
        if item is not None:
            self.person_opened.emit(item.person.id)
        super().mouseDoubleClickEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        item, start, was_at = self._press_item, self._press_pos, self._press_item_pos
        self._press_item = self._press_pos = self._press_item_pos = None
        drawing_tie = self.tie_mode or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if item is not None and drawing_tie:
            target = self._person_at(event.scenePos())
            if target is not None and target is not item:
                self.tie_requested.emit(item.person.id, target.person.id)
            return
        super().mouseReleaseEvent(event)
        if item is not None and was_at is not None and item.pos() != was_at:
            # Moved, however little: where the mark is drawn is where she is saved.
            angle, distance = from_scene(item.pos())
            self.move_finished.emit(item.person.id, angle, distance)
        elif item is None and start is not None and (event.scenePos() - start).manhattanLength() <= 2:
            # A click on a tie chose it; on an empty spot, she wants to add someone there (the form asks
            # for the name).
            if self._tie_at(event.scenePos()) is not None:
                event.accept()
            else:
                angle, distance = from_scene(event.scenePos())
                if distance <= 100:
                    self.add_requested.emit(angle, distance)

    def _tie_at(self, point: QPointF) -> MapTieItem | None:
        return next((item for item in self.items(point) if isinstance(item, MapTieItem)), None)

    @staticmethod
    def _owner(item: QGraphicsItem | None) -> MapPersonItem | None:
        """The person a mark or a name belongs to, or None. Never asks an item for ``parentItem()``:
        PySide 6.11 then takes a top-level item's ownership into Python, so a ring looked at that way
        was deleted with its wrapper (the rings vanished at her first click) or deleted twice with the
        scene (a crash)."""
        if isinstance(item, MapPersonItem):
            return item
        if isinstance(item, MapName):
            return item.person_item
        return None

    def _person_at(self, point: QPointF) -> MapPersonItem | None:
        """The person drawn on top at ``point`` (her mark or her name): the one Qt gives the press to."""
        for item in self.items(point):
            person = self._owner(item)
            if person is not None:
                return person
        return None
