"""Helpers for identifier modules without a checksum: a format regex is the whole check."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..exceptions import InvalidFormat


def format_validator(
    pattern: str, compact: Callable[[str], str]
) -> tuple[Callable[[str], str], Callable[[object], bool]]:
    """Build ``validate`` and ``is_valid`` for a format-only identifier."""
    regex = re.compile(pattern)

    def validate(number: str) -> str:
        number = compact(number)
        if regex.fullmatch(number) is None:
            raise InvalidFormat()
        return number

    def is_valid(number: object) -> bool:
        if not isinstance(number, str):
            return False
        try:
            validate(number)
        except ValueError:
            return False
        return True

    validate.__doc__ = "Check the format and return the compact form.\n\nRaises:\n    InvalidFormat: the format does not match."
    is_valid.__doc__ = "True when the value has the right format; never raises."
    return validate, is_valid


_SEPARATORS = str.maketrans("", "", " -·•")


def compact_upper(number: str) -> str:
    """Remove spaces, dashes and middle dots, and upper-case."""
    return number.translate(_SEPARATORS).strip().upper()
