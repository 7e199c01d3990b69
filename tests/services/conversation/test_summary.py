"""The family's summary (``Workspace.summaries``): in the family's words, read back and agreed or not, and
its PDF, only while the family's consent is in force, audited.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.reports.documents import AgreedStepLine
from app.services.cases import dto
from app.services.conversation.summary import ExportNotAllowedError
from tests.conftest import TODAY
from tests.helpers.conversation import (
    AGREES_DA,
    RECENT,
    _key,
    _member,
    _started,
)
from tests.helpers.db import audit_entries
from tests.helpers.pdf import text_in_pdf


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


@pytest.mark.parametrize("change", ["step added", "step edited", "need edited", "what matters edited",
                                    "next contact moved", "someone else present"])
def test_a_changed_summary_is_no_longer_agreed_until_it_is_read_back_again(summarised, change):
    workspace, _, view = summarised
    c, plans = workspace.conversations, workspace.plans
    workspace.summaries.set_agreement(view.id, True)
    assert AGREES_DA in text_in_pdf(workspace.summaries.export_pdf(view.id))

    now = c.view(view.id)
    step = now.agreed_steps[0]
    if change == "step added":
        plans.add_step(view.id, "Ringe til tandlægen", "family")
    elif change == "step edited":
        plans.update_step(view.id, step.id, "Vi laver en aftenplan", step.who_kind, step.who_name, step.due_on, None)
    elif change == "need edited":
        need = now.needs[0]
        c.update_item(view.id, need.id, "Mere ro om aftenen", need.member_ids, need.problem_areas)
    elif change == "what matters edited":
        c.save_what_matters(view.id, "At hele familien sover")
    elif change == "next contact moved":
        plans.schedule_follow_up(view.id, "home_visit", date(2026, 12, 1))
    else:
        c.set_member_status(view.id, _key(view, "Jonas"), "addressed")

    assert c.view(view.id).family_agrees is None  # the answer was to another text
    assert c.view(view.id).answer_stale
    assert workspace.summaries.family_summary(view.id).family_agrees is None
    assert AGREES_DA not in text_in_pdf(workspace.summaries.export_pdf(view.id))
    again = workspace.summaries.set_agreement(view.id, True)  # read back again
    assert again.family_agrees is True and not again.answer_stale


def test_a_step_marked_done_or_a_note_elsewhere_does_not_undo_the_agreement(summarised):
    workspace, _, view = summarised
    workspace.summaries.set_agreement(view.id, True)
    workspace.conversations.save_notes(view.id, _key(view, "Mette"), "Noter kun til mig")
    assert workspace.conversations.view(view.id).family_agrees is True
