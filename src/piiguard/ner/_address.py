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

import bisect
import re

from .._regexutil import gated
from .._types import Finding
from ._chars import SURNAMES
from ._features import load_clause_words, load_common_words, load_words
from ._gazetteer import DISTRICT, TOWN, Division, get_gazetteer

from ._person import detect_persons

__all__ = ["detect_addresses"]

_RECOGNIZER = "CnAddressRecognizer"

# Characters that never occur inside a road, estate or village name but often precede one.
_STOP = (
    r"\s\d，。、；：:,;!！?？\"'“”‘’（）()\[\]【】<>《》{}|/\\=@#&*+~`^…·"
    "我你他她它们在住于於到往从寄送是的了与及或把被给由为址请将电话手机号码姓名"
    "收"
)
# Characters of the field labels 电话, 手机, 号码 and 姓名 that place names use too (电子城,
# 机场路, 码头, 名苑): each label keeps a character that always stops a name (话, 手, 号,
# 姓), so these four only may not begin one.
_LABEL_INNER = "电机码名"
# 至 and 叫 do not begin a name (请送至|翠苑一区18幢, 这里叫|海渔广场) but may stand inside one
# (至尊门第, 犀牛叫犀牛南路).
_NAME = f"[^{_STOP}至叫]"
# Inside a name 将 is an ordinary character (干将东路); a name that continues a chain may
# also begin with 于 or 为 (…滨海新区于家堡街道, 为民路), where a chain may not.
_NAME_REST = "[^" + re.sub(f"[将{_LABEL_INNER}]", "", _STOP) + "]"
_NAME_NEXT = "[^" + re.sub(f"[将于为{_LABEL_INNER}]", "", _STOP) + "]"


def _name(least: int, most: int, lazy: str = "", first: str = _NAME) -> str:
    """A road, estate or village name of ``least``..``most`` characters."""
    return f"{first}{_NAME_REST}{{{least - 1},{most - 1}}}{lazy}"


# A room named in English (Room 419, Flat 5B).
_ROOM_WORDS = "Room|ROOM|Rm|RM|Suite|SUITE|Unit|UNIT|Flat|FLAT"
# 88, B2 (B2栋), A, 三; a house number in words runs longer (九百六十九号, 一千零八号).
_NUM = r"(?:[A-Za-z]?[0-9]{1,5}|[A-Za-z]|[一二三四五六七八九十百千零〇两]{1,7})"


# The suffixes that end a named component, longest first within each family.
_SUFFIXES = {
    "town": "街道办事处 街道 镇 乡 苏木",
    "zone": "经济技术开发区 经济开发区 开发区 高新区 综合保税区 保税区 保税港区 自贸区 工业园区 工业区 产业园 科技园 商务区 新区 园区 校区 片区 别墅区 核心区 "
            "功能区 示范区 商业街区 购物区 生活区 管理区 试验区 兵团",
    "road": "大道 大街 路 街 巷 胡同 里 弄 道",
    "village": "村委会 居委会 社区 嘎查 村 屯 庄",
    "poi": "小区 花园 大厦 广场 小镇 公寓 家园 新村 新城 苑 庭 城 中心 大楼 商城 市场 山庄 别墅 公馆 名都 华庭 雅苑 园 宿舍 大院 院 "
           "酒店 宾馆 写字楼 商务楼 工业园 仓库 农场 林场 牧场",
    # Places named after a number or an estate only (建国路88号沃尔玛超市, 万达广场星巴克店):
    # alone or after a city they are shops, schools and factories, not places to send post.
    "venue": "购物中心 超市 商场 百货 网吧 医院 卫生院 诊所 幼儿园 小学 中学 大学 学院 学校 体育馆 体育场 "
             "博物馆 图书馆 展览馆 公园 饭店 餐厅 酒楼 影城 影院 剧院 火车站 汽车站 客运站 加油站 营业厅 "
             "专卖店 旗舰店 门市部 便利店 药店 分店 店",
}


# Words that begin the clause after an address, not a place's name: a place word that opens a clause (58号|附近有个菜市场), unlike one that opens the next place
# (医院对面华瑞网业门市部, 45号附近聚景园, as CCKS addresses write).
_PROSE_RE = re.compile("那|这|开[^发元]|(?:附近|旁边|对面|隔壁|里面|楼下|楼上|门口)(?:有|是|的|那|这|就|在|还|也|都|一)")


def _kinds(first: str) -> dict[str, str]:
    """The lower-level component patterns, names starting with a ``first`` character."""
    sfx = {k: "|".join(v.split()) for k, v in _SUFFIXES.items()}
    return {
        # 甲12号, 12号附3号: a heavenly-stem or 附 (annex) prefix belongs to the number.
        # A basement floor (负一层, 地下一层) and a shop or stall (1号铺, 701铺, 23档口) count too.
        # 299号之3, 5楼之3 (Guangdong, Taiwan); not a metro line or a phone number (2号线, 号码); 第八师一四三团1连 (the Xinjiang Production and
        # Construction Corps), 2屯; a floor in Latin letters (23F).
        "num": rf"(?:[附甲乙丙丁]|负|地下)?{_NUM}(?:-[0-9]{{1,5}})*\s?"
               # … a hall, a court or a parking space (W3馆, 2号馆, 3号场, B2-105车位).
               r"(?:号楼|号院|号铺|号馆|号场|车位|馆|号(?:之[0-9一二三四五六七八九十]{1,2}|(?![线码]))|楼(?:之[0-9一二三四五六七八九十]{1,2})?|支弄|弄|栋|幢|座|塔|单元|室(?![0-9一二两三四五六七八九]?厅)|层|组|队|门(?!口)|户|排|期"
               r"|区(?!域)|巷|社|铺|档口|团(?![结队体购伙员长委])|连(?![续锁接同带衣载通着])|屯)"
               r"|第[一二三四五六七八九十]{1,3}师|[0-9]{1,3}[Ff](?![0-9A-Za-z])"
               # … a sub-area named by its direction, after an estate only (望京花园东区; see _parse).
               r"|[东西南北中]区(?!域)"
               # … and a room read digit by digit after its unit or building (五单元一五五八).
               r"|(?:(?<=单元)|(?<=[栋幢座]))[一二三四五六七八九〇零]{3,4}(?:室|房)?(?![一二三四五六七八九十〇零百千万])",
        # Not a landline (021-56789000): a dashed room neither starts with 0 nor is cut
        # from a longer run.
        # 房 of a room, not of a house (18-3|房屋).
        "room": r"[1-9][0-9]{0,4}(?:-[0-9]{1,5}){1,3}(?![0-9])(?:室|房(?![屋子产])|号)?|[0-9]{3,5}(?:室|房(?![屋子产]))?(?![0-9]|-[0-9])"
                r"|[A-Z][0-9]{3,4}(?:室|房(?![屋子产])|号)?(?![0-9A-Za-z])"  # a lettered unit (B108, A1203)
                # … a room named in English (Room 419).
                rf"|(?:{_ROOM_WORDS})\.?\s?[A-Za-z]?[0-9]{{1,5}}[A-Za-z]?(?![0-9A-Za-z])",
        "town": rf"{_name(1, 6, first=first)}(?:{sfx['town']})",
        # Not a rank (浙江省|级示范区).
        "zone": rf"(?!级){_name(1, 8, first=first)}(?:{sfx['zone']})",
        # A gate names a street before a house number (南院门15号, 西直门12号; not 3号门, nor
        # a one-character gate, 南门1号: see _parse).
        # A direction may follow before the number (皇后大道中15号).
        # A name does not end in its suffix twice (文三路|路口, 解放路|路边), nor where its
        # suffix begins a word (附近|路灯).
        "road": rf"{_name(1, 8, first=first)}(?:{sfx['road']}|(?:门[外内]|沿)(?=[附甲乙丙丁]?[0-9])|门(?=[附甲乙丙丁]?[0-9]{{1,5}}号))(?<!路路)(?<!街街)(?!(?<=路)灯)"
                r"(?:[东西南北中]?[一二三四五六七八九十]段|[东西南北中]段|[0-9]{1,2}段|[东西南北中](?=[0-9]|[一二三四五六七八九十]{1,4}号))?",
        # 东兴村|村民委员会; 胜利村六组|村民 (villagers) holds no village named 胜利村六组村.
        "village": rf"{_name(1, 5, first=first)}(?:{sfx['village']})(?<!村村)(?!(?<=村)民)",
        # … with a number inside its name (国贸360广场, 华润24城).
        # 城 ends no estate's name where it begins 城市, 城镇 or 城乡 (乌审旗推进|城市化).
        "poi": rf"{_name(1, 10, first=first)}(?:{sfx['poi']})(?!(?<=城)[市镇乡])"
               rf"|{_name(1, 6, first=first)}[0-9]{{1,4}}(?:广场|大厦|中心|公寓|花园|小区|城)",
        # After a number or an estate only (see _VENUE_AFTER): a shop or school, a place
        # named without a suffix before its floor (文三路6606号颐高数码44楼), a wing (西座, 北楼).
        "venue": rf"{_name(2, 10, first=first)}(?:{sfx['venue']})"
                 rf"|{_name(2, 8, '?', first)}(?=(?:[0-9]{{1,3}}|[一二三四五六七八九十]{{1,3}})(?:楼|层)(?![0-9]))"
                 r"|[东西南北前后主裙副](?:栋|座|楼)",
        # An estate or building without a telling suffix, right before a building number
        # (望京SOHO4栋).
        # … or before a building-room number written with dashes (阳光新干线12-4-1429, not 申花4-2).
        # A building numbered in words counts before a room (太古汇一座2801; 一座 alone is prose).
        # … or before its phase and building (龙湖观山水2期9栋).
        "poi_bare": rf"{_name(2, 10, '?', first)}(?=(?:[0-9]{{1,4}}|[A-Za-z])(?:栋|幢|号楼|座|单元|区(?!域))"
                    r"|[0-9]{1,2}期[0-9A-Za-z]{1,4}(?:栋|幢|号楼|座|单元)"
                    r"|[一二三四五六七八九十](?:栋|幢|号楼|座)[0-9]{3,5}(?![0-9])"
                    r"|[0-9]{1,4}(?:-[0-9]{1,4})?-[0-9]{3,5}(?![0-9]))",
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
_POI_RE = re.compile(_KINDS["poi"])
_POI_LAST = frozenset(w[-1] for w in _SUFFIXES["poi"].split())
_POI_LONG = frozenset(w for w in _SUFFIXES["poi"].split() if len(w) == 2) - {"中心"}
# Only numbered kinds can start with an ASCII character; names start with anything else.
# An estate may open with a Latin name (SOHO现代城, K11购物艺术中心), a word, not a mark.
_ASCII_POI = "[A-Za-z][A-Za-z0-9]{1,9}[\u4e00-\u9fff]{0,6}(?:" + "|".join(_SUFFIXES["poi"].split()) + ")"
_LOWER_ASCII = _all_kinds(dict(_KINDS, poi=_ASCII_POI), ("num", "room", "poi", "poi_bare"))
_LOWER_OTHER = _all_kinds(_KINDS, tuple(k for k in _ORDER if k not in ("room", "venue")))
# After a first part the name may start with 于/将/为 too (…滨海新区于家堡街道): the
# stricter first character only keeps a chain from starting at a preposition.
_LOWER_NEXT = _all_kinds(_kinds(_NAME_NEXT), tuple(k for k in _ORDER if k not in ("room", "venue")))
_LOWER_VENUE = _all_kinds(_kinds(_NAME_NEXT), tuple(k for k in _ORDER if k != "room"))
# A shop or school continues an address after a number or an estate (…88号沃尔玛超市);
# after a city it is an organisation (北京市第四中学), after a road often the clause.
_VENUE_AFTER = frozenset(("num", "room", "poi", "poi_bare"))


_SPLIT_KINDS = frozenset(("poi", "village", "zone"))


def _lower_match(text: str, pos: int, limit: int, first: bool = True, split: bool = True,
                 venue: bool = False) -> tuple[str, int] | None:
    """The longest lower-level component starting at ``pos``: (kind, end).

    ``first``: the component would begin the chain (its first character may not be a
    preposition such as 于 or 为). ``venue``: a shop or school may be read (see
    ``_VENUE_AFTER``).

    An estate, village or zone whose name holds a road ends at the road when a named
    place of its own follows it to the same end (民航路|体育中心, 丽园北路|天胜花鸟市场):
    the road is a component, not a part of the name (``split``: look for that).
    """
    if pos >= limit:
        return None
    rx, names = (_LOWER_ASCII if text[pos].isascii() else _LOWER_OTHER if first
                 else _LOWER_VENUE if venue else _LOWER_NEXT)
    m = rx.match(text, pos, limit)
    best = None
    best_end = pos
    for kind in names:
        end = m.end(kind)
        if end > best_end:
            best, best_end = kind, end
    if split and best in _SPLIT_KINDS and rx is not _LOWER_ASCII[0]:
        road = m.end("road")
        if pos < road < best_end - 2:
            rest = _lower_match(text, road, limit, False, False)
            if rest is not None and rest[1] >= best_end and text[road:rest[1]] not in _GENERIC:
                return "road", road
    elif split and best == "road" and best_end - pos >= 7:
        # … and a long road name that holds an estate ends at the estate when a road of
        # its own follows (珠江新城|花城大道, 望京新城|阜通东大街).
        for cut in range(pos + 3, best_end - 3):
            if text[cut - 1] in _POI_LAST and _POI_RE.fullmatch(text, pos, cut):
                rest = _lower_match(text, cut, limit, False, False)
                if rest is not None and rest[0] == "road" and rest[1] >= best_end:
                    return "poi", cut
    return None if best is None else (best, best_end)


# Where an address must touch: a division suffix (checked against the gazetteer) or a
# numbered element.
_SEED = gated(
    rf"(?P<num>{_NUM}(?:号楼|号院|号|弄|栋|幢|座|楼|单元|组|室|区(?!域)))|(?P<div>街道|办事处|自治区|省|市|区|县|旗|州|盟|镇|乡)"
    r"|(?P<lone>大道|大街|步行街|路|街|巷|胡同|小区|花园|大厦|公寓|家园|新村|山庄|苑|村|广场|小镇|商务区|开发区|高新区|工业园区|工业区|产业园区|产业园|科技园|生产建设兵团)"
    r"|(?P<weak>古镇|大楼|校区|片区|别墅区|核心区)"
)
# Zone suffixes read weakly where a division's 区 seed finds no division (海淀新区, 北京|华嬉
# 数字文化产业功能区): tested at that seed rather than in _SEED, whose scan slows with
# every frequent first character (新, 生, 商, 管).
_ZONE_SEED = re.compile("(?:新|园|功能|示范|商业街|购物|生活|管理|试验|保税|自贸)区$")
_ZONE_PENULTIMATE = frozenset("新园能范街物活理验税贸")
# Zones that the gazetteer holds as divisions of one city (宁波|保税区) but that many cities
# name (外高桥保税区): after a name's character, the zone's name reads on.
_ZONE_DIVISIONS = frozenset(("保税区",))
# A road, estate or village may stand alone (住在工业路, 在瑞旗家园), with a low score.
# Its name is read backwards from the suffix, at most this many characters, and stops
# at these characters too (verbs and prepositions that precede place words).
_LONE_MAX = 5
# Property developers whose brand opens an estate's name (龙湖天街公寓, 绿地中央广场, 万科城市花园):
# the brand belongs to the name although it may end in a stop character (地) or read as a
# personal name (龙湖, 万科城).
_DEVELOPERS = frozenset(
    "万科 龙湖 保利 恒大 碧桂园 绿地 华润 融创 万达 中海 招商 金地 世茂 富力 雅居乐 远洋 旭辉 金科 阳光城 蓝光 "
    "建业 荣盛 首开 绿城 融信 正荣 中梁 龙光 佳兆业 合景 中骏 宝龙 禹洲 华夏幸福 鲁能 泰禾 华侨城 金茂 奥园 "
    "星河湾 仁恒 复地 首创 北辰 中建 中铁 中冶 越秀 招商蛇口".split()
)
_DEVELOPER_FIRST = frozenset(d[0] for d in _DEVELOPERS)


def _developer_start(text: str, b: int, covered: int) -> int:
    """``b`` moved back over a developer's brand that ends there after a clear edge."""
    for k in (4, 3, 2):
        a = b - k
        if a >= covered and text[a:b] in _DEVELOPERS and (
                a == 0 or text[a - 1] in _LONE_STOP or not "\u4e00" <= text[a - 1] <= "\u9fff"):
            return a
    return b


def _developer_at(text: str, b: int) -> bool:
    """Whether a developer's brand begins at ``b``."""
    return text[b:b + 1] in _DEVELOPER_FIRST and any(text.startswith(d, b) for d in _DEVELOPERS)


_ZONES = frozenset("商务区 开发区 高新区 工业园区 工业区 产业园区 产业园 科技园".split())
_LONE_STOP = frozenset(
    " \t\n\r0123456789，。、；：:,;!！?？\"'“”‘’（）()[]【】<>《》{}|/\\=@#&*+~`^…·"
    "我你他她它们在住于於到往从寄送是的了与及或把被给由为址请将电话手机号码姓名收"
    "着沿过经近临靠向走来去上下里地得个条种这那该此其每各某前后有对至起叫"
) - frozenset(_LABEL_INNER)
# Stop characters that also begin place names (上地, 下沙, 前门, 后海, 地王): one of them
# opens a lone name when a stop precedes it, unless with the next character it makes a
# locative (上面, 前方, 地下).
_POSITION_INITIALS = frozenset("上下前后地")
_LOCATIVE_TAILS = frozenset("面边方头上下前后里内外")
_SUFFIX_WORDS = frozenset(
    "路线 路径 路程 路过 路面 路况 路费 路人 路灯 路由 路透 路牌 路标 路基 路演 路子 路数 街头 街拍 街舞 街坊 "
    "街景 街区 街机 村落 村民 村庄 村委 村干 村级 村官 村长 村镇 巷战 苑囿 场景 场面 场合 场所 场地 镇长 乡长 "
    "镇压 镇守 镇定 镇静 镇痛 镇住 镇魂 镇江 乡村 乡镇 乡企 乡亲 乡土 乡下 乡间 乡愁 乡音 乡情 乡里 乡民 乡邻 乡绅".split()
)
# Road-like words that are not street names.
_GENERIC = frozenset(
    "公路 马路 道路 铁路 线路 网路 思路 出路 一路 半路 走路 上路 电路 水路 套路 门路 销路 迷路 "
    "原路 弯路 歧路 归路 退路 老路 后路 活路 生路 死路 去路 来路 岔路 邪路 正路 末路 绝路 隔壁村 "
    "逛街 上街 满街 沿街 临街 当街 大街 小巷 农村 乡村 山村 渔村 本村 全村 该村 新村 小区 园区 "
    "同小区 本小区 该小区 全小区 各小区 此小区 老小区 "
    "花园 公寓 大厦 家园 山庄 老街 古街 商业街 步行街 高速公路 大道 胡同 城中村 街道 广场 小镇 "
    "会场 市场 现场 商场 机场 球场 战场 考场 农场 剧场 官场 赛场 登场 出场 立场 "
    "家乡 故乡 老乡 下乡 城乡 回乡 思乡 他乡 异乡 水乡 梦乡 同乡 返乡 离乡 还乡 外乡 本乡 全乡 该乡 "
    "城镇 乡镇 重镇 坐镇 冰镇 古镇 市镇 集镇 村镇 全镇 本镇 该镇 名镇 强镇 大镇 雄镇 边镇 之乡 之镇 之路 下坡路 上坡路 老工业区 重工业区 轻工业区".split()
)
# Divisions whose names are ordinary words (阳泉市郊区, a township named 街道): alone,
# they are the word (在郊区, 一些街道, 城区地价).
_GENERIC_DIVISIONS = frozenset("街道 郊区 城区 矿区 市中区 开发区 高新区 东区 西区".split())
# Verbs whose object 村 is (确保驻村, 毅然回村, 挨村挨户): the 村 is no village's suffix
# (进 is left out: 前进村 is a common name).
_VILLAGE_VERBS = frozenset("驻回入离返挨")
# A unit after a number that a lone name's backward read began with (2010年|中山路,
# 40-50-70平米|公寓).
_UNIT_AFTER_NUMBER = re.compile("平方米|平方|平米|公里|千米|米|年|月|日|元|万|亿")
# A town's suffix followed by these continues a longer name (新乡市, 东乡县, 乡镇).
_TOWN_NOT_AFTER = frozenset("县市区镇乡村")
_NOT_VILLAGE_NAMES = frozenset("回进出离返入驻包整全本该邻外同别两三几多各每此原老小大古新旧东西南北中一二四五六七八九十乡山渔农")
# Words ending in 路 that name no road (上海市集成电路).
_NOT_ROADS = frozenset("电路 线路 网路 思路 套路 销路 迷路 走路 短路".split())
_DIGIT_RUN = re.compile(r"[0-9]+(?:-[0-9]+)*")
_MOBILE_TAIL = re.compile(r"1[3-9][0-9]{9}")
_LEVEL_OF_KIND = {"town": TOWN, "zone": TOWN + 1, "village": TOWN + 1, "road": TOWN + 2,
                  "poi": TOWN + 3, "poi_bare": TOWN + 3, "venue": TOWN + 3, "num": TOWN + 4, "room": TOWN + 5}
_MAX_ADDRESS = 120  # characters: longer chains are cut, keeping work bounded
_MAX_PARTS = 16


class _Part:
    """One address component: its span, kind (div, road, num, …) and gazetteer entry."""

    __slots__ = ("start", "end", "kind", "division")

    def __init__(self, start: int, end: int, kind: str, division: Division | None = None) -> None:
        self.start, self.end, self.kind, self.division = start, end, kind, division


def _former_suffix_ok(text: str, at: int) -> bool:
    """The 市 or 县 at ``at`` may end a district's former name: it begins no word with
    the next character (市场, 县城) and ends none with the one before (城市, 都市)."""
    common = load_common_words()
    return text[at:at + 2] not in common and text[at - 1:at + 1] not in common


def _division_at(text: str, pos: int, gaz, full_only: bool = False) -> tuple[int, list[Division], bool] | None:
    """Longest gazetteer name starting at ``pos``: (end, divisions, is_full)."""
    best = None
    if pos >= len(text):
        return None
    full, short = gaz.full, gaz.short
    for k in gaz.lengths_from_two.get(text[pos:pos + 2], ()):
        s = text[pos:pos + k]
        if len(s) < k:
            continue
        d = full.get(s)
        if d:
            return pos + k, d, True
        if best is None and not full_only and k <= 4:
            d = short.get(s)
            if d:
                best = (pos + k, d, False)
    if best is not None:
        end = best[0]
        if end < len(text) and text[end] in "市县" and _former_suffix_ok(text, end):
            # A district under the county or county-level city it was before (奉化市, now
            # 奉化区; 萧山市, now 萧山区): old records keep those names. Not 市场, 县城.
            former = [d for d in best[1] if d.level == DISTRICT]
            if former:
                return end + 1, former, True
    return best


def _pick(divs: list[Division], province: str | None, city: str | None) -> Division:
    """Choose among same-named divisions the one consistent with what came before."""
    for d in divs:
        if (province is None or d.province == province) and (city is None or d.city in (None, city)):
            return d
    return divs[0]


# After a road: the corner of a crossing (…路口, 与农业路交叉口东北角, 交界处北962米).
_CROSS_TAIL = re.compile(r"(?:交叉路口|交叉口|交叉处|交汇处|交界处|交口|路口|口(?![腔岸味号才红罩袋子气音碑径]))"
                         r"(?:[东南西北]{1,2}(?:角|侧|面|方向)?(?:约?[0-9]{1,4}(?:米|公里))?)?")


def _crossing_end(text: str, pos: int, limit: int) -> int:
    """Where a crossing read after a road ends (``pos``: none): 与 and a second road
    (花园路|与农业路), then the corner (交叉口东北角), or the corner alone (桃园路|口)."""
    e = pos
    if text[pos:pos + 1] in ("与", "和"):
        second = _lower_match(text, pos + 1, limit, False)
        if second is None or second[0] != "road":
            return pos
        e = second[1]
    tail = _CROSS_TAIL.match(text, e, limit)
    return tail.end() if tail else e


def _parse(text: str, pos: int, gaz, first_end: int | None = None) -> list[_Part]:
    """Read address components forward from ``pos``.

    ``first_end``: the first component must end there (at a seed's suffix: 汀河乡|裕后村,
    not the longer name 汀河乡裕后村); no chain when it cannot.
    """
    parts: list[_Part] = []
    province = city = None
    level = 0
    limit = min(len(text), pos + _MAX_ADDRESS)
    while pos < limit and len(parts) < _MAX_PARTS:
        start = pos
        if parts and text[pos] in " -" and pos + 1 < limit:
            pos += 1  # components may stand apart by a space or a dash
        if parts and parts[-1].kind in ("num", "room") and text[pos - 1:pos + 1] in _UNIT_WORDS:
            break  # a unit's character begins a word of the clause (88号院|子里, 301室|内)
        if first_end is None and parts[-1:] and parts[-1].kind == "road" and pos < limit:
            cross = _crossing_end(text, pos, limit)
            if cross > pos:
                parts[-1] = _Part(parts[-1].start, cross, "road")
                pos = cross
                continue
        if (parts and text[pos] == "和" and text[pos:pos + 2] not in load_words()
                and _division_at(text, pos, gaz) is None):
            # Two places joined (和义街道|和大红门街道): the second is no part of the first's
            # address. 和 that makes a word with the next character begins a name (…镇和平村).
            pos = start
            break
        cand: _Part | None = None
        last = False  # the component ends the address
        lim = limit if first_end is None else first_end
        div = _division_at(text, pos, gaz) if level < TOWN + 1 else None
        if first_end is not None and div is not None and div[0] > lim:
            div = None
        low = None
        read_low = True  # the lower component is read only when it can matter
        venue = bool(parts) and parts[-1].kind in _VENUE_AFTER
        if div is None or not div[2]:
            low = _low_at(text, pos, lim, not parts, venue)
            read_low = False
        if div is not None:
            end, divs, full = div
            d = _pick(divs, province, city)
            # A generic component that reads further wins over a short division name
            # (和平路 is a road, not 和平区 + 路).
            if full or low is None or low[1] <= end or _division_at(text, end, gaz) is not None:
                repeat = bool(parts) and parts[-1].division is not None and parts[-1].division.name == d.name
                if d.level > level or (d.level == level == TOWN) or repeat:
                    if text[end - 1] == "道" and text.startswith("办事处", end) and text[end - 2] == "街":
                        end += 3  # the subdistrict's office is where it sits (临平街道办事处)
                    cand = _Part(pos, end, "div", d)
        if cand is None and read_low:
            low = _low_at(text, pos, lim, not parts, venue)
        if cand is None and low is not None:
            kind, low_end = low
            lv = _LEVEL_OF_KIND[kind]
            # A room after a wing counts (嘉里中心北楼|2301).
            if kind == "room" and (not parts or parts[-1].kind not in ("num", "poi", "poi_bare", "road", "venue")):
                lv = -1
            if kind in ("poi", "venue") and parts and _PROSE_RE.match(text, pos):
                lv = -1  # prose after the address (23号|那家螺蛳粉店, 12号|开鞋店, 58号|附近有个菜市场)
            after_number = bool(parts) and parts[-1].kind in ("num", "room")
            if text[pos:low_end] in _GENERIC and (kind == "village" or kind == "road" and (
                    text[low_end - 1] == "路" or after_number and text[pos:low_end] not in ("大街", "大道"))):
                # …杨桥镇|农村, 237号|高速公路, 168号|临街旺铺: a word, not a named place (2号大街 is one)
                lv = -1
            if (kind == "num" and text[low_end - 2:low_end] == "号楼" and text[low_end:low_end + 1] in _AFTER_STOREY
                    and parts and (parts[-1].kind == "road" or text[parts[-1].end - 1] in "巷弄")):
                # 建国路88号|楼下 (downstairs), 181巷12号|楼下, 88号|楼道里: the word is the
                # clause's, and the address ends; an estate's building keeps its own (小区3号楼下).
                low_end -= 1
                last = True
            if (kind not in ("num", "room") and pos > start and text[start] == " "
                    and text[low_end - 1:low_end + 1] in load_common_words()):
                lv = -1  # a field label after a space, its suffix inside a word (168号 毕业院|校)
            if (kind == "num" and low_end - pos == 2 and text[pos] in "东西南北中"
                    and not (parts and parts[-1].kind in ("poi", "poi_bare"))):
                lv = -1  # 东区 alone is a word (清华大学东区); after an estate it is its part
            if kind == "poi_bare" and _clause_name(text, pos, low_end):
                lv = -1  # a verb or a time before a lone building (确认|5号楼, 送件至|B座, 近日|7栋)
            if kind == "road" and text[low_end - 1] == "门" and low_end - pos < 3:
                lv = -1  # a compound's gate (南门1号入口), not a street named after a gate (南院门15号)
            # Below the town level the order is free (88号东方大厦5楼, 东方大厦88号).
            if lv >= 0 and (lv > TOWN or lv >= level):
                cand = _Part(pos, low_end, kind)
                level = max(level, min(lv, TOWN + 1))
        if cand is None:
            pos = start
            break
        if first_end is not None:
            if cand.end != first_end:
                return []
            first_end = None
        if cand.division is not None:
            d = cand.division
            level = d.level
            province = d.province
            city = d.city or city
        parts.append(cand)
        pos = cand.end
        if last:
            break
    return parts


# Verbs of delivering, visiting and moving in, rarer than clause_words.txt keeps, that
# come right before an address (到访|阳光花园, 核实|9栋2单元, 已搬进|阳光花园).
_ADDRESS_VERBS = frozenset(
    "到访 拜访 造访 探访 核实 核对 派送 配送 投递 寄送 送往 寄往 发往 运往 送至 寄至 发至 入住 住进 搬进 搬到 搬至 迁至 "
    "迁往 落户 签收 代收 自提 取件 送货 送餐 送件 上门".split()
)
_CLAUSE: frozenset[str] | None = None


def _clause_words() -> frozenset[str]:
    """:func:`load_clause_words` and the verbs of :data:`_ADDRESS_VERBS`."""
    global _CLAUSE
    if _CLAUSE is None:
        _CLAUSE = load_clause_words() | _ADDRESS_VERBS
    return _CLAUSE


# Words of time that open a clause, not a place's name (近日|7栋2单元, 目前|3号楼).
_TIME_WORDS = frozenset(
    "近日 今日 昨日 明日 日前 目前 今天 昨天 明天 后天 前天 现在 刚才 当时 此前 之前 之后 以后 以前 最近 近期 "
    "今年 去年 明年 上午 下午 晚上 早上 中午 凌晨 傍晚 今晚 昨晚 明早 周末 平时".split()
)


def _clause_name(text: str, start: int, end: int) -> bool:
    """The bare name before a building's number at ``start:end`` is made of verbs,
    prepositions, adverbs and times that open the clause (确认|5号楼, 近日|7栋, 今天下午|3号楼),
    with at most one character left, or ends in 至 after a verb (送件至|B座1703, 寄至|9栋)."""
    if text[end - 1] == "至":
        return True
    clause = _clause_words()
    k = start
    while end - k >= 2 and (text[k:k + 2] in clause or text[k:k + 2] in _TIME_WORDS):
        k += 2
    return k > start and end - k < 2


# Words that the unit ending a number begins: the address ends there.
_UNIT_WORDS = frozenset("院子 院里 院落 室内 室外 楼下 楼上 楼顶 楼道 楼梯 楼前 楼后 楼房 楼盘".split())
# Words that 楼 begins after a house number (88号|楼下, 楼顶, 楼道, 楼梯口, 楼盘).
_AFTER_STOREY = frozenset("下上顶前后旁道梯房盘宇内外里")


def _low_at(text: str, pos: int, limit: int, first: bool, venue: bool = False) -> tuple[str, int] | None:
    """:func:`_lower_match` within a glued mobile number's limit, and no road that is
    a word (电路, 思路)."""
    if pos < len(text) and "0" <= text[pos] <= "9":
        limit = _digit_limit(text, pos, limit)
    low = _lower_match(text, pos, limit, first, venue=venue)
    if low is not None and low[0] == "road" and text[low[1] - 2:low[1]] in _NOT_ROADS:
        return None
    return low


def _digit_limit(text: str, pos: int, limit: int) -> int:
    """Stop a room number where a glued mobile number begins (…15栋250313579935616)."""
    # A run whose last part holds more than 11 digits reaches pos + 11 (a digit or a
    # dash there): most numbers (88号, 3栋) are ruled out without a regex call.
    if pos + 11 < len(text) and "0" <= text[pos] <= "9" and text[pos + 11] in "0123456789-":
        m = _DIGIT_RUN.match(text, pos)
        last = m.group().rsplit("-", 1)[-1]
        if len(last) > 11 and _MOBILE_TAIL.fullmatch(last, len(last) - 11):
            return min(limit, m.end() - 11)
    return limit


# A building numbered in digits or letters (9号楼, 3栋, A座: 一座 and 三栋 are counted
# things), and what can only lie inside one: a unit or a room (1单元, 501室, 501).
_BUILDING = re.compile(r"[A-Za-z0-9-]+(?:号楼|栋|幢|座)")
_INSIDE = re.compile(r"[0-9]+(?:单元|室|号)|[0-9-]+")


# What follows a building's number in an address: its floor or rooms, a side, a clause.
_AFTER_BUILDING = frozenset("楼层单门室号前后旁对里内外附下上东西南北中左右的和、与及")
_BUILDING_COUNT = re.compile("[0-9一二三四五六七八九十两]{1,3}[座栋幢]")
_COUNTED_AREAS = re.compile("[一二三四五六七八九十两]区")


def _is_address(text: str, parts: list[_Part]) -> bool:
    """A chain of two or more parts that says more than a city (see the module docstring)."""
    if len(parts) < 2:
        return False
    kinds = [p.kind for p in parts]
    if kinds[-1] == "num" and kinds[-2] == "div" and _COUNTED_AREAS.fullmatch(text, parts[-1].start, parts[-1].end):
        return False  # districts counted after a place (椒江三区, 城南五区), no sub-area
    if kinds == ["div", "zone"] and text.startswith("兵团", parts[1].end - 2):
        return False  # the same, after its province (新疆|生产建设兵团); its 师, 团 and 连 are places
    if (kinds[-2:] == ["poi_bare", "num"] and _BUILDING_COUNT.fullmatch(text, parts[-1].start, parts[-1].end)
            and "\u4e00" <= text[parts[-1].end:parts[-1].end + 1] <= "\u9fff"
            and text[parts[-1].end] not in _AFTER_BUILDING):
        return False  # a count of buildings before what they are (博物馆有7座建筑, 建起6座水厂)
    if kinds[0] == "num" and kinds[1] not in ("num", "room") and _BUILDING_COUNT.fullmatch(text, parts[0].start, parts[0].end):
        return False  # buildings counted before a name (建成16座|全优隧道): a building comes after its road
    if all(k == "div" for k in kinds):
        last = parts[-1].division
        # Divisions only: an address when it reaches county level by a full name.
        return last is not None and last.level >= DISTRICT and parts[-1].end - parts[-1].start > len(last.name) - 1
    if all(k in ("num", "room") for k in kinds):
        # Numbers alone: a building, then a unit or room in it (9号楼1单元13楼166号).
        # Floors are left out, being counted too (5栋3层楼房).
        for i in range(len(parts) - 1):
            if _BUILDING.fullmatch(text, parts[i].start, parts[i].end):
                return any(_INSIDE.fullmatch(text, p.start, p.end) for p in parts[i + 1:])
        return False
    if kinds.count("num") + kinds.count("room") == 0 and "div" not in kinds and "town" not in kinds:
        # 马路 + 花园 style chains without a number or a division are too weak.
        return False
    return True


_IDIOM_NOT_FIRST = frozenset("东西南北中前后上下")


def _in_idiom(text: str, start: int, end: int, covered: int) -> bool:
    """The suffix at ``start:end`` ends or stands inside a four-character word (轻车熟路,
    走街串巷, 大街小巷, 狭路相逢, 万人空巷): an idiom, no place. Not a street of that form
    named by its direction or a division (东长安街, 西交民巷, 前门大街, 西藏天路)."""
    if text[start:end] in _ZONES:
        return False  # a zone's suffix is a word itself (苏州|工业园区)
    words = load_words()
    for a in range(max(covered, end - 4), min(start, end - 1) + 1):
        w = text[a:a + 4]
        if len(w) == 4 and w in words and w[0] not in _IDIOM_NOT_FIRST and w[:2] not in get_gazetteer().short:
            return True
    return False


_ROAD_SUFFIXES = frozenset("大道 大街 步行街 路 街 巷 胡同".split())
_SECTION_CHARS = frozenset("东西南北中一二三四五六七八九十")
_DIVISION_ENDS = frozenset("省市区县旗州盟")


def _after_clause(text: str, b: int, start: int, covered: int) -> int | None:
    """Where a lone name read back to ``b`` begins once the clause before it is left out:
    after a verb, preposition, conjunction or adverb (``clause_words.txt``) that opens it
    or that the read cut in two (安排|艾尔利小镇, 媲美|丹绒亚路, 独家发布|张路, 或者|西班牙广场);
    None when one character that is no direction or numeral is left (不妨顺路, 确保驻村:
    a verb and its object). A name made only of the word stays (为民路, 开发一路)."""
    if any(c in _DIVISION_ENDS for c in text[b:start]):
        return b  # the read holds a division's suffix (…自治县解放东路): the chain decides
    clause = _clause_words()
    if (b > covered and "\u4e00" <= text[b - 1] <= "\u9fff" and text[b - 1:b + 1] in clause
            and text[b:b + 2] not in load_words()):
        # The read stopped inside the word, at its limit or at a stop that begins it
        # (或|者西班牙广场, 其|实广渠路, 到|达金融街), where the name's first character makes
        # no word with the next (住在|建国北路: 在建 is a word, but so is 建国).
        b += 1
    for _ in range(2):  # 独家|发布|张路
        if start - b < 3 or text[b:b + 2] not in clause:
            break
        rest = text[b + 2:start]
        if all(c in _SECTION_CHARS for c in rest):
            break  # 开发一路, 为民东路
        if len(rest) < 2:
            return None
        b += 2
    return b


def _lone_start(text: str, start: int, end: int, covered: int) -> int | None:
    """Start of the name before a lone road/estate/village suffix at ``start``, or None."""
    b = start
    # Zone names run longer (濮阳经济技术开发区).
    most = 8 if text[start:end] in _ZONES else _LONE_MAX
    while b > covered and start - b < most and "\u4e00" <= text[b - 1] <= "\u9fff" and (
            text[b - 1] not in _LONE_STOP or _stop_inside(text, b, covered)):
        if text[b - 1] == "和" and _named_after_and(text, b, start):
            break  # a conjunction before a name of its own (顾村和|浦东曹路), not 和平(东)路
        b -= 1
    for _ in range(2):  # 于|上地五街
        if (b > covered and text[b - 1] in _POSITION_INITIALS and text[b:b + 1] not in _LOCATIVE_TAILS
                and (b - 1 == covered or text[b - 2] in _LONE_STOP or not "\u4e00" <= text[b - 2] <= "\u9fff")):
            b -= 1  # 沿|上南路, 的|地王广场: a position word begins the name after a stop
    while b < start and text[b] in _LABEL_INNER:
        b += 1  # 姓名|蓝桥名苑: a label's character may not begin the name
    b = _developer_start(text, b, covered)
    if b < start and b > 0 and text[b - 1].isdigit():
        unit = _UNIT_AFTER_NUMBER.match(text, b, start)
        if unit is not None:
            b = unit.end()  # a date's or a measure's unit the walk began with (2010年|中山路, 70平米|公寓)
    if b < start and text[b] == "线" and text[b - 1:b] == "号":
        b += 1  # a metro line's (地铁8号线|耀华路站)
    if text[start - 1:start] == "几" or text[start:end] == "村" and text[start - 1:start] in _VILLAGE_VERBS:
        return None  # a count of bus lines (好几路), a verb and its object (确保驻村, 毅然回村)
    if _in_idiom(text, start, end, covered):
        return None
    b = _after_former(text, b, start)
    if start - b >= 3:
        b = _after_clause(text, b, start, covered)
        if b is None:
            return None
    elif start - b == 2 and text[b:start] in _clause_words() and text[start:end] not in _ROAD_SUFFIXES:
        return None  # a verb before an estate's generic word (直达小区, 关注家园); roads keep theirs (为民路)
    if b == start:
        while b > covered and text[b - 1].isascii() and text[b - 1].isalnum() and start - b < 20:
            b -= 1  # a Latin street name (RuadoCunha步行街) or estate with a number in it (q1大厦, K11广场)
        while b < start and not text[b].isalpha():
            b += 1  # … which opens with a letter (not 3|大厦)
    # A one-character village (宏村) after a stop, its character no word of place or number
    # (回村, 邻村, 三村).
    short_ok = (start - b == 1 and text[start:end] == "村" and text[b] not in _NOT_VILLAGE_NAMES
                and (b == 0 or not "\u4e00" <= text[b - 1] <= "\u9fff" or text[b - 1] in _LONE_STOP))
    # 一路 is a generic word (一路上), but not after a numeral (五一路, 八一路).
    # 水路 (a waterway) ends many road names (金水路, 汉水路): after a name it is no word.
    tail_generic = text[start - 1:end] in _GENERIC and not (
        text[start - 1] == "一" and start - 2 >= b and text[start - 2] in _NUMERALS
        or text[start - 1:end] == "水路" and start - 2 >= b)
    if (start - b < 2 and not short_ok) or tail_generic or text[b:end] in _GENERIC:
        return None
    return b


def _after_former(text: str, b: int, start: int) -> int:
    """Where a lone name read back to ``b`` begins after 原 (former) that opens it: 原 makes
    no word with the character before it nor with the one after (他家原|滨河路, 原|解放路;
    太原供电局, 原野),
    and a name of two characters besides a section or direction is left (中原东路, 太原路,
    原野路 keep theirs)."""
    k = text.find("原", b, start - 2)
    if k < 0 or all(c in _SECTION_CHARS for c in text[k + 1:start]) or k == b and start - b >= _LONE_MAX:
        return b  # … nor one that the read's limit cut (白鹿|原民俗文化村)
    words = load_words()
    if k > 0 and text[k - 1:k + 1] in words or text[k:k + 2] in words:
        return b
    return k + 1


# Adverbs and particles of verse and classical prose, which no place name holds.
_VERSE_CHARS = frozenset("又也皆莫岂矣哉兮乎无不未非已曾欲")


def _verse_after(text: str, b: int, suffix: int, covered: int) -> int | None:
    """Where a name can begin when the read back from a suffix at ``suffix`` stopped at its
    length limit at ``b``: after a four-character word across the cut (中国农业银行|亚运村,
    摇摇欲坠|华尔街) and after an adverb or particle of verse (柳暗花明又|一村, 山重水复疑无|路,
    也包括|永丰科技园区: a clause, whose place, if any, follows it); None for neither."""
    after = b
    words = load_words()
    for k in range(max(covered, b - 3), b):
        if text[k:k + 4] in words:
            after = k + 4
            break
    for k in range(suffix - 1, after - 1, -1):
        if text[k] in _VERSE_CHARS:
            after = k + 1
            break
    return None if after == b else after


def _named_before(text: str, lone: int, ms: int, me: int, covered: int, gaz) -> int | None:
    """Where a named place begins before a lone suffix whose name the walk back cut at its
    length limit (珠|江新城花城大道 is 珠江新城 + 花城大道), or None.

    Up to three characters earlier and after a clear edge, the chain read from there must
    open with an estate whose suffix has two characters (新城, 花园, 广场 …) and that ends
    before the seed's name, then reach the seed's suffix.
    """
    for k in range(max(covered, lone - 3), lone):
        if text[k] in _LONE_STOP or not (k == 0 or text[k - 1] in _LONE_STOP or not "\u4e00" <= text[k - 1] <= "\u9fff"):
            continue
        parts = _parse(text, k, gaz)
        if (len(parts) >= 2 and parts[0].kind == "poi" and text[parts[0].end - 2:parts[0].end] in _POI_LONG
                and parts[0].end - k >= 4 and parts[0].end <= ms - 2 and parts[1].end >= me):
            return k
    return None


def _named_after_and(text: str, b: int, start: int) -> bool:
    """The name between 和 at ``b - 1`` and a suffix at ``start`` has two characters
    besides a section or direction (浦东曹|路, 五角|大楼; 和平东路 is one name), and 和
    makes no word with the character after it (和平里东街, 和田北路: 和 is the name's) unless
    that character makes one with the next (我和|平安里)."""
    k = start - 1 if start - 1 >= b and text[start - 1] in "东西南北中一二三四五六七八九十" else start
    if k - b < 2:
        return False
    words = load_words()
    return text[b - 1:b + 1] not in words or text[b:b + 2] in words


_NUMERALS = frozenset("一二三四五六七八九十")
# Characters that make 里 a distance (几里, 多里, 数十里, 30多里).
_MEASURE = frozenset("几多数余百千万十")
# Words that begin with a stop character but occur inside estate names (金泰地产大厦).
_STOP_WORDS_INSIDE = frozenset("地产 地铁 经济".split())


def _stop_inside(text: str, b: int, covered: int) -> bool:
    """The stop character before ``b`` belongs to the name read backwards from a suffix.

    里 inside a name (长里村, 十里河路) follows a character that is no stop itself and
    makes no common word with it (这里, 心里, 城里 stay stops); 经 and 纬 before a numeral
    begin a grid road's name (经三路, 纬五路).
    """
    c = text[b - 1]
    if c == "里":
        p = text[b - 2] if b - 2 >= covered else ""
        if not "\u4e00" <= p <= "\u9fff" or p in _LONE_STOP or p in "几多数余":
            return False
        if p in _NUMERALS:
            # 十里河 is a name, (几)十里山路 a distance.
            return b - 3 < covered or text[b - 3] not in _MEASURE and text[b - 3] not in _NUMERALS and not text[b - 3].isdigit()
        return p + c not in load_common_words()
    if text[b - 1:b + 1] in _STOP_WORDS_INSIDE:
        return True
    return c in "经纬" and text[b:b + 1] in _NUMERALS


def _weak_start(text: str, start: int, end: int, covered: int, gaz) -> int | None:
    """Start of the name before a weak suffix at ``start`` (镇 or 乡 of a town the gazetteer
    lacks: 饶丰乡, 勿角藏族乡; 古镇, 大楼), or None.

    Stricter than a lone road: the name has 2 to 4 characters and something that ends a
    word before it (在, 的, a comma, the text's start), so a clause is never read as a name
    (只好离开白湖乡); it is not a city's short name (景德镇) nor one common word (部分乡,
    办公大楼); and the suffix is not part of a longer word (乡镇, 乡村, 新乡市).
    """
    if text[end - 1:end + 1] in _SUFFIX_WORDS or text[end:end + 1] in _TOWN_NOT_AFTER:
        return None
    b = start
    while b > covered and start - b < 5 and "\u4e00" <= text[b - 1] <= "\u9fff" and (
            text[b - 1] not in _LONE_STOP or _stop_inside(text, b, covered)):
        if text[b - 1] == "和" and _named_after_and(text, b, start):
            break  # 白宫和|五角大楼
        b -= 1
    if b < start and text[b] in "年月日" and b > 0 and text[b - 1].isdigit():
        b += 1  # a date's unit the walk began with (2010年|中山路)
    if not 2 <= start - b <= 4 or (b > covered and "\u4e00" <= text[b - 1] <= "\u9fff" and text[b - 1] not in _LONE_STOP
                                   and text[b - 1] != "和"):
        return None
    if text[start - 1:end] in _GENERIC or any(text[k:end] in gaz.short for k in range(b, start)):
        return None
    common = load_common_words()
    if text[b:b + 2] in common:
        # A common word opens the clause, not the name: 制约|公明镇, 漫步|会安古镇; what
        # is left must not be one either (高新|技术园区).
        b += 2
        if start - b < 2 or text[b:start] in common:
            return None
    if text[start - 1] == "级":
        return None  # a rank, not a name (省级示范区)
    return b


def _longer_town(text: str, g: int, suffix: int, end: int, covered: int, gaz) -> int | None:
    """Start of a town's name that reads two characters or more further back than the
    gazetteer's town ending at ``end`` (察汗|乌苏镇: 乌苏镇 is a namesake in Heilongjiang),
    or None.

    The gazetteer's name has two characters before its suffix, name characters run on
    before it with no division ending there, and the whole name passes :func:`_weak_start`
    (2 to 4 characters after a stop, no common word opening it); the characters added make
    no word (美丽|乌苏镇 stays 乌苏镇).
    """
    if suffix - g < 2 or g <= covered or not "\u4e00" <= text[g - 1] <= "\u9fff" or text[g - 1] in _LONE_STOP:
        return None  # not after a one-character name (犹|马镇, a township named 街道)
    if not any(d.level == TOWN for d in gaz.full[text[g:end]]) or _left_extend(text, g, gaz, covered) < g:
        return None
    b = _weak_start(text, suffix, end, covered, gaz)
    if b is None or b > g - 2 or text[b:g] in load_words():
        return None
    return b


def _division_start(text: str, start: int, covered: int, gaz) -> int | None:
    """Start of a zone's name that opens with a division's name (北京|华嬉数字文化产业功能区,
    通州|新城运河核心区), read back at most 12 characters to a stop; or None.

    The name after the division has two characters or more and is no rank (浙江省|级示范区).
    """
    b = start
    while b > covered and start - b < 12 and text[b - 1] not in _LONE_STOP and "\u4e00" <= text[b - 1] <= "\u9fff":
        b -= 1
    for k in range(b, start - 2):
        d = _division_at(text, k, gaz)
        if d is not None and d[0] <= start - 2 and text[d[0]] != "级":
            return k
    return None


# Text right after a division that makes it an organisation (北京市政府, 海淀区民政局).
_ORG_AFTER = re.compile(
    r"(?:人民政府|政府|人民法院|法院|检察院|人大|政协|党委|委员会|公安|民政|财政|税务|教育|卫生|交通|住建|"
    r"统计|气象|环保|水利|市场监|文化|商务|发改|人社|司法|国土|规划|城管|消防|[局委厅办署院]"
    # … and a bureau or numbered school named after it (南山区科技创新局, 锦江区分局, 天河区第一中学).
    r"|[^\s\d，。、；：,;路街道号巷村镇楼]{0,4}?(?:分局|局)|第[一二三四五六七八九十0-9]{1,3}(?:中学|小学))"
)


_FIRMS = "集团|股份|有限公司|有限责任|公司|律师事务所|事务所"
_COMPANY_AFTER = re.compile(_NAME_REST + "{0,4}?(?:" + _FIRMS + ")")
_FIRM_AFTER = re.compile(_FIRMS)


def _authority_at(text: str, parts: list[_Part]) -> int:
    """The index of the named place after the divisions when it holds an authority,
    court, institute or bank branch named after its seat and no road or number follows
    (武汉市|中院开庭, 顺义区|支行告上法庭, 山东省|政府对农村, 湖北省|社科院), else 0."""
    first = next((i for i, p in enumerate(parts) if p.kind != "div"), 0)
    if (first and parts[first - 1].division is not None and parts[first - 1].division.level < TOWN
            and all(p.kind not in ("num", "room", "road") for p in parts[first:])
            and _AUTHORITY_IN.search(text, parts[first].start, parts[first].end)):
        return first
    return 0


def _is_org(text: str, parts: list[_Part], lone: bool = False) -> bool:
    """The chain names an authority, not a place to send post (武汉市政府, 泗水县文化市场).

    ``lone``: the chain is only named places (no number): then a place below the
    divisions is a company's name when a company follows (合肥百货大楼集团, 金华科技园有限
    公司); a division stays the company's seat (朝阳区某炒汇公司).
    """
    last = parts[-1]
    if lone and last.kind != "div" and _COMPANY_AFTER.match(text, last.end):
        return True
    if (last.kind == "div" or last.kind == "town" and len(parts) == 1) and _ORG_AFTER.match(text, last.end):
        # A township's government under a whole chain is where a rural address points
        # (…都安瑶族自治县安阳镇政府); a city's or a district's is an authority.
        town = last.kind == "town" or last.division is not None and last.division.level >= TOWN
        return not (town and len(parts) >= 3 and text.startswith(("政府", "人民政府"), last.end))
    if (last.kind == "poi" and len(parts) <= 2 and parts[0].kind == "div"
            and text[last.start:last.end].endswith(("政府", "中心", "市场"))):
        return True
    if last.kind in ("poi", "venue", "village", "zone") and all(p.kind == "div" for p in parts[:-1]):
        # Divisions and one authority or firm (北京市朝阳区人民法院, 上海市锦天城|律师事务所):
        # an organisation named after its seat.
        if text[last.start:last.end].endswith(_INSTITUTIONS) or _FIRM_AFTER.match(text, last.end):
            return True
    return False


# Authorities only: a hospital or school after a city is where parcels go in shipping
# addresses (永康市第一人民医院住院部53楼), as CCKS and CLUENER label it.
_AUTHORITY_IN = re.compile("政府|法院|中院|高院|检察院|社科院|研究院|设计院|支行|分行")
_INSTITUTIONS = ("法院", "检察院", "政府", "委员会", "社会科学院")


_LONE_BUILDING = re.compile(r"[A-Za-z]?[0-9]{1,5}(?:号楼|栋|幢|单元|室)")
_COUNT_AFTER = re.compile(r"[楼房厅盘户套间]|[0-9一二三四五六七八九两]")


def _is_lone(text: str, parts: list[_Part]) -> bool:
    """One road, estate, village or county-level-and-below division standing alone."""
    if len(parts) > 1:
        # Named places only (昌乐路文化市场, 五四广场奥帆中心): each must be a place on its own.
        return all(p.kind in ("road", "poi", "village", "zone") and _is_lone(text, [p]) for p in parts)
    p = parts[0]
    if p.kind in ("num", "room"):
        # A building, unit or room alone right after 在, 是 or 住 (具体是212号楼, 就在3单元):
        # not counted rooms (是3室2厅) nor other numbers (3号选手, 212号文件, 3号楼盘).
        return (p.start > 0 and text[p.start - 1] in "在是住" and _LONE_BUILDING.fullmatch(text, p.start, p.end) is not None
                and not _COUNT_AFTER.match(text, p.end))
    if p.kind == "div":
        return (p.division is not None and p.division.level >= DISTRICT and p.end - p.start == len(p.division.name)
                and p.division.name not in _GENERIC_DIVISIONS)
    if p.kind not in ("road", "village", "poi", "town", "zone") or p.end - p.start < 2:
        return False
    if text[p.start:p.end] in _GENERIC or text.startswith("兵团", p.end - 2):
        return False  # 兵团: the Corps named alone is an organisation
    # 路线, 路过, 村落: the suffix begins a word with the next character, so it is no suffix;
    # so does 路段 after 等 (东三环等路段: "and other sections"; 核心路段 keeps the road, as
    # CLUENER reads the place before it).
    return text[p.end - 1:p.end + 1] not in _SUFFIX_WORDS and text[p.end - 2:p.end + 1] != "等路段"


# Around a county, district or county-level city named alone, words that make it a region
# passed through or talked about, no place one lives or sends post to.
_PASSING = ("路过", "经过", "途经", "路经", "途径", "穿过")
_VAGUE_AFTER = ("那边", "这边", "那里", "这里", "那儿", "这儿", "那块", "这块", "一带", "周边")


def _vague_region(text: str, start: int, end: int) -> bool:
    """The county-level name at ``start:end``, standing alone, is a region and no address:
    the whole text (江山市, as 北京 alone is none), after a verb of passing (路过江山市) or
    before a word of vague place (周末滨江区那边有漫展)."""
    return (not text[:start].strip() and not text[end:].strip() or text.endswith(_PASSING, 0, start)
            or text.startswith(_VAGUE_AFTER, end))


def _cut_after_seed(parts: list[_Part]) -> list[_Part]:
    """A chain re-read with its first name ending at the seed keeps, after that name,
    only villages of two characters or more and numbers (汀河乡|裕后村, 王庄村|3组): what
    follows a name cut short is often the clause (王庄村|村民, 洞井乡|任乡党委)."""
    for k in range(1, len(parts)):
        p = parts[k]
        if not (p.kind in ("num", "room") or p.kind == "village" and p.end - p.start >= 3):
            return parts[:k]
    return parts


def _lone_prefix(text: str, parts: list[_Part], seed: int) -> list[_Part] | None:
    """The longest proper prefix of a chain that reaches past ``seed`` and is an
    address or stands alone."""
    for k in range(len(parts) - 1, 0, -1):
        if parts[k - 1].end <= seed:
            return None
        if _is_address(text, parts[:k]) or _is_lone(text, parts[:k]):
            return parts[:k]
    return None


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


# A room written first, in English, before a Chinese address (Room 1203, 深圳市…).
_ROOM_FIRST = re.compile(
    rf"(?<![A-Za-z])(?:(?:{_ROOM_WORDS}|Apt|APT)\.?)[ \t]*"
    r"[A-Za-z]?[0-9]{1,5}[A-Za-z]?[ \t]*[,，][ \t]*$"
)


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
    while True:
        before = _left_step(text, start, gaz, floor)
        if before == start:
            return start
        start = before


def _left_step(text: str, start: int, gaz, floor: int) -> int:
    """Start of the one division name written just before ``start``, or ``start``."""
    if start <= floor:
        return start
    # Divisions may stand apart by one space, as order exports write them (浙江 杭州 西湖区…).
    gap = 1 if text[start - 1] in " \u3000" and start - 1 > floor else 0
    end = start - gap
    for k in gaz.lengths_to_two.get(text[max(0, end - 2):end], ()):
        if k > end:
            continue
        s = text[end - k:end]
        if s in gaz.full or (k <= 4 and s in gaz.short):
            return end - k
    if not gap and text[start - 1] in "市县" and start - 1 > floor and _former_suffix_ok(text, start - 1):
        # A district's former county-level name (萧山市), as _division_at reads it.
        shorts = _district_shorts(gaz)
        for k in shorts.get(text[start - 2], ()):
            if k < start and text[start - 1 - k:start - 1] in shorts[""]:
                return start - k - 1
    return start


def _nearer_lead(text: str, parts: list[_Part], begin: int, gaz, covered: int) -> tuple[int, list[_Part]] | None:
    """The farthest division before the chain, nearer than ``begin``, from which a chain
    reads to the chain's end (收: 农秀英 广西百色市…: not from 秀英, a district's short
    name, but from 广西), or None. At most a few steps are tried."""
    steps = []
    b = _left_step(text, parts[0].start, gaz, covered)
    while begin < b < parts[0].start and len(steps) < 4:
        steps.append(b)
        nxt = _left_step(text, b, gaz, covered)
        if nxt == b:
            break
        b = nxt
    for b in reversed(steps):
        lead = _parse(text, b, gaz)
        if lead and lead[-1].end >= parts[-1].end:
            return b, lead
    return None


def _cuts_division(text: str, b: int, covered: int, gaz) -> int | None:
    """Start of a division's name (full or short, 2-4 characters) that runs across ``b``
    from a character before it that no stop ends (河南|中青网络家园), or None."""
    if b <= covered or not "\u4e00" <= text[b - 1] <= "\u9fff" or text[b - 1] in _LONE_STOP:
        return None
    for k in (1, 2, 3):
        if b - k < covered:
            break
        for j in range(1, 5 - k):
            name = text[b - k:b + j]
            if name in gaz.short or name in gaz.full:
                return b - k
    return None


def _across_gap(text: str, start: int, gaz, floor: int) -> int:
    """Start of divisions written one to three name characters before ``start``.

    The name before a road or estate is read back at most a few characters, so a longer
    one is cut (上海浦东张|江高科碧波路, 广州天河珠|江新城花城大道): when divisions end just
    before the cut, with only name characters between, the chain starts at them and the
    parser reads the whole name. Otherwise ``start`` is returned.
    """
    for gap in (1, 2, 3):
        k = start - gap
        if k <= floor or not all("\u4e00" <= c <= "\u9fff" and c not in _LONE_STOP for c in text[k:start]):
            break
        lead = _left_extend(text, k, gaz, floor)
        if lead < k:
            return lead
    return start


# A road named after a person, its suffix right after the name (黄兴|南路, 中山|路, 逸仙|大道).
_ROAD_AFTER_NAME = re.compile("[东西南北中]?(?:路|街|大道|大街)")


def _drop_leading_name(text: str, begin: int, parts: list[_Part], gaz) -> tuple[int, list[_Part]]:
    """Cut a personal name glued to the front of a road or estate (张伟高新四路88号)."""
    if _developer_at(text, begin):
        return begin, parts  # 龙湖|天街公寓 is an estate, 万科城 no name
    first_end = parts[0].end
    lo = max(0, begin - 8)
    for f in detect_persons(text[lo:first_end], skip=[]):
        s, e = f.start + lo, f.end + lo
        if f.score >= 0.5 and s <= begin < e and e < first_end - 1 and not _ROAD_AFTER_NAME.match(text, e):
            rest = _parse(text, e, gaz)
            if rest and rest[-1].end >= parts[-1].end and _is_address(text, rest):
                return e, rest
    # The model saw no name: split where the road's own name is a common word and the
    # part before it is not (黎萌梅|金桥巷958号, 温东|科技中路370号).
    words = load_words()
    first = parts[0]
    if first.kind in ("road", "poi", "poi_bare") and (begin == 0 or not "\u4e00" <= text[begin - 1] <= "\u9fff"):
        for k in (3, 2, 4):
            cut = begin + k
            if cut + 3 > first.end or text[begin:cut] in words or text[cut - 1] in "路街巷":
                continue  # … not after a road of its own (黄兴南路|步行街168号)
            if text[cut:cut + 2] in words:
                rest = _parse(text, cut, gaz)
                if rest and rest[-1].end == parts[-1].end and _is_address(text, rest):
                    return cut, rest
    return begin, parts


_SEEN_KINDS = frozenset(("town", "village", "road", "poi", "zone"))


def _seen_start(text: str, end: int, covered: int, seen: set[str]) -> int | None:
    """Start of a name found earlier in the text that ends at ``end``, or None."""
    for k in range(min(8, end - covered), 2, -1):
        if text[end - k:end] in seen:
            return end - k
    return None


_DISTRICT_SHORTS: tuple[object, dict] | None = None


def _district_shorts(gaz) -> dict:
    """Short names of county-level divisions (奉化, 萧山), whose former names add 市 or
    县: their lengths by last character, and under "" the set of names."""
    global _DISTRICT_SHORTS
    if _DISTRICT_SHORTS is None or _DISTRICT_SHORTS[0] is not gaz:
        names = frozenset(k for k, v in gaz.short.items() if len(k) <= 4 and any(d.level == DISTRICT for d in v))
        by_last: dict = {}
        for name in names:
            by_last.setdefault(name[-1], set()).add(len(name))
        table: dict = {c: tuple(sorted(ks, reverse=True)) for c, ks in by_last.items()}
        table[""] = names
        _DISTRICT_SHORTS = (gaz, table)
    return _DISTRICT_SHORTS[1]


_NO_START: frozenset[str] | None = None


def _no_start(gaz) -> frozenset[str]:
    """Characters no component can begin with: stops that begin no division's name.

    _parse finds nothing at such a character, so the numbered seed's starts skip it
    without trying (same output, less work).
    """
    global _NO_START
    if _NO_START is None:
        stops = {c for c in _STOP + " \t\n\r\u3000" if not re.fullmatch(_NAME, c)}
        _NO_START = frozenset(c for c in stops if c not in gaz.first_chars and not re.match(_NUM, c))
    return _NO_START


# A book, film or series title (《爱情公寓》第二季, 《呼啸山庄》): its words name no place.
_TITLE = re.compile("《([^《》\n]{1,30})》")


def _titles(text: str) -> tuple[list[tuple[int, int]], frozenset[str]]:
    """The spans inside 《》 in ``text`` and their texts (one scan of the text)."""
    spans = [m.span(1) for m in _TITLE.finditer(text)]
    return spans, frozenset(text[a:b] for a, b in spans)


def _in_title(text: str, start: int, end: int, titles: tuple[list[tuple[int, int]], frozenset[str]]) -> bool:
    """The span lies inside a title, or repeats a title of the text without its 《》
    (05:46《爱情公寓》… 爱情公寓真把事搞大了)."""
    spans, names = titles
    if text[start:end] in names:
        return True
    k = bisect.bisect_right(spans, (start, len(text) + 1)) - 1
    return k >= 0 and end <= spans[k][1]


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
    no_start = _no_start(gaz)
    district_shorts = _district_shorts(gaz)
    words = load_words()
    # Names of towns, villages and roads found so far: a later mention of one is found
    # even where no stop precedes it (孜许乡书记邹堂权|孜许乡).
    seen: set[str] = set()
    seen_tails: set[str] = set()  # their last two characters, a cheap first test
    titles = _titles(text) if "《" in text else None
    for m in _SEED.finditer(text):
        ms, me = m.span()
        group = m.lastgroup
        if ms < covered or ms < rejected:
            # Inside a chain already judged: a part of a rejected chain is rejected too,
            # and skipping it keeps the work linear on text such as 路路路… or 1号1号….
            continue
        starts: list[int] = []
        weak = False  # the name must end at the seed's suffix (not 也可顺游|镇远古城)
        anchored = False  # a part must end at the seed's suffix (北京|华嬉数字文化产业功能区)
        town_from = None  # (start, gazetteer start) of a town named longer than the gazetteer's
        cut = None  # start of a lone name whose backward read ran into the length limit
        if group in ("div", "weak"):
            e = me
            seed_start = ms
            if text[e - 1] == "街" or text[ms:e] == "区" and text[ms - 1:e] == "小区":
                continue
            # A division the gazetteer confirms (浦东新区 is no weak 新区).
            for k in gaz.lengths_to_two.get(text[max(0, e - 2):e], ()):
                if k <= e and text[e - k:e] in gaz.full and e - k >= covered:
                    if k == 2 and e - 3 >= covered and text[e - 3:e - 1] in words:
                        break  # a short name cut from a word before it (华北|区 is no 北区)
                    if text[e - 1] == "乡" and text[e:e + 1] in "市县区":
                        break  # the town's 乡 begins a longer name (河南新乡市 holds no 南新乡)
                    if (text[e - k:e] in _ZONE_DIVISIONS and e - k > covered and "\u4e00" <= text[e - k - 1] <= "\u9fff"
                            and text[e - k - 1] not in _LONE_STOP and _division_at(text, e - k - 2, gaz) is None):
                        break  # 外高桥|保税区 is read as a zone below
                    starts.append(e - k)
                    break
            if starts and text[e - 1] in "市县" and e - starts[0] == 2 and e >= 4:
                # A district's former county name that ends in a shorter county's full name
                # (崇礼县, now 崇礼区, is not 礼县 in Gansu).
                for k in district_shorts.get(text[e - 2], ()):
                    if (e - 1 - k >= covered and k >= 2 and text[e - 1 - k:e - 1] in district_shorts[""]
                            and _former_suffix_ok(text, e - 1)):
                        starts[0] = e - 1 - k
                        break
            if starts and text[e - 1] in "镇乡道":
                longer = _longer_town(text, starts[0], ms, e, covered, gaz)
                if longer is not None:
                    town_from = (longer, starts[0])
            if not starts and text[e - 1] in "市县" and e >= 3:
                # A district under its former county-level name (青浦县, 萧山市).
                for k in district_shorts.get(text[e - 2], ()):
                    if e - 1 - k >= covered and text[e - 1 - k:e - 1] in district_shorts[""]:
                        if _former_suffix_ok(text, e - 1):
                            starts.append(e - 1 - k)
                        break
            zone = None
            if not starts and text[e - 1] == "区" and e >= 2 and text[e - 2] in _ZONE_PENULTIMATE:
                zone = _ZONE_SEED.search(text, max(0, e - 4), e)
                if zone is not None:
                    seed_start = zone.start()
            if not starts and (group == "weak" or zone is not None):
                first = _weak_start(text, seed_start, e, covered, gaz)
                if first is not None:
                    starts.append(first)
                    weak = True
                elif zone is not None or text[seed_start:e] == "核心区":
                    first = _division_start(text, seed_start, covered, gaz)
                    if first is not None:
                        starts.append(first)
                        anchored = True
            elif not starts and text[e - 1] in "镇乡":
                town = _weak_start(text, e - 1, e, covered, gaz)
                if town is not None:
                    starts.append(town)
                    weak = True
            if not starts and seen_tails and text[e - 1] in "镇乡道区楼" and text[e - 2:e] in seen_tails:
                first = _seen_start(text, e, covered, seen)
                if first is not None:
                    starts.append(first)
                    weak = True
            if not starts:
                continue
        elif group == "lone":
            lone = _lone_start(text, ms, me, covered)
            if text[me - 2:me] in seen_tails and (lone is None or ms - lone >= _LONE_MAX):
                again = _seen_start(text, me, covered, seen)
                if again is not None and (lone is None or again > lone):
                    lone = again  # 在青石村，张三|青石村
            if lone is None:
                continue
            starts = [lone]
            after = _verse_after(text, lone, ms, covered) if ms - lone >= _LONE_MAX else None
            if after is not None:
                # The walk back stopped at its length limit inside a verse or an idiom: the
                # name begins after it (花旗银行摇摇欲坠|华尔街) or there is none (柳暗花明又|一村).
                if ms - after >= 2:
                    # … and after a verb that follows the adverb (已|搬进|阳光花园).
                    starts = [_after_clause(text, after, ms, covered) or after if ms - after >= 3 else after]
                else:
                    cut = lone
            elif ms - lone >= _LONE_MAX and lone > covered:
                # The walk back stopped at its length limit, perhaps inside a name glued
                # to the road after a number or at the text's start (…995张胜静|解放西路):
                # start at the surname, and let the leading name be cut off below.
                glued = [k for k in range(max(covered, lone - 3), lone)
                         if text[k] in SURNAMES and (k == 0 or not "\u4e00" <= text[k - 1] <= "\u9fff")]
                # Only where the name model reads a name there (not 富阳市, 景德镇).
                if glued and any(f.start == 0 and f.score >= 0.5
                                 for f in detect_persons(text[glued[0]:ms], skip=[])):
                    starts = glued[:1] + starts
                else:
                    earlier = _named_before(text, lone, ms, me, covered, gaz)
                    if earlier is not None:
                        starts = [earlier] + starts
        else:
            # A numbered element: the address may begin up to a road/estate name before it.
            starts = list(range(max(covered, ms - 12), ms + 1))
        clause_end = 0  # end of a clause read as a building's bare name (今天下午|3号楼)
        for s in starts:
            if s > covered and s < n and text[s] in "号栋幢楼室层单元组" or s < n and text[s] in no_start or s < clause_end:
                continue
            parts = _parse(text, s, gaz)
            if not parts and group == "num" and s < ms:
                # Its words left out, no start inside them is tried (天下午|3号楼 is no estate).
                low = _low_at(text, s, min(n, ms + 16), True)
                if low is not None and low[0] == "poi_bare" and _clause_name(text, s, low[1]):
                    clause_end = low[1]
            if weak and parts and parts[0].end != me:
                # The name reads on past the suffix: a longer name (也可顺游|镇远古城), unless
                # a village or a number follows the suffix (汀河乡|裕后村).
                parts = _cut_after_seed(_parse(text, s, gaz, me))
                if len(parts) < 2:
                    continue
            if not parts or parts[-1].end <= ms or anchored and all(p.end != me for p in parts):
                continue
            authority = _authority_at(text, parts)
            if authority:
                # An authority named after its seat: no address, and a place later in the
                # clause is read on its own (郑州市政府将|西岗村).
                rejected = parts[authority - 1].end
                break
            if town_from is not None and s == town_from[1] and parts[0].kind == "div":
                # 察汗|乌苏镇: the town's own name, not the gazetteer's namesake elsewhere.
                parts = [_Part(town_from[0], parts[0].end, "town")] + parts[1:]
            lone = not _is_address(text, parts)
            if (lone and group == "lone" and parts[0].end > me
                    and (parts[0].end == me + 1 and text[me:me + 2] in _SUFFIX_WORDS
                         or text[me] == "和") and not _is_lone(text, parts)):
                # The name read on by the first character of a word (王庄村|村民) or over
                # a conjunction (宝山顾村|和浦东曹路): end it at the seed's suffix.
                retry = _cut_after_seed(_parse(text, s, gaz, me))
                if retry:
                    parts, lone = retry, not _is_address(text, retry)
            ok = not lone or _is_lone(text, parts)
            if not ok:
                # A named place that the chain read past into a clause (高明阮冲村|和附近
                # 一些村落) stands on its own, and so does an address that ran on into a
                # place's name (上海市普陀区|普陀山).
                prefix = _lone_prefix(text, parts, ms)
                if prefix is not None:
                    parts, lone, ok = prefix, not _is_address(text, prefix), True
            if not ok or _is_org(text, parts, lone):
                # The leftmost chain that reaches the seed decides for it.
                rejected = parts[-1].end
                break
            begin = _left_extend(text, parts[0].start, gaz, covered)
            begin = max(begin, covered)
            if begin == parts[0].start and parts[0].kind in ("road", "poi", "poi_bare", "zone"):
                begin = _across_gap(text, begin, gaz, covered)
            if begin < parts[0].start:
                lead = _parse(text, begin, gaz)
                if lead and lead[-1].end >= parts[-1].end:
                    parts = lead
                else:
                    nearer = _nearer_lead(text, parts, begin, gaz, covered)
                    begin, parts = nearer if nearer is not None else (parts[0].start, parts)
            if group == "lone" and begin == starts[0] and ms - begin >= _LONE_MAX:
                cut_div = _cuts_division(text, begin, covered, gaz)
                if cut_div is not None:
                    # The backward read stopped at its length limit inside a division's name:
                    # the address starts at the division when a road or number follows
                    # (澳门|路氹金光大道, 福安|城关中心街); else what is left is no name of its
                    # own (河南|中青网络家园).
                    lead = _parse(text, cut_div, gaz)
                    if not (lead and lead[-1].end >= parts[-1].end
                            and any(p.kind in ("road", "num", "room") for p in lead)):
                        rejected = parts[-1].end
                        break
                    begin, parts = cut_div, lead
            if begin == cut and not _is_address(text, parts):
                # A verse or idiom cut by the read's limit (see _verse_after), with no division
                # or number in the chain, is no place (柳暗花明又一村, 山重水复疑无路).
                rejected = parts[-1].end
                break
            if (len(parts) == 1 and parts[0].division is not None and parts[0].division.level <= DISTRICT
                    and _vague_region(text, begin, parts[0].end)):
                rejected = parts[-1].end
                break
            if parts[0].kind != "div" and text[begin] in SURNAMES:
                begin, parts = _drop_leading_name(text, begin, parts, gaz)
                if not parts:
                    continue
            end = parts[-1].end
            if titles is not None and all(p.kind not in ("num", "room") and (
                    p.division is None or p.division.level >= TOWN) for p in parts) and _in_title(
                    text, begin, end, titles):
                # A place word in a title, or the title repeated (《呼啸山庄》, 《荒村客栈》,
                # 《爱情公寓》… 爱情公寓花絮, 《芙蓉镇》): a work, no place. A numbered address
                # and a county or larger division stay (《通山县志》).
                rejected = end
                break
            meta = _metadata(parts, begin)
            # The room's pattern ends in a comma and blanks: one character test rules most out.
            room = (_ROOM_FIRST.search(text[max(0, begin - 24):begin])
                    if begin and text[begin - 1] in ",， \t" else None)
            if room is not None:
                # Room 1203, 深圳市南山区…: a foreign form writes the room first. Masking keeps
                # no prefix of such an address (the room would show).
                begin -= len(room.group())
                meta["rest_start"] = 0
            out.append(Finding(begin, end, "CN_ADDRESS", _score(parts), _RECOGNIZER, meta))
            if parts[0].kind in _SEEN_KINDS and parts[0].division is None and 3 <= parts[0].end - parts[0].start <= 8:
                seen.add(text[parts[0].start:parts[0].end])
                seen_tails.add(text[parts[0].end - 2:parts[0].end])
            covered = end
            break
    return out
