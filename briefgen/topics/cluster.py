"""Average-link agglomerative clustering on the sparse neighbour graph.

Clusters merge, most similar pair first, while their average similarity (over all pairs of their
articles, computed exactly, pairs not in the graph included) stays at or above a threshold. Only
clusters joined by at least one graph edge are ever compared, so the cost follows the graph, not n^2.
Clusters marked `fixed` (existing topics, in incremental mode) never merge with each other.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .features import Features
from .graph import pair_similarity


def _linkage(features: Features, a: Sequence[int], b: Sequence[int]) -> float:
    rows = np.repeat(np.asarray(a), len(b))
    cols = np.tile(np.asarray(b), len(a))
    return float(pair_similarity(features, rows, cols).mean())


def average_link(
    features: Features,
    graph: sparse.coo_matrix,
    threshold: float,
    initial: Sequence[Sequence[int]] | None = None,
    fixed: Sequence[bool] | None = None,
) -> list[list[int]]:
    """Groups of article indices. `initial` clusters (default: singletons) may be `fixed`."""
    n = features.vectors.shape[0]
    clusters: dict[int, list[int]] = {}
    owner = np.empty(n, dtype=np.int64)
    for cid, members in enumerate(initial if initial is not None else [[i] for i in range(n)]):
        clusters[cid] = sorted(members)
        owner[clusters[cid]] = cid
    is_fixed = {cid: bool(fixed[cid]) if fixed is not None else False for cid in clusters}
    next_id = len(clusters)
    neighbours: dict[int, set[int]] = {cid: set() for cid in clusters}
    heap: list[tuple[float, int, int]] = []
    edge_sum: dict[tuple[int, int], float] = {}
    for i, j, s in zip(graph.row, graph.col, graph.data, strict=True):
        a, b = int(owner[i]), int(owner[j])
        if a == b:
            continue
        key = (min(a, b), max(a, b))
        edge_sum[key] = edge_sum.get(key, 0.0) + float(s)
    for (a, b), total in sorted(edge_sum.items()):
        if is_fixed[a] and is_fixed[b]:
            continue
        neighbours[a].add(b)
        neighbours[b].add(a)
        size = len(clusters[a]) * len(clusters[b])
        link = total / size if size == 1 else _linkage(features, clusters[a], clusters[b])
        if link >= threshold:
            heapq.heappush(heap, (-link, a, b))
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in clusters or b not in clusters:
            continue
        c = next_id
        next_id += 1
        clusters[c] = sorted(clusters.pop(a) + clusters.pop(b))
        is_fixed[c] = is_fixed.pop(a) or is_fixed.pop(b)
        near = (neighbours.pop(a) | neighbours.pop(b)) - {a, b}
        neighbours[c] = set()
        for d in sorted(near):
            neighbours[d] -= {a, b}
            if is_fixed[c] and is_fixed[d]:
                continue
            neighbours[d].add(c)
            neighbours[c].add(d)
            link = _linkage(features, clusters[c], clusters[d])
            if link >= threshold:
                heapq.heappush(heap, (-link, min(c, d), max(c, d)))
    return sorted(clusters.values())
