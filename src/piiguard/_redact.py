"""The redaction core: resolve overlapping findings, apply the policy's strategies, restore.

``Guard``/``piiguard.redact`` call :func:`redact_text` with the analyzer's results, and
``piiguard.restore`` calls :func:`restore_text`.

Strategies are Presidio ``Operator`` s, but they are applied here directly rather than
through Presidio's ``AnonymizerEngine``: the engine takes one operator config per entity
type, so it cannot hand each finding its own parsed facts (an address's ``rest_start``,
an ID's birth date), and it re-creates and re-validates an operator per finding.
Measured on a record with 4 findings under the ``mask`` policy: this loop costs about
25 µs, the engine about 65 µs (and gives masks without facts); ``pseudonymize`` costs
about 110 µs, ``handover`` 55 µs (tests/test_redact.py::TestSpeed keeps a loose bound). :func:`piiguard.strategies.anonymizer_engine`
gives Presidio users the same strategies on an ``AnonymizerEngine``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .exceptions import PiiguardError
from .keys import Key, KeyLike
from .policy import Policy, PolicyLike
from .strategies import Strategy
from .strategies.encrypt import TOKEN_RE, decrypt_payload
from ._types_redact import RedactedItem, RedactionResult

__all__ = ["StrategyError", "redact_text", "resolve_overlaps", "restore_text"]


class StrategyError(PiiguardError):
    """A strategy failed on a value (the message names the strategy and entity, not the value)."""

    message = "A redaction strategy failed."


_INSTANCES: dict[type[Strategy], Strategy] = {}


def _instance(cls: type[Strategy]) -> Strategy:
    inst = _INSTANCES.get(cls)
    if inst is None:
        inst = _INSTANCES[cls] = cls()
    return inst


def resolve_overlaps(results: Iterable[Any]) -> list[Any]:
    """Non-overlapping results in text order: the higher score, then the longer span, wins.

    The analyzer already resolves overlaps by specificity; this is the safety net for
    result lists built elsewhere (a user's own Presidio analyzer).
    """
    ordered = sorted(results, key=lambda r: (r.start, r.end))
    if all(a.end <= b.start for a, b in zip(ordered, ordered[1:])):
        return ordered
    ranked = sorted(ordered, key=lambda r: (-r.score, -(r.end - r.start), r.start))
    kept: list[Any] = []
    for r in ranked:
        if r.end > r.start and all(r.end <= k.start or k.end <= r.start for k in kept):
            kept.append(r)
    kept.sort(key=lambda r: r.start)
    return kept


def _facts(result: Any) -> dict[str, Any]:
    meta = getattr(result, "recognition_metadata", None)
    if isinstance(meta, dict):
        facts = meta.get("facts")
        if isinstance(facts, dict):
            return facts
    return {}


def redact_text(text: str, results: Sequence[Any], policy: PolicyLike | None = None,
                key: KeyLike | None = None) -> RedactionResult:
    """Apply ``policy`` to the findings ``results`` in ``text``.

    Args:
        text: the caller's text; ``results`` offsets index it.
        results: Presidio ``RecognizerResult`` s (anything with ``entity_type``, ``start``,
            ``end``, ``score`` and optionally ``recognition_metadata["facts"]``).
        policy: a Policy, preset name, dict or YAML path (None: ``"mask"``).
        key: a Key (or bytes/str); None reads ``PIIGUARD_KEY`` if set.

    Returns:
        The redacted text and one :class:`RedactedItem` per finding applied.

    Raises:
        TypeError: ``text`` is not a str.
        KeyMaterialError: the policy needs a key and none is given or set.
        StrategyError: a strategy failed (never carries the value).
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    policy = Policy.coerce(policy)
    key_obj = Key.coerce(key, required=policy.needs_key)
    if not results:
        return RedactionResult(text, ())
    findings = resolve_overlaps(results)
    if "⟦" in text:  # never redact inside a token an earlier pass wrote
        tokens = [m.span() for m in TOKEN_RE.finditer(text)]
        if tokens:
            findings = [r for r in findings if all(r.end <= s or e <= r.start for s, e in tokens)]
    pieces: list[str] = []
    items: list[RedactedItem] = []
    pos = 0
    out_len = 0
    for r in findings:
        entity = r.entity_type
        rule = policy.rule_for(entity)
        try:
            # The policy checked the options and Key.coerce the key, so the strategy's
            # apply() is called directly (operate() is the Presidio entry that re-checks).
            new = _instance(rule.strategy_class).apply(text[r.start:r.end], entity, rule.options, key_obj, _facts(r))
        except PiiguardError:
            raise
        except Exception:
            raise StrategyError(f"strategy '{rule.strategy}' failed on a {entity} value") from None
        before = text[pos:r.start]
        pieces.append(before)
        pieces.append(new)
        out_len += len(before)
        items.append(RedactedItem(entity, r.start, r.end, out_len, out_len + len(new), rule.strategy,
                                  float(r.score)))
        out_len += len(new)
        pos = r.end
    pieces.append(text[pos:])
    return RedactionResult("".join(pieces), tuple(items))


def restore_text(text: str, key: KeyLike, *, errors: str = "raise") -> str:
    """Replace every ``encrypt`` token found anywhere in ``text`` by its value.

    The tokens can sit in new text (an LLM's reply that quotes, repeats or reorders
    them); nothing but the key is needed, no vault. Pseudonyms are one-way and stay as
    they are; ``fpe`` values cannot be told from real numbers in free text and also stay
    (reverse them per field with :func:`piiguard.strategies.fpe.decrypt_value`).

    Args:
        text: text holding tokens.
        key: the key the tokens were made with.
        errors: ``"raise"`` (default) raises on a token that does not decrypt;
            ``"keep"`` leaves such tokens as they are.

    Raises:
        DecryptionError: a token does not decrypt (wrong key, altered or truncated).
        KeyMaterialError: no usable key.
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if errors not in ("raise", "keep"):
        raise ValueError("errors must be 'raise' or 'keep'")
    if "⟦" not in text:
        return text
    key_obj = Key.coerce(key, required=True)
    assert key_obj is not None

    def _sub(m: Any) -> str:
        try:
            return decrypt_payload(m.group(1), m.group(2), key_obj)
        except PiiguardError:
            if errors == "keep":
                return str(m.group(0))
            raise

    return TOKEN_RE.sub(_sub, text)
