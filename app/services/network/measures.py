"""The network map's simple measures, and what changed between two versions of a map.

Every measure is a count or a plain ratio that a health visitor can explain to the family in one
sentence; ``EXPLANATIONS`` holds that sentence (English source text, translated by the UI in the
"Measures" context). A ratio with nothing to divide by is ``None`` ("no data" on screen), never NaN
and never a 0 that reads like a finding.

Rules (pure Python, no Qt; the geometry comes only from ``sector_of``/``horizon_of``):

- Everyone on the map counts, wherever they are placed; beyond the outer horizon counts as horizon 3.
- Ties are undirected: a pair counts once however it is stored ((a, b) equals (b, a), a duplicate is
  one tie). A tie of a person with themselves, or to an id that is not on the map, is no tie.
- Lists of people are ids sorted by name (Danish alphabet: ... z, æ, ø, å; case ignored), then id.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.core.errors import QT_TRANSLATE_NOOP
from app.services.network.dto import (
    HORIZONS,
    PRIVATE_SECTORS,
    QUALITIES,
    SECTOR_PROFESSIONAL,
    SECTORS,
    CategoryMeasures,
    MapChange,
    MapData,
    MapMeasures,
    MapPersonView,
    horizon_of,
    sector_of,
)

__all__ = [
    "CHANGE_EXPLANATIONS",
    "EXPLANATIONS",
    "change_summary",
    "compare",
    "measures",
    "name_key",
    "tie_pairs",
]

# One line per measure (keys are the field names of ``MapMeasures``), so no number is shown without
# its meaning. The UI translates them with ``translate("Measures", text)``.
EXPLANATIONS: dict[str, str] = {
    "per_cell": QT_TRANSLATE_NOOP(
        "Measures", "How many people are in each part of the map and each ring."),
    "per_sector": QT_TRANSLATE_NOOP(
        "Measures", "How many people are in each part of the map: family; friends and neighbours; "
        "school, daycare, work and leisure; professionals."),
    "per_horizon": QT_TRANSLATE_NOOP(
        "Measures", "How many people are in each ring: 1 is closest to the family, 3 is farthest. "
        "People placed outside the outer ring count in ring 3."),
    "people": QT_TRANSLATE_NOOP("Measures", "How many people are on the map."),
    "private": QT_TRANSLATE_NOOP(
        "Measures", "How many of the family's own people are on the map: family, friends and "
        "neighbours, school, daycare, work and leisure."),
    "professional": QT_TRANSLATE_NOOP(
        "Measures", "How many professionals are on the map: health, municipality, volunteers, "
        "patient associations."),
    "professional_share": QT_TRANSLATE_NOOP(
        "Measures", "How much of the map is professionals (0 = none, 1 = everyone on the map)."),
    "categories": QT_TRANSLATE_NOOP(
        "Measures", "Each part counted on its own: the people in it, the ties between them, how many of "
        "the possible ties exist (density; no data with fewer than two people), and how many others in the "
        "same part each person knows on average and at most (degree). Ties to the family are not counted."),
    "private_ties": QT_TRANSLATE_NOOP(
        "Measures", "How many pairs among the family's own people know each other. Professionals "
        "are not counted."),
    "private_pairs": QT_TRANSLATE_NOOP(
        "Measures", "How many pairs the family's own people could make, if everyone knew everyone."),
    "private_density": QT_TRANSLATE_NOOP(
        "Measures", "How many of the possible ties among the family's own people exist "
        "(0 = none know each other, 1 = everyone knows everyone)."),
    "bridges": QT_TRANSLATE_NOOP(
        "Measures", "People who know someone in another part of the map, and so can link the "
        "family's circles."),
    "isolated": QT_TRANSLATE_NOOP(
        "Measures", "People who know no one else on the map: they are linked to the family only."),
    "supportive": QT_TRANSLATE_NOOP(
        "Measures", "How many people the family has a supportive relationship with."),
    "ambivalent": QT_TRANSLATE_NOOP(
        "Measures", "How many people the family has a mixed relationship with: both good and hard."),
    "strained": QT_TRANSLATE_NOOP(
        "Measures", "How many people the family has a strained relationship with."),
    "conflict": QT_TRANSLATE_NOOP(
        "Measures", "How many people the family is in conflict with."),
}

# One line per count of ``change_summary`` (the "change since the previous version" line).
CHANGE_EXPLANATIONS: dict[str, str] = {
    "added": QT_TRANSLATE_NOOP("Measures", "People who are new on the map."),
    "removed": QT_TRANSLATE_NOOP("Measures", "People who are no longer on the map."),
    "moved": QT_TRANSLATE_NOOP(
        "Measures", "People now in another part of the map or another ring. A small nudge within "
        "the same part and ring is not counted."),
    "changed": QT_TRANSLATE_NOOP(
        "Measures", "People in the same place whose name, relation, role, organisation, "
        "relationship, support or invitation changed."),
    "ties_added": QT_TRANSLATE_NOOP("Measures", "New ties: two people who now know each other."),
    "ties_removed": QT_TRANSLATE_NOOP("Measures", "Ties that are gone."),
    "ties_changed": QT_TRANSLATE_NOOP(
        "Measures", "Ties that are still there but are now marked differently (strained, conflict)."),
}

# The Danish alphabet ends ... x, y, z, æ, ø, å (ä and ö sort as æ and ø). Code points would give
# å < æ < ø, so these letters are mapped past every other letter, in Danish order.
_DANISH = str.maketrans({"æ": "\U000f0001", "ä": "\U000f0001", "ø": "\U000f0002",
                         "ö": "\U000f0002", "å": "\U000f0003"})


def name_key(person: MapPersonView) -> tuple[str, str, str]:
    """Sort key for lists of people: the name in Danish order ignoring case, then the exact name,
    then the id (so equal names still sort the same way every time)."""
    return person.name.casefold().translate(_DANISH), person.name, person.id


def _sorted_ids(people: Iterable[MapPersonView]) -> tuple[str, ...]:
    return tuple(p.id for p in sorted(people, key=name_key))


def tie_pairs(data: MapData) -> dict[tuple[str, str], str]:
    """The map's ties as unordered pairs (smaller id first) -> the tie's quality.

    A pair stored twice, in either orientation, is one tie (the first one stored wins). Ties of a
    person with themselves, and ties to someone not on the map, are left out."""
    on_map = {p.id for p in data.people}
    pairs: dict[tuple[str, str], str] = {}
    for tie in data.ties:
        a, b = tie.a_id, tie.b_id
        if a == b or a not in on_map or b not in on_map:
            continue
        pairs.setdefault((a, b) if a < b else (b, a), tie.quality)
    return pairs


def measures(data: MapData) -> MapMeasures:
    """The map's simple measures (see ``EXPLANATIONS`` for what each one means)."""
    people = {p.id: p for p in data.people}
    sector = {pid: sector_of(p.angle) for pid, p in people.items()}
    horizon = {pid: horizon_of(p.distance) for pid, p in people.items()}

    per_cell = {(s, h): 0 for s in SECTORS for h in HORIZONS}
    for pid in people:
        per_cell[(sector[pid], horizon[pid])] += 1
    per_sector = {s: sum(per_cell[(s, h)] for h in HORIZONS) for s in SECTORS}
    per_horizon = {h: sum(per_cell[(s, h)] for s in SECTORS) for h in HORIZONS}

    total = len(people)
    professional = per_sector[SECTOR_PROFESSIONAL]
    private = sum(per_sector[s] for s in PRIVATE_SECTORS)

    pairs = tie_pairs(data)
    private_ties = sum(1 for a, b in pairs if sector[a] in PRIVATE_SECTORS and sector[b] in PRIVATE_SECTORS)
    possible = private * (private - 1) // 2

    tied: set[str] = set()
    bridging: set[str] = set()
    for a, b in pairs:
        tied.update((a, b))
        if sector[a] != sector[b]:
            bridging.update((a, b))

    quality = {q: sum(1 for p in people.values() if p.quality == q) for q in QUALITIES}
    degree = dict.fromkeys(people, 0)
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    columns = {"all": set(people), "private": {pid for pid in people if sector[pid] in PRIVATE_SECTORS}}
    columns.update({s: {pid for pid in people if sector[pid] == s} for s in SECTORS})
    return MapMeasures(
        per_cell=per_cell,
        per_sector=per_sector,
        per_horizon=per_horizon,
        people=total,
        private=private,
        professional=professional,
        professional_share=professional / total if total else None,
        private_ties=private_ties,
        private_density=private_ties / possible if possible else None,
        bridges=_sorted_ids(people[pid] for pid in bridging),
        isolated=_sorted_ids(p for pid, p in people.items() if pid not in tied),
        supportive=quality["supportive"],
        ambivalent=quality["ambivalent"],
        strained=quality["strained"],
        conflict=quality["conflict"],
        private_pairs=possible,
        degree=degree,
        categories=tuple(_category(key, members, pairs, people) for key, members in columns.items()),
    )


def _category(key: str, members: set[str], pairs: Iterable[tuple[str, str]],
              people: dict[str, MapPersonView]) -> CategoryMeasures:
    """One column of the measures, counted on its own (only ties with both ends in it)."""
    inside = [(a, b) for a, b in pairs if a in members and b in members]
    degree = dict.fromkeys(members, 0)
    for a, b in inside:
        degree[a] += 1
        degree[b] += 1
    n = len(members)
    possible = n * (n - 1) // 2
    top = max(degree.values(), default=None)
    return CategoryMeasures(
        key=key,
        people=n,
        ties=len(inside),
        pairs=possible,
        density=len(inside) / possible if possible else None,
        degree_mean=sum(degree.values()) / n if n else None,
        degree_max=top,
        stars=_sorted_ids(people[pid] for pid, d in degree.items() if top and d == top),
    )


def _placed_elsewhere(before: MapPersonView, after: MapPersonView) -> bool:
    return (sector_of(before.angle), horizon_of(before.distance)) != (
        sector_of(after.angle), horizon_of(after.distance))


def _details_differ(before: MapPersonView, after: MapPersonView) -> bool:
    """A change the summary reports (contact details, notes and consent flags are not compared;
    the order in which support types were ticked does not matter)."""
    return (
        (before.name, before.relation, before.role, before.organisation, before.quality, before.invite)
        != (after.name, after.relation, after.role, after.organisation, after.quality, after.invite)
        or set(before.support) != set(after.support)
    )


def compare(before: MapData, after: MapData) -> MapChange:
    """What changed from ``before`` to ``after``, people matched by id.

    A person is *moved* when the sector or the horizon differs, and *changed* when not moved but a
    detail differs (a moved person is only listed as moved). Ties are compared as unordered pairs."""
    old = {p.id: p for p in before.people}
    new = {p.id: p for p in after.people}
    both = [pid for pid in new if pid in old]
    moved = [new[pid] for pid in both if _placed_elsewhere(old[pid], new[pid])]
    moved_ids = {p.id for p in moved}
    changed = [new[pid] for pid in both
               if pid not in moved_ids and _details_differ(old[pid], new[pid])]

    old_ties, new_ties = tie_pairs(before), tie_pairs(after)
    return MapChange(
        added=_sorted_ids(p for pid, p in new.items() if pid not in old),
        removed=_sorted_ids(p for pid, p in old.items() if pid not in new),
        moved=_sorted_ids(moved),
        changed=_sorted_ids(changed),
        ties_added=tuple(sorted(set(new_ties) - set(old_ties))),
        ties_removed=tuple(sorted(set(old_ties) - set(new_ties))),
        ties_changed=tuple(sorted(pair for pair in set(old_ties) & set(new_ties)
                                  if old_ties[pair] != new_ties[pair])),
    )


def change_summary(change: MapChange) -> dict[str, int]:
    """The counts for the "change since the previous version" line (keys as ``CHANGE_EXPLANATIONS``)."""
    return {
        "added": len(change.added),
        "removed": len(change.removed),
        "moved": len(change.moved),
        "changed": len(change.changed),
        "ties_added": len(change.ties_added),
        "ties_removed": len(change.ties_removed),
        "ties_changed": len(change.ties_changed),
    }
