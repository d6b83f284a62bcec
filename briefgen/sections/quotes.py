"""Quotes: direct quotations with their speaker and cue, merged across sources.

Finds text between quotation marks (curly or straight, also across sentences), attributes it from
the words around it ("..., Hegseth said", "He added, ..."), resolves surnames, pronouns and
descriptions to the person the articles name, and merges one quote across articles (wording
variants kept). A quote repeated as reported speech without marks (seed 002) joins its item too.
Quotes that cannot be attributed to a person are left out: a wrong speaker is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..models import Quote, Sentence, Source
from ..split import normalize, words
from . import TopicContext, sort_sources
from .people import NAME, SPEECH_VERBS, People

QUOTE_SPAN = re.compile(r"“(?P<curly>[^“”]{3,}?)”|\"(?P<straight>[^\"]{3,}?)\"")
SPEAKER = (
    r"(?P<speaker>[Hh]e|[Ss]he|(?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+"
    r"|[Tt]he(?:\s+[a-z]+){1,3})"
)
VERB = rf"(?P<verb>{SPEECH_VERBS})"
OBJECT = (
    rf"(?:\s+(?P<object>(?:(?:[A-Z][\w.'’-]*|of)\s+){{0,5}}{NAME}|[A-Z][a-z]+"
    r"|reporters|journalists|lawmakers|parliament|(?:the|a) (?:press|crowd|audience|conference|meeting)))?"
)
# Attribution right after the closing mark: ', Hegseth said', ', said Hegseth', ' he told Nakatani'.
AFTER = (
    re.compile(rf"^[\s,]*{SPEAKER}\s+(?:\w+ly\s+)?{VERB}{OBJECT}"),
    re.compile(rf"^[\s,]*{VERB}\s+{SPEAKER}(?P<object>)"),
)
# Attribution before the opening mark: 'He added, ', 'Nakatani described the dialogue as '.
BEFORE = re.compile(rf"{SPEAKER}\s+(?:\w+ly\s+)?{VERB}{OBJECT}(?P<gap>(?:\s+[\w’'-]+){{0,6}}?)[\s,:]*$")
MIN_QUOTE_WORDS = 2
FULL_QUOTE_WORDS = 5
MIN_STANDALONE_WORDS = 3  # a partial quote shorter than this only counts as a variant of a longer one
MATCH_RATIO = 88


@dataclass
class Found:
    text: str
    speaker: str
    cue: str
    source: Source
    full: bool


def _sentences_covering(sentences: tuple[Sentence, ...], start: int, end: int) -> list[Sentence]:
    return [s for s in sentences if s.end > start and s.start < end]


def find_quotes(ctx: TopicContext, people: dict[str, str]) -> list[Found]:
    found: list[Found] = []
    for article in ctx.articles:
        text = article.text
        sentences = ctx.sentences.get(article.id, ())
        local = People(text, known=people)
        for m in QUOTE_SPAN.finditer(text):
            inner = m.group("curly") if m.group("curly") is not None else m.group("straight")
            if "\n" in inner:
                continue
            quote = inner.strip().rstrip(",").strip()
            n_words = len(words(quote))
            if n_words < MIN_QUOTE_WORDS:
                continue
            covering = _sentences_covering(sentences, m.start(), m.end())
            if not covering:
                continue
            first, last = covering[0], covering[-1]
            after = text[m.end() : last.end]
            before = text[first.start : m.start()]
            attribution = AFTER[0].match(after) or AFTER[1].match(after)
            if attribution is None:
                attribution = BEFORE.search(before)
                if (
                    attribution
                    and n_words < FULL_QUOTE_WORDS
                    and len((attribution.group("gap") or "").split()) > 4
                ):
                    attribution = None
            if attribution is None:
                continue
            said_by = attribution.group("speaker")
            if said_by.lower() in ("he", "she"):
                speaker = local.last_before(first.start)
            else:
                speaker = local.resolve(said_by)
            if not speaker:
                continue
            verb = attribution.group("verb")
            obj = attribution.group("object") or ""
            cue = f"{verb} {local.resolve(obj) or obj}".strip() if verb == "told" and obj else verb
            src = Source(article.id, text[first.start : last.end], first.start, last.end)
            full = n_words >= FULL_QUOTE_WORDS
            found.append(Found(quote, speaker, cue, src, full))
    return found


def _key(text: str) -> str:
    return " ".join(words(text))


def _same(a: str, b: str) -> bool:
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    shorter, longer = sorted((ka, kb), key=len)
    if f" {shorter} " in f" {longer} ":
        return True
    return fuzz.ratio(ka, kb) >= MATCH_RATIO


def _unmarked_sources(ctx: TopicContext, quote: str, known: set[tuple[str, int]]) -> list[Source]:
    """Sentences that print a full quote's words without quotation marks (reported speech)."""
    key = _key(quote)
    if len(key.split()) < 6:
        return []
    out = []
    for sentence in ctx.all_sentences:
        if any(a == sentence.article and sentence.start <= p < sentence.end for a, p in known):
            continue
        if key in " ".join(words(sentence.text)):
            out.append(Source(sentence.article, sentence.text, sentence.start, sentence.end))
    return out


def extract(ctx: TopicContext) -> tuple[Quote, ...]:
    topic_people = People("\n\n".join(a.text for a in ctx.articles)).roles
    found = find_quotes(ctx, topic_people)
    # Full quotes first, so partial quotes join the full quote they come from.
    found.sort(key=lambda f: (not f.full, ctx.order.get(f.source.article, 0), f.source.start))
    items: list[list[Found]] = []
    for f in found:
        for item in items:
            head = item[0]
            if head.speaker == f.speaker and _same(head.text, f.text):
                item.append(f)
                break
        else:
            if f.full or len(words(f.text)) >= MIN_STANDALONE_WORDS:
                items.append([f])
    quotes = []
    for item in items:
        head = item[0]
        sources = [f.source for f in item]
        known = {(s.article, s.start) for s in sources}
        sources += _unmarked_sources(ctx, head.text, known)
        variants = []
        for f in item[1:]:
            if normalize(f.text) != normalize(head.text) and f.text not in variants:
                variants.append(f.text)
        ordered = sort_sources(ctx, sources)
        quotes.append(
            Quote(
                text=head.text,
                speaker=head.speaker,
                cue=head.cue,
                sources=ordered,
                variants=tuple(variants),
                support=ctx.support(ordered),
            )
        )
    first = {id(q): (ctx.order.get(q.sources[0].article, 0), q.sources[0].start) for q in quotes}
    quotes.sort(key=lambda q: (-q.support, first[id(q)]))
    return tuple(quotes)
