"""``tovholder backup`` and ``tovholder restore``: the round trip a laptop with a damaged database needs.

Create a profile, add families, back up, damage the database, restore: the families are there, the damaged
file is kept aside, and a backup that does not belong to the profile is refused with nothing changed.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
from pathlib import Path

import pytest

from app.cli.main import main
from app.core.errors import DatabaseDamagedError
from app.core.paths import AppPaths
from app.core.settings import Policy, Settings
from app.security.kdf import FAST_KDF
from app.services.cases.dto import CaseFilter, NewProfile
from app.services.workspace import create_profile, unlock
from tests.conftest import PASSWORD
from tests.helpers.families import family


def run(capsys, monkeypatch, *argv: str, stdin: str = PASSWORD + "\n") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def names(paths: AppPaths, content) -> list[str]:
    ws = unlock(paths, PASSWORD, Settings.load(paths.settings_file), Policy(), content=content)
    try:
        return sorted(item.family_name for item in ws.cases.search(CaseFilter()).items)
    finally:
        ws.lock()


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2:len(data) // 2 + 64] = bytes(64)
    path.write_bytes(bytes(data))


@pytest.fixture
def profile(workspace):
    workspace.cases.create_case(family("Skovbjerg"))
    workspace.cases.create_case(family("Ågård"))
    workspace.lock()
    return workspace.paths


def test_backup_damage_restore_round_trip(capsys, monkeypatch, profile, content):
    base = str(profile.data_dir.parent)
    code, out, err = run(capsys, monkeypatch, "backup", "--basedir", base, "--password-stdin")
    assert code == 0, err
    assert "Backup written" in out
    damage(profile.database)
    damaged_digest = hashlib.sha256(profile.database.read_bytes()).hexdigest()
    with pytest.raises(DatabaseDamagedError):
        names(profile, content)

    # From a script (the password on standard input) it never guesses which backup: --from is needed.
    code, out, err = run(capsys, monkeypatch, "restore", "--basedir", base, "--password-stdin")
    assert code == 1 and "--from FILE" in err
    assert hashlib.sha256(profile.database.read_bytes()).hexdigest() == damaged_digest  # nothing changed
    [made] = profile.backup_dir.glob("backup-*.db")

    code, out, err = run(capsys, monkeypatch, "restore", "--basedir", base, "--from", str(made), "--password-stdin")

    assert code == 0, err
    assert "Restored" in out
    assert names(profile, content) == ["Familien Skovbjerg", "Familien Ågård"]
    [aside] = profile.data_dir.glob("tovholder.db.damaged-*")
    assert hashlib.sha256(aside.read_bytes()).hexdigest() == damaged_digest  # kept, never deleted
    assert len(list(profile.backup_dir.glob("backup-*.db"))) == 1  # the backup itself stays


def test_restore_from_a_named_file_and_list_only(capsys, monkeypatch, profile, content):
    base = str(profile.data_dir.parent)
    assert run(capsys, monkeypatch, "backup", "--basedir", base, "--password-stdin")[0] == 0
    [made] = profile.backup_dir.glob("backup-*.db")

    code, out, _ = run(capsys, monkeypatch, "restore", "--basedir", base, "--list")
    assert code == 0 and made.name in out

    profile.database.write_bytes(b"")  # the worst case: an empty file
    code, out, err = run(capsys, monkeypatch, "restore", "--basedir", base, "--from", str(made),
                         "--password-stdin")
    assert code == 0, err
    assert names(profile, content) == ["Familien Skovbjerg", "Familien Ågård"]


def test_a_backup_of_another_profile_is_refused_and_nothing_changes(capsys, monkeypatch, profile, tmp_path,
                                                                   content):
    other = AppPaths.for_basedir(tmp_path / "other")
    other.ensure()
    ws = create_profile(other, NewProfile("Bente Andersen", "sundhedsplejerske", "Testkommune", "", ""),
                        PASSWORD, Settings(), Policy(), kdf=FAST_KDF, content=content)
    ws.lock()
    base = str(other.data_dir.parent)
    assert run(capsys, monkeypatch, "backup", "--basedir", base, "--password-stdin")[0] == 0
    [foreign] = other.backup_dir.glob("backup-*.db")
    before = hashlib.sha256(profile.database.read_bytes()).hexdigest()

    code, _, err = run(capsys, monkeypatch, "restore", "--basedir", str(profile.data_dir.parent),
                       "--from", str(foreign), "--password-stdin")

    assert code == 1
    assert "cannot be restored" in err
    assert hashlib.sha256(profile.database.read_bytes()).hexdigest() == before
    assert not list(profile.data_dir.glob("tovholder.db.damaged-*"))


def test_a_damaged_backup_is_refused(capsys, monkeypatch, profile):
    base = str(profile.data_dir.parent)
    assert run(capsys, monkeypatch, "backup", "--basedir", base, "--password-stdin")[0] == 0
    [made] = profile.backup_dir.glob("backup-*.db")
    damage(made)

    code, _, err = run(capsys, monkeypatch, "restore", "--basedir", base, "--from", str(made), "--password-stdin")

    assert code == 1 and "cannot be restored" in err


def test_wrong_password_restores_nothing(capsys, monkeypatch, profile):
    base = str(profile.data_dir.parent)
    assert run(capsys, monkeypatch, "backup", "--basedir", base, "--password-stdin")[0] == 0
    [made] = profile.backup_dir.glob("backup-*.db")
    before = hashlib.sha256(profile.database.read_bytes()).hexdigest()

    code, _, err = run(capsys, monkeypatch, "restore", "--basedir", base, "--from", str(made),
                       "--password-stdin", stdin="not the password\n")

    assert code == 2 and "password" in err
    assert hashlib.sha256(profile.database.read_bytes()).hexdigest() == before


def test_backup_and_restore_are_refused_while_the_app_runs(capsys, monkeypatch, profile):
    # The app's QLockFile: its first line is the running process's id (here: the parent of the tests).
    (profile.data_dir / "tovholder.lock").write_text(f"{os.getppid()}\ntovholder\nhost\n")
    base = str(profile.data_dir.parent)

    code, _, err = run(capsys, monkeypatch, "backup", "--basedir", base, "--password-stdin")
    assert code == 2 and "running" in err
    assert not profile.backup_dir.exists() or not list(profile.backup_dir.glob("backup-*.db"))


def test_a_copy_made_before_a_migration_with_its_log_beside_it_is_restored_whole(capsys, monkeypatch, workspace,
                                                                               content):
    from app.services.store import backup_database

    workspace.cases.create_case(family("Skovbjerg"))
    workspace.cases.create_case(family("Ågård"))
    paths = workspace.paths
    copy = backup_database(paths.database, paths.backup_dir)  # the file and its -wal, as before a migration
    assert copy.with_name(copy.name + "-wal").stat().st_size > 0
    workspace.lock()
    damage(paths.database)

    code, out, err = run(capsys, monkeypatch, "restore", "--basedir", str(paths.data_dir.parent), "--from", str(copy),
                         "--password-stdin")

    assert code == 0, err
    assert names(paths, content) == ["Familien Skovbjerg", "Familien Ågård"]
    assert copy.with_name(copy.name + "-wal").exists()  # the backup itself is left as it was
