"""Pinned outputs of the keyed strategies, and key handling (issue 8, part 4).

``tests/vectors/pinned.json`` holds, for one fixed key, what ``hash``, ``encrypt``
(deterministic mode), ``fpe`` and ``pseudonymize`` return for a set of values. A customer
base pseudonymized last year must still link with one pseudonymized today: if an
upgrade changes any of these outputs, this test fails. Such a change is a breaking
change (new major version, migration note), never a test to regenerate quietly.

Keys come from an argument, the ``PIIGUARD_KEY`` variable or a file and give the same
outputs; a short key is refused with a clear message; a token that was tampered with
or truncated raises :class:`piiguard.DecryptionError`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import piiguard
from piiguard import DecryptionError, Guard, Key, KeyMaterialError
from piiguard.keys import ENV_VAR
from piiguard.strategies.encrypt import Encrypt, decrypt_token
from piiguard.strategies.fpe import Fpe, decrypt_value
from piiguard.strategies.hash import Hash
from piiguard.strategies.pseudonymize import Pseudonymize

VECTORS = json.loads((Path(__file__).parent / "vectors" / "pinned.json").read_text(encoding="utf-8"))
KEY_TEXT: str = VECTORS["key"]
KEY = Key(KEY_TEXT)


def run(cls: type, entity: str, value: str, key: Key = KEY, options: Any = None,
        facts: dict[str, Any] | None = None) -> str:
    return cls().operate(value, {"entity_type": entity, "key": key, "options": options, "facts": facts or {}})


class TestPinned:
    """Same key, same value: the same output as when the vectors were recorded."""

    @pytest.mark.parametrize("entity,value,expected", VECTORS["hash"])
    def test_hash(self, entity: str, value: str, expected: str) -> None:
        assert run(Hash, entity, value) == expected

    @pytest.mark.parametrize("entity,value,expected", VECTORS["hash_length_32"])
    def test_hash_length(self, entity: str, value: str, expected: str) -> None:
        assert run(Hash, entity, value, options={"length": 32}) == expected

    @pytest.mark.parametrize("entity,value,expected", VECTORS["encrypt_deterministic"])
    def test_encrypt_deterministic(self, entity: str, value: str, expected: str) -> None:
        assert run(Encrypt, entity, value, options={"mode": "deterministic"}) == expected
        assert decrypt_token(expected, KEY) == (entity, value)

    @pytest.mark.parametrize("entity,value,expected", VECTORS["fpe"])
    def test_fpe(self, entity: str, value: str, expected: str) -> None:
        assert run(Fpe, entity, value) == expected
        assert decrypt_value(expected, entity, KEY) == value

    @pytest.mark.parametrize("entity,value,expected", VECTORS["pseudonymize"])
    def test_pseudonymize(self, entity: str, value: str, expected: str) -> None:
        assert run(Pseudonymize, entity, value) == expected

    @pytest.mark.parametrize("entity,value,keep,expected", VECTORS["pseudonymize_keep"])
    def test_pseudonymize_keep(self, entity: str, value: str, keep: list[str], expected: str) -> None:
        facts = {"province": "北京市", "city": "北京市", "district": "朝阳区", "rest_start": 6} \
            if entity == "CN_ADDRESS" else {}
        assert run(Pseudonymize, entity, value, options={"keep": keep}, facts=facts) == expected

    def test_through_redact(self) -> None:
        # The public API applies exactly these per-value outputs.
        pinned = {(e, v): out for e, v, out in VECTORS["pseudonymize"]}
        text = "手机13812345678，身份证11010519491231002X，卡号6222021234567890128"
        guard = Guard(policy="pseudonymize", key=KEY, entities=["PHONE_NUMBER", "CN_RESIDENT_ID", "CN_BANK_CARD"])
        expected = (text.replace("13812345678", pinned[("PHONE_NUMBER", "13812345678")])
                    .replace("11010519491231002X", pinned[("CN_RESIDENT_ID", "11010519491231002X")])
                    .replace("6222021234567890128", pinned[("CN_BANK_CARD", "6222021234567890128")]))
        assert guard.redact(text) == expected

    def test_another_key_links_nothing(self) -> None:
        other = Key(KEY_TEXT + " rotated")
        for entity, value, expected in VECTORS["pseudonymize"] + VECTORS["hash"]:
            cls = Hash if len(expected) == 16 and all(c in "0123456789abcdef" for c in expected) else Pseudonymize
            assert run(cls, entity, value, key=other) != expected


class TestKeySources:
    """Argument, environment variable and file give the same key and the same outputs."""

    def _outputs(self, key: Any) -> str:
        return piiguard.redact("手机13812345678", policy="pseudonymize", key=key)

    def test_argument_bytes_and_str(self) -> None:
        assert self._outputs(KEY_TEXT) == self._outputs(KEY_TEXT.encode()) == self._outputs(KEY)

    def test_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(ENV_VAR, KEY_TEXT)
        assert self._outputs(None) == self._outputs(KEY)
        assert Guard(policy={"default": "hash"}).redact("手机13812345678") == \
            "手机" + dict(((e, v), o) for e, v, o in VECTORS["hash"])[("PHONE_NUMBER", "13812345678")]

    @pytest.mark.parametrize("ending", [b"", b"\n", b"\r\n"])
    def test_file(self, tmp_path: Path, ending: bytes) -> None:
        path = tmp_path / "piiguard.key"
        path.write_bytes(KEY_TEXT.encode() + ending)
        assert self._outputs(Key.from_file(path)) == self._outputs(KEY)

    def test_missing(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        monkeypatch.delenv(ENV_VAR, raising=False)
        with pytest.raises(KeyMaterialError, match=ENV_VAR):
            piiguard.redact("手机13812345678", policy="pseudonymize")
        with pytest.raises(KeyMaterialError, match="cannot be read"):
            Key.from_file(tmp_path / "absent.key")


class TestShortKeys:
    """Too-short keys are refused with a message that says what to do and shows no material."""

    @pytest.mark.parametrize("material", [b"", b"x", "fifteen chars!!", b"\x00" * 15, "密钥密钥密"])
    def test_argument(self, material: Any) -> None:
        with pytest.raises(KeyMaterialError) as info:
            piiguard.redact("手机13812345678", policy="pseudonymize", key=material)
        message = str(info.value)
        assert "16 bytes" in message and "Key.generate()" in message
        if material:
            text = material if isinstance(material, str) else material.decode("latin-1")
            assert text not in message

    def test_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(ENV_VAR, "short-secret")
        with pytest.raises(KeyMaterialError, match="16 bytes") as info:
            Guard(policy="pseudonymize")
        assert "short-secret" not in str(info.value)

    def test_file(self, tmp_path: Path) -> None:
        path = tmp_path / "k"
        path.write_bytes(b"short-secret\n")
        with pytest.raises(KeyMaterialError, match="16 bytes") as info:
            Key.from_file(path)
        assert "short-secret" not in str(info.value)

    def test_wrong_type_and_lone_surrogate(self) -> None:
        with pytest.raises(KeyMaterialError):
            Key(12345678901234567890)  # type: ignore[arg-type]
        with pytest.raises(KeyMaterialError) as info:
            Key("\udcff" * 20)
        assert info.value.__context__ is None  # the UnicodeEncodeError (which holds the key) is not chained


class TestTampering:
    """Any change to a token, its truncation or another key raises DecryptionError."""

    TOKENS = [row[2] for row in VECTORS["encrypt_deterministic"]]

    @pytest.mark.parametrize("token", TOKENS[:4])
    def test_every_single_character_change(self, token: str) -> None:
        head = token.index(":", token.index(":") + 1) + 1
        for i in range(head, len(token) - 1):
            for c in "AQgw-_09":
                if token[i] == c:
                    continue
                with pytest.raises(DecryptionError):
                    decrypt_token(token[:i] + c + token[i + 1:], KEY)

    @pytest.mark.parametrize("token", TOKENS[:4])
    def test_truncated(self, token: str) -> None:
        body = token[:-1]
        for cut in range(len(body) - 1, body.index(":", body.index(":") + 1), -1):
            with pytest.raises(DecryptionError):
                decrypt_token(body[:cut] + "⟧", KEY)

    def test_relabelled(self) -> None:
        token = dict(((e, v), t) for e, v, t in VECTORS["encrypt_deterministic"])[("PHONE_NUMBER", "13812345678")]
        with pytest.raises(DecryptionError):
            decrypt_token(token.replace("PHONE_NUMBER", "CN_BANK_CARD"), KEY)

    def test_wrong_key(self) -> None:
        with pytest.raises(DecryptionError):
            decrypt_token(self.TOKENS[0], Key(KEY_TEXT + "!"))

    def test_restore_in_text(self) -> None:
        text = "回复：" + self.TOKENS[0][:-3] + "xy⟧ 和 " + self.TOKENS[1]
        with pytest.raises(DecryptionError):
            piiguard.restore(text, key=KEY)
        kept = piiguard.restore(text, key=KEY, errors="keep")
        assert VECTORS["encrypt_deterministic"][1][1] in kept and self.TOKENS[0][:-3] in kept


class TestRotation:
    """Key rotation as docs/security.md describes it: restore with the old key, redact with the new."""

    def test_restore_then_redact(self) -> None:
        old, new = KEY, Key.generate()
        text = "客户手机13812345678，身份证11010519491231002X"
        policy = {"default": {"encrypt": "deterministic"}}
        under_old = piiguard.redact(text, policy=policy, key=old)
        under_new = piiguard.redact(piiguard.restore(under_old, key=old), policy=policy, key=new)
        assert under_new == piiguard.redact(text, policy=policy, key=new)
        assert piiguard.restore(under_new, key=new) == text
        with pytest.raises(DecryptionError):
            piiguard.restore(under_new, key=old)
