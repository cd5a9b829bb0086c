"""Load the shared NER corpora and carve reproducible dev splits from their train files.

Only ``train.jsonl`` files are read: each corpus's ``dev.jsonl``/test files are held
out for project scoring and never touched. The dev split is the last 10 % of a
``random.Random(SEED)`` shuffle of the train file, so training and benchmarks agree
on it without sharing state.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SEED = 20240604
DEV_FRACTION = 0.10
NER_CORPORA = ("msra", "cluener", "weibo", "resume")
ADDRESS_CORPORA = ("address_elements", "address_parsing_li2019")

sys.path.insert(0, str(ROOT / "src"))
from piiguard._normalize import normalize  # noqa: E402


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _normalized(rec: dict) -> dict | None:
    """Apply run-time normalization; drop the rare record whose length it changes."""
    n = normalize(rec["text"])
    if len(n.text) != len(rec["text"]):
        return None
    return {"text": n.text, "spans": [tuple(s) for s in rec["spans"]]}


def split(name: str) -> tuple[list[dict], list[dict]]:
    """Return ``(train, dev)`` records of corpus ``name`` (normalized text)."""
    recs = [r for r in (_normalized(x) for x in _read(DATA / name / "train.jsonl")) if r]
    order = list(range(len(recs)))
    random.Random(SEED).shuffle(order)
    cut = int(len(order) * (1 - DEV_FRACTION))
    return [recs[i] for i in order[:cut]], [recs[i] for i in order[cut:]]


def restore_digits(text: str, rnd: random.Random) -> str:
    """Replace CCKS's masked ``0``/``A`` with random digits/letters (run lengths kept)."""
    out = []
    prev_zero = False
    for ch in text:
        if ch == "0":
            # A run's first digit is rarely 0 in real addresses.
            out.append(rnd.choice("0123456789" if prev_zero else "123456789"))
            prev_zero = True
            continue
        prev_zero = False
        out.append(rnd.choice("ABCDEFGH") if ch == "A" else ch)
    return "".join(out)
