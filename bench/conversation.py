#!/usr/bin/env python
"""The clarifying conversation on a family with a long history: open it, autosave as she types, and
print the family's summary PDF, in the encrypted store against plain SQLite.

Two profiles are made by ``bench/store.py``'s ``create_bench_profile`` (same code path; the data key is
the only difference), each with ``--families`` background demo families and one synthetic family with
``--conversations`` earlier, completed conversations (notes of a few hundred words in every section,
resources and needs, agreed steps, follow-ups done) and a current one in progress. Every timed call goes
through the real services (``Workspace.conversations`` / ``.summaries``); the two sides alternate call
by call, and the side that goes first changes every time.

    python bench/conversation.py                  # 8 earlier conversations, 500 background families
    python bench/conversation.py --quick          # 3 earlier conversations, fewer repetitions
    python bench/conversation.py --conversations 12 --keystrokes 1000 --json /tmp/conv.json

Prints ``ratio <figure> <encrypted/plain>`` lines (from the medians) and PASS/MISS against the targets:
open within 150 ms (p95), a keystroke's autosave within 50 ms (p95 and max), the PDF within 1 s (median
and max), and encrypted/plain at most 1.15. Exit status 0 unless something crashed.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import store as store_bench  # noqa: E402  (bench/store.py: profile helper and statistics)
from helpers import on_day  # noqa: E402  (bench/helpers.py)

from app.services.cases import dto  # noqa: E402
from app.services.demo import DemoOptions, populate  # noqa: E402
from app.services.workspace import Workspace  # noqa: E402

SIDES = store_bench.SIDES

# Targets
MAX_RATIO = 1.15
MAX_OPEN_MS = 150.0
MAX_AUTOSAVE_MS = 50.0
MAX_PDF_MS = 1000.0
WARM_UP = 5

MEMBER_SECTION = "familiemedlem"
TYPED_SECTION = "hverdagen_med_sygdommen"  # where the timed typing happens (a problem-area section)
WORDS = (
    "vi", "hun", "han", "de", "familien", "barnet", "morgenen", "aftenen", "skolen", "børnehaven", "medicinen",
    "sygehuset", "kontrollen", "hverdagen", "søvnen", "maden", "legen", "bekymringen", "overskuddet", "mormor",
    "naboerne", "træner", "fortæller", "synes", "oplever", "mærker", "savner", "ønsker", "husker", "glemmer",
    "godt", "svært", "trygt", "roligt", "travlt", "ofte", "sjældent", "nogle", "gange", "om", "ugen", "især",
    "når", "fordi", "men", "og", "også", "gerne", "mere", "mindre", "tid", "ro", "hjælp", "plan", "aftale",
    "blodsukkeret", "insulinen", "pumpen", "målingerne", "natten", "weekenden", "håndbold", "svømning",
    "lektierne", "vennerne", "lærerne", "pædagogen", "søskende", "storebror", "lillesøster", "arbejdet",
    "økonomien", "bilen", "bussen", "tolken", "brevene", "beskederne", "lægen", "sygeplejersken", "diætisten",
)
NAMES = ("Mette", "Jonas", "Lærke", "Sofus", "Ida")


def text(rng: random.Random, words: int) -> str:
    """Synthetic Danish-looking notes: sentences of 6-16 words, paragraphs of 3-6 sentences."""
    paragraphs, sentences, sentence, count = [], [], [], 0
    while count < words:
        sentence.append(rng.choice(NAMES) if rng.random() < 0.06 else rng.choice(WORDS))
        count += 1
        if len(sentence) >= rng.randint(6, 16):
            sentences.append(" ".join(sentence).capitalize() + rng.choice((".", ".", ".", "?", "!")))
            sentence = []
            if len(sentences) >= rng.randint(3, 6):
                paragraphs.append(" ".join(sentences))
                sentences = []
    if sentence:
        sentences.append(" ".join(sentence).capitalize() + ".")
    if sentences:
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def the_family(referred_on: date) -> dto.NewCase:
    """A synthetic family (no real person, no CPR numbers): two parents, the ill child, two siblings."""
    def member(relation: str, name: str, born: date, *diagnoses: dto.DiagnosisInput) -> dto.MemberInput:
        return dto.MemberInput(relation, name, "Bench-Skovbjerg", birth_date=born, diagnoses=diagnoses)

    return dto.NewCase(
        family_name="Familien Bench-Skovbjerg",
        template_id="herning",
        referral=dto.ReferralInput("hospital", referred_on, organisation="Børneafdelingen",
                                   reason="Nydiagnosticeret type 1-diabetes", channel="secure_mail"),
        members=(
            member("mor", "Mette", date(1986, 3, 2)),
            member("far", "Jonas", date(1984, 8, 19)),
            member("barn", "Lærke", date(2015, 5, 5), dto.DiagnosisInput("Type 1-diabetes", "DE10")),
            member("storebror", "Sofus", date(2012, 1, 30)),
            member("lillesoester", "Ida", date(2019, 10, 1)),
        ),
        address="Bøgevej 3", postal_code="7400", city="Herning",
    )


def fill_conversation(ws: Workspace, conversation_id: str, rng: random.Random, day: date, words: int,
                      items: int, steps: int, finish: bool) -> None:
    """Everything a long conversation captures, through the services, one committed change at a time."""
    conversations, plans = ws.conversations, ws.plans
    view = conversations.view(conversation_id)
    areas = [t.code for t in ws.content.vocabulary.problem_areas]
    for section in view.sections:
        conversations.save_notes(conversation_id, section.key, text(rng, rng.randint(words * 3 // 4, words)), 0)
    conversations.save_what_matters(conversation_id, text(rng, 80))
    member_ids = [m.id for m in view.members]
    for i in range(items):
        conversations.add_item(conversation_id, "need" if i % 2 else "resource", text(rng, rng.randint(4, 12)),
                               "", tuple(rng.sample(member_ids, rng.randint(0, 2))),
                               tuple(rng.sample(areas, rng.randint(1, 2))))
    for i in range(steps):
        plans.add_step(conversation_id, text(rng, rng.randint(5, 12)), rng.choice(("family", "professional")),
                       rng.choice(("Mette", "Jonas", "Hanne", "")), day + timedelta(days=7 + 3 * i))
    plans.schedule_follow_up(conversation_id, "home_visit", day + timedelta(days=14), "kl. 9.30")
    plans.schedule_follow_up(conversation_id, "follow_up_conversation", day + timedelta(days=28))
    for member in view.members:
        conversations.set_member_status(conversation_id, f"{MEMBER_SECTION}:{member.id}", "addressed")
    ws.summaries.set_agreement(conversation_id, True)
    if finish:
        conversations.complete(conversation_id)


def build_family(ws: Workspace, today: date, history: int, seed: int, words: int, items: int,
                 steps: int) -> tuple[str, str]:
    """The family, its ``history`` completed conversations a month apart, and the current one."""
    rng = random.Random(seed)
    first_day = today - timedelta(days=30 * (history + 1))
    start = on_day(ws, first_day)
    case = start.cases.create_case(the_family(first_day - timedelta(days=3)))
    start.course.record_consent(case.id, dto.ConsentInput("Mette", first_day - timedelta(days=1), "signed",
                                                          (dto.ScopeInput("participation"),)))
    start.course.assign_tovholder(case.id, dto.TovholderInput(first_day, "Har kontakten", True, is_me=True))
    for k in range(history):
        day = first_day + timedelta(days=30 * k)
        then = on_day(ws, day)
        view = then.conversations.start(case.id)
        fill_conversation(then, view.id, rng, day, words, items, steps, finish=True)
        # The next contacts of that conversation happened before the next one.
        later = on_day(ws, day + timedelta(days=29))
        for follow_up in later.plans.follow_ups(case.id):
            if follow_up.done_on is None:
                later.plans.complete_follow_up(case.id, follow_up.id, follow_up.due_on)
    current = ws.conversations.start(case.id)
    fill_conversation(ws, current.id, rng, today, words, items, steps, finish=False)
    return case.id, current.id


# ---------------------------------------------------------------------------------- measurements

def bench_open(ws: dict[str, Workspace], ids: dict[str, str], count: int) -> dict[str, list[float]]:
    for side in SIDES:
        for _ in range(WARM_UP):
            ws[side].conversations.open(ids[side])
    times: dict[str, list[float]] = {side: [] for side in SIDES}
    for r in range(count):
        for side in store_bench.order_for(r):
            conversations = ws[side].conversations
            t0 = time.perf_counter()
            view = conversations.open(ids[side])
            times[side].append((time.perf_counter() - t0) * 1000)
            assert view.id == ids[side]
    return times


def bench_autosave(ws: dict[str, Workspace], ids: dict[str, str], keystrokes: int,
                   seed: int) -> dict[str, list[float]]:
    """``save_notes`` with the section's text one character longer each call (typing at its end)."""
    rng = random.Random(seed)
    typed = text(rng, keystrokes // 3 + 20)[:keystrokes]
    base = {side: ws[side].conversations.view(ids[side]).section(TYPED_SECTION).notes + "\n\n" for side in SIDES}
    for side in SIDES:  # unmeasured: the first save of the session also writes its audit entry
        for n in range(WARM_UP):
            ws[side].conversations.save_notes(ids[side], "formaal", f"warm-up {n}", n)
    times: dict[str, list[float]] = {side: [] for side in SIDES}
    gc.collect()
    for k in range(1, keystrokes + 1):
        for side in store_bench.order_for(k):
            notes = base[side] + typed[:k]
            t0 = time.perf_counter()
            ws[side].conversations.save_notes(ids[side], TYPED_SECTION, notes, len(notes))
            times[side].append((time.perf_counter() - t0) * 1000)
    for side in SIDES:
        saved = ws[side].conversations.view(ids[side]).section(TYPED_SECTION).notes
        if saved != base[side] + typed:
            raise AssertionError(f"{side}: the last autosave is not what was typed")
    return times


def bench_pdf(ws: dict[str, Workspace], ids: dict[str, str], count: int) -> tuple[dict[str, list[float]], dict]:
    sizes = {}
    for side in SIDES:  # unmeasured: registers the fonts
        sizes[side] = len(ws[side].summaries.export_pdf(ids[side]))
    times: dict[str, list[float]] = {side: [] for side in SIDES}
    for r in range(count):
        for side in store_bench.order_for(r):
            gc.collect()  # a PDF makes much garbage; collect before each, not during the next
            t0 = time.perf_counter()
            pdf = ws[side].summaries.export_pdf(ids[side])
            times[side].append((time.perf_counter() - t0) * 1000)
            assert pdf.startswith(b"%PDF")
    return times, sizes


def history_size(ws: Workspace, case_id: str) -> dict[str, int]:
    with ws.store.engine.connect() as conn:
        def count(sql: str) -> int:
            return conn.exec_driver_sql(sql, (case_id,)).scalar()

        return {
            "conversations": count("SELECT count(*) FROM conversations WHERE case_id = ?"),
            "sections": count("SELECT count(*) FROM conversation_sections s JOIN conversations c "
                              "ON c.id = s.conversation_id WHERE c.case_id = ?"),
            "words": count("SELECT coalesce(sum(length(s.notes) - length(replace(s.notes, ' ', '')) + 1), 0) "
                           "FROM conversation_sections s JOIN conversations c ON c.id = s.conversation_id "
                           "WHERE c.case_id = ?"),
            "items": count("SELECT count(*) FROM conversation_items i JOIN conversations c "
                           "ON c.id = i.conversation_id WHERE c.case_id = ?"),
            "agreed_steps": count("SELECT count(*) FROM agreed_steps WHERE case_id = ?"),
            "follow_ups": count("SELECT count(*) FROM follow_ups WHERE case_id = ?"),
        }


# ------------------------------------------------------------------------------------ reporting

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conversations", type=int, default=8, help="earlier, completed conversations (8)")
    parser.add_argument("--families", type=int, default=500, help="background demo families per profile (500)")
    parser.add_argument("--words", type=int, default=300, help="words of notes per section, at most (300)")
    parser.add_argument("--items", type=int, default=20, help="resources and needs per conversation (20)")
    parser.add_argument("--steps", type=int, default=10, help="agreed steps per conversation (10)")
    parser.add_argument("--opens", type=int, default=50)
    parser.add_argument("--keystrokes", type=int, default=500)
    parser.add_argument("--pdfs", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="3 conversations, 100 families, fewer repetitions")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--dir", type=Path, default=None, help="folder for the two temporary profiles")
    parser.add_argument("--keep", action="store_true", help="keep the profiles (their folder is printed)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    if args.quick:
        args.conversations, args.families, args.opens, args.keystrokes, args.pdfs = 3, 100, 20, 100, 5

    today = date.today()
    run_start = time.perf_counter()
    print(f"bench/conversation.py: {args.conversations} earlier conversations (≤{args.words} words per section, "
          f"{args.items} resources/needs, {args.steps} agreed steps each), {args.families} background families")
    print(f"  Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs, "
          f"load average {store_bench.load_average()}")
    tmp = Path(tempfile.mkdtemp(prefix="tovholder-bench-conv-", dir=args.dir))
    print(f"  profiles under {tmp}")
    content = store_bench.load_content()
    ws: dict[str, Workspace] = {}
    results: dict = {"date": today.isoformat(), "args": {k: str(v) for k, v in vars(args).items()}, "figures": {}}
    try:
        ids: dict[str, str] = {}
        for side in SIDES:
            ws[side] = store_bench.create_bench_profile(tmp / side, side == "encrypted", content, today)
            t0 = time.perf_counter()
            if args.families:
                populate(ws[side], DemoOptions(families=args.families, seed=args.seed))
            case_id, ids[side] = build_family(ws[side], today, args.conversations, args.seed + 1, args.words,
                                              args.items, args.steps)
            store_bench.checkpoint(ws[side])
            size = history_size(ws[side], case_id)
            print(f"  built {side:<9} in {time.perf_counter() - t0:5.1f} s: {size['conversations']} conversations, "
                  f"{size['sections']} sections with {size['words']:,} words of notes, {size['items']} items, "
                  f"{size['agreed_steps']} agreed steps, {size['follow_ups']} follow-ups; "
                  f"database {store_bench.db_size_mb(ws[side]):.1f} MB")
            results[f"history_{side}"] = size

        # What building both profiles left on the heap is not the app's: keep the collector's full
        # passes (which land on whichever side happens to trigger them) from scanning it.
        gc.collect()
        gc.freeze()

        print(f"\n[open_conversation] conversations.open(current), {args.opens} per side (audited: one commit "
              f"each; after {WARM_UP} unmeasured)")
        opened = {side: store_bench.summarise(v) for side, v in bench_open(ws, ids, args.opens).items()}
        store_bench.print_timing("open_conversation", opened)

        print(f"\n[autosave] conversations.save_notes, the text one character longer each call, "
              f"{args.keystrokes} per side (one commit each)")
        autosave_times = bench_autosave(ws, ids, args.keystrokes, args.seed + 2)
        autosave = {side: store_bench.summarise(v) for side, v in autosave_times.items()}
        store_bench.print_timing("autosave", autosave)
        for side in SIDES:
            slow = [(k, ms) for k, ms in enumerate(autosave_times[side], start=1) if ms > MAX_AUTOSAVE_MS]
            results[f"autosave_over_{MAX_AUTOSAVE_MS:.0f}ms_{side}"] = [{"keystroke": k, "ms": ms} for k, ms in slow]
            print(f"  autosave {side:<9} over {MAX_AUTOSAVE_MS:.0f} ms: {len(slow)} of {len(autosave_times[side])}"
                  + (" (keystroke: ms) " + ", ".join(f"{k}: {ms:.0f}" for k, ms in slow[:10]) if slow else ""))

        print(f"\n[export_pdf] summaries.export_pdf(current), {args.pdfs} per side (after 1 unmeasured)")
        pdf_times, pdf_sizes = bench_pdf(ws, ids, args.pdfs)
        pdf = {side: store_bench.summarise(v) for side, v in pdf_times.items()}
        store_bench.print_timing("export_pdf", pdf)
        print(f"  PDF size: encrypted {pdf_sizes['encrypted']:,} bytes, plain {pdf_sizes['plain']:,} bytes")
        results["pdf_bytes"] = pdf_sizes
    finally:
        for workspace in ws.values():
            workspace.store.close()
        if args.keep:
            print(f"\n  kept the profiles under {tmp} (password for encrypted: {store_bench.PASSWORD!r})")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    figures = {"open_conversation": opened, "autosave": autosave, "export_pdf": pdf}
    for name, stats in figures.items():
        results["figures"][name] = {**stats, "ratio": stats["encrypted"]["median"] / stats["plain"]["median"]}
    elapsed = time.perf_counter() - run_start
    results["run_seconds"] = elapsed

    store_bench.print_ratios(results["figures"], figures)

    enc = {name: stats["encrypted"] for name, stats in figures.items()}
    checks = store_bench.ratio_checks(results["figures"], figures, MAX_RATIO)
    checks += [
        (f"open_conversation p95 <= {MAX_OPEN_MS:.0f} ms", enc["open_conversation"]["p95"] <= MAX_OPEN_MS,
         f"p95 {enc['open_conversation']['p95']:.1f} ms, median {enc['open_conversation']['median']:.1f} ms"),
        (f"autosave p95 <= {MAX_AUTOSAVE_MS:.0f} ms", enc["autosave"]["p95"] <= MAX_AUTOSAVE_MS,
         f"p95 {enc['autosave']['p95']:.1f} ms, median {enc['autosave']['median']:.1f} ms"),
        (f"autosave max <= {MAX_AUTOSAVE_MS:.0f} ms", enc["autosave"]["max"] <= MAX_AUTOSAVE_MS,
         f"max {enc['autosave']['max']:.1f} ms"),
        (f"export_pdf median and max <= {MAX_PDF_MS:.0f} ms",
         enc["export_pdf"]["median"] <= MAX_PDF_MS and enc["export_pdf"]["max"] <= MAX_PDF_MS,
         f"median {enc['export_pdf']['median']:.1f} ms, max {enc['export_pdf']['max']:.1f} ms"),
    ]
    print(f"\nTargets (encrypted side; run time {elapsed:.0f} s, load average {store_bench.load_average()})")
    store_bench.report_targets(checks, results, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
