"""The fast analyzer: one pass per spec pattern, validators, context by position.

Presidio's ``AnalyzerEngine`` runs an NLP pipeline and a token-based context enhancer
for every call; on Chinese records that costs milliseconds and grows quadratically on
long text. This engine reads the same YAML specs and calls the same ``piiguard.ids``
validators as :mod:`piiguard.recognizers` (the plain-Presidio path), but:

1. normalizes once (:mod:`piiguard._normalize`) and maps offsets back at the end;
2. runs each compiled pattern over the text (C-speed scanning), validates each match
   and looks up context words in a short window by position (:mod:`piiguard._context`);
3. runs model detectors (names, addresses, sensitive terms) registered by entity;
4. resolves overlaps (:mod:`piiguard._resolve`) and returns Presidio
   ``RecognizerResult`` objects whose ``recognition_metadata["facts"]`` holds parsed facts.

Cost is linear in the text length.
"""

from __future__ import annotations

import importlib
import re
import threading
from functools import lru_cache
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from presidio_analyzer import RecognizerResult

from ._context import ContextMatcher
from ._fold import fold
from ._regexutil import common_prefix as _common_prefix
from ._regexutil import first_chars as _first_chars
from ._regexutil import gated
from ._regexutil import required_ascii as _required_ascii
from ._regexutil import word_alternation
from ._normalize import Normalized, normalize
from ._resolve import resolve
from ._specs import _REGEX_FLAGS, PatternSpec, RecognizerSpec, load_specs
from ._types import Finding
from .exceptions import ConfigError

__all__ = ["DEFAULT_THRESHOLD", "Detector", "Engine", "builtin_detectors"]

DEFAULT_THRESHOLD = 0.5
_MIN_SCORE_WITH_CONTEXT = 0.4


@dataclass(frozen=True)
class Detector:
    """A model-based detector: a function from normalized text to findings."""

    name: str
    entities: tuple[str, ...]
    detect: Callable[[str], list[Finding]]
    #: Overlap rank of its entities (one number, or per entity); identifiers rank 20-60.
    priority: int | dict[str, int] = 10
    #: Cheaper functions for a single entity, used when only that one is asked for.
    per_entity: dict[str, Callable[[str], list[Finding]]] | None = None
    #: ``detect`` takes ``known=``: spans of identifiers already found, where the
    #: detector need not look.
    takes_known: bool = False

    def run(self, text: str, wanted: frozenset[str] | None,
            known: list[tuple[int, int]] | None = None) -> list[Finding]:
        """Findings of the entity types in ``wanted`` (all when None)."""
        if wanted is not None and self.per_entity:
            asked = wanted.intersection(self.entities)
            if len(asked) == 1:
                (only,) = asked
                if only in self.per_entity:
                    return self.per_entity[only](text)
        if known and self.takes_known:
            return self.detect(text, known=known)  # type: ignore[call-arg]
        return self.detect(text)


def _lazy(module: str, func: str) -> Callable[..., list[Finding]]:
    target: list[Callable[..., list[Finding]]] = []

    def call(text: str, **kwargs: Any) -> list[Finding]:
        if not target:
            target.append(getattr(importlib.import_module(module), func))
        return target[0](text, **kwargs)

    return call


def _module_with(name: str, *funcs: str) -> bool:
    """True when module ``name`` is importable and defines every function in ``funcs``."""
    try:
        module = importlib.import_module(name)
    except ImportError:
        return False
    return all(callable(getattr(module, f, None)) for f in funcs)


def builtin_detectors() -> list[Detector]:
    """piiguard's model-based detectors that are installed."""
    found = []
    if _module_with("piiguard.ner", "detect_persons", "detect_addresses", "detect_names_and_addresses"):
        found.append(
            Detector(
                "NameAddressDetector",
                ("PERSON", "CN_ADDRESS"),
                _lazy("piiguard.ner", "detect_names_and_addresses"),
                {"PERSON": 10, "CN_ADDRESS": 12},
                {"PERSON": _lazy("piiguard.ner", "detect_persons"),
                 "CN_ADDRESS": _lazy("piiguard.ner", "detect_addresses")},
                takes_known=True,
            )
        )
    if _module_with("piiguard.sensitive", "detect_sensitive_terms"):
        entities = tuple(getattr(importlib.import_module("piiguard.sensitive"), "ENTITIES", ()))
        if entities:
            found.append(Detector("SensitiveTermDetector", entities,
                                  _lazy("piiguard.sensitive", "detect_sensitive_terms"), 11))
    return found


def _triggered(
    regex: re.Pattern[str], trigger: tuple[re.Pattern[str], int, int], text: str
) -> Iterator[re.Match[str]]:
    """Matches of ``regex`` only in windows around the trigger's matches."""
    gate, before, after = trigger
    # Merge overlapping windows; lookbehinds still see before the window start.
    windows: list[list[int]] = []
    for g in gate.finditer(text):
        lo, hi = max(g.start() - before, 0), g.end() + after
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    last_end = -1
    for lo, hi in windows:
        for m in regex.finditer(text, max(lo, last_end), min(hi, len(text))):
            last_end = m.end()
            yield m


_UNSAFE_TO_MERGE = re.compile(r"\(\?P[<=]|\\[1-9]|\(\?[aiLmsux]+\)")


def to_results(findings: Iterable[Finding], norm: Normalized, name: str | None = None,
               identifier: str | None = None) -> list[RecognizerResult]:
    """Presidio results for findings on normalized text, with offsets into the original.

    ``name`` and ``identifier`` default to each finding's recognizer. One loop for all
    findings: on records of a hundred characters a call per finding is a fifth of the cost.
    """
    to_original = None if norm.is_identity else norm.to_original
    name_key, id_key = RecognizerResult.RECOGNIZER_NAME_KEY, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
    results = []
    for f in findings:
        start, end = (f.start, f.end) if to_original is None else to_original(f.start, f.end)
        recognizer = f.recognizer
        # Positional: no analysis_explanation, then recognition_metadata (keywords cost more).
        results.append(RecognizerResult(
            f.entity_type, start, end, round(f.score, 4), None,
            {name_key: name or recognizer, id_key: identifier or recognizer, "facts": dict(f.metadata)},
        ))
    return results


def _take_mask_run(f: Finding, text: str) -> None:
    """Extend a name or address over the mask characters that follow it.

    A name or address followed by ``*`` is one masked earlier (欧阳**, 朝阳区****): the
    span takes the mask in, so masking it again changes nothing. Separators inside the
    masked run (``*-*-***``) are taken too when mask characters follow them.
    """
    if f.entity_type not in ("PERSON", "CN_ADDRESS"):
        return
    end = f.end
    n = len(text)
    while end < n and (text[end] == "*" or (text[end] in "-· " and text[end + 1 : end + 2] == "*")):
        end += 1
    f.end = end


class _Pattern(NamedTuple):
    """One compiled regex of a spec (a single pattern or an alternation of several)."""

    regex: re.Pattern[str]
    #: Base score per named group of an alternation ({"_p0": 0.9, ...}); None for a single pattern.
    scores: dict[str, float] | None
    #: The base score of a single pattern (the best one of an alternation).
    score: float
    #: (compiled trigger, before, after), or None.
    trigger: tuple[re.Pattern[str], int, int] | None
    #: Possible first characters, all ASCII; None when unknown, gated instead, or the
    #: same as the spec's (checked once for the spec).
    first: frozenset[str] | None
    #: A regex that must occur in the text for the pattern to match.
    gate: re.Pattern[str] | None
    #: ASCII characters of which the text must hold one for the gate or the trigger to
    #: match (see ``required_ascii``), or None.
    gate_first: frozenset[str] | None = None


def _merge(group: list[PatternSpec]) -> _Pattern:
    """One alternation with a named group per pattern, in spec order.

    The leading text the patterns share (``[1-9](?<![0-9A-Za-z].)…`` of the resident-ID
    forms) is matched once, before the alternation: at each digit of a record the
    look-behinds then run once instead of once per pattern.
    """
    prefix = _common_prefix([p.regex for p in group], _REGEX_FLAGS)
    merged = "|".join(f"(?P<_p{i}>{p.regex[len(prefix):]})" for i, p in enumerate(group))
    if prefix:
        merged = f"{prefix}(?:{merged})"
    scores = {f"_p{i}": p.score for i, p in enumerate(group)}
    # gated(): a leading lookahead of the possible first characters lets the regex
    # engine skip ahead, as it does by itself for a pattern that begins with a
    # character or a class (a shared prefix may).
    first = _first_chars(merged)
    regex = re.compile(merged, _REGEX_FLAGS) if _first_chars(prefix) else gated(merged, _REGEX_FLAGS)
    return _Pattern(regex, scores, max(scores.values()), None, first, _gate(group[0]))


def _gate(p: PatternSpec) -> re.Pattern[str] | None:
    return None if p.requires is None else _compile_gate(p.requires)


@lru_cache(maxsize=256)
def _compile_gate(pattern: str) -> re.Pattern[str]:
    """One compiled object per gate text: scan() caches a gate's answer per text by
    object, so specs sharing a gate ([A-Za-z]\\d{6}) search once."""
    return re.compile(pattern, _REGEX_FLAGS)



class _CompiledSpec:
    """A spec's patterns compiled for the fast path.

    Patterns without a trigger are merged into one alternation with a named group per
    pattern, in spec order: one regex call per spec instead of one per pattern, which
    on short records is most of the cost. At one position the first alternative that
    matches wins; a spec's patterns describe the same identifier in different written
    forms with strict boundaries, so at most one of them fits a given run.
    """

    __slots__ = ("spec", "patterns", "context", "is_valid", "parse", "first", "settings")

    def __init__(self, spec: RecognizerSpec) -> None:
        self.spec = spec
        self.patterns: list[_Pattern] = []
        plain = [p for p in spec.patterns if p.trigger is None]
        rest: list[PatternSpec] = [p for p in spec.patterns if p.trigger is not None]
        if any(_UNSAFE_TO_MERGE.search(p.regex) for p in plain):
            rest, plain = list(spec.patterns), []
        # Weak patterns (reported only next to a context word at the default threshold)
        # form their own alternation, which scan() skips when no context word is in the text.
        # Patterns sharing a 'requires' gate merge together, so one search rules them out.
        groups: dict[tuple[bool, str | None], list[PatternSpec]] = {}
        for p in plain:
            groups.setdefault((p.score >= DEFAULT_THRESHOLD, p.requires), []).append(p)
        for group in groups.values():
            if len(group) == 1:
                rest.append(group[0])
            else:
                self.patterns.append(_merge(group))
        for p in rest:
            trigger = (re.compile(p.trigger[0], re.ASCII), p.trigger[1], p.trigger[2]) if p.trigger else None
            self.patterns.append(_Pattern(p.compile(), None, p.score, trigger, _first_chars(p.regex), _gate(p)))
        # scan() knows which ASCII characters a text holds; a pattern that can start with
        # another character (京 of a plate) is ruled out by a search for its first
        # characters instead, one regex call.
        for i, pattern in enumerate(self.patterns):
            first, gate = pattern.first, pattern.gate
            if first is not None and not all(c.isascii() for c in first):
                if gate is None:
                    gate = re.compile("[" + "".join(re.escape(c) for c in sorted(first)) + "]")
                self.patterns[i] = pattern = pattern._replace(first=None, gate=gate)
            # Likewise a gate or trigger that must match first: '@' of an e-mail, ':' of IPv6,
            # the letter after the province character of a plate.
            needed = pattern.gate.pattern if pattern.gate is not None else (
                pattern.trigger[0].pattern if pattern.trigger is not None else None)
            gate_first = None if needed is None else _required_ascii(needed, _REGEX_FLAGS)
            if gate_first is not None:
                self.patterns[i] = pattern._replace(gate_first=gate_first)
        #: Characters of which a text must hold one for any pattern to start (None: unknown).
        firsts = [p.first for p in self.patterns]
        self.first: frozenset[str] | None = (
            None if any(f is None for f in firsts) else frozenset().union(*firsts))  # type: ignore[arg-type]
        # scan() checks these before the patterns' own: a pattern whose first characters
        # are the same (the only pattern, or one of a set that all start alike) is not
        # checked twice.
        if self.first is not None:
            self.patterns = [p._replace(first=None) if p.first == self.first else p for p in self.patterns]
        self.context = ContextMatcher(spec.context, spec.negative_context, spec.context_window,
                                      spec.negative_after, spec.context_after, spec.context_gap)
        v = spec.validator
        self.is_valid = v.is_valid if v is not None else None
        self.parse = getattr(v, "parse", None) if v is not None else None
        #: What scan() reads for every match, in one tuple: one attribute load per spec.
        self.settings = (self.is_valid, self.parse, self.context, spec.on_invalid == "drop", spec.entity,
                         spec.name, spec.context_boost)


class _Mentions:
    """Which specs have a positive context word anywhere in a text, in one search for all.

    scan() reports a pattern scoring below the threshold only next to a context word, and
    skips it when the text holds none of the spec's words; asked spec by spec, that is
    a search of the whole text per spec. One alternation of all the specs' words answers
    for all of them: it is searched again from the character after each match, so every
    position where a word occurs is visited, and the match there is the longest word at
    that position, of which every other word there is a prefix.
    """

    __slots__ = ("_regex", "_specs_of")

    def __init__(self, specs: Iterable[_CompiledSpec]) -> None:
        owners: dict[str, set[_CompiledSpec]] = {}
        for cs in specs:
            for word in cs.context.positive_words:
                owners.setdefault(word, set()).add(cs)
        words = sorted(owners, key=len, reverse=True)
        self._regex = re.compile(word_alternation(words)) if words else None
        self._specs_of = {w: frozenset(cs for v, of_v in owners.items() if w.startswith(v) for cs in of_v)
                          for w in words}

    def __call__(self, text: str) -> set[_CompiledSpec]:
        """The specs with one of their positive context words in ``text``."""
        found: set[_CompiledSpec] = set()
        if self._regex is None:
            return found
        search, specs_of = self._regex.search, self._specs_of
        m = search(text)
        while m is not None:
            found |= specs_of[m.group()]
            m = search(text, m.start() + 1)
        return found


class _Plan(NamedTuple):
    """What scan() runs for one set of entities at one threshold."""

    specs: list[_CompiledSpec]
    #: The specs that have a pattern below the threshold, which need a context word.
    mentions: _Mentions


class Engine:
    """Runs recognizer specs and detectors over text; thread-safe once built."""

    def __init__(
        self,
        specs: Sequence[RecognizerSpec] | None = None,
        detectors: Sequence[Detector] | None = None,
    ) -> None:
        specs = list(specs) if specs is not None else load_specs()
        self._specs = [_CompiledSpec(s) for s in specs]
        self._plans: dict[tuple[frozenset[str] | None, float], _Plan] = {}
        self._wanted: dict[tuple[str, ...], frozenset[str]] = {}
        self._detectors = list(detectors) if detectors is not None else builtin_detectors()
        self.priority = {s.entity: s.priority for s in specs}
        for d in self._detectors:
            for e in d.entities:
                rank = d.priority.get(e, 10) if isinstance(d.priority, dict) else d.priority
                self.priority.setdefault(e, rank)
        self.supported_entities = tuple(sorted(self.priority))
        self._supported = frozenset(self.supported_entities)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Engine(entities={len(self.supported_entities)}, detectors={len(self._detectors)})"

    def _check_entities(self, entities: Collection[str] | None) -> frozenset[str] | None:
        if entities is None:
            return None
        if isinstance(entities, str):
            raise TypeError("entities must be a collection of entity names, not a single string")
        if isinstance(entities, frozenset):
            key = None
            wanted = entities
        else:
            # The same list on every call (analyze(text, entities=STRUCTURED)): its frozenset,
            # checked once, and with its hash kept for the plan lookup.
            key = tuple(entities)
            known = self._wanted.get(key)
            if known is not None:
                return known
            wanted = frozenset(key)
        if not wanted <= self._supported:
            unknown = wanted - self._supported
            raise ConfigError(
                f"unknown entity types {sorted(unknown)}; supported: {', '.join(self.supported_entities)}"
            )
        if key is not None:
            if len(self._wanted) >= 64:  # bounded, as the plans are
                self._wanted.clear()
            self._wanted[key] = wanted
        return wanted

    def _plan(self, entities: frozenset[str] | None, threshold: float) -> _Plan:
        """The compiled specs of ``entities`` (all when None) and one search for the context
        words of those with a pattern below ``threshold``; memoized per entity set and threshold."""
        key = (entities, threshold)
        plan = self._plans.get(key)
        if plan is None:
            if len(self._plans) >= 64:  # bounded: callers rarely use many distinct sets
                self._plans.clear()
            specs = self._specs if entities is None else [cs for cs in self._specs if cs.spec.entity in entities]
            weak = [cs for cs in specs if any(p.score < threshold for p in cs.patterns)]
            plan = self._plans[key] = _Plan(specs, _Mentions(weak))
        return plan

    def scan(self, text: str, entities: frozenset[str] | None = None, threshold: float = 0.0) -> list[Finding]:
        """Resolved findings at or above ``threshold`` on normalized text (offsets index ``text``)."""
        structured: list[Finding] = []
        # A pattern whose possible first characters are all absent cannot match. First
        # characters are ASCII (other patterns are gated by a search); the set of the
        # text's ASCII characters costs a tenth of set(text) on Chinese text.
        present = set(text.encode("ascii", "ignore").decode("ascii"))
        # Gates' answers for this text, by the gate's id(): hashing a compiled pattern
        # hashes its whole program, each time (a tenth of the cost on short records).
        gates: dict[int, bool] = {}
        # Context words are read with traditional characters as simplified (卡號, 電話):
        # the same length, so positions agree.
        words_text = fold(text)
        plan = self._plan(entities, threshold)
        mentioned: set[_CompiledSpec] | None = None
        for cs in plan.specs:
            if cs.first is not None and cs.first.isdisjoint(present):
                continue
            is_valid, parse, ctx, drop_invalid, entity, name, boosted = cs.settings
            context_in_text: bool | None = None
            for regex, scores, score, trigger, first, gate, gate_first in cs.patterns:
                if first is not None and first.isdisjoint(present):
                    continue
                if gate_first is not None and gate_first.isdisjoint(present):
                    continue
                if score < threshold:
                    # Below the threshold without context: a match needs a context word
                    # near it, so none in the whole text means no match can be reported.
                    # Asked before the gate: one search answers for all specs, a gate for one.
                    if context_in_text is None:
                        if mentioned is None:
                            mentioned = plan.mentions(words_text)
                        context_in_text = cs in mentioned
                    if not context_in_text:
                        continue
                if gate is not None:
                    key = id(gate)
                    ok = gates.get(key)
                    if ok is None:
                        ok = gates[key] = gate.search(text) is not None
                    if not ok:
                        continue
                base = score
                matches = regex.finditer(text) if trigger is None else _triggered(regex, trigger, text)
                for m in matches:
                    start, end = m.span()
                    if scores is not None:
                        base = scores[m.lastgroup]  # type: ignore[index]
                    effect = None
                    if base < threshold:
                        # Reported only with a context word: look for one before validating.
                        effect = ctx.effect(words_text, start, end)
                        if effect <= 0:
                            continue
                    # parse() validates and yields the facts in one go.
                    if parse is not None:
                        try:
                            facts = parse(m.group())
                        except ValueError:
                            if drop_invalid:
                                continue
                            facts = {}
                    else:
                        facts = {}
                        if is_valid is not None and drop_invalid and not is_valid(m.group()):
                            continue
                    if effect is None:
                        effect = ctx.effect(words_text, start, end)
                        if effect < 0:
                            continue
                    if effect > 0:
                        found_score = max(min(base + boosted, 1.0), _MIN_SCORE_WITH_CONTEXT)
                        if found_score < threshold:
                            continue
                    else:
                        found_score = base
                    structured.append(Finding(start, end, entity, found_score, name, facts, effect))
        other: list[Finding] = []
        # Identifiers found so far: a name or address cannot start inside an e-mail or
        # phone number, so the model detectors need not look there.
        known: list[tuple[int, int]] | None = None
        for d in self._detectors:
            if entities is not None and entities.isdisjoint(d.entities):
                continue
            if known is None and structured:
                known = sorted((f.start, f.end) for f in structured)
            for f in d.run(text, entities, known):
                if f.score >= threshold and (entities is None or f.entity_type in entities):
                    if not f.recognizer:
                        f.recognizer = d.name
                    if text[f.end : f.end + 1] == "*":
                        _take_mask_run(f, text)
                    other.append(f)
        found = resolve(structured, other, self.priority)
        if (entities is None or ("PHONE_NUMBER" in entities and "CN_ADDRESS" in entities)) and any(
                f.entity_type == "CN_ADDRESS" for f in found):
            found = self._phones_glued_to_addresses(text, found)
        return found

    def _phones_glued_to_addresses(self, text: str, found: list[Finding]) -> list[Finding]:
        """A mobile written straight after a room number (…2单元50113812345678).

        The digit run is longer than a phone, so the phone pattern refuses it; the address
        detector ends the address where a valid mobile begins, and the mobile is added here.
        """
        from .ids import phone

        starts = {f.start for f in found}
        added = []
        for f in found:
            e = f.end
            if f.entity_type != "CN_ADDRESS" or e in starts or text[e : e + 1] != "1":
                continue
            candidate = text[e : e + 11]
            if len(candidate) == 11 and not text[e + 11 : e + 12].isdigit() and text[e - 1 : e].isdigit():
                try:
                    facts = phone.parse(candidate)
                except ValueError:
                    continue
                if facts.get("kind") == "mobile":
                    added.append(Finding(e, e + 11, "PHONE_NUMBER", 0.75, "PhoneNumberRecognizer", facts))
        if not added:
            return found
        return sorted(found + added, key=lambda f: (f.start, f.end))

    def analyze(
        self,
        text: str,
        *,
        entities: Collection[str] | None = None,
        threshold: float | None = None,
    ) -> list[RecognizerResult]:
        """Find PII in ``text``; offsets index ``text`` as passed in."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        wanted = self._check_entities(entities)
        limit = DEFAULT_THRESHOLD if threshold is None else float(threshold)
        if not text:
            return []
        norm = normalize(text)
        return to_results(self.scan(norm.text, wanted, limit), norm)


_DEFAULT: list[Engine] = []
_DEFAULT_LOCK = threading.Lock()


def default_engine() -> Engine:
    """The process-wide engine with piiguard's specs and detectors, built on first use."""
    if not _DEFAULT:
        with _DEFAULT_LOCK:
            if not _DEFAULT:
                _DEFAULT.append(Engine())
    return _DEFAULT[0]

