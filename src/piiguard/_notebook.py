"""Notebook views: findings highlighted in colour, one colour per entity type, with a legend.

:func:`show` returns a :class:`View`, which Jupyter renders as HTML through
``_repr_html_`` / ``_repr_mimebundle_`` (plain-text fallback: counts only).

- ``show(text)`` (the analysis view) displays **the text itself** with its findings
  marked. The text is the user's own, shown in the user's own notebook; do not put this
  view in a notebook you share or publish.
- ``show(text, redacted=True)`` (the redaction view) displays **only the redacted
  text**, its replacements marked. It is as safe to share as the redacted text.

Everything is HTML-escaped, so markup in the text is shown, never interpreted.

>>> v = show("手机13812345678，<b>身份证</b>11010519491231002X", redacted=True)
>>> v
View(redacted, chars=42, findings=2, entities=['CN_RESIDENT_ID', 'PHONE_NUMBER'])
>>> "13812345678" in v._repr_html_(), "&lt;b&gt;" in v._repr_html_()
(False, True)
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ._guard import Guard

__all__ = ["View", "show"]

# Colour-blind-safe-ish palette (Okabe-Ito plus tints), light backgrounds for dark text.
COLORS: dict[str, str] = {
    "PERSON": "#ffd8a8", "CN_ADDRESS": "#b2f2bb", "PHONE_NUMBER": "#a5d8ff", "CN_RESIDENT_ID": "#ffc9c9",
    "CN_BANK_CARD": "#eebefa", "CN_PASSPORT": "#d0bfff", "CN_HMT_PERMIT": "#bac8ff", "CN_USCC": "#99e9f2",
    "CN_LICENSE_PLATE": "#ffec99", "EMAIL_ADDRESS": "#96f2d7", "IP_ADDRESS": "#dee2e6", "URL": "#e9ecef",
    "HK_ID": "#fcc2d7", "MO_ID": "#fcc2d7", "TW_ID": "#fcc2d7", "DATE_OF_BIRTH": "#ffe8cc",
}
_FALLBACK = ("#d3f9d8", "#fff3bf", "#e5dbff", "#c5f6fa", "#ffe3e3", "#f3d9fa")


def color_for(entity_type: str) -> str:
    """The highlight colour of an entity type (a stable fallback for unknown types)."""
    known = COLORS.get(entity_type)
    if known is not None:
        return known
    return _FALLBACK[sum(map(ord, entity_type)) % len(_FALLBACK)]


@dataclass(frozen=True)
class Span:
    """A highlighted span: offsets into the shown text, entity type, score and strategy."""

    start: int
    end: int
    entity_type: str
    score: float
    strategy: str | None = None


class View:
    """Highlighted text for notebooks; ``repr`` shows counts only, never text."""

    def __init__(self, text: str, spans: Sequence[Span], *, redacted: bool) -> None:
        self.text = text
        self.spans = tuple(sorted(spans, key=lambda s: (s.start, s.end)))
        self.redacted = redacted

    @property
    def counts(self) -> dict[str, int]:
        """Findings per entity type."""
        return dict(sorted(Counter(s.entity_type for s in self.spans).items()))

    def __repr__(self) -> str:
        kind = "redacted" if self.redacted else "analysis"
        return (f"View({kind}, chars={len(self.text)}, findings={len(self.spans)}, "
                f"entities={sorted(self.counts)})")

    def _legend(self) -> str:
        if not self.spans:
            return '<div style="color:#777;font-size:.85em">未发现个人信息 / no personal information found</div>'
        chips = "".join(
            f'<span style="background:{color_for(e)};padding:1px 6px;margin-right:6px;border-radius:3px">'
            f"{html.escape(e)} × {n}</span>" for e, n in self.counts.items())
        return f'<div style="font-size:.85em;margin-bottom:6px">{chips}</div>'

    def _repr_html_(self) -> str:
        parts: list[str] = []
        pos = 0
        for s in self.spans:
            if s.start < pos:  # overlapping spans: show the first only
                continue
            parts.append(html.escape(self.text[pos:s.start]))
            title = f"{s.entity_type} score {s.score:.2f}" + (f" · {s.strategy}" if s.strategy else "")
            parts.append(
                f'<mark title="{html.escape(title, quote=True)}" style="background:{color_for(s.entity_type)};'
                f'padding:0 2px;border-radius:3px">{html.escape(self.text[s.start:s.end])}'
                f'<sub style="font-size:.6em;color:#555;margin-left:2px">{html.escape(s.entity_type)}</sub></mark>')
            pos = s.end
        parts.append(html.escape(self.text[pos:]))
        note = ("脱敏后文本 / redacted text" if self.redacted else
                "原文（仅供本人查看）/ original text, for your own notebook only")
        body = "".join(parts).replace("\n", "<br>")
        return (f'<div class="piiguard-view" style="font-family:sans-serif;line-height:1.8">{self._legend()}'
                f'<div style="white-space:pre-wrap">{body}</div>'
                f'<div style="font-size:.75em;color:#999">piiguard · {note}</div></div>')

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/plain": repr(self), "text/html": self._repr_html_()}


def show(text: str, *, guard: Guard | None = None, redacted: bool = False, **guard_kwargs: Any) -> View:
    """A notebook view of ``text`` with its personal information highlighted.

    Args:
        text: the text.
        guard: the :class:`~piiguard.Guard` to use (or pass ``policy``, ``key``,
            ``entities``, ``threshold``).
        redacted: False (default): show the text with findings marked (the user's own
            data, in their own notebook); True: show the redacted text with the
            replacements marked.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    from ._batch import _guard_for

    g = _guard_for(guard, **{k: guard_kwargs.get(k) for k in ("policy", "key", "entities", "threshold")})
    unknown = set(guard_kwargs) - {"policy", "key", "entities", "threshold"}
    if unknown:
        raise TypeError(f"unexpected argument(s): {', '.join(sorted(unknown))}")
    if redacted:
        done = g.redact_detailed(text)
        spans = [Span(i.redacted_start, i.redacted_end, i.entity_type, i.score, i.strategy) for i in done.items]
        return View(done.text, spans, redacted=True)
    spans = [Span(r.start, r.end, r.entity_type, float(r.score)) for r in g.analyze(text)]
    return View(text, spans, redacted=False)
