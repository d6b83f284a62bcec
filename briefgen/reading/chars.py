"""Characters: the text of a file repaired (mojibake, line ends) and its forms for matching.

The first step after decoding; nothing here knows about lines, paragraphs or articles.
"""

from __future__ import annotations

import re
import unicodedata

# The characters re.IGNORECASE matches with an ASCII letter that `str.lower` does not turn into it.
ASCII_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def char_pairs(table: dict[int, str]) -> tuple[tuple[str, str], ...]:
    """A `str.maketrans` table as (character, replacement) pairs, for `replace_chars`."""
    pairs = tuple((chr(k), v) for k, v in table.items())
    assert not {c for c, _ in pairs} & set("".join(v for _, v in pairs)), "a replacement is replaced"
    return pairs


def replace_chars(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """`text.translate(table)`, about 15x faster on text where few characters change: one fast
    scan per character of the table (no replacement is itself replaced, see `char_pairs`)."""
    for char, replacement in pairs:
        if char in text:
            text = text.replace(char, replacement)
    return text


ASCII_FOLD_PAIRS = char_pairs(ASCII_FOLD)


# Lines of only these characters are never changed by ftfy with our settings: printable ASCII ("&"
# only where no HTML entity starts), tabs, and curly quotes, dashes, the ellipsis and the bullet.
# Those are Windows-1252's bytes 0x80-0x9F or Mac Roman's lead bytes: no mix of them decodes as
# UTF-8, so they cannot be mojibake. Also a Latin-1 accented letter (or soft hyphen) between two
# ASCII characters ("Martínez", "naiveté."): UTF-8 mojibake is a lead character followed by
# non-ASCII continuations, and none of ftfy's "badness" patterns matches one such letter among
# ASCII, except Â and Ã (left out, with Î, Ð, Ø, Ù, which start other patterns). The same holds
# for a few symbols news text has among ASCII ("£306", "► That", a lost character "program.�?"):
# none is a UTF-8 lead byte in any legacy encoding (£€©®° are continuation bytes, ► is cp437's
# 0x10, � has no byte), and every ftfy pattern that holds one needs a non-ASCII neighbour. Checked
# exhaustively on short strings in tests/test_clean.py.
_LONE_ACCENTED = "(?<![^\x00-\x7f])[\xadÀÁÄÅÆÇÈÉÊËÌÍÏÑÒÓÔÕÖÚÛÜÝÞßà-öø-ÿ£€©®°►�](?![^\x00-\x7f])"
_FTFY_SAFE_CHAR = f"(?:[\t\x20-\x25\x27-\x7e‘’“”–—…•]|&(?!#?[0-9A-Za-z]{{1,24}};)|{_LONE_ACCENTED})"
FTFY_SAFE_LINE = re.compile(f"{_FTFY_SAFE_CHAR}*\n?")
FTFY_SAFE_TEXT = re.compile(f"(?:{_FTFY_SAFE_CHAR}|\n)*")
FTFY_LINE = re.compile(r"[^\n]*\n|[^\n]+")  # ftfy's segments: up to and with each newline
PLAIN_LINE = re.compile(r"[\t\x20-\x25\x27-\x7e]*\n?")  # FTFY_SAFE_LINE's plain ASCII part: faster
FTFY_SETTINGS = {
    "uncurl_quotes": False,
    "fix_latin_ligatures": False,
    "fix_character_width": False,
    "normalization": None,
    "explain": False,
}


def repair(text: str) -> str:
    """Repair mojibake and line breaks without touching quotes, dashes or widths.

    The same result as `ftfy.fix_text` (which fixes line by line), but ftfy is imported and run only
    for lines it could change: most articles have none, and ftfy costs more than the rest of reading.
    """
    if text.isascii() and "&" not in text and "\r" not in text and "\x1b" not in text:
        return text  # nothing ftfy would change: no mojibake, entities, CRs or escapes possible
    if FTFY_SAFE_TEXT.fullmatch(text):
        return text
    import ftfy

    out: list[str] = []
    markup = False  # ftfy stops unescaping HTML entities from the first line holding a "<"
    for match in FTFY_LINE.finditer(text):
        line = match.group()
        if PLAIN_LINE.fullmatch(line) or FTFY_SAFE_LINE.fullmatch(line):
            out.append(line)
        else:
            out.append(ftfy.fix_text(line, unescape_html=False if markup else "auto", **FTFY_SETTINGS))
        markup = markup or "<" in line
    return "".join(out)


MATCH_FORM = str.maketrans(
    {
        **dict.fromkeys("“”„‟«»″〝〞＂", '"'),
        **dict.fromkeys("‘’‚‛′‹›＇`´", "'"),
        **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
        **dict.fromkeys("\u00a0\u2007\u202f\u200b\ufeff", " "),
    }
)


MATCH_FORM_PAIRS = char_pairs(MATCH_FORM)


def match_form(text: str) -> str:
    """The text normalised for matching only (NFKC, straight quotes, ASCII dashes, single spaces).

    Never shown: citations and the article's text keep the characters as printed.
    """
    if not text.isascii() or "`" in text:  # NFKC and the table change no other ASCII character
        text = replace_chars(unicodedata.normalize("NFKC", text), MATCH_FORM_PAIRS)
    return " ".join(text.split())  # = re.sub(r"\s+", " ", text).strip(): same white space


# Typewriter and newswire quotation marks (`` and '' for double quotes, ` for an opening single one)
# and straight double quotes are read as the typographic marks they stand for by every stage after
# reading, so that splitting, quotes, summaries and disputes see one kind of mark whichever the
# article printed. The reading keeps the text's length, so offsets into the text as printed still
# hold: a two-character mark keeps a space beside it, where the text has white space already (" “"
# before a quotation, "” " after it), else inside the quotation. Shown text folds it away (`typographic`).
# Word processors print typewriter marks curled: ‘‘ and ’’ stand for `` and ''.
QUOTE_MARK = re.compile(r"``|‘‘|'''|''|’’|`|\"")
DOUBLE_MARK = {"‘‘": "``", "’’": "''"}


def quote_marks(text: str) -> str:
    """`text` with typewriter and straight double quotation marks read as typographic ones (“ ” ‘),
    of the same length. A mark opens or closes as a reader pairs them, line by line: `` opens, a
    straight " or '' opens when no quotation is open and text follows it, and closes one that is."""
    if not QUOTE_MARK.search(text):
        return text
    out: list[str] = []
    at = 0
    open_ = False
    for m in QUOTE_MARK.finditer(text):
        start, end, mark = m.start(), m.end(), m.group()
        mark = DOUBLE_MARK.get(mark, mark)
        if "\n" in text[at:start]:
            open_ = False  # each paragraph (line) pairs its own marks
        out.append(text[at:start])
        at = end
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if mark == "`":
            out.append("‘")
            continue
        if mark == "'''":  # a single quotation closing inside a double one: ' then ''
            closes = open_ or after.isspace() or end == len(text)
            out.append("’” " if closes else " “‘")
            open_ = not closes
            continue
        opens = mark == "``" or (not open_ and not after.isspace() and after not in ",.;:!?)")
        char = "“" if opens else "”"
        open_ = opens
        if len(mark) == 1:
            out.append(char)
        elif opens:
            # The space goes where one is already (before the mark), else inside the quotation, so
            # no sentence boundary appears where the text had none ("(``high" -> "(“ high").
            out.append(" “" if before.isspace() or not start else "“ ")
        elif after.isspace() or end == len(text):
            out.append("” ")
        elif after in ",.;:!?" and (end + 1 == len(text) or text[end + 1].isspace()):
            # Before punctuation that ends a clause ("shootings''. It"): the punctuation moves up
            # and the space goes after it ("shootings”.  It"), as a curly mark would have read.
            out.append("”" + after + " ")
            at = end + 1
        else:
            out.append(" ”")
    out.append(text[at:])
    return "".join(out)


def typographic(text: str) -> str:
    """Quotation marks as a reader expects to see them: typewriter marks and straight double quotes as
    “ ” ‘ (`quote_marks`), a straight single quote after a word or mark as ’ ("don't" -> "don’t"),
    without the space a typewriter mark leaves. For display only (the site and the Markdown briefs):
    data and the article pages keep the marks as printed."""
    if not any(c in text for c in "`'\"‘’“”"):
        return text  # (a sentence already read with typographic marks keeps their space: folded below)
    text = FOLDED_SPACE.sub("", " ".join(quote_marks(text).split()))
    return APOSTROPHE.sub("’", text)


# The space a two-character mark leaves: inside the quotation ('“ We', 'it ”'), or between the mark and
# punctuation or a bracket ('( “', '” .').
FOLDED_SPACE = re.compile(r"(?<=[(\[{])\s+(?=“)|(?<=”)\s+(?=[.,;:!?)\]}])|(?<=“)\s+|\s+(?=”)")
APOSTROPHE = re.compile(r"(?<=\S)'")  # after a word or a mark: an apostrophe or a closing quote
