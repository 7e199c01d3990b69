#!/usr/bin/env python
"""How long the family's conversation summary PDF takes to make (``app.reports.summary_pdf``).

A realistic summary for a synthetic family (3 paragraphs of "what matters most", 10 things that go
well, 10 wishes for help, 8 agreed steps, 2 contacts) is rendered ``--runs`` times in memory, after one
unmeasured render that registers the fonts. Prints the median and the maximum in ms and the line
``ratio summary_pdf <median / 1000 ms>``; the target is a PDF within 1 s (ratio at most 1.00).

    python bench/summary_pdf.py               # 50 renders
    python bench/summary_pdf.py --json /tmp/summary_pdf.json
    python bench/summary_pdf.py --runs 200
    python bench/summary_pdf.py --write /tmp/sample.pdf   # also save one sample to look at

Exit status 0 unless something crashes; a missed target is printed as MISS.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import reportlab  # noqa: E402

from app.reports import summary_pdf  # noqa: E402
from app.reports.documents import AgreedStepLine, ContactLine, FamilySummary  # noqa: E402
from app.reports.summary_pdf import render_family_summary  # noqa: E402

TARGET_MS = 1000.0


def realistic_summary() -> FamilySummary:
    """A synthetic family (no real person) with about as much text as a long conversation gives."""
    return FamilySummary(
        language="da",
        family_name="Familien Nørgaard-Åberg",
        conversation_date="22. november 2026",
        present=("Mette", "Søren", "Emil", "Ida"),
        what_matters_most=(
            "Det vigtigste for jer lige nu er, at Emil får en hverdag, der hænger sammen, også på de "
            "dage hvor han skal til kontrol på hospitalet. I vil gerne have, at der er ro om morgenen, "
            "og at Ida ikke føler sig glemt, når Emil fylder meget.\n\n"
            "I fortalte, at I er trætte, og at det er svært at nå at tale sammen som par. Mette sagde: "
            "“Vi er et godt hold, men vi mangler tid til hinanden.” Søren vil gerne vide mere om, hvad "
            "Emils sygdom betyder for skolestarten – og hvem han kan spørge.\n\n"
            "I har selv mange idéer. I vil gerne starte med de små ting, der kan gøre morgenerne "
            "lettere, og så se på resten, når det er faldet på plads."
        ),
        resources=(
            "Vi er et godt hold og hjælper hinanden",
            "Mormor Åse henter Ida om tirsdagen",
            "Emil er glad for sin pædagog i børnehaven",
            "Vi har gode naboer, som vi kan ringe til",
            "Søren har fleksible arbejdstider",
            "Ida er god til at lege med Emil",
            "Vi går tur i skoven hver søndag",
            "Vi kender Emils medicin godt nu",
            "Mettes veninde har et barn med samme sygdom",
            "Vi tør godt spørge, når vi ikke forstår noget",
        ),
        needs=(
            "At finde ud af, hvem vi skal ringe til, når vi er i tvivl",
            "Mere ro om morgenen",
            "At Ida også får tid med os alene",
            "At forstå, hvad sygdommen betyder for skolestarten",
            "At tale med andre forældre i samme situation",
            "Hjælp til at søge om tabt arbejdsfortjeneste",
            "At skolen ved, hvad Emil har brug for",
            "Tid til os to som par",
            "Søvn – vi sover for lidt",
            "En plan for, hvad vi gør, hvis Emil bliver dårlig om natten",
        ),
        agreed_steps=(
            AgreedStepLine("Vi finder en søskendegruppe til Ida", "Hanne (sundhedsplejerske)",
                           "inden 15. december 2026"),
            AgreedStepLine("Vi laver en morgenplan sammen med Emil", "Familien", "inden næste besøg"),
            AgreedStepLine("Hanne spørger sygehuset, hvem I kan ringe til om natten",
                           "Hanne (sundhedsplejerske)", "inden 1. december 2026"),
            AgreedStepLine("Søren ringer til skolen om et møde før skolestart", "Søren", "i januar 2027"),
            AgreedStepLine("Vi sender ansøgningen om tabt arbejdsfortjeneste", "Mette", ""),
            AgreedStepLine("Hanne giver jer navnet på en forældregruppe", "Hanne (sundhedsplejerske)",
                           "ved næste besøg"),
            AgreedStepLine("Mormor Åse spørges, om hun kan have Ida en weekend", "Familien",
                           "i december"),
            AgreedStepLine("Vi taler om, hvordan det går, og om der skal holdes et netværksmøde",
                           "Hanne og familien", "8. december 2026"),
        ),
        next_contact="Hjemmebesøg tirsdag 8. december 2026 kl. 9.30 hos jer.",
        who_to_contact=(
            ContactLine("Hanne Østergaard", "Sundhedsplejerske", "Sundhedsplejen, Eksempel Kommune",
                        "12 34 56 78", "hanne.ostergaard@example.invalid"),
            ContactLine("Bjørn Ærlig", "Tovholder", "Familieafdelingen, Eksempel Kommune",
                        "87 65 43 21", "bjorn.aerlig@example.invalid"),
        ),
        family_agrees=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--json", type=Path, help="also write every figure to this file as JSON")
    parser.add_argument("--write", type=Path, help="also write one rendered sample PDF to this file")
    args = parser.parse_args()

    summary = realistic_summary()
    first = time.perf_counter()
    pdf = render_family_summary(summary)  # registers the fonts; not counted
    first_ms = (time.perf_counter() - first) * 1000
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        render_family_summary(summary)
        times.append((time.perf_counter() - start) * 1000)

    median = statistics.median(times)
    fonts = summary_pdf.pick_fonts()
    print(f"python {platform.python_version()}, reportlab {reportlab.Version}, font {fonts.regular}"
          f" ({'TrueType' if fonts.unicode else 'built-in'}), {platform.machine()}")
    print(f"first render (font registration) {first_ms:.1f} ms; PDF {len(pdf):,} bytes")
    print(f"summary_pdf: {args.runs} renders, median {median:.1f} ms, max {max(times):.1f} ms")
    print(f"ratio summary_pdf {median / TARGET_MS:.3f}")
    verdict = "PASS" if median <= TARGET_MS and max(times) <= TARGET_MS else "MISS"
    print(f"target: within {TARGET_MS:.0f} ms (median and every run): {verdict}")
    if args.json:
        p95 = sorted(times)[max(1, math.ceil(0.95 * len(times))) - 1]  # nearest rank
        args.json.write_text(json.dumps({
            "date": time.strftime("%Y-%m-%d"), "args": {k: str(v) for k, v in vars(args).items()},
            "python": platform.python_version(), "reportlab": reportlab.Version, "font": fonts.regular,
            "truetype": fonts.unicode, "pdf_bytes": len(pdf), "first_ms": first_ms,
            "figures": {"summary_pdf": {"median_ms": median, "p95_ms": p95, "max_ms": max(times), "min_ms": min(times),
                                 "runs_ms": times, "ratio": median / TARGET_MS}},
            "targets": [{"target": f"within {TARGET_MS:.0f} ms (median and every run)",
                         "pass": verdict == "PASS", "value": f"median {median:.1f} ms, max {max(times):.1f} ms"}],
        }, indent=2))
        print(f"results written to {args.json}")
    if args.write:
        args.write.write_bytes(pdf)
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
