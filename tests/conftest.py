"""Shared fixtures: isolated folders, a fast-KDF profile, synthetic families, a fixed 'today'."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from datetime import date  # noqa: E402

import pytest  # noqa: E402

from app.content.library import ContentLibrary  # noqa: E402
from app.core.paths import AppPaths  # noqa: E402
from app.core.resources import content_dir  # noqa: E402
from app.core.settings import Policy, Settings  # noqa: E402
from app.reports import pdf_text
from app.security.kdf import FAST_KDF  # noqa: E402
from app.services.cases.dto import NewProfile  # noqa: E402
from app.services.demo import DemoOptions, populate  # noqa: E402
from app.services.workspace import Workspace, create_profile, unlock  # noqa: E402

TODAY = date(2026, 11, 22)
PASSWORD = "kaffe cykel regnvejr 7"


@pytest.fixture(autouse=True)
def small_space_reserve(request, monkeypatch) -> None:
    """Every profile keeps a space reserve for a full disk (app/core/diskspace.py); 8 MB each would fill
    the disk with the hundreds of profiles a test run makes, so tests get a small one unless marked."""
    if request.node.get_closest_marker("real_space_reserve") is None:
        from app.core import diskspace

        monkeypatch.setattr(diskspace, "RESERVE_BYTES", 256 * 1024)


@pytest.fixture(scope="session")
def content() -> ContentLibrary:
    return ContentLibrary.load(content_dir())


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    paths = AppPaths.for_basedir(tmp_path / "profile")
    paths.ensure()
    return paths


@pytest.fixture
def workspace(paths: AppPaths, content: ContentLibrary) -> Iterator[Workspace]:
    """A freshly created profile, unlocked, with no families."""
    ws = create_profile(
        paths,
        NewProfile("Hanne Testesen", "sundhedsplejerske", "Sundhedsplejen, Testkommune", "12345678",
                   "hanne@example.invalid"),
        PASSWORD,
        Settings(),
        Policy(),
        kdf=FAST_KDF,
        content=content,
        today=lambda: TODAY,
    )
    yield ws
    ws.store.close()


@pytest.fixture
def demo_workspace(workspace: Workspace) -> Workspace:
    """The profile with 40 synthetic families."""
    populate(workspace, DemoOptions(families=40, seed=7))
    return workspace


@pytest.fixture
def password() -> str:
    """The password of the ``workspace`` fixture's profile."""
    return PASSWORD


@pytest.fixture
def reopen(paths: AppPaths, content: ContentLibrary) -> Iterator[Callable[..., Workspace]]:
    """Unlock the ``workspace`` fixture's profile again (after ``lock()``), as the next start would."""
    opened: list[Workspace] = []

    def _reopen(password: str = PASSWORD, policy: Policy | None = None,
                clock: Callable[[], float] | None = None) -> Workspace:
        ws = unlock(paths, password, Settings.load(paths.settings_file), policy or Policy(),
                    content=content, clock=clock, today=lambda: TODAY)
        opened.append(ws)
        return ws

    yield _reopen
    for ws in opened:
        ws.store.close()


@pytest.fixture(params=["truetype", "builtin"])
def font(request, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    """Run a test with DejaVu Sans (where installed) and with the built-in Helvetica fallback."""
    if request.param == "builtin":
        monkeypatch.setattr(pdf_text, "FONT_CANDIDATES",
                            ((tmp_path / "missing.ttf", tmp_path / "missing-bold.ttf"),))
    elif not pdf_text.pick_fonts().unicode:
        pytest.skip("DejaVu Sans is not installed here")
    return request.param
