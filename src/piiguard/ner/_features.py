"""Character features for the PERSON sequence model.

Training (``scripts/train_ner.py``) and run time both call :func:`window_features`, so
the model always sees the same features. Features of a position read the whole text
(two characters either side), not just the window being tagged, so tagging a window
gives the same features as tagging the whole sentence.
"""

from __future__ import annotations

from ._chars import COMPOUND_SURNAMES, SURNAMES, TITLES

__all__ = ["window_features", "prepare"]

# Digits collapse to one symbol and Latin letters to another: the model should learn
# "a name next to a number", not particular numbers.
_FOLD = str.maketrans(
    {**{c: "0" for c in "0123456789"},
     **{c: "a" for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"},
     # Control characters and lone surrogates become a space: crfsuite needs valid
     # UTF-8 feature names, and neither carries any signal.
     **{chr(i): " " for i in range(32)},
     **{chr(i): " " for i in range(0xD800, 0xE000)}}
)
_TITLE2 = frozenset(t for t in TITLES if len(t) >= 2)
_TITLE1 = frozenset(t for t in TITLES if len(t) == 1)
_PAD = "\x02\x02"
_PADR = "\x03\x03"


def prepare(text: str) -> str:
    """Return the folded, padded copy of ``text`` that :func:`window_features` reads."""
    return _PAD + text.translate(_FOLD) + _PADR


def window_features(padded: str, start: int, end: int) -> list[list[str]]:
    """Features for positions ``start``..``end`` (exclusive) of the original text.

    Args:
        padded: the result of :func:`prepare` for the whole text.
        start: first position to describe.
        end: one past the last position.

    Returns:
        One list of feature strings per position.
    """
    seg = padded[start:end + 4]
    n = end - start
    sur = SURNAMES
    comp = COMPOUND_SURNAMES
    t2 = _TITLE2
    t1 = _TITLE1
    out = []
    # zip over shifted slices is several times faster than indexing per position.
    for l2, l1, c, r1, r2 in zip(seg, seg[1:n + 1], seg[2:n + 2], seg[3:n + 3], seg[4:n + 4]):
        f = [
            "c" + c, "l" + l1, "r" + r1, "L" + l2, "R" + r2,
            "b" + l1 + c, "n" + c + r1, "B" + l2 + l1, "N" + r1 + r2, "m" + l1 + r1,
        ]
        if c in sur:
            f.append("S")
        if c + r1 in comp or l1 + c in comp:
            f.append("SC")
        if r1 + r2 in t2 or r1 in t1:
            f.append("T")
        out.append(f)
    return out
