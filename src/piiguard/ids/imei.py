"""IMEI: 国际移动设备识别码 (International Mobile Equipment Identity), 3GPP TS 23.003.

15 digits: an 8-digit type allocation code (TAC), a 6-digit serial and a Luhn check
digit; 16-digit IMEISV replaces the check digit with a 2-digit software version and has
no check. Reported next to context (IMEI, 串号, 设备号) because any 15-digit Luhn number
has the shape.

>>> is_valid('490154203237518'), is_valid('490154203237517'), is_valid('3548350312345678')
(True, False, True)
"""

from __future__ import annotations

from ..exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from ._checksum import is_digits, luhn_calc, luhn_checksum
from ._simple import predicate

__all__ = ["calc_check_digit", "compact", "is_valid", "parse", "validate"]

_STRIP = str.maketrans("", "", " -/")


def compact(number: str) -> str:
    """Remove spaces, dashes and slashes."""
    return number.translate(_STRIP).strip()


def calc_check_digit(body14: str) -> str:
    """The Luhn check digit of the first 14 digits."""
    return luhn_calc(body14)


def validate(number: str) -> str:
    """Check the number and return its compact form.

    Raises:
        InvalidFormat: not digits.
        InvalidLength: not 15 (IMEI) or 16 (IMEISV) digits.
        InvalidChecksum: a 15-digit IMEI fails the Luhn check.
    """
    number = compact(number)
    if not is_digits(number):
        raise InvalidFormat()
    if len(number) not in (15, 16):
        raise InvalidLength()
    if len(number) == 15 and luhn_checksum(number) != 0:
        raise InvalidChecksum()
    return number


is_valid = predicate(validate)


def parse(number: str) -> dict[str, object]:
    """Facts: whether it is an IMEISV (the TAC names a device model, not a person)."""
    number = validate(number)
    return {"imeisv": len(number) == 16}
