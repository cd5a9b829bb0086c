"""piiguard's recognizers as plain Presidio recognizers, for your own ``AnalyzerEngine``.

>>> from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
>>> from piiguard.recognizers import ChineseNlpEngine, get_recognizers
>>> registry = RecognizerRegistry(supported_languages=["zh"])
>>> for recognizer in get_recognizers():
...     registry.add_recognizer(recognizer)
>>> analyzer = AnalyzerEngine(registry=registry, nlp_engine=ChineseNlpEngine(), supported_languages=["zh"])
>>> [r.entity_type for r in analyzer.analyze("身份证11010519491231002X", language="zh")]
['CN_RESIDENT_ID']

Every recognizer is built from the same YAML spec and calls the same ``piiguard.ids``
validator as :func:`piiguard.analyze`. Matches run on the normalized text (full-width
digits, zero-width characters) with offsets mapped back; parsed facts go to
``recognition_metadata["facts"]``; negative context (订单号 …) drops a match, and
positive context is left to Presidio's context enhancer.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex
from presidio_analyzer import (
    AnalyzerEngine,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)

from ._context import ContextMatcher
from ._fold import fold
from ._engine import Detector, builtin_detectors, to_results
from ._nlp import ChineseNlpEngine
from ._normalize import normalize
from ._specs import RecognizerSpec, load_specs

__all__ = ["ChineseNlpEngine", "DetectorRecognizer", "ValidatedPatternRecognizer", "get_analyzer", "get_recognizers"]


class ValidatedPatternRecognizer(PatternRecognizer):
    """A Presidio ``PatternRecognizer`` whose matches are checked by a ``piiguard.ids`` module."""

    def __init__(self, spec: RecognizerSpec) -> None:
        self._spec = spec
        self._negative = ContextMatcher((), spec.negative_context, spec.context_window, spec.negative_after)
        super().__init__(
            supported_entity=spec.entity,
            name=spec.name,
            supported_language=spec.language,
            patterns=[Pattern(p.name, p.regex, p.score) for p in spec.patterns],
            context=list(spec.context),
            global_regex_flags=regex.ASCII | regex.MULTILINE | regex.VERSION0,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """None (keep the pattern's score) when valid; False (drop) when not, unless ``on_invalid: keep``."""
        validator = self._spec.validator
        if validator is None or validator.is_valid(pattern_text):
            return None
        return False if self._spec.on_invalid == "drop" else None

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None, regex_flags=None):  # type: ignore[no-untyped-def]
        """Run the patterns on the normalized text and map the offsets back."""
        norm = normalize(text)
        results = super().analyze(norm.text, entities, nlp_artifacts, regex_flags)
        parse = getattr(self._spec.validator, "parse", None)
        kept = []
        words_text = fold(norm.text) if results else norm.text  # 訂單號 reads as 订单号
        for r in results:
            if self._negative.effect(words_text, r.start, r.end) < 0:
                continue
            facts: dict[str, object] = {}
            if parse is not None:
                try:
                    facts = parse(norm.text[r.start : r.end])
                except ValueError:
                    facts = {}
            r.recognition_metadata["facts"] = facts
            r.start, r.end = norm.to_original(r.start, r.end)
            kept.append(r)
        return kept


class DetectorRecognizer(EntityRecognizer):
    """Wraps a piiguard model detector (names, addresses, sensitive terms) as a Presidio recognizer."""

    def __init__(self, detector: Detector, supported_language: str = "zh") -> None:
        self._detector = detector
        super().__init__(
            supported_entities=list(detector.entities), name=detector.name, supported_language=supported_language
        )

    def load(self) -> None:
        """Models load lazily on first use."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:  # type: ignore[no-untyped-def]
        """Run the detector on the normalized text and map the offsets back."""
        norm = normalize(text)
        found = [f for f in self._detector.detect(norm.text) if not entities or f.entity_type in entities]
        return to_results(found, norm, self.name, self.id)


def get_recognizers(
    specs: Sequence[RecognizerSpec] | None = None, *, include_models: bool = True
) -> list[EntityRecognizer]:
    """piiguard's recognizers, ready for ``RecognizerRegistry.add_recognizer``.

    Args:
        specs: recognizer specs (default: piiguard's own, see :func:`piiguard.load_specs`).
        include_models: also wrap the name/address/sensitive-term detectors.
    """
    recognizers: list[EntityRecognizer] = [
        ValidatedPatternRecognizer(s) for s in (specs if specs is not None else load_specs())
    ]
    if include_models:
        recognizers.extend(DetectorRecognizer(d) for d in builtin_detectors())
    return recognizers


def get_analyzer(*, include_models: bool = True) -> AnalyzerEngine:
    """A Presidio ``AnalyzerEngine`` for ``zh`` holding piiguard's recognizers.

    It uses :class:`ChineseNlpEngine` (jieba, no download) and Presidio's own context
    enhancer. :func:`piiguard.analyze` gives the same findings faster.
    """
    registry = RecognizerRegistry(supported_languages=["zh"])
    for recognizer in get_recognizers(include_models=include_models):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=ChineseNlpEngine(), supported_languages=["zh"])
