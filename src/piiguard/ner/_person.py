"""PERSON: a character CRF on candidate windows, plus record-field and title rules.

The CRF (``person.crfsuite``, trained by ``scripts/train_ner.py``) labels characters
B/I/O. It is run only on windows of text that can hold a name: Han characters near a
surname character, a name-field label (姓名：) or a ``·``. Text with no such trigger
(identifiers, ASCII logs, numbers) costs one regex scan.

After the model, rules fix what records need and the model does not always know: a
span that equals a common word (高兴, 方法) is dropped, and a title glued to the name
(张伟经理, 李总) is kept outside the span.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import regex

from .._regexutil import gated
from .._types import Finding
from ._chars import (BRAND_NAMES, COMPOUND_SURNAMES, FIELD_WORD_TAILS, FIELD_WORDS, LABEL_SURNAMES, NAME_LABELS, NOT_NAME_WORDS, ROLE_COLON_WORDS, ROLE_LABELS,
                     STRIP_TITLES, SURNAMES, TITLES)
from ._features import PAIR_KINDS, _translit, load_common_words, load_words, prepare, thread_tagger, window_features
from ._latin import is_given_name, latin_name_spans, unlikely_latin_name
from ._romanised import likely_given_name, romanised_name_spans

__all__ = ["detect_persons"]

_RECOGNIZER = "CnPersonRecognizer"
_MODEL = "person.crfsuite"
# How far around a trigger the model looks. Names are mostly 2-4 characters after the
# surname; transliterated names run longer and are joined by the window merge.
_BEFORE, _AFTER = 2, 7
_MAX_WINDOW = 400  # tagging cost is linear; long windows are cut to bound memory

_TRIGGERS_FILE = "person_triggers.txt"
# The Han script (regex's \p{Han}, Unicode 15), spelled out so that the stdlib engine,
# which scans for the labels' first characters far faster, can run the label search.
_HAN = ("\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b"
        "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00016fe2-\U00016fe3"
        "\U00016ff0-\U00016ff6\U00020000-\U0002a6df\U0002a700-\U0002b81e\U0002b820-\U0002cead"
        "\U0002ceb0-\U0002ebe0\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a"
        "\U00031350-\U00033479")
_LABELS = "(?:" + "|".join(sorted(map(re.escape, NAME_LABELS), key=len, reverse=True)) + ")"
_LABEL_RE = gated(
    # 姓名：…, 【收件人】…, 被上诉人（原审原告）：…
    # A required-field star (联系人*：) and an opening quote (收件人“肖战战”) may come between.
    _LABELS + rf"\s*(?:[（(][^（()）:：\n]{{1,8}}[）)])?\s*[*＊]?[】\]]?\s*[:：]?\s*[“\"「『]?(?=[{_HAN}])"
)
# A role word, a colon and a name that ends the field (医师：扁鹊明；, 甲方代表：卫东。).
_ROLE_COLON_RE = gated(
    "(?:" + "|".join(sorted(map(re.escape, ROLE_COLON_WORDS), key=len, reverse=True)) + ")"
    rf"[*＊]?[ \u3000]*[:：][ \u3000]*[“\"「『]?(?=[{_HAN}])"
)
# What may follow a name that ends its field. After a role word, not a full stop: in a chat
# 经理：明白。 is a speaker and a reply.
_NAME_END = frozenset("，,。；;、)）(（|/\n\t \u3000”\"」』】")
_ROLE_NAME_END = _NAME_END - {"。"}
_TITLE_SET = frozenset(TITLES)
_STRIP_SET = frozenset(STRIP_TITLES)
_STRIP_CHARS = frozenset("".join(STRIP_TITLES))

_local = threading.local()
_model_lock = threading.Lock()
_trigger_re: re.Pattern[str] | None = None
# A name does not end in these: a following 市/县 makes a place, 公司 a company.
_BAD_LAST = frozenset("省市县区镇乡村路街道号楼室州於了")  # 於: the traditional 于 (位於)
# The company word must follow within the same phrase: 保尔森和纽约储备银行 and
# 成钢进入该银行 are a name then another noun phrase.
# Shops named after their owner (李记茶庄, 王芳超市).
_SHOPS = ("茶庄", "商行", "商店", "超市", "餐厅", "饭店", "酒楼", "药房", "药店", "门市部", "工作室", "便利店", "专卖店",
          "旗舰店", "面馆")
_COMPANY_WORDS = ("有限公司", "公司", "集团", "股份", "银行", "药业", "酒业", "饮料", "体育用品", "珠宝", "证券", "地图",
                  "客车") + _SHOPS
_COMPANY = re.compile(r"[^，。、；：,;:\s()（）【】《》“”\"'和与及同跟进在是的了被对向从为把将等到任入]{0,8}?(?:"
                      + "|".join(_COMPANY_WORDS) + ")")
# A sure name may be followed by a company within a clause (黄奇帆去年给西南证券…,
# 李嘉诚大手笔挽救东亚银行): only a company right after it takes the name in.
_COMPANY_NEAR = re.compile(_COMPANY.pattern.replace("{0,8}?", "{0,3}?"))
_COMPANY_FIRST = frozenset(w[0] for w in _COMPANY_WORDS)
# A label before a shop named after its owner names the sender shop, not a person.
_SHOP = re.compile("[\u4e00-\u9fff]{0,2}?(?:" + "|".join(_SHOPS) + ")")


def _company_after(text: str, e: int, near: bool = False) -> bool:
    """A company word follows ``e`` within the same phrase (``_COMPANY``), or within three
    characters (``near``)."""
    # The word starts within nine characters: one set test rules most places out
    # before the regex call.
    return (not _COMPANY_FIRST.isdisjoint(text[e:e + 9])
            and (_COMPANY_NEAR if near else _COMPANY).match(text, e) is not None)


_COUNT_TAIL = ("三人", "两人", "二人", "等人", "四人", "夫妇")
# A name glued to a verb or particle (汪珍住在) loses that last character.
_VERB_TAIL = frozenset("住在说是和的了与及现到给跟")
# More verbs and prepositions that no three-character name in the four training corpora
# ends with (王益犯…, 周茜死在…, 陈坤刺进…): the model's span drops them at its end only.
_END_VERBS = _VERB_TAIL | frozenset("犯死刺歇继向被将把对称告获拿当逝去看打送得喊笑哭叫骂杀自遇谁于")
# … and at the end of three characters (龚雪让我…, 韩雪签收, 高峰已离职); Tibetan names of four end in
# 让 (多吉才让).
# Particles and adverbs that end no three-character name in the training corpora either
# (是戚薇吗, 张伟不喜欢, 刘畅独任, 他们就…; 也 and 都 end one each).
_END_VERBS_3 = _END_VERBS | frozenset("让签今已请要收") | frozenset("独吗不呢吧啊呀就还又很却便并想可讲总更最再亦仍竟也都")
_seconds: frozenset[str] = frozenset()
# Names joined to a found name by a conjunction (董明和熊蕾三人): the model often gives
# the second one a low score, and a masked first name (董**和熊蕾) changes its context.
_CONJ = frozenset("和、与及跟同")
_AFTER_NAME = frozenset("和、与及跟同等都也在说是的为将从已曾均分各俩两三四五六七八九十谁，。,；;：:！？!?）)」”\"")
# Time words and adverbs that follow a name in speech (王五明天来, 张伟已经到了): no given
# name holds them, so a span running into one ends before it.
_AFTER_WORDS = frozenset("今天 明天 昨天 后天 前天 上午 下午 中午 晚上 早上 今晚 明早 已经 一起 刚才 "
                         "现在 正在 马上 一直 终于 立刻 家住 家在 居然 竟然 突然 果然 曾经 刚刚 依然 仍然".split())
# Verbs of records whose first character the model takes as a name's last (骆佳|反映).
_VERBS_AFTER_NAME = frozenset("反映 毕业 因为 因病 因故 确认 负责 出差 请假 参加 报名 提出 投诉 表示 认为 说明 同意 签字 "
                              "签收 联系 来电 致电 咨询 办理 申请 入职 离职 转账 付款 收到 发现 称其".split())
# After 家 (home), what makes 家 a word of its own after a name (王建国家住…, 李明家在…).
_HOME_AFTER = frozenset("住在里中")
# Words that put a name next to the address after it (张伟在北京市…, 王芳住在…).
_BEFORE_ADDRESS = frozenset("在住于到往从寄送去回")


def _after_ok(text: str, e: int) -> bool:
    """``text[e:]`` can follow a name: the end, a non-Han character or a function word."""
    if e >= len(text):
        return True
    c = text[e]
    return (not "\u4e00" <= c <= "\u9fff" or c in _AFTER_NAME or text[e:e + 2] in _TITLE_SET
            or c in "总先女" or text[e:e + 2] in _AFTER_WORDS)


def _coordinated(text: str, s: int, e: int, words: frozenset[str]) -> tuple[int, int] | None:
    """A name right after ``text[e]`` when that is a conjunction (…和熊蕾三人)."""
    if e + 2 >= len(text) or text[e] not in _CONJ:
        return None
    p = e + 1
    sl = 2 if text[p:p + 2] in COMPOUND_SURNAMES else 1 if text[p] in SURNAMES else 0
    if not sl or text[p:p + 2] in _AFTER_WORDS:
        return None  # 孟庆和|明天来: a time word, not a second name
    for k in (2, 1):
        q = p + sl + k
        given = text[p + sl:q]
        if len(given) < k or any(c not in _seconds or c in _VERB_TAIL or c in _AFTER_NAME for c in given):
            continue
        if not _after_ok(text, q):
            continue
        name = text[p:q]
        # A rare dictionary word (于洋 is a place in jieba's list) inside a list of names
        # (…、于洋和康桂萍三人) is a name; a common word (高兴) never is.
        listed = q < len(text) and (text[q] in "、和与及等" or text[q:q + 2] in _COUNT_TAIL)
        if ((name in words and (not listed or name in load_common_words())) or name in NOT_NAME_WORDS
                or name[-1] in _BAD_LAST or _company_after(text, q)):
            return None
        return p, _strip_title(text, p, q)  # …、涂大爷、…: the surname, its title outside
    return None


# What may stand right before a whole delimited field (CSV, JSON, a label's colon, digits,
# an XML or HTML tag: <name>王建国</name>).
_FIELD_BEFORE = ",，;；|\t\"'：:=>0-9"
_field_res: tuple[re.Pattern[str], re.Pattern[str]] | None = None


def _field_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A whole delimited field that reads as a name (``,常敏,``, ``|热依拉·艾力|``), twice.

    The match form checks the delimiter before it with a look-behind, for ``.match`` at
    a position. The scan form consumes the delimiter (group 1 is the field) and runs on
    ``"\\n" + text``: the engine then skips ahead to delimiters instead of testing a
    look-behind at every position; it checks that a Han character follows the
    delimiter before trying the name's alternatives, which most delimiters (the digits
    of a phone number) fail.
    """
    global _field_res
    if _field_res is None:
        comp = "|".join(sorted(COMPOUND_SURNAMES))
        sur = "[" + "".join(sorted(SURNAMES)) + "]"
        han = "[\u4e00-\u9fff]"
        body = rf"(?:(?:{comp}){han}{{1,2}}|{sur}{han}{{1,2}}|{han}{{2,5}}·{han}{{2,5}})"
        after = r"(?=$|[,，;；|\t\"'\s0-9<])"
        _field_res = (re.compile(rf"(?:^|(?<=[{_FIELD_BEFORE}])){body}{after}", re.MULTILINE),
                      re.compile(rf"[\n{_FIELD_BEFORE}](?={han})({body}){after}", re.MULTILINE))
    return _field_res


# A bare surname before a form of address, after a clause edge or a particle (好的王先生,
# 财务的孙会计, 李老师、王老师, 王主任): the model, which sees the surname without a given
# name, often misses it. Surnames that are also prepositions or common words (由, 向, 全)
# are left out.
# Honorifics that follow only a person; a bare surname before them, or before the other
# forms of address, is a name.
_PERSON_HONORIFICS = ("先生", "女士", "小姐", "太太", "老师", "师傅", "律师", "医生")
# Offices a résumé says one holds (任董事长, 任总经理): after 任 the verb, not the surname.
_OFFICES = ("总监", "总裁", "副总裁", "董事长", "总经理", "部长", "行长", "厂长")
# Official titles after a bare surname too (李警官, 王局长): MSRA labels the surname in
# each such case in its train portion (主席 and 总理 are left out: 党主席, 国家总理).
_FORMS_OF_ADDRESS = _PERSON_HONORIFICS + ("大夫", "会计", "经理", "阿姨", "叔叔", "爷爷", "奶奶", "警官", "教授", "主任",
                                          "局长", "处长", "科长", "院长", "校长", "书记", "市长", "县长",
                                          "法官", "护士", "同学", "书记员", "审判员", "副总", "研究员", "教练",
                                          "管家", "店长", "干事", "同志", "工程师", "老板", "大爷", "大妈", "主管") + _OFFICES
# Verbs a meeting's minutes put after 李总 or 黄工 (王总强调…, 黄工负责测试).
_TITLED_VERBS = "强调|提出|表示|指出|认为|建议|要求|安排|同意|负责|确认|到访|牵头|主持|通报|批准|交代|签字|出差"
_ADDRESS_TITLE_RE = gated("|".join(_FORMS_OF_ADDRESS)
                          # 李总 as a form of address: alone, before a greeting, a pause, a
                          # speaker's colon or 的 (王总的收件地址, 尤总：明天…); 黄工 and 柴姐 so too,
                          # or before a verb of the minutes (王总强调…, 黄工负责测试).
                          + "|[总工姐](?=$|[，。！？,.!?、\\s好您你说：:（(]|的(?![来看说讲而趋方原要情基目任形精态])|"
                          + _TITLED_VERBS + ")")
_TITLED_SURNAMES = SURNAMES - set("由向于和时全武区但国任原付")  # 成员国|部长, 任|副总 (holds), 原|院长 (former)
_HONOURED_SURNAMES = SURNAMES - set("和与及跟同")  # 住户武先生, 区先生; not 她和先生
# Forms of address, not offices, after which a word before the surname is an edge too.
_WORD_EDGE_TITLES = frozenset(_PERSON_HONORIFICS + ("阿姨", "大爷", "大妈", "老板", "教练", "管家", "同志", "同学",
                                                    "研究员", "干事", "店长", "经理", "主任", "主管", "总", "工", "姐"))
# … or after a role that ends so (骑手马师傅, 快递员刘师傅, 司机李师傅).
_BEFORE_TITLED = frozenset("，。、；：！？,.;:!?（(“\"'的和与及跟给找问请谢了是由个位 \t\n】]」』-—" "员机手工人师官哥")
_PERSON_ONLY = frozenset(("先生", "女士", "小姐"))
# Prepositions the model takes for a surname before a titled one (由祁|同志, 给王|老师).
_GLUED_PREPOSITIONS = frozenset("由向于和给跟与对把被让叫请找")


def _list_item(text: str, start: int, step: int, words: frozenset[str]) -> tuple[str, bool] | None:
    """The item of a 、-list that begins (step 1) or ends (step -1) at ``start``, and whether
    it stands whole: 2-4 Han characters up to the next 、 or punctuation. Where the text runs
    on past the list's end (龙眼都是…), the item is the dictionary word that opens the run."""
    i = start
    while 0 <= i < len(text) and _is_han(text[i]) and abs(i - start) < 5:
        i += step
    n = abs(i - start)
    if 2 <= n <= 4 and not (0 <= i < len(text) and _is_han(text[i])):
        return (text[start:i] if step > 0 else text[i + 1:start + 1]), True
    if step > 0:
        return next(((text[start:start + k], False) for k in (4, 3, 2) if text[start:start + k] in words), None)
    return None


def _in_word_list(text: str, s: int, e: int, taken: set[int], words: frozenset[str]) -> bool:
    """Whether the name ``[s, e)`` is an item of a 、-list of things: no other item starts
    inside a name found (``taken``), and two other items are dictionary words (陈皮、黄芪、党参),
    or one whole item is and the name is one too. A list of names whose given names are
    words (江东、梁东梅) stays."""
    items: list[tuple[int, str, bool]] = []
    pos = e
    while text[pos:pos + 1] == "、" and len(items) < 6:
        got = _list_item(text, pos + 1, 1, words)
        if got is None:
            break
        items.append((pos + 1, *got))
        pos += 1 + len(got[0])
    pos = s
    while pos > 1 and text[pos - 1] == "、" and len(items) < 12:
        got = _list_item(text, pos - 2, -1, words)
        if got is None:
            break
        pos -= 1 + len(got[0])
        items.append((pos, *got))
    if any(start in taken for start, _, _ in items):
        return False  # 张三、李四: a list of names
    found = [whole for _, item, whole in items if item in words]
    return len(found) >= 2 or found == [True] and text[s:e] in words


def _name_ends_in_he(text: str, s: int, e: int) -> bool:
    """Whether the 和 closing the model's three-character ``[s, e)`` is the name's own
    (胡文和就…, 边春和那里, 孟庆和明天来): no name can start after it."""
    return (e - s == 3 and text[e - 1] == "和"
            and (e == len(text) or text[e] in _FUNCTION_CHARS or text[e:e + 2] in _AFTER_WORDS
                 or text[e] not in SURNAMES))


def _honoured(text: str, b: int, words: frozenset[str]) -> tuple[int, int] | None:
    """The full name of two or three characters right before the honorific at ``b``, at a
    clear edge (尊敬的唐诗女士, 【银行】金星女士), or None."""
    for a in (b - 2, b - 3):
        if a < 0:
            return None
        name = text[a:b]
        if not all(_is_han(c) for c in name) or name in NOT_NAME_WORDS:
            return None
        compound = len(name) == 3 and name[:2] in COMPOUND_SURNAMES
        first_ok = compound or (text[a] in _TITLED_SURNAMES and text[a] not in _NOT_HONOURED_FIRST)
        edge = a == 0 or text[a - 1] in _HONOURED_EDGE or text[:a].endswith(_HONOURED_CUES)
        if first_ok and edge and (len(name) == 2 or compound or name[:2] not in words):
            return a, b
    return None


def _naming(text: str, cue: int) -> bool:
    """Whether the cue at ``cue`` is 叫 giving a name (他叫, 我叫, 名叫), not a request (叫他去)."""
    return text.startswith("叫", cue) and cue > 0 and text[cue - 1] in "他她我你名"


def _titled_surnames(text: str) -> list[tuple[int, int]]:
    """Bare surnames before a form of address: found from the (rare) titles backwards."""
    out = []
    words = load_words()
    for m in _ADDRESS_TITLE_RE.finditer(text):
        e = m.start()
        if text[m.end():m.end() + 1] == "们":
            continue  # 祝同学们…: a group, not one person
        for a in (e - 2, e - 1):
            if a < 0:
                continue
            # Only a person is 先生, 女士 or 小姐: any surname may come before them (住户武先生).
            known = (_HONOURED_SURNAMES if m.group() in _PERSON_ONLY else _TITLED_SURNAMES) if a == e - 1 else COMPOUND_SURNAMES
            # Only a person is 先生, 女士 or 小姐: any character may come before the surname
            # that makes no word with it (请提供赵女士的…).
            edge = (a == 0 or text[a - 1] in _BEFORE_TITLED
                    or m.group() in _PERSON_ONLY and text[a - 1:a + 1] not in words and _is_han(text[a - 1])
                    # … or after a word that the surname does not continue (部门|江总,
                    # 保安|牛师傅; not 部|门主管), before a form of address that is no
                    # office (公司|任|副总经理, 企业|司|处长 are no people)
                    or m.group() in _WORD_EDGE_TITLES and (text[a - 2:a] in words or text[a - 3:a] in words)
                    and text[a - 1:a + 1] not in words and text[a - 2:a + 1] not in words)
            if (text[a:e] in known and edge
                    and text[a:m.end()] not in words  # 班主任 is a word, not 班 + 主任
                    and not (text[a] == "任" and m.group() in _OFFICES)):
                out.append((a, e))
                break
    return out


_OLD_SURNAMES = frozenset(SURNAMES - set("师时区康米麦花明白龙乐海金路"))  # 走老路: the old road
_OLD_RE = re.compile(
    "[" + "".join(sorted(_OLD_SURNAMES)) + "]"
    # 老王说, 小李，…; after a role noun anything may follow (快递员小张态度很差).
    r"(?:(?<=[老小].)(?=[说的了在是和也就都去来呢吧啊呀请让给带跟把被要会又还刚已正，。！？、,.!?\s]|$|"
    + "|".join(sorted(_AFTER_WORDS)) + r")|(?<=[员机师工手][老小].)"
    # … or a chat's speaker at a line's start (老周：…, 小赵：…).
    r"|(?:(?<=^[老小].)|(?<=\n[老小].))(?=[：:]))"
)


# Words that put a person right after them in requests and thanks (谢谢王芳！, 让马超去办,
# 已由时越签收, 我找段立新有事), and what may follow the name then. Chat text is short, and
# the model, trained on news, is often unsure there.
_CUE_BEFORE = ("谢谢", "感谢", "麻烦", "辛苦", "拜托", "让", "叫", "找", "由", "交给", "告诉", "通知", "转告",
               "交接给", "移交给", "转交给", "客服")
_CUE_AFTER = ("签收", "有事", "开车", "负责", "处理", "办理", "确认", "回电", "联系", "帮忙", "去", "来", "接", "取", "拿")
_SURNAME = "(?:" + "|".join(sorted(COMPOUND_SURNAMES)) + "|[" + "".join(sorted(SURNAMES)) + "])"
_SURNAME_FIRST = "[" + "".join(sorted(set(SURNAMES) | {c[0] for c in COMPOUND_SURNAMES})) + "]"
# A full name before 先生/女士/小姐 at a clear edge, even when it is also a word (【广发银行】
# 唐诗女士, 尊敬的金星女士): only a person is addressed so.
# The addressee right after a text message's sender header (【顺丰速运】林静您好, 【美团】夏天您好,
# 【饿了么】上官婉儿，您点的…, 【建设银行】尊敬的欧阳晓峰客户): the name may be a word.
_SMS_ADDRESSEE_RE = re.compile(
    "^[ \t]*【[^】\n]{2,12}】[ \t]*(?:尊敬的|亲爱的)?(" + _SURNAME + "[\u4e00-\u9fff]{1,2}?)"
    "(?=您好|你好|[，,：:]|先生|女士|小姐|客户|用户|会员|向您|给您|您的|您已|您于|您在)",
    re.MULTILINE,
)
# An agent's memory names its user (用户江涛想在周末学…, 用户苏明的父亲是…): the name of two or
# three characters right after 用户 and before a verb or particle.
_USER_NAME_RE = re.compile(
    "(?=[用客该])(?:^|(?<=[\s，。；;,.!?！？：:]))(?:用户|客户|该用户)(" + _SURNAME + "[\u4e00-\u9fff]{1,2}?)"
    "(?=[不在想的说是要会已也还很对把被和跟与提希喜计正打刚曾]|$)",
    re.MULTILINE,
)
# A list of names closed by how many people it holds (祝融、单雄信、查良镛三人, 张三、李四等5人):
# each item of two to four characters opening with a surname is a name. At most twelve
# items: a longer run is no such list, and the bound keeps the scan linear.
_COUNT_AFTER_LIST = "(?=等?(?:[两二三四五六七八九十]|[0-9]{1,2})(?:人|位|名)(?!民|次|[\u4e00-\u9fff]{0,6}[币元]))"
_COUNTED_LIST_RE = re.compile("((?:[\u4e00-\u9fff]{2,4}[、和与及]){1,11}[\u4e00-\u9fff]{2,4}?)" + _COUNT_AFTER_LIST)
# Where a counted list can end (the look-ahead alone), and bounds on a list: at most 59
# characters long, and its count read at most 11 characters past its end.
_COUNT_AFTER_LIST_AT = re.compile(_COUNT_AFTER_LIST.removeprefix("(?=").removesuffix(")"))
# The counted word after a number (3人, 两位): the only character of a count the engine
# can skip ahead to (digits, which records are full of, begin no count by themselves).
_COUNT_WORD = re.compile("[人位名](?<=[0-9两二三四五六七八九十][人位名])")
_LIST_MAX, _COUNT_MAX = 59, 11


def _next_count(text: str, start: int) -> int:
    """The first position from ``start`` on where ``_COUNT_AFTER_LIST`` holds, or -1.

    Such a count is one to three characters (等, then a numeral or two digits) before
    its counted word, which is looked for first."""
    while True:
        w = _COUNT_WORD.search(text, start + 1)
        if w is None:
            return -1
        q = w.start()
        for t in range(max(start, q - 3), q):
            if _COUNT_AFTER_LIST_AT.match(text, t):
                return t
        start = q  # no count begins before q


def _counted_lists(text: str) -> Iterable[re.Match[str]]:
    """The matches of ``_COUNTED_LIST_RE.finditer(text)``, found near their counts only.

    Every match ends where its count's look-ahead holds, so no match starting at ``pos``
    or later begins before the first such place ``t`` (after ``pos``) less the longest
    list. The list regex is searched in ``[t - _LIST_MAX, t]`` only, on text cut a
    margin past everything a match starting there can read, so it finds what the whole
    text gives: the regex, which starts at every Han character, scans a few characters
    around each count instead of the whole text.
    """
    pos = 0
    while True:
        t = _next_count(text, pos)
        if t < 0:
            return
        m = _COUNTED_LIST_RE.search(text, max(pos, t - _LIST_MAX), t + _LIST_MAX + _COUNT_MAX + 2)
        if m is not None and m.start() <= t:
            yield m
            pos = m.end()
        else:
            pos = t + 1  # no list starts at or before t: look from the next count on
# A name with the person's relation to the writer in brackets after it, as notes and an
# agent's memory write contacts (钱多多（前同事）, 欧阳修文（大学导师）): the name may be a word.
_RELATED_RE = re.compile(
    # Led by a lookahead of the surnames' first characters (see _regexutil.gated): the
    # look-behinds alone give the engine nothing to skip ahead to.
    "(?=" + _SURNAME_FIRST + ")"
    "(?:^|(?<=[\\s，。、；：,;:])|(?<=家属)|(?<=联系人))(" + _SURNAME + "[\u4e00-\u9fff]{1,2}?)[（(]"
    "(?:前|现|原|大学|高中|中学|小学|患者之|其)?"
    "(?:同事|导师|朋友|同学|领导|老板|客户|上司|下属|父亲|母亲|妻子|丈夫|女儿|儿子|爸爸|妈妈|哥哥|姐姐|弟弟|妹妹|"
    "老师|室友|邻居|发小|舍友|师兄|师姐|师弟|师妹|合伙人|经理|主管|HR|hr|女|子|妻|夫)"
)
_HONOURED_RE = re.compile("先生|女士|小姐")
_NOT_HONOURED_FIRST = frozenset("那这哪每各某该此其")  # 那位先生: a determiner, not a surname
_HONOURED_EDGE = frozenset(" \t\n，。！？、；：,.!?;:】]」』“\"（(")
_HONOURED_CUES = ("尊敬的", "亲爱的", "致", "给", "是", "和", "与", "请", "谢谢", "感谢")
_CUED_RE = gated(
    "(?:" + "|".join(_CUE_BEFORE) + ")"
    "(" + _SURNAME + "[\u4e00-\u9fff]{1,2}?)"
    "(?=[！!，。,.?？~；;\\s]|$|" + "|".join(_CUE_AFTER) + ")"  # not 、: 由沙特、摩洛哥…
)

# A name greeted at a line's start (乜梓斌，你好：, 尊敬的万芳一您好, 热依拉·阿不都，你好): an
# e-mail's or a chat's addressee. Titles after it stay outside (王总，您好 -> 王).
_GREETED_RE = re.compile(
    "(?:^|(?<=\n))[ \t]*(?:尊敬的|亲爱的)?("
    "[\u4e00-\u9fff]{1,4}[·•][\u4e00-\u9fff]{1,5}|" + _SURNAME + "[\u4e00-\u9fff]{1,3}?"
    ")(?=[，,：: \t]?(?:你好|您好))",
    re.MULTILINE,
)
# The same, scanned on "\n" + text with the line break consumed: the engine skips ahead
# to line breaks instead of trying the pattern at every position (group 1 is one
# character later than in the text).
_GREETED_SCAN = re.compile("\n" + _GREETED_RE.pattern.removeprefix("(?:^|(?<=\n))"))
# Tibetan names are two (or three) names from a small set (次仁卓玛, 格桑梅朵, 旦增尼玛), written
# without a dot; the model, which saw few, reads them poorly.
_TIBETAN_PARTS = (
    "扎西 次仁 尼玛 卓玛 格桑 旦增 丹增 多吉 拉姆 央金 德吉 索朗 平措 顿珠 达瓦 普布 次旦 益西 洛桑 强巴 白玛 "
    "桑吉 群培 巴桑 卓嘎 曲珍 旺堆 边巴 琼达 米玛 梅朵 措姆 央宗 仁增 嘉措 加措 次珍 拉巴 贡布 罗布 泽仁 泽旺 "
    "斯朗 阿旺 旺姆 德庆 美朵 才让 才旦 索南 贡嘎 拉珍 次卓 旺杰 扎巴 晋美 其美 仓决 尼珍"
).split()
_TIBETAN_RE = gated("(?:" + "|".join(_TIBETAN_PARTS) + "){2,3}")

_NAME_BODY = (
    "(?:" + "|".join(sorted(COMPOUND_SURNAMES)) + ")[\u4e00-\u9fff]{1,2}"
    "|[" + "".join(sorted(SURNAMES)) + "][\u4e00-\u9fff]{1,2}"
)
# A transliterated or minority name joined by a dot (热依拉·艾力) may be glued too.
_DOTTED_NAME = "[\u4e00-\u9fff]{1,4}[·•][\u4e00-\u9fff]{1,4}(?:[·•][\u4e00-\u9fff]{1,4})?"
_GLUED_NAME = re.compile(_DOTTED_NAME + "|" + _NAME_BODY)


# Kin and record roles right before a full name (给儿子王梓轩买的, 家父宁大福八十大寿, 原告黄金龙诉称,
# 驾驶员金星无责): what the model, on a short line, often misses. After a role (not after kin:
# 女儿成绩…) the name may be a word when what follows it is a pause or a verb of the record.
_KIN_CUES = ("儿子", "女儿", "我爸", "我妈", "爸爸", "妈妈", "家父", "家母", "小女", "犬子", "宝贝", "宝宝", "老公", "老婆", "爱人",
             "丈夫", "妻子", "孙子", "孙女", "外孙", "新生儿")
_ROLE_CUES = ("客户", "本人", "驾驶员", "司机", "主持人", "统筹", "经纪人", "主任", "原告", "被告", "被告人", "申请人",
              "被申请人", "第三人", "证人", "当事人", "上诉人", "被上诉人", "收件人是", "收货人是", "联系人是", "员工",
              "学生", "患者", "业主", "租客", "房东", "乘客", "候选人", "应聘者", "面试者", "投保人", "被保险人")
# A field and a copula before the name (收件人是高峰吗, 持卡人是夏天本人, 收件人写白露，): the
# name may be a word when a pause, 吗 or 本人 follows.
_NAMING_CUES = tuple(f"{a}{b}" for a in ("收件人", "收货人", "联系人", "持卡人", "开户人", "户名", "账户名", "寄件人", "乘车人")
                     for b in ("是", "写", "为", "改成", "改为", "叫"))
_CUE_ROLE_RE = gated("|".join(sorted(_KIN_CUES + _ROLE_CUES + _NAMING_CUES, key=len, reverse=True)))
_NAMING_SET = frozenset(_NAMING_CUES)
_ROLE_SET_CUES = frozenset(_ROLE_CUES)
# What may follow a name that is also a word, after a role.
_WORD_NAME_AFTER = ("反馈", "表示", "诉称", "申请", "通报", "无责", "负", "带看", "确认", "签字", "签收", "提出", "认为",
                    "指出", "称", "说", "（", "(")


def _cued_by_role(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Names right after a kin word or a record's role (``_KIN_CUES``, ``_ROLE_CUES``)."""
    _triggers()  # loads _seconds
    out = []
    common = load_common_words()
    for m in _CUE_ROLE_RE.finditer(text):
        c = m.start()
        if c and text[c - 1:c + 1] in words:
            continue  # 妇女|儿童: the cue is part of a word
        if m.group() in ("爸爸", "妈妈") and c and _is_han(text[c - 1]) and text[c - 1] not in "他她我你的":
            continue  # 王妈妈来接孩子: someone's parent, named by the child (他爸爸夏建国 names him)
        p = m.end()
        sl = 2 if text[p:p + 2] in COMPOUND_SURNAMES else 1 if text[p:p + 1] in _TITLED_SURNAMES else 0
        if not sl:
            continue
        naming = m.group() in _NAMING_SET
        role = naming or m.group() in _ROLE_SET_CUES
        for given in (2, 1):
            q = p + sl + given
            name = text[p:q]
            rest = name[sl:]
            if len(name) < q - p or not all(_is_han(c) and c not in _AFTER_NAME and c not in _END_VERBS_3 for c in rest):
                continue
            if role and not naming and not (any(c in _seconds for c in rest) if given == 2 and rest[0] != rest[1]
                             else all(c in _seconds for c in rest)):
                continue  # after a role, a given-name character seen in names, or a doubled one (朵朵)
            if given == 2 and (text.startswith(_WORD_NAME_AFTER, q - 1) or text[q - 1:q + 1] in _VERBS_AFTER_NAME):
                continue  # 经纪人高明|带看: the verb is not the name's
            if _strip_title(text, p, q) < q or name in FIELD_WORDS or name in NOT_NAME_WORDS and not (
                    naming and text.startswith(("吗", "本人"), q)):
                break  # 客户李先生: a title, which other rules read; 持卡人是夏天本人 names even a word
            after = q == len(text) or not _is_han(text[q]) or text[q] in _AFTER_NAME
            wordy = name in words or name[sl:] in common or role and name[sl:] in words or (sl == 1 and (name[:2] in words or name[:2] in NOT_NAME_WORDS))
            if not wordy:
                if after or given == 2 or text.startswith(_WORD_NAME_AFTER, q) or text[q:q + 2] in _VERBS_AFTER_NAME:
                    out.append((p, q))
                    break
                continue
            # 客户江山反馈, 驾驶员金星无责, 原告黄金龙诉称: a word, only after a role and before
            # a verb of the record (not 学生相比, 客户和解), or after a field's copula before a pause
            if role and text.startswith(_WORD_NAME_AFTER, q) or m.group() in _NAMING_SET and (
                    q == len(text) or text[q] in "，,。.；;！!？?、 \n" or text.startswith(("吗", "本人", "的"), q)):
                out.append((p, q))
                break
    return out


# A list of short items between clause edges (参会党员：边疆、岳红、申晓光).
_LIST_RE = re.compile(r"([\u4e00-\u9fff](?:(?<=^.)|(?<=[：:，,。；;\s].))[\u4e00-\u9fff]{1,3}、"
                      r"(?:[\u4e00-\u9fff]{2,4}、){0,10}[\u4e00-\u9fff]{2,4})(?=$|[。，,；;\s])", re.MULTILINE)


def _listed_among_names(text: str, spans: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """Items of a 、-list that open with a surname where at least half the other items are
    names already found: the item is a name too, even a word (边疆、岳红、申晓光, 鲁文涛、米雪、花蕾)."""
    out = []
    for m in _LIST_RE.finditer(text):
        items = []
        a = m.start(1)
        for item in m.group(1).split("、"):
            items.append((a, a + len(item)))
            a += len(item) + 1
        named = sum(k in spans for k in items)
        if not named or named < (len(items) - 1) / 2:
            continue
        for a, b in items:
            item = text[a:b]
            sl = 2 if item[:2] in COMPOUND_SURNAMES else 1 if item[0] in SURNAMES else 0
            if ((a, b) in spans or not sl or not sl + 1 <= b - a <= sl + 2 or item in FIELD_WORDS or "某" in item
                    or not _PRONOUNS.isdisjoint(item) or item[-1] in _TITLE_SET or item[-2:] in _TITLE_SET):
                continue
            out.append((a, b))
    return out


# A surname given in a call or chat (免贵姓黄, 我姓韩, 客户：姓欧阳，叫欧阳锋).
_SURNAME_GIVEN_RE = re.compile(
    # 姓 first, so the engine skips straight to it; what stands before it is read after.
    "姓(?:(?<=免贵姓)|(?<=[我他她]姓)|(?<=本人姓)|(?<=用户姓)|(?<=客户姓)|(?<=对方姓)|(?<=[婆奶爷公妈爸]姓)|(?<=^姓)|(?<=[：:\\s，,]姓))("
    + _SURNAME + ")"
    "(?=$|[，,。.；;！!？?\\s、]|叫|的|名)",
    re.MULTILINE,
)


def _titled(text: str, e: int) -> bool:
    """A title follows ``e`` (李总明天来公司: the 公司 later on is not this name's)."""
    return text[e:e + 2] in _TITLE_SET or (e < len(text) and text[e] in "总先女")


# After a common word (黄金宝先生) only honorifics of a person open a name window: 经理 or
# 工 also follow a company or a word (项目经理).
_HONORIFICS = frozenset(_PERSON_HONORIFICS + ("夫人", "同志", "教授", "博士", "警官"))


def _honorific_at(text: str, e: int) -> bool:
    """A person's honorific (先生, 女士, 同志 …) starts at ``e``."""
    return text[e:e + 2] in _HONORIFICS


def _strip_title(text: str, s: int, e: int) -> int:
    """End of the name once a title at its end is cut off: a whole title (康总 -> 康,
    王芳女士 -> 王芳), one the span stops inside (刘阿|姨 -> 刘), or 总 before a greeting
    (李总好 -> 李)."""
    if _STRIP_CHARS.isdisjoint(text[s + 1:e + 2]):
        return e  # no title character where one could be cut: most names
    name = text[s:e]
    for k in (3, 2, 1):
        if len(name) > k and name[-k:] in _STRIP_SET:
            rest = name[:-k]
            # A transliterated name keeps two characters or more before a title (维德|探长).
            if rest[0] in SURNAMES or rest[:2] in COMPOUND_SURNAMES or (k >= 2 and len(rest) >= 2):
                return e - k
    for k in (1, 2):
        if e - s > k and (text[e - k:e + 1] in _STRIP_SET or text[e - k:e + 2] in _STRIP_SET):
            return e - k
    if e - s == 3 and name[1] == "总" and name[0] in SURNAMES:
        return s + 1
    return e


def _before_after_word(text: str, s: int, e: int) -> int:
    """End of a name that runs into a time word or adverb (王五|明天来 -> 王五)."""
    name = text[s:e]
    if "·" in name or "•" in name:  # _DOTS, tested without a regex call per name
        return e
    sl = _surname_len(name) or 1
    for i in range(sl + 1, len(name) - 1):
        if name[i:i + 2] in _AFTER_WORDS:
            return s + i
    if e - s >= 3 and name[-1] == "家" and text[e:e + 1] in _HOME_AFTER:
        return e - 1  # 王建国|家住…: the home, not the name
    if e - s == sl + 2 and text[e - 1:e + 1] in _VERBS_AFTER_NAME:
        return e - 1  # 业主骆佳反|映…, 候选人林夕毕|业于…: the verb after the name
    return e


def _given_chars(name: str) -> bool:
    """The characters after the surname are all seen in given names."""
    _triggers()  # loads _seconds
    return all(c in _seconds for c in name[_surname_len(name) or 1:])


def _plain_name(name: str) -> bool:
    """``name`` reads as a Han name: no common word inside, given-name characters seen
    in names."""
    _triggers()  # loads _seconds
    words = load_words()
    sl = _surname_len(name) or 1
    return (all(name[i:i + 2] not in words for i in range(len(name) - 1))
            and all(c in _seconds for c in name[sl:]))


_DOTS = "·•"
# Determiners that begin the words after a dotted name (蒂亚戈·席尔瓦|本赛季).
_DETERMINERS = frozenset("本该这那此其每")
_DOT_RE = re.compile("[" + _DOTS + "]")
# What may stand before a dotted name (朋友|阿卜杜拉·…, 熊婷丹和|阿依古丽·…, 帮|亚当·…).
_LEFT_CUES = frozenset("和、与及跟同的是叫给帮由如在被让对向为请将把从")
# A dotted place, work or prize rather than a name (萨姆·休斯敦堡, 萨乌德·侯赛因奖).
_DOTTED_BAD_LAST = _BAD_LAST | frozenset("堡港湾岛山河湖城站奖杯赛馆院园苑宫庭府墅邸醍")



def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _in_book_title(text: str, i: int) -> bool:
    """``text[i]`` lies inside 《…》 (《灵山静水·方骏画集》 is a title)."""
    left = text.rfind("《", max(0, i - 30), i)
    return left >= 0 and text.rfind("》", left, i) < 0 and text.find("》", i, i + 30) >= 0


def _name_boundary(text: str, s: int) -> bool:
    """A dotted name may start at ``s``: a cue or a common word ends right before it."""
    words = load_words()
    return s > 0 and (text[s - 1] in _LEFT_CUES or text[max(0, s - 2):s] in words
                      or text[max(0, s - 3):s] in words)


def _dotted_spans(text: str) -> list[tuple[int, int]]:
    """Minority and transliterated names joined by a dot (阿依古丽·热合曼, 扎西·多吉).

    The model reads these characters poorly. The name's left part is the shortest run of
    one to four Han characters (five at the run's start) before the dot that starts the text's Han run or follows
    a common word or a cue (和, 的 …); its right part, at least two characters, runs to
    the first particle, verb or common word after the dot.
    """
    out: list[tuple[int, int]] = []
    if not any(d in text for d in _DOTS):
        return out  # a substring test is much cheaper than a regex scan
    words = load_words()
    n = len(text)
    for m in _DOT_RE.finditer(text):
        d = m.start()
        run = d
        while run > 0 and d - run < 8 and _is_han(text[run - 1]):
            run -= 1
        start = None
        fielded = 2 <= d - run <= 5 and run > 0 and text[run - 1] in "：:\t>"
        if fielded:
            start = run  # the whole run after a field's label (住客信息：买买提江·阿不都, <xm>…)
        for k in (1, 2, 3, 4, 5):
            s = d - k
            if start is not None or s < run:
                break
            # A left part of five only from the run's start (努尔买买提·阿不都); a label, role or
            # kin word before the name is an edge too (被申请人|热依拉·吾守尔, 父亲|吐尔逊·卡德尔).
            if s == run or k < 5 and (_name_boundary(text, s) or text.endswith(_DOT_LEFT_WORDS, max(0, s - 5), s)):
                start = s
                break
        if start is None or (start and text[start - 1] in _DOTS):
            continue
        e = d + 1
        while e < n and e - d <= 5 and _is_han(text[e]) and text[e] not in _AFTER_NAME \
                and text[e] not in _VERB_TAIL and text[e] not in _DETERMINERS \
                and (fielded and e - d <= 2 or text[e:e + 2] not in words):
            e += 1  # in a field, the right part's first two characters may make a word (阿不|力孜)
        if text[e:e + 1] == "都" and e - d >= 3 and (e + 1 == n or not _is_han(text[e + 1])):
            e += 1  # 努尔买买提·阿不都, at a clear edge: no particle 都 without its verb
        if (e - d < 3 or text[e - 1] in _DOTTED_BAD_LAST or (e < n and text[e] in _DOTS)
                or _company_after(text, e)):
            continue  # a unit (公里·月), a place or prize, a third part, a company
        out.append((start, e))
    return out


_COMPOUND_RE = re.compile("|".join(sorted(COMPOUND_SURNAMES)))
# Compound surnames that also begin words, brands and titles (东方红, 西门子, 轩辕剑): read
# only after a word for a person (客户东方明, 同事西门雪).
_LINE_COMPOUNDS = frozenset(("公孙", "长孙", "东方"))
_FIELD_END = frozenset("，,、 \t：:（(\n")
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,3}[.、．)）][ \t]*)?$")
_WORDLIKE_COMPOUNDS = frozenset("东方 西门 轩辕 百里 第五 长孙 公孙 司空 万俟 南宫 独孤".split())
_PERSON_NOUNS = ("客户", "朋友", "同事", "母亲", "父亲", "妈妈", "爸爸", "妻子", "丈夫", "老婆", "老公",
                 "儿子", "女儿", "用户", "同学", "邻居", "姓名", "联系人", "收件人", "收货人", "寄件人")
# What stands before a dotted name as its edge: a label, a role or a word for a person
# (被申请人|热依拉·吾守尔, 父亲|吐尔逊·卡德尔).
_DOT_LEFT_WORDS = tuple(sorted(set(NAME_LABELS) | set(_PERSON_NOUNS), key=len, reverse=True))


def _compound_spans(text: str) -> list[tuple[int, int]]:
    """Names with a compound surname (皇甫琪, 上官桂, 东方华艳) that the model, having seen few,
    misses: the surname after a clear edge, then one or two given-name characters, then
    a particle, verb, punctuation or the end."""
    out = []
    words = load_words()
    for m in _COMPOUND_RE.finditer(text):
        s, p = m.start(), m.end()
        if m.group() in _WORDLIKE_COMPOUNDS:
            # After a person noun (妻子叫|公孙磊); 公孙, 长孙 and 东方 also opening a line or a list
            # item, the name then ending its field (2. 公孙红，工号…).
            if not (text[max(0, s - 5):s].rstrip("：: 叫是").endswith(_PERSON_NOUNS)
                    or m.group() in _LINE_COMPOUNDS and _LINE_OPENING.search(text, max(0, s - 6), s)
                    and (text[p + 1:p + 2] in _FIELD_END or text[p + 2:p + 3] in _FIELD_END)):
                continue
        elif s and not (not _is_han(text[s - 1]) or _name_boundary(text, s)):
            continue
        if _in_book_title(text, s):
            continue
        for k in (2, 1):
            q = p + k
            given = text[p:q]
            if len(given) < k or any(not _is_han(c) or c not in _seconds or c in _VERB_TAIL or c in _AFTER_NAME
                                     for c in given) or k == 2 and given[-1] in _END_VERBS:
                continue  # … nor ends in a verb (令狐萍|于2023年)
            if not (_after_ok(text, q) or text[q] in _END_VERBS or text[q] == "现"):
                continue
            name = text[s:q]
            if name in words or text[p:q + 1] in words or given in words or _company_after(text, q):
                break
            out.append((s, q))
            break
    return out


def _glued_spans(text: str, skip: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """Names glued to an address end or start, bounded by digits or the text's edge."""
    if not skip:
        return []
    out = []
    pat = _field_patterns()[0]
    n = len(text)
    for a, b in skip:
        # Both patterns begin with a Han character, which most address ends lack (a
        # line break, a comma): tested first, it saves two failing regex calls.
        m = None
        if b < n and _is_han(text[b]):
            m = pat.match(text, b)  # …88号郝军泽17714656977
            if m is None:
                m = _GLUED_NAME.match(text, b)
        if m is not None and (m.end() == n or not "\u4e00" <= text[m.end()] <= "\u9fff") and (
                m.end() == n or text[m.end()] in "\r\n" or "0" <= text[m.end()] <= "9" or "·" in m.group()
                or _plain_name(m.group())):
            # …88号郝军泽1771…, …2901室皇甫轩 at a line's end; mid-line (…3楼展厅，) it must read as a name.
            e = m.end()
            if e - m.start() == 3 and text[e - 1] in _END_VERBS_3:
                e -= 1  # a waybill's …1502室张伟收: 收 (receives) is not the name's
            out.append((m.start(), e))
        for k in range(a - 2, max(-1, a - 15), -1):  # 司马英山东省…, 1359…齐豪思绵阳市…
            if k == 0 or not ("\u4e00" <= text[k - 1] <= "\u9fff" or text[k - 1] in "·•"):
                end = a
                while end - k > 2 and text[end - 1] in _BEFORE_ADDRESS:
                    end -= 1  # 张伟在|北京市…, 王芳住在|…: the verb is not the name's
                home = end < a and end - k > 2 and text[end - 1] == "家"
                if home:
                    end -= 1  # 李明家住|北京市…: the home is not the name's
                if _GLUED_NAME.fullmatch(text, k, end) is not None and (
                        end == a or _plain_name(text[k:end])  # not 麻烦发|到…
                        or (home and _given_chars(text[k:end]))):  # 王建国家住: 建国 is a word and a name
                    out.append((k, end))
                break
    return out


def _long_digits_or_not(text: str, i: int, step: int) -> bool:
    """True unless ``text[i]`` is a digit of a short run (10时许 is a time, not a field)."""
    if i < 0 or i >= len(text) or not "0" <= text[i] <= "9":
        return True
    k = 0
    while 0 <= i < len(text) and "0" <= text[i] <= "9" and k < 5:
        i += step
        k += 1
    return k >= 5


_STRUCT_DELIM = frozenset(",;|\t\"'=：:<>")
_FUNCTION_CHARS = frozenset("了着过吧呢吗啊呀的地得说是在有也都就还又很太但而我你他她它这那么")


def _prose_field(text: str, s: int, e: int) -> bool:
    """A phrase between Chinese commas in prose (，干事业，, 初冬了，), not a record field.

    A field next to an ASCII or label delimiter (CSV, JSON, ``姓名：``) or a digit is
    trusted; one set off only by ，/line edges must look like a name: no function
    character, no common word inside, every given-name character seen in names.
    """
    before = text[s - 1] if s else ""
    after = text[e] if e < len(text) else ""
    if before in _STRUCT_DELIM or after in _STRUCT_DELIM or before.isdigit() or after.isdigit():
        return False
    name = text[s:e]
    if "·" in name:
        return False
    return any(c in _FUNCTION_CHARS for c in name) or not _plain_name(name)


def _field_spans(text: str, skip: list[tuple[int, int]] | None = None) -> list[tuple[int, int, bool]]:
    """Whole delimited fields that read as names, and names glued to an address.

    Returns ``(start, end, glued)``; a glued name may replace a shorter model span.
    """
    out = []
    gaz = None
    fields = [(m.start(1) - 1, m.end(1) - 1, False) for m in _field_patterns()[1].finditer("\n" + text)]
    cells = set()
    if "| " in text:
        cells = {m.span(1) for m in _MARKDOWN_CELL.finditer(text)}  # | 1 | 金星 | 黄金 |
        fields += [(a, b, False) for a, b in sorted(cells)]
    words = load_common_words()
    for s, e, glued in fields + [(a, b, True) for a, b in _glued_spans(text, skip)]:
        e = _strip_title(text, s, e)
        name = text[s:e]
        column = None if glued else _column(text, s, e)
        if column is False or column is None and (s, e) in cells:
            continue  # name,mobile,addr,remark / …,老客户 周末送货: a remark; a Markdown cell only under a name header
        if column and e - s <= 4 and name not in FIELD_WORDS and (name[0] in SURNAMES or name[:2] in COMPOUND_SURNAMES):
            out.append((s, e, glued))  # 序号,姓名 / 2,江山: the header says it is a name
            continue
        if name in words or not (_long_digits_or_not(text, s - 1, -1) and _long_digits_or_not(text, e, 1)):
            continue
        if name in NOT_NAME_WORDS or name[-1] in _BAD_LAST:
            continue
        if name in FIELD_WORDS or name.endswith(FIELD_WORD_TAILS):
            continue  # 银行卡6217…, 房东138…: the label of the number, not a name
        if gaz is None:
            from ._gazetteer import get_gazetteer  # only when a field looks like a name

            gaz = get_gazetteer()
        if name in gaz.full or name in gaz.short:
            continue
        if not glued and _prose_field(text, s, e):
            continue
        if not glued and s and text[s - 1] in _KEY_VALUE_ENDS and _thing_value(text, s):
            continue  # 付款方式：支付宝, 品牌：海尔: the value of a field about a thing
        out.append((s, e, glued))
    return out


_COLUMN_DELIMS = ",|\t;"
_MARKDOWN_CELL = re.compile(r"(?<=\| )([\u4e00-\u9fff]{2,4})(?= +\|)")
_MAX_ROW = 2000
_NAME_COLUMNS = frozenset(("PERSON", "EMERGENCY_CONTACT", "ONLINE_ACCOUNT"))


def _column(text: str, s: int, e: int) -> bool | None:
    """What the header of the table column holding the field ``[s, e)`` says (the header
    is the text's first line, with as many cells as the field's line): True for a
    person's column (姓名, 联系人), False for free text or another type (remark, 城市,
    手机), None when there is no such header or it says nothing known. Rows and headers
    longer than ``_MAX_ROW`` are not read, so the cost per field stays bounded."""
    before = s
    while before and text[before - 1] == " " and s - before < 4:
        before -= 1  # | 金星 |: a Markdown cell pads its value with spaces
    after = e
    while text[after:after + 1] == " " and after - e < 4:
        after += 1
    delim = text[before - 1] if before and text[before - 1] in _COLUMN_DELIMS else text[after:after + 1]
    if not delim or delim not in _COLUMN_DELIMS:
        return None
    head, first_end = _header_line(text, delim)
    newline = text.rfind("\n", max(0, s - _MAX_ROW), s)
    if first_end < 0 or newline < first_end:
        return None  # no short header line, or the field is on it or on a long row
    line_end = text.find("\n", e, e + _MAX_ROW)
    if line_end < 0:
        if len(text) - e > _MAX_ROW:
            return None
        line_end = len(text)
    header = text[head:first_end].rstrip("\r")
    cells = header.split(delim)
    if len(cells) < 2 or len(cells) != text.count(delim, newline + 1, line_end) + 1:
        return None
    return _header_kind(cells[text.count(delim, newline + 1, s)].strip())


def _header_line(text: str, delim: str) -> tuple[int, int]:
    """Start and end of a table's header line: the first line, or the second when the first
    holds no ``delim`` (a title: 成绩单.csv ⏎ 姓名,语文,…). End -1 when there is none."""
    first_end = text.find("\n", 0, _MAX_ROW)
    if first_end < 0 or delim in text[:first_end]:
        return 0, first_end
    second_end = text.find("\n", first_end + 1, first_end + 1 + _MAX_ROW)
    return first_end + 1, second_end


def _has_name_column(text: str) -> bool:
    """Whether the text's first line is a table header with a person's column."""
    first_end = text.find("\n", 0, _MAX_ROW)
    if first_end < 0:
        return False
    header = text[:first_end]
    return any(_header_kind(cell) for delim in _COLUMN_DELIMS if delim in header for cell in header.split(delim))


@lru_cache(maxsize=256)
def _header_kind(cell: str) -> bool | None:
    """True, False or None for a column header, as :func:`_column` reads it."""
    if any(c.isdigit() for c in cell):
        return None  # the first line is a record, not a header
    from ..classification import header_announces  # imported here: classification imports the detectors

    types, free_text = header_announces(cell)
    if free_text:
        return False
    if not types:
        return None
    return bool(_NAME_COLUMNS.intersection(types))


def _triggers() -> re.Pattern[str]:
    """Regex of positions where a name can start, from the trained character tables."""
    global _trigger_re
    if _trigger_re is None:
        with _model_lock:
            if _trigger_re is None:
                lines = [
                    ln for ln in (resources.files("piiguard.ner") / _TRIGGERS_FILE)
                    .read_text("utf-8").splitlines() if ln and not ln.startswith("#")
                ]
                # A name starts with a letter (Han or Latin), never with punctuation: the
                # corpora's few spans that begin with "(" are annotation slips.
                starts = {c for c in lines[0] if c.isalpha()} | SURNAMES
                seconds = set(lines[1]) | {"·", "•"}
                global _seconds
                _seconds = frozenset(seconds)
                cls = lambda cs: "[" + "".join(re.escape(c) for c in sorted(cs)) + "]"  # noqa: E731
                # A surname before a title (李总, 王女士) or after 老/小 is a name too.
                _trigger_re = gated(
                    f"{cls(SURNAMES)}(?=[\u4e00-\u9fff])|{cls(starts - SURNAMES)}(?={cls(seconds)})"
                    f"|{cls(SURNAMES)}(?<=[老小].)"
                )
    return _trigger_re


def _tagger():
    return thread_tagger(_local, _MODEL)


_pairs: list[tuple[frozenset[bytes], ...] | None] = []


def _model_pairs(tagger) -> tuple[frozenset[bytes], ...] | None:
    """The character pairs the model has a feature for, by kind (see ``window_features``).

    Read once from the model's text dump (``Tagger.dump``, in a temporary directory):
    its ATTRIBUTES block lists every feature name the model knows, one a line. None
    when the dump cannot be written or read: every pair is then described, and the
    labels are the same.
    """
    if not _pairs:
        with _model_lock:
            if not _pairs:
                _pairs.append(_read_pairs(tagger))
    return _pairs[0]


def _read_pairs(tagger) -> tuple[frozenset[bytes], ...] | None:
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "model.txt")
            tagger.dump(path)
            # newline="": a feature may hold U+2028 or U+0085, which splitlines() cuts at.
            with open(path, encoding="utf-8", newline="") as fh:
                dump = fh.read()
    except (OSError, UnicodeDecodeError):
        return None
    head = "\nATTRIBUTES = {\n"
    start = dump.find(head)
    end = dump.find("\n}\n", start + 1)
    if start < 0 or end < 0:
        return None
    # Lines read "  %5d: name"; the name itself may hold ": " (m: ).
    names = [line.partition(": ")[2] for line in dump[start + len(head):end].split("\n")]
    return tuple(frozenset(name[1:].encode() for name in names if len(name) == 3 and name[0] == kind)
                 for kind in PAIR_KINDS)


_LATIN_WORD = re.compile("[A-Za-z]*")
_MATCH_START = re.Match.start
_KEY_ENDS = ("=", "_", '":', "':")


def _windows(text: str, skip: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Merged ``[start, end)`` windows around trigger characters outside ``skip`` spans."""
    out: list[tuple[int, int]] = []
    n = len(text)
    words = load_common_words()
    skip_iter = iter(skip or ())
    cur = next(skip_iter, None)
    latin_end, latin_key = -1, False
    for p in map(_MATCH_START, _triggers().finditer(text)):
        while cur is not None and cur[1] <= p:
            cur = next(skip_iter, None)
        if cur is not None and cur[0] <= p:
            continue  # inside an address: its characters are place names, not names
        if text[p].isascii():
            if p >= latin_end:
                latin_end = _LATIN_WORD.match(text, p).end()
                latin_key = text.startswith(_KEY_ENDS, latin_end)
            if latin_key:
                continue  # a key (address":, order=, user_id): no name
        # A trigger that begins or ends a common word (公司, 方法, 数据) rarely begins a
        # name; skipping it keeps the model off most of ordinary prose.
        if (text[p:p + 2] in words or (p and text[p - 1:p + 1] in words)) and not (
                _honorific_at(text, p + 3) or _honorific_at(text, p + 2)):
            continue  # … unless an honorific follows (黄金宝先生)
        s, e = max(0, p - _BEFORE), min(n, p + _AFTER)
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                ps, _ = out[-1]
                if e - ps > _MAX_WINDOW:
                    out.append((out[-1][1], e))
                else:
                    out[-1] = (ps, e)
        else:
            out.append((s, e))
    return out


def _outside(s: int, e: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """``[s, e)`` cut back to where it leaves or before it enters one of ``spans`` (sorted)."""
    i = bisect_right(spans, (s, float("inf"))) - 1
    if i >= 0 and spans[i][1] > s:
        s = spans[i][1]
    i += 1
    if i < len(spans) and spans[i][0] < e:
        e = max(s, spans[i][0])
    return s, e


def union_spans(*span_lists: Iterable[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """The sorted, non-overlapping union of span lists (touching spans merge)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(span for spans in span_lists if spans for span in spans):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _surname_len(name: str) -> int | None:
    if name[:2] in COMPOUND_SURNAMES and len(name) >= 3:
        return 2
    if name[0] in SURNAMES:
        return 1
    return None


def _model_spans(text: str, padded: str, skip: list[tuple[int, int]] | None) -> list[tuple[int, int, float]]:
    tagger = _tagger()
    cache = _window_cache()
    found = []
    n = len(text)
    for ws, we in _windows(text, skip):
        # The features of a window read its text plus two characters either side, and
        # whether it touches the text's edges; the same key always tags the same way.
        key = (padded[ws:we + 4], ws == 0, we == n)
        spans = cache.get(key)
        if spans is None:
            spans = _tag_window(tagger, padded, ws, we, n)
            if len(cache) >= _CACHE_SIZE:
                cache.clear()
            cache[key] = spans
        found.extend((ws + a, ws + b, p) for a, b, p in spans)
    return found


def _tag_window(tagger, padded: str, ws: int, we: int, n: int) -> tuple[tuple[int, int, float], ...]:
    """Name spans (offsets relative to ``ws``) the model finds in one window."""
    labels = tagger.tag(window_features(padded, ws, we, _model_pairs(tagger)))
    if "B" not in labels:
        return ()  # most windows of prose: no name begins
    out = []
    start = None
    seg = padded[ws + 2:we + 2]
    first = labels.index("B")  # no span is open before the first B
    for i, lab in enumerate(labels[first:] + ["O"], first):
        if i < len(labels) and lab != "O" and not (_name_char(seg[i]) or seg[i] == "a"):
            # A name never holds digits, ASCII or punctuation (蔡华艳+86…, 董*): the span
            # ends before such a character, which is then not the window's cut edge.
            lab = "O"
        if lab != "I" and start is not None:
            # A span touching a cut edge of the window was decided without the
            # context the model needs (a window ending in 建立 tags it as a name).
            latin = seg[start:i].count("a")
            if (start > 0 or ws == 0) and (i < len(labels) or we == n) and latin in (0, i - start):
                prob = min(map(tagger.marginal, labels[start:i], range(start, i)))
                out.append((start, i, prob))
            start = None
        if lab == "B":
            start = i
    return tuple(out)


_CACHE_SIZE = 20000


def _name_char(c: str) -> bool:
    """Characters a name may hold: Han (any plane) and the transliteration dot."""
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or c in "·•" or c >= "\U00020000"


def _window_cache() -> dict:
    """Per-thread memo of tagged windows: records repeat labels and phrases a lot."""
    cache = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
    return cache


# One space, then a one- or two-character given name that ends the field.
_SPACED_GIVEN = re.compile("[ \u3000][\u4e00-\u9fff]{1,2}(?![\u4e00-\u9fff])")


def _label_spans(text: str) -> list[tuple[int, int]]:
    """Names right after a field label (姓名：张伟): surname + 1-2 Han characters."""
    out = []
    words = load_words()
    for m in _LABEL_RE.finditer(text):
        p = m.end()
        sl = 2 if text[p:p + 2] in COMPOUND_SURNAMES else 1 if text[p:p + 1] in SURNAMES else 0
        if not sl:
            if m.group().rstrip().endswith(_LABEL_ENDS) and text[p:p + 1] in LABEL_SURNAMES:
                name = _field_name(text, p, words)
                if name:
                    out.append(name)
            continue
        if m.group().rstrip(" \u3000") in _VERB_LABELS:
            continue  # 签名盖章并…: without a colon 签名 is the verb
        if m.end() == m.start() + len(m.group().rstrip()) and not m.group().endswith(_LABEL_ENDS) and (
                text[p:p + 2] in words or text[p + 1:p + 3] in words):
            continue  # 客户都可以: without a colon the label may be an ordinary word
        if (not m.group().rstrip().endswith(_LABEL_ENDS) and text[p:p + 2] in NOT_NAME_WORDS
                and text[p + 2:p + 3] not in _NAME_END):
            continue  # 老客户 周末送货: a word running on after a label and a space (not 姓名 黄河，男)
        e = p + sl
        spaced = _SPACED_GIVEN.match(text, e) if m.group().rstrip().endswith(_LABEL_ENDS) else None
        if spaced:
            given = spaced.group()[1:]
            if not (given in _TITLE_SET or given in words or any(c in _AFTER_NAME for c in given)):
                out.append((p, spaced.end()))  # 姓名：张 伟, 收货人: 欧阳 娜娜 (a space after the surname)
            continue
        while e < len(text) and e - p < sl + 2 and "\u4e00" <= text[e] <= "\u9fff":
            e += 1
        if e - p > sl + 1 and (text[e - 1] in _END_VERBS_3 or text[e - 1:e + 1] in _AFTER_WORDS
                               or text[e - 1:e + 1] in _VERBS_AFTER_NAME):
            e -= 1  # 员工马超今天请假, 业主骆佳反映…: the time word or verb is not the name's
        # Leave a trailing title out: 联系人：王经理 -> 王, 客户：陈总 -> 陈 (a one-character
        # title only after a bare surname, and only those that end no name in the corpora).
        stripped = False
        for k in (3, 2):
            if e - k > p and text[e - k:e] in _TITLE_SET:
                e -= k
                stripped = True
                break
        else:
            if e - p == sl + 1 and text[e - 1] in _LABEL_TITLES:
                e -= 1
                stripped = True
        if (m.group().rstrip(" \u3000") in _ROLE_SET and not (e == len(text) or text[e] in _ROLE_END)):
            continue  # a role without a colon: the name must end the phrase (乘客彭于晏，…)
        if e - p > sl or stripped or text[e:e + 2] in _TITLE_SET or text[e:e + 1] in "先女总":
            out.append((p, e))
    return out


def _field_name(text: str, p: int, words: frozenset[str],
                ends: frozenset[str] = _NAME_END, surname: int = 1) -> tuple[int, int] | None:
    """A name at ``p`` that ends its field (``ends`` or the text's end follow it): a surname
    of ``surname`` characters and one or two more, no word unless the surname is compound
    (欧阳娜娜), or None."""
    e = p
    while e < len(text) and e - p < surname + 3 and _is_han(text[e]):
        e += 1
    if not surname + 1 <= e - p <= surname + 2 or (e < len(text) and text[e] not in ends):
        return None
    stripped = _strip_title(text, p, e)
    if stripped < e:
        return p, stripped  # 班主任：肖老师, 医生：燕医生: the surname, its title outside
    name = text[p:e]
    if surname == 1 and (name in words or name[:2] in words or name in NOT_NAME_WORDS or name in FIELD_WORDS):
        return None
    return p, e


def _role_colon_spans(text: str) -> list[tuple[int, int]]:
    """Names after a role word and a colon (医师：扁鹊明, 书记员：冀小蕾), ending the field."""
    out = []
    words = load_words()
    for m in _ROLE_COLON_RE.finditer(text):
        p = m.end()
        first = text[p:p + 2] if text[p:p + 2] in COMPOUND_SURNAMES else text[p:p + 1]
        if first not in SURNAMES and first not in LABEL_SURNAMES and first not in COMPOUND_SURNAMES:
            continue
        name = _field_name(text, p, words, _ROLE_NAME_END, len(first))
        if (name is None and len(first) == 1 and first in SURNAMES
                and (p + 1 == len(text) or text[p + 1] in _ROLE_NAME_END)):
            name = (p, p + 1)  # 医师：邵, 送检医生：金 项目：…: the surname alone fills the field
        if name is not None:
            out.append(name)
    return out


_CLOSINGS = frozenset(("敬上", "谨上", "拜上", "敬启", "谨启", "谨呈"))
_LABEL_TITLES = frozenset("总工姐姨婶奶")
_LABEL_ENDS = (":", "：", "】", "]", "“", '"', "「", "『")
# Field names whose value is a thing, not a person (付款方式：支付宝, 民族：汉族).
def _thing_value(text: str, s: int) -> bool:
    """Whether ``text[s:]`` is the value of a key about a thing (品牌：海尔, dept: 研发)."""
    j = s
    while j and text[j - 1] in " \t\"'" and s - j < 3:
        j -= 1
    if not j or text[j - 1] not in ":：=":
        return False  # most names: no key's colon right before
    j -= 1
    if j and text[j - 1] in "\"'":
        j -= 1
    key = text[max(0, j - 12):j].rstrip(" \t")
    if key.endswith(_THING_KEYS):
        return True
    if not key.endswith(_LATIN_THING_KEYS):
        return False
    # dept: 研发, "brand":"李宁" — the Latin key whole, not the end of a longer word (adept:)
    return any(key.endswith(k) and not (len(key) > len(k) and (key[-len(k) - 1].isalpha() or key[-len(k) - 1] == "_"))
               for k in _LATIN_THING_KEYS)


_THING_KEYS = ("方式", "类型", "状态", "品牌", "名称", "商品", "产品", "物品", "品名", "货物", "平台", "渠道", "银行", "开户行", "快递",
               "物流", "公司", "单位", "型号", "规格", "颜色", "口味", "尺码", "门店", "店铺", "商家", "车型", "来源",
               "分类", "标签", "科室", "部门", "职位", "职务", "学历", "专业", "城市", "省份", "地区", "民族", "籍贯",
               "血型", "星座", "生肖", "爱好", "宗教", "菜品", "药品", "材质", "款式", "配送", "支付")
# Keys of configuration files and logs whose values are things (dept: 研发, "brand":"李宁").
_LATIN_THING_KEYS = ("dept", "department", "company", "org", "team", "group", "city", "province", "country",
                     "status", "type", "category", "brand", "product", "title", "role", "position", "level",
                     "tag", "tags", "sku", "item", "dish", "menu", "weather", "app", "project", "sign")
_KEY_VALUE_ENDS = frozenset(":：=\"' \t")  # what ends a key before its value
_PRONOUNS = frozenset("您你我她它们")  # never inside a name in the corpora (他 is: 切他·他那乍罗)
_ROLE_SET = frozenset(ROLE_LABELS)
# Labels that are also verbs (签名盖章, 署名权): a name follows them only after a colon.
_VERB_LABELS = frozenset(("签名", "签字", "署名"))
_ROLE_END = frozenset("，,。、；; \n\t)）系")  # 系: a judgment's "is" (被告人古天乐系初犯)


_HAS_LATIN = re.compile("[A-Za-z]")
# Names in Latin letters: after a name label (姓名：David Wang) or a role word (选手Moon,
# 设计师DustinBrowder). The model sees Latin letters only as "a letter", so these rules
# carry them; before a verb alone (Simard证实) a name cannot be told from a company
# (Microsoft表示), so that is left out.
_LATIN_NAME = r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}|[A-Z]+ [A-Z][a-z]+"
_LATIN_LABELLED = gated(
    "(?:" + _LABELS + "|Name|NAME)"
    r"(?<![A-Za-z]name)(?<![A-Za-z]Name)(?<![A-Za-z]NAME)"  # not username or fileName
    r"[\"']?\s*[:：=]\s*[\"']?"  # 姓名：…, name=…, "Name": "…"
    # A Han surname or name may follow (Alex 王): it is part of the name.
    rf"((?:{_LATIN_NAME})(?:[ ·]?[\u4e00-\u9fff]{{1,3}}(?![\u4e00-\u9fff]))?)(?![A-Za-z0-9_.@-])"
)
_LATIN_ROLE = gated(
    r"(?:选手|队长|队员|小将|老将|新秀|玩家|主播|解说|设计师|主角|导演|演员|歌手|作者|记者|主持人|教练|"
    r"总裁|总监|制作人|创始人|画家|艺术家|原名|昵称|外号|名叫|叫做|我叫|叫我|你好|他叫|她叫|英文名|"
    r"负责人|经理|主管|董事|主编|编辑|副总裁|执行官|朋友|同事|闺蜜|男友|女友|男朋友|女朋友|老公|老婆|女儿|儿子|同学|助理)[:：]?\s?"
    # One word, or two capitalised words (Tom Chen).
    r"(?<![A-Za-z0-9_.@-])([A-Z][a-z]{1,14} [A-Z][a-z]{1,14}|[A-Za-z][A-Za-z]{1,14})(?![A-Za-z0-9_.@-])"
)


# A letter's greeting and closing name a person in Latin letters too (Dear Linda, / Best,
# ⏎Frank Zhao) when the name starts with a common given name (not Dear Team, Best, ⏎The Team).
_LATIN_ADDRESSED = re.compile(
    r"(?:^|(?<=[\s，。,.!！]))(?:Dear|Hi|Hello|Hey|Attn\.?)[ \t]+([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=[ \t]*[,，:：!！\n]|$)"
    r"|(?:Best regards|Kind regards|Regards|Best|Thanks|Thank you|Cheers|Sincerely|Yours)[,，]?[ \t]*\n[ \t]*"
    r"([A-Z][a-z]+(?: [A-Z][a-z]+)?)[ \t]*(?=\n|$)",
    re.MULTILINE,
)
_LATIN_GREETED = re.compile(r"([A-Z](?:(?<=^.)|(?<=[\s，。！？,.!?：:].))[a-z]{1,14})(?=你好|您好)", re.MULTILINE)
_LAST_LINE = re.compile(r"\n[ \t]*([A-Z][a-z]{1,14})[ \t]*\n?\Z")
_LETTER_WORDS = re.compile("Dear|Hi|Hello|Hey|Attn|[Rr]egards|Best|Thank|Cheers|Sincerely|Yours")
# A Latin name filling a table's person column (name,phone / Kevin Lin,137…).
_LATIN_FIELD = re.compile(r"(?<=[,|\t;])[ \t]*([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})[ \t]*(?=[,|\t;\r\n]|$)"
                          r"|^[ \t]*([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})[ \t]*(?=[,|\t;])", re.MULTILINE)


# A chat's speaker in Latin letters at a line's start (Sunny：周五吃火锅吗 / Mia：好呀): a
# name when it is a common given name or when two such speakers talk; words that label a
# line in logs, mail and transcripts are none (Error:, Note:, User:, Q:).
_LATIN_SPEAKER = re.compile(r"^[ \t]*([A-Z][a-z]{1,11})[ \t]*[:：][ \t]*(?=[\u4e00-\u9fff])", re.MULTILINE)
_LINE_LABELS = frozenset(
    "error warning warn info debug trace fatal note notes tips tip ps re fw fwd todo step q a question answer "
    "user assistant system bot admin server client host status result input output name date time subject "
    "from to cc bcc title tel phone mobile email mail address addr remark remarks comment summary "
    # an agent's trace (Thought: …, Observation: …)
    "thought thoughts observation action final reflection plan context query response request reply agent "
    "tool function args memory goal task instruction example human ai thinking analysis conclusion".split()
)


# A chat export's speaker: a line opens with a time (2023-12-24 19:00, [14:20:11]), perhaps a
# group role or a room (装修-, 6栋803), then the speaker and a colon. Read when two lines of
# the text open so; the speaker is a name of two to four characters, or 老/小 and a surname,
# with a title or a parent's word after it (钟管家, 宋雨桐妈妈) left out.
_CHAT_LINE_RE = re.compile(
    r"^[ \t]*\[?(?:(?:\d{4}[-/.])?\d{1,2}[-/.]\d{1,2}[ T]+)?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]+"
    r"(?:[\u4e00-\u9fff]{1,4}[-—]|[0-9A-Za-z\u4e00-\u9fff-]{1,10}[ \t]+)?"
    r"([\u4e00-\u9fff·]{2,8})[ \t]*[:：]",
    re.MULTILINE,
)
_SPEAKER_TAILS = ("妈妈", "爸爸", "家长", "奶奶", "爷爷", "外婆", "外公")
_NOT_SPEAKER_ENDS = frozenset("员长者手生人方主")


def _chat_speakers(text: str) -> list[tuple[int, int]]:
    found = [m.span(1) for m in _CHAT_LINE_RE.finditer(text)]
    if len(found) < 2:
        return []
    out = []
    for a, b in found:
        for tail in _SPEAKER_TAILS:
            if text.endswith(tail, a, b) and b - a > len(tail):
                b -= len(tail)  # 宋雨桐妈妈: the child's name
                break
        if text[a] in "老小" and b - a == 2 and text[a + 1] in _OLD_SURNAMES:
            out.append((a + 1, b))  # 装修-老陈: 陈
            continue
        sl = 2 if text[a:a + 2] in COMPOUND_SURNAMES else 1 if text[a] in SURNAMES else 0
        end = _strip_title(text, a, b)
        name = text[a:end]
        if (not sl or not sl + 1 <= end - a <= sl + 2 or name in NOT_NAME_WORDS or name in FIELD_WORDS
                or name[-1] in _NOT_SPEAKER_ENDS or name in _STRIP_SET):
            if sl and end < b and end - a == sl:
                out.append((a, end))  # 物业-钟管家: the surname
            continue
        out.append((a, end))
    return out


# A name spaced out character by character, as OCR and card layouts leave it (林 杰 森,
# 法定代表人 尹 志 刚, 今收到 万 强 交来): a run of single Han characters, one space apart,
# between other words or line edges.
_SPACED_RUN_RE = re.compile(
    # The space after the first character is tested first: most characters fail there.
    r"([\u4e00-\u9fff](?=[ \u3000][\u4e00-\u9fff])(?:(?<=^.)|(?<=[\s/:：|,，].))(?:[ \u3000][\u4e00-\u9fff]){1,3})"
    r"(?=$|[\s/:：|,，])", re.MULTILINE
)


def _spaced_names(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    out = []
    for m in _SPACED_RUN_RE.finditer(text):
        a, b = m.span(1)
        name = text[a:b:2]
        sl = 2 if name[:2] in COMPOUND_SURNAMES else 1 if name[0] in SURNAMES else 0
        if (not sl or not sl + 1 <= len(name) <= sl + 2 or name in words or name in FIELD_WORDS
                or name in NOT_NAME_WORDS or name[:2] in FIELD_WORDS or not _PRONOUNS.isdisjoint(name)
                or name[-1] in _END_VERBS_3 or name[-1] in _AFTER_NAME):
            continue  # 客户 张 说: a surname and a verb
        out.append((a, b))
    return out


def _latin_speakers(text: str) -> list[tuple[int, int]]:
    found = [m.span(1) for m in _LATIN_SPEAKER.finditer(text) if m.group(1).lower() not in _LINE_LABELS]
    if len({text[a:b] for a, b in found}) >= 2:
        return found
    return [(a, b) for a, b in found if is_given_name(text[a:b])]


def _latin_spans(text: str) -> list[tuple[int, int, float]]:
    """Names written in Latin letters, found by the words around them."""
    out = []
    for m in _LATIN_LABELLED.finditer(text):
        a, b = m.span(1)
        tail = regex.search(r"[ ·]?\p{Han}+$", text[a:b])
        if tail is not None and tail.group().lstrip(" ·") in FIELD_WORDS:
            b -= len(tail.group())  # 收件人：Maria Gonzalez 地址：…: the next field's label
        out.append((a, b, 0.8))
    for m in _LATIN_ROLE.finditer(text):
        word = m.group(1)
        if word.isupper() and len(word) <= 3:
            continue  # DIY, SPL: acronyms, not names
        out.append((m.start(1), m.end(1), 0.6))
    out += [(a, b, 0.7) for a, b in _latin_speakers(text)]
    if "你好" in text or "您好" in text:
        for m in _LATIN_GREETED.finditer(text):
            if likely_given_name(m.group(1)):
                out.append((*m.span(1), 0.7))  # Cathy你好，…
    last = _LAST_LINE.search(text, max(0, len(text) - 24))
    if last is not None and likely_given_name(last.group(1)):
        out.append((*last.span(1), 0.7))  # a letter signed on its last line: …随时联系。⏎Sophie
    if _LETTER_WORDS.search(text):
        for m in _LATIN_ADDRESSED.finditer(text):
            k = m.lastindex or 0
            if is_given_name(m.group(k).split()[0]):
                out.append((m.start(k), m.end(k), 0.8))
    if _has_name_column(text):
        for m in _LATIN_FIELD.finditer(text):
            k = m.lastindex or 0
            if _column(text, m.start(k), m.end(k)):
                out.append((m.start(k), m.end(k), 0.8))
    return out


# A name followed by its spelling in brackets: 休·芒罗(hughmunro), 莫亚格林(Moya Greene).
_SPELLED = re.compile(r"[(（]([A-Za-z][A-Za-z.\-]*(?: [A-Za-z][A-Za-z.\-]*){0,3})[)）]")
# Words often bracketed after a name that are no spelling of it.
_NOT_SPELLINGS = frozenset(
    "blog weibo vlog twitter facebook instagram ins wechat qq email mail tel phone mobile fax "
    "ceo cto cfo coo vp vip mvp id mv cv dj mc pr ps ok".split()
)


def _spelled_spans(text: str, spans: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """Latin spellings in brackets right after names already found (休·芒罗(hughmunro))."""
    out = []
    for s, e in spans:
        if e - s < 2 or spans[(s, e)] < 0.5 or text[e:e + 1] not in "(（":
            continue
        m = _SPELLED.match(text, e)
        if m is None:
            continue
        word = m.group(1)
        if len(word) < 3 or word.lower() in _NOT_SPELLINGS or (word.isupper() and len(word) <= 4):
            continue  # acronyms and labels (CEO, blog), not a spelling of the name
        out.append((m.start(1), m.end(1)))
    return out


def _quoted_value(text: str, s: int, e: int) -> bool:
    return s > 0 and text[s - 1] in "\"'" and text[e:e + 1] in ("\"", "'")


def _claim(spans: dict[tuple[int, int], float], taken: set[int], s: int, e: int, score: float) -> bool:
    """Add the name ``[s, e)`` unless a name found before holds one of its characters."""
    if taken.intersection(range(s, e)):
        return False
    spans[(s, e)] = score
    taken.update(range(s, e))
    return True


def _holders(spans: Iterable[tuple[int, int]]) -> dict[int, list[tuple[int, int]]]:
    """Each character position -> the names holding it, so a lookup by position does not
    read every name (on a long document that was quadratic)."""
    holding: dict[int, list[tuple[int, int]]] = {}
    for k in spans:
        _hold(holding, k)
    return holding


def _hold(holding: dict[int, list[tuple[int, int]]], k: tuple[int, int], remove: bool = False) -> None:
    for i in range(*k):
        if remove:
            holding[i].remove(k)
        else:
            holding.setdefault(i, []).append(k)


def _give_way(spans: dict[tuple[int, int], float], taken: set[int], s: int, e: int,
              below: float = float("inf")) -> None:
    """Drop the names lying inside ``[s, e)`` that score below ``below``, freeing their characters."""
    if len(spans) <= 64:
        inside = [k for k in spans if s <= k[0] and k[1] <= e]
    else:  # a long document: look the few possible spans up rather than read every name
        inside = [(a, b) for a in range(s, e) for b in range(a + 1, e + 1) if (a, b) in spans]
    for k in inside:
        if spans[k] >= below:
            continue
        del spans[k]
        taken.difference_update(range(*k))


_THANKS = frozenset(("谢谢", "感谢", "麻烦"))  # 谢谢小何: the model's 谢谢小


def _inside_any(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether ``[s, e)`` lies inside one of the sorted ``spans``."""
    i = bisect_right(spans, (s, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= s and e <= spans[i][1]


def _displace(spans: dict[tuple[int, int], float], taken: set[int], s: int, e: int, below: float) -> None:
    """Drop the names overlapping ``[s, e)`` that score below ``below`` (names are at most
    eight characters long, so only spans starting up to eight before ``s`` are looked up)."""
    if not taken.intersection(range(s, e)):
        return
    for a in range(max(0, s - 8), e):
        for b in range(max(a + 1, s + 1), a + 9):
            if (a, b) in spans and spans[(a, b)] < below:
                del spans[(a, b)]
                taken.difference_update(range(a, b))


_KEY_START = frozenset("\n\t|,，;；。 ")


def _in_brand(text: str, s: int, e: int) -> bool:
    """The span overlaps a brand or a dish named like a person (``BRAND_NAMES``)."""
    for k in range(max(0, s - 4), e):
        if text[k] in _BRAND_FIRST:
            for n in (2, 3, 4, 5):
                if k + n > s and text[k:k + n] in BRAND_NAMES:
                    return True
    return False


_BRAND_FIRST = frozenset(b[0] for b in BRAND_NAMES)
_CAPITAL_NUMERALS = frozenset("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整")


def _keys_a_number(text: str, s: int, e: int, words: frozenset[str]) -> bool:
    """A dictionary word that keys a number is a field name, not a name: 车速：80, 单价：12,
    or at a line's or field's start 成交量12000 (news writes 安南6日, so a number right
    after the word counts only there)."""
    if text[s:e] not in words:
        return False
    j = e
    if text[j:j + 1] in ("：", ":"):
        j += 2 if text[j + 1:j + 2] == " " else 1
    elif s and text[s - 1] not in _KEY_START:
        return False
    return "0" <= text[j:j + 1] <= "9"


_REPEAT_REACH = 1000  # characters either side of a sure name where its repeats are read


def _repeated(text: str, spans: dict[tuple[int, int], float], taken: set[int],
              words: frozenset[str]) -> None:
    """Read a name found with confidence the same way where it occurs again nearby.

    News and chats name a person more than once, and the model may miss a repeat in a
    context it knows less (“什么时候能兑奖？”于海问) or read a verb into it (王益犯受贿罪). A repeat
    must stand at word edges (the characters across its start make no word; a function
    word, punctuation, a title or a verb follows it) and outside a book title. Repeats
    are looked for within ``_REPEAT_REACH`` characters, and each stretch of text
    once per name, so the cost stays linear on long documents.
    """
    sure = [(s, e) for (s, e), p in spans.items() if p >= 0.9 and 2 <= e - s <= 4]
    if not sure:
        return
    names = {text[s:e] for s, e in sure}
    names = {m for m in names if "\u4e00" <= min(m) and max(m) <= "\u9fff" and m not in words}
    if not names:
        return
    for (s, e), p in list(spans.items()):
        if p < 0.9 and e - s >= 3 and text[s:e - 1] in names and text[e - 1] not in _seconds:
            del spans[(s, e)]  # 王益犯 where 王益 is known: the name without the verb
            spans[(s, e - 1)] = p
            taken.discard(e - 1)
    n = len(text)
    reach: dict[str, int] = {}
    # Most names occur once: on a short text one C-level count rules their search out.
    # On a long one a count would read the whole text per name (quadratic), so the
    # search below, bounded by _REPEAT_REACH, runs instead.
    once = {m for m in names if text.count(m) < 2} if n <= 4 * _REPEAT_REACH else set()
    for s, e in sorted(sure):
        name = text[s:e]
        if name not in names or name in once:
            continue
        k = e - s
        hi = min(n, e + _REPEAT_REACH)
        i = text.find(name, max(0, s - _REPEAT_REACH, reach.get(name, 0)), hi)
        reach[name] = hi
        while i >= 0:
            j = i + k
            if ((i == 0 or not _is_han(text[i - 1]) or text[i - 1:i + 1] not in words)
                    and (j >= n or _after_ok(text, j) or text[j] in _END_VERBS)
                    and not _in_book_title(text, i)):
                _claim(spans, taken, i, j, 0.6)
            i = text.find(name, j, hi)


def detect_persons(text: str, *, skip: list[tuple[int, int]] | None = None,
                   quiet: list[tuple[int, int]] | None = None) -> list[Finding]:
    """Find Chinese personal names (PERSON) in normalized text.

    Args:
        text: text already passed through ``piiguard._normalize.normalize``.
        skip: sorted, non-overlapping ``(start, end)`` spans known not to hold a name;
            the model does not look inside them, and names glued to their edges are
            read whole. None (the default) finds the addresses itself; pass ``[]`` to
            skip nothing.
        quiet: sorted ``(start, end)`` spans of identifiers (e-mail, phone …) where no
            name starts: the model opens no window inside them.

    Returns:
        Findings whose ``metadata`` holds ``surname``, the surname's length in
        characters (1 or 2), when the name starts with a known surname.
    """
    if not text:
        return []
    if skip is None:
        from ._address import detect_addresses  # noqa: PLC0415 - circular at import time

        skip = [(f.start, f.end) for f in detect_addresses(text) if f.score >= 0.5]
    padded = prepare(text)
    words = load_words()
    common = load_common_words()
    spans: dict[tuple[int, int], float] = {}
    taken: set[int] = set()
    for s, e, prob in _model_spans(text, padded, union_spans(skip, quiet) if quiet else skip):
        if skip:
            # A window may reach into an address next to it (颜刚俊|桓仁满族自治县…,
            # …17号楼|钟涛): the name is the part outside.
            cut = _outside(s, e, skip)
            if cut != (s, e):
                if cut[1] - cut[0] < 2:
                    continue
                s, e = cut
        name = text[s:e]
        if name.isascii() and (name.isupper() or text[e:e + 1].isdigit() or (s > 0 and text[s - 1] in "0123456789._")
                               or text[e:e + 1] == "=" or name.lower() in _NOT_SPELLINGS):
            continue  # DVD, WCG, LSVAU2180…, tel=: acronyms, codes and keys, not names in Latin letters
        if name.isascii() and name.islower() and (text[e:e + 1] in (":", "=", "}") or text[s - 2:s] == "${"):
            continue  # employees:, ${address}: a key or a template's slot, not a name
        if name.isascii() and (unlikely_latin_name(text, s, e) or _quoted_value(text, s, e)):
            # 用Python写的: the Latin-word model knows the word; {"event":"logout","user":…}:
            # a quoted Latin word is a value or key, unless a label names it ("name":"Tom").
            continue
        if name.endswith(_COUNT_TAIL) and e - s >= 4:
            e -= 2
            name = text[s:e]
        elif e - s >= 4 and name[-2:] in _CLOSINGS:
            e -= 2  # 李娜敬启
            name = text[s:e]
        elif e - s >= 3 and (name[-1] in (_END_VERBS_3 if e - s == 3 else _END_VERBS)
                             or text[e - 1:e + 1] in _CLOSINGS) and not _name_ends_in_he(text, s, e):
            e -= 1  # 周茜死, 张伟敬上 (a letter's closing)
            name = text[s:e]
        elif e - s >= 3 and name[-1] == "文" and e < len(text) and text[e] in "/／)）":
            e -= 1  # a byline: 记者区君君文/图 (text by …)
            name = text[s:e]
        e = _strip_title(text, s, e)
        e = _before_after_word(text, s, e)
        if text[s] == "致" and e - s in (2, 3) and (s == 0 or text[s - 1] in "\r\n \t"):
            s += 1  # 致景先生：… opens a letter: "to", not part of the name
        if e - s == 2 and text[s] in "老小" and text[s + 1] in _OLD_SURNAMES and text[s + 1] not in "平林":
            s += 1  # 找老刘拿钥匙, 请小蒋转交: 老 and 小 are forms of address (小平 and 小林 are names)
        name = text[s:e]
        if 2 <= e - s <= 3 and text[e:e + 2] in ("家住", "家在") and name[0] in SURNAMES:
            prob = max(prob, 0.6)  # 王建国家住…: the model, unsure of 家, reads no name
        if (e - s == 3 and name[:2] in COMPOUND_SURNAMES and e < len(text) and text[e] in _seconds
                and text[e] not in _AFTER_NAME and text[e] not in _END_VERBS
                and (e + 1 == len(text) or text[e + 1] in _AFTER_NAME or not _is_han(text[e + 1]))):
            e += 1  # 上官飞|燕都住在…: a compound surname's name of four the model cut at three
            name = text[s:e]
        if not _PRONOUNS.isdisjoint(name):
            continue  # 祝您|金玉满堂: a name holds no pronoun
        if prob < 0.9 and (text[s - 1:s + 1] in _STRIP_SET and s > 0 or name[:2] in _STRIP_SET):
            continue  # 找师|傅来修, 师傅我在…: the surname is part of a title
        if (e - s == 4 and prob < 0.9 and (s == 0 or text[s - 1] in "\r\n") and (e == len(text) or text[e] in " \t\r\n")
                and name[:2] not in COMPOUND_SURNAMES and any(name[i:i + 2] in words for i in range(3))):
            continue  # a heading line the model is unsure of (顺丰速运 运单号, 车险保单): it holds a word
        if e - s == 1 and name not in SURNAMES and (
                name.isascii() or text[e:e + 1] in " \u3000\t" or s > 0 and text[s - 1] in "\r\n"
                or name in _FUNCTION_CHARS or name in "吗呢吧啊呀哦嘛么"):
            # 丁美华\n地　址, m.奈特, 孟浩然先生|吗: a lone character at a field's edge, a letter
            # or a particle is no name
            continue
        if (e - s >= 5 and prob < 0.8 and name[0] in SURNAMES and not _DOT_RE.search(name)
                # a whole phrase between edges (not 177…39岳飞燕|迎宾南路, glued to an address)
                and (s == 0 or not _is_han(text[s - 1]) and not text[s - 1].isdigit())
                and (e == len(text) or not _is_han(text[e]))
                and sum(c in _translit() for c in name) * 2 < e - s and not (e - s in (5, 6) and name[3] in SURNAMES)):
            continue  # 王妈妈来接孩子: a sentence the model read as one unsure name
        if (e - s in (5, 6) and name[0] in SURNAMES and name[3] in SURNAMES and name[:2] not in COMPOUND_SURNAMES
                and _translit().isdisjoint(name[1:3] + name[4:])):
            # Two names run together, as in bylines (艾启平余立鹏): a Han name has at most
            # three characters unless its surname is compound.
            for a, b in ((s, s + 3), (s + 3, e)):
                if text[a:b] not in words and not taken.intersection(range(a, b)):
                    spans[(a, b)] = prob
                    taken.update(range(a, b))
            continue
        if (name in NOT_NAME_WORDS
                or (e - s == 3 and name[:2] in NOT_NAME_WORDS and not _titled(text, e)
                    # 马克|思, 莫斯|利: a name the model is sure of (not 上官|飞 of 上官飞燕)
                    and prob < 0.97)
                or (prob < 0.95 and name in words and (prob < 0.8 or name in common))
                or (e - s == 3 and name[2] in "人们" and name[:2] in words)  # 唐朝人, 汉族人
                # 李政道, 罗雪村, 余晓路: a sure name may end so where no address was read
                or name[-1] in _BAD_LAST and not (prob >= 0.97 and name[-1] in "道路村" and e - s == 3)
                or (_company_after(text, e, near=prob >= 0.95) and not _titled(text, e))
                or name.endswith(_SHOPS)):  # 王记面馆
            continue
        spans[(s, e)] = prob
        taken.update(range(s, e))
    if "、" in text:
        for k in [k for k in spans if text[k[1]:k[1] + 1] == "、" or text[k[0] - 1:k[0]] == "、"
                  if _in_word_list(text, k[0], k[1], taken, words)]:
            del spans[k]  # 陈皮、黄芪、党参: an item of a list of things
            taken.difference_update(range(*k))
    for s, e in sorted(spans):
        extra = _coordinated(text, s, e, words) if spans[(s, e)] >= 0.5 else None
        if extra in spans:
            spans[extra] = max(0.6, spans[extra])  # the model's unsure 颜兰建 of …和颜兰建三人
        elif extra is not None and not taken.intersection(range(*extra)):
            spans[extra] = max(0.6, spans.pop(extra, 0.0))
            taken.update(range(*extra))
    dotted = _dotted_spans(text)
    holding = _holders(spans) if dotted else {}
    for s, e in dotted:
        if (skip and _outside(s, e, skip) != (s, e)) or _in_book_title(text, s):
            continue
        # Where the model read the dotted name it keeps its end; the rule only moves
        # a start it cut two characters late (古丽·热合曼 -> 阿依古丽·热合曼).
        dot = next(i for i in range(s, e) if text[i] in _DOTS)
        model = holding.get(dot, []) + [k for k in holding.get(dot + 1, ()) if k[0] == dot + 1]
        if not model:
            # The model read the left part only (蒂亚戈|·席尔瓦): the rule's name replaces it.
            left = [k for k in holding.get(dot - 1, ()) if k[1] == dot and k[0] >= s]
            e = _strip_title(text, s, e)
            if (len(left) == 1 and e - dot >= 3 and not taken.intersection(range(dot, e))
                    and _END_VERBS.isdisjoint(text[dot + 1:e])):
                k = left[0]
                spans[(s, e)] = max(spans.pop(k), 0.75)
                taken.update(range(s, e))
                _hold(holding, k, remove=True)
                _hold(holding, (s, e))
                continue
        if model:
            k = model[0]
            if len(model) == 1 and k[0] == s:
                end = _strip_title(text, s, e)
                if (k[1] < end <= k[1] + 2 and (end == len(text) or not _is_han(text[end]))
                        and not taken.intersection(range(k[1], end)) and _END_VERBS.isdisjoint(text[k[1]:end])):
                    # The model stopped one or two characters short of a dotted name that
                    # ends at a clear edge (努尔买买提·阿不|都): the rule's end is the name's.
                    spans[(s, end)] = max(spans.pop(k), 0.75)
                    taken.update(range(k[1], end))
                    _hold(holding, k, remove=True)
                    _hold(holding, (s, end))
                    continue
                spans[k] = max(spans[k], 0.75)  # the rule confirms an unsure model
                continue
            if (len(model) > 1 or k[0] - s != 2 or taken.intersection(range(s, k[0]))
                    or not (s == 0 or not _is_han(text[s - 1]) or text[s - 1] in _CONJ)):
                continue  # only two characters more, from a clear edge (和|阿依古丽·…)
            spans[(s, k[1])] = max(spans.pop(k), 0.75)
            taken.update(range(s, k[0]))
            _hold(holding, k, remove=True)
            _hold(holding, (s, k[1]))
        elif _claim(spans, taken, s, e, 0.75):
            _hold(holding, (s, e))
    for s, e in _compound_spans(text):
        if not (skip and _outside(s, e, skip) != (s, e)):
            _claim(spans, taken, s, e, 0.7)
    labelled = _label_spans(text) + _role_colon_spans(text)
    for s, e in labelled:
        if " " in text[s:e] or "\u3000" in text[s:e]:
            # A name spaced after its surname (欧阳 娜娜) replaces the model's pieces.
            _give_way(spans, taken, s, e)
        elif e - s >= 2 and spans.get((s, s + 1), 1.0) < 0.9:
            _give_way(spans, taken, s, e, below=0.9)  # 监护人 尤大海: not the model's unsure 尤
        if (s, e) in spans:
            spans[(s, e)] = max(spans[(s, e)], 0.8)  # the label confirms an unsure model (开户名：钱多多)
        elif not _company_after(text, e) and not _SHOP.match(text, s + 1):
            _claim(spans, taken, s, e, 0.8)
    if "、" in text:
        for m in _counted_lists(text):
            a = m.start(1)
            for k, item in enumerate(re.split("[、和与及]", m.group(1))):
                b = a + len(item)
                if k == 0 and len(item) > 2:
                    # The first item may hold the words before the list (其中|祝融, 安排|施展):
                    # the name is its end, after a word.
                    cut = next((i for i in (len(item) - 3, len(item) - 2)
                                if i > 0 and item[i] in SURNAMES and item[:i] in words), None)
                    if cut is not None:
                        a, item = a + cut, item[cut:]
                first = item[:2] if item[:2] in COMPOUND_SURNAMES else item[:1]
                end = _strip_title(text, a, b)  # 洪老师、盛阿姨、阮先生等11人: the surnames
                name = text[a:end]
                if ((first in SURNAMES or first in COMPOUND_SURNAMES) and name not in NOT_NAME_WORDS
                        and name not in FIELD_WORDS and (len(name) > len(first) or end < b) and "某" not in name):
                    if (a, end) in spans:
                        spans[(a, end)] = max(spans[(a, end)], 0.7)  # the model's unsure 李四 of …等5人
                    else:
                        if end < b or "等" not in name:
                            _give_way(spans, taken, a, b)  # the list's item, not the model's piece (申雨|诗)
                        _claim(spans, taken, a, end, 0.7)
                a = b + 1
    if " " in text or "\u3000" in text:
        for a, b in _spaced_names(text, words):
            if skip and _outside(a, b, skip) != (a, b):
                continue
            _give_way(spans, taken, a, b)  # the label rule's 黄 of 黄 俊 杰
            _displace(spans, taken, a, b, below=0.6)
            _claim(spans, taken, a, b, 0.7)
    if ":" in text or "：" in text:
        for a, b in _chat_speakers(text):
            if (a, b) in spans:
                spans[(a, b)] = max(spans[(a, b)], 0.7)
                continue
            _give_way(spans, taken, a, b)  # the model's 欧阳子 of 欧阳子轩爸爸
            _displace(spans, taken, a, b, below=0.6)
            _claim(spans, taken, a, b, 0.7)
    if "姓" in text:
        for m in _SURNAME_GIVEN_RE.finditer(text):
            a, b = m.span(1)
            _displace(spans, taken, a, b, below=0.9)
            _claim(spans, taken, a, b, 0.7)  # 客户：免贵姓黄，…: the surname a caller gives
    for a, b in _cued_by_role(text, words):
        if skip and _outside(a, b, skip) != (a, b):
            continue
        if (a, b) in spans:
            spans[(a, b)] = max(spans[(a, b)], 0.7)
            continue
        _displace(spans, taken, a, b, below=0.6)  # the model's unsure 王梓轩买 of 给儿子王梓轩买的
        _claim(spans, taken, a, b, 0.7)
    if "用户" in text or "客户" in text:
        for m in _USER_NAME_RE.finditer(text):
            a, b = m.span(1)
            name = text[a:b]
            if name in words or name[:2] in words or name in NOT_NAME_WORDS or name in FIELD_WORDS:
                continue
            glued = (a - 1, b)  # the model's 户江涛 of 用户江涛
            if glued in spans:
                del spans[glued]
                taken.difference_update(range(*glued))
            _give_way(spans, taken, a, b, below=0.9)
            _claim(spans, taken, a, b, 0.75)
    if "（" in text or "(" in text:
        for m in _RELATED_RE.finditer(text):
            a, b = m.span(1)
            b = _strip_title(text, a, b)  # 李阿姨（邻居） -> 李
            if text[a:b] in FIELD_WORDS or text[a:b] in NOT_NAME_WORDS:
                continue
            _give_way(spans, taken, a, b, below=0.9)
            _claim(spans, taken, a, b, 0.75)
    if "【" in text:
        for m in _SMS_ADDRESSEE_RE.finditer(text):
            a, b = m.span(1)
            b = _strip_title(text, a, b)  # 尊敬的宋先生 -> 宋
            hailed = text.startswith(("您好", "你好", "先生", "女士", "小姐"), b)
            if text[a:b] in FIELD_WORDS or text[a:b] in NOT_NAME_WORDS and not hailed:
                continue  # 【美团】夏天到了，…: a word, unless greeted (【美团】夏天您好)
            _give_way(spans, taken, a, b)
            _claim(spans, taken, a, b, 0.8)
    if "先生" in text or "女士" in text or "小姐" in text:
        for m in _HONOURED_RE.finditer(text):
            got = _honoured(text, m.start(), words)
            if got is None or got not in spans and taken.intersection(range(*got)):
                continue
            spans[got] = max(spans.get(got, 0.0), 0.75)  # the model's unsure 詹一 of 詹一小姐
            taken.update(range(*got))
    # A greeted name opens a line and needs a greeting after it: two substring tests rule
    # out the scan for most texts.
    greeted = ([(m.start(1) - 1, m.end(1) - 1, True) for m in _GREETED_SCAN.finditer("\n" + text)]
               if "你好" in text or "您好" in text else [])
    for a, b, is_greeted in greeted + [(m.start(), m.end(), False) for m in _TIBETAN_RE.finditer(text)]:
        b = _strip_title(text, a, b)
        if skip and _outside(a, b, skip) != (a, b):
            continue
        if is_greeted and (text[a:b] in FIELD_WORDS or text[a:b] in words):
            continue  # 顾客：你好…: a speaker's label, not an addressee
        if (a, b) in spans:
            spans[(a, b)] = max(spans[(a, b)], 0.8)
            continue
        # The rule's name replaces the model's pieces of it (万芳|一, 格|桑梅朵).
        _give_way(spans, taken, a, b)
        _claim(spans, taken, a, b, 0.8)
    for m in _OLD_RE.finditer(text):
        if m.start() not in taken:
            spans[(m.start(), m.end())] = 0.6
    for m in _CUED_RE.finditer(text):
        a, b = m.span(1)
        name = m.group(1)
        if (a, b) in spans:
            spans[(a, b)] = max(spans[(a, b)], 0.6)  # the model's unsure 王芳 of 谢谢王芳！
        elif (not taken.intersection(range(a, b)) and name not in words and name not in NOT_NAME_WORDS
              and name[-1] not in _TITLE_SET and name[-2:] not in _TITLE_SET
              # A given name of two may be a word (段立新, 黄建设); the surname may not start one.
              and (_plain_name(name) or b - a == 3 and name[:2] not in words
                   # After 他叫/我叫/名叫 the name is being given: its characters need not be
                   # ones the model saw in names (他叫卓一航，…).
                   and (_given_chars(name) or _naming(text, m.start())))):
            _claim(spans, taken, a, b, 0.6)  # not 何总 of 感谢何总 (a surname and a title)
    for a, b in _titled_surnames(text):
        if a and text[a - 1:b] in words:
            continue  # 和平先生: the particle and the surname make a word
        if (a, b) in spans:
            spans[(a, b)] = max(spans[(a, b)], 0.7)  # the model's unsure 李 of 李总
        else:
            glued = (a - 1, b)
            if glued in spans and text[a - 1] in _GLUED_PREPOSITIONS:
                del spans[glued]  # the model's 由祁 of 由祁同志牵头
                taken.difference_update(range(*glued))
            _displace(spans, taken, a, b, below=0.6)  # the model's unsure 人潘 of 办事人潘女士
            _claim(spans, taken, a, b, 0.7)
    if _HAS_LATIN.search(text):
        for a, b in romanised_name_spans(text):
            if skip and _outside(a, b, skip) != (a, b):
                continue
            _give_way(spans, taken, a, b, below=0.9)  # the model's Wang of James Wang
            _claim(spans, taken, a, b, 0.7)
        for a, b, score in _latin_spans(text):
            _claim(spans, taken, a, b, score)
        for a, b, score in latin_name_spans(text):
            _claim(spans, taken, a, b, score)  # what no label or role word marks (暴雪总裁MikeMorhaime表示)
        for a, b in _spelled_spans(text, spans):
            _give_way(spans, taken, a, b, below=0.6)  # an unsure piece the model read (Moya |Greene)
            _claim(spans, taken, a, b, 0.6)
    starts = {k[0]: k for k in spans}
    for s, e, glued in _field_spans(text, skip):
        inside = taken.intersection(range(s, e))
        if not inside:
            spans[(s, e)] = 0.7
            continue
        if not glued:
            continue
        # The field reads whole (司马英 before an address): it replaces one shorter
        # model span lying inside it.
        inner = starts.get(min(inside))
        if inner is not None and s <= inner[0] and inner[1] < e and len(inside) == inner[1] - inner[0]:
            del spans[inner]
            spans[(s, e)] = 0.7
    if "、" in text and spans:
        for a, b in _listed_among_names(text, spans):
            _claim(spans, taken, a, b, 0.6)
    if spans:
        _repeated(text, spans, taken, words)
    out = []
    labelled = set(labelled)
    for (s, e), prob in sorted(spans.items()):
        if (s, e) not in labelled and _keys_a_number(text, s, e, words):
            continue
        if (s, e) not in labelled and _in_brand(text, s, e):
            continue  # 周大福的金镯子, 来一罐王老吉 (吉 of 老吉)
        if s and text[s - 1] in _KEY_VALUE_ENDS and (s, e) not in labelled and _thing_value(text, s):
            continue  # dept: 研发, 品牌：李宁: a field about a thing holds no name
        if quiet and _inside_any(quiet, s, e):
            continue  # michael of michael.z@example.com: inside an identifier found already
        if e - s == 1 and text[s] not in SURNAMES and (text[s - 1:s].isdigit() or text[s] in "岁次个号元年月日天"):
            continue  # 夏雨｜28岁｜, 85元/次: a unit, not a one-character name
        if text[s:s + 2] in _THANKS or text[s:s + 2] in _STRIP_SET or not _PRONOUNS.isdisjoint(text[s:e]):
            continue  # 乘客：师傅我在…: a title and a pronoun, whatever rule read them
        if "某" in text[s:e] or (e - s >= 3 or text[e - 1] in "元圆整") and all(c in _CAPITAL_NUMERALS for c in text[s:e]):
            continue  # 被告：张某: anonymised already; 伍佰万元整: an amount in capital numerals
        if text[e:e + 1] == "某" and e - s == _surname_len(text[s:e]):
            continue  # 原告王某某: a name a judgment has anonymised already (no corpus labels it)
        meta = {}
        sl = _surname_len(text[s:e])
        if sl:
            meta["surname"] = sl
        out.append(Finding(s, e, "PERSON", round(prob, 3), _RECOGNIZER, meta))
    return out
