"""UI fixtures: the real application controller and windows, offscreen, in Danish by default."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from app.core.settings import Policy, Settings
from app.security.kdf import FAST_KDF
from app.services.workspace import create_profile
from app.ui.application import AppController, create_qapplication
from app.ui.common.i18n import install_translators
from app.ui.main_window import MainWindow
from tests.helpers.tasks import settle


@pytest.fixture(autouse=True)
def danish(qapp, qtbot):
    create_qapplication()
    install_translators("da")
    yield
    # No task of this test may deliver its result into the next one.
    settle(qtbot)
    install_translators("da")


@pytest.fixture
def workspace(workspace, qtbot):
    """The shared profile fixture, with the database lane settled before its store is closed."""
    yield workspace
    settle(qtbot)


@pytest.fixture
def controller(qtbot, qapp, paths, content):
    """The app controller over an isolated folder, creating profiles with the fast KDF."""
    controller = AppController(
        paths, Settings(), Policy(),
        create=partial(create_profile, kdf=FAST_KDF, content=content),
    )
    yield controller
    settle(qtbot)
    if controller.workspace is not None:
        controller.workspace.store.close()
    if controller.window is not None:
        controller.window.close()
    # Delete the controller and its windows now, on this thread, rather than whenever the garbage
    # collector gets to them (which may be on a worker thread of a later test).
    qapp.removeEventFilter(controller.idle)
    controller.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def main_window(qtbot, demo_workspace):
    window = MainWindow(demo_workspace)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()  # a bare X server (Xvfb, no window manager) does not activate it by itself
    qtbot.waitUntil(window.isActiveWindow)
    return window
