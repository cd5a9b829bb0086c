"""piiguard's recognizers inside a plain Presidio AnalyzerEngine."""

from __future__ import annotations

import pytest
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

from piiguard.recognizers import ChineseNlpEngine, ValidatedPatternRecognizer, get_analyzer, get_recognizers


@pytest.fixture(scope="module")
def plain_analyzer() -> AnalyzerEngine:
    """What a Presidio user writes: their own registry and engine, our recognizers added."""
    registry = RecognizerRegistry(supported_languages=["zh"])
    for recognizer in get_recognizers(include_models=False):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=ChineseNlpEngine(), supported_languages=["zh"])


def test_plain_presidio_finds_identifiers(plain_analyzer: AnalyzerEngine) -> None:
    """The issue's example works through Presidio's own engine, with exact offsets."""
    text = "客户张伟，手机 138-1234-5678，身份证11010519491231002X，卡号6222 0212 3456 7890 128"
    found = sorted((r.entity_type, text[r.start : r.end]) for r in plain_analyzer.analyze(text, language="zh"))
    assert found == [
        ("CN_BANK_CARD", "6222 0212 3456 7890 128"),
        ("CN_RESIDENT_ID", "11010519491231002X"),
        ("PHONE_NUMBER", "138-1234-5678"),
    ]


def test_presidio_context_enhancement_with_chinese_words(plain_analyzer: AnalyzerEngine) -> None:
    """Presidio's enhancer raises a weak card number next to 卡号 (jieba words as lemmas)."""
    bare = plain_analyzer.analyze("付款 4111111111111111 已到账", language="zh", entities=["CN_BANK_CARD"])
    labelled = plain_analyzer.analyze("银行卡号 4111111111111111 已到账", language="zh", entities=["CN_BANK_CARD"])
    assert bare and labelled and labelled[0].score > bare[0].score


def test_presidio_path_drops_invalid_and_negative_context(plain_analyzer: AnalyzerEngine) -> None:
    """Checksum failures and order-number labels are dropped on the Presidio path too."""
    assert plain_analyzer.analyze("身份证110105194912310021", language="zh", entities=["CN_RESIDENT_ID"]) == []
    assert plain_analyzer.analyze("订单号：13812345678", language="zh", entities=["PHONE_NUMBER"]) == []


def test_presidio_path_maps_fullwidth_offsets(plain_analyzer: AnalyzerEngine) -> None:
    """Full-width digits are normalized and the offsets index the caller's text."""
    text = "手机：１３８\u200b１２３４５６７８"
    (r,) = plain_analyzer.analyze(text, language="zh", entities=["PHONE_NUMBER"])
    assert text[r.start : r.end] == "１３８\u200b１２３４５６７８"
    assert r.recognition_metadata["facts"]["kind"] == "mobile"


def test_get_analyzer_includes_models() -> None:
    """get_analyzer() returns a ready zh AnalyzerEngine with every piiguard entity."""
    analyzer = get_analyzer()
    entities = set(analyzer.get_supported_entities(language="zh"))
    assert {"CN_RESIDENT_ID", "PHONE_NUMBER", "CN_BANK_CARD", "CN_USCC"} <= entities


def test_recognizers_are_validated_pattern_recognizers() -> None:
    """One generic class serves every YAML spec."""
    recs = get_recognizers(include_models=False)
    assert recs and all(isinstance(r, ValidatedPatternRecognizer) for r in recs)
