"""What every printable report (``app.reports``) must hold, checked for each of them.

A report is rendered in memory from plain data: the same data gives the same bytes (also in a new
process, whatever the hash seed), nothing is written to disk (a PDF of a family's record must never
land in a temp file), and the module depends only on the standard library, reportlab and the app's
base modules, never on Qt, the services or the models (STYLE.md layering).
"""

from __future__ import annotations

import ast
import builtins
import hashlib
import importlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ALLOWED_APP_IMPORTS = ("app.core.errors", "app.core.resources", "app.reports.pdf_text", "app.reports.layout",
                       "app.reports.texts", "app.reports.documents", "app.reports.map_signs", "app.reports.map_labels")

# (report module, its render function, the test module whose ``sample()`` gives a synthetic document)
REPORTS = [
    ("summary_pdf", "render_family_summary", "tests.reports.test_summary_pdf"),
    ("network_pdf", "render_network_map", "tests.reports.test_network_pdf"),
]


def _render(report: tuple[str, str, str]) -> bytes:
    module, function, samples = report
    render = getattr(importlib.import_module(f"app.reports.{module}"), function)
    return render(importlib.import_module(samples).sample())


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(["app", "reports"][: 3 - node.level] + ([base] if base else []))
            names |= {f"{base}.{alias.name}" if base == "app" else base for alias in node.names}
    return names


@pytest.mark.parametrize("report", REPORTS, ids=lambda r: r[0])
def test_the_same_document_gives_the_same_bytes_in_a_new_process(report):
    module, function, samples = report
    code = (f"import hashlib\nfrom {samples} import sample\nfrom app.reports.{module} import {function}\n"
            f"print(hashlib.sha256({function}(sample())).hexdigest())")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True, timeout=60)

    assert out.stdout.strip() == hashlib.sha256(_render(report)).hexdigest()


def _forbid_writes(monkeypatch) -> None:
    real_open = builtins.open

    def read_only_open(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            raise AssertionError(f"opened {file!r} for writing")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", read_only_open)
    monkeypatch.setattr(io, "open", read_only_open)


@pytest.mark.parametrize("report", REPORTS, ids=lambda r: r[0])
def test_rendering_writes_no_file(report, monkeypatch, tmp_path):
    _render(report)  # fonts registered and modules imported before the watch starts
    _forbid_writes(monkeypatch)
    monkeypatch.chdir(tmp_path)
    pdf = _render(report)

    assert pdf.startswith(b"%PDF-")
    assert list(tmp_path.iterdir()) == []


def test_the_no_file_check_sees_a_write(monkeypatch, tmp_path):
    _forbid_writes(monkeypatch)
    with pytest.raises(AssertionError, match="for writing"):
        open(tmp_path / "leak.pdf", "wb")  # noqa: SIM115


@pytest.mark.parametrize("path", sorted((ROOT / "app" / "reports").glob("*.py")), ids=lambda p: p.name)
def test_a_report_imports_only_the_standard_library_reportlab_and_app_base_modules(path):
    for name in _imports(path):
        top = name.split(".")[0]
        assert top not in ("PySide6", "shiboken6"), name
        assert not name.startswith(("app.services", "app.ui", "app.models")), name
        if top == "app":
            assert name in ALLOWED_APP_IMPORTS, name
        else:
            # python-bidi and arabic-reshaper put right-to-left names in visual order (pdf_text.visual).
            assert top in ("reportlab", "bidi", "arabic_reshaper") or top in sys.stdlib_module_names, name


def test_the_import_check_sees_a_forbidden_import(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text("from ..services.network.dto import to_xy\nfrom ..services import dto\n"
                       "import PySide6.QtGui\nfrom app.models import Case\n")
    assert {"app.services.network.dto", "app.services", "PySide6.QtGui", "app.models"} <= _imports(planted)


@pytest.mark.parametrize("report", REPORTS, ids=lambda r: r[0])
def test_importing_a_report_loads_no_qt_services_or_models(report):
    code = (f"import sys, app.reports.{report[0]}\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')"
            " or m.startswith(('app.services', 'app.ui', 'app.models'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         timeout=60)
    assert out.stdout.strip() == "[]"


def test_opening_a_profile_does_not_load_the_pdf_renderers():
    """reportlab (with PIL) costs ~11 MB; it is loaded when a PDF is drawn, not while Argon2 runs at unlock."""
    code = ("import sys, app.services.workspace, app.services.network.service, app.services.conversation.summary\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'PIL')"
            " or m in ('app.reports.network_pdf', 'app.reports.summary_pdf')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         timeout=60)
    assert out.stdout.strip() == "[]"
