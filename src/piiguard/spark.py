"""Spark: analyze, redact and classify columns of a Spark DataFrame with pandas UDFs.

Install with ``pip install 'piiguard[spark]'`` (pyspark, pandas, pyarrow); piiguard
must be installed on the executors too. The UDFs carry picklable settings (entity
list, checked policy, key, threshold), and each executor's Python worker builds its
:class:`~piiguard.Guard` once and caches it, keyed by those settings, for every batch
it serves. Cells are analyzed with their column name as context, as in
:func:`piiguard.dataframe.redact_dataframe`.

The key, when the policy needs one, travels inside the serialized UDF, like any other
closure variable. To keep it out of the job's closure, leave ``key=None`` and set
``PIIGUARD_KEY`` on the driver and executors (``spark.executorEnv.PIIGUARD_KEY``).

Example (see docs/spark.md for a cluster job)::

    from piiguard.spark import redact_columns, classify_columns
    masked = redact_columns(df, ["姓名", "手机号", "备注"], policy="mask")
    report = classify_columns(df)   # a TableClassification, from a sample
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._batch import Settings

if TYPE_CHECKING:  # pragma: no cover
    from ._guard import Guard
    from .classification import TableClassification

__all__ = ["ANALYZE_SCHEMA", "analyze_udf", "classify_columns", "redact_columns", "redact_udf"]

ANALYZE_SCHEMA = "array<struct<entity_type:string,start:int,end:int,score:double>>"

_GUARDS: dict[Settings, Guard] = {}
_LOCK = threading.Lock()


def _guard(settings: Settings) -> Guard:
    """The Guard for ``settings`` in this process, built on first use (once per executor worker)."""
    guard = _GUARDS.get(settings)
    if guard is None:
        with _LOCK:
            guard = _GUARDS.get(settings)
            if guard is None:
                guard = _GUARDS[settings] = settings.build()
    return guard


def _settings(policy: Any, key: Any, entities: Any, threshold: Any) -> Settings:
    from ._guard import Guard

    guard = Guard(policy=policy, key=key, entities=entities, threshold=threshold)
    settings = Settings.of(guard)
    if settings.engine is not None:  # pragma: no cover - Guard() here always uses the default engine
        raise ValueError("Spark helpers use the default engine")
    return settings


def redact_udf(*, policy: Any = None, key: Any = None, entities: Sequence[str] | None = None,
               threshold: float | None = None, context: str = "") -> Any:
    """A pandas UDF ``string -> string`` that redacts each value (None stays None).

    Args:
        policy, key, entities, threshold: as for :class:`~piiguard.Guard` (checked here, on the driver).
        context: a header word read as context before each value (``"手机号"``).
    """
    return _udf_from(_settings(policy, key, entities, threshold), context)


def analyze_udf(*, entities: Sequence[str] | None = None, threshold: float | None = None) -> Any:
    """A pandas UDF ``string -> array<struct<entity_type, start, end, score>>`` (offsets, no values)."""
    settings = _settings(None, None, entities, threshold)

    def piiguard_analyze(values):  # type: ignore[no-untyped-def]
        guard = _guard(settings)

        def one(v: Any) -> list[dict[str, Any]]:
            if not isinstance(v, str):
                return []
            return [{"entity_type": r.entity_type, "start": r.start, "end": r.end, "score": float(r.score)}
                    for r in guard.analyze(v)]

        return values.map(one)

    return _series_udf(piiguard_analyze, ANALYZE_SCHEMA)


def redact_columns(df: Any, columns: Sequence[str], *, policy: Any = None, key: Any = None,
                   entities: Sequence[str] | None = None, threshold: float | None = None,
                   header_context: bool = True) -> Any:
    """``df`` with each of ``columns`` redacted (other columns untouched; non-string columns are cast to string).

    Raises:
        KeyError: a column does not exist.
    """
    from pyspark.sql import functions as F

    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise KeyError(f"no such column(s): {', '.join(missing)}")
    settings = _settings(policy, key, entities, threshold)
    for column in columns:
        udf = _udf_from(settings, column if header_context else "")
        df = df.withColumn(column, udf(F.col(f"`{column}`").cast("string")))
    return df


def _series_udf(fn: Any, return_type: str) -> Any:
    """``pandas_udf`` over a Series -> Series function (hints set as objects: this module
    uses postponed annotations, which pyspark cannot read)."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    fn.__annotations__ = {"values": pd.Series, "return": pd.Series}
    return pandas_udf(fn, return_type)  # type: ignore[call-overload]


def _udf_from(settings: Settings, context: str) -> Any:
    def piiguard_redact(values):  # type: ignore[no-untyped-def]
        from ._batch import redact_cell

        guard = _guard(settings)
        return values.map(lambda v: redact_cell(guard, context, v)[0] if isinstance(v, str) else None)

    return _series_udf(piiguard_redact, "string")


def classify_columns(df: Any, columns: Sequence[str] | None = None, *, sample_size: int = 1000,
                     seed: int = 0, **kwargs: Any) -> TableClassification:
    """Classify columns from a sample brought to the driver (:func:`~piiguard.classify_table`).

    Classification reads headers and a sample of values, so a few thousand rows say as
    much as the whole table; ``sample_size`` rows are taken (``limit`` for small frames,
    a seeded random sample otherwise). The row count reported is the frame's full count.
    """
    from .classification import classify_table

    if columns is not None:
        df = df.select(*[f"`{c}`" for c in columns])
    total = df.count()
    if total > sample_size:
        sample = df.sample(fraction=min(1.0, 2.0 * sample_size / total), seed=seed).limit(sample_size)
    else:
        sample = df
    pdf = sample.toPandas()
    table = classify_table(pdf, sample_size=sample_size, **kwargs)
    from dataclasses import replace

    return replace(table, rows=total)
