"""A growing wait after repeated wrong passwords, kept on disk so a restart does not reset it.

The Argon2id cost is the real barrier against guessing; this slows a person at the keyboard and
tells her plainly how long to wait.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.fileio import atomic_write_json, read_json

FREE_ATTEMPTS = 3
FIRST_DELAY_SECONDS = 5
MAX_DELAY_SECONDS = 300


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passwords in a row."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS))


@dataclass
class UnlockThrottle:
    """Counts failures in ``unlock-state.json`` (no personal data)."""

    path: Path
    clock: Callable[[], float] = time.time

    def _read(self) -> tuple[int, float]:
        try:
            raw = read_json(self.path)
            return int(raw.get("failures", 0)), float(raw.get("last_failure", 0.0))
        except (OSError, ValueError, AttributeError, TypeError):
            return 0, 0.0

    @property
    def failures(self) -> int:
        return self._read()[0]

    def seconds_to_wait(self) -> int:
        failures, last = self._read()
        remaining = last + delay_after(failures) - self.clock()
        return max(0, int(remaining + 0.999))

    def record_failure(self) -> int:
        """Count one more failure; returns the wait before the next attempt."""
        failures, _ = self._read()
        failures += 1
        atomic_write_json(self.path, {"failures": failures, "last_failure": self.clock()})
        return delay_after(failures)

    def reset(self) -> None:
        if self._read()[0]:
            atomic_write_json(self.path, {"failures": 0, "last_failure": 0.0})
