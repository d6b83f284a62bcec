# ruff: noqa: E501
"""Format readers on fixture files the tests write themselves: a web page, RSS 2.0, Atom, JSON Lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefgen.errors import UnreadableInput
from briefgen.models import RawDocument, Skipped
from briefgen.pipeline import read_articles
from briefgen.reading.article import to_article
from briefgen.reading.files import READERS, read_path

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Port deal signed after long talks | The Harbour Gazette</title>
<meta property="og:title" content="Port deal signed after long talks">
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="og:url" content="https://gazette.example/news/port-deal">
<meta property="article:published_time" content="2025-03-30T09:15:00+00:00">
<meta name="author" content="Jane Doe">
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>
<div class="ad-banner">Advertisement: Buy the best boats at Boat World, 50% off this week only!</div>
<main>
<article>
<h1>Port deal signed after long talks</h1>
<p class="byline">By Jane Doe</p>
<p>The city council and the shipping company signed a deal on Sunday to expand the northern port, ending two years of talks that had stalled twice over the cost of dredging.</p>
<p>“This is the best outcome for the harbour and for the people who work in it,” the mayor, Ana Lopes, told reporters after the signing ceremony at the town hall.</p>
<h2>What the deal covers</h2>
<p>Under the agreement, the company will pay for two new berths and a rail link, while the council will dredge the channel to a depth of sixteen metres by the end of next year.</p>
<p>Opposition councillors said the council had given away too much. Their leader, Tom Berg, said the deal would cost taxpayers more than the council admitted.</p>
<p>Work starts in May</p>
<p>The company said construction would start in May and that the first new berth would open in the spring of the following year, creating about 300 jobs.</p>
</article>
</main>
<aside class="related"><h3>Related articles</h3><ul><li><a href="/a">Harbour fees to rise next year</a></li><li><a href="/b">Fishermen protest new rules</a></li></ul></aside>
<section id="comments" class="comments">
<h3>3 Comments</h3>
<div class="comment"><p>Great news for the town, finally something is happening here!</p></div>
<div class="comment"><p>Total waste of money, the council never learns from its mistakes.</p></div>
</section>
<footer><p>Copyright © 2025 The Harbour Gazette. All rights reserved.</p><p><a href="#top">Back to top</a></p></footer>
</body>
</html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Harbour Gazette</title>
<link>https://gazette.example/</link>
<description>News from the harbour</description>
<language>en-us</language>
<item>
<title>Port deal signed after long talks</title>
<link>https://gazette.example/news/port-deal</link>
<guid>https://gazette.example/news/port-deal</guid>
<pubDate>Sun, 30 Mar 2025 09:15:00 GMT</pubDate>
<dc:creator>Jane Doe</dc:creator>
<description>The council signed a port deal.</description>
<content:encoded><![CDATA[<p>The city council and the shipping company signed a deal on Sunday to expand the northern port.</p><p>&#8220;This is the best outcome for the harbour,&#8221; the mayor said.</p><figure><img src="x.jpg"><figcaption>The port at dawn</figcaption></figure><p>Work starts in May.</p>]]></content:encoded>
</item>
<item>
<title>Fishermen protest new rules</title>
<link>https://gazette.example/news/fishermen</link>
<pubDate>Sat, 29 Mar 2025 18:00:00 GMT</pubDate>
<description>&lt;p&gt;Fishermen blocked the harbour entrance on Saturday to protest new quota rules.&lt;/p&gt;</description>
</item>
<item>
<title>Empty one</title>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
<title>Le Courrier du Port</title>
<id>urn:example:feed</id>
<updated>2025-03-30T12:00:00Z</updated>
<entry>
<title>Accord signé pour le port</title>
<id>urn:example:1</id>
<link href="https://courrier.example/accord"/>
<updated>2025-03-30T12:00:00Z</updated>
<published>2025-03-30T10:00:00Z</published>
<author><name>Marie Dupont</name></author>
<summary>Résumé court.</summary>
<content type="html">&lt;p&gt;Le conseil municipal a signé dimanche un accord pour agrandir le port nord.&lt;/p&gt;&lt;p&gt;Les travaux commenceront en mai.&lt;/p&gt;</content>
</entry>
</feed>
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def docs(path: Path) -> list[RawDocument]:
    return [d for d in read_path(path) if isinstance(d, RawDocument)]


def test_every_format_declares_its_extensions() -> None:
    for ext in (".txt", ".md", ".html", ".htm", ".rss", ".atom", ".xml", ".jsonl"):
        assert ext in READERS


def test_html_page_main_text_and_metadata(tmp_path: Path) -> None:
    [raw] = docs(write(tmp_path, "page.html", PAGE))
    a = to_article(raw)
    assert a.title == "Port deal signed after long talks"
    assert a.outlet == "The Harbour Gazette"
    assert a.url == "https://gazette.example/news/port-deal"
    assert a.published == dt.date(2025, 3, 30)
    assert a.author == "Jane Doe"
    assert a.language == "en"
    # Body paragraphs kept, as printed, including a short one without a full stop and a subheading.
    assert "signed a deal on Sunday to expand the northern port" in a.text
    assert "“This is the best outcome for the harbour" in a.text
    assert "Work starts in May" in a.text.split("\n\n")
    assert "What the deal covers" in a.text
    # Navigation, ads, related links, comments and footer are gone.
    for junk in (
        "Subscribe now",
        "Boat World",
        "Related articles",
        "Fishermen protest",
        "Great news",
        "waste of money",
        "Copyright",
        "Back to top",
        "Politics",
    ):
        assert junk not in a.text, junk
    # The headline printed above the body is not body text, and its removal is recorded.
    assert not a.text.startswith("Port deal")
    assert ("Port deal signed after long talks", "headline") in [(r.text, r.reason) for r in a.removed]


def test_html_page_sentences_are_verbatim_paragraphs(tmp_path: Path) -> None:
    [raw] = docs(write(tmp_path, "page.html", PAGE))
    a = to_article(raw)
    for paragraph in a.text.split("\n\n"):
        assert paragraph in raw.text


def test_html_page_in_a_language_without_spaces(tmp_path: Path) -> None:
    body = "".join(
        f"<p>防衛相は{n}日、東京で米国の国防長官と会談し、同盟の強化で一致した。</p>" for n in range(1, 4)
    )
    page = f"<html lang='ja'><head><title>会談</title></head><body><article>{body}</article></body></html>"
    [raw] = docs(write(tmp_path, "ja.html", page))
    assert raw.meta["language"] == "ja"
    assert "東京で米国の国防長官と会談し" in raw.text


def test_html_in_legacy_encoding(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    [raw] = docs(write(tmp_path, "page.htm", page.encode("cp1252")))
    assert "“This is the best outcome" in raw.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body><div><a href='/'>Home</a> <a href='/x'>Photos of the week</a></div></body></html>",
        "<html><head><title>Blank</title></head><body></body></html>",
    ],
)
def test_html_without_article_text_is_refused(tmp_path: Path, page: str) -> None:
    with pytest.raises(UnreadableInput, match="no article text found in the HTML page"):
        read_path(write(tmp_path, "nav.html", page))


def test_rss_feed_one_article_per_entry(tmp_path: Path) -> None:
    found = read_path(write(tmp_path, "news.rss", RSS))
    raws = [d for d in found if isinstance(d, RawDocument)]
    assert [d.id for d in raws] == [
        "news-port-deal-signed-after-long-talks",
        "news-fishermen-protest-new-rules",
    ]
    assert all(d.path.endswith("news.rss") for d in raws)
    first = to_article(raws[0])
    # Full content wins over the short description; HTML becomes one line per paragraph.
    assert first.text.split("\n\n") == [
        "The city council and the shipping company signed a deal on Sunday to expand the northern port.",
        "“This is the best outcome for the harbour,” the mayor said.",
        "Work starts in May.",
    ]
    assert (first.title, first.outlet, first.author) == (
        "Port deal signed after long talks",
        "Harbour Gazette",
        "Jane Doe",
    )
    assert first.published == dt.date(2025, 3, 29 + 1)
    assert first.url == "https://gazette.example/news/port-deal"
    second = to_article(raws[1])
    assert second.text == "Fishermen blocked the harbour entrance on Saturday to protest new quota rules."
    # The entry without any text is reported, the others kept.
    [problem] = [d for d in found if isinstance(d, Skipped)]
    assert problem.partial and "entry 3" in problem.reason


def test_atom_feed(tmp_path: Path) -> None:
    [raw] = docs(write(tmp_path, "courrier.atom", ATOM))
    a = to_article(raw)
    assert a.title == "Accord signé pour le port"
    assert a.outlet == "Le Courrier du Port"
    assert a.author == "Marie Dupont"
    assert a.published == dt.date(2025, 3, 30)
    assert a.language == "fr"
    assert a.text.startswith("Le conseil municipal a signé dimanche")
    assert "Résumé court" not in a.text


def test_feed_ids_are_unique_and_stable(tmp_path: Path) -> None:
    item = "<item><title>Same title</title><description>Body text of the entry {}.</description></item>"
    feed = (
        "<rss version='2.0'><channel><title>T</title>"
        + "".join(item.format(i) for i in range(3))
        + "</channel></rss>"
    )
    path = write(tmp_path, "f.xml", feed)
    ids = [d.id for d in docs(path)]
    assert ids == ["f-same-title", "f-same-title-2", "f-same-title-3"]
    assert ids == [d.id for d in docs(path)]


def test_feed_with_no_entries_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.rss", "<rss version='2.0'><channel><title>Nothing</title></channel></rss>")
    with pytest.raises(UnreadableInput, match="feed has no entries"):
        read_path(path)


def test_xml_that_is_not_a_feed_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "data.xml", "<?xml version='1.0'?><config><value>3</value></config>")
    with pytest.raises(UnreadableInput, match="not an RSS or Atom feed|feed has no entries"):
        read_path(path)


def test_feed_entity_bomb_is_refused_quickly(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{entities}]>'
        "<rss version='2.0'><channel><title>&lol9;</title><item><title>x</title>"
        "<description>&lol9;</description></item></channel></rss>"
    )
    path = write(tmp_path, "bomb.rss", bomb)
    with pytest.raises(UnreadableInput, match="entity"):
        read_path(path)
    # Also in UTF-16.
    path = write(
        tmp_path, "bomb16.xml", bomb.replace('"1.0"?>', '"1.0" encoding="utf-16"?>').encode("utf-16")
    )
    with pytest.raises(UnreadableInput, match="entity"):
        read_path(path)


def test_jsonl_one_article_per_line_bad_lines_reported(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "title": "Port deal",
                "outlet": "Gazette",
                "published": "2025-03-30",
                "text": "The council signed the port deal on Sunday.",
            }
        ),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "No text"}),
        json.dumps(
            {
                "id": "fish-1",
                "author": ["Ann Lee", "Bo Chan"],
                "language": "en-GB",
                "text": "Fishermen blocked the harbour entrance on Saturday.",
            }
        ),
    ]
    found = read_path(write(tmp_path, "dump.jsonl", "\n".join(lines) + "\n"))
    raws = [d for d in found if isinstance(d, RawDocument)]
    problems = [d.reason for d in found if isinstance(d, Skipped)]
    assert [d.id for d in raws] == ["dump-1", "fish-1"]
    assert raws[0].meta == {"title": "Port deal", "outlet": "Gazette", "published": "2025-03-30"}
    assert raws[1].meta == {"author": "Ann Lee, Bo Chan", "language": "en"}
    assert [p.split(":")[0] for p in problems] == ["line 3", "line 4", "line 5"]
    assert "not valid JSON" in problems[0]


def test_jsonl_with_no_usable_line_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match="no usable article line.*line 1: not valid JSON"):
        read_path(write(tmp_path, "bad.jsonl", "{oops\n"))


def test_front_matter_note(tmp_path: Path) -> None:
    note = (
        "---\ntitle: Port deal signed\noutlet: Gazette\nurl: https://gazette.example/a\n"
        "published: 2025-03-30\nauthor: Jane Doe\ntopic: harbour\nlanguage: en\n---\n"
        "# Port deal signed\n\nThe council signed the port deal on Sunday.\n"
    )
    [raw] = docs(write(tmp_path, "note.md", note))
    a = to_article(raw)
    assert (a.title, a.outlet, a.url, a.published, a.author, a.topic) == (
        "Port deal signed",
        "Gazette",
        "https://gazette.example/a",
        dt.date(2025, 3, 30),
        "Jane Doe",
        "harbour",
    )
    assert a.text == "The council signed the port deal on Sunday."


def test_build_reads_every_format_and_reports_bad_parts(tmp_path: Path) -> None:
    write(tmp_path, "page.html", PAGE)
    write(tmp_path, "news.rss", RSS)
    write(tmp_path, "courrier.atom", ATOM)
    write(tmp_path, "dump.jsonl", json.dumps({"text": "One line article about the port deal."}) + "\n{bad\n")
    write(tmp_path, "empty.rss", "<rss version='2.0'><channel><title>Nothing</title></channel></rss>")
    paths = sorted(tmp_path.iterdir())
    articles, skipped = read_articles(paths)
    assert len(articles) == 1 + 2 + 1 + 1
    assert len({a.id for a in articles}) == len(articles)
    by_path = {(Path(s.path).name, s.partial): s.reason for s in skipped}
    assert by_path[("empty.rss", False)] == "feed has no entries"
    assert by_path[("dump.jsonl", True)].startswith("line 2: not valid JSON")
    assert ("news.rss", True) in by_path


def test_wordpress_feed_footer_and_rss1(tmp_path: Path) -> None:
    item = (
        "<item><title>Port deal signed</title><link>https://g.example/p</link>"
        "<description><![CDATA[<p>The council signed the port deal on Sunday after two years of talks.</p>"
        "<p>The post <a href='https://g.example/p'>Port deal signed</a> appeared first on "
        "<a href='https://g.example'>Harbour Gazette</a>.</p>]]></description></item>"
    )
    path = write(
        tmp_path,
        "wp.rss",
        f"<rss version='2.0'><channel><title>Harbour Gazette</title>{item}</channel></rss>",
    )
    a = to_article(docs(path)[0])
    assert a.text == "The council signed the port deal on Sunday after two years of talks."
    assert [r.reason for r in a.removed] == ["feed or syndication footer"]
    rdf = (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="https://g.example/"><title>Gazette</title></channel>'
        '<item rdf:about="https://g.example/p"><title>Port deal</title><link>https://g.example/p</link>'
        "<dc:date>2025-03-30T10:00:00Z</dc:date><description>The council signed the port deal on Sunday."
        "</description></item></rdf:RDF>"
    )
    [raw] = docs(write(tmp_path, "g.rdf", rdf))
    a = to_article(raw)
    assert (a.title, a.outlet, a.published, a.text) == (
        "Port deal",
        "Gazette",
        dt.date(2025, 3, 30),
        "The council signed the port deal on Sunday.",
    )


def test_feed_content_drops_captions_and_share_bars() -> None:
    from briefgen.reading.formats import html_to_text

    fragment = (
        "<p>First paragraph of the story.</p>"
        '<div class="wp-caption"><img src="x.jpg"><p class="wp-caption-text">The port at dawn</p></div>'
        "<p>Second <b>paragraph</b> with<br>a line break.</p>"
        '<div class="sharedaddy"><h3>Share this:</h3><ul><li>Facebook</li></ul></div>'
        "<script>alert(1)</script>"
    )
    assert html_to_text(fragment) == "First paragraph of the story.\nSecond paragraph with\na line break."
    wrapped = (
        '<div class="entry-content share-enabled">' + "<p>Long paragraph of the story.</p>" * 20 + "</div>"
    )
    assert html_to_text(wrapped).count("Long paragraph") == 20
