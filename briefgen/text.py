"""Shared text features: stop words, stems, content words (all offline, no data downloads)."""

from __future__ import annotations

import pkgutil
import re
import unicodedata
from functools import lru_cache

import Stemmer

from .split import words


def _sumy_stop_words(language: str) -> frozenset[str]:
    """sumy's stop-word list, read from its package data (importing sumy.utils costs ~0.5 s)."""
    data = pkgutil.get_data("sumy", f"data/stopwords/{language}.txt") or b""
    return frozenset(w.strip() for w in data.decode("utf-8").splitlines() if w.strip())


STOP_WORDS: frozenset[str] = _sumy_stop_words("english") | {
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
# Snowball English (Porter2) in C (PyStemmer): fast, and no NLTK import on the consensus path.
_stemmer = Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


@lru_cache(maxsize=1 << 16)
def sentence_features(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A sentence's content-word stems (as `content_stems`) and its concepts: those stems plus the
    stemmed word bigrams that are not two stop words.

    Memoised: syndication and the consensus summarizer both read every sentence of a topic.
    """
    ws = words(text)
    stems = list(map(stem, ws))
    stop = list(map(STOP_WORDS.__contains__, ws))
    kept = zip(ws, stems, stop, strict=True)
    content = tuple(t for w, t, s in kept if not s and (len(w) > 1 or w.isdigit()))
    pairs = zip(stems, stems[1:], stop, stop[1:], strict=False)
    return content, content + tuple(f"{a} {b}" for a, b, s1, s2 in pairs if not (s1 and s2))


def content_stems(text: str) -> list[str]:
    """Stems of the non-stop words of `text`, in order (numbers kept)."""
    return list(map(stem, [w for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]))


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def slugify(text: str, max_len: int = 60) -> str:
    """An ASCII address part for `text`: lower-case words joined by '-', cut at a word within
    `max_len`; 'topic' when nothing is left."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0]
    return slug or "topic"
