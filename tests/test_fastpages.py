"""The fast path of the site build (briefgen/fastpages.py) gives the pages MkDocs' own path gives."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from test_site import config, small_topic, write_hostile

from briefgen.errors import BriefgenError
from briefgen.fastpages import admonitions_to_html
from briefgen.pipeline import build
from briefgen.site import build_site

ROOT = Path(__file__).parent.parent
NAV = [{"Home": "index.md"}, {"All topics": "archive.md"}, {"Build report": "report.md"}]


def site(docs: Path, out: Path, fast: bool, **kw: object) -> Path:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    build_site(docs, out, NAV, "test site", None, fast=fast, **kw)  # type: ignore[arg-type]
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
