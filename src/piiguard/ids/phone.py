"""PHONE_NUMBER: mainland China mobile and landline numbers (and, with their country code,
Hong Kong, Macau and Taiwan numbers: :mod:`piiguard.ids.phone_hmt`).

Mobile numbers have 11 digits starting 13-19; which 3- and 4-digit prefixes are
allocated (including virtual operators' 170/171/162/165/167) is read from the
``phonenumbers`` metadata (libphonenumber's CN mobile pattern), not from a hand-written
table. Landlines are an area code (010, 02x, 0xxx) and a 7- or 8-digit local number,
checked against the same metadata's fixed-line pattern; an extension (-801, 转802,
ext. 12) may follow. A ``+86``/``0086``/``(86)`` prefix may precede either, with the
trunk 0 in brackets (``+86 (0)21 6234 5678``) or the area code inside the bracket
(``(+86 21) 6234 5678``).

>>> is_valid('+86 138-1234-5678')
True
>>> is_valid('12345678901')
False
>>> is_valid('(0755)8888-6666转801')
True
>>> is_valid('+86 (0)21 6234 5678'), is_valid('(+86 21) 6234 5678'), is_valid('+86 (0)138 1234 5678')
(True, True, True)
>>> parse('13812345678')['kind']
'mobile'
>>> parse('+852 9123 4567')['region']
'HK'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..exceptions import InvalidComponent, InvalidFormat, InvalidLength
from . import phone_hmt
from ._checksum import is_digits
from ._simple import predicate

__all__ = ["compact", "is_valid", "parse", "split_extension", "validate"]

_EXTENSION_RE = re.compile(r"(?:\s*(?:转|分机|ext\.?|x|#|-)\s*)(\d{1,6})$", re.IGNORECASE)
# The country code, with what may follow it before the national number: a trunk 0 in
# brackets (+86 (0)21 …, as written for callers abroad), or, when the bracket opened before
# 86 holds the area code too ((+86 21) 6234 5678), nothing: the area code's closing bracket
# is a separator.
_COUNTRY_RE = re.compile(
    r"^(?:\+\s*86|0086|\(\s*\+?86\s*\)|（\s*\+?86\s*）|[(（]\s*\+?86(?=[\s-]*0?[1-9]\d{1,2}\s*[)）])"
    r"|86(?=[\s-]|1[3-9]\d{9}$))[\s-]*(?:[(（]\s*0\s*[)）][\s-]*)?")
_STRIP = str.maketrans("", "", " -.()（）")
_DIGIT_GAPS = str.maketrans("", "", " -.")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # phonenumbers keeps CN metadata as generated Python; load it once and use its
    # national-number patterns directly, which is far faster than phonenumbers.parse.
    from phonenumbers import PhoneMetadata

    meta = PhoneMetadata.metadata_for_region("CN")
    if meta is None:  # pragma: no cover - phonenumbers always ships CN
        raise RuntimeError("phonenumbers has no CN metadata")
    mobile = re.compile(meta.mobile.national_number_pattern)
    fixed = re.compile(meta.fixed_line.national_number_pattern)
    return mobile, fixed


def split_extension(number: str) -> tuple[str, str]:
    """Split a trailing extension (``转801``, ``-801``, ``ext 12``) off a landline."""
    m = _EXTENSION_RE.search(number)
    if m is None:
        return number, ""
    return number[: m.start()], m.group(1)


def _national(number: str) -> str:
    had_country = _COUNTRY_RE.match(number) is not None
    digits = _COUNTRY_RE.sub("", number).translate(_STRIP)
    # +86 10 6234 5678: after the country code the trunk 0 of the area code is dropped.
    if had_country and digits[:1] not in ("0", "1") or (had_country and digits[:1] == "1" and len(digits) != 11):
        digits = "0" + digits
    return digits


def _candidates(number: str) -> Iterator[str]:
    """National-number readings of ``number``: as written, then without an extension.

    A trailing ``-6666`` may be the second half of the local number or an extension;
    the reading that validates wins (the second is only computed when needed).
    """
    number = number.strip()
    yield _national(number)
    head, ext = split_extension(number)
    if ext:
        yield _national(head)


def compact(number: str) -> str:
    """The national number: digits only, without country prefix or extension.

    A Hong Kong, Macau or Taiwan number keeps its country code (``85291234567``).
    """
    if _HMT_START.match(number):
        return phone_hmt.compact(number)
    readings = list(_candidates(number))
    for national in readings:
        try:
            _classify(national)
        except ValueError:
            continue
        return national
    return readings[-1]


_SAMPLE_LOCALS = tuple(f"{d}{rest}" for d in "23456789" for rest in ("123456", "1234567"))


@lru_cache(maxsize=1)
def area_codes() -> frozenset[str]:
    """Area codes (without the trunk 0) that libphonenumber knows fixed lines for."""
    _mobile, fixed = _patterns()
    candidates = ["10"] + [f"2{d}" for d in range(10)] + [f"{n}" for n in range(300, 1000)]
    return frozenset(c for c in candidates if any(fixed.fullmatch(c + local) for local in _SAMPLE_LOCALS))


def _classify(national: str) -> str:
    mobile, fixed = _patterns()
    if len(national) == 11 and national[0] == "1":
        if mobile.fullmatch(national):
            return "mobile"
        raise InvalidComponent()
    if national[:1] == "0" and 10 <= len(national) <= 12:
        # Lenient on the local number's length: libphonenumber knows whether a city
        # dials 7 or 8 digits, but a mistyped or outdated number is still personal
        # information. The area code must be real; the local part 7-8 digits from 2-9.
        code = national[1:3] if national[1] in "12" else national[1:4]
        local = national[1 + len(code):]
        if code in area_codes() and 7 <= len(local) <= 8 and local[0] in "23456789":
            return "landline"
        raise InvalidComponent()
    raise InvalidLength()


# +852, 00853, (886) …: the country code of Hong Kong, Macau or Taiwan (see phone_hmt).
# With a + or 00 the country code may be glued to the number (+85291234567).
_HMT_START = re.compile(r"^\s*(?:(?:\+\s*|00|[(（]\s*\+?\s*)(?:85[23]|886)|(?:85[23]|886)(?!\d))")


def _check(number: str) -> tuple[str, str]:
    """The national number and its kind, or a ValidationError."""
    error: ValueError = InvalidFormat()
    for national in _candidates(number):
        if not is_digits(national):
            continue
        try:
            return national, _classify(national)
        except ValueError as exc:
            error = exc
    raise error


def validate(number: str) -> str:
    """Check the number and return its national form (digits, no extension).

    Raises:
        InvalidFormat: not digits after removing separators and prefixes.
        InvalidLength: neither an 11-digit mobile nor an area code plus 7-8 digits.
        InvalidComponent: an unallocated mobile prefix or an unknown area code.
    """
    if _HMT_START.match(number):
        return phone_hmt.validate(number)
    return _check(number)[0]


is_valid = predicate(validate)


def area_code(national: str) -> str:
    """The area code of a landline's national number (010, 021, 0755 ...)."""
    return national[:3] if national[1] in "12" else national[:4]


def parse(number: str) -> dict[str, object]:
    """Facts: kind (mobile/landline), the area code of a landline, an extension flag."""
    # Fast path for the common case, a mobile written as digits, spaces, dashes or dots.
    # str.translate looks up every character; most matches hold no gap at all.
    plain = number if number.isdigit() else number.translate(_DIGIT_GAPS)
    if len(plain) == 11 and plain[0] == "1" and is_digits(plain) and _patterns()[0].fullmatch(plain):
        return {"kind": "mobile", "prefix": plain[:3]}
    if _HMT_START.match(number):
        return phone_hmt.parse(number)
    national, kind = _check(number)  # one pass: parse() is the engine's validator
    facts: dict[str, object] = {"kind": kind}
    if kind == "landline":
        facts["area_code"] = area_code(national)
        facts["has_extension"] = national != _national(number.strip())
    else:
        facts["prefix"] = national[:3]
    return facts
