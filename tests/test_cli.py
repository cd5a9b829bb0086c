"""The piiguard command: formats, encodings, malformed rows, atomic output, exit codes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from piiguard.cli import main

HEADER = "姓名,手机号,备注\n"
RAWS = ("13812345678", "13998765432", "11010519491231002X", "建国路88号")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str) -> int:
    return main([str(a) for a in args])


def read_csv(path: Path, encoding: str = "utf-8") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as f:
        return list(csv.reader(f))


def record_of(path: Path) -> dict:
    return json.loads(Path(str(path) + ".record.json").read_text(encoding="utf-8"))


@pytest.fixture
def tricky(tmp_path: Path) -> Path:
    """A CSV with a BOM, CRLF, an embedded newline, embedded quotes and commas."""
    p = tmp_path / "in.csv"
    p.write_bytes(
        ("\ufeff姓名,手机号,备注\r\n"
         "张伟,13812345678,\"住北京市朝阳区建国路88号3栋2单元501室\r\n晚上送\"\r\n"
         "李娜,13998765432,\"她说\"\"身份证11010519491231002X\"\"，放门口\"\r\n"
         "王芳,,\"逗号,和引号\"\r\n").encode("utf-8"))
    return p


class TestCsv:
    """CSV in, CSV out: one output row per input row, quoting and BOM preserved."""

    def test_tricky_csv(self, tricky: Path, tmp_path: Path, capsys):
        before = sha(tricky)
        out = tmp_path / "out.csv"
        assert run("redact", tricky, "-o", out, "--no-progress") == 0
        assert sha(tricky) == before
        assert out.read_bytes().startswith(b"\xef\xbb\xbf") and b"\r\n" in out.read_bytes()
        rows = read_csv(out, "utf-8-sig")
        assert len(rows) == 4 and rows[0] == ["姓名", "手机号", "备注"]
        assert rows[1][:2] == ["张*", "138****5678"] and rows[1][2].endswith("\r\n晚上送")
        assert rows[2][2] == "她说\"身份证110105********002X\"，放门口"
        assert rows[3] == ["王*", "", "逗号,和引号"]
        text = out.read_text(encoding="utf-8-sig")
        assert not any(raw in text for raw in RAWS)
        rec = record_of(out)
        assert rec["rows"] == {"in": 3, "out": 3, "skipped": 0}
        assert rec["input"]["sha256"] == before and rec["output"]["sha256"] == sha(out)
        dumped = json.dumps(rec, ensure_ascii=False)
        assert not any(raw in dumped for raw in RAWS + ("张伟", "李娜"))
        assert "13812345678" not in capsys.readouterr().err

    def test_columns(self, tricky: Path, tmp_path: Path):
        out = tmp_path / "out.csv"
        assert run("redact", tricky, "-o", out, "--columns", "手机号", "--no-progress") == 0
        rows = read_csv(out, "utf-8-sig")
        assert rows[1][0] == "张伟" and rows[1][1] == "138****5678"
        assert record_of(out)["fields"] == ["手机号"]
        assert run("redact", tricky, "-o", out, "--columns", "nope") == 2

    def test_gb18030(self, tmp_path: Path):
        src = tmp_path / "gbk.csv"
        src.write_bytes((HEADER + "张伟,13812345678,住址北京市海淀区中关村大街1号\n").encode("gb18030"))
        out = tmp_path / "out.csv"
        assert run("redact", src, "-o", out, "--encoding", "gb18030", "--no-progress") == 0
        rows = read_csv(out, "gb18030")
        assert rows[1][:2] == ["张*", "138****5678"]
        assert record_of(out)["input"]["encoding"] == "gb18030"
        # auto-detection picks GB18030 for bytes that are not UTF-8
        assert run("redact", src, "-o", out, "--encoding", "auto", "--no-progress") == 0
        assert read_csv(out, "gb18030")[1][1] == "138****5678"

    def test_undecodable_rows_reported(self, tmp_path: Path):
        src = tmp_path / "mixed.csv"
        src.write_bytes(HEADER.encode() + "张伟,13812345678,好\n".encode("gb18030") +
                        "李娜,13998765432,ok\n".encode("utf-8"))
        out = tmp_path / "out.csv"
        assert run("redact", src, "-o", out, "--on-error", "skip", "--no-progress") == 1
        rec = record_of(out)
        assert rec["rows"] == {"in": 2, "out": 1, "skipped": 1}
        assert rec["errors"] == [{"row": 1, "kind": "decode", "action": "skipped"}]
        assert len(read_csv(out)) == 2

    def test_ragged_rows(self, tmp_path: Path, capsys):
        src = tmp_path / "ragged.csv"
        src.write_text(HEADER + "张伟,13812345678\n李娜,13998765432,a,13511112222\n王芳,13700001111,x\n",
                       encoding="utf-8")
        out = tmp_path / "out.csv"
        assert run("redact", src, "-o", out, "--on-error", "skip", "--no-progress") == 1
        rec = record_of(out)
        assert rec["rows"]["in"] == rec["rows"]["out"] + rec["rows"]["skipped"] == 3
        assert [e["row"] for e in rec["errors"]] == [1, 2]
        assert len(read_csv(out)) == 2
        assert run("redact", src, "-o", out, "--on-error", "keep", "--no-progress") == 1
        rows = read_csv(out)
        assert len(rows) == 4 and rows[2] == ["李*", "139****5432", "a", "135****2222"]
        assert record_of(out)["rows"] == {"in": 3, "out": 3, "skipped": 0}
        err = capsys.readouterr().err
        assert "row 1: ragged" in err and "13812345678" not in err

    def test_broken_quote(self, tmp_path: Path):
        src = tmp_path / "q.csv"
        src.write_text(HEADER + "张伟,\"1381234\"5678,x\n李娜,13998765432,y\n", encoding="utf-8")
        out = tmp_path / "out.csv"
        assert run("redact", src, "-o", out, "--on-error", "keep", "--no-progress") == 1
        rec = record_of(out)
        assert rec["errors"][0]["kind"] == "csv_syntax" and rec["rows"] == {"in": 2, "out": 1, "skipped": 1}

    def test_empty_and_header_only(self, tmp_path: Path):
        empty = tmp_path / "empty.csv"
        empty.write_bytes(b"")
        out = tmp_path / "out.csv"
        assert run("redact", empty, "-o", out, "--no-progress") == 0
        assert out.read_bytes() == b"" and record_of(out)["rows"]["in"] == 0
        header_only = tmp_path / "h.csv"
        header_only.write_text(HEADER, encoding="utf-8")
        assert run("redact", header_only, "-o", out, "--no-progress") == 0
        assert out.read_text(encoding="utf-8") == HEADER

    def test_parallel_same_output(self, tricky: Path, tmp_path: Path):
        a, b = tmp_path / "a.csv", tmp_path / "b.csv"
        assert run("redact", tricky, "-o", a, "--no-progress", "--no-record") == 0
        assert run("redact", tricky, "-o", b, "--no-progress", "--no-record", "-j", "2", "--batch-size", "1") == 0
        assert a.read_bytes() == b.read_bytes()
        assert not Path(str(a) + ".record.json").exists()


class TestAtomicOutput:
    """A failed run leaves an existing output as it was and no temp file behind."""

    def test_failure_keeps_old_output(self, tmp_path: Path):
        src = tmp_path / "ragged.csv"
        src.write_text(HEADER + "张伟,13812345678,x\n李娜\n", encoding="utf-8")
        out = tmp_path / "out.csv"
        out.write_text("old content\n", encoding="utf-8")
        assert run("redact", src, "-o", out, "--no-progress") == 3
        assert out.read_text(encoding="utf-8") == "old content\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "ragged.csv"]

    def test_output_is_input(self, tricky: Path):
        before = sha(tricky)
        assert run("redact", tricky, "-o", tricky) == 2
        assert sha(tricky) == before

    def test_missing_input(self, tmp_path: Path):
        assert run("redact", tmp_path / "nope.csv", "-o", tmp_path / "o.csv") == 3

    def test_unknown_format_and_policy(self, tmp_path: Path, tricky: Path):
        odd = tmp_path / "x.bin"
        odd.write_bytes(b"x")
        assert run("redact", odd, "-o", tmp_path / "o") == 2
        assert run("redact", tricky, "-o", tmp_path / "o.csv", "--policy", "nope") == 2
        xlsx = tmp_path / "x.xlsx"
        xlsx.write_bytes(b"PK")
        assert run("redact", xlsx, "-o", tmp_path / "o.csv") == 2


class TestKeysAndRestore:
    """Keyed policies need a key (exit 4 without); restore reverses encrypt tokens."""

    def test_missing_key(self, tricky: Path, tmp_path: Path, monkeypatch):
        monkeypatch.delenv("PIIGUARD_KEY", raising=False)
        assert run("redact", tricky, "-o", tmp_path / "o.csv", "--policy", "pseudonymize") == 4
        short = tmp_path / "k"
        short.write_bytes(b"short")
        assert run("redact", tricky, "-o", tmp_path / "o.csv", "--policy", "pseudonymize", "--key-file", short) == 4

    def test_redact_restore_round_trip(self, tmp_path: Path, monkeypatch):
        src = tmp_path / "ids.csv"
        src.write_text("姓名,身份证号\n张伟,11010519491231002X\n李娜,身份证 11010519491231002X 已核验\n",
                       encoding="utf-8")
        policy = tmp_path / "policy.yaml"
        policy.write_text("CN_RESIDENT_ID: encrypt\n", encoding="utf-8")
        monkeypatch.setenv("MY_KEY", "a cli test key of 32 bytes......")
        masked, restored = tmp_path / "m.csv", tmp_path / "r.csv"
        assert run("redact", src, "-o", masked, "--policy", policy, "--key-env", "MY_KEY",
                   "--entities", "CN_RESIDENT_ID", "--no-progress") == 0
        assert "11010519491231002X" not in masked.read_text(encoding="utf-8")
        rec = record_of(masked)
        assert rec["policy"]["rules"]["CN_RESIDENT_ID"]["strategy"] == "encrypt" and rec["key_fingerprint"]
        assert "mac" in rec
        assert run("restore", masked, "-o", restored, "--key-env", "MY_KEY", "--no-progress") == 0
        assert restored.read_bytes() == src.read_bytes()
        monkeypatch.setenv("MY_KEY", "another key that is long enough..")
        assert run("restore", masked, "-o", restored, "--key-env", "MY_KEY", "--no-progress") == 4


class TestJsonAndText:
    """JSON Lines, JSON arrays and plain text, with field selection and stdin/stdout."""

    def test_jsonl(self, tmp_path: Path):
        src = tmp_path / "in.jsonl"
        src.write_text(
            '{"id": "C1", "name": "张伟", "contact": {"phone": "13812345678"}, "n": 3}\n'
            "not json 13998765432\n\n"
            '"手机13700001111"\n', encoding="utf-8")
        out = tmp_path / "out.jsonl"
        assert run("redact", src, "-o", out, "--on-error", "keep", "--no-progress") == 1
        lines = out.read_text(encoding="utf-8").split("\n")
        first = json.loads(lines[0])
        assert first == {"id": "C1", "name": "张*", "contact": {"phone": "138****5678"}, "n": 3}
        assert lines[1] == "not json 139****5432" and lines[2] == ""
        assert json.loads(lines[3]) == "手机137****1111"
        rec = record_of(out)
        assert rec["rows"] == {"in": 3, "out": 3, "skipped": 0} and rec["errors"][0]["kind"] == "json"
        assert run("redact", src, "-o", out, "--fields", "contact.phone", "--on-error", "skip", "--no-progress") == 1
        first = json.loads(out.read_text(encoding="utf-8").split("\n")[0])
        assert first["name"] == "张伟" and first["contact"]["phone"] == "138****5678"
        assert record_of(out)["rows"] == {"in": 3, "out": 2, "skipped": 1}

    def test_json_array(self, tmp_path: Path):
        src = tmp_path / "in.json"
        src.write_text(json.dumps([{"phone": "13812345678"}, {"phone": None, "note": "无"}], ensure_ascii=False),
                       encoding="utf-8")
        out = tmp_path / "out.json"
        assert run("redact", src, "-o", out, "--no-progress") == 0
        assert json.loads(out.read_text(encoding="utf-8")) == [{"phone": "138****5678"}, {"phone": None, "note": "无"}]
        bad = tmp_path / "bad.json"
        bad.write_text("{", encoding="utf-8")
        assert run("redact", bad, "-o", out) == 3

    def test_txt_lines(self, tmp_path: Path):
        src = tmp_path / "in.txt"
        src.write_text("手机13812345678\r\n\n身份证11010519491231002X", encoding="utf-8")
        out = tmp_path / "out.txt"
        assert run("redact", src, "-o", out, "--no-progress") == 0
        assert out.read_bytes().decode() == "手机138****5678\r\n\n身份证110105********002X"
        assert record_of(out)["rows"]["in"] == 3

    def test_stdin_stdout_subprocess(self):
        proc = subprocess.run([sys.executable, "-m", "piiguard.cli", "redact", "-", "-o", "-", "--format", "csv",
                               "--progress"], input=(HEADER + "张伟,13812345678,x\n").encode(),
                              capture_output=True, timeout=120)
        assert proc.returncode == 0
        assert proc.stdout.decode() == HEADER + "张*,138****5678,x\n"
        err = proc.stderr.decode()
        assert "rows" in err and "13812345678" not in err and "张伟" not in err


class TestScanAndVerify:
    """scan prints a summary and writes reports; verify checks a file against its record."""

    def test_scan(self, tricky: Path, tmp_path: Path, capsys):
        html_path, json_path = tmp_path / "r.html", tmp_path / "r.json"
        assert run("scan", tricky, "--html", html_path, "--json", json_path) == 0
        out = capsys.readouterr().out
        assert "手机号: PHONE_NUMBER" in out and "13812345678" not in out
        assert json.loads(json_path.read_text(encoding="utf-8"))["generator"] == "piiguard"
        assert html_path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert run("scan", tricky, "--check", "-q") == 1
        assert run("scan", tmp_path / "missing.csv") == 3

    def test_verify(self, tricky: Path, tmp_path: Path, capsys):
        out = tmp_path / "out.csv"
        assert run("redact", tricky, "-o", out, "--no-progress") == 0
        assert run("verify", out, "--input", tricky) == 0
        assert run("verify", out, "--input", out) == 5
        with out.open("ab") as f:
            f.write(b"x")
        assert run("verify", out) == 5
        assert "FAIL output sha256" in capsys.readouterr().out
        assert run("verify", tmp_path / "nothing.csv") == 3

    def test_usage(self, capsys):
        assert run() == 2
        with pytest.raises(SystemExit) as info:
            run("redact")
        assert info.value.code == 2
        assert run("--version") == 0


def test_console_script_declared():
    from importlib.metadata import entry_points

    (ep,) = [e for e in entry_points(group="console_scripts") if e.name == "piiguard"]
    assert ep.value == "piiguard.cli:main"


class TestHeaderFallback:
    """A cell the detectors miss in a 姓名 column is redacted whole; free text is not."""

    def test_csv_fallback(self, tmp_path: Path):
        src = tmp_path / "in.csv"
        src.write_text("姓名,备注,手机号\nalex 王,alex 王,无\n张伟,无,13812345678\n", encoding="utf-8")
        out = tmp_path / "out.csv"
        assert run("redact", src, "-o", out, "--no-progress") == 0
        rows = read_csv(out)
        assert rows[1] == ["a*** *", "alex 王", "无"]  # 备注 untouched by the fallback; 无 is no value
        assert rows[2][0] == "张*" and rows[2][2] == "138****5678"
        counts = record_of(out)["counts"]
        assert counts["by_entity_fallback"] == {"PERSON": 1} and counts["by_entity"]["PERSON"] == 2
        assert run("redact", src, "-o", out, "--no-progress", "--no-header-fallback") == 0
        assert read_csv(out)[1][0] == "alex 王"
        assert record_of(out)["counts"]["by_entity_fallback"] == {}

    def test_fallback_strategy_from_policy(self, tmp_path: Path):
        src = tmp_path / "in.csv"
        src.write_text("客户姓名,收货地址\nalex 王,某某小区3栋\n", encoding="utf-8")
        out = tmp_path / "out.csv"
        assert run("redact", src, "-o", out, "--policy", "strict", "--no-progress") == 0
        assert read_csv(out)[1] == ["<姓名>", "<地址>"]




def make_workbook(path: Path) -> None:
    import datetime

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户"
    ws.append(["姓名", "手机号", "金额", "备注", "日期"])
    ws.append(["张伟", "13812345678", 12.5, "请联系李娜 13998765432", datetime.datetime(2024, 1, 2)])
    ws.append(["alex 王", 13998765432, 3, "无", None])
    ws.append(["李娜", "无", "=C2+C3", "公式 13812345678", None])
    orders = wb.create_sheet("订单")
    orders.append(["订单号", "身份证号"])
    orders.append([1, "11010519491231002X"])
    orders.append([2, None])
    wb.create_sheet("空")
    wb.save(path)


def sheets_of(path: Path) -> dict[str, list[tuple]]:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb}


class TestXlsx:
    """.xlsx in, .xlsx out: same sheets, order, rows and non-string cells; formulas kept."""

    @pytest.fixture(autouse=True)
    def _needs_openpyxl(self):
        pytest.importorskip("openpyxl")

    def test_redact(self, tmp_path: Path, capsys):
        src, out = tmp_path / "in.xlsx", tmp_path / "out.xlsx"
        make_workbook(src)
        before = sha(src)
        assert run("redact", src, "-o", out, "--no-progress") == 0
        assert sha(src) == before
        got, orig = sheets_of(out), sheets_of(src)
        assert list(got) == ["客户", "订单", "空"]
        assert [len(v) for v in got.values()] == [len(v) for v in orig.values()]
        rows = got["客户"]
        assert rows[0] == orig["客户"][0]
        assert rows[1][:3] == ("张*", "138****5678", 12.5) and rows[1][4] == orig["客户"][1][4]
        assert "13998765432" not in rows[1][3]
        assert rows[2] == ("a*** *", 13998765432, 3, "无", None)  # fallback; numbers pass through
        assert rows[3][2] == "=C2+C3" and rows[3][1] == "无"  # the formula is kept as is
        assert "13812345678" not in rows[3][3]
        assert got["订单"][1][1] != "11010519491231002X" and got["订单"][2] == (2, None)
        rec = record_of(out)
        assert rec["rows"] == {"in": 5, "out": 5, "skipped": 0}
        assert rec["sheets"]["客户"] == {"in": 3, "out": 3, "skipped": 0}
        assert rec["input"]["format"] == "xlsx" and rec["counts"]["by_entity_fallback"] == {"PERSON": 1}
        assert run("verify", out, "--input", src) == 0
        err = capsys.readouterr().err
        assert all(raw not in err for raw in RAWS)

    def test_sheet_and_columns(self, tmp_path: Path):
        src, out = tmp_path / "in.xlsx", tmp_path / "out.xlsx"
        make_workbook(src)
        assert run("redact", src, "-o", out, "--sheet", "客户", "--columns", "手机号", "--no-progress") == 0
        got, orig = sheets_of(out), sheets_of(src)
        assert got["订单"] == orig["订单"]
        assert got["客户"][1][0] == "张伟" and got["客户"][1][1] == "138****5678"
        assert record_of(out)["rows"]["in"] == 3
        assert run("redact", src, "-o", out, "--sheet", "无此表", "--no-progress") == 2
        assert run("redact", src, "-o", out, "--columns", "无此列", "--no-progress") == 2
        assert run("redact", src, "-o", tmp_path / "out.csv", "--no-progress") == 2

    def test_restore_round_trip(self, tmp_path: Path, monkeypatch):
        src, masked, restored = tmp_path / "in.xlsx", tmp_path / "m.xlsx", tmp_path / "r.xlsx"
        make_workbook(src)
        policy = tmp_path / "policy.yaml"
        policy.write_text("CN_RESIDENT_ID: encrypt\n", encoding="utf-8")
        monkeypatch.setenv("MY_KEY", "a cli test key of 32 bytes......")
        assert run("redact", src, "-o", masked, "--policy", policy, "--key-env", "MY_KEY",
                   "--entities", "CN_RESIDENT_ID", "--no-progress") == 0
        assert sheets_of(masked)["订单"][1][1].startswith("⟦PII:CN_RESIDENT_ID:")
        assert run("restore", masked, "-o", restored, "--key-env", "MY_KEY", "--no-progress") == 0
        assert sheets_of(restored) == sheets_of(src)
        monkeypatch.setenv("MY_KEY", "another key that is long enough..")
        assert run("restore", masked, "-o", restored, "--key-env", "MY_KEY", "--no-progress") == 4

    def test_bad_workbook_and_missing_openpyxl(self, tmp_path: Path, monkeypatch, capsys):
        bad = tmp_path / "bad.xlsx"
        bad.write_bytes(b"not a zip")
        assert run("redact", bad, "-o", tmp_path / "o.xlsx", "--no-progress") == 3
        assert not (tmp_path / "o.xlsx").exists()
        assert run("redact", tmp_path / "old.xls", "-o", tmp_path / "o.csv", "--no-progress") == 2
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        assert run("redact", bad, "-o", tmp_path / "o.xlsx", "--no-progress") == 2
        assert "pip install 'piiguard[excel]'" in capsys.readouterr().err

    def test_scan(self, tmp_path: Path, capsys):
        src = tmp_path / "in.xlsx"
        make_workbook(src)
        assert run("scan", src) == 0
        out = capsys.readouterr().out
        assert "in.xlsx[客户]" in out and "手机号: PHONE_NUMBER" in out and "13812345678" not in out


def test_scan_stdin():
    proc = subprocess.run([sys.executable, "-m", "piiguard.cli", "scan", "-", "--format", "csv"],
                          input="姓名,手机号\n张伟,13812345678\n".encode(), capture_output=True, timeout=120)
    assert proc.returncode == 0
    assert b"PHONE_NUMBER" in proc.stdout and b"13812345678" not in proc.stdout


def test_blank_csv_lines_are_copied_not_counted(tmp_path: Path) -> None:
    """A blank line inside a CSV is no record: copied through, counted neither in nor out."""
    src = tmp_path / "in.csv"
    src.write_text("姓名,手机\n张伟,13812345678\n\n李娜,13912345678\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert run("redact", src, "-o", out, "--no-progress") == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and lines[2] == "" and "13812345678" not in out.read_text(encoding="utf-8")
    record = json.loads((tmp_path / "out.csv.record.json").read_text(encoding="utf-8"))
    assert record["rows"]["in"] == record["rows"]["out"] == 2
