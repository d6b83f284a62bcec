"""What changed in each topic since the previous version of its brief.

The previous build's state (`cache.load_state`) records, per topic, a hash of each article and of each
item of the brief. Comparing this build with it gives, per topic, the articles added, revised or dropped
and the number of new items per section. A topic whose articles did not change keeps the change recorded
when it last changed, so rebuilding the same input gives the same pages.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from typing import Any

from .cache import real_brief
from .models import Article, Brief

SECTION_LABELS = {
    "summary": ("summary line", "summary lines"),
    "decisions": ("decision", "decisions"),
    "quotes": ("quote", "quotes"),
    "disputes": ("dispute", "disputes"),
    "context": ("context line", "context lines"),
    "timeline": ("timeline entry", "timeline entries"),
}


@dataclass(frozen=True)
class Change:
    """How a topic's brief differs from its previous version."""

    new_topic: bool = False
    added: tuple[str, ...] = ()  # article ids
    revised: tuple[str, ...] = ()  # article ids
    removed: tuple[str, ...] = ()  # titles of articles no longer in the topic
    new_items: tuple[tuple[str, int], ...] = ()  # (section, count)

    def items_text(self) -> str:
        """E.g. '2 summary lines, 1 quote'."""
        parts = []
        for section, n in self.new_items:
            one, many = SECTION_LABELS.get(section, (section, section))
            parts.append(f"{n} {one if n == 1 else many}")
        return ", ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {k: list(map(list, v)) if k == "new_items" else v for k, v in dataclasses.asdict(self).items()}

    @classmethod
    def from_json(cls, data: Any) -> Change | None:
        if not isinstance(data, dict):
            return None
        try:
            return cls(
                new_topic=bool(data.get("new_topic")),
                added=tuple(map(str, data.get("added", ()))),
                revised=tuple(map(str, data.get("revised", ()))),
                removed=tuple(map(str, data.get("removed", ()))),
                new_items=tuple((str(s), int(n)) for s, n in data.get("new_items", ())),
            )
        except (TypeError, ValueError):
            return None


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_hash(article: Article) -> str:
    return _hash(repr(article))


def _item_key(item: Any) -> str:
    for attr in ("text", "about", "name"):
        value = getattr(item, attr, None)
        if isinstance(value, str):
            return value
    return repr(item)


def item_hashes(brief: Brief) -> dict[str, list[str]]:
    """Per section of the brief, a hash of each item's text."""
    out: dict[str, list[str]] = {}
    for f in dataclasses.fields(brief):
        value = getattr(brief, f.name)
        if f.name != "topic" and isinstance(value, tuple) and f.name in SECTION_LABELS:
            out[f.name] = [_hash(_item_key(item)) for item in value]
    return out


def topic_state(brief: Brief, change: Change | None) -> dict[str, Any]:
    return {
        "title": brief.topic.title,
        "articles": {a.id: article_hash(a) for a in brief.articles},
        "titles": {a.id: a.title for a in brief.articles},
        "items": item_hashes(brief),
        "change": change.to_json() if change else None,
    }


def _previous(brief: Brief, topics: dict[str, Any]) -> dict[str, Any] | None:
    """The previous state of this topic: same slug, else the one sharing most articles."""
    return previous_state(brief.topic.slug, [a.id for a in brief.articles], topics)


def previous_state(slug: str, ids: Any, topics: dict[str, Any]) -> dict[str, Any] | None:
    """The previous state of the topic `slug` of articles `ids` (see `_previous`)."""
    if slug in topics:
        return topics[slug]
    ids = set(ids)
    best, overlap = None, 0
    for other in sorted(topics):
        shared = len(ids & set(topics[other].get("articles", {})))
        if shared > overlap:
            best, overlap = topics[other], shared
    return best


def compare(brief: Brief, previous: dict[str, Any] | None) -> Change:
    if previous is None:
        return Change(new_topic=True)
    before: dict[str, str] = previous.get("articles", {})
    now = {a.id: article_hash(a) for a in brief.articles}
    added = tuple(i for i in now if i not in before)
    revised = tuple(i for i in now if i in before and before[i] != now[i])
    titles = previous.get("titles", {})
    removed = tuple(str(titles.get(i, i)) for i in sorted(before) if i not in now)
    old_items = previous.get("items", {})
    new_items = []
    for section, hashes in item_hashes(brief).items():
        seen = set(old_items.get(section, ()))
        n = sum(1 for h in hashes if h not in seen)
        if n:
            new_items.append((section, n))
    return Change(False, added, revised, removed, tuple(new_items))


def topic_change(brief: Brief, before: dict[str, Any] | None, first_build: bool) -> Change | None:
    """The change note of `brief` against its previous state `before` (`previous_state`); None on a
    first build (nothing to compare with)."""
    if first_build:
        return None
    if before is not None and before.get("articles") == {a.id: article_hash(a) for a in brief.articles}:
        return Change.from_json(before.get("change"))  # unchanged: keep its last change
    return compare(brief, before)


def track_changes(
    briefs: list[Brief], state: dict[str, Any] | None, keys: dict[str, str] | None = None
) -> tuple[dict[str, Change], dict[str, Any]]:
    """Each topic's change note (by slug; absent when there is none) and the state to save.

    `keys`: each topic's analysis key (`AnalysisCache.key`, by slug). A topic whose key is the one its
    previous state was recorded with has the same articles and brief: that state is kept as it is."""
    previous_topics: dict[str, Any] = (state or {}).get("topics", {})
    changes: dict[str, Change] = {}
    topics: dict[str, Any] = {}
    keys = keys or {}
    for brief in briefs:
        slug = brief.topic.slug
        key = keys.get(slug)
        before = previous_topics.get(slug)
        if key is not None and state is not None and before is not None and before.get("key") == key:
            change = Change.from_json(before.get("change"))
            entry = before
        else:
            brief = real_brief(brief)
            change = topic_change(brief, _previous(brief, previous_topics), first_build=state is None)
            entry = topic_state(brief, change)
            if key is not None:
                entry["key"] = key
        if change is not None:
            changes[slug] = change
        topics[slug] = entry
    return changes, {"topics": topics}
