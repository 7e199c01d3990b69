#!/usr/bin/env python
"""The network map as she feels it, through the real widgets: open the window, drag a person, undo and
redo, each until the map has been repainted, in the encrypted store against plain SQLite.

Two profiles are made by ``bench/store.py``'s ``create_bench_profile`` (same code path; the data key is
the only difference), each with ``--families`` background demo families and one synthetic family whose
map has ``--people`` people (default 150, spread over all four sectors and three horizons) and
``--ties`` ties (default 300), built through ``Workspace.network`` with the same seed on both sides.
Qt runs offscreen (``QT_QPA_PLATFORM=offscreen`` unless set), with the app's style and Danish texts.

    python bench/network.py                  # 10 opens, 30 drags with undo and redo per side (about 1 min)
    python bench/network.py --quick          # 3 opens, 8 drags: a smoke check, noisy ratios
    python bench/network.py --opens 20 --drags 60 --json /tmp/network.json --screenshot /tmp/map.png

Every figure goes through the path a user's action takes, and ends when the map's view has painted
(an event filter on the view's viewport sees its ``Paint``; events are processed until then):

* ``open_map``: construct ``NetworkMapWindow(workspace, case_id)`` (opens the map: an audited read),
  ``show()``, until the first paint of the map.
* ``drag``: in an open window, ``QTest`` mouse events on the view's viewport: a press on a person,
  ``--steps`` moves of a few pixels each, the release; each of these is one frame, timed with the
  repaint that follows it (the release also pushes the move onto the undo stack and updates the list).
* ``undo`` / ``redo``: ``QTest.keyClick`` Ctrl+Z / Ctrl+Y on the window (the move taken back or made
  again), with the repaint.
* ``save``: the moved person saved (``editor.flush()``, what the editor's timer does 300 ms after a
  move), timed apart and not part of any frame above; printed so it can be compared with a frame.

The sides alternate round by round, and the side that goes first changes every time. Prints
median/p95/max, ``ratio <figure> <enc/plain>`` (from the medians) and PASS/MISS against the targets:
open and first paint within 150 ms (median), every drag, undo and redo frame within 16 ms (median;
p95 and max printed), encrypted/plain at most 1.15. Exit status 0 unless something crashed.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import platform
import pstats
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import store as store_bench  # noqa: E402  (bench/store.py: profile helper and statistics)
from helpers import quiet_qt_messages  # noqa: E402  (bench/helpers.py)
from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.services.cases import dto  # noqa: E402
from app.services.demo import DemoOptions, populate  # noqa: E402
from app.services.network import dto as n  # noqa: E402
from app.services.workspace import Workspace  # noqa: E402
from app.ui.application import create_qapplication  # noqa: E402
from app.ui.common.i18n import install_translators  # noqa: E402
from app.ui.network.scene import NetworkScene  # noqa: E402
from app.ui.network.window import NetworkMapWindow  # noqa: E402

SIDES = store_bench.SIDES

# Targets
MAX_RATIO = 1.15
MAX_OPEN_MS = 150.0
MAX_FRAME_MS = 16.0   # one frame at 60 Hz
PAINT_TIMEOUT_S = 10.0
WINDOW_SIZE = (1366, 768)  # a common laptop screen
FIGURES = ("drag", "press", "move", "drop", "undo", "redo", "save")
RATIO_CHECKED = ("open_map", "save")  # the frames never touch the database: their ratio is only printed


# Synthetic, Danish-sounding names (no real person is meant).
FIRST = ("Anne", "Birthe", "Bo", "Camilla", "Carsten", "Dorthe", "Emil", "Frederik", "Gitte", "Hanne", "Henrik",
         "Ida", "Jens", "Jette", "Karsten", "Kirsten", "Lars", "Lene", "Lone", "Mads", "Maja", "Mette", "Mikkel",
         "Nanna", "Niels", "Ole", "Pernille", "Poul", "Rasmus", "Rikke", "Søren", "Susanne", "Tove", "Trine",
         "Ulla", "Vibeke", "Åse", "Æbbe", "Øjvind", "Signe", "Thomas", "Louise", "Morten", "Helle", "Anders")
LAST = ("Andersen", "Bech", "Dahl", "Damgaard", "Frandsen", "Graversen", "Holm", "Jakobsen", "Kjær", "Kristensen",
        "Lauridsen", "Lund", "Madsen", "Mikkelsen", "Mortensen", "Nørgaard", "Østergaard", "Pedersen", "Ravn",
        "Skov", "Søndergaard", "Thomsen", "Vestergaard", "Winther", "Æbelø", "Ågaard", "Bøgh", "Krogh", "Brask")
ROLES = {
    n.SECTOR_FAMILY: ("Mormor", "Morfar", "Farmor", "Farfar", "Moster", "Faster", "Onkel", "Kusine", "Fætter",
                      "Storesøster", "Papfar", "Oldemor"),
    n.SECTOR_FRIENDS: ("Nabo", "Veninde", "Ven", "Mors veninde", "Fars ven", "Legekammerat", "Genbo",
                       "Tidligere nabo"),
    n.SECTOR_SCHOOL_WORK: ("Klasselærer", "Pædagog", "SFO-pædagog", "Håndboldtræner", "Spejderleder",
                           "Kollega", "Leder", "Støttepædagog", "Svømmetræner", "Dagplejer"),
    n.SECTOR_PROFESSIONAL: ("Egen læge", "Sygeplejerske", "Diætist", "Sagsbehandler", "PPR-psykolog",
                            "Sundhedsplejerske", "Børnelæge", "Fysioterapeut", "Socialrådgiver",
                            "Frivillig, Diabetesforeningen"),
}
SECTOR_ANGLES = {n.SECTOR_FAMILY: (0.0, 90.0), n.SECTOR_FRIENDS: (90.0, 180.0),
                 n.SECTOR_SCHOOL_WORK: (-180.0, -90.0), n.SECTOR_PROFESSIONAL: (-90.0, 0.0)}


# ------------------------------------------------------------------------------------- the map

def the_family(referred_on: date) -> dto.NewCase:
    """A synthetic family (no CPR numbers): two parents, the ill child and a sibling."""
    def member(relation: str, name: str, born: date, *diagnoses: dto.DiagnosisInput) -> dto.MemberInput:
        return dto.MemberInput(relation, name, "Bench-Vestergaard", birth_date=born, diagnoses=diagnoses)

    return dto.NewCase(
        family_name="Familien Bench-Vestergaard", template_id="herning",
        referral=dto.ReferralInput("hospital", referred_on, organisation="Børneafdelingen",
                                   reason="Nydiagnosticeret type 1-diabetes", channel="secure_mail"),
        members=(member("mor", "Mette", date(1986, 3, 2)), member("far", "Jonas", date(1984, 8, 19)),
                 member("barn", "Lærke", date(2015, 5, 5), dto.DiagnosisInput("Type 1-diabetes", "DE10")),
                 member("storebror", "Sofus", date(2012, 1, 30))),
        address="Bøgevej 3", postal_code="7400", city="Herning",
    )


def ascii_part(text: str) -> str:
    return (text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace(" ", "")
            .replace(",", "").replace("-", ""))


def people_inputs(count: int, seed: int) -> list[n.PersonInput]:
    """``count`` synthetic people, round-robin over the 12 cells (4 sectors × 3 horizons)."""
    rng = random.Random(seed)
    result = []
    used: set[str] = set()
    for k in range(count):
        sector = n.SECTORS[k % 4]
        horizon = n.HORIZONS[(k // 4) % 3]
        low, high = SECTOR_ANGLES[sector]
        inner = 0.0 if horizon == 1 else n.HORIZON_EDGES[horizon - 2]
        outer = n.HORIZON_EDGES[horizon - 1]
        while True:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if name not in used:
                used.add(name)
                break
        role = rng.choice(ROLES[sector])
        first, last = name.split()
        result.append(n.PersonInput(
            name=name, angle=rng.uniform(low + 3.0, high - 3.0), distance=rng.uniform(inner + 2.0, outer - 2.0),
            relation=role.lower() if sector == n.SECTOR_FAMILY else "", role=role,
            organisation="Lindeskolen" if role == "Klasselærer" else "",
            phone=f"{rng.randint(20, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            email=f"{ascii_part(first)}.{ascii_part(last)}@example.invalid" if rng.random() < 0.5 else "",
            support=tuple(s for s in n.SUPPORT_TYPES if rng.random() < 0.35),
            quality=rng.choices(n.QUALITIES, weights=(70, 15, 10, 5))[0],
            wants_involved=rng.random() < 0.3, invite=rng.random() < 0.2, consent_to_share=rng.random() < 0.5,
        ))
    return result


def tie_pairs(people: int, ties: int, seed: int) -> list[tuple[int, int, str]]:
    """``ties`` distinct pairs (by index), about 60 % within a sector, a few strained or in conflict."""
    rng = random.Random(seed)
    pairs: set[tuple[int, int]] = set()
    result = []
    while len(result) < ties:
        a = rng.randrange(people)
        if rng.random() < 0.6:
            b = rng.randrange(a % 4, people, 4)  # the same sector (round-robin placement)
        else:
            b = rng.randrange(people)
        key = (min(a, b), max(a, b))
        if a == b or key in pairs:
            continue
        pairs.add(key)
        result.append((a, b, rng.choices(n.TIE_QUALITIES, weights=(80, 12, 8))[0]))
    return result


def build_map(ws: Workspace, people: int, ties: int, seed: int) -> tuple[str, list[str]]:
    """The family (with consent) and its map, through the services: one committed change at a time."""
    case = ws.cases.create_case(the_family(ws.today()))
    ws.course.record_consent(case.id, dto.ConsentInput("Mette", ws.today(), "signed",
                                                       (dto.ScopeInput("participation"),)))
    ids = [ws.network.add_person(case.id, p).id for p in people_inputs(people, seed)]
    for a, b, quality in tie_pairs(people, ties, seed + 1):
        ws.network.add_tie(case.id, ids[a], ids[b], quality)
    return case.id, ids


def cells(ws: Workspace, case_id: str) -> dict[tuple[str, int], int]:
    data = ws.network.map_data(case_id)
    counts = {(s, h): 0 for s in n.SECTORS for h in n.HORIZONS}
    for p in data.people:
        counts[(p.sector, p.horizon)] += 1
    return counts


# ---------------------------------------------------------------------------------- measurements

class PaintProbe(QObject):
    """Sees each ``Paint`` of a widget (the map's viewport); ``ready`` says whether a paint counts."""

    def __init__(self, ready: Callable[[], bool] = lambda: True) -> None:
        super().__init__()
        self.ready = ready
        self.painted = False
        self.first: float | None = None  # perf_counter at the first paint of any kind

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            if self.first is None:
                self.first = time.perf_counter()
            if self.ready():
                self.painted = True
        return False


def until(app: QApplication, condition: Callable[[], bool], what: str) -> None:
    """Process events until ``condition()``; sleeps while nothing happens (a busy wait would take the
    CPU from the task runner's database thread). A paint is delivered inside ``processEvents``, so once
    the probe has seen it, the frame is drawn."""
    wake = QTimer(interval=5)  # a wait for more events ends at least this often
    wake.start()
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    try:
        while not condition():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{what} did not happen within {PAINT_TIMEOUT_S:.0f} s")
    finally:
        wake.stop()


def frame(app: QApplication, probe: PaintProbe, action: Callable[[], None]) -> float:
    """ms from the user's event until the map has been repainted."""
    app.processEvents()  # nothing left over from before is counted
    probe.painted = False
    t0 = time.perf_counter()
    action()
    until(app, lambda: probe.painted, "the map's repaint")
    return (time.perf_counter() - t0) * 1000


def close(app: QApplication, window: NetworkMapWindow) -> None:
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def open_and_draw(app: QApplication, ws: Workspace, case_id: str,
                  people: int) -> tuple[float, float, NetworkMapWindow]:
    """ms from constructing the window until its view first painted (perhaps before the map was read),
    and until it painted with all ``people`` on the map."""
    window: NetworkMapWindow | None = None
    probe = PaintProbe(lambda: window is not None and len(window.scene.people) == people)
    t0 = time.perf_counter()
    window = NetworkMapWindow(ws, case_id)
    window.resize(*WINDOW_SIZE)
    window.view.viewport().installEventFilter(probe)
    window.show()
    until(app, lambda: probe.painted, "the map's first paint with everyone on it")
    elapsed = (time.perf_counter() - t0) * 1000
    window.view.viewport().removeEventFilter(probe)
    return ((probe.first or t0) - t0) * 1000, elapsed, window


def bench_open(app: QApplication, ws: dict[str, Workspace], case: dict[str, str],
               people: int, count: int) -> dict[str, dict[str, list[float]]]:
    for side in SIDES:  # unmeasured: fonts, style and the first layout of each kind of widget
        close(app, open_and_draw(app, ws[side], case[side], people)[2])
    times: dict[str, dict[str, list[float]]] = {"open_shown": {side: [] for side in SIDES},
                                                "open_map": {side: [] for side in SIDES}}
    for r in range(count):
        for side in store_bench.order_for(r):
            gc.collect()
            shown, ms, window = open_and_draw(app, ws[side], case[side], people)
            times["open_shown"][side].append(shown)
            times["open_map"][side].append(ms)
            close(app, window)
    return times


def activate(app: QApplication, window: NetworkMapWindow) -> None:
    """Her window has the keyboard (the shortcuts are window shortcuts); not timed."""
    window.activateWindow()
    until(app, window.isActiveWindow, "the map window's activation")


def grabbable(window: NetworkMapWindow, person_id: str) -> bool:
    """She can take hold of the person at the mark's centre: no other mark or name there."""
    item = window.scene.people[person_id]
    point = window.view.mapToScene(window.view.mapFromScene(item.pos()))
    for other in window.scene.items(point.x() - 2, point.y() - 2, 4, 4, Qt.ItemSelectionMode.IntersectsItemShape,
                                    Qt.SortOrder.DescendingOrder):
        other = NetworkScene._owner(other)  # the person of a mark or a name (never parentItem(): see there)
        if other is not None and other is not item:
            return False
    return True


class Session:
    """One open window on one side, its probe, and what she has done in it."""

    def __init__(self, app: QApplication, ws: Workspace, case_id: str, people: int) -> None:
        self.app = app
        self.window = open_and_draw(app, ws, case_id, people)[2]
        self.probe = PaintProbe()
        self.viewport = self.window.view.viewport()
        self.viewport.installEventFilter(self.probe)
        self.people = sorted(self.window.scene.people)  # ids are time-ordered: the order they were added
        self.times: dict[str, list[float]] = {key: [] for key in FIGURES}

    def saved(self, t0: float) -> None:
        """Wait (outside the frames) until the editor says what she did is saved (on the task runner's
        database lane, off the GUI thread); keep the ms from her action at ``t0`` until then."""
        editor = self.window.editor
        until(self.app, lambda: not editor.saving(), "the save")
        self.times["save"].append((time.perf_counter() - t0) * 1000)

    def round(self, k: int, step: QPoint, steps: int) -> None:
        """Drag the ``k``-th person (or the next one she can take hold of) by ``steps`` × ``step`` pixels,
        then undo and redo it."""
        app, window, probe, viewport = self.app, self.window, self.probe, self.viewport
        person_id = next(p for p in self.people[k:] + self.people[:k] if grabbable(window, p))
        item = window.scene.people[person_id]
        before = item.pos()
        start = window.view.mapFromScene(before)
        activate(app, window)
        window.scene.clearSelection()  # she takes hold of someone not chosen yet (the press shows the choice)
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        frames = [frame(app, probe, lambda: QTest.mousePress(viewport, left, none, start))]
        for k in range(1, steps + 1):
            frames.append(frame(app, probe, lambda k=k: QTest.mouseMove(viewport, start + step * k)))
        end = start + step * steps
        t_drop = time.perf_counter()
        drop = frame(app, probe, lambda: QTest.mouseRelease(viewport, left, none, end))
        frames.append(drop)
        moved = window.editor.data.person(person_id)
        if moved is None or (item.pos() - before).manhattanLength() < 2 or window.editor.undo_stack.index() == 0:
            raise AssertionError(f"the drag did not move the person: {before} -> {item.pos()}, start {start}, "
                                 f"end {end}, at the start {window.scene._person_at(window.view.mapToScene(start))}, "
                                 f"{item}, stack {window.editor.undo_stack.index()}")
        self.saved(t_drop)
        at = item.pos()
        t_undo = time.perf_counter()
        undo = frame(app, probe, lambda: QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier))
        if (item.pos() - before).manhattanLength() > 0.5:
            raise AssertionError("undo did not put the person back")
        self.saved(t_undo)
        t_redo = time.perf_counter()
        redo = frame(app, probe, lambda: QTest.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier))
        if (item.pos() - at).manhattanLength() > 0.5:
            raise AssertionError("redo did not move the person again")
        self.saved(t_redo)
        self.times["drag"] += frames
        self.times["press"].append(frames[0])
        self.times["move"] += frames[1:-1]
        self.times["drop"].append(drop)
        self.times["undo"].append(undo)
        self.times["redo"].append(redo)

    def check_stored(self, ws: Workspace, case_id: str) -> None:
        stored = ws.network.map_data(case_id)
        for person in self.window.editor.data.people:
            kept = stored.person(person.id)
            if kept is None or abs(kept.distance - person.distance) > 1e-6:
                raise AssertionError("a stored position is not where she left the person")

    def close(self) -> None:
        self.viewport.removeEventFilter(self.probe)
        close(self.app, self.window)


def bench_interaction(app: QApplication, ws: dict[str, Workspace], case: dict[str, str], people: int, drags: int,
                      steps: int, seed: int,
                      profile: cProfile.Profile | None = None) -> dict[str, dict[str, list[float]]]:
    sessions = {side: Session(app, ws[side], case[side], people) for side in SIDES}
    try:
        for side in SIDES:  # unmeasured: the first drag, undo and redo of each kind
            sessions[side].round(0, QPoint(6, 4), steps)
            sessions[side].times = {key: [] for key in sessions[side].times}
        rng = random.Random(seed)
        # The same person has a different id on each side: take her by position in the list of people
        # each side can grab (ids are time-ordered and both maps are built from the same seed).
        for r in range(drags):
            step = QPoint(rng.choice((-1, 1)) * rng.randint(3, 8), rng.choice((-1, 1)) * rng.randint(3, 8))
            k = rng.randrange(1, min(len(s.people) for s in sessions.values()))
            for side in store_bench.order_for(r):
                gc.collect()
                if profile is not None and side == "encrypted":
                    profile.enable()
                sessions[side].round(k, step, steps)
                if profile is not None and side == "encrypted":
                    profile.disable()
        for side in SIDES:
            sessions[side].check_stored(ws[side], case[side])
        return {side: sessions[side].times for side in SIDES}
    finally:
        for session in sessions.values():
            session.close()


def screenshot(app: QApplication, ws: Workspace, case_id: str, people: int, target: Path) -> None:
    """The window at 1366 × 768 as she sees it, to compare with the eye before and after a change."""
    window = open_and_draw(app, ws, case_id, people)[2]
    app.processEvents()
    window.grab().save(str(target), "PNG")
    close(app, window)


# ------------------------------------------------------------------------------------ reporting

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=150, help="people on the map (150)")
    parser.add_argument("--ties", type=int, default=300, help="ties between them (300)")
    parser.add_argument("--families", type=int, default=200, help="background demo families per profile (200)")
    parser.add_argument("--opens", type=int, default=10, help="measured opens per side (10)")
    parser.add_argument("--drags", type=int, default=30, help="measured drags (each with undo and redo) per side (30)")
    parser.add_argument("--steps", type=int, default=5, help="mouse moves per drag (5)")
    parser.add_argument("--quick", action="store_true", help="3 opens, 8 drags, 50 families")
    parser.add_argument("--profile", action="store_true",
                        help="also profile one extra encrypted open and the encrypted drags (top functions)")
    parser.add_argument("--screenshot", type=Path, default=None,
                        help="save the encrypted side's window at 1366 x 768 as this PNG")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--dir", type=Path, default=None, help="folder for the two temporary profiles")
    parser.add_argument("--keep", action="store_true", help="keep the profiles (their folder is printed)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    if args.quick:
        args.opens, args.drags, args.families = 3, 8, 50

    today = date.today()
    run_start = time.perf_counter()
    print(f"bench/network.py: a map of {args.people} people and {args.ties} ties, {args.families} background "
          f"families; {args.opens} opens, {args.drags} drags ({args.steps} moves each) with undo and redo per side, "
          f"window {WINDOW_SIZE[0]} x {WINDOW_SIZE[1]}")
    print(f"  Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs, "
          f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}, load average {store_bench.load_average()}")
    quiet_qt_messages()
    app = create_qapplication()
    install_translators("da")
    tmp = Path(tempfile.mkdtemp(prefix="tovholder-bench-network-", dir=args.dir))
    print(f"  profiles under {tmp}")
    content = store_bench.load_content()
    ws: dict[str, Workspace] = {}
    results: dict = {"date": today.isoformat(), "args": {k: str(v) for k, v in vars(args).items()}, "figures": {}}
    figures: dict[str, dict[str, dict[str, float]]] = {}
    try:
        case: dict[str, str] = {}
        for side in SIDES:
            ws[side] = store_bench.create_bench_profile(tmp / side, side == "encrypted", content, today)
            t0 = time.perf_counter()
            if args.families:
                populate(ws[side], DemoOptions(families=args.families, seed=args.seed))
            case[side], _ = build_map(ws[side], args.people, args.ties, args.seed + 1)
            store_bench.checkpoint(ws[side])
            data = ws[side].network.map_data(case[side])
            spread = cells(ws[side], case[side])
            print(f"  built {side:<9} in {time.perf_counter() - t0:5.1f} s: {len(data.people)} people, "
                  f"{len(data.ties)} ties, {min(spread.values())}-{max(spread.values())} people in each of the "
                  f"{len(spread)} sector/horizon cells; database {store_bench.db_size_mb(ws[side]):.1f} MB")
        gc.collect()
        gc.freeze()  # what building left on the heap is not the app's

        if args.screenshot:
            screenshot(app, ws["encrypted"], case["encrypted"], args.people, args.screenshot)
            print(f"  the window as she sees it: {args.screenshot}")

        print(f"\n[open_map] NetworkMapWindow(workspace, case_id) + show() until the map's first paint, "
              f"{args.opens} per side (after 1 unmeasured)")
        for name, values in bench_open(app, ws, case, args.people, args.opens).items():
            figures[name] = {side: store_bench.summarise(v) for side, v in values.items()}
            store_bench.print_timing(name, figures[name])
        print("  (open_shown: the view's first paint, the map perhaps not read yet; open_map: its first paint "
              "with everyone on it)")

        print(f"\n[drag, undo, redo] QTest mouse press, {args.steps} moves and release on a person on the view's "
              f"viewport, then Ctrl+Z and Ctrl+Y on the window; each frame until the map is repainted; "
              f"{args.drags} per side (after 1 unmeasured)")
        profile = cProfile.Profile() if args.profile else None
        times = bench_interaction(app, ws, case, args.people, args.drags, args.steps, args.seed + 2, profile)
        for name in FIGURES:
            if all(times[side][name] for side in SIDES):
                figures[name] = {side: store_bench.summarise(times[side][name]) for side in SIDES}
                store_bench.print_timing(name, figures[name])
        print("  (drag: every frame of a drag; press, move and drop: its press, its moves and its release apart; "
              "save: the editor's save of one move, outside the frames)")
        if profile is not None:
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(35)
            print("\n[profile] the encrypted drags, undos and redos, by cumulative time\n" + out.getvalue())
            profile = cProfile.Profile()
            profile.enable()
            close(app, open_and_draw(app, ws["encrypted"], case["encrypted"], args.people)[2])
            profile.disable()
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(30)
            print("\n[profile] one encrypted open (and close), by cumulative time\n" + out.getvalue())
    finally:
        for workspace in ws.values():
            workspace.store.close()
        if args.keep:
            print(f"\n  kept the profiles under {tmp} (password for encrypted: {store_bench.PASSWORD!r})")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    for name, stats in figures.items():
        results["figures"][name] = {**stats, "ratio": stats["encrypted"]["median"] / stats["plain"]["median"]}
    results["raw"] = times
    elapsed = time.perf_counter() - run_start
    results["run_seconds"] = elapsed

    store_bench.print_ratios(results["figures"], figures)

    enc = {name: stats["encrypted"] for name, stats in figures.items()}
    checks = store_bench.ratio_checks(results["figures"], RATIO_CHECKED, MAX_RATIO)
    checks.append((f"open_map median <= {MAX_OPEN_MS:.0f} ms", enc["open_map"]["median"] <= MAX_OPEN_MS,
                   f"median {enc['open_map']['median']:.1f} ms, p95 {enc['open_map']['p95']:.1f}, "
                   f"max {enc['open_map']['max']:.1f}"))
    for name in ("drag", "undo", "redo"):
        checks.append((f"{name} frame median <= {MAX_FRAME_MS:.0f} ms", enc[name]["median"] <= MAX_FRAME_MS,
                       f"median {enc[name]['median']:.1f} ms, p95 {enc[name]['p95']:.1f}, max {enc[name]['max']:.1f}"))
    print(f"\nTargets (encrypted side; run time {elapsed:.0f} s, load average {store_bench.load_average()})")
    store_bench.report_targets(checks, results, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
