"""The consensus summarizer: multi-document, extractive, vectorised.

Concept coverage with a word budget (after Gillick & Favre 2009): concepts are content-word stems
and stem bigrams; a concept's weight grows with the number of *independent* sources (syndication
groups) that mention it, so facts many outlets agree on win. Sentences are picked greedily by the
weight of the concepts they add that are not yet covered, per word, with a lead-position prior;
covered concepts stop counting, which removes repetition across outlets.

Each chosen sentence reports its support: how many independent sources print a sentence close to it.
Everything is sparse matrix work (scipy), linear in the number of sentences per greedy step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..models import Sentence
from ..text import content_stems

MIN_WORDS = 6
MAX_WORDS = 70
SUPPORT_SIMILARITY = 0.35
QUESTION = re.compile(r"\?[\"'”’)]*$")
QUOTE_ONLY = re.compile(r"^[\"“‘'][^\"“”]*[\"”’']$")


@dataclass(frozen=True)
class Ranked:
    """A chosen sentence, with the independent sources that print something close to it."""

    sentence: Sentence
    support: int
    score: float
    supporters: tuple[Sentence, ...]


def eligible(sentence: Sentence) -> bool:
    """Sentences fit for a summary: not too short or long, not a question, not a bare quote."""
    n = len(sentence.text.split())
    if n < MIN_WORDS or n > MAX_WORDS:
        return False
    text = sentence.text.strip()
    return not (QUESTION.search(text) or QUOTE_ONLY.match(text))


def _concepts(text: str) -> list[str]:
    stems = content_stems(text)
    return stems + [f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)]


def _matrix(rows: list[list[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    indptr = [0]
    indices: list[int] = []
    for row in rows:
        ids = {vocab.setdefault(c, len(vocab)) for c in row}
        indices.extend(sorted(ids))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))


class SentenceSpace:
    """Sparse features of a set of sentences: concept incidence and TF-IDF unigram vectors."""

    def __init__(self, sentences: Sequence[Sentence], groups: dict[str, str]) -> None:
        self.sentences = list(sentences)
        self.group_ids = sorted({groups.get(s.article, s.article) for s in self.sentences})
        gindex = {g: i for i, g in enumerate(self.group_ids)}
        self.group = np.array(
            [gindex[groups.get(s.article, s.article)] for s in self.sentences], dtype=np.int64
        )
        concept_vocab: dict[str, int] = {}
        unigram_vocab: dict[str, int] = {}
        stems = [content_stems(s.text) for s in self.sentences]
        self.concepts = _matrix([_concepts(s.text) for s in self.sentences], concept_vocab)
        self.concept_is_bigram = np.zeros(len(concept_vocab), dtype=bool)
        for c, i in concept_vocab.items():
            self.concept_is_bigram[i] = " " in c
        counts = _matrix(stems, unigram_vocab)
        n = max(len(self.sentences), 1)
        df = np.asarray((counts > 0).sum(axis=0)).ravel()
        idf = np.log((1 + n) / (1 + df)) + 1.0
        tfidf = counts @ sparse.diags(idf)
        norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        self.vectors = sparse.diags(1.0 / norms) @ tfidf
        self.vectors = sparse.csr_matrix(self.vectors)
        membership = sparse.csr_matrix(
            (np.ones(n), (self.group, np.arange(len(self.sentences)))),
            shape=(len(self.group_ids), len(self.sentences)),
        )
        # Number of independent sources mentioning each concept.
        self.concept_df = np.asarray(((membership @ self.concepts) > 0).sum(axis=0)).ravel()

    def supporters(self, i: int) -> list[int]:
        """For sentence i, the closest sentence of each other group above the similarity bar."""
        sims = (self.vectors @ self.vectors[i].T).toarray().ravel()
        best: dict[int, int] = {}
        for j in np.nonzero(sims >= SUPPORT_SIMILARITY)[0]:
            g = int(self.group[j])
            if g == self.group[i]:
                continue
            if g not in best or sims[j] > sims[best[g]]:
                best[g] = int(j)
        return [best[g] for g in sorted(best)]


def consensus_rank(sentences: Sequence[Sentence], budget_words: int, groups: dict[str, str]) -> list[Ranked]:
    """Greedy budgeted concept coverage; best sentence first; whole sentences within the budget."""
    pool = [s for s in sentences if eligible(s)] or [s for s in sentences if s.text.strip()]
    if not pool:
        return []
    space = SentenceSpace(pool, groups)
    n_groups = len(space.group_ids)
    df = space.concept_df.astype(np.float64)
    # Concepts one source alone mentions still count when there is only one source.
    weights = df**2 if n_groups > 1 else df.copy()
    weights[~space.concept_is_bigram] *= 0.5
    lengths = np.array([len(s.text.split()) for s in pool], dtype=np.float64)
    position = np.array([s.index for s in pool], dtype=np.float64)
    prior = 1.0 + 0.5 / np.sqrt(1.0 + position)
    uncovered = np.ones(len(df), dtype=np.float64)
    available = np.ones(len(pool), dtype=bool)
    chosen: list[Ranked] = []
    used = 0
    while True:
        available &= lengths <= budget_words - used
        if not available.any():
            break
        gain = space.concepts @ (weights * uncovered)
        score = np.where(available, gain / np.sqrt(lengths) * prior, -1.0)
        i = int(np.argmax(score))
        if score[i] <= 0:
            break
        available[i] = False
        uncovered[space.concepts[i].indices] = 0.0
        used += int(lengths[i])
        supporters = space.supporters(i)
        chosen.append(
            Ranked(
                sentence=pool[i],
                support=1 + len(supporters),
                score=float(score[i]),
                supporters=tuple(pool[j] for j in supporters),
            )
        )
    return chosen
