"""Rebuild the shipped PERSON model: ``src/piiguard/ner/person.crfsuite``.

A linear-chain CRF (python-crfsuite) over the character features of
``piiguard.ner._features``, trained on the train part of MSRA, CLUENER2020, Weibo and
Resume (PERSON spans only; each corpus's own dev/test files are never read and our dev
split, the last 10 % of a seeded shuffle, is held out) plus synthetic record-style
sentences (names glued to titles, digits and field labels; addresses from the CCKS 2021
and Li & Lu 2019 train files with their masked digits restored).

    .venv/bin/python scripts/train_ner.py [--iterations 120] [--out PATH]

Prints the dev-split numbers of the model alone and of the full detector.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import (  # noqa: E402
    ADDRESS_CORPORA, DATA, NER_CORPORA, ROOT, SEED, _read, restore_digits, split,
)

from piiguard.ner._chars import SURNAMES, TITLES  # noqa: E402
from piiguard.ner import _features  # noqa: E402
from piiguard.ner._features import prepare, window_features  # noqa: E402

MODEL = ROOT / "src" / "piiguard" / "ner" / "person.crfsuite"
CHARS = ROOT / "src" / "piiguard" / "ner" / "person_triggers.txt"
# A character opens a model window when at least this share of its occurrences in the
# training text begins a name (and it began at least two names).
TRIGGER_MIN_SHARE = 0.004
# A character is a transliteration character (a feature) when it occurs at least
# TRANSLIT_MIN times in foreign-looking names (3+ characters, no leading surname, or
# with ·) and that is at least TRANSLIT_SHARE of its occurrences.
TRANSLIT_MIN, TRANSLIT_SHARE = 4, 0.1
# MSRA sentences without a person are plentiful; keeping a share saves training time.
KEEP_EMPTY = {"msra": 0.35, "cluener": 1.0, "weibo": 1.0, "resume": 0.6}
# CLUENER and Weibo are small and unlike news; repeating them weights their style.
REPEAT = {"msra": 1, "cluener": 3, "weibo": 2, "resume": 1}

_SURNAME_WEIGHTED = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾") * 6 + sorted(SURNAMES)
_COMPANY_HEADS = ["华信", "鼎盛", "宏达", "新希望", "金地", "万科", "恒泰", "中粮", "海天", "明远",
                  "高德", "方正", "周大福", "王老吉", "李宁", "张裕", "黄山", "马钢", "石化", "金龙"]
_COMPANY_TAILS = ["有限公司", "科技有限公司", "贸易公司", "集团", "物流有限公司", "商行", "药业", "银行"]
_NEG_PHRASES = ["高兴", "方法", "周末", "万一", "黄金", "马上", "平安", "金额", "高速", "文化", "明天", "安全",
                "江苏", "黄河", "石油", "林业", "华为", "全国", "成都", "高新区", "常州", "杨浦区", "白云区"]


class Synth:
    """Record-style training sentences with PERSON gold (seeded)."""

    def __init__(self, seed: int, given_chars: str, addresses: list[str]) -> None:
        self.r = random.Random(seed)
        self.given = given_chars
        self.addresses = addresses

    def name(self) -> str:
        r = self.r
        if r.random() < 0.03:
            sur = r.choice(["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "司徒", "夏侯"])
        else:
            sur = r.choice(_SURNAME_WEIGHTED)
        return sur + "".join(r.choice(self.given) for _ in range(r.choice([1, 2, 2, 2])))

    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def phone(self) -> str:
        return self.r.choice(["13", "15", "18", "17", "19"]) + self.digits(9)

    def sentence(self) -> tuple[str, list[tuple[int, int]]]:
        r = self.r
        parts: list[tuple[str, bool]] = []
        k = r.randrange(16)
        nm = self.name()
        addr = r.choice(self.addresses)
        if k == 0:
            parts = [(nm, True), (self.phone(), False), (addr, False)]
            r.shuffle(parts)
        elif k == 1:
            lab = r.choice(["姓名", "联系人", "收件人", "收货人", "客户", "法定代表人", "户名", "车主", "患者"])
            sep = r.choice(["：", ":", " ", "", "是", "为"])
            parts = [(lab + sep, False), (nm, True), (r.choice(["，", " ", "；", "\n", ""]), False),
                     (r.choice(["电话", "手机", "联系电话", "Tel:"]) + r.choice(["：", ""]) + self.phone(), False)]
        elif k == 2:
            sur = nm[0]
            title = r.choice(["先生", "女士", "经理", "总", "老师", "师傅", "主任", "医生", "律师", "小姐"])
            if r.random() < 0.4:
                parts = [(r.choice(["请", "麻烦", "感谢", "联系", "找", ""]), False), (sur, True), (title, False),
                         (r.choice(["回电", "明天到", "确认一下订单。", "，您好", "签收"]), False)]
            else:
                parts = [(nm, True), (title + r.choice(["您好，", "说", "已签收", "：", "，", "的"]), False),
                         (r.choice(["快递放在门卫", "订单已发货", "明天上午送达", "合同已寄出"]), False)]
        elif k == 3:
            names = [self.name() for _ in range(r.randint(2, 4))]
            for i, n in enumerate(names):
                parts.append((n, True))
                if i < len(names) - 2:
                    parts.append((r.choice(["、", "，", " ", "和"]), False))
                elif i == len(names) - 2:
                    parts.append((r.choice(["和", "与", "及", "、"]), False))
            parts.append((r.choice(["参加了会议。", "负责本项目", "都是我们的客户", "已经到了"]), False))
        elif k == 4:
            pre = r.choice(["老", "小", "阿"])
            parts = [(r.choice(["我跟", "昨天", "", "听说", "和"]), False), (pre, False), (nm[0], True),
                     (r.choice(["说好了", "去吃饭了", "一起去", "打电话了"]), False)]
        elif k == 5:
            c = r.choice(_COMPANY_HEADS) + r.choice(_COMPANY_TAILS)
            parts = [(r.choice(["供应商", "公司", "客户单位", ""]), False), (c, False),
                     (r.choice(["的", "，联系人", "，负责人"]), False), (nm, True), (r.choice(["。", "，"]), False)]
        elif k == 6:
            neg = r.choice(_NEG_PHRASES)
            parts = [(r.choice(["今天", "这个", "我们", ""]) + neg + r.choice(["很重要", "的问题", "怎么样", "。"]), False)]
        elif k == 7:
            parts = [('{"name":"', False), (nm, True), ('","phone":"' + self.phone() + '","addr":"', False),
                     (addr, False), ('"}', False)]
        elif k == 8:
            parts = [(f"2024-0{r.randint(1, 9)}-1{r.randint(0, 9)} 10:2{r.randint(0, 9)} INFO user=", False),
                     (nm, True), (" action=login ip=10.0.0." + str(r.randint(1, 254)), False)]
        elif k == 9:
            parts = [(r.choice(["寄往", "送到", "地址：", "住在", ""]), False), (addr, False),
                     (r.choice(["，", " ", "", "收件人"]), False), (nm, True), (self.phone() if r.random() < 0.5 else "", False)]
        elif k == 10:
            parts = [(nm, True), (r.choice(["，男，", "，女，", "（", "："]), False),
                     (r.choice(["1975年出生，汉族，本科学历。", "身份证号" + self.digits(17) + "X", "现任公司董事。"]), False)]
        elif k == 12:
            sep = r.choice([",", "\t", "|", ";", " "])
            parts = [(r.choice(["", f"{r.randint(1, 99999)}{sep}", f"KH{r.randint(100, 999)}{sep}"]), False), (nm, True),
                     (sep + r.choice([self.phone(), r.choice(["男", "女"]), "VIP"]) + sep, False),
                     (r.choice([addr, "已完成", "2023-0" + str(r.randint(1, 9)) + "-1" + str(r.randint(0, 9))]), False)]
        elif k == 13:
            rel = r.choice(["朋友", "同事", "母亲", "父亲", "老公", "妻子", "女儿", "儿子", "邻居", "客户", "同学", "室友"])
            parts = [(r.choice(["用户提到他的", "我的", "她说", "记住：", "上次聊到"]) + rel, False), (nm, True),
                     (r.choice(["住在", "现在住", "的新家在", "说", "打电话", "下周", "在"]), False),
                     (r.choice([addr, "来找我", "过生日", "出差"]), False)]
        elif k == 14:
            parts = [(nm, True), (r.choice(["的手机号是", "的订单", "的地址是", "在", "于"]), False),
                     (r.choice([self.phone(), addr, "2021年加入公司", "上周退货了"]), False)]
        elif k == 15:
            parts = [(r.choice(["今天", "据", "记者", "本报讯", ""]), False), (nm, True),
                     (r.choice(["介绍", "表示", "告诉记者", "指出", "认为"]) + "，" + r.choice(_NEG_PHRASES)
                      + r.choice(["方面取得进展。", "问题需要解决。", "很重要。"]), False)]
        else:
            parts = [(r.choice(["你好，我是", "我叫", "我的名字是", "本人", "我是"]), False), (nm, True),
                     (r.choice(["，", "。", "，想咨询一下", "，订单号" + self.digits(12)]), False)]
        text, spans, pos = "", [], 0
        for s, is_name in parts:
            if is_name:
                spans.append((pos, pos + len(s)))
            text += s
            pos += len(s)
        return text, spans


def bio(text: str, spans: list[tuple[int, int]]) -> list[str]:
    y = ["O"] * len(text)
    for s, e in spans:
        y[s] = "B"
        for i in range(s + 1, e):
            y[i] = "I"
    return y


def spans_of(labels: list[str]) -> set[tuple[int, int]]:
    out, start = set(), None
    for i, lab in enumerate(labels + ["O"]):
        if lab != "I" and start is not None:
            out.add((start, i))
            start = None
        if lab == "B":
            start = i
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def write_words(path: Path, min_freq: int = 20, common_freq: int = 300) -> None:
    """Write the common-word list (jieba's dictionary, MIT licence; names left out).

    Words at or above ``common_freq`` are marked with a leading ``+``: the run-time
    window filter skips triggers that begin or end one of those.
    """
    import jieba

    src = Path(jieba.__file__).parent / "dict.txt"
    words = []
    for line in src.read_text(encoding="utf-8").splitlines():
        w, f, tag = line.split(" ")
        if (2 <= len(w) <= 4 and int(f) >= min_freq and tag not in ("nr", "nrt", "nrfg")
                and all("\u4e00" <= c <= "\u9fff" for c in w)):
            words.append(("+" if int(f) >= common_freq else "") + w)
    path.write_text(
        "# Common words (2-4 characters, frequency >= %d, person-name tags removed) from\n"
        "# jieba 0.42.1 dict.txt (MIT licence); '+' marks frequency >= %d.\n"
        "# Generated by scripts/train_ner.py.\n" % (min_freq, common_freq)
        + "\n".join(sorted(words, key=lambda w: w.lstrip("+"))) + "\n", encoding="utf-8")
    print(f"words: {len(words)}")


def write_triggers(path: Path, first: Counter, second: Counter, chars: Counter, translit: Counter) -> frozenset[str]:
    """Write the character statistics the run-time window filter and features use.

    Line 1: characters that often begin a name; line 2: characters seen as a name's
    second character; line 3: characters typical of transliterated names (a feature).
    Only character sets, never names or sentences, are written.
    """
    starts = sorted(c for c, n in first.items() if n >= 2 and n / chars[c] >= TRIGGER_MIN_SHARE)
    seconds = sorted(c for c, n in second.items() if n >= 2)
    foreign = sorted(c for c, n in translit.items() if n >= TRANSLIT_MIN and n / chars[c] >= TRANSLIT_SHARE)
    path.write_text(
        "# PERSON window triggers, generated by scripts/train_ner.py (character statistics\n"
        "# of the MSRA, CLUENER2020, Weibo and Resume train splits); do not edit by hand.\n"
        + "".join(starts) + "\n" + "".join(seconds) + "\n" + "".join(foreign) + "\n", encoding="utf-8")
    print(f"triggers: {len(starts)} start characters, {len(seconds)} second characters, "
          f"{len(foreign)} transliteration characters")
    return frozenset(foreign)


def build_training(rnd: random.Random) -> tuple[list, dict]:
    """Return training ``(text, spans)`` pairs and the dev splits per corpus."""
    data, devs, given = [], {}, Counter()
    first, second, chars, translit = Counter(), Counter(), Counter(), Counter()
    for name in NER_CORPORA:
        train, dev = split(name)
        devs[name] = dev
        for rec in train:
            chars.update(rec["text"])
            spans = [(s, e) for s, e, lab in rec["spans"] if lab == "PERSON"]
            for s, e in spans:
                first[rec["text"][s]] += 1
                if e - s > 1:
                    second[rec["text"][s + 1]] += 1
                if e - s >= 3 and (rec["text"][s] not in SURNAMES or "·" in rec["text"][s:e]):
                    translit.update(c for c in rec["text"][s:e] if "\u4e00" <= c <= "\u9fff")
            for s, e in spans:
                if e - s in (2, 3) and rec["text"][s] in SURNAMES:
                    given.update(rec["text"][s + 1:e])
            if spans or rnd.random() < KEEP_EMPTY[name]:
                data.extend([(rec["text"], spans)] * REPEAT[name])
    addresses = []
    for name in ADDRESS_CORPORA:
        for rec in _read(DATA / name / "train.jsonl"):
            addresses.append(restore_digits(rec["text"], rnd) if name == "address_elements" else rec["text"])
    # The features read the new table from here on (run time reads it from the file).
    _features._translit_set = write_triggers(CHARS, first, second, chars, translit)
    given_chars = "".join(c for c, n in given.most_common(600) if n >= 5)
    synth = Synth(SEED, given_chars, addresses)
    n_synth = len(data) // 4
    data.extend(synth.sentence() for _ in range(n_synth))
    return data, devs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.005)
    ap.add_argument("--minfreq", type=float, default=2)
    args = ap.parse_args()
    rnd = random.Random(SEED)
    t0 = time.time()
    write_words(MODEL.parent / "words.txt")
    data, devs = build_training(rnd)
    print(f"training sentences: {len(data)} ({sum(len(t) for t, _ in data)} chars)")
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, spans in data:
        trainer.append(window_features(prepare(text), 0, len(text)), bio(text, spans))
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.minfreq": args.minfreq, "feature.possible_transitions": True})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    print(f"trained in {time.time() - t0:.0f}s, model {args.out.stat().st_size / 1e6:.2f} MB")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(args.out))
    for name, dev in devs.items():
        tp = n_pred = n_gold = 0
        for rec in dev:
            text = rec["text"]
            gold = {(s, e) for s, e, lab in rec["spans"] if lab == "PERSON"}
            pred = spans_of(tagger.tag(window_features(prepare(text), 0, len(text)))) if text else set()
            tp += len(gold & pred)
            n_pred += len(pred)
            n_gold += len(gold)
        p, r, f = prf(tp, n_pred, n_gold)
        print(f"model alone  {name:8s} dev PERSON  P={p:.3f} R={r:.3f} F1={f:.3f}  (n={n_gold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
