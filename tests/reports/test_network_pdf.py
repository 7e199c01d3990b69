"""The printable network map (``app.reports.network_pdf``), read back with pypdf.

Synthetic people only. The tests read what is printed (text, its size and place), what the page draws
(every colour operator in the content streams) and the document properties, and each fails if
something is missing, wrong, coloured or where it should not be.
"""

from __future__ import annotations

import dataclasses
import io
import math
import random
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.reports import network_pdf
from app.reports.documents import MapDocument, MapPersonMark, MapTieMark
from app.reports.network_pdf import render_network_map
from tests.helpers.pdf import flat, pages_of, text_in_pdf

ROOT = Path(__file__).resolve().parents[2]
MODULE = ROOT / "app" / "reports" / "network_pdf.py"

SECTOR_LABELS_DA = {
    "family": "Familie og slægt",
    "friends": "Venner og naboer",
    "school_work": "Skole, dagtilbud, arbejde og fritid",
    "professional": "Professionelle",
}
LEGEND_DA = {
    **SECTOR_LABELS_DA,
    "supportive": "Støttende",
    "ambivalent": "Både og (ambivalent)",
    "strained": "Anstrengt",
    "conflict": "I konflikt",
    "tie": "Kender hinanden",
    "tie_strained": "Anstrengt forbindelse",
    "tie_conflict": "Konflikt mellem dem",
    "invite": "Inviteres til netværksmøder",
}
SECTOR_LABELS_EN = {
    "family": "Family and relatives",
    "friends": "Friends and neighbours",
    "school_work": "School, day care, work and leisure",
    "professional": "Professionals",
}
LEGEND_EN = {
    **SECTOR_LABELS_EN,
    "supportive": "Supportive",
    "ambivalent": "Mixed (ambivalent)",
    "strained": "Strained",
    "conflict": "In conflict",
    "tie": "Know each other",
    "tie_strained": "Strained tie",
    "tie_conflict": "Conflict between them",
    "invite": "Invite to network meetings",
}
DA_OWN_TEXTS = ("Sådan læses kortet", "Formen: hvor personen hører til",
                "Udfyldningen: forholdet til familien", "Stregerne: forbindelser mellem personer")
EN_OWN_TEXTS = ("How to read the map", "The shape: where the person belongs",
                "The fill: the relationship with the family", "The lines: ties between people")


def xy(angle: float, distance: float) -> tuple[float, float]:
    """As ``app.services.network.dto.to_xy``: outer horizon 100, y down (not imported: layering)."""
    rad = math.radians(angle)
    return distance * math.cos(rad), -distance * math.sin(rad)


PEOPLE = (
    MapPersonMark("Mormor Åse", *xy(60, 22), "family", "supportive", invite=True),
    MapPersonMark("Morfar Bent", *xy(40, 30), "family", "supportive"),
    MapPersonMark("Farmor Ingrid Østergaard", *xy(20, 55), "family", "ambivalent"),
    MapPersonMark("Onkel Søren", *xy(75, 62), "family", "conflict"),
    MapPersonMark("Moster Lærke", *xy(10, 88), "family", "strained"),
    MapPersonMark("Naboen Jørgen", *xy(120, 40), "friends", "supportive", invite=True),
    MapPersonMark("Mettes veninde Sørine", *xy(150, 30), "friends", "supportive"),
    MapPersonMark("Fodboldtræner Kåre", *xy(165, 80), "friends", "ambivalent"),
    MapPersonMark("Pædagog Bjørk (Solsikken)", *xy(-120, 35), "school_work", "supportive", invite=True),
    MapPersonMark("Klasselærer Ærtebjerg", *xy(-150, 70), "school_work", "strained"),
    MapPersonMark("Sørens chef", *xy(-105, 90), "school_work", "conflict"),
    MapPersonMark("Sundhedsplejerske Hanne", *xy(-30, 28), "professional", "supportive", invite=True),
    MapPersonMark("Egen læge Dr. Møller", *xy(-60, 60), "professional", "supportive"),
    MapPersonMark("Sagsbehandler Ødegaard", *xy(-15, 85), "professional", "ambivalent", invite=True),
)
LINES = (
    MapTieMark(0, 1), MapTieMark(0, 2), MapTieMark(1, 4), MapTieMark(5, 6), MapTieMark(11, 12),
    MapTieMark(2, 3, "strained"), MapTieMark(6, 7, "strained"), MapTieMark(8, 9, "strained"),
    MapTieMark(3, 4, "conflict"), MapTieMark(13, 4, "conflict"), MapTieMark(10, 7, "conflict"),
)
TABLE = (("Navn", "Sektor", "Forhold til familien", "Telefon"),) + tuple(
    (p.label, SECTOR_LABELS_DA[p.sector], LEGEND_DA[p.quality], f"12 34 56 {k:02d}")
    for k, p in enumerate(PEOPLE))


def sample(**changes) -> MapDocument:
    doc = MapDocument(
        language="da",
        title="Netværkskort – Familien Nørgaard",
        subtitle="Version: Ved første samtale, 22. november 2026",
        centre="Freja og familien",
        people=PEOPLE,
        lines=LINES,
        sector_labels=SECTOR_LABELS_DA,
        legend=LEGEND_DA,
        author="Hanne Østergaard",
        table=TABLE,
    )
    return dataclasses.replace(doc, **changes)


def crowded(people: int = 150, ties: int = 300, seed: int = 3) -> MapDocument:
    """A map far bigger than any family's, people spread over all sectors and horizons."""
    rng = random.Random(seed)
    sectors = ("family", "friends", "school_work", "professional")
    angles = {"family": 45, "friends": 135, "school_work": -135, "professional": -45}
    persons = []
    for k in range(people):
        sector = sectors[k % 4]
        x, y = xy(angles[sector] + rng.uniform(-41, 41), rng.uniform(10, 100))
        persons.append(MapPersonMark(f"Person Ærø {k}", x, y, sector, network_pdf.QUALITIES[k % 7 % 4],
                                 invite=k % 5 == 0))
    pairs = sorted({tuple(sorted(rng.sample(range(people), 2))) for _ in range(ties * 2)})[:ties]
    lines = tuple(MapTieMark(a, b, ("", "strained", "conflict")[k % 3]) for k, (a, b) in enumerate(pairs))
    return sample(people=tuple(persons), lines=lines, table=())


def text_of(doc: MapDocument) -> str:
    return text_in_pdf(render_network_map(doc))


def texts_on_page(pdf: bytes, page: int = 0) -> list[tuple[str, float, float, float]]:
    """(text, x, y, font size) of each piece of text shown on a page."""
    found = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            found.append((text.strip(), cm[4] + tm[4], cm[5] + tm[5], font_size))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return found


# ---- what is printed


def test_title_subtitle_centre_sector_labels_legend_and_every_name_are_on_the_map_page():
    page = flat(pages_of(render_network_map(sample()))[0])

    assert page.startswith("Netværkskort – Familien Nørgaard Version: Ved første samtale, 22. november 2026")
    assert "Freja og familien" in page
    for label in SECTOR_LABELS_DA.values():
        assert label in page
    for text in LEGEND_DA.values():
        assert text in page
    for text in DA_OWN_TEXTS:
        assert text in page
    for person in PEOPLE:
        assert person.label in page
    assert page.endswith("Netværkskort – Familien Nørgaard Side 1 af 2")


def test_the_table_is_the_second_page_with_every_row():
    pages = [flat(page) for page in pages_of(render_network_map(sample()))]

    assert len(pages) == 2
    assert "Personerne på kortet" in pages[1]
    assert "Navn Sektor Forhold til familien Telefon" in pages[1]
    for row in TABLE[1:]:
        assert " ".join(row) in pages[1]
    assert "12 34 56" not in pages[0]
    assert pages[1].endswith("Side 2 af 2")


def test_a_long_table_continues_with_its_header_on_each_page():
    rows = TABLE[:1] + tuple((f"Person Åbo {k}", "Familie og slægt", "Støttende", f"12 34 {k:04d}")
                             for k in range(120))
    pages = [flat(page) for page in pages_of(render_network_map(sample(table=rows)))]

    assert len(pages) >= 4
    for number, page in enumerate(pages[1:], start=2):
        assert "Navn Sektor Forhold til familien Telefon" in page
        assert page.endswith(f"Side {number} af {len(pages)}")
    everything = " ".join(pages[1:])
    for k in range(120):
        assert f"Person Åbo {k} Familie og slægt Støttende 12 34 {k:04d}" in everything


def test_without_a_table_there_is_one_page():
    for table in ((), TABLE[:1]):
        pages = pages_of(render_network_map(sample(table=table)))
        assert len(pages) == 1
        assert flat(pages[0]).endswith("Side 1 af 1")
        assert "Personerne på kortet" not in flat(pages[0])


def test_ragged_table_rows_are_padded_not_lost():
    rows = (("Navn", "Rolle", "Telefon"), ("Bo Ærø",), ("Åse Kjær", "Mormor", "11 22 33 44", "ekstra"))
    page = flat(pages_of(render_network_map(sample(table=rows)))[1])

    assert "Bo Ærø" in page
    assert "Åse Kjær Mormor 11 22 33 44 ekstra" in page


def test_danish_letters_come_back_exactly(font):
    words = "Æble Ø Å æøå – Ærø"
    people = (MapPersonMark(f"Søster {words}", *xy(45, 50), "family", "supportive"),)
    pdf = render_network_map(sample(people=people, lines=(), centre="Åse og Ørjan",
                                    title="Netværkskort – Familien Ågård-Østergaard",
                                    table=(("Navn",), (f"Søster {words}",))))
    pages = [flat(page) for page in pages_of(pdf)]

    assert f"Søster {words}" in pages[0]
    assert "Åse og Ørjan" in pages[0]
    assert "Netværkskort – Familien Ågård-Østergaard" in pages[0]
    assert "Støttende" in pages[0] and "Sådan læses kortet" in pages[0]
    assert f"Søster {words}" in pages[1]


def test_letters_typed_in_decomposed_form_come_out_as_one_letter(font):
    people = (MapPersonMark("A\u030ase Kjær", *xy(45, 50), "family", "supportive"),)
    assert "Åse Kjær" in text_of(sample(people=people, lines=()))


def test_the_builtin_fallback_uses_only_helvetica(font):
    reader = PdfReader(io.BytesIO(render_network_map(sample())))
    fonts = {str(f.get_object()["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}

    if font == "builtin":
        assert fonts <= {"/Helvetica", "/Helvetica-Bold"}
    else:
        assert any("DejaVuSans" in name for name in fonts)


def test_english_texts_when_given():
    people = tuple(dataclasses.replace(p, label=f"Contact {k} Ærø") for k, p in enumerate(PEOPLE))
    doc = sample(language="en", title="Network map – The Nørgaard family", subtitle="Version: first visit",
                 centre="Freja and family", people=people, sector_labels=SECTOR_LABELS_EN, legend=LEGEND_EN,
                 table=(("Name", "Sector"), ("Contact 0 Ærø", "Family and relatives")))
    pages = [flat(page) for page in pages_of(render_network_map(doc))]

    for text in (*SECTOR_LABELS_EN.values(), *LEGEND_EN.values(), *EN_OWN_TEXTS, "Freja and family",
                 *(p.label for p in people)):
        assert text in pages[0]
    assert pages[0].endswith("Page 1 of 2")
    assert "The people on the map" in pages[1] and "Name Sector" in pages[1]
    for danish in (*LEGEND_DA.values(), *DA_OWN_TEXTS, "Side ", "Personerne på kortet"):
        assert danish not in " ".join(pages)


def test_names_are_printed_as_written_never_read_as_markup():
    people = (MapPersonMark("Bo <b>& co</b>", *xy(45, 50), "family", "supportive"),)
    pages = [flat(page) for page in pages_of(render_network_map(
        sample(people=people, lines=(), centre="Ida & <Ø>", table=(("Navn",), ("Bo <b>& co</b>",)))))]

    assert "Bo <b>& co</b>" in pages[0] and "Ida & <Ø>" in pages[0]
    assert "Bo <b>& co</b>" in pages[1]


def test_the_page_is_a4_landscape_and_the_type_on_a_family_map_is_at_least_8_pt():
    pdf = render_network_map(sample())
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    texts = texts_on_page(pdf)
    sizes = {text: size for text, _, _, size in sorted(texts, key=lambda t: t[3])}  # the largest wins

    assert min(size for *_, size in texts) >= 8
    assert sizes["Mormor Åse"] >= 9
    assert sizes["Netværkskort – Familien Nørgaard"] > sizes["Mormor Åse"]


def _label_boxes(pdf: bytes, labels: set[str], fonts) -> list[tuple[str, tuple[float, float, float, float]]]:
    boxes = []
    for text, x, y, size in texts_on_page(pdf):
        if text in labels:
            width = stringWidth(text, fonts.regular, size)
            boxes.append((text, (x, y - 0.22 * size, x + width, y + 0.78 * size)))
    return boxes


def test_names_on_a_family_map_do_not_overlap_and_stay_inside_the_page():
    pdf = render_network_map(sample())
    fonts = network_pdf.pick_fonts()
    lines = {line for p in PEOPLE for line in ("Farmor Ingrid", "Østergaard", "Pædagog Bjørk",
                                               "(Solsikken)", "Sundhedsplejerske", "Hanne",
                                               "Sagsbehandler", "Ødegaard", p.label)}
    boxes = _label_boxes(pdf, lines, fonts)
    assert len(boxes) >= len(PEOPLE)

    for k, (text, a) in enumerate(boxes):
        assert a[0] >= network_pdf.MARGIN - 0.5 and a[2] <= 842 - network_pdf.MARGIN + 0.5, text
        for other, b in boxes[k + 1:]:
            overlap = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
            assert not (overlap[0] > 0.5 and overlap[1] > 0.5), (text, other)


def test_a_person_beyond_the_outer_horizon_stays_on_the_map_and_the_page():
    far = (MapPersonMark("Langt væk Åberg", 400.0, -20.0, "family", "supportive", invite=True),
           MapPersonMark("Også langt væk", -300.0, 290.0, "school_work", "conflict"))
    pdf = render_network_map(sample(people=far, lines=(MapTieMark(0, 1, "conflict"),)))
    fonts = network_pdf.pick_fonts()

    boxes = _label_boxes(pdf, {"Langt væk Åberg", "Også langt væk"}, fonts)
    assert len(boxes) == 2
    for _, (x0, y0, x1, y1) in boxes:
        assert network_pdf.MARGIN - 0.5 <= x0 and x1 <= network_pdf.MARGIN + network_pdf.MAP_WIDTH + 0.5
        assert network_pdf.MAP_BOTTOM <= y0 and y1 <= 595 - network_pdf.MARGIN


# ---- black and white


COLOUR_OPERATORS = {b"rg", b"RG", b"k", b"K", b"g", b"G", b"sc", b"scn", b"SC", b"SCN", b"cs", b"CS"}


def colours_that_are_not_grey(pdf: bytes) -> list[tuple[str, list[float]]]:
    """Every colour operator in every page's content stream that is not black, white or a grey."""
    reader = PdfReader(io.BytesIO(pdf))
    found = []
    for page in reader.pages:
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator not in COLOUR_OPERATORS:
                continue
            values = [float(v) for v in operands if isinstance(v, int | float) or hasattr(v, "as_numeric")]
            grey = (
                (operator in (b"g", b"G") and len(values) == 1)
                or (operator in (b"rg", b"RG") and len(values) == 3 and values[0] == values[1] == values[2])
                or (operator in (b"k", b"K") and len(values) == 4 and values[0] == values[1] == values[2] == 0)
            )
            if not grey:
                found.append((operator.decode(), values))
        resources = page["/Resources"]
        assert "/Pattern" not in resources and "/Shading" not in resources
        assert "/XObject" not in resources  # no images
    return found


def test_everything_drawn_is_black_white_or_grey():
    for doc in (sample(), crowded(60, 90)):
        pdf = render_network_map(doc)
        assert colours_that_are_not_grey(pdf) == []
        reader = PdfReader(io.BytesIO(pdf))
        operators = {op for page in reader.pages
                     for _, op in ContentStream(page.get_contents(), reader).operations}
        assert operators & COLOUR_OPERATORS  # the check did see the colours


def test_the_colour_check_sees_a_colour():
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setFillGray(0.5)
    canvas.setFillColorRGB(0.8, 0.1, 0.1)
    canvas.rect(10, 10, 20, 20, fill=1)
    canvas.setStrokeColorCMYK(0, 0, 0, 1)
    canvas.setStrokeColorCMYK(0, 0.5, 0, 0)
    canvas.line(0, 0, 10, 10)
    canvas.save()

    assert [op for op, _ in colours_that_are_not_grey(buffer.getvalue())] == ["rg", "K"]


def _drawing(doc: MapDocument) -> bytes:
    reader = PdfReader(io.BytesIO(render_network_map(doc)))
    return reader.pages[0].get_contents().get_data()


def test_each_sector_and_each_relationship_has_a_mark_of_its_own():
    """Shape and fill carry the meaning (no colour): 16 combinations, 16 different drawings."""
    drawings = set()
    for sector in network_pdf.SECTORS:
        for quality in network_pdf.QUALITIES:
            person = MapPersonMark("Bo Ærø", *xy(45, 50), sector, quality)
            drawings.add(_drawing(sample(people=(person,), lines=())))
    assert len(drawings) == 16


def test_each_kind_of_tie_and_the_invite_star_draw_differently():
    people = (MapPersonMark("Bo", *xy(45, 50), "family", "supportive"),
              MapPersonMark("Ib", *xy(135, 50), "friends", "supportive"))
    ties = {_drawing(sample(people=people, lines=(MapTieMark(0, 1, quality),)))
            for quality in network_pdf.TIE_QUALITIES}
    no_tie = _drawing(sample(people=people, lines=()))
    invited = _drawing(sample(people=(people[0], dataclasses.replace(people[1], invite=True)), lines=()))

    assert len(ties) == 3 and no_tie not in ties
    assert invited != no_tie


def _tie_operations(quality: str | None) -> list[tuple[list, bytes]]:
    """The drawing operations of a map of two people with one tie of ``quality`` (None: no tie)."""
    people = (MapPersonMark("Bo", *xy(45, 60), "family", "supportive"),
              MapPersonMark("Ib", *xy(135, 60), "friends", "supportive"))
    lines = () if quality is None else (MapTieMark(0, 1, quality),)
    reader = PdfReader(io.BytesIO(render_network_map(sample(people=people, lines=lines))))
    return ContentStream(reader.pages[0].get_contents(), reader).operations


def _dashes(operations) -> list[list[float]]:
    return [[float(v) for v in operands[0]] for operands, op in operations if op == b"d" and operands[0]]


def test_a_tie_is_solid_a_strained_tie_dashed_and_a_conflict_a_zigzag():
    """Compared with the same map without the tie (the legend shows each line style once too)."""
    none, solid, strained, conflict = (_tie_operations(q) for q in (None, "", "strained", "conflict"))
    lines = [sum(op == b"l" for _, op in ops) for ops in (none, solid, strained, conflict)]
    dashes = [_dashes(ops) for ops in (none, solid, strained, conflict)]

    assert dashes[1] == dashes[0] and dashes[3] == dashes[0]
    assert len(dashes[2]) == len(dashes[0]) + 1  # one more dashed stroke
    assert all(v > 1 for dash in dashes[2] for v in dash)  # dashes and gaps that show on paper
    assert lines[1] == lines[2] == lines[0] + 1  # one straight stroke
    assert lines[3] >= lines[0] + 10  # a zigzag: many short strokes between the two marks


# ---- a large map


def key_of(pdf: bytes) -> dict[str, str]:
    """The key to the numbers printed on the map: number -> name (from the page after the map)."""
    rest = flat(" ".join(pages_of(pdf)[1:])) if len(pages_of(pdf)) > 1 else ""
    return dict(re.findall(r"(\d+) (Person Ærø \d+)", rest))


def test_150_people_and_300_ties_render_with_every_name_at_6_pt_or_more():
    doc = crowded()
    pdf = render_network_map(doc)
    texts = texts_on_page(pdf)

    named = [(text, size) for text, _, _, size in texts if text.startswith("Person Ærø")]
    numbers = {text for text, _, _, _ in texts if text.isdigit()}
    key = key_of(pdf)
    # Every person is named on the map, or numbered there with the number's name in the key.
    assert {text for text, _ in named} | set(key.values()) == {p.label for p in doc.people}
    assert set(key) <= numbers
    assert all(key[str(k + 1)] == doc.people[k].label for k in range(len(doc.people)) if str(k + 1) in key)
    assert min(size for _, size in named) >= 6
    fonts = network_pdf.pick_fonts()
    for text, x, y, size in texts:
        assert 0 <= x and x + stringWidth(text, fonts.regular, size) <= 842, text
        assert 0 <= y <= 595, text


def test_on_a_crowded_map_no_name_overprints_another_or_the_familys_label():
    doc = crowded()
    pdf = render_network_map(doc)
    fonts = network_pdf.pick_fonts()
    boxes = _label_boxes(pdf, {p.label for p in doc.people} | {"Freja og familien", "Freja", "og familien"}, fonts)
    overlapping = []
    for k, (text, a) in enumerate(boxes):
        for other, b in boxes[k + 1:]:
            w, h = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
            if w > 0.5 and h > 0.5:
                overlapping.append((text, other))
    assert overlapping == []
    assert key_of(pdf)  # some had to be numbered: the middle of a 150-person map is full


def test_the_smallest_names_are_6_pt_even_beyond_150_people():
    pdf = render_network_map(crowded(220, 50))
    sizes = [size for text, _, _, size in texts_on_page(pdf) if text.startswith("Person Ærø")]
    assert len(sizes) + len(key_of(pdf)) == 220 and min(sizes) == pytest.approx(6)


def test_an_empty_map_renders():
    page = flat(pages_of(render_network_map(sample(people=(), lines=(), table=())))[0])
    assert "Freja og familien" in page and "Side 1 af 1" in page


# ---- refused input


@pytest.mark.parametrize(("changes", "message"), [
    ({"language": "sv"}, "language"),
    ({"legend": {k: v for k, v in LEGEND_DA.items() if k != "tie_conflict"}}, "tie_conflict"),
    ({"sector_labels": {k: v for k, v in SECTOR_LABELS_DA.items() if k != "friends"}}, "friends"),
    ({"people": (MapPersonMark("Bo", 0, 0, "pets", "supportive"),), "lines": ()}, "sector"),
    ({"people": (MapPersonMark("Bo", 0, 0, "family", "great"),), "lines": ()}, "quality"),
    ({"people": (MapPersonMark("Bo", math.nan, 0, "family", "supportive"),), "lines": ()}, "position"),
    ({"lines": (MapTieMark(0, 99),)}, "two different people"),
    ({"lines": (MapTieMark(3, 3),)}, "two different people"),
    ({"lines": (MapTieMark(0, 1, "hostile"),)}, "quality"),
])
def test_input_the_map_cannot_show_is_refused(changes, message):
    with pytest.raises(ValueError, match=message):
        render_network_map(sample(**changes))


# ---- the file itself


def test_metadata_has_the_title_and_the_health_visitor_and_nothing_else_personal():
    reader = PdfReader(io.BytesIO(render_network_map(sample())))
    meta = dict(reader.metadata)

    assert meta["/Title"] == "Netværkskort – Familien Nørgaard"
    assert meta["/Author"] == "Hanne Østergaard"
    assert set(meta) == {"/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer",
                         "/CreationDate", "/ModDate", "/Trapped"}
    assert meta["/Subject"] == "" and meta["/Keywords"] == ""
    assert meta["/Creator"] == "Tovholder"
    assert meta["/CreationDate"] == meta["/ModDate"] == "D:20000101000000+00'00'"
    assert "/Metadata" not in reader.trailer["/Root"]
    values = " ".join(str(v) for k, v in meta.items() if k not in ("/Title", "/Author"))
    for personal in ("Nørgaard", "Freja", "Åse", "Søren", "Østergaard", "12 34 56", "samtale"):
        assert personal not in values
    assert "Freja" not in meta["/Title"] and "Åse" not in meta["/Title"]


def test_the_same_map_gives_the_same_bytes():
    first = render_network_map(sample())
    render_network_map(crowded(40, 40))

    assert render_network_map(sample()) == first
    moved = (dataclasses.replace(PEOPLE[0], x=PEOPLE[0].x + 1), *PEOPLE[1:])
    assert render_network_map(sample(people=moved)) != first


# Bytes in a new process, no file written and the imports: tests/reports/test_reports_common.py
