"""The processing record: contents, no raw values, MAC and verification."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import piiguard
from piiguard import _record
from piiguard.cli import main

KEY = piiguard.Key(b"record test key of 32 bytes.....")


@pytest.fixture
def done(tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    src = tmp_path / "in.csv"
    src.write_text("姓名,手机号,身份证号\n张伟,13812345678,11010519491231002X\n李娜,13998765432,\n", encoding="utf-8")
    key_file = tmp_path / "key.bin"
    key_file.write_bytes(b"record test key of 32 bytes.....\n")
    out = tmp_path / "out.csv"
    assert main(["redact", str(src), "-o", str(out), "--policy", "handover", "--key-file", str(key_file),
                 "--no-progress"]) == 0
    return src, out


class TestRecordContents:
    """What a record holds: tool, policy, fingerprint, hashes, rows, counts; never values or keys."""

    def test_fields(self, done):
        src, out = done
        rec = json.loads(_record.record_path(out).read_text(encoding="utf-8"))
        assert rec["kind"] == "piiguard.processing_record" and rec["command"] == "redact"
        assert rec["tool"]["name"] == "piiguard" and rec["tool"]["version"]
        assert rec["policy"]["name"] == "handover"
        assert rec["policy"]["rules"]["CN_RESIDENT_ID"]["strategy"] == "encrypt"
        assert rec["key_fingerprint"] == KEY.fingerprint
        assert rec["input"]["sha256"] == _record.file_sha256(src)[0]
        assert rec["output"]["sha256"] == _record.file_sha256(out)[0]
        assert rec["rows"] == {"in": 2, "out": 2, "skipped": 0}
        assert rec["counts"]["by_entity"] == {"CN_RESIDENT_ID": 1, "PERSON": 2, "PHONE_NUMBER": 2}
        assert rec["counts"]["by_entity_strategy"]["CN_RESIDENT_ID"] == {"encrypt": 1}
        assert rec["created_at"].endswith("+00:00")

    def test_no_values_no_key(self, done):
        _, out = done
        text = _record.record_path(out).read_text(encoding="utf-8")
        for secret in ("张伟", "李娜", "13812345678", "13998765432", "11010519491231002X", "record test key"):
            assert secret not in text

    def test_counts_helper(self):
        rec = _record.new_record("redact", policy=None, key=None)
        _record.add_counts(rec, Counter({("PHONE_NUMBER", "mask"): 2, ("PERSON", "mask"): 1}))
        assert rec["counts"]["by_strategy"] == {"mask": 3} and rec["counts"]["by_entity_fallback"] == {}
        _record.add_counts(rec, Counter({("PERSON", "mask"): 3}), fallback=Counter({("PERSON", "mask"): 1}))
        assert rec["counts"]["by_entity"] == {"PERSON": 3} and rec["counts"]["by_entity_fallback"] == {"PERSON": 1}
        _record.add_errors(rec, [{"row": i, "kind": "ragged", "action": "skipped"} for i in range(3)])
        assert rec["errors_total"] == 3


class TestVerify:
    """verify_file checks hashes, the row balance and (with the key) the MAC."""

    def test_ok(self, done):
        src, out = done
        result = _record.verify_file(out, input=src, key=KEY)
        assert result.ok, str(result)
        assert [c[0] for c in result.checks] == ["record", "output sha256", "output size", "input sha256",
                                                 "rows in = out + skipped", "mac"]

    def test_edited_record_fails_mac(self, done):
        _, out = done
        path = _record.record_path(out)
        rec = json.loads(path.read_text(encoding="utf-8"))
        rec["rows"]["skipped"] = 0
        rec["counts"]["by_entity"]["PERSON"] = 1
        path.write_text(json.dumps(rec), encoding="utf-8")
        assert _record.verify_file(out).ok  # hashes still match
        assert not _record.verify_file(out, key=KEY).ok
        assert not _record.verify_file(out, key=piiguard.Key(b"some other key of 32 bytes......")).ok

    def test_changed_output_fails(self, done):
        _, out = done
        data = out.read_bytes()
        out.write_bytes(data[:-2] + bytes([data[-2] ^ 1]) + data[-1:])
        result = _record.verify_file(out)
        assert not result.ok and "FAIL output sha256" in str(result)

    def test_not_a_record(self, tmp_path: Path):
        out = tmp_path / "x.csv"
        out.write_text("a\n", encoding="utf-8")
        _record.record_path(out).write_text("{}", encoding="utf-8")
        assert not _record.verify_file(out).ok

    def test_cli_verify_with_key(self, done, tmp_path: Path):
        _, out = done
        key_file = tmp_path / "key.bin"
        assert main(["verify", str(out), "--key-file", str(key_file), "-q"]) == 0
