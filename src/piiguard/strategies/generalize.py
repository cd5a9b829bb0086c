"""``generalize``: replace a value with a coarser fact about it.

- CN_ADDRESS -> ``province``, ``city`` (default) or ``district`` from the finding's facts:
  ``广东省深圳市南山区科技园路1号`` -> ``广东省深圳市``.
- CN_RESIDENT_ID -> region and birth year (``level="birth_year"``, default):
  ``广东省1990年生``; or an age band (``level="age_band"``, ``band=10``): ``广东省30-39岁``;
  or the province only (``level="province"``).
- DATE_OF_BIRTH / DATE_TIME -> the year: ``1990年``.
- PHONE_NUMBER -> ``手机号`` / the landline's area code (``0755电话``).
- anything else -> its label, as ``replace`` writes it (``<银行卡号>``).

When a fact is missing (no city in the facts), the next coarser level is used, then
the label. Ages are computed against ``as_of`` (an ISO date) when given, otherwise
today, so pin ``as_of`` when outputs must not change over time.

>>> g = Generalize()
>>> facts = {"province": "广东省", "city": "深圳市", "district": "南山区", "rest_start": 9}
>>> g.operate("广东省深圳市南山区科技园路1号", {"entity_type": "CN_ADDRESS", "facts": facts})
'广东省深圳市'
>>> g.operate("11010519491231002X", {"entity_type": "CN_RESIDENT_ID"})
'北京市1949年生'
>>> g.operate("11010519491231002X", {"entity_type": "CN_RESIDENT_ID",
...            "options": {"level": "age_band", "as_of": "2024-06-01"}})
'北京市70-79岁'
>>> g.operate("1990年5月3日", {"entity_type": "DATE_OF_BIRTH"})
'1990年'
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..ids import cn_resident_id
from ..ids.phone import area_code
from ..keys import Key
from ._base import Options, Strategy, check
from ._divisions import MUNICIPALITIES, divisions
from .replace import label_for

__all__ = ["Generalize", "GeneralizeOptions"]

_LEVELS = ("province", "city", "district", "birth_year", "age_band", "year")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class GeneralizeOptions(Options):
    """Options of ``generalize``.

    Attributes:
        level: ``province``/``city``/``district`` for addresses (and ``province`` for IDs);
            ``birth_year`` or ``age_band`` for IDs; ``year`` for dates. None: the entity's default.
        band: width of an age band in years (default 10).
        as_of: ISO date ages are computed against (default: today).
        style: label style when falling back to a label (``zh`` or ``en``).
    """

    PRIMARY: ClassVar[str | None] = "level"
    level: str | None = None
    band: int = 10
    as_of: str | None = None
    style: str = "zh"

    def __post_init__(self) -> None:
        check(self.level is None or self.level in _LEVELS, "generalize", "level", "one of: " + ", ".join(_LEVELS))
        check(isinstance(self.band, int) and 1 <= self.band <= 50, "generalize", "band", "an integer from 1 to 50")
        if self.as_of is not None:
            try:
                _dt.date.fromisoformat(str(self.as_of))
            except ValueError:
                check(False, "generalize", "as_of", "an ISO date such as 2025-01-01")
        check(self.style in ("zh", "en"), "generalize", "style", "'zh' or 'en'")


def _address(value: str, level: str, facts: Mapping[str, Any]) -> str | None:
    province, city, district = (str(facts.get(k) or "") for k in ("province", "city", "district"))
    if not (province or city):
        return None
    parts = [province]
    if level in ("city", "district") and city and city != province:
        parts.append(city)
    if level == "district" and district:
        parts.append(district)
    if not province and city:  # facts without a province: find it from the city
        codes = divisions().city_codes(None, city)
        parts[0] = divisions().provinces.get(codes[0][:2], "") if codes else ""
        if codes and codes[0][:2] in MUNICIPALITIES:
            parts = parts[:1] + [p for p in parts[1:] if p != parts[0]]
    return "".join(parts) or None


def _resident_id(value: str, options: GeneralizeOptions) -> str | None:
    try:
        info = cn_resident_id.parse(value)
    except ValueError:
        return None
    province = str(info["province"])
    if options.level == "province":
        return province
    if options.level == "age_band":
        today = _dt.date.fromisoformat(options.as_of) if options.as_of else _dt.date.today()
        born = _dt.date.fromisoformat(str(info["birth_date"]))
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        low = age // options.band * options.band
        return f"{province}{low}-{low + options.band - 1}岁"
    return f"{province}{info['birth_year']}年生"


class Generalize(Strategy):
    """Replace the value with a coarser fact: province/city/district, birth year, year."""

    name = "generalize"
    Options = GeneralizeOptions

    def apply(self, value: str, entity_type: str, options: Any, key: Key | None,
              facts: Mapping[str, Any]) -> str:
        out: str | None = None
        if entity_type == "CN_ADDRESS":
            out = _address(value, options.level if options.level in ("province", "city", "district") else "city",
                           facts)
        elif entity_type == "CN_RESIDENT_ID":
            out = _resident_id(value, options)
        elif entity_type in ("DATE_OF_BIRTH", "DATE_TIME", "DATE"):
            m = _YEAR.search(value)
            out = f"{m.group(1)}年" if m else None
        elif entity_type == "PHONE_NUMBER":
            digits = "".join(c for c in value if c.isascii() and c.isdigit())
            if digits.startswith("86") and len(digits) == 13:
                digits = digits[2:]
            if digits[:1] == "0" and len(digits) >= 10:
                out = area_code(digits) + "电话" if options.style == "zh" else area_code(digits)
            else:
                out = label_for(entity_type, options.style, facts)
        return out if out is not None else f"<{label_for(entity_type, options.style, facts)}>"
