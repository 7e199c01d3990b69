"""The arrows point down: ``ui -> services -> (models, security, content, sync, reports)``.

Every module under ``app/`` is parsed (not imported) and each import, also inside functions and
relative ones, is checked against the rules below. A small self-check plants violations in synthetic
sources to show the checker finds them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")

# Package -> imports it must never make (a prefix matches the module and everything under it).
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "app.models": QT + ("app.ui", "app.services", "app.security"),
    "app.security": QT + ("app.ui", "app.services", "app.models"),
    "app.content": QT + ("app.ui", "app.services", "app.models", "app.security"),
    "app.services": QT + ("app.ui",),
    "app.sync": QT + ("app.ui", "app.services"),
    "app.reports": QT + ("app.ui", "app.services"),
    "app.ui": ("app.models", "app.security", "app.content", "app.sync", "app.reports"),
}
# ``app.core`` holds what every layer may use (errors, paths, settings, file I/O, logging); it imports
# no layer above it. ``app.cli`` (the command line) sits on top and may import anything.
FORBIDDEN["app.core"] = QT + ("app.ui", "app.services", "app.models", "app.security", "app.content",
                              "app.sync", "app.reports", "app.cli")
# The wire format is shared with the server: no database, no encryption, no Qt.
FORBIDDEN["app.sync"] = FORBIDDEN["app.sync"] + ("sqlalchemy", "sqlcipher3", "alembic", "app.models",
                                                 "app.security", "app.content", "app.reports")
for _layer in ("app.models", "app.security", "app.content", "app.services", "app.reports", "app.ui"):
    FORBIDDEN[_layer] = FORBIDDEN[_layer] + ("app.cli",)
# What the UI may take from the rest of ``app`` (besides the package itself: ``from app import
# __version__``); anything else goes through the services.
UI_ALLOWED = ("app.ui", "app.services", "app.core")
UI_FORBIDDEN_CORE = ("app.core.fileio",)

# Known layering debt: (file, imported module). The test fails when a new violation appears, and
# also when one of these is fixed, so the entry is removed and the debt cannot creep back.
KNOWN_VIOLATIONS: set[tuple[str, str]] = set()


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _module_name(path: Path, root: Path) -> tuple[str, bool]:
    """The dotted module name of ``path`` and whether it is a package's ``__init__``."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


def _is_app_module(name: str, root: Path) -> bool:
    rel = Path(*name.split(".")[1:]) if "." in name else Path()
    return (root / rel).with_suffix(".py").is_file() or (root / rel / "__init__.py").is_file()


def imports_of(source: str, module: str, is_package: bool, root: Path = APP) -> list[tuple[int, str]]:
    """Every module ``source`` imports, as (line, dotted name), relative imports resolved."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                # "from app import models" imports a module; "from app import __version__" does not.
                as_module = _within(candidate, "app") and _is_app_module(candidate, root)
                found.append((node.lineno, candidate if as_module else base))
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and ((isinstance(node.func, ast.Name) and node.func.id == "__import__")
                   or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module"))):
            found.append((node.lineno, node.args[0].value))
    return found


def violations_in(source: str, module: str, is_package: bool = False, root: Path = APP) -> list[tuple[int, str]]:
    """The imports of ``source`` (module ``module``) that break a rule, as (line, imported name)."""
    rules = [rule for package, rule in FORBIDDEN.items() if _within(module, package)]
    in_ui = _within(module, "app.ui")
    bad = []
    for line, name in imports_of(source, module, is_package, root):
        if any(_within(name, forbidden) for rule in rules for forbidden in rule):
            bad.append((line, name))
        elif in_ui and _within(name, "app") and name != "app" and (
                not any(_within(name, ok) for ok in UI_ALLOWED)
                or any(_within(name, no) for no in UI_FORBIDDEN_CORE)):
            bad.append((line, name))
    return bad


def _all_violations(root: Path = APP) -> set[tuple[str, str, int]]:
    found = set()
    for path in sorted(root.rglob("*.py")):
        module, is_package = _module_name(path, root)
        for line, name in violations_in(path.read_text("utf-8"), module, is_package, root):
            found.add((path.relative_to(root.parent).as_posix(), name, line))
    return found


# ---- the rules on the real code


def test_the_checker_sees_every_layer_that_exists():
    modules = {_module_name(p, APP)[0] for p in APP.rglob("*.py")}
    for package in ("app.models", "app.security", "app.content", "app.services"):
        assert sum(_within(m, package) for m in modules) >= 3, package
    assert any(name == "app.services.workspace" for name in modules)


def test_no_module_imports_across_the_layers():
    found = _all_violations()
    new = sorted((f, n, line) for f, n, line in found if (f, n) not in KNOWN_VIOLATIONS)
    fixed = KNOWN_VIOLATIONS - {(f, n) for f, n, _ in found}

    assert new == [], "imports that break the layering (file, module, line)"
    assert fixed == set(), "fixed layering debt: remove these from KNOWN_VIOLATIONS"


def test_qt_free_layers_really_import_no_qt():
    """Belt and braces for the Qt rule: no Qt name anywhere in those packages' import lines."""
    for package in ("models", "security", "content", "services", "sync", "reports"):
        for path in (APP / package).rglob("*.py"):
            module, is_package = _module_name(path, APP)
            names = [n for _, n in imports_of(path.read_text("utf-8"), module, is_package)]
            assert not [n for n in names if n.split(".")[0] in QT], path


# ---- the checker finds planted violations


PLANTED = [
    ("app.models.case", "from PySide6.QtCore import Qt\n", [(1, "PySide6.QtCore")]),
    ("app.models.case", "import shiboken6\n", [(1, "shiboken6")]),
    ("app.models.case", "def f():\n    from app.services.cases import dto\n", [(2, "app.services.cases.dto")]),
    ("app.models.case", "from ..security.kdf import FAST_KDF\n", [(1, "app.security.kdf")]),
    ("app.security.keyfile", "from app.models import Case\n", [(1, "app.models")]),
    ("app.security.keyfile", "from app import models\n", [(1, "app.models")]),
    ("app.content.library", "import app.security.kdf as kdf\n", [(1, "app.security.kdf")]),
    ("app.content.library", "from ..services.cases.dto import NewCase\n", [(1, "app.services.cases.dto")]),
    ("app.services.cases.service", "from app.ui.main_window import MainWindow\n", [(1, "app.ui.main_window")]),
    ("app.services.cases.service", "import importlib\nimportlib.import_module('PySide6.QtWidgets')\n",
     [(2, "PySide6.QtWidgets")]),
    ("app.ui.main_window", "from app.models import Case\n", [(1, "app.models")]),
    ("app.ui.main_window", "from ..content.library import ContentLibrary\n", [(1, "app.content.library")]),
    ("app.ui.main_window", "from .. import security\n", [(1, "app.security")]),
    ("app.ui.main_window", "from app.core.fileio import atomic_write_json\n", [(1, "app.core.fileio")]),
    ("app.ui.main_window", "if True:\n    import app.security.database\n", [(2, "app.security.database")]),
    ("app.core.errors", "from app.services.cases import dto\n", [(1, "app.services.cases.dto")]),
    # The wire format is shared with the server: no database, no encryption, no Qt, no other layer.
    ("app.sync.wire", "from sqlalchemy import select\n", [(1, "sqlalchemy")]),
    ("app.sync.wire", "def f():\n    import sqlcipher3\n", [(2, "sqlcipher3")]),
    ("app.sync.wire", "from alembic import op\n", [(1, "alembic")]),
    ("app.sync.wire", "from PySide6.QtCore import QObject\n", [(1, "PySide6.QtCore")]),
    ("app.sync.wire", "from ..models.base import Base\n", [(1, "app.models.base")]),
    ("app.sync.wire", "from app.security.kdf import FAST_KDF\n", [(1, "app.security.kdf")]),
    ("app.sync.wire", "from app.content.library import ContentLibrary\n", [(1, "app.content.library")]),
    ("app.sync.wire", "import app.services.network.dto\n", [(1, "app.services.network.dto")]),
    ("app.sync.wire", "from app.ui.main_window import MainWindow\n", [(1, "app.ui.main_window")]),
]


@pytest.mark.parametrize(("module", "source", "expected"), PLANTED)
def test_checker_finds_a_planted_violation(module, source, expected):
    assert violations_in(source, module) == expected


def test_checker_walks_a_package_tree(tmp_path):
    root = tmp_path / "app"
    for folder, files in {"": {}, "models": {"case.py": "from PySide6 import QtCore\n"},
                          "ui": {"window.py": "from ..models import case\nfrom ..services import dto\n"},
                          "services": {"dto.py": ""}}.items():
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / "__init__.py").write_text("")
        for name, text in files.items():
            (root / folder / name).write_text(text)

    assert _all_violations(root) == {("app/models/case.py", "PySide6", 1),
                                     ("app/ui/window.py", "app.models.case", 1)}


@pytest.mark.parametrize(("module", "source"), [
    ("app.ui.main_window", "from app import __version__\nfrom app.services import dto\n"
                           "from app.core.errors import KnownError\nfrom app.core.settings import Settings\n"
                           "from app.core.paths import AppPaths\nfrom app.core.resources import i18n_dir\n"
                           "from app.core.logging_setup import setup_logging\nfrom . import widgets\n"
                           "from PySide6.QtWidgets import QWidget\n"),
    ("app.services.cases.service", "from app.models import Case\nfrom app.security.kdf import KdfParams\n"
                           "from app.content.library import ContentLibrary\nfrom .dto import NewCase\n"),
    ("app.models.case", "from app.models.base import Base\nfrom app.core.errors import KnownError\n"),
    ("app.content.reader", "import yaml\nfrom app.core.errors import ContentError\n"),
    ("app.sync.wire", "import json\nfrom datetime import UTC, datetime\nfrom dataclasses import dataclass\n"),
    ("app.models.changelog", "from app.sync.wire import RecordChange, to_wire\n"),
])
def test_checker_allows_the_permitted_imports(module, source):
    assert violations_in(source, module) == []
