"""jieba, wrapped: the only module that imports it.

jieba attaches a DEBUG ``StreamHandler`` to its logger at import and writes its prefix
dictionary cache to the shared temp directory. Here its logger is silenced, and the
cache goes to piiguard's own cache directory (``$PIIGUARD_CACHE_DIR``, else
``~/.cache/piiguard``), or nowhere when that is not writable.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import jieba

__all__ = ["tokenizer", "tokenize"]

_LOCK = threading.Lock()
_TOKENIZER: list[jieba.Tokenizer] = []


def _cache_dir() -> Path | None:
    base = os.environ.get("PIIGUARD_CACHE_DIR") or os.path.join(os.path.expanduser("~"), ".cache", "piiguard")
    try:
        Path(base).mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return Path(base)


def tokenizer() -> jieba.Tokenizer:
    """The shared, initialized jieba tokenizer."""
    if not _TOKENIZER:
        with _LOCK:
            if not _TOKENIZER:
                import jieba

                log = logging.getLogger("jieba")
                for handler in list(log.handlers):
                    log.removeHandler(handler)
                log.addHandler(logging.NullHandler())
                log.propagate = False
                jieba.setLogLevel(logging.ERROR)
                tk = jieba.Tokenizer()
                cache = _cache_dir()
                if cache is not None:
                    tk.tmp_dir = str(cache)
                    tk.cache_file = "jieba.cache"
                tk.initialize()
                _TOKENIZER.append(tk)
    return _TOKENIZER[0]


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Words of ``text`` with their start and end offsets (jieba's default mode, no HMM)."""
    out = []
    pos = 0
    for word in tokenizer().cut(text, HMM=False):
        out.append((word, pos, pos + len(word)))
        pos += len(word)
    return out
