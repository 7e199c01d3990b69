"""Room on the disk: how much to ask her to free, and the space reserve that lets her work on a full disk.

The reserve is a file of random bytes under ``data/`` made with the profile. When the disk fills up
(SQLite reports it full, or the free space falls below what one cycle of the write-ahead log needs), the
reserve is deleted, which gives SQLite room to record her unlock and her reads and to keep what she
types; it is made again once the disk has room. Random bytes, because a file of zeros can take no room
on a compressing or deduplicating file system.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
from pathlib import Path

log = logging.getLogger(__name__)

MB = 1024 * 1024
#: The reserve: one full cycle of SQLite's write-ahead log (1,000 pages of 4 KiB before it restarts)
#: and its index, twice over.
RESERVE_BYTES = 8 * MB
#: Below this much free space the reserve is given up before SQLite runs out of room.
LOW_WATER_BYTES = 4 * MB
#: The reserve is made again only when this much is free beside it, so that making it never fills the disk.
RECREATE_FREE_BYTES = 200 * MB
#: What she is asked to have free: room for a day's work, a backup and the reserve.
COMFORTABLE_FREE_BYTES = 200 * MB


def free_bytes(folder: Path) -> int:
    """Bytes free for this user on the disk holding ``folder`` (a large number if it cannot be told)."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 1 << 62


def megabytes_to_free(folder: Path, database: Path | None = None) -> int:
    """How many MB she should free: enough to get back to a comfortable margin (at least 200 MB, and
    more than twice the database, so a backup fits), rounded up to 10 MB."""
    size = 0
    if database is not None:
        try:
            size = database.stat().st_size
        except OSError:
            size = 0
    target = max(COMFORTABLE_FREE_BYTES, 2 * size + RESERVE_BYTES)
    missing = max(target - free_bytes(folder), 10 * MB)
    return int(math.ceil(missing / (10 * MB)) * 10)


class SpaceReserve:
    """The reserve file (see the module docstring)."""

    def __init__(self, path: Path, size: int | None = None) -> None:
        self.path = path
        self.size = size or RESERVE_BYTES  # read here, so a test suite may make it smaller
        self.released = False  # given up in this session: make it again when there is room

    @property
    def present(self) -> bool:
        try:
            return self.path.stat().st_size >= self.size
        except OSError:
            return False

    def release(self) -> bool:
        """Delete the reserve; True if there was one to give back."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        except OSError as exc:
            log.warning("space reserve not released: %s", type(exc).__name__)
            return False
        self.released = True
        log.warning("disk nearly full: the space reserve was released")
        return True

    def make(self) -> bool:
        """Make the reserve if it is missing and the disk has room for it; True if it is there now.

        Never leaves a half-made reserve: it is written under a temporary name and moved into place.
        """
        if self.present:
            return True
        if free_bytes(self.path.parent) < self.size + RECREATE_FREE_BYTES:
            return False
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            stale.unlink(missing_ok=True)  # left by a process killed while it made the reserve
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                left = self.size
                while left:
                    left -= os.write(fd, os.urandom(min(left, MB)))
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, self.path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            log.warning("space reserve not made: %s", type(exc).__name__)
            return False
        return True

    def keep_room(self) -> None:
        """After a write: give the reserve up if the disk is nearly full; once it was given up in this
        session, make it again when the disk has room (a statvfs call, no writing otherwise)."""
        free = free_bytes(self.path.parent)
        if free < LOW_WATER_BYTES:
            self.release()
        elif self.released and self.make():
            self.released = False
