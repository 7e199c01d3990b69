"""A municipality's hostile content file never locks her out: she unlocks through the real windows, the
shipped content is used, and the main window says calmly which file was refused, where and why. Loaded
in Indstillinger, the same file is refused with the same words and not taken into use."""

from __future__ import annotations

import time

import pytest

from app.ui.common.i18n import error_text
from app.ui.main_window import MainWindow
from app.ui.profile.settings_dialog import SettingsDialog
from tests.conftest import PASSWORD
from tests.content.hostile import BY_NAME
from tests.helpers.tasks import settle
from tests.ui.profile.test_profile_and_lock import unlock_with


@pytest.mark.parametrize("name", ["alias-bomb", "python-on-map", "deep-lists", "bad-utf8"])
def test_she_unlocks_with_the_shipped_content_and_the_banner_names_the_refused_file(
        qtbot, controller, workspace, paths, name):
    hostile = BY_NAME[name]
    workspace.lock()
    paths.municipal_content_dir.mkdir(parents=True, exist_ok=True)
    (paths.municipal_content_dir / hostile.file).write_bytes(hostile.data)
    controller.start()

    started = time.perf_counter()
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    assert time.perf_counter() - started < 5.0  # the unlock (fast KDF) and the refusal together

    main = controller.window
    assert isinstance(main, MainWindow)
    assert controller.bug_box is None  # no «Noget gik galt.»
    assert main.notices["content"].isVisible()
    text = main.notices["content"].text()
    assert hostile.file in text
    assert error_text(controller.workspace.content.rejected[0]) in text
    assert (f" {hostile.line}:" in text) if hostile.line else (f"{hostile.file}:" in text)  # no line for a whole file
    assert controller.workspace.content.guide("standard") is not None


def test_a_hostile_guide_loaded_in_settings_is_refused_with_the_same_words_and_not_installed(
        qtbot, demo_workspace, paths, tmp_path):
    dialog = SettingsDialog(demo_workspace)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    before = [dialog.guide.itemData(i) for i in range(dialog.guide.count())]
    for name in ("alias-bomb", "python-on-value", "five-mb-string"):
        hostile = BY_NAME[name]
        source = tmp_path / hostile.file
        source.write_bytes(hostile.data)
        started = time.perf_counter()
        dialog.load_guide(str(source))
        settle(qtbot)
        assert time.perf_counter() - started < 5.0
        assert dialog.guide_message.isVisible()
        message = dialog.guide_message.text()
        assert hostile.file in message and (f" {hostile.line}:" in message if hostile.line else f"{hostile.file}:" in message)
        assert not (paths.municipal_content_dir / hostile.file).exists()
        assert [dialog.guide.itemData(i) for i in range(dialog.guide.count())] == before
