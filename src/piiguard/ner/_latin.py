"""PERSON in Latin letters inside Chinese text: a small classifier over Latin words.

The character CRF sees a Latin letter only as "a letter", so it cannot tell the player
in 选手Moon在比赛中 from the software in 打开Excel表格. This model can: a maximum-entropy
classifier (python-crfsuite on one-word sequences; ``latin_names.crfsuite``, trained by
``scripts/train_latin_names.py``) reads the word's shape and spelling (``MikeMorhaime``:
two capitalised parts; ``-son``, ``-ez``), the word itself (``dota``, ``iphone`` are
seen as non-names in training) and the Han characters on either side (总裁, 导演 before
it; 表示, 说 after it).

Only words that touch a Han character are read: Latin words in logs, keys, URLs and
e-mail addresses are left alone, and so is every text without Han characters.
"""

from __future__ import annotations

import threading

import regex

from ._features import thread_tagger

__all__ = ["latin_words", "latin_features", "latin_name_spans", "unlikely_latin_name", "is_given_name",
           "MIN_PROBABILITY"]

_MODEL = "latin_names.crfsuite"
# A word is a name at this probability or above. Chosen on held-out folds of the train
# portions (not on the dev split): precision about 0.7 on what the rules had missed.
MIN_PROBABILITY = 0.6
_SCORE = 0.6  # as the role-word rule (选手Moon)
# Below this probability a Latin word the character CRF read as a name is dropped
# (用Python写的: the CRF knows only "a Latin word after 用").
_VETO_PROBABILITY = 0.05

# A Latin word (up to three space- or dot-joined parts, each part after the first
# capitalised: Tom Chen, not "the news") that is not part of a key, path, URL, address
# or code (no letter, digit or _@./:=- on either side).
_WORD = regex.compile(
    r"(?<![A-Za-z0-9_@./:=\-])[A-Za-z][A-Za-z'\-]*(?:[ ·][A-Z][A-Za-z'\-]*){0,2}(?![A-Za-z0-9_@/=\-])"
)
_HAN = regex.compile(r"\p{Han}")
_CAPITALISED = regex.compile(r"[A-Z][a-z]+")
_SURROGATE = regex.compile("[\ud800-\udfff]")

# Common English given names: a word that is one (Kevin) or starts with one (JohnKoller)
# shares what the model learned from the given names it saw in training. Names that are
# also brands or words (Ruby, Rose, Max, Mark, Grace, Lily, Bill, Jack) are left out.
_GIVEN = frozenset("""
aaron adam adrian alan albert alex alexander alice alicia allen amanda amy andrew andy
angela anna anne anthony arthur ashley barbara ben benjamin billy bob bobby brandon brian
bruce carl carol caroline catherine charles charlie chris christian christina christine
christopher cindy claire daniel danny david debbie dennis diana diane donald doris dorothy
douglas edward elizabeth ellen emily emma eric eva fred gary george greg gregory hannah
harry helen henry ian isabella jacob james jane janet jason jeff jeffrey jennifer jenny
jeremy jerry jessica jim jimmy joan joe john johnny jonathan joseph joshua joyce judy julia
julie justin karen kate katherine kathy kelly ken kenneth kevin larry laura lauren leo linda
lisa louis lucy luke margaret maria martin mary matthew megan melissa michael michelle mike
nancy natalie nathan nicholas nick nicole olivia oscar pamela patricia patrick paul peter
philip rachel ralph raymond rebecca richard rick robert robin ronald russell ryan sam
samantha samuel sandra sarah scott sean sharon sophia sophie stephanie stephen steve steven
susan teresa thomas tim timothy tina tom tommy tony victor vincent walter wayne william
willie zoe
""".split())

_local = threading.local()


def latin_words(text: str) -> list[tuple[int, int]]:
    """The Latin words of ``text`` that touch a Han character, as ``(start, end)``."""
    out = []
    for m in _WORD.finditer(text):
        s, e = m.span()
        if e - s >= 2 and _touches_han(text, s, e):
            out.append((s, e))
    return out


def _touches_han(text: str, s: int, e: int) -> bool:
    return bool((s > 0 and _HAN.match(text, s - 1)) or (e < len(text) and _HAN.match(text, e)))


def _shape(word: str) -> str:
    if word.isupper():
        return "A"
    if word.islower():
        return "a"
    if word[0].isupper() and word[1:].islower():
        return "Aa"
    if word[0].isupper() and sum(c.isupper() for c in word) == 2:
        return "AaAa"  # JamesCameron, Tom Chen
    return "mix"


def latin_features(text: str, s: int, e: int) -> list[str]:
    """Features of the Latin word ``text[s:e]``: training and run time both call this."""
    word = text[s:e]
    low = word.lower()
    feats = ["b", "sh=" + _shape(word), f"len={min(len(word), 12)}", "w=" + low, "p3=" + low[:3],
             "s3=" + low[-3:], "s2=" + low[-2:]]
    parts = _CAPITALISED.findall(word)
    if parts:
        feats.append("first=" + parts[0].lower())
        if parts[0].lower() in _GIVEN:
            feats.append("given")
    elif low in _GIVEN:
        feats.append("given")
    if len(parts) >= 2:
        feats.append("last=" + parts[-1].lower())
    if " " in word:
        feats.append("space")
    # The characters around the word; a lone surrogate cannot reach the model's UTF-8.
    left = _SURROGATE.sub("\ufffd", text[max(0, s - 4):s])
    right = _SURROGATE.sub("\ufffd", text[e:e + 3])
    l1 = left[-1:] or "^"
    r1 = right[:1] or "$"
    feats += ["l1=" + l1, "l2=" + left[-2:], "l3=" + left[-3:], "l4=" + left, "r1=" + r1,
              "r2=" + right[:2], "r3=" + right, "l1r1=" + l1 + "|" + r1]
    if l1 in "(（" and s >= 2 and _HAN.match(text, s - 2):
        feats.append("spelled")  # 休·芒罗(Hugh…
    feats.append(f"nlatin={min(3, sum(1 for _ in _WORD.finditer(text, max(0, s - 20), s)))}")
    return feats


def _tagger():
    return thread_tagger(_local, _MODEL)


def latin_name_spans(text: str) -> list[tuple[int, int, float]]:
    """Latin words of ``text`` that the model reads as personal names, with a score."""
    words = latin_words(text)
    if not words:
        return []
    return [(s, e, _SCORE) for s, e in words if _probability(text, s, e) >= MIN_PROBABILITY]


def _probability(text: str, s: int, e: int) -> float:
    """The model's probability that the Latin word ``text[s:e]`` is a personal name."""
    tagger = _tagger()
    tagger.set([latin_features(text, s, e)])
    return tagger.marginal("N", 0)


def unlikely_latin_name(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]``, if it is a Latin word touching a Han character, is almost
    surely no name (the character CRF's 用Python写的)."""
    m = _WORD.match(text, s)
    if m is None or m.end() != e or e - s < 2 or not _touches_han(text, s, e):
        return False
    return _probability(text, s, e) < _VETO_PROBABILITY


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a common English given name (Linda, Frank), any case."""
    return word.lower() in _GIVEN
