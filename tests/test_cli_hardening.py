"""Nothing lost in files (issue 8, part 5): the CLI under SIGKILL and on hostile CSV.

- A ``piiguard redact`` killed with SIGKILL at any moment leaves the output path holding
  either nothing or the previous complete file (never a truncated one), and the input
  byte for byte as it was.
- For any CSV (BOM, GB18030 given or detected, CRLF, quotes, embedded newlines, ragged
  rows, empty files), rows in = rows out + rows reported as skipped, the output holds
  exactly "rows out" data rows, every skipped row is listed in the processing record,
  and the input is untouched.

tests/test_cli.py has the example-based CLI tests; these are the adversarial ones.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

cli = pytest.importorskip("piiguard.cli")

HEADER = ["姓名", "手机", "身份证", "备注"]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def big_csv(path: Path, rows: int) -> None:
    lines = [",".join(HEADER)]
    for i in range(rows):
        lines.append(f"张伟{i % 10},1381234{i % 10000:04d},11010519491231002X,\"住址北京市朝阳区建国路{i % 300}号\n第二行\"")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _wait_for_temp(directory: Path, name: str, timeout: float) -> bool:
    """True once the CLI's temporary output exists (it is written there, then renamed)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for p in directory.iterdir():
            if p.name.startswith(f".{name}."):
                return True
        time.sleep(0.02)
    return False


class TestSigkill:
    """SIGKILL mid-run: the output is the previous complete file or absent; the input is untouched."""

    @pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
    @pytest.mark.parametrize("previous,delay", [(True, 0.3), (False, 1.0)], ids=["previous-output", "no-output"])
    def test_kill(self, tmp_path: Path, previous: bool, delay: float) -> None:
        src = tmp_path / "in.csv"
        big_csv(src, 8_000)
        before = sha(src)
        out = tmp_path / "out.csv"
        old = "姓名,手机\n张*,138****5678\n"
        if previous:
            out.write_text(old, encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "piiguard.cli", "redact", str(src), "-o", str(out),
                                 "--no-progress", "-q", "--batch-size", "64"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            started = _wait_for_temp(tmp_path, out.name, 60)
            time.sleep(delay)
            still_running = proc.poll() is None
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait(timeout=60)
        assert started, "the CLI never started writing"
        assert still_running, "the run finished before it could be killed: make the input bigger"
        assert proc.returncode == -signal.SIGKILL
        assert sha(src) == before
        if previous:
            assert out.read_text(encoding="utf-8") == old
        else:
            assert not out.exists()
        record = Path(str(out) + ".record.json")
        assert not record.exists(), "no record for a run that did not finish"
        # Only hidden temporaries may remain beside the files the test made.
        assert {p.name for p in tmp_path.iterdir() if not p.name.startswith(".")} == \
            ({"in.csv", "out.csv"} if previous else {"in.csv"})


# --------------------------------------------------------------------------- row accounting

cell = st.one_of(
    st.sampled_from(["张伟", "13812345678", "11010519491231002X", "", " ", "a,b", 'say "hi"', "多行\n文本",
                     "多行\r\n文本", "欧阳娜娜 139 1234 5678", "\ufeff", "—", "ｘ"]),
    st.text(alphabet="张伟李娜0123456789 ,\"\n\r-@.住址北京市号", max_size=12),
)
row = st.lists(cell, min_size=0, max_size=6)


def to_csv(rows: list[list[str]], newline: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=newline)
    for r in rows:
        writer.writerow(r)
    return buf.getvalue()


def data_rows(text: str) -> int:
    """Data rows as the csv module reads them; a blank line is no record (copied, not counted)."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return sum(1 for r in rows[1:] if r)


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(row, max_size=8), st.sampled_from(["\n", "\r\n"]),
       st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "gb18030-auto"]),
       st.sampled_from(["skip", "keep"]))
def test_rows_in_equal_out_plus_reported(tmp_path: Path, rows: list[list[str]], newline: str, encoding: str,
                                         on_error: str) -> None:
    text = to_csv([HEADER, *rows], newline) if rows or encoding != "utf-8" else ""
    src = tmp_path / "in.csv"
    codec = "gb18030" if encoding.startswith("gb18030") else encoding
    src.write_bytes(text.replace("\ufeff", "") .encode(codec) if codec != "utf-8-sig" else text.encode(codec))
    before = sha(src)
    out = tmp_path / "out.csv"
    args = ["redact", str(src), "-o", str(out), "--on-error", on_error, "--no-progress", "-q"]
    if encoding == "gb18030":
        args += ["--encoding", "gb18030"]
    elif encoding == "gb18030-auto":
        args += ["--encoding", "auto"]
    code = cli.main(args)
    assert sha(src) == before
    assert code in (0, 1), f"exit {code}"
    record = json.loads(Path(str(out) + ".record.json").read_text(encoding="utf-8"))
    counts = record["rows"]
    decoded = src.read_bytes().decode(codec)
    assert counts["in"] == data_rows(decoded)
    assert counts["in"] == counts["out"] + counts["skipped"]
    written = out.read_bytes().decode(record["output"]["encoding"])
    assert data_rows(written) == counts["out"]
    skipped = [e for e in record.get("errors", []) if e.get("action") == "skipped"]
    assert len(skipped) == counts["skipped"] or record.get("errors_total", 0) >= counts["skipped"]
    assert "13812345678" not in written and "11010519491231002X" not in written
