"""The command line, run as a user would run it: ``--version`` and the ``demo`` command.

(``--smoke-test`` needs the UI and is tested with it.)
"""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.core.paths import AppPaths
from app.core.settings import Policy, Settings
from app.services.cases.dto import CaseFilter
from app.services.workspace import unlock
from tests.helpers.files import snapshot

ROOT = Path(__file__).resolve().parents[2]


def _tovholder() -> list[str]:
    """The installed ``tovholder`` command, or ``python -m app`` where it is not installed."""
    script = shutil.which("tovholder", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "app"]


def _run(*args: str, command: list[str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*(command or _tovholder()), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_python_m_app_prints_the_version():
    result = _run("--version", command=[sys.executable, "-m", "app"])

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Tovholder {__version__}"


def test_demo_creates_a_profile_that_unlock_opens_with_its_families(tmp_path, content):
    basedir = tmp_path / "demo-profile"

    result = _run("demo", "--basedir", str(basedir), "--families", "5", "--password", "demo")

    assert result.returncode == 0, result.stderr
    assert "5 syntetiske familier" in result.stderr
    paths = AppPaths.for_basedir(basedir)
    workspace = unlock(paths, "demo", Settings.load(paths.settings_file), Policy(), content=content)
    try:
        cases = workspace.cases.search(CaseFilter())
        assert cases.total == 5
        assert workspace.profile.name == "Hanne Demo"
        assert all(item.family_name.startswith("Familien ") for item in cases.items)
    finally:
        workspace.lock()
    # Every file the command made, the log included, is readable by the OS user only.
    made = [f for f in basedir.rglob("*") if f.is_file()]
    assert paths.log_file in made and paths.database in made
    assert {f.name: stat.S_IMODE(f.stat().st_mode) & 0o077 for f in made} == {f.name: 0 for f in made}


@pytest.mark.parametrize("content_before", ["a profile", "other files"])
def test_demo_refuses_a_folder_that_is_not_empty(tmp_path, content_before):
    basedir = tmp_path / "busy"
    if content_before == "a profile":
        assert _run("demo", "--basedir", str(basedir), "--families", "1", "--password", "demo").returncode == 0
    else:
        basedir.mkdir()
        (basedir / "indkøbsliste.txt").write_text("mælk, rugbrød\n", "utf-8")
    before = snapshot(basedir)

    result = _run("demo", "--basedir", str(basedir), "--families", "2", "--password", "demo")

    assert result.returncode == 2
    assert "choose an empty folder" in result.stderr
    assert snapshot(basedir) == before


def test_demo_without_basedir_refuses(tmp_path):
    result = _run("demo", "--families", "2", "--password", "demo")

    assert result.returncode == 2
    assert "--basedir DIR is required" in result.stderr


def test_demo_needs_a_password(tmp_path):
    result = _run("demo", "--basedir", str(tmp_path / "p"), "--families", "2")

    assert result.returncode == 2
    assert "--password" in result.stderr
    assert not (tmp_path / "p").exists()
