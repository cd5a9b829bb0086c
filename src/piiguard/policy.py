"""Policy: which strategy, with which options, applies to each entity type.

A policy is built once and checked once: every strategy name is resolved and every
option is turned into the strategy's typed options dataclass, so a typo fails at
build time with the list of valid choices rather than on the millionth record.

Forms accepted by :meth:`Policy.coerce` (and so by ``piiguard.redact(policy=...)``):

- a preset name: ``"mask"`` (default), ``"pseudonymize"``, ``"strict"`` (alias
  ``"replace"``: every value becomes a label), ``"remove"`` (every value is deleted)
  or ``"handover"`` (for transferring a customer base: identifiers pseudonymized
  consistently, ID numbers encrypted deterministically so they still join, addresses
  generalized to the city);
- a dict ``{"CN_RESIDENT_ID": "encrypt", "CN_ADDRESS": {"generalize": "city"}}``, where a
  value is a strategy name, ``{name: options}`` (options a mapping, or the strategy's main
  option as a shorthand), or ``{"strategy": name, **options}``; the key ``"default"``
  sets the strategy for entity types not listed;
- a structured dict or YAML file: ``{"preset": "mask", "default": ..., "entities": {...}}``;
- a path to a ``.yaml``/``.yml`` file holding either dict form.

>>> p = Policy.coerce({"CN_RESIDENT_ID": "encrypt", "CN_ADDRESS": {"generalize": "city"}})
>>> p.rule_for("CN_ADDRESS")
Rule(strategy='generalize', options=GeneralizeOptions(level='city', band=10, as_of=None, style='zh'))
>>> p.rule_for("PHONE_NUMBER").strategy, p.needs_key
('mask', True)
>>> Policy.coerce({"CN_RESIDENT_ID": "maks"})
Traceback (most recent call last):
...
piiguard.exceptions.PolicyError: unknown strategy 'maks' for CN_RESIDENT_ID; valid: encrypt, fpe, generalize, hash, mask, pseudonymize, redact, replace
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

from .exceptions import PolicyError
from .strategies import Options, Strategy, available_strategies, get_strategy

__all__ = ["KNOWN_ENTITIES", "PRESETS", "Policy", "PolicyLike", "Rule"]

#: Entity types a policy may name. piiguard's recognizers report these; a policy naming
#: anything else fails fast (pass ``extra_entities=`` for your own recognizers' types).
KNOWN_ENTITIES = frozenset({
    "PERSON", "CN_ADDRESS", "PHONE_NUMBER", "CN_RESIDENT_ID", "CN_BANK_CARD", "CN_PASSPORT",
    "CN_HMT_PERMIT", "CN_USCC", "CN_LICENSE_PLATE", "EMAIL_ADDRESS", "IP_ADDRESS", "URL",
    "HK_ID", "MO_ID", "TW_ID", "DATE_OF_BIRTH", "DATE_TIME", "QQ_NUMBER", "WECHAT_ID", "IMEI",
})

_IDENTIFIERS = ("PHONE_NUMBER", "CN_BANK_CARD", "CN_PASSPORT", "CN_HMT_PERMIT", "CN_USCC",
                "CN_LICENSE_PLATE", "EMAIL_ADDRESS", "HK_ID", "MO_ID", "TW_ID", "IP_ADDRESS", "URL")

PRESETS: dict[str, dict[str, Any]] = {
    "mask": {"default": "mask"},
    "pseudonymize": {"default": "pseudonymize"},
    "strict": {"default": "replace"},
    "replace": {"default": "replace"},
    "remove": {"default": "redact"},
    "handover": {
        "default": "pseudonymize",
        "entities": {
            "CN_RESIDENT_ID": {"encrypt": "deterministic"},
            "CN_ADDRESS": {"generalize": "city"},
            "PERSON": "pseudonymize",
            "DATE_OF_BIRTH": {"generalize": "year"},
            **{e: "pseudonymize" for e in _IDENTIFIERS},
        },
    },
}

PolicyLike = Union["Policy", str, Mapping[str, Any], os.PathLike]


@dataclass(frozen=True)
class Rule:
    """One entity's strategy name and its checked options."""

    strategy: str
    options: Options

    @property
    def strategy_class(self) -> type[Strategy]:
        """The registered class (looked up when used, so re-registration is seen)."""
        return get_strategy(self.strategy)


def _parse_rule(entity: str, spec: object) -> Rule:
    """A Rule from ``"mask"``, ``{"mask": opts}``, ``{"strategy": "mask", **opts}`` or a class."""
    options_raw: object = None
    if isinstance(spec, type) and issubclass(spec, Strategy):
        from .strategies import register_strategy

        register_strategy(spec)
        name = spec.name
    elif isinstance(spec, str):
        name = spec
    elif isinstance(spec, Mapping) and "strategy" in spec:
        name = spec["strategy"]
        options_raw = {k: v for k, v in spec.items() if k != "strategy"}
    elif isinstance(spec, Mapping) and len(spec) == 1:
        ((name, options_raw),) = spec.items()
    else:
        raise PolicyError(
            f"the rule for {entity} must be a strategy name or {{strategy: options}}; "
            f"valid strategies: {', '.join(available_strategies())}"
        )
    if not isinstance(name, str):
        raise PolicyError(f"the strategy for {entity} must be a name")
    try:
        cls = get_strategy(name)
    except PolicyError:
        raise PolicyError(
            f"unknown strategy '{name}' for {entity}; valid: {', '.join(available_strategies())}"
        ) from None
    options = cls.Options.build(name, options_raw)
    if entity != "default":
        cls.check_entity(entity, options)
    return Rule(name, options)


class Policy:
    """Entity type -> strategy and options, checked when built.

    Args:
        rules: entity type -> rule (see the module docstring for the forms).
        default: the rule for entity types not in ``rules`` (default ``"mask"``).
        extra_entities: entity types of your own recognizers that ``rules`` may name.
        name: a label for reprs (presets set it).

    Raises:
        PolicyError: an unknown entity type, strategy or option, or a strategy that does
            not apply to the entity type (``fpe`` on PERSON).
    """

    __slots__ = ("_rules", "_default", "_default_spec", "name")

    def __init__(self, rules: Mapping[str, Any] | None = None, *, default: Any = "mask",
                 extra_entities: frozenset[str] | set[str] | tuple[str, ...] = (),
                 name: str | None = None) -> None:
        known = KNOWN_ENTITIES | frozenset(extra_entities)
        self._rules: dict[str, Rule] = {}
        self._default_spec = default
        self._default = _parse_rule("default", default)
        for entity, spec in (rules or {}).items():
            if not isinstance(entity, str) or entity not in known:
                raise PolicyError(
                    f"unknown entity type '{entity}' in policy; valid: {', '.join(sorted(known))}"
                    " (pass extra_entities= for your own)"
                )
            self._rules[entity] = _parse_rule(entity, spec)
        self.name = name
        if self._default.strategy_class.entities is not None:
            raise PolicyError(f"strategy '{self._default.strategy}' cannot be the default: it applies to "
                              "some entity types only")

    # -- construction ---------------------------------------------------------
    @classmethod
    def preset(cls, name: str) -> Policy:
        """A named preset: mask, pseudonymize, strict (= replace), remove, handover.

        Raises:
            PolicyError: no such preset.
        """
        spec = PRESETS.get(name)
        if spec is None:
            raise PolicyError(f"unknown policy preset '{name}'; valid: {', '.join(sorted(PRESETS))}")
        return cls(spec.get("entities"), default=spec.get("default", "mask"), name=name)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, extra_entities: tuple[str, ...] = ()) -> Policy:
        """A policy from the flat or structured dict form (see the module docstring)."""
        if not isinstance(data, Mapping):
            raise PolicyError("a policy must be a mapping of entity types to strategies")
        structured = {"preset", "entities", "default", "extra_entities"}
        if "entities" in data or "preset" in data:
            unknown = sorted(str(k) for k in data if k not in structured)
            if unknown:
                raise PolicyError(f"unknown policy key '{unknown[0]}'; valid: {', '.join(sorted(structured))}")
            base = PRESETS.get(str(data.get("preset", "mask")))
            if base is None:
                raise PolicyError(f"unknown policy preset '{data.get('preset')}'; valid: {', '.join(sorted(PRESETS))}")
            rules = dict(base.get("entities", {}))
            rules.update(data.get("entities") or {})
            extra = tuple(data.get("extra_entities") or ()) + tuple(extra_entities)
            return cls(rules, default=data.get("default", base.get("default", "mask")), extra_entities=extra)
        rules = {k: v for k, v in data.items() if k != "default"}
        return cls(rules, default=data.get("default", "mask"), extra_entities=extra_entities)

    @classmethod
    def from_yaml(cls, path: str | os.PathLike[str]) -> Policy:
        """A policy from a YAML file holding either dict form.

        Raises:
            PolicyError: the file cannot be read or parsed, or the policy is invalid
                (the message names the file, never its values).
        """
        import yaml

        p = Path(path)
        try:
            data = yaml.safe_load(p.read_text(encoding="utf-8"))
        except OSError:
            raise PolicyError(f"cannot read policy file {p.name}") from None
        except yaml.YAMLError as exc:
            raise PolicyError(f"policy file {p.name} is not valid YAML") from exc
        try:
            return cls.from_dict(data or {})
        except PolicyError as exc:
            raise PolicyError(f"{p.name}: {exc.message}") from None

    @classmethod
    def coerce(cls, policy: PolicyLike | None) -> Policy:
        """A Policy from a Policy, preset name, dict or YAML path (None: the mask preset)."""
        if policy is None:
            return _preset_cached("mask")
        if isinstance(policy, Policy):
            return policy
        if isinstance(policy, str):
            if policy in PRESETS:
                return _preset_cached(policy)
            if policy.endswith((".yaml", ".yml")):
                return cls.from_yaml(policy)
            raise PolicyError(f"unknown policy preset '{policy}'; valid: {', '.join(sorted(PRESETS))}"
                              " (or a .yaml file)")
        if isinstance(policy, os.PathLike):
            return cls.from_yaml(policy)
        if isinstance(policy, Mapping):
            return cls.from_dict(policy)
        raise TypeError("policy must be a Policy, a preset name, a dict or a YAML path")

    # -- use ---------------------------------------------------------------------
    def rule_for(self, entity_type: str) -> Rule:
        """The rule for an entity type (the default rule for unlisted types)."""
        rule = self._rules.get(entity_type)
        if rule is not None:
            return rule
        return self._default

    @property
    def rules(self) -> dict[str, Rule]:
        """The explicit per-entity rules (a copy)."""
        return dict(self._rules)

    @property
    def default(self) -> Rule:
        """The rule for entity types without their own."""
        return self._default

    @property
    def needs_key(self) -> bool:
        """True when a strategy in the policy needs a key (hash, encrypt, pseudonymize, fpe)."""
        return any(r.strategy_class.needs_key for r in (self._default, *self._rules.values()))

    @property
    def reversible(self) -> bool:
        """True when some rule can be reversed by the key holder."""
        return any(r.strategy_class.reversible for r in (self._default, *self._rules.values()))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Policy):
            return NotImplemented
        return self._rules == other._rules and self._default == other._default

    def __hash__(self) -> int:
        return hash((tuple(sorted(self._rules.items(), key=lambda kv: kv[0])), self._default))

    def __repr__(self) -> str:
        if self.name:
            return f"Policy.preset({self.name!r})"
        rules = ", ".join(f"{e}={r.strategy}" for e, r in sorted(self._rules.items()))
        return f"Policy(default={self._default.strategy}{', ' if rules else ''}{rules})"


_PRESET_CACHE: dict[str, Policy] = {}


def _preset_cached(name: str) -> Policy:
    policy = _PRESET_CACHE.get(name)
    if policy is None:
        policy = _PRESET_CACHE[name] = Policy.preset(name)
    return policy
