"""An article from a raw document: text repaired, paragraphs rebuilt, header taken, boilerplate cleaned."""

from __future__ import annotations

from ..models import Article, RawDocument
from .chars import repair
from .clean import clean_lines
from .lines import rebuild
from .metadata import guess_from_text, parse_iso_date, take_header


def to_article(raw: RawDocument) -> Article:
    """Clean a raw document into an Article: explicit metadata first, guesses for the gaps."""
    meta = raw.meta
    markup = raw.kind == "markup"
    lines = repair(raw.text).split("\n")
    # An extractor took markup's paragraphs from its structure; plain text's are rebuilt from its lines.
    rebuilt = rebuild(lines) if not markup else None
    paragraphs = list(rebuilt.paragraphs) if rebuilt else lines
    body_lines, guess, header_removed = take_header(paragraphs, meta.get("title", ""), markup=markup)
    cleaned = clean_lines(body_lines, markup=markup)
    removed = list(rebuilt.removed if rebuilt else ()) + list(header_removed) + list(cleaned.removed)
    guess = guess_from_text(list(cleaned.lines), removed, guess)
    published = parse_iso_date(meta["published"]) if meta.get("published") else guess.published
    guessed = tuple((name, how) for name, how in guess.how.items() if not meta.get(name))
    return Article(
        id=raw.id,
        path=raw.path,
        text="\n\n".join(cleaned.lines),
        title=meta.get("title") or guess.title or raw.id,
        outlet=meta.get("outlet") or guess.outlet,
        url=meta.get("url", ""),
        published=published,
        author=meta.get("author") or guess.author,
        topic=meta.get("topic", ""),
        language=meta.get("language", "en"),
        removed=tuple(removed),
        guessed=guessed,
        read_words=len(" ".join(paragraphs).split()),
        tables=cleaned.tables,
    )
