"""The processing record (处理记录): what a CLI run did to a file, never what the file holds.

``piiguard redact``/``restore`` write a record next to their output
(``out.csv.record.json``): when, with which tool version and policy, the SHA-256 of the
input and the output, how many rows went in and out, counts per entity type and
strategy, and the rows that were reported (row numbers and error kinds). It holds no
raw value and no key: only the key's fingerprint, and, when a key was used, an
HMAC-SHA256 of the record under a subkey of that key, so the key holder can show the
record was not edited afterwards. ``piiguard verify OUTPUT`` checks a file against its
record.

>>> rec = new_record("redact", policy=None, key=None)
>>> rec["rows"] == {"in": 0, "out": 0, "skipped": 0}, rec["key_fingerprint"]
(True, None)
>>> "mac" in seal(rec, None)
False
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import hmac
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["RECORD_SUFFIX", "VerifyResult", "file_sha256", "new_record", "record_path", "seal", "verify_file"]

RECORD_SUFFIX = ".record.json"
RECORD_KIND = "piiguard.processing_record"
MAX_ERRORS_LISTED = 10_000


def _tool_version() -> str:
    try:
        from importlib.metadata import version

        return version("piiguard")
    except Exception:  # noqa: BLE001 - a source checkout without metadata
        return "unknown"


def _options(options: Any) -> Any:
    if dataclasses.is_dataclass(options) and not isinstance(options, type):
        return {k: (v if isinstance(v, (str, int, float, bool, type(None))) else str(v))
                for k, v in dataclasses.asdict(options).items()}
    return str(options)


def describe_policy(policy: Any) -> dict[str, Any] | None:
    """The policy as data: preset name, default rule and per-entity rules (strategy + options)."""
    if policy is None:
        return None
    return {
        "name": getattr(policy, "name", None),
        "default": {"strategy": policy.default.strategy, "options": _options(policy.default.options)},
        "rules": {e: {"strategy": r.strategy, "options": _options(r.options)} for e, r in sorted(policy.rules.items())},
    }


def new_record(command: str, *, policy: Any, key: Any) -> dict[str, Any]:
    """An empty record for ``command`` with the tool, time, policy and key fingerprint filled in."""
    return {
        "kind": RECORD_KIND,
        "format_version": 1,
        "command": command,
        "created_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "tool": {"name": "piiguard", "version": _tool_version()},
        "policy": describe_policy(policy),
        "key_fingerprint": None if key is None else key.fingerprint,
        "input": None,
        "output": None,
        "fields": None,
        "rows": {"in": 0, "out": 0, "skipped": 0},
        "counts": {"by_entity": {}, "by_strategy": {}, "by_entity_strategy": {}, "by_entity_fallback": {}},
        "errors": [],
        "errors_total": 0,
    }


def add_counts(record: dict[str, Any], pairs: Counter[tuple[str, str]],
               fallback: Counter[tuple[str, str]] | None = None) -> None:
    """Fill ``counts`` from a Counter of ``(entity_type, strategy)``.

    ``fallback``: the part of ``pairs`` that the header fallback redacted (whole cells
    the detectors missed in a column whose header names the entity), counted again
    under ``by_entity_fallback`` (always present, empty when none).
    """
    by_entity: Counter[str] = Counter()
    by_strategy: Counter[str] = Counter()
    nested: dict[str, dict[str, int]] = {}
    for (entity, strategy), n in sorted(pairs.items()):
        by_entity[entity] += n
        by_strategy[strategy] += n
        nested.setdefault(entity, {})[strategy] = n
    by_fallback: Counter[str] = Counter()
    for (entity, _), n in (fallback or {}).items():
        by_fallback[entity] += n
    record["counts"] = {"by_entity": dict(sorted(by_entity.items())),
                        "by_strategy": dict(sorted(by_strategy.items())), "by_entity_strategy": nested,
                        "by_entity_fallback": dict(sorted(by_fallback.items()))}


def add_errors(record: dict[str, Any], errors: Iterable[Mapping[str, Any]]) -> None:
    """Record reported rows (``row``, ``kind``, ``action``); the list is capped, the total is not."""
    errs = list(errors)
    record["errors"] = [dict(e) for e in errs[:MAX_ERRORS_LISTED]]
    record["errors_total"] = len(errs)


def _canonical(record: Mapping[str, Any]) -> bytes:
    body = {k: v for k, v in record.items() if k != "mac"}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def seal(record: dict[str, Any], key: Any) -> dict[str, Any]:
    """Add ``mac`` (HMAC-SHA256 under the key's ``record`` subkey) when a key is given."""
    record.pop("mac", None)
    if key is not None:
        record["mac"] = hmac.new(key.derive("record"), _canonical(record), hashlib.sha256).hexdigest()
    return record


def record_path(output: str | os.PathLike[str]) -> Path:
    """Where the record of ``output`` goes by default: ``output + ".record.json"``."""
    p = Path(output)
    return p.with_name(p.name + RECORD_SUFFIX)


def file_sha256(path: str | os.PathLike[str]) -> tuple[str, int]:
    """SHA-256 (hex) and size of a file, read in 1 MB blocks."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


@dataclasses.dataclass(frozen=True)
class VerifyResult:
    """The outcome of :func:`verify_file`: ``ok`` and one line per check."""

    ok: bool
    checks: tuple[tuple[str, bool, str], ...]

    def __str__(self) -> str:
        return "\n".join(f"{'ok  ' if passed else 'FAIL'} {name}: {detail}" for name, passed, detail in self.checks)


def verify_file(output: str | os.PathLike[str], *, record: str | os.PathLike[str] | None = None,
                input: str | os.PathLike[str] | None = None, key: Any = None) -> VerifyResult:
    """Check ``output`` (and optionally the original ``input``) against the processing record.

    Checks: the record is a piiguard record; the output's SHA-256 and size match; the
    input's SHA-256 matches when ``input`` is given; the record's MAC matches when a
    ``key`` is given and the record was sealed; rows in = rows out + rows skipped.

    Raises:
        OSError: the output or record cannot be read.
        ValueError: the record is not valid JSON.
    """
    rpath = Path(record) if record is not None else record_path(output)
    data = json.loads(Path(rpath).read_text(encoding="utf-8"))
    checks: list[tuple[str, bool, str]] = []
    is_record = isinstance(data, dict) and data.get("kind") == RECORD_KIND
    checks.append(("record", is_record, rpath.name))
    if not is_record:
        return VerifyResult(False, tuple(checks))
    digest, size = file_sha256(output)
    want = data.get("output") or {}
    checks.append(("output sha256", digest == want.get("sha256"), digest[:16] + "…"))
    checks.append(("output size", size == want.get("bytes"), f"{size} bytes"))
    if input is not None:
        in_digest, _ = file_sha256(input)
        checks.append(("input sha256", in_digest == (data.get("input") or {}).get("sha256"), in_digest[:16] + "…"))
    rows = data.get("rows") or {}
    balanced = rows.get("in") == rows.get("out", 0) + rows.get("skipped", 0)
    checks.append(("rows in = out + skipped", balanced, f"{rows.get('in')} = {rows.get('out')} + {rows.get('skipped')}"))
    if key is not None:
        if "mac" not in data:
            checks.append(("mac", False, "record is not sealed"))
        else:
            expected = hmac.new(key.derive("record"), _canonical(data), hashlib.sha256).hexdigest()
            fp_ok = data.get("key_fingerprint") == key.fingerprint
            checks.append(("mac", fp_ok and hmac.compare_digest(expected, str(data["mac"])),
                           f"key {key.fingerprint}"))
    return VerifyResult(all(c[1] for c in checks), tuple(checks))
