"""The content of the clarifying conversation: the vocabulary, the offers and the guides.

The shipped files load; the standard guide has its nine parts, the six problem areas once each and one
member section whose prompts fit each family member's group and age; offers point only at known
diagnoses and problem areas; a municipality's malformed guide is rejected with file and line while the
standard guide stays in use; a municipal version 2 becomes the newest; a guide survives a snapshot.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from app.content.conversation import (
    CAPTURE_KINDS,
    OFFER_STATUSES,
    PROBLEM_AREAS,
    VULNERABILITY_INDICATORS,
)
from app.content.fields import NAME_PLACEHOLDER
from app.content.guide import guide_from_snapshot, guide_to_snapshot, prompts_for
from app.content.library import ContentLibrary, parse_file
from app.core.errors import ContentError
from app.core.resources import content_dir, resources_dir

CITATION = re.compile(r"^seed-\d{3} L\d+")
STANDARD = content_dir() / "guides" / "standard.yaml"
OFFERS = content_dir() / "offers.yaml"
VOCABULARY = content_dir() / "conversation_vocabulary.yaml"
GREVE_EXAMPLE = resources_dir() / "examples" / "greve-spoergeguide.yaml"

# The standard guide, part by part (brief a-i): (section id, kind, problem area).
STANDARD_PARTS = [
    ("formaal", "general", None),  # a. purpose of today
    ("familiens_historie", "general", None),  # b. the family's own story
    ("familiemedlem", "member", None),  # c. each family member
    ("viden_om_sygdommen", "problem_area", "health_literacy"),  # d. the six problem areas
    ("hverdagen_med_sygdommen", "problem_area", "self_management"),
    ("trivsel", "problem_area", "mental_wellbeing"),
    ("sprog_og_kultur", "problem_area", "culture_language"),
    ("familie_og_netvaerk", "problem_area", "network_family"),
    ("samarbejdet_med_sundhedsvaesenet", "problem_area", "health_system"),
    ("netvaerk", "network", None),  # e. the network
    ("hverdag_og_praktisk", "general", None),  # f. everyday life and practical help
    ("tilbud", "offers", None),  # g. offers
    ("naeste_skridt", "next_steps", None),  # h. next steps
    ("opsummering", "summary", None),  # i. the summary
]


def _line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    hits = [number for number, line in enumerate(text.splitlines(), start=1) if fragment in line]
    return hits[occurrence - 1]


def _texts(guide):
    """Every (section, text) pair of a guide, in both languages."""
    for section in guide.sections:
        labels = [section.title, section.intro]
        for prompt in section.prompts:
            labels += [prompt.text, *prompt.follow_ups]
        for label in labels:
            yield section, label.da
            yield section, label.en


# ---- what ships


def test_shipped_conversation_content_loads(content):
    assert content.rejected == []
    vocabulary = content.vocabulary
    assert [t.code for t in vocabulary.problem_areas] == list(PROBLEM_AREAS)
    assert [t.code for t in vocabulary.vulnerability_indicators] == list(VULNERABILITY_INDICATORS)
    assert len(VULNERABILITY_INDICATORS) == 11
    assert [t.code for t in vocabulary.coping_levels] == ["high", "medium", "low"]
    assert all(t.description.da and t.description.en for t in vocabulary.coping_levels)
    assert all(t.description.da and t.description.en for t in vocabulary.problem_areas)
    assert vocabulary.problem_area("culture_language").label.da == "Kulturelle forhold og sprog"
    assert content.offers.offer("mentorforloeb") is not None
    # Only the standard guide ships; the Greve example is documentation, outside the scanned tree.
    assert [(g.id, g.version) for g in content.guides()] == [("standard", 1)]
    assert content.guide() is content.guide("standard", 1)
    assert not GREVE_EXAMPLE.is_relative_to(content_dir())


def test_every_conversation_file_cites_its_sources():
    vocabulary, offers, guide = parse_file(VOCABULARY), parse_file(OFFERS), parse_file(STANDARD)
    cited = [*vocabulary.problem_areas, *vocabulary.vulnerability_indicators, *vocabulary.coping_levels,
             *offers.offers, *guide.sections]
    for item in cited:
        assert CITATION.match(item.source), f"{getattr(item, 'code', getattr(item, 'id', '?'))}: {item.source!r}"
    for header in (vocabulary.header, offers.header, guide.header):
        assert header.sources and all(CITATION.match(s) for s in header.sources), header.file


SEED_001_EXCERPT = Path(__file__).resolve().parents[1] / "data" / "seed-001-L658-690.txt"
EXCERPT_FIRST_LINE = 658


def _seed_001_excerpt() -> list[str]:
    lines = SEED_001_EXCERPT.read_text("utf-8").splitlines()
    return [line for line in lines if not line.startswith("# ")]


def test_indicator_sources_point_at_their_own_seed_lines():
    excerpt = _seed_001_excerpt()
    for term in parse_file(VOCABULARY).vulnerability_indicators:
        line = int(re.match(r"seed-001 L(\d+)", term.source).group(1))
        assert EXCERPT_FIRST_LINE <= line < EXCERPT_FIRST_LINE + len(excerpt), (term.code, line)
        text = excerpt[line - EXCERPT_FIRST_LINE]
        assert text.lstrip().startswith(("•Famili", "•dårligt")), (term.code, text)


def test_the_seed_excerpt_is_the_seed_where_the_seeds_are_at_hand():
    """The copy in tests/data is checked against ../shared/seeds whenever they are next to the repository
    (in the development checkout); a clean CI checkout has only the copy, which the test above reads."""
    excerpt = _seed_001_excerpt()
    assert len(excerpt) == 690 - EXCERPT_FIRST_LINE + 1
    seed = next((Path(__file__).resolve().parents[3] / "shared" / "seeds").glob("001_*.txt"), None)
    if seed is not None:
        lines = seed.read_text("utf-8").splitlines()
        assert excerpt == lines[EXCERPT_FIRST_LINE - 1:690]


# ---- the standard guide


def test_standard_guide_has_the_nine_parts_in_order(content):
    guide = content.guide("standard")

    assert [(s.id, s.kind, s.problem_area) for s in guide.sections] == STANDARD_PARTS
    assert sorted(s.problem_area for s in guide.sections_of_kind("problem_area")) == sorted(PROBLEM_AREAS)
    assert len(guide.sections_of_kind("member")) == 1
    for kind in ("offers", "next_steps", "summary"):
        assert len(guide.sections_of_kind(kind)) == 1, kind


def test_problem_area_sections_have_two_to_four_prompts_with_follow_ups(content):
    for section in content.guide("standard").sections_of_kind("problem_area"):
        assert 2 <= len(section.prompts) <= 4, section.id
        assert any(p.follow_ups for p in section.prompts), section.id
        assert section.capture == CAPTURE_KINDS


def test_standard_guide_texts_are_complete_in_both_languages(content):
    guide = content.guide("standard")
    assert guide.title.da and guide.title.en and guide.description.da and guide.description.en
    for section, text in _texts(guide):
        assert text.strip(), section.id
        if NAME_PLACEHOLDER in text:
            assert section.kind == "member", (section.id, text)
    for section in guide.sections:
        assert section.title.da and section.title.en and section.intro.da and section.intro.en, section.id
        for prompt in section.prompts:
            assert prompt.text.da.endswith("?") and prompt.text.en.endswith("?"), (section.id, prompt.id)
    assert guide.member_section.title_for("da", "Freja") == "Om Freja"


def _ids(section, group, age):
    return {p.id for p in prompts_for(section, group, age)}


def test_member_prompts_fit_the_members_group_and_age(content):
    member = content.guide("standard").member_section
    toddler, school_child, teenager = _ids(member, "child", 3), _ids(member, "child", 10), _ids(member, "child", 15)
    sibling = _ids(member, "sibling", 10)
    parent = _ids(member, "parent", 38)

    # Four different sets; each age band has prompts the others lack.
    assert len({frozenset(s) for s in (toddler, school_child, teenager, sibling, parent)}) == 5
    assert {"smaabarn_hverdag", "smaabarn_dagtilbud"} <= toddler - school_child - teenager
    assert {"skolebarn_skole", "skolebarn_sygdom"} <= school_child - toddler - teenager
    assert {"ung_selv_styre", "ung_leve_med"} <= teenager - toddler - school_child
    # The sibling is asked about as a sibling, not as the ill child.
    assert {"soeskende_oplever", "soeskende_selv"} <= sibling
    assert not sibling & {"barn_brug_for", "skolebarn_skole", "smaabarn_hverdag"}
    assert "soeskende_lille" in _ids(member, "sibling", 4) and "soeskende_selv" not in _ids(member, "sibling", 4)
    # Parents get their own prompts and none of the children's.
    assert "forael_har_det" in parent and not parent & (toddler | school_child | teenager) - {"andet_vigtigt"}
    # A prompt without groups reaches everyone.
    assert all("andet_vigtigt" in s for s in (toddler, school_child, teenager, sibling, parent))


def test_age_limits_are_inclusive_and_an_unknown_age_gets_only_unlimited_prompts(content):
    member = content.guide("standard").member_section

    assert "smaabarn_hverdag" in _ids(member, "child", 0) and "smaabarn_hverdag" in _ids(member, "child", 5)
    assert "skolebarn_skole" in _ids(member, "child", 6) and "skolebarn_skole" in _ids(member, "child", 12)
    assert "skolebarn_skole" not in _ids(member, "child", 13) and "ung_leve_med" in _ids(member, "child", 13)
    unknown = prompts_for(member, "child", None)
    assert unknown and all(not p.has_age_limits for p in unknown)
    assert {p.id for p in unknown} == {"barn_glad_for", "barn_brug_for", "andet_vigtigt"}


def test_non_member_sections_give_all_their_prompts(content):
    section = content.guide("standard").section("trivsel")
    assert prompts_for(section, None, None) == section.prompts == prompts_for(section, "parent", 40)


# ---- offers


def test_offers_reference_only_known_diagnoses_and_problem_areas(content):
    diagnoses = {d.code for d in content.family.diagnoses}
    areas = {t.code for t in content.vocabulary.problem_areas}
    offers = content.offers.offers

    assert len(offers) >= 15
    for offer in offers:
        assert set(offer.diagnoses) <= diagnoses, offer.code
        assert offer.problem_areas and set(offer.problem_areas) <= areas, offer.code
        assert offer.label.da and offer.description.da and offer.description.en and offer.provider.da, offer.code
    # Every problem area has at least one offer that helps with it.
    assert all(content.offers.for_problem_area(code) for code in PROBLEM_AREAS)


def test_offers_carry_the_seed_figures(content):
    mentor = content.offers.offer("mentorforloeb")
    assert (mentor.min_age, mentor.max_age, mentor.diagnoses, mentor.target) == (8, 15, ("DE10", "DG40"), ("child",))
    assert mentor.duration.da == "4-6 måneder" and mentor.frequency.da == "Hver tredje uge"
    assert (content.offers.offer("soeskendegruppe").min_age, content.offers.offer("soeskendegruppe").max_age) == (9, 12)
    assert content.offers.offer("ungegruppe").max_age == 16
    # FR-16's examples: asthma is not the mentor course's diagnosis; 14 is too old for the sibling group.
    assert mentor.ineligibility("child", 11, ["DJ45"]) == ("diagnosis",)
    assert content.offers.offer("soeskendegruppe").ineligibility("sibling", 14, ["DE10"]) == ("age",)
    assert content.offers.offer("soeskendegruppe").ineligibility("child", 10, []) == ("target",)
    assert content.offers.offer("individuelt_forloeb").ineligibility("other", None, []) == ()


def test_offers_have_a_status_and_the_paused_groups_are_paused(content):
    statuses = {o.code: o.status for o in content.offers.offers}
    assert statuses["boernegruppe"] == statuses["ungegruppe"] == "paused"  # seed-000 L1571-1573
    assert statuses["mentorforloeb"] == statuses["soeskendegruppe"] == "active"
    assert set(statuses.values()) <= set(OFFER_STATUSES)


def _municipal_offers(tmp_path, old: str, new: str) -> tuple[str, Path]:
    text = OFFERS.read_text("utf-8").replace("version: 1\n", "version: 2\n", 1)
    assert old in text
    text = text.replace(old, new, 1)
    folder = tmp_path / "kommune"
    folder.mkdir()
    (folder / "tilbud.yaml").write_text(text, "utf-8")
    return text, folder


@pytest.mark.parametrize(("old", "new", "bad"), [
    ("diagnoses: [DE10, DG40]", "diagnoses: [DE10, DX99]", "DX99"),
    ("    municipality: Svendborg\n", "    municipality: Svendborg\n    status: sleeping\n", "sleeping"),
    ("problem_areas: [mental_wellbeing, network_family]", "problem_areas: [mental_wellbeing, economy]", "economy"),
])
def test_municipal_offer_with_an_unknown_code_is_rejected_with_file_and_line(tmp_path, old, new, bad):
    text, folder = _municipal_offers(tmp_path, old, new)

    library = ContentLibrary.load(content_dir(), [folder])

    assert [(e.file, e.line) for e in library.rejected] == [("tilbud.yaml", _line_of(text, bad))]
    assert f"'{bad}'" in library.rejected[0].reason
    assert library.offers.header.version == 1  # the shipped catalogue stays in use
    assert library.version("offer_catalogue", "offers", 2) is None


def test_municipal_offers_may_use_a_diagnosis_from_the_municipal_family_catalogue(tmp_path):
    text, folder = _municipal_offers(tmp_path, "diagnoses: [DE10, DG40]", "diagnoses: [DE10, DX99]")
    shipped = ContentLibrary.load(content_dir()).family.header.version
    family = (content_dir() / "family.yaml").read_text("utf-8").replace(
        f"version: {shipped}\n", f"version: {shipped + 1}\n", 1)
    family += '  - {code: DX99, label: {da: "Lokal diagnose", en: "Local diagnosis"}}\n'
    (folder / "zz-familie.yaml").write_text(family, "utf-8")  # read after the offers

    library = ContentLibrary.load(content_dir(), [folder])

    assert library.rejected == []
    assert library.offers.offer("mentorforloeb").diagnoses == ("DE10", "DX99")


def test_shipped_offer_with_an_unknown_diagnosis_is_a_bug_and_raises(tmp_path):
    builtin = tmp_path / "content"
    shutil.copytree(content_dir(), builtin)
    offers = builtin / "offers.yaml"
    text = offers.read_text("utf-8").replace("diagnoses: [DM08]", "diagnoses: [DM99]")
    offers.write_text(text, "utf-8")

    with pytest.raises(ContentError) as caught:
        ContentLibrary.load(builtin)

    assert (caught.value.file, caught.value.line) == ("offers.yaml", _line_of(text, "DM99"))


# ---- a municipality's own guide


def _municipal_standard(change) -> tuple[str, int]:
    """The standard guide as version 2 with one change; returns the text and the line to blame."""
    text = STANDARD.read_text("utf-8").replace("version: 1\n", "version: 2\n", 1)
    return change(text)


def _syntax_error(text):
    text = text.replace("version: 2\n", "version: [2\n", 1)
    return text, _line_of(text, "version: [2") + 1


def _unknown_key(text):
    text = text.replace("    capture: [notes, needs]\n", "    fange: [notes, needs]\n", 1)
    return text, _line_of(text, "fange:")


def _problem_area_missing(text):
    text = text.replace("    problem_area: health_literacy\n", "", 1)
    return text, _line_of(text, "- id: viden_om_sygdommen")


def _duplicate_section(text):
    text = text.replace("  - id: trivsel\n", "  - id: formaal\n", 1)
    return text, _line_of(text, "- id: formaal", occurrence=2)


def _ages_reversed(text):
    text = text.replace("        min_age: 0\n        max_age: 5\n", "        min_age: 7\n        max_age: 5\n", 1)
    return text, _line_of(text, "min_age: 7")


def _name_outside_member(text):
    text = text.replace('title: {da: "Jeres historie"', 'title: {da: "{name}s historie"', 1)
    return text, _line_of(text, "{name}s historie")


def _source_missing(text):
    text = text.replace('    source: "seed-000 L475-479, L1813-1816, L2811-2819"\n', "", 1)
    return text, _line_of(text, "- id: familiens_historie")


def _unknown_section_kind(text):
    text = text.replace("    kind: network\n", "    kind: netvaerkskort\n", 1)
    return text, _line_of(text, "kind: netvaerkskort")


def _groups_outside_member(text):
    text = text.replace("      - id: overskud\n", "      - id: overskud\n        groups: [sibling, parent]\n", 1)
    return text, _line_of(text, "groups: [sibling, parent]")


def _problem_area_twice(text):
    text = text.replace("problem_area: culture_language\n", "problem_area: mental_wellbeing\n", 1)
    return text, _line_of(text, "problem_area: mental_wellbeing", occurrence=2)


def _second_summary(text):
    text = text.replace("    kind: next_steps\n", "    kind: summary\n", 1)
    return text, _line_of(text, "kind: summary", occurrence=2)


def _no_prompts(text):
    start = text.index("  - id: netvaerk\n")
    prompts = text.index("    prompts:\n", start)
    end = text.index("\n  # f.", start)
    text = text[:prompts] + text[end + 1:]
    return text, _line_of(text, "- id: netvaerk")


def _bad_prompt_id(text):
    text = text.replace("      - id: overskud\n", "      - id: Overskud!\n", 1)
    return text, _line_of(text, "- id: Overskud!")


def _unknown_placeholder(text):
    text = text.replace('"Hvem kan I regne med', '"Hvem kan {familie} regne med', 1)
    return text, _line_of(text, "{familie}")


DEFECTS = {
    "YAML syntax error": (_syntax_error, "YAML syntax"),
    "unknown key": (_unknown_key, "unknown key 'fange'"),
    "problem_area section without problem_area": (_problem_area_missing, "missing required key 'problem_area'"),
    "duplicate section id": (_duplicate_section, "section id 'formaal' appears twice"),
    "min_age > max_age": (_ages_reversed, "min_age (7) is greater than max_age (5)"),
    "{name} outside the member section": (_name_outside_member, "{name} can only be used in the member section"),
    "section without a source": (_source_missing, "missing required key 'source'"),
    "unknown section kind": (_unknown_section_kind, "unknown section kind 'netvaerkskort'"),
    "groups outside the member section": (_groups_outside_member, "'groups' is only allowed in the member section"),
    "problem area twice": (_problem_area_twice, "problem area 'mental_wellbeing' already has a section"),
    "two summary sections": (_second_summary, "only one section of kind summary"),
    "section without prompts": (_no_prompts, "missing required list 'prompts'"),
    "prompt id with capitals": (_bad_prompt_id, "must use only a-z"),
    "unknown placeholder": (_unknown_placeholder, "unknown placeholder '{familie}'"),
}


@pytest.mark.parametrize("defect", DEFECTS)
def test_malformed_municipal_guide_is_rejected_with_file_and_line(tmp_path, defect):
    change, reason = DEFECTS[defect]
    text, line = _municipal_standard(change)
    folder = tmp_path / "kommune"
    folder.mkdir()
    (folder / "spoergeguide.yaml").write_text(text, "utf-8")

    library = ContentLibrary.load(content_dir(), [folder])

    assert [(e.file, e.line) for e in library.rejected] == [("spoergeguide.yaml", line)]
    assert reason in library.rejected[0].reason
    # The standard guide stays in use.
    assert library.guide("standard").version == 1
    assert library.version("conversation_guide", "standard", 2) is None
    assert [g.id for g in library.guides()] == ["standard"]


def test_guide_without_a_next_steps_section_is_rejected(tmp_path):
    text = STANDARD.read_text("utf-8").replace("version: 1\n", "version: 2\n", 1)
    text = text.replace("    kind: next_steps\n", "    kind: general\n", 1)
    (tmp_path / "guide.yaml").write_text(text, "utf-8")

    library = ContentLibrary.load(content_dir(), [tmp_path])

    # A whole-list problem is reported at the list's first entry.
    assert [(e.file, e.line) for e in library.rejected] == [("guide.yaml", _line_of(text, "- id: formaal"))]
    assert "needs one section of kind next_steps" in library.rejected[0].reason


def test_municipal_standard_version_2_becomes_the_newest(tmp_path):
    text = STANDARD.read_text("utf-8").replace("version: 1\n", "version: 2\n", 1)
    text = text.replace('title: {da: "Jeres historie"', 'title: {da: "Jeres historie i kommunen"', 1)
    (tmp_path / "standard-v2.yaml").write_text(text, "utf-8")

    library = ContentLibrary.load(content_dir(), [tmp_path])

    assert library.rejected == []
    assert library.guide("standard").version == 2
    assert library.guide().section("familiens_historie").title.da == "Jeres historie i kommunen"
    assert [(g.id, g.version) for g in library.guides()] == [("standard", 2)]
    # Conversations made with version 1 still find it.
    assert library.guide("standard", 1).section("familiens_historie").title.da == "Jeres historie"
    with pytest.raises(KeyError):
        library.guide("standard", 3)


def test_the_greve_example_loads_as_a_municipal_guide(tmp_path):
    shutil.copy(GREVE_EXAMPLE, tmp_path / GREVE_EXAMPLE.name)

    library = ContentLibrary.load(content_dir(), [tmp_path])

    assert library.rejected == []
    assert [g.id for g in library.guides()] == ["standard", "greve"]
    greve = library.guide("greve")
    assert greve.version == 1 and len(greve.sections_of_kind("problem_area")) == len(PROBLEM_AREAS)
    assert {p.id for p in prompts_for(greve.member_section, "sibling", 4)} == {"styrker", "lille_barn"}
    assert {p.id for p in prompts_for(greve.member_section, "parent", 40)} == {"styrker"}


def test_municipal_vocabulary_must_keep_the_six_problem_areas(tmp_path):
    text = VOCABULARY.read_text("utf-8").replace("version: 1\n", "version: 2\n", 1)
    text = text.replace("  - code: health_system\n", "  - code: health_services\n", 1)
    (tmp_path / "ordliste.yaml").write_text(text, "utf-8")

    library = ContentLibrary.load(content_dir(), [tmp_path])

    assert [(e.file, e.line) for e in library.rejected] == [("ordliste.yaml", _line_of(text, "- code: health_literacy"))]
    assert "health_system" in library.rejected[0].reason
    assert library.vocabulary.header.version == 1


def test_municipal_coping_scale_replaces_the_shipped_one(tmp_path):
    text = VOCABULARY.read_text("utf-8").replace("version: 1\n", "version: 2\n", 1)
    text = text[:text.index("coping_levels:")] + (
        "coping_levels:\n"
        '  - {code: lav_stoette, label: "Let støtte", source: "seed-001 L733-738"}\n'
        '  - {code: hoej_stoette, label: "Tæt støtte", source: "seed-001 L733-738"}\n'
    )
    (tmp_path / "ordliste.yaml").write_text(text, "utf-8")

    library = ContentLibrary.load(content_dir(), [tmp_path])

    assert library.rejected == []
    assert [t.code for t in library.vocabulary.coping_levels] == ["lav_stoette", "hoej_stoette"]
    assert library.version("conversation_vocabulary", "vocabulary", 1).coping_level("medium") is not None


# ---- snapshots


def test_snapshot_round_trip_equals_the_parsed_guide(content):
    guide = content.guide("standard")
    snapshot = guide_to_snapshot(guide)

    stored = json.loads(json.dumps(snapshot, ensure_ascii=False))
    assert guide_from_snapshot(stored) == guide
    assert stored["id"] == "standard" and stored["version"] == 1
    assert len(stored["sections"]) == len(STANDARD_PARTS)
    assert guide_from_snapshot(stored).member_section.prompts == guide.member_section.prompts


def test_snapshot_of_a_municipal_guide_outlives_its_file(tmp_path):
    path = tmp_path / GREVE_EXAMPLE.name
    shutil.copy(GREVE_EXAMPLE, path)
    snapshot = json.dumps(guide_to_snapshot(ContentLibrary.load(content_dir(), [tmp_path]).guide("greve")))
    path.unlink()

    library = ContentLibrary.load(content_dir(), [tmp_path])
    with pytest.raises(KeyError):
        library.guide("greve")
    old = guide_from_snapshot(json.loads(snapshot))
    assert old == parse_file(GREVE_EXAMPLE)
    assert [s.id for s in old.sections][:2] == ["velkommen", "medlem"]


@pytest.mark.parametrize("damage", [
    lambda s: s.pop("sections"),
    lambda s: s.update(snapshot_format=99),
    lambda s: s["sections"][0].update(title="only a text"),
    lambda s: s["sections"][2]["prompts"][3].update(min_age="three"),
])
def test_damaged_snapshot_raises_a_content_error(content, damage):
    snapshot = guide_to_snapshot(content.guide("standard"))
    damage(snapshot)

    with pytest.raises(ContentError) as caught:
        guide_from_snapshot(snapshot)

    assert caught.value.file == "guide snapshot"
