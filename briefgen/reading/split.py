"""Sentence splitting with character offsets, on syntok (rule-based, no data download).

syntok tokenizes and segments in pure Python, the costliest step of reading. Two exact shortcuts
give the very spans syntok gives without running it where its rules leave no choice (tests compare
both ways on generated and real text):

- a paragraph is first cut where syntok always splits: a terminal (`.`, `!`, `?`, maybe a closing
  quote) after a plain word that is not one of its abbreviations, then spaces and a capital letter
  or a quotation mark, outside the stretch that holds brackets (syntok skips bracketed text, looking
  ahead). syntok starts there afresh, so each piece can be segmented alone;
- a piece is one sentence when no terminal can end a sentence before its last characters: it has
  no bracket, and each terminal inside it is inside a word ("U.S", "3.5") or is followed by a
  lower-case word (syntok's first rule: never split there).

Also provides `SumyTokenizer`, so sumy's summarizers run on our splitter instead of NLTK punkt.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from syntok import segmenter
from syntok._segmentation_states import State

from ..models import Article, Sentence
from .chars import char_pairs, quote_marks, replace_chars

# A place in capitals (its first word of three letters or more, or "ST."; not "US - China talks"),
# maybe with its state, country or a date, then a dash: "LOS ANGELES --",
# "RACELAND, La. –", "NANNING, Nov. 2 --", "STOCKHOLM—". Newswire also writes the dash as "_"
# ("CROW AGENCY, Mont. _ The ...").
PLACE_DATELINE = (
    r"(?-i:(?:[A-Z]{3}[A-Z'’-]*\.?|[A-Z]{2}\.(?= ))(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?:, [A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2}"
    r"(?: \d{1,2})?)?\s*(?:—|–|--|-|_(?= ))"
)
# Leading dateline inside a first sentence: "TOKYO (AP) — ", "March 30, 2025 (EIRNS)—", "(CNN) ",
# "PORT ALDEN (AP) _ The ...", or a place in capitals and a dash before a capital letter or a quote,
# or the dash alone (a page that lost the place: "- A 3-year-old boy was ...").
LEADING_DATELINE = re.compile(
    rf"^(?:[^()\n]{{0,60}}?\([A-Za-z][A-Za-z .&-]{{1,24}}\)\s*(?:[—–-]+|_(?= ))\s*"
    # The agency without a dash, alone or after a place with its region or in capitals: "(CNN) Donald
    # Trump made ...", "Sanaa, Yemen (CNN) The ...", "WASHINGTON (CNN) The ..." (not "Korvath (KVB) CEO").
    r"|(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2} |[A-Z]{3}[A-Z'’-]*"
    r"(?: [A-Z][A-Z'’-]+){0,2} )?\((?-i:[A-Z][A-Za-z.&]{1,15})\)\s+(?=[A-Z\"“])"
    rf"|(?:{PLACE_DATELINE}|[—–-]+(?= ))\s*(?=[A-Z0-9\"'“‘]))"
)
# A dateline opening a later paragraph, where the story starts after a caption or a byline, or a
# digest's next story: a place in capitals (maybe with its region) and the agency in brackets, a dash
# maybe after them ("PORT ALDEN, Md. (AP) - During ...", "ELTON (Reuters) - The ..."), or a place in
# capitals and a dash. Stricter than LEADING_DATELINE: no text of any kind before the brackets, no
# lone dash (a list item).
LATER_DATELINE = re.compile(
    r"(?:(?-i:[A-Z]{2}[A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3})(?:, [A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2})?"
    r"\s*\((?-i:[A-Z][A-Za-z .&-]{1,24})\)\s*(?:(?:[—–-]+|_)\s+)?"
    rf"|{PLACE_DATELINE}\s*)(?=[A-Z0-9\"'“‘])"
)
# A page's advertisement marker flattened onto the sentence after it ("Advertisement The boy was
# ..."): left out of the sentence, as a dateline is.
AD_MARK = re.compile(r"(?:Advertisement|ADVERTISEMENT)\s+(?=[A-Z0-9\"“‘])")
WORD = re.compile(r"[^\W_]+(?:(?:[’'.-]|(?<=\d),(?=\d))[^\W_]+)*", re.U)
MAX_SENTENCE_CHARS = 2000


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


_TERMINAL_CHARS = "".join(sorted(t for t in State.terminals if len(t) == 1))
_CLOSER_CHARS = "".join(sorted(State.closing_quotes | State.closing_brackets))
assert not set(_TERMINAL_CHARS) & set(_CLOSER_CHARS) and "\n" not in _TERMINAL_CHARS + _CLOSER_CHARS
_TERMINALS = re.escape(_TERMINAL_CHARS)
_BRACKETS = re.escape("".join(sorted(State.opening_brackets | State.closing_brackets)))
_CLOSERS = re.escape(_CLOSER_CHARS)
_SPACES = " \t\u00a0\u200b"  # surely spaces for syntok (white space or U+200B)
TERMINAL_RUN = re.compile(rf"[{_TERMINALS}]+")
FINAL_MARKS = re.compile(rf"[{_TERMINALS}]*[{_CLOSERS}]*$")
# After a terminal run: an optional closing quote (no space), spaces, then the next token's first
# character, or the end of the text.
AFTER_TERMINAL = re.compile(r"(?P<quote>[\"'”’]?)(?P<gap>[ \t\u00a0]*)(?P<next>.?)", re.S)
LETTERS = re.compile(r"[^\W\d_]+")
NUMBER_TOKEN = re.compile(r"[0-9]+(?=$|[ \t\u00a0]|[,;:.!?](?:$|[ \t\u00a0]))")
DOTTED_WORD = re.compile(r"[a-z0-9]+(?:\.[a-z0-9]+)+|[A-Z0-9]+(?:\.[A-Z0-9]+)+")
ONE_TOKEN_WORD = re.compile(r"[A-Z]?[a-z]+")
ABBREVIATIONS = frozenset(w for w in State.abbreviations if ONE_TOKEN_WORD.fullmatch(w))
MONTHS = frozenset(w for w in State.months if ONE_TOKEN_WORD.fullmatch(w))


def _next_token_is_starter(text: str, at: int) -> bool:
    """Whether the token syntok reads at `at` (a letter) may be one of its sentence starters."""
    word = LETTERS.match(text, at)
    if word is None:
        return False
    if not word.group().isascii():
        return True  # not worth the risk: a few starters are not ASCII
    token = re.split(r"(?<=[a-z])(?=[A-Z])", word.group(), maxsplit=1)[0]
    return token in State.starters


def _harmless(body: str, start: int, end: int) -> bool:
    """Whether syntok surely does not split at the terminals body[start:end] (one sentence goes on)."""
    run = body[start:end]
    before = body[start - 1 : start]
    after_char = body[end : end + 1]
    inside_word = run in (".", "!", "?") and (before + after_char).isascii() and before.isalnum()
    if inside_word and after_char.isalnum() and not (before.islower() and after_char.isupper()):
        # Inside a word ("U.S", "3.5", "e.g"): not a token of its own, unless syntok cuts the word
        # at a lower-to-upper case change ("end.Next").
        return True
    after = AFTER_TERMINAL.match(body, end)
    assert after is not None
    nxt = after.group("next")
    if not after.group("gap") or not nxt:
        return False
    if "a" <= nxt <= "z":
        return True  # syntok's first rule: a lower-case word goes on with the sentence
    if run != "." or after.group("quote") or not (nxt.isascii() and nxt.isalnum()):
        return False
    # The token before the full stop, a whole word after a space.
    word_start = max(body.rfind(c, 0, start) for c in _SPACES) + 1
    word = body[word_start:start]
    at = after.start("next")
    if word in ABBREVIATIONS or DOTTED_WORD.fullmatch(word):
        # "Gen. Smith", "U.S. Army", "p.m. Saturday": no split unless a sentence starter follows.
        return not nxt.isalpha() or not _next_token_is_starter(body, at)
    if word in MONTHS:
        return bool(NUMBER_TOKEN.match(body, at))  # "Oct. 9, 2013"
    return False


def before_final_marks(core: str) -> str:
    """`core` without its final terminals and closing quotes or brackets: the text before
    `FINAL_MARKS.search(core)`, without that regex's tries from every position (the two sets of
    characters are disjoint, so stripping the closers and then the terminals finds the same start)."""
    return core.rstrip(_CLOSER_CHARS).rstrip(_TERMINAL_CHARS)


def one_sentence(piece: str) -> tuple[int, int] | None:
    """(start, end) of `piece` as one sentence when syntok surely does not split it, else None."""
    start = len(piece) - len(piece.lstrip(_SPACES))
    end = len(piece.rstrip(_SPACES))
    core = piece[start:end]
    if not core or core[0].isspace() or core[-1].isspace() or ANY_BRACKET.search(core):
        return None
    body = before_final_marks(core)
    if not body or body[0] in State.terminals:
        return None
    for run in TERMINAL_RUN.finditer(body):
        if not _harmless(body, run.start(), run.end()):
            return None
    return start, end


ANY_BRACKET = re.compile(rf"[{_BRACKETS}]")
# Where syntok always splits: a terminal after a word of two letters or more (lower case or
# capitalised, maybe after hyphenated parts, which syntok makes tokens of their own), an optional
# closing quote, spaces, then a capital letter or a quotation mark. Provided the word is not one of
# syntok's abbreviations nor "no", every rule syntok checks before splitting is then false there
# (`_move_and_maybe_extract_terminal` in syntok), whatever came before.
SURE_END = re.compile(
    r"(?<!\S)(?:[A-Za-z]+-)*(?P<word>[A-Z]?[a-z]+)[.!?][\"'”’]?(?P<gap>[ \t\u00a0]+)(?=[A-Z“\"‘'])"
)
NOT_BEFORE_END = frozenset(State.abbreviations | {"no", "No"})
MAYBE_END = re.compile(r"[.!?][\"'”’]?[ \t\u00a0]+[A-Z“\"‘']")  # SURE_END without its word


def _pieces(para: str) -> list[tuple[int, int]]:
    """(start, end) of the parts of a paragraph that syntok segments independently.

    Bracketed text (which syntok may skip over, looking ahead) stays within one part.
    """
    if not MAYBE_END.search(para):  # most paragraphs: no terminal before a capital at all
        return [(0, len(para))]
    brackets = [m.start() for m in ANY_BRACKET.finditer(para)]
    first, last = (brackets[0], brackets[-1]) if brackets else (len(para), -1)
    out, start = [], 0
    for match in SURE_END.finditer(para):
        word = match.group("word")
        outside = match.end("gap") <= first or match.start() > last
        if outside and len(word) > 1 and word not in NOT_BEFORE_END:
            out.append((start, match.start("gap")))
            start = match.end("gap")
    out.append((start, len(para)))
    return out


def _syntok_spans(para: str) -> list[tuple[int, int]]:
    """(start, end) of syntok's sentences in one paragraph (a line)."""
    out = []
    for sent_para in segmenter.analyze(para):
        for sentence in sent_para:
            tokens = [t for t in sentence if t.value]
            if tokens:
                out.append((tokens[0].offset, tokens[-1].offset + len(tokens[-1].value)))
    return out


def sentence_spans(para: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of one paragraph as syntok splits it (`syntok_spans`, faster),
    except that a name cut after its middle initial or after a title syntok does not know is joined
    again, and so is a piece that opens with a dash (`_join_split_names`)."""
    out = syntok_spans(para)
    return _join_split_names(out, para) if len(out) > 1 else out


def syntok_spans(para: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of one paragraph exactly as syntok splits it, found faster:
    pieces that surely are one sentence, or surely end where syntok ends them, skip syntok."""
    out = []
    for start, end in _pieces(para):
        piece = para[start:end]
        one = one_sentence(piece)
        if one:
            out.append((start + one[0], start + one[1]))
        else:
            out.extend((start + s, start + e) for s, e in _syntok_spans(piece))
    return out


DASH_LED = re.compile(r"[^\w\s]{0,3}\s?(?:[—―–]|--)\s")
"""A "sentence" that opens with a dash goes with the one before it: a signature after a quotation or
an embedded post ("… thank you!” ― Ana Ruiz", "… Details to follow. — Elton Police (@EltonPD) March
3, 2026") or the story after a dateline cut at its abbreviation ("PEORIA, Ariz." + "— Police say …")."""


NAME_WITH_INITIAL = re.compile(r"\b[A-Z][a-z]+ [A-Z]\.$")
SURNAME_GOES_ON = re.compile(r"[A-Z]\. [A-Z]|(?:De|Da|Di|Du|Del|La|Le|Mc|Mac|Van|Von|O[’'])(?:[A-Z]| [A-Z])")
"""After "Tomas E." or "Pastor C.": a second initial ("A. Brandt") or a surname with a particle
("De Vries", "DaSilva", "DeGroot"), where syntok ends the sentence at the initial."""
TITLE_BEFORE_NAME = re.compile(
    r"(?<![\w.])(?:Gov|Govs|Lt|Sgt|Cpl|Pvt|Pfc|Spc|Maj|Cpt|Cmdr|Brig|Det|Insp|Supt|Ofc|Tpr|Rep|Reps|Sens|"
    r"Rev|Msgr|Atty|Asst|Sec|Amb|Hon|Ft|Pres|Dep|Comm)\.$"
)
"""Titles and ranks printed before a name that syntok does not take for abbreviations, so it ends a
sentence at them ("Lt." + "Ann Vale said ...", "Gov." + "Tom Brandt signed ..."). In the dev corpora
such a cut was always followed by a name (or a number after "Sec."), about once in five articles."""
NAME_GOES_ON = re.compile(
    r"(?!(?:The|A|An|He|She|It|I|We|They|His|Her|Its|Their|This|That|These|Those|But|And|Or|So|In|On|At|"
    r"As|If|When|While|After|Before|Then)\b)[A-Z0-9]"
)
"""A name or number, not a word that starts a sentence ("led by a Lt. The captain was away")."""


def _join_split_names(spans: list[tuple[int, int]], para: str) -> list[tuple[int, int]]:
    """Join two sentences when the first ends with a name's middle initial and the second goes on with
    the rest of the name (syntok takes "Tomas E." + "De Vries, said she was hit" for two sentences),
    when the first ends with a title before a name ("Sgt." + "Ann Vale said"), or when the second
    opens with a dash (`DASH_LED`)."""
    out = [spans[0]]
    for start, end in spans[1:]:
        prev_start, prev_end = out[-1]
        if not para[prev_end:start].strip() and (
            (NAME_WITH_INITIAL.search(para, prev_start, prev_end) and SURNAME_GOES_ON.match(para, start))
            or (TITLE_BEFORE_NAME.search(para, prev_start, prev_end) and NAME_GOES_ON.match(para, start))
            or DASH_LED.match(para, start)
        ):
            out[-1] = (prev_start, end)
        else:
            out.append((start, end))
    return out


def split_text(text: str, skip: int = 0) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of every sentence of `text`; each line is a paragraph.

    The first `skip` characters (a dateline) are left out of the first sentence, and a dateline
    that opens a later paragraph out of its first sentence (`LATER_DATELINE`).
    """
    out: list[tuple[int, int, int]] = []
    for p, (pstart, pend) in enumerate(_paragraph_spans(text)):
        if pend <= skip:
            continue
        if pstart >= skip and (m := LATER_DATELINE.match(text, pstart, pend)) and m.end() < pend:
            pstart = m.end()  # a later paragraph's dateline
        pstart = max(pstart, skip)
        para = text[pstart:pend]
        for start, end in sentence_spans(para):
            if (ad := AD_MARK.match(para, start, end)) and ad.end() < end:
                start = ad.end()
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
    """Join sentences of one paragraph while a quotation is open (more curly opening marks than
    closing ones, or an odd number of straight ones), so a quote of several sentences stays one unit
    (at most 4 sentences) whichever marks it is written with."""
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
        if chunk.count(OPENING) <= chunk.count(CLOSING) and not chunk.count('"') % 2:
            out.append(pending)
            pending = None
    if pending is not None:
        out.append(pending)
    return out


def split_article(article: Article) -> tuple[Sentence, ...]:
    """The article's sentences; a leading dateline ("TOKYO (AP) —") is left out of the first one.

    A sentence's text is `article.text[start:end]` with typewriter quotation marks read as typographic
    ones (`quote_marks`: same length), so every later stage sees one kind of quotation mark."""
    sentences = []
    # Typewriter quotation marks (`` '') are read as typographic ones, offsets unchanged.
    text = quote_marks(article.text)
    m = LEADING_DATELINE.match(text)
    skip = m.end() if m else 0
    spans = _join_open_quotes(split_text(text, skip), text)
    for index, (start, end, paragraph) in enumerate(spans):
        sentences.append(Sentence(article.id, index, start, end, text[start:end], paragraph))
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


_MATCH_PAIRS = char_pairs(_MATCH_TABLE)


def normalize(text: str) -> str:
    """Text for matching only (never shown): NFKC, straight quotes, plain dashes, case-folded."""
    if not text.isascii():  # the table maps non-ASCII characters only
        text = replace_chars(unicodedata.normalize("NFKC", text), _MATCH_PAIRS)
    return " ".join(text.split()).casefold()  # = re.sub(r"\s+", " ", text).strip(): same white space


def words(text: str) -> list[str]:
    """Word tokens of `text`, case-folded, punctuation dropped: `WORD` in `normalize(text)`, whose
    white-space folding changes no token (white space is never part of one), so it is skipped."""
    if not text.isascii():
        text = replace_chars(unicodedata.normalize("NFKC", text), _MATCH_PAIRS)
    return WORD.findall(text.casefold())


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
