"""The printable network map (netværkskort), as a PDF made in memory.

The map is drawn with the family and printed for them or for a network meeting, often on an office
printer in black and white, or photocopied. So nothing on it depends on colour (easyNWK prints
conflict in red only, anchor-easynwk.md §3.14); everything is black, white or grey:

* **Shape = sector.** Circle: family; square: friends and neighbours; diamond: school, day care,
  work and leisure; triangle: professionals. The sector labels sit in the map's corners, each with
  its shape.
* **Fill = the relationship with the family.** Filled black: supportive; left half black:
  ambivalent; open (white): strained; open with a zigzag inside: conflict.
* **Line style = a tie between two people.** Solid: a tie; dashed: a strained tie; zigzag: a tie in
  conflict (the genogram sign for a hostile relationship, and the same zigzag as in a conflict mark).
* **A small black star** beside a mark: invited to network meetings.
* The three horizons are grey circles and the sectors two thin grey crossing lines; the family sits
  in the centre. A legend on the right explains every shape, fill and line with the caller's texts.

A4 landscape: the round map on the left and its legend beside it, as on a map sheet; the optional
second page lists the people in a table whose header repeats on each page. A footer gives the title
and "Side 1 af 2".

Names are placed beside their marks, away from the centre where there is room, never over another
mark or name where that can be avoided, and always inside the map area. They are 9 pt on a map of up
to 40 people, getting smaller down to 6 pt at 150 people. A name sits on a white patch, so a tie
passing underneath does not cross the letters.

``render_network_map`` returns ``bytes`` and never writes a file. Metadata: the title and the health
visitor as author, nothing else personal; with ``invariant=1`` the same map gives the same bytes.
This module imports no services, models or Qt: the caller turns its map into a ``MapDocument``
(positions from ``to_xy``, outer horizon at 100, y down).

This module lays out the pages; the signs and the legend are in ``map_signs``, where the names go in
``map_labels``. The page frame, the footer and the people table are the shared ``layout`` (A4
landscape, ``MAP_SHEET``); the legend's headings are in ``texts``, where the services also take the
title, the sector names and the legend's words they put in a ``MapDocument``.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, PageTemplate, Paragraph

from app.reports.documents import MapDocument
from app.reports.layout import (
    MAP_SHEET,
    build,
    footer,
    new_document,
    paragraph_styles,
    text_frame,
    text_table,
    whole_page_frame,
)
from app.reports.map_labels import Grid, NameBox, draw_label, place_labels
from app.reports.map_signs import (
    BLACK,
    GRID_GREY,
    LEGEND_KEYS,
    QUALITIES,
    RING_GREY,
    SECTORS,
    TIE_QUALITIES,
    WHITE,
    Rect,
    draw_legend,
    draw_mark,
    legend_shape,
    mark_extent,
    polyline,
    star_centre,
    star_path,
    tie_points,
    tie_style,
)
from app.reports.pdf_text import Fonts, markup, one_line, pick_fonts, visual, wrap
from app.reports.texts import NETWORK_MAP, PAGE_NUMBER, NetworkMapTexts, in_language

# ---- layout, in points (A4 landscape is 842 x 595)

LAYOUT = MAP_SHEET
PAGE = LAYOUT.size
MARGIN = LAYOUT.margin_x
MAP_BOTTOM = LAYOUT.margin_bottom - 8  # the map area's lower edge, just above the footer rule
TITLE_SIZE = LAYOUT.title_size
SUBTITLE_SIZE = 10.5
MAP_WIDTH = 520.0  # the map area: the circle and room for names and the sector labels around it
LEGEND_GAP = 18.0
SECTOR_LABEL_SIZE = 10.0
SECTOR_LABEL_WIDTH = 128.0
CENTRE_SIZE = 10.5
CENTRE_WIDTH = 92.0
MARK_WEIGHT = 5.0  # a name over a mark is worse than a name over a name
DRAWN_DISTANCE_LIMIT = 108.0  # a person placed beyond the outer horizon (up to the services' MAX_DISTANCE) is drawn just outside it

# Label and mark size shrink from a map of SMALL_MAP people to one of LARGE_MAP people.
SMALL_MAP, LARGE_MAP = 40, 150
LABEL_SIZES = (9.0, 6.0)
MARK_RADII = (6.3, 4.0)



def _sizes(people: int) -> tuple[float, float]:
    """(label font size, mark radius) for a map of ``people`` people."""
    t = min(max((people - SMALL_MAP) / (LARGE_MAP - SMALL_MAP), 0.0), 1.0)
    return (LABEL_SIZES[0] + t * (LABEL_SIZES[1] - LABEL_SIZES[0]),
            MARK_RADII[0] + t * (MARK_RADII[1] - MARK_RADII[0]))



# ---- the map page


@dataclass(frozen=True)
class _Frame:
    """Where things go on the map page."""

    box: Rect  # the map area (circle, names, sector labels)
    cx: float
    cy: float
    radius: float  # the outer horizon, in points
    legend: Rect


def _frame(title_lines: int, subtitle_lines: int) -> _Frame:
    width, height = PAGE
    top = height - MARGIN - title_lines * TITLE_SIZE * 1.2 - subtitle_lines * SUBTITLE_SIZE * 1.3 - 8
    box = (MARGIN, MAP_BOTTOM + 6, MARGIN + MAP_WIDTH, top)
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    radius = min((box[3] - box[1]) / 2 - 24, (box[2] - box[0]) / 2 - 58)
    legend = (box[2] + LEGEND_GAP, box[1], width - MARGIN, box[3])
    return _Frame(box, cx, cy, radius, legend)


class _MapPage(Flowable):
    """The whole first page (title, map, legend) drawn in page coordinates."""

    def __init__(self, doc: MapDocument, texts: NetworkMapTexts, fonts: Fonts) -> None:
        super().__init__()
        self.doc, self.texts, self.fonts = doc, texts, fonts

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, avail_height

    def draw(self) -> None:
        _draw_map_page(self.canv, self.doc, self.texts, self.fonts)


def _page_frame(doc: MapDocument, fonts: Fonts) -> tuple[list[str], list[str], _Frame]:
    """The title's and the subtitle's lines, and where the map and the legend go under them."""
    width = PAGE[0]
    title = wrap(one_line(doc.title, fonts), fonts.bold, TITLE_SIZE, width - 2 * MARGIN)
    subtitle = wrap(one_line(doc.subtitle, fonts), fonts.regular, SUBTITLE_SIZE, width - 2 * MARGIN)
    return title, subtitle, _frame(len(title), len(subtitle))


def _draw_map_page(canvas: Canvas, doc: MapDocument, texts: NetworkMapTexts, fonts: Fonts) -> None:
    height = PAGE[1]
    title, subtitle, frame = _page_frame(doc, fonts)

    canvas.setFillGray(BLACK)
    y = height - MARGIN - TITLE_SIZE
    canvas.setFont(fonts.bold, TITLE_SIZE)
    for line in title:
        canvas.drawString(MARGIN, y, visual(line))
        y -= TITLE_SIZE * 1.2
    canvas.setFont(fonts.regular, SUBTITLE_SIZE)
    y += TITLE_SIZE * 1.2 - SUBTITLE_SIZE * 1.5
    for line in subtitle:
        canvas.drawString(MARGIN, y, visual(line))
        y -= SUBTITLE_SIZE * 1.3

    _draw_map(canvas, doc, frame, fonts)
    draw_legend(canvas, doc.legend, texts, frame.legend, fonts)


@dataclass
class _Layout:
    """Where everything on the map goes (worked out the same way for the drawing and for the key)."""

    points: list[tuple[float, float]]
    r: float
    centre: _Block
    corners: list[_Block]
    labels: list[NameBox]


def _layout(doc: MapDocument, frame: _Frame, fonts: Fonts) -> _Layout:
    cx, cy, big_r = frame.cx, frame.cy, frame.radius
    scale = big_r / 100.0
    label_size, r = _sizes(len(doc.people))
    # Where each person goes, in points.
    points: list[tuple[float, float]] = []
    for person in doc.people:
        x, y = person.x, person.y
        distance = math.hypot(x, y)
        if distance > DRAWN_DISTANCE_LIMIT:
            x, y = x * DRAWN_DISTANCE_LIMIT / distance, y * DRAWN_DISTANCE_LIMIT / distance
        points.append((cx + x * scale, cy - y * scale))

    # What names must keep clear of: the marks, their stars, the centre, the sector labels.
    grid = Grid()
    for person, (x, y) in zip(doc.people, points, strict=True):
        half, above, below = mark_extent(person.sector, r)
        grid.add((x - half - 0.8, y - below - 0.8, x + half + 0.8, y + above + 0.8), MARK_WEIGHT)
        if person.invite:
            sx, sy, s = star_centre(person.sector, x, y, r)
            grid.add((sx - s, sy - s, sx + s, sy + s), MARK_WEIGHT)
    centre = _centre_label(doc, frame, fonts)
    grid.add(centre.rect, MARK_WEIGHT)
    corners = _sector_labels(doc, frame, fonts)
    for corner in corners:
        grid.add(corner.rect)
    labels = place_labels(doc.people, points, r, label_size, (frame.cx, frame.cy), frame.box, grid, fonts)
    return _Layout(points, r, centre, corners, labels)


def _draw_map(canvas: Canvas, doc: MapDocument, frame: _Frame, fonts: Fonts) -> None:
    cx, cy, big_r = frame.cx, frame.cy, frame.radius
    line_scale = 1.0 if len(doc.people) <= SMALL_MAP else 0.85

    # The structure: the sector cross and the three horizons, in grey.
    canvas.saveState()
    canvas.setStrokeGray(GRID_GREY)
    canvas.setLineWidth(0.5)
    canvas.line(cx - big_r, cy, cx + big_r, cy)
    canvas.line(cx, cy - big_r, cx, cy + big_r)
    for ring in (100 / 3, 200 / 3):
        canvas.circle(cx, cy, ring * big_r / 100.0, stroke=1, fill=0)
    canvas.setStrokeGray(RING_GREY)
    canvas.setLineWidth(1.0)
    canvas.circle(cx, cy, big_r, stroke=1, fill=0)
    canvas.restoreState()

    layout = _layout(doc, frame, fonts)
    points, r, centre, corners, labels = layout.points, layout.r, layout.centre, layout.corners, layout.labels

    # The ties, batched in one path per style.
    canvas.saveState()
    canvas.setLineJoin(1)
    for quality in TIE_QUALITIES:
        ties = [line for line in doc.lines if line.quality == quality]
        if not ties:
            continue
        tie_style(canvas, quality, line_scale)
        path = canvas.beginPath()
        for line in ties:
            (x1, y1), (x2, y2) = points[line.a], points[line.b]
            polyline(path, tie_points(quality, x1, y1, x2, y2, r, line_scale))
        canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()

    # White patches under the names (a tie never runs through letters), then the centre, the marks.
    canvas.saveState()
    canvas.setFillGray(WHITE)
    patches = canvas.beginPath()
    for label in labels:
        patches.rect(label.x - 1, label.y - 0.5, label.width + 2, label.height + 1)
    canvas.drawPath(patches, stroke=0, fill=1)
    canvas.setLineJoin(1)
    for person, (x, y) in zip(doc.people, points, strict=True):
        draw_mark(canvas, person.sector, person.quality, x, y, r, 0.9 if r >= 4.5 else 0.75)
    canvas.restoreState()
    _draw_stars(canvas, doc, points, r)
    centre.draw(canvas, fonts)  # over the marks: the family's label stays readable on a crowded map

    # The names, then the sector labels in the corners.
    canvas.setFillGray(BLACK)
    for label in labels:
        draw_label(canvas, label, fonts.regular)
    for corner in corners:
        corner.draw(canvas, fonts)


def _draw_stars(canvas: Canvas, doc: MapDocument, points: list[tuple[float, float]], r: float) -> None:
    canvas.saveState()
    canvas.setFillGray(BLACK)
    canvas.setStrokeGray(BLACK)
    canvas.setLineWidth(0.4)
    canvas.setLineJoin(1)
    for person, (x, y) in zip(doc.people, points, strict=True):
        if person.invite:
            canvas.drawPath(star_path(canvas, *star_centre(person.sector, x, y, r)), stroke=1, fill=1)
    canvas.restoreState()


@dataclass(frozen=True)
class _Block:
    """A small block of bold text with a box or a shape: the centre, or a sector label."""

    lines: tuple[str, ...]
    size: float
    rect: Rect
    align: str  # "left" | "right" | "centre"
    sector: str = ""  # a sector label shows its shape before the text

    def draw(self, canvas: Canvas, fonts: Fonts) -> None:
        x0, y0, x1, y1 = self.rect
        canvas.saveState()
        if not self.sector:  # the centre: a white box with a firm edge
            canvas.setFillGray(WHITE)
            canvas.setStrokeGray(BLACK)
            canvas.setLineWidth(1.2)
            canvas.roundRect(x0, y0, x1 - x0, y1 - y0, 5, stroke=1, fill=1)
        canvas.setFillGray(BLACK)
        canvas.setFont(fonts.bold, self.size)
        leading = self.size * 1.2
        pad = 0.0 if self.sector else 5.0
        baseline = y1 - pad - self.size * 0.95
        icon = 16.0 if self.sector else 0.0
        for line in self.lines:
            if self.align == "right":
                canvas.drawRightString(x1, baseline, visual(line))
            elif self.align == "left":
                canvas.drawString(x0 + icon, baseline, visual(line))
            else:
                canvas.drawCentredString((x0 + x1) / 2, baseline, visual(line))
            baseline -= leading
        if self.sector:
            first = self.lines[0] if self.lines else ""
            text_w = stringWidth(first, fonts.bold, self.size)
            ix = x0 + 6 if self.align == "left" else x1 - text_w - 10
            legend_shape(canvas, self.sector, ix, y1 - self.size * 0.6, 4.6)
        canvas.restoreState()


def _centre_label(doc: MapDocument, frame: _Frame, fonts: Fonts) -> _Block:
    lines = wrap(one_line(doc.centre, fonts), fonts.bold, CENTRE_SIZE, CENTRE_WIDTH)[:3]
    w = max([stringWidth(line, fonts.bold, CENTRE_SIZE) for line in lines] + [20.0]) + 10
    h = CENTRE_SIZE * 1.2 * (len(lines) - 1) + CENTRE_SIZE * 1.15 + 10 if lines else 14
    rect = (frame.cx - w / 2, frame.cy - h / 2, frame.cx + w / 2, frame.cy + h / 2)
    return _Block(tuple(lines), CENTRE_SIZE, rect, "centre")


def _sector_labels(doc: MapDocument, frame: _Frame, fonts: Fonts) -> list[_Block]:
    x0, y0, x1, y1 = frame.box
    blocks = []
    corners = {"family": ("right", "top"), "friends": ("left", "top"),
               "school_work": ("left", "bottom"), "professional": ("right", "bottom")}
    for sector in SECTORS:
        align, edge = corners[sector]
        text = one_line(doc.sector_labels[sector], fonts)
        lines = wrap(text, fonts.bold, SECTOR_LABEL_SIZE, SECTOR_LABEL_WIDTH - 16)[:3]
        w = max([stringWidth(line, fonts.bold, SECTOR_LABEL_SIZE) for line in lines] + [0.0]) + 16
        h = SECTOR_LABEL_SIZE * 1.2 * len(lines)
        left = x1 - w if align == "right" else x0
        bottom = y1 - h if edge == "top" else y0
        blocks.append(_Block(tuple(lines), SECTOR_LABEL_SIZE, (left, bottom, left + w, bottom + h),
                             align, sector))
    return blocks


# ---- the people table


def _table_story(doc: MapDocument, texts: NetworkMapTexts, fonts: Fonts, width: float) -> list[Flowable]:
    rows = [[one_line(cell, fonts) for cell in row] for row in doc.table]
    if len(rows) < 2:
        return []
    styles = paragraph_styles(LAYOUT, fonts)
    # The heading opens its own page: no room to keep before it, and the table may follow onto more pages.
    heading = ParagraphStyle("people", styles.heading, keepWithNext=0)
    return [Paragraph(markup(texts.people, fonts), heading),
            text_table(rows, LAYOUT, styles, fonts, width, word_share=0.35)]


def _key_story(doc: MapDocument, texts: NetworkMapTexts, fonts: Fonts, width: float) -> list[Flowable]:
    """Whose number is printed on the map where a name had no room (the crowded middle of a big map)."""
    frame = _page_frame(doc, fonts)[2]
    numbered = sorted(label.number for label in _layout(doc, frame, fonts).labels if label.number)
    if not numbered:
        return []
    rows = [[one_line(cell, fonts) for cell in texts.numbers_header]]
    rows += [[str(number), one_line(doc.people[number - 1].label, fonts)] for number in numbered]
    styles = paragraph_styles(LAYOUT, fonts)
    heading = ParagraphStyle("numbers", styles.heading, keepWithNext=1)
    return [Paragraph(markup(texts.numbers, fonts), heading),
            text_table(rows, LAYOUT, styles, fonts, width / 2, word_share=0.8)]


def _measures_story(doc: MapDocument, texts: NetworkMapTexts, fonts: Fonts, width: float) -> list[Flowable]:
    """The map's measures, each part counted on its own (after the people, or on their own page)."""
    rows = [[one_line(cell, fonts) for cell in row] for row in doc.measures]
    if len(rows) < 2:
        return []
    styles = paragraph_styles(LAYOUT, fonts)
    heading = ParagraphStyle("measures", styles.heading, keepWithNext=1)
    return [Paragraph(markup(texts.measures, fonts), heading),
            text_table(rows, LAYOUT, styles, fonts, width, word_share=0.3)]


# ---- checks and the document


def _check(doc: MapDocument) -> NetworkMapTexts:
    texts = in_language(NETWORK_MAP, doc.language)
    missing = [key for key in SECTORS if key not in doc.sector_labels]
    if missing:
        raise ValueError(f"sector_labels lacks {missing}")
    missing = [key for key in LEGEND_KEYS if key not in doc.legend]
    if missing:
        raise ValueError(f"legend lacks {missing}")
    for index, person in enumerate(doc.people):
        if person.sector not in SECTORS:
            raise ValueError(f"person {index}: unknown sector {person.sector!r}")
        if person.quality not in QUALITIES:
            raise ValueError(f"person {index}: unknown quality {person.quality!r}")
        if not (math.isfinite(person.x) and math.isfinite(person.y)):
            raise ValueError(f"person {index}: position is not a number")
    for line in doc.lines:
        if line.quality not in TIE_QUALITIES:
            raise ValueError(f"tie {line}: unknown quality {line.quality!r}")
        if not (0 <= line.a < len(doc.people) and 0 <= line.b < len(doc.people)) or line.a == line.b:
            raise ValueError(f"tie {line}: needs two different people of the {len(doc.people)} on the map")
    return texts


def render_network_map(doc: MapDocument) -> bytes:
    """The network map as the bytes of an A4 landscape PDF (the map, then the optional table)."""
    texts = _check(doc)
    fonts = pick_fonts()
    buffer = io.BytesIO()
    # Metadata: the title and the health visitor; no names from the map, no subject or keywords.
    pdf = new_document(buffer, LAYOUT, doc.language, doc.title, doc.author, fonts)
    pdf.addPageTemplates([PageTemplate(id="map", frames=[whole_page_frame(LAYOUT, "map")]),
                          PageTemplate(id="table", frames=[text_frame(pdf)])])
    story: list[Flowable] = [_MapPage(doc, texts, fonts)]
    table = (_key_story(doc, texts, fonts, pdf.width) + _table_story(doc, texts, fonts, pdf.width)
             + _measures_story(doc, texts, fonts, pdf.width))
    if table:
        story += [NextPageTemplate("table"), PageBreak(), *table]
    build(pdf, story, footer(LAYOUT, doc.title, in_language(PAGE_NUMBER, doc.language), fonts))
    return buffer.getvalue()
