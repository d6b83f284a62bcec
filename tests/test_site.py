"""The briefing website: feed, downloads, navigation, change notes, incremental and deterministic builds."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from helpers import tree

from briefgen.config import Config
from briefgen.pipeline import build
from briefgen.site import NAV_TOPICS

TOPIC_TEXT = (
    "The {name} city council approved a new budget for the {name} harbour on Monday. "
    "Mayor Ana {name} said the harbour budget would pay for two new piers and a ferry. "
    "The council voted seven to two in favour of the {name} harbour plan."
)


def small_topic(folder: Path, name: str, day: int, n: int = 1) -> None:
    """A topic folder with `n` short articles, written by the test (no third-party text)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{name.lower()}-{i}.md").write_text(
            f"---\ntitle: {name} harbour budget approved\noutlet: Outlet {i}\n"
            f"published: 2024-05-{day:02d}\n---\n{TOPIC_TEXT.format(name=name)}\n",
            encoding="utf-8",
        )


def config(tmp_path: Path, input_dir: Path, name: str = "out", **kw: object) -> Config:
    return Config(
        input_dir=input_dir,
        docs_dir=tmp_path / name / "docs",
        site_dir=tmp_path / name / "site",
        cache_dir=tmp_path / name / "cache",
        mkdocs_config=tmp_path / "no-mkdocs.yml",
        templates_dir=tmp_path / "no-templates",
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Config:
    """The seed site, built once for the tests of this module that only read it."""
    root = tmp_path_factory.mktemp("seed-site")
    cfg = config(root, Path(__file__).parent.parent / "seeds")
    build(cfg, quiet=True, strict=True)
    return cfg


def test_feed_parses_and_lists_the_topics(seed_site: Config) -> None:
    topic = next((seed_site.docs_dir / "topics").glob("*.md")).stem
    feed = feedparser.parse((seed_site.site_dir / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "briefgen briefings"
    [entry] = feed.entries
    assert entry.title == "U.S. Upgrades Military Command in Japan Amid China Tensions"
    assert entry.link.endswith(f"topics/{topic}/")
    assert entry.updated.startswith("2025-04-19")
    assert "indispensable partner" in entry.summary
    assert 'href="feed.xml"' in (seed_site.site_dir / "index.html").read_text(encoding="utf-8")


def test_feed_links_are_absolute_with_a_site_url(tmp_path: Path) -> None:
    small_topic(tmp_path / "in" / "harbour", "Avalon", 3)
    cfg = config(tmp_path, tmp_path / "in", site_url="https://example.org/news/", build_site=False)
    build(cfg, quiet=True)
    feed = feedparser.parse((cfg.docs_dir / "feed.xml").read_bytes())
    assert not feed.bozo
    assert feed.entries[0].link == "https://example.org/news/topics/harbour/"


def test_markdown_download(seed_site: Config) -> None:
    [brief] = (seed_site.docs_dir / "topics").glob("*.md")
    offered = seed_site.site_dir / "topics" / brief.name
    assert offered.read_bytes() == brief.read_bytes()
    page = (seed_site.site_dir / "topics" / brief.stem / "index.html").read_text(encoding="utf-8")
    assert f'href="../{brief.name}" download' in page


def test_topic_page_has_every_section(seed_site: Config) -> None:
    [page] = (seed_site.site_dir / "topics").glob("*/index.html")
    html = page.read_text(encoding="utf-8")
    for heading in ("TL;DR", "Summary", "Key decisions", "Quotes", "Disputes", "Context", "Sources"):
        assert heading in html, heading
    home = (seed_site.site_dir / "index.html").read_text(encoding="utf-8")
    assert "4 independent outlets · 5 articles · updated 2025-04-19" in home
    assert '<span class="bg-tag">Pete Hegseth</span>' in home
    article = next((seed_site.site_dir / "articles").glob("*/index.html")).read_text(encoding="utf-8")
    assert 'class="bg-sentence" id="s-0"' in article
    assert "md-sidebar--primary" not in article and "md-sidebar--primary" in home  # light article pages


def test_mkdocs_build_strict(seed_site: Config, tmp_path: Path) -> None:
    """The docs briefgen writes build with the plain `mkdocs build --strict` and the repo's mkdocs.yml."""
    root = Path(__file__).parent.parent
    shutil.copytree(seed_site.docs_dir, tmp_path / "docs")
    shutil.copy(root / "mkdocs.yml", tmp_path / "mkdocs.yml")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_navigation_does_not_grow_with_topics(tmp_path: Path) -> None:
    for n in range(NAV_TOPICS + 3):
        small_topic(tmp_path / "in" / f"topic-{n:02d}", f"Town{n:02d}", n + 1)
    cfg = config(tmp_path, tmp_path / "in")
    build(cfg, quiet=True, strict=True)
    home = (cfg.site_dir / "index.html").read_text(encoding="utf-8")
    linked = {t for t in (f"topic-{n:02d}" for n in range(NAV_TOPICS + 3)) if f"topics/{t}/" in home}
    assert len(linked) == NAV_TOPICS + 3  # all on the home page ...
    other = (cfg.site_dir / "404.html").read_text(encoding="utf-8")  # a page with the nav only
    in_nav = {t for t in linked if f"topics/{t}/" in other}
    assert in_nav == {f"topic-{n:02d}" for n in range(3, NAV_TOPICS + 3)}  # ... the 10 latest in the nav
    archive = (cfg.site_dir / "archive" / "index.html").read_text(encoding="utf-8")
    assert all(f"topics/{t}/" in archive for t in linked)
    assert archive.index("topic-12") < archive.index("topic-00")  # newest first


def test_incremental_build_is_identical_to_a_clean_build(tmp_path: Path) -> None:
    for name, day in (("Avalon", 3), ("Brigg", 4), ("Corran", 5)):
        small_topic(tmp_path / "in" / name.lower(), name, day, n=2)
    cfg = config(tmp_path, tmp_path / "in", name="incr")
    first = build(cfg, quiet=True)
    assert first.analysed == 3
    # A clean build keeps the history the change notes come from, and nothing else.
    clean = config(tmp_path, tmp_path / "in", name="clean")
    shutil.copytree(cfg.cache_dir, clean.cache_dir)
    shutil.rmtree(clean.cache_dir / "analysis")

    (tmp_path / "in" / "brigg" / "brigg-new.md").write_text(
        "---\ntitle: Brigg ferry ordered\noutlet: Outlet 9\npublished: 2024-05-06\n---\n"
        "The Brigg council ordered a new ferry for the harbour on Tuesday. "
        "Mayor Ana Brigg said the ferry would sail from June.\n",
        encoding="utf-8",
    )
    second = build(cfg, quiet=True)
    assert second.analysed == 1  # only the topic that gained an article
    assert second.pages_reused >= 2  # the unchanged topic pages reuse their conversion
    build(clean, quiet=True, use_cache=False)
    assert tree(cfg.docs_dir) == tree(clean.docs_dir)
    assert tree(cfg.site_dir) == tree(clean.site_dir)

    page = (cfg.docs_dir / "topics" / "brigg.md").read_text(encoding="utf-8")
    assert "Changed since the last build" in page
    assert "New article: \\[3\\] Brigg ferry ordered" in page
    assert "Changed since" not in (cfg.docs_dir / "topics" / "avalon.md").read_text(encoding="utf-8")
    # Rebuilding the same input changes nothing, the note included.
    before = tree(cfg.site_dir)
    assert build(cfg, quiet=True).analysed == 0
    assert tree(cfg.site_dir) == before


def test_two_builds_are_byte_identical(seed_dir: Path, tmp_path: Path) -> None:
    outputs = []
    for n in (1, 2):
        cfg = config(tmp_path, seed_dir, name=f"b{n}", site_url="https://example.org/briefs/")
        build(cfg, quiet=True)
        outputs.append((tree(cfg.docs_dir), tree(cfg.site_dir)))
    assert outputs[0][0] == outputs[1][0]
    assert outputs[0][1] == outputs[1][1]
    site = outputs[0][1]
    for name in ("sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "feed.xml"):
        assert name in site
    assert b"<lastmod>2025-04-19</lastmod>" in site["sitemap.xml"]


def test_failed_site_build_leaves_previous_site(seed_site: Config, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(seed_site.site_dir, site)
    before = tree(site)
    bad = tmp_path / "mkdocs.yml"
    bad.write_text("site_name: x\ntheme:\n  name: no-such-theme\n", encoding="utf-8")
    cfg = config(tmp_path, Path(__file__).parent.parent / "seeds", name="fail")
    cfg = cfg.replace(site_dir=site, mkdocs_config=bad)
    with pytest.raises(Exception):  # noqa: B017 - MkDocs' own error type
        build(cfg, quiet=True)
    assert tree(site) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]


HOSTILE = """---
title: "<script>alert('t')</script> {{ 7*7 }} [[wiki]] {% raw %} <img src=x onerror=alert(2)>"
outlet: "<b onmouseover=alert(3)>Evil</b> [x](javascript:alert(4))"
url: "javascript:alert(5)"
published: 2025-01-02
topic: "<svg onload=alert(11)> topic"
---
The mayor said the <script>alert(1)</script> plan was approved by the council on Monday.

Officials agreed to [click here](javascript:alert(1)) and {{ config }} and {% raw %} and [[Page]] at once.

<div onclick="alert(7)">Raw HTML block</div> and ![img](x.png) and <iframe src="https://e.invalid"></iframe>.

{: .evil onclick="alert(8)" } The council said *emphasis* and `code` and ~~strike~~ and ::: note.
"""
HOSTILE_2 = """---
title: "Second <svg onload=alert(9)>"
url: "https://example.com/a b\\"><script>alert(10)</script>(x)"
published: 2025-01-03
topic: "<svg onload=alert(11)> topic"
---
The mayor said the plan was approved by the council on Monday after a long debate.

03-01-2025 10:01 - ID: <script>alert(12)</script> Amount: *5* | `x`
03-01-2025 10:07 - ID: <svg onload=alert(13)> Amount: [6](javascript:alert(14))
03-01-2025 10:15 - ID: </pre><script>alert(15)</script> Amount: 7

The council will vote on the budget for the plan next week, the mayor said.
"""


class MarkupAudit(HTMLParser):
    """Collects what could run: event-handler attributes, script bodies, javascript: links."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        for name, value in attrs:
            link = name in ("href", "src", "action", "formaction", "data")
            if name.startswith("on") or link and (value or "").strip().lower().startswith("javascript"):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.found.append(f"script: {data[:60]}")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False


def write_hostile(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "evil.md").write_text(HOSTILE, encoding="utf-8")
    (folder / "evil2.md").write_text(HOSTILE_2, encoding="utf-8")


def test_hostile_article_renders_as_text(tmp_path: Path) -> None:
    write_hostile(tmp_path / "in")
    cfg = config(tmp_path, tmp_path / "in", site_url="https://example.org/")
    build(cfg, quiet=True, strict=True)  # strict: MkDocs warnings (e.g. a broken link) fail the build
    pages = list(cfg.site_dir.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        audit = MarkupAudit()
        audit.feed(page.read_text(encoding="utf-8"))
        assert not audit.found, (page, audit.found)
    feed = feedparser.parse((cfg.site_dir / "feed.xml").read_bytes())
    assert not feed.bozo
    assert "svg onload=alert(11)" in feed.entries[0].title
    topic = next((cfg.docs_dir / "topics").glob("*.md")).read_text(encoding="utf-8")
    assert "https://example.com/a%20b%22%3E%3Cscript%3E" in topic


def test_github_workflow_rebuilds_caches_and_deploys() -> None:
    import yaml

    path = Path(__file__).parent.parent / ".github" / "workflows" / "briefgen.yml"
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert {"push", "schedule", "workflow_dispatch"} <= set(triggers)
    assert f"{workflow['env']['ARTICLES_DIR']}/**" in triggers["push"]["paths"]
    steps = workflow["jobs"]["build"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert {"actions/checkout", "actions/cache", "actions/upload-pages-artifact"} <= set(uses)
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == ".briefgen-cache"
    run = " ".join(s.get("run", "") for s in steps)
    assert "briefgen build" in run and "--cache-dir .briefgen-cache" in run
    deploy = workflow["jobs"]["deploy"]["steps"]
    assert deploy[0]["uses"].startswith("actions/deploy-pages")
    # contents: write, to commit the articles `briefgen fetch` brings (tests/test_fetch.py)
    assert workflow["permissions"] == {"contents": "write", "pages": "write", "id-token": "write"}


def test_tldr_is_not_repeated_in_the_summary(seed_site: Config) -> None:
    [brief] = (seed_site.docs_dir / "topics").glob("*.md")
    markdown = brief.read_text(encoding="utf-8")
    [tldr] = re.findall(r"^> \*\*TL;DR:\*\* (.+?) \[", markdown, re.M)
    summary = markdown.split("## Summary", 1)[1].split("\n## ", 1)[0]
    assert "indispensable partner" in tldr and tldr not in summary
    assert summary.count("\n- ") >= 2  # the other summary lines


def test_page_dates_are_mkdocs_own_for_each_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The site step takes MkDocs' page date once per SOURCE_DATE_EPOCH, not once per page: the same
    date MkDocs gives, for each value; without one, the clock's date, never kept."""
    from mkdocs.utils import get_build_date

    from briefgen.site import _build_date

    build_date = _build_date()
    for epoch in ("0", "1700000000", "0", "1712345678"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        assert build_date() == get_build_date()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_date() == get_build_date()
