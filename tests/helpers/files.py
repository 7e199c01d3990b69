"""Looking at what is on the disk: fingerprints of a folder, and a search for text in every file."""

from __future__ import annotations

import hashlib
from pathlib import Path


def snapshot(root: Path) -> dict[str, str]:
    """Every file under ``root`` (relative path) with the SHA-256 of its bytes."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    """The files added, removed or changed between two snapshots."""
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def encodings(text: str) -> list[bytes]:
    """The byte forms a text can take in a file: UTF-8 and UTF-16-LE, as typed and case-folded."""
    forms = {text, text.casefold(), text.upper()}
    return [form.encode(codec) for form in sorted(forms) for codec in ("utf-8", "utf-16-le")]


def find_in_files(root: Path, needles: list[str]) -> list[tuple[str, str]]:
    """Every (file, needle) pair where a byte form of the needle occurs in a file under ``root``."""
    hits = []
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for needle in needles:
            if any(form in data for form in encodings(needle)):
                hits.append((path.relative_to(root).as_posix(), needle))
    return hits
