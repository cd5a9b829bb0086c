"""WECHAT_ID: 微信号 (WeChat ID).

6 to 20 characters: a letter first, then letters, digits, underscores or hyphens
(WeChat's rule for user-chosen IDs). Reported only next to its context words (微信,
微信号, wx, WeChat); a phone number given as a WeChat ID is reported as a phone.

>>> is_valid('zhang_wei88'), is_valid('88zhang'), is_valid('abc')
(True, False, False)
"""

from __future__ import annotations

from ._simple import format_validator

__all__ = ["compact", "is_valid", "parse", "validate"]


def compact(value: str) -> str:
    """Strip surrounding spaces."""
    return value.strip()


validate, is_valid = format_validator(r"[A-Za-z][A-Za-z0-9_-]{5,19}", compact)


def parse(value: str) -> dict[str, object]:
    """Facts: the length."""
    return {"length": len(validate(value))}
