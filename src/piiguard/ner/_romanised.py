"""PERSON: Chinese names written in Latin letters (Wang Xiaoming, Chan Tai Man, ZHANG/WEIMING).

Chinese text carries names romanised: in English signatures and attendee lists (Grace Wong,
Peter Zhou), on bilingual business cards (陳大文 / Chan Tai Man), in hotel and airline
records (GUEST: ZHANG/WEIMING, HUANG, JUNJIE), after Mr. or Ms. The character model sees
Latin letters only as "a letter", and the Latin-word model reads one word at a time; this
rule reads the words together. A name here is:

- a romanised Chinese surname (pinyin, Cantonese or Wade-Giles spelling) and a given
  name of pinyin, Cantonese or Wade-Giles syllables, in either order (Wang Xiaoming,
  Chan Siu Ming, Xiaoming Wang);
- a common English given name and a romanised surname (Linda Xu, Kenny Lau);
- the same in capitals with a slash or comma between the parts, as tickets and passports
  write it (LIU/YANG, HUANG, JUNJIE);
- any capitalised name after Mr., Mrs., Ms., Miss, Dr. or Prof. (Mr. Chen).

Places and words spelled like a name (Hong Kong, Kung Fu, Feng Shui) are none.
"""

from __future__ import annotations

import re

from ._latin import is_given_name

__all__ = ["romanised_name_spans", "likely_given_name"]

_PINYIN = frozenset("""
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can
cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai
chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den
deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang
fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang
gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken
keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian
liang liao lie lin ling liu lo long lou lu lv luan lue lve lun luo ma mai man mang mao me mei
men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian
niang niao nie nin ning niu nong nou nu nv nuan nue nve nuo o ou pa pai pan pang pao pei pen
peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu
quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao
se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang
shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie
ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao
xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue
yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong
zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
""".split())
# Given-name syllables as Hong Kong (Cantonese) and Taiwan (Wade-Giles) spell them.
_OTHER_SYLLABLES = frozenset("""
siu yee wing kwok hoi yuk fai kit lok hin pui suet ching shing kei wah keung kwan yiu cheuk
tsun hei kwai yau sau kam kuen lung fung yung choi wun tin koon chuen nga oi yat chak pak kiu
mui chau tak sin tsz sum hing chee chiu kin ki yim wong
hsiao hsin hsiu hsu hsuan hsueh hsien hsing hsiung chih chieh chien chiao chia chiang chung
tsai tsung tzu jung kuang yueh chun
""".split()) | _PINYIN
# Surnames as pinyin, Cantonese (Hong Kong, Macau) and Wade-Giles (Taiwan) spell them.
_SURNAMES = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng
liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye
cheng wei su lu ding ren shen yao lu cui zhong tan fan jin shi liao jia xia fu fang bai zou
meng xiong qin qiu hou shao wan qian yan kong mao qiao xue lei long duan he gu hao gong shao
dai mo kang tao niu wen yin yi qi ruan ke jiao geng lai hong xiang cui ou an ning ge xing
bao zhan yue
chan wong cheung lau leung lee ng ho tsang chow yeung lam tse szeto kwok fung chu lo yip mak
chiu kwan yuen choi tsui au poon tam siu hui chung pang law ip tong sze hung koo mok fok cheuk
ko chau chong leong lao
chang hsu tsai kuo hsieh chiang yeh tseng chuang hsiao kao chien teng chao tsao shih
shangguan ouyang sima zhuge situ dongfang huangfu murong
""".split())
# Romanised pairs that are places, dishes, arts or brands, not people.
_NOT_NAMES = frozenset(
    "hong kong|kung fu|feng shui|tai chi|yin yang|ping pong|mao tai|li ning|wan chai|sha tin|tai po|"
    "ma on|tsim sha|mong kok|kwun tong|tsuen wan|yuen long|tin shui|tuen mun|sai kung|sheung wan|"
    "lan kwai|ho man|ma wan|dim sum|bok choy|chow mein|lo mein|wu tang|shen zhen|he fei|xi an|"
    "su zhou|hang zhou|guang zhou|tai yuan|wu han|nan jing|tian jin|chong qing|cheng du|bei jing|wan da|bao an|"
    "long gang|nan shan|fu tian|luo hu|hai dian|chao yang|dong cheng|xi cheng|pu dong|xu hui|jing an".split("|")
)
_HONORIFIC = re.compile(
    r"(?:M(?<![A-Za-z]M)(?:rs?|s|iss|RS?|S)|D(?<![A-Za-z]D)[rR]|P(?<![A-Za-z]P)rof)"
    r"\.?[ \t]+([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?![A-Za-z])"
)
# Two or three capitalised words (Wang Xiaoming, Chan Tai Man, Grace Wong); a given name
# may join its syllables with a hyphen (Chia-hui).
_TITLED_WORDS = re.compile(r"[A-Z](?<![A-Za-z0-9_@./-].)[a-z]+(?:-[A-Za-z][a-z]+)?(?:[ \t]+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){1,2}"
                           r"(?![A-Za-z0-9_@-])")
_PART = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?")
# Capitals as tickets and passports write them: surname, then a slash or comma (LIU/YANG).
_CAPITALS = re.compile(r"([A-Z](?<![A-Za-z0-9_@./-].)[A-Z]{0,9})(?:/|,[ \t]?)([A-Z]{2,12}(?:[ \t][A-Z]{2,8})?)(?![A-Za-z0-9_@-])")


def _syllables(word: str, known: frozenset[str]) -> bool:
    """Whether ``word`` splits into one to three syllables of ``known`` (xiaoming, siu)."""
    word = word.lower().replace("-", "")
    if not word:
        return False
    reach = {0: 0}  # position -> fewest syllables to get there
    for i in range(len(word)):
        if i not in reach or reach[i] >= 3:
            continue
        for k in range(1, 7):
            if word[i:i + k] in known and (i + k not in reach or reach[i + k] > reach[i] + 1):
                reach[i + k] = reach[i] + 1
    return len(word) in reach


def _is_name(words: list[str]) -> bool:
    low = [w.lower() for w in words]
    if any(f"{a} {b}" in _NOT_NAMES for a, b in zip(low, low[1:])):
        return False
    first, rest = low[0], low[1:]
    # Surname first: Wang Xiaoming, Chan Siu Ming, Shangguan Min.
    if first in _SURNAMES and all(_syllables(w, _OTHER_SYLLABLES) for w in rest):
        return True
    # Surname last: Grace Wong, Xiaoming Wang, Chia-hui Chang.
    if low[-1] in _SURNAMES and len(words) <= 3:
        given = low[:-1]
        if is_given_name(given[0]) or _GIVEN_EXTRA.issuperset(given[:1]):
            return True
        return len(given) == 1 and "-" in words[0] or all(_syllables(w, _OTHER_SYLLABLES) for w in given) and (
            sum(len(w) for w in given) >= 4)
    return False


# English given names left out of the Latin-word model's list because they are also words
# or brands (Grace, Lily, Jack): next to a romanised surname they are names.
_GIVEN_EXTRA = frozenset("grace lily jack rose ruby max mark bill kenny vivian cathy ivy amber angel "
                         "coco candy sunny apple cherry crystal daisy jade joy sky winnie wendy".split())


def likely_given_name(word: str) -> bool:
    """Whether ``word`` is a common English given name, those that are also words included (Lily)."""
    return is_given_name(word) or word.lower() in _GIVEN_EXTRA


def romanised_name_spans(text: str) -> list[tuple[int, int]]:
    """Chinese names in Latin letters in ``text``, as ``(start, end)``."""
    out = [m.span(1) for m in _HONORIFIC.finditer(text)]
    for m in _TITLED_WORDS.finditer(text):
        parts = [w.span() for w in _PART.finditer(text, m.start(), m.end())]
        low = [text[i:j].lower() for i, j in parts]
        if any(f"{a} {b}" in _NOT_NAMES for a, b in zip(low, low[1:])):
            continue  # Kung Fu Panda: no part of a run holding a place or an art is a name
        # The whole run, else its last or first two words (Attendees Grace Wong, Chan Tai Man Director).
        for a, b in ((0, len(parts)), (len(parts) - 2, len(parts)), (0, 2)):
            if b - a >= 2 and _is_name([text[i:j] for i, j in parts[a:b]]):
                out.append((parts[a][0], parts[b - 1][1]))
                break
    for m in _CAPITALS.finditer(text):
        surname, given = m.group(1).lower(), m.group(2).lower().split()
        if surname not in _SURNAMES:
            continue
        if all(_syllables(w, _OTHER_SYLLABLES) for w in given):
            out.append(m.span())
        elif len(given) == 2 and _syllables(given[0], _OTHER_SYLLABLES):
            out.append((m.start(), m.start(2) + len(given[0])))  # ZHANG/WEIMING ROOM: 2201
    return sorted(set(out))
