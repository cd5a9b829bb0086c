"""piiguard: find, classify and redact personal information in Chinese text and tables.

>>> import piiguard
>>> text = "客户手机 138-1234-5678，身份证11010519491231002X"
>>> [(r.entity_type, r.start, r.end) for r in piiguard.analyze(text)]
[('PHONE_NUMBER', 5, 18), ('CN_RESIDENT_ID', 22, 40)]
>>> piiguard.redact(text)
'客户手机 138-****-5678，身份证110105********002X'
>>> key = piiguard.Key(b"an example key of 32 bytes......")
>>> token = piiguard.redact(text, policy={"CN_RESIDENT_ID": "encrypt"}, key=key, entities=["CN_RESIDENT_ID"])
>>> piiguard.restore(token, key=key) == text
True

Importing piiguard is cheap: Presidio, jieba and the models load on first use.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from . import exceptions
from .exceptions import (
    BatchError,
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
    "analyze_many": "._batch",
    "redact_many": "._batch",
    "redact_dataframe": ".dataframe",
    "show": "._notebook",
    "View": "._notebook",
    "redact": "._api",
    "restore": "._api",
    "classify": ".classification",
    "classify_table": ".classification",
    "Classification": ".classification",
    "TableClassification": ".classification",
    "ColumnClassification": ".classification",
    "load_taxonomy": ".classification",
    "report_html": ".report",
    "report_json": ".report",
    "scan_path": ".report",
    "Policy": ".policy",
    "Key": ".keys",
    "Strategy": ".strategies",
    "register_strategy": ".strategies",
    "RedactionResult": "._types_redact",
    "StrategyError": "._redact",
    "TaxonomyError": ".classification",
    "RedactedItem": "._types_redact",
    "Guard": "._guard",
    "Engine": "._engine",
    "get_recognizers": ".recognizers",
    "get_analyzer": ".recognizers",
    "ChineseNlpEngine": "._nlp",
    "load_specs": "._specs",
    "normalize": "._normalize",
}

__all__ = sorted([*exceptions.__all__, "__version__", *_LAZY])


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
