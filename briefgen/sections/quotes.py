"""Quotes: direct quotations with their speaker and cue, merged across sources.

Quotation marks are paired per paragraph (curly marks by shape, straight ones by the characters
around them); a quotation left open at the end of a paragraph continues in the next paragraph that
opens one. Each quotation is attributed from the words around it: after it (", Hegseth said",
", said Michelle McCaskill, a spokeswoman", " he told Nakatani", ", according to Smith"), before it
("He added, ", "Nakatani described the dialogue as "), or, for the next sentence of the same
speaker ('"A," he said. "B."'), from the quotation it continues. The speaker phrase must be a name,
a pronoun or a description: "he"/"she" and "the Pentagon chief" resolve to a person the article
names; a name inside a prepositional phrase ("a worker at ... Rothschild Boulevard") is not the
speaker. Quotes whose speaker cannot be resolved are left out: a wrong speaker is worse than none.

One quote printed by several articles becomes one item (wording variants kept); a quote repeated as
reported speech without marks (seed 002) joins its item too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..models import Quote, Sentence, Source
from ..reading.split import normalize, words
from . import TopicContext, sort_sources
from .people import (
    NAME,
    NOT_NAMES,
    PREPOSITIONS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    People,
    looks_like_org,
    looks_like_person,
    places,
    strip_titles,
)

VERB = rf"(?P<verb>{SPEECH_VERBS})"
OBJECT = (
    rf"(?:\s+(?P<object>(?:(?:[A-Z][\w.'’-]*|of)\s+){{0,5}}{NAME}|[A-Z][a-z]+"
    r"|reporters|journalists|lawmakers|parliament|Congress|(?:the|a) (?:press|crowd|audience|conference|"
    r"meeting|committee|court|jury|hearing|newspaper|station|agency)))?"
)
STATEMENT = (
    r"(?:(?:a|an|the)\s+(?:\w+\s+)?(?:statement|report|email|post|letter|release|memo)\s+(?:from|by)\s+)?"
)
PHRASE = r"(?P<speaker>[^,.;:!?“”\"()—]{1,90}?)"
APPOS = r"(?:,\s*(?P<appos>[^,;:“”\"]{2,90}?),)?"
# Attribution right after the closing mark.
AFTER = (
    re.compile(rf"^[\s,—-]*{PHRASE}{APPOS},?\s+(?:\w+ly\s+)?{VERB}\b{OBJECT}"),
    re.compile(
        rf"^[\s,—-]*{VERB}\s+(?P<speaker>[^,.;:!?“”\"()]{{1,90}}?)(?=[,.;:!?]|\s+(?:in|on|at|during|with|who|whose|after|before)\s|\s+(?:of|from|for)\s+(?:the\s|[a-z])|$)"
    ),
    re.compile(
        rf"^[\s,—-]*according to {STATEMENT}(?P<speaker>[^,.;:!?“”\"()]{{1,90}}?)(?=[,.;:!?]|$)(?P<verb>)"
    ),
)
# Attribution before the opening mark: 'He added, ', 'Nakatani described the dialogue as '.
CLAUSE = "and|but|then|when|as|what|that|while|whereas|although|after|because|so"
BOUNDARY = re.compile(rf"^|[,;:(—]\s*|\b(?:{CLAUSE})\s+")
BEFORE = re.compile(
    rf"{PHRASE}{APPOS},?\s+(?:\w+ly\s+)?{VERB}\b{OBJECT}(?P<gap>(?:\s+[\w’'-]+){{0,6}}?)[\s,:]*$"
)
ACCORDING = re.compile(
    rf"(?:^|[,;]\s*)[Aa]ccording to {STATEMENT}(?P<speaker>[^,.;:!?“”\"()]{{1,90}}?),\s*$(?P<verb>)"
)
CLAUSE_WORDS = frozenset(
    ("and", "but", "then", "when", "as", "what", "that", "while", "whereas", "although", "after")
    + ("because", "so", "later", "also", "meanwhile")
)
MIN_QUOTE_WORDS = 2
FULL_QUOTE_WORDS = 5
MIN_STANDALONE_WORDS = 3  # a partial quote shorter than this only counts as a variant of a longer one
MAX_GAP_WORDS = 4
MATCH_RATIO = 88
OPENERS = "“"
CLOSERS = "”"


@dataclass(frozen=True)
class Span:
    start: int  # of the opening mark
    end: int  # after the closing mark (or the paragraph's end when left open)
    inner_start: int
    inner_end: int
    closed: bool
    paragraph: int


@dataclass
class Found:
    text: str
    speaker: str
    cue: str
    source: Source
    full: bool


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _opens_straight(text: str, i: int) -> bool:
    """Whether a straight mark opens a quotation when none is open: text follows it."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isspace() and after not in ",.;:!?)"


def _reopens_straight(text: str, i: int) -> bool:
    """Whether a straight mark, while one is open, rather opens a new one (space before, text after)."""
    before = text[i - 1] if i > 0 else " "
    return before.isspace() and _opens_straight(text, i)


def quote_spans(text: str) -> list[Span]:
    """Quotations of `text`, paired per paragraph; an open one runs to the end of its paragraph."""
    spans: list[Span] = []
    for p, (pstart, pend) in enumerate(_paragraphs(text)):
        opened: tuple[int, str] | None = None
        for i in range(pstart, pend):
            c = text[i]
            if c not in '“”"':
                continue
            if opened is None:
                if c == "“" or (c == '"' and _opens_straight(text, i)):
                    opened = (i, c)
                continue
            start, kind = opened
            closes = c == "”" if kind == "“" else c == '"' and not _reopens_straight(text, i)
            if closes:
                spans.append(Span(start, i + 1, start + 1, i, True, p))
                opened = None
            elif c == kind:
                # Two opening marks in a row: the first was never closed; start again here.
                opened = (i, c)
        if opened is not None:
            spans.append(Span(opened[0], pend, opened[0] + 1, pend, False, p))
    return spans


def _sentences_covering(sentences: tuple[Sentence, ...], start: int, end: int) -> list[Sentence]:
    return [s for s in sentences if s.end > start and s.start < end]


def speaker_of(phrase: str, appos: str, people: People, position: int, after_verb: bool = False) -> str:
    """The name a speaker phrase stands for ('' when it is not a resolvable person or organisation)."""
    found = _speaker_of(phrase, people, position, after_verb)
    if not found and after_verb:
        # "said geneticist Svante Pääbo of Germany's Max Planck Institute": the name before "of".
        head = re.split(r"\s+(?:of|from|for|at)\s+", phrase, maxsplit=1)[0]
        if head != phrase:
            found = _speaker_of(head, people, position, after_verb)
    return found


def _speaker_of(phrase: str, people: People, position: int, after_verb: bool) -> str:
    phrase = " ".join(phrase.split())
    if not phrase:
        return ""
    tokens = phrase.split()
    while tokens and tokens[0].lower() in CLAUSE_WORDS:
        tokens.pop(0)
    phrase = " ".join(tokens)
    if phrase.lower() in ("he", "she"):
        return people.antecedent(position, phrase)
    if not tokens:
        return ""
    # The trailing run of capitalised words (with "of", particles and initials inside).
    i = len(tokens)
    while i > 0 and (
        tokens[i - 1][:1].isupper()
        or (tokens[i - 1] in ("of", "de", "van", "von", "bin") and i < len(tokens))
    ):
        i -= 1
    prefix, run = tokens[:i], tokens[i:]
    while run and run[0] in ("of", "de", "van", "von", "bin"):
        prefix.append(run.pop(0))
    lowered_prefix = [t.lower() for t in prefix]
    if any(t in PREPOSITIONS or t.endswith(("'s", "’s")) for t in lowered_prefix):
        # "a worker at a polling station in Tel Aviv's Rothschild Boulevard": the name is not the head.
        head = " ".join(
            prefix[
                : next(
                    k for k, t in enumerate(lowered_prefix) if t in PREPOSITIONS or t.endswith(("'s", "’s"))
                )
            ]
        )
        return people.describe(head) if head else ""
    if not run or (len(run) == 1 and lowered_prefix and lowered_prefix[-1] in ("the", "a", "an")):
        # A description: "the Pentagon chief", "the spokeswoman", "the Republican".
        return people.describe(phrase)
    described = after_verb and len(prefix) <= 3 and len(run) >= 2  # "said venture capitalist Owen Fletcher"
    if (
        prefix
        and not described
        and prefix[0].lower() not in ("the", "a", "an", "his", "her", "their", "its", "our", "my")
        and not (
            set(lowered_prefix)
            & (ROLE_NOUNS | {"longtime", "former", "senior", "local", "fellow", "then", "top"})
        )
    ):
        return ""  # lower-case words that are no description: not a speaker phrase
    name = " ".join(run)
    # Strip leading titles: "Defense Minister Gen Nakatani" -> resolves through the registry.
    resolved = people.resolve(name)
    if resolved:
        return resolved
    name = strip_titles(name)
    stripped = name.split()
    if not name:
        return people.describe(phrase)
    if len(stripped) >= 2 and looks_like_person(name):
        return name
    if len(stripped) == 1:
        word = stripped[0]
        if word in places() or word.lower() in NOT_NAMES or word.isupper():
            return word if looks_like_org(word) and not prefix else ""
        if looks_like_org(name):
            return name
        if not (word[1:].islower() and people.is_proper(word, described=bool(prefix))):
            return ""
        return people.full_name(word) or word
    if looks_like_org(name) and not prefix:
        return name
    return ""


def _cue(verb: str, obj: str, people: People) -> str:
    if verb in ("told", "tells") and obj:
        return f"{verb} {people.resolve(obj) or obj}".strip()
    return verb or "according to"


def _attribute(
    text: str, span: Span, n_words: int, first: Sentence, para_end: int, people: People
) -> tuple[str, str, int]:
    """(speaker, cue, end of the attribution) from the words after or before a quotation."""
    inner = text[span.inner_start : span.inner_end].rstrip()
    # A quotation ending with a full stop ends its sentence: what follows is no attribution.
    if span.closed and not inner.endswith("."):
        after = text[span.end : min(para_end, span.end + 240)]
        after = re.split(r"[“\"]", after, maxsplit=1)[0]
        for n, pattern in enumerate(AFTER):
            m = pattern.match(after)
            if (
                m
                and inner.endswith(("?", "!"))
                and m.group("speaker").split()[:1] in (["He"], ["She"], ["The"])
            ):
                continue  # a new sentence after a question or exclamation
            if m:
                speaker = speaker_of(m.group("speaker"), "", people, span.start, after_verb=n == 1)
                if speaker:
                    cue = _cue(m.group("verb"), m.groupdict().get("object") or "", people)
                    return speaker, cue, span.end + m.end()
    before = text[first.start : span.start]
    before = re.split(r"[”\"]", before)[-1]
    # The shortest clause before the mark that reads "<speaker> <verb> ...": try the nearest first.
    starts = sorted({b.end() for b in BOUNDARY.finditer(before)}, reverse=True)
    candidates = [BEFORE.match(before, pos) for pos in starts] + [ACCORDING.search(before)]
    for m in candidates:
        if m is None:
            continue
        if n_words < FULL_QUOTE_WORDS and len((m.groupdict().get("gap") or "").split()) > MAX_GAP_WORDS:
            continue
        speaker = speaker_of(m.group("speaker"), "", people, span.start)
        if speaker:
            return speaker, _cue(m.group("verb"), m.groupdict().get("object") or "", people), span.end
    return "", "", span.end


def find_quotes(ctx: TopicContext) -> list[Found]:
    found: list[Found] = []
    for article in ctx.articles:
        text = article.text
        sentences = ctx.sentences.get(article.id, ())
        people = ctx.people[article.id]
        paragraphs = _paragraphs(text)
        rows: list[tuple[Span, str, int, list[Sentence], str, str]] = []
        for span in quote_spans(text):
            quote = text[span.inner_start : span.inner_end].strip().rstrip(",").strip()
            n_words = len(words(quote))
            covering = _sentences_covering(sentences, span.start, span.end)
            if n_words < MIN_QUOTE_WORDS or not covering:
                continue
            speaker, cue, attribution_end = _attribute(
                text, span, n_words, covering[0], paragraphs[span.paragraph][1], people
            )
            if attribution_end > covering[-1].end:
                covering = _sentences_covering(sentences, span.start, attribution_end)
            rows.append((span, quote, n_words, covering, speaker, cue))
        # Continuations: forward ('"A," he said. "B."'), then back (a quotation left open at the end
        # of a paragraph, attributed in the next one).
        for i in range(1, len(rows)):
            span, quote, n_words, covering, speaker, cue = rows[i]
            prev = rows[i - 1]
            if not speaker and prev[4]:
                speaker, cue = _continued(text, (prev[0], prev[4], prev[5]), span)
                rows[i] = (span, quote, n_words, covering, speaker, cue)
        for i in range(len(rows) - 2, -1, -1):
            span, quote, n_words, covering, speaker, cue = rows[i]
            nxt = rows[i + 1]
            if (
                not speaker
                and not span.closed
                and nxt[4]
                and nxt[0].paragraph == span.paragraph + 1
                and nxt[0].start == paragraphs[nxt[0].paragraph][0]
            ):
                rows[i] = (span, quote, n_words, covering, nxt[4], nxt[5])
        for _, quote, n_words, covering, speaker, cue in rows:
            if not speaker:
                continue
            first, last = covering[0], covering[-1]
            src = Source(article.id, text[first.start : last.end], first.start, last.end)
            found.append(Found(quote, speaker, cue, src, n_words >= FULL_QUOTE_WORDS))
    return found


def _continued(text: str, previous: tuple[Span, str, str], span: Span) -> tuple[str, str]:
    """The speaker of a quotation that continues the previous one: '"A," he said. "B."' in one
    paragraph, or a quotation left open at a paragraph's end and reopened by the next paragraph."""
    prev, speaker, cue = previous
    if (
        not prev.closed
        and span.paragraph == prev.paragraph + 1
        and text[span.start - 1 : span.start] in ("\n", "")
    ):
        return speaker, cue
    if span.paragraph != prev.paragraph:
        return "", ""
    between = text[prev.end : span.start]
    if (
        len(between.split()) <= 8
        and re.search(rf"\b(?:{SPEECH_VERBS})\b", between)
        and between.rstrip().endswith((".", ":", ","))
    ):
        return speaker, cue
    return "", ""


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
    for sentence, words_of_sentence in zip(ctx.all_sentences, ctx.sentence_keys, strict=True):
        if key not in words_of_sentence:
            continue
        if any(a == sentence.article and sentence.start <= p < sentence.end for a, p in known):
            continue
        out.append(Source(sentence.article, sentence.text, sentence.start, sentence.end))
    return out


def extract(ctx: TopicContext) -> tuple[Quote, ...]:
    found = find_quotes(ctx)
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
