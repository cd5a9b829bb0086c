"""URL: web addresses with a scheme (http, https, ftp) or starting ``www.``.

Bare domains (``example.com``) are not reported: in Chinese text they are usually a
company's site, and e-mail hosts would match too. The host is checked label by label.

>>> is_valid('https://shop.example.cn/u/123?id=9'), is_valid('http://-bad-.com'), is_valid('www.qq.com')
(True, False, True)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..exceptions import InvalidFormat
from ._simple import predicate

__all__ = ["compact", "is_valid", "parse", "validate"]

_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def compact(value: str) -> str:
    """Strip surrounding spaces."""
    return value.strip()


def validate(value: str) -> str:
    """Check the URL and return it.

    Raises:
        InvalidFormat: no scheme/www., or an invalid host.
    """
    value = compact(value)
    probe = value if "://" in value else "http://" + value
    try:
        parts = urlsplit(probe)
        host = parts.hostname or ""
    except ValueError:
        raise InvalidFormat() from None
    if parts.scheme.lower() not in ("http", "https", "ftp") or not (value.lower().startswith(("http", "ftp", "www."))):
        raise InvalidFormat()
    labels = host.split(".")
    if not (host.replace(".", "").isdigit() and len(labels) == 4) and (
        len(labels) < 2 or not all(_LABEL.fullmatch(x) for x in labels) or not labels[-1].isalpha()
    ):
        raise InvalidFormat()
    return value


is_valid = predicate(validate)


def parse(value: str) -> dict[str, object]:
    """Facts: scheme and host."""
    parts = urlsplit(validate(value) if "://" in value else "http://" + validate(value))
    return {"scheme": parts.scheme, "host": parts.hostname}
