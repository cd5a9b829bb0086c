"""Rebuild the Latin-letter name model: ``src/piiguard/ner/latin_names.crfsuite``.

A maximum-entropy classifier (python-crfsuite on one-word sequences) over the features
of ``piiguard.ner._latin.latin_features``, for Latin words that touch a Han character.
A word is positive when it is exactly a PERSON span. Trained on the train part of MSRA,
CLUENER2020, Weibo and Resume (each corpus's own dev/test files are never read; our dev
split, the last 10 % of a seeded shuffle, is held out).

    .venv/bin/python scripts/train_latin_names.py [--out PATH]

Prints, for the chosen threshold, the model's precision and recall on Latin words in
five held-out folds of the train portions (where the threshold was chosen) and on the
dev split.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import NER_CORPORA, ROOT, SEED, split  # noqa: E402

from piiguard.ner._latin import MIN_PROBABILITY, latin_features, latin_words  # noqa: E402

MODEL = ROOT / "src" / "piiguard" / "ner" / "latin_names.crfsuite"
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.minfreq": 1}
FOLDS = 5

Item = tuple[list[str], str]


def items(records: list[dict]) -> list[Item]:
    out = []
    for rec in records:
        text = rec["text"]
        gold = {(s, e) for s, e, lab in rec["spans"] if lab == "PERSON"}
        for s, e in latin_words(text):
            out.append((latin_features(text, s, e), "N" if (s, e) in gold else "O"))
    return out


def train(data: list[Item], path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, label in data:
        trainer.append([feats], [label])
    trainer.set_params(PARAMS)
    trainer.train(str(path))


def score(data: list[Item], path: Path) -> tuple[int, int, int]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    tp = fp = fn = 0
    for feats, label in data:
        tagger.set([feats])
        yes = tagger.marginal("N", 0) >= MIN_PROBABILITY
        tp += yes and label == "N"
        fp += yes and label != "N"
        fn += not yes and label == "N"
    return tp, fp, fn


def report(name: str, counts: tuple[int, int, int]) -> None:
    tp, fp, fn = counts
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    print(f"{name:28s} P={p:.3f} R={r:.3f}  (tp {tp}, fp {fp}, fn {fn})")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=MODEL)
    args = ap.parse_args()
    trains, devs = [], []
    for name in NER_CORPORA:
        tr, dev = split(name)
        trains.extend(tr)
        devs.extend(dev)
    random.Random(SEED).shuffle(trains)
    with tempfile.TemporaryDirectory() as tmp:
        total = [0, 0, 0]
        for k in range(FOLDS):
            held = trains[k::FOLDS]
            rest = [r for i, r in enumerate(trains) if i % FOLDS != k]
            path = Path(tmp) / f"fold{k}.crfsuite"
            train(items(rest), path)
            total = [a + b for a, b in zip(total, score(items(held), path))]
        report(f"train folds (th {MIN_PROBABILITY})", tuple(total))
    data = items(trains)
    print(f"Latin words touching Han: {len(data)}, names {sum(lab == 'N' for _, lab in data)}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    train(data, args.out)
    report("dev split", score(items(devs), args.out))
    print(f"model {args.out.stat().st_size / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
