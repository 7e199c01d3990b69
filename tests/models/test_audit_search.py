"""A search's audit entry says that she searched, for what kind of text, how long, and (when the list
gives it) how many families it showed, never the text she typed: the trail can never be changed or
deleted and goes to the server, so a typed CPR number or name there would outlive the family's record.
Which families she looked at is in their own ``case.open`` entries."""

from __future__ import annotations

from datetime import date

import pytest

from app.services.cases.service import search_kind
from tests.helpers.db import audit_entries
from tests.helpers.families import cpr_for, family


def _trail_text(workspace) -> str:
    """Every stored column of every audit entry, as one text."""
    with workspace.store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT * FROM audit_log").all()
    return "\n".join(str(value) for row in rows for value in row)


def test_a_cpr_search_leaves_no_digits_of_it_in_the_trail(workspace):
    cpr = cpr_for(date(2025, 3, 14), seed=3)
    case_id = workspace.cases.create_case(family("Quistgaard")).id

    workspace.cases.record_search(f" {cpr} ")
    workspace.cases.overview(case_id, via_search=cpr)

    search, opened = audit_entries(workspace)[-2:]
    assert (search.action, search.detail) == ("case.search", {"kind": "cpr", "length": 11})
    assert (opened.action, opened.detail) == ("case.open", {"via_search": "cpr"})
    trail = _trail_text(workspace)
    assert cpr not in trail and cpr.replace("-", "") not in trail and cpr[:6] not in trail


def test_a_name_search_leaves_no_name_in_the_trail(workspace):
    case_id = workspace.cases.create_case(family("Quistgaard")).id

    workspace.cases.record_search("quistg", results=1)
    workspace.cases.overview(case_id, via_search="quistg")

    search, opened = audit_entries(workspace)[-2:]
    assert search.detail == {"kind": "text", "length": 6, "results": 1}
    assert opened.detail == {"via_search": "text"}
    assert "quistg" not in _trail_text(workspace).casefold()


def test_an_empty_search_is_not_audited_and_an_open_without_search_has_no_detail(workspace):
    case_id = workspace.cases.create_case(family()).id
    before = len(audit_entries(workspace))

    workspace.cases.record_search("   ")
    workspace.cases.overview(case_id, via_search=" ")

    assert [(e.action, e.detail) for e in audit_entries(workspace)[before:]] == [("case.open", {})]


@pytest.mark.parametrize(("query", "kind"), [
    ("Quistgaard", "text"), ("Bøgevej", "text"), ("Bøgevej 3", "mixed"), ("12", "number"), ("140325", "cpr"),
    ("140325-", "cpr"), ("1403 25 12", "cpr"), ("Lærke Holm", "text"), ("8000", "number"),
])
def test_the_kind_of_search(query, kind):
    assert search_kind(query) == kind
