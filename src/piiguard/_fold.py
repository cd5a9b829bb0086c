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

_table: tuple[dict[int, str], re.Pattern[str]] | None = None
_lock = threading.Lock()


def _load() -> tuple[dict[int, str], re.Pattern[str]]:
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                text = (resources.files("piiguard") / "data" / "t2s.txt").read_text("utf-8")
                pairs = [ln for ln in text.split("\n") if len(ln) == 2 and not ln.startswith("#")]
                mapping = {ord(p[0]): p[1] for p in pairs}
                bmp = sorted(p[0] for p in pairs if ord(p[0]) <= 0xFFFF)
                # The BMP characters as one class, which the regex engine tests by a
                # bitmap; characters outside the BMP in such a class are tested one by one
                # (a hundred times slower), so the gate takes any of them, and the table
                # decides.
                gate = re.compile("[" + "".join(re.escape(c) for c in bmp) + "]|[\U00010000-\U0010FFFF]")
                _table = (mapping, gate)
    return _table


def fold(text: str) -> str:
    """``text`` with traditional characters replaced by simplified ones (same length).

    One scan finds what to replace; a long simplified text holding a few traditional
    characters (news quoting a name) is not rewritten character by character
    (``str.translate`` takes 60 ms a megabyte).
    """
    mapping, gate = _table if _table is not None else _load()
    found = gate.search(text)
    if found is None:
        return text  # the common case: one search
    pieces = []
    last = 0
    for m in gate.finditer(text, found.start()):
        # The gate also matches every character outside the BMP; the table holds few.
        repl = mapping.get(ord(m.group()))
        if repl is not None:
            pieces.append(text[last:m.start()])
            pieces.append(repl)
            last = m.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)
