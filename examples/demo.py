"""`make demo`: the piiguard CLI on the bundled example, step by step.

1. scan     inventory and classification of examples/customers.csv (JSON + HTML report)
2. redact   a masked copy, with a processing record (处理记录) next to it
3. verify   the masked copy against its record

Everything is written to build/demo/. The customer records are synthetic: the ID and
card numbers have valid checksums but belong to nobody.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "customers.csv"
OUT = HERE.parent / "build" / "demo"
SHOWN = ["姓名", "手机号", "身份证号", "银行卡号", "收货地址", "备注"]


def piiguard(*args: str) -> int:
    cmd = [sys.executable, "-m", "piiguard.cli", *args]
    print("$ piiguard " + " ".join(str(a).replace(str(HERE.parent) + "/", "") for a in args), flush=True)
    return subprocess.run(cmd, check=False).returncode


def rows(path: Path, n: int) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [row for _, row in zip(range(n), csv.DictReader(f))]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    masked = OUT / "customers.masked.csv"

    print("== 1. scan: what personal information is where ==")
    piiguard("scan", str(SOURCE), "--json", str(OUT / "inventory.json"), "--html", str(OUT / "inventory.html"))

    print("\n== 2. redact: a masked copy (policy: mask) ==")
    code = piiguard("redact", str(SOURCE), "-o", str(masked), "--policy", "mask", "--no-progress")
    if code not in (0, 1):
        sys.exit(code)
    for before, after in zip(rows(SOURCE, 3), rows(masked, 3)):
        print(f"  {before['客户编号']}")
        for col in SHOWN:
            if before[col] or after[col]:
                print(f"    {col:<6} {before[col]!r:<48} -> {after[col]!r}")

    print("\n== 3. the processing record (处理记录) ==")
    record = json.loads((OUT / "customers.masked.csv.record.json").read_text(encoding="utf-8"))
    print(json.dumps({k: record[k] for k in ("command", "created_at", "tool", "key_fingerprint", "input", "output",
                                              "rows", "counts", "errors_total")}, ensure_ascii=False, indent=2))
    print("\n== 4. verify the output against its record ==")
    piiguard("verify", str(masked), "--input", str(SOURCE))
    print(f"\nReports: {OUT / 'inventory.html'} and {OUT / 'inventory.json'}")


if __name__ == "__main__":
    main()
