"""Loading a municipality's own conversation guide from Indstillinger: a malformed file is refused with
its file and line and the current guide stays; a valid one can be chosen for new conversations."""

from __future__ import annotations

import shutil

from app.core.resources import resources_dir
from app.ui.profile.settings_dialog import SettingsDialog
from tests.helpers.tasks import settle


def test_a_bad_guide_is_refused_with_file_and_line_and_a_good_one_is_taken_into_use(qtbot, demo_workspace,
                                                                                      tmp_path):
    dialog = SettingsDialog(demo_workspace)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    before = [dialog.guide.itemData(i) for i in range(dialog.guide.count())]

    broken = tmp_path / "greve.yaml"
    text = (resources_dir() / "examples" / "greve-spoergeguide.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    line_no = next(i for i, line in enumerate(lines, start=1) if line.strip().startswith("kind: general"))
    lines[line_no - 1] = lines[line_no - 1].replace("kind: general", "kind: gossip")
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog.load_guide(str(broken))
    settle(qtbot)
    assert dialog.guide_message.isVisible()
    assert "greve.yaml" in dialog.guide_message.text() and str(line_no) in dialog.guide_message.text()
    assert [dialog.guide.itemData(i) for i in range(dialog.guide.count())] == before

    good = tmp_path / "greve-spoergeguide.yaml"
    shutil.copy(resources_dir() / "examples" / "greve-spoergeguide.yaml", good)
    dialog.load_guide(str(good))
    settle(qtbot)
    assert not dialog.guide_message.isVisible()
    assert dialog.guide_ok.isVisible()
    assert dialog.guide.findData("greve") >= 0
    assert dialog.guide_choice() == "greve"
