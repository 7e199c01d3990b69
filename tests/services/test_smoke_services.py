"""A first end-to-end pass through the services: create, gate, consent, tovholder, level, search."""

from datetime import date

import pytest

from app.core.errors import ConsentRequiredError
from app.services.cases import dto


def new_family(template: str = "herning") -> dto.NewCase:
    return dto.NewCase(
        family_name="Familien Skovbjerg",
        template_id=template,
        referral=dto.ReferralInput("hospital", date(2026, 11, 1), organisation="Børneafdelingen",
                                   reason="Nydiagnosticeret type 1-diabetes", channel="secure_mail"),
        members=(
            dto.MemberInput("mor", "Mette", "Skovbjerg", birth_date=date(1988, 3, 2), has_custody=True),
            dto.MemberInput("barn", "Lærke", "Skovbjerg", birth_date=date(2016, 5, 5),
                            diagnoses=(dto.DiagnosisInput("Type 1-diabetes", "DE10"),)),
            dto.MemberInput("storebror", "Aksel", "Skovbjerg", birth_date=date(2013, 1, 9)),
        ),
        address="Bøgevej 3", postal_code="7400", city="Herning",
    )


def test_case_moves_through_the_consent_gate(workspace):
    overview = workspace.cases.create_case(new_family())
    assert overview.current_step.code == "samtykke"
    assert "no_consent" in overview.attention

    with pytest.raises(ConsentRequiredError):
        workspace.course.complete_step(overview.id)

    overview = workspace.course.record_consent(overview.id, dto.ConsentInput(
        "Mette Skovbjerg", date(2026, 11, 2), "signed", (dto.ScopeInput("participation"),)))
    assert overview.current_step.code == "afklarende_samtale"
    assert overview.allowed_scopes == ("participation",)

    found = workspace.cases.search(dto.CaseFilter(query="lærke skov"))
    assert [item.id for item in found.items] == [overview.id]
    assert workspace.cases.search(dto.CaseFilter(query="ingen-sådan-familie")).total == 0
