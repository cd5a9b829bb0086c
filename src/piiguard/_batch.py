"""Batch processing: analyze or redact a stream of texts, in order, on several cores.

:func:`analyze_many` and :func:`redact_many` take any iterable (a list, a generator
reading a 10 GB file, a pandas Series) and return a lazy iterator whose items come out
in input order. Memory stays bounded: the input is read ``batch_size`` records at a
time and at most ``2 * n_jobs`` batches are in flight, so a slow consumer holds the
reader back instead of letting the queue grow. (``multiprocessing.Pool.imap`` is not
used for this reason: its feeder thread drains the whole input into a queue.)

With ``n_jobs > 1`` each worker process builds its :class:`~piiguard.Guard` once, from
picklable settings (entity list, checked :class:`~piiguard.Policy`, :class:`~piiguard.Key`,
threshold), then serves batch after batch. The progress bar (tqdm, on stderr) shows
counts and records/s only, never a value.

>>> list(redact_many(["手机13812345678", "身份证11010519491231002X", None]))
['手机138****5678', '身份证110105********002X', None]
>>> [[r.entity_type for r in rs] for rs in analyze_many(["手机13812345678", ""])]
[['PHONE_NUMBER'], []]
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .exceptions import BatchError

if TYPE_CHECKING:  # pragma: no cover
    from presidio_analyzer import RecognizerResult

    from ._engine import Engine
    from ._guard import Guard
    from ._types_redact import RedactionResult

__all__ = ["BatchError", "analyze_many", "redact_many", "resolve_jobs"]

DEFAULT_BATCH_SIZE = 256


@dataclass(frozen=True)
class Failure:
    """A record that could not be processed: the error's class name, never its message."""

    kind: str


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to rebuild a Guard; pickles (the Key pickles its bytes)."""

    entities: frozenset[str] | None
    policy: Any
    key: Any
    threshold: float
    engine: Engine | None = None

    @classmethod
    def of(cls, guard: Guard) -> Settings:
        from ._engine import default_engine

        engine = None if guard._engine is default_engine() else guard._engine
        return cls(guard.entities, guard.policy, guard.key, guard.threshold, engine)

    def build(self) -> Guard:
        from ._guard import Guard

        return Guard(entities=self.entities, policy=self.policy, key=self.key, threshold=self.threshold,
                     engine=self.engine)


# -- operations run on each record (in the caller's process or in a worker) ------------

def _op_analyze(guard: Guard, item: Any) -> Any:
    return guard.analyze(item) if isinstance(item, str) else []


def _op_redact(guard: Guard, item: Any) -> Any:
    return guard.redact(item) if isinstance(item, str) else item


def _op_detailed(guard: Guard, item: Any) -> Any:
    return guard.redact_detailed(item) if isinstance(item, str) else item


def redact_cell(guard: Guard, context: str, value: Any) -> tuple[Any, tuple[tuple[str, str], ...]]:
    """Redact one table cell, reading its column header as context.

    The cell is analyzed as ``"{context}：{value}"`` so that header words (手机号, 姓名,
    收货地址) raise the scores of what the cell holds; only findings inside the value are
    redacted. Returns the new value and ``(entity_type, strategy)`` per redacted item.
    Non-string values are returned unchanged.
    """
    if not isinstance(value, str) or not value:
        return value, ()
    from presidio_analyzer import RecognizerResult

    from ._redact import redact_text

    prefix = f"{context}：" if context else ""
    shift = len(prefix)
    results = []
    for r in guard.analyze(prefix + value):
        if r.end > shift:
            # A finding that begins in the header and runs into the value is clipped to
            # the value, not dropped: its part in the cell is still personal data.
            results.append(RecognizerResult(r.entity_type, max(r.start - shift, 0), r.end - shift, r.score,
                                            recognition_metadata=r.recognition_metadata))
    done: RedactionResult = redact_text(value, results, guard.policy, guard.key)
    return done.text, tuple((i.entity_type, i.strategy) for i in done.items)


def _op_cells(guard: Guard, item: Any) -> Any:
    """``item``: a sequence of ``(context, value)``; returns ``[(new_value, items), ...]``."""
    return [redact_cell(guard, context, value) for context, value in item]


def _op_text_counted(guard: Guard, item: Any) -> Any:
    if not isinstance(item, str):
        return item, ()
    done = guard.redact_detailed(item)
    return done.text, tuple((i.entity_type, i.strategy) for i in done.items)


OPS: dict[str, Callable[[Guard, Any], Any]] = {
    "analyze": _op_analyze,
    "redact": _op_redact,
    "detailed": _op_detailed,
    "cells": _op_cells,
    "text_counted": _op_text_counted,
}


def _run_batch(guard: Guard, op: str, batch: list[Any]) -> list[Any]:
    fn = OPS[op]
    out: list[Any] = []
    for item in batch:
        try:
            out.append(fn(guard, item))
        except Exception as exc:  # noqa: BLE001 - reported per record, by class name only
            out.append(Failure(type(exc).__name__))
    return out


_WORKER: list[Guard] = []


def _init_worker(settings: Settings) -> None:
    _WORKER.clear()
    _WORKER.append(settings.build())


def _worker_batch(op: str, batch: list[Any]) -> list[Any]:
    return _run_batch(_WORKER[0], op, batch)


# -- the driver ------------------------------------------------------------------------

def resolve_jobs(n_jobs: int | None) -> int:
    """``n_jobs`` as a process count: ``-1`` (or None) means every usable core."""
    if n_jobs is None or n_jobs == -1:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # pragma: no cover - not Linux
            return max(1, os.cpu_count() or 1)
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs < 1:
        raise ValueError("n_jobs must be a positive integer or -1 (all cores)")
    return n_jobs


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while True:
        batch = list(itertools.islice(it, size))
        if not batch:
            return
        yield batch


def _progress_bar(progress: bool | None, total: int | None, desc: str, unit: str) -> Any:
    from tqdm.auto import tqdm

    # disable=None: tqdm shows the bar only when stderr is a terminal.
    disable = None if progress is None else not progress
    return tqdm(total=total, desc=desc, unit=unit, disable=disable, dynamic_ncols=True, smoothing=0.1)


def _total_of(items: Any, total: int | None) -> int | None:
    if total is not None:
        return total
    try:
        return len(items)
    except TypeError:
        return None


def run(
    items: Iterable[Any],
    guard: Guard,
    op: str,
    *,
    n_jobs: int | None = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool | None = False,
    total: int | None = None,
    desc: str = "piiguard",
    unit: str = "rec",
    weight: Callable[[Any], int] | None = None,
) -> Iterator[Any]:
    """Apply operation ``op`` to every item; yield results (or :class:`Failure`) in order.

    ``weight(item)`` says how many records an item counts for on the progress bar (a
    batch of table rows counts its rows).
    """
    if op not in OPS:
        raise ValueError(f"unknown batch operation {op!r}; valid: {', '.join(OPS)}")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError("batch_size must be a positive integer")
    jobs = resolve_jobs(n_jobs)
    count: Callable[[list[Any]], int] = len if weight is None else (lambda b: sum(weight(x) for x in b))
    return _drive(items, guard, op, jobs, batch_size, progress, _total_of(items, total), desc, unit, count)


def _drive(items: Iterable[Any], guard: Guard, op: str, jobs: int, batch_size: int, progress: bool | None,
           total: int | None, desc: str, unit: str, count: Callable[[list[Any]], int]) -> Iterator[Any]:
    bar = _progress_bar(progress, total, desc, unit)
    try:
        if jobs == 1:
            for batch in _batches(items, batch_size):
                results = _run_batch(guard, op, batch)
                bar.update(count(batch))
                yield from results
            return
        yield from _run_parallel(items, guard, op, jobs, batch_size, bar, count)
    finally:
        bar.close()


def _run_parallel(items: Iterable[Any], guard: Guard, op: str, jobs: int, batch_size: int, bar: Any,
                  count: Callable[[list[Any]], int]) -> Iterator[Any]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    settings = Settings.of(guard)
    # Fork where available: workers inherit the loaded engine instead of re-importing it.
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    pending: deque[tuple[Any, int]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                             initargs=(settings,)) as pool:
        try:
            for batch in _batches(items, batch_size):
                pending.append((pool.submit(_worker_batch, op, batch), count(batch)))
                del batch
                while len(pending) >= 2 * jobs:
                    future, n = pending.popleft()
                    results = future.result()
                    bar.update(n)
                    yield from results
            while pending:
                future, n = pending.popleft()
                results = future.result()
                bar.update(n)
                yield from results
        finally:
            for future, _ in pending:
                future.cancel()


def _raise_failures(results: Iterator[Any], what: str) -> Iterator[Any]:
    for index, result in enumerate(results):
        if isinstance(result, Failure):
            raise BatchError(f"{what} failed on record {index} ({result.kind})")
        yield result


def _guard_for(guard: Guard | None, **settings: Any) -> Guard:
    given = {k: v for k, v in settings.items() if v is not None}
    if guard is not None:
        if given:
            raise TypeError(f"pass either guard= or {', '.join(sorted(given))}, not both")
        return guard
    if not given:
        from ._api import default_guard

        return default_guard()
    from ._guard import Guard

    return Guard(**settings)


def analyze_many(
    texts: Iterable[Any],
    *,
    guard: Guard | None = None,
    entities: Collection[str] | None = None,
    threshold: float | None = None,
    n_jobs: int | None = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool | None = False,
    total: int | None = None,
) -> Iterator[list[RecognizerResult]]:
    """Analyze every text; yield one list of Presidio results per text, in input order.

    Args:
        texts: any iterable of ``str``; other items (None, NaN) yield ``[]``.
        guard: the :class:`~piiguard.Guard` to use (or give ``entities``/``threshold``).
        n_jobs: processes; ``1`` runs in this process, ``-1`` uses every core.
        batch_size: records sent to a worker at a time.
        progress: ``True`` shows a tqdm bar on stderr (counts and records/s, never
            values), ``False`` hides it, ``None`` shows it when stderr is a terminal.
        total: the number of records, for the bar (default ``len(texts)`` if known).

    Raises:
        BatchError: a record failed (index and error type only).
    """
    g = _guard_for(guard, entities=entities, threshold=threshold)
    return _raise_failures(run(texts, g, "analyze", n_jobs=n_jobs, batch_size=batch_size, progress=progress,
                               total=total, desc="analyze"), "analyze")


def redact_many(
    texts: Iterable[Any],
    *,
    guard: Guard | None = None,
    policy: Any = None,
    key: Any = None,
    entities: Collection[str] | None = None,
    threshold: float | None = None,
    n_jobs: int | None = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool | None = False,
    total: int | None = None,
    detailed: bool = False,
) -> Iterator[Any]:
    """Redact every text; yield the redacted texts in input order.

    Args:
        texts: any iterable; ``str`` items are redacted, others (None, NaN, numbers)
            come back unchanged.
        guard: the :class:`~piiguard.Guard` to use, or build one from ``policy``,
            ``key``, ``entities`` and ``threshold``.
        n_jobs, batch_size, progress, total: as for :func:`analyze_many`.
        detailed: yield :class:`~piiguard.RedactionResult` objects instead of strings.

    Returns:
        A lazy iterator: nothing is read from ``texts`` until it is consumed.

    Raises:
        BatchError: a record failed (index and error type only, never its text).
    """
    g = _guard_for(guard, policy=policy, key=key, entities=entities, threshold=threshold)
    op = "detailed" if detailed else "redact"
    return _raise_failures(run(texts, g, op, n_jobs=n_jobs, batch_size=batch_size, progress=progress,
                               total=total, desc="redact"), "redact")
