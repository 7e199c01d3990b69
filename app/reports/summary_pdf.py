"""The family's copy of the clarifying conversation (afklarende samtale), as a PDF made in memory.

After the conversation the health visitor reads the summary back with the family and can print it for
them. The document is written for the family, not for professionals: plain headings ("Det går godt"),
a large font on A4 with a short line, black on white so nothing depends on colour, the agreed steps as
a simple table, and a footer with the page number and the family name.

``render_family_summary`` returns ``bytes`` and never writes a file: where an export goes is the app's
decision. The PDF's metadata holds the title (the conversation date, no names) and the health visitor as
author, nothing else personal. With ``invariant=1`` the same summary gives the same bytes on the same
machine (dates in the metadata are fixed at 2000-01-01).

The text font is DejaVu Sans when it is found (all European letters, typographic quotes and dashes).
Where it is not, reportlab's built-in Helvetica is used: it has æ, ø, å and the typographic quotes and
dashes (Windows-1252), and letters beyond that are written without their accent (ş as s) so a name never
turns into a black box if its base letter exists.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.reports.paged_canvas import PagedCanvas
from app.reports.pdf_text import (
    _BREAKABLE,
    CREATOR,
    NBSP,
    Fonts,
    glued,
    join_names,
    markup,
    one_line,
    paragraphs,
    pick_fonts,
    present_items,
)


@dataclass(frozen=True)
class AgreedStepLine:
    """One agreed step as the family reads it: what happens, who does it, and by when."""

    what: str  # "Vi finder en søskendegruppe til Emil"
    who: str  # "Hanne (sundhedsplejerske)" or "Familien"
    when: str  # already formatted, e.g. "inden 15. december 2026", or ""


@dataclass(frozen=True)
class ContactLine:
    """Someone the family can call or write to."""

    name: str
    role: str
    organisation: str
    phone: str
    email: str


@dataclass(frozen=True)
class FamilySummary:
    """Everything the family's copy shows; texts are already formatted for the family."""

    language: str  # "da" or "en": the language of the headings
    family_name: str  # "Familien Nørgaard"
    conversation_date: str  # formatted, e.g. "22. november 2026"
    present: tuple[str, ...]  # first names of those present
    what_matters_most: str  # written with the family; paragraphs separated by a blank line
    resources: tuple[str, ...]  # what is going well, in the family's own words
    needs: tuple[str, ...]  # what the family would like help with
    agreed_steps: tuple[AgreedStepLine, ...]
    next_contact: str  # a formatted sentence, or ""
    who_to_contact: tuple[ContactLine, ...]  # the health visitor first (she is the PDF's author)
    family_agrees: bool | None  # None: not asked yet


@dataclass(frozen=True)
class _Texts:
    title: str
    title_undated: str
    present: str
    and_: str
    what_matters_most: str
    resources: str
    needs: str
    agreed_steps: str
    step_what: str
    step_who: str
    step_when: str
    next_contact: str
    who_to_contact: str
    phone: str
    email: str
    agrees: str
    disagrees: str
    page: str


TEXTS: dict[str, _Texts] = {
    "da": _Texts(
        title="Vores samtale den {date}",
        title_undated="Vores samtale",
        present="Til stede: {names}",
        and_="og",
        what_matters_most="Det vigtigste for jer",
        resources="Det går godt",
        needs="Det vil I gerne have hjælp til",
        agreed_steps="Det har vi aftalt",
        step_what="Hvad",
        step_who="Hvem",
        step_when="Hvornår",
        next_contact="Næste gang vi ses",
        who_to_contact="Hvis I har spørgsmål",
        phone="Telefon",
        email="E-mail",
        agrees="Vi har læst opsummeringen igennem sammen, og I er enige i den.",
        disagrees="Vi har læst opsummeringen igennem sammen. I var ikke enige i det hele, "
        "og det, I ville have ændret, er skrevet ind i teksten.",
        page="Side {page} af {pages}",
    ),
    "en": _Texts(
        title="Our conversation on {date}",
        title_undated="Our conversation",
        present="Present: {names}",
        and_="and",
        what_matters_most="What matters most to you",
        resources="What is going well",
        needs="What you would like help with",
        agreed_steps="What we have agreed",
        step_what="What",
        step_who="Who",
        step_when="When",
        next_contact="Next time we meet",
        who_to_contact="If you have questions",
        phone="Phone",
        email="Email",
        agrees="We have read the summary through together, and you agree with it.",
        disagrees="We have read the summary through together. You did not agree with all of it, "
        "and what you wanted changed has been written into the text.",
        page="Page {page} of {pages}",
    ),
}


# Layout, in points. A4 is 595 x 842 pt; 25 mm margins leave a 160 mm column, which at 13 pt is
# about 65 characters a line: short enough to read aloud at a kitchen table.
MARGIN_X = 25 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 26 * mm
BODY_SIZE = 13
TABLE_SIZE = 12
FOOTER_SIZE = 11
CELL_PADDING = (0, 12)  # left (the first column starts at the margin), right: the gap between columns
INK = colors.black


# ---- layout


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    family: ParagraphStyle
    present: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    contact_name: ParagraphStyle
    contact: ParagraphStyle
    agreement: ParagraphStyle


def _styles(fonts: Fonts) -> _Styles:
    body = ParagraphStyle(
        "body", fontName=fonts.regular, fontSize=BODY_SIZE, leading=19, textColor=INK,
        spaceAfter=9, allowWidows=0, allowOrphans=0,
    )
    heading = ParagraphStyle(
        "heading", body, fontName=fonts.bold, fontSize=17, leading=22, spaceBefore=20, spaceAfter=8,
        keepWithNext=1,
    )
    cell = ParagraphStyle("cell", body, fontSize=TABLE_SIZE, leading=17, spaceAfter=0)
    return _Styles(
        title=ParagraphStyle("title", body, fontName=fonts.bold, fontSize=24, leading=30, spaceAfter=4),
        family=ParagraphStyle("family", body, fontSize=17, leading=23, spaceAfter=6),
        present=ParagraphStyle("present", body, spaceAfter=0),
        heading=heading,
        body=body,
        bullet=ParagraphStyle(
            "bullet", body, leftIndent=18, bulletIndent=3, bulletFontName=fonts.regular,
            bulletFontSize=BODY_SIZE, spaceAfter=5,
        ),
        cell=cell,
        cell_head=ParagraphStyle("cell_head", cell, fontName=fonts.bold),
        contact_name=ParagraphStyle("contact_name", body, fontName=fonts.bold, spaceAfter=0),
        contact=ParagraphStyle("contact", body, spaceAfter=0),
        agreement=ParagraphStyle(
            "agreement", body, borderWidth=1, borderColor=INK, borderPadding=10,
            leftIndent=10, rightIndent=10, spaceBefore=28, spaceAfter=14,
        ),
    )


def _title_block(summary: FamilySummary, texts: _Texts, styles: _Styles, fonts: Fonts) -> list[Flowable]:
    # The date wraps as a whole: "Vores samtale den / 22. november 2026", never "22. / november".
    date = markup(summary.conversation_date, fonts).replace(" ", NBSP)
    story: list[Flowable] = [
        Paragraph(texts.title.format(date=date) if date else texts.title_undated, styles.title)
    ]
    if summary.family_name.strip():
        story.append(Paragraph(markup(summary.family_name, fonts), styles.family))
    names = [markup(name, fonts) for name in present_items(summary.present)]
    if names:
        story.append(Paragraph(texts.present.format(names=join_names(names, texts.and_)), styles.present))
    story.append(HRFlowable(width="100%", thickness=1, color=INK, spaceBefore=12, spaceAfter=2))
    return story


def _bullets(heading: str, items: Iterable[str], styles: _Styles, fonts: Fonts) -> list[Flowable]:
    lines = [markup(item, fonts) for item in present_items(items)]
    if not lines:
        return []
    return [Paragraph(heading, styles.heading)] + [
        Paragraph(line, styles.bullet, bulletText="•") for line in lines
    ]


def _column_widths(columns: list[tuple[str, list[str]]], fonts: Fonts, width: float) -> list[float]:
    """Widths for the steps table: "who" and "when" as wide as their text needs, up to 30 % each.

    Danish words are long ("sundhedsplejerske"), so a narrow column would cut them in two; a column is
    never narrower than its longest word (up to 40 %). "What" gets the rest.
    """
    pad = sum(CELL_PADDING)
    widths = []
    for head, cells in columns[1:]:
        lines = [line for text in cells for line in text.split("\n")]
        longest_line = max([stringWidth(line, fonts.regular, TABLE_SIZE) for line in lines]
                           + [stringWidth(head, fonts.bold, TABLE_SIZE)])
        longest_word = max(stringWidth(word, fonts.regular, TABLE_SIZE)
                           for line in lines for word in _BREAKABLE.split(line))
        needed = max(min(longest_line, 0.30 * width - pad), min(longest_word, 0.40 * width - pad))
        widths.append(needed + pad)
    return [width - sum(widths), *widths]


def _steps_table(summary: FamilySummary, texts: _Texts, styles: _Styles, fonts: Fonts, width: float) -> list[Flowable]:
    steps = [s for s in summary.agreed_steps if (s.what + s.who + s.when).strip()]
    if not steps:
        return []
    with_when = any(step.when.strip() for step in steps)
    header = [texts.step_what, texts.step_who] + ([texts.step_when] if with_when else [])
    columns = [[s.what for s in steps], [s.who for s in steps]] + ([[s.when for s in steps]] * with_when)
    widths = _column_widths(
        [(head, [glued(text, fonts) for text in column]) for head, column in zip(header, columns, strict=True)],
        fonts, width,
    )
    rows = [[Paragraph(text, styles.cell_head) for text in header]]
    rows += [[Paragraph(markup(column[i], fonts), styles.cell) for column in columns]
             for i in range(len(steps))]
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    # Lines only across, in black: the table reads the same on any printer and needs no colour.
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING[0]),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING[1]),
        ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
        ("LINEBELOW", (0, 0), (-1, 0), 1.5, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, INK),
    ]))
    # The table may continue on the next page (its header repeats), but not right after its heading.
    heading = Paragraph(texts.agreed_steps, ParagraphStyle("steps", styles.heading, keepWithNext=0))
    return [CondPageBreak(60 * mm), heading, table]


def _contacts(summary: FamilySummary, texts: _Texts, styles: _Styles, fonts: Fonts) -> list[Flowable]:
    blocks: list[Flowable] = []
    for contact in summary.who_to_contact:
        lines: list[Paragraph] = []
        if contact.name.strip():
            lines.append(Paragraph(markup(contact.name, fonts), styles.contact_name))
        role = ", ".join(markup(v, fonts) for v in (contact.role, contact.organisation) if v.strip())
        if role:
            lines.append(Paragraph(role, styles.contact))
        for label, value in ((texts.phone, contact.phone), (texts.email, contact.email)):
            if value.strip():
                lines.append(Paragraph(f"{label}: {markup(value, fonts)}", styles.contact))
        if lines:
            blocks.append(KeepTogether(([Spacer(1, 10)] if blocks else []) + lines))
    return [Paragraph(texts.who_to_contact, styles.heading), *blocks] if blocks else []


def _story(summary: FamilySummary, texts: _Texts, styles: _Styles, fonts: Fonts, width: float) -> list[Flowable]:
    story = _title_block(summary, texts, styles, fonts)
    matters = [markup(part, fonts) for part in paragraphs(summary.what_matters_most)]
    if matters:
        story.append(Paragraph(texts.what_matters_most, styles.heading))
        story += [Paragraph(text, styles.body) for text in matters]
    story += _bullets(texts.resources, summary.resources, styles, fonts)
    story += _bullets(texts.needs, summary.needs, styles, fonts)
    story += _steps_table(summary, texts, styles, fonts, width)
    if summary.next_contact.strip():
        story.append(Paragraph(texts.next_contact, styles.heading))
        story.append(Paragraph(markup(summary.next_contact, fonts), styles.body))
    if summary.family_agrees is not None:
        line = texts.agrees if summary.family_agrees else texts.disagrees
        # The box is drawn outside the paragraph, so it needs its own room before the next heading.
        story += [Paragraph(line, styles.agreement), Spacer(1, 12)]
    story += _contacts(summary, texts, styles, fonts)
    return story


def _footer(family_name: str, texts: _Texts, fonts: Fonts) -> Callable[[Canvas, int, int], None]:
    def draw(canvas: Canvas, page: int, pages: int) -> None:
        width, _ = A4
        baseline = MARGIN_BOTTOM - 14 * mm
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, baseline + 5 * mm, width - MARGIN_X, baseline + 5 * mm)
        canvas.setFillColor(INK)
        canvas.setFont(fonts.regular, FOOTER_SIZE)
        canvas.drawString(MARGIN_X, baseline, family_name)
        canvas.drawRightString(width - MARGIN_X, baseline, texts.page.format(page=page, pages=pages))
        canvas.restoreState()

    return draw


def render_family_summary(summary: FamilySummary) -> bytes:
    """The family's copy of the conversation summary as the bytes of an A4 PDF; writes no file."""
    texts = TEXTS.get(summary.language)
    if texts is None:
        raise ValueError(f"no texts for language {summary.language!r}; expected one of {sorted(TEXTS)}")
    fonts = pick_fonts()
    date = one_line(summary.conversation_date, fonts)
    author = next((c.name for c in summary.who_to_contact if c.name.strip()), "")
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, invariant=1, lang=summary.language, displayDocTitle=1,
        # Metadata: no family name, no names of those present; only the health visitor as author.
        title=texts.title.format(date=date) if date else texts.title_undated,
        author=one_line(author, fonts), subject="", keywords="", creator=CREATOR,
    )
    # No frame padding: text, table and footer all start exactly at the margin.
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="text",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    family = one_line(summary.family_name, fonts)
    doc.build(
        _story(summary, texts, _styles(fonts), fonts, doc.width),
        canvasmaker=functools.partial(PagedCanvas, footer=_footer(family, texts, fonts)),
    )
    return buffer.getvalue()
