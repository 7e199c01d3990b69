"""The audit trail is verified at every start from where the last check got to, against an anchor kept
outside the database: a broken chain, deleted newest entries (re-hashed or not), a rewritten trail, or
a damaged or missing anchor are reported (in the log with seq numbers and action names only, and to her
as ``AuditTrailBrokenError``), and never repaired silently."""

from __future__ import annotations

import logging

import pytest

from app.core.errors import AuditTrailBrokenError
from app.models import AuditEntry
from app.models.audit import GENESIS_HASH, entry_hash, verify_chain
from app.security.anchor import anchor_key, read_anchor
from app.security.database import open_engine
from app.security.keyfile import KeyFile
from app.services import audit_check
from tests.helpers.db import audit_entries
from tests.helpers.families import family

FAMILY = "Familien Skovbjerg"


def _data_key(paths, password) -> bytes:
    return KeyFile.load(paths.key_file).unwrap_with_password(password)


def _with_the_key(paths, password, *statements: tuple[str, tuple]) -> None:
    """What someone holding the data key can do with any SQLite tool: drop the triggers, then tamper."""
    engine = open_engine(paths.database, _data_key(paths, password))
    try:
        with engine.begin() as conn:
            for trigger in ("audit_log_no_update", "audit_log_no_delete", "audit_log_append_at_end"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
            for sql, params in statements:
                conn.exec_driver_sql(sql, params)
    finally:
        engine.dispose()


def _rehash(paths, password) -> None:
    """Recompute every entry's link and hash, as a forger would after a change."""
    engine = open_engine(paths.database, _data_key(paths, password))
    try:
        with engine.begin() as conn:
            prev = GENESIS_HASH
            for row in conn.execute(AuditEntry.__table__.select().order_by(AuditEntry.seq)).mappings().all():
                fields = {**row, "prev_hash": prev}
                new_hash = entry_hash(fields)
                conn.exec_driver_sql("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
                                     (prev, new_hash, row["seq"]))
                prev = new_hash
    finally:
        engine.dispose()


@pytest.fixture
def used(workspace):
    """A profile checked at its first start, then used: a family created and opened twice."""
    workspace.check_audit_trail()
    case_id = workspace.cases.create_case(family(FAMILY)).id
    workspace.cases.overview(case_id)
    workspace.cases.overview(case_id)
    return workspace


def test_the_first_check_anchors_the_trail_and_records_it(workspace, password):
    check = workspace.check_audit_trail()

    assert check.ok and check.anchor_state == "none" and check.checked == 1
    assert [(e.action, e.detail) for e in audit_entries(workspace)] == [
        ("profile.create", {}), ("audit.anchor", {"reason": "none"})]
    anchor = read_anchor(workspace.paths.audit_anchor, anchor_key(_data_key(workspace.paths, password)))
    newest = audit_entries(workspace)[-1]
    assert (anchor.verified.seq, anchor.verified.hash) == (newest.seq, newest.hash) == (2, newest.hash)
    assert b"audit" not in workspace.paths.audit_anchor.read_bytes()[30:]  # sealed, not plain JSON


def test_each_start_checks_only_what_was_written_since_the_last_check(used, reopen, password):
    assert used.check_audit_trail().checked == 3  # create, open, open

    used.lock()
    again = reopen()
    check = again.check_audit_trail()

    assert check.ok and check.anchor_state == "ok"
    assert check.checked == 2  # the lock and the unlock
    assert check.verified.seq == check.newest.seq == len(audit_entries(again))


def test_lock_moves_the_anchor_to_the_lock_entry(used, password):
    used.check_audit_trail()
    used.lock()

    anchor = read_anchor(used.paths.audit_anchor, anchor_key(_data_key(used.paths, password)))
    engine = open_engine(used.paths.database, _data_key(used.paths, password))
    with engine.connect() as conn:
        last = conn.exec_driver_sql("SELECT seq, action, hash FROM audit_log ORDER BY seq DESC LIMIT 1").one()
    engine.dispose()
    assert last.action == "profile.lock"
    assert (anchor.newest.seq, anchor.newest.hash) == (last.seq, last.hash)


@pytest.mark.parametrize("rehash", [False, True], ids=["deleted", "deleted-and-rehashed"])
def test_deleting_the_newest_entries_is_detected_at_the_next_start(used, reopen, password, caplog, rehash):
    used.lock()
    anchor_bytes = used.paths.audit_anchor.read_bytes()
    _with_the_key(used.paths, password, ("DELETE FROM audit_log WHERE seq > 3", ()))
    if rehash:
        _rehash(used.paths, password)

    again = reopen()
    assert verify_chain(audit_entries(again)) is None  # the chain alone looks intact ...
    with caplog.at_level(logging.INFO), pytest.raises(AuditTrailBrokenError):
        again.check_audit_trail()  # ... but it is shorter than its anchor

    assert "audit trail truncated: the anchor saw entry 6, the database ends at entry 4" in caplog.text
    assert FAMILY not in caplog.text and "Skovbjerg" not in caplog.text
    assert used.paths.audit_anchor.read_bytes() == anchor_bytes  # the evidence is kept
    again.lock()
    assert used.paths.audit_anchor.read_bytes() == anchor_bytes
    with pytest.raises(AuditTrailBrokenError):  # and it is told again at every start
        reopen().check_audit_trail()


def test_a_rewritten_and_rehashed_trail_is_detected(used, reopen, password, caplog):
    used.lock()
    _with_the_key(used.paths, password, ("UPDATE audit_log SET action = 'profile.unlock' WHERE seq = 4", ()))
    _rehash(used.paths, password)

    with caplog.at_level(logging.INFO), pytest.raises(AuditTrailBrokenError):
        reopen().check_audit_trail()

    assert "audit trail rewritten" in caplog.text


def test_a_broken_chain_is_reported_with_seq_and_action_only(used, reopen, password, caplog):
    used.lock()
    _with_the_key(used.paths, password, ("UPDATE audit_log SET detail = '{\"via_search\": \"cpr\"}' WHERE seq = 4", ()))

    again = reopen()
    with caplog.at_level(logging.INFO), pytest.raises(AuditTrailBrokenError) as raised:
        again.check_audit_trail()

    assert "audit chain broken at entry 4 (case.open)" in caplog.text
    assert "intact up to entry 3" in caplog.text
    assert "cpr" not in caplog.text
    assert "tell IT" in raised.value.english()


def test_a_damaged_anchor_is_reported_once_kept_aside_and_replaced(used, reopen, password, caplog):
    used.lock()
    anchor = used.paths.audit_anchor
    damaged = anchor.read_bytes()[:-5] + b"xxxxx"
    anchor.write_bytes(damaged)

    again = reopen()
    with caplog.at_level(logging.INFO), pytest.raises(AuditTrailBrokenError):
        again.check_audit_trail()

    assert "audit anchor damaged" in caplog.text
    assert anchor.with_name(anchor.name + ".damaged").read_bytes() == damaged
    assert audit_entries(again)[-1].action == "audit.anchor"
    assert audit_entries(again)[-1].detail == {"reason": "damaged"}
    assert again.check_audit_trail().ok  # re-anchored over the intact chain


@pytest.mark.parametrize("garbage", [b"", b"TOVHOLDER-AUDIT-ANCHOR-1\n", b"\x00" * 4096, "æøå".encode()])
def test_any_garbage_in_the_anchor_file_is_reported_not_a_crash(used, garbage):
    used.paths.audit_anchor.write_bytes(garbage)

    with pytest.raises(AuditTrailBrokenError):
        used.check_audit_trail()


def test_a_removed_anchor_is_reported(used, reopen, caplog):
    used.lock()
    used.paths.audit_anchor.unlink()

    with caplog.at_level(logging.INFO), pytest.raises(AuditTrailBrokenError):
        reopen().check_audit_trail()

    assert "audit anchor missing" in caplog.text


def test_an_anchor_from_another_profile_does_not_open(used, tmp_path):
    check = audit_check.load_anchor(used.paths.audit_anchor, b"\x01" * 32)

    assert check == (None, audit_check.ANCHOR_DAMAGED)


def test_entries_with_any_detail_verify_and_a_detail_that_is_not_json_is_a_break(used, reopen, password, caplog):
    with used.store.unit_of_work() as session:
        from app.models.audit import append_audit

        append_audit(session, "case.export", detail={"format": "pdf", "note": "æøå ☃ \u202e", "pages": [1, 2]})
    assert verify_chain(audit_entries(used)) is None  # the ORM's hash and the stored one agree ...
    assert used.check_audit_trail().ok  # ... as the check reads it
    used.cases.record_search("holm")
    seq = audit_entries(used)[-1].seq
    used.lock()
    _with_the_key(used.paths, password, (f"UPDATE audit_log SET detail = 'not json' WHERE seq = {seq}", ()))

    with caplog.at_level(logging.INFO), pytest.raises(AuditTrailBrokenError):
        reopen().check_audit_trail()

    assert f"audit chain broken at entry {seq} (case.search)" in caplog.text


def test_an_anchored_entry_changed_without_rehashing_is_found_at_start(used, reopen, password, caplog):
    used.check_audit_trail()
    used.lock()  # the anchor: verified at the case's second opening (seq 5), newest the lock (seq 6)
    _with_the_key(used.paths, password, ("UPDATE audit_log SET action = 'case.update' WHERE seq = 5", ()))

    with caplog.at_level(logging.INFO), pytest.raises(AuditTrailBrokenError):
        reopen().check_audit_trail()

    assert "audit chain broken at entry 5 (case.update)" in caplog.text
    assert "intact up to" not in caplog.text  # the entries after it were checked, not the ones before


def test_a_full_disk_at_the_first_anchor_records_nothing_and_the_next_start_anchors(workspace, monkeypatch):
    from app.core.errors import DiskFullError
    from app.services import workspace as workspace_module

    real_write = workspace_module.write_anchor

    def disk_full(*args, **kwargs):
        raise DiskFullError()

    monkeypatch.setattr(workspace_module, "write_anchor", disk_full)
    assert workspace.check_audit_trail().ok  # no anchor, and nothing says there is one ...
    assert not workspace.paths.audit_anchor.exists()
    assert [e.action for e in audit_entries(workspace)] == ["profile.create"]

    monkeypatch.setattr(workspace_module, "write_anchor", real_write)
    check = workspace.check_audit_trail()  # ... so the next start anchors as for the first time

    assert check.ok and check.anchor_state == "none"
    assert workspace.paths.audit_anchor.is_file()
    assert [e.action for e in audit_entries(workspace)] == ["profile.create", "audit.anchor"]


def test_while_she_works_the_anchor_follows_the_newest_entry_every_few_minutes(workspace, password, monkeypatch):
    from app.services import workspace as workspace_module

    key = anchor_key(_data_key(workspace.paths, password))
    workspace.check_audit_trail()
    anchored = workspace.paths.audit_anchor.read_bytes()
    case_id = workspace.cases.create_case(family()).id
    assert workspace.paths.audit_anchor.read_bytes() == anchored  # not at every commit ...

    monkeypatch.setattr(workspace_module, "ANCHOR_EVERY_S", 0.0)  # ... but once the minutes have passed
    workspace.cases.overview(case_id)

    newest = audit_entries(workspace)[-1]
    anchor = read_anchor(workspace.paths.audit_anchor, key)
    assert newest.action == "case.open"
    assert (anchor.newest.seq, anchor.newest.hash) == (newest.seq, newest.hash)
    assert anchor.verified.seq == 2  # verified stays where the check got to
