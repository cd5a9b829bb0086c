"""A small stand-in analyzer for the classification tests.

The tests classify hand-made text with this callable instead of ``piiguard.analyze``,
so they run in milliseconds and do not depend on the models. It returns Presidio
``RecognizerResult`` objects with the same ``recognition_metadata["facts"]`` shape.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from piiguard.ids import cn_bank_card, cn_resident_id, email, phone

# Names used in tests/data/customers.csv and the test texts (synthetic).
NAMES = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄晓明", "周杰", "吴桐", "欧阳娜娜", "孙悦", "马丽", "朱婷",
         "胡军", "林峰", "何洁", "郭靖", "高圆", "罗琳", "Zhang Wei", "Li Na")

_PATTERNS = [
    ("CN_RESIDENT_ID", re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"), cn_resident_id),
    ("CN_BANK_CARD", re.compile(r"(?<!\d)\d{16,19}(?!\d)"), cn_bank_card),
    ("PHONE_NUMBER", re.compile(r"(?<!\d)(?:\+86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)"), phone),
    ("EMAIL_ADDRESS", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"), email),
]
_ADDRESS = re.compile(r"[\u4e00-\u9fff]{2,8}(?:省|市)[\u4e00-\u9fff0-9]{2,20}?(?:号|室|栋|弄)(?:[0-9]+室)?")
_NAME = re.compile("|".join(sorted(NAMES, key=len, reverse=True)))


def _result(entity: str, start: int, end: int, facts: dict | None = None) -> RecognizerResult:
    metadata = {"recognizer_name": "FakeRecognizer"}
    if facts:
        metadata["facts"] = facts
    return RecognizerResult(entity, start, end, 0.9, None, metadata)


def fake_analyze(text: str, **_: object) -> list[RecognizerResult]:
    """Checksum-validated IDs, cards, phones, e-mails; listed names; simple addresses."""
    out: list[RecognizerResult] = []
    taken: list[tuple[int, int]] = []
    for entity, pattern, module in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken) or not module.is_valid(m.group()):
                continue
            taken.append(m.span())
            facts = module.parse(m.group()) if entity == "CN_RESIDENT_ID" else None
            out.append(_result(entity, m.start(), m.end(), facts))
    for m in _ADDRESS.finditer(text):
        out.append(_result("CN_ADDRESS", m.start(), m.end()))
    for m in _NAME.finditer(text):
        out.append(_result("PERSON", m.start(), m.end()))
    return sorted(out, key=lambda r: r.start)


def make_id(birth: str, region: str = "110105", seq: str = "123") -> str:
    """A checksum-valid 18-digit resident ID for a birth date 'YYYYMMDD'."""
    body = region + birth + seq
    return body + cn_resident_id.calc_check_digit(body)
