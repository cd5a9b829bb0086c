"""scan()'s plans: the shared search for context words answers as each spec's own search
would, and the remembered entity sets follow the caller's list."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piiguard._context import ContextMatcher
from piiguard._engine import _Mentions, default_engine
from piiguard.exceptions import ConfigError

SPECS = default_engine()._specs
WORDS = sorted({w for cs in SPECS for w in cs.context.positive_words})

# Context words, pieces of them and characters around them, so that words overlap and
# nest (手机号 holds 手机, 号码 may follow 手机).
_PIECES = st.one_of(st.sampled_from(WORDS), st.sampled_from([w[:1] for w in WORDS] + [w[1:] for w in WORDS]),
                    st.sampled_from(list("，：0 a号码机")))


@settings(max_examples=400, deadline=None)
@given(text=st.lists(_PIECES, max_size=8).map("".join),
       chosen=st.lists(st.sampled_from(range(len(SPECS))), unique=True, max_size=len(SPECS)))
def test_mentions_agree_with_each_spec(text: str, chosen: list[int]) -> None:
    specs = [SPECS[i] for i in chosen]
    assert _Mentions(specs)(text) == {cs for cs in specs if cs.context.mentioned_in(text)}


def test_mentions_without_words() -> None:
    assert _Mentions([])("手机13812345678") == set()


class _Spec:
    """Stands in for a compiled spec: only its context words matter here."""

    def __init__(self, *words: str) -> None:
        self.context = ContextMatcher(words, [])


def test_mentions_find_words_inside_and_across_longer_ones() -> None:
    phone, short, tail = _Spec("手机号"), _Spec("手机"), _Spec("号码")
    mentions = _Mentions([phone, short, tail])
    assert mentions("手机号码") == {phone, short, tail}  # 手机 starts where 手机号 does; 号码 overlaps it
    assert mentions("手机") == {short}
    assert mentions("电话") == set()


def test_entities_list_is_read_on_every_call() -> None:
    """The engine remembers an entity list by its contents, so a changed list is read anew."""
    engine = default_engine()
    text = "手机13812345678，身份证11010519491231002X"
    entities = ["PHONE_NUMBER"]
    assert [r.entity_type for r in engine.analyze(text, entities=entities)] == ["PHONE_NUMBER"]
    entities.append("CN_RESIDENT_ID")
    assert [r.entity_type for r in engine.analyze(text, entities=entities)] == ["PHONE_NUMBER", "CN_RESIDENT_ID"]
    entities.append("NOT_AN_ENTITY")
    with pytest.raises(ConfigError):
        engine.analyze(text, entities=entities)
