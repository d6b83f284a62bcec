"""Coverage matrix: for each fact of the consensus summary, which articles report it.

An article reports a fact when one of its sentences is close to the fact's sentence (TF-IDF cosine,
the same bar the summary uses for its support counts); that sentence is the citation. One sparse
product over the topic's sentences gives the whole matrix.
"""

from __future__ import annotations

import numpy as np

from ..models import Coverage, Item
from ..summarize.consensus import SUPPORT_SIMILARITY
from . import TopicContext, sort_sources, source


def matrix(ctx: TopicContext, summary: tuple[Item, ...]) -> tuple[Coverage, ...]:
    if not summary or not ctx.all_sentences:
        return ()
    sentences = ctx.all_sentences
    article_of = np.array([ctx.order[s.article] for s in sentences])
    rows = []
    for item in summary:
        shown = next((s for s in item.sources if s.sentence == item.text), item.sources[0])
        rows.append(ctx.row_at(shown.article, shown.start))
    sims = ctx.similarities(rows)
    out = []
    for item, r, sim in zip(summary, rows, sims, strict=True):
        cited = [source(sentences[r])]
        for a, article in enumerate(ctx.articles):
            if article.id == sentences[r].article:
                continue
            candidates = np.nonzero((article_of == a) & (sim >= SUPPORT_SIMILARITY))[0]
            if len(candidates):
                best = candidates[int(np.argmax(sim[candidates]))]
                cited.append(source(sentences[best]))
        sources = sort_sources(ctx, cited)
        articles = tuple(dict.fromkeys(s.article for s in sources))
        out.append(Coverage(item.text, articles, sources, ctx.support(sources)))
    return tuple(out)
