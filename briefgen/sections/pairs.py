"""Disagreements found by comparing two statements about one event, where no name ties them.

A `Reading` (measures.py) keys a value by the thing it measures ("age of Tomas Ruiz Vega"); the
things here have no such key and are matched pair by pair on what the sentences say happened:

- the make-up of a group: "three men walked out of the bar and came back with rifles" and "three
  people, two men and a woman, walked out and came back armed" give one group (same size, same acts) two
  make-ups;
- the street of the incident written as two similar names ("off Birch Hollow Lane" / "off Birchwood
  Lane", "West 45th Street" / "West 54th Street"): two streets of the same kind, each in a sentence
  about the incident, that no article names together;
- two full lists of a role's people ("the injured victims, two men in their 30s and a woman in her
  60s" / "injuring three people, Ann Roe, 34; ...") whose sexes and ages no pairing fits.

Both are precision-first: anything an article gives both ways (two groups, two streets) is left out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from ..models import Dispute, Sentence, Side
from ..text import STOP_WORDS, stem
from . import TopicContext, sort_sources, source
from .measures import (
    NAME,
    NOT_NAME,
    NUMBER_WORDS,
    STREET,
    SUFFIX,
    Incidents,
    about_the_scene,
    street_base,
    tied,
)

# -- the make-up of a group ----------------------------------------------------------------------
SEX_NOUNS = {
    "men": "m",
    "man": "m",
    "males": "m",
    "male": "m",
    "boys": "m",
    "boy": "m",
    "women": "f",
    "woman": "f",
    "females": "f",
    "female": "f",
    "girls": "f",
    "girl": "f",
}
ANY_NOUNS = ("people", "persons", "individuals", "suspects", "adults", "teens", "teenagers", "others")
COUNT = r"(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + r"|an?)"
SEXED = rf"{COUNT} (?:{'|'.join(SEX_NOUNS)})\b"
# "two men and a woman", "two men, a woman and a boy"
MAKE_UP = rf"{SEXED}(?:(?:,| and|, and) {SEXED}){{0,3}}"
HEDGE = r"(?:possibly |probably |perhaps |including |all |both |described as )?"
GROUP = re.compile(
    rf"\b(?:(?P<total>{COUNT}) (?:{'|'.join(ANY_NOUNS)})\s*(?:,|\(|--|—)\s*{HEDGE}(?P<parts>{MAKE_UP})|"
    rf"(?P<alone>{MAKE_UP}))",
    re.I,
)
PART = re.compile(rf"(?P<n>{COUNT}) (?P<noun>{'|'.join(SEX_NOUNS)})\b", re.I)
ATTRIBUTION = {"polic", "said", "say", "sgt", "offici", "accord", "report", "told", "sheriff", "author"}
EVENT_WORDS = 12  # words after the group read as what it did
SHARED_ACTS = 2  # content words two groups' acts must share to be one group


def _count(raw: str) -> int:
    raw = raw.lower()
    if raw in ("a", "an"):
        return 1
    return NUMBER_WORDS[raw] if raw in NUMBER_WORDS else int(raw)


@dataclass(frozen=True)
class Group:
    sentence: Sentence
    size: int
    males: int
    value: str  # the make-up as printed ("two men and one woman")
    acts: frozenset[str]  # stems of the content words after the group


SEX_WORD = re.compile(r"\b(?:" + "|".join(SEX_NOUNS) + r")\b", re.I)


def groups(sentence: Sentence) -> list[Group]:
    out: list[Group] = []
    text = sentence.text
    if not SEX_WORD.search(text):
        return out
    for m in GROUP.finditer(text):
        parts_text = m.group("parts") or m.group("alone")
        parts = [
            (_count(p.group("n")), SEX_NOUNS[p.group("noun").lower()]) for p in PART.finditer(parts_text)
        ]
        size = sum(n for n, _ in parts)
        if m.group("total") and _count(m.group("total")) != size:
            continue  # "seven others -- two males and six females": the breakdown is not of this group
        if size < 2:
            continue  # one person: a description, not a group
        after = re.findall(r"[A-Za-z]+", text[m.end() :])[:EVENT_WORDS]
        acts = (
            frozenset(
                stem(w.lower())
                for w in after
                if w.lower() not in STOP_WORDS and w.lower() not in SEX_NOUNS and len(w) > 2
            )
            - ATTRIBUTION
        )
        males = sum(n for n, sex in parts if sex == "m")
        out.append(Group(sentence, size, males, m.group().strip(" ,(—-"), acts))
    return out


def group_disputes(ctx: TopicContext, incident: Incidents | None = None) -> list[Dispute]:
    """One group (same size, the same acts) given two make-ups by articles of different sources
    that report one incident (`measures.incidents`)."""
    incident = incident or Incidents(ctx.articles)
    found = [g for s in ctx.all_sentences for g in groups(s)]
    disputes = []
    used: set[int] = set()
    for i, a in enumerate(found):
        if i in used:
            continue
        same = [
            j
            for j, b in enumerate(found)
            if j not in used and b.size == a.size and len(a.acts & b.acts) >= SHARED_ACTS
        ]
        by_make_up: dict[int, list[Group]] = defaultdict(list)
        for j in same:
            by_make_up[found[j].males].append(found[j])
        if len(by_make_up) != 2:
            continue
        arts = [{g.sentence.article for g in gs} for gs in by_make_up.values()]
        groups_of = [{ctx.group(x) for x in a_} for a_ in arts]
        if groups_of[0] & groups_of[1]:
            continue  # one source gives both: two groups, or a change it reports
        if not tied(incident, *arts):
            continue  # articles of two incidents of one subject (four men shot in two cities)
        used.update(same)
        sides = []
        for gs in by_make_up.values():
            sources = sort_sources(ctx, (source(g.sentence) for g in gs))
            sides.append(Side(gs[0].sentence.text, sources, value=gs[0].value))
        sides.sort(key=lambda side: (-ctx.support(side.sources), ctx.order.get(side.sources[0].article, 0)))
        disputes.append(
            Dispute(
                about=f"who the {a.size} people were (those who {_acts(a)})",
                kind="number",
                sides=tuple(sides),
            )
        )
    return disputes


def _acts(group: Group) -> str:
    text = group.sentence.text
    start = text.find(group.value) + len(group.value)
    words = text[start:].strip(" ,").split()
    return " ".join(words[:6]).rstrip(",.")


# -- the street of the incident, written as two similar names ----------------------------------------
DIRECTION = {"north", "south", "east", "west", "n.", "s.", "e.", "w."}
STREET_PREFIX = 4  # letters a shorter first word must share with a longer one ("Birch" / "Birchwood")
STREET_GAP = 2  # numbered streets this many apart or fewer may be one street misplaced ("54th" / "55th")
STREET_SLIP = 2  # letters two base names must differ by to be two streets rather than one misspelt


@dataclass(frozen=True)
class Street:
    sentence: Sentence
    name: str  # "Birch Hollow Lane"
    direction: str
    base: str  # "mill pond"
    suffix: str  # "Drive"


def streets(sentence: Sentence) -> list[Street]:
    out = []
    for m in STREET.finditer(sentence.text):
        words = street_base(m.group("base")).split()
        if words[-1] in NOT_NAME or words[0] in NOT_NAME:
            continue
        direction = words[0].lower() if words[0].lower() in DIRECTION and len(words) > 1 else ""
        base = " ".join(words[1:] if direction else words).lower()
        suffix = SUFFIX[m.group("suffix").lower().rstrip(".")]
        out.append(Street(sentence, f"{' '.join(words)} {suffix}", direction[:1], base, suffix))
    return out


def _similar(a: str, b: str) -> bool:
    """Two base names alike enough to be confused: "birch hollow" / "birchwood", "45th" / "54th"."""
    if a == b:
        return False
    wa, wb = a.split()[0], b.split()[0]
    digits_a, digits_b = re.sub(r"\D", "", a), re.sub(r"\D", "", b)
    if digits_a or digits_b:
        # Numbered streets: the same digits swapped, one digit dropped or doubled ("17th" / "170th"),
        # or a street or two away ("54th" / "55th": the corner's other street, or a slip).
        return (
            bool(digits_a and digits_b)
            and a.split()[1:] == b.split()[1:]
            and (
                sorted(digits_a) == sorted(digits_b)
                or digits_a in digits_b
                or digits_b in digits_a
                or abs(int(digits_a) - int(digits_b)) <= STREET_GAP
            )
        )
    # One first word the start of the other, and more than a letter apart: a spelling slip ("Connor" /
    # "Conner", "Mill" / "Mills") is a variant of one name, not another street.
    return (
        min(len(wa), len(wb)) >= STREET_PREFIX
        and (wa.startswith(wb) or wb.startswith(wa))
        and Levenshtein.distance(a, b) >= STREET_SLIP
    )


def street_disputes(ctx: TopicContext, incident: Incidents | None = None) -> list[Dispute]:
    """Two similar streets of the incident (see the module's docstring) from articles of different
    sources that report one incident."""
    incident = incident or Incidents(ctx.articles)
    by_article: dict[str, list[Street]] = defaultdict(list)
    for s in ctx.all_sentences:
        by_article[s.article] += streets(s)
    named: dict[str, set[str]] = defaultdict(set)  # street name -> articles naming it anywhere
    for article, found in by_article.items():
        for st in found:
            named[st.name.lower()].add(article)
    # Streets of the incident: named in a sentence about the shooting itself.
    scene = [st for found in by_article.values() for st in found if about_the_scene(st.sentence.text)]
    disputes = []
    seen: set[frozenset[str]] = set()
    for i, a in enumerate(scene):
        for b in scene[i + 1 :]:
            pair = frozenset((a.name.lower(), b.name.lower()))
            if len(pair) < 2 or pair in seen:
                continue
            if a.suffix != b.suffix or a.direction != b.direction or not _similar(a.base, b.base):
                continue
            if _opposite_corners(a, b):
                continue
            arts_a, arts_b = named[a.name.lower()], named[b.name.lower()]
            if {ctx.group(x) for x in arts_a} & {ctx.group(x) for x in arts_b}:
                continue  # one source names both: two streets of the story (a corner, a nearby street)
            if not tied(incident, {a.sentence.article}, {b.sentence.article}):
                continue  # two incidents of one city's grid
            seen.add(pair)
            sides = []
            for st in (a, b):
                sentences = [x.sentence for x in scene if x.name.lower() == st.name.lower()]
                sources = sort_sources(ctx, (source(s) for s in sentences))
                sides.append(Side(sources[0].sentence, sources, value=st.name))
            sides.sort(
                key=lambda side: (-ctx.support(side.sources), ctx.order.get(side.sources[0].article, 0))
            )
            about = f"street of the incident: {sides[0].value} or {sides[1].value}"
            disputes.append(Dispute(about=about, kind="name", sides=tuple(sides)))
    return disputes


def _opposite_corners(a: Street, b: Street) -> bool:
    """Two corners of one block of a grid: "61st Street and 19th Avenue" and "20th Avenue and 62nd
    Street", each street a number or two from the other's. A place that fills the block (an
    apartment complex) is at both: not a dispute."""
    cross_a = [x for x in streets(a.sentence) if x.name != a.name and re.search(r"\d", x.base)]
    cross_b = [y for y in streets(b.sentence) if y.name != b.name and re.search(r"\d", y.base)]
    return bool(re.search(r"\d", a.base)) and any(
        x.suffix == y.suffix and x.suffix != a.suffix and _similar(x.base, y.base)
        for x in cross_a
        for y in cross_b
    )


# -- the ages of a role's people, listed in full ---------------------------------------------------
MEMBER_NOUNS = "|".join(sorted(SEX_NOUNS, key=len, reverse=True))
DECADE = r"(?: in (?:his|her|their) (?P<part>early |mid-?|late )?(?P<decade>teens|[2-9]0s))"
MEMBER = re.compile(
    rf"(?P<n>{COUNT}) (?P<noun>{MEMBER_NOUNS})\b{DECADE}?|"
    rf"(?P<name>{NAME}), (?P<age>\d{{1,2}})\b|"
    rf"(?:an? )?(?P<age2>\d{{1,2}})-year-old (?P<noun2>{MEMBER_NOUNS})\b"
)
SEPARATOR = re.compile(r"\s*[,;]?\s*(?:and\s+)?")
ROSTER_CUE = re.compile(
    rf"\b(?:the (?P<role>wounded|injured|dead|slain)(?: victims| people)?,\s*|"
    rf"(?P<verb>wounding|injuring|killing)\s+(?:(?P<count>{COUNT}) )?(?:other )?"
    r"(?:people|victims|persons|others)?,?\s*)",
    re.I,
)
ROSTER_ROLE = {"wounded": "wounded", "injured": "wounded", "wounding": "wounded", "injuring": "wounded"}
ROSTER_ROLE |= {"dead": "killed", "slain": "killed", "killing": "killed"}
MAX_ROSTER = 6  # people a roster may list (their ages are matched by trying every order)
ROSTER_SENTENCES = 3  # sentences after the cue a roster may run into (split at its semicolons)


@dataclass(frozen=True)
class Roster:
    sentence: Sentence
    role: str
    members: tuple[tuple[str, float, float], ...]  # (sex or "", youngest, oldest) per person
    value: str


def rosters(sentence: Sentence, text: str = "") -> list[Roster]:
    """Everyone of a role with an age each: "the injured victims, two men in their 30s and a woman in
    her 60s", "wounding three other people, Ann Roe, 34; Joan Poe, 31; and Bo Doe, 38". `text`, when
    given, is the sentence with the ones after it (a list the splitter cut at its semicolons)."""
    from .people import gender_of_name

    text = text or sentence.text
    out = []
    for cue in ROSTER_CUE.finditer(text):
        role = ROSTER_ROLE[(cue.group("role") or cue.group("verb")).lower()]
        members: list[tuple[str, float, float]] = []
        at = cue.end()
        while len(members) <= MAX_ROSTER:
            m = MEMBER.match(text, at)
            if not m:
                break
            if m.group("n"):
                if not m.group("decade"):
                    members = []
                    break  # a member without an age: the roster says nothing to compare
                decade = m.group("decade")
                base = 10 if decade == "teens" else int(decade[0]) * 10
                low, high = DECADE_AGES[(m.group("part") or "").strip(" -")]
                span = (13.0 if decade == "teens" and not low else base + low, float(base + high))
                members += [(SEX_NOUNS[m.group("noun").lower()], *span)] * _count(m.group("n"))
            elif m.group("name"):
                age = float(m.group("age"))
                members.append((gender_of_name(m.group("name")), age, age))
            else:
                age = float(m.group("age2"))
                members.append((SEX_NOUNS[m.group("noun2").lower()], age, age))
            end = m.end()
            at = SEPARATOR.match(text, end).end()  # type: ignore[union-attr]
        if len(members) < 2 or len(members) > MAX_ROSTER:
            continue
        if cue.group("count") and _count(cue.group("count")) != len(members):
            continue
        value = text[cue.end() : end].strip(" ,;")
        out.append(Roster(sentence, role, tuple(members), value))
    return out


DECADE_AGES = {"": (0, 9), "early": (0, 3), "mid": (3, 7), "late": (6, 9)}


def _fit(a: tuple[tuple[str, float, float], ...], b: tuple[tuple[str, float, float], ...]) -> bool:
    """Some pairing of the two lists' people in which every pair could be one person (sex, age)."""
    from itertools import permutations

    return any(
        all(
            (not x[0] or not y[0] or x[0] == y[0]) and x[1] <= y[2] and y[1] <= x[2]
            for x, y in zip(a, perm, strict=True)
        )
        for perm in permutations(b)
    )


def roster_disputes(ctx: TopicContext, incident: Incidents | None = None) -> list[Dispute]:
    """Two full lists of one role's people (as many, by different sources, of one incident) whose
    ages cannot be the same people's."""
    incident = incident or Incidents(ctx.articles)
    found = []
    for a in ctx.articles:
        sentences = ctx.sentences.get(a.id, ())
        for i, s in enumerate(sentences):
            if ROSTER_CUE.search(s.text):
                # The sentence and the rest of its paragraph's next sentences, as printed.
                following = [
                    x for x in sentences[i + 1 : i + 1 + ROSTER_SENTENCES] if x.paragraph == s.paragraph
                ]
                end = following[-1].end if following else s.end
                found += rosters(s, a.text[s.start : end])
    disputes = []
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if a.role != b.role or len(a.members) != len(b.members):
                continue
            if ctx.group(a.sentence.article) == ctx.group(b.sentence.article) or _fit(a.members, b.members):
                continue
            if not tied(incident, {a.sentence.article}, {b.sentence.article}):
                continue
            if any(
                _fit(a.members, c.members)
                for c in found
                if c.role == a.role
                and c is not b
                and ctx.group(c.sentence.article) == ctx.group(b.sentence.article)
            ):
                continue
            sides = tuple(
                Side(r.sentence.text, sort_sources(ctx, [source(r.sentence)]), value=r.value) for r in (a, b)
            )
            disputes.append(Dispute(about=f"ages of the {a.role}", kind="number", sides=sides))
            break
    return disputes
