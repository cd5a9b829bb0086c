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

import regex

from .._types import Finding
from ._gazetteer import CITY, DISTRICT, PROVINCE, TOWN, Division, get_gazetteer

__all__ = ["detect_addresses"]

_RECOGNIZER = "CnAddressRecognizer"

# Characters that never occur inside a road, estate or village name but often precede one.
_STOP = (
    r"\s\d，。、；：:,;!！?？\"'“”‘’（）()\[\]【】<>《》{}|/\\=@#&*+~`^…·"
    "我你他她它们在住于到往从寄送是的了与及或把被给由为址请将电话手机号码姓名"
    "联系人收货邮编编码"
)
_NAME = f"[^{_STOP}]"
_NUM = r"(?:[0-9]{1,5}|[A-Za-z]|[一二三四五六七八九十百零〇两]{1,4})"
_LOWER = regex.compile(
    rf"""
    (?P<num>{_NUM}(?:-[0-9]{{1,5}})*\s?(?:号楼|号院|号|弄|栋|幢|座|楼|单元|室|层|组|队|门|户|排|期|区|巷|社))
  | (?P<room>[0-9]{{1,5}}(?:-[0-9]{{1,5}}){{1,3}}(?:室|房|号)?|[0-9]{{3,5}}(?:室|房)?(?![0-9]))
  | (?P<town>{_NAME}{{1,6}}(?:街道办事处|街道|镇|乡))
  | (?P<zone>{_NAME}{{1,8}}(?:经济技术开发区|经济开发区|开发区|高新区|工业园区|工业区|产业园|科技园|新区|园区))
  | (?P<road>{_NAME}{{1,8}}(?:大道|大街|路|街|巷|胡同|里|弄|道)(?:[东西南北中]段|[一二三四五六七八九十]段)?)
  | (?P<village>{_NAME}{{1,5}}(?:村委会|居委会|社区|村|屯|庄))
  | (?P<poi>{_NAME}{{1,10}}(?:小区|花园|大厦|广场|公寓|家园|新村|新城|苑|庭|府|城|中心|大楼|商城|市场|山庄|别墅|公馆|名都|华庭|雅苑|园|宿舍|大院|院|酒店|宾馆|写字楼|商务楼|工业园|仓库))
    """,
    regex.VERBOSE,
)
# Where an address must touch: a division suffix (checked against the gazetteer) or a
# numbered element.
_SEED = regex.compile(
    rf"(?P<div>省|市|区|县|旗|州|盟|镇|乡|街道|办事处|自治区)|(?P<num>{_NUM}(?:号楼|号院|号|弄|栋|幢|座|楼|单元|组|室))"
)
_SEP = regex.compile(r"[ \-,，]?")
_LEVEL_OF_KIND = {"town": TOWN, "zone": TOWN + 1, "village": TOWN + 1, "road": TOWN + 2,
                  "poi": TOWN + 3, "num": TOWN + 4, "room": TOWN + 5}
_MAX_ADDRESS = 120  # characters: longer chains are cut, keeping work bounded


class _Part:
    __slots__ = ("start", "end", "kind", "division")

    def __init__(self, start: int, end: int, kind: str, division: Division | None = None) -> None:
        self.start, self.end, self.kind, self.division = start, end, kind, division


def _division_at(text: str, pos: int, gaz, full_only: bool = False) -> tuple[int, list[Division], bool] | None:
    """Longest gazetteer name starting at ``pos``: (end, divisions, is_full)."""
    best = None
    n = len(text)
    for k in range(min(gaz.max_len, n - pos), 1, -1):
        s = text[pos:pos + k]
        d = gaz.full.get(s)
        if d:
            return pos + k, d, True
        if best is None and not full_only:
            d = gaz.short.get(s)
            if d and k <= 4:
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
    while pos < limit:
        start = pos
        if parts:
            m = _SEP.match(text, pos)
            if m.end() > pos and m.end() < limit:
                pos = m.end()
        cand: _Part | None = None
        div = _division_at(text, pos, gaz) if level < TOWN + 1 else None
        low = _LOWER.match(text, pos, limit)
        if div is not None:
            end, divs, full = div
            d = _pick(divs, province, city)
            # A generic component that reads further wins over a short division name
            # (和平路 is a road, not 和平区 + 路).
            if full or low is None or low.end() <= end or _division_at(text, end, gaz) is not None:
                if d.level > level or (d.level == level == TOWN):
                    cand = _Part(pos, end, "div", d)
        if cand is None and low is not None:
            kind = low.lastgroup
            lv = _LEVEL_OF_KIND[kind]
            if kind == "room" and (not parts or parts[-1].kind not in ("num", "poi", "road")):
                lv = -1
            # Below the town level the order is free (88号东方大厦5楼, 东方大厦88号).
            if lv >= 0 and (lv > TOWN or lv >= level):
                cand = _Part(pos, low.end(), kind)
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


def _is_address(parts: list[_Part]) -> bool:
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


def _score(parts: list[_Part]) -> float:
    kinds = {p.kind for p in parts}
    s = 0.55 + 0.1 * (len(parts) - 2)
    if "div" in kinds and kinds & {"road", "village", "poi", "town"}:
        s += 0.15
    if kinds & {"num", "room"} and kinds & {"road", "poi", "village"}:
        s += 0.15
    return round(min(s, 0.95), 2)


def _metadata(parts: list[_Part], start: int) -> dict:
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


def _left_extend(text: str, start: int, gaz) -> int:
    """Take in division names (full or short) written just before ``start``."""
    while start > 0:
        for k in range(min(gaz.max_len, start), 1, -1):
            s = text[start - k:start]
            if s in gaz.full or (k <= 4 and s in gaz.short):
                start -= k
                break
        else:
            return start
    return start


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
    for m in _SEED.finditer(text):
        if m.start() < covered:
            continue
        starts: list[int] = []
        if m.lastgroup == "div":
            e = m.end()
            for k in range(min(gaz.max_len, e), 1, -1):
                if text[e - k:e] in gaz.full and e - k >= covered:
                    starts.append(e - k)
                    break
            if not starts:
                continue
        else:
            # A numbered element: the address may begin up to a road/estate name before it.
            starts = list(range(max(covered, m.start() - 12), m.start() + 1))
        for s in starts:
            if s > covered and s < n and text[s] in "号栋幢楼室层单元组":
                continue
            parts = _parse(text, s, gaz)
            if parts and parts[-1].end > m.start() and _is_address(parts):
                begin = _left_extend(text, parts[0].start, gaz)
                begin = max(begin, covered)
                if begin < parts[0].start:
                    lead = _parse(text, begin, gaz)
                    if lead and lead[-1].end >= parts[-1].end:
                        parts = lead
                    else:
                        begin = parts[0].start
                end = parts[-1].end
                out.append(Finding(begin, end, "CN_ADDRESS", _score(parts), _RECOGNIZER,
                                   _metadata(parts, begin)))
                covered = end
                break
    return out
