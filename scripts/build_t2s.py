"""Build ``src/piiguard/data/t2s.txt``: traditional -> simplified characters, one to one.

    .venv/bin/python scripts/build_t2s.py path/to/OpenCC/TSCharacters.txt

The input is OpenCC's ``TSCharacters.txt`` (Apache License 2.0,
https://github.com/BYVoid/OpenCC, ``data/dictionary/TSCharacters.txt``; the copy used
came with the ``opencc-purepy`` 1.5.0 wheel). Kept: single characters mapping to a
single character (the first candidate where OpenCC lists several). Left out: characters
that simplified text uses as they are (乾隆, 著名, the surname 於), so folding never
changes simplified text. The name and address detectors read traditional text through
this table (see ``piiguard._fold``); offsets do not move, one character being
replaced by one.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from piiguard.ner._chars import SURNAMES  # noqa: E402
from piiguard.ner._features import load_words  # noqa: E402

OUT = ROOT / "src" / "piiguard" / "data" / "t2s.txt"
# Traditional forms that simplified Chinese keeps in some words or names.
KEEP = frozenset("於瞭藉乾著")


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    in_simplified = set("".join(load_words())) | SURNAMES | KEEP
    pairs = []
    with open(sys.argv[1], encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            trad, simp = line.rstrip("\n").split("\t")
            simp = simp.split(" ")[0]
            if len(trad) == 1 and len(simp) == 1 and trad != simp and trad not in in_simplified:
                pairs.append(trad + simp)
    # Follow chains (薴 -> 苧 -> 苎), so folding twice changes nothing more.
    table = {p[0]: p[1] for p in pairs}
    for trad, simp in list(table.items()):
        while simp in table and table[simp] != simp:
            simp = table[simp]
        table[trad] = simp
    pairs = [t + s for t, s in table.items()]
    header = ("# Traditional -> simplified characters (two per line), from OpenCC's TSCharacters.txt\n"
              "# (Apache License 2.0, https://github.com/BYVoid/OpenCC). Built by scripts/build_t2s.py.\n")
    OUT.write_text(header + "\n".join(sorted(pairs)) + "\n", encoding="utf-8")
    print(f"{len(pairs)} characters -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
