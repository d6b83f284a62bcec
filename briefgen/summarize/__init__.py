"""Extractive summarizers: our multi-document `consensus` and sumy's single-text algorithms.

`summarize(sentences, words=N, algorithm=NAME)` returns whole sentences, best first, whose total
length stays within N words.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Sentence
from .consensus import Ranked, consensus_rank
from .sumy_adapter import SUMY_ALGORITHMS, sumy_rank

ALGORITHMS: tuple[str, ...] = ("consensus", *SUMY_ALGORITHMS)


def word_count(text: str) -> int:
    return len(text.split())


def summarize(
    sentences: Sequence[Sentence],
    words: int = 100,
    algorithm: str = "consensus",
    groups: dict[str, str] | None = None,
) -> list[Ranked]:
    """Best sentences first, whole sentences only, within `words` words in total.

    `groups` maps article id -> syndication group, so copies of one report count once.
    """
    if algorithm == "consensus":
        return consensus_rank(sentences, words, groups or {})
    if algorithm not in SUMY_ALGORITHMS:
        raise ValueError(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    chosen: list[Ranked] = []
    used = 0
    for sentence in sumy_rank(sentences, algorithm):
        n = word_count(sentence.text)
        if used + n <= words:
            chosen.append(Ranked(sentence, support=1, score=0.0, supporters=()))
            used += n
    return chosen
