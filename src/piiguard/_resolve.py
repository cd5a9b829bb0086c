"""Resolve overlapping findings: the most specific valid one wins.

Structured identifiers are checked by validators, so they beat model-based findings
(an ID number inside an address is an ID; the address is trimmed around it). Among
identifiers, one whose own context word labels it wins (借记卡 before an 18-digit run
that is both Luhn- and USCC-valid makes it a card), then a higher spec ``priority``
(an 18-digit resident ID over a bank card of the same digits), then the longer span,
then the higher score. Patterns already
refuse to cut an identifier out of a longer digit run, so a 19-digit card never also
yields a phone number.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter

from ._types import Finding

__all__ = ["resolve"]

_MIN_TRIMMED = 2
_START = attrgetter("start")
_POSITION = attrgetter("start", "end")


def _overlaps(a: Finding, b: Finding) -> bool:
    return a.start < b.end and b.start < a.end


def _rank(f: Finding, priority: dict[str, int]) -> tuple[int, int, int, float, int]:
    return (-f.context, -priority.get(f.entity_type, 0), -(f.end - f.start), -f.score, f.start)


def _greedy(findings: list[Finding], priority: dict[str, int]) -> list[Finding]:
    """Keep the best of each group of overlapping findings, greedily by rank.

    Findings are swept by start into clusters of transitively overlapping spans; only
    inside a cluster (a handful of spans) are they ranked, so the cost stays linear in
    the number of findings even on a 10 MB text with 200,000 of them.
    """
    ordered = sorted(findings, key=_POSITION)
    kept: list[Finding] = []
    cluster: list[Finding] = []
    cluster_end = -1
    for f in ordered + [None]:  # type: ignore[list-item]
        if f is not None and f.start < cluster_end:
            cluster.append(f)
            cluster_end = max(cluster_end, f.end)
            continue
        if len(cluster) == 1:
            kept.append(cluster[0])
        elif cluster:
            chosen: list[Finding] = []
            for g in sorted(cluster, key=lambda c: _rank(c, priority)):
                if not any(_overlaps(g, k) for k in chosen):
                    chosen.append(g)
            kept.extend(chosen)
        if f is not None:
            cluster, cluster_end = [f], f.end
    return kept


def _trim(f: Finding, blockers: list[Finding]) -> Finding | None:
    """The longest piece of ``f`` that overlaps none of ``blockers``."""
    pieces = [(f.start, f.end)]
    for b in blockers:
        nxt = []
        for s, e in pieces:
            if b.end <= s or b.start >= e:
                nxt.append((s, e))
                continue
            if b.start > s:
                nxt.append((s, b.start))
            if b.end < e:
                nxt.append((b.end, e))
        pieces = nxt
    best = max(pieces, key=lambda p: p[1] - p[0], default=None)
    if best is None or best[1] - best[0] < _MIN_TRIMMED:
        return None
    if best == (f.start, f.end):
        return f
    meta = {k: v for k, v in f.metadata.items() if k != "rest_start"}
    meta["trimmed"] = True
    return Finding(best[0], best[1], f.entity_type, f.score, f.recognizer, meta)


def resolve(structured: list[Finding], other: list[Finding], priority: dict[str, int]) -> list[Finding]:
    """Return non-overlapping findings sorted by position."""
    kept = _greedy(structured, priority) if len(structured) > 1 else list(structured)
    if other:
        kept_sorted = sorted(kept, key=_START)
        kept_ends = [k.end for k in kept_sorted]
        survivors = []
        for f in other:
            blockers = []
            i = bisect_right(kept_ends, f.start)
            while i < len(kept_sorted) and kept_sorted[i].start < f.end:
                blockers.append(kept_sorted[i])
                i += 1
            g = _trim(f, blockers) if blockers else f
            if g is not None:
                survivors.append(g)
        kept.extend(_greedy(survivors, priority))
    kept.sort(key=_POSITION)
    return kept
