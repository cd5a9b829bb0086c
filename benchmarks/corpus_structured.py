"""A synthetic corpus of Chinese records for structured identifiers, with gold spans.

Many genres (forms, chats, delivery notes, JSON and log lines, CSV rows, contract
prose) and many written forms (spaced and dashed numbers, +86/0086, area codes in
brackets, extensions, full-width digits, lower-case x), plus hard negatives that must
not fire (labelled order/tracking/invoice numbers, amounts, timestamps, checksum-invalid
IDs and cards, product codes). Values are generated with the standards' algorithms and
are not real people.

The patterns were developed against seed 1; benchmarks report seed 2 and up.

    python benchmarks/corpus_structured.py --seed 2 --records 5000
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳司马诸葛"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯欣怡婷雪琳晨阳博睿思涵子轩梓萱佳琪鸣海燕春梅龙德胜永福"
MOBILE = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159",
          "162", "165", "166", "167", "170", "171", "172", "173", "175", "176", "177", "178", "180", "181", "182",
          "183", "184", "185", "186", "187", "188", "189", "190", "191", "192", "193", "195", "196", "197", "198", "199"]
AREA = ["010", "021", "022", "023", "020", "024", "025", "027", "028", "029", "0755", "0571", "0512", "0532",
        "0731", "0791", "0871", "0898", "0931", "0951", "0991", "0471", "0351", "0311", "0371", "0551", "0591"]
REGIONS = ["110105", "110108", "310104", "310115", "440305", "440106", "330106", "320106", "510107", "420106",
           "610113", "500103", "370202", "350203", "230103", "150102", "650102", "460108", "530102", "620102"]
BINS = ["622202", "621700", "622848", "621661", "622588", "621226", "622700", "623058", "625965", "628288",
        "436742", "524094", "356889", "955880", "601382"]
PLATE_PROV = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
LET = "ABCDEFGHJKLMNPQRSTUVWXYZ"
USCC_ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"
DOMAINS = ["163.com", "qq.com", "126.com", "sina.com", "example.com.cn", "corp-mail.cn", "foxmail.com", "gmail.com"]


def _id_check(body: str) -> str:
    w = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(c) * k for c, k in zip(body, w)) % 11]


def _luhn(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial + "0")):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def _uscc_check(body: str) -> str:
    w = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    return USCC_ALPHA[(31 - sum(USCC_ALPHA.index(c) * k for c, k in zip(body, w)) % 31) % 31]


def _fw(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in s)


class Gen:
    """Random values in random written forms."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def name(self) -> str:
        r = self.r
        s = r.choice(["欧阳", "司马", "诸葛", "上官"]) if r.random() < 0.05 else r.choice(SURNAMES[:-6])
        return s + "".join(r.choice(GIVEN) for _ in range(r.choice([1, 2, 2])))

    def mobile(self) -> str:
        r = self.r
        n = r.choice(MOBILE) + self.digits(8)
        form = r.random()
        if form < 0.45:
            return n
        if form < 0.6:
            return f"{n[:3]} {n[3:7]} {n[7:]}"
        if form < 0.72:
            return f"{n[:3]}-{n[3:7]}-{n[7:]}"
        if form < 0.82:
            return r.choice(["+86 ", "+86-", "+86", "0086 ", "0086-", "(86)", "+86 "]) + n
        if form < 0.9:
            return _fw(n)
        return "+86 " + f"{n[:3]} {n[3:7]} {n[7:]}"

    def landline(self) -> str:
        r = self.r
        a = r.choice(AREA)
        local = str(r.randint(2, 8)) + self.digits(7 if len(a) == 3 or r.random() < 0.7 else 6)
        form = r.random()
        if form < 0.4:
            s = f"{a}-{local}"
        elif form < 0.55:
            s = f"({a}){local}"
        elif form < 0.65:
            s = f"（{a}）{local[:4]}-{local[4:]}"
        elif form < 0.8:
            s = f"{a} {local}"
        else:
            s = f"{a}{local}"
        if r.random() < 0.2:
            s += r.choice(["转", "-", " 转 ", "分机"]) + str(r.randint(1, 9999))
        return s

    def resident_id(self) -> str:
        r = self.r
        body = f"{r.choice(REGIONS)}{r.randint(1940, 2022)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{self.digits(3)}"
        v = body + _id_check(body)
        form = r.random()
        if form < 0.75:
            return v if r.random() < 0.8 else v.lower()
        if form < 0.85:
            return f"{v[:6]} {v[6:14]} {v[14:]}"
        if form < 0.92:
            return _fw(v)
        return f"{r.choice(REGIONS)}{r.randint(40, 99)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{self.digits(3)}"

    def bank_card(self) -> str:
        r = self.r
        bin_ = r.choice(BINS)
        n = r.choice([16, 19, 19, 18, 17])
        body = bin_ + self.digits(n - len(bin_) - 1)
        v = body + _luhn(body)
        form = r.random()
        if form < 0.6:
            return v
        if form < 0.85:
            return " ".join(v[i:i + 4] for i in range(0, len(v), 4))
        return "-".join(v[i:i + 4] for i in range(0, len(v), 4))

    def passport(self) -> str:
        r = self.r
        if r.random() < 0.4:
            return "E" + r.choice(LET) + self.digits(7)
        return r.choice("EEEG") + self.digits(8)

    def permit(self) -> tuple[str, str]:
        r = self.r
        k = r.randrange(4)
        if k == 0:
            return "港澳通行证", r.choice(["C" + self.digits(8), "C" + r.choice(LET) + self.digits(7)])
        if k == 1:
            return "回乡证", r.choice("HM") + self.digits(8)
        if k == 2:
            return "台胞证", self.digits(8)
        return "往来台湾通行证", "L" + self.digits(8)

    def uscc(self) -> str:
        r = self.r
        body = r.choice(["91", "92", "12", "52", "93"]) + r.choice(REGIONS) + "".join(r.choice(USCC_ALPHA) for _ in range(9))
        return body + _uscc_check(body)

    def plate(self) -> str:
        r = self.r
        p = r.choice(PLATE_PROV) + r.choice(LET)
        k = r.random()
        if k < 0.6:
            tail = "".join(r.choice("0123456789" * 3 + LET) for _ in range(5))
        elif k < 0.85:
            tail = r.choice("DF") + r.choice(LET + "0123456789") + self.digits(4)
        else:
            tail = self.digits(5) + r.choice("DF")
        return p + (r.choice(["·", " "]) if r.random() < 0.15 else "") + tail

    def email(self) -> str:
        r = self.r
        user = r.choice(["zhangwei", "li.na", "wang_fang", "liuyang", "chen.jie88", "yangmin", "hl2020"])
        return user + str(r.randint(1, 999)) + "@" + r.choice(DOMAINS)

    def ip(self) -> str:
        r = self.r
        if r.random() < 0.15:
            return f"2001:db8:{r.randint(0, 65535):x}::{r.randint(1, 65535):x}"
        return f"{r.randint(11, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"

    def url(self) -> str:
        r = self.r
        return r.choice(["https://", "http://", "www."]) .replace("www.", "www.") + r.choice(
            ["shop.example.cn", "m.example.com", "example.com.cn"]) + f"/u/{r.randint(1, 99999)}?ref=sms"

    def hk_id(self) -> str:
        r = self.r
        body = r.choice(LET) + self.digits(6)
        chars = " " + body
        total = sum(w * (36 if c == " " else (ord(c) - 55 if c.isalpha() else int(c))) for w, c in zip(range(9, 1, -1), chars))
        chk = (11 - total % 11) % 11
        return f"{body}({'A' if chk == 10 else chk})"

    # hard negatives -------------------------------------------------------
    def invalid_id(self) -> str:
        body = f"{self.r.choice(REGIONS)}19{self.r.randint(50, 99)}0{self.r.randint(1, 9)}1{self.r.randint(0, 9)}{self.digits(3)}"
        good = _id_check(body)
        return body + self.r.choice([c for c in "0123456789X" if c != good])

    def invalid_card(self) -> str:
        body = "62" + self.digits(13)
        good = _luhn(body)
        return body + self.r.choice([c for c in "0123456789" if c != good])


Piece = tuple[str, str | None]


def record(g: Gen) -> list[Piece]:
    """One record or sentence as (text, label-or-None) pieces."""
    r = g.r
    k = r.randrange(19)
    sep = r.choice(["，", "，", "；", " ", "\n", "、"])
    if k == 0:
        return [("姓名：", None), (g.name(), None), (sep + "手机：", None), (g.mobile(), "PHONE_NUMBER"),
                (sep + "身份证号：", None), (g.resident_id(), "CN_RESIDENT_ID")]
    if k == 1:
        return [("收件人 ", None), (g.name(), None), (" 电话 ", None), (g.mobile(), "PHONE_NUMBER"),
                ("，运单号 SF", None), (g.digits(12), None), ("，代收金额", None), (f"{r.randint(1, 99)},{r.randint(100, 999)}.00", None), ("元", None)]
    if k == 2:
        return [('{"user": "', None), (g.name(), None), ('", "mobile": "', None), (g.mobile().replace(" ", ""), "PHONE_NUMBER"),
                ('", "id_card": "', None), (g.resident_id().replace(" ", ""), "CN_RESIDENT_ID"), ('", "ts": ', None),
                (f"20{r.randint(10, 24)}{r.randint(1, 12):02d}{r.randint(10, 28)}{r.randint(10, 23)}{r.randint(10, 59)}{r.randint(10, 59)}", None), ("}", None)]
    if k == 3:
        return [(f"2024-0{r.randint(1, 9)}-1{r.randint(0, 9)} 10:2{r.randint(0, 9)}:33 INFO login ok user=", None), (g.email(), "EMAIL_ADDRESS"),
                (" ip=", None), (g.ip(), "IP_ADDRESS"), (" order=", None), (g.digits(19), None)]
    if k == 4:
        return [("您好，我的卡号是", None), (g.bank_card(), "CN_BANK_CARD"), ("，开户行是", None), (r.choice(["工商银行", "建设银行", "招商银行"]), None),
                ("，麻烦退款到这张卡。", None)]
    if k == 5:
        return [("公司座机", None), (g.landline(), "PHONE_NUMBER"), ("，传真同号。", None)]
    if k == 6:
        label, value = g.permit()
        return [(f"出行人持{label}，证件号", None), (value, "CN_HMT_PERMIT"), ("，护照号码", None), (g.passport(), "CN_PASSPORT"), ("。", None)]
    if k == 7:
        return [("乙方（统一社会信用代码：", None), (g.uscc(), "CN_USCC"), ("）法定代表人", None), (g.name(), None), ("，联系电话", None),
                (g.landline(), "PHONE_NUMBER"), ("。", None)]
    if k == 8:
        return [("车主", None), (g.name(), None), ("，车牌号", None), (g.plate(), "CN_LICENSE_PLATE"), ("，于", None),
                (f"2023年{r.randint(1, 12)}月{r.randint(1, 28)}日", None), ("驶入停车场。", None)]
    if k == 9:
        return [("订单号：", None), (g.digits(r.choice([11, 16, 18, 19])), None), ("，发票号码", None), (g.digits(r.choice([8, 12, 20])), None),
                ("，合计", None), (f"{r.randint(1, 9)}{r.randint(100, 999)},{r.randint(100, 999)}.00", None), ("元。", None)]
    if k == 10:
        return [("身份证号", None), (g.invalid_id(), None), ("校验失败，请重新输入；卡号", None), (g.invalid_card(), None), ("无效。", None)]
    if k == 11:
        return [("请访问", None), (g.url(), "URL"), ("或发邮件至", None), (g.email(), "EMAIL_ADDRESS"), ("咨询。", None)]
    if k == 12:
        return [("香港身份证", None), (g.hk_id(), "HK_ID"), ("，联系电话", None), (g.mobile(), "PHONE_NUMBER"), ("。", None)]
    if k == 13:
        return [(g.name(), None), (g.mobile().replace(" ", "").replace("-", ""), "PHONE_NUMBER"), ("北京市朝阳区建国路", None), (str(r.randint(1, 200)), None), ("号", None)]
    if k == 14:
        return [("工单编号", None), (r.choice(MOBILE) + g.digits(8), None), ("已处理，时间戳", None), (g.digits(14), None),
                ("，型号 E", None), (g.digits(8), None), ("。", None)]
    if k == 16:
        # Numbers listed with only a space, comma or slash between them; dotted and
        # 86-prefixed mobiles.
        a, b = r.choice(MOBILE) + g.digits(8), r.choice(MOBILE) + g.digits(8)
        a = r.choice([a, a, f"{a[:3]}.{a[3:7]}.{a[7:]}", "86" + a])
        return [("联系方式：", None), (a, "PHONE_NUMBER"), (r.choice([" ", ",", "/", " / "]), None), (b, "PHONE_NUMBER"),
                (" ", None), (g.landline(), "PHONE_NUMBER")]
    if k == 17:
        # A record run together with spaces: name, ID, phone, then a date.
        return [(g.name(), None), (" ", None), (g.resident_id().replace(" ", "").replace("-", ""), "CN_RESIDENT_ID"), (" ", None),
                (r.choice(MOBILE) + g.digits(8), "PHONE_NUMBER"), (" ", None), (f"{r.randint(2018, 2024)}年{r.randint(1, 12)}月到期", None)]
    if k == 18:
        # Quantities with a phone's or a card's shape: a unit after the number.
        return [(r.choice(["共计", "注册资本 ", "本月营收"]), None), (r.choice(MOBILE) + g.digits(8), None), (r.choice(["元", " 元", "元人民币"]), None),
                ("，播放量", None), (r.choice(MOBILE) + g.digits(8), None), ("次。", None)]
    return [("客户于", None), (f"{r.randint(2018, 2024)}年{r.randint(1, 12)}月", None), ("签约，借记卡", None), (g.bank_card(), "CN_BANK_CARD"),
            ("，预留手机", None), (g.mobile(), "PHONE_NUMBER"), ("。", None)]


def build(seed: int, records: int) -> tuple[str, list[dict[str, object]]]:
    """Text and gold spans for ``records`` records, joined by newlines."""
    g = Gen(seed)
    parts: list[str] = []
    gold: list[dict[str, object]] = []
    pos = 0
    for _ in range(records):
        for text, label in record(g):
            if label:
                gold.append({"start": pos, "end": pos + len(text), "label": label})
            parts.append(text)
            pos += len(text)
        parts.append("\n")
        pos += 1
    return "".join(parts), gold


def lines(seed: int, records: int) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """The same corpus, one record at a time with record-relative spans."""
    text, gold = build(seed, records)
    start = 0
    gi = 0
    for line in text.split("\n")[:-1]:
        end = start + len(line)
        spans = []
        while gi < len(gold) and int(gold[gi]["start"]) < end + 1:  # type: ignore[arg-type]
            gd = gold[gi]
            spans.append((int(gd["start"]) - start, int(gd["end"]) - start, str(gd["label"])))  # type: ignore[arg-type]
            gi += 1
        yield line, spans
        start = end + 1


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--records", type=int, default=5000)
    ap.add_argument("--out", default="-")
    a = ap.parse_args()
    text, gold = build(a.seed, a.records)
    print(json.dumps({"chars": len(text), "spans": len(gold)}))
