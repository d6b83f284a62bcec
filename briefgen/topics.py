"""Grouping articles into topics.

An explicit `topic` (front matter) or the input sub-folder wins. Otherwise articles are linked when
their TF-IDF vectors are close, and each connected group is a topic. Titles are the most central
headline; slugs come from the title.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from .dedupe import _article_vectors
from .models import Article, Topic

LINK_SIMILARITY = 0.25


def slugify(text: str, max_len: int = 60) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0]
    return slug or "topic"


def _components(articles: Sequence[Article]) -> list[list[int]]:
    if len(articles) == 1:
        return [[0]]
    vectors = _article_vectors(articles)
    sims = (vectors @ vectors.T).toarray()
    parent = list(range(len(articles)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in zip(*np.nonzero(np.triu(sims, k=1) >= LINK_SIMILARITY), strict=True):
        ri, rj = find(int(i)), find(int(j))
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(articles)):
        groups[find(i)].append(i)
    return [groups[k] for k in sorted(groups)]


def central_title(articles: Sequence[Article]) -> str:
    """The headline of the article closest to the others."""
    if len(articles) <= 2:
        return articles[0].title
    vectors = _article_vectors(articles)
    centrality = np.asarray((vectors @ vectors.T).sum(axis=1)).ravel()
    return articles[int(np.argmax(centrality))].title


def group_topics(articles: Sequence[Article]) -> list[Topic]:
    """Topics in a stable order (by first article); slugs unique."""
    explicit: dict[str, list[Article]] = defaultdict(list)
    loose: list[Article] = []
    for article in articles:
        (explicit[article.topic] if article.topic else loose).append(article)
    clusters: list[list[Article]] = [explicit[k] for k in sorted(explicit)]
    if loose:
        clusters += [[loose[i] for i in comp] for comp in _components(loose)]
    topics = []
    used: set[str] = set()
    for members in clusters:
        title = members[0].topic or central_title(members)
        slug = base = slugify(title)
        n = 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        topics.append(Topic(slug=slug, title=title, articles=tuple(members)))
    return topics
