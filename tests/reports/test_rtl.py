"""Right-to-left names and characters the font lacks, in every PDF (issue 9, section 4).

reportlab draws glyphs left to right as given; a name in Arabic must be drawn in visual order with its
letters joined, or it prints backwards and in isolated letters. pypdf reads right-to-left runs back into
reading order, so a correctly drawn name extracts as the name itself (NFKC folds the joined presentation
forms back into letters), and a name drawn in logical order extracts reversed. A character the font has
no glyph for must print as a visible U+FFFD (DejaVu) or "?" (the built-in Helvetica), never as nothing or
an empty box. All names are synthetic.
"""

from __future__ import annotations

import unicodedata

import pytest

from app.reports import pdf_text
from app.reports.documents import MapPersonMark
from app.reports.network_pdf import render_network_map
from app.reports.pdf_text import REPLACEMENT, pick_fonts, plain
from app.reports.summary_pdf import render_family_summary
from tests.helpers.pdf import text_in_pdf
from tests.reports import test_network_pdf, test_summary_pdf

LEILA = "ليلى حسن"  # Leila Hassan, synthetic
FAMILY = "Familien حسن"
HAN = "中"  # not in DejaVu Sans


def _folded(pdf: bytes) -> str:
    return unicodedata.normalize("NFKC", text_in_pdf(pdf))


def _summary() -> bytes:
    return render_family_summary(test_summary_pdf.sample(
        family_name=FAMILY, present=(LEILA, "Mette"),
        resources=(f"Mormor {LEILA} henter om tirsdagen", f"Mei {HAN} kommer om fredagen")))


def _map() -> bytes:
    people = (*test_network_pdf.PEOPLE[:3],
              MapPersonMark(LEILA, *test_network_pdf.xy(120, 40), "friends", "supportive", invite=True),
              MapPersonMark(f"Mei {HAN}", *test_network_pdf.xy(-45, 50), "professional", "supportive"))
    table = (test_network_pdf.TABLE[0], (LEILA, "Venner", "Støttende", "12 34 56 78"),
             (f"Mei {HAN}", "Professionelle", "Støttende", ""))
    return render_network_map(test_network_pdf.sample(title=f"Netværkskort – {FAMILY}", people=people,
                                                      lines=(), table=table))


RENDERERS = {"summary": _summary, "network map": _map}


@pytest.fixture
def dejavu():  # type: ignore[no-untyped-def]
    if not pick_fonts().unicode:
        pytest.skip("DejaVu Sans is not installed here")


@pytest.mark.parametrize("render", RENDERERS.values(), ids=RENDERERS)
def test_an_arabic_name_prints_in_reading_order_with_joined_letters(dejavu, render):
    pdf = render()
    raw, folded = text_in_pdf(pdf), _folded(pdf)

    assert LEILA in folded and "حسن" in folded  # read back in the order she reads it
    assert LEILA[::-1] not in folded
    assert any(0xFE70 <= ord(c) <= 0xFEFF for c in raw)  # drawn with the joined (presentation) forms
    assert "ل" not in raw  # no isolated, unjoined letter drawn


def test_drawn_in_logical_order_the_name_would_read_backwards(dejavu, monkeypatch):
    """The check above can fail: without the bidi step the same name comes back reversed."""
    monkeypatch.setattr(pdf_text, "visual", lambda line: line)
    folded = _folded(_summary())
    assert LEILA not in folded and "نسح" in folded


@pytest.mark.parametrize("render", RENDERERS.values(), ids=RENDERERS)
def test_a_character_the_font_lacks_prints_as_a_visible_replacement(dejavu, render):
    text = text_in_pdf(render())

    assert f"Mei {REPLACEMENT}" in text and HAN not in text


def test_every_character_drawn_has_a_glyph_in_the_font(dejavu):
    fonts = pick_fonts()
    drawn = plain(f"{FAMILY} · {LEILA} · Mei {HAN} 🧑 Åse \u200d", fonts)
    glyphs = pdf_text._glyphs(fonts)

    assert all(ord(c) in glyphs for c in drawn), [c for c in drawn if ord(c) not in glyphs]
    assert drawn.count(REPLACEMENT) == 2 and "Åse" in drawn  # the Han letter and the emoji; the joiner dropped
    assert "\u200d" not in drawn


def test_danish_lines_are_left_as_they_are(dejavu):
    fonts = pick_fonts()
    for line in ("Mormor Åse henter Ida om tirsdagen", "Netværkskort – Familien Nørgaard", "12 34 56 78 (2)"):
        assert plain(line, fonts) == line


def test_with_the_built_in_font_an_arabic_name_prints_as_question_marks(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_text, "FONT_CANDIDATES", ((tmp_path / "missing.ttf", tmp_path / "missing-bold.ttf"),))
    fonts = pick_fonts()
    assert not fonts.unicode

    assert plain(f"Mormor {LEILA}, Mei {HAN}, Łucja", fonts) == "Mormor ???? ???, Mei ?, Lucja"
    text = text_in_pdf(_summary())
    assert "Mormor ???? ??? henter" in text and "Mei ? kommer" in text
