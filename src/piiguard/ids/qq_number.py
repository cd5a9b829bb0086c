"""QQ_NUMBER: QQ 号 (Tencent QQ account number).

5 to 11 digits, no leading zero. Any short number has this shape, so there is nothing
to validate beyond it: the recognizer reports one only next to its context words
(QQ, QQ号, 扣扣).

>>> is_valid('10001'), is_valid('012345'), is_valid('123456789012')
(True, False, False)
"""

from __future__ import annotations

from ._simple import format_validator

__all__ = ["compact", "is_valid", "parse", "validate"]


def compact(number: str) -> str:
    """Strip surrounding spaces."""
    return number.strip()


validate, is_valid = format_validator(r"[1-9]\d{4,10}", compact)


def parse(number: str) -> dict[str, object]:
    """Facts: the number of digits."""
    return {"length": len(validate(number))}
