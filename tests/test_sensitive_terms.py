"""Sensitive-information terms: they fire in context and stay quiet on hard negatives."""

from __future__ import annotations

import time

import pytest

from piiguard._types import Finding
from piiguard.sensitive import ENTITIES, TermListError, detect_sensitive_terms, load_term_lists


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.entity_type, text[f.start:f.end]) for f in detect_sensitive_terms(text)]


# fmt: off
POSITIVE = [
    ("患者确诊2型糖尿病，长期注射胰岛素", "MEDICAL_HEALTH", "糖尿病"),
    ("他去年做了肝移植手术", "MEDICAL_HEALTH", "肝移植"),
    ("HIV检测结果阳性", "MEDICAL_HEALTH", "HIV"),
    ("核酸检测结果：阳性", "MEDICAL_HEALTH", "阳性"),
    ("员工因抑郁症请病假", "MEDICAL_HEALTH", "抑郁症"),
    ("她目前怀孕五个月", "MEDICAL_HEALTH", "怀孕"),
    ("患者为乙肝病毒携带者", "MEDICAL_HEALTH", "乙肝"),
    ("该客户是穆斯林，不吃猪肉", "RELIGIOUS_BELIEF", "穆斯林"),
    ("他信仰基督教多年", "RELIGIOUS_BELIEF", "信仰基督教"),
    ("王先生是佛教徒", "RELIGIOUS_BELIEF", "佛教徒"),
    ("民族：回族", "ETHNICITY", "民族：回族"),
    ("我是回族，在兰州工作", "ETHNICITY", "回族"),
    ("她是维吾尔族姑娘", "ETHNICITY", "维吾尔族"),
    ("他公开出柜，是同性恋者", "SEXUAL_ORIENTATION", "出柜"),
    ("社区里的LGBT群体", "SEXUAL_ORIENTATION", "LGBT"),
    ("张某曾因盗窃被判处有期徒刑三年", "CRIMINAL_RECORD", "有期徒刑"),
    ("该员工有犯罪记录", "CRIMINAL_RECORD", "犯罪记录"),
    ("入职时采集指纹信息", "BIOMETRIC", "采集指纹"),
    ("门禁系统使用人脸识别", "BIOMETRIC", "人脸识别"),
    ("客户上月进行了基因检测", "BIOMETRIC", "基因检测"),
    ("客户被列为失信被执行人", "FINANCIAL_STATUS", "失信被执行人"),
    ("账户余额12,345.67元", "FINANCIAL_STATUS", "账户余额"),
    ("他月薪2万，存款不多", "FINANCIAL_STATUS", "月薪2万"),
    ("调取其近一个月的行踪轨迹", "WHEREABOUTS", "行踪轨迹"),
    ("酒店开房记录显示当晚入住", "WHEREABOUTS", "开房记录"),
    ("最后位置：北纬39.9042，东经116.4074", "WHEREABOUTS", "北纬39.9042，东经116.4074"),
]

HARD_NEGATIVES = [
    # IT logs: 病毒/感染/指纹/诊断 describe machines, not people
    ("[WARN] 杀毒软件扫描完成：检测到病毒感染文件 3 个，已隔离", "IT log"),
    ("服务器被木马病毒感染，已重装系统", "IT incident"),
    ("SSH 公钥指纹 SHA256:abc 已加入 known_hosts", "key fingerprint"),
    ("浏览器指纹用于反欺诈设备识别", "browser fingerprint"),
    ("网络故障诊断完成，端口正常", "network diagnosis"),
    ("iptables 添加 DNAT 规则", "DNAT is not DNA"),
    # words containing a term
    ("《基督山伯爵》是大仲马的小说", "基督山伯爵"),
    ("这回族谱终于修好了", "这回 + 族谱"),
    ("下班回家吃饭", "回家"),
    ("周末带孩子去水族馆看鲨鱼", "水族馆"),
    ("我不知道教务处在哪里", "知道 + 教务"),
    ("他是我的男同学，也是女同事的邻居", "男同学 / 女同事"),
    ("啦啦队和拉拉链", "拉拉队"),
    ("用支付宝的余额宝理财", "余额宝"),
    ("手机话费余额不足", "话费余额 (weak term, no amount)"),
    ("这部电影传承了红色基因", "红色基因"),
    ("礼拜一上午开会", "礼拜一 is Monday"),
    ("产品上线后用户增长迅速，季度收入同比增长", "business text"),
    ("同志们，大家辛苦了", "同志 as comrade"),
    ("公司的诊断报告显示流程效率低", "weak 诊断 alone is not a term"),
]
# fmt: on


@pytest.mark.parametrize(("text", "entity", "term"), POSITIVE)
def test_fires_in_context(text: str, entity: str, term: str) -> None:
    """Each sentence yields its sensitive term with the right entity type."""
    assert (entity, term) in _found(text)


@pytest.mark.parametrize(("text", "why"), HARD_NEGATIVES)
def test_hard_negatives(text: str, why: str) -> None:
    """Unrelated uses of term characters do not fire."""
    assert _found(text) == [], why


def test_findings_shape() -> None:
    """Findings are piiguard Findings; metadata names the subcategory, never the text."""
    text = "患者确诊糖尿病"
    findings = detect_sensitive_terms(text)
    assert findings and all(isinstance(f, Finding) for f in findings)
    for f in findings:
        assert f.entity_type in ENTITIES
        assert set(f.metadata) == {"subcategory", "strength"}
        assert text[f.start:f.end] not in repr(f) and text[f.start:f.end] not in str(f.metadata)


def test_no_overlaps_and_sorted() -> None:
    """Findings are sorted and never overlap."""
    text = "确诊乳腺癌后化疗，信仰伊斯兰教的回族女性，有犯罪记录，征信不良" * 3
    findings = detect_sensitive_terms(text)
    for a, b in zip(findings, findings[1:]):
        assert a.end <= b.start


def test_latin_case_insensitive_with_boundaries() -> None:
    """Latin terms match in any case, but not inside longer words."""
    assert _found("hiv携带者") and _found("Hiv") and not _found("ARCHIVE")


def test_every_term_file_is_an_entity() -> None:
    """Each term file reports one of the documented entity names."""
    index = load_term_lists()
    assert {t.entity for t in index.terms.values()} == set(ENTITIES)


def test_type_error() -> None:
    with pytest.raises(TypeError):
        detect_sensitive_terms(None)  # type: ignore[arg-type]


def test_bad_term_file(tmp_path) -> None:
    """A malformed term file fails with a TermListError naming the file, not a term."""
    (tmp_path / "x.yaml").write_text("entity: X_Y\nstrong: {a: [糖尿病]}\nbogus: 1\n", encoding="utf-8")
    with pytest.raises(TermListError, match="x.yaml") as err:
        detect_sensitive_terms("糖尿病", directory=str(tmp_path))
    assert "糖尿病" not in str(err.value)


def test_custom_directory(tmp_path) -> None:
    """Users can point the detector at their own term lists."""
    (tmp_path / "t.yaml").write_text("entity: MEDICAL_HEALTH\nstrong: {x: [罕见病]}\n", encoding="utf-8")
    assert [f.entity_type for f in detect_sensitive_terms("确诊罕见病", directory=str(tmp_path))] == ["MEDICAL_HEALTH"]


def test_linear_time_on_megabytes() -> None:
    """Two MB of mixed text scan in well under a few seconds (one regex pass)."""
    load_term_lists()
    chunk = "今天开会讨论销售数据，系统日志显示服务器运行正常。" * 20 + "患者确诊糖尿病后住院，其为回族。"
    text = chunk * (2_000_000 // len(chunk))
    started = time.perf_counter()
    findings = detect_sensitive_terms(text)
    elapsed = time.perf_counter() - started
    assert len(findings) == 4 * (2_000_000 // len(chunk))
    assert elapsed < 5.0
