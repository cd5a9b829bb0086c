"""gated() and common_prefix(): a first-character lookahead or a factored prefix must never
change what a pattern matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piiguard._engine import DEFAULT_THRESHOLD, _merge
from piiguard._regexutil import common_prefix, first_chars, gated, required_ascii
from piiguard._specs import _REGEX_FLAGS, load_specs
from piiguard.ner import _address, _person

# Patterns of the shapes the package gates: alternations, classes, repeats, groups,
# look-arounds after the first character, and ones whose first characters are unknown.
PATTERNS = [
    r"ab|cd",
    r"[0-9]+号|路",
    r"(?P<num>[0-9]{1,5}(?:号|栋))|(?P<div>省|市)",
    r"[A-Z](?<![0-9A-Za-z].)[A-Z]?\d{6}",
    r"x*y",  # may start with x or with y
    r"x*",  # may match nothing: first characters unknown -> ungated
    r"\d+",  # \d outside ASCII mode: unknown
    r"(?:张|王)(?=[\u4e00-\u9fff])|[老小](?=王)",
    _address._SEED.pattern,
    _person._triggers().pattern,
]
ALPHABET = "abcdxy0123456789AZ号栋省市路老小王张李，。 -"


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40))
def test_gated_matches_equal_plain(pattern: str, text: str) -> None:
    plain, fast = re.compile(pattern), gated(pattern)
    assert [(m.span(), m.lastgroup) for m in plain.finditer(text)] == \
        [(m.span(), m.lastgroup) for m in fast.finditer(text)]


def test_first_chars_reads_what_it_can() -> None:
    assert first_chars("ab|[0-9]x") == frozenset("ab0123456789") - {"b"}
    assert first_chars(r"[0-9]{1,4}号") == frozenset("0123456789")
    assert first_chars(r"\d+") == frozenset("0123456789")  # ASCII mode by default
    assert first_chars(r"\d+", 0) is None  # Unicode \d also matches other digits
    assert first_chars("x*y") == frozenset("xy")  # an optional start: its characters or the next's
    assert first_chars(r"[A-Z]?[0-9]{1,5}号") == frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    assert first_chars("x*") is None  # may match nothing
    assert first_chars("x?(?=y)") is None  # the look-ahead's characters are not read
    assert first_chars("(?i)ab") is None  # a literal stands for both cases
    assert first_chars("(") is None  # unparsable: the pattern simply always runs


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="0123456789ABCEGHLMWZaceg@.:/()+- 号证", max_size=40))
def test_engine_first_characters_are_complete(text: str) -> None:
    """Every shipped pattern that matches starts with one of its first characters."""
    for spec in load_specs():
        for p in spec.patterns:
            first = first_chars(p.regex)
            if first is None:
                continue
            for m in p.compile().finditer(text):
                if m.end() > m.start():
                    assert text[m.start()] in first, (spec.name, p.name)


def test_common_prefix_takes_only_what_matches_one_way() -> None:
    assert common_prefix([r"[1-9](?<![0-9]-.)\d{14}", r"[1-9](?<![0-9]-.)\d{17}"]) == "[1-9](?<![0-9]-.)"
    assert common_prefix([r"ab+c", r"ab+d"]) == "a"  # b+ can match in several ways
    assert common_prefix([r"\d{5}a", r"\d{4}b"]) == ""  # \d alone is not a token of \d{5}
    assert common_prefix([r"(a)b", r"(a)c"]) == ""  # a group would renumber
    assert common_prefix([r"a|b", r"a|c"]) == ""  # the first branch is not a prefix
    assert common_prefix(["abc"]) == "abc"


# Digit runs as long as identifiers, and what stands around them.
_RECORD_PIECES = st.one_of(
    st.text(alphabet="0123456789", min_size=1, max_size=19),
    st.sampled_from([" ", "-", ".", "X", "x", "A", "e", "+86 ", "(86)", "0086", "号", "证 "]),
)


def _spec_groups() -> list[list]:
    """The groups of shipped patterns that the engine merges into one alternation."""
    groups: dict[tuple, list] = {}
    for spec in load_specs():
        for p in spec.patterns:
            if p.trigger is None:
                groups.setdefault((spec.name, p.score >= DEFAULT_THRESHOLD, p.requires), []).append(p)
    return [g for g in groups.values() if len(g) > 1]


@pytest.mark.parametrize("group", _spec_groups(), ids=lambda g: g[0].name)
@settings(max_examples=300, deadline=None)
@given(text=st.lists(_RECORD_PIECES, max_size=6).map("".join))
def test_merged_alternation_matches_as_unfactored(group: list, text: str) -> None:
    """_merge() finds the same spans through the same alternative as the plain alternation."""
    plain = re.compile("|".join(f"(?P<_p{i}>{p.regex})" for i, p in enumerate(group)), _REGEX_FLAGS)
    merged = _merge(group).regex
    assert [(m.span(), m.lastgroup) for m in plain.finditer(text)] == \
        [(m.span(), m.lastgroup) for m in merged.finditer(text)]


def test_required_ascii_reads_what_it_can() -> None:
    assert required_ascii("[京沪][A-C]") == frozenset("ABC")
    assert required_ascii("[京沪] [A-C]{4}") == frozenset(" ")  # the smallest set
    assert required_ascii("[京沪][A-C]?") is None  # optional: not required
    assert required_ascii("[京沪](?=[A-C])") is None  # a look-ahead holds no character of the match
    assert required_ascii("ab|cd") == frozenset("ac")
    assert required_ascii("(?i)ab") is None


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="京沪苏粤 ABCHJMZabz0123456789@.:-/()电话护照通行证", max_size=30))
def test_shipped_gates_hold_their_required_characters(text: str) -> None:
    """A text matched by a shipped gate or trigger holds one of its required characters."""
    for spec in load_specs():
        for p in spec.patterns:
            for needed in (p.requires, p.trigger[0] if p.trigger else None):
                required = None if needed is None else required_ascii(needed, _REGEX_FLAGS)
                if required is not None and re.search(needed, text, _REGEX_FLAGS):
                    assert not required.isdisjoint(text), (spec.name, p.name)
