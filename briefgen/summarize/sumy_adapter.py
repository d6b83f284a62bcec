"""sumy's summarizers on our sentences, with our offline tokenizer.

sumy picks the top-N sentences by a rating and returns them in document order; to honour a word
budget we need the full ranking, so we capture the ratings sumy computes and sort by them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

import numpy as np

from ._nltk import import_nltk

import_nltk()  # sumy imports NLTK: without scipy.stats (see _nltk)

from sumy.models.dom import ObjectDocumentModel, Paragraph  # noqa: E402
from sumy.models.dom import Sentence as SumySentence  # noqa: E402
from sumy.nlp.stemmers import Stemmer  # noqa: E402
from sumy.summarizers.kl import KLSummarizer  # noqa: E402
from sumy.summarizers.lex_rank import LexRankSummarizer  # noqa: E402
from sumy.summarizers.lsa import LsaSummarizer  # noqa: E402
from sumy.summarizers.luhn import LuhnSummarizer  # noqa: E402
from sumy.summarizers.reduction import ReductionSummarizer  # noqa: E402
from sumy.summarizers.sum_basic import SumBasicSummarizer  # noqa: E402
from sumy.summarizers.text_rank import TextRankSummarizer  # noqa: E402
from sumy.utils import get_stop_words  # noqa: E402

from ..models import Sentence  # noqa: E402
from ..reading.split import SumyTokenizer  # noqa: E402
from . import FAST_LEXRANK  # noqa: E402


class LexRank(LexRankSummarizer):  # type: ignore[misc]
    """sumy's LexRank without its repeated work: each sentence's word set and norm once instead of
    once per pair, the row division on the whole matrix, document frequencies counted in one pass,
    words lowered once. The floating-point operations are sumy's own, in its order, so the ratings
    are the same to the bit (tests compare them with sumy's)."""

    def _to_words_set(self, sentence: Any) -> list[str]:
        # sumy: stem_word(w) for w in map(normalize_word, words) if w not in stop words, where
        # normalize_word is str.lower and stem_word lowers again before stemming.
        stop, stem = self._stop_words, self._stemmer
        return [stem(w) for w in (word.lower() for word in sentence.words) if w not in stop]

    @staticmethod
    def _compute_idf(sentences: Any) -> dict[str, float]:
        # sumy counts the sentences holding each term by scanning every sentence per term.
        count = len(sentences)
        holding: dict[str, int] = {}
        for sentence in sentences:
            for term in set(sentence):
                holding[term] = holding.get(term, 0) + 1
        return {term: math.log(count / (1 + n)) for term, n in holding.items()}

    def _create_matrix(  # type: ignore[no-untyped-def]
        self, sentences, threshold, tf_metrics, idf_metrics
    ) -> np.ndarray:
        n = len(sentences)
        matrix = np.zeros((n, n))
        words = [frozenset(s) for s in sentences]
        norms = [
            sum((tf[t] * idf_metrics[t]) ** 2 for t in unique)
            for unique, tf in zip(words, tf_metrics, strict=True)
        ]
        for row in range(n):
            words1, tf1, norm1 = words[row], tf_metrics[row], norms[row]
            for col in range(n):
                tf2, norm2 = tf_metrics[col], norms[col]
                numerator = 0.0
                for term in words1 & words[col]:
                    numerator += tf1[term] * tf2[term] * idf_metrics[term] ** 2
                if norm1 > 0 and norm2 > 0:
                    similarity = numerator / (math.sqrt(norm1) * math.sqrt(norm2))
                else:
                    similarity = 0.0
                matrix[row, col] = 1.0 if similarity > threshold else 0.0
        degrees = matrix.sum(axis=1)
        degrees[degrees == 0] = 1
        return matrix / degrees[:, None]


# `lexrank` is sumy's own class: it is the reference the speed and quality targets are
# measured against, so `--algorithm lexrank` and `eval` run exactly what sumy ships. `lexrank-fast`
# (same ratings to the bit, about 8x faster) is what the briefs use for per-article summaries.
SUMY_ALGORITHMS: dict[str, type] = {
    "lexrank": LexRankSummarizer,
    FAST_LEXRANK: LexRank,
    "textrank": TextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "sumbasic": SumBasicSummarizer,
    "kl": KLSummarizer,
    "reduction": ReductionSummarizer,
}
TOKENIZER = SumyTokenizer()
# Snowball stemming is most of sumy's time on short articles, and the same words come back in
# every article: stem each distinct word once per process.
STEMMER = lru_cache(maxsize=200_000)(Stemmer("english"))


def build_document(sentences: Sequence[Sentence]) -> tuple[ObjectDocumentModel, dict[int, Sentence]]:
    """A sumy document, one paragraph per article paragraph; maps sumy sentence ids back to ours."""
    paragraphs: list[Paragraph] = []
    back: dict[int, Sentence] = {}
    current: list[SumySentence] = []
    key: tuple[str, int] | None = None
    for sentence in sentences:
        if key is not None and (sentence.article, sentence.paragraph) != key:
            paragraphs.append(Paragraph(current))
            current = []
        key = (sentence.article, sentence.paragraph)
        sumy_sentence = SumySentence(sentence.text, TOKENIZER)
        back[id(sumy_sentence)] = sentence
        current.append(sumy_sentence)
    if current:
        paragraphs.append(Paragraph(current))
    return ObjectDocumentModel(paragraphs), back


@cache
def make_summarizer(algorithm: str) -> Any:
    """sumy's summarizer for `algorithm`, made once per process (they keep no state between calls)."""
    summarizer = SUMY_ALGORITHMS[algorithm](STEMMER)
    summarizer.stop_words = get_stop_words("english")
    if algorithm in ("lexrank", FAST_LEXRANK):
        summarizer.threshold = 0.1
    return summarizer


def sumy_rank(sentences: Sequence[Sentence], algorithm: str) -> list[Sentence]:
    """All sentences, best first, by sumy's `algorithm` rating (ties keep document order)."""
    if not sentences:
        return []
    document, back = build_document(sentences)
    summarizer = make_summarizer(algorithm)
    captured: dict[str, Any] = {}

    def capture(all_sentences: Any, count: Any, rating: Any, *args: Any, **kwargs: Any) -> tuple:
        captured["sentences"] = list(all_sentences)
        captured["rate"] = rating if not isinstance(rating, dict) else rating.__getitem__
        captured["args"] = (args, kwargs)
        return ()

    summarizer._get_best_sentences = capture
    with np.errstate(all="ignore"):
        summarizer(document, len(sentences))
    if "sentences" not in captured:
        return []
    rate = captured["rate"]
    args, kwargs = captured["args"]
    order = {id(s): i for i, s in enumerate(captured["sentences"])}
    rated = [(rate(s, *args, **kwargs), order[id(s)], s) for s in captured["sentences"]]
    rated.sort(key=lambda r: (-r[0], r[1]))
    return [back[id(s)] for _, _, s in rated if id(s) in back]
