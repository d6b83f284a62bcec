"""Shared text features: stop words, stems, content words (all offline, no data downloads)."""

from __future__ import annotations

import itertools
import pkgutil
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import Stemmer

from .reading.split import words


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
# Without PyStemmer's own cache: filling it cost more than stemming (11 ms against 4 ms for the
# 8,000 distinct words of a 2,500-sentence topic); `stem` and `TopicTokens` stem each word once.
_stemmer = Stemmer.Stemmer("english", 0)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def sentence_features(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A sentence's content-word stems (as `content_stems`) and its concepts: those stems plus the
    stemmed word bigrams that are not two stop words.

    The definition, one sentence at a time: syndication and the consensus summarizer read the same
    features of a whole topic at once from `TopicTokens` (tests check the two agree).
    """
    ws = words(text)
    stems = list(map(stem, ws))
    stop = list(map(STOP_WORDS.__contains__, ws))
    kept = zip(ws, stems, stop, strict=True)
    content = tuple(t for w, t, s in kept if not s and (len(w) > 1 or w.isdigit()))
    pairs = zip(stems, stems[1:], stop, stop[1:], strict=False)
    return content, content + tuple(f"{a} {b}" for a, b, s1, s2 in pairs if not (s1 and s2))


@dataclass(frozen=True, eq=False)
class TopicTokens:
    """Every word token of a list of texts (a topic's sentences, in order) as integer arrays.

    Built in one pass for all texts: `words()` per text, one dict pass numbering the distinct words,
    one `stemWords` call on them, stop and content flags per distinct word. It carries what
    `sentence_features` gives per sentence (content stems, concepts) for syndication and the
    consensus summarizer, without a Python string per token or per bigram.
    """

    n_rows: int
    row: np.ndarray  # int64: each token's text (row), ascending
    stem: np.ndarray  # int64: each token's stem id (index into `stems`)
    stop: np.ndarray  # bool: the token is a stop word
    content: np.ndarray  # bool: a content word (not a stop word; longer than one letter, or a number)
    stems: tuple[str, ...]  # stem id -> stem, numbered in order of first appearance

    @classmethod
    def build(cls, texts: Sequence[str]) -> TopicTokens:
        per_text = [words(t) for t in texts]
        lengths = np.fromiter(map(len, per_text), dtype=np.int64, count=len(per_text))
        flat = list(itertools.chain.from_iterable(per_text))
        distinct = list(dict.fromkeys(flat))
        index = {w: i for i, w in enumerate(distinct)}
        word_id = np.fromiter(map(index.__getitem__, flat), dtype=np.int64, count=len(flat))
        stemmed = _stemmer.stemWords(distinct)
        stems = list(dict.fromkeys(stemmed))
        stem_index = {s: i for i, s in enumerate(stems)}
        stem_of = np.fromiter(map(stem_index.__getitem__, stemmed), dtype=np.int64, count=len(stemmed))
        stop_of = np.fromiter(map(STOP_WORDS.__contains__, distinct), dtype=bool, count=len(distinct))
        # Content: not a stop word, and longer than one character or a number.
        long_of = np.fromiter(map(len, distinct), dtype=np.int64, count=len(distinct)) > 1
        long_of |= np.fromiter(map(str.isdigit, distinct), dtype=bool, count=len(distinct))
        return cls(
            n_rows=len(per_text),
            row=np.repeat(np.arange(len(per_text), dtype=np.int64), lengths),
            stem=stem_of[word_id],
            stop=stop_of[word_id],
            content=(~stop_of & long_of)[word_id],
            stems=tuple(stems),
        )

    @cached_property
    def bigram(self) -> np.ndarray:
        """bool per token k (but the last): tokens k and k+1 form a concept, i.e. they are in the
        same text and not both stop words."""
        return (self.row[1:] == self.row[:-1]) & ~(self.stop[1:] & self.stop[:-1])

    def concept_codes(self) -> tuple[np.ndarray, np.ndarray]:
        """Each text's concepts as `sentence_features(text)[1]` lists them (content stems, then
        bigrams), as (row, code) arrays in that order: a stem s is code s, a bigram (a, b) is
        S + a * S + b where S = len(stems)."""
        n_stems = len(self.stems)
        unigram = np.flatnonzero(self.content)
        pair = np.flatnonzero(self.bigram)
        rows = np.concatenate([self.row[unigram], self.row[pair]])
        codes = np.concatenate(
            [self.stem[unigram], n_stems + self.stem[pair] * n_stems + self.stem[pair + 1]]
        )
        kind = np.concatenate([np.zeros(len(unigram), dtype=np.int64), np.ones(len(pair), dtype=np.int64)])
        # Two ascending runs: a stable sort (timsort) merges them, per text unigrams before bigrams.
        order = np.argsort(rows * 2 + kind, kind="stable")
        return rows[order], codes[order]

    def select(self, keep: np.ndarray) -> TopicTokens:
        """The texts where `keep` (bool per text) holds, renumbered in order; stem ids unchanged."""
        mask = keep[self.row]
        new_row = np.cumsum(keep) - 1
        return TopicTokens(
            int(keep.sum()),
            new_row[self.row[mask]],
            self.stem[mask],
            self.stop[mask],
            self.content[mask],
            self.stems,
        )


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
