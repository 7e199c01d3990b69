"""The command line: the GUI (default), ``demo``, ``--smoke-test``, ``--version`` and IT's recovery tools.

Qt is imported only when a window is needed, so the command-line tools start fast and run headless.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import tempfile
from pathlib import Path

from app import __version__
from app.core.errors import KnownError
from app.core.logging_setup import setup_logging
from app.core.paths import AppPaths

log = logging.getLogger(__name__)


def _paths(basedir: str | None) -> AppPaths:
    return AppPaths.for_basedir(basedir) if basedir else AppPaths.for_user()


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--basedir", metavar="DIR", help="keep all data, settings and logs under DIR")
    parser = argparse.ArgumentParser(
        prog="tovholder",
        parents=[common],
        description="Tovholder: forløb, afklarende samtale og netværk for sundhedsplejen.",
    )
    parser.add_argument("--version", action="version", version=f"Tovholder {__version__}")
    parser.add_argument("--smoke-test", action="store_true",
                        help="start, open a temporary profile, render the main window offscreen, exit 0")
    parser.add_argument("--lang", choices=("da", "en"), help="language of the interface")
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", parents=[common], help="create a profile with synthetic demo families")
    demo.add_argument("--families", type=int, default=50, metavar="N")
    demo.add_argument("--password", required=True, metavar="PW")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--name", default="Hanne Demo", help="the demo health visitor's name")

    keygen = sub.add_parser("recovery-keygen", help="IT: make a municipal recovery key pair")
    keygen.add_argument("--out", required=True, metavar="DIR")

    recover = sub.add_parser("recover", parents=[common],
                             help="IT: set a new password with the municipal recovery key")
    recover.add_argument("--private-key", required=True, metavar="FILE")
    for command in _it_commands():
        command.add_parser(sub, common)
    return parser


def _it_commands() -> list:  # type: ignore[type-arg]
    """IT's checking and repair tools, each a module in ``app/cli/`` with ``NAME``,
    ``add_parser(sub, common)`` and ``run(args) -> int``."""
    from app.cli import commands

    return list(commands.ALL)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if hasattr(os, "umask"):
        os.umask(0o077)  # every file the app makes (logs and rotated logs included) is the user's only
    try:
        if args.command == "demo":
            return run_demo(args)
        if args.command == "recovery-keygen":
            return run_keygen(args)
        if args.command == "recover":
            return run_recover(args)
        for command in _it_commands():
            if args.command == command.NAME:
                return int(command.run(args))
        if args.smoke_test:
            return run_smoke_test(args)
        return run_gui(args)
    except KnownError as exc:
        print(f"tovholder: {exc.english()}", file=sys.stderr)
        return 2


def run_gui(args: argparse.Namespace) -> int:
    paths = _paths(args.basedir)
    paths.ensure()
    setup_logging(paths.log_file)
    from app.ui.application import run

    return run(paths, language=args.lang)


def run_smoke_test(args: argparse.Namespace) -> int:
    """A temporary profile, rendered offscreen. With ``--basedir`` the log goes there, and so does the
    test profile if DIR has none yet (kept, to look at); a profile already in DIR is never touched."""
    from app.ui.application import smoke_test

    if args.basedir:
        paths = _paths(args.basedir)
        paths.ensure()
        setup_logging(paths.log_file)
        if not paths.has_profile():
            return smoke_test(paths)
        print(f"tovholder: {args.basedir} has a profile; it is left alone and a temporary one is used")  # noqa: T201
    with tempfile.TemporaryDirectory(prefix="tovholder-smoke-") as tmp:
        temporary = AppPaths.for_basedir(tmp)
        temporary.ensure()
        if not args.basedir:
            setup_logging(temporary.log_file)
        code = smoke_test(temporary)
        logging.shutdown()
        return code


def run_demo(args: argparse.Namespace) -> int:
    from app.services.demo import create_demo_profile
    from app.services.workspace import profile_exists

    if not args.basedir:
        print("tovholder demo: --basedir DIR is required (the demo never touches a real profile)",
              file=sys.stderr)
        return 2
    paths = _paths(args.basedir)
    if profile_exists(paths):
        print(f"tovholder demo: a profile already exists in {args.basedir}; choose an empty folder",
              file=sys.stderr)
        return 2
    base = Path(args.basedir)
    if base.exists() and (not base.is_dir() or any(base.iterdir())):
        print(f"tovholder demo: {args.basedir} is not empty; choose an empty folder", file=sys.stderr)
        return 2
    paths.ensure()
    setup_logging(paths.log_file)

    def progress(done: int) -> None:
        print(f"\r{done}/{args.families} familier", end="", file=sys.stderr, flush=True)

    workspace = create_demo_profile(paths, args.password, args.families, name=args.name, seed=args.seed,
                                    progress=progress)
    workspace.lock()
    print(f"\nDemo-profil oprettet i {paths.data_dir} med {args.families} syntetiske familier.",
          file=sys.stderr)
    return 0


def run_keygen(args: argparse.Namespace) -> int:
    from app.core.fileio import atomic_write_bytes
    from app.security.recovery import generate_keypair

    out = Path(args.out)
    passphrase = getpass.getpass("Passphrase for the private recovery key: ")
    if len(passphrase) < 12 or passphrase != getpass.getpass("Repeat: "):
        print("The passphrases differ or are shorter than 12 characters.", file=sys.stderr)
        return 2
    private_pem, public_pem = generate_keypair(passphrase)
    atomic_write_bytes(out / "tovholder-recovery-private.pem", private_pem.encode("ascii"))
    atomic_write_bytes(out / "tovholder-recovery-public.pem", public_pem.encode("ascii"), mode=0o644)
    print(f"Wrote {out}/tovholder-recovery-public.pem (put its text in policy.json as "
          f"\"recovery_public_key\") and the private key; keep the private key offline.")
    return 0


def run_recover(args: argparse.Namespace) -> int:
    from app.core.settings import Policy
    from app.services.workspace import recover_with_private_key

    paths = _paths(args.basedir)
    pem = Path(args.private_key).read_bytes()
    passphrase = getpass.getpass("Passphrase of the recovery key: ")
    new_password = getpass.getpass("New password for the user: ")
    if new_password != getpass.getpass("Repeat the new password: "):
        print("The passwords differ.", file=sys.stderr)
        return 2
    recover_with_private_key(paths, pem, passphrase, new_password, Policy.load(paths.policy_files))
    print("The password was reset. The user can unlock with the new password.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
