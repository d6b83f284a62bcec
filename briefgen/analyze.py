"""Analysis: one topic in, one structured brief out.

Splits the topic's articles into sentences, finds syndicated copies, summarizes (the consensus
summary across articles, and a short sumy summary of each article), then runs each section's
extractor on the same context.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from .dedupe import syndication_groups
from .models import Article, Brief, Item, Sentence, Topic
from .reading.chars import quote_marks
from .reading.split import split_article
from .sections import (
    TopicContext,
    context,
    coverage,
    decisions,
    disputes,
    entities,
    framing,
    quotes,
    sort_sources,
    source,
    timeline,
)
from .summarize import FAST_LEXRANK, summarize
from .text import TopicTokens

ARTICLE_SUMMARY_ALGORITHM = FAST_LEXRANK
ARTICLE_SUMMARY_MAX_SENTENCES = 150


Splitter = Callable[[Article], Sequence[Sentence]]


def build_context(topic: Topic, split: Splitter = split_article) -> TopicContext:
    sentences = {a.id: tuple(split(a)) for a in topic.articles}
    # The sections read the articles with typewriter quotation marks as typographic ones, as the
    # sentences have them (same offsets).
    articles = tuple(
        a if (marked := quote_marks(a.text)) is a.text else dataclasses.replace(a, text=marked)
        for a in topic.articles
    )
    # Tokenised once: syndication and the consensus summary read the same stems.
    tokens = TopicTokens.build([s.text for a in articles for s in sentences[a.id]])
    groups = syndication_groups(articles, sentences, tokens)
    return TopicContext(articles, sentences, groups, tokens)


def consensus_summary(ctx: TopicContext, words: int) -> tuple[Item, ...]:
    ranked = summarize(
        ctx.all_sentences, words=words, algorithm="consensus", groups=ctx.groups, tokens=ctx.tokens
    )
    items = []
    for r in ranked:
        sources = sort_sources(ctx, [source(r.sentence)] + [source(s) for s in r.supporters])
        items.append(Item(r.sentence.text, sources, ctx.support(sources)))
    return tuple(items)


def article_summaries(ctx: TopicContext, words: int) -> dict[str, tuple[Item, ...]]:
    out = {}
    for article in ctx.articles:
        # LexRank compares every pair of sentences: rank a long article's first sentences only.
        sentences = ctx.sentences.get(article.id, ())[:ARTICLE_SUMMARY_MAX_SENTENCES]
        ranked = summarize(sentences, words=words, algorithm=ARTICLE_SUMMARY_ALGORITHM)
        # Shown in reading order.
        ranked.sort(key=lambda r: r.sentence.index)
        out[article.id] = tuple(Item(r.sentence.text, (source(r.sentence),), 1) for r in ranked)
    return out


def analyze(
    topic: Topic,
    summary_words: int = 150,
    article_summary_words: int = 60,
    split: Splitter = split_article,
) -> Brief:
    """The brief of `topic`. `split` gives an article's sentences (a memo of `split_article`)."""
    ctx = build_context(topic, split)
    groups: dict[str, list[str]] = {}
    for article in topic.articles:
        groups.setdefault(ctx.group(article.id), []).append(article.id)
    summary = consensus_summary(ctx, summary_words)
    found = disputes.analyse(ctx)
    return Brief(
        topic=topic,
        summary=summary,
        decisions=decisions.extract(ctx),
        quotes=quotes.extract(ctx),
        disputes=found.disputes,
        updates=found.updates,
        quoted_disagreements=found.quoted_disagreements,
        context=context.extract(ctx),
        timeline=timeline.extract(ctx),
        entities=entities.extract(ctx),
        framing=framing.extract(ctx),
        coverage=coverage.matrix(ctx, summary),
        article_summaries=article_summaries(ctx, article_summary_words),
        syndication=tuple(tuple(ids) for ids in groups.values()),
    )
