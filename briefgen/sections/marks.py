"""Quotation marks: which stretches of an article's text are quoted (shared by people and quotes).

“ and `` open and ” closes. " and '' (typewriter marks, which some outlets put on both sides) open or
close by the characters around them. Reading turns typewriter '' into a ” padded with a space on its
outer side ("” "), also where an outlet used '' to open a quotation, so a ” with white space (or the
paragraph's start) before it opens one. Marks are paired per paragraph; a quotation left open runs to
the end of its paragraph (an opening mark on each paragraph of a long quotation, a closing one only
at its end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = ("“", "``")
MARKS = re.compile(r"``|''|[“”\"]")


@dataclass(frozen=True)
class Span:
    start: int  # of the opening mark
    end: int  # after the closing mark (or the paragraph's end when left open)
    inner_start: int
    inner_end: int
    closed: bool
    paragraph: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _opens(text: str, i: int, width: int) -> bool:
    """Whether a two-way mark opens a quotation when none is open: text follows it."""
    after = text[i + width] if i + width < len(text) else " "
    return not after.isspace() and after not in ",.;:!?)"


def _reopens(text: str, i: int, width: int) -> bool:
    """Whether a two-way mark, while one is open, rather opens a new one (space before, text after)."""
    before = text[i - 1] if i > 0 else " "
    return before.isspace() and _opens(text, i, width)


def _opening_close_mark(text: str, i: int, start: int, end: int) -> bool:
    """Whether a ” stands where a quotation opens: at the paragraph's start or after white space,
    with a word after it (the padded typewriter '' reading leaves one space between)."""
    if i > start and not text[i - 1].isspace():
        return False
    j = i + 1
    if j < end and text[j] == " ":
        j += 1
    return j < end and (text[j].isalnum() or text[j] in "‘'$(")


def quote_spans(text: str) -> list[Span]:
    """Quotations of `text`, paired per paragraph; an open one runs to the end of its paragraph."""
    spans: list[Span] = []
    for p, (pstart, pend) in enumerate(paragraphs(text)):
        opened: tuple[int, str] | None = None
        for m in MARKS.finditer(text, pstart, pend):
            i, c = m.start(), m.group()
            width = len(c)
            if opened is None:
                two_way = c in ('"', "''") and _opens(text, i, width)
                if c in OPENERS or two_way or (c == "”" and _opening_close_mark(text, i, pstart, pend)):
                    opened = (i, c)
                continue
            start, kind = opened
            if kind in OPENERS:
                # A straight mark after text closes a curly quotation too (mixed marks).
                closes = (
                    c in ("”", "''")
                    or (c == '"' and not text[i - 1].isspace() and not _opens(text, i, 1))
                    # A “ typed for ” after the quotation's last word ('... stand.“ [Source]').
                    or (c == "“" and not text[i - 1].isspace() and not text[i + 1 : i + 2].isalnum())
                )
            elif kind == "”":
                closes = c == "”" and not _opening_close_mark(text, i, pstart, pend)
            else:
                closes = c == kind and not _reopens(text, i, width)
            if closes:
                spans.append(Span(start, i + width, start + len(kind), i, True, p))
                opened = None
            elif c == kind or c in OPENERS:
                # Two opening marks in a row: the first was never closed; start again here.
                opened = (i, c)
        if opened is not None:
            start, kind = opened
            spans.append(Span(start, pend, start + len(kind), pend, False, p))
    return spans
