#!/usr/bin/env python
"""A family with a long history opened in the main window: select it in the case list until the case
overview shows it and has painted, in the encrypted store against plain SQLite.

Two profiles are made by ``bench/store.py``'s ``create_bench_profile`` (same code path; the data key is
the only difference), each with ``--families`` background demo families and one synthetic family with
``--conversations`` completed conversations (default 200, a week apart), built through the services
(``Workspace.conversations`` / ``.summaries``). Qt runs offscreen (``QT_QPA_PLATFORM=offscreen`` unless
set), with the app's style and Danish texts, one real ``MainWindow`` per profile.

    python bench/case_history.py               # 200 conversations, 30 opens per side (about 1 min)
    python bench/case_history.py --quick       # 40 conversations, 10 opens: a smoke check, noisy ratios
    python bench/case_history.py --opens 60 --profile --json /tmp/case_history.json

``open_case``: from a left mouse click on the family's row in the case list (the list's own
``currentRowChanged`` -> ``case_chosen`` -> ``MainWindow.open_case``) until the overview panel shows
that family (its name in the title, its 200 conversations in the table) and a widget of the panel has
painted after that. Events are processed until then, so an open that runs on the task runner's database
thread and comes back by signal is measured the same way as a direct call. Before each timed open another
family is opened (not timed), so every open really changes what the panel shows.

Prints ``ratio open_case <enc/plain>`` (medians) and PASS/MISS: the open within 100 ms (median, encrypted
side), encrypted/plain at most 1.15. Exit status 0 unless something crashed.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import platform
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import store as store_bench  # noqa: E402  (bench/store.py: profile helper and statistics)
from helpers import on_day, quiet_qt_messages  # noqa: E402  (bench/helpers.py)
from PySide6.QtCore import (  # noqa: E402
    QEvent,
    QEventLoop,
    QObject,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.services.cases import dto  # noqa: E402
from app.services.demo import DemoOptions, populate  # noqa: E402
from app.services.workspace import Workspace  # noqa: E402
from app.ui.application import create_qapplication  # noqa: E402
from app.ui.common.i18n import install_translators  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402

SIDES = store_bench.SIDES

# Targets
MAX_RATIO = 1.15
MAX_OPEN_MS = 100.0
WARM_UP = 3
SHOW_TIMEOUT_S = 20.0
WINDOW_SIZE = (1366, 768)
FAMILY_NAME = "Familien Bench-Langhistorie"


# ------------------------------------------------------------------------------------- the family

def the_family(referred_on: date) -> dto.NewCase:
    """A synthetic family (no real person, no CPR numbers): two parents and the ill child."""
    def member(relation: str, name: str, born: date, *diagnoses: dto.DiagnosisInput) -> dto.MemberInput:
        return dto.MemberInput(relation, name, "Bench-Langhistorie", birth_date=born, diagnoses=diagnoses)

    return dto.NewCase(
        family_name=FAMILY_NAME,
        template_id="herning",
        referral=dto.ReferralInput("hospital", referred_on, organisation="Børneafdelingen",
                                   reason="Type 1-diabetes gennem mange år", channel="secure_mail"),
        members=(
            member("mor", "Signe", date(1985, 4, 12)),
            member("far", "Anders", date(1983, 9, 3)),
            member("barn", "Freja", date(2014, 6, 21), dto.DiagnosisInput("Type 1-diabetes", "DE10")),
        ),
        address="Lindevej 12", postal_code="7400", city="Herning",
    )


def build_history(ws: Workspace, today: date, conversations: int) -> str:
    """The family and its ``conversations`` completed conversations, a week apart, through the services."""
    first_day = today - timedelta(days=7 * (conversations + 1))
    start = on_day(ws, first_day)
    case = start.cases.create_case(the_family(first_day - timedelta(days=3)))
    start.course.record_consent(case.id, dto.ConsentInput("Signe", first_day - timedelta(days=1), "signed",
                                                          (dto.ScopeInput("participation"),)))
    start.course.assign_tovholder(case.id, dto.TovholderInput(first_day, "Har kontakten", True, is_me=True))
    for k in range(conversations):
        then = on_day(ws, first_day + timedelta(days=7 * k))
        view = then.conversations.start(case.id)
        then.conversations.save_notes(view.id, view.sections[0].key, f"Samtale nummer {k + 1}.", 0)
        for section in view.unaddressed_members:
            then.conversations.set_member_status(view.id, section.key, "addressed")
        if k % 3:
            then.summaries.set_agreement(view.id, k % 3 == 1)
        then.conversations.complete(view.id)
    return case.id


# ---------------------------------------------------------------------------------- measurement

class PaintWatch(QObject):
    """Ends an event loop at the first Paint of a widget inside ``panel`` while ``until()`` holds (an
    application-wide event filter). The filter sees the Paint before the widget paints; the loop
    returns once the whole window's repaint, of which that Paint is a part, is done."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__()
        self.panel = panel
        self.until: Callable[[], bool] | None = None
        self.seen = False
        self.loop: QEventLoop | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (self.until is not None and not self.seen and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget) and (watched is self.panel or self.panel.isAncestorOf(watched))
                and self.until()):
            self.seen = True
            if self.loop is not None:
                self.loop.quit()
        return False

    def run(self, action: Callable[[], None], until: Callable[[], bool], what: str) -> None:
        """Do ``action``, then process events (sleeping while there are none, so that a database
        thread gets the interpreter) until a paint of the panel while ``until()`` holds."""
        self.until, self.seen = until, False
        self.loop = loop = QEventLoop()
        timer = QTimer(singleShot=True, interval=int(SHOW_TIMEOUT_S * 1000))
        timer.timeout.connect(loop.quit)
        timer.start()
        try:
            action()
            if not self.seen:
                loop.exec()
        finally:
            timer.stop()
            self.until, self.loop = None, None
        if not self.seen:
            raise RuntimeError(f"timed out after {SHOW_TIMEOUT_S:.0f} s waiting for {what}")


def wait_for(app: QApplication, condition: Callable[[], bool], what: str) -> None:
    """Process events until ``condition()`` (not timed; sleeps between events)."""
    deadline = time.perf_counter() + SHOW_TIMEOUT_S
    while not condition():
        if time.perf_counter() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


class Side:
    """One profile's main window and the two rows the benchmark clicks."""

    def __init__(self, app: QApplication, ws: Workspace, long_id: str, conversations: int) -> None:
        self.app = app
        self.ws = ws
        self.long_id = long_id
        self.conversations = conversations
        self.window = MainWindow(ws)
        self.window.resize(*WINDOW_SIZE)
        self.window.show()
        self.watch = PaintWatch(self.window.overview)
        app.installEventFilter(self.watch)
        if not QTest.qWaitForWindowExposed(self.window):
            raise RuntimeError("the main window was not exposed")
        model = self.window.case_list.model
        wait_for(app, lambda: any(item.id == long_id for item in model.rows()), "the family in the case list")
        self.other_id = next(item.id for item in model.rows() if item.id != long_id)

    def close(self) -> None:
        self.app.removeEventFilter(self.watch)
        self.window.close()
        self.window.deleteLater()
        self.app.processEvents()

    def shows(self, case_id: str) -> bool:
        """The panel shows this case: in front, its name in the title, its conversations in the table."""
        window = self.window
        overview = window.overview.overview
        if window.right.currentWidget() is not window.overview or overview is None or overview.id != case_id:
            return False
        if window.overview.family_title.text() != overview.family_name:
            return False
        if case_id == self.long_id:
            return window.overview.conversations_model.rowCount() == self.conversations
        return True

    def row_centre(self, case_id: str) -> QPoint:
        """Where the family's row is in the case list (scrolled into view)."""
        case_list = self.window.case_list
        for row, item in enumerate(case_list.model.rows()):
            if item.id == case_id:
                index = case_list.proxy.mapFromSource(case_list.model.index(row, 0))
                break
        else:
            raise RuntimeError(f"case {case_id} is not in the list")
        case_list.table.scrollTo(index)
        return case_list.table.visualRect(index).center()

    def open(self, case_id: str) -> float:
        """ms from a left click on the family's row, as she would choose it, to the end of the first
        repaint of the panel once it shows ``case_id``."""
        where = self.row_centre(case_id)
        viewport = self.window.case_list.table.viewport()
        self.app.processEvents()
        t0 = time.perf_counter()
        self.watch.run(lambda: QTest.mouseClick(viewport, Qt.MouseButton.LeftButton,
                                                Qt.KeyboardModifier.NoModifier, where),
                       lambda: self.shows(case_id), f"case {case_id} to show and paint")
        return (time.perf_counter() - t0) * 1000

    def open_long(self) -> float:
        self.open(self.other_id)  # not timed: the panel shows another family first
        return self.open(self.long_id)


def bench_open(sides: dict[str, Side], opens: int) -> dict[str, list[float]]:
    for side in SIDES:
        for _ in range(WARM_UP):
            sides[side].open_long()
    times: dict[str, list[float]] = {side: [] for side in SIDES}
    for r in range(opens):
        for side in store_bench.order_for(r):
            times[side].append(sides[side].open_long())
    return times


def table_widths(side: Side) -> dict[str, list[int]]:
    """The column widths of the overview's tables after an open (to see that nothing is cut)."""
    panel = side.window.overview
    views = {"steps": panel.steps_view, "conversations": panel.conversations_view, "members": panel.members_view,
             "consents": panel.grants_view, "tovholders": panel.tovholder_view, "levels": panel.level_view}
    return {name: [view.columnWidth(c) for c in range(view.model().columnCount())] for name, view in views.items()}


# ------------------------------------------------------------------------------------ reporting

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conversations", type=int, default=200, help="completed conversations of the family (200)")
    parser.add_argument("--families", type=int, default=200, help="background demo families per profile (200)")
    parser.add_argument("--opens", type=int, default=30, help="timed opens per side (30)")
    parser.add_argument("--quick", action="store_true", help="40 conversations, 50 families, 10 opens")
    parser.add_argument("--profile", action="store_true", help="also profile 10 extra encrypted opens (top functions)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--dir", type=Path, default=None, help="folder for the two temporary profiles")
    parser.add_argument("--keep", action="store_true", help="keep the profiles (their folder is printed)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    if args.quick:
        args.conversations, args.families, args.opens = 40, 50, 10

    today = date.today()
    run_start = time.perf_counter()
    print(f"bench/case_history.py: one family with {args.conversations} conversations, {args.families} background "
          f"families; {args.opens} opens per side in a {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]} main window")
    print(f"  Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs, "
          f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}, load average {store_bench.load_average()}")
    quiet_qt_messages()
    app = create_qapplication()
    install_translators("da")
    tmp = Path(tempfile.mkdtemp(prefix="tovholder-bench-history-", dir=args.dir))
    print(f"  profiles under {tmp}")
    content = store_bench.load_content()
    ws: dict[str, Workspace] = {}
    sides: dict[str, Side] = {}
    results: dict = {"date": today.isoformat(), "args": {k: str(v) for k, v in vars(args).items()}, "figures": {}}
    try:
        long_ids: dict[str, str] = {}
        for side in SIDES:
            ws[side] = store_bench.create_bench_profile(tmp / side, side == "encrypted", content, today)
            t0 = time.perf_counter()
            if args.families:
                populate(ws[side], DemoOptions(families=args.families, seed=args.seed))
            long_ids[side] = build_history(ws[side], today, args.conversations)
            store_bench.checkpoint(ws[side])
            listed = len(ws[side].conversations.list_for_case(long_ids[side]))
            print(f"  built {side:<9} in {time.perf_counter() - t0:5.1f} s: {listed} conversations in the family; "
                  f"database {store_bench.db_size_mb(ws[side]):.1f} MB")
            results[f"conversations_{side}"] = listed
        gc.collect()
        gc.freeze()  # what building left on the heap is not the app's

        for side in SIDES:
            sides[side] = Side(app, ws[side], long_ids[side], args.conversations)

        print(f"\n[open_case] click on the family in the case list until the overview shows it and has painted, "
              f"{args.opens} per side (after {WARM_UP} unmeasured; another family opened before each)")
        opened = {side: store_bench.summarise(v) for side, v in bench_open(sides, args.opens).items()}
        store_bench.print_timing("open_case", opened)
        widths = table_widths(sides["encrypted"])
        print("  column widths after the open: " + "; ".join(f"{k} {v}" for k, v in widths.items()))
        results["column_widths"] = widths
        if args.profile:
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(10):
                sides["encrypted"].open_long()
            profile.disable()
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(os.environ.get("BENCH_PROFILE_SORT", "cumulative")).print_stats(35)
            print("\n[profile] 10 encrypted opens (each after another family's), by cumulative time\n"
                  + out.getvalue())
    finally:
        for side in sides.values():
            side.close()
        for workspace in ws.values():
            workspace.store.close()
        if args.keep:
            print(f"\n  kept the profiles under {tmp} (password for encrypted: {store_bench.PASSWORD!r})")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    figures = {"open_case": opened}
    for name, stats in figures.items():
        results["figures"][name] = {**stats, "ratio": stats["encrypted"]["median"] / stats["plain"]["median"]}
    elapsed = time.perf_counter() - run_start
    results["run_seconds"] = elapsed

    store_bench.print_ratios(results["figures"], figures)

    enc = opened["encrypted"]
    checks = store_bench.ratio_checks(results["figures"], figures, MAX_RATIO)
    checks += [
        (f"open_case median <= {MAX_OPEN_MS:.0f} ms", enc["median"] <= MAX_OPEN_MS,
         f"median {enc['median']:.1f} ms, p95 {enc['p95']:.1f} ms, max {enc['max']:.1f} ms"),
    ]
    print(f"\nTargets (encrypted side; run time {elapsed:.0f} s, load average {store_bench.load_average()})")
    store_bench.report_targets(checks, results, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
