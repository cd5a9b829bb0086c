"""A small Presidio ``NlpEngine`` for Chinese: jieba words, no model download.

Chinese spaCy models are not on PyPI, and a blank spaCy ``zh`` pipeline with the jieba
segmenter adds spaCy's pipeline overhead to the same segmentation. This engine builds a
spaCy ``Doc`` straight from jieba's words, uses each word as its own lemma (Chinese
has no inflection), and so lets Presidio's ``LemmaContextAwareEnhancer`` match Chinese
context words (手机, 身份证, 卡号 …) as substrings of the words around a finding.
It recognizes no entities itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine

from ._segment import tokenize

__all__ = ["ChineseNlpEngine"]

_STOPWORDS = frozenset("的 了 和 是 在 我 有 就 不 人 都 一 一个 上 也 很 到 说 要 去 你 会 着 没有 看 好 自己 这 与 及 或 为 对 把 被 从 以 之 其 等".split())
_PUNCT = frozenset("，。、；：？！“”‘’（）《》【】…—·,.;:?!\"'()[]{}<>-_/\\|@#$%^&*+=~` \t\n\r")


class ChineseNlpEngine(NlpEngine):
    """Presidio NLP engine for language ``zh`` built on jieba.

    >>> engine = ChineseNlpEngine()
    >>> engine.process_text("客户手机号码", "zh").lemmas
    ['客户', '手机号码']
    """

    def __init__(self) -> None:
        self._vocab: Any = None

    def load(self) -> None:
        """Create the spaCy vocabulary the ``Doc`` objects share."""
        from spacy.vocab import Vocab

        self._vocab = Vocab()

    def is_loaded(self) -> bool:
        """True once :meth:`load` ran."""
        return self._vocab is not None

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        """Segment ``text`` with jieba and wrap the words as Presidio artifacts."""
        from spacy.tokens import Doc

        if self._vocab is None:
            self.load()
        words = [(w, s) for w, s, _e in tokenize(text) if not w.isspace()]
        doc = Doc(self._vocab, words=[w for w, _ in words] or [""], spaces=[False] * max(len(words), 1))
        lemmas = [w for w, _ in words]
        return NlpArtifacts(
            entities=[],
            tokens=doc,
            tokens_indices=[s for _, s in words],
            lemmas=lemmas,
            nlp_engine=self,
            language=language,
        )

    def process_batch(
        self, texts: Iterable[str], language: str, batch_size: int = 1, n_process: int = 1, **kwargs: Any
    ) -> Iterator[tuple[str, NlpArtifacts]]:
        """Process texts one by one (jieba is not batched)."""
        for text in texts:
            yield text, self.process_text(text, language)

    def is_stopword(self, word: str, language: str) -> bool:
        """A short list of Chinese function words."""
        return word in _STOPWORDS

    def is_punct(self, word: str, language: str) -> bool:
        """True when every character is punctuation or space."""
        return bool(word) and all(c in _PUNCT for c in word)

    def get_supported_entities(self) -> list[str]:
        """None: entities come from recognizers."""
        return []

    def get_supported_languages(self) -> list[str]:
        """Only ``zh``."""
        return ["zh"]
