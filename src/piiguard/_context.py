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
from string import ascii_letters, ascii_lowercase, ascii_uppercase

from ._regexutil import word_alternation

__all__ = ["ContextMatcher"]

_AFTER = 8


def _latin(c: str) -> bool:
    return c.isascii() and c.isalpha()


def _edges(w: str) -> tuple[str, str] | None:
    """The letters that may not stand before and after the Latin word ``w`` (None: not Latin).

    A Latin word counts at word edges only (order is not in recorder, v not in VPN). Words
    with small letters may join a camelCase or snake_case key (orderNo, contactPhone,
    order_no); words in capitals (SN, TXN, V) stand alone.
    """
    first, last = _latin(w[:1]), _latin(w[-1:])
    if not (first or last):
        return None
    caps = w.isupper()
    before = "" if not first else ascii_uppercase if w[0].isupper() and not caps else ascii_letters
    after = "" if not last else ascii_letters if caps else ascii_lowercase
    return before, after


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    """The longest word at a position, as a trie (one branch per first character)."""
    unique = set(words)
    if not unique:
        return None
    return re.compile(word_alternation(unique))


# Words that hold a label without being one (字节跳动 holds 字节, 同学号码 学号, 大小姐 大小):
# matched as words of no polarity, so the label inside them is not read.
_NEUTRAL = ("字节跳动", "同学", "大小姐", "大小写")
# Positive words that name no kind of identifier on their own: after a negative word they
# stay part of its label (发票号码 is an invoice number, 订单ID an order's).
_GENERIC = frozenset(("号码", "号", "编号", "码", "证件", "身份", "ID", "id", "地址"))
# Characters right before a finding that do not use up the window ({"QQ号": "…"}).
_JOINERS = frozenset(" \t\u3000\"'：:=")
# What may stand between a label and its value without counting towards ``gap``.
_SEPARATORS = re.compile("[\\s\"'：:=是为]+")
# Between a negative label and the finding: the label's own value (订单号:123 …, 快递单号SF12…)
# or a new clause (订单已发货，收件人…): the label is not this finding's.
_OWN_VALUE = re.compile(r"[0-9A-Za-z]|[，,][^\s:：]")
# Latin words that end a label after its noun without naming a kind (Order No., Invoice ID,
# Serial Number #): the noun decides.
_LABEL_TAIL = re.compile(r"[ _-]?(?:No|NO|no|Nr|ID|Id|id|Number|number|NUMBER|Num|num|Code|code)(?![A-Za-z])\.?")


_BREAKS = ("\n", "。", "；", ";")
_ANY_BREAK = re.compile("[" + "".join(_BREAKS) + "]")
# What may stand between a break and a finding for the label that ends the line or clause
# before to count: nothing, or a label that names no kind (证件号码：, 号码:).
_BARE_LABEL = re.compile(r"[\s\"'：:=]*(?:(?:证件|證件)?(?:号码|號碼|号|號)[\s\"'：:=]*)?")
_TRAILING = " \t\r\u3000\"'：:="
# The end of a label after its last word (物流单|号, 手机号|码).
_LABEL_END = re.compile("号码|號碼|号|號|码|碼")


class ContextMatcher:
    """Decides whether a finding sits next to a positive or a negative label."""

    __slots__ = ("_words", "_polarity", "_edges", "_positive", "_after", "window", "after", "positive_words", "gap")

    def __init__(self, positive: Iterable[str], negative: Iterable[str], window: int = 16,
                 negative_after: Iterable[str] = (), after: int = _AFTER, gap: int | None = None) -> None:
        positive, negative = list(positive), list(negative)
        #: The positive words, as :meth:`mentioned_in` looks for them.
        self.positive_words = tuple(positive)
        self._polarity = {w: 0 for w in _NEUTRAL} if negative else {}
        self._polarity.update({w: -1 for w in negative})
        self._polarity.update({w: 2 if w not in _GENERIC else 1 for w in positive})
        self._words = _alternation(self._polarity)
        # Latin words' edges are checked on a match: a plain alternation of literals is
        # scanned much faster than one with look-arounds.
        self._edges = {w: e for w in self._polarity if (e := _edges(w)) is not None}
        self._positive = _alternation(positive)
        units = _alternation(negative_after)
        self._after = None if units is None else re.compile(f" ?(?:{units.pattern})")
        self.window = window
        #: How many characters after a finding a positive word may follow it (0: none).
        self.after = after
        #: At most this many characters other than separators between a positive label and
        #: the finding (None: anywhere in the window): 微信：abc123, not 微信登录 success.
        self.gap = gap

    def mentioned_in(self, text: str) -> bool:
        """True when any positive context word occurs anywhere in ``text``."""
        return self._positive is not None and self._positive.search(text) is not None

    def effect(self, text: str, start: int, end: int) -> int:
        """+1 when the nearest label before is positive (or one follows), -1 when negative, else 0.

        With no label before, a unit right after (``negative_after``: 元, 次 …) gives -1.

        Labels are read back from the finding to the start of the window, which ends
        at a line break or sentence end: a label on the previous line says nothing, unless
        the line or clause before ends with it and nothing but a label that names no kind
        stands before the finding in its own (a value written under its label: 订单号\n138…,
        联系电话：\n138…; a form's type field: 证件类型：台胞证；证件号码：12345678).
        Adjacent words form one label whose first word decides: 身份证编号 names an ID,
        发票号码 an invoice, unless a later word names a kind of identifier (订单联系人电话,
        发票税号). A negative label says nothing about a finding after its own value or
        a new clause (订单号:123 请联系…, 订单已发货，收件人…).
        """
        window = self.window
        # Quotes, colons and spaces right before the finding do not use up the window
        # ({"QQ号": "123456789"}, QQ号码：  123456789).
        k = start
        while k > 0 and start - k < 6 and text[k - 1] in _JOINERS:
            k -= 1
        lo = k - window if k > window else 0
        # One search says whether the window holds a break at all (it rarely does).
        if _ANY_BREAK.search(text, lo, start) is not None:
            for mark in _BREAKS:
                cut = text.rfind(mark, lo, start)
                if cut >= lo:
                    lo = cut + 1
            if self._words is not None and _BARE_LABEL.fullmatch(text, lo, k) is not None:
                lo = self._label_before_break(text, lo, k)
        words = self._words
        if words is not None and lo < start:
            polarity = self._polarity
            first = 0  # the nearest label's first word's polarity (0: none yet)
            named = False  # a later word of that label names a kind of identifier
            group_end = -1
            edges = self._edges
            for m in words.finditer(text, lo, start):
                w = m.group()
                p = polarity[w]
                ms, me = m.span()
                if w in edges:  # a Latin word
                    before, after = edges[w]
                    if ms and text[ms - 1] in before or me < len(text) and text[me] in after:
                        continue  # recorder, VPN: letters of a longer word
                if not p:  # a word that only holds a label (字节跳动)
                    first, named, group_end = 0, False, me
                elif ms > group_end or not first:  # a new label
                    first, named, group_end = p, False, me
                else:
                    named = named or p == 2
                    group_end = me
            if first > 0 or first < 0 and named:
                if self.gap is None or len(_SEPARATORS.sub("", text[group_end:start])) <= self.gap:
                    return 1
                return 0
            if first < 0:
                # The rest of a key written in Latin letters is the label's (order_no":",
                # invoiceNo=), not a value of its own.
                k = group_end
                if text[k - 1:k].isascii():
                    while k < start and (text[k] == "_" or _latin(text[k])):
                        k += 1
                    tail = _LABEL_TAIL.match(text, k, start)
                    if tail is not None:
                        k = tail.end()
                if _OWN_VALUE.search(text, k, start) is None:
                    return -1
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

    def _label_before_break(self, text: str, lo: int, k: int) -> int:
        """Where the window starts when the line or clause ending at ``lo - 1`` ends with a
        label: the start of that label's window (``lo`` unchanged when it does not)."""
        brk = lo - 1
        prev = k - self.window if k > self.window else 0
        if prev >= brk:
            return lo
        cut = _ANY_BREAK.search(text, prev, brk)
        while cut is not None:  # the last break before this one
            prev = cut.end()
            cut = _ANY_BREAK.search(text, prev, brk)
        end = brk
        while end > prev and text[end - 1] in _TRAILING:
            end -= 1
        last = None
        for m in self._words.finditer(text, prev, end):  # type: ignore[union-attr]
            last = m
        if last is None or last.end() != end and _LABEL_END.fullmatch(text, last.end(), end) is None:
            return lo
        edges = self._edges.get(last.group())
        if edges is not None and last.start() and text[last.start() - 1] in edges[0]:
            return lo  # letters of a longer Latin word
        return prev
