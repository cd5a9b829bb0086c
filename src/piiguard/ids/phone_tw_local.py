"""PHONE_NUMBER of Taiwan written the domestic way, with the trunk 0 and no country code.

Taiwanese text writes mobiles as ``0912-345-678`` and landlines as ``(02) 2712-3456`` or
``02-2712-3456``. Ten digits opening with 09, or a one- or two-digit area code in
brackets or before a dash, are not mainland forms (mainland area codes have three or four
digits with their 0), but they are the shape of many other numbers, so the recognizer
reports one only right after a phone label (手機, 電話 …). The national number (without
the 0) must be a Taiwanese mobile or fixed-line number in phonenumbers' metadata.

>>> is_valid('0912-345-678'), is_valid('(02) 2712-3456'), is_valid('02-2712-3456')
(True, True, True)
>>> is_valid('0012-345-678'), is_valid('912345678'), is_valid('02-1234')
(False, False, False)
>>> parse('0912 345 678')
{'kind': 'mobile', 'region': 'TW', 'country_code': '886'}
"""

from __future__ import annotations

from ..exceptions import InvalidComponent, InvalidFormat, InvalidLength
from ._checksum import is_digits
from ._simple import predicate
from .phone_hmt import _patterns

__all__ = ["ENTITY", "compact", "is_valid", "parse", "validate"]

#: The entity its matches are reported as.
ENTITY = "PHONE_NUMBER"

_GAPS = str.maketrans("", "", " -.()（）")


def compact(number: str) -> str:
    """The digits as written, with the trunk 0 (``0912345678``)."""
    return number.strip().translate(_GAPS)


def _check(number: str) -> tuple[str, str]:
    digits = compact(number)
    if not is_digits(digits) or digits[:1] != "0":
        raise InvalidFormat()
    national = digits[1:]
    if not 8 <= len(national) <= 9:
        raise InvalidLength()
    mobile, fixed = _patterns("TW")
    if mobile.fullmatch(national):
        return digits, "mobile"
    if fixed.fullmatch(national):
        return digits, "landline"
    raise InvalidComponent()


def validate(number: str) -> str:
    """Check the number and return its digits (with the trunk 0).

    Raises:
        InvalidFormat: not digits after removing separators, or no leading 0.
        InvalidLength: not 8 or 9 digits after the 0.
        InvalidComponent: not a Taiwanese mobile or fixed-line number.
    """
    return _check(number)[0]


is_valid = predicate(validate)


def parse(number: str) -> dict[str, object]:
    """Facts: kind (mobile/landline), region TW and its country code."""
    _digits, kind = _check(number)
    return {"kind": kind, "region": "TW", "country_code": "886"}
