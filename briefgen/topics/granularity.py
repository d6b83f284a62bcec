"""How similar two articles must be to share a story, read from the pile itself.

A raw similarity means little on its own: in a pile of shootings in one state every article shares
"shot", "police said" and the city with every other, while in a mixed news pile two unrelated articles
share almost nothing. So each similarity is measured against the background it stands out from: the
similarities of unrelated articles, which are most of an article's pairs.

An article's background is the logarithm of its similarities to the others (a sample of at most
`SAMPLE`), without
- pairs that share nothing (under `FLOOR`): they say nothing about how alike unrelated articles get;
- pairs of one story: when these are most of its pairs, its story is most of the pile and the article
  takes the pile's background instead (a pile of one long-running story has no background of its own);
- its top `TRIM` share: its own story, however loosely told.

Which pairs are of one story is what the grouping finds, so the pile is read twice (`background` with
and without `groups`). The first reading takes pairs of similarity `RELATED` or more for story pairs;
it groups the pile. The second leaves out the pairs that grouping puts in one story instead, and the
pile is grouped again on its scores. The second background no longer hangs on `RELATED`: the first
reading only has to be near enough for the grouping to find the stories (a cut of 0.15 or 0.6 changes
the event piles by 0.017 ARI at most; before the second reading 0.12 cost 0.088).
The pile's background pools all articles' with a weak prior (`PRIOR_*`: a few pseudo-observations that
steady a pile of five and are nothing for a thousand); each article's is shrunk towards the pile's by
the same weight. A pair's score is how many background spreads its log-similarity stands above the
background, half from the two articles' own backgrounds, half from the pile's.

Scores are comparable across piles, so one cut (`LINK_Z`) serves a mixed news feed, a long-running
newswire topic and a pile of same-subject incidents alike.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .features import Features, apart_factor, similarity_block

LINK_Z = 2.4
"""Two groups merge while their average pair score is at least this many background spreads above the
background (a one-sided normal tail of under 1%)."""
FLOOR = 1e-3
"""Similarities below this mean nothing in common (and count as this where a score is needed)."""
PRIOR_UNRELATED = math.log(0.05)
"""Prior mean log-similarity of unrelated articles (TF-IDF cosine of unrelated news is a few percent)."""
PRIOR_SD = 0.6
"""Prior spread of log-similarities of unrelated articles."""
PRIOR_WEIGHT = 4.0
"""Pseudo-observations behind the prior: enough to steady a pile of five, nothing for a thousand."""
RELATED = 0.3
"""First reading: similarities (cosines times the date factor) of at least this are story pairs, never
background. Until the second reading it was 3 prior spreads above the prior's unrelated mean (the same
0.30), and so moved with `PRIOR_SD`."""
TRIM = 0.1
"""Share of each article's highest similarities (its own story) left out of its background."""
SAMPLE = 2000
"""Background columns compared per article at most (evenly spaced, so deterministic)."""
BLOCK_ROWS = 512
"""Rows compared at a time (memory: one block of BLOCK_ROWS x n similarities)."""


@dataclass(frozen=True)
class Background:
    """Per article, and for the pile, the mean and spread of log-similarity to unrelated articles."""

    mean: np.ndarray
    spread: np.ndarray
    pile_mean: float
    pile_spread: float

    def score(self, sims: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Pair scores (see the module doc) of similarities `sims` between articles `rows` and `cols`
        (broadcast together)."""
        x = np.log(np.maximum(sims, FLOOR))
        own = ((x - self.mean[rows]) / self.spread[rows] + (x - self.mean[cols]) / self.spread[cols]) / 2
        return (own + (x - self.pile_mean) / self.pile_spread) / 2

    def own_score(self, sims: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """The score of similarities of articles `rows`, against their own background and the pile's
        (the other article's background left out: used to find articles with many close neighbours)."""
        x = np.log(np.maximum(sims, FLOOR))
        return ((x - self.mean[rows]) / self.spread[rows] + (x - self.pile_mean) / self.pile_spread) / 2


def _kept_apart(
    owner: np.ndarray, sizes: Sequence[int], scored: sparse.coo_matrix, cut: float
) -> sparse.csr_matrix:
    """The pairs of groups (both ways, 1 each) whose average pair score on `scored` is at least `cut`
    (a pair missing from the graph counting 0, as in `cluster.average_link`)."""
    a, b = owner[scored.row], owner[scored.col]
    two = a != b
    k = len(sizes)
    sums = sparse.coo_matrix(
        (scored.data[two], (np.minimum(a, b)[two], np.maximum(a, b)[two])), shape=(k, k)
    ).tocsr()
    sums.sum_duplicates()
    pairs = sums.tocoo()
    size = np.asarray(sizes, dtype=np.float64)
    keep = pairs.data / (size[pairs.row] * size[pairs.col]) >= cut
    ones = sparse.coo_matrix((np.ones(int(keep.sum())), (pairs.row[keep], pairs.col[keep])), shape=(k, k))
    return sparse.csr_matrix(ones + ones.T)


def _log_rows(features: Features, cols: np.ndarray):  # type: ignore[no-untyped-def]
    """Blocks of (rows, log-similarities to `cols`): NaN for itself and for pairs sharing nothing.

    The similarities are the ones the pairs are scored with (the date factor included, the address
    factors not). The date factor is mild (`features.date_factor`: 0.48 at a year), so an article a
    year older than the rest no longer widens the background (with the steep factor it used to, and
    the seeds' story fell apart: `test_an_unrelated_article_a_year_later_leaves_a_story_whole`);
    leaving it out of the background instead made the event piles dated by publication 0.837 ARI
    against 0.860 with it."""
    v = features.vectors
    vt = v[cols].T.tocsr()
    for s in range(0, v.shape[0], BLOCK_ROWS):
        q = np.arange(s, min(v.shape[0], s + BLOCK_ROWS))
        block = similarity_block(features, q, vt, cols, apart=False)
        x = np.where(block >= FLOOR, np.log(np.maximum(block, FLOOR)), np.nan)
        x[q[:, None] == cols[None, :]] = np.nan
        yield q, x


def background(
    features: Features,
    groups: Sequence[Sequence[int]] | None = None,
    scored: sparse.coo_matrix | None = None,
    cut: float = LINK_Z,
) -> Background:
    """Each article's background and the pile's (see the module doc). Without `groups` (the first
    reading) pairs of similarity `RELATED` or more are story pairs. With the `groups` of the first
    reading (the second) the pairs of one group are left out, and so are the pairs of two groups
    that are alike but were kept apart: the average of their pair scores on the first reading's
    graph (`scored`) reaches the `cut`, so only a cohesion rule (`cluster.COHESION_SHARE`) kept them
    apart; and pairs of similarity `RELATED` or more told apart by an address
    (`features.apart_factor`). Such pairs are two stories, yet not ordinary unrelated pairs: taken for
    background, the reports of three blotter shootings worded alike widened a pile's spread fourfold
    and split every story in it."""
    n = features.vectors.shape[0]
    cols = np.unique(np.linspace(0, max(n - 1, 0), min(n, SAMPLE)).round().astype(np.int64))
    surely_related = math.log(RELATED)
    owner, alike = None, None
    if groups is not None:
        owner = np.empty(n, dtype=np.int64)
        for g, group in enumerate(groups):
            owner[list(group)] = g
        if scored is not None:
            alike = _kept_apart(owner, [len(g) for g in groups], scored, cut)
    count, total, squares = np.zeros(n), np.zeros(n), np.zeros(n)
    for q, x in _log_rows(features, cols):
        related = x > surely_related
        if owner is not None:
            r, c = np.nonzero(related)
            related = owner[q][:, None] == owner[cols][None, :]
            told = apart_factor(features, q[r], cols[c]) < 1.0
            related[r[told], c[told]] = True
            if alike is not None and alike.nnz:
                related |= alike[owner[q]][:, owner[cols]].toarray() > 0
            related &= ~np.isnan(x)
        # When most of an article's pairs are story pairs, its story is most of the pile and what is
        # left is no background: the article takes the pile's.
        mostly = 2 * related.sum(axis=1) > np.sum(~np.isnan(x), axis=1)
        x[related | mostly[:, None]] = np.nan
        # Leave out the article's top `TRIM` share too: its own story, however loosely told.
        others = np.sum(~np.isnan(x), axis=1)
        drop = np.floor(TRIM * others).astype(int)
        ranked = np.sort(np.where(np.isnan(x), -np.inf, x), axis=1)
        first_dropped = ranked[np.arange(len(q)), np.minimum(x.shape[1] - drop, x.shape[1] - 1)]
        x[x >= np.where(drop > 0, first_dropped, np.inf)[:, None]] = np.nan
        seen = ~np.isnan(x)
        x = np.where(seen, x, 0.0)
        count[q], total[q], squares[q] = seen.sum(axis=1), x.sum(axis=1), (x * x).sum(axis=1)
    k = PRIOR_WEIGHT
    pile_mean = (total.sum() + k * PRIOR_UNRELATED) / (count.sum() + k)
    pile_var = (squares.sum() + k * (PRIOR_SD**2 + PRIOR_UNRELATED**2)) / (count.sum() + k) - pile_mean**2
    pile_var = max(pile_var, 1e-6)
    # Each article's own background, shrunk towards the pile's by the same weight.
    mean = (total + k * pile_mean) / (count + k)
    var = (squares + k * (pile_var + pile_mean**2)) / (count + k) - mean**2
    return Background(mean, np.sqrt(np.maximum(var, 1e-6)), float(pile_mean), math.sqrt(pile_var))
