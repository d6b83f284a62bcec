"""Disputes: where independent sources disagree about the same thing.

- claim: one source says a change happens, another says it does not (same change, same subject);
- name: one thing called by two near-identical names (MRAAM vs. AMRAAM) in the same context.
Each side cites its sentences. Precision first: sides must come from different independent sources
and share their subject words, so a sentence with "not" alone is never a dispute.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from ..models import Dispute, Sentence, Side
from ..text import STOP_WORDS, stem
from . import TopicContext, sort_sources, source

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


def claims_of(sentence: Sentence) -> list[Claim]:
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
    for a_i, a in enumerate(names):
        for b in names[a_i + 1 :]:
            if Levenshtein.distance(a, b) != 1 or not (a in b or b in a):
                continue
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


# -- numbers -------------------------------------------------------------------------------------
NUMBER = re.compile(
    r"(?P<qual>\b(?:more than|over|about|around|nearly|almost|some|at least|up to|approximately|roughly|"
    r"fewer than|less than|under|close to)\s+)?(?<![\d,.:/-])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?![\d:/-]|st\b|nd\b|rd\b|th\b)(?:\s*(?P<scale>million|billion|trillion|thousand|percent|per cent|%))?"
)
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
LOWER_BOUND = ("more than", "over", "at least")
UPPER_BOUND = ("up to", "fewer than", "less than", "under")
APPROXIMATE = ("about", "around", "some", "approximately", "roughly", "close to")
BELOW = ("nearly", "almost")
MONTH_NAMES = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s*$"
)
SAME_FACT_NUMBERS = 0.35
NEGATED_CLAUSE = re.compile(r"\b(?:no|not|never|none|without)\b|n[’']t\b", re.I)
UNIT_WORDS = 3


@dataclass(frozen=True)
class Figure:
    sentence: Sentence
    phrase: str
    low: float
    high: float
    unit: frozenset[str]
    unit_text: str
    percent: bool


def figures_of(sentence: Sentence) -> list[Figure]:
    text = sentence.text
    out = []
    for m in NUMBER.finditer(text):
        num = m.group("num")
        scale = (m.group("scale") or "").lower()
        if not scale and "," not in num and "." not in num and 1900 <= int(num) <= 2100:
            continue  # a year
        if MONTH_NAMES.search(text[: m.start("num")]) or re.match(
            r"\s*(?:a\.m\.|p\.m\.|am|pm)\b", text[m.end() :]
        ):
            continue  # a date or a time
        if re.match(r"\s*(?:-|to)\s*\d", text[m.end() :]):
            continue  # a range or a score
        value = float(num.replace(",", "")) * SCALE.get(scale, 1.0)
        qual = (m.group("qual") or "").strip().lower()
        if NEGATED_CLAUSE.search(re.split(r"[,;:]", text[: m.start()])[-1]):
            continue  # "no household ... less than 30%": the figure is negated
        if qual in LOWER_BOUND:
            low, high = (value if qual == "at least" else value * 1.000001), float("inf")
        elif qual in UPPER_BOUND:
            low, high = 0.0, (value if qual == "up to" else value * 0.999999)
        elif qual in APPROXIMATE:
            low, high = value * 0.9, value * 1.1
        elif qual in BELOW:
            low, high = value * 0.85, value
        else:
            low, high = value, value
        unit_words = _unit_words(text, m.start(), m.end(), bool(scale))
        unit = frozenset(stem(w.lower().strip(".")) for w in unit_words if w[:1].islower())
        if not unit:
            continue
        unit_text = " ".join(unit_words)
        percent = scale in ("percent", "per cent", "%")
        out.append(Figure(sentence, m.group().strip(), low, high, unit, unit_text, percent))
    return out


def _unit_words(text: str, start: int, end: int, scaled: bool) -> list[str]:
    """What a figure counts: the words right after it up to a stop word ("U.S. troops stationed"),
    or for a percentage or scaled amount with nothing after it, the content words just before it."""
    words: list[str] = []
    for w in TOKEN.findall(text[end:]):
        if w in (";", ".") or w.lower() in STOP_WORDS or len(words) == UNIT_WORDS:
            break
        words.append(w)
    if any(w[:1].islower() for w in words):
        return words
    if not scaled:
        return []
    clause = re.split(r"[,;:]", text[:start])[-1]
    before = [w for w in TOKEN.findall(clause) if w.lower() not in STOP_WORDS and w not in (";", ".")]
    return before[-UNIT_WORDS:]


def _compatible(a: Figure, b: Figure) -> bool:
    return a.low <= b.high and b.low <= a.high


def number_disputes(ctx: TopicContext) -> list[Dispute]:
    """Different figures for one quantity: same unit words, close sentences, values that cannot
    both be true (ranges from "more than", "about", "nearly" respected), from different sources."""
    figures = [f for s in ctx.all_sentences for f in figures_of(s)]
    if len(figures) < 2:
        return []
    rows = [ctx.row_at(f.sentence.article, f.sentence.start) for f in figures]
    sims = ctx.similarities(rows, rows)
    disputes = []
    used: set[int] = set()
    for i, a in enumerate(figures):
        if i in used:
            continue
        group_a = ctx.group(a.sentence.article)
        conflicting = [
            j
            for j, b in enumerate(figures)
            if j != i
            and ctx.group(b.sentence.article) != group_a
            and a.percent == b.percent
            and a.unit & b.unit
            and sims[i, j] >= SAME_FACT_NUMBERS
            and not _compatible(a, b)
        ]
        if not conflicting:
            continue
        b = figures[conflicting[0]]
        # Every figure for this quantity, on the side it agrees with.
        same_quantity = [
            k
            for k, c in enumerate(figures)
            if c.percent == a.percent
            and c.unit & a.unit
            and c.unit & b.unit
            and (sims[k, i] >= SAME_FACT_NUMBERS or sims[k, conflicting[0]] >= SAME_FACT_NUMBERS)
        ]
        side_a = [k for k in same_quantity if _compatible(figures[k], a) and not _compatible(figures[k], b)]
        side_b = [k for k in same_quantity if _compatible(figures[k], b) and not _compatible(figures[k], a)]
        groups_a = {ctx.group(figures[k].sentence.article) for k in side_a}
        groups_b = {ctx.group(figures[k].sentence.article) for k in side_b}
        both = {ctx.group(f.sentence.article) for k, f in enumerate(figures) if k in same_quantity}
        mixed = any(
            ctx.group(f.sentence.article) == g and not _compatible(f, figures[side_a[0]])
            for g in groups_a
            for f in figures
            if f.unit & a.unit and f.percent == a.percent
        )
        if not side_a or not side_b or groups_a & groups_b or mixed or not both:
            continue  # one source gives both figures: a change over time, not a disagreement
        used.update(side_a + side_b)
        sides = []
        for side in (side_a, side_b):
            sources = sort_sources(ctx, (source(figures[k].sentence) for k in side))
            head = figures[side[0]]
            sides.append(Side(head.sentence.text, sources, value=head.phrase))
        disputes.append(Dispute(about=a.unit_text, kind="number", sides=tuple(sides)))
    return disputes


# -- dates ---------------------------------------------------------------------------------------
SAME_EVENT_DATES = 0.45


def date_disputes(ctx: TopicContext) -> list[Dispute]:
    """Different days for one event; and an article dated well after the events it reports."""
    from .timeline import dated_sentences

    dated, anchors = dated_sentences(ctx)
    days = [d for d in dated if d.precision == "day"]
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
        own = [d for d in dated if d.sentence.article == article_id and d.iso == anchor.isoformat()]
        others = [
            d
            for d in days
            if d.iso == anchor.isoformat() and ctx.group(d.sentence.article) != ctx.group(article_id)
        ]
        if not own or not others:
            continue
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


def _short(text: str, words: int = 10) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def extract(ctx: TopicContext) -> tuple[Dispute, ...]:
    return tuple(claim_disputes(ctx) + number_disputes(ctx) + date_disputes(ctx) + name_disputes(ctx))
