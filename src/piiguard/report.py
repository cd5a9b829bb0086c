"""Inventory reports: what personal information is where, as JSON and as one HTML page.

A report covers a text (:class:`~piiguard.classification.Classification`), a table
(:class:`~piiguard.classification.TableClassification`) or a folder of files
(:class:`Inventory`, from :func:`scan_path`). It lists, per column or file, the entity
types, counts, category, sensitivity and *masked* examples, with the reasons in Chinese
and English. It never contains a raw value. The HTML page is self-contained (inline CSS
and an inline SVG chart, no scripts or external assets), so it can be attached to a
handover record or a personal-information impact assessment (个人信息保护影响评估).
"""

from __future__ import annotations

import datetime as _dt
import html
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .classification import (
    AnalyzeFn,
    Classification,
    TableClassification,
    Taxonomy,
    classify,
    classify_table,
    load_taxonomy,
)

__all__ = ["Inventory", "InventoryItem", "report_html", "report_json", "scan_path"]

TABLE_SUFFIXES = (".csv", ".tsv")
TEXT_SUFFIXES = (".txt", ".md", ".log", ".json", ".jsonl", ".xml", ".html", ".htm", ".yaml", ".yml")
_MAX_TEXT_BYTES = 50_000_000


@dataclass(frozen=True)
class InventoryItem:
    """One file of an inventory: its relative path and its classification."""

    path: str
    kind: str  # "table", "text" or "skipped"
    result: Classification | TableClassification | None

    @property
    def level(self) -> int:
        return self.result.level if self.result is not None else 0

    @property
    def is_sensitive(self) -> bool:
        return bool(self.result and self.result.is_sensitive)

    def __repr__(self) -> str:
        return f"InventoryItem(path={self.path!r}, kind={self.kind!r}, level={self.level})"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind,
                "result": self.result.to_dict() if self.result is not None else None}


@dataclass(frozen=True)
class Inventory:
    """The classification of a folder (or one file): one :class:`InventoryItem` per file."""

    root: str
    items: tuple[InventoryItem, ...]
    level: int
    level_label: dict[str, str]
    is_sensitive: bool
    pack: str = "default"
    reference_date: _dt.date = field(default_factory=_dt.date.today)

    def __repr__(self) -> str:
        return (f"Inventory(root={self.root!r}, files={len(self.items)}, level={self.level}, "
                f"is_sensitive={self.is_sensitive})")

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "inventory", "root": self.root, "level": self.level, "level_label": dict(self.level_label),
                "is_sensitive": self.is_sensitive, "pack": self.pack,
                "reference_date": self.reference_date.isoformat(),
                "files": [i.to_dict() for i in self.items]}


def scan_path(
    path: str | Path,
    *,
    sample_size: int = 200,
    reference_date: _dt.date | str | None = None,
    pack: str | Path | Taxonomy = "default",
    analyze: AnalyzeFn | None = None,
) -> Inventory:
    """Classify a CSV/TSV table, a text file, or every such file under a folder.

    Tables go through :func:`~piiguard.classification.classify_table`, other text files
    (``.txt``, ``.md``, ``.log``, ``.json`` …) through :func:`~piiguard.classification.classify`.
    Other files are listed as skipped.
    """
    root = Path(path)
    tax = load_taxonomy(pack)
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    items: list[InventoryItem] = []
    ref: _dt.date | None = None
    for file in files:
        rel = file.name if file == root else file.relative_to(root).as_posix()
        suffix = file.suffix.lower()
        result: Classification | TableClassification | None
        if suffix in TABLE_SUFFIXES:
            result = classify_table(file, sample_size=sample_size, reference_date=reference_date, pack=tax,
                                    analyze=analyze)
            kind = "table"
        elif suffix in TEXT_SUFFIXES and file.stat().st_size <= _MAX_TEXT_BYTES:
            raw = file.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("gb18030", errors="replace")
            result = classify(text, reference_date=reference_date, pack=tax, analyze=analyze)
            kind = "text"
        else:
            items.append(InventoryItem(rel, "skipped", None))
            continue
        ref = result.reference_date
        items.append(InventoryItem(rel, kind, result))
    level = max((i.level for i in items), default=0)
    return Inventory(
        root=root.name, items=tuple(items), level=level, level_label=tax.level_label(level),
        is_sensitive=any(i.is_sensitive for i in items), pack=tax.name,
        reference_date=ref or _dt.date.today(),
    )


def _coerce(obj: Any, **kwargs: Any) -> Classification | TableClassification | Inventory:
    if isinstance(obj, (Classification, TableClassification, Inventory)):
        return obj
    if isinstance(obj, (str, Path)):
        return scan_path(obj, **kwargs)
    raise TypeError("report needs a Classification, TableClassification, Inventory or a path")


def report_json(obj: Any, *, path: str | Path | None = None, indent: int = 2, **scan: Any) -> str:
    """The report as a JSON string (and written to ``path`` when given).

    Args:
        obj: a classification result, an :class:`Inventory`, or a file/folder path to scan
            (then ``scan`` keyword arguments go to :func:`scan_path`).
    """
    result = _coerce(obj, **scan)
    data = {"generator": "piiguard", "generated_at": _dt.datetime.now().isoformat(timespec="seconds"),
            "report": result.to_dict()}
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text


# --------------------------------------------------------------------------- HTML

_LEVEL_COLORS = {0: "#9e9e9e", 1: "#4caf50", 2: "#2196f3", 3: "#ff9800", 4: "#e53935", 5: "#6a1b9a"}
_CSS = """
body{font-family:-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222;max-width:1200px}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.9em}
th,td{border:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#f5f5f5}.lvl{display:inline-block;padding:.05em .5em;border-radius:.6em;color:#fff;font-weight:600}
.sens{color:#c62828;font-weight:600}.muted{color:#777}ul.reasons{margin:.3em 0 .3em 1.2em;padding:0}
code{background:#f3f3f3;padding:0 .25em;border-radius:3px}.summary td{border:none;padding:.15em .8em .15em 0}
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _badge(level: int, label: dict[str, str] | None = None) -> str:
    text = f"{level}" + (f" · {label['zh']}" if label else "")
    return f'<span class="lvl" style="background:{_LEVEL_COLORS.get(level, "#555")}">{_e(text)}</span>'


def _reasons(reasons: Any) -> str:
    items = "".join(f"<li>{_e(r.zh)}<br><span class=\"muted\">{_e(r.en)}</span></li>" for r in reasons)
    return f'<ul class="reasons">{items}</ul>'


def _examples(examples: dict[str, tuple[str, ...]]) -> str:
    return "<br>".join(f"{_e(k)}: " + ", ".join(f"<code>{_e(v)}</code>" for v in vs) for k, vs in examples.items())


def _chart(counts: Counter[str], levels: dict[str, int], tax: Taxonomy, title: str) -> str:
    """A horizontal bar chart as inline SVG: one bar per category, coloured by level."""
    if not counts:
        return '<p class="muted">无个人信息 / no personal information</p>'
    rows = counts.most_common()
    top = max(c for _, c in rows)
    bar_h, gap, label_w, bar_w = 22, 8, 230, 420
    height = len(rows) * (bar_h + gap) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 60}" height="{height}" '
             f'role="img" aria-label="{_e(title)}">', f'<title>{_e(title)}</title>']
    for i, (category, count) in enumerate(rows):
        y = 20 + i * (bar_h + gap)
        width = max(2, round(bar_w * count / top))
        label = tax.category_label(category)
        color = _LEVEL_COLORS.get(levels.get(category, 0), "#555")
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
                     f'{_e(label["zh"])} ({_e(label["en"])})</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{width}" height="{bar_h}" fill="{color}" rx="3"></rect>')
        parts.append(f'<text x="{label_w + width + 6}" y="{y + 15}" font-size="12">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table_section(t: TableClassification, tax: Taxonomy, heading: str | None) -> tuple[str, Counter[str], dict[str, int]]:
    counts: Counter[str] = Counter()
    levels: dict[str, int] = {}
    rows = []
    for c in t.columns:
        for e in c.entities:
            counts[e.category] += 1
            levels[e.category] = max(levels.get(e.category, 0), e.level)
        if c.minors:
            counts[tax.minor_category] += 1
            levels[tax.minor_category] = max(levels.get(tax.minor_category, 0), tax.minor_level)
        entity_cells = "<br>".join(f"{_e(e.entity_type)} <span class=\"muted\">({_e(e.source)}, "
                                   f"{e.hit_rate:.0%})</span>" for e in c.entities) or '<span class="muted">—</span>'
        cats = "<br>".join(_e(tax.category_label(k)["zh"]) for k in c.categories) or "—"
        rows.append(
            f"<tr><td>{_e(c.name)}{' <span class=muted>(free text)</span>' if c.free_text else ''}</td>"
            f"<td>{entity_cells}</td><td>{cats}</td><td>{_badge(c.level)}</td>"
            f"<td>{'<span class=sens>是 yes</span>' if c.is_sensitive else '否 no'}</td>"
            f"<td>{c.coverage:.0%} <span class=\"muted\">({c.non_empty}/{c.sampled})</span></td>"
            f"<td>{c.minors}</td><td>{_examples(c.examples)}</td></tr>"
        )
    head = f"<h2>{_e(heading)}</h2>" if heading else ""
    body = (
        f"{head}<table class=\"summary\"><tr><td>级别 level</td><td>{_badge(t.level, t.level_label)}</td></tr>"
        f"<tr><td>敏感 sensitive</td><td>{'<span class=sens>是 yes</span>' if t.is_sensitive else '否 no'}</td></tr>"
        f"<tr><td>行数 rows</td><td>{t.rows}（抽样 sampled {t.sampled_rows}）</td></tr></table>"
        f"{_reasons(t.reasons)}"
        "<table><thead><tr><th>列 column</th><th>实体类型 entity types</th><th>类别 category</th><th>级别 level</th>"
        "<th>敏感 sensitive</th><th>覆盖率 coverage</th><th>未成年人 minors</th><th>脱敏示例 masked examples</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return body, counts, levels


def _text_section(c: Classification, tax: Taxonomy, heading: str | None) -> tuple[str, Counter[str], dict[str, int]]:
    counts: Counter[str] = Counter(c.categories)
    levels: dict[str, int] = {}
    for f in c.findings:
        levels[f.category] = max(levels.get(f.category, 0), f.level)
        if f.minor:
            levels[tax.minor_category] = max(levels.get(tax.minor_category, 0), tax.minor_level)
    rows = "".join(
        f"<tr><td>{_e(entity)}</td><td>{count}</td><td>{_e(tax.category_label(tax.entity(entity).category)['zh'])}</td>"
        f"<td>{_badge(tax.entity(entity).level)}</td>"
        f"<td>{'<span class=sens>是 yes</span>' if tax.entity(entity).sensitive else '否 no'}</td>"
        f"<td>{_examples({entity: c.examples.get(entity, ())})}</td></tr>"
        for entity, count in c.entity_counts.items()
    )
    head = f"<h2>{_e(heading)}</h2>" if heading else ""
    body = (
        f"{head}<table class=\"summary\"><tr><td>级别 level</td><td>{_badge(c.level, c.level_label)}</td></tr>"
        f"<tr><td>敏感 sensitive</td><td>{'<span class=sens>是 yes</span>' if c.is_sensitive else '否 no'}</td></tr>"
        f"<tr><td>未成年人 minors</td><td>{c.minors}</td></tr></table>{_reasons(c.reasons)}"
        "<table><thead><tr><th>实体类型 entity type</th><th>数量 count</th><th>类别 category</th><th>级别 level</th>"
        f"<th>敏感 sensitive</th><th>脱敏示例 masked examples</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return body, counts, levels


def report_html(obj: Any, *, path: str | Path | None = None, title: str | None = None, **scan: Any) -> str:
    """The report as one self-contained HTML page (and written to ``path`` when given).

    Args:
        obj: a classification result, an :class:`Inventory`, or a file/folder path to scan.
        title: the page title (default: 个人信息清单 / personal information inventory).
    """
    result = _coerce(obj, **scan)
    # Labels come from the pack the result was classified with (a built-in pack by its
    # name, otherwise the pack passed in ``scan``).
    tax = load_taxonomy(scan.get("pack") or (result.pack if result.pack in ("default", "financial") else "default"))
    sections: list[str] = []
    counts: Counter[str] = Counter()
    levels: dict[str, int] = {}

    def add(part: tuple[str, Counter[str], dict[str, int]]) -> None:
        body, c, lv = part
        sections.append(body)
        counts.update(c)
        for k, v in lv.items():
            levels[k] = max(levels.get(k, 0), v)

    if isinstance(result, Inventory):
        overview = "".join(
            f"<tr><td>{_e(i.path)}</td><td>{_e(i.kind)}</td><td>{_badge(i.level) if i.result else '—'}</td>"
            f"<td>{'<span class=sens>是 yes</span>' if i.is_sensitive else '否 no'}</td></tr>" for i in result.items
        )
        sections.append(
            f"<table class=\"summary\"><tr><td>目录 folder</td><td>{_e(result.root)}</td></tr>"
            f"<tr><td>总体级别 overall level</td><td>{_badge(result.level, result.level_label)}</td></tr>"
            f"<tr><td>敏感 sensitive</td><td>{'<span class=sens>是 yes</span>' if result.is_sensitive else '否 no'}"
            f"</td></tr></table><table><thead><tr><th>文件 file</th><th>类型 kind</th><th>级别 level</th>"
            f"<th>敏感 sensitive</th></tr></thead><tbody>{overview}</tbody></table>"
        )
        for item in result.items:
            if isinstance(item.result, TableClassification):
                add(_table_section(item.result, tax, item.path))
            elif isinstance(item.result, Classification):
                add(_text_section(item.result, tax, item.path))
        ref, pack = result.reference_date, result.pack
    elif isinstance(result, TableClassification):
        add(_table_section(result, tax, result.source or None))
        ref, pack = result.reference_date, result.pack
    else:
        add(_text_section(result, tax, None))
        ref, pack = result.reference_date, result.pack
    title = title or "个人信息清单 / Personal information inventory"
    chart = _chart(counts, levels, tax, "按类别统计 / by category")
    generated = _dt.datetime.now().isoformat(timespec="seconds")
    page = (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{_e(title)}</h1>"
        f"<p class=\"muted\">piiguard · 分类标准 pack: {_e(pack)} · 基准日 reference date: {_e(ref.isoformat())} · "
        f"生成时间 generated: {_e(generated)} · 示例均已脱敏 all examples are masked</p>"
        f"<h2>按类别统计 / By category</h2>{chart}"
        f"{''.join(sections)}"
        "</body></html>\n"
    )
    if path is not None:
        Path(path).write_text(page, encoding="utf-8")
    return page
