"""Rendering: briefs to Markdown (Jinja2 templates) and to JSON.

Templates come from the project's `templates/` folder when it has one (file by file), then from the
defaults packaged with briefgen. All article text goes through the `md` filter, which escapes HTML
and Markdown syntax, so an article can never inject markup, script or template syntax.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from .dedupe import group_agency
from .fsutil import default_templates, safe_name  # noqa: F401  (re-exported: pages are named with it)
from .models import Article, Brief, Dispute, Item, Quote, Source, Topic
from .reading.chars import typographic

if TYPE_CHECKING:
    from .changes import Change

QUOTES_SHOWN = {"named": 8, "unnamed": 3, "unknown": 3}
"""How many quotes of each kind a brief shows in full (named people and organisations, unnamed sources,
speaker not identified); the others are listed by speaker with links. Other sections are bounded the
same way (8 key decisions, 12 timeline entries): a brief is read in two minutes. JSON keeps them all."""

MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|~#!+])")
QUOTATION = re.compile(r"[“”„\"`]|''")


_MD_DONE: dict[str, str] = {}
"""`md` of strings already escaped (the build report repeats each reason of a removed line, the archive
and home pages each title): about one in three calls of a build."""


def md(text: object) -> str:
    """Escape text for Markdown: HTML entities, Markdown punctuation, single line; quotation marks shown
    typographic (`typographic`: `` '' and straight double quotes as “ ”)."""
    if type(text) is not str:
        return _escape(typographic(" ".join(str(text).split())))
    done = _MD_DONE.get(text)
    if done is None:
        if len(_MD_DONE) >= 50_000:  # a long-lived process (briefgen serve) keeps it bounded
            _MD_DONE.clear()
        done = _MD_DONE[text] = _escape(typographic(" ".join(text.split())))
    return done


def _escape(s: str) -> str:
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MD_SPECIAL.sub(r"\\\1", s)


def code(text: object) -> str:
    """A file name or id shown as code, its characters as they are: escaped like `md`, so it cannot
    break out of its line."""
    return f"<code>{_escape(' '.join(str(text).split()))}</code>"


def plain_title(text: object) -> str:
    """A title for MkDocs' nav and <title>, which it does not escape: no markup characters left."""
    s = " ".join(str(text).split())
    return s.translate(str.maketrans({"<": "‹", ">": "›", "&": "+", '"': "”", "`": "'"}))


def is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def web_href(url: str) -> str:
    """An http(s) URL made safe to put in a Markdown link or an HTML attribute, or "" for any other URL.

    Everything but unreserved characters and URL delimiters is percent-encoded, so a URL cannot close
    the link, start a title, or carry markup.
    """
    url = url.strip()
    if not is_web_url(url) or any(c in url for c in "\n\r\t"):
        return ""
    return quote(url, safe="/:?=&%#~+,;@!$-._")


def anchor(source: Source) -> str:
    return f"s-{source.start}"


class Linker:
    """Where a citation points: the article's URL (with a text fragment) or its page in the site."""

    def __init__(self, articles: tuple[Article, ...], article_prefix: str = "../articles/") -> None:
        self.articles = {a.id: a for a in articles}
        self.number = {a.id: i + 1 for i, a in enumerate(articles)}
        self.prefix = article_prefix

    def href(self, source: Source) -> str:
        article = self.articles.get(source.article)
        url = web_href(article.url) if article else ""
        if url and "#" not in url:
            # The words before any quotation mark: the page may print straight marks where the
            # sentence reads typographic ones, and a text fragment must match the page exactly.
            words = source.sentence.split()
            before_quote = QUOTATION.split(source.sentence, maxsplit=1)[0].split()
            first_words = " ".join((before_quote if len(before_quote) >= 4 else words)[:8])
            return url + "#:~:text=" + quote(first_words, safe="")
        return f"{self.prefix}{safe_name(source.article)}.md#{anchor(source)}"

    def cite(self, sources: tuple[Source, ...]) -> str:
        seen: list[str] = []
        links = []
        for s in sources:
            if s.article in seen:
                continue
            seen.append(s.article)
            links.append(f"[\\[{self.number.get(s.article, '?')}\\]]({self.href(s)})")
        return " ".join(links)


def environment(project_templates: Path | None = None, compiled: Path | None = None) -> Environment:
    """The templates' environment; `compiled`: a folder to keep the compiled templates in between runs
    (Jinja's bytecode cache: a template whose source changed is compiled again)."""
    loaders = []
    if compiled is not None:
        compiled.mkdir(parents=True, exist_ok=True)
    if project_templates is not None and project_templates.is_dir():
        loaders.append(FileSystemLoader(str(project_templates)))
    loaders.append(FileSystemLoader(str(default_templates())))
    env = Environment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates do not change during a build: no stat() per rendered page
        bytecode_cache=FileSystemBytecodeCache(str(compiled)) if compiled is not None else None,
    )
    env.filters["md"] = md
    env.filters["code"] = code
    env.filters["safe_name"] = safe_name
    env.filters["plain_title"] = plain_title
    env.filters["anchor"] = anchor
    env.filters["human_date"] = human_date
    env.filters["shorten"] = shorten
    env.filters["web_href"] = web_href
    return env


def human_date(iso: str) -> str:
    """An ISO date of day, month or year precision for readers: 'Saturday 29 March 2025', 'July 2024'."""
    try:
        if len(iso) == 10:
            return dt.date.fromisoformat(iso).strftime("%A %-d %B %Y")
        if len(iso) == 7:
            return dt.date.fromisoformat(iso + "-01").strftime("%B %Y")
    except ValueError:
        pass
    return iso


def shorten(text: str, words: int = 14) -> str:
    """The first `words` words of a sentence as shown (`typographic`: a typewriter mark's space is no
    word), with an ellipsis when cut."""
    parts = typographic(text).split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def support_label(item: Any) -> str:
    return "1 source" if item.support == 1 else f"{item.support} sources"


def plural(n: int, noun: str) -> str:
    """'1 more quote', '3 more quotes'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


@dataclass(frozen=True)
class QuoteGroup:
    """One kind of quotes as a brief shows them: `shown` in full; the others in `more`, one entry per
    speaker (speaker, how many quotes, their sources), in the order the speakers are first quoted."""

    shown: tuple[Quote, ...]
    more: tuple[tuple[str, int, tuple[Source, ...]], ...]

    @property
    def hidden(self) -> int:
        return sum(n for _, n, _ in self.more)

    @property
    def hidden_sources(self) -> tuple[Source, ...]:
        return tuple(s for _, _, sources in self.more for s in sources)


def select_quotes(quotes: Sequence[Quote], limit: int, order: Mapping[str, int] | None = None) -> QuoteGroup:
    """The quotes of one kind a brief shows. `quotes` come ranked (most outlets first, then reading
    order), which on a long topic would fill the section with the first article's speakers. Shown: every
    quote several outlets print, then one quote per speaker in turn (a speaker quoted by more articles
    first), then a second per speaker, until `limit`; they keep their ranked order. An unidentified
    speaker ("") counts as a different speaker for every quote. `order` numbers the articles, to list
    the links of the quotes not shown in citation order."""
    by_speaker: dict[str, list[Quote]] = {}
    for i, q in enumerate(quotes):
        by_speaker.setdefault(q.speaker or f"\0{i}", []).append(q)
    reach = {k: len({s.article for q in qs for s in q.sources}) for k, qs in by_speaker.items()}
    speakers = sorted(by_speaker, key=lambda k: (-reach[k], -len(by_speaker[k])))  # stable: first quoted
    chosen = {id(q) for q in quotes if q.support > 1}
    turn = 0
    while len(chosen) < limit and turn < len(quotes):
        for k in speakers:
            if turn < len(by_speaker[k]) and len(chosen) < limit:
                chosen.add(id(by_speaker[k][turn]))
        turn += 1
    shown = tuple(q for q in quotes if id(q) in chosen)[:limit]
    kept = {id(q) for q in shown}
    more: dict[str, list[Quote]] = {}
    for q in quotes:
        if id(q) not in kept:
            more.setdefault(q.speaker, []).append(q)
    rank = order or {}

    def cited(qs: list[Quote]) -> tuple[Source, ...]:
        return tuple(
            sorted((s for q in qs for s in q.sources), key=lambda s: (rank.get(s.article, 0), s.start))
        )

    return QuoteGroup(shown, tuple((k, len(qs), cited(qs)) for k, qs in more.items()))


def brief_quotes(brief: Brief) -> dict[str, QuoteGroup]:
    """The brief's quotes by kind ("named", "unnamed", "unknown"), each selected for the page."""
    kinds: dict[str, list[Quote]] = {"named": [], "unnamed": [], "unknown": []}
    for q in brief.quotes:
        kinds[q.speaker_kind if q.speaker_kind in ("unnamed", "unknown") else "named"].append(q)
    order = {a.id: i for i, a in enumerate(brief.articles)}
    return {k: select_quotes(qs, QUOTES_SHOWN[k], order) for k, qs in kinds.items()}


def syndicated_copies(brief: Brief) -> list[dict[str, Any]]:
    """The groups of more than one article: ids, outlets, the wire agency when datelines name one."""
    by_id = {a.id: a for a in brief.articles}
    out = []
    for group in brief.syndication:
        if len(group) > 1:
            members = [by_id[a] for a in group if a in by_id]
            out.append(
                {
                    "articles": list(group),
                    "outlets": sorted({a.outlet for a in members if a.outlet}),
                    "agency": group_agency(members),
                }
            )
    return out


def syndication_note(brief: Brief, number: dict[str, int]) -> str:
    """E.g. '5 articles, 4 independent sources; [2] and [3] carry the same report.'"""
    n = brief.independent_sources
    note = f"{plural(len(brief.articles), 'article')}, {plural(n, 'independent source')}"
    by_id = {a.id: a for a in brief.articles}
    for group in brief.syndication:
        if len(group) > 1:
            agency = group_agency([by_id[a] for a in group if a in by_id])
            report = f"the same {agency} report" if agency else "the same report"
            note += f"; {_and([f'[{number[a]}]' for a in group])} carry {report}"
    return note + "."


def render_brief(
    brief: Brief,
    env: Environment,
    article_prefix: str = "../articles/",
    change: Change | None = None,
    download: str | None = None,
) -> str:
    """The brief as Markdown; on the site, `change` is the note on what changed since the previous
    version and `download` the address of the page's own Markdown file."""
    linker = Linker(brief.articles, article_prefix)
    dates = [a.published for a in brief.articles if a.published]
    return env.get_template("brief.md.j2").render(
        change=change,
        download=download,
        titles={a.id: a.title for a in brief.articles},
        brief=brief,
        quotes=brief_quotes(brief),
        topic=brief.topic,
        cite=linker.cite,
        href=linker.href,
        number=linker.number,
        support_label=support_label,
        plural=plural,
        syndication_note=syndication_note(brief, linker.number),
        updated=max(dates).isoformat() if dates else "",
        is_web_url=is_web_url,
    )


def render_article(
    article: Article, paragraphs: Mapping[int, Sequence[Any]], env: Environment, topics: Sequence[Topic] = ()
) -> str:
    """An article's page: its cleaned text, one anchor per sentence, its tables and logs where it printed
    them, and links to the briefs citing it. `paragraphs`: each paragraph's sentences by its index."""
    blocks: list[tuple[str, Sequence[Any]]] = []
    tables = iter(article.tables)
    table = next(tables, None)
    for index in sorted(paragraphs):
        while table is not None and table.before <= index:
            blocks.append(("table", table.rows))
            table = next(tables, None)
        blocks.append(("text", paragraphs[index]))
    while table is not None:
        blocks.append(("table", table.rows))
        table = next(tables, None)
    return env.get_template("article.md.j2").render(article=article, blocks=blocks, topics=topics)


def _source(s: Source) -> dict[str, Any]:
    return {"article": s.article, "sentence": s.sentence, "start": s.start, "end": s.end}


def _item(item: Item) -> dict[str, Any]:
    return {"text": item.text, "support": item.support, "sources": [_source(s) for s in item.sources]}


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _dispute(d: Dispute) -> dict[str, Any]:
    return {
        "about": d.about,
        "kind": d.kind,
        "sides": [
            {"text": s.text, "value": s.value, "date": s.date, "sources": [_source(x) for x in s.sources]}
            for s in d.sides
        ],
    }


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """Every section of a brief, as plain JSON-ready data."""
    return {
        "topic": {"slug": brief.topic.slug, "title": brief.topic.title},
        "independent_sources": brief.independent_sources,
        "syndication": [list(g) for g in brief.syndication],
        "syndicated_copies": syndicated_copies(brief),
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "outlet": a.outlet,
                "published": _date(a.published),
                "url": a.url,
                "author": a.author,
                "path": a.path,
                "text": a.text,
                "removed": [{"text": r.text, "reason": r.reason} for r in a.removed],
                "tables": [{"before_paragraph": t.before, "rows": list(t.rows)} for t in a.tables],
                "guessed": dict(a.guessed),
                "syndication_group": next((g[0] for g in brief.syndication if a.id in g), a.id),
                "summary": [_item(i) for i in brief.article_summaries.get(a.id, ())],
            }
            for a in brief.articles
        ],
        "summary": [_item(i) for i in brief.summary],
        "decisions": [{**_item(i), "actor": i.actor} for i in brief.decisions],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "speaker_text": q.speaker_text,
                "speaker_kind": q.speaker_kind,
                "cue": q.cue,
                "variants": list(q.variants),
                "support": q.support,
                "sources": [_source(s) for s in q.sources],
            }
            for q in brief.quotes
        ],
        "disputes": [_dispute(d) for d in brief.disputes],
        "updates": [_dispute(d) for d in brief.updates],
        "quoted_disagreements": [_dispute(d) for d in brief.quoted_disagreements],
        "context": [_item(i) for i in brief.context],
        "timeline": [
            {
                "date": t.date,
                "precision": t.precision,
                "text": t.text,
                "expression": t.expression,
                "support": t.support,
                "sources": [_source(s) for s in t.sources],
            }
            for t in brief.timeline
        ],
        "entities": [
            {
                "name": e.name,
                "kind": e.kind,
                "role": e.role,
                "mentions": e.mentions,
                "support": e.support,
                "sources": [_source(s) for s in e.sources],
            }
            for e in brief.entities
        ],
        "framing": [
            {
                "term": f.term,
                "phrase": f.phrase,
                "sources": [_source(s) for s in f.sources],
                "others": [_source(s) for s in f.others],
            }
            for f in brief.framing
        ],
        "coverage": [
            {
                "text": c.text,
                "articles": list(c.articles),
                "support": c.support,
                "sources": [_source(s) for s in c.sources],
            }
            for c in brief.coverage
        ],
    }


def brief_to_json(brief: Brief) -> str:
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n"
