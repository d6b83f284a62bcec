"""Cleaning: drop boilerplate lines (teasers, appeals, captions, footers), keep what was removed.

Works line by line on the text as printed. Kept lines are never rewritten, only selected, so every
sentence found later is a verbatim substring of the input. Each dropped line is kept with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..models import DataBlock, RemovedLine
from .chars import ASCII_FOLD_PAIRS, match_form, replace_chars
from .lines import title_like, word_shape
from .split import sentence_spans

# The end of a caption: its photographer and publisher, "(Jane Doe/Harbour Times Photo)".
PHOTO_CREDIT_END = r"\((?-i:[A-Z])[\w.'’-]*( [\w.'’-]+){0,3}\s*/\s*[^()/]{2,60}\b(photo|photograph)s?\)\s*$"
LONG_CAPTION_END = re.compile(PHOTO_CREDIT_END, re.I)
# (pattern, reason[, clues]). Matched against a stripped line in `match_form` (straight quotes, ASCII
# dashes), case-insensitively. Each rule names a kind of page furniture; a body sentence must not
# match one. `clues`: words one of which every line the pattern matches contains (in lower case), so
# the costly unanchored patterns are only tried on the few lines that hold one.
_RULES: tuple[tuple[str, ...], ...] = (
    (
        r"^(read|read more|also read|see also|watch|listen|related|recommended|trending|"
        r"most read|more|don't miss|must read|top stories)\s*([:|>]|-\s)",
        "teaser for another article",
    ),
    (
        r"^(also read|read more|read next|recommended( for you)?|more from\b.*|you may also like|"
        r"you might also like|more stories|most (read|popular)|trending( now)?|continue reading)$",
        "teaser for another article",
    ),
    (
        r"^click here\b|^(read|see) the (full|original) (story|article) (here|at)\b",
        "teaser for another article",
    ),
    (
        r"^related( articles| stories| posts| content| news| coverage| topics)?:?$",
        "related-articles block",
    ),
    (
        r"^(leave|post|add|write) a (comment|reply)$|^\d*\s*comments?$|\bno comments on\b",
        "comments prompt",
        "comment",
        "reply",
    ),
    (
        r"log ?in to (facebook|twitter)|(sign|log) ?in to (comment|reply)|^comments are closed|"
        r"^(view|show|load|hide) (all |more )?comments|^join the (conversation|discussion)$",
        "comments prompt",
        "in to",
        "comment",
        "join the",
    ),
    (
        r"\b(donat\w*|contribution|chip in)\b.*\b(journalism|our (work|reporting|newsroom)|"
        r"help (us|sustain|keep)|enables us|support us|keep (us|\w+ free))\b|"
        r"^(please )?(donate|support (us|our work|independent journalism))\b|"
        r"\b(please|consider) (make|making) a (small |one-time |monthly )?(donation|contribution)\b",
        "donation appeal",
        "donat",
        "contribution",
        "chip in",
        "support",
    ),
    (
        r"^view (this|it|the) (e-?mail|newsletter|message|issue) (in|on) (your|a|the) (web )?browser|"
        r"^(having trouble viewing|can't see|cannot see|trouble seeing) (this|the) (e-?mail|images)|"
        r"^unsubscribe\b|^(update|manage) (your )?(e-?mail )?(preferences|subscription)|"
        r"^you (are|were) receiving this (e-?mail|newsletter|message)|^forward (this|it) to a friend|"
        r"^(was this|did someone) forward(ed)? (this|you)",
        "e-mail furniture",
        "browser",
        "viewing",
        "see",
        "unsubscribe",
        "preferences",
        "subscription",
        "receiving this",
        "forward",
    ),
    (
        r"^(good (morning|afternoon|evening)|hello|hi|hey)( (everyone|all|there|again|friends|readers))?[.,!]"
        r"( (here('s| is| are)|this is) (what|the|your) [\w' ]{0,40}(know|today|week|morning|briefing|brief|"
        r"news|headlines)[.!:]?)?$",
        "newsletter greeting",
        "good",
        "hello",
        "hi",
        "hey",
    ),
    (
        r"^(sign up|subscribe)\b|\bsubscribe to\b.*\b(newsletter|news|updates|channel)\b",
        "newsletter appeal",
        "sign up",
        "subscribe",
    ),
    (
        r"\bnewsletters?\b.*\binbox\b|^enter your e-?mail|\b(delivered|straight) to your inbox\b|"
        r"^get (the|our) \w+( \w+)? newsletter|^breaking news emails\b",
        "newsletter appeal",
        "newsletter",
        "inbox",
        "enter your e",
        "breaking news emails",
    ),
    (
        r"^(connect|follow) (with )?us\b|^follow (the )?[\w .]+ on (facebook|twitter|x|instagram)\b|"
        r"^share (on|via|to) (facebook|twitter|x|whatsapp|linkedin|email|reddit)\b|"
        r"^(like|follow) us on\b",
        "social prompt",
    ),
    (
        r"^(share|tweet|email|e-mail|print|whatsapp|pinterest|linkedin|facebook|twitter|reddit|copy link)"
        r"( this( article| story| page)?)?:?$",
        "social prompt",
    ),
    (
        r"^(copyright\s*)?(©|\(c\))|^copyright\s+\d{4}|\ball rights reserved\b",
        "copyright footer",
        "©",
        "(c)",
        "copyright",
        "all rights reserved",
    ),
    (
        r"^(back to top|skip to (main )?content|advertisements?|sponsored( content)?|ad|"
        r"scroll to continue( with content)?|story continues below( advertisement)?|"
        r"(article )?continues? below( advertisement)?|listen to (this|the) (article|story).*|"
        r"((photo|video|advertisement) )*continue reading the main story)$|"
        r"^story highlights\b(?!.*[.!?][\"')\]]*$)",
        "page furniture",
    ),
    (
        # A caption ending in its photographer and publisher: "... (Jane Doe/Harbour Times Photo)".
        PHOTO_CREDIT_END
        + "|"
        + r"\((image|photo|picture|video|photograph)s?\s*(credit|by|courtesy|source)[^)]*\)\s*$|"
        r"^(image|photo|picture|photograph)s?( credit| by| courtesy| source)?:\s|"
        r"^(photo|image|picture|photograph|video)s? (by|via|courtesy of)\s|"
        r"^credits?:\s|\(courtesy( of)?\b[^()]*\)$|\((photo|image|video)s?:\s[^()]*\)$|"
        r"^source:\s*[^\s/]+( [^\s/]+){0,3}\s*/\s*[^\s/]+( [^\s/]+){0,3}$|"
        r"^source:\s*[^!?]{0,60}\b(wikimedia|flickr|getty images|shutterstock|instagram)\b[^!?.]{0,30}$|"
        r"/\s*(getty images|afp|reuters|ap( photo)?|epa|shutterstock|wireimage|filmmagic|invision|"
        r"corbis|landov|rex features|zuma press|bloomberg|istockphoto|wikimedia commons|flickr)"
        r"( for [^/()]{1,40})?\)?$|"
        r"(?-i:\b(REUTERS|AFP|EPA|AP Photo)/[A-Z][\w.'-]*( [A-Z][\w.'-]*){0,3})\)?$|"
        r"©\s*[^\s©][^©]{0,40}(?<![.!?])$|^(getty images|ap photo|afp photo|wireimage|filmmagic)$|"
        r"^[^|]{10,300}[.!?] ?\| ?(ap photo|afp photo|getty images?)\b",
        "image credit",
        "image",
        "photo",
        "picture",
        "video",
        "/",
        "credit",
        "courtesy",
        "source",
        "©",
        "getty",
        "wireimage",
        "filmmagic",
    ),
    (
        # Captions of pages saved flat (BBC): "Image copyright AFP Image caption ...", "Media
        # caption ...", a line "Image copyright Getty Images"; AP's "FILE - In this ... file photo".
        r"^(image copyright .{1,60}? )?(image|media) caption (?-i:[A-Z0-9\"'])|"
        r"^image copyright [^.!?]{1,40}$|"
        r"^file\s*-\s*(in )?this .{0,60}\bphoto\b|"
        r"^in this (\w+, )?\w+\.? \d{1,2}, \d{4},? (file )?photo\b|"
        # A photo's "Buy Photo" button printed before and after its caption (Gannett sites).
        r"^buy photo\b|\((photo|image)s?:\s[^()]*\)\s*buy photo$|"
        # A gallery's caption with its credit first: "(AP Photo/Jane Doe). Crews at the pier ...",
        # "(Jane Doe/Harbour Daily via AP). Crews ...".
        r"^\((ap photo/[^()]{2,60}|[^()]{2,80} via (ap|reuters|afp))\)\.\s",
        "image caption",
        "caption",
        "image copyright",
        "file",
        "photo",
        "via ap",
        "via reuters",
        "via afp",
    ),
    (
        r"^home\s*[›>/»|\"']|^home[A-Z][a-z]+$|"
        r"^[A-Za-z][\w& -]{0,29}(\s*[>/|\"']\s*[A-Za-z][\w& -]{0,29}){2,}$",
        "breadcrumb",
    ),
    (r"^(tags|tagged|topics|filed under|categories|category|posted in)\s*:", "tags or categories"),
    (
        r"^the post .{1,300} appeared first on [^,;]{1,100}$|^this (article|story|post) (was|is) "
        r"(originally |first )?(published|posted|appeared) (on|in|at|by) [^.,;]{1,80}\.?$|"
        r"^(continue reading|read the rest|keep reading)(\W*$|\s+(on|at|here)\b[^,;]{0,80}$)|"
        r"^\(more\W*\)$",
        "feed or syndication footer",
    ),
    (
        r"^(reading time:?\s*)?(about |approx\.? )?\d+\s*-?\s*(min|mins|minute|minutes)"
        r"( read(ing time)?)?$",
        "reading time",
    ),
)
RULE_CLUES: tuple[tuple[str, ...], ...] = tuple(rule[2:] for rule in _RULES)
_PLAIN_RULES = [rule[0] for rule in _RULES if not rule[2:]]
ANY_PLAIN_RULE = re.compile("|".join(f"(?:{pattern})" for pattern in _PLAIN_RULES), re.I)


@cache
def rule_pattern(index: int) -> re.Pattern[str]:
    """The compiled pattern of `_RULES[index]`, compiled when a line first needs it: most lines
    are told apart by `ANY_PLAIN_RULE` and `ANY_CLUE` alone."""
    return re.compile(_RULES[index][0], re.I)


def _trie_pattern(words: list[str]) -> str:
    """A regex matching somewhere exactly where one of `words` occurs, as a trie of alternatives
    ("c(?:aption|o(?:mment|pyright))"): re tries one branch per character instead of every word.
    A word that another one starts with makes the longer one redundant for a search."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:
        if "" in node:
            return ""
        alternatives = [re.escape(char) + branch(node[char]) for char in sorted(node)]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return branch(trie)


ANY_CLUE = re.compile(_trie_pattern([clue for clues in RULE_CLUES for clue in clues]))

# Notices of web platforms that a saved page sometimes consists of entirely: embedded tweets and
# videos, video players, web-archive (Wayback Machine) capture pages, notification and reaction
# widgets, reprint and archived-article notices. Identical on every page, such a page would otherwise
# look like a copy of every other one and tie unrelated stories together. Anchored at the line's
# start, so they are tried cheaply on long lines too.
PLATFORM_NOTICES = re.compile(
    "|".join(
        (
            r"you can add location information to your tweets\b",
            r"add this (tweet|video) to your website by copying the code below\b",
            r"by embedding twitter content in your website or app\b",
            r"starting in \d{4}, alexa internet has been donating their crawl data\b",
            r"these crawls are part of an effort to archive pages\b",
            r"the seed for this crawl was\b",
            r"this crawl was run at a level \d",
            r"the warc files associated with this crawl\b",
            r"(close )?get email notifications on .{1,80} daily!?$",
            r"your notification has been saved\.?$",
            r"there was a problem saving your notification\.?$",
            r"email notifications are only sent once a day\b",
            r"rating is available when the video has been rented\.?$",
            r"this feature is not available right now\. please try again later\.?$",
            r"sorry, but you can only react up to \d+ times\b",
            r"oops! it looks like you've already used that reaction\b",
            r"dow jones reprints: this copy is for your personal, non-commercial use only\b",
            r"media playback is unsupported on your device\b",
            r"this is an archived article and the information in the article may be outdated\b",
            r"(ctrl|cmd)[-+ ]?c,? or (ctrl|cmd)[-+ ]?c\b",  # a "copy this link" widget
            r"your reactions?\??$",
            r"skip in skip x embed x share\b",  # a video player's buttons before its caption
            r"just watched\b.{1,200}?\breplay\b",  # a video player's "JUST WATCHED <clip> Replay More Videos"
            r"(?-i:CLOSE [A-Z0-9\"'])",  # a video player's close button before its caption
        )
    ),
    re.I,
)


def platform_notice(line: str, matchable: bool = False) -> str | None:
    """The reason "platform notice" if the line is one (see `PLATFORM_NOTICES`), else None.

    `matchable`: the line is already an ASCII `match_form` (single spaces only), whose cut is its own
    match form but for a space the cut may end with."""
    head = line[:300].rstrip(" ") if matchable else match_form(line[:300])
    return "platform notice" if PLATFORM_NOTICES.match(head) else None


# An agency's file-photo caption, which can be longer than a boilerplate line: "FILE - In this
# May 2, 2019 file photo, ...".
# Long captions: AP's file photos; a gallery's "Photo: NAME, OUTLET Image 1 of 33 ..."; a caption with
# its credit and the buttons or highlights printed after it ("... (Photo: NAME)Buy Photo").
LONG_CAPTION = re.compile(
    r"FILE\s*[-–—]\s*(In )?[Tt]his\b.{0,80}\bphoto\b|Buy Photo\b|(Photo|Image|Video)s?: |"
    r".*\((Photo|Image)s?: [^()]{1,80}\)\s*(Buy Photo|Story Highlights)"
)


# A line that is only a truncated dateline, e.g. "TOKYO (AP) — U".
DATELINE_FRAGMENT = re.compile(r"^[A-Z][A-Z .,'’-]*\s*\([A-Za-z]{2,10}\)\s*[—–-]+\s*\S{0,3}$")
# Latin, CJK (。！？) and Arabic (؟ ۔) sentence ends; invisible format characters after them are ignored.
SENTENCE_END = re.compile(
    r"[.!?…。！？؟۔][\"'”’)\]」』]*(?:\[\d{1,3}\])*[\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\u00ad]*$"
)
STRONG_FOOTER = {"related-articles block", "comments prompt", "copyright footer"}
MAX_HEADING_WORDS = 20
MAX_FOOTER_MARKER_WORDS = 12
# A wire service's note to the papers it serves, printed above or inside the story: "EDs: Moving in
# (w) Washington ...", "ATTENTION EDITORS: The following photos ...", "EDITOR: Visit ...".
NOTE_TO_EDITORS = re.compile(r"(?i:attention,? )?(?i:eds?|editors?)\s*:\s")
# An entry of a wire's picture package, its number then a dateline: "(XYZ42) PORT ALDEN -- March 3,
# 2025 -- HARBOUR-FIRE, 3-3 -- Firefighters ..." (a caption, whether or not its credit follows).
PICTURE_ENTRY = re.compile(r"\([A-Z]{2,6}\d{1,3}\)\s+(?:[A-Z]{3,}|[A-Z]{2}\.).{0,100}?\s--\s")
MAX_BOILERPLATE_CHARS = 400  # longer lines are paragraphs: no rule is tried on them
# A video player's block, however long: the clip's title and description (often twice), then its
# button ("... (Jane Doe / Harbour Times) See more videos").
VIDEO_PLAYER_END = re.compile(r"\b(?:see|watch) more videos\W{0,3}$", re.I)


@dataclass(frozen=True)
class Cleaned:
    """Cleaning result: kept lines in order (as printed), what was removed, and the rows of tables and
    logs, kept apart from the lines."""

    lines: tuple[str, ...]
    removed: tuple[RemovedLine, ...]
    tables: tuple[DataBlock, ...] = ()


def is_sentence_like(line: str) -> bool:
    """Whether a paragraph ends like a sentence, or like the lead-in of one that goes on after a
    colon ("The agency released the following statement:"): several words, not a title; or like an
    item of a list of clauses, with a semicolon ("-- The levy must rise by a tenth;"), in words."""
    if SENTENCE_END.search(line):
        return True
    if CLAUSE_ITEM.search(line):
        tokens = line.split()
        wordy = sum(1 for t in tokens if t.strip(PUNCTUATION).isalpha())
        return wordy >= MIN_ITEM_WORDS and 2 * wordy >= len(tokens)  # not code ("var x = [];")
    return line.endswith(":") and len(line.split()) >= MIN_LEAD_IN_WORDS and not title_like(line)


CLAUSE_ITEM = re.compile(r";[\"'”’)\]]*$")
MIN_ITEM_WORDS = 3
PUNCTUATION = "\"'“”‘’()[],.;:!?_-–—•*"


MIN_LEAD_IN_WORDS = 6
OPENS_QUOTATION = re.compile(r"""^(?:[“"‘]|``|'')""")


def introduces_quotation(line: str, next_line: str) -> bool:
    """A line ending in a colon before a paragraph that opens with a quotation ("Stated Brandt:"):
    the quotation's attribution, not a heading."""
    return line.endswith(":") and bool(OPENS_QUOTATION.match(next_line))


LINK_MARK = re.compile(r"\[\d{1,4}\](?=[^\s\d\]])")
"""`[12]Skip to content`: the number `lynx -dump` and `w3m -dump` print before a link's text (a
footnote marker is followed by a space, a citation in a sentence stands after a word)."""
MAX_LINK_WORDS = 8


@lru_cache(maxsize=8192)
def classify(line: str) -> str | None:
    """The reason a line is boilerplate, or None to keep it (a long paragraph only if it is a
    platform notice, a caption or a note to editors)."""
    if NOTE_TO_EDITORS.match(line):
        return "note to editors"
    if line.startswith("(") and PICTURE_ENTRY.match(line):
        return "image caption"
    if VIDEO_PLAYER_END.search(line[-24:]):
        return "video player"
    if len(line) > MAX_BOILERPLATE_CHARS:
        notice = platform_notice(line)
        if notice:
            return notice
        caption = LONG_CAPTION.match(line) or (line.endswith(")") and LONG_CAPTION_END.search(line[-160:]))
        return "image caption" if caption else None
    line = match_form(line)
    if LINK_MARK.match(line):
        # A text browser's dump (`lynx -dump`) numbers every link: a short line that is one link is
        # navigation; the other rules read what follows the number.
        line = LINK_MARK.sub("", line, count=1)
        if len(line.split()) <= MAX_LINK_WORDS and not SENTENCE_END.search(line):
            return "link (text-browser dump)"
    ascii_line = line.isascii()
    lower = (line if ascii_line else replace_chars(line, ASCII_FOLD_PAIRS)).lower()
    # Most lines match no rule: one search for the rules without clues and one for all the clues
    # tell so; only the few other lines go through the rules in order (those without clues only
    # when one of them matches).
    plain = ANY_PLAIN_RULE.search(line) is not None
    if plain or ANY_CLUE.search(lower):
        for index, clues in enumerate(RULE_CLUES):
            if (any(clue in lower for clue in clues) if clues else plain) and rule_pattern(index).search(
                line
            ):
                return _RULES[index][1]
    if DATELINE_FRAGMENT.match(line):
        return "truncated dateline"
    return platform_notice(line, matchable=ascii_line)


# Where a person stands in a photo: "Ada Vale (left) and Jon Vale (second from right)". A party's
# letter, "(R)", is no position.
POSITION_MARK = re.compile(
    r"\((?:(?:far|second\s+from|third\s+from|back|front|top|bottom)\s+)?(?:left|right|center|centre)\)", re.I
)


def _position_caption(line: str, first: bool) -> bool:
    """A photo's caption printed as a paragraph: one sentence telling who stands where in it, the
    first paragraph of the body (under the headline, where the photo was) or naming two positions
    ("Ada Vale (right) is charged with shooting Jon Vale (left) outside ..."). Story sentences that
    point at a photo name one position further down ("Vale (left) was charged ...")."""
    marks = len(POSITION_MARK.findall(line)) if "(" in line else 0
    return bool(marks) and (first or marks >= 2) and len(sentence_spans(line)) == 1


def clean_lines(lines: list[str], markup: bool = False) -> Cleaned:
    """Select the body lines of an article; headings and captions that are not sentences go too.

    With `markup` (lines an extractor took from HTML structure), only boilerplate lines go:
    the extractor already told headings and paragraphs apart, and short real paragraphs must stay.
    """
    kept: list[str] = []
    removed: list[RemovedLine] = []
    tables: list[tuple[int, list[str]]] = []  # (kept lines before it, its rows)
    stripped = [line.strip() for line in lines]
    n = len(stripped)
    footer_from = n
    for i, line in enumerate(stripped):
        # A short strong footer marker in the last third of the page: everything after is footer.
        if (
            line
            and i >= n * 2 / 3
            and len(line.split()) <= MAX_FOOTER_MARKER_WORDS
            and classify(line) in STRONG_FOOTER
        ):
            footer_from = i
            break
    next_line = [""] * (n + 1)  # the next non-empty line after each line
    for i in range(n - 1, -1, -1):
        next_line[i] = stripped[i + 1] if i + 1 < n and stripped[i + 1] else next_line[i + 1]
    prev_line = ""  # the previous non-empty line
    for i, line in enumerate(stripped):
        if not line:
            continue
        reason = classify(line)
        if reason is None and i >= footer_from:
            reason = "page footer"
        if reason is None and not markup and _position_caption(line, first=not kept):
            reason = "image caption"
        if reason is None and not is_sentence_like(line) and not introduces_quotation(line, next_line[i]):
            if classify(next_line[i]) == "image credit":
                reason = "image caption"
            elif not markup and len(line.split()) <= MAX_HEADING_WORDS:
                shape = row_shape(line)
                alike = shape and shape in (row_shape(prev_line), row_shape(next_line[i]))
                reason = TABLE_ROW if alike else "heading or caption (not a sentence)"
        if reason == TABLE_ROW:
            if not tables or tables[-1][0] != len(kept):  # a line was kept since the last row
                tables.append((len(kept), []))
            tables[-1][1].append(line)
        elif reason:
            removed.append(RemovedLine(line, reason))
        else:
            kept.append(line)
        prev_line = line
    blocks = []
    for before, rows in tables:
        if reason := furniture_rows(rows):
            removed.extend(RemovedLine(row, reason) for row in rows)
        else:
            blocks.append(DataBlock(before, tuple(rows)))
    return Cleaned(tuple(kept), tuple(removed), tuple(blocks))


CLIP_ROW = re.compile(r"^\d{1,2}:[0-5]\d\s+[^\W\d_]")
"""`2:35 New details emerge at hearing ... Pause`: a video's length, then its title."""


def furniture_rows(rows: list[str]) -> str | None:
    """Why rows shaped like a table are page furniture rather than a table the article printed: a list
    of video clips (most rows a length and a title), or the same few lines repeated (a credit under
    every photo). None for a table or log, kept with the article."""
    if 2 * sum(1 for row in rows if CLIP_ROW.match(row)) > len(rows):
        return "list of video clips"
    if 2 * len(set(rows)) <= len(rows):
        return "repeated line"
    return None


TABLE_ROW = "row of a table, log or list (not a sentence)"
ROW_SHAPE_WORDS = 3


@lru_cache(maxsize=4)  # each line is asked about as itself and as the lines before and after
def row_shape(line: str) -> str:
    """The shapes of a line's first words when it has that many and starts with a figure
    ("03-02-2024 9:07 - ID: 44..." -> "9-9-9 9:9 -"), else "": such lines next to each other
    with one shape are rows of a table or a log (titles and list items start with words)."""
    words = line.split(None, ROW_SHAPE_WORDS)[:ROW_SHAPE_WORDS]
    if len(words) < ROW_SHAPE_WORDS or not any(c.isdigit() for c in words[0]):
        return ""
    return word_shape(" ".join(words))
