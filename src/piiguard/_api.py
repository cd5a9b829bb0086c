"""Module-level functions: thin wrappers over a default :class:`~piiguard.Guard`."""

from __future__ import annotations

import threading
from collections.abc import Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from presidio_analyzer import RecognizerResult

    from ._guard import Guard

__all__ = ["analyze", "default_guard"]

_LOCK = threading.Lock()
_DEFAULT: list[Guard] = []


def default_guard() -> Guard:
    """The shared default :class:`Guard` (default policy, no key), built on first use."""
    if not _DEFAULT:
        with _LOCK:
            if not _DEFAULT:
                from ._guard import Guard

                _DEFAULT.append(Guard())
    return _DEFAULT[0]


def analyze(
    text: str,
    *,
    entities: Collection[str] | None = None,
    threshold: float | None = None,
) -> list[RecognizerResult]:
    """Find personal information in ``text``.

    Args:
        text: the text to scan.
        entities: restrict to these entity types (as Presidio's ``entities``).
        threshold: minimum score (default 0.5).

    Returns:
        Presidio ``RecognizerResult`` objects, sorted by position, whose offsets index
        ``text`` as passed in; ``recognition_metadata["facts"]`` holds parsed facts.

    Raises:
        TypeError: ``text`` is not a ``str``.
        ConfigError: an unknown entity type was asked for.

    >>> text = "手机 138-1234-5678，身份证11010519491231002X"
    >>> [(r.entity_type, text[r.start:r.end]) for r in analyze(text)]
    [('PHONE_NUMBER', '138-1234-5678'), ('CN_RESIDENT_ID', '11010519491231002X')]
    """
    return default_guard().analyze(text, entities=entities, threshold=threshold)


