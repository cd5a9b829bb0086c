"""CN_USCC: 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.

18 characters: registration authority (1 char), organisation type (1 char), 6-digit
administrative region code, 9-character organisation code (GB 11714, whose last
character is its own check digit) and a MOD 31 check character. The alphabet is the
digits and the upper-case letters without I, O, Z, S and V.

The GB 11714 check of the embedded organisation code is reported as a fact
(``org_code_valid``) rather than required: codes issued to sole traders (个体工商户)
do not always carry a valid one.

More information: GB 32100-2015; https://zh.wikipedia.org/wiki/统一社会信用代码

>>> is_valid('91110000600037341L')
True
>>> is_valid('91110000600037341N')
False
>>> calc_check_digit('91110000600037341')
'L'
"""

from __future__ import annotations

from operator import mul as _mul

from ..exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from ._checksum import is_digits
from ._regions import PROVINCES
from ._simple import predicate

__all__ = ["ALPHABET", "calc_check_digit", "compact", "is_valid", "parse", "validate"]

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(ALPHABET)}
_IN_ALPHABET = frozenset(ALPHABET)
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_SEPARATORS = str.maketrans("", "", " -")


def compact(number: str) -> str:
    """Remove spaces and dashes and upper-case."""
    if not number.isalnum():  # str.translate looks up every character; most have no gap
        number = number.translate(_SEPARATORS)
    return number.strip().upper()


def calc_check_digit(body17: str) -> str:
    """The MOD 31 check character for the first 17 characters."""
    # Weights first: map() stops after the 17th weight without reading further characters.
    total = sum(map(_mul, _WEIGHTS, map(_VALUE.__getitem__, body17)))
    return ALPHABET[(31 - total % 31) % 31]


def calc_org_check_digit(org8: str) -> str:
    """The GB 11714 check character for the first 8 characters of an organisation code."""
    total = sum(_ORG_ALPHABET.index(c) * w for c, w in zip(org8, _ORG_WEIGHTS))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def validate(number: str) -> str:
    """Check the code and return its compact form.

    Raises:
        InvalidLength: not 18 characters.
        InvalidFormat: characters outside the GB 32100 alphabet, or a non-digit region.
        InvalidComponent: an unknown province in the region code.
        InvalidChecksum: wrong check character.
    """
    number = compact(number)
    if len(number) != 18:
        raise InvalidLength()
    if not _IN_ALPHABET.issuperset(number) or not is_digits(number[2:8]):
        raise InvalidFormat()
    if number[2:4] not in PROVINCES and number[2:4] != "10":  # 10xxxx: central authorities
        raise InvalidComponent()
    if calc_check_digit(number[:17]) != number[17]:
        raise InvalidChecksum()
    return number


is_valid = predicate(validate)


def parse(number: str) -> dict[str, object]:
    """Facts: registration authority and type codes, province, organisation-code check."""
    number = validate(number)
    org = number[8:17]
    try:
        org_ok = calc_org_check_digit(org[:8]) == org[8]
    except ValueError:
        org_ok = False
    return {
        "authority": number[0],
        "org_type": number[1],
        "province": PROVINCES.get(number[2:4], ""),
        "org_code_valid": org_ok,
    }
