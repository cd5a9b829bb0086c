"""Policy: presets, dict and YAML forms, typed options checked once, clear errors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from piiguard.exceptions import PolicyError
from piiguard.keys import Key
from piiguard.policy import PRESETS, Policy
from piiguard.strategies import Strategy, register_strategy, unregister_strategy
from piiguard.strategies.generalize import GeneralizeOptions
from piiguard.strategies.mask import MaskOptions


class TestPresets:
    """Every preset builds, and says whether it needs a key."""

    @pytest.mark.parametrize("name", sorted(PRESETS))
    def test_builds(self, name: str) -> None:
        p = Policy.coerce(name)
        assert p.rule_for("PHONE_NUMBER").strategy
        assert repr(p) == f"Policy.preset({name!r})"

    def test_defaults(self) -> None:
        assert Policy.coerce(None).rule_for("PERSON").strategy == "mask"
        assert not Policy.coerce("mask").needs_key
        assert Policy.coerce("pseudonymize").needs_key
        assert Policy.coerce("strict").rule_for("X").strategy == "replace"
        assert Policy.coerce("remove").rule_for("PERSON").strategy == "redact"

    def test_handover(self) -> None:
        p = Policy.coerce("handover")
        assert p.rule_for("CN_RESIDENT_ID").strategy == "encrypt"
        assert p.rule_for("CN_RESIDENT_ID").options.mode == "deterministic"  # type: ignore[attr-defined]
        assert p.rule_for("CN_ADDRESS").strategy == "generalize"
        assert p.rule_for("PHONE_NUMBER").strategy == "pseudonymize"
        assert p.reversible and p.needs_key


class TestForms:
    """Dict shorthands, structured dicts and YAML files give the same rules."""

    def test_shorthand(self) -> None:
        p = Policy.coerce({"CN_ADDRESS": {"generalize": "district"}, "PHONE_NUMBER": {"mask": {"keep_last": 2}}})
        assert p.rule_for("CN_ADDRESS").options == GeneralizeOptions(level="district")
        assert p.rule_for("PHONE_NUMBER").options == MaskOptions(keep_last=2)

    def test_strategy_key_form(self) -> None:
        p = Policy.coerce({"PHONE_NUMBER": {"strategy": "mask", "char": "#"}})
        assert p.rule_for("PHONE_NUMBER").options == MaskOptions(char="#")

    def test_default_key(self) -> None:
        assert Policy.coerce({"default": "replace"}).rule_for("URL").strategy == "replace"

    def test_structured(self) -> None:
        p = Policy.from_dict({"preset": "handover", "entities": {"CN_ADDRESS": "mask"}})
        assert p.rule_for("CN_ADDRESS").strategy == "mask"
        assert p.rule_for("CN_RESIDENT_ID").strategy == "encrypt"

    def test_yaml(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        path = tmp_path / "handover.yaml"
        path.write_text(
            "preset: mask\nentities:\n  CN_RESIDENT_ID: {encrypt: deterministic}\n"
            "  CN_ADDRESS:\n    generalize: city\n", encoding="utf-8")
        p = Policy.coerce(str(path))
        assert p.rule_for("CN_RESIDENT_ID").strategy == "encrypt"
        assert Policy.coerce(path) == p

    def test_yaml_errors_name_the_file(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        path = tmp_path / "bad.yaml"
        path.write_text("CN_RESIDENT_ID: maks\n", encoding="utf-8")
        with pytest.raises(PolicyError, match="bad.yaml"):
            Policy.coerce(path)
        path.write_text("a: [\n", encoding="utf-8")
        with pytest.raises(PolicyError, match="not valid YAML"):
            Policy.coerce(path)

    def test_type_error(self) -> None:
        with pytest.raises(TypeError):
            Policy.coerce(42)  # type: ignore[arg-type]


class TestErrors:
    """Unknown names fail at build time and list the valid ones."""

    # fmt: off
    @pytest.mark.parametrize("spec, fragment", [
        ({"CN_RESIDENT_ID": "maks"}, "unknown strategy 'maks' for CN_RESIDENT_ID; valid: encrypt, fpe"),
        ({"CN_RESIDNT_ID": "mask"}, "unknown entity type 'CN_RESIDNT_ID'"),
        ({"PHONE_NUMBER": {"mask": {"keep": 3}}}, "unknown option 'keep' for strategy 'mask'; valid: char, keep_first"),
        ({"PHONE_NUMBER": {"mask": {"keep_first": -1}}}, "option 'keep_first' of strategy 'mask' must be"),
        ({"CN_ADDRESS": {"generalize": "town"}}, "option 'level' of strategy 'generalize' must be one of"),
        ({"PERSON": "fpe"}, "strategy 'fpe' does not apply to PERSON"),
        ({"PERSON": {"pseudonymize": {"keep": ["gender"]}}}, "for PERSON one of"),
        ({"CN_RESIDENT_ID": {"encrypt": "cbc"}}, "'random' or 'deterministic'"),
        ({"PERSON": ["mask"]}, "must be a strategy name"),
        ({"default": "fpe"}, "cannot be the default"),
    ])
    # fmt: on
    def test_message(self, spec: dict[str, Any], fragment: str) -> None:
        with pytest.raises(PolicyError) as info:
            Policy.coerce(spec)
        assert fragment in str(info.value)

    def test_unknown_preset(self) -> None:
        with pytest.raises(PolicyError, match="valid: handover, mask"):
            Policy.coerce("masking")

    def test_extra_entities(self) -> None:
        p = Policy({"EMPLOYEE_ID": "hash"}, extra_entities={"EMPLOYEE_ID"})
        assert p.rule_for("EMPLOYEE_ID").strategy == "hash"

    def test_errors_pickle(self) -> None:
        import pickle

        with pytest.raises(PolicyError) as info:
            Policy.coerce({"PERSON": "nope"})
        again = pickle.loads(pickle.dumps(info.value))
        assert str(again) == str(info.value)


class Shout(Strategy):
    """A user strategy: upper-case label."""

    name = "shout"

    def apply(self, value: str, entity_type: str, options: Any, key: Key | None,
              facts: Mapping[str, Any]) -> str:
        return f"[{entity_type}!]"


class TestCustomStrategy:
    """A registered user strategy is usable by name in a policy."""

    def test_register_and_use(self) -> None:
        register_strategy(Shout)
        try:
            p = Policy.coerce({"PERSON": "shout"})
            assert p.rule_for("PERSON").strategy_class is Shout
        finally:
            unregister_strategy("shout")
        with pytest.raises(PolicyError, match="unknown strategy 'shout'"):
            Policy.coerce({"PERSON": "shout"})

    def test_class_in_policy(self) -> None:
        try:
            assert Policy.coerce({"PERSON": Shout}).rule_for("PERSON").strategy == "shout"
        finally:
            unregister_strategy("shout")

    def test_name_clash(self) -> None:
        class Other(Shout):
            name = "mask"

        with pytest.raises(PolicyError, match="already registered"):
            register_strategy(Other)
        with pytest.raises(TypeError):
            register_strategy(object)  # type: ignore[arg-type]
