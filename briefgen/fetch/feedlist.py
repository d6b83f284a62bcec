"""The feeds file: which feeds `briefgen fetch` reads, in YAML or OPML.

YAML, either a list of feeds or a mapping with `feeds:` and the options below:

    feeds:
      - https://example.org/rss.xml              # a URL alone
      - url: https://news.example.com/atom.xml
        outlet: Example News                     # the outlet named in the briefs (else the feed's title)
        full_page: true                          # fetch each article page even when the feed has content
    allow_hosts: [intranet.example]              # hosts that may resolve to private addresses
    delay: 1.0                                   # seconds between two requests to one host
    contact: mailto:news-desk@example.org        # added to the User-Agent, for site owners

OPML (what feed readers export): every `<outline xmlUrl="...">`, at any depth; its `title` (or
`text`) names the outlet. XML entity declarations are refused, as in reading.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import BriefgenError, UnreadableInput
from ..reading.files import refuse_entity_declarations

FEED_KEYS = ("url", "outlet", "full_page")
FILE_KEYS = ("feeds", "allow_hosts", "delay", "contact")


@dataclass(frozen=True)
class Feed:
    url: str
    outlet: str = ""
    """The outlet's name as configured; the feed's own title is used when empty."""
    full_page: bool = False
    """Fetch the article page even when the entry carries its full content."""


@dataclass(frozen=True)
class FeedList:
    feeds: tuple[Feed, ...]
    allow_hosts: frozenset[str] = frozenset()
    delay: float | None = None
    contact: str = ""


def load_feed_list(path: Path) -> FeedList:
    """Read a YAML or OPML feeds file; every problem is reported at once as a `BriefgenError`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BriefgenError(f"cannot read feeds file {path}: {exc.strerror or exc}") from None
    head = data.lstrip()[:200].lower()
    if path.suffix.lower() in (".opml", ".xml") or head.startswith((b"<?xml", b"<opml")):
        return _from_opml(path, data)
    return _from_yaml(path, data)


def _from_opml(path: Path, data: bytes) -> FeedList:
    import xml.etree.ElementTree as ET

    try:
        refuse_entity_declarations(data)
    except UnreadableInput as exc:
        raise BriefgenError(f"feeds file {path}: {exc}") from None
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise BriefgenError(f"feeds file {path}: malformed OPML ({exc})") from None
    feeds = [
        Feed(url=url.strip(), outlet=" ".join((o.get("title") or o.get("text") or "").split()))
        for o in root.iter("outline")
        if (url := o.get("xmlUrl") or o.get("xmlurl"))
    ]
    if not feeds:
        raise BriefgenError(f"feeds file {path}: no <outline xmlUrl=...> in the OPML file")
    return FeedList(tuple(_unique(feeds)))


def _from_yaml(path: Path, data: bytes) -> FeedList:
    import yaml

    try:
        loaded: Any = yaml.safe_load(data.decode("utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise BriefgenError(f"feeds file {path}: not valid YAML or OPML ({exc})") from None
    errors: list[str] = []
    options: dict[str, Any] = {}
    if isinstance(loaded, dict):
        options = loaded
        for key in options:
            if key not in FILE_KEYS:
                errors.append(f"unknown key {key!r} (known: {', '.join(FILE_KEYS)})")
        items = options.get("feeds")
    else:
        items = loaded
    if not isinstance(items, list) or not items:
        raise BriefgenError(f"feeds file {path}: expected a list of feeds, or a mapping with a 'feeds:' list")
    feeds: list[Feed] = []
    for n, item in enumerate(items, start=1):
        if isinstance(item, str):
            item = {"url": item}
        if not isinstance(item, dict):
            errors.append(f"feed {n}: expected a URL or a mapping with 'url', got {item!r}")
            continue
        unknown = [k for k in item if k not in FEED_KEYS]
        if unknown:
            errors.append(
                f"feed {n}: unknown key(s) {', '.join(map(repr, unknown))} (known: {', '.join(FEED_KEYS)})"
            )
        url, outlet, full_page = item.get("url"), item.get("outlet", ""), item.get("full_page", False)
        if not isinstance(url, str) or not url.strip():
            errors.append(f"feed {n}: missing 'url'")
            continue
        if not isinstance(outlet, str) or not isinstance(full_page, bool):
            errors.append(f"feed {n}: 'outlet' must be text and 'full_page' true or false")
            continue
        feeds.append(Feed(url=url.strip(), outlet=" ".join(outlet.split()), full_page=full_page))
    hosts = options.get("allow_hosts", [])
    if isinstance(hosts, str):
        hosts = [hosts]
    if not isinstance(hosts, list) or not all(isinstance(h, str) for h in hosts):
        errors.append("'allow_hosts' must be a list of host names")
        hosts = []
    delay = options.get("delay")
    if delay is not None and (
        isinstance(delay, bool) or not isinstance(delay, int | float) or not math.isfinite(delay) or delay < 0
    ):
        errors.append(f"'delay' must be a number of seconds (0 or more), got {delay!r}")
        delay = None
    contact = options.get("contact", "")
    if not isinstance(contact, str) or any(c in contact for c in "\r\n()"):
        errors.append("'contact' must be one line of text (a URL or an e-mail address), without parentheses")
        contact = ""
    if errors:
        raise BriefgenError(f"feeds file {path}: " + "; ".join(errors))
    return FeedList(
        tuple(_unique(feeds)),
        frozenset(normalize_host(h) for h in hosts),
        float(delay) if delay is not None else None,
        contact.strip(),
    )


def normalize_host(host: str) -> str:
    """'Example.ORG' -> 'example.org'; '[::1]' -> '::1'; 'bücher.example' -> 'xn--bcher-kva.example'
    (as the client compares them)."""
    host = host.strip().strip("[]").lower()
    try:
        return host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return host


def _unique(feeds: list[Feed]) -> list[Feed]:
    seen: set[str] = set()
    out = []
    for feed in feeds:
        if feed.url not in seen:
            seen.add(feed.url)
            out.append(feed)
    return out
