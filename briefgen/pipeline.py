"""The orchestrator: the whole build, top to bottom.

read -> clean -> group -> analyze -> render -> site. Each stage lives in its own module;
this file only wires them together and keeps the account of every input file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from tqdm import tqdm

from .accounting import Account, account_inputs, printable, report_data
from .analyze import analyze
from .cache import AnalysisCache, load_state, save_state
from .changes import Change, track_changes
from .clean import to_article
from .config import Config, Limits
from .dedupe import infer_metadata
from .errors import InputError, UnreadableInput
from .feed import FeedEntry, atom_feed
from .fsutil import crash_point, staged_dir, write_text
from .models import Article, Brief, RawDocument, Sentence, Skipped, Topic
from .readers import admit, file_size_limit, read_path, scan
from .render import environment, render_article, render_brief, safe_name
from .site import HOME_TOPICS, TopicRow, archive_months, build_site, nav, topic_rows
from .split import split_article
from .topics import assign_topics, load_registry, save_registry
from .topics.redirects import redirect_page

T = TypeVar("T")


@dataclass
class BuildResult:
    inputs: int
    articles: list[Article]
    skipped: list[Skipped]
    topics: list[Topic]
    briefs: list[Brief] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)
    """Old topic slugs (merged or split by a re-clustering) -> the slug that took their articles."""
    analysed: int = 0  # topics analysed in this build (the others came from the cache)
    pages_reused: int = 0  # site pages whose Markdown conversion came from the cache
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    account: Account = field(default_factory=lambda: Account(()))
    """Every input file: used, merged (syndicated copy) or skipped, and why."""

    @property
    def used_files(self) -> int:
        return self.account.count("used")

    @property
    def merged_files(self) -> int:
        return self.account.count("merged")


def progress(items: Iterable[Any], quiet: bool, desc: str, total: int | None = None) -> Iterable[Any]:
    return tqdm(items, desc=desc, total=total, disable=quiet or not sys.stderr.isatty(), leave=False)


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
) -> Reading:
    """Read and clean every file within `limits`. A file gives articles or one skip reason, never
    both and never an exception: an unexpected error in a reader skips that file and says so.

    `roots` (one per path) replaces `root` when the paths come from several folders."""
    limits = limits or Limits()
    reading = Reading()
    ids: set[str] = set()
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
                    admit(path, root)
                found = read_file(path, root, limits, notes)
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
                    unique, k = article.id, 2
                    while safe_name(unique).casefold() in ids:
                        unique, k = f"{article.id}-{k}", k + 1
                    ids.add(safe_name(unique).casefold())
                    reading.articles.append(_with(article, id=unique, path=key))
            if notes:
                reading.notes[key] = notes
    # Syndicated copies fill what one states and the other does not (a wire agency as outlet).
    reading.articles = infer_metadata(reading.articles)
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
    return files, roots


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
        raw = _with(raw, id=doc_id, text=cut_text(raw.text, limits.max_article_chars, notes))
        article = cut_sentences(to_article(raw), limits.max_sentences_per_article, notes)
        if not article.text.strip():
            if len(raws) > 1:
                notes.append(f"article {raw.id!r}: no article text left after removing boilerplate")
                continue
            raise UnreadableInput("no article text left after removing boilerplate")
        if not article.topic and root is not None:
            rel = path.relative_to(root)
            if len(rel.parts) > 1:
                article = _with(article, topic=printable(rel.parts[0]))
        articles.append(article)
    if not articles:
        raise UnreadableInput("no article text left after removing boilerplate")
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


SENTENCE_STOP = re.compile(r"[.!?…。！？؟۔]+(?=\s|$)|\n")


def cut_sentences(article: Article, limit: int, notes: list[str]) -> Article:
    """`article` cut after about `limit` sentences (counted by their end marks: one fast pass)."""
    ends = [m.end() for m in itertools.islice(SENTENCE_STOP.finditer(article.text), limit + 1)]
    if len(ends) <= limit:
        return article
    notes.append(f"cut after {limit:,} sentences (limit max_sentences_per_article)")
    return _with(article, text=article.text[: ends[limit - 1]].rstrip())


def build(
    config: Config, quiet: bool = False, strict: bool = False, use_cache: bool = True, recluster: bool = False
) -> BuildResult:
    """Read the input folder, write Markdown briefs to docs_dir and the site to site_dir.

    Topics whose content did not change since a previous build are taken from the analysis cache
    (`use_cache=False` analyses every topic again; the output is the same either way). Articles seen
    by a previous build keep their topic (topic registry in the cache folder); `recluster=True` groups
    every article afresh, old slugs redirecting to the topics that took their articles.
    """
    input_dir = config.input_dir
    if not input_dir.is_dir():
        raise InputError(f"input folder {input_dir} does not exist (give a folder of articles)")
    clock = Stopwatch()
    found = scan(input_dir, exclude=(config.docs_dir, config.site_dir))
    paths = found.inputs
    reading = read_inputs(paths, root=input_dir, limits=config.limits, quiet=quiet)
    articles, skipped = reading.articles, reading.skipped
    if not articles:
        raise InputError(f"no usable article in {input_dir} ({len(paths)} files, {len(skipped)} skipped)")
    crash_point("read")
    grouping = assign_topics(articles, load_registry(config.cache_dir), recluster=recluster)
    result = BuildResult(len(paths), articles, skipped, grouping.topics, redirects=grouping.redirects)
    result.timings["read and group"] = clock.lap()
    cache = AnalysisCache(
        config.cache_dir, settings=(config.summary_words, config.article_summary_words), read=use_cache
    )
    for topic in progress(grouping.topics, quiet, "analysing topics"):
        result.briefs.append(
            cache.brief(topic, lambda t: analyze(t, config.summary_words, config.article_summary_words))
        )
    result.analysed = cache.misses
    result.timings["analyse"] = clock.lap()
    crash_point("analysed")
    result.account = account_inputs(
        [printable(str(p)) for p in paths],
        articles,
        skipped,
        result.briefs,
        reading.notes,
        root=input_dir,
        ignored=[str(p) for p in found.ignored],
    )
    changes, state = track_changes(result.briefs, load_state(config.cache_dir))
    rows = topic_rows(result.briefs)
    write_docs(result, config, rows, changes, split=cache.sentences)
    result.timings["write docs"] = clock.lap()
    crash_point("docs")
    if config.build_site:
        os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch(articles))
        with staged_dir(config.site_dir) as site_tmp:
            result.pages_reused = build_site(
                config.docs_dir,
                site_tmp,
                nav(rows),
                config.site_name,
                config.mkdocs_config,
                strict=strict,
                site_url=config.site_url,
                memo_dir=config.cache_dir / "pages" if use_cache else None,
            )
            crash_point("site")
        result.timings["site"] = clock.lap()
    save_state(config.cache_dir, state)
    save_registry(config.cache_dir, grouping.registry)
    cache.prune()
    return result


class Stopwatch:
    """Seconds spent in each stage of a build (`BuildResult.timings`), for benchmarks."""

    def __init__(self) -> None:
        self.last = time.perf_counter()

    def lap(self) -> float:
        """Seconds since the previous lap (or the start)."""
        now = time.perf_counter()
        elapsed, self.last = now - self.last, now
        return elapsed


def source_date_epoch(articles: Sequence[Article]) -> int:
    """The build's timestamp for MkDocs (sitemap, archives): the latest article's date, never the clock."""
    latest = max((a.published for a in articles if a.published), default=dt.date(2000, 1, 1))
    return int(dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC).timestamp())


def write_docs(
    result: BuildResult,
    config: Config,
    rows: list[TopicRow],
    changes: dict[str, Change],
    split: Callable[[Article], Sequence[Sentence]] = split_article,
) -> None:
    env = environment(config.templates_dir)
    with staged_dir(config.docs_dir) as docs:
        for brief in result.briefs:
            slug = brief.topic.slug
            write_text(
                docs / "topics" / f"{slug}.md",
                render_brief(brief, env, change=changes.get(slug), download=f"../{slug}.md"),
            )
        titles = {t.slug: t.title for t in result.topics}
        for old, new in sorted(result.redirects.items()):
            if old not in titles and new in titles:
                write_text(docs / "topics" / f"{old}.md", redirect_page(new, titles[new]))
        cited_in: dict[str, list[Topic]] = {}
        for brief in result.briefs:
            for a in brief.articles:
                cited_in.setdefault(a.id, []).append(brief.topic)
        for article in result.articles:
            paragraphs: dict[int, list[Any]] = {}
            for s in split(article):
                paragraphs.setdefault(s.paragraph, []).append(s)
            write_text(
                docs / "articles" / f"{safe_name(article.id)}.md",
                render_article(article, tuple(paragraphs.values()), env, cited_in.get(article.id, ())),
            )
        home = env.get_template("index.md.j2")
        write_text(
            docs / "index.md",
            home.render(site_name=config.site_name, topics=rows[:HOME_TOPICS], total=len(rows)),
        )
        archive = env.get_template("archive.md.j2")
        write_text(docs / "archive.md", archive.render(months=archive_months(rows), total=len(rows)))
        entries = [FeedEntry(r.slug, r.title, r.updated, r.lead) for r in rows]
        write_text(docs / "feed.xml", atom_feed(entries, config.site_name, config.site_url))
        report = report_data(result.account, result.topics, result.articles)
        write_text(docs / "report.md", env.get_template("report.md.j2").render(report=report))
        write_text(docs / "report.json", json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        for asset in ("briefgen.css", "briefgen.js"):
            text = env.loader.get_source(env, asset)[0]  # type: ignore[union-attr]
            write_text(docs / "assets" / asset, text)
