"""IP_ADDRESS: IPv4 (dotted quad) and IPv6 addresses, checked with :mod:`ipaddress`.

>>> is_valid('192.168.1.20'), is_valid('256.1.1.1'), is_valid('2001:db8::8a2e:370:7334')
(True, False, True)
>>> parse('10.0.0.1')['private']
True
"""

from __future__ import annotations

import ipaddress

from ..exceptions import InvalidFormat
from ._simple import predicate

__all__ = ["compact", "is_valid", "parse", "validate"]


def compact(value: str) -> str:
    """Strip surrounding spaces."""
    return value.strip()


def validate(value: str) -> str:
    """Check the address and return it.

    Raises:
        InvalidFormat: not an IPv4 or IPv6 address.
    """
    value = compact(value)
    try:
        ipaddress.ip_address(value)
    except ValueError:
        raise InvalidFormat() from None
    return value


is_valid = predicate(validate)


def parse(value: str) -> dict[str, object]:
    """Facts: IP version and whether the address is private."""
    ip = ipaddress.ip_address(validate(value))
    return {"version": ip.version, "private": ip.is_private}
