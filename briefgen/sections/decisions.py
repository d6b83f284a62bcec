"""Key decisions: what was agreed, announced, decided, launched, approved or ordered."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from ..models import Item, Sentence
from ..rows import cross_similarities
from ..summarize.consensus import SentenceSpace, aside
from ..text import content_stems
from . import TopicContext, sort_sources, source
from .cluster import SAME_FACT
from .context import is_background

DECISION = re.compile(
    r"\b(agreed|agrees? to|agreement to|announced|announces|decided|decides to|launched|launches|"
    r"approved|approves|ordered|signed|started|ratified|ratifies|vetoed|vetoes|"
    r"voted (?:\d+-\d+ )?(?:on \w+ )?(?:to|for|against|in favou?r)|"
    r"(?:passed|passes|adopted|adopts|enacted|rejected|rejects) (?:a|an|the|its|their) (?:[\w-]+ ){0,3}"
    r"(?:law|bill|resolution|budget|measure|amendment|motion|treaty|proposal|plan)s?|"
    r"ruled (?:that|against|in favou?r)|sentenced (?:\w+ ){1,4}to|"
    r"will (?:upgrade|accelerate|speed up|strengthen|expand|deploy|increase|reduce))\b",
    re.I,
)
"""Verbs of a decision taken (agreed, approved, voted to, passed or rejected a bill, ruled that,
sentenced ... to) or announced as certain ("will expand"). Verbs whose forms are also nouns or
adjectives ("signs of", "self-imposed", "newly appointed") are left out."""
QUOTED = re.compile(r"^[\"“]")
# "The steps the minister announced reflect ...": a sentence about decisions made elsewhere, whose
# decision verb sits in a clause describing its subject; not a decision itself.
REFERENCE = re.compile(
    r"^(?:The|These|Those|Such)\s+(?:[\w-]+\s+){0,3}(?:steps|measures|plans|decisions|changes|moves|"
    r"reforms|initiatives|policies|agreements|deals)\s+(?:(?:that|which)\s+)?(?:[\w.'’-]+\s+){1,6}?"
    r"(?:agreed|announced|decided|launched|approved|ordered|signed)\b"
)
MIN_WORDS = 8
LIMIT = 8
# Two decision clauses are the same decision when the rarer of them shares this much of its
# content (IDF-weighted stems, IDF over the topic's decision sentences) with the other.
SAME_DECISION = 0.5
MIN_CLAUSE_STEMS = 3


CONDITION = re.compile(
    r"\b(?:(?:if|unless|whether|once|when|while|before|after|until|since|because|although|though|"
    r"who|whom|which)\s+(?:[\w.'’-]+\s+){0,6}|as\s+(?:(?!(?:and|but)\s)[\w.'’-]+\s+){0,6})$",
    re.I,
)
"""A condition or a subordinate or relative clause opened just before a decision verb, within the same
stretch of words ("if Congress agrees to", "when he started as", "Vale, who voted for it, now ..."):
no decision taken, or not what the sentence reports. "as" opens no clause across "and": "served as
mayor and signed the bill" reports the signing."""
AUXILIARY = re.compile(r"\b(?:was|were|is|are|been|has|have|had)\s+(?:\w+ly\s+)?$", re.I)
NOT_FINITE_BEFORE = re.compile(
    r"\b(?:(?:be|get|gets|got|getting)\s+(?:[\w$.,-]+\s+){0,3}|(?:a|an|the|with|of|for|newly|recently)\s+)$",
    re.I,
)
"""A decision verb's form used as an adjective or a passive still to come: "will be approved", "to get a
permit approved", "a signed photo", "the newly signed deal" (the sentence reports no decision taken)."""
NEEDS_OBJECT = re.compile(r"started|launched", re.I)
OBJECT = re.compile(
    r"\s+(?:(?:a|an|the|its|their|his|her|our|new)\s|[“\"‘]|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b)[A-Z])"
)
""""started" and "launched" report a decision only with what was started or launched ("launched an
inquiry", "started “phase one”", "started Open Harbour"), not "started with", "it started when",
"started lining up", "started Monday"."""
PERFECT = re.compile(r"(?<!would )(?<!could )(?<!might )\b(?:has|have)\s+(?:\w+ly\s+)?$", re.I)
"""A program or phase "has started" is a step taken; a plain "started" is mostly how an argument, a
fire or a school year began ("what started the argument", "would have started the fifth grade")."""
NO_OBJECT = re.compile(r"\s*(?:[,.;:!?—–)]|of\b|by\b|up\b|for\b|with\b)", re.I)
"""A verb without an object ("critics approved —", "most agreed."), "approved of" (liked), or a
participle followed by its agent without an auxiliary ("the sum approved by Congress"), which names a
past decision inside another statement; "signed up for", "signed for a parcel" and "agreed with" are
no decisions."""
NEGATED = re.compile(r"(?:\bnot|\bnever|n[’']t)\s+(?:\w+\s+)?$", re.I)
"""A decision denied ("has never agreed to", "did not approve")."""


PRIVATE_SUBJECT = re.compile(
    r"(?:^|[,;:—(]\s*|\b(?:and|but|then|so|said|says|that)\s+)(?:(?:his|her|their|my|our|the|a|an|one|two|three|several|"
    r"\w+’s|\w+'s)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:daughter|son|mother|father|mom|dad|wife|husband|girlfriend|boyfriend|brother|sister|cousin|"
    r"grandmother|grandfather|friend|friends|kids|children|boy|girl|teen|teenager|teens|classmates|"
    r"gunman|shooter|robber|robbers|most|many|others)"
    r"\s+(?:(?:also|then|later|soon|eventually|finally|\w+ly|has|have|had)\s+)*$",
    re.I,
)
"""A subject that makes a private choice, not a key decision: a relative, a child, a friend, a gunman
("her daughter agreed", "the gunman ordered a hostage to ...", "most agreed to ..."). Named people,
officials, institutions and pronouns (which may stand for an official) are kept."""


def taken(text: str, m: re.Match[str]) -> bool:
    """Whether the decision verb matched by `m` reports a decision the sentence states as taken."""
    verb = m.group()
    before = text[: m.start()]
    if before.endswith("-") or CONDITION.search(before) or NEGATED.search(before):  # "-": "city-approved"
        return False
    if PRIVATE_SUBJECT.search(before):
        return False
    if NEEDS_OBJECT.fullmatch(verb):
        if verb.lower() == "started" and not PERFECT.search(before):
            return False
        return bool(OBJECT.match(text, m.end()))
    if verb.lower().startswith("will "):  # "will increase troop levels", not "ranks will increase by 5%"
        return not NO_OBJECT.match(text, m.end())
    if " " in verb:  # "agreed to", "voted to", "passed the bill", "sentenced ... to": the phrase says it
        return True
    if NO_OBJECT.match(text, m.end()):
        by_agent = text[m.end() :].lstrip().lower().startswith("by")
        return by_agent and bool(AUXILIARY.search(before))  # "was approved by the council"
    return not NOT_FINITE_BEFORE.search(before) or bool(AUXILIARY.search(before))


def is_decision(text: str) -> bool:
    return (
        any(taken(text, m) for m in DECISION.finditer(text))
        and not QUOTED.match(text)
        and not REFERENCE.match(text)
        and not text.rstrip().endswith("?")
    )


SUBJECT = re.compile(
    r"(?:^|[,;]\s+)(?P<subject>(?:[Tt]he|[Bb]oth)\s+(?:two\s+)?(?:sides|ministers|leaders|countries|nations|"
    r"governments|parties|allies)|[A-Z][\w.'’-]*(?:\s+(?:and|[A-Z][\w.'’-]*)){0,4})\s+(?:(?:\w+ly|also)\s+)?$"
)


OPENERS = frozenset(
    [
        "But",
        "And",
        "Yet",
        "So",
        "Then",
        "Now",
        "Also",
        "Still",
        "Later",
        "Earlier",
        "Meanwhile",
        "Yesterday",
        "Today",
        "Instead",
        "Thus",
    ]
)
NO_ACTOR = frozenset(
    ["It", "He", "She", "They", "We", "I", "You", "This", "That", "These", "Those", "There", "Who"]
    + ["A", "An", "The", "Its", "His", "Her", "Their", "Our", "Some", "Any", "Each", "Every"]
)
"""A subject that names no one: the label would read "**It:** It passed a law" (or "**An:** An agreement
was signed", the decision's own noun after the article)."""


def actor(ctx: TopicContext, article_id: str, start: int, text: str) -> str:
    """Who made the decision: the people named as subjects before the decision verb, else the
    subject phrase right before it ("The two sides", "Japan and the U.S."); '' when unclear."""
    m = next((m for m in DECISION.finditer(text) if taken(text, m)), None)
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
    words = subject.group("subject").split() if subject else []
    while words and words[0] in OPENERS:  # "But Merck agreed" is Merck's decision
        words.pop(0)
    return "" if not words or (len(words) == 1 and words[0] in NO_ACTOR) else " ".join(words)


def clauses(text: str) -> list[set[str]]:
    """The content stems of each decision in `text`: from a decision verb to the next one (or the
    end), the verb itself left out; clauses too short to tell a decision apart are dropped."""
    found = list(DECISION.finditer(text))
    out = []
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        stems = set(content_stems(text[m.end() : end]))
        if len(stems) >= MIN_CLAUSE_STEMS:
            out.append(stems)
    return out


def merge(ctx: TopicContext, sentences: Sequence[Sentence], limit: int) -> tuple[Item, ...]:
    """One item per decision, however each outlet worded it.

    Each sentence is split into its decision clauses. Two clauses are the same decision when the
    IDF-weighted share of the smaller one's stems found in the other reaches SAME_DECISION, or
    (for sentences with one decision each) when the whole sentences are the same fact (TF-IDF
    cosine, as for the other sections). Same-decision links are followed transitively. A sentence
    reporting two decisions cites both items; each item shows a sentence about its decision only
    when it has one, the most central of those.
    """
    if not sentences:
        return ()
    per_sentence = [clauses(s.text) for s in sentences]
    owner = [i for i, cs in enumerate(per_sentence) for _ in cs]
    units = [c for cs in per_sentence for c in cs]
    if not units:
        return ()
    df: dict[str, int] = {}
    for cs in per_sentence:
        for stem in set().union(*cs):
            df[stem] = df.get(stem, 0) + 1
    vocab = {stem: k for k, stem in enumerate(sorted(df))}
    n = len(sentences)
    weights = np.array([math.log((n + 1) / (df[stem] + 1)) + 1 for stem in sorted(df)])
    present = np.zeros((len(units), len(vocab)))
    for u, stems in enumerate(units):
        present[u, [vocab[stem] for stem in stems]] = 1.0
    weighted = present * weights
    shared = weighted @ present.T
    size = weighted.sum(axis=1)
    overlap = shared / np.minimum.outer(size, size)
    space = SentenceSpace(sentences, ctx.groups)
    cosine = cross_similarities(space.rows, space.rows)
    single = np.array([len(per_sentence[i]) == 1 for i in owner])
    owners = np.array(owner)
    same = (overlap >= SAME_DECISION) | (
        np.outer(single, single) & (cosine[np.ix_(owners, owners)] >= SAME_FACT)
    )
    parent = list(range(len(units)))

    def root(u: int) -> int:
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    for u, v in zip(*np.nonzero(np.triu(same, 1)), strict=True):
        parent[max(root(int(u)), root(int(v)))] = min(root(int(u)), root(int(v)))
    clusters: dict[int, list[int]] = {}
    for u in range(len(units)):
        members = clusters.setdefault(root(u), [])
        if owner[u] not in members:
            members.append(owner[u])
    items = []
    for members in clusters.values():
        focused = [m for m in members if len(per_sentence[m]) == 1] or members
        central = max(focused, key=lambda m: (float(np.sum(cosine[m, members])), -members.index(m)))
        sources = sort_sources(ctx, (source(sentences[m]) for m in members))
        items.append((Item(sentences[central].text, sources, ctx.support(sources)), min(members)))
    items.sort(key=lambda pair: (-pair[0].support, pair[1]))
    # Decisions that only one sentence reports would each show it: one item shows it once, citing all.
    shown: dict[str, int] = {}
    out: list[Item] = []
    for item, _ in items:
        if item.text not in shown:
            shown[item.text] = len(out)
            out.append(item)
            continue
        first = out[shown[item.text]]
        sources = sort_sources(ctx, dict.fromkeys((*first.sources, *item.sources)))
        out[shown[item.text]] = Item(first.text, sources, ctx.support(sources))
    return tuple(out[:limit])


def extract(ctx: TopicContext) -> tuple[Item, ...]:
    found = [
        s
        for s in ctx.all_sentences
        if len(s.text.split()) >= MIN_WORDS
        and is_decision(s.text)
        and not is_background(s.text)
        and not aside(s.text.strip())
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
