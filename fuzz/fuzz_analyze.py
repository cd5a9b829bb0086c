"""Coverage-guided fuzzing of piiguard.analyze (atheris / libFuzzer).

    python fuzz/fuzz_analyze.py -max_total_time=600 /tmp/corpus fuzz/seeds   # 10 minutes

Invariants: no exception on any str, offsets inside the string, same result twice.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["piiguard"]):
    import _common

    _common.import_all()

from _common import check_analyze, warm_up


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    check_analyze(fdp.ConsumeUnicode(len(data)))


if __name__ == "__main__":
    warm_up()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
