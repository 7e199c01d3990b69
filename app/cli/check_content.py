"""``tovholder check-content FILE...``: IT checks a municipality's content files before rolling them out.

Each file is checked exactly as the app checks it when it is dropped into ``config/content/`` or loaded
in Indstillinger (``app.content.library.check_files``: the reading limits, the refused tags, a known
kind of content, every field, and the references to the shipped content). Each problem is printed as
``FILE:LINE: reason``, in Danish unless ``--lang en``. Exit 0 when every file is fine, 1 when any is
refused, 2 on a usage error (a file that does not exist).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from app.core.errors import QT_TRANSLATE_NOOP

NAME = "check-content"
HELP = "IT: check content files (guides, templates, catalogues) the way the app does"


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(NAME, help=HELP, description=HELP)
    parser.add_argument("files", nargs="+", metavar="FILE", help="a content file (.yaml), or a folder of them")
    parser.add_argument("--lang", choices=("da", "en"), help="language of the reasons (default: da)")


def _files(names: list[str]) -> tuple[list[Path], list[str]]:
    """The files to check (a folder gives its *.yaml files) and the names that are not there."""
    found: list[Path] = []
    missing: list[str] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(path.rglob("*.yaml")))
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            missing.append(name)
    return found, missing


class _Texts:
    """The reasons in the chosen language, from the app's own translation file (no GUI needed)."""

    def __init__(self, language: str) -> None:
        self.translator = None
        if language == "da":
            from PySide6.QtCore import QTranslator

            from app.core.resources import i18n_dir

            translator = QTranslator()
            if translator.load(str(i18n_dir() / "tovholder_da.qm")):
                self.translator = translator

    def translate(self, context: str, text: str) -> str:
        return (self.translator.translate(context, text) if self.translator is not None else "") or text

    def of(self, error: Any) -> str:
        """An error's text with its placeholders filled, nested reasons translated too."""
        from app.core.errors import KnownError

        params = {key: self.of(value) if isinstance(value, KnownError) else value
                  for key, value in error.params.items()}
        template = self.translate(error.context, error.message)
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template


def run(args: argparse.Namespace) -> int:
    from app.content.library import check_files
    from app.core.resources import content_dir

    # The library logs each refusal for the app's log file; here the lines below say it, once.
    logging.getLogger("app.content").addHandler(logging.NullHandler())
    texts = _Texts(args.lang or "da")
    files, missing = _files(args.files)
    for name in missing:
        missing_text = texts.translate("Content", QT_TRANSLATE_NOOP("Content", "the file does not exist"))
        print(f"{name}:0: {missing_text}", file=sys.stderr)
    if missing:
        return 2
    by_name: dict[str, str] = {}
    for path in files:
        by_name.setdefault(path.name, str(path))
    problems = check_files(content_dir(), files)
    for problem in problems:
        print(f"{by_name.get(problem.file, problem.file)}:{problem.line}: {texts.of(problem.problem)}")
    if not problems:
        print(texts.translate("Content", QT_TRANSLATE_NOOP("Content", "{count} file(s) checked: no problems."))
              .format(count=len(files)))
    return 1 if problems else 0
