"""Coverage-guided fuzzing of redact, restore and classify under every preset policy.

    python fuzz/fuzz_redact.py -max_total_time=600 /tmp/corpus fuzz/seeds

Invariants: no exception on any str (DecryptionError only from restore of foreign
tokens), text between findings copied unchanged, masking idempotent on structured
entities, encrypt tokens round-trip.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["piiguard"]):
    import _common

    _common.import_all()

import piiguard

from _common import KEY, guard, warm_up

STRUCTURED: list[str] = []


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    choice = fdp.ConsumeIntInRange(0, 255)
    text = fdp.ConsumeUnicode(len(data))
    g = guard(choice)
    result = g.redact_detailed(text)
    pos = out = 0
    for item in result.items:
        if result.text[out:item.redacted_start] != text[pos:item.start]:
            raise AssertionError("text between findings changed")
        pos, out = item.end, item.redacted_end
    if result.text[out:] != text[pos:]:
        raise AssertionError("text after the last finding changed")
    if not STRUCTURED:
        STRUCTURED.extend(e for e in g.supported_entities if e not in ("PERSON", "CN_ADDRESS"))
    masker = piiguard.Guard(policy="mask", entities=STRUCTURED)
    once = masker.redact(text)
    if masker.redact(once) != once:
        raise AssertionError("masking is not idempotent")
    if "⟦" not in text:
        enc = piiguard.Guard(policy={"default": "encrypt"}, key=KEY)
        if enc.restore(enc.redact(text)) != text:
            raise AssertionError("encrypt does not round-trip")
    try:
        piiguard.restore(text, key=KEY)
    except piiguard.DecryptionError:
        pass
    piiguard.classify(text)


if __name__ == "__main__":
    warm_up()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
