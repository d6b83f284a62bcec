"""Sentence splitting with character offsets, on syntok (rule-based, no data download).

Also provides `SumyTokenizer`, so sumy's summarizers run on our splitter instead of NLTK punkt.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from syntok import segmenter

from .models import Article, Sentence

# Leading dateline inside a first sentence: "TOKYO (AP) — ", "March 30, 2025 (EIRNS)—".
LEADING_DATELINE = re.compile(r"^[^()\n]{0,60}?\([A-Za-z][A-Za-z .&-]{1,24}\)\s*[—–-]+\s*")
WORD = re.compile(r"[^\W_]+(?:(?:[’'.-]|(?<=\d),(?=\d))[^\W_]+)*", re.U)
MAX_SENTENCE_CHARS = 2000


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def split_text(text: str, skip: int = 0) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of every sentence of `text`; each line is a paragraph.

    The first `skip` characters (a dateline) are left out of the first sentence.
    """
    out: list[tuple[int, int, int]] = []
    for p, (pstart, pend) in enumerate(_paragraph_spans(text)):
        if pend <= skip:
            continue
        pstart = max(pstart, skip)
        para = text[pstart:pend]
        for sent_para in segmenter.analyze(para):
            for sentence in sent_para:
                tokens = [t for t in sentence if t.value]
                if not tokens:
                    continue
                start = tokens[0].offset
                end = tokens[-1].offset + len(tokens[-1].value)
                # Long run-ons without punctuation are cut so one "sentence" cannot swallow a page.
                while end - start > MAX_SENTENCE_CHARS:
                    cut = para.rfind(" ", start, start + MAX_SENTENCE_CHARS)
                    cut = cut if cut > start else start + MAX_SENTENCE_CHARS
                    out.append((pstart + start, pstart + cut, p))
                    start = cut + 1
                out.append((pstart + start, pstart + end, p))
    return out


OPENING = "“"
CLOSING = "”"


def _join_open_quotes(spans: list[tuple[int, int, int]], text: str) -> list[tuple[int, int, int]]:
    """Join sentences of one paragraph while a curly quotation is open, so a quote of several
    sentences stays one unit (at most 4 sentences)."""
    out: list[tuple[int, int, int]] = []
    pending: tuple[int, int, int] | None = None
    joined = 0
    for start, end, para in spans:
        if pending is not None and pending[2] == para and joined < 4:
            pending = (pending[0], end, para)
            joined += 1
        else:
            if pending is not None:
                out.append(pending)
            pending, joined = (start, end, para), 0
        chunk = text[pending[0] : pending[1]]
        if chunk.count(OPENING) <= chunk.count(CLOSING):
            out.append(pending)
            pending = None
    if pending is not None:
        out.append(pending)
    return out


def split_article(article: Article) -> tuple[Sentence, ...]:
    """The article's sentences; a leading dateline ("TOKYO (AP) —") is left out of the first one."""
    sentences = []
    m = LEADING_DATELINE.match(article.text)
    skip = m.end() if m else 0
    spans = _join_open_quotes(split_text(article.text, skip), article.text)
    for index, (start, end, paragraph) in enumerate(spans):
        sentences.append(Sentence(article.id, index, start, end, article.text[start:end], paragraph))
    return tuple(sentences)


_MATCH_TABLE = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "—": "-",
        "–": "-",
        "‐": "-",
        "‑": "-",
        "\u00a0": " ",
    }
)


def normalize(text: str) -> str:
    """Text for matching only (never shown): NFKC, straight quotes, plain dashes, case-folded."""
    text = unicodedata.normalize("NFKC", text).translate(_MATCH_TABLE)
    return re.sub(r"\s+", " ", text).strip().casefold()


def words(text: str) -> list[str]:
    """Word tokens of `text`, case-folded, punctuation dropped."""
    return WORD.findall(normalize(text))


class SumyTokenizer:
    """A sumy tokenizer (`to_sentences`, `to_words`) backed by syntok: no NLTK data needed."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[s:e] for s, e, _ in split_text(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_words_cached(sentence))


@lru_cache(maxsize=65536)
def _words_cached(sentence: str) -> tuple[str, ...]:
    return tuple(WORD.findall(sentence))
