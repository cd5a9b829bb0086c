"""Generate the record-style PERSON / CN_ADDRESS benchmark set (seeded, reproducible).

    python benchmarks/records_ner/generate.py [--seed 11] [--n 3000]

writes ``records.jsonl`` next to this file: one ``{"genre", "text", "spans"}`` per line,
spans ``[start, end, "PERSON"|"CN_ADDRESS"]`` (end exclusive). Genres: customer rows,
delivery notes, glued shipping strings (any order), labelled form blocks, chats, JSON
and log lines, contracts, agent memory, and negatives full of surname-initial words,
companies and bare place names. Addresses are built from the package's division
gazetteer plus road/estate vocabulary written here; names from the surname table plus
a given-name character list written here (not taken from any corpus). The templates
were written once and are not tuned against the detector.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "src"))
from piiguard.ner._gazetteer import CITY, DISTRICT, PROVINCE, TOWN, get_gazetteer  # noqa: E402

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
            "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
            "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘")
COMPOUND = ["欧阳", "司马", "诸葛", "上官", "慕容", "司徒", "东方", "皇甫"]
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰玉华萍红鹏辉建国志文斌宇浩凯欣怡婷雪琳晨阳"
         "博睿思涵子轩梓萱佳琪一鸣海燕春梅小龙德胜永福嘉豪俊峰雅琴晓东宏亮丹慧颖飞鑫瑶琦蕾彤雨泽诗萌"
         "淑珍桂芝凤兰秀梅金凤振华立新建军卫东红梅晓燕")
MINORITY = ["阿卜杜拉·买买提", "热依拉·艾力", "古丽娜尔·吐尔逊", "扎西·多吉", "阿依古丽·热合曼"]
ROADS = ["建国", "中山", "人民", "解放", "和平", "新华", "长江", "黄河", "文化", "光明", "胜利", "幸福", "朝阳",
         "青年", "东风", "迎宾", "滨江", "环城", "科技", "学府", "振兴", "团结", "工业", "金桥", "凤凰", "银杏"]
ROAD_SUFFIX = ["路", "路", "街", "大道", "东路", "西路", "南路", "北路", "中路", "大街", "巷"]
ESTATES = ["阳光花园", "碧桂园", "万科城市花园", "锦绣家园", "金色家园", "翠苑小区", "幸福里小区", "绿城桂花园",
           "望京SOHO", "国贸大厦", "时代广场", "华润中心", "紫荆公寓", "丽景湾", "世纪新城", "枫林苑"]
TITLES = ["先生", "女士", "经理", "总", "老师", "主任", "师傅", "医生", "律师", "小姐"]
COMPANIES = ["王老吉饮料有限公司", "李宁体育用品有限公司", "周大福珠宝", "黄山旅游发展股份有限公司",
             "金龙客车", "方正证券", "高德地图", "万达集团", "张裕葡萄酒", "马应龙药业", "石药集团", "海天味业"]
NEG_SENTENCES = [
    "今天很高兴见到大家，这个方法很好。", "周末我们去爬山吧，万一下雨就改期。", "黄金价格今天又涨了。",
    "北京今天降温，注意保暖。", "上海明天有雨。", "我们下个月去杭州西湖玩。", "广东的早茶很有名。",
    "高速公路上车很多。", "文化中心周日闭馆。", "马上就到了，请稍等。", "平安保险的理赔流程很快。",
    "这份文件明天上午提交给财务部。", "常州和无锡离得很近。", "江苏省今年GDP增长明显。",
    "方便的话请回电。", "金额合计12800元，已付款。", "石油价格波动较大。", "高新技术企业认定已通过。",
    "全国各地的客户都可以下单。", "成都的火锅很辣。", "安全第一，预防为主。", "林业局发布了防火通知。",
]


class Gen:
    """Random records with gold spans."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        gaz = get_gazetteer()
        towns = [d for ds in gaz.full.values() for d in ds if d.level == TOWN and d.district]
        towns.sort(key=lambda d: (d.province, d.city or "", d.district or "", d.name))
        self.towns = towns

    def name(self) -> str:
        r = self.r
        x = r.random()
        if x < 0.04:
            return r.choice(MINORITY)
        sur = r.choice(COMPOUND) if x < 0.08 else r.choice(SURNAMES)
        return sur + "".join(r.choice(GIVEN) for _ in range(r.choice([1, 2, 2, 2])))

    def phone(self) -> str:
        r = self.r
        return r.choice(["138", "139", "135", "186", "159", "177", "199"]) + "".join(r.choice("0123456789") for _ in range(8))

    def address(self) -> str:
        r = self.r
        t = r.choice(self.towns)
        road = r.choice(ROADS) + r.choice(ROAD_SUFFIX)
        no = f"{r.randint(1, 999)}号"
        bld = r.choice(["", "", f"{r.randint(1, 30)}号楼{r.randint(1, 6)}单元{r.randint(1, 30)}0{r.randint(1, 4)}室",
                        f"{r.choice(ESTATES)}{r.randint(1, 20)}栋{r.randint(1, 30)}0{r.randint(1, 4)}",
                        f"{r.choice('ABCD')}座{r.randint(2, 30)}楼", f"{r.randint(1, 9)}-{r.randint(1, 6)}-{r.randint(101, 2504)}"])
        city = t.city if t.city and t.city != t.province else ""
        form = r.randrange(6)
        if form == 0:
            return t.province + city + t.district + t.name + road + no + bld
        if form == 1:
            return t.province + city + t.district + road + no + bld
        if form == 2:
            return (city or t.province) + t.district + road + no + bld
        if form == 3:
            return t.district + road + no + bld
        if form == 4:
            vil = r.choice(["李家", "王庄", "新河", "大柳树", "红星", "前进", "石桥"])
            return t.province + city + t.district + t.name + vil + "村" + r.choice(["", f"{r.randint(1, 12)}组", f"{r.randint(1, 80)}号"])
        return road + no + r.choice([f"院{r.randint(1, 20)}号楼{r.randint(1, 6)}单元{r.randint(1, 20)}0{r.randint(1, 4)}",
                                     f"{r.choice(ESTATES)}{r.randint(1, 20)}栋", f"{r.randint(1, 30)}号楼"])

    def record(self) -> tuple[str, list[tuple[str, str | None]]]:
        r = self.r
        g = r.randrange(11)
        nm, ad = self.name(), self.address()
        if g == 0:
            genre = "customer_row"
            p = [(f"C{r.randint(10000, 99999)},", None), (nm, "PERSON"), (f",{self.phone()},", None), (ad, "CN_ADDRESS"),
                 (f",{r.randint(2019, 2024)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}", None)]
        elif g == 1:
            genre = "delivery_note"
            p = [("收件人：", None), (nm, "PERSON"), (r.choice([" ", "  ", "，"]) + "电话：" + self.phone() + r.choice([" ", "，", "\n"]) + "地址：", None),
                 (ad, "CN_ADDRESS"), (r.choice(["", "。", "（放门卫）", " 请工作日派送"]), None)]
        elif g == 2:
            genre = "glued_shipping"
            p = [(nm, "PERSON"), (self.phone(), None), (ad, "CN_ADDRESS")]
            r.shuffle(p)
        elif g == 3:
            genre = "form_block"
            t = r.choice(self.towns)
            city = t.city if t.city and t.city != t.province else t.province
            detail = r.choice(ROADS) + r.choice(ROAD_SUFFIX) + f"{r.randint(1, 300)}号"
            p = [("姓名：", None), (nm, "PERSON"), (f"\n联系电话：{self.phone()}\n所在地区：", None),
                 (f"{t.province} {city} {t.district}", "CN_ADDRESS"), ("\n详细地址：", None), (detail, "CN_ADDRESS"), ("\n", None)]
        elif g == 4:
            genre = "chat"
            title = r.choice(TITLES)
            if r.random() < 0.5:
                p = [(r.choice(["你好，", "喂，", "", "麻烦"]), None), (nm, "PERSON"), (title + r.choice(["，我明天把货送到", "，合同寄到"]), None),
                     (ad, "CN_ADDRESS"), (r.choice(["，对吧？", "，可以吗", "。谢谢"]), None)]
            else:
                sur = nm[:2] if nm[:2] in COMPOUND else nm[0]
                p = [(r.choice(["好的", "收到", "嗯嗯"]) + "，", None), (sur, "PERSON"), (r.choice(["总", "经理", "老师", "师傅"]) + "，", None),
                     (r.choice(["我下午过去。", "晚点回您电话。", "东西已经寄出了。"]), None)]
        elif g == 5:
            genre = "json"
            p = [('{"id": ' + str(r.randint(1, 99999)) + ', "name": "', None), (nm, "PERSON"),
                 ('", "mobile": "' + self.phone() + '", "address": "', None), (ad, "CN_ADDRESS"), ('"}', None)]
        elif g == 6:
            genre = "log"
            p = [(f"2024-0{r.randint(1, 9)}-2{r.randint(0, 8)} 1{r.randint(0, 9)}:0{r.randint(0, 9)}:3{r.randint(0, 9)} INFO order={r.randint(10**9, 10**10)} consignee=", None),
                 (nm, "PERSON"), (" addr=", None), (ad, "CN_ADDRESS"), (f" amount={r.randint(1, 9999)}.00", None)]
        elif g == 7:
            genre = "contract"
            p = [("甲方：" + r.choice(COMPANIES) + "，法定代表人：", None), (nm, "PERSON"), ("，住所地：", None), (ad, "CN_ADDRESS"),
                 ("。乙方：", None), (self.name(), "PERSON"), ("，身份证号码：11010519" + str(r.randint(10, 99)) + "0101" + str(r.randint(1000, 9999)) + "。", None)]
        elif g == 8:
            genre = "agent_memory"
            p = [(r.choice(["用户提到他的母亲", "用户说同事", "记住：客户", "上次对话中用户的朋友"]), None), (nm, "PERSON"),
                 (r.choice(["住在", "现在住", "的新家在"]), None), (ad, "CN_ADDRESS"), (r.choice(["，下周要去看望她。", "，喜欢喝茶。", "，生日是3月5日。"]), None)]
        elif g == 9:
            genre = "name_list"
            names = [self.name() for _ in range(r.randint(2, 4))]
            p = []
            for i, n in enumerate(names):
                p.append((n, "PERSON"))
                p.append(("、" if i < len(names) - 2 else "和" if i == len(names) - 2 else "三人负责本次交接。", None))
        else:
            genre = "negative"
            p = [(r.choice(NEG_SENTENCES), None)]
            if r.random() < 0.5:
                p.append((r.choice(["供应商是", "合作方为"]) + r.choice(COMPANIES) + "。", None))
        return genre, p


def build(seed: int, n: int) -> list[dict]:
    g = Gen(seed)
    out = []
    for _ in range(n):
        genre, parts = g.record()
        text, spans, pos = "", [], 0
        for s, lab in parts:
            if lab:
                spans.append([pos, pos + len(s), lab])
            text += s
            pos += len(s)
        out.append({"genre": genre, "text": text, "spans": spans})
    return out


def main(argv: list[str]) -> int:
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 11
    n = int(argv[argv.index("--n") + 1]) if "--n" in argv else 3000
    recs = build(seed, n)
    out = HERE / "records.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for rec in recs:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} records to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
