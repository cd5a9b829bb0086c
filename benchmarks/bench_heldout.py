"""Accuracy on blind, held-out record-style sets: every entity type, exact and overlap.

    .venv/bin/python benchmarks/bench_heldout.py

Reads every ``benchmarks/heldout/*.jsonl`` (``{"genre", "text", "spans": [[start, end,
entity], ...]}``). Each set was written by a helper session that never read the detector
code or its tests (see ``benchmarks/heldout/README.md``), and the developers do not read
its failures: a rule written from one of them would make the set a tuning set. Prints, per
set, a P/R/F1 table per entity type for exact spans and for overlapping spans, and PERSON
and CN_ADDRESS exact F1 per genre. Results use ``piiguard.analyze`` with its defaults.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from _common import prf, score_exact, score_overlap, table  # noqa: E402
import piiguard  # noqa: E402


def main() -> int:
    sets = sorted((HERE / "heldout").glob("*.jsonl"))
    if not sets:
        print("no held-out sets in benchmarks/heldout/")
        return 0
    for path in sets:
        with path.open(encoding="utf-8") as fh:
            items = [json.loads(line) for line in fh if line.strip()]
        gold_all, pred_all = [], []
        by_genre: dict[str, list[tuple[list, list]]] = defaultdict(list)
        entities = sorted({s[2] for it in items for s in it["spans"]})
        for k, it in enumerate(items):
            gold = [(k, s, e, lab) for s, e, lab in it["spans"]]
            pred = [(k, r.start, r.end, r.entity_type) for r in piiguard.analyze(it["text"])
                    if r.entity_type in entities]
            gold_all += gold
            pred_all += pred
            by_genre[it.get("genre", "-")].append((gold, pred))
        # Spans carry their item index, so spans of different items never match.
        span = lambda x: ((x[0], x[1]), (x[0], x[2]), x[3])  # noqa: E731
        print(f"\n== {path.name}: {len(items)} items, {len(gold_all)} gold spans ==")
        print(table("exact spans", score_exact(map(span, gold_all), map(span, pred_all))))
        print(table("overlapping spans", _overlap(gold_all, pred_all)))
        print("\nPERSON / CN_ADDRESS exact F1 per genre")
        for genre, pairs in sorted(by_genre.items()):
            cells = []
            for lab in ("PERSON", "CN_ADDRESS"):
                g = {x for gold, _ in pairs for x in gold if x[3] == lab}
                p = {x for _, pred in pairs for x in pred if x[3] == lab}
                cells.append(f"{lab} {prf(len(g & p), len(p - g), len(g - p))[2]:.3f} (n={len(g)})")
            print(f"  {genre:18s} " + "   ".join(cells))
    return 0


def _overlap(gold: list[tuple], pred: list[tuple]) -> dict[str, tuple[int, int, int]]:
    """score_overlap per item, summed (overlaps never cross items)."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    items = sorted({x[0] for x in gold} | {x[0] for x in pred})
    g_by, p_by = defaultdict(list), defaultdict(list)
    for x in gold:
        g_by[x[0]].append(x[1:])
    for x in pred:
        p_by[x[0]].append(x[1:])
    for k in items:
        for lab, counts in score_overlap(g_by[k], p_by[k]).items():
            for i in range(3):
                out[lab][i] += counts[i]
    return {lab: tuple(v) for lab, v in sorted(out.items())}


if __name__ == "__main__":
    raise SystemExit(main())
