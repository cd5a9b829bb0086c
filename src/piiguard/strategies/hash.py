"""``hash``: a keyed HMAC-SHA256 of the value's canonical form, as hex.

Never an unkeyed hash: China has about 2 billion allocated mobile numbers and a
resident ID has at most a few billion plausible values (region x birth date x
sequence), so ``sha256(phone)`` is reversed by enumerating them all in minutes on a
laptop. With a secret key the digest is a pseudorandom function; without the key it
cannot be recomputed, let alone enumerated. The digest is computed on the canonical
form (``138 1234 5678`` and ``+8613812345678`` agree), so hashed columns still join.

>>> from piiguard.keys import Key
>>> key = Key(b"0123456789abcdef-demo-key")
>>> Hash().operate("138 1234 5678", {"entity_type": "PHONE_NUMBER", "key": key})
'2f373183941bfbc4'
>>> Hash().operate("+86 13812345678", {"entity_type": "PHONE_NUMBER", "key": key})
'2f373183941bfbc4'
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..keys import Key
from ._base import Options, Strategy, check
from ._common import canonical

__all__ = ["Hash", "HashOptions"]


@dataclass(frozen=True)
class HashOptions(Options):
    """Options of ``hash``.

    Attributes:
        length: hex characters kept from the 64-character digest (8-64; default 16, 64 bits).
        template: how the digest is written; ``{digest}`` and ``{entity}`` are replaced.
    """

    PRIMARY: ClassVar[str | None] = "length"
    length: int = 16
    template: str = "{digest}"

    def __post_init__(self) -> None:
        check(isinstance(self.length, int) and 8 <= self.length <= 64, "hash", "length", "an integer from 8 to 64")
        check(isinstance(self.template, str) and "{digest}" in self.template, "hash", "template",
              "a string containing '{digest}'")


class Hash(Strategy):
    """Keyed HMAC-SHA256 of the canonical value (per entity type)."""

    name = "hash"
    Options = HashOptions
    needs_key = True

    def apply(self, value: str, entity_type: str, options: Any, key: Key | None,
              facts: Mapping[str, Any]) -> str:
        assert key is not None
        msg = (entity_type + "\x1f" + canonical(entity_type, value)).encode("utf-8", "surrogatepass")
        digest = hmac.new(key.derive("hash"), msg, hashlib.sha256).hexdigest()[: options.length]
        return str(options.template).replace("{entity}", entity_type).replace("{digest}", digest)
