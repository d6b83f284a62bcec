"""The built site in a real browser: headless Chromium driven by Playwright.

Skipped, with the reason, when Playwright (`pip install -e '.[browser]'`) or a Chromium is missing;
`.ci/run` installs both (Debian's `chromium`) and axe-core (npm) so CI runs these tests. Chromium is
found at $BRIEFGEN_CHROMIUM, /usr/bin/chromium or on PATH; axe-core's `axe.min.js` at
$BRIEFGEN_AXE_JS, `.ci/.npm/node_modules/axe-core/` or `node_modules/axe-core/`.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from test_site import config, write_hostile

from briefgen.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed: pip install -e '.[browser]' (see .ci/run)"
)


def chromium_path() -> str | None:
    for candidate in (os.environ.get("BRIEFGEN_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def axe_path() -> Path | None:
    for candidate in (
        os.environ.get("BRIEFGEN_AXE_JS"),
        ROOT / ".ci" / ".npm" / "node_modules" / "axe-core" / "axe.min.js",
        ROOT / "node_modules" / "axe-core" / "axe.min.js",
    ):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The seed site plus a topic of hostile articles, served on localhost."""
    root = tmp_path_factory.mktemp("browser-site")
    articles = root / "in"
    shutil.copytree(ROOT / "seeds", articles)
    write_hostile(articles / "hostile")
    cfg = config(root, articles)
    build(cfg, quiet=True, strict=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(cfg.site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", cfg.docs_dir
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium found: apt-get install chromium (see .ci/run) or set BRIEFGEN_CHROMIUM")
    with sync_api.sync_playwright() as pw:
        try:
            chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        except Exception as exc:  # a broken install is reported as a skip, with Playwright's reason
            pytest.skip(f"Chromium at {executable} does not start: {str(exc).splitlines()[0]}")
        yield chromium
        chromium.close()


class Page:
    """A browser page that records console errors, uncaught exceptions and dialogs (alert & co)."""

    def __init__(self, browser: Any, width: int = 1280, height: int = 900, scheme: str = "light") -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", self._console)
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"{r.status} {r.url}"))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _console(self, message: Any) -> None:
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(message.text)  # failed requests are recorded with their URL instead

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str) -> Any:
        self.page.goto(url, wait_until="networkidle")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    p = Page(browser)
    yield p
    p.close()


def topic_slugs(docs: Path) -> list[str]:
    return sorted(p.stem for p in (docs / "topics").glob("*.md"))


def seed_slug(docs: Path) -> str:
    return next(s for s in topic_slugs(docs) if "japan" in s)


def test_home_lists_the_topic(site: tuple[str, Path], page: Page) -> None:
    url, _ = site
    home = page.open(url)
    link = home.get_by_role("link", name="U.S. Upgrades Military Command in Japan Amid China Tensions")
    assert link.first.is_visible()
    assert home.locator(".bg-tag", has_text="Pete Hegseth").first.is_visible()
    assert page.errors == [] and page.dialogs == []


def test_topic_page_shows_every_section(site: tuple[str, Path], page: Page) -> None:
    url, docs = site
    slug = seed_slug(docs)
    sections = re.findall(r"^## (.+)$", (docs / "topics" / f"{slug}.md").read_text(encoding="utf-8"), re.M)
    assert {"Summary", "Quotes", "Disputes", "Sources"} <= set(sections)
    topic = page.open(f"{url}topics/{slug}/")
    for heading in sections:
        assert topic.get_by_role("heading", name=heading, exact=True).is_visible(), heading
    assert topic.get_by_text("TL;DR").first.is_visible()
    download = topic.locator("a[download]")
    assert download.get_attribute("href") == f"../{slug}.md"
    response = topic.request.get(f"{url}topics/{slug}.md")
    assert response.ok and response.text().startswith("---\ntitle:")
    assert page.errors == [] and page.dialogs == []


def test_citation_highlights_the_sentence(site: tuple[str, Path], page: Page) -> None:
    """A citation without URL opens the article's page with the cited sentence highlighted."""
    url, docs = site
    topic = page.open(f"{url}topics/{seed_slug(docs)}/")
    cite = topic.locator("a[href*='/articles/'][href*='#s-']").first
    cite.click()
    topic.wait_for_load_state("networkidle")
    assert "#s-" in topic.url
    target = topic.locator(":target")
    assert target.count() == 1 and "bg-sentence" in (target.get_attribute("class") or "")
    assert target.is_visible()
    background = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled into view


def test_search_finds_the_topic(site: tuple[str, Path], page: Page) -> None:
    url, _ = site
    home = page.open(url)
    search = home.locator("input.md-search__input")
    search.click()
    home.keyboard.type("Nakatani", delay=20)  # Material searches on key events
    result = home.locator(".md-search-result__item", has_text="U.S. Upgrades Military Command")
    result.first.wait_for(timeout=10_000)
    assert result.first.is_visible()
    assert page.errors == []


def test_hostile_article_runs_no_script(site: tuple[str, Path], page: Page) -> None:
    url, docs = site
    pages = [f"topics/{s}/" for s in topic_slugs(docs) if "japan" not in s]
    pages += ["", "archive/", "articles/evil/", "articles/evil2/", "feed.xml"]
    for path in pages:
        opened = page.open(url + path)
        injected = opened.evaluate(
            "() => [...document.querySelectorAll('script')]"
            ".filter(s => s.textContent.includes('alert(')).length"
            " + document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover],iframe').length"
        )
        assert injected == 0, path
    topic = page.open(url + pages[0])
    assert topic.get_by_text("<script>alert(1)</script>", exact=False).first.is_visible()  # shown as text
    assert page.dialogs == []
    assert page.errors == []


def test_phone_layout(site: tuple[str, Path], browser: Any) -> None:
    url, docs = site
    phone = Page(browser, width=375, height=740)
    try:
        for path in ("", f"topics/{seed_slug(docs)}/"):
            opened = phone.open(url + path)
            overflow = opened.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path or 'home'} scrolls sideways on a phone by {overflow}px"
        assert phone.errors == []
    finally:
        phone.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(site: tuple[str, Path], browser: Any, scheme: str) -> None:
    """axe-core finds no serious or critical violation, in the light and the dark palette."""
    axe = axe_path()
    if axe is None:
        pytest.skip("axe-core not found: npm install --prefix .ci/.npm axe-core (see .ci/run)")
    url, docs = site
    page = Page(browser, scheme=scheme)
    problems = []
    try:
        paths = ["", f"topics/{seed_slug(docs)}/"]
        paths += ["archive/", "articles/evil/", "report/"] if scheme == "light" else []
        for path in paths:
            opened = page.open(url + path)
            opened.add_script_tag(path=str(axe))
            violations = opened.evaluate("async () => (await axe.run(document)).violations")
            for v in violations:
                if v["impact"] in ("serious", "critical"):
                    nodes = [n["target"] for n in v["nodes"][:3]]
                    problems.append(f"{path or 'home'}: {v['id']} ({v['impact']}): {v['help']} {nodes}")
    finally:
        page.close()
    assert problems == [], "\n".join(problems)
