"""``redact``: the value is removed.

>>> Redact().operate("13812345678", {"entity_type": "PHONE_NUMBER"})
''
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..keys import Key
from ._base import Strategy

__all__ = ["Redact"]


class Redact(Strategy):
    """Remove the value, leaving nothing in its place."""

    name = "redact"

    def apply(self, value: str, entity_type: str, options: Any, key: Key | None,
              facts: Mapping[str, Any]) -> str:
        return ""
