"""Article features for topic detection: sparse TF-IDF of content words and named entities, and dates.

Words separate subjects; names (capitalised sequences: people, places, organisations) separate events of
the same kind; dates separate the same subject at different times (see `date_factor`). Everything is
sparse and linear in the size of the corpus.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse

from ..models import Article
from ..text import STOP_WORDS, stem
from .slugs import TITLE_PART, headline_tails

PUNCTUATION = re.compile(r"[^\w\s]+|_")
# A run of capitalised words ("Ada Hicks", "National Harbour Museum"), lower-case joiners allowed.
NAME = re.compile(
    r"(?<![\w'’])[A-Z][\w'’.-]*[\w]?(?:\s+(?:(?:of|de|la|van|von|al|bin|the|and|for)\s+)?[A-Z][\w'’.-]*[\w]?)*"
)
# A possessive ends a name: "Israel's army" is Israel, "Turkey's President Erdogan" two names.
POSSESSIVE = re.compile(r"['’]s?(?:\s+|$)")
# So does a sentence end ("... said Ford. White House aides ..."): a word of four letters or more
# before the full stop, so initials and titles ("C. Harris", "U.S. Open", "Mrs. Ross", "Gov. Ng") stay.
SENTENCE_END = re.compile(r"(?<=[a-z]{3}\.)\s+")
# A sentence break for finding the lead: a full stop, ? or ! then space(s) and a capital or a quote.
LEAD_BREAK = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"'“‘(]?[A-Z0-9])")
ENTITY_WEIGHT = 0.5
"""Weight of the name block relative to the word block (each block is unit length)."""
TITLE_REPEAT = 2
"""The headline's words count this many extra times: editors put the event in it."""
LEAD_SENTENCES = 3
"""Sentences that make an article's lead: who, where and when of the event, before background."""
LEAD_REPEAT = 2
"""The lead's words and names count this many extra times."""
AGE_REPEAT = 4
"""Each age an article prints (see `AGE`) counts this many times as a name: two incidents of one kind
in one town are told apart by their people, and a victim's age is printed where the name is not."""
TERMS_PER_ARTICLE = 200
"""Strongest terms kept per article."""
FURNITURE_SHARE = 3
"""A short line (see `FURNITURE_WORDS`) printed, up to its numbers, dates and names of days and months,
in at least this many articles of the pile is the outlet's furniture ("Posted: ... Updated: ...",
"Copyright 2015 WXYZ. All rights reserved."), not the story: left out of the features."""
FURNITURE_WORDS = 30
DATE_SCALE_DAYS = 60.0
"""Days apart at which the date factor starts to fall (see `date_factor`)."""
DATE_WEIGHT = 0.2
"""How much a gap in dates counts against a pair (the power of the date factor, see `date_factor`)."""


@dataclass(frozen=True)
class Features:
    """Unit-length rows, one per article: [words | names], and each article's date as an ordinal."""

    vectors: sparse.csr_matrix
    days: np.ndarray  # float, NaN when the article has no date
    event_columns: np.ndarray | None = None
    """Columns of the words block that are not name words (see `name_words`): the words of what
    happened, which two events about one subject do not share. None: all columns."""
    particulars: tuple[sparse.csr_matrix, ...] = ()
    """The block numbers (`BLOCK`) and the streets (`STREET`) each article prints (0/1 columns): two
    incidents of one kind in one town differ in where exactly (see `apart_factor`)."""
    names: sparse.csr_matrix | None = None
    """Which names (people, places, organisations; not days or months) each article prints, in its
    headline or text (0/1 columns; names printed by one article only left out): see `name_conflict`."""
    head_names: sparse.csr_matrix | None = None
    """The same for the names each article's headline prints (same columns)."""
    texts: np.ndarray | None = None
    """Per article, the number of the first article of the pile with the same text (white space
    aside): one text printed twice is one report."""
    copies: np.ndarray | None = None
    """Per article, the number of its syndication group (`copy_groups`): articles of one number carry
    one report (copies or close rewrites of one text). None: no article is a copy of another."""


_TERMS: dict[str, str] = {}
_NAMES: dict[str, str] = {}


def _term(word: str) -> str:
    """The index term of a lower-case word: its stem, or "" for a stop word or a lone letter."""
    if word in STOP_WORDS or (len(word) < 2 and not word.isdigit()):
        return ""
    return stem(word)


def _name(match: str) -> str:
    """A name as an index term: lower case, leading and trailing stop words dropped ("The", "And")."""
    parts = match.replace("’", "'").split()
    while parts and parts[0].lower() in STOP_WORDS:
        parts.pop(0)
    while parts and parts[-1].lower() in STOP_WORDS:
        parts.pop()
    name = " ".join(parts).rstrip(".'").lower()
    return name if len(name) > 1 else ""


def _count(
    found: list[str] | Counter[str], cache: dict[str, str], to_term: Callable[[str], str]
) -> Counter[str]:
    counts: Counter[str] = Counter()
    for raw, n in (found if isinstance(found, Counter) else Counter(found)).items():
        term = cache.get(raw)
        if term is None:
            term = cache[raw] = to_term(raw)
        if term:
            counts[term] += n
    return counts


def word_counts(text: str) -> Counter[str]:
    return _count(PUNCTUATION.sub(" ", text.lower()).split(), _TERMS, _term)


def _names(text: str) -> list[str]:
    """The names of `text` as written, cut at possessives (one term for "Israel" and "Israel's") and
    at sentence ends."""
    out = []
    for found in NAME.findall(text):
        parts = SENTENCE_END.split(found) if "." in found else [found]
        for part in parts:
            if "'" in part or "’" in part:
                out.extend(p for p in POSSESSIVE.split(part) if p)
            else:
                out.append(part)
    return out


def name_counts(text: str) -> Counter[str]:
    return _count(_names(text), _NAMES, _name)


def name_words(found: Counter[str], terms: Sequence[str], occurrences: np.ndarray) -> np.ndarray:
    """Which of the word `terms` are words of names ("israel", "netanyahu"; the words block holds them
    too): written capitalised in more than half of their `occurrences`. `found`: the names as
    written (`_names`) in the same texts, and how often."""
    capitalised: Counter[str] = Counter()
    for raw, n in found.items():
        for term, k in word_counts(raw).items():
            capitalised[term] += k * n
    return np.array([2 * capitalised[t] > n for t, n in zip(terms, occurrences, strict=True)], dtype=bool)


def _tfidf(docs: Sequence[Counter[str]]) -> tuple[sparse.csr_matrix, list[str], np.ndarray]:
    """Sublinear TF times smoothed IDF, rows scaled to unit length; each column's term and its number
    of occurrences."""
    vocab: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for doc in docs:
        indices.extend(vocab.setdefault(term, len(vocab)) for term in doc)
        data.extend(doc.values())
        indptr.append(len(indices))
    m = sparse.csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
        shape=(len(docs), max(len(vocab), 1)),
    )
    occurrences = np.bincount(m.indices, weights=m.data, minlength=m.shape[1])
    m.data = 1.0 + np.log(m.data)
    df = np.bincount(m.indices, minlength=m.shape[1])
    m = m @ sparse.diags(np.log((1 + len(docs)) / (1 + df)) + 1.0)
    m = _unit_rows(sparse.csr_matrix(m))
    # Terms in one article only cannot make two articles alike: drop them once lengths are fixed.
    keep = np.flatnonzero(df > 1)
    terms = list(vocab)
    return sparse.csr_matrix(m[:, keep]), [terms[k] for k in keep], occurrences[keep]


def _unit_rows(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


AGE = re.compile(r"\b(\d{1,3})-year-old\b|,\s(\d{1,3}),")
"""An age as news prints it ("a 16-year-old", "Dana Reyes, 34,"): who was shot, arrested, elected."""
CALENDAR = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*\.?|\d+"
)


DAY_OR_MONTH = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
"""A name that is a day or a month: when, not who or where (see `Features.names`)."""


def _shape(line: str) -> str:
    """A line up to its numbers, dates and names of days and months (for finding repeated furniture)."""
    return " ".join(CALENDAR.sub("#", line.lower()).split())


def pile_texts(articles: Sequence[Article]) -> tuple[list[str], list[str]]:
    """Each article's headline and text with the pile's furniture left out (for features only).

    - A headline part after a dash or bar ("... - WXYZ News, Weather") printed in two or more
      headlines of the pile is the outlet's name, not the story's.
    - A short line printed in `FURNITURE_SHARE` or more articles that are not copies of each other
      (copies: half of either's lines in common, as a wire story printed by several papers) is the
      outlet's furniture.
    """
    parts = [TITLE_PART.split(a.title) if a.title and a.title != a.id else [""] for a in articles]
    tails = headline_tails(articles)
    heads = [" - ".join([ps[0]] + [p for p in ps[1:] if tails[p.strip().lower()] < 2]) for ps in parts]
    lines = [[ln for ln in a.text.splitlines() if ln.strip()] for a in articles]
    short = [[len(ln.split()) <= FURNITURE_WORDS for ln in ls] for ls in lines]
    shapes = [
        [_shape(ln) if s else ln for ln, s in zip(ls, ss, strict=True)]
        for ls, ss in zip(lines, short, strict=True)
    ]
    every = [set(ss) for ss in shapes]
    printers: dict[str, list[int]] = defaultdict(list)
    for i, (ss, sh) in enumerate(zip(shapes, short, strict=True)):
        for s in sorted({s for s, k in zip(ss, sh, strict=True) if k}):
            printers[s].append(i)

    def copies(i: int, j: int) -> bool:
        return 2 * len(every[i] & every[j]) >= min(len(every[i]), len(every[j]))

    furniture = set()
    for s, who in printers.items():
        if len(who) < FURNITURE_SHARE:
            continue
        apart: list[int] = []
        for i in who:
            if not any(copies(i, j) for j in apart):
                apart.append(i)
                if len(apart) >= FURNITURE_SHARE:
                    furniture.add(s)
                    break
    texts = [
        "\n\n".join(ln for ln, s in zip(ls, ss, strict=True) if s not in furniture)
        for ls, ss in zip(lines, shapes, strict=True)
    ]
    return heads, texts


def article_features(articles: Sequence[Article]) -> Features:
    """TF-IDF of content words (headline counted extra) and of names, as one unit-length row each.

    Each row keeps its `TERMS_PER_ARTICLE` strongest terms (then rescaled to unit length): the terms
    that say what the story is, and a bound on the cost of comparing articles.
    """
    copies = copy_groups(articles)  # first: its memory is given back before the counts are made
    words, names, printed, headed = [], [], [], []
    in_heads: Counter[str] = Counter()
    in_leads: Counter[str] = Counter()
    written: Counter[str] = Counter()  # names as written in the texts
    for head, text in zip(*pile_texts(articles), strict=True):
        found = Counter(_names(text))
        written.update(found)
        w, n = word_counts(text), _count(found, _NAMES, _name)
        lead = lead_text(text)
        lw, ln = word_counts(lead), name_counts(lead)
        in_leads.update(lw)
        for _ in range(LEAD_REPEAT):
            w.update(lw)
            n.update(ln)
        said, hn = set(n), Counter()
        if head:
            hw, hn = word_counts(head), name_counts(head)
            in_heads.update(hw)
            said |= set(hn)
            for _ in range(TITLE_REPEAT):
                w.update(hw)
                n.update(hn)
        printed.append(Counter(t for t in said if not DAY_OR_MONTH.fullmatch(t)))
        headed.append(Counter(t for t in hn if not DAY_OR_MONTH.fullmatch(t)))
        for age in AGE.findall(f"{head} {text}") if AGE_REPEAT > 0 else ():
            n["age " + (age[0] or age[1])] += AGE_REPEAT
        words.append(w)
        names.append(n)
    word_block, terms, occurrences = _tfidf(words)
    vectors = sparse.hstack([word_block, ENTITY_WEIGHT * _tfidf(names)[0]]).tocsr()
    vectors = _unit_rows(prune_rows(_unit_rows(vectors), TERMS_PER_ARTICLE)).astype(np.float32)
    days = np.array([a.published.toordinal() if a.published else np.nan for a in articles], dtype=float)
    # Occurrences in the texts (headlines, often capitalised throughout, left out; the lead once).
    occurrences -= TITLE_REPEAT * np.array([in_heads[t] for t in terms], dtype=np.float64)
    occurrences -= LEAD_REPEAT * np.array([in_leads[t] for t in terms], dtype=np.float64)
    event = np.flatnonzero(~name_words(written, terms, occurrences))
    texts = [f"{a.title}\n{a.text}" for a in articles]
    particulars = (_particulars(texts, blocks), _particulars(texts, streets))
    in_text, in_head = _printed(printed + headed, len(articles))
    first: dict[str, int] = {}
    same = np.array([first.setdefault(" ".join(a.text.split()), i) for i, a in enumerate(articles)])
    return Features(vectors, days, event, particulars, in_text, in_head, same, copies)


def copy_groups(articles: Sequence[Article]) -> np.ndarray:
    """Per article, the number of its syndication group: the reader's deduplication
    (`dedupe.syndication_groups`: most sentences of the shorter of two texts have a close counterpart
    in the other), on sentences split simply (`LEAD_BREAK`: it only has to find the same sentences in
    two copies), which costs a third of the reader's sentence splitting at 10,000 articles."""
    from ..dedupe import syndication_groups
    from ..models import Sentence

    pile = [replace(a, id=str(i)) for i, a in enumerate(articles)]  # the pile's ids need not be unique
    sentences = {}
    for a in pile:
        ends = [m.start() for m in LEAD_BREAK.finditer(a.text)] + [len(a.text)]
        starts = [0] + [m.end() for m in LEAD_BREAK.finditer(a.text)]
        sentences[a.id] = [
            Sentence(a.id, k, start, end, a.text[start:end])
            for k, (start, end) in enumerate(zip(starts, ends, strict=True))
        ]
    found = syndication_groups(pile, sentences)
    return np.array([int(found[a.id]) for a in pile], dtype=np.int64)


def _printed(found: Sequence[Counter[str]], n: int) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """0/1 rows: which of the terms found in two or more of the first `n` texts each text has; the
    first `n` rows, and the others (same columns)."""
    vocab: dict[str, int] = {}
    indptr, indices = [0], []
    for terms in found:
        indices.extend(vocab.setdefault(t, len(vocab)) for t in terms)
        indptr.append(len(indices))
    m = sparse.csr_matrix(
        (np.ones(len(indices), dtype=np.float32), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
        shape=(len(found), max(len(vocab), 1)),
    )
    top = m[:n]
    keep = np.flatnonzero(np.bincount(top.indices, minlength=m.shape[1]) > 1)
    return sparse.csr_matrix(top[:, keep]), sparse.csr_matrix(m[n:][:, keep])


def lead_text(text: str) -> str:
    """The first `LEAD_SENTENCES` sentences of `text` (a simple split: it only weights words)."""
    return " ".join(LEAD_BREAK.split(text.replace("\n\n", " "), maxsplit=LEAD_SENTENCES)[:LEAD_SENTENCES])


def prune_rows(m: sparse.csr_matrix, keep: int) -> sparse.csr_matrix:
    """Keep each row's `keep` largest entries."""
    m = m.tocsr(copy=True)
    for i in range(m.shape[0]):
        lo, hi = m.indptr[i], m.indptr[i + 1]
        if hi - lo > keep:
            row = m.data[lo:hi]
            row[row < np.partition(row, hi - lo - keep)[hi - lo - keep]] = 0.0
    m.eliminate_zeros()
    return m


def date_factor(days_a: np.ndarray, days_b: np.ndarray) -> np.ndarray:
    """How much two articles' dates allow them to share a story: 1 when close or unknown.

    A heavy-tailed decay, (1 + (gap / `DATE_SCALE_DAYS`)²) to the power -`DATE_WEIGHT`: 0.96 at a
    month apart, 0.87 at two months, 0.63 at six months, 0.48 at a year, 0.28 at four years. It is a
    prior about news: two reports weeks apart may well be two events, but follow-ups (arrests,
    charges, trials, anniversaries) come months and years after the event, and they share its
    particulars; the words decide, the dates only weigh in. (Until issue 15 it was the square of the
    Cauchy-shaped one, 0.1 at six months and under 0.03 at a year: on gun-violence news dated by
    publication, it split each incident's arrest and trial reports from its first reports.)
    """
    gap = np.abs(days_a - days_b)
    unknown = np.isnan(gap)
    gap[unknown] = -1.0
    whole = gap.astype(np.int64)
    if np.array_equal(whole, gap) and whole.max(initial=0) <= max(gap.size, 4096):
        # Dates are whole days: one power per distinct gap, looked up (the same values bit for bit, at
        # half the time of a power per pair); an unknown gap (-1) takes the table's last entry, 1.
        table = np.ones(int(whole.max(initial=0)) + 2)
        table[:-1] = _date_curve(np.arange(len(table) - 1, dtype=np.float64))
        return table[whole]
    return np.where(unknown, 1.0, _date_curve(np.where(unknown, 0.0, gap)))


def _date_curve(gap: np.ndarray) -> np.ndarray:
    return (1.0 + (gap / DATE_SCALE_DAYS) ** 2) ** -DATE_WEIGHT


BLOCK = re.compile(r"\b(\d{2,5}) block\b")
"""A block number, as police give the place of an incident ("in the 3600 block of Alder Street")."""
STREET_KINDS = "Street|St\\.|Avenue|Ave\\.|Road|Rd\\.|Drive|Dr\\.|Boulevard|Blvd\\.|Lane|Parkway|Highway"
STREET = re.compile(rf"\b([A-Z][a-z]+) (?:{STREET_KINDS})\b")
"""A street, by the word before its kind ("Alder" of "North Alder Street"): "Court", "Place" and "Way"
are left out, as they name institutions too ("Supreme Court")."""
_STREET_KIND = re.compile(rf" (?={STREET_KINDS})")


def blocks(text: str) -> list[str]:
    """The block numbers `text` prints (`BLOCK`), in order."""
    return [m.group(1) for m in BLOCK.finditer(text)] if " block" in text else []


def streets(text: str) -> list[str]:
    """The streets `text` names (`STREET`), in order: what `STREET.finditer` finds, at a third of the
    time (the pattern is tried only where a kind of street follows a capitalised word)."""
    found, end = [], 0
    for kind in _STREET_KIND.finditer(text):
        start = kind.start()
        while start > 0 and "a" <= text[start - 1] <= "z":
            start -= 1
        if start == kind.start() or start == 0 or not "A" <= text[start - 1] <= "Z" or start - 1 < end:
            continue
        hit = STREET.match(text, start - 1)
        if hit:
            found.append(hit.group(1))
            end = hit.end()
    return found


BLOCK_APART = 0.2
"""Factor on the similarity of two articles that each print a block number (`BLOCK`) and share none:
two incidents at two addresses are two stories, however alike their words."""
STREET_APART = 0.5
"""The same for two articles that each name a street (`STREET`) and share none (weaker: an article
names the streets of a neighbourhood, a route, a bank's Wall Street)."""


def _particulars(texts: Sequence[str], find: Callable[[str], list[str]]) -> sparse.csr_matrix:
    """Which of the particulars `find` finds (lower case) each text prints: a 0/1 matrix, one row per
    text."""
    vocab: dict[str, int] = {}
    indptr, indices = [0], []
    for text in texts:
        indices.extend(sorted({vocab.setdefault(found.lower(), len(vocab)) for found in find(text)}))
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.ones(len(indices), dtype=np.float32), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
        shape=(len(texts), max(len(vocab), 1)),
    )


def apart_factor(features: Features, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Per pair of articles (`rows[i]`, `cols[i]`): the product of the factors (`BLOCK_APART`,
    `STREET_APART`) of the kinds of particulars both print without sharing one; 1 for the others."""
    factor = np.ones(len(rows))
    for marks, apart in zip(features.particulars, (BLOCK_APART, STREET_APART), strict=True):
        printed = np.diff(marks.indptr) > 0
        both = np.flatnonzero(printed[rows] & printed[cols])
        if apart < 1.0 and len(both):
            shared = np.asarray(marks[rows[both]].multiply(marks[cols[both]]).sum(axis=1)).ravel() > 0
            factor[both[~shared]] *= apart
    return factor


def similarity_block(
    features: Features,
    q: np.ndarray,
    vt: sparse.csr_matrix,
    cols: np.ndarray | None = None,
    apart: bool = True,
) -> np.ndarray:
    """Dense similarities (cosine times the date factor and, with `apart`, the `apart_factor`) of
    articles `q` to the columns of `vt` (the transposed rows of articles `cols`, default all). The
    factors are computed for the pairs that share a term only."""
    prod = sparse.csr_matrix(features.vectors[q] @ vt)
    days = features.days
    if prod.nnz and not np.isnan(days).all():
        rows = np.repeat(np.arange(len(q)), np.diff(prod.indptr))
        other = days[prod.indices] if cols is None else days[cols][prod.indices]
        prod.data = (prod.data * date_factor(days[q][rows], other)).astype(prod.data.dtype)
    if prod.nnz and features.particulars and apart:
        rows = np.repeat(q, np.diff(prod.indptr))
        other = prod.indices if cols is None else cols[prod.indices]
        prod.data = (prod.data * apart_factor(features, rows, other)).astype(prod.data.dtype)
    return prod.toarray()
