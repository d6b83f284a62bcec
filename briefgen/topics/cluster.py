"""Average-link agglomerative clustering on the sparse neighbour graph.

Clusters merge, most similar pair first, while their average similarity (the pair scores of
`granularity.py`) stays at or above a threshold, and (for two groups of two or more articles) at least
`COHESION_SHARE` of their own internal average, with the words of the event agreeing (see
`COHESION_SHARE`) and the names their headlines print not in conflict (`graph.name_conflicts`). The
average is over all pairs of their articles, a pair missing from the graph counting as 0 (it is not
among either article's nearest neighbours, so it is background, whose score averages 0). Only clusters
joined by a graph edge are ever compared, so time and memory follow the graph (n * k), not n^2.
Clusters marked `fixed` (existing topics, in incremental mode) never merge with each other.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from itertools import repeat

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
the names while their event words disagree; the articles of one event agree in both.

A lone article joins a group only if its average similarity to the group is at least `LONE_SHARE`
(the square of this share) times the group's cohesion: the same rule, its own cohesion (unknown) taken
to be its likeness to the group, the most it can be said to show. A long piece that names a story's
person once (a list of celebrities' earnings, a round-up) is far less like the story's reports than
they are like one another. A group of copies of one text (all its articles of one syndication group,
as the reader's deduplication finds them: `copies` of `average_link`) is left out of this rule: its
cohesion is one text's likeness to itself, against which any other report looks unlike (on DUC, two
copies of one wire story turned away a short report of their topic); and two groups one of which is
copies meet as a lone article and a group would (two sets of copies: no rule). Until issue 15's
second session a group was copies when its cohesion was 0.9 or more (`COPIES`): halved, groups of
rewrites 0.45 alike escaped the rule (Multi-News -0.064 ARI)."""
LONE_SHARE = 0.25
"""A lone article joins a group only if its average similarity to the group is at least this share of
the group's cohesion (see `COHESION_SHARE`): the square of that share, a lone article's own cohesion
taken to be its likeness to the group. A constant of its own, not the square of `COHESION_SHARE`: tied
to it, doubling that share (1.0) made every lone article wait for a likeness equal to its story's
cohesion, and every corpus fell apart (Multi-News -0.32, event piles -0.23 ARI)."""


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
    name_conflict: Callable[[Sequence[int], Sequence[int]], bool] | None = None,
    copies: Sequence[int] | np.ndarray | None = None,
) -> list[list[int]]:
    """Groups of article indices. `initial` clusters (default: singletons) may be `fixed`;
    `inner_sums` gives their internal similarity sums when the graph lacks their internal edges.
    `raw`: the plain similarity of each edge of `graph` (aligned with `graph.data`; with
    `raw_inner_sums` for the initial clusters): the cohesion rules then compare plain similarities
    (how much tighter each group is than the two are alike) while merging follows the graph's scores.
    `event_words(a, b)`: the sum of the event-word similarity over the pairs of an article of `a` and
    one of `b` (`b` None: the pairs within `a`); without it only the overall cohesion rule applies.
    `name_conflict(a, b)`: whether two groups (of two or more articles) name two events
    (`graph.name_conflicts`); such groups never merge, however alike. `copies`: per article, the
    number of its syndication group (articles of one number carry one report, see `COHESION_SHARE`);
    None: no article is a copy of another."""
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
    sizes = {c: len(group) for c, group in members.items()}
    links, heap = _link_dicts(
        a, b, graph.data + 1j * plain, list(sizes.values()), threshold, list(is_fixed.values())
    )
    share = COHESION_SHARE if cohesion_share is None else cohesion_share
    report = list(range(n)) if copies is None else np.asarray(copies).tolist()
    # Per cluster: the syndication group all its articles belong to, or -1 (they are of several).
    copy_of = {
        c: report[g[0]] if all(report[i] == report[g[0]] for i in g) else -1 for c, g in members.items()
    }

    def is_copies(c: int) -> bool:
        return len(members[c]) > 1 and copy_of[c] >= 0

    def cohesion(c: int) -> float:
        size = len(members[c])
        return rinner[c] / (size * (size - 1) / 2)

    def linkage(a: int, b: int) -> float:
        return links[a][b].real / (sizes[a] * sizes[b])

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
        if name_conflict is not None and name_conflict(members[a], members[b]):
            return True, None
        link = links[a].get(b, 0j).imag / (len(members[a]) * len(members[b]))
        ca, cb = cohesion(a), cohesion(b)
        alike = (ca * cb) ** 0.5
        if is_copies(a) or is_copies(b):
            # A group of copies is one text: held to the lone-article rule, or to none against copies.
            if not (is_copies(a) and is_copies(b)) and link < LONE_SHARE * (cb if is_copies(a) else ca):
                return True, None
        elif link < share * alike:
            return True, None
        if event_words is None or alike <= 0.0:
            return False, None
        ratio = link / alike
        own = (event_cohesion(a) * event_cohesion(b)) ** 0.5
        if own <= 0.0:
            return False, None  # no event words in common inside either group: nothing to weigh
        cross = event_words(members[a], members[b])
        return cross / (len(members[a]) * len(members[b])) / own < share * ratio, cross

    def lone(a: int, b: int) -> bool:
        """Whether `a` and `b` are a lone article and a group (not of copies) that it is unlike (see
        `COHESION_SHARE`)."""
        one, group = (a, b) if len(members[a]) == 1 else (b, a)
        if len(members[one]) > 1 or len(members[group]) < 2 or is_copies(group):
            return False
        link = links[a].get(b, 0j).imag / len(members[group])
        return link < LONE_SHARE * cohesion(group)

    # The heap holds (-linkage, a, b, versions of a and b when pushed). A merge keeps the id of the
    # cluster with more neighbours and updates the links of the other's neighbours only; entries of the
    # kept cluster's other neighbours go stale (their linkage can only have fallen: same sum, more
    # articles) and are scored again when they come up. Pairs refused by the cohesion rules are
    # looked at again once either side has grown. An entry naming a cluster merged away is dead for
    # good (ids are never reused): once such entries may be half the heap they are dropped at once
    # instead of popped one by one (at 10,000 articles two pops in three were of dead entries). The
    # heap pops its least entry whatever its layout, so the merges are the same.
    version: dict[int, int] = dict.fromkeys(members, 0)
    pushed: dict[tuple[int, int], tuple[int, int]] = {}
    refused: dict[int, set[int]] = {}
    entries: dict[int, int] = dict.fromkeys(members, 0)  # heap entries naming each cluster, at most
    dead = 0

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
            entries[a] += 1
            entries[b] += 1
            heapq.heappush(heap, (-link, a, b, *stamp))

    for _, a, b, _, _ in heap:
        entries[a] += 1
        entries[b] += 1
    while heap:
        if 2 * dead > len(heap):
            heap = [e for e in heap if e[1] in members and e[2] in members]
            heapq.heapify(heap)
            dead = 0
            continue
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or b not in links[a]:
            continue
        if (va, vb) != (version[a], version[b]):
            push(a, b)
            continue
        tight = share and len(members[a]) > 1 and len(members[b]) > 1
        cross = None
        if tight or share and lone(a, b):
            two, cross = apart(a, b) if tight else (True, None)
            if two:
                refused.setdefault(a, set()).add(b)
                refused.setdefault(b, set()).add(a)
                continue
        keep, gone = (a, b) if (len(links[a]), -a) >= (len(links[b]), -b) else (b, a)
        members[keep] = members[keep] + members.pop(gone)
        sizes[keep] += sizes.pop(gone)
        gone_copy = copy_of.pop(gone)
        copy_of[keep] = copy_of[keep] if copy_of[keep] == gone_copy else -1
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
        version[keep] += 1
        del version[gone]
        dead += entries.pop(gone)
        # Pairs refused with either side are looked at again; those refused with `gone` forget it (an
        # id merged away is never looked at again anyway).
        again = refused.pop(keep, set()) | refused.pop(gone, set())
        for d in again:
            told = refused.get(d)
            if told:
                told.discard(gone)
        # The kept cluster's version is new: no entry of it is in the heap yet.
        size, fixed_keep, stamp_keep, count = sizes[keep], is_fixed[keep], version[keep], 0
        for d, s in moved.items():
            if d == keep:
                continue
            other = links[d]
            del other[gone]
            other[keep] = kept[d] = total = kept.get(d, 0j) + s
            link = total.real / (size * sizes[d])
            if link >= threshold and not (fixed_keep and is_fixed[d]):
                pair, stamp = (
                    ((keep, d), (stamp_keep, version[d]))
                    if keep < d
                    else ((d, keep), (version[d], stamp_keep))
                )
                pushed[pair] = stamp
                count += 1
                entries[d] += 1
                heapq.heappush(heap, (-link, *pair, *stamp))
        entries[keep] += count
        for d in again:
            if d in members and d != keep and d not in moved and d in kept:
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


def _link_dicts(
    a: np.ndarray,
    b: np.ndarray,
    values: np.ndarray,
    sizes: Sequence[int],
    threshold: float,
    fixed: Sequence[bool],
) -> tuple[dict[int, dict[int, complex]], list[tuple[float, int, int, int, int]]]:
    """Per cluster, its neighbour clusters and the sum of `values` over the edges to each; and the
    heap at the start: (-linkage, c, d, 0, 0) for each pair of clusters c < d whose linkage (the real
    sum over the product of their sizes) reaches `threshold`, unless both are `fixed`."""
    k = len(sizes)
    other = a != b
    src = np.concatenate([a[other], b[other]]).astype(np.int64)
    dst = np.concatenate([b[other], a[other]]).astype(np.int64)
    key, inverse = np.unique(src * k + dst, return_inverse=True)
    weights = np.concatenate([values[other], values[other]])
    total = np.bincount(inverse.ravel(), weights=weights.real) + 1j * np.bincount(
        inverse.ravel(), weights=weights.imag
    )
    del inverse, weights
    src, dst = key // k, key % k
    del key
    size = np.asarray(sizes, dtype=np.int64)
    stuck = np.asarray(fixed, dtype=bool)
    link = total.real / (size[src] * size[dst])
    ok = (src < dst) & (link >= threshold) & ~(stuck[src] & stuck[dst])
    first = (-link[ok], src[ok], dst[ok])
    del link, ok
    cut = np.searchsorted(src, np.arange(k + 1)).tolist()
    dst_list, total_list = dst.tolist(), total.tolist()
    del src, dst, total
    links = {
        c: dict(zip(dst_list[cut[c] : cut[c + 1]], total_list[cut[c] : cut[c + 1]], strict=True))
        for c in range(k)
    }
    del dst_list, total_list
    heap = list(zip(*(column.tolist() for column in first), repeat(0), repeat(0)))
    heapq.heapify(heap)
    return links, heap
