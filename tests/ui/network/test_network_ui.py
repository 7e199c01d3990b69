"""The network map through its real window, offscreen: build it by clicking and by keyboard, move
people across sectors and horizons, undo and redo, save and compare versions, export PNG and PDF,
and refuse bad input inline. The window saves on the task runner's lane: a test waits for it
(``settle``) before it looks at what was saved or at what the screen shows as a result."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from app.core.errors import DiskFullError
from app.services.cases import dto
from app.services.network import dto as n
from app.ui.common.tasks import runner
from app.ui.network.scene import to_scene
from app.ui.network.window import NetworkMapWindow
from tests.helpers.tasks import settle


def family_case(workspace) -> str:  # type: ignore[no-untyped-def]
    overview = workspace.cases.create_case(dto.NewCase(
        family_name="Familien Kjærsgaard", template_id="generisk",
        referral=dto.ReferralInput("hospital", date(2026, 11, 10)),
        members=(dto.MemberInput("mor", "Helle", "Kjærsgaard", birth_date=date(1986, 5, 5)),
                 dto.MemberInput("barn", "Ida", "Kjærsgaard", birth_date=date(2017, 9, 9)))))
    workspace.course.record_consent(overview.id, dto.ConsentInput(
        "Helle Kjærsgaard", date(2026, 11, 11), "signed", (dto.ScopeInput("participation"),)))
    return overview.id


@pytest.fixture
def window(qtbot, demo_workspace):
    w = NetworkMapWindow(demo_workspace, family_case(demo_workspace))
    qtbot.addWidget(w)
    with qtbot.waitExposed(w):
        w.show()
    w.activateWindow()  # a bare X server (Xvfb, no window manager) does not activate it by itself
    qtbot.waitUntil(w.isActiveWindow)
    settle(qtbot)  # the map has been read and is shown
    return w


def view_point(window: NetworkMapWindow, angle: float, distance: float) -> QPoint:
    return window.view.mapFromScene(to_scene(angle, distance))


def click_map(qtbot, window: NetworkMapWindow, angle: float, distance: float) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=view_point(window, angle, distance))


def add_by_click(qtbot, window, name: str, angle: float, distance: float, **extra) -> n.MapPersonView:  # type: ignore[no-untyped-def]
    click_map(qtbot, window, angle, distance)
    form = window.form
    assert form.person_id == "" and form.name.hasFocus()
    qtbot.keyClicks(form.name, name)
    for field, text in extra.items():
        qtbot.keyClicks(getattr(form, field), text)
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    settle(qtbot)
    person = next(p for p in window.editor.data.people if p.name == name)
    return person


def stored(window: NetworkMapWindow) -> n.MapData:
    return window.workspace.network.map_data(window.case_id)


def test_build_a_map_by_clicking_and_by_keyboard(qtbot, window):
    mormor = add_by_click(qtbot, window, "Mormor Inge", 40, 20, relation="mormor")
    assert (mormor.sector, mormor.horizon) == (n.SECTOR_FAMILY, 1)
    naboen = add_by_click(qtbot, window, "Naboen Jens", 135, 50)
    assert (naboen.sector, naboen.horizon) == (n.SECTOR_FRIENDS, 2)

    # By keyboard only: Insert, choose sector and closeness, type the name, Enter.
    qtbot.keyClick(window, Qt.Key.Key_Insert)
    form = window.form
    form.sector.setFocus()
    form.sector.setCurrentIndex(form.sector.findData(n.SECTOR_PROFESSIONAL))
    form.horizon.setCurrentIndex(form.horizon.findData(3))
    qtbot.keyClicks(form.name, "Egen læge")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    settle(qtbot)
    laege = next(p for p in stored(window).people if p.name == "Egen læge")
    assert (laege.sector, laege.horizon) == (n.SECTOR_PROFESSIONAL, 3)

    # A tie by Shift+drag from one person to another.
    qtbot.mousePress(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     view_point(window, mormor.angle, mormor.distance))
    qtbot.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                       view_point(window, naboen.angle, naboen.distance))
    settle(qtbot)
    [tie] = stored(window).ties
    assert {tie.a_id, tie.b_id} == {mormor.id, naboen.id}
    assert len(window.scene.people) == 3 and len(window.scene.ties) == 1


def drag(qtbot, window, person: n.MapPersonView, angle: float, distance: float) -> None:  # type: ignore[no-untyped-def]
    viewport = window.view.viewport()
    start, end = view_point(window, person.angle, person.distance), view_point(window, angle, distance)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def test_moving_across_sectors_and_horizons_undo_and_redo(qtbot, window):
    person = add_by_click(qtbot, window, "Faster Lise", 60, 20)
    drag(qtbot, window, person, -120, 80)
    moved = window.editor.data.person(person.id)  # shown at once, saved behind her
    assert (moved.sector, moved.horizon) == (n.SECTOR_SCHOOL_WORK, 3)
    settle(qtbot)
    assert stored(window).person(person.id).sector == n.SECTOR_SCHOOL_WORK
    assert stored(window).person(person.id).horizon == 3

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the move
    assert window.editor.data.person(person.id).sector == n.SECTOR_FAMILY
    settle(qtbot)
    assert stored(window).person(person.id).sector == n.SECTOR_FAMILY
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo adding her
    assert person.id not in window.scene.people
    settle(qtbot)
    assert stored(window).person(person.id) is None
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # redo: she is back, same id
    assert person.id in window.scene.people
    settle(qtbot)
    assert stored(window).person(person.id) is not None
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # redo the move
    settle(qtbot)
    assert stored(window).person(person.id).sector == n.SECTOR_SCHOOL_WORK


def list_cell(window: NetworkMapWindow, person_id: str, column: int) -> str:
    return window.people.index(window.people.row_of(person_id), column).data()


def test_the_list_follows_people_dragged_on_the_map(qtbot, window):
    from app.ui.network.people_list import HORIZON, NAME, SECTOR

    first = add_by_click(qtbot, window, "Morfar Bent", 20, 20)
    second = add_by_click(qtbot, window, "Moster Anne", 70, 20)
    assert [list_cell(window, p.id, NAME) for p in (first, second)] == ["Morfar Bent", "Moster Anne"]
    row_before = window.people.row_of(second.id)

    drag(qtbot, window, second, 50, 25)  # within the same sector and ring: the same row, new place
    assert window.people.row_of(second.id) == row_before
    assert window.people.person_at(row_before).angle == pytest.approx(window.editor.data.person(second.id).angle)

    drag(qtbot, window, window.editor.data.person(second.id), -60, 80)  # to the professionals' outer ring
    assert window.people.person_at(window.people.row_of(second.id)).sector == n.SECTOR_PROFESSIONAL
    assert list_cell(window, second.id, SECTOR) != list_cell(window, first.id, SECTOR)
    assert list_cell(window, second.id, HORIZON) != list_cell(window, first.id, HORIZON)
    assert window.people.row_of(second.id) > window.people.row_of(first.id)  # sorted by sector: last


def test_a_name_has_a_white_halo_under_it_that_follows_a_new_name(qtbot, window):
    person = add_by_click(qtbot, window, "Moster Nadia", 60, 50)
    item = window.scene.people[person.id]
    children = item.childItems()
    assert children.index(item.halo) < children.index(item.label)  # drawn first: under the letters
    assert item.halo.pen().color().name() == "#ffffff" and item.halo.pen().widthF() >= 2
    assert item.halo.pos() == item.label.pos()

    window.editor.edit_person(person.id, person.as_input(name="Moster Nadja"))
    settle(qtbot)
    assert (item.label.text(), item.halo.text()) == ("Moster Nadja", "Moster Nadja")


def test_full_screen_shows_only_the_map_and_the_form_only_while_she_adds_someone(qtbot, window):
    person = add_by_click(qtbot, window, "Mormor Inge", 40, 20)

    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.presenting and window.isFullScreen() and not window.tabs.isVisible()
    # Only what drawing needs: no exports, initials or partner directory in front of the family.
    assert window.add_action.isVisible() and not any(a.isVisible() for a in window.office_tools)
    assert window.initials_action in window.office_tools
    qtbot.waitUntil(lambda: window.view.width() >= window.width() - 20)  # the map takes the whole width

    click_map(qtbot, window, 135, 50)  # adding someone brings the form back ...
    assert window.tabs.isVisible() and window.form.name.hasFocus()
    qtbot.keyClicks(window.form.name, "Naboen Jens")
    qtbot.keyClick(window.form.name, Qt.Key.Key_Return)
    settle(qtbot)
    assert not window.tabs.isVisible()  # ... and saving takes it away again
    assert {p.name for p in stored(window).people} == {"Mormor Inge", "Naboen Jens"}

    point = view_point(window, person.angle, person.distance)
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)  # change someone
    assert window.tabs.isVisible() and window.form.person_id == person.id

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presenting and not window.isFullScreen() and window.tabs.isVisible()
    assert all(a.isVisible() for a in window.office_tools)


def test_bad_input_is_refused_inline_and_nothing_is_saved(qtbot, window):
    click_map(qtbot, window, 30, 50)
    form = window.form
    qtbot.keyClick(form.name, Qt.Key.Key_Return)  # no name
    settle(qtbot)
    assert form.name_error.isVisible() and not stored(window).people
    qtbot.keyClicks(form.name, "Morfar Ole")
    qtbot.keyClicks(form.phone, "12 34")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    settle(qtbot)
    assert form.phone_error.isVisible() and not stored(window).people
    assert (form.name.text(), form.phone.text()) == ("Morfar Ole", "12 34")  # what she typed stays
    form.phone.clear()
    qtbot.keyClicks(form.email, "ole@")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    settle(qtbot)
    assert form.email_error.isVisible() and not stored(window).people
    form.email.clear()
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    settle(qtbot)
    [ole] = stored(window).people
    window.editor.add_tie(ole.id, ole.id)  # a tie to oneself
    settle(qtbot)
    assert window.message.isVisible()
    assert not stored(window).ties and not window.editor.data.ties and not window.scene.ties
    assert window.editor.undo_stack.count() == 1  # only adding him


def test_the_list_edits_the_same_data_by_keyboard(qtbot, window):
    person = add_by_click(qtbot, window, "Veninden Sara", 120, 20)
    window.tabs.setCurrentIndex(1)
    model = window.people
    row = model.row_of(person.id)
    model.setData(model.index(row, 0), "Veninden Sara K.")
    model.setData(model.index(row, 3), 3)  # closeness: far
    model.setData(model.index(row, 7), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    settle(qtbot)
    saved = stored(window).person(person.id)
    assert saved.name == "Veninden Sara K." and saved.horizon == 3 and saved.sector == n.SECTOR_FRIENDS
    assert saved.invite
    assert [i.name for i in window.workspace.network.invitees(window.case_id)] == ["Veninden Sara K."]
    assert window.scene.people[person.id].label.text() == "Veninden Sara K."


def test_versions_are_saved_and_compared(qtbot, window):
    a = add_by_click(qtbot, window, "Mormor Inge", 40, 20)
    b = add_by_click(qtbot, window, "Naboen Jens", 135, 50)
    window.tabs.setCurrentWidget(window.versions_tab)
    qtbot.keyClicks(window.versions.label, "Ved første samtale")
    qtbot.keyClick(window.versions.label, Qt.Key.Key_Return)
    settle(qtbot)
    [first] = window.map_view.versions
    assert first.people == 2
    assert window.versions.label.text() == ""  # ready for the next one
    c = add_by_click(qtbot, window, "Klasselærer Bo", -130, 50)
    window.editor.remove_person(b.id)
    window.editor.move_person(a.id, -45, 80)
    window._compare(first.id, "")
    settle(qtbot)
    [comparison] = window.comparisons
    qtbot.addWidget(comparison)
    assert comparison.change.added == (c.id,)
    assert comparison.change.removed == (b.id,)
    assert comparison.change.moved == (a.id,)
    text = comparison.summary.text()
    assert "Klasselærer Bo" in text and "Naboen Jens" in text and "Mormor Inge" in text


def test_measures_are_shown(qtbot, window):
    a = add_by_click(qtbot, window, "Mormor Inge", 40, 20)
    b = add_by_click(qtbot, window, "Naboen Jens", 135, 50)
    add_by_click(qtbot, window, "Egen læge", -45, 50)
    window.editor.add_tie(a.id, b.id)
    settle(qtbot)
    tabs = window.tabs
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tabs.indexOf(window.measures_tab)).center())
    assert tabs.currentWidget() is window.measures_tab
    settle(qtbot)

    def shown() -> str:
        return " ".join(label.text() for label in window.measures.findChildren(type(window.saved_label)))

    assert "3 personer på kortet. Familiens egne: 2. Professionelle: 1 (33 % af kortet)." in shown()
    assert "Personer uden forbindelse til andre på kortet: Egen læge" in shown()  # the GP has no ties
    assert "1 af 1 mulige (tæthed 1,00)" in shown()
    # While the tab is shown, the measures follow a move (a moment after it, once).
    window.editor.move_person(b.id, -45, 80)
    qtbot.waitUntil(lambda: "3 personer på kortet. Familiens egne: 1. Professionelle: 2" in shown())
    # One of the family's own left: no pair is possible, so no density (not "0,00").
    assert "Forbindelser mellem familiens egne personer: ingen data (færre end to af dem på kortet)" in shown()


def export(qtbot, window: NetworkMapWindow, fmt: str, target):  # type: ignore[no-untyped-def]
    """Export as she would, and wait until the file has been written."""
    with qtbot.waitSignal(window.exported) as written:
        window.export(fmt, target)
    assert written.args[0] == target and target.exists()
    return target


def test_exports_png_and_pdf_with_and_without_names(qtbot, window, tmp_path):
    add_by_click(qtbot, window, "Mormor Inge", 40, 20, role="bedstemor")
    add_by_click(qtbot, window, "Anders Holm", -45, 50, role="læge", phone="12345678")
    png = export(qtbot, window, "png", tmp_path / "kort.png")
    assert not QImage(str(png)).isNull()
    pdf = export(qtbot, window, "pdf", tmp_path / "kort.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "Mormor Inge" in text and "12345678" in text
    window.initials_action.trigger()
    assert window.scene.people and all("Inge" not in item.label.text() for item in window.scene.people.values())
    shared = export(qtbot, window, "pdf", tmp_path / "kort-deling.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(str(shared)).pages)
    assert "Mormor Inge" not in text and "12345678" not in text
    assert "MI · bedstemor" in text and "AH · læge" in text


def test_a_map_goes_out_as_json_and_is_read_into_another_familys_empty_map(qtbot, window, tmp_path):
    inge = add_by_click(qtbot, window, "Mormor Inge", 40, 20, relation="mormor")
    jens = add_by_click(qtbot, window, "Naboen Jens", 135, 50)
    window.editor.add_tie(inge.id, jens.id, "strained")
    settle(qtbot)
    assert not window.read_action.isEnabled()  # only into an empty map
    written = export(qtbot, window, "json", tmp_path / "kort.json")
    assert "Mormor Inge" in written.read_text("utf-8")

    other = NetworkMapWindow(window.workspace, family_case(window.workspace))
    qtbot.addWidget(other)
    with qtbot.waitExposed(other):
        other.show()
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow)
    settle(qtbot)
    assert other.read_action.isEnabled()
    other.read_map(written)
    settle(qtbot)
    names = sorted(item.label.text() for item in other.scene.people.values())
    assert names == ["Mormor Inge", "Naboen Jens"] and len(other.scene.ties) == 1
    assert other.people.rowCount() == 2 and not other.read_action.isEnabled()

    qtbot.keyClick(other, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo: the whole map off again
    settle(qtbot)
    assert other.workspace.network.map_data(other.case_id).people == () and not other.scene.people
    qtbot.keyClick(other, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # redo: back, ties included
    settle(qtbot)
    again = other.workspace.network.map_data(other.case_id)
    assert sorted(p.name for p in again.people) == ["Mormor Inge", "Naboen Jens"]
    assert [t.quality for t in again.ties] == ["strained"]


def test_a_bad_map_file_is_refused_in_danish_and_nothing_changes(qtbot, window, tmp_path):
    bad = tmp_path / "kort.json"
    bad.write_text('{"format": "tovholder-network-map", "format_version": 1, "people": [{"name": "Mormor Inge", '
                   '"sector": "family", "horizon": 1, "phone": "12"}]}', "utf-8")

    window.read_map(bad)
    settle(qtbot)

    assert window.message.isVisible()
    assert window.message.text() == ("Person 1 i filen kan ikke læses ind: Et telefonnummer har 8 cifre, "
                                     "eventuelt med +45 foran.")
    assert stored(window).people == () and not window.scene.people


def test_export_needs_consent(qtbot, window, tmp_path):
    add_by_click(qtbot, window, "Mormor Inge", 40, 20)
    overview = window.workspace.cases.overview(window.case_id)
    [grant] = [g for c in overview.consents for g in c.grants]
    window.workspace.course.withdraw_consent(window.case_id, grant.id, date(2026, 11, 20), "")
    exported = []
    window.exported.connect(exported.append)
    window.export("pdf", tmp_path / "kort.pdf")
    settle(qtbot)
    assert window.message.isVisible() and not exported
    assert not (tmp_path / "kort.pdf").exists()


def test_opened_from_the_case_and_from_the_conversation(qtbot, main_window, demo_workspace):
    case_id = family_case(demo_workspace)
    main_window.case_list.refresh()
    main_window.open_case(case_id)
    settle(qtbot)
    qtbot.mouseClick(main_window.overview.network_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    [window] = main_window.actions.map_windows
    qtbot.addWidget(window)
    settle(qtbot)
    assert window.case_id == case_id and window.scene.centre_label.toPlainText().startswith("Ida")
    window.close()
    assert not main_window.actions.map_windows
    main_window.actions.start_conversation()
    settle(qtbot)
    [conversation] = main_window.actions.conversation_windows
    qtbot.addWidget(conversation)
    conversation.go_to(next(s.key for s in conversation.view.sections if s.kind == "network"))
    settle(qtbot)
    assert conversation.section_page.network_button.isVisible()
    qtbot.mouseClick(conversation.section_page.network_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    [window] = main_window.actions.map_windows
    qtbot.addWidget(window)
    assert window.case_id == case_id


def open_editor(table, kind):  # type: ignore[no-untyped-def]
    """The cell editor F2 opened (a child of the table's viewport)."""
    [editor] = [w for w in table.viewport().findChildren(kind) if w.isVisible()]
    return editor


def test_people_and_ties_are_edited_in_the_list_with_the_keyboard_only(qtbot, window):
    inge = add_by_click(qtbot, window, "Mormor Inge", 40, 20)
    jens = add_by_click(qtbot, window, "Naboen Jens", 135, 50)
    window.tabs.setCurrentWidget(window.list_tab)
    table = window.table
    table.setFocus()
    row = window.people.row_of(jens.id)

    # The name: go to the cell, F2, type, Enter.
    table.setCurrentIndex(window.people.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = open_editor(table, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Naboen Jens Ø.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits the cell on its next turn of the event loop
    qtbot.waitUntil(lambda: stored(window).person(jens.id).name == "Naboen Jens Ø.")
    settle(qtbot)  # and the list shows it as saved

    # Closeness: Right to the column, F2 opens the choices, Down picks the next ring, Enter.
    table.setCurrentIndex(window.people.index(window.people.row_of(jens.id), 2))
    qtbot.keyClick(table, Qt.Key.Key_Right)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = open_editor(table, QComboBox)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor.data.person(jens.id).horizon == 3)
    settle(qtbot)
    assert stored(window).person(jens.id).horizon == 3

    # Invite: the last column, Space ticks it.
    table.setCurrentIndex(window.people.index(window.people.row_of(jens.id), 7))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    settle(qtbot)
    assert stored(window).person(jens.id).invite

    # A tie: the two people and the kind chosen with the keys, then the button with Space.
    ties = window.ties
    ties.first.setFocus()
    ties.first.setCurrentIndex(ties.first.findData(inge.id))
    ties.second.setCurrentIndex(ties.second.findData(jens.id))
    ties.quality.setCurrentIndex(ties.quality.findData("strained"))
    ties.add_button.setFocus()
    qtbot.keyClick(ties.add_button, Qt.Key.Key_Space)
    settle(qtbot)
    [tie] = stored(window).ties
    assert {tie.a_id, tie.b_id} == {inge.id, jens.id} and tie.quality == "strained"
    assert ties.list.count() == 1 and "Naboen Jens Ø." in ties.list.item(0).text()
    assert len(window.scene.ties) == 1  # and it is drawn on the map

    # The same tie again is refused inline; a tie to oneself too.
    qtbot.keyClick(ties.add_button, Qt.Key.Key_Space)
    settle(qtbot)
    assert ties.error.isVisible() and len(stored(window).ties) == 1
    ties.second.setCurrentIndex(ties.second.findData(inge.id))
    qtbot.keyClick(ties.add_button, Qt.Key.Key_Space)
    settle(qtbot)
    assert ties.error.isVisible() and len(stored(window).ties) == 1

    # Delete removes the chosen tie, and Ctrl+Z brings it back.
    ties.list.setFocus()
    ties.list.setCurrentRow(0)
    qtbot.keyClick(ties.list, Qt.Key.Key_Delete)
    assert ties.list.count() == 0  # at once
    settle(qtbot)
    assert stored(window).ties == ()
    qtbot.keyClick(ties.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ties.list.count() == 1
    settle(qtbot)
    assert len(stored(window).ties) == 1


def test_a_refused_save_keeps_what_she_typed_in_the_person_form_and_says_why(qtbot, window, monkeypatch):
    def disk_full(*args):  # type: ignore[no-untyped-def]
        raise DiskFullError()

    monkeypatch.setattr(window.workspace.network, "add_person", disk_full)
    click_map(qtbot, window, 40, 20)
    form = window.form
    qtbot.keyClicks(form.name, "Mormor Inge")
    qtbot.keyClicks(form.relation, "mormor")
    qtbot.keyClicks(form.phone, "12345678")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    settle(qtbot)

    assert (form.name.text(), form.relation.text(), form.phone.text()) == ("Mormor Inge", "mormor", "12345678")
    assert form.person_id == "" and window.tabs.currentWidget() is form
    assert form.error.isVisible() and "disken er fuld" in form.error.text().lower()
    assert not window.scene.people and not stored(window).people
    assert window.workspace.drafts.get(window.draft_key).payload["person"]["name"] == "Mormor Inge"

    monkeypatch.undo()  # space freed: Enter again saves her
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    settle(qtbot)
    [inge] = stored(window).people
    assert (inge.name, inge.relation) == ("Mormor Inge", "mormor") and inge.id in window.scene.people
    assert window.workspace.drafts.get(window.draft_key) is None


def test_a_drag_shows_at_once_while_the_lane_is_busy_and_is_saved_behind_her(qtbot, window):
    person = add_by_click(qtbot, window, "Faster Lise", 60, 20)
    gate = threading.Event()
    runner().db(lambda: gate.wait(10))  # the lane busy with something else
    try:
        drag(qtbot, window, person, -120, 80)
        moved = window.editor.data.person(person.id)
        assert (moved.sector, moved.horizon) == (n.SECTOR_SCHOOL_WORK, 3)
        assert window.scene.people[person.id].pos() == to_scene(moved.angle, moved.distance)
        assert window.saved_label.text() == "Gemmer …"
    finally:
        gate.set()
    settle(qtbot)
    assert stored(window).person(person.id).sector == n.SECTOR_SCHOOL_WORK
    assert window.saved_label.text() == "Alt er gemt"


def test_the_other_tabs_are_built_when_she_first_opens_them(qtbot, window):
    """The map opens as fast as the person form beside it: the list, the measures and the versions
    are made when their tab is first shown, and then show the map as it is."""
    add_by_click(qtbot, window, "Mormor Inge", 40, 20)
    assert not (window.list_tab.built or window.measures_tab.built or window.versions_tab.built)
    window.tabs.setCurrentWidget(window.list_tab)
    assert window.list_tab.built and window.table.isVisible()
    assert [window.people.person_at(r).name for r in range(window.people.rowCount())] == ["Mormor Inge"]
    window.tabs.setCurrentWidget(window.measures_tab)
    settle(qtbot)
    assert window.measures.isVisible() and window.measures.findChildren(QLabel)


def test_a_slow_map_is_greyed_out_until_it_is_shown(qtbot, demo_workspace, monkeypatch):
    """A map read in a blink is not greyed out first; one that takes long is, until it is shown."""
    case_id = family_case(demo_workspace)
    release = threading.Event()
    open_map = demo_workspace.network.open_map

    def slow_open(case: str) -> n.NetworkMapView:
        release.wait(10)
        return open_map(case)

    monkeypatch.setattr(demo_workspace.network, "open_map", slow_open)
    window = NetworkMapWindow(demo_workspace, case_id)
    qtbot.addWidget(window)
    window.show()
    assert window.toolbar.isEnabled()  # not greyed out at once
    qtbot.waitUntil(lambda: not window.toolbar.isEnabled())  # still not read: greyed out
    assert not window.splitter.isEnabled()
    release.set()
    settle(qtbot)
    assert window.toolbar.isEnabled() and window.splitter.isEnabled()
    assert window.windowTitle().endswith("Familien Kjærsgaard")


def test_a_map_that_cannot_be_read_says_why_and_cannot_be_changed(qtbot, demo_workspace, monkeypatch):
    case_id = family_case(demo_workspace)

    def refused(case: str) -> n.NetworkMapView:
        raise DiskFullError()

    monkeypatch.setattr(demo_workspace.network, "open_map", refused)
    window = NetworkMapWindow(demo_workspace, case_id)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    assert window.message.isVisible() and window.message.text()
    assert not window.toolbar.isEnabled() and not window.splitter.isEnabled()


def test_measures_count_one_person_each_part_on_its_own_and_the_change_since_a_version(qtbot, window):
    inge = add_by_click(qtbot, window, "Mormor Inge", 40, 20)
    window.tabs.setCurrentWidget(window.versions_tab)
    qtbot.keyClicks(window.versions.label, "Første samtale")
    qtbot.keyClick(window.versions.label, Qt.Key.Key_Return)
    settle(qtbot)
    bo = add_by_click(qtbot, window, "Morfar Bo", 60, 25)
    window.editor.add_tie(inge.id, bo.id)
    settle(qtbot)
    window.tabs.setCurrentWidget(window.measures_tab)
    settle(qtbot)

    def shown() -> list[str]:
        return [label.text() for label in window.measures.findChildren(QLabel)]

    text = " ".join(shown())
    assert "2 personer (+1) på kortet. Familiens egne: 2 (+1)." in text
    assert "Forbindelser mellem familiens egne personer: 1 (+1) af 1 mulige (tæthed 1,00)" in text
    assert "Siden «Første samtale»: 1 tilføjet" in text
    assert "Hver del af kortet for sig" in text
    lines = window.measures.category_lines
    assert lines["all"].text() == ("Alle: 2 personer (+1) · forbindelser 1 (+1) · tæthed 1,00 · grad 1,0 i gennemsnit, "
                                   "højst 1 (Morfar Bo, Mormor Inge)")
    assert lines["friends"].text() == "Venner og naboer: ingen på kortet"
    assert lines["family"].text().startswith("Familie og slægt: 2 personer (+1) · forbindelser 1 (+1) · tæthed 1,00")
    assert lines["family"].isVisible() and lines["family"].wordWrap()


def test_undo_keeps_its_short_name_and_export_stays_on_the_toolbar(qtbot, window):
    window.resize(1366, 768)
    add_by_click(qtbot, window, "Inge Margrethe Ørum-Kristiansen", 40, 20)
    qtbot.waitUntil(window.undo_action.isEnabled)
    assert window.undo_action.text() == "Fortryd"
    assert "Inge Margrethe Ørum-Kristiansen" in window.undo_action.toolTip()  # what it would undo
    toolbar = window.toolbar
    button = window.export_button
    assert button.isVisible() and toolbar.rect().contains(button.geometry())  # not pushed off the toolbar
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert not window.editor.data.people and window.redo_action.isEnabled()
    assert window.redo_action.text() == "Gentag" and "Ørum-Kristiansen" in window.redo_action.toolTip()


def test_the_familys_own_members_are_offered_so_she_does_not_type_them_twice(qtbot, window):
    click_map(qtbot, window, 100, 60)  # a new person: the form offers the family's members
    form = window.form
    assert form.from_family.isVisible()
    assert [form.from_family.itemText(i) for i in range(form.from_family.count())][1:] == ["Helle Kjærsgaard (mor)"]
    form.from_family.setFocus()
    qtbot.keyClick(form.from_family, Qt.Key.Key_Down)  # chosen with the keyboard
    assert (form.name.text(), form.relation.text()) == ("Helle Kjærsgaard", "mor")
    assert (form.sector.currentData(), form.horizon.currentData()) == (n.SECTOR_FAMILY, 1)
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    settle(qtbot)
    [helle] = stored(window).people
    assert (helle.name, helle.relation, helle.sector, helle.horizon) == ("Helle Kjærsgaard", "mor", n.SECTOR_FAMILY, 1)
    click_map(qtbot, window, -100, 60)
    assert not form.from_family.isVisible()  # everyone of the family is on the map now
