"""TW_ID: 台湾身份证统一编号 (Taiwan national identification number).

A letter for the place of first registration (A=10 … with the historical order of
the alphabet), a gender digit (1 male, 2 female; 8/9 on new resident certificates),
seven digits and a check digit: the letter's two digits and the nine digits, weighted
1,9,8,7,6,5,4,3,2,1,1, sum to a multiple of 10.

More information: https://zh.wikipedia.org/wiki/中華民國國民身分證

>>> is_valid('A123456789'), is_valid('A123456788')
(True, False)
>>> calc_check_digit('A12345678')
'9'
"""

from __future__ import annotations

import re

from ..exceptions import InvalidChecksum, InvalidFormat
from ._simple import predicate

__all__ = ["calc_check_digit", "compact", "is_valid", "parse", "validate"]

_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO"  # values 10..35 in this order
_FORMAT = re.compile(r"[A-Z][1289]\d{8}")
_WEIGHTS = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1)


def compact(number: str) -> str:
    """Remove spaces and dashes and upper-case."""
    return number.replace(" ", "").replace("-", "").strip().upper()


def calc_check_digit(body: str) -> str:
    """The check digit for a letter plus eight digits."""
    value = _LETTERS.index(body[0]) + 10
    digits = [value // 10, value % 10] + [int(c) for c in body[1:9]]
    total = sum(d * w for d, w in zip(digits, _WEIGHTS))
    return str((10 - total % 10) % 10)


def validate(number: str) -> str:
    """Check the number and return its compact form.

    Raises:
        InvalidFormat: not a letter + 9 digits with a valid gender digit.
        InvalidChecksum: wrong check digit.
    """
    number = compact(number)
    if _FORMAT.fullmatch(number) is None:
        raise InvalidFormat()
    if calc_check_digit(number[:9]) != number[9]:
        raise InvalidChecksum()
    return number


is_valid = predicate(validate)


def parse(number: str) -> dict[str, object]:
    """Facts: gender (from the second character) and whether it is a resident certificate."""
    number = validate(number)
    return {"gender": "male" if number[1] in "18" else "female", "resident_certificate": number[1] in "89"}
