"""The audit trail only grows at its end: every SQL way to change, replace or remove an entry is refused
by the database itself (``INSERT OR REPLACE``, ``REPLACE INTO``, upserts, UPDATE, DELETE, an insert in
the middle of the chain), while the app's own appends keep working and keep the chain intact."""

from __future__ import annotations

import os

import pytest
from sqlalchemy.exc import IntegrityError

from app.core.errors import StorageError
from app.models import schema
from app.models.audit import GENESIS_HASH, verify_chain
from app.security.database import open_engine
from tests.helpers.db import audit_entries
from tests.helpers.families import family

COLUMNS = "seq, id, at, user_id, device_id, action, case_id, entity, record_id, detail, prev_hash, hash"


def _row(workspace, seq: int) -> dict:
    with workspace.store.engine.connect() as conn:
        return dict(conn.exec_driver_sql(f"SELECT {COLUMNS} FROM audit_log WHERE seq = ?", (seq,)).mappings().one())


def _values(row: dict, **changes: object) -> tuple:
    row = {**row, **changes}
    return tuple(row[c.strip()] for c in COLUMNS.split(","))


PLACES = ", ".join("?" * 12)


def _attempts(workspace) -> dict[str, tuple[str, tuple]]:
    """Each way a statement could rewrite the export entry (seq 2) as a harmless ``case.open``."""
    first, export, last = _row(workspace, 1), _row(workspace, 2), _row(workspace, 3)
    new_seq = last["seq"] + 1
    return {
        "insert or replace, same seq": (
            f"INSERT OR REPLACE INTO audit_log ({COLUMNS}) VALUES ({PLACES})", _values(export, action="case.open")),
        "replace into, same seq and new id": (
            f"REPLACE INTO audit_log ({COLUMNS}) VALUES ({PLACES})",
            _values(export, id="forged-id", action="case.open")),
        "insert or replace, same id at the end": (
            f"INSERT OR REPLACE INTO audit_log ({COLUMNS}) VALUES ({PLACES})",
            _values(export, seq=new_seq, action="case.open", prev_hash=last["hash"])),
        "upsert on seq": (
            f"INSERT INTO audit_log ({COLUMNS}) VALUES ({PLACES}) ON CONFLICT(seq) DO UPDATE SET action = 'case.open'",
            _values(export)),
        "upsert on id": (
            f"INSERT INTO audit_log ({COLUMNS}) VALUES ({PLACES}) ON CONFLICT(id) DO UPDATE SET action = 'case.open'",
            _values(export, seq=new_seq, prev_hash=last["hash"])),
        "insert or ignore, same seq": (
            f"INSERT OR IGNORE INTO audit_log ({COLUMNS}) VALUES ({PLACES})", _values(export, action="case.open")),
        "an entry linked into the middle": (
            f"INSERT INTO audit_log ({COLUMNS[5:]}) VALUES ({PLACES[3:]})",
            _values(export, id="forged-id", prev_hash=first["hash"])[1:]),
        "an entry after a gap": (
            f"INSERT INTO audit_log ({COLUMNS}) VALUES ({PLACES})",
            _values(export, seq=new_seq + 5, id="forged-id", prev_hash=last["hash"])),
        "update": ("UPDATE audit_log SET action = 'case.open' WHERE seq = 2", ()),
        "delete": ("DELETE FROM audit_log WHERE seq = 2", ()),
        "delete all": ("DELETE FROM audit_log", ()),
    }


@pytest.fixture
def exported(workspace):
    """Three entries: the profile created, a case created (the one to hide), a case opened."""
    case_id = workspace.cases.create_case(family()).id
    workspace.cases.overview(case_id)
    entries = audit_entries(workspace)
    assert [e.action for e in entries] == ["profile.create", "case.create", "case.open"]
    return workspace


ATTEMPTS = ("insert or replace, same seq", "replace into, same seq and new id", "insert or replace, same id at the end",
            "upsert on seq", "upsert on id", "insert or ignore, same seq", "an entry linked into the middle",
            "an entry after a gap", "update", "delete", "delete all")


@pytest.mark.parametrize("attempt", ATTEMPTS)
def test_no_sql_statement_changes_replaces_or_removes_an_entry(exported, attempt):
    sql, params = _attempts(exported)[attempt]
    before = [(e.seq, e.id, e.action, e.hash) for e in audit_entries(exported)]

    with pytest.raises(IntegrityError, match="append-only"):
        with exported.store.engine.begin() as conn:
            conn.exec_driver_sql(sql, params)
    with pytest.raises(StorageError):  # the same through the app's unit of work
        with exported.store.unit_of_work() as session:
            session.connection().exec_driver_sql(sql, params)

    assert [(e.seq, e.id, e.action, e.hash) for e in audit_entries(exported)] == before
    assert verify_chain(audit_entries(exported)) is None


def test_the_apps_own_appends_still_work_and_chain(exported, reopen):
    case_id = audit_entries(exported)[1].case_id
    exported.cases.overview(case_id)
    exported.cases.record_search("holm")
    exported.lock()

    entries = audit_entries(reopen())
    assert [e.action for e in entries][-4:] == ["case.open", "case.search", "profile.lock", "profile.unlock"]
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert verify_chain(entries) is None


def test_the_first_entry_must_start_the_chain(tmp_path):
    engine = open_engine(tmp_path / "empty.db", os.urandom(32))
    try:
        schema.upgrade(engine, backup=lambda: None)
        insert = ("INSERT INTO audit_log (id, at, user_id, device_id, action, case_id, entity, record_id, detail, "
                  "prev_hash, hash) VALUES (?, '2026-11-22T10:00:00.000000+00:00', 'u', 'd', 'profile.create', "
                  "'', '', '', '{}', ?, ?)")
        with pytest.raises(IntegrityError, match="append-only"):
            with engine.begin() as conn:
                conn.exec_driver_sql(insert, ("a", "f" * 64, "1" * 64))
        with engine.begin() as conn:
            conn.exec_driver_sql(insert, ("a", GENESIS_HASH, "1" * 64))
            conn.exec_driver_sql(insert, ("b", "1" * 64, "2" * 64))
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT seq, id FROM audit_log").all() == [(1, "a"), (2, "b")]
    finally:
        engine.dispose()


def test_a_database_from_before_the_trigger_refuses_replace_once_migrated(tmp_path):
    from alembic import command

    engine = open_engine(tmp_path / "old.db", os.urandom(32))
    cfg = schema.alembic_config()
    insert = (f"INSERT OR REPLACE INTO audit_log ({COLUMNS}) VALUES (1, 'a', '2026-11-22T10:00:00.000000+00:00', "
              "'u', 'd', ?, '', '', '', '{}', ?, ?)")
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0006")
        with engine.begin() as conn:
            conn.exec_driver_sql(insert, ("case.export", GENESIS_HASH, "1" * 64))
            conn.exec_driver_sql(insert, ("case.open", GENESIS_HASH, "1" * 64))  # before: silently replaced
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT action FROM audit_log").scalar_one() == "case.open"

        schema.upgrade(engine, backup=lambda: None)

        with pytest.raises(IntegrityError, match="append-only"):
            with engine.begin() as conn:
                conn.exec_driver_sql(insert, ("case.export", GENESIS_HASH, "1" * 64))
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT action FROM audit_log").scalar_one() == "case.open"
    finally:
        engine.dispose()
