"""The content reader gives the same located tree, and the same errors, with libyaml and without it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from app.content import reader
from app.content.library import ContentLibrary
from app.core.errors import ContentError
from app.core.resources import content_dir

SHIPPED = sorted(content_dir().rglob("*.yaml"))


def located(node: reader.Node):  # type: ignore[no-untyped-def]
    """The tree as plain values, each with the line it came from."""
    if isinstance(node, reader.Mapping):
        return ("map", node.line, {key: located(value) for key, value in node.entries.items()})
    if isinstance(node, reader.Sequence):
        return ("seq", node.line, [located(item) for item in node.items])
    assert isinstance(node, reader.Scalar)
    return ("scalar", node.line, type(node.value).__name__, node.value)


def test_libyaml_is_the_default_when_present():
    assert reader.FAST_LOADER is yaml.CSafeLoader


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_file_reads_the_same_with_both_parsers(path: Path):
    fast = reader.read_yaml(path, loader=reader.C_LOADER)
    python = reader.read_yaml(path, loader=reader.PYTHON_LOADER)
    assert located(fast) == located(python)
    assert fast.entries  # a real file, not an empty tree on both sides


def test_the_library_loads_through_libyaml(monkeypatch):
    composed: list[type] = []
    real_build = reader._build

    def spy(text, file, loader, limits):  # type: ignore[no-untyped-def]
        composed.append(loader)
        return real_build(text, file, loader, limits)

    monkeypatch.setattr(reader, "_build", spy)
    library = ContentLibrary.load(content_dir())
    assert library.consent.scope("participation") is not None
    assert composed and set(composed) == {yaml.CSafeLoader}


def test_scalars_keep_their_types_and_lines(tmp_path):
    path = tmp_path / "types.yaml"
    path.write_text("id: x\nversion: 3\nratio: 1.5\noptional: true\nnothing:\nwhen: 2026-11-22\n"
                    "text: |\n  line one\n  line two\nlist:\n  - a\n  - 7\n", "utf-8")
    fast = reader.read_yaml(path, loader=reader.C_LOADER)
    assert located(fast) == located(reader.read_yaml(path, loader=reader.PYTHON_LOADER))
    assert fast.get_int("version") == 3
    assert fast.get_bool("optional") is True
    assert fast.entries["text"].line == 7
    assert [item.line for item in fast.get_seq("list")] == [11, 12]


BAD_FILES = {
    "tab_indent": ("id: x\nitems:\n  - a\n\t- b\n", 4),
    "unclosed_quote": ('id: x\nlabel: "never closed\nversion: 1\n', 4),
    "mapping_in_scalar": ("id: x\ntitle: a: b\n", 2),
    "bad_indent": ("id: x\nsteps:\n  - code: a\n   label: b\n", 4),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_syntax_error_has_the_same_line_and_words_with_both_parsers(tmp_path, name):
    text, expected_line = BAD_FILES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(yaml.MarkedYAMLError):
        yaml.compose(text, Loader=yaml.CSafeLoader)  # libyaml does reject it itself

    errors = []
    for loader in (reader.C_LOADER, reader.PYTHON_LOADER):
        with pytest.raises(ContentError) as caught:
            reader.read_yaml(path, loader=loader)
        errors.append((caught.value.file, caught.value.line, caught.value.reason))
    assert errors[0] == errors[1]
    file, line, reason = errors[0]
    assert (file, line) == (path.name, expected_line)
    assert reason.startswith("YAML syntax: ")


def test_a_duplicate_key_names_its_second_line_with_both_parsers(tmp_path):
    path = tmp_path / "twice.yaml"
    path.write_text("id: x\nversion: 1\nlabel: a\nversion: 2\n", "utf-8")
    for loader in (reader.C_LOADER, reader.PYTHON_LOADER):
        with pytest.raises(ContentError) as caught:
            reader.read_yaml(path, loader=loader)
        assert (caught.value.line, caught.value.reason) == (4, "key 'version' appears twice")
