"""``replace``: the value becomes a label, ``<手机号>`` or ``<PHONE_NUMBER>``.

>>> Replace().operate("13812345678", {"entity_type": "PHONE_NUMBER"})
'<手机号>'
>>> Replace().operate("13812345678", {"entity_type": "PHONE_NUMBER", "options": {"style": "en"}})
'<PHONE_NUMBER>'
>>> Replace().operate("张伟", {"entity_type": "PERSON", "options": {"template": "[{label}]"}})
'[姓名]'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..keys import Key
from ._base import Options, Strategy, check
from ._common import LABELS_ZH

__all__ = ["Replace", "ReplaceOptions", "label_for"]


@dataclass(frozen=True)
class ReplaceOptions(Options):
    """Options of ``replace``.

    Attributes:
        style: ``"zh"`` (``<手机号>``) or ``"en"`` (``<PHONE_NUMBER>``).
        template: how the label is written; ``{label}`` is replaced (default ``<{label}>``).
        label: a fixed label instead of the per-entity one.
    """

    PRIMARY: ClassVar[str | None] = "style"
    style: str = "zh"
    template: str = "<{label}>"
    label: str | None = None

    def __post_init__(self) -> None:
        check(self.style in ("zh", "en"), "replace", "style", "'zh' or 'en'")
        check(isinstance(self.template, str) and "{label}" in self.template, "replace", "template",
              "a string containing '{label}'")
        check(self.label is None or isinstance(self.label, str), "replace", "label", "a string")


def label_for(entity_type: str, style: str = "zh", facts: Mapping[str, Any] | None = None) -> str:
    """The label of an entity type in a style (a landline is 电话, not 手机号)."""
    if style == "en":
        return entity_type
    if entity_type == "PHONE_NUMBER" and facts and facts.get("kind") == "landline":
        return "电话"
    return LABELS_ZH.get(entity_type, entity_type)


class Replace(Strategy):
    """Replace the value with a label naming its type."""

    name = "replace"
    Options = ReplaceOptions

    def apply(self, value: str, entity_type: str, options: Any, key: Key | None,
              facts: Mapping[str, Any]) -> str:
        label = options.label if options.label is not None else label_for(entity_type, options.style, facts)
        return str(options.template).replace("{label}", label)
