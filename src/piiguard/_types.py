"""Small value types shared across piiguard."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Finding"]


@dataclass(slots=True)
class Finding:
    """One detection before it becomes a Presidio ``RecognizerResult``.

    Offsets index the text the detector was given. ``metadata`` holds parsed facts
    (an ID's birth date, an address's city); it never holds the matched text itself.
    """

    start: int
    end: int
    entity_type: str
    score: float
    recognizer: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    #: +1 when a context word supports the finding, -1 against, 0 none (ranks overlaps).
    context: int = 0

    def __repr__(self) -> str:  # never print the value
        return (
            f"Finding(entity_type={self.entity_type!r}, start={self.start}, end={self.end}, "
            f"score={self.score:.2f}, recognizer={self.recognizer!r})"
        )
