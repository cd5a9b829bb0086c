"""Guard: an analyzer engine plus the settings a pipeline keeps between calls."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from ._engine import DEFAULT_THRESHOLD, Engine, default_engine

if TYPE_CHECKING:  # pragma: no cover
    from presidio_analyzer import RecognizerResult

__all__ = ["Guard"]


class Guard:
    """Detection (and, with a policy, redaction) settings bound together.

    Args:
        entities: entity types to look for (default: all).
        threshold: minimum score of a finding (default 0.5).
        engine: a custom :class:`~piiguard._engine.Engine` (default: the shared one).

    A Guard is thread-safe: its state is read-only after construction.
    """

    def __init__(
        self,
        *,
        entities: Collection[str] | None = None,
        threshold: float | None = None,
        engine: Engine | None = None,
    ) -> None:
        self._engine = engine or default_engine()
        if entities is not None:
            entities = frozenset(self._engine._check_entities(entities) or ())
        self.entities: frozenset[str] | None = entities
        if threshold is not None and not (isinstance(threshold, (int, float)) and 0 <= threshold <= 1):
            raise ValueError("threshold must be a number between 0 and 1")
        self.threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)

    def __repr__(self) -> str:
        ents = "all" if self.entities is None else ",".join(sorted(self.entities))
        return f"Guard(entities={ents}, threshold={self.threshold})"

    @property
    def supported_entities(self) -> Sequence[str]:
        """Entity types the engine can find."""
        return self._engine.supported_entities

    def analyze(
        self,
        text: str,
        *,
        entities: Collection[str] | None = None,
        threshold: float | None = None,
    ) -> list[RecognizerResult]:
        """Find personal information in ``text`` (see :func:`piiguard.analyze`)."""
        return self._engine.analyze(
            text,
            entities=self.entities if entities is None else entities,
            threshold=self.threshold if threshold is None else threshold,
        )
