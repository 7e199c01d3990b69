"""The user's preferences and IT's policy: declared in one place, stored as JSON, never personal.

``settings.json`` holds what the health visitor chooses (language, idle-lock time, window size).
``policy.json`` is written by municipal IT at install time (recovery public key, limits).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from app.core.fileio import atomic_write_json, read_json

log = logging.getLogger(__name__)

LANGUAGES = ("da", "en")
IDLE_LOCK_CHOICES_MINUTES = (1, 2, 5, 10, 15, 30)


@dataclass
class Settings:
    """Per-user preferences. ``version`` lets later releases upgrade old files."""

    version: int = 1
    language: str = "da"
    idle_lock_minutes: int = 5
    window_geometry: str = ""
    device_id: str = ""
    font_scale: float = 1.0
    conversation_guide: str = ""
    #: Where the save dialog for exports starts ("" = Documents/Tovholder; app/services/exports.py).
    export_folder: str = ""

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Read settings, falling back to defaults for anything missing or invalid."""
        try:
            raw = read_json(path)
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            log.warning("settings file unreadable; using defaults")
            return cls()
        if not isinstance(raw, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        settings = cls(**{k: v for k, v in raw.items() if k in known})
        settings._normalise()
        return settings

    def _normalise(self) -> None:
        if self.language not in LANGUAGES:
            self.language = "da"
        if not isinstance(self.idle_lock_minutes, int) or not 1 <= self.idle_lock_minutes <= 60:
            self.idle_lock_minutes = 5
        if not isinstance(self.font_scale, (int, float)) or not 0.8 <= self.font_scale <= 2.0:
            self.font_scale = 1.0
        if not isinstance(self.export_folder, str):
            self.export_folder = ""

    def save(self, path: Path) -> None:
        """Write atomically."""
        atomic_write_json(path, asdict(self))


@dataclass
class Policy:
    """What municipal IT decides for every laptop (``policy.json``)."""

    recovery_public_key: str = ""
    max_idle_lock_minutes: int = 30
    min_password_length: int = 10
    municipality: str = ""
    conversation_guide: str = ""
    #: A partner not told about the effort for this many months is listed as due a visit (FR-18).
    inform_partners_months: int = 6
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, paths: list[Path]) -> Policy:
        """Merge the policy files in order; a later file overrides an earlier one."""
        merged: dict[str, Any] = {}
        for path in paths:
            try:
                raw = read_json(path)
            except FileNotFoundError:
                continue
            except (OSError, ValueError):
                log.error("policy file %s is not valid JSON; ignored", path)
                continue
            if isinstance(raw, dict):
                merged.update(raw)
        known = {f.name for f in fields(cls)} - {"extra"}
        policy = cls(**{k: v for k, v in merged.items() if k in known})
        policy.extra = {k: v for k, v in merged.items() if k not in known}
        return policy
