"""`briefgen fetch` against local HTTP servers on loopback addresses only (see feedserver.py)."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from feedserver import Handler, Site, page, rss

from briefgen.cli import main
from briefgen.errors import BriefgenError
from briefgen.fetch import Feed, FeedList, FetchOptions, FetchReport, Policy, fetch, load_feed_list
from briefgen.fetch.net import Client, Refused, blocked_reason, with_contact
from briefgen.fetch.state import url_key
from briefgen.reading.files import read_markdown

FAST = Policy(allow_hosts=frozenset({"127.0.0.1"}), delay=0.0, timeout=0.5, backoff=0.01)


def paragraphs(topic: str, n: int = 3) -> list[str]:
    return [
        f"The council of {topic} voted on Tuesday to approve plan number {i}, officials said. "
        f"Residents of {topic} had asked for the change for years, and the mayor welcomed the decision. "
        f"Work on part {i} is expected to start next spring and to last about {i + 2} months."
        for i in range(1, n + 1)
    ]


def html(topic: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs(topic))


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site("127.0.0.1").start()
    yield s
    s.stop()


@pytest.fixture
def internal() -> Iterator[Site]:
    """127.0.0.2 stands for a host on the runner's internal network."""
    s = Site("127.0.0.2").start()
    yield s
    s.stop()


def run(tmp_path: Path, *feeds: Feed | str, policy: Policy = FAST, **options: object) -> FetchReport:
    feed_list = FeedList(tuple(f if isinstance(f, Feed) else Feed(f) for f in feeds))
    opts = FetchOptions(into=tmp_path / "articles", cache_dir=tmp_path / "cache", policy=policy, **options)  # type: ignore[arg-type]
    return fetch(feed_list, opts)


def articles(tmp_path: Path) -> dict[str, dict[str, str]]:
    """Every file in the articles folder, read by briefgen's own Markdown reader: name -> meta + text."""
    out = {}
    for path in sorted((tmp_path / "articles").iterdir()):
        [doc] = read_markdown(path, path.stem)
        out[path.name] = {**doc.meta, "text": doc.text}  # type: ignore[union-attr]
    return out


def item(site: Site, n: int, full: bool = True, topic: str = "") -> dict[str, str]:
    topic = topic or f"Town{n}"
    it = {
        "title": f"Council of {topic} approves plan",
        "link": site.url(f"/news/{n}"),
        "description": f"Short summary {n}.",
        "date": f"Mon, 0{n % 9 + 1} Dec 2025 10:00:00 GMT",
        "author": "Ann Writer",
    }
    if full:
        it["content"] = html(topic)
    return it


# -- feed formats and what is written ------------------------------------------------------------------


def test_rss_with_full_content_writes_markdown_the_reader_understands(site: Site, tmp_path: Path) -> None:
    site.add("/feed.xml", rss([item(site, 1), item(site, 2)]), etag='"v1"')
    report = run(tmp_path, site.url("/feed.xml"))
    assert (len(report.written), report.failed, report.skipped) == (2, [], [])
    docs = articles(tmp_path)
    assert len(docs) == 2
    name, doc = sorted(docs.items())[0]
    assert name.startswith("2025-12-02-council-of-town1-approves-plan-") and name.endswith(".md")
    assert doc["title"] == "Council of Town1 approves plan"
    assert doc["outlet"] == "Example News"
    assert doc["author"] == "Ann Writer"
    assert doc["published"] == "2025-12-02"
    assert doc["url"] == site.url("/news/1")
    assert doc["language"] == "en"
    assert "The council of Town1 voted on Tuesday" in doc["text"]
    raw = (tmp_path / "articles" / name).read_text()
    assert "fetched: '" in raw  # a quoted ISO timestamp
    assert site.paths() == ["/robots.txt", "/feed.xml"]  # full content: no page fetched
    # State lives in the cache folder; the articles folder holds the articles only.
    assert all(p.suffix == ".md" for p in (tmp_path / "articles").iterdir())
    assert (tmp_path / "cache" / "fetch" / "state.json").is_file()


def test_summary_only_entries_fetch_and_extract_the_page(site: Site, tmp_path: Path) -> None:
    site.add("/feed.xml", rss([item(site, 1, full=False)]))
    site.add("/news/1", page("Council of Town1 approves plan", paragraphs("Town1")), ctype="text/html")
    report = run(tmp_path, site.url("/feed.xml"))
    assert len(report.written) == 1, report
    [doc] = articles(tmp_path).values()
    assert "Residents of Town1 had asked for the change" in doc["text"]
    assert "Copyright Example" not in doc["text"]
    assert doc["url"] == site.url("/news/1")
    assert "/news/1" in site.paths()


def test_full_page_feeds_fetch_the_page_even_with_content(site: Site, tmp_path: Path) -> None:
    site.add("/feed.xml", rss([item(site, 1, topic="Feedville")]))
    site.add("/news/1", page("Council", paragraphs("Pageville")), ctype="text/html")
    run(tmp_path, Feed(site.url("/feed.xml"), outlet="Configured Outlet", full_page=True))
    [doc] = articles(tmp_path).values()
    assert "Pageville" in doc["text"] and "Feedville" not in doc["text"]
    assert doc["outlet"] == "Configured Outlet"


def test_atom_and_rdf_feeds(site: Site, tmp_path: Path) -> None:
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom Times</title><id>urn:x</id><updated>2025-12-01T00:00:00Z</updated>"
        f'<entry><title>Atom story</title><link href="{site.url("/a/1")}"/><id>urn:1</id>'
        "<updated>2025-12-01T09:00:00Z</updated><author><name>Bo Atom</name></author>"
        f'<content type="html"><![CDATA[{html("Atomburg")}]]></content></entry></feed>'
    )
    rdf = (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="{site.url("/rdf")}"><title>RDF Daily</title><link>{site.url("/")}</link>'
        "<description>d</description></channel>"
        f'<item rdf:about="{site.url("/r/1")}"><title>RDF story</title><link>{site.url("/r/1")}</link>'
        "<description>Teaser only.</description><dc:date>2025-11-30</dc:date></item></rdf:RDF>"
    )
    site.add("/atom.xml", atom, ctype="application/atom+xml")
    site.add("/rdf", rdf, ctype="application/rdf+xml")
    site.add("/r/1", page("RDF story", paragraphs("Rdfton")), ctype="text/html; charset=utf-8")
    report = run(tmp_path, site.url("/atom.xml"), site.url("/rdf"))
    assert len(report.written) == 2, report
    docs = {d["title"]: d for d in articles(tmp_path).values()}
    assert docs["Atom story"]["outlet"] == "Atom Times" and docs["Atom story"]["author"] == "Bo Atom"
    assert "Atomburg" in docs["Atom story"]["text"]
    assert docs["RDF story"]["outlet"] == "RDF Daily" and "Rdfton" in docs["RDF story"]["text"]
    assert docs["RDF story"]["published"] == "2025-11-30"


def test_opml_feeds_file(site: Site, tmp_path: Path) -> None:
    site.add("/one.xml", rss([item(site, 1)]))
    site.add("/two.xml", rss([item(site, 2)]))
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        '<outline text="Group">'
        f'<outline text="One" title="Outlet One" type="rss" xmlUrl="{site.url("/one.xml")}"/>'
        f'<outline text="Outlet Two" type="rss" xmlUrl="{site.url("/two.xml")}"/></outline></body></opml>'
    )
    feed_list = load_feed_list(opml)
    assert [(f.url, f.outlet) for f in feed_list.feeds] == [
        (site.url("/one.xml"), "Outlet One"),
        (site.url("/two.xml"), "Outlet Two"),
    ]
    result = CliRunner().invoke(
        main, ["fetch", str(opml), "--into", str(tmp_path / "articles"), "--allow-host", "127.0.0.1"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(d["outlet"] for d in articles(tmp_path).values()) == ["Outlet One", "Outlet Two"]
    assert "2 feeds checked: 0 not modified, 2 new articles, 0 skipped, 0 failed" in result.output


def test_yaml_feeds_file_and_its_errors(tmp_path: Path) -> None:
    good = tmp_path / "feeds.yml"
    good.write_text(
        "feeds:\n  - https://a.example/rss\n"
        "  - url: https://b.example/atom\n    outlet: B\n    full_page: true\n"
        "allow_hosts: [Intranet.Example]\ndelay: 0.5\ncontact: mailto:desk@example.org\n"
    )
    fl = load_feed_list(good)
    assert fl.feeds == (Feed("https://a.example/rss"), Feed("https://b.example/atom", "B", True))
    assert fl.allow_hosts == {"intranet.example"} and fl.delay == 0.5
    assert load_feed_list(_write(tmp_path / "list.yml", "- https://a.example/rss\n")).feeds == (
        Feed("https://a.example/rss"),
    )
    bad = _write(tmp_path / "bad.yml", "feeds:\n  - url: 3\n  - {link: x}\ndelay: -1\nextra: 1\n")
    with pytest.raises(BriefgenError) as err:
        load_feed_list(bad)
    for part in ("unknown key 'extra'", "feed 1: missing 'url'", "feed 2: unknown key(s) 'link'", "'delay'"):
        assert part in str(err.value)
    with pytest.raises(BriefgenError, match="expected a list of feeds"):
        load_feed_list(_write(tmp_path / "s.yml", "just text\n"))
    with pytest.raises(BriefgenError, match="entity declarations"):
        load_feed_list(
            _write(tmp_path / "b.opml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><opml></opml>')
        )


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


# -- politeness -------------------------------------------------------------------------------------


@pytest.mark.parametrize("validator", ["etag", "last-modified"])
def test_second_run_is_conditional_and_downloads_nothing(site: Site, tmp_path: Path, validator: str) -> None:
    kwargs = {"etag": '"abc"'} if validator == "etag" else {"modified": 1_700_000_000.0}
    site.add("/feed.xml", rss([item(site, 1), item(site, 2, full=False)]), **kwargs)  # type: ignore[arg-type]
    site.add("/news/2", page("Two", paragraphs("Town2")), ctype="text/html")
    site.add("/robots.txt", "User-agent: *\nAllow: /\n", ctype="text/plain", **kwargs)  # type: ignore[arg-type]
    first = run(tmp_path, site.url("/feed.xml"))
    assert len(first.written) == 2
    before = len(site.requests)
    second = run(tmp_path, site.url("/feed.xml"))
    again = site.requests[before:]
    assert (second.not_modified, second.written, second.requests) == (1, [], 2)
    assert [r.status for r in again] == [304, 304]  # robots.txt and the feed: zero full downloads
    header = "if-none-match" if validator == "etag" else "if-modified-since"
    assert all(header in r.headers for r in again)
    assert len(list((tmp_path / "articles").iterdir())) == 2


def test_changed_feed_fetches_only_its_new_entries(site: Site, tmp_path: Path) -> None:
    site.add("/feed.xml", rss([item(site, 1)]), etag='"1"')
    run(tmp_path, site.url("/feed.xml"))
    site.add("/feed.xml", rss([item(site, 2), item(site, 1)]), etag='"2"')
    report = run(tmp_path, site.url("/feed.xml"))
    assert (len(report.written), report.known, report.skipped) == (1, 1, [])
    assert len(list((tmp_path / "articles").iterdir())) == 2


def test_articles_in_the_folder_are_not_fetched_again_when_the_state_is_lost(
    site: Site, tmp_path: Path
) -> None:
    site.add("/feed.xml", rss([item(site, 1, full=False)]))
    site.add("/news/1", page("One", paragraphs("Town1")), ctype="text/html")
    run(tmp_path, site.url("/feed.xml"))
    (tmp_path / "cache" / "fetch" / "state.json").unlink()
    report = run(tmp_path, site.url("/feed.xml"))
    assert (report.written, report.known) == ([], 1)
    assert site.paths().count("/news/1") == 1


def test_user_agent_gzip_and_one_request_at_a_time_per_host(site: Site, tmp_path: Path) -> None:
    items = [item(site, n, full=False) for n in range(1, 6)]
    site.add("/feed.xml", rss(items), compress=True)
    for n in range(1, 6):
        site.add(f"/news/{n}", page(f"Story {n}", paragraphs(f"Town{n}")), ctype="text/html", compress=True)
    report = run(
        tmp_path, site.url("/feed.xml"), policy=Policy(allow_hosts=frozenset({"127.0.0.1"}), delay=0.05)
    )
    assert len(report.written) == 5
    assert all(re.fullmatch(r"briefgen/[\w.+-]+", r.headers["user-agent"]) for r in site.requests)
    assert (
        with_contact("briefgen/1.0", "mailto:desk@example.org") == "briefgen/1.0 (+mailto:desk@example.org)"
    )
    assert all("gzip" in r.headers["accept-encoding"] for r in site.requests)
    assert site.max_in_flight == 1
    # The delay between two requests to one host: the client sends the next one at least `delay` after
    # it received the previous answer, which the server began after it received the previous request.
    starts = sorted(r.start for r in site.requests)
    assert min(b - a for a, b in zip(starts, starts[1:], strict=False)) >= 0.05
    assert report.bytes < sum(len(page(f"Story {n}", paragraphs(f"Town{n}"))) for n in range(1, 6))


def test_robots_txt_disallowing_a_path(site: Site, tmp_path: Path) -> None:
    site.add("/robots.txt", "User-agent: briefgen\nDisallow: /private/\n", ctype="text/plain")
    site.add(
        "/feed.xml",
        rss([{**item(site, 1, full=False), "link": site.url("/private/1")}, item(site, 2, full=False)]),
    )
    site.add("/private/1", page("Secret", paragraphs("Hidden")), ctype="text/html")
    site.add("/news/2", page("Two", paragraphs("Town2")), ctype="text/html")
    report = run(tmp_path, site.url("/feed.xml"))
    assert len(report.written) == 1
    [skip] = report.skipped
    assert "robots.txt" in skip.reason and "disallows" in skip.reason
    assert "/private/1" not in site.paths()


def test_slow_host_times_out_and_the_other_feeds_go_on(site: Site, tmp_path: Path) -> None:
    def slow(h: Handler) -> None:
        time.sleep(2)
        h.reply(200, rss([]).encode(), "application/rss+xml")

    site.routes["/slow.xml"] = slow
    site.add("/ok.xml", rss([item(site, 1)]))
    report = run(tmp_path, site.url("/slow.xml"), site.url("/ok.xml"))
    assert len(report.written) == 1
    [failed] = report.failed
    assert failed.what == site.url("/slow.xml") and "timed out" in failed.reason


def test_server_error_then_success_is_retried(site: Site, tmp_path: Path) -> None:
    calls = []

    def flaky(h: Handler) -> None:
        calls.append(1)
        if len(calls) == 1:
            h.reply(500, b"oops", "text/plain")
        else:
            h.reply(200, rss([item(site, 1)]).encode(), "application/rss+xml")

    site.routes["/feed.xml"] = flaky
    report = run(tmp_path, site.url("/feed.xml"))
    assert (len(calls), len(report.written), report.failed) == (2, 1, [])


def test_retry_after_is_honoured_and_a_long_one_gives_up(site: Site, tmp_path: Path) -> None:
    calls: list[float] = []

    def busy(h: Handler) -> None:
        calls.append(time.monotonic())
        if len(calls) == 1:
            h.reply(503, b"busy", "text/plain", {"Retry-After": "1"})
        else:
            h.reply(200, rss([item(site, 1)]).encode(), "application/rss+xml")

    site.routes["/feed.xml"] = busy
    site.routes["/later.xml"] = lambda h: h.reply(503, b"busy", "text/plain", {"Retry-After": "3600"})
    report = run(tmp_path, site.url("/feed.xml"), site.url("/later.xml"))
    assert len(calls) == 2 and calls[1] - calls[0] >= 1.0
    [failed] = report.failed
    assert "Retry-After 3600 s" in failed.reason
    assert site.paths().count("/later.xml") == 1


def test_not_found_and_malformed_feeds_fail_with_their_reason(site: Site, tmp_path: Path) -> None:
    site.add("/bad.xml", "this is not xml at all", ctype="application/xml")
    site.add("/html", "<html><body>hello</body></html>", ctype="text/html")
    site.add("/ok.xml", rss([item(site, 1)]))
    report = run(
        tmp_path, site.url("/missing.xml"), site.url("/bad.xml"), site.url("/html"), site.url("/ok.xml")
    )
    reasons = {p.what.rsplit("/", 1)[1]: p.reason for p in report.failed}
    assert "HTTP 404" in reasons["missing.xml"]
    assert "not an RSS, Atom or RDF feed" in reasons["bad.xml"]
    assert "unexpected content type text/html" in reasons["html"]
    assert len(report.written) == 1
    assert site.paths().count("/missing.xml") == 1  # a 404 is not retried


def test_redirects_are_followed_limited_and_loops_refused(site: Site, tmp_path: Path) -> None:
    def redirect(to: str):  # noqa: ANN202
        return lambda h: h.reply(302, b"", "text/plain", {"Location": to})

    site.routes["/moved.xml"] = redirect("/feed.xml")
    site.add("/feed.xml", rss([item(site, 1)]))
    site.routes["/loop-a"] = redirect("/loop-b")
    site.routes["/loop-b"] = redirect("/loop-a")
    for n in range(7):
        site.routes[f"/chain{n}"] = redirect(f"/chain{n + 1}")
    report = run(tmp_path, site.url("/moved.xml"), site.url("/loop-a"), site.url("/chain0"))
    assert len(report.written) == 1
    reasons = [p.reason for p in report.failed]
    assert "redirect loop" in reasons[0]
    assert "more than 5 redirects" in reasons[1]
    assert site.paths().count("/chain5") == 1 and "/chain6" not in site.paths()


def test_size_limit_cuts_a_50_mb_page(site: Site, tmp_path: Path) -> None:
    chunk = b"<p>" + b"word " * 20_000 + b"</p>"  # 100 kB

    def huge(h: Handler, declare: bool) -> None:
        h.request_log.status = 200
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        if declare:
            h.send_header("Content-Length", str(50_000_000))
        else:
            h.send_header("Connection", "close")
        h.end_headers()
        for _ in range(500):  # 50 MB
            h.wfile.write(chunk)

    site.routes["/news/1"] = lambda h: huge(h, True)
    site.routes["/news/2"] = lambda h: huge(h, False)
    site.add("/feed.xml", rss([item(site, 1, full=False), item(site, 2, full=False)]))
    report = run(tmp_path, site.url("/feed.xml"), policy=Policy(**{**FAST.__dict__, "max_bytes": 1_000_000}))
    assert report.written == []
    assert [("too large" in p.reason) for p in report.skipped] == [True, True]
    assert report.bytes < 2_000_000  # the download stopped at the limit


def test_decompression_bomb_is_cut_at_the_limit(site: Site, tmp_path: Path) -> None:
    site.add("/feed.xml", rss([item(site, 1, full=False)]))
    site.add("/news/1", b"<p>" + b"a" * 30_000_000 + b"</p>", ctype="text/html", compress=True)
    # A generous read timeout: on a loaded machine the 30 MB reply can take longer than FAST's 0.5 s.
    policy = Policy(**{**FAST.__dict__, "max_bytes": 1_000_000, "timeout": 20.0})
    report = run(tmp_path, site.url("/feed.xml"), policy=policy)
    [skip] = report.skipped
    assert "too large once decompressed" in skip.reason


def test_links_to_internal_and_metadata_addresses_are_refused(
    site: Site, internal: Site, tmp_path: Path
) -> None:
    internal.add("/secret", page("Internal", paragraphs("Intranet")), ctype="text/html")
    internal.add("/feed.xml", rss([item(internal, 9)]))
    site.routes["/bounce"] = lambda h: h.reply(302, b"", "text/plain", {"Location": internal.url("/secret")})
    site.add(
        "/feed.xml",
        rss(
            [
                {**item(site, 1, full=False), "link": internal.url("/secret")},
                {**item(site, 2, full=False), "link": "http://169.254.169.254/latest/meta-data/"},
                {**item(site, 3, full=False), "link": site.url("/bounce")},
                {**item(site, 4, full=False), "link": "file:///etc/passwd"},
                {**item(site, 5, full=False), "link": "http://[::1/broken"},
            ]
        ),
    )
    report = run(tmp_path, site.url("/feed.xml"), internal.url("/feed.xml"))
    assert report.written == []
    reasons = [p.reason for p in report.skipped]
    assert "127.0.0.2 (a loopback address)" in reasons[0] and "--allow-host 127.0.0.2" in reasons[0]
    assert "169.254.169.254 (a cloud metadata address)" in reasons[1]
    assert "127.0.0.2" in reasons[2]  # checked on the redirect hop too
    assert "no link to the article" in reasons[3]  # a file: link is not a link to fetch
    assert "no link to the article" in reasons[4]  # nor is one no parser can read
    [failed] = report.failed
    assert "127.0.0.2" in failed.reason
    assert internal.requests == []  # nothing ever reached the internal host
    # Allowed by name, it is fetched.
    allowed = Policy(**{**FAST.__dict__, "allow_hosts": frozenset({"127.0.0.1", "127.0.0.2"})})
    report = run(tmp_path / "again", internal.url("/feed.xml"), policy=allowed)
    assert len(report.written) == 1


def test_blocked_addresses() -> None:
    for address in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.0.1", "169.254.169.254", "::1", "fe80::1",
                    "fd00:ec2::254", "::ffff:127.0.0.1", "0.0.0.0", "100.64.0.1", "224.0.0.1"):  # fmt: skip
        assert blocked_reason(address), address
    for address in ("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "8.8.8.8"):
        assert blocked_reason(address) is None, address


def test_only_http_urls_and_no_credentials(tmp_path: Path) -> None:
    client = Client(FAST)
    for url in ("file:///etc/passwd", "ftp://example.org/x", "http://user:pw@example.org/", "gopher://x/",
                "http://[::1/broken", "http://example.org:99999/"):  # fmt: skip
        with pytest.raises(Refused):
            client.get(url, kinds=("xml",))


def test_entity_bomb_feed_is_refused(site: Site, tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<rss version='2.0'><channel><title>&b;</title><item><title>x</title><description>&b;</description>"
        "</item></channel></rss>"
    )
    site.add("/bomb.xml", bomb)
    report = run(tmp_path, site.url("/bomb.xml"))
    [failed] = report.failed
    assert "entity declarations" in failed.reason


def test_duplicates_across_feeds_are_written_once(site: Site, tmp_path: Path) -> None:
    one = item(site, 1)
    tracked = {**one, "link": site.url("/news/1?utm_source=rss&utm_medium=feed")}  # the same URL, tracked
    copy = {**item(site, 7, topic="Town1"), "link": site.url("/syndicated/1")}  # the same text elsewhere
    site.add("/a.xml", rss([one], title="Outlet A"))
    site.add("/b.xml", rss([tracked, copy], title="Outlet B"))
    report = run(tmp_path, site.url("/a.xml"), site.url("/b.xml"))
    assert len(report.written) == 1
    assert [d["outlet"] for d in articles(tmp_path).values()] == ["Outlet A"]
    tracked_skip, copy_skip = report.skipped
    assert "same URL" in tracked_skip.reason and not tracked_skip.error  # utm_ parameters aside
    assert "same text" in copy_skip.reason and not copy_skip.error
    report = run(tmp_path, site.url("/a.xml"), site.url("/b.xml"))  # and across runs
    assert report.written == []


def test_since_and_max_per_feed(site: Site, tmp_path: Path) -> None:
    import datetime as dt

    items = [item(site, n) for n in range(1, 6)]  # published 2025-12-02 .. 06
    site.add("/feed.xml", rss(items), etag='"x"')
    report = run(tmp_path, site.url("/feed.xml"), since=dt.date(2025, 12, 4), max_per_feed=2)
    assert len(report.written) == 2
    reasons = sorted(p.reason for p in report.skipped)
    assert reasons == ["over --max-per-feed 2", "published before --since", "published before --since"]
    # Entries left over by --max-per-feed are still new next run (the feed's ETag was not kept).
    report = run(tmp_path, site.url("/feed.xml"), since=dt.date(2025, 12, 4), max_per_feed=2)
    assert len(report.written) == 1


def test_hostile_titles_stay_inside_the_folder(site: Site, tmp_path: Path) -> None:
    titles = ["../../../../tmp/evil", "/etc/passwd", "CON", "a" * 500, "—", "..\\..\\x"]
    site.add("/feed.xml", rss([{**item(site, n), "title": t} for n, t in enumerate(titles, start=1)]))
    report = run(tmp_path, site.url("/feed.xml"))
    assert len(report.written) == len(titles)
    folder = (tmp_path / "articles").resolve()
    for path in report.written:
        assert path.resolve().parent == folder
        assert len(path.name) < 100 and path.name.isascii() and "/" not in path.name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "cache"]


def test_url_key_ignores_tracking_scheme_www_and_fragment() -> None:
    assert url_key("https://www.Example.org/a/?utm_source=x&id=3#top") == url_key("http://example.org/a?id=3")
    assert url_key("https://example.org/a?id=3") != url_key("https://example.org/a?id=4")


# -- the command ------------------------------------------------------------------------------------


def test_cli_reports_failures_and_strict_exit(site: Site, tmp_path: Path) -> None:
    site.add("/ok.xml", rss([item(site, 1)]))
    feeds = _write(
        tmp_path / "feeds.yml",
        f"feeds:\n  - {site.url('/ok.xml')}\n  - {site.url('/gone.xml')}\n"
        "allow_hosts: [127.0.0.1]\ndelay: 0\n",
    )
    into = tmp_path / "articles"
    result = CliRunner().invoke(main, ["fetch", str(feeds), "--into", str(into)])
    assert result.exit_code == 0, result.output
    assert f"failed {site.url('/gone.xml')}: HTTP 404" in result.output
    assert "2 feeds checked: 0 not modified, 1 new article, 0 skipped, 1 failed" in result.output
    result = CliRunner().invoke(main, ["fetch", str(feeds), "--into", str(into), "--strict", "-q"])
    assert result.exit_code == 1
    assert "feeds checked" not in result.output and "1 feeds failed" in result.output
    result = CliRunner().invoke(main, ["fetch", str(tmp_path / "nope.yml")])
    assert result.exit_code == 1 and "cannot read feeds file" in result.output


def test_state_file_is_json_in_the_cache(site: Site, tmp_path: Path) -> None:
    site.add("/feed.xml", rss([item(site, 1)]), etag='"e"')
    run(tmp_path, site.url("/feed.xml"))
    state = json.loads((tmp_path / "cache" / "fetch" / "state.json").read_text())
    assert state["feeds"][site.url("/feed.xml")] == {"etag": '"e"'}
    assert url_key(site.url("/news/1")) in state["urls"]


def test_github_workflow_fetches_and_commits_before_the_build() -> None:
    import yaml

    path = Path(__file__).parent.parent / ".github" / "workflows" / "briefgen.yml"
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert workflow[True]["schedule"]  # YAML 1.1 reads the key `on` as true
    runs = [s.get("run", "") for s in workflow["jobs"]["build"]["steps"]]
    fetch_at = next(i for i, r in enumerate(runs) if r.startswith("briefgen fetch"))
    commit_at = next(i for i, r in enumerate(runs) if "git commit" in r or "commit -q" in r)
    build_at = next(i for i, r in enumerate(runs) if r.startswith("briefgen build"))
    assert fetch_at < commit_at < build_at
    assert '--into "$ARTICLES_DIR"' in runs[fetch_at] and "--cache-dir .briefgen-cache" in runs[fetch_at]
    assert 'git add -- "$ARTICLES_DIR"' in runs[commit_at]


def test_host_names_are_checked_by_the_address_they_resolve_to(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    real = socket.getaddrinfo

    def resolve(host: str, *args: object, **kwargs: object) -> object:
        return real("127.0.0.1" if host == "news.example" else host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    port = site.server.server_address[1]
    feed_url = f"http://news.example:{port}/feed.xml"
    site.add("/feed.xml", rss([item(site, 1)]))
    # Allowed: 127.0.0.1 by address, but news.example is a name that resolves to loopback.
    report = run(tmp_path, feed_url)
    [failed] = report.failed
    assert "host news.example resolves to 127.0.0.1 (a loopback address)" in failed.reason
    assert site.requests == []
    named = Policy(**{**FAST.__dict__, "allow_hosts": frozenset({"news.example", "127.0.0.1"})})
    report = run(tmp_path / "named", feed_url, policy=named)
    assert len(report.written) == 1
    assert site.requests[-1].headers["host"] == f"news.example:{port}"


def test_crawl_delay_from_robots_txt(site: Site, tmp_path: Path) -> None:
    site.add("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", ctype="text/plain")
    site.add("/feed.xml", rss([item(site, 1, full=False)]))
    site.add("/news/1", page("One", paragraphs("Town1")), ctype="text/html")
    report = run(tmp_path, site.url("/feed.xml"))
    assert len(report.written) == 1
    feed, article = (r for r in site.requests if r.path != "/robots.txt")
    assert article.start - feed.start >= 1.0


def test_unusual_links_are_encoded_and_entries_without_link_keep_their_content(
    site: Site, tmp_path: Path
) -> None:
    site.add("/caf%C3%A9%20news?q=%C3%BC", page("Café", paragraphs("Cafeville")), ctype="text/html")
    no_link = {k: v for k, v in item(site, 2, topic="Linkless").items() if k != "link"}
    site.add("/feed.xml", rss([{**item(site, 1, full=False), "link": site.url("/café news?q=ü")}, no_link]))
    report = run(tmp_path, site.url("/feed.xml"))
    assert (len(report.written), report.skipped) == (2, [])
    [cafe] = [d for d in articles(tmp_path).values() if "Cafeville" in d["text"]]
    [linkless] = [d for d in articles(tmp_path).values() if "Linkless" in d["text"]]
    assert cafe["url"] == site.url("/caf%C3%A9%20news?q=%C3%BC") and "url" not in linkless
    assert run(tmp_path, site.url("/feed.xml")).written == []  # the linkless entry too


def test_one_fetch_at_a_time_per_cache_folder(site: Site, tmp_path: Path) -> None:
    import fcntl

    site.add("/feed.xml", rss([item(site, 1)]))
    (tmp_path / "cache" / "fetch").mkdir(parents=True)
    with open(tmp_path / "cache" / "fetch" / "lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(BriefgenError, match="another `briefgen fetch`"):
            run(tmp_path, site.url("/feed.xml"))
    assert len(run(tmp_path, site.url("/feed.xml")).written) == 1


def test_robots_txt_server_error_stops_the_site_for_this_run_only(site: Site, tmp_path: Path) -> None:
    site.routes["/robots.txt"] = lambda h: h.reply(503, b"down", "text/plain")
    site.add("/feed.xml", rss([item(site, 1)]), etag='"1"')
    report = run(tmp_path, site.url("/feed.xml"))
    [failed] = report.failed
    assert "robots.txt of" in failed.reason and "unavailable" in failed.reason
    assert "/feed.xml" not in site.paths()
    site.add("/robots.txt", "User-agent: *\nAllow: /\n", ctype="text/plain")
    assert len(run(tmp_path, site.url("/feed.xml")).written) == 1


def test_https_checks_the_certificate_and_the_address(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TLS to 127.0.0.1 with a certificate made for it: verified (SNI, host name) against that
    certificate only; a certificate for another name fails the feed."""
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    import briefgen.fetch.net as net

    def certificate(name: str, san: str) -> tuple[Path, Path]:
        cert, key = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={name}",
             "-addext", f"subjectAltName={san}", "-keyout", str(key), "-out", str(cert)],
            check=True, capture_output=True,
        )  # fmt: skip
        return cert, key

    good, good_key = certificate("loopback", "IP:127.0.0.1")
    wrong, wrong_key = certificate("elsewhere", "DNS:elsewhere.example")
    original = ssl.create_default_context
    trusted: list[Path] = []
    monkeypatch.setattr(net.ssl, "create_default_context", lambda: original(cafile=str(trusted[0])))
    site.add("/feed.xml", rss([item(site, 1)]))
    for cert, key, works in ((good, good_key, True), (wrong, wrong_key, False)):
        trusted[:] = [cert]
        server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server_context.load_cert_chain(cert, key)
        tls = Site("127.0.0.1", routes=site.routes).start()
        tls.server.socket = server_context.wrap_socket(tls.server.socket, server_side=True)
        try:
            report = run(tmp_path / cert.stem, tls.url("/feed.xml").replace("http:", "https:"))
        finally:
            tls.stop()
        if works:
            assert (len(report.written), report.failed) == (1, [])
        else:
            [failed] = report.failed
            assert "TLS error" in failed.reason and "CERTIFICATE_VERIFY_FAILED" in failed.reason, (
                failed.reason
            )
            assert "attempts" not in failed.reason  # not retried
