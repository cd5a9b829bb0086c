"""Shared helpers of the atheris harnesses: the invariants every entry point must keep."""

from __future__ import annotations

import importlib
import pkgutil

import piiguard

KEY = piiguard.Key(b"atheris fuzzing key, not a secret")
POLICIES = ["mask", "pseudonymize", "strict", "remove", "handover", {"default": "hash"},
            {"default": {"encrypt": "deterministic"}}]
_GUARDS: dict[int, piiguard.Guard] = {}


def guard(i: int) -> piiguard.Guard:
    """One Guard per policy, built once."""
    i %= len(POLICIES)
    if i not in _GUARDS:
        _GUARDS[i] = piiguard.Guard(policy=POLICIES[i], key=KEY)
    return _GUARDS[i]


def check_analyze(text: str) -> None:
    results = piiguard.analyze(text)
    for r in results:
        if not 0 <= r.start < r.end <= len(text):
            raise AssertionError(f"offset out of bounds: {r.entity_type} {r.start}-{r.end} in {len(text)}")
    again = piiguard.analyze(text)
    if [(r.entity_type, r.start, r.end, r.score) for r in again] != [
            (r.entity_type, r.start, r.end, r.score) for r in results]:
        raise AssertionError("analyze is not deterministic")


def warm_up() -> None:
    """Load every lazily imported module (detectors, strategies, taxonomy) before instrumenting."""
    text = "客户张伟先生，手机138-1234-5678，身份证11010519491231002X，住址北京市朝阳区建国路88号，患糖尿病"
    for i in range(len(POLICIES)):
        guard(i).redact(text)
    piiguard.restore(piiguard.redact(text, policy={"default": "encrypt"}, key=KEY), key=KEY)
    piiguard.classify(text)
    from piiguard.report import report_html, report_json

    report_html(piiguard.classify(text))
    report_json(piiguard.classify(text))


def import_all() -> None:
    """Import every piiguard module (call inside ``atheris.instrument_imports``)."""
    for info in pkgutil.walk_packages(piiguard.__path__, "piiguard."):
        try:
            importlib.import_module(info.name)
        except ImportError:  # optional extras (spark, pandas)
            pass
