"""Cleaning: drop boilerplate lines (teasers, appeals, captions, footers), keep what was removed.

Works line by line on the text as printed. Kept lines are never rewritten, only selected, so every
sentence found later is a verbatim substring of the input. Each dropped line is kept with its reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import ftfy

from .models import Article, RawDocument, RemovedLine

# (pattern, reason). Matched against a stripped line, case-insensitively.
LINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), reason)
    for pattern, reason in (
        (r"^(read|read more|also read|see also|watch|listen)\s*[:|-]", "teaser for another article"),
        (r"^also read$|^read more$|^recommended( for you)?$|^more from\b.*$", "teaser for another article"),
        (r"^related( articles| stories| posts| content| news)?:?$", "related-articles block"),
        (r"^(leave|post|add) a comment$|^\d*\s*comments?$|\bno comments on\b", "comments prompt"),
        (r"login to (facebook|twitter)|sign in to comment|^comments are closed", "comments prompt"),
        (r"\b(make|consider making) a (small )?(donation|contribution)\b", "donation appeal"),
        (r"^(please )?(donate|support (us|our work|independent journalism))\b", "donation appeal"),
        (r"^(sign up|subscribe)\b|\bsubscribe to\b.*\b(newsletter|news|updates)\b", "newsletter appeal"),
        (r"\bnewsletter\b.*\binbox\b|^enter your e-?mail", "newsletter appeal"),
        (r"^(connect|follow) (with )?us\b|^follow (the )?[\w .]+ on (facebook|twitter|x)\b", "social prompt"),
        (r"^(share|tweet|email|print|whatsapp|pinterest)( this( article| story)?)?$", "social prompt"),
        (r"^(copyright|©|\(c\))\s|\ball rights reserved\b", "copyright footer"),
        (r"^back to top$|^skip to (main )?content$|^advertisement$|^sponsored$", "page furniture"),
        (r"\((image|photo|picture|video) credit:?[^)]*\)\s*$|^(image|photo)( credit)?:\s", "image credit"),
        (r"^home\s*[›>/»|\"']|^home[A-Z][a-z]+$", "breadcrumb"),
        (r"^\d+\s*(min|mins|minute|minutes)\s+read$", "reading time"),
    )
)

# A line that is only a truncated dateline, e.g. "TOKYO (AP) — U".
DATELINE_FRAGMENT = re.compile(r"^[A-Z][A-Z .,'’-]*\s*\([A-Za-z]{2,10}\)\s*[—–-]+\s*\S{0,3}$")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
STRONG_FOOTER = {"related-articles block", "comments prompt", "copyright footer"}
MAX_HEADING_WORDS = 20
MAX_FOOTER_MARKER_WORDS = 12


@dataclass(frozen=True)
class Cleaned:
    """Cleaning result: kept lines in order (as printed), and what was removed."""

    lines: tuple[str, ...]
    removed: tuple[RemovedLine, ...]


def repair(text: str) -> str:
    """Repair mojibake and line breaks without touching quotes, dashes or widths."""
    return ftfy.fix_text(
        text,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization=None,
        explain=False,
    )


MATCH_FORM = str.maketrans(
    {
        **dict.fromkeys("“”„‟«»″〝〞＂", '"'),
        **dict.fromkeys("‘’‚‛′‹›＇`´", "'"),
        **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
        **dict.fromkeys("\u00a0\u2007\u202f\u200b\ufeff", " "),
    }
)


def match_form(text: str) -> str:
    """The text normalised for matching only (NFKC, straight quotes, ASCII dashes, single spaces).

    Never shown: citations and the article's text keep the characters as printed.
    """
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).translate(MATCH_FORM)).strip()


def is_sentence_like(line: str) -> bool:
    return bool(SENTENCE_END.search(line))


def classify(line: str) -> str | None:
    """The reason a line is boilerplate, or None to keep it."""
    line = match_form(line)
    for pattern, reason in LINE_RULES:
        if pattern.search(line):
            return reason
    if DATELINE_FRAGMENT.match(line):
        return "truncated dateline"
    return None


def clean_lines(lines: list[str], markup: bool = False) -> Cleaned:
    """Select the body lines of an article; headings and captions that are not sentences go too.

    With `markup` (lines an extractor took from HTML structure), only boilerplate lines go:
    the extractor already told headings and paragraphs apart, and short real paragraphs must stay.
    """
    kept: list[str] = []
    removed: list[RemovedLine] = []
    stripped = [line.strip() for line in lines]
    n = len(stripped)
    footer_from = n
    for i, line in enumerate(stripped):
        # A short strong footer marker in the last third of the page: everything after is footer.
        if (
            line
            and i >= n * 2 / 3
            and len(line.split()) <= MAX_FOOTER_MARKER_WORDS
            and classify(line) in STRONG_FOOTER
        ):
            footer_from = i
            break
    for i, line in enumerate(stripped):
        if not line:
            continue
        reason = classify(line)
        if reason is None and i >= footer_from:
            reason = "page footer"
        if reason is None and not is_sentence_like(line):
            nxt = next((s for s in stripped[i + 1 :] if s), "")
            if classify(nxt) == "image credit":
                reason = "image caption"
            elif not markup and len(line.split()) <= MAX_HEADING_WORDS:
                reason = "heading or caption (not a sentence)"
        if reason:
            removed.append(RemovedLine(line, reason))
        else:
            kept.append(line)
    return Cleaned(tuple(kept), tuple(removed))


def to_article(raw: RawDocument) -> Article:
    """Clean a raw document into an Article: explicit metadata first, guesses for the gaps."""
    from .metadata import guess_from_text, parse_iso_date, take_header

    meta = raw.meta
    markup = raw.kind == "markup"
    lines = repair(raw.text).split("\n")
    body_lines, guess, header_removed = take_header(lines, meta.get("title", ""), markup=markup)
    cleaned = clean_lines(body_lines, markup=markup)
    removed = list(header_removed) + list(cleaned.removed)
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
    )
