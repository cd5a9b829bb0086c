"""Helpers shared by the identifier modules: ``is_valid`` from ``validate``, format-only validators."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..exceptions import InvalidFormat


def predicate(validate: Callable[[str], object]) -> Callable[[object], bool]:
    """``is_valid`` for a module's ``validate``: True or False for anything, never raises."""

    def is_valid(number: object) -> bool:
        if not isinstance(number, str):
            return False
        try:
            validate(number)
        except ValueError:
            return False
        return True

    is_valid.__doc__ = "True when ``number`` is valid; False for anything else. Never raises."
    return is_valid


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

    validate.__doc__ = "Check the format and return the compact form.\n\nRaises:\n    InvalidFormat: the format does not match."
    return validate, predicate(validate)


_SEPARATORS = str.maketrans("", "", " -·•・")


def compact_upper(number: str) -> str:
    """Remove spaces, dashes and middle dots (also the katakana one, ・), and upper-case."""
    return number.translate(_SEPARATORS).strip().upper()
