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
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import piiguard  # noqa: E402
from tests.test_regex_safety import WORST as SAFETY_INPUTS  # noqa: E402

# The inputs tests/test_regex_safety.py guards, plus two that only the benchmark times.
WORST: dict[str, Callable[[int], str]] = {
    **SAFETY_INPUTS,
    "spaces": lambda n: " " * n,
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
