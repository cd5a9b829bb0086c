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
# The 55 recognised minorities, longest first, to cut an autonomous division's name down
# to its place name (黔东南苗族侗族自治州 -> 黔东南, written 黔东南州).
_ETHNIC = tuple(sorted((
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 "
    "景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 "
    "保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺").split(), key=len, reverse=True))


def _autonomous_alias(name: str) -> str | None:
    """How an autonomous prefecture or county is usually written: 大理白族自治州 -> 大理州,
    黔东南苗族侗族自治州 -> 黔东南州, 长阳土家族自治县 -> 长阳县; None for other names."""
    if not name.endswith(("自治州", "自治县")):
        return None
    base = name[:-3]
    while True:
        for e in _ETHNIC:
            # 蒙古 names the people without 族 (博尔塔拉蒙古自治州).
            tail = e if e == "蒙古" and not base.endswith("蒙古族") else e + "族"
            if base.endswith(tail) and len(base) > len(tail) + 1:
                base = base[:-len(tail)]
                break
        else:
            break
    return base + name[-1] if len(base) >= 2 and base != name[:-3] else None


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
        # Autonomous prefectures and counties by their place name (大理州, 湘西州, 长阳县),
        # as addresses write them.
        for name, divs in list(self.full.items()):
            alias = _autonomous_alias(name)
            if alias and alias not in self.full:
                self.full[alias] = [d for d in divs if d.name == name]
        # A county-level city was mostly a county before (沙湾县 -> 沙湾市 in 2021,
        # 香格里拉县 -> 香格里拉市 in 2014); text and old records keep the county name.
        for name, divs in list(self.full.items()):
            if name.endswith("市") and len(name) >= 3:
                counties = [d for d in divs if d.level == DISTRICT]
                if counties and name[:-1] + "县" not in self.full:
                    self.full[name[:-1] + "县"] = counties
        self.max_len = max(map(len, self.full))
        # Name lengths by first and by last two characters (every name has two or more),
        # longest first: lookups try only lengths that exist instead of every length up
        # to max_len. A frequent character (东, 新) begins names of many lengths, a pair
        # of them few. Which characters begin a name at all is kept too.
        by_first_two: dict[str, set[int]] = {}
        by_last_two: dict[str, set[int]] = {}
        for name in (*self.full, *self.short):
            by_first_two.setdefault(name[:2], set()).add(len(name))
            by_last_two.setdefault(name[-2:], set()).add(len(name))
        self.first_chars = frozenset(name[0] for name in by_first_two)
        self.lengths_from_two = _longest_first(by_first_two)
        self.lengths_to_two = _longest_first(by_last_two)

    def _add(self, d: Division, short: bool = True) -> None:
        self.full.setdefault(d.name, []).append(d)
        s = _short(d.name, d.level) if short else None
        if s:
            self.short.setdefault(s, []).append(d)


def _longest_first(lengths: dict[str, set[int]]) -> dict[str, tuple[int, ...]]:
    return {key: tuple(sorted(v, reverse=True)) for key, v in lengths.items()}


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
