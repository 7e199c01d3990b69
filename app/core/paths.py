"""Where Tovholder keeps its files: one object, built from platformdirs or from ``--basedir``.

Nothing is ever written beside the executable. Tests and ``--basedir`` put everything under one folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app import APP_NAME


@dataclass(frozen=True)
class AppPaths:
    """The folders and files of one installation of the app for one OS user."""

    data_dir: Path
    config_dir: Path
    log_dir: Path
    cache_dir: Path
    site_config_dir: Path | None = None

    @classmethod
    def for_basedir(cls, basedir: str | os.PathLike[str]) -> AppPaths:
        """Everything under ``basedir`` (tests, ``--basedir``, portable use)."""
        base = Path(basedir).expanduser().resolve()
        return cls(
            data_dir=base / "data",
            config_dir=base / "config",
            log_dir=base / "logs",
            cache_dir=base / "cache",
            site_config_dir=None,
        )

    @classmethod
    def for_user(cls) -> AppPaths:
        """The platform's standard per-user folders."""
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
            site_config_dir=Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)),
        )

    def ensure(self) -> None:
        """Create the folders, readable by the OS user only where the platform allows it."""
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.cache_dir):
            folder.mkdir(parents=True, exist_ok=True)
            try:
                os.chmod(folder, 0o700)
            except OSError:  # pragma: no cover - e.g. Windows ACLs
                pass

    def has_profile(self) -> bool:
        """A profile was created here (its key file or its database exists)."""
        return self.key_file.exists() or self.database.exists()

    @property
    def database(self) -> Path:
        """The SQLCipher database holding every record of the profile."""
        return self.data_dir / "tovholder.db"

    @property
    def key_file(self) -> Path:
        """The versioned key file with the wrapped data key."""
        return self.data_dir / "tovholder.key.json"

    @property
    def backup_dir(self) -> Path:
        """Encrypted copies of the database: daily and at lock/quit, and before each migration."""
        return self.data_dir / "backups"

    @property
    def space_reserve(self) -> Path:
        """Random bytes kept as room to give back when the disk is full (``app/core/diskspace.py``)."""
        return self.data_dir / "space-reserve.bin"

    @property
    def audit_anchor(self) -> Path:
        """Where the audit chain had got to, sealed with a key derived from the data key (no personal data)."""
        return self.data_dir / "audit-anchor.bin"

    @property
    def unlock_state(self) -> Path:
        """Where builds before December 2026 counted wrong passwords; the count now lives in the key file
        (app/security/throttle.py), and this file is removed once it has been read."""
        return self.data_dir / "unlock-state.json"

    @property
    def settings_file(self) -> Path:
        """The user's preferences (no personal data): language, idle time, window size."""
        return self.config_dir / "settings.json"

    @property
    def policy_files(self) -> list[Path]:
        """IT's policy files, site-wide first, then per user; later ones win."""
        files = []
        if self.site_config_dir is not None:
            files.append(self.site_config_dir / "policy.json")
        files.append(self.config_dir / "policy.json")
        return files

    @property
    def log_file(self) -> Path:
        """The application log (never personal data)."""
        return self.log_dir / "tovholder.log"

    @property
    def municipal_content_dir(self) -> Path:
        """Where a municipality may drop its own content files (guides, templates)."""
        return self.config_dir / "content"
