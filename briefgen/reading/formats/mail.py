"""E-mail: newsletters and press releases saved as `.eml` (one message) or `.mbox` (many), and text
files that start with a mail header (`Subject:`, `From:`, `Date:` ... then a blank line).

Python's `email` package parses the message and undoes its transfer encodings (quoted-printable soft
line breaks, base64) and charsets. The body is the message's text part as the sender wrote it, read
like any plain text (its wrapped lines rebuilt into paragraphs); a message with only an HTML part is
read like a web page. The header gives the metadata: `Subject` the title (a `Fwd:`/`Re:` prefix
left out), the sender's display name the outlet (`Harbour Times <news@example.org>` -> Harbour Times),
`Date` the publication date.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import mailbox
import re
from email.message import EmailMessage
from pathlib import Path

from ...errors import UnreadableInput
from ...models import RawDocument, Skipped
from ..files import read_bytes, reader, within_size_limit
from . import unique_ids
from .html import extract

REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|wg|tr)\s*:\s*)+", re.I)
HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*:[ \t]")
MAIL_HEADERS = frozenset(
    {"from", "to", "cc", "subject", "date", "reply-to", "sender", "message-id", "mime-version",
     "content-type", "content-transfer-encoding", "received", "return-path", "list-id", "delivered-to"}
)  # fmt: skip
MIN_HEADER_FIELDS = 2


def starts_with_mail_header(text: str) -> bool:
    """Whether a text file is a saved message: its first lines, up to the first blank line, are all
    header fields (or their folded continuations), at least two of them mail fields, one of them
    `Subject` or `From`. An article that opens "From: the editor" has no such block."""
    fields: list[str] = []
    for line in text.lstrip("\ufeff").splitlines():
        if not line.strip():
            break
        if line[:1] in " \t" and fields:  # a folded header line
            continue
        if not HEADER_LINE.match(line):
            return False
        fields.append(line.split(":", 1)[0].lower())
    else:
        return False  # no blank line: no body
    mail = [f for f in fields if f in MAIL_HEADERS]
    return len(mail) >= MIN_HEADER_FIELDS and bool({"subject", "from"} & set(mail))


def body_and_kind(message: EmailMessage) -> tuple[str, str]:
    """(body text, RawDocument kind): the plain-text part, else the HTML part through the page
    extractor; raises `UnreadableInput` when the message has neither."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise UnreadableInput("no text or HTML part in the e-mail message")
    try:
        content = part.get_content()
    except (LookupError, ValueError) as exc:  # an unknown charset, a broken encoding
        raise UnreadableInput(
            f"the e-mail's {part.get_content_type()} part cannot be decoded ({exc})"
        ) from None
    if not isinstance(content, str) or not content.strip():
        raise UnreadableInput("the e-mail message has an empty body")
    if part.get_content_type() == "text/html":
        text, _ = extract(content)
        return text, "markup"
    return content.replace("\r\n", "\n"), "text"


def metadata(message: EmailMessage) -> dict[str, str]:
    """Title, outlet and date from the message's header, where it states them."""
    meta: dict[str, str] = {}
    subject = " ".join(str(message.get("subject", "")).split())
    if REPLY_PREFIX.sub("", subject):
        meta["title"] = REPLY_PREFIX.sub("", subject)
    name, address = email.utils.parseaddr(str(message.get("from", "")))
    if name.strip():
        meta["outlet"] = " ".join(name.split())
    elif "@" in address:
        meta["outlet"] = address.rsplit("@", 1)[1].lower()
    date = message.get("date")
    if date:
        try:
            parsed = email.utils.parsedate_to_datetime(str(date))
        except (TypeError, ValueError):
            parsed = None
        if parsed is not None:
            meta["published"] = parsed.date().isoformat()
    return meta


def parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def to_document(message: EmailMessage, doc_id: str, path: Path) -> RawDocument:
    text, kind = body_and_kind(message)
    return RawDocument(id=doc_id, path=str(path), text=text, meta=metadata(message), kind=kind)


@reader(".eml")
def read_eml(path: Path, doc_id: str) -> list[RawDocument | Skipped]:
    return [to_document(parse(read_bytes(path)), doc_id, path)]


@reader(".mbox")
def read_mbox(path: Path, doc_id: str) -> list[RawDocument | Skipped]:
    """Every message of a mailbox file, one article each (`DOC-1`, `DOC-2`, ... in mailbox order); a
    message without a usable body is reported and the others are kept."""
    within_size_limit(path)  # mailbox reads the file itself
    box = mailbox.mbox(path, create=False)
    found: list[tuple[str, EmailMessage]] = []
    problems: list[Skipped] = []
    try:
        for n, raw in enumerate(box, start=1):
            found.append((f"{doc_id}-{n}", parse(raw.as_bytes())))
    finally:
        box.close()
    docs: list[RawDocument | Skipped] = []
    ids = unique_ids(i for i, _ in found)
    for ident, (n, (_, message)) in zip(ids, enumerate(found, start=1), strict=True):
        try:
            docs.append(to_document(message, ident, path))
        except UnreadableInput as exc:
            problems.append(Skipped(str(path), f"message {n}: {exc}", partial=True))
    if not docs:
        first = f" ({problems[0].reason})" if problems else ""
        raise UnreadableInput(f"no usable message in the mailbox{first}")
    return docs + problems
