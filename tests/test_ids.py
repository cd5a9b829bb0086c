"""The pure validators in piiguard.ids: contract, vectors, robustness, mutations."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piiguard import ids
from piiguard.exceptions import InvalidChecksum, ValidationError
from piiguard.ids import cn_bank_card, cn_resident_id, cn_uscc, phone

from .strategies import bank_cards, resident_ids, usccs

VECTORS = Path(__file__).parent / "vectors"
ENTITY_VALIDATOR = {
    "CN_RESIDENT_ID": "cn_resident_id", "CN_BANK_CARD": "cn_bank_card", "CN_USCC": "cn_uscc",
    "PHONE_NUMBER": "phone", "CN_PASSPORT": "cn_passport", "CN_HMT_PERMIT": "cn_hmt_permit",
    "CN_LICENSE_PLATE": "cn_license_plate", "HK_ID": "hk_id", "TW_ID": "tw_id", "MO_ID": "mo_id",
    "EMAIL_ADDRESS": "email", "IP_ADDRESS": "ip_address", "URL": "url", "QQ_NUMBER": "qq_number",
    "WECHAT_ID": "wechat_id", "IMEI": "imei", "DATE_OF_BIRTH": "date_of_birth",
}


def valid_vectors() -> list[tuple[str, str]]:
    rows = []
    for line in (VECTORS / "valid.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            entity, value, _source = line.split("\t")
            rows.append((entity, value))
    return rows


@pytest.mark.parametrize(("entity", "value"), valid_vectors())
def test_valid_vectors_validate(entity: str, value: str) -> None:
    """Every value in vectors/valid.txt passes its validator and parses."""
    module = ids.get(ENTITY_VALIDATOR[entity])
    assert module.is_valid(value)
    assert isinstance(module.parse(value), dict)


JUNK = [None, 0, 1.5, "", " ", "😴", "⑱", "１２３", "3²", "\ud800", object(), b"138", "\x00" * 20, "٣٣٣٣٣٣٣٣٣٣٣"]


@pytest.mark.parametrize("name", ids.MODULES)
def test_is_valid_never_raises_on_junk(name: str) -> None:
    """is_valid returns False, never raises, for junk of any type (stdnum's robustness test)."""
    module = importlib.import_module(f"piiguard.ids.{name}")
    for junk in JUNK:
        assert module.is_valid(junk) is False


@pytest.mark.parametrize("name", ids.MODULES)
def test_module_contract(name: str) -> None:
    """Each validator module has the compact/validate/is_valid/parse contract and a docstring."""
    module = importlib.import_module(f"piiguard.ids.{name}")
    for attr in ("compact", "validate", "is_valid", "parse"):
        assert callable(getattr(module, attr))
    assert module.__doc__ and len(module.__doc__) > 80


def test_unknown_validator_name() -> None:
    """ids.get raises KeyError for an unknown name."""
    with pytest.raises(KeyError):
        ids.get("nope")


def _mutate(value: str, index: int, digit: str) -> str | None:
    if not value[index].isdigit() or value[index] == digit:
        return None
    return value[:index] + digit + value[index + 1 :]


@given(resident_ids(), st.integers(0, 16), st.sampled_from("0123456789"))
def test_resident_id_one_digit_change_invalidates(value: str, index: int, digit: str) -> None:
    """Changing any one of the 17 body digits breaks the MOD 11-2 check."""
    assert cn_resident_id.is_valid(value)
    mutated = _mutate(value, index, digit)
    if mutated is not None:
        assert not cn_resident_id.is_valid(mutated)


@given(bank_cards(), st.data())
def test_bank_card_one_digit_change_invalidates(value: str, data: st.DataObject) -> None:
    """Luhn catches every single-digit change."""
    assert cn_bank_card.is_valid(value)
    index = data.draw(st.integers(2, len(value) - 1))
    mutated = _mutate(value, index, data.draw(st.sampled_from("0123456789")))
    if mutated is not None:
        assert not cn_bank_card.is_valid(mutated)


@given(usccs(), st.integers(8, 17), st.sampled_from(cn_uscc.ALPHABET))
def test_uscc_one_char_change_invalidates(value: str, index: int, char: str) -> None:
    """MOD 31 catches every single-character change."""
    assert cn_uscc.is_valid(value)
    if value[index] != char:
        mutated = value[:index] + char + value[index + 1 :]
        assert not cn_uscc.is_valid(mutated)


def test_validate_raises_typed_errors_without_the_value() -> None:
    """validate raises a ValidationError subclass whose message does not contain the number."""
    with pytest.raises(InvalidChecksum) as info:
        cn_resident_id.validate("110105194912310021")
    assert "110105194912310021" not in str(info.value)
    assert isinstance(info.value, ValueError) and isinstance(info.value, ValidationError)


def test_resident_id_facts() -> None:
    """parse gives birth date, gender and province, and keeps the 15-digit form."""
    facts = cn_resident_id.parse("11010519491231002X")
    assert facts["birth_date"] == "1949-12-31" and facts["gender"] == "female" and facts["province"] == "北京市"
    assert cn_resident_id.parse("110105491231002")["legacy_15"] is True


def test_resident_id_is_lenient_on_county_codes() -> None:
    """A county code that does not exist (any more) still validates: only the province is checked."""
    body = "11999919800101123"
    assert cn_resident_id.is_valid(body + cn_resident_id.calc_check_digit(body))
    body = "99010519800101123"
    assert not cn_resident_id.is_valid(body + cn_resident_id.calc_check_digit(body))


def test_resident_id_rejects_future_birth_dates() -> None:
    """A birth date after today is impossible."""
    body = "11010520991231002"
    assert not cn_resident_id.is_valid(body + cn_resident_id.calc_check_digit(body))


@pytest.mark.parametrize(
    ("number", "ok"),
    [
        ("13812345678", True), ("+86 138 1234 5678", True), ("0086-13812345678", True),
        ("(0755)8888-6666", True), ("010-62345678转801", True), ("+86 10 6234 5678", True),
        ("12012345678", False), ("0000-1234567", False), ("138123456789", False),
    ],
)
def test_phone_validation(number: str, ok: bool) -> None:
    """Mobile prefixes and area codes come from phonenumbers' metadata."""
    assert phone.is_valid(number) is ok


def test_bank_card_unknown_prefix_rejected() -> None:
    """A Luhn-valid number with a prefix no card in China carries is not a card."""
    body = "100000000000000"
    from piiguard.ids._checksum import luhn_calc

    assert not cn_bank_card.is_valid(body + luhn_calc(body))
