"""A whole clarifying conversation through the real conversation screen, offscreen: start it, write,
jump around, skip a sibling with a reason, try the offers too early, capture needs and resources, get
matched offers with a mismatch warning, agree next steps, read the summary back, print the PDF,
schedule a follow-up and see it due in the case list."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.core.errors import DiskFullError
from app.services.cases import dto
from app.ui.common.i18n import error_text
from app.ui.common.tasks import runner
from app.ui.conversation.notes import draft_key
from app.ui.conversation.window import ConversationWindow
from tests.conftest import PASSWORD, TODAY
from tests.helpers.tasks import settle
from tests.ui.profile.test_profile_and_lock import unlock_with


def holm_family(workspace) -> str:  # type: ignore[no-untyped-def]
    overview = workspace.cases.create_case(dto.NewCase(
        family_name="Familien Birkholm", template_id="generisk",
        referral=dto.ReferralInput("hospital", date(2026, 11, 10), organisation="Børneafdelingen"),
        members=(
            dto.MemberInput("mor", "Signe", "Birkholm", birth_date=date(1987, 4, 2), has_custody=True),
            dto.MemberInput("barn", "Freja", "Birkholm", birth_date=date(2016, 6, 1),
                            diagnoses=(dto.DiagnosisInput("Astma", "DJ45"),)),
            dto.MemberInput("storebror", "Villads", "Birkholm", birth_date=date(2012, 3, 3)),
        ),
    ))
    workspace.course.record_consent(overview.id, dto.ConsentInput(
        "Signe Birkholm", date(2026, 11, 12), "signed", (dto.ScopeInput("participation"),)))
    return overview.id


def start(qtbot, main_window, case_id: str) -> ConversationWindow:  # type: ignore[no-untyped-def]
    main_window.case_list.refresh()
    main_window.open_case(case_id)
    settle(qtbot)
    qtbot.mouseClick(main_window.overview.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    [window] = main_window.actions.conversation_windows  # closed with the main window (it is its parent)
    qtbot.waitUntil(window.isActiveWindow)  # the app activates it; its shortcuts need that
    settle(qtbot)
    return window


def saved_shown(window: ConversationWindow) -> bool:
    """The bar says "Gemt hh:mm:ss"."""
    return window.saved_label.text().startswith(window.tr("Saved {time}").split("{")[0])


def go(qtbot, window: ConversationWindow, key: str) -> None:  # type: ignore[no-untyped-def]
    """Jump to part ``key`` and wait until what it shows has been read."""
    window.go_to(key)
    settle(qtbot)


def section_key(window: ConversationWindow, kind: str, first_name: str = "") -> str:
    for section in window.view.sections:
        if section.kind != kind:
            continue
        if not first_name:
            return section.key
        member = next(m for m in window.view.members if m.id == section.member_id)
        if member.first_name == first_name:
            return section.key
    raise AssertionError(kind)


def capture(qtbot, window: ConversationWindow, kind: str, text: str, about: str = "", area: str = "") -> None:  # type: ignore[no-untyped-def]
    page = window.section_page
    (page.as_need if kind == "need" else page.as_resource).setChecked(True)
    for box in page._member_boxes:
        box.setChecked(bool(about) and box.text() == about)
    for box in page._area_boxes:
        box.setChecked(box.property("area") == area)
    qtbot.keyClicks(page.item_text, text)
    qtbot.keyClick(page.item_text, Qt.Key.Key_Return)
    settle(qtbot)


def test_a_whole_conversation(qtbot, main_window, demo_workspace, tmp_path):
    ws = demo_workspace
    case_id = holm_family(ws)
    window = start(qtbot, main_window, case_id)
    assert window.stack.currentWidget().widget() is window.section_page
    assert window.section_page.title.text()  # the first part of the guide, with its open questions
    assert window.section_page.prompts_box.count() > 0

    # She writes as the family talks; every keystroke is saved, without the typing waiting for it.
    qtbot.keyClicks(window.section_page.notes, "Familien ønsker ro på hverdagen")
    assert window.saved_label.text() == window.tr("Saving …")  # not "Gemt" while she types
    settle(qtbot)
    assert ws.conversations.view(window.view.id).section("formaal").notes == "Familien ønsker ro på hverdagen"
    qtbot.waitUntil(lambda: saved_shown(window))  # once she pauses

    # Jump to the older brother and mark him as not present; a reason is asked for first.
    villads = section_key(window, "member", "Villads")
    go(qtbot, window, villads)
    assert "Villads" in window.section_page.title.text()
    qtbot.mouseClick(window.section_page.not_present, Qt.MouseButton.LeftButton)
    assert window.section_page.status_error.isVisible()
    qtbot.keyClicks(window.section_page.reason, "Til fodbold i dag; vi taler med ham næste gang")
    qtbot.keyClick(window.section_page.reason, Qt.Key.Key_Return)
    settle(qtbot)
    assert window.view.section(villads).status == "not_present"
    assert window.outline.current_text().strip().startswith("–")

    # Offers before the family's needs and resources: closed.
    go(qtbot, window, section_key(window, "offers"))
    assert window.offers_page.closed.isVisible()
    assert not window.offers_page.cards

    # Capture a need about Villads and a resource, in the family's words.
    go(qtbot, window, villads)
    capture(qtbot, window, "need", "Villads føler sig overset derhjemme", about="Villads", area="mental_wellbeing")
    go(qtbot, window, section_key(window, "general"))
    capture(qtbot, window, "resource", "Mormor hjælper hver tirsdag", area="network_family")
    assert window.needs_list.count() == 1 and window.resources_list.count() == 1

    # Now the offers open, matched to the needs, with a warning where the age does not fit.
    go(qtbot, window, section_key(window, "offers"))
    assert not window.offers_page.closed.isVisible()
    sibling_group = window.offers_page.cards["soeskendegruppe"]
    card_text = " ".join(label.text() for label in sibling_group.findChildren(type(window.family)))
    assert "Villads" in card_text and "9" in card_text and "12" in card_text  # 14 years old, group for 9–12
    refer = [b for b in sibling_group.findChildren(type(window.pause_button)) if b.text() == window.offers_page.tr("Refer")]
    qtbot.mouseClick(refer[0], Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert [r.offer_code for r in window.view.referrals] == ["soeskendegruppe"]
    assert window.view.referrals[0].warnings

    # Agree next steps and the next contact (due today).
    go(qtbot, window, section_key(window, "next_steps"))
    page = window.next_steps_page
    qtbot.keyClicks(page.what_matters, "At både Freja og Villads har det godt")
    qtbot.keyClicks(page.what, "Vi finder en søskendegruppe til Villads")
    qtbot.keyClicks(page.who_name, "Hanne")
    qtbot.keyClicks(page.due, "15-12-2026")
    qtbot.mouseClick(page.add_step_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert [s.what for s in window.view.agreed_steps] == ["Vi finder en søskendegruppe til Villads"]
    page.contact_kind.setCurrentIndex(page.contact_kind.findData("home_visit"))
    qtbot.keyClicks(page.contact_date, TODAY.strftime("%d-%m-%Y"))
    qtbot.mouseClick(page.schedule_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert [f.kind for f in window.view.follow_ups] == ["home_visit"]

    # The summary, read back with the family, who agree.
    go(qtbot, window, section_key(window, "summary"))
    summary_text = window.summary_page.document.text()
    for words in ("Villads føler sig overset derhjemme", "Mormor hjælper hver tirsdag",
                  "Vi finder en søskendegruppe til Villads", "At både Freja og Villads har det godt"):
        assert words in summary_text
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert window.stack.currentWidget().widget() is window.read_back_page
    assert not window.left.isVisible()
    # The family hears the PDF's own Danish headings, never an English one.
    read_back = window.read_back_page.text.text()
    for heading_da in ("Det vigtigste for jer", "Det har vi aftalt", "Næste gang vi ses", "Hvis I har spørgsmål"):
        assert heading_da in read_back
    for english in ("What matters most", "What we agreed", "Next time", "If you have questions", "Present:"):
        assert english not in read_back and english not in summary_text
    qtbot.mouseClick(window.read_back_page.agree, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert window.view.family_agrees is True

    # The family's copy as PDF, checked by reading its text back.
    go(qtbot, window, section_key(window, "summary"))
    window.export_dir = tmp_path
    qtbot.mouseClick(window.summary_page.pdf_button, Qt.MouseButton.LeftButton)
    dialog = window.export_dialog  # the save dialog, in the export folder, proposing a name without names
    assert dialog.isVisible() and Path(dialog.directory().absolutePath()) == tmp_path
    assert dialog.selectedFiles() == [str(tmp_path / "Samtale 2026-11-22 B.pdf")]
    with qtbot.waitSignal(window.pdf_saved, timeout=20_000) as saved:
        dialog.accept()
    path = saved.args[0]
    assert path == tmp_path / "Samtale 2026-11-22 B.pdf" and path.exists()
    done = window.export_done_bar()
    assert done.isVisible() and path.name in done.text.text() and str(tmp_path) in done.text.text()
    text = "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)
    assert "Familien Birkholm" in text and "Villads føler sig overset derhjemme" in text

    # Finishing needs everyone accounted for.
    qtbot.mouseClick(window.summary_page.finish_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert window.summary_page.message.isVisible() and "Signe" in window.summary_page.message.text()
    for name in ("Signe", "Freja"):
        go(qtbot, window, section_key(window, "member", name))
        qtbot.mouseClick(window.section_page.addressed, Qt.MouseButton.LeftButton)
    go(qtbot, window, section_key(window, "summary"))
    qtbot.mouseClick(window.summary_page.finish_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert window.view.status == "completed"

    # Back in the case list: the home visit is due today.
    window.close()
    settle(qtbot)
    main_window.case_list.refresh()
    settle(qtbot)
    row = next(i for i in main_window.case_list.model.rows() if i.id == case_id)
    assert "follow_up_due" in row.attention
    assert row.next_follow_up_on == TODAY
    assert main_window.overview.conversations_model.rowCount() == 1


def test_full_screen_shows_only_the_conversation(qtbot, main_window, demo_workspace):
    window = start(qtbot, main_window, holm_family(demo_workspace))
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.full_screen_button.isChecked()
    assert not window.left.isVisible() and not window.right.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.full_screen_button.isChecked()
    assert window.left.isVisible()


def test_no_conversation_without_consent(qtbot, main_window, demo_workspace):
    overview = demo_workspace.cases.create_case(dto.NewCase(
        family_name="Familien Tofteby", template_id="generisk",
        referral=dto.ReferralInput("gp", date(2026, 11, 10)),
        members=(dto.MemberInput("barn", "Otto", "Tofteby", birth_date=date(2019, 1, 1)),)))
    main_window.case_list.refresh()
    main_window.open_case(overview.id)
    settle(qtbot)
    qtbot.mouseClick(main_window.overview.start_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert not main_window.actions.conversation_windows
    assert main_window.overview.message.isVisible()


def test_locking_mid_conversation_brings_it_back_where_she_was(qtbot, controller, workspace):
    case_id = holm_family(workspace)
    workspace.lock()
    controller.start()
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    main = controller.main
    main.case_list.refresh()
    main.open_case(case_id)
    settle(qtbot)
    main.actions.start_conversation()
    settle(qtbot)
    [window] = main.actions.conversation_windows
    key = section_key(window, "member", "Freja")
    window.go_to(key)
    qtbot.keyClicks(window.section_page.notes, "Freja er glad for gymnastik")  # locked before the saves ran

    with qtbot.waitSignal(controller.locked):
        main.lock_action.trigger()
    assert not controller.main

    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    settle(qtbot)
    [window] = controller.main.actions.conversation_windows
    qtbot.addWidget(window)
    settle(qtbot)
    assert window.current_key == key
    assert window.section_page.notes.toPlainText() == "Freja er glad for gymnastik"
    assert window.section_page.cursor_position() == len("Freja er glad for gymnastik")


@pytest.mark.parametrize("language", ["da"])
def test_the_conversation_screen_is_in_danish(qtbot, main_window, demo_workspace, language):
    window = start(qtbot, main_window, holm_family(demo_workspace))
    assert window.pause_button.text() != "Pause and close"


def test_she_edits_the_summary_wording(qtbot, main_window, demo_workspace):
    window = start(qtbot, main_window, holm_family(demo_workspace))
    capture(qtbot, window, "need", "hjælp til skolen", area="health_literacy")
    go(qtbot, window, section_key(window, "summary"))
    page = window.summary_page
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert page.editor.isVisible() and not page.document.isVisible()
    [field] = page.item_fields.values()
    field.selectAll()
    qtbot.keyClicks(field, "Hjælp til at forklare sygdommen for skolen")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(page.what_matters, "Ro på hverdagen")
    settle(qtbot)
    assert [i.text for i in window.view.needs] == ["Hjælp til at forklare sygdommen for skolen"]
    assert demo_workspace.conversations.view(window.view.id).what_matters_most == "Ro på hverdagen"
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert "Hjælp til at forklare sygdommen for skolen" in page.document.text()


def disk_full(*args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    raise DiskFullError()


def test_a_refused_save_keeps_her_text_and_saves_it_with_the_next_change(qtbot, main_window, demo_workspace,
                                                                         monkeypatch):
    ws = demo_workspace
    window = start(qtbot, main_window, holm_family(ws))
    cid, key = window.view.id, window.current_key
    monkeypatch.setattr(ws.conversations, "save_notes", disk_full)
    notes = window.section_page.notes
    qtbot.keyClicks(notes, "Mor sover dårligt")
    settle(qtbot)
    assert notes.toPlainText() == "Mor sover dårligt" and not notes.isReadOnly()
    assert window.saved_label.text() == window.tr("Not saved – it is tried again when you write")
    assert window.problem.isVisible() and window.problem.text() == error_text(DiskFullError())
    # Going elsewhere (the summary reads the conversation from the disk again) and back does not bring
    # the older text back.
    go(qtbot, window, section_key(window, "member", "Signe"))
    go(qtbot, window, section_key(window, "summary"))
    go(qtbot, window, key)
    assert notes.toPlainText() == "Mor sover dårligt"

    monkeypatch.undo()  # space again
    notes.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(notes, "!")
    settle(qtbot)
    assert ws.conversations.view(cid).section(key).notes == "Mor sover dårligt!"
    assert not window.problem.isVisible()
    qtbot.waitUntil(lambda: saved_shown(window))


def test_text_the_disk_refused_comes_back_after_closing(qtbot, main_window, demo_workspace, monkeypatch):
    ws = demo_workspace
    window = start(qtbot, main_window, holm_family(ws))
    cid = window.view.id
    key = section_key(window, "member", "Freja")
    go(qtbot, window, key)
    monkeypatch.setattr(ws.conversations, "save_notes", disk_full)
    qtbot.keyClicks(window.section_page.notes, "Freja hoster om natten")
    settle(qtbot)
    assert window.saved_label.text() == window.tr("Not saved – it is tried again when you write")

    qtbot.mouseClick(window.pause_button, Qt.MouseButton.LeftButton)  # still full: kept as a draft
    settle(qtbot)
    assert not main_window.actions.conversation_windows
    assert ws.conversations.view(cid).section(key).notes == ""
    assert ws.drafts.get(draft_key(cid)).payload["sections"][key]["text"] == "Freja hoster om natten"

    monkeypatch.undo()  # space again
    main_window.actions.open_conversation(cid)
    settle(qtbot)
    [window] = main_window.actions.conversation_windows
    settle(qtbot)
    assert window.current_key == key
    assert window.section_page.notes.toPlainText() == "Freja hoster om natten"
    assert ws.conversations.view(cid).section(key).notes == "Freja hoster om natten"
    assert ws.drafts.get(draft_key(cid)) is None


def test_a_notes_draft_is_brought_back_like_any_other_form(qtbot, main_window, demo_workspace, monkeypatch):
    """After unlock (or a crash) the main window reopens every draft; refused notes open their conversation."""
    ws = demo_workspace
    window = start(qtbot, main_window, holm_family(ws))
    cid = window.view.id
    key = section_key(window, "member", "Freja")
    go(qtbot, window, key)
    monkeypatch.setattr(ws.conversations, "save_notes", disk_full)
    qtbot.keyClicks(window.section_page.notes, "Freja sover uroligt")
    settle(qtbot)
    qtbot.mouseClick(window.pause_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert not main_window.actions.conversation_windows
    monkeypatch.undo()

    main_window.actions.reopen_draft(ws.drafts.get(draft_key(cid)))
    settle(qtbot)
    [window] = main_window.actions.conversation_windows
    settle(qtbot)
    assert window.section_page.notes.toPlainText() == "Freja sover uroligt"
    assert ws.conversations.view(cid).section(key).notes == "Freja sover uroligt"


def test_typing_never_waits_and_only_the_newest_text_is_written(qtbot, main_window, demo_workspace, monkeypatch):
    ws = demo_workspace
    window = start(qtbot, main_window, holm_family(ws))
    cid, key = window.view.id, window.current_key
    written: list[str] = []
    real_save = ws.conversations.save_notes

    def recording_save(conversation_id, section_key, notes, cursor=0):  # type: ignore[no-untyped-def]
        written.append(notes)
        real_save(conversation_id, section_key, notes, cursor)

    monkeypatch.setattr(ws.conversations, "save_notes", recording_save)
    lane_free = threading.Event()
    runner().db(lane_free.wait)  # the lane is busy (a slow disk, a sync) while she types
    qtbot.keyClicks(window.section_page.notes, "Sover dårligt")
    assert window.section_page.notes.toPlainText() == "Sover dårligt"  # typed while nothing could be saved
    assert window.saved_label.text() == window.tr("Saving …")
    lane_free.set()
    settle(qtbot)
    assert written == ["Sover dårligt"]  # the twelve older texts waited and were replaced, never written
    assert ws.conversations.view(cid).section(key).notes == "Sover dårligt"
    qtbot.waitUntil(lambda: saved_shown(window))


def test_a_step_added_after_the_family_agreed_asks_for_a_new_read_back(qtbot, main_window, demo_workspace):
    window = start(qtbot, main_window, holm_family(demo_workspace))
    go(qtbot, window, section_key(window, "next_steps"))
    page = window.next_steps_page
    qtbot.keyClicks(page.what, "Vi finder en søskendegruppe")
    qtbot.mouseClick(page.add_step_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    go(qtbot, window, section_key(window, "summary"))
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    qtbot.mouseClick(window.read_back_page.agree, Qt.MouseButton.LeftButton)
    settle(qtbot)
    go(qtbot, window, section_key(window, "summary"))
    assert window.summary_page.agreement_state.text() == "Familien er enig i opsummeringen."

    go(qtbot, window, section_key(window, "next_steps"))
    qtbot.keyClicks(page.what, "Ringe til tandlægen")
    qtbot.mouseClick(page.add_step_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    go(qtbot, window, section_key(window, "summary"))
    assert window.view.family_agrees is None
    assert window.summary_page.agreement_state.text().startswith("Opsummeringen er ændret, siden den blev læst op")


def test_what_will_happen_gets_the_whole_width(qtbot, main_window, demo_workspace):
    window = start(qtbot, main_window, holm_family(demo_workspace))
    window.resize(1366, 768)
    go(qtbot, window, section_key(window, "next_steps"))
    page = window.next_steps_page
    assert page.what.width() > 0.8 * page.width()  # the family's words, often a sentence (it was ~45 px)
