"""Grouping articles into topics (one topic = one story, i.e. one event).

An explicit `topic` (front matter) or the input sub-folder wins. The other articles are grouped
automatically: sparse TF-IDF of words and names (the headline and the lead counted extra), a date
factor, a sparse neighbour graph whose similarities are scored against the pile's own background
(`granularity.py`: how far above the similarity of unrelated articles of this pile a pair stands), and
average-link merging while the average pair score stays above one cut.

With a topic registry (`state.py`), grouping is incremental: articles seen before keep their topic,
new ones join the closest existing topic (exact average pair score to all its articles) or form new
topics among themselves; nothing already grouped is re-clustered until the pile has doubled since the
last full grouping. `recluster=True` (or that doubling) groups everything afresh, and old slugs then
redirect to the topic that took their articles. Titles are the most central
headline; slugs never change once given (`slugs.py`).
"""

from __future__ import annotations

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
from . import graph as _graph
from .cluster import average_link
from .features import Features, article_features, similarity_block
from .granularity import BLOCK_ROWS, background
from .graph import event_word_sums, neighbour_graph
from .slugs import anchor_article, anchor_key, printed_headline, slugify, unique_slug
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


def learn_groups(features: Features) -> list[list[int]]:
    """Full clustering: groups of article indices."""
    n = features.vectors.shape[0]
    if n <= 1:
        return [[i] for i in range(n)]
    bg = background(features)
    # Articles of stories bigger than the neighbour lists: fetch all their close neighbours.
    cut = granularity.LINK_Z
    graph = neighbour_graph(features, extend_above=(bg, cut))[0]
    if not graph.nnz:
        return [[i] for i in range(n)]
    score = bg.score(graph.data, graph.row, graph.col)
    scored = sparse.coo_matrix((score, (graph.row, graph.col)), shape=graph.shape)
    return average_link(scored, cut, event_words=event_word_sums(features), raw=graph.data)


def union(a: sparse.coo_matrix, b: sparse.coo_matrix) -> sparse.coo_matrix:
    """Edges of both graphs (same pair: same similarity), each once."""
    n = a.shape[0]
    key = np.concatenate([a.row.astype(np.int64) * n + a.col, b.row.astype(np.int64) * n + b.col])
    data = np.concatenate([a.data, b.data])
    key, first = np.unique(key, return_index=True)
    return sparse.coo_matrix((data[first], (key // n, key % n)), shape=a.shape)


def cluster_articles(articles: Sequence[Article]) -> list[list[int]]:
    """Groups of indices into `articles` (each group one story), sorted."""
    return sorted(learn_groups(article_features(articles)))


def incremental_groups(
    features: Features, topics: Sequence[Sequence[int]], new: Sequence[int], threshold: float | None = None
) -> list[list[int]]:
    """`topics` stay as they are (never merged with each other); each `new` article joins the topic
    or the group of new articles with the highest average pair score, if at least `threshold`.

    Pair scores are read against the background of the whole pile (old and new articles), as in a
    full clustering. Each existing topic's internal score sum (for the cohesion rule) is exact: its
    members are compared with each other in blocks."""
    n = features.vectors.shape[0]
    threshold = granularity.LINK_Z if threshold is None else threshold
    bg = background(features)
    new_idx = np.asarray(new, dtype=np.int64)
    old_idx = np.concatenate([list(t) for t in topics]).astype(np.int64) if topics else np.zeros(0, int)
    topic_of = np.full(n, -1, dtype=np.int64)
    for j, t in enumerate(topics):
        topic_of[list(t)] = j
    member = sparse.csr_matrix(
        (np.ones(len(old_idx)), (old_idx, topic_of[old_idx])), shape=(n, max(len(topics), 1))
    )
    reps = [t[0] for t in topics]
    vt = features.vectors.T.tocsr()
    everyone = np.arange(n)

    def scores(q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Plain similarities and scores of articles `q` to every article (0 to themselves)."""
        block = similarity_block(features, q, vt)
        z = bg.score(block, q[:, None], everyone[None, :])
        block[np.arange(len(q)), q] = 0.0
        z[np.arange(len(q)), q] = 0.0  # not its own neighbour
        return block, z

    inner = [0.0] * (len(topics) + len(new))
    raw_inner = [0.0] * (len(topics) + len(new))
    for s in range(0, len(old_idx), BLOCK_ROWS):
        q = old_idx[s : s + BLOCK_ROWS]
        block, z = scores(q)
        sums, raw_sums = np.asarray(z @ member), np.asarray(block @ member)
        for r, i in enumerate(q.tolist()):
            inner[topic_of[i]] += float(sums[r, topic_of[i]]) / 2  # each pair seen from both sides
            raw_inner[topic_of[i]] += float(raw_sums[r, topic_of[i]]) / 2
    rows, cols, vals, raw = [], [], [], []
    kk = min(_graph.NEIGHBOURS, len(new_idx) - 1)
    for s in range(0, len(new_idx), BLOCK_ROWS):
        q = new_idx[s : s + BLOCK_ROWS]
        block, z = scores(q)
        # Exact sums of scores to every article of every existing topic (a topic whose sum is not
        # positive is no candidate: its average cannot reach the threshold).
        if topics:
            sums, raw_sums = np.asarray(z @ member), np.asarray(block @ member)
            r, t = np.nonzero(sums > 0)
            rows += q[r].tolist()
            cols += [reps[j] for j in t]
            vals += sums[r, t].tolist()
            raw += raw_sums[r, t].tolist()
        # Nearest other new articles.
        if kk > 0:
            among = z[:, new_idx]
            among[np.arange(len(q)), np.arange(s, s + len(q))] = -np.inf
            top = np.argpartition(-among, kk - 1, axis=1)[:, :kk]
            rows += np.repeat(q, kk).tolist()
            cols += new_idx[top.ravel()].tolist()
            vals += (np.take_along_axis(among, top, axis=1).ravel() / 2).tolist()  # seen from both sides
            raw += (np.take_along_axis(block[:, new_idx], top, axis=1).ravel() / 2).tolist()
    graph = sparse.coo_matrix((vals, (rows, cols)), shape=(n, n))
    initial = [list(t) for t in topics] + [[i] for i in new]
    fixed = [True] * len(topics) + [False] * len(new)
    return average_link(
        graph,
        threshold,
        initial,
        fixed,
        inner_sums=inner,
        event_words=event_word_sums(features),
        raw=np.asarray(raw, dtype=np.float64),
        raw_inner_sums=raw_inner,
    )


def central_title(articles: Sequence[Article]) -> str:
    """The headline of the article most similar, in its words, to the others. Articles that printed a
    headline come first: the start of a first sentence, standing in for a missing headline, is the
    title only when no article printed one."""
    pool = [i for i, a in enumerate(articles) if printed_headline(a)] or list(range(len(articles)))
    if len(articles) <= 2:
        return articles[pool[0]].title
    vectors = _article_vectors(articles)
    centrality = np.asarray((vectors @ vectors.T).sum(axis=1)).ravel()
    return articles[max(pool, key=lambda i: (centrality[i], -i))].title


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
    # Topics formed on a few articles were scored against a background those few could barely show:
    # once the pile has doubled since the last full grouping, it is grouped afresh (slugs inherited,
    # redirects for the ones left without a topic).
    grown = len(loose) >= 2 * max(registry.learned_from, 1)
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
        live = sorted(by_slug)
        groups = incremental_groups(features, [by_slug[s] for s in live], new)
        owner = {by_slug[s][0]: s for s in live}
        slugs = [next((owner[i] for i in g if i in owner), None) for g in groups]
    # Slugs: the registry's first, then explicit topics, then new stories (earliest anchor first).
    used = old.reserved() | {s for s in slugs if s}
    named = []
    for name in sorted(explicit):
        slug = unique_slug(slugify(name), name, used)
        used.add(slug)
        named.append(Topic(slug=slug, title=name, articles=tuple(explicit[name])))
    members = [[loose[i] for i in sorted(g)] for g in groups]
    for i in sorted(range(len(groups)), key=lambda i: anchor_key(anchor_article(members[i]))):
        if slugs[i] is None:
            anchor = anchor_article(members[i])
            slugs[i] = unique_slug(slugify(anchor.title), anchor.id, used)
            used.add(slugs[i])  # type: ignore[arg-type]
    order = sorted(range(len(groups)), key=lambda i: min(groups[i]))
    found = [
        Topic(slug=str(slugs[i]), title=central_title(members[i]), articles=tuple(members[i])) for i in order
    ]
    registry = updated_registry(
        old, found, [[keys[j] for j in groups[i]] for i in order], keys, full, threshold
    )
    redirects = {s: registry.resolve(s) for s in registry.redirects if registry.resolve(s) in registry.topics}
    return Grouping(named + found, registry, redirects)


def inherit_slugs(groups: Sequence[Sequence[int]], keys: Sequence[str], old: Registry) -> list[str | None]:
    """After a full clustering, each old topic's slug goes to the group with most of its articles
    (one group per slug, one slug per group, largest overlaps first)."""
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
    full: bool,
    threshold: float | None,
) -> Registry:
    present = set(keys)
    topics = {s: [k for k in ks if not (full and k in present)] for s, ks in old.topics.items()}
    redirects = dict(old.redirects)
    titles = dict(old.titles)
    where = {}
    for topic, ks in zip(found, found_keys, strict=True):
        topics[topic.slug] = sorted(set(topics.get(topic.slug, [])) | set(ks))
        titles[topic.slug] = topic.title
        where.update(dict.fromkeys(ks, topic.slug))
    if full:
        # An old topic whose articles all went elsewhere now redirects to the one that took most.
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
