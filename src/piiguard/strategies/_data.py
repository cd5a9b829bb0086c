"""Tables the surrogate generators draw from.

Surnames: the 100 most common single-character surnames of the 2020 census
(公安部户政管理研究中心《2020年全国姓名报告》 and the 2019 报告's top-100 list), in that
order. Given-name characters: frequent characters of given names in the same reports
and common usage; compound surnames from 《百家姓》. Road words are generic street
names found in most Chinese cities. Everything here is generic vocabulary, not data
about any person.
"""

from __future__ import annotations

SURNAMES = tuple(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓韩冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏"
    "苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚"
    "邵万覃武钱戴严欧莫孔向常汤康易乔赖文施洪辛柯庄"
)

COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
                     "宇文", "司徒", "令狐", "夏侯", "轩辕", "端木", "南宫", "呼延", "申屠", "钟离")

GIVEN_CHARS = tuple(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志宏海波辉鹏飞斌宇浩凯健俊帆"
    "帅旭晨阳博文昊天佳欣怡雨婷雪琳晶慧颖倩璐洁琴云莉梅凤琼岚婕蕾薇嘉瑶梦悦思雅诗涵子轩宁泽睿"
    "晓鑫磊森林峰亮成刚毅坤鸿源瑞祥福荣康乐安春夏秋冬立新振东永德明玲燕丹妍彤蓉菲露晴月星"
)

TRANSLIT_CHARS = tuple("阿买提古丽尔艾力克木哈江热依娜扎巴图克孜汗米拉尼萨迪亚合")

ROAD_WORDS = ("人民", "建设", "中山", "解放", "和平", "新华", "文化", "胜利", "友谊", "光明", "幸福",
              "东风", "青年", "长江", "黄河", "新民", "迎宾", "花园", "滨江", "工业", "学府", "科技",
              "朝阳", "南京", "北京", "复兴", "团结", "振兴", "开发", "育才")
ROAD_SUFFIXES = ("路", "街", "大道", "路", "大街")
ESTATE_WORDS = ("阳光", "锦绣", "翠苑", "丽景", "金色", "碧水", "东方", "明珠", "华府", "雅居",
                "盛世", "绿城", "天悦", "御景", "和园")
ESTATE_SUFFIXES = ("小区", "花园", "家园", "公寓", "苑")

MOBILE_PREFIXES = ("130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
                   "152", "153", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180",
                   "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "198", "199")

PINYIN = ("zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
          "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo", "wei", "fang", "na", "min", "jing",
          "li", "qiang", "lei", "jun", "yang", "yong", "yan", "jie", "juan", "tao", "ming", "chao")

PUBLIC_MAIL_DOMAINS = frozenset({"qq.com", "163.com", "126.com", "sina.com", "sina.cn", "sohu.com",
                                 "gmail.com", "outlook.com", "hotmail.com", "foxmail.com", "yeah.net",
                                 "139.com", "aliyun.com", "icloud.com", "yahoo.com"})
