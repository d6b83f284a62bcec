from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from helpers import article, seed_articles

from briefgen.reading.clean import clean_lines

BOILERPLATE = (
    "READ:",
    "Please make a small donation",
    "Login To Facebook To Comment",
    "Subscribe to IRIA News",
    "Related Articles",
    "(Image Credit:",
    "6 minute read",
    "HomePolitics",
    "Copyright ©",
    "Connect with us",
    "Leave a comment",
    "Back to Top",
    "Also Read",
)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def test_boilerplate_lines_are_removed_with_reasons() -> None:
    cleaned = clean_lines(
        [
            "The ministers agreed on a plan to expand the port.",
            "READ: Another story you might like",
            "Please make a small donation to the Daily Example to help sustain journalism.",
            "Photo of the port",
            "The port at dawn on Monday. (Image Credit: Jane Doe/Reuters)",
            "Officials said work would start in May.",
        ]
    )
    assert cleaned.lines == (
        "The ministers agreed on a plan to expand the port.",
        "Officials said work would start in May.",
    )
    reasons = {r.text[:12]: r.reason for r in cleaned.removed}
    assert reasons["READ: Anothe"] == "teaser for another article"
    assert reasons["Please make "] == "donation appeal"
    assert reasons["Photo of the"] == "image caption"
    assert reasons["The port at "] == "image credit"


def test_seeds_keep_no_boilerplate(seeds: list[Path]) -> None:
    for a in seed_articles(seeds):
        text = norm(a.text)
        for phrase in BOILERPLATE:
            assert phrase not in text, (a.id, phrase)
        # Nothing disappears silently: every dropped line is listed with a reason.
        assert all(r.reason for r in a.removed)


def test_removed_lines_are_kept_on_the_article() -> None:
    a = article(
        "Headline of the story here\n\nA real sentence of the body, long enough.\n\nLeave a comment\n"
    )
    assert a.title == "Headline of the story here"
    assert [r.reason for r in a.removed] == ["headline", "comments prompt"]


BOILERPLATE_LINES = {
    "READ: Trump Praises Oklahoma Senator Over Signal Leak": "teaser for another article",
    "Also Read": "teaser for another article",
    "RELATED: Port fees to rise next year": "teaser for another article",
    "Read more: How the vote was won": "teaser for another article",
    "Click here to read the full report": "teaser for another article",
    "You may also like": "teaser for another article",
    "Related Articles": "related-articles block",
    "Leave a comment": "comments prompt",
    "Leave a Reply": "comments prompt",
    "Login To Facebook To Comment": "comments prompt",
    "12 Comments": "comments prompt",
    "Asia-Pacific, News, US No Comments on US and Japan bolster joint defense command": "comments prompt",
    "Please make a small donation to the Tampa Free Press to help sustain independent journalism.": (
        "donation appeal"
    ),
    "Your contribution enables us to keep reporting.": "donation appeal",
    "Support independent journalism": "donation appeal",
    "Sign up: Subscribe to our free newsletter for top stories delivered straight to your inbox.": (
        "newsletter appeal"
    ),
    "Subscribe to IRIA News": "newsletter appeal",
    "Enter your email address:": "newsletter appeal",
    "Get the latest news delivered to your inbox every morning.": "newsletter appeal",
    "Connect with us: Follow the Tampa Free Press on Facebook and Twitter for news.": "social prompt",
    "Share on Facebook": "social prompt",
    "Share this article": "social prompt",
    "Copyright © 2014-2025 IRIA - International Relations Insights & Analysis": "copyright footer",
    "© 2025 Harbour Gazette. All rights reserved.": "copyright footer",
    "Back to Top": "page furniture",
    "Advertisement": "page furniture",
    "Story continues below advertisement": "page furniture",
    "Listen to this article (4 min)": "page furniture",
    "The port at dawn. (Image Credit: Jane Doe/Reuters)": "image credit",
    # A caption ending in its photographer and publisher (newswire picture packages print dozens).
    "Fishermen mend nets at dawn on the harbour wall. (Jane Doe/Harbour Times Photo)": "image credit",
    "EDs: Moving Friday in (w) Washington and (p) politics categories.": "note to editors",
    "(XYZ42) PORT ALDEN -- March 3, 2025 -- HARBOUR-FIRE, 3-3 -- Firefighters at the pier.": "image caption",
    "(XYZ17) ST. ELTON, Mo. -- March 3, 2025 -- PIER-FIRE, 3-3 -- Firefighters at the pier.": "image caption",
    "ATTENTION EDITORS: The following photos are part of tonight's picture package. " * 6: "note to editors",
    "Ana Vale, left, at her shop on Monday. (John Roe/Elton Newspapers photo)": "image credit",
    "Photo: Jane Doe": "image credit",
    "Fishermen at the harbour on Monday. (Photo by John Roe/Getty Images)": "image credit",
    "HomePolitics": "breadcrumb",
    "Home › World › Asia": "breadcrumb",
    "News > World > Asia-Pacific": "breadcrumb",
    "Tags: Japan, defence, China": "tags or categories",
    "6 minute read": "reading time",
    "Reading time: 4 min": "reading time",
    "5 min read": "reading time",
    "The post Port deal signed after long talks appeared first on Harbour Gazette.": (
        "feed or syndication footer"
    ),
    "This article was originally published on The Conversation.": "feed or syndication footer",
    "Continue reading →": "feed or syndication footer",
    # Credits and captions of photos and videos, as pages saved as text print them.
    "Mara J. Quill/Wireimage": "image credit",
    "Tomas Varga/Getty Images for Harbour Week": "image credit",
    "Getty Images": "image credit",
    "The mayor often visits the port. | AP Photo Port deal signed after long talks": "image credit",
    "Credit: Lena Ostrova for Harbour Monthly": "image credit",
    "Source: Portwatcher22 / Wikimedia Commons": "image credit",
    "Source: Ana Ruiz / Flickr": "image credit",
    "Image via Instagram": "image credit",
    "The mayor, left, visits the new berth in Lisbon on May 2, 2025. REUTERS/Ana Ruiz": "image credit",
    "Fishermen mend nets at dawn. The catch has halved in a decade. © Harbour Trust/J.Doe": "image credit",
    "The mayor at the port expo in Lisbon last week. (Courtesy of the Port Authority)": "image credit",
    "Image copyright Reuters Image caption Fishermen returned to the harbour at dawn": "image caption",
    "Image copyright Getty Images": "image caption",
    "Image caption The mayor opened the berth on Monday": "image caption",
    "Media caption The harbour master explains the new rules": "image caption",
    "FILE - In this May 2, 2019 file photo, the mayor speaks at the port in Lisbon.": "image caption",
    "In this March 3, 2025 photo, the mayor speaks during a tour of the port.": "image caption",
    "Photo Advertisement Continue reading the main story": "page furniture",
    "Advertisement Continue reading the main story": "page furniture",
    "Story highlights The council approved two new berths": "page furniture",
    "Breaking News Emails Get breaking news alerts and special reports.": "newsletter appeal",
    "CTRL-C or CMD-C, then press Enter. Click/tap elsewhere to exit, or press ESC.": "platform notice",
    "Ctrl+C or Cmd+C to copy": "platform notice",
    "Your Reaction?": "platform notice",
    "Skip in Skip x Embed x Share The harbour master explains the new rules.": "platform notice",
    "CLOSE Harbour Daily's Ana Ruiz explains the new port fees. Harbour Daily": "platform notice",
    "JUST WATCHED Harbour wall gives way Replay More Videos ... MUST WATCH Harbour wall gives way 01:57": (
        "platform notice"
    ),
    "(AP Photo/Ana Ruiz). Crews work at the pier in Elton on Monday, March 3, 2025 ...": "image caption",
    "(Ana Ruiz/The Elton Courier via AP). Crews work at the pier on Monday.": "image caption",
    "Ferry fire at Elton Quay Smoke rose over the quay. Smoke rose over the quay. See more videos": (
        "video player"
    ),
}

BODY_LINES = (
    "He urged residents to make a donation to the relief fund.",
    "Copyright law changed in 2019, the court said.",
    "Subscribers will pay more from May, the company said.",
    "Read the statement, which runs to four pages, before the vote.",
    "Watch-makers in Geneva reported record sales.",
    "More than 50,000 U.S. troops are stationed in Japan.",
    "Comments from the minister drew criticism on Monday.",
    "The photo was taken by a fisherman on Sunday.",
    "Follow-up talks are planned for June.",
    "Home prices rose 4% in the year to March.",
    "Share prices fell 3% after the announcement.",
    "The 19/04/2025 deadline was missed.",
    "The post of minister appeared first on the agenda, officials said.",
    "Continue reading the statement, the judge told the clerk, and then stop.",
    # Sentences that resemble credits, captions and widgets.
    "Credit card debt rose 4% in March, the central bank said.",
    "Credit Suisse shares fell 8% on Monday.",
    "Editors of the paper met on Monday: the vote was close.",
    "(XYZ42) said on Monday -- in a statement -- that the pier would close.",
    "(WXYZ) Firefighters were called to the pier on Monday.",
    "Eds and Teds is the name of the bar where the fight began.",
    "The mayor called the ribbon cutting (Vale/Hicks Builders) a photo opportunity.",
    "The council published the plans (see the photo on page 3).",
    "Source: the ministry said talks would resume on Monday.",
    "Sources say the talks will resume in May.",
    "Image copyright is a thorny question for museums, the curator said.",
    "Media caption writers went on strike at the broadcaster on Monday.",
    "In this photo, taken in 1962, the senator stands beside his wife.",
    "In this year's budget, the port gets €3 million.",
    "File-sharing sites were shut down this week.",
    "Close to 200 people attended the vigil on Sunday.",
    "CLOSE to 200 people attended the vigil on Sunday.",
    "Your reaction to the verdict matters, the judge told the jurors.",
    "Story highlights the plight of fishermen in the north.",
    "The logo now carries a © after the firm's name, the firm said.",
    "Prices fell 3% (courtesy of a weaker dollar).",
    "A Reuters/Ipsos poll found that 40% of voters back the plan.",
    "The photographer, who works for Getty Images, was detained.",
    "Advertisement spending rose 5% last year.",
    "Skip the queue: book online, the port authority said.",
    "Voters split 52 | 48 on the port deal, AP Photo archives show.",
)


def test_every_boilerplate_kind_is_recognised() -> None:
    from briefgen.reading.clean import classify

    wrong = {line: classify(line) for line, reason in BOILERPLATE_LINES.items() if classify(line) != reason}
    assert wrong == {}


def test_body_lines_like_boilerplate_are_kept() -> None:
    from briefgen.reading.clean import classify

    assert {line: classify(line) for line in BODY_LINES if classify(line)} == {}


def test_markup_keeps_short_paragraphs_and_headings() -> None:
    lines = [
        "What the deal covers",
        "The council will pay for two berths.",
        "Work starts in May",
        "Advertisement",
    ]
    cleaned = clean_lines(lines, markup=True)
    assert cleaned.lines == tuple(lines[:3])
    assert [r.reason for r in cleaned.removed] == ["page furniture"]
    # The same lines in plain text: headings that are not sentences go, with their reason.
    plain = clean_lines(lines)
    assert plain.lines == ("The council will pay for two berths.",)


def test_footer_marker_drops_the_rest_of_the_page() -> None:
    body = [f"Body sentence number {n} of the article is here." for n in range(8)]
    lines = body + ["Related Articles", "Port fees to rise next year", "Fishermen protest new rules"]
    cleaned = clean_lines(lines, markup=True)
    assert cleaned.lines == tuple(body)
    assert [r.reason for r in cleaned.removed] == ["related-articles block", "page footer", "page footer"]


def test_broken_unicode_is_repaired_and_matching_ignores_quote_styles() -> None:
    from briefgen.reading.chars import match_form

    a = article("The minister said the plan was â€œfruitful and candidâ€\x9d and wonâ€™t change.")
    assert a.text == "The minister said the plan was “fruitful and candid” and won’t change."
    assert match_form("“Japan is ‘indispensable’” — he said") == "\"Japan is 'indispensable'\" - he said"
    # Matching form is never shown: the article keeps its curly quotes as printed.
    assert "“" in a.text


def test_platform_notices_are_boilerplate_even_on_long_lines() -> None:
    notices = [
        "You can add location information to your Tweets when you post them from a phone.",
        "Add this video to your website by copying the code below. Learn more",
        "Your notification has been saved.",
        "This feature is not available right now. Please try again later.",
        "Dow Jones Reprints: This copy is for your personal, non-commercial use only. Order copies here.",
        "Media playback is unsupported on your device Media caption Fishermen return to the harbour",
        "This is an archived article and the information in the article may be outdated. Check the date.",
        "These crawls are part of an effort to archive pages as they are created. " + "Crawl note. " * 40,
    ]
    cleaned = clean_lines(notices)
    assert cleaned.lines == ()
    assert {r.reason for r in cleaned.removed} == {"platform notice"}
    caption = "FILE - In this May 2, 2019 file photo, the mayor speaks at the port. " + "He smiles. " * 40
    assert clean_lines([caption]).removed[0].reason == "image caption"
    player = "Ferry fire at Elton Quay " + "Crews fought the fire for hours. (Ana Ruiz / Harbour Daily) " * 8
    assert clean_lines([player + "SEE MORE VIDEOS"]).removed[0].reason == "video player"
    body = [
        "Privacy groups said users can add location information to their tweets without knowing it.",
        "FILE-sharing sites, which in this decade " + "grew and grew, " * 40 + "were shut down.",
        "The Internet Archive said these crawls are part of an effort to save the city's web pages.",
        "Viewers who wanted to see more videos of the storm were sent to the station's site.",
        "(The photo agency's files, via AP, were sold.) The pier reopened in May.",
    ]
    assert clean_lines(body).lines == tuple(body)


def test_repair_is_ftfy_but_skips_lines_ftfy_cannot_change() -> None:
    import itertools

    import ftfy

    from briefgen.reading.chars import FTFY_SAFE_LINE, FTFY_SETTINGS, repair

    # The claim behind the shortcut: ftfy never changes a line of these characters (exhaustive on
    # short strings mixing them with letters, spaces and punctuation).
    alphabet = "‘’“”–—…•aA .'\"\t<;0&#éÉÂÃâ\xad£€©®°►�"
    safe = 0
    for n in range(1, 4):
        for chars in itertools.product(alphabet, repeat=n):
            line = "".join(chars)
            if FTFY_SAFE_LINE.fullmatch(line):
                safe += 1
                assert ftfy.fix_text(line, **FTFY_SETTINGS) == line, line
    assert safe > 3000
    # Longer lines around the lone symbols, which could start a pattern after their ASCII neighbour.
    for chars in itertools.product("£€©®°►�", "aA. ?", "’“”–ÂÃé", "aA. ?", "’“”–Ââ"):
        for line in ("".join(chars), "".join(chars[::-1])):
            if FTFY_SAFE_LINE.fullmatch(line):
                safe += 1
                assert ftfy.fix_text(line, **FTFY_SETTINGS) == line, line
    assert FTFY_SAFE_LINE.fullmatch("paid 3,000 yuan ($489, £306) each. ► That “program.�?” no\n")
    assert not FTFY_SAFE_LINE.fullmatch("Â£306") and not FTFY_SAFE_LINE.fullmatch("“£”")
    assert not FTFY_SAFE_LINE.fullmatch("Tom &amp; Jerry") and FTFY_SAFE_LINE.fullmatch("AT&T and R&D.")
    # A lone accented letter among ASCII is safe; one next to other non-ASCII is left to ftfy.
    assert FTFY_SAFE_LINE.fullmatch("Cardinal Martínez met O’Donohue in naiveté.\n")
    assert not FTFY_SAFE_LINE.fullmatch("CafÃ© and itâ€™s") and not FTFY_SAFE_LINE.fullmatch("café’s")
    # And repair gives ftfy's result: mojibake, entities (until a line holds "<"), CRs, escapes.
    texts = [
        "The minister’s “plan” — agreed…\nIt costs â‚¬5 and itâ€™s done.\nCafÃ© &amp; bar\n",
        "Tom &amp; Jerry\n<p>Fish &amp; chips</p>\nSalt &amp; pepper\r\nEnd \x1b[31mred\x1b[0m",
        "Plain “quoted” line\n\nSecond – line\n",
    ]
    for text in texts:
        assert repair(text) == ftfy.fix_text(text, **FTFY_SETTINGS)
    assert repair(texts[0]).splitlines()[1] == "It costs €5 and it’s done."


def test_rule_clues_miss_no_case_variant() -> None:
    import sys

    from briefgen.reading.chars import ASCII_FOLD
    from briefgen.reading.clean import classify

    # Every character re.IGNORECASE matches with an ASCII letter becomes that letter in the text
    # the clues are looked for in (else a clue could hide a line its pattern matches).
    letter = re.compile("[a-z]", re.I)
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if letter.fullmatch(c):
            assert len(c.translate(ASCII_FOLD).lower()) == 1 and c.translate(ASCII_FOLD).lower().isascii(), c
    assert classify("Log ın to Facebook to comment") == "comments prompt"
    assert classify("ALL RIGHTS RESERVED.") == "copyright footer"


def test_a_text_browser_dump_reads_like_the_page() -> None:
    # `lynx -dump`: every link numbered ("[1]Skip to content"), text indented, references at the end.
    text = (
        "   [1]Skip to content\n\n   [2]Harbour Times\n\n"
        "Port Alden council approves breakwater plan\n\n   By Ilse Brandt, Staff Writer\n\n"
        "   PORT ALDEN -- The harbour council voted 7-2 on Monday to rebuild the\n"
        "   northern breakwater, ending two years of argument over who should pay\n"
        "   for the work.\n\n"
        "   [3]Read more: Council sets the harbour fees\n\n"
        "   Opponents said the council had ignored cheaper options and would\n"
        "   vote against the fees next month.\n\n"
        "References\n\n   1. https://example.org/#main\n   2. https://example.org/\n"
        "   3. https://example.org/fees\n"
    )
    dump = article(text)
    assert (dump.title, dump.author) == ("Port Alden council approves breakwater plan", "Ilse Brandt")
    reasons = {r.text: r.reason for r in dump.removed}
    for link in ("[1]Skip to content", "[2]Harbour Times", "[3]Read more: Council sets the harbour fees"):
        assert reasons[link] == "link (text-browser dump)"
    assert dump.text.split("\n\n") == [
        "PORT ALDEN -- The harbour council voted 7-2 on Monday to rebuild the northern breakwater, ending "
        "two years of argument over who should pay for the work.",
        "Opponents said the council had ignored cheaper options and would vote against the fees next month.",
    ]


def test_items_of_a_list_of_clauses_are_kept() -> None:
    """A list whose items end with a semicolon ("-- The levy must rise by a tenth;") is part of the
    story, not headings; a line of code ending with one is not."""
    text = (
        "Harbour fees will rise next year\n\n"
        "The council listed what it will do, the statement said. They are:\n\n"
        "-- The levy on visiting yachts must rise by a tenth;\n\n"
        "_ The ferry timetable will be cut in the winter months;\n\n"
        "• Inspectors will check the north wall every spring;\n\n"
        "var _q = _q || []; _q.push(['embed']);\n\n"
        "The plan goes to a vote on Monday, when the council meets again.\n"
    )
    kept = article(text).text
    for item in ("must rise by a tenth;", "cut in the winter months;", "every spring;"):
        assert item in kept
    assert "_q.push" not in kept


def test_a_caption_telling_who_stands_where_is_a_caption() -> None:
    """Under the headline, one sentence placing people in the photo ("(right)", "(left)") is its
    caption; further down, a story sentence pointing at one person in a photo stays, as does a
    party's letter ("(R)")."""
    text = (
        "Man charged in harbour shooting\n\n"
        "Police say Jon Vale (right) is charged with shooting Ada Brandt (left) outside a bar on "
        "Quay Street.\n\n"
        "A man accused of shooting a woman outside a bar in Elton was charged on Monday, police said.\n\n"
        "Vale (left) was arrested at his home on Sunday night after a short standoff with officers.\n\n"
        "State Sen. Tomas Reuter (R) called the shooting a tragedy for the whole town.\n"
    )
    read = article(text)
    assert "Quay Street" not in read.text
    assert any(r.reason == "image caption" and "Quay Street" in r.text for r in read.removed)
    assert "Vale (left) was arrested" in read.text
    assert "Reuter (R) called" in read.text
