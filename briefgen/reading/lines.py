"""Lines -> paragraphs: tell, from the text itself, what each line break of a plain-text article is.

Plain text comes with its lines broken for many reasons: a paragraph hard-wrapped at a fixed width
(newswire archives, e-mail newsletters, `pdftotext`, `lynx -dump`), one sentence a line, one paragraph
a line, paragraphs started by an indentation instead of a blank line, list items and headings, and in
PDF text page breaks with running headers, footers and page numbers. Cleaning and splitting work on
paragraphs, so every break is decided here first, from evidence in the text:

- a blank line ends a paragraph (unless the text is hard-wrapped and printed double spaced, a blank
  line after every line); so does a line that starts a list item or a Markdown heading;
- an indented line starts a paragraph when the text indents the first lines of its paragraphs
  (indented lines mostly followed by flush ones);
- a break is a *wrap* (read as a space) when the next line's first word would not have fitted on the
  line: the wrap width is read from the text's own line lengths (and whether its wrapper is greedy:
  then a line that ends a sentence with room for the next word ends its paragraph); a line that ends
  without terminal punctuation followed by a lower-case word, a digit or punctuation goes on too;
- any other break is deliberate: a paragraph break, unless the text is written one sentence a line
  (its lines are single sentences and its paragraphs are marked otherwise: by blank lines cutting it
  into blocks, none holding most lines, or by indentation), where it is a space; a line opening with
  a bar or an em dash after a quotation's closing mark is its signature and goes on;
- a word split by a hyphen at a line end is joined only when the text has the joined word elsewhere
  ("gov-" + "ernment" when "government" is printed); otherwise the hyphen stays ("post-" + "election"),
  and a suspended hyphen keeps its space ("college- and street-educated").

PDF page furniture is taken out first, each line with its reason: lines next to a form feed that
repeat on most pages (running headers and footers, digits ignored) and page numbers there.

Kept lines are only ever joined, never rewritten: a paragraph is its lines, stripped, joined with a
space (or with nothing after a hyphen joined into a word).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import string
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..models import PAGE_FURNITURE, RemovedLine
from .chars import quote_marks
from .split import MAYBE_END, sentence_spans

LIST_ITEM = re.compile(r"(?:[-*+•·▪‣◦–]|\(?(?:\d{1,3}|[a-zA-Z])[.)])\s+\S")
NUMBERED = re.compile(r"\(?\d")  # a list item numbered with digits
# Marks that start a list item whatever comes before; a dash or a number starts one only after a line
# that ends a sentence, a colon or another item ("to run\n- and with his back turned", "Highway\n31.").
BULLET = re.compile(r"[*+•·▪‣◦]\s+\S")
HEADING = re.compile(r"#{1,6}\s+\S")
SIGNATURE = re.compile(r"[―—]\s")  # a line opening with a bar or an em dash: a signature after a quotation
QUOTATION_END = re.compile(r"(?:[”\"]|'')$")
# A line's last characters that end a sentence (closing quotes and brackets may follow the mark).
# Footnote markers may follow the end ("... outside.[4][14]", as encyclopedias print them).
FOOTNOTES = r"(?:\[\d{1,3}\])*"
ENDS_SENTENCE = re.compile(rf"""[.!?…:]["'”’)\]]*{FOOTNOTES}$|[.!?…]\s*(?:''|["”’]){FOOTNOTES}$""")
SENTENCE_TAIL = 64  # characters at a line's end that can hold its final marks (searched alone: faster)


def ends_sentence(line: str) -> bool:
    """Whether the line ends like a sentence (`ENDS_SENTENCE` searched in its last characters only,
    and only when the last one can end a match)."""
    if not line or line[-1] not in FINAL_CHARS:
        return False
    return ENDS_SENTENCE.search(line, max(0, len(line) - SENTENCE_TAIL)) is not None


FINAL_CHARS = frozenset(".!?…:\"'”’)]")  # the characters an ENDS_SENTENCE match can end with


# A line ending like a sentence or a clause: one sentence a line goes on there (a headline, a
# label or a teaser cut short stays apart).
CLAUSE_END = re.compile(rf"""[.!?,;:]["'”’)\]]*{FOOTNOTES}$""")
CONTINUES = re.compile(r"""[a-z]|[,;:)\]%]|--|[—–-]\s""")
# A number or a bracket goes on too, in text that is wrapped ("in\n2012, but", "visit\n(the").
CONTINUES_WRAPPED = re.compile(r"[0-9(]")
HYPHENATED_END = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-$")
NEXT_WORD_START = re.compile(r"[a-z]+")
# Words after a suspended hyphen ("college- and street-educated"): the space stays.
SUSPENDING = frozenset({"and", "or", "nor", "to", "through", "versus"})
FIRST_WORD = re.compile(r"\S+")
PAGE_NUMBER = re.compile(
    r"(?i:page\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?i:of|/)\s*\d{1,4})?"
)
PAGE_NUMBER_REASON, RUNNING_REASON = sorted(PAGE_FURNITURE)
FURNITURE_LINES = 3  # lines looked at on each side of a page break for headers, footers, numbers
MIN_PAGES = 2  # a running header or footer repeats on at least this many pages (and on most pages)
MIN_WRAPPED_LINES = 2  # lines that break a sentence off, explained by one width
SENTENCE_SAMPLE = 40  # lines split to tell one sentence a line from one paragraph a line
NEAR_WIDTH_SHARE = 0.3  # of the lines, those near the width: at least this many in wrapped text
WRAPPED_SHARE = 0.5  # of the lines that break a sentence off, full ones: at least this many
WRAP_SAMPLE = 2000  # lines read to tell how a text is wrapped (it is wrapped alike throughout)
SHAPE_SAMPLE = 200  # continuation words looked at for the table test
SAME_START_SHARE = 0.8  # lines after full ones starting with words of one shape: a table or a log
MIN_WORDS_PER_LINE = 5  # words on a wrapped line (median): fewer is a list of short lines
OVER_PER_FULL = 4  # full lines needed for each line longer than the width (a title, a URL)
MOST_LINES_IN_ONE_BLOCK = 2 / 3  # of a text's lines, in its longest block: blank lines cut it into paragraphs
GREEDY_EVIDENCE = 20  # wraps before a lower-case word, none with room for it: a greedy wrapper


@dataclass(frozen=True)
class Paragraphs:
    """A text's paragraphs (each its lines joined) and the page furniture removed, with reasons."""

    paragraphs: tuple[str, ...]
    removed: tuple[RemovedLine, ...] = ()


def indent_width(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4
        elif char in "\u00a0\u3000":
            width += 1
        else:
            break
    return width


def _page_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def remove_page_furniture(lines: list[str]) -> tuple[list[str | None], list[RemovedLine]]:
    """`lines` with form feeds read as page breaks (None) and the furniture next to them removed.

    Only text with a form feed has pages; without one nothing is removed."""
    if not any("\f" in line for line in lines):
        return list(lines), []
    pages: list[list[str]] = [[]]
    for line in lines:
        parts = line.split("\f")
        pages[-1].append(parts[0])
        for part in parts[1:]:
            pages.append([part])
    # The lines near each page's top and bottom (not blank).
    edges: list[list[int]] = []
    for page in pages:
        filled = [i for i, line in enumerate(page) if line.strip()]
        edges.append(sorted(set(filled[:FURNITURE_LINES] + filled[-FURNITURE_LINES:])))
    counts = Counter(
        key for page, idx in zip(pages, edges, strict=True) for key in {_page_key(page[i]) for i in idx}
    )
    running = {
        key for key, n in counts.items() if n >= MIN_PAGES and n >= len(pages) / 2 and len(key.split()) <= 20
    }
    removed: list[RemovedLine] = []
    out: list[str | None] = []
    for p, (page, idx) in enumerate(zip(pages, edges, strict=True)):
        drop: set[int] = set()
        for i in idx:
            line = page[i].strip()
            if PAGE_NUMBER.fullmatch(line):
                drop.add(i)
                removed.append(RemovedLine(line, PAGE_NUMBER_REASON))
            elif _page_key(line) in running:
                drop.add(i)
                removed.append(RemovedLine(line, RUNNING_REASON))
        kept = [line for i, line in enumerate(page) if i not in drop]
        if drop:
            # The blank lines that separated the furniture from the body go with it.
            while kept and not kept[0].strip():
                kept.pop(0)
            while kept and not kept[-1].strip():
                kept.pop()
        if p:
            out.append(None)
        out.extend(kept)
    return out, removed


def columns(line: str, tab: int = 8) -> int:
    """The columns a line takes (a tab to the next multiple of `tab`, trailing white space ignored)."""
    return len(line.rstrip().expandtabs(tab))


@dataclass(frozen=True)
class Wrap:
    """How a text is hard-wrapped: at `width` columns; a line is full (its break a wrap) when the next
    line's first word would not have fitted on it, or when it lacks no more than `slack` columns
    (a long word: wrappers that are not greedy leave up to that much)."""

    width: int = 0
    slack: int = 0
    tab: int = 8
    full_lines: int = 0
    greedy: bool = False
    """The wrapper is greedy: every line that breaks a sentence off before a lower-case word (of at
    least `GREEDY_EVIDENCE`) lacks room for that word. A line of such a text that ends a sentence and
    had room for the next word ends its paragraph (a heading or a caption may follow): the slack is
    for wrappers that are not greedy."""

    def columns(self, line: str) -> int:
        return columns(line, self.tab)

    def full(self, line_columns: int, next_word: str, sentence_end: bool = False) -> bool:
        if not self.width:
            return False
        if line_columns + 1 + len(next_word) > self.width:
            return True
        return self.width - line_columns <= self.slack and not (sentence_end and self.greedy)


def wrap_of(lines: list[str]) -> Wrap:
    """How the text is hard-wrapped (`Wrap()` when it is not); with tabs, read at the tab width (1, 4
    or 8 columns: wrappers differ) that makes the most lines full."""
    if not any("\t" in line for line in lines):
        return _wrap_at(lines, 8)
    return max((_wrap_at(lines, tab) for tab in (8, 4, 1)), key=lambda w: w.full_lines)


def _wrap_at(lines: list[str], tab: int) -> Wrap:
    """How the text is hard-wrapped, tabs read as `tab` columns (`Wrap()` when it is not).

    A line that breaks a sentence off is *explained* by a width when it fits in it and the next
    line's first word would not have (what a greedy wrapper does). The width is the one that explains
    the most such lines, less the lines longer than it (a lone URL, a table row or a title cannot set
    it). A long word is the 95th percentile of the text's word lengths. The text is wrapped at that
    width when

    - its lines in blocks (a line next to another line) pile up just under it: at least two, and a
      share of them, lack no more than a long word (text broken by paragraph or by sentence has lines
      of every length);
    - of the lines that break a sentence off, most are explained (headings and bylines are not),
      and with the lines that end a sentence inside a block and are explained too, at least two;
    - lines longer than the width by more than a long word are far fewer than the explained lines
      (only lines next to another line count: a lone title or URL between blank lines does not);
    - the explained lines hold a few words each (a list of short lines is no paragraph cut into lines),
      and the lines after them do not nearly all start with one shape of word other than a lower-case
      or capitalised one (rows of a table or a log do: "03-02-2024 9:07 - ID: ...")."""
    filled = [bool(line.strip()) for line in lines]
    cols = [columns(line, tab) if full else -1 for line, full in zip(lines, filled, strict=True)]
    lengths = [n for n in cols if n >= 0]
    # Lines in a block of two or more: a lone line (a title, a URL, a short paragraph between blank
    # lines) says nothing of how paragraphs are wrapped, so it cannot count against a width.
    last = len(lines) - 1
    in_block = [
        n
        for i, n in enumerate(cols)
        if n >= 0 and ((i > 0 and filled[i - 1]) or (i < last and filled[i + 1]))
    ]
    # (columns, columns with the next word, words, the next line's first word)
    breaks: list[tuple[int, int, int, str]] = []
    # The same for lines that end a sentence and go on with another line of their block: a wrapper
    # breaks there too, when the next word does not fit (support for a short text's few breaks).
    sentence_ends: list[tuple[int, int]] = []
    for i in range(last):
        if not (filled[i] and filled[i + 1]):
            continue
        line, n = lines[i], cols[i]
        first = FIRST_WORD.match(lines[i + 1].lstrip()).group()  # type: ignore[union-attr]
        if not ends_sentence(line.rstrip()):
            breaks.append((n, n + 1 + len(first), len(line.split()), first))
        else:
            sentence_ends.append((n, n + 1 + len(first)))
    if not breaks:
        return Wrap()
    by_length = sorted(lengths)
    starts = sorted(n for n, _, _, _ in breaks)
    ends = sorted(with_next for _, with_next, _, _ in breaks)

    def score(width: int) -> int:
        """Breaks explained (n <= width < with_next) less the lines longer than `width`."""
        explained = bisect.bisect_right(starts, width) - bisect.bisect_right(ends, width)
        return explained - (len(by_length) - bisect.bisect_right(by_length, width))

    width = max(sorted(set(starts)), key=score)
    slack = _percentile_word_length(lines, 0.95) + 1
    near = sum(1 for n in in_block if 0 <= width - n <= slack)
    if near < 2 or near < NEAR_WIDTH_SHARE * len(in_block):
        return Wrap()
    explained = [(words_on, nxt) for n, with_next, words_on, nxt in breaks if n <= width < with_next]
    full = [words_on for words_on, _ in explained]
    also_full = sum(1 for n, with_next in sentence_ends if n <= width < with_next)
    over = sum(1 for n in in_block if n > width + slack)
    if (
        not full
        or len(full) + also_full < MIN_WRAPPED_LINES
        or len(full) < WRAPPED_SHARE * len(breaks)
        or OVER_PER_FULL * over >= len(full) + also_full
    ):
        return Wrap()
    if sorted(full)[len(full) // 2] < MIN_WORDS_PER_LINE:
        return Wrap()  # a list of short lines (menus, credits), not a paragraph cut into lines
    sample = explained[:: max(1, len(explained) // SHAPE_SAMPLE)]
    shape, n = Counter(word_shape(nxt) for _, nxt in sample).most_common(1)[0]
    if shape not in ("a", "Aa") and n >= SAME_START_SHARE * len(sample):
        return Wrap()  # rows of a table or a log (every line starts alike), not prose going on
    # Lines that break a sentence off before a lower-case word are wraps whatever the wrapper: when
    # enough of them and none had room for that word, the wrapper is greedy.
    going_on = [with_next for _, with_next, _, nxt in breaks if nxt[0].islower()]
    greedy = len(going_on) >= GREEDY_EVIDENCE and min(going_on) > width
    return Wrap(width, slack, tab, len(full), greedy)


def _percentile_word_length(lines: list[str], share: float) -> int:
    """The length of the word at `share` of the text's words ordered by length (counted, not sorted)."""
    counts = Counter(map(len, " ".join(lines).split()))
    rank = int(sum(counts.values()) * share)
    for length in sorted(counts):
        rank -= counts[length]
        if rank < 0:
            return length
    return 0


def _one_sentence_lines(lines: list[str]) -> bool:
    """Whether the text is written one sentence a line: hardly any of its long lines holds two
    sentences (split as the sentence splitter splits them), where text written one paragraph a line
    has many that do."""
    long_lines = [line.strip() for line in lines if len(line.split()) >= 5]
    if len(long_lines) < 3:
        return False
    sample = long_lines[:: max(1, len(long_lines) // SENTENCE_SAMPLE)]
    allowed = 0.1 * len(sample)
    several = 0
    for line in sample:
        if MAYBE_END.search(line) and len(sentence_spans(line)) > 1:
            several += 1
            if several > allowed:
                return False
    return True


def _apart_by_blank_lines(lines: list[str]) -> bool:
    """Whether blank lines cut the text into paragraphs: its longest block (lines with no blank line
    between them) holds at most `MOST_LINES_IN_ONE_BLOCK` of its lines. A headline and a dateline set
    apart above one block of every other line is a text that blank lines do not cut into paragraphs."""
    runs = [len(list(run)) for blank, run in itertools.groupby(lines, lambda x: not x.strip()) if not blank]
    return max(runs, default=0) <= MOST_LINES_IN_ONE_BLOCK * sum(runs)


def rebuild(lines: list[str]) -> Paragraphs:
    """The paragraphs of a plain text given as lines (see the module's docstring)."""
    known: Wrap | None = None  # how the lines are wrapped, when already read
    if not any(a.strip() and b.strip() for a, b in zip(lines, lines[1:], strict=False)) and not any(
        "\f" in line for line in lines
    ):
        # A blank line after every line: one paragraph a line, or a hard-wrapped text printed double
        # spaced (each wrapped line followed by a blank one), whose blank lines then say nothing.
        filled = [line.strip() for line in lines if line.strip()]
        # Most lines of wrapped text break a sentence off; most paragraphs end one.
        sample = filled[:WRAP_SAMPLE]
        open_ended = sum(1 for line in sample if not ends_sentence(line))
        if open_ended < WRAPPED_SHARE * len(sample) or not (known := wrap_of(sample)).width:
            return Paragraphs(tuple(filled))
        lines = filled
    marked, removed = remove_page_furniture(lines)
    body = [line for line in marked if line is not None]
    # A text is wrapped alike throughout: its first lines tell (read once).
    wrap = known if known is not None and len(body) == len(lines) else wrap_of(body[:WRAP_SAMPLE])
    indents = [indent_width(line) if line.strip() else -1 for line in body]
    filled = [i for i in indents if i >= 0]
    base = min(filled) if filled else 0

    # First-line indentation: indented lines (more than the text's least indentation) that are
    # followed by a flush line of the same block, against those followed by another indented line
    # that they break off mid-sentence before a lower-case word (an indented block). An indented line
    # that ends a sentence or a clause, or is followed by a capitalised word, says nothing (nor does an
    # indented line that goes on mid-sentence, a stray space in a wrapped paragraph): one-line
    # paragraphs (a title, a round-up's "The Times:", a label, a short notice) are indented alike in
    # both kinds of text (and how wide a tab is, hence whether such a line was full, is a guess).
    def breaks_off(i: int) -> bool:
        nxt = FIRST_WORD.search(body[i + 1])
        return not CLAUSE_END.search(body[i].rstrip()) and nxt is not None and nxt.group()[0].islower()

    def starts_paragraph(i: int) -> bool:
        """After a blank, an indented line or a sentence's end: not a stray space before a line that
        goes on mid-sentence ("the Harbour Works and\n Ferry Board said")."""
        return i == 0 or indents[i - 1] != base or ends_sentence(body[i - 1].rstrip())

    indented_then = Counter(
        indents[i + 1] <= base
        for i in range(len(body) - 1)
        if indents[i] > base
        and indents[i + 1] >= 0
        and (starts_paragraph(i) if indents[i + 1] <= base else breaks_off(i))
    )
    first_line_indent = indented_then[True] > indented_then[False]
    layout = Layout(
        wrap=wrap,
        base_indent=base,
        first_line_indent=first_line_indent,
        # One sentence a line only where the text marks its paragraphs otherwise: printed double spaced,
        # a wrapped text marks them by nothing but their last lines (a line that is not full and ends
        # a sentence ends one), and lines with no blank line or indentation between them are each a
        # paragraph (web pages saved one paragraph a line, many of one sentence).
        sentence_lines=functools.cache(lambda: _one_sentence_lines(body))
        if known is None and (first_line_indent or _apart_by_blank_lines(body))
        else lambda: False,
    )
    words = functools.cache(lambda: _word_set(body))  # built at the first hyphen at a line end

    paragraphs: list[str] = []
    current: list[str] = []  # the current paragraph's pieces
    prev = ""  # the previous non-blank line (stripped), "" after a blank line or a new paragraph
    prev_columns = 0
    page_break = False
    for n, line in enumerate(marked):
        if line is None:
            page_break = True
            continue
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(joined(current))
                current = []
            prev = ""
            page_break = False
            continue
        indent = indent_width(line)
        nxt_line = marked[n + 1] if n + 1 < len(marked) else None
        last = nxt_line is None or not nxt_line.strip()
        if prev and layout.goes_on(prev, prev_columns, stripped, indent, page_break, last):
            hyphen = HYPHENATED_END.search(prev)
            nxt = NEXT_WORD_START.match(stripped)
            if hyphen and nxt and (hyphen.group(1) + nxt.group()).casefold() in words():
                current[-1] = current[-1][:-1]  # "gov-" + "ernment": the word is printed whole elsewhere
                current.append(stripped)
            elif hyphen and nxt and nxt.group() not in SUSPENDING:
                current.append(stripped)  # "post-" + "election": a compound, hyphen kept
            else:
                current.append(" " + stripped)
        else:
            if current:
                paragraphs.append(joined(current))
            current = [stripped]
        prev, prev_columns, page_break = stripped, wrap.columns(line), False
    if current:
        paragraphs.append(joined(current))
    return Paragraphs(tuple(paragraphs), tuple(removed))


SPACE_RUN = re.compile(r"[ \t]{2,}")


def joined(pieces: list[str]) -> str:
    """A paragraph from its lines' pieces. When it spans lines, runs of spaces inside them are one space:
    justified text (`pdftotext -layout`, typeset newsletters) pads its lines with spaces that no reader
    sees as part of a sentence. A paragraph of one line keeps its spacing (a row of a table aligned by
    spaces is shown as printed)."""
    text = "".join(pieces)
    return SPACE_RUN.sub(" ", text) if len(pieces) > 1 else text


def _word_set(lines: list[str]) -> set[str]:
    return {w.casefold() for line in lines for w in re.findall(r"[^\W\d_]+", line)}


@dataclass(frozen=True)
class Layout:
    """What a text shows of how its lines are broken (read once, then asked at every line break)."""

    wrap: Wrap
    base_indent: int
    first_line_indent: bool
    """Paragraphs start with an indented line (indented lines are mostly followed by flush ones)."""
    sentence_lines: Callable[[], bool]
    """Whether the text is written one sentence a line (computed when first asked)."""

    def goes_on(
        self, prev: str, prev_columns: int, line: str, indent: int, page_break: bool, last: bool
    ) -> bool:
        """Whether `line` goes on the paragraph that `prev` (the line before it) is in. `last`: no
        line of the same block follows `line`."""
        if BULLET.match(line) or HEADING.match(line) or HEADING.match(prev):
            return False
        ended = ends_sentence(prev)
        if (
            LIST_ITEM.match(line)
            and (ended or LIST_ITEM.match(prev))
            and not (NUMBERED.match(line) and self.wrap.full(prev_columns, line.split()[0]))
        ):
            return False  # a list item, unless a number that did not fit on a full line ("Feb." + "20.")
        if SIGNATURE.match(line) and QUOTATION_END.search(prev):
            return True  # "… thank you.”" + "― Ana Ruiz, Elton": a quotation's signature
        if self.first_line_indent and indent > self.base_indent:
            return False
        if not ended and (CONTINUES.match(line) or (self.wrap.width and CONTINUES_WRAPPED.match(line))):
            return True
        first = FIRST_WORD.match(line)
        if first and self.wrap.full(prev_columns, first.group(), ended):
            return True  # the next word did not fit: a wrap
        if page_break or indent > self.base_indent:
            return False  # an indented line after one that is not full starts a paragraph or a block
        # One sentence a line: a sentence goes on with the next one. A heading does not (it stands
        # before what it heads); a fragment that ends the block does ("(Source: Harbour TV)").
        if (heading_like(prev) and not open_quotation(prev)) or (heading_like(line) and not last):
            return False
        return self.sentence_lines()


def printed_in(sentence: str, printed: str) -> bool:
    """Whether `sentence` (a sentence or paragraph as briefgen read it) is found in `printed` (the
    text of its file, decoded and repaired) under the reading's rule: each run of white space in the
    sentence stands for any run of white space in the file (line breaks, indentation, form feeds), a
    hyphen may be followed by a line break ("post-" + "election"), a word may be split by a hyphen at
    a line end ("gov-" + "ernment"), and typewriter quotation marks read as typographic ones.
    Page furniture between two pages is not skipped: a sentence across a page break fails it."""
    parts = []
    for token in sentence.split():
        chars = [re.escape(c) + (r"\s*" if c == "-" else "") for c in token]
        parts.append(r"(?:-[ \t]*\n\s*)?".join(chars))
    pattern = r"\s+".join(parts)
    return re.search(pattern, quote_marks(printed)) is not None or re.search(pattern, printed) is not None


def open_quotation(line: str) -> bool:
    """Whether a quotation opened on the line is still open at its end ("“They said it was
    because of the storm ..."): the line is not a heading, and the quotation goes on."""
    marks = quote_marks(line)
    return marks.count("“") > marks.count("”")


def title_like(line: str) -> bool:
    """Whether most of the line's words are capitalised, as in a title or a heading."""
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    capitalised = sum(1 for w in words if not w[0].islower())
    return capitalised > len(words) / 2


def heading_like(line: str) -> bool:
    """A line that does not end like a sentence or a clause (a full stop, a comma, a colon...), or a
    teaser cut short ("..."): a headline, label or link among sentences, not one of them."""
    return bool(CUT_SHORT.search(line)) or not CLAUSE_END.search(line)


# A teaser cut short: an ellipsis right after a word ("Port deal signed after long…"), not after a
# sentence's end ("as I can. ...").
CUT_SHORT = re.compile(r"[^\W_]\s?(?:\.\.\.|…)$")


def word_shape(word: str) -> str:
    """A word's shape: "Trump," -> "Aa,", "03-02-2024" -> "9-9-9", "according" -> "a"."""
    return "".join(char for char, _ in itertools.groupby(word.translate(SHAPE_CHARS)))


SHAPE_CHARS = str.maketrans(
    {**{c: "a" for c in string.ascii_lowercase}, **{c: "A" for c in string.ascii_uppercase}}
    | {c: "9" for c in string.digits}
)
