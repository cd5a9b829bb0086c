"""The administrative-division gazetteer, loaded once from ``piiguard/data/divisions.dat``.

Names map to the divisions they may denote. Short forms (浙江 for 浙江省, 杭州 for
杭州市, 义乌 for 义乌市) are kept apart from full names because they are only trusted
inside a longer address: 北京 alone is a city, not an address.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from importlib import resources

__all__ = ["Division", "Gazetteer", "get_gazetteer"]

PROVINCE, CITY, DISTRICT, TOWN = 1, 2, 3, 4

_PROV_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
_AUTONOMOUS = re.compile(r"^(.{2,}?)(?:[^族]{1,6}族)+自治[州县旗]$")


# (former district, district it was merged into, province), from the State Council's
# approvals: Beijing 2010, Shanghai 2000-2015, Tianjin 2009, Guangzhou 2005.
_FORMER_DISTRICTS = (
    ("宣武区", "西城区", "北京市"),
    ("崇文区", "东城区", "北京市"),
    ("南市区", "黄浦区", "上海市"),
    ("卢湾区", "黄浦区", "上海市"),
    ("闸北区", "静安区", "上海市"),
    ("南汇区", "浦东新区", "上海市"),
    ("塘沽区", "滨海新区", "天津市"),
    ("汉沽区", "滨海新区", "天津市"),
    ("大港区", "滨海新区", "天津市"),
    ("芳村区", "荔湾区", "广东省"),
)


@dataclass(frozen=True, slots=True)
class Division:
    """One division: its level and the names of the province and city it lies in."""

    level: int
    name: str
    province: str
    city: str | None
    district: str | None


def _short(name: str, level: int) -> str | None:
    """The colloquial short form of a division name, or None when it is too short."""
    if level == PROVINCE:
        s = _PROV_SUFFIX.sub("", name)
    else:
        m = _AUTONOMOUS.match(name)
        if m:
            s = m.group(1)[:2]
        elif name.endswith(("地区", "新区")) and len(name) >= 4:
            s = name[:-2]
        elif name[-1] in "市区县旗盟":
            s = name[:-1]
        else:
            return None
    return s if len(s) >= 2 and s != name else None


class Gazetteer:
    """Lookups of full and short division names."""

    def __init__(self, text: str) -> None:
        self.full: dict[str, list[Division]] = {}
        self.short: dict[str, list[Division]] = {}
        provinces: dict[str, str] = {}
        cities: dict[str, str] = {}
        area: Division | None = None
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            tag = line[0]
            if tag == "P":
                code, name = line[1:].split(" ", 1)
                provinces[code] = name
                self._add(Division(PROVINCE, name, name, None, None))
            elif tag == "C":
                code, name = line[1:].split(" ", 1)
                cities[code] = name
                self._add(Division(CITY, name, provinces[code[:2]], name, None))
            elif tag == "A":
                code, name = line[1:].split(" ", 1)
                city = cities.get(code[:4])
                if city == name:  # 东莞市 listed again as its own county
                    area = Division(DISTRICT, name, provinces[code[:2]], city, None)
                    continue
                area = Division(DISTRICT, name, provinces[code[:2]], city, name)
                self._add(area)
            elif tag == "H":
                _, region, unit, dist = line.split(" ")
                self._add(Division(PROVINCE, region, region, None, None))
                self._add(Division(CITY, unit, region, unit, None))
                self._add(Division(DISTRICT, dist, region, unit, dist), short=False)
            elif area is not None:
                self._add(Division(TOWN, line, area.province, area.city, area.district), short=False)
        for extra, full in (("香港", "香港特别行政区"), ("澳门", "澳门特别行政区"), ("台湾", "台湾省")):
            self.short.setdefault(extra, list(self.full[full]))
        # Districts merged away since 2000, which older text and records still name: each
        # is filed under the district that took it over (卢湾区 lies in today's 黄浦区).
        for former, successor, province in _FORMER_DISTRICTS:
            for d in self.full.get(successor, ()):
                if d.level == DISTRICT and d.province == province and former not in self.full:
                    self._add(Division(DISTRICT, former, d.province, d.city, successor), short=False)
        # A county-level city was mostly a county before (沙湾县 -> 沙湾市 in 2021,
        # 香格里拉县 -> 香格里拉市 in 2014); text and old records keep the county name.
        for name, divs in list(self.full.items()):
            if name.endswith("市") and len(name) >= 3:
                counties = [d for d in divs if d.level == DISTRICT]
                if counties and name[:-1] + "县" not in self.full:
                    self.full[name[:-1] + "县"] = counties
        self.max_len = max(map(len, self.full))
        # Name lengths by first and by last character, longest first: lookups try only
        # lengths that exist instead of every length up to max_len.
        by_first: dict[str, set[int]] = {}
        by_last: dict[str, set[int]] = {}
        for name in self.full:
            by_first.setdefault(name[0], set()).add(len(name))
            by_last.setdefault(name[-1], set()).add(len(name))
        for name in self.short:
            by_first.setdefault(name[0], set()).add(len(name))
            by_last.setdefault(name[-1], set()).add(len(name))
        self.lengths_from: dict[str, tuple[int, ...]] = {
            c: tuple(sorted(v, reverse=True)) for c, v in by_first.items()}
        self.lengths_to: dict[str, tuple[int, ...]] = {
            c: tuple(sorted(v, reverse=True)) for c, v in by_last.items()}

    def _add(self, d: Division, short: bool = True) -> None:
        self.full.setdefault(d.name, []).append(d)
        s = _short(d.name, d.level) if short else None
        if s:
            self.short.setdefault(s, []).append(d)


_LOCK = threading.Lock()
_GAZ: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """Return the shared gazetteer, loading it on first use (thread-safe)."""
    global _GAZ
    if _GAZ is None:
        with _LOCK:
            if _GAZ is None:
                text = (resources.files("piiguard") / "data" / "divisions.dat").read_text("utf-8")
                _GAZ = Gazetteer(text)
    return _GAZ
