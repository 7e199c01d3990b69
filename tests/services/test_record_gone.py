"""Records that are gone or locked away: known, explainable refusals, never bugs, no id in the message."""

from __future__ import annotations

import pytest

from app.core.errors import KnownError, ProfileLockedError, RecordGoneError
from app.services.cases import dto
from app.services.cases.service import CaseNotFoundError


def test_a_missing_case_is_refused_calmly(workspace):
    with pytest.raises(KnownError) as caught:
        workspace.cases.overview("0190aaaa-0000-7000-8000-000000000000")
    assert isinstance(caught.value, CaseNotFoundError) and isinstance(caught.value, RecordGoneError)
    assert caught.value.record_id == "0190aaaa-0000-7000-8000-000000000000"
    assert "0190aaaa" not in str(caught.value)
    assert isinstance(caught.value, LookupError)  # callers that look for a lookup failure still see one


def test_work_arriving_after_the_lock_does_not_reopen_the_records(workspace):
    """A save still on its way when the app locks is refused calmly; the database is not opened again."""
    workspace.lock()
    with pytest.raises(ProfileLockedError):
        workspace.cases.search(dto.CaseFilter())
    assert workspace.store.closed
