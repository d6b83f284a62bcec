"""The similarity graph: each article's nearest neighbours, never a dense n x n matrix.

Similarities (cosine of the pruned TF-IDF rows, times the date factor) are computed by a sparse
product in blocks of rows; only each article's `NEIGHBOURS` best are kept. Memory is O(n * k) plus
one block of `BLOCK_ROWS` x n.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse

from .features import Features, date_factor, similarity_block
from .granularity import BLOCK_ROWS, Background

NEIGHBOURS = 20
"""Neighbours kept per article (more than the articles of most stories)."""
MAX_NEIGHBOURS = 200
"""Bound on the neighbours kept for an article of a big story (see `extend_above`). 1000 until the
pair scores: in a pile of many alike events most articles' 20th neighbour scores above the cut, and
1000 neighbours each made 10,000 articles take 89 s and 2.8 GB (200: 34 s, 0.8 GB)."""


def pair_similarity(features: Features, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Similarity of the given article pairs: cosine times the date factor."""
    if len(rows) == 0:
        return np.zeros(0, dtype=np.float64)
    v = features.vectors
    cos = np.asarray(v[rows].multiply(v[cols]).sum(axis=1)).ravel()
    return cos * date_factor(features.days[rows], features.days[cols])


def neighbour_graph(
    features: Features,
    queries: np.ndarray | None = None,
    k: int | None = None,
    extend_above: tuple[Background, float] | None = None,
) -> tuple[sparse.coo_matrix, np.ndarray]:
    """Symmetric sparse graph (upper triangle): each query article linked to its k most similar.

    `queries` (default: all) limits the rows computed. With `extend_above` (a background and a pair
    score, see `granularity.py`), an article whose k-th neighbour still scores that high (it belongs to
    a story bigger than k) also keeps every article scoring at least half that (up to
    `MAX_NEIGHBOURS`), so average scores within big stories are not underestimated. Also returns each
    article's k-th neighbour similarity (0 when not a query).
    """
    v = features.vectors
    n = v.shape[0]
    queries = np.arange(n) if queries is None else np.asarray(queries, dtype=np.int64)
    kk = min(NEIGHBOURS if k is None else k, n - 1)
    vt = v.T.tocsr()
    found_a, found_b, found_s = [], [], []
    kth = np.zeros(n)
    for s in range(0, len(queries) if kk > 0 else 0, BLOCK_ROWS):
        q = queries[s : s + BLOCK_ROWS]
        block = similarity_block(features, q, vt)
        block[np.arange(len(q)), q] = 0.0  # not its own neighbour
        top = np.argpartition(-block, kk - 1, axis=1)[:, :kk]
        sims = np.take_along_axis(block, top, axis=1)
        kth[q] = sims.min(axis=1)
        rows, cols = np.repeat(q, kk), top.ravel()
        if extend_above is not None:
            bg, cut = extend_above
            big = np.flatnonzero(bg.own_score(sims.min(axis=1), q) >= cut)
            if len(big):
                score = bg.score(block[big], q[big][:, None], np.arange(n)[None, :])
                score[np.arange(len(big)), q[big]] = -np.inf
                extra_rows, extra_cols = [rows], [cols]
                extra_sims = [sims.ravel()]
                for r, row in zip(big.tolist(), score, strict=True):
                    more = np.flatnonzero(row >= cut / 2)
                    more = more[np.argsort(-row[more], kind="stable")[:MAX_NEIGHBOURS]]
                    extra_rows.append(np.full(len(more), q[r]))
                    extra_cols.append(more)
                    extra_sims.append(block[r, more])
                rows, cols = np.concatenate(extra_rows), np.concatenate(extra_cols)
                sims = np.concatenate(extra_sims)
        sims = sims.ravel()
        ok = sims > 0
        found_a.append(np.minimum(rows, cols)[ok])
        found_b.append(np.maximum(rows, cols)[ok])
        found_s.append(sims[ok])
    if not found_a:
        return sparse.coo_matrix((n, n)), kth
    a, b, sims = np.concatenate(found_a), np.concatenate(found_b), np.concatenate(found_s)
    key = a.astype(np.int64) * n + b
    key, first = np.unique(key, return_index=True)
    return sparse.coo_matrix((sims[first], (key // n, key % n)), shape=(n, n)), kth


def event_word_sums(features: Features) -> Callable[[Sequence[int], Sequence[int] | None], float]:
    """`sums(a, b)`: the sum, over the pairs of an article of `a` and one of `b` (`b` None: the pairs
    within `a`), of their similarity in event words (the words block without name words, see
    `Features.event_columns`) times the date factor. Exact (every pair): from the groups' summed rows
    when no pair has two dates, else in blocks of rows."""
    v = features.vectors
    if features.event_columns is not None:
        v = sparse.csr_matrix(v[:, features.event_columns])
    squares = np.asarray(v.multiply(v).sum(axis=1)).ravel()
    dated = ~np.isnan(features.days)

    def sums(a: Sequence[int], b: Sequence[int] | None = None) -> float:
        rows = np.asarray(a, dtype=np.int64)
        cols = rows if b is None else np.asarray(b, dtype=np.int64)
        if not (dated[rows].any() and dated[cols].any()):
            # Date factor 1 for every pair: the sum over pairs is a product of sums.
            left = np.asarray(v[rows].sum(axis=0)).ravel()
            right = left if b is None else np.asarray(v[cols].sum(axis=0)).ravel()
            total = float(left @ right)
            return (total - float(squares[rows].sum())) / 2 if b is None else total
        other = v[cols].T.tocsr()
        total = 0.0
        for s in range(0, len(rows), BLOCK_ROWS):
            q = rows[s : s + BLOCK_ROWS]
            block = (v[q] @ other).toarray()
            block *= date_factor(features.days[q][:, None], features.days[cols][None, :])
            if b is None:
                block[np.arange(len(q)), np.arange(s, s + len(q))] = 0.0
            total += float(block.sum())
        return total / 2 if b is None else total

    return sums


def name_conflicts(features: Features) -> Callable[[Sequence[int], Sequence[int]], bool] | None:
    """`conflict(a, b)`: whether two groups of articles name two events: each prints, in the headline
    of every one of its articles, a name (`Features.head_names`) that no article of the other prints,
    headline or text. Editors put the event's who and where in the headline: two fires in one town,
    reported in words alike, one under "Fire at Quarry Mill" every time and the other under "Fire at
    Elm School", are two fires. Each group must hold two or more texts (`Features.texts`): one
    headline, or one text printed twice, is too little to say what all of a group's reports name."""
    printed, heads, texts = features.names, features.head_names, features.texts
    if printed is None or heads is None or texts is None:
        return None
    said = [
        frozenset(printed.indices[printed.indptr[i] : printed.indptr[i + 1]].tolist())
        for i in range(len(texts))
    ]
    headed = [
        frozenset(heads.indices[heads.indptr[i] : heads.indptr[i + 1]].tolist()) for i in range(len(texts))
    ]
    text_of = texts.tolist()

    def every(group: Sequence[int]) -> frozenset[int]:
        return frozenset.intersection(*(headed[i] for i in group))

    def conflict(a: Sequence[int], b: Sequence[int]) -> bool:
        if len({text_of[i] for i in a}) < 2 or len({text_of[i] for i in b}) < 2:
            return False
        every_a = every(a)
        every_b = every(b) if every_a else every_a
        if not every_b:
            return False
        return bool(every_a - frozenset().union(*(said[i] for i in b))) and bool(
            every_b - frozenset().union(*(said[i] for i in a))
        )

    return conflict
