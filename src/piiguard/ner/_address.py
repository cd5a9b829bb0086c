"""CN_ADDRESS: a gazetteer plus an address grammar, run only where an address can be.

How it works, in linear time:

1. *Seeds.* One regex finds the places an address must touch: a division name's
   suffix (省/市/区/县/旗/州/盟/镇/乡/街道) that the gazetteer confirms by a backward lookup,
   or a numbered element (``88号``, ``3栋``, ``2单元``, ``5组``). Prose without either
   costs one regex scan.
2. *Chain.* From a seed, a forward parser reads address components one after another
   (division → town → village → road → number → estate/POI → building → unit → floor →
   room), each a bounded pattern anchored at the current position, so no pattern can
   backtrack over more than a few dozen characters.
3. *Judge.* A chain is an address when it has at least two components and is more than
   divisions that stop above county level: 浙江杭州 and 北京 are not addresses,
   浙江省杭州市西湖区 and 建国路88号 are.

Names of roads and estates cannot contain the function words listed in ``_STOP``, which is
what puts the left edge after 住在/寄往/地址：.
"""

from __future__ import annotations

import re

from .._regexutil import gated
from .._types import Finding
from ._chars import SURNAMES
from ._features import load_words
from ._gazetteer import DISTRICT, TOWN, Division, get_gazetteer

from ._person import detect_persons

__all__ = ["detect_addresses"]

_RECOGNIZER = "CnAddressRecognizer"

# Characters that never occur inside a road, estate or village name but often precede one.
_STOP = (
    r"\s\d，。、；：:,;!！?？\"'“”‘’（）()\[\]【】<>《》{}|/\\=@#&*+~`^…·"
    "我你他她它们在住于到往从寄送是的了与及或把被给由为址请将电话手机号码姓名"
    "收"
)
_NAME = f"[^{_STOP}]"
# Inside a name 将 is an ordinary character (干将东路); a name that continues a chain may
# also begin with 于 or 为 (…滨海新区于家堡街道, 为民路), where a chain may not.
_NAME_REST = "[^" + _STOP.replace("将", "") + "]"
_NAME_NEXT = "[^" + _STOP.replace("将", "").replace("于", "").replace("为", "") + "]"


def _name(least: int, most: int, lazy: str = "", first: str = _NAME) -> str:
    """A road, estate or village name of ``least``..``most`` characters."""
    return f"{first}{_NAME_REST}{{{least - 1},{most - 1}}}{lazy}"


_NUM = r"(?:[A-Za-z]?[0-9]{1,5}|[A-Za-z]|[一二三四五六七八九十百零〇两]{1,4})"  # 88, B2 (B2栋), A, 三


def _kinds(first: str) -> dict[str, str]:
    """The lower-level component patterns, names starting with a ``first`` character."""
    return {
        # 甲12号, 12号附3号: a heavenly-stem or 附 (annex) prefix belongs to the number.
        "num": rf"[附甲乙丙丁]?{_NUM}(?:-[0-9]{{1,5}})*\s?(?:号楼|号院|号|弄|栋|幢|座|楼|单元|室|层|组|队|门|户|排|期|区|巷|社)",
        "room": r"[0-9]{1,5}(?:-[0-9]{1,5}){1,3}(?:室|房|号)?|[0-9]{3,5}(?:室|房)?(?![0-9])",
        "town": rf"{_name(1, 6, first=first)}(?:街道办事处|街道|镇|乡)",
        "zone": rf"{_name(1, 8, first=first)}(?:经济技术开发区|经济开发区|开发区|高新区|工业园区|工业区|产业园|科技园|商务区|新区|园区)",
        # A direction may follow before the number (皇后大道中15号).
        "road": rf"{_name(1, 8, first=first)}(?:大道|大街|路|街|巷|胡同|里|弄|道)(?:[东西南北中]段|[一二三四五六七八九十]段|[东西南北中](?=[0-9]))?",
        "village": rf"{_name(1, 5, first=first)}(?:村委会|居委会|社区|村|屯|庄)",
        "poi": rf"{_name(1, 10, first=first)}(?:小区|花园|大厦|广场|小镇|公寓|家园|新村|新城|苑|庭|城|中心|大楼|商城|市场|山庄|别墅"
               r"|公馆|名都|华庭|雅苑|园|宿舍|大院|院|酒店|宾馆|写字楼|商务楼|工业园|仓库)",
        # An estate or building without a telling suffix, right before a building number
        # (望京SOHO4栋).
        "poi_bare": rf"{_name(2, 10, '?', first)}(?=(?:[0-9]{{1,4}}|[A-Za-z])(?:栋|幢|号楼|座|单元))",
    }


_KINDS = _kinds(_NAME)


def _all_kinds(kinds: dict[str, str], names: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One regex that tries every kind at a position, each in a look-ahead group.

    A single match call reports where each kind would end (-1: no match), which costs
    a fifth of calling the kinds' regexes one by one.
    """
    body = "".join(f"(?:(?=(?P<{k}>{kinds[k]}))|)" for k in names)
    return re.compile(body), names


# Tried in this order; the longest match wins, earlier kinds win ties.
_ORDER = tuple(_KINDS)
# Only numbered kinds can start with an ASCII character; names start with anything else.
_LOWER_ASCII = _all_kinds(_KINDS, ("num", "room", "poi_bare"))
_LOWER_OTHER = _all_kinds(_KINDS, tuple(k for k in _ORDER if k != "room"))
# After a first part the name may start with 于/将/为 too (…滨海新区于家堡街道): the
# stricter first character only keeps a chain from starting at a preposition.
_LOWER_NEXT = _all_kinds(_kinds(_NAME_NEXT), tuple(k for k in _ORDER if k != "room"))


def _lower_match(text: str, pos: int, limit: int, first: bool = True) -> tuple[str, int] | None:
    """The longest lower-level component starting at ``pos``: (kind, end).

    ``first``: the component would begin the chain (its first character may not be a
    preposition such as 于 or 为).
    """
    if pos >= limit:
        return None
    rx, names = _LOWER_ASCII if text[pos].isascii() else (_LOWER_OTHER if first else _LOWER_NEXT)
    m = rx.match(text, pos, limit)
    best = None
    best_end = pos
    for kind in names:
        end = m.end(kind)
        if end > best_end:
            best, best_end = kind, end
    return None if best is None else (best, best_end)


# Where an address must touch: a division suffix (checked against the gazetteer) or a
# numbered element.
_SEED = gated(
    rf"(?P<num>{_NUM}(?:号楼|号院|号|弄|栋|幢|座|楼|单元|组|室))|(?P<div>街道|办事处|自治区|省|市|区|县|旗|州|盟|镇|乡)"
    r"|(?P<lone>大道|大街|步行街|路|街|巷|胡同|小区|花园|大厦|公寓|家园|新村|山庄|苑|村|广场|小镇|商务区|开发区|高新区|工业园区|科技园)"
)
# A road, estate or village may stand alone (住在工业路, 在瑞旗家园), with a low score.
# Its name is read backwards from the suffix, at most this many characters, and stops
# at these characters too (verbs and prepositions that precede place words).
_LONE_MAX = 5
_LONE_STOP = frozenset(
    " \t\n\r0123456789，。、；：:,;!！?？\"'“”‘’（）()[]【】<>《》{}|/\\=@#&*+~`^…·"
    "我你他她它们在住于到往从寄送是的了与及或把被给由为址请将电话手机号码姓名收"
    "着沿过经近临靠向走来去上下里地得个条这那该此其每各某前后有"
)
_SUFFIX_WORDS = frozenset(
    "路线 路径 路程 路过 路面 路况 路费 路人 路灯 路由 路牌 路标 路基 路演 路子 路数 街头 街拍 街舞 街坊 "
    "街景 街区 街机 村落 村民 村庄 村委 村干 村级 村官 村长 村镇 巷战 苑囿 场景 场面 场合 场所 场地 镇长 乡长".split()
)
# Road-like words that are not street names.
_GENERIC = frozenset(
    "公路 马路 道路 铁路 线路 网路 思路 出路 一路 半路 走路 上路 电路 水路 套路 门路 销路 迷路 "
    "逛街 上街 满街 沿街 临街 当街 大街 小巷 农村 乡村 山村 渔村 本村 全村 该村 新村 小区 园区 "
    "花园 公寓 大厦 家园 山庄 老街 古街 商业街 步行街 高速公路 大道 胡同 城中村 街道 广场 小镇 "
    "会场 市场 现场 商场 机场 球场 战场 考场 农场 剧场 官场 赛场 登场 出场 立场".split()
)
_DIGIT_RUN = re.compile(r"[0-9]+(?:-[0-9]+)*")
_MOBILE_TAIL = re.compile(r"1[3-9][0-9]{9}")
_SEP = re.compile(r"[ \-]?")
_LEVEL_OF_KIND = {"town": TOWN, "zone": TOWN + 1, "village": TOWN + 1, "road": TOWN + 2,
                  "poi": TOWN + 3, "poi_bare": TOWN + 3, "num": TOWN + 4, "room": TOWN + 5}
_MAX_ADDRESS = 120  # characters: longer chains are cut, keeping work bounded
_MAX_PARTS = 16


class _Part:
    """One address component: its span, kind (div, road, num, …) and gazetteer entry."""

    __slots__ = ("start", "end", "kind", "division")

    def __init__(self, start: int, end: int, kind: str, division: Division | None = None) -> None:
        self.start, self.end, self.kind, self.division = start, end, kind, division


def _division_at(text: str, pos: int, gaz, full_only: bool = False) -> tuple[int, list[Division], bool] | None:
    """Longest gazetteer name starting at ``pos``: (end, divisions, is_full)."""
    best = None
    if pos >= len(text):
        return None
    for k in gaz.lengths_from.get(text[pos], ()):
        s = text[pos:pos + k]
        if len(s) < k:
            continue
        d = gaz.full.get(s)
        if d:
            return pos + k, d, True
        if best is None and not full_only and k <= 4:
            d = gaz.short.get(s)
            if d:
                best = (pos + k, d, False)
    return best


def _pick(divs: list[Division], province: str | None, city: str | None) -> Division:
    """Choose among same-named divisions the one consistent with what came before."""
    for d in divs:
        if (province is None or d.province == province) and (city is None or d.city in (None, city)):
            return d
    return divs[0]


def _parse(text: str, pos: int, gaz) -> list[_Part]:
    """Read address components forward from ``pos``."""
    parts: list[_Part] = []
    province = city = None
    level = 0
    limit = min(len(text), pos + _MAX_ADDRESS)
    while pos < limit and len(parts) < _MAX_PARTS:
        start = pos
        if parts:
            m = _SEP.match(text, pos)
            if m.end() > pos and m.end() < limit:
                pos = m.end()
        cand: _Part | None = None
        div = _division_at(text, pos, gaz) if level < TOWN + 1 else None
        low = _lower_match(text, pos, _digit_limit(text, pos, limit), not parts)
        if div is not None:
            end, divs, full = div
            d = _pick(divs, province, city)
            # A generic component that reads further wins over a short division name
            # (和平路 is a road, not 和平区 + 路).
            if full or low is None or low[1] <= end or _division_at(text, end, gaz) is not None:
                repeat = bool(parts) and parts[-1].division is not None and parts[-1].division.name == d.name
                if d.level > level or (d.level == level == TOWN) or repeat:
                    cand = _Part(pos, end, "div", d)
        if cand is None and low is not None:
            kind, low_end = low
            lv = _LEVEL_OF_KIND[kind]
            if kind == "room" and (not parts or parts[-1].kind not in ("num", "poi", "road")):
                lv = -1
            # Below the town level the order is free (88号东方大厦5楼, 东方大厦88号).
            if lv >= 0 and (lv > TOWN or lv >= level):
                cand = _Part(pos, low_end, kind)
                level = max(level, min(lv, TOWN + 1))
        if cand is None:
            pos = start
            break
        if cand.division is not None:
            d = cand.division
            level = d.level
            province = d.province
            city = d.city or city
        parts.append(cand)
        pos = cand.end
    return parts


def _digit_limit(text: str, pos: int, limit: int) -> int:
    """Stop a room number where a glued mobile number begins (…15栋250313579935616)."""
    if pos < len(text) and "0" <= text[pos] <= "9":
        m = _DIGIT_RUN.match(text, pos)
        last = m.group().rsplit("-", 1)[-1]
        if len(last) > 11 and _MOBILE_TAIL.fullmatch(last, len(last) - 11):
            return min(limit, m.end() - 11)
    return limit


def _is_address(parts: list[_Part]) -> bool:
    """A chain of two or more parts that says more than a city (see the module docstring)."""
    if len(parts) < 2:
        return False
    kinds = [p.kind for p in parts]
    if all(k == "div" for k in kinds):
        last = parts[-1].division
        # Divisions only: an address when it reaches county level by a full name.
        return last is not None and last.level >= DISTRICT and parts[-1].end - parts[-1].start > len(last.name) - 1
    if all(k in ("num", "room") for k in kinds):
        return False
    if kinds.count("num") + kinds.count("room") == 0 and "div" not in kinds and "town" not in kinds:
        # 马路 + 花园 style chains without a number or a division are too weak.
        return False
    return True


def _lone_start(text: str, start: int, end: int, covered: int) -> int | None:
    """Start of the name before a lone road/estate/village suffix at ``start``, or None."""
    b = start
    # Zone names run longer (濮阳经济技术开发区).
    most = 8 if text[start:end] in ("商务区", "开发区", "高新区", "工业园区", "科技园") else _LONE_MAX
    while b > covered and start - b < most and text[b - 1] not in _LONE_STOP and "\u4e00" <= text[b - 1] <= "\u9fff":
        b -= 1
    if b == start:
        while b > covered and text[b - 1].isascii() and text[b - 1].isalpha() and start - b < 20:
            b -= 1  # a Latin street name (RuadoCunha步行街)
    short_ok = start - b == 1 and text[start:end] == "村" and (b == 0 or not "\u4e00" <= text[b - 1] <= "\u9fff")
    if (start - b < 2 and not short_ok) or text[start - 1:end] in _GENERIC or text[b:end] in _GENERIC:
        return None
    return b


# Text right after a division that makes it an organisation (北京市政府, 海淀区民政局).
_ORG_AFTER = re.compile(
    r"(?:人民政府|政府|人民法院|法院|检察院|人大|政协|党委|委员会|公安|民政|财政|税务|教育|卫生|交通|住建|"
    r"统计|气象|环保|水利|市场监|文化|商务|发改|人社|司法|国土|规划|城管|消防|[局委厅办署院])"
)


def _is_org(text: str, parts: list[_Part]) -> bool:
    """The chain names an authority, not a place to send post (武汉市政府, 泗水县文化市场)."""
    last = parts[-1]
    if last.kind == "div" and _ORG_AFTER.match(text, last.end):
        return True
    if (last.kind == "poi" and len(parts) <= 2 and parts[0].kind == "div"
            and text[last.start:last.end].endswith(("政府", "中心", "市场"))):
        return True
    return False


def _is_lone(text: str, parts: list[_Part]) -> bool:
    """One road, estate, village or county-level-and-below division standing alone."""
    if len(parts) > 1:
        # Named places only (昌乐路文化市场, 五四广场奥帆中心): each must be a place on its own.
        return all(p.kind in ("road", "poi", "village", "zone") and _is_lone(text, [p]) for p in parts)
    p = parts[0]
    if p.kind == "div":
        return p.division is not None and p.division.level >= DISTRICT and p.end - p.start == len(p.division.name)
    if p.kind not in ("road", "village", "poi", "town", "zone") or p.end - p.start < 2:
        return False
    if text[p.start:p.end] in _GENERIC:
        return False
    # 路线, 路过, 村落: the suffix begins a word with the next character, so it is no suffix.
    return text[p.end - 1:p.end + 1] not in _SUFFIX_WORDS


def _score(parts: list[_Part]) -> float:
    """0.5 for a lone part; more parts and road/number/division mixes score higher."""
    if len(parts) == 1:
        return 0.5
    kinds = {p.kind for p in parts}
    s = 0.55 + 0.1 * (len(parts) - 2)
    if "div" in kinds and kinds & {"road", "village", "poi", "town"}:
        s += 0.15
    if kinds & {"num", "room"} and kinds & {"road", "poi", "village"}:
        s += 0.15
    return round(min(s, 0.95), 2)


def _metadata(parts: list[_Part], start: int) -> dict:
    """Province, city, district names and where the part below county level begins."""
    province = city = district = None
    rest = None
    for p in parts:
        d = p.division
        if d is not None and d.level <= DISTRICT:
            province = d.province
            city = d.city or city
            if d.level == DISTRICT:
                district = d.district
        elif rest is None:
            rest = p.start - start
    if city is None and province is not None and province.endswith("市"):
        city = province  # a municipality is its own city
    return {"province": province, "city": city, "district": district, "rest_start": rest}


def _left_extend(text: str, start: int, gaz, floor: int = 0) -> int:
    """Take in division names (full or short) written just before ``start``.

    The walk stops at ``floor`` (the caller clamps to it anyway): without it, text made
    of division names (北京市朝阳区北京市朝阳区…) was walked back to its start from every
    address, quadratic time (100k characters took minutes).
    """
    while start > floor:
        for k in gaz.lengths_to.get(text[start - 1], ()):
            if k > start:
                continue
            s = text[start - k:start]
            if s in gaz.full or (k <= 4 and s in gaz.short):
                start -= k
                break
        else:
            return start
    return start


def _drop_leading_name(text: str, begin: int, parts: list[_Part], gaz) -> tuple[int, list[_Part]]:
    """Cut a personal name glued to the front of a road or estate (张伟高新四路88号)."""
    first_end = parts[0].end
    lo = max(0, begin - 8)
    for f in detect_persons(text[lo:first_end], skip=[]):
        s, e = f.start + lo, f.end + lo
        if f.score >= 0.5 and s <= begin < e and e < first_end - 1:
            rest = _parse(text, e, gaz)
            if rest and rest[-1].end >= parts[-1].end and _is_address(rest):
                return e, rest
    # The model saw no name: split where the road's own name is a common word and the
    # part before it is not (黎萌梅|金桥巷958号, 温东|科技中路370号).
    words = load_words()
    first = parts[0]
    if first.kind in ("road", "poi", "poi_bare") and (begin == 0 or not "\u4e00" <= text[begin - 1] <= "\u9fff"):
        for k in (3, 2, 4):
            cut = begin + k
            if cut + 3 > first.end or text[begin:cut] in words:
                continue
            if text[cut:cut + 2] in words:
                rest = _parse(text, cut, gaz)
                if rest and rest[-1].end == parts[-1].end and _is_address(rest):
                    return cut, rest
    return begin, parts


def detect_addresses(text: str) -> list[Finding]:
    """Find postal addresses (CN_ADDRESS) in normalized text.

    Args:
        text: text already passed through ``piiguard._normalize.normalize``.

    Returns:
        Findings with ``metadata`` holding ``province``, ``city``, ``district`` (names
        from the gazetteer, or None) and ``rest_start``, the offset inside the span
        where the part below county level begins (None when there is none).
    """
    if not text:
        return []
    gaz = get_gazetteer()
    out: list[Finding] = []
    covered = 0
    n = len(text)
    rejected = 0  # end of the furthest chain already read and found not to be an address
    for m in _SEED.finditer(text):
        if m.start() < covered or m.start() < rejected:
            # Inside a chain already judged: a part of a rejected chain is rejected too,
            # and skipping it keeps the work linear on text such as 路路路… or 1号1号….
            continue
        starts: list[int] = []
        if m.lastgroup == "div":
            e = m.end()
            if text[e - 1] == "街" or text[m.start():e] == "区" and text[m.start() - 1:e] == "小区":
                continue
            for k in gaz.lengths_to.get(text[e - 1], ()):
                if k <= e and text[e - k:e] in gaz.full and e - k >= covered:
                    starts.append(e - k)
                    break
            if not starts:
                continue
        elif m.lastgroup == "lone":
            lone = _lone_start(text, m.start(), m.end(), covered)
            if lone is None:
                continue
            starts = [lone]
            if m.start() - lone >= _LONE_MAX and lone > covered:
                # The walk back stopped at its length limit, perhaps inside a name glued
                # to the road after a number or at the text's start (…995张胜静|解放西路):
                # start at the surname, and let the leading name be cut off below.
                glued = [k for k in range(max(covered, lone - 3), lone)
                         if text[k] in SURNAMES and (k == 0 or not "\u4e00" <= text[k - 1] <= "\u9fff")]
                # Only where the name model reads a name there (not 富阳市, 景德镇).
                if glued and any(f.start == 0 and f.score >= 0.5
                                 for f in detect_persons(text[glued[0]:m.start()], skip=[])):
                    starts = glued[:1] + starts
        else:
            # A numbered element: the address may begin up to a road/estate name before it.
            starts = list(range(max(covered, m.start() - 12), m.start() + 1))
        for s in starts:
            if s > covered and s < n and text[s] in "号栋幢楼室层单元组":
                continue
            parts = _parse(text, s, gaz)
            if not parts or parts[-1].end <= m.start():
                continue
            if not ((_is_address(parts) or _is_lone(text, parts)) and not _is_org(text, parts)):
                # The leftmost chain that reaches the seed decides for it.
                rejected = parts[-1].end
                break
            begin = _left_extend(text, parts[0].start, gaz, covered)
            begin = max(begin, covered)
            if begin < parts[0].start:
                lead = _parse(text, begin, gaz)
                if lead and lead[-1].end >= parts[-1].end:
                    parts = lead
                else:
                    begin = parts[0].start
            if parts[0].kind != "div" and text[begin] in SURNAMES:
                begin, parts = _drop_leading_name(text, begin, parts, gaz)
                if not parts:
                    continue
            end = parts[-1].end
            out.append(Finding(begin, end, "CN_ADDRESS", _score(parts), _RECOGNIZER,
                               _metadata(parts, begin)))
            covered = end
            break
    return out
