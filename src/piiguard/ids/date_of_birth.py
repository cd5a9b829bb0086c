"""DATE_OF_BIRTH: a date written as a birth date (出生日期, 生日 …).

Dates are everywhere in records, so the recognizer reports one only next to its
context words; this module checks that the written date exists and is not in the
future: ``1990-01-02``, ``1990/1/2``, ``1990.01.02``, ``19900102``, ``1990年1月2日``, and
the year last (``12/05/1985``, as Hong Kong, Macau and English forms write it): day first,
unless the second number cannot be a month (``05/13/1985`` is 13 May).

>>> is_valid('1990年1月2日'), is_valid('1990-02-30'), is_valid('19900102')
(True, False, True)
>>> parse('1990年1月2日')
{'birth_date': '1990-01-02', 'birth_year': 1990}
>>> parse('12/05/1985'), parse('05/13/1985')['birth_date'], is_valid('31/02/1985')
({'birth_date': '1985-05-12', 'birth_year': 1985}, '1985-05-13', False)
"""

from __future__ import annotations

import datetime as _dt
import re

from ..exceptions import InvalidComponent, InvalidFormat
from ._simple import predicate

__all__ = ["compact", "is_valid", "parse", "validate"]

_FORMS = re.compile(
    r"(?P<y>(?:19|20)\d{2})(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})|年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})[日号]?"
    r"|(?P<m3>\d{2})(?P<d3>\d{2}))"
    # The year last: day and month in either order (read in _date).
    r"|(?P<a>\d{1,2})(?P<sep2>[-/.])(?P<b>\d{1,2})(?P=sep2)(?P<y2>(?:19|20)\d{2})",
    re.ASCII,
)


def compact(value: str) -> str:
    """Strip surrounding spaces."""
    return value.strip()


def _date(value: str) -> _dt.date:
    m = _FORMS.fullmatch(compact(value))
    if m is None:
        raise InvalidFormat()
    if m.group("y2"):
        # Day first (12/05/1985 is 12 May), unless the second number cannot be a month.
        first, second = int(m.group("a")), int(m.group("b"))
        year, month, day = int(m.group("y2")), *((first, second) if second > 12 else (second, first))
    else:
        year = int(m.group("y"))
        month = int(m.group("m") or m.group("m2") or m.group("m3"))
        day = int(m.group("d") or m.group("d2") or m.group("d3"))
    try:
        born = _dt.date(year, month, day)
    except ValueError:
        raise InvalidComponent() from None
    if born > _dt.date.today():
        raise InvalidComponent()
    return born


def validate(value: str) -> str:
    """Check the date and return it as written (stripped).

    Raises:
        InvalidFormat: not one of the supported forms.
        InvalidComponent: an impossible or future date.
    """
    _date(value)
    return compact(value)


is_valid = predicate(_date)


def parse(value: str) -> dict[str, object]:
    """Facts: the ISO date and year."""
    born = _date(value)
    return {"birth_date": born.isoformat(), "birth_year": born.year}
