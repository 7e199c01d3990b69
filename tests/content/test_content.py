"""The content files: the shipped ones load and cite their sources; the four case templates have
their phases and steps in the order the YAML gives; a municipality's malformed file is rejected with
its file name and line, and the shipped content stays in use.
"""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from app.content.catalogues import PHASES
from app.content.library import PARSERS, ContentLibrary, parse_file
from app.core.errors import ContentError
from app.core.resources import content_dir

TEMPLATES = ("herning", "svendborg", "greve", "generisk")
CONTENT_FILES = sorted(content_dir().rglob("*.yaml"))
CITATION = re.compile(r"^(seed-\d{3} L\d+|legal\.md §|domain README §)")


def _yaml(template_id: str) -> dict:
    return yaml.safe_load((content_dir() / "case_templates" / f"{template_id}.yaml").read_text("utf-8"))


# ---- what ships


def test_all_shipped_content_loads_without_rejections(content):
    assert content.rejected == []
    assert set(content.items) == set(PARSERS)
    assert sorted(t.id for t in content.templates()) == sorted(TEMPLATES)
    assert content.templates()[-1].id == "generisk"  # offered last


def test_every_shipped_file_is_content():
    assert {p.parent.name for p in CONTENT_FILES} == {"content", "case_templates", "guides"}
    for path in CONTENT_FILES:
        assert parse_file(path).header.file == path.name


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_template_has_the_phases_and_steps_of_its_yaml_in_order(content, template_id):
    raw = _yaml(template_id)
    template = content.template(template_id)

    assert template.version == raw["version"]
    assert [p.code for p in template.phases] == [p["code"] for p in raw["phases"]] == list(PHASES)
    assert [p.label.da for p in template.phases] == [p["label"]["da"] for p in raw["phases"]]
    assert [
        (s.code, s.phase, s.kind, s.label.da, s.label.en, s.done_at_referral, s.optional,
         list(s.requires_consent), s.due_days)
        for s in template.steps
    ] == [
        (s["code"], s["phase"], s["kind"], s["label"]["da"], s["label"]["en"],
         s.get("done_at_referral", False), s.get("optional", False), s.get("requires_consent", []),
         s.get("due_days"))
        for s in raw["steps"]
    ]


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_template_course_shape(content, template_id):
    steps = content.template(template_id).steps
    phase_index = [PHASES.index(s.phase) for s in steps]

    assert phase_index == sorted(phase_index)  # phase I, then II, then III
    assert steps[0].done_at_referral and steps[0].kind == "referral"
    assert steps[1].kind == "consent"  # consent first
    assert steps[-1].kind == "closure"
    # Every step after the consent step needs the family's participation, except follow-up and closure.
    assert all("participation" in s.requires_consent for s in steps[2:] if s.kind not in ("follow_up", "closure"))


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: p.name)
def test_every_content_file_cites_its_sources(path):
    item = parse_file(path)

    assert item.header.sources, f"{path.name} cites no sources"
    for source in item.header.sources:
        assert CITATION.match(source), f"{path.name}: {source!r} is not a citation"
    for step in getattr(item, "steps", ()):
        assert CITATION.match(step.source), f"{path.name} step {step.code}: {step.source!r}"
    for level in getattr(item, "levels", ()):
        assert CITATION.match(level.source), f"{path.name} level {level.level}: {level.source!r}"


def test_broken_shipped_content_is_a_bug_and_raises(tmp_path):
    builtin = tmp_path / "content"
    shutil.copytree(content_dir(), builtin)
    consent = builtin / "consent.yaml"
    consent.write_text(consent.read_text("utf-8").replace("  - code: participation\n", "  - code: deltagelse\n"),
                       "utf-8")

    with pytest.raises(ContentError) as caught:
        ContentLibrary.load(builtin)

    assert caught.value.file == "consent.yaml"
    assert "participation" in caught.value.reason


# ---- a municipality's own files


def _line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line containing ``fragment``."""
    hits = [number for number, line in enumerate(text.splitlines(), start=1) if fragment in line]
    return hits[occurrence - 1]


def _municipal_herning(change) -> tuple[str, int]:
    """Herning's template as version 2 with one defect; returns the text and the defect's line."""
    text = (content_dir() / "case_templates" / "herning.yaml").read_text("utf-8")
    text = text.replace("version: 1\n", "version: 2\n", 1)
    return change(text)


def _syntax_error(text: str) -> tuple[str, int]:
    text = text.replace("version: 2\n", "\tversion: 2\n", 1)
    return text, _line_of(text, "version: 2")


def _missing_label(text: str) -> tuple[str, int]:
    label = '    label: {da: "Afklarende samtale (Læring og Mestring)"'
    text = "\n".join(line for line in text.splitlines() if not line.startswith(label)) + "\n"
    return text, _line_of(text, "- code: afklarende_samtale")


def _unknown_kind(text: str) -> tuple[str, int]:
    text = text.replace("kind: offers\n", "kind: teleport\n", 1)
    return text, _line_of(text, "kind: teleport")


def _duplicate_code(text: str) -> tuple[str, int]:
    text = text.replace("- code: indsats\n", "- code: samtykke\n", 1)
    return text, _line_of(text, "- code: samtykke", occurrence=2)


def _unknown_key(text: str) -> tuple[str, int]:
    text = text.replace("    optional: true\n", "    optionel: true\n", 1)
    return text, _line_of(text, "optionel: true")


def _phase_order(text: str) -> tuple[str, int]:
    text = text.replace("  - code: opfoelgning\n    phase: III\n", "  - code: opfoelgning\n    phase: I\n", 1)
    return text, _line_of(text, "- code: opfoelgning") + 1


DEFECTS = {
    "YAML syntax error": (_syntax_error, "YAML syntax"),
    "missing key": (_missing_label, "missing required key 'label'"),
    "unknown step kind": (_unknown_kind, "unknown step kind 'teleport'"),
    "duplicate step code": (_duplicate_code, "step code 'samtykke' appears twice"),
    "misspelt key": (_unknown_key, "unknown key 'optionel'"),
    "steps out of phase order": (_phase_order, "phase order"),
}


@pytest.mark.parametrize("defect", DEFECTS)
def test_malformed_municipal_file_is_rejected_with_file_and_line(tmp_path, defect):
    change, reason = DEFECTS[defect]
    text, line = _municipal_herning(change)
    extra = tmp_path / "kommune"
    extra.mkdir()
    (extra / "herning-kommune.yaml").write_text(text, "utf-8")

    library = ContentLibrary.load(content_dir(), [extra])

    assert [(e.file, e.line) for e in library.rejected] == [("herning-kommune.yaml", line)]
    assert reason in library.rejected[0].reason
    assert f"herning-kommune.yaml, line {line}:" in library.rejected[0].english()
    # The shipped template stays in use.
    assert library.template("herning").version == 1
    assert library.version("case_template", "herning", 2) is None


def test_valid_municipal_version_replaces_the_shipped_template(tmp_path):
    text, _ = _municipal_herning(lambda t: (t.replace("Afslutning", "Afslutning i Herning"), 0))
    (tmp_path / "herning-kommune.yaml").write_text(text, "utf-8")

    library = ContentLibrary.load(content_dir(), [tmp_path])

    assert library.rejected == []
    assert library.template("herning").version == 2
    assert library.template("herning").steps[-1].label.da == "Afslutning i Herning"
    assert library.template("herning", 1).steps[-1].label.da == "Afslutning"  # old cases keep theirs


def test_municipal_file_reusing_a_shipped_version_is_rejected(tmp_path):
    text = (content_dir() / "case_templates" / "greve.yaml").read_text("utf-8")
    (tmp_path / "greve.yaml").write_text(text.replace("Greve-modellen", "Greve (lokal)"), "utf-8")

    library = ContentLibrary.load(content_dir(), [tmp_path])

    assert [e.file for e in library.rejected] == ["greve.yaml"]
    assert "higher version" in library.rejected[0].reason
    assert library.template("greve").title.da == "Greve-modellen"


def test_one_bad_municipal_file_does_not_stop_the_good_ones(tmp_path):
    good, _ = _municipal_herning(lambda t: (t, 0))
    bad, _ = _municipal_herning(_unknown_kind)
    (tmp_path / "a-good.yaml").write_text(good, "utf-8")
    sub = tmp_path / "svendborg"
    sub.mkdir()
    (sub / "b-bad.yaml").write_text(bad.replace("id: herning", "id: herning-b"), "utf-8")
    (tmp_path / "c-not-utf8.yaml").write_bytes("kind: case_template\nid: x\ntitle: Århus\n".encode("latin-1"))

    library = ContentLibrary.load(content_dir(), [tmp_path, tmp_path / "does-not-exist"])

    assert library.template("herning").version == 2
    assert sorted((e.file, e.line) for e in library.rejected) == [
        ("b-bad.yaml", _line_of(bad, "kind: teleport")),
        ("c-not-utf8.yaml", 3),  # the line with the Latin-1 'Å'
    ]
    with pytest.raises(KeyError):
        library.template("herning-b")


def test_rejected_file_is_named_in_the_log_without_its_content(tmp_path, caplog):
    text, line = _municipal_herning(_unknown_kind)
    (tmp_path / "herning-kommune.yaml").write_text(text, "utf-8")

    ContentLibrary.load(content_dir(), [tmp_path])

    assert f"herning-kommune.yaml line {line}" in caplog.text
