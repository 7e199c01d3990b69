"""``tovholder verify --basedir DIR``: IT checks a profile (database integrity, migrations, the whole audit
trail against its anchor) and gets a plain report.

It asks for the user's password (or reads it from the first line of standard input with
``--password-stdin``, for scripts) and only reads the database; a wrong password counts toward the
growing wait, as in the unlock window. Exit 0 when all is fine, 1 when a problem was found (each printed
as ``PROBLEM: ...``), 2 when the profile cannot be opened (no profile, wrong password, a damaged key file
or database).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

NAME = "verify"
HELP = "IT: check a profile's database, its migrations and its whole audit trail (reads only)"


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(NAME, parents=[common], help=HELP, description=HELP)
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the user's password from the first line of standard input (for scripts)")


def run(args: argparse.Namespace) -> int:
    from app.core.errors import KnownError
    from app.core.paths import AppPaths
    from app.services.profile_check import verify_profile

    paths = AppPaths.for_basedir(args.basedir) if args.basedir else AppPaths.for_user()
    if not paths.has_profile():
        print(f"tovholder verify: no profile in {paths.data_dir}", file=sys.stderr)
        return 2
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("The user's password: ")
    try:
        report = verify_profile(paths, password)
    except KnownError as exc:
        print(f"tovholder verify: cannot open the profile: {exc.english()}", file=sys.stderr)
        return 2
    for line in report.lines:
        print(line)
    if report.ok:
        print("result: all fine")
        return 0
    print(f"result: {len(report.problems)} problem(s) found; keep the laptop as it is and look into it")
    return 1
