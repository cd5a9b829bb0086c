"""Character tables shared by the name and address detectors.

The surname list is the common modern 百家姓 set (public knowledge, ordered roughly
by frequency); the title and kinship lists are ordinary Chinese vocabulary. None of
these tables is extracted from a corpus.
"""

from __future__ import annotations

__all__ = [
    "SURNAMES",
    "COMPOUND_SURNAMES",
    "LATE_SURNAMES",
    "TITLES",
    "STRIP_TITLES",
    "NAME_LABELS",
    "LABEL_SURNAMES",
    "ROLE_COLON_WORDS",
    "ROLE_LABELS",
    "NOT_NAME_WORDS",
    "BRAND_NAMES",
    "FIELD_WORDS",
    "FIELD_WORD_TAILS",
]

SURNAMES: frozenset[str] = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁"
    "岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝"
    "路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景"
    "党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖"
    "巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉"
    "伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮"
    "都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾"
    "戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    # Rare surnames that begin no common word (禤国维, 笪凌, 逄小雨); 毋 (毋庸) is left out.
    # 暴 (暴雪, a game company), 鄂 (Hubei) and 濮 (濮阳) are left out.
    "禤笪逄蒯郗琚訾殳宓禚谯隗蹇缑佴郦仉郏酆綦厍乜荀"
    # 步 begins words (步行, 步骤), which the dictionary checks keep out (步惊云); 秋 (秋风, 秋雨)
    # is left out.
    "步"
    # Common surnames added after the model was trained (赖清德, 洪秀全, 萧敬腾): the rules read
    # them, the model's surname feature does not (LATE_SURNAMES), so its input stays as trained.
    "赖洪萧"
)
LATE_SURNAMES: frozenset[str] = frozenset("赖洪萧")

COMPOUND_SURNAMES: frozenset[str] = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 "
    "端木 独孤 南宫 西门 百里 呼延 万俟 闻人 澹台 公冶 宗政 濮阳 太叔 申屠 赫连 拓跋 "
    "第五 左丘 东郭 子车 仲孙 司空 谷梁 羊舌 微生 梁丘 公良 乐正 漆雕 壤驷 巫马".split()
)

# Titles, honorifics and kinship terms that follow a name and stay outside the span.
TITLES: tuple[str, ...] = tuple(
    sorted(
        (
            "先生 女士 小姐 太太 夫人 同学 老师 师傅 师父 医生 大夫 护士 律师 教授 博士 "
            "经理 总经理 副总 总监 主任 主管 部长 处长 科长 局长 厅长 院长 校长 所长 队长 "
            "组长 班长 董事长 董事 会长 书记 县长 市长 省长 镇长 村长 乡长 主席 委员 代表 "
            "总 工 师 姐 哥 叔 姨 婶 伯 爷 奶 阿姨 叔叔 大爷 大妈 大姐 大哥 老板 老总 同志 "
            "奶奶 爷爷 姥姥 姥爷 外婆 外公 伯伯 舅舅 婶婶 阿婆 阿公 "
            "警官 法官 检察官 会计 顾问 专员 秘书 助理 工程师 设计师 客服 女儿 儿子 家 某 "
            "某某 等 说 表示 称 认为 指出 介绍 告诉 和 与 及 的"
        ).split(),
        key=len,
        reverse=True,
    )
)

# Titles that are cut off the end of a name span (李总 -> 李, 王芳女士 -> 王芳).
STRIP_TITLES: tuple[str, ...] = tuple(
    sorted(
        "先生 女士 小姐 太太 夫人 老师 师傅 医生 大夫 护士 律师 教授 博士 经理 总经理 副总 总监 主任 主管 "
        "部长 处长 科长 局长 院长 校长 所长 队长 组长 班长 董事长 会长 书记 县长 市长 镇长 村长 主席 "
        "阿姨 叔叔 大爷 大妈 大姐 大哥 老板 老总 同志 警官 法官 会计 顾问 秘书 助理 工程师 总 工 姐 哥 叔 姨 "
        "探长 警长 船长 机长 馆长 站长 社长 行长 厂长 总裁 教练 议员 大使 将军 上校 中校 少校 "
        "爷爷 奶奶 姥姥 姥爷 外公 外婆 伯伯 舅舅 婶婶 大婶 妈妈 爸爸 大娘 同学 干事 店长 研究员 管家".split(),
        key=len,
        reverse=True,
    )
)

# Roles that prose uses too (旅客喻为…, 被告向章凌出具…): without a colon, the name after
# one must end the phrase (乘客彭于晏，航班…).
ROLE_LABELS: tuple[str, ...] = (
    "乘客", "旅客", "乘车人", "乘机人", "住客", "入住人", "取件人", "报案人", "当事人", "监护人",
    "嫌疑人", "犯罪嫌疑人", "原告", "被告", "被告人", "证人",
    "上诉人", "被上诉人", "申请人", "被申请人", "第三人", "申诉人", "被申诉人", "被执行人", "申请执行人",
    # Who did what in an operation record (手术者雷鸣，一助彭晓，…).
    "手术者", "术者", "主刀", "一助", "二助", "麻醉师", "器械护士", "巡回护士",
)
# Field labels after which a record names a person.
NAME_LABELS: tuple[str, ...] = (
    "姓名", "联系人", "收件人", "收货人", "寄件人", "发件人", "客户", "客户姓名", "户主",
    "申请人", "借款人", "担保人", "法定代表人", "法人", "负责人", "经办人", "签收人",
    "持卡人", "车主", "患者", "病人", "学生", "员工", "业主", "租户", "承租人", "出租人",
    "委托人", "受托人", "代理人", "被保险人", "投保人", "受益人", "紧急联系人",
    "开户名", "户名", "账户名", "收款人", "付款人", "联系人姓名", "用户名", "昵称", "name",
    "签名", "签字", "署名", "审核人", "复核人", "审批人", "制单人", "填表人", "送货人", "配送员",
) + ROLE_LABELS

# Frequent words that begin with a surname character but are not names; a span that
# equals one of these (or starts with one) is rejected before the model is asked.
NOT_NAME_WORDS: frozenset[str] = frozenset(
    (
        "高兴 方法 周末 万一 黄金 官网 官微 方面 方向 方式 方案 方便 高级 高速 高度 高校 高中 高温 "
        "高新 高端 高层 高效 高考 黄色 黄河 金融 金额 金属 金牌 周年 周边 周期 周围 万元 "
        "万人 万户 万能 王国 王牌 李子 张开 马上 马路 马克 文化 文件 文明 文章 文字 林业 "
        "石油 石头 叶子 江苏 江西 江南 江北 常见 常用 常规 常务 平安 平台 平时 平均 平方 "
        "安全 安装 安排 安徽 明天 明年 明显 明确 和平 和谐 海关 海洋 海外 海南 海淀 国家 "
        "国际 国内 国外 国务院 时间 时候 时代 成功 成本 成立 成员 成都 成为 成果 华为 华人 "
        "华东 华南 华北 华中 钱包 强化 强调 任务 任何 任意 于是 应该 应用 应当 全国 全部 "
        "全面 全体 全新 原因 原来 原则 信息 信用 信号 信任 元素 干部 公司 公开 公安 公园 "
        "公民 公共 公众 公里 利用 利益 利率 计划 计算 支付 支持 谈判 包括 包装 管理 管道 "
        "关于 关系 关注 关键 关心 车辆 车站 房子 房屋 房产 房租 宁波 宁夏 温度 温州 康复 "
        "余额 杜绝 程序 程度 苏州 魏晋 吕梁 丁香 沈阳 段落 雷达 龙头 史上 陶瓷 贺卡 顾客 "
        "顾问 毛病 毛巾 龚滩 严格 严重 武汉 武器 莫斯 孔子 向前 汤圆 施工 牛奶 易于 乔木 "
        "庄园 章程 岳阳 殷切 申请 申报 欧洲 欧元 关注 兰州 焦点 左右 柳州 甘肃 祝贺 "
        "包头 尚未 符合 舒适 纪律 纪念 梅花 童年 凌晨 单位 单元 季度 成交 苗木 谷歌 盛大 "
        "曲线 路上 路线 路口 游戏 游客 管家 蒙古 华夏 解决 解放 艾滋 时尚 司机 卓越 古代 "
        "吉林 简单 车间 项目 连续 麦当 景区 党员 党委 宫殿 费用 冷冻 席位 卫生 卫星 米饭 "
        "宗教 桂林 全球 应急 边境 师傅 商品 商业 商场 沙发 荣誉 桑拿 甄别 仲裁 虞城 明星 "
        "池塘 查询 查看 封面 谈话 乐观 惠州 南京 南方 班级 原始 燕窝 楚雄 劳动 皮肤 楼盘 "
        "满意 闻名 位于 位置 区域 区别 海量 花园 花费 权利 权益 强大 帅气 屠宰 豆腐 朴素 "
        "盖章 练习 廉洁 井冈 祖国 巴黎 丰富 支出 国产 平稳 索赔 宣传 晋升 相关 相同 初步 "
        "门店 云南 容易 敬请 来自 都是 普通 浦东 薄弱 羊肉 阿里 乌鲁 母亲 修改 那么 鲜花 "
        "印度 隆重 危险 银行 公斤 居民 干净 但是 信箱 展开 智能 幸福 富裕 由于 东方 上官 "
        "万达 王府 金茂 夏天 秋天 春天 白天 白色 黑色 蓝色 红色 牛肉 熊猫 龙华 洪水 "
        # Field names of records that jieba tags as names or lists rarely (毛重：12.5kg).
        "毛重 毛利 车位 宋体 周数 华氏 谢谢 许可证 夏令时 时间戳 张数 韩元 罗盘 易拉罐 卢布 姜片 "
        # A letter's closing (此致 敬礼), and greetings that stand alone in chats.
        "敬礼 此致 谢谢惠顾 常来常往 金玉满堂 花好月圆 龙凤呈祥 万古长青 花开富贵 "
        # Roles at a ceremony or in a record, and words the model reads as names in records.
        "孝子 孝女 伴郎 伴娘 新郎 新娘 楼长 德育 单位 查明 应派 高峰期 乔迁 乔迁之喜 白金 小雨 多云 同乐 "
        "华强北 王府井 门店数 阿尔茨海默症 元整"
    ).split()
)

# Words written straight before an identifier (银行卡6217…, 房东138…, 居住证1101…): the
# labels of the recognizers' context lists, the name labels above and the roles a record
# files a number under.
# A field made of one of these is a label, not a name, even though its first character
# is a surname (银, 房, 居, 车, 来).
FIELD_WORDS: frozenset[str] = frozenset(
    (
        "银行卡 储蓄卡 借记卡 信用卡 工资卡 社保卡 医保卡 会员卡 公交卡 银联 卡号 账号 帐号 账户 帐户 "
        "开户行 开户银行 收款账号 付款账号 转账 汇款 还款 余额 金额 手机 手机号 电话 联系电话 联系方式 "
        "号码 座机 固话 传真 热线 来电 去电 致电 拨打 电联 短信 微信 微信号 威信 薇信 扣扣 企鹅号 "
        "邮箱 邮件 电子邮件 网址 网站 链接 主页 身份证 身份證 身分證 身份证号 身份 身份号码 证件 证件号 "
        "证件号码 居住证 护照 护照号 通行证 台胞证 回乡证 营业执照 税号 注册号 信用代码 统一编号 车牌 "
        "车牌号 号牌 牌照 车辆 机动车 行驶证 驾驶证 驾照 设备号 串号 地址 住址 出生 生日 出生日期 "
        "房东 房客 租客 司机 师傅 老板 客服 快递 快递员 骑手 买家 卖家 店主 商家 "
        "用户 会员 顾客 家属 家长 本人 单位 公司 门店 前台 管家 物业 同事 邻居 宿舍 家庭 办公室"
    ).split()
) | frozenset(NAME_LABELS)
# Endings of such labels (单位电话, 家庭住址, 会员卡号): a field ending so is not a name.
FIELD_WORD_TAILS: tuple[str, ...] = ("电话", "手机", "账户", "帐户", "邮箱", "微信", "号", "卡", "证", "码", "址")


# Surnames that begin common words (秋天, 归来, 年龄, 双方, 桓仁): a name starts with one only
# after a label and a colon, and only when the name is no word (执行法官：归有光, 被访人：年小军).
LABEL_SURNAMES: frozenset[str] = frozenset("秋归年桓扁双嬴")

# Words for people in a role that a record writes before a colon and a name (医师：…,
# 甲方代表：…, 书记员：…), beyond the name labels above. After one of these, the name must
# end the field and be no dictionary word: in a chat, 医生：建议您… is a speaker, not a name.
ROLE_COLON_WORDS: tuple[str, ...] = (
    "代表", "法官", "审判长", "审判员", "陪审员", "书记员", "检察官", "警官", "民警", "调解员", "仲裁员",
    "医师", "医生", "护士", "护士长", "药师", "主任", "院长", "老师", "教师", "班主任", "辅导员", "教练",
    "团长", "组长", "队长", "班长", "店长", "站长", "厂长", "所长", "经理", "主管", "专员", "业务员",
    "律师", "证明人", "推荐人", "被推荐人", "介绍人", "被访人", "访问人", "调查人", "记录人", "陪同人",
    "见证人", "鉴定人", "死者", "伤者", "候选人", "面试官", "评委", "司机", "驾驶员", "骑手", "快递员",
    "群主", "管理员", "领队", "导游", "房东", "租客", "买方", "卖方", "村长", "书记", "主席", "董事长",
    "总经理", "联络人", "对接人", "销售", "顾问", "客户经理", "接待人", "值班人", "检查人", "验收人",
)

# Brands named like people (周大福的金镯子, 来一罐王老吉, 杨国福麻辣烫): a name found over one
# of them is the brand. A founder of the same name is rarer in text than the brand.
BRAND_NAMES: frozenset[str] = frozenset(
    "周大福 周生生 周六福 周黑鸭 张小泉 马应龙 杨国福 王老吉 康师傅 吴裕泰 王守义 老干妈 李锦记 陈李济 "
    "王致和 谢馥春 刘一手 黄飞红 杨铭宇 王麻子 王小卤 钟薛高 蔡林记 谭木匠 吴良材 孔凤春 邵万生 曹素功 "
    "胡庆余堂 张一元 汪裕泰 戴春林 金龙鱼 货拉拉 海底捞 老乡鸡 李宁 "
    # Dishes named after people or read as names (宫保 was a title, 麻婆 a cook).
    "宫保鸡丁 左宗棠鸡 麻婆豆腐 东坡肉 关东煮 李鸿章杂碎 叫花鸡".split()
)
