"""Framing: loaded words one outlet uses that the other outlets avoid for the same thing.

A small lexicon of loaded or belittling words ("supposed", "so-called", "regime", "propaganda",
"draconian"...) is looked for outside quotation marks (a quote is the speaker's framing, not the
outlet's). A use counts as framing only when no other independent source uses that word anywhere
in the topic and at least one other source reports the same thing (the word the loaded term
qualifies, e.g. "assertiveness", appears in another source). Those other sentences are shown next
to it, so a reader sees "supposed Chinese assertiveness" against "growing Chinese assertiveness".
"""

from __future__ import annotations

import re

from ..models import Framing, Sentence
from ..text import STOP_WORDS
from . import TopicContext, sort_sources, source
from .people import words_of

LOADED = words_of(
    """
    supposed supposedly so-called purported purportedly self-styled self-proclaimed regime
    propaganda puppet thug thugs radical radicals extremist extremists draconian reckless notorious
    infamous hysteria hysterical fearmongering scaremongering warmongering warmonger warmongers
    slaughter massacre rogue despot despotic tyrant tyrannical junta dictator illegals mouthpiece
    cronies lackey lackeys apologist apologists sham hoax bogus disgraced embattled
   
    """
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
MAX_OTHERS = 3
ANY_LOADED = re.compile(r"\b(?:" + "|".join(sorted(LOADED, key=len, reverse=True)) + r")\b", re.I)
ADVERBS = frozenset({"then", "now", "also", "still", "even", "just", "once", "again", "already"})
# Loaded words that name something plainly before these words: a government's "propaganda
# department" is its name, "regime change" a policy's.
NEUTRAL_HEADS = {
    "propaganda": frozenset(
        {"office", "department", "ministry", "bureau", "minister", "chief", "official", "officials"}
    ),
    "regime": frozenset({"change"}),
}


def _unquoted_words(sentence: Sentence) -> list[re.Match[str]]:
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(sentence.text)]
    return [m for m in WORD.finditer(sentence.text) if not any(s <= m.start() < e for s, e in quoted)]


def _head(sentence: Sentence, after: int) -> tuple[str, int]:
    """The word a loaded word qualifies: the next lower-case word, past capitalised modifiers
    ("supposed Chinese assertiveness"); '' when that is a function word or an adverb."""
    for m in WORD.finditer(sentence.text, after):
        if m.group()[:1].isupper():
            continue
        word = m.group().lower()
        if word in STOP_WORDS or word in ADVERBS or word.endswith("ly") or len(word) < 4:
            return "", after
        return word, m.end()
    return "", after


def extract(ctx: TopicContext) -> tuple[Framing, ...]:
    used_by: dict[str, set[str]] = {}
    uses: list[tuple[str, Sentence, int]] = []
    for sentence in ctx.all_sentences:
        if not ANY_LOADED.search(sentence.text):
            continue
        group = ctx.group(sentence.article)
        for m in _unquoted_words(sentence):
            word = m.group().lower()
            if word in LOADED:
                used_by.setdefault(word, set()).add(group)
                uses.append((word, sentence, m.start()))
    # The whole topic's words, quoted or not, by independent source: an outlet quoting the word
    # elsewhere does not avoid it.
    words_by_group: dict[str, set[str]] = {}
    for article in ctx.articles:
        words_by_group.setdefault(ctx.group(article.id), set()).update(
            w.lower() for w in WORD.findall(article.text)
        )
    out: list[Framing] = []
    seen: set[tuple[str, str]] = set()
    for word, sentence, start in uses:
        group = ctx.group(sentence.article)
        if any(word in words for g, words in words_by_group.items() if g != group):
            continue
        head, end = _head(sentence, start + len(word))
        if not head or (word, head) in seen or head in NEUTRAL_HEADS.get(word, ()):
            continue
        row = ctx.row_at(sentence.article, sentence.start)
        candidates = [
            other
            for other in ctx.all_sentences
            if ctx.group(other.article) != group and head in (w.lower() for w in WORD.findall(other.text))
        ]
        if candidates:
            rows = [ctx.row_at(c.article, c.start) for c in candidates]
            sims = ctx.similarities(rows, [row]).ravel()
            order = sorted(range(len(candidates)), key=lambda i: -sims[i])
            best: dict[str, Sentence] = {}
            for i in order:
                best.setdefault(ctx.group(candidates[i].article), candidates[i])
            others = [source(c) for c in list(best.values())[:MAX_OTHERS]]
        else:
            others = []
        if not others:
            continue
        seen.add((word, head))
        phrase = sentence.text[start:end]
        out.append(
            Framing(
                term=word,
                phrase=phrase,
                sources=(source(sentence),),
                others=sort_sources(ctx, others)[:MAX_OTHERS],
            )
        )
    return tuple(out)
