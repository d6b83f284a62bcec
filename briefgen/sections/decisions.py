"""Key decisions: what was agreed, announced, decided, launched, approved or ordered."""

from __future__ import annotations

import re

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


def extract(ctx: TopicContext) -> tuple[Item, ...]:
    found = [
        s
        for s in ctx.all_sentences
        if len(s.text.split()) >= MIN_WORDS and is_decision(s.text) and not is_background(s.text)
    ]
    return merge(ctx, found, LIMIT)
