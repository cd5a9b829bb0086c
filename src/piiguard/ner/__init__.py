"""Names and addresses: the PERSON and CN_ADDRESS detectors.

Both take text already normalized by ``piiguard._normalize.normalize`` and return
:class:`piiguard._types.Finding` objects whose offsets index that text. Models and the
gazetteer load on first call (thread-safe); importing this package is cheap.

>>> [(f.entity_type, f.start, f.end) for f in detect_persons("联系人：张伟经理")]
[('PERSON', 4, 6)]
>>> [(f.entity_type, f.start, f.end) for f in detect_addresses("北京今天降温")]
[]
"""

from __future__ import annotations

from bisect import bisect_right

from .._types import Finding
from ._address import detect_addresses as _detect_addresses
from .._fold import fold
from ._person import detect_persons as _detect_persons
from ._person import union_spans

__all__ = ["detect_addresses", "detect_names_and_addresses", "detect_persons"]


def detect_persons(text: str, *, skip: list[tuple[int, int]] | None = None,
                   quiet: list[tuple[int, int]] | None = None) -> list[Finding]:
    """Find personal names (PERSON) in normalized text; traditional characters are read
    as simplified (陳大文). See :func:`piiguard.ner._person.detect_persons`."""
    return _detect_persons(fold(text), skip=skip, quiet=quiet)


def detect_addresses(text: str) -> list[Finding]:
    """Find postal addresses (CN_ADDRESS) in normalized text; traditional characters are
    read as simplified (廣東省廣州市). See :func:`piiguard.ner._address.detect_addresses`."""
    return _detect_addresses(fold(text))


def detect_names_and_addresses(text: str, known: list[tuple[int, int]] | None = None) -> list[Finding]:
    """Both detectors in one pass, faster than calling them one after the other.

    Addresses are found first and the name model skips them: 西湖, 高新 or 武侯 inside
    an address start with surname characters but are place names.

    ``known`` lists sorted ``(start, end)`` spans of identifiers already found (e-mail
    addresses, phone numbers …): no name can start inside one, so the name model opens
    no window there.

    >>> [(f.entity_type, f.start, f.end) for f in detect_names_and_addresses("张伟陕西省西安市雁塔区高新四路88号")]
    [('PERSON', 0, 2), ('CN_ADDRESS', 2, 18)]
    """
    text = fold(text)
    addresses = _detect_addresses(text)
    # A road named alone (score 0.5) may be a name read as a road (研究员赵路|兴): the name
    # model still reads it, and a confident name overlapping it wins.
    skip = [(f.start, f.end) for f in addresses if f.score > 0.5]
    persons = _detect_persons(text, skip=skip, quiet=known)
    if len(skip) < len(addresses):
        strong = union_spans((f.start, f.end) for f in persons if f.score >= 0.9)
        addresses = [a for a in addresses if a.score > 0.5 or not _overlaps_any(a.start, a.end, strong)]
        spans = union_spans((a.start, a.end) for a in addresses)
        persons = [p for p in persons if not _overlaps_any(p.start, p.start + 1, spans)]
    return sorted(persons + addresses, key=lambda f: (f.start, f.end))


def _overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans`` (sorted, non-overlapping).

    A bisection, so filtering n findings against m spans costs n log m, not n * m (a
    long document holds thousands of each).
    """
    i = bisect_right(spans, (start, float("inf"))) - 1
    if i >= 0 and spans[i][1] > start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end
