"""Newswire archives in the LDC/TREC SGML layout (Gigaword, AQUAINT, TIPSTER, the DUC and TAC
document sets): many stories in one file, each a `<DOC>` element.

    <DOC id="APW_ENG_19990707.0181" type="story">
    <HEADLINE>Harbour Council Votes to Rebuild Breakwater</HEADLINE>
    <DATELINE>PORT ALDEN (AP)</DATELINE>
    <TEXT>
    <P>The harbour council voted on Wednesday to rebuild the northern
    breakwater ...</P>
    </TEXT>
    </DOC>

Read as `.sgm`/`.sgml`, and as `.txt`/`.xml` when the file starts with `<DOC`. Each story is one
article: its id from the `id` attribute or `<DOCNO>`, its headline as title, its date from
`<DATE_TIME>`/`<DATE>` or the id (`APW19990707.0181` -> 1999-07-07), its outlet from the agency code
of the id (`APW` -> Associated Press), its text the `<P>` paragraphs (or the `<TEXT>` as printed when
it has none), read like any plain text (wrapped lines rebuilt). Documents that are not stories
(`type="advis"`, `"multi"`, `"other"`: advisories, digests, tables) are reported and left out.
The markup is SGML, not XML (bare `&` and unclosed tags are common), so it is read with a tolerant
pattern, not an XML parser.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from ...errors import UnreadableInput
from ...models import RawDocument, Skipped
from ..files import read_text_file, reader
from . import unique_ids

DOC = re.compile(r"<DOC(?:\s+(?P<attrs>[^>]*))?>(?P<body>.*?)(?:</DOC>|(?=<DOC[\s>])|\Z)", re.S | re.I)
ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
PARAGRAPH = re.compile(r"<P>(.*?)(?:</P>|(?=<P>)|\Z)", re.S | re.I)
TAG = re.compile(r"</?[A-Za-z][\w.-]*(?:\s[^<>]*)?>")
ID_DATE = re.compile(r"(?<![0-9])((?:19|20)\d\d)(\d\d)(\d\d)(?![0-9])")
AGENCY = re.compile(r"^([A-Z]{2,4})")
STORY_TYPES = frozenset({"", "story"})
AGENCIES = {
    "AFP": "Agence France-Presse",
    "APW": "Associated Press",
    "CNA": "Central News Agency",
    "LTW": "Los Angeles Times/Washington Post",
    "NYT": "New York Times",
    "WPB": "Washington Post/Bloomberg",
    "XIE": "Xinhua",
    "XIN": "Xinhua",
    "FT": "Financial Times",
    "LA": "Los Angeles Times",
    "SJMN": "San Jose Mercury News",
    "WSJ": "Wall Street Journal",
    "FBIS": "Foreign Broadcast Information Service",
}
"""The agency codes of LDC and TREC document ids."""


def starts_with_doc(text: str) -> bool:
    """Whether a text is an SGML newswire archive: its first markup is a `<DOC>` element."""
    return (
        re.match(r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<DOC[\s>]", text, re.I | re.S)
        is not None
    )


def field(body: str, *names: str) -> str:
    """The text of the first of the elements `names` found in `body` (tags inside it removed)."""
    for name in names:
        m = re.search(rf"<{name}(?:\s[^>]*)?>(.*?)</{name}>", body, re.S | re.I)
        if m and (value := " ".join(TAG.sub(" ", html.unescape(m.group(1))).split())):
            return value
    return ""


def body_text(body: str) -> str:
    """The story's text: its `<TEXT>` element's paragraphs, one blank line between two, each as printed
    (its line breaks are read later like any plain text's); tags left out, entities (`&AMP;`) read."""
    m = re.search(r"<TEXT(?:\s[^>]*)?>(.*?)(?:</TEXT>|\Z)", body, re.S | re.I)
    text = m.group(1) if m else body
    paragraphs = [p.group(1) for p in PARAGRAPH.finditer(text)] or [text]
    out = []
    for p in paragraphs:
        lines = [html.unescape(TAG.sub("", line)).rstrip() for line in p.strip("\n").split("\n")]
        if any(line.strip() for line in lines):
            out.append("\n".join(lines).strip("\n"))
    return "\n\n".join(out)


def published(body: str, ident: str) -> str:
    """The story's date: `<DATE_TIME>`/`<DATE>` when it holds a date, else the date in its id."""
    for value in (field(body, "DATE_TIME", "DATE"), ident):
        m = ID_DATE.search(value.replace("-", ""))
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            except ValueError:
                continue
    return ""


def read_archive(text: str, path: Path, doc_id: str) -> list[RawDocument | Skipped]:
    found: list[tuple[str, str, dict[str, str]]] = []
    problems: list[Skipped] = []
    for n, m in enumerate(DOC.finditer(text), start=1):
        attrs = {
            a.group(1).lower(): a.group(2) or a.group(3) or a.group(4)
            for a in ATTR.finditer(m["attrs"] or "")
        }
        body = m["body"]
        ident = attrs.get("id") or field(body, "DOCNO", "DOCID") or f"{doc_id}-{n}"
        kind = attrs.get("type", "").lower()
        if kind not in STORY_TYPES:
            problems.append(
                Skipped(str(path), f"document {ident}: not a story (type {kind!r})", partial=True)
            )
            continue
        story = body_text(body)
        if not story.strip():
            problems.append(Skipped(str(path), f"document {ident}: no text", partial=True))
            continue
        meta = {"title": field(body, "HEADLINE", "HEADER", "HL", "TITLE")}
        meta["published"] = published(body, ident)
        agency = AGENCY.match(ident.upper())
        meta["outlet"] = AGENCIES.get(agency.group(1), "") if agency else ""
        found.append((ident, story, {k: v for k, v in meta.items() if v}))
    if not found:
        first = f" ({problems[0].reason})" if problems else ""
        raise UnreadableInput(f"no story in the newswire archive{first}")
    # One story: the file's name, as for any one-article file; several: their own ids.
    ids = [doc_id] if len(found) == 1 else unique_ids(re.sub(r"[^\w.-]+", "_", i) for i, _, _ in found)
    docs: list[RawDocument | Skipped] = [
        RawDocument(id=i, path=str(path), text=story, meta=meta)
        for i, (_, story, meta) in zip(ids, found, strict=True)
    ]
    return docs + problems


@reader(".sgm", ".sgml")
def read_sgml(path: Path, doc_id: str) -> list[RawDocument | Skipped]:
    return read_archive(read_text_file(path), path, doc_id)
