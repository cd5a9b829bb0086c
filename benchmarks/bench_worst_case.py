"""Worst-case inputs: time of analyze (and redact) against input size, and the growth.

    .venv/bin/python benchmarks/bench_worst_case.py            # n = 25k, 100k, 400k characters
    .venv/bin/python benchmarks/bench_worst_case.py --quick    # n = 10k, 40k

Each input is built to make a regex or detector backtrack or rescan: long digit runs,
repeated separators, '@' and '.' runs, surname and division-name runs, a megabyte of
text without a newline. "x4" is the time ratio between consecutive sizes (4x the
input): 4 is linear, 16 would be quadratic. tests/test_regex_safety.py guards the same
inputs with loose bounds.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import piiguard

WORST: dict[str, Callable[[int], str]] = {
    "digits 111…": lambda n: "1" * n,
    "digits '1 1 1…'": lambda n: "1 " * (n // 2),
    "digits '1-1-1…'": lambda n: "1-" * (n // 2),
    "dashes ------": lambda n: "-" * n,
    "spaces": lambda n: " " * n,
    "'@' run": lambda n: "@" * n,
    "local part, no '@'": lambda n: "a" * n + "@",
    "'a.a.a.'": lambda n: "a." * (n // 2),
    "'+86 ' run": lambda n: "+86 " * (n // 4),
    "surname 张张张": lambda n: "张" * n,
    "surnames mixed": lambda n: ("王李赵刘陈欧阳" * n)[:n],
    "divisions 北京市朝阳区…": lambda n: ("北京市朝阳区" * n)[:n],
    "address words": lambda n: ("省市区路号栋单元室" * n)[:n],
    "house numbers 1号1号": lambda n: "1号" * (n // 2),
    "labels 姓名：": lambda n: "姓名：" * (n // 3),
    "full-width digits": lambda n: "１" * n,
    "zero-width between digits": lambda n: "1\u200b" * (n // 2),
    "token openers ⟦PII:A:": lambda n: "⟦PII:A:" * (n // 7),
    "url a.a.a.": lambda n: "http://" + "a." * (n // 2),
    "prose, no newline": lambda n: ("的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要" * n)[:n],
}


def timed(fn: Callable[[str], object], text: str) -> float:
    t = time.perf_counter()
    fn(text)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    sizes = [10_000, 40_000] if args.quick else [25_000, 100_000, 400_000]
    piiguard.analyze("客户张伟先生，手机13812345678，住址北京市朝阳区建国路88号")
    guard = piiguard.Guard(policy="mask")
    header = f"{'input':28s}" + "".join(f"{n // 1000:>8d}k" for n in sizes) + "   x4 (worst)"
    for label, fn in (("analyze", piiguard.analyze), ("redact (mask)", guard.redact)):
        print(f"\n{label}: seconds per input size\n{header}")
        for name, make in WORST.items():
            times = [timed(fn, make(n)) for n in sizes]
            ratios = [b / a for a, b in zip(times, times[1:]) if a > 0.005]
            worst = f"{max(ratios):5.1f}" if ratios else "    -"
            print(f"{name:28s}" + "".join(f"{t:9.3f}" for t in times) + f"   {worst}", flush=True)
        if args.quick:
            break


if __name__ == "__main__":
    main()
