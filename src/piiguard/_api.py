"""Module-level functions: thin wrappers over a :class:`~piiguard.Guard`."""

from __future__ import annotations

import threading
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from presidio_analyzer import RecognizerResult

    from ._guard import Guard

__all__ = ["analyze", "default_guard", "redact", "restore"]

_LOCK = threading.Lock()
_DEFAULT: list[Guard] = []


def default_guard() -> Guard:
    """The shared default :class:`Guard` (mask policy, no key), built on first use."""
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


def redact(
    text: str,
    *,
    policy: Any = None,
    key: Any = None,
    entities: Collection[str] | None = None,
    threshold: float | None = None,
) -> str:
    """Redact personal information in ``text``.

    With a policy or key this builds a :class:`Guard` per call; for many texts, build one
    ``Guard(policy=..., key=...)`` and call its ``redact`` (or ``redact_many``).

    Args:
        text: the text to redact.
        policy: a preset (``"mask"`` by default: Chinese masking conventions;
            ``"pseudonymize"``, ``"strict"``, ``"remove"``, ``"handover"``), a dict
            ``{entity: strategy or {strategy: option}}``, a YAML file or a Policy.
        key: the key for keyed strategies (at least 16 bytes); None reads ``PIIGUARD_KEY``.
        entities: only these entity types.
        threshold: minimum score (default 0.5).

    Raises:
        TypeError: ``text`` is not a ``str``.
        PolicyError: the policy names an unknown strategy or option.
        KeyMaterialError: the policy needs a key and none was given.

    >>> redact("客户手机13812345678，身份证11010519491231002X")
    '客户手机138****5678，身份证110105********002X'
    """
    if policy is None and key is None and entities is None and threshold is None:
        return default_guard().redact(text)
    from ._guard import Guard

    return Guard(policy=policy, key=key, entities=entities, threshold=threshold).redact(text)


def restore(text: str, *, key: Any, errors: str = "raise") -> str:
    """Reverse the reversible tokens (``encrypt`` strategy) wherever they appear in ``text``.

    ``text`` may be the redacted text itself or new text that quotes its tokens (an
    LLM's reply). No vault of raw values is needed: the tokens carry the ciphertext.

    Raises:
        KeyMaterialError: no usable key.
        DecryptionError: a token was altered or the key is wrong (``errors="raise"``).
    """
    from ._redact import restore_text
    from .keys import Key

    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return restore_text(text, Key.coerce(key, required=True), errors=errors)  # type: ignore[arg-type]
