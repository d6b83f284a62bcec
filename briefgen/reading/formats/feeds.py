"""RSS and Atom feeds (`.rss`, `.atom`, `.xml`): one article per entry, through feedparser.

An entry's full content (`content:encoded`, Atom `<content>`) is used when present, else its
summary; HTML is turned into text, one line per paragraph. Metadata comes from the entry (title,
link, date, author) and the feed (its title as the outlet, its language).

Safety: a feed that declares its own XML entities (`<!ENTITY`, the way "billion laughs" and
quadratic-blowup attacks work) is refused outright. feedparser is given the file's bytes, never a
path or URL, so it cannot fetch anything.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ...errors import UnreadableInput
from ...models import RawDocument, Skipped
from ..files import decode, read_bytes, reader
from . import html_to_text, language_code, unique_ids
from .newswire import read_archive, starts_with_doc

ENTITY_DECLARATION = re.compile(rb"<\s*!\s*ENTITY", re.I)
MARKUP_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def refuse_entities(data: bytes) -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        if "<!ENTITY".encode(encoding) in data.upper():
            break
    else:
        if not ENTITY_DECLARATION.search(data):
            return
    raise UnreadableInput(
        "feed declares XML entities (<!ENTITY>); refused as a possible entity-expansion bomb"
    )


def _entry_text(entry: Any) -> tuple[str, str]:
    """(text, kind) of an entry: its longest content, else its summary."""
    candidates = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content") or []]
    if entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        candidates.append((entry["summary"], detail.get("type") or "text/html"))
    best = ("", "")
    for value, ctype in candidates:
        markup = any(t in ctype.lower() for t in MARKUP_TYPES) or "<" in value
        text = html_to_text(value) if markup else value.strip()
        if len(text) > len(best[0]):
            best = (text, "markup" if markup else "text")
    return best


def _date(entry: Any) -> str:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
            except ValueError:
                continue
    return ""


def _author(entry: Any) -> str:
    detail = entry.get("author_detail") or {}
    return detail.get("name") or entry.get("author") or ""


@reader(".rss", ".atom", ".xml", ".rdf")
def read_feed(path: Path, doc_id: str) -> list[RawDocument | Skipped]:
    import feedparser

    from ...text import slugify

    data = read_bytes(path)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"<\x00" not in data:
        raise UnreadableInput("binary file (contains NUL bytes), not a feed")
    refuse_entities(data)
    # An .xml file of <DOC> stories is a newswire archive, not a feed.
    if data.lstrip()[:1] == b"<" and starts_with_doc(data[:4096].decode("utf-8", "replace")):
        return read_archive(decode(data), path, doc_id)
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f": {problem}" if problem else ""
        raise UnreadableInput(f"not an RSS or Atom feed{detail}")
    if not parsed.entries:
        raise UnreadableInput("feed has no entries")
    feed = parsed.feed
    outlet = " ".join(str(feed.get("title") or "").split())
    language = language_code(feed.get("language"))
    found: list[tuple[str, RawDocument]] = []
    problems: list[Skipped] = []
    for n, entry in enumerate(parsed.entries, start=1):
        text, kind = _entry_text(entry)
        title = " ".join(str(entry.get("title") or "").split())
        if not text.strip():
            problems.append(Skipped(str(path), f"entry {n} ({title or 'untitled'}): no text", partial=True))
            continue
        meta = {
            "title": title,
            "outlet": outlet,
            "url": str(entry.get("link") or ""),
            "published": _date(entry),
            "author": " ".join(_author(entry).split()),
            "language": language,
        }
        meta = {k: v for k, v in meta.items() if v}
        if not meta.get("url", "").startswith(("http://", "https://")):
            meta.pop("url", None)
        base = (
            f"{doc_id}-{slugify(title, 48)}" if title and slugify(title, 48) != "topic" else f"{doc_id}-{n}"
        )
        found.append((base, RawDocument(id=base, path=str(path), text=text, meta=meta, kind=kind)))
    if not found:
        raise UnreadableInput(f"feed has {len(parsed.entries)} entries but none with text")
    ids = unique_ids(base for base, _ in found)
    docs: list[RawDocument | Skipped] = [
        RawDocument(id=i, path=d.path, text=d.text, meta=d.meta, kind=d.kind)
        for i, (_, d) in zip(ids, found, strict=True)
    ]
    return docs + problems
