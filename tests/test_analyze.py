"""piiguard.analyze on structured identifiers: spans, boundaries, context, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import piiguard
from piiguard import ConfigError

from .strategies import bank_cards, chinese_text, mobiles, resident_ids, to_fullwidth, usccs

STRUCTURED = [
    "PHONE_NUMBER", "CN_RESIDENT_ID", "CN_BANK_CARD", "CN_PASSPORT", "CN_HMT_PERMIT", "CN_USCC",
    "CN_LICENSE_PLATE", "EMAIL_ADDRESS", "IP_ADDRESS", "URL", "HK_ID", "MO_ID", "TW_ID",
    "QQ_NUMBER", "WECHAT_ID", "IMEI", "DATE_OF_BIRTH",
]


def spans(text: str, entities: list[str] | None = None) -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start : r.end]) for r in piiguard.analyze(text, entities=entities or STRUCTURED)]


# fmt: off
POSITIVES = [
    ("客户张伟，手机 138-1234-5678，身份证11010519491231002X，卡号6222 0212 3456 7890 128",
     [("PHONE_NUMBER", "138-1234-5678"), ("CN_RESIDENT_ID", "11010519491231002X"), ("CN_BANK_CARD", "6222 0212 3456 7890 128")]),
    ("联系电话：+86 138 1234 5678", [("PHONE_NUMBER", "+86 138 1234 5678")]),
    ("手机0086-13812345678", [("PHONE_NUMBER", "0086-13812345678")]),
    ("电话(86)13812345678", [("PHONE_NUMBER", "(86)13812345678")]),
    ("座机（0755）8888-6666转801，谢谢", [("PHONE_NUMBER", "（0755）8888-6666转801")]),
    ("总机010-62345678-801", [("PHONE_NUMBER", "010-62345678-801")]),
    ("热线 +86 10 6234 5678", [("PHONE_NUMBER", "+86 10 6234 5678")]),
    ("张伟13593464918陕西省西安市", [("PHONE_NUMBER", "13593464918")]),
    ("手机：１３８１２３４５６７８", [("PHONE_NUMBER", "１３８１２３４５６７８")]),
    ("身份证号 110105 19491231 002X", [("CN_RESIDENT_ID", "110105 19491231 002X")]),
    ("证件号码11010519491231002x。", [("CN_RESIDENT_ID", "11010519491231002x")]),
    ("老身份证110105491231002", [("CN_RESIDENT_ID", "110105491231002")]),
    ("开户行工商银行，账号6222-0212-3456-7890-128", [("CN_BANK_CARD", "6222-0212-3456-7890-128")]),
    ("信用卡号4242 4242 4242 4242", [("CN_BANK_CARD", "4242 4242 4242 4242")]),
    ("护照号码E12345678", [("CN_PASSPORT", "E12345678")]),
    ("护照：EA1234567", [("CN_PASSPORT", "EA1234567")]),
    ("港澳通行证C12345678", [("CN_HMT_PERMIT", "C12345678")]),
    ("台胞证号码12345678", [("CN_HMT_PERMIT", "12345678")]),
    ("统一社会信用代码91110108K8PBRNYT4C", [("CN_USCC", "91110108K8PBRNYT4C")]),
    ("车牌号粤B·D12345", [("CN_LICENSE_PLATE", "粤B·D12345")]),
    ("车辆京A12345违停", [("CN_LICENSE_PLATE", "京A12345")]),
    ("邮箱zhangwei@qq.com，", [("EMAIL_ADDRESS", "zhangwei@qq.com")]),
    ("登录IP 192.168.1.20，", [("IP_ADDRESS", "192.168.1.20")]),
    ("来源 2001:db8::8a2e:370:7334 ", [("IP_ADDRESS", "2001:db8::8a2e:370:7334")]),
    ("IPv6：fe80::1ff:fe23:4567:890a%eth0", [("IP_ADDRESS", "fe80::1ff:fe23:4567:890a%eth0")]),
    ("详见https://shop.example.cn/u/123?id=9，", [("URL", "https://shop.example.cn/u/123?id=9")]),
    ("香港身份证A123456(3)", [("HK_ID", "A123456(3)")]),
    ("澳门身份证1234567(8)", [("MO_ID", "1234567(8)")]),
    ("台湾身分證A123456789", [("TW_ID", "A123456789")]),
    ("订单号2023110500001，联系电话13812345678", [("PHONE_NUMBER", "13812345678")]),
    ("身份证编号11010519491231002X", [("CN_RESIDENT_ID", "11010519491231002X")]),
    ("加我QQ：123456789", [("QQ_NUMBER", "123456789")]),
    # A QQ number before @ is an e-mail address's local part: the address is one finding.
    ("QQ:123456789@qq.com", [("EMAIL_ADDRESS", "123456789@qq.com")]),
    ("邮箱 123456789@qq.com", [("EMAIL_ADDRESS", "123456789@qq.com")]),
    ("电话86-13812345678", [("PHONE_NUMBER", "86-13812345678")]),
    ("座机号码（021）-62345678", [("PHONE_NUMBER", "（021）-62345678")]),
    ("电话:010 - 6234 5678", [("PHONE_NUMBER", "010 - 6234 5678")]),
    ("电话(0755)-86661234转802", [("PHONE_NUMBER", "(0755)-86661234转802")]),
    ("车牌粤b12345", [("CN_LICENSE_PLATE", "粤b12345")]),
    ("微信号 zhang_wei88 备注客户", [("WECHAT_ID", "zhang_wei88")]),
    ("微信同号13812345678", [("PHONE_NUMBER", "13812345678")]),
    ("手机串号IMEI 490154203237518", [("IMEI", "490154203237518")]),
    ("出生日期：1990年1月2日", [("DATE_OF_BIRTH", "1990年1月2日")]),
    ("生日 1985-03-12", [("DATE_OF_BIRTH", "1985-03-12")]),
    # Identifiers in one digit run are separated by a space or comma from their neighbours.
    ("手机号码：13812345678 13912345678", [("PHONE_NUMBER", "13812345678"), ("PHONE_NUMBER", "13912345678")]),
    ("电话13812345678,13912345678", [("PHONE_NUMBER", "13812345678"), ("PHONE_NUMBER", "13912345678")]),
    ("张伟 11010519491231002X 13812345678",
     [("CN_RESIDENT_ID", "11010519491231002X"), ("PHONE_NUMBER", "13812345678")]),
    ("6222021234567890128 13812345678", [("CN_BANK_CARD", "6222021234567890128"), ("PHONE_NUMBER", "13812345678")]),
    ("手机13812345678 2023年5月到期", [("PHONE_NUMBER", "13812345678")]),
    ("电话：13812345678 0571-87654321", [("PHONE_NUMBER", "13812345678"), ("PHONE_NUMBER", "0571-87654321")]),
    ("号码 138 1234 5678 13912345678", [("PHONE_NUMBER", "138 1234 5678"), ("PHONE_NUMBER", "13912345678")]),
    ("号码 138 1234 5678 139 1234 5678", [("PHONE_NUMBER", "138 1234 5678"), ("PHONE_NUMBER", "139 1234 5678")]),
    ("QQ 123456789 13812345678", [("QQ_NUMBER", "123456789"), ("PHONE_NUMBER", "13812345678")]),
    ("手机138.1234.5678", [("PHONE_NUMBER", "138.1234.5678")]),
    ("手机号 8613812345678", [("PHONE_NUMBER", "8613812345678")]),
    ("他的手机是一三八一二三四五六七八，有事找他", [("PHONE_NUMBER", "一三八一二三四五六七八")]),
    ("电话：幺三九零零零零幺二三四", [("PHONE_NUMBER", "幺三九零零零零幺二三四")]),
    # A unit after a number makes it an amount, unless a label before says what it is.
    ("手机13812345678元旦后联系", [("PHONE_NUMBER", "13812345678")]),
    ("13812345678台州市", [("PHONE_NUMBER", "13812345678")]),
    ("13812345678个人微信同号", [("PHONE_NUMBER", "13812345678")]),
    # A key naming an ID card is an ID's label, not a bank card's (idCard, <idCard>).
    ("<idCard>430104196706110251</idCard>", [("CN_RESIDENT_ID", "430104196706110251")]),
    ("idCard: 510107197904176116", [("CN_RESIDENT_ID", "510107197904176116")]),
    # A bank's name or the card paid with labels a card of a weak prefix.
    ("建设银行龙卡 4367 4239 3720 7226", [("CN_BANK_CARD", "4367 4239 3720 7226")]),
    ("退款至原卡4367428729950040。", [("CN_BANK_CARD", "4367428729950040")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_positive_spans(text: str, expected: list[tuple[str, str]]) -> None:
    """Each identifier is found whole, with prefixes, separators and extensions inside the span."""
    assert spans(text) == expected


def negatives() -> list[tuple[str, str]]:
    rows, group = [], ""
    for line in (Path(__file__).parent / "vectors" / "negatives.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            group = line[3:]
        elif line and not line.startswith("#"):
            rows.append((group, line))
    return rows


@pytest.mark.parametrize(("group", "text"), negatives())
def test_hard_negatives_do_not_fire(group: str, text: str) -> None:
    """Order numbers, amounts, timestamps, invalid checksums and cut-out runs are not PII."""
    assert spans(text) == [], group


def test_context_raises_a_weak_form() -> None:
    """A bare Visa-prefixed Luhn number is below the threshold alone and reported next to 卡号."""
    bare = piiguard.analyze("4111111111111111", threshold=0.0)
    labelled = piiguard.analyze("卡号4111111111111111", threshold=0.0)
    assert bare[0].score < 0.5 <= labelled[0].score
    assert piiguard.analyze("4111111111111111") == []


def test_nearest_label_wins() -> None:
    """A negative label before a positive one does not cancel it, and the reverse drops the number."""
    assert spans("订单号ABC，手机13812345678") == [("PHONE_NUMBER", "13812345678")]
    assert spans("手机号变更，订单号13812345678") == []


def test_entities_restricts_types() -> None:
    """entities=[...] keeps only those types, as in Presidio."""
    text = "手机13812345678，身份证11010519491231002X"
    assert [r.entity_type for r in piiguard.analyze(text, entities=["CN_RESIDENT_ID"])] == ["CN_RESIDENT_ID"]


def test_unknown_entity_is_a_config_error() -> None:
    """Asking for an unknown entity fails with the list of known ones."""
    with pytest.raises(ConfigError, match="CN_RESIDENT_ID"):
        piiguard.analyze("x", entities=["CN_PHONE"])


def test_overlap_keeps_most_specific() -> None:
    """An ID is reported once, and a card holding a phone-shaped run yields no phone."""
    from piiguard.ids._checksum import luhn_calc

    text = "11010519491231002X"
    assert spans("证件" + text) == [("CN_RESIDENT_ID", text)]
    body = "621381234567800000"
    card = body + luhn_calc(body)
    assert spans("卡号" + card) == [("CN_BANK_CARD", card)]
    bad = body + str((int(luhn_calc(body)) + 1) % 10)
    assert spans("卡号" + bad) == []


@given(chinese_text, resident_ids(), chinese_text)
def test_generated_ids_found_with_exact_offsets(before: str, value: str, after: str) -> None:
    """A valid ID embedded in Chinese text is found exactly where it is."""
    text = before + "身份证" + value + "。" + after
    results = [r for r in piiguard.analyze(text, entities=["CN_RESIDENT_ID"])]
    assert [(r.start, r.end) for r in results] == [(len(before) + 3, len(before) + 3 + len(value))]


@given(chinese_text, bank_cards(), chinese_text)
def test_generated_cards_found(before: str, value: str, after: str) -> None:
    """A valid UnionPay card next to 卡号 is found with exact offsets."""
    text = before + "卡号" + value + "，" + after
    found = [(r.entity_type, r.start, r.end) for r in piiguard.analyze(text, entities=STRUCTURED)]
    start = len(before) + 2
    assert ("CN_BANK_CARD", start, start + len(value)) in found


@given(chinese_text, usccs(), chinese_text)
def test_generated_usccs_found(before: str, value: str, after: str) -> None:
    """A valid USCC is found with exact offsets."""
    text = before + "信用代码" + value + "。" + after
    found = [(r.entity_type, r.start, r.end) for r in piiguard.analyze(text, entities=["CN_USCC"])]
    assert found == [("CN_USCC", len(before) + 4, len(before) + 4 + len(value))]


@given(st.lists(st.one_of(mobiles(), resident_ids(), bank_cards()), min_size=2, max_size=4),
       st.sampled_from([" ", ",", "，", "、", "/", "; "]))
def test_identifiers_in_a_list_are_each_found(values: list[str], sep: str) -> None:
    """Valid unspaced identifiers listed with a space, comma or slash between them are all found."""
    text = "联系方式：" + sep.join(values)
    found = [text[r.start : r.end] for r in piiguard.analyze(text, entities=STRUCTURED)]
    assert found == values


@given(chinese_text, mobiles(),
       st.sampled_from(["plain", "spaced", "dashed", "dotted", "86-glued", "fullwidth", "zero-width"]), chinese_text)
def test_phone_variants_round_trip_offsets(before: str, number: str, form: str, after: str) -> None:
    """Spaced, dashed, full-width and zero-width-split phones map back to the span as written."""
    written = {
        "plain": number,
        "spaced": f"{number[:3]} {number[3:7]} {number[7:]}",
        "dashed": f"{number[:3]}-{number[3:7]}-{number[7:]}",
        "dotted": f"{number[:3]}.{number[3:7]}.{number[7:]}",
        "86-glued": "86" + number,
        "fullwidth": to_fullwidth(number),
        "zero-width": number[:3] + "\u200b" + number[3:],
    }[form]
    text = before + "手机：" + written + "。" + after
    results = piiguard.analyze(text, entities=["PHONE_NUMBER"])
    assert [text[r.start : r.end] for r in results] == [written]


@pytest.mark.parametrize("bad", [None, 123, b"13812345678", ["13812345678"]])
def test_non_str_is_type_error(bad: object) -> None:
    """A non-str argument raises TypeError naming the type, not the value."""
    with pytest.raises(TypeError, match="must be str"):
        piiguard.analyze(bad)  # type: ignore[arg-type]


def test_empty_text() -> None:
    """Empty text gives no findings."""
    assert piiguard.analyze("") == []


@pytest.mark.parametrize(
    "noise", ["\x00\x01\x1f", "😀🎉", "\ud800", "\udfff", "\u202e", "\u0301\u0301", "\U0002a6a5"]
)
def test_odd_characters_do_not_break_detection(noise: str) -> None:
    """Control characters, emoji, lone surrogates, RTL marks and astral characters are harmless."""
    text = noise + "手机13812345678" + noise
    found = piiguard.analyze(text, entities=STRUCTURED)
    assert [text[r.start : r.end] for r in found] == ["13812345678"]


def test_ten_megabytes() -> None:
    """A 10 MB text without newlines is scanned, and offsets at its end are right."""
    text = "无关文字，" * 2_000_000 + "手机13812345678"
    found = piiguard.analyze(text, entities=STRUCTURED)
    assert [(text[r.start : r.end]) for r in found] == ["13812345678"]
    assert found[0].end == len(text)


def test_metadata_carries_facts_not_values() -> None:
    """recognition_metadata has parsed facts and no copy of the identifier."""
    (r,) = piiguard.analyze("身份证11010519491231002X", entities=["CN_RESIDENT_ID"])
    facts = r.recognition_metadata["facts"]
    assert facts["birth_date"] == "1949-12-31" and facts["gender"] == "female"
    assert "11010519491231002X" not in repr(r.recognition_metadata)
    assert "11010519491231002X" not in str(r)


@given(chinese_text, st.ip_addresses(v=6), chinese_text)
def test_generated_ipv6_found_whole(before: str, address: object, after: str) -> None:
    """Any IPv6 address in its canonical compressed form (fe80::1, ::ffff:192.0.2.1) is found whole."""
    written = str(address)
    text = before + "登录IP " + written + " 。" + after
    found = [(r.start, r.end) for r in piiguard.analyze(text, entities=["IP_ADDRESS"])]
    start = len(before) + 5
    assert found == [(start, start + len(written))]
