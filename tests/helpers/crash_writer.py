"""The writer of the crash test: unlocks a profile and saves families until it is killed.

    python -m tests.helpers.crash_writer BASEDIR PASSWORD RUN TODAY

Prints ``READY`` once unlocked. Then, for family ``n`` of this run, it opens the case (one unit of
work) and records the family's consent (another), and after each has committed prints, flushed:

    ACK <case_id> <n> created
    ACK <case_id> <n> consent

Nothing is printed before the commit has returned, so every ACK the test reads is a promise that
the change is on the disk. The test kills this process with SIGKILL at a moment of its choosing.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make ``tests.helpers`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.content.library import ContentLibrary  # noqa: E402
from app.core.paths import AppPaths  # noqa: E402
from app.core.resources import content_dir  # noqa: E402
from app.core.settings import Policy, Settings  # noqa: E402
from app.services.workspace import unlock  # noqa: E402
from tests.helpers.families import family, participation  # noqa: E402


def crash_family_name(run: int, n: int) -> str:
    return f"Familien Nedbrud-{run}-{n}"


def crash_family(run: int, n: int):  # type: ignore[no-untyped-def]
    """Family ``n`` of run ``run``: what the test expects to find for every ACK."""
    return family(surname=f"Nedbrud-{run}-{n}", template="herning", child=f"Barn{n}",
                  note=f"Kørsel {run}, familie {n}. " * 20)


def say(line: str) -> None:
    """One line to the test, on its way before the next unit of work starts."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(basedir: str, password: str, run: int, today: date) -> None:
    paths = AppPaths.for_basedir(basedir)
    workspace = unlock(paths, password, Settings.load(paths.settings_file), Policy(),
                       content=ContentLibrary.load(content_dir()), today=lambda: today)
    say("READY")
    n = 0
    while True:
        case_id = workspace.cases.create_case(crash_family(run, n)).id
        say(f"ACK {case_id} {n} created")
        workspace.course.record_consent(case_id, participation())
        say(f"ACK {case_id} {n} consent")
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), date.fromisoformat(sys.argv[4]))
