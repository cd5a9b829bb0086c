"""WECHAT_ID: 微信号 (WeChat ID).

6 to 20 characters: a letter first, then letters, digits, underscores or hyphens
(WeChat's rule for user-chosen IDs). Reported only next to its context words (微信,
微信号, wx, WeChat); a phone number given as a WeChat ID is reported as a phone.

Placeholders and the names of platforms written after 微信 (微信号：unknown, 微信Windows版)
are not IDs.

>>> is_valid('zhang_wei88'), is_valid('88zhang'), is_valid('abc'), is_valid('Windows')
(True, False, False, False)
"""

from __future__ import annotations

from ..exceptions import InvalidFormat
from ._simple import format_validator, predicate

__all__ = ["compact", "is_valid", "parse", "validate"]


def compact(value: str) -> str:
    """Strip surrounding spaces."""
    return value.strip()


_validate_format, _ = format_validator(r"[A-Za-z][A-Za-z0-9_-]{5,19}", compact)
_NOT_IDS = frozenset(("unknown", "undefined", "default", "example", "windows", "android", "iphone", "desktop",
                      "mobile", "weixin", "wechat", "success", "failed", "failure", "timeout", "official", "online",
                      "offline", "account", "support", "service", "version"))


def validate(value: str) -> str:
    """Check the ID and return it (a placeholder or platform name is no ID).

    Raises:
        InvalidFormat: not a WeChat ID.
    """
    value = _validate_format(value)
    if value.lower() in _NOT_IDS:
        raise InvalidFormat()
    return value


is_valid = predicate(validate)


def parse(value: str) -> dict[str, object]:
    """Facts: the length."""
    return {"length": len(validate(value))}
