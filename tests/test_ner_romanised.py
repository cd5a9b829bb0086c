"""Chinese names in Latin letters (piiguard.ner._romanised) and the Latin-name rules around them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piiguard.ner import detect_persons
from piiguard.ner._romanised import _PINYIN, _syllables, romanised_name_spans


def names(text: str) -> list[str]:
    return [text[a:b] for a, b in romanised_name_spans(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Consignee: Wang Xiaoming", ["Wang Xiaoming"]),  # surname first, pinyin given name
    ("Attendees: Grace Wong, 黄志明", ["Grace Wong"]),  # English given name, Cantonese surname
    ("客戶Chan Siu Ming（陳小明）之保單", ["Chan Siu Ming"]),
    ("陳大文\nChan Tai Man\n高級經理", ["Chan Tai Man"]),
    ("Best regards,\nLinda Xu（徐琳）", ["Linda Xu"]),
    ("预订确认：Mr. Li Wei, 您已成功预订", ["Li Wei"]),
    ("Dear Mr. Chen，附件是报价单", ["Chen"]),
    ("上官敏  Shangguan Min", ["Shangguan Min"]),  # a compound surname
    ("Chia-hui Chang", ["Chia-hui Chang"]),  # Wade-Giles, hyphenated given name
    ("GUEST: ZHANG/WEIMING ROOM: 2201", ["ZHANG/WEIMING"]),  # a ticket's capitals
    ("乘机人 LIU/YANG", ["LIU/YANG"]),
    ("Name\nHUANG, JUNJIE", ["HUANG, JUNJIE"]),
])
def test_romanised_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "I live in Hong Kong", "Kung Fu Panda", "Li Ning shoes", "Tai Chi", "The Great Wall", "New York",
    "OK, THANKS", "SUCCESS, DONE", "ID/PASSPORT", "Wan Da Plaza", "Bill Gates", "Visit Shen Zhen",
])
def test_not_romanised_names(text):
    assert names(text) == []


@given(st.lists(st.sampled_from(sorted(_PINYIN)), min_size=1, max_size=3))
def test_pinyin_syllables_split(sylls):
    assert _syllables("".join(sylls), _PINYIN)


@given(st.text(alphabet="bcdfghjklmnpqrstwxz", min_size=1, max_size=8))
def test_consonants_alone_are_no_syllables(word):
    assert not _syllables(word, _PINYIN)


@pytest.mark.parametrize(("text", "expected"), [
    ("尊敬的James Wang先生：", ["James Wang"]),  # the whole name, not the model's Wang
    ("寄件人Lisa Huang（黄丽莎），收件", ["Lisa Huang", "黄丽莎"]),
    ("面膜很好用，我朋友Vivian推荐的", ["Vivian"]),
    ("民宿房东留言：Cathy你好，入住密码是2413", ["Cathy"]),
    ("附件是报价单。如有问题随时联系。\nSophie", ["Sophie"]),
])
def test_latin_names_in_context(text, expected):
    assert [text[f.start:f.end] for f in detect_persons(text)] == expected


@pytest.mark.parametrize("text", [
    "Thought: 用户要求查询订单。\nObservation: 查询结果为空",  # an agent's trace, not speakers
    "employees:\n  - dept: 研发",
    'template: "您的快递已到达${address}"',
])
def test_latin_keys_are_no_names(text):
    assert [text[f.start:f.end] for f in detect_persons(text) if text[f.start:f.end].isascii()] == []
