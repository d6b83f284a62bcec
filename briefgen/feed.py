"""The Atom feed of the site (`feed.xml`): one entry per topic, most recently updated first.

Deterministic: dates come from the articles (never the clock), entries are sorted, and every piece of
article text is XML-escaped by the serializer (the entry content is plain text, never HTML).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 50
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class FeedEntry:
    slug: str
    title: str
    updated: str  # ISO date, may be empty
    summary: str


def xml_text(text: str) -> str:
    """Text XML 1.0 can carry: control characters dropped (the serializer escapes the rest)."""
    return XML_INVALID.sub("", " ".join(text.split()))


def _timestamp(date: str) -> str:
    return f"{date or '2000-01-01'}T00:00:00Z"


def atom_feed(
    entries: Sequence[FeedEntry], site_name: str, site_url: str = "", limit: int = FEED_ENTRIES
) -> str:
    """The Atom document. Links are absolute when `site_url` is known, else relative to the feed."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    ordered = sorted(entries, key=lambda e: (e.updated, e.slug), reverse=True)[:limit]
    feed = ET.Element("feed", {"xmlns": ATOM})
    ET.SubElement(feed, "title").text = xml_text(site_name)
    ET.SubElement(feed, "id").text = f"{base}feed.xml" if base else "urn:briefgen:" + quote(site_name)
    ET.SubElement(feed, "updated").text = _timestamp(max((e.updated for e in entries), default=""))
    ET.SubElement(feed, "link", {"rel": "self", "href": f"{base}feed.xml"})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": base or "./"})
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = "briefgen"
    ET.SubElement(feed, "generator").text = "briefgen"
    for e in ordered:
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "title").text = xml_text(e.title)
        page = f"{base}topics/{e.slug}/"
        ET.SubElement(entry, "id").text = page if base else f"urn:briefgen:topic:{e.slug}"
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": page})
        ET.SubElement(entry, "updated").text = _timestamp(e.updated)
        ET.SubElement(entry, "summary", {"type": "text"}).text = xml_text(e.summary)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
