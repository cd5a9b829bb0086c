"""``mask``: hide part of the value with ``*`` following Chinese display conventions.

The conventions are a table (:data:`MASK_RULES`), not branches:

==================  ===========================================  ===========================
entity              kept                                         example
==================  ===========================================  ===========================
PHONE_NUMBER        mobile: first 3 + last 4; landline: area      ``138****5678``,
                    code + last 4; a +86 prefix is kept           ``0755-****6666``
CN_RESIDENT_ID      region (first 6) + last 4                     ``110105********002X``
CN_BANK_CARD        first 6 (BIN) + last 4, as banks print it     ``622202*********0128``
PERSON              the surname (compound surnames too)           ``张*``, ``欧阳**``
CN_ADDRESS          up to the district (``facts["rest_start"]``)  ``广东省深圳市南山区*******``
EMAIL_ADDRESS       first character + the domain                  ``z*******@qq.com``
IP_ADDRESS          first two IPv4 octets                         ``192.168.*.*``
others              first 1 + last 1 (nothing if shorter than 6)  ``E*******8``
==================  ===========================================  ===========================

The ID keeps region and last four (the form banks and 12306 print): the birth date,
which with the region narrows a person most, is hidden; the last four tell a holder
which of their documents it is. Set ``keep_first``/``keep_last`` to change it.

Separators (space, ``-``, ``·``, brackets) are kept and do not count as characters.
Masking is idempotent: kept positions stay and ``*`` stays ``*``, so masking a masked
value gives the same string.

>>> m = Mask()
>>> m.operate("13812345678", {"entity_type": "PHONE_NUMBER"})
'138****5678'
>>> m.operate("+86 138-1234-5678", {"entity_type": "PHONE_NUMBER"})
'+86 138-****-5678'
>>> m.operate("11010519491231002X", {"entity_type": "CN_RESIDENT_ID"})
'110105********002X'
>>> m.operate("欧阳娜娜", {"entity_type": "PERSON"})
'欧阳**'
>>> m.operate("广东省深圳市南山区科技园路1号", {"entity_type": "CN_ADDRESS", "facts": {"rest_start": 9}})
'广东省深圳市南山区******'
>>> m.operate("138****5678", {"entity_type": "PHONE_NUMBER"})
'138****5678'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..ids import email
from ..ids.phone import area_code
from ..keys import Key
from ._base import Options, Strategy, check
from ._common import is_hmt_prefix, split_extension, split_phone_prefix, trunk_digits

__all__ = ["COMPOUND_SURNAMES", "MASK_RULES", "Keep", "Mask", "MaskOptions", "surname_length"]

_SEPARATORS = frozenset(" -·•・()（）/.:_　\t")

#: Two-character surnames; a name starting with one keeps both characters.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 澹台 轩辕 端木 独孤 "
    "南宫 西门 百里 呼延 申屠 钟离 闻人 赫连 万俟 第五 太史 司空 拓跋 完颜 公冶 濮阳 淳于 单于 "
    "太叔 仲孙 宗政 鲜于 闾丘 亓官 司寇 子车 颛孙 壤驷 公良 漆雕 乐正 宰父 谷梁 段干 东郭 南门 "
    "呼延 羊舌 梁丘 左丘 东门 西门 范姜".split()
)


def surname_length(name: str) -> int:
    """1, or 2 for a compound surname (欧阳, 司马 ...)."""
    return 2 if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES else 1


def _mask_positions(value: str, keep_first: int, keep_last: int, char: str) -> str:
    """Mask every non-separator character except the first/last ``keep_*`` of them."""
    if _SEPARATORS.isdisjoint(value):
        # No separator (13812345678): every character is a slot, so slices do it.
        n = len(value)
        if keep_first + keep_last >= n:
            keep_first, keep_last = min(keep_first, n // 3), min(keep_last, n // 3)
        return value[:keep_first] + char * (n - keep_first - keep_last) + value[n - keep_last:]
    slots = [i for i, c in enumerate(value) if c not in _SEPARATORS]
    n = len(slots)
    if keep_first + keep_last >= n:
        # Too short to keep that much: keep proportionally less rather than reveal all.
        keep_first, keep_last = min(keep_first, n // 3), min(keep_last, n // 3)
    hidden = set(slots[keep_first: n - keep_last])
    return "".join(char if i in hidden else c for i, c in enumerate(value))


@dataclass(frozen=True)
class Keep:
    """Keep the first ``first`` and last ``last`` characters (separators not counted)."""

    first: int = 0
    last: int = 0

    def __call__(self, value: str, facts: Mapping[str, Any], char: str) -> str:
        return _mask_positions(value, self.first, self.last, char)


class KeepBirthYear:
    """Keep the birth year: the first four characters (1990-05-12), or the last four when the
    year is written last (12/05/1990)."""

    def __call__(self, value: str, facts: Mapping[str, Any], char: str) -> str:
        # Day and month may be masked already (**/**/1985): masking again changes nothing.
        if _YEAR_LAST.fullmatch(value.strip()):
            return _mask_positions(value, 0, 4, char)
        return _mask_positions(value, 4, 0, char)


_YEAR_LAST = re.compile(r"[^/.]{1,2}([/.])[^/.]{1,2}\1\d{4}")


class KeepPhone:
    """Mobile: first 3 + last 4. Landline: area code + last 4. +86 and extension rules."""

    def __call__(self, value: str, facts: Mapping[str, Any], char: str) -> str:
        prefix, rest = split_phone_prefix(value)
        main, ext = split_extension(rest)
        digits = "".join(c for c in main if c.isdigit() or c == char)  # a masked number masks alike
        national = trunk_digits(prefix, digits)
        if is_hmt_prefix(prefix):
            first = 0  # Hong Kong, Macau, Taiwan: eight or nine digits, the last 4 kept
        elif national.startswith("0") and len(national) >= 10 and facts.get("kind") != "mobile":
            first = len(area_code(national)) - (len(national) - len(digits))
        elif len(digits) <= 8 and not prefix:
            first = 0  # a local number without its area code (6234 5678): the last 4 only
        else:
            first = 3
        masked = _mask_positions(main, first, 4, char)
        return prefix + masked + "".join(char if c.isdigit() else c for c in ext)


class KeepSurname:
    """Keep the surname (one or two characters); for ``·`` names keep the first character."""

    def __call__(self, value: str, facts: Mapping[str, Any], char: str) -> str:
        stripped = value.strip()
        if not stripped:
            return value
        masked_from = stripped.find(char)
        if masked_from > 0 and all(c == char or c in "·•・" for c in stripped[masked_from:]):
            return value  # already masked (欧阳**): masking again must not change it
        given = facts.get("surname")
        # The detector's surname length, unless the table knows a compound surname (欧阳).
        keep = max(given if isinstance(given, int) else 0, surname_length(stripped))
        if any(c in "·•・" for c in stripped) or not all("\u4e00" <= c <= "\u9fff" or c == char for c in stripped):
            keep = 1
        return _mask_positions(value, keep, 0, char) if keep < len(stripped) else value


_DIVISION_PREFIX = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区|特别行政区))?"
    r"(?:[\u4e00-\u9fff]{1,7}?(?:市|自治州|州|地区|盟))?"
    r"(?:[\u4e00-\u9fff]{1,7}?(?:区|县|旗|市))?"
)


class KeepAddressPrefix:
    """Keep the province/city/district prefix (``facts["rest_start"]``, relative to the value)."""

    def __call__(self, value: str, facts: Mapping[str, Any], char: str) -> str:
        rest = facts.get("rest_start")
        if not isinstance(rest, int) or not 0 <= rest <= len(value):
            m = _DIVISION_PREFIX.match(value)
            rest = m.end() if m else 0
        if rest >= len(value) and not facts:
            rest = 0  # a prefix match that swallowed everything: reveal nothing
        masked_from = value.find(char)
        if masked_from > rest and all(c == char or c in _SEPARATORS for c in value[masked_from:]):
            # Already masked: the text before the mask was revealed by the first pass, and
            # re-masking it would break redact(redact(x)) == redact(x).
            rest = masked_from
        return value[:rest] + "".join(char if c not in _SEPARATORS else c for c in value[rest:])


class KeepEmail:
    """Keep the first character of the local part and the whole domain."""

    def __call__(self, value: str, facts: Mapping[str, Any], char: str) -> str:
        local, at, domain = value.rpartition("@")
        if not at:
            written = email.AT_WRITTEN.search(value)  # zhang(at)qq.com, zhang#qq.com
            if written is None:
                return _mask_positions(value, 1, 1, char)
            local, at, domain = value[:written.start()], written.group(), value[written.end():]
        if len(local) <= 1:
            return char * len(local) + at + domain  # a one-letter local part is all of it (a@b.com)
        return local[:1] + char * (len(local) - 1) + at + domain


class KeepIp:
    """IPv4: keep the first two octets; IPv6: keep the first two groups; a CIDR prefix
    length is kept (``172.16.0.0/12`` -> ``172.16.*.*/12``)."""

    def __call__(self, value: str, facts: Mapping[str, Any], char: str) -> str:
        value, slash, prefix = value.partition("/")
        sep = "." if value.count(".") == 3 else ":"
        parts = value.split(sep)
        return sep.join(parts[:2] + [char if p else p for p in parts[2:]]) + slash + prefix


MaskRule = Callable[[str, Mapping[str, Any], str], str]

#: Per-entity masking conventions. Entity types not listed use :data:`DEFAULT_RULE`.
MASK_RULES: dict[str, MaskRule] = {
    "PHONE_NUMBER": KeepPhone(),
    "CN_RESIDENT_ID": Keep(first=6, last=4),
    "CN_BANK_CARD": Keep(first=6, last=4),
    "PERSON": KeepSurname(),
    "CN_ADDRESS": KeepAddressPrefix(),
    "EMAIL_ADDRESS": KeepEmail(),
    "IP_ADDRESS": KeepIp(),
    "CN_USCC": Keep(first=8, last=0),       # authority, type and region are public facts
    "CN_LICENSE_PLATE": Keep(first=2, last=1),
    "CN_PASSPORT": Keep(first=1, last=1),
    "CN_HMT_PERMIT": Keep(first=1, last=1),
    "HK_ID": Keep(first=1, last=0),
    "MO_ID": Keep(first=1, last=0),
    "TW_ID": Keep(first=1, last=0),
    "DATE_OF_BIRTH": KeepBirthYear(),         # the birth year, as generalize does
    "IMEI": Keep(first=2, last=2),
}
DEFAULT_RULE: MaskRule = Keep(first=1, last=1)


@dataclass(frozen=True)
class MaskOptions(Options):
    """Options of ``mask``.

    Attributes:
        char: the masking character (one character; default ``*``).
        keep_first: characters kept at the start, overriding the entity's convention.
        keep_last: characters kept at the end, overriding the entity's convention.
    """

    PRIMARY: ClassVar[str | None] = "char"
    char: str = "*"
    keep_first: int | None = None
    keep_last: int | None = None

    def __post_init__(self) -> None:
        check(isinstance(self.char, str) and len(self.char) == 1 and self.char not in _SEPARATORS,
              "mask", "char", "a single non-separator character")
        for name in ("keep_first", "keep_last"):
            v = getattr(self, name)
            check(v is None or (isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 64),
                  "mask", name, "an integer from 0 to 64")


class Mask(Strategy):
    """Mask part of the value following the entity's Chinese display convention."""

    name = "mask"
    Options = MaskOptions

    def apply(self, value: str, entity_type: str, options: Any, key: Key | None,
              facts: Mapping[str, Any]) -> str:
        if options.keep_first is not None or options.keep_last is not None:
            return _mask_positions(value, options.keep_first or 0, options.keep_last or 0, options.char)
        rule = MASK_RULES.get(entity_type, DEFAULT_RULE)
        return rule(value, facts, options.char)
