"""Loading recognizer specs: good files load, bad ones fail naming the file and entry."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def test_user_spec_adds_an_entity(tmp_path: Path) -> None:
    """A user's YAML adds a recognizer that the engine runs, with a shared list by name."""
    path = _write(tmp_path, """
entity: EMPLOYEE_ID
patterns:
  - {name: emp, regex: 'EMP\\d{6}', score: 0.8}
context: [工号]
negative_context: non_pii_numbers
""")
    engine = Engine(load_specs([path]), detectors=[])
    text = "工号EMP123456"
    assert [(r.entity_type, text[r.start:r.end]) for r in engine.analyze(text)] == [("EMPLOYEE_ID", "EMP123456")]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("entity: X\nvalidator: nope\npatterns: [{regex: 'a'}]", "unknown validator 'nope'"),
        ("entity: X\npatterns: [{regex: '('}]", "invalid regex"),
        ("entity: X\npaterns: []", "unknown keys"),
        ("entity: lower\npatterns: [{regex: 'a'}]", "upper-case"),
        ("entity: X\npatterns: [{regex: 'a', score: 3}]", "between 0 and 1"),
        ("entity: X\npatterns: [{regex: 'a'}]\ncontext: no_such_list", "unknown shared list"),
        ("entity: X\npatterns: [{regex: 'a'}]\n: [", "cannot read"),
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
