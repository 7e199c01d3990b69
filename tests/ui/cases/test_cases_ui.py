"""The case list and a case's course, through the real main window and its forms."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from app.services.cases import dto
from app.ui.cases.course_dialogs import ConsentDialog, ServiceLevelDialog, TovholderDialog
from app.ui.cases.member_dialog import MemberDialog
from app.ui.cases.new_case_dialog import NewCaseDialog
from app.ui.common.table_model import Column, DtoTableModel
from tests.helpers.tasks import settle


def visible_families(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [item.family_name for item in window.case_list.model.rows()]


def test_search_as_she_types(qtbot, main_window, demo_workspace):
    everyone = demo_workspace.cases.search(dto.CaseFilter()).items
    target = everyone[5]
    overview = demo_workspace.cases.overview(target.id)
    child = next(m for m in overview.members if m.group == "child")
    query = f"{child.first_name[:3]} {overview.family_name.split()[-1][:4]}".lower()
    qtbot.keyClicks(main_window.case_list.search, query)
    expected = demo_workspace.cases.search(dto.CaseFilter(query=query, status="open")).total
    qtbot.waitUntil(lambda: main_window.case_list.model.rowCount() == expected)
    assert target.id in [i.id for i in main_window.case_list.model.rows()] or target.status == "closed"
    for item in main_window.case_list.model.rows():
        assert overview.family_name.split()[-1][:4].lower() in item.family_name.lower()


def test_a_capped_count_says_over_never_a_false_number(qtbot, main_window, demo_workspace, monkeypatch):
    """Past the cap the service stops counting (a count over 50,000 families costs a keystroke's time):
    the list says "over", the way it is."""
    real_search = demo_workspace.cases.search

    def capped(flt):  # type: ignore[no-untyped-def]
        found = real_search(flt)
        return dto.CaseList(items=found.items[:2], total=1000, total_exact=False)

    monkeypatch.setattr(demo_workspace.cases, "search", capped)
    qtbot.keyClicks(main_window.case_list.search, "a")
    qtbot.waitUntil(lambda: main_window.case_list.model.rowCount() == 2)
    settle(qtbot)
    assert main_window.case_list.count.text() == "Viser 2 af over 1000 forløb – skriv mere for at indsnævre søgningen"


def test_search_by_cpr_finds_the_family(qtbot, main_window, demo_workspace):
    item = demo_workspace.cases.search(dto.CaseFilter(status="open")).items[0]
    member = next(m for m in demo_workspace.cases.overview(item.id).members if m.cpr)
    qtbot.keyClicks(main_window.case_list.search, member.cpr)
    qtbot.waitUntil(lambda: [i.id for i in main_window.case_list.model.rows()] == [item.id])


def test_filters(qtbot, main_window, demo_workspace):
    main_window.case_list.attention.setChecked(True)
    settle(qtbot)
    rows = main_window.case_list.model.rows()
    assert rows and all(item.attention for item in rows)
    main_window.case_list.attention.setChecked(False)
    main_window.case_list.mine.setChecked(True)
    settle(qtbot)
    rows = main_window.case_list.model.rows()
    assert rows and all(item.is_mine for item in rows)
    main_window.case_list.mine.setChecked(False)
    main_window.case_list.phase.setCurrentIndex(main_window.case_list.phase.findData("II"))
    settle(qtbot)
    assert main_window.case_list.model.rows()
    assert all(item.phase == "II" for item in main_window.case_list.model.rows())
    status = main_window.case_list.status
    status.setCurrentIndex(status.findData("closed"))
    settle(qtbot)
    assert all(item.status == "closed" for item in main_window.case_list.model.rows())


def test_opening_a_case_shows_the_family_and_is_audited(qtbot, main_window, demo_workspace):
    main_window.case_list.table.setFocus()
    qtbot.keyClick(main_window.case_list.table, Qt.Key.Key_Down)
    settle(qtbot)
    overview = main_window.overview.overview
    assert overview is not None
    assert main_window.overview.family_title.text() == overview.family_name
    assert main_window.overview.members_model.rowCount() == len(overview.members)
    from sqlalchemy import text

    with demo_workspace.store.unit_of_work() as session:
        opened = session.execute(
            text("select count(*) from audit_log where action='case.open' and case_id=:c"), {"c": overview.id}
        ).scalar()
    assert opened >= 1


def fill_member(qtbot, dialog: MemberDialog, relation: str, first: str, last: str, born: str, cpr: str = "") -> None:
    dialog.relation.setCurrentIndex(dialog.relation.findData(relation))
    qtbot.keyClicks(dialog.first_name, first)
    qtbot.keyClicks(dialog.last_name, last)
    qtbot.keyClicks(dialog.birth_date, born)
    if cpr:
        qtbot.keyClicks(dialog.cpr, cpr)


def add_member(qtbot, new_case: NewCaseDialog, **fields) -> MemberDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(new_case.add_member_button, Qt.MouseButton.LeftButton)
    dialog = new_case._member_dialog
    assert dialog is not None
    fill_member(qtbot, dialog, **fields)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    return dialog


def test_create_a_case_from_a_referral(qtbot, main_window, demo_workspace):
    before = demo_workspace.cases.search(dto.CaseFilter(status="")).total
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = next(f for f in main_window.actions.open_forms if isinstance(f, NewCaseDialog))
    dialog.source_kind.setCurrentIndex(dialog.source_kind.findData("school"))
    qtbot.keyClicks(dialog.organisation, "Fjordskolen")
    dialog.channel.setCurrentIndex(dialog.channel.findData("phone"))
    qtbot.keyClicks(dialog.reason, "Læreren er bekymret for barnets trivsel")

    add_member(qtbot, dialog, relation="mor", first="Sigrid", last="Tofteby", born="02-03-1988")
    # A CPR number with an impossible date is refused inline, and the person is not added yet.
    member = add_member(qtbot, dialog, relation="barn", first="Alma", last="Tofteby", born="", cpr="310215-4000")
    assert member.isVisible() and member.cpr_error.isVisible()
    member.cpr.clear()
    qtbot.keyClicks(member.birth_date, "05-06-2016")
    member.diagnosis.setCurrentIndex(member.diagnosis.findData("DG40"))
    qtbot.mouseClick(member.add_diagnosis_button, Qt.MouseButton.LeftButton)
    assert member.diagnoses.count() == 1
    qtbot.mouseClick(member.save_button, Qt.MouseButton.LeftButton)
    assert not member.isVisible()
    # An "older" sibling born after the child: the family order check stops the save.
    add_member(qtbot, dialog, relation="storebror", first="Otto", last="Tofteby", born="01-01-2019")
    assert dialog.members_model.rowCount() == 3
    assert dialog.family_name.text().endswith("Tofteby")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.isVisible()
    assert dialog.members_error.isVisible() and "Otto" in dialog.members_error.text()
    assert demo_workspace.cases.search(dto.CaseFilter(status="")).total == before

    dialog.members_view.selectRow(2)
    qtbot.mouseClick(next(b for b in dialog.findChildren(type(dialog.save_button)) if b.text() == dialog.tr("Remove")),
                     Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert demo_workspace.cases.search(dto.CaseFilter(status="")).total == before + 1
    shown = main_window.overview.overview
    assert shown is not None and shown.family_name.endswith("Tofteby")
    assert main_window.overview.family_title.text() == shown.family_name
    assert [m.first_name for m in shown.members] == ["Sigrid", "Alma"]
    assert main_window.case_list.selected_case_id() == shown.id
    assert demo_workspace.drafts.get("new_case") is None


def new_plain_case(workspace) -> str:  # type: ignore[no-untyped-def]
    overview = workspace.cases.create_case(dto.NewCase(
        family_name="Familien Stenbæk", template_id="generisk",
        referral=dto.ReferralInput("gp", date(2026, 11, 10), organisation="Lægehuset ved Torvet"),
        members=(dto.MemberInput("far", "Johan", "Stenbæk", birth_date=date(1985, 1, 1), has_custody=True),
                 dto.MemberInput("barn", "Asta", "Stenbæk", birth_date=date(2018, 4, 4))),
    ))
    return overview.id


def test_consent_gate_tovholder_and_level_through_the_forms(qtbot, main_window, demo_workspace):
    case_id = new_plain_case(demo_workspace)
    main_window.case_list.refresh()
    main_window.open_case(case_id)
    settle(qtbot)
    panel = main_window.overview
    assert panel.overview.current_step.code == "samtykke"

    # The course cannot move on to the conversation without consent: a calm banner says why.
    qtbot.mouseClick(panel.complete_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert panel.message.isVisible()
    assert panel.overview.current_step.code == "samtykke"

    panel.record_consent.emit()
    consent = next(f for f in main_window.actions.open_forms if isinstance(f, ConsentDialog))
    consent.forms.buttons()[0].setChecked(True)
    with qtbot.waitSignal(consent.finished):
        qtbot.mouseClick(consent.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert panel.overview.current_step.code == "afklarende_samtale"
    assert "participation" in panel.overview.allowed_scopes
    assert not panel.message.isVisible()

    panel.assign_tovholder.emit()
    tovholder = next(f for f in main_window.actions.open_forms if isinstance(f, TovholderDialog))
    me = demo_workspace.profile
    assert tovholder.me.isChecked() and tovholder.person_name.text() == me.name  # her own, filled in
    assert tovholder.person_role.currentData() == me.role and tovholder.organisation.text() == me.organisation
    tovholder.other.setChecked(True)
    assert tovholder.person_name.text() == "" and tovholder.person_name.isEnabled()  # someone else: typed
    qtbot.keyClicks(tovholder.person_name, "Rasmus")
    tovholder.me.setChecked(True)
    tovholder.other.setChecked(True)
    assert tovholder.person_name.text() == "Rasmus"  # what she typed for someone else is kept
    tovholder.me.setChecked(True)
    qtbot.keyClicks(tovholder.reason, "Kender familien fra hjemmebesøg")
    tovholder.agreed.setChecked(True)
    with qtbot.waitSignal(tovholder.finished):
        qtbot.mouseClick(tovholder.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert demo_workspace.profile.name in panel.tovholder_text.text()

    panel.assign_tovholder.emit()
    tovholder = next(f for f in main_window.actions.open_forms if isinstance(f, TovholderDialog))
    tovholder.other.setChecked(True)
    qtbot.keyClicks(tovholder.person_name, "Rasmus Lindholt")
    tovholder.person_role.setCurrentIndex(tovholder.person_role.findData("sagsbehandler"))
    qtbot.keyClicks(tovholder.reason, "Familiens behov er mest socialfaglige")
    with qtbot.waitSignal(tovholder.finished):
        qtbot.mouseClick(tovholder.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "Rasmus Lindholt" in panel.tovholder_text.text()
    assert panel.tovholder_model.rowCount() == 2
    assert panel.tovholder_model.row_at(0).ended_on is not None

    panel.record_level.emit()
    level = next(f for f in main_window.actions.open_forms if isinstance(f, ServiceLevelDialog))
    qtbot.mouseClick(level.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert level.isVisible() and level.level_error.isVisible()  # no level chosen yet
    level.levels.button(3).setChecked(True)
    qtbot.keyClicks(level.reason, "Kronisk sygdom; flere faggrupper involveret")
    with qtbot.waitSignal(level.finished):
        qtbot.mouseClick(level.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert panel.level_model.rowCount() == 1
    assert "3" in panel.level_text.text()
    panel.record_level.emit()  # the next time, she starts from the level the family has now
    level = next(f for f in main_window.actions.open_forms if isinstance(f, ServiceLevelDialog))
    assert level.levels.checkedId() == 3


def test_table_model_passes_the_model_tester(qtmodeltester, demo_workspace):
    model: DtoTableModel[dto.CaseListItem] = DtoTableModel([
        Column("Family", lambda c: c.family_name), Column("Phase", lambda c: c.phase)])
    model.set_rows(demo_workspace.cases.search(dto.CaseFilter()).items)
    qtmodeltester.check(model)


def test_cancel_asks_inline_before_discarding(qtbot, main_window, demo_workspace):
    dialog = main_window.actions.new_case()
    qtbot.keyClicks(dialog.organisation, "Midtbyens Skole")
    dialog.save_draft()
    settle(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert demo_workspace.drafts.get("new_case") is not None
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    settle(qtbot)
    assert demo_workspace.drafts.get("new_case") is None


def test_removing_a_person_asks_inline_first(qtbot, main_window, demo_workspace):
    case_id = new_plain_case(demo_workspace)
    main_window.open_case(case_id)
    settle(qtbot)
    panel = main_window.overview
    father = next(m for m in panel.overview.members if m.relation == "far")
    panel.remove_member.emit(father.id)
    assert panel.message.isVisible() and father.full_name in panel.message.text()
    assert len(panel.overview.members) == 2
    panel.remove_member.emit(father.id)
    settle(qtbot)
    assert [m.first_name for m in panel.overview.members] == ["Asta"]


def test_a_new_family_is_shown_and_chosen_even_when_the_search_would_hide_it(qtbot, main_window, demo_workspace):
    qtbot.keyClicks(main_window.case_list.search, "Zzyzx")  # a search that finds nobody
    main_window.case_list.attention.setChecked(True)
    settle(qtbot)
    assert visible_families(main_window) == []
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = next(f for f in main_window.actions.open_forms if isinstance(f, NewCaseDialog))
    dialog.source_kind.setCurrentIndex(dialog.source_kind.findData("school"))
    qtbot.keyClicks(dialog.reason, "Læreren er bekymret")
    add_member(qtbot, dialog, relation="mor", first="Rikke", last="Ulvsø", born="02-03-1988")
    add_member(qtbot, dialog, relation="barn", first="Ane", last="Ulvsø", born="05-06-2016")
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    created = main_window.overview.overview
    assert created is not None and created.family_name.endswith("Ulvsø")
    assert main_window.case_list.selected_case_id() == created.id
    assert any(name.endswith("Ulvsø") for name in visible_families(main_window))
    assert main_window.case_list.search.text() == "" and not main_window.case_list.attention.isChecked()
    assert "ryddet" in main_window.case_list.count.text()  # she is told why her search is gone


def test_opening_another_family_starts_at_the_top(qtbot, main_window, demo_workspace):
    main_window.resize(1366, 768)
    first, second = [c.id for c in demo_workspace.cases.search(dto.CaseFilter()).items[:2]]
    main_window.open_case(first)
    settle(qtbot)
    bar = main_window.overview.verticalScrollBar()
    assert bar.maximum() > 0  # a family's page is longer than the screen
    bar.setValue(bar.maximum())
    main_window.open_case(second)
    settle(qtbot)
    assert bar.value() == 0


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # the popup, offscreen
def test_the_diagnosis_list_narrows_as_she_types_any_part_of_a_name(qtbot, main_window, demo_workspace):
    dialog = main_window.actions.new_case()
    qtbot.mouseClick(dialog.add_member_button, Qt.MouseButton.LeftButton)
    member = dialog._member_dialog
    qtbot.keyClicks(member.diagnosis.lineEdit(), "EKSEM")
    completer = member.diagnosis.completer()
    shown = [completer.completionModel().index(row, 0).data() for row in range(completer.completionCount())]
    assert shown == ["Atopisk eksem"]  # the middle of the name, any case
    assert completer.popup().isVisible()


def test_the_interpreter_need_shows_where_she_plans_and_holds_the_conversation(qtbot, main_window, demo_workspace):
    overview = demo_workspace.cases.create_case(dto.NewCase(
        family_name="Familien Haddad", template_id="generisk",
        referral=dto.ReferralInput("gp", date(2026, 11, 10)),
        members=(dto.MemberInput("mor", "Rania", "Haddad", birth_date=date(1990, 2, 2), language="ar",
                                 interpreter_needed=True),
                 dto.MemberInput("barn", "Yara", "Haddad", birth_date=date(2019, 3, 3)))))
    demo_workspace.course.record_consent(overview.id, dto.ConsentInput(
        "Rania Haddad", date(2026, 11, 11), "signed", (dto.ScopeInput("participation"),)))
    conversation = demo_workspace.conversations.start(overview.id)
    demo_workspace.plans.schedule_follow_up(conversation.id, "home_visit", date(2026, 12, 15))
    main_window.open_case(overview.id)
    settle(qtbot)
    assert "Tolk: Arabisk (Rania)" in main_window.overview.follow_up_text.text()  # where she plans the contact

    main_window.actions.open_conversation(conversation.id)
    settle(qtbot)
    [window] = main_window.actions.conversation_windows
    qtbot.addWidget(window)
    assert window.interpreter.isVisible() and window.interpreter.text() == "Tolk: Arabisk (Rania)"
    window.go_to(next(s.key for s in window.view.sections if s.kind == "next_steps"))
    settle(qtbot)
    assert window.next_steps_page.interpreter.isVisible()
    assert window.next_steps_page.interpreter.text() == "Tolk: Arabisk (Rania)"


def test_every_heading_of_the_case_list_fits_its_column(qtbot, main_window):
    header = main_window.case_list.table.horizontalHeader()
    model = main_window.case_list.table.model()
    for column in range(model.columnCount()):
        heading = model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.sectionSizeHint(column), heading


def test_a_settled_search_is_audited_with_its_count_never_its_text(qtbot, main_window, demo_workspace):
    from tests.helpers.db import audit_entries

    qtbot.keyClicks(main_window.case_list.search, "Skovbjerg")
    qtbot.waitUntil(lambda: any(e.action == "case.search" for e in audit_entries(demo_workspace, "case.search")),
                    timeout=5000)
    settle(qtbot)
    [entry] = audit_entries(demo_workspace, "case.search")
    shown = main_window.case_list.model.rowCount()
    assert entry.detail.get("results") == shown and shown > 0
    assert "Skovbjerg" not in str(entry.detail)


def test_the_consent_form_shows_every_scope_text_whole(qtbot, main_window, demo_workspace):
    from tests.helpers.fit import cut_texts

    case_id = new_plain_case(demo_workspace)
    main_window.open_case(case_id)
    settle(qtbot)
    main_window.overview.record_consent.emit()
    dialog = next(f for f in main_window.actions.open_forms if isinstance(f, ConsentDialog))
    qtbot.waitExposed(dialog)
    assert cut_texts(dialog) == []


def choose(qtbot, combo, code: str) -> None:  # type: ignore[no-untyped-def]
    """Pick ``code`` with the keyboard (Down/Up from where the choice is), as she would."""
    combo.setFocus()
    target = combo.findData(code)
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def test_bonus_parents_and_custody_as_the_relation_usually_has_it(qtbot, main_window, demo_workspace):
    dialog = main_window.actions.new_case()
    qtbot.mouseClick(dialog.add_member_button, Qt.MouseButton.LeftButton)
    member = dialog._member_dialog
    codes = [member.relation.itemData(i) for i in range(member.relation.count())]
    assert {"bonusfar", "bonusmor", "medfar", "halvsoeskende", "bonussoeskende", "plejesoeskende"} <= set(codes)
    assert member.relation.currentData() == "mor" and member.custody.isChecked()  # a mother: usually yes
    choose(qtbot, member.relation, "bonusfar")
    assert not member.custody.isChecked()  # a bonus father: usually not
    choose(qtbot, member.relation, "far")
    assert member.custody.isChecked()
    member.custody.setFocus()
    qtbot.keyClick(member.custody, Qt.Key.Key_Space)  # she knows better: not this father
    assert not member.custody.isChecked()
    choose(qtbot, member.relation, "medfar")
    assert not member.custody.isChecked()  # what she chose stays


def test_an_empty_history_shows_no_blank_table(qtbot, main_window, demo_workspace):
    case_id = new_plain_case(demo_workspace)  # no consent, tovholder or level yet
    main_window.resize(1366, 768)
    main_window.open_case(case_id)
    settle(qtbot)
    panel = main_window.overview
    hidden = {view.accessibleName(): view.isHidden() for view in panel.widget().findChildren(QTableView)}
    assert hidden["Tovholderhistorik"] and hidden["Niveauhistorik"] and hidden["Samtykker"] and hidden["Samtaler"]
    assert not hidden["Familiemedlemmer"] and not hidden["Trin"]
    assert panel.tovholder_text.text() and panel.level_text.text()  # "none yet", said in words
