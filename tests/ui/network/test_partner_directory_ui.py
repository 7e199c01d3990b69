"""The partner directory through the real windows: a GP clinic entered once is chosen on two
families' maps with its functional contact; bad input is refused inline; and what she types in
the map's person form survives a lock."""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Qt

from app.services.network import dto as n
from app.ui.network.partner_directory import PartnerDialog, PartnerDirectory
from tests.conftest import PASSWORD
from tests.helpers.tasks import settle
from tests.ui.network.test_network_ui import family_case
from tests.ui.profile.test_profile_and_lock import unlock_with


def closed(dialog: PartnerDialog) -> bool:
    """The dialog has gone (it is deleted when it closes)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def new_partner(qtbot, directory: PartnerDirectory) -> PartnerDialog:  # type: ignore[no-untyped-def]
    settle(qtbot)
    qtbot.mouseClick(directory.new_button, Qt.MouseButton.LeftButton)
    [dialog] = [d for d in directory.findChildren(PartnerDialog) if d.isVisible()]
    return dialog


def test_a_partner_entered_once_is_chosen_on_two_families_maps(qtbot, main_window, demo_workspace):
    first, second = family_case(demo_workspace), family_case(demo_workspace)
    main_window.partners_action.trigger()
    settle(qtbot)
    directory = main_window.actions.partner_directory
    assert directory is not None and directory.isVisible()
    assert directory.empty.isVisible()  # nothing yet: the empty list says what to add

    dialog = new_partner(qtbot, directory)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("gp_clinic"))
    qtbot.keyClicks(dialog.name, "Lægehuset Qvist")
    qtbot.keyClicks(dialog.phone, "70 11 22 33")
    dialog.add_point(("Sekretariatet", "70 11 22 34", "sekretariat@example.invalid"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert closed(dialog)
    assert [directory.list.item(i).text().splitlines()[0] for i in range(directory.list.count())] == ["Lægehuset Qvist"]
    [stored] = demo_workspace.partners.find()
    assert (stored.kind, stored.phone) == ("gp_clinic", "70 11 22 33")
    assert stored.contact_points == (n.ContactPoint("Sekretariatet", "70 11 22 34", "sekretariat@example.invalid"),)

    for case_id in (first, second):
        main_window.actions.open_network_map(case_id)
        settle(qtbot)
        window = next(w for w in main_window.actions.map_windows if w.case_id == case_id)
        qtbot.addWidget(window)
        form = window.form
        window.tabs.setCurrentWidget(form)
        form.partner.setCurrentIndex(form.partner.findData(stored.id))
        form.partner.activated.emit(form.partner.currentIndex())
        # The professional's place, organisation and functional contact come from the directory.
        assert form.sector.currentData() == n.SECTOR_PROFESSIONAL
        assert form.organisation.text() == "Lægehuset Qvist"
        assert (form.phone.text(), form.email.text()) == ("70 11 22 34", "sekretariat@example.invalid")
        form.name.clear()
        qtbot.keyClicks(form.name, "Egen læge")
        qtbot.keyClick(form.name, Qt.Key.Key_Return)
        settle(qtbot)
        [person] = demo_workspace.network.map_data(case_id).people
        assert (person.partner_id, person.organisation, person.sector) == (
            stored.id, "Lægehuset Qvist", n.SECTOR_PROFESSIONAL)
        window.close()


def test_a_partner_without_a_name_or_with_a_wrong_contact_is_refused_inline(qtbot, main_window, demo_workspace):
    main_window.actions.open_partner_directory()
    settle(qtbot)
    directory = main_window.actions.partner_directory
    dialog = new_partner(qtbot, directory)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.isVisible()
    assert dialog._field_errors["name"][1].isVisible()

    qtbot.keyClicks(dialog.name, "Skovbrynet Skole")
    dialog.add_point(("Kontoret", "12", ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.isVisible() and dialog.points_error.isVisible()
    assert dialog.points.currentRow() == 0
    assert demo_workspace.partners.find() == ()  # nothing saved half-way


def test_directory_changes_reach_an_open_map(qtbot, main_window, demo_workspace):
    main_window.actions.open_network_map(family_case(demo_workspace))
    settle(qtbot)
    [window] = main_window.actions.map_windows
    qtbot.addWidget(window)
    assert window.form.partner.count() == 1  # only "(not from the directory)"
    main_window.actions.open_partner_directory(window)
    settle(qtbot)
    directory = main_window.actions.partner_directory
    dialog = new_partner(qtbot, directory)
    qtbot.keyClicks(dialog.name, "PPR Nord")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert [window.form.partner.itemText(i) for i in range(window.form.partner.count())][1:] == ["PPR Nord"]


def test_what_she_types_in_the_person_form_survives_a_lock(qtbot, controller, workspace):
    case_id = family_case(workspace)
    workspace.lock()
    controller.start()
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    main = controller.main
    main.actions.open_network_map(case_id)
    settle(qtbot)
    [window] = main.actions.map_windows
    window.tabs.setCurrentWidget(window.form)
    window.form.new_person(*n.centre_of(n.SECTOR_FRIENDS, 3))
    qtbot.keyClicks(window.form.name, "Naboen Qarsten")
    qtbot.keyClicks(window.form.relation, "nabo")

    with qtbot.waitSignal(controller.locked):
        main.lock_action.trigger()
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)

    settle(qtbot)
    [window] = controller.main.actions.map_windows
    qtbot.addWidget(window)
    form = window.form
    assert (form.name.text(), form.relation.text()) == ("Naboen Qarsten", "nabo")
    assert (form.sector.currentData(), form.horizon.currentData()) == (n.SECTOR_FRIENDS, 3)
    assert form.person_id == "" and window.tabs.currentWidget() is form
    assert controller.workspace.network.map_data(case_id).people == ()  # not saved until she says so
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    settle(qtbot)
    [person] = controller.workspace.network.map_data(case_id).people
    assert (person.name, person.sector, person.horizon) == ("Naboen Qarsten", n.SECTOR_FRIENDS, 3)
    assert controller.workspace.drafts.get(window.draft_key) is None  # the draft goes once it is saved


def test_when_a_partner_was_informed_is_kept_and_the_ones_due_a_visit_are_found(qtbot, main_window, demo_workspace):
    main_window.actions.open_partner_directory()
    settle(qtbot)
    directory = main_window.actions.partner_directory
    dialog = new_partner(qtbot, directory)
    qtbot.keyClicks(dialog.name, "Lægehuset Qvist")
    qtbot.mouseClick(dialog.information_rows.add_button, Qt.MouseButton.LeftButton)
    assert dialog.information.item(0, 0).text() == "22-11-2026"  # a new row starts today
    dialog.information.item(0, 0).setText("31-02-2026")  # no such day
    dialog.information.item(0, 1).setText("Besøg i klinikken")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.isVisible() and dialog.information_error.isVisible()
    assert dialog.information_error.text() == "Den dato findes ikke."
    assert demo_workspace.partners.find() == ()  # nothing saved half-way

    dialog.information.item(0, 0).setText("04-05-2026")  # more than six months ago
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert closed(dialog)
    recent = new_partner(qtbot, directory)
    qtbot.keyClicks(recent.name, "Skovbrynet Skole")
    recent.add_information(("01-10-2026", "Personalemøde", "Lærerne kender nu tilbuddene"))
    qtbot.mouseClick(recent.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert closed(recent)

    def shown() -> list[str]:
        return [directory.list.item(i).text() for i in range(directory.list.count())]

    assert any("Lægehuset Qvist" in t and "sidst informeret 04-05-2026" in t for t in shown())
    assert any("Skovbrynet Skole" in t and "sidst informeret 01-10-2026" in t for t in shown())
    directory.due_only.setChecked(True)  # "not informed in the last 6 months"
    settle(qtbot)
    assert "6 måneder" in directory.due_only.text()
    assert [t.splitlines()[0] for t in shown()] == ["Lægehuset Qvist"]
    [stored] = demo_workspace.partners.find("qvist")
    assert stored.information == (n.InformationVisit(date(2026, 5, 4), "Besøg i klinikken"),)
