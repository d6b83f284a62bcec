"""Quotes: direct quotations with their speaker and cue, merged across sources.

Quotation marks are paired per paragraph (curly marks by shape, straight ones by the characters
around them); a quotation left open at the end of a paragraph continues in the next paragraph that
opens one. Each quotation is attributed from the words around it: after it (", Hegseth said",
", said Michelle McCaskill, a spokeswoman", " he told Nakatani", ", according to Smith"), before it
("He added, ", "Nakatani described the dialogue as "), or, for the next sentence of the same
speaker ('"A," he said. "B."'), from the quotation it continues. The speaker phrase must be a name,
a pronoun or a description: "he"/"she" and "the Pentagon chief" resolve to a person the article
names; a name inside a prepositional phrase ("a worker at ... Rothschild Boulevard") is not the
speaker. Quotes whose speaker cannot be resolved are left out: a wrong speaker is worse than none.

One quote printed by several articles becomes one item (wording variants kept); a quote repeated as
reported speech without marks (seed 002) joins its item too.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from ..models import Quote, Sentence, Source
from ..reading.lines import title_like
from ..reading.split import normalize, words
from . import TopicContext, sort_sources
from .marks import Span
from .marks import paragraphs as _paragraphs
from .measures import STATE_FORM
from .people import (
    DEMONYM_LIKE as DEMONYMS,
)
from .people import (
    HYPHENATED_PARTICLE,
    NAME,
    NAME_WORD,
    NOT_NAMES,
    NOT_SURNAMES,
    ORG_NAMES,
    ORG_WORDS,
    PARTICLE,
    PLACE_WORDS,
    PREPOSITIONS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_SET,
    TITLE_WORDS,
    UPPER,
    People,
    WordStart,
    _drop_leading_word,
    _without_date,
    gender_of_name,
    gender_of_words,
    given_names,
    looks_like_org,
    looks_like_person,
    places,
    strip_titles,
    words_of,
)

# Verbs that introduce a quotation, beyond those the person registry uses.
QUOTE_VERBS = (
    SPEECH_VERBS + "|questioned|interjected|demurred|scoffed|wondered|chanted|reported|recommended|"
    "proclaimed|retorted|snapped|offered|sighed|laughed|shot back|fired back|wrote back|read|reads|"
    "continues|adds|says|noted|tweets|posted|screamed|cried|chimed in|interrupted|replies|responds|"
    "sings|sang|shouts|yells|muttered|pleaded|begged|bragged|declares|insists|predicts|concedes|"
    "warns|argues|explains|recalls|jokes|quips|wonders|counters|remarks|writes|asks|answers|"
    "demanded|alleged|charged|mocked|blasted|slammed|opined|marveled|gushed|bristled|groused|griped|"
    "sneered|fumed|roared|bellowed|speculated|reasoned|summed up|advised|assured|threatened|"
    "clarified|elaborated|underscored|repeated|echoed|disagreed|objected|protested|bemoaned|decried|"
    "texted|emailed|murmured|mumbled|blurted|hollered|recited|teased|taunted|deadpanned|rebutted|"
    "pushed back|weighed in|piped up|implored|inquired|pressed|put it|written|spoken|summarized|summarised|"
    # a base form after "would", "will", "often": "as Hicks would say"
    + "|".join(
        f"(?:(?<=would )|(?<=will )|(?<=often )|(?<=might )|(?<=could )){v}"
        for v in ("say", "ask", "tell", "write", "add")
    )
)
VERB = rf"(?P<verb>{QUOTE_VERBS})"
OBJECT = (
    rf"(?:\s+(?P<object>(?:(?:[A-Z][\w.'’-]*|of)\s+){{0,5}}{NAME}|[A-Z][a-z]+"
    r"|reporters|journalists|lawmakers|parliament|Congress|(?:the|a) (?:press|crowd|audience|conference|"
    r"meeting|committee|court|jury|hearing|newspaper|station|agency)))?"
)
STATEMENT = (
    r"(?:(?:a|an|the)\s+(?:\w+\s+)?(?:statement|report|email|post|letter|release|memo)\s+(?:from|by)\s+)?"
)
# A speaker phrase: words, abbreviations with their full stop ("Mr.", "Sen.", "E.", "U.S.") and short
# parentheses ("(R-Iowa)"); no comma, no sentence end.
ABBREVIATION = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Rev|Prof|St|Jr|Sr|Ft|Mt|Inc|Co|Corp|Ltd|"
    r"Pvt|Pfc|Cpl|Spc|Det|Ofc|Insp|Supt|Cmdr|Brig|Atty|Comm|"
    r"Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|"
    r"Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo)\.|(?:[A-Z]\.){1,3})(?=\s)"
)
TOKEN = rf"(?:{ABBREVIATION}|[\w’'&-]+|\([^()\n]{{1,30}}\))"
PHRASE = rf"(?P<speaker>{TOKEN}(?:\s+{TOKEN}){{0,11}}?)"
APPOS = r"(?:,\s*(?P<appos>[^“”\"\n]{2,160}?),)?"
ADVERB = (
    r"(?:\s+(?:also|then|later|again|once|had|has|have|would|will|could|might|often|further|still|even|"
    r"just|now|never|first|earlier|too|\w+ly)){0,2}"
)
TAIL = (
    r"(?=\s*[,.;:!?)—]|\s*$|\s+(?:in|on|at|during|with|who|whose|after|before|about|to|when|as|while|of|"
    r"from|for|last|this|next|earlier|yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\b)"
)
LISTENER_VERBS = r"(?:told|tells|asked|asks|urged|answered|informed|assured|reminded)\b"
# Attribution right after the closing mark.
AFTER = (
    re.compile(rf"^[\s,—-]*{PHRASE}{APPOS}{ADVERB}\s+{VERB}\b{OBJECT}"),
    # '…," said his coach since 2008, Larry Vale.': a description, then the name in apposition.
    re.compile(rf"^[\s,—-]*{VERB}\s+{PHRASE},\s+(?P<appos>{NAME})(?=\s*[.,;:!?]|\s*$)"),
    re.compile(rf"^[\s,—-]*{VERB}\s+{PHRASE}{TAIL}"),
    re.compile(rf"^[\s,—-]*according to {STATEMENT}{PHRASE}(?=[,.;:!?]|$)(?P<verb>)"),
    # "said master of ceremonies Asab Al-Tabchi, ...": the whole phrase up to the comma.
    re.compile(rf"^[\s,—-]*{VERB}\s+{PHRASE}(?=\s*[,;:!?)—]|\.(?:\s|$)|\s*$)"),
    # '..." Ada Hicks, who chairs Valley Forward said in a statement': a relative clause left open.
    re.compile(rf"^[\s,—-]*{PHRASE},\s*(?:who|which)\s+[^“”\"\n,;]{{2,100}}?\s+{VERB}\b{OBJECT}"),
    # '...” who represents the past, Hicks said.': the sentence goes on, then ends with its attribution.
    re.compile(rf"^[^“”\"\n.!?]{{1,120}}?,\s*{PHRASE}{ADVERB}\s+{VERB}\b{OBJECT}(?=\s*[.!?](?:\s|$))"),
    # '…” with Sunday's vote, said Sandy Vale, a new mother.': the same, the verb first.
    # Not "…,” Ada Hicks told The Elton Herald": after "told" stands the listener.
    re.compile(rf"^[^“”\"\n.!?]{{1,120}}?,\s*(?!{LISTENER_VERBS}){VERB}\s+{PHRASE}(?=\s*[,.;:!?]|\s*$)"),
)
VERB_FIRST = frozenset((1, 2, 4, 7))  # the AFTER patterns with the verb before the speaker
SPEAKER_SLOT = frozenset((0, 1, 2))  # those whose phrase stands right next to the verb
# Attribution before the opening mark: 'He added, ', 'Nakatani described the dialogue as ', 'Smith wrote: '.
CLAUSE = "and|but|then|when|as|what|that|while|whereas|although|after|because|so"
BOUNDARY = re.compile(rf"^|[,;:(—]\s*|(?<=[.!?])\s+|\b(?:{CLAUSE})\s+")
GAP = r"(?P<gap>(?:[\s,]+[\w’'.-]+){0,8}?)"
BEFORE = re.compile(rf"{PHRASE}{APPOS}{ADVERB}\s+{VERB}\b{OBJECT}{GAP}[\s,:—-]*$")
# "with Trump reportedly yelling: “...": a name and a participle.
NAMED_PARTICIPLE = re.compile(
    rf"{PHRASE}(?:\s+\w+ly)?\s+(?P<verb>saying|yelling|shouting|telling|writing|asking|adding|declaring|"
    r"tweeting|stating|replying|responding|proclaiming|warning|noting)\b(?:\s+[\w’'-]+){0,3}?[\s,:—-]*$"
)
SIGNATURE = re.compile(rf"\s*\n\s*[-—–―]\s*{PHRASE}(?=\s*(?:[,.(]|$))", re.M)
# An epigraph-style signature on the quotation's own line: '“...” ― Ana Ruiz, 54, a farmer'.
DASH_SIGNATURE = re.compile(rf"[ \t\xa0]*(?:[—–―]|\s-)[ \t\xa0]*{PHRASE}(?=\s*(?:[,.(;]|$))", re.M)
# "Ana Ruiz, a party spokesman, said in a statement. “...": a sentence that only says who speaks.
SAID_SENTENCE = re.compile(
    rf"(?:^|(?<=[.!?])\s+){PHRASE}{APPOS}{ADVERB}\s+{VERB}"
    r"(?:\s+(?:in|on|at|during|to|with|via|by)\b[^.!?:;“”\"]{0,60})?[.:]\s*$"
)
# A sentence of reported speech: its subject, then a speech verb ("Vale said the plan ...", "But she
# told the committee that ...").
REPORTED = re.compile(
    rf"\W*(?:(?:But|And|Still|Later|Then|Now|Yet),?\s+)?{PHRASE}{APPOS}{ADVERB}\s+(?P<verb>{SPEECH_VERBS})\b"
    r"(?=[^“”\"]*$)"
)
# "Said Dorothy Poynter, who grew up nearby, “...": the verb first.
INVERTED_VERBS = ("Said", "Added", "Stated", "Continued", "Wrote", "Asked", "Says", "Adds", "Replied")
INVERTED = re.compile(
    rf"(?:^|(?<=[.!?])\s+)(?P<verb>{'|'.join(INVERTED_VERBS)})\s+{PHRASE}"
    r"(?:,[^“”\"]{1,160})?[,:]\s*$"
)
# A verb phrase whose subject began the sentence: "..., but told his supporters, “...",
# "Hannity interjected: “...", "... before saying, “...".
COORDINATED = re.compile(
    rf"(?:\b(?:and|but|then|before|after|while)\s+|[,;—]\s*)(?:\w+ly\s+)?{VERB}\b{OBJECT}"
    r"(?P<gap>(?:\s+[\w’'.-]+){0,8}?)[\s,:—-]*$"
)
COLON_VERB = re.compile(r"\s(?P<verb>[a-z]+(?:ed|s))\b(?P<gap>(?:\s+[\w’'.-]+){0,8}?)\s*:\s*$")
# "Vale's response: “...”": a possessive and a word for what was said.
POSSESSIVE_COLON = re.compile(
    rf"(?:^|[.!?]\s+|[,;—]\s*){PHRASE}['’]s?\s+(?:\w+\s+)?(?P<verb>response|reply|answer|message|statement|"
    r"comment|comments|retort|verdict|view|take|advice|warning|explanation|argument|pitch|plea|words)\s*:\s*$"
)
ACCORDING = re.compile(
    rf"(?:^|[,;—-]\s*)(?:[Aa]ccording to|(?:[Mm]ore )?[Ff]rom|[Ii]n) {STATEMENT}{PHRASE}"
    r"(?:['’]s? words)?[,:]?\s*$(?P<verb>)"
)
# "Trump tweeted on Sunday, writing: ", "..., adding, ": a participle whose subject began the sentence.
PARTICIPLE = re.compile(
    r"(?:^|[,;—]\s*|\band\s+)(?P<verb>adding|saying|writing|telling \w+|noting|declaring|asking|"
    r"explaining|arguing|warning|insisting|stating|tweeting|continuing|yelling|shouting|replying|"
    r"responding|proclaiming)(?P<gap>(?:\s+[\w’'-]+){0,4}?)[\s,:—-]*$"
)
# "Pollsters agree - Carl Bialik: “...": a short name before a colon (no dash inside it).
WORD = rf"(?:{ABBREVIATION}|[\w’'&]+(?:-[\w’'&]+)*|\([^()\n]{{1,30}}\))"
COLON = re.compile(rf"(?:^|[.!?]\s+|[-—]\s*)(?P<speaker>{WORD}(?:\s+{WORD}){{0,5}}):\s*$(?P<verb>)")
# A transcript line: "PENCE: Well, look, ..." inside the marks.
TRANSCRIPT = re.compile(r"^(?P<speaker>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2}):\s+")
# A speaker label in title case ("Gann: ..."): a transcript line only when it names someone the
# article names elsewhere.
LABEL = re.compile(r"^(?P<speaker>(?:[A-Z][\w.'’-]+\s+){0,2}[A-Z][\w'’-]+):\s+(?=\S)")
CLAUSE_WORDS = frozenset(
    ("and", "but", "then", "when", "as", "what", "that", "while", "whereas", "although", "after")
    + ("because", "so", "later", "also", "meanwhile", "still", "yet", "instead", "now")
)
PRONOUNS = frozenset(("he", "she"))
GROUP_PRONOUNS = frozenset(("they", "we", "it", "who", "which", "i", "you"))
DETERMINERS = frozenset(
    ("the", "a", "an", "his", "her", "their", "its", "our", "my", "one", "some", "two", "another", "several")
)
# Head nouns of a description that can speak: a role ("a senior official"), a group ("aides"), an
# organisation or publication ("the newspaper") or a document ("the report").
SPEAKING_NOUNS = (
    ROLE_NOUNS
    | ORG_WORDS
    | words_of(
        """
        official officials aide aides source sources people person man woman men women critics critic
        supporters supporter protesters protester crowd attendees audience voters voter residents
        democrats republicans conservatives liberals observers experts analysts allies ally staffers
        staffer insiders insider user users statement report release memo letter email tweet post ad
        editorial column study survey poll filing complaint lawsuit document documents paper newspaper
        daily weekly outlet website site network broadcaster station tabloid broadsheet campaign team
        transcript lawmaker lawmakers senators officers agents leaders members spokesmen chants sign
        group groups organizations organisations activists advocates environmentalists
        signs banner message messages note notice voice narrator announcer host moderator operative
        operatives
        """
    )
)
PUBLICATION_NOUNS = words_of("newspaper paper daily weekly tabloid broadsheet outlet publication magazine")
PUBLICATION = re.compile(
    r"\b(?:[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}"
    r"(?:Times|Post|Journal|Herald|Tribune|Gazette|Guardian|Telegraph|Globe|Chronicle|Daily|News|Magazine|"
    r"Review|Economist|Independent|Observer|Examiner|Inquirer|Star|Sun|Mail|Express|Bulletin|Record)\b"
)
PREPOSITION_SPLIT = re.compile(r"\s+(?:of|for|at|from|with|in|on|to|who|whose)\s+")
MIN_QUOTE_WORDS = 2
FULL_QUOTE_WORDS = 5
MIN_UNATTRIBUTED_WORDS = 5  # a quotation without a speaker is kept from this length (a statement)
MIN_STANDALONE_WORDS = 3  # a partial quote shorter than this only counts as a variant of a longer one
MAX_GAP_WORDS = 8
MAX_ATTRIBUTION_WORDS = 40
WORD_THEN_VERB = re.compile(rf"^\s*\w+\s+{VERB}\b")
ANY_SPEECH_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
ENDS_WITH_VERB = re.compile(rf"\b(?:{SPEECH_VERBS}|and)\s*$")
MAX_BACK_PARAGRAPHS = 2
NAME_RUN = re.compile(rf"\b{NAME}")
# A longer run, for titles before a name: "Senate Minority Leader Harry M. Reid".
LONG_NAME_RUN = re.compile(
    rf"{UPPER}\b{NAME_WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}(?:[A-Z]\.\s+)?{NAME_WORD}){{1,6}}(?:,?\s+(?:Jr\.|Sr\.|II|III))?"
)
LAST_SENTENCE = re.compile(r"[.!?][”\"’']?\s+(?=[A-Z“\"])")
NAMING_VERBS = frozenset(("called", "labeled", "labelled", "dubbed", "branded", "termed"))
# A sentence's end: not after an abbreviation ("Mrs. Clinton", "Sen. Paul").
SENTENCE_END = re.compile(rf"\b(?!{ABBREVIATION})\w{{2,}}[.!?]\s+[A-Z“\"']")
TRAILING_STOP = re.compile(r"[.,;:!?]?(?=\W*$)")
QUOTED = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"|''(?:(?!'')[^\n])*''")
MATCH_RATIO = 88


@dataclass(frozen=True)
class Speaker:
    name: str  # the person or organisation resolved, else the description as printed
    text: str  # as printed next to the quotation
    kind: str  # "person", "organisation" or "unnamed"


NOBODY = Speaker("", "", "")
UNKNOWN = Speaker("", "", "unknown")  # a quotation whose speaker the text around it does not give


@dataclass
class Found:
    text: str
    speaker: Speaker
    cue: str
    source: Source
    full: bool


def _sentences_covering(sentences: tuple[Sentence, ...], start: int, end: int) -> list[Sentence]:
    return [s for s in sentences if s.end > start and s.start < end]


# Words that end a description's head: "a farmer near Elton", "one operative inside Vale Tower" (the
# place is no speaker).
HEAD_ENDS = frozenset(
    ("of", "for", "at", "from", "with", "in", "on", "to", "who", "whose", "and", "near", "inside", "outside")
)


def _head(tokens: list[str]) -> list[str]:
    """The phrase up to a preposition or relative pronoun: 'a spokeswoman for Trump hotels' ->
    'a spokeswoman'."""
    for k, t in enumerate(tokens):
        if k and t in HEAD_ENDS:
            return tokens[:k]
    return tokens


def _publication(people: People, position: int) -> str:
    """The last newspaper named before `position` ('the daily' -> 'The Washington Post')."""
    found = ""
    for m in PUBLICATION.finditer(people.text, 0, position):
        name = m.group()
        if not people._in_quote(m.start()):
            found = name.removeprefix("the ").removeprefix("The ").strip()
    return found


# A stretch of time or a weekday: in a speaker phrase it marks a clause, not a description ("Groups this
# year joined forces to ...").
TIME_PHRASE = re.compile(
    r"\b(?:(?:this|last|next) (?:year|month|week|weekend|night|morning|afternoon|evening|spring|summer|"
    r"fall|autumn|winter)|(?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|"
    r"today)\b"
)
BARE_PLURALS = frozenset(("police", "staff", "security", "management", "personnel"))
STANDING_ALONE = frozenset(("one", "another", "some", "several", "two"))  # determiners that can be the phrase


def describes_a_speaker(tokens: list[str]) -> bool:
    """Whether a phrase that names nobody reads as a description of a speaker: not a clause that ends
    with a conjunction ("Ada Hicks backed both men on Monday and" [said]) or holds a time ("Groups this
    year joined forces to launch a campaign"), not one bare singular noun or article ("said president
    of ...", "said the next speaker", whose description was cut)."""
    if tokens[-1].lower() in ("and", "but", "or", "then"):
        return False
    if TIME_PHRASE.search(" ".join(tokens)):
        return False
    word = tokens[0].lower() if len(tokens) == 1 else ""
    return not (
        word.isalpha()
        and tokens[0].islower()
        and not word.endswith("s")
        and word not in BARE_PLURALS
        and word not in STANDING_ALONE  # "said one of two witnesses": "one" stands for the description
    )


def speaker_of(
    phrase: str, people: People, position: int, after_verb: bool = False, slot: bool = False
) -> Speaker:
    """What a speaker phrase stands for: a person or organisation the article names (a pronoun or a
    description resolved when the article allows it), else an unnamed source described as printed.
    NOBODY when the phrase is no speaker (a clause, a thing)."""
    phrase = " ".join(re.sub(r"\([^()]*\)", " ", phrase).split()).strip(" ,—-")
    tokens = phrase.split()
    while tokens and tokens[0].lower() in CLAUSE_WORDS:
        tokens.pop(0)
    if not tokens or len(tokens) > 14 or any(t.lower().replace("’", "'") in BE_VERBS for t in tokens):
        return NOBODY  # a clause ("It's described as", "the plan was called")
    if CONTRACTION.search(tokens[0]):
        return NOBODY  # "I'd say", "we'll see"
    printed = " ".join(tokens)
    lowered = [t.lower() for t in tokens]
    if len(tokens) == 1 and lowered[0] in PRONOUNS:
        return Speaker("", printed, "pronoun")  # find_quotes resolves it (it knows earlier speakers)
    if len(tokens) == 1 and lowered[0] == "it":
        return Speaker("", printed, "pronoun")  # an organisation named before (find_quotes)
    if len(tokens) == 1 and lowered[0] in GROUP_PRONOUNS:
        return NOBODY
    head = _head(tokens)
    if after_verb and len(head) < len(tokens):
        # "said master of ceremonies Asab Al-Tabchi": a description, then the name.
        k = len(tokens)
        while k > 0 and (tokens[k - 1][:1].isupper() or INITIALS.fullmatch(tokens[k - 1])):
            k -= 1
        if len(tokens) - k >= 2 and k > 0 and tokens[k - 1].islower() and tokens[k - 1] not in PARTICLES:
            named = _named(" ".join(tokens[k:]), tokens[:k], people, after_verb)
            if named and named[1] == "person":
                return Speaker(named[0], printed, "person")
    # The trailing run of capitalised words of the head (initials, abbreviations and particles inside).
    i = len(head)
    while i > 0 and (
        head[i - 1][:1].isupper()
        or HYPHENATED_PARTICLE.match(head[i - 1])  # "Omar al-Vale", "al-Vale said"
        or (head[i - 1] in PARTICLES and i < len(head))
    ):
        i -= 1
    prefix, run = head[:i], head[i:]
    while run and run[0] in PARTICLES:
        prefix.append(run.pop(0))
    lowered_prefix = [t.lower() for t in prefix]
    if run and not (len(run) == 1 and lowered_prefix[-1:] in (["the"], ["a"], ["an"]) and run[0].islower()):
        named = _named(" ".join(run), prefix, people, after_verb)
        if named:
            return Speaker(named[0], printed, named[1])
        if prefix or len(run) > 1:
            return NOBODY
    # A description: "a senior administration official", "the newspaper", "the Republican lawmaker",
    # "Vale's spokeswoman" (a capitalised possessor and at most three words). Next to the verb, one
    # that starts with a determiner or a possessor needs no known noun ("the gambling tycoon").
    owners = [t for t in head[:-1] if t.endswith(("'s", "’s"))]
    owner = owners[0][:-2] if owners == head[:1] and head[0][:1].isupper() and len(head) <= 4 else ""
    if not head or (
        head[-1].lower().strip("’'") not in SPEAKING_NOUNS
        and not (slot and (lowered[0] in DETERMINERS or owner) and len(head) <= 5 and head[-1].isalpha())
    ):
        return NOBODY
    if owners and not owner and lowered[0] not in DETERMINERS:
        return NOBODY
    if (
        lowered[0] not in DETERMINERS
        and not head[-1].lower().endswith("s")
        and len(head) > 1
        and head[0][:1].islower()
        and lowered[0] not in ("former", "senior", "top", "several")
    ):
        return NOBODY  # "officials said" is fine; "campaign said" without a determiner is not
    if not describes_a_speaker(tokens):
        return NOBODY
    described = people.describe(" ".join(head))
    if described and (not owner or owner in people.roles.get(described, "")):
        return Speaker(described, printed, "person")  # an owner must be in the role: "a spokeswoman for Vale"
    if head[-1].lower() in PUBLICATION_NOUNS and lowered[0] == "the":
        paper = _publication(people, position)
        if paper:
            return Speaker(paper, printed, "organisation")
    return Speaker(printed, printed, "unnamed")


CONTRACTION = re.compile(r"['’](?:d|ll|ve|m|re)$", re.I)
BE_VERBS = frozenset(
    ("is", "was", "were", "are", "been", "being", "be")
    # a subject and a form of "be" in one word
    + ("it's", "that's", "there's", "here's", "what's", "who's", "he's", "she's", "they're", "we're")
    + ("you're", "i'm")
)
PARTICLES = ("of", "de", "van", "von", "bin", "del", "da", "al", "el", "la", "le", "di", "du")


def _named(name: str, prefix: list[str], people: People, after_verb: bool) -> tuple[str, str] | None:
    """(name, kind) for a run of capitalised words in a speaker slot, or None."""
    if name.lower() in NOT_NAMES or name.lower() in PRONOUNS | GROUP_PRONOUNS:
        return None
    if prefix[-1:] in (["the"], ["The"]) and name.isupper() and 2 <= len(name) <= 6:
        return name, "organisation"  # "the HRB said"
    # Transcript names and shouted surnames ("PENCE") read as the name they spell.
    if name.isupper() and len(name) >= 3 and " " not in name:
        name = name.title()
    if looks_like_org(name) or name.removeprefix("The ") in ORG_NAMES or PUBLICATION.fullmatch(name):
        return name, "organisation"
    resolved = people.resolve(name)
    stripped = _strip_titles(name)
    honorific = gender_of_words(name)
    if resolved and not (honorific and people.gender.get(resolved, honorific) != honorific):
        return resolved, "person"  # "Mr. Trump" is not Ivanka Trump
    tokens = stripped.split()
    if not tokens:
        # "Dr. More", "Mr. Young": after an honorific a common word is a surname.
        m = HONORIFIC_SURNAME.fullmatch(name)
        return (people.full_name(m.group(1)) or name, "person") if m else None
    if len(tokens) >= 2:
        if tokens[-1].lower() in ORG_WORDS or stripped in places():
            return stripped, "organisation"
        if _person_in_speaker_slot(tokens):
            return stripped, "person"
        return None
    word = tokens[0]
    if word in places():
        return word, "organisation"  # "Iran said": its government
    if word.lower() in NOT_NAMES or (word.isupper() and len(word) > 1):
        return (word, "organisation") if looks_like_org(word) else None
    if len(word) < 2 or not word[1:].replace("-", "").replace("’", "").replace("'", "").isalpha():
        return None
    common = word.lower() in SPEAKING_NOUNS or (
        word.lower() in people.lowercase_words()
        and not re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+{re.escape(word)}\b", people.text)  # "Ms. Harder"
    )
    if common and not people.is_proper(word, described=bool(prefix)):
        return None  # "Critics", "Authorities" at a sentence's start: a common noun the text also prints
    if re.search(r"[a-z]{3}[A-Z]", word):
        return word, "organisation"  # "HuffPollster", "PolitiFact": not "McConnell" or "DeSantis"
    if prefix[-1:] in (["the"], ["The"]):
        return None  # "the Constitution says": no one is "the Vale"
    full = people.full_name(word)
    if full and honorific and (people.gender.get(full) or gender_of_name(full)) not in ("", honorific):
        full = ""  # "Ms. Garcia" is not Jorge Garcia
    return (full or word), "person"


HONORIFIC_SURNAME = re.compile(r"(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][a-z]{2,})")


def _strip_titles(name: str) -> str:
    """strip_titles, keeping initials ("Representative Peter T. King" -> "Peter T. King")."""
    tokens = name.split()
    masked = ["Xx" if INITIALS.fullmatch(t) else t for t in tokens]
    kept = len(strip_titles(" ".join(masked)).split())
    return " ".join(tokens[len(tokens) - kept :]) if kept else ""


def _person_in_speaker_slot(tokens: list[str]) -> bool:
    """Whether capitalised words right next to a speech verb are a person's name: the slot is evidence
    enough for "German Ortega" or "Peter T. King", not for "Supreme Court" or "High Commissioner"."""
    if len(tokens) > 5 or tokens[-1].lower() in NOT_SURNAMES | PLACE_WORDS:
        return False
    if any(
        t.lower() in NOT_NAMES or (t.isupper() and len(t) > 1 and not INITIALS.fullmatch(t)) for t in tokens
    ):
        return False
    return all(t[:1].isupper() or t in PARTICLES or HYPHENATED_PARTICLE.match(t) for t in tokens)


INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _cue(verb: str, obj: str, people: People) -> str:
    if verb in ("told", "tells") and obj:
        return f"{verb} {people.resolve(obj) or obj}".strip()
    return verb or "according to"


def _unquoted_before(text: str, start: int, span_start: int) -> str:
    """The text of `text[start:span_start]` after the last closing quotation mark."""
    before = text[start:span_start]
    cut = max(before.rfind("”"), before.rfind('"'), before.rfind("''"))
    return before[cut + 1 :].lstrip("' ") if cut >= 0 else before


LEADING_PRONOUN = re.compile(r"\s*(?:(?:But|And|Then|So|Yet|Still|Later|Now|Instead),?\s+)?([Hh]e|[Ss]he)\b")
SPEECH_WORD = re.compile(
    rf"(?<![\w-])(?:{QUOTE_VERBS}|saying|adding|writing|telling|calling|asking|declaring|noting|insisting|arguing|"
    r"warning|tweeting|stating|replying|responding|explaining|statement|comments?|remarks?|words|"
    r"interview|speech|tweet|message|op-ed|letter)\b"
)
MAX_SUBJECT_GAP_WORDS = 12
# "his remarks", "her March comment that": a possessive pronoun before a noun of speech.
POSSESSIVE_PRONOUN = re.compile(r"\b([Hh]is|[Hh]er)\s+(?:[\w’'-]+\s+){0,2}$")
SPEECH_NOUNS = frozenset(
    ("statement", "comment", "comments", "remark", "remarks", "words", "tweet", "message")
)
NAME_BEFORE_VERB = re.compile(
    r"(?:^|(?<=[,;—]\s))(?P<speaker>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)\s+(?:\w+ly\s+)?$"
)


def _sentence_subject(text: str, start: int, end: int, people: People) -> Speaker:
    """The speaker who began a sentence: '<Smith> described the move as ..., adding: '."""
    pronoun = LEADING_PRONOUN.match(text, start, end)
    if pronoun and not people._in_quote(pronoun.start(1)):  # not '“She said no,” Hicks said
        return Speaker("", pronoun.group(1), "pronoun")
    for m in BEFORE_SUBJECT.finditer(text, start, end):
        if m.group("speaker").split()[-1].lower() in ("who", "which", "that"):
            continue  # "Ada Hicks, a farmer who says …, adds": a relative clause, not the subject
        found = speaker_of(m.group("speaker"), people, m.start())
        if found.kind:
            return found
        break
    mentions = [m for m in people.mentions if start <= m.start < end and m.subject]
    if mentions:
        return Speaker(mentions[0].person, text[mentions[0].start : mentions[0].end], "person")
    return NOBODY


BEFORE_SUBJECT = re.compile(
    rf"(?:^|(?<=[,;:—]\s)|(?<=[.!?]\s)|(?<=\n)){PHRASE}{APPOS}{ADVERB}\s+(?:[a-z]+ed|{QUOTE_VERBS})\b"
)


def _attribute(
    text: str, span: Span, n_words: int, first: Sentence, para: tuple[int, int], people: People
) -> tuple[Speaker, str, int]:
    """(speaker, cue, end of the attribution) from the words after or before a quotation."""
    inner = text[span.inner_start : span.inner_end].rstrip()
    if span.closed:
        m = DASH_SIGNATURE.match(text, span.end, para[1])
        if m:
            speaker = speaker_of(m.group("speaker"), people, span.start, slot=True)
            if speaker.kind == "unnamed":  # a description signs only with a noun that speaks
                speaker = speaker_of(m.group("speaker"), people, span.start)
            if speaker.kind in ("person", "organisation", "unnamed"):
                return speaker, "—", m.end()
    # A quotation ending with a full stop ends its sentence: what follows is no attribution.
    if span.closed and not inner.endswith("."):
        after = text[span.end : min(para[1], span.end + 300)]
        after = re.split(r"[“\"]|''|``", after, maxsplit=1)[0]
        for n, pattern in enumerate(AFTER):
            m = pattern.match(after)
            if not m or re.match(r"\s*:\s*$", after[m.end() :]):
                continue  # '..." Hicks said: "...': the attribution introduces the next quotation
            if (
                inner.endswith(("?", "!"))
                and m.group("speaker").split()[:1] in (["He"], ["She"], ["The"])
                and not WORD_THEN_VERB.match(after)
            ):
                continue  # a new sentence after a question or exclamation
            speaker = speaker_of(
                m.group("speaker"), people, span.start, after_verb=n in VERB_FIRST, slot=n in SPEAKER_SLOT
            )
            speaker = _apposition(m, speaker, people, span.start)
            if speaker.kind:
                cue = _cue(m.group("verb"), m.groupdict().get("object") or "", people)
                return speaker, cue, span.end + m.end()
    if span.closed and not text[span.end : para[1]].strip(" .,;:!?”\"'’"):
        # A quotation ending its paragraph, signed on the next line: "-Michelle Marks, Philadelphia."
        m = SIGNATURE.match(text, para[1])
        if m:
            speaker = speaker_of(m.group("speaker"), people, span.start, slot=True)
            if speaker.kind in ("person", "organisation"):
                return speaker, "—", m.end()
    start = max(para[0], min(first.start, span.start))
    before = _unquoted_before(text, start, span.start)
    led = False  # the words before are the sentence before the quotation's
    if not before.strip():
        # Nothing before the mark in its sentence: the sentence before may introduce the quotation
        # ("Stated Brandt:" ending the paragraph before, "Ana Ruiz said in a statement. “...").
        end = len(text[: span.start].rstrip())
        if text[:end].endswith((":", ".")):
            line = text.rfind("\n", 0, end) + 1
            start = max([line] + [m.end() for m in LAST_SENTENCE.finditer(text, line, end)])
            lead = text[start:end]
            if not QUOTED.search(lead):
                before = lead + " "
                led = True
    # The shortest clause before the mark that reads "<speaker> <verb> ...": try the nearest first.
    starts = sorted({b.end() for b in BOUNDARY.finditer(before)}, reverse=True)
    # Tried in order, each only when those before it gave no speaker.
    candidates = itertools.chain(
        (BEFORE.match(before, pos) for pos in starts),
        (p.search(before) for p in (ACCORDING, INVERTED, COLON, SAID_SENTENCE, POSSESSIVE_COLON)),
        (NAMED_PARTICIPLE.match(before, pos) for pos in starts),
    )
    for m in candidates:
        if m is None:
            continue
        colon = m.re is COLON
        if colon and (len(m.group("speaker").split()) > 6 or m.group("speaker").split()[0] in INVERTED_VERBS):
            continue
        gap = (m.groupdict().get("gap") or "").split()
        if n_words < FULL_QUOTE_WORDS and len(gap) > MAX_GAP_WORDS:
            continue
        if gap and m.group("verb") in NAMING_VERBS:
            continue  # 'called it the festival's “best opening”': a characterisation, not a quotation
        inner_speech = (
            INNER_SPEECH.search(" ".join([m.groupdict().get("object") or "", *gap])) if gap else None
        )
        if inner_speech:
            # 'Police said the boy was shouting “come back”': not the police's; 'the report says Vale
            # answered, “...”': Vale's.
            said = speaker_of(inner_speech.group("name") or "", people, span.start, slot=True)
            if said.kind == "person":
                return said, inner_speech.group("verb"), span.end
            return NOBODY, "", span.end
        speaker = speaker_of(m.group("speaker"), people, span.start, slot=m.re is BEFORE)
        speaker = _apposition(m, speaker, people, span.start, ("unnamed",))
        if speaker.kind == "unnamed" and m.groupdict().get("verb") in NAMING_VERBS:
            continue  # 'a host of other pills called “...”': what is named, not who speaks
        if speaker.kind:
            cue = ":" if colon else _cue(m.group("verb"), m.groupdict().get("object") or "", people)
            return speaker, cue, span.end
    if led and n_words >= FULL_QUOTE_WORDS and inner.lstrip("“\"'‘ ")[:1].isupper():
        # A quoted statement standing alone after a sentence of reported speech is its speaker's:
        # "Baker lamented that the death forced him to talk to his son. ¶ “I told my son, …”".
        m = REPORTED.match(before)
        if m:
            speaker = speaker_of(m.group("speaker"), people, span.start, slot=True)
            if speaker.kind in ("person", "organisation", "pronoun"):
                return speaker, m.group("verb"), span.end
    relative = _relative_speaker(before, people, span.start, n_words)
    if relative is not None:
        return relative[0], relative[1], span.end
    for pattern in (PARTICIPLE, COORDINATED, COLON_VERB):
        m = pattern.search(before)
        if m is None or len((m.group("gap") or "").split()) > MAX_GAP_WORDS:
            continue
        if pattern is COLON_VERB and not inner[:1].isupper():
            continue
        speaker = _sentence_subject(text, start, span.start, people)
        if speaker.kind:
            return speaker, ":" if pattern is COLON_VERB else m.group("verb"), span.end
    # The sentence's subject, when a word of speech stands between it and the quotation: "Hicks
    # himself said Tuesday that “...”", "... before saying, “...”", "she told the mayors who gathered
    # in Elton, “...”", "her March comment that “...”".
    speech = max(SPEECH_WORD.finditer(before), key=lambda m: m.start(), default=None)
    gap = before[speech.end() :].split() if speech is not None else []
    naming = speech is not None and speech.group() in NAMING_VERBS | {"calling"} and gap
    if speech is not None and len(gap) <= MAX_SUBJECT_GAP_WORDS and not naming:
        # The verb's own subject when a name stands right before it ("Trump, Sexton said, has ..."),
        # else the sentence's.
        own = NAME_BEFORE_VERB.search(before, 0, speech.start())
        # A possessive before a speech noun names its speaker ("Hegseth’s remarks").
        owner = re.sub(r"['’]s?$", "", own.group("speaker")) if own else ""
        speaker = speaker_of(owner, people, span.start) if owner else NOBODY
        mine = POSSESSIVE_PRONOUN.search(before, 0, speech.start())
        if (
            speaker.kind not in ("person", "organisation", "pronoun")
            and mine
            and speech.group() in SPEECH_NOUNS
        ):
            speaker = Speaker(
                "", "he" if mine.group(1).lower() == "his" else "she", "pronoun"
            )  # "her comment"
        if speaker.kind not in ("person", "organisation", "pronoun"):
            speaker = _sentence_subject(text, start, span.start, people)
        if speaker.kind and not (speaker.kind == "unnamed" and speech.group() in NAMING_VERBS):
            return speaker, speech.group(), span.end
    return NOBODY, "", span.end


# Someone else speaking inside the reported clause, right before the quotation: "... the boy was
# shouting “...”", "... says Vale answered, “...”" (not "Vale said he screamed: “...”": Vale).
INNER_SPEECH = re.compile(
    r"\b(?:was|were|is|are|kept|began|started)\s+(?:\w+ly\s+)?(?:shouting|yelling|screaming|crying|saying|"
    r"calling|chanting|singing|telling|asking|begging|pleading|whispering|muttering|repeating)\b"
    r"|\b(?P<name>[A-Z][\w’'-]+)\s+(?P<verb>answered|replied|responded|shouted|yelled|screamed|"
    r"whispered|cried|asked)\b"
)


# "..., who said, “", "the Herald report, which notes, “": a relative clause whose verb introduces it.
RELATIVE = re.compile(
    rf",\s+(?P<pronoun>who|which)(?:\s+\w+ly)?\s+{VERB}\b{OBJECT}(?P<gap>(?:\s+[\w’'.-]+){{0,8}}?)[\s,:—-]*$"
)
# The last noun phrase that opens with an article: "cited [the Herald report]".
RELATIVE_DETERMINER = re.compile(
    r"\b(?:[Tt]he|an?|An?)\s+(?:(?!(?:[Tt]he|an?|An?)\s)[\w’'&.-]+\s+){0,5}[\w’'&.-]+$"
)


def _relative_speaker(before: str, people: People, position: int, n_words: int) -> tuple[Speaker, str] | None:
    """(speaker, cue) when the words before a quotation end with a relative clause of speech: "who"
    stands for the nearest person named before it in the sentence (appositions between them:
    "Ada Hicks of Elton, the panel's chair, who said"), "which" for the noun phrase right before
    it ("the Herald report, which notes")."""
    m = RELATIVE.search(before)
    if m is None or (n_words < FULL_QUOTE_WORDS and len(m.group("gap").split()) > MAX_GAP_WORDS):
        return None
    lead = re.split(r"[.!?:;]\s", before[: m.start()])[-1]
    cue = _cue(m.group("verb"), m.groupdict().get("object") or "", people)
    if m.group("pronoun") == "who":
        runs = list(LONG_NAME_RUN.finditer(lead)) + list(NAME_RUN.finditer(lead))
        for run in sorted(runs, key=lambda r: -r.end()):
            speaker = speaker_of(run.group(), people, position, after_verb=True)
            if speaker.kind == "person":
                return speaker, cue
        phrase = lead.rsplit(",", 1)[-1]
    else:
        phrase = lead.rsplit(",", 1)[-1]
        np = RELATIVE_DETERMINER.search(phrase)
        phrase = np.group() if np else phrase
    speaker = speaker_of(phrase, people, position)
    return (speaker, cue) if speaker.kind in ("person", "organisation", "unnamed") else None


def _apposition(
    m: re.Match[str],
    speaker: Speaker,
    people: People,
    position: int,
    kinds: tuple[str, ...] = ("", "unnamed"),
) -> Speaker:
    """The name in an apposition after a description (of one of `kinds`): "Ms. Merkel's spokesman,
    Steffen Seibert, wrote" -> Steffen Seibert (the speaker unchanged when there is none)."""
    appos = m.groupdict().get("appos")
    if appos and speaker.kind in kinds:
        named = speaker_of(appos, people, position, after_verb=True)
        if named.kind in ("person", "organisation"):
            return Speaker(named.name, f"{m.group('speaker')}, {appos}", named.kind)
    return speaker


def _label(inner: str, people: People) -> re.Match[str] | None:
    """A title-case speaker label opening a quotation ("Gann: I think ..."), when the article names
    that person (or organisation) outside quotations too."""
    m = LABEL.match(inner)
    if m is None or m.group("speaker").lower() in NOT_NAMES:
        return None
    return m if people.resolve(m.group("speaker")) else None


# Words that name what follows rather than quote it: 'a game of “cats and mice”', 'the word “zowie”',
# 'a woman described as a “government lawyer”' (by no one the sentence names).
NAMED_BEFORE = re.compile(
    r"(?:\b(?:game|games|word|term|phrase|slogan|label|nickname|motto|hashtag|sign|banner)\s+"
    r"(?:of\s+|reading\s+|saying\s+)?(?:the\s+|a\s+)?"
    r"|\bplay(?:s|ed|ing)?\s+(?:a\s+game\s+of\s+)?"
    r"|\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?[a-z][\w-]*\s+(?:described|identified|referred\s+to|billed|known|"
    r"labell?ed|branded|dubbed|touted)\s+as\s+(?:an?\s+|the\s+)?)$"
)


TITLE_SMALL_WORDS = frozenset(
    ("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "vs")
)
# "I'm from Elton", "That's home": a pronoun's contraction opens no title.
CONTRACTION_OF_PRONOUN = re.compile(
    r"\b(?:I|you|we|they|he|she|it|that|there|what|who)[’'](?:m|re|ll|ve|d|s)\b|n[’']t\b", re.I
)


def _a_title(quote: str) -> bool:
    """A short quoted stretch in title case: "Harbour Tonight", "Vale Street Blues" (a work's or a
    place's name, not a quotation; "Yes, I did" is none)."""
    tokens = re.findall(r"[^\W\d_][\w’'-]*", quote)
    return (
        len(tokens) >= 2
        and not quote.rstrip("”\"’' ").endswith(("!", "?"))  # "What a Super Tuesday!": an exclamation
        and "," not in quote  # "Thanks, Evan."
        and not CONTRACTION_OF_PRONOUN.search(quote)
        and tokens[0][:1].isupper()
        and all(t[:1].isupper() or t in TITLE_SMALL_WORDS for t in tokens)
        and any(t[:1].isupper() and t != "I" for t in tokens[1:])
    )


def find_quotes(ctx: TopicContext, keep_unattributed: bool = False) -> list[Found]:
    found: list[Found] = []
    for article in ctx.articles:
        text = article.text
        sentences = ctx.sentences.get(article.id, ())
        people = ctx.people[article.id]
        paragraphs = _paragraphs(text)
        named: list[Named] | None = None  # everyone the article names, found when a pronoun needs it
        known: dict[str, str] = {}  # their genders
        quoted: frozenset[int] | None = None  # the paragraphs that are all quotation
        rows: list[list] = []
        names: set[int] = set()  # rows that are titles or names, not quotations
        for span in people.spans:
            inner = text[span.inner_start : span.inner_end]
            transcript = TRANSCRIPT.match(inner.lstrip()) or _label(inner.lstrip(), people)
            if transcript:
                skip = len(inner) - len(inner.lstrip()) + transcript.end()
                span = Span(
                    span.start, span.end, span.inner_start + skip, span.inner_end, span.closed, span.paragraph
                )
            quote = text[span.inner_start : span.inner_end].strip().rstrip(",").strip()
            n_words = len(words(quote))
            covering = _sentences_covering(sentences, span.start, span.end)
            if n_words < MIN_QUOTE_WORDS or not covering:
                continue
            # A title ('on “Harbour Tonight”') or a name ('a game of “cats and mice”') is no
            # quotation; kept until the end so that quotations after it go on with its speaker.
            named_only = n_words < FULL_QUOTE_WORDS and bool(
                _a_title(quote)
                or NAMED_BEFORE.search(text, max(covering[0].start, span.start - 80), span.start)
            )
            if transcript:
                label = _named(transcript.group("speaker"), [], people, False)
                speaker = Speaker(label[0], transcript.group("speaker"), label[1]) if label else NOBODY
                cue, attribution_end = ":", span.end
            else:
                speaker, cue, attribution_end = _attribute(
                    text, span, n_words, covering[0], paragraphs[span.paragraph], people
                )
            if speaker.kind == "pronoun":
                if named is None:
                    named = named_people(text, people)
                    known = {n.name: n.gender for n in named if n.gender}
                speakers = [
                    Named(row[6], row[4].name, _gender(row[4].name, people, known), True, True, end=row[6])
                    if row[4].kind == "person"
                    else Named(
                        row[6], row[4].name, _described_gender(row[4].name), True, True, row[6], "unnamed"
                    )
                    for row in rows
                    if row[4].kind == "person" or row[4].kind == "unnamed" and _someone(row[4].name)
                ]
                # A pronoun before the quotation stands where it is printed ('He wrote that Trump “...”').
                at = _last_word(text, speaker.text, covering[0].start, span.start)
                position = at if at >= 0 and not people._in_quote(at) else span.start
                if quoted is None:
                    quoted = _quoted_paragraphs(text, sentences, people)
                if speaker.text.lower() == "it":
                    name = _organisation_antecedent(position, people, sentences, quoted)
                    speaker = Speaker(name, speaker.text, "organisation") if name else NOBODY
                else:
                    printed = (
                        position
                        if position != span.start
                        else _first_word(text, speaker.text, span.end, attribution_end)
                    )
                    name, kind = _antecedent(
                        position, speaker.text, named, sentences, speakers, quoted, printed
                    )
                    speaker = Speaker(name, speaker.text, kind) if name else NOBODY
            # Where the speaker stands, for later pronouns: the name or pronoun as printed.
            where = _printed_at(text, speaker.text, span, covering[0].start, attribution_end, people)
            if attribution_end > covering[-1].end:
                covering = _sentences_covering(sentences, span.start, attribution_end)
            rows.append([span, quote, n_words, covering, speaker, cue, where])
            if named_only:
                names.add(id(rows[-1]))
        # Continuations: forward ('"A," he said. "B."'), then back (a quotation left open at the end
        # of a paragraph, attributed in the next one).
        for i in range(1, len(rows)):
            if rows[i][4].name:
                continue
            # The last attributed quotation before it; a short title in between ("Shark Tank") is skipped.
            k = i - 1
            while k > 0 and not rows[k][4].name and rows[k][2] < FULL_QUOTE_WORDS and rows[k][0].closed:
                k -= 1
            if rows[k][4].name:
                rows[i][4], rows[i][5] = _continued(text, rows[k], rows[i][0])
        for i in range(len(rows) - 2, -1, -1):
            span, nxt = rows[i][0], rows[i + 1]
            if (
                not rows[i][4].name
                and not span.closed
                and nxt[4].name
                and nxt[0].paragraph == span.paragraph + 1
                and nxt[0].start == paragraphs[nxt[0].paragraph][0]
            ):
                rows[i][4], rows[i][5] = nxt[4], nxt[5]
        # A quoted sentence with no attribution of its own, after a quotation attributed earlier in
        # the same paragraph, is that speaker's too ('“A,” she said. “B.” Then: “C.”').
        last = None
        for row in rows:
            if row[4].name:
                last = row
            elif (
                last is not None
                and row[0].paragraph == last[0].paragraph
                and row[2] >= FULL_QUOTE_WORDS
                and row[1][:1].isupper()
            ):
                row[4], row[5] = last[4], last[5]
        for _, quote, n_words, covering, speaker, cue, _ in (row for row in rows if id(row) not in names):
            if not speaker.name:
                if not keep_unattributed:
                    continue
                speaker = UNKNOWN
            first, last = covering[0], covering[-1]
            src = Source(article.id, text[first.start : last.end], first.start, last.end)
            found.append(Found(quote, speaker, cue, src, n_words >= FULL_QUOTE_WORDS))
    return found


def _gender(name: str, people: People, known: dict[str, str]) -> str:
    return people.gender.get(name) or known.get(name) or gender_of_name(name)


def _printed_at(text: str, printed: str, span: Span, start: int, end: int, people: People) -> int:
    """Where a speaker phrase is printed next to its quotation (the quotation's start when unknown)."""
    if printed:
        after = text.find(printed, span.end, end) if end > span.end else -1
        if after >= 0:
            return after
        before = text.rfind(printed, start, span.start)
        if before >= 0 and not people._in_quote(before):
            return before
    return span.start


@dataclass(frozen=True)
class Named:
    """A person named (or quoted) at `start`, outside quotations, with the gender the text gives."""

    start: int
    name: str
    gender: str
    subject: bool
    speaker: bool = False  # the subject of a speech verb ("Sexton said", "said Sexton")
    end: int = 0
    kind: str = "person"  # or "unnamed": a description that spoke earlier ("a senior official said")


SURNAME = re.compile(r"(?=[A-Z])(?<![\w’'-])([A-Z][a-z][\w’'-]*?)(?:['’]s)?\b(?![\w’'-]| [A-Z])")
SURNAME_SHAPE = re.compile(r"[A-Z][a-z][\w’'-]*")


def _surnames(by_surname: dict[str, set[str]]) -> re.Pattern[str]:
    """SURNAME for the words of `by_surname` only (a scan that skips every other capitalised word)."""
    known = sorted((w for w in by_surname if SURNAME_SHAPE.fullmatch(w)), key=lambda w: (-len(w), w))
    alternatives = "|".join(map(re.escape, known)) or "(?!)"
    return re.compile(rf"(?=[A-Z])(?<![\w’'-])({alternatives})(?:['’]s)?\b(?![\w’'-]| [A-Z])")


# The word before a surname alone: a capitalised one makes the surname the end of a longer name ("Rahm
# Emanuel", "Garry F. Emanuel"), unless it is a title or a word that opens a sentence ("But Emanuel").
WORD_BEFORE = re.compile(r"(?:^|(?<=\s))([\w.’'-]+) $")
HONORIFIC_NAME = WordStart(r"(?P<hon>Mr|Mrs|Ms|Miss)\.?\s+(?P<name>[A-Z][\w’'-]+?)(?:['’]s)?\b(?![\w’'-])")


SHARED_SURNAME = re.compile(
    r"(?=[A-Z])(?<![\w’'-])(?P<first>[A-Z][a-z]+) and (?P<full>[A-Z][a-z]+ [A-Z][\w’'-]+)"
)


def named_people(text: str, people: People) -> list[Named]:
    """Everyone the article names outside quotations, in order: the registry's mentions, full names
    it does not hold ("Juan Manriquez"), "Mr./Ms. Surname", surnames alone and one-word names the text
    treats as a person's ("President Vale", "Vale said")."""
    found: dict[int, Named] = {}

    def gender(name: str) -> str:
        return people.gender.get(name) or gender_of_name(name)

    persons: dict[str, str] = {}  # a run of capitalised words -> the person it names ('' for none)

    def person(run: str) -> str:
        if run not in persons:
            tokens = _without_date(_strip_titles(run)).split()
            while len(tokens) > 2 and tokens[0].lower() in DEMONYMS:
                tokens.pop(0)  # "Republican Christine Todd Whitman"
            name = " ".join(tokens)
            plain = " ".join(t for t in tokens if not INITIALS.fullmatch(t))  # "Richard J. Dorran"
            if len(plain.split()) >= 2 and looks_like_person(plain) and not looks_like_org(name):
                name = people.resolve(name) or _drop_leading_word(name)
                persons[run] = people.resolve(name) or name
            else:
                persons[run] = ""
        return persons[run]

    def add(start: int, end: int, name: str, g: str) -> None:
        found[start] = Named(start, name, g, people._is_subject(text, start, end), end=end)

    # Names the text only uses as places or things ("In West Elton, where", "build a Great Wall").
    place_only: dict[str, bool] = {}
    runs = []
    masked = NICKNAME.sub(lambda m: " " * len(m.group()), text)  # 'Juan "Chico" Manriquez'
    for m in LONG_NAME_RUN.finditer(masked):
        run = " ".join(m.group().split())
        first = run.split()[0]
        if first in LOCATIVE_WORDS:  # "In West Elton": the preposition starts the run
            run = run.removeprefix(first).strip()
        name = person(run)
        if (
            not name
            or _acronym_follows(text, m.group(), m.end())
            or people._in_quote(m.start())
            or text[m.start() - 1 : m.start()] in ("`", "‘")  # a title in single marks: `Old McDonald'
        ):
            continue  # "Transatlantic Trade and Investment Partnership (TTIP)": an organisation's name
        place = (
            first in LOCATIVE_WORDS
            or LOCATIVE.search(text, max(0, m.start() - 12), m.start()) is not None
            or STATE_AFTER.match(text, m.end()) is not None  # "of Elton Falls, La.,"
        )
        place_only[name] = place_only.get(name, True) and place
        if not _attributive(text, m.end()):
            runs.append((m.start(), m.end(), name))
    for start, end, name in runs:
        if not place_only[name]:
            add(start, end, name, gender(name))
    # "Ada and Jon Vale": a given name before "and" and a full name shares its surname.
    for m in SHARED_SURNAME.finditer(text):
        first = m.group("first")
        if (
            first in given_names()
            and not people._in_quote(m.start())
            and person(m.group("full"))
            # Not a surname ("Warren and Jon Vale" after "Ada Warren" or "Sen. Warren").
            and not re.search(rf"[A-Z][\w.’'-]* {first}(?![\w’'-])", text)
        ):
            name = f"{first} {m.group('full').split()[-1]}"
            add(m.start(), m.end("first"), name, gender_of_name(name))
    for m in HONORIFIC_NAME.finditer(text):
        if people._in_quote(m.start()) or _attributive(text, m.end()):
            continue
        want = "m" if m.group("hon") == "Mr" else "f"
        name = people.resolve(m.group("name"))
        if not name or gender(name) not in (want, ""):
            name = m.group("name")
        add(m.start(), m.end("name"), name, want)
    # The gender the text gives a name anywhere ("Mr. Vale") holds wherever it stands alone.
    genders: dict[str, set[str]] = defaultdict(set)
    for n in found.values():
        genders[n.name].add(n.gender)

    def gender_of(name: str) -> str:
        given = genders.get(name, set()) - {""}
        return next(iter(given)) if len(given) == 1 else gender(name)

    # A surname alone ("Mendoza said") stands for the one full name ending with it, or for itself when
    # the article names two ("Clinton"); a one-word name for itself ("President Vale", "Vale said").
    by_surname: dict[str, set[str]] = defaultdict(set)
    for n in found.values():
        by_surname[n.name.split()[-1]].add(n.name)
    for word, start, end in _one_word_names(text, people, by_surname):
        by_surname[word].add(word)
        if start >= 0 and start not in found and not _attributive(text, end):
            add(start, end, word, gender_of(word))
    for m in _surnames(by_surname).finditer(text):
        names = by_surname.get(m.group(1))
        if (
            not names
            or m.group(1) in places()
            or m.start() in found
            or people._in_quote(m.start())
            or _attributive(text, m.end())
        ):
            continue  # "Vale supporters cheered": the supporters are the subject
        before = WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before and before.group(1)[:1].isupper() and not _opens_or_titles(before.group(1)):
            continue
        name = next(iter(names)) if len(names) == 1 else m.group(1)
        if (
            before
            and not before.group(1)[:1].isupper()
            and not gender_of(name)
            and (m.end(1) < m.end() or not people._is_subject(text, m.start(), m.end()))
        ):
            continue  # after a word, one of unknown gender only as a subject ("and Vale fired")
        add(m.start(), m.end(1), name, gender_of(name))
    # "his wife, Jane, called ...": a first name alone, introduced by a family word.
    for m in FAMILY_NAME.finditer(text):
        if m.start("name") not in found and not people._in_quote(m.start()):
            g = gender_of_words(m.group("noun")) or gender_of_name(m.group("name"))
            add(m.start("name"), m.end("name"), m.group("name"), g)
    for mention in people.mentions:
        if mention.start not in found and not _attributive(text, mention.end):
            found[mention.start] = Named(
                mention.start, mention.person, gender(mention.person), mention.subject, end=mention.end
            )
    voted, contrary = _voted_genders(text, people, found)
    for start, n in found.items():
        if not n.gender and voted.get(n.name):
            n = found[start] = Named(n.start, n.name, voted[n.name], n.subject, end=n.end)
        elif n.name in contrary and n.name.split()[0] not in text[n.start : n.end].split():
            # "Marty Vale ... Vale lost. She said she ...": the surname alone is a woman, perhaps
            # another Vale ("Michelle Vale ... Vale said his ...").
            surname = n.name.split()[-1]
            n = found[start] = Named(n.start, surname, contrary[n.name], n.subject, end=n.end)
        if (
            SPEAKS_AFTER.match(text, n.end)
            or SAID_BEFORE.search(text, max(0, start - 16), start)
            and text[n.end : n.end + 2] not in ("'s", "’s")  # "said Vale's aide": the aide speaks
        ) and not SUBORDINATE.search(text, max(0, start - 40), start):
            found[start] = Named(n.start, n.name, n.gender, n.subject, True, end=n.end)
    return sorted(found.values(), key=lambda n: n.start)


MALE_PRONOUNS = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself)\b")
FEMALE_PRONOUNS = re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")


def _voted_genders(
    text: str, people: People, found: dict[int, Named]
) -> tuple[dict[str, str], dict[str, str]]:
    """The gender of names the text gives none ("Vale"), from the pronouns outside quotations after
    them in the sentences whose subject is that one person and that name nobody else ("Vale broke
    ranks with his party"; not "Her aides say she backs Vale"), and from a pronoun opening the next
    sentence of the paragraph ("Vale lost. She said ..."); and the names whose gender only their given
    name gives ("Marty Vale") but two such pronouns the other, none their own: {name: that gender}."""
    unknown = {n.name for n in found.values() if not n.gender}
    by_name = {
        n.name: n.gender for n in found.values() if n.gender and _name_gender_only(n.name, n.gender, people)
    }
    if not unknown and not by_name:
        return {}, {}
    starts = sorted(found)
    surnames = {n.name.split()[-1] for n in found.values()}
    votes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    sentences = people.sentences
    for k, (start, end, paragraph) in enumerate(sentences):
        here = [found[i] for i in starts[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]]
        if len({n.name for n in here}) != 1 or not here[0].subject:
            continue
        name = here[0].name
        if name not in unknown and name not in by_name:
            continue
        unquoted = QUOTED.sub(" ", text[here[0].end : end])
        if surnames & set(re.findall(r"[A-Z][\w’'-]+", QUOTED.sub(" ", text[start:end]))) - set(name.split()):
            continue  # "If Vale, who ..., expects more, Hicks says, she ...": someone else is named there
        votes[name][0] += len(MALE_PRONOUNS.findall(unquoted))
        votes[name][1] += len(FEMALE_PRONOUNS.findall(unquoted))
        if k + 1 < len(sentences) and sentences[k + 1][2] == paragraph:
            after, stop = sentences[k + 1][:2]
            if OPENING_PRONOUN.match(text, after, stop):
                # Its pronouns up to the next name: "She said she'd rather see Ada Hicks win".
                i = bisect.bisect_left(starts, after)
                stop = min(stop, starts[i]) if i < len(starts) else stop
                unquoted = QUOTED.sub(" ", text[after:stop])
                votes[name][0] += len(MALE_PRONOUNS.findall(unquoted))
                votes[name][1] += len(FEMALE_PRONOUNS.findall(unquoted))
    out = {name: "m" if m > f else "f" for name, (m, f) in votes.items() if m != f and name in unknown}
    contrary = {}
    for name, gender in by_name.items():
        m, f = votes.get(name, (0, 0))
        if (gender, m, f) in (("m", 0, f), ("f", m, 0)) and max(m, f) >= 2:
            contrary[name] = "f" if gender == "m" else "m"
    return out, contrary


def _name_gender_only(name: str, gender: str, people: People) -> bool:
    """Whether a name's gender is only the one its given name most often has (no role or honorific)."""
    return name in people.name_gender or name not in people.gender and gender_of_name(name) == gender


# A pronoun opening a sentence as its subject ("She said ...", "But he ...").
OPENING_PRONOUN = re.compile(r"\W*(?:(?:But|And|Then|So|Yet|Still|Later|Now|Also),?\s+)?(He|She)\b")


def _opens_or_titles(word: str) -> bool:
    """Whether a capitalised word before a surname is no part of the name: a title ("Mayor", "Sen.") or
    a word that opens a sentence or clause ("But", "When")."""
    lowered = word.lower().rstrip(".")
    return lowered in TITLE_SET or lowered in NOT_NAMES or lowered in CLAUSE_WORDS


# A nickname in quotation marks inside a name: 'Juan "Chico" Manriquez'.
NICKNAME = re.compile(r"\s+[“\"][A-Z][\w’'-]*[”\"](?=\s+[A-Z])")
# A one-word name after a title ("President Vale", "Sen. Vale"), or right before or after a speech
# verb ("Vale said", "said Vale").
ONE_WORD = r"(?P<word>[A-Z][a-z][\w’'-]*?)(?:['’]s)?"
TITLED_WORD = re.compile(
    rf"(?=[A-Zscl])(?<![\w.’'-])(?:{TITLE_WORDS}|Mr\.|Mrs\.|Ms\.)\s+{ONE_WORD}\b(?!\s+[A-Z]|[\w’'-])"
)
# A subordinating word right before a name, a title between them allowed: "When President Vale asked".
SUBORDINATE = re.compile(
    r"\b(?:[Ww]hen|[Aa]s|[Aa]fter|[Bb]efore|[Ww]hile|[Ii]f|[Bb]ecause|[Ss]ince|[Aa]lthough|[Uu]ntil|[Oo]nce|"
    r"[Ww]hether)\s+(?:[A-Z][\w.]*\s+){0,2}$"
)
# A name used as a modifier: "Vale supporters", "the Vale campaign".
ATTRIBUTIVE = re.compile(
    r"\s+(?:supporters?|campaign|rally|rallies|administration|team|voters?|aides?|officials|fans|critics|"
    r"allies|backers|surrogates|loyalists|foundation|organization|university|event|events|camp|era|"
    r"presidency|doctrine|policies|plan|plans|victory|win|spokesman|spokeswoman|adviser|advisers|"
    r"staff|staffers|family|children|voice|effect|factor|card|brand|name|speech|tower|hotel|hotels)\b"
)


def _attributive(text: str, end: int) -> bool:
    return ATTRIBUTIVE.match(text, end) is not None


def _one_word_names(text: str, people: People, by_surname: dict[str, set[str]]) -> list[tuple[str, int, int]]:
    """Capitalised words the text uses as a person's one-word name, with where a title names them:
    after a person's title, or as the subject or object of a speech verb, when they are no place,
    organisation or common noun."""
    found: list[tuple[str, int, int]] = []
    words: set[str] = set()
    checked: dict[str, bool] = {}  # a word -> whether it can be a name at all
    proper: dict[str, bool] = {}  # a word -> whether the text capitalises it inside a sentence
    for pattern, m in _one_word_evidence(text):
        word = m.group("word")
        if word in by_surname or people._in_quote(m.start()):
            continue
        if word not in checked:
            checked[word] = _may_be_name(word, text, people)
        if not checked[word]:
            continue
        if pattern is CAPITALISED_WORD and not AFTER_QUOTE_COMMA.search(
            text, max(0, m.start() - 4), m.start()
        ):
            if word not in proper:
                proper[word] = people.is_proper(word)
            if not proper[word]:
                continue  # capitalised only where a sentence starts ("Critics said")
        words.add(word)
        if pattern is TITLED_WORD:
            found.append((word, m.start(), m.end("word")))
    return found + [(w, -1, -1) for w in sorted(words)]


def _may_be_name(word: str, text: str, people: People) -> bool:
    lowered = word.lower()
    return not (
        lowered in NOT_NAMES
        or lowered in SPEAKING_NOUNS
        or lowered in ORG_WORDS
        or lowered in PLACE_WORDS
        or lowered in TITLE_SET
        or lowered in DEMONYMS
        or lowered.removesuffix("s") in DEMONYMS
        or word in places()
        or word in ORG_NAMES
        or lowered in SPEECH_VERB_SET
        or re.search(r"[a-z]{3}[A-Z]", word)
        or people.resolve(word)
        or _place_only(text, word, people)
    )


def _one_word_evidence(text: str) -> list[tuple[re.Pattern[str], re.Match[str]]]:
    """Capitalised words after a person's title, then those next to a speech verb ("Vale said", "said
    Vale"), each checked where it stands (a scan of the text for every speech verb costs too much)."""
    out: list[tuple[re.Pattern[str], re.Match[str]]] = [(TITLED_WORD, m) for m in TITLED_WORD.finditer(text)]
    for m in CAPITALISED_WORD.finditer(text):
        start, end = m.start(), m.end()
        before = text[max(0, start - 2) : start]
        if before.endswith(" "):
            previous = text[max(0, start - 16) : start].split()
            if (
                previous
                and previous[-1] in SPEECH_VERB_SET
                and not FOLLOWED_BY_NAME.match(text, m.end("word"))
            ):
                out.append((CAPITALISED_WORD, m))  # "said Vale"
                continue
            if before[:1].isalnum() or before[:1] in ".’'-":
                continue  # after a word ("the Vale plan"): only a verb before it counts ("said Vale")
        after = text[end : end + 30].split(maxsplit=2)
        if after and after[0].endswith("ly") and len(after) > 1:
            after = after[1:]
        if after and after[0].rstrip(",.;:") in SPEECH_VERB_SET:
            out.append((CAPITALISED_WORD, m))  # "Vale said"
    return out


CAPITALISED_WORD = re.compile(r"(?=[A-Z])(?<![\w’'-])(?P<word>[A-Z][a-z][\w’'-]*?)(?:['’]s)?\b(?![\w’'-])")
FOLLOWED_BY_NAME = re.compile(r"\s+[A-Z]|[\w’'-]")


def _place_only(text: str, word: str, people: People) -> bool:
    """Whether the text puts a word after "in", "at", "near" ... wherever it stands alone."""
    spots = [
        m.start()
        for m in re.finditer(rf"(?<![\w’'-]){re.escape(word)}\b", text)
        if not people._in_quote(m.start())
    ]
    return bool(spots) and all(LOCATIVE.search(text, max(0, at - 12), at) for at in spots)


# '...,” Vale said': the word after a quotation closed on a comma is no sentence's first word.
AFTER_QUOTE_COMMA = re.compile(r"[,—-](?:[”\"]|'')\s+$")
SPEECH_VERB_SET = frozenset(SPEECH_VERBS.split("|"))


LOCATIVE = re.compile(r"\b(?:in|at|near|across|outside|inside|throughout|a|an|the)\s+$", re.I)
LOCATIVE_WORDS = frozenset(("In", "At", "Near", "Across", "Outside", "Inside", "Throughout"))
# A US state after a name and a comma: the name is a town's ("Elton Falls, La.", "Vale City, Texas,").
STATE_AFTER = re.compile(rf",\s+(?:{STATE_FORM})(?:(?<=\.)|(?=\s*[,.;:)]))")


FAMILY_NAME = re.compile(
    r"(?=[HhTt])\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?P<noun>wife|husband|daughter|son|mother|father|sister|brother|"
    r"grandmother|grandfather|aunt|uncle|niece|nephew|widow|partner),\s+(?P<name>[A-Z][a-z]+),"
)
ACRONYM = re.compile(r"(?:\s+(?:and|of|for|&|the|[A-Z][\w-]*)){0,6}\s+\((?P<acronym>[A-Z]{2,8})\)")


def _acronym_follows(text: str, run: str, end: int) -> bool:
    """Whether the name run is the start of a name spelled out by the acronym in brackets after it."""
    m = ACRONYM.match(text, end)
    if m is None:
        return False
    initials = "".join(w[0] for w in run.split() if w[:1].isupper())
    return m.group("acronym").startswith(initials)


SPEAKS_AFTER = re.compile(
    rf"(?:\s+[A-Z][\w’'.-]*)*\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})\b"
    # "Ada Hicks of Elton, the party's chairwoman, who said ...": a relative clause after an apposition.
    rf"|(?:\s+of(?:\s+[A-Z][\w’'.-]*)+)?(?:,\s+[^,.;:!?“”\"\n]{{1,100}})?,\s+who\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})\b"
)
# ", said Vale" and '..." said Vale' name the speaker; elsewhere a name after a speech verb is its object
# or the subject of a reported clause ("Hicks said Vale was wrong", "recalled Vale giving her"); after a
# verb that takes a person as its object ("told Vale", "asked Vale") only a quotation right before the
# verb makes the name its speaker ('"Why?" asked Vale').
OBJECT_VERBS = (
    "told|tells|asked|asks|urged|called|described|labeled|labelled|hailed|warned|warns|promised|pledged|"
    "answered|pointed out"
)
SAID_BEFORE = re.compile(
    rf"(?:,\s+(?!(?:{OBJECT_VERBS})\b)(?:{SPEECH_VERBS})|[”\"’']\s+(?:{SPEECH_VERBS}))\s+$"
)
# A sentence whose subject is a pronoun ("He said ...", "In 2008, he wanted ..."): it goes on about
# someone named earlier.
PRONOUN_SUBJECT = re.compile(
    r"\W*(?:(?:But|And|Then|So|Yet|Still|Later|Now|Instead|Also),?\s+)?(?:[^,.;:!?“”\n]{1,60},\s+)?(he|she)\b",
    re.I,
)


def text_between(sentence: Sentence, start: int, end: int) -> str:
    """The words of a sentence between two offsets of its text (marks and spaces stripped)."""
    return sentence.text[start - sentence.start : end - sentence.start].strip(" \t\n“\"'‘")


def _antecedent(
    position: int,
    pronoun: str,
    named: list[Named],
    sentences: tuple[Sentence, ...],
    speakers: list[Named],
    quoted: frozenset[int] = frozenset(),
    printed: int = -1,
) -> tuple[str, str]:
    """The person a 'he'/'she' at `position` stands for: in the nearest sentence before it (this one
    first, then back over the paragraph and the two before it, not counting `quoted` paragraphs, all
    quotation) that names a person of that gender or of unknown gender, the one who speaks there,
    else the one in subject position, else any (the nearest in the pronoun's own sentence, the first
    in an earlier one); earlier quotations' speakers count as named where their attribution stands.
    A pronoun `printed` elsewhere (after its quotation) is no one it names in its own clause."""
    want = "m" if pronoun.lower() == "he" else "f"
    people = sorted(named + speakers, key=lambda n: n.start)
    starts = [n.start for n in people]
    others = _named_after_subject(printed if printed >= 0 else position, sentences, people, starts)
    fallback = ""  # a description opening a sentence, when nobody named fits
    chain = re.compile(rf"\b{pronoun.lower()}\b", re.I)
    for i, index, sentence in _sentences_back(position, sentences, quoted, chain):
        end = min(sentence.end, position)
        here = people[bisect.bisect_left(starts, sentence.start) : bisect.bisect_left(starts, end)]
        fits = [
            n
            for n in here
            if n.gender in (want, "")
            and n.name not in others
            # 'Vale “looked tired,” he said': the name the quotation goes on from is whom it is about.
            and not (
                i == index
                and printed > position
                and n.end > n.start
                and not text_between(sentence, n.end, position)
            )
        ]
        described = _described_subject(sentence, end, want)
        if described and not any(n.subject or n.speaker for n in fits):
            # "His mother told reporters ... “...,” she said": someone the article does not name. "The
            # prince served ...": most likely the person named before, else the description.
            if described.split()[0].lower() not in ("the", "this") and ANY_SPEECH_VERB.search(
                QUOTED.sub(" ", sentence.text[: end - sentence.start])
            ):
                return described, "unnamed"
            fallback = fallback or described
            continue
        if fallback:  # the description's person: one who speaks or is a subject before it
            fits = [n for n in fits if n.subject or n.speaker]
        if not fits:
            continue
        opener = PRONOUN_SUBJECT.match(sentence.text)
        if (
            opener
            and (opener.group(1).lower() == "he") == (want == "m")
            and (i < index or sentence.start + opener.end(1) <= position)
            and not any(n.speaker or n.subject and n.start < sentence.start + opener.start(1) for n in fits)
        ):
            # "He cited Ayn Rand's book", "But he said the policy Vale wrote fails": the pronoun's
            # person is named further back, unless one speaks or is the subject of a clause before it
            # ("After Vale lost, she said").
            continue
        # Someone who speaks there first ("..., Sexton said"), then a subject; in the pronoun's own
        # sentence the nearest, before it the first, unless the pronoun goes on after them there: then
        # the nearest to it ("Vale said ..., and Hicks says he's lost count. ¶ “...,” he said").
        nearest = i == index or any(
            m.start() > fits[-1].start - sentence.start
            for m in chain.finditer(QUOTED.sub(lambda q: " " * len(q.group()), sentence.text))
        )
        ranked = sorted(
            fits,
            key=lambda n: (
                not n.speaker or n.kind != "person",
                not n.subject,
                n.kind != "person",
                bool(FRONTED_CLAUSE.match(sentence.text, 0, max(0, n.start - sentence.start))),
                -n.start if nearest else n.start,
            ),
        )
        return ranked[0].name, ranked[0].kind
    return (fallback, "unnamed") if fallback else ("", "")


# A subordinate clause opening a sentence, up to a name: its subject ranks after the main clause's ("While
# Vale has yet to endorse him, Vale's running mate, Ada Hicks, has").
FRONTED_CLAUSE = re.compile(
    r"\W*(?:While|When|As|After|Before|Although|Though|Because|If|Since|Until|Once|Whereas)\b[^,;:—]*$"
)


# A sentence whose subject is a description of a person: "His mother told ...", "At the time, the sister
# only told ...", "A government office worker was ...", "Vale's uncle says ...".
DESCRIBED_SUBJECT = re.compile(
    r"\W*(?:(?:At|In|On|After|Before|When|While|During|Since|As|Later|Then|Still|Now|But|And|So|Yet)\b"
    r"[^,.;:!?“”\"\n]{0,40},\s+)?(?P<desc>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|One|Another|"
    r"[A-Z][\w’'-]+['’]s)\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[a-z-]+)"
    # "A spokeswoman for Elton Police told ...": the body the person speaks for is part of the description.
    r"(?:\s+(?:for|of|at|with)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})?)"
    r"(?:\s+\w+ly)?\s+(?P<next>[a-z]+)\b"
)
PERSON_WORDS = ROLE_NOUNS | words_of(
    "man woman boy girl nun sister brother mother father teenager onlooker bystander"
)
FEMALE_WORDS = words_of("woman girl nun")
MALE_WORDS = words_of("man boy")


def _someone(description: str) -> bool:
    """Whether an unnamed speaker is one person a later he/she may stand for: "a senior official",
    "his mother"; not "the official" (someone named or described before), "a press release" or
    "residents"."""
    head = _head(description.split())
    return len(head) > 1 and head[0].lower() != "the" and head[-1].lower() in PERSON_WORDS


def _described_gender(description: str) -> str:
    """The gender a description gives by its noun: "a 23-year-old woman" f, "the spokesman" m, "a
    senior official" ''."""
    head = _head(description.lower().split())
    noun = head[-1].strip(",.") if head else ""
    return "f" if noun in FEMALE_WORDS else "m" if noun in MALE_WORDS else gender_of_words(noun)


def _described_subject(sentence: Sentence, end: int, want: str) -> str:
    """The description of a person that opens a sentence as its subject (before `end`), when its gender
    is `want` or unknown: "His mother" in "His mother told reporters ...", else ''."""
    m = DESCRIBED_SUBJECT.match(sentence.text)
    if (
        m is None
        or sentence.start + m.end("desc") > end
        or m.group("noun") not in PERSON_WORDS
        or m.group("next") in PREPOSITIONS
        or m.group("next") in CLAUSE_WORDS
    ):
        return ""
    noun = m.group("noun")
    gender = "f" if noun in FEMALE_WORDS else "m" if noun in MALE_WORDS else gender_of_words(noun)
    return m.group("desc") if gender in (want, "") else ""


# What may stand before a pronoun that is its sentence's subject: "But she said Vale ...", or a
# quotation ('"...," he told Vale'). The names after such a pronoun in its clause are someone else.
OPENER = re.compile(r"\W*(?:(?:But|And|Then|So|Yet|Still|Later|Now|Instead|Also),?\s+)?")
CLAUSE_END = re.compile(r"[,;:—–(]")


def _named_after_subject(
    printed: int, sentences: tuple[Sentence, ...], people: list[Named], starts: list[int]
) -> set[str]:
    """The names a pronoun subject printed at `printed` governs ("She said Vale ...", '"...," he told
    Vale'): after it up to the end of its clause, when it opens its sentence."""
    index = bisect.bisect_right([s.start for s in sentences], printed) - 1
    if index < 0 or printed >= sentences[index].end:
        return set()
    sentence = sentences[index]
    offset = printed - sentence.start
    if not OPENER.fullmatch(QUOTED.sub("", sentence.text[:offset]).strip(" ,—-")):
        return set()
    clause = CLAUSE_END.search(sentence.text, offset)
    stop = sentence.start + clause.start() if clause else sentence.end
    return {n.name for n in people[bisect.bisect_right(starts, printed) : bisect.bisect_left(starts, stop)]}


def _sentences_back(
    position: int,
    sentences: tuple[Sentence, ...],
    quoted: frozenset[int],
    chain: re.Pattern[str] | None = None,
) -> Iterator[tuple[int, int, Sentence]]:
    """(i, index of the sentence holding `position`, sentence i) for the sentences a pronoun at
    `position` may look back over: its own, then back over its paragraph and the two before it
    (paragraphs in `quoted`, all quotation, not counted, nor those right before it that print the
    `chain` pronoun outside quotation: they go on about the same person)."""
    index = bisect.bisect_right([s.start for s in sentences], position) - 1
    if index < 0:
        return
    back, paragraph = 0, sentences[index].paragraph
    for i in range(index, -1, -1):
        sentence = sentences[i]
        if sentence.paragraph != paragraph:
            paragraph = sentence.paragraph
            if chain is not None and paragraph not in quoted and not _paragraph_prints(chain, sentences, i):
                chain = None  # the chain ends at the first paragraph without the pronoun
            back += paragraph not in quoted and chain is None
        if back > MAX_BACK_PARAGRAPHS:
            return
        yield i, index, sentence


def _paragraph_prints(pattern: re.Pattern[str], sentences: tuple[Sentence, ...], i: int) -> bool:
    """Whether the paragraph of sentence i, up to it, prints `pattern` outside quotation."""
    paragraph = sentences[i].paragraph
    while i >= 0 and sentences[i].paragraph == paragraph:
        if pattern.search(QUOTED.sub(" ", sentences[i].text)):
            return True
        i -= 1
    return False


def _first_word(text: str, word: str, start: int, end: int) -> int:
    """Where `word` first stands as a whole word in text[start:end], else -1."""
    m = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)").search(text, start, end)
    return m.start() if m else -1


def _last_word(text: str, word: str, start: int, end: int) -> int:
    """Where `word` last stands as a whole word in text[start:end], else -1."""
    found = -1
    for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text[start:end]):
        found = start + m.start()
    return found


# A run of capitalised words that may name an organisation ("the Business Council of Elton").
ORG_RUN = re.compile(r"(?<![\w’'-])[A-Z][\w&’'-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w&’'-]*)*")


def _organisation_antecedent(
    position: int, people: People, sentences: tuple[Sentence, ...], quoted: frozenset[int] = frozenset()
) -> str:
    """The organisation an "it" at `position` stands for: in the nearest sentence before it (this
    one first, then back over the paragraph and the two before it, as for he/she) that names one
    outside quotations, the one in subject position, else the first named."""
    for _, _, sentence in _sentences_back(position, sentences, quoted):
        found = []
        for m in ORG_RUN.finditer(people.text, sentence.start, min(sentence.end, position)):
            name = _organisation_name(m.group(), people)
            if name and not people._in_quote(m.start()):
                found.append((not people._is_subject(people.text, m.start(), m.end()), m.start(), name))
        if found:
            return min(found)[2]
    return ""


def _organisation_name(run: str, people: People) -> str:
    """The organisation a run of capitalised words names ("Elton Herald", "Business Council of Elton"),
    or '' when it names a person, a place or nothing known to be an organisation."""
    run = run.removeprefix("The ").strip()
    head = PREPOSITION_SPLIT.split(run, maxsplit=1)[0]
    if not run or people.resolve(run) or head.lower() in NOT_NAMES:
        return ""
    if looks_like_org(head) or looks_like_org(run) or head in ORG_NAMES or PUBLICATION.fullmatch(run):
        return run
    return run if people._organisation(run) else ""


def _quoted_paragraphs(text: str, sentences: tuple[Sentence, ...], people: People) -> frozenset[int]:
    """The paragraphs whose every sentence is inside a quotation (a quote running over paragraphs)."""
    said: set[int] = set()
    for s in sentences:
        residue = QUOTED.sub(" ", s.text)
        if not people._in_quote(s.start + 1) and len(residue.split()) >= 3:
            said.add(s.paragraph)
    return frozenset(s.paragraph for s in sentences) - said


def _whole_paragraph(text: str, span: Span) -> bool:
    """Whether a quotation is all of its paragraph (marks and punctuation aside)."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    outside = text[start : span.start] + text[span.end : len(text) if end < 0 else end]
    return span.closed and not outside.strip(" .,;:!?”\"'’—-")


def _continued(text: str, previous: list, span: Span) -> tuple[Speaker, str]:
    """The speaker of a quotation that continues the previous one: '"A," he said. "B."' in one
    paragraph, or a quotation left open at a paragraph's end and reopened by the next paragraph."""
    prev, speaker, cue = previous[0], previous[4], previous[5]
    if (
        not prev.closed
        and span.paragraph == prev.paragraph + 1
        and text[: span.start].rstrip(" ")[-1:] in ("\n", "")
    ):
        return speaker, cue
    if span.paragraph == prev.paragraph + 1 and _whole_paragraph(text, span):
        return speaker, cue  # a paragraph that is only a quotation goes on with the last speaker
    if span.paragraph != prev.paragraph:
        return NOBODY, ""
    # A title quoted inside the attribution ('said on “Meet the Press.”') keeps its final stop.
    between = QUOTED.sub(lambda m: "X" + TRAILING_STOP.search(m.group()).group(), text[prev.end : span.start])
    if not between.strip(" ,.;:—-"):
        return speaker, cue
    # Only the attribution between them: one clause or sentence with a speech verb ("he said. ",
    # ", said Jo Ames, a farmer near Elton. ").
    if (
        len(between.split()) <= MAX_ATTRIBUTION_WORDS
        and ANY_SPEECH_VERB.search(between)
        and (
            between.rstrip().endswith((".", ":", ",", "—", ";"))
            or ENDS_WITH_VERB.search(between)  # '…," she said "B"', 'she said, and "B"'
        )
        and not SENTENCE_END.search(between.rstrip().rstrip(".:,—;"))
    ):
        return speaker, cue
    return NOBODY, ""


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return " ".join(words(text))


def _same(a: str, b: str) -> bool:
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    shorter, longer = sorted((ka, kb), key=len)
    if f" {shorter} " in f" {longer} ":
        return True
    return fuzz.ratio(ka, kb) >= MATCH_RATIO


class _SentenceWords:
    """The words of every sentence of a topic, one sentence a line, to find a quote's words in one scan."""

    def __init__(self, ctx: TopicContext) -> None:
        self.sentences = ctx.all_sentences
        self.text = "\n".join(ctx.sentence_keys)
        self.starts = list(itertools.accumulate((len(k) + 1 for k in ctx.sentence_keys), initial=0))

    def holding(self, key: str) -> Iterator[Sentence]:
        """The sentences whose words hold `key` (a run of whole words), in order."""
        at = self.text.find(key)
        while at >= 0:
            i = bisect.bisect_right(self.starts, at) - 1
            yield self.sentences[i]
            at = self.text.find(key, self.starts[i + 1])


def _unmarked_sources(index: _SentenceWords, quote: str, known: set[tuple[str, int]]) -> list[Source]:
    """Sentences that print a full quote's words without quotation marks (reported speech)."""
    key = _key(quote)
    if len(key.split()) < 6:
        return []
    out = []
    for sentence in index.holding(key):
        if any(a == sentence.article and sentence.start <= p < sentence.end for a, p in known):
            continue
        out.append(Source(sentence.article, sentence.text, sentence.start, sentence.end))
    return out


def _statement(f: Found) -> bool:
    """Whether a quotation is a whole statement: several words, starting like a sentence, not a title
    in title case ("“Harbour Nights: The Royal Tour”")."""
    return (
        len(words(f.text)) >= MIN_UNATTRIBUTED_WORDS
        and f.text.lstrip("…. ")[:1].isupper()
        and not title_like(f.text)
    )


def _named_member(item: list[Found]) -> Found:
    """The item's first quotation with a speaker (its head when none has one)."""
    return next((f for f in item if f.speaker.name), item[0])


def extract(ctx: TopicContext) -> tuple[Quote, ...]:
    # A quotation whose speaker is not found is kept when it is a whole statement (a sentence of
    # several words): shown as such, it is verbatim and its speaker is not wrong. Fragments, scare
    # quotes and titles without a speaker stay out.
    found = [f for f in find_quotes(ctx, keep_unattributed=True) if f.speaker.name or _statement(f)]
    # Full quotes first, so partial quotes join the full quote they come from.
    found.sort(key=lambda f: (not f.full, ctx.order.get(f.source.article, 0), f.source.start))
    items: list[list[Found]] = []
    for f in found:
        for item in items:
            head = item[0]
            said_by = _named_member(item).speaker.name
            if (said_by == f.speaker.name or not said_by or not f.speaker.name) and _same(head.text, f.text):
                if f.full and len(words(f.text)) > len(words(head.text)):
                    item.insert(0, f)  # the longest wording leads; the shorter one is a variant
                else:
                    item.append(f)
                break
        else:
            sentence = f.text[:1].isupper() and f.text.rstrip().endswith((".", "!", "?"))
            if f.full or sentence or len(words(f.text)) >= MIN_STANDALONE_WORDS:
                items.append([f])
    quotes = []
    index: _SentenceWords | None = None
    in_full: dict[int, int] = {}  # support counting only the sources that print the whole quotation
    for item in items:
        head, said = item[0], _named_member(item)
        sources = [f.source for f in item]
        known = {(s.article, s.start) for s in sources}
        unmarked = []
        if len(words(head.text)) >= 6:
            index = index or _SentenceWords(ctx)
            unmarked = _unmarked_sources(index, head.text, known)
        sources += unmarked
        variants = []
        for f in item[1:]:
            if normalize(f.text) != normalize(head.text) and f.text not in variants:
                variants.append(f.text)
        # Per article, the sentence printing the quote's own wording comes first (it is the one cited).
        n_words = len(words(head.text))
        own = {(f.source.article, f.source.start) for f in item if len(words(f.text)) >= 0.8 * n_words}
        own |= {(s.article, s.start) for s in unmarked}
        in_full[id(head)] = ctx.support([s for s in sources if (s.article, s.start) in own])
        ordered = tuple(
            sorted(
                sort_sources(ctx, sources),
                key=lambda s: (ctx.order.get(s.article, 0), (s.article, s.start) not in own, s.start),
            )
        )
        quotes.append(
            quote := Quote(
                text=head.text,
                speaker=said.speaker.name,
                cue=said.cue,
                sources=ordered,
                variants=tuple(variants),
                support=ctx.support(ordered),
                speaker_text=said.speaker.text,
                speaker_kind=said.speaker.kind,
            )
        )
        in_full[id(quote)] = in_full.pop(id(head))
    first = {id(q): (ctx.order.get(q.sources[0].article, 0), q.sources[0].start) for q in quotes}
    # The quotations most outlets print in full first (a fragment quoted elsewhere still counts in the
    # support shown); then a quotation that starts a sentence before a fragment.
    quotes.sort(key=lambda q: (-in_full[id(q)], -q.support, not q.text[:1].isupper(), first[id(q)]))
    return tuple(quotes)
