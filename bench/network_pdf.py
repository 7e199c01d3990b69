#!/usr/bin/env python
"""How long the printable network map takes to make (``app.reports.network_pdf``).

A synthetic map of ``--people`` people (default 150) and ``--ties`` ties (default 300, a third of
them strained or in conflict, every fifth person invited) with a people table on the following pages
is rendered ``--runs`` times in memory, after one unmeasured render that registers the fonts. Prints
the median and the maximum in ms and the line ``ratio network_pdf <median / 1000 ms>``; the target
is a PDF within 1 s (ratio at most 1.00).

    python bench/network_pdf.py                      # 20 renders of 150 people and 300 ties
    python bench/network_pdf.py --json /tmp/network_pdf.json
    python bench/network_pdf.py --runs 50 --no-table
    python bench/network_pdf.py --write /tmp/big.pdf # also save the measured map to look at
    python bench/network_pdf.py --sample /tmp/sample.pdf   # save the small sample map (14 people)

Exit status 0 unless something crashes; a missed target is printed as MISS.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import reportlab  # noqa: E402

from app.reports import network_pdf  # noqa: E402
from app.reports.documents import MapDocument, MapPersonMark, MapTieMark  # noqa: E402
from app.reports.network_pdf import render_network_map  # noqa: E402

TARGET_MS = 1000.0

SECTOR_LABELS_DA = {
    "family": "Familie og slægt",
    "friends": "Venner og naboer",
    "school_work": "Skole, dagtilbud, arbejde og fritid",
    "professional": "Professionelle",
}
LEGEND_DA = {
    **SECTOR_LABELS_DA,
    "supportive": "Støttende",
    "ambivalent": "Både og (ambivalent)",
    "strained": "Anstrengt",
    "conflict": "I konflikt",
    "tie": "Kender hinanden",
    "tie_strained": "Anstrengt forbindelse",
    "tie_conflict": "Konflikt mellem dem",
    "invite": "Inviteres til netværksmøder",
}
SECTOR_ANGLES = {"family": (0, 90), "friends": (90, 180), "school_work": (-180, -90), "professional": (-90, 0)}
FIRST = ("Anna", "Bo", "Cecilie", "Dorthe", "Erik", "Frida", "Gustav", "Helle", "Ib", "Jonna", "Karl",
         "Lærke", "Magnus", "Nanna", "Ole", "Pia", "Rasmus", "Sørine", "Tove", "Ulrik", "Vibeke", "Åge")
LAST = ("Ærø", "Østergaard", "Åberg", "Nørgaard", "Kjær", "Bøgh", "Mølgaard", "Sørensen", "Lund")


def xy(angle: float, distance: float) -> tuple[float, float]:
    """Like ``app.services.network.dto.to_xy``: outer horizon 100, y down."""
    rad = math.radians(angle)
    return distance * math.cos(rad), -distance * math.sin(rad)


def large_map(people: int = 150, ties: int = 300, table: bool = True, seed: int = 7) -> MapDocument:
    """A synthetic map far bigger than any family's (no real person)."""
    rng = random.Random(seed)
    sectors = tuple(SECTOR_ANGLES)
    persons = []
    for k in range(people):
        sector = sectors[k % 4]
        low, high = SECTOR_ANGLES[sector]
        x, y = xy(rng.uniform(low + 4, high - 4), rng.uniform(14, 100))
        name = f"{FIRST[k % len(FIRST)]} {LAST[(k // len(FIRST)) % len(LAST)]} {k}"
        persons.append(MapPersonMark(name, x, y, sector, network_pdf.QUALITIES[rng.randrange(4)],
                                 invite=k % 5 == 0))
    lines, seen = [], set()
    while len(lines) < ties:
        a, b = rng.randrange(people), rng.randrange(people)
        if a != b and (min(a, b), max(a, b)) not in seen:
            seen.add((min(a, b), max(a, b)))
            lines.append(MapTieMark(a, b, ("", "", "strained", "", "", "conflict")[len(lines) % 6]))
    rows = (("Navn", "Sektor", "Forhold", "Telefon", "Inviteres"),) + tuple(
        (p.label, SECTOR_LABELS_DA[p.sector], LEGEND_DA[p.quality], f"12 34 {k:02d} {k % 97:02d}",
         "ja" if p.invite else "") for k, p in enumerate(persons)) if table else ()
    return MapDocument(
        language="da", title="Netværkskort – Familien Nørgaard-Åberg",
        subtitle="Version: Ved første samtale, 22. november 2026", centre="Freja og familien",
        people=tuple(persons), lines=tuple(lines), sector_labels=SECTOR_LABELS_DA, legend=LEGEND_DA,
        author="Hanne Østergaard", table=rows,
    )


def sample_map() -> MapDocument:
    """A realistic map of 14 synthetic people, as a health visitor would draw it with a family."""
    people = (
        # (label, angle, distance, sector, quality, invite)
        ("Mormor Åse", 60, 22, "family", "supportive", True),
        ("Morfar Bent", 40, 30, "family", "supportive", False),
        ("Farmor Ingrid Østergaard", 20, 55, "family", "ambivalent", False),
        ("Onkel Søren", 75, 62, "family", "conflict", False),
        ("Moster Lærke", 10, 88, "family", "strained", False),
        ("Naboen Jørgen", 120, 40, "friends", "supportive", True),
        ("Mettes veninde Sørine", 150, 30, "friends", "supportive", False),
        ("Fodboldtræner Kåre", 165, 80, "friends", "ambivalent", False),
        ("Pædagog Bjørk (Solsikken)", -120, 35, "school_work", "supportive", True),
        ("Klasselærer Ærtebjerg", -150, 70, "school_work", "strained", False),
        ("Sørens chef", -105, 90, "school_work", "conflict", False),
        ("Sundhedsplejerske Hanne", -30, 28, "professional", "supportive", True),
        ("Egen læge Dr. Møller", -60, 60, "professional", "supportive", False),
        ("Sagsbehandler Ødegaard", -15, 85, "professional", "ambivalent", True),
    )
    persons = tuple(MapPersonMark(label, *xy(angle, distance), sector, quality, invite)
                    for label, angle, distance, sector, quality, invite in people)
    lines = (
        MapTieMark(0, 1), MapTieMark(0, 2), MapTieMark(1, 4), MapTieMark(5, 6), MapTieMark(11, 12),
        MapTieMark(0, 8), MapTieMark(12, 13),
        MapTieMark(2, 3, "strained"), MapTieMark(6, 7, "strained"), MapTieMark(8, 9, "strained"),
        MapTieMark(3, 4, "conflict"), MapTieMark(13, 4, "conflict"), MapTieMark(10, 7, "conflict"),
    )
    table = (("Navn", "Sektor", "Forhold til familien", "Inviteres"),) + tuple(
        (p.label, SECTOR_LABELS_DA[p.sector], LEGEND_DA[p.quality], "ja" if p.invite else "")
        for p in persons)
    return MapDocument(
        language="da", title="Netværkskort – Familien Nørgaard",
        subtitle="Version: Ved første samtale, 22. november 2026", centre="Freja og familien",
        people=persons, lines=lines, sector_labels=SECTOR_LABELS_DA, legend=LEGEND_DA,
        author="Hanne Østergaard", table=table,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--people", type=int, default=150)
    parser.add_argument("--ties", type=int, default=300)
    parser.add_argument("--no-table", action="store_true", help="the map page only")
    parser.add_argument("--json", type=Path, help="also write every figure to this file as JSON")
    parser.add_argument("--write", type=Path, help="also write the measured PDF to this file")
    parser.add_argument("--sample", type=Path, help="also write the 14-person sample map to this file")
    args = parser.parse_args()

    doc = large_map(args.people, args.ties, table=not args.no_table)
    first = time.perf_counter()
    pdf = render_network_map(doc)  # registers the fonts; not counted
    first_ms = (time.perf_counter() - first) * 1000
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        render_network_map(doc)
        times.append((time.perf_counter() - start) * 1000)

    median = statistics.median(times)
    fonts = network_pdf.pick_fonts()
    print(f"python {platform.python_version()}, reportlab {reportlab.Version}, font {fonts.regular}"
          f" ({'TrueType' if fonts.unicode else 'built-in'}), {platform.machine()}")
    print(f"first render (font registration) {first_ms:.1f} ms; PDF {len(pdf):,} bytes")
    print(f"network_pdf: {args.people} people, {args.ties} ties, table {'no' if args.no_table else 'yes'}; "
          f"{args.runs} renders, median {median:.1f} ms, max {max(times):.1f} ms")
    print(f"ratio network_pdf {median / TARGET_MS:.3f}")
    verdict = "PASS" if median <= TARGET_MS and max(times) <= TARGET_MS else "MISS"
    print(f"target: within {TARGET_MS:.0f} ms (median and every run): {verdict}")
    if args.json:
        p95 = sorted(times)[max(1, math.ceil(0.95 * len(times))) - 1]  # nearest rank
        args.json.write_text(json.dumps({
            "date": time.strftime("%Y-%m-%d"), "args": {k: str(v) for k, v in vars(args).items()},
            "python": platform.python_version(), "reportlab": reportlab.Version, "font": fonts.regular,
            "truetype": fonts.unicode, "pdf_bytes": len(pdf), "first_ms": first_ms,
            "figures": {"network_pdf": {"median_ms": median, "p95_ms": p95, "max_ms": max(times), "min_ms": min(times),
                                 "runs_ms": times, "ratio": median / TARGET_MS, "people": args.people, "ties": args.ties, "table": not args.no_table}},
            "targets": [{"target": f"within {TARGET_MS:.0f} ms (median and every run)",
                         "pass": verdict == "PASS", "value": f"median {median:.1f} ms, max {max(times):.1f} ms"}],
        }, indent=2))
        print(f"results written to {args.json}")
    if args.write:
        args.write.write_bytes(pdf)
        print(f"wrote {args.write}")
    if args.sample:
        args.sample.write_bytes(render_network_map(sample_map()))
        print(f"wrote {args.sample}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
