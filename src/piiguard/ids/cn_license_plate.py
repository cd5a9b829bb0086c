"""CN_LICENSE_PLATE: 机动车号牌 (mainland vehicle registration plates), GA 36-2018.

A province abbreviation (京, 沪, 粤 ...), the letter of the issuing city (A-Z without
I/O), then 5 characters (letters without I/O, digits) for ordinary plates, or 6 for
new-energy plates (8 characters in all), whose first or last position is a letter
D/F (small cars, ``粤BD12345``) or the letters A-K (large vehicles, ``粤B12345D``).
A trailing 学/警/挂/港/澳/领 marks coach, police, trailer, cross-border and consulate
plates. A separator (· or a space) after the city letter is allowed.

>>> [is_valid(x) for x in ('京A12345', '粤B·D12345', '沪AD12345', '京A1234', '京I12345', '港A12345')]
[True, True, True, False, False, False]
>>> parse('粤BD12345')['new_energy']
True
"""

from __future__ import annotations

from ._simple import compact_upper as compact
from ._simple import format_validator

__all__ = ["PROVINCE_ABBREVIATIONS", "compact", "is_valid", "parse", "validate"]

PROVINCE_ABBREVIATIONS = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_L = "A-HJ-NP-Z"

validate, is_valid = format_validator(
    rf"[{PROVINCE_ABBREVIATIONS}][{_L}]"
    rf"(?:[{_L}0-9]{{4}}[{_L}0-9挂学警港澳领]|[DF][{_L}0-9]\d{{4}}|\d{{5}}[A-HJK])",
    compact,
)


def parse(number: str) -> dict[str, object]:
    """Facts: province abbreviation and whether it is a new-energy (8-character) plate."""
    number = validate(number)
    return {"province": number[0], "new_energy": len(number) == 8}
