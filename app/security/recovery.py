"""The municipal recovery key: the data key wrapped to IT's X25519 public key.

IT keeps the private key offline. With it, IT can set a new password on a laptop whose user forgot
hers, so records not yet synced survive. Wrapping: ephemeral X25519 + HKDF-SHA256 + AES-256-GCM.
"""

from __future__ import annotations

import base64
import hashlib
import os

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ALGORITHM = "x25519-hkdf-sha256-aes256gcm"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def load_public_key(pem: str) -> X25519PublicKey:
    """Parse IT's recovery public key (PEM, SubjectPublicKeyInfo)."""
    key = serialization.load_pem_public_key(pem.encode("ascii"))
    if not isinstance(key, X25519PublicKey):
        raise ValueError("the recovery key must be an X25519 public key")
    return key


def fingerprint(public_key: X25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:32]


def _kek(shared: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=SHA256(), length=32, salt=salt, info=info).derive(shared)


def wrap_to_recipient(data_key: bytes, public_key: X25519PublicKey, aad: bytes) -> dict[str, str]:
    """Wrap ``data_key`` so that only the holder of the matching private key can unwrap it."""
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(public_key)
    salt = os.urandom(16)
    nonce = os.urandom(12)
    kek = _kek(shared, salt, b"tovholder-recovery-v1|" + aad)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, aad)
    eph_pub = ephemeral.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return {
        "algorithm": ALGORITHM,
        "recipient": fingerprint(public_key),
        "ephemeral_public": b64(eph_pub),
        "salt": b64(salt),
        "nonce": b64(nonce),
        "wrapped_key": b64(wrapped),
    }


def unwrap_with_private_key(slot: dict[str, str], private_key: X25519PrivateKey, aad: bytes) -> bytes:
    """Recover the data key; raises ``cryptography.exceptions.InvalidTag`` on a wrong key."""
    eph = X25519PublicKey.from_public_bytes(unb64(slot["ephemeral_public"]))
    shared = private_key.exchange(eph)
    kek = _kek(shared, unb64(slot["salt"]), b"tovholder-recovery-v1|" + aad)
    return AESGCM(kek).decrypt(unb64(slot["nonce"]), unb64(slot["wrapped_key"]), aad)


def generate_keypair(passphrase: str) -> tuple[str, str]:
    """Make a new recovery key pair for IT: (private PEM encrypted with ``passphrase``, public PEM)."""
    private = X25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    ).decode("ascii")
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
    return private_pem, public_pem


def load_private_key(pem: bytes, passphrase: str) -> X25519PrivateKey:
    key = serialization.load_pem_private_key(pem, password=passphrase.encode("utf-8"))
    if not isinstance(key, X25519PrivateKey):
        raise ValueError("not an X25519 private key")
    return key
