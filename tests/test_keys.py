"""Key: sources, minimum length, subkeys, and never showing the material."""

from __future__ import annotations

import pickle

import pytest

from piiguard.exceptions import KeyMaterialError
from piiguard.keys import ENV_VAR, Key

SECRET = b"0123456789abcdef-demo-key"


class TestSources:
    """A key comes from an argument, the environment or a file."""

    def test_bytes_and_str_agree(self) -> None:
        assert Key(SECRET) == Key(SECRET.decode())

    def test_env(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(ENV_VAR, SECRET.decode())
        assert Key.from_env() == Key(SECRET)
        assert Key.coerce(None) == Key(SECRET)

    def test_coerce_without_key(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv(ENV_VAR, raising=False)
        assert Key.coerce(None) is None
        with pytest.raises(KeyMaterialError, match=ENV_VAR):
            Key.coerce(None, required=True)

    def test_file(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        path = tmp_path / "key"
        path.write_bytes(SECRET + b"\n")
        assert Key.from_file(path) == Key(SECRET)
        with pytest.raises(KeyMaterialError):
            Key.from_file(tmp_path / "missing")

    def test_generate(self) -> None:
        assert Key.generate() != Key.generate()


class TestValidation:
    """Short or mistyped material fails with a message that shows none of it."""

    @pytest.mark.parametrize("bad", [b"", b"short", "fifteen chars!!"])
    def test_too_short(self, bad: bytes | str) -> None:
        with pytest.raises(KeyMaterialError) as info:
            Key(bad)
        assert "16 bytes" in str(info.value)
        if bad:
            assert (bad if isinstance(bad, str) else bad.decode()) not in str(info.value)

    def test_wrong_type(self) -> None:
        with pytest.raises(KeyMaterialError):
            Key(1234567890123456789)  # type: ignore[arg-type]


class TestSecrecy:
    """repr/str show a fingerprint; subkeys differ per purpose."""

    def test_repr(self) -> None:
        key = Key(SECRET)
        for text in (repr(key), str(key), f"{key}", repr([key])):
            assert SECRET.decode() not in text and "0123456789" not in text
        assert repr(key) == f"Key(fingerprint={key.fingerprint!r})"
        assert len(key.fingerprint) == 8

    def test_subkeys(self) -> None:
        key = Key(SECRET)
        assert key.derive("hash") != key.derive("encrypt")
        assert key.derive("hash") == Key(SECRET).derive("hash")
        assert len(key.derive("x", 64)) == 64
        assert SECRET not in key.derive("hash")

    def test_pickle(self) -> None:
        key = Key(SECRET)
        assert pickle.loads(pickle.dumps(key)) == key
