"""Rotating encrypted backups of the local store: encrypted with the same key, never half-written, rotated
to the newest of each of seven days, made at unlock when a day old and at lock when a few hours old, and
skipped at lock when the disk is nearly full.
"""

from __future__ import annotations

import errno
from datetime import UTC, datetime, timedelta

import pytest

from app.core.errors import DatabaseOpenError, DiskFullError, ProfileLockedError
from app.security.database import check_database, open_engine
from app.security.keyfile import KeyFile
from app.services import backups
from app.services.backups import list_backups, make_backup, rotate
from tests.conftest import PASSWORD
from tests.helpers.families import family

NOW = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


def made_at(backup_dir, when: datetime) -> None:
    backup_dir.mkdir(parents=True, exist_ok=True)
    (backup_dir / f"backup-{when.strftime(backups.STAMP)}.db").write_bytes(b"x" * 4096)


def test_backup_is_encrypted_with_the_data_key_and_holds_no_plain_text(workspace, paths):
    workspace.cases.create_case(family("Kragelund", with_cpr=True))

    made = make_backup(workspace.store, paths.backup_dir)

    raw = made.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    for plain in ("Kragelund", "Hanne Testesen", "Kragelund".encode("utf-16-le").decode("latin-1")):
        assert plain.encode("latin-1") not in raw
    with pytest.raises(DatabaseOpenError):
        open_engine(made, None, create=False)
    key = KeyFile.load(paths.key_file).unwrap_with_password(PASSWORD)
    check_database(made, key, full=True)
    engine = open_engine(made, key, create=False)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT family_name FROM cases").scalars().all() == ["Familien Kragelund"]
    finally:
        engine.dispose()
    assert oct(made.stat().st_mode & 0o777) == "0o600"


def test_a_failed_backup_leaves_no_half_written_file(workspace, paths, monkeypatch):
    def disk_full(path):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "_fsync", disk_full)

    with pytest.raises(DiskFullError):
        make_backup(workspace.store, paths.backup_dir)

    assert list(paths.backup_dir.iterdir()) == []


def test_no_backup_of_a_locked_store(workspace, paths):
    workspace.lock()
    with pytest.raises(ProfileLockedError):
        make_backup(workspace.store, paths.backup_dir)


def test_rotation_keeps_the_newest_of_each_of_seven_days_and_the_migration_backups(tmp_path):
    folder = tmp_path / "backups"
    for day in range(10):
        for hour in (8, 12, 16):
            made_at(folder, NOW - timedelta(days=day, hours=hour))
    (folder / "tovholder-20260101T000000000000Z.db").write_bytes(b"m" * 4096)  # before a migration

    rotate(folder)

    ours = [b for b in list_backups(folder) if b.path.name.startswith("backup-")]
    days = sorted({b.made.date() for b in ours}, reverse=True)
    assert len(days) == 7
    assert days[0] == (NOW - timedelta(hours=8)).date()
    # The newest two always, and then the newest of each day.
    assert ours[0].made == NOW - timedelta(hours=8) and ours[1].made == NOW - timedelta(hours=12)
    assert len(ours) == 8
    assert (folder / "tovholder-20260101T000000000000Z.db").exists()


def test_after_unlock_makes_the_daily_backup_only_when_due(workspace, paths):
    workspace.after_unlock()
    assert len(list(paths.backup_dir.glob("backup-*.db"))) == 1

    workspace.after_unlock()  # the newest is minutes old
    assert len(list(paths.backup_dir.glob("backup-*.db"))) == 1


def test_lock_backup_when_the_newest_is_hours_old(workspace, paths):
    made_at(paths.backup_dir, datetime.now(UTC) - backups.AT_LOCK - timedelta(minutes=1))

    workspace.before_lock()

    assert len(list(paths.backup_dir.glob("backup-*.db"))) == 2


def test_no_backup_at_lock_when_the_disk_is_nearly_full(workspace, paths, monkeypatch):
    """Quitting must not use up the space she just freed."""
    monkeypatch.setattr(backups, "free_bytes", lambda folder: 20 * 1024 * 1024)

    workspace.before_lock()
    workspace.after_unlock()

    assert not list(paths.backup_dir.glob("backup-*.db"))


def test_half_written_backups_are_not_listed(tmp_path):
    folder = tmp_path / "backups"
    made_at(folder, NOW)
    (folder / ".backup-20261202T170000000000Z.db.123.part").write_bytes(b"half")

    assert [b.path.name for b in list_backups(folder)] == [f"backup-{NOW.strftime(backups.STAMP)}.db"]
