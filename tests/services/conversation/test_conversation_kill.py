"""Nothing typed is lost: the conversation screen is killed (SIGKILL) while she types, at random
moments; every acknowledged keystroke is in the database afterwards, exactly, with the section she
was in, and the database is whole."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import text

from app.services.cases import dto
from tests.conftest import PASSWORD, TODAY

ROOT = Path(__file__).resolve().parents[3]
TYPED = "Mor fortæller: Freja sover dårligt, og Villads føler sig overset. Æblerne i haven er modne!"
RUNS = 4


def _prepare(workspace) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    case = workspace.cases.create_case(dto.NewCase(
        family_name="Familien Lindholt", template_id="generisk",
        referral=dto.ReferralInput("hospital", date(2026, 11, 10)),
        members=(dto.MemberInput("mor", "Stine", "Lindholt", birth_date=date(1988, 1, 1)),
                 dto.MemberInput("barn", "Freja", "Lindholt", birth_date=date(2017, 1, 1)))))
    workspace.course.record_consent(case.id, dto.ConsentInput("Stine Lindholt", date(2026, 11, 11), "verbal",
                                                              (dto.ScopeInput("participation"),)))
    view = workspace.conversations.start(case.id)
    key = next(s.key for s in view.sections if s.kind == "member")
    return view.id, key


def test_killing_the_app_mid_typing_loses_no_acknowledged_keystroke(workspace, paths, reopen, tmp_path):
    conversation_id, key = _prepare(workspace)
    workspace.lock()
    rng = random.Random(20261122)
    for run in range(RUNS):
        stop_after = rng.randint(3, len(TYPED) - 5)
        stderr = tmp_path / f"writer-{run}.err"
        with open(stderr, "w") as err:
            proc = subprocess.Popen(
                [sys.executable, "-m", "tests.helpers.typing_writer", str(paths.data_dir.parent), PASSWORD,
                 conversation_id, key, TYPED, TODAY.isoformat()],
                cwd=ROOT, stdout=subprocess.PIPE, stdin=subprocess.PIPE, stderr=err, text=True)
            try:
                assert proc.stdout.readline().strip() == "READY", stderr.read_text()
                acked = 0
                while acked < stop_after:
                    line = proc.stdout.readline().strip()
                    assert line.startswith("ACK"), (line, stderr.read_text())
                    acked = int(line.split()[1])
            finally:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=30)
                proc.stdout.close()
                proc.stdin.close()

        ws = reopen()
        try:
            view = ws.conversations.view(conversation_id)
            notes = view.section(key).notes
            # Every acknowledged key is there; the one being typed when the kill came may be too.
            assert notes in (TYPED[:acked], TYPED[:acked + 1]), (acked, notes)
            assert view.cursor_section == key
            assert view.cursor_position in (acked, acked + 1)
            with ws.store.unit_of_work() as session:
                assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            # Start the next run from an empty note again.
            ws.conversations.save_notes(conversation_id, key, "", 0)
        finally:
            ws.lock()
