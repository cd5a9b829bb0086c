"""Normalization with an offset map.

Detection runs on a normalized copy of the caller's text: full-width ASCII letters,
digits and the symbols identifiers are written with (``１３８``, ``＋８６``, ``（０７５５）``,
``ｚｈａｎｇ＠ｑｑ．ｃｏｍ``) become ASCII; the ideographic space, NBSP and other Unicode spaces
become an ASCII space; dash variants become ``-``; zero-width characters and the soft
hyphen are removed; a run of seven or more Chinese numerals spelled digit by digit
(一三八一二三四五六七八) becomes ASCII digits. Chinese punctuation (，。、；：！？) is kept as
written, since the name and address models read it.

Every character maps to at most one character, so only removals shift offsets. The
map is stored as the sorted normalized positions of the removals, and
:meth:`Normalized.to_original` turns a span of the normalized text back into a span of
the caller's string with a binary search.

>>> n = normalize("手机：１３８\u200b１２３４５６７８")
>>> n.text
'手机：13812345678'
>>> n.to_original(3, 14)
(3, 15)
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["Normalized", "fold_value", "normalize"]

_SYMBOLS = "+-()@./_#*%&=~"
_TABLE: dict[int, str] = {}
for _c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" + _SYMBOLS:
    _TABLE[ord(_c) + 0xFEE0] = _c  # U+FF01..U+FF5E are ASCII + 0xFEE0
for _cp in (0x3000, 0x00A0, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
            0x200A, 0x202F, 0x205F, 0x1680):
    _TABLE[_cp] = " "
for _cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212, 0xFE63, 0xFE58):
    _TABLE[_cp] = "-"
_TABLE[0xFF3F] = "_"

_REMOVED = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_REMOVED_RE = re.compile(f"[{_REMOVED}]")
_DELETE_TABLE = {**_TABLE, **{ord(c): None for c in _REMOVED}}
# Characters that make normalization do anything at all; text without them is returned as is.
_WORK_CLASS = "[" + "".join(re.escape(chr(cp)) for cp in sorted(_TABLE)) + _REMOVED + "]"
_NEEDS_WORK_RE = re.compile(_WORK_CLASS + "+")


# Numbers spelled digit by digit in Chinese numerals (一三八一二三四五六七八, a way to get a
# phone number past filters) become ASCII digits. Only runs of seven or more: shorter runs
# are ordinary words and dates (一九九八年, 三十).
_HAN_DIGITS = {ord(c): str(i) for i, c in enumerate("零一二三四五六七八九")}
_HAN_DIGITS[ord("〇")] = "0"
_HAN_DIGITS[ord("幺")] = "1"
_HAN_DIGIT_RUN = "[〇零一二三四五六七八九幺]{7,}"
_HAN_DIGIT_RUN_RE = re.compile(_HAN_DIGIT_RUN)
_ANY_WORK_RE = re.compile(_WORK_CLASS + "|" + _HAN_DIGIT_RUN)


def _han_digit_run(m: re.Match[str]) -> str:
    return m.group().translate(_HAN_DIGITS)


def fold_value(value: str) -> str:
    """``value`` with the characters normalization maps one for one mapped: full-width
    forms as ASCII, Chinese-numeral runs as digits (removals are left to
    :func:`normalize`). For a value already cut out of the caller's text, as the
    redaction strategies get it."""
    value = value.translate(_TABLE)
    return value if value.isascii() else _HAN_DIGIT_RUN_RE.sub(_han_digit_run, value)


class Normalized:
    """A normalized text and the way back to the caller's offsets."""

    __slots__ = ("text", "original_length", "_removed_at")

    def __init__(self, text: str, original_length: int, removed_at: list[int] | None) -> None:
        self.text = text
        self.original_length = original_length
        self._removed_at = removed_at  # normalized positions of removed characters, sorted

    @property
    def is_identity(self) -> bool:
        """True when offsets in :attr:`text` equal offsets in the original string."""
        return not self._removed_at

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalized text to the original string."""
        removed = self._removed_at
        if not removed:
            return start, end
        orig_start = start + bisect_right(removed, start)
        orig_end = (end - 1) + bisect_right(removed, end - 1) + 1 if end > start else orig_start
        return orig_start, orig_end

    def __repr__(self) -> str:
        return f"Normalized(length={len(self.text)}, original_length={self.original_length})"


def normalize(text: str) -> Normalized:
    """Normalize ``text`` for detection and keep the offset map."""
    # One scan answers "is there anything to do?" for most texts (Chinese text has
    # neither full-width forms nor seven numerals in a row).
    if text.isascii() or _ANY_WORK_RE.search(text) is None:
        return Normalized(text, len(text), None)
    if _HAN_DIGIT_RUN_RE.search(text) is not None:
        text = _HAN_DIGIT_RUN_RE.sub(_han_digit_run, text)  # one character for one: offsets hold
    if _NEEDS_WORK_RE.search(text) is None:
        return Normalized(text, len(text), None)
    # Translate only the runs that need it: str.translate with a dict costs a lookup
    # per character, which on long Chinese text is slower than the whole detection.
    if _REMOVED_RE.search(text) is None:
        return Normalized(_NEEDS_WORK_RE.sub(_translate_run, text), len(text), None)
    removed_at = [m.start() - k for k, m in enumerate(_REMOVED_RE.finditer(text))]
    return Normalized(_NEEDS_WORK_RE.sub(_delete_run, text), len(text), removed_at)


def _translate_run(m: re.Match[str]) -> str:
    return m.group().translate(_TABLE)


def _delete_run(m: re.Match[str]) -> str:
    return m.group().translate(_DELETE_TABLE)
