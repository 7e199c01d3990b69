"""``tovholder verify --basedir DIR``: IT checks a profile's database integrity, its migrations and its
whole audit trail against the anchor; a plain report, exit 0 all fine, 1 a problem found, 2 cannot open.
It writes nothing."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import main
from app.models.schema import head_revision
from app.security.database import open_engine
from app.security.keyfile import KeyFile
from tests.conftest import PASSWORD
from tests.helpers.families import family

ROOT = Path(__file__).resolve().parents[2]
FAMILY = "Familien Skovbjerg"


def verify(capsys, monkeypatch, basedir: Path, password: str = PASSWORD) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
    code = main(["verify", "--basedir", str(basedir), "--password-stdin"])
    out, err = capsys.readouterr()
    return code, out, err


def _raw(paths, *statements: str) -> None:
    """Someone with the data key and any SQLite tool."""
    engine = open_engine(paths.database, KeyFile.load(paths.key_file).unwrap_with_password(PASSWORD))
    try:
        with engine.begin() as conn:
            for sql in statements:
                conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def _files(paths) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(paths.data_dir.iterdir())
            if p.is_file()}


@pytest.fixture
def profile(workspace):
    """A profile started (checked and anchored), used, and locked; its folder."""
    workspace.check_audit_trail()
    case_id = workspace.cases.create_case(family(FAMILY)).id
    workspace.cases.overview(case_id)
    workspace.lock()
    return workspace.paths


def test_an_intact_profile_is_all_fine_and_nothing_is_written(capsys, monkeypatch, profile):
    before = _files(profile)

    code, out, _ = verify(capsys, monkeypatch, profile.data_dir.parent)

    assert code == 0
    assert "cipher_integrity_check: ok" in out and "integrity_check: ok" in out
    assert f"schema: revision {head_revision()}, the newest this app knows: ok" in out
    assert "audit trail: 5 entries, every link and hash checked: ok" in out
    assert "audit anchor: entry 2 verified at the last start, entry 5 the newest it saw" in out
    assert out.rstrip().endswith("result: all fine")
    assert _files(profile) == before


def test_deleted_newest_entries_are_a_problem(capsys, monkeypatch, profile):
    _raw(profile, "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log WHERE seq > 3")

    code, out, _ = verify(capsys, monkeypatch, profile.data_dir.parent)

    assert code == 1
    assert "PROBLEM: audit trail truncated: the anchor saw entry 5, the database ends at entry 3" in out
    assert "result: 1 problem(s) found" in out


def test_a_changed_entry_is_named_by_seq_and_action_only(capsys, monkeypatch, profile):
    _raw(profile, "DROP TRIGGER audit_log_no_update",
         "UPDATE audit_log SET detail = '{\"note\": \"Skovbjerg\"}' WHERE seq = 4")

    code, out, _ = verify(capsys, monkeypatch, profile.data_dir.parent)

    assert code == 1
    assert "PROBLEM: audit chain broken at entry 4 (case.open)" in out
    assert "Skovbjerg" not in out


def test_a_damaged_anchor_is_reported_not_a_crash(capsys, monkeypatch, profile):
    profile.audit_anchor.write_bytes(b"not an anchor")

    code, out, _ = verify(capsys, monkeypatch, profile.data_dir.parent)

    assert code == 1
    assert "PROBLEM: audit anchor damaged" in out
    assert "audit trail: 5 entries, every link and hash checked: ok" in out
    assert profile.audit_anchor.read_bytes() == b"not an anchor"  # left for IT to look at


def test_a_schema_behind_the_app_is_a_problem(capsys, monkeypatch, profile):
    _raw(profile, "UPDATE alembic_version SET version_num = '0006'")

    code, out, _ = verify(capsys, monkeypatch, profile.data_dir.parent)

    assert code == 1
    assert f"PROBLEM: schema: revision 0006, behind this app's {head_revision()}" in out


def test_a_damaged_page_is_a_problem(capsys, monkeypatch, profile):
    db = profile.database
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    data[5 * page + 100:5 * page + 164] = b"\x00" * 64
    db.write_bytes(bytes(data))

    code, out, _ = verify(capsys, monkeypatch, profile.data_dir.parent)

    assert code == 1
    assert "PROBLEM: cipher_integrity_check" in out


def test_a_wrong_password_or_no_profile_cannot_be_checked(capsys, monkeypatch, profile, tmp_path):
    code, out, err = verify(capsys, monkeypatch, profile.data_dir.parent, password="not the password")
    assert (code, out) == (2, "")
    assert "cannot open the profile: The password is not correct." in err

    code, out, err = verify(capsys, monkeypatch, tmp_path / "nothing-here")
    assert (code, out) == (2, "")
    assert "no profile in" in err


def test_the_password_comes_from_a_pipe_for_scripts(profile):
    done = subprocess.run([sys.executable, "-m", "app", "verify", "--basedir", str(profile.data_dir.parent),
                           "--password-stdin"], input=PASSWORD + "\n", cwd=ROOT, capture_output=True, text=True,
                          timeout=120)

    assert done.returncode == 0, done.stderr
    assert "result: all fine" in done.stdout



def test_a_badly_damaged_file_is_reported_in_a_few_lines():
    """SQLite can give hundreds of findings, many lines in one row: IT reads the first ten and a count."""
    from app.services import profile_check

    class Rows:
        def all(self):  # type: ignore[no-untyped-def]
            return [("*** in database main ***\n" + "\n".join(f"Tree 14 page {n}: error 11" for n in range(80)),)]

    class Conn:
        def exec_driver_sql(self, sql):  # type: ignore[no-untyped-def]
            return Rows()

    report = profile_check.ProfileReport()
    profile_check._pragma(Conn(), report, "integrity_check", ["ok"])
    assert report.lines[0] == "PROBLEM: integrity_check: 81 finding(s)"
    assert len(report.lines) == 1 + profile_check.MAX_LINES + 1 and report.lines[-1] == "  … and 71 more"
