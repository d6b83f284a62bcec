"""Typed, frozen data objects passed between the pipeline's stages.

read -> Article; split -> Sentence; group -> Topic; analyze -> Brief.
Every item of a brief keeps the sentences it came from (`Source`), so citations,
source counts and verbatim checks need nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RemovedLine:
    """A line dropped while cleaning, kept so nothing disappears silently."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """One input article after reading and cleaning.

    `text` is the cleaned body: kept paragraphs, exactly as printed, separated by blank lines.
    Every sentence of the brief is a substring of `text` (and of the input file).
    """

    id: str
    path: str
    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: dt.date | None = None
    author: str = ""
    topic: str = ""
    language: str = "en"
    removed: tuple[RemovedLine, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: `text == article.text[start:end]`."""

    article: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class Source:
    """Where an item of a brief comes from: an article id and the sentence as printed."""

    article: str
    sentence: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Item:
    """A sentence shown in a brief (summary line, decision, context), with its supporting sources.

    `support` counts independent outlets (syndicated copies count once).
    """

    text: str
    sources: tuple[Source, ...]
    support: int = 1


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str
    cue: str
    sources: tuple[Source, ...]
    variants: tuple[str, ...] = ()
    support: int = 1


@dataclass(frozen=True)
class Side:
    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Dispute:
    about: str
    kind: str  # "claim", "number", "name", "date"
    sides: tuple[Side, ...]


@dataclass(frozen=True)
class Skipped:
    """An input that produced no article, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Brief:
    topic: Topic
    summary: tuple[Item, ...] = ()
    decisions: tuple[Item, ...] = ()
    quotes: tuple[Quote, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    context: tuple[Item, ...] = ()
    article_summaries: dict[str, tuple[Item, ...]] = field(default_factory=dict)
    syndication: tuple[tuple[str, ...], ...] = ()  # groups of article ids that carry one report

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.topic.articles

    @property
    def independent_sources(self) -> int:
        return len(self.syndication) if self.syndication else len(self.articles)


@dataclass(frozen=True)
class RawDocument:
    """What a reader hands to cleaning: decoded text plus any explicit metadata.

    `meta` holds only values the input stated (front matter, feed fields); guesses come later.
    """

    id: str
    path: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)
