"""Guard: an analyzer engine, a redaction policy and a key, bound together."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ._engine import DEFAULT_THRESHOLD, Engine, default_engine

if TYPE_CHECKING:  # pragma: no cover
    from presidio_analyzer import RecognizerResult

    from ._types_redact import RedactionResult
    from .classification import Classification
    from .keys import Key
    from .policy import Policy

__all__ = ["Guard"]


class Guard:
    """Detection and redaction settings that a pipeline keeps between calls.

    Args:
        entities: entity types to look for (default: all).
        policy: how to redact: a preset name (``"mask"``, ``"pseudonymize"``, ``"strict"``,
            ``"remove"``, ``"handover"``), a dict ``{entity: strategy}``, a YAML file or a
            :class:`~piiguard.Policy` (default ``"mask"``).
        key: a :class:`~piiguard.Key`, bytes or str (at least 16 bytes) for keyed
            strategies (hash, encrypt, pseudonymize, fpe); None reads ``PIIGUARD_KEY``.
        threshold: minimum score of a finding (default 0.5).
        engine: a custom :class:`~piiguard.Engine` (default: the shared one).

    The policy and key are checked once, here. A Guard is thread-safe: its state is
    read-only after construction. Its repr shows the key's fingerprint only.

    >>> guard = Guard(policy="mask")
    >>> guard.redact("客户手机13812345678")
    '客户手机138****5678'
    """

    def __init__(
        self,
        *,
        entities: Collection[str] | None = None,
        policy: Any = None,
        key: Any = None,
        threshold: float | None = None,
        engine: Engine | None = None,
    ) -> None:
        self._engine = engine or default_engine()
        self.entities: frozenset[str] | None = (
            None if entities is None else frozenset(self._engine._check_entities(entities) or ())
        )
        if threshold is not None and (
            isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1
        ):
            raise ValueError("threshold must be a number between 0 and 1")
        self.threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
        self._policy_arg = policy
        self._key_arg = key
        self._policy: Policy | None = None
        self._key: Key | None = None
        if policy is not None or key is not None:
            self._load_policy()

    def _load_policy(self) -> None:
        from .keys import Key
        from .policy import Policy

        self._policy = Policy.coerce(self._policy_arg)
        self._key = Key.coerce(self._key_arg, required=self._policy.needs_key)

    @property
    def policy(self) -> Policy:
        """The redaction policy."""
        if self._policy is None:
            self._load_policy()
        return self._policy  # type: ignore[return-value]

    @property
    def key(self) -> Key | None:
        """The key (its repr shows a fingerprint only), or None."""
        if self._policy is None:
            self._load_policy()
        return self._key

    def __repr__(self) -> str:
        ents = "all" if self.entities is None else ",".join(sorted(self.entities))
        key = "none" if self._key is None else repr(self._key)
        policy = "mask" if self._policy_arg is None else (
            self._policy_arg if isinstance(self._policy_arg, str) else type(self._policy_arg).__name__
        )
        return f"Guard(entities={ents}, policy={policy}, key={key}, threshold={self.threshold})"

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

    def redact_detailed(self, text: str) -> RedactionResult:
        """Redact ``text`` and say what was done.

        Returns:
            A :class:`~piiguard.RedactionResult`: the new text and one item per finding
            (entity type, offsets before and after, strategy), never the raw values.
        """
        from ._redact import redact_text

        return redact_text(text, self.analyze(text), self.policy, self.key)

    def redact(self, text: str) -> str:
        """Redact ``text`` with this guard's policy and key."""
        return self.redact_detailed(text).text

    def restore(self, text: str, *, errors: str = "raise") -> str:
        """Reverse the reversible tokens (``encrypt``) found anywhere in ``text``.

        Args:
            errors: ``"raise"`` (a tampered token raises DecryptionError) or ``"keep"``
                (leave tokens that do not decrypt as they are).
        """
        from ._redact import restore_text
        from .exceptions import KeyMaterialError

        if self.key is None:
            raise KeyMaterialError("restore needs the key the text was redacted with.")
        return restore_text(text, self.key, errors=errors)

    def classify(self, text: str, **kwargs: Any) -> Classification:
        """Classify ``text`` under PIPL / GB/T 35273 (see :func:`piiguard.classify`)."""
        from .classification import classify

        return classify(text, analyze=self.analyze, **kwargs)

    # -- pipelines ---------------------------------------------------------------------
    def analyze_many(self, texts: Iterable[Any], *, n_jobs: int | None = 1, batch_size: int = 256,
                     progress: bool | None = False, total: int | None = None) -> Iterator[list[RecognizerResult]]:
        """Analyze a stream of texts, in order, on ``n_jobs`` processes (see :func:`piiguard.analyze_many`)."""
        from ._batch import analyze_many

        return analyze_many(texts, guard=self, n_jobs=n_jobs, batch_size=batch_size, progress=progress,
                            total=total)

    def redact_many(self, texts: Iterable[Any], *, n_jobs: int | None = 1, batch_size: int = 256,
                    progress: bool | None = False, total: int | None = None,
                    detailed: bool = False) -> Iterator[Any]:
        """Redact a stream of texts, in order, on ``n_jobs`` processes (see :func:`piiguard.redact_many`).

        >>> list(Guard().redact_many(["手机13812345678", None]))
        ['手机138****5678', None]
        """
        from ._batch import redact_many

        return redact_many(texts, guard=self, n_jobs=n_jobs, batch_size=batch_size, progress=progress,
                           total=total, detailed=detailed)

    def redact_dataframe(self, df: Any, columns: Any = None, **kwargs: Any) -> Any:
        """A redacted copy of a pandas (or polars) DataFrame (see :func:`piiguard.dataframe.redact_dataframe`)."""
        from .dataframe import redact_dataframe

        return redact_dataframe(df, columns, guard=self, **kwargs)

    def explain(self, text: str, *, redacted: bool = False) -> Any:
        """A notebook view of ``text``: findings highlighted by entity type (see :func:`piiguard.show`)."""
        from ._notebook import show

        return show(text, guard=self, redacted=redacted)
