#!/usr/bin/env python
"""The network map window on a big map: open and draw it, and 1,000 scripted moves, in the encrypted
store against plain SQLite.

Two profiles are made by ``bench/store.py``'s ``create_bench_profile`` (same code path; the data key is
the only difference), each with ``--families`` background demo families and one synthetic family whose
map has ``--people`` people (default 150, spread over all four sectors and three horizons) and
``--ties`` ties (default 300), built through ``Workspace.network`` with the same seed on both sides.
Qt runs offscreen (``QT_QPA_PLATFORM=offscreen`` unless set), with the app's style and Danish texts.

    python bench/network.py                  # 10 opens and 5 × 1,000 moves per side (about 1 min)
    python bench/network.py --quick          # 3 opens and 2 × 200 moves: a smoke check, noisy ratios
    python bench/network.py --opens 20 --moves 2000 --move-runs 7 --json /tmp/network.json

Figures (the sides alternate run by run, and the side that goes first changes every time):

* ``open_map``: from constructing ``NetworkMapWindow(workspace, case_id)`` (which opens the map:
  one audited read) through ``show()`` until the map's view has painted for the first time (an
  event filter on the view's viewport sees the first ``Paint``; events are processed until then).
* ``moves``: ``window.editor.move_person(...)`` ``--moves`` times (random people, random positions),
  the window's scene, list and measures following each move as they do when she drags, then
  ``editor.flush()`` (the batch saved in one transaction). The stored positions are checked after.

Prints ``ratio open_map <enc/plain>`` and ``ratio moves <enc/plain>`` (from the medians) and PASS/MISS
against the targets: the map open and drawn within 200 ms (median and max), the 1,000 moves within
1 s (median), encrypted/plain at most 1.15. Exit status 0 unless something crashed.
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
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import store as store_bench  # noqa: E402  (bench/store.py: profile helper and statistics)
from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.services import dto  # noqa: E402
from app.services import network_dto as n  # noqa: E402
from app.services.demo import DemoOptions, populate  # noqa: E402
from app.services.workspace import Workspace  # noqa: E402
from app.ui.application import create_qapplication  # noqa: E402
from app.ui.common.i18n import install_translators  # noqa: E402
from app.ui.network.scene import to_scene  # noqa: E402
from app.ui.network.window import NetworkMapWindow  # noqa: E402

SIDES = store_bench.SIDES

# Targets
MAX_RATIO = 1.15
MAX_OPEN_MS = 200.0
MAX_MOVES_MS = 1000.0  # for 1,000 moves; scaled to --moves
PAINT_TIMEOUT_S = 10.0

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


def quiet_qt_messages() -> None:
    """Drop the offscreen plugin's notice that it cannot propagate size hints (printed for every
    window; the tests ignore it too); every other Qt message still goes to stderr."""
    def handler(mode: QtMsgType, context, message: str) -> None:  # type: ignore[no-untyped-def]
        if "does not support propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


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
    """Sees the first ``Paint`` of a widget (the map's viewport)."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def close(app: QApplication, window: NetworkMapWindow) -> None:
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def open_and_draw(app: QApplication, ws: Workspace, case_id: str) -> tuple[float, NetworkMapWindow]:
    """ms from constructing the window until its map has painted once."""
    probe = PaintProbe()
    t0 = time.perf_counter()
    window = NetworkMapWindow(ws, case_id)
    window.view.viewport().installEventFilter(probe)
    window.show()
    deadline = t0 + PAINT_TIMEOUT_S
    while not probe.painted:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if time.perf_counter() > deadline:
            raise RuntimeError("the map was not painted within 10 s")
    elapsed = (time.perf_counter() - t0) * 1000
    window.view.viewport().removeEventFilter(probe)
    return elapsed, window


def bench_open(app: QApplication, ws: dict[str, Workspace], case: dict[str, str],
               count: int) -> dict[str, list[float]]:
    for side in SIDES:  # unmeasured: fonts, style and the first layout of each kind of widget
        close(app, open_and_draw(app, ws[side], case[side])[1])
    times: dict[str, list[float]] = {side: [] for side in SIDES}
    for r in range(count):
        for side in store_bench.order_for(r):
            gc.collect()
            ms, window = open_and_draw(app, ws[side], case[side])
            times[side].append(ms)
            close(app, window)
    return times


def audit_entries(ws: Workspace) -> int:
    with ws.store.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar()


def scripted_moves(people: list[str], count: int, seed: int) -> list[tuple[int, float, float]]:
    rng = random.Random(seed)
    return [(rng.randrange(len(people)), rng.uniform(-180.0, 180.0), rng.uniform(3.0, 100.0)) for _ in range(count)]


def run_moves(app: QApplication, ws: Workspace, case_id: str, ids: list[str],
              moves: list[tuple[int, float, float]], profile: cProfile.Profile | None = None) -> dict[str, float]:
    """One run: a fresh window (unmeasured), then the moves and the flush (measured)."""
    _, window = open_and_draw(app, ws, case_id)
    editor = window.editor
    audit_before = audit_entries(ws)
    gc.collect()
    per_move = []
    if profile is not None:
        profile.enable()
    t0 = time.perf_counter()
    for index, angle, distance in moves:
        t = time.perf_counter()
        editor.move_person(ids[index], angle, distance)
        per_move.append((time.perf_counter() - t) * 1000)
    t1 = time.perf_counter()
    audit_during = audit_entries(ws) - audit_before  # outside the timing (both sides alike)
    t1b = time.perf_counter()
    saved = editor.flush()
    t2 = time.perf_counter()
    if profile is not None:
        profile.disable()
    if not saved or editor.pending():
        raise AssertionError("the moves were not saved")
    last = {ids[index]: (angle, distance) for index, angle, distance in moves}
    stored = ws.network.map_data(case_id)
    for person_id, (angle, distance) in last.items():
        p = stored.person(person_id)
        if p is None or abs(p.distance - distance) > 1e-9 or abs(p.angle - angle) > 1e-9:
            raise AssertionError("a stored position is not the last move")
    for person_id, (angle, distance) in last.items():  # the scene followed every move
        if (window.scene.people[person_id].pos() - to_scene(angle, distance)).manhattanLength() > 0.01:
            raise AssertionError("the scene does not show a person where she was moved")
    close(app, window)
    return {"total": (t2 - t1b + t1 - t0) * 1000, "moves": (t1 - t0) * 1000, "flush": (t2 - t1b) * 1000,
            "audit_during_moves": audit_during,
            "per_move_median": statistics.median(per_move), "per_move_p95": store_bench.percentile(per_move, 95),
            "per_move_max": max(per_move), "saved_people": len(last)}


def bench_moves(app: QApplication, ws: dict[str, Workspace], case: dict[str, str], ids: dict[str, list[str]],
                count: int, runs: int, seed: int) -> dict[str, list[dict[str, float]]]:
    for side in SIDES:  # unmeasured: one short run per side
        run_moves(app, ws[side], case[side], ids[side], scripted_moves(ids[side], 20, seed - 1))
    results: dict[str, list[dict[str, float]]] = {side: [] for side in SIDES}
    for r in range(runs):
        moves = scripted_moves(ids["plain"], count, seed + r)  # the same people and places on both sides
        for side in store_bench.order_for(r):
            results[side].append(run_moves(app, ws[side], case[side], ids[side], moves))
    return results


# ------------------------------------------------------------------------------------ reporting

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=150, help="people on the map (150)")
    parser.add_argument("--ties", type=int, default=300, help="ties between them (300)")
    parser.add_argument("--families", type=int, default=200, help="background demo families per profile (200)")
    parser.add_argument("--opens", type=int, default=10, help="measured opens per side (10)")
    parser.add_argument("--moves", type=int, default=1000, help="moves per run (1000)")
    parser.add_argument("--move-runs", type=int, default=5, help="measured runs of the moves per side (5)")
    parser.add_argument("--quick", action="store_true", help="3 opens, 2 runs of 200 moves, 50 families")
    parser.add_argument("--profile", action="store_true",
                        help="also profile one extra encrypted open and run of the moves (top functions)")
    parser.add_argument("--saved-version", action="store_true",
                        help="save a version of each map before measuring (the window then also reads the "
                             "latest version, audited, on every change)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--dir", type=Path, default=None, help="folder for the two temporary profiles")
    parser.add_argument("--keep", action="store_true", help="keep the profiles (their folder is printed)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    if args.quick:
        args.opens, args.moves, args.move_runs, args.families = 3, 200, 2, 50

    today = date.today()
    run_start = time.perf_counter()
    print(f"bench/network.py: a map of {args.people} people and {args.ties} ties, {args.families} background "
          f"families; {args.opens} opens, {args.move_runs} × {args.moves} moves per side")
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
    try:
        case: dict[str, str] = {}
        ids: dict[str, list[str]] = {}
        for side in SIDES:
            ws[side] = store_bench.create_bench_profile(tmp / side, side == "encrypted", content, today)
            t0 = time.perf_counter()
            if args.families:
                populate(ws[side], DemoOptions(families=args.families, seed=args.seed))
            case[side], ids[side] = build_map(ws[side], args.people, args.ties, args.seed + 1)
            if args.saved_version:
                ws[side].network.save_version(case[side], "Ved første samtale")
            store_bench.checkpoint(ws[side])
            data = ws[side].network.map_data(case[side])
            spread = cells(ws[side], case[side])
            print(f"  built {side:<9} in {time.perf_counter() - t0:5.1f} s: {len(data.people)} people, "
                  f"{len(data.ties)} ties, {min(spread.values())}-{max(spread.values())} people in each of the "
                  f"{len(spread)} sector/horizon cells; database {store_bench.db_size_mb(ws[side]):.1f} MB")
        gc.collect()
        gc.freeze()  # what building left on the heap is not the app's

        print(f"\n[open_map] NetworkMapWindow(workspace, case_id) + show() until the map's first paint, "
              f"{args.opens} per side (after 1 unmeasured)")
        opened = {side: store_bench.summarise(v) for side, v in bench_open(app, ws, case, args.opens).items()}
        store_bench.print_timing("open_map", opened)

        print(f"\n[moves] editor.move_person × {args.moves} (the window following each), then editor.flush(); "
              f"{args.move_runs} runs per side (after 1 short unmeasured run)")
        runs = bench_moves(app, ws, case, ids, args.moves, args.move_runs, args.seed + 2)
        moved = {side: store_bench.summarise([r["total"] for r in runs[side]]) for side in SIDES}
        store_bench.print_timing("moves (total)", moved)
        for side in SIDES:
            parts = {key: statistics.median(r[key] for r in runs[side]) for key in runs[side][0]}
            print(f"  {side:<9} medians: moves {parts['moves']:.0f} ms + flush {parts['flush']:.1f} ms "
                  f"({parts['saved_people']:.0f} people saved in one transaction); per move "
                  f"{parts['per_move_median']:.2f} ms (p95 {parts['per_move_p95']:.2f}, max {parts['per_move_max']:.1f}); "
                  f"audit entries written before the flush: {parts['audit_during_moves']:.0f}")
            results[f"moves_parts_{side}"] = parts
        if args.profile:
            profile = cProfile.Profile()
            profile.enable()
            close(app, open_and_draw(app, ws["encrypted"], case["encrypted"])[1])
            profile.disable()
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(30)
            print("\n[profile] one encrypted open (and close), by cumulative time\n" + out.getvalue())
            profile = cProfile.Profile()
            run_moves(app, ws["encrypted"], case["encrypted"], ids["encrypted"],
                      scripted_moves(ids["encrypted"], args.moves, args.seed + 99), profile)
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(30)
            print("\n[profile] one encrypted run of the moves, by cumulative time\n" + out.getvalue())
    finally:
        for workspace in ws.values():
            workspace.store.close()
        if args.keep:
            print(f"\n  kept the profiles under {tmp} (password for encrypted: {store_bench.PASSWORD!r})")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    figures = {"open_map": opened, "moves": moved}
    for name, stats in figures.items():
        results["figures"][name] = {**stats, "ratio": stats["encrypted"]["median"] / stats["plain"]["median"]}
    elapsed = time.perf_counter() - run_start
    results["run_seconds"] = elapsed

    store_bench.print_ratios(results["figures"], figures)

    enc = {name: stats["encrypted"] for name, stats in figures.items()}
    moves_target = MAX_MOVES_MS * args.moves / 1000
    checks = store_bench.ratio_checks(results["figures"], figures, MAX_RATIO)
    checks += [
        (f"open_map median and max <= {MAX_OPEN_MS:.0f} ms",
         enc["open_map"]["median"] <= MAX_OPEN_MS and enc["open_map"]["max"] <= MAX_OPEN_MS,
         f"median {enc['open_map']['median']:.1f} ms, max {enc['open_map']['max']:.1f} ms"),
        (f"{args.moves} moves + flush <= {moves_target:.0f} ms", enc["moves"]["median"] <= moves_target,
         f"median {enc['moves']['median']:.0f} ms, max {enc['moves']['max']:.0f} ms"),
    ]
    print(f"\nTargets (encrypted side; run time {elapsed:.0f} s, load average {store_bench.load_average()})")
    store_bench.report_targets(checks, results, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
