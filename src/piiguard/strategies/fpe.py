"""``fpe``: format-preserving encryption (NIST FF3-1, the ``ff3`` package) of digit identifiers.

The output has the same length, digits where the value had digits, and the same
separators, so it fits the original column and format. It is reversible with the key
(:func:`decrypt_value`). Per entity, a public prefix is kept and check digits are
recomputed so the format stays plausible:

=================  =========================================  ==============================
entity             encrypted                                  kept / recomputed
=================  =========================================  ==============================
PHONE_NUMBER       mobile: last 8 digits; landline: local      mobile prefix, area code
                   number (at least 6 digits in all)
CN_BANK_CARD       digits 7 to n-1                             BIN (first 6); Luhn digit
CN_RESIDENT_ID     birth date and sequence (11 digits)         region (first 6); check char
others             every digit (6 or more needed)              letters and separators
=================  =========================================  ==============================

An encrypted resident ID passes the checksum but usually not the birth-date check, so
it is not mistaken for a real ID. FF3-1 needs at least 6 digits (NIST's minimum domain
of a million), so shorter digit runs raise PolicyError. The tweak is derived from the
entity type, so the same digits encrypt differently as a phone and as a card.

Reversal needs to know where the values are (a column, a field): an FPE output is
indistinguishable from a real number, which is the point, so :func:`piiguard.restore`
cannot find them in free text. Use ``encrypt`` tokens for text that comes back.

>>> from piiguard.keys import Key
>>> key = Key(b"0123456789abcdef-demo-key")
>>> enc = Fpe().operate("138-1234-5678", {"entity_type": "PHONE_NUMBER", "key": key})
>>> enc
'138-9957-5623'
>>> decrypt_value(enc, "PHONE_NUMBER", key)
'138-1234-5678'
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ff3 import FF3Cipher

from ..exceptions import PolicyError
from ..ids import cn_bank_card, cn_resident_id
from ..keys import Key
from ._base import Options, Strategy
from ._common import fold_width, split_extension, split_phone_prefix

__all__ = ["Fpe", "FpeOptions", "decrypt_value", "encrypt_value"]

#: Entity types whose values are digit identifiers.
DIGIT_ENTITIES = frozenset({
    "PHONE_NUMBER", "CN_BANK_CARD", "CN_RESIDENT_ID", "CN_HMT_PERMIT", "CN_PASSPORT", "MO_ID",
    "HK_ID", "TW_ID", "CN_USCC", "IP_ADDRESS", "QQ_NUMBER", "IMEI",
})
_MIN_DIGITS = 6


@lru_cache(maxsize=64)
def _cipher(subkey: bytes, entity_type: str) -> FF3Cipher:
    tweak = hashlib.sha256(b"piiguard/fpe/" + entity_type.encode("ascii")).hexdigest()[:14]  # 56 bits: FF3-1
    return FF3Cipher(subkey.hex(), tweak, radix=10)


def _split(value: str, entity_type: str) -> tuple[int, int, bool]:
    """(digits kept at the start, digits kept at the end, recompute check) for a value's digits."""
    digits = [c for c in value if c.isascii() and c.isdigit()]
    n = len(digits)
    if entity_type == "PHONE_NUMBER":
        if n == 11 and digits[0] == "1":
            return 3, 0, False
        if digits[:1] == ["0"]:
            from ..ids.phone import area_code

            return len(area_code("".join(digits))), 0, False
    if entity_type == "CN_BANK_CARD" and n >= 16:
        return 6, 1, True
    if entity_type == "CN_RESIDENT_ID" and len(value.strip()) == 18:
        return 6, 0, True  # 17 digits + check char: the check char is not a digit or is recomputed
    return 0, 0, False


def _transform(value: str, entity_type: str, key: Key, decrypt: bool) -> str:
    value = fold_width(value)  # full-width digits are digits too (same length, ASCII out)
    prefix, rest = ("", value)
    ext = ""
    if entity_type == "PHONE_NUMBER":
        prefix, rest = split_phone_prefix(value)
        rest, ext = split_extension(rest)
    is_id = entity_type == "CN_RESIDENT_ID" and len(cn_resident_id.compact(rest)) == 18
    positions = [i for i, c in enumerate(rest) if c.isascii() and c.isdigit()]
    if is_id:
        positions = positions[:17]  # the check character (maybe X) is recomputed
    head, tail, recompute = _split(rest, entity_type)
    n = len(positions)
    if is_id:
        head, tail = 6, 0
    middle = positions[head: n - tail]
    if len(middle) < _MIN_DIGITS:
        raise PolicyError(f"fpe needs at least {_MIN_DIGITS} digits to encrypt in a {entity_type} value")
    cipher = _cipher(key.derive("fpe", 16), entity_type)
    chars = list(rest)
    plain = "".join(chars[i] for i in middle)
    out = cipher.decrypt(plain) if decrypt else cipher.encrypt(plain)
    for i, c in zip(middle, out):
        chars[i] = c
    if recompute and entity_type == "CN_BANK_CARD":
        body = "".join(chars[i] for i in positions[:-1])
        chars[positions[-1]] = cn_bank_card.calc_check_digit(body)
    elif is_id:
        body = "".join(chars[i] for i in positions)
        check_at = max(i for i, c in enumerate(rest) if c.isalnum())
        chars[check_at] = cn_resident_id.calc_check_digit(body)
    return prefix + "".join(chars) + ext


def encrypt_value(value: str, entity_type: str, key: Key) -> str:
    """The FF3-1 encryption of ``value``'s digits (layout and public prefix kept).

    Raises:
        PolicyError: fewer than 6 digits to encrypt.
    """
    return _transform(value, entity_type, key, decrypt=False)


def decrypt_value(value: str, entity_type: str, key: Key) -> str:
    """Reverse :func:`encrypt_value` (with the same key and entity type).

    A resident ID or card comes back with its check character recomputed, which equals
    the original for any valid number.
    """
    return _transform(value, entity_type, key, decrypt=True)


@dataclass(frozen=True)
class FpeOptions(Options):
    """``fpe`` has no options: what is kept per entity is fixed so decryption can undo it."""


class Fpe(Strategy):
    """Format-preserving encryption (FF3-1) of the digits of an identifier; reversible."""

    name = "fpe"
    Options = FpeOptions
    needs_key = True
    reversible = True
    entities = DIGIT_ENTITIES

    def apply(self, value: str, entity_type: str, options: Any, key: Key | None,
              facts: Mapping[str, Any]) -> str:
        assert key is not None
        return encrypt_value(value, entity_type, key)
