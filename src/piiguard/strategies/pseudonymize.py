"""``pseudonymize``: keyed, deterministic surrogates that look real and validate.

The surrogate is drawn from a keyed pseudorandom stream (HMAC-SHA256 of the entity
type and the value's canonical form under the key's ``pseudonymize`` subkey), so

- the same value gives the same surrogate in every document and every run for one key
  (the new owner of a customer base can still link records), and different keys give
  unrelated surrogates;
- surrogates pass the identifier's own validator: a resident ID with the GB 11643 check
  digit and a real region code and birth date, a mobile number with an allocated prefix,
  a Luhn-valid card with the original BIN, a USCC with its GB 32100 check character,
  HK/TW IDs with their check characters;
- names keep the surname length (张伟 -> 2 characters, 欧阳娜娜 -> compound surname + 2),
  addresses stay in the same city (from the finding's facts);
- the layout is kept (``138-1234-5678`` -> ``1xx-xxxx-xxxx``, brackets of an HKID).

Pseudonyms are one-way: there is no vault and the surrogate does not encode the value,
so :func:`piiguard.restore` does not reverse them (use ``encrypt`` or ``fpe`` when the
key holder must get values back). They are a keyed function, not a permutation: two
values can, rarely, share a surrogate, more so when ``keep`` pins many fields.

``keep`` options (per entity): CN_RESIDENT_ID ``region``, ``province``, ``gender``,
``birth_year``, ``birth_date``; PHONE_NUMBER ``prefix`` (a landline always keeps its area
code); CN_BANK_CARD ``bin`` (default); CN_USCC ``region`` (default); CN_ADDRESS ``city``
(default) or ``district``; EMAIL_ADDRESS ``domain``; TW_ID ``gender`` (default).

>>> from piiguard.keys import Key
>>> from piiguard.ids import cn_resident_id
>>> key = Key(b"0123456789abcdef-demo-key")
>>> p = Pseudonymize()
>>> fake = p.operate("11010519491231002X", {"entity_type": "CN_RESIDENT_ID", "key": key,
...                                         "options": {"keep": ["gender", "birth_year"]}})
>>> cn_resident_id.is_valid(fake), fake[6:10], cn_resident_id.parse(fake)["gender"]
(True, '1949', 'female')
>>> p.operate("张伟", {"entity_type": "PERSON", "key": key}) == p.operate("张伟", {"entity_type": "PERSON", "key": key})
True
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

from ..ids import cn_bank_card, cn_resident_id, cn_uscc, email, hk_id, phone, tw_id
from ..ids._regions import PROVINCES
from ..keys import Key
from . import _data
from ._base import Options, Strategy, check
from ._common import (Draw, canonical, fold_width, ids_module, is_hmt_prefix, relayout, split_extension,
                      split_phone_prefix, trunk_digits)
from ._divisions import divisions
from .mask import surname_length

__all__ = ["KEEP_CHOICES", "Pseudonymize", "PseudonymizeOptions", "surrogate"]

KEEP_CHOICES: dict[str, frozenset[str]] = {
    "CN_RESIDENT_ID": frozenset({"region", "province", "gender", "birth_year", "birth_date"}),
    "PHONE_NUMBER": frozenset({"prefix"}),
    "CN_BANK_CARD": frozenset({"bin"}),
    "CN_USCC": frozenset({"region"}),
    "CN_ADDRESS": frozenset({"city", "district"}),
    "EMAIL_ADDRESS": frozenset({"domain"}),
    "TW_ID": frozenset({"gender"}),
    "DATE_OF_BIRTH": frozenset({"birth_year"}),
}
DEFAULT_KEEP: dict[str, tuple[str, ...]] = {
    "CN_BANK_CARD": ("bin",),
    "CN_USCC": ("region",),
    "CN_ADDRESS": ("city",),
    "TW_ID": ("gender",),
}
_ALL_KEEP = frozenset().union(*KEEP_CHOICES.values())
_MAX_TRIES = 32


@dataclass(frozen=True)
class PseudonymizeOptions(Options):
    """Options of ``pseudonymize``.

    Attributes:
        keep: facts of the original the surrogate keeps (see the module docstring);
            None uses the entity's default.
    """

    PRIMARY: ClassVar[str | None] = "keep"
    keep: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if isinstance(self.keep, str):
            object.__setattr__(self, "keep", (self.keep,))
        check(self.keep is None or (isinstance(self.keep, tuple) and all(k in _ALL_KEEP for k in self.keep)),
              "pseudonymize", "keep", "a list drawn from: " + ", ".join(sorted(_ALL_KEEP)))


# -- generators: (value, draw, keep, facts) -> surrogate -------------------------------------

@lru_cache(maxsize=64)
def _county_codes(province: str) -> tuple[str, ...]:
    """Sorted mainland county-level codes, of one province or (``""``) of all."""
    return tuple(sorted(c for c in divisions().districts
                        if c[:2] in PROVINCES and c[:2] < "70" and (not province or c[:2] == province)))


@lru_cache(maxsize=1)
def _city_codes() -> tuple[str, ...]:
    return tuple(sorted(k for k in divisions().districts_of_city if len(k) == 4))


def _resident_id(value: str, d: Draw, keep: tuple[str, ...], facts: Mapping[str, Any]) -> str:
    number = cn_resident_id.compact(value)
    legacy = len(number) == 15
    try:
        info = cn_resident_id.parse(number)
    except ValueError:
        info = {}
    if "region" in keep and info:
        region = number[:6]
    else:
        codes = _county_codes(number[:2] if "province" in keep and info else "")
        if not codes and "province" in keep and info:
            # Taiwan, Hong Kong and Macau (71/81/82/83) have no county codes in the gazetteer.
            codes = (number[:2] + "0000",)
        region = d.choice(codes or _county_codes(""))
    today = _dt.date.today()
    if "birth_date" in keep and info:
        born = _dt.date.fromisoformat(str(info["birth_date"]))
    else:
        if "birth_year" in keep and info:
            year = int(str(info["birth_year"]))
        else:
            year = 1930 + d.below(70) if legacy else 1950 + d.below(56)
        born = _dt.date(year, 1 + d.below(12), 1 + d.below(28))
        if born > today:
            born = _dt.date(year, 1, 1)
    seq = d.digits(2)
    gender_digit = d.below(5) * 2  # even
    if "gender" in keep and info:
        gender_digit += 1 if info["gender"] == "male" else 0
    else:
        gender_digit += d.below(2)
    seq += str(gender_digit)
    if legacy:
        return region + born.strftime("%y%m%d") + seq
    body = region + born.strftime("%Y%m%d") + seq
    return body + cn_resident_id.calc_check_digit(body)


def _phone(value: str, d: Draw, keep: tuple[str, ...], facts: Mapping[str, Any]) -> str:
    prefix, rest = split_phone_prefix(value)
    main, ext = split_extension(rest)
    digits = "".join(c for c in main if c.isascii() and c.isdigit())
    if is_hmt_prefix(prefix) and digits:
        new = digits[0] + d.digits(len(digits) - 1)  # Hong Kong, Macau, Taiwan: the first digit tells the kind
    elif len(digits) == 11 and digits[0] == "1":
        new = (digits[:3] if "prefix" in keep else d.choice(_data.MOBILE_PREFIXES)) + d.digits(8)
    elif trunk_digits(prefix, digits)[:1] == "0" and len(trunk_digits(prefix, digits)) >= 10:
        national = trunk_digits(prefix, digits)
        area = phone.area_code(national)
        new = (area + str(2 + d.below(7)) + d.digits(len(national) - len(area) - 1))[len(national) - len(digits):]
    elif 7 <= len(digits) <= 8 and not prefix:
        new = str(2 + d.below(8)) + d.digits(len(digits) - 1)  # a local number: first digit 2-9
    else:
        new = d.digits(len(digits))
    return prefix + relayout(main, new) + "".join(str(d.below(10)) if c.isdigit() else c for c in ext)


def _bank_card(value: str, d: Draw, keep: tuple[str, ...], facts: Mapping[str, Any]) -> str:
    number = cn_bank_card.compact(value)
    head = number[:6] if "bin" in keep else "62" + d.digits(4)
    body = head + d.digits(len(number) - 7)
    return relayout(value, body + cn_bank_card.calc_check_digit(body))


def _uscc(value: str, d: Draw, keep: tuple[str, ...], facts: Mapping[str, Any]) -> str:
    number = cn_uscc.compact(value)
    if "region" in keep:
        head = number[:8]
    else:
        head = "91" + d.choice(_county_codes(""))
    org8 = d.digits(8)
    body = head + org8 + cn_uscc.calc_org_check_digit(org8)
    return relayout(value, body + cn_uscc.calc_check_digit(body))


def _hk_id(value: str, d: Draw, keep: tuple[str, ...], facts: Mapping[str, Any]) -> str:
    number = hk_id.compact(value)
    letters = "".join(d.choice("ABCDEGHKMPRVWYZ") for c in number[:-7])
    body = letters + d.digits(6)
    return relayout(value, body + hk_id.calc_check_digit(body))


def _tw_id(value: str, d: Draw, keep: tuple[str, ...], facts: Mapping[str, Any]) -> str:
    number = tw_id.compact(value)
    sex = number[1] if "gender" in keep else d.choice("12")
    body = d.choice("ABCDEFGHJKLMNPQRSTUVXYWZ") + sex + d.digits(7)
    return relayout(value, body + tw_id.calc_check_digit(body))


def _person(value: str, d: Draw, keep: tuple[str, ...], facts: Mapping[str, Any]) -> str:
    name = value.strip()
    if any(c in "·•・" for c in name):
        return "".join(c if c in "·•・" else d.choice(_data.TRANSLIT_CHARS) for c in value)
    if not name or not all("\u4e00" <= c <= "\u9fff" for c in name):
        return _generic(value, d, keep, facts)
    n_surname = facts.get("surname") if facts.get("surname") in (1, 2) else surname_length(name)
    surname = d.choice(_data.COMPOUND_SURNAMES) if n_surname == 2 else d.choice(_data.SURNAMES)
    given = "".join(d.choice(_data.GIVEN_CHARS) for _ in range(max(len(name) - n_surname, 1)))
    return value.replace(name, surname + given)


def _address(value: str, d: Draw, keep: tuple[str, ...], facts: Mapping[str, Any]) -> str:
    divs = divisions()
    province, city, district = (facts.get(k) or None for k in ("province", "city", "district"))
    codes = divs.city_codes(province, city)
    if codes:
        city_code = codes[0]
    else:  # no usable facts: an address anywhere
        city_code = d.choice(_city_codes())
    pcode = city_code[:2]
    parts: list[str] = []
    p_name = divs.provinces.get(pcode, "")
    c_name = p_name if len(city_code) == 2 else divs.cities.get(city_code, "")
    if pcode not in ("11", "12", "31", "50") and (not codes or (province and value.startswith(province[:2]))):
        parts.append(p_name)
    if c_name:
        parts.append(c_name)
    candidates = divs.districts_of_city.get(city_code, [])  # sorted when built
    kept_district = None
    if "district" in keep and district:
        kept_district = next((c for c in candidates if divs.districts[c] == district), None)
    dcode = kept_district or (d.choice(candidates) if candidates else None)
    if dcode:
        if divs.districts[dcode] != c_name:
            parts.append(divs.districts[dcode])
        towns = divs.townships.get(dcode) or []
        if towns and d.below(2):
            parts.append(d.choice(towns))
    parts.append(d.choice(_data.ROAD_WORDS) + d.choice(_data.ROAD_SUFFIXES) + f"{1 + d.below(300)}号")
    if any(w in value for w in ("小区", "栋", "单元", "室", "号楼", "花园", "公寓", "家园")):
        parts.append(d.choice(_data.ESTATE_WORDS) + d.choice(_data.ESTATE_SUFFIXES)
                     + f"{1 + d.below(30)}栋{1 + d.below(6)}单元{1 + d.below(30)}{1 + d.below(4):02d}室")
    return "".join(parts)


def _email(value: str, d: Draw, keep: tuple[str, ...], facts: Mapping[str, Any]) -> str:
    _local, _, domain = email.compact(value).rpartition("@")  # zhang@qq。com: the host is qq.com
    if not ("domain" in keep or domain.lower() in _data.PUBLIC_MAIL_DOMAINS):
        domain = d.choice(sorted(_data.PUBLIC_MAIL_DOMAINS))
    return d.choice(_data.PINYIN) + d.choice(_data.PINYIN) + d.digits(2 + d.below(3)) + "@" + domain


def _ip(value: str, d: Draw, keep: tuple[str, ...], facts: Mapping[str, Any]) -> str:
    value, slash, prefix = value.partition("/")  # a CIDR block keeps its prefix length (10.0.0.0/8)
    if ":" in value:  # IPv6 -> a unique local address (fd00::/8)
        return "fd" + f"{d.below(256):02x}:" + ":".join(f"{d.below(65536):x}" for _ in range(7)) + slash + prefix
    return "10." + ".".join(str(d.below(256)) for _ in range(3)) + slash + prefix  # RFC 1918: routes nowhere real


def _url(value: str, d: Draw, keep: tuple[str, ...], facts: Mapping[str, Any]) -> str:
    scheme = "http://" if value.lower().startswith("http://") else "https://"
    return f"{scheme}example.com/{d.digits(8)}"


_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ"
_LOWER = "abcdefghijkmnpqrstuvwxyz"
_KEEP_FIRST = frozenset({"CN_PASSPORT", "CN_HMT_PERMIT", "CN_LICENSE_PLATE", "MO_ID"})


def _generic(value: str, d: Draw, keep: tuple[str, ...], facts: Mapping[str, Any]) -> str:
    """Digits -> digits, letters -> letters, Chinese -> Chinese; separators kept."""
    out = []
    for c in value:
        if c.isascii() and c.isdigit():
            out.append(str(d.below(10)))
        elif c.isascii() and c.isupper():
            out.append(d.choice(_UPPER))
        elif c.isascii() and c.islower():
            out.append(d.choice(_LOWER))
        elif "\u4e00" <= c <= "\u9fff":
            out.append(d.choice(_data.GIVEN_CHARS))
        else:
            out.append(c)
    return "".join(out)


def _date_of_birth(value: str, d: Draw, keep: tuple[str, ...], facts: Mapping[str, Any]) -> str:
    """Another real date, written the same way (1990年1月2日, 1990-01-02, 19900102, 02/01/1990)."""
    import re

    m = re.fullmatch(r"(\d{4})(\D?)(\d{1,2})(\D?)(\d{1,2})(\D?)", value.strip())
    if m is None:
        last = re.fullmatch(r"(\d{1,2})([/.])(\d{1,2})\2(\d{4})", value.strip())
        if last is None:
            return _generic(value, d, keep, facts)
        # The year last (12/05/1985): day first, as the recognizer reads it.
        year = int(last.group(4)) if "birth_year" in keep else 1940 + d.below(66)
        born = _dt.date(year, 1, 1) + _dt.timedelta(days=d.below(365))
        width = 2 if len(last.group(1)) == 2 else 0
        day, month = (f"{born.day:02d}", f"{born.month:02d}") if width else (str(born.day), str(born.month))
        return f"{day}{last.group(2)}{month}{last.group(2)}{born.year}"
    year = int(m.group(1)) if "birth_year" in keep else 1940 + d.below(66)
    born = _dt.date(year, 1, 1) + _dt.timedelta(days=d.below(365))
    width = 2 if len(m.group(3)) == 2 or not m.group(2) else 0
    month, day = (f"{born.month:02d}", f"{born.day:02d}") if width else (str(born.month), str(born.day))
    return f"{born.year}{m.group(2)}{month}{m.group(4)}{day}{m.group(6)}"


def _imei(value: str, d: Draw, keep: tuple[str, ...], facts: Mapping[str, Any]) -> str:
    """Digits with a valid Luhn check (IMEI) or the same length (IMEISV)."""
    from ..ids import imei

    digits = [c for c in value if c.isdigit()]
    body = "".join(str(d.below(10)) for _ in digits)
    if len(digits) == 15:
        body = body[:14] + imei.calc_check_digit(body[:14])
    it = iter(body)
    return "".join(next(it) if c.isdigit() else c for c in value)


_GENERATORS = {
    "DATE_OF_BIRTH": _date_of_birth,
    "IMEI": _imei,
    "CN_RESIDENT_ID": _resident_id,
    "PHONE_NUMBER": _phone,
    "CN_BANK_CARD": _bank_card,
    "CN_USCC": _uscc,
    "HK_ID": _hk_id,
    "TW_ID": _tw_id,
    "PERSON": _person,
    "CN_ADDRESS": _address,
    "EMAIL_ADDRESS": _email,
    "IP_ADDRESS": _ip,
    "URL": _url,
}


def surrogate(value: str, entity_type: str, key: Key, keep: tuple[str, ...] | None = None,
              facts: Mapping[str, Any] | None = None) -> str:
    """The surrogate of ``value``: deterministic for (key, entity type, canonical value).

    A surrogate is redrawn until it differs from the value and, where the entity has a
    validator and the value itself validates, until it validates too.
    """
    facts = facts or {}
    value = fold_width(value)  # the generators read ASCII digits and letters
    keep = DEFAULT_KEEP.get(entity_type, ()) if keep is None else keep
    gen = _GENERATORS.get(entity_type)
    module = ids_module(entity_type)
    must_validate = module is not None and entity_type != "URL" and module.is_valid(value)
    canon = canonical(entity_type, value)
    subkey = key.derive("pseudonymize")
    out = value
    for attempt in range(_MAX_TRIES):
        d = Draw(subkey, entity_type, canon, str(attempt))
        if gen is not None:
            out = gen(value, d, keep, facts)
        else:
            out = _generic(value, d, keep, facts)
            if entity_type in _KEEP_FIRST and value:
                out = value[0] + out[1:]
        if out != value and (not must_validate or module.is_valid(out)):
            return out
    return out


class Pseudonymize(Strategy):
    """Keyed deterministic surrogates that pass the identifier's validator."""

    name = "pseudonymize"
    Options = PseudonymizeOptions
    needs_key = True

    @classmethod
    def check_entity(cls, entity_type: str, options: Options) -> None:
        keep = getattr(options, "keep", None)
        if keep:
            allowed = KEEP_CHOICES.get(entity_type, frozenset())
            bad = [k for k in keep if k not in allowed]
            check(not bad, "pseudonymize", "keep", f"for {entity_type} one of: "
                  + (", ".join(sorted(allowed)) or "(nothing can be kept)"))

    def apply(self, value: str, entity_type: str, options: Any, key: Key | None,
              facts: Mapping[str, Any]) -> str:
        assert key is not None
        return surrogate(value, entity_type, key, options.keep, facts)
