"""TopicTokens (a topic's sentences as integer arrays) against the per-sentence string features it
replaces: same concept and stem counts, same shingles, same syndication candidates and groups."""

from __future__ import annotations

import random
import zlib

import numpy as np
import pytest
from helpers import seed_articles

from briefgen.dedupe import (
    _band_pairs,
    _pair_crc,
    _signatures,
    candidate_pairs,
    stem_pairs,
    syndication_groups,
    token_shingles,
)
from briefgen.reading.split import split_article
from briefgen.rows import count_codes, count_rows
from briefgen.summarize.consensus import consensus_rank
from briefgen.text import TopicTokens, sentence_features

VOCABULARY = [
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "is",
    "was",
    "not",
    "no",
    "said",
    "says",
    "police",
    "minister",
    "city",
    "year",
    "2024",
    "7",
    "x",
    "b",
    "i",
    "élan",
    "naïve",
    "café",
    "über",
    "straße",
    "running",
    "runs",
    "ran",
    "government's",
    "well-known",
    "u.s.",
    "3,000",
    "—",
    "“quoted”",
    "it's",
]


def random_texts(seed: int, n: int = 200) -> list[str]:
    rng = random.Random(seed)
    texts = [" ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(0, 25))) for _ in range(n)]
    return texts + ["", "   ", "the of and", "x y z"]


def seed_texts(seeds: list) -> list[str]:
    return [s.text for a in seed_articles(seeds) for s in split_article(a)]


def assert_same_rows(got, expected) -> None:  # noqa: ANN001
    for name in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(got, name), getattr(expected, name)), name
    assert got.shape == expected.shape


def concept_string(code: int, stems: tuple[str, ...]) -> str:
    n = len(stems)
    return stems[code] if code < n else f"{stems[(code - n) // n]} {stems[(code - n) % n]}"


@pytest.mark.parametrize("source", ["seeds", 1, 2, 3])
def test_concept_and_stem_counts_equal_the_string_features(source, seeds: list) -> None:  # noqa: ANN001
    texts = seed_texts(seeds) if source == "seeds" else random_texts(source)
    tokens = TopicTokens.build(texts)
    assert tokens.n_rows == len(texts)
    vocab: dict[str, int] = {}
    expected = count_rows([sentence_features(t)[1] for t in texts], vocab)
    got, codes = count_codes(*tokens.concept_codes(), len(texts))
    assert_same_rows(got, expected)
    assert [concept_string(int(c), tokens.stems) for c in codes] == list(vocab)
    content = np.flatnonzero(tokens.content)
    stems, _ = count_codes(tokens.row[content], tokens.stem[content], len(texts))
    assert_same_rows(stems, count_rows([sentence_features(t)[0] for t in texts], {}))


def test_selected_rows_are_the_tokens_of_those_texts() -> None:
    texts = random_texts(4)
    keep = np.array([i % 3 != 1 for i in range(len(texts))])
    got = TopicTokens.build(texts).select(keep)
    expected = TopicTokens.build([t for t, k in zip(texts, keep, strict=True) if k])
    assert got.n_rows == expected.n_rows
    assert np.array_equal(got.row, expected.row)
    assert [got.stems[i] for i in got.stem] == [expected.stems[i] for i in expected.stem]
    for name in ("stop", "content", "bigram"):
        assert np.array_equal(getattr(got, name), getattr(expected, name)), name


def test_pair_crc_is_the_crc32_of_the_shingle_string() -> None:
    rng = random.Random(5)
    alphabet = "abcxyz09éü—’北"
    stems = tuple(
        dict.fromkeys("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(300))
    )
    first = np.array([rng.randrange(len(stems)) for _ in range(2000)], dtype=np.int64)
    second = np.array([rng.randrange(len(stems)) for _ in range(2000)], dtype=np.int64)
    expected = [zlib.crc32(f"{stems[a]} {stems[b]}".encode()) for a, b in zip(first, second, strict=True)]
    assert _pair_crc(stems, first, second).tolist() == expected


@pytest.mark.parametrize("source", ["seeds", 6])
def test_token_shingles_and_candidates_equal_the_string_path(source, seeds: list) -> None:  # noqa: ANN001
    if source == "seeds":
        articles = seed_articles(seeds)
        per_article = [[s.text for s in split_article(a)] for a in articles]
    else:
        texts = random_texts(source, 400)
        per_article = [texts[i : i + 9] for i in range(0, len(texts), 9)]
        per_article += [per_article[3][:], per_article[3][1:], []]  # copies, a cut copy, an empty one
    flat = [t for texts in per_article for t in texts]
    tokens = TopicTokens.build(flat)
    article_of_row = np.repeat(np.arange(len(per_article)), [len(t) for t in per_article])
    crc, sizes = token_shingles(tokens, article_of_row, len(per_article))
    sets = [stem_pairs([w for t in texts for w in sentence_features(t)[0]]) for texts in per_article]
    assert sizes == [len(s) for s in sets]
    starts = np.r_[0, np.cumsum(sizes)]
    for k, shingle_set in enumerate(sets):
        assert sorted(crc[starts[k] : starts[k + 1]].tolist()) == sorted(
            zlib.crc32(s.encode()) for s in shingle_set
        )
    index = np.flatnonzero(sizes)
    got = _band_pairs(_signatures(crc, [sizes[i] for i in index]), index)
    assert got == candidate_pairs(sets)
    assert got  # the copies at least


def test_groups_and_summary_with_shared_tokens_equal_those_built_inside(seeds: list) -> None:
    articles = seed_articles(seeds)
    sentences = {a.id: split_article(a) for a in articles}
    flat = [s for a in articles for s in sentences[a.id]]
    tokens = TopicTokens.build([s.text for s in flat])
    groups = syndication_groups(articles, sentences)
    assert syndication_groups(articles, sentences, tokens) == groups
    assert len(set(groups.values())) < len(articles)  # the seeds hold syndicated copies
    assert consensus_rank(flat, 120, groups, tokens=tokens) == consensus_rank(flat, 120, groups)
    with pytest.raises(ValueError):
        syndication_groups(articles[1:], sentences, tokens)


def test_written_out_permutations_are_the_drawn_ones() -> None:
    from briefgen.dedupe import NUM_PERM, _drawn_permutations, _permutations

    for written, drawn in zip(_permutations(), _drawn_permutations(), strict=True):
        assert written.dtype == drawn.dtype == np.uint32 and len(written) == NUM_PERM
        assert np.array_equal(written, drawn)


def test_topics_without_shingles_have_no_candidates() -> None:
    for texts in ([], [""], ["police"], ["the of and", "x", "police"]):
        tokens = TopicTokens.build(texts)
        crc, sizes = token_shingles(tokens, np.zeros(len(texts), dtype=np.int64), 1)
        assert len(crc) == 0 and sizes == [0]
    assert len(_pair_crc((), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))) == 0


@pytest.mark.parametrize("texts", [["The."], ["The.", "  ", "Of it."], ["x y z."]])
def test_sentences_without_concepts_are_summarized_as_before(texts: list[str]) -> None:
    from briefgen.models import Sentence

    sentences = [Sentence("a0", i, 0, len(t), t, 0) for i, t in enumerate(texts)]
    tokens = TopicTokens.build(texts)
    got, codes = count_codes(*tokens.concept_codes(), len(texts))
    assert_same_rows(got, count_rows([sentence_features(t)[1] for t in texts], {}))
    assert consensus_rank(sentences, 5, {}, tokens=tokens) == consensus_rank(sentences, 5, {})


def string_path_groups(articles: list, sentences: dict) -> dict[str, str]:
    """syndication_groups as it was computed from per-sentence strings (the reference)."""
    from briefgen.dedupe import ALIGNED_SHARE, _tfidf, aligned_share
    from briefgen.rows import select_rows

    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    stems = [[sentence_features(s.text)[0] for s in sentences.get(a.id, ())] for a in articles]
    pairs = candidate_pairs([stem_pairs([w for ws in article for w in ws]) for article in stems])
    involved = sorted({i for pair in pairs for i in pair})
    docs, spans = [], {}
    for i in involved:
        spans[i] = (len(docs), len(docs) + len(stems[i]))
        docs.extend(stems[i])
    vectors = _tfidf(docs) if docs else None
    rows = {i: select_rows(vectors, range(*span)) for i, span in spans.items()}
    order = {a.id: n for n, a in enumerate(articles)}
    for i, j in pairs:
        if aligned_share(rows[i], rows[j]) >= ALIGNED_SHARE:
            ra, rb = find(articles[i].id), find(articles[j].id)
            if ra != rb:
                first, second = sorted((ra, rb), key=order.__getitem__)
                parent[second] = first
    return {a.id: find(a.id) for a in articles}


def test_groups_equal_the_string_path(seeds: list) -> None:
    from helpers import article
    from test_dedupe import QUOTES_TWO, REPORT, REWRITE, SAME_STORY, TRUNCATED_COPY

    made = [
        article(t, id=f"x{i}")
        for i, t in enumerate([REPORT, SAME_STORY, REWRITE, QUOTES_TWO, TRUNCATED_COPY])
    ]
    for articles in (seed_articles(seeds), made, seed_articles(seeds)[::-1] + made):
        sentences = {a.id: split_article(a) for a in articles}
        expected = string_path_groups(articles, sentences)
        assert syndication_groups(articles, sentences) == expected
        assert len(set(expected.values())) < len(articles)
