"""``MapEditor``: what she does shows at once and is saved behind her on the task runner's lane, in
order, so undo and redo stay right with saves in flight; bad input is refused before it becomes a
step; a refused save (disk full) is said and the map shows what is stored."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from app.core.errors import DiskFullError, RecordGoneError
from app.services.network import dto as n
from app.ui.common.i18n import error_text
from app.ui.common.tasks import runner
from tests.helpers.db import audit_entries
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
    _stored,
    person,
)
from tests.helpers.tasks import settle


@pytest.fixture
def case_id(workspace) -> str:  # type: ignore[no-untyped-def]
    return _case(workspace)


@pytest.fixture
def editor(qtbot, workspace, case_id):  # type: ignore[no-untyped-def]
    from app.ui.network.editor import MapEditor

    editor = MapEditor(workspace, case_id)
    editor.failures = []  # type: ignore[attr-defined]
    editor.failed.connect(lambda field, text: editor.failures.append((field, text)))
    yield editor
    settle(qtbot)
    editor.deleteLater()


@contextmanager
def lane_held() -> Iterator[None]:
    """The database lane busy with something else until the block ends (what she does meanwhile waits
    there, in order)."""
    gate = threading.Event()
    runner().db(lambda: gate.wait(10))
    try:
        yield
    finally:
        gate.set()


def add(qtbot, editor, new: n.PersonInput) -> n.MapPersonView:  # type: ignore[no-untyped-def]
    added: list[n.MapPersonView] = []
    editor.add_person(new, done=added.append)
    settle(qtbot)
    [person_added] = added
    assert editor.data.person(person_added.id) == person_added
    return person_added


def shown(editor) -> tuple[dict, dict]:  # type: ignore[no-untyped-def]
    return ({p.id: (p.name, p.role, round(p.angle, 6), round(p.distance, 6)) for p in editor.data.people},
            {t.id: (t.a_id, t.b_id, t.quality) for t in editor.data.ties})


def net_position(p: n.MapPersonView) -> tuple[float, float]:
    return round(p.angle, 6), round(p.distance, 6)


def test_the_editor_adds_moves_ties_and_removes_then_undoes_all_of_it_and_redoes_it(qtbot, workspace, case_id,
                                                                                  editor):
    states = [_stored(workspace, case_id)]
    assert states[0] == ({}, {})

    def step(action) -> None:  # type: ignore[no-untyped-def]
        action()
        settle(qtbot)
        states.append(_stored(workspace, case_id))
        assert states[-1] == shown(editor), "the editor shows what is saved"

    a = add(qtbot, editor, person("Birthe Holm", FAM, NEAR))
    states.append(_stored(workspace, case_id))
    b = add(qtbot, editor, person("Karsten Bech", FRI, MID))
    states.append(_stored(workspace, case_id))

    # A move shows at once and is saved behind her.
    editor.move_person(a.id, PRO, FAR)
    assert editor.data.person(a.id).sector == "professional"
    settle(qtbot)
    assert not editor.saving()
    states.append(_stored(workspace, case_id))
    assert states[-1][0][a.id] == ("Birthe Holm", "", PRO, FAR)

    step(lambda: editor.edit_person(a.id, person("Birthe Holm", PRO, FAR, role="Mormor")))
    step(lambda: editor.add_tie(b.id, a.id, "strained"))
    c = add(qtbot, editor, person("Lone Dahl", SCH, FAR))
    states.append(_stored(workspace, case_id))
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
        assert shown(editor) == states[k - 1], f"shown at once after undoing step {k}"
        settle(qtbot)
        assert _stored(workspace, case_id) == states[k - 1], f"after undoing step {k}"
    assert not editor.undo_stack.canUndo()
    assert _stored(workspace, case_id) == ({}, {})
    assert editor.data == n.MapData()

    for k in range(1, len(states)):
        editor.undo_stack.redo()
        settle(qtbot)
        assert _stored(workspace, case_id) == states[k] == shown(editor), f"after redoing step {k}"
    assert not editor.undo_stack.canRedo()
    assert editor.failures == []
    # Undo and redo went through the service: audited as such.
    actions = [e.action for e in audit_entries(workspace)]
    assert actions.count("network.person.restore") == 4  # Birthe on the way back; Birthe, Karsten, Lone forward
    assert actions.count("network.person.remove") == 5


def test_undo_and_redo_with_the_saves_still_waiting_are_saved_in_her_order(qtbot, workspace, case_id, editor):
    a = add(qtbot, editor, person("Birthe Holm", FAM, NEAR))
    b = add(qtbot, editor, person("Karsten Bech", FRI, MID))
    editor.add_tie(a.id, b.id)
    settle(qtbot)
    saved = _stored(workspace, case_id)

    with lane_held():
        editor.remove_person(a.id)  # with her tie
        editor.move_person(b.id, PRO, FAR)
        editor.undo_stack.undo()  # the move
        editor.undo_stack.undo()  # the removal: she is back, tie and all
        editor.undo_stack.redo()  # removed again
        assert editor.saving()
        assert _stored(workspace, case_id) == saved  # nothing written yet
        assert set(shown(editor)[0]) == {b.id} and not editor.data.ties
        expected = shown(editor)
    settle(qtbot)

    assert _stored(workspace, case_id) == expected
    assert not editor.saving() and editor.failures == []
    editor.undo_stack.undo()
    settle(qtbot)
    assert _stored(workspace, case_id) == saved == shown(editor)


def test_only_the_last_place_of_a_person_is_written_while_her_moves_wait(qtbot, workspace, case_id, editor):
    a = add(qtbot, editor, person("Birthe Holm", FAM, NEAR))
    b = add(qtbot, editor, person("Karsten Bech", FRI, MID))
    moves_before = len(audit_entries(workspace, "network.person.move"))

    with lane_held():
        editor.move_person(a.id, SCH, MID)
        editor.move_person(b.id, PRO, NEAR)
        editor.move_person(a.id, 10.0, 140.0)  # the last place counts; beyond the map it stops at 130
        assert net_position(editor.data.person(a.id)) == (10.0, 130.0)
    settle(qtbot)

    assert {pid: (angle, distance) for pid, (_, _, angle, distance) in _stored(workspace, case_id)[0].items()} == {
        a.id: (10.0, 130.0), b.id: (PRO, NEAR)}
    assert len(audit_entries(workspace, "network.person.move")) == moves_before + 2  # one per person
    # Three moves are three steps to undo.
    assert editor.undo_stack.count() == 5


def test_a_refused_save_is_said_and_the_map_shows_what_is_stored(qtbot, workspace, case_id, editor, monkeypatch):
    a = add(qtbot, editor, person("Birthe Holm", FAM, NEAR))
    b = add(qtbot, editor, person("Karsten Bech", FRI, MID))
    saved = _stored(workspace, case_id)

    def disk_full(*args):  # type: ignore[no-untyped-def]
        raise DiskFullError()

    with monkeypatch.context() as patch:
        patch.setattr(workspace.network, "move_person", disk_full)
        editor.move_person(a.id, SCH, FAR)
        assert net_position(editor.data.person(a.id)) == (SCH, FAR)  # shown at once ...
        settle(qtbot)
        assert len(editor.failures) == 1 and "disk" in editor.failures[0][1].lower()
        assert net_position(editor.data.person(a.id)) == (FAM, NEAR)  # ... and back where she is stored
        assert shown(editor) == saved == _stored(workspace, case_id)
        assert editor.undo_stack.count() == 0  # its steps no longer match what is stored

    editor.move_person(b.id, PRO, MID)  # she goes on working: saved again as usual
    settle(qtbot)
    assert _stored(workspace, case_id)[0][b.id][2:] == (PRO, MID)
    assert len(editor.failures) == 1


def test_the_editor_refuses_bad_input_without_an_undo_step(qtbot, workspace, case_id, editor):
    a = add(qtbot, editor, person("Birthe Holm"))
    counts, steps = _counts(workspace), editor.undo_stack.count()

    editor.add_person(person("  "))
    editor.add_tie(a.id, a.id)
    assert editor.edit_person(a.id, person("Birthe Holm", email="birthe@")) is True  # asked for
    settle(qtbot)

    assert [field for field, _ in editor.failures] == ["name", "tie", "email"]
    assert all(text for _, text in editor.failures)
    assert editor.undo_stack.count() == steps
    assert _counts(workspace) == counts
    assert editor.data.people == (a,)  # the refused change is taken back on the map


def test_a_move_of_someone_removed_elsewhere_is_told_calmly_and_the_other_moves_are_saved(
        qtbot, workspace, case_id, editor):
    a = add(qtbot, editor, person("Birthe Holm", FAM, NEAR))
    b = add(qtbot, editor, person("Karsten Bech", FRI, MID))
    workspace.network.remove_person(case_id, a.id)  # by another route (another window; later, sync)
    bugs: list[BaseException] = []
    runner().unexpected.connect(bugs.append)

    try:
        editor.move_person(a.id, SCH, FAR)
        editor.move_person(b.id, PRO, MID)
        settle(qtbot)
    finally:
        runner().unexpected.disconnect(bugs.append)

    assert bugs == []  # not a bug: she is told the person is no longer there ...
    assert [text for _, text in editor.failures] == [error_text(RecordGoneError())]
    stored = _stored(workspace, case_id)[0]
    assert set(stored) == {b.id} and stored[b.id][2:] == (PRO, MID)  # ... and the other move is saved
    assert [p.id for p in editor.data.people] == [b.id]  # the map shows what is stored
    assert not editor.saving()
