"""Concurrency (issue 8, part 6): one Guard from many threads, and process pools.

A :class:`piiguard.Guard` is documented as thread-safe (read-only after construction;
lazily built engines, models and caches behind locks). Here 8 threads share one Guard
per policy, starting together on a barrier, over records that exercise every detector,
and their results must equal a single-threaded run. Multiprocess ``redact_many`` must
equal the sequential run record for record, in order.
"""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import piiguard
from piiguard import Guard, Key

KEY = Key(b"concurrency test key 0123456789ab")
SURNAMES = "张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"
STREETS = ["北京市朝阳区建国路{n}号", "广东省深圳市南山区科技园路{n}号{b}栋", "上海市浦东新区张杨路{n}弄{b}号",
           "浙江省杭州市西湖区文三路{n}号"]


def _luhn(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def _rid(rng: random.Random) -> str:
    body = f"110105{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(a) * w for a, w in zip(body, weights)) % 11]


def records(n: int, seed: int = 6) -> list[str]:
    """Synthetic customer records (valid checksums, no real people)."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        phone = rng.choice(["138", "139", "186", "150"]) + f"{rng.randrange(10**8):08d}"
        card = "622202" + f"{rng.randrange(10**12):012d}"
        addr = rng.choice(STREETS).format(n=rng.randint(1, 300), b=rng.randint(1, 30))
        out.append(f"客户{name}，手机{phone}，身份证{_rid(rng)}，卡号{card + _luhn(card)}，住址{addr}，"
                   f"邮箱u{rng.randrange(10**5)}@example.com，备注：{rng.choice(['患有高血压', '老客户', '晚上送货'])}")
    return out


RECORDS = records(160)
POLICIES: list[Any] = ["mask", "pseudonymize", "handover", {"default": {"encrypt": "deterministic"}},
                       {"default": "hash"}]


def _spans(results: list[Any]) -> list[tuple[str, int, int, float]]:
    return [(r.entity_type, r.start, r.end, r.score) for r in results]


@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: p if isinstance(p, str) else str(p)[:30])
def test_threads_equal_single_thread(policy: Any) -> None:
    guard = Guard(policy=policy, key=KEY)
    expected = [(guard.redact(t), _spans(guard.analyze(t))) for t in RECORDS]
    fresh = Guard(policy=policy, key=KEY)  # lazily loaded parts are built under contention
    barrier = threading.Barrier(8)

    def work(offset: int) -> list[tuple[int, tuple[str, list[Any]]]]:
        barrier.wait()
        order = list(range(len(RECORDS)))
        random.Random(offset).shuffle(order)
        return [(i, (fresh.redact(RECORDS[i]), _spans(fresh.analyze(RECORDS[i])))) for i in order]

    with ThreadPoolExecutor(8) as pool:
        for chunk in pool.map(work, range(8)):
            for i, got in chunk:
                assert got == expected[i], f"record {i} differs under threads"


def test_threads_classify_and_restore() -> None:
    guard = Guard(policy={"default": "encrypt"}, key=KEY)
    tokens = [guard.redact(t) for t in RECORDS[:60]]
    levels = [piiguard.classify(t).level for t in RECORDS[:60]]

    def work(i: int) -> tuple[str, int]:
        return guard.restore(tokens[i]), piiguard.classify(RECORDS[i]).level

    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(work, list(range(60)) * 4))
    assert got == [(RECORDS[i], levels[i]) for i in list(range(60)) * 4]


def test_threads_share_default_guard_from_cold() -> None:
    # The default guard and engine are built lazily behind locks: many first callers at once.
    import subprocess
    import sys

    script = (
        "import threading, piiguard\n"
        "text = '客户张伟，手机13812345678，住址北京市朝阳区建国路88号'\n"
        "out = []\n"
        "b = threading.Barrier(8)\n"
        "def f():\n"
        "    b.wait(); out.append(piiguard.redact(text))\n"
        "ts = [threading.Thread(target=f) for _ in range(8)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
        "assert len(set(out)) == 1 and len(out) == 8, out\n"
        "assert out[0] == piiguard.redact(text)\n"
        "print(out[0])\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]


@pytest.mark.parametrize("policy", ["mask", "pseudonymize", {"default": {"encrypt": "deterministic"}}],
                         ids=["mask", "pseudonymize", "encrypt-det"])
def test_processes_equal_sequential(policy: Any) -> None:
    guard = Guard(policy=policy, key=KEY)
    if not hasattr(guard, "redact_many"):
        pytest.skip("batch API (piiguard._batch) not available")
    items: list[Any] = [*RECORDS[:160], None, "", 42, "无个人信息"]
    sequential = list(guard.redact_many(items, n_jobs=1))
    parallel = list(guard.redact_many(items, n_jobs=2, batch_size=16))
    assert parallel == sequential
    assert sequential[:160] == [guard.redact(t) for t in RECORDS[:160]]
    assert sequential[160:] == [None, "", 42, "无个人信息"]
