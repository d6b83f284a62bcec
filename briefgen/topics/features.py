"""Article features for topic detection: sparse TF-IDF of content words and named entities, and dates.

Words separate subjects; names (capitalised sequences: people, places, organisations) separate events of
the same kind; dates separate the same subject at different times (see `date_factor`). Everything is
sparse and linear in the size of the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..models import Article
from ..text import STOP_WORDS, stem

WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’-][^\W_]+)*|\d+(?:[.,]\d+)*", re.U)
# A run of capitalised words ("Kehinde Wiley", "National Portrait Gallery"), lower-case joiners allowed.
NAME = re.compile(
    r"(?<![\w'’])[A-Z][\w'’.-]*[\w]?(?:\s+(?:(?:of|de|la|van|von|al|bin|the|and|for)\s+)?[A-Z][\w'’.-]*[\w]?)*"
)
ENTITY_WEIGHT = 1.0
"""Weight of the name block relative to the word block (each block is unit length)."""
TITLE_REPEAT = 2
"""The headline's words count this many extra times: editors put the event in it."""
DATE_SCALE_DAYS = 14.0
"""Days apart at which the date factor halves (see `date_factor`)."""


@dataclass(frozen=True)
class Features:
    """Unit-length rows, one per article: [words | names], and each article's date as an ordinal."""

    vectors: sparse.csr_matrix
    days: np.ndarray  # float, NaN when the article has no date


def _tokens(text: str) -> list[str]:
    out = []
    for w in WORD.findall(text.lower()):
        w = w.replace("’", "'")
        if w in STOP_WORDS or (len(w) < 2 and not w.isdigit()):
            continue
        out.append(stem(w))
    return out


def _names(text: str) -> list[str]:
    out = []
    for match in NAME.finditer(text):
        parts = match.group(0).replace("’", "'").split()
        while parts and parts[0].lower() in STOP_WORDS:
            parts.pop(0)
        while parts and parts[-1].lower() in STOP_WORDS:
            parts.pop()
        if not parts:
            continue
        name = " ".join(parts).rstrip(".'").lower()
        if len(name) > 1:
            out.append(name)
    return out


def _tfidf(docs: Sequence[list[str]]) -> sparse.csr_matrix:
    """Sublinear TF times smoothed IDF, rows scaled to unit length."""
    vocab: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for doc in docs:
        counts: dict[int, int] = {}
        for term in doc:
            c = vocab.setdefault(term, len(vocab))
            counts[c] = counts.get(c, 0) + 1
        indices.extend(counts)
        data.extend(counts.values())
        indptr.append(len(indices))
    m = sparse.csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
        shape=(len(docs), max(len(vocab), 1)),
    )
    m.sum_duplicates()
    m.data = 1.0 + np.log(m.data)
    df = np.bincount(m.indices, minlength=m.shape[1])
    m = m @ sparse.diags(np.log((1 + len(docs)) / (1 + df)) + 1.0)
    m = _unit_rows(sparse.csr_matrix(m))
    # Terms in one article only cannot make two articles alike: drop them once lengths are fixed.
    keep = np.flatnonzero(df > 1)
    return sparse.csr_matrix(m[:, keep])


def _unit_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


def article_features(articles: Sequence[Article]) -> Features:
    """TF-IDF of content words (headline counted extra) and of names, as one unit-length row each."""
    words = []
    names = []
    for a in articles:
        head = a.title if a.title and a.title != a.id else ""
        words.append(_tokens(a.text) + _tokens(head) * TITLE_REPEAT)
        names.append(_names(a.text) + _names(head) * TITLE_REPEAT)
    vectors = sparse.hstack([_tfidf(words), ENTITY_WEIGHT * _tfidf(names)]).tocsr()
    vectors = _unit_rows(vectors).astype(np.float32)
    days = np.array([a.published.toordinal() if a.published else np.nan for a in articles], dtype=float)
    return Features(vectors, days)


def date_factor(days_a: np.ndarray, days_b: np.ndarray) -> np.ndarray:
    """How much two articles' dates allow them to share a story: 1 when close or unknown.

    A Cauchy-shaped decay: 0.5 at two weeks apart, 0.2 at a month, under 0.002 at a year. It is a
    prior about news (stories rarely run for months), not fitted to any corpus.
    """
    gap = np.abs(days_a - days_b)
    factor = 1.0 / (1.0 + (gap / DATE_SCALE_DAYS) ** 2)
    return np.where(np.isnan(gap), 1.0, factor)
