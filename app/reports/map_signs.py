"""The signs of the printed network map, in black, white and grey, and the legend that explains them.

Shape = sector (circle, square, diamond, triangle); fill = the relationship with the family (filled,
left half, open, open with a zigzag); line style = a tie (solid, dashed, zigzag); a small star =
invited to network meetings. Nothing depends on colour, so the map survives a black-and-white copier.
Coordinates are PDF points (y up); ``r`` is a mark's radius.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Protocol

from reportlab.pdfgen.canvas import Canvas

from app.reports.pdf_text import Fonts, one_line, visual, wrap

SECTORS = ("family", "friends", "school_work", "professional")
QUALITIES = ("supportive", "ambivalent", "strained", "conflict")
TIE_QUALITIES = ("", "strained", "conflict")
LEGEND_KEYS = SECTORS + QUALITIES + ("tie", "tie_strained", "tie_conflict", "invite")

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 (PDF points, y up)

BLACK, WHITE = 0.0, 1.0
GRID_GREY = 0.55  # the horizons and the sector cross: structure, not content
RING_GREY = 0.35  # the outer horizon
LEGEND_SIZE = 9.0
LEGEND_HEADING_SIZE = 10.0


class LegendTexts(Protocol):
    """The legend's headings, in the map's language."""

    how_to_read: str
    shapes: str
    fills: str
    ties: str
    horizons: str


# ---- marks and lines


def shape_path(canvas: Canvas, sector: str, x: float, y: float, r: float):
    """The outline of a mark: about the same ink for each shape, centred on (x, y)."""
    path = canvas.beginPath()
    if sector == "family":
        path.circle(x, y, r)
    elif sector == "friends":
        s = 0.9 * r
        path.rect(x - s, y - s, 2 * s, 2 * s)
    elif sector == "school_work":
        d = 1.25 * r
        path.moveTo(x, y + d)
        path.lineTo(x + d, y)
        path.lineTo(x, y - d)
        path.lineTo(x - d, y)
        path.close()
    else:  # professional: an upward triangle, its centroid on (x, y)
        c = 1.35 * r
        path.moveTo(x, y + c)
        path.lineTo(x + c * math.sqrt(3) / 2, y - c / 2)
        path.lineTo(x - c * math.sqrt(3) / 2, y - c / 2)
        path.close()
    return path


def mark_extent(sector: str, r: float) -> tuple[float, float, float]:
    """(half width, height above, depth below) of a mark of radius ``r``."""
    if sector == "friends":
        return 0.9 * r, 0.9 * r, 0.9 * r
    if sector == "school_work":
        return 1.25 * r, 1.25 * r, 1.25 * r
    if sector == "professional":
        c = 1.35 * r
        return c * math.sqrt(3) / 2, c, c / 2
    return r, r, r


def zigzag_points(x1: float, y1: float, x2: float, y2: float, amp: float, wave: float,
                   lead: float = 0.0) -> list[tuple[float, float]]:
    """A zigzag from (x1, y1) to (x2, y2): straight for ``lead`` at each end, peaks ``amp`` high."""
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy)
    if length < 1e-6:
        return [(x1, y1), (x2, y2)]
    ux, uy = dx / length, dy / length
    nx, ny = -uy, ux
    middle = length - 2 * lead
    halves = int(middle / (wave / 2))
    if halves < 2:
        return [(x1, y1), (x2, y2)]
    step = middle / halves
    points = [(x1, y1), (x1 + ux * lead, y1 + uy * lead)]
    for k in range(1, halves):
        along = lead + k * step
        side = amp if k % 2 else -amp
        points.append((x1 + ux * along + nx * side, y1 + uy * along + ny * side))
    points += [(x2 - ux * lead, y2 - uy * lead), (x2, y2)]
    return points


def polyline(path, points: list[tuple[float, float]]) -> None:
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)


def draw_mark(canvas: Canvas, sector: str, quality: str, x: float, y: float, r: float,
               line_width: float) -> None:
    canvas.setLineWidth(line_width)
    canvas.setStrokeGray(BLACK)
    if quality == "supportive":
        canvas.setFillGray(BLACK)
        canvas.drawPath(shape_path(canvas, sector, x, y, r), stroke=1, fill=1)
        return
    canvas.setFillGray(WHITE)
    canvas.drawPath(shape_path(canvas, sector, x, y, r), stroke=0, fill=1)
    if quality == "ambivalent":  # the left half black
        canvas.saveState()
        canvas.clipPath(shape_path(canvas, sector, x, y, r), stroke=0, fill=0)
        canvas.setFillGray(BLACK)
        canvas.rect(x - 2 * r, y - 2 * r, 2 * r, 4 * r, stroke=0, fill=1)
        canvas.restoreState()
    elif quality == "conflict":  # a zigzag across the inside
        half = 0.62 * r
        mid = y - 0.12 * r if sector == "professional" else y
        path = canvas.beginPath()
        polyline(path, zigzag_points(x - half, mid, x + half, mid, 0.45 * r, 2 * (2 * half) / 3.5))
        canvas.setLineWidth(line_width * 1.15)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.setLineWidth(line_width)
    canvas.drawPath(shape_path(canvas, sector, x, y, r), stroke=1, fill=0)


def star_path(canvas: Canvas, x: float, y: float, outer: float):
    path = canvas.beginPath()
    for k in range(10):
        radius = outer if k % 2 == 0 else outer * 0.42
        angle = math.pi / 2 + k * math.pi / 5
        point = (x + radius * math.cos(angle), y + radius * math.sin(angle))
        if k == 0:
            path.moveTo(*point)
        else:
            path.lineTo(*point)
    path.close()
    return path


def star_centre(sector: str, x: float, y: float, r: float) -> tuple[float, float, float]:
    """Where the invite star goes: above and to the left of the mark. (x, y, outer radius)."""
    half, above, _ = mark_extent(sector, r)
    s = max(2.6, 0.75 * r)
    return x - half - 0.35 * s, y + above + 0.1 * s, s


def tie_style(canvas: Canvas, quality: str, scale: float) -> None:
    canvas.setStrokeGray(BLACK)
    if quality == "strained":
        canvas.setLineWidth(0.8 * scale)
        canvas.setDash([4 * scale, 2.6 * scale], 0)
    else:
        canvas.setLineWidth((0.7 if quality == "conflict" else 0.75) * scale)
        canvas.setDash([], 0)


def tie_points(quality: str, x1: float, y1: float, x2: float, y2: float, r: float,
                scale: float) -> list[tuple[float, float]]:
    if quality == "conflict":
        return zigzag_points(x1, y1, x2, y2, 2.2 * scale, 6.0 * scale, lead=r + 1.5)
    return [(x1, y1), (x2, y2)]


def legend_shape(canvas: Canvas, sector: str, x: float, y: float, r: float) -> None:
    """A sector's shape on its own (in the legend and the corners): outlined, mid-grey inside."""
    canvas.saveState()
    canvas.setLineWidth(0.9)
    canvas.setStrokeGray(BLACK)
    canvas.setFillGray(0.62)
    canvas.setLineJoin(1)
    canvas.drawPath(shape_path(canvas, sector, x, y, r), stroke=1, fill=1)
    canvas.restoreState()


def draw_legend(canvas: Canvas, legend: Mapping[str, str], texts: LegendTexts, area: Rect,
                fonts: Fonts) -> None:
    """The legend in ``area``: a heading per kind of sign, each sign with the caller's text; the type
    gets a little smaller where the texts would not fit."""
    x0, y0, x1, y1 = area
    for size in (LEGEND_SIZE, 8.5, 8.0):
        rows = _legend_rows(legend, texts, fonts, size, x1 - x0)
        if sum(row[0] for row in rows) <= y1 - y0:
            break
    y = y1
    for height, draw in rows:
        draw(canvas, x0, y)
        y -= height


def _legend_rows(legend: Mapping[str, str], texts: LegendTexts, fonts: Fonts, size: float, width: float):
    """(height, draw(canvas, x, top)) for each row of the legend, top to bottom."""
    rows: list[tuple[float, Callable[[Canvas, float, float], None]]] = []
    leading = size * 1.22

    def heading(text: str, first: bool = False) -> None:
        lines = wrap(one_line(text, fonts), fonts.bold, LEGEND_HEADING_SIZE, width)
        before = 0.0 if first else 7.0

        def draw(canvas: Canvas, x: float, top: float) -> None:
            canvas.setFillGray(BLACK)
            canvas.setFont(fonts.bold, LEGEND_HEADING_SIZE)
            baseline = top - before - LEGEND_HEADING_SIZE
            for line in lines:
                canvas.drawString(x, baseline, visual(line))
                baseline -= LEGEND_HEADING_SIZE * 1.2

        rows.append((before + LEGEND_HEADING_SIZE * 1.2 * len(lines) + 3, draw))

    def row(text: str, icon_width: float, icon: Callable[[Canvas, float, float], None]) -> None:
        lines = wrap(one_line(text, fonts), fonts.regular, size, width - icon_width)
        height = max(leading * len(lines), 13.0) + 3.5

        def draw(canvas: Canvas, x: float, top: float) -> None:
            icon(canvas, x, top - 6.5)
            canvas.setFillGray(BLACK)
            canvas.setFont(fonts.regular, size)
            baseline = top - 6.5 - size * 0.35
            for line in lines:
                canvas.drawString(x + icon_width, baseline, visual(line))
                baseline -= leading

        rows.append((height, draw))

    heading(texts.how_to_read, first=True)
    rows.append((2.0, lambda canvas, x, top: None))
    heading(texts.shapes)
    for sector in SECTORS:
        row(legend[sector], 22, lambda c, x, y, s=sector: legend_shape(c, s, x + 7, y, 4.6))

    heading(texts.fills)

    def quality_icon(canvas: Canvas, x: float, y: float, quality: str) -> None:
        canvas.saveState()
        canvas.setLineJoin(1)
        for k, sector in enumerate(SECTORS):
            draw_mark(canvas, sector, quality, x + 5 + 12.5 * k, y, 4.4, 0.9)
        canvas.restoreState()

    for quality in QUALITIES:
        row(legend[quality], 58, lambda c, x, y, q=quality: quality_icon(c, x, y, q))

    heading(texts.ties)

    def tie_icon(canvas: Canvas, x: float, y: float, quality: str) -> None:
        canvas.saveState()
        canvas.setLineJoin(1)
        tie_style(canvas, quality, 1.0)
        path = canvas.beginPath()
        polyline(path, tie_points(quality, x, y, x + 44, y, 0.0, 1.0))
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()

    for key, quality in (("tie", ""), ("tie_strained", "strained"), ("tie_conflict", "conflict")):
        row(legend[key], 58, lambda c, x, y, q=quality: tie_icon(c, x, y, q))

    rows.append((6.0, lambda canvas, x, top: None))

    def star_icon(canvas: Canvas, x: float, y: float) -> None:
        canvas.saveState()
        canvas.setFillGray(BLACK)
        canvas.setStrokeGray(BLACK)
        canvas.setLineWidth(0.4)
        canvas.drawPath(star_path(canvas, x + 7, y, 5.2), stroke=1, fill=1)
        canvas.restoreState()

    row(legend["invite"], 22, star_icon)

    def rings_icon(canvas: Canvas, x: float, y: float) -> None:
        canvas.saveState()
        canvas.setStrokeGray(GRID_GREY)
        canvas.setLineWidth(0.6)
        for radius in (2.2, 4.4):
            canvas.circle(x + 7, y, radius, stroke=1, fill=0)
        canvas.setStrokeGray(RING_GREY)
        canvas.circle(x + 7, y, 6.6, stroke=1, fill=0)
        canvas.restoreState()

    rows.append((3.0, lambda canvas, x, top: None))
    row(texts.horizons, 22, rings_icon)
    return rows
