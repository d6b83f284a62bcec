"""The reading stage: every input file read, cleaned and cut to the limits, each failure a reason.

One way through, one module a step (each imports only the steps before it):

    files.py, formats/   bytes -> text: a file found, admitted, decoded; one `RawDocument` per article
    chars.py             text repaired (mojibake, line ends); match forms of text
    lines.py             lines -> paragraphs: hard wraps, sentence-per-line breaks, indented paragraphs,
                         PDF page furniture (running headers, page numbers, form feeds)
    clean.py             paragraphs -> body: boilerplate (teasers, captions, footers) removed with reasons
    split.py             sentences with offsets
    metadata.py          title, date, byline and outlet taken from the top of the text
    article.py           a `RawDocument` -> an `Article` (the steps above in order)
    __init__.py          every input file -> `Article`s, plus what was skipped and why

Shared by `briefgen build` and the commands that read articles (`brief`, `summarize`, `topics`,
`eval`); it imports only what reading needs, so they start fast.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..accounting import HEAVY_CLEANING, printable
from ..config import Limits
from ..errors import UnreadableInput
from ..fsutil import safe_name
from ..models import Article, RawDocument, Skipped, renamed
from .article import to_article
from .files import admit, file_size_limit, read_path, scan

T = TypeVar("T")


def progress(items: Iterable[Any], quiet: bool, desc: str, total: int | None = None) -> Iterable[Any]:
    """`items` with a progress bar on a terminal (tqdm is imported only then)."""
    if quiet or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, desc=desc, total=total, leave=False)


@dataclass
class Reading:
    """What reading gave: articles, skipped files with their reason, and limits applied per file."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)


def read_articles(
    paths: Sequence[Path], root: Path | None = None, quiet: bool = True
) -> tuple[list[Article], list[Skipped]]:
    """Read and clean every file; a file that fails is skipped with its reason, never raised."""
    reading = read_inputs(paths, root, Limits(), quiet)
    return reading.articles, reading.skipped


def read_inputs(
    paths: Sequence[Path],
    root: Path | None = None,
    limits: Limits | None = None,
    quiet: bool = True,
    roots: Sequence[Path | None] | None = None,
    read: Callable[[Path, Path | None, Limits, list[str]], list[Article]] | None = None,
    signatures: dict[str, bytes] | None = None,
    lstats: dict[Path, Any] | None = None,
) -> Reading:
    """Read and clean every file within `limits`. A file gives articles or one skip reason, never
    both and never an exception: an unexpected error in a reader skips that file and says so.

    `roots` (one per path) replaces `root` when the paths come from several folders. `read` replaces
    `read_file` (same arguments and result), e.g. by a memo of it; `signatures` is a memo of the
    articles' MinHash signatures for `dedupe.infer_metadata`; `lstats`: `os.lstat` of files taken
    earlier in this build (`ReadingCache.prefetch`)."""
    limits = limits or Limits()
    read = read or read_file
    reading = Reading()
    ids: set[str] = set()
    # Next suffix to try per id: ids only get taken, so the suffixes tried before stay taken and the
    # search goes on where it stopped (a thousand folders each with an `a.md` stay linear).
    next_suffix: dict[str, int] = {}
    file_roots = list(roots) if roots is not None else [root] * len(paths)
    with file_size_limit(limits.max_file_bytes):
        for n, path in enumerate(progress(paths, quiet, "reading", total=len(paths))):
            root = file_roots[n]
            key = printable(str(path))
            notes: list[str] = []
            try:
                if n >= limits.max_input_files:
                    raise UnreadableInput(f"too many input files (limit max_input_files = {n:,})")
                if root is not None:
                    admit(path, root, lstats.get(path) if lstats else None)
                found = read(path, root, limits, notes)
            except UnreadableInput as exc:
                reading.skipped.append(Skipped(key, str(exc)))
            except Exception as exc:  # a bug in a reader must not stop the build
                reading.skipped.append(
                    Skipped(
                        key,
                        f"internal error while reading ({type(exc).__name__}: "
                        f"{str(exc)[:200]}); please report this bug",
                    )
                )
            else:
                reading.skipped.extend(
                    Skipped(key, n[len("part skipped: ") :], partial=True)
                    for n in notes
                    if n.startswith("part skipped: ")
                )
                for article in found:
                    unique = article.id
                    page = safe_name(unique).casefold()
                    if page in ids:
                        k = next_suffix.get(article.id, 2)
                        while safe_name(f"{article.id}-{k}").casefold() in ids:
                            k += 1
                        unique, next_suffix[article.id] = f"{article.id}-{k}", k + 1
                        page = safe_name(unique).casefold()
                    ids.add(page)
                    if unique != article.id or key != article.path:
                        article = renamed(article, id=unique, path=key)
                    reading.articles.append(article)
            if notes:
                reading.notes[key] = notes
    # Syndicated copies fill what one states and the other does not (a wire agency as outlet).
    from ..dedupe import infer_metadata

    reading.articles = infer_metadata(reading.articles, signatures)
    return reading


def input_files(paths: Sequence[Path]) -> tuple[list[Path], list[Path | None]]:
    """Files to read for PATH arguments (files, or folders read recursively) and each one's root."""
    files: list[Path] = []
    roots: list[Path | None] = []
    for path in paths:
        if path.is_dir():
            found = scan(path).inputs
            files += found
            roots += [path] * len(found)
        else:
            files.append(path)
            roots.append(None)
    # Read in the order of the paths, whatever the order of the arguments (the same brief either way).
    order = sorted(range(len(files)), key=lambda i: str(files[i]))
    return [files[i] for i in order], [roots[i] for i in order]


def read_file(path: Path, root: Path | None, limits: Limits, notes: list[str]) -> list[Article]:
    """The articles of one file, cut to the limits (each cut is added to `notes`)."""
    found = read_path(path)
    if not found:
        raise UnreadableInput("no articles in file")
    raws = [r for r in found if isinstance(r, RawDocument)]
    parts = [r.reason for r in found if isinstance(r, Skipped)]  # bad parts of a multi-article file
    if not raws:
        raise UnreadableInput(
            parts[0] if len(parts) == 1 else f"no usable article ({len(parts)} parts skipped)"
        )
    notes.extend(f"part skipped: {reason}" for reason in parts)
    if len(raws) > limits.max_articles_per_file:
        notes.append(
            f"{len(raws) - limits.max_articles_per_file:,} articles after the first "
            f"{limits.max_articles_per_file:,} not read (limit max_articles_per_file)"
        )
        raws = raws[: limits.max_articles_per_file]
    articles = []
    for raw in raws:
        doc_id = " ".join(printable(raw.id).split()) or "article"
        text = cut_text(raw.text, limits.max_article_chars, notes)
        if doc_id != raw.id or text is not raw.text:
            raw = _with(raw, id=doc_id, text=text)
        article = to_article(raw)
        if article.kept_share < MIN_KEPT_SHARE:
            notes.append(heavy_cleaning(article, len(raws) > 1))
        article = cut_sentences(article, limits.max_sentences_per_article, notes)
        if not article.text.strip():
            if len(raws) > 1:
                notes.append(f"article {raw.id!r}: {NO_TEXT_LEFT}")
                continue
            raise UnreadableInput(NO_TEXT_LEFT)
        if not article.topic and root is not None:
            rel = path.relative_to(root)
            if len(rel.parts) > 1:
                article = _with(article, topic=printable(rel.parts[0]))
        articles.append(article)
    if not articles:
        raise UnreadableInput(NO_TEXT_LEFT)
    return articles


def _with(obj: T, **changes: Any) -> T:
    return dataclasses.replace(obj, **changes)  # type: ignore[type-var]


def cut_text(text: str, limit: int, notes: list[str]) -> str:
    """`text` cut at the last line break (or space) before `limit` characters."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    if cut < limit // 2:
        cut = text.rfind(" ", 0, limit)
    if cut < limit // 2:
        cut = limit
    notes.append(f"text cut to its first {cut:,} of {len(text):,} characters (limit max_article_chars)")
    return text[:cut]


STOP_CHARS = ".!?…。！？؟۔\n"
SENTENCE_STOP = re.compile(rf"[{STOP_CHARS[:-1]}]+(?=\s|$)|\n")


def cut_sentences(article: Article, limit: int, notes: list[str]) -> Article:
    """`article` cut after about `limit` sentences (counted by their end marks: one fast pass)."""
    # Each end found holds at least one of these characters: with no more of them than `limit`,
    # the article cannot be cut (most articles; counting them is much faster than finding ends).
    if sum(article.text.count(c) for c in STOP_CHARS) <= limit:
        return article
    ends = [m.end() for m in itertools.islice(SENTENCE_STOP.finditer(article.text), limit + 1)]
    if len(ends) <= limit:
        return article
    notes.append(f"cut after {limit:,} sentences (limit max_sentences_per_article)")
    text = article.text[: ends[limit - 1]].rstrip()
    paragraphs = text.count("\n\n") + 1  # tables printed after the cut go with the text
    return _with(article, text=text, tables=tuple(t for t in article.tables if t.before < paragraphs))


MIN_KEPT_SHARE = 0.5
NO_TEXT_LEFT = "no article text left after removing boilerplate"
"""Why a file (or an entry of one) that cleaning emptied is skipped."""


def heavy_cleaning(article: Article, name: bool) -> str:
    """The warning for an article that cleaning took most of: how much and mostly why."""
    words: Counter[str] = Counter()
    for line in article.removed:
        words[line.reason] += len(line.text.split())
    why = ", ".join(f"{reason} {n:,} words" for reason, n in words.most_common(3))
    which = f"article {article.id!r}: " if name else ""
    return (
        f"{which}{HEAVY_CLEANING} {1 - article.kept_share:.0%} of its {article.read_words:,} words "
        f"({why}); check that it was read right"
    )
