"""Helpers shared by the strategies: keyed deterministic draws, canonical forms, layout."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence
from typing import TypeVar

from .. import ids
from .._normalize import fold_value

__all__ = ["Draw", "LABELS_ZH", "canonical", "fold_width", "ids_module", "relayout", "split_extension",
           "is_hmt_prefix", "split_phone_prefix", "trunk_digits"]

T = TypeVar("T")

_IDS_BY_ENTITY = {
    "PHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "email",
    "IP_ADDRESS": "ip_address",
    "URL": "url",
}

#: Chinese labels for ``replace`` (``style="zh"``); unknown entities use their own name.
LABELS_ZH = {
    "PERSON": "姓名",
    "CN_ADDRESS": "地址",
    "PHONE_NUMBER": "手机号",
    "CN_RESIDENT_ID": "身份证号",
    "CN_BANK_CARD": "银行卡号",
    "CN_PASSPORT": "护照号",
    "CN_HMT_PERMIT": "通行证号",
    "CN_USCC": "统一社会信用代码",
    "CN_LICENSE_PLATE": "车牌号",
    "EMAIL_ADDRESS": "邮箱",
    "IP_ADDRESS": "IP地址",
    "URL": "网址",
    "HK_ID": "香港身份证号",
    "MO_ID": "澳门身份证号",
    "TW_ID": "台湾身份证号",
    "DATE_TIME": "日期",
    "DATE_OF_BIRTH": "出生日期",
}


def ids_module(entity_type: str):  # type: ignore[no-untyped-def]
    """The ``piiguard.ids`` validator module of an entity type, or None."""
    name = _IDS_BY_ENTITY.get(entity_type, entity_type.lower())
    if name not in ids.MODULES:
        return None
    return ids.get(name)


_WS = re.compile(r"\s+")


# Values reach the strategies as the caller wrote them; the digit and letter logic below
# reads ASCII only, so without folding a full-width (１３８…) or Chinese-numeral
# (一三八…) phone number came back from ``pseudonymize`` unchanged.
fold_width = fold_value


def canonical(entity_type: str, value: str) -> str:
    """The form two spellings of one value share (``138 1234 5678`` = ``+8613812345678``).

    Keyed hashes and pseudonyms are computed on it, so the same customer written two
    ways still links.
    """
    module = ids_module(entity_type)
    value = fold_width(value)
    if module is not None:
        try:
            out = module.compact(value)
        except Exception:  # noqa: BLE001 - a compact() must never break redaction
            out = value
        return out.lower() if entity_type in ("EMAIL_ADDRESS", "URL") else out
    return _WS.sub("", value)


class Draw:
    """A keyed, deterministic stream of choices: HMAC-SHA256 in counter mode.

    Written out rather than seeding ``random.Random`` so the surrogates (and the pinned
    test vectors) do not depend on the Python version's ``random`` internals.
    """

    __slots__ = ("_seed", "_buf", "_counter")

    def __init__(self, subkey: bytes, *parts: str) -> None:
        # surrogatepass: a lone surrogate (text decoded with surrogateescape) must not crash;
        # valid text encodes exactly as with plain UTF-8, so surrogates stay the same.
        msg = "\x1f".join(parts).encode("utf-8", "surrogatepass")
        self._seed = hmac.new(subkey, msg, hashlib.sha256).digest()
        self._buf = b""
        self._counter = 0

    def _bytes(self, n: int) -> bytes:
        while len(self._buf) < n:
            self._counter += 1
            self._buf += hmac.new(self._seed, self._counter.to_bytes(4, "big"), hashlib.sha256).digest()
        out, self._buf = self._buf[:n], self._buf[n:]
        return out

    def below(self, n: int) -> int:
        """An integer in ``range(n)`` (64-bit draw; bias below 2**-50 for the sizes used)."""
        return int.from_bytes(self._bytes(8), "big") % n

    def choice(self, seq: Sequence[T]) -> T:
        """One element of ``seq``."""
        return seq[self.below(len(seq))]

    def digits(self, n: int) -> str:
        """``n`` decimal digits."""
        return "".join(str(self.below(10)) for _ in range(n))


def relayout(original: str, new: str, slots: str = "alnum") -> str:
    """Write the characters of ``new`` into the alphanumeric positions of ``original``.

    ``relayout('138-1234-5678', '13900001111') == '139-0000-1111'``: separators and
    spacing are kept so a surrogate is written the way the original was. When the counts
    differ, ``new`` is returned as is.
    """
    positions = [i for i, c in enumerate(original) if c.isascii() and c.isalnum()]
    if len(positions) != len(new):
        return new
    chars = list(original)
    for i, c in zip(positions, new):
        chars[i] = c
    return "".join(chars)


# 86 without a plus: before a separator (86-138…) or glued to the 11 digits of a mobile
# (8613812345678, or masked 86138****5678). A trunk 0 in brackets after the country code
# (+86 (0)21 …) belongs to the prefix; so does the bracket opened before 86 when it closes
# after the area code ((+86 21) 6234 5678 keeps "21) 6234 5678" as the number).
_PHONE_PREFIX = re.compile(
    r"^(?:\+\s*86|0086|\(\s*\+?86\s*\)|（\s*\+?86\s*）|[(（]\s*\+?86(?=[\s-]*[\d*]{2,3}\s*[)）])"
    r"|86(?=[\s-]|1[\d*]{10}$)|(?:\+\s*|00|[(（]\s*\+?\s*)(?:85[23]|886)\s*[)）]?|(?:85[23]|886)(?=[\s-]+(?:[\d*][\s-]?){8,10}$))"
    r"[\s-]*(?:[(（]\s*0\s*[)）][\s-]*)?")
_HMT_PREFIX = re.compile(r"^\D*(?:00)?(?:85[23]|886)")


def is_hmt_prefix(prefix: str) -> bool:
    """True for the country code of Hong Kong, Macau or Taiwan (+852, 00853, (886) …)."""
    return _HMT_PREFIX.match(prefix) is not None


def split_phone_prefix(value: str) -> tuple[str, str]:
    """Split a ``+86``/``0086``/``(86)`` country prefix (with its spacing) off a phone number."""
    m = _PHONE_PREFIX.match(value)
    if m is None:
        return "", value
    return value[: m.end()], value[m.end():]


def trunk_digits(prefix: str, digits: str) -> str:
    """The digits of a phone number as dialled at home: after a country prefix the trunk 0 of
    a landline's area code is left out (+86 21 6234 5678 is 021 6234 5678), so it is put back.
    A number without an area code or prefix (6234 5678) is returned as it is."""
    if prefix and digits[:1] not in ("0", "") and 9 <= len(digits) <= 11 and not (
            digits[0] == "1" and len(digits) == 11) and not is_hmt_prefix(prefix):
        return "0" + digits
    return digits


# Only explicit extension markers: a trailing "-6666" is part of "0755-8888-6666".
_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|x|#)\s*[\d*]{1,6}$", re.IGNORECASE)


def split_extension(value: str) -> tuple[str, str]:
    """Split an explicit extension (``转801``, ``ext. 12``, ``#3``) off a phone number.

    ``*`` counts as a digit, so a masked number splits the same way (idempotent masking).
    """
    m = _EXTENSION.search(value)
    if m is None:
        return value, ""
    return value[: m.start()], value[m.start():]
