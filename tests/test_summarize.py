from __future__ import annotations

import pytest
from helpers import article

from briefgen.split import split_article
from briefgen.summarize import ALGORITHMS, summarize

A = article(
    "The council approved a new budget for the city schools on Monday evening. "
    "The weather was mild and a few residents walked their dogs outside the hall. "
    "Teachers will receive a five percent raise under the approved budget.",
    id="a",
)
B = article(
    "City council members approved the new schools budget on Monday after a long debate. "
    "A local bakery sold out of croissants before noon on the same day. "
    "The budget gives teachers a five percent raise starting next year.",
    id="b",
)
C = article(
    "On Monday the council approved the schools budget for the city. "
    "Parking near the stadium will be free during the holiday weekend, officials noted.",
    id="c",
)


def sentences() -> list:
    return [s for a in (A, B, C) for s in split_article(a)]


def test_consensus_prefers_what_sources_agree_on() -> None:
    ranked = summarize(sentences(), words=20, algorithm="consensus")
    assert "budget" in ranked[0].sentence.text
    assert ranked[0].support == 3
    assert {s.article for s in ranked[0].supporters} | {ranked[0].sentence.article} == {"a", "b", "c"}


def test_consensus_avoids_repeating_one_fact() -> None:
    ranked = summarize(sentences(), words=40, algorithm="consensus")
    approved = [r for r in ranked if "approved" in r.sentence.text]
    assert len(approved) == 1


def test_syndicated_copies_count_once() -> None:
    ranked = summarize(sentences(), words=20, algorithm="consensus", groups={"a": "a", "b": "a", "c": "c"})
    assert ranked[0].support == 2


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_respects_the_word_budget(algorithm: str) -> None:
    ranked = summarize(sentences(), words=30, algorithm=algorithm)
    assert ranked, algorithm
    assert sum(len(r.sentence.text.split()) for r in ranked) <= 30
    texts = [r.sentence.text for r in ranked]
    assert len(texts) == len(set(texts))


def test_empty_input() -> None:
    assert summarize([], words=50) == []
