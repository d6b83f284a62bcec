from __future__ import annotations

from pathlib import Path

from briefgen.models import Article, RawDocument
from briefgen.pipeline import read_articles
from briefgen.reading.article import to_article
from briefgen.reading.split import split_article
from briefgen.sections import TopicContext


def article(text: str, id: str = "a", **meta: str) -> Article:
    return to_article(RawDocument(id=id, path=f"{id}.txt", text=text, meta=dict(meta)))


def context(*articles: Article, groups: dict[str, str] | None = None) -> TopicContext:
    return TopicContext(tuple(articles), {a.id: split_article(a) for a in articles}, groups or {})


def seed_articles(paths: list[Path]) -> list[Article]:
    """The seeds as the pipeline reads them (syndicated copies fill each other's missing outlet)."""
    articles, skipped = read_articles(paths)
    assert not skipped, skipped
    return articles
