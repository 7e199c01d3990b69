"""The network map's measures and version comparison, on small maps worked out by hand.

Geometry used below (app.services.network.dto): the sector follows the angle — family 0 ≤ a < 90,
friends 90 ≤ a ≤ 180 (and −180), school/work −180 < a < −90, professional −90 ≤ a < 0; the horizon
follows the distance — 1 below 100/3, 2 below 200/3, 3 from 200/3 on (also beyond 100).
"""

from __future__ import annotations

from dataclasses import fields

import pytest

from app.services.network.dto import (
    HORIZONS,
    SECTORS,
    CategoryMeasures,
    MapChange,
    MapData,
    MapMeasures,
    MapPersonView,
    MapTieView,
)
from app.services.network.measures import (
    CHANGE_EXPLANATIONS,
    EXPLANATIONS,
    change_summary,
    compare,
    measures,
)

# Angles in the middle of each sector, and distances in the middle of each horizon.
FAM, FRI, SCH, PRO = 45.0, 135.0, -135.0, -45.0
NEAR, MID, FAR = 10.0, 50.0, 90.0


def person(pid: str, name: str, angle: float = FAM, distance: float = NEAR, **kw) -> MapPersonView:
    return MapPersonView(id=pid, name=name, angle=angle, distance=distance, **kw)


def tie(a: str, b: str, quality: str = "") -> MapTieView:
    return MapTieView(id=f"t-{a}-{b}", a_id=a, b_id=b, quality=quality)


def cells(**counts: int) -> dict[tuple[str, int], int]:
    """Every (sector, horizon) cell at 0, except those given as e.g. family_1=2."""
    expected = {(s, h): 0 for s in SECTORS for h in HORIZONS}
    for key, n in counts.items():
        sector, horizon = key.rsplit("_", 1)
        expected[(sector, int(horizon))] = n
    return expected


# ---------------------------------------------------------------- measures: empty and one person


def test_the_empty_map_is_all_zeros_and_no_nan():
    m = measures(MapData())
    # No people: 4 sectors × 3 horizons = 12 cells, every one present and 0.
    assert m.per_cell == cells()
    assert len(m.per_cell) == 12
    assert m.per_sector == {"family": 0, "friends": 0, "school_work": 0, "professional": 0}
    assert m.per_horizon == {1: 0, 2: 0, 3: 0}
    # 0 professionals of 0 people: no data (easyNWK shows NaN here; 0.0 would read like a finding).
    assert m.professional_share is None
    # 0 private people → 0·(−1)/2 = 0 possible pairs → no data, not NaN and not 0.
    assert m.private_density is None
    assert [c.key for c in m.categories] == ["all", "private", *SECTORS]
    assert all(c == CategoryMeasures(c.key) for c in m.categories)  # nobody: every figure is "no data"
    assert m == MapMeasures(per_cell=cells(), per_sector=dict.fromkeys(SECTORS, 0),
                            per_horizon=dict.fromkeys(HORIZONS, 0), categories=m.categories)


def test_one_private_person():
    m = measures(MapData(people=(person("a", "Anna", FAM, NEAR),)))
    # Anna at 45°, distance 10 → family, horizon 1.
    assert m.per_cell == cells(family_1=1)
    assert m.per_sector == {"family": 1, "friends": 0, "school_work": 0, "professional": 0}
    assert m.per_horizon == {1: 1, 2: 0, 3: 0}
    assert (m.people, m.private, m.professional) == (1, 1, 0)
    assert m.professional_share == 0.0          # 0 professionals / 1 person
    assert m.private_pairs == 0                 # n = 1 → 1·0/2 = 0 possible pairs
    assert m.private_ties == 0
    assert m.private_density is None            # n < 2 → no pair possible: no data
    assert m.bridges == ()
    assert m.isolated == ("a",)                 # no ties at all → Anna knows no one else
    assert m.supportive == 1                    # the default quality is "supportive"


def test_one_professional_person():
    m = measures(MapData(people=(person("p", "Sundhedsplejerske", PRO, MID),)))
    # −45°, distance 50 → professional, horizon 2.
    assert m.per_cell == cells(professional_2=1)
    assert (m.people, m.private, m.professional) == (1, 0, 1)
    assert m.professional_share == 1.0          # 1 professional / 1 person
    assert m.private_density is None            # no private people: no data
    assert m.isolated == ("p",)


# ---------------------------------------------------------------- measures: borders


@pytest.mark.parametrize(("angle", "sector"), [
    (0.0, "family"),            # 0 ≤ a < 90: 0 itself is family
    (89.999, "family"),
    (90.0, "friends"),          # 90 ≤ a ≤ 180: 90 itself is friends
    (180.0, "friends"),         # 180 is friends ...
    (-180.0, "friends"),        # ... and so is −180, the same direction
    (-179.999, "school_work"),  # just below the left horizontal line
    (-90.001, "school_work"),   # a < −90
    (-90.0, "professional"),    # −90 ≤ a < 0: −90 itself is professional
    (-0.001, "professional"),
    (360.0, "family"),          # one turn = 0°
    (270.0, "professional"),    # 270° = −90°
    (-270.0, "friends"),        # −270° = 90°
])
def test_sector_borders(angle, sector):
    m = measures(MapData(people=(person("x", "X", angle, MID),)))
    # One person at distance 50 (horizon 2): exactly one sector has 1, the other three 0.
    assert m.per_sector == {s: int(s == sector) for s in SECTORS}
    assert m.per_cell == {(s, h): int(s == sector and h == 2) for s in SECTORS for h in HORIZONS}
    assert m.professional == int(sector == "professional")
    assert m.private == int(sector != "professional")


@pytest.mark.parametrize(("distance", "horizon"), [
    (0.0, 1),            # the centre itself is closest
    (33.33, 1),          # just inside the first ring (100/3 = 33.333…)
    (100 / 3, 2),        # exactly on the first ring → the middle horizon
    (66.66, 2),          # just inside the second ring (200/3 = 66.666…)
    (200 / 3, 3),        # exactly on the second ring → the far horizon
    (99.999, 3),
    (100.0, 3),          # on the outer horizon
    (140.0, 3),          # beyond the outer horizon still counts in horizon 3
])
def test_horizon_borders(distance, horizon):
    m = measures(MapData(people=(person("x", "X", FRI, distance),)))
    # One person at 135° (friends): exactly one horizon has 1.
    assert m.per_horizon == {h: int(h == horizon) for h in HORIZONS}
    assert m.per_cell == cells(**{f"friends_{horizon}": 1})


def test_people_per_cell_sector_and_horizon():
    data = MapData(people=(
        person("m", "Mor", FAM, NEAR),           # family, 1
        person("f", "Far", FAM, NEAR),           # family, 1
        person("mm", "Mormor", FAM, FAR),        # family, 3
        person("n", "Nabo", FRI, MID),           # friends, 2
        person("v", "Veninde", FRI, 150.0),      # friends, beyond the outer ring → 3
        person("d", "Dagplejer", SCH, MID),      # school_work, 2
        person("l", "Læge", PRO, FAR),           # professional, 3
        person("s", "Sundhedsplejerske", PRO, NEAR),  # professional, 1
    ))
    m = measures(data)
    assert m.per_cell == cells(family_1=2, family_3=1, friends_2=1, friends_3=1, school_work_2=1,
                               professional_1=1, professional_3=1)
    # per sector: family 2+1 = 3, friends 1+1 = 2, school_work 1, professional 1+1 = 2.
    assert m.per_sector == {"family": 3, "friends": 2, "school_work": 1, "professional": 2}
    # per horizon: 1 → Mor, Far, Sundhedsplejerske = 3; 2 → Nabo, Dagplejer = 2;
    # 3 → Mormor, Veninde, Læge = 3.
    assert m.per_horizon == {1: 3, 2: 2, 3: 3}
    assert m.people == 8                         # 3 + 2 + 1 + 2
    assert (m.private, m.professional) == (6, 2)  # 3 + 2 + 1 private; 2 professional
    assert m.professional_share == 0.25          # 2 / 8


def test_professional_share_one_in_three():
    data = MapData(people=(person("a", "A", FAM), person("b", "B", SCH), person("c", "C", PRO)))
    m = measures(data)
    assert m.professional_share == 1 / 3        # 1 professional of 3 people


# ---------------------------------------------------------------- measures: ties and density


def test_density_with_two_private_people():
    people = (person("a", "Anna", FAM), person("b", "Bo", FRI))
    # n = 2 private → 2·1/2 = 1 possible pair.
    untied = measures(MapData(people=people))
    assert (untied.private_pairs, untied.private_ties, untied.private_density) == (1, 0, 0.0)  # 0/1
    tied = measures(MapData(people=people, ties=(tie("a", "b"),)))
    assert (tied.private_pairs, tied.private_ties, tied.private_density) == (1, 1, 1.0)      # 1/1


def test_density_with_four_private_people_and_a_professional():
    data = MapData(
        people=(
            person("a", "Anna", FAM), person("b", "Bo", FAM), person("c", "Carl", FRI),
            person("d", "Dorte", SCH), person("p", "Pia", PRO),
        ),
        ties=(tie("a", "b"), tie("c", "a"), tie("d", "p")),
    )
    m = measures(data)
    # 4 private people → 4·3/2 = 6 possible pairs.
    assert m.private_pairs == 6
    # a–b and a–c are private ties; d–p has a professional end, so it is not one → 2 ties.
    assert m.private_ties == 2
    assert m.private_density == 2 / 6           # = 0.333…
    assert round(m.private_density, 3) == 0.333


def test_a_complete_private_network_has_density_one():
    ids = ("a", "b", "c", "d")
    data = MapData(people=tuple(person(i, i.upper(), FAM) for i in ids),
                   ties=tuple(tie(x, y) for i, x in enumerate(ids) for y in ids[i + 1:]))
    m = measures(data)
    # 4 people, all 6 pairs tied → 6/6 = 1.0.
    assert (m.private_pairs, m.private_ties, m.private_density) == (6, 6, 1.0)


def test_a_tie_stored_twice_counts_once():
    data = MapData(people=(person("a", "Anna", FAM), person("b", "Bo", FRI)),
                   ties=(tie("a", "b"), tie("b", "a")))
    m = measures(data)
    # (a, b) and (b, a) are one pair: 1 tie of 1 possible → density 1.0, not 2.0.
    assert (m.private_ties, m.private_density) == (1, 1.0)


def test_private_to_professional_tie_is_a_bridge_not_a_private_tie():
    data = MapData(people=(person("a", "Anna", FAM), person("p", "Pia", PRO, FAR)),
                   ties=(tie("a", "p"),))
    m = measures(data)
    assert m.private_ties == 0                  # Pia is professional: not a private tie
    assert m.private_pairs == 0                 # 1 private person → 0 possible pairs
    assert m.private_density is None
    assert m.bridges == ("a", "p")              # family ↔ professional: both ends bridge (Anna < Pia)
    assert m.isolated == ()                     # each knows the other


def test_a_tie_within_one_sector_is_no_bridge():
    # Both family (45° and 80°), in different horizons: still the same sector.
    data = MapData(people=(person("a", "Anna", FAM, NEAR), person("b", "Bo", 80.0, FAR)),
                   ties=(tie("a", "b"),))
    m = measures(data)
    assert m.bridges == ()
    assert m.isolated == ()
    assert (m.private_ties, m.private_pairs, m.private_density) == (1, 1, 1.0)


def test_bridges_across_a_sector_border():
    # 89.9° is family and 90° is friends: neighbours on the screen, but different sectors.
    data = MapData(people=(person("a", "Anna", 89.9), person("b", "Bo", 90.0), person("c", "Cai", 90.0)),
                   ties=(tie("a", "b"), tie("b", "c")))
    m = measures(data)
    assert m.bridges == ("a", "b")              # a–b crosses; b–c is friends–friends
    assert m.isolated == ()


def test_isolated_people():
    data = MapData(
        people=(person("a", "Anna", FAM), person("b", "Bo", FRI), person("c", "Carl", SCH),
                person("d", "Dorte", PRO)),
        ties=(
            tie("a", "b"),            # Anna and Bo know each other
            tie("c", "c"),            # a tie with oneself is no tie: Carl is still isolated
            tie("d", "gone"),         # a tie to someone not on the map is no tie: Dorte too
        ),
    )
    m = measures(data)
    assert m.isolated == ("c", "d")             # Carl, Dorte (sorted by name)
    assert m.bridges == ("a", "b")              # family–friends
    assert m.private_ties == 1                  # only a–b; private pairs 3·2/2 = 3
    assert m.private_density == 1 / 3


def test_people_are_sorted_by_name_in_danish_order_then_id():
    names = {"z1": "Åse", "z2": "Ørn", "z3": "Æbel", "z4": "bo", "z5": "Anna", "z6": "Mor", "z0": "Mor"}
    data = MapData(people=tuple(person(pid, name, FAM) for pid, name in names.items()))
    m = measures(data)
    # Nobody is tied, so all are isolated. Case is ignored (Anna < bo < Mor), the Danish letters
    # come last in the order æ, ø, å, and the two "Mor" are ordered by id (z0 before z6).
    assert m.isolated == ("z5", "z4", "z0", "z6", "z3", "z2", "z1")


def test_qualities_are_counted():
    data = MapData(people=(
        person("a", "A", quality="supportive"),
        person("b", "B", quality="supportive"),
        person("c", "C", quality="ambivalent"),
        person("d", "D", quality="strained"),
        person("e", "E", quality="strained"),
        person("f", "F", quality="strained"),
        person("g", "G", quality="conflict"),
        person("h", "H", quality=""),             # not rated: in none of the four counts
    ))
    m = measures(data)
    # supportive a, b = 2; ambivalent c = 1; strained d, e, f = 3; conflict g = 1; h nowhere.
    assert (m.supportive, m.ambivalent, m.strained, m.conflict) == (2, 1, 3, 1)
    assert m.people == 8


def test_tie_ids_and_orientation_do_not_change_the_measures():
    people = (person("a", "Anna", FAM), person("b", "Bo", FRI), person("c", "Carl", FAM))
    one = measures(MapData(people=people, ties=(tie("a", "b"), tie("a", "c"))))
    other = measures(MapData(people=people, ties=(MapTieView("x", "c", "a"), MapTieView("y", "b", "a"))))
    assert one == other
    assert one.bridges == ("a", "b")            # a–b crosses family–friends; a–c does not
    assert (one.private_ties, one.private_pairs) == (2, 3)


# ---------------------------------------------------------------- explanations


def test_every_measure_has_an_explanation():
    names = {f.name for f in fields(MapMeasures)} - {"degree"}  # a person's degree is shown with the categories
    assert set(EXPLANATIONS) == names
    assert all(text.strip() and "{" not in text for text in EXPLANATIONS.values())


def test_every_change_count_has_an_explanation():
    assert list(CHANGE_EXPLANATIONS) == list(change_summary(MapChange()))
    assert all(text.strip() and "{" not in text for text in CHANGE_EXPLANATIONS.values())


def test_the_density_explanation_says_what_0_and_1_mean():
    assert EXPLANATIONS["private_density"] == (
        "How many of the possible ties among the family's own people exist "
        "(0 = none know each other, 1 = everyone knows everyone).")


# ---------------------------------------------------------------- compare


BEFORE = MapData(
    people=(
        person("a", "Anna", FAM, NEAR),              # family, 1
        person("b", "Bo", FRI, MID),                 # friends, 2
        person("c", "Carl", SCH, FAR, role="Pædagog"),  # school_work, 3
        person("d", "Dorte", PRO, NEAR),             # professional, 1
        person("e", "Eva", FAM, MID),                # family, 2
    ),
    ties=(tie("b", "a"), tie("c", "d")),             # a–b stored the other way round
)
AFTER = MapData(
    people=(
        person("a", "Anna", 60.0, 20.0),             # nudged: still family, 1 → not moved
        person("b", "Bo", FRI, 20.0),                # friends 2 → friends 1: moved (horizon)
        person("c", "Carl", SCH, FAR, role="Lærer"),  # same place, new role: changed
        person("e", "Emma", 100.0, MID),             # family → friends and renamed: moved only
        person("f", "Frida", FRI, FAR),              # new
    ),                                               # Dorte is gone
    ties=(tie("a", "b"), tie("f", "a")),
)


def test_compare_added_removed_moved_changed_and_ties():
    change = compare(BEFORE, AFTER)
    assert change.added == ("f",)
    assert change.removed == ("d",)
    assert change.moved == ("b", "e")               # Bo, Emma (by the names in the new version)
    assert change.changed == ("c",)                 # Emma is moved, so not also "changed"
    # a–b is in both (as (b, a) before and (a, b) after) → neither added nor removed.
    assert change.ties_added == (("a", "f"),)       # stored as (f, a); smaller id first
    assert change.ties_removed == (("c", "d"),)
    assert change.ties_changed == ()
    assert change_summary(change) == {"added": 1, "removed": 1, "moved": 2, "changed": 1,
                                      "ties_added": 1, "ties_removed": 1, "ties_changed": 0}


def test_compare_the_other_way_round():
    change = compare(AFTER, BEFORE)
    assert change.added == ("d",)
    assert change.removed == ("f",)
    assert change.moved == ("b", "e")               # Bo, Eva
    assert change.changed == ("c",)
    assert change.ties_added == (("c", "d"),)
    assert change.ties_removed == (("a", "f"),)


def test_a_map_compared_with_itself_has_no_change():
    assert compare(BEFORE, BEFORE) == MapChange()
    assert compare(MapData(), MapData()) == MapChange()
    assert change_summary(compare(MapData(), MapData())) == {
        "added": 0, "removed": 0, "moved": 0, "changed": 0,
        "ties_added": 0, "ties_removed": 0, "ties_changed": 0}


def test_from_the_empty_map_everyone_is_added():
    change = compare(MapData(), BEFORE)
    assert change.added == ("a", "b", "c", "d", "e")   # Anna, Bo, Carl, Dorte, Eva
    assert change.ties_added == (("a", "b"), ("c", "d"))
    assert (change.removed, change.moved, change.changed, change.ties_removed) == ((), (), (), ())


@pytest.mark.parametrize(("old", "new", "moved"), [
    ((45.0, 10.0), (80.0, 30.0), False),     # family 1 → family 1: a nudge
    ((45.0, 34.0), (50.0, 66.0), False),     # horizon 2 → horizon 2 (both below 66.67)
    ((45.0, 90.0), (45.0, 140.0), False),    # horizon 3 → beyond the outer ring, still 3
    ((89.0, 10.0), (91.0, 10.0), True),      # family → friends across 90°
    ((-90.0, 10.0), (-90.5, 10.0), True),    # professional → school_work across −90°
    ((180.0, 10.0), (-180.0, 10.0), False),  # 180° and −180° are the same direction
    ((45.0, 33.0), (45.0, 34.0), True),      # horizon 1 → 2 across 33.33
    ((45.0, 66.0), (45.0, 200 / 3), True),   # horizon 2 → 3 on the ring itself
])
def test_moved_means_another_sector_or_horizon(old, new, moved):
    before = MapData(people=(person("a", "Anna", *old),))
    after = MapData(people=(person("a", "Anna", *new),))
    change = compare(before, after)
    assert change.moved == (("a",) if moved else ())
    assert change.changed == ()                  # nothing else differs


@pytest.mark.parametrize(("field", "old", "new"), [
    ("name", "Anna", "Anne"),
    ("relation", "mother", "grandmother"),
    ("role", "", "Pædagog"),
    ("organisation", "", "Børnehaven Solsikken"),
    ("quality", "supportive", "conflict"),
    ("support", ("practical",), ("practical", "emotional")),
    ("invite", False, True),
])
def test_changed_details(field, old, new):
    before = MapData(people=(person("a", **{"name": "Anna", field: old}),))
    after = MapData(people=(person("a", **{"name": "Anna", field: new}),))
    change = compare(before, after)
    assert change.changed == ("a",)
    assert change.moved == ()
    assert change_summary(change)["changed"] == 1


@pytest.mark.parametrize(("field", "old", "new"), [
    ("phone", "", "12345678"),
    ("email", "", "a@example.dk"),
    ("note", "", "Ny note"),
    ("consent_to_share", False, True),
    ("support", ("practical", "emotional"), ("emotional", "practical")),  # same types, other order
])
def test_details_not_reported_as_changed(field, old, new):
    before = MapData(people=(person("a", "Anna", **{field: old}),))
    after = MapData(people=(person("a", "Anna", **{field: new}),))
    assert compare(before, after) == MapChange()


def test_tie_quality_change():
    people = (person("a", "Anna", FAM), person("b", "Bo", FRI))
    before = MapData(people=people, ties=(tie("a", "b"),))
    after = MapData(people=people, ties=(MapTieView("other-id", "b", "a", "conflict"),))
    change = compare(before, after)
    # Same pair (a, b), now marked conflict: changed, not removed and added again.
    assert change.ties_changed == (("a", "b"),)
    assert (change.ties_added, change.ties_removed) == ((), ())
    assert change_summary(change)["ties_changed"] == 1


def test_compare_sorts_people_by_name_then_id_and_ties_by_pair():
    before = MapData(people=(person("k", "Karl"),))
    after = MapData(
        people=(person("k", "Karl"), person("x", "Åse"), person("y", "bo"), person("w", "Bo"),
                person("v", "Bo")),
        ties=(tie("y", "k"), tie("k", "x"), tie("w", "v")),
    )
    change = compare(before, after)
    # bo/Bo/Bo sort together ignoring case: then by exact name ("Bo" < "bo"), then by id (v < w);
    # Åse comes last (å is the last Danish letter).
    assert change.added == ("v", "w", "y", "x")
    # Pairs with the smaller id first: (k, y), (k, x), (v, w) → sorted (k, x), (k, y), (v, w).
    assert change.ties_added == (("k", "x"), ("k", "y"), ("v", "w"))


def test_removed_people_are_sorted_by_their_old_names():
    before = MapData(people=(person("1", "Ulla"), person("2", "Hans")))
    change = compare(before, MapData())
    assert change.removed == ("2", "1")          # Hans before Ulla
    assert change_summary(change) == {"added": 0, "removed": 2, "moved": 0, "changed": 0,
                                      "ties_added": 0, "ties_removed": 0, "ties_changed": 0}


# ---------------------------------------------------------------- degree and categories (worked out by hand)


def test_degree_and_each_category_counted_on_its_own():
    # Family: Anna, Bo, Carl; friends: Dina; professional: Pia.
    # Ties: Anna–Bo, Anna–Carl (family–family), Anna–Dina (family–friends), Bo–Pia (family–professional).
    data = MapData(
        people=(person("a", "Anna", FAM), person("b", "Bo", FAM), person("c", "Carl", FAM),
                person("d", "Dina", FRI), person("p", "Pia", PRO, FAR)),
        ties=(tie("a", "b"), tie("a", "c"), tie("a", "d"), tie("b", "p")))
    m = measures(data)
    assert m.degree == {"a": 3, "b": 2, "c": 1, "d": 1, "p": 1}   # ties to anyone on the map
    by = {c.key: c for c in m.categories}
    # Everyone: 5 people, 4 ties of 10 possible; degrees 3,2,1,1,1 → mean 8/5 = 1.6, max 3 (Anna).
    assert by["all"] == CategoryMeasures("all", 5, 4, 10, 0.4, 1.6, 3, ("a",))
    # The family's own people (no Pia): 4 people, 3 ties of 6; degrees a3 b1 c1 d1 → mean 6/4, max 3.
    assert by["private"] == CategoryMeasures("private", 4, 3, 6, 0.5, 1.5, 3, ("a",))
    # Family alone: Anna–Bo, Anna–Carl: 2 of 3; degrees a2 b1 c1 → mean 4/3, max 2.
    fam = by["family"]
    assert (fam.people, fam.ties, fam.pairs, fam.density, fam.degree_max, fam.stars) == (3, 2, 3, 2 / 3, 2, ("a",))
    assert fam.degree_mean == pytest.approx(4 / 3)
    # Friends alone: Dina, no pair possible → no density; her degree in the column is 0: no star.
    assert by["friends"] == CategoryMeasures("friends", 1, 0, 0, None, 0.0, 0, ())
    assert by["school_work"] == CategoryMeasures("school_work")         # nobody: no data at all
    assert by["professional"] == CategoryMeasures("professional", 1, 0, 0, None, 0.0, 0, ())


def test_stars_are_everyone_with_the_highest_degree():
    data = MapData(people=(person("a", "Anna"), person("b", "Bo"), person("c", "Carl"), person("d", "Dina")),
                   ties=(tie("a", "b"), tie("c", "d")))
    family = next(c for c in measures(data).categories if c.key == "family")
    assert (family.degree_max, family.stars, family.density) == (1, ("a", "b", "c", "d"), 2 / 6)
