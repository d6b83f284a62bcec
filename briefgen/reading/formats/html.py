"""Saved web pages (`.html`, `.htm`): main text and metadata through trafilatura.

trafilatura finds the article body (dropping navigation, ads, comments and related links) and the
page's metadata (title, site name, date, author, canonical URL). The article's text is the
extractor's text: one line per paragraph, list item or heading, each as the page printed it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import UnreadableInput
from ...models import RawDocument, Skipped
from ..clean import SENTENCE_END
from ..files import decode, read_bytes, reader
from . import language_code

MIN_WORDS_WITHOUT_SENTENCE = 50
CJK_SENTENCE_END = re.compile(r"[。！？][」』”）)]*$")

HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I)


def has_article_text(text: str) -> bool:
    """At least one real sentence (six words, or 20 characters of a script written without spaces,
    ending like a sentence), or a long text. Menus and link lists have neither."""
    if len(text.split()) >= MIN_WORDS_WITHOUT_SENTENCE:
        return True
    for line in text.splitlines():
        line = line.strip()
        if len(line.split()) >= 6 and SENTENCE_END.search(line):
            return True
        if len(line) >= 20 and CJK_SENTENCE_END.search(line):
            return True
    return False


def extract(data: bytes | str) -> tuple[str, dict[str, str]]:
    """(main text, metadata) of a web page. Raises `UnreadableInput` when it has no article text."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - trafilatura is a dependency
        raise UnreadableInput("HTML pages need trafilatura: pip install trafilatura") from None
    doc = trafilatura.bare_extraction(
        data,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=True,
        # Only dates the page states in its markup; no guessing from the text or the clock.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (doc.text if doc is not None else "") or ""
    if not has_article_text(text):
        found = f" (only {len(text.split())} words of menu or link text)" if text.strip() else ""
        raise UnreadableInput(f"no article text found in the HTML page{found}")
    meta: dict[str, str] = {}
    for key, value in (
        ("title", doc.title),
        ("outlet", doc.sitename),
        ("url", doc.url),
        ("published", doc.date),
        ("author", doc.author),
    ):
        if value and str(value).strip():
            meta[key] = " ".join(str(value).split())
    if meta.get("url", "").startswith(("http://", "https://")) is False:
        meta.pop("url", None)
    return text, meta


@reader(".html", ".htm", ".xhtml")
def read_html(path: Path, doc_id: str) -> list[RawDocument | Skipped]:
    data = read_bytes(path)
    if b"\x00" in data[:4096] or data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        # UTF-16 (or UTF-8 with BOM): decode ourselves; binary data is refused there.
        page: bytes | str = decode(data)
    else:
        page = data  # trafilatura honours the page's declared charset
    text, meta = extract(page)
    head = data[:4096] if isinstance(page, bytes) else page[:4096].encode("utf-8", "ignore")
    lang = HTML_LANG.search(head)
    if lang and language_code(lang.group(1).decode("ascii")):
        meta["language"] = language_code(lang.group(1).decode("ascii"))
    return [RawDocument(id=doc_id, path=str(path), text=text, meta=meta, kind="markup")]
