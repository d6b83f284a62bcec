from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers import article

from briefgen.pipeline import read_articles
from briefgen.reading.metadata import parse_date


def test_parse_date_formats() -> None:
    assert parse_date("March 30, 2025 (EIRNS)") == dt.date(2025, 3, 30)
    assert parse_date("19.04.2025") == dt.date(2025, 4, 19)
    assert parse_date("on 2025-03-30 at noon") == dt.date(2025, 3, 30)
    assert parse_date("30 March 2025") == dt.date(2025, 3, 30)
    assert parse_date("no date here") is None


def test_seed_metadata(seeds: list[Path]) -> None:
    """Title, outlet and date of all five seeds, as read by the pipeline (copies inform each other).

    Seeds 000 and 002 print no headline: their title is the start of the first sentence, marked as
    guessed. 002 prints no dateline, outlet or date: it carries the same AP report as 001 (whose
    dateline credits AP), so its outlet is AP, marked as inferred. No seed but 000 and 001 prints a
    publication date (003's "March 30, 2025" dates the talks inside a sentence; 004 says "this
    weekend"), so those have none: a date is never invented.
    """
    articles, skipped = read_articles(seeds)
    assert not skipped
    by_id = {a.id[:3]: a for a in articles}
    expected = {
        "000": (
            "U.S. Defense Secretary Pete Hegseth, in meeting with Japanese Defense Minister Gen "
            "Nakatani in …",
            "EIRNS",
            dt.date(2025, 3, 30),
        ),
        # As printed, although it reports March events.
        "001": ("U.S. Upgrades Military Command in Japan Amid China Tensions", "AP", dt.date(2025, 4, 19)),
        "002": (
            'US Defense Secretary Pete Hegseth called Japan on Sunday an "indispensable partner" in '
            "deterring …",
            "AP",
            None,
        ),
        "003": (
            "US and Japan bolster joint defense command to counter Chinese military in Indo-Pacific region",
            "IRIA",
            None,
        ),
        "004": (
            "Hegseth Announces U.S.-Japan Military Command Upgrade Amid Rising Indo-Pacific Tensions",
            "Tampa Free Press",
            None,
        ),
    }
    assert {k: (a.title, a.outlet, a.published) for k, a in by_id.items()} == expected
    guessed = {k: dict(a.guessed) for k, a in by_id.items()}
    assert guessed["000"]["title"] == guessed["002"]["title"] == "first sentence (no headline printed)"
    assert guessed["001"] == {"published": "date line", "title": "headline line", "outlet": "dateline"}
    assert guessed["002"]["outlet"] == "inferred: carries the same AP report as 001_87d165e13d463a75"
    assert "published" not in guessed["002"]


def test_explicit_metadata_wins() -> None:
    a = article("TOKYO (AP) — The minister spoke on Sunday about the plan.", outlet="Kyodo", title="Mine")
    assert (a.outlet, a.title) == ("Kyodo", "Mine")


def test_bylines_and_date_stamps_at_the_top() -> None:
    a = article(
        "Port deal signed after long talks\n"
        "By Jane Doe and John Roe, Reuters\n"
        "Published March 30, 2025 at 10:15 GMT\n"
        "Updated: 2025-04-01\n"
        "The council signed the port deal on Sunday after two years of talks.\n"
    )
    assert (a.title, a.author, a.published) == (
        "Port deal signed after long talks",
        "Jane Doe and John Roe",
        dt.date(2025, 3, 30),
    )
    assert a.text == "The council signed the port deal on Sunday after two years of talks."
    assert [r.reason for r in a.removed] == ["headline", "byline", "date line", "date line"]
    # "By" starting a sentence is not a byline.
    b = article("Port deal signed after long talks\nBy the way, the council met on Sunday to sign it.\n")
    assert b.author == "" and b.text.startswith("By the way")


BODY = "The council signed the port deal on Sunday after two years of talks.\n"


def test_credit_caption_and_widget_lines_are_never_headlines() -> None:
    """Junk at the top of a saved page is removed; the headline or first sentence gives the title."""
    cases = {
        "Mara J. Quill/Wireimage\n\nPort deal signed after long talks\n": "image credit",
        "Jane Doe, Getty Images\nPort deal signed after long talks\n": "image credit",
        "REUTERS/Ana Ruiz\nPort deal signed after long talks\n": "image credit",
        "Tomas Varga/Harbour Times\nPort deal signed after long talks\n": "image credit",
        "Home Daily News Port deal signed after long…\nPort deal signed after long talks\n": "breadcrumb",
        "Ctrl+C or Cmd+C, then press Enter.\nPort deal signed after long talks\n": "platform notice",
    }
    for text, reason in cases.items():
        a = article(text + BODY)
        assert a.title == "Port deal signed after long talks", text
        assert dict(a.guessed)["title"] == "headline line", text
        assert [r.reason for r in a.removed] == [reason, "headline"], text
    # A caption line, an AP file-photo caption, a list item or a "/ Updated" line is not a headline.
    for junk in (
        "Image copyright Reuters Image caption Fishermen return to the harbour at dawn",
        "Media caption The harbour master explains the new rules",
        "FILE - In this May 2, 2019 file photo, the mayor speaks at the port in Lisbon.",
        "Story highlights The council approves two berths",
        "1. Ana Ruiz",
        "/ Updated By Jane Doe",
    ):
        a = article(junk + "\n\n" + BODY)
        assert a.title == BODY.strip(), junk
        assert dict(a.guessed)["title"] == "first sentence (no headline printed)"
    # Headlines that resemble credits or lists stay headlines.
    for headline in (
        "Port/Rail Strike Ends After Two Weeks",
        "Israel/Gaza War Enters Its Second Month",
        "10 Things to Know About the Port Deal",
        "Abolish the port fee!",
        "Why did the port close?",
        "Fishermen Sue Reuters",
    ):
        assert article(headline + "\n\n" + BODY).title == headline
    # A long first line ending in "!" after a credit is the lead sentence: it stays in the body.
    lead = "Ana Ruiz and her husband are about to welcome their third child this spring!"
    a = article("Mara J. Quill/Wireimage\n\n" + lead + "\n\n" + BODY)
    assert a.text.startswith(lead) and a.title == lead
    assert [r.reason for r in a.removed] == ["image credit"]


def test_first_sentence_title_drops_a_leading_dateline() -> None:
    for lead in (
        "LISBON — ",
        "LISBON -- ",
        "FARO, Portugal (AP) — ",
        "(CNN) ",
        "(CNN) — ",
        "Porto, Portugal (CNN) ",
        "SINES, Port. – ",
        "SINES, Nov. 2 -- ",
        "LISBON—",
        "– ",
    ):
        a = article(lead + BODY)
        assert a.title == BODY.strip(), lead
        assert a.text == (lead + BODY).strip()  # the article's text is untouched
    # Sentences that only start like a dateline keep their start.
    for body in (
        "NASA — not the port — will pay for the new berth, officials said.",
        "Sen. Ana Ruiz (D) said on Monday that the port deal was fair.",
        "U.S. officials welcomed the port deal on Sunday.",
    ):
        assert article(body).title == body, body
    # A first "sentence" cut after an abbreviation is not the whole title.
    assert article("Gov. Ana Ruiz signed the port deal on Sunday.").title == (
        "Gov. Ana Ruiz signed the port deal on Sunday."
    )
    # A first paragraph with a dateline is not a headline, even without its final period.
    a = article('FARO, Portugal (AP) — The council signed the deal for the "new port."\n\nMore talks follow.')
    assert a.title == 'The council signed the deal for the "new port."'


def test_print_edition_line_is_a_date_line() -> None:
    a = article("In Print: Thursday, May 1, 2025\n\n" + BODY)
    assert a.published == dt.date(2025, 5, 1)
    assert [r.reason for r in a.removed] == ["date line"]


def test_outlet_from_a_copyright_footer_stops_at_its_sentence() -> None:
    body = "Harbour wall to be rebuilt\n\nThe harbour council voted on Monday to rebuild the breakwater.\n\n"
    footers = {
        "Copyright 2016 The Harbour Press. All rights reserved.": "The Harbour Press",
        "Copyright 2016 WHBR. All Rights Reserved.": "WHBR",
        "Copyright 2019 Harbour Media Co. All rights reserved.": "Harbour Media Co.",
        "Copyright (c) 2020 Elton Gazette": "Elton Gazette",
    }
    for footer, outlet in footers.items():
        assert article(body + footer).outlet == outlet, footer
