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
CLAUSE_BREAKS = {"but", "while", "although", "though", "however", "whereas", ";", "."}
GENERIC = {"signific", "chang", "respons", "expect", "would", "will", "level", "number", "support", "also"}
TOKEN = re.compile(r"[A-Za-z][A-Za-z.'’-]*|[;.]")
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


def extract(ctx: TopicContext) -> tuple[Dispute, ...]:
    return tuple(claim_disputes(ctx) + name_disputes(ctx))
