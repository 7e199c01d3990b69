"""Nothing cut off, nothing overlapping: the screens at a laptop's 1366×768, in Danish and in English,
checked for text that does not fit its widget (``tests/helpers/fit.py``)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.settings import Policy
from app.ui.common.i18n import install_translators
from app.ui.profile.setup_window import SetupWindow
from app.ui.profile.unlock_window import UnlockWindow
from tests.helpers.fit import cut_texts
from tests.helpers.tasks import settle

LAPTOP = (1366, 768)


@pytest.fixture(params=["da", "en"])
def language(request):  # type: ignore[no-untyped-def]
    install_translators(request.param)
    yield request.param
    install_translators("da")


def shown(qtbot, widget, size=LAPTOP):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(*size)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def test_first_start_with_a_refused_password(qtbot, language):
    window = shown(qtbot, SetupWindow(Policy(), language), (640, 520))  # a small screen at 150 %
    qtbot.keyClicks(window.name, "Hanne Testesen")
    qtbot.keyClicks(window.password, "hanne12345")
    qtbot.keyClicks(window.repeat, "hanne12345")
    qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    assert window.error.isVisible()
    assert cut_texts(window) == []


def test_unlock(qtbot, language):
    window = shown(qtbot, UnlockWindow("Testkommune"))
    window.show_recovery(False)
    window.show_error("x" * 10)
    assert cut_texts(window) == []


def test_main_window_with_a_case(qtbot, language, main_window, demo_workspace):
    from app.services.cases import dto

    main_window.resize(*LAPTOP)
    main_window.open_case(demo_workspace.cases.search(dto.CaseFilter()).items[0].id)
    settle(qtbot)
    assert cut_texts(main_window) == []


@pytest.fixture
def large_text(qapp):  # type: ignore[no-untyped-def]
    """Text at 150 %, as a laptop set to 150 % scaling shows it (the window stays 1366×768 pixels)."""
    from app.ui.application import apply_font

    apply_font(qapp, 1.5)
    yield
    apply_font(qapp, 1.0)


def test_main_window_with_a_case_at_150_percent(qtbot, large_text, main_window, demo_workspace):
    from app.services.cases import dto

    main_window.resize(*LAPTOP)
    main_window.show()
    case = next(i for i in demo_workspace.cases.search(dto.CaseFilter()).items if len(i.attention) >= 2)
    main_window.open_case(case.id)
    settle(qtbot)
    assert cut_texts(main_window) == []
    page = main_window.overview  # the family's page never scrolls sideways: nothing is cut at its right edge
    assert page.widget().minimumSizeHint().width() <= page.viewport().width()


def test_first_start_at_150_percent(qtbot, large_text):
    window = shown(qtbot, SetupWindow(Policy(), "da"), (1366 * 2 // 3, 768 * 2 // 3))
    assert cut_texts(window) == []
