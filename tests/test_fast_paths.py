"""Speed-ups that must not change a bit: each fast path against the code it replaces."""

from __future__ import annotations

import numpy as np
from helpers import seed_articles
from scipy import sparse
from sumy.summarizers.lex_rank import LexRankSummarizer

from briefgen.split import split_article
from briefgen.summarize import sumy_adapter
from briefgen.summarize.consensus import SentenceSpace, _csr
from briefgen.text import content_stems


def test_lexrank_matrix_is_sumys_to_the_bit(seeds: list) -> None:
    for article in seed_articles(seeds):
        document, _ = sumy_adapter.build_document(split_article(article))
        matrices = []
        for cls in (LexRankSummarizer, sumy_adapter.LexRank):
            summarizer = cls(sumy_adapter.STEMMER)
            summarizer.stop_words = sumy_adapter.make_summarizer("lexrank").stop_words
            words = [summarizer._to_words_set(s) for s in document.sentences]
            tf, idf = summarizer._compute_tf(words), summarizer._compute_idf(words)
            matrices.append(summarizer._create_matrix(words, 0.1, tf, idf))
        assert matrices[0].shape[0] > 5
        assert np.array_equal(matrices[0], matrices[1])


def test_sentence_vectors_are_scipys_to_the_bit(seeds: list) -> None:
    sentences = [s for a in seed_articles(seeds) for s in split_article(a)]
    stems = [content_stems(s.text) for s in sentences] + [[]]  # an empty row too
    sentences.append(sentences[0])
    counts = _csr(stems, {}, binary=False)
    n = len(sentences)
    idf = np.log((1 + n) / (1 + np.bincount(counts.indices, minlength=counts.shape[1]))) + 1.0
    tfidf = counts @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    expected = sparse.csr_matrix(sparse.diags(1.0 / norms) @ tfidf)
    got = SentenceSpace(sentences, {}, stems=stems).vectors
    assert np.array_equal(got.indptr, expected.indptr)
    assert np.array_equal(got.indices, expected.indices)
    assert np.array_equal(got.data, expected.data)
