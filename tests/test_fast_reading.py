"""Shortcuts of the reading stage: each gives what the code it skips gives."""

from __future__ import annotations

import itertools
import random

from briefgen.ingest import SENTENCE_STOP, cut_sentences
from briefgen.models import Article


def _cut_by_scanning(article: Article, limit: int, notes: list[str]) -> Article:
    """`cut_sentences` without its shortcut: every end mark found first."""
    ends = [m.end() for m in itertools.islice(SENTENCE_STOP.finditer(article.text), limit + 1)]
    if len(ends) <= limit:
        return article
    notes.append(f"cut after {limit:,} sentences (limit max_sentences_per_article)")
    return Article(id=article.id, path=article.path, text=article.text[: ends[limit - 1]].rstrip())


def test_cut_sentences_shortcut_cuts_as_the_scan_does() -> None:
    rng = random.Random(5)
    pieces = ["One", " two", ".", "...", "!?", "…", "。", "\n", " ", "\n\n", "3.5", "U.S.", "؟", "۔ "]
    cut = kept = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        article = Article(id="a", path="a.txt", text=text)
        for limit in range(1, 12):
            notes: list[str] = []
            expected_notes: list[str] = []
            got = cut_sentences(article, limit, notes)
            expected = _cut_by_scanning(article, limit, expected_notes)
            assert (got.text, notes) == (expected.text, expected_notes), (text, limit)
            if got is article:
                kept += 1
            else:
                cut += 1
    assert cut > 1000 and kept > 1000


def test_before_final_marks_is_the_text_before_the_final_marks_regex() -> None:
    from briefgen.split import FINAL_MARKS, before_final_marks

    alphabet = ".!?…)]”’\"'(a A\n"
    for n in range(6):
        for chars in itertools.product(alphabet, repeat=n):
            core = "".join(chars)
            final = FINAL_MARKS.search(core)
            assert final is not None
            if not core.endswith("\n"):  # `$` also matches before a final line break (one_sentence
                # gives None for a core ending in white space before it gets there)
                assert before_final_marks(core) == core[: final.start()], core
