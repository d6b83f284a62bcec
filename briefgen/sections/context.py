"""Context: background rather than news - earlier events, standing facts and figures."""

from __future__ import annotations

import re

from ..models import Item
from ..summarize.consensus import stands_alone
from . import TopicContext
from .cluster import merge

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
BACKGROUND = tuple(
    re.compile(p, re.I)
    for p in (
        rf"\b(?:in|since|by|last|early|late|earlier)\s+(?:{MONTH}|\d{{4}})\b",
        r"\b(?:last|earlier this|previous)\s+(?:week|month|year|decade)\b|^Recently\b",
        r"\b(?:is|are) home to\b|\bhosts? (?:more|some|about|over)\b|\bhas long\b|\bfor decades\b",
        r"\banniversary\b|\bpreviously\b|\bhistor(?:y|ic|ical)\b|\bunder the \w+ administration\b",
        r"\b(?:claims?|considers?) \w+ (?:as )?(?:its|their) own\b|\bobligated\b|\bbound by\b",
        r"\b(?:more than|over|about|some|nearly) [\d,]{3,}\b",
        r"\bin (?:19|20)\d{2}\b|\ba (?:19|20)\d{2} law\b",
    )
)
QUOTED = re.compile(r"^[\"“]")
MIN_WORDS = 7
LIMIT = 6


def background_score(text: str) -> int:
    return sum(1 for pattern in BACKGROUND if pattern.search(text))


def is_background(text: str) -> bool:
    return any(pattern.search(text) for pattern in BACKGROUND)  # `background_score > 0`, first match ends it


def extract(ctx: TopicContext) -> tuple[Item, ...]:
    found = [
        s
        for s in ctx.all_sentences
        if len(s.text.split()) >= MIN_WORDS and is_background(s.text) and not QUOTED.match(s.text)
    ]
    # A sentence that leans on the one before ("But several firms said ...") supports its fact but is
    # not shown: the list is read item by item.
    return merge(ctx, found, LIMIT, shown=stands_alone)
