"""PHONE_NUMBER of Hong Kong (+852), Macau (+853) and Taiwan (+886), written with the country code.

Mainland records hold these as ``+852 9123 4567``, ``(853) 6612 3456``, ``00886-912-345-678``
or ``+886 2 2345 6789``. Without the country code eight or nine digits are the shape of
any number, so the recognizer reports a number only with one. Which national numbers
exist (mobile and fixed-line ranges) is read from the ``phonenumbers`` metadata of each
region. Taiwan's trunk 0 may be written after the country code (``+886 0912 345 678``,
``+886 (0)2 2345 6789``).

>>> is_valid('+852 9123 4567'), is_valid('(853) 6612 3456'), is_valid('+886 912-345-678')
(True, True, True)
>>> is_valid('+852 1234 5678'), is_valid('+86 138 1234 5678')
(False, False)
>>> parse('+886 2 2345 6789')
{'kind': 'landline', 'region': 'TW', 'country_code': '886'}
>>> compact('+852 9123-4567')
'85291234567'
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..exceptions import InvalidComponent, InvalidFormat, InvalidLength
from ._checksum import is_digits
from ._simple import predicate

__all__ = ["ENTITY", "REGIONS", "compact", "is_valid", "parse", "validate"]

#: The entity its matches are reported as.
ENTITY = "PHONE_NUMBER"

#: Country calling code -> region (ISO 3166 code, as phonenumbers names it).
REGIONS = {"852": "HK", "853": "MO", "886": "TW"}

# The country code as written: +852, 00852, (852), (+852), or 852 followed by a gap; then an
# optional trunk 0 in brackets (Taiwan: +886 (0)2 …).
_COUNTRY = re.compile(r"^(?:\+\s*|00|[(（]\s*\+?\s*)?(85[23]|886)\s*[)）]?[\s-]*(?:[(（]\s*0\s*[)）][\s-]*)?")
_GAPS = str.maketrans("", "", " -.()（）")
# First digits of Hong Kong (2-3 fixed, 4-9 mobile) and Macau (2 fixed, 6 mobile) numbers.
_HK_MO_FIRST = {"852": "23456789", "853": "26"}


@lru_cache(maxsize=None)
def _patterns(region: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    from phonenumbers import PhoneMetadata

    meta = PhoneMetadata.metadata_for_region(region)
    if meta is None:  # pragma: no cover - phonenumbers always ships these regions
        raise RuntimeError(f"phonenumbers has no {region} metadata")
    return re.compile(meta.mobile.national_number_pattern), re.compile(meta.fixed_line.national_number_pattern)


def _split(number: str) -> tuple[str, str]:
    """(country code, national digits) of a number written with its country code."""
    m = _COUNTRY.match(number.strip())
    if m is None:
        raise InvalidFormat()
    national = number.strip()[m.end():].translate(_GAPS)
    if m.group(1) == "886" and national[:1] == "0":
        national = national[1:]  # the trunk 0, written after the country code
    return m.group(1), national


def _check(number: str) -> tuple[str, str, str]:
    """(country code, national number, kind), or a ValidationError."""
    code, national = _split(number)
    if not is_digits(national):
        raise InvalidFormat()
    if not 8 <= len(national) <= 9:
        raise InvalidLength()
    mobile, fixed = _patterns(REGIONS[code])
    if mobile.fullmatch(national):
        return code, national, "mobile"
    if fixed.fullmatch(national):
        return code, national, "landline"
    if code != "886" and len(national) == 8 and national[0] in _HK_MO_FIRST[code]:
        # A block the metadata does not list yet (+852 9912 3456): after the country code,
        # eight digits that open as that region's numbers do are a phone number still.
        return code, national, "landline" if national[0] in "23" else "mobile"
    raise InvalidComponent()


def compact(number: str) -> str:
    """Country code and national number as digits (``85291234567``)."""
    try:
        code, national = _split(number)
    except ValueError:
        return number.translate(_GAPS).lstrip("+")
    return code + national


def validate(number: str) -> str:
    """Check the number and return its compact form.

    Raises:
        InvalidFormat: no +852/+853/+886 country code, or not digits after it.
        InvalidLength: the national number is not 8 or 9 digits.
        InvalidComponent: not a mobile or fixed-line number of that region.
    """
    code, national, _kind = _check(number)
    return code + national


is_valid = predicate(validate)


def parse(number: str) -> dict[str, object]:
    """Facts: kind (mobile/landline), region (HK, MO, TW) and the country code."""
    code, _national, kind = _check(number)
    return {"kind": kind, "region": REGIONS[code], "country_code": code}
