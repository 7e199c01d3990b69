"""A failed unlock never writes into the database: an empty, cut-short or damaged file is left byte for byte
as it was (and no ``-wal``/``-shm`` appears), she is told plainly that a backup can be restored, and the
database is only ever created by making a new profile.
"""

from __future__ import annotations

import hashlib
import shutil

import pytest

from app.core.errors import DatabaseDamagedError, DatabaseOpenError
from app.core.paths import AppPaths
from app.core.settings import Policy, Settings
from app.security import database
from app.security.database import check_database
from app.security.keyfile import KeyFile
from app.services.cases.dto import CaseFilter
from app.services.workspace import unlock
from tests.helpers.families import family


def db_files(paths: AppPaths) -> dict[str, str | None]:
    """The database and its -wal/-shm: a digest of the bytes, or None when the file is absent."""
    found: dict[str, str | None] = {}
    for ending in ("", "-wal", "-shm"):
        path = paths.database.with_name(paths.database.name + ending)
        found[ending or "db"] = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    return found


def data_listing(paths: AppPaths) -> set[str]:
    return {p.name for p in paths.data_dir.iterdir()}


@pytest.fixture
def locked(workspace, paths):
    """A profile with two families, locked (its -wal and -shm are gone)."""
    workspace.cases.create_case(family())
    workspace.cases.create_case(family("Ågård"))
    workspace.lock()
    assert not paths.database.with_name("tovholder.db-wal").exists()
    return paths


def damage_middle(path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = bytes(64)
    path.write_bytes(bytes(data))


def damage_off_the_cheap_path(path, key: bytes) -> None:
    """Damage one page that the cheap check does not read (as bit rot in an old record would)."""
    original = path.read_bytes()
    for page in range(len(original) // 4096 - 1, 1, -1):
        data = bytearray(original)
        data[page * 4096 + 200:page * 4096 + 264] = bytes(64)
        path.write_bytes(bytes(data))
        try:
            check_database(path, key, full=False)
        except DatabaseDamagedError:
            continue
        return
    pytest.fail("every page is on the cheap check's path")


def assert_refused_untouched(paths: AppPaths, reopen, error=DatabaseDamagedError) -> None:
    before, listing = db_files(paths), data_listing(paths)
    with pytest.raises(error) as caught:
        reopen()
    assert db_files(paths) == before
    assert data_listing(paths) == listing
    return caught.value


def test_empty_database_file_is_refused_and_stays_empty(locked, reopen):
    locked.database.write_bytes(b"")

    error = assert_refused_untouched(locked, reopen)

    assert locked.database.stat().st_size == 0  # no fresh empty schema written into it
    assert "tovholder restore" in error.english()
    assert "Nothing has been changed" in error.english()


def test_database_damaged_in_the_middle_is_refused_byte_for_byte_unchanged(locked, reopen):
    damage_middle(locked.database)

    assert_refused_untouched(locked, reopen)


def test_database_with_a_damaged_first_page_is_refused_unchanged(locked, reopen):
    data = bytearray(locked.database.read_bytes())
    data[100:164] = bytes(64)
    locked.database.write_bytes(bytes(data))

    assert_refused_untouched(locked, reopen)


@pytest.mark.parametrize("keep", [4096, 4096 * 3 + 100])
def test_database_cut_short_is_refused_unchanged(locked, reopen, keep):
    locked.database.write_bytes(locked.database.read_bytes()[:keep])

    assert_refused_untouched(locked, reopen)


def test_missing_database_is_not_created_by_unlock(locked, reopen):
    locked.database.unlink()

    with pytest.raises(DatabaseOpenError):
        reopen()

    assert not locked.database.exists()
    assert db_files(locked) == {"db": None, "-wal": None, "-shm": None}


def test_unlock_refuses_a_damaged_database_even_before_a_migration_could_run(locked, reopen, monkeypatch):
    from app.models import schema

    damage_middle(locked.database)
    monkeypatch.setattr(schema, "needs_upgrade", lambda engine: pytest.fail("the check must come first"))

    assert_refused_untouched(locked, reopen)
    assert not locked.backup_dir.exists()


def test_database_left_with_a_write_ahead_log_after_a_crash_opens_with_its_last_saves(
        workspace, paths, tmp_path, password, content):
    """A crash leaves committed work in the -wal: the check reads it without writing, and unlock goes on."""
    workspace.cases.create_case(family("Krak"))
    crashed = AppPaths.for_basedir(tmp_path / "crashed")
    crashed.ensure()
    # Copied while the database is open: what a power cut would leave behind.
    for name in ("tovholder.db", "tovholder.db-wal", "tovholder.key.json"):
        shutil.copy2(paths.data_dir / name, crashed.data_dir / name)
    shutil.copy2(paths.settings_file, crashed.settings_file)
    assert (crashed.data_dir / "tovholder.db-wal").stat().st_size > 0

    ws = unlock(crashed, password, Settings.load(crashed.settings_file), Policy(), content=content)
    try:
        from app.services.cases.dto import CaseFilter

        assert "Familien Krak" in [row.family_name for row in ws.cases.search(CaseFilter()).items]
    finally:
        ws.lock()


def test_damaged_database_with_a_write_ahead_log_leaves_both_unchanged(workspace, paths, tmp_path, password,
                                                                        content):
    workspace.cases.create_case(family("Krak"))
    crashed = AppPaths.for_basedir(tmp_path / "crashed")
    crashed.ensure()
    for name in ("tovholder.db", "tovholder.db-wal", "tovholder.key.json"):
        shutil.copy2(paths.data_dir / name, crashed.data_dir / name)
    shutil.copy2(paths.settings_file, crashed.settings_file)
    damage_middle(crashed.database)
    before = db_files(crashed)

    with pytest.raises(DatabaseDamagedError):
        unlock(crashed, password, Settings.load(crashed.settings_file), Policy(), content=content)

    after = db_files(crashed)
    assert (after["db"], after["-wal"]) == (before["db"], before["-wal"])


def test_full_check_finds_damage_the_cheap_check_cannot(locked, password):
    """Above ``FULL_CHECK_MAX_BYTES`` unlock runs the cheap check and the full one runs after unlock."""
    key = KeyFile.load(locked.key_file).unwrap_with_password(password)
    damage_off_the_cheap_path(locked.database, key)
    before = db_files(locked)

    assert check_database(locked.database, key, full=False).full is False
    with pytest.raises(DatabaseDamagedError):
        check_database(locked.database, key, full=True)
    assert db_files(locked) == before


def test_a_large_database_is_checked_fully_after_unlock(locked, reopen, monkeypatch):
    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 0)

    ws = reopen()

    assert ws.store.checked is not None and ws.store.checked.full is False
    ws.after_unlock()  # what the app queues on the lane after unlock
    assert ws.store.checked.full is True


def test_damage_found_after_unlock_is_told_calmly(locked, reopen, monkeypatch, password):
    """A database too large for the full check at unlock: the cheap check lets it open, the full check
    on the lane finds the damage, says so calmly, and no backup is made from it."""
    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 0)
    key = KeyFile.load(locked.key_file).unwrap_with_password(password)
    damage_off_the_cheap_path(locked.database, key)
    ws = reopen()

    with pytest.raises(DatabaseDamagedError) as caught:
        ws.after_unlock()

    assert "tovholder restore" in caught.value.english()
    assert not list(locked.backup_dir.glob("backup-*.db"))  # a damaged database is not copied over backups


def test_a_file_longer_than_its_header_says_still_opens(locked, reopen, password):
    """A crash between a checkpoint and the truncation after it leaves pages past the end that SQLite no
    longer uses: not damage."""
    key = KeyFile.load(locked.key_file).unwrap_with_password(password)
    conn = database.connect_raw(locked.database, key)
    conn.execute("CREATE TABLE filler (x)")
    conn.executemany("INSERT INTO filler VALUES (?)", [(bytes(1000),)] * 500)
    conn.close()
    longer = locked.database.read_bytes()
    conn = database.connect_raw(locked.database, key)
    conn.execute("DROP TABLE filler")
    conn.execute("VACUUM")  # the file shrinks
    conn.close()
    shorter = locked.database.read_bytes()
    assert len(shorter) < len(longer) and shorter[:16] == longer[:16]  # the same salt
    locked.database.write_bytes(shorter + longer[len(shorter):])  # the old tail, as the crash left it

    ws = reopen()
    assert ws.cases.search(CaseFilter()).total == 2
