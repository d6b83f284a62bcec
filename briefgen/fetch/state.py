"""What `briefgen fetch` remembers between runs, in the cache folder (`<cache>/fetch/state.json`).

- each feed's validators (ETag, Last-Modified), for conditional requests;
- each origin's robots.txt (validators and text), so it is re-checked with a conditional request too;
- the articles already fetched: their URL keys (see `url_key`) and the hashes of their texts, each
  with the last day a feed listed it. Keys nobody listed for `KEEP_DAYS` days are forgotten (feeds
  list recent entries); the article files themselves carry their URL key in their name, so an article
  still in the articles folder is never fetched again even if the state is lost.

Never kept in the articles folder. Written atomically; an unreadable state file counts as none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from ..cache import atomic_write
from .net import RobotsEntry

FORMAT = 1
FOLDER = "fetch"
STATE = "state.json"
KEEP_DAYS = 180
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|ocid|cmpid|at_\w+|ito|smid)$",
    re.I,
)


@dataclass
class FetchState:
    feeds: dict[str, dict[str, str]] = field(default_factory=dict)
    """Feed URL -> its validators ({'etag': ..., 'last-modified': ...})."""
    robots: dict[str, RobotsEntry] = field(default_factory=dict)
    """Origin -> its robots.txt as last fetched."""
    urls: dict[str, str] = field(default_factory=dict)
    """URL key of every article fetched -> the last day (ISO) a feed listed it."""
    texts: dict[str, str] = field(default_factory=dict)
    """Hash of every article text written -> the day it was last seen."""

    def prune(self, today: dt.date) -> None:
        oldest = (today - dt.timedelta(days=KEEP_DAYS)).isoformat()
        self.urls = {k: d for k, d in self.urls.items() if d >= oldest}
        self.texts = {k: d for k, d in self.texts.items() if d >= oldest}


def state_path(cache_dir: Path) -> Path:
    return cache_dir / FOLDER / STATE


def load_state(cache_dir: Path) -> FetchState:
    try:
        data = json.loads(state_path(cache_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return FetchState()
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return FetchState()
    try:
        return FetchState(
            feeds={str(k): dict(v) for k, v in data.get("feeds", {}).items()},
            robots={
                str(k): RobotsEntry(dict(v["validators"]), str(v["text"]))
                for k, v in data.get("robots", {}).items()
            },
            urls={str(k): str(v) for k, v in data.get("urls", {}).items()},
            texts={str(k): str(v) for k, v in data.get("texts", {}).items()},
        )
    except (AttributeError, KeyError, TypeError, ValueError):
        return FetchState()


def save_state(cache_dir: Path, state: FetchState) -> None:
    data = {
        "format": FORMAT,
        "feeds": state.feeds,
        "robots": {k: {"validators": v.validators, "text": v.text} for k, v in state.robots.items()},
        "urls": state.urls,
        "texts": state.texts,
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0)
    atomic_write(state_path(cache_dir), text.encode("utf-8"))


def url_key(url: str) -> str:
    """What makes two article URLs the same article: host without 'www.', port, path (no trailing
    '/'), and query without tracking parameters (utm_*, fbclid...); scheme and fragment ignored."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    try:
        port = parts.port
    except ValueError:
        port = None
    if port in (80, 443):
        port = None
    path = parts.path.rstrip("/") or "/"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    )
    return f"{host}{f':{port}' if port else ''}{path}{f'?{query}' if query else ''}"


def key_hash(key: str) -> str:
    """The 12 hex digits of a key that end an article's file name."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def text_hash(text: str) -> str:
    """Equal for texts with the same words (case, spacing and punctuation aside)."""
    words = re.findall(r"\w+", text.casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
