"""Classification: PIPL categories and sensitivity levels for texts, tables and folders.

Every finding gets a category (GB/T 35273-2020), a PIPL art. 28 sensitive flag and a
level from a *taxonomy pack*, a YAML file that is data, not code
(``piiguard/data/taxonomy.yaml``; ``taxonomy_financial.yaml`` adds JR/T 0171-2020
classes and JR/T 0197-2020 levels). A document's level is that of its most sensitive
finding, raised by the pack's aggregation rules (name + ID + phone identifies a person;
identity plus health data is the highest level), and every step is stated in
``reasons``, in Chinese and English. A resident ID whose holder is under 14 on the
reference date makes the finding and the document sensitive.

Nothing here stores, returns or reprs a raw value: findings carry offsets, tables carry
counts and masked examples.

>>> tax = load_taxonomy()
>>> tax.entity("CN_RESIDENT_ID").category, tax.entity("CN_RESIDENT_ID").sensitive
('personal_identity', True)
>>> is_minor(_dt.date(2010, 6, 15), _dt.date(2024, 6, 14)), is_minor(_dt.date(2010, 6, 15), _dt.date(2024, 6, 15))
(True, False)
>>> header_types("客户手机号（必填）"), header_types("id_card_no"), header_types("备注")
(('PHONE_NUMBER',), ('CN_RESIDENT_ID',), ())
"""

from __future__ import annotations

import bisect
import csv
import datetime as _dt
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from . import sensitive as _sensitive
from ._types import Finding
from .exceptions import ConfigError

__all__ = [
    "Classification",
    "ClassifiedFinding",
    "ColumnClassification",
    "ColumnEntity",
    "EntityClass",
    "Reason",
    "TableClassification",
    "Taxonomy",
    "TaxonomyError",
    "classify",
    "classify_table",
    "header_types",
    "is_minor",
    "load_taxonomy",
]

AnalyzeFn = Callable[[str], Sequence[Any]]

_PACKS = {"default": "taxonomy.yaml", "financial": "taxonomy_financial.yaml"}
_ENTITY_KEYS = {"category", "sensitive", "level", "detected", "basis", "financial_class"}
_RULE_KEYS = {"id", "all_of", "level", "sensitive", "reason"}
MINOR_TAG = "MINOR"


class TaxonomyError(ConfigError):
    """A taxonomy pack is malformed (the message names the file and entry)."""

    message = "Invalid taxonomy pack."


# --------------------------------------------------------------------------- taxonomy


@dataclass(frozen=True, slots=True)
class EntityClass:
    """How a pack classifies one entity type."""

    entity_type: str
    category: str
    sensitive: bool
    level: int
    detected: bool = True
    basis: str = ""
    financial_class: str = ""


@dataclass(frozen=True, slots=True)
class _Rule:
    id: str
    all_of: tuple[str, ...]
    level: int
    sensitive: bool
    zh: str
    en: str


class Taxonomy:
    """A loaded, checked taxonomy pack. Use :func:`load_taxonomy` to get one."""

    def __init__(self, spec: Mapping[str, Any], source: str) -> None:
        self.source = source
        self.name = str(spec.get("name") or source)
        self.levels: dict[int, dict[str, str]] = {int(k): dict(v) for k, v in (spec.get("levels") or {}).items()}
        self.categories: dict[str, dict[str, str]] = {k: dict(v) for k, v in (spec.get("categories") or {}).items()}
        self.groups: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in (spec.get("groups") or {}).items()}
        self.financial_classes: dict[str, dict[str, Any]] = dict(spec.get("financial_classes") or {})
        minors = spec.get("minors") or {}
        self.minor_age = int(minors.get("age", 14))
        self.minor_category = str(minors.get("category", "minor"))
        self.minor_level = int(minors.get("level", 3))
        self.entities: dict[str, EntityClass] = {}
        for name, entry in (spec.get("entities") or {}).items():
            where = f"{source}: entities.{name}"
            if not isinstance(entry, Mapping) or set(entry) - _ENTITY_KEYS:
                raise TaxonomyError(f"Invalid taxonomy pack: {where} has unknown keys.")
            try:
                ec = EntityClass(str(name), str(entry["category"]), bool(entry["sensitive"]), int(entry["level"]),
                                 bool(entry.get("detected", True)), str(entry.get("basis", "")),
                                 str(entry.get("financial_class", "")))
            except (KeyError, TypeError, ValueError) as exc:
                raise TaxonomyError(f"Invalid taxonomy pack: {where} needs category, sensitive and level.") from exc
            if ec.category not in self.categories:
                raise TaxonomyError(f"Invalid taxonomy pack: {where} names an unknown category.")
            if ec.level not in self.levels:
                raise TaxonomyError(f"Invalid taxonomy pack: {where} names an unknown level.")
            self.entities[ec.entity_type] = ec
        if self.minor_category not in self.categories:
            raise TaxonomyError(f"Invalid taxonomy pack: {source}: minors names an unknown category.")
        self.rules: list[_Rule] = []
        seen: set[str] = set()
        for i, rule in enumerate(spec.get("rules") or []):
            where = f"{source}: rules[{i}]"
            if not isinstance(rule, Mapping) or set(rule) - _RULE_KEYS:
                raise TaxonomyError(f"Invalid taxonomy pack: {where} has unknown keys.")
            try:
                r = _Rule(str(rule["id"]), tuple(rule["all_of"]), int(rule["level"]), bool(rule.get("sensitive", False)),
                          str(rule["reason"]["zh"]), str(rule["reason"]["en"]))
            except (KeyError, TypeError, ValueError) as exc:
                raise TaxonomyError(f"Invalid taxonomy pack: {where} needs id, all_of, level and reason.") from exc
            for item in r.all_of:
                kind, _, ref = item.partition(":")
                ok = (
                    (kind == "group" and ref in self.groups)
                    or (kind == "rule" and ref in seen)
                    or (not ref and (item in self.entities or item == MINOR_TAG))
                )
                if not ok:
                    raise TaxonomyError(f"Invalid taxonomy pack: {where} ({r.id}) names an unknown entity, group or rule.")
            if r.level not in self.levels:
                raise TaxonomyError(f"Invalid taxonomy pack: {where} names an unknown level.")
            seen.add(r.id)
            self.rules.append(r)
        for group, members in self.groups.items():
            if any(m not in self.entities for m in members):
                raise TaxonomyError(f"Invalid taxonomy pack: {source}: group {group} names an unknown entity.")

    def __repr__(self) -> str:
        return f"Taxonomy(name={self.name!r}, entities={len(self.entities)}, rules={len(self.rules)})"

    def entity(self, entity_type: str) -> EntityClass:
        """The class of ``entity_type``; an unknown type is general information in ``other``."""
        found = self.entities.get(entity_type)
        if found is not None:
            return found
        return EntityClass(entity_type, "other" if "other" in self.categories else next(iter(self.categories)),
                           False, 2 if 2 in self.levels else max(self.levels), detected=True, basis="unknown entity")

    def level_label(self, level: int) -> dict[str, str]:
        """``{"zh": ..., "en": ...}`` for a level number."""
        return dict(self.levels.get(level, {"zh": str(level), "en": str(level)}))

    def category_label(self, category: str) -> dict[str, str]:
        """``{"zh": ..., "en": ...}`` for a category id."""
        label = self.categories.get(category, {})
        return {"zh": label.get("zh", category), "en": label.get("en", category)}


def _read_pack(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TaxonomyError(f"Invalid taxonomy pack: cannot read {path.name}.") from exc
    if not isinstance(data, dict):
        raise TaxonomyError(f"Invalid taxonomy pack: {path.name} is not a mapping.")
    return data


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if key == "entities":
            entities = {k: dict(v) for k, v in (base.get("entities") or {}).items()}
            for name, entry in (value or {}).items():
                entities[name] = {**entities.get(name, {}), **(entry or {})}
            merged["entities"] = entities
        elif key == "rules":
            rules = list(base.get("rules") or [])
            index = {r.get("id"): i for i, r in enumerate(rules)}
            for rule in value or []:
                if rule.get("id") in index:
                    rules[index[rule["id"]]] = rule
                else:
                    rules.append(rule)
            merged["rules"] = rules
        elif key in ("categories", "groups", "minors", "financial_classes") and isinstance(value, dict):
            merged[key] = {**(base.get(key) or {}), **value}
        elif key != "extends":
            merged[key] = value
    return merged


def _pack_spec(pack: str | Path, depth: int = 0) -> tuple[dict[str, Any], str]:
    if depth > 4:
        raise TaxonomyError("Invalid taxonomy pack: 'extends' nests too deeply.")
    if isinstance(pack, str) and pack in _PACKS:
        path = Path(str(resources.files("piiguard") / "data" / _PACKS[pack]))
    else:
        path = Path(pack)
        if not path.is_file():
            raise TaxonomyError(f"Invalid taxonomy pack: no such pack; built-in packs are {sorted(_PACKS)}.")
    spec = _read_pack(path)
    parent = spec.get("extends")
    if parent:
        base, _ = _pack_spec(parent if parent in _PACKS else path.parent / str(parent), depth + 1)
        spec = _merge(base, spec)
    return spec, path.name


@lru_cache(maxsize=8)
def _load_cached(pack: str) -> Taxonomy:
    spec, name = _pack_spec(pack)
    return Taxonomy(spec, name)


def load_taxonomy(pack: str | Path | Taxonomy = "default") -> Taxonomy:
    """Load a taxonomy pack: ``"default"``, ``"financial"``, or the path of your own YAML.

    A pack file may start with ``extends: default`` and give only what it changes.

    Raises:
        TaxonomyError: the pack is missing or malformed.
    """
    if isinstance(pack, Taxonomy):
        return pack
    return _load_cached(str(pack))


# --------------------------------------------------------------------------- minors


def is_minor(birth_date: _dt.date, reference_date: _dt.date, age: int = 14) -> bool:
    """True when someone born on ``birth_date`` is younger than ``age`` on ``reference_date``.

    Age counts completed years (周岁): on the ``age``-th birthday the person has reached
    it. Someone born on 29 February reaches it on 1 March in common years.
    """
    try:
        reached = birth_date.replace(year=birth_date.year + age)
    except ValueError:
        reached = _dt.date(birth_date.year + age, 3, 1)
    return reference_date < reached


def _birth_date_of(facts: Mapping[str, Any] | None, value: str | None) -> _dt.date | None:
    raw = (facts or {}).get("birth_date")
    if raw is None and value is not None:
        from .ids import cn_resident_id

        try:
            raw = cn_resident_id.parse(value)["birth_date"]
        except (ValueError, KeyError):
            return None
    if isinstance(raw, _dt.date):
        return raw
    try:
        return _dt.date.fromisoformat(str(raw))
    except ValueError:
        return None


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Reason:
    """One step of a classification, in Chinese and English. Never quotes the input."""

    code: str
    zh: str
    en: str
    level: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "zh": self.zh, "en": self.en, "level": self.level}


@dataclass(frozen=True, slots=True)
class ClassifiedFinding:
    """A finding with its class. Offsets index the classified text; no value is kept."""

    entity_type: str
    start: int
    end: int
    score: float
    category: str
    level: int
    sensitive: bool
    minor: bool = False

    def __repr__(self) -> str:
        return (f"ClassifiedFinding(entity_type={self.entity_type!r}, start={self.start}, end={self.end}, "
                f"category={self.category!r}, level={self.level}, sensitive={self.sensitive}, minor={self.minor})")

    def to_dict(self) -> dict[str, Any]:
        return {"entity_type": self.entity_type, "start": self.start, "end": self.end, "score": round(self.score, 4),
                "category": self.category, "level": self.level, "sensitive": self.sensitive, "minor": self.minor}


@dataclass(frozen=True)
class Classification:
    """The classification of one text.

    Attributes:
        level: overall level (the pack's scale; default 0-4).
        is_sensitive: whether the text holds sensitive personal information (PIPL art. 28).
        categories: category id -> number of findings.
        entity_counts: entity type -> number of findings.
        reasons: why, in Chinese and English.
        findings: the classified findings (offsets only).
        examples: entity type -> masked examples (never raw values).
    """

    level: int
    level_label: dict[str, str]
    is_sensitive: bool
    categories: dict[str, int]
    entity_counts: dict[str, int]
    reasons: tuple[Reason, ...]
    findings: tuple[ClassifiedFinding, ...]
    rules: tuple[str, ...] = ()
    minors: int = 0
    pack: str = "default"
    reference_date: _dt.date = field(default_factory=_dt.date.today)
    examples: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __repr__(self) -> str:
        return (f"Classification(level={self.level}, is_sensitive={self.is_sensitive}, "
                f"categories={self.categories!r}, findings={len(self.findings)}, minors={self.minors})")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (offsets, counts, masked examples; no raw values)."""
        return {
            "kind": "text",
            "level": self.level,
            "level_label": dict(self.level_label),
            "is_sensitive": self.is_sensitive,
            "categories": dict(self.categories),
            "entity_counts": dict(self.entity_counts),
            "rules": list(self.rules),
            "minors": self.minors,
            "pack": self.pack,
            "reference_date": self.reference_date.isoformat(),
            "reasons": [r.to_dict() for r in self.reasons],
            "findings": [f.to_dict() for f in self.findings],
            "examples": {k: list(v) for k, v in self.examples.items()},
        }


@dataclass(frozen=True)
class ColumnEntity:
    """One entity type found in a column: where the evidence came from and how often."""

    entity_type: str
    source: str  # "header", "values" or "header+values"
    hits: int
    hit_rate: float
    category: str
    level: int
    sensitive: bool

    def to_dict(self) -> dict[str, Any]:
        return {"entity_type": self.entity_type, "source": self.source, "hits": self.hits,
                "hit_rate": round(self.hit_rate, 4), "category": self.category, "level": self.level,
                "sensitive": self.sensitive}


@dataclass(frozen=True)
class ColumnClassification:
    """The classification of one table column (counts and masked examples only)."""

    name: str
    entities: tuple[ColumnEntity, ...]
    category: str | None
    categories: tuple[str, ...]
    level: int
    is_sensitive: bool
    free_text: bool
    sampled: int
    non_empty: int
    coverage: float
    minors: int
    reasons: tuple[Reason, ...]
    examples: dict[str, tuple[str, ...]]

    @property
    def entity_types(self) -> tuple[str, ...]:
        return tuple(e.entity_type for e in self.entities)

    def __repr__(self) -> str:
        return (f"ColumnClassification(name={self.name!r}, entity_types={self.entity_types!r}, level={self.level}, "
                f"is_sensitive={self.is_sensitive}, coverage={self.coverage:.2f})")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "entity_types": list(self.entity_types),
            "entities": [e.to_dict() for e in self.entities], "category": self.category,
            "categories": list(self.categories), "level": self.level, "is_sensitive": self.is_sensitive,
            "free_text": self.free_text, "sampled": self.sampled, "non_empty": self.non_empty,
            "coverage": round(self.coverage, 4), "minors": self.minors,
            "reasons": [r.to_dict() for r in self.reasons],
            "examples": {k: list(v) for k, v in self.examples.items()},
        }


@dataclass(frozen=True)
class TableClassification:
    """The classification of a table: one :class:`ColumnClassification` per column."""

    columns: tuple[ColumnClassification, ...]
    level: int
    level_label: dict[str, str]
    is_sensitive: bool
    rows: int
    sampled_rows: int
    reasons: tuple[Reason, ...]
    rules: tuple[str, ...] = ()
    pack: str = "default"
    reference_date: _dt.date = field(default_factory=_dt.date.today)
    source: str = ""

    def __getitem__(self, name: str) -> ColumnClassification:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    @property
    def entity_types(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for column in self.columns:
            for e in column.entity_types:
                seen.setdefault(e, None)
        return tuple(seen)

    def __repr__(self) -> str:
        return (f"TableClassification(level={self.level}, is_sensitive={self.is_sensitive}, rows={self.rows}, "
                f"columns={len(self.columns)}, pii_columns={sum(1 for c in self.columns if c.entities)})")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "table", "source": self.source, "level": self.level, "level_label": dict(self.level_label),
            "is_sensitive": self.is_sensitive, "rows": self.rows, "sampled_rows": self.sampled_rows,
            "entity_types": list(self.entity_types), "rules": list(self.rules), "pack": self.pack,
            "reference_date": self.reference_date.isoformat(),
            "reasons": [r.to_dict() for r in self.reasons],
            "columns": [c.to_dict() for c in self.columns],
        }


# --------------------------------------------------------------------------- masking


_MASK_KEEP = {  # (first, last) characters kept, Chinese masking conventions
    "PHONE_NUMBER": (3, 4), "CN_BANK_CARD": (6, 4), "CN_RESIDENT_ID": (3, 4), "CN_PASSPORT": (1, 2),
    "CN_HMT_PERMIT": (1, 2), "HK_ID": (1, 1), "MO_ID": (1, 1), "TW_ID": (1, 2), "CN_USCC": (2, 2),
    "CN_LICENSE_PLATE": (2, 1), "IP_ADDRESS": (0, 0), "PERSON": (1, 0), "URL": (8, 0),
}


def mask_example(entity_type: str, value: str) -> str:
    """A masked rendering of ``value`` for reports; at least a third of it is hidden.

    >>> mask_example("PHONE_NUMBER", "13812345678"), mask_example("PERSON", "张三")
    ('138****5678', '张*')
    >>> mask_example("MEDICAL_HEALTH", "糖尿病")
    '〔MEDICAL_HEALTH〕'
    """
    if entity_type in _sensitive.ENTITIES:
        return f"〔{entity_type}〕"
    value = value.strip()
    n = len(value)
    if entity_type == "EMAIL_ADDRESS" and "@" in value:
        local, _, domain = value.partition("@")
        return (local[:1] + "***@" + domain) if len(local) > 1 else "***@" + domain
    if entity_type == "IP_ADDRESS":
        parts = value.split(".")
        return ".".join(parts[:2] + ["*"] * (len(parts) - 2)) if len(parts) == 4 else "*" * n
    if entity_type == "CN_ADDRESS":
        m = re.match(r".{2,9}?(?:区|县|市|旗)", value)
        keep = m.end() if m and m.end() <= n // 2 + 3 else min(3, n // 2)
        keep = min(keep, n - 2) if n > 2 else 0
        return value[:keep] + "*" * (n - keep)
    first, last = _MASK_KEEP.get(entity_type, (1, 1))
    while first + last > (2 * n) // 3 and (first or last):
        if first >= last and first:
            first -= 1
        else:
            last -= 1
    return value[:first] + "*" * (n - first - last) + (value[n - last:] if last else "")


# --------------------------------------------------------------------------- detection


@dataclass(frozen=True, slots=True)
class _Hit:
    entity_type: str
    start: int
    end: int
    score: float
    facts: Mapping[str, Any]


def _default_analyze() -> AnalyzeFn:
    try:
        from . import analyze  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - until the analyzer is wired in
        from ._api import analyze  # type: ignore[no-redef]
    return analyze  # type: ignore[no-any-return]


def _to_hit(result: Any) -> _Hit:
    metadata = getattr(result, "recognition_metadata", None) or {}
    facts = metadata.get("facts") if isinstance(metadata, Mapping) else None
    if facts is None and isinstance(result, Finding):
        facts = result.metadata
    return _Hit(str(result.entity_type), int(result.start), int(result.end), float(result.score), facts or {})


def _detect(text: str, analyze: AnalyzeFn) -> list[_Hit]:
    """Findings of ``analyze`` plus sensitive terms (mapped to the caller's offsets).

    The engine may already run the term detector; identical spans are kept once.
    """
    hits = [_to_hit(r) for r in analyze(text)]
    if not text:
        return hits
    from ._normalize import normalize

    norm = normalize(text)
    # Per entity, the engine's spans sorted by start, for a bisect overlap check.
    spans: dict[str, tuple[list[int], list[int]]] = {}
    for h in sorted(hits, key=lambda h: h.start):
        starts, ends = spans.setdefault(h.entity_type, ([], []))
        starts.append(h.start)
        ends.append(max(h.end, ends[-1]) if ends else h.end)  # running max keeps the check exact
    for f in _sensitive.detect_sensitive_terms(norm.text):
        start, end = (f.start, f.end) if norm.is_identity else norm.to_original(f.start, f.end)
        starts, ends = spans.get(f.entity_type, ([], []))
        i = bisect.bisect_left(starts, end) - 1  # last engine span starting before this one ends
        if i >= 0 and ends[i] > start:
            continue
        hits.append(_Hit(f.entity_type, start, end, f.score, f.metadata))
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


def _reference(reference_date: _dt.date | str | None) -> _dt.date:
    if reference_date is None:
        return _dt.date.today()
    if isinstance(reference_date, _dt.datetime):
        return reference_date.date()
    if isinstance(reference_date, _dt.date):
        return reference_date
    try:
        return _dt.date.fromisoformat(str(reference_date))
    except ValueError:
        raise ValueError("reference_date must be a date or an ISO date string") from None


def _evaluate_rules(tax: Taxonomy, present: set[str]) -> list[_Rule]:
    fired: list[_Rule] = []
    fired_ids: set[str] = set()
    for rule in tax.rules:
        ok = True
        for item in rule.all_of:
            kind, _, ref = item.partition(":")
            if kind == "group" and ref:
                ok = any(m in present for m in tax.groups[ref])
            elif kind == "rule" and ref:
                ok = ref in fired_ids
            else:
                ok = item in present
            if not ok:
                break
        if ok:
            fired.append(rule)
            fired_ids.add(rule.id)
    return fired


def _summary_reasons(tax: Taxonomy, counts: Mapping[str, int], minors: int, ref: _dt.date,
                     fired: Sequence[_Rule], level: int, *, unit_zh: str = "处", unit_en: str = "finding(s)") -> list[Reason]:
    reasons: list[Reason] = []
    for entity_type, count in counts.items():
        ec = tax.entity(entity_type)
        cat = tax.category_label(ec.category)
        lvl = tax.level_label(ec.level)
        zh = f"发现 {entity_type} {count} {unit_zh}，属于{cat['zh']}，级别 {ec.level}（{lvl['zh']}）"
        en = f"{count} {unit_en} of {entity_type}: {cat['en']}, level {ec.level} ({lvl['en']})"
        if ec.financial_class:
            zh += f"，金融信息类别 {ec.financial_class}"
            en += f", financial class {ec.financial_class}"
        if ec.sensitive:
            zh += f"；为敏感个人信息（{ec.basis or '个人信息保护法第二十八条'}）"
            en += f"; sensitive personal information ({ec.basis or 'PIPL art. 28'})"
        reasons.append(Reason(f"entity:{entity_type}", zh, en, ec.level))
    if minors:
        reasons.append(Reason(
            "minor",
            f"{minors} 个居民身份证号显示持有人在基准日 {ref.isoformat()} 不满 {tax.minor_age} 周岁；"
            f"不满十四周岁未成年人的个人信息属于敏感个人信息（个人信息保护法第二十八条、第三十一条）",
            f"{minors} resident ID(s) show a holder under {tax.minor_age} on {ref.isoformat()}; information of "
            f"minors under 14 is sensitive personal information (PIPL art. 28, 31)",
            tax.minor_level,
        ))
    for rule in fired:
        reasons.append(Reason(f"rule:{rule.id}", f"组合规则 {rule.id}：{rule.zh}", f"rule {rule.id}: {rule.en}", rule.level))
    lvl = tax.level_label(level)
    if counts:
        reasons.append(Reason("level", f"总体级别取最高值：{level}（{lvl['zh']}）",
                              f"overall level is the highest: {level} ({lvl['en']})", level))
    else:
        reasons.append(Reason("level", "未发现个人信息", "no personal information found", 0))
    return reasons


def classify(
    text: str,
    *,
    reference_date: _dt.date | str | None = None,
    pack: str | Path | Taxonomy = "default",
    analyze: AnalyzeFn | None = None,
) -> Classification:
    """Classify one text: level, sensitivity, categories with counts and reasons.

    Args:
        text: the text to classify.
        reference_date: the day ages are computed on (default today).
        pack: a taxonomy pack name (``"default"``, ``"financial"``), path or :class:`Taxonomy`.
        analyze: a callable returning Presidio ``RecognizerResult``-like objects for a
            text (default ``piiguard.analyze``).

    Returns:
        A :class:`Classification`; its findings carry offsets into ``text``.

    Raises:
        TypeError: ``text`` is not a ``str``.
        TaxonomyError: the pack is missing or malformed.
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    tax = load_taxonomy(pack)
    ref = _reference(reference_date)
    hits = _detect(text, analyze or _default_analyze())
    return _classify_hits(text, hits, tax, ref)


def _classify_hits(text: str, hits: Sequence[_Hit], tax: Taxonomy, ref: _dt.date) -> Classification:
    findings: list[ClassifiedFinding] = []
    examples: dict[str, list[str]] = {}
    minors = 0
    for h in hits:
        ec = tax.entity(h.entity_type)
        minor = False
        if h.entity_type == "CN_RESIDENT_ID":
            born = _birth_date_of(h.facts, text[h.start:h.end])
            minor = born is not None and is_minor(born, ref, tax.minor_age)
        minors += minor
        findings.append(ClassifiedFinding(
            h.entity_type, h.start, h.end, h.score,
            ec.category, max(ec.level, tax.minor_level) if minor else ec.level, ec.sensitive or minor, minor,
        ))
        bucket = examples.setdefault(h.entity_type, [])
        if len(bucket) < 3:
            masked = mask_example(h.entity_type, text[h.start:h.end])
            if masked not in bucket:
                bucket.append(masked)
    entity_counts = dict(Counter(f.entity_type for f in findings))
    categories = Counter(f.category for f in findings)
    if minors:
        categories[tax.minor_category] += minors
    present = set(entity_counts) | ({MINOR_TAG} if minors else set())
    fired = _evaluate_rules(tax, present)
    level = max([f.level for f in findings] + [r.level for r in fired] + [0])
    is_sensitive = any(f.sensitive for f in findings) or any(r.sensitive for r in fired)
    reasons = _summary_reasons(tax, entity_counts, minors, ref, fired, level)
    return Classification(
        level=level, level_label=tax.level_label(level), is_sensitive=is_sensitive,
        categories=dict(categories), entity_counts=entity_counts, reasons=tuple(reasons),
        findings=tuple(findings), rules=tuple(r.id for r in fired), minors=minors, pack=tax.name,
        reference_date=ref, examples={k: tuple(v) for k, v in examples.items()},
    )


# --------------------------------------------------------------------------- headers


_HEADER_STRIP = re.compile(r"[\s_\-.·/\\()（）\[\]【】{}:：*#]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass(frozen=True)
class _Lexicon:
    keywords: tuple[tuple[str, tuple[str, ...]], ...]  # substring keywords
    tokens: dict[str, tuple[str, ...]]  # whole-word keywords
    free_text: tuple[str, ...]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    path = Path(str(resources.files("piiguard") / "data" / "column_headers.yaml"))
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    token_words = {str(t).lower() for t in spec.get("tokens") or []}
    keywords: dict[str, tuple[str, ...]] = {}
    tokens: dict[str, tuple[str, ...]] = {}
    for types, words in (spec.get("types") or {}).items():
        entity_types = tuple(str(types).split("|"))
        for word in words:
            key = _HEADER_STRIP.sub("", str(word).lower())
            (tokens if key in token_words else keywords)[key] = entity_types
    return _Lexicon(tuple(sorted(keywords.items(), key=lambda kv: -len(kv[0]))), tokens,
                    tuple(_HEADER_STRIP.sub("", str(w).lower()) for w in spec.get("free_text") or []))


def _header_matches(header: str) -> list[tuple[int, int, tuple[str, ...]]]:
    lex = _lexicon()
    compact = _HEADER_STRIP.sub("", header.lower())
    spans: list[tuple[int, int, tuple[str, ...]]] = []
    for word, types in lex.keywords:
        start = compact.find(word)
        while start >= 0:
            spans.append((start, start + len(word), types))
            start = compact.find(word, start + 1)
    pos = 0
    for token in _HEADER_STRIP.split(_CAMEL.sub(" ", header).lower().replace(" ", "_")):
        if not token:
            continue
        at = compact.find(token, pos)
        if at < 0:
            continue
        pos = at + len(token)
        if token in lex.tokens:
            spans.append((at, at + len(token), lex.tokens[token]))
    # A keyword inside a longer matched keyword (地址 in ip地址) does not count.
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, tuple[str, ...]]] = []
    for s in spans:
        if any(k[0] <= s[0] and s[1] <= k[1] and (k[1] - k[0]) > (s[1] - s[0]) for k in kept):
            continue
        if any(k[0] == s[0] and k[1] == s[1] for k in kept):
            continue
        kept.append(s)
    return kept


def header_types(header: str) -> tuple[str, ...]:
    """Entity or field types a column header announces (the first of each alternative list).

    Args:
        header: a column name, Chinese or English (``手机号``, ``id_card``, ``Mobile``).
    """
    out: dict[str, None] = {}
    for _, _, types in _header_matches(str(header)):
        out.setdefault(types[0], None)
    return tuple(out)


def header_announces(header: str) -> tuple[tuple[str, ...], bool]:
    """The types a column header announces and whether it announces free text."""
    return header_types(header), _header_is_free_text(header)


def _header_candidates(header: str) -> list[tuple[str, ...]]:
    return [types for _, _, types in _header_matches(str(header))]


def _header_is_free_text(header: str) -> bool:
    compact = _HEADER_STRIP.sub("", str(header).lower())
    return any(word and word in compact for word in _lexicon().free_text)


# --------------------------------------------------------------------------- tables


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            content = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError("cannot decode the CSV file as UTF-8 or GB18030")
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    reader = csv.reader(io.StringIO(content), delimiter=delimiter)
    try:
        rows = [row for row in reader]
    except csv.Error:  # e.g. a field over csv.field_size_limit(); the message names no data
        rows = None
    if rows is None:
        raise ValueError("cannot parse the CSV file (malformed, or a field over the csv module's size limit)")
    if not rows:
        return [], []
    return rows[0], rows[1:]


def _table_columns(data: Any) -> tuple[list[str], list[list[Any]], int, str]:
    """Column names, column value lists and row count from a DataFrame, mapping or CSV path."""
    if isinstance(data, (str, Path)):
        path = Path(data)
        header, rows = _read_csv(path)
        columns = [[row[i] if i < len(row) else "" for row in rows] for i in range(len(header))]
        return [str(h) for h in header], columns, len(rows), path.name
    if hasattr(data, "columns") and hasattr(data, "__getitem__") and hasattr(data, "__len__"):
        names = [str(c) for c in data.columns]
        columns = [list(data[c]) for c in data.columns]
        return names, columns, len(data), ""
    if isinstance(data, Mapping):
        names = [str(k) for k in data]
        columns = [list(v) for v in data.values()]
        return names, columns, max((len(c) for c in columns), default=0), ""
    raise TypeError("data must be a pandas DataFrame, a mapping of columns or a CSV path")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    text = str(value).strip()
    return "" if text.lower() in ("nan", "none", "null", "nat", "<na>") else text


def _sample_indices(n: int, k: int) -> list[int]:
    if n <= k:
        return list(range(n))
    return [i * n // k for i in range(k)]


def _detect_cells(values: Sequence[str], analyze: AnalyzeFn) -> list[list[_Hit]]:
    """Findings per cell, from one analyze call over the cells joined by blank lines."""
    sep = "\n\n"
    offsets, pos = [], 0
    for v in values:
        offsets.append(pos)
        pos += len(v) + len(sep)
    joined = sep.join(values)
    per_cell: list[list[_Hit]] = [[] for _ in values]
    for h in _detect(joined, analyze):
        i = bisect.bisect_right(offsets, h.start) - 1
        if i < 0 or h.end > offsets[i] + len(values[i]):
            continue  # spans a separator: not a finding of one cell
        per_cell[i].append(_Hit(h.entity_type, h.start - offsets[i], h.end - offsets[i], h.score, h.facts))
    return per_cell


def classify_table(
    data: Any,
    *,
    sample_size: int = 200,
    min_hit_rate: float = 0.2,
    reference_date: _dt.date | str | None = None,
    pack: str | Path | Taxonomy = "default",
    analyze: AnalyzeFn | None = None,
) -> TableClassification:
    """Classify each column of a table from its header and a sample of its values.

    Args:
        data: a pandas DataFrame, a mapping ``{column: values}``, or a CSV/TSV path.
        sample_size: how many rows to sample (evenly spaced, deterministic).
        min_hit_rate: share of sampled non-empty values that must hold an entity for a
            structured column to get that entity from its values. Free-text columns
            (remarks) are scanned as text: any finding counts.
        reference_date: the day ages are computed on (default today).
        pack: taxonomy pack name, path or :class:`Taxonomy`.
        analyze: as for :func:`classify` (default ``piiguard.analyze``).

    Returns:
        A :class:`TableClassification`; no raw value is kept, only counts and masked examples.
    """
    if sample_size < 1:
        raise ValueError("sample_size must be at least 1")
    tax = load_taxonomy(pack)
    ref = _reference(reference_date)
    analyze = analyze or _default_analyze()
    names, columns, n_rows, source = _table_columns(data)
    picks = _sample_indices(n_rows, sample_size)
    out: list[ColumnClassification] = []
    for name, column in zip(names, columns):
        values = [_cell_text(column[i]) for i in picks if i < len(column)]
        non_empty = [v for v in values if v]
        out.append(_classify_column(name, non_empty, len(values), analyze, tax, ref, min_hit_rate))
    present: set[str] = set()
    for c in out:
        present.update(c.entity_types)
    minors = sum(c.minors for c in out)
    if minors:
        present.add(MINOR_TAG)
    fired = _evaluate_rules(tax, present)
    level = max([c.level for c in out] + [r.level for r in fired] + [0])
    is_sensitive = any(c.is_sensitive for c in out) or any(r.sensitive for r in fired)
    counts = Counter(e for c in out for e in c.entity_types)
    reasons = _summary_reasons(tax, counts, minors, ref, fired, level, unit_zh="列", unit_en="column(s)")
    return TableClassification(
        columns=tuple(out), level=level, level_label=tax.level_label(level), is_sensitive=is_sensitive,
        rows=n_rows, sampled_rows=len(picks), reasons=tuple(reasons), rules=tuple(r.id for r in fired),
        pack=tax.name, reference_date=ref, source=source,
    )


def _looks_free_text(values: Sequence[str], per_cell: Sequence[Sequence[_Hit]]) -> bool:
    if not values:
        return False
    mean_len = sum(len(v) for v in values) / len(values)
    if mean_len < 12:
        return False
    cjk_share = sum(bool(_CJK.search(v)) for v in values) / len(values)
    covered = sum(sum(h.end - h.start for h in hits) for hits in per_cell)
    total = sum(len(v) for v in values) or 1
    return cjk_share >= 0.5 and covered / total < 0.6


def _classify_column(name: str, values: Sequence[str], sampled: int, analyze: AnalyzeFn, tax: Taxonomy,
                     ref: _dt.date, min_hit_rate: float) -> ColumnClassification:
    per_cell = _detect_cells(values, analyze) if values else []
    free_text = _header_is_free_text(name) or _looks_free_text(values, per_cell)
    hits_per_type: Counter[str] = Counter()
    for hits in per_cell:
        for t in {h.entity_type for h in hits}:
            hits_per_type[t] += 1
    n = len(values)
    rate = {t: c / n for t, c in hits_per_type.items()} if n else {}
    from_values = {t for t, r in rate.items() if free_text or r >= min_hit_rate}
    # Header evidence: alternatives (证件号码 -> one of several IDs) resolved by values.
    from_header: dict[str, None] = {}
    candidates = _header_candidates(name)
    for types in candidates:
        confirmed = [t for t in types if t in from_values]
        for t in confirmed or [types[0]]:
            from_header.setdefault(t, None)
    if len(from_header) > 1 and n:
        # Several header words (微信账号 = account + bank card): keep a detectable type
        # only when values confirm it or it is the only one left.
        confirmed = {t: None for t in from_header if t in from_values or not tax.entity(t).detected}
        from_header = confirmed or from_header
    entities: list[ColumnEntity] = []
    for t in list(from_header) + sorted(from_values - set(from_header), key=lambda t: -hits_per_type[t]):
        ec = tax.entity(t)
        source = "header+values" if t in from_header and t in from_values else ("header" if t in from_header else "values")
        entities.append(ColumnEntity(t, source, hits_per_type.get(t, 0), rate.get(t, 0.0), ec.category, ec.level,
                                     ec.sensitive))
    minors = 0
    examples: dict[str, list[str]] = {}
    wanted = {e.entity_type for e in entities}
    for value, hits in zip(values, per_cell):
        for h in hits:
            if h.entity_type not in wanted:
                continue
            if h.entity_type == "CN_RESIDENT_ID":
                born = _birth_date_of(h.facts, value[h.start:h.end])
                minors += born is not None and is_minor(born, ref, tax.minor_age)
            bucket = examples.setdefault(h.entity_type, [])
            if len(bucket) < 2:
                masked = mask_example(h.entity_type, value[h.start:h.end])
                if masked not in bucket:
                    bucket.append(masked)
    level = max([e.level for e in entities] + [tax.minor_level if minors else 0])
    is_sensitive = any(e.sensitive for e in entities) or minors > 0
    top = max(entities, key=lambda e: e.level, default=None)
    categories = tuple(dict.fromkeys(e.category for e in entities))
    if minors:
        categories += (tax.minor_category,)
    covered = sum(1 for hits in per_cell if any(h.entity_type in wanted for h in hits))
    reasons = _column_reasons(tax, entities, minors, ref, free_text) if entities else []
    return ColumnClassification(
        name=name, entities=tuple(entities), category=top.category if top else None, categories=categories,
        level=level, is_sensitive=is_sensitive, free_text=free_text, sampled=sampled, non_empty=n,
        coverage=covered / n if n else 0.0, minors=minors, reasons=tuple(reasons),
        examples={k: tuple(v) for k, v in examples.items()},
    )


def _column_reasons(tax: Taxonomy, entities: Iterable[ColumnEntity], minors: int, ref: _dt.date,
                    free_text: bool) -> list[Reason]:
    reasons: list[Reason] = []
    if free_text:
        reasons.append(Reason("free_text", "自由文本列，按文本逐项扫描", "free-text column, scanned as text"))
    for e in entities:
        cat = tax.category_label(e.category)
        how_zh = {"header": "列名", "values": "抽样值", "header+values": "列名与抽样值"}[e.source]
        how_en = {"header": "column header", "values": "sampled values", "header+values": "header and sampled values"}[e.source]
        zh = f"{e.entity_type}：依据{how_zh}（命中率 {e.hit_rate:.0%}），属于{cat['zh']}，级别 {e.level}"
        en = f"{e.entity_type} from {how_en} (hit rate {e.hit_rate:.0%}): {cat['en']}, level {e.level}"
        if e.sensitive:
            zh += "，敏感个人信息"
            en += ", sensitive personal information"
        reasons.append(Reason(f"entity:{e.entity_type}", zh, en, e.level))
    if minors:
        reasons.append(Reason(
            "minor", f"{minors} 个抽样身份证号显示持有人在基准日 {ref.isoformat()} 不满 {tax.minor_age} 周岁",
            f"{minors} sampled resident ID(s) show a holder under {tax.minor_age} on {ref.isoformat()}",
            tax.minor_level))
    return reasons
