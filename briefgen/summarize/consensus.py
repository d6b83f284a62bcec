"""The consensus summarizer: multi-document, extractive, vectorised, linear in the input.

Budgeted concept coverage, after Gillick & Favre (2009, ICSISumm), solved greedily:

- *Concepts* are the stemmed word bigrams of each sentence (bigrams of two stop words do not count)
  and its content-word stems.
- A concept's *weight* grows with the number of independent sources that mention it (syndicated
  copies form one source), so what several outlets agree on wins over what one outlet alone says.
- Sentences are picked one at a time by the weight of the concepts they add that are not yet covered,
  per word (length^LENGTH_POWER), times a news-lead prior on the sentence's position in its article.
  Covered concepts stop counting: a fact told by five outlets is picked once, not five times.
- Filters keep out sentences unfit for a summary: too short or too long, questions, bare quotes,
  datelines, bylines, photo credits, fragments without an end mark.

Each chosen sentence reports its *support*: how many independent sources print a sentence close to
it (TF-IDF cosine), with the closest sentence of each other source. All of it is sparse matrix work
(`briefgen.rows`, plain numpy: importing scipy.sparse would cost more than summarizing): building the
features is linear in the number of words, each greedy step is one sparse product.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from ..models import Sentence
from ..reading.chars import ASCII_FOLD_PAIRS, FOLDED_SPACE, replace_chars
from ..rows import Rows, count_codes, count_rows, select_columns, tfidf_rows
from ..text import TopicTokens, content_stems


@dataclass(frozen=True)
class Settings:
    """The summarizer's knobs. Defaults were chosen on principle and checked on held-out halves."""

    min_words: int = 6
    max_words: int = 70
    unigram_weight: float = 0.5
    df_power: float = 2.0
    tf_power: float = 1.0
    length_power: float = 0.5
    concept_lead: float = 3.0
    lead_weight: float = 0.5
    lead_decay: float = 0.5
    support_similarity: float = 0.35
    redundant_similarity: float = 0.5
    max_covered: float = 0.5
    standalone: bool = True


def word_count(text: str) -> int:
    """Words of a sentence as shown: white-space separated pieces once the space a typewriter mark
    leaves beside it is folded away (`FOLDED_SPACE`: "(``who" is read as "(“ who", shown "(“who"), so
    the same sentence printed with either kind of mark has the same length."""
    if "“" in text or "”" in text:
        text = FOLDED_SPACE.sub("", text)
    return len(text.split())


DEFAULT = Settings()
SUPPORT_SIMILARITY = DEFAULT.support_similarity
MIN_WORDS = DEFAULT.min_words
MAX_WORDS = DEFAULT.max_words
QUESTION_TAIL = "\"'”’)"  # a sentence ending in "?" and maybe these is a question
QUOTE_ONLY = re.compile(r"^[\"“‘'][^\"“”]*[\"”’']$")
END_MARKS = frozenset(".!…\"'”’)]")
# Not summary material: datelines, bylines, credits, page furniture. The first two alternatives only
# match at the start; the others need one of NOT_PROSE_CLUES (lower case), looked for first.
NOT_PROSE_START = re.compile(
    r"^(by|photo|image|credit|source|updated|posted|published|reporting by|editing by|writing by)\b"
    r"|^\(?(reporting|editing|writing|additional reporting) by\b"
    r"|^(?-i:Related (?:Content|Stories|Articles|Coverage|Links))\b",  # a widget's label
    re.I,
)
NOT_PROSE_INSIDE = re.compile(
    r"\b(image copyright|image caption|photo credit|getty images|all rights reserved)\b"
    r"|https?://|www\.|@\w+\.\w",
    re.I,
)
# A sentence that leans on the one before it: it opens with a connective ("But", "However,") or a
# pronoun whose antecedent is elsewhere ("He", "Its", "This is ..."; not "This week", "So far").
DANGLING = re.compile(
    r"^(?:But|And|Or|Yet|However|Still|Instead|Moreover|Furthermore|Nevertheless|Nonetheless|Therefore|"
    r"Thus(?! far)|Besides|Otherwise|Then|So(?! far))(?=[\s,])"
    r"|^(?:He|She|It|They|His|Her|Its|Their|Him|Them)(?=[\s’'])"
    r"|^(?:This|That|These|Those)(?!\s+(?:who|week|weekend|month|year|morning|afternoon|evening|night|"
    r"day|days|time|season|spring|summer|fall|autumn|winter|past|coming|same)\b)(?=\s)"
)


# A sentence printed wholly in brackets is an aside to the text around it: a photo's credit ("(Jane
# Doe/Harbour Times Photo)"), a writer's tagline ("(Jane Doe writes on Sundays.)"), an editor's note.
ASIDE = re.compile(r"^\([^()]*\)[.!?]?$")


def aside(text: str) -> bool:
    """Whether the (stripped) sentence is printed wholly in brackets (`ASIDE`)."""
    return text.startswith("(") and bool(ASIDE.match(text))


def stands_alone(text: str) -> bool:
    """Whether a sentence reads on its own, out of its article: not leaning on the one before
    (`DANGLING`), nor an aside in brackets (`ASIDE`)."""
    return not DANGLING.match(text) and not aside(text)


# A photo's credit inside a flattened caption: "March 3, 2025(Jane Doe — Harbour Times)Police ...",
# "(Jane Doe/Harbour Times)": a name, a dash or a slash, an outlet, in brackets.
CAPTION_CREDIT = re.compile(r"\((?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w'’-]+\s*(?:—|–|/)\s*[A-Z][\w .&'’-]{1,40}\)")
# A sentence cut from the start of its own: it opens with a whole word in lower case ("may have been
# rushed to ...", "tsu.co said ..."), not a brand ("iPhone sales rose", "eBay said").
FRAGMENT_START = re.compile(r"[a-z]+(?:[\s,;:.]|$)")
# Prose has lower-case words: a "sentence" with fewer is a heading in title case, a dateline or a slug.
MIN_LOWER_WORDS = 2
NOT_PROSE_CLUES = ("image", "photo", "getty", "rights", "http", "www.", "@")
NOT_PROSE_CLUE = re.compile("|".join(map(re.escape, NOT_PROSE_CLUES)))


@dataclass(frozen=True)
class Ranked:
    """A chosen sentence, with the independent sources that print something close to it."""

    sentence: Sentence
    support: int
    score: float
    supporters: tuple[Sentence, ...]


def eligible(sentence: Sentence, settings: Settings = DEFAULT) -> bool:
    """Sentences fit for a summary: a whole statement of reasonable length, not a question, a bare
    quote, a byline or a credit line."""
    return _eligible(sentence.text.strip(), word_count(sentence.text), settings)


def _eligible(text: str, n: int, settings: Settings) -> bool:
    """`eligible` of a stripped sentence text of n (white-space separated) words."""
    if n < settings.min_words or n > settings.max_words:
        return False
    if text[-1] not in END_MARKS or text.rstrip(QUESTION_TAIL).endswith("?") or QUOTE_ONLY.match(text):
        return False
    if NOT_PROSE_START.match(text) or (settings.standalone and not stands_alone(text)):
        return False
    if "(" in text and CAPTION_CREDIT.search(text):
        return False
    if FRAGMENT_START.match(text):
        return False
    # A heading, a dateline or a slug ("(XYZ28) PORT ALDEN -- March 3, 2025 -- ADV."), not prose.
    if sum(1 for word in text.split() if word[0].islower()) < MIN_LOWER_WORDS:
        return False
    lower = (text if text.isascii() else replace_chars(text, ASCII_FOLD_PAIRS)).lower()
    return not (NOT_PROSE_CLUE.search(lower) and NOT_PROSE_INSIDE.search(text))


def _groups(sentences: Sequence[Sentence], groups: dict[str, str]) -> tuple[list[str], np.ndarray]:
    names = sorted({groups.get(s.article, s.article) for s in sentences})
    index = {g: i for i, g in enumerate(names)}
    return names, np.array([index[groups.get(s.article, s.article)] for s in sentences], dtype=np.int64)


class SentenceSpace:
    """Sparse, L2-normalised TF-IDF vectors of sentences (content-word stems), and their sources.

    `rows` holds them as numpy arrays; `vectors` is the same matrix in scipy.sparse form.
    """

    def __init__(
        self,
        sentences: Sequence[Sentence],
        groups: dict[str, str],
        stems: Sequence[Sequence[str]] | None = None,
        counts: Rows | None = None,
    ) -> None:
        """`stems`: each sentence's content-word stems, or `counts`: their counts (sentences x stems,
        stems numbered in order of first appearance), when already computed."""
        self.sentences = list(sentences)
        self.group_ids, self.group = _groups(self.sentences, groups)
        if counts is None:
            if stems is None:
                stems = [content_stems(s.text) for s in self.sentences]
            counts = count_rows(stems, {})
        self.rows = tfidf_rows(counts)

    @cached_property
    def vectors(self) -> Any:
        """The TF-IDF rows as a scipy.sparse CSR matrix."""
        return self.rows.to_scipy()

    def supporters(self, chosen: Sequence[int], threshold: float) -> list[list[int]]:
        """For each chosen sentence, the closest sentence of every other source above `threshold`.

        One sparse product per chosen sentence: linear in the number of sentences.
        """
        out = []
        for i in chosen:
            sims = self.rows.similarities(i)
            cols = np.flatnonzero((sims >= threshold) & (self.group != self.group[i]))
            vals = sims[cols]
            # Best per source: sort by (source, -similarity, position), take each source's first.
            order = np.lexsort((cols, -vals, self.group[cols]))
            cols = cols[order]
            _, first = np.unique(self.group[cols], return_index=True)
            out.append([int(j) for j in cols[first]])
        return out


def concept_weights(
    incidence: Rows, group: np.ndarray, position: np.ndarray, settings: Settings
) -> np.ndarray:
    """Each concept's weight: (votes of the independent sources)^df_power * (sentences)^tf_power.

    A source votes once for a concept it mentions, 1 + concept_lead / (1 + p)^lead_decay where p is the
    position of its earliest sentence with the concept: news put what matters first. Copies of one
    report share a source, so they vote once. Linear: one sort of the incidence's non-zeros.
    """
    m = incidence.shape[1]
    vote = 1.0 + settings.concept_lead / (1.0 + position) ** settings.lead_decay
    weighted = incidence.scale_rows(vote)
    key = group[weighted.row] * m + weighted.indices
    # Any sort will do: within a key only the maximum is taken (a stable sort costs 4x more).
    order = np.argsort(key)
    key, val = key[order], weighted.data[order]
    if not len(key):
        return np.zeros(m)
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    votes = np.bincount(key[starts] % m, weights=np.maximum.reduceat(val, starts), minlength=m)
    sentences = np.bincount(incidence.indices, minlength=m).astype(np.float64)
    return votes**settings.df_power * sentences**settings.tf_power


def consensus_rank(
    sentences: Sequence[Sentence],
    budget_words: int,
    groups: dict[str, str],
    settings: Settings = DEFAULT,
    tokens: TopicTokens | None = None,
) -> list[Ranked]:
    """Greedy budgeted concept coverage; best sentence first; whole sentences within the budget.

    `tokens`: `TopicTokens.build` of the sentences' texts, when the caller has it already."""
    # Every sentence votes for concepts and can support a chosen one; only eligible ones are chosen.
    keep = np.array([bool(s.text.strip()) for s in sentences], dtype=bool)
    pool = [s for s, k in zip(sentences, keep, strict=True) if k]
    if not pool:
        return []
    n_words = [word_count(s.text) for s in pool]
    fit = np.array(
        [_eligible(s.text.strip(), n, settings) for s, n in zip(pool, n_words, strict=True)], dtype=bool
    )
    if tokens is None:
        tokens = TopicTokens.build([s.text for s in pool])
    elif tokens.n_rows != len(sentences):
        raise ValueError(f"tokens of {tokens.n_rows} texts for {len(sentences)} sentences")
    elif not keep.all():
        tokens = tokens.select(keep)
    # One count of every sentence's concepts (content stems first, then bigrams, columns in order of
    # first appearance, as `count_rows` of `sentence_features(text)[1]` numbers them): its unigram
    # columns, in order, are the content-stem counts the sentence vectors need.
    counts, column_codes = count_codes(*tokens.concept_codes(), len(pool))
    is_bigram = np.zeros(counts.shape[1], dtype=bool)  # one column even when there is no concept
    is_bigram[: len(column_codes)] = column_codes >= len(tokens.stems)
    space = SentenceSpace(pool, groups, counts=select_columns(counts, ~is_bigram))
    incidence = Rows(counts.indptr, counts.indices, np.ones(len(counts.data)), counts.shape)
    position = np.array([s.index for s in pool], dtype=np.float64)
    weights = concept_weights(incidence, space.group, position, settings)
    weights *= np.where(is_bigram, 1.0, settings.unigram_weight)
    lengths = np.array(n_words, dtype=np.float64)
    prior = 1.0 + settings.lead_weight / (1.0 + position) ** settings.lead_decay
    scale = prior / np.maximum(lengths, 1.0) ** settings.length_power
    uncovered = np.ones(incidence.shape[1], dtype=np.float64)
    available = fit if fit.any() else np.ones(len(pool), dtype=bool)
    picked: list[tuple[int, float]] = []
    used = 0
    n_concepts = np.maximum(np.diff(incidence.indptr), 1)
    while True:
        available &= lengths <= budget_words - used
        if picked and settings.max_covered <= 1.0:
            # Mostly told already: most of the sentence's concepts are covered by chosen sentences.
            available &= incidence.matvec(1.0 - uncovered) / n_concepts < settings.max_covered
        if not available.any():
            break
        score = np.where(available, incidence.matvec(weights * uncovered) * scale, -1.0)
        i = int(np.argmax(score))
        if score[i] <= 0:
            break
        available[i] = False
        if settings.redundant_similarity <= 1.0:
            # A sentence this close to a chosen one tells the same fact: it can no longer be picked.
            available[space.rows.similarities(i) >= settings.redundant_similarity] = False
        uncovered[incidence.indices[incidence.indptr[i] : incidence.indptr[i + 1]]] = 0.0
        used += int(lengths[i])
        picked.append((i, float(score[i])))
    supporters = space.supporters([i for i, _ in picked], settings.support_similarity)
    return [
        Ranked(pool[i], support=1 + len(sup), score=score, supporters=tuple(pool[j] for j in sup))
        for (i, score), sup in zip(picked, supporters, strict=True)
    ]


class ConsensusSummarizer:
    """The consensus summarizer with sumy's calling convention: `summarizer(document, count)`.

    `document` is a sumy document (one source) or a sequence of them (one per article: then facts
    several articles agree on win). Returns the chosen sumy sentences in document order, like sumy's
    summarizers. `count` is a number of sentences or a percentage string ("10%"); `words` (here or
    per call) adds a word budget.
    """

    def __init__(self, settings: Settings = DEFAULT, words: int | None = None) -> None:
        self.settings = settings
        self.words = words

    def __call__(
        self, document: Any, sentences_count: int | str, words: int | None = None
    ) -> tuple[Any, ...]:
        from sumy.utils import ItemsCount

        documents = [document] if hasattr(document, "sentences") else list(document)
        originals: list[Any] = []
        ours: list[Sentence] = []
        for d, doc in enumerate(documents):
            offset = index = 0
            for p, paragraph in enumerate(doc.paragraphs):
                for sentence in paragraph.sentences:
                    text = str(sentence)
                    ours.append(Sentence(f"doc{d}", index, offset, offset + len(text), text, p))
                    originals.append(sentence)
                    offset, index = offset + len(text) + 1, index + 1
        budget = words or self.words or sum(word_count(s.text) for s in ours)
        ranked = consensus_rank(ours, budget, {}, self.settings)
        wanted = len(ItemsCount(sentences_count)(list(range(len(ours)))))
        chosen = {id(r.sentence) for r in ranked[:wanted]}
        return tuple(o for o, s in zip(originals, ours, strict=True) if id(s) in chosen)
