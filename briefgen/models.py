"""Typed, frozen data objects passed between the pipeline's stages.

read -> Article; split -> Sentence; group -> Topic; analyze -> Brief.
Every item of a brief keeps the sentences it came from (`Source`), so citations,
source counts and verbatim checks need nothing else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RemovedLine:
    """A line dropped while cleaning, kept so nothing disappears silently."""

    text: str
    reason: str


@dataclass(frozen=True)
class DataBlock:
    """Rows of a table or log an article printed (figures, not sentences): kept with the article and
    shown on its page as printed, never split into sentences, so never cited in a brief."""

    before: int
    """The index of the paragraph of `Article.text` it was printed before (the number of paragraphs
    when it comes after all of them)."""
    rows: tuple[str, ...]


PAGE_FURNITURE = frozenset({"page number", "running header or footer (PDF page)"})
"""Reasons of lines removed from PDF text before its paragraphs were read."""


@dataclass(frozen=True)
class Article:
    """One input article after reading and cleaning.

    `text` is the cleaned body: kept paragraphs separated by blank lines, each paragraph its lines
    as printed joined with a space (see `briefgen.reading.lines`). Every sentence of the brief is a
    substring of `text`, and is found in the input file by the rule of `lines.printed_in`.
    """

    id: str
    path: str
    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: dt.date | None = None
    author: str = ""
    topic: str = ""
    language: str = "en"
    removed: tuple[RemovedLine, ...] = ()
    # How each metadata field the input did not state was found: (field, how), e.g.
    # ("outlet", "dateline"), ("title", "first sentence"),
    # ("outlet", "inferred: carries the same AP report as 001").
    guessed: tuple[tuple[str, str], ...] = ()
    read_words: int = 0
    """Words of the article as read, before its header and boilerplate were removed (0: not counted)."""
    tables: tuple[DataBlock, ...] = ()
    """Tables and logs printed in the article, kept out of `text` (see `DataBlock`)."""

    @property
    def table_words(self) -> int:
        """Words of the article's tables and logs."""
        return sum(len(row.split()) for t in self.tables for row in t.rows)

    @property
    def kept_words(self) -> int:
        """Words cleaning kept: the text's and the tables'."""
        return len(self.text.split()) + self.table_words

    @property
    def kept_share(self) -> float:
        """The share of the words read that cleaning kept (in `text` and `tables`)."""
        if not self.read_words:
            return 1.0
        # The words read are the words kept and the words of the lines removed after the paragraphs
        # were rebuilt (page furniture goes before: it was never read as text).
        removed = sum(len(r.text.split()) for r in self.removed if r.reason not in PAGE_FURNITURE)
        return max(0.0, 1 - removed / self.read_words)


FINGERPRINT = "_fingerprint"


def fingerprint(article: Article) -> str:
    """A hash of every field of `article` (of its `repr`), kept on the article object: an article
    read from the reading memo (`ReadingCache`) has it already, so a rebuild does not hash the
    articles that did not change. Renaming an article (`renamed`) derives the new one's from it."""
    found = article.__dict__.get(FINGERPRINT)
    if found is None:
        found = hashlib.sha256(repr(article).encode("utf-8", "surrogatepass")).hexdigest()
        object.__setattr__(article, FINGERPRINT, found)
    return found


TEXT_KEY = "_text_key"


def text_key(article: Article) -> str:
    """A hash of the article's text (SHA-1; what the reading memo keeps its MinHash signature by, see
    `dedupe.text_signatures`), kept on the article object like its fingerprint: computed when the
    file is read, not on every build."""
    found = article.__dict__.get(TEXT_KEY)
    if found is None:
        found = hashlib.sha1(article.text.encode("utf-8", "surrogatepass")).hexdigest()
        object.__setattr__(article, TEXT_KEY, found)
    return found


CONTENT_KEY = "_content_key"
"""Where `topics.slugs.content_key` keeps its hash of the article's text on the article object."""


def renamed(article: Article, **changes: str) -> Article:
    """`dataclasses.replace(article, **changes)` for its `id` and `path`, fast (no `__init__`: an
    article has no `__post_init__`), with a fingerprint derived from the article's."""
    if not changes.keys() <= {"id", "path"}:
        raise TypeError(f"renamed: only id and path, not {sorted(changes)}")
    new = object.__new__(Article)
    fields = {name: getattr(article, name) for name in Article.__dataclass_fields__}  # no other attribute
    fields.update(changes)
    base = fingerprint(article)
    fields[FINGERPRINT] = hashlib.sha256(
        "\0".join(("renamed", base, fields["id"], fields["path"])).encode("utf-8", "surrogatepass")
    ).hexdigest()
    for kept in (TEXT_KEY, CONTENT_KEY):  # the same text
        if kept in article.__dict__:
            fields[kept] = article.__dict__[kept]
    new.__dict__.update(fields)
    return new


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: `text == article.text[start:end]`."""

    article: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class Source:
    """Where an item of a brief comes from: an article id and the sentence as printed."""

    article: str
    sentence: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Item:
    """A sentence shown in a brief (summary line, decision, context), with its supporting sources.

    `support` counts independent outlets (syndicated copies count once).
    """

    text: str
    sources: tuple[Source, ...]
    support: int = 1
    actor: str = ""  # for decisions: who agreed, announced or decided ("Pete Hegseth and Gen Nakatani")


@dataclass(frozen=True)
class Quote:
    """A direct quotation. `speaker` is the person or organisation it is attributed to, resolved to a
    name the article gives when it can be ("she" -> "Jane Doe"), else the description as printed
    ("a senior official"); `speaker_text` is the speaker as printed next to the quotation;
    `speaker_kind` is "person", "organisation", "unnamed" or "unknown" (a whole quoted statement whose
    speaker the text around it does not give: `speaker` and `speaker_text` are empty)."""

    text: str
    speaker: str
    cue: str
    sources: tuple[Source, ...]
    variants: tuple[str, ...] = ()
    support: int = 1
    speaker_text: str = ""
    speaker_kind: str = "person"


@dataclass(frozen=True)
class Side:
    """One side of a dispute: a sentence that says it, every source saying it, and the value it
    gives when the dispute is about a number, date or name ("50,000", "2025-03-30", "AMRAAM")."""

    text: str
    sources: tuple[Source, ...]
    value: str = ""
    date: str = ""  # for an update: the earliest publication date of its sources (ISO 8601)


@dataclass(frozen=True)
class Dispute:
    about: str
    kind: str  # "claim", "number", "name", "date"
    sides: tuple[Side, ...]


@dataclass(frozen=True)
class TimelineItem:
    """A dated event. `date` is ISO 8601 of day, month or year precision ("2025-03-29", "2024-07",
    "1979"); `expression` is how the cited sentence says it ("on Saturday", "in July")."""

    date: str
    precision: str
    text: str
    sources: tuple[Source, ...]
    expression: str = ""
    support: int = 1


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place, with the role an article gives it and who mentions it."""

    name: str
    kind: str  # "person", "organisation", "place"
    role: str
    sources: tuple[Source, ...]  # the first mention in each article
    support: int = 1
    mentions: int = 1


@dataclass(frozen=True)
class Framing:
    """A loaded word one outlet uses that the other outlets avoid when they report the same thing."""

    term: str
    phrase: str
    sources: tuple[Source, ...]
    others: tuple[Source, ...] = ()  # the other outlets' wording of the same thing


@dataclass(frozen=True)
class Coverage:
    """A fact of the consensus summary and the articles that report it (one row of the matrix)."""

    text: str
    articles: tuple[str, ...]
    sources: tuple[Source, ...]
    support: int = 1


@dataclass(frozen=True)
class Skipped:
    """An input that produced no article, and why."""

    path: str
    reason: str
    # True when only part of the file was skipped (a bad JSON line, an empty feed entry);
    # the file's other articles were used.
    partial: bool = False


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Brief:
    topic: Topic
    summary: tuple[Item, ...] = ()
    decisions: tuple[Item, ...] = ()
    quotes: tuple[Quote, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    # Same shape as disputes: a figure or status that changed between articles of different dates,
    # and people quoted on both sides of one fact.
    updates: tuple[Dispute, ...] = ()
    quoted_disagreements: tuple[Dispute, ...] = ()
    context: tuple[Item, ...] = ()
    timeline: tuple[TimelineItem, ...] = ()
    entities: tuple[Entity, ...] = ()
    framing: tuple[Framing, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    article_summaries: dict[str, tuple[Item, ...]] = field(default_factory=dict)
    syndication: tuple[tuple[str, ...], ...] = ()  # groups of article ids that carry one report

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.topic.articles

    @property
    def independent_sources(self) -> int:
        return len(self.syndication) if self.syndication else len(self.articles)


@dataclass(frozen=True)
class RawDocument:
    """What a reader hands to cleaning: decoded text plus any explicit metadata.

    `meta` holds only values the input stated (front matter, feed fields); guesses come later.
    """

    id: str
    path: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    # "text" for plain text (txt, md, jsonl): cleaned line by line, headings and captions dropped;
    # "markup" for text extracted from HTML structure (web pages, feed content): its paragraphs
    # and headings were already chosen by the extractor, only boilerplate lines are dropped.
    kind: str = "text"
