"""Fixtures for the clarifying conversation's service tests."""

from __future__ import annotations

import pytest

from tests.helpers.conversation import (
    _started,
)


@pytest.fixture
def started(workspace):
    """The workspace, a case (Mette and Lærke, 10) with consent, and its conversation."""
    case, view = _started(workspace)
    return workspace, case, view
