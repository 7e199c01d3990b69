"""The network map as structured data (JSON), to move a map to another system or laptop and back
(FR-13: "exports to PDF/PNG and to structured JSON"; a map round-trips unchanged).

The file, UTF-8 JSON (``docs/network-map-json.md`` describes it for other systems)::

    {"format": "tovholder-network-map", "format_version": 1, "exported_on": "2026-11-22",
     "family": "Familien Nørgaard", "initials_only": false,
     "people": [{"ref": "1", "name": "Mormor Inge", "relation": "mormor", "sector": "family",
                 "horizon": 1, "angle": 40.0, "distance": 20.0, "quality": "supportive", ...}],
     "ties": [{"a": "1", "b": "2", "quality": ""}]}

People are numbered in the file (``ref``), not by their ids in the database. ``angle`` and
``distance`` place a person exactly; a file made by hand may give only ``sector`` and ``horizon``,
and the person is put in the middle of that cell. The sharing version (``initials_only``) has
initials and roles instead of names and no contact details or notes, as the sharing PDF.

Reading a file checks everything before anything is saved: a file that is not a map, a map from a
newer version, a person the form would refuse, a tie to nobody or to oneself, or the same tie twice
is refused with a message that says which person or tie, and the map is left as it was.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.core.errors import QT_TRANSLATE_NOOP, KnownError, ValidationError
from app.services.context import ServiceContext
from app.services.network import dto as n
from app.services.network.measures import measures
from app.services.network.service import NetworkService

FORMAT = "tovholder-network-map"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 4_000_000
MAX_PEOPLE = 1000

TEXT_FIELDS = ("name", "relation", "role", "organisation", "phone", "email", "address", "note")
FLAG_FIELDS = ("wants_involved", "invite", "consent_to_share")
PRIVATE_FIELDS = ("phone", "email", "address", "note")  # left out of the sharing version


class MapFileError(KnownError):
    """A map file that cannot be read in; says what is wrong and where."""

    default_message = QT_TRANSLATE_NOOP("Errors", "The file is not a network map from Tovholder.")


class MapFileProblem(KnownError):
    """The part of a ``MapFileError`` that says what is wrong with one person or tie."""


@dataclass(frozen=True)
class ImportedMap:
    """A map read from a file, checked: the people as the form would give them, ties by position."""

    people: tuple[n.PersonInput, ...]
    ties: tuple[tuple[int, int, str], ...]


def map_to_json(data: n.MapData, family: str, exported_on: date, initials_only: bool) -> bytes:
    """The map as the bytes of a JSON file (sorted like the list: sector, closeness, name)."""
    people = sorted(data.people, key=lambda p: (n.SECTORS.index(p.sector), p.horizon, p.name.casefold(), p.id))
    refs = {p.id: str(i) for i, p in enumerate(people, start=1)}
    rows = []
    for person in people:
        row: dict[str, Any] = {"ref": refs[person.id]}
        for key in TEXT_FIELDS:
            row[key] = getattr(person, key)
        if initials_only:
            row["name"] = n.sharing_label(person.name, person.role)
            for key in PRIVATE_FIELDS:
                row[key] = ""
        row.update(sector=person.sector, horizon=person.horizon, angle=round(person.angle, 6),
                   distance=round(person.distance, 6), support=list(person.support), quality=person.quality)
        for key in FLAG_FIELDS:
            row[key] = getattr(person, key)
        rows.append(row)
    pairs = sorted((min(int(refs[t.a_id]), int(refs[t.b_id])), max(int(refs[t.a_id]), int(refs[t.b_id])), t.quality)
                   for t in data.ties if t.a_id in refs and t.b_id in refs)
    ties = [{"a": str(a), "b": str(b), "quality": quality} for a, b, quality in pairs]
    document = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "exported_on": exported_on.isoformat(),
        "family": family, "initials_only": initials_only, "people": rows, "ties": ties,
        "measures": _measures_json(data, refs),
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _measures_json(data: n.MapData, refs: dict[str, str]) -> dict[str, Any]:
    """The map's measures for another system (worked out from the people and ties above; a file read
    in is measured again, so this part is never read back). People are their ``ref``; ``null`` is "no
    data" (a density with fewer than two people, an average with nobody)."""
    result = measures(data)

    def ids(people: tuple[str, ...]) -> list[str]:
        return [refs[i] for i in people if i in refs]

    return {
        "people": result.people, "private": result.private, "professional": result.professional,
        "professional_share": result.professional_share,
        "per_sector": result.per_sector, "per_horizon": {str(h): c for h, c in result.per_horizon.items()},
        "private_ties": result.private_ties, "private_pairs": result.private_pairs,
        "private_density": result.private_density,
        "bridges": ids(result.bridges), "isolated": ids(result.isolated),
        "degree": {refs[i]: d for i, d in result.degree.items() if i in refs},
        "categories": [{"key": c.key, "people": c.people, "ties": c.ties, "pairs": c.pairs, "density": c.density,
                        "degree_mean": c.degree_mean, "degree_max": c.degree_max, "stars": ids(c.stars)}
                       for c in result.categories],
    }


def parse_map_file(content: bytes) -> ImportedMap:
    """A map file read and checked in full (positions, choices, ties); people are checked by the
    service as any person she types. Raises ``MapFileError`` saying what is wrong."""
    if len(content) > MAX_FILE_BYTES:
        raise MapFileError(QT_TRANSLATE_NOOP("Errors", "The file is too large to be a network map."))
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, RecursionError) as exc:  # not text, or nested beyond reason
        raise MapFileError() from exc
    except json.JSONDecodeError as exc:
        raise MapFileError(QT_TRANSLATE_NOOP(
            "Errors", "The file cannot be read as a network map: it breaks off or has an error in line {line}, "
                      "column {column}."), line=exc.lineno, column=exc.colno) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise MapFileError()
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise MapFileError()
    if version > FORMAT_VERSION:
        raise MapFileError(QT_TRANSLATE_NOOP(
            "Errors", "The map was saved by a newer version of Tovholder. Install the newest version to read it."))
    people_in, ties_in = document.get("people", []), document.get("ties", [])
    if not isinstance(people_in, list) or not isinstance(ties_in, list):
        raise MapFileError()
    if len(people_in) > MAX_PEOPLE:
        raise MapFileError(QT_TRANSLATE_NOOP("Errors", "The file is too large to be a network map."))
    people: list[n.PersonInput] = []
    refs: dict[str, int] = {}
    for number, row in enumerate(people_in, start=1):
        person = _person(row, number)
        ref = row.get("ref", str(number))
        if not isinstance(ref, str | int) or isinstance(ref, bool) or str(ref) in refs:
            raise _bad_person(number, QT_TRANSLATE_NOOP("Errors", "its number (ref) is missing or used twice."))
        refs[str(ref)] = len(people)
        people.append(person)
    ties: list[tuple[int, int, str]] = []
    pairs: set[tuple[int, int]] = set()
    for number, row in enumerate(ties_in, start=1):
        if not isinstance(row, dict):
            raise _bad_tie(number, QT_TRANSLATE_NOOP("Errors", "it is not a tie."))
        a, b = refs.get(str(row.get("a"))), refs.get(str(row.get("b")))
        if a is None or b is None:
            raise _bad_tie(number, QT_TRANSLATE_NOOP("Errors", "it names a person who is not in the file."))
        if a == b:
            raise _bad_tie(number, QT_TRANSLATE_NOOP("Errors", "a person cannot be tied to themselves."))
        pair = (min(a, b), max(a, b))
        if pair in pairs:
            raise _bad_tie(number, QT_TRANSLATE_NOOP("Errors", "the same two people are tied twice."))
        quality = row.get("quality", "")
        if quality not in n.TIE_QUALITIES:
            raise _bad_tie(number, QT_TRANSLATE_NOOP("Errors", "the kind of tie is unknown."))
        pairs.add(pair)
        ties.append((pair[0], pair[1], quality))
    return ImportedMap(tuple(people), tuple(ties))


def _bad_person(number: int, problem: str) -> MapFileError:
    return MapFileError(QT_TRANSLATE_NOOP("Errors", "Person {number} in the file cannot be read in: {problem}"),
                        number=number, problem=MapFileProblem(problem))


def _bad_tie(number: int, problem: str) -> MapFileError:
    return MapFileError(QT_TRANSLATE_NOOP("Errors", "Tie {number} in the file cannot be read in: {problem}"),
                        number=number, problem=MapFileProblem(problem))


def _person(row: object, number: int) -> n.PersonInput:
    if not isinstance(row, dict):
        raise _bad_person(number, QT_TRANSLATE_NOOP("Errors", "it is not a person."))
    fields: dict[str, Any] = {}
    for key in TEXT_FIELDS:
        value = row.get(key, "")
        if not isinstance(value, str):
            raise _bad_person(number, QT_TRANSLATE_NOOP("Errors", "a text field holds something else than text."))
        fields[key] = value
    for key in FLAG_FIELDS:
        value = row.get(key, False)
        if not isinstance(value, bool):
            raise _bad_person(number, QT_TRANSLATE_NOOP("Errors", "a yes/no field holds something else."))
        fields[key] = value
    support = row.get("support", [])
    if not isinstance(support, list) or any(s not in n.SUPPORT_TYPES for s in support):
        raise _bad_person(number, QT_TRANSLATE_NOOP("Errors", "the kind of support is unknown."))
    quality = row.get("quality", "supportive")
    if quality not in n.QUALITIES:
        raise _bad_person(number, QT_TRANSLATE_NOOP("Errors", "the relationship is unknown."))
    angle, distance = _place(row, number)
    return n.PersonInput(angle=angle, distance=distance, support=tuple(dict.fromkeys(support)),
                         quality=quality, **fields)


def _place(row: dict, number: int) -> tuple[float, float]:
    angle, distance = row.get("angle"), row.get("distance")
    if angle is None and distance is None:
        sector, horizon = row.get("sector"), row.get("horizon")
        if sector not in n.SECTORS or horizon not in n.HORIZONS or isinstance(horizon, bool):
            raise _bad_person(number, QT_TRANSLATE_NOOP("Errors", "it has no place on the map."))
        return n.centre_of(sector, horizon)
    numbers = (angle, distance)
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in numbers):
        raise _bad_person(number, QT_TRANSLATE_NOOP("Errors", "its place on the map is not a number."))
    return float(angle), float(distance)  # type: ignore[arg-type]


class NetworkFileService:
    """Writes a family's map to a JSON file and reads one into an empty map, through the network
    service's checks; consent-gated and audited like the other exports."""

    def __init__(self, ctx: ServiceContext, network: NetworkService) -> None:
        self.ctx = ctx
        self.network = network

    def export_json(self, case_id: str, target: Path, initials_only: bool, replace: bool = False) -> Path:
        """The map as structured data, written where she chose (if consent allows; audited, and on the
        disk only once the audit entry is committed; never over another file unless ``replace``)."""
        return self.network.export(case_id, target, "json", initials_only, lambda case, data: map_to_json(
            data, case.family_name, self.ctx.today(), initials_only), replace)

    def import_map(self, case_id: str, source: Path) -> n.MapData:
        """Read a map file into this family's map, which must be empty: all people and ties, or
        nothing (one transaction). Returns the map as it now is."""
        try:
            with source.open("rb") as handle:
                content = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise MapFileError(QT_TRANSLATE_NOOP("Errors", "The file could not be read.")) from exc
        imported = parse_map_file(content)
        people = []
        for number, person in enumerate(imported.people, start=1):
            try:
                people.append(self.network.check_person(person))
            except ValidationError as exc:
                raise MapFileError(QT_TRANSLATE_NOOP(
                    "Errors", "Person {number} in the file cannot be read in: {problem}"),
                    number=number, problem=exc) from exc
        return self.network.add_checked_map(case_id, tuple(people), imported.ties)
