"""Coverage-guided fuzzing of the file readers (CSV/TSV/text through scan_path).

    python fuzz/fuzz_readers.py -max_total_time=600 /tmp/corpus-files

Invariant: a file either yields an inventory (and JSON/HTML reports) or raises
ValueError; nothing else.
"""

from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports(include=["piiguard"]):
    import _common

    _common.import_all()

from piiguard.report import report_html, report_json, scan_path

from _common import warm_up

_DIR = tempfile.mkdtemp(prefix="piiguard-fuzz-")
_SUFFIXES = [".csv", ".tsv", ".txt"]


def test_one_input(data: bytes) -> None:
    if not data:
        return
    path = os.path.join(_DIR, "input" + _SUFFIXES[data[0] % len(_SUFFIXES)])
    with open(path, "wb") as f:
        f.write(data[1:])
    try:
        inventory = scan_path(path)
    except ValueError:
        return
    report_json(inventory)
    report_html(inventory)


if __name__ == "__main__":
    warm_up()
    scan_path(__file__)  # loads the table reader too
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
