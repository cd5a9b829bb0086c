"""Structured identifiers: accuracy per entity and speed against Presidio and jieba.

Accuracy: P/R/F1 (exact spans) per entity type on
  - benchmarks/corpus_structured.py, seeds 2 and 3 (patterns were developed on seed 1);
  - ../shared/data/gen_records.py (a generator piiguard was not developed against), when present.
Speed, in one process, on one core: piiguard.analyze (structured recognizers), plain
Presidio AnalyzerEngine (its default pattern recognizers, on a blank spaCy zh pipeline
segmented by jieba) and jieba.lcut, as chars/s over long documents (10 KB to 10 MB) and
calls/s over ~100-character records.

    .venv/bin/python benchmarks/bench_structured.py [--quick]
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import corpus_structured  # noqa: E402
from _common import SHARED, best_of, score_exact, table  # noqa: E402

import piiguard  # noqa: E402

STRUCTURED = ["PHONE_NUMBER", "CN_RESIDENT_ID", "CN_BANK_CARD", "CN_PASSPORT", "CN_HMT_PERMIT", "CN_USCC",
              "CN_LICENSE_PLATE", "EMAIL_ADDRESS", "IP_ADDRESS", "URL", "HK_ID", "MO_ID", "TW_ID"]
GEN_LABELS = {"PHONE": "PHONE_NUMBER", "ID_CARD": "CN_RESIDENT_ID", "BANK_CARD": "CN_BANK_CARD",
              "USCC": "CN_USCC", "LICENSE_PLATE": "CN_LICENSE_PLATE", "PASSPORT": "CN_PASSPORT",
              "EMAIL": "EMAIL_ADDRESS", "IP": "IP_ADDRESS"}


def presidio_analyzer():  # type: ignore[no-untyped-def]
    """Plain Presidio: default pattern recognizers for zh on a blank jieba spaCy pipeline."""
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer, CryptoRecognizer, DateRecognizer, EmailRecognizer, IbanRecognizer,
        IpRecognizer, PhoneRecognizer, UrlRecognizer,
    )

    class BlankZh(SpacyNlpEngine):
        def load(self) -> None:
            self.nlp = {"zh": spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})}

    engine = BlankZh(models=[{"lang_code": "zh", "model_name": "blank"}])
    engine.load()
    registry = RecognizerRegistry(supported_languages=["zh"])
    for cls in (CreditCardRecognizer, CryptoRecognizer, DateRecognizer, EmailRecognizer, IbanRecognizer,
                IpRecognizer, UrlRecognizer):
        registry.add_recognizer(cls(supported_language="zh"))
    registry.add_recognizer(PhoneRecognizer(supported_language="zh", supported_regions=("CN",)))
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["zh"])


PRESIDIO_MAP = {"PHONE_NUMBER": "PHONE_NUMBER", "CREDIT_CARD": "CN_BANK_CARD", "EMAIL_ADDRESS": "EMAIL_ADDRESS",
                "IP_ADDRESS": "IP_ADDRESS", "URL": "URL"}


def accuracy(presidio) -> None:  # type: ignore[no-untyped-def]
    corpora = []
    for seed in (2, 3):
        text, gold = corpus_structured.build(seed, 4000)
        corpora.append((f"corpus_structured seed {seed} ({len(text):,} chars)", text,
                        [(g["start"], g["end"], g["label"]) for g in gold]))
    gen = SHARED / "gen_records.py"
    if gen.exists():
        spec = importlib.util.spec_from_file_location("gen_records", gen)
        mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
        text, gold = mod.build(300_000, 20231105)
        corpora.append((f"shared gen_records seed 20231105 ({len(text):,} chars)", text,
                        [(g["start"], g["end"], GEN_LABELS[g["label"]]) for g in gold if g["label"] in GEN_LABELS]))
    for title, text, gold in corpora:
        pred = [(r.start, r.end, r.entity_type) for r in piiguard.analyze(text, entities=STRUCTURED)]
        print(table(f"\npiiguard — {title}", score_exact(gold, pred)))
        if presidio is not None and len(text) < 400_000:
            lines = text.split("\n")
            pp, pos = [], 0
            for line in lines:
                for r in presidio.analyze(line, language="zh"):
                    if r.entity_type in PRESIDIO_MAP and r.score >= 0.5:
                        pp.append((pos + r.start, pos + r.end, PRESIDIO_MAP[r.entity_type]))
                pos += len(line) + 1
            labels = set(PRESIDIO_MAP.values())
            print(table(f"presidio (default recognizers) — {title}, its entity types only",
                        score_exact([g for g in gold if g[2] in labels], pp)))


def speed(presidio, quick: bool) -> None:  # type: ignore[no-untyped-def]
    import jieba

    jieba.setLogLevel(logging.ERROR)
    jieba.initialize()
    base, _ = corpus_structured.build(7, 60_000)
    news = ""
    msra = SHARED / "msra" / "train.jsonl"
    if msra.exists():
        import json

        with msra.open(encoding="utf-8") as fh:
            news = "".join(json.loads(line)["text"] for _, line in zip(range(60_000), fh))
    print("\nSpeed on long documents (CPU time of one core; chars/s; best of 3 for ≤1 MB, 1 run above)")
    print(f"{'doc':28s} {'size':>9s} {'piiguard':>12s} {'jieba.lcut':>12s} {'presidio':>12s} {'x jieba':>8s} {'x presidio':>10s}")
    sizes = [10_000, 100_000, 1_000_000] + ([] if quick else [10_000_000])
    for label, src in (("records (dense PII)", base), ("news (MSRA train text)", news)):
        if not src:
            continue
        for size in sizes:
            doc = (src * (size // len(src) + 1))[:size]
            rep = 3 if size <= 1_000_000 else 1
            t_pg = best_of(lambda: piiguard.analyze(doc, entities=STRUCTURED), rep)
            t_jb = best_of(lambda: jieba.lcut(doc), rep if size <= 100_000 else 1)
            t_pr = best_of(lambda: presidio.analyze(doc, language="zh"), 1) if presidio is not None and size <= 100_000 else None
            pr = f"{size / t_pr:12,.0f}" if t_pr else f"{'(skipped)':>12s}"
            xpr = f"{t_pr / t_pg:10.0f}" if t_pr else f"{'':>10s}"
            print(f"{label:28s} {size:9,d} {size / t_pg:12,.0f} {size / t_jb:12,.0f} {pr} {t_jb / t_pg:8.1f} {xpr}")
    from bench_batch import records as customer_records

    sets = [("corpus_structured lines", [line for line in base.split("\n") if line][:5000]),
            ("customer records (bench_batch)", customer_records(5000))]
    for title, records in sets:
        n_chars = sum(len(r) for r in records)
        t_pg = best_of(lambda: [piiguard.analyze(r, entities=STRUCTURED) for r in records])
        t_jb = best_of(lambda: [jieba.lcut(r) for r in records])
        print(f"\nShort records, {title}: {len(records)} records, mean {n_chars / len(records):.0f} chars")
        print(f"  piiguard.analyze  {len(records) / t_pg:10,.0f} calls/s  {t_pg / len(records) * 1000:.3f} ms/call")
        print(f"  jieba.lcut        {len(records) / t_jb:10,.0f} calls/s  {t_jb / len(records) * 1000:.3f} ms/call")
        if presidio is not None:
            few = records[:500]
            t_pr = best_of(lambda: [presidio.analyze(r, language="zh") for r in few], 1)
            print(f"  presidio analyze  {len(few) / t_pr:10,.0f} calls/s  {t_pr / len(few) * 1000:.3f} ms/call"
                  f"  (piiguard is {t_pr / len(few) / (t_pg / len(records)):.0f}x faster)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="skip the 10 MB documents")
    ap.add_argument("--no-presidio", action="store_true")
    a = ap.parse_args()
    t = time.perf_counter()
    piiguard.analyze("预热", entities=STRUCTURED)
    print(f"piiguard engine load: {time.perf_counter() - t:.2f} s")
    presidio = None if a.no_presidio else presidio_analyzer()
    accuracy(presidio)
    speed(presidio, a.quick)


if __name__ == "__main__":
    main()
