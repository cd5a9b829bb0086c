"""Loading recognizer specs: good files load, bad ones fail naming the file and entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import piiguard
from piiguard import ConfigError
from piiguard._engine import Engine
from piiguard._specs import builtin_spec_files, load_specs


def test_builtin_specs_load() -> None:
    """Every shipped YAML loads and names a known validator."""
    specs = load_specs()
    assert {s.entity for s in specs} >= {"PHONE_NUMBER", "CN_RESIDENT_ID", "CN_BANK_CARD", "CN_USCC"}
    assert all(s.validator is not None for s in specs)
    assert all(f.suffix == ".yaml" for f in builtin_spec_files())


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


_EMPLOYEE_ID = """
entity: EMPLOYEE_ID
patterns:
  - {name: emp, regex: 'EMP\\d{6}', score: 0.8}
context: [工号]
"""


def test_user_spec_adds_an_entity(tmp_path: Path) -> None:
    """A user's YAML adds a recognizer that the engine runs, with a shared list by name."""
    engine = Engine(load_specs([_write(tmp_path, _EMPLOYEE_ID + "negative_context: non_pii_numbers\n")]), detectors=[])
    text = "工号EMP123456"
    assert [(r.entity_type, text[r.start:r.end]) for r in engine.analyze(text)] == [("EMPLOYEE_ID", "EMP123456")]
    assert engine.analyze("订单号EMP123456") == []


def test_negative_after_marks_a_quantity(tmp_path: Path) -> None:
    """Words in ``negative_after`` right after a match drop it, unless a label before keeps it."""
    engine = Engine(load_specs([_write(tmp_path, _EMPLOYEE_ID + "negative_after: [件, 次]\n")]), detectors=[])
    assert engine.analyze("EMP123456 件") == []
    assert engine.analyze("EMP123456次") == []
    assert [r.entity_type for r in engine.analyze("EMP123456号")] == ["EMPLOYEE_ID"]
    assert [r.entity_type for r in engine.analyze("工号EMP123456次")] == ["EMPLOYEE_ID"]


def test_context_after_zero_counts_only_labels_before(tmp_path: Path) -> None:
    """With ``context_after: 0`` a context word after a weak match does not report it."""
    weak = _EMPLOYEE_ID.replace("score: 0.8", "score: 0.2")
    before_or_after = Engine(load_specs([_write(tmp_path, weak)]), detectors=[])
    before_only = Engine(load_specs([_write(tmp_path, weak + "context_after: 0\n")]), detectors=[])
    assert [r.entity_type for r in before_or_after.analyze("EMP123456 工号")] == ["EMPLOYEE_ID"]
    assert before_only.analyze("EMP123456 工号") == []
    assert [r.entity_type for r in before_only.analyze("工号EMP123456")] == ["EMPLOYEE_ID"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("entity: X\nvalidator: nope\npatterns: [{regex: 'a'}]", "unknown validator 'nope'"),
        ("entity: X\npatterns: [{regex: '('}]", "invalid regex"),
        ("entity: X\npaterns: []", "unknown keys"),
        ("entity: lower\npatterns: [{regex: 'a'}]", "upper-case"),
        ("entity: X\npatterns: [{regex: 'a', score: 3}]", "between 0 and 1"),
        ("entity: X\npatterns: [{regex: 'a'}]\ncontext: no_such_list", "unknown shared list"),
        ("entity: X\npatterns: [{regex: 'a'}]\nnegative_after: [1, 2]", "'negative_after' must be"),
        ("entity: X\npatterns: [{regex: 'a'}]\n: [", "cannot read"),
        ("entity: X\npatterns: [{regex: 'a', requires: '('}]", "invalid 'requires' regex"),
        ("entity: X\npatterns: [{regex: 'a', requires: 3}]", "'requires' must be"),
    ],
)
def test_bad_specs_fail_clearly(tmp_path: Path, body: str, message: str) -> None:
    """Malformed specs raise ConfigError naming the file and what is wrong."""
    with pytest.raises(ConfigError, match=message) as info:
        load_specs([_write(tmp_path, body)])
    assert "mine.yaml" in str(info.value)


def test_public_api_is_pinned() -> None:
    """__all__ is sorted and every name resolves."""
    assert piiguard.__all__ == sorted(piiguard.__all__)
    for name in piiguard.__all__:
        assert getattr(piiguard, name) is not None


def test_import_is_cheap() -> None:
    """import piiguard loads neither Presidio nor jieba (checked in a fresh interpreter)."""
    import subprocess
    import sys

    code = "import sys, piiguard; print(any(m.startswith(('presidio', 'jieba', 'spacy')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_requires_gate_skips_the_pattern(tmp_path: Path) -> None:
    """A pattern's 'requires' regex rules it out when absent, and changes nothing when present."""
    path = _write(tmp_path, """
entity: EMPLOYEE_ID
patterns:
  - {name: emp, regex: 'E\\d{6}', score: 0.8, requires: 'MP'}
""")
    engine = Engine(load_specs([path]), detectors=[])
    assert engine.analyze("工号E123456") == []
    assert [(r.start, r.end) for r in engine.analyze("EMP: E123456")] == [(5, 12)]


_GATE_ALPHABET = "0123456789" * 3 + "ACEGHLMWSDPZaceghlmwsdpz()/.:-@ 号证"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_GATE_ALPHABET, min_size=6, max_size=40))
def test_requires_gates_are_necessary(text: str) -> None:
    """Wherever a shipped pattern matches, its 'requires' regex matches too (the gate
    is a speed-up only: it must never hide a match)."""
    import re

    for spec in load_specs():
        for p in spec.patterns:
            if p.requires is not None and p.compile().search(text):
                assert re.search(p.requires, text, re.ASCII | re.MULTILINE), (spec.name, p.name)


@pytest.mark.parametrize("sample", ["护照E12345678", "港澳通行证C12345678", "回乡证H1234567801", "台湾居民L12345678",
                                    "HK A123456(3)", "TW A123456789", "澳门 1234567(8)", "http://a.cn/x", "www.a.cn",
                                    "IP 192.168.1.1", "EA1234567", "SE1234567",
                                    "护照E 1234 5678", "护照EA 1234567", "护照E12 345 678", "车牌 京 A12345", "车牌 苏 E1234学",
                                    "9111 0108 MA01 ABCD 1E", "港澳通行证 C 12345678"])
def test_requires_gates_pass_written_forms(sample: str) -> None:
    """Every gated pattern that matches a sample has its gate matching it as well; each
    sample is read by a gated pattern, or by a triggered one whose label it holds (a
    trigger limits where a pattern is scanned, to around its label)."""
    import re

    hits = 0
    for spec in load_specs():
        for p in spec.patterns:
            if p.requires is not None and p.compile().search(sample):
                hits += 1
                assert re.search(p.requires, sample, re.ASCII | re.MULTILINE), (spec.name, p.name)
            elif p.trigger is not None and p.compile().search(sample) and re.search(p.trigger[0], sample):
                hits += 1
    assert hits, sample
