"""Guide versions that outlive their content files: a conversation keeps the guide version it was started
with, rendered from its snapshot; a malformed guide is refused with file and line.
"""

from __future__ import annotations

import pytest

from app.core.errors import ConsentRequiredError, ContentError
from app.core.resources import content_dir
from app.core.settings import Settings
from tests.conftest import TODAY
from tests.helpers.conversation import (
    GREVE_EXAMPLE,
    STANDARD,
    V1_PROMPT_DA,
    V2_PROMPT_DA,
    _guide_v2,
    _new_case,
    _prompt_texts,
    _started,
    _unlock_fresh,
)


def test_a_conversation_keeps_its_guide_version(workspace, tmp_path):
    first_case, first = _started(workspace)
    workspace.conversations.save_notes(first.id, "formaal", "Noter til v1", 3)

    workspace.install_content(_guide_v2(tmp_path))

    assert [(g.id, g.version) for g in workspace.content.guides()] == [("standard", 2)]
    kept = workspace.conversations.open(first.id)
    assert (kept.guide_id, kept.guide_version) == ("standard", 1)
    assert _prompt_texts(kept.section("formaal"))[0] == V1_PROMPT_DA
    assert kept.section("formaal").notes == "Noter til v1"
    assert workspace.conversations.start(first_case.id).guide_version == 1  # resuming keeps it too
    _, second = _started(workspace, surname="Nørgaard")
    assert (second.guide_id, second.guide_version) == ("standard", 2)
    assert _prompt_texts(second.section("formaal"))[0] == V2_PROMPT_DA


def test_a_guide_version_renders_from_its_snapshot_after_the_file_is_gone(workspace, paths, tmp_path):
    _, first = _started(workspace)
    workspace.install_content(_guide_v2(tmp_path))
    _, second = _started(workspace, surname="Nørgaard")
    workspace.conversations.save_notes(second.id, "formaal", "Noter til v2", 3)
    installed = paths.municipal_content_dir / "standard-v2.yaml"
    assert installed.exists()
    installed.unlink()
    workspace.lock()

    again = _unlock_fresh(paths)
    try:
        assert [(g.id, g.version) for g in again.content.guides()] == [("standard", 1)]
        with pytest.raises(KeyError):
            again.content.guide("standard", 2)
        v2 = again.conversations.open(second.id)
        assert (v2.guide_id, v2.guide_version) == ("standard", 2)
        assert _prompt_texts(v2.section("formaal"))[0] == V2_PROMPT_DA
        assert v2.section("formaal").notes == "Noter til v2"
        assert _prompt_texts(again.conversations.open(first.id).section("formaal"))[0] == V1_PROMPT_DA
        again.conversations.save_notes(second.id, "formaal", "Mere", 4)  # still writable
        assert [i.guide_version for i in again.conversations.list_for_case(v2.case_id)] == [2]
        _, third = _started(again, surname="Lindholt")
        assert third.guide_version == 1
    finally:
        again.store.close()


def test_a_malformed_guide_is_refused_with_file_and_line(workspace, paths, tmp_path):
    text = STANDARD.read_text("utf-8").replace("\nversion: 1\n", "\nversion: 2\n")
    lines = text.splitlines()
    line = next(n for n, row in enumerate(lines, start=1) if row.strip() == "kind: member")
    lines[line - 1] = lines[line - 1].replace("kind: member", "kind: medlem")
    broken = tmp_path / "kommunens-guide.yaml"
    broken.write_text("\n".join(lines) + "\n", "utf-8")
    before = workspace.content.guides()

    with pytest.raises(ContentError) as caught:
        workspace.install_content(broken)

    assert (caught.value.file, caught.value.line) == ("kommunens-guide.yaml", line)
    assert "medlem" in caught.value.reason
    assert workspace.content.guides() == before
    assert not (paths.municipal_content_dir / "kommunens-guide.yaml").exists()
    assert _started(workspace)[1].guide_version == 1


def test_a_rejected_file_does_not_remove_the_guide_it_was_meant_to_replace(workspace, paths, tmp_path):
    workspace.install_content(_guide_v2(tmp_path, "kommunens-guide.yaml"))
    # The same file name again, now claiming version 1 with other questions than the shipped version 1.
    clash = tmp_path / "clash" / "kommunens-guide.yaml"
    clash.parent.mkdir()
    clash.write_text(STANDARD.read_text("utf-8").replace(V1_PROMPT_DA, "Noget andet?"), "utf-8")

    with pytest.raises(ContentError) as caught:
        workspace.install_content(clash)

    assert caught.value.file == "kommunens-guide.yaml"
    assert [(g.id, g.version) for g in workspace.content.guides()] == [("standard", 2)]
    workspace.lock()
    again = _unlock_fresh(paths)
    try:
        assert [(g.id, g.version) for g in again.content.guides()] == [("standard", 2)]
        assert again.content.rejected == []
    finally:
        again.store.close()


def test_a_conversation_whose_guide_is_gone_opens_from_its_snapshot(workspace, paths):
    case = _new_case(workspace)
    other = _new_case(workspace, "Nørgaard")
    installed = workspace.install_content(GREVE_EXAMPLE)
    assert (installed.id, installed.version) == ("greve", 1)
    settings = Settings.load(paths.settings_file)
    settings.conversation_guide = "greve"
    settings.save(paths.settings_file)
    workspace.lock()

    with_greve = _unlock_fresh(paths)
    try:
        view = with_greve.conversations.start(case.id)
        assert (view.guide_id, view.guide_version) == ("greve", 1)
        member_section = next(s for s in view.sections if s.kind == "member")
        with_greve.conversations.save_notes(view.id, member_section.key, "Noter efter Greves guide", 8)
        with_greve.conversations.add_item(view.id, "need", "Hjælp til breve")
    finally:
        with_greve.lock()
    (paths.municipal_content_dir / GREVE_EXAMPLE.name).unlink()

    without = _unlock_fresh(paths)
    try:
        assert "greve" not in {g.id for g in without.content.guides()}
        opened = without.conversations.open(view.id)
        assert (opened.guide_id, opened.guide_version, opened.guide_title.da) == (
            "greve", 1, "Greve – spørgeguide til hjemmebesøget")
        assert [s.key for s in opened.sections] == [s.key for s in view.sections]
        assert opened.section(member_section.key).notes == "Noter efter Greves guide"
        assert [n.text for n in opened.needs] == ["Hjælp til breve"]
        assert without.conversations.list_for_case(case.id)[0].guide_title.da == opened.guide_title.da
        assert without.summaries.family_summary(view.id).needs == ("Hjælp til breve",)
        # A new conversation falls back to the standard guide.
        assert without.conversations.start(other.id).guide_id == "standard"
    finally:
        without.store.close()


def test_a_guide_file_changed_without_a_new_version_keeps_each_conversation_on_its_own_text(
        workspace, tmp_path):
    """A municipality edits its guide file but forgets to raise the version: conversations already
    held keep the questions they were answered against; new ones get the new text."""
    import yaml

    standard = yaml.safe_load((content_dir() / "guides" / "standard.yaml").read_text(encoding="utf-8"))
    standard["id"] = "kommune"
    source = tmp_path / "kommune.yaml"
    source.write_text(yaml.safe_dump(standard, allow_unicode=True, sort_keys=False), encoding="utf-8")
    workspace.install_content(source)
    workspace.conversations.default_guide = "kommune"
    first = workspace.conversations.start(_new_case(workspace, "Ahmadi").id)
    old_text = first.section("formaal").prompts[0].text.da

    standard["sections"][0]["prompts"][0]["text"] = {"da": "Ny formulering af det første spørgsmål",
                                                     "en": "New wording of the first question"}
    source.write_text(yaml.safe_dump(standard, allow_unicode=True, sort_keys=False), encoding="utf-8")
    workspace.install_content(source)
    workspace.conversations._snapshot_guides.clear()
    second = workspace.conversations.start(_new_case(workspace, "Yilmaz").id)

    assert second.section("formaal").prompts[0].text.da == "Ny formulering af det første spørgsmål"
    assert workspace.conversations.view(first.id).section("formaal").prompts[0].text.da == old_text


def test_a_conversation_in_progress_needs_consent_to_go_on(workspace):
    case_id, view = (lambda c, v: (c.id, v))(*_started(workspace, surname="Granlund"))
    overview = workspace.cases.overview(case_id)
    [grant] = [g for c in overview.consents for g in c.grants if g.scope == "participation"]
    workspace.course.withdraw_consent(case_id, grant.id, TODAY, "Familien ønsker pause")
    with pytest.raises(ConsentRequiredError):
        workspace.conversations.start(case_id)
    with pytest.raises(ConsentRequiredError):
        workspace.conversations.open(view.id)
