"""CN_BANK_CARD: 银行卡号 (bank card number, PAN), ISO/IEC 7812.

16 to 19 digits ending in a Luhn check digit. The issuer identification number (BIN)
must start with a prefix that cards used in China carry: UnionPay's 62 (and the 60/9
prefixes of older domestic debit cards), Visa 4, Mastercard 51-55 and 2221-2720, JCB
3528-3589. Numbers with other prefixes are not reported as bank cards.

More information: https://en.wikipedia.org/wiki/Payment_card_number

>>> is_valid('6222 0212 3456 7890 128')
True
>>> is_valid('6222021234567890127')
False
>>> parse('6222021234567890128')['scheme']
'UnionPay'
"""

from __future__ import annotations

from ..exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from ._checksum import is_digits, luhn_calc, luhn_checksum
from ._simple import predicate

__all__ = ["calc_check_digit", "compact", "is_valid", "parse", "scheme", "validate"]

_SEPARATORS = str.maketrans("", "", " -")


def compact(number: str) -> str:
    """Remove spaces and dashes."""
    if not number.isalnum():  # str.translate looks up every character; most have no gap
        number = number.translate(_SEPARATORS)
    return number.strip()


def calc_check_digit(partial: str) -> str:
    """The Luhn digit to append to the first 15-18 digits."""
    return luhn_calc(partial)


def scheme(number: str) -> str | None:
    """The card scheme a compact number's prefix belongs to, or None when unknown."""
    p2, p4 = number[:2], int(number[:4]) if is_digits(number[:4]) else -1
    if p2 == "62" or p2 == "81":
        return "UnionPay"
    if number[:1] == "4":
        return "Visa"
    if "51" <= p2 <= "55" or 2221 <= p4 <= 2720:
        return "Mastercard"
    if 3528 <= p4 <= 3589:
        return "JCB"
    if p2 == "60" or number[:2] == "95" or number[:3] == "940":
        # Domestic debit cards issued before UnionPay's 62 BINs (e.g. 601382, 9558, 9559).
        return "domestic"
    return None


def _check(number: str) -> tuple[str, str]:
    """The compact number and its scheme, or a ValidationError."""
    number = compact(number)
    if not is_digits(number):
        raise InvalidFormat()
    if not 16 <= len(number) <= 19:
        raise InvalidLength()
    issuer = scheme(number)
    if issuer is None:
        raise InvalidComponent()
    if luhn_checksum(number) != 0:
        raise InvalidChecksum()
    return number, issuer


def validate(number: str) -> str:
    """Check the number and return its compact form.

    Raises:
        InvalidLength: not 16 to 19 digits.
        InvalidFormat: not digits.
        InvalidComponent: a prefix no card used in China carries.
        InvalidChecksum: the Luhn check fails.
    """
    return _check(number)[0]


is_valid = predicate(validate)


def parse(number: str) -> dict[str, object]:
    """Facts: scheme and length (the BIN and the digits are not copied)."""
    number, issuer = _check(number)  # one pass: parse() is the engine's validator
    return {"scheme": issuer, "length": len(number)}
