"""The fast path of the site build (briefgen/fastpages.py) gives the pages MkDocs' own path gives."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from test_site import config, small_topic, write_hostile

from briefgen import fastpages
from briefgen.errors import BriefgenError
from briefgen.fastpages import admonitions_to_html
from briefgen.pipeline import build
from briefgen.site import build_site

ROOT = Path(__file__).parent.parent
NAV = [{"Home": "index.md"}, {"All topics": "archive.md"}, {"Build report": "report.md"}]


def site(docs: Path, out: Path, fast: bool, nav: list[Any] = NAV, **kw: object) -> Path:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    build_site(docs, out, nav, "test site", None, fast=fast, **kw)  # type: ignore[arg-type]
    return out


def words(text: str) -> str:
    return " ".join(text.split())


def summary(path: Path) -> dict[str, object]:
    """What a reader and a browser get from a page: title, text, links, anchors, table of contents."""
    doc = lxml.html.fromstring(path.read_bytes())
    [article] = doc.xpath("//article")
    return {
        "title": doc.findtext(".//title"),
        "text": words(article.text_content()),
        "links": doc.xpath("//a/@href"),
        "ids": doc.xpath("//@id"),
        "toc": [words(a.text_content()) for a in doc.xpath("//nav[@data-md-component='toc']//a")],
        "chrome": words(doc.xpath("//header")[0].text_content()),
        "skip": doc.xpath("//a[@class='md-skip']/@href"),
        "canonical": doc.xpath("//link[@rel='canonical']/@href"),
    }


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seed and hostile topics, as briefgen writes them."""
    root = tmp_path_factory.mktemp("fast")
    shutil.copytree(ROOT / "seeds", root / "in" / "seeds")
    write_hostile(root / "in" / "hostile")
    cfg = config(root, root / "in", build_site=False)
    build(cfg, quiet=True)
    return cfg.docs_dir


def test_fast_pages_read_the_same_as_mkdocs_pages(docs: Path, tmp_path: Path) -> None:
    fast = site(docs, tmp_path / "fast", fast=True, strict=True, site_url="https://example.org/b/")
    slow = site(docs, tmp_path / "slow", fast=False, strict=True, site_url="https://example.org/b/")
    pages = sorted(p.relative_to(slow) for p in slow.rglob("*.html"))
    assert pages == sorted(p.relative_to(fast) for p in fast.rglob("*.html"))
    kinds = {p.parts[0] for p in pages}
    assert {"topics", "articles"} <= kinds
    for page in pages:
        expected = summary(slow / page)
        # Python-Markdown does not take `\~` as an escape and shows the backslash; CommonMark does.
        expected["text"] = str(expected["text"]).replace("\\~", "~")
        assert summary(fast / page) == expected, page
    article = next(p for p in pages if p.parts[0] == "articles")
    assert summary(fast / article)["canonical"] == [f"https://example.org/b/{article.parent.as_posix()}/"]
    # Article pages are filled into one rendering of the theme's page: not in the sitemap any more.
    assert "articles/" not in (fast / "sitemap.xml").read_text(encoding="utf-8")
    assert "articles/" in (slow / "sitemap.xml").read_text(encoding="utf-8")


def test_admonitions_become_their_html() -> None:
    markdown = '# T\n\n!!! note "Changed <since>"\n\n    New \\[1\\] article.\n\n    Second.\n\n## Next\n'
    converted = admonitions_to_html(markdown)
    assert '<div class="admonition note">\n<p class="admonition-title">Changed &lt;since&gt;</p>' in converted
    assert "\nNew \\[1\\] article.\n\nSecond.\n\n</div>\n" in converted
    assert converted.endswith("## Next\n")


def test_broken_link_fails_a_strict_fast_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    docs = tmp_path / "docs"
    (docs / "topics").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "archive.md").write_text("# All\n", encoding="utf-8")
    (docs / "report.md").write_text("# Report\n", encoding="utf-8")
    broken = "# T\n\n- A fact. [\\[1\\]](../articles/gone.md#s-0)\n"
    (docs / "topics" / "t.md").write_text(broken, encoding="utf-8")
    with pytest.raises(BriefgenError, match="strict"):
        site(docs, tmp_path / "site", fast=True, strict=True)
    assert "'articles/gone.md' is not found" in caplog.text


def test_other_markdown_settings_keep_mkdocs_own_path(tmp_path: Path) -> None:
    small_topic(tmp_path / "in" / "harbour", "Avalon", 3)
    mkdocs_yml = tmp_path / "mkdocs.yml"
    mkdocs_yml.write_text(
        "site_name: x\ntheme: {name: material}\nmarkdown_extensions:\n  - toc: {permalink: true}\n"
        "  - tables\n  - admonition\n",
        encoding="utf-8",
    )
    cfg = config(tmp_path, tmp_path / "in").replace(mkdocs_config=mkdocs_yml)
    build(cfg, quiet=True, strict=True)
    page = (cfg.site_dir / "topics" / "harbour" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="headerlink" href="#summary"', page)  # Python-Markdown's toc permalink
    assert (cfg.site_dir / "articles").is_dir()


SEARCH_SNIPPETS = [
    '<h1>T</h1>\n<p>x &amp; y &quot;z&quot;</p>\n<h2 id="a">A <em>b</em></h2>\n'
    "<ul>\n<li></li>\n<li>x</li>\n</ul>\n",
    '<p>preface</p>\n<h2 id="s">S</h2>\n<p><span>x</span> <a href="#s">[1]</a></p>\n'
    "<p> </p>\n<h3>no id</h3>\n",
    '<div class="admonition note">\n<p class="admonition-title">N</p>\n<p>a<br />b</p>\n</div>\n<table>\n'
    "<tr><td>c</td></tr></table>\n<ol>\n<li><p>x</p>\n<ul>\n<li>y</li>\n</ul>\n</li>\n</ol>\n",
]


def test_search_sections_match_materials_parser(docs: Path) -> None:
    from material.plugins.search.plugin import Parser

    from briefgen.fastpages import search_sections, to_html

    def cut(sections: list[Any]) -> list[tuple[object, ...]]:
        return [(s.id, "".join(s.title), "".join(s.text), s.el.tag, s.depth) for s in sections]

    pages = [to_html(p.read_text(encoding="utf-8").split("---\n", 2)[-1]) for p in docs.rglob("*.md")]
    for content in [*pages, *SEARCH_SNIPPETS]:
        parser = Parser()
        parser.feed(content)
        parser.close()
        mine = search_sections(content)
        if "<pre" in content:  # a table on an article page: Material's parser cuts it (`UNSURE`)
            assert mine is None
            continue
        assert mine is not None, content
        assert cut(mine) == cut(parser.data), content
    assert search_sections("<p>a</p><!-- c -->") is None  # markup it does not follow: Material's parser
    assert search_sections("<blockquote><h2 id='x'>X</h2></blockquote>") is None


def test_long_pages_cut_heading_by_heading_give_the_same_sections(docs: Path) -> None:
    """A long page's sections, cut before each heading and looked up in the memo piece by piece,
    are the sections of the whole page: on the first build (memo empty), on a rebuild (every piece
    from the memo), after a change in one piece, and where a heading inside an element stops the
    cutting (the whole page parsed)."""
    from briefgen.fastpages import CHUNKED_PAGE_CHARS, search_sections, to_html

    def cut(sections: list[Any] | None) -> list[tuple[object, ...]]:
        assert sections is not None
        return [(s.id, "".join(s.title), bool(s.title), "".join(s.text), s.el.tag, s.depth) for s in sections]

    pages = [to_html(p.read_text(encoding="utf-8").split("---\n", 2)[-1]) for p in docs.rglob("*.md")]
    pages = [p for p in pages if "<pre" not in p]
    long = "".join(pages * (CHUNKED_PAGE_CHARS // sum(map(len, pages)) + 2))
    count = iter(range(10**6))
    long = re.sub(r"<h([1-6])>", lambda m: f'<h{m.group(1)} id="s{next(count)}">', long)  # as `convert`
    assert len(long) >= CHUNKED_PAGE_CHARS and long.count('<h2 id="') > 3
    memo: dict[bytes, Any] = {}
    whole = cut(search_sections(long))
    assert cut(search_sections(long, memo)) == whole
    assert len(memo) > 3
    assert cut(search_sections(long, memo)) == whole  # every piece from the memo
    at = long.index('<h2 id="', len(long) // 2)
    changed = long[:at] + "<p>A ferry strike &amp; its <em>end</em></p>\n" + long[at:]
    assert cut(search_sections(changed, memo)) == cut(search_sections(changed))
    starting = "<p>preface</p>\n" + long.split('<h1 id="', 1)[-1].split(">", 1)[-1]
    assert cut(search_sections(starting, memo)) == cut(search_sections(starting))
    nested = long[:at] + "<blockquote>\n" + long[at:] + "</blockquote>\n"
    assert search_sections(nested, memo) is None and search_sections(nested) is None


def test_page_shells_give_the_theme_pages_byte_for_byte(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Topic and article pages filled into their folder's shell are the pages the theme renders."""
    topics = sorted(p.name for p in (docs / "topics").glob("*.md"))
    nav = [*NAV, {"Recent topics": [{"In the nav": f"topics/{topics[0]}"}]}]  # rendered, not shelled
    shelled = site(docs, tmp_path / "shelled", fast=True, nav=nav, site_url="https://example.org/b/")
    monkeypatch.setattr(fastpages, "shells_apply", lambda config: False)
    rendered = site(docs, tmp_path / "rendered", fast=True, nav=nav, site_url="https://example.org/b/")
    pages = sorted(p.relative_to(rendered) for p in rendered.rglob("*.html"))
    assert pages == sorted(p.relative_to(shelled) for p in shelled.rglob("*.html"))
    assert len(topics) >= 2 and sum(p.parts[0] == "articles" for p in pages) > 5
    for page in pages:
        assert (shelled / page).read_bytes() == (rendered / page).read_bytes(), page


def test_search_entries_looked_up_in_one_pass_are_materials(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each section's table-of-contents item, looked up in one pass, is the one Material finds."""
    fast = site(docs, tmp_path / "one-pass", fast=True)

    def materials_lookup(index: Any, page: Any, memo: Any = None) -> bool:  # each section: whole toc
        if (page.meta.get("search") or {}).get("exclude"):
            return True
        sections = fastpages.search_sections(page.content)
        if sections is None:
            return False
        for section in sections:
            index.create_entry_for_section(section, page.toc, page.url, page)
        return True

    monkeypatch.setattr(fastpages, "index_page", materials_lookup)
    material = site(docs, tmp_path / "material", fast=True)
    index = (fast / "search" / "search_index.json").read_bytes()
    assert index == (material / "search" / "search_index.json").read_bytes()
    assert index.count(b'"location":"topics/') > 10


@pytest.mark.parametrize("directory_urls", [True, False])
def test_plain_links_resolve_as_mkdocs_resolves_them(directory_urls: bool, caplog: Any) -> None:
    """`plain_link` gives MkDocs' `path_to_url` for the links it takes, and leaves every other link
    (anchors, dot parts, escapes, missing or excluded targets, web links) to it."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files, InclusionLevel
    from mkdocs.structure.pages import _RelativePathTreeprocessor

    config = MkDocsConfig()
    config.load_dict(
        {"site_name": "x", "docs_dir": "/d", "site_dir": "/s", "use_directory_urls": directory_urls}
    )
    config.validate()
    uris = ["index.md", "report.md", "archive.md", "topics/a-b.md", "topics/c_1.md", "topics/index.md"]
    uris += ["articles/x.y.md", "articles/ü.md", "deep/er/page.md", "deep/er/README.md", "hidden.md"]
    made = [File(u, "/d", "/s", directory_urls) for u in uris]
    made[-1].inclusion = InclusionLevel.EXCLUDED
    files = Files(made)
    hrefs = ["topics/a-b.md", "a-b.md", "c_1.md", "../topics/a-b.md", "./a-b.md", "topics/a-b.md#x"]
    hrefs += ["articles/x.y.md", "../articles/x.y.md", "articles/ü.md", "topics/missing.md", "hidden.md"]
    hrefs += ["er/page.md", "page.md", "topics//a-b.md", "topics/a%2Db.md", "https://e.org/a.md", "index.md"]
    hrefs += ["topics", "topics/", "README.md", "/topics/a-b.md", "topics/a-b.md?q=1", "../../index.md"]
    taken = 0
    for page in made:
        for href in hrefs:
            fast = fastpages.plain_link(href, page, files)
            if fast is None:
                continue
            taken += 1
            caplog.clear()
            assert fast == _RelativePathTreeprocessor(page, files, config).path_to_url(href), (page, href)
            assert not caplog.records
    assert taken >= 20
