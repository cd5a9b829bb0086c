"""The built wheel: installs, ships the recognizer specs, data and models, and loads them offline."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    (found,) = out.glob("piiguard-*.whl")
    return found


def test_wheel_contents(wheel: Path) -> None:
    """The wheel holds the YAML specs (and only YAML there), py.typed, and no tests or caches."""
    names = zipfile.ZipFile(wheel).namelist()
    specs = [n for n in names if n.startswith("piiguard/recognizers/")]
    assert "piiguard/recognizers/cn_resident_id.yaml" in specs
    assert all(n.endswith(".yaml") for n in specs)
    assert "piiguard/py.typed" in names
    for shipped in ("piiguard/ner/person.crfsuite", "piiguard/ner/latin_names.crfsuite", "piiguard/ner/person_triggers.txt", "piiguard/ner/words.txt",
                    "piiguard/ner/clause_words.txt",
                    "piiguard/data/divisions.dat", "piiguard/data/t2s.txt"):
        assert shipped in names
    assert "piiguard/data/taxonomy.yaml" in names
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def test_installed_wheel_loads_specs(wheel: Path, tmp_path: Path) -> None:
    """Installed from the wheel (not the source tree), piiguard loads its specs and detects."""
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", "--target", str(target), str(wheel)],
        check=True, capture_output=True,
    )
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import piiguard, piiguard._specs as s;"
        "assert piiguard.__file__.startswith(sys.argv[1]), piiguard.__file__;"
        "files = s.builtin_spec_files(); assert all(str(f).startswith(sys.argv[1]) for f in files);"
        "t = '收件人张伟，身份证11010519491231002X，地址陕西省西安市雁塔区高新四路88号';"
        "print(sorted({r.entity_type for r in piiguard.analyze(t)}))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NO_NETWORK": "1"})
    assert out.stdout.strip() == "['CN_ADDRESS', 'CN_RESIDENT_ID', 'PERSON']"
