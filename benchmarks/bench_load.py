"""Load: redact_many over a million synthetic records with flat memory (issue 8, part 7).

    .venv/bin/python benchmarks/bench_load.py                 # 1,000,000 records, structured, 1 process
    .venv/bin/python benchmarks/bench_load.py --all -j 2      # every detector, 2 processes
    .venv/bin/python benchmarks/bench_load.py --quick         # 100,000 records

Records are generated lazily and the output is consumed as it comes, so memory should
not depend on the record count. Prints records/s and the process's peak RSS at
checkpoints (children included with -j), and checks every 1000th output against
sequential ``Guard.redact`` of the same record.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections.abc import Iterator

from piiguard import Guard, Key

STRUCTURED = ["PHONE_NUMBER", "CN_RESIDENT_ID", "CN_BANK_CARD", "EMAIL_ADDRESS", "CN_USCC", "IP_ADDRESS"]
SURNAMES, GIVEN = "张王李赵刘陈杨黄吴周", "伟芳娜敏静丽强磊军洋"


def synthetic(n: int, seed: int = 7) -> Iterator[str]:
    rng = random.Random(seed)
    for i in range(n):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        phone = rng.choice(["138", "139", "186"]) + f"{rng.randrange(10**8):08d}"
        yield (f"订单{i}：客户{name}，手机{phone}，身份证11010519491231002X，邮箱u{rng.randrange(10**6)}@example.com，"
               f"住址北京市朝阳区建国路{rng.randint(1, 300)}号，备注{rng.choice(['晚上送货', '老客户', '放快递柜'])}")


def peak_rss_mb() -> float:
    scale = 1 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) * scale / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1_000_000)
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--all", action="store_true", help="every detector (names, addresses, terms), not only patterns")
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    n = 100_000 if args.quick else args.n
    guard = Guard(policy="pseudonymize", key=Key(b"load benchmark key 0123456789ab"),
                  entities=None if args.all else STRUCTURED)
    guard.redact(next(synthetic(1)))
    print(f"redact_many: {n:,} records, {'all detectors' if args.all else 'structured'}, {args.jobs} process(es)")
    print(f"{'records':>10s} {'seconds':>8s} {'rec/s':>8s} {'peak RSS MB':>12s}")
    check = synthetic(n)
    t0 = time.perf_counter()
    step = max(n // 10, 1)
    mismatches = 0
    i = 0
    for i, out in enumerate(guard.redact_many(synthetic(n), n_jobs=args.jobs, batch_size=512), 1):
        value = next(check)
        if i % 1000 == 0 and out != guard.redact(value):
            mismatches += 1
        if i % step == 0 or i == n:
            secs = time.perf_counter() - t0
            print(f"{i:>10,d} {secs:8.1f} {i / secs:8.0f} {peak_rss_mb():12.1f}", flush=True)
    print(f"outputs checked against sequential: {n // 1000:,}, mismatches: {mismatches}")


if __name__ == "__main__":
    main()
