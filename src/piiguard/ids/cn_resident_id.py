"""CN_RESIDENT_ID: 居民身份证号码 (PRC resident identity number), GB 11643-1999.

18 characters: a 6-digit administrative region code (GB/T 2260), the birth date as
YYYYMMDD, a 3-digit sequence number (odd for men, even for women) and an ISO 7064
MOD 11-2 check character (0-9 or X). First-generation cards carry a 15-digit number:
region, YYMMDD (19YY) and sequence, without a check digit.

Deliberately lenient on the region: only the province (the first two digits) must be
known. ``stdnum.cn.ric`` requires the county code to have existed in the birth year and
so rejects about half of checksum-valid IDs; for a detector a missed ID is a leak.

More information: GB 11643-1999 公民身份号码; https://zh.wikipedia.org/wiki/中华人民共和国公民身份号码

>>> validate('11010519491231002x')
'11010519491231002X'
>>> is_valid('110105194912310021')
False
>>> parse('11010519491231002X')['birth_date'], parse('11010519491231002X')['gender']
('1949-12-31', 'female')
"""

from __future__ import annotations

import datetime as _dt
import time as _time

from ..exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from ._checksum import is_digits, mod11_2_calc
from ._regions import PROVINCES
from ._simple import predicate

__all__ = ["calc_check_digit", "compact", "is_valid", "parse", "validate"]

_SEPARATORS = str.maketrans("", "", " -")
_MIN_YEAR = 1900


def compact(number: str) -> str:
    """Remove spaces and dashes and upper-case the check character."""
    if not number.isalnum():  # str.translate looks up every character; most have no gap
        number = number.translate(_SEPARATORS)
    return number.strip().upper()


def calc_check_digit(body17: str) -> str:
    """The check character (0-9 or X) for the first 17 digits."""
    return mod11_2_calc(body17)


def _birth_date(number: str) -> _dt.date:
    if len(number) == 18:
        year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
    else:
        year, month, day = 1900 + int(number[6:8]), int(number[8:10]), int(number[10:12])
    try:
        born = _dt.date(year, month, day)
    except ValueError:
        raise InvalidComponent() from None
    if born.year < _MIN_YEAR or born > _today():
        raise InvalidComponent()
    return born


_today_cache: list[float | _dt.date] = [0.0, _dt.date.min]


def _today() -> _dt.date:
    """Today's date, read from the clock at most once a minute (it costs a system call)."""
    now = _time.monotonic()
    if now - _today_cache[0] > 60:  # type: ignore[operator]
        _today_cache[:] = [now, _dt.date.today()]
    return _today_cache[1]  # type: ignore[return-value]


def _check(number: str) -> tuple[str, _dt.date]:
    """The compact number and its birth date, or a ValidationError."""
    number = compact(number)
    if len(number) not in (15, 18):
        raise InvalidLength()
    if not is_digits(number[:-1]) or not (is_digits(number[-1]) or (number[-1] == "X" and len(number) == 18)):
        raise InvalidFormat()
    if number[:2] not in PROVINCES:
        raise InvalidComponent()
    born = _birth_date(number)
    if len(number) == 18 and calc_check_digit(number[:17]) != number[17]:
        raise InvalidChecksum()
    return number, born


def validate(number: str) -> str:
    """Check the number and return its compact form.

    Raises:
        InvalidLength: not 15 or 18 characters.
        InvalidFormat: not digits (plus a final X).
        InvalidComponent: unknown province or impossible birth date.
        InvalidChecksum: wrong check character.
    """
    return _check(number)[0]


is_valid = predicate(validate)


def parse(number: str) -> dict[str, object]:
    """Facts carried by a valid number: region code, province, birth date, gender.

    Raises:
        ValidationError: when the number is not valid.
    """
    number, born = _check(number)  # one pass: parse() is the engine's validator
    seq_digit = int(number[16] if len(number) == 18 else number[14])
    return {
        "region_code": number[:6],
        "province": PROVINCES[number[:2]],
        "birth_date": born.isoformat(),
        "birth_year": born.year,
        "gender": "male" if seq_digit % 2 else "female",
        "legacy_15": len(number) == 15,
    }
