"""Grouping articles into topics (one topic = one story, i.e. one event).

An explicit `topic` (front matter) or the input sub-folder wins. The other articles are grouped
automatically: sparse TF-IDF of words and names (the headline and the lead counted extra), a date
factor, a sparse neighbour graph whose similarities are scored against the pile's own background
(`granularity.py`: how far above the similarity of unrelated articles of this pile a pair stands), and
average-link merging while the average pair score stays above one cut.

With a topic registry (`state.py`), grouping is incremental: the same average link, started from the
existing topics instead of single articles; new articles join them or each other, two old topics
merge when the grown pile says they are one story, and an old topic is split when the grown pile,
grouped afresh, tells two stories apart in it (`split_topics`). Once the pile has grown by
`REGROUP_GROWTH` since the last full grouping, and with `recluster=True`, everything is grouped
afresh. Old slugs left without a topic redirect to the topic that took their articles. Titles are the
most central headline; slugs never change once given (`slugs.py`).
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from ..dedupe import _article_vectors
from ..models import Article, Topic
from . import granularity
from .cluster import average_link
from .features import Features, article_features
from .granularity import background
from .graph import event_word_sums, name_conflicts, neighbour_graph
from .slugs import (
    anchor_article,
    anchor_key,
    content_key,
    headline_tails,
    printed_headline,
    slugify,
    story_title,
    unique_slug,
)
from .state import Registry, article_key, load_registry, save_registry

__all__ = [
    "Grouping",
    "Registry",
    "assign_topics",
    "assignments",
    "central_title",
    "cluster_articles",
    "format_assignments",
    "group_topics",
    "load_registry",
    "save_registry",
    "slugify",
]

REGROUP_GROWTH = 1.25
"""The pile is grouped afresh once it has this many times the articles of its last full grouping."""


def reading_order(articles: Sequence[Article]) -> tuple[Article, ...]:
    """A topic's articles in an order read from them alone: by date (undated last), then by a hash of
    their text that leaves out line breaks, white space and the kind of quotation marks (`content_key`).
    The sections break ties by this order, so a brief is the same whatever the files are called
    (article ids are file names) and however they were laid out. Citations are numbered in it."""
    return tuple(sorted(articles, key=anchor_key))


def learn_groups(features: Features) -> list[list[int]]:
    """Full clustering: groups of article indices."""
    return incremental_groups(features, [], range(features.vectors.shape[0]))


def cluster_articles(articles: Sequence[Article]) -> list[list[int]]:
    """Groups of indices into `articles` (each group one story), sorted."""
    return sorted(learn_groups(article_features(articles)))


def incremental_groups(
    features: Features, topics: Sequence[Sequence[int]], new: Sequence[int], threshold: float | None = None
) -> list[list[int]]:
    """Average link started from the existing `topics` and each `new` article alone, on the graph a
    full clustering uses: the neighbour graph of the whole pile (old and new articles), its
    similarities scored against the whole pile's background. New articles join topics or each other,
    and two old topics merge when the pile now says they are one story (their slugs then redirect,
    see `updated_registry`). An old topic is split only where the whole pile, grouped afresh, puts
    two or more of its articles in each of two stories: a topic formed on a small pile may have
    joined two events that the grown pile tells apart (each part then keeps its articles together,
    and a lone article stays where it was)."""
    n = features.vectors.shape[0]
    groups = [list(t) for t in topics] + [[i] for i in new]
    if n <= 1 or not topics and len(groups) <= 1:
        return groups
    cut = granularity.LINK_Z if threshold is None else threshold
    bg = background(features)
    # Articles of stories bigger than the neighbour lists fetch all their close neighbours.
    graph = neighbour_graph(features, extend_above=(bg, cut))[0]
    event_words = event_word_sums(features)
    conflict = name_conflicts(features)

    def scored_by(bg: granularity.Background) -> sparse.coo_matrix:
        score = bg.score(graph.data, graph.row, graph.col)
        return sparse.coo_matrix((score, (graph.row, graph.col)), shape=graph.shape)

    # The second reading of the background (see `granularity`): without the pairs that a first
    # grouping puts in one story. The graph stays; only its scores change.
    link = functools.partial(
        average_link, event_words=event_words, raw=graph.data, name_conflict=conflict, copies=features.copies
    )
    scored = scored_by(bg)
    first = link(scored, cut)
    scored = scored_by(background(features, first, scored, cut))
    if topics:
        groups = split_topics(topics, link(scored, cut), new) + [[i] for i in new]
    return link(scored, cut, groups)


def split_topics(
    topics: Sequence[Sequence[int]], fresh: Sequence[Sequence[int]], new: Sequence[int]
) -> list[list[int]]:
    """Each old topic, cut where the `fresh` grouping of the whole pile tells two stories apart in it:
    its articles of one fresh group are a story of their own when, with the `new` articles of that
    group, they are two or more. Its largest such part keeps the rest (an article never moves to
    another old topic)."""
    where = {i: g for g, group in enumerate(fresh) for i in group}
    arriving = Counter(where[i] for i in new)
    out = []
    for topic in topics:
        parts: dict[int, list[int]] = defaultdict(list)
        for i in topic:
            parts[where[i]].append(i)
        own = sorted((p for g, p in parts.items() if len(p) + arriving[g] > 1), key=lambda p: (-len(p), p[0]))
        if len(own) < 2:
            out.append(list(topic))
            continue
        rest = [i for g, p in parts.items() if len(p) + arriving[g] <= 1 for i in p]
        own[0] = sorted(own[0] + rest)
        out.extend(own)
    return out


def central_title(articles: Sequence[Article], tails: Counter[str] | None = None) -> str:
    """The headline of the article most similar, in its words, to the others, without the outlet's
    name after it (`story_title`; `tails`: `headline_tails` of the whole pile, else of `articles`).
    Articles that printed a headline come first: the start of a first sentence, standing in for a
    missing headline, is the title only when no article printed one. Ties go to the first in
    `reading_order`."""
    articles = reading_order(articles)
    tails = headline_tails(articles) if tails is None else tails
    pool = [i for i, a in enumerate(articles) if printed_headline(a)] or list(range(len(articles)))
    if len(articles) <= 2:
        return story_title(articles[pool[0]], tails)
    vectors = _article_vectors(articles)
    centrality = np.asarray((vectors @ vectors.T).sum(axis=1)).ravel()
    return story_title(articles[max(pool, key=lambda i: (centrality[i], -i))], tails)


@dataclass
class Grouping:
    """The topics of a pile, the registry to save for the next build, and the old slugs to redirect."""

    topics: list[Topic]
    registry: Registry
    redirects: dict[str, str] = field(default_factory=dict)
    """old slug -> live slug, for every slug given before that no longer names a topic of its own."""


def assign_topics(
    articles: Sequence[Article], registry: Registry | None = None, recluster: bool = False
) -> Grouping:
    """Topics for `articles`, keeping the registry's assignments and slugs (see the module doc)."""
    registry = registry or Registry()
    explicit: dict[str, list[Article]] = defaultdict(list)
    loose: list[Article] = []
    for article in articles:
        (explicit[article.topic] if article.topic else loose).append(article)
    keys = [article_key(a) for a in loose]
    known = registry.slug_of()
    old = Registry(
        {s: list(k) for s, k in registry.topics.items()},
        dict(registry.titles),
        dict(registry.redirects),
        registry.threshold,
        registry.learned_from,
    )
    # Topics formed on fewer articles were scored against another background, and a grouping of more
    # articles is not the old one plus the new: once the pile has grown by `REGROUP_GROWTH` since the
    # last full grouping, it is grouped afresh (slugs inherited, redirects for the ones left without
    # a topic).
    grown = len(loose) >= REGROUP_GROWTH * max(registry.learned_from, 1)
    full = recluster or grown or registry.threshold is None or not any(k in known for k in keys)
    features = article_features(loose) if loose else None
    slugs: list[str | None]
    threshold = granularity.LINK_Z if loose else registry.threshold
    if features is None:
        groups, slugs = [], []
    elif full:
        groups = learn_groups(features)
        slugs = inherit_slugs(groups, keys, old)
        old.learned_from = len(loose)
    else:
        by_slug: dict[str, list[int]] = defaultdict(list)
        new = []
        for i, key in enumerate(keys):
            (by_slug[known[key]] if key in known else new).append(i)
        groups = incremental_groups(features, [by_slug[s] for s in sorted(by_slug)], new)
        slugs = inherit_slugs(groups, keys, old)
    # Slugs: the registry's first, then explicit topics, then new stories (earliest anchor first).
    used = old.reserved() | {s for s in slugs if s}
    named = []
    for name in sorted(explicit):
        slug = unique_slug(slugify(name), name, used)
        used.add(slug)
        named.append(Topic(slug=slug, title=name, articles=reading_order(explicit[name])))
    members = [[loose[i] for i in sorted(g)] for g in groups]
    tails = headline_tails(loose)
    for i in sorted(range(len(groups)), key=lambda i: anchor_key(anchor_article(members[i]))):
        if slugs[i] is None:
            anchor = anchor_article(members[i])
            slugs[i] = unique_slug(slugify(story_title(anchor, tails)), content_key(anchor).hex(), used)
            used.add(slugs[i])  # type: ignore[arg-type]
    order = sorted(range(len(groups)), key=lambda i: min(groups[i]))
    found = [
        Topic(slug=str(slugs[i]), title=central_title(members[i], tails), articles=reading_order(members[i]))
        for i in order
    ]
    registry = updated_registry(old, found, [[keys[j] for j in groups[i]] for i in order], keys, threshold)
    redirects = {s: registry.resolve(s) for s in registry.redirects if registry.resolve(s) in registry.topics}
    return Grouping(named + found, registry, redirects)


def inherit_slugs(groups: Sequence[Sequence[int]], keys: Sequence[str], old: Registry) -> list[str | None]:
    """Each old topic's slug goes to the group with most of its articles (one group per slug, one
    slug per group, largest overlaps first)."""
    known = old.slug_of()
    overlap: Counter[tuple[int, str]] = Counter()
    for g, group in enumerate(groups):
        for i in group:
            if keys[i] in known:
                overlap[(g, known[keys[i]])] += 1
    slugs: list[str | None] = [None] * len(groups)
    taken: set[str] = set()
    for (g, slug), _ in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0][1], min(groups[kv[0][0]]))):
        if slugs[g] is None and slug not in taken:
            slugs[g] = slug
            taken.add(slug)
    return slugs


def updated_registry(
    old: Registry,
    found: Sequence[Topic],
    found_keys: Sequence[Sequence[str]],
    keys: Sequence[str],
    threshold: float | None,
) -> Registry:
    """The registry after a grouping: every article of the pile under its topic's slug (articles of
    old topics that left the pile stay listed), and each old topic whose articles all went to other
    topics redirecting to the one that took most."""
    present = set(keys)
    topics = {s: [k for k in ks if k not in present] for s, ks in old.topics.items()}
    redirects = dict(old.redirects)
    titles = dict(old.titles)
    where = {}
    for topic, ks in zip(found, found_keys, strict=True):
        topics[topic.slug] = sorted(set(topics.get(topic.slug, [])) | set(ks))
        titles[topic.slug] = topic.title
        where.update(dict.fromkeys(ks, topic.slug))
    live = {t.slug for t in found}
    for slug, ks in old.topics.items():
        if slug in live:
            continue
        moved = Counter(where[k] for k in ks if k in where)
        if moved:
            redirects[slug] = sorted(moved.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            topics.pop(slug, None)
    return Registry(topics, titles, redirects, threshold, old.learned_from)


def group_topics(articles: Sequence[Article]) -> list[Topic]:
    """Topics from scratch (no registry): explicit topics by name, then found ones by first article."""
    return assign_topics(articles).topics


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
