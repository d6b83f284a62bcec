"""Timeline: dated events, with relative dates resolved against each article's date.

Absolute dates ("March 30, 2025", "30 March", "in July 2024", "in 1979") and relative ones
("Sunday", "on the preceding Saturday", "in July", "last month", "yesterday") are found in every
sentence. Relative dates need an *anchor*, the day the article was written:

- its publication date, when it agrees with the topic: an article dated weeks after every explicit
  date the topic prints, whose weekdays land on those dates when counted from the latest of them,
  is a late copy (seed 001 is dated 19.04.2025 but reports the talks of Sunday 30 March);
- otherwise the anchor of a syndicated copy, or the topic's latest explicit date when the
  article's own weekdays land on explicit dates of the topic.

With no trustworthy anchor, relative dates are skipped: a missing date is better than a wrong one.
"Last week" gives a month only when the whole possible week lies in one month. Items carry an ISO
8601 date of day, month or year precision ("2025-03-29", "2024-07", "1979").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..models import Sentence, TimelineItem
from ..summarize.consensus import aside
from . import TopicContext, sort_sources, source

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m
}
MONTHS["sept"] = 9
MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"  # noqa: E501
MONTH2 = MONTH.replace("?P<month>", "?P<month2>")
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
YEAR = r"(?P<year>(?:19|20)\d{2})"

DAY_MONTH_YEAR = re.compile(
    rf"\b{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+{YEAR})?(?![\d,]*\d)"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH2}(?:,?\s+(?P<year2>(?:19|20)\d{{2}}))?\b"
)
MONTH_YEAR = re.compile(rf"\b{MONTH}(?:\s+of)?\s+{YEAR}\b")
# A month alone needs a preposition, so "May" the verb and "March" the noun are not dates.
MONTH_ONLY = re.compile(
    rf"\b(?P<prep>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]hrough|[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|"
    rf"[Mm]id-|[Ss]ince early|[Ss]ince late|[Ii]n early|[Ii]n late|[Ii]n mid-)\s*{MONTH}(?!\s+\d)"
    rf"(?![\w-])"
)
IN_YEAR = re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y the end of)\s+(?:early\s+|late\s+|mid-)?{YEAR}\b")
WEEKDAY = re.compile(
    r"\b(?P<rel>(?:[Ll]ast|[Nn]ext|[Tt]his|[Tt]he preceding|[Tt]he previous|[Tt]he following)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\w-])(?!\s+[A-Z])"
)
NOT_WEEKDAY_BEFORE = re.compile(
    r"(?:Super|Black|Good|Easter|Bloody|Cyber|Ash|Palm|Holy|Maundy|Giving|Whit|Shrove|Small Business)\s+$"
)
RELATIVE = re.compile(
    r"\b(?P<rel>yesterday|today|tonight|last week|a week ago|earlier this week|this week|last month|"
    r"earlier this month|last year|earlier this year|a month ago|a year ago)\b",
    re.I,
)
FUTURE = re.compile(
    r"\b(?:will|shall|plans? to|planned to|scheduled|is set to|are set to|is expected to|are expected to|"
    r"upcoming|is due to|are due to|next)\b",
    re.I,
)
# A verb in the past tense right before a day ("crashed Oct. 31", "was shot on May 3", "died in late
# June"): the day is not after the article that reports it. Reporting verbs and verbs of plans ("said",
# "scheduled", "postponed") say nothing of when the day is.
PAST_BEFORE = re.compile(
    r"\b(?:(?!(?:said|told|added|noted|reported|stated|expected|scheduled|planned|slated|postponed|delayed|"
    r"moved|rescheduled|set|needed|required|intended|proposed)\b)[a-z]{3,}ed|was|were|died|fell|shot|began|"
    r"took place)\s+(?:on\s+|in\s+|late\s+|early\s+)?$"
)
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# Cheap pre-check: a sentence without any of these has no date expression.
QUICK = re.compile(r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day\b|week|month|year|tonight", re.I)
LATE_DAYS = 6  # an article dated more than this after the topic's latest explicit date is "late"
MIN_WORDS = 6
SAME_EVENT = 0.2
LIMIT = 12
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True)
class Mention:
    """A date expression in a sentence: its resolved ISO date (or '' when it needs an anchor)."""

    sentence: Sentence
    start: int
    end: int
    kind: str  # "absolute", "monthday", "weekday", "month", "relative"
    iso: str
    precision: str  # "day", "month", "year"
    raw: str


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def nearest_year(month: int, day: int, anchor: dt.date, future: bool) -> dt.date | None:
    """The month/day closest to the anchor (news speaks of the weeks around its date: "Jan. 1" in
    late December is the coming one); the future wins a tie when the sentence speaks of it."""
    candidates = [
        d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe_date(y, month, day))
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs((d - anchor).days), (d < anchor) == future))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def mentions_of(sentence: Sentence) -> list[Mention]:
    """Every date expression of a sentence; absolute ones resolved, the rest left for the anchor."""
    text = sentence.text
    out: list[Mention] = []
    if not QUICK.search(text):
        return out
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], kind: str, iso: str, precision: str) -> None:
        taken.append((m.start(), m.end()))
        out.append(Mention(sentence, m.start(), m.end(), kind, iso, precision, m.group()))

    for m in DAY_MONTH_YEAR.finditer(text):
        month = _month(m.group("month") or m.group("month2"))
        day = int(m.group("day") or m.group("day2"))
        year = m.group("year") or m.group("year2")
        if not 1 <= day <= 31:
            continue
        if year:
            date = _safe_date(int(year), month, day)
            if date:
                add(m, "absolute", date.isoformat(), "day")
        else:
            add(m, "monthday", f"--{month:02d}-{day:02d}", "day")
    for m in MONTH_YEAR.finditer(text):
        if not _overlaps(taken, m.start(), m.end()):
            add(m, "absolute", f"{m.group('year')}-{_month(m.group('month')):02d}", "month")
    for m in MONTH_ONLY.finditer(text):
        if not _overlaps(taken, m.start(), m.end()):
            add(m, "month", f"--{_month(m.group('month')):02d}", "month")
    for m in IN_YEAR.finditer(text):
        if not _overlaps(taken, m.start(), m.end()):
            add(m, "absolute", m.group("year"), "year")
    # Relative dates inside a quotation count from the day of the speech, not of the article.
    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
    for m in WEEKDAY.finditer(text):
        if NOT_WEEKDAY_BEFORE.search(text[: m.start()]) or text[m.end() : m.end() + 2] in ("'s", "’s"):
            continue
        if not _overlaps(taken + quoted, m.start(), m.end()):
            add(m, "weekday", "", "day")
    for m in RELATIVE.finditer(text):
        if m.group()[0].isupper() and m.start() > 0:  # "Japan Today", a name
            continue
        if text[m.end() : m.end() + 2] in ("'s", "’s"):  # "yesterday's enemy"
            continue
        if not _overlaps(taken + quoted, m.start(), m.end()):
            add(m, "relative", "", "")
    out.sort(key=lambda x: x.start)
    return out


def _weekday_date(mention: Mention, anchor: dt.date, future: bool) -> dt.date:
    m = WEEKDAY.match(mention.raw)
    assert m is not None
    target = WEEKDAYS[m.group("weekday").lower()]
    rel = (m.group("rel") or "").strip().lower()
    if rel in ("next", "the following") or (future and rel not in ("last", "the preceding", "the previous")):
        ahead = (target - anchor.weekday()) % 7 or 7
        return anchor + dt.timedelta(days=ahead)
    back = (anchor.weekday() - target) % 7
    if rel in ("last", "the preceding", "the previous") and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def _month_iso(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def resolve(mention: Mention, anchor: dt.date | None) -> tuple[str, str]:
    """(iso date, precision) of a mention against the article's anchor; ('', '') when unsure."""
    if mention.kind == "absolute":
        return mention.iso, mention.precision
    if anchor is None:
        return "", ""
    future = bool(FUTURE.search(mention.sentence.text))
    if mention.kind == "monthday":
        month, day = int(mention.iso[2:4]), int(mention.iso[5:7])
        date = nearest_year(month, day, anchor, future)
        if (
            date
            and not future
            and (date - anchor).days > 2
            and PAST_BEFORE.search(mention.sentence.text, 0, mention.start)
        ):
            date = _safe_date(date.year - 1, month, day) or date  # "crashed Oct. 31" in August: last year's
        return (date.isoformat(), "day") if date else ("", "")
    if mention.kind == "weekday":
        return _weekday_date(mention, anchor, future).isoformat(), "day"
    if mention.kind == "month":
        month = int(mention.iso[2:4])
        prep = mention.raw.split()[0].lower()
        if prep in ("next",) or future:
            year = anchor.year if month > anchor.month else anchor.year + 1
        elif prep == "this" or month == anchor.month:
            return ("", "") if month != anchor.month else (_month_iso(anchor.year, month), "month")
        else:
            year = anchor.year if month < anchor.month else anchor.year - 1
        return _month_iso(year, month), "month"
    rel = mention.raw.lower()
    if rel == "yesterday":
        return (anchor - dt.timedelta(days=1)).isoformat(), "day"
    if rel in ("today", "tonight"):
        return anchor.isoformat(), "day"
    if rel in ("last week", "a week ago", "earlier this week", "this week"):
        lo = anchor - dt.timedelta(days=13 if rel != "this week" else 6)
        hi = anchor if rel in ("earlier this week", "this week") else anchor - dt.timedelta(days=1)
        if (lo.year, lo.month) == (hi.year, hi.month):
            return _month_iso(hi.year, hi.month), "month"
        return "", ""
    if rel in ("last month", "a month ago"):
        first = anchor.replace(day=1) - dt.timedelta(days=1)
        return _month_iso(first.year, first.month), "month"
    if rel == "earlier this month":
        return _month_iso(anchor.year, anchor.month), "month"
    if rel in ("last year", "a year ago"):
        return f"{anchor.year - 1:04d}", "year"
    if rel == "earlier this year":
        return f"{anchor.year:04d}", "year"
    return "", ""


@dataclass(frozen=True)
class Anchors:
    """Each article's anchor date, and the articles whose own date disagrees with the topic."""

    dates: dict[str, dt.date]
    late: dict[str, tuple[dt.date, dt.date]]  # article id -> (its published date, anchor used)
    story_dates: frozenset[dt.date]


def _explicit_days(mentions: Sequence[Mention], published: dt.date | None) -> list[dt.date]:
    days = []
    for m in mentions:
        if m.kind == "absolute" and m.precision == "day":
            days.append(dt.date.fromisoformat(m.iso))
        elif m.kind == "monthday" and published is not None:
            date = nearest_year(int(m.iso[2:4]), int(m.iso[5:7]), published, False)
            if date and (published - date).days <= 60:
                days.append(date)
    return days


def _weekday_hits(
    mentions: Sequence[Mention], anchor: dt.date, story: frozenset[dt.date]
) -> tuple[int, int, bool]:
    """How many of an article's weekdays, counted from `anchor`, land on an explicit topic date; how
    many it names; and whether one lands before `anchor` (one naming the anchor's own weekday lands
    on the anchor whatever the article is about)."""
    weekdays = [m for m in mentions if m.kind == "weekday"]
    landed = [d for m in weekdays if (d := dt.date.fromisoformat(resolve(m, anchor)[0])) in story]
    return len(landed), len(weekdays), any(d != anchor for d in landed)


def anchors(ctx: TopicContext, mentions: dict[str, list[Mention]]) -> Anchors:
    published = {a.id: a.published for a in ctx.articles}
    latest_published = max((p for p in published.values() if p), default=None)
    story: set[dt.date] = set()
    printed_by: dict[dt.date, set[str]] = {}
    for article in ctx.articles:
        for day in _explicit_days(mentions[article.id], published[article.id]):
            if latest_published is None or day <= latest_published + dt.timedelta(days=1):
                story.add(day)
                printed_by.setdefault(day, set()).add(ctx.group(article.id))
    story_dates = frozenset(story)
    latest = max(story_dates, default=None)
    # The latest date is the story's own when two sources print it; one source's may be any day it
    # recalls ("born on Oct. 7, 1952").
    agreed = latest is not None and len(printed_by[latest]) >= 2
    dates: dict[str, dt.date] = {}
    late: dict[str, tuple[dt.date, dt.date]] = {}
    for article in ctx.articles:
        own = published[article.id]
        if own is not None and (latest is None or (own - latest).days <= LATE_DAYS):
            dates[article.id] = own
            continue
        hits, total, before = (
            _weekday_hits(mentions[article.id], latest, story_dates) if latest else (0, 0, False)
        )
        # An undated article is counted from the topic's dates only on evidence: its weekdays landing
        # on the latest date itself prove nothing unless two sources print that date (an undated June
        # article's "Thursday" was counted from a Thursday of 1990 that one article of its topic
        # recalled); without an anchor its relative dates are skipped.
        if latest is not None and hits and hits == total and (own is not None or before or agreed):
            # Its weekdays land on the topic's dates counted from the latest: a late or undated copy.
            dates[article.id] = latest
            if own is not None:
                late[article.id] = (own, latest)
        elif own is not None:
            dates[article.id] = own
    # A syndicated copy without a date of its own takes its group's anchor.
    by_group: dict[str, dt.date] = {}
    for article in ctx.articles:
        if article.id in dates and article.id not in late:
            by_group.setdefault(ctx.group(article.id), dates[article.id])
    for article in ctx.articles:
        if article.id not in dates and published[article.id] is None:
            group_anchor = by_group.get(ctx.group(article.id))
            if group_anchor is not None:
                dates[article.id] = group_anchor
    return Anchors(dates, late, story_dates)


@dataclass(frozen=True)
class Dated:
    sentence: Sentence
    iso: str
    precision: str
    expression: str
    # Whether the date is the sentence's first date expression. A sentence whose first expression
    # could not be dated ("after the vote in March" in an undated article) is not about the later one
    # ("the hall built in 1911"): the timeline leaves it out.
    first: bool = True


def dated_sentences(ctx: TopicContext) -> tuple[list[Dated], Anchors]:
    """Every sentence with the date it speaks of (first resolvable date expression); computed once
    per topic (the timeline and the date disputes both read it)."""
    cached = ctx.__dict__.get("_dated_sentences")
    if cached is None:
        cached = ctx.__dict__["_dated_sentences"] = _dated_sentences(ctx)
    return cached


def _dated_sentences(ctx: TopicContext) -> tuple[list[Dated], Anchors]:
    mentions = {a.id: [m for s in ctx.sentences.get(a.id, ()) for m in mentions_of(s)] for a in ctx.articles}
    found = anchors(ctx, mentions)
    out = []
    for article in ctx.articles:
        anchor = found.dates.get(article.id)
        seen: set[int] = set()
        tried: set[int] = set()
        for mention in mentions[article.id]:
            key = mention.sentence.index
            if key in seen:
                continue
            iso, precision = resolve(mention, anchor)
            if iso:
                seen.add(key)
                out.append(Dated(mention.sentence, iso, precision, mention.raw, first=key not in tried))
            tried.add(key)
    return out, found


def _event(sentence: Sentence) -> bool:
    text = sentence.text.strip()
    return len(text.split()) >= MIN_WORDS and not text.endswith("?") and not aside(text)


def extract(ctx: TopicContext) -> tuple[TimelineItem, ...]:
    dated, _ = dated_sentences(ctx)
    dated = [d for d in dated if d.first and _event(d.sentence)]
    if not dated:
        return ()
    row = ctx.row
    items: list[tuple[TimelineItem, int]] = []
    by_date: dict[str, list[Dated]] = {}
    for d in dated:
        by_date.setdefault(d.iso, []).append(d)
    for iso, members in by_date.items():
        idx = [row[(d.sentence.article, d.sentence.index)] for d in members]
        sims = ctx.similarities(idx, idx)
        unassigned = list(range(len(members)))
        while unassigned:
            i = unassigned.pop(0)
            cluster = [i] + [j for j in unassigned if sims[i, j] >= SAME_EVENT]
            unassigned = [j for j in unassigned if j not in cluster]
            central = max(cluster, key=lambda m: (float(np.sum(sims[m, cluster])), -cluster.index(m)))
            sources = sort_sources(ctx, (source(members[m].sentence) for m in cluster))
            head = members[central]
            item = TimelineItem(
                date=iso,
                precision=head.precision,
                text=head.sentence.text,
                expression=head.expression,
                sources=sources,
                support=ctx.support(sources),
            )
            items.append((item, min(idx[m] for m in cluster)))
    # The best supported events, the most precisely dated first (a day is an event of the story; a
    # year alone is mostly background: "the plant opened in 1978"), shown in date order.
    items.sort(key=lambda pair: (-pair[0].support, PRECISION_RANK[pair[0].precision], pair[1]))
    chosen = items[:LIMIT]
    chosen.sort(key=lambda pair: (pair[0].date, pair[1]))
    return tuple(item for item, _ in chosen)
