"""IP_ADDRESS: IPv4 (dotted quad) and IPv6 addresses, checked with :mod:`ipaddress`.

A CIDR prefix length written after the address is part of it (``10.0.0.0/8``,
``2001:db8::/32``): the block names a network as the address does; 0-32 for IPv4,
0-128 for IPv6.

>>> is_valid('192.168.1.20'), is_valid('256.1.1.1'), is_valid('2001:db8::8a2e:370:7334')
(True, False, True)
>>> is_valid('172.16.0.0/12'), is_valid('10.0.0.0/33'), is_valid('2001:db8::/32'), is_valid('::/129')
(True, False, True, False)
>>> parse('10.0.0.1')['private'], parse('10.0.0.0/8')['prefix_length']
(True, 8)
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
        InvalidFormat: not an IPv4 or IPv6 address, or a prefix length out of range.
    """
    value = compact(value)
    _split(value)
    return value


def _split(value: str) -> tuple[ipaddress.IPv4Address | ipaddress.IPv6Address, int | None]:
    """The address and the prefix length (None when none is written)."""
    address, slash, prefix = value.partition("/")
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        raise InvalidFormat() from None
    if not slash:
        return ip, None
    if not (prefix.isascii() and prefix.isdigit() and len(prefix) <= 3 and int(prefix) <= ip.max_prefixlen):
        raise InvalidFormat()
    return ip, int(prefix)


is_valid = predicate(validate)


def parse(value: str) -> dict[str, object]:
    """Facts: IP version, whether the address is private, and a CIDR block's prefix length."""
    ip, prefix = _split(compact(value))
    facts: dict[str, object] = {"version": ip.version, "private": ip.is_private}
    if prefix is not None:
        facts["prefix_length"] = prefix
    return facts
