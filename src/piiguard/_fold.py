"""Traditional characters read as simplified, for the name and address detectors.

The name model, the surname table, the word list and the gazetteer are all simplified
Chinese, so 陳大文 or 廣東省廣州市 would go unseen. :func:`fold` replaces each traditional
character by its simplified form (``data/t2s.txt``, from OpenCC's table; see
``scripts/build_t2s.py``). One character becomes one character, so offsets found on the
folded text index the caller's text unchanged. Simplified text is returned as it is,
after one regex search.

>>> fold("陳大文，廣東省廣州市天河區")
'陈大文，广东省广州市天河区'
>>> fold("张伟，北京市")
'张伟，北京市'
"""

from __future__ import annotations

import re
import threading
from importlib import resources

__all__ = ["fold"]

_table: tuple[dict[int, str], re.Pattern[str], frozenset[str]] | None = None
_lock = threading.Lock()
# Characters outside the Basic Multilingual Plane: a class of them makes the regex
# engine test each character in turn (a hundred times slower), so they are looked up
# in a set, and only when the text holds such a character at all.
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def _load() -> tuple[dict[int, str], re.Pattern[str], frozenset[str]]:
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                text = (resources.files("piiguard") / "data" / "t2s.txt").read_text("utf-8")
                pairs = [ln for ln in text.split("\n") if len(ln) == 2 and not ln.startswith("#")]
                mapping = {ord(p[0]): p[1] for p in pairs}
                bmp = sorted(p[0] for p in pairs if ord(p[0]) <= 0xFFFF)
                # Any character to replace, or any outside the BMP, in one search.
                gate = re.compile("[" + "".join(re.escape(c) for c in bmp) + "]|[\U00010000-\U0010FFFF]")
                astral = frozenset(p[0] for p in pairs if ord(p[0]) > 0xFFFF)
                _table = (mapping, gate, astral)
    return _table


def fold(text: str) -> str:
    """``text`` with traditional characters replaced by simplified ones (same length).

    Only the characters found are replaced: a long simplified text holding a few
    traditional ones (news quoting a name) costs one scan, not a rewrite of every
    character (``str.translate`` takes 60 ms a megabyte).
    """
    mapping, gate, astral = _table if _table is not None else _load()
    if gate.search(text) is None:
        return text  # the common case: one search
    if _ASTRAL.search(text):
        # Characters outside the BMP (emoji, rare Han): the gate matches them all, so
        # replace through the table, which leaves those it does not hold as they are.
        return text.translate(mapping)
    return gate.sub(lambda m: mapping[ord(m.group())], text)
