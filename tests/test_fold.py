"""Traditional characters are read as simplified by the name/address detectors and context words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import piiguard
from piiguard._fold import fold
from piiguard.ner._features import load_words


def found(text: str) -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start:r.end]) for r in piiguard.analyze(text)]


def test_traditional_name_and_address_found_with_original_offsets() -> None:
    text = "收件人：黃志強 地址：廣東省廣州市天河區體育西路189號"
    assert found(text) == [("PERSON", "黃志強"), ("CN_ADDRESS", "廣東省廣州市天河區體育西路189號")]


def test_traditional_names_in_prose() -> None:
    assert found("張偉和王芳明天來") == [("PERSON", "張偉"), ("PERSON", "王芳")]
    assert found("陳大文先生來電") == [("PERSON", "陳大文")]


def test_traditional_context_words() -> None:
    """卡號 raises a weak card number as 卡号 does; 訂單號 drops a phone as 订单号 does."""
    assert [r.entity_type for r in piiguard.analyze("卡號4111111111111111")] == ["CN_BANK_CARD"]
    assert piiguard.analyze("訂單號13812345678") == []


def test_simplified_text_is_unchanged() -> None:
    words = sorted(load_words())[:5000]
    text = "".join(words)
    assert fold(text) is text
    assert fold("乾隆年间著名的於姓人家") == "乾隆年间著名的於姓人家"  # forms simplified text keeps


@given(st.text())
def test_fold_keeps_length_and_is_idempotent(text: str) -> None:
    once = fold(text)
    assert len(once) == len(text)
    assert fold(once) == once


def test_chains_are_followed() -> None:
    assert fold("薴") == fold(fold("薴")) == "苎"
