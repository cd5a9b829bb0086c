"""PHONE_NUMBER without an area code: a landline's 7- or 8-digit local number (本地号码).

Written alone after a label (电话62345678, 座机：6234-5678), a local number is the
shape of any number, so it is checked for what it cannot be: it starts with 2-9 (0 opens
an area code, 1 a mobile or a service number), and an 8-digit run that reads as a date
(20231105) is refused. An extension (转801, -801) may follow. The recognizer reports it
only right after a phone label.

>>> is_valid('62345678'), is_valid('6234-5678'), is_valid('823 4567')
(True, True, True)
>>> is_valid('20231105'), is_valid('12345678'), is_valid('623456')
(False, False, False)
>>> parse('62345678转801')
{'kind': 'landline', 'area_code': '', 'has_extension': True}
"""

from __future__ import annotations

import re

from ..exceptions import InvalidComponent, InvalidFormat, InvalidLength
from ._checksum import is_digits
from ._simple import predicate
from .phone import split_extension

__all__ = ["ENTITY", "compact", "is_valid", "parse", "validate"]

#: The entity its matches are reported as: a local number is a PHONE_NUMBER.
ENTITY = "PHONE_NUMBER"

_GAPS = str.maketrans("", "", " -")
_DATE = re.compile(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")


def _readings(number: str) -> tuple[str, ...]:
    """The local number as written, then without a trailing extension (6234-5678 is one
    number; 62345678-801 a number and an extension)."""
    number = number.strip()
    head, ext = split_extension(number)
    whole = number.translate(_GAPS)
    return (whole, head.translate(_GAPS)) if ext else (whole,)


def _check(local: str) -> str:
    if not is_digits(local):
        raise InvalidFormat()
    if not 7 <= len(local) <= 8:
        raise InvalidLength()
    if local[0] in "01" or _DATE.fullmatch(local):
        raise InvalidComponent()
    return local


def compact(number: str) -> str:
    """The local number: digits only, without an extension."""
    try:
        return validate(number)
    except ValueError:
        return _readings(number)[-1]


def validate(number: str) -> str:
    """Check the local number and return its digits.

    Raises:
        InvalidFormat: not digits after removing separators and an extension.
        InvalidLength: not 7 or 8 digits.
        InvalidComponent: a first digit 0 or 1, or an 8-digit date (YYYYMMDD).
    """
    error: ValueError = InvalidFormat()
    for local in _readings(number):
        try:
            return _check(local)
        except ValueError as exc:
            error = exc
    raise error


is_valid = predicate(validate)


def parse(number: str) -> dict[str, object]:
    """Facts: kind (landline), an empty area code (not written), an extension flag."""
    local = validate(number)
    return {"kind": "landline", "area_code": "", "has_extension": local != number.strip().translate(_GAPS)}
