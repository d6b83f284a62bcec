"""Average-link agglomerative clustering on the sparse neighbour graph.

Clusters merge, most similar pair first, while their average similarity stays at or above a
threshold, and (for two groups of two or more articles) at least `COHESION_SHARE` of their own
internal average similarity. The average is over all pairs of their articles, a pair missing from
the graph counting as 0 (it is not among either article's nearest neighbours, so its similarity is
background). Only clusters joined by a graph edge are ever compared, so time and memory follow the
graph (n * k), not n^2. Clusters marked `fixed` (existing topics, in incremental mode) never merge
with each other.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np
from scipy import sparse

COHESION_SHARE = 0.5
"""Two groups of two or more articles merge only if their average similarity is at least this share
of the geometric mean of their own internal average similarities: two events of one subject are
each tighter than they are alike."""


def average_link(
    graph: sparse.coo_matrix,
    threshold: float,
    initial: Sequence[Sequence[int]] | None = None,
    fixed: Sequence[bool] | None = None,
    cohesion_share: float | None = None,
    inner_sums: Sequence[float] | None = None,
) -> list[list[int]]:
    """Groups of article indices. `initial` clusters (default: singletons) may be `fixed`;
    `inner_sums` gives their internal similarity sums when the graph lacks their internal edges."""
    n = graph.shape[0]
    start = [list(c) for c in initial] if initial is not None else [[i] for i in range(n)]
    members: dict[int, list[int]] = dict(enumerate(start))
    owner = np.empty(n, dtype=np.int64)
    for cid, group in members.items():
        owner[group] = cid
    is_fixed = {cid: bool(fixed[cid]) if fixed is not None else False for cid in members}
    # links[a][b]: sum of edge similarities between clusters a and b.
    links: dict[int, dict[int, float]] = {cid: {} for cid in members}
    inner: dict[int, float] = dict.fromkeys(members, 0.0)
    for cid, total in enumerate(inner_sums or ()):
        inner[cid] = float(total)
    for i, j, s in zip(graph.row.tolist(), graph.col.tolist(), graph.data.tolist(), strict=True):
        a, b = int(owner[i]), int(owner[j])
        if a != b:
            links[a][b] = links[a].get(b, 0.0) + s
            links[b][a] = links[b].get(a, 0.0) + s
        else:
            inner[a] += s
    share = COHESION_SHARE if cohesion_share is None else cohesion_share

    def cohesion(c: int) -> float:
        size = len(members[c])
        return inner[c] / (size * (size - 1) / 2)

    def linkage(a: int, b: int) -> float:
        return links[a][b] / (len(members[a]) * len(members[b]))

    heap = [
        (-linkage(a, b), a, b)
        for a in sorted(links)
        for b in sorted(links[a])
        if a < b and not (is_fixed[a] and is_fixed[b]) and linkage(a, b) >= threshold
    ]
    heapq.heapify(heap)
    next_id = len(members)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        tight = share and len(members[a]) > 1 and len(members[b]) > 1
        if tight and -neg < share * (cohesion(a) * cohesion(b)) ** 0.5:
            continue  # two tighter groups: two events, not one
        c = next_id
        next_id += 1
        members[c] = members.pop(a) + members.pop(b)
        is_fixed[c] = is_fixed.pop(a) or is_fixed.pop(b)
        inner[c] = inner.pop(a) + inner.pop(b) + links[a][b]
        la, lb = links.pop(a), links.pop(b)
        merged: dict[int, float] = {}
        for d, s in list(la.items()) + list(lb.items()):
            if d in (a, b):
                continue
            merged[d] = merged.get(d, 0.0) + s
        links[c] = merged
        for d, s in sorted(merged.items()):
            other = links[d]
            other.pop(a, None)
            other.pop(b, None)
            other[c] = s
            if is_fixed[c] and is_fixed[d]:
                continue
            link = linkage(c, d)
            if link >= threshold:
                heapq.heappush(heap, (-link, d, c))
    return sorted(sorted(group) for group in members.values())
