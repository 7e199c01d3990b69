"""A full disk: she can still unlock and read her families, a refused save says how much space to free, and
logging never prints a traceback to the terminal.

Two ways: an injected "database or disk is full" / ENOSPC that always runs, and a real 48 MB tmpfs filled
to the last byte (skipped, with the reason, where this process may not mount one).
"""

from __future__ import annotations

import errno
import logging
import os
import subprocess
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.core import diskspace
from app.core.diskspace import RESERVE_BYTES, SpaceReserve, megabytes_to_free
from app.core.errors import DiskFullError
from app.core.logging_setup import LogFileHandler, setup_logging
from app.core.paths import AppPaths
from app.core.settings import Policy, Settings
from app.security.kdf import FAST_KDF
from app.services.cases.dto import CaseFilter, NewProfile
from app.services.workspace import create_profile, unlock
from tests.conftest import PASSWORD
from tests.helpers.families import family

MB = 1024 * 1024


def sqlite_full() -> OperationalError:
    return OperationalError("COMMIT", {}, sqlcipher3.OperationalError("database or disk is full"))


@pytest.fixture
def full_until_reserve_goes(monkeypatch, paths):
    """Every commit is refused as SQLite refuses it on a full disk, until the space reserve is given up."""
    real_commit = Session.commit

    def commit(session):  # type: ignore[no-untyped-def]
        if paths.space_reserve.exists():
            raise sqlite_full()
        return real_commit(session)

    monkeypatch.setattr(Session, "commit", commit)


# ---- injected: always runs


@pytest.mark.real_space_reserve
def test_a_new_profile_has_its_space_reserve(workspace, paths):
    assert paths.space_reserve.stat().st_size == RESERVE_BYTES
    assert oct(paths.space_reserve.stat().st_mode & 0o777) == "0o600"


def test_unlock_on_a_full_disk_gives_up_the_reserve_and_she_reads_her_families(workspace, paths, reopen,
                                                                               monkeypatch, request):
    workspace.cases.create_case(family("Skovbjerg"))
    workspace.lock()
    request.getfixturevalue("full_until_reserve_goes")
    monkeypatch.setattr(diskspace, "free_bytes", lambda folder: 20 * MB)  # no room to make it again

    ws = reopen()

    assert not paths.space_reserve.exists()
    [item] = ws.cases.search(CaseFilter()).items
    assert ws.cases.overview(item.id).family_name == "Familien Skovbjerg"  # audited read: room for it


def test_unlock_is_refused_calmly_when_even_the_reserve_is_not_enough(workspace, paths, reopen, monkeypatch):
    workspace.lock()
    monkeypatch.setattr(Session, "commit", lambda session: (_ for _ in ()).throw(sqlite_full()))
    monkeypatch.setattr(diskspace, "free_bytes", lambda folder: 3 * MB)
    monkeypatch.setattr("app.services.store.free_bytes", lambda folder: 3 * MB)

    with pytest.raises(DiskFullError) as caught:
        reopen()

    assert caught.value.message == DiskFullError.UNLOCK_FREE_AT_LEAST
    assert caught.value.params["megabytes"] >= 200
    assert "Free at least" in caught.value.english()


def test_a_refused_save_says_how_much_to_free_and_the_next_try_has_room(workspace, paths, monkeypatch):
    real_commit = Session.commit
    refusals = []

    def commit(session):  # type: ignore[no-untyped-def]
        if paths.space_reserve.exists():
            refusals.append(1)
            raise sqlite_full()
        return real_commit(session)

    monkeypatch.setattr(Session, "commit", commit)
    monkeypatch.setattr(diskspace, "free_bytes", lambda folder: 30 * MB)

    with pytest.raises(DiskFullError) as caught:
        workspace.cases.create_case(family("Ågård"))

    assert caught.value.message == DiskFullError.FREE_AT_LEAST
    assert caught.value.english().startswith("The disk is full, so the change was not saved.")
    assert "Free at least 170 MB" in caught.value.english()  # 200 MB wanted, 30 MB free
    assert not paths.space_reserve.exists()
    workspace.cases.create_case(family("Ågård"))  # her next try
    assert workspace.cases.search(CaseFilter()).total == 1 and len(refusals) == 1


def test_how_much_to_free_grows_with_the_database(tmp_path, monkeypatch):
    database = tmp_path / "tovholder.db"
    with open(database, "wb") as fh:
        fh.truncate(300 * MB)  # sparse: only its size matters here
    monkeypatch.setattr(diskspace, "free_bytes", lambda folder: 0)

    assert megabytes_to_free(tmp_path, database) == 610  # a backup of it and the reserve must fit
    assert megabytes_to_free(tmp_path) == 200


def test_the_reserve_goes_before_the_disk_is_full_and_comes_back_when_there_is_room(tmp_path, monkeypatch):
    reserve = SpaceReserve(tmp_path / "space-reserve.bin", size=64 * 1024)
    assert reserve.make() and reserve.present
    monkeypatch.setattr(diskspace, "free_bytes", lambda folder: 1 * MB)
    reserve.keep_room()
    assert not reserve.present
    monkeypatch.setattr(diskspace, "free_bytes", lambda folder: 10 * 1024 * MB)
    reserve.keep_room()
    assert reserve.present


def test_logging_on_a_full_disk_prints_nothing_and_counts_what_it_lost(tmp_path, capfd):
    handler = LogFileHandler(tmp_path / "tovholder.log", maxBytes=2_000_000, backupCount=1, encoding="utf-8")
    logger = logging.getLogger("tovholder.test.full")
    logger.propagate = False
    logger.addHandler(handler)
    real_stream = handler.stream

    class FullStream:
        """A log file on a full disk."""

        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        def seek(self, *args) -> int:  # type: ignore[no-untyped-def]
            return 0

        def tell(self) -> int:
            return 0

        def close(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    try:
        real_stream.close()
        handler.stream = FullStream()
        handler._open = FullStream  # reopening finds the disk full too
        for _ in range(3):
            logger.error("something failed", exc_info=ValueError("x"))
        out, err = capfd.readouterr()
        assert (out, err) == ("", "")
        assert handler.dropped == 3

        del handler._open  # space again
        logger.warning("space again")
    finally:
        logger.removeHandler(handler)
        handler.close()
    text = (tmp_path / "tovholder.log").read_text(encoding="utf-8")
    assert "3 log line(s) lost while the disk was full" in text and "space again" in text
    assert capfd.readouterr() == ("", "")


# ---- a real full disk (tmpfs)


@pytest.fixture
def small_disk(tmp_path):
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m,mode=0700", "tmpfs", str(mount_point)],
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"cannot mount a tmpfs here ({type(exc).__name__}); the injected tests cover the full disk")
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root: {done.stderr.strip()[:80]}); "
                    "the injected tests cover the full disk")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, timeout=30)


def fill(folder: Path) -> Path:
    """Fill the disk to the last byte; returns the filler file."""
    filler = folder / "filler.bin"
    with open(filler, "ab", buffering=0) as fh:
        for chunk in (MB, 4096, 512, 1):
            block = b"\xff" * chunk
            while True:
                try:
                    fh.write(block)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    break
    assert os.statvfs(folder).f_bavail == 0
    return filler


@pytest.mark.real_space_reserve
def test_a_real_full_disk_she_unlocks_reads_and_is_told_how_much_to_free(small_disk, content, monkeypatch, capfd):
    monkeypatch.setattr(diskspace, "RECREATE_FREE_BYTES", 2 * MB)  # the small disk: room enough beside it
    paths = AppPaths.for_basedir(small_disk / "profile")
    paths.ensure()
    setup_logging(paths.log_file)
    try:
        ws = create_profile(paths, NewProfile("Hanne Testesen", "sundhedsplejerske", "Testkommune", "", ""),
                            PASSWORD, Settings(), Policy(), kdf=FAST_KDF, content=content)
        for name in ("Skovbjerg", "Ågård", "Krak"):
            ws.cases.create_case(family(name))
        ws.lock()
        assert paths.space_reserve.exists()
        filler = fill(small_disk)

        ws = unlock(paths, PASSWORD, Settings.load(paths.settings_file), Policy(), content=content)
        try:
            assert not paths.space_reserve.exists()  # given up to make room
            items = ws.cases.search(CaseFilter()).items
            assert sorted(i.family_name for i in items) == ["Familien Krak", "Familien Skovbjerg", "Familien Ågård"]
            for item in items:
                assert ws.cases.overview(item.id).family_name == item.family_name  # each read audited
            logging.getLogger("tovholder.test").error("logged on a full disk", exc_info=OSError(28, "full"))

            more = fill(small_disk.joinpath("profile"))  # the room the reserve gave is used up too
            with pytest.raises(DiskFullError) as caught:
                for n in range(200):
                    ws.cases.create_case(family(f"Fylde{n}"))
            assert "Free at least" in caught.value.english()
            assert caught.value.params["megabytes"] >= 200

            filler.unlink()
            more.unlink()  # she freed space
            ws.cases.create_case(family("Bertelsen"))
            assert paths.space_reserve.exists()  # made again now that there is room
        finally:
            ws.lock()
        out, err = capfd.readouterr()
        assert "Traceback" not in out + err
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "_tovholder", False)]:
            root.removeHandler(handler)
            handler.close()
