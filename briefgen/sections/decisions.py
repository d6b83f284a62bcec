"""Key decisions: what was agreed, announced, decided, launched, approved or ordered."""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Item
from . import TopicContext
from .cluster import merge
from .context import is_background

DECISION = re.compile(
    r"\b(agreed|agree to|agreement to|announced|announces|decided|launched|approved|ordered|signed|"
    r"started|will (?:upgrade|accelerate|speed up|strengthen|expand|deploy|increase|reduce))\b",
    re.I,
)
QUOTED = re.compile(r"^[\"“]")
MIN_WORDS = 8
LIMIT = 8


def is_decision(text: str) -> bool:
    return bool(DECISION.search(text)) and not QUOTED.match(text) and not text.rstrip().endswith("?")


SUBJECT = re.compile(
    r"(?:^|[,;]\s+)(?P<subject>(?:[Tt]he|[Bb]oth)\s+(?:two\s+)?(?:sides|ministers|leaders|countries|nations|"
    r"governments|parties|allies)|[A-Z][\w.'’-]*(?:\s+(?:and|[A-Z][\w.'’-]*)){0,4})\s+(?:\w+ly\s+)?$"
)


def actor(ctx: TopicContext, article_id: str, start: int, text: str) -> str:
    """Who made the decision: the people named as subjects before the decision verb, else the
    subject phrase right before it ("The two sides", "Japan and the U.S."); '' when unclear."""
    m = DECISION.search(text)
    if m is None:
        return ""
    people = ctx.people.get(article_id)
    if people is not None:
        names = list(
            dict.fromkeys(
                mention.person
                for mention in people.mentions
                if start <= mention.start < start + m.start() and mention.subject
            )
        )
        if names:
            return " and ".join(names)
    subject = SUBJECT.search(text[: m.start()])
    return " ".join(subject.group("subject").split()) if subject else ""


def extract(ctx: TopicContext) -> tuple[Item, ...]:
    found = [
        s
        for s in ctx.all_sentences
        if len(s.text.split()) >= MIN_WORDS and is_decision(s.text) and not is_background(s.text)
    ]
    items = []
    for item in merge(ctx, found, LIMIT):
        shown = next((s for s in item.sources if s.sentence == item.text), item.sources[0])
        by = actor(ctx, shown.article, shown.start, item.text)
        if not by:
            # Another source of the same decision may name who made it.
            by = next((a for s in item.sources if (a := actor(ctx, s.article, s.start, s.sentence))), "")
        items.append(replace(item, actor=by))
    return tuple(items)
