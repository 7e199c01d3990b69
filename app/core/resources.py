"""Where the shipped resources (content, translations, style) are, from source or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def content_dir() -> Path:
    return resources_dir() / "content"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"
