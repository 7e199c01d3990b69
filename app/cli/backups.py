"""``tovholder backup``: an encrypted backup of a profile now (``tovholder restore``, in ``restore.py``, puts
one back; the helpers both use are here).

Both ask for the user's password (or read it from the first line of standard input with
``--password-stdin``) and refuse while Tovholder is running on the profile. ``restore`` lists the backups
in ``data/backups/`` (newest first) and restores the one chosen by number, or the file given with
``--from FILE``, after checking that it opens with the profile's key, is whole and belongs to this profile.
The database it replaces is kept beside it as ``tovholder.db.damaged-<time>``, never deleted.
Exit 0 when done, 1 when the chosen backup cannot be used, 2 when the profile cannot be opened.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

NAME = "backup"
HELP = "make an encrypted backup of the profile now (kept in data/backups/)"


def profile_paths(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from app.core.paths import AppPaths

    return AppPaths.for_basedir(args.basedir) if args.basedir else AppPaths.for_user()


def password_of(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass("The user's password: ")


def app_running(data_dir: Path) -> bool:
    """Tovholder holds its lock file (``tovholder.lock``, first line its process id) on this profile."""
    try:
        pid = int((data_dir / "tovholder.lock").read_text(encoding="ascii", errors="replace").split()[0])
    except (OSError, ValueError, IndexError):
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:  # pragma: no cover - e.g. Windows without that process
        return False
    return True


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(NAME, parents=[common], help=HELP, description=HELP)
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the user's password from the first line of standard input (for scripts)")


def refuse_while_running(paths, command: str) -> bool:  # type: ignore[no-untyped-def]
    if app_running(paths.data_dir):
        print(f"tovholder {command}: Tovholder is running on this profile; close it first", file=sys.stderr)
        return True
    return False


def run(args: argparse.Namespace) -> int:
    from app.core.errors import KnownError
    from app.services.backups import backup_profile

    paths = profile_paths(args)
    if not paths.has_profile():
        print(f"tovholder backup: no profile in {paths.data_dir}", file=sys.stderr)
        return 2
    if refuse_while_running(paths, "backup"):
        return 2
    try:
        made = backup_profile(paths, password_of(args))
    except KnownError as exc:
        print(f"tovholder backup: {exc.english()}", file=sys.stderr)
        return 2
    print(f"Backup written: {made} ({made.stat().st_size / 1e6:.1f} MB, encrypted with the profile's key)")
    return 0
