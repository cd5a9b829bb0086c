"""piiguard: find, classify and redact personal information in Chinese text and tables.

>>> import piiguard
>>> text = "客户手机 138-1234-5678，身份证11010519491231002X"
>>> [(r.entity_type, r.start, r.end) for r in piiguard.analyze(text)]
[('PHONE_NUMBER', 7, 20), ('CN_RESIDENT_ID', 24, 42)]

Importing piiguard is cheap: Presidio, jieba and the models load on first use.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from .exceptions import (
    ConfigError,
    DecryptionError,
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    KeyMaterialError,
    PiiguardError,
    PolicyError,
    ValidationError,
)

logging.getLogger("piiguard").addHandler(logging.NullHandler())

# name -> module that defines it; loaded on first attribute access (PEP 562).
_LAZY = {
    "analyze": "._api",
    "Guard": "._guard",
    "Engine": "._engine",
    "get_recognizers": ".recognizers",
    "get_analyzer": ".recognizers",
    "ChineseNlpEngine": "._nlp",
    "load_specs": "._specs",
    "normalize": "._normalize",
}

__all__ = sorted(
    [
        "ConfigError",
        "DecryptionError",
        "InvalidChecksum",
        "InvalidComponent",
        "InvalidFormat",
        "InvalidLength",
        "KeyMaterialError",
        "PiiguardError",
        "PolicyError",
        "ValidationError",
        "__version__",
        *_LAZY,
    ]
)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("piiguard")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'piiguard' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
