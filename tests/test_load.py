"""Load (issue 8, part 7), sized for CI: redact_many streams with flat memory.

A generator feeds ``Guard.redact_many`` synthetic records that are never held in a
list; the output is consumed and compared, record by record, with sequential
``Guard.redact`` on every 4th record (re-generated from the same seed). Memory is the
process's peak RSS (``getrusage``): the peak after 25k records must not exceed the peak
after 5k by more than a small constant (a leak or an unbounded queue grows with the
count). The structured recognizers keep this around 15 s; the 1-million-record run with every detector, peak RSS and 2 processes is
``benchmarks/bench_load.py``.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator

import pytest

from piiguard import Guard, Key

STRUCTURED = ["PHONE_NUMBER", "CN_RESIDENT_ID", "CN_BANK_CARD", "EMAIL_ADDRESS", "CN_USCC", "IP_ADDRESS"]


def synthetic(n: int, seed: int = 7) -> Iterator[str]:
    """``n`` short customer records, generated lazily (valid-looking, no real people)."""
    rng = random.Random(seed)
    for i in range(n):
        phone = rng.choice(["138", "139", "186"]) + f"{rng.randrange(10**8):08d}"
        yield (f"订单{i}：客户手机{phone}，身份证11010519491231002X，邮箱u{rng.randrange(10**6)}@example.com，"
               f"备注{rng.choice(['晚上送货', '老客户', '放快递柜'])}")


@pytest.mark.slow
def test_redact_many_flat_memory_and_same_output() -> None:
    guard = Guard(policy="pseudonymize", key=Key(b"load test key 0123456789abcdef"), entities=STRUCTURED)
    if not hasattr(guard, "redact_many"):
        pytest.skip("batch API not available")
    resource = pytest.importorskip("resource")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    n, checkpoints = 25_000, {5_000: 0, 25_000: 0}
    expected = synthetic(n)
    i = 0
    for i, out in enumerate(guard.redact_many(synthetic(n), batch_size=256), 1):
        value = next(expected)
        if i % 4 == 0:
            assert out == guard.redact(value), f"record {i} differs from sequential"
        if i in checkpoints:
            checkpoints[i] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    assert i == n
    growth = checkpoints[25_000] - checkpoints[5_000]
    assert growth < 24 * 1024 * 1024, f"peak RSS grew by {growth / 1e6:.1f} MB over 20k records"
