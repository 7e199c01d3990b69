"""A growing wait after repeated wrong passwords, kept in the key file so that neither a restart nor
deleting a file resets it.

The Argon2id cost is the real barrier against guessing; this slows a person at the keyboard and
tells her plainly how long to wait. The count is part of the key file's checksum: editing it by hand
makes the key file damaged, and without the key file nothing opens. (Someone who can put back an old
copy of the key file can reset the count; the Argon2id cost still holds.) Older versions kept the
count in ``unlock-state.json``; it is still read (the higher count wins) and removed once the count
lives in the key file.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import KeyFileError
from app.core.fileio import read_json
from app.security.keyfile import KeyFile

log = logging.getLogger(__name__)

FREE_ATTEMPTS = 3
FIRST_DELAY_SECONDS = 5
MAX_DELAY_SECONDS = 300
LEGACY_STATE_FILE = "unlock-state.json"  # beside the key file, where 0.1.0 builds before December 2026 kept it


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passwords in a row."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS))


@dataclass
class UnlockThrottle:
    """Counts wrong passwords in the key file at ``key_file`` (no personal data)."""

    key_file: Path
    clock: Callable[[], float] = time.time

    @property
    def _legacy(self) -> Path:
        return self.key_file.with_name(LEGACY_STATE_FILE)

    def _read(self) -> tuple[int, float]:
        failures, last = 0, 0.0
        try:
            state = KeyFile.load(self.key_file).unlock
            failures, last = int(state.get("failures", 0)), float(state.get("last_failure", 0.0))
        except (KeyFileError, ValueError, TypeError):
            pass  # no key file or a damaged one: unlocking says so itself
        try:
            raw = read_json(self._legacy)
            legacy = int(raw.get("failures", 0)), float(raw.get("last_failure", 0.0))
            failures, last = max((failures, last), legacy)
        except (OSError, ValueError, AttributeError, TypeError):
            pass
        return failures, last

    @property
    def failures(self) -> int:
        return self._read()[0]

    def seconds_to_wait(self) -> int:
        failures, last = self._read()
        remaining = last + delay_after(failures) - self.clock()
        return max(0, int(remaining + 0.999))

    def _write(self, failures: int, last: float) -> None:
        try:
            keyfile = KeyFile.load(self.key_file)
            keyfile.unlock = {"failures": failures, "last_failure": last} if failures else {}
            keyfile.save(self.key_file)
            self._legacy.unlink(missing_ok=True)
        except (KeyFileError, OSError) as exc:
            # A full disk cannot stop her from trying; the key derivation's cost still slows a guesser.
            log.warning("the count of wrong passwords could not be kept: %s", type(exc).__name__)

    def record_failure(self) -> int:
        """Count one more failure; returns the wait before the next attempt."""
        failures = self._read()[0] + 1
        self._write(failures, self.clock())
        return delay_after(failures)

    def reset(self) -> None:
        if self._read()[0] or self._legacy.exists():
            self._write(0, 0.0)
