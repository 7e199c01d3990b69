"""A record that is no longer there (removed in another window, later on another laptop) is a known,
explainable refusal, never a bug, and its message carries no id or name."""

from __future__ import annotations

import pytest

from app.core.errors import KnownError, RecordGoneError
from app.services.cases.service import CaseNotFoundError


def test_a_missing_case_is_refused_calmly(workspace):
    with pytest.raises(KnownError) as caught:
        workspace.cases.overview("0190aaaa-0000-7000-8000-000000000000")
    assert isinstance(caught.value, CaseNotFoundError) and isinstance(caught.value, RecordGoneError)
    assert caught.value.record_id == "0190aaaa-0000-7000-8000-000000000000"
    assert "0190aaaa" not in str(caught.value)
    assert isinstance(caught.value, LookupError)  # callers that look for a lookup failure still see one
