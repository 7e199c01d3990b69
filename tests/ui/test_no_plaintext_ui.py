"""Through the real windows: a profile, a family and a half-typed form with canary names; then every
file under the profile folder is scanned. Nothing personal may be readable on the disk."""

from __future__ import annotations

import logging
import secrets

import pytest
from PySide6.QtCore import Qt

from app.core.logging_setup import setup_logging
from app.services.demo import synthetic_cpr
from app.ui.cases.new_case_dialog import NewCaseDialog
from tests.conftest import PASSWORD
from tests.ui.cases.test_cases_ui import add_member
from tests.ui.profile.test_profile_and_lock import unlock_with


def forms_of(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.casefold().encode("utf-8"),
            text.upper().encode("utf-8")]


def readable_canaries(folder, canaries: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for canary in canaries:
                if any(form in data for form in forms_of(canary)):
                    found.append(f"{canary} in {path.relative_to(folder)}")
    return found


@pytest.fixture
def app_log(paths):
    setup_logging(paths.log_file, logging.DEBUG)
    yield paths.log_file
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_tovholder", False):
            root.removeHandler(handler)
            handler.close()


def test_nothing_typed_in_the_windows_reaches_the_disk_in_clear(qtbot, controller, paths, app_log):
    from datetime import date

    tag = secrets.token_hex(3)
    surname, child, note = f"Qzvark{tag}", f"Wyxbel{tag}", f"Plorrin{tag}"
    cpr = synthetic_cpr(__import__("random").Random(tag), date(1990, 4, 17))
    canaries = [surname, child, note, cpr, cpr.replace("-", "")]

    controller.start()
    setup = controller.window
    qtbot.keyClicks(setup.name, f"Hanne {surname}")
    qtbot.keyClicks(setup.password, PASSWORD)
    qtbot.keyClicks(setup.repeat, PASSWORD)
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)

    main = controller.main
    dialog = main.actions.new_case()
    dialog.source_kind.setCurrentIndex(dialog.source_kind.findData("hospital"))
    add_member(qtbot, dialog, relation="mor", first="Anna", last=surname, born="", cpr=cpr)
    add_member(qtbot, dialog, relation="barn", first=child, last=surname, born="03-03-2017")
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    # A second form, half typed, left open while the app locks: its draft is written to disk.
    second = main.actions.new_case()
    assert isinstance(second, NewCaseDialog)
    qtbot.keyClicks(second.reason, note)
    second.save_draft()
    qtbot.keyClicks(main.case_list.search, surname)
    main.case_list.refresh()
    logging.getLogger("test").exception("while handling %s", "x", exc_info=ValueError(f"boom {surname} {cpr}"))

    assert (paths.data_dir / "tovholder.db-wal").exists()
    assert readable_canaries(paths.data_dir.parent, canaries) == []

    with qtbot.waitSignal(controller.locked):
        main.lock_action.trigger()
    assert readable_canaries(paths.data_dir.parent, canaries) == []

    # The draft really was kept (so the scan above had something to find, encrypted).
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    restored = [f for f in controller.main.actions.open_forms if isinstance(f, NewCaseDialog)]
    assert restored and restored[0].reason.toPlainText() == note
    assert app_log.exists() and app_log.stat().st_size > 0


def test_the_scan_finds_a_canary_written_in_clear(paths):
    """Positive control: the scanner does see text that is on the disk in clear."""
    (paths.cache_dir / "control.txt").write_bytes("Familien Qzvarkkontrol".encode("utf-16-le"))
    assert readable_canaries(paths.data_dir.parent, ["Qzvarkkontrol"]) == ["Qzvarkkontrol in cache/control.txt"]
