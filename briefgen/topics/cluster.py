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
    # links[a][b]: the sums of edge scores (real part) and of plain similarities (imaginary part, for
    # the cohesion rules; the scores themselves without `raw`) between clusters a and b, one complex
    # number per pair (half the memory of two dicts). inner / rinner: the same sums within a cluster.
    a, b = owner[graph.row], owner[graph.col]
    plain = graph.data if raw is None else np.asarray(raw, dtype=np.float64)
    inner = _sums(a, b, graph.data, len(members), inner_sums)
    rinner = _sums(a, b, plain, len(members), raw_inner_sums if raw is not None else inner_sums)
    links = _link_dicts(a, b, graph.data + 1j * plain, len(members))
    share = COHESION_SHARE if cohesion_share is None else cohesion_share

    def cohesion(c: int) -> float:
        size = len(members[c])
        return rinner[c] / (size * (size - 1) / 2)

    def linkage(a: int, b: int) -> float:
        return links[a][b].real / (len(members[a]) * len(members[b]))

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
        link = links[a].get(b, 0j).imag / (len(members[a]) * len(members[b]))
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

    # The heap holds (-linkage, a, b, versions of a and b when pushed). A merge keeps the id of the
    # cluster with more neighbours and updates the links of the other's neighbours only; entries of the
    # kept cluster's other neighbours go stale (their linkage can only have fallen: same sum, more
    # articles) and are scored again when they come up. Pairs refused by the cohesion rules are
    # looked at again once either side has grown.
    version: dict[int, int] = dict.fromkeys(members, 0)
    pushed: dict[tuple[int, int], tuple[int, int]] = {}
    refused: dict[int, set[int]] = {}

    def push(a: int, b: int) -> None:
        if is_fixed[a] and is_fixed[b]:
            return
        a, b = min(a, b), max(a, b)
        stamp = (version[a], version[b])
        if pushed.get((a, b)) == stamp:
            return
        link = linkage(a, b)
        if link >= threshold:
            pushed[(a, b)] = stamp
            heapq.heappush(heap, (-link, a, b, *stamp))

    sizes = {c: len(g) for c, g in members.items()}
    heap = [
        (-s / (sizes[a] * sizes[b]), a, b, 0, 0)
        for a in sorted(links)
        for b, s in sorted((b, s.real) for b, s in links[a].items())
        if a < b and s / (sizes[a] * sizes[b]) >= threshold and not (is_fixed[a] and is_fixed[b])
    ]
    heapq.heapify(heap)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or b not in links[a]:
            continue
        if (va, vb) != (version[a], version[b]):
            push(a, b)
            continue
        tight = share and len(members[a]) > 1 and len(members[b]) > 1
        cross = None
        if tight:
            two, cross = apart(a, b)
            if two:
                refused.setdefault(a, set()).add(b)
                refused.setdefault(b, set()).add(a)
                continue
        keep, gone = (a, b) if (len(links[a]), -a) >= (len(links[b]), -b) else (b, a)
        members[keep] = members[keep] + members.pop(gone)
        is_fixed[keep] = is_fixed[keep] or is_fixed.pop(gone)
        inner[keep] += inner.pop(gone) + links[keep][gone].real
        rinner[keep] += rinner.pop(gone) + links[keep][gone].imag
        if cross is not None and keep in event_inner and gone in event_inner:
            event_inner[keep] += event_inner.pop(gone) + cross
        else:
            event_inner.pop(keep, None)
            event_inner.pop(gone, None)
        kept, moved = links[keep], links.pop(gone)
        kept.pop(gone, None)
        for d, s in moved.items():
            if d != keep:
                other = links[d]
                other.pop(gone, None)
                other[keep] = kept[d] = kept.get(d, 0j) + s
        version[keep] += 1
        del version[gone]
        again = refused.pop(keep, set()) | refused.pop(gone, set())
        for d in sorted(set(moved) | again):
            if d in members and d != keep:
                refused.get(d, set()).discard(gone)
                if d in links[keep]:
                    push(keep, d)
    return sorted(sorted(group) for group in members.values())


def _sums(
    a: np.ndarray, b: np.ndarray, values: np.ndarray, k: int, start: Sequence[float] | None
) -> dict[int, float]:
    """Per cluster, the sum of `values` over the edges within it (plus `start`, its initial sum)."""
    same = a == b
    total = np.bincount(a[same], weights=values[same], minlength=k).astype(np.float64)
    if start:
        total[: len(start)] += np.asarray(start, dtype=np.float64)
    return dict(enumerate(total.tolist()))


def _link_dicts(a: np.ndarray, b: np.ndarray, values: np.ndarray, k: int) -> dict[int, dict[int, float]]:
    """Per cluster, its neighbour clusters and the sum of `values` over the edges to each."""
    other = a != b
    src = np.concatenate([a[other], b[other]]).astype(np.int64)
    dst = np.concatenate([b[other], a[other]]).astype(np.int64)
    key, inverse = np.unique(src * k + dst, return_inverse=True)
    weights = np.concatenate([values[other], values[other]])
    total = np.bincount(inverse.ravel(), weights=weights.real) + 1j * np.bincount(
        inverse.ravel(), weights=weights.imag
    )
    src, dst = key // k, key % k
    cut = np.searchsorted(src, np.arange(k + 1)).tolist()
    dst_list, total_list = dst.tolist(), total.tolist()
    return {
        c: dict(zip(dst_list[cut[c] : cut[c + 1]], total_list[cut[c] : cut[c + 1]], strict=True))
        for c in range(k)
    }
