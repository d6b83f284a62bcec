"""Extractors for the sections of a brief.

Each section is one module with one function, `extract(ctx: TopicContext) -> tuple[...]`.
They all read the same `TopicContext` (the topic's articles, their sentences and the syndication
groups) and every item they return cites the sentences it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from ..models import Article, Sentence, Source
from ..reading.split import words
from ..rows import cross_similarities, select_rows
from ..summarize.consensus import SentenceSpace
from ..text import TopicTokens

if TYPE_CHECKING:
    from .people import People


@dataclass(frozen=True)
class TopicContext:
    articles: tuple[Article, ...]
    sentences: dict[str, tuple[Sentence, ...]]
    groups: dict[str, str] = field(default_factory=dict)
    # `TopicTokens.build` of the texts of `all_sentences`, when built (analyze builds it once for
    # syndication and the consensus summary).
    tokens: TopicTokens | None = field(default=None, compare=False, repr=False)

    def group(self, article_id: str) -> str:
        return self.groups.get(article_id, article_id)

    def support(self, sources: Iterable[Source]) -> int:
        """Independent sources among `sources` (syndicated copies count once)."""
        return len({self.group(s.article) for s in sources})

    @cached_property
    def order(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.articles)}

    @cached_property
    def all_sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for a in self.articles for s in self.sentences.get(a.id, ()))

    @cached_property
    def space(self) -> SentenceSpace:
        """TF-IDF vectors of every sentence of the topic (rows in `all_sentences` order)."""
        return SentenceSpace(self.all_sentences, self.groups)

    def similarities(self, rows: Sequence[int], others: Sequence[int] | None = None) -> np.ndarray:
        """Cosines (dense) of the sentences at `rows` of `space` with those at `others` (every
        sentence when None). Plain numpy: the sums scipy's sparse product makes, in its order, so
        the values are the same to the bit without scipy's overhead on small matrices."""
        space = self.space.rows
        return cross_similarities(
            select_rows(space, rows), space if others is None else select_rows(space, others)
        )

    @cached_property
    def row(self) -> dict[tuple[str, int], int]:
        """(article id, sentence index) -> row in `space`."""
        return {(s.article, s.index): i for i, s in enumerate(self.all_sentences)}

    @cached_property
    def _row_by_start(self) -> dict[tuple[str, int], int]:
        return {(s.article, s.start): i for i, s in enumerate(self.all_sentences)}

    def row_at(self, article_id: str, start: int) -> int:
        """The row in `space` of the sentence of `article_id` starting at character `start`."""
        return self._row_by_start[(article_id, start)]

    @cached_property
    def sentence_keys(self) -> tuple[str, ...]:
        """Each sentence's words, case-folded and space-joined (for matching wording), in order."""
        return tuple(" ".join(words(s.text)) for s in self.all_sentences)

    @cached_property
    def people(self) -> dict[str, People]:
        """Each article's people (names, roles, mentions), knowing the names the whole topic gives."""
        from .people import People

        known: dict[str, str] = {}
        first = {a.id: People(a.text, mentions=False) for a in self.articles}
        # A name one article treats as an organisation ("Vale Gox, which ...") is no person in another,
        # unless one gives it a person's role ("Ada Vale, a spokeswoman").
        organisations = set().union(*(p.not_people() for p in first.values()))
        organisations -= {n for p in first.values() for n, role in p.roles.items() if role}
        for p in first.values():
            p.drop(organisations)
        for a in self.articles:
            for name, role in first[a.id].roles.items():
                if role or name not in known:
                    known[name] = known.get(name) or role
        return {
            a.id: People(
                a.text,
                known=known,
                sentences=[(s.start, s.end, s.paragraph) for s in self.sentences.get(a.id, ())],
                found=first[a.id],
            )
            for a in self.articles
        }

    def article(self, article_id: str) -> Article:
        return next(a for a in self.articles if a.id == article_id)


def source(sentence: Sentence) -> Source:
    return Source(sentence.article, sentence.text, sentence.start, sentence.end)


def sort_sources(ctx: TopicContext, sources: Iterable[Source]) -> tuple[Source, ...]:
    """Unique sources in article order, then position."""
    unique = {(s.article, s.start, s.end): s for s in sources}
    return tuple(sorted(unique.values(), key=lambda s: (ctx.order.get(s.article, 0), s.start)))
