"""CN_PASSPORT: 中华人民共和国护照号码 (PRC passport number).

Ordinary passports: ``E`` + 8 digits, or ``E`` + a letter (not I/O) + 7 digits since
the E-series digits ran out (EA1234567); older ``G`` + 8 digits. Service, diplomatic
and official passports: ``S``/``D``/``P`` + 7 or 8 digits (also ``SE``/``DE``/``PE`` + 7).
There is no check digit in the number itself (only in the MRZ), so the format is all
that can be checked; the recognizer relies on context (护照) for the weaker forms.

>>> is_valid('E12345678'), is_valid('EA1234567'), is_valid('EI1234567')
(True, True, False)
>>> parse('EA1234567')['series']
'E'
"""

from __future__ import annotations

from ._simple import compact_upper as compact
from ._simple import format_validator

__all__ = ["compact", "is_valid", "parse", "validate"]

validate, is_valid = format_validator(
    r"[EG]\d{8}|E[A-HJ-NP-Z]\d{7}|[SDP]E?\d{7}|[SDP]\d{8}", compact
)


def parse(number: str) -> dict[str, object]:
    """Facts: the series letter (E ordinary e-passport, G older ordinary, S/D/P official)."""
    number = validate(number)
    return {"series": number[0]}
