"""Merging one fact printed by several articles into one cited item."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ..models import Item, Sentence
from ..rows import cross_similarities
from ..summarize.consensus import SentenceSpace
from . import TopicContext, sort_sources, source

SAME_FACT = 0.4


def merge(
    ctx: TopicContext,
    sentences: Sequence[Sentence],
    limit: int,
    shown: Callable[[str], bool] | None = None,
) -> tuple[Item, ...]:
    """Cluster near-identical sentences (TF-IDF cosine); one item per cluster, best supported first.

    The item's text is the cluster's most central sentence (of those `shown` accepts: a cluster with
    none is left out); every member is a source.
    """
    if not sentences:
        return ()
    space = SentenceSpace(sentences, ctx.groups)
    sims = cross_similarities(space.rows, space.rows)  # scipy's sparse product, to the bit
    unassigned = list(range(len(sentences)))
    clusters: list[list[int]] = []
    while unassigned:
        i = unassigned.pop(0)
        members = [i] + [j for j in unassigned if sims[i, j] >= SAME_FACT]
        unassigned = [j for j in unassigned if j not in members]
        clusters.append(members)
    items = []
    for members in clusters:
        showable = [m for m in members if shown is None or shown(sentences[m].text)]
        if not showable:
            continue
        central = max(showable, key=lambda m: (float(np.sum(sims[m, members])), -members.index(m)))
        sources = sort_sources(ctx, (source(sentences[m]) for m in members))
        items.append((Item(sentences[central].text, sources, ctx.support(sources)), min(members)))
    items.sort(key=lambda pair: (-pair[0].support, pair[1]))
    return tuple(item for item, _ in items[:limit])
