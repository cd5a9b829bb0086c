"""Character features for the PERSON sequence model.

Training (``scripts/train_ner.py``) and run time both call :func:`window_features`, so
the model always sees the same features. Features of a position read the whole text
(two characters either side), not just the window being tagged, so tagging a window
gives the same features as tagging the whole sentence.
"""

from __future__ import annotations

import re
import threading
from importlib import resources
from operator import add

from ._chars import COMPOUND_SURNAMES, LATE_SURNAMES, SURNAMES, TITLES

__all__ = ["PAIR_KINDS", "window_features", "prepare", "load_words", "load_common_words"]

_WORDS_FILE = "words.txt"
_words: frozenset[str] | None = None
_common: frozenset[str] | None = None
_lock = threading.Lock()


def load_words() -> frozenset[str]:
    """Common words of 2-4 characters (not names): where a word starts and ends tells
    the model that 建立 or 偶尔 is vocabulary, not a name. Loaded once."""
    global _words, _common
    if _words is None:
        with _lock:
            if _words is None:
                text = (resources.files("piiguard.ner") / _WORDS_FILE).read_text("utf-8")
                lines = [w for w in text.split("\n") if w and not w.startswith("#")]
                _common = frozenset(w[1:] for w in lines if w.startswith("+"))
                _words = frozenset(w.lstrip("+") for w in lines)
    return _words


_prefix_set: frozenset[str] | None = None
_translit_set: frozenset[str] | None = None


def _translit() -> frozenset[str]:
    """Characters typical of transliterated names (斯, 尔, 克 …): line 3 of the trigger file."""
    global _translit_set
    if _translit_set is None:
        lines = [ln for ln in (resources.files("piiguard.ner") / "person_triggers.txt")
                 .read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
        _translit_set = frozenset(lines[2]) if len(lines) > 2 else frozenset()
    return _translit_set


def _prefixes() -> frozenset[str]:
    """First two characters of every word: one lookup rules most positions out."""
    global _prefix_set
    if _prefix_set is None:
        _prefix_set = frozenset(w[:2] for w in load_words())
    return _prefix_set


_clause: frozenset[str] | None = None


def load_clause_words() -> frozenset[str]:
    """Two-character verbs, prepositions, conjunctions and adverbs (``clause_words.txt``),
    which open a clause and no place's name. Loaded once."""
    global _clause
    if _clause is None:
        with _lock:
            if _clause is None:
                text = (resources.files("piiguard.ner") / "clause_words.txt").read_text("utf-8")
                _clause = frozenset(w for w in text.split("\n") if w and not w.startswith("#"))
    return _clause


def load_common_words() -> frozenset[str]:
    """The most frequent of :func:`load_words` (marked ``+`` in the file)."""
    load_words()
    assert _common is not None
    return _common

# Digits collapse to one symbol and Latin letters to another: the model should learn
# "a name next to a number", not particular numbers.
# (0 and a are already themselves: leaving them out of the classes saves their substitutions.)
_DIGIT = re.compile("[1-9]")
_LATIN = re.compile("[b-zA-Z]")
# Control characters and lone surrogates become a space: crfsuite needs valid UTF-8
# feature names, and neither carries any signal.
_INVALID = re.compile("[\x00-\x1f\ud800-\udfff]")
# The features made of a pair of characters, by prefix: the position and the one
# before it (b), it and the next (n), the two before (B), the two after (N), the ones
# either side (m).
PAIR_KINDS = ("b", "n", "B", "N", "m")
_TITLE2 = frozenset(t for t in TITLES if len(t) >= 2)
_TITLE1 = frozenset(t for t in TITLES if len(t) == 1)
_PAD = "\x02\x02"
_PADR = "\x03\x03"


def prepare(text: str) -> str:
    """Return the folded, padded copy of ``text`` that :func:`window_features` reads."""
    # Three regex substitutions rather than one str.translate, which looks every
    # character up in its table: on Han text, with few digits or letters, 1.3-3.5x
    # faster.
    return _PAD + _INVALID.sub(" ", _LATIN.sub("a", _DIGIT.sub("0", text))) + _PADR


class _Every:
    """Stands for "every pair": training describes all of them."""

    def __contains__(self, item: object) -> bool:
        return True


_EVERY_PAIR = (_Every(),) * len(PAIR_KINDS)


def window_features(padded: str, start: int, end: int,
                    pairs: tuple[frozenset[bytes], ...] | None = None) -> list[list[bytes]]:
    """Features for positions ``start``..``end`` (exclusive) of the original text.

    Args:
        padded: the result of :func:`prepare` for the whole text.
        start: first position to describe.
        end: one past the last position.
        pairs: for each kind of pair feature (``PAIR_KINDS``), the character pairs
            (UTF-8) a model has that feature for; the others are left out. crfsuite ignores a
            feature its model lacks, so tagging gives the same labels and marginals,
            and handing a feature over to crfsuite costs more than testing its pair
            (two in five pair features of a window are unknown to the shipped model).
            None, as in training: every pair.

    Returns:
        One list of feature names per position, as UTF-8 bytes (crfsuite's own form).
    """
    seg = padded[start:end + 4]
    n = end - start
    sur = _SURNAMES_UTF8
    comp = _COMPOUND_UTF8
    t2 = _TITLE2_UTF8
    t1 = _TITLE1_UTF8
    words = load_words()
    prefixes = _prefixes()
    # Longest dictionary word starting at each index of ``padded`` from three before the
    # window to its end, read from the whole text so a window sees what the sentence
    # does (training tags whole sentences).
    base = max(0, start - 1)
    top = min(len(padded), end + 4)
    wstart = [0] * (top - base + 4)
    wend = [0] * len(wstart)  # … and the longest of those words ending at each index
    span = padded[base:top + 3]
    for i, pair in enumerate(map(add, span[:top - base], span[1:])):
        if pair in prefixes:
            for k in (4, 3, 2):
                if span[i:i + k] in words:
                    wstart[i] = k
                    if wend[i + k - 1] < k:
                        wend[i + k - 1] = k
                    break
    tset = _translit_set if _translit_set is not None else _translit()
    tset_utf8 = _translit_utf8()
    out = []
    j = start + 2 - base  # index of the current position in wstart/wend
    # One pass, with zip over shifted slices (several times faster than indexing per
    # position). The features of a position come in a fixed order, as in training:
    # crfsuite sums a position's weights in that order, so moving one could change a
    # marginal in its last bits.
    known_left, known_right, known_before, known_after, known_around = pairs or _EVERY_PAIR
    # Features are UTF-8 bytes, the form crfsuite reads: a str would be encoded on
    # every call, and the characters are encoded once here instead.
    utf8 = list(map(str.encode, seg))
    # Each pair of neighbours is made once (adj[k] is utf8[k] + utf8[k + 1]): it is the
    # right pair of one position, the left of the next, and so on, and one object hashes once.
    adj = list(map(add, utf8[:-1], utf8[1:]))
    for l2, l1, c, r1, r2, before, left, right, after in zip(utf8, utf8[1:n + 1], utf8[2:n + 2], utf8[3:n + 3],
                                                              utf8[4:n + 4], adj, adj[1:], adj[2:], adj[3:]):
        around = l1 + r1
        f = [b"c" + c, b"l" + l1, b"r" + r1, b"L" + l2, b"R" + r2]
        if left in known_left:
            f.append(b"b" + left)
        if right in known_right:
            f.append(b"n" + right)
        if before in known_before:
            f.append(b"B" + before)
        if after in known_after:
            f.append(b"N" + after)
        if around in known_around:
            f.append(b"m" + around)
        if c in sur:
            f.append(b"S")
        if right in comp or left in comp:
            f.append(b"SC")
        if after in t2 or r1 in t1:
            f.append(b"T")
        if c in tset_utf8:
            # How long a run of transliteration characters this one sits in (布鲁京斯):
            # a foreign name is a run, where one such character is ordinary text.
            p = j + base
            a = p
            while a > p - 3 and padded[a - 1] in tset:
                a -= 1
            b = p + 1
            while b < p + 4 and padded[b] in tset:
                b += 1
            f.append(_RUN_FEATURES[min(b - a, 4)])
        ks, ke = wstart[j], wend[j]
        if ks:
            f.append(_WORD_STARTS[ks])
        if ke:
            f.append(_WORD_ENDS[ke])
        if wstart[j - 1] >= 2 and not ke and not ks:
            f.append(b"wi")
        out.append(f)
        j += 1
    return out


# Feature names by run or word length, so no string is formatted per position.
_RUN_FEATURES = (b"", b"t1", b"t2", b"t3", b"t4")
_WORD_STARTS = (b"", b"", b"ws2", b"ws3", b"ws4")
_WORD_ENDS = (b"", b"", b"we2", b"we3", b"we4")
_SURNAMES_UTF8 = frozenset(c.encode() for c in SURNAMES - LATE_SURNAMES)  # as the model was trained
_COMPOUND_UTF8 = frozenset(c.encode() for c in COMPOUND_SURNAMES)
_TITLE2_UTF8 = frozenset(t.encode() for t in _TITLE2)
_TITLE1_UTF8 = frozenset(t.encode() for t in _TITLE1)
_translit_utf8_pair: tuple[frozenset[str], frozenset[bytes]] | None = None


def _translit_utf8() -> frozenset[bytes]:
    """:func:`_translit` in UTF-8, redone when the table changes (training sets a new one)."""
    global _translit_utf8_pair
    chars = _translit_set if _translit_set is not None else _translit()
    if _translit_utf8_pair is None or _translit_utf8_pair[0] is not chars:
        _translit_utf8_pair = (chars, frozenset(c.encode() for c in chars))
    return _translit_utf8_pair[1]


def thread_tagger(local: threading.local, model: str):
    """The calling thread's crfsuite tagger for the package's ``model`` file, opened on first
    use (a Tagger keeps per-call state, so threads do not share one)."""
    tagger = getattr(local, "tagger", None)
    if tagger is None:
        import pycrfsuite  # imported here so `import piiguard` stays cheap

        tagger = pycrfsuite.Tagger()
        tagger.open(str(resources.files("piiguard.ner") / model))
        local.tagger = tagger
    return tagger

