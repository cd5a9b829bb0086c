"""Regex helpers: the possible first characters of a pattern, a gate built from them,
and the leading text that the patterns of an alternation share.

Python's ``re`` skips ahead to candidate positions when a pattern begins with a literal
or a character class, but not when it begins with a group or an alternation of them.
A leading lookahead of the first characters (``(?=[路街0-9])(?:…)``) gives the engine
that skip back: on Chinese prose a seed scan runs about 4x faster.
"""

from __future__ import annotations

import os.path
import re
from typing import Any

try:
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

__all__ = ["common_prefix", "first_chars", "gated", "required_ascii", "word_alternation"]


def _first(items: Any, ascii_only: bool) -> set[str] | None:
    """The characters a match of the parsed ``items`` can start with, or None when unknown."""
    if not items:
        return None
    op, av = items[0]
    if op is _sre.LITERAL:
        return {chr(av)}
    if op is _sre.IN:
        out: set[str] = set()
        for iop, iav in av:
            if iop is _sre.LITERAL:
                out.add(chr(iav))
            elif iop is _sre.RANGE:
                out.update(chr(x) for x in range(iav[0], iav[1] + 1))
            elif iop is _sre.CATEGORY and iav is _sre.CATEGORY_DIGIT and ascii_only:
                out.update("0123456789")
            else:
                return None
        return out
    if op is _sre.BRANCH:
        out = set()
        for branch in av[1]:
            sub = _first(list(branch), ascii_only)
            if sub is None:
                return None
            out |= sub
        return out
    if op is _sre.SUBPATTERN:
        return _first(list(av[-1]), ascii_only)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        sub = _first(list(av[2]), ascii_only)
        if av[0] >= 1:
            return sub  # x{1,5}: begins as x does
        # x?y, x*y: begins as x or as what follows does (None when nothing follows).
        rest = _first(list(items[1:]), ascii_only)
        return None if sub is None or rest is None else sub | rest
    return None


def _parsed(regex: str, flags: int) -> tuple[Any, bool] | None:
    """The parsed pattern and whether it runs in ASCII mode; None when unparsable or
    case-insensitive (a literal would stand for both cases)."""
    try:
        parsed = _sre_parse.parse(regex, flags)
    except Exception:  # noqa: BLE001 - an unparsable pattern simply always runs
        return None
    if (parsed.state.flags | flags) & re.IGNORECASE:
        return None
    return parsed, bool((parsed.state.flags | flags) & re.ASCII)


def first_chars(regex: str, flags: int = re.ASCII) -> frozenset[str] | None:
    """The characters a match of ``regex`` can start with, or None when unknown.

    Reads the parsed pattern (``re._parser``, stable since Python 3.0 as ``sre_parse``):
    a leading literal, character class or branch of those. Anything else, or a class
    with categories such as ``\\d`` outside ASCII mode, gives None and the pattern
    always runs.
    """
    read = _parsed(regex, flags)
    if read is None:
        return None
    chars = _first(list(read[0]), read[1])
    return frozenset(chars) if chars else None


def required_ascii(regex: str, flags: int = re.ASCII) -> frozenset[str] | None:
    """ASCII characters of which every match of ``regex`` holds one, or None when unknown.

    Each character, class or group that the pattern's top-level sequence passes through
    (not a look-around, not an optional part) begins with one of its first characters;
    the smallest such set that is all ASCII is returned. A text that holds none of them
    cannot match.

    >>> sorted(required_ascii("[京沪][A-Z]"))[:3], required_ascii("[京沪] [A-Z]{4}")
    (['A', 'B', 'C'], frozenset({' '}))
    >>> required_ascii("[京沪](?:[A-Z]| )?") is None
    True
    """
    read = _parsed(regex, flags)
    if read is None:
        return None
    found = [_first([item], read[1]) for item in read[0]]
    sets = [f for f in found if f and all(ch.isascii() for ch in f)]
    return frozenset(min(sets, key=len)) if sets else None


def gated(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile ``pattern`` behind a lookahead of its possible first characters.

    Matches are exactly those of ``re.compile(pattern, flags)``; when the first
    characters cannot be read, the pattern is compiled as it is.

    >>> gated("ab|cd").pattern
    '(?=[ac])(?:ab|cd)'
    """
    first = first_chars(pattern, flags)
    if first is None:
        return re.compile(pattern, flags)
    return re.compile("(?=[" + "".join(re.escape(c) for c in sorted(first)) + "])(?:" + pattern + ")", flags)


# Items that match in exactly one way: a character, a class, an assertion (Python's
# look-arounds never backtrack into themselves once they have matched).
_ONE_WAY = frozenset({_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY, _sre.ASSERT, _sre.ASSERT_NOT, _sre.AT})


def _shape(value: Any) -> Any:
    """A parsed pattern (or part of one) as nested tuples, which compare by value."""
    if isinstance(value, (list, tuple, _sre_parse.SubPattern)):
        return tuple(_shape(v) for v in value)
    return value


def common_prefix(regexes: list[str], flags: int = 0) -> str:
    """The longest leading text of every regex in ``regexes`` that can be factored out.

    ``P(?:A|B)`` matches where ``PA|PB`` does, at the same positions and through the same
    alternative, when ``P`` matches in one way only: a sequence of characters, classes and
    look-arounds, without groups. The text is checked on the parsed patterns: ``P`` and
    each rest must parse to the items of the whole pattern, so a cut inside a token
    (``\\d`` of ``\\d{5}``) is refused. Returns ``""`` when nothing can be factored.

    >>> common_prefix([r"[1-9](?<!\\d.)\\d{14}", r"[1-9](?<!\\d.)\\d{17}"])
    '[1-9](?<!\\\\d.)'
    >>> common_prefix([r"\\d{5}a", r"\\d{5}b"])
    ''
    """
    text = os.path.commonprefix(regexes)
    for cut in range(len(text), 0, -1):
        prefix = text[:cut]
        try:
            parsed = _sre_parse.parse(prefix, flags)
            if parsed.state.groups != 1 or any(op not in _ONE_WAY for op, _ in parsed):
                continue
            head = _shape(parsed)
            if all(_shape(_sre_parse.parse(r, flags)) == head + _shape(_sre_parse.parse(r[cut:], flags))
                   for r in regexes):
                return prefix
        except re.error:
            continue
    return ""


def word_alternation(words: Any) -> str:
    """A regex matching the longest of ``words`` at a position, written as a trie.

    ``订单|订单号|单号`` sorted longest first tries every word at every candidate position;
    the trie ``单号|订单(?:号)?`` tries one branch per distinct first character, so context
    word lists can grow without slowing each lookup. The match is the same: children are
    tried before a word ends, so the longest word at a position wins.

    >>> word_alternation(["订单", "订单号", "单号"])
    '单号|订单(?:号)?'
    >>> re.match(word_alternation(["a", "ab", "abc"]), "abd").group()
    'ab'
    """
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # the end of a word

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    top = [re.escape(ch) + emit(child) for ch, child in sorted(root.items()) if ch]
    return "|".join(top)

