"""Hostile-input properties of the public API (issue 8, part 1).

Hypothesis feeds ``analyze``, ``redact``, ``restore``, ``classify`` and the file readers
arbitrary Unicode: astral planes, lone surrogates, combining marks, bidi controls,
control characters, zero-width characters, full- and half-width forms, 1-character and
multi-megabyte inputs, mixed with real PII so the detectors actually fire. Properties:

- only documented exceptions (none for a ``str``; ``TypeError`` for a non-``str``;
  ``ValueError`` from a reader that cannot decode or parse a file);
- every offset lies inside the caller's string, and means the same characters after
  zero-width characters are inserted or digits are written full-width;
- the same input gives the same output, call after call and process after process
  (``PYTHONHASHSEED`` varies);
- masking is idempotent: ``redact(redact(x)) == redact(x)``.

Coverage-guided fuzzing of the same entry points lives in ``fuzz/`` (atheris).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import piiguard
from piiguard import DecryptionError, Guard, Key
from piiguard.classification import classify_table
from piiguard.report import report_html, report_json, scan_path

KEY = Key(b"fuzzing key, not a secret: 0123456789")
# Deterministic in CI; set PIIGUARD_FUZZ_RANDOM=1 to explore new examples locally.
# PIIGUARD_FUZZ_EXAMPLES=5000 runs more examples per property (a long local session).
DERANDOMIZE = not os.environ.get("PIIGUARD_FUZZ_RANDOM")
EXAMPLES = int(os.environ.get("PIIGUARD_FUZZ_EXAMPLES", "60"))

# Characters that have broken text tools before, grouped so a failure names its family.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
COMBINING = "\u0300\u0301\u0308\u0327\u20dd\u3099\u309a"
CONTROL = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\r\n\t\u2028\u2029"
SURROGATES = "\ud800\udbff\udc00\udfff"
ASTRAL = "\U0001f600\U0001f1e8\U0001f1f3\U00020000\U0002a6d6\U0001d7d8\U000e0001\U0010fffd"
FULLWIDTH = "０１２３４５６７８９ＡＢＸａｚ＋－（）＠．＿＃　"
SEPARATORS = " -_./:@，。；：、（）【】《》！？·•・〇"
DIGITS = "0123456789"
CJK = "张王李赵刘陈欧阳司马诸葛伟芳娜敏静丽强磊军先生女士经理省市区县镇乡街道路号栋单元室村组小区大厦手机电话身份证卡号住址收货地址邮箱护照的了是在"
TOKEN_BITS = "⟦⟧PII:CN_RESIDENT_ID:PHONE_NUMBER:AbC-_0123456789xyz"
HOSTILE = ZERO_WIDTH + BIDI + COMBINING + CONTROL + SURROGATES + ASTRAL + FULLWIDTH + SEPARATORS + DIGITS + CJK + TOKEN_BITS

SNIPPETS = [
    "客户张伟，手机138-1234-5678，身份证11010519491231002X，住址北京市朝阳区建国路88号",
    "联系人欧阳娜娜 +86 139 1234 5678 zhang.wei@example.com",
    "卡号6222 0212 3456 7890 128，护照E12345678，车牌京A12345",
    "统一社会信用代码91350100M000100Y43，IP 192.168.1.10 http://example.com/a?b=c",
    "收货地址：广东省深圳市南山区科技园路1号2栋3单元401室，电话0755-12345678转123",
    "１３８１２３４５６７８",
    "⟦PII:PHONE_NUMBER:AhMNPnlUUWda16mLk9-UKHKeCOILA_QLNSmt9A⟧",
]

any_char = st.characters(exclude_categories=())  # every code point, lone surrogates included
pieces = st.one_of(
    any_char,
    st.sampled_from(HOSTILE),
    st.sampled_from(SNIPPETS),
    st.text(alphabet=DIGITS + " -", min_size=1, max_size=25),
    st.text(alphabet=CJK, min_size=1, max_size=8),
)
hostile_text = st.lists(pieces, max_size=40).map("".join)

PRESETS = ["mask", "pseudonymize", "strict", "remove", "handover"]
KEYED = [{"default": "hash"}, {"default": {"encrypt": "deterministic"}}, {"default": "encrypt"},
         {"PHONE_NUMBER": "fpe", "CN_BANK_CARD": "fpe", "default": "mask"}]


def spans(results: list[Any]) -> list[tuple[str, int, int, float]]:
    return [(r.entity_type, r.start, r.end, r.score) for r in results]


def check_results(text: str, results: list[Any]) -> None:
    supported = set(piiguard.Engine().supported_entities) if not hasattr(check_results, "s") else check_results.s
    check_results.s = supported  # type: ignore[attr-defined]
    last_start = -1
    for r in results:
        assert 0 <= r.start < r.end <= len(text), (r, len(text))
        assert r.entity_type in supported
        assert 0.0 <= r.score <= 1.0
        assert r.start >= last_start, "results come sorted by position"
        last_start = r.start


class TestAnalyze:
    """analyze never raises on a str, keeps offsets in bounds and is deterministic."""

    @settings(derandomize=DERANDOMIZE, max_examples=EXAMPLES)
    @given(hostile_text)
    def test_offsets_and_determinism(self, text: str) -> None:
        results = piiguard.analyze(text)
        check_results(text, results)
        assert spans(piiguard.analyze(text)) == spans(results)

    @settings(derandomize=DERANDOMIZE, max_examples=EXAMPLES)
    @given(hostile_text, st.lists(st.integers(0, 10_000), max_size=6), st.sampled_from(ZERO_WIDTH))
    def test_offsets_index_callers_string(self, text: str, where: list[int], zw: str) -> None:
        # Zero-width characters vanish in normalization, so the findings are the same
        # ones; their offsets must land on the same characters of the caller's string.
        base = "".join(c for c in text if c not in ZERO_WIDTH)
        chars = list(base)
        for w in sorted(where, reverse=True):
            chars.insert(w % (len(chars) + 1), zw)
        noisy = "".join(chars)
        a, b = piiguard.analyze(base), piiguard.analyze(noisy)
        check_results(noisy, b)
        assert [r.entity_type for r in a] == [r.entity_type for r in b]
        for ra, rb in zip(a, b):
            assert noisy[rb.start:rb.end].replace(zw, "") == base[ra.start:ra.end]
            assert noisy[rb.start] != zw and noisy[rb.end - 1] != zw, "a span never starts or ends on a removed char"

    @settings(derandomize=DERANDOMIZE, max_examples=EXAMPLES)
    @given(hostile_text)
    def test_fullwidth_is_the_same_finding(self, text: str) -> None:
        half = text.translate({ord(c): None for c in FULLWIDTH + ZERO_WIDTH})
        full = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in half)
        assert spans(piiguard.analyze(full)) == spans(piiguard.analyze(half))

    def test_every_single_character(self) -> None:
        for cp in [*range(0x10000), *range(0x10000, 0x110000, 997)]:
            text = chr(cp)
            check_results(text, piiguard.analyze(text))

    def test_multi_megabyte(self) -> None:
        rng = random.Random(8)
        # 2.5 MB of UTF-8 on one line: common characters, hostile ones, and a record every 16 kB.
        alphabet = "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要" * 4 + HOSTILE
        block = "".join(rng.choice(alphabet) for _ in range(16_000))
        text = "".join(block[i:] + rng.choice(SNIPPETS) + block[:i] for i in range(0, 800, 16))
        results = piiguard.analyze(text)
        check_results(text, results)
        assert any(r.entity_type == "CN_RESIDENT_ID" for r in results)

    @pytest.mark.parametrize("bad", [None, b"\xe5\xbc\xa0", 138, ["a"], object()])
    def test_non_str_is_type_error(self, bad: Any) -> None:
        with pytest.raises(TypeError):
            piiguard.analyze(bad)
        with pytest.raises(TypeError):
            piiguard.redact(bad)
        with pytest.raises(TypeError):
            piiguard.classify(bad)

    def test_same_results_in_other_processes(self, tmp_path: Path) -> None:
        # set/dict iteration order depends on PYTHONHASHSEED for str keys: results must not.
        rng = random.Random(42)
        corpus = ["".join(rng.choice(SNIPPETS) if rng.random() < 0.2 else rng.choice(HOSTILE)
                          for _ in range(rng.randint(1, 60))) for _ in range(150)]
        path = tmp_path / "corpus.json"
        path.write_text(json.dumps(corpus))
        script = (
            "import json, sys, piiguard\n"
            "corpus = json.load(open(sys.argv[1]))\n"
            "key = piiguard.Key(b'fuzzing key, not a secret: 0123456789')\n"
            "out = [[(r.entity_type, r.start, r.end, r.score) for r in piiguard.analyze(t)] for t in corpus]\n"
            "out += [piiguard.redact(t) for t in corpus]\n"
            "out += [piiguard.redact(t, policy='pseudonymize', key=key) for t in corpus]\n"
            "print(json.dumps(out))\n"
        )
        outs = []
        for hashseed in ("1", "2"):
            env = {**os.environ, "PYTHONHASHSEED": hashseed}
            proc = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True,
                                  env=env, timeout=300, check=True)
            outs.append(proc.stdout)
        assert outs[0] == outs[1]


class TestRedact:
    """redact never raises on a str under any policy, keeps offsets and is idempotent when masking."""

    @settings(derandomize=DERANDOMIZE, max_examples=EXAMPLES)
    @given(hostile_text, st.sampled_from(PRESETS + KEYED))
    def test_any_policy(self, text: str, policy: Any) -> None:
        guard = Guard(policy=policy, key=KEY)
        result = guard.redact_detailed(text)
        assert isinstance(result.text, str)
        pos = out = 0
        for item in result.items:
            assert pos <= item.start < item.end <= len(text)
            assert 0 <= item.redacted_start <= item.redacted_end <= len(result.text)
            # what lies between findings is copied as is
            assert result.text[out:item.redacted_start] == text[pos:item.start]
            pos, out = item.end, item.redacted_end
        assert result.text[out:] == text[pos:]
        assert guard.redact(text) == result.text or policy == {"default": "encrypt"}  # random nonces

    @settings(derandomize=DERANDOMIZE, max_examples=EXAMPLES)
    @given(hostile_text)
    def test_mask_idempotent_structured(self, text: str) -> None:
        # Structured identifiers: masked forms are never re-detected as something new.
        structured = [e for e in Guard().supported_entities if e not in ("PERSON", "CN_ADDRESS")]
        guard = Guard(policy="mask", entities=structured)
        once = guard.redact(text)
        assert guard.redact(once) == once

    @settings(derandomize=DERANDOMIZE, max_examples=EXAMPLES)
    @given(st.lists(st.sampled_from(SNIPPETS[:5]), min_size=1, max_size=4).map("\n".join))
    def test_mask_idempotent_records(self, text: str) -> None:
        once = piiguard.redact(text)
        assert piiguard.redact(once) == once

    def test_mask_idempotent_compound_surname(self) -> None:
        # Found by this file: 欧阳** was re-read as a new name 欧阳 and masked to 欧***.
        once = piiguard.redact("联系人欧阳娜娜 +86 139 1234 5678")
        assert piiguard.redact(once) == once

    @settings(derandomize=DERANDOMIZE, max_examples=EXAMPLES)
    @given(hostile_text, st.sampled_from(["strict", "remove"]))
    def test_label_policies_idempotent(self, text: str, policy: str) -> None:
        structured = [e for e in Guard().supported_entities if e not in ("PERSON", "CN_ADDRESS")]
        guard = Guard(policy=policy, entities=structured)
        once = guard.redact(text)
        assert guard.redact(once) == once


class TestRestore:
    """restore finds tokens anywhere and fails only with DecryptionError."""

    @settings(derandomize=DERANDOMIZE, max_examples=EXAMPLES)
    @given(hostile_text, hostile_text)
    def test_round_trip_in_noise(self, text: str, noise: str) -> None:
        guard = Guard(policy={"default": "encrypt"}, key=KEY)
        text, noise = text.replace("⟦", "["), noise.replace("⟦", "[")  # no foreign tokens
        redacted = guard.redact(text)
        assert guard.restore(noise + redacted + noise) == noise + text + noise

    @settings(derandomize=DERANDOMIZE, max_examples=EXAMPLES)
    @given(hostile_text)
    def test_garbage_tokens(self, text: str) -> None:
        try:
            restored = piiguard.restore(text, key=KEY)
        except DecryptionError:
            return
        assert restored == text or "⟦" in text
        assert isinstance(piiguard.restore(text, key=KEY, errors="keep"), str)

    @given(st.integers(0, 200), st.sampled_from("A-_0z⟧"))
    @settings(derandomize=DERANDOMIZE, max_examples=EXAMPLES)
    def test_any_tamper_detected(self, where: int, char: str) -> None:
        token = piiguard.redact("身份证11010519491231002X", policy={"default": "encrypt"}, key=KEY)
        start = token.index("⟦")
        i = start + where % (len(token) - start)
        tampered = token[:i] + char + token[i + 1:]
        if tampered == token:
            return
        try:
            out = piiguard.restore(tampered, key=KEY)
        except DecryptionError:
            return
        assert "11010519491231002X" not in out  # a broken token is left alone, never half-decrypted


class TestClassify:
    """classify never raises on a str; its findings index the text."""

    @settings(derandomize=DERANDOMIZE, max_examples=EXAMPLES)
    @given(hostile_text)
    def test_text(self, text: str) -> None:
        c = piiguard.classify(text)
        assert isinstance(c.level, int)
        for f in c.findings:
            assert 0 <= f.start < f.end <= len(text)
        json.dumps(c.to_dict(), ensure_ascii=False)

    @given(st.lists(st.lists(hostile_text, min_size=1, max_size=4), min_size=1, max_size=6))
    @settings(derandomize=DERANDOMIZE, max_examples=EXAMPLES // 2)
    def test_table_mapping(self, rows: list[list[str]]) -> None:
        width = max(map(len, rows))
        columns = {f"col{i}" if i else "手机": [r[i] if i < len(r) else None for r in rows] for i in range(width)}
        t = piiguard.classify_table(columns)
        assert len(t.columns) == width


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    """CSV files as found in the wild: BOMs, GB18030, quotes, embedded newlines, ragged rows, junk."""
    cells = st.one_of(hostile_text, st.sampled_from(SNIPPETS), st.just(""), st.just('"'), st.just("a,b"),
                      st.just("line\nbreak"), st.just('say "hi"'))
    rows = draw(st.lists(st.lists(cells, max_size=5), max_size=8))
    text = "\n".join(",".join('"' + c.replace('"', '""') + '"' if draw(st.booleans()) else c for c in row)
                     for row in rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "raw"]))
    if encoding == "raw":
        return draw(st.binary(max_size=300))
    data = text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")
    if draw(st.booleans()):
        data = draw(st.binary(max_size=8)) + data
    return data


class TestReaders:
    """Readers raise ValueError on files they cannot read, nothing else."""

    @given(csv_bytes(), st.sampled_from([".csv", ".tsv", ".txt"]))
    @settings(derandomize=DERANDOMIZE, max_examples=EXAMPLES // 2,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    def test_scan_path(self, tmp_path: Path, data: bytes, suffix: str) -> None:
        path = tmp_path / f"input{suffix}"
        path.write_bytes(data)
        try:
            inventory = scan_path(path)
        except ValueError:
            assert suffix != ".txt"  # text files decode with replacement
            return
        assert len(inventory.items) == 1
        json.loads(report_json(inventory))
        assert "<html" in report_html(inventory).lower()
        if suffix != ".txt":
            table = classify_table(path)
            assert table.rows >= 0

    @given(st.binary(max_size=400))
    @settings(derandomize=DERANDOMIZE, max_examples=EXAMPLES * 2 // 3, suppress_health_check=[HealthCheck.function_scoped_fixture])
    def test_folder_of_junk(self, tmp_path: Path, data: bytes) -> None:
        folder = tmp_path / "in"
        folder.mkdir(exist_ok=True)
        (folder / "a.txt").write_bytes(data)
        (folder / "b.bin").write_bytes(data)
        (folder / "c.md").write_bytes(data[::-1])
        inventory = scan_path(folder)
        assert [i.path for i in inventory.items] == ["a.txt", "b.bin", "c.md"]

    def test_csv_field_over_limit(self, tmp_path: Path) -> None:
        import csv

        path = tmp_path / "big.csv"
        path.write_bytes(b"remark\n" + b"x" * 200_000 + b"\n")
        old = csv.field_size_limit(131_072)  # the default; the CLI raises it process-wide
        try:
            with pytest.raises(ValueError):
                classify_table(path)
        finally:
            csv.field_size_limit(old)
