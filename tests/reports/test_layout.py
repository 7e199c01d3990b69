"""The shared page layout (``app.reports.layout``) and the reports' texts (``app.reports.texts``)."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageTemplate, Paragraph

from app.reports import layout
from app.reports.map_signs import LEGEND_KEYS, SECTORS
from app.reports.pdf_text import pick_fonts
from app.reports.texts import (
    FAMILY_SUMMARY,
    LANGUAGES,
    NETWORK_MAP,
    PAGE_NUMBER,
    in_language,
    long_date,
)
from tests.helpers.pdf import pages_of, text_in_pdf

WIDTH = 400.0


def test_columns_fill_the_width_and_no_word_is_cut():
    fonts = pick_fonts()
    rows = [["Hvad", "Hvem", "Hvornår"],
            ["Vi finder en søskendegruppe til Emil", "Hanne (sundhedsplejerske)", "inden 15.\u00a0december 2026"],
            ["Ring til tandlægen", "Familien", ""]]
    for fill in (None, 0):
        widths = layout.column_widths(rows, layout.FAMILY_PAGE, fonts, WIDTH, fill=fill)

        assert sum(widths) == pytest.approx(WIDTH)
        pad = layout.FAMILY_PAGE.cell_padding
        size = layout.FAMILY_PAGE.table_size
        for column, width in enumerate(widths):
            words = [word for row in rows[1:] for word in row[column].split(" ")]
            assert max(stringWidth(w, fonts.regular, size) for w in words) + pad <= width + 0.01, (fill, column)


def test_a_fill_column_takes_what_the_others_leave():
    fonts = pick_fonts()
    rows = [["Hvad", "Hvem"], ["En lang tekst om hvad der skal ske " * 3, "Familien"]]
    widths = layout.column_widths(rows, layout.FAMILY_PAGE, fonts, WIDTH, fill=0)

    who = stringWidth("Familien", fonts.regular, layout.FAMILY_PAGE.table_size) + layout.FAMILY_PAGE.cell_padding
    assert widths[1] == pytest.approx(who)
    assert widths[0] == pytest.approx(WIDTH - who)


def test_short_columns_share_the_spare_room_by_their_width():
    fonts = pick_fonts()
    rows = [["A", "Bbbbbbbb"], ["a", "b"]]
    widths = layout.column_widths(rows, layout.MAP_SHEET, fonts, WIDTH)

    assert sum(widths) == pytest.approx(WIDTH)
    assert widths[1] > widths[0]


def _document(layout_: layout.PageLayout, title: str, paragraphs: int) -> bytes:
    fonts = pick_fonts()
    buffer = io.BytesIO()
    doc = layout.new_document(buffer, layout_, "da", title, "Hanne Østergaard", fonts)
    doc.addPageTemplates([PageTemplate(id="page", frames=[layout.text_frame(doc)])])
    body = layout.paragraph_styles(layout_, fonts).body
    layout.build(doc, [Paragraph(f"Afsnit {n}", body) for n in range(paragraphs)],
                 layout.footer(layout_, title, PAGE_NUMBER["da"], fonts))
    return buffer.getvalue()


@pytest.mark.parametrize("layout_", [layout.FAMILY_PAGE, layout.MAP_SHEET], ids=["family", "map"])
def test_every_page_has_the_title_and_its_number_of_the_count(layout_):
    pdf = _document(layout_, "Dagsorden – Familien Nørgaard", 120)
    pages = pages_of(pdf)

    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        text = page
        assert "Dagsorden – Familien Nørgaard" in text
        assert f"Side {number} af {len(pages)}" in text


def test_a_long_title_in_the_footer_stays_on_one_line_clear_of_the_page_number():
    title = "Familien " + " ".join(f"Navn{n}" for n in range(60))
    pdf = _document(layout.FAMILY_PAGE, title, 3)

    assert "Side 1 af 1" in text_in_pdf(pdf)
    assert "Navn59" not in text_in_pdf(pdf)  # cut, not run into the page number


def test_the_same_document_gives_the_same_bytes():
    assert _document(layout.FAMILY_PAGE, "Referat", 40) == _document(layout.FAMILY_PAGE, "Referat", 40)


# ---- texts


@pytest.mark.parametrize("table", [FAMILY_SUMMARY, NETWORK_MAP], ids=["summary", "network"])
def test_every_report_has_its_texts_in_danish_and_english(table):
    assert set(table) == set(LANGUAGES)
    da, en = (dataclasses.asdict(table[language]) for language in ("da", "en"))
    for key, value in da.items():
        assert type(en[key]) is type(value), key
        if isinstance(value, dict):
            assert set(en[key]) == set(value), key
        if isinstance(value, str):
            assert value.strip() and en[key].strip(), key
    assert set(PAGE_NUMBER) == set(LANGUAGES)


def test_the_map_has_a_name_for_every_sector_and_a_text_for_every_legend_sign():
    for language in LANGUAGES:
        texts = NETWORK_MAP[language]
        assert set(texts.sectors) == set(SECTORS)
        assert set(texts.legend) == set(LEGEND_KEYS)
        assert all(texts.legend[sector] == texts.sectors[sector] for sector in SECTORS)


def test_an_unknown_language_is_refused_by_name():
    with pytest.raises(ValueError, match="'fr'.*'da', 'en'"):
        in_language(NETWORK_MAP, "fr")


def test_dates_are_written_out_in_the_report_language():
    day = date(2026, 12, 8)
    assert long_date(day, "da") == "8. december 2026"
    assert long_date(day, "en", weekday=True) == "Tuesday 8 December 2026"
    assert long_date(day, "da", weekday=True) == "tirsdag 8. december 2026"
