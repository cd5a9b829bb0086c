"""HK_ID: 香港身份证号码 (Hong Kong Identity Card number).

One or two letters, six digits and a check character (0-9 or A) usually written in
brackets: ``A123456(3)``. The check is a weighted sum mod 11 over the letters (A=10 …
Z=35, a single letter padded with a space worth 36) and digits.

More information: https://en.wikipedia.org/wiki/Hong_Kong_identity_card

>>> is_valid('A123456(3)'), is_valid('A1234563'), is_valid('A123456(4)')
(True, True, False)
>>> is_valid('AB987654' + calc_check_digit('AB987654'))
True
"""

from __future__ import annotations

import re

from ..exceptions import InvalidChecksum, InvalidFormat
from ._simple import predicate

__all__ = ["calc_check_digit", "compact", "is_valid", "parse", "validate"]

_FORMAT = re.compile(r"[A-Z]{1,2}\d{6}[0-9A]")
_STRIP = str.maketrans("", "", " ()（）-")


def compact(number: str) -> str:
    """Remove brackets, spaces and dashes and upper-case."""
    return number.translate(_STRIP).strip().upper()


def calc_check_digit(body: str) -> str:
    """The check character for the letters and six digits (without the check)."""
    chars = body if len(body) == 8 else " " + body
    total = 0
    for weight, ch in zip(range(9, 1, -1), chars):
        value = 36 if ch == " " else (ord(ch) - 55 if ch.isalpha() else ord(ch) - 48)
        total += weight * value
    check = (11 - total % 11) % 11
    return "A" if check == 10 else str(check)


def validate(number: str) -> str:
    """Check the number and return its compact form.

    Raises:
        InvalidFormat: not 1-2 letters + 6 digits + check character.
        InvalidChecksum: wrong check character.
    """
    number = compact(number)
    if _FORMAT.fullmatch(number) is None:
        raise InvalidFormat()
    if calc_check_digit(number[:-1]) != number[-1]:
        raise InvalidChecksum()
    return number


is_valid = predicate(validate)


def parse(number: str) -> dict[str, object]:
    """Facts: the number of prefix letters."""
    number = validate(number)
    return {"prefix_letters": 2 if number[1].isalpha() else 1}
