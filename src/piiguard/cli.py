"""The ``piiguard`` command: scan, redact, restore and verify files.

::

    piiguard scan customers.csv --html inventory.html --json inventory.json
    piiguard redact customers.csv -o customers.masked.csv --policy handover.yaml --key-file key.bin
    piiguard restore customers.masked.csv -o customers.restored.csv --key-env PIIGUARD_KEY
    piiguard verify customers.masked.csv

Inputs: ``.txt`` (one record per line), ``.csv``/``.tsv`` (header row; ``--columns``),
``.jsonl`` (one JSON value per line; ``--fields``), ``.json`` (an array of records, or
one record) and ``.xlsx`` (every sheet or ``--sheet``; header = first row; needs
``piiguard[excel]``; formulas are copied, never evaluated). ``-`` reads stdin / writes
stdout (give ``--format``); ``scan -`` scans stdin.

In CSV and xlsx tables, ``redact`` also applies the header fallback (see
:func:`piiguard.dataframe.redact_dataframe`; ``--no-header-fallback``): a cell the
detectors miss in a column whose header names one entity (姓名, 手机号 …) is redacted
whole, and counted under ``by_entity_fallback`` in the record.

Exit codes (stable; scripts may rely on them):

====  ==========================================================================
0     success
1     finished, but rows were reported (``--on-error skip|keep``), or
      ``scan --check`` found personal information
2     usage: bad arguments, unknown policy or format, output would overwrite input
3     input or output error: unreadable or undecodable input, a malformed row
      under ``--on-error fail``, output not writable
4     key error: a key is needed and missing or too short, or a token does not decrypt
5     ``verify``: the file does not match its processing record
130   interrupted
====  ==========================================================================

Nothing the command prints contains a value from the input: messages name rows,
columns and error kinds; the progress bar shows counts and rows/s.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import functools
import hashlib
import io
import json
import os
import sys
import tempfile
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

__all__ = ["main"]

EXIT_OK, EXIT_REPORTED, EXIT_USAGE, EXIT_INPUT, EXIT_KEY, EXIT_VERIFY, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 5, 130
FORMATS = ("txt", "csv", "tsv", "jsonl", "json")
_SUFFIX_FORMAT = {".txt": "txt", ".log": "txt", ".md": "txt", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
                  ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}


class CliError(Exception):
    """A failure the command reports with a fixed message and an exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


class RowError(Exception):
    """A malformed row (its kind only; the message never holds row content)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


# --------------------------------------------------------------------------- byte streams


class _Hashing(io.RawIOBase):
    """A binary stream wrapper that hashes and counts every byte that passes."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self.sha256 = hashlib.sha256()
        self.size = 0

    def _count(self, data: bytes) -> int:
        self.sha256.update(data)
        self.size += len(data)
        return len(data)


class _HashingReader(_Hashing):
    """Reads from a binary file and hashes every byte that passes."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        return self._count(data)


class _HashingWriter(_Hashing):
    """Writes to a binary file and hashes every byte that passes."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        b = bytes(data)
        self._raw.write(b)
        return self._count(b)

    def flush(self) -> None:
        self._raw.flush()


def _detect_encoding(head: bytes, requested: str) -> tuple[str, bool]:
    """The codec to read with and whether the input starts with a BOM."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", True
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", True
    if requested == "auto":
        try:
            head.decode("utf-8")
            return "utf-8", False
        except UnicodeDecodeError as exc:
            # A multi-byte character cut at the end of the sample is still UTF-8.
            if exc.start >= len(head) - 3 and exc.reason == "unexpected end of data":
                return "utf-8", False
            return "gb18030", False
    try:
        codecs.lookup(requested)
    except LookupError:
        raise CliError(f"unknown encoding {requested!r}", EXIT_USAGE) from None
    return requested, False


@dataclass
class Source:
    """An opened input: text stream, format, encoding and the hash of what was read."""

    text: IO[str]
    hasher: _HashingReader
    name: str
    fmt: str
    encoding: str
    bom: bool
    newline: str


def _open_source(path: str, fmt: str | None, encoding: str, stack: contextlib.ExitStack) -> Source:
    if path == "-":
        raw: IO[bytes] = sys.stdin.buffer
        name = "<stdin>"
        fmt = fmt or "txt"
    else:
        p = Path(path)
        if p.is_dir():
            raise CliError(f"{p.name} is a folder; give a file", EXIT_USAGE)
        fmt = fmt or _SUFFIX_FORMAT.get(p.suffix.lower())
        if p.suffix.lower() == ".xls":
            raise CliError("old .xls files are not supported: save the workbook as .xlsx (or CSV UTF-8) first",
                           EXIT_USAGE)
        if fmt is None:
            raise CliError(f"cannot tell the format of {p.name}; pass --format {'|'.join(FORMATS)}", EXIT_USAGE)
        try:
            raw = stack.enter_context(open(p, "rb"))
        except OSError as exc:
            raise CliError(f"cannot read {p.name} ({type(exc).__name__})", EXIT_INPUT) from None
        name = p.name
    hasher = _HashingReader(raw)
    buffered = io.BufferedReader(hasher, buffer_size=1 << 20)
    head = buffered.peek(1 << 16)[: 1 << 16]
    codec, bom = _detect_encoding(head, encoding)
    newline = "\r\n" if head.split(b"\n", 1)[0].endswith(b"\r") else "\n"
    # surrogateescape: an undecodable byte does not stop the run; its row is reported.
    text = io.TextIOWrapper(buffered, encoding=codec, errors="surrogateescape", newline="")
    return Source(text, hasher, name, fmt, codec, bom, newline)


def _has_bad_bytes(value: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in value)


def _fix_bad_bytes(value: str) -> str:
    return "".join("\ufffd" if "\udc80" <= ch <= "\udcff" else ch for ch in value)


@contextlib.contextmanager
def _atomic_output(path: str, encoding: str) -> Iterator[tuple[IO[str], _HashingWriter]]:
    """A text stream that becomes ``path`` only when the block succeeds (temp file + fsync + rename)."""
    if path == "-":
        writer = _HashingWriter(sys.stdout.buffer)
        text = io.TextIOWrapper(writer, encoding=encoding, errors="strict", newline="", write_through=True)
        try:
            yield text, writer
        finally:
            text.flush()
            text.detach()
        return
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise CliError(f"cannot write to the folder of {target.name} ({type(exc).__name__})", EXIT_INPUT) from None
    raw = os.fdopen(fd, "wb")
    writer = _HashingWriter(raw)
    text = io.TextIOWrapper(io.BufferedWriter(writer, buffer_size=1 << 20), encoding=encoding, errors="strict",
                            newline="")
    done = False
    try:
        yield text, writer
        text.flush()
        raw.flush()
        os.fsync(raw.fileno())
        text.close()
        raw.close()
        os.replace(tmp, target)
        done = True
        with contextlib.suppress(OSError):
            dfd = os.open(directory, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
    finally:
        if not done:
            with contextlib.suppress(Exception):
                text.close()
            with contextlib.suppress(Exception):
                raw.close()
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _write_json_atomic(path: Path, data: Any) -> None:
    with _atomic_output(str(path), "utf-8") as (out, _):
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# --------------------------------------------------------------------------- records


def _restore_cells(cells: list[tuple[str, Any]], key: Any) -> Any:
    """Restore the encrypt tokens in one row's cells; a failure names its error type only."""
    from ._batch import Failure
    from ._redact import restore_text
    from .exceptions import PiiguardError

    out = []
    for _, value in cells:
        try:
            out.append((restore_text(value, key) if isinstance(value, str) else value, ()))
        except PiiguardError as exc:
            return Failure(type(exc).__name__)
    return out


@dataclass
class Row:
    """One input record on its way through: where it came from and what to send."""

    number: int
    kind: str  # "csv", "line", "json"
    data: Any
    tasks: list[tuple[str, Any]] = field(default_factory=list)
    places: list[Any] = field(default_factory=list)
    error: str | None = None
    terminator: str = ""
    fallback: dict[int, str] | None = None  # column index -> entity, for the header fallback


@dataclass
class Run:
    """Counters of one command run."""

    rows_in: int = 0
    rows_out: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    fallback: Counter[tuple[str, str]] = field(default_factory=Counter)

    def report(self, row: int, kind: str, action: str) -> None:
        self.errors.append({"row": row, "kind": kind, "action": action})


def _split_names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    names = [v.strip() for v in value.split(",") if v.strip()]
    return names or None


def _json_leaves(obj: Any, fields: list[str] | None, key: str = "") -> Iterator[tuple[Any, Any, str, str]]:
    """(container, index, context, value) for each string to process."""
    if fields is not None and isinstance(obj, dict):
        for f in fields:
            container, k = obj, f
            parts = f.split(".")
            for part in parts[:-1]:
                container = container.get(part) if isinstance(container, dict) else None
            k = parts[-1]
            if isinstance(container, dict) and k in container:
                value = container[k]
                if isinstance(value, str):
                    yield container, k, k, value
                else:
                    yield from _json_leaves(value, None, k)
        return
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, str):
                yield obj, k, str(k), v
            else:
                yield from _json_leaves(v, None, str(k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            if isinstance(v, str):
                yield obj, i, key, v
            else:
                yield from _json_leaves(v, None, key)


def _read_rows(src: Source, args: argparse.Namespace, state: dict[str, Any]) -> Iterator[Row]:
    """Rows of the input, with the (context, value) pairs to process and malformed rows flagged."""
    fmt = src.fmt
    if fmt == "txt":
        for number, line in enumerate(src.text, start=1):
            body = line.rstrip("\r\n")
            row = Row(number, "line", None, terminator=line[len(body):])
            if _has_bad_bytes(body):
                row.error = "decode"
                body = _fix_bad_bytes(body)
            row.tasks = [("", body)]
            yield row
        return
    if fmt in ("csv", "tsv"):
        delimiter = "\t" if fmt == "tsv" else (args.delimiter or ",")
        reader = csv.reader(src.text, delimiter=delimiter, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            state["header"] = None
            return
        except csv.Error:
            raise CliError("the CSV header row is malformed", EXIT_INPUT) from None
        if any(_has_bad_bytes(h) for h in header):
            raise CliError(f"the header row cannot be decoded as {src.encoding}; try --encoding gb18030",
                           EXIT_INPUT)
        state["header"] = header
        wanted = _split_names(args.columns)
        if wanted is None:
            selected = list(range(len(header)))
        else:
            missing = [w for w in wanted if w not in header]
            if missing:
                raise CliError(f"no such column(s): {', '.join(missing)}; the header has {len(header)} columns",
                               EXIT_USAGE)
            selected = [header.index(w) for w in wanted]
        state["fields"] = [header[i] for i in selected]
        if state.get("guard") is not None:
            from .dataframe import fallback_entity

            state["fallback"] = {i: e for i in selected if (e := fallback_entity(header[i], state["guard"]))}
        fallback = state.get("fallback") or None
        number = 0
        while True:
            number += 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error:
                # A broken quote: the reader drops the record and goes on at the next line.
                # There are no cells to keep, so the row is skipped even under --on-error keep.
                row = Row(number, "csv", [])
                row.error = "csv_syntax"
                yield row
                continue
            if not cells:
                # A blank line is no record (pandas and the csv module skip it too): it is
                # copied through as a blank line and counted neither in nor out.
                yield Row(number, "blank", "", terminator=src.newline)
                continue
            row = Row(number, "csv", cells, fallback=fallback)
            if len(cells) != len(header):
                row.error = "ragged"
            if any(_has_bad_bytes(c) for c in cells):
                row.error = row.error or "decode"
                cells = row.data = [_fix_bad_bytes(c) for c in cells]
            if row.error == "ragged":
                row.places = list(range(len(cells)))
                row.tasks = [(header[i] if i < len(header) else "", cells[i]) for i in row.places]
            else:
                row.places = selected
                row.tasks = [(header[i], cells[i]) for i in selected]
            yield row
        return
    fields = _split_names(args.fields)
    if fmt == "jsonl":
        for number, line in enumerate(src.text, start=1):
            body = line.rstrip("\r\n")
            row = Row(number, "json", None, terminator=line[len(body):])
            if not body.strip():
                row.kind = "blank"
                row.data = body
                yield row
                continue
            if _has_bad_bytes(body):
                row.error = "decode"
                body = _fix_bad_bytes(body)
            try:
                row.data = json.loads(body)
            except ValueError:
                row.error = "json"
                row.kind = "line"
                row.tasks = [("", body)]
                yield row
                continue
            _json_tasks(row, fields)
            yield row
        return
    if fmt == "json":
        content = src.text.read()
        if _has_bad_bytes(content):
            raise CliError(f"the JSON file cannot be decoded as {src.encoding}; try --encoding gb18030", EXIT_INPUT)
        try:
            doc = json.loads(content) if content.strip() else []
        except ValueError:
            raise CliError("the JSON file is not valid JSON (use .jsonl for one record per line)", EXIT_INPUT) from None
        del content
        state["json_list"] = isinstance(doc, list)
        for number, item in enumerate(doc if isinstance(doc, list) else [doc], start=1):
            row = Row(number, "json", item)
            _json_tasks(row, fields)
            yield row
        return
    raise CliError(f"unknown format {fmt!r}", EXIT_USAGE)  # pragma: no cover


def _json_tasks(row: Row, fields: list[str] | None) -> None:
    if isinstance(row.data, str):
        row.places = [None]
        row.tasks = [("", row.data)]
        return
    leaves = list(_json_leaves(row.data, fields))
    row.places = [(c, k) for c, k, _, _ in leaves]
    row.tasks = [(ctx, v) for _, _, ctx, v in leaves]


class _Writer:
    """Writes processed rows in the input's format."""

    def __init__(self, out: IO[str], src: Source, args: argparse.Namespace, state: dict[str, Any]) -> None:
        self.out = out
        self.fmt = src.fmt
        self.state = state
        self.csv: Any = None
        self.json_first = True
        if self.fmt in ("csv", "tsv"):
            delimiter = "\t" if self.fmt == "tsv" else (args.delimiter or ",")
            self.csv = csv.writer(out, delimiter=delimiter, lineterminator=src.newline)
            if state.get("header") is not None:
                self.csv.writerow(state["header"])
        elif self.fmt == "json" and state.get("json_list", True):
            out.write("[")

    def write(self, row: Row, values: list[Any]) -> None:
        if row.kind == "blank":
            self.out.write(row.data + row.terminator)
        elif row.kind == "line":
            self.out.write(values[0] + row.terminator)
        elif row.kind == "csv":
            cells = list(row.data)
            for i, v in zip(row.places, values):
                cells[i] = v
            self.csv.writerow(cells)
        else:
            data = row.data
            if row.places == [None]:
                data = values[0]
            else:
                for (container, k), v in zip(row.places, values):
                    container[k] = v
            text = json.dumps(data, ensure_ascii=False)
            if self.fmt == "jsonl":
                self.out.write(text + (row.terminator or "\n"))
            elif self.state.get("json_list", True):
                self.out.write(("\n  " if self.json_first else ",\n  ") + text)
                self.json_first = False
            else:
                self.out.write(text + "\n")

    def close(self) -> None:
        if self.fmt == "json" and self.state.get("json_list", True):
            self.out.write("\n]\n" if not self.json_first else "]\n")


# --------------------------------------------------------------------------- commands


def _load_key(args: argparse.Namespace, required: bool) -> Any:
    from .exceptions import KeyMaterialError
    from .keys import Key

    try:
        if getattr(args, "key_file", None):
            return Key.from_file(args.key_file)
        if getattr(args, "key_env", None):
            return Key.from_env(args.key_env)
        return Key.coerce(None, required=required)
    except KeyMaterialError as exc:
        raise CliError(str(exc), EXIT_KEY) from None


def _build_guard(args: argparse.Namespace) -> Any:
    from ._guard import Guard
    from .exceptions import ConfigError
    from .policy import Policy

    try:
        policy = Policy.coerce(args.policy)
    except ConfigError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    except TypeError:
        raise CliError("--policy must be a preset name or a .yaml file", EXIT_USAGE) from None
    key = _load_key(args, policy.needs_key)
    try:
        return Guard(policy=policy, key=key, entities=_split_names(args.entities), threshold=args.threshold)
    except (ConfigError, ValueError) as exc:
        raise CliError(str(exc), EXIT_USAGE) from None


def _progress(args: argparse.Namespace) -> bool | None:
    if args.no_progress:
        return False
    return True if args.progress else None


def _check_paths(args: argparse.Namespace) -> None:
    if args.output != "-" and args.input != "-":
        out, inp = Path(args.output), Path(args.input)
        if out.exists() and inp.exists() and os.path.samefile(out, inp):
            raise CliError("the output would overwrite the input; choose another -o", EXIT_USAGE)
    if args.output != "-" and Path(args.output).is_dir():
        raise CliError("-o names a folder; give a file name", EXIT_USAGE)


def _process(args: argparse.Namespace, command: str) -> int:
    from . import _record
    from ._batch import Failure, run

    _check_paths(args)
    if command == "redact":
        guard = _build_guard(args)
        key, policy = guard.key, guard.policy
    else:
        guard = None
        key, policy = _load_key(args, True), None
    record = _record.new_record(command, policy=policy, key=key)
    state: dict[str, Any] = {}
    if guard is not None and not getattr(args, "no_header_fallback", False):
        state["guard"] = guard
    result = Run()
    if _is_xlsx(args.input):
        return _process_xlsx(args, command, guard, key, record, state, result)
    with contextlib.ExitStack() as stack:
        src = _open_source(args.input, args.format, args.encoding, stack)
        out_encoding = args.output_encoding or ("utf-8-sig" if src.encoding == "utf-8-sig" else
                                                "utf-8" if src.encoding == "utf-16" else src.encoding)
        rows = _read_rows(src, args, state)
        pending: deque[Row] = deque()

        def tasks() -> Iterator[list[tuple[str, Any]]]:
            for row in rows:
                result.rows_in += row.kind != "blank"
                if row.error is not None:
                    if args.on_error == "fail":
                        result.report(row.number, row.error, "failed")
                        raise CliError(f"row {row.number}: malformed ({row.error})", EXIT_INPUT)
                    if args.on_error == "skip" or row.error == "csv_syntax":
                        result.report(row.number, row.error, "skipped")
                        continue
                    result.report(row.number, row.error, "kept")
                pending.append(row)
                yield row.tasks

        restore_cells = functools.partial(_restore_cells, key=key)

        try:
            with _atomic_output(args.output, out_encoding) as (out, writer):
                # The header is read on the first pull; the writer needs it, so pull one row first.
                task_iter = tasks()
                first = next(task_iter, None)
                w = _Writer(out, src, args, state)
                feed = task_iter if first is None else _chain_first(first, task_iter)
                if command == "redact":
                    results: Iterator[Any] = run(feed, guard, "cells", n_jobs=args.jobs, batch_size=args.batch_size,
                                                 progress=_progress(args), desc="redact", unit="rows")
                else:
                    results = _serial(feed, restore_cells, _progress(args))
                for res in results:
                    row = pending.popleft()
                    if isinstance(res, Failure):
                        if args.on_error == "fail":
                            result.report(row.number, _failure_kind(res.kind), "failed")
                            code = EXIT_KEY if res.kind == "DecryptionError" else EXIT_INPUT
                            raise CliError(f"row {row.number}: {_failure_kind(res.kind)}", code)
                        # Never write a row that could not be processed: it is skipped either way.
                        result.report(row.number, _failure_kind(res.kind), "skipped")
                        continue
                    if command == "redact":
                        res = _fallback_row(guard, row.places, row, res, result)
                        if isinstance(res, Failure):
                            if args.on_error == "fail":
                                result.report(row.number, "strategy", "failed")
                                raise CliError(f"row {row.number}: strategy", EXIT_INPUT)
                            result.report(row.number, "strategy", "skipped")
                            continue
                    w.write(row, [v for v, _ in res])
                    for _, items in res:
                        result.counts.update(items)
                    result.rows_out += row.kind != "blank"
                w.close()
        except UnicodeEncodeError:
            raise CliError(f"the output cannot be encoded as {out_encoding}; use --output-encoding utf-8",
                           EXIT_INPUT) from None
        except OSError as exc:
            raise CliError(f"input/output error ({type(exc).__name__})", EXIT_INPUT) from None
        # Drain what the reader did not need, so the input hash covers the whole file.
        while src.text.buffer.read(1 << 20):
            pass
    skipped = sum(1 for e in result.errors if e["action"] == "skipped")
    record["input"] = {"name": src.name, "sha256": src.hasher.sha256.hexdigest(), "bytes": src.hasher.size,
                       "format": src.fmt, "encoding": src.encoding}
    record["output"] = {"name": "<stdout>" if args.output == "-" else Path(args.output).name,
                        "sha256": writer.sha256.hexdigest(), "bytes": writer.size, "encoding": out_encoding}
    record["fields"] = state.get("fields") or _split_names(getattr(args, "fields", None))
    return _finish(args, command, record, result, key)


def _finish(args: argparse.Namespace, command: str, record: dict[str, Any], result: Run, key: Any) -> int:
    """Fill in the counts, write the processing record, print the summary; the exit code."""
    from . import _record

    skipped = sum(1 for e in result.errors if e["action"] == "skipped")
    record["rows"] = {"in": result.rows_in, "out": result.rows_out, "skipped": skipped}
    _record.add_counts(record, result.counts, fallback=result.fallback)
    _record.add_errors(record, result.errors)
    _record.seal(record, key)
    if not args.no_record:
        rpath = Path(args.record) if args.record else (None if args.output == "-" else _record.record_path(args.output))
        if rpath is not None:
            _write_json_atomic(rpath, record)
    if not args.quiet:
        kinds = ", ".join(f"{e} {n}" for e, n in record["counts"]["by_entity"].items()) or "none"
        print(f"piiguard {command}: {result.rows_in} rows in, {result.rows_out} out, {skipped} skipped, "
              f"{len(result.errors)} reported; redacted: {kinds}" if command == "redact" else
              f"piiguard {command}: {result.rows_in} rows in, {result.rows_out} out, {skipped} skipped, "
              f"{len(result.errors)} reported", file=sys.stderr)
        if result.fallback:
            fell = Counter[str]()
            for (e, _), n in result.fallback.items():
                fell[e] += n
            print("  of which whole cells by column header: " + ", ".join(f"{e} {n}" for e, n in sorted(fell.items())),
                  file=sys.stderr)
        for e in result.errors[:20]:
            where = f"sheet {e['sheet']} " if "sheet" in e else ""
            print(f"  {where}row {e['row']}: {e['kind']} ({e['action']})", file=sys.stderr)
    return EXIT_REPORTED if result.errors else EXIT_OK


def _fallback_row(guard: Any, columns: list[int], row: Row, res: list[Any], result: Run) -> Any:
    """Apply the header fallback to the cells of one table row (see ``redact_dataframe``).

    ``columns``: the column index of each task. A row with an error (ragged, undecodable)
    gets no fallback: its cells may not sit under their headers.
    """
    from ._batch import Failure
    from .dataframe import apply_fallback

    entities = row.fallback
    if not entities or row.error is not None:
        return res
    out = list(res)
    for n, (place, (_, value)) in enumerate(zip(columns, row.tasks)):
        entity = entities.get(place)
        if entity is None:
            continue
        try:
            new, items, fell = apply_fallback(guard, entity, value, *out[n])
        except Exception:  # noqa: BLE001 - the message could hold the value
            return Failure("StrategyError")
        if fell:
            out[n] = (new, items)
            result.fallback.update(items)
    return out


def _failure_kind(name: str) -> str:
    return {"DecryptionError": "decrypt", "StrategyError": "strategy"}.get(name, "error")


def _chain_first(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


def _serial(items: Iterator[Any], fn: Any, progress: bool | None) -> Iterator[Any]:
    from ._batch import _progress_bar

    bar = _progress_bar(progress, None, "restore", "rows")
    try:
        for item in items:
            yield fn(item)
            bar.update(1)
    finally:
        bar.close()


def _cmd_scan(args: argparse.Namespace) -> int:
    from .report import scan_path

    with tempfile.TemporaryDirectory(prefix="piiguard-scan-") as tmp:
        if args.input == "-":
            # stdin is written to a private temp file (it may be read twice: sampling, then values).
            path = Path(tmp) / f"stdin.{args.format or 'txt'}"
            try:
                with open(path, "wb") as f:
                    for block in iter(lambda: sys.stdin.buffer.read(1 << 20), b""):
                        f.write(block)
            except OSError as exc:
                raise CliError(f"cannot read stdin ({type(exc).__name__})", EXIT_INPUT) from None
            label = "<stdin>"
        else:
            path = Path(args.input)
            if not path.exists():
                raise CliError(f"no such file or folder: {path.name}", EXIT_INPUT)
            label = None
        if _is_xlsx(str(path)):
            return _scan_report(args, _scan_xlsx(path, Path(tmp), args))
        try:
            inventory = scan_path(path, sample_size=args.sample_size, pack=args.pack)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise CliError(f"cannot scan {path.name} ({type(exc).__name__})", EXIT_INPUT) from None
        if label is not None:
            import dataclasses

            inventory = dataclasses.replace(
                inventory, root=label, items=tuple(dataclasses.replace(i, path=label) for i in inventory.items))
    return _scan_report(args, inventory)


def _scan_xlsx(path: Path, tmp: Path, args: argparse.Namespace) -> Any:
    """Scan each sheet of a workbook as a table (cached formula values; header = first row)."""
    import dataclasses

    from .report import scan_path

    wb = _load_workbook(path, data_only=True)
    sheets = [args.sheet] if args.sheet else [n for n in wb.sheetnames if hasattr(wb[n], "iter_rows")]
    if args.sheet and args.sheet not in wb.sheetnames:
        raise CliError(f"no such sheet: {args.sheet}; the workbook has {len(wb.sheetnames)} sheets", EXIT_USAGE)
    folder = tmp / "sheets"
    folder.mkdir()
    names: dict[str, str] = {}
    for n, sheet in enumerate(sheets):
        file = folder / f"{n:04d}.csv"
        names[file.name] = f"{path.name}[{sheet}]"
        with open(file, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            for values in wb[sheet].iter_rows(values_only=True):
                w.writerow(["" if v is None else str(v) for v in values])
    try:
        inventory = scan_path(folder, sample_size=args.sample_size, pack=args.pack)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CliError(f"cannot scan {path.name} ({type(exc).__name__})", EXIT_INPUT) from None
    return dataclasses.replace(inventory, root=path.name,
                               items=tuple(dataclasses.replace(i, path=names.get(i.path, i.path))
                                           for i in inventory.items))


def _scan_report(args: argparse.Namespace, inventory: Any) -> int:
    from .report import report_html, report_json

    if args.json:
        _write_json_atomic_text(Path(args.json), report_json(inventory))
    if args.html:
        _write_json_atomic_text(Path(args.html), report_html(inventory))
    if not args.quiet:
        label = inventory.level_label.get("zh", "")
        print(f"{inventory.root}: level {inventory.level} {label}, sensitive: {'yes' if inventory.is_sensitive else 'no'}")
        for item in inventory.items:
            res = item.result
            if res is None:
                print(f"  {item.path}: skipped (not a table or text file)")
                continue
            if hasattr(res, "columns"):
                print(f"  {item.path}: table, {res.rows} rows, level {res.level}")
                for c in res.columns:
                    if c.entities:
                        flag = " sensitive" if c.is_sensitive else ""
                        print(f"    {c.name}: {', '.join(c.entity_types)} (level {c.level}{flag})")
            else:
                counts = ", ".join(f"{e} {n}" for e, n in res.entity_counts.items()) or "none"
                print(f"  {item.path}: text, level {res.level}: {counts}")
        for name, target in (("JSON", args.json), ("HTML", args.html)):
            if target:
                print(f"{name} report: {target}")
    if args.check and any(i.result is not None and i.level > 0 for i in inventory.items):
        return EXIT_REPORTED
    return EXIT_OK


def _write_json_atomic_text(path: Path, text: str) -> None:
    with _atomic_output(str(path), "utf-8") as (out, _):
        out.write(text)


def _cmd_verify(args: argparse.Namespace) -> int:
    from ._record import verify_file

    key = _load_key(args, True) if (args.key_file or args.key_env) else None
    try:
        result = verify_file(args.output, record=args.record, input=args.input, key=key)
    except FileNotFoundError:
        raise CliError("the output or its record file does not exist", EXIT_INPUT) from None
    except (OSError, ValueError) as exc:
        raise CliError(f"cannot read the output or its record ({type(exc).__name__})", EXIT_INPUT) from None
    if not args.quiet:
        print(result)
    return EXIT_OK if result.ok else EXIT_VERIFY


# --------------------------------------------------------------------------- Excel

_XLSX_SUFFIXES = (".xlsx", ".xlsm")


def _is_xlsx(path: str) -> bool:
    return path != "-" and Path(path).suffix.lower() in _XLSX_SUFFIXES


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise CliError("reading .xlsx needs openpyxl: pip install 'piiguard[excel]'", EXIT_USAGE) from None
    return openpyxl


def _load_workbook(path: Path, *, data_only: bool = False) -> Any:
    import warnings
    import zipfile

    openpyxl = _openpyxl()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about features it drops (data validation …)
            return openpyxl.load_workbook(path, data_only=data_only, keep_vba=path.suffix.lower() == ".xlsm")
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise CliError(f"cannot read {path.name} as an Excel workbook ({type(exc).__name__})", EXIT_INPUT) from None
    except Exception as exc:  # noqa: BLE001 - openpyxl's own errors (InvalidFileException …)
        raise CliError(f"cannot read {path.name} as an Excel workbook ({type(exc).__name__})", EXIT_INPUT) from None


def _sheet_header(ws: Any) -> list[str]:
    first = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
    return ["" if v is None else str(v) for v in first]


def _xlsx_rows(wb: Any, sheets: list[str], args: argparse.Namespace, state: dict[str, Any],
               counts: dict[str, dict[str, int]]) -> Iterator[Row]:
    """One Row per data row of each sheet; tasks are the string cells of the selected columns.

    Formula cells (``=SUM(A2:A9)``) and cells that are not strings are not sent.
    """
    from .dataframe import fallback_entity

    wanted = _split_names(args.columns)
    guard = state.get("guard")
    for name in sheets:
        ws = wb[name]
        header = _sheet_header(ws)
        selected = list(range(len(header))) if wanted is None else [header.index(w) for w in wanted if w in header]
        fallback = {i: e for i in selected if guard is not None and (e := fallback_entity(header[i], guard))}
        counts[name] = {"in": 0, "out": 0, "skipped": 0}
        for cells in ws.iter_rows(min_row=2):
            row = Row(cells[0].row if cells else 0, "xlsx", name)
            counts[name]["in"] += 1
            for i in selected:
                if i >= len(cells):
                    break
                cell = cells[i]
                if isinstance(cell.value, str) and cell.data_type != "f" and cell.value:
                    row.places.append(cell)
                    row.tasks.append((header[i], cell.value))
            row.fallback = fallback
            yield row


def _process_xlsx(args: argparse.Namespace, command: str, guard: Any, key: Any, record: dict[str, Any],
                  state: dict[str, Any], result: Run) -> int:
    """``redact``/``restore`` of an .xlsx workbook: every sheet (or ``--sheet``), in place of its string cells."""
    from . import _record
    from ._batch import Failure, run

    if args.output == "-":
        raise CliError("an .xlsx input needs an output file, not -", EXIT_USAGE)
    if Path(args.output).suffix.lower() != Path(args.input).suffix.lower():
        raise CliError(f"the output of an {Path(args.input).suffix} file must be {Path(args.input).suffix} too",
                       EXIT_USAGE)
    inp = Path(args.input)
    if inp.is_dir():
        raise CliError(f"{inp.name} is a folder; give a file", EXIT_USAGE)
    _openpyxl()
    try:
        in_sha, in_size = _record.file_sha256(inp)
    except OSError as exc:
        raise CliError(f"cannot read {inp.name} ({type(exc).__name__})", EXIT_INPUT) from None
    wb = _load_workbook(inp)
    if args.sheet is not None:
        if args.sheet not in wb.sheetnames:
            raise CliError(f"no such sheet: {args.sheet}; the workbook has {len(wb.sheetnames)} sheets", EXIT_USAGE)
        sheets = [args.sheet]
    else:
        sheets = [n for n in wb.sheetnames if hasattr(wb[n], "iter_rows")]  # chart sheets have no cells
    wanted = _split_names(args.columns)
    if wanted is not None:
        headers = set().union(*(_sheet_header(wb[n]) for n in sheets)) if sheets else set()
        missing = [w for w in wanted if w not in headers]
        if missing:
            raise CliError(f"no such column(s) in any sheet: {', '.join(missing)}", EXIT_USAGE)
    per_sheet: dict[str, dict[str, int]] = {}
    pending: deque[Row] = deque()

    def tasks() -> Iterator[list[tuple[str, Any]]]:
        for row in _xlsx_rows(wb, sheets, args, state, per_sheet):
            result.rows_in += 1
            pending.append(row)
            yield row.tasks

    restore_cells = functools.partial(_restore_cells, key=key)

    if command == "redact":
        results: Iterator[Any] = run(tasks(), guard, "cells", n_jobs=args.jobs, batch_size=args.batch_size,
                                     progress=_progress(args), desc="redact", unit="rows")
    else:
        results = _serial(tasks(), restore_cells, _progress(args))
    for res in results:
        row = pending.popleft()
        if command == "redact" and not isinstance(res, Failure):
            res = _fallback_row(guard, [c.column - 1 for c in row.places], row, res, result)
        if isinstance(res, Failure):
            kind = _failure_kind(res.kind)
            if args.on_error == "fail":
                result.errors.append({"sheet": row.data, "row": row.number, "kind": kind, "action": "failed"})
                raise CliError(f"sheet {row.data} row {row.number}: {kind}",
                               EXIT_KEY if res.kind == "DecryptionError" else EXIT_INPUT)
            # The row stays (rows of a sheet do not move), but the cells that could not be
            # processed are emptied: an unprocessed value is never written.
            for cell in row.places:
                cell.value = None
            result.errors.append({"sheet": row.data, "row": row.number, "kind": kind, "action": "skipped"})
            per_sheet[row.data]["skipped"] += 1
            continue
        for cell, (value, items) in zip(row.places, res):
            cell.value = value
            result.counts.update(items)
        result.rows_out += 1
        per_sheet[row.data]["out"] += 1
    out_sha, out_size = _save_workbook_atomic(wb, Path(args.output))
    record["input"] = {"name": inp.name, "sha256": in_sha, "bytes": in_size, "format": "xlsx", "encoding": None}
    record["output"] = {"name": Path(args.output).name, "sha256": out_sha, "bytes": out_size, "encoding": None}
    record["fields"] = wanted
    record["sheets"] = per_sheet
    return _finish(args, command, record, result, key)


def _save_workbook_atomic(wb: Any, target: Path) -> tuple[str, int]:
    """Save to a temp file in the target's folder, fsync, rename; the SHA-256 and size written."""
    from . import _record

    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=target.suffix)
    except OSError as exc:
        raise CliError(f"cannot write to the folder of {target.name} ({type(exc).__name__})", EXIT_INPUT) from None
    os.close(fd)
    done = False
    try:
        wb.save(tmp)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        digest = _record.file_sha256(tmp)
        os.replace(tmp, target)
        done = True
        return digest
    except OSError as exc:
        raise CliError(f"cannot write {target.name} ({type(exc).__name__})", EXIT_INPUT) from None
    finally:
        if not done:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


# --------------------------------------------------------------------------- arguments


def _io_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", help="input file (.txt, .csv, .tsv, .jsonl, .json, .xlsx) or - for stdin")
    p.add_argument("-o", "--output", required=True, help="output file, or - for stdout")
    p.add_argument("--format", choices=FORMATS, help="input format (default: from the suffix; txt for stdin)")
    p.add_argument("--columns", help="CSV/xlsx: comma-separated column names to process (default: all)")
    p.add_argument("--sheet", help="xlsx: process only this sheet (default: every sheet; the others are copied)")
    p.add_argument("--fields", help="JSON: comma-separated keys (a.b for nested) to process (default: all strings)")
    p.add_argument("--delimiter", help="CSV delimiter (default ,)")
    p.add_argument("--encoding", default="utf-8",
                   help="input encoding: utf-8 (default; a BOM is detected), gb18030, auto, or any Python codec")
    p.add_argument("--output-encoding", help="output encoding (default: as the input)")
    p.add_argument("--on-error", choices=("fail", "skip", "keep"), default="fail",
                   help="malformed rows: fail (exit 3), skip (drop and report), keep (process as text and report)")
    p.add_argument("--key-file", help="file holding the key")
    p.add_argument("--key-env", help="environment variable holding the key (default PIIGUARD_KEY)")
    p.add_argument("--record", help="where to write the processing record (default OUTPUT.record.json)")
    p.add_argument("--no-record", action="store_true", help="do not write a processing record")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--progress", action="store_true", help="show the progress bar even when stderr is not a terminal")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (for docs and tests)."""
    parser = argparse.ArgumentParser(prog="piiguard", description="Find, classify and redact personal information "
                                     "in Chinese text and tables.",
                                     epilog="exit codes: 0 ok, 1 rows reported / scan --check found PII, 2 usage, "
                                     "3 input/output error, 4 key error, 5 verify failed")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="{scan,redact,restore,verify}")

    scan = sub.add_parser("scan", help="inventory and classification report of a file or folder")
    scan.add_argument("input", help="a CSV/TSV/text/.xlsx file, a folder, or - for stdin (give --format)")
    scan.add_argument("--format", choices=("txt", "csv", "tsv", "json", "jsonl"),
                      help="format of stdin (default txt)")
    scan.add_argument("--sheet", help="xlsx: scan only this sheet (default: every sheet)")
    scan.add_argument("--json", help="write the JSON report here")
    scan.add_argument("--html", help="write the HTML report here")
    scan.add_argument("--sample-size", type=int, default=200, help="rows sampled per table (default 200)")
    scan.add_argument("--pack", default="default", help="taxonomy pack: default, financial or a YAML file")
    scan.add_argument("--check", action="store_true", help="exit 1 when personal information is found")
    scan.add_argument("-q", "--quiet", action="store_true", help="print nothing")

    redact = sub.add_parser("redact", help="redact a file")
    _io_arguments(redact)
    redact.add_argument("--policy", default="mask",
                        help="preset (mask, pseudonymize, strict, remove, handover) or a policy .yaml file")
    redact.add_argument("--entities", help="comma-separated entity types (default: all)")
    redact.add_argument("--threshold", type=float, help="minimum score (default 0.5)")
    redact.add_argument("-j", "--jobs", type=int, default=1, help="processes (-1: all cores; default 1)")
    redact.add_argument("--batch-size", type=int, default=256, help="rows per batch (default 256)")
    redact.add_argument("--no-header-fallback", action="store_true",
                        help="CSV/xlsx: do not redact whole cells the detectors miss in a column whose header "
                             "names one entity (姓名, 手机号, 身份证号, 地址 …)")

    restore = sub.add_parser("restore", help="reverse encrypt tokens (needs the key)")
    _io_arguments(restore)

    verify = sub.add_parser("verify", help="check an output file against its processing record")
    verify.add_argument("output", help="the output file")
    verify.add_argument("--record", help="the record (default OUTPUT.record.json)")
    verify.add_argument("--input", help="also check the original input's SHA-256")
    verify.add_argument("--key-file", help="check the record's MAC with this key")
    verify.add_argument("--key-env", help="check the record's MAC with the key in this variable")
    verify.add_argument("-q", "--quiet", action="store_true", help="print nothing; use the exit code")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # long remarks are one field
    if args.version:
        from . import _record

        print(f"piiguard {_record._tool_version()}")
        return EXIT_OK
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == "scan":
            return _cmd_scan(args)
        if args.command == "verify":
            return _cmd_verify(args)
        if args.command == "redact" and (args.jobs == 0 or args.jobs < -1 or args.batch_size < 1):
            raise CliError("--jobs must be positive or -1, --batch-size positive", EXIT_USAGE)
        return _process(args, args.command)
    except CliError as exc:
        print(f"piiguard: error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("piiguard: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
