"""The network map as structured data (``Workspace.network_files``): a JSON file out, and read back
into an empty map (FR-13: "a map with 10 nodes round-trips through JSON unchanged").

Reading a file is all or nothing: every bad file is refused with a message that says what is wrong
(and which person or tie), and the map is left as it was. Synthetic people only.
"""

from __future__ import annotations

import json
import stat
from datetime import date

import pytest

from app.core.errors import ValidationError
from app.services.network import dto as n
from app.services.network.exchange import FORMAT, MapFileError, map_to_json
from app.services.network.measures import measures
from app.services.network.service import NetworkExportNotAllowedError
from app.services.workspace import Workspace
from tests.helpers.db import audit_entries, log_entries
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
    person,
)

TEN = (
    person("Mormor Inge", FAM, NEAR, relation="mormor", phone="12 34 56 78", support=("practical", "respite"),
           wants_involved=True, invite=True, consent_to_share=True, note="Henter tirsdag og torsdag"),
    person("Morfar Bent", FAM + 10, NEAR + 5, relation="morfar", quality="ambivalent"),
    person("Faster Lise", FAM - 20, MID, relation="faster", quality="strained", email="lise@example.invalid"),
    person("Naboen Jens", FRI, MID, relation="nabo", support=("practical",)),
    person("Camilla fra opgangen", FRI + 20, FAR, relation="veninde", quality="conflict"),
    person("Klasselærer Bo", SCH, MID, role="klasselærer", organisation="Lindeskolen", invite=True,
           address="Skolevej 1, 7400 Herning"),
    person("Fodboldtræner Nikolaj", SCH - 20, FAR, role="træner", organisation="Herning IF"),
    person("Egen læge", PRO, MID, role="praktiserende læge", organisation="Lægehuset Torvet",
           phone="+45 97 12 34 56", support=("informational",), invite=True, consent_to_share=True),
    person("Sygeplejerske Amira", PRO + 20, NEAR, role="sygeplejerske", organisation="Børneafdelingen"),
    person("Sagsbehandler Jonas", PRO - 30, FAR, role="sagsbehandler", organisation="Herning Kommune",
           email="jonas@example.invalid"),
)


def _build(ws: Workspace, case_id: str) -> dict[str, n.MapPersonView]:
    people = {p.name: ws.network.add_person(case_id, p) for p in TEN}
    for a, b, quality in (("Mormor Inge", "Morfar Bent", ""), ("Mormor Inge", "Faster Lise", "strained"),
                          ("Naboen Jens", "Camilla fra opgangen", "conflict"), ("Egen læge", "Sygeplejerske Amira", ""),
                          ("Klasselærer Bo", "Fodboldtræner Nikolaj", ""), ("Egen læge", "Sagsbehandler Jonas", ""),
                          ("Mormor Inge", "Naboen Jens", "")):
        ws.network.add_tie(case_id, people[a].id, people[b].id, quality)
    return people


def _without_ids(data: n.MapData) -> tuple[set, set]:
    names = {p.id: p.name for p in data.people}
    people = {tuple((k, round(v, 6) if isinstance(v, float) else v) for k, v in p.__dict__.items() if k != "id")
              for p in data.people}
    ties = {(frozenset((names[t.a_id], names[t.b_id])), t.quality) for t in data.ties}
    return people, ties


@pytest.fixture
def two_cases(workspace):  # type: ignore[no-untyped-def]
    return workspace, _case(workspace, "Skovbjerg"), _case(workspace, "Holm")


def test_a_map_of_ten_round_trips_through_json_unchanged(two_cases, tmp_path):
    ws, first, second = two_cases
    _build(ws, first)
    before = ws.network.map_data(first)

    written = ws.network_files.export_json(first, tmp_path / "kort.json", initials_only=False)
    read = ws.network_files.import_map(second, written)

    assert len(read.people) == 10 and len(read.ties) == 7
    assert _without_ids(read) == _without_ids(before)
    assert ws.network.map_data(second) == read
    assert stat.S_IMODE(written.stat().st_mode) == 0o600  # hers only, like every export
    # Written again from the copy, the file is the same but for the family's name.
    again = ws.network_files.export_json(second, tmp_path / "igen.json", initials_only=False)
    first_file, second_file = json.loads(written.read_text("utf-8")), json.loads(again.read_text("utf-8"))
    assert (first_file.pop("family"), second_file.pop("family")) == ("Familien Skovbjerg", "Familien Holm")
    assert first_file == second_file


def test_the_file_is_plain_readable_json_for_other_systems(two_cases, tmp_path):
    ws, first, _ = two_cases
    _build(ws, first)

    document = json.loads(ws.network_files.export_json(first, tmp_path / "kort.json", False).read_text("utf-8"))

    assert (document["format"], document["format_version"], document["exported_on"]) == (FORMAT, 1, "2026-11-22")
    inge = next(p for p in document["people"] if p["name"] == "Mormor Inge")
    assert (inge["sector"], inge["horizon"], inge["phone"], inge["support"], inge["invite"]) == (
        "family", 1, "12 34 56 78", ["practical", "respite"], True)
    assert [p["ref"] for p in document["people"]] == [str(i) for i in range(1, 11)]
    refs = {p["ref"]: p["name"] for p in document["people"]}
    assert {(refs[t["a"]], refs[t["b"]], t["quality"]) for t in document["ties"]} >= {
        ("Naboen Jens", "Camilla fra opgangen", "conflict")}
    assert "\\u00e6" not in (tmp_path / "kort.json").read_text("utf-8")  # "æ" written as itself


def test_the_sharing_version_has_initials_and_roles_and_no_contact_details(two_cases, tmp_path):
    ws, first, _ = two_cases
    _build(ws, first)

    text = ws.network_files.export_json(first, tmp_path / "deling.json", initials_only=True).read_text("utf-8")

    for private in ("Mormor Inge", "12 34 56 78", "lise@example.invalid", "Henter tirsdag", "Skolevej 1",
                    "+45 97 12 34 56"):
        assert private not in text, private
    document = json.loads(text)
    assert document["initials_only"] is True
    assert {"MI", "EL · praktiserende læge", "KB · klasselærer"} <= {p["name"] for p in document["people"]}


def test_export_needs_consent_and_every_export_and_read_is_audited(two_cases, tmp_path):
    ws, first, second = two_cases
    _build(ws, first)
    written = ws.network_files.export_json(first, tmp_path / "kort.json", False)
    ws.network_files.import_map(second, written)

    [exported] = audit_entries(ws, "network.export")
    assert (exported.case_id, exported.detail["format"], exported.detail["initials_only"]) == (first, "json", False)
    [read] = audit_entries(ws, "network.import")
    assert (read.case_id, read.detail) == (second, {"people": 10, "ties": 7})
    # What was read in goes to the change log like any change (for sync).
    copied = ws.network.map_data(second)
    logged = {(e.entity, e.record_id) for e in log_entries(ws)}
    assert {("map_entries", p.id) for p in copied.people} | {("map_links", t.id) for t in copied.ties} <= logged

    third = _case(ws, "Lund", consent=False)
    ws.network.add_person(third, person())
    with pytest.raises(NetworkExportNotAllowedError):
        ws.network_files.export_json(third, tmp_path / "uden.json", False)
    assert not (tmp_path / "uden.json").exists()


def test_a_map_is_read_only_into_an_empty_map(two_cases, tmp_path):
    ws, first, second = two_cases
    _build(ws, first)
    written = ws.network_files.export_json(first, tmp_path / "kort.json", False)
    ws.network.add_person(second, person("Onkel Carl"))
    before = _counts(ws)

    with pytest.raises(ValidationError) as caught:
        ws.network_files.import_map(second, written)

    assert caught.value.field == "import"
    assert _counts(ws) == before
    assert [p.name for p in ws.network.map_data(second).people] == ["Onkel Carl"]


def test_a_hand_made_file_may_give_only_sector_and_closeness(two_cases, tmp_path):
    ws, _, second = two_cases
    source = tmp_path / "haand.json"
    source.write_text(json.dumps({"format": FORMAT, "format_version": 1, "people": [
        {"name": "Mormor", "sector": "family", "horizon": 1},
        {"name": "PPR", "sector": "professional", "horizon": 3, "role": "psykolog"}],
        "ties": [{"a": "1", "b": "2"}]}), "utf-8")

    read = ws.network_files.import_map(second, source)

    placed = {p.name: (p.sector, p.horizon) for p in read.people}
    assert placed == {"Mormor": ("family", 1), "PPR": ("professional", 3)}
    [tie] = read.ties
    assert tie.quality == ""


def _file(tmp_path, **changes):  # type: ignore[no-untyped-def]
    document = json.loads(map_to_json(n.MapData(
        (n.MapPersonView("a", "Mormor Inge", FAM, NEAR), n.MapPersonView("b", "Naboen Jens", FRI, MID)),
        (n.MapTieView("t", "a", "b"),)), "Familien Test", date(2026, 11, 22), False))
    for key, value in changes.items():
        if key.startswith("person_"):
            document["people"][1][key.removeprefix("person_")] = value
        elif key.startswith("tie_"):
            document["ties"][0][key.removeprefix("tie_")] = value
        else:
            document[key] = value
    path = tmp_path / "kort.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize(("changes", "english"), [
    ({"format": "something-else"}, "The file is not a network map from Tovholder."),
    ({"format_version": 2}, "The map was saved by a newer version of Tovholder. Install the newest version to read it."),
    ({"person_phone": "12"}, "Person 2 in the file cannot be read in: "
                             "A phone number has 8 digits, optionally with +45 in front."),
    ({"person_name": "   "}, "Person 2 in the file cannot be read in: This field must be filled in."),
    ({"person_email": "jens@"}, "Person 2 in the file cannot be read in: This does not look like an e-mail address (name@example.dk)."),
    ({"person_angle": "øst"}, "Person 2 in the file cannot be read in: its place on the map is not a number."),
    ({"person_quality": "lovely"}, "Person 2 in the file cannot be read in: the relationship is unknown."),
    ({"person_name": 7}, "Person 2 in the file cannot be read in: a text field holds something else than text."),
    ({"person_ref": "1"}, "Person 2 in the file cannot be read in: its number (ref) is missing or used twice."),
    ({"tie_b": "1"}, "Tie 1 in the file cannot be read in: a person cannot be tied to themselves."),
    ({"tie_b": "9"}, "Tie 1 in the file cannot be read in: it names a person who is not in the file."),
    ({"tie_quality": "hostile"}, "Tie 1 in the file cannot be read in: the kind of tie is unknown."),
], ids=lambda v: "-".join(v) if isinstance(v, dict) else None)
def test_a_bad_file_is_refused_saying_what_is_wrong_and_nothing_is_saved(two_cases, tmp_path, changes, english):
    ws, _, second = two_cases
    source = _file(tmp_path, **changes)
    before = _counts(ws)

    with pytest.raises((MapFileError, ValidationError)) as caught:
        ws.network_files.import_map(second, source)

    assert caught.value.english() == english
    assert _counts(ws) == before and ws.network.map_data(second).people == ()


def test_the_same_tie_twice_and_broken_or_foreign_files_are_refused(two_cases, tmp_path):
    ws, _, second = two_cases
    twice = _file(tmp_path)
    document = json.loads(twice.read_text("utf-8"))
    document["ties"].append({"a": "2", "b": "1", "quality": "strained"})
    twice.write_text(json.dumps(document), "utf-8")
    with pytest.raises(MapFileError) as caught:
        ws.network_files.import_map(second, twice)
    assert caught.value.english() == "Tie 2 in the file cannot be read in: the same two people are tied twice."

    broken = tmp_path / "afbrudt.json"
    broken.write_text('{"format": "tovholder-network-map",\n "people": [', "utf-8")
    with pytest.raises(MapFileError) as caught:
        ws.network_files.import_map(second, broken)
    assert caught.value.params["line"] == 2 and "line 2" in caught.value.english()

    for content in (b"\x89PNG\r\n\x1a\n\x00\x00", b"[1, 2, 3]", b'{"people": []}', b"[" * 200_000 + b"]" * 200_000):
        foreign = tmp_path / "fremmed.json"
        foreign.write_bytes(content)
        with pytest.raises(MapFileError) as caught:
            ws.network_files.import_map(second, foreign)
        assert caught.value.english() == "The file is not a network map from Tovholder."

    with pytest.raises(MapFileError) as caught:
        ws.network_files.import_map(second, tmp_path / "findes-ikke.json")
    assert caught.value.english() == "The file could not be read."
    assert ws.network.map_data(second).people == ()


def test_the_file_carries_the_maps_measures_for_other_systems(two_cases, tmp_path):
    ws, first, second = two_cases
    _build(ws, first)
    data = ws.network.map_data(first)

    document = json.loads(ws.network_files.export_json(first, tmp_path / "kort.json", False).read_text("utf-8"))

    shown = document["measures"]
    expected = measures(data)
    refs = {p["ref"]: p["name"] for p in document["people"]}
    names = {p.id: p.name for p in data.people}
    assert (shown["people"], shown["private_ties"], shown["private_density"]) == (
        expected.people, expected.private_ties, expected.private_density)
    assert {refs[r]: d for r, d in shown["degree"].items()} == {names[i]: d for i, d in expected.degree.items()}
    everyone = next(c for c in shown["categories"] if c["key"] == "all")
    assert (everyone["ties"], everyone["degree_max"]) == (len(data.ties), max(expected.degree.values()))
    assert {refs[r] for r in everyone["stars"]} == {names[i] for i, d in expected.degree.items()
                                                     if d == everyone["degree_max"]}
    assert [c["density"] for c in shown["categories"]] == [c.density for c in expected.categories]  # null: no data
    assert ws.network_files.import_map(second, tmp_path / "kort.json").people  # still read in: measures ignored
