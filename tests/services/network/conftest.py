"""Fixtures for the network map's service tests: a family with consent, the network and partner services."""

from __future__ import annotations

import pytest

from app.services.workspace import Workspace
from tests.helpers.network import (
    _case,
)


@pytest.fixture
def case_id(workspace: Workspace) -> str:
    """A family with participation consent in force, and an empty map."""
    return _case(workspace)


@pytest.fixture
def net(workspace: Workspace):  # type: ignore[no-untyped-def]
    return workspace.network


@pytest.fixture
def partners(workspace: Workspace):  # type: ignore[no-untyped-def]
    return workspace.partners
