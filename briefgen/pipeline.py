"""The orchestrator: the whole build, top to bottom.

read -> clean -> group -> analyze -> render -> site. Each stage lives in its own module;
this file only wires them together and keeps the account of every input file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import gc
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .accounting import Account, account_inputs, printable
from .analyze import analyze
from .cache import (
    SPARE_SITE,
    AnalysisCache,
    DocsMemo,
    ReadingCache,
    code_fingerprint,
    load_state,
    real_brief,
    save_state,
    templates_fingerprint,
)
from .changes import Change, previous_state, topic_change, track_changes
from .config import Config
from .errors import InputError
from .feed import FeedEntry, atom_feed
from .fsutil import LinkingWriter, crash_point, staged_dir
from .models import Article, Brief, Sentence, Skipped, Topic
from .parallel import ordered_map
from .plugin import SITE_DATA, site_data
from .reading import Reading, input_files, progress, read_articles, read_inputs  # noqa: F401 (re-exported)
from .reading.files import scan
from .reading.split import split_article
from .render import environment, render_article, render_brief, safe_name
from .report import ReportPieces, report_files
from .site import HOME_TOPICS, TopicRow, archive_months, build_site, nav, topic_rows
from .topics import assign_topics, load_registry, save_registry
from .topics.redirects import redirect_page


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
    files_read: int = 0  # input files read and cleaned in this build (the others came from the cache)
    pages_reused: int = 0  # site pages whose Markdown conversion came from the cache
    docs_reused: int = 0  # pages of docs/ taken from the previous build instead of rendered again
    site_kept: int = 0  # files of site/ a rebuild did not build again (their source did not change)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    cpu_timings: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage, workers included
    account: Account = field(default_factory=lambda: Account(()))
    """Every input file: used, merged (syndicated copy) or skipped, and why."""

    @property
    def used_files(self) -> int:
        return self.account.count("used")

    @property
    def merged_files(self) -> int:
        return self.account.count("merged")


def build(
    config: Config, quiet: bool = False, strict: bool = False, use_cache: bool = True, recluster: bool = False
) -> BuildResult:
    """Read the input folder, write Markdown briefs to docs_dir and the site to site_dir.

    Topics whose content did not change since a previous build are taken from the analysis cache
    (`use_cache=False` analyses every topic again; the output is the same either way). Articles seen
    by a previous build keep their topic (topic registry in the cache folder); `recluster=True` groups
    every article afresh, old slugs redirecting to the topics that took their articles.
    """
    with paused_gc():
        return _build(config, quiet, strict, use_cache, recluster)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cycle collector off for the build (its worker processes too), on again after.

    A build holds many objects (articles, briefs, pages) and makes few reference cycles: each full
    collection walks them all, a quarter of the CPU of a rebuild with the cache, 8% of a cold build.
    Measured peak memory of a cold build in one process: 416 MB paused, 411 MB not (1,000 topics);
    180 and 178 MB (200 topics)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build(config: Config, quiet: bool, strict: bool, use_cache: bool, recluster: bool) -> BuildResult:
    input_dir = config.input_dir
    if not input_dir.is_dir():
        raise InputError(f"input folder {input_dir} does not exist (give a folder of articles)")
    clock = Stopwatch()
    found = scan(input_dir, exclude=(config.docs_dir, config.site_dir))
    paths = found.inputs
    # Files read by an earlier build and unchanged since are not read again (`ReadingCache`).
    memo = ReadingCache(config.cache_dir, config.limits, read=use_cache)
    memo.prefetch(paths, input_dir, config.limits, config.jobs)  # the files to read, on the workers
    reading = read_inputs(
        paths,
        root=input_dir,
        limits=config.limits,
        quiet=quiet,
        read=memo.read,
        signatures=memo.signatures,
        lstats=memo.lstats,
    )
    articles, skipped = reading.articles, reading.skipped
    if not articles:
        raise InputError(f"no usable article in {input_dir} ({len(paths)} files, {len(skipped)} skipped)")
    crash_point("read")
    grouping = assign_topics(articles, load_registry(config.cache_dir), recluster=recluster)
    result = BuildResult(len(paths), articles, skipped, grouping.topics, redirects=grouping.redirects)
    result.files_read = memo.misses
    result.timings, result.cpu_timings = clock.timings, clock.cpu
    clock.lap("read and group")
    cache = AnalysisCache(
        config.cache_dir, settings=(config.summary_words, config.article_summary_words), read=use_cache
    )
    previous = load_state(config.cache_dir)
    env = environment(config.templates_dir, compiled=config.cache_dir / "templates")
    # The pages of the topics analysed now are rendered where they are analysed (on the workers).
    rendered: dict[str, tuple[str, str]] = {}
    pages_job = PageJob(config.templates_dir, config.cache_dir / "templates", previous, env)
    result.briefs = analyse_topics(grouping.topics, config, cache, quiet, pages_job, rendered)
    result.analysed = cache.misses
    clock.lap("analyse")
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
    keys = {brief.topic.slug: cache.key(brief.topic) for brief in result.briefs}
    changes, state = track_changes(result.briefs, previous, keys if use_cache else None)
    rows = topic_rows(result.briefs)
    row_of = {row.slug: row for row in rows}
    for brief in result.briefs:  # kept with the cache: the next build needs not read unchanged briefs
        cache.digest(brief, row_of[brief.topic.slug])
    # Pages rendered from what the previous build rendered them from are taken from it (`DocsMemo`).
    salt = f"{code_fingerprint()}\0{templates_fingerprint(env)}"
    pages = DocsMemo(config.cache_dir, config.docs_dir, salt, read=use_cache)
    pieces = ReportPieces(config.cache_dir, salt, read=use_cache)
    write_docs(
        result,
        config,
        rows,
        changes,
        split=cache.sentences,
        memo=pages,
        key=cache.key,
        env=env,
        rendered=rendered,
        pieces=pieces,
    )
    result.docs_reused = pages.reused
    clock.lap("write docs")
    crash_point("docs")
    if config.build_site:
        # The previous site is kept in the cache folder and the next one written over it (no folder
        # of 3,000 pages removed and created again on every build).
        spare = config.cache_dir / SPARE_SITE if config.cache_dir is not None else None
        with staged_dir(config.site_dir, spare=spare, prepare=False) as site_tmp:
            over_previous = any(site_tmp.iterdir())
            # A page with the same bytes as in the live site is linked to it, not written again; the
            # writer also removes what the new site lacks (`LinkingWriter.finish`).
            writer = LinkingWriter(site_tmp, config.site_dir, over_previous=over_previous)
            result.pages_reused = build_site(
                config.docs_dir,
                site_tmp,
                None,  # the navigation write_docs gave the plugin
                config.site_name,
                config.mkdocs_config,
                strict=strict,
                site_url=config.site_url,
                memo_dir=config.cache_dir / "pages",
                memo_read=use_cache,
                over_previous=over_previous,
                writer=writer,
                docs_stats=pages.stats,
            )
            result.site_kept = writer.kept
            crash_point("site")
        clock.lap("site")
    save_state(config.cache_dir, state)
    memo.save(reading.articles)
    pages.save()
    pieces.save()
    save_registry(config.cache_dir, grouping.registry)
    cache.prune()
    return result


@dataclass
class PageJob:
    """What the analysis of a topic needs to render its pages of docs/ too (topic and article pages):
    the templates, and the previous build's state, for the topic's change note."""

    templates_dir: Path | None
    compiled: Path | None
    state: dict[str, Any] | None
    env: Any = None  # this process's environment (forked workers share it)

    def before(self, topic: Topic) -> dict[str, Any] | None:
        topics = (self.state or {}).get("topics", {})
        return previous_state(topic.slug, [a.id for a in topic.articles], topics)


_ENVIRONMENTS: dict[tuple[Path | None, Path | None], Any] = {}


def _environment(templates_dir: Path | None, compiled: Path | None) -> Any:
    key = (templates_dir, compiled)
    if key not in _ENVIRONMENTS:
        _ENVIRONMENTS[key] = environment(templates_dir, compiled=compiled)
    return _ENVIRONMENTS[key]


def analyse_topics(
    topics: Sequence[Topic],
    config: Config,
    cache: AnalysisCache,
    quiet: bool,
    pages: PageJob | None = None,
    rendered: dict[str, tuple[str, str]] | None = None,
) -> list[Brief]:
    """Each topic's brief, in order: from the cache, or analysed (on `config.jobs` processes).

    The articles' sentences split during the analysis are kept in `cache` for the article pages. With
    `pages`, the docs pages of each topic analysed are rendered by the same process and put in
    `rendered` (see `analyse_one`)."""
    briefs = [cache.lookup(topic, lazy=True) for topic in topics]
    todo = [topic for topic, brief in zip(topics, briefs, strict=True) if brief is None]
    work = functools.partial(
        analyse_one,
        summary_words=config.summary_words,
        article_summary_words=config.article_summary_words,
        templates=(pages.templates_dir, pages.compiled, pages.state is None) if pages is not None else None,
    )
    if pages is not None and pages.env is not None:
        _ENVIRONMENTS.setdefault((pages.templates_dir, pages.compiled), pages.env)
    items = [(topic, pages.before(topic) if pages is not None else None) for topic in todo]
    done = iter(progress(ordered_map(work, items, config.jobs), quiet, "analysing topics", total=len(todo)))
    for n, topic in enumerate(topics):
        if briefs[n] is None:
            brief, splits, pages_done = next(done)
            cache.store(topic, brief)
            for article, sentences in zip(topic.articles, splits, strict=True):
                cache.remember(article, sentences)
            briefs[n] = brief
            if rendered is not None:
                rendered.update(pages_done)
    next(done, None)  # run the map to its end: the worker processes are shut down here, not at exit
    return [brief for brief in briefs if brief is not None]


def analyse_one(
    item: tuple[Topic, dict[str, Any] | None],
    summary_words: int,
    article_summary_words: int,
    templates: tuple[Path | None, Path | None, bool] | None = None,
) -> tuple[Brief, tuple[tuple[Sentence, ...], ...], dict[str, tuple[str, str]]]:
    """`analyze(topic)` and the sentences of its articles (a worker process sends both back); with
    `templates` (folder, compiled folder, first build), also the topic's page and its articles' pages
    of docs/, each with what it was rendered for (`page_tag`): a page rendered for anything else is
    rendered again by `write_docs`."""
    topic, before = item
    splits: dict[str, tuple[Sentence, ...]] = {}

    def split(article: Article) -> tuple[Sentence, ...]:
        splits[article.id] = split_article(article)
        return splits[article.id]

    brief = analyze(topic, summary_words, article_summary_words, split=split)
    sentences = tuple(splits.get(a.id) or split_article(a) for a in topic.articles)
    rendered: dict[str, tuple[str, str]] = {}
    if templates is not None:
        env = _environment(templates[0], templates[1])
        change = topic_change(brief, before, first_build=templates[2])
        slug = topic.slug
        page = render_brief(brief, env, change=change, download=f"../{slug}.md")
        rendered[f"topics/{slug}.md"] = (repr(change), page)
        for article, article_sentences in zip(topic.articles, sentences, strict=True):
            page = render_article(article, paragraphs(article, article_sentences), env, (topic,))
            rendered[f"articles/{safe_name(article.id)}.md"] = (page_tag(article, (topic,)), page)
    return brief, sentences, rendered


def page_tag(article: Article, topics: Sequence[Topic]) -> str:
    """What an article's page was rendered for, besides the article (the topics citing it)."""
    return repr((article.id, [(t.slug, t.title) for t in topics]))


def paragraphs(article: Article, sentences: Sequence[Sentence]) -> dict[int, list[Sentence]]:
    """The sentences of an article's page, as printed, by the index of their paragraph."""
    out: dict[int, list[Sentence]] = {}
    for s in sentences:
        out.setdefault(s.paragraph, []).append(as_printed(article, s))
    return out


class Stopwatch:
    """Seconds spent in each stage of a build (`BuildResult.timings`), for benchmarks: wall-clock
    time, and CPU time of this process and of the worker processes that ended during the stage."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.last, self.last_cpu = time.perf_counter(), self._cpu()

    @staticmethod
    def _cpu() -> float:
        t = os.times()
        return t.user + t.system + t.children_user + t.children_system

    def lap(self, stage: str) -> float:
        """Record the time since the previous lap (or the start) as `stage`; returns the wall time."""
        now, cpu = time.perf_counter(), self._cpu()
        self.timings[stage], self.cpu[stage] = now - self.last, cpu - self.last_cpu
        self.last, self.last_cpu = now, cpu
        return self.timings[stage]


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
    memo: DocsMemo | None = None,
    key: Callable[[Topic], str] | None = None,
    env: Any = None,
    rendered: dict[str, tuple[str, str]] | None = None,
    pieces: ReportPieces | None = None,
) -> None:
    """docs/: a page per topic and per article, the home, archive, feed and report pages. With `memo`
    (and `key`, a hash of a topic: `AnalysisCache.key`), topic and article pages rendered from the same
    things as in the previous build are taken from it instead of rendered again. `rendered`: pages
    already rendered (by `analyse_one`), each with what it was rendered for. `pieces`: the build
    report's pieces kept from the previous build (`report.ReportPieces`)."""
    rendered = rendered if rendered is not None else {}
    env = env if env is not None else environment(config.templates_dir)
    if memo is None:
        memo = DocsMemo(None, config.docs_dir, "")
    with staged_dir(config.docs_dir, spare=memo.spare_dir, prepare=False) as docs:
        memo.start(docs)
        put = memo.put
        for brief in result.briefs:
            slug = brief.topic.slug
            page = f"topics/{slug}.md"
            if key is not None:
                topic_key = memo.key("topic", key(brief.topic), repr(changes.get(slug)))
                if memo.reuse(docs, page, topic_key):
                    continue
            done = rendered.get(page)
            if done is None or done[0] != repr(changes.get(slug)):
                full = real_brief(brief)
                done = ("", render_brief(full, env, change=changes.get(slug), download=f"../{slug}.md"))
            put(page, done[1])
            if key is not None:
                memo.wrote(docs, page, topic_key)
        titles = {t.slug: t.title for t in result.topics}
        for old, new in sorted(result.redirects.items()):
            if old not in titles and new in titles:
                put(f"topics/{old}.md", redirect_page(new, titles[new]))
        cited_in: dict[str, list[Topic]] = {}
        for brief in result.briefs:
            for a in brief.articles:
                cited_in.setdefault(a.id, []).append(brief.topic)
        for article in result.articles:
            page = f"articles/{safe_name(article.id)}.md"
            topics = cited_in.get(article.id, ())
            if key is not None:
                # A topic's key covers every field of its articles.
                article_key = memo.key(
                    "article", article.id if topics else repr(article), *(key(t) for t in topics)
                )
                if memo.reuse(docs, page, article_key):
                    continue
            done = rendered.get(page)
            if done is None or done[0] != page_tag(article, topics):
                done = ("", render_article(article, paragraphs(article, split(article)), env, topics))
            put(page, done[1])
            if key is not None:
                memo.wrote(docs, page, article_key)
        home = env.get_template("index.md.j2")
        put("index.md", home.render(site_name=config.site_name, topics=rows[:HOME_TOPICS], total=len(rows)))
        archive = env.get_template("archive.md.j2")
        put("archive.md", archive.render(months=archive_months(rows), total=len(rows)))
        entries = [FeedEntry(r.slug, r.title, r.updated, r.lead) for r in rows]
        put("feed.xml", atom_feed(entries, config.site_name, config.site_url))
        report_md, report_text = report_files(result.account, result.topics, result.articles, env, pieces)
        put("report.md", report_md)
        put("report.json", report_text)
        # The navigation, timestamp and address for briefgen's MkDocs plugin, however the site is built.
        put(SITE_DATA, site_data(nav(rows), source_date_epoch(result.articles), config.site_url))
        for asset in ("briefgen.css", "briefgen.js"):
            text = env.loader.get_source(env, asset)[0]  # type: ignore[union-attr]
            put(f"assets/{asset}", text)
        memo.finish()


def as_printed(article: Article, sentence: Sentence) -> Sentence:
    """`sentence` with the text the article printed (typewriter quotation marks as they are, where
    `Sentence.text` reads them as typographic ones): what an article's own page shows."""
    start, end, text = sentence.start, sentence.end, article.text
    if start and text[start - 1 : start + 1] == "``":
        start -= 1
    if text[end - 1 : end + 1] == "''":
        end += 1
    printed = text[start:end]
    return sentence if printed == sentence.text else dataclasses.replace(sentence, text=printed)
