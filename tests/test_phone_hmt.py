"""Hong Kong, Macau and Taiwan phone numbers written with their country code."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import piiguard
from piiguard.ids import phone_hmt
from piiguard.keys import Key
from piiguard.strategies import get_strategy
from piiguard.strategies.fpe import decrypt_value as fpe_decrypt
from piiguard.strategies.fpe import encrypt_value as fpe_encrypt

from .strategies import chinese_text

KEY = Key(b"0123456789abcdef-demo-key")


def phones(text: str) -> list[str]:
    return [text[r.start:r.end] for r in piiguard.analyze(text, entities=["PHONE_NUMBER"])]


# fmt: off
@pytest.mark.parametrize("value, region, kind", [
    ("+852 9123 4567", "HK", "mobile"),
    ("+852 2123 4567", "HK", "landline"),
    ("00852-6123-4567", "HK", "mobile"),
    ("(852) 5123 4567", "HK", "mobile"),
    ("(+853)6612 3456", "MO", "mobile"),
    ("+853 2888 1234", "MO", "landline"),
    ("+886 912 345 678", "TW", "mobile"),
    ("+886 0912-345-678", "TW", "mobile"),
    ("+886-2-2345-6789", "TW", "landline"),
    ("+886 (0)2 2345 6789", "TW", "landline"),
    ("+852 9912 3456", "HK", "mobile"),     # a block phonenumbers does not list yet
    ("+852-99402271", "HK", "mobile"),
])
# fmt: on
def test_valid(value: str, region: str, kind: str) -> None:
    assert phone_hmt.is_valid(value)
    facts = phone_hmt.parse(value)
    assert (facts["region"], facts["kind"]) == (region, kind)


@pytest.mark.parametrize("value", [
    "+852 1234 5678",    # HK numbers do not start with 1
    "+852 9123 456",     # seven digits
    "+853 1234 5678",    # no Macau range
    "+886 112 345 678",  # no Taiwan range
    "+86 138 1234 5678",  # mainland: the phone validator's
    "91234567",          # no country code
    "",
])
def test_invalid(value: str) -> None:
    assert not phone_hmt.is_valid(value)


def test_compact_is_the_same_for_every_spelling() -> None:
    assert {phone_hmt.compact(v) for v in ("+852 9123 4567", "00852-9123-4567", "(852)91234567")} == {"85291234567"}


# fmt: off
@pytest.mark.parametrize("text, written", [
    ("香港手机 +852 9123 4567，请回电", "+852 9123 4567"),
    ("澳门电话+853 2888 1234", "+853 2888 1234"),
    ("联系电话(852)9123-4567", "(852)9123-4567"),
    ("台湾客户：+886 912-345-678。", "+886 912-345-678"),
    ("办公室 +886 (0)2 2345 6789", "+886 (0)2 2345 6789"),
    ("電話：＋８５２ ９１２３ ４５６７", "＋８５２ ９１２３ ４５６７"),
    ("电话 852 9123 4567", "852 9123 4567"),  # no plus: only next to a phone label
])
# fmt: on
def test_found_whole(text: str, written: str) -> None:
    assert phones(text) == [written]


@pytest.mark.parametrize("text", [
    "编号 852 9123 4567",       # no plus and a number label
    "批次852 9123 4567",        # no plus, no phone label
    "+852 1234 5678",           # not a Hong Kong range
    "金额+852 9123 4567元",      # an amount
    "序列号X+85291234567",       # inside a longer run
    "订单号：00852912345678",    # a longer digit run
])
def test_not_found(text: str) -> None:
    assert phones(text) == []


@given(chinese_text, st.sampled_from(["+852 9123 4567", "(853)6612 3456", "+886 912-345-678", "00852 2123 4567"]),
       chinese_text)
def test_offsets_in_random_text(before: str, value: str, after: str) -> None:
    text = f"{before}，{value}，{after}"
    found = [r for r in piiguard.analyze(text) if r.entity_type == "PHONE_NUMBER"]
    assert [(r.start, r.end) for r in found] == [(len(before) + 1, len(before) + 1 + len(value))]


# fmt: off
@pytest.mark.parametrize("value, masked", [
    ("+852 9123 4567", "+852 **** 4567"),
    ("(853)6612 3456", "(853)**** 3456"),
    ("+886 912-345-678", "+886 ***-**5-678"),
    ("00886 0912345678", "00886 ******5678"),
])
# fmt: on
def test_mask_keeps_country_code_and_last_four(value: str, masked: str) -> None:
    op = get_strategy("mask")()
    out = op.operate(value, {"entity_type": "PHONE_NUMBER", "facts": {}})
    assert out == masked
    assert op.operate(out, {"entity_type": "PHONE_NUMBER", "facts": {}}) == masked  # idempotent


def test_a_short_local_number_is_not_read_as_a_country_code() -> None:
    """852 1234 is a seven-digit local landline, not +852 with four digits left."""
    assert get_strategy("mask")().operate("852 1234", {"entity_type": "PHONE_NUMBER", "facts": {}}) == "*** 1234"


@pytest.mark.parametrize("value", ["+852 9123 4567", "(853)6612 3456", "+886 912-345-678", "+886-2-2345-6789"])
def test_pseudonym_keeps_country_code_layout_and_kind(value: str) -> None:
    op = get_strategy("pseudonymize")()
    out = op.operate(value, {"entity_type": "PHONE_NUMBER", "key": KEY, "facts": {}})
    assert out != value
    assert [c.isdigit() for c in out] == [c.isdigit() for c in value]
    prefix = value[:5]
    assert out.startswith(prefix)
    assert out[len(prefix)] == value[len(prefix)]  # the first national digit: mobile stays mobile
    assert op.operate(value, {"entity_type": "PHONE_NUMBER", "key": KEY, "facts": {}}) == out  # consistent


@pytest.mark.parametrize("value", ["+852 9123 4567", "+886 912-345-678", "00886 0912345678"])
def test_fpe_round_trip_keeps_country_code(value: str) -> None:
    enc = fpe_encrypt(value, "PHONE_NUMBER", KEY)
    assert enc != value and enc[:5] == value[:5]
    assert fpe_decrypt(enc, "PHONE_NUMBER", KEY) == value


def test_redact_default_policy() -> None:
    assert piiguard.redact("香港手机 +852 9123 4567") == "香港手机 +852 **** 4567"


# fmt: off
@pytest.mark.parametrize("text, written", [
    ("手機：0912-345-678", "0912-345-678"),           # Taiwan's domestic forms, after a label
    ("行動電話：0933123456", "0933123456"),
    ("電話：02-2712-3456", "02-2712-3456"),
    ("電話 (02) 2712-3456", "(02) 2712-3456"),
    ("請致電 9123 4567 與陳先生聯絡", "9123 4567"),     # 致電: please call
    ("聯絡電話：+852 9912 3456", "+852 9912 3456"),
])
# fmt: on
def test_domestic_forms_after_a_label(text: str, written: str) -> None:
    assert phones(text) == [written]


@pytest.mark.parametrize("text", ["0912-345-678", "訂單號 0912345678", "编号02-2712-3456", "手機：0012-345-678"])
def test_domestic_forms_need_a_phone_label(text: str) -> None:
    assert phones(text) == []


def test_taiwan_domestic_validator() -> None:
    from piiguard.ids import phone_tw_local

    assert phone_tw_local.parse("(02) 2712-3456") == {"kind": "landline", "region": "TW", "country_code": "886"}
    assert phone_tw_local.compact("0912-345-678") == "0912345678"
    assert not phone_tw_local.is_valid("13812345678")
