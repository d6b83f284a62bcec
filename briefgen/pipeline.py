"""The orchestrator: the whole build, top to bottom.

read -> clean -> group -> analyze -> render -> site. Each stage lives in its own module;
this file only wires them together and keeps the account of every input file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from .analyze import analyze
from .cache import AnalysisCache, load_state, save_state
from .changes import Change, track_changes
from .clean import to_article
from .config import Config
from .errors import InputError, UnreadableInput
from .feed import FeedEntry, atom_feed
from .fsutil import staged_dir, write_text
from .models import Article, Brief, Skipped, Topic
from .readers import discover, read_path
from .render import environment, render_article, render_brief, safe_name
from .site import HOME_TOPICS, TopicRow, archive_months, build_site, nav, topic_rows
from .split import split_article
from .topics import group_topics


@dataclass
class BuildResult:
    inputs: int
    articles: list[Article]
    skipped: list[Skipped]
    topics: list[Topic]
    briefs: list[Brief] = field(default_factory=list)
    analysed: int = 0  # topics analysed in this build (the others came from the cache)

    @property
    def used_files(self) -> int:
        return len({a.path for a in self.articles})


def progress(items: Iterable[Any], quiet: bool, desc: str, total: int | None = None) -> Iterable[Any]:
    return tqdm(items, desc=desc, total=total, disable=quiet or not sys.stderr.isatty(), leave=False)


def read_articles(
    paths: Sequence[Path], root: Path | None = None, quiet: bool = True
) -> tuple[list[Article], list[Skipped]]:
    """Read and clean every file; a file that fails is skipped with its reason, never raised."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    ids: set[str] = set()
    for path in progress(paths, quiet, "reading", total=len(paths)):
        try:
            found = read_path(path)
            if not found:
                raise UnreadableInput("no articles in file")
            file_articles: list[Article] = []
            for raw in found:
                if isinstance(raw, Skipped):  # part of a multi-article file
                    skipped.append(raw)
                    continue
                article = to_article(raw)
                if not article.text.strip():
                    if len(found) == 1:
                        raise UnreadableInput("no article text left after removing boilerplate")
                    reason = f"article {raw.id}: no article text left after removing boilerplate"
                    skipped.append(Skipped(str(path), reason, partial=True))
                    continue
                file_articles.append(article)
            if not file_articles:
                raise UnreadableInput("no article with text in file")
        except UnreadableInput as exc:
            skipped[:] = [s for s in skipped if s.path != str(path)]
            skipped.append(Skipped(str(path), str(exc)))
            continue
        for article in file_articles:
            if not article.topic and root is not None:
                rel = path.relative_to(root)
                if len(rel.parts) > 1:
                    article = _with(article, topic=rel.parts[0])
            unique, n = article.id, 2
            while unique.lower() in ids:
                unique, n = f"{article.id}-{n}", n + 1
            ids.add(unique.lower())
            articles.append(_with(article, id=unique) if unique != article.id else article)
    return articles, skipped


def _with(article: Article, **changes: Any) -> Article:
    import dataclasses

    return dataclasses.replace(article, **changes)


def build(config: Config, quiet: bool = False, strict: bool = False, use_cache: bool = True) -> BuildResult:
    """Read the input folder, write Markdown briefs to docs_dir and the site to site_dir.

    Topics whose content did not change since a previous build are taken from the analysis cache
    (`use_cache=False` analyses every topic again; the output is the same either way).
    """
    input_dir = config.input_dir
    if not input_dir.is_dir():
        raise InputError(f"input folder {input_dir} does not exist (give a folder of articles)")
    paths = list(discover(input_dir))
    articles, skipped = read_articles(paths, root=input_dir, quiet=quiet)
    if not articles:
        raise InputError(f"no usable article in {input_dir} ({len(paths)} files, {len(skipped)} skipped)")
    topics = group_topics(articles)
    result = BuildResult(len(paths), articles, skipped, topics)
    cache = AnalysisCache(
        config.cache_dir, settings=(config.summary_words, config.article_summary_words), read=use_cache
    )
    for topic in progress(topics, quiet, "analysing topics"):
        result.briefs.append(
            cache.brief(topic, lambda t: analyze(t, config.summary_words, config.article_summary_words))
        )
    result.analysed = cache.misses
    check_accounting(result)
    changes, state = track_changes(result.briefs, load_state(config.cache_dir))
    rows = topic_rows(result.briefs)
    write_docs(result, config, rows, changes)
    if config.build_site:
        os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch(articles))
        with staged_dir(config.site_dir) as site_tmp:
            build_site(
                config.docs_dir,
                site_tmp,
                nav(rows),
                config.site_name,
                config.mkdocs_config,
                strict=strict,
                site_url=config.site_url,
            )
    save_state(config.cache_dir, state)
    cache.prune()
    return result


def source_date_epoch(articles: Sequence[Article]) -> int:
    """The build's timestamp for MkDocs (sitemap, archives): the latest article's date, never the clock."""
    latest = max((a.published for a in articles if a.published), default=dt.date(2000, 1, 1))
    return int(dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC).timestamp())


def check_accounting(result: BuildResult) -> None:
    """Invariant: every input file is used or skipped, never both, never neither.

    (A multi-article file can be used and have parts skipped: those skips are `partial`.)
    """
    used = {a.path for a in result.articles}
    skipped = {s.path for s in result.skipped if not s.partial}
    if used & skipped or len(used) + len(skipped) != result.inputs:
        raise AssertionError(
            f"build lost track of inputs: {result.inputs} files, {len(used)} used, {len(skipped)} skipped"
        )


def report_data(result: BuildResult) -> dict[str, Any]:
    return {
        "inputs": result.inputs,
        "used": result.used_files,
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
        "topics": [
            {"slug": t.slug, "title": t.title, "articles": [a.path for a in t.articles]}
            for t in result.topics
        ],
        "removed": [
            {"id": a.id, "path": a.path, "lines": [{"text": r.text, "reason": r.reason} for r in a.removed]}
            for a in result.articles
            if a.removed
        ],
    }


def write_docs(result: BuildResult, config: Config, rows: list[TopicRow], changes: dict[str, Change]) -> None:
    env = environment(config.templates_dir)
    with staged_dir(config.docs_dir) as docs:
        for brief in result.briefs:
            slug = brief.topic.slug
            write_text(
                docs / "topics" / f"{slug}.md",
                render_brief(brief, env, change=changes.get(slug), download=f"../{slug}.md"),
            )
        for article in result.articles:
            paragraphs: dict[int, list[Any]] = {}
            for s in split_article(article):
                paragraphs.setdefault(s.paragraph, []).append(s)
            write_text(
                docs / "articles" / f"{safe_name(article.id)}.md",
                render_article(article, tuple(paragraphs.values()), env),
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
        report = report_data(result)
        write_text(
            docs / "report.md",
            env.get_template("report.md.j2").render(
                report={**report, "skipped": result.skipped, "removed": report["removed"]}
            ),
        )
        write_text(docs / "report.json", json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        css = env.loader.get_source(env, "briefgen.css")[0]  # type: ignore[union-attr]
        write_text(docs / "assets" / "briefgen.css", css)
