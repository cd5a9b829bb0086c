"""Lazy index over ``piiguard/data/divisions.dat`` for address surrogates and generalization."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

__all__ = ["Divisions", "divisions"]

_SUFFIX = re.compile(r"(?:省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治州|地区|盟|区|县|旗)$")
MUNICIPALITIES = ("11", "12", "31", "50")


def short(name: str) -> str:
    """A division name without its administrative suffix (深圳市 -> 深圳)."""
    s = _SUFFIX.sub("", name)
    return s if len(s) >= 2 else name


@dataclass
class Divisions:
    """Provinces, cities and districts by code, with name lookups."""

    provinces: dict[str, str] = field(default_factory=dict)       # "44" -> 广东省
    cities: dict[str, str] = field(default_factory=dict)          # "4403" -> 深圳市
    districts: dict[str, str] = field(default_factory=dict)       # "440305" -> 南山区
    townships: dict[str, list[str]] = field(default_factory=dict)  # "440305" -> [南头街道, ...]
    city_by_name: dict[str, list[str]] = field(default_factory=dict)
    districts_of_city: dict[str, list[str]] = field(default_factory=dict)

    def city_codes(self, province: str | None, city: str | None) -> list[str]:
        """4-digit city codes (2-digit for a municipality) matching the names given."""
        for name in (city, province):
            if not name:
                continue
            codes = self.city_by_name.get(short(name), [])
            if province and len(codes) > 1:
                pcode = [c for c, n in self.provinces.items() if short(n) == short(province)]
                codes = [c for c in codes if c[:2] in pcode] or codes
            if codes:
                return codes
        return []


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """Parse the gazetteer once."""
    d = Divisions()
    text = (files("piiguard") / "data" / "divisions.dat").read_text(encoding="utf-8")
    current = ""
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        tag = line[0]
        if tag == "P":
            code, name = line[1:].split(" ", 1)
            d.provinces[code] = name
        elif tag == "C":
            code, name = line[1:].split(" ", 1)
            d.cities[code] = name
        elif tag == "A":
            code, name = line[1:].split(" ", 1)
            d.districts[code] = name
            current = code
            d.townships[code] = []
        elif tag == "H":
            continue
        elif current:
            d.townships[current].append(line.strip())
    for code, name in d.cities.items():
        d.city_by_name.setdefault(short(name), []).append(code)
    for code in MUNICIPALITIES:
        if code in d.provinces:
            d.city_by_name.setdefault(short(d.provinces[code]), []).append(code)
    for code in sorted(d.districts):
        d.districts_of_city.setdefault(code[:4], []).append(code)
        if code[:2] in MUNICIPALITIES:
            d.districts_of_city.setdefault(code[:2], []).append(code)
    return d
