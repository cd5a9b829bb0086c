"""Hypothesis strategies: valid identifiers and random Chinese text to embed them in."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from piiguard.ids import _checksum, cn_resident_id, cn_uscc
from piiguard.ids._regions import PROVINCES

DIGITS = "0123456789"
CHINESE = "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感"
# Characters that may border an identifier without joining it.
SEPARATORS = "，。；：、 \n（）【】《》！？"

chinese_text = st.text(alphabet=CHINESE + SEPARATORS, max_size=30)


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    """A valid 18-character resident ID."""
    province = draw(st.sampled_from(sorted(PROVINCES)))
    rest = draw(st.text(alphabet=DIGITS, min_size=4, max_size=4))
    born = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date.today()))
    seq = draw(st.text(alphabet=DIGITS, min_size=3, max_size=3))
    body = f"{province}{rest}{born:%Y%m%d}{seq}"
    return body + cn_resident_id.calc_check_digit(body)


@st.composite
def bank_cards(draw: st.DrawFn) -> str:
    """A valid UnionPay card number of 16 to 19 digits."""
    length = draw(st.integers(16, 19))
    body = "62" + draw(st.text(alphabet=DIGITS, min_size=length - 3, max_size=length - 3))
    return body + _checksum.luhn_calc(body)


@st.composite
def usccs(draw: st.DrawFn) -> str:
    """A valid unified social credit code."""
    head = draw(st.sampled_from(["91", "92", "12", "52", "11"]))
    region = draw(st.sampled_from(sorted(PROVINCES))) + draw(st.text(alphabet=DIGITS, min_size=4, max_size=4))
    org = draw(st.text(alphabet=cn_uscc.ALPHABET, min_size=9, max_size=9))
    body = head + region + org
    return body + cn_uscc.calc_check_digit(body)


MOBILE_PREFIXES = ["130", "133", "135", "138", "139", "150", "158", "166", "170", "173", "177", "180", "186", "189", "191", "199"]


@st.composite
def mobiles(draw: st.DrawFn) -> str:
    """A mainland mobile number with an allocated prefix."""
    return draw(st.sampled_from(MOBILE_PREFIXES)) + draw(st.text(alphabet=DIGITS, min_size=8, max_size=8))


def to_fullwidth(value: str) -> str:
    """Full-width forms of ASCII letters and digits (１３８…)."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in value)
