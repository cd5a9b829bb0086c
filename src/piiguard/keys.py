"""Key material for the keyed strategies (hash, encrypt, pseudonymize, fpe).

A :class:`Key` wraps at least 16 bytes of secret material. It comes from an argument
(``bytes`` or ``str``), the ``PIIGUARD_KEY`` environment variable or a file, and it
never shows its bytes: ``repr``/``str`` print a short fingerprint, and every error
message is a fixed sentence. Each strategy uses its own subkey, derived with HKDF-SHA256
from the material and a purpose label, so a hash never reveals anything about an
encryption key and vice versa.

>>> key = Key(b"0123456789abcdef-demo-key")
>>> key
Key(fingerprint='7e3068df')
>>> len(key.derive("hash")), key.derive("hash") == key.derive("encrypt")
(32, False)
>>> Key(b"too short")
Traceback (most recent call last):
...
piiguard.exceptions.KeyMaterialError: A key must be at least 16 bytes long (use Key.generate() or 'openssl rand -base64 32').
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import Union

from .exceptions import KeyMaterialError

__all__ = ["ENV_VAR", "Key", "KeyLike", "MIN_KEY_BYTES"]

ENV_VAR = "PIIGUARD_KEY"
MIN_KEY_BYTES = 16
_HKDF_SALT = b"piiguard/v1"

KeyLike = Union["Key", bytes, bytearray, str]


def _hkdf(material: bytes, info: bytes, length: int) -> bytes:
    # RFC 5869 HKDF-SHA256, written out (it is 6 lines) so deriving a subkey does not
    # import cryptography's backend for the strategies that do not need it.
    prk = hmac.new(_HKDF_SALT, material, hashlib.sha256).digest()
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


class Key:
    """Secret key material; shows only a fingerprint.

    Args:
        material: the secret, at least 16 bytes (a ``str`` is UTF-8 encoded), or another
            :class:`Key`.

    Raises:
        KeyMaterialError: when the material is shorter than 16 bytes or of the wrong type.
    """

    __slots__ = ("_material", "_fingerprint", "_subkeys")

    def __init__(self, material: KeyLike) -> None:
        if isinstance(material, Key):
            raw = material._material
        elif isinstance(material, (bytes, bytearray)):
            raw = bytes(material)
        elif isinstance(material, str):
            try:
                raw = material.encode("utf-8")
            except UnicodeEncodeError:  # it quotes and holds the key: raise outside the handler
                raw = None
            if raw is None:
                raise KeyMaterialError("A key str must be valid Unicode (no lone surrogates).")
        else:
            raise KeyMaterialError("A key must be bytes, str or piiguard.Key.")
        if len(raw) < MIN_KEY_BYTES:
            raise KeyMaterialError(
                f"A key must be at least {MIN_KEY_BYTES} bytes long "
                "(use Key.generate() or 'openssl rand -base64 32')."
            )
        self._material = raw
        self._fingerprint = _hkdf(raw, b"fingerprint", 4).hex()
        self._subkeys: dict[tuple[str, int], bytes] = {}

    @classmethod
    def generate(cls, nbytes: int = 32) -> Key:
        """A new random key (``secrets.token_bytes``)."""
        return cls(secrets.token_bytes(max(nbytes, MIN_KEY_BYTES)))

    @classmethod
    def from_env(cls, var: str = ENV_VAR) -> Key:
        """The key in environment variable ``var`` (``PIIGUARD_KEY`` by default).

        Raises:
            KeyMaterialError: when the variable is unset, empty or too short.
        """
        value = os.environ.get(var)
        if not value:
            raise KeyMaterialError(f"No key: pass key=... or set the {var} environment variable.")
        return cls(value)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Key:
        """The key stored in a file (its bytes, with one trailing newline removed).

        Raises:
            KeyMaterialError: when the file cannot be read or holds too little material.
        """
        try:
            raw = Path(path).read_bytes()
        except OSError:
            raise KeyMaterialError("The key file cannot be read.") from None
        if raw.endswith(b"\n"):
            raw = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1]
        return cls(raw)

    @classmethod
    def coerce(cls, key: KeyLike | None, *, required: bool = False) -> Key | None:
        """Turn an argument into a :class:`Key`; ``None`` falls back to ``PIIGUARD_KEY``.

        Args:
            key: a Key, bytes, str or None.
            required: raise instead of returning None when no key is available.

        Raises:
            KeyMaterialError: when ``required`` and no key is given or set, or the
                material is invalid.
        """
        if key is None:
            if os.environ.get(ENV_VAR):
                return cls.from_env()
            if required:
                raise KeyMaterialError(
                    f"This policy needs a key: pass key=... or set the {ENV_VAR} environment variable."
                )
            return None
        return key if isinstance(key, Key) else cls(key)

    @property
    def fingerprint(self) -> str:
        """8 hex characters identifying the key (HKDF output, not a hash of the material)."""
        return self._fingerprint

    def derive(self, purpose: str, length: int = 32) -> bytes:
        """A subkey for one purpose (``"hash"``, ``"encrypt"``, ``"pseudonymize"`` ...)."""
        cache_key = (purpose, length)
        sub = self._subkeys.get(cache_key)
        if sub is None:
            sub = _hkdf(self._material, b"piiguard/v1/" + purpose.encode("utf-8"), length)
            self._subkeys[cache_key] = sub
        return sub

    def __repr__(self) -> str:
        return f"Key(fingerprint={self._fingerprint!r})"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Key):
            return NotImplemented
        return hmac.compare_digest(self._material, other._material)

    def __hash__(self) -> int:
        return hash(self._fingerprint)

    def __reduce__(self) -> tuple[object, ...]:
        # Pickles (for process pools); pickling is not printing.
        return (Key, (self._material,))
