"""Syndication: find articles that carry the same report (copies or close rewrites).

Sparse TF-IDF vectors of whole articles propose candidate pairs (one sparse product, no string
comparison of all pairs); a pair is confirmed when most sentences of the shorter article have a
close counterpart in the other. Confirmed pairs are joined into groups (union-find). Everywhere a
brief counts sources it counts these groups, not articles.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .models import Article, Sentence
from .summarize.consensus import SentenceSpace
from .text import content_stems

CANDIDATE_SIMILARITY = 0.5
SENTENCE_MATCH = 0.5
ALIGNED_SHARE = 0.6


def _article_vectors(articles: Sequence[Article]) -> sparse.csr_matrix:
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for r, article in enumerate(articles):
        counts: dict[int, int] = {}
        for s in content_stems(article.text):
            c = vocab.setdefault(s, len(vocab))
            counts[c] = counts.get(c, 0) + 1
        for c, v in counts.items():
            rows.append(r)
            cols.append(c)
            vals.append(1.0 + np.log(v))
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(articles), max(len(vocab), 1)))
    df = np.asarray((m > 0).sum(axis=0)).ravel()
    m = m @ sparse.diags(np.log((1 + len(articles)) / (1 + df)) + 1.0)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


def aligned_share(a: Sequence[Sentence], b: Sequence[Sentence]) -> float:
    """Share of the shorter article's sentences with a close sentence in the other."""
    if not a or not b:
        return 0.0
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    space = SentenceSpace(list(short) + list(long), {})
    v = space.vectors
    sims = (v[: len(short)] @ v[len(short) :].T).toarray()
    return float(np.mean(sims.max(axis=1) >= SENTENCE_MATCH))


def syndication_groups(
    articles: Sequence[Article], sentences: dict[str, Sequence[Sentence]]
) -> dict[str, str]:
    """article id -> group id (the group's first article id, in input order)."""
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    if len(articles) > 1:
        vectors = _article_vectors(articles)
        sims = sparse.triu(vectors @ vectors.T, k=1).tocoo()
        for i, j, sim in sorted(zip(sims.row, sims.col, sims.data, strict=True)):
            if sim < CANDIDATE_SIMILARITY:
                continue
            a, b = articles[i], articles[j]
            if aligned_share(sentences.get(a.id, ()), sentences.get(b.id, ())) >= ALIGNED_SHARE:
                ra, rb = find(a.id), find(b.id)
                if ra != rb:
                    first, second = sorted((ra, rb), key=[x.id for x in articles].index)
                    parent[second] = first
    return {a.id: find(a.id) for a in articles}
