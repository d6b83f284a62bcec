"""`briefgen fetch`: new articles from the outlets' feeds, written as Markdown files for `build`.

1. Every feed is requested (conditionally, with the validators of the last run), hosts in parallel,
   one request at a time per host (see `net`). A feed that fails is reported and the others go on.
2. The entries of the feeds that changed are taken in the feeds file's order: an entry whose URL key
   (`state.url_key`) was fetched before, or is already the name of a file in the articles folder, is
   left alone; `--since` and `--max-per-feed` apply to the rest.
3. An entry's text is its full content when the feed carries it (content longer than its summary),
   otherwise its page is fetched and the article extracted with trafilatura.
4. Articles are written in that same order, one Markdown file each with YAML front matter; an article
   whose text equals one written before (same words) is skipped. A feed's validators are kept only
   when all its entries were dealt with, so an entry that failed for a passing reason (a timeout, a
   5xx) is tried again next run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar
from urllib.parse import urljoin

from ..errors import BriefgenError, UnreadableInput
from ..reading.files import refuse_entity_declarations
from .feedlist import Feed, FeedList
from .net import FEED_TYPES, PAGE_TYPES, Client, FetchError, Policy, Response, host_key
from .state import FetchState, key_hash, load_state, save_state, state_path, text_hash, url_key

NAME_KEY = r"-([0-9a-f]{12})\.md$"
MAX_SLUG = 60
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class FetchOptions:
    into: Path
    """The articles folder; nothing is written anywhere else in it but `*.md` files."""
    cache_dir: Path
    """Where the state between runs lives (`fetch/state.json`)."""
    since: dt.date | None = None
    """Entries published before this day are left out."""
    max_per_feed: int | None = None
    """At most this many new articles per feed and run (the first the feed lists)."""
    policy: Policy = Policy()
    workers: int = 8
    """Hosts fetched from at once."""


@dataclass(frozen=True)
class Problem:
    what: str
    """The feed or entry URL (or the entry's title when it has no URL)."""
    reason: str
    error: bool = True
    """False for what is left out on purpose (--since, --max-per-feed, a duplicate)."""


@dataclass
class FetchReport:
    checked: int = 0
    not_modified: int = 0
    written: list[Path] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    """Entries not written, with the reason."""
    failed: list[Problem] = field(default_factory=list)
    """Feeds that could not be read, with the reason."""
    known: int = 0
    """Entries of changed feeds fetched by an earlier run (not counted as skipped)."""
    requests: int = 0
    conditional: int = 0
    bytes: int = 0
    seconds: float = 0.0

    @property
    def errors(self) -> int:
        """Failed feeds and entries skipped because something went wrong (what --strict fails on)."""
        return len(self.failed) + sum(p.error for p in self.skipped)

    def summary_line(self, into: Path) -> str:
        return (
            f"{self.checked} feeds checked: {self.not_modified} not modified, {len(self.written)} new "
            f"{'article' if len(self.written) == 1 else 'articles'}, {len(self.skipped)} skipped, "
            f"{len(self.failed)} failed -> {into}/ ({self.requests} requests, {self.bytes:,} bytes received, "
            f"{self.seconds:.1f} s)"
        )


@dataclass
class Entry:
    """One new feed entry on its way to becoming an article file."""

    feed: int
    """Index of its feed in the feeds file."""
    key: str
    url: str
    meta: dict[str, str]
    published: dt.date | None
    content: str = ""
    """The full text the feed carries ('' when the page is to be fetched)."""
    fetch_page: bool = False
    text: str = ""
    problem: Problem | None = None
    retry: bool = False
    """The problem may go away by itself (the feed's validators are not kept, so it is tried again)."""
    keys: tuple[str, ...] = ()
    """Every URL key the article goes by (entry link, final URL, the page's canonical link)."""


def fetch(feed_list: FeedList, options: FetchOptions) -> FetchReport:
    """Fetch the new entries of every feed into `options.into` (see the module's docstring)."""
    start = time.monotonic()
    into = options.into
    if into.exists() and not into.is_dir():
        raise BriefgenError(f"--into {into} is not a folder")
    into.mkdir(parents=True, exist_ok=True)
    state_file = state_path(options.cache_dir)
    if state_file.resolve().is_relative_to(into.resolve()):
        raise BriefgenError(f"the cache folder {options.cache_dir} lies inside the articles folder {into}")
    state_file.parent.mkdir(parents=True, exist_ok=True)
    with open(state_file.parent / "lock", "w") as lock:
        _lock(lock, options.cache_dir)
        state = load_state(options.cache_dir)
        policy = options.policy
        client = Client(policy, state.robots)
        try:
            report = _run(feed_list, options, state, client)
        finally:
            client.close()
        today = dt.date.today()
        state.prune(today)
        save_state(options.cache_dir, state)
    report.requests = client.counters.requests
    report.conditional = client.counters.conditional
    report.bytes = client.counters.bytes
    report.seconds = time.monotonic() - start
    return report


def _lock(handle: IO[str], cache_dir: Path) -> None:
    """Hold the cache's fetch lock until `handle` is closed (POSIX; elsewhere no lock is taken)."""
    try:
        import fcntl
    except ImportError:
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise BriefgenError(f"another `briefgen fetch` is using {cache_dir}; try again later") from None


def _run(feed_list: FeedList, options: FetchOptions, state: FetchState, client: Client) -> FetchReport:
    report = FetchReport(checked=len(feed_list.feeds))
    today = dt.date.today().isoformat()
    feeds = feed_list.feeds

    def get_feed(feed: Feed) -> Response | FetchError:
        try:
            return client.get(feed.url, kinds=FEED_TYPES, validators=state.feeds.get(feed.url))
        except FetchError as exc:
            return exc

    responses = _per_host(feeds, lambda f: f.url, get_feed, options.workers)
    in_folder = _keys_in_folder(options.into)
    taken: set[str] = set()  # URL keys of this run's entries
    entries: list[Entry] = []
    changed: list[int] = []
    for n, (feed, response) in enumerate(zip(feeds, responses, strict=True)):
        if isinstance(response, FetchError):
            report.failed.append(Problem(feed.url, str(response)))
            continue
        if response.status == 304:
            report.not_modified += 1
            continue
        try:
            found = _entries(n, feed, response)
        except UnreadableInput as exc:
            report.failed.append(Problem(feed.url, str(exc)))
            continue
        changed.append(n)
        new = 0
        for entry in found:
            if entry.key in state.urls or key_hash(entry.key) in in_folder:
                if entry.key in state.urls:
                    state.urls[entry.key] = today
                report.known += 1
                continue
            if entry.problem is not None:  # no link and no text: nothing to fetch
                pass
            elif entry.key in taken:
                entry.problem = Problem(entry.url, "same URL as an entry listed before in this run", False)
            elif options.since and entry.published and entry.published < options.since:
                entry.problem = Problem(
                    entry.url or entry.meta.get("title", ""), "published before --since", False
                )
            elif options.max_per_feed is not None and new >= options.max_per_feed:
                entry.problem = Problem(entry.url, f"over --max-per-feed {options.max_per_feed}", False)
                entry.retry = True  # still new next run
            else:
                new += 1
            taken.add(entry.key)
            entries.append(entry)

    pages = [e for e in entries if e.problem is None and e.fetch_page]
    _per_host(pages, lambda e: e.url, lambda e: _fetch_page(client, e), options.workers)

    written_texts: dict[str, Path] = {}
    retry_feeds: set[int] = set()
    for entry in entries:
        if entry.problem is None:
            _write(entry, options.into, state, written_texts, report, today)
        if entry.problem is not None:
            report.skipped.append(entry.problem)
        if entry.retry:
            retry_feeds.add(entry.feed)
    listed = {feed.url for feed in feeds}
    state.feeds = {url: v for url, v in state.feeds.items() if url in listed}  # feeds no longer listed
    for n in changed:
        response = responses[n]
        assert isinstance(response, Response)
        if n in retry_feeds or not response.validators:
            state.feeds.pop(feeds[n].url, None)
        else:
            state.feeds[feeds[n].url] = response.validators
    return report


def _per_host(items: Iterable[T], url: Callable[[T], str], work: Callable[[T], R], workers: int) -> list[R]:
    """`work` on every item: items of one host one after the other, hosts in parallel; results in order."""
    items = list(items)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        groups[host_key(url(item))].append(i)
    results: list[Any] = [None] * len(items)

    def run(indexes: list[int]) -> None:
        for i in indexes:
            results[i] = work(items[i])

    if groups:
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(groups)))) as pool:
            for future in [pool.submit(run, indexes) for indexes in groups.values()]:
                future.result()
    return results


def _keys_in_folder(into: Path) -> set[str]:
    import re

    pattern = re.compile(NAME_KEY)
    return {m.group(1) for name in os.listdir(into) if (m := pattern.search(name))}


def _entries(n: int, feed: Feed, response: Response) -> list[Entry]:
    """The entries of a feed response, in the feed's order; `UnreadableInput` if it is no feed."""
    import feedparser

    from ..reading.formats import html_to_text, language_code

    refuse_entity_declarations(response.body)
    parsed = _parse_feed(feedparser, response)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise UnreadableInput("not an RSS, Atom or RDF feed" + (f" ({problem})" if problem else ""))
    outlet = feed.outlet or " ".join(str(parsed.feed.get("title") or "").split())
    language = language_code(parsed.feed.get("language"))
    found = []
    for number, item in enumerate(parsed.entries, start=1):
        link = _link(response.url, str(item.get("link") or ""))
        contents = [html_to_text(c.get("value") or "") for c in item.get("content") or []]
        content = max(contents, key=len, default="")
        summary = html_to_text(str(item.get("summary") or ""))
        full = bool(content.strip()) and len(content) >= len(summary)
        title = " ".join(str(item.get("title") or "").split())
        published = _published(item)
        meta = {
            "title": title,
            "outlet": outlet,
            "author": " ".join(
                str((item.get("author_detail") or {}).get("name") or item.get("author") or "").split()
            ),
            "published": published.date().isoformat() if published else "",
            "url": link,
            "language": language,
        }
        if link:
            key = url_key(link)
        else:
            ident = str(item.get("id") or "") or title + content
            key = f"{url_key(response.url)}#{text_hash(ident)[:16]}"
        entry = Entry(feed=n, key=key, url=link, meta=meta, published=published.date() if published else None)
        entry.keys = (key,)
        entry.content = content if full else ""
        entry.fetch_page = bool(link) and (feed.full_page or not full)
        if not link and not full:
            what = title or f"entry {number} of {feed.url}"
            entry.problem = Problem(what, "no link to the article and no full content in the feed")
        found.append(entry)
    return found


def _parse_feed(feedparser: Any, response: Response) -> Any:
    """feedparser's reading of a feed response (never a URL: it cannot fetch anything)."""
    try:
        return feedparser.parse(
            response.body,
            sanitize_html=True,
            resolve_relative_uris=True,
            response_headers={
                "content-location": response.url,
                "content-type": response.headers.get("content-type", ""),
            },
        )
    except Exception as exc:  # feedparser should not raise; a bug there must not stop the other feeds
        raise UnreadableInput(f"feed could not be parsed ({type(exc).__name__}: {exc})") from None


def _link(base: str, link: str) -> str:
    """The entry's absolute http(s) link, or '' (none, another scheme, or not a valid URL)."""
    try:
        absolute = urljoin(base, link.strip()) if link.strip() else ""
        url_key(absolute)  # raises ValueError on what urlsplit cannot read
    except ValueError:
        return ""
    return absolute if absolute.lower().startswith(("http://", "https://")) else ""


def _published(item: Any) -> dt.datetime | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = item.get(name)
        if parsed:
            try:
                return dt.datetime(*parsed[:6], tzinfo=dt.UTC)
            except (TypeError, ValueError):
                continue
    return None


def _fetch_page(client: Client, entry: Entry) -> None:
    """Fetch and extract the entry's page into `entry.text` (or set `entry.problem`); the feed's
    content stays the fallback of a `full_page` feed."""
    import trafilatura

    try:
        response = client.get(entry.url, kinds=PAGE_TYPES)
        refuse_entity_declarations(response.body)
    except FetchError as exc:
        if not entry.content:
            entry.problem = Problem(entry.url, str(exc))
            entry.retry = exc.retry_next_run
        return
    except UnreadableInput as exc:
        if not entry.content:
            entry.problem = Problem(entry.url, f"page refused: {exc}")
        return
    try:
        doc = trafilatura.bare_extraction(
            response.body, url=response.url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # a page trafilatura cannot handle must not stop the other entries
        if not entry.content:
            entry.problem = Problem(entry.url, f"page could not be extracted ({type(exc).__name__})")
        return
    text = str(getattr(doc, "text", "") or "").strip()
    if not text:
        if not entry.content:
            entry.problem = Problem(entry.url, "no article text found on the page")
        return
    entry.text = text
    keys = [entry.key, url_key(response.url)]
    canonical = str(getattr(doc, "url", "") or "")
    if canonical.lower().startswith(("http://", "https://")):
        keys.append(url_key(canonical))
        entry.meta["url"] = canonical
    else:
        entry.meta["url"] = response.url
    entry.keys = tuple(dict.fromkeys(keys))
    for name, attr in (("title", "title"), ("author", "author"), ("outlet", "sitename")):
        if not entry.meta.get(name):
            entry.meta[name] = " ".join(str(getattr(doc, attr, "") or "").split())
    if not entry.meta.get("published") and getattr(doc, "date", None):
        with contextlib.suppress(ValueError):
            entry.published = dt.date.fromisoformat(str(doc.date)[:10])
            entry.meta["published"] = entry.published.isoformat()


def _write(
    entry: Entry,
    into: Path,
    state: FetchState,
    written_texts: dict[str, Path],
    report: FetchReport,
    today: str,
) -> None:
    """Write the entry's article file, or set `entry.problem` when it is a copy of another."""
    import yaml

    from ..cache import atomic_write
    from ..text import slugify

    text = entry.text or entry.content
    if not text.strip():
        entry.problem = Problem(entry.url or entry.meta.get("title", ""), "no article text")
        return
    # An article written earlier in this run may go by one of this entry's keys (a link that
    # redirects to it, the same canonical page): then this is the same article.
    for key in entry.keys:
        if key in state.urls:
            entry.problem = Problem(entry.url, f"same article as an earlier entry ({key})", False)
            return
    digest = text_hash(text)
    if digest in written_texts:
        entry.problem = Problem(entry.url, f"same text as {written_texts[digest]}", False)
        return
    if digest in state.texts:
        state.texts[digest] = today
        entry.problem = Problem(entry.url, "same text as an article fetched before", False)
        return
    fetched = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    meta = {k: entry.meta.get(k, "") for k in ("title", "outlet", "author", "published", "url", "language")}
    meta["fetched"] = fetched
    front = yaml.safe_dump(
        {k: v for k, v in meta.items() if v}, allow_unicode=True, sort_keys=False, width=10**6
    )
    day = (entry.published.isoformat() if entry.published else today)[:10]
    name = f"{day}-{slugify(entry.meta.get('title') or 'article', MAX_SLUG)}-{key_hash(entry.key)}.md"
    path = into / name
    if path.resolve().parent != into.resolve():  # the name is built from safe parts; make sure
        entry.problem = Problem(entry.url, f"file name {name!r} would leave {into}")
        return
    paragraphs = [" ".join(line.split()) for line in text.split("\n")]
    body = "\n\n".join(p for p in paragraphs if p)
    atomic_write(path, f"---\n{front}---\n\n{body}\n".encode())
    written_texts[digest] = path
    for key in entry.keys:
        state.urls[key] = today
    state.texts[digest] = today
    report.written.append(path)
