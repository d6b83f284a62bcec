"""Average-link agglomerative clustering on the sparse neighbour graph.

Clusters merge, most similar pair first, while their average similarity (the pair scores of
`granularity.py`) stays at or above a threshold, and (for two groups of two or more articles) at least
`COHESION_SHARE` of their own internal average, with the words of the event agreeing (see
`COHESION_SHARE`). The average is over all pairs of their articles, a pair missing from the graph
counting as 0 (it is not among either article's nearest neighbours, so it is background, whose score
averages 0). Only clusters joined by a graph edge are ever compared, so time and memory follow the
graph (n * k), not n^2. Clusters marked `fixed` (existing topics, in incremental mode) never merge
with each other.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse

COHESION_SHARE = 0.5
"""Two groups of two or more articles merge only if their average similarity (plain, not the scores)
is at least this share of the geometric mean of their own internal average similarities: two events
of one subject are each tighter than they are alike.

The same holds for the words of the event alone (content words that are not names), measured the same
way: two groups' event-word likeness relative to their own event-word cohesion must be at least this
share of their overall likeness relative to their overall cohesion. Two events about one subject share
their names (people, places) but not the words of what happened, so their overall likeness comes from
the names while their event words disagree; the articles of one event agree in both."""


def average_link(
    graph: sparse.coo_matrix,
    threshold: float,
    initial: Sequence[Sequence[int]] | None = None,
    fixed: Sequence[bool] | None = None,
    cohesion_share: float | None = None,
    inner_sums: Sequence[float] | None = None,
    event_words: Callable[[Sequence[int], Sequence[int] | None], float] | None = None,
    raw: np.ndarray | None = None,
    raw_inner_sums: Sequence[float] | None = None,
) -> list[list[int]]:
    """Groups of article indices. `initial` clusters (default: singletons) may be `fixed`;
    `inner_sums` gives their internal similarity sums when the graph lacks their internal edges.
    `raw`: the plain similarity of each edge of `graph` (aligned with `graph.data`; with
    `raw_inner_sums` for the initial clusters): the cohesion rules then compare plain similarities
    (how much tighter each group is than the two are alike) while merging follows the graph's scores.
    `event_words(a, b)`: the sum of the event-word similarity over the pairs of an article of `a` and
    one of `b` (`b` None: the pairs within `a`); without it only the overall cohesion rule applies."""
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
    # The same sums of plain similarities, for the cohesion rules (the scores themselves without `raw`).
    rlinks: dict[int, dict[int, float]] = {cid: {} for cid in members} if raw is not None else links
    rinner: dict[int, float] = dict.fromkeys(members, 0.0) if raw is not None else inner
    if raw is not None:
        for cid, total in enumerate(raw_inner_sums or ()):
            rinner[cid] = float(total)
    plain = raw.tolist() if raw is not None else graph.data.tolist()
    for i, j, s, r in zip(graph.row.tolist(), graph.col.tolist(), graph.data.tolist(), plain, strict=True):
        a, b = int(owner[i]), int(owner[j])
        if a != b:
            links[a][b] = links[a].get(b, 0.0) + s
            links[b][a] = links[b].get(a, 0.0) + s
            if raw is not None:
                rlinks[a][b] = rlinks[a].get(b, 0.0) + r
                rlinks[b][a] = rlinks[b].get(a, 0.0) + r
        else:
            inner[a] += s
            if raw is not None:
                rinner[a] += r
    share = COHESION_SHARE if cohesion_share is None else cohesion_share

    def cohesion(c: int) -> float:
        size = len(members[c])
        return rinner[c] / (size * (size - 1) / 2)

    def linkage(a: int, b: int) -> float:
        return links[a][b] / (len(members[a]) * len(members[b]))

    event_inner: dict[int, float] = {}  # sums of event-word similarity within clusters, when known

    def event_cohesion(c: int) -> float:
        assert event_words is not None
        if c not in event_inner:
            event_inner[c] = event_words(members[c], None)
        size = len(members[c])
        return max(event_inner[c], 0.0) / (size * (size - 1) / 2)

    def apart(a: int, b: int) -> tuple[bool, float | None]:
        """Whether two groups are two events (see `COHESION_SHARE`), and the sum of their event-word
        similarity when it was computed."""
        link = rlinks[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        alike = (cohesion(a) * cohesion(b)) ** 0.5
        if link < share * alike:
            return True, None
        if event_words is None or alike <= 0.0:
            return False, None
        ratio = link / alike
        own = (event_cohesion(a) * event_cohesion(b)) ** 0.5
        if own <= 0.0:
            return False, None  # no event words in common inside either group: nothing to weigh
        cross = event_words(members[a], members[b])
        return cross / (len(members[a]) * len(members[b])) / own < share * ratio, cross

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
        cross = None
        if tight:
            two, cross = apart(a, b)
            if two:
                continue
        c = next_id
        next_id += 1
        members[c] = members.pop(a) + members.pop(b)
        is_fixed[c] = is_fixed.pop(a) or is_fixed.pop(b)
        inner[c] = inner.pop(a) + inner.pop(b) + links[a][b]
        if raw is not None:
            rinner[c] = rinner.pop(a) + rinner.pop(b) + rlinks[a].get(b, 0.0)
            ra, rb = rlinks.pop(a), rlinks.pop(b)
            rmerged: dict[int, float] = {}
            for d, r in list(ra.items()) + list(rb.items()):
                if d not in (a, b):
                    rmerged[d] = rmerged.get(d, 0.0) + r
            rlinks[c] = rmerged
            for d, r in rmerged.items():
                rlinks[d].pop(a, None)
                rlinks[d].pop(b, None)
                rlinks[d][c] = r
        if cross is not None:
            event_inner[c] = event_inner.pop(a) + event_inner.pop(b) + cross
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
