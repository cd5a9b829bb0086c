"""MO_ID: 澳门居民身份证号码 (Macau resident identity card number).

Eight digits written ``1234567(8)``; the first digit is 1, 5 or 7 (the holder's
residency category). The check-digit algorithm is not published, so the format with
its brackets, plus context (澳门身份证), is the check.

>>> is_valid('1234567(8)'), is_valid('5215299(8)'), is_valid('2234567(8)')
(True, True, False)
"""

from __future__ import annotations

from ._simple import format_validator

__all__ = ["compact", "is_valid", "parse", "validate"]

_STRIP = str.maketrans("", "", " ()（）/-")


def compact(number: str) -> str:
    """Remove brackets, slashes, spaces and dashes."""
    return number.translate(_STRIP).strip()


validate, is_valid = format_validator(r"[157]\d{7}", compact)


def parse(number: str) -> dict[str, object]:
    """Facts: the residency category digit (1 permanent since 1992, 5 permanent, 7 non-permanent)."""
    number = validate(number)
    return {"category": number[0]}
