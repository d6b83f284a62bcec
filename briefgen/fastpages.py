"""briefgen's own pages, rendered fast inside the MkDocs build.

A 1,000-topic site has about 3,000 pages. Through MkDocs' ordinary path each page costs a
Python-Markdown conversion (about 15 ms for a topic page) and a run of Material's page template
(about 3 ms), so the site step took 40 CPU seconds. Two shortcuts, both for pages briefgen writes
itself from its templates, and only with the Markdown settings briefgen's pages are written for
(`FAST_EXTENSIONS`, no extension options; any other setting keeps MkDocs' own path everywhere):

- **Conversion**: the Markdown of a topic or article page is converted by cmark-gfm (GitHub's C
  implementation of CommonMark with tables, about 50 times faster), after turning admonitions
  (`!!! type "title"`, the one construct of briefgen's templates that CommonMark lacks) into their HTML.
  Headings get the ids and table of contents Python-Markdown's `toc` would give them, and links to
  other Markdown files are resolved and checked by MkDocs' own link resolver, which warns about a
  broken link exactly as on MkDocs' path (so `--strict` fails on it).
- **Article pages** (two or more per topic) are not MkDocs pages: Material's page template is
  rendered once, for a stand-in article, and every article page is that page with its own title,
  address and text put in. They look the same as before (same template, `briefgen-article.html`),
  links to them resolve and are checked as before; like before they are not in the search index, and
  now they are not in the sitemap either.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

import cmarkgfm
from cmarkgfm.cmark import Options
from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from mkdocs.structure.files import File
from mkdocs.structure.pages import _RelativePathTreeprocessor
from mkdocs.structure.toc import TableOfContents, get_toc
from mkdocs.utils import meta as mkdocs_meta
from mkdocs.utils import write_file

FAST_EXTENSIONS = frozenset({"toc", "tables", "fenced_code", "admonition"})
"""Markdown extensions the fast path reproduces (MkDocs always adds toc, tables and fenced_code)."""

CMARK_OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
# UNSAFE keeps the raw HTML of briefgen's templates (badges, meta lines, article sentences); article
# text itself never reaches a page as HTML: the templates escape it (`md` and `e` filters).

ADMONITION = re.compile(r'^!!! +([\w-]+)(?: +"(.*?)")? *$')
HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.S)
MD_LINK = re.compile(r'<a href="([^"]*)"( title="[^"]*")?>')
TAG = re.compile(r"<[^>]*>")
ID_ATTR = re.compile(r'<[a-zA-Z][^>]*?\s(?:id|name)="([^"]*)"')

ARTICLE_SHELL_NAME = "briefgen-page-shell"
TITLE_MARK = "briefgen-page-shell-title"
ANCHOR_MARK = "briefgen-page-shell-anchor"
CONTENT_MARK = "<h1>briefgen-page-shell-content</h1>"


def applies(config: Any) -> bool:
    """Whether the site's Markdown settings are the ones the fast path reproduces."""
    names = {e if isinstance(e, str) else type(e).__module__ for e in config["markdown_extensions"]}
    options = {k: v for k, v in (config["mdx_configs"] or {}).items() if v}
    return names <= FAST_EXTENSIONS and "admonition" in names and not options


def is_fast_page(src_uri: str) -> bool:
    """Pages briefgen writes from its templates, in numbers: topics and articles."""
    return src_uri.startswith(("topics/", "articles/")) and src_uri.endswith(".md")


def admonitions_to_html(markdown: str) -> str:
    """Python-Markdown's admonitions (`!!! note "Title"` and a block indented by 4 spaces) as the
    HTML that extension gives, with the block left as Markdown between the tags."""
    if "!!!" not in markdown:
        return markdown
    lines = markdown.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = ADMONITION.match(lines[i])
        if match is None:
            out.append(lines[i])
            i += 1
            continue
        kind, title = match.group(1), match.group(2)
        if title is None:
            title = kind.capitalize()
        body: list[str] = []
        i += 1
        while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
            body.append(lines[i][4:])
            i += 1
        while body and not body[-1].strip():
            body.pop()
        out.append(f'<div class="admonition {html.escape(kind)}">')
        if title:
            out.append(f'<p class="admonition-title">{html.escape(title)}</p>')
        out.extend(["", *body, "", "</div>", ""])
    return "\n".join(out)


def to_html(markdown: str) -> str:
    return cmarkgfm.markdown_to_html_with_extensions(
        admonitions_to_html(markdown), options=CMARK_OPTIONS, extensions=["table"]
    )


def heading_text(inner_html: str) -> str:
    return html.unescape(TAG.sub("", inner_html)).strip()


class Rendered:
    """What MkDocs' `Page.render` sets on a page."""

    def __init__(self, content: str, toc: TableOfContents, title: str | None, anchors: set[str]) -> None:
        self.content, self.toc, self.title, self.anchors = content, toc, title, anchors


def convert(markdown: str, file: File, files: Any, config: Any) -> tuple[Rendered, dict[File, Any]]:
    """A page's HTML, table of contents, title and anchors, like MkDocs' own `Page.render` with the
    `FAST_EXTENSIONS`; also the links to anchors of other pages, for MkDocs' anchor check."""
    resolver = _RelativePathTreeprocessor(file, files, config)
    out = to_html(markdown)

    used: set[str] = set()
    tokens: list[dict[str, Any]] = []
    title: list[str] = []

    def heading(match: re.Match[str]) -> str:
        level, inner = int(match.group(1)), match.group(2)
        text = heading_text(inner)
        ident = unique(slugify(text, "-"), used)
        name = html.escape(text, quote=False)
        tokens.append({"level": level, "id": ident, "name": name, "html": inner, "children": []})
        if level == 1 and not title and match.start() == 0:
            title.append(text)
        return f'<h{level} id="{ident}">{inner}</h{level}>'

    out = HEADING.sub(heading, out)
    out = MD_LINK.sub(lambda m: link(m, resolver.path_to_url), out)
    anchors = set(ID_ATTR.findall(out))
    rendered = Rendered(out, get_toc(nest_toc_tokens(tokens)), title[0] if title else None, anchors)
    return rendered, resolver.links_to_anchors


def link(match: re.Match[str], path_to_url: Callable[[str], str]) -> str:
    """A link of the converted Markdown, with its target resolved like MkDocs does."""
    href = html.unescape(match.group(1))
    if not href.startswith(("http://", "https://")):
        href = path_to_url(href)
    return f'<a href="{html.escape(href)}"{match.group(2) or ""}>'


class ArticleFile(File):
    """An article's page: written by briefgen from the article shell instead of rendered by MkDocs.

    It keeps the source path, destination and address MkDocs gives a Markdown page, so links to it
    resolve as before; it is no documentation page for MkDocs, so MkDocs "copies" it like a static file,
    which renders it (`copy_file`)."""

    renderer: Callable[[ArticleFile], str] | None = None

    @classmethod
    def of(cls, file: File, renderer: Callable[[ArticleFile], str]) -> ArticleFile:
        new = cls(
            file.src_uri,
            file.src_dir,
            file.dest_dir,
            file.use_directory_urls,
            dest_uri=file.dest_uri,
            inclusion=file.inclusion,
        )
        new.renderer = renderer
        return new

    def is_documentation_page(self) -> bool:
        return False

    def is_modified(self) -> bool:
        return True

    def copy_file(self, dirty: bool = False) -> None:
        assert self.renderer is not None
        write_file(self.renderer(self).encode("utf-8", errors="xmlcharrefreplace"), self.abs_dest_path)


class ArticleShell:
    """Material's article page rendered once around markers, then filled in for every article.

    What differs between two article pages is their title, address, content and the "skip to content"
    link to their first heading; two shells (with and without that link) cover every page."""

    def __init__(self, env: Any, config: Any, files: Any, nav: Any, template: str) -> None:
        self.env, self.config, self.files, self.nav, self.template = env, config, files, nav, template
        self.shells: dict[bool, tuple[str, str]] = {}
        self.url = File(f"articles/{ARTICLE_SHELL_NAME}.md", None, "", config["use_directory_urls"]).url

    def shell(self, heading: bool) -> tuple[str, str]:
        """The page before and after its content, with the title, address and anchor markers."""
        if heading not in self.shells:
            from mkdocs.commands.build import get_context
            from mkdocs.structure.pages import Page

            config = self.config
            sample = File(
                f"articles/{ARTICLE_SHELL_NAME}.md", None, config["site_dir"], config["use_directory_urls"]
            )
            page = Page(None, sample, config)
            page.meta = {"title": TITLE_MARK, "template": self.template, "search": {"exclude": True}}
            page.markdown = ""
            page.content = CONTENT_MARK
            first = [{"level": 1, "id": ANCHOR_MARK, "name": TITLE_MARK, "children": []}]
            page.toc = get_toc(first if heading else [])
            context = get_context(self.nav, self.files.documentation_pages(), config, page)
            page.active = True
            output = self.env.get_template(self.template).render(context)
            page.active = False
            head, found, tail = output.partition(CONTENT_MARK)
            if not found or CONTENT_MARK in tail:
                raise RuntimeError(f"the article template {self.template} must show the page content once")
            self.shells[heading] = head, tail
        return self.shells[heading]

    def render(self, file: ArticleFile) -> str:
        markdown, meta = mkdocs_meta.get_data(file.content_string)
        rendered, _ = convert(markdown, file, self.files, self.config)
        title = meta.get("title") if isinstance(meta.get("title"), str) else rendered.title
        first = next(iter(rendered.toc), None)
        marks = {
            TITLE_MARK: html.escape(str(title or file.name)),
            self.url: file.url,
            ANCHOR_MARK: first.id if first is not None else "",
        }
        head, tail = self.shell(first is not None)
        marker = re.compile("|".join(map(re.escape, marks)))
        return (
            marker.sub(lambda m: marks[m.group()], head)
            + rendered.content
            + marker.sub(lambda m: marks[m.group()], tail)
        )
