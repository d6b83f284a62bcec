"""briefgen's MkDocs plugin (`plugins: [search, briefgen]` in mkdocs.yml, entry point `briefgen`).

Everything that makes briefgen's site what it is happens here, so `briefgen build`, a plain
`mkdocs build` and `mkdocs serve` over the same `docs/` give the same site, byte for byte:

- **Navigation**: the bounded navigation `briefgen build` wrote into `docs/.briefgen-site.json`
  (home, the most recent topics, the archive, the report), whatever the number of topics; also the
  build's timestamp (`SOURCE_DATE_EPOCH`, the latest article's date, never the clock) and the public
  address from briefgen.yml when mkdocs.yml sets none.
- **Fast pages** (`fastpages`): briefgen's pages converted by cmark-gfm, topic and article pages filled
  into the theme's page rendered once per folder, their search sections cut without HTMLParser.
- **Article pages** with a lighter template (`briefgen-article.html`, in `templates/theme/`).
- **Downloads**: each topic's Markdown next to its page (`site/topics/<slug>.md`).
- **Page memo** (option `cache_dir`, set by `briefgen build` to `.briefgen-cache/pages`): pages whose
  Markdown did not change since the previous build reuse their conversion and search entries. Entries
  are keyed by the page's path and source, the MkDocs and theme versions and the Markdown settings; a
  conversion that logged a warning is never stored (so --strict still sees it). The store is one file,
  `pages.pickle`, holding only the entries the last build used.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import pickle
from importlib.metadata import version
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from mkdocs import utils as mkdocs_utils
from mkdocs.config import config_options as c
from mkdocs.config.base import Config as PluginConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from . import fastpages, siteplan
from .cache import atomic_write
from .siteplan import SitePlan

ARTICLE_TEMPLATE = "briefgen-article.html"
SITE_DATA = ".briefgen-site.json"
"""What `briefgen build` tells the plugin about the site, in docs/ (a dot file: MkDocs publishes none)."""
PLUGIN_NAMES = frozenset({"briefgen", "briefgen-pages"})
DEFAULT_CACHE_DIR: Path | None = None
"""The page memo's folder when the plugin's options set none: `briefgen serve` sets it (MkDocs' server
builds each time from a fresh configuration, so the option cannot be handed to it otherwise)."""


def theme_dir() -> Path:
    """briefgen's page templates for the theme (HTML only: MkDocs copies a theme's other files)."""
    from .fsutil import default_templates

    return default_templates() / "theme"


def write_site_data(docs_dir: Path, nav: list[Any], source_date_epoch: int, site_url: str) -> None:
    """The site settings `briefgen build` decided, for the plugin (see `SITE_DATA`)."""
    text = site_data(nav, source_date_epoch, site_url)
    (docs_dir / SITE_DATA).write_text(text, encoding="utf-8", newline="\n")


def site_data(nav: list[Any], source_date_epoch: int, site_url: str) -> str:
    """The text of `SITE_DATA`."""
    data = {"nav": nav, "source_date_epoch": source_date_epoch, "site_url": site_url}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def read_site_data(docs_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((docs_dir / SITE_DATA).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class BriefgenPluginConfig(PluginConfig):
    fast = c.Type(bool, default=True)
    """briefgen's fast page conversion (off: every page through MkDocs' own path, same reading)."""
    nav = c.Type(bool, default=True)
    """Use briefgen's bounded navigation (off: the `nav` of mkdocs.yml, or MkDocs' default)."""
    cache_dir = c.Optional(c.Type(str))
    """Folder of the page memo; none by default."""


class _WarningCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class BriefgenPlugin(BasePlugin[BriefgenPluginConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.previous: dict[str, Any] = {}
        self.kept: dict[str, Any] = {}
        self.hits = 0
        self.fast = False
        self.shells = False
        self.nav: Any = None
        self.store: Path | None = None
        self.read_store = True  # False: every page converted again (the memo is still saved)
        self.salt = ""
        self.warnings = _WarningCount()
        self.writer: Any = None  # briefgen build's `fsutil.LinkingWriter`: a rebuild builds what changed
        self.plan: SitePlan | None = None
        self.memo_on = True  # the page memo is read and saved (not in a dirty build)
        self.files: Any = None
        self._downloads: list[str] | None = None
        self.docs_stats: dict[str, Any] = {}
        """Files of docs/ briefgen build just wrote or kept: relative path -> (inode, size, mtime)."""

    # -- configuration -------------------------------------------------------------------------

    def on_config(self, config: Any) -> Any:
        data = read_site_data(Path(config["docs_dir"]))
        if self.config.nav and isinstance(data.get("nav"), list):
            config["nav"] = data["nav"]
        if isinstance(data.get("source_date_epoch"), int):
            os.environ["SOURCE_DATE_EPOCH"] = str(data["source_date_epoch"])
        else:
            os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
        url = data.get("site_url")
        if not config["site_url"] and isinstance(url, str) and url:
            config["site_url"] = url if url.endswith("/") else url + "/"
        templates = str(theme_dir())
        if templates not in config.theme.dirs:
            config.theme.dirs.append(templates)  # after the theme's own: `template:` of briefgen's pages
        if self.store is None:
            folder = Path(self.config.cache_dir) if self.config.cache_dir else DEFAULT_CACHE_DIR
            self.store = folder / "pages.pickle" if folder is not None else None
        self.fast = self.config.fast and fastpages.applies(config)
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
        logging.getLogger("mkdocs").addHandler(self.warnings)
        return config

    def key(self, *parts: object) -> str:
        return hashlib.sha256("\0".join(map(str, (self.salt, *parts))).encode()).hexdigest()

    # -- files, navigation, templates ----------------------------------------------------------

    def on_files(self, files: Any, config: Any) -> Any:
        kept = [f for f in files if f.src_uri != SITE_DATA]
        if self.shells:
            kept = [
                fastpages.ArticleFile.of(f, self.render_article)
                if f.is_documentation_page() and f.src_uri.startswith("articles/")
                else f
                for f in kept
            ]
        self.files = Files(kept)
        if self.writer is not None:
            self.plan_site(self.files, config)
        if self.store is not None and self.read_store and self.memo_on:
            try:
                loaded = pickle.loads(self.store.read_bytes())
                self.previous = loaded if isinstance(loaded, dict) else {}
            except Exception:  # absent or damaged: convert every page
                self.previous = {}
        return self.files

    def plan_site(self, files: Any, config: Any) -> None:
        """briefgen build's site step (MkDocs runs in its dirty mode): which files to build (`SitePlan`)."""
        writer = self.writer
        if self.store is None or not self.shells:
            for file in files:
                file.is_modified = _modified
            writer.prepare_full()
            return
        ctx = siteplan.context(config, self.salt)
        manifest = self.store.parent / siteplan.MANIFEST
        plan = SitePlan(manifest, writer.stage, writer.live, ctx, config["strict"])
        plan.dirty = plan.dirty and writer.over_previous
        plan.plan(files, config["docs_dir"], self.downloads(config), self.docs_stats)
        self.plan = plan
        if plan.dirty:
            self.memo_on = False  # what changed is converted; nothing else is looked at
            writer.prepare_dirty((), rewritten=siteplan.GENERATED_IN_PLACE)
        else:
            writer.prepare_full()

    def downloads(self, config: Any) -> list[str]:
        """Each topic's Markdown, put next to its page (see `on_post_build`)."""
        if self._downloads is None:
            folder = os.path.join(config["docs_dir"], "topics")
            try:
                with os.scandir(folder) as found:
                    names = sorted(e.name for e in found if e.name.endswith(".md") and e.is_file())
            except OSError:
                names = []
            self._downloads = [f"topics/{name}" for name in names]
        return self._downloads

    def finish_site(self) -> None:
        """After briefgen build's site step: the spare's files the new site lacks removed, the
        manifest saved."""
        writer = self.writer
        if self.plan is not None:
            writer.stale = self.plan.stale(writer.written)
        writer.finish()
        if self.plan is not None:
            self.plan.save(clean=self.warnings.count == 0)

    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        self.nav = nav
        return nav

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        env.auto_reload = False  # one build: templates need no check for changes on every page
        if self.store is not None:  # the theme's templates compiled once, not on every build
            compiled = self.store.parent / "templates"
            compiled.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(compiled))
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
        if self.store is None or not self.memo_on:
            return str(self.articles.render(file))
        # The page memo: the same Markdown at the same place converts the same (then filled into
        # this build's shell, which holds the navigation).
        key = self.key("article", file.src_uri, file.content_string)
        parts = self.previous.get(key)
        if isinstance(parts, tuple):
            self.hits += 1
            self.kept[key] = parts
        else:
            before = self.warnings.count
            parts = self.articles.convert(file)
            if self.warnings.count == before:
                self.kept[key] = parts
        return str(self.articles.fill(file, *parts))

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        if page.meta.get("template") != fastpages.SHELL_TEMPLATE:
            return output
        title = html.escape(page.meta["title"], quote=False)
        return str(self.topic_shell.render(title, page.url, page.toc, page.content))

    # -- search --------------------------------------------------------------------------------

    def on_pre_build(self, config: Any) -> None:
        for plugin in config.plugins.values():  # Material's search plugin
            index = getattr(plugin, "search_index", None)
            add = getattr(index, "add_entry_from_context", None)
            if isinstance(getattr(index, "entries", None), list) and add is not None:
                index.add_entry_from_context = self._search(index, add)
                generate = getattr(index, "generate_search_index", None)
                if generate is not None and isinstance(getattr(index, "config", None), dict):
                    index.generate_search_index = self._search_index(index, generate)

    def _search_index(self, index: Any, original: Any) -> Any:
        """The index joined from each page's entries, in the order of the pages (as a full build
        writes them), when briefgen build's site step knows every page's (`SitePlan`)."""

        def generate(prev: Any) -> str:
            plan = self.plan
            if plan is None or prev is not None:
                return str(original(prev))
            pages = [f.src_uri for f in self.files.documentation_pages()]
            if not plan.dirty and sum(1 for p in pages if p in plan.search) != len(plan.search):
                return str(original(prev))
            config = {key: index.config[key] for key in ["lang", "separator", "pipeline", "fields"]}
            return siteplan.search_index(config, [plan.search.get(p, b"") for p in pages])

        return generate

    def _search(self, index: Any, original: Any) -> Any:
        def index_page(page: Any) -> None:
            fast_page = self.fast and fastpages.is_fast_page(page.file.src_uri)
            memo = self.plan.chunks.page(page.file.src_uri) if self.plan is not None else None
            if not (fast_page and fastpages.index_page(index, page, memo)):
                original(page)

        def add(page: Any) -> None:
            before = len(index.entries)
            if self.store is None or not self.memo_on:
                index_page(page)
            else:
                key = self.key("search", page.url, page.title, repr(page.meta), page.content)
                entries = self.previous.get(key)
                if entries is None:
                    index_page(page)
                    entries = index.entries[before:]
                else:
                    index.entries.extend(entries)
                self.kept[key] = entries
            if self.plan is not None:
                uri = page.file.src_uri
                self.plan.search[uri] = self.plan.shared(uri, siteplan.fragment(index.entries[before:]))

        return add

    # -- pages ---------------------------------------------------------------------------------

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
        if self.store is None or not self.memo_on:
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

    # -- end of the build ----------------------------------------------------------------------

    def on_post_build(self, config: Any) -> None:
        """Each topic's Markdown for download next to its page; the page memo saved."""
        docs, site = Path(config["docs_dir"]), Path(config["site_dir"])
        for uri in self.downloads(config):
            if self.plan is None or self.plan.modified(uri):
                mkdocs_utils.copy_file(str(docs / uri), str(site / uri))
        self.close(success=True)

    def on_build_error(self, error: Exception) -> None:
        self.close(success=False)

    def close(self, success: bool) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.store is not None and success and self.memo_on:
            self.store.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.store, pickle.dumps(self.kept, protocol=pickle.HIGHEST_PROTOCOL))
            self.store = None  # saved once


def _modified() -> bool:
    return True
