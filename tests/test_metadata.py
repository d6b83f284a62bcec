from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers import article

from briefgen.metadata import parse_date
from briefgen.pipeline import read_articles


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
