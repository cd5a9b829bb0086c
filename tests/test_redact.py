"""redact_text / restore_text: policies applied to findings, offsets, idempotence, round trips, leaks."""

from __future__ import annotations

import logging
import time
import warnings
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from presidio_analyzer import RecognizerResult

from piiguard._redact import redact_text, resolve_overlaps, restore_text
from piiguard._types_redact import RedactedItem, RedactionResult
from piiguard.exceptions import DecryptionError, KeyMaterialError
from piiguard.ids import cn_resident_id, phone
from piiguard.keys import ENV_VAR, Key
from piiguard.policy import Policy
from piiguard.strategies import Strategy, register_strategy, unregister_strategy

from .strategies import chinese_text, mobiles, resident_ids

KEY = Key(b"0123456789abcdef-demo-key")
OTHER = Key(b"fedcba9876543210-other-key")

NAME, PHONE, ID = "张伟", "13812345678", "11010519491231002X"
ADDRESS = "广东省深圳市南山区科技园路1号"
TEXT = f"客户{NAME}，手机{PHONE}，身份证{ID}，住{ADDRESS}"
RAW = (NAME, PHONE, ID, ADDRESS)


def findings(text: str = TEXT) -> list[RecognizerResult]:
    """Hand-made analyzer output for TEXT (what piiguard.analyze reports)."""
    out = []
    for entity, value, facts in (
        ("PERSON", NAME, {}),
        ("PHONE_NUMBER", PHONE, {"kind": "mobile"}),
        ("CN_RESIDENT_ID", ID, cn_resident_id.parse(ID)),
        ("CN_ADDRESS", ADDRESS, {"province": "广东省", "city": "深圳市", "district": "南山区", "rest_start": 9}),
    ):
        start = text.find(value)
        if start >= 0:
            out.append(RecognizerResult(entity, start, start + len(value), 0.9,
                                        recognition_metadata={"facts": facts}))
    return out


POLICIES: list[Any] = ["mask", "pseudonymize", "strict", "remove", "handover",
                       {"CN_RESIDENT_ID": "encrypt", "PHONE_NUMBER": "mask", "PERSON": "pseudonymize",
                        "CN_ADDRESS": {"generalize": "city"}},
                       {"default": "hash"}, {"default": {"encrypt": "deterministic"}}]


class TestRedact:
    """Policies applied to findings: nothing raw survives; items describe the output."""

    def test_issue_example(self) -> None:
        r = redact_text("客户张伟，手机13812345678", findings("客户张伟，手机13812345678"), None, None)
        assert r.text == "客户张*，手机138****5678"

    @pytest.mark.parametrize("policy", POLICIES, ids=repr)
    def test_no_raw_value_survives(self, policy: Any) -> None:
        r = redact_text(TEXT, findings(), policy, KEY)
        for value in RAW:
            assert value not in r.text
        assert len(r.items) == 4

    @pytest.mark.parametrize("policy", POLICIES, ids=repr)
    def test_numbers_in_chinese_numerals(self, policy: Any) -> None:
        """A phone or ID spelled in Chinese numerals is found and no policy leaves it as written."""
        import piiguard

        text = "他的手机是一三八一二三四五六七八，身份证一一零一零五一九四九一二三一零零二X"
        found = [text[r.start:r.end] for r in piiguard.analyze(text, entities=["PHONE_NUMBER", "CN_RESIDENT_ID"])]
        assert found == ["一三八一二三四五六七八", "一一零一零五一九四九一二三一零零二X"]
        out = piiguard.redact(text, policy=policy, key=KEY)
        assert all(value not in out for value in found)

    @pytest.mark.parametrize("policy", POLICIES, ids=repr)
    def test_item_offsets(self, policy: Any) -> None:
        r = redact_text(TEXT, findings(), policy, KEY)
        items = list(r.items)
        # the text between items is the original text between findings
        prev_in, prev_out = 0, 0
        for item in items:
            assert TEXT[prev_in:item.start] == r.text[prev_out:item.redacted_start]
            prev_in, prev_out = item.end, item.redacted_end
        assert TEXT[prev_in:] == r.text[prev_out:]
        assert [i.entity_type for i in items] == ["PERSON", "PHONE_NUMBER", "CN_RESIDENT_ID", "CN_ADDRESS"]

    def test_items_record_strategy(self) -> None:
        r = redact_text(TEXT, findings(), "handover", KEY)
        assert {i.entity_type: i.strategy for i in r.items} == {
            "PERSON": "pseudonymize", "PHONE_NUMBER": "pseudonymize", "CN_RESIDENT_ID": "encrypt",
            "CN_ADDRESS": "generalize"}

    @pytest.mark.parametrize("policy", ["pseudonymize", "handover", {"default": "hash"}], ids=repr)
    def test_deterministic_per_key(self, policy: Any) -> None:
        a = redact_text(TEXT, findings(), policy, KEY).text
        assert a == redact_text(TEXT, findings(), policy, Key(b"0123456789abcdef-demo-key")).text
        assert a != redact_text(TEXT, findings(), policy, OTHER).text

    def test_pinned_handover(self) -> None:
        r = redact_text(TEXT, findings(), "handover", KEY)
        assert r.text == ("客户田琳，手机18695035041，"
                          "身份证⟦PII:CN_RESIDENT_ID:Arai4E5pJJ9KmTLWGPoYQ2E89lLnzpvHu67UDJTTlMoaIZ4⟧，住广东省深圳市")

    def test_surrogates_validate(self) -> None:
        r = redact_text(TEXT, findings(), "pseudonymize", KEY)
        by_type = {i.entity_type: r.text[i.redacted_start:i.redacted_end] for i in r.items}
        assert cn_resident_id.is_valid(by_type["CN_RESIDENT_ID"])
        assert phone.is_valid(by_type["PHONE_NUMBER"])
        assert by_type["CN_ADDRESS"].startswith("广东省深圳市")

    def test_key_required(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv(ENV_VAR, raising=False)
        with pytest.raises(KeyMaterialError, match=ENV_VAR):
            redact_text(TEXT, findings(), "pseudonymize", None)
        with pytest.raises(KeyMaterialError):  # fails fast, even with nothing found
            redact_text("nothing here", [], "handover", None)
        monkeypatch.setenv(ENV_VAR, "0123456789abcdef-demo-key")
        assert redact_text(TEXT, findings(), "pseudonymize", None).text == \
            redact_text(TEXT, findings(), "pseudonymize", KEY).text

    def test_type_error(self) -> None:
        with pytest.raises(TypeError):
            redact_text(b"bytes", [], "mask", None)  # type: ignore[arg-type]

    def test_overlaps(self) -> None:
        text = "卡号6222021234567890128"
        card = RecognizerResult("CN_BANK_CARD", 2, 21, 1.0)
        inner = RecognizerResult("PHONE_NUMBER", 5, 16, 0.4)
        assert resolve_overlaps([inner, card]) == [card]
        r = redact_text(text, [inner, card], "strict", None)
        assert r.text == "卡号<银行卡号>" and len(r.items) == 1

    def test_tokens_are_not_redacted_again(self) -> None:
        once = redact_text(TEXT, findings(), {"default": "encrypt"}, KEY).text
        # a detector firing inside a token's payload is ignored
        start = once.index("⟦") + 5
        bogus = [RecognizerResult("PHONE_NUMBER", start, start + 11, 1.0)]
        assert redact_text(once, bogus, "mask", KEY).text == once


class TestIdempotence:
    """Masking twice gives the same string (the masked forms are stable under the mask)."""

    @pytest.mark.parametrize("policy", ["mask", "strict", "remove"])
    def test_twice(self, policy: str) -> None:
        once = redact_text(TEXT, findings(), policy, None)
        # re-detection finds masked forms at the same places, or nothing: both are stable
        again_results = [RecognizerResult(i.entity_type, i.redacted_start, i.redacted_end, 0.9,
                                          recognition_metadata={"facts": f.recognition_metadata["facts"]})
                         for i, f in zip(once.items, findings()) if i.redacted_end > i.redacted_start]
        assert redact_text(once.text, again_results, policy, None).text == once.text
        assert redact_text(once.text, [], policy, None).text == once.text

    @given(chinese_text, mobiles(), resident_ids(), chinese_text)
    def test_property(self, a: str, number: str, rid: str, b: str) -> None:
        text = f"{a}{number}，{rid}{b}"
        rs = [RecognizerResult("PHONE_NUMBER", len(a), len(a) + 11, 1.0),
              RecognizerResult("CN_RESIDENT_ID", len(a) + 12, len(a) + 30, 1.0)]
        once = redact_text(text, rs, "mask", None)
        assert number not in once.text and rid not in once.text
        again = [RecognizerResult(i.entity_type, i.redacted_start, i.redacted_end, 1.0) for i in once.items]
        assert redact_text(once.text, again, "mask", None).text == once.text


class TestRestore:
    """Tokens are found and reversed wherever they appear; wrong key or tampering is an error."""

    def test_prompt_reply_restore(self) -> None:
        policy = {"CN_RESIDENT_ID": "encrypt", "PERSON": "encrypt", "PHONE_NUMBER": {"encrypt": "deterministic"},
                  "CN_ADDRESS": {"generalize": "city"}}
        prompt = redact_text(TEXT, findings(), policy, KEY)
        tokens = {i.entity_type: prompt.text[i.redacted_start:i.redacted_end] for i in prompt.items}
        # an LLM reply: new sentences that reorder and repeat the tokens
        reply = (f"好的。{tokens['PERSON']}的身份证号是{tokens['CN_RESIDENT_ID']}。\n"
                 f"请拨打{tokens['PHONE_NUMBER']}联系{tokens['PERSON']}（地址：{tokens['CN_ADDRESS']}）。")
        restored = restore_text(reply, KEY)
        assert restored == (f"好的。{NAME}的身份证号是{ID}。\n请拨打{PHONE}联系{NAME}（地址：广东省深圳市）。")

    @pytest.mark.parametrize("policy", ["handover", {"default": "encrypt"}], ids=repr)
    def test_round_trip(self, policy: Any) -> None:
        r = redact_text(TEXT, findings(), policy, KEY)
        restored = restore_text(r.text, KEY)
        assert ID in restored
        if policy != "handover":
            assert restored == TEXT

    @given(st.text(min_size=1, max_size=30), chinese_text)
    def test_round_trip_property(self, value: str, around: str) -> None:
        text = around + value + around
        rs = [RecognizerResult("PERSON", len(around), len(around) + len(value), 1.0)]
        r = redact_text(text, rs, {"default": "encrypt"}, KEY)
        assert restore_text(r.text, KEY) == text

    def test_wrong_key_and_tamper(self) -> None:
        r = redact_text(TEXT, findings(), {"default": "encrypt"}, KEY)
        with pytest.raises(DecryptionError):
            restore_text(r.text, OTHER)
        assert restore_text(r.text, OTHER, errors="keep") == r.text
        i = r.text.index("⟦PII:PERSON:") + 15
        tampered = r.text[:i] + ("x" if r.text[i] != "x" else "y") + r.text[i + 1:]
        with pytest.raises(DecryptionError) as info:
            restore_text(tampered, KEY)
        assert NAME not in str(info.value)

    def test_plain_text_untouched(self) -> None:
        assert restore_text("没有令牌", KEY) == "没有令牌"
        with pytest.raises(ValueError):
            restore_text("x", KEY, errors="ignore")


class Stars(Strategy):
    """A user strategy: a fixed number of stars per entity type."""

    name = "stars"

    def apply(self, value: str, entity_type: str, options: Any, key: Key | None, facts: Any) -> str:
        return "★" * 3


class TestCustomStrategy:
    """A user strategy registered by name works in a policy."""

    def test_in_policy(self) -> None:
        register_strategy(Stars)
        try:
            r = redact_text(TEXT, findings(), {"PERSON": "stars"}, None)
            assert r.text.startswith("客户★★★，手机138****5678")
            assert r.items[0].strategy == "stars"
        finally:
            unregister_strategy("stars")


class TestLeaks:
    """No raw value or key appears in reprs, logs, warnings or exception messages."""

    def test_reprs_and_logs(self, caplog: pytest.LogCaptureFixture) -> None:
        caplog.set_level(logging.DEBUG)
        seen: list[str] = []
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for policy in POLICIES:
                r = redact_text(TEXT, findings(), policy, KEY)
                seen += [repr(r), repr(list(r.items)), repr(Policy.coerce(policy)), repr(KEY), str(KEY)]
            for bad in ({"PERSON": "maks"}, {"PERSON": {"mask": {"x": ID}}}):
                try:
                    Policy.coerce(bad)
                except Exception as exc:  # noqa: BLE001
                    seen.append(str(exc))
            try:
                restore_text(redact_text(TEXT, findings(), {"default": "encrypt"}, KEY).text, OTHER)
            except Exception as exc:  # noqa: BLE001
                seen.append(str(exc))
            seen += [str(w.message) for w in caught]
        seen += [rec.getMessage() for rec in caplog.records]
        blob = "\n".join(seen)
        for value in (*RAW, "0123456789abcdef", KEY.derive("hash").hex()):
            assert value not in blob

    def test_item_has_no_value_fields(self) -> None:
        assert set(RedactedItem.__slots__) == {"entity_type", "start", "end", "redacted_start", "redacted_end",
                                               "strategy", "score"}
        r = RedactionResult("x", ())
        assert repr(r) == "RedactionResult(chars=1, items=0, entities=[])"


class TestSpeed:
    """Per-record overhead of applying a policy stays small (loose bound for CI noise)."""

    def test_mask_overhead(self) -> None:
        rs = findings()
        redact_text(TEXT, rs, "mask", None)
        n = 2000
        t = time.perf_counter()
        for _ in range(n):
            redact_text(TEXT, rs, "mask", None)
        per_record_ms = (time.perf_counter() - t) / n * 1e3
        assert per_record_ms < 0.5  # measured ~0.025 ms on a laptop-class CPU


class TestWithAnalyzer:
    """End to end with piiguard.analyze: masked output re-analyzed and re-masked is unchanged."""

    @pytest.mark.parametrize("policy", ["mask", "strict", "remove"])
    def test_idempotent(self, policy: str) -> None:
        import piiguard

        text = TEXT + "，卡号6222021234567890128，邮箱zhang.wei@qq.com"
        once = redact_text(text, piiguard.analyze(text), policy, None).text
        assert redact_text(once, piiguard.analyze(once), policy, None).text == once
        for value in (*RAW, "6222021234567890128", "zhang.wei@qq.com"):
            assert value not in once
