"""Disputes: where independent sources disagree about the same thing.

- claim: one source says a change happens, another says it does not (same change, same subject);
- name: one thing called by two near-identical names (MRAAM vs. AMRAAM) in the same context.
Each side cites its sentences. Precision first: sides must come from different independent sources
and share their subject words, so a sentence with "not" alone is never a dispute.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import Levenshtein

from ..models import Dispute, Sentence, Side
from ..text import STOP_WORDS, stem
from . import TopicContext, measures, pairs, quoted, sort_sources, source

CHANGE = {
    "increas": "increase",
    "rise": "increase",
    "rose": "increase",
    "risen": "increase",
    "grow": "increase",
    "grew": "increase",
    "expand": "increase",
    "boost": "increase",
    "rais": "increase",
    "decreas": "decrease",
    "cut": "decrease",
    "reduc": "decrease",
    "withdraw": "decrease",
    "declin": "decrease",
    "drop": "decrease",
    "fall": "decrease",
    "fell": "decrease",
}
NEGATORS = {"not", "no", "never", "without", "neither", "nor", "n't", "won't", "didn't", "isn't", "wasn't"}
IDIOM_AFTER = {"short", "into", "within", "under", "behind", "apart", "asleep", "up", "out", "off", "through"}
CLAUSE_BREAKS = {"—", "--", "but", "while", "although", "though", "however", "whereas", ";", "."}
GENERIC = {"signific", "chang", "respons", "expect", "would", "will", "level", "number", "support", "also"}
TOKEN = re.compile(r"[A-Za-z][A-Za-z.'’-]*|[;.]|—|--")
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9-]{2,9}\b")


@dataclass(frozen=True)
class Claim:
    sentence: Sentence
    change: str
    negated: bool
    subject: frozenset[str]
    surface: dict[str, int]
    common: frozenset[str]  # subject stems printed in lower case (common nouns, not names)


# A change claimed for the future (a plan, a decision): "troop levels will increase" vs "there would
# not be an increase in troop numbers". Reports of past or ongoing trends ("crime dropped", "no sharp
# increase in cases after that") compare periods and places an article rarely states in the sentence;
# opposite ones are too often about different things to be shown as a dispute.
FUTURE = re.compile(
    r"\b(?:will|would|won[’']t|wouldn[’']t|shall|plans? to|planned to|expect\w*|anticipat\w*|going to|"
    r"set to)\b",
    re.I,
)


# One of these is in every sentence `FUTURE` finds (a cheap test first: most sentences have none).
FUTURE_WORDS = ("will", "would", "won", "shall", "plan", "expect", "anticipat", "going to", "set to")
# Share of a topic's articles that must speak of a thing the key does not name ("the" toll, time,
# child, car, a claimed change) for it to be taken as the topic's own.
STORY_SHARE = 0.5
SLOW_DAYS = 365  # days apart after which a slowly changing figure (a population) may have changed
CONDITIONAL = re.compile(r"\b(?:if|unless|whether)\b", re.I)


def claims_of(sentence: Sentence) -> list[Claim]:
    low = sentence.text.lower()
    if not any(w in low for w in FUTURE_WORDS) or not FUTURE.search(sentence.text) or CONDITIONAL.search(low):
        return []  # not about the future, or only under a condition ("if emissions are not reduced")
    tokens = [m for m in TOKEN.finditer(sentence.text)]
    lowered = [m.group().lower().strip(".") for m in tokens]
    stems = [stem(w) if w not in (";", "") else w for w in lowered]
    out = []
    for i, st in enumerate(stems):
        change = CHANGE.get(st)
        if change is None:
            continue
        negated = False
        if i + 1 < len(lowered) and lowered[i + 1] in IDIOM_AFTER:
            continue  # "fell short", "fall into", "grew up"
        for j in range(i - 1, max(-1, i - 13), -1):
            if lowered[j] in CLAUSE_BREAKS or tokens[j].group() in (";",):
                break
            if lowered[j] in NEGATORS or lowered[j].endswith("n't"):
                negated = True
                break
        window = range(max(0, i - 6), min(len(tokens), i + 9))
        subject = {
            stems[k]: tokens[k].start()
            for k in window
            if k != i
            and lowered[k] not in STOP_WORDS
            and lowered[k] not in NEGATORS
            and stems[k] not in GENERIC
            and stems[k] not in CHANGE
            and len(lowered[k]) > 2
        }
        common = frozenset(stems[k] for k in window if tokens[k].group().islower() and stems[k] in subject)
        out.append(Claim(sentence, change, negated, frozenset(subject), subject, common))
    return out


def _about(claim: Claim, shared: frozenset[str]) -> str:
    """The words of the affirmative sentence from the first shared subject word to the change word."""
    text = claim.sentence.text
    positions = [claim.surface[s] for s in shared]
    change_at = min(
        (m.start() for m in TOKEN.finditer(text) if CHANGE.get(stem(m.group().lower())) == claim.change),
        default=max(positions),
    )
    start = min(positions + [change_at])
    end_match = TOKEN.search(text, max(positions + [change_at]))
    end = end_match.end() if end_match else len(text)
    return text[start:end].strip(" ,.")


def claim_disputes(ctx: TopicContext) -> list[Dispute]:
    claims = [c for s in ctx.all_sentences for c in claims_of(s)]
    disputes = []
    used: set[int] = set()
    for i, yes in enumerate(claims):
        if yes.negated or i in used:
            continue
        opposed = [
            (j, no)
            for j, no in enumerate(claims)
            if no.negated
            and no.change == yes.change
            and ctx.group(no.sentence.article) != ctx.group(yes.sentence.article)
            and len(no.subject & yes.subject) >= 2
            and no.common & yes.common
        ]
        if not opposed:
            continue
        shared = frozenset.intersection(*(no.subject & yes.subject for _, no in opposed))
        if len(shared) < 2:
            shared = opposed[0][1].subject & yes.subject
        agreeing = [
            (k, c)
            for k, c in enumerate(claims)
            if not c.negated and c.change == yes.change and len(c.subject & shared) >= 2
        ]
        used.update(k for k, _ in agreeing)
        used.update(j for j, _ in opposed)
        no_sources = sort_sources(ctx, (source(no.sentence) for _, no in opposed))
        yes_sources = sort_sources(ctx, (source(c.sentence) for _, c in agreeing))
        if len({x.article for x in no_sources + yes_sources}) < STORY_SHARE * len(ctx.articles):
            continue  # a change few articles speak of: in a topic of many events, likely another one
        disputes.append(
            Dispute(
                about=_about(yes, shared),
                kind="claim",
                sides=(
                    Side(no_sources[0].sentence, no_sources),
                    Side(yes_sources[0].sentence, yes_sources),
                ),
            )
        )
    return disputes


def name_disputes(ctx: TopicContext) -> list[Dispute]:
    """Near-identical acronyms for one thing, used by different independent sources."""
    where: dict[str, list[Sentence]] = defaultdict(list)
    for s in ctx.all_sentences:
        for m in ACRONYM.finditer(s.text):
            where[m.group()].append(s)
    names = sorted(n for n in where if len(n) >= 4)
    disputes = []
    text = "\n".join(s.text for s in ctx.all_sentences)
    for a_i, a in enumerate(names):
        for b in names[a_i + 1 :]:
            if Levenshtein.distance(a, b) != 1 or not (a in b or b in a):
                continue
            if a.rstrip("S-") == b.rstrip("S-"):
                continue  # a plural or a hyphenated headline word (EDITOR/EDITORS, ELIAN/ELIAN-)
            if any(_spelled_as_word(n, text) for n in (a, b)):
                continue  # a word in capitals (a headline), not an acronym
            groups_a = {ctx.group(s.article) for s in where[a]}
            groups_b = {ctx.group(s.article) for s in where[b]}
            if not (groups_a - groups_b) or not (groups_b - groups_a):
                continue
            # Same context: the sentences naming each share a content word besides the names.
            words_a = {stem(w.lower()) for s in where[a] for w in TOKEN.findall(s.text)} - STOP_WORDS
            words_b = {stem(w.lower()) for s in where[b] for w in TOKEN.findall(s.text)} - STOP_WORDS
            if len(words_a & words_b) < 3:
                continue
            sides = []
            for name in (a, b):
                sources = sort_sources(ctx, (source(s) for s in where[name]))
                sides.append(Side(sources[0].sentence, sources))
            first, second = sorted((a, b), key=lambda n: -len({ctx.group(s.article) for s in where[n]}))
            disputes.append(Dispute(about=f"{first} or {second}", kind="name", sides=tuple(sides)))
    return disputes


def _spelled_as_word(name: str, text: str) -> bool:
    """True when the topic's `text` (its sentences, a line each) also prints `name` as an ordinary word
    ("Editor", "editor")."""
    word = re.compile(
        rf"\b{re.escape(name.rstrip('-').capitalize())}\b|\b{re.escape(name.rstrip('-').lower())}\b"
    )
    return bool(word.search(text))


# -- figures, times and names, each tied to what it measures ---------------------------------------
def _dated(ctx: TopicContext, article_ids: set[str]) -> list[dt.date | None]:
    return [ctx.article(a).published for a in sorted(article_ids)]


def _plausible(changes: str, sides: list[tuple[float, list[dt.date]]], count: bool = False) -> bool:
    """Values in date order, each side's articles all later than the previous side's: a change this
    kind of thing can make ("grows": never down; "ages": up by at most the years in between). A
    `count` (a toll: one value per story) may also be revised on its first day."""
    for (v0, d0), (v1, d1) in zip(sides, sides[1:], strict=False):
        if max(d0) > min(d1):
            return False  # crossing dates: the earlier value is printed again after the later one
        if max(d0) == min(d1) and not (count and min(d0) == max(d0) and max(d1) > min(d1)):
            # Articles of the same day disagree, unless the first value is that day's only (an
            # early count, "11 injured") and the later one goes on in the days after ("12 injured"
            # that evening and in every later report): a count revised on its first day. Not a
            # status (an arrest, a condition): "one suspect in custody" and "the other at large"
            # hold at once, of two people.
            return False
        if changes == "grows" and v1 < v0:
            return False
        if changes == "condition" and v0 == measures.DEAD:
            return False  # nobody recovers from death: two people's conditions, or a mistake
        if changes == "ages" and not 0 < v1 - v0 <= (min(d1) - max(d0)).days / 365.25 + 1:
            return False
    return True


def reading_findings(
    ctx: TopicContext, incident: measures.Incidents | None = None
) -> tuple[list[Dispute], list[Dispute]]:
    """Disputes and updates among the values the articles give for one thing (a `Reading` key).

    The values of a key are joined where their intervals overlap (rounding, "about", "more than");
    a key with one value agrees. A source giving two of the values is left out (it reports a
    change, or two different things share the key). Otherwise, when the thing can change and the
    articles' dates put the values in an order it can take (a toll that rises, an age that grows with
    the years), it is an update; when it cannot change, or articles of the same day disagree, a
    dispute. A changeable thing whose articles are not all dated is left out: unsure (a toll that
    rose over days, read from undated articles, would look like a disagreement)."""
    found = [r for s in ctx.all_sentences for r in measures.readings(s)]
    found += [r for a in ctx.articles for r in measures.article_readings(ctx.sentences.get(a.id, ()))]
    found += measures.scene_times(ctx.all_sentences)
    found = measures.join_days(found, ctx.all_sentences, {a.id: a.published for a in ctx.articles})
    found = measures.merge_hospitals(measures.merge_names(found))
    found = measures.with_dead(measures.single_roles(found, ctx.all_sentences))
    found = measures.with_shooter(found, ctx.all_sentences)
    by_key: dict[str, list[measures.Reading]] = defaultdict(list)
    first_status: set[tuple[str, str]] = set()
    for r in found:
        if not r.disputable:
            # A status (a condition, an arrest) as the article's first mention of it gives it: news
            # puts the latest state first ("has died"), then tells how it came to be ("was in
            # critical condition").
            if (r.key, r.sentence.article) in first_status:
                continue
            first_status.add((r.key, r.sentence.article))
        by_key[r.key].append(r)
    disputes: list[Dispute] = []
    updates: list[Dispute] = []
    for rs in by_key.values():
        if rs[0].story and len({r.sentence.article for r in rs}) < STORY_SHARE * len(ctx.articles):
            # "The" toll, time, child or car is the topic's own only if most articles speak of it: a
            # topic of many events (a year of school shootings) mentions a different one in each.
            continue
        # Values joined where their intervals overlap, in value order.
        rs = sorted(rs, key=lambda r: (r.low, r.high))
        parts: list[list[measures.Reading]] = []
        high = float("-inf")
        for r in rs:
            if parts and r.low <= high:
                parts[-1].append(r)
                high = max(high, r.high)
            else:
                parts.append([r])
                high = r.high
        if len(parts) < 2:
            continue
        if rs[0].key.startswith("age|") and rs[-1].low - rs[0].high >= measures.CHILD_AGE:
            continue  # a generation apart: a parent and a child of one name ("Ray Lee" and "Ray Lee Jr.")
        if rs[0].key.startswith("time|") and _apart(parts):
            continue  # times of sentences on different streets: two incidents (a roundup of a night)
        # By article, not by syndication group: two copies of one report that give different values
        # (a corrected or revised copy) disagree as printed.
        groups = [{r.sentence.article for r in part} for part in parts]
        if any(groups[i] & groups[j] for i in range(len(parts)) for j in range(i + 1, len(parts))):
            continue
        if rs[0].story:
            # "The" child, time or toll of articles that name nothing in common: perhaps two incidents
            # of one subject in one topic ("a 7-year-old boy was shot" / "a six-year-old boy was shot").
            incident = incident or measures.Incidents(ctx.articles)
            if not measures.tied(incident, *groups):
                continue
        first = rs[0]
        dates = [_dated(ctx, {r.sentence.article for r in part}) for part in parts]
        known = all(d is not None for ds in dates for d in ds)
        is_update = False
        if first.changes == "slow":
            # A figure that changes over years (a population): fixed within a story, unsure across
            # articles a year or more apart.
            known_dates = [d for ds in dates for d in ds if d]
            if known_dates and (max(known_dates) - min(known_dates)).days >= SLOW_DAYS:
                continue
        elif first.changes:
            if known:
                # In date order (earliest article of each value first).
                timed = sorted(
                    ((part[0].low, [d for d in ds if d]), i)
                    for i, (part, ds) in enumerate(zip(parts, dates, strict=True))
                )
                timed.sort(key=lambda t: (min(t[0][1]), max(t[0][1])))
                is_update = _plausible(
                    first.changes, [t for t, _ in timed], first.disputable and first.changes != "ages"
                )
                if is_update:
                    order = [i for _, i in timed]
                    parts, dates = [parts[i] for i in order], [dates[i] for i in order]
            else:
                continue  # undated or partly dated: a change cannot be told from a disagreement
        if not is_update and not first.disputable:
            continue
        sides = []
        for part, ds in zip(parts, dates, strict=True):
            head = _head(ctx, part)
            sources = sort_sources(ctx, (source(r.sentence) for r in part))
            when = min((d for d in ds if d), default=None)
            sides.append(
                Side(head.sentence.text, sources, value=head.value, date=when.isoformat() if when else "")
            )
        if not is_update:
            sides.sort(
                key=lambda side: (-ctx.support(side.sources), ctx.order.get(side.sources[0].article, 0))
            )
        item = Dispute(about=_heading(parts), kind=first.kind, sides=tuple(sides))
        (updates if is_update else disputes).append(item)
    return disputes, updates


def _apart(parts: list[list[measures.Reading]]) -> bool:
    """Two values whose sentences each name streets, none of them one street or two similar names
    (the street may be in dispute too: "East 54th" / "East 55th")."""
    where = [frozenset().union(*(r.place for r in part)) for part in parts]

    def base(name: str) -> str:
        words = name.split()
        return " ".join(words[1:]) if len(words) > 1 and words[0] in pairs.DIRECTION else name

    def near(a: frozenset[str], b: frozenset[str]) -> bool:
        return any(
            x == y or pairs._similar(base(x), base(y)) or Levenshtein.distance(x, y) <= 2
            for x in a
            for y in b
        )  # one street spelt two ways ("Betanna" / "Bentanna") is one place

    return any(a and b and not near(a, b) for i, a in enumerate(where) for b in where[i + 1 :])


def _head(ctx: TopicContext, part: list[measures.Reading]) -> measures.Reading:
    """The reading a side shows: its most common value, first in article order."""
    count: dict[str, int] = defaultdict(int)
    for r in part:
        count[r.value.lower()] += 1
    return min(
        part, key=lambda r: (-count[r.value.lower()], ctx.order.get(r.sentence.article, 0), r.sentence.start)
    )


def _heading(parts: list[list[measures.Reading]]) -> str:
    """The key's description; for a block, the street as most readings print it."""
    abouts: dict[str, int] = defaultdict(int)
    for part in parts:
        for r in part:
            abouts[r.about] += 1
    return max(sorted(abouts), key=lambda a: abouts[a])


# -- dates ---------------------------------------------------------------------------------------
SAME_EVENT_DATES = 0.45


MONTH_DAY = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b|\b\d{4}-\d\d-\d\d\b"
)


def date_disputes(ctx: TopicContext, incident: measures.Incidents | None = None) -> list[Dispute]:
    """Different days for one event; and an article dated well after the events it reports (both
    only between articles of one incident, `measures.incidents`)."""
    incident = incident or measures.Incidents(ctx.articles)
    from . import timeline
    from .timeline import dated_sentences

    dated, anchors = dated_sentences(ctx)
    # Only dates printed as dates ("May 3", "2024-05-03"): "on Friday" read from two articles of
    # different days names two Fridays, which says nothing about whether they disagree.
    days = [
        d
        for d in dated
        if d.precision == "day"
        and any(c.isdigit() for c in d.expression)
        and len(MONTH_DAY.findall(d.sentence.text)) == 1  # "the July 17 killings ... and a July 7 attack"
        and not _future_guess(ctx, d)
        and not EMBEDDED_POST.search(d.sentence.text)
        and not PUBLICATION_LINE.match(d.sentence.text)
    ]
    # The days each article prints anywhere: an article that prints both dates knows both events.
    printed: dict[str, set[str]] = defaultdict(set)
    for d in dated:
        if d.precision == "day":
            printed[d.sentence.article].add(d.iso)
    disputes: list[Dispute] = []
    if len(days) >= 2:
        rows = [ctx.row_at(d.sentence.article, d.sentence.start) for d in days]
        sims = ctx.similarities(rows, rows)
        used: set[int] = set()
        for i, a in enumerate(days):
            if i in used:
                continue
            close = [j for j in range(len(days)) if sims[i, j] >= SAME_EVENT_DATES]
            by_date: dict[str, list[int]] = defaultdict(list)
            for j in close:
                by_date[days[j].iso].append(j)
            if len(by_date) < 2:
                continue
            groups = {iso: {ctx.group(days[j].sentence.article) for j in js} for iso, js in by_date.items()}
            isos = sorted(by_date, key=lambda iso: -len(groups[iso]))[:2]
            if groups[isos[0]] & groups[isos[1]]:
                continue
            if isos[0][5:] == isos[1][5:]:
                continue  # one day of two years: an anniversary ("since Sept. 11, 2001"), or a year guessed
            if not measures.tied(
                incident, *({days[j].sentence.article for j in by_date[iso]} for iso in isos)
            ):
                continue  # two events of one subject, each on its day
            if any(
                other in printed[days[j].sentence.article]
                for iso, other in ((isos[0], isos[1]), (isos[1], isos[0]))
                for j in by_date[iso]
            ):
                continue  # a chronology giving both days: two events ("June 23 -- ... June 26 -- ...")
            used.update(close)
            sides = tuple(
                Side(
                    days[by_date[iso][0]].sentence.text,
                    sort_sources(ctx, (source(days[j].sentence) for j in by_date[iso])),
                    value=iso,
                )
                for iso in isos
            )
            disputes.append(Dispute(about=f"date of: {_short(a.sentence.text)}", kind="date", sides=sides))
    for article_id, (published, anchor) in anchors.late.items():
        named = set(
            re.findall(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", ctx.article(article_id).text)
        )
        if not named - {f"{published:%A}"}:
            continue  # only its own weekday: "on Wednesday" reads just as well as the day it is dated
        if len(named) < 2:
            # One weekday lands on a date the topic prints one time in seven by chance (in a topic of
            # many events, "Thursday" of a feature and a "Feb. 5" of another story); two different
            # days that both land are the story's own week.
            continue
        iso = anchor.isoformat()
        own = [d for d in dated if d.sentence.article == article_id and d.iso == iso]
        others = [d for d in days if d.iso == iso and ctx.group(d.sentence.article) != ctx.group(article_id)]
        if not own or not others:
            continue
        if any(MONTH_DAY.search(d.sentence.text) for d in own):
            continue  # it prints the date itself ("on Monday, Sept. 26"): a later report, not misdated
        if any(
            a.published is not None
            and ctx.group(a.id) != ctx.group(article_id)
            and (a.published - published).days >= -timeline.LATE_DAYS
            for a in ctx.articles
        ):
            # Another source reports the story in its days or later: the coverage went on past the
            # events it dates, so its date fits it (a later report, a trial a year on).
            continue
        others = [d for d in others if measures.tied(incident, {d.sentence.article}, {article_id})]
        if not others:
            continue  # the dates of another incident of the topic
        article = ctx.article(article_id)
        title = article.title or article_id
        own_sources = sort_sources(ctx, (source(d.sentence) for d in own))
        other_sources = sort_sources(ctx, (source(d.sentence) for d in others))
        disputes.append(
            Dispute(
                about=f"publication date of “{title}”: dated {published.isoformat()}, "
                f"it reports events of {anchor.isoformat()}",
                kind="date",
                sides=(
                    Side(own_sources[0].sentence, own_sources, value=f"dated {published.isoformat()}"),
                    Side(other_sources[0].sentence, other_sources, value=anchor.isoformat()),
                ),
            )
        )
    return disputes


# A page's own dateline ("(Published Friday, May 3, 2024)", "Updated: May 4, 2024"): the day the page was
# printed, not an event's; two copies printed on two days do not disagree.
PUBLICATION_LINE = re.compile(
    r"^\W*(?:(?:first |last )?(?:published|posted|updated|modified)|last update)\b", re.I
)
# The byline of an embedded post ("— Ana Lind (@analind) February 1, 2017"): the day it was posted, and
# two posts' days are two posts, not one event dated two ways.
EMBEDDED_POST = re.compile(r"\(@\w+\)|\bpic\.twitter\.com/")
YEAR_PRINTED = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _future_guess(ctx: TopicContext, d: Any) -> bool:
    """A day printed without its year that the year guess puts after its article's date: "crashed
    October 31" in an August article is last year's October, and the guess cannot tell."""
    published = ctx.article(d.sentence.article).published
    return bool(published and d.iso > published.isoformat() and not YEAR_PRINTED.search(d.expression))


def _short(text: str, words: int = 10) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


@dataclass(frozen=True)
class Findings:
    """What the Disputes section shows: disputes, figures that changed between articles of different
    dates (updates), and people quoted on both sides of one fact."""

    disputes: tuple[Dispute, ...] = ()
    updates: tuple[Dispute, ...] = ()
    quoted_disagreements: tuple[Dispute, ...] = ()


def analyse(ctx: TopicContext) -> Findings:
    incident = measures.Incidents(ctx.articles)
    figures, updates = reading_findings(ctx, incident)
    return Findings(
        disputes=_distinct(
            claim_disputes(ctx)
            + figures
            + pairs.group_disputes(ctx, incident)
            + pairs.street_disputes(ctx, incident)
            + pairs.roster_disputes(ctx, incident)
            + date_disputes(ctx, incident)
            + name_disputes(ctx)
        ),
        updates=_distinct(updates),
        quoted_disagreements=_distinct(quoted.extract(ctx)),
    )


def _distinct(items: list[Dispute]) -> tuple[Dispute, ...]:
    """Items in order, without one whose sides give the same values from the same articles as an
    earlier item ("age of Ana Lind" and "age of the child" read from the same sentences)."""
    seen: set[frozenset[tuple[str, frozenset[str]]]] = set()
    out = []
    for d in items:
        key = frozenset((side.value, frozenset(x.article for x in side.sources)) for side in d.sides)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return tuple(out)


def extract(ctx: TopicContext) -> tuple[Dispute, ...]:
    return analyse(ctx).disputes
