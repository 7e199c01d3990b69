"""The audit trail's anchor: where the hash chain had got to, kept outside the database.

Someone holding the data key could delete the newest audit entries (after dropping the triggers) and
the chain would still verify. The anchor remembers two positions of the chain, each a ``(seq, hash)``:
the last entry verified from the start of the chain, and the newest entry known to be committed. A
database whose chain is shorter than the anchor, or holds another hash at the anchor's seq, was
truncated or rewritten.

The file (``data/audit-anchor.bin``) is ``MAGIC || nonce (12) || AES-256-GCM(JSON)``, with MAGIC as the
associated data, under a key derived from the data key with HKDF-SHA256 (its own ``info``, so the
data key itself is never used for anything but SQLCipher). Nothing in it is personal data; it is
encrypted so that its positions cannot be read or forged without the data key. Someone who has the
data key *and* knows this format can rewrite the anchor too: the anchor raises the bar, and the
server's copy of the chain (with sync) is what will close it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.core.fileio import atomic_write_bytes

MAGIC = b"TOVHOLDER-AUDIT-ANCHOR-1\n"
INFO = b"tovholder audit anchor v1"
NONCE_BYTES = 12


class AnchorDamagedError(ValueError):
    """The anchor file is there but cannot be read: damaged, cut short, or sealed with another key."""


@dataclass(frozen=True)
class Position:
    """One point of the hash chain: the entry's ``seq`` and its ``hash`` (seq 0: the empty chain)."""

    seq: int
    hash: str


@dataclass(frozen=True)
class Anchor:
    """The last verified and the newest committed position of the audit chain."""

    verified: Position
    newest: Position


def anchor_key(data_key: bytes) -> bytes:
    """The anchor's own 256-bit key, derived from the data key."""
    return HKDF(algorithm=SHA256(), length=32, salt=None, info=INFO).derive(data_key)


def seal(key: bytes, anchor: Anchor) -> bytes:
    body = {"verified": [anchor.verified.seq, anchor.verified.hash], "newest": [anchor.newest.seq, anchor.newest.hash]}
    nonce = os.urandom(NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, json.dumps(body).encode("utf-8"), MAGIC)


def unseal(key: bytes, blob: bytes) -> Anchor:
    """The anchor in ``blob``. Raises ``AnchorDamagedError`` if it is not one sealed with ``key``."""
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + NONCE_BYTES + 16:
        raise AnchorDamagedError("not an audit anchor")
    nonce = blob[len(MAGIC):len(MAGIC) + NONCE_BYTES]
    try:
        body = json.loads(AESGCM(key).decrypt(nonce, blob[len(MAGIC) + NONCE_BYTES:], MAGIC))
        verified, newest = (Position(int(body[k][0]), str(body[k][1])) for k in ("verified", "newest"))
    except (InvalidTag, ValueError, KeyError, IndexError, TypeError) as exc:
        raise AnchorDamagedError("the audit anchor does not open") from exc
    return Anchor(verified, newest)


def read_anchor(path: Path, key: bytes) -> Anchor | None:
    """The anchor kept at ``path``, or None if there is none. Raises ``AnchorDamagedError``."""
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise AnchorDamagedError("the audit anchor cannot be read") from exc
    return unseal(key, blob)


def write_anchor(path: Path, key: bytes, anchor: Anchor) -> None:
    """Replace the anchor atomically (a crash leaves the old one or the new one, whole).

    Raises ``DiskFullError`` or ``StorageError`` like every atomic write.
    """
    atomic_write_bytes(path, seal(key, anchor))
