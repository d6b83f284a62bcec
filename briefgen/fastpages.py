"""briefgen's own pages, rendered fast inside the MkDocs build.

A 1,000-topic site has about 3,000 pages. Through MkDocs' ordinary path a topic page costs a
Python-Markdown conversion (about 15 ms), a run of Material's page template (about 3 ms, like every
article page) and Material's search plugin parsing it with Python's HTMLParser (3-4 ms): 38 CPU seconds
with briefgen's bounded navigation. Three shortcuts, for the pages briefgen writes from its templates
(`is_fast_page`), each only where it gives the page MkDocs would give (`applies`, `shells_apply`):

- **Conversion** by cmark-gfm (GitHub's C implementation of CommonMark with tables, about 50 times
  faster), after turning admonitions (`!!! type "title"`, the one construct of briefgen's templates
  that CommonMark lacks) into their HTML. Headings get the ids and table of contents Python-Markdown's
  `toc` would give them; links to other Markdown files are resolved and checked by MkDocs' own link
  resolver, which warns about a broken link exactly as on MkDocs' path (so `--strict` fails on it).
- **Shells**: article pages (`ArticleFile`, not MkDocs pages any more) and topic pages outside the
  navigation are filled into the theme's page rendered once per folder (`PageShell`); only their table
  of contents is rendered per page, by the theme's own partial. Article pages stay out of the search
  index as before, and are now out of the sitemap too.
- **Search sections** of these pages are cut without HTMLParser (`search_sections`), into the same
  sections Material's parser makes, then indexed by Material's own code.

Tests check the fast pages read the same as MkDocs' (text, links, ids, table of contents), that the
shells are byte-identical to the theme's pages and that the search sections equal Material's.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable
from typing import Any

import cmarkgfm
from cmarkgfm.cmark import Options
from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from mkdocs import utils as mkdocs_utils
from mkdocs.structure.files import File
from mkdocs.structure.pages import _RelativePathTreeprocessor
from mkdocs.structure.toc import TableOfContents, get_toc
from mkdocs.utils import meta as mkdocs_meta

FAST_EXTENSIONS = frozenset({"toc", "tables", "fenced_code", "admonition"})
"""Markdown extensions the fast path reproduces (MkDocs always adds toc, tables and fenced_code)."""

CMARK_OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
# UNSAFE keeps the raw HTML of briefgen's templates (badges, meta lines, article sentences); article
# text itself never reaches a page as HTML: the templates escape it (`md` and `e` filters).

ADMONITION = re.compile(r'^!!! +([\w-]+)(?: +"(.*?)")? *$')
HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.S)
MD_LINK = re.compile(r'<a href="(?!https?://)([^"]*)"( title="[^"]*")?>')
"""A link as cmark-gfm writes a Markdown link (a raw HTML link has other attributes); web links are
left as they are, as MkDocs does."""
TAG = re.compile(r"<[^>]*>")
ID_ATTR = re.compile(r' (?:id|name)="([^"]*)"')  # attributes as cmark-gfm and our templates write them

SHELL_NAME = "briefgen-page-shell"
TITLE_MARK = "briefgen-page-shell-title"
ANCHOR_MARK = "briefgen-page-shell-anchor"
CONTENT_MARK = "<h1>briefgen-page-shell-content</h1>"  # an <h1>: the theme adds none of its own
TOC_TEMPLATE = '{% import "partials/language.html" as lang with context %}{% include "partials/toc.html" %}'
LITERAL, MARK, TOC, CONTENT = range(4)
SHELL_TEMPLATE = "briefgen-shell.html"
"""The template of a page filled into its folder's shell: it renders nothing (see `PageShell`)."""


def applies(config: Any) -> bool:
    """Whether the site's Markdown settings are the ones the fast path reproduces."""
    names = {e if isinstance(e, str) else type(e).__module__ for e in config["markdown_extensions"]}
    options = {k: v for k, v in (config["mdx_configs"] or {}).items() if v}
    return names <= FAST_EXTENSIONS and "admonition" in names and not options


def shells_apply(config: Any) -> bool:
    """Whether pages can be filled into a shell: no plugin but search sees or changes pages, and no
    per-page links (edit links) or per-page feedback in the theme."""
    plugins = set(config["plugins"]) - {"briefgen", "briefgen-pages"}
    extra = config["extra"] or {}
    return (
        plugins <= {"search", "material/search"}
        and not config["repo_url"]
        and not config["edit_uri"]
        and not (extra.get("analytics") or {}).get("feedback")
    )


BRIEFGEN_PAGES = frozenset({"index.md", "archive.md", "report.md"})


def is_fast_page(src_uri: str) -> bool:
    """Pages briefgen writes from its templates: home, archive, report, topics and articles."""
    return src_uri in BRIEFGEN_PAGES or (
        src_uri.startswith(("topics/", "articles/")) and src_uri.endswith(".md")
    )


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
    resolved: dict[str, tuple[str, File | None]] = {}

    def resolve(href: str) -> str:
        """MkDocs' `path_to_url` (it resolves, checks and registers links to anchors), called once per
        target file of the page: citations link to a few articles many times."""
        path, sep, anchor = href.partition("#")
        known = resolved.get(path) if path else None
        if known is not None and (not sep or known[1] is not None):
            prefix, target = known
            if not sep:
                return prefix
            resolver.links_to_anchors[target].setdefault(anchor, href)  # as path_to_url does
            return f"{prefix}#{anchor}"
        url = plain_link(href, file, files) if not sep else None
        if url is not None:
            return url
        url = resolver.path_to_url(href)
        if path and (not sep or url.endswith(f"#{anchor}")):
            target = None
            if sep:
                links = resolver.links_to_anchors.items()
                target = next((f for f, seen in links if seen.get(anchor) == href), None)
            if target is not None or known is None:
                resolved[path] = (url[: len(url) - len(anchor) - 1] if sep else url), target
        return url

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
    out = MD_LINK.sub(lambda m: link(m, resolve), out)
    anchors = set(ID_ATTR.findall(out))
    rendered = Rendered(out, get_toc(nest_toc_tokens(tokens)), title[0] if title else None, anchors)
    return rendered, resolver.links_to_anchors


PLAIN_HREF = re.compile(r"[A-Za-z0-9_][\w.-]*(?:/[A-Za-z0-9_][\w.-]*)*\.md", re.ASCII)
"""A relative link to a Markdown file with nothing for MkDocs to decode, normalise or look for (no
scheme, query, anchor, escape, `.` or `..` part): the archive's and the report's links to topics."""


def plain_link(href: str, file: File, files: Any) -> str | None:
    """What MkDocs' `path_to_url` gives a `PLAIN_HREF` link to a file of the site that is not excluded
    (a few microseconds instead of 15: the archive and the report link to every topic); None for any
    other link (MkDocs resolves it, and warns if the target is missing)."""
    if PLAIN_HREF.fullmatch(href) is None:
        return None
    folder = file.src_uri.rpartition("/")[0]
    target = files.src_uris.get(f"{folder}/{href}" if folder else href)
    if target is None or target.inclusion.is_excluded():
        return None
    return str(mkdocs_utils.get_relative_url(target.url, file.url))


def link(match: re.Match[str], path_to_url: Callable[[str], str]) -> str:
    """A relative link of the converted Markdown, with its target resolved like MkDocs does."""
    href = match.group(1)
    href = path_to_url(html.unescape(href) if "&" in href else href)
    return f'<a href="{html.escape(href)}"{match.group(2) or ""}>'


class ArticleFile(File):
    """An article's page: written by briefgen from the article shell instead of rendered by MkDocs.

    It keeps the source path, destination and address MkDocs gives a Markdown page, so links to it
    resolve as before; it is no documentation page for MkDocs, so MkDocs "copies" it like a static file,
    which renders it (`copy_file`)."""

    renderer: Callable[[ArticleFile], str] | None = None

    @classmethod
    def of(cls, file: File, renderer: Callable[[ArticleFile], str]) -> ArticleFile:
        """`file` made an article page (the same object: its paths and address stay as they are)."""
        if type(file) is not File:  # a plugin's own kind of file: a new one
            file = File(
                file.src_uri,
                file.src_dir,
                file.dest_dir,
                file.use_directory_urls,
                dest_uri=file.dest_uri,
                inclusion=file.inclusion,
            )
        file.__class__ = cls
        new: ArticleFile = file  # type: ignore[assignment]
        new.renderer = renderer
        return new

    def is_documentation_page(self) -> bool:
        return False

    def is_modified(self) -> bool:
        return True

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        assert self.renderer is not None
        mkdocs_utils.write_file(
            self.renderer(self).encode("utf-8", errors="xmlcharrefreplace"), self.abs_dest_path
        )


class PageShell:
    """The theme's page for one folder of pages (`topics/`, `articles/`), rendered once around markers
    and then filled in for every page of that folder.

    Between two such pages only their title, address, table of contents, "skip to content" link (to
    their first heading) and content differ, as long as they are outside the navigation, have no
    other metadata and no plugin but search changes pages (the caller checks). The table of contents is
    rendered per page with the theme's own `partials/toc.html`. Two shells, with and without a first
    heading, cover every page. A test checks that the pages are byte-identical to the theme's."""

    def __init__(self, env: Any, config: Any, files: Any, nav: Any, template: str, folder: str) -> None:
        self.env, self.config, self.files, self.nav, self.template = env, config, files, nav, template
        self.folder = folder
        self.shells: dict[bool, list[tuple[int, str]]] = {}
        self.url = File(f"{folder}/{SHELL_NAME}.md", None, "", config["use_directory_urls"]).url
        self.toc_template = env.from_string(TOC_TEMPLATE)
        self.tocs: dict[tuple[Any, ...], str] = {}

    def toc(self, toc: TableOfContents) -> str:
        """The theme's table of contents of a page. It shows the children of a first heading of level 1
        (the page title), else every item: pages with the same sections share it."""
        first = next(iter(toc), None)
        key = _toc_key(first.children if first is not None and first.level == 1 else toc)
        if key not in self.tocs:
            if len(self.tocs) > 1000:
                self.tocs.clear()
            self.tocs[key] = str(self.toc_template.render(config=self.config, page=_TocPage(toc)))
        return self.tocs[key]

    def shell(self, heading: bool) -> list[tuple[int, str]]:
        """The page as pieces `(kind, text)`: `LITERAL` text, a `MARK` (title, address, anchor) or where
        the page's table of contents (`TOC`) or content (`CONTENT`) goes."""
        if heading not in self.shells:
            from mkdocs.commands.build import get_context
            from mkdocs.structure.pages import Page

            config = self.config
            uri = f"{self.folder}/{SHELL_NAME}.md"
            sample = File(uri, None, config["site_dir"], config["use_directory_urls"])
            page = Page(None, sample, config)
            page.meta = {"title": TITLE_MARK, "template": self.template}
            page.markdown = ""
            page.content = CONTENT_MARK
            first = [{"level": 1, "id": ANCHOR_MARK, "name": TITLE_MARK, "children": []}]
            page.toc = get_toc(first if heading else [])
            context = get_context(self.nav, self.files.documentation_pages(), config, page)
            page.active = True
            output = self.env.get_template(self.template).render(context)
            page.active = False
            toc = str(self.toc_template.render(config=config, page=_TocPage(page.toc)))
            if output.count(CONTENT_MARK) != 1 or output.count(toc) > 1:
                raise RuntimeError(f"the template {self.template} must show the page content once")
            head, _, tail = output.partition(CONTENT_MARK)
            parts = [(LITERAL, head), (CONTENT, ""), (LITERAL, tail)]
            if toc in head:
                before, _, after = head.partition(toc)
                parts[:1] = [(LITERAL, before), (TOC, ""), (LITERAL, after)]
            marks = re.compile(f"({re.escape(TITLE_MARK)}|{re.escape(self.url)}|{re.escape(ANCHOR_MARK)})")
            pieces = []
            for kind, text in parts:
                if kind != LITERAL:
                    pieces.append((kind, text))
                    continue
                for i, bit in enumerate(marks.split(text)):
                    pieces.append((MARK if i % 2 else LITERAL, bit))
            self.shells[heading] = pieces
        return self.shells[heading]

    def render(self, title: str, url: str, toc: TableOfContents, content: str) -> str:
        """A page of the folder; `title` as the theme shows a page's `meta.title` (not escaped)."""
        first = next(iter(toc), None)
        marks = {TITLE_MARK: title, self.url: url, ANCHOR_MARK: first.id if first is not None else ""}
        out = []
        for kind, text in self.shell(first is not None):
            if kind == LITERAL:
                out.append(text)
            elif kind == MARK:
                out.append(marks[text])
            else:
                out.append(self.toc(toc) if kind == TOC else content)
        return "".join(out)


def _toc_key(items: Any) -> tuple[Any, ...]:
    return tuple((i.level, i.id, i.title, _toc_key(i.children)) for i in items)


class _TocPage:
    """What the theme's `partials/toc.html` reads of a page."""

    def __init__(self, toc: TableOfContents) -> None:
        self.toc = toc


class ArticlePages:
    """Article pages: each article's Markdown converted and filled into the article template's shell."""

    def __init__(self, shell: PageShell) -> None:
        self.shell = shell

    def render(self, file: ArticleFile) -> str:
        return self.fill(file, *self.convert(file))

    def convert(self, file: ArticleFile) -> tuple[str, TableOfContents, str]:
        """The page's title (escaped), table of contents and content."""
        markdown, meta = mkdocs_meta.get_data(file.content_string)
        rendered, _ = convert(markdown, file, self.shell.files, self.shell.config)
        title = meta.get("title") if isinstance(meta.get("title"), str) else rendered.title
        return html.escape(str(title or file.name), quote=False), rendered.toc, rendered.content

    def fill(self, file: ArticleFile, title: str, toc: TableOfContents, content: str) -> str:
        """The page: `convert`'s parts filled into the shell."""
        return self.shell.render(title, file.url, toc, content)


TAG_SPLIT = re.compile(r"(<[^<>]*>)")
TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"\'=<>/]+(?:="[^"]*")?)*)\s*(/?)>')
"""A tag whose attributes are all double-quoted (or valueless): read the same by HTMLParser."""
UNSURE = (
    "<!",
    "<?",
    "<pre",
    "<script",
    "<style",
    "<object",
    "<textarea",
    "<title",
    "data-search-",
    "linenodiv",
    "headerlink",
)
TAGS: dict[str, tuple[str, str, str, str]] = {}
HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
HEADING_ID = re.compile(r'\sid(?:="([^"]*)")?(?=\s|$)')


CHUNKED_PAGE_CHARS = 50_000
"""Pages at least this long (the report, the archive) have their search sections cut heading by
heading, each piece looked up in a memo (`search_sections(memo=...)`)."""
TOP_HEADING = re.compile(r'<h[1-6] id="')


def search_sections(content: str, memo: dict[bytes, Any] | None = None) -> list[Any] | None:
    """`_search_sections(content)`; with `memo` (a dict kept between builds), a long page is cut
    before each heading and each piece's sections are taken from `memo` when an earlier build cut the
    same piece (the sections of a heading and the text up to the next heading depend on that text
    only), so a rebuild of the build report after one new article parses what changed. A piece that
    does not end outside every element (a heading inside an element was cut at) makes the whole page
    parsed at once; a test checks both ways give the same sections."""
    from material.plugins.search.plugin import Element, Section

    if memo is None or len(content) < CHUNKED_PAGE_CHARS:
        return _search_sections(content)
    lowered = content.lower()
    if any(marker in lowered for marker in UNSURE):
        return None
    starts = [m.start() for m in TOP_HEADING.finditer(content)]
    bounds = [0, *(b for b in starts if b > 0), len(content)]
    data: list[Any] = []
    for n in range(len(bounds) - 1):
        piece = content[bounds[n] : bounds[n + 1]]
        key = hashlib.sha1(f"{n == 0}\0{piece}".encode("utf-8", "surrogatepass")).digest()
        found = memo.get(key)
        if found is None:
            sections = _search_sections(piece, first=n == 0, whole=False)
            if sections is None:
                return _search_sections(content)
            # Title and text joined: Material joins them (and asks only whether a title is empty).
            found = [
                (s.el.tag, s.depth, s.id, "".join(s.title) if s.title else None, "".join(s.text))
                for s in sections
            ]
            memo[key] = found
        for tag, depth, ident, title, text in found:
            section = Section(Element(tag), depth)
            section.id, section.title, section.text = ident, [title] if title is not None else [], [text]
            data.append(section)
    return data


def _search_sections(content: str, first: bool = True, whole: bool = True) -> list[Any] | None:
    """The sections Material's search plugin cuts a page into (its `Section` objects: heading id, title
    and text with the markup it keeps), for the HTML the fast path makes, without Python's HTMLParser
    (most of the plugin's cost). It follows the plugin's parser step by step; on markup it would treat
    specially (comments, `pre`, `script`, exclusions, attributes not in double quotes...) it returns None
    and the plugin's parser runs. A test checks both give the same sections on briefgen's pages."""
    from material.plugins.search.plugin import Element, Section

    if whole:
        lowered = content.lower()
        if any(marker in lowered for marker in UNSURE):
            return None
    context: list[str] = []
    data: list[Any] = []
    section: Any = None
    started = not first  # a piece after the first (`search_sections`): sections came before it
    for i, piece in enumerate(TAG_SPLIT.split(content)):
        if not i % 2:  # text between two tags
            if not piece:
                continue
            if "<" in piece:
                return None  # a "<" that starts no tag
            if piece.isspace():
                piece = " "
            else:
                if "&" in piece:
                    piece = html.unescape(piece)
                piece = piece.replace("\n", " ")
            if section is None:
                section = Section(Element("hx"))
                data.append(section)
            if section.el.tag in context:
                section.title.append(html.escape(piece, quote=False))
            elif piece.isspace():
                if not section.text or not section.text[-1].isspace():
                    section.text.append(piece)
            elif "&" in piece or "<" in piece or ">" in piece:
                section.text.append(html.escape(piece, quote=False))
            else:
                section.text.append(piece)
            continue
        parsed = TAGS.get(piece)
        if parsed is None:
            match = TAG.fullmatch(piece)
            if match is None:
                return None
            closing, tag, attrs, selfclosing = match.groups()
            parsed = closing, tag.lower(), attrs, selfclosing
            if len(piece) < 40 and len(TAGS) < 1000:  # the few short tags that come back all the time
                TAGS[piece] = parsed
        closing, tag, attrs, selfclosing = parsed
        if not closing:
            if tag in VOID:
                continue
            context.append(tag)
            if tag in HEADINGS and (found := HEADING_ID.search(attrs)):
                depth = len(context)
                if depth != 1 or found.group(1) is None:
                    return None  # a heading inside another element (sections nest), or an empty id
                if tag != "h1" and not data and not started:
                    section = Section(Element("hx"), depth)
                    data.append(section)
                section = Section(Element(tag), depth)
                if data or started:
                    section.id = html.unescape(found.group(1))
                data.append(section)
            if section is None:
                section = Section(Element("hx"))
                data.append(section)
            if tag in KEEP:
                (section.title if section.el.tag in context else section.text).append(f"<{tag}>")
            if not selfclosing:
                continue
        if not context or context[-1] != tag:
            continue
        context.pop()
        if tag in KEEP:
            parts = section.title if section.el.tag in context else section.text
            index = parts.index(f"<{tag}>")
            if all(part.isspace() for part in parts[index + 1 :]):
                del parts[index:]
            else:
                parts.append(f"</{tag}>")
    if not whole and (context or (started and data and data[0].el.tag == "hx")):
        return None  # cut inside an element, or a piece that does not start at its heading
    return data


def index_page(index: Any, page: Any, memo: dict[bytes, Any] | None = None) -> bool:
    """Material's `SearchIndex.add_entry_from_context(page)` with `search_sections`; False (nothing
    added) when the page needs the plugin's own parser."""
    if (page.meta.get("search") or {}).get("exclude"):
        return True
    sections = search_sections(page.content, memo)
    if sections is None:
        return False
    # Material looks each section's heading up in the table of contents, depth first, from the top
    # (quadratic in the headings of a page: a fifth of the site step on real-length topics). Looked up
    # here in one pass instead; Material is handed the item found (or nothing), so it finds the same.
    first: dict[Any, Any] = {}
    stack = list(reversed(list(page.toc)))
    while stack:
        item = stack.pop()
        first.setdefault(item.id, item)
        stack.extend(reversed(list(item.children)))
    for section in sections:
        item = first.get(section.id)
        index.create_entry_for_section(section, [item] if item is not None else [], page.url, page)
    return True
