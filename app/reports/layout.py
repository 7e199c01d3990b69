"""The page layout every report shares: the page and its margins, the footer with the document's title
and "Side 1 af 2", the paragraph styles, and a text table whose columns are as wide as their text.

A report picks one ``PageLayout`` (``FAMILY_PAGE``: A4 portrait in a large type for the family's copy,
and for agendas, invitations and minutes; ``MAP_SHEET``: A4 landscape for the network map), makes its
document with ``new_document``, and builds its story with ``build``, which numbers the pages. Every
document is ``invariant``: the same content gives the same bytes on the same machine.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, Paragraph, Table, TableStyle

from app.reports.pdf_text import CREATOR, Fonts, glued, markup, one_line, visual, wrap

INK = 0.0  # black, as a grey level: nothing in a report depends on colour


@dataclass(frozen=True)
class PageLayout:
    """A page: its size and margins, the footer's place, and the sizes of text and tables on it."""

    size: tuple[float, float]
    margin_x: float
    margin_top: float
    margin_bottom: float  # the text's lower edge; the footer sits below it
    footer_size: float
    footer_baseline: float  # from the page's lower edge
    footer_rule: float  # the thin line above the footer
    body_size: float
    body_leading: float
    heading_size: float
    heading_leading: float
    title_size: float
    title_leading: float
    table_size: float
    table_leading: float
    cell_padding: float  # right of each cell: the gap between columns (the first starts at the margin)
    cell_top: float
    cell_bottom: float
    header_rule: float  # the line under a table's header row
    row_rule: float  # the lines between rows


# A4 portrait: 25 mm margins leave a 160 mm column, which at 13 pt is about 65 characters a line,
# short enough to read aloud at a kitchen table.
FAMILY_PAGE = PageLayout(
    size=A4, margin_x=25 * mm, margin_top=22 * mm, margin_bottom=26 * mm,
    footer_size=11, footer_baseline=12 * mm, footer_rule=17 * mm,
    body_size=13, body_leading=19, heading_size=17, heading_leading=22, title_size=24, title_leading=30,
    table_size=12, table_leading=17, cell_padding=12, cell_top=7, cell_bottom=9, header_rule=1.5, row_rule=0.5,
)
# A4 landscape, as a map sheet: the map on the left and its legend beside it; a smaller type.
MAP_SHEET = PageLayout(
    size=landscape(A4), margin_x=14 * mm, margin_top=14 * mm, margin_bottom=15 * mm + 8,
    footer_size=9, footer_baseline=7 * mm, footer_rule=11 * mm,
    body_size=9.5, body_leading=9.5 * 1.3, heading_size=15, heading_leading=19, title_size=17, title_leading=17 * 1.2,
    table_size=9.5, table_leading=9.5 * 1.3, cell_padding=10, cell_top=3, cell_bottom=4, header_rule=1.2, row_rule=0.4,
)


# ---- the document and its pages


def new_document(buffer: BinaryIO, layout: PageLayout, language: str, title: str, author: str,
                 fonts: Fonts) -> BaseDocTemplate:
    """A document on ``layout``: metadata is the title and the health visitor as author, nothing else
    personal (no subject, no keywords), and dates in it are fixed, so the bytes are reproducible."""
    return BaseDocTemplate(
        buffer, pagesize=layout.size, leftMargin=layout.margin_x, rightMargin=layout.margin_x,
        topMargin=layout.margin_top, bottomMargin=layout.margin_bottom, invariant=1, lang=language,
        displayDocTitle=1, title=one_line(title, fonts), author=one_line(author, fonts), subject="",
        keywords="", creator=CREATOR,
    )


def text_frame(doc: BaseDocTemplate, frame_id: str = "text") -> Frame:
    """The frame inside the margins, with no padding: text, tables and footer all start at the margin."""
    return Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id=frame_id,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def whole_page_frame(layout: PageLayout, frame_id: str = "page") -> Frame:
    """A frame over the whole page, for a flowable that draws the page itself (the network map)."""
    width, height = layout.size
    return Frame(0, 0, width, height, id=frame_id, leftPadding=0, rightPadding=0, topPadding=0,
                 bottomPadding=0)


class PagedCanvas(Canvas):
    """A canvas that holds its pages back until the end, then gives each its footer with the page
    number and the page count ("Side 1 af 2"). ``footer(canvas, page, pages)`` draws it."""

    def __init__(self, *args, footer: Callable[[Canvas, int, int], None], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._held_pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, pages)
            super().showPage()
        super().save()


def footer(layout: PageLayout, left: str, page_text: str, fonts: Fonts) -> Callable[[Canvas, int, int], None]:
    """The footer: a thin rule, ``left`` (the document's title or the family's name) on one line, and
    ``page_text`` ("Side {page} af {pages}") on the right."""
    left = one_line(left, fonts)

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        width, _ = layout.size
        canvas.saveState()
        canvas.setStrokeGray(INK)
        canvas.setLineWidth(0.5)
        canvas.line(layout.margin_x, layout.footer_rule, width - layout.margin_x, layout.footer_rule)
        canvas.setFillGray(INK)
        canvas.setFont(fonts.regular, layout.footer_size)
        number = page_text.format(page=page, pages=pages)
        room = width - 2 * layout.margin_x - stringWidth(number, fonts.regular, layout.footer_size) - 24
        canvas.drawString(layout.margin_x, layout.footer_baseline,
                          visual((wrap(left, fonts.regular, layout.footer_size, room) or [""])[0]))
        canvas.drawRightString(width - layout.margin_x, layout.footer_baseline, number)
        canvas.restoreState()

    return draw


def build(doc: BaseDocTemplate, story: list[Flowable], draw_footer: Callable[[Canvas, int, int], None]) -> None:
    doc.build(story, canvasmaker=functools.partial(PagedCanvas, footer=draw_footer))


# ---- paragraph styles


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of a report; a report derives its own special ones from these."""

    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle


def paragraph_styles(layout: PageLayout, fonts: Fonts) -> Styles:
    body = ParagraphStyle(
        "body", fontName=fonts.regular, fontSize=layout.body_size, leading=layout.body_leading,
        spaceAfter=9, allowWidows=0, allowOrphans=0,
    )
    heading = ParagraphStyle(
        "heading", body, fontName=fonts.bold, fontSize=layout.heading_size, leading=layout.heading_leading,
        spaceBefore=20, spaceAfter=8, keepWithNext=1,
    )
    cell = ParagraphStyle("cell", body, fontSize=layout.table_size, leading=layout.table_leading, spaceAfter=0)
    return Styles(
        title=ParagraphStyle("title", body, fontName=fonts.bold, fontSize=layout.title_size,
                             leading=layout.title_leading, spaceAfter=4),
        heading=heading,
        body=body,
        bullet=ParagraphStyle("bullet", body, leftIndent=18, bulletIndent=3, bulletFontName=fonts.regular,
                              bulletFontSize=layout.body_size, spaceAfter=5),
        cell=cell,
        cell_head=ParagraphStyle("cell_head", cell, fontName=fonts.bold),
    )


# ---- the text table

_BREAKABLE = re.compile(r"[ \n]+")  # where a line may break: not at a no-break space ("15. december")


def column_widths(rows: Sequence[Sequence[str]], layout: PageLayout, fonts: Fonts, width: float,
                  fill: int | None = None, word_share: float = 0.40, line_share: float = 0.30) -> list[float]:
    """Widths for a table of clean text (``rows[0]`` the header, in bold), adding up to ``width``.

    A column is never narrower than its longest word (up to ``word_share`` of the width), because
    Danish words are long ("sundhedsplejerske") and a narrow column would cut them in two. With
    ``fill``, the other columns are as wide as their text (up to ``line_share``) and that column takes
    the rest; without, each column is as wide as its text, and where they do not all fit, the room
    beyond the longest words is shared out by how much more each column wants.
    """
    pad, size = layout.cell_padding, layout.table_size
    wanted, least = [], []
    for c in range(len(rows[0])):
        cells = [(row[c], fonts.bold if r == 0 else fonts.regular) for r, row in enumerate(rows)]
        lines = [(line, font) for text, font in cells for line in text.split("\n")]
        wanted.append(max(stringWidth(line, font, size) for line, font in lines))
        words = [stringWidth(word, font, size) for line, font in lines for word in _BREAKABLE.split(line)]
        least.append(min(max(words + [8.0]), word_share * width - pad))
    if fill is not None:
        widths = [max(min(w, line_share * width - pad), m) + pad for w, m in zip(wanted, least, strict=True)]
        widths[fill] = 0.0
        widths[fill] = width - sum(widths)
        return widths
    wanted = [w + pad for w in wanted]
    least = [m + pad for m in least]
    if sum(wanted) <= width:
        spare = width - sum(wanted)
        return [w + spare * w / sum(wanted) for w in wanted]
    if sum(least) >= width:
        return [w * width / sum(least) for w in least]
    stretch = [w - m for w, m in zip(wanted, least, strict=True)]
    spare = width - sum(least)
    return [m + spare * s / sum(stretch) for m, s in zip(least, stretch, strict=True)]


def text_table(rows: Sequence[Sequence[str]], layout: PageLayout, styles: Styles, fonts: Fonts, width: float,
               fill: int | None = None, word_share: float = 0.40) -> Table:
    """A table of the family's or the map's text: ``rows[0]`` is the header, repeated on each page it
    runs onto; nothing in a cell is read as markup. Lines only across, in black, so the table reads
    the same on any printer. See ``column_widths`` for ``fill`` and ``word_share``."""
    count = max(len(row) for row in rows)
    rows = [list(row) + [""] * (count - len(row)) for row in rows]
    widths = column_widths([[glued(text, fonts) for text in row] for row in rows], layout, fonts, width,
                           fill=fill, word_share=word_share)
    data = [[Paragraph(markup(text, fonts), styles.cell_head) for text in rows[0]]]
    data += [[Paragraph(markup(text, fonts), styles.cell) for text in row] for row in rows[1:]]
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), layout.cell_padding),
        ("TOPPADDING", (0, 0), (-1, -1), layout.cell_top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), layout.cell_bottom),
        ("LINEBELOW", (0, 0), (-1, 0), layout.header_rule, "black"),
        ("LINEBELOW", (0, 1), (-1, -1), layout.row_rule, "black"),
    ]))
    return table
