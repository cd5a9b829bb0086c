"""Shared helpers for the benchmarks: scoring spans, timing, optional shared data."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"

Span = tuple[int, int, str]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (1.0 when there is nothing to find and nothing found)."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_exact(gold: Iterable[Span], pred: Iterable[Span]) -> dict[str, tuple[int, int, int]]:
    """Per label (tp, fp, fn) for exact span matches."""
    g, p = set(gold), set(pred)
    tp = Counter(s[2] for s in g & p)
    fp = Counter(s[2] for s in p - g)
    fn = Counter(s[2] for s in g - p)
    return {lab: (tp[lab], fp[lab], fn[lab]) for lab in sorted(set(tp) | set(fp) | set(fn))}


def score_overlap(gold: Iterable[Span], pred: Iterable[Span]) -> dict[str, tuple[int, int, int]]:
    """Per label (tp, fp, fn) where a prediction counts if it overlaps a gold span of its label."""
    gold, pred = sorted(gold), sorted(pred)
    by_label: dict[str, tuple[list[Span], list[Span]]] = {}
    for s in gold:
        by_label.setdefault(s[2], ([], []))[0].append(s)
    for s in pred:
        by_label.setdefault(s[2], ([], []))[1].append(s)
    out = {}
    for lab, (gs, ps) in sorted(by_label.items()):
        hit_g = sum(1 for a in gs if any(b[0] < a[1] and a[0] < b[1] for b in ps))
        hit_p = sum(1 for b in ps if any(a[0] < b[1] and b[0] < a[1] for a in gs))
        out[lab] = (hit_g, len(ps) - hit_p, len(gs) - hit_g)
    return out


def table(title: str, scores: dict[str, tuple[int, int, int]]) -> str:
    """A plain-text P/R/F1 table with a micro-average row."""
    lines = [title, f"{'entity':18s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>6s} {'fp':>5s} {'fn':>5s}"]
    T = F = N = 0
    for lab, (tp, fp, fn) in scores.items():
        p, r, f = prf(tp, fp, fn)
        lines.append(f"{lab:18s} {p:6.3f} {r:6.3f} {f:6.3f} {tp:6d} {fp:5d} {fn:5d}")
        T, F, N = T + tp, F + fp, N + fn
    p, r, f = prf(T, F, N)
    lines.append(f"{'micro':18s} {p:6.3f} {r:6.3f} {f:6.3f} {T:6d} {F:5d} {N:5d}")
    return "\n".join(lines)


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """The best CPU time of this process over ``repeat`` runs, in seconds.

    CPU time rather than wall time: on a shared 2-core machine other processes steal
    the core, and wall time then measures them. Everything here runs in one thread, so
    CPU time is what one core spends; every tool compared is timed the same way.
    """
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def cold_name_cache() -> None:
    """Forget the name model's tagged windows (a per-thread memo of repeated phrases), so
    no timed run profits from an earlier one on the same text."""
    from piiguard.ner import _person

    cache = getattr(_person._local, "cache", None)
    if cache is not None:
        cache.clear()
