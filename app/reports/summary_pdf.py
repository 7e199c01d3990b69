"""The family's copy of the clarifying conversation (afklarende samtale), as a PDF made in memory.

After the conversation the health visitor reads the summary back with the family and can print it for
them. The document is written for the family, not for professionals: plain headings ("Det går godt"),
a large font on A4 with a short line, black on white so nothing depends on colour, the agreed steps as
a simple table, and a footer with the page number and the family name. The page, the footer, the
styles and the table are the shared ``layout``; the headings are in ``texts``.

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

import io
from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
)

from app.reports.documents import FamilySummary
from app.reports.layout import (
    FAMILY_PAGE,
    Styles,
    build,
    footer,
    new_document,
    paragraph_styles,
    text_frame,
    text_table,
)
from app.reports.pdf_text import (
    NBSP,
    Fonts,
    join_names,
    markup,
    one_line,
    paragraphs,
    pick_fonts,
    present_items,
)
from app.reports.texts import FAMILY_SUMMARY, PAGE_NUMBER, SummaryTexts, in_language

LAYOUT = FAMILY_PAGE


@dataclass(frozen=True)
class _Styles:
    """The shared styles (``layout.paragraph_styles``) and the summary's own, derived from them."""

    shared: Styles
    family: ParagraphStyle
    present: ParagraphStyle
    contact_name: ParagraphStyle
    contact: ParagraphStyle
    agreement: ParagraphStyle


def _styles(fonts: Fonts) -> _Styles:
    shared = paragraph_styles(LAYOUT, fonts)
    body = shared.body
    return _Styles(
        shared=shared,
        family=ParagraphStyle("family", body, fontSize=17, leading=23, spaceAfter=6),
        present=ParagraphStyle("present", body, spaceAfter=0),
        contact_name=ParagraphStyle("contact_name", body, fontName=fonts.bold, spaceAfter=0),
        contact=ParagraphStyle("contact", body, spaceAfter=0),
        agreement=ParagraphStyle(
            "agreement", body, borderWidth=1, borderColor=colors.black, borderPadding=10,
            leftIndent=10, rightIndent=10, spaceBefore=28, spaceAfter=14,
        ),
    )


def _title_block(summary: FamilySummary, texts: SummaryTexts, styles: _Styles, fonts: Fonts) -> list[Flowable]:
    # The date wraps as a whole: "Vores samtale den / 22. november 2026", never "22. / november".
    date = markup(summary.conversation_date, fonts).replace(" ", NBSP)
    story: list[Flowable] = [
        Paragraph(texts.title.format(date=date) if date else texts.title_undated, styles.shared.title)
    ]
    if summary.family_name.strip():
        story.append(Paragraph(markup(summary.family_name, fonts), styles.family))
    names = [markup(name, fonts) for name in present_items(summary.present)]
    if names:
        story.append(Paragraph(texts.present.format(names=join_names(names, texts.and_)), styles.present))
    story.append(HRFlowable(width="100%", thickness=1, color=colors.black, spaceBefore=12, spaceAfter=2))
    return story


def _bullets(heading: str, items: Iterable[str], styles: _Styles, fonts: Fonts) -> list[Flowable]:
    lines = [markup(item, fonts) for item in present_items(items)]
    if not lines:
        return []
    return [Paragraph(heading, styles.shared.heading)] + [
        Paragraph(line, styles.shared.bullet, bulletText="•") for line in lines
    ]


def _steps_table(summary: FamilySummary, texts: SummaryTexts, styles: _Styles, fonts: Fonts,
                 width: float) -> list[Flowable]:
    steps = [s for s in summary.agreed_steps if (s.what + s.who + s.when).strip()]
    if not steps:
        return []
    with_when = any(step.when.strip() for step in steps)
    header = [texts.step_what, texts.step_who] + ([texts.step_when] if with_when else [])
    rows = [header] + [[s.what, s.who] + ([s.when] if with_when else []) for s in steps]
    # "Who" and "when" as wide as their text needs (up to 30 % each), "what" gets the rest.
    table = text_table(rows, LAYOUT, styles.shared, fonts, width, fill=0)
    # The table may continue on the next page (its header repeats), but not right after its heading.
    heading = Paragraph(texts.agreed_steps, ParagraphStyle("steps", styles.shared.heading, keepWithNext=0))
    return [CondPageBreak(60 * mm), heading, table]


def _contacts(summary: FamilySummary, texts: SummaryTexts, styles: _Styles, fonts: Fonts) -> list[Flowable]:
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
    return [Paragraph(texts.who_to_contact, styles.shared.heading), *blocks] if blocks else []


def _story(summary: FamilySummary, texts: SummaryTexts, styles: _Styles, fonts: Fonts,
           width: float) -> list[Flowable]:
    story = _title_block(summary, texts, styles, fonts)
    matters = [markup(part, fonts) for part in paragraphs(summary.what_matters_most)]
    if matters:
        story.append(Paragraph(texts.what_matters_most, styles.shared.heading))
        story += [Paragraph(text, styles.shared.body) for text in matters]
    story += _bullets(texts.resources, summary.resources, styles, fonts)
    story += _bullets(texts.needs, summary.needs, styles, fonts)
    story += _steps_table(summary, texts, styles, fonts, width)
    if summary.next_contact.strip():
        story.append(Paragraph(texts.next_contact, styles.shared.heading))
        story.append(Paragraph(markup(summary.next_contact, fonts), styles.shared.body))
    if summary.family_agrees is not None:
        line = texts.agrees if summary.family_agrees else texts.disagrees
        # The box is drawn outside the paragraph, so it needs its own room before the next heading.
        story += [Paragraph(line, styles.agreement), Spacer(1, 12)]
    story += _contacts(summary, texts, styles, fonts)
    return story


def render_family_summary(summary: FamilySummary) -> bytes:
    """The family's copy of the conversation summary as the bytes of an A4 PDF; writes no file."""
    texts = in_language(FAMILY_SUMMARY, summary.language)
    fonts = pick_fonts()
    date = one_line(summary.conversation_date, fonts)
    author = next((c.name for c in summary.who_to_contact if c.name.strip()), "")
    buffer = io.BytesIO()
    # Metadata: no family name, no names of those present; only the health visitor as author.
    doc = new_document(buffer, LAYOUT, summary.language,
                       texts.title.format(date=date) if date else texts.title_undated, author, fonts)
    doc.addPageTemplates([PageTemplate(id="page", frames=[text_frame(doc)])])
    page_number = in_language(PAGE_NUMBER, summary.language)
    build(doc, _story(summary, texts, _styles(fonts), fonts, doc.width),
          footer(LAYOUT, summary.family_name, page_number, fonts))
    return buffer.getvalue()
