"""Newswire archives in the LDC/TREC SGML layout: one article per <DOC> story."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.config import Limits
from briefgen.errors import UnreadableInput
from briefgen.models import Skipped
from briefgen.reading import read_file
from briefgen.reading.files import read_path
from briefgen.reading.split import split_article

ARCHIVE = """<DOC id="APW_ENG_20260302.0042" type="story">
<HEADLINE>
Port Alden Votes to Rebuild Breakwater
</HEADLINE>
<DATELINE>PORT ALDEN, Maine (AP)</DATELINE>
<TEXT>
<P>
The harbour council voted 7-2 on Monday to rebuild the northern
breakwater, ending two years of argument over who should pay for
the work.
</P>
<P>
``We cannot wait for another winter like the last one,'' said Mayor
Tomas Reuter after the vote. The plan will cost $14 million, paid by
the state &AMP; the town.
</P>
</TEXT>
</DOC>
<DOC id="APW_ENG_20260302.0043" type="advis">
<HEADLINE>AP Photos for Monday</HEADLINE>
<TEXT>
<P>Editors: photos of the vote are on the wire.</P>
</TEXT>
</DOC>
<DOC id="XIN_ENG_20260303.0007" type="story">
<HEADLINE>Harbour town approves breakwater plan</HEADLINE>
<TEXT>
<P>
The council of Port Alden approved a $14 million plan on Monday to
rebuild its northern breakwater & repair the quay.
</P>
</TEXT>
</DOC>
"""

VOTE = (
    "The harbour council voted 7-2 on Monday to rebuild the northern breakwater, ending two years of "
    "argument over who should pay for the work."
)


@pytest.mark.parametrize("name", ["wire.sgml", "wire.txt", "wire.xml"])
def test_each_story_of_an_archive_is_an_article(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(ARCHIVE, encoding="utf-8")
    found = read_path(path)
    skipped = [s.reason for s in found if isinstance(s, Skipped)]
    assert skipped == ["document APW_ENG_20260302.0043: not a story (type 'advis')"]
    articles = read_file(path, None, Limits(), [])
    assert [a.id for a in articles] == ["APW_ENG_20260302.0042", "XIN_ENG_20260303.0007"]
    first, second = articles
    assert (first.title, first.outlet, first.published) == (
        "Port Alden Votes to Rebuild Breakwater",
        "Associated Press",
        dt.date(2026, 3, 2),
    )
    assert (second.outlet, second.published) == ("Xinhua", dt.date(2026, 3, 3))
    sentences = [" ".join(s.text.split()) for s in split_article(first)]  # `''` read as ” and a space
    assert sentences == [
        VOTE,
        "“We cannot wait for another winter like the last one,” said Mayor Tomas Reuter after the vote.",
        "The plan will cost $14 million, paid by the state & the town.",
    ]
    assert "rebuild its northern breakwater & repair the quay." in second.text


def test_one_story_takes_the_files_name_and_docno(tmp_path: Path) -> None:
    path = tmp_path / "NYT19990707.0181.sgm"
    path.write_text(
        "<DOC>\n<DOCNO> NYT19990707.0181 </DOCNO>\n<TEXT>\n" + VOTE + "\n</TEXT>\n</DOC>\n", encoding="utf-8"
    )
    [article] = read_file(path, None, Limits(), [])
    assert (article.id, article.outlet, article.published) == (
        "NYT19990707.0181",
        "New York Times",
        dt.date(1999, 7, 7),
    )
    assert article.text == VOTE


def test_an_archive_without_a_story_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "advisories.sgml"
    path.write_text(
        '<DOC id="APW1" type="advis">\n<TEXT>\n<P>Photos.</P>\n</TEXT>\n</DOC>\n', encoding="utf-8"
    )
    with pytest.raises(UnreadableInput, match="no story in the newswire archive"):
        read_path(path)


def test_a_text_that_mentions_doc_is_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The <DOC> tag opens a story in the archive.\n\n" + VOTE + "\n", encoding="utf-8")
    [article] = read_file(path, None, Limits(), [])
    assert VOTE in article.text
