"""The local change log holds each change in the wire format: what is logged is what sync sends."""

from __future__ import annotations

import json
from datetime import date

from app.models import ChangeLogEntry
from app.services.cases.dto import MemberInput
from app.sync.wire import DELETE, UPSERT, RecordChange, datetime_from_wire
from tests.helpers.db import last_seq, log_entries
from tests.helpers.families import family


def test_every_logged_change_is_a_record_change_that_goes_through_json(workspace):
    after = last_seq(workspace, ChangeLogEntry)
    overview = workspace.cases.create_case(family())

    rows = log_entries(workspace, after=after)

    assert rows
    for row in rows:
        change = row.change()
        assert (change.record_type, change.record_id, change.revision, change.op) == (
            row.entity, row.record_id, row.revision, UPSERT)
        assert dict(change.fields) == row.payload
        assert RecordChange.from_json(change.to_json()) == change
    [case] = [r.change() for r in rows if r.entity == "cases"]
    assert case.fields["id"] == overview.id
    assert datetime_from_wire(case.fields["created_at"]).utcoffset().total_seconds() == 0
    json.dumps(case.fields)  # every value is already JSON


def test_a_removed_record_is_logged_as_a_delete_with_only_its_id(workspace):
    overview = workspace.cases.create_case(family(extra=(MemberInput("lillebror", "Otto", birth_date=date(2019, 8, 1)),)))
    member = overview.members[2]
    after = last_seq(workspace, ChangeLogEntry)

    workspace.cases.remove_member(overview.id, member.id)

    changes = [row.change() for row in log_entries(workspace, after=after)]
    [removed] = [c for c in changes if c.record_id == member.id]
    assert removed.op == DELETE
    assert dict(removed.fields) == {"id": member.id}
