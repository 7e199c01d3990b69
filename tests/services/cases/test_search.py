"""Finding families as she types, through the trigram index: the same answers as a substring search
over every case (short words, æøå, case, CPR with or without dash), the index following every change
of a case in the same transaction (and nothing left of a change that was rolled back), and a total
that stops counting when there are very many matches.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from sqlalchemy import select

from app.models import Case
from app.services.cases import dto
from app.services.cases import service as case_service
from app.services.cases.overview import search_words
from tests.helpers.families import cpr_for, family


def _find(workspace, query: str, **filters) -> list[str]:
    return sorted(item.family_name for item in workspace.cases.search(dto.CaseFilter(query=query, **filters)).items)


def _texts(workspace) -> list[tuple[str, str]]:
    """(family name, the search text kept on the case) for every case."""
    with workspace.store.unit_of_work() as session:
        return [tuple(r) for r in session.execute(select(Case.family_name, Case.search_text)).all()]


def _by_reading_every_case(workspace, query: str) -> list[str]:
    """What a substring search over every case finds (what the list did before the index)."""
    words = search_words(query)
    return sorted(name for name, text in _texts(workspace) if all(w in text for w in words))


def _indexed(workspace, word: str) -> list[str]:
    """Family names the trigram index alone gives for ``word``."""
    with workspace.store.engine.connect() as conn:
        return sorted(conn.exec_driver_sql(
            "SELECT family_name FROM cases WHERE rowid IN "
            "(SELECT rowid FROM case_search WHERE case_search MATCH ?)", (f'"{word}"',)).scalars())


def _index_agrees_with_the_cases(workspace) -> None:
    """FTS5's own check of the index against ``cases.search_text``; raises if they disagree."""
    with workspace.store.engine.connect() as conn:
        conn.exec_driver_sql("INSERT INTO case_search (case_search, rank) VALUES ('integrity-check', 1)")


@pytest.fixture
def three_families(workspace):
    """Kjærsgaard (with CPR numbers), Nørgaard and Lindholt."""
    workspace.cases.create_case(family("Kjærsgaard", child="Åsa", address="Åbrinken 12", with_cpr=True))
    workspace.cases.create_case(family("Nørgaard", child="Lærke", address="Bøgevej 3"))
    workspace.cases.create_case(family("Lindholt", child="Storm", address="Engtoften 7"))
    return workspace


# ---- the same answers as reading every case


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("å", ["Kjærsgaard"]),  # one character: no trigram, read from the rows
        ("Æ", ["Kjærsgaard", "Nørgaard"]),
        ("ho", ["Lindholt"]),
        ("ør", ["Nørgaard"]),
        ("nør", ["Nørgaard"]),  # three: the index
        ("ØRGAA", ["Nørgaard"]),
        ("å kjær", ["Kjærsgaard"]),  # a short and a long word together
        ("å nørg", []),
        ("7 engtoften", ["Lindholt"]),
        ("aa", ["Kjærsgaard", "Nørgaard"]),
        ("gaard kjær", ["Kjærsgaard"]),
        ("st", ["Lindholt"]),
        ("zz", []),
        ("zzz", []),
    ],
)
def test_short_and_long_words_find_what_a_substring_search_finds(three_families, query, found):
    assert _find(three_families, query) == [f"Familien {name}" for name in found]
    assert _find(three_families, query) == _by_reading_every_case(three_families, query)


@pytest.mark.parametrize("query", ['"nørg', 'nør"gaard', "nør*", "OR", "AND nørgaard", "NEAR(", "(x", "-", "a:b",
                                   "^nør", "'"])
def test_search_syntax_in_what_she_types_is_just_text(three_families, query):
    assert _find(three_families, query) == _by_reading_every_case(three_families, query)


def test_cpr_with_dash_without_dash_and_in_part(three_families):
    number = cpr_for(family().members[1].birth_date, seed=2)  # Kjærsgaard's child
    for query in (number, number.replace("-", ""), number[:2], number[:4], number[:6], number[:7], number[:9],
                  number[7:], number[3:9].replace("-", "")):
        assert _find(three_families, query) == ["Familien Kjærsgaard"], query


@pytest.mark.parametrize("walk_above", [0, 10**9], ids=["reading newest first", "looking matches up"])
def test_every_substring_of_every_case_finds_what_reading_every_case_finds(demo_workspace, monkeypatch, walk_above):
    """Generated queries over 40 demo families: pieces of their search text of 1-12 characters,
    in upper case, with a CPR dash, two at a time; the index must agree with reading every case,
    whichever way the page is read."""
    monkeypatch.setattr(case_service, "WALK_ABOVE", walk_above)
    texts = [text for _, text in _texts(demo_workspace)]
    rng = random.Random(11)
    queries = []
    for _ in range(150):
        text = rng.choice(texts).replace("\n", " ")
        length = rng.randint(1, 12)
        start = rng.randrange(max(1, len(text) - length))
        piece = text[start:start + length].strip()
        queries.append(piece.upper() if rng.random() < 0.3 else piece)
    for cpr in [w for t in texts for w in t.split() if w.isdigit() and len(w) == 10][:20]:
        queries.append(f"{cpr[:6]}-{cpr[6:rng.randint(6, 10)]}")
    queries += [f"{a} {b}" for a, b in zip(queries[:40], queries[40:80], strict=True)]

    found_any = 0
    for query in queries:
        expected = _by_reading_every_case(demo_workspace, query)
        assert _find(demo_workspace, query, limit=1000) == expected, query
        found_any += bool(expected)
    assert found_any > len(queries) / 2  # the queries do find families


def test_words_of_three_or_more_characters_are_read_from_the_index(three_families):
    """With the index emptied behind the service's back, long words find nothing, short ones still
    do: the index is really what answers them."""
    with three_families.store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO case_search (case_search) VALUES ('delete-all')")

    assert _find(three_families, "nør") == []
    assert _find(three_families, "ør") == ["Familien Nørgaard"]

    with three_families.store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO case_search (case_search) VALUES ('rebuild')")
    assert _find(three_families, "nør") == ["Familien Nørgaard"]


# ---- the index follows every change of a case


def test_new_family_name_and_address_are_found_and_the_old_address_no_longer(three_families):
    [case] = three_families.cases.search(dto.CaseFilter(query="lindholt")).items

    three_families.cases.update_household(case.id, dto.HouseholdInput("Familien Vestergård", "Rønnebærvej 8",
                                                                      "5700", "Svendborg"))

    assert _find(three_families, "vestergå") == ["Familien Vestergård"]
    assert _find(three_families, "rønnebær 5700") == ["Familien Vestergård"]
    assert _find(three_families, "engtoften") == []
    assert _find(three_families, "lindholt") == ["Familien Vestergård"]  # the members keep their surname
    _index_agrees_with_the_cases(three_families)


def test_added_changed_and_removed_member_are_searchable_at_once(three_families):
    [case] = three_families.cases.search(dto.CaseFilter(query="nørgaard")).items
    born = family().members[1].birth_date.replace(year=2019)
    brother = dto.MemberInput("lillebror", "Bjørk", "Nørgaard", birth_date=born, cpr=cpr_for(born, seed=5))

    overview = three_families.cases.save_member(case.id, brother)
    assert _find(three_families, "bjørk") == ["Familien Nørgaard"]
    assert _find(three_families, brother.cpr) == ["Familien Nørgaard"]

    added = next(m for m in overview.members if m.first_name == "Bjørk")
    new_cpr = cpr_for(brother.birth_date, seed=6)
    assert new_cpr != brother.cpr
    three_families.cases.save_member(case.id, replace(brother, id=added.id, first_name="Birk", cpr=new_cpr))
    assert _find(three_families, "birk") == ["Familien Nørgaard"]
    assert _find(three_families, "bjørk") == []
    assert _find(three_families, new_cpr) == ["Familien Nørgaard"]
    assert _find(three_families, brother.cpr) == []

    three_families.cases.remove_member(case.id, added.id)
    assert _find(three_families, "birk") == []
    assert _find(three_families, new_cpr.replace("-", "")) == []
    _index_agrees_with_the_cases(three_families)


def test_deleted_case_is_no_longer_found(three_families):
    [case] = three_families.cases.search(dto.CaseFilter(query="kjærsgaard")).items
    with three_families.store.unit_of_work() as session:
        session.delete(session.get(Case, case.id))

    assert _find(three_families, "kjærsgaard") == []
    assert _find(three_families, "åbrinken") == []
    assert _indexed(three_families, "kjærsgaard") == []
    assert _find(three_families, "") == ["Familien Lindholt", "Familien Nørgaard"]
    _index_agrees_with_the_cases(three_families)


# ---- one transaction: a rollback leaves nothing in the index


class _Abandon(Exception):
    pass


def test_a_rolled_back_new_case_leaves_no_index_row(three_families):
    ws = three_families
    case = ws.cases.build_case(family("Quistgaard", child="Ingolf"))
    seen_inside = None
    with pytest.raises(_Abandon), ws.store.unit_of_work() as session:
        session.add(case)
        session.flush()
        seen_inside = session.connection().exec_driver_sql(
            "SELECT count(*) FROM case_search WHERE case_search MATCH '\"quistgaard\"'").scalar()
        raise _Abandon

    assert seen_inside == 1  # the index row was written in the same transaction ...
    assert _indexed(ws, "quistgaard") == []  # ... and went with it
    assert _find(ws, "quistgaard") == []
    _index_agrees_with_the_cases(ws)


def test_a_rolled_back_change_leaves_the_index_as_it_was(three_families):
    ws = three_families
    [case] = ws.cases.search(dto.CaseFilter(query="lindholt")).items
    with pytest.raises(_Abandon), ws.store.unit_of_work() as session:
        row = session.get(Case, case.id)
        row.search_text = "familien quistgaard"
        session.flush()
        assert session.connection().exec_driver_sql(
            "SELECT count(*) FROM case_search WHERE case_search MATCH '\"quistgaard\"'").scalar() == 1
        raise _Abandon

    assert _indexed(ws, "quistgaard") == []
    assert _indexed(ws, "lindholt") == ["Familien Lindholt"]
    assert _find(ws, "lindholt") == ["Familien Lindholt"]
    _index_agrees_with_the_cases(ws)


# ---- the total


def test_total_is_exact_up_to_the_cap_and_a_lower_bound_beyond(demo_workspace, monkeypatch):
    monkeypatch.setattr(case_service, "TOTAL_CAP", 12)

    everyone = demo_workspace.cases.search(dto.CaseFilter(limit=5))
    assert (len(everyone.items), everyone.total, everyone.total_exact) == (5, 12, False)  # 40 families: "over 12"

    texts = [text for _, text in _texts(demo_workspace)]
    # a word in some families' text but fewer than the cap
    word, matching = next(
        (w, n) for text in texts for w in text.split() if 5 < (n := sum(w in t for t in texts)) <= 12 and len(w) >= 3
    )
    some = demo_workspace.cases.search(dto.CaseFilter(query=word, limit=5))
    assert (len(some.items), some.total, some.total_exact) == (5, matching, True)

    page = demo_workspace.cases.search(dto.CaseFilter(query=word, limit=50))
    assert (len(page.items), page.total, page.total_exact) == (matching, matching, True)


def test_total_is_exact_below_the_cap(demo_workspace):
    page = demo_workspace.cases.search(dto.CaseFilter(limit=7))

    assert (page.total, page.total_exact) == (40, True)
