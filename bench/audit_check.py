#!/usr/bin/env python
"""The audit trail's check at start and ``tovholder verify`` at 10,000 families.

A profile is made the normal way (fast KDF: the KDF is not measured) with ``--families`` synthetic
families (``app.services.demo.populate``: one ``case.create`` entry each), and then ``--per-family``
more entries per family appended through ``append_audit`` (opens found by a search, as years of use
would leave them). Measured, through ``Workspace.check_audit_trail`` as the app runs it on the lane:

* the first check (no anchor yet: the whole chain, then the anchor is made),
* the check at the next start (from the anchor: the lock and unlock entries),
* the check after a working day of ``--day`` more entries,
* ``verify_profile`` (IT's whole check: integrity of every page, schema, the whole chain) and the
  chain walk alone.

    python bench/audit_check.py                       # 10,000 families, 10 more entries each
    python bench/audit_check.py --families 1000 --json out.json

Prints each figure; never fails on a figure (exit 0 unless something crashed).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.content.library import ContentLibrary  # noqa: E402
from app.core.paths import AppPaths  # noqa: E402
from app.core.resources import content_dir  # noqa: E402
from app.core.settings import Policy, Settings  # noqa: E402
from app.models.audit import append_audit  # noqa: E402
from app.security.kdf import FAST_KDF  # noqa: E402
from app.services import audit_check  # noqa: E402
from app.services.cases.dto import NewProfile  # noqa: E402
from app.services.demo import DemoOptions, populate  # noqa: E402
from app.services.profile_check import verify_profile  # noqa: E402
from app.services.workspace import create_profile, unlock  # noqa: E402

PASSWORD = "bench audit kaffe 7"
TODAY = date(2026, 11, 22)


def timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - started) * 1000


def append_entries(ws, case_ids: list[str], count: int) -> None:  # type: ignore[no-untyped-def]
    done = 0
    while done < count:
        with ws.store.unit_of_work() as session:
            for i in range(done, min(count, done + 5000)):
                case_id = case_ids[i % len(case_ids)]
                append_audit(session, "case.open", case_id=case_id, entity="cases", record_id=case_id,
                             detail={"via_search": "text"})
        done = min(count, done + 5000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=10_000)
    parser.add_argument("--per-family", type=int, default=10)
    parser.add_argument("--day", type=int, default=500, help="entries written in a working day")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    content = ContentLibrary.load(content_dir())
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="tovholder-bench-audit-") as tmp:
        paths = AppPaths.for_basedir(tmp)
        paths.ensure()
        ws = create_profile(paths, NewProfile("Bente Bench", "sundhedsplejerske", "Bench"), PASSWORD, Settings(),
                            Policy(), kdf=FAST_KDF, content=content, today=lambda: TODAY,
                            require_strong_password=False)
        populate(ws, DemoOptions(families=args.families, seed=11, maps=0))
        with ws.store.engine.connect() as conn:
            case_ids = list(conn.exec_driver_sql("SELECT id FROM cases").scalars())
        append_entries(ws, case_ids, args.families * args.per_family)

        first, figures["first_check_ms"] = timed(ws.check_audit_trail)
        ws.lock()
        settings = Settings.load(paths.settings_file)
        ws = unlock(paths, PASSWORD, settings, Policy(), content=content, today=lambda: TODAY)
        start, figures["start_check_ms"] = timed(ws.check_audit_trail)
        append_entries(ws, case_ids, args.day)
        day, figures["after_a_day_check_ms"] = timed(ws.check_audit_trail)
        with ws.store.unit_of_work() as session:
            anchor, state = audit_check.load_anchor(paths.audit_anchor, ws.anchor_key)
            walk, figures["full_walk_ms"] = timed(
                lambda: audit_check.verify_trail(session.connection(), anchor, state, full=True))
        ws.lock()
        report, figures["verify_profile_ms"] = timed(lambda: verify_profile(paths, PASSWORD))
        size_mb = paths.database.stat().st_size / 1e6
        assert first.ok and start.ok and day.ok and walk.ok and report.ok, report.lines
        figures.update(entries=walk.entries, families=args.families, db_mb=round(size_mb, 1),
                       first_checked=first.checked, start_checked=start.checked, day_checked=day.checked,
                       us_per_entry_full_walk=round(figures["full_walk_ms"] * 1000 / walk.entries, 1))
    for name, value in figures.items():
        print(f"{name:28} {value:12.1f}" if isinstance(value, float) else f"{name:28} {value:12d}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
