"""``MapEditor``: undo and redo over the network service, moves saved in batches by ``flush``."""

from __future__ import annotations

import pytest

from app.core.errors import DiskFullError
from app.services.network import dto as n
from tests.helpers.db import audit_entries
from tests.helpers.network import (
    FAM,
    FAR,
    FRI,
    MID,
    NEAR,
    PRO,
    SCH,
    _counts,
    _stored,
    person,
)


@pytest.fixture
def editor(qapp, workspace, case_id):  # type: ignore[no-untyped-def]
    from app.ui.network.editor import MapEditor

    editor = MapEditor(workspace, case_id)
    editor.failures = []  # type: ignore[attr-defined]
    editor.failed.connect(lambda field, text: editor.failures.append((field, text)))
    yield editor
    editor.flush()
    editor.deleteLater()


def test_the_editor_adds_moves_ties_and_removes_then_undoes_all_of_it_and_redoes_it(workspace, case_id, editor):
    states = [_stored(workspace, case_id)]
    assert states[0] == ({}, {})

    def step(action) -> None:  # type: ignore[no-untyped-def]
        action()
        editor.flush()
        states.append(_stored(workspace, case_id))
        assert _stored(workspace, case_id) == (
            {p.id: (p.name, p.role, round(p.angle, 6), round(p.distance, 6)) for p in editor.data.people},
            {t.id: (t.a_id, t.b_id, t.quality) for t in editor.data.ties}), "the editor shows what is saved"

    a = editor.add_person(person("Birthe Holm", FAM, NEAR))
    states.append(_stored(workspace, case_id))
    b = editor.add_person(person("Karsten Bech", FRI, MID))
    states.append(_stored(workspace, case_id))

    # A move shows at once and is saved on flush.
    editor.move_person(a.id, PRO, FAR)
    assert editor.pending() == 1
    assert editor.data.person(a.id).sector == "professional"
    assert _stored(workspace, case_id) == states[-1]
    assert editor.flush() is True
    assert editor.pending() == 0
    states.append(_stored(workspace, case_id))
    assert states[-1][0][a.id] == ("Birthe Holm", "", PRO, FAR)

    step(lambda: editor.edit_person(a.id, person("Birthe Holm", PRO, FAR, role="Mormor")))
    step(lambda: editor.add_tie(b.id, a.id, "strained"))
    c = None

    def add_c() -> None:
        nonlocal c
        c = editor.add_person(person("Lone Dahl", SCH, FAR))
    step(add_c)
    step(lambda: editor.add_tie(b.id, c.id))
    tie_bc = next(t for t in editor.data.ties if c.id in (t.a_id, t.b_id))
    step(lambda: editor.remove_tie(tie_bc.id))
    step(lambda: editor.add_tie(c.id, a.id, "conflict"))
    step(lambda: editor.remove_person(a.id))  # with both of her ties
    assert states[-1] == ({b.id: ("Karsten Bech", "", FRI, MID), c.id: ("Lone Dahl", "", SCH, FAR)}, {})
    assert editor.undo_stack.count() == len(states) - 1 == 10
    assert editor.failures == []

    for k in range(len(states) - 1, 0, -1):
        editor.undo_stack.undo()
        if k == 3:  # undoing the move: shown at once, saved on the next flush
            assert editor.pending() == 1
            assert _stored(workspace, case_id) == states[3]
        editor.flush()
        assert _stored(workspace, case_id) == states[k - 1], f"after undoing step {k}"
    assert not editor.undo_stack.canUndo()
    assert _stored(workspace, case_id) == ({}, {})
    assert editor.data == n.MapData()

    for k in range(1, len(states)):
        editor.undo_stack.redo()
        editor.flush()
        assert _stored(workspace, case_id) == states[k], f"after redoing step {k}"  # same ids, ties and all
    assert not editor.undo_stack.canRedo()
    assert editor.failures == []
    # Undo and redo went through the service: audited as such.
    actions = [e.action for e in audit_entries(workspace)]
    assert actions.count("network.person.restore") == 4  # Birthe on the way back; Birthe, Karsten, Lone forward
    assert actions.count("network.person.remove") == 5


def test_moves_are_saved_only_on_flush_in_one_batch(workspace, case_id, editor):
    a = editor.add_person(person("Birthe Holm", FAM, NEAR))
    b = editor.add_person(person("Karsten Bech", FRI, MID))
    saved = _stored(workspace, case_id)
    moves_before = len(audit_entries(workspace, "network.person.move"))

    editor.move_person(a.id, SCH, MID)
    editor.move_person(b.id, PRO, NEAR)
    editor.move_person(a.id, 10.0, 140.0)  # the last place counts; beyond the map it stops at 130

    assert editor.pending() == 2
    assert _stored(workspace, case_id) == saved
    assert net_position(editor.data.person(a.id)) == (10.0, 130.0)
    assert editor.flush() is True
    assert {pid: (angle, distance) for pid, (_, _, angle, distance) in _stored(workspace, case_id)[0].items()} == {
        a.id: (10.0, 130.0), b.id: (PRO, NEAR)}
    entries = audit_entries(workspace, "network.person.move")[moves_before:]
    assert [e.detail for e in entries] == [{"people": 2}]
    assert editor.flush() is True  # nothing left to save: no second transaction
    assert len(audit_entries(workspace, "network.person.move")) == moves_before + 1
    # Three moves are three steps to undo.
    assert editor.undo_stack.count() == 5


def net_position(p: n.MapPersonView) -> tuple[float, float]:
    return round(p.angle, 6), round(p.distance, 6)


def test_a_failing_flush_keeps_the_moves_pending_until_a_later_flush_saves_them(workspace, case_id, editor,
                                                                                  monkeypatch):
    a = editor.add_person(person("Birthe Holm", FAM, NEAR))
    b = editor.add_person(person("Karsten Bech", FRI, MID))
    saved = _stored(workspace, case_id)
    editor.move_person(a.id, SCH, FAR)
    editor.move_person(b.id, PRO, MID)

    def disk_full(case_id, moves):  # type: ignore[no-untyped-def]
        raise DiskFullError()

    with monkeypatch.context() as patch:
        patch.setattr(editor.network, "move_people", disk_full)
        assert editor.flush() is False
        assert editor.pending() == 2
        assert len(editor.failures) == 1 and "disk" in editor.failures[0][1].lower()
        editor.move_person(a.id, FRI, NEAR)  # she goes on working meanwhile
        assert editor.pending() == 2
        assert editor.flush() is False
    assert _stored(workspace, case_id) == saved  # nothing saved while it failed
    assert net_position(editor.data.person(a.id)) == (FRI, NEAR)  # but still shown

    assert editor.flush() is True
    assert editor.pending() == 0
    assert {pid: (angle, distance) for pid, (_, _, angle, distance) in _stored(workspace, case_id)[0].items()} == {
        a.id: (FRI, NEAR), b.id: (PRO, MID)}


def test_the_editor_refuses_bad_input_without_an_undo_step(workspace, case_id, editor):
    a = editor.add_person(person("Birthe Holm"))
    counts, steps = _counts(workspace), editor.undo_stack.count()

    assert editor.add_person(person("  ")) is None
    assert editor.add_tie(a.id, a.id) is False
    assert editor.edit_person(a.id, person("Birthe Holm", email="birthe@")) is False

    assert [field for field, _ in editor.failures] == ["name", "tie", "email"]
    assert all(text for _, text in editor.failures)
    assert editor.undo_stack.count() == steps
    assert _counts(workspace) == counts
    assert editor.data.people == (a,)


def test_a_pending_move_of_someone_removed_elsewhere_does_not_block_the_other_moves(workspace, case_id, editor):
    a = editor.add_person(person("Birthe Holm", FAM, NEAR))
    b = editor.add_person(person("Karsten Bech", FRI, MID))
    editor.move_person(a.id, SCH, FAR)
    editor.move_person(b.id, PRO, MID)
    workspace.network.remove_person(case_id, a.id)  # by another route (not through this editor)
    c = editor.add_person(person("Ole Dam", FAM, MID))  # a reload: the map as stored now

    assert editor.pending() == 1
    assert editor.flush() is True and not editor.failures
    stored = _stored(workspace, case_id)[0]
    assert set(stored) == {b.id, c.id}
    assert stored[b.id][2:] == (PRO, MID)
