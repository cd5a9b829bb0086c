"""Run every benchmark in turn (``make bench``); each prints its own tables.

    .venv/bin/python benchmarks/run_all.py [--quick]

Accuracy is scored on data the detectors were not tuned on (see each script's
docstring); speed is measured in one process against Presidio and ``jieba.lcut`` run
side by side. Nothing here is a test: numbers vary with the machine and its load.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["bench_structured.py", "bench_ner.py", "bench_heldout.py", "bench_nlp_engine.py", "bench_batch.py", "bench_worst_case.py"]


def main() -> int:
    quick = ["--quick"] if "--quick" in sys.argv[1:] else []
    failed = 0
    for name in SCRIPTS:
        path = HERE / name
        if not path.exists():
            continue
        print(f"\n===== {name} =====", flush=True)
        accepts_quick = "--quick" in path.read_text(encoding="utf-8")
        rc = subprocess.call([sys.executable, str(path), *(quick if accepts_quick else [])])
        failed += rc != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
