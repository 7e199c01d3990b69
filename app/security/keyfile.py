"""The versioned key file: the random data key, wrapped by the password and, optionally, by IT.

Layout (JSON, version 1)::

    {"format": "tovholder-keyfile", "version": 1, "profile_id": "...", "created_at": "...",
     "slots": [{"kind": "password", "kdf": {...}, "salt": "...", "nonce": "...", "wrapped_key": "..."},
               {"kind": "recovery", "algorithm": "...", "recipient": "...", ...}],
     "unlock": {"failures": 3, "last_failure": 1796000000.0},
     "checksum": "<sha256 of the rest>"}

``unlock`` (only after a wrong password) counts the wrong passwords for the growing wait. It lives in
the key file so that deleting a file cannot reset it: without the key file nothing opens.

The checksum only tells a damaged file from a wrong password; the AES-GCM tag of each slot is what
protects the key. Changing the password rewraps 32 bytes; the database is not re-encrypted.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.core.errors import KeyFileError, WrongPasswordError
from app.core.fileio import atomic_write_bytes
from app.security import recovery
from app.security.kdf import KdfParams, derive_key, new_salt
from app.security.recovery import b64, unb64

FORMAT = "tovholder-keyfile"
VERSION = 1
DATA_KEY_BYTES = 32


def new_data_key() -> bytes:
    """A fresh random 256-bit data key for SQLCipher."""
    return os.urandom(DATA_KEY_BYTES)


def _checksum(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(canonical).hexdigest()


@dataclass
class KeyFile:
    """The parsed key file of one profile."""

    profile_id: str
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    slots: list[dict[str, Any]] = field(default_factory=list)
    version: int = VERSION
    unlock: dict[str, Any] = field(default_factory=dict)  # wrong passwords in a row (app/security/throttle.py)

    # ---- reading and writing

    def _body(self) -> dict[str, Any]:
        body = {
            "format": FORMAT,
            "version": self.version,
            "profile_id": self.profile_id,
            "created_at": self.created_at,
            "slots": self.slots,
        }
        if self.unlock:
            body["unlock"] = self.unlock
        return body

    def to_bytes(self) -> bytes:
        body = self._body()
        body["checksum"] = _checksum(self._body())
        return (json.dumps(body, indent=2, sort_keys=True) + "\n").encode("utf-8")

    def save(self, path: Path) -> None:
        """Write atomically: a crash leaves the old file or the new one, never half of one."""
        atomic_write_bytes(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        """Read and check the key file.

        Raises:
            KeyFileError: the file is missing, unreadable, damaged or of an unknown format.
        """
        try:
            raw = json.loads(path.read_bytes().decode("utf-8"))
        except FileNotFoundError as exc:
            raise KeyFileError() from exc
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise KeyFileError() from exc
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise KeyFileError()
        if raw.get("version") != VERSION:
            raise KeyFileError()
        checksum = raw.pop("checksum", None)
        try:
            keyfile = cls(
                profile_id=str(raw["profile_id"]),
                created_at=str(raw["created_at"]),
                slots=list(raw["slots"]),
                version=int(raw["version"]),
                unlock=dict(raw.get("unlock") or {}),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileError() from exc
        if checksum != _checksum(keyfile._body()):
            raise KeyFileError()
        if not keyfile.password_slot():
            raise KeyFileError()
        return keyfile

    # ---- slots

    def _aad(self, kind: str) -> bytes:
        return f"{FORMAT}|v{self.version}|{self.profile_id}|{kind}".encode()

    def password_slot(self) -> dict[str, Any] | None:
        return next((s for s in self.slots if s.get("kind") == "password"), None)

    def recovery_slots(self) -> list[dict[str, Any]]:
        return [s for s in self.slots if s.get("kind") == "recovery"]

    def set_password(self, data_key: bytes, password: str, params: KdfParams) -> None:
        """(Re)wrap the data key under a key derived from ``password``."""
        salt = new_salt()
        nonce = os.urandom(12)
        kek = derive_key(password, salt, params)
        wrapped = AESGCM(kek).encrypt(nonce, data_key, self._aad("password"))
        slot = {
            "kind": "password",
            "kdf": {"name": "argon2id", **params.to_dict()},
            "salt": b64(salt),
            "nonce": b64(nonce),
            "wrapped_key": b64(wrapped),
        }
        self.slots = [slot] + [s for s in self.slots if s.get("kind") != "password"]

    def unwrap_with_password(self, password: str) -> bytes:
        """Return the data key.

        Raises:
            WrongPasswordError: the password does not open the key.
            KeyFileError: the password slot is malformed.
        """
        slot = self.password_slot()
        if slot is None:
            raise KeyFileError()
        try:
            params = KdfParams.from_dict(slot["kdf"])
            salt, nonce, wrapped = unb64(slot["salt"]), unb64(slot["nonce"]), unb64(slot["wrapped_key"])
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileError() from exc
        kek = derive_key(password, salt, params)
        try:
            key = AESGCM(kek).decrypt(nonce, wrapped, self._aad("password"))
        except InvalidTag as exc:
            raise WrongPasswordError() from exc
        if len(key) != DATA_KEY_BYTES:
            raise KeyFileError()
        return key

    def add_recovery(self, data_key: bytes, public_key_pem: str) -> bool:
        """Wrap the data key to IT's recovery key unless already done; True if a slot was added."""
        public_key = recovery.load_public_key(public_key_pem)
        recipient = recovery.fingerprint(public_key)
        if any(s.get("recipient") == recipient for s in self.recovery_slots()):
            return False
        slot = {"kind": "recovery", **recovery.wrap_to_recipient(data_key, public_key, self._aad("recovery"))}
        self.slots.append(slot)
        return True

    def unwrap_with_recovery(self, private_key: recovery.X25519PrivateKey) -> bytes:
        """Return the data key using IT's private key; raises ``WrongPasswordError`` if it does not fit."""
        public = recovery.fingerprint(private_key.public_key())
        for slot in self.recovery_slots():
            if slot.get("recipient") == public:
                try:
                    return recovery.unwrap_with_private_key(slot, private_key, self._aad("recovery"))
                except InvalidTag as exc:
                    raise KeyFileError() from exc
        raise WrongPasswordError(
            "This recovery key was not registered on this laptop."  # shown to IT in the terminal
        )
