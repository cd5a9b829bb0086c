"""Load and check the declarative recognizer specs (``recognizers/*.yaml``).

A spec names one entity, the ``piiguard.ids`` validator that checks a match, what to do
with a match that fails validation (``on_invalid: drop`` removes it, ``keep`` keeps the
pattern score, as Presidio's ``validate_result`` returning False or None), its regex
patterns with base scores, context words that raise the score, and negative context
words (order numbers, amounts ...) that remove a match, and ``negative_after`` words (units
such as 元 or 次 written right after a number) that remove it too. ``priority`` orders overlapping
findings: the most specific identifier wins.

Specs ship inside the wheel (``piiguard/recognizers``); a source checkout reads the
top-level ``recognizers/`` folder. Users can load their own files with
:func:`load_specs`. Any unknown key, validator or shared list fails with a
:class:`~piiguard.ConfigError` naming the file and the entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from . import ids
from .exceptions import ConfigError

__all__ = ["PatternSpec", "RecognizerSpec", "builtin_spec_files", "load_specs"]

DEFAULT_CONTEXT_BOOST = 0.35
_SPEC_KEYS = {"entity", "name", "validator", "on_invalid", "priority", "patterns", "context",
              "negative_context", "negative_after", "context_boost", "context_window", "context_after", "context_gap",
              "language"}
_PATTERN_KEYS = {"name", "regex", "score", "trigger", "requires"}
_REGEX_FLAGS = re.ASCII | re.MULTILINE


@dataclass(frozen=True, slots=True)
class PatternSpec:
    """One regex of a recognizer and the score of a validated match."""

    name: str
    regex: str
    score: float
    #: Optional (regex, before, after): the pattern can only match within ``before``
    #: characters before and ``after`` characters after a match of this cheap regex
    #: (an ``@`` for e-mail). The fast engine scans only there; Presidio ignores it.
    trigger: tuple[str, int, int] | None = None
    #: Optional regex that occurs in every text the pattern can match in (``\\d\\.\\d`` for
    #: an IPv4 address): one cheap search rules the pattern out. Presidio ignores it.
    requires: str | None = None

    def compile(self) -> re.Pattern[str]:
        """Compile with the flags both the fast path and Presidio use."""
        return re.compile(self.regex, _REGEX_FLAGS)


@dataclass(frozen=True, slots=True)
class RecognizerSpec:
    """A recognizer definition read from YAML."""

    entity: str
    name: str
    validator: ModuleType | None
    validator_name: str | None
    on_invalid: str
    priority: int
    patterns: tuple[PatternSpec, ...]
    context: tuple[str, ...]
    negative_context: tuple[str, ...]
    context_boost: float
    context_window: int
    language: str
    source: str
    #: Words that, written right after a match (a space between allowed), make it a
    #: quantity rather than an identifier (13812345678元, …次浏览), unless a label
    #: before the match says otherwise.
    negative_after: tuple[str, ...] = ()
    #: How many characters after a match a context word may follow it and still count
    #: (0: only a label before the match counts).
    context_after: int = 8
    context_gap: int | None = None

    def __repr__(self) -> str:
        return f"RecognizerSpec(entity={self.entity!r}, name={self.name!r}, source={self.source!r})"


def _spec_dir() -> Path | None:
    packaged = resources.files("piiguard") / "recognizers"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "recognizers"
    return checkout if checkout.is_dir() else None


def builtin_spec_files() -> list[Path]:
    """The YAML files of piiguard's own recognizers, shared lists first."""
    folder = _spec_dir()
    if folder is None:
        raise ConfigError("piiguard's recognizer specs are missing from the installation.")
    return sorted(folder.glob("*.yaml"))


def _fail(source: str, what: str) -> ConfigError:
    return ConfigError(f"{source}: {what}")


def _words(value: Any, lists: dict[str, list[str]], source: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        if value not in lists:
            raise _fail(source, f"'{key}' names unknown shared list '{value}'; known: {', '.join(sorted(lists)) or 'none'}")
        return tuple(lists[value])
    if isinstance(value, list) and all(isinstance(w, str) and w for w in value):
        return tuple(value)
    raise _fail(source, f"'{key}' must be a list of words or the name of a shared list")


def _parse_spec(raw: Any, lists: dict[str, list[str]], source: str) -> RecognizerSpec:
    if not isinstance(raw, dict):
        raise _fail(source, "a spec must be a mapping")
    unknown = set(raw) - _SPEC_KEYS
    if unknown:
        raise _fail(source, f"unknown keys {sorted(unknown)}; allowed: {sorted(_SPEC_KEYS)}")
    entity = raw.get("entity")
    if not isinstance(entity, str) or not re.fullmatch(r"[A-Z][A-Z0-9_]*", entity):
        raise _fail(source, "'entity' must be an upper-case name such as CN_RESIDENT_ID")
    validator_name = raw.get("validator")
    validator = None
    if validator_name is not None:
        try:
            validator = ids.get(validator_name)
        except KeyError:
            raise _fail(source, f"unknown validator '{validator_name}'; known: {', '.join(ids.MODULES)}") from None
    on_invalid = raw.get("on_invalid", "drop")
    if on_invalid not in ("drop", "keep"):
        raise _fail(source, "'on_invalid' must be 'drop' or 'keep'")
    patterns_raw = raw.get("patterns")
    if not isinstance(patterns_raw, list) or not patterns_raw:
        raise _fail(source, "'patterns' must be a non-empty list")
    patterns = []
    for i, p in enumerate(patterns_raw):
        where = f"{source} pattern {i}"
        if not isinstance(p, dict) or set(p) - _PATTERN_KEYS or "regex" not in p:
            raise _fail(where, f"a pattern is a mapping with keys {sorted(_PATTERN_KEYS)}")
        score = p.get("score", 0.5)
        if not isinstance(score, (int, float)) or not 0 <= score <= 1:
            raise _fail(where, "'score' must be a number between 0 and 1")
        trigger = p.get("trigger")
        if trigger is not None:
            if not (isinstance(trigger, dict) and set(trigger) == {"regex", "before", "after"}):
                raise _fail(where, "'trigger' is a mapping with keys regex, before, after")
            trigger = (str(trigger["regex"]), int(trigger["before"]), int(trigger["after"]))
        requires = p.get("requires")
        if requires is not None:
            if not isinstance(requires, str) or not requires:
                raise _fail(where, "'requires' must be a non-empty regex string")
            try:
                re.compile(requires, _REGEX_FLAGS)
            except re.error as exc:
                raise _fail(where, f"invalid 'requires' regex ({exc.msg})") from None
        pattern = PatternSpec(str(p.get("name", f"{entity.lower()}_{i}")), str(p["regex"]), float(score), trigger,
                              requires)
        try:
            pattern.compile()
        except re.error as exc:
            raise _fail(where, f"invalid regex ({exc.msg})") from None
        patterns.append(pattern)
    return RecognizerSpec(
        entity=entity,
        name=str(raw.get("name", "".join(w.capitalize() for w in entity.split("_")) + "Recognizer")),
        validator=validator,
        validator_name=validator_name,
        on_invalid=on_invalid,
        priority=int(raw.get("priority", 10)),
        patterns=tuple(patterns),
        context=_words(raw.get("context"), lists, source, "context"),
        negative_context=_words(raw.get("negative_context"), lists, source, "negative_context"),
        context_boost=float(raw.get("context_boost", DEFAULT_CONTEXT_BOOST)),
        context_window=int(raw.get("context_window", 16)),
        language=str(raw.get("language", "zh")),
        source=source,
        negative_after=_words(raw.get("negative_after"), lists, source, "negative_after"),
        context_after=int(raw.get("context_after", 8)),
        context_gap=None if raw.get("context_gap") is None else int(raw["context_gap"]),
    )


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path.name}: cannot read recognizer spec ({type(exc).__name__})") from exc


def load_specs(paths: Iterable[str | Path] | None = None) -> list[RecognizerSpec]:
    """Read recognizer specs.

    Args:
        paths: YAML files; by default piiguard's own. Files whose ``lists`` key holds
            shared word lists may be included; lists are available to every file.

    Raises:
        ConfigError: a file is unreadable or a spec is malformed.
    """
    files = [Path(p) for p in (paths if paths is not None else builtin_spec_files())]
    if paths is not None:
        # User files may refer to piiguard's shared lists.
        files = [f for f in builtin_spec_files() if f.name.startswith("_")] + files
    lists: dict[str, list[str]] = {}
    docs: list[tuple[Path, Any]] = []
    for path in files:
        doc = _read_yaml(path)
        if isinstance(doc, dict) and "lists" in doc and "entity" not in doc:
            if not isinstance(doc["lists"], dict):
                raise ConfigError(f"{path.name}: 'lists' must be a mapping of name to word list")
            lists.update({str(k): [str(w) for w in v] for k, v in doc["lists"].items()})
        else:
            docs.append((path, doc))
    specs = []
    for path, doc in docs:
        entries = doc if isinstance(doc, list) else [doc]
        for i, entry in enumerate(entries):
            source = path.name if len(entries) == 1 else f"{path.name}[{i}]"
            specs.append(_parse_spec(entry, lists, source))
    return specs
