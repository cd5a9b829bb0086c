"""``encrypt``: authenticated encryption into a self-describing token; ``decrypt`` reverses it.

A token looks like ``⟦PII:CN_RESIDENT_ID:AjH3…⟧``: the entity type in clear (so a reader,
or an LLM, knows what stood there) and a base64url payload. The payload is a version
byte and then either

- ``mode="random"`` (default): AES-256-GCM with a random 96-bit nonce. The same value
  gives a different token each time; nothing links two occurrences.
- ``mode="deterministic"``: AES-SIV (RFC 5297, 512-bit key). The same value and entity
  type always give the same token for one key, so encrypted columns still join and
  count, at the cost of revealing equality.

The entity type is authenticated as associated data: a token relabelled from PERSON to
CN_RESIDENT_ID, truncated, altered in one character, or decrypted with another key
raises :class:`piiguard.DecryptionError`; it never yields garbage. Unlike Presidio's
``encrypt`` (AES-CBC, unauthenticated, key printed by ``OperatorConfig``'s repr), keys
travel as :class:`piiguard.Key` objects whose repr is a fingerprint.

Tokens reveal the value's length (to the byte, in UTF-8): ID numbers all have the same
length, names differ by a character or two.

>>> from piiguard.keys import Key
>>> key = Key(b"0123456789abcdef-demo-key")
>>> token = Encrypt().operate("13812345678", {"entity_type": "PHONE_NUMBER", "key": key,
...                                          "options": {"mode": "deterministic"}})
>>> token
'⟦PII:PHONE_NUMBER:AhMNPnlUUWda16mLk9-UKHKeCOILA_QLNSmt9A⟧'
>>> decrypt_token(token, key)
('PHONE_NUMBER', '13812345678')
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESSIV

from ..exceptions import DecryptionError
from ..keys import Key
from ._base import Options, Strategy, check

__all__ = ["TOKEN_RE", "Encrypt", "EncryptOptions", "decrypt_token", "encrypt_value"]

_OPEN, _CLOSE = "⟦", "⟧"
#: A token anywhere in a text (restore searches with it).
TOKEN_RE = re.compile(_OPEN + r"PII:([A-Z][A-Z0-9_]{0,63}):([A-Za-z0-9_-]{20,})" + _CLOSE)
_V_GCM, _V_SIV = 1, 2


@lru_cache(maxsize=32)
def _gcm(subkey: bytes) -> AESGCM:
    return AESGCM(subkey)


@lru_cache(maxsize=32)
def _siv(subkey: bytes) -> AESSIV:
    return AESSIV(subkey)


def _aad(entity_type: str) -> bytes:
    return b"piiguard/v1|" + entity_type.encode("ascii")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def encrypt_value(value: str, entity_type: str, key: Key, *, deterministic: bool = False) -> str:
    """The token for ``value``."""
    plain, aad = value.encode("utf-8", "surrogatepass"), _aad(entity_type)  # lone surrogates round-trip
    if deterministic:
        payload = bytes([_V_SIV]) + _siv(key.derive("encrypt/siv", 64)).encrypt(plain, [aad])
    else:
        nonce = os.urandom(12)
        payload = bytes([_V_GCM]) + nonce + _gcm(key.derive("encrypt/gcm", 32)).encrypt(nonce, plain, aad)
    return f"{_OPEN}PII:{entity_type}:{_b64(payload)}{_CLOSE}"


def decrypt_payload(entity_type: str, payload: str, key: Key) -> str:
    """Decrypt a token's parts.

    Raises:
        DecryptionError: wrong key, or the token was altered or truncated.
    """
    try:
        data = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    except (binascii.Error, ValueError):
        raise DecryptionError() from None
    if _b64(data) != payload:
        # The last base64 character carries unused bits: a token altered there would
        # still decode to the same bytes. Only the canonical encoding is accepted.
        raise DecryptionError()
    aad = _aad(entity_type)
    try:
        if data[:1] == bytes([_V_GCM]) and len(data) >= 1 + 12 + 16:
            plain = _gcm(key.derive("encrypt/gcm", 32)).decrypt(data[1:13], data[13:], aad)
        elif data[:1] == bytes([_V_SIV]) and len(data) >= 1 + 16:
            plain = _siv(key.derive("encrypt/siv", 64)).decrypt(data[1:], [aad])
        else:
            raise DecryptionError()
        return plain.decode("utf-8", "surrogatepass")
    except (InvalidTag, UnicodeDecodeError, ValueError):
        raise DecryptionError() from None


def decrypt_token(token: str, key: Key) -> tuple[str, str]:
    """``(entity_type, value)`` of one whole token.

    Raises:
        DecryptionError: not a token, wrong key, or the token was altered or truncated.
    """
    m = TOKEN_RE.fullmatch(token.strip())
    if m is None:
        raise DecryptionError("Not a piiguard token.")
    return m.group(1), decrypt_payload(m.group(1), m.group(2), key)


@dataclass(frozen=True)
class EncryptOptions(Options):
    """Options of ``encrypt``.

    Attributes:
        mode: ``"random"`` (AES-GCM, unlinkable) or ``"deterministic"`` (AES-SIV, joinable).
    """

    PRIMARY: ClassVar[str | None] = "mode"
    mode: str = "random"

    def __post_init__(self) -> None:
        check(self.mode in ("random", "deterministic"), "encrypt", "mode", "'random' or 'deterministic'")


class Encrypt(Strategy):
    """Authenticated encryption (AES-GCM, or AES-SIV when deterministic) into a token."""

    name = "encrypt"
    Options = EncryptOptions
    needs_key = True
    reversible = True

    def apply(self, value: str, entity_type: str, options: Any, key: Key | None,
              facts: Mapping[str, Any]) -> str:
        assert key is not None
        return encrypt_value(value, entity_type or "PII", key, deterministic=options.mode == "deterministic")
