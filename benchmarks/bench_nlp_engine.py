"""Which NLP engine for Presidio on Chinese: piiguard's jieba NlpEngine or a blank spaCy zh pipeline?

Both segment with jieba; the question is the overhead around it. Prints time per call
on ~100-character records and chars/s on a 100 KB document, and checks that the two
give Presidio's context enhancer the same words.

    .venv/bin/python benchmarks/bench_nlp_engine.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import corpus_structured  # noqa: E402

from piiguard.recognizers import ChineseNlpEngine  # noqa: E402


def blank_spacy():  # type: ignore[no-untyped-def]
    import spacy
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    class BlankZh(SpacyNlpEngine):
        def load(self) -> None:
            self.nlp = {"zh": spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})}

    engine = BlankZh(models=[{"lang_code": "zh", "model_name": "blank"}])
    engine.load()
    return engine


def main() -> None:
    text, _ = corpus_structured.build(5, 3000)
    records = [line for line in text.split("\n") if line][:2000]
    doc = text[:100_000]
    engines = {"piiguard ChineseNlpEngine": ChineseNlpEngine(), "blank spaCy zh + jieba": blank_spacy()}
    for eng in engines.values():
        eng.process_text("预热文本", "zh")
    print(f"{'engine':28s} {'ms/record':>10s} {'chars/s (100 KB)':>18s}")
    for name, eng in engines.items():
        t = time.perf_counter()
        for r in records:
            eng.process_text(r, "zh")
        per = (time.perf_counter() - t) / len(records) * 1000
        t = time.perf_counter()
        eng.process_text(doc, "zh")
        cps = len(doc) / (time.perf_counter() - t)
        print(f"{name:28s} {per:10.3f} {cps:18,.0f}")
    a = engines["piiguard ChineseNlpEngine"].process_text(records[0], "zh")
    b = engines["blank spaCy zh + jieba"].process_text(records[0], "zh")
    same = [t.text for t in a.tokens if t.text.strip()] == [t.text for t in b.tokens if t.text.strip()]
    print(f"same words on a sample record: {same}")


if __name__ == "__main__":
    main()
