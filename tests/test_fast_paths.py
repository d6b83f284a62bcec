"""Speed-ups that must not change a bit: each fast path against the code it replaces."""

from __future__ import annotations

import numpy as np
from helpers import seed_articles
from scipy import sparse
from sumy.summarizers.lex_rank import LexRankSummarizer

from briefgen.reading.split import split_article
from briefgen.rows import count_rows, cross_similarities, select_rows
from briefgen.summarize import sumy_adapter
from briefgen.summarize.consensus import SentenceSpace
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


def test_lexrank_words_and_ratings_are_sumys(seeds: list) -> None:
    for article in seed_articles(seeds):
        document, _ = sumy_adapter.build_document(split_article(article))
        ours, theirs = sumy_adapter.LexRank(sumy_adapter.STEMMER), LexRankSummarizer(sumy_adapter.STEMMER)
        for summarizer in (ours, theirs):
            summarizer.stop_words = sumy_adapter.make_summarizer("lexrank").stop_words
        words = [theirs._to_words_set(s) for s in document.sentences]
        assert [ours._to_words_set(s) for s in document.sentences] == words
        assert ours._compute_idf(words) == theirs._compute_idf(words)
        ratings = []
        for summarizer in (ours, theirs):
            summarizer._get_best_sentences = lambda sentences, count, rating: tuple(rating.values())
            ratings.append(summarizer(document, 3))
        assert ratings[0] == ratings[1]


def test_lexrank_is_sumys_own_class_and_the_fast_one_ranks_the_same(seeds: list) -> None:
    from briefgen.summarize import FAST_LEXRANK, summarize

    # `--algorithm lexrank` (and `eval`) run what sumy ships: the baseline the targets are set against.
    assert type(sumy_adapter.make_summarizer("lexrank")) is LexRankSummarizer
    assert type(sumy_adapter.make_summarizer(FAST_LEXRANK)) is sumy_adapter.LexRank
    for article in seed_articles(seeds):
        sentences = split_article(article)
        stock = summarize(sentences, words=80, algorithm="lexrank")
        assert stock and summarize(sentences, words=80, algorithm=FAST_LEXRANK) == stock


def test_sentence_vectors_are_scipys_to_the_bit(seeds: list) -> None:
    sentences = [s for a in seed_articles(seeds) for s in split_article(a)]
    stems = [content_stems(s.text) for s in sentences] + [[]]  # an empty row too
    sentences.append(sentences[0])
    counts = count_rows(stems, {}).to_scipy()
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


def test_numpy_rows_compute_what_scipy_computes_to_the_bit(seeds: list) -> None:
    # The summarizer and syndication run on briefgen.rows (no scipy import); every product must be
    # scipy's, bit for bit, so summaries and groups do not change.
    from briefgen.dedupe import _tfidf

    sentences = [s for a in seed_articles(seeds) for s in split_article(a)]
    stems = [content_stems(s.text) for s in sentences] + [[]]
    counts = count_rows(stems, {})
    space = SentenceSpace(sentences + [sentences[0]], {}, stems=stems)
    rows, vectors = space.rows, space.vectors
    x = np.linspace(0.1, 2.0, rows.shape[1])
    assert np.array_equal(rows.matvec(x), vectors @ x)
    for i in (0, 7, len(sentences) - 1):
        assert np.array_equal(rows.similarities(i), (vectors @ vectors[i].T).toarray().ravel())
    a, b = select_rows(rows, range(0, 12)), select_rows(rows, range(12, 40))
    assert np.array_equal(cross_similarities(a, b), (vectors[0:12] @ vectors[12:40].T).toarray())
    # Syndication's TF-IDF (1 + log counts), against the scipy formulation it replaced.
    vocab: dict[str, int] = {}
    cells, values = [], []
    for r, row in enumerate(stems):
        tally: dict[int, int] = {}
        for stem in row:
            c = vocab.setdefault(stem, len(vocab))
            tally[c] = tally.get(c, 0) + 1
        for c, v in tally.items():
            cells.append((r, c))
            values.append(1.0 + np.log(v))
    m = sparse.csr_matrix(
        (values, ([r for r, _ in cells], [c for _, c in cells])), shape=(len(stems), max(len(vocab), 1))
    )
    df = np.asarray((m > 0).sum(axis=0)).ravel()
    m = m @ sparse.diags(np.log((1 + len(stems)) / (1 + df)) + 1.0)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    expected = sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)
    got = _tfidf(stems).to_scipy()
    assert np.array_equal(got.indptr, expected.indptr)
    assert np.array_equal(got.indices, expected.indices)
    assert np.array_equal(got.data, expected.data)
    assert counts.shape == (len(stems), len(vocab))


def test_content_counts_taken_from_the_concept_counts_are_a_count_of_the_stems(seeds: list) -> None:
    from briefgen.rows import select_columns
    from briefgen.text import sentence_features

    sentences = [s for a in seed_articles(seeds) for s in split_article(a)]
    vocab: dict[str, int] = {}
    concepts = count_rows([sentence_features(s.text)[1] for s in sentences], vocab)
    unigram = np.array([" " not in c for c in sorted(vocab, key=vocab.__getitem__)])
    assert unigram.any() and not unigram.all()
    got = select_columns(concepts, unigram)
    expected = count_rows([sentence_features(s.text)[0] for s in sentences], {})
    for name in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(got, name), getattr(expected, name)), name
    assert got.shape == expected.shape
