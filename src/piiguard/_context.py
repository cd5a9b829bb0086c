"""Context words by position: the fast replacement for Presidio's context enhancer.

Presidio's ``LemmaContextAwareEnhancer`` looks at every token for every finding, which
is quadratic on long text. Here each spec's context words and negative words are one
compiled alternation, searched only in a short window before the finding (and, for
positive words, a few characters after it). The label nearest to the finding wins, so
``订单号2023…，手机138…`` keeps the phone, while ``订单号：138…`` drops it.

>>> m = ContextMatcher(["手机", "号码"], ["订单", "发票"])
>>> m.effect("发票号码13812345678", 4, 15), m.effect("订单号2023，手机13812345678", 11, 22)
(-1, 1)
>>> u = ContextMatcher(["手机"], [], negative_after=["元"])
>>> u.effect("共13812345678元", 1, 12), u.effect("手机13812345678元旦联系", 2, 13)
(-1, 1)
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


_BREAKS = ("\n", "。", "；", ";")
_ANY_BREAK = re.compile("[" + "".join(_BREAKS) + "]")


class ContextMatcher:
    """Decides whether a finding sits next to a positive or a negative label."""

    __slots__ = ("_words", "_polarity", "_positive", "_after", "window", "after", "positive_words")

    def __init__(self, positive: Iterable[str], negative: Iterable[str], window: int = 16,
                 negative_after: Iterable[str] = (), after: int = _AFTER) -> None:
        positive, negative = list(positive), list(negative)
        #: The positive words, as :meth:`mentioned_in` looks for them.
        self.positive_words = tuple(positive)
        self._polarity = {w: -1 for w in negative}
        self._polarity.update({w: 1 for w in positive})
        self._words = _alternation(self._polarity)
        self._positive = _alternation(positive)
        units = _alternation(negative_after)
        self._after = None if units is None else re.compile(f" ?(?:{units.pattern})")
        self.window = window
        #: How many characters after a finding a positive word may follow it (0: none).
        self.after = after

    def mentioned_in(self, text: str) -> bool:
        """True when any positive context word occurs anywhere in ``text``."""
        return self._positive is not None and self._positive.search(text) is not None

    def effect(self, text: str, start: int, end: int) -> int:
        """+1 when the nearest label before is positive (or one follows), -1 when negative, else 0.

        With no label before, a unit right after (``negative_after``: 元, 次 …) gives -1.

        Labels are read back from the finding to the start of the window, which ends
        at a line break or sentence end: a label on the previous line says nothing.
        Adjacent words form one label whose first word decides: 身份证编号 names an ID,
        发票号码 an invoice.
        """
        window = self.window
        lo = start - window if start > window else 0
        # One search says whether the window holds a break at all (it rarely does).
        if _ANY_BREAK.search(text, lo, start) is not None:
            for mark in _BREAKS:
                cut = text.rfind(mark, lo, start)
                if cut >= lo:
                    lo = cut + 1
        words = self._words
        if words is not None and lo < start:
            group_first: re.Match[str] | None = None
            group_end = -1
            for m in words.finditer(text, lo, start):
                if m.start() > group_end:  # also true for the first match: group_end is -1
                    group_first = m
                if m.end() > group_end:
                    group_end = m.end()
            if group_first is not None:
                return self._polarity[group_first.group()]
        if self._after is not None and self._after.match(text, end):
            return -1  # a quantity: 13812345678元, 13812345678 次
        positive = self._positive
        if positive is not None and self.after > 0:
            hi = end + self.after
            if _ANY_BREAK.search(text, end, hi) is not None:
                for mark in _BREAKS:
                    cut = text.find(mark, end, hi)
                    if cut >= 0:
                        hi = cut
            if positive.search(text, end, hi):
                return 1
        return 0
