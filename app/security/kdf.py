"""Password-based key derivation (Argon2id) with parameters stored beside each wrapped key."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters. The defaults take about 0.2-0.5 s on a municipal laptop."""

    iterations: int = 3
    lanes: int = 4
    memory_kib: int = 64 * 1024

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict[str, object]) -> KdfParams:
        values = {k: raw[k] for k in ("iterations", "lanes", "memory_kib")}
        if not all(isinstance(v, int) and v > 0 for v in values.values()):
            raise ValueError("bad KDF parameters")
        params = cls(**values)  # type: ignore[arg-type]
        # Refuse absurd values from a tampered file instead of hanging or exhausting memory.
        if params.iterations > 64 or params.lanes > 64 or params.memory_kib > 4 * 1024 * 1024:
            raise ValueError("KDF parameters out of range")
        if params.memory_kib < 8 * params.lanes:
            raise ValueError("KDF memory too small for lanes")
        return params


# Fast parameters for tests and the demo generator; never used for a real profile by default.
FAST_KDF = KdfParams(iterations=1, lanes=1, memory_kib=8 * 1024)


def new_salt() -> bytes:
    return os.urandom(16)


def derive_key(password: str, salt: bytes, params: KdfParams) -> bytes:
    """Derive a 256-bit key-encryption key from the password."""
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(password.encode("utf-8"))
