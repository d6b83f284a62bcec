"""Metadata guessed from plain text when the input does not state it.

Explicit values (front matter, feed fields) always win; this module only fills the gaps.
It also takes the headline and date lines off the top of the text, so they are not read as body.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..models import RemovedLine
from .clean import SENTENCE_END, classify
from .split import PLACE_DATELINE, split_text

MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_PATTERNS = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})\b"),
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
)
DATE_ONLY_LINE = re.compile(r"^[\w ,./-]{6,30}$")
# "TOKYO (AP) —", "March 30, 2025 (EIRNS)—": the agency in brackets before a dash.
DATELINE = re.compile(
    r"^(?P<place>[^()\n]{0,60}?)\s*\((?P<outlet>[A-Za-z][A-Za-z .&-]{1,24})\)\s*(?:[—–-]+|_(?= ))\s*"
)
FOOTER_OUTLET = (
    # "Copyright 2016 The Harbour Press. All rights reserved.": the name stops before "All".
    re.compile(
        r"(?i:copyright)\s*(?:©|\(c\))?\s*[\d\s–-]*\s*(?P<name>[A-Z][\w&.]*(?: (?!All\b)[A-Z][\w&.]*){0,4})"
    ),
    re.compile(
        r"\b(?:donation|subscribe|follow) (?:to |on )?the (?P<name>[A-Z][\w&.]*(?: [A-Z][\w&.]*){0,4})"
    ),
    re.compile(r"\bsubscribe to (?P<name>[A-Z][\w&]*(?: [A-Z][\w&]*){0,3}?) news\b", re.I),
)
_NAME = r"[A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|de|van|von|da|di|al|bin|le|la)){1,3}"
# "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, Reuters", "By JANE DOE | Staff writer"
BYLINE = re.compile(
    rf"^(?i:by):?\s+(?P<name>{_NAME}(?:(?:,\s*|\s+and\s+|\s*&\s*){_NAME})*)"
    r"(?:\s*[,|•·—–-]\s*[\w .'’&-]{1,40})?$"
)
STAFF_ROLE = re.compile(
    r",\s*(?:(?:senior|chief|staff|special|contributing|foreign|political|business|sports|investigative)\s+)*"
    r"(?:staff|writer|reporter|correspondent|editor|columnist|contributor|photographer)s?\b.*$",
    re.I,
)


def byline_name(names: str) -> str:
    """The byline's names without the role after them ("Ilse Brandt, Staff Writer" -> "Ilse Brandt")."""
    return STAFF_ROLE.sub("", names).strip() or names


# "Published March 30, 2025", "Updated: 2025-03-30 10:32 GMT", "Posted on 30 March 2025 at 9:15",
# "In Print: Thursday, July 26, 2012"
STAMP_LINE = re.compile(r"^(first |last )?(published|updated|posted|modified|in print)( on| at)?\b:?", re.I)
MAX_STAMP_WORDS = 12
# A dateline opening a paragraph, for titles: "WASHINGTON (AP) —", "Sanaa, Yemen (CNN)", "(CNN) —",
# a place in capitals and a dash (`PLACE_DATELINE`: "LOS ANGELES --", "CROW AGENCY, Mont. _"), or a
# bare leading dash. A capital letter or a quote must follow.
LEADING_DATELINE = re.compile(
    r"^(?:[^()\n]{0,60}?\s*\([A-Za-z][A-Za-z .&-]{1,24}\)\s*[—–-]+"
    r"|(?:[A-Z][\w.,'’ -]{0,40}?\s*)?\((?-i:[A-Z][A-Za-z.&]{1,15})\)"
    rf"|{PLACE_DATELINE}"
    r"|[—–-]+)\s*(?=[A-Z0-9\"'“‘])"
)
# Credit lines at the top of a saved page: "Jane Doe/Agency", "AGENCY/Jane Doe", "Jane Doe, Getty
# Images", "Getty Images". A photo's credit, never the headline.
_CAP = r"[A-Z][\w.'’&-]*"
_AGENCY = (
    r"(?i:getty images|ap( photo)?|afp( photo)?|reuters|epa|shutterstock|wireimage|filmmagic|"
    r"invision|corbis|rex features|zuma press|bloomberg|istockphoto|alamy|landov|wikimedia commons)"
)
CREDIT_LINE = re.compile(
    rf"^(?:{_CAP}(?: {_CAP}){{1,3}} ?/ ?{_CAP}(?: {_CAP})?|{_AGENCY} ?/ ?{_CAP}(?: {_CAP}){{1,2}}"
    rf"|{_CAP}(?: {_CAP}){{1,3}}(?:,| -| for| via) {_AGENCY})$"
)
MAX_CREDIT_WORDS = 4  # words and the parts around the slash
# "Home Daily News Identical twin testifies ...…": a breadcrumb ending in a truncated headline.
HOME_TRAIL = re.compile(r"^Home [A-Z][^.!?]{0,150}(?:…|\.\.\.)$")
# A line ending like a sentence or a clause: not a headline ("." or "," maybe before a quote).
CLAUSE_END = re.compile(r"[.,;:][\"'”’)\]]*(?:\[\d{1,3}\])*$")  # footnote markers may follow
# A line ending in "!", "?" or "…" with more words than this is the lead sentence, not a headline
# ("Jane Doe is about to become a mother again!"): it stays in the body.
MAX_SENTENCE_HEADLINE_WORDS = 10
# A headline starts with a letter, a digit or a quote, and is not a numbered list item ("1. Name").
HEADLINE_START = re.compile(r"^(?!\d+[.)]\s)[\w\"'“‘]")


# Company forms whose abbreviation keeps its stop at a name's end ("Harbour Media Co.").
COMPANY_FORMS = frozenset({"inc", "co", "corp", "ltd", "cos", "plc", "llc", "bhd", "ag", "sa", "nv", "bv"})


def _without_final_stop(name: str) -> str:
    """`name` without the full stop that ended its sentence ("The Harbour Press." of "... Press. All
    rights reserved"), kept after a company form or an initialism ("Harbour Media Co.", "L.L.C.")."""
    if not name.endswith("."):
        return name
    last = name.rsplit(" ", 1)[-1][:-1]
    return name if "." in last or last.lower() in COMPANY_FORMS else name[:-1]


def parse_date(text: str) -> dt.date | None:
    """The first date written in `text`, or None."""
    best: tuple[int, dt.date] | None = None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = MONTHS[parts["month"].lower()] if parts.get("month") else int(parts["mnum"])
            try:
                date = dt.date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), date)
            break
    return best[1] if best else None


def parse_iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return parse_date(value)


@dataclass
class Guess:
    title: str = ""
    outlet: str = ""
    published: dt.date | None = None
    author: str = ""
    how: dict[str, str] = field(default_factory=dict)  # field -> where the value was found

    def set(self, name: str, value: object, how: str) -> None:
        setattr(self, name, value)
        if value:
            self.how[name] = how


def _unquote(line: str) -> str:
    return line.strip().lstrip("#").strip().strip("\"“”'‘’").strip()


MIN_SHORT_TITLE_WORDS = 4


def _repeats_title(line: str, title: str) -> bool:
    """Whether `line` repeats the headline `title`, whole or cut after a few of its words in any case
    (a running header of PDF pages or a page's short title: "PORT DEAL SIGNED AFTER")."""
    line, title = line.casefold(), title.casefold()
    if line == title:
        return True
    words, title_words = line.split(), title.split()
    return MIN_SHORT_TITLE_WORDS <= len(words) < len(title_words) and title_words[: len(words)] == words


def take_header(
    lines: list[str], known_title: str = "", markup: bool = False
) -> tuple[list[str], Guess, list[RemovedLine]]:
    """Take date, headline (also when repeated) and byline lines off the top of an article.

    With a `known_title` (front matter, feed, page metadata) only lines repeating it count as the
    headline. For `markup` (text an extractor took from HTML), no other line is guessed to be one.
    """
    guess = Guess(title=_unquote(known_title))
    removed: list[RemovedLine] = []
    body = list(lines)
    taken = 0
    while body and taken < 6:
        line = body[0].strip()
        if not line:
            body.pop(0)
            continue
        words = line.split()
        # A date is looked for only in a line that may be a date line (dates are costly to find).
        if (
            DATE_ONLY_LINE.match(line)
            and len(words) <= 4
            and guess.published is None
            and (date := parse_date(line))
        ):
            guess.set("published", date, "date line")
            removed.append(RemovedLine(line, "date line"))
        elif STAMP_LINE.match(line) and len(words) <= MAX_STAMP_WORDS and not SENTENCE_END.search(line):
            date = parse_date(line)
            if (
                date
                and guess.published is None
                and not line.lower().lstrip().startswith(("updated", "last", "mod"))
            ):
                guess.set("published", date, "date line")
            removed.append(RemovedLine(line, "date line"))
        elif (reason := classify(line)) is not None:
            removed.append(RemovedLine(line, reason))
        elif len(line.replace("/", " ").split()) <= MAX_CREDIT_WORDS and CREDIT_LINE.match(line):
            removed.append(RemovedLine(line, "image credit"))
        elif HOME_TRAIL.match(line):
            removed.append(RemovedLine(line, "breadcrumb"))
        elif (m := BYLINE.match(line)) and not guess.author and len(words) <= 16:
            guess.set("author", byline_name(m.group("name")), "byline")
            removed.append(RemovedLine(line, "byline"))
        elif guess.title and _repeats_title(_unquote(line), guess.title):
            again = any(r.reason in ("headline", "repeated headline") for r in removed)
            removed.append(RemovedLine(line, "repeated headline" if again else "headline"))
        elif (
            not guess.title
            and not markup
            and 3 <= len(words) <= 30
            and not CLAUSE_END.search(line)
            and HEADLINE_START.match(line)
            and not (len(words) > MAX_SENTENCE_HEADLINE_WORDS and SENTENCE_END.search(line))
            and not LEADING_DATELINE.match(line)
        ):
            guess.set("title", _unquote(line), "headline line")
            removed.append(RemovedLine(line, "headline"))
        else:
            break
        body.pop(0)
        taken += 1
    return body, guess, removed


FIRST_STRETCH = 600  # characters split to find an article's first sentence (its title guess)
FIRST_STRETCH_MARGIN = 200  # a sentence ending this close to the stretch's end is split again


def guess_from_text(body: list[str], removed: list[RemovedLine], guess: Guess) -> Guess:
    """Outlet, date and title from datelines, footers and the first sentence."""
    first = next((line for line in body if line.strip()), "")
    dateline = DATELINE.match(first)
    if dateline:
        if not guess.outlet:
            guess.set("outlet", dateline.group("outlet").strip(), "dateline")
        if guess.published is None:
            guess.set("published", parse_date(dateline.group("place")), "dateline")
    if not guess.outlet:
        for line in [r.text for r in removed] + body[-3:]:
            for pattern in FOOTER_OUTLET:
                m = pattern.search(line)
                if m:
                    guess.set("outlet", _without_final_stop(m.group("name").strip()), "footer or appeal")
                    break
            if guess.outlet:
                break
    if not guess.title and first:
        lead = LEADING_DATELINE.match(first)
        text = first[lead.end() :] if lead else first
        # The first sentence is all we need, however long the line: split a first stretch, and a
        # longer one when the sentence may run on past it.
        for size in (FIRST_STRETCH, 2000):
            head = text[:size]
            spans = split_text(head)
            end = spans[0][1] if spans else len(head)
            # A "sentence" of one or two words ("Gov.") is a split after an abbreviation: go on.
            for span in spans[1:]:
                if len(head[:end].split()) >= 3:
                    break
                end = span[1]
            if end < size - FIRST_STRETCH_MARGIN or len(head) < size:
                break
        words = head[:end].split()
        title = " ".join(words[:14]) + (" …" if len(words) > 14 else "")
        guess.set("title", title, "first sentence (no headline printed)")
    return guess
