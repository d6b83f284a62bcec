from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from helpers import article, seed_articles

from briefgen.clean import clean_lines

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
