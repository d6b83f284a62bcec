"""The topic registry (`<cache_dir>/topics.json`): which story each article belongs to, under which slug.

It makes topics durable across builds: an article seen before stays in its topic (unless the grown
pile splits that topic in two stories, see `split_topics`), a topic keeps its
slug however many articles join it, and a slug once given is never given to another story. When a
full re-clustering (`--recluster`) merges or splits topics, every old slug keeps pointing somewhere:
the topic that took most of its articles (`redirects`).

Articles are keyed by a hash of their cleaned text, so moving or renaming a file does not make it a
new article. The file is plain JSON, written atomically, sorted, without timestamps: the same builds
give the same file. Losing it (a CI cache miss) is safe: slugs then come from each topic's earliest
article (see `slugs.py`), which new articles do not change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cache import atomic_write
from ..models import Article

FILE = "topics.json"
FORMAT = 1


def article_key(article: Article) -> str:
    """A stable key for an article: a hash of its cleaned text."""
    return hashlib.sha256(" ".join(article.text.split()).encode("utf-8")).hexdigest()[:20]


@dataclass
class Registry:
    topics: dict[str, list[str]] = field(default_factory=dict)
    """slug -> keys of the articles ever assigned to it (kept when an article leaves the pile)."""
    titles: dict[str, str] = field(default_factory=dict)
    """slug -> title at the last build (for redirect pages of topics that are gone)."""
    redirects: dict[str, str] = field(default_factory=dict)
    """old slug -> the slug that took over its articles after a merge or split."""
    threshold: float | None = None
    """The cut (pair score, see `granularity.py`) of the last full clustering; None before any."""
    learned_from: int = 0
    """Articles of the last full clustering; the pile is grouped afresh once it has doubled."""

    @property
    def empty(self) -> bool:
        return not self.topics

    def slug_of(self) -> dict[str, str]:
        """article key -> slug."""
        return {key: slug for slug, keys in sorted(self.topics.items()) for key in keys}

    def reserved(self) -> set[str]:
        """Slugs never to be given to a new story."""
        return set(self.topics) | set(self.redirects)

    def resolve(self, slug: str) -> str:
        """Follow redirects to the live slug (loops cannot happen, but are cut anyway)."""
        seen = {slug}
        while slug in self.redirects and slug not in self.topics:
            slug = self.redirects[slug]
            if slug in seen:
                break
            seen.add(slug)
        return slug

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "threshold": self.threshold,
            "learned_from": self.learned_from,
            "topics": {s: sorted(set(k)) for s, k in sorted(self.topics.items())},
            "titles": dict(sorted(self.titles.items())),
            "redirects": dict(sorted(self.redirects.items())),
        }


def load_registry(directory: Path | None) -> Registry:
    """The registry in `directory`, or an empty one (none yet, no directory, unreadable file)."""
    if directory is None:
        return Registry()
    try:
        data = json.loads((directory / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Registry()
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return Registry()
    try:
        threshold = data.get("threshold")
        return Registry(
            topics={str(s): [str(k) for k in keys] for s, keys in dict(data.get("topics", {})).items()},
            titles={str(s): str(t) for s, t in dict(data.get("titles", {})).items()},
            redirects={str(a): str(b) for a, b in dict(data.get("redirects", {})).items()},
            threshold=float(threshold) if isinstance(threshold, int | float) else None,
            learned_from=int(data.get("learned_from") or 0),
        )
    except (TypeError, ValueError):
        return Registry()


def save_registry(directory: Path | None, registry: Registry) -> None:
    if directory is None:
        return
    text = json.dumps(registry.to_json(), ensure_ascii=False, indent=1) + "\n"
    atomic_write(directory / FILE, text.encode("utf-8"))
