"""Export files: the one way a file with a family's data leaves the encrypted store.

An export (the family's summary PDF, the network map as PNG, PDF or JSON) is written in three steps, so
that it exists on the disk only if its audit entry is committed (issue 9, section 4):

1. ``ExportFile.stage`` writes the bytes to a new hidden temporary file in the target folder
   (``O_EXCL``, mode 0600, fsynced), inside the service's unit of work;
2. the unit of work commits the audit entry;
3. leaving ``ExportFile``'s ``with`` block moves the file into place, never over another file unless she
   confirmed that in the save dialog (``replace=True``); a name taken meanwhile gets " (2)", " (3)" ….

If anything fails before the commit (the audit write, the commit, the disk), the temporary file is
removed and nothing is left. No export is written inside a git checkout. Export files are NOT encrypted: README.md says so, and the names carry as
little as she needs to find the file (``export_file_name``, reasons in ``docs/exports.md``).

This module has no Qt; the save dialog (``app/ui/common/export_dialog.py``) uses the folder and name
helpers below.
"""

from __future__ import annotations

import errno
import os
import secrets
import time
import unicodedata
from datetime import date
from pathlib import Path
from types import TracebackType

import platformdirs

from app import APP_NAME
from app.core.errors import ExportFileError

TEMP_PREFIX = ".tovholder-export-"
TEMP_SUFFIX = ".part"
STALE_TEMP_SECONDS = 3600  # a temporary file this old was left by a crash before its commit
MAX_NUMBERED = 999

KINDS = {
    "conversation": {"da": "Samtale", "en": "Conversation"},
    "network_map": {"da": "Netværkskort", "en": "Network map"},
}
SHARING = {"da": "til deling", "en": "for sharing"}
# Words in a family's name that say nothing about which family it is ("Familien Nørgaard").
_FAMILY_WORDS = {"familien", "familie", "family", "the", "fam."}


# ---- where exports go


def in_git_work_tree(folder: Path) -> bool:
    """True if ``folder`` (or the folder it would be) is inside a git checkout: no export goes there,
    where it could be committed and pushed by accident."""
    folder = folder.expanduser().resolve()
    return any((parent / ".git").exists() for parent in (folder, *folder.parents))


def default_export_folder(chosen: str = "", documents: Path | None = None, home: Path | None = None) -> Path:
    """The folder the save dialog starts in: the one she chose in Settings, else Documents/Tovholder,
    else ~/Tovholder. Never the process's working directory, and a folder inside a git checkout is
    skipped; if every candidate is in one (a home folder under git), the last is used."""
    candidates = [Path(chosen).expanduser()] if chosen.strip() else []
    documents = documents if documents is not None else Path(platformdirs.user_documents_dir())
    home = home if home is not None else Path.home()
    candidates += [documents / APP_NAME, home / APP_NAME]
    for folder in candidates:
        if folder.is_absolute() and not in_git_work_tree(folder):
            return folder
    return candidates[-1]


def ensure_folder(folder: Path) -> Path:
    """Make the export folder if it is not there yet (hers only where the platform allows it)."""
    if not folder.is_dir():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


# ---- names


def family_initials(family_name: str) -> str:
    """The initials of a family's name without the word "Familien": "Familien Hansen-Nørgaard" -> "HN"."""
    words = [w for w in unicodedata.normalize("NFC", family_name).replace("-", " ").split()
             if w.casefold() not in _FAMILY_WORDS]
    letters = "".join(next((c for c in w if c.isalpha()), "") for w in words)
    return letters.upper()[:3]


def export_file_name(kind: str, on: date, family_name: str, suffix: str, language: str = "da",
                     sharing: bool = False) -> str:
    """The name an export is proposed under: what it is, the date, the family's initials, e.g.
    "Samtale 2026-11-22 N.pdf" or "Netværkskort 2026-11-22 N til deling.pdf". No full names, CPR or
    addresses: the name is seen in file lists, recent files, backups and printer queues."""
    lang = "en" if language == "en" else "da"
    parts = [KINDS[kind][lang], on.isoformat(), family_initials(family_name)]
    if sharing:
        parts.append(SHARING[lang])
    name = " ".join(p for p in parts if p)
    return f"{_safe(name)}.{suffix.lstrip('.')}"


def _safe(name: str) -> str:
    """A file name any of the platforms accepts (no separators, reserved or control characters)."""
    cleaned = "".join("-" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in name)
    return cleaned.strip(" .") or "Tovholder"


def numbered(target: Path, number: int) -> Path:
    """``target`` with " (n)" before its suffix for n > 1: "Samtale 2026-11-22 N (2).pdf"."""
    if number <= 1:
        return target
    return target.with_name(f"{target.stem} ({number}){target.suffix}")


def free_path(target: Path) -> Path:
    """``target``, or the first " (2)", " (3)" … beside it that is not taken."""
    for number in range(1, MAX_NUMBERED + 1):
        candidate = numbered(target, number)
        if not os.path.lexists(candidate):
            return candidate
    raise ExportFileError()


# ---- writing


class ExportFile:
    """One export on its way to the disk; see the module docstring for the three steps::

        with ExportFile(target) as export:
            with store.unit_of_work() as session:
                export.stage(content)
                append_audit(session, ...)
        return export.path
    """

    def __init__(self, target: Path, replace: bool = False) -> None:
        self.target = target
        self.replace = replace
        self.path = target  # where the file ended up (a " (2)" name if the target was taken)
        self._temp: Path | None = None

    def stage(self, content: bytes) -> None:
        """Write ``content`` to a new temporary file beside the target (0600, fsynced)."""
        folder = self.target.parent
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            _sweep_stale(folder)
            fd, temp = _new_temp(folder)
            self._temp = temp
            try:
                view = memoryview(content)
                while view:
                    view = view[os.write(fd, view):]
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            self.discard()
            raise _error(exc) from exc

    def discard(self) -> None:
        """Remove the temporary file, if there is one."""
        if self._temp is not None:
            try:
                self._temp.unlink(missing_ok=True)
            except OSError:  # pragma: no cover - the folder went away
                pass
            self._temp = None

    def __enter__(self) -> ExportFile:
        if in_git_work_tree(self.target.parent):  # where it could be committed and pushed by mistake
            raise ExportFileError(ExportFileError.in_git_checkout)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is not None:
            self.discard()
            return
        if self._temp is not None:
            self.path = self._publish()

    def _publish(self) -> Path:
        temp = self._temp
        assert temp is not None
        try:
            if self.replace:  # she confirmed replacing this file in the save dialog
                os.replace(temp, self.target)
                path = self.target
            else:
                path = _move_no_replace(temp, self.target)
            _fsync_dir(path.parent)
        except OSError as exc:
            self.discard()
            raise _error(exc) from exc
        self._temp = None
        return path


def _new_temp(folder: Path) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    while True:
        temp = folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}"
        try:
            return os.open(temp, flags, 0o600), temp
        except FileExistsError:  # pragma: no cover - 64 random bits taken
            continue


def _move_no_replace(temp: Path, target: Path) -> Path:
    """Give ``temp`` the target's name, or the first free " (n)" name; never replaces a file."""
    for number in range(1, MAX_NUMBERED + 1):
        candidate = numbered(target, number)
        try:
            _link_or_rename(temp, candidate)
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(errno.EEXIST, "no free name", str(target))


def _link_or_rename(temp: Path, target: Path) -> None:
    try:
        os.link(temp, target)  # atomic and fails if the name is taken
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (FAT/exFAT sticks, some network shares). On Windows a rename fails if the
        # name is taken; elsewhere check first (a small race, only on such file systems).
        if os.name != "nt" and os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "taken", str(target)) from None
        os.rename(temp, target)
        return
    os.unlink(temp)


def _sweep_stale(folder: Path) -> None:
    """Remove temporary files a crash left between staging and commit (they have no audit entry)."""
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:  # pragma: no cover
        return
    for entry in entries:
        if entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX):
            try:
                if now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS:
                    os.unlink(entry.path)
            except OSError:  # pragma: no cover - gone already
                pass


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


def _error(exc: OSError) -> ExportFileError:
    if exc.errno == errno.ENOSPC:
        return ExportFileError(ExportFileError.disk_full)
    return ExportFileError()
