"""The family's copy of the conversation summary (``app.reports.summary_pdf``), read back with pypdf.

Synthetic people only. Each test reads what a family would see on paper (or what a PDF viewer shows
as document properties) and fails if it is missing, wrong or where it should not be.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.reports.documents import AgreedStepLine, ContactLine, FamilySummary
from app.reports.summary_pdf import render_family_summary
from tests.helpers.pdf import flat, pages_of, text_in_pdf

ROOT = Path(__file__).resolve().parents[2]
MODULE = ROOT / "app" / "reports" / "summary_pdf.py"

DA_HEADINGS = {
    "what_matters_most": "Det vigtigste for jer",
    "resources": "Det går godt",
    "needs": "Det vil I gerne have hjælp til",
    "agreed_steps": "Det har vi aftalt",
    "next_contact": "Næste gang vi ses",
    "who_to_contact": "Hvis I har spørgsmål",
}
EN_HEADINGS = {
    "what_matters_most": "What matters most to you",
    "resources": "What is going well",
    "needs": "What you would like help with",
    "agreed_steps": "What we have agreed",
    "next_contact": "Next time we meet",
    "who_to_contact": "If you have questions",
}
AGREES_DA = "Vi har læst opsummeringen igennem sammen, og I er enige i den."
DISAGREES_DA = "I var ikke enige i det hele, og det, I ville have ændret, er skrevet ind i teksten."
AGREES_EN = "We have read the summary through together, and you agree with it."
DISAGREES_EN = "You did not agree with all of it, and what you wanted changed has been written into the text."

HEALTH_VISITOR = ContactLine("Hanne Østergaard", "Sundhedsplejerske", "Sundhedsplejen, Eksempel Kommune",
                             "12 34 56 78", "hanne.ostergaard@example.invalid")
TOVHOLDER = ContactLine("Bjørn Ærlig", "Tovholder", "Familieafdelingen, Eksempel Kommune",
                        "87 65 43 21", "bjorn.aerlig@example.invalid")
STEPS = (
    AgreedStepLine("Vi finder en søskendegruppe til Ida", "Hanne (sundhedsplejerske)",
                   "inden 15. december 2026"),
    AgreedStepLine("Vi laver en morgenplan sammen med Emil", "Familien", "inden næste besøg"),
    AgreedStepLine("Vi sender ansøgningen om tabt arbejdsfortjeneste", "Mette", ""),
)


def sample(**changes) -> FamilySummary:
    summary = FamilySummary(
        language="da",
        family_name="Familien Nørgaard",
        conversation_date="22. november 2026",
        present=("Mette", "Søren", "Emil"),
        what_matters_most="At Emil får en hverdag, der hænger sammen.\n\n"
                          "At Ida ikke føler sig glemt, når Emil fylder meget.",
        resources=("Vi er et godt hold", "Mormor Åse henter Ida om tirsdagen"),
        needs=("Mere ro om morgenen", "At forstå, hvad sygdommen betyder for skolestarten"),
        agreed_steps=STEPS,
        next_contact="Hjemmebesøg tirsdag 8. december 2026",
        who_to_contact=(HEALTH_VISITOR, TOVHOLDER),
        family_agrees=True,
    )
    return dataclasses.replace(summary, **changes)


def text_of(summary: FamilySummary) -> str:
    return text_in_pdf(render_family_summary(summary))


# ---- what the family reads


def test_title_family_headings_and_the_familys_own_words():
    text = text_of(sample())

    assert "Vores samtale den 22. november 2026" in text
    assert "Familien Nørgaard" in text
    assert "Til stede: Mette, Søren og Emil" in text
    for heading in DA_HEADINGS.values():
        assert heading in text
    for words in ("At Emil får en hverdag, der hænger sammen.",
                  "At Ida ikke føler sig glemt, når Emil fylder meget.",
                  "Vi er et godt hold", "Mormor Åse henter Ida om tirsdagen",
                  "Mere ro om morgenen", "At forstå, hvad sygdommen betyder for skolestarten",
                  "Hjemmebesøg tirsdag 8. december 2026"):
        assert words in text


def test_sections_come_in_the_order_of_the_conversation():
    text = text_of(sample())
    positions = [text.index(heading) for heading in DA_HEADINGS.values()]
    assert positions == sorted(positions)


def test_each_agreed_step_is_a_row_with_what_who_and_when():
    text = text_of(sample())

    assert "Hvad Hvem Hvornår" in text
    for step in STEPS:
        assert flat(f"{step.what} {step.who} {step.when}") in text


def test_without_any_date_the_when_column_is_left_out():
    steps = tuple(dataclasses.replace(step, when="") for step in STEPS)
    text = text_of(sample(agreed_steps=steps))

    assert "Hvad Hvem" in text
    assert "Hvornår" not in text
    assert "Vi finder en søskendegruppe til Ida Hanne (sundhedsplejerske)" in text


def test_a_long_danish_word_in_a_narrow_column_is_never_cut():
    pdf = render_family_summary(sample())
    lines = [line.strip() for page in pages_of(pdf) for line in page.splitlines()]
    assert "(sundhedsplejerske)" in " ".join(lines)
    assert not any(line.endswith("(sundhe") for line in lines)


def test_contact_details():
    text = text_of(sample())

    for contact, phone_label in ((HEALTH_VISITOR, "Telefon"), (TOVHOLDER, "Telefon")):
        assert contact.name in text
        assert f"{contact.role}, {contact.organisation}" in text
        assert f"{phone_label}: {contact.phone}" in text
        assert f"E-mail: {contact.email}" in text
    assert text.index(HEALTH_VISITOR.name) < text.index(TOVHOLDER.name)


def test_danish_letters_quotes_and_dashes_come_back_exactly(font):
    words = "Æble, øl og ål på Ærø – “Så går det” ‘godt’ — ØÅ æøå …"
    pdf = render_family_summary(sample(resources=(words,), family_name="Familien Ågård-Østergaard"))
    pages = pages_of(pdf)

    assert words in pages[0]
    assert "Familien Ågård-Østergaard" in pages[0]


def test_letters_typed_in_decomposed_form_come_out_as_one_letter(font):
    decomposed = "Familien A\u030agaard"  # "å" as "a" + combining ring, as some keyboards send it
    assert "Familien Ågaard" in text_of(sample(family_name=decomposed))


def test_names_beyond_latin_1_print_with_the_truetype_font_or_without_the_accent(font):
    text = text_of(sample(present=("Łukasz", "Şule", "Zoë")))

    if font == "truetype":
        assert "Til stede: Łukasz, Şule og Zoë" in text
    else:
        assert "Til stede: Lukasz, Sule og Zoë" in text


def test_the_builtin_fallback_uses_only_helvetica(font):
    reader = PdfReader(io.BytesIO(render_family_summary(sample())))
    fonts = {str(f.get_object()["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}

    if font == "builtin":
        assert fonts <= {"/Helvetica", "/Helvetica-Bold"}
    else:
        assert any("DejaVuSans" in name for name in fonts)


def test_english_headings():
    text = text_of(sample(language="en"))

    assert "Our conversation on 22. november 2026" in text
    assert "Present: Mette, Søren and Emil" in text
    assert "What Who When" in text
    assert "Phone: 12 34 56 78" in text
    for heading in EN_HEADINGS.values():
        assert heading in text
    for heading in DA_HEADINGS.values():
        assert heading not in text


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language"):
        render_family_summary(sample(language="sv"))


@pytest.mark.parametrize(("field", "empty"), [
    ("what_matters_most", ""), ("what_matters_most", " \n\n  "),
    ("resources", ()), ("resources", ("", "  ")),
    ("needs", ()), ("agreed_steps", ()), ("agreed_steps", (AgreedStepLine("", " ", ""),)),
    ("next_contact", ""), ("who_to_contact", ()),
    ("who_to_contact", (ContactLine("", "", "", "", ""),)),
])
def test_an_empty_section_is_left_out_with_its_heading(field, empty):
    text = text_of(sample(**{field: empty}))

    assert DA_HEADINGS[field] not in text
    for other, heading in DA_HEADINGS.items():
        if other != field:
            assert heading in text
    if field == "agreed_steps":
        assert "Hvad Hvem" not in text


def test_a_summary_with_only_a_title_has_no_headings_at_all():
    text = text_of(sample(what_matters_most="", resources=(), needs=(), agreed_steps=(), next_contact="",
                          who_to_contact=(), present=(), family_agrees=None))

    assert text == "Vores samtale den 22. november 2026 Familien Nørgaard Familien Nørgaard Side 1 af 1"


def test_the_familys_text_is_printed_as_written_never_read_as_markup():
    words = "Vi sagde <b>nej</b> & <br/> “tak” <para>"
    text = text_of(sample(needs=(words,), family_name="Familien <Ø> & co"))

    assert words in text
    assert "Familien <Ø> & co" in text


def test_a_long_text_flows_onto_a_second_page_with_page_numbers():
    paragraphs = [f"Afsnit {n}: " + "Vi talte om, hvordan hverdagen hænger sammen for hele familien. " * 5
                  for n in range(1, 10)]
    pdf = render_family_summary(sample(what_matters_most="\n\n".join(paragraphs), resources=(), needs=(),
                                       agreed_steps=(), next_contact="", who_to_contact=(),
                                       family_agrees=None))
    pages = [flat(page) for page in pages_of(pdf)]

    assert len(pages) == 2
    assert "Afsnit 1:" in pages[0] and "Afsnit 1:" not in pages[1]
    assert "Afsnit 9:" in pages[1] and "Afsnit 9:" not in pages[0]
    assert pages[0].endswith("Familien Nørgaard Side 1 af 2")
    assert pages[1].endswith("Familien Nørgaard Side 2 af 2")


def test_a_very_long_agreed_step_may_continue_on_the_next_page():
    huge = AgreedStepLine("Vi øver morgenrutinen trin for trin. " * 120, "Familien", "hver dag")
    pages = pages_of(render_family_summary(sample(agreed_steps=(huge,))))

    assert len(pages) >= 3
    assert "Side 1 af" in pages[0]


def test_page_is_a4_and_the_type_is_large():
    reader = PdfReader(io.BytesIO(render_family_summary(sample())))
    sizes: dict[str, float] = {}

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip() and cm[5] + tm[5] > 60:  # above the footer
            sizes[text.strip()] = font_size

    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        page.extract_text(visitor_text=visit)

    assert min(sizes.values()) >= 12
    assert sizes["Det går godt"] > sizes["Vi er et godt hold"] >= 13


@pytest.mark.parametrize(("agrees", "language", "shown", "hidden"), [
    (True, "da", AGREES_DA, DISAGREES_DA),
    (False, "da", DISAGREES_DA, AGREES_DA),
    (True, "en", AGREES_EN, DISAGREES_EN),
    (False, "en", DISAGREES_EN, AGREES_EN),
])
def test_whether_the_family_agrees(agrees, language, shown, hidden):
    text = text_of(sample(family_agrees=agrees, language=language))

    assert shown in text
    assert hidden not in text


def test_not_asked_yet_says_nothing_about_agreeing():
    text = text_of(sample(family_agrees=None))

    assert "opsummeringen igennem" not in text
    assert "enige" not in text


# ---- the file itself


def test_metadata_has_the_title_and_the_health_visitor_and_nothing_else_personal():
    reader = PdfReader(io.BytesIO(render_family_summary(sample())))
    meta = dict(reader.metadata)

    assert meta["/Title"] == "Vores samtale den 22. november 2026"
    assert meta["/Author"] == "Hanne Østergaard"
    assert set(meta) == {"/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer",
                         "/CreationDate", "/ModDate", "/Trapped"}
    assert meta["/Subject"] == "" and meta["/Keywords"] == ""
    assert meta["/Creator"] == "Tovholder"
    assert meta["/CreationDate"] == meta["/ModDate"] == "D:20000101000000+00'00'"  # not when it was made
    assert "/Metadata" not in reader.trailer["/Root"]  # no XMP packet
    values = " ".join(str(v) for k, v in meta.items() if k != "/Author")
    for personal in ("Nørgaard", "Mette", "Søren", "Emil", "Østergaard", "Bjørn", "12 34 56 78",
                     "example.invalid", "Ida"):
        assert personal not in values


def test_english_metadata_title():
    meta = PdfReader(io.BytesIO(render_family_summary(sample(language="en")))).metadata
    assert meta["/Title"] == "Our conversation on 22. november 2026"


def test_the_same_summary_gives_the_same_bytes():
    first = render_family_summary(sample())
    render_family_summary(sample(family_name="Familien Andersen", language="en"))

    assert render_family_summary(sample()) == first
    assert render_family_summary(sample(needs=("Mere søvn",))) != first


# Bytes in a new process, no file written and the imports: tests/reports/test_reports_common.py
