#!/usr/bin/env python
"""The encrypted store against plain SQLite: insert, save one case, open a case, search as you type,
and how search grows from 10,000 to 50,000 families; memory with the profile open in the main window.

Two profiles are built in temporary folders with the same synthetic families (``app.services.demo``):
one encrypted with a random data key (as ``create_profile`` does), one opened with key ``None`` (the
same sqlcipher3 SQLite build, no encryption). Both are built and opened by the same helper, so the
only difference is the key; every figure goes through the real services (``Workspace.cases``).
Measurements alternate between the two sides, in rounds, and the ratios are encrypted/plain.

    python bench/store.py                 # 10,000 families, then search again at 50,000 (about 15 min)
    python bench/store.py --quick         # 1,000 then 5,000 families, a fast check
    python bench/store.py --families 5000 --growth 0 --json out.json

Prints ``ratio <figure> <encrypted/plain>`` lines, the absolute numbers and a summary with PASS/MISS
against the targets. It never fails on a missed target: the exit status is 0 unless something crashed.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.content.library import ContentLibrary  # noqa: E402
from app.core.paths import AppPaths  # noqa: E402
from app.core.resources import content_dir  # noqa: E402
from app.core.settings import Policy, Settings  # noqa: E402
from app.models import Actor, Profile  # noqa: E402
from app.models.audit import append_audit  # noqa: E402
from app.security.kdf import FAST_KDF, KdfParams  # noqa: E402
from app.security.keyfile import KeyFile, new_data_key  # noqa: E402
from app.services.cases.dto import CaseFilter, ProfileInfo  # noqa: E402
from app.services.demo import DemoOptions, demo_case, populate  # noqa: E402
from app.services.store import open_store  # noqa: E402
from app.services.workspace import Workspace  # noqa: E402

PASSWORD = "bench kaffe cykel regnvejr 7"
PROFILE = ("Hanne Bench", "sundhedsplejerske", "Sundhedsplejen, Benchkommune", "12 34 56 78",
           "bench@example.invalid")
DEVICE_ID = "00000000-0000-4000-8000-00000000bec4"
SIDES = ("encrypted", "plain")
PLAIN_PROFILE_ID = "bench-profile-id.txt"  # the plain profile has no key file

# Targets
MAX_RATIO = 1.15
MAX_KEYSTROKE_MS = 30.0  # p95 per keystroke, at the larger (growth) size and at the main one
MAX_MEMORY_MB = 200.0  # peak RSS, the profile open in the main window (real KDF)
WARM_UP_SAVES = 10
WARM_UP_OPENS = 20


# ---------------------------------------------------------------------------------------- helpers

def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 50 values is the 48th smallest)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def memory_mb() -> dict[str, float]:
    """Current RSS (VmRSS) and its high-water mark (VmHWM), in MB.

    VmHWM is the peak of this process image. ``getrusage``'s ru_maxrss is only a fallback (no
    /proc): on Linux it survives fork+exec, so a child would report its parent's peak.
    """
    status = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                status[key] = int(value.split()[0]) / 1024  # kB -> MB
    except OSError:
        pass
    if "VmHWM" not in status:
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        status["VmHWM"] = maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024
        status.setdefault("VmRSS", status["VmHWM"])
    return {"rss": status["VmRSS"], "peak": status["VmHWM"]}


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


Check = tuple[str, bool, str]  # (the target, met?, the figure)


def print_ratios(figures: dict, names) -> None:  # type: ignore[no-untyped-def]
    """One line ``ratio <figure> <encrypted/plain>`` per figure, as the issues ask."""
    print()
    for name in names:
        if name in figures:
            print(f"ratio {name} {figures[name]['ratio']:.2f}")


def ratio_checks(figures: dict, names, max_ratio: float) -> list[Check]:  # type: ignore[no-untyped-def]
    return [(f"ratio {name} <= {max_ratio}", figures[name]["ratio"] <= max_ratio, f"{figures[name]['ratio']:.2f}")
            for name in names if name in figures]


def report_targets(checks: list[Check], results: dict, json_path: Path | None, width: int = 40) -> None:
    """Print each target with PASS or MISS, keep them in ``results`` and write the JSON if asked."""
    for label, ok, value in checks:
        print(f"  {verdict(ok)}  {label:<{width}} {value}")
    results["targets"] = [{"target": label, "pass": ok, "value": value} for label, ok, value in checks]
    if json_path:
        json_path.write_text(json.dumps(results, indent=2, default=str))
        print(f"\nresults written to {json_path}")


def load_content() -> ContentLibrary:
    return ContentLibrary.load(content_dir())


def bench_paths(basedir: Path) -> AppPaths:
    return AppPaths.for_basedir(basedir)


def create_bench_profile(basedir: Path, encrypted: bool, content: ContentLibrary,
                         today: date) -> Workspace:
    """A new profile, as ``create_profile`` makes it; ``encrypted=False`` differs only in the key.

    Encrypted: a random data key, wrapped under the password in the key file (fast KDF: the KDF is
    not what is measured), so that the memory subprocess can unlock it the normal way.
    Plain: the same ``open_store`` with ``data_key=None`` (the same sqlcipher3 build, no key).
    """
    paths = bench_paths(basedir)
    paths.ensure()
    profile_id = str(uuid.uuid4())
    data_key: bytes | None = None
    if encrypted:
        data_key = new_data_key()
        keyfile = KeyFile(profile_id=profile_id)
        keyfile.set_password(data_key, PASSWORD, FAST_KDF)
        keyfile.save(paths.key_file)
    else:
        (paths.data_dir / PLAIN_PROFILE_ID).write_text(profile_id + "\n")
    settings = Settings(device_id=DEVICE_ID)
    settings.save(paths.settings_file)
    store = open_store(paths.database, data_key, Actor(profile_id, DEVICE_ID), paths.backup_dir)
    name, role, organisation, phone, email = PROFILE
    with store.unit_of_work() as session:
        session.add(Profile(id=profile_id, name=name, role=role, organisation=organisation,
                            phone=phone, email=email))
        session.flush()
        append_audit(session, "profile.create")
    info = ProfileInfo(profile_id, name, role, organisation, phone, email)
    return Workspace(paths, settings, Policy(), content, store, info, lambda: today)


def open_bench_profile(basedir: Path, encrypted: bool, content: ContentLibrary,
                       today: date) -> Workspace:
    """Open a profile made by ``create_bench_profile``.

    Encrypted: the real ``app.services.workspace.unlock`` (password -> key file -> SQLCipher).
    Plain: the same steps as ``unlock`` after the key is known, with key ``None``.
    """
    paths = bench_paths(basedir)
    settings = Settings.load(paths.settings_file)
    if encrypted:
        from app.services.workspace import unlock

        return unlock(paths, PASSWORD, settings, Policy(), content=content, today=lambda: today)
    from sqlalchemy import select

    profile_id = (paths.data_dir / PLAIN_PROFILE_ID).read_text().strip()  # the key file's role
    store = open_store(paths.database, None, Actor(profile_id, DEVICE_ID), paths.backup_dir)
    try:
        with store.unit_of_work() as session:
            row = session.execute(select(Profile).where(Profile.id == profile_id)).scalar_one()
            info = ProfileInfo(row.id, row.name, row.role, row.organisation, row.phone, row.email)
            append_audit(session, "profile.unlock")
    except BaseException:
        store.close()
        raise
    return Workspace(paths, settings, Policy(), content, store, info, lambda: today)


def case_ids(ws: Workspace) -> list[str]:
    """Case ids in insertion order (the same family has the same index on both sides)."""
    with ws.store.engine.connect() as conn:
        return [r[0] for r in conn.exec_driver_sql("SELECT id FROM cases ORDER BY rowid")]


def search_terms(ws: Workspace, count: int, seed: int) -> list[str]:
    """``count`` things she would type: surnames, child first names and CPR numbers (with dash)."""
    with ws.store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT c.family_name, m.first_name, m.cpr FROM cases c "
            "JOIN family_members m ON m.case_id = c.id AND m.relation = 'barn' ORDER BY c.rowid"
        ).all()
    rng = random.Random(seed)
    picked = rng.sample(rows, min(count, len(rows)))
    terms = []
    for i, (family_name, child, cpr) in enumerate(picked):
        kind = i % 3
        if kind == 0:
            terms.append(family_name.removeprefix("Familien ").strip())
        elif kind == 1:
            terms.append(child)
        else:
            terms.append(cpr)
    return terms


def checkpoint(ws: Workspace) -> None:
    with ws.store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def db_size_mb(ws: Workspace) -> float:
    db = ws.paths.database
    total = 0
    for path in (db, db.with_name(db.name + "-wal")):
        if path.exists():
            total += path.stat().st_size
    return total / (1024 * 1024)


def order_for(round_no: int) -> tuple[str, ...]:
    """Alternate which side goes first, round by round."""
    return SIDES if round_no % 2 == 0 else SIDES[::-1]


def chunks(total: int, parts: int) -> list[int]:
    parts = max(1, min(parts, total))
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


# ---------------------------------------------------------------------------------- measurements

def bench_insert(ws: dict[str, Workspace], families: int, rounds: int, seed: int) -> dict[str, float]:
    """``populate`` in ``rounds`` chunks per side, alternating; total seconds per side."""
    total = dict.fromkeys(SIDES, 0.0)
    done = 0
    for r, count in enumerate(chunks(families, rounds)):
        for side in order_for(r):
            gc.collect()
            t0 = time.perf_counter()
            populate(ws[side], DemoOptions(families=count, seed=seed + r))
            total[side] += time.perf_counter() - t0
        done += count
        print(f"  populated {done}/{families} families per side "
              f"(encrypted {total['encrypted']:.1f} s, plain {total['plain']:.1f} s)", flush=True)
    return total


def bench_insert_single(ws: dict[str, Workspace], count: int, rounds: int, seed: int,
                        today: date) -> dict[str, list[float]]:
    """``create_case`` one family at a time (one committed transaction each); ms per save."""
    templates = [t.id for t in ws["plain"].content.templates()]
    rng = random.Random(seed)
    inputs = [demo_case(rng, today, templates) for _ in range(count)]
    # Unmeasured saves first: the first commits after a long read phase pay for cold index pages
    # (decrypted on the encrypted side) and would make the ratio depend on what ran before.
    for side in SIDES:
        for _ in range(WARM_UP_SAVES):
            ws[side].cases.create_case(demo_case(random.Random(seed - 1), today, templates))
    times: dict[str, list[float]] = {side: [] for side in SIDES}
    for r, part in enumerate(_split(inputs, rounds)):
        for side in order_for(r):
            gc.collect()
            cases = ws[side].cases
            for new in part:
                t0 = time.perf_counter()
                cases.create_case(new)
                times[side].append((time.perf_counter() - t0) * 1000)
    return times


def _split(items: list, parts: int) -> list[list]:
    sizes = chunks(len(items), parts)
    out, start = [], 0
    for size in sizes:
        out.append(items[start:start + size])
        start += size
    return out


def bench_open_case(ws: dict[str, Workspace], ids: dict[str, list[str]], count: int, rounds: int,
                    seed: int) -> dict[str, list[float]]:
    """``cases.overview`` (loads the case with everything, audits ``case.open``); ms per open."""
    n = min(len(ids["plain"]), len(ids["encrypted"]))
    rng = random.Random(seed)
    picks = [rng.randrange(n) for _ in range(count)]
    warm = random.Random(seed - 1)
    for side in SIDES:  # unmeasured opens first (see bench_insert_single)
        for _ in range(WARM_UP_OPENS):
            ws[side].cases.overview(ids[side][warm.randrange(n)])
    times: dict[str, list[float]] = {side: [] for side in SIDES}
    for r, part in enumerate(_split(picks, rounds)):
        for side in order_for(r):
            gc.collect()
            cases = ws[side].cases
            for index in part:
                case_id = ids[side][index]
                t0 = time.perf_counter()
                overview = cases.overview(case_id)
                times[side].append((time.perf_counter() - t0) * 1000)
                assert overview.id == case_id
    return times


def type_term(cases, term: str) -> tuple[list[float], list[float], list[int]]:  # type: ignore[no-untyped-def]
    """Type ``term`` one character at a time; each prefix is a search, as the case list does.

    Wall-clock ms per keystroke (what she feels), and this process's CPU ms (what the machine's other
    work does not inflate: on a shared machine, compare these).
    """
    times, cpu, totals = [], [], []
    for k in range(1, len(term) + 1):
        c0, t0 = time.process_time(), time.perf_counter()
        result = cases.search(CaseFilter(query=term[:k]))
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        totals.append(result.total)
    return times, cpu, totals


def bench_search(ws: dict[str, Workspace], terms: list[str]
                 ) -> tuple[dict[str, list[float]], dict[str, dict[int, list[float]]], int, dict[str, list[float]]]:
    """Every term typed on both sides (alternating who goes first); ms per keystroke, also by the
    number of characters typed so far; and CPU ms per keystroke."""
    times: dict[str, list[float]] = {side: [] for side in SIDES}
    cpu: dict[str, list[float]] = {side: [] for side in SIDES}
    by_length: dict[str, dict[int, list[float]]] = {side: {} for side in SIDES}
    mismatches = 0
    gc.collect()
    for i, term in enumerate(terms):
        totals = {}
        for side in order_for(i):
            t, c, totals[side] = type_term(ws[side].cases, term)
            times[side].extend(t)
            cpu[side].extend(c)
            for k, ms in enumerate(t, start=1):
                by_length[side].setdefault(k, []).append(ms)
        if totals["encrypted"] != totals["plain"]:
            mismatches += 1
    return times, by_length, mismatches, cpu


def bench_filter(ws: dict[str, Workspace], repeats: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    """``CaseFilter(needs_attention=True)``; ms per query."""
    times: dict[str, list[float]] = {side: [] for side in SIDES}
    totals: dict[str, int] = {}
    gc.collect()
    for r in range(repeats):
        for side in order_for(r):
            t0 = time.perf_counter()
            result = ws[side].cases.search(CaseFilter(needs_attention=True))
            times[side].append((time.perf_counter() - t0) * 1000)
            totals[side] = result.total
    return times, totals


def warm_up(ws: Workspace, terms: list[str]) -> None:
    """Read the case table once and run a few searches, so both start with warm caches."""
    with ws.store.engine.connect() as conn:
        conn.exec_driver_sql("SELECT count(*), sum(length(search_text)) FROM cases").all()
    for query in ("e", "a", "1", *terms[:3]):
        ws.cases.search(CaseFilter(query=query))
    ws.cases.search(CaseFilter(needs_attention=True))


# ------------------------------------------------------------------------- memory (a subprocess)

def strengthen_key_file(basedir: Path) -> None:
    """Wrap the encrypted profile's data key under the default KDF parameters, as a real profile
    has it (the profile is built with the fast KDF), so the memory child pays Argon2id's 64 MiB."""
    paths = bench_paths(basedir)
    keyfile = KeyFile.load(paths.key_file)
    data_key = keyfile.unwrap_with_password(PASSWORD)
    keyfile.set_password(data_key, PASSWORD, KdfParams())
    keyfile.save(paths.key_file)


def measure_memory(basedir: Path, encrypted: bool, plan_file: Path) -> dict[str, dict[str, float]]:
    """bench/_store_memory.py in a fresh process (it imports only what the app does).

    With compiled bytecode, as an installed app has it: a cache in the run's folder, filled by an
    unmeasured import first (this development environment sets PYTHONDONTWRITEBYTECODE, and compiling
    the app's sources on import costs memory an installed app does not spend).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"
    env["PYTHONPYCACHEPREFIX"] = str(plan_file.parent / "pycache")
    warm = ("from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "import app.ui.application, app.services.workspace, app.ui.main_window")
    subprocess.run([sys.executable, "-c", warm], cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    cmd = [sys.executable, str(Path(__file__).with_name("_store_memory.py")), str(basedir), str(plan_file)]
    if encrypted:
        cmd.append("--encrypted")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError(f"memory subprocess failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------------ growth to more families

def copy_tables() -> list[str]:
    """The tables to copy from the plain profile to the encrypted one, parents first."""
    from app.models import Base

    return [t.name for t in Base.metadata.sorted_tables if t.name not in ("profiles",)]


def high_water(ws: Workspace, tables: list[str]) -> dict[str, int]:
    with ws.store.engine.connect() as conn:
        return {t: conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {t}").scalar() for t in tables}


def grow(ws: dict[str, Workspace], families: int, seed: int) -> dict[str, float]:
    """Bring both profiles to ``families`` cases: the new families are made once, on the plain side,
    by ``populate`` (the real services: ``build_case``, the course, ``refresh``, the ORM in batches of
    250, the audit entries), and their rows copied to the encrypted side in one transaction per
    table, where the same triggers index them. Seconds for each part."""
    with ws["plain"].store.engine.connect() as conn:
        have = conn.exec_driver_sql("SELECT count(*) FROM cases").scalar()
    if have >= families:
        return {"populate_s": 0.0, "copy_s": 0.0}
    tables = copy_tables()
    before = high_water(ws["plain"], tables)
    t0 = time.perf_counter()
    populate(ws["plain"], DemoOptions(families=families - have, seed=seed))
    populated = time.perf_counter() - t0
    checkpoint(ws["plain"])
    t0 = time.perf_counter()
    # A raw driver connection (autocommit): ATTACH cannot run inside the transaction SQLAlchemy opens.
    raw = ws["encrypted"].store.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("ATTACH DATABASE ? AS plain KEY ''", (str(ws["plain"].paths.database),))
        for table in tables:
            # Integer keys (the audit trail's sequence) are numbered again on this side.
            columns = ", ".join(c[1] for c in cur.execute(f"PRAGMA main.table_info({table})").fetchall()
                                if not (c[5] and c[2].upper() == "INTEGER"))
            cur.execute("BEGIN")
            cur.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM plain.{table} WHERE rowid > ?",
                        (before[table],))
            cur.execute("COMMIT")
        cur.execute("DETACH DATABASE plain")
        cur.close()
    finally:
        raw.close()
    copied = time.perf_counter() - t0
    checkpoint(ws["encrypted"])
    return {"populate_s": populated, "copy_s": copied}


# ------------------------------------------------------------------------------------ reporting

def summarise(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "p95": percentile(values, 95), "max": max(values),
            "mean": statistics.fmean(values), "n": len(values)}


def print_timing(label: str, stats: dict[str, dict[str, float]], unit: str = "ms") -> None:
    for side in SIDES:
        s = stats[side]
        print(f"  {label:<17} {side:<9} median {s['median']:8.2f} {unit}  p95 {s['p95']:8.2f} {unit}  "
              f"max {s['max']:8.2f} {unit}  mean {s['mean']:8.2f} {unit}  (n={s['n']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--families", type=int, default=10000, help="families per profile (default 10000)")
    parser.add_argument("--quick", action="store_true", help="1,000 families and fewer repetitions")
    parser.add_argument("--rounds", type=int, default=0,
                        help="alternating rounds per measurement (default 10, --quick 4)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--dir", type=Path, default=None,
                        help="folder for the two temporary profiles (default: the system temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the profiles (their folder is printed)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results as JSON here")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory subprocesses")
    parser.add_argument("--growth", type=int, default=None,
                        help="then grow both profiles to this many families and search again (default 50000, "
                             "--quick 5000; 0 skips)")
    args = parser.parse_args(argv)

    families = 1000 if args.quick else args.families
    growth = args.growth if args.growth is not None else (5000 if args.quick else 50000)
    rounds = args.rounds or (4 if args.quick else 10)
    singles = 50 if args.quick else 200
    opens = 100 if args.quick else 500
    term_count = 15 if args.quick else 50
    filter_repeats = 10 if args.quick else 20
    today = date.today()

    run_start = time.perf_counter()
    print(f"bench/store.py: {families} families per profile, {rounds} alternating rounds, seed {args.seed}"
          + (f", then search at {growth} families" if growth > families else ""))
    print(f"  Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs, "
          f"load average {load_average()}")
    tmp = Path(tempfile.mkdtemp(prefix="tovholder-bench-", dir=args.dir))
    print(f"  profiles under {tmp}")
    content = load_content()
    results: dict = {"families": families, "date": today.isoformat(), "figures": {}}
    ws: dict[str, Workspace] = {}
    try:
        for side in SIDES:
            ws[side] = create_bench_profile(tmp / side, side == "encrypted", content, today)
        with ws["encrypted"].store.engine.connect() as conn:
            cipher = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
            sqlite = conn.exec_driver_sql("SELECT sqlite_version()").scalar()
        print(f"  SQLite {sqlite}, SQLCipher {cipher}")

        # ---- insert (populate, batches of 250)
        print(f"\n[insert] populate {families} families per side in {rounds} alternating chunks")
        insert = bench_insert(ws, families, rounds, args.seed)
        for side in SIDES:
            checkpoint(ws[side])
        mem_after_populate = memory_mb()
        for side in SIDES:
            print(f"  insert            {side:<9} {insert[side]:8.1f} s  "
                  f"{families / insert[side]:8.1f} families/s  database {db_size_mb(ws[side]):7.1f} MB")
        print(f"  main process after populating both: VmRSS {mem_after_populate['rss']:.0f} MB, "
              f"peak RSS {mem_after_populate['peak']:.0f} MB")
        results["figures"]["insert"] = {
            side: {"seconds": insert[side], "families_per_s": families / insert[side]} for side in SIDES}
        results["figures"]["insert"]["ratio"] = insert["encrypted"] / insert["plain"]

        ids = {side: case_ids(ws[side]) for side in SIDES}
        terms = search_terms(ws["plain"], term_count, args.seed + 1)
        for side in SIDES:
            warm_up(ws[side], terms)

        # ---- search as you type (before the single inserts, so both hold exactly N families)
        keystrokes = sum(len(t) for t in terms)
        print(f"\n[search] {len(terms)} terms typed one character at a time ({keystrokes} keystrokes "
              f"per side), CaseFilter(query=prefix), limit 500")
        search_times, by_length, mismatches, search_cpu = bench_search(ws, terms)
        search = {side: summarise(search_times[side]) for side in SIDES}
        print_timing("search/keystroke", search)
        cpu = {side: summarise(search_cpu[side]) for side in SIDES}
        print_timing("search cpu", cpu)
        for side in SIDES:
            cells = "  ".join(f"{k}:{statistics.median(v):.0f}" for k, v in sorted(by_length[side].items()))
            print(f"  {side:<9} median ms by characters typed  {cells}")
        if mismatches:
            print(f"  WARNING: {mismatches} terms gave different result counts encrypted vs plain")
        results["figures"]["search"] = {
            **search, "ratio": search["encrypted"]["median"] / search["plain"]["median"], "terms": terms, "cpu": cpu,
            "by_length_median": {side: {k: statistics.median(v) for k, v in sorted(by_length[side].items())}
                                 for side in SIDES}}
        mem_after_search = memory_mb()

        # ---- filter: needs attention
        print(f"\n[filter_attention] CaseFilter(needs_attention=True), {filter_repeats} times per side")
        filter_times, filter_totals = bench_filter(ws, filter_repeats)
        flt = {side: summarise(filter_times[side]) for side in SIDES}
        print_timing("filter_attention", flt)
        print(f"  matching cases: encrypted {filter_totals['encrypted']}, plain {filter_totals['plain']}")
        results["figures"]["filter_attention"] = {
            **flt, "ratio": flt["encrypted"]["median"] / flt["plain"]["median"]}

        # ---- open a case
        print(f"\n[open_case] cases.overview for {opens} random cases per side (audited: one commit each; "
              f"after {WARM_UP_OPENS} unmeasured)")
        open_times = bench_open_case(ws, ids, opens, rounds, args.seed + 2)
        open_case = {side: summarise(open_times[side]) for side in SIDES}
        print_timing("open_case", open_case)
        results["figures"]["open_case"] = {
            **open_case, "ratio": open_case["encrypted"]["median"] / open_case["plain"]["median"]}

        # ---- save one case at a time
        print(f"\n[insert_single] {singles} x cases.create_case, one committed transaction each "
              f"(after {WARM_UP_SAVES} unmeasured)")
        single_times = bench_insert_single(ws, singles, rounds, args.seed + 3, today)
        single = {side: summarise(single_times[side]) for side in SIDES}
        print_timing("insert_single", single)
        results["figures"]["insert_single"] = {
            **single, "ratio": single["encrypted"]["median"] / single["plain"]["median"]}

        print(f"\n  main process after searching: VmRSS {mem_after_search['rss']:.0f} MB, "
              f"peak RSS {mem_after_search['peak']:.0f} MB (holds both profiles and the populate step)")

        for side in SIDES:
            ws[side].store.close()
        ws.clear()

        # ---- memory, in fresh processes
        memory = None
        if not args.no_memory:
            plan_file = tmp / "plan.json"
            rng = random.Random(args.seed + 4)
            plan_file.write_text(json.dumps({
                "today": today.isoformat(), "terms": terms,
                "open": [rng.randrange(families) for _ in range(opens)],
            }))
            print(f"\n[memory] fresh process, the app's own controller: unlock window, preload, unlock "
                  f"(Argon2id {KdfParams().memory_kib // 1024} MiB), main window, the {len(terms)} terms typed into "
                  f"the list's search field, {opens} cases opened")
            strengthen_key_file(tmp / "encrypted")
            memory = {}
            for side in SIDES:
                memory[side] = measure_memory(tmp / side, side == "encrypted", plan_file)
                for stage, m in memory[side].items():
                    print(f"  memory {side:<9} {stage:<13} RSS {m['rss']:7.1f} MB  "
                          f"peak RSS {m['peak']:7.1f} MB")
            results["figures"]["memory"] = {
                **memory, "ratio": memory["encrypted"]["opened"]["peak"] / memory["plain"]["opened"]["peak"]}

        # ---- search again with more families
        if growth > families:
            for side in SIDES:
                ws[side] = open_bench_profile(tmp / side, side == "encrypted", content, today)
            print(f"\n[growth] both profiles grown to {growth} families (populate on the plain side, rows copied "
                  f"to the encrypted side, indexed there by its triggers)")
            built = grow(ws, growth, args.seed + 5)
            for side in SIDES:
                print(f"  {side:<9} database {db_size_mb(ws[side]):7.1f} MB")
            print(f"  populate {built['populate_s']:.0f} s, copy {built['copy_s']:.0f} s")
            for side in SIDES:
                warm_up(ws[side], terms)
            print(f"[search_{growth}] the same {len(terms)} terms typed again ({keystrokes} keystrokes per side)")
            big_times, big_by_length, big_mismatches, big_cpu_ms = bench_search(ws, terms)
            big = {side: summarise(big_times[side]) for side in SIDES}
            print_timing("search/keystroke", big)
            big_cpu = {side: summarise(big_cpu_ms[side]) for side in SIDES}
            print_timing("search cpu", big_cpu)
            for side in SIDES:
                cells = "  ".join(f"{k}:{statistics.median(v):.0f}" for k, v in sorted(big_by_length[side].items()))
                print(f"  {side:<9} median ms by characters typed  {cells}")
            if big_mismatches:
                print(f"  WARNING: {big_mismatches} terms gave different result counts encrypted vs plain")
            growth_ratio = {
                stat: big["encrypted"][stat] / search["encrypted"][stat] for stat in ("median", "p95")}
            print(f"  growth {growth}/{families} families (x{growth / families:.1f}): encrypted p95 "
                  f"x{growth_ratio['p95']:.2f}, median x{growth_ratio['median']:.2f}; cpu p95 "
                  f"x{big_cpu['encrypted']['p95'] / cpu['encrypted']['p95']:.2f}")
            results["figures"]["search_growth"] = {
                **big, "ratio": big["encrypted"]["median"] / big["plain"]["median"], "families": growth,
                "cpu": big_cpu, "growth_cpu_p95": big_cpu["encrypted"]["p95"] / cpu["encrypted"]["p95"],
                "build": built, "growth_p95": growth_ratio["p95"], "growth_median": growth_ratio["median"],
                "by_length_median": {side: {k: statistics.median(v) for k, v in sorted(big_by_length[side].items())}
                                     for side in SIDES},
            }
            for side in SIDES:
                ws[side].store.close()
            ws.clear()
    finally:
        for workspace in ws.values():
            workspace.store.close()
        if args.keep:
            print(f"\n  kept the profiles under {tmp} (password for encrypted: {PASSWORD!r})")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    elapsed = time.perf_counter() - run_start
    results["run_seconds"] = elapsed
    print(f"\n  load average at the end {load_average()} (other work on the machine adds noise to "
          f"both sides alike)")
    figs = results["figures"]

    # ---- ratios, one line per figure
    ratio_names = ("insert", "insert_single", "open_case", "search", "search_growth", "filter_attention", "memory")
    print_ratios(figs, ratio_names)

    # ---- summary
    rows = [
        ("insert", f"{figs['insert']['encrypted']['families_per_s']:.0f} fam/s",
         f"{figs['insert']['plain']['families_per_s']:.0f} fam/s", figs["insert"]["ratio"]),
        ("insert_single (median)", f"{figs['insert_single']['encrypted']['median']:.1f} ms",
         f"{figs['insert_single']['plain']['median']:.1f} ms", figs["insert_single"]["ratio"]),
        ("open_case (median)", f"{figs['open_case']['encrypted']['median']:.1f} ms",
         f"{figs['open_case']['plain']['median']:.1f} ms", figs["open_case"]["ratio"]),
        ("open_case (p95)", f"{figs['open_case']['encrypted']['p95']:.1f} ms",
         f"{figs['open_case']['plain']['p95']:.1f} ms", None),
        ("search/keystroke (median)", f"{figs['search']['encrypted']['median']:.1f} ms",
         f"{figs['search']['plain']['median']:.1f} ms", figs["search"]["ratio"]),
        ("search/keystroke (p95)", f"{figs['search']['encrypted']['p95']:.1f} ms",
         f"{figs['search']['plain']['p95']:.1f} ms", None),
        ("search/keystroke (max)", f"{figs['search']['encrypted']['max']:.1f} ms",
         f"{figs['search']['plain']['max']:.1f} ms", None),
        ("search cpu/keystroke (p95)", f"{figs['search']['cpu']['encrypted']['p95']:.1f} ms",
         f"{figs['search']['cpu']['plain']['p95']:.1f} ms", None),
        ("filter_attention (median)", f"{figs['filter_attention']['encrypted']['median']:.1f} ms",
         f"{figs['filter_attention']['plain']['median']:.1f} ms", figs["filter_attention"]["ratio"]),
    ]
    if "search_growth" in figs:
        big = figs["search_growth"]
        rows.append((f"search at {big['families']} (median)", f"{big['encrypted']['median']:.1f} ms",
                     f"{big['plain']['median']:.1f} ms", big["ratio"]))
        rows.append((f"search at {big['families']} (p95)", f"{big['encrypted']['p95']:.1f} ms",
                     f"{big['plain']['p95']:.1f} ms", None))
        rows.append((f"search cpu at {big['families']} (p95)", f"{big['cpu']['encrypted']['p95']:.1f} ms",
                     f"{big['cpu']['plain']['p95']:.1f} ms", None))
    if "memory" in figs:
        mem = figs["memory"]
        rows.append(("memory, main window (peak)", f"{mem['encrypted']['opened']['peak']:.0f} MB",
                     f"{mem['plain']['opened']['peak']:.0f} MB", mem["ratio"]))
    print(f"\nSummary ({families} families, {today.isoformat()}, run time {elapsed:.0f} s)")
    print(f"  {'figure':<27} {'encrypted':>12} {'plain':>12} {'enc/plain':>10}  target")
    for name, enc, plain, ratio in rows:
        ratio_text = f"{ratio:.2f}" if ratio is not None else ""
        target = f"<= {MAX_RATIO:.2f} {verdict(ratio <= MAX_RATIO)}" if ratio is not None else ""
        print(f"  {name:<27} {enc:>12} {plain:>12} {ratio_text:>10}  {target}")

    print("\nTargets")
    checks = ratio_checks(figs, ratio_names, MAX_RATIO)
    enc_search = figs["search"]["encrypted"]
    checks.append((f"search p95 <= {MAX_KEYSTROKE_MS:.0f} ms/keystroke ({families} families)",
                   enc_search["p95"] <= MAX_KEYSTROKE_MS,
                   f"p95 {enc_search['p95']:.1f} ms, median {enc_search['median']:.1f} ms, "
                   f"max {enc_search['max']:.1f} ms"))
    if "search_growth" in figs:
        big = figs["search_growth"]
        enc_big, times_more = big["encrypted"], big["families"] / families
        checks.append((f"search p95 <= {MAX_KEYSTROKE_MS:.0f} ms/keystroke ({big['families']} families)",
                       enc_big["p95"] <= MAX_KEYSTROKE_MS,
                       f"p95 {enc_big['p95']:.1f} ms, median {enc_big['median']:.1f} ms, max {enc_big['max']:.1f} ms"))
        checks.append((f"search grows slower than the families (x{times_more:.0f})",
                       big["growth_p95"] < times_more and big["growth_median"] < times_more,
                       f"p95 x{big['growth_p95']:.2f}, median x{big['growth_median']:.2f}"))
    if "memory" in figs:
        enc_mem = figs["memory"]["encrypted"]
        checks.append((f"memory <= {MAX_MEMORY_MB:.0f} MB, main window ({families} families)",
                       enc_mem["opened"]["peak"] <= MAX_MEMORY_MB, f"peak RSS {enc_mem['opened']['peak']:.0f} MB"))
    report_targets(checks, results, args.json, width=52)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
