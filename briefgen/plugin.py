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

from . import fastpages
from .cache import atomic_write

ARTICLE_TEMPLATE = "briefgen-article.html"
SITE_DATA = ".briefgen-site.json"
"""What `briefgen build` tells the plugin about the site, in docs/ (a dot file: MkDocs publishes none)."""
PLUGIN_NAMES = frozenset({"briefgen", "briefgen-pages"})
DEFAULT_CACHE_DIR: Path | None = None
"""The page memo's folder when the plugin's options set none: `briefgen serve` sets it (MkDocs' server
builds each time from a fresh configuration, so the option cannot be handed to it otherwise)."""


def theme_dir() -> Path:
    """briefgen's page templates for the theme (HTML only: MkDocs copies a theme's other files)."""
    from .render import default_templates

    return default_templates() / "theme"


def write_site_data(docs_dir: Path, nav: list[Any], source_date_epoch: int, site_url: str) -> None:
    """The site settings `briefgen build` decided, for the plugin (see `SITE_DATA`)."""
    data = {"nav": nav, "source_date_epoch": source_date_epoch, "site_url": site_url}
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (docs_dir / SITE_DATA).write_text(text, encoding="utf-8", newline="\n")


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
        if self.store is not None and self.read_store:
            try:
                loaded = pickle.loads(self.store.read_bytes())
                self.previous = loaded if isinstance(loaded, dict) else {}
            except Exception:  # absent or damaged: convert every page
                self.previous = {}
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
        return Files(kept)

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
        if self.store is None:
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

    def _search(self, index: Any, original: Any) -> Any:
        def index_page(page: Any) -> None:
            fast_page = self.fast and fastpages.is_fast_page(page.file.src_uri)
            if not (fast_page and fastpages.index_page(index, page)):
                original(page)

        if self.store is None:
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
        if self.store is None:
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
        for path in sorted((docs / "topics").glob("*.md")):
            mkdocs_utils.copy_file(str(path), str(site / "topics" / path.name))
        self.close(success=True)

    def on_build_error(self, error: Exception) -> None:
        self.close(success=False)

    def close(self, success: bool) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.store is not None and success:
            self.store.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.store, pickle.dumps(self.kept, protocol=pickle.HIGHEST_PROTOCOL))
            self.store = None  # saved once
