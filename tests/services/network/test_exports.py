"""Exports of the network map (PDF and PNG): only with the family's consent, written where she chose,
audited, with the sharing version showing initials and roles only; the PDF's texts are the report's own.
"""

from __future__ import annotations

import stat
from datetime import date

import pytest

from app.services.network import dto as n
from app.services.network.service import NetworkExportNotAllowedError
from app.services.workspace import Workspace
from tests.helpers.db import audit_entries
from tests.helpers.families import family, participation
from tests.helpers.network import (
    FAM,
    FAR,
    FRI,
    MID,
    NEAR,
    PRO,
    SCH,
    _case,
    _counts,
    _text_in_pdf,
    person,
)


def _small_map(net, case_id: str) -> tuple[n.MapPersonView, ...]:  # type: ignore[no-untyped-def]
    people = (
        net.add_person(case_id, person("Birthe Winther Holm", FAM, NEAR, role="Mormor", phone="21 43 65 87",
                                       email="birthe.holm@example.dk", invite=True)),
        net.add_person(case_id, person("Karsten Bech", FRI, MID, role="Nabo", phone="87654321")),
        net.add_person(case_id, person("Lone Dahl", SCH, FAR, role="Klasselærer", email="lone.dahl@example.dk",
                                       quality="ambivalent")),
        net.add_person(case_id, person("Mads Ravn", PRO, MID, role="Egen læge", phone="+45 97 12 34 56",
                                       quality="strained")),
    )
    net.add_tie(case_id, people[0].id, people[1].id)
    net.add_tie(case_id, people[1].id, people[2].id, "conflict")
    return people


def _withdrawn(workspace: Workspace) -> str:
    case_id = workspace.cases.create_case(family("Nørgaard", referred_on=date(2026, 11, 1))).id
    overview = workspace.course.record_consent(case_id, participation(date(2026, 11, 2)))
    grant = next(g for g in overview.consents[0].grants if g.scope == "participation")
    workspace.course.withdraw_consent(case_id, grant.id, date(2026, 11, 20), "Ønsker pause")
    return case_id


@pytest.mark.parametrize("consent", ["never given", "withdrawn"])
@pytest.mark.parametrize("fmt", ["pdf", "png"])
def test_no_export_without_the_familys_consent(workspace, net, tmp_path, consent, fmt):
    case_id = _case(workspace, "Nørgaard", consent=False) if consent == "never given" else _withdrawn(workspace)
    _small_map(net, case_id)
    exports = tmp_path / "exports"
    target = exports / f"netværkskort.{fmt}"
    counts = _counts(workspace)

    with pytest.raises(NetworkExportNotAllowedError):
        if fmt == "pdf":
            net.export_pdf(case_id, target, False, "da")
        else:
            net.write_export(case_id, target, b"\x89PNG\r\n\x1a\n not really", "png", True)

    assert not exports.exists()  # no file, not even a temporary one
    assert audit_entries(workspace, "network.export") == []
    assert _counts(workspace) == counts


def test_the_pdf_export_has_the_peoples_names_and_contact_details(workspace, net, case_id, tmp_path):
    people = _small_map(net, case_id)
    target = tmp_path / "Familien Skovbjerg – netværkskort.pdf"

    assert net.export_pdf(case_id, target, False, "da") == target

    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # hers only
    text = _text_in_pdf(target)
    for p in people:
        assert p.name in text
    for detail in ("21 43 65 87", "87654321", "lone.dahl@example.dk", "Familie og slægt", "Kortet nu"):
        assert detail in text
    [entry] = audit_entries(workspace, "network.export")
    assert (entry.case_id, entry.entity, entry.record_id) == (case_id, "cases", case_id)
    assert (entry.detail["format"], entry.detail["initials_only"]) == ("pdf", False)
    assert entry.detail["bytes"] == target.stat().st_size


def test_the_sharing_pdf_has_initials_and_roles_and_no_names_or_contact_details(workspace, net, case_id, tmp_path):
    people = _small_map(net, case_id)
    target = tmp_path / "deling.pdf"

    net.export_pdf(case_id, target, True, "da")

    text = _text_in_pdf(target)
    for label in ("BWH · Mormor", "KB · Nabo", "LD · Klasselærer", "MR · Egen læge"):
        assert label in text
    for p in people:
        assert p.name not in text
        for word in p.name.split():
            assert word not in text, word
        if p.phone:
            assert p.phone not in text and p.phone.replace(" ", "") not in text.replace(" ", "")
        if p.email:
            assert p.email not in text
    [entry] = audit_entries(workspace, "network.export")
    assert (entry.detail["format"], entry.detail["initials_only"]) == ("pdf", True)


def test_a_png_export_is_written_as_given_and_audited(workspace, net, case_id, tmp_path):
    content = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    target = tmp_path / "exports" / "kort.png"
    target.parent.mkdir()
    target.write_bytes(b"an older export")

    written = net.write_export(case_id, target, content, "png", True)

    # The older export is kept; the new one gets a free name beside it (tests/services/test_exports.py).
    assert (target.read_bytes(), written.read_bytes()) == (b"an older export", content)
    assert sorted(p.name for p in target.parent.iterdir()) == ["kort (2).png", "kort.png"]  # no temporary file
    [entry] = audit_entries(workspace, "network.export")
    assert entry.detail == {"format": "png", "initials_only": True, "bytes": len(content)}


def test_an_empty_map_can_be_exported(net, case_id, tmp_path):
    target = net.export_pdf(case_id, tmp_path / "tomt.pdf", False, "da")

    assert "Lærke og familien" in _text_in_pdf(target)


def test_the_pdf_is_in_the_language_asked_for_with_the_reports_own_texts(net, case_id, tmp_path):
    _small_map(net, case_id)

    english = _text_in_pdf(net.export_pdf(case_id, tmp_path / "map.pdf", False, "en"))
    danish = _text_in_pdf(net.export_pdf(case_id, tmp_path / "kort.pdf", False, "da"))

    for text in ("Network map – Familien Skovbjerg", "The map now", "Family and relatives", "How to read the map",
                 "Lærke and the family", "Page 1 of 2"):
        assert text in english, text
    for text in ("Netværkskort – Familien Skovbjerg", "Kortet nu", "Familie og slægt", "Sådan læses kortet",
                 "Side 1 af 2"):
        assert text in danish, text
        assert text not in english, text


def test_the_pdf_has_the_maps_measures_each_part_on_its_own(net, case_id, tmp_path):
    _small_map(net, case_id)  # Birthe–Karsten and Karsten–Lone are tied; Mads knows no one
    target = tmp_path / "kort.pdf"

    net.export_pdf(case_id, target, False, "da")

    text = " ".join(_text_in_pdf(target).split())
    assert "Mål: hver del af kortet for sig" in text
    # Everyone: 4 people, 2 ties of 6 possible (0,33), degrees 1, 2, 1, 0 → average 1,0, at most 2 (Karsten).
    assert "Alle 4 2 0,33 1,0 2 Karsten Bech" in text
    # The family alone: Birthe only, so no pair is possible: no data, never 0,00.
    assert "Familie og slægt 1 0 ingen data 0,0 0" in text
