"""The command-line tools for IT beyond the GUI, each in its own module of ``app/cli/``.

A module here has ``NAME`` (the subcommand), ``HELP``, ``add_parser(sub, common)`` and
``run(args) -> int`` (0 when all is well). They import what they need inside ``run``, so
``tovholder --help`` stays fast. Add a module to ``ALL`` (one line each).
"""

from __future__ import annotations

from types import ModuleType

from app.cli import backups, check_content, restore, verify

ALL: list[ModuleType] = [check_content, verify, backups, restore]
