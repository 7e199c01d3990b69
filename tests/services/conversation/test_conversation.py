"""The clarifying conversation through the services (``Workspace.conversations``, ``.plans``,
``.summaries``): the consent gate, a section per family member with prompts for their group and age,
notes saved as committed transactions (coalesced in the change log, audited once per section and
session), resources and needs, offers only after both, agreed steps and the next contact, finishing,
the family's summary and its PDF, and guide versions that outlive their content files.

Synthetic people only; no CPR numbers are needed here.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, update

from app.core.errors import ConsentRequiredError, ContentError, StorageError, ValidationError
from app.core.resources import content_dir, resources_dir
from app.core.settings import Policy, Settings
from app.models import AgreedStep, ChangeLogEntry, ConversationSection
from app.reports.summary_pdf import AgreedStepLine
from app.services.cases import dto
from app.services.conversation.dto import OffersView
from app.services.conversation.summary import ExportNotAllowedError
from app.services.workspace import Workspace, unlock
from tests.conftest import PASSWORD, TODAY
from tests.helpers.db import audit_entries, log_entries
from tests.helpers.families import family, me_as_tovholder, participation, referral
from tests.helpers.pdf import text_in_pdf

RECENT = date(2026, 11, 20)  # referred two days before TODAY: no step is overdue yet
MEMBER = "familiemedlem"  # the standard guide's member section
STANDARD = content_dir() / "guides" / "standard.yaml"
GREVE_EXAMPLE = resources_dir() / "examples" / "greve-spoergeguide.yaml"
V1_PROMPT_DA = "Hvad håber I at få ud af, at vi taler sammen i dag?"
V2_PROMPT_DA = "Hvad er det vigtigste, vi skal nå at tale om i dag?"
AGREES_DA = "Vi har læst opsummeringen igennem sammen, og I er enige i den."


# ---- helpers


def _member(relation: str, first_name: str, birth: date, *diagnoses: tuple[str, str],
            surname: str = "Skovbjerg") -> dto.MemberInput:
    return dto.MemberInput(relation, first_name, surname, birth_date=birth,
                           diagnoses=tuple(dto.DiagnosisInput(label, code) for label, code in diagnoses))


def _new_case(ws: Workspace, surname: str = "Skovbjerg", consent: bool = True, template: str = "herning",
              **kwargs) -> dto.CaseOverview:
    overview = ws.cases.create_case(family(surname, template=template, referred_on=RECENT, **kwargs))
    if consent:
        overview = ws.course.record_consent(overview.id, participation(RECENT))
    return overview


def _started(ws: Workspace, **kwargs):  # type: ignore[no-untyped-def]
    """A case with participation consent and its conversation, started."""
    case = _new_case(ws, **kwargs)
    return case, ws.conversations.start(case.id)


def _ids(view) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Member id by first name."""
    return {m.first_name: m.id for m in view.members}


def _key(view, first_name: str) -> str:  # type: ignore[no-untyped-def]
    return f"{MEMBER}:{_ids(view)[first_name]}"




def _section_row_id(ws: Workspace, conversation_id: str, key: str) -> str:
    with ws.store.unit_of_work() as session:
        return session.execute(
            select(ConversationSection.id).where(ConversationSection.conversation_id == conversation_id,
                                                 ConversationSection.section_key == key)
        ).scalar_one()




def _on(ws: Workspace, day: date) -> Workspace:
    """The same unlocked profile as seen on ``day`` (another ``today`` for every service)."""
    return Workspace(ws.paths, ws.settings, ws.policy, ws.content, ws.store, ws.profile, lambda: day)


def _unlock_fresh(paths) -> Workspace:  # type: ignore[no-untyped-def]
    """Unlock as the next start would, loading the content files (shipped and municipal) anew."""
    return unlock(paths, PASSWORD, Settings.load(paths.settings_file), Policy(), today=lambda: TODAY)


def _list_item(ws: Workspace, case_id: str) -> dto.CaseListItem:
    return next(i for i in ws.cases.search(dto.CaseFilter()).items if i.id == case_id)




def _prompt_texts(section) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text.da for p in section.prompts]


def _guide_v2(tmp_path: Path, name: str = "standard-v2.yaml") -> Path:
    """The standard guide as a municipality's version 2, with its first prompt reworded."""
    text = STANDARD.read_text("utf-8")
    assert text.count("\nversion: 1\n") == 1 and text.count(V1_PROMPT_DA) == 1
    path = tmp_path / name
    path.write_text(text.replace("\nversion: 1\n", "\nversion: 2\n").replace(V1_PROMPT_DA, V2_PROMPT_DA), "utf-8")
    return path


@pytest.fixture
def started(workspace):
    """The workspace, a case (Mette and Lærke, 10) with consent, and its conversation."""
    case, view = _started(workspace)
    return workspace, case, view


# ---- 1. starting and resuming


def test_starting_needs_participation_consent(workspace):
    case = _new_case(workspace, consent=False)

    with pytest.raises(ConsentRequiredError) as caught:
        workspace.conversations.start(case.id)

    assert caught.value.params["missing"].da == "Deltagelse i forløbet"
    assert workspace.conversations.list_for_case(case.id) == ()
    assert audit_entries(workspace, "conversation.start") == []

    workspace.course.record_consent(case.id, participation(RECENT))
    view = workspace.conversations.start(case.id)

    assert (view.case_id, view.status, view.held_on) == (case.id, "in_progress", TODAY)
    assert (view.guide_id, view.guide_version) == ("standard", 1)
    assert view.cursor_section == "formaal"  # the guide's first section
    [listed] = workspace.conversations.list_for_case(case.id)
    assert (listed.id, listed.status, listed.guide_version) == (view.id, "in_progress", 1)


def test_a_second_start_resumes_the_conversation_in_progress(started):
    workspace, case, first = started
    workspace.conversations.save_notes(first.id, "familiens_historie", "De flyttede i sommer.", 21)

    again = workspace.conversations.start(case.id)

    assert again.id == first.id
    assert again.section("familiens_historie").notes == "De flyttede i sommer."
    assert (again.cursor_section, again.cursor_position) == ("familiens_historie", 21)
    assert len(workspace.conversations.list_for_case(case.id)) == 1


def test_start_and_open_are_audited(started):
    workspace, case, view = started

    [start] = audit_entries(workspace, "conversation.start", view.id)
    assert (start.case_id, start.entity, start.detail) == (case.id, "conversations", {"guide": "standard@1"})
    assert audit_entries(workspace, "conversation.open", view.id) == []

    workspace.conversations.open(view.id)
    workspace.conversations.start(case.id)  # resuming is opening

    opened = audit_entries(workspace, "conversation.open", view.id)
    assert [(e.case_id, e.entity) for e in opened] == [(case.id, "conversations")] * 2
    assert len(audit_entries(workspace, "conversation.start", view.id)) == 1
    workspace.conversations.view(view.id)  # reading for the screen is not an open
    assert len(audit_entries(workspace, "conversation.open", view.id)) == 2


# ---- 2. a section per family member


@pytest.fixture
def big_family(workspace):
    """Mette (parent), Lærke 10, Bo 3, Astrid 15 (all three the ill children) and Malte 7 (a sibling)."""
    extra = (
        _member("barn", "Bo", date(2023, 6, 1)),
        _member("barn", "Astrid", date(2011, 2, 14)),
        _member("soeskende", "Malte", date(2019, 9, 9)),
    )
    case, view = _started(workspace, extra=extra)
    return workspace, case, view


def test_one_section_per_member_with_the_members_name(big_family):
    _, _, view = big_family

    members = [s for s in view.sections if s.kind == "member"]
    assert [s.title.da for s in members] == ["Om Mette", "Om Lærke", "Om Bo", "Om Astrid", "Om Malte"]
    assert [s.title.en for s in members] == ["About Mette", "About Lærke", "About Bo", "About Astrid",
                                            "About Malte"]
    assert [s.key for s in members] == [f"{MEMBER}:{m.id}" for m in view.members]
    assert [s.member_group for s in members] == ["parent", "child", "child", "child", "sibling"]
    # The member sections take the guide's place, between the family's story and the problem areas.
    keys = [s.section_id for s in view.sections]
    assert keys[:2] == ["formaal", "familiens_historie"] and keys[2:7] == [MEMBER] * 5
    assert keys[7] == "viden_om_sygdommen"
    assert all("{name}" not in p.text.da and "{name}" not in p.text.en
               for s in members for p in s.prompts)


def test_prompts_fit_the_members_group_and_age(big_family):
    _, _, view = big_family
    prompt_ids = {m.first_name: [p.id for p in view.section(_key(view, m.first_name)).prompts]
                  for m in view.members}

    assert prompt_ids["Mette"] == ["forael_har_det", "forael_svaer_dag", "forael_rolle", "andet_vigtigt"]
    assert prompt_ids["Bo"] == ["barn_glad_for", "barn_brug_for", "smaabarn_hverdag", "smaabarn_trives",
                                "smaabarn_dagtilbud", "andet_vigtigt"]
    assert prompt_ids["Lærke"] == ["barn_glad_for", "barn_brug_for", "skolebarn_lide", "skolebarn_skole",
                                   "skolebarn_sygdom", "skolebarn_tryllestav", "andet_vigtigt"]
    assert prompt_ids["Astrid"] == ["barn_glad_for", "barn_brug_for", "ung_leve_med", "ung_selv_styre",
                                    "ung_tale_med", "ung_alene", "andet_vigtigt"]
    assert prompt_ids["Malte"] == ["barn_glad_for", "soeskende_oplever", "soeskende_selv", "andet_vigtigt"]
    assert len({tuple(ids) for ids in prompt_ids.values()}) == 5  # all different
    bo = view.section(_key(view, "Bo"))
    assert _prompt_texts(bo)[0] == "Hvad er Bo glad for, og hvad er Bo god til?"
    malte = view.section(_key(view, "Malte"))
    assert malte.prompts[1].follow_ups[0].da == "Hvad ved Malte om sygdommen?"


def test_members_are_unaddressed_until_each_has_a_status(big_family):
    workspace, _, view = big_family
    conversations = workspace.conversations
    assert [s.member_id for s in view.unaddressed_members] == [m.id for m in view.members]

    conversations.set_member_status(view.id, _key(view, "Mette"), "addressed")
    conversations.set_member_status(view.id, _key(view, "Bo"), "not_relevant", "  Sover til middag  ")
    after = conversations.set_member_status(view.id, _key(view, "Astrid"), "not_present", "Til træning")

    assert [s.member_id for s in after.unaddressed_members] == [_ids(view)["Lærke"], _ids(view)["Malte"]]
    bo = after.section(_key(view, "Bo"))
    assert (bo.status, bo.status_reason) == ("not_relevant", "Sover til middag")

    conversations.set_member_status(view.id, _key(view, "Lærke"), "addressed")
    after = conversations.set_member_status(view.id, _key(view, "Malte"), "addressed")
    assert after.unaddressed_members == ()

    # Back to "not yet": the member is unaddressed again.
    after = conversations.set_member_status(view.id, _key(view, "Malte"), "")
    assert [s.member_id for s in after.unaddressed_members] == [_ids(view)["Malte"]]
    assert len(audit_entries(workspace, "conversation.member_status")) == 6


@pytest.mark.parametrize("status", ["not_present", "not_relevant"])
@pytest.mark.parametrize("reason", ["", "   "])
def test_not_present_or_not_relevant_needs_a_reason(started, status, reason):
    workspace, _, view = started
    key = _key(view, "Lærke")

    with pytest.raises(ValidationError) as caught:
        workspace.conversations.set_member_status(view.id, key, status, reason)

    assert caught.value.field == "status_reason"
    after = workspace.conversations.view(view.id)
    assert after.section(key).status == ""
    assert len(after.unaddressed_members) == 2


def test_an_addressed_member_keeps_no_reason(started):
    workspace, _, view = started
    key = _key(view, "Mette")
    workspace.conversations.set_member_status(view.id, key, "not_present", "På arbejde")

    after = workspace.conversations.set_member_status(view.id, key, "addressed", "På arbejde")

    assert (after.section(key).status, after.section(key).status_reason) == ("addressed", "")


@pytest.mark.parametrize(("key", "status", "field"), [
    ("lærke", "maybe", "status"),
    ("formaal", "addressed", "section_key"),
    (MEMBER, "addressed", "section_key"),
    ("other_case", "addressed", "section_key"),
], ids=["unknown status", "not a member section", "no member", "member of another family"])
def test_member_status_is_refused_for_unknown_choices(started, key, status, field):
    workspace, _, view = started
    keys = {"lærke": _key(view, "Lærke"), "formaal": "formaal", MEMBER: MEMBER}
    if key == "other_case":
        other = _new_case(workspace, "Nørgaard")
        keys[key] = f"{MEMBER}:{other.members[0].id}"

    with pytest.raises(ValidationError) as caught:
        workspace.conversations.set_member_status(view.id, keys[key], status)

    assert caught.value.field == field
    assert workspace.conversations.view(view.id) == view


# ---- 3. notes saved as she types


def test_notes_and_the_cursor_survive_lock_and_reopen(started, reopen):
    workspace, _, view = started
    key = _key(view, "Lærke")
    text = "Lærke siger: »Jeg vil selv tage insulinen.«\nHun er glad for håndbold – og for Åse.\n\n  slut "
    workspace.conversations.save_notes(view.id, "formaal", "Familien vil have ro om morgenen.", 5)
    workspace.conversations.save_notes(view.id, key, text, 17)
    workspace.lock()

    again = reopen().conversations.open(view.id)

    assert again.section(key).notes == text  # exactly, also the whitespace
    assert again.section("formaal").notes == "Familien vil have ro om morgenen."
    assert (again.cursor_section, again.cursor_position) == (key, 17)


def test_moving_the_cursor_is_remembered(started, reopen):
    workspace, _, view = started
    workspace.conversations.move_cursor(view.id, "trivsel", 3)
    workspace.lock()

    again = reopen().conversations.open(view.id)

    assert (again.cursor_section, again.cursor_position) == ("trivsel", 3)


@pytest.mark.parametrize("key", ["ukendt", "formaal:ekstra", MEMBER, f"{MEMBER}:ukendt-id", "other_case"])
def test_notes_for_an_unknown_section_are_refused(started, key):
    workspace, _, view = started
    if key == "other_case":
        other = _new_case(workspace, "Nørgaard")
        key = f"{MEMBER}:{other.members[1].id}"

    with pytest.raises(ValidationError) as caught:
        workspace.conversations.save_notes(view.id, key, "tekst", 5)

    assert caught.value.field == "section_key"
    after = workspace.conversations.view(view.id)
    assert after == view  # nothing saved, the cursor did not move
    assert audit_entries(workspace, "conversation.edit") == []


def test_typing_leaves_one_change_log_row_and_one_audit_entry_per_section(started, reopen):
    workspace, _, view = started
    key = _key(view, "Mette")
    text = "Mette har svært ved at sove, når Lærke har haft et lavt blodsukker."
    for n in range(1, len(text) + 1):
        workspace.conversations.save_notes(view.id, key, text[:n], n)
    for n in range(1, 11):
        workspace.conversations.save_notes(view.id, "trivsel", "Godt" + "!" * n, 4 + n)

    row_id = _section_row_id(workspace, view.id, key)
    [row] = log_entries(workspace, unsynced=True, record_id=row_id)
    assert row.entity == "conversation_sections"
    assert row.payload["notes"] == text  # the newest state, folded into the one unsynced row
    assert row.revision == len(text)
    [conversation_row] = log_entries(workspace, unsynced=True, record_id=view.id)
    assert conversation_row.payload["cursor_section"] == "trivsel"
    edits = audit_entries(workspace, "conversation.edit", view.id)
    assert sorted(e.detail["section"] for e in edits) == sorted([key, "trivsel"])

    # Once the row has been synced, the next edit starts a new one; a new session is audited anew.
    with workspace.store.unit_of_work() as session:
        session.execute(update(ChangeLogEntry).where(ChangeLogEntry.record_id == row_id)
                        .values(synced_at=func.current_timestamp()))
    workspace.lock()
    again = reopen()
    for n in range(3):
        again.conversations.save_notes(view.id, key, text + " Hun" + "." * n, len(text) + 4 + n)

    [new_row] = log_entries(again, unsynced=True, record_id=row_id)
    assert (new_row.operation, new_row.payload["notes"]) == ("update", text + " Hun..")
    assert [e.detail["section"] for e in audit_entries(again, "conversation.edit", view.id)].count(key) == 2


def test_saving_the_same_text_again_changes_nothing(started):
    workspace, _, view = started
    workspace.conversations.save_notes(view.id, "formaal", "Ro", 2)
    row_id = _section_row_id(workspace, view.id, "formaal")
    [before] = log_entries(workspace, unsynced=True, record_id=row_id)

    workspace.conversations.save_notes(view.id, "formaal", "Ro", 2)

    [after] = log_entries(workspace, unsynced=True, record_id=row_id)
    assert (after.seq, after.revision) == (before.seq, before.revision) == (before.seq, 1)


def test_an_edit_whose_save_failed_is_audited_by_the_next_save(started):
    workspace, _, view = started
    failures = []

    def fail_once(session):  # type: ignore[no-untyped-def]
        if not failures:
            failures.append(True)
            raise OSError(28, "No space left on device")

    event.listen(workspace.store._sessions, "before_commit", fail_once)
    with pytest.raises((OSError, StorageError)):
        workspace.conversations.save_notes(view.id, "trivsel", "Det", 3)
    assert workspace.conversations.view(view.id).section("trivsel").notes == ""

    workspace.conversations.save_notes(view.id, "trivsel", "Det går", 7)

    assert workspace.conversations.view(view.id).section("trivsel").notes == "Det går"
    assert [e.detail["section"] for e in audit_entries(workspace, "conversation.edit", view.id)] == ["trivsel"]


def test_what_matters_most_is_saved_and_audited_once(started, reopen):
    workspace, _, view = started
    for n in range(1, 6):
        workspace.conversations.save_what_matters(view.id, "At Lærke kan gå til håndbold"[: 5 * n])
    workspace.lock()

    again = reopen()

    assert again.conversations.open(view.id).what_matters_most == "At Lærke kan gå til håndbold"[:25]
    assert [e.detail["section"] for e in audit_entries(again, "conversation.edit")] == ["what_matters_most"]


# ---- 4. resources and needs


def test_resources_and_needs_add_update_remove(started):
    workspace, _, view = started
    conversations = workspace.conversations
    ids = _ids(view)

    conversations.add_item(view.id, "resource", "  Mormor Åse henter om tirsdagen ", "familie_og_netvaerk",
                           (ids["Mette"],), ("network_family",))
    after = conversations.add_item(view.id, "need", "Mere ro om morgenen", "trivsel", (ids["Mette"], ids["Lærke"]),
                                   ("mental_wellbeing", "self_management"))

    [resource], [need] = after.resources, after.needs
    assert (resource.text, resource.section_key, resource.member_ids, resource.problem_areas) == (
        "Mormor Åse henter om tirsdagen", "familie_og_netvaerk", (ids["Mette"],), ("network_family",))
    assert (need.text, need.member_ids, need.problem_areas) == (
        "Mere ro om morgenen", (ids["Mette"], ids["Lærke"]), ("mental_wellbeing", "self_management"))
    assert [i.kind for i in after.items] == ["resource", "need"]  # in the order captured

    after = conversations.update_item(view.id, need.id, "Ro om morgenen før skole", (ids["Lærke"],),
                                      ("self_management",))
    [need] = after.needs
    assert (need.text, need.member_ids, need.problem_areas) == ("Ro om morgenen før skole", (ids["Lærke"],),
                                                                ("self_management",))

    after = conversations.remove_item(view.id, resource.id)
    assert after.resources == () and [n.id for n in after.needs] == [need.id]
    assert [e.detail.get("change", "add") for e in audit_entries(workspace, "conversation.item")] == [
        "add", "add", "update", "remove"]


@pytest.mark.parametrize(("change", "field"), [
    ({"kind": "wish"}, "kind"),
    ({"text": "   "}, "text"),
    ({"member_ids": ("ukendt",)}, "member_ids"),
    ({"member_ids": "other_case"}, "member_ids"),
    ({"problem_areas": ("economy",)}, "problem_areas"),
], ids=["unknown kind", "no text", "unknown member", "member of another family", "unknown problem area"])
def test_items_with_unknown_tags_are_refused(started, change, field):
    workspace, _, view = started
    item = {"kind": "need", "text": "Søvn", "member_ids": (_ids(view)["Lærke"],), "problem_areas": ("mental_wellbeing",)}
    if change.get("member_ids") == "other_case":
        change = {"member_ids": (_new_case(workspace, "Nørgaard").members[0].id,)}
    item.update(change)

    with pytest.raises(ValidationError) as caught:
        workspace.conversations.add_item(view.id, item["kind"], item["text"], "trivsel", item["member_ids"],
                                         item["problem_areas"])
    assert caught.value.field == field
    assert workspace.conversations.view(view.id).items == ()

    if field == "kind":
        return
    existing = workspace.conversations.add_item(view.id, "need", "Søvn", "trivsel").needs[0]
    with pytest.raises(ValidationError) as caught:
        workspace.conversations.update_item(view.id, existing.id, item["text"], item["member_ids"],
                                            item["problem_areas"])
    assert caught.value.field == field
    assert workspace.conversations.view(view.id).needs == (existing,)


# ---- 5. offers, only after needs and resources


@pytest.fixture
def offer_family(workspace):
    """Mette, Lærke (10, asthma) and her big brother Sofus (14)."""
    child = (dto.MemberInput("barn", "Lærke", "Skovbjerg", birth_date=date(2016, 5, 5),
                             diagnoses=(dto.DiagnosisInput("Astma", "DJ45"),)),)
    case = workspace.cases.create_case(dto.NewCase(
        family_name="Familien Skovbjerg", template_id="herning",
        referral=referral(RECENT),
        members=(family().members[0], *child, _member("storebror", "Sofus", date(2012, 3, 3))),
    ))
    workspace.course.record_consent(case.id, participation(RECENT))
    return workspace, case, workspace.conversations.start(case.id)


def _needs_and_resource(ws: Workspace, view) -> None:  # type: ignore[no-untyped-def]
    ids = _ids(view)
    ws.conversations.add_item(view.id, "need", "Sofus føler sig alene med det", "trivsel", (ids["Sofus"],),
                              ("mental_wellbeing",))
    ws.conversations.add_item(view.id, "need", "At huske medicinen", "hverdagen_med_sygdommen", (ids["Lærke"],),
                              ("self_management",))
    ws.conversations.add_item(view.id, "resource", "Vi er et godt hold", "formaal")


def test_offers_are_closed_until_a_need_and_a_resource(offer_family):
    workspace, _, view = offer_family
    assert workspace.plans.offers(view.id).open is False

    workspace.conversations.add_item(view.id, "need", "Søvn", "trivsel", (), ("mental_wellbeing",))
    assert workspace.plans.offers(view.id) == OffersView(open=False)

    resource = workspace.conversations.add_item(view.id, "resource", "Gode naboer", "netvaerk").resources[0]
    offers = workspace.plans.offers(view.id)
    assert offers.open is True and offers.suggestions

    workspace.conversations.remove_item(view.id, resource.id)
    assert workspace.plans.offers(view.id).open is False


def test_offers_are_suggested_by_fit_with_warnings(offer_family):
    workspace, _, view = offer_family
    _needs_and_resource(workspace, view)
    ids = _ids(view)

    offers = workspace.plans.offers(view.id)

    codes = [s.code for s in offers.suggestions]
    by_code = {s.code: s for s in offers.suggestions}
    # Only offers for the needs' problem areas are suggested; the rest wait under "others".
    assert all({"mental_wellbeing", "self_management"} & set(s.matched_problem_areas) for s in offers.suggestions)
    assert "astma_allergi_danmark" in {s.code for s in offers.others}
    assert not set(codes) & {s.code for s in offers.others}
    # The ones that fit come first: no warnings before any warning, the tagged members before the family.
    warnings = [len(s.warnings) for s in offers.suggestions]
    assert warnings == sorted(warnings) and warnings[0] == 0
    assert codes.index("trivselsgruppe_unge") < codes.index("individuelt_forloeb") < codes.index("soeskendegruppe")
    assert by_code["trivselsgruppe_unge"].for_member_ids == (ids["Sofus"],)
    assert by_code["trivselsgruppe_unge"].warnings == ()

    [age] = by_code["soeskendegruppe"].warnings
    assert by_code["soeskendegruppe"].for_member_ids == (ids["Sofus"],)
    assert age.message.format(**age.params) == "Sofus is 14 years old; the offer is for ages 9–12."
    [diagnosis] = by_code["mentorforloeb"].warnings
    assert by_code["mentorforloeb"].for_member_ids == (ids["Lærke"],)
    assert diagnosis.message == "The offer is for children with another diagnosis than the child's."
    assert set(by_code["mentorforloeb"].matched_need_ids) == {n.id for n in
                                                             workspace.conversations.view(view.id).needs}


def test_a_diabetic_child_of_the_right_age_fits_the_mentor_course(started):
    workspace, _, view = started  # Lærke, 10, type 1 diabetes
    workspace.conversations.add_item(view.id, "need", "At huske medicinen", "", (_ids(view)["Lærke"],),
                                     ("self_management",))
    workspace.conversations.add_item(view.id, "resource", "Vi er et godt hold")

    mentor = next(s for s in workspace.plans.offers(view.id).suggestions if s.code == "mentorforloeb")

    assert mentor.warnings == ()


def test_referring_needs_open_offers_and_keeps_the_warnings(offer_family):
    workspace, case, view = offer_family
    sofus = _ids(view)["Sofus"]

    with pytest.raises(ValidationError) as caught:
        workspace.plans.refer(view.id, "soeskendegruppe", sofus)
    assert caught.value.field == "offers"
    assert workspace.conversations.view(view.id).referrals == ()

    _needs_and_resource(workspace, view)
    with pytest.raises(ValidationError) as caught:
        workspace.plans.refer(view.id, "svoemmeklub", sofus)
    assert caught.value.field == "offer"
    with pytest.raises(ValidationError) as caught:
        workspace.plans.refer(view.id, "soeskendegruppe", sofus, referred_on=TODAY + timedelta(days=1))
    assert caught.value.field == "referred_on"

    after = workspace.plans.refer(view.id, "soeskendegruppe", sofus, note="  Mor ringer selv  ")

    [referral] = after.referrals
    assert (referral.offer_code, referral.offer_label, referral.member_id, referral.referred_on, referral.note) == (
        "soeskendegruppe", "Søskendegruppe", sofus, TODAY, "Mor ringer selv")
    assert referral.warnings == ("Sofus is 14 years old; the offer is for ages 9–12.",)
    [audited] = audit_entries(workspace, "offer.refer")
    assert (audited.case_id, audited.detail) == (case.id, {"offer": "soeskendegruppe", "warnings": 1})
    suggestions = {s.code: s for s in workspace.plans.offers(view.id).suggestions}
    assert suggestions["soeskendegruppe"].already_referred is True
    assert [code for code, s in suggestions.items() if s.already_referred] == ["soeskendegruppe"]


def test_a_paused_offer_is_suggested_with_a_warning(offer_family):
    workspace, _, view = offer_family  # the children's group (9-12) holds a pause (seed-000 L1571-1573)
    _needs_and_resource(workspace, view)
    laerke = _ids(view)["Lærke"]  # 10, the ill child

    group = next(s for s in workspace.plans.offers(view.id).suggestions if s.code == "boernegruppe")

    assert group.for_member_ids == (laerke,)
    assert [w.message for w in group.warnings] == [
        "The offer is paused at the moment; ask the provider when it starts again."]
    # She can still put Lærke down for it; the referral keeps what she was told.
    after = workspace.plans.refer(view.id, "boernegruppe", laerke)
    assert after.referrals[0].warnings == ("The offer is paused at the moment; ask the provider when it starts again.",)


def test_an_ended_offer_is_neither_shown_nor_chosen(offer_family, tmp_path):
    workspace, _, view = offer_family
    _needs_and_resource(workspace, view)
    assert "trivselsgruppe_unge" in {s.code for s in workspace.plans.offers(view.id).suggestions}
    own = (content_dir() / "offers.yaml").read_text("utf-8").replace("version: 1\n", "version: 2\n", 1)
    block = own.index("  - code: trivselsgruppe_unge\n")
    source = own.index("    source: ", block)
    own = own[:source] + "    status: ended\n" + own[source:]
    (tmp_path / "tilbud.yaml").write_text(own, "utf-8")

    workspace.install_content(tmp_path / "tilbud.yaml")

    offers = workspace.plans.offers(view.id)
    assert "trivselsgruppe_unge" not in {s.code for s in offers.suggestions + offers.others}
    with pytest.raises(ValidationError) as caught:
        workspace.plans.refer(view.id, "trivselsgruppe_unge", _ids(view)["Sofus"])
    assert (caught.value.field, caught.value.english()) == (
        "offer", "This offer has ended and can no longer be chosen.")
    assert workspace.conversations.view(view.id).referrals == ()


# ---- 6. agreed steps and the next contact


def test_agreed_steps_add_update_remove(started):
    workspace, case, view = started
    plans = workspace.plans

    plans.add_step(view.id, "  Vi laver en morgenplan  ", "family", " Mette ", date(2026, 12, 15))
    plans.add_step(view.id, "Spørge sygehuset om natten", "professional")
    after = plans.add_step(view.id, "Ringe til skolen", "family", "Søren")

    assert [(s.what, s.who_kind, s.who_name, s.due_on) for s in after.agreed_steps] == [
        ("Vi laver en morgenplan", "family", "Mette", date(2026, 12, 15)),
        ("Spørge sygehuset om natten", "professional", "", None),
        ("Ringe til skolen", "family", "Søren", None)]
    first, second, third = after.agreed_steps

    after = plans.update_step(view.id, second.id, "Spørge sygehuset, hvem I ringer til om natten", "professional",
                              "Hanne", date(2026, 12, 1), done_on=TODAY)
    assert after.agreed_steps[1] == type(second)(second.id, "Spørge sygehuset, hvem I ringer til om natten",
                                                 "professional", "Hanne", date(2026, 12, 1), TODAY)

    after = plans.remove_step(view.id, first.id)
    after = plans.add_step(view.id, "Søge tabt arbejdsfortjeneste", "family")
    assert [s.what for s in after.agreed_steps] == ["Spørge sygehuset, hvem I ringer til om natten",
                                                    "Ringe til skolen", "Søge tabt arbejdsfortjeneste"]
    with workspace.store.unit_of_work() as session:
        positions = session.execute(select(AgreedStep.position).where(AgreedStep.conversation_id == view.id)
                                    .order_by(AgreedStep.position)).scalars().all()
    assert len(set(positions)) == len(positions) == 3  # the order is unambiguous, also after sync
    actions = [e.action for e in audit_entries(workspace, "agreed_step.add") + audit_entries(workspace, "agreed_step.update")
               + audit_entries(workspace, "agreed_step.remove")]
    assert sorted(actions) == ["agreed_step.add"] * 4 + ["agreed_step.remove", "agreed_step.update"]
    assert {e.case_id for e in audit_entries(workspace, "agreed_step.add")} == {case.id}


@pytest.mark.parametrize(("what", "who_kind", "done_on", "field"), [
    ("  ", "family", None, "what"),
    ("Ringe", "neighbour", None, "who_kind"),
    ("Ringe", "", None, "who_kind"),
    ("Ringe", "family", TODAY + timedelta(days=1), "done_on"),
], ids=["no what", "unknown who", "no who", "done tomorrow"])
def test_invalid_agreed_steps_are_refused(started, what, who_kind, done_on, field):
    workspace, _, view = started
    if done_on is None:
        with pytest.raises(ValidationError) as caught:
            workspace.plans.add_step(view.id, what, who_kind)
        assert caught.value.field == field
        assert workspace.conversations.view(view.id).agreed_steps == ()
    step = workspace.plans.add_step(view.id, "Morgenplan", "family").agreed_steps[0]

    with pytest.raises(ValidationError) as caught:
        workspace.plans.update_step(view.id, step.id, what, who_kind, "", None, done_on)

    assert caught.value.field == field
    assert workspace.conversations.view(view.id).agreed_steps == (step,)


def test_the_next_contact_is_due_then_overdue_in_the_case_list(workspace):
    case, view = _started(workspace)
    workspace.course.assign_tovholder(case.id, me_as_tovholder(RECENT))
    due = date(2026, 11, 29)
    assert _list_item(workspace, case.id).attention == ()

    after = workspace.plans.schedule_follow_up(view.id, "home_visit", due, " Kl. 9.30 ")

    [follow_up] = after.follow_ups
    assert (follow_up.kind, follow_up.due_on, follow_up.note, follow_up.done_on) == ("home_visit", due, "Kl. 9.30",
                                                                                      None)
    item = _list_item(workspace, case.id)
    assert (item.next_follow_up_on, item.next_follow_up_kind, item.attention) == (due, "home_visit", ())
    assert workspace.cases.search(dto.CaseFilter(needs_attention=True)).items == ()

    on_the_day, day_after = _on(workspace, due), _on(workspace, due + timedelta(days=1))
    assert _list_item(on_the_day, case.id).attention == ("follow_up_due",)
    assert [i.id for i in on_the_day.cases.search(dto.CaseFilter(needs_attention=True)).items] == [case.id]
    assert on_the_day.plans.follow_ups(case.id)[0].due_today is True
    assert _list_item(day_after, case.id).attention == ("follow_up_overdue",)
    assert [i.id for i in day_after.cases.search(dto.CaseFilter(needs_attention=True)).items] == [case.id]
    assert day_after.plans.follow_ups(case.id)[0].overdue is True

    done = day_after.plans.complete_follow_up(case.id, follow_up.id)

    assert (done.done_on, done.overdue, done.due_today) == (due + timedelta(days=1), False, False)
    item = _list_item(day_after, case.id)
    assert (item.next_follow_up_on, item.next_follow_up_kind, item.attention) == (None, "", ())
    assert day_after.cases.search(dto.CaseFilter(needs_attention=True)).items == ()


def test_the_case_list_shows_the_earliest_open_follow_up(workspace):
    case, view = _started(workspace)
    workspace.plans.schedule_follow_up(view.id, "network_meeting", date(2026, 12, 20))
    after = workspace.plans.schedule_follow_up(view.id, "follow_up_conversation", date(2026, 12, 5))
    assert (_list_item(workspace, case.id).next_follow_up_on, _list_item(workspace, case.id).next_follow_up_kind) == (
        date(2026, 12, 5), "follow_up_conversation")

    first = next(f for f in after.follow_ups if f.due_on == date(2026, 12, 5))
    workspace.plans.complete_follow_up(case.id, first.id)

    item = _list_item(workspace, case.id)
    assert (item.next_follow_up_on, item.next_follow_up_kind) == (date(2026, 12, 20), "network_meeting")


@pytest.mark.parametrize(("kind", "due_on", "field"), [
    ("phone_call", date(2026, 12, 1), "kind"),
    ("home_visit", None, "due_on"),
])
def test_invalid_follow_up_is_refused(started, kind, due_on, field):
    workspace, case, view = started

    with pytest.raises(ValidationError) as caught:
        workspace.plans.schedule_follow_up(view.id, kind, due_on)

    assert caught.value.field == field
    assert workspace.plans.follow_ups(case.id) == ()
    assert _list_item(workspace, case.id).next_follow_up_on is None


def test_a_follow_up_cannot_be_done_tomorrow(started):
    workspace, case, view = started
    [follow_up] = workspace.plans.schedule_follow_up(view.id, "home_visit", date(2026, 12, 1)).follow_ups

    with pytest.raises(ValidationError) as caught:
        workspace.plans.complete_follow_up(case.id, follow_up.id, TODAY + timedelta(days=1))

    assert caught.value.field == "done_on"
    assert workspace.plans.follow_ups(case.id)[0].done_on is None


# ---- 7. finishing


def test_completing_needs_every_member_to_have_a_status(started):
    workspace, case, view = started

    with pytest.raises(ValidationError) as caught:
        workspace.conversations.complete(view.id)
    assert caught.value.field == "members"
    assert caught.value.params["names"] == "Mette, Lærke"

    workspace.conversations.set_member_status(view.id, _key(view, "Mette"), "addressed")
    with pytest.raises(ValidationError) as caught:
        workspace.conversations.complete(view.id)
    assert caught.value.params["names"] == "Lærke"
    assert workspace.conversations.view(view.id).status == "in_progress"
    assert workspace.cases.overview(case.id).current_step.code == "afklarende_samtale"
    assert audit_entries(workspace, "conversation.complete") == []


def test_completing_moves_the_case_past_its_conversation_step(started):
    workspace, case, view = started
    workspace.conversations.set_member_status(view.id, _key(view, "Mette"), "addressed")
    workspace.conversations.set_member_status(view.id, _key(view, "Lærke"), "not_present", "I skole")

    done = workspace.conversations.complete(view.id)

    assert (done.status, done.completed_on) == ("completed", TODAY)
    overview = workspace.cases.overview(case.id)
    steps = {s.code: s for s in overview.steps}
    assert (steps["afklarende_samtale"].status, steps["afklarende_samtale"].completed_on) == ("done", TODAY)
    assert overview.current_step.code != "afklarende_samtale"
    assert overview.current_step.status == "active"
    assert _list_item(workspace, case.id).current_step_da == overview.current_step.label_da
    [listed] = workspace.conversations.list_for_case(case.id)
    assert listed.status == "completed"
    assert len(audit_entries(workspace, "conversation.complete", view.id)) == 1
    # A new start after a finished conversation is a new conversation.
    assert workspace.conversations.start(case.id).id != view.id


def test_completing_again_after_reopening_does_not_move_the_case_twice(workspace):
    case, view = _started(workspace, template="greve")  # the conversation, then a home visit
    for member in view.members:
        workspace.conversations.set_member_status(view.id, f"{MEMBER}:{member.id}", "addressed")
    workspace.conversations.complete(view.id)
    assert workspace.cases.overview(case.id).current_step.kind == "home_visit"

    reopened = workspace.conversations.reopen(view.id)
    assert (reopened.status, reopened.completed_on) == ("in_progress", None)
    workspace.conversations.complete(view.id)

    assert workspace.cases.overview(case.id).current_step.kind == "home_visit"  # the visit is still to come


# ---- 8. the family's summary


@pytest.fixture
def summarised(workspace):
    """A conversation with everything the summary shows; Jonas (the father) was not present."""
    case, view = _started(workspace, extra=(_member("far", "Jonas", date(1986, 1, 1)),))
    c, plans = workspace.conversations, workspace.plans
    c.set_member_status(view.id, _key(view, "Mette"), "addressed")
    c.set_member_status(view.id, _key(view, "Lærke"), "addressed")
    c.set_member_status(view.id, _key(view, "Jonas"), "not_present", "På arbejde")
    c.save_what_matters(view.id, "  At Lærke får en hverdag, der hænger sammen.  ")
    c.add_item(view.id, "resource", "Mormor Åse henter om tirsdagen")
    c.add_item(view.id, "need", "Mere ro om morgenen", "", (), ("self_management",))
    plans.add_step(view.id, "Vi laver en morgenplan", "family", "Mette", date(2026, 12, 15))
    plans.add_step(view.id, "Spørge sygehuset om natten", "professional")
    done = plans.add_step(view.id, "Allerede klaret", "family").agreed_steps[-1]
    plans.update_step(view.id, done.id, done.what, "family", "", None, TODAY)
    plans.schedule_follow_up(view.id, "network_meeting", date(2027, 1, 12))
    plans.schedule_follow_up(view.id, "home_visit", date(2026, 12, 8), "kl. 9.30")
    return workspace, case, view


def test_family_summary_in_the_familys_words(summarised):
    workspace, _, view = summarised

    summary = workspace.summaries.family_summary(view.id)

    assert summary.family_name == "Familien Skovbjerg"
    assert summary.conversation_date == "22. november 2026"
    assert summary.present == ("Mette", "Lærke")
    assert summary.what_matters_most == "At Lærke får en hverdag, der hænger sammen."
    assert (summary.resources, summary.needs) == (("Mormor Åse henter om tirsdagen",), ("Mere ro om morgenen",))
    assert summary.agreed_steps == (
        AgreedStepLine("Vi laver en morgenplan", "Familien (Mette)", "inden 15. december 2026"),
        AgreedStepLine("Spørge sygehuset om natten", "Sundhedsplejersken", ""),
    )  # a step already done is not on the family's list
    assert summary.next_contact == "Hjemmebesøg tirsdag 8. december 2026 – kl. 9.30"
    first = summary.who_to_contact[0]
    assert (first.name, first.role, first.organisation, first.phone, first.email) == (
        "Hanne Testesen", "sundhedsplejerske", "Sundhedsplejen, Testkommune", "12345678", "hanne@example.invalid")
    assert summary.family_agrees is None

    english = workspace.summaries.family_summary(view.id, "en")
    assert english.next_contact == "Home visit Tuesday 8 December 2026 – kl. 9.30"
    assert english.agreed_steps[0] == AgreedStepLine("Vi laver en morgenplan", "The family (Mette)",
                                                     "by 15 December 2026")
    assert english.who_to_contact[0].role == "health visitor"


def test_the_tovholder_is_a_second_contact_when_it_is_someone_else(summarised):
    workspace, case, view = summarised
    workspace.course.assign_tovholder(case.id, dto.TovholderInput(
        RECENT, "Familiens primære behov er socialfagligt", True, person_name="Rikke Holm",
        person_role="sagsbehandler", organisation="Børn og Unge", contact="rikke@example.invalid"))

    contacts = workspace.summaries.family_summary(view.id).who_to_contact

    assert [(c.name, c.role) for c in contacts] == [("Hanne Testesen", "sundhedsplejerske"),
                                                    ("Rikke Holm", "sagsbehandler")]


@pytest.mark.parametrize("agrees", [True, False, None])
def test_set_agreement(summarised, agrees):
    workspace, _, view = summarised
    workspace.summaries.set_agreement(view.id, not agrees if agrees is not None else True, "før")

    after = workspace.summaries.set_agreement(view.id, agrees, "  Far vil læse den selv  ")

    assert (after.family_agrees, after.agreement_note) == (agrees, "Far vil læse den selv")
    assert workspace.summaries.family_summary(view.id).family_agrees is agrees
    assert [e.detail["agrees"] for e in audit_entries(workspace, "conversation.agreement", view.id)][-1] is agrees


def test_export_pdf_has_the_familys_summary_and_is_audited(summarised):
    workspace, case, view = summarised
    workspace.summaries.set_agreement(view.id, True)

    pdf = workspace.summaries.export_pdf(view.id)

    assert pdf.startswith(b"%PDF")
    text = text_in_pdf(pdf)
    for expected in ("Familien Skovbjerg", "Mere ro om morgenen", "Mormor Åse henter om tirsdagen",
                     "Vi laver en morgenplan", AGREES_DA, "Hanne Testesen"):
        assert expected in text, expected
    assert "Jonas" not in text
    [entry] = audit_entries(workspace, "conversation.export", view.id)
    assert (entry.case_id, entry.detail["format"], entry.detail["language"], entry.detail["bytes"]) == (
        case.id, "pdf", "da", len(pdf))


def test_no_export_after_the_consent_is_withdrawn(summarised):
    workspace, case, view = summarised
    grant = workspace.cases.overview(case.id).consents[0].grants[0]
    workspace.course.withdraw_consent(case.id, grant.id, TODAY, "Ønsker pause")

    with pytest.raises(ExportNotAllowedError):
        workspace.summaries.export_pdf(view.id)

    assert audit_entries(workspace, "conversation.export") == []
    assert workspace.summaries.family_summary(view.id).present == ("Mette", "Lærke")  # still readable


# ---- 9. guide versions


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
