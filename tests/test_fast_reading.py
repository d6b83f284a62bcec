"""Shortcuts of the reading stage: each gives what the code it skips gives."""

from __future__ import annotations

import itertools
import random

from briefgen.models import Article
from briefgen.reading import SENTENCE_STOP, cut_sentences


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
    from briefgen.reading.split import FINAL_MARKS, before_final_marks

    alphabet = ".!?…)]”’\"'(a A\n"
    for n in range(6):
        for chars in itertools.product(alphabet, repeat=n):
            core = "".join(chars)
            final = FINAL_MARKS.search(core)
            assert final is not None
            if not core.endswith("\n"):  # `$` also matches before a final line break (one_sentence
                # gives None for a core ending in white space before it gets there)
                assert before_final_marks(core) == core[: final.start()], core


def _classify_every_rule(line: str) -> str | None:
    """`clean.classify` as it was: every rule compiled, clues one regex alternative each."""
    import re

    from briefgen.reading import clean

    if len(line) > clean.MAX_BOILERPLATE_CHARS:
        return clean.platform_notice(line) or ("image caption" if clean.LONG_CAPTION.match(line) else None)
    line = clean.match_form(line)
    lower = (line if line.isascii() else clean.replace_chars(line, clean.ASCII_FOLD_PAIRS)).lower()
    any_clue = "|".join(re.escape(clue) for clues in clean.RULE_CLUES for clue in clues)
    if clean.ANY_PLAIN_RULE.search(line) or re.search(any_clue, lower):
        for rule in clean._RULES:
            pattern, reason, clues = rule[0], rule[1], rule[2:]
            if (not clues or any(clue in lower for clue in clues)) and re.search(pattern, line, re.I):
                return reason
    if clean.DATELINE_FRAGMENT.match(line):
        return "truncated dateline"
    return "platform notice" if clean.PLATFORM_NOTICES.match(clean.match_form(line[:300])) else None


def test_classify_shortcuts_give_every_rules_reason(seeds: list) -> None:
    from pathlib import Path

    from briefgen.reading.clean import classify

    lines = {
        line.strip()
        for path in seeds
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    lines |= {
        "Read more: the plan",
        "Home > News > World",
        "Leave a comment",
        "© 2025 The Daily Planet",
        "Image copyright AFP Image caption The minister",
        "Photo: Jane Doe / Getty Images",
        "Subscribe to our newsletter for updates",
        "Your reactions?",
        "Your   reactions?",
        "Ｓｕｂｓｃｒｉｂｅ to the news",
        "TOKYO (AP) — U",
        "Tags: politics, world",
        "3 min read",
        "Please consider making a donation to support our journalism.",
        "You can add location information to your Tweets. " + "x " * 140 + "end",
        "Your reactions " + "y" * 290 + " ? tail",
        "A" * 299 + " your reactions?",
    }
    reasons = set()
    for line in lines:
        classify.cache_clear()
        reasons.add(classify(line))
        assert classify(line) == _classify_every_rule(line), line
    assert len(reasons) > 12
