"""Offers, only after a need and a resource: suggested by fit with warnings, referred, paused or ended."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.core.errors import ValidationError
from app.core.resources import content_dir
from app.services.cases import dto
from app.services.conversation.dto import OffersView
from app.services.workspace import Workspace
from tests.conftest import TODAY
from tests.helpers.conversation import (
    RECENT,
    _ids,
    _member,
)
from tests.helpers.db import audit_entries
from tests.helpers.families import family, participation, referral


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
