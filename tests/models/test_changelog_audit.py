"""The change log (every insert, update and delete, for sync) and the audit trail (who opened or
changed which family's record, when; append-only and hash-chained).

Both are written in the same transaction as the change: a unit of work that fails leaves no record,
no change-log row and no audit entry behind.
"""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app.core.errors import StorageError
from app.models import Actor, AuditEntry, Case, ChangeLogEntry
from app.models.audit import verify_chain
from app.services.cases import dto
from app.services.cases import service as cases_module
from app.services.store import Store
from tests.helpers.db import audit_entries, last_seq, log_entries, row_counts
from tests.helpers.families import family, participation

DERIVED = {c.key for c in Case.__table__.columns if c.info.get("derived")}










# ---- the change log


def test_creating_a_case_logs_every_new_record(workspace):
    after = last_seq(workspace, ChangeLogEntry)

    overview = workspace.cases.create_case(family())

    rows = log_entries(workspace, after=after)
    logged = {(r.entity, r.record_id) for r in rows}
    expected = (
        {("cases", overview.id)}
        | {("family_members", m.id) for m in overview.members}
        | {("diagnoses", d.id) for m in overview.members for d in m.diagnoses}
        | {("referrals", r.id) for r in overview.referrals}
        | {("case_steps", s.id) for s in overview.steps}
    )
    assert logged == expected
    assert {(r.operation, r.revision) for r in rows} == {("insert", 1)}


def test_change_log_rows_carry_author_device_and_a_growing_revision(workspace):
    case_id = workspace.cases.create_case(family()).id
    actor = workspace.store.actor

    workspace.cases.update_household(case_id, dto.HouseholdInput("Familien Holm", "Bøgevej 3"))
    workspace.cases.update_household(case_id, dto.HouseholdInput("Familien Holm-Skovbjerg", "Bøgevej 3"))

    # Until it is synced, a record has one change-log row holding its newest state (sync sends
    # whole records); the revision counts every change.
    rows = [r for r in log_entries(workspace) if r.record_id == case_id]
    assert [(r.operation, r.revision) for r in rows] == [("insert", 3)]
    assert rows[0].payload["family_name"] == "Familien Holm-Skovbjerg"
    assert {(r.author_id, r.device_id) for r in log_entries(workspace)} == {(actor.user_id, actor.device_id)}
    assert actor.user_id == workspace.profile.id and actor.device_id
    assert rows[-1].payload["revision"] == 3
    assert rows[-1].payload["updated_by"] == actor.user_id
    assert rows[-1].synced_at is None  # waiting for sync

    # Once that row has been sent, the next change gets a row of its own.
    with workspace.store.unit_of_work() as session:
        session.execute(text("UPDATE change_log SET synced_at = '2026-11-22T10:00:00.000000+00:00'"))
    workspace.cases.update_household(case_id, dto.HouseholdInput("Familien Holm", "Bøgevej 5"))
    rows = [r for r in log_entries(workspace) if r.record_id == case_id]
    assert [(r.operation, r.revision) for r in rows] == [("insert", 3), ("update", 4)]
    assert rows[-1].payload["address"] == "Bøgevej 5"


def test_change_from_another_device_is_stamped_with_its_ids(workspace):
    case_id = workspace.cases.create_case(family()).id
    other = Store(workspace.store.engine, Actor(user_id="colleague-profile", device_id="colleague-laptop"))

    with other.unit_of_work() as session:
        session.get(Case, case_id).note = "Ringet til mor"

    [row] = [r for r in log_entries(workspace) if r.record_id == case_id and r.operation == "update"]
    assert (row.author_id, row.device_id, row.revision) == ("colleague-profile", "colleague-laptop", 2)
    assert (row.payload["updated_by"], row.payload["created_by"]) == ("colleague-profile", workspace.profile.id)


def test_derived_summary_columns_are_left_out_of_the_payload(workspace):
    case_id = workspace.cases.create_case(family()).id
    workspace.course.record_consent(case_id, participation())

    case_rows = [r for r in log_entries(workspace) if r.entity == "cases"]

    assert DERIVED >= {"search_text", "tovholder_name", "has_participation_consent", "child_names"}
    assert len(case_rows) == 1  # created, then changed by the consent: one unsynced row
    assert case_rows[0].revision == 2
    for row in case_rows:
        assert not DERIVED & set(row.payload)
        assert {"family_name", "address", "status", "phase", "current_step_code"} <= set(row.payload)


def test_removing_a_member_logs_deletes_for_it_and_its_diagnoses(workspace):
    overview = workspace.cases.create_case(family(extra=(dto.MemberInput(
        "lillebror", "Otto", birth_date=date(2019, 8, 1), diagnoses=(dto.DiagnosisInput("Astma", "DJ45"),)),)))
    brother = overview.members[2]
    after = last_seq(workspace, ChangeLogEntry)

    workspace.cases.remove_member(overview.id, brother.id)

    rows = {(r.entity, r.record_id): r for r in log_entries(workspace, after=after)}
    assert rows[("family_members", brother.id)].operation == "delete"
    assert rows[("diagnoses", brother.diagnoses[0].id)].operation == "delete"
    assert rows[("family_members", brother.id)].payload == {"id": brother.id}


def test_dropping_a_diagnosis_logs_its_delete(workspace):
    overview = workspace.cases.create_case(family())
    child = overview.members[1]
    after = last_seq(workspace, ChangeLogEntry)

    workspace.cases.save_member(overview.id, dto.MemberInput(
        "barn", child.first_name, child.last_name, birth_date=child.birth_date, id=child.id))

    ops = {(r.entity, r.record_id): r.operation for r in log_entries(workspace, after=after)}
    assert ops[("diagnoses", child.diagnoses[0].id)] == "delete"


def test_failing_unit_of_work_leaves_neither_record_nor_change_log_row(workspace):
    before = row_counts(workspace, Case, ChangeLogEntry, AuditEntry)

    with pytest.raises(RuntimeError):
        with workspace.store.unit_of_work() as session:
            session.add(Case(family_name="Familien Afbrudt", template_id="herning", template_version=1,
                             opened_on=date(2026, 11, 1)))
            session.flush()
            # Inside the transaction the change-log row is there already ...
            pending = session.execute(select(func.count()).select_from(ChangeLogEntry)).scalar_one()
            assert pending == before[1] + 1
            raise RuntimeError("power cut")

    assert row_counts(workspace, Case, ChangeLogEntry, AuditEntry) == before  # ... and it went with the record


def test_failing_service_call_after_the_flush_saves_nothing(workspace, monkeypatch):
    before = row_counts(workspace, Case, ChangeLogEntry, AuditEntry)

    def audit_fails(*args, **kwargs):
        raise OSError("the audit trail could not be written")

    monkeypatch.setattr(cases_module, "append_audit", audit_fails)
    with pytest.raises(OSError):
        workspace.cases.create_case(family())

    assert row_counts(workspace, Case, ChangeLogEntry, AuditEntry) == before


# ---- the audit trail


def test_open_create_and_change_are_audited_with_who_and_when(workspace):
    actor = workspace.store.actor
    first = len(audit_entries(workspace))

    created = workspace.cases.create_case(family())
    workspace.cases.overview(created.id, via_search="skovbjerg")
    workspace.cases.update_household(created.id, dto.HouseholdInput("Familien Holm"))
    workspace.course.record_consent(created.id, participation())
    workspace.cases.record_search("lærke")

    entries = audit_entries(workspace)[first:]
    assert [(e.action, e.case_id, e.entity) for e in entries] == [
        ("case.create", created.id, "cases"),
        ("case.open", created.id, "cases"),
        ("case.update", created.id, "cases"),
        ("consent.record", created.id, "consents"),
        ("case.search", "", ""),
    ]
    assert entries[0].detail == {"template": "herning@1"}
    assert entries[1].detail == {"via_search": "text"}  # the kind of search, not what she typed
    assert entries[3].detail == {"scopes": ["participation"]}
    assert entries[4].detail == {"kind": "text", "length": 5}
    assert {(e.user_id, e.device_id) for e in entries} == {(actor.user_id, actor.device_id)}
    for entry in entries:
        assert entry.at.utcoffset() == timedelta(0) and entry.at.tzinfo is not None
    assert [e.at for e in entries] == sorted(e.at for e in entries)


def test_profile_create_unlock_and_lock_are_audited(workspace, reopen):
    workspace.lock()
    reopen().lock()

    assert [e.action for e in audit_entries(reopen())] == [
        "profile.create", "profile.lock", "profile.unlock", "profile.lock", "profile.unlock"]


def test_audit_chain_is_intact_after_normal_use(demo_workspace):
    entries = audit_entries(demo_workspace)

    assert len(entries) == 41  # the profile, and 40 families created
    assert verify_chain(entries) is None
    assert entries[0].prev_hash == "0" * 64
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:], strict=False))


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET action = 'case.nothing' WHERE seq = 1",
    "DELETE FROM audit_log WHERE seq = 1",
    "DELETE FROM audit_log",
])
def test_database_refuses_to_change_or_delete_audit_entries(workspace, statement):
    before = [(e.seq, e.action, e.hash) for e in audit_entries(workspace)]

    with pytest.raises(IntegrityError, match="append-only"):
        with workspace.store.engine.begin() as conn:
            conn.exec_driver_sql(statement)
    with pytest.raises(StorageError):
        with workspace.store.unit_of_work() as session:
            session.connection().exec_driver_sql(statement)

    assert [(e.seq, e.action, e.hash) for e in audit_entries(workspace)] == before


@pytest.fixture
def tamperable(workspace):
    """Five audited actions, then the append-only triggers dropped so the test can tamper."""
    case_id = workspace.cases.create_case(family()).id
    for _ in range(3):
        workspace.cases.overview(case_id)
    with workspace.store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_log_no_update")
        conn.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
    entries = audit_entries(workspace)
    assert len(entries) == 5 and verify_chain(entries) is None
    return workspace


def _tamper(workspace, sql: str, *params: str) -> list[AuditEntry]:
    with workspace.store.engine.begin() as conn:
        conn.exec_driver_sql(sql, params)
    return audit_entries(workspace)


def test_verify_chain_finds_an_edited_entry(tamperable):
    entries = _tamper(tamperable, "UPDATE audit_log SET action = 'profile.unlock' WHERE seq = 3")

    assert verify_chain(entries) == 3


def test_verify_chain_finds_a_backdated_entry(tamperable):
    when = (audit_entries(tamperable)[2].at - timedelta(days=30)).astimezone(UTC).isoformat(timespec="microseconds")

    assert verify_chain(_tamper(tamperable, "UPDATE audit_log SET at = ? WHERE seq = 3", when)) == 3


def test_verify_chain_finds_an_edit_whose_hash_was_recomputed(tamperable):
    entry = audit_entries(tamperable)[2]
    entry.user_id = "someone-else"
    forged = entry.compute_hash()

    entries = _tamper(tamperable, "UPDATE audit_log SET user_id = 'someone-else', hash = ? WHERE seq = 3",
                      forged)

    assert verify_chain(entries) == 4  # the next entry no longer links to it


def test_verify_chain_finds_a_deleted_entry(tamperable):
    entries = _tamper(tamperable, "DELETE FROM audit_log WHERE seq = 2")

    assert [e.seq for e in entries] == [1, 3, 4, 5]
    assert verify_chain(entries) == 3
