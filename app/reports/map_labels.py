"""Where the names go on the printed network map: beside each mark, clear of the other marks, names
and labels where the page allows, and always inside the map area. Coordinates are PDF points (y up).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.reports.map_signs import Rect, mark_extent, star_centre
from app.reports.pdf_text import Fonts, one_line, visual, wrap


def _overlap(a: Rect, b: Rect) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def inside(r: Rect, box: Rect) -> bool:
    return r[0] >= box[0] and r[1] >= box[1] and r[2] <= box[2] and r[3] <= box[3]


class Labelled(Protocol):
    """A person as the label placement sees them."""

    label: str
    sector: str
    invite: bool


class Grid:
    """Rectangles binned in square cells, so a label looks only at its neighbours (150 people fast)."""

    def __init__(self, cell: float = 36.0) -> None:
        self.cell = cell
        self.rects: list[Rect] = []
        self.weights: list[float] = []
        self.cells: dict[tuple[int, int], list[int]] = {}

    def _keys(self, r: Rect):
        c = self.cell
        for i in range(math.floor(r[0] / c), math.floor(r[2] / c) + 1):
            for j in range(math.floor(r[1] / c), math.floor(r[3] / c) + 1):
                yield i, j

    def add(self, r: Rect, weight: float = 1.0) -> None:
        """``weight``: how bad covering this is (a mark is worse to cover than another name)."""
        index = len(self.rects)
        self.rects.append(r)
        self.weights.append(weight)
        for key in self._keys(r):
            self.cells.setdefault(key, []).append(index)

    def overlap(self, r: Rect) -> float:
        seen: set[int] = set()
        total = 0.0
        for key in self._keys(r):
            for index in self.cells.get(key, ()):
                if index not in seen:
                    seen.add(index)
                    total += _overlap(r, self.rects[index]) * self.weights[index]
        return total

@dataclass
class NameBox:
    """A person's name placed on the PDF map: its lines, size and box (``Label`` is the content's bilingual text)."""

    lines: list[str]
    size: float
    width: float
    height: float
    x: float = 0.0  # the box's lower left corner once placed
    y: float = 0.0
    align: str = "left"
    number: int = 0  # > 0: no free spot for the name, so its number is printed (see the key)

def draw_label(canvas: Canvas, label: NameBox, font: str) -> None:
    leading = label.size * 1.15
    canvas.setFont(font, label.size)
    baseline = label.y + label.height - label.size * 0.93
    for line in label.lines:
        if label.align == "right":
            canvas.drawRightString(label.x + label.width, baseline, visual(line))
        elif label.align == "centre":
            canvas.drawCentredString(label.x + label.width / 2, baseline, visual(line))
        else:
            canvas.drawString(label.x, baseline, visual(line))
        baseline -= leading


def place_labels(people: Sequence[Labelled], points: list[tuple[float, float]], r: float, size: float,
                 centre: tuple[float, float], box: Rect, grid: Grid, fonts: Fonts) -> list[NameBox]:
    """Each name beside its mark: the first free spot, away from the centre first.

    A spot is free when it covers no mark, star, other name, the centre or a sector label, and lies
    inside the map area. The people nearest the centre, where it is most crowded, choose first; the
    outer ones have room outwards. Where no spot is free for a name, the person's number (their place
    in ``people``, from 1) is printed instead and the key under the list of people says whose it is:
    names never overprint each other or the family's label. A number with no free spot either takes
    the spot with the least overlap.
    """
    labels: list[NameBox | None] = [None] * len(people)
    gap = 1.8
    leading = size * 1.15
    max_width = size * 11.5
    order = sorted(range(len(people)),
                   key=lambda i: math.hypot(points[i][0] - centre[0], points[i][1] - centre[1]))
    for index in order:
        person, (x, y) = people[index], points[index]
        lines = wrap(one_line(person.label, fonts), fonts.regular, size, max_width) or [""]
        if len(lines) > 3:  # at most three lines, and every word kept
            lines = [*lines[:2], " ".join(lines[2:])]
        w = max(stringWidth(line, fonts.regular, size) for line in lines)
        h = leading * (len(lines) - 1) + size * 1.12
        half, above, below = mark_extent(person.sector, r)
        star = star_centre(person.sector, x, y, r) if person.invite else None
        left_edge = (star[0] - star[2]) if star else x - half
        top = (star[1] + star[2]) if star else y + above
        beside = [(x + half + gap, "left"), (left_edge - gap - w, "right")]
        if x < centre[0]:  # outwards first
            beside.reverse()
        near = [(bx, y - h / 2, align) for bx, align in beside]
        diagonal = [(x + half * 0.3, top + gap, "left"), (x + half * 0.3, y - below - gap - h, "left"),
                    (x - half * 0.3 - w, top + gap, "right"),
                    (x - half * 0.3 - w, y - below - gap - h, "right")]
        if x < centre[0]:
            diagonal = diagonal[2:] + diagonal[:2]
        centred = [(x - w / 2, top + gap, "centre"), (x - w / 2, y - below - gap - h, "centre")]
        # Slid up or down along the mark's side, still touching it.
        slid = [(bx, y - h / 2 + shift, align) for bx, align in beside
                for shift in (h / 2, -h / 2, h / 2 + above, -h / 2 - below)]
        best: tuple[float, Rect, str] | None = None
        for rank, (lx, ly, align) in enumerate([*near[:1], *diagonal[:2], *near[1:], *centred,
                                                *diagonal[2:], *slid]):
            rect = (lx, ly, lx + w, ly + h)
            cost = grid.overlap(rect) + (0.0 if inside(rect, box) else 1e6) + rank * 1e-3
            if best is None or cost < best[0]:
                best = (cost, rect, align)
            if cost < 1:
                break
        assert best is not None
        number = 0
        if best[0] >= 1:  # no free spot for the name: its number, in the same places
            number = index + 1
            lines = [str(number)]
            w, h = stringWidth(lines[0], fonts.regular, size), size * 1.12
            spots = [(x + half + gap, y - h / 2, "left"), (left_edge - gap - w, y - h / 2, "right"),
                     (x - w / 2, top + gap, "centre"), (x - w / 2, y - below - gap - h, "centre"),
                     *[(x + half + gap, y - h / 2 + shift, "left") for shift in (h, -h)],
                     *[(left_edge - gap - w, y - h / 2 + shift, "right") for shift in (h, -h)]]
            best = None
            for rank, (lx, ly, align) in enumerate(spots):
                rect = (lx, ly, lx + w, ly + h)
                cost = grid.overlap(rect) + (0.0 if inside(rect, box) else 1e6) + rank * 1e-3
                if best is None or cost < best[0]:
                    best = (cost, rect, align)
                if cost < 1:
                    break
            assert best is not None
        rect = best[1]
        # Keep the name on the page whatever happens.
        dx = max(box[0] - rect[0], 0.0) - max(rect[2] - box[2], 0.0)
        dy = max(box[1] - rect[1], 0.0) - max(rect[3] - box[3], 0.0)
        rect = (rect[0] + dx, rect[1] + dy, rect[2] + dx, rect[3] + dy)
        grid.add(rect)
        labels[index] = NameBox(lines, size, w, h, rect[0], rect[1], best[2], number)
    return [label for label in labels if label is not None]
