"""Shared text features: stop words, stems, content words (all offline, no data downloads)."""

from __future__ import annotations

from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer
from sumy.utils import get_stop_words

from .split import words

STOP_WORDS: frozenset[str] = frozenset(get_stop_words("english")) | {
    "said",
    "says",
    "say",
    "told",
    "also",
    "would",
    "could",
    "one",
    "two",
    "new",
    "mr",
    "ms",
    "mrs",
}
_stemmer = SnowballStemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stem(word)


def content_stems(text: str) -> list[str]:
    """Stems of the non-stop words of `text`, in order (numbers kept)."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
