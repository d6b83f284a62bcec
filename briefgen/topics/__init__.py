"""Grouping articles into topics (one topic = one story, i.e. one event).

An explicit `topic` (front matter) or the input sub-folder wins. The other articles are grouped
automatically (`cluster_articles`): sparse TF-IDF of words and names, a date factor, a sparse
neighbour graph, average-link merging down to a threshold the pile itself determines
(`granularity.py`). Titles are the most central headline; slugs are stable (`slugs.py`).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from ..dedupe import _article_vectors
from ..models import Article, Topic
from .cluster import average_link
from .features import article_features
from .granularity import mixture_threshold
from .graph import neighbour_graph
from .slugs import assign_slugs, slugify

__all__ = [
    "assignments",
    "central_title",
    "cluster_articles",
    "format_assignments",
    "group_topics",
    "slugify",
]


def cluster_articles(articles: Sequence[Article]) -> list[list[int]]:
    """Groups of indices into `articles` (each group one story), in order of their first article."""
    if len(articles) <= 1:
        return [[i] for i in range(len(articles))]
    features = article_features(articles)
    graph = neighbour_graph(features)
    threshold = mixture_threshold(graph.data, 2 * graph.nnz / len(articles)) if graph.nnz else 1.0
    groups = average_link(graph, threshold)
    return sorted(groups)


def central_title(articles: Sequence[Article]) -> str:
    """The headline of the article most similar, in its words, to the others."""
    if len(articles) <= 2:
        return articles[0].title
    vectors = _article_vectors(articles)
    centrality = np.asarray((vectors @ vectors.T).sum(axis=1)).ravel()
    return articles[int(np.argmax(centrality))].title


def group_topics(articles: Sequence[Article]) -> list[Topic]:
    """Topics in a stable order (explicit topics by name, then by first article); slugs unique."""
    explicit: dict[str, list[Article]] = defaultdict(list)
    loose: list[Article] = []
    for article in articles:
        (explicit[article.topic] if article.topic else loose).append(article)
    named = [(k, explicit[k]) for k in sorted(explicit)]
    found = [[loose[i] for i in group] for group in cluster_articles(loose)]
    slugs = assign_slugs([name for name, _ in named], found)
    topics = [Topic(slug=slugs[0][i], title=name, articles=tuple(m)) for i, (name, m) in enumerate(named)]
    topics += [
        Topic(slug=slugs[1][i], title=central_title(m), articles=tuple(m)) for i, m in enumerate(found)
    ]
    return topics


def assignments(articles: Sequence[Article], topics: Sequence[Topic]) -> list[dict[str, str]]:
    """One row per article, in input order: its path, its topic's slug and title."""
    topic_of = {a.id: t for t in topics for a in t.articles}
    return [{"path": a.path, "slug": topic_of[a.id].slug, "title": topic_of[a.id].title} for a in articles]


def format_assignments(rows: Sequence[dict[str, str]], fmt: str) -> str:
    """`tsv`: path, slug, title tab-separated, one article a line; `json`: a list of objects."""
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"
    flat = [[re.sub(r"\s+", " ", r[k]).strip() for k in ("path", "slug", "title")] for r in rows]
    return "".join("\t".join(cols) + "\n" for cols in flat)
