"""Extractive summarizers: our multi-document `consensus` and sumy's single-text algorithms.

`summarize(sentences, words=N, algorithm=NAME)` returns whole sentences, best first, whose total
length stays within N words. sumy is imported only when one of its algorithms is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Article, Sentence
from ..text import TopicTokens
from .consensus import ConsensusSummarizer, Ranked, Settings, consensus_rank, word_count

SUMY_NAMES: tuple[str, ...] = ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "reduction")
ALGORITHMS: tuple[str, ...] = ("consensus", *SUMY_NAMES)
# sumy's LexRank without its repeated work (same ratings to the bit; `sumy_adapter.LexRank`): used for
# the per-article summaries of a brief. Not offered on the command line, where `lexrank` is sumy's own.
FAST_LEXRANK = "lexrank-fast"

__all__ = [
    "ALGORITHMS",
    "FAST_LEXRANK",
    "ConsensusSummarizer",
    "Ranked",
    "Settings",
    "summarize",
    "summarize_articles",
    "word_count",
]


def summarize(
    sentences: Sequence[Sentence],
    words: int = 100,
    algorithm: str = "consensus",
    groups: dict[str, str] | None = None,
    tokens: TopicTokens | None = None,
) -> list[Ranked]:
    """Best sentences first, whole sentences only, within `words` words in total.

    `groups` maps article id -> syndication group, so copies of one report count once. `tokens`
    (consensus only): `TopicTokens.build` of the sentences' texts, when the caller has it.
    """
    if algorithm == "consensus":
        return consensus_rank(sentences, words, groups or {}, tokens=tokens)
    if algorithm not in SUMY_NAMES and algorithm != FAST_LEXRANK:
        raise ValueError(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    from .sumy_adapter import sumy_rank

    chosen: list[Ranked] = []
    used = 0
    for sentence in sumy_rank(sentences, algorithm):
        n = word_count(sentence.text)
        if used + n <= words:
            chosen.append(Ranked(sentence, support=1, score=0.0, supporters=()))
            used += n
    return chosen


def summarize_articles(
    articles: Sequence[Article],
    sentences: dict[str, Sequence[Sentence]],
    words: int = 100,
    algorithm: str = "consensus",
) -> list[Ranked]:
    """`summarize` of the articles' sentences (in article order); for `consensus`, syndicated copies
    are found first and count as one source, the topic being tokenised once for both steps."""
    from ..dedupe import syndication_groups

    all_sentences = [s for a in articles for s in sentences[a.id]]
    if algorithm != "consensus":
        return summarize(all_sentences, words=words, algorithm=algorithm)
    tokens = TopicTokens.build([s.text for s in all_sentences])
    groups = syndication_groups(articles, sentences, tokens)
    return summarize(all_sentences, words=words, algorithm=algorithm, groups=groups, tokens=tokens)
