"""Sensitive-information terms: text that makes a record sensitive without an identifier.

PIPL art. 28 names information whose leak can harm a person even when no ID number is
present: medical health, religious belief, specific identity, biometrics, financial
accounts, whereabouts. This module finds the words that carry it, from curated term
lists shipped as data (``piiguard/data/sensitive_terms/*.yaml``, one file per entity,
each naming its sources), and reports these entity types:

``MEDICAL_HEALTH``, ``RELIGIOUS_BELIEF``, ``ETHNICITY``, ``SEXUAL_ORIENTATION``,
``CRIMINAL_RECORD``, ``BIOMETRIC``, ``FINANCIAL_STATUS``, ``WHEREABOUTS``.

Terms come in three strengths. *Strong* terms (艾滋病, 穆斯林) fire on their own.
*Ambiguous* terms (指纹, 病毒感染) fire unless words of another domain are near (IT
vocabulary: 浏览器指纹, 检测到病毒感染文件). *Weak* terms (阳性, 余额, 佛教) fire only
with a confirming context word near them. Per-term boundary rules veto matches inside
unrelated words (回族 in 这回族谱, 水族 in 水族馆, 男同 in 男同学).

All terms are compiled into one trie-shaped regular expression, so a scan is a single
linear pass in C; rules run only where a term matched.

>>> [(f.entity_type, f.start, f.end) for f in detect_sensitive_terms("患者确诊糖尿病，信仰伊斯兰教")]
[('MEDICAL_HEALTH', 2, 4), ('MEDICAL_HEALTH', 4, 7), ('RELIGIOUS_BELIEF', 8, 14)]
>>> detect_sensitive_terms("这回族谱终于修好了，我们去了水族馆")
[]
>>> detect_sensitive_terms("[WARN] 扫描完成：检测到病毒感染文件 3 个，已移入隔离区")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ._regexutil import gated
from ._types import Finding
from .exceptions import ConfigError

__all__ = [
    "ENTITIES",
    "RECOGNIZER_NAME",
    "TermListError",
    "detect_sensitive_terms",
    "get_recognizer",
    "load_term_lists",
]

ENTITIES = (
    "MEDICAL_HEALTH",
    "RELIGIOUS_BELIEF",
    "ETHNICITY",
    "SEXUAL_ORIENTATION",
    "CRIMINAL_RECORD",
    "BIOMETRIC",
    "FINANCIAL_STATUS",
    "WHEREABOUTS",
)
RECOGNIZER_NAME = "SensitiveTermRecognizer"

_SCORES = {"strong": 0.85, "pattern": 0.85, "ambiguous": 0.75, "weak": 0.6}
_MODES = ("strong", "ambiguous", "weak")
_KEYS = {"entity", "window", "context", "negative_context", "boundaries", "patterns", *_MODES}
# How far before a term a not_before rule may look.
_LOOKBEHIND = 8


class TermListError(ConfigError):
    """A sensitive-term file is malformed (the message names the file and entry)."""

    message = "Invalid sensitive-term list."


@dataclass(frozen=True, slots=True)
class _Term:
    entity: str
    subcategory: str
    mode: str
    window: int
    context: re.Pattern[str] | None
    negative: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    not_after: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class _Pattern:
    entity: str
    subcategory: str
    regex: re.Pattern[str]


class _TermIndex:
    """Compiled term lists: one trie regex for CJK terms, one for Latin-led terms."""

    def __init__(self, terms: dict[str, _Term], patterns: list[_Pattern]) -> None:
        self.terms = terms
        self.patterns = patterns
        cjk = [t for t in terms if not t[0].isascii()]
        latin = [t for t in terms if t[0].isascii()]
        self.cjk_re = re.compile(_trie_regex(cjk)) if cjk else None
        self.latin_lookup = {t.lower(): t for t in latin}
        # Latin-led terms (HIV, DNA检测) match case-insensitively; the case folding is
        # spelled out as [hH] classes because re.IGNORECASE and a leading look-behind
        # both defeat re's first-character skip; so does the [hH] alternation itself,
        # which gated() gives back (2.6x faster on records). Word boundaries are checked
        # in _scan.
        self.latin_re = gated(_trie_regex(list(self.latin_lookup), fold_case=True)) if latin else None


def _trie_regex(words: list[str], *, fold_case: bool = False) -> str:
    """A regex equivalent to ``a|b|c`` built as a trie: longest match wins at a position.

    Python's ``re`` skips positions whose character is not in the set of first
    characters, and tries branches with a literal first test, so the scan stays linear.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict[str, Any]) -> str:
        ends_here = "" in node
        branches = [_char(ch, fold_case) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here:
            # Greedy optional: the longer term is preferred, the shorter one still matches.
            return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return emit(trie)


def _char(ch: str, fold_case: bool) -> str:
    if fold_case and ch.isascii() and ch.isalpha():
        return f"[{ch.lower()}{ch.upper()}]"
    return re.escape(ch)


def _words_regex(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)


def _as_str_list(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise TermListError(f"Invalid sensitive-term list: {where} must be a list of non-empty strings.")
    return value


def _load_yaml(path: Path, name: str) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TermListError(f"Invalid sensitive-term list: cannot read {name}.") from exc


def _data_dir() -> Path:
    return Path(str(resources.files("piiguard") / "data" / "sensitive_terms"))


@lru_cache(maxsize=4)
def load_term_lists(directory: str | None = None) -> _TermIndex:
    """Load and compile the term files of ``directory`` (default: the packaged lists).

    Raises:
        TermListError: a file is malformed, names an unknown key, or a term is listed twice.
    """
    folder = Path(directory) if directory else _data_dir()
    shared_path = folder / "_shared.yaml"
    shared: dict[str, Any] = _load_yaml(shared_path, shared_path.name) if shared_path.exists() else {}
    terms: dict[str, _Term] = {}
    patterns: list[_Pattern] = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        spec = _load_yaml(path, path.name)
        if not isinstance(spec, dict):
            raise TermListError(f"Invalid sensitive-term list: {path.name} is not a mapping.")
        unknown = set(spec) - _KEYS
        if unknown:
            raise TermListError(f"Invalid sensitive-term list: {path.name} has unknown keys {sorted(unknown)}.")
        entity = spec.get("entity")
        if not isinstance(entity, str) or not entity.isupper():
            raise TermListError(f"Invalid sensitive-term list: {path.name} needs an upper-case 'entity'.")
        window = spec.get("window", 10)
        context = _words_regex(_as_str_list(spec.get("context") or [], f"{path.name}: context"))
        negative_words = spec.get("negative_context") or []
        if isinstance(negative_words, str) and negative_words.startswith("@"):
            negative_words = shared.get(negative_words[1:])
            if negative_words is None:
                raise TermListError(f"Invalid sensitive-term list: {path.name} names an unknown shared list.")
        negative = _words_regex(_as_str_list(negative_words, f"{path.name}: negative_context"))
        boundaries = spec.get("boundaries") or {}
        for mode in _MODES:
            groups = spec.get(mode) or {}
            if not isinstance(groups, dict):
                raise TermListError(f"Invalid sensitive-term list: {path.name}: {mode} must be a mapping.")
            for subcategory, words in groups.items():
                for word in _as_str_list(words, f"{path.name}: {mode}.{subcategory}"):
                    key = word.lower() if word[0].isascii() else word
                    if key in terms or word in terms:
                        raise TermListError(
                            f"Invalid sensitive-term list: {path.name}: {mode}.{subcategory} repeats a term."
                        )
                    rule = boundaries.get(word) or {}
                    every = boundaries.get("*") or {}  # rules for every term of the list
                    nb = "|".join(x for x in (rule.get("not_before"), every.get("not_before")) if x)
                    na = "|".join(x for x in (rule.get("not_after"), every.get("not_after")) if x)
                    terms[word] = _Term(
                        entity=entity,
                        subcategory=str(subcategory),
                        mode=mode,
                        window=int(window),
                        context=context,
                        negative=negative,
                        not_before=re.compile(f"(?:{nb})$") if nb else None,
                        not_after=re.compile(f"(?:{na})") if na else None,
                    )
        missing = set(boundaries) - set(terms) - {"*"}
        if missing:
            raise TermListError(f"Invalid sensitive-term list: {path.name}: boundaries name terms that are not listed.")
        for item in spec.get("patterns") or []:
            try:
                patterns.append(_Pattern(entity, str(item["subcategory"]), gated(str(item["regex"]))))
            except (KeyError, TypeError, re.error) as exc:
                raise TermListError(f"Invalid sensitive-term list: {path.name}: bad pattern entry.") from exc
    return _TermIndex(terms, patterns)


def _accept(text: str, start: int, end: int, term: _Term) -> bool:
    if term.not_before is not None and term.not_before.search(text, max(0, start - _LOOKBEHIND), start):
        return False
    if term.not_after is not None and term.not_after.match(text, end):
        return False
    if term.mode == "strong":
        return True
    lo, hi = max(0, start - term.window), min(len(text), end + term.window)
    if term.negative is not None and term.negative.search(text, lo, hi):
        return False
    if term.mode == "weak":
        if term.context is None:
            return False
        # The term itself may be a context word (余额); look outside it.
        return bool(term.context.search(text, lo, start) or term.context.search(text, end, hi))
    return True


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _latin_boundaries(text: str, start: int, end: int) -> bool:
    if start > 0 and _is_word_char(text[start - 1]):
        return False
    return not (_is_word_char(text[end - 1]) and end < len(text) and _is_word_char(text[end]))


def _scan(text: str, regex: re.Pattern[str], index: _TermIndex, latin: bool, out: list[Finding]) -> None:
    pos, n = 0, len(text)
    while pos < n:
        m = regex.search(text, pos)
        if m is None:
            return
        start, end = m.span()
        word = index.latin_lookup[m.group().lower()] if latin else m.group()
        term = index.terms[word]
        if latin and not _latin_boundaries(text, start, end):
            pos = start + 1
        elif _accept(text, start, end, term):
            out.append(
                Finding(start, end, term.entity, _SCORES[term.mode], RECOGNIZER_NAME,
                        {"subcategory": term.subcategory, "strength": term.mode})
            )
            pos = end
        else:
            # A rejected term may hide a shorter or later one that overlaps it.
            pos = start + 1


def detect_sensitive_terms(text: str, *, directory: str | None = None) -> list[Finding]:
    """Find sensitive-information terms in already-normalized ``text``.

    Args:
        text: the text to scan (normalized: offsets index this string).
        directory: a folder of term files to use instead of the packaged lists.

    Returns:
        Findings sorted by offset, without overlaps; ``metadata`` holds the term's
        ``subcategory`` and ``strength``, never the matched text.

    Raises:
        TypeError: ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    index = load_term_lists(directory)
    found: list[Finding] = []
    if index.cjk_re is not None:
        _scan(text, index.cjk_re, index, False, found)
    if index.latin_re is not None:
        _scan(text, index.latin_re, index, True, found)
    for pattern in index.patterns:
        for m in pattern.regex.finditer(text):
            found.append(
                Finding(m.start(), m.end(), pattern.entity, _SCORES["pattern"], RECOGNIZER_NAME,
                        {"subcategory": pattern.subcategory, "strength": "pattern"})
            )
    if len(found) < 2:
        return found
    # Longest first at equal starts; drop anything overlapping an earlier keeper.
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            if f.end - f.start > kept[-1].end - kept[-1].start and f.start == kept[-1].start:
                kept[-1] = f
            continue
        kept.append(f)
    return kept


def get_recognizer(*, supported_language: str = "zh") -> Any:
    """A Presidio ``EntityRecognizer`` wrapping :func:`detect_sensitive_terms`.

    Presidio is imported here, not at module import. Results carry the term's
    subcategory in ``recognition_metadata``.
    """
    from presidio_analyzer import EntityRecognizer, RecognizerResult

    class SensitiveTermRecognizer(EntityRecognizer):  # type: ignore[misc]
        """Presidio recognizer for piiguard's sensitive-information terms."""

        def load(self) -> None:
            load_term_lists()

        def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[Any]:
            wanted = set(entities or ENTITIES)
            results = []
            for f in detect_sensitive_terms(text):
                if f.entity_type not in wanted:
                    continue
                metadata = {
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    **f.metadata,
                }
                results.append(RecognizerResult(f.entity_type, f.start, f.end, f.score, None, metadata))
            return results

    return SensitiveTermRecognizer(
        supported_entities=list(ENTITIES), name=RECOGNIZER_NAME, supported_language=supported_language
    )
