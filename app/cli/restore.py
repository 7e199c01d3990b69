"""``tovholder restore --basedir DIR [--from FILE]``: list the profile's backups and put one back.

Without ``--from`` it lists the backups in ``data/backups/`` (newest first) and asks which to restore
(``--list`` only lists). The chosen backup is checked first: it must open with the profile's key (her
password, through the growing wait after wrong passwords), pass the full integrity check and hold this
profile. The database it replaces (with its ``-wal``/``-shm``) is kept beside it as
``tovholder.db.damaged-<time>``, never deleted. Refused while Tovholder is running on the profile.
Exit 0 when restored (or listed), 1 when the chosen backup cannot be used, 2 when the profile cannot be opened.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.backups import password_of, profile_paths, refuse_while_running

NAME = "restore"
HELP = "IT: list the backups and restore one (the current database is kept aside, never deleted)"


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(NAME, parents=[common], help=HELP, description=HELP)
    parser.add_argument("--from", dest="source", metavar="FILE", help="the backup file to restore")
    parser.add_argument("--list", action="store_true", help="only list the backups")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the user's password from the first line of standard input (for scripts)")


def run(args: argparse.Namespace) -> int:
    from app.core.errors import KnownError
    from app.services.backups import BackupError, list_backups, restore_profile

    paths = profile_paths(args)
    if not paths.key_file.exists():
        print(f"tovholder restore: no key file in {paths.data_dir}; restore the key file first", file=sys.stderr)
        return 2
    backups = list_backups(paths.backup_dir)
    if args.source is None:
        if not backups:
            print(f"tovholder restore: there are no backups in {paths.backup_dir}", file=sys.stderr)
            return 1
        print(f"Backups in {paths.backup_dir}, newest first:")
        for number, backup in enumerate(backups, start=1):
            print(f"  {number}. {backup.made:%Y-%m-%d %H:%M} UTC  {backup.size / 1e6:8.1f} MB  {backup.path.name}")
        if args.list:
            return 0
    if refuse_while_running(paths, "restore"):
        return 2
    if args.source is not None:
        source = Path(args.source)
        if not source.is_file():
            print(f"tovholder restore: {source} is not a file", file=sys.stderr)
            return 1
    elif getattr(args, "password_stdin", False) or not sys.stdin.isatty():
        # No one to ask (a script, or the password came through a pipe): never guess which backup.
        print("tovholder restore: say which backup with --from FILE (see --list); nothing was changed",
              file=sys.stderr)
        return 1
    else:
        answer = input("Restore which backup? Number [1]: ").strip() or "1"
        if not answer.isdigit() or not 1 <= int(answer) <= len(backups):
            print("tovholder restore: no such backup; nothing was changed", file=sys.stderr)
            return 1
        source = backups[int(answer) - 1].path
    try:
        aside = restore_profile(paths, password_of(args), source)
    except BackupError as exc:
        print(f"tovholder restore: {exc.english()}", file=sys.stderr)
        return 1
    except KnownError as exc:
        print(f"tovholder restore: {exc.english()}", file=sys.stderr)
        return 2
    print(f"Restored {source.name}.")
    if aside is not None:
        print(f"The previous database is kept as {aside} (delete it only when you are sure).")
    print("Work saved after the backup was made is not in the restored records.")
    anchor = paths.data_dir / "audit-anchor.bin"
    if anchor.exists():
        print(f"The audit trail's anchor ({anchor.name}) still marks the replaced database's newest entries: "
              "the next start reports the difference; see README (For municipal IT) before moving it aside.")
    return 0
