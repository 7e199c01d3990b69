"""Small file helpers: atomic writes that either fully happen or leave the old file as it was."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

from app.core.errors import DiskFullError, StorageError


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file, whole.

    Raises:
        DiskFullError: the disk is full; the old file is untouched.
        StorageError: any other write failure; the old file is untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:  # pragma: no cover
            pass
        if exc.errno == errno.ENOSPC:
            raise DiskFullError() from exc
        raise StorageError() from exc


def atomic_write_json(path: Path, value: Any) -> None:
    """Write ``value`` as pretty UTF-8 JSON, atomically."""
    text = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))


def read_json(path: Path) -> Any:
    """Read a JSON file; raises ``FileNotFoundError`` or ``ValueError`` (bad JSON)."""
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)
