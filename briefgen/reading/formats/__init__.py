"""Readers for structured formats: web pages, RSS/Atom feeds, JSON Lines, e-mail.

Each module registers its reader with `briefgen.reading.files.reader(...)` on import; `briefgen.reading.files`
imports them all, so `read_path` knows every extension. Shared helpers live here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Elements that end a line when their content is turned into text.
BLOCK_TAGS = (
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "section", "article", "header", "footer", "aside",
    "figure", "hr", "address", "main", "nav", "form",
)  # fmt: skip
DROPPED_TAGS = ("script", "style", "noscript", "iframe", "object", "embed", "template", "svg", "figcaption")
# Feed content often carries captions, share bars and "related" boxes as classed elements.
FURNITURE_CLASS = re.compile(
    r"caption|credit|share|sharing|social|related|newsletter|subscribe|advert|promo|byline|tags", re.I
)
MAX_FURNITURE_CHARS = 300
LANG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")


def language_code(value: str | None) -> str:
    """'en-US' -> 'en'; '' when the value is not a language tag."""
    match = LANG.match(value or "")
    return match.group(1).lower() if match else ""


def unique_ids(ids: Iterable[str]) -> list[str]:
    """Make ids unique within one file: a repeated id gets -2, -3, ... (case-insensitive)."""
    seen: set[str] = set()
    out = []
    for base in ids:
        candidate, n = base, 2
        while candidate.lower() in seen:
            candidate, n = f"{base}-{n}", n + 1
        seen.add(candidate.lower())
        out.append(candidate)
    return out


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (e.g. a feed entry's content), one line per block element.

    Scripts, styles and figure captions are dropped; whitespace inside a block is collapsed.
    """
    if not fragment.strip():
        return ""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types for hopeless markup
        return ""
    for el in list(root.iter(*DROPPED_TAGS)):
        el.drop_tree()
    for el in [e for e in root.iter() if FURNITURE_CLASS.search(str(e.get("class") or ""))]:
        # Only short elements: a wrapper such as class="entry-content share-enabled" holds the story.
        if el.getparent() is not None and len(el.text_content()) <= MAX_FURNITURE_CHARS:
            el.drop_tree()
    for el in root.iter("br"):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter(*BLOCK_TAGS):
        el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
