"""Strategies: conventions, validity of surrogates, determinism, reversibility, pinned vectors."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piiguard.exceptions import DecryptionError, KeyMaterialError, PolicyError
from piiguard.ids import cn_bank_card, cn_resident_id, cn_uscc, hk_id, phone, tw_id
from piiguard.keys import Key
from piiguard.strategies import anonymizer_engine, available_strategies, get_strategy
from piiguard.strategies.encrypt import decrypt_token, encrypt_value
from piiguard.strategies.fpe import decrypt_value as fpe_decrypt
from piiguard.strategies.fpe import encrypt_value as fpe_encrypt
from piiguard.strategies.mask import surname_length
from piiguard.strategies.pseudonymize import surrogate

from .strategies import bank_cards, mobiles, resident_ids, usccs

KEY = Key(b"0123456789abcdef-demo-key")
OTHER = Key(b"fedcba9876543210-other-key")
ADDRESS_FACTS = {"province": "广东省", "city": "深圳市", "district": "南山区", "rest_start": 9}


def run(name: str, value: str, entity: str, options: Any = None, key: Key | None = KEY,
        facts: dict[str, Any] | None = None) -> str:
    op = get_strategy(name)()
    return op.operate(value, {"entity_type": entity, "options": options, "key": key, "facts": facts or {}})


class TestMask:
    """Chinese masking conventions, one table row each; masking is idempotent."""

    # fmt: off
    @pytest.mark.parametrize("entity, value, facts, expected", [
        ("PHONE_NUMBER", "13812345678", {}, "138****5678"),
        ("PHONE_NUMBER", "+86 138-1234-5678", {}, "+86 138-****-5678"),
        ("PHONE_NUMBER", "86-13812345678", {}, "86-138****5678"),
        ("PHONE_NUMBER", "8613812345678", {}, "86138****5678"),
        ("PHONE_NUMBER", "138.1234.5678", {}, "138.****.5678"),
        ("PHONE_NUMBER", "0755-8888-6666", {"kind": "landline"}, "0755-****-6666"),
        ("PHONE_NUMBER", "010-88886666转801", {}, "010-****6666转***"),
        ("CN_RESIDENT_ID", "11010519491231002X", {}, "110105********002X"),
        ("CN_BANK_CARD", "6222021234567890128", {}, "622202*********0128"),
        ("CN_BANK_CARD", "6222 0212 3456 7890 128", {}, "6222 02** **** ***0 128"),
        ("PERSON", "张伟", {}, "张*"),
        ("PERSON", "张三丰", {}, "张**"),
        ("PERSON", "欧阳娜娜", {}, "欧阳**"),
        ("PERSON", "买买提·艾力", {}, "买**·**"),
        ("CN_ADDRESS", "广东省深圳市南山区科技园路1号", ADDRESS_FACTS, "广东省深圳市南山区******"),
        ("CN_ADDRESS", "北京市朝阳区建国路88号", {}, "北京市朝阳区******"),
        ("EMAIL_ADDRESS", "zhangwei@qq.com", {}, "z*******@qq.com"),
        ("EMAIL_ADDRESS", "a@b.com", {}, "*@b.com"),  # a one-letter local part is masked whole
        ("IP_ADDRESS", "192.168.1.20", {}, "192.168.*.*"),
        ("CN_PASSPORT", "E12345678", {}, "E*******8"),
        ("DATE_OF_BIRTH", "1990-05-12", {}, "1990-**-**"),
        ("DATE_OF_BIRTH", "12/05/1985", {}, "**/**/1985"),  # the year last keeps the year
        ("SOMETHING_NEW", "abcdef", {}, "a****f"),
    ])
    # fmt: on
    def test_convention(self, entity: str, value: str, facts: dict[str, Any], expected: str) -> None:
        out = run("mask", value, entity, facts=facts)
        assert out == expected
        assert run("mask", out, entity, facts=facts) == out  # idempotent

    def test_options(self) -> None:
        assert run("mask", "13812345678", "PHONE_NUMBER", {"keep_first": 0, "keep_last": 2}) == "*********78"
        assert run("mask", "13812345678", "PHONE_NUMBER", "#") == "138####5678"

    def test_short_values_keep_less(self) -> None:
        assert run("mask", "1234", "CN_BANK_CARD") == "1**4"
        assert run("mask", "123456789", "CN_BANK_CARD") == "123***789"

    @given(mobiles())
    def test_idempotent_property(self, number: str) -> None:
        once = run("mask", number, "PHONE_NUMBER")
        assert run("mask", once, "PHONE_NUMBER") == once
        assert number[3:7] not in once[3:7]


class TestReplaceRedact:
    """Labels in Chinese or English; redact removes."""

    def test_labels(self) -> None:
        assert run("replace", "13812345678", "PHONE_NUMBER") == "<手机号>"
        assert run("replace", "13812345678", "PHONE_NUMBER", "en") == "<PHONE_NUMBER>"
        assert run("replace", "010-88886666", "PHONE_NUMBER", facts={"kind": "landline"}) == "<电话>"
        assert run("replace", "x", "NEW_TYPE") == "<NEW_TYPE>"
        assert run("redact", "张伟", "PERSON") == ""


class TestHash:
    """Keyed HMAC-SHA256 on the canonical form; never without a key."""

    def test_vectors(self) -> None:
        assert run("hash", "张伟", "PERSON") == "d49a651a06b1f7b1"
        assert run("hash", "11010519491231002X", "CN_RESIDENT_ID") == "c554d2f99d53c0ac"
        assert run("hash", "11010519491231002x", "CN_RESIDENT_ID") == "c554d2f99d53c0ac"

    def test_keyed(self) -> None:
        assert run("hash", "张伟", "PERSON", key=OTHER) != run("hash", "张伟", "PERSON")
        with pytest.raises(KeyMaterialError):
            run("hash", "张伟", "PERSON", key=None)

    def test_length(self) -> None:
        assert len(run("hash", "张伟", "PERSON", {"length": 64})) == 64


class TestEncrypt:
    """AEAD tokens: round trip, determinism, tamper and wrong-key detection."""

    def test_vectors(self) -> None:
        assert encrypt_value("张伟", "PERSON", KEY, deterministic=True) == "⟦PII:PERSON:Ao_PWC2VetQaqDLM59hFNnBR2KS5mU8⟧"
        assert (encrypt_value("11010519491231002X", "CN_RESIDENT_ID", KEY, deterministic=True)
                == "⟦PII:CN_RESIDENT_ID:Arai4E5pJJ9KmTLWGPoYQ2E89lLnzpvHu67UDJTTlMoaIZ4⟧")

    @given(st.text(min_size=1, max_size=40), st.booleans())
    def test_round_trip(self, value: str, deterministic: bool) -> None:
        token = encrypt_value(value, "PERSON", KEY, deterministic=deterministic)
        assert decrypt_token(token, KEY) == ("PERSON", value)

    def test_random_mode_is_unlinkable(self) -> None:
        assert encrypt_value("张伟", "PERSON", KEY) != encrypt_value("张伟", "PERSON", KEY)

    def test_wrong_key(self) -> None:
        with pytest.raises(DecryptionError):
            decrypt_token(encrypt_value("张伟", "PERSON", KEY), OTHER)

    @pytest.mark.parametrize("deterministic", [False, True])
    def test_tampered(self, deterministic: bool) -> None:
        token = encrypt_value("11010519491231002X", "CN_RESIDENT_ID", KEY, deterministic=deterministic)
        payload_at = token.rindex(":") + 1
        for i in range(payload_at, len(token) - 1):
            flipped = "A" if token[i] != "A" else "B"
            bad = token[:i] + flipped + token[i + 1:]
            with pytest.raises(DecryptionError) as info:
                decrypt_token(bad, KEY)
            assert "11010519491231002X" not in str(info.value)
        with pytest.raises(DecryptionError):
            decrypt_token(token.replace("CN_RESIDENT_ID", "PERSON"), KEY)  # relabelled
        with pytest.raises(DecryptionError):
            decrypt_token(token[:-6] + "⟧", KEY)  # truncated


class TestPseudonymize:
    """Surrogates validate, are deterministic per key, differ across keys and keep what is asked."""

    # fmt: off
    VECTORS = [
        ("CN_RESIDENT_ID", "11010519491231002X", "360123196811158215"),
        ("PHONE_NUMBER", "13812345678", "18695035041"),
        ("CN_BANK_CARD", "6222021234567890128", "6222029845219907994"),
        ("CN_USCC", "91110000600037341L", "91110000375765632X"),
        ("PERSON", "张伟", "田琳"),
        ("PERSON", "欧阳娜娜", "东方静莉"),
        ("HK_ID", "A123456(3)", "P951177(A)"),
        ("TW_ID", "A123456789", "E104579341"),
        ("EMAIL_ADDRESS", "zhang.wei@qq.com", "lihu59@qq.com"),
    ]
    # fmt: on

    @pytest.mark.parametrize("entity, value, expected", VECTORS)
    def test_vectors(self, entity: str, value: str, expected: str) -> None:
        assert surrogate(value, entity, KEY) == expected

    @given(resident_ids(), st.sampled_from([(), ("gender",), ("birth_year",), ("region",), ("province", "gender"),
                                            ("birth_date", "gender", "region")]))
    def test_resident_id(self, number: str, keep: tuple[str, ...]) -> None:
        fake = run("pseudonymize", number, "CN_RESIDENT_ID", {"keep": list(keep)})
        assert cn_resident_id.is_valid(fake) and fake != number
        real, new = cn_resident_id.parse(number), cn_resident_id.parse(fake)
        if "gender" in keep:
            assert new["gender"] == real["gender"]
        if "birth_year" in keep or "birth_date" in keep:
            assert new["birth_year"] == real["birth_year"]
        if "region" in keep:
            assert fake[:6] == number[:6]
        if "province" in keep:
            assert fake[:2] == number[:2]
        assert fake == run("pseudonymize", number, "CN_RESIDENT_ID", {"keep": list(keep)})

    @pytest.mark.parametrize(("value", "shape"), [("12/05/1985", r"\d\d/\d\d/1985"),
                                                ("1/5/1985", r"\d{1,2}/\d{1,2}/1985"),
                                                ("12.05.1985", r"\d\d\.\d\d\.1985")])
    def test_date_of_birth_year_last(self, value: str, shape: str) -> None:
        """A birth date written year last becomes another real date written the same way,
        with the year kept when asked."""
        from piiguard.ids import date_of_birth

        fake = run("pseudonymize", value, "DATE_OF_BIRTH", {"keep": ["birth_year"]})
        assert date_of_birth.is_valid(fake) and re.fullmatch(shape, fake), fake

    @given(mobiles())
    def test_phone(self, number: str) -> None:
        fake = run("pseudonymize", number, "PHONE_NUMBER")
        assert phone.is_valid(fake) and fake != number
        assert run("pseudonymize", number, "PHONE_NUMBER", key=OTHER) != fake

    def test_phone_layout_and_forms(self) -> None:
        spaced = run("pseudonymize", "+86 138 1234 5678", "PHONE_NUMBER")
        plain = run("pseudonymize", "13812345678", "PHONE_NUMBER")
        assert spaced == "+86 " + plain[:3] + " " + plain[3:7] + " " + plain[7:]
        landline = run("pseudonymize", "0755-8888-6666", "PHONE_NUMBER")
        assert landline.startswith("0755-") and phone.is_valid(landline)

    @given(bank_cards())
    def test_bank_card(self, number: str) -> None:
        fake = run("pseudonymize", number, "CN_BANK_CARD")
        assert cn_bank_card.is_valid(fake) and fake[:6] == number[:6] and len(fake) == len(number)

    @given(usccs())
    def test_uscc(self, code: str) -> None:
        fake = run("pseudonymize", code, "CN_USCC")
        assert cn_uscc.is_valid(fake) and fake != code

    def test_hk_tw(self) -> None:
        assert hk_id.is_valid(run("pseudonymize", "AB987654" + hk_id.calc_check_digit("AB987654"), "HK_ID"))
        fake = run("pseudonymize", "A223456781", "TW_ID") if tw_id.is_valid("A223456781") else "A2"
        assert fake[1] == "2"

    @given(st.sampled_from(["张伟", "王芳", "欧阳娜娜", "司马相如", "李小龙", "诸葛亮"]))
    def test_person(self, name: str) -> None:
        fake = run("pseudonymize", name, "PERSON")
        assert len(fake) == len(name) and fake != name
        assert all("\u4e00" <= c <= "\u9fff" for c in fake)
        assert surname_length(fake) == surname_length(name)

    def test_address_same_city(self) -> None:
        fake = run("pseudonymize", "广东省深圳市南山区科技园路1号3栋201室", "CN_ADDRESS", facts=ADDRESS_FACTS)
        assert fake.startswith("广东省深圳市") and "科技园" not in fake and "室" in fake
        kept = run("pseudonymize", "广东省深圳市南山区科技园路1号", "CN_ADDRESS", {"keep": ["district"]},
                   facts=ADDRESS_FACTS)
        assert kept.startswith("广东省深圳市南山区")
        beijing = run("pseudonymize", "北京市朝阳区建国路88号", "CN_ADDRESS",
                      facts={"province": "北京市", "city": "北京市", "district": "朝阳区", "rest_start": 6})
        assert beijing.startswith("北京市") and not beijing.startswith("北京市北京市")
        anywhere = run("pseudonymize", "某地某路1号", "CN_ADDRESS")
        assert anywhere != "某地某路1号"

    def test_other_entities(self) -> None:
        assert run("pseudonymize", "192.168.1.20", "IP_ADDRESS").startswith("10.")
        assert run("pseudonymize", "https://a.cn/u/1", "URL").startswith("https://example.com/")
        assert run("pseudonymize", "E12345678", "CN_PASSPORT")[0] == "E"
        plate = run("pseudonymize", "粤B·D12345", "CN_LICENSE_PLATE")
        assert plate[0] == "粤" and plate != "粤B·D12345"
        assert run("pseudonymize", "ab-12", "NEW_TYPE") != "ab-12"


class TestFpe:
    """FF3-1 on digits: same format, reversible, public prefix and check digits kept valid."""

    # fmt: off
    @pytest.mark.parametrize("entity, value, expected", [
        ("CN_RESIDENT_ID", "11010519491231002X", "110105300304791313"),
        ("PHONE_NUMBER", "13812345678", "13899575623"),
        ("CN_BANK_CARD", "6222021234567890128", "6222025219443393450"),
    ])
    # fmt: on
    def test_vectors(self, entity: str, value: str, expected: str) -> None:
        assert fpe_encrypt(value, entity, KEY) == expected
        assert fpe_decrypt(expected, entity, KEY) == value

    @given(bank_cards())
    def test_card_round_trip(self, number: str) -> None:
        enc = fpe_encrypt(number, "CN_BANK_CARD", KEY)
        assert cn_bank_card.is_valid(enc) and enc[:6] == number[:6]
        assert fpe_decrypt(enc, "CN_BANK_CARD", KEY) == number

    @given(resident_ids())
    def test_id_round_trip(self, number: str) -> None:
        enc = fpe_encrypt(number, "CN_RESIDENT_ID", KEY)
        assert len(enc) == 18 and enc[:6] == number[:6]
        assert fpe_decrypt(enc, "CN_RESIDENT_ID", KEY) == number

    @given(mobiles())
    def test_phone_round_trip(self, number: str) -> None:
        enc = fpe_encrypt(number, "PHONE_NUMBER", KEY)
        assert enc[:3] == number[:3] and fpe_decrypt(enc, "PHONE_NUMBER", KEY) == number

    def test_layout(self) -> None:
        enc = fpe_encrypt("+86 138-1234-5678", "PHONE_NUMBER", KEY)
        assert enc[:8] == "+86 138-" and enc[12] == "-"
        assert fpe_decrypt(enc, "PHONE_NUMBER", KEY) == "+86 138-1234-5678"

    def test_too_short(self) -> None:
        with pytest.raises(PolicyError, match="at least 6 digits"):
            fpe_encrypt("A12345", "CN_PASSPORT", KEY)


class TestGeneralize:
    """Coarser facts: address levels, ID region + birth year or age band, dates to years."""

    # fmt: off
    @pytest.mark.parametrize("entity, value, options, facts, expected", [
        ("CN_ADDRESS", "广东省深圳市南山区科技园路1号", None, ADDRESS_FACTS, "广东省深圳市"),
        ("CN_ADDRESS", "广东省深圳市南山区科技园路1号", "province", ADDRESS_FACTS, "广东省"),
        ("CN_ADDRESS", "广东省深圳市南山区科技园路1号", "district", ADDRESS_FACTS, "广东省深圳市南山区"),
        ("CN_ADDRESS", "北京市朝阳区建国路88号", "city", {"province": "北京市", "city": "北京市"}, "北京市"),
        ("CN_ADDRESS", "深圳南山", "city", {"city": "深圳市"}, "广东省深圳市"),
        ("CN_ADDRESS", "某处", "city", {}, "<地址>"),
        ("CN_RESIDENT_ID", "11010519491231002X", None, {}, "北京市1949年生"),
        ("CN_RESIDENT_ID", "11010519491231002X", {"level": "age_band", "as_of": "2024-06-01"}, {}, "北京市70-79岁"),
        ("CN_RESIDENT_ID", "11010519491231002X", "province", {}, "北京市"),
        ("DATE_OF_BIRTH", "1990年5月3日", None, {}, "1990年"),
        ("DATE_OF_BIRTH", "1990-05-03", None, {}, "1990年"),
        ("DATE_OF_BIRTH", "03/05/1990", None, {}, "1990年"),
        ("PHONE_NUMBER", "0755-88886666", None, {}, "0755电话"),
        ("PHONE_NUMBER", "13812345678", None, {}, "手机号"),
        ("CN_BANK_CARD", "6222021234567890128", None, {}, "<银行卡号>"),
    ])
    # fmt: on
    def test_levels(self, entity: str, value: str, options: Any, facts: dict[str, Any], expected: str) -> None:
        assert run("generalize", value, entity, options, facts=facts) == expected


class TestPresidioCompatibility:
    """The strategies run on Presidio's own AnonymizerEngine; configs print no key."""

    def test_engine(self) -> None:
        from presidio_analyzer import RecognizerResult
        from presidio_anonymizer.entities import OperatorConfig

        engine = anonymizer_engine()
        text = "手机13812345678"
        config = OperatorConfig("encrypt", {"key": KEY, "options": {"mode": "deterministic"}})
        out = engine.anonymize(text, [RecognizerResult("PHONE_NUMBER", 2, 13, 1.0)], {"PHONE_NUMBER": config})
        assert decrypt_token(out.text[2:], KEY) == ("PHONE_NUMBER", "13812345678")
        assert "0123456789abcdef" not in repr(config) and KEY.fingerprint in repr(config)
        masked = engine.anonymize(text, [RecognizerResult("PHONE_NUMBER", 2, 13, 1.0)],
                                  {"PHONE_NUMBER": OperatorConfig("mask")})
        assert masked.text == "手机138****5678"

    def test_registry(self) -> None:
        assert {"replace", "redact", "mask", "hash", "encrypt", "pseudonymize", "fpe", "generalize"} <= set(
            available_strategies())
        with pytest.raises(PolicyError, match="valid: encrypt"):
            get_strategy("nope")


@settings(max_examples=300, deadline=None)
@given(value=st.text(alphabet="0123456789ab张伟 -()·", max_size=24),
       keep_first=st.integers(0, 6), keep_last=st.integers(0, 6))
def test_mask_positions_fast_path_matches_slot_rule(value: str, keep_first: int, keep_last: int) -> None:
    """The no-separator fast path masks exactly the characters the slot rule masks."""
    from piiguard.strategies.mask import _SEPARATORS, _mask_positions

    slots = [i for i, c in enumerate(value) if c not in _SEPARATORS]
    n = len(slots)
    kf, kl = keep_first, keep_last
    if kf + kl >= n:
        kf, kl = min(kf, n // 3), min(kl, n // 3)
    hidden = set(slots[kf:n - kl])
    expected = "".join("*" if i in hidden else c for i, c in enumerate(value))
    assert _mask_positions(value, keep_first, keep_last, "*") == expected
