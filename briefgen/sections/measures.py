"""What each figure, time and name of a sentence measures, before any two are compared.

A `Reading` is one value a sentence gives for one thing: the thing (`key`: the age of a named
person, the block of a street, the clock time of the incident, the number of people killed, the sex
of a child of a given age, whether injuries were life-threatening, whether anyone was arrested), the
value as an interval (`low`..`high`, so "about 9 p.m." and "8:55 p.m." agree and "about 30" spans
rounding) and as printed. Only readings of the same key are ever compared, so "64 of the 122 seats"
gives nothing (no key counts seats) and the age of a victim is never compared with a suspect's.

Each pattern asks for the words that tie a value to its thing: a name right next to an age
("Tomas Ruiz Vega, 16," / "16-year-old Tomas Ruiz"), "block of" and a street, a clock time in
a sentence about the incident itself (not an arrest, a news conference or a vigil), a count right
before or after "killed", "wounded", "shot".
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from ..models import Article, Sentence
from ..text import STOP_WORDS

MAX_AGE = 110
CHILD_AGE = 18


@dataclass(frozen=True)
class Reading:
    sentence: Sentence
    key: str  # what is measured, normalised ("age|edgar sanchez rios")
    about: str  # the same, for a heading ("age of Tomas Ruiz Vega")
    kind: str  # "number", "name", "date", "claim"
    value: str  # as printed ("16", "2300 block of Garnet Avenue", "7:30 p.m.")
    low: float
    high: float
    changes: str  # how the thing may change over time: "" (fixed), "ages", "grows", "any", "condition"
    name: str = ""  # for ages: the person's name as printed
    # False for things several people of one story can differ in (one victim died, another is in
    # critical condition): shown only as an update, when dates order the values, never as a dispute.
    disputable: bool = True
    # True for a thing of "the" incident that the key does not name (the toll, the time, the child,
    # the car): it is the same thing in two articles only when they report one incident.
    story: bool = False
    # The streets the sentence places itself on (base names, lower case), for a time: two times of
    # sentences on different streets are two incidents' times.
    place: frozenset[str] = frozenset()


# -- names ---------------------------------------------------------------------------------------
CAP = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
NAME = rf"(?:{CAP}|[A-Z]\.)(?: (?:{CAP}|[A-Z]\.|de|la|van|von|del)){{0,2}} {CAP}"
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Sgt|Lt|Capt|Officer|Deputy|Detective|Chief|Judge)\.? ")
NOT_NAME = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "The",
    "A",
    "An",
    "Police",
    "County",
    "City",
    "Street",
    "Avenue",
    "Road",
    "Drive",
    "Lane",
    "Boulevard",
    "Highway",
    "Park",
}
# "Ada Lind, 16," / "Ada Lind, 16." / "Ada Lind, age 16" / "Ada Lind (16)" / "Ada Lind, a 16-year-old"
NAME_AGE = re.compile(
    rf"\b(?P<name>{NAME})(?:, (?:(?:age|aged) )?(?P<age>\d{{1,3}})(?:[,;)]|\.(?![\w.])|$)|"
    rf" \((?:age )?(?P<paren>\d{{1,3}})\)|, an? (?P<appos>\d{{1,3}})-year-old\b)"
)
AGE_NAME = re.compile(rf"\b(?P<age>\d{{1,3}})-year-old (?P<name>{NAME})\b")


def _person(name: str) -> str:
    name = HONORIFIC.sub("", name)
    parts = name.split()
    if any(p in NOT_NAME for p in parts) or len(parts) < 2:
        return ""
    return name


def _age(m: re.Match[str]) -> int:
    return int(next(g for g in (m.group(k) for k in ("age", "paren", "appos") if k in m.re.groupindex) if g))


def ages(sentence: Sentence) -> list[Reading]:
    out = []
    for pattern in (NAME_AGE, AGE_NAME):
        for m in pattern.finditer(sentence.text):
            name, age = _person(m.group("name")), _age(m)
            if not name or not 0 < age <= MAX_AGE:
                continue
            out.append(
                Reading(
                    sentence,
                    f"age|{name.lower()}",
                    f"age of {name}",
                    "number",
                    str(age),
                    age,
                    age,
                    "ages",
                    name,
                )
            )
    return out


def merge_names(readings: list[Reading]) -> list[Reading]:
    """One key per person: a name whose words are all in a longer name is that person
    ("Tomas Ruiz" and "Tomas Ruiz Vega"); the longest name names the key."""
    names = sorted({r.name for r in readings if r.name}, key=lambda n: (-len(n.split()), n))
    canonical: dict[str, str] = {}
    for n in names:
        words = set(n.lower().split())
        longer = [c for c in names if len(c.split()) > len(n.split()) and words <= set(c.lower().split())]
        # Only when the shorter name fits one longer name: "John Smith" in "John Smith Jr" and "John
        # Paul Smith" is left alone.
        canonical[n] = longer[0] if len({canonical.get(c, c) for c in longer}) == 1 else n
    # One person spelt two ways: the same surname, first names a letter or two apart ("Kemal Osei" /
    # "Kamal Osei"), never both in one article (two people, then: brothers, cousins).
    articles: dict[str, set[str]] = {}
    for r in readings:
        if r.name:
            articles.setdefault(canonical[r.name], set()).add(r.sentence.article)
    people = sorted(articles, key=lambda n: (-len(articles[n]), n))
    for i, a in enumerate(people):
        for b in people[i + 1 :]:
            fa, fb = a.split(), b.split()
            if (
                canonical[b] == b
                and fa[-1] == fb[-1]
                and min(len(fa[0]), len(fb[0])) >= SPELLING_MIN
                and 0 < Levenshtein.distance(fa[0], fb[0]) <= 2
                and not articles[a] & articles[b]
            ):
                for n, c in canonical.items():
                    if c == b:
                        canonical[n] = a
    out = []
    for r in readings:
        if r.name and canonical[r.name] != r.name:
            c = canonical[r.name]
            what = r.key.split("|", 1)[0]
            r = dataclasses.replace(r, key=f"{what}|{c.lower()}", about=r.about.replace(r.name, c), name=c)
        out.append(r)
    return out


SPELLING_MIN = 5  # letters a first name needs before a one- or two-letter difference is a misspelling


# -- what ties two articles to one incident -----------------------------------------------------------
PLACE_OF_CARE = {"Hospital", "Medical", "Center", "Centre", "Health", "Infirmary", "Clinic"}
# Names of a region's agencies and headline words ("Crime Stoppers", "Sheriff's Office", "Miami Shooting"):
# every incident of the region shares them.
REGIONAL = {
    "Stoppers", "Crime", "Department", "Office", "Sheriff", "Sheriff's", "Sheriff’s", "Bureau", "Coroner",
    "Examiner", "Rescue", "Fire", "News", "Shooting", "Shootings", "Homicide", "Murder", "Killing",
    "Violence", "Court", "Jail", "District", "Attorney", "School", "Schools", "University", "State", "Patrol",
}  # fmt: skip


# Who speaks for many incidents: an official by rank ("Lt. Ana Lind", "police spokesman Bo Roe") and a
# reporter credited for a segment ("Channel 5's Ana Lind reports"). Their names tie no two reports.
OFFICIAL = (
    r"Lt|Lieut|Sgt|Capt|Cpl|Cmdr|Det|Officer|Detective|Chief|Deputy|Sheriff|Trooper|Agent|Lieutenant|"
    r"Sergeant|Captain|Corporal|Commander|Inspector|Superintendent|Commissioner|Mayor|Coroner"
)
OFFICIAL_BEFORE = re.compile(rf"(?:\b(?i:{OFFICIAL}|spokes(?:man|woman|person))\.?|['’]s)\s+$")
OFFICIAL_FIRST = re.compile(rf"^(?:{OFFICIAL})\b")
CREDITED_AFTER = re.compile(
    r"\s+(?:reports|reported|reporting|has (?:the|more)|contributed)\b|\s+\(@\w+\)|"
    r",? (?:a |the )?(?:police |department )?"
    r"(?:spokes(?:man|woman|person)|public information officer)\b"
)


def _speaks_for_many(text: str, m: re.Match[str]) -> bool:
    return (
        bool(OFFICIAL_FIRST.match(m.group()))
        or bool(OFFICIAL_BEFORE.search(text, max(0, m.start() - 30), m.start()))
        or bool(CREDITED_AFTER.match(text, m.end()))
    )


def incident_names(text: str) -> tuple[frozenset[str], bool]:
    """The names an article gives its incident: people, places and buildings of two or more words
    ("Ada Lind", "Kestrel Commons") and street names ("Elm", "West 51st"); not a region's (a county,
    an agency, an official or a reporter), a hospital's or a big city's. Two reports of one incident
    nearly always share one; two incidents of one subject seldom do. With them, whether the article
    names anything at all (those left out included)."""
    found = set()
    anything = False
    for m in re.finditer(NAME, text):
        parts = [p for p in re.split(r"(?:['’]s)?(?:[\s-]+|$)", m.group()) if p]  # "Hospital's": "Hospital"
        if any(p in NOT_NAME or p in REGIONAL or p.lower() in STOP_WORDS for p in parts):
            continue  # not "All Rights Reserved", "Follow Us On Twitter"
        anything = True
        if not any(p in PLACE_OF_CARE for p in parts) and not _speaks_for_many(text, m):
            found.add(
                re.sub(r" (?:jr|sr)$", "", street_base(m.group()).lower())
            )  # "S. Flores": "South Flores"
    found |= {
        f"{n.split()[0]} {n.split()[-1]}" for n in found if len(n.split()) > 2
    }  # a middle name left out
    found -= _big_places()  # "San Francisco": a city's incidents all name it
    streets = set()
    for m in _streets(text):
        if m.group("base") in ROAD_SYSTEMS and (number := NUMBERED_ROAD.match(text, m.end())):
            # "County Road 300", "Farm Road 12": the number names the road, the words a road system.
            streets.add(f"{m.group().lower()} {number.group(1).lower()}")
        else:
            streets.add(street_base(m.group("base")).lower())
    return frozenset(found | streets), anything or bool(streets)


NUMBERED_ROAD = re.compile(r" (?:No\. )?(\d{1,5}[A-Za-z]?)\b")
ROAD_SYSTEMS = {"County", "State", "Farm", "Ranch", "Forest", "Township", "Parish", "Private", "Service"}


@functools.cache
def _big_places() -> frozenset[str]:
    from .people import places

    return frozenset(p.lower() for p in places())


def incidents(articles: Sequence[Article]) -> dict[str, int | None]:
    """Articles numbered by incident: two articles that share a name of people, places or streets
    (`incident_names`) report one incident, and so do two that each share one with a third. A
    hospital, a big city or an official ties none (many incidents share them). An article that names
    nothing at all, not even those, is None (unknown): a short report ("a boy, 6, was hurt")
    may be of any incident of its subject, the others' or another one."""
    found = {a.id: incident_names(a.text) for a in articles}
    names = {a: tie for a, (tie, _) in found.items()}
    nameless = {a for a, (_, anything) in found.items() if not anything}
    ids = sorted(names)
    parent = {a: a for a in ids}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    first_with: dict[str, str] = {}
    for a in ids:
        for n in sorted(names[a]):
            if n in first_with:
                parent[root(a)] = root(first_with[n])
            else:
                first_with[n] = a
    roots = sorted({root(a) for a in ids if a not in nameless})
    if not roots:
        return dict.fromkeys(ids, 0)  # no article names anything: nothing tells two incidents apart
    return {a: None if a in nameless else roots.index(root(a)) for a in ids}


class Incidents:
    """`incidents` of a topic's articles, worked out the first time a comparison needs them."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = articles
        self._of: dict[str, int | None] | None = None

    def of(self) -> dict[str, int | None]:
        if self._of is None:
            self._of = incidents(self.articles)
        return self._of


def tied(incident: Incidents, *sides: Iterable[str]) -> bool:
    """Every two of `sides` (sets of article ids) have articles of one incident (`incidents`)."""
    of = incident.of()
    linked = [{of.get(a) for a in side} - {None} for side in sides]
    return all(a & b for i, a in enumerate(linked) for b in linked[i + 1 :])


# -- the state a politician represents ------------------------------------------------------------
# AP abbreviations and names of US states: "Rep. Ana Lind, R-Ariz.," and "Rep. Ana Lind of Arizona"
# place her in one state; "D-Ore." and "of Oregon" in another.
STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip
STATE_NAMES = sorted(
    set(STATES.values()) | {"Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah"}
)
STATE_FORM = "|".join(re.escape(x) for x in sorted([*STATES, *STATE_NAMES], key=len, reverse=True))
LAWMAKER = r"(?:Sen|Rep|Gov|Senator|Representative|Congressman|Congresswoman|Governor)\.?"
# With a party tag ("Ana Lind, R-Ariz.," / "Ana Lind (D-Ore.)") no title is needed: the splitter may
# have cut "Rep." off as a sentence of its own; "of Ohio" needs the title ("Ana Lind of Ohio" may live
# there).
PARTY_STATE = re.compile(
    rf"\b(?P<title>{LAWMAKER} )?(?P<name>{NAME}),? (?:\((?:[RDI]|Rep|Dem|Ind)\.?-(?P<a>{STATE_FORM})\)|"
    rf"(?:[RDI]|Rep|Dem|Ind)\.?-(?P<b>{STATE_FORM})(?![\w.])|of (?P<c>{STATE_FORM})\b(?! (?:City|County)))"
)


OFFICE_WORDS = {
    "Majority", "Minority", "Leader", "Speaker", "House", "Senate", "Whip", "Chairman", "Chairwoman",
    "President", "Vice", "Secretary", "Republican", "Democrat", "Democratic", "Sen", "Rep", "Gov", "Former",
}  # fmt: skip


def lawmaker_states(sentence: Sentence) -> list[Reading]:
    """The state a named lawmaker is placed in: "Sen. Ana Lind, D-Ore.", "Rep. Ana Lind (R-Texas)",
    "Gov. Ana Lind of Ohio". A lawmaker's state does not change within a story: two states are a
    dispute. Only full names (a surname alone may be two lawmakers: two Smiths of two states)."""
    out = []
    for m in PARTY_STATE.finditer(sentence.text):
        words = m.group("name").split()
        while len(words) > 2 and words[0].rstrip(".") in OFFICE_WORDS:
            words = words[1:]  # "Majority Leader Ana Lind", "Speaker Ana Lind"
        name = _person(" ".join(words))
        raw = m.group("a") or m.group("b") or m.group("c")
        if not name or (m.group("c") and not m.group("title")):
            continue
        state = STATES.get(raw, raw)
        v = float(STATE_NAMES.index(state)) if state in STATE_NAMES else -1.0
        out.append(
            Reading(sentence, f"state|{name.lower()}", f"state of {name}", "name", state, v, v, "", name)
        )
    return out


# -- the population of a place -----------------------------------------------------------------------
PLACE = r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
FIGURE = (
    r"(?P<qual>(?:about|around|some|roughly|nearly|almost|more than|over|at least|fewer than|less than) )?"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]|\.\d)(?: (?P<scale>million|billion))?"
    r"(?!\s*(?:percent|per\b|%))"
)
POPULATION = (
    re.compile(rf"\b{PLACE}(?:'s|’s) (?:total )?population (?:of|is|was|stands at|has reached) {FIGURE}"),
    re.compile(rf"\b[Tt]he population of {PLACE} (?:is|was|stands at|of) {FIGURE}"),
    re.compile(rf"\b{PLACE},? (?:has|with) a population of {FIGURE}"),
    re.compile(
        rf"\b{PLACE}, (?:a|an) (?:[a-z]+ ){{0,2}}(?:country|nation|city|state|island|region|province|"
        rf"territory) of {FIGURE} (?:people|inhabitants|residents)\b"
    ),
    re.compile(rf"\b{PLACE}(?:'s|’s) {FIGURE} (?:people|inhabitants|residents|citizens)\b"),
)
SCALE = {"million": 1e6, "billion": 1e9, None: 1.0}


def figure_interval(raw: str, scale: str | None, qual: str) -> tuple[float, float]:
    """The values a printed figure stands for: those that round to it at its last printed digit ("22
    million" is 21.5 to 22.5 million, "480,000" is 475,000 to 485,000), or what its qualifier says
    ("more than", "nearly")."""
    digits = raw.replace(",", "")
    n = float(digits) * SCALE[scale]
    if "." in digits:
        step = 10 ** -len(digits.split(".")[1]) * SCALE[scale]
    else:
        zeros = len(digits) - len(digits.rstrip("0")) if int(digits) else 0
        step = 10**zeros * SCALE[scale]
    low, high = n - step / 2, n + step / 2 - step * 1e-6  # 22.5 million rounds to 23, not to 22
    if qual in ("more than", "over", "at least"):
        return n, float("inf")
    if qual in ("fewer than", "less than"):
        return 0.0, n
    if qual in ("nearly", "almost"):
        return n - step, n
    return low, high


def populations(sentence: Sentence) -> list[Reading]:
    """The population of a named place: "Norland's population of 22 million", "Norland, a country of
    23 million people". It changes slowly: across articles a year or more apart it is left out."""
    out = []
    for pattern in POPULATION:
        for m in pattern.finditer(sentence.text):
            place = m.group("place")
            if place.split()[0] in NOT_NAME or place in ("The", "Its"):
                continue
            qual = (m.group("qual") or "").strip().lower()
            low, high = figure_interval(m.group("n"), m.group("scale"), qual)
            value = (
                f"{m.group('qual') or ''}{m.group('n')}{' ' + m.group('scale') if m.group('scale') else ''}"
            )
            out.append(
                Reading(
                    sentence, f"population|{place.lower()}", f"population of {place}", "number", value,
                    low, high, "slow",
                )
            )  # fmt: skip
    return out


# -- street blocks -------------------------------------------------------------------------------
SUFFIX = {
    "ave": "Avenue",
    "avenue": "Avenue",
    "st": "Street",
    "street": "Street",
    "rd": "Road",
    "road": "Road",
    "dr": "Drive",
    "drive": "Drive",
    "blvd": "Boulevard",
    "boulevard": "Boulevard",
    "ln": "Lane",
    "lane": "Lane",
    "ct": "Court",
    "court": "Court",
    "pl": "Place",
    "place": "Place",
    "trail": "Trail",
    "way": "Way",
    "pkwy": "Parkway",
    "parkway": "Parkway",
    "hwy": "Highway",
    "highway": "Highway",
    "circle": "Circle",
    "terrace": "Terrace",
}
BLOCK = re.compile(
    r"\b(?P<num>\d{1,3},\d{3}|\d{2,6}) block of "
    r"(?P<street>(?:[A-Z][A-Za-z'’]*\.?)(?: (?:[A-Z][A-Za-z'’]*\.?|\d{1,3}(?:st|nd|rd|th)\b)){0,4})"
)
LONE_DIRECTION = {"North", "South", "East", "West", "N.", "S.", "E.", "W.", "N", "S", "E", "W"}


def blocks(sentence: Sentence) -> list[Reading]:
    out = []
    if ELSEWHERE.search(sentence.text) or STOPPED.search(sentence.text):
        return out  # the block of an arrest, a car stop or a vigil, not of the incident
    for m in BLOCK.finditer(sentence.text):
        words = m.group("street").rstrip(".").split()
        # "North Beville Ave." and "North Beville Avenue" are one street; "North Beville" (no
        # suffix) is too, when nothing else says otherwise: the key leaves the suffix out.
        suffix = SUFFIX.get(words[-1].lower().rstrip("."), "") if len(words) > 1 else ""
        base = words[:-1] if suffix else words
        if len(base) == 1 and base[0] in LONE_DIRECTION:
            continue  # "the 500 block of West" cut before a street this pattern does not read
        street = " ".join(base + ([suffix] if suffix else []))
        value = f"{m.group('num')} block of {street}"
        n = float(m.group("num").replace(",", ""))
        # A block holds the house numbers up to the next hundred: "2315 Garnet Avenue" is in it. A
        # five-digit block on a round thousand ("the 43000 block") may be the thousand, rounded: it
        # holds "43145" too.
        high = n + (999 if n >= 10000 and n % 1000 == 0 else 99) if n % 100 == 0 else n
        key = "block|" + street_base(" ".join(base)).lower().replace(".", "")
        out.append(Reading(sentence, key, f"block of {street}", "name", value, n, high, ""))
    if not about_the_scene(sentence.text):
        return out
    for m in ADDRESS.finditer(sentence.text):
        # A house number of a street where the incident happened ("shot outside 2315 Garnet Ave."):
        # the same key as the street's block, read as its block ("near 2315" and "in the area of
        # 2345" may be one place), so "2315" and "the 2300 block" agree and "2135" does not.
        base = street_base(m.group("base"))
        if base.split()[0] in NOT_NAME or base.split()[-1] in NOT_NAME:
            continue
        street = f"{base} {SUFFIX[m.group('suffix').lower().rstrip('.')]}"
        n = float(int(m.group("num")) // 100 * 100)
        key = "block|" + base.lower().replace(".", "")
        value = f"{m.group('num')} {street}"
        out.append(Reading(sentence, key, f"block of {street}", "name", value, n, n + 99, ""))
    return out


# -- clock time of the incident -----------------------------------------------------------------
CLOCK = re.compile(
    r"(?P<qual>\b(?:about|around|approximately|roughly|shortly before|shortly after|just before|"
    r"just after|before|after|near|nearly|almost)\s+)?\b(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*"
    r"(?P<ap>[ap])\.?\s?m\b\.?",
    re.I,
)
# What every clock time ends with (the hour's or the minutes' last digit, then "a.m."/"pm"): a cheap test
# before `CLOCK`, whose optional qualifier is tried at every position of a sentence.
AM_PM = re.compile(r"\d\s*[ap]\.?\s?m\b", re.I)
INCIDENT = re.compile(
    r"\b(?:shoot|shooting|shot|shots|gunfire|gunshots?|fired|opened fire|happened|occurred|incident|"
    r"wounded|struck|hit|gunm[ae]n|shooters?)\b",
    re.I,
)
OTHER_EVENT = re.compile(
    r"\b(?:arrest\w*|custody|booked|died|dies|pronounced|conference|vigil|funeral|court|hearing|released|"
    r"charged|surgery|scheduled|meeting|briefing|update|press|statement|closed|reopened|sentenced|"
    r"trial|tweet\w*|posted|published|updated|memorial|rally|service|found|discovered|responded|"
    r"arrived|surrender\w*|turned (?:himself|herself) in|lifted|"
    # A report or a call is later than what it reports ("reported just after 7 p.m." / "happened
    # around 6:45"), and may be of something else ("received a call about vandals at 5:35").
    r"reported|calls?|called|9-?1-?1|dispatch\w*)\b",
    re.I,
)
# Where a clause ends: a time is never the time of an event word beyond it ("... after the shooting,
# but the lockdown was lifted around 2:15 p.m.").
CLAUSE_END = re.compile(r";|:|—|--|\bbut\b|\bwhile\b|\balthough\b|\bthough\b|\bwhereas\b", re.I)
TIME_ZONE = re.compile(r"\s*\(?(?:[ECMP][SD]?T|GMT|UTC)\b")
# "Arrested without incident", "found the wounded man": no word of the shooting itself.
NOT_INCIDENT = re.compile(r"\bwithout (?:further )?incident\b|\b(?:the|a|an) wounded\b", re.I)
WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# A time printed on a round figure stands for every minute that rounds to it: "3:30" for 3:15-3:44,
# "3:50" for 3:45-3:54, "3 p.m." for 2:30-3:29. "About" or "around" says just that (the figure is
# rounded), so it widens nothing; a time on no round figure ("3:47") is read as exact, give or take
# EXACT_SLACK minutes (clocks and reports differ by that much).
GRANULARITY = (60, 30, 15, 10, 5)
EXACT_SLACK = 3.0
QUALIFIED_SLACK = 15.0  # "just before 3 p.m.": 2:45 to 3:00; "shortly after": 3:00 to 3:15


# "According to the suspect's arrest warrant, ...": the document is the source, not another event.
DOCUMENT_SOURCE = re.compile(
    r"^(?:According to|Citing|Per) [^,]{0,60}\b(?:warrant|affidavit|complaint|report|documents?|records?)"
    r"(?:\s[^,]{0,20})?, ",
    re.I,
)


def clock_interval(minute: int, mins: int, qual: str) -> tuple[float, float]:
    """The minutes of the day a printed time stands for (`minute` of the day, printed minutes `mins`,
    its qualifier): the minutes that round to it at the coarsest step it is a multiple of."""
    step = next((g for g in GRANULARITY if mins % g == 0), 1)
    if step == 1 or step < 2 * EXACT_SLACK:
        low, high = minute - EXACT_SLACK, minute + EXACT_SLACK
    else:
        low, high = minute - step // 2, minute + (step + 1) // 2 - 1
    if qual in ("before", "after"):
        # "after 2 a.m." bounds one side only (like "more than"): any later time agrees.
        return (float("-inf"), minute) if qual == "before" else (minute, float("inf"))
    if qual.endswith("before") or qual in ("nearly", "almost"):
        return minute - QUALIFIED_SLACK, minute
    if qual.endswith("after"):
        return minute, minute + QUALIFIED_SLACK
    return float(low), float(high)


def _event_of(text: str, at: int) -> str:
    """What a time at `at` is the time of: the event word nearest before it in the sentence ("arrested
    Lee ... for shooting Ray ... around 2:30 p.m." is the shooting's time), else the nearest after it
    ("at 9 p.m. shots were fired"): "incident", "other" or ""."""
    ends = [m.start() for m in CLAUSE_END.finditer(text)]
    start = max((e for e in ends if e < at), default=0)
    end = min((e for e in ends if e > at), default=len(text))
    text = NOT_INCIDENT.sub(lambda m: " " * len(m.group()), text)  # "arrested without incident"
    words = [(m.start(), "incident") for m in INCIDENT.finditer(text, start, end)]
    words += [(m.start(), "other") for m in OTHER_EVENT.finditer(text, start, end)]
    before = [w for w in words if w[0] < at]
    if before:
        return max(before)[1]
    return min(words)[1] if words else ""


PERIOD_BOUND = re.compile(r"\b(?:since|between|until|till|from)\s+$", re.I)


def clock_times(sentence: Sentence, scene: frozenset[str] | None = None) -> list[Reading]:
    """Clock times of the incident: each time is the time of the event word nearest it (a word of the
    shooting itself, not of an arrest, a news conference or a vigil). With `scene` (base names of the
    streets where the topic places the incident), instead the times of a sentence with no event word
    at all that names a scene street and a weekday ("they went to the motel on Quarry Road around
    2:15 p.m. Friday"). The key is the weekday the sentence names ("" when none: `join_days`)."""
    if not AM_PM.search(sentence.text):
        return []
    text = DOCUMENT_SOURCE.sub("", sentence.text)
    if scene is not None and (
        INCIDENT.search(text)
        or OTHER_EVENT.search(text)
        or not WEEKDAY.search(text)
        or not any(b in text.lower() for b in scene)
    ):
        return []
    days = [(d.start(), d.end(), d.group()) for d in WEEKDAY.finditer(text)]
    if scene is not None and len({d for _, _, d in days}) > 1:
        return []
    out = []
    if AGGREGATE.search(text):
        return []  # "28 people have been shot in separate attacks since 7:20 p.m.": several events
    for m in CLOCK.finditer(text):
        if scene is None and _event_of(text, m.start()) != "incident":
            continue
        if PERIOD_BOUND.search(text, 0, m.start()):
            continue  # "shot in the city between 4:10 p.m. Friday and 2 a.m. Monday": a period's bound
        if TIME_ZONE.match(text, m.end()):
            continue  # "8:30 p.m. ET": another zone than the scene's, perhaps; "7:30 p.m." there
        # Its day: the weekday printed nearest it ("on Friday for shooting ... at 6 p.m. Tuesday").
        day = min(days, key=lambda d: max(d[0] - m.end(), m.start() - d[1]), default=(0, 0, ""))[2]
        h, mins = int(m.group("h")) % 12, int(m.group("m") or 0)
        pm = m.group("ap").lower() == "p"
        t = (h + (12 if pm else 0)) * 60 + mins
        qual = (m.group("qual") or "").strip().lower()
        low, high = clock_interval(t, mins, qual)
        value = m.group().strip()
        key = "time|" + day.lower()
        about = "time of the incident" + (f" on {day}" if day else "")
        out.append(
            Reading(sentence, key, about, "date", value, low, high, "", story=True, place=places(text))
        )
    return out


def places(text: str) -> frozenset[str]:
    """The base names of the streets a sentence names ("the 1100 block of West 51st Street": "west 51st")."""
    found = {street_base(m.group("base")) for m in STREET.finditer(text)}
    found |= {street_base(" ".join(m.group("street").rstrip(".").split()[:2])) for m in BLOCK.finditer(text)}
    return frozenset(f.lower() for f in found if f.split()[0] not in NOT_NAME)


MONTH_DAY = re.compile(
    r"\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (?P<day>\d{1,2})\b(?!:)"
)


def _weekday_of(text: str, published: dt.date | None) -> str:
    """The weekday of the one month-day a sentence prints ("Feb. 20"), in the year that puts it on or
    before the article's date; '' without a date or with several."""
    from .timeline import MONTHS

    dates = MONTH_DAY.findall(text)
    if published is None or len(set(dates)) != 1:
        return ""
    month, day = MONTHS[dates[0][0].lower()], int(dates[0][1])
    for year in (published.year, published.year - 1):
        with contextlib.suppress(ValueError):
            if (date := dt.date(year, month, day)) <= published:
                return f"{date:%A}"
    return ""


def join_days(
    readings: list[Reading], sentences: Sequence[Sentence], published: dict[str, dt.date | None]
) -> list[Reading]:
    """A time whose sentence names no weekday is on the weekday of the date it prints ("around 2:30
    p.m. Feb. 20", dated by its article's year), else the incident's time on the one weekday its
    article names in its sentences about the incident ("about 2:30 p.m." in an article that says the
    shooting was on Monday). A time whose day none of these gives is left out: two times of unknown
    days may be of two days or two events (a pile of reports mixes in other shootings)."""
    undated = {r.sentence.article for r in readings if r.key == "time|"}
    if not undated:
        return readings
    readings = [
        dataclasses.replace(r, key=f"time|{day.lower()}", about=f"time of the incident on {day}")
        if r.key == "time|" and (day := _weekday_of(r.sentence.text, published.get(r.sentence.article)))
        else r
        for r in readings
    ]
    undated = {r.sentence.article for r in readings if r.key == "time|"}
    days: dict[str, set[str]] = {}
    for s in sentences:
        if s.article in undated and INCIDENT.search(s.text):
            days.setdefault(s.article, set()).update(WEEKDAY.findall(s.text))
    out = []
    for r in readings:
        if r.key == "time|" and len(days.get(r.sentence.article, ())) == 1:
            day = next(iter(days[r.sentence.article]))
            r = dataclasses.replace(r, key=f"time|{day.lower()}", about=f"time of the incident on {day}")
        elif r.key == "time|":
            continue
        out.append(r)
    return out


def scene_times(sentences: Sequence[Sentence]) -> list[Reading]:
    """Clock times of sentences that place themselves at the scene by its street (`clock_times`)."""
    timed = [
        s
        for s in sentences
        if AM_PM.search(s.text)
        and WEEKDAY.search(s.text)
        and CLOCK.search(s.text)
        and not INCIDENT.search(s.text)
    ]
    if not timed:
        return []
    scene = frozenset(
        m.group("base").lower()
        for s in sentences
        if about_the_scene(s.text)
        for m in STREET.finditer(s.text)
        if m.group("base").split()[0] not in NOT_NAME
    )
    if not scene:
        return []
    return [r for s in timed for r in clock_times(s, scene)]


# -- counts of people ----------------------------------------------------------------------------
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
NUM = r"(?P<num>\d{1,4}|" + "|".join(NUMBER_WORDS) + r")"
COUNT_QUAL = r"(?P<qual>(?:at least|more than|over|about|around|nearly|almost|some|up to) )?"
# Not "others": "one killed and five others hurt" counts what remains, which depends on the other count.
PEOPLE = r"(?: (?:people|persons|person|victims))?"
OUTCOME = {
    "killed": "killed",
    "dead": "killed",
    "died": "killed",
    "killing": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "hurt": "wounded",
    "wounding": "wounded",
    "injuring": "wounded",
    "shot": "shot",
}
AFTER = re.compile(
    rf"(?<![\w,.$-]){COUNT_QUAL}{NUM}{PEOPLE} (?:(?:were|was|have been|had been|are) )?"
    r"(?P<verb>killed|dead|died|wounded|injured|hurt|shot)\b(?!-)",
    re.I,
)
BEFORE = re.compile(
    rf"\b(?P<verb>killing|killed|wounding|wounded|injuring|injured|shot) {COUNT_QUAL}{NUM}"
    r"(?: (?:people|persons|victims))\b",
    re.I,
)
SUBSET = re.compile(r"\b(?:of (?:the|them|those)|including|among)\b", re.I)
SUBSET_BEFORE = re.compile(r"\b(?:of|among) (?:the|those|these|its|their)\s+$", re.I)


OTHER_TIME = re.compile(
    r"\b(?:19|20)\d\d\b|\bago\b|\blast (?:year|month|week)\b|\ba year (?:after|before)\b|"
    r"\bearlier this year\b|\bprevious\b",
    re.I,
)
# A toll of several events: "16 were wounded in seven separate shootings across the city".
AGGREGATE = re.compile(
    r"\b(?:separate|unrelated|citywide|across the (?:city|county|state|country)|over the (?:weekend|"
    r"holiday|span|past)|span of|so far|this (?:year|month|weekend)|weekend of)\b",
    re.I,
)
# The count goes on: "four victims died at the scene and a fifth on the way to hospital"; "killed three
# people and then himself" (other reports count the gunman among the dead).
MORE_AFTER = re.compile(
    r"^[^.;]{0,60}?\band (?:then )?(?:(?:an?|one) (?:second|third|fourth|fifth|sixth|more)|another)\b|"
    r"^[^.;]{0,20}?\b(?:and|before|then)\b[^.;]{0,30}?\b(?:himself|herself)\b",
    re.I,
)
ONE_OF_PAIR = re.compile(r"\bthe other\b", re.I)
SHOT_DEAD = re.compile(r" (?:to death|dead|and killed)\b", re.I)
# "one injured woman" names a person (an adjective), "fired one shot" a bullet: no count of people.
NOT_A_COUNT_AFTER = re.compile(r" (?:man|woman|person|boy|girl|teen|child|officer|victim|men|women)\b", re.I)
# A plural after the outcome word: "three dead pigeons" counts pigeons; "two injured officers" people.
THING_AFTER = re.compile(r" ([a-z]{3,}s)\b")
PERSON_PLURALS = {
    "officers", "victims", "persons", "teens", "teenagers", "students", "children", "kids", "adults",
    "civilians", "soldiers", "passengers", "workers", "residents", "bystanders", "patients", "guards",
    "deputies", "troopers", "agents", "firefighters", "customers", "employees", "others", "girls", "boys",
}  # fmt: skip
NOT_A_NOUN = {
    "this",
    "across",
    "always",
    "besides",
    "unless",
    "afterwards",
    "towards",
    "was",
    "has",
    "its",
    "his",
}
NOT_A_COUNT_BEFORE = re.compile(r"\b(?:fired|fire|firing|heard|let off|squeezed off)\s+$", re.I)


def counts(sentence: Sentence) -> list[Reading]:
    out = []
    text = sentence.text
    if OTHER_TIME.search(text) or AGGREGATE.search(text):
        return []  # "a year after nine people were shot at ...": another event's toll, or several's
    for pattern in (AFTER, BEFORE):
        for m in pattern.finditer(text):
            raw = m.group("num").lower()
            n = NUMBER_WORDS[raw] if raw in NUMBER_WORDS else int(raw)
            if re.match(r"\s*(?:of|-year|year|percent|%)", text[m.end("num") :]):
                continue
            if NOT_A_COUNT_AFTER.match(text, m.end()) or NOT_A_COUNT_BEFORE.search(text, 0, m.start("num")):
                continue
            thing = THING_AFTER.match(text, m.end())
            if thing and thing.group(1).lower() not in PERSON_PLURALS and thing.group(1) not in NOT_A_NOUN:
                continue  # "three dead pigeons": the count of a thing the adjective describes, not a toll
            if re.search(
                r"\b(?:no|none of the|not)\s+$", text[max(0, m.start("num") - 12) : m.start("num")], re.I
            ):
                continue  # "No one was killed"
            if SUBSET.search(text[m.end() : m.end() + 12]):
                continue  # "two of the victims were killed"
            if SUBSET_BEFORE.search(text, 0, m.start("num")):
                continue  # "seven of those 77 people died": the 77 are the whole, not the dead
            if n == 1 and ONE_OF_PAIR.search(text):
                continue  # "one was shot in the leg, the other in the arm": one of a pair, not a toll
            qual = (m.group("qual") or "").strip().lower()
            low, high = float(n), float(n)
            if qual in ("at least", "more than", "over"):
                low, high = (n if qual == "at least" else n + 1), float("inf")
            elif qual in ("about", "around", "some"):
                low, high = n * 0.8, n * 1.2
            elif qual in ("nearly", "almost", "up to"):
                low, high = 0.0, float(n)
            if MORE_AFTER.search(text[m.end() :]):
                high = float("inf")
            outcome = OUTCOME[m.group("verb").lower()]
            if outcome == "shot" and SHOT_DEAD.match(text, m.end()):
                outcome = "killed"  # "three people were shot to death": a toll of the dead
            out.append(
                Reading(
                    sentence,
                    f"count|{outcome}",
                    f"people {outcome}",
                    "number",
                    f"{qual} {raw}".strip(),
                    low,
                    high,
                    "any",
                    story=True,
                )
            )
    return out


# -- sex of a child of a given age ---------------------------------------------------------------
CHILD = re.compile(
    r"(?<![\w-])(?P<age>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")-year-old (?P<noun>boy|girl|son|daughter)\b",
    re.I,
)
SEX = {"boy": "boy", "son": "boy", "girl": "girl", "daughter": "girl"}


def child_sex(sentence: Sentence) -> list[Reading]:
    out = []
    for m in CHILD.finditer(sentence.text):
        raw = m.group("age").lower()
        age = NUMBER_WORDS[raw] if raw in NUMBER_WORDS else int(raw)
        if age >= CHILD_AGE:
            continue
        sex = SEX[m.group("noun").lower()]
        v = float(sex == "girl")
        out.append(
            Reading(sentence, f"sex|{age}", f"sex of the {age}-year-old", "claim", sex, v, v, "", story=True)
        )
    return out


# -- yes/no facts ----------------------------------------------------------------------------------
NEGATION = re.compile(r"\b(?:not|no|none|never|neither|nor)\b|n[’']t\b", re.I)
LIFE = re.compile(r"\b(?P<neg>non[- ]?|not |no )?(?P<what>life[- ]threatening)\b", re.I)


# Injuries of some of the victims ("four others were shot, but their injuries weren't life-threatening"):
# not the story's injuries, which another sentence may tell of other victims.
SOME_VICTIMS = re.compile(r"\b(?:others|other victims|another|one of|the rest|the second|the other)\b", re.I)


def life_threatening(sentence: Sentence) -> list[Reading]:
    out = []
    if SOME_VICTIMS.search(sentence.text):
        return out
    for m in LIFE.finditer(sentence.text):
        # Negated in its clause: "non-life-threatening", "not considered to be life threatening",
        # "None of the injuries are believed to be life-threatening".
        clause = re.split(r"[,;:—]| but | while ", sentence.text[: m.start("what")])[-1]
        negated = bool(m.group("neg")) or bool(NEGATION.search(clause))
        value = "not life-threatening" if negated else "life-threatening"
        v = 0.0 if negated else 1.0
        out.append(
            Reading(
                sentence,
                "life",
                "whether the injuries were life-threatening",
                "claim",
                value,
                v,
                v,
                "",  # the wounds as suffered, not a condition that changes ("in critical condition")
                story=True,
            )
        )
    return out


# -- street names: one base name with two different suffixes ----------------------------------------
STREET = re.compile(
    r"\b(?P<base>(?:(?:North|South|East|West|N\.|S\.|E\.|W\.) )?(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?|"
    r"\d{1,3}(?:st|nd|rd|th))) "
    r"(?P<suffix>Avenue|Ave\.?|Street|St\.|Road|Rd\.?|Drive|Dr\.|Boulevard|Blvd\.?|Lane|Ln\.|Court|Ct\.|"
    r"Place|Pl\.|Trail|Way|Parkway|Circle|Terrace)(?![\w-])"
)


STREET_SUFFIX = re.compile(r" (?P<suffix>" + STREET.pattern.split("(?P<suffix>", 1)[1])
STREET_REACH = 40  # characters before a suffix its street name can start ("North Bramble Hill Road")


def _streets(text: str) -> list[re.Match[str]]:
    """The streets `STREET` finds, searched for only just before each suffix ("Road", "St."): in a
    fraction of the time on long texts, and the same but where two suffixes follow each other
    ("Alder Place Way")."""
    out: list[re.Match[str]] = []
    for suffix in STREET_SUFFIX.finditer(text):
        start = max(suffix.start() - STREET_REACH, out[-1].end() if out else 0)
        m = next((m for m in STREET.finditer(text, start, suffix.end()) if m.end() == suffix.end()), None)
        if m:
            out.append(m)
    return out


ADDRESS = re.compile(r"(?<![\d,.$-])\b(?P<num>\d{2,5}) (?=[A-Z0-9NSEW])" + STREET.pattern[2:])


SCENE = re.compile(
    r"\b(?:killed|killing|injured|injuring|homicide|murder(?:ed)?|victims?|scene|found dead|stabb(?:ed|ing)|"
    r"responded|crash(?:ed)?|called to|dispatched|arrived at|went to (?:a|the) (?:home|house|residence|"
    r"apartment))\b",
    re.I,
)
STOPPED = re.compile(r"\b(?:stopped|pulled over|traffic stop|found the suspect|caught)\b", re.I)
ELSEWHERE = re.compile(
    r"\b(?:arrest\w*|custody|booked|conference|vigil|funeral|court|hearing|charged|sentenced|trial|memorial|"
    r"rally|service|meeting|briefing|"
    # A road closed around the scene ("Elm Street was closed between 3rd and 5th"): its streets are
    # the closure's, not the scene's.
    r"closed|closures?|reopened|shut down|detour\w*)\b",
    re.I,
)


def about_the_scene(text: str) -> bool:
    """A sentence that places the incident: it speaks of the shooting or its victims ("was shot at 9200
    Tamsin Street", "a man was killed on Elm Road"), not of an arrest, a hearing or a vigil elsewhere."""
    return bool(INCIDENT.search(text) or SCENE.search(text)) and not ELSEWHERE.search(text)


DIRECTIONS = {"n.": "North", "s.": "South", "e.": "East", "w.": "West"}


def street_base(base: str) -> str:
    """A street's base name with its direction written out ("E. 55th" is "East 55th")."""
    first, _, rest = base.partition(" ")
    return f"{DIRECTIONS[first.lower()]} {rest}" if rest and first.lower() in DIRECTIONS else base


VAGUE_PLACE = re.compile(r"\b(?:area of|near|nearby|close to|vicinity of|not far from)\b", re.I)


def street_names(sentence: Sentence) -> list[Reading]:
    """ "West Fenwick Avenue" and "West Fenwick Place": the key is the base name, the value its suffix.
    Only suffixes are compared, so two different streets of one story never meet; and only in a
    sentence about the incident itself ("shot at 9200 Tamsin Street"), since a street and a building
    or plaza of one name ("across Tamsin Street" and "the store at Tamsin Place") are two places."""
    out = []
    if not about_the_scene(sentence.text):
        return out
    for m in STREET.finditer(sentence.text):
        base = street_base(m.group("base"))
        if base.split()[-1] in NOT_NAME or base.split()[0] in NOT_NAME:
            continue
        if DIGIT.search(base) and VAGUE_PLACE.search(sentence.text, 0, m.start()):
            # "in the area of 48th Avenue and 59th Terrace": a grid's 59th Street, Terrace and Court
            # are neighbouring streets, and an area takes in more than one of them.
            continue
        suffix = SUFFIX[m.group("suffix").lower().rstrip(".")]
        v = float(sorted(set(SUFFIX.values())).index(suffix))
        street = f"{base} {suffix}"
        out.append(
            Reading(
                sentence, f"street|{base.lower()}", f"name of the street “{base} …”", "name", street, v, v, ""
            )
        )
    return out


# -- colour of a vehicle ---------------------------------------------------------------------------
# Each colour is an interval on one axis, so "dark-colored" agrees with black, blue or green and
# "gray" with "silver", while black and white, or dark and silver, do not.
COLOURS = {
    "black": (0.0, 0.0),
    "blue": (1.0, 1.0),
    "green": (2.0, 2.0),
    "maroon": (3.0, 3.0),
    "burgundy": (3.0, 3.0),
    "red": (3.0, 3.2),
    "dark": (0.0, 3.2),
    "dark-colored": (0.0, 3.2),
    "dark-colour": (0.0, 3.2),
    "gray": (4.0, 4.1),
    "grey": (4.0, 4.1),
    "silver": (4.05, 4.15),
    "tan": (5.0, 5.0),
    "gold": (5.05, 5.05),
    "beige": (5.0, 5.05),
    "white": (6.0, 6.0),
    "light-colored": (4.0, 6.0),
    "light": (4.0, 6.0),
}
COLOUR_WORDS = tuple(c for c in COLOURS if "-" not in c)
VEHICLE = re.compile(
    r"\b(?P<colour>" + "|".join(sorted(COLOURS, key=len, reverse=True)) + r")(?:-colou?red)? "
    r"(?:[A-Z0-9][\w-]* ){0,3}(?P<noun>vehicle|car|sedan|SUV|truck|pickup|van|minivan|coupe|hatchback|"
    r"Chevy|Chevrolet|Honda|Toyota|Ford|Nissan|Dodge|Hyundai|Kia|BMW|Mercedes|Cadillac|Buick|Riverton|Lexus|"
    r"Acura|Mazda|Jeep|GMC|Chrysler|Lincoln|Volkswagen|Audi|Infiniti|Impala|Camry|Corolla|Accord|Civic)\b",
    re.I,
)


# A vehicle someone owns ("his white sedan", "the victim's car") is not the one the shooter used, nor
# is one people were in ("Lee and two others were in a silver sedan when a van pulled up"): the
# victims', often.
OWNED = re.compile(
    r"\b(?:his|her|their|my|victim[’']s|[A-Z][a-z]+[’']s)\s+$|"
    r"\b(?:was|were) (?:sitting |riding |traveling |travelling |parked )?(?:in|inside) (?:a|an|the)\s+$"
)
# Words that say a story has more than one vehicle: its vehicle's colour is not compared.
MANY_VEHICLES = re.compile(
    r"\b(?:two|both|three|several) (?:vehicles|cars|SUVs|trucks|sedans)\b|"
    r"\b(?:other|second|another) (?:vehicle|car|SUV|truck|sedan|van)\b|\bcarjack\w*",
    re.I,
)


def vehicle_colours(sentence: Sentence) -> list[Reading]:
    out = []
    for m in VEHICLE.finditer(sentence.text):
        if OWNED.search(sentence.text, 0, m.start()):
            continue
        colour = m.group("colour").lower()
        if colour in ("dark", "light") and not m.group().lower().startswith(f"{colour}-colo"):
            continue  # "dark" alone may qualify the next word ("dark blue")
        low, high = COLOURS[colour]
        value = m.group().strip()
        out.append(
            Reading(
                sentence, "colour|vehicle", "colour of the vehicle", "claim", value, low, high, "", story=True
            )
        )
    return out


# -- the hospital the wounded were taken to ---------------------------------------------------------
HOSPITAL = re.compile(
    r"\b(?:taken|transported|flown|flew|rushed|airlifted|driven|brought|admitted|treated)\b[^.;]{0,60}?"
    r"\b(?:to|at)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w.'’-]*\s+){0,5}(?:Hospital|Medical Center|Medical Centre|"
    r"Health Center|Infirmary)(?:\s+(?:at|of)\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)?|\s+[A-Z][a-z]+(?![\w'’-]))?)"
)
HOSPITAL_NAME = re.compile(
    r"\b(?:[A-Z][\w.'’-]*\s+){1,5}(?:Hospital|Medical Center|Medical Centre|Health Center|Infirmary)\b"
)
HOSPITAL_WORDS = {
    "hospital",
    "medical",
    "center",
    "centre",
    "health",
    "children's",
    "children’s",
    "childrens",
    "university",
    "regional",
    "general",
    "community",
    "county",
    "trauma",
    "infirmary",
    "at",
    "of",
    "the",
    "st.",
    "saint",
}


def hospitals(sentence: Sentence) -> list[Reading]:
    """Where the wounded were taken ("flown to Pell Children’s Medical Center"). Two names are one
    hospital when they share a word that is not a hospital word ("Ashgrove University Medical
    Center" and "Children's Hospital at Ashgrove"); `merge_hospitals` numbers them."""
    about = "hospital the wounded were taken to"
    names = [m.group("name").strip() for m in HOSPITAL.finditer(sentence.text)]
    if names:
        # Every hospital the sentence names is on the way ("driven to Alder Medical Center, then flown
        # to Pell Children's Hospital"): the article gives them all, so none of them is disputed.
        names += [m.group().strip() for m in HOSPITAL_NAME.finditer(sentence.text)]
        names = [n for i, n in enumerate(names) if not any(n in o for o in names[:i] if o != n)]
    return [
        Reading(sentence, "hospital", about, "name", n, 0, 0, "", story=True) for n in dict.fromkeys(names)
    ]


def _distinctive(name: str) -> frozenset[str]:
    """The words of a hospital's name that are not hospital words; hyphens part words too, so
    "Alder-Brook Hospital" and "Brook Alder Hospital" share theirs."""
    return frozenset(w for w in re.split(r"[\s-]+", name.lower()) if w and w not in HOSPITAL_WORDS)


def _same_hospital(a: str, b: str) -> bool:
    """A shared distinctive word, or one misspelt ("Brandauer" / "Brandaur": a spelling variant, not a
    different hospital)."""
    da, db = _distinctive(a), _distinctive(b)
    return bool(da & db) or any(Levenshtein.normalized_similarity(x, y) >= 0.75 for x in da for y in db)


def merge_hospitals(readings: list[Reading]) -> list[Reading]:
    """Hospital names numbered by the groups of names that share a distinctive word (transitively);
    a name with no distinctive word ("Children's Hospital") matches any name: it is left out."""
    names = sorted({r.value for r in readings if r.key == "hospital" and _distinctive(r.value)})
    group: dict[str, int] = {}
    for i, n in enumerate(names):
        joined = {group[o] for o in names[:i] if _same_hospital(o, n)}
        target = min(joined, default=i)
        for o in names[:i]:
            if group[o] in joined:
                group[o] = target
        group[n] = target
    out = []
    for r in readings:
        if r.key == "hospital":
            if r.value not in group:
                continue
            r = dataclasses.replace(r, low=float(group[r.value]), high=float(group[r.value]))
        out.append(r)
    return out


# -- per article: the one child an article speaks of ------------------------------------------------
CHILD_AGE_MENTION = re.compile(
    # Not "one" of "Twenty-one-year-old": a word number standing alone.
    r"(?<![\w-])(?P<age>\d{1,2}|(?i:" + "|".join(NUMBER_WORDS) + r"))-year-old\b(?P<next> [a-z]+)?"
)
# "16- and 17-year-old residents": a hanging hyphen lists ages of a group, not one child.
AGE_LIST = re.compile(r"\b\d{1,2}- (?:and|or|to) $")
NOT_PLURAL = {"is", "was", "has", "his", "this", "as", "its"}
# Plurals too: an article that speaks of "the boys" and "a girl" speaks of both sexes.
SEX_WORDS = re.compile(r"\b(boy|girl|son|daughter)s?\b", re.I)
CHILD_WORDS = re.compile(r"\b(?:boy|girl)\b", re.I)
ANOTHER_CHILD = re.compile(r"\b(?:[Aa]|[Aa]nother|[Oo]ne) (?:(?:young|little|teenage|small) )?(?:boy|girl)\b")


def article_readings(sentences: Sequence[Sentence]) -> list[Reading]:
    """Readings that need the whole article.

    - Sex of a child: only from an article that calls children only boys or only girls (one that says
      both may speak of two children of one age: "a 15-year-old girl was shot" by "the 15-year-old
      boy"): its "N-year-old boy" mentions, and, when it speaks of one child age only, "The girl was
      taken to..." for that age.
    - Age of "the child": when an article speaks of exactly one child age (under 18), in a sentence
      about the incident itself ("the 3-year-old child fired the weapon"), unless it names the child
      (then the child's name is the key)."""
    out: list[Reading] = []
    sexes = {SEX[m.group(1).lower()] for s in sentences for m in SEX_WORDS.finditer(s.text)}
    one_sex = sexes.pop() if len(sexes) == 1 else ""
    if one_sex:
        out += [r for s in sentences for r in child_sex(s)]
    mentions = [(s, m) for s in sentences if "year-old" in s.text for m in CHILD_AGE_MENTION.finditer(s.text)]
    if any(
        AGE_LIST.search(s.text[max(0, m.start() - 8) : m.start()])
        or ((m.group("next") or "").endswith("s") and (m.group("next") or "").strip() not in NOT_PLURAL)
        for s, m in mentions
    ):
        return out  # ages of a group ("17-year-old residents", "16- and 17-year-olds"), not of one child
    with_digits = [s for s in sentences if DIGIT.search(s.text)]
    named = {_age(m) for s in with_digits for m in NAME_AGE.finditer(s.text)}
    child = {a for a in {_number(m.group("age")) for _, m in mentions} | named if a < CHILD_AGE}
    if len(child) != 1:
        return out
    age = child.pop()
    named |= {int(m.group("age")) for s in with_digits for m in AGE_NAME.finditer(s.text)}
    out += [
        Reading(s, "age|the child", "age of the child", "number", str(age), age, age, "", story=True)
        for s, m in mentions
        if _number(m.group("age")) == age
        and age not in named
        and INCIDENT.search(s.text)
        and not OTHER_INCIDENT.search(s.text)
    ][:1]
    # "The girl was taken to hospital": said of the one child only by "boy" or "girl" ("son" and
    # "daughter" are said of grown-ups too: "the victim's daughter").
    said = next(
        (
            s
            for s in sentences
            # Not a quotation ("“The boys laughed at the girl ...”") nor a sentence on another case.
            if CHILD_WORDS.search(s.text)
            and not s.text.lstrip().startswith(("“", '"'))
            and not OTHER_INCIDENT.search(s.text)
        ),
        None,
    )
    # "Lee was meeting a girl named Ada": a boy or girl brought in without the age is another child,
    # and "the girl" may be that one.
    another = any(ANOTHER_CHILD.search(s.text) for s in sentences)
    if one_sex and said is not None and not another and not any(r.key == f"sex|{age}" for r in out):
        s = said
        v = float(one_sex == "girl")
        about = f"sex of the {age}-year-old"
        out.append(Reading(s, f"sex|{age}", about, "claim", one_sex, v, v, "", story=True))
    return out


def _number(raw: str) -> int:
    return NUMBER_WORDS[raw.lower()] if raw.lower() in NUMBER_WORDS else int(raw)


# -- a running total of the year (a city's homicides) --------------------------------------------------
TOTAL_NOUN = r"(?P<noun>(?:criminal )?homicide|murder|killing|fatal shooting|shooting|traffic death)"
YEAR = r"(?:of (?:the|this) year|this year|so far this year|in (?:19|20)\d\d|of (?:19|20)\d\d|year to date)"
TOTALS = (
    # "the city's 104th homicide of the year", "Louisville's 104th homicide this year"
    re.compile(rf"\b(?P<n>\d{{1,4}})(?:st|nd|rd|th) {TOTAL_NOUN}s? {YEAR}", re.I),
    # "104 homicides so far this year", "the 104 homicides in 2016"
    re.compile(rf"\b(?P<n>\d{{1,4}}) {TOTAL_NOUN}s (?:(?:in|across|for) [A-Z][a-z]+ )?{YEAR}", re.I),
    # "the homicide total for the year to 106", "this year's homicide count at 106"
    re.compile(
        rf"\b{TOTAL_NOUN} (?:total|count|tally)\b[^.;]{{0,40}}?\b(?:to|at|of|is|stands at) "
        r"(?P<n>\d{1,4})\b",
        re.I,
    ),
)


TOTAL_QUAL = re.compile(
    r"\b(at least|more than|over|about|around|some|roughly|nearly|almost|up to|fewer than|less than) $", re.I
)


def year_totals(sentence: Sentence) -> list[Reading]:
    """A place's running total of the year ("the city's 104th homicide of the year", "104 homicides
    so far this year"): one key per kind of death counted, a figure that grows over the year, so
    articles of different days give an update and articles of one day that differ, a dispute."""
    out = []
    for pattern in TOTALS:
        for m in pattern.finditer(sentence.text):
            noun = m.group("noun").lower().replace("criminal ", "")
            n = float(m.group("n"))
            low, high = n, n
            qual = TOTAL_QUAL.search(sentence.text, 0, m.start("n"))
            if qual:  # "more than 600 homicides this year" agrees with 700
                word = qual.group(1).lower()
                if word in ("at least", "more than", "over"):
                    high = float("inf")
                elif word in ("about", "around", "some", "roughly"):
                    low, high = n * 0.8, n * 1.2
                else:
                    low = 0.0
            out.append(
                Reading(
                    sentence,
                    f"total|{noun}",
                    f"{noun}s this year (running total)",
                    "number",
                    m.group().strip(),
                    low,
                    high,
                    "grows",
                    story=True,
                )
            )
    return out


# -- ages of people known by their role ("a 19-year-old man was killed") ----------------------------
PERSON_NOUNS = {"man": "m", "male": "m", "boy": "m", "woman": "f", "female": "f", "girl": "f"}
EXACT_AGE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he) (?P<age>\d{1,2})-year-old (?P<noun>man|male|boy|woman|female|girl)\b(?!-)"
)
# "a man in his 40s", "a woman in her early 20s", "a man in his late teens"
VAGUE_AGE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he) (?P<noun>man|male|boy|woman|female|girl),? (?:who (?:is|was) )?(?:believed to be |"
    r"described as )?in (?:his|her) (?P<part>early |mid-?|late )?(?P<decade>teens|[2-9]0s)\b"
)
DECADE_PART = {"": (0, 9), "early ": (0, 3), "mid": (3, 7), "mid-": (3, 7), "late ": (6, 9)}
ROLE_AFTER = (
    (
        re.compile(
            r"^,?(?: who)? (?:was|has been|had been) (?:taken into custody|arrested|charged|booked)\b"
        ),
        "suspect",
    ),
    (
        re.compile(
            r"^,?(?: who)? (?:was |has been )?(?:shot (?:and killed|dead|to death)|killed|"
            r"fatally (?:shot|wounded)|died|dies|pronounced dead|found dead)\b"
        ),
        "killed",
    ),
    (
        re.compile(
            r"^,?(?: who)? (?:was|has been) (?:shot|wounded|injured|hurt|struck)\b(?! (?:and|dead|to death))"
        ),
        "wounded",
    ),
)
ROLE_BEFORE = (
    (
        re.compile(
            r"\b(?:arrested|charged|booked|the (?:alleged )?(?:suspect|shooter|gunman)(?: is| was|,)?)\s*$"
        ),
        "suspect",
    ),
    (re.compile(r"\b(?:killed|fatally shot|the (?:slain|dead) (?:victim|man|woman)?,?)\s*$"), "killed"),
    (re.compile(r"\b(?:wounded|injured|the wounded victim,?)\s*$"), "wounded"),
)
# "who was shot last month", "who was wounded outside a bar two weeks ago": an earlier shooting.
EARLIER = re.compile(
    r"\s+(?:(?:on|in|at|outside) [\w ]{0,30}?)?"
    r"(?:last (?:week|month|year)|\w+ (?:days|weeks|months|years) ago)\b",
    re.I,
)
ROLE_ABOUT = {"suspect": "the suspect", "killed": "the {} killed", "wounded": "the wounded {}"}
SEX_WORD = {"m": "man", "f": "woman"}


def role_ages(sentence: Sentence) -> list[Reading]:
    """The age of a person the article knows only by a role: "a 19-year-old man was killed",
    "police arrested a 31-year-old man", "the wounded victim, a man in his 40s". The key is the role
    and the sex; `single_roles` keeps it only in a story with one person of that role."""
    text = sentence.text
    out = []
    for pattern in (EXACT_AGE, VAGUE_AGE):
        for m in pattern.finditer(text):
            sex = PERSON_NOUNS[m.group("noun")]
            after = next(((r, a) for p, r in ROLE_AFTER if (a := p.search(text[m.end() :]))), None)
            role = after[0] if after else next((r for p, r in ROLE_BEFORE if p.search(text[: m.start()])), "")
            if not role:
                continue
            if after and EARLIER.match(text, m.end() + after[1].end()):
                continue  # "a 21-year-old man who was shot last month died": another, earlier shooting
            if pattern is EXACT_AGE:
                low = high = float(m.group("age"))
            else:
                decade = m.group("decade")
                base = 10 if decade == "teens" else int(decade[0]) * 10
                a, b = DECADE_PART[m.group("part") or ""]
                low, high = (13.0 if decade == "teens" and not a else base + a), float(base + b)
            about = ROLE_ABOUT[role].format(SEX_WORD[sex])
            out.append(
                Reading(
                    sentence,
                    f"role|{role}|{sex}",
                    f"age of {about}",
                    "number",
                    m.group().split(" ", 1)[1],
                    low,
                    high,
                    "ages",
                    story=True,
                )
            )
    return out


# Words that say a story has more than one person of a role: its roles' ages are not compared.
MANY_VICTIMS = re.compile(
    r"\b(?:victims|others|survivors|double|triple|both (?:men|women)|"
    r"(?:another|second|third|fourth) (?:[a-z]+ )?(?:victim|student|child|teen|boy|girl|woman)|"
    r"one of the (?:men|women|victims|people|injured|wounded|teens|boys|girls))\b",
    re.I,
)
MANY_SUSPECTS = re.compile(
    r"\b(?:suspects|shooters|gunmen|second (?:suspect|man|person)|another (?:suspect|man)|accomplices?|"
    r"(?:two|three|four|\d) (?:people|men|women|teens|suspects) (?:were|have been|had been) "
    r"(?:arrested|charged|booked))\b",
    re.I,
)


# The shooter was shot or killed too: some reports count him among the dead or wounded, some do not.
SHOOTER_HIT = re.compile(
    r"\b(?:killed|shot) (?:himself|herself)\b|\bturned the gun on (?:himself|herself)\b|"
    r"\btook (?:his|her) own life\b|\bself-inflicted\b|"
    r"\b(?:was|were) (?:then |later )?(?:shot|killed|wounded) "
    r"by (?:a |an |the )?(?:police|officers?|deputy|deputies|trooper|security guard|sheriff)",
    re.I,
)


def with_shooter(readings: list[Reading], sentences: Sequence[Sentence]) -> list[Reading]:
    """Tolls one wider when the story says the shooter was shot or killed too ("injuring four people,
    and was then shot by a deputy" and "five people were injured" may count the same people)."""
    if not any(r.key.startswith("count|") for r in readings) or not any(
        SHOOTER_HIT.search(s.text) for s in sentences
    ):
        return readings
    return [dataclasses.replace(r, high=r.high + 1) if r.key.startswith("count|") else r for r in readings]


def with_dead(readings: list[Reading]) -> list[Reading]:
    """An article's count of wounded (or shot) widened by its count of dead: "four people were injured"
    in one report and "one killed and three injured" in another may count the same four."""
    dead: dict[str, float] = {}
    for r in readings:
        if r.key == "count|killed" and r.high < float("inf"):
            dead[r.sentence.article] = max(dead.get(r.sentence.article, 0.0), r.high)
    out = []
    for r in readings:
        if r.key in ("count|wounded", "count|shot") and r.sentence.article in dead:
            r = dataclasses.replace(r, high=r.high + dead[r.sentence.article])
        out.append(r)
    return out


ONE_OF_A_KIND = ("condition", "hospital", "colour|vehicle", "age|the child")
# Words that say a story has more than one scene ("officers were also dispatched to ..., a few blocks
# away from the other call", "a shooting spree"): its blocks and tolls are not compared.
MANY_SCENES = re.compile(
    r"\b(?:other|another|second|separate|both|two) (?:calls?|scenes?|locations?|addresses|crime scenes?)\b|"
    r"\b(?:several|multiple|three|separate) (?:scenes|locations|addresses|homes|houses)\b|"
    r"\bblocks? away from the\b|\b(?:also|later) (?:dispatched|called|sent) to\b|\bspree\b|\brampage\b",
    re.I,
)
# A round-up of several shootings ("the third incident happened ...", "a span that saw 9 shootings"):
# its tolls are not compared. Its blocks still are: a block is keyed by its street, and two
# shootings of one night seldom share a street.
ROUND_UP = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|latest) (?:shooting|incident)\b|"
    r"\b(?:[2-9]|\d\d|two|three|four|five|six|seven|eight|nine|ten|several|multiple) "
    r"(?:separate )?(?:shootings|incidents)\b",
    re.I,
)


def single_roles(readings: list[Reading], sentences: Sequence[Sentence]) -> list[Reading]:
    """Role ages, and a victim's condition, only where the story has one person of the role: no count
    of more than one killed, wounded or shot, no "victims", "others" or "another victim" (victims), no
    "suspects" or "second suspect" (suspects). With two victims, "in critical condition" and "has
    died" may be two people's states, not one that changed. Blocks and tolls only where the story
    has one scene: with several, each scene's block and toll is not the story's."""
    many_scenes = any(r.key.startswith(("block|", "count|")) for r in readings) and any(
        MANY_SCENES.search(s.text) for s in sentences
    )
    round_up = any(r.key.startswith("count|") for r in readings) and any(
        ROUND_UP.search(s.text) for s in sentences
    )
    if (
        not many_scenes
        and not round_up
        and not any(
            r.key.startswith("role|") or r.key in ("condition", "hospital", "colour|vehicle", "life")
            for r in readings
        )
    ):
        return readings
    many_victims = any(r.key.startswith("count|") and r.high > 1 for r in readings) or any(
        MANY_VICTIMS.search(s.text) for s in sentences
    )
    many_suspects = any(MANY_SUSPECTS.search(s.text) for s in sentences)
    many_vehicles = any(r.key == "colour|vehicle" for r in readings) and any(
        MANY_VEHICLES.search(s.text) for s in sentences
    )
    out = []
    for r in readings:
        if (r.key.startswith(("block|", "count|")) and many_scenes) or (
            r.key.startswith("count|") and round_up
        ):
            continue
        if r.key == "colour|vehicle" and many_vehicles:
            continue
        if r.key in ("condition", "hospital", "age|the child") and many_victims:
            continue  # several people: each may be in another state, or taken to another hospital
        if r.key.startswith("role|"):
            role = r.key.split("|")[1]
            if (role == "suspect" and many_suspects) or (role != "suspect" and many_victims):
                continue
        out.append(r)
    return out


# -- status that only dates can order -------------------------------------------------------------
DIED = (
    r"\b(?:has|have) died\b|\bsuccumbed\b|\bwas pronounced dead\b|\bdied (?:at|in|from|of|on|after|early|"
    r"late|overnight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
DEAD = 4.0  # the last state on the scale of conditions
CONDITION = (
    (re.compile(r"\breleased from (?:the )?hospital\b", re.I), "released from hospital", 0.0),
    (re.compile(r"\b(?:in|listed in) (?:good|fair|stable) condition\b|\bis stable\b", re.I), "stable", 1.0),
    (
        re.compile(r"\b(?:in|listed in) serious condition\b|\bseriously (?:injured|wounded|hurt)\b", re.I),
        "serious",
        2.0,
    ),
    (
        re.compile(r"\b(?:in|listed in) critical condition\b|\bcritically (?:injured|wounded|hurt)\b", re.I),
        "critical",
        3.0,
    ),
    (re.compile(DIED, re.I), "died", DEAD),
)
RELATIVE = re.compile(r"\b(?:who|that|which)\s+(?:\w+\s+)?$", re.I)
MANY = re.compile(
    r"\b(?:others|survivors|victims|people|both|all|most|several|many|two|three|four|five|six)\b", re.I
)
NO_ARREST = re.compile(
    r"\bno (?:arrests?|one has been arrested|suspects? (?:has|have) been (?:arrested|identified))\b|"
    r"\bno (?:suspects?|one) (?:is|are|was|were|has been) (?:in custody|arrested)\b|"
    r"\b(?:have|has) not (?:made any arrests|arrested)\b|\b(?:remains?|still) at large\b|"
    r"\b(?:searching|looking|search was under way) for (?:the |a )?(?:\w+ ){0,3}"
    r"(?:suspects?|shooters?|gunm[ae]n|assailants?|killers?)\b",
    re.I,
)
ARRESTED = re.compile(
    r"\b(?:was|were|has been|have been|had been) (?:arrested|charged|booked|taken into custody|found guilty|"
    r"convicted)\b|\barrested (?:a|an|the|two|three|\d)\b|\bis (?:now )?in custody\b|"
    r"\b(?:is|are) charged with\b",
    re.I,
)


def status(sentence: Sentence) -> list[Reading]:
    """A victim's condition and whether anyone was arrested: things that change as a story develops,
    and that differ between people of one story; shown as updates only. The value is the phrase as
    printed ("has died", "have not made any arrests"); the scale orders them."""
    out = []
    text = sentence.text
    for pattern, _, v in CONDITION:
        if m := pattern.search(text):
            clause = re.split(r"[,;:—]| but | while ", text[: m.start()])[-1]
            if NEGATION.search(clause) or clause.rstrip().lower().endswith(("most", "least")):
                continue  # "no one was seriously hurt", "the most seriously injured"
            if RELATIVE.search(clause) or MANY.search(clause):
                # "the man who died in the shooting" names a person, it does not report a state;
                # "most of the other survivors were released" is the state of several people.
                continue
            about = "condition of the wounded"
            out.append(
                Reading(
                    sentence,
                    "condition",
                    about,
                    "claim",
                    m.group(),
                    v,
                    v,
                    "condition",
                    disputable=False,
                    story=True,
                )
            )
    for pattern, v, state in ((NO_ARREST, 0.0, "no arrest yet"), (ARRESTED, 1.0, "arrested")):
        if m := pattern.search(text):
            out.append(
                Reading(
                    sentence,
                    "arrest",
                    "arrests",
                    "claim",
                    f"{state} ({m.group()})",
                    v,
                    v,
                    "grows",
                    disputable=False,
                    story=True,
                )
            )
            break
    return out


STREET_WORDS = ("Avenue", "Ave", "Street", "St.", "Road", "Rd", "Drive", "Dr.", "Boulevard", "Blvd", "Lane")
STREET_WORDS += ("Ln.", "Court", "Ct.", "Place", "Pl.", "Trail", "Way", "Parkway", "Circle", "Terrace")
TOLL_WORDS = ("kill", "dead", "died", "wound", "injur", "hurt", "shot")
STATUS_WORDS = ("condition", "stable", "died", "succumb", "dead", "released", "injured", "wounded", "hurt")
STATUS_WORDS += (
    "arrest",
    "custody",
    "charged",
    "booked",
    "large",
    "search",
    "looking",
    "guilty",
    "convicted",
)


DIGIT = re.compile(r"\d")


# A sentence that speaks of another incident than the story's: "in addition to Tuesday's shooting, a
# boy was among three people shot Saturday", "no charges will be filed in the earlier case".
OTHER_INCIDENT = re.compile(
    r"\bin addition to\b|\bseparately\b|\b(?:another|a separate|an unrelated|an earlier|a previous|"
    r"a similar|a second|the (?:more recent|earlier|previous|other|second|first)) "
    r"(?:case|incident|shooting|homicide|killing|attack)s?\b|"
    # "the last of the three homicides": one of several events the sentence counts
    r"\b(?:first|second|third|last|latest) of (?:the )?(?:two|three|four|five|six|several|\d+) "
    r"(?:cases|incidents|shootings|homicides|killings|attacks)\b",
    re.I,
)


def readings(sentence: Sentence) -> list[Reading]:
    """Every reading of a sentence. Each family's patterns run only on sentences holding a word it
    needs (a digit, "block of", a street word...). Readings of "the" incident (a toll, a time, a
    child, a block) are not taken from a sentence that speaks of another incident."""
    out = _readings(sentence)
    if out and OTHER_INCIDENT.search(sentence.text):
        out = [r for r in out if not (r.story or r.key.startswith("block|"))]
    return out


def _readings(sentence: Sentence) -> list[Reading]:
    text = sentence.text
    low = text.lower()
    digit = bool(DIGIT.search(text))
    out: list[Reading] = []
    if digit:
        out += ages(sentence)
        if "-year-old" in low:
            out += role_ages(sentence)
        out += clock_times(sentence)
        if "block of" in low or any(w in text for w in STREET_WORDS):
            out += blocks(sentence)
    if any(w in low for w in TOLL_WORDS):
        out += counts(sentence)
    if "life" in low:
        out += life_threatening(sentence)
    if any(w in text for w in STREET_WORDS):
        out += street_names(sentence)
    if any(c in low for c in COLOUR_WORDS):
        out += vehicle_colours(sentence)
    if digit and ("year" in low or " total" in low or " count" in low):
        out += year_totals(sentence)
    if " in his " in low or " in her " in low:
        out += role_ages(sentence)
    if "-" in text or (
        " of " in text and ("sen" in low or "rep" in low or "gov" in low or "congress" in low)
    ):
        out += lawmaker_states(sentence)
    if digit and ("population" in low or "people" in low or "inhabitants" in low or "residents" in low):
        out += populations(sentence)
    if any(w in low for w in STATUS_WORDS):
        out += status(sentence)
    if "hospital" in low or "medical cent" in low or "health cent" in low or "infirmary" in low:
        out += hospitals(sentence)
    return out
