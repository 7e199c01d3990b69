"""A municipality's content file can never lock her out or hang the app: every hostile file is refused
quickly, with its file, its real line and the reason, by both routes (dropped into ``config/content/``
and read at unlock; loaded in Indstillinger through ``Workspace.install_content``), and the shipped
content stays in use."""

from __future__ import annotations

import os
import sys
import time

import pytest
import yaml

from app.content import reader
from app.content.library import ContentLibrary, parse_file
from app.core.errors import ContentError
from app.core.resources import content_dir
from app.core.settings import Policy, Settings
from app.services.cases.dto import CaseFilter
from app.services.workspace import unlock
from tests.conftest import PASSWORD, TODAY
from tests.content.hostile import HEADER, HOSTILE, Hostile

TIME_BOUND_S = 2.0  # generous: each of these is refused in milliseconds


def _refused_in_time(call) -> ContentError:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    with pytest.raises(ContentError) as caught:
        call()
    assert time.perf_counter() - started < TIME_BOUND_S
    return caught.value


@pytest.mark.parametrize("hostile", HOSTILE, ids=lambda h: h.name)
@pytest.mark.parametrize("loader", [reader.C_LOADER, reader.PYTHON_LOADER], ids=["libyaml", "python"])
def test_the_reader_refuses_it_with_its_line_and_reason(tmp_path, hostile: Hostile, loader):
    path = tmp_path / hostile.file
    path.write_bytes(hostile.data)
    refused = _refused_in_time(lambda: reader.read_yaml(path, loader=loader))
    assert (refused.file, refused.line) == (hostile.file, hostile.line)
    assert hostile.words in refused.reason


@pytest.mark.parametrize("hostile", HOSTILE, ids=lambda h: h.name)
def test_dropped_into_config_content_it_is_refused_at_unlock_and_the_shipped_content_is_used(
        workspace, paths, hostile: Hostile):
    workspace.lock()
    paths.municipal_content_dir.mkdir(parents=True, exist_ok=True)
    (paths.municipal_content_dir / hostile.file).write_bytes(hostile.data)
    (paths.municipal_content_dir / "fine.yaml").write_bytes(
        (content_dir() / "guides" / "standard.yaml").read_bytes().replace(b"version: ", b"version: 9", 1))

    started = time.perf_counter()
    opened = unlock(paths, PASSWORD, Settings.load(paths.settings_file), Policy(), today=lambda: TODAY)
    try:
        assert time.perf_counter() - started < TIME_BOUND_S + 1  # the unlock itself (fast KDF) included
        assert [(e.file, e.line) for e in opened.content.rejected] == [(hostile.file, hostile.line)]
        assert hostile.words in opened.content.rejected[0].reason
        # The shipped content is in use, and so is the municipality's other, good file.
        assert opened.content.guide("standard").version >= 90
        assert opened.content.consent.scope("participation") is not None
        assert opened.cases.search(CaseFilter()).items == ()  # she is in: her (empty) case list
    finally:
        opened.store.close()


@pytest.mark.parametrize("hostile", HOSTILE, ids=lambda h: h.name)
def test_loaded_in_settings_it_is_refused_and_not_installed(workspace, paths, tmp_path, hostile: Hostile):
    source = tmp_path / hostile.file
    source.write_bytes(hostile.data)
    guides_before = [guide.id for guide in workspace.content.guides()]

    refused = _refused_in_time(lambda: workspace.install_content(source))

    assert (refused.file, refused.line) == (hostile.file, hostile.line)
    assert hostile.words in refused.reason
    assert not (paths.municipal_content_dir / hostile.file).exists()
    assert [guide.id for guide in workspace.content.guides()] == guides_before


def test_a_file_that_replaces_an_installed_one_is_checked_as_installed(workspace, paths, tmp_path):
    """The bytes taken into use are the bytes that were checked (the file is read once)."""
    source = tmp_path / "kommunens.yaml"
    good = (content_dir() / "guides" / "standard.yaml").read_bytes().replace(b"id: standard", b"id: kommunens", 1)
    source.write_bytes(good)
    workspace.install_content(source)
    assert (paths.municipal_content_dir / "kommunens.yaml").read_bytes() == good

    source.write_bytes(HOSTILE[0].data)
    _refused_in_time(lambda: workspace.install_content(source))
    assert (paths.municipal_content_dir / "kommunens.yaml").read_bytes() == good


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_in_config_content_does_not_hang_loading(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    started = time.perf_counter()
    library = ContentLibrary.load(content_dir(), [tmp_path])
    assert time.perf_counter() - started < TIME_BOUND_S
    assert [(e.file, e.reason) for e in library.rejected] == [("pipe.yaml", "this is not a regular file")]


def test_every_known_tag_is_still_read_and_every_other_is_refused(tmp_path):
    path = tmp_path / "tags.yaml"
    path.write_text("a: !!str 12\nb: !!int '7'\nc: !!bool 'true'\nd: !!null ''\ne: !!float '1.5'\n"
                    "f: !!seq [x]\ng: !!map {x: 1}\nh: =\ni: <<\n", "utf-8")
    tree = reader.read_yaml(path)
    values = {key: node.value for key, node in tree.entries.items() if isinstance(node, reader.Scalar)}
    assert values == {"a": "12", "b": 7, "c": True, "d": None, "e": 1.5, "h": "=", "i": "<<"}
    for text, line in (("a: 1\nb: !!binary aGk=\n", 2), ("a: 1\nb: !!set {x}\n", 2), ("a: ! x\n", 1),
                       ("a: 1\nb: !!timestamp 2026-01-01\n", 2), ("a: !!map x\n", 1), ("a: !!str [x]\n", 1),
                       ("--- !!python/object:builtins.dict\na: 1\n", 1),
                       ("%TAG !k! tag:kommune.dk,2026:\n---\na: !k!guide x\n", 3)):
        path.write_text(text, "utf-8")
        refused = _refused_in_time(lambda: reader.read_yaml(path))
        assert refused.line == line and "is not allowed" in refused.reason, text


def test_limits_name_what_was_too_much(tmp_path):
    path = tmp_path / "wide.yaml"
    path.write_text("kind: x\nitems:\n" + "".join(f"  - item {i}\n" for i in range(10_001)), "utf-8")
    refused = _refused_in_time(lambda: reader.read_yaml(path))
    assert (refused.line, refused.reason) == (10_003, "a list or mapping has more than 10000 entries")

    path.write_text("kind: x\n" + "".join(f"k{i}: [a, b, c, d, e, f, g, h, i]\n" for i in range(10_000)), "utf-8")
    refused = _refused_in_time(lambda: reader.read_yaml(path))
    assert refused.reason == "the file holds more than 100000 values"


def test_a_file_just_within_the_limits_is_read(tmp_path):
    path = tmp_path / "big-but-fine.yaml"
    text = "kind: x\ntext: " + "y" * reader.LIMITS.max_text + "\nnested: " + "[" * 49 + "]" * 49 + "\n"
    path.write_text(text, "utf-8")
    tree = reader.read_yaml(path)
    assert len(tree.get_str("text")) == reader.LIMITS.max_text


def test_a_parser_bug_is_a_refusal_of_the_file_not_a_crash(tmp_path, monkeypatch):
    from app.content import library

    def broken(root):  # type: ignore[no-untyped-def]
        raise RecursionError("a parser that recursed too far")

    monkeypatch.setitem(library.PARSERS, "conversation_guide", broken)
    path = tmp_path / "guide.yaml"
    path.write_text(HEADER, "utf-8")
    refused = _refused_in_time(lambda: parse_file(path))
    assert refused.reason == "the file could not be read as conversation_guide"


def test_no_yaml_error_or_recursion_escapes_for_any_hostile_file(tmp_path):
    """Belt and braces: the library route turns each of them into a rejection, never an exception."""
    for hostile in HOSTILE:
        (tmp_path / hostile.file).write_bytes(hostile.data)
    started = time.perf_counter()
    library = ContentLibrary.load(content_dir(), [tmp_path])
    assert time.perf_counter() - started < TIME_BOUND_S * 2
    assert sorted(e.file for e in library.rejected) == sorted(h.file for h in HOSTILE)
    assert sys.getrecursionlimit() >= 1000  # nothing lowered it to pass
    assert yaml.__with_libyaml__ == (reader.C_LOADER is not None)
