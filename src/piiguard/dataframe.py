"""DataFrames: redact and classify columns of pandas (and polars) DataFrames.

:func:`redact_dataframe` returns a redacted *copy*; the frame passed in is never
modified. Columns are chosen by name, or, by default, by
:func:`~piiguard.classify_table`: every column in which it finds personal information
(from the header or from sampled values, free-text remarks included). String cells are
analyzed with their column header as context (``"手机号：13812345678"``), so header words
raise the scores of what the cell holds; cells that are not strings (numbers, dates,
None, NaN) pass through untouched.

>>> import pandas as pd
>>> df = pd.DataFrame({"姓名": ["张伟", "李娜"], "手机号": ["13812345678", 13998765432], "金额": [12.5, 3.0]})
>>> out = redact_dataframe(df)
>>> out.to_dict("list")
{'姓名': ['张*', '李*'], '手机号': ['138****5678', 13998765432], '金额': [12.5, 3.0]}
>>> df.loc[0, "手机号"]
'13812345678'
>>> pii_columns(df)
['姓名', '手机号']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ._guard import Guard
    from .classification import TableClassification

__all__ = ["classify_dataframe", "fallback_entity", "pii_columns", "redact_dataframe", "redact_dataframe_detailed"]


def _is_polars(df: Any) -> bool:
    return type(df).__module__.startswith("polars")


def _to_pandas(df: Any) -> Any:
    return df.to_pandas() if _is_polars(df) else df


def classify_dataframe(df: Any, **kwargs: Any) -> TableClassification:
    """:func:`~piiguard.classify_table` for a pandas or polars DataFrame (keyword arguments pass through)."""
    from .classification import classify_table

    return classify_table(_to_pandas(df), **kwargs)


def pii_columns(df: Any, *, classification: TableClassification | None = None, **kwargs: Any) -> list[str]:
    """Names of the columns in which :func:`~piiguard.classify_table` finds personal information."""
    table = classification or classify_dataframe(df, **kwargs)
    names = {str(c): c for c in df.columns}
    return [names[c.name] for c in table.columns if c.entities and c.name in names]


def fallback_entity(header: Any, guard: Guard) -> str | None:
    """The one entity type a column header announces, for the header fallback, or None.

    A header maps to an entity when :func:`~piiguard.classification.header_types` gives
    exactly one type, the engine has a detector for it (so field types such as GENDER or
    AGE do not count), the guard looks for it (``entities=``), and the header is not a
    free-text one (备注, remarks).

    >>> from piiguard import Guard
    >>> [fallback_entity(h, Guard()) for h in ("客户姓名", "手机号", "备注", "性别", "联系人手机号")]
    ['PERSON', 'PHONE_NUMBER', None, None, None]
    """
    from .classification import _header_is_free_text, header_types

    if header is None or _header_is_free_text(str(header)):
        return None
    types = header_types(str(header))
    if len(types) != 1:
        return None
    entity = types[0]
    if entity not in guard.supported_entities or (guard.entities is not None and entity not in guard.entities):
        return None
    return entity


# Cells that say "no value" are not a value the detectors missed.
_EMPTY_WORDS = frozenset({"-", "--", "/", "无", "暂无", "未知", "不详", "空", "null", "none", "nan", "n/a", "na"})


def apply_fallback(guard: Guard, entity: str | None, value: Any, redacted: Any,
                   items: tuple[tuple[str, str], ...]) -> tuple[Any, tuple[tuple[str, str], ...], bool]:
    """The header fallback for one cell: ``(new_value, items, fell_back)``.

    When ``entity`` is set and the detectors found no ``entity`` in the non-empty string
    ``value``, the whole cell is redacted as one finding of that entity with the policy's
    strategy for it (the strategy gets no facts: a mask works on the characters alone).
    Placeholders for "no value" (无, 未知, -, n/a, null …) are left as they are.
    Otherwise ``redacted`` and ``items`` come back unchanged.
    """
    if entity is None or not isinstance(value, str) or value.strip().lower() in _EMPTY_WORDS or not value.strip():
        return redacted, items, False
    if any(e == entity for e, _ in items):
        return redacted, items, False
    from presidio_analyzer import RecognizerResult

    from ._redact import redact_text

    done = redact_text(value, [RecognizerResult(entity, 0, len(value), 1.0)], guard.policy, guard.key)
    if not done.items:  # the cell is a token an earlier pass wrote
        return redacted, items, False
    return done.text, tuple((i.entity_type, i.strategy) for i in done.items), True


def _select(df: Any, columns: Any, guard: Guard) -> list[Any]:
    if columns is None:
        return pii_columns(df, analyze=guard.analyze)
    if isinstance(columns, str):
        if columns == "all":
            return list(df.columns)
        columns = [columns]
    wanted = list(columns)
    missing = [c for c in wanted if c not in df.columns]
    if missing:
        raise KeyError(f"no such column(s): {', '.join(map(str, missing))}")
    return wanted


def redact_dataframe_detailed(
    df: Any,
    columns: Any = None,
    *,
    policy: Any = None,
    key: Any = None,
    guard: Guard | None = None,
    n_jobs: int | None = 1,
    batch_size: int = 256,
    progress: bool | None = False,
    header_context: bool = True,
    header_fallback: bool = True,
) -> tuple[Any, dict[str, Counter[tuple[str, str]]]]:
    """Like :func:`redact_dataframe`, and also the counts of ``(entity_type, strategy)`` per column.

    The counts include the cells redacted by the header fallback; those are also counted
    on their own under the key ``f"{column}/fallback"`` (present only when some cell fell back).
    """
    from ._batch import BatchError, Failure, _guard_for, run

    g = _guard_for(guard, policy=policy, key=key)
    polars = _is_polars(df)
    pdf = _to_pandas(df)
    selected = _select(pdf, columns, g)
    out = pdf.copy(deep=True)
    counts: dict[str, Counter[tuple[str, str]]] = {}
    for column in selected:
        context = str(column) if header_context else ""
        entity = fallback_entity(column, g) if header_fallback else None
        values = pdf[column].tolist()
        results = run(([(context, v)] for v in values), g, "cells", n_jobs=n_jobs, batch_size=batch_size,
                      progress=progress, total=len(values), desc=f"redact column {len(counts) + 1}/{len(selected)}")
        new_values: list[Any] = []
        tally: Counter[tuple[str, str]] = Counter()
        fell: Counter[tuple[str, str]] = Counter()
        for row, result in enumerate(results):
            if isinstance(result, Failure):
                raise BatchError(f"redaction failed in column {column!r}, row {row} ({result.kind})")
            value, items = result[0]
            if entity is not None:
                try:
                    value, items, fallback = apply_fallback(g, entity, values[row], value, items)
                except Exception as exc:  # noqa: BLE001 - never carry the value
                    raise BatchError(f"redaction failed in column {column!r}, row {row} "
                                     f"({type(exc).__name__})") from None
                if fallback:
                    fell.update(items)
            new_values.append(value)
            tally.update(items)
        counts[str(column)] = tally
        if fell:
            counts[f"{column}/fallback"] = fell
        import pandas as pd

        dtype = pdf[column].dtype
        # Non-string cells come back as they were, so the dtype holds, except for a
        # categorical column, whose categories are the raw values.
        keep = not isinstance(dtype, pd.CategoricalDtype)
        out[column] = pd.Series(new_values, index=out.index, dtype=dtype if keep else object, name=column)
    if polars:
        import polars as pl

        out = pl.from_pandas(out)
    return out, counts


def redact_dataframe(
    df: Any,
    columns: str | Sequence[Any] | None = None,
    *,
    policy: Any = None,
    key: Any = None,
    guard: Guard | None = None,
    n_jobs: int | None = 1,
    batch_size: int = 256,
    progress: bool | None = False,
    header_context: bool = True,
    header_fallback: bool = True,
) -> Any:
    """A redacted copy of a pandas (or polars) DataFrame.

    Args:
        df: the frame; it is not modified.
        columns: column names, one name, ``"all"`` (every column), or None: the columns
            where :func:`~piiguard.classify_table` finds personal information.
        policy, key: as for :func:`piiguard.redact` (or pass ``guard``).
        guard: a :class:`~piiguard.Guard` to use instead of ``policy``/``key``.
        n_jobs, batch_size, progress: as for :func:`piiguard.redact_many`.
        header_context: analyze each cell with its column name as context (default).
        header_fallback: in a column whose header names exactly one entity type the
            engine detects (姓名 → PERSON, 手机号 → PHONE_NUMBER, 收货地址 → CN_ADDRESS),
            a non-empty string cell in which the detectors find no such entity is
            redacted whole as that entity, with the policy's strategy for it (default
            True): a name the model misses in a 姓名 column would otherwise leak.
            Free-text columns (备注) are never affected.

    Returns:
        A new frame of the same type, index and columns; non-string cells unchanged.

    Raises:
        KeyError: a named column does not exist.
        BatchError: a cell could not be redacted (column and row are named, never the value).
    """
    return redact_dataframe_detailed(df, columns, policy=policy, key=key, guard=guard, n_jobs=n_jobs,
                                     batch_size=batch_size, progress=progress, header_context=header_context,
                                     header_fallback=header_fallback)[0]

