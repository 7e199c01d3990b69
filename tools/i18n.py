"""Refresh the translation source (resources/i18n/tovholder_da.ts) from the code and compile it.

Source strings are English; Danish is the first language and must be complete. English needs no
catalogue (it is the source). Usage: python tools/i18n.py [--check]

--check: do not write; exit 1 if the .ts is missing strings from the code or the .qm is stale.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "tovholder_da.ts"
QM = TS.with_suffix(".qm")


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py") if "migrations" not in p.parts)


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def lupdate(target: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-target-language", "da_DK", "-ts", str(target)],
                   cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / TS.name
            shutil.copy(TS, fresh)
            lupdate(fresh)
            if fresh.read_text(encoding="utf-8") != TS.read_text(encoding="utf-8"):
                print("resources/i18n/tovholder_da.ts is not up to date with the code: run make i18n")
                return 1
            qm = Path(tmp) / QM.name
            lrelease(TS, qm)
            if not QM.exists() or not filecmp.cmp(qm, QM, shallow=False):
                print("resources/i18n/tovholder_da.qm is stale: run make i18n")
                return 1
        return 0
    TS.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS)
    lrelease(TS, QM)
    print(f"updated {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
