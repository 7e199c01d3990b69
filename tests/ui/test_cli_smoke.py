"""``tovholder --smoke-test`` as a new process: starts, opens a temporary profile, renders, exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_smoke_test_renders_the_main_window_and_leaves_nothing_behind(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "app", "--smoke-test"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "main window rendered with 3 cases" in result.stdout
    # The temporary profile is removed again.
    assert not any(tmp_path.iterdir())


def test_smoke_test_in_a_basedir_keeps_the_profile(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "app", "--smoke-test", "--basedir", str(tmp_path / "p")],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "p" / "data" / "tovholder.key.json").exists()
    assert (tmp_path / "p" / "logs" / "tovholder.log").exists()


def test_smoke_test_leaves_an_existing_profile_alone(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    basedir = tmp_path / "p"
    demo = subprocess.run([sys.executable, "-m", "app", "demo", "--basedir", str(basedir), "--families", "2",
                           "--password", "demo1234"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert demo.returncode == 0, demo.stderr
    before = {f: f.read_bytes() for f in (basedir / "data").iterdir() if f.is_file()}

    result = subprocess.run([sys.executable, "-m", "app", "--smoke-test", "--basedir", str(basedir)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stderr
    assert "main window rendered with 3 cases" in result.stdout and "left alone" in result.stdout
    assert {f: f.read_bytes() for f in (basedir / "data").iterdir() if f.is_file()} == before
    assert "smoke test" in (basedir / "logs" / "tovholder.log").read_text("utf-8")
    assert not any((tmp_path / "tmp").iterdir())  # the temporary profile is gone again
