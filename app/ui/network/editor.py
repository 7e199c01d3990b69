"""Changing the map with undo and redo: every change goes through the network service first (so bad
input is refused before anything is recorded), then onto the undo stack. Moves show at once and are
saved together a moment later, in one transaction (``flush`` saves them at once, e.g. before locking).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.core.errors import KnownError
from app.services.network import dto as n
from app.services.workspace import Workspace
from app.ui.common.i18n import error_text, fill, translate

MOVE_SAVE_MS = 300


class _Command(QUndoCommand):
    """A change already made once by the editor; redo makes it again, undo takes it back."""

    def __init__(self, editor: MapEditor, text: str) -> None:
        super().__init__(text)
        self.editor = editor
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False  # it was made before it was pushed
            return
        self.editor._run(self.apply)

    def undo(self) -> None:
        self.editor._run(self.revert)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class _AddPerson(_Command):
    def __init__(self, editor: MapEditor, person: n.MapPersonView) -> None:
        super().__init__(editor, fill(translate("MapEditor", "Add {name}"), name=person.name))
        self.person = person
        self.removed = None

    def apply(self) -> None:
        self.editor.network.restore_person(self.editor.case_id, self.removed)

    def revert(self) -> None:
        self.removed = self.editor.network.remove_person(self.editor.case_id, self.person.id)


class _RemovePerson(_Command):
    def __init__(self, editor: MapEditor, removed) -> None:  # type: ignore[no-untyped-def]
        super().__init__(editor, fill(translate("MapEditor", "Remove {name}"), name=removed.person.name))
        self.removed = removed

    def apply(self) -> None:
        self.removed = self.editor.network.remove_person(self.editor.case_id, self.removed.person.id)

    def revert(self) -> None:
        self.editor.network.restore_person(self.editor.case_id, self.removed)


class _EditPerson(_Command):
    def __init__(self, editor: MapEditor, before: n.MapPersonView, after: n.MapPersonView) -> None:
        super().__init__(editor, fill(translate("MapEditor", "Change {name}"), name=after.name))
        self.before, self.after = before, after

    def apply(self) -> None:
        self.editor.network.update_person(self.editor.case_id, self.after.id, self.after.as_input())

    def revert(self) -> None:
        self.editor.network.update_person(self.editor.case_id, self.before.id, self.before.as_input())


class _MovePerson(QUndoCommand):
    def __init__(self, editor: MapEditor, person_id: str, before: tuple[float, float],
                 after: tuple[float, float]) -> None:
        super().__init__(translate("MapEditor", "Move"))
        self.editor, self.person_id, self.before, self.after = editor, person_id, before, after

    def redo(self) -> None:
        self.editor._place(self.person_id, *self.after)

    def undo(self) -> None:
        self.editor._place(self.person_id, *self.before)


class _AddTie(_Command):
    def __init__(self, editor: MapEditor, tie: n.MapTieView) -> None:
        super().__init__(editor, translate("MapEditor", "Add tie"))
        self.tie = tie

    def apply(self) -> None:
        self.editor.network.add_tie(self.editor.case_id, self.tie.a_id, self.tie.b_id, self.tie.quality, self.tie.id)

    def revert(self) -> None:
        self.editor.network.remove_tie(self.editor.case_id, self.tie.id)


class _RemoveTie(_Command):
    def __init__(self, editor: MapEditor, tie: n.MapTieView) -> None:
        super().__init__(editor, translate("MapEditor", "Remove tie"))
        self.tie = tie

    def apply(self) -> None:
        self.editor.network.remove_tie(self.editor.case_id, self.tie.id)

    def revert(self) -> None:
        self.editor.network.add_tie(self.editor.case_id, self.tie.a_id, self.tie.b_id, self.tie.quality, self.tie.id)


class _ReadMap(_Command):
    """A map read from a file onto the empty map: undo takes all of it off again, redo puts it back."""

    def __init__(self, editor: MapEditor, people: tuple[str, ...]) -> None:
        super().__init__(editor, translate("MapEditor", "Read a map from a file"))
        self.people = people
        self.removed: list = []

    def apply(self) -> None:
        for removed in reversed(self.removed):  # the last one taken off had no ties left; the first has all
            self.editor.network.restore_person(self.editor.case_id, removed)

    def revert(self) -> None:
        self.removed = [self.editor.network.remove_person(self.editor.case_id, person_id)
                        for person_id in self.people]


class MapEditor(QObject):
    """The map's data as she edits it. ``changed`` after every change but a move, ``moved(person_id)``
    after a move (frequent while she drags, so the window updates just that person); ``failed`` with a
    message."""

    changed = Signal()
    moved = Signal(str)
    failed = Signal(str, str)  # field (may be ""), message
    saved = Signal()

    def __init__(self, workspace: Workspace, case_id: str, parent: QObject | None = None,
                 data: n.MapData | None = None) -> None:
        super().__init__(parent)
        self.network = workspace.network
        self.files = workspace.network_files
        self.case_id = case_id
        self.data = data if data is not None else self.network.map_data(case_id)
        self.undo_stack = QUndoStack(self)
        self._pending: dict[str, tuple[float, float]] = {}
        self._save_timer = QTimer(self, singleShot=True, interval=MOVE_SAVE_MS)
        self._save_timer.timeout.connect(self.flush)

    # ---- changes (each returns True if it was made)

    def add_person(self, person: n.PersonInput) -> n.MapPersonView | None:
        added = self._try(lambda: self.network.add_person(self.case_id, person))
        if added is not None:
            self.undo_stack.push(_AddPerson(self, added))
            self._reload()
        return added

    def edit_person(self, person_id: str, person: n.PersonInput) -> bool:
        before = self.data.person(person_id)
        self.flush()
        after = self._try(lambda: self.network.update_person(self.case_id, person_id, person))
        if after is None or before is None:
            return False
        self.undo_stack.push(_EditPerson(self, before, after))
        self._reload()
        return True

    def move_person(self, person_id: str, angle: float, distance: float) -> None:
        person = self.data.person(person_id)
        if person is None:
            return
        distance = max(0.0, min(distance, n.MAX_DISTANCE))
        self.undo_stack.push(_MovePerson(self, person_id, (person.angle, person.distance), (angle, distance)))

    def remove_person(self, person_id: str) -> bool:
        self.flush()
        removed = self._try(lambda: self.network.remove_person(self.case_id, person_id))
        if removed is None:
            return False
        self.undo_stack.push(_RemovePerson(self, removed))
        self._reload()
        return True

    def add_tie(self, a_id: str, b_id: str, quality: str = "") -> bool:
        self.flush()
        tie = self._try(lambda: self.network.add_tie(self.case_id, a_id, b_id, quality))
        if tie is None:
            return False
        self.undo_stack.push(_AddTie(self, tie))
        self._reload()
        return True

    def remove_tie(self, tie_id: str) -> bool:
        tie = self._try(lambda: self.network.remove_tie(self.case_id, tie_id))
        if tie is None:
            return False
        self.undo_stack.push(_RemoveTie(self, tie))
        self._reload()
        return True

    def read_map(self, source: Path) -> bool:
        """Read a map file (JSON) onto the empty map, as one step she can undo."""
        self.flush()
        data = self._try(lambda: self.files.import_map(self.case_id, source))
        if data is None:
            return False
        self.undo_stack.push(_ReadMap(self, tuple(p.id for p in data.people)))
        self._reload()
        return True

    # ---- saving

    def _place(self, person_id: str, angle: float, distance: float) -> None:
        """A move: shown at once, saved with the next batch."""
        people = tuple(
            dataclasses.replace(p, angle=n.normal_angle(angle), distance=distance)
            if p.id == person_id else p for p in self.data.people)
        self.data = n.MapData(people, self.data.ties)
        self._pending[person_id] = (angle, distance)
        self._save_timer.start()
        self.moved.emit(person_id)

    def flush(self) -> bool:
        """Save the moves not yet saved; True if everything is saved."""
        self._save_timer.stop()
        if not self._pending:
            return True
        moves, self._pending = self._pending, {}
        try:
            self.network.move_people(self.case_id, moves)
        except KnownError as exc:
            self._pending = {**moves, **self._pending}
            self.failed.emit(getattr(exc, "field", ""), error_text(exc))
            return False
        self.saved.emit()
        return True

    def pending(self) -> int:
        return len(self._pending)

    # ---- helpers

    def _try(self, action):  # type: ignore[no-untyped-def]
        try:
            return action()
        except KnownError as exc:
            self.failed.emit(getattr(exc, "field", ""), error_text(exc))
            return None

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        self.flush()
        try:
            action()
        except KnownError as exc:
            self.failed.emit(getattr(exc, "field", ""), error_text(exc))
        self._reload()

    def _reload(self) -> None:
        self.data = self.network.map_data(self.case_id)
        # A move of someone no longer on the map can never be saved; it must not block the others.
        self._pending = {k: v for k, v in self._pending.items() if self.data.person(k) is not None}
        self.saved.emit()
        self.changed.emit()
