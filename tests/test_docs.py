"""The project explains itself from its own files: every path the README and docs/ name exists, and no
link points outside the repository (a newcomer may have cloned only this repository)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "bench" / "README.md"]
TOP = ("app/", "docs/", "tests/", "bench/", "tools/", "resources/", "installers/", "server/", ".ci/")
PATH = re.compile(r"`((?:{})[^`\s]*)`".format("|".join(re.escape(t) for t in TOP)))
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _named_paths(text: str) -> list[str]:
    found = []
    for raw in PATH.findall(text):
        path = raw.split("::")[0].rstrip(".,:;)")
        path = re.sub(r"\{[^}]*\}.*$", "", path)  # `services/{a,b}.py` names a folder
        if "<" in path:  # a placeholder: `app/services/<feature>/`
            continue
        found.append(path)
    return found


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_path_the_docs_name_exists(doc):
    text = doc.read_text(encoding="utf-8")
    missing = [p for p in _named_paths(text) if not (any(ROOT.glob(p)) if "*" in p else (ROOT / p).exists())]
    assert missing == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_link_points_outside_the_repository(doc):
    text = doc.read_text(encoding="utf-8")
    outside = list(re.findall(r"[`(\s](\.\./[^`)\s]*)", text))
    outside += [link for link in LINK.findall(text) if link.startswith(("..", "/"))]
    assert outside == []


def test_the_checks_see_a_bad_path_and_an_outside_link():
    assert _named_paths("see `app/nowhere.py` and `docs/x.md`") == ["app/nowhere.py", "docs/x.md"]
    assert not (ROOT / "app/nowhere.py").exists()
    assert re.findall(r"[`(\s](\.\./[^`)\s]*)", "read `../shared/STYLE.md`") == ["../shared/STYLE.md"]
