"""The similarity graph: each article's nearest neighbours, never a dense n x n matrix.

Candidates come from a sparse product of pruned vectors (each article's strongest terms), computed in
row blocks; their exact similarity (cosine times the date factor) is then computed pair by pair. Memory
is O(n * k) plus one block.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from .features import Features, date_factor

NEIGHBOURS = 20
"""Neighbours kept per article (more than the articles of most stories)."""
CANDIDATE_TERMS = 60
"""Strongest terms per article used to find candidate neighbours."""
BLOCK_ROWS = 1024


def prune_rows(m: sparse.csr_matrix, keep: int) -> sparse.csr_matrix:
    """Keep each row's `keep` largest entries."""
    m = m.tocsr(copy=True)
    for i in range(m.shape[0]):
        lo, hi = m.indptr[i], m.indptr[i + 1]
        if hi - lo > keep:
            row = m.data[lo:hi]
            cut = np.partition(row, hi - lo - keep)[hi - lo - keep]
            row[row < cut] = 0.0
    m.eliminate_zeros()
    return m


def pair_similarity(features: Features, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Exact similarity of the given article pairs: cosine times the date factor."""
    if len(rows) == 0:
        return np.zeros(0, dtype=np.float64)
    v = features.vectors
    out = np.empty(len(rows), dtype=np.float64)
    step = 50_000
    for s in range(0, len(rows), step):
        r, c = rows[s : s + step], cols[s : s + step]
        out[s : s + step] = np.asarray(v[r].multiply(v[c]).sum(axis=1)).ravel()
    return out * date_factor(features.days[rows], features.days[cols])


def neighbour_graph(
    features: Features, queries: np.ndarray | None = None, k: int = NEIGHBOURS
) -> sparse.coo_matrix:
    """Symmetric sparse graph: each query article linked to its k most similar articles.

    `queries` (default: all) limits the rows computed, for incremental assignment.
    """
    n = features.vectors.shape[0]
    queries = np.arange(n) if queries is None else np.asarray(queries)
    pruned = prune_rows(features.vectors, CANDIDATE_TERMS)
    pruned_t = pruned.T.tocsr()
    all_rows, all_cols = [], []
    for s in range(0, len(queries), BLOCK_ROWS):
        q = queries[s : s + BLOCK_ROWS]
        block = (pruned[q] @ pruned_t).toarray()
        block[np.arange(len(q)), q] = -1.0  # not its own neighbour
        kk = min(k, n - 1)
        if kk <= 0:
            continue
        top = np.argpartition(-block, kk - 1, axis=1)[:, :kk]
        vals = np.take_along_axis(block, top, axis=1)
        r = np.repeat(q, kk)
        c = top.ravel()
        ok = vals.ravel() > 0
        all_rows.append(r[ok])
        all_cols.append(c[ok])
    if not all_rows:
        return sparse.coo_matrix((n, n))
    rows = np.concatenate(all_rows)
    cols = np.concatenate(all_cols)
    # Symmetrise and deduplicate (i < j), then compute exact similarities.
    a, b = np.minimum(rows, cols), np.maximum(rows, cols)
    pairs = np.unique(a.astype(np.int64) * n + b)
    a, b = pairs // n, pairs % n
    sims = pair_similarity(features, a, b)
    ok = sims > 0
    return sparse.coo_matrix((sims[ok], (a[ok], b[ok])), shape=(n, n))
