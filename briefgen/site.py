"""The static site: the pages around the briefs (home, archive, navigation, feed, downloads) and
`mkdocs build` (Material theme) over the docs folder briefgen wrote.

The navigation holds a fixed number of entries (home, the most recent topics, the archive, the report),
whatever the number of topics: Material renders the whole navigation into every page, so a navigation
listing every topic makes the build quadratic.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import siteplan
from .errors import BriefgenError
from .models import Brief
from .plugin import BriefgenPlugin
from .render import plain_title

HOME_TOPICS = 50
"""Topics listed on the home page; all of them are on the archive page."""
NAV_TOPICS = 10
"""Most recent topics listed in the navigation."""
TAGS = 5

DEFAULT_MKDOCS: dict[str, Any] = {
    "site_name": "briefgen briefings",
    "theme": {
        "name": "material",
        "font": False,
        "features": ["search.suggest", "search.highlight", "navigation.top", "navigation.footer"],
        "palette": [
            {
                "media": "(prefers-color-scheme: light)",
                "scheme": "default",
                "toggle": {"icon": "material/brightness-7", "name": "Switch to dark mode"},
            },
            {
                "media": "(prefers-color-scheme: dark)",
                "scheme": "slate",
                "toggle": {"icon": "material/brightness-4", "name": "Switch to light mode"},
            },
        ],
    },
    "plugins": ["search", "briefgen"],
    "markdown_extensions": ["toc", "tables", "admonition"],
    "extra_css": ["assets/briefgen.css"],
    "extra_javascript": ["assets/briefgen.js"],
    "use_directory_urls": True,
}


@dataclass(frozen=True)
class TopicRow:
    """A topic as listed on the home and archive pages and in the feed."""

    slug: str
    title: str
    lead: str
    articles: int
    sources: int
    updated: str  # ISO date of the latest article, or ""
    tags: tuple[str, ...]


def topic_tags(brief: Brief, limit: int = TAGS) -> tuple[str, ...]:
    """The main people, organisations and places of a topic: its entities when the brief has them,
    else the speakers of its quotes."""
    names: list[str] = []
    for entity in getattr(brief, "entities", ()) or ():
        name = entity if isinstance(entity, str) else getattr(entity, "name", getattr(entity, "text", None))
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    if not names:
        names = [
            q.speaker.strip()
            for q in brief.quotes
            if q.speaker.strip() and getattr(q, "speaker_kind", "person") not in ("unnamed", "unknown")
        ]
    unique = list(dict.fromkeys(names))
    return tuple(unique[:limit])


def topic_rows(briefs: Sequence[Brief]) -> list[TopicRow]:
    """Every topic, most recently updated first (ties by slug)."""
    rows = []
    for brief in briefs:
        known = getattr(brief, "row", None)  # a cached brief's row (`cache.LazyBrief`)
        if isinstance(known, TopicRow):
            rows.append(known)
            continue
        dates = [a.published for a in brief.articles if a.published]
        rows.append(
            TopicRow(
                slug=brief.topic.slug,
                title=brief.topic.title,
                lead=brief.summary[0].text if brief.summary else "",
                articles=len(brief.articles),
                sources=brief.independent_sources,
                updated=max(dates).isoformat() if dates else "",
                tags=topic_tags(brief),
            )
        )
    rows.sort(key=lambda r: (r.updated, r.slug), reverse=True)
    return rows


def archive_months(rows: Sequence[TopicRow]) -> list[tuple[str, list[TopicRow]]]:
    """Topics grouped by the month of their latest article ("2025-04"), newest first; undated last."""
    months: dict[str, list[TopicRow]] = {}
    for row in rows:
        months.setdefault(row.updated[:7] or "undated", []).append(row)
    return sorted(months.items(), key=lambda kv: (kv[0] != "undated", kv[0]), reverse=True)


def nav(rows: Sequence[TopicRow], report: bool = True) -> list[Any]:
    """Home, the most recent topics, the archive of all topics, the build report: bounded size."""
    entries: list[Any] = [{"Home": "index.md"}]
    if rows:
        # MkDocs puts nav titles into every page unescaped.
        recent = [{plain_title(r.title): f"topics/{r.slug}.md"} for r in rows[:NAV_TOPICS]]
        entries.append({"Recent topics": recent})
        entries.append({"All topics": "archive.md"})
    if report:
        entries.append({"Build report": "report.md"})
    return entries


def require_plugin() -> None:
    """Fail with what to do when briefgen's MkDocs plugin is not registered (an editable install made
    before the plugin existed): MkDocs would only say a configuration value is wrong."""
    from importlib.metadata import entry_points

    if not entry_points(group="mkdocs.plugins", name="briefgen"):
        raise BriefgenError(
            "briefgen's MkDocs plugin is not registered: install briefgen again (pip install -e . "
            "in a checkout, pip install briefgen otherwise)"
        )


def mkdocs_config_file(mkdocs_config: Path | None, site_name: str, folder: Path) -> Path:
    """The project's mkdocs.yml when there is one, else briefgen's default written into `folder`."""
    if mkdocs_config is not None and mkdocs_config.is_file():
        return mkdocs_config
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump({**DEFAULT_MKDOCS, "site_name": site_name}), encoding="utf-8")
    return config_file


def _build_date() -> Any:
    """MkDocs' `get_build_date` (a page's date), the same string for the same SOURCE_DATE_EPOCH."""
    from mkdocs.utils import get_build_date

    dates: dict[str, str] = {}

    def build_date() -> str:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch is None:  # the clock's date: not kept
            return get_build_date()
        found = dates.get(epoch)
        if found is None:
            found = dates[epoch] = get_build_date()
        return found

    return build_date


class _DirtyNotice(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


@contextlib.contextmanager
def _quiet_dirty_notice() -> Any:
    """MkDocs warns that a dirty build may give stale navigation: briefgen's plan builds every file
    whose output would differ, so the notice is dropped (it would count as a warning with --strict)."""
    logger = logging.getLogger("mkdocs.commands.build")
    notice = _DirtyNotice()
    logger.addFilter(notice)
    try:
        yield
    finally:
        logger.removeFilter(notice)


def build_site(
    docs_dir: Path,
    site_dir: Path,
    nav: list[Any] | None,
    site_name: str,
    mkdocs_config: Path | None,
    strict: bool = False,
    site_url: str = "",
    memo_dir: Path | None = None,
    fast: bool = True,
    over_previous: bool = False,
    memo_read: bool = True,
    writer: Any = None,
    docs_stats: dict[str, Any] | None = None,
) -> int:
    """Build the site into `site_dir` with MkDocs; raises BriefgenError on failure.

    With `memo_dir`, pages whose Markdown did not change since an earlier build reuse its conversion
    (see `briefgen.plugin`; `memo_read=False`: converts every page, still saving the memo); returns the
    number of pages reused. `nav=None`: the navigation `briefgen
    build` wrote into the docs folder (the plugin reads it), else the mkdocs.yml's. `fast=False` builds
    every page through MkDocs' own path (Python-Markdown, Material's template per page).
    `over_previous`: `site_dir` holds an earlier site to write over (see `fsutil.staged_dir`'s spare),
    which MkDocs must not empty first; the caller removes what this build did not write. `writer` (a
    `fsutil.LinkingWriter`) writes the files MkDocs writes (`mkdocs.utils.write_file`, `copy_file`);
    with it, MkDocs runs in its dirty mode and the plugin builds only the files whose source changed
    (`siteplan`); `docs_stats`: inode, size and mtime of the files of docs/ as briefgen just wrote them.
    """
    from unittest import mock

    from mkdocs import utils as mkdocs_utils
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs.structure import pages as mkdocs_pages

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="briefgen-mkdocs-") as tmp:
        config_file = mkdocs_config_file(mkdocs_config, site_name, Path(tmp))
        require_plugin()
        try:
            overrides: dict[str, Any] = {"site_url": site_url} if site_url else {}
            if nav is not None:
                overrides["nav"] = nav
            config = load_config(
                config_file=str(config_file),
                docs_dir=str(docs_dir.resolve()),
                site_dir=str(site_dir.resolve()),
                strict=strict,
                **overrides,
            )
            plugin = config.plugins.get("briefgen")
            if not isinstance(plugin, BriefgenPlugin):  # an mkdocs.yml without briefgen's plugin
                plugin = BriefgenPlugin()
                plugin.load_config({})
                config.plugins["briefgen"] = plugin
            plugin.config.fast = fast
            plugin.store = memo_dir / "pages.pickle" if memo_dir is not None else None
            plugin.read_store = memo_read
            os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
            plugin.writer = writer
            plugin.docs_stats = docs_stats or {}
            with contextlib.ExitStack() as patches:
                if over_previous:
                    patches.enter_context(mock.patch.object(mkdocs_utils, "clean_directory", lambda d: None))
                # Each page's date from SOURCE_DATE_EPOCH once per build, not once per page (5 µs each).
                patches.enter_context(mock.patch.object(mkdocs_pages, "get_build_date", _build_date()))
                if writer is not None:
                    patches.enter_context(mock.patch.object(mkdocs_build, "get_files", siteplan.docs_files))
                    patches.enter_context(mock.patch.object(mkdocs_utils, "write_file", writer.write))
                    patches.enter_context(mock.patch.object(mkdocs_utils, "copy_file", writer.copy))
                    patches.enter_context(_quiet_dirty_notice())
                # With briefgen's writer, MkDocs' dirty mode: the plugin marks which files to build
                # (all of them unless the previous builds tell which did not change; `siteplan`).
                build(config, dirty=writer is not None and not strict)
            if writer is not None:
                plugin.finish_site()
                writer.kept = len(plugin.plan.kept) if plugin.plan is not None else 0
        except MkDocsException as exc:
            raise BriefgenError(f"mkdocs build failed: {exc}") from None
    return int(plugin.hits)
