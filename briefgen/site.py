"""The static site: the pages around the briefs (home, archive, navigation, feed, downloads) and
`mkdocs build` (Material theme) over the docs folder briefgen wrote.

The navigation holds a fixed number of entries (home, the most recent topics, the archive, the report),
whatever the number of topics: Material renders the whole navigation into every page, so a navigation
listing every topic makes the build quadratic.
"""

from __future__ import annotations

import html
import logging
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import BriefgenError
from .models import Brief
from .render import default_templates, plain_title

HOME_TOPICS = 50
"""Topics listed on the home page; all of them are on the archive page."""
NAV_TOPICS = 10
"""Most recent topics listed in the navigation."""
TAGS = 5
ARTICLE_TEMPLATE = "briefgen-article.html"

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
    "plugins": ["search"],
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
            if q.speaker.strip() and getattr(q, "speaker_kind", "person") != "unnamed"
        ]
    unique = list(dict.fromkeys(names))
    return tuple(unique[:limit])


def topic_rows(briefs: Sequence[Brief]) -> list[TopicRow]:
    """Every topic, most recently updated first (ties by slug)."""
    rows = []
    for brief in briefs:
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


def copy_downloads(docs_dir: Path, site_dir: Path) -> None:
    """Offer each topic's Markdown file for download next to its page: site/topics/<slug>.md."""
    for path in sorted((docs_dir / "topics").glob("*.md")):
        target = site_dir / "topics" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


class _WarningCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def pages_plugin(directory: Path | None, fast: bool = True) -> Any:
    """briefgen's MkDocs plugin, added by `build_site`.

    With `fast` (and the settings briefgen's pages are written for), briefgen's pages are converted by
    cmark-gfm, topic and article pages are filled into the theme's page rendered once per folder and
    their search sections are cut without HTMLParser (`fastpages`): a 1,000-topic site builds about 16
    times faster than with plain MkDocs. Article pages (one per article, so thousands) use a lighter
    template either way, without the navigation sidebars and footer.

    With a `directory`, it also reuses, for pages whose Markdown did not change since the previous
    build, their Markdown-to-HTML conversion and their search-index entries: together most of a page's
    cost, and after one new article almost every page is unchanged. Entries are keyed by the page's path
    and source, the MkDocs and theme versions and the Markdown settings; a conversion that logged a
    warning is never stored (so --strict still sees it). The store is one file, `pages.pickle`, holding
    only the entries the last build used.
    """
    import hashlib
    import pickle
    from importlib.metadata import version

    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import Files

    from . import fastpages
    from .cache import atomic_write

    store = directory / "pages.pickle" if directory is not None else None

    class PagesPlugin(BasePlugin):  # type: ignore[type-arg]
        def __init__(self) -> None:
            super().__init__()
            self.previous: dict[str, Any] = {}
            self.kept: dict[str, Any] = {}
            self.hits = 0
            self.fast = False
            self.shells = False
            self.nav: Any = None
            self.warnings = _WarningCount()
            logging.getLogger("mkdocs").addHandler(self.warnings)
            if store is not None:
                try:
                    loaded = pickle.loads(store.read_bytes())
                    self.previous = loaded if isinstance(loaded, dict) else {}
                except Exception:  # absent or damaged: convert every page
                    self.previous = {}

        def key(self, *parts: object) -> str:
            return hashlib.sha256("\0".join(map(str, (self.salt, *parts))).encode()).hexdigest()

        def on_config(self, config: Any) -> None:
            self.fast = fast and fastpages.applies(config)
            self.shells = self.fast and fastpages.shells_apply(config)
            settings = (
                version("mkdocs"),
                version("mkdocs-material"),
                version("cmarkgfm") if self.fast else "",
                repr(config["markdown_extensions"]),
                repr(sorted((config["mdx_configs"] or {}).items())),
                config["use_directory_urls"],
            )
            self.salt = repr(settings)

        def on_files(self, files: Any, config: Any) -> Any:
            if not self.shells:
                return files
            return Files(
                [
                    fastpages.ArticleFile.of(f, self.render_article)
                    if f.is_documentation_page() and f.src_uri.startswith("articles/")
                    else f
                    for f in files
                ]
            )

        def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
            self.nav = nav
            return nav

        def on_env(self, env: Any, config: Any, files: Any) -> Any:
            env.auto_reload = False  # one build: templates need no check for changes on every page
            if not self.shells:
                return env
            shell = fastpages.PageShell(env, config, files, self.nav, ARTICLE_TEMPLATE, "articles")
            self.articles = fastpages.ArticlePages(shell)
            self.topic_shell = fastpages.PageShell(env, config, files, self.nav, "main.html", "topics")
            in_nav = {page.file.src_uri for page in self.nav.pages}
            for file in files.documentation_pages():
                page = file.page
                if (
                    file.src_uri.startswith("topics/")
                    and file.src_uri not in in_nav
                    and page is not None
                    and set(page.meta) == {"title"}
                    and isinstance(page.meta["title"], str)
                ):
                    page.meta["template"] = fastpages.SHELL_TEMPLATE
            return env

        def render_article(self, file: Any) -> str:
            return str(self.articles.render(file))

        def on_post_page(self, output: str, page: Any, config: Any) -> str:
            if page.meta.get("template") != fastpages.SHELL_TEMPLATE:
                return output
            title = html.escape(page.meta["title"], quote=False)
            return str(self.topic_shell.render(title, page.url, page.toc, page.content))

        def on_pre_build(self, config: Any) -> None:
            for plugin in config.plugins.values():  # Material's search plugin
                index = getattr(plugin, "search_index", None)
                add = getattr(index, "add_entry_from_context", None)
                if isinstance(getattr(index, "entries", None), list) and add is not None:
                    index.add_entry_from_context = self._search(index, add)

        def _search(self, index: Any, original: Any) -> Any:
            def index_page(page: Any) -> None:
                fast_page = self.fast and fastpages.is_fast_page(page.file.src_uri)
                if not (fast_page and fastpages.index_page(index, page)):
                    original(page)

            if store is None:
                return index_page

            def add(page: Any) -> None:
                key = self.key("search", page.url, page.title, repr(page.meta), page.content)
                entries = self.previous.get(key)
                if entries is None:
                    before = len(index.entries)
                    index_page(page)
                    entries = index.entries[before:]
                else:
                    index.entries.extend(entries)
                self.kept[key] = entries

            return add

        def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
            if page.file.src_uri.startswith("articles/") and "template" not in page.meta:
                page.meta["template"] = ARTICLE_TEMPLATE
            convert = page.render
            if self.fast and fastpages.is_fast_page(page.file.src_uri):

                def convert(config: Any, files: Any) -> None:
                    rendered, links = fastpages.convert(page.markdown, page.file, files, config)
                    page.content, page.toc = rendered.content, rendered.toc
                    page._title_from_render = rendered.title
                    page.present_anchor_ids = rendered.anchors
                    page.links_to_anchors = links

                page.render = convert
            if store is None:
                return markdown
            key = self.key("page", page.file.src_uri, markdown)

            def render(config: Any, files: Any) -> None:
                data = self.previous.get(key)
                if isinstance(data, dict):
                    self.hits += 1
                    page.content, page.toc = data["content"], data["toc"]
                    page._title_from_render = data["title"]
                    page.present_anchor_ids = data["anchors"]
                    if data["links"] is not None:
                        page.links_to_anchors = {
                            f: links
                            for uri, links in data["links"].items()
                            if (f := files.get_file_from_path(uri))
                        }
                    self.kept[key] = data
                    return
                before = self.warnings.count
                convert(config, files)
                if self.warnings.count == before:
                    links = getattr(page, "links_to_anchors", None)
                    self.kept[key] = {
                        "content": page.content,
                        "toc": page.toc,
                        "title": getattr(page, "_title_from_render", None),
                        "anchors": page.present_anchor_ids,
                        "links": {f.src_uri: v for f, v in links.items()} if links is not None else None,
                    }

            page.render = render
            return markdown

        def close(self, success: bool) -> None:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            if store is not None and success:
                atomic_write(store, pickle.dumps(self.kept, protocol=pickle.HIGHEST_PROTOCOL))

    return PagesPlugin()


def build_site(
    docs_dir: Path,
    site_dir: Path,
    nav: list[Any],
    site_name: str,
    mkdocs_config: Path | None,
    strict: bool = False,
    site_url: str = "",
    memo_dir: Path | None = None,
    fast: bool = True,
) -> int:
    """Build the site into `site_dir` with MkDocs; raises BriefgenError on failure.

    With `memo_dir`, pages whose Markdown did not change since an earlier build reuse its conversion
    (see `pages_plugin`); returns the number of pages reused. `fast=False` builds every page through
    MkDocs' own path (Python-Markdown, Material's template per page), as a plain `mkdocs build` does.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="briefgen-mkdocs-") as tmp:
        if mkdocs_config is not None and mkdocs_config.is_file():
            config_file = mkdocs_config
        else:
            config_file = Path(tmp) / "mkdocs.yml"
            config_file.write_text(
                yaml.safe_dump({**DEFAULT_MKDOCS, "site_name": site_name}), encoding="utf-8"
            )
        try:
            overrides: dict[str, Any] = {"site_url": site_url} if site_url else {}
            config = load_config(
                config_file=str(config_file),
                docs_dir=str(docs_dir.resolve()),
                site_dir=str(site_dir.resolve()),
                nav=nav,
                strict=strict,
                **overrides,
            )
            # briefgen's page templates (`template:` in a page's front matter), after the theme's own.
            # Only the HTML templates: MkDocs copies every other file of a theme folder into the site.
            theme_dir = Path(tmp) / "theme"
            theme_dir.mkdir()
            for template in default_templates().glob("*.html"):
                shutil.copy2(template, theme_dir / template.name)
            config.theme.dirs.append(str(theme_dir))
            memo = pages_plugin(memo_dir, fast)
            config.plugins["briefgen-pages"] = memo
            os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
            ok = False
            try:
                build(config)
                ok = True
            finally:
                memo.close(ok)
            copy_downloads(docs_dir, site_dir)
        except MkDocsException as exc:
            raise BriefgenError(f"mkdocs build failed: {exc}") from None
    return int(memo.hits)
