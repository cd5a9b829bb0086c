"""CN_HMT_PERMIT: travel permits between the mainland and Hong Kong, Macau and Taiwan.

- 往来港澳通行证 (mainland residents to HK/Macau): ``C`` + 8 digits, ``C`` + a letter + 7
  digits (electronic, since 2014), older ``W`` + 8 digits.
- 港澳居民来往内地通行证 (回乡证, HK/Macau residents): ``H`` (Hong Kong) or ``M`` (Macau)
  + 8 digits (+ 2 issue digits on older cards).
- 往来台湾通行证 (mainland residents to Taiwan): ``L`` + 8 digits.
- 台湾居民来往大陆通行证 (台胞证): 8 digits since 2015 (older ones 10 digits + a letter);
  a bare digit run is only reported next to its context words.

None of them has a public check digit; the format and context are the check.

>>> [is_valid(x) for x in ('C12345678', 'CA1234567', 'H12345678', 'L12345678', '12345678', 'X12345678')]
[True, True, True, True, True, False]
>>> parse('H1234567801')['kind']
'home_return_permit'
"""

from __future__ import annotations

from ._simple import compact_upper as compact
from ._simple import format_validator

__all__ = ["compact", "is_valid", "parse", "validate"]

validate, is_valid = format_validator(
    r"[CW]\d{8}|C[A-HJ-NP-Z]\d{7}|[HM]\d{8}(?:\d{2})?|L\d{8}|\d{8}|\d{10}[A-Z]?", compact
)

_KINDS = {"C": "hk_macau_travel_permit", "W": "hk_macau_travel_permit", "H": "home_return_permit",
          "M": "home_return_permit", "L": "taiwan_travel_permit"}


def parse(number: str) -> dict[str, object]:
    """Facts: which permit the format belongs to."""
    number = validate(number)
    return {"kind": _KINDS.get(number[0], "taiwan_compatriot_permit")}
