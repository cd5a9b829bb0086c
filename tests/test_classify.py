"""Classification: taxonomy coverage, minors, aggregation rules, tables."""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path

import pytest

from ._classify_support import fake_analyze, make_id
from piiguard import ids
from piiguard.classification import (
    Classification,
    TableClassification,
    TaxonomyError,
    classify,
    classify_table,
    header_types,
    is_minor,
    load_taxonomy,
)
from piiguard.sensitive import ENTITIES as TERM_ENTITIES

DATA = Path(__file__).parent / "data"
REF = dt.date(2024, 6, 15)

# The ids/ module name is the entity name, except where Presidio's name is kept.
_MODULE_ENTITY = {"phone": "PHONE_NUMBER", "email": "EMAIL_ADDRESS"}
DESIGN_ENTITIES = {"PERSON", "CN_ADDRESS", "PHONE_NUMBER", "CN_RESIDENT_ID", "CN_BANK_CARD", "CN_PASSPORT",
                   "CN_HMT_PERMIT", "CN_USCC", "CN_LICENSE_PLATE", "EMAIL_ADDRESS", "IP_ADDRESS", "URL",
                   "HK_ID", "MO_ID", "TW_ID"}


def _all_entities() -> set[str]:
    from_ids = {getattr(importlib.import_module(f"piiguard.ids.{m}"), "ENTITY", _MODULE_ENTITY.get(m, m.upper()))
                for m in ids.MODULES}
    return from_ids | DESIGN_ENTITIES | set(TERM_ENTITIES)


@pytest.mark.parametrize("pack", ["default", "financial"])
def test_every_entity_has_a_category(pack: str) -> None:
    """Every entity piiguard can report maps to a category and level in each pack."""
    tax = load_taxonomy(pack)
    missing = sorted(_all_entities() - set(tax.entities))
    assert not missing, f"taxonomy pack {pack!r} lacks {missing}"
    for name, ec in tax.entities.items():
        assert ec.category in tax.categories, name
        assert ec.level in tax.levels, name


def test_financial_pack_classes() -> None:
    """The financial pack gives every entity a JR/T 0171 class matching its JR/T 0197 level."""
    tax = load_taxonomy("financial")
    for name, ec in tax.entities.items():
        assert ec.financial_class in ("C1", "C2", "C3"), name
    assert tax.entity("BIOMETRIC").financial_class == "C3" and tax.entity("BIOMETRIC").level == 4
    assert tax.entity("CN_BANK_CARD").financial_class == "C2"
    # inherited from the default pack
    assert tax.entity("MEDICAL_HEALTH").sensitive and tax.entity("MEDICAL_HEALTH").category == "health"


def test_header_types_exist_in_taxonomy() -> None:
    """Every type the column-header lexicon can announce is in the default taxonomy."""
    from piiguard.classification import _lexicon

    lex = _lexicon()
    tax = load_taxonomy()
    types = {t for _, ts in lex.keywords for t in ts} | {t for ts in lex.tokens.values() for t in ts}
    assert types <= set(tax.entities), sorted(types - set(tax.entities))


# fmt: off
HEADERS = [
    ("手机号", ("PHONE_NUMBER",)), ("联系电话", ("PHONE_NUMBER",)), ("Mobile", ("PHONE_NUMBER",)),
    ("phone_no", ("PHONE_NUMBER",)), ("tel", ("PHONE_NUMBER",)), ("身份证号", ("CN_RESIDENT_ID",)),
    ("id_card", ("CN_RESIDENT_ID",)), ("IDCardNo", ("CN_RESIDENT_ID",)), ("证件号码", ("CN_RESIDENT_ID",)),
    ("开户行", ("BANK_NAME",)), ("住址", ("CN_ADDRESS",)), ("收货地址", ("CN_ADDRESS",)),
    ("ip地址", ("IP_ADDRESS",)), ("邮件地址", ("EMAIL_ADDRESS",)), ("客户姓名", ("PERSON",)),
    ("customer_name", ("PERSON",)), ("username", ("ONLINE_ACCOUNT",)), ("紧急联系人电话", ("EMERGENCY_CONTACT", "PHONE_NUMBER")),
    ("bank_card_no", ("CN_BANK_CARD",)), ("hotel", ()), ("order_amount", ()), ("备注", ()),
]
# fmt: on


@pytest.mark.parametrize(("header", "expected"), HEADERS)
def test_header_types(header: str, expected: tuple[str, ...]) -> None:
    """Chinese and English headers announce their entity types; unrelated ones none."""
    assert header_types(header) == expected


def test_minor_boundary() -> None:
    """13 years 364 days is a minor; 14 years exactly is not (周岁, PIPL art. 28)."""
    born = dt.date(2010, 6, 15)
    assert is_minor(born, dt.date(2024, 6, 14))
    assert not is_minor(born, dt.date(2024, 6, 15))
    leap = dt.date(2008, 2, 29)
    assert is_minor(leap, dt.date(2022, 2, 28)) and not is_minor(leap, dt.date(2022, 3, 1))


@pytest.mark.parametrize(("reference", "minor"), [("2024-06-14", True), ("2024-06-15", False)])
def test_minor_resident_id_makes_text_sensitive(reference: str, minor: bool) -> None:
    """A resident ID of a holder under 14 is sensitive and says so in the reasons."""
    text = "学生证件号：" + make_id("20100615")
    c = classify(text, analyze=fake_analyze, reference_date=reference)
    assert c.minors == int(minor)
    assert c.findings[0].minor is minor
    assert ("minor" in c.categories) is minor
    assert any(r.code == "minor" for r in c.reasons) is minor
    assert c.is_sensitive  # an ID is sensitive anyway; the minor adds the category and reason


def test_minor_from_text_without_facts() -> None:
    """Without parsed facts from the analyzer, the birth date is read from the ID itself."""
    from presidio_analyzer import RecognizerResult

    text = "ID " + make_id("20150301")

    def bare(t: str) -> list[RecognizerResult]:
        return [RecognizerResult("CN_RESIDENT_ID", 3, 21, 1.0)]

    assert classify(text, analyze=bare, reference_date=REF).minors == 1


def test_aggregation_levels() -> None:
    """Levels follow the most sensitive finding and the pack's combination rules."""
    phone = "13812345678"
    idn = make_id("19850312")
    only_phone = classify(f"电话{phone}", analyze=fake_analyze, reference_date=REF)
    assert (only_phone.level, only_phone.is_sensitive) == (2, False)
    identified = classify(f"张伟，身份证{idn}，手机{phone}", analyze=fake_analyze, reference_date=REF)
    assert "identified_person" in identified.rules and identified.level == 3 and identified.is_sensitive
    with_health = classify(f"张伟，身份证{idn}，手机{phone}，确诊糖尿病", analyze=fake_analyze, reference_date=REF)
    assert {"identified_person", "identity_with_health"} <= set(with_health.rules)
    assert with_health.level == 4
    assert any("identity_with_health" in r.en and "医疗健康" in r.zh for r in with_health.reasons)


def test_health_without_identity_is_sensitive_not_highest() -> None:
    """Health terms alone are sensitive (level 3); the highest level needs an identity."""
    c = classify("患者确诊糖尿病，需长期服药", analyze=fake_analyze, reference_date=REF)
    assert c.is_sensitive and c.level == 3 and c.categories == {"health": 3}


def test_no_pii() -> None:
    c = classify("今天天气很好", analyze=fake_analyze, reference_date=REF)
    assert (c.level, c.is_sensitive, c.findings, c.categories) == (0, False, (), {})
    assert c.reasons[-1].en == "no personal information found"


def test_classification_is_safe_to_print() -> None:
    """repr, reasons and to_dict never contain a raw value; examples are masked."""
    phone, idn = "13812345678", make_id("19850312")
    text = f"张伟，身份证{idn}，手机{phone}，邮箱zhangwei@example.com，确诊艾滋病"
    c = classify(text, analyze=fake_analyze, reference_date=REF)
    dumped = repr(c) + repr(c.findings) + str(c.to_dict()) + "".join(r.zh + r.en for r in c.reasons)
    for raw in (phone, idn, "张伟", "zhangwei@example.com", "艾滋病"):
        assert raw not in dumped
    assert c.examples["PHONE_NUMBER"] == ("138****5678",)
    assert isinstance(c, Classification)


def test_financial_pack_rule() -> None:
    """The financial pack adds its own rule: ID + bank card is level 4."""
    from piiguard.ids import cn_bank_card

    card = "622202123456789012"
    card += cn_bank_card.calc_check_digit(card)
    text = f"身份证{make_id('19850312')} 卡号{card}"
    default = classify(text, analyze=fake_analyze, reference_date=REF)
    financial = classify(text, analyze=fake_analyze, reference_date=REF, pack="financial")
    assert default.level == 3
    assert financial.level == 4 and "account_with_identity" in financial.rules


def test_user_pack(tmp_path: Path) -> None:
    """Users can extend a built-in pack in their own YAML."""
    pack = tmp_path / "mine.yaml"
    pack.write_text("name: mine\nextends: default\nentities:\n  ETHNICITY: {sensitive: false, level: 2}\n",
                    encoding="utf-8")
    c = classify("民族：汉族", analyze=fake_analyze, reference_date=REF, pack=pack)
    assert c.pack == "mine" and not c.is_sensitive and c.level == 2


@pytest.mark.parametrize(("content", "match"), [
    ("entities:\n  X: {category: nope, sensitive: false, level: 1}\nlevels: {1: {zh: a, en: a}}\n", "entities.X"),
    ("rules:\n  - {id: r, all_of: [NOT_AN_ENTITY], level: 1, reason: {zh: a, en: a}}\n", r"rules\[0\]"),
    (": : :\n", "cannot read"),
])
def test_bad_pack(tmp_path: Path, content: str, match: str) -> None:
    """A malformed pack raises TaxonomyError (a ConfigError/ValueError) naming file and entry."""
    pack = tmp_path / "bad.yaml"
    pack.write_text("categories: {other: {zh: a, en: a}, minor: {zh: b, en: b}}\n" + content, encoding="utf-8")
    with pytest.raises(TaxonomyError, match=match):
        load_taxonomy(pack)
    with pytest.raises(ValueError):
        load_taxonomy(tmp_path / "missing.yaml")


def test_type_errors() -> None:
    with pytest.raises(TypeError):
        classify(b"bytes", analyze=fake_analyze)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        classify_table(42, analyze=fake_analyze)


# --------------------------------------------------------------------------- tables


@pytest.fixture(scope="module")
def customers() -> TableClassification:
    return classify_table(DATA / "customers.csv", analyze=fake_analyze, reference_date=REF)


# fmt: off
EXPECTED_COLUMNS = {
    "customer_id": (), "order_amount": (),
    "姓名": ("PERSON",), "gender": ("GENDER",), "出生日期": ("DATE_OF_BIRTH",), "id_card": ("CN_RESIDENT_ID",),
    "手机号": ("PHONE_NUMBER",), "Email": ("EMAIL_ADDRESS",), "住址": ("CN_ADDRESS",), "开户行": ("BANK_NAME",),
    "bank_card_no": ("CN_BANK_CARD",),
}
# fmt: on


def test_table_columns(customers: TableClassification) -> None:
    """Each column of the customer CSV gets the entity types its header and values show."""
    for name, expected in EXPECTED_COLUMNS.items():
        assert customers[name].entity_types == expected, name
    assert customers["手机号"].entities[0].source == "header+values"
    assert customers["手机号"].coverage == 1.0
    assert customers["gender"].entities[0].source == "header"
    assert customers["id_card"].category == "personal_identity" and customers["id_card"].is_sensitive
    assert customers["id_card"].minors == 1


def test_table_remarks_scanned_as_text(customers: TableClassification) -> None:
    """The free-text remarks column is scanned as text: inline phones, IDs and health terms."""
    remarks = customers["备注"]
    assert remarks.free_text
    assert {"PHONE_NUMBER", "CN_RESIDENT_ID", "MEDICAL_HEALTH", "ETHNICITY", "FINANCIAL_STATUS"} <= set(remarks.entity_types)
    assert remarks.is_sensitive and remarks.minors >= 1
    assert all(e.source == "values" for e in remarks.entities)


def test_table_overall(customers: TableClassification) -> None:
    """The table is identifying and holds health data: the highest level, with reasons."""
    assert customers.level == 4 and customers.is_sensitive
    assert {"identified_person", "identity_with_health"} <= set(customers.rules)
    assert customers.rows == 20 and customers.sampled_rows == 20
    assert any(r.code == "minor" for r in customers.reasons)


def test_table_is_safe_to_print(customers: TableClassification) -> None:
    """No raw cell value appears in reprs, reasons or to_dict."""
    import csv

    with open(DATA / "customers.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
    dumped = repr(customers) + repr(customers.columns) + str(customers.to_dict())
    for row in rows:
        for value in row[1:]:
            if len(value) >= 2 and value not in ("男", "女"):
                assert value not in dumped


def test_table_sampling_and_dataframe() -> None:
    """DataFrames and mappings work; sampling is deterministic and bounded."""
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(DATA / "customers.csv", dtype=str)
    t = classify_table(df, analyze=fake_analyze, reference_date=REF, sample_size=5)
    assert t.sampled_rows == 5 and t.rows == 20
    assert t["手机号"].entity_types == ("PHONE_NUMBER",)
    m = classify_table({"联系电话": ["13812345678", None, "13912345678"]}, analyze=fake_analyze, reference_date=REF)
    assert m["联系电话"].non_empty == 2 and m["联系电话"].coverage == 1.0


def test_values_without_header() -> None:
    """An unnamed column of phone numbers is found from its values; a stray hit is not enough."""
    phones = [f"1381234{i:04d}" for i in range(10)]
    t = classify_table({"col1": phones, "col2": [f"订单{i}" for i in range(9)] + ["13812345678"]},
                       analyze=fake_analyze, reference_date=REF)
    assert t["col1"].entity_types == ("PHONE_NUMBER",) and t["col1"].entities[0].source == "values"
    assert t["col2"].entity_types == ()


def test_with_the_real_analyzer() -> None:
    """End to end with piiguard.analyze: the engine's own results are classified."""
    import piiguard

    text = f"客户张伟，身份证{make_id('19850312')}，手机13812345678，确诊糖尿病"
    c = classify(text, reference_date=REF)
    assert {"CN_RESIDENT_ID", "PHONE_NUMBER", "MEDICAL_HEALTH"} <= set(c.entity_counts)
    assert c.level == 4 and c.is_sensitive
    # the engine already runs the term detector: each term is counted once
    assert c.entity_counts["MEDICAL_HEALTH"] == sum(1 for r in piiguard.analyze(text) if r.entity_type == "MEDICAL_HEALTH")
    t = classify_table(DATA / "customers.csv", reference_date=REF)
    for name in ("id_card", "手机号", "Email", "bank_card_no", "住址", "姓名"):
        assert t[name].entity_types == EXPECTED_COLUMNS[name], name
        assert t[name].entities[0].source == "header+values"


def test_docs_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """The >>> examples in docs/classification.md run as written (from the repo root)."""
    import doctest

    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    result = doctest.testfile(str(root / "docs" / "classification.md"), module_relative=False,
                              optionflags=doctest.ELLIPSIS, verbose=False, report=False)
    assert result.failed == 0 and result.attempted > 10
