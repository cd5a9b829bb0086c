"""Redaction strategies: Presidio anonymizer ``Operator`` subclasses, registered by name.

Built in: ``replace``, ``redact``, ``mask``, ``hash``, ``encrypt``, ``pseudonymize``,
``fpe`` and ``generalize`` (one module each). A user strategy subclasses
:class:`Strategy` and is registered with :func:`register_strategy`, or from a plugin's
``[project.entry-points."piiguard.strategies"]`` table (loaded on first lookup).

>>> sorted(available_strategies())[:4]
['encrypt', 'fpe', 'generalize', 'hash']

The registry holds classes only (strategies are stateless); :func:`unregister_strategy`
removes a user strategy again, so tests and Guards are not stuck with global state.
"""

from __future__ import annotations

from importlib.metadata import entry_points

from ..exceptions import PolicyError
from ._base import Options, Strategy
from .encrypt import Encrypt
from .fpe import Fpe
from .generalize import Generalize
from .hash import Hash
from .mask import Mask
from .pseudonymize import Pseudonymize
from .redact import Redact
from .replace import Replace

__all__ = [
    "BUILTIN_STRATEGIES",
    "Options",
    "Strategy",
    "anonymizer_engine",
    "available_strategies",
    "get_strategy",
    "register_strategy",
    "unregister_strategy",
]

ENTRY_POINT_GROUP = "piiguard.strategies"

BUILTIN_STRATEGIES: tuple[type[Strategy], ...] = (
    Replace, Redact, Mask, Hash, Encrypt, Pseudonymize, Fpe, Generalize,
)
_REGISTRY: dict[str, type[Strategy]] = {cls.name: cls for cls in BUILTIN_STRATEGIES}
_entry_points_loaded = False


def register_strategy(cls: type[Strategy], *, replace: bool = False) -> type[Strategy]:
    """Register a strategy class under ``cls.name``; usable as a class decorator.

    Args:
        cls: a :class:`Strategy` subclass with a non-empty ``name``.
        replace: allow replacing an already registered strategy of that name.

    Raises:
        TypeError: ``cls`` is not a Strategy subclass.
        PolicyError: the name is empty or already taken (and ``replace`` is false).
    """
    if not (isinstance(cls, type) and issubclass(cls, Strategy)):
        raise TypeError("register_strategy() takes a piiguard.Strategy subclass")
    name = cls.name
    if not name or not isinstance(name, str):
        raise PolicyError("a strategy needs a non-empty 'name' class attribute")
    if name in _REGISTRY and _REGISTRY[name] is not cls and not replace:
        raise PolicyError(f"a strategy named '{name}' is already registered (pass replace=True)")
    _REGISTRY[name] = cls
    return cls


def unregister_strategy(name: str) -> None:
    """Remove a user strategy (built-in ones are restored instead)."""
    builtin = {cls.name: cls for cls in BUILTIN_STRATEGIES}
    if name in builtin:
        _REGISTRY[name] = builtin[name]
    else:
        _REGISTRY.pop(name, None)


def _load_entry_points() -> None:
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        cls = ep.load()
        if ep.name not in _REGISTRY:
            register_strategy(cls)


def available_strategies() -> list[str]:
    """Names of the registered strategies, sorted."""
    _load_entry_points()
    return sorted(_REGISTRY)


def get_strategy(name: str) -> type[Strategy]:
    """The strategy class registered as ``name``.

    Raises:
        PolicyError: no such strategy; the message lists the valid names.
    """
    cls = _REGISTRY.get(name)
    if cls is None:
        _load_entry_points()
        cls = _REGISTRY.get(name)
    if cls is None:
        raise PolicyError(f"unknown strategy '{name}'; valid: {', '.join(available_strategies())}")
    return cls


def anonymizer_engine():  # type: ignore[no-untyped-def]
    """A Presidio ``AnonymizerEngine`` with every registered strategy added.

    For Presidio users: ``OperatorConfig("mask", {"options": {...}, "key": Key(...)})``.
    Presidio's own operators of the same names are replaced by piiguard's.
    """
    from presidio_anonymizer import AnonymizerEngine

    engine = AnonymizerEngine()
    for name in available_strategies():
        engine.add_anonymizer(_REGISTRY[name])
    return engine
