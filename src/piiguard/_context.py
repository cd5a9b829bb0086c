"""Context words by position: the fast replacement for Presidio's context enhancer.

Presidio's ``LemmaContextAwareEnhancer`` looks at every token for every finding, which
is quadratic on long text. Here each spec's context words and negative words are one
compiled alternation, searched only in a short window before the finding (and, for
positive words, a few characters after it). The label nearest to the finding wins, so
``订单号2023…，手机138…`` keeps the phone, while ``订单号：138…`` drops it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["ContextMatcher"]

_AFTER = 8


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    unique = sorted(set(words), key=len, reverse=True)
    if not unique:
        return None
    return re.compile("|".join(re.escape(w) for w in unique))


class ContextMatcher:
    """Decides whether a finding sits next to a positive or a negative label."""

    __slots__ = ("_positive", "_negative", "window")

    def __init__(self, positive: Iterable[str], negative: Iterable[str], window: int = 16) -> None:
        self._positive = _alternation(positive)
        self._negative = _alternation(negative)
        self.window = window

    def effect(self, text: str, start: int, end: int) -> int:
        """+1 when a context word is near, -1 when a negative label is nearest, else 0."""
        lo = start - self.window if start > self.window else 0
        pos_end = pos_start = -1
        if self._positive is not None:
            for m in self._positive.finditer(text, lo, start):
                pos_start, pos_end = m.start(), m.end()
        if self._negative is not None:
            neg = None
            for m in self._negative.finditer(text, lo, start):
                neg = m
            # A negative word glued after a positive one is one compound label
            # (身份证编号, 护照编号): the positive word names what the number is.
            if neg is not None and neg.end() > pos_end and not (pos_start <= neg.start() <= pos_end):
                return -1
        if pos_end >= 0:
            return 1
        if self._positive is not None and self._positive.search(text, end, end + _AFTER):
            return 1
        return 0
