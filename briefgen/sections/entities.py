"""Entities: the people, organisations and places of a topic, with roles and source counts.

- People come from the person registry (`people.py`: titles, appositions, speech verbs); every
  mention (full name, surname, description such as "the Pentagon chief") counts.
- Organisations are runs of capitalised words ending in an organisation word ("Joint Operations
  Command", "Defense Department", "White House"), well-known names (Reuters, NATO), and acronyms an
  article defines ("Japan Joint Operations Command (JJOC)", "..., or JJOC"), whose later uses count.
- Places come from a gazetteer (countries, capitals, U.S. states, big cities, regions).

Each entity cites the sentence of its first mention in every article, and counts independent
sources. No model is downloaded: rules and the packaged gazetteer only.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..models import Entity, Sentence, Source
from . import TopicContext, sort_sources, source
from .people import (
    FIRST_NAMES,
    NOT_NAMES,
    ORG_NAMES,
    ORG_WORDS,
    PLACE_WORDS,
    looks_like_org,
    looks_like_person,
    mask_headings,
    of_what,
    places,
    words_of,
)

CAP = r"(?:[A-Z][\w'’.-]*|U\.S\.)"
ORG = re.compile(rf"\b(?:{CAP}\s+(?:(?:of|for|the|and)\s+)?){{0,7}}{CAP}")
LEADING = (NOT_NAMES - {"new", "first", "one", "two", "three", "next", "last", "other", "all"}) | {"former"}
ACRONYM_DEF = re.compile(
    rf"(?P<name>(?:{CAP}\s+(?:(?:of|for|and|in|on)\s+(?:the\s+)?)?){{1,6}}{CAP})\s*(?:\(|,\s+or\s+)(?P<acr>[A-Z][A-Z0-9&-]{{1,8}})\b\)?"
)
PLACE_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,6}")
ABBREVIATED = re.compile(r"(?:[A-Z]\.)+|(?:St|Mt|Ft|Jr|Sr|Dr|Inc|Co|Corp|Ltd|Bros|Gen|Gov|Sen|Rep)\.")
# Last words of a name spelled out by an acronym that make it a thing rather than an organisation.
NOT_ORGANISATIONS = words_of(
    """
    software act law bill program programme index score scale test survey study treaty agreement
    accord plan initiative protocol standard classification classifications code database tool app
    platform model method syndrome disease disorder virus vaccine system identifier number
    """
)
LIMITS = {"person": 10, "organisation": 8, "place": 8}
KINDS = ("person", "organisation", "place")


@dataclass
class Tally:
    kind: str
    role: str = ""
    first: dict[str, int] = field(default_factory=dict)  # article id -> first mention offset
    mentions: int = 0


def _sentence_at(sentences: tuple[Sentence, ...], starts: list[int], offset: int) -> Sentence | None:
    i = bisect.bisect_right(starts, offset) - 1
    if 0 <= i < len(sentences) and sentences[i].start <= offset < sentences[i].end:
        return sentences[i]
    return None


def _initials(tokens: list[str]) -> str:
    out = ""
    for token in tokens:
        parts = [p for p in token.split(".") if p] if "." in token else [token]
        out += "".join(p[0] for p in parts if p[:1].isupper())
    return out


def _defined(name: str, acronym: str) -> str:
    """The words of `name` an acronym stands for ("Japan's new Joint Operations Command" + "JOC"
    -> "Joint Operations Command"), or '' when its letters do not match the words' initials."""
    tokens = [t for t in name.split() if t not in ("of", "for", "and", "the", "in", "on")]
    for i in range(len(tokens)):
        if _initials(tokens[i:]) == acronym.replace("&", ""):
            return " ".join(name.split()[name.split().index(tokens[i]) :])
    return ""


def acronyms_of(texts: list[str]) -> dict[str, str]:
    """Acronyms the texts define ("Japan Joint Operations Command (JJOC)"), with their names."""
    acronyms: dict[str, str] = {}
    for text in texts:
        for m in ACRONYM_DEF.finditer(text):
            name = _defined(m.group("name"), m.group("acr"))
            if name and name.split()[-1].lower() in NOT_ORGANISATIONS:
                continue  # "Clinical Coding Software (CCS)", "Fair Rent Act (FRA)": a thing, not a body
            if name and len(name.split()) >= 2:
                acronyms.setdefault(m.group("acr"), name)
    return acronyms


def _organisations(text: str, acronyms: dict[str, str]) -> list[tuple[int, str, str]]:
    """(offset, name, acronym) of the organisations named in `text`; a shorter form of a defined
    name ("Joint Operations Command") counts for the defined one."""
    found: list[tuple[int, str, str]] = []
    by_name = {name: acr for acr, name in acronyms.items()}
    printed = frozenset(re.findall(r"\b[A-Z]{2,6}\b", text))
    for whole in ORG.finditer(mask_headings(text)):
        for start, run in _and_runs(whole.start(), whole.group(), printed):
            end = start + len(run)
            closing = text[end : end + 2].lstrip(",.;:!?")[:1]  # '“Garden Party,” which'
            if run[-1:] in ("'", "’"):
                closing = run[-1]  # "'Vale News' tonight": the mark ends the run
            if text[start - 1 : start] in ("“", '"', "‘", "'") and closing in ("”", '"', "’", "'"):
                continue  # a title in quotation marks ("“Harbour Nights” opened", "'Vale News' tonight")
            if run.split()[-1].lower() in PLACE_WORDS:
                continue  # "Elton Niagara International Airport", "Vale Street": a place, not a body
            name = _trim_org(run)
            if name and name.isupper():
                continue  # a heading in capitals ("MUST WATCH"), not a name
            if WORK_BEFORE.search(text, max(0, start - 30), start):
                continue  # the title of a work: "the animated comedy Harbour Party", "the novel Vale House"
            if CHARGE_BEFORE.search(text, max(0, start - 30), start):
                continue  # a charge: "two counts of Contempt of Court", "guilty of Obstruction of Justice"
            if name and len(name.split()) >= 2 and looks_like_org(name) and name not in places():
                full = next((n for n in by_name if f" {name} " in f" {n} "), name)
                found.append((start + run.find(name), full, by_name.get(full, "")))
    for m in re.finditer(r"\b[A-Z][A-Za-z]*[A-Z]\b|\b[A-Z][a-z]+\b", text):
        word = m.group()
        if word in acronyms:
            found.append((m.start(), acronyms[word], word))
        elif (
            word in ORG_NAMES
            and not _part_of_a_place(text, m.start(), m.end())
            and not (word.lower() in ORG_WORDS and LONGER_NAME.match(text, m.end()))  # "Congress of Millers"
        ):
            found.append((m.start(), word, ""))
    return found


def _spelled_out(words: list[str], acronyms: frozenset[str]) -> bool:
    """Whether the first words of `words` are spelled out by an acronym the text prints ("Food and Drug
    Administration" where it also prints "FDA")."""
    initials = ""
    for w in words:
        if not w[:1].isupper():  # "and", "of", "for", "the", "&"
            continue
        initials += w[:1]
        if len(initials) >= 2 and initials in acronyms:
            return True
    return False


def _and_runs(start: int, run: str, acronyms: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """A capitalised run cut at a sentence's end and at each "and" that joins two names rather than
    two words of what a name is of or for: "Department of Health and Human Services", "Centers for
    Medicare and Medicaid Services" stay whole (one word between "of"/"for" and "and"); "Elton Police
    Department and Elton Fire Department", "Korvath and General Motors", "House and Senate" are cut
    ("Food and Drug Administration" stays whole only when the text also prints "FDA")."""
    out: list[tuple[int, str]] = []
    begin = 0  # where the current run starts in `run`
    words = list(re.finditer(r"\S+", run))
    for k, w in enumerate(words):
        if w.group().endswith(".") and not ABBREVIATED.fullmatch(w.group()) and k + 1 < len(words):
            out.append((start + begin, run[begin : w.end()]))  # a sentence's end: "... Elsie. Police"
            begin = words[k + 1].start()
            continue
        if w.group() != "and" or k == 0:
            continue
        before = [x.group() for x in words[max(0, k - 3) : k - 1] if x.start() >= begin]
        joined = before[-1:] in (["of"], ["for"]) or before[-2:] in (["of", "the"], ["for", "the"])
        opening = [x.group() for x in words[: k - 1] if x.start() >= begin]
        if not joined and opening in ([], ["The"], ["the"]):
            # The first word of a run: "Food and Drug Administration" is one name when the text also
            # prints its acronym; "Korvath and General Motors" is two.
            joined = _spelled_out([x.group() for x in words[k - 1 :]], acronyms)
        if not (joined and words[k - 1].group() not in FIRST_NAMES):
            out.append((start + begin, run[begin : words[k - 1].end()]))
            begin = w.end() + 1
    out.append((start + begin, run[begin:]))
    return [(s, r) for s, r in out if r]


def _part_of_a_place(text: str, start: int, end: int) -> bool:
    """Whether a well-known organisation's name is a word of a place's: "Rosemount-Apple Valley"."""
    after = text[end : end + 20].split()[:1]
    return text[start - 1 : start] == "-" or bool(after) and after[0].strip(".,;:").lower() in PLACE_WORDS


def _trim_org(name: str) -> str:
    """Cut a run of capitalised words to the organisation it ends with ("Japan's new Joint ...")."""
    tokens = name.split()
    if tokens and tokens[-1].endswith(".") and not ABBREVIATED.fullmatch(tokens[-1]):
        tokens[-1] = tokens[-1][:-1]  # the sentence's full stop: "... at the University of Chicago."
    if tokens:
        tokens[-1] = re.sub(r"['’]s?$", "", tokens[-1])  # "the Bureau of Labor Statistics' figures"
    # A credit line: "Jo Ames for The Elton Herald" is the Herald's (Jo Ames is a person).
    if "for" in tokens[2:4] and looks_like_person(" ".join(tokens[: tokens.index("for", 2)])):
        tokens = tokens[tokens.index("for", 2) + 1 :]
    # A sentence's end inside the run: "... on Elm Boulevard. Police said" is no organisation's name.
    ends = [i for i, t in enumerate(tokens[:-1]) if t.endswith(".") and not ABBREVIATED.fullmatch(t)]
    if ends:
        tokens = tokens[ends[-1] + 1 :]
    # The name ends with its organisation word, or with what it is "of" or "for" after that word:
    # "American College of Rheumatology", "Department of Health and Human Services".
    last = max((i for i, t in enumerate(tokens) if t.lower().rstrip(".") in ORG_WORDS), default=-1)
    if not (last >= 0 and of_what(tokens[last + 1 :])):
        del tokens[last + 1 :]
    # A possessive inside the run: "Ada Vale of Norland's Elton Institute" is the Elton Institute.
    owners = [
        i
        for i, t in enumerate(tokens[:-2])
        if t.endswith(("'s", "’s"))
        and tokens[i + 1].lower() not in ORG_WORDS  # "Boston Children's Hospital"
        and ("of" in tokens[:i] or looks_like_org(t[:-2]) or t[:-2] in places())  # not "Cook Children's"
    ]
    if owners:
        tokens = tokens[owners[-1] + 1 :]
    while tokens and (tokens[0].lower() in LEADING or tokens[0].endswith(("'s", "’s", "."))):
        tokens.pop(0)
    if len(tokens) > 2 and tokens[1] == "the":
        del tokens[:2]  # "Using the Centers for ...": a sentence's first word before the name
    return " ".join(tokens)


# A noun for a work before its title: "the animated comedy Harbour Party" is no organisation.
WORK_BEFORE = re.compile(
    r"\b(?:film|movie|comedy|drama|thriller|series|show|sitcom|album|song|single|book|novel|memoir|play|"
    r"musical|documentary|game|franchise|opera|ballet)\s+$"
)
LONGER_NAME = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]")
# Words before a charge's name: "one count of Contempt of Court" names no court.
CHARGE_BEFORE = re.compile(r"\b(?:counts?|charges?|guilty|convicted|accused)\s+of\s+$|\bcharged\s+with\s+$")
# Words after a place that make it part of a newspaper's name: "Elton Herald", "Vale City Times".
PUBLICATION_WORDS = words_of(
    """
    Times Post Journal Herald Tribune Gazette Guardian Telegraph Globe Chronicle Daily News Magazine
    Review Examiner Inquirer Star Sun Mail Express Bulletin Record Observer Independent
    """
)


INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _inside_a_name(tokens: list[str], i: int, n: int, text: str = "") -> bool:
    """Whether the place at tokens[i:i+n] of a capitalised run is part of another name: a newspaper's or
    an organisation's ("Elton Herald", "Elton Department of Roads") or a person's after a first name
    or an initial ("Ada J. Elton")."""
    if tokens[i + n - 1].endswith(("'s", "’s")):
        return False  # "Elton's Vale Center": the place where the centre stands
    rest: list[str] = []  # the run's words after the place, up to a sentence's end or a comma
    following = tokens[i + n - 1 : i + n] + tokens[i + n :]
    for k, token in enumerate(following):
        if k:
            rest.append(token.rstrip(".,;:’'"))
        if token[-1:] in ".,;:" and not INITIALS.fullmatch(token):
            break  # "in Elton. The Party met"
    if rest and (rest[0].split("-")[0] in PUBLICATION_WORDS or rest[-1].lower() in ORG_WORDS):
        return True
    own = rest[: rest.index("of")] if "of" in rest else rest
    if any(t.lower() in ORG_WORDS for t in own):
        return True  # "the Elton Department of Corrections"
    if n == 1 and tokens[i] in FIRST_NAMES and rest and rest[0][:1].isupper():
        return True  # "Douglas Steinley": a first name and a surname
    before = tokens[i - 1] if i > 0 else ""
    if before == "of" and i >= 2 and tokens[i - 2].lower() in ORG_WORDS:
        return True  # "University of Elton", "Bank of Vale": what the organisation is of
    if n == 1 and before[:1].isupper() and text and _short_for_an_organisation(text, before, tokens[i]):
        return True  # "a student at Ada Douglas" where the text prints "Ada Douglas High School"
    return bool(INITIALS.fullmatch(before)) or before in FIRST_NAMES


# People listed after a plural noun for them: "his sisters, Denver, Ada and Ann" names no city.
PEOPLE_LIST = re.compile(
    r"\b(?:sisters|brothers|children|sons|daughters|grandchildren|siblings|cousins|survivors)[,:]?\s+"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?,?\s+)+and\s+[A-Z][\w'’-]*"
)


def _short_for_an_organisation(text: str, before: str, place: str) -> bool:
    """Whether the text prints "<before> <place>" as the start of an organisation's name."""
    pattern = rf"\b{re.escape(before)}\s+{re.escape(place)}\s+(?:[A-Z][\w'’-]*\s+){{0,2}}([A-Z][\w'’-]*)"
    return any(m.group(1).lower() in ORG_WORDS for m in re.finditer(pattern, text))


def _places(text: str) -> list[tuple[int, str]]:
    gazetteer = places()
    found = []
    listed = [(m.start(), m.end()) for m in PEOPLE_LIST.finditer(text)]
    for m in PLACE_RUN.finditer(text):
        tokens = m.group().split()
        i = 0
        while i < len(tokens):
            for n in range(min(4, len(tokens) - i), 0, -1):
                candidate = " ".join(tokens[i : i + n]).rstrip(".,’'")
                candidate = re.sub(r"['’]s$", "", candidate)
                if candidate in gazetteer:
                    # The word before the run counts too ("Sheriff Scott" + "Elton,": runs stop at four)
                    before = tokens[:i] if i else text[max(0, m.start() - 20) : m.start()].split()[-1:]
                    offset = m.start() + m.group().find(tokens[i])
                    in_list = any(s <= offset < e for s, e in listed)
                    if not in_list and not _inside_a_name(before + tokens[i:], len(before), n, text):
                        found.append((offset, candidate))
                    i += n
                    break
            else:
                i += 1
    return found


def extract(ctx: TopicContext) -> tuple[Entity, ...]:
    tallies: dict[str, Tally] = {}

    def count(name: str, kind: str, article: str, offset: int, role: str = "") -> None:
        tally = tallies.setdefault(name, Tally(kind, role))
        if tally.kind != kind:
            return
        if role and not tally.role:
            tally.role = role
        tally.mentions += 1
        tally.first.setdefault(article, offset)

    acronyms = acronyms_of([a.text for a in ctx.articles])
    for article in ctx.articles:
        people = ctx.people[article.id]
        for mention in people.mentions:
            count(mention.person, "person", article.id, mention.start, people.roles.get(mention.person, ""))
        for offset, name, acronym in _organisations(article.text, acronyms):
            if name not in people.roles:
                count(name, "organisation", article.id, offset, acronym)
        named = [(m.start, m.end) for m in people.mentions]  # in order of start
        starts = [start for start, _ in named]
        for offset, name in _places(article.text):
            i = bisect.bisect_right(starts, offset) - 1
            if i >= 0 and offset < named[i][1]:
                continue  # a person's name or surname: "Ren Osaka", "Osaka says"
            if name not in people.roles:
                count(name, "place", article.id, offset)
    _merge_short_forms(tallies)
    # Sources: the sentence of the first mention in each article.
    starts = {a.id: [s.start for s in ctx.sentences.get(a.id, ())] for a in ctx.articles}
    entities: list[Entity] = []
    for name, tally in tallies.items():
        cited: list[Source] = []
        for article_id, offset in tally.first.items():
            sentence = _sentence_at(ctx.sentences.get(article_id, ()), starts[article_id], offset)
            if sentence is not None:
                cited.append(source(sentence))
        if not cited:
            continue
        sources = sort_sources(ctx, cited)
        entities.append(Entity(name, tally.kind, tally.role, sources, ctx.support(sources), tally.mentions))
    out: list[Entity] = []
    for kind in KINDS:
        of_kind = [e for e in entities if e.kind == kind]
        of_kind.sort(key=lambda e: (-e.support, -e.mentions, e.name))
        out.extend(of_kind[: LIMITS[kind]])
    return tuple(out)


# Words that end an organisation's full name and that the text may leave out: "Elton Police" is
# the "Elton Police Department".
SHORT_FORM_SUFFIXES = ("Department", "Dept.", "Office", "Inc.", "Inc", "Co.", "Corp.", "Corporation", "Ltd.")


def _merge_short_forms(tallies: dict[str, Tally]) -> None:
    """Count an organisation's short form ("Elton Police") under its full name ("Elton Police
    Department") when the topic prints both: one organisation, listed once. Shorter names first, so a
    chain ends in the longest ("Vale Mills" -> "Vale Mills Co." -> "Vale Mills Co. Inc.")."""
    for name in sorted(tallies, key=len):
        tally = tallies.get(name)
        if tally is None or tally.kind != "organisation":
            continue
        for suffix in SHORT_FORM_SUFFIXES:
            short = name[: -len(suffix)].rstrip(" ,") if name.endswith(" " + suffix) else ""
            other = tallies.get(short)
            if short and other is not None and other.kind == "organisation" and len(short.split()) >= 2:
                tally.mentions += other.mentions
                for article, offset in other.first.items():
                    tally.first[article] = min(offset, tally.first.get(article, offset))
                tally.role = tally.role or other.role
                del tallies[short]
                break


def by_kind(entities: tuple[Entity, ...]) -> dict[str, list[Entity]]:
    grouped: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        grouped[e.kind].append(e)
    return grouped
