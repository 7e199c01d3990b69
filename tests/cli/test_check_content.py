"""``tovholder check-content FILE...``: IT checks a content file the way the app does, fast, on every
hostile file; ``FILE:LINE: reason`` for each problem, exit 0 / 1 / 2."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli.main import main
from app.core.resources import content_dir, resources_dir
from tests.content.hostile import HOSTILE, Hostile

ROOT = Path(__file__).resolve().parents[2]
GREVE = resources_dir() / "examples" / "greve-spoergeguide.yaml"


def check(capsys, *args: str) -> tuple[int, list[str], str]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    code = main(["check-content", *args])
    assert time.perf_counter() - started < 2.0
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


@pytest.mark.parametrize("hostile", HOSTILE, ids=lambda h: h.name)
def test_a_hostile_file_is_refused_with_file_line_and_reason(capsys, tmp_path, hostile: Hostile):
    path = tmp_path / hostile.file
    path.write_bytes(hostile.data)
    code, lines, _ = check(capsys, "--lang", "en", str(path))
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}:{hostile.line}: ")
    assert hostile.words in lines[0]


def test_good_files_pass(capsys, tmp_path):
    code, lines, _ = check(capsys, str(GREVE), str(content_dir() / "offers.yaml"))
    assert code == 0
    assert lines and "2" in lines[-1]


def test_every_problem_of_several_files_is_printed_and_a_folder_is_checked_whole(capsys, tmp_path):
    for hostile in HOSTILE[:3]:
        (tmp_path / hostile.file).write_bytes(hostile.data)
    shutil.copy(GREVE, tmp_path / "greve.yaml")
    code, lines, _ = check(capsys, "--lang", "en", str(tmp_path))
    assert code == 1
    assert sorted(line.split(":")[0] for line in lines) == sorted(str(tmp_path / h.file) for h in HOSTILE[:3])


def test_it_checks_the_kind_and_the_fields_like_the_app(capsys, tmp_path):
    path = tmp_path / "guide.yaml"
    text = GREVE.read_text("utf-8")
    lines = text.splitlines()
    line_no = next(i for i, line in enumerate(lines, start=1) if line.strip().startswith("kind: general"))
    lines[line_no - 1] = lines[line_no - 1].replace("kind: general", "kind: gossip")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    code, out, _ = check(capsys, "--lang", "en", str(path))
    assert code == 1 and out[0].startswith(f"{path}:{line_no}: ") and "gossip" in out[0]

    path.write_text("kind: teleport\nid: x\nversion: 1\n", "utf-8")
    code, out, _ = check(capsys, "--lang", "en", str(path))
    assert (code, out) == (1, [f"{path}:1: unknown content kind 'teleport'"])


def test_it_checks_references_to_the_shipped_content(capsys, tmp_path):
    path = tmp_path / "offers.yaml"
    text = (content_dir() / "offers.yaml").read_text("utf-8")
    text = text.replace("version: ", "version: 7", 1)
    area = next(line.split("[")[1].split(",")[0].split("]")[0].strip()
                for line in text.splitlines() if "problem_areas:" in line and "[" in line)
    text = text.replace(area, "no_such_area", 1)
    path.write_text(text, "utf-8")
    code, out, _ = check(capsys, "--lang", "en", str(path))
    assert code == 1
    assert "no_such_area" in out[0] and out[0].startswith(f"{path}:")


def test_reasons_are_danish_by_default_and_english_on_request(capsys, tmp_path):
    from PySide6.QtCore import QTranslator

    from app.core.resources import i18n_dir

    path = tmp_path / HOSTILE[0].file
    path.write_bytes(HOSTILE[0].data)
    _, english, _ = check(capsys, "--lang", "en", str(path))
    _, default, _ = check(capsys, str(path))
    translator = QTranslator()
    assert translator.load(str(i18n_dir() / "tovholder_da.qm"))
    danish = translator.translate("Content", "anchors (&{name}) are not allowed in content files")
    assert english == [f"{path}:4: anchors (&lol0) are not allowed in content files"]
    assert default == [f"{path}:4: " + (danish or "anchors (&{name}) are not allowed in content files")
                       .format(name="lol0")]


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>Content</name>
    <message>
        <source>anchors (&amp;{name}) are not allowed in content files</source>
        <translation>ankre (&amp;{name}) er ikke tilladt i indholdsfiler</translation>
    </message>
</context>
</TS>
"""


def test_the_danish_text_comes_from_the_apps_translation_file(capsys, tmp_path, monkeypatch):
    """Independent of the state of the shipped catalogue: a catalogue with one Danish reason is used."""
    from app.core import resources

    folder = tmp_path / "i18n"
    folder.mkdir()
    (folder / "tovholder_da.ts").write_text(TS, "utf-8")
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    subprocess.run([lrelease, str(folder / "tovholder_da.ts"), "-qm", str(folder / "tovholder_da.qm")],
                   check=True, capture_output=True, timeout=60)
    monkeypatch.setattr(resources, "i18n_dir", lambda: folder)
    path = tmp_path / HOSTILE[0].file
    path.write_bytes(HOSTILE[0].data)
    _, lines, _ = check(capsys, str(path))
    assert lines == [f"{path}:4: ankre (&lol0) er ikke tilladt i indholdsfiler"]


def test_usage_errors_exit_2(capsys, tmp_path):
    code, _, err = check(capsys, str(tmp_path / "missing.yaml"))
    assert code == 2 and "missing.yaml" in err
    with pytest.raises(SystemExit) as caught:
        main(["check-content"])
    assert caught.value.code == 2


def test_the_installed_command_runs_headless(tmp_path):
    path = tmp_path / HOSTILE[0].file
    path.write_bytes(HOSTILE[0].data)
    done = subprocess.run([sys.executable, "-m", "app.cli.main", "check-content", "--lang", "en", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stdout == f"{path}:4: anchors (&lol0) are not allowed in content files\n"
    assert done.stderr == ""
