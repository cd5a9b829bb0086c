"""Result types of redaction: the redacted text and what was done where, never a raw value."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["RedactedItem", "RedactionResult"]


@dataclass(frozen=True, slots=True)
class RedactedItem:
    """One finding that was redacted.

    Attributes:
        entity_type: the entity type (``PHONE_NUMBER``).
        start, end: the span in the original text.
        redacted_start, redacted_end: the span of the replacement in the redacted text.
        strategy: the strategy applied (``mask``).
        score: the detector's score.

    It holds offsets and names only: neither the original value nor the replacement, so
    an item can be logged or reported. Slice the texts with the offsets when you have them.
    """

    entity_type: str
    start: int
    end: int
    redacted_start: int
    redacted_end: int
    strategy: str
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class RedactionResult:
    """The redacted text and its items, in text order.

    ``repr`` shows the counts only, so printing a result in a log does not even copy the
    redacted text (which, under a ``mask`` policy, still holds partial values).
    """

    text: str
    items: tuple[RedactedItem, ...] = field(default_factory=tuple)

    def __repr__(self) -> str:
        kinds = sorted({i.entity_type for i in self.items})
        return f"RedactionResult(chars={len(self.text)}, items={len(self.items)}, entities={kinds})"

    def __str__(self) -> str:
        return self.text
