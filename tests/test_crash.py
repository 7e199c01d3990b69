"""Durability: what was acknowledged as saved survives a crash, and a full disk loses nothing.

The crash loop starts ``tests/helpers/crash_writer.py`` in its own process, reads its ACKs (printed
only after each unit of work has committed), kills it with SIGKILL after a random number of them
(seeded, so a failure can be replayed), then opens the profile here: the database must pass
``PRAGMA integrity_check`` and hold every acknowledged case with its data, and no half-saved case.

A full disk is simulated twice: SQLite's page limit makes the database report "database or disk is
full", and ``os.write`` failing with ENOSPC stands in for a full disk under the key file.
"""

from __future__ import annotations

import errno
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from app.core import fileio
from app.core.errors import DatabaseOpenError, DiskFullError, StorageError
from app.core.paths import AppPaths
from app.core.settings import Policy, Settings
from app.models import AuditEntry, Case, ChangeLogEntry
from app.models.audit import verify_chain
from app.security.database import translate_storage_error
from app.security.kdf import FAST_KDF
from app.security.keyfile import KeyFile
from app.services.cases.dto import NewProfile
from app.services.workspace import create_profile, unlock
from tests.conftest import PASSWORD, TODAY
from tests.helpers.crash_writer import crash_family, crash_family_name
from tests.helpers.db import row_counts
from tests.helpers.families import family

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261122
RUNS = 25


def _start_writer(basedir: Path, run: int, stderr) -> subprocess.Popen:  # type: ignore[no-untyped-def]
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.crash_writer", str(basedir), PASSWORD, str(run), TODAY.isoformat()],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=stderr, text=True,
    )


def _read_acks(proc: subprocess.Popen, wanted: int, stderr: Path) -> list[tuple[str, int, str]]:
    """Read ACK lines until ``wanted`` have come; (case_id, n, what) each."""
    assert proc.stdout.readline().strip() == "READY", stderr.read_text()
    acks = []
    while len(acks) < wanted:
        line = proc.stdout.readline()
        assert line, f"the writer stopped before it was killed:\n{stderr.read_text()}"
        tag, case_id, n, what = line.split()
        assert tag == "ACK"
        acks.append((case_id, int(n), what))
    return acks


def _check(workspace, run: int, acks: list[tuple[str, int, str]]) -> None:
    """Every acknowledged unit of work is there, whole; nothing is there half."""
    engine = workspace.store.engine
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    consented = {case_id for case_id, _, what in acks if what == "consent"}
    for case_id, n, _ in acks:
        overview = workspace.cases.overview(case_id)
        expected = crash_family(run, n)
        assert overview.family_name == crash_family_name(run, n)
        assert overview.note == expected.note
        assert [m.first_name for m in overview.members] == [m.first_name for m in expected.members]
        assert len(overview.steps) == 7 and overview.referrals[0].referred_on == expected.referral.referred_on
        if case_id in consented:
            assert overview.allowed_scopes == ("participation",)
            assert overview.current_step.code == "afklarende_samtale"
    with workspace.store.unit_of_work() as session:
        # No half-saved case: each one has its members, steps and change-log rows.
        for case in session.execute(select(Case)).scalars():
            assert (len(case.members), len(case.steps), len(case.referrals)) == (2, 7, 1)
            logged = session.execute(select(func.count()).select_from(ChangeLogEntry).where(
                ChangeLogEntry.record_id == case.id, ChangeLogEntry.operation == "insert")).scalar_one()
            assert logged == 1
        entries = list(session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars())
    assert verify_chain(entries) is None


@pytest.mark.slow
def test_acknowledged_work_survives_sigkill(tmp_path, content):
    basedir = tmp_path / "profile"
    paths = AppPaths.for_basedir(basedir)
    create_profile(paths, NewProfile("Hanne Testesen", "sundhedsplejerske"), PASSWORD, Settings(), Policy(),
                   kdf=FAST_KDF, content=content, today=lambda: TODAY).lock()
    rng = random.Random(SEED)
    all_acks: dict[str, int] = {}

    for run in range(RUNS):
        wanted = rng.randint(1, 12)
        errors = tmp_path / f"writer-{run}.err"
        with open(errors, "w") as stderr:
            proc = _start_writer(basedir, run, stderr)
            watchdog = threading.Timer(60, proc.kill)  # a hung writer fails the test instead of hanging it
            watchdog.start()
            try:
                acks = _read_acks(proc, wanted, errors)
                proc.kill()
            finally:
                watchdog.cancel()
                proc.wait()
                proc.stdout.close()
        if sys.platform != "win32":
            assert proc.returncode == -signal.SIGKILL, errors.read_text()

        workspace = unlock(paths, PASSWORD, Settings.load(paths.settings_file), Policy(), content=content,
                           today=lambda: TODAY)
        try:
            _check(workspace, run, acks)
            all_acks.update({case_id: run for case_id, _, _ in acks})
            # What earlier runs acknowledged is still there too.
            with workspace.store.unit_of_work() as session:
                stored = set(session.execute(select(Case.id)).scalars())
            assert set(all_acks) <= stored
        finally:
            workspace.lock()

    assert len(all_acks) >= RUNS


# ---- a full disk


@pytest.mark.parametrize(
    ("driver_message", "expected"),
    [
        ("database or disk is full", DiskFullError),
        ("disk I/O error", StorageError),
        ("file is not a database", DatabaseOpenError),
        ("database disk image is malformed", DatabaseOpenError),
    ],
)
def test_driver_errors_become_the_known_error_the_user_sees(driver_message, expected):
    error = OperationalError("COMMIT", {}, sqlite3.OperationalError(driver_message))

    assert type(translate_storage_error(error)) is expected


def test_enospc_from_the_driver_is_a_full_disk():
    error = OperationalError("COMMIT", {}, OSError(errno.ENOSPC, "No space left on device"))

    assert isinstance(translate_storage_error(error), DiskFullError)




def test_full_database_disk_refuses_the_save_and_keeps_everything_else(workspace):
    workspace.cases.create_case(family("Først"))
    with workspace.store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages + 40}")  # the "disk" has 40 pages left

    saved = []
    for n in range(60):
        before = row_counts(workspace, Case, ChangeLogEntry, AuditEntry)
        try:
            saved.append(workspace.cases.create_case(family(f"Fuld{n}", note="Noter fra besøget. " * 200)).id)
        except DiskFullError:
            break
    else:
        pytest.fail("the database never filled up")

    assert saved, "saving worked until the disk was full"
    assert row_counts(workspace, Case, ChangeLogEntry, AuditEntry) == before  # the failed save left nothing behind
    with workspace.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        conn.exec_driver_sql(f"PRAGMA max_page_count = {2**30}")  # she frees some space
    retried = workspace.cases.create_case(family(f"Fuld{n}", note="Noter fra besøget. " * 200))
    assert workspace.cases.overview(retried.id).family_name == f"Familien Fuld{n}"
    assert all(workspace.cases.overview(case_id) for case_id in saved)


class _FullDisk:
    """Stands in for ``os`` inside ``app.core.fileio``: writing fails as on a full disk."""

    def __init__(self, error: int = errno.ENOSPC) -> None:
        self.error = error

    def write(self, fd: int, data) -> int:  # type: ignore[no-untyped-def]
        raise OSError(self.error, os.strerror(self.error))

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(os, name)


@pytest.mark.parametrize(("error", "expected"), [(errno.ENOSPC, DiskFullError), (errno.EIO, StorageError)])
def test_atomic_write_on_a_failing_disk_keeps_the_old_file(tmp_path, monkeypatch, error, expected):
    target = tmp_path / "settings.json"
    target.write_bytes(b'{"language": "da"}\n')
    monkeypatch.setattr(fileio, "os", _FullDisk(error))

    with pytest.raises(expected):
        fileio.atomic_write_bytes(target, b'{"language": "en"}\n')

    assert target.read_bytes() == b'{"language": "da"}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temporary file left


def test_password_change_on_a_full_disk_keeps_the_old_password(workspace, paths, reopen, monkeypatch):
    before = paths.key_file.read_bytes()
    monkeypatch.setattr(fileio, "os", _FullDisk())

    with pytest.raises(DiskFullError):
        workspace.change_password(PASSWORD, "blåbær havregryn trappe 42", kdf=FAST_KDF)

    monkeypatch.undo()
    assert paths.key_file.read_bytes() == before
    assert KeyFile.load(paths.key_file).unwrap_with_password(PASSWORD)
    workspace.lock()
    assert reopen(PASSWORD).profile.name == "Hanne Testesen"
