"""E-mail input: newsletters and press releases as `.eml`, `.mbox` or text saved with its mail header."""

from __future__ import annotations

import datetime as dt
import mailbox
from email.message import EmailMessage
from pathlib import Path

import pytest

from briefgen.config import Limits
from briefgen.errors import UnreadableInput
from briefgen.models import Skipped
from briefgen.reading import read_file
from briefgen.reading.files import read_path
from briefgen.reading.formats.mail import starts_with_mail_header
from briefgen.reading.split import split_article

VOTE = (
    "The harbour council voted 7-2 on Monday to rebuild the northern breakwater, ending two years of "
    "argument over who should pay for the work, after a debate that ran past midnight."
)
QUOTE = "“We cannot wait for another winter like the last one,” said Mayor Tomas Reuter after the vote."
TYPED_QUOTE = QUOTE.replace("“", '"').replace("”", '"')  # as typed in a plain-text letter
BODY = (
    "View this email in your browser\n\nGood morning. Here is what you need to know today.\n\n"
    f"{VOTE}\n\n{TYPED_QUOTE}\n\nUnsubscribe | Manage preferences\n"
)


def message(body: str = BODY, html: str | None = None, subject: str = "Fwd: Breakwater vote") -> EmailMessage:
    m = EmailMessage()
    m["Subject"] = subject
    m["From"] = "Harbour Times <news@example.org>"
    m["To"] = "reader@example.com"
    m["Date"] = "Tue, 03 Mar 2026 23:30:00 -0500"
    if body:
        m.set_content(body, cte="quoted-printable")  # soft line breaks (`=` at a line end) in the file
        if html:
            m.add_alternative(html, subtype="html")
    elif html:
        m.set_content(html, subtype="html")
    return m


def sentences(path: Path) -> list[str]:
    [article] = read_file(path, None, Limits(), [])
    return [s.text for s in split_article(article)]


def test_an_eml_newsletter_reads_as_its_sender_wrote_it(tmp_path: Path) -> None:
    path = tmp_path / "brief.eml"
    path.write_bytes(bytes(message(html="<p>The HTML copy of the same letter.</p>")))
    assert b"=\n" in path.read_bytes()  # the file holds the encoded text
    [article] = read_file(path, None, Limits(), [])
    assert article.title == "Breakwater vote"  # the "Fwd:" of a forwarded letter is no part of it
    assert article.outlet == "Harbour Times"
    assert article.published == dt.date(2026, 3, 3)  # the date as the sender's clock gave it
    assert [s.text for s in split_article(article)] == [VOTE, QUOTE]  # the text part, decoded
    assert [(r.text, r.reason) for r in article.removed] == [
        ("View this email in your browser", "e-mail furniture"),
        ("Good morning. Here is what you need to know today.", "newsletter greeting"),
        ("Unsubscribe | Manage preferences", "e-mail furniture"),
    ]


def test_a_message_with_only_html_is_read_like_a_web_page(tmp_path: Path) -> None:
    page = f"<html><body><nav><a href='/'>Home</a></nav><article><p>{VOTE}</p></article></body></html>"
    path = tmp_path / "brief.eml"
    path.write_bytes(bytes(message(body="", html=page)))
    assert sentences(path) == [VOTE]


def test_a_text_file_with_a_mail_header_is_the_message(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes(bytes(message()))
    [article] = read_file(path, None, Limits(), [])
    assert (article.title, article.outlet) == ("Breakwater vote", "Harbour Times")
    assert [s.text for s in split_article(article)] == [VOTE, QUOTE]


@pytest.mark.parametrize(
    ("text", "mail"),
    [
        ("Subject: Vote\nFrom: Ada <a@example.org>\n\nBody.\n", True),
        ("From: Ada <a@example.org>\nDate: Tue, 03 Mar 2026 07:00:00 +0000\n\nBody.\n", True),
        # An article that opens like a header is no message: one field, or no blank line after it.
        ("From: the editor's desk\n\nThe council voted on Monday.\n", False),
        ("Subject: Vote\nFrom: Ada\nThe council voted on Monday.\n", False),
        ("Update: the council voted.\nNote: the vote was close.\n\nMore below.\n", False),
        (f"{VOTE}\n\n{QUOTE}\n", False),
    ],
)
def test_what_counts_as_a_mail_header(text: str, mail: bool) -> None:
    assert starts_with_mail_header(text) is mail


def test_a_mailbox_gives_one_article_per_message(tmp_path: Path) -> None:
    path = tmp_path / "letters.mbox"
    box = mailbox.mbox(path)
    box.add(message())
    box.add(message(body="", subject="Empty"))  # no body: reported, the others kept
    box.add(message(body=f"{VOTE}\n", subject="Second letter"))
    box.close()
    found = read_path(path)
    docs = [d for d in found if not isinstance(d, Skipped)]
    assert [(d.id, d.meta["title"]) for d in docs] == [
        ("letters-1", "Breakwater vote"),
        ("letters-3", "Second letter"),
    ]
    assert [s.reason for s in found if isinstance(s, Skipped)] == [
        "message 2: the e-mail message has an empty body"
    ]


def test_an_eml_without_text_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.eml"
    path.write_bytes(bytes(message(body="")))
    with pytest.raises(UnreadableInput, match="empty body"):
        read_path(path)
    only_a_file = message(body="")
    only_a_file.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="plan.pdf")
    path.write_bytes(bytes(only_a_file))
    with pytest.raises(UnreadableInput, match="no text or HTML part"):
        read_path(path)
