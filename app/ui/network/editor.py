"""Changing the map with undo and redo. What she does shows at once; the saving runs on the task
runner's database lane behind her, in the order she did things, so the save of an undo always comes
after the save of what it undoes.

* Adding or changing a person, adding a tie and reading a map from a file are checked by the service
  first: bad input is refused (``failed``, or the caller's own ``failed``) before anything is shown or
  put on the undo stack, and the step goes onto the stack when the service has saved it.
* Moves, removals, undo and redo show at once and are saved behind her. A move is saved with a key per
  person, so when several moves of one person are waiting only her last place is written.
* If such a save is refused (disk full, …), the editor says so (``failed``), shows the map as it is
  stored and lets go of the undo history, which no longer matches what is stored.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.core.errors import KnownError
from app.services.network import dto as n
from app.services.network.service import RemovedPerson
from app.services.workspace import Workspace
from app.ui.common.i18n import error_text, fill, translate
from app.ui.common.tasks import runner

Refused = Callable[[KnownError], None]


class _Step(QUndoCommand):
    """One step she can undo. ``saved``: the service has already made it (a person or tie added after
    the service checked it), so the first redo only shows it."""

    def __init__(self, editor: MapEditor, text: str, saved: bool = False) -> None:
        super().__init__(text)
        self.editor = editor
        self._saved = saved

    def redo(self) -> None:
        save, self._saved = not self._saved, False
        self.make(save)
        self.editor.changed.emit()

    def undo(self) -> None:
        self.take_back()
        self.editor.changed.emit()

    def make(self, save: bool) -> None:
        raise NotImplementedError

    def take_back(self) -> None:
        raise NotImplementedError


class _AddPerson(_Step):
    def __init__(self, editor: MapEditor, person: n.MapPersonView) -> None:
        super().__init__(editor, fill(translate("MapEditor", "Add {name}"), name=person.name), saved=True)
        self.removed = RemovedPerson(person, ())

    def make(self, save: bool) -> None:
        self.editor._restore(self.removed, save)

    def take_back(self) -> None:
        self.removed = self.editor._remove(self.removed.person.id) or self.removed


class _RemovePerson(_Step):
    def __init__(self, editor: MapEditor, person: n.MapPersonView) -> None:
        super().__init__(editor, fill(translate("MapEditor", "Remove {name}"), name=person.name))
        self.removed = RemovedPerson(person, ())

    def make(self, save: bool) -> None:
        self.removed = self.editor._remove(self.removed.person.id) or self.removed

    def take_back(self) -> None:
        self.editor._restore(self.removed, True)


class _EditPerson(_Step):
    def __init__(self, editor: MapEditor, before: n.MapPersonView, after: n.MapPersonView) -> None:
        super().__init__(editor, fill(translate("MapEditor", "Change {name}"), name=after.name), saved=True)
        self.before, self.after = before, after

    def make(self, save: bool) -> None:
        self.editor._replace(self.after, save)

    def take_back(self) -> None:
        self.editor._replace(self.before, True)


class _MovePerson(QUndoCommand):
    def __init__(self, editor: MapEditor, person_id: str, before: tuple[float, float],
                 after: tuple[float, float]) -> None:
        super().__init__(translate("MapEditor", "Move"))
        self.editor, self.person_id, self.before, self.after = editor, person_id, before, after

    def redo(self) -> None:
        self.editor._place(self.person_id, *self.after)

    def undo(self) -> None:
        self.editor._place(self.person_id, *self.before)


class _AddTie(_Step):
    def __init__(self, editor: MapEditor, tie: n.MapTieView) -> None:
        super().__init__(editor, translate("MapEditor", "Add tie"), saved=True)
        self.tie = tie

    def make(self, save: bool) -> None:
        self.editor._tie(self.tie, save)

    def take_back(self) -> None:
        self.editor._untie(self.tie)


class _RemoveTie(_Step):
    def __init__(self, editor: MapEditor, tie: n.MapTieView) -> None:
        super().__init__(editor, translate("MapEditor", "Remove tie"))
        self.tie = tie

    def make(self, save: bool) -> None:
        self.editor._untie(self.tie)

    def take_back(self) -> None:
        self.editor._tie(self.tie, True)


class _ReadMap(_Step):
    """A map read from a file onto the empty map: undo takes all of it off again, redo puts it back."""

    def __init__(self, editor: MapEditor, data: n.MapData) -> None:
        super().__init__(editor, translate("MapEditor", "Read a map from a file"), saved=True)
        self.data = data
        self.removed: list[RemovedPerson] = []

    def make(self, save: bool) -> None:
        if not save:
            self.editor.data = self.data  # the map was empty: what the service read in is all of it
            return
        for removed in reversed(self.removed):  # the last one taken off had no ties left; the first has all
            self.editor._restore(removed, True)

    def take_back(self) -> None:
        self.removed = [removed for p in self.data.people if (removed := self.editor._remove(p.id))]


class MapEditor(QObject):
    """The map's data as she edits it. ``changed`` after every change but a move, ``moved(person_id)``
    after a move (frequent while she drags, so the window updates just that person); ``failed(field,
    message)`` when something is refused; ``saved`` when the saving state changes (``saving()``)."""

    changed = Signal()
    moved = Signal(str)
    failed = Signal(str, str)  # field (may be ""), message
    saved = Signal()

    def __init__(self, workspace: Workspace, case_id: str, parent: QObject | None = None,
                 data: n.MapData | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.case_id = case_id
        self.data = data if data is not None else n.MapData()
        self.undo_stack = QUndoStack(self)
        self._saving: dict[object, object] = {}  # slot (a move's key, or the token itself) -> token
        self._era = 0  # moves queued in different eras never replace each other (see _place)
        self._queued = 0  # every save asked for, to know whether a read of the map is still current
        runner().unexpected.connect(self._after_a_bug)

    def load(self, data: n.MapData) -> None:
        """Show the map as read from the database (when the window has opened it)."""
        self.data = data
        self.changed.emit()

    # ---- changes she makes (the service checks the ones she types)

    def add_person(self, person: n.PersonInput, done: Callable[[n.MapPersonView], None] | None = None,
                   failed: Refused | None = None) -> None:
        """Add a person once the service has checked and saved her; then ``done(person)``."""
        case_id = self.case_id
        on_done, on_failed = self._track(None, lambda added: self._added(added, done), failed or self._say)
        runner().db(lambda: self.workspace.network.add_person(case_id, person),
                    owner=self, done=on_done, failed=on_failed)

    def _added(self, person: n.MapPersonView, done: Callable[[n.MapPersonView], None] | None) -> None:
        self.undo_stack.push(_AddPerson(self, person))
        if done is not None:
            done(person)

    def edit_person(self, person_id: str, person: n.PersonInput,
                    done: Callable[[n.MapPersonView], None] | None = None, failed: Refused | None = None) -> bool:
        """Change a person: shown at once (so a next change builds on this one), a step to undo once the
        service has checked and saved it; taken back if it is refused. False if she is not on the map."""
        before = self.data.person(person_id)
        if before is None:
            return False
        shown = n.MapPersonView(id=person_id, **{**person.__dict__, "angle": n.normal_angle(person.angle)})
        self._replace(shown, False)
        self.changed.emit()
        case_id = self.case_id
        on_done, on_failed = self._track(None, lambda after: self._edited(before, shown, after, done),
                                         lambda exc: self._edit_refused(before, shown, exc, failed))
        runner().db(lambda: self.workspace.network.update_person(case_id, person_id, person),
                    owner=self, done=on_done, failed=on_failed)
        return True

    def _edited(self, before: n.MapPersonView, shown: n.MapPersonView, after: n.MapPersonView,
                done: Callable[[n.MapPersonView], None] | None) -> None:
        now = self.data.person(after.id)
        if now is not None:  # (removed meanwhile: the removal, saved after this, wins)
            self.undo_stack.push(_EditPerson(self, before, after))  # shows her as the service saved her
            if now != shown:  # changed again since (moved, or the next change): that stays on screen
                self._replace(now, False)
                self.changed.emit()
        if done is not None:
            done(after)

    def _edit_refused(self, before: n.MapPersonView, shown: n.MapPersonView, exc: KnownError,
                      failed: Refused | None) -> None:
        if self.data.person(before.id) == shown:
            self._replace(before, False)
            self.changed.emit()
        else:  # changed again since: show what is stored
            self._reload()
        (failed or self._say)(exc)

    def move_person(self, person_id: str, angle: float, distance: float) -> None:
        person = self.data.person(person_id)
        if person is None:
            return
        distance = max(0.0, min(distance, n.MAX_DISTANCE))
        self.undo_stack.push(_MovePerson(self, person_id, (person.angle, person.distance), (angle, distance)))

    def remove_person(self, person_id: str) -> bool:
        person = self.data.person(person_id)
        if person is None:
            return False
        self.undo_stack.push(_RemovePerson(self, person))
        return True

    def add_tie(self, a_id: str, b_id: str, quality: str = "", failed: Refused | None = None) -> None:
        """Tie two people once the service has checked it (not with oneself, once per pair)."""
        case_id = self.case_id
        on_done, on_failed = self._track(None, lambda tie: self.undo_stack.push(_AddTie(self, tie)),
                                         failed or self._say)
        runner().db(lambda: self.workspace.network.add_tie(case_id, a_id, b_id, quality),
                    owner=self, done=on_done, failed=on_failed)

    def remove_tie(self, tie_id: str) -> bool:
        tie = next((t for t in self.data.ties if t.id == tie_id), None)
        if tie is None:
            return False
        self.undo_stack.push(_RemoveTie(self, tie))
        return True

    def read_map(self, source: Path) -> None:
        """Read a map file (JSON) onto the empty map, as one step she can undo; a bad file is refused."""
        case_id = self.case_id
        on_done, on_failed = self._track(None, lambda data: self.undo_stack.push(_ReadMap(self, data)), self._say)
        runner().db(lambda: self.workspace.network_files.import_map(case_id, source),
                    owner=self, done=on_done, failed=on_failed)

    # ---- what the steps do: shown at once, saved on the lane

    def _remove(self, person_id: str) -> RemovedPerson | None:
        """Take a person and her ties off the map (what restoring needs to put them back)."""
        person = self.data.person(person_id)
        if person is None:  # not shown (the map was read again after a refused save)
            return None
        ties = tuple(t for t in self.data.ties if person_id in (t.a_id, t.b_id))
        self.data = n.MapData(tuple(p for p in self.data.people if p.id != person_id),
                              tuple(t for t in self.data.ties if t not in ties))
        case_id = self.case_id
        on_done, on_failed = self._track(None)
        runner().db(lambda: self.workspace.network.remove_person(case_id, person_id),
                    owner=self, done=on_done, failed=on_failed)
        return RemovedPerson(person, ties)

    def _restore(self, removed: RemovedPerson, save: bool) -> None:
        if self.data.person(removed.person.id) is not None:
            return
        self.data = n.MapData((*self.data.people, removed.person), (*self.data.ties, *removed.ties))
        if save:
            case_id = self.case_id
            on_done, on_failed = self._track(None)
            runner().db(lambda: self.workspace.network.restore_person(case_id, removed),
                        owner=self, done=on_done, failed=on_failed)

    def _replace(self, person: n.MapPersonView, save: bool) -> None:
        self.data = n.MapData(tuple(person if p.id == person.id else p for p in self.data.people), self.data.ties)
        if save:
            case_id, values = self.case_id, person.as_input()
            on_done, on_failed = self._track(None)
            runner().db(lambda: self.workspace.network.update_person(case_id, person.id, values),
                        owner=self, done=on_done, failed=on_failed)

    def _tie(self, tie: n.MapTieView, save: bool) -> None:
        self.data = n.MapData(self.data.people, (*self.data.ties, tie))
        if save:
            case_id = self.case_id
            on_done, on_failed = self._track(None)
            runner().db(lambda: self.workspace.network.add_tie(case_id, tie.a_id, tie.b_id, tie.quality, tie.id),
                        owner=self, done=on_done, failed=on_failed)

    def _untie(self, tie: n.MapTieView) -> None:
        self.data = n.MapData(self.data.people, tuple(t for t in self.data.ties if t.id != tie.id))
        case_id = self.case_id
        on_done, on_failed = self._track(None)
        runner().db(lambda: self.workspace.network.remove_tie(case_id, tie.id),
                    owner=self, done=on_done, failed=on_failed)

    def _place(self, person_id: str, angle: float, distance: float) -> None:
        """A move: shown at once; only the last place of a person is written when several wait."""
        if self.data.person(person_id) is None:
            return
        people = tuple(
            dataclasses.replace(p, angle=n.normal_angle(angle), distance=distance)
            if p.id == person_id else p for p in self.data.people)
        self.data = n.MapData(people, self.data.ties)
        self.moved.emit(person_id)
        # The era keeps a waiting move from being overtaken: a move asked for after a removal or a
        # change of the same person must be written after it, not in the place of an earlier move.
        key = f"move:{person_id}:{self._era}"
        case_id = self.case_id
        on_done, on_failed = self._track(key)
        runner().db(lambda: self.workspace.network.move_person(case_id, person_id, angle, distance),
                    owner=self, done=on_done, failed=on_failed, key=key)

    # ---- saving

    def saving(self) -> bool:
        """Some of her changes are still on their way to the disk."""
        return bool(self._saving)

    def _track(self, key: str | None, then: Callable[[Any], None] | None = None,
               refused: Refused | None = None) -> tuple[Callable[[Any], None], Refused]:
        """The callbacks of one save: they keep ``saving()`` true until it is done or refused. A save
        waiting under ``key`` is replaced by the newest one (whose callbacks are then the ones called)."""
        token = object()
        slot = key if key is not None else token
        self._saving[slot] = token
        self._queued += 1
        if key is None:
            self._era += 1
        self.saved.emit()

        def settle() -> None:
            if self._saving.get(slot) is token:
                del self._saving[slot]
            if runner().idle:  # (a save that hit a bug had no callback to say it is over)
                self._saving.clear()
            self.saved.emit()

        def done(result: Any) -> None:
            settle()
            if then is not None:
                then(result)

        def failed(exc: KnownError) -> None:
            settle()
            (refused or self._refused)(exc)

        return done, failed

    def _after_a_bug(self, _exc: BaseException) -> None:
        # A bug calls neither callback (the application reports it); once nothing runs, nothing is saving.
        if self._saving and runner().idle:
            self._saving.clear()
            self.saved.emit()

    def _say(self, exc: KnownError) -> None:
        self.failed.emit(getattr(exc, "field", ""), error_text(exc))

    def _refused(self, exc: KnownError) -> None:
        """A change already shown was not saved: say so, and show the map as it is stored."""
        self._say(exc)
        self.undo_stack.clear()  # its steps would undo what is not stored
        self._reload()

    def _reload(self) -> None:
        case_id, queued = self.case_id, self._queued
        runner().db(lambda: self.workspace.network.map_data(case_id),
                    owner=self, done=lambda data: self._reloaded(data, queued), failed=self._say)

    def _reloaded(self, data: n.MapData, queued: int) -> None:
        if queued != self._queued:  # she changed more meanwhile: read what is stored after that too
            self._reload()
            return
        self.load(data)
