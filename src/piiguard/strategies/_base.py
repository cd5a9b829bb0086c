"""The Strategy base class (a Presidio anonymizer ``Operator``) and typed options."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, ClassVar

from presidio_anonymizer.operators import Operator, OperatorType

from ..exceptions import KeyMaterialError, PolicyError
from ..keys import Key

__all__ = ["Options", "Strategy", "check"]


def check(condition: bool, strategy: str, option: str, allowed: str) -> None:
    """Raise a PolicyError naming the option and what it allows (never the value given)."""
    if not condition:
        raise PolicyError(f"option '{option}' of strategy '{strategy}' must be {allowed}")


@dataclasses.dataclass(frozen=True)
class Options:
    """Options of a strategy: a frozen dataclass, checked once when a Policy is built.

    ``PRIMARY`` names the field that a shorthand sets: in a policy,
    ``{"CN_ADDRESS": {"generalize": "city"}}`` means ``generalize`` with ``level="city"``.
    """

    PRIMARY: ClassVar[str | None] = None

    @classmethod
    def build(cls, strategy: str, raw: object = None) -> Options:
        """Options from a mapping, a shorthand scalar, None (defaults) or an instance.

        Raises:
            PolicyError: an unknown option, or a value the option does not allow.
        """
        if isinstance(raw, cls):
            return raw
        if raw is None:
            return cls()
        names = sorted(f.name for f in dataclasses.fields(cls))
        if not isinstance(raw, Mapping):
            if cls.PRIMARY is None:
                raise PolicyError(
                    f"strategy '{strategy}' takes options as a mapping; valid: {', '.join(names) or '(none)'}"
                )
            raw = {cls.PRIMARY: raw}
        unknown = sorted(str(k) for k in raw if k not in names)
        if unknown:
            raise PolicyError(
                f"unknown option '{unknown[0]}' for strategy '{strategy}'; valid: {', '.join(names) or '(none)'}"
            )
        values = {k: (tuple(v) if isinstance(v, list) else v) for k, v in raw.items()}
        try:
            return cls(**values)
        except TypeError:
            raise PolicyError(f"invalid options for strategy '{strategy}'") from None


@dataclasses.dataclass(frozen=True)
class NoOptions(Options):
    """A strategy without options."""


class Strategy(Operator):
    """Base class of piiguard strategies: a stateless Presidio anonymizer ``Operator``.

    Subclasses set ``name`` and ``Options`` and implement :meth:`apply`. Presidio creates
    an instance per entity and calls ``operate(text, params)``; piiguard calls it the same
    way, with ``params`` holding:

    - ``entity_type``: the entity (Presidio injects it too);
    - ``options``: an instance of ``Options`` (or a plain mapping, built on the fly);
    - ``key``: a :class:`piiguard.Key` or None (a Key's repr is a fingerprint, so a
      Presidio ``OperatorConfig`` holding it prints no secret);
    - ``facts``: the parsed facts of the finding (``recognition_metadata["facts"]``).
    """

    name: ClassVar[str] = ""
    Options: ClassVar[type[Options]] = NoOptions
    needs_key: ClassVar[bool] = False
    reversible: ClassVar[bool] = False
    #: Entity types the strategy supports; None means every type.
    entities: ClassVar[frozenset[str] | None] = None

    # -- the piiguard interface -------------------------------------------------
    def apply(self, value: str, entity_type: str, options: Any, key: Key | None,
              facts: Mapping[str, Any]) -> str:
        """Return the replacement of ``value`` (an entity of ``entity_type``)."""
        raise NotImplementedError

    @classmethod
    def check_entity(cls, entity_type: str, options: Options) -> None:
        """Raise PolicyError when the strategy cannot serve ``entity_type`` (at policy build)."""
        if cls.entities is not None and entity_type not in cls.entities:
            raise PolicyError(
                f"strategy '{cls.name}' does not apply to {entity_type}; it applies to: "
                + ", ".join(sorted(cls.entities))
            )

    # -- the Presidio Operator interface ---------------------------------------
    def operate(self, text: str, params: dict[str, Any] | None = None) -> str:
        """Presidio entry point: unpack ``params`` and call :meth:`apply`."""
        params = params or {}
        options = params.get("options")
        if not isinstance(options, self.Options):
            options = self.Options.build(self.name, options)
        key = params.get("key")
        if key is not None and not isinstance(key, Key):
            key = Key(key)
        if self.needs_key and key is None:
            raise KeyMaterialError(f"Strategy '{self.name}' needs a key: pass key=... or set PIIGUARD_KEY.")
        facts = params.get("facts") or {}
        return self.apply(text, str(params.get("entity_type", "")), options, key, facts)

    def validate(self, params: dict[str, Any] | None = None) -> None:
        """Presidio hook: check the options (piiguard's Policy already did, once)."""
        options = (params or {}).get("options")
        if not isinstance(options, self.Options):
            self.Options.build(self.name, options)

    def operator_name(self) -> str:
        """The registered name."""
        return self.name

    def operator_type(self) -> OperatorType:
        """Always an anonymizer."""
        return OperatorType.Anonymize
