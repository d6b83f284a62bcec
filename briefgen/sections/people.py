"""People and organisations named in a text, with their roles (rules and gazetteers, no model).

A person is a run of capitalised words that follows a title ("Defense Minister Gen Nakatani"), is
followed by an appositive role ("Michelle McCaskill, a spokeswoman for the agency"), stands next to
a speech verb ("Jeffrey Goldberg said", "said longtime friend Ann Kenwood") or follows a family or
job word ("daughter Maryanne"). Surnames, first names and descriptions ("the Pentagon chief") resolve
to these people; "he" and "she" resolve to the subject of the nearest earlier sentence that names a
person of a compatible gender, or to nobody when that is ambiguous.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .marks import quote_spans

LOWER = "a-zß-öø-ÿā-ž"  # Latin-1 and Latin Extended-A: "Lazăr", "Šimić" (Extended-A mixes both cases)
CAPITAL = "A-ZÀ-ÖØ-ÞĀ-Ž"  # "Łukasz", "Ødegård", "Šimić"


def words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


NAME_WORD = (
    rf"(?:(?:al|el|ad|bin|ibn|abu)-)?(?:[A-Z]['’])?(?:Mc|Mac|De|Di|Da|La|Le)?"
    rf"[{CAPITAL}][{LOWER}]+(?:-[{CAPITAL}][{LOWER}]+)*(?!\w)"
)
PARTICLE = r"(?:de|da|del|van|von|der|den|bin|al|el|la|le|di|du|dos|das|ibn)"
HYPHENATED_PARTICLE = re.compile(r"(?:al|el|ad|bin|ibn|abu)-[A-Z]")  # "Omar al-Vale"
NAME = (
    rf"{NAME_WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}(?:[A-Z]\.\s+)?{NAME_WORD}){{1,3}}"
    r"(?:,?\s+(?:Jr\.|Sr\.|II|III))?"
)
# Speed (same matches): the regexes scanned over whole texts here and in quotes.py open with a lookahead
# for the characters a match can start with ("(?=[A-Z])"), so most positions fail on one test instead
# of a walk through the pattern; a word followed by a space never gives characters back ("++", "*+").
UPPER = f"(?=[{CAPITAL}])"
NAME_AT = re.compile(rf"{UPPER}\b(?P<name>{NAME})")
NOUN_NAME = re.compile(rf"\b(?P<noun>[A-Za-z-]++),?\s+(?P<name>{NAME})")
HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Adm|Maj|Fr|Msgr|Sr|Comm|Det|Supt|Insp|Cpl|Ofc|"
    r"Cmdr)\.|Sir|Dame|Lord|Lady"
)
TITLE_WORDS = (
    "Secretary|Minister|President|Vice President|Prime Minister|Director|Adviser|Advisor|Chancellor|"
    "Councilmember|Councilman|Councilwoman|Assemblyman|Assemblywoman|Alderman|Delegate|Coach|"
    "Governor|Senator|Sen\\.|Rep\\.|Representative|Congressman|Congresswoman|Mayor|spokesman|spokeswoman|"
    "spokesperson|CEO|chief|Chief|General|Gen\\.|Admiral|Ambassador|Judge|Justice|Mr\\.|Ms\\.|Mrs\\.|Dr\\.|"
    "King|Queen|Pope|Cardinal|Bishop|Commissioner|Chairman|Chairwoman|Chair|leader|Leader|Speaker|"
    "Commander|Premier|Foreign Minister|Attorney General|Sheriff|Superintendent|Professor|Prof\\.|"
    "Lt\\.|Col\\.|Sgt\\.|Capt\\.|Rev\\.|Adm\\.|Maj\\.|Sr\\.|Fr\\.|Gov\\.|President-elect|Treasurer|Chancellor|Whip|"
    "Comm\\.|Det\\.|Supt\\.|Insp\\.|Cpl\\.|Ofc\\.|Cmdr\\."
)
ROLE_PREFIX = r"(?:(?:[A-Z][\w.'’-]*+|of|the|for)\s+){0,5}"
TITLED = re.compile(
    rf"(?=[A-Zoftscl])(?<![\w.'’])(?P<role>{ROLE_PREFIX}(?:{TITLE_WORDS})(?:\s+(?:of|for)(?:\s+(?:the\s+)?[A-Z][\w.-]*){{1,3}})?)\s+(?P<name>{NAME})"
)
HONORED = re.compile(rf"(?=[MDSRGLCPAFIO])\b(?P<hon>{HONORIFIC})\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)")
SPEECH_VERBS = (
    "said|says|told|tells|added|adds|stated|states|declared|continued|noted|notes|stressed|stresses|"
    "emphasized|emphasised|asserted|argued|argues|warned|warns|explained|explains|insisted|insists|"
    "announced|wrote|writes|tweeted|posted|described|called|affirmed|vowed|hailed|labeled|labelled|"
    "urged|remarked|replied|responded|acknowledged|acknowledges|admitted|admits|claimed|claims|recalled|"
    "recalls|reiterated|pledged|promised|observed|commented|confirmed|predicted|suggested|suggests|"
    "cautioned|conceded|countered|quipped|joked|boasted|complained|lamented|concluded|testified|"
    "asked|asks|answered|shouted|yelled|whispered|mused|recounted|added|agreed|agrees|cautions|"
    "contended|contends|maintained|maintains|thundered|exclaimed|pointed out|went on"
)
NAME_SPEAKS = re.compile(rf"{UPPER}\b(?P<name>{NAME})\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})\b")
SPEAKS_NAME = re.compile(
    rf"(?=[a-z])\b(?P<verb>{SPEECH_VERBS}),?\s+(?P<desc>(?:[a-z][\w-]*\s+){{0,3}})(?P<name>{NAME})"
)
# Verbs whose object is who is spoken to or about, not who speaks: "told Vale Weekly", "called Elm Servers"
# name a person only with a known first name or a role ("told longtime friend Ann Kenwood").
OBJECT_VERBS = words_of("told tells asked asks called described labeled labelled urged hailed answered")
# Speech verbs that open a sentence before their subject ("Said Ana Ruiz, ...").
INVERTED_SPEECH_VERBS = frozenset(SPEECH_VERBS.split("|")) - {"pointed out", "went on"}
ROLE_NOUNS = words_of(
    """
    spokesman spokeswoman spokesperson secretary minister president director chief official officer
    leader head chairman chairwoman chair founder co-founder ceo executive manager professor
    researcher scientist analyst economist expert lawyer attorney prosecutor judge senator
    congressman congresswoman lawmaker legislator representative governor mayor ambassador diplomat
    general commander colonel captain sergeant soldier veteran adviser advisor aide consultant
    author writer editor reporter journalist columnist correspondent historian teacher student
    doctor physician nurse surgeon psychologist counselor pastor priest bishop cardinal nun rabbi
    imam activist organizer campaigner candidate voter resident neighbor neighbour friend daughter
    son wife husband mother father sister brother grandmother grandfather aunt uncle cousin niece
    nephew widow widower girlfriend boyfriend partner owner worker employee coach player actor
    actress singer artist musician producer filmmaker designer engineer farmer driver pilot victim
    survivor witness member trader principal superintendent commissioner inspector detective sheriff
    deputy trooper firefighter paramedic lieutenant agent investigator businessman businesswoman
    entrepreneur investor banker strategist pollster physicist biologist chemist astronaut fan
    parent mom dad coroner official spokesperson negotiator envoy premier chancellor king queen
    prince princess pope nominee hopeful front-runner frontrunner contender challenger incumbent
    """
)
FEMALE = words_of(
    """
    spokeswoman chairwoman congresswoman daughter wife mother sister grandmother aunt niece widow
    girlfriend actress nun businesswoman queen princess mom mrs. ms. lady dame she her
    """
)
MALE = words_of(
    """
    spokesman chairman congressman son husband father brother grandfather uncle nephew widower
    boyfriend actor priest businessman king prince dad mr. sir lord fr. he his him
    """
)
APPOSITIVE = re.compile(
    rf"{UPPER}(?<![\w'’.-])(?P<name>{NAME}),\s+(?:\d{{1,3}},\s+)?(?P<role>(?:(?:a|an|the|who is|who was)\s+)?"
    r"(?:[\w.'’-]+\s+){0,5}?(?P<noun>[a-z][a-z-]+)(?:\s+(?:of|for|at|with|in)\s+[^,.;]{2,60})?)(?=[,.;])"
)
NOT_NAMES = words_of(
    """
    the this that these those and but when while during after before on in at as he she it they we i
    you his her its their our my a an if then so yet still also for from with by of to however
    meanwhile monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today yesterday tomorrow there here
    what who why how mr mrs ms dr both all some many most several other another one two three first
    last next new more few less
    """
)
ORG_WORDS = words_of(
    """
    house ministry department office council committee forces force command news press agency times
    post party government army navy university college institute bank court company group
    association union league club headquarters service services administration congress parliament
    senate assembly corporation corp inc ltd foundation fund organization organisation commission
    board bureau authority center centre hospital school church police guard airlines airways
    network channel journal magazine tribune herald gazette review daily federation alliance
    coalition movement front council cabinet reserve treasury exchange market group industries
    motors systems technologies labs laboratory museum library society trust partners capital
    holdings media studios records nations borders workers rights watch international unlimited
    bros llc plc partnership science sciences rescue stoppers parenthood politics presse agence co
    corps forum
    """
)
_ORG_HEADS = (
    r"(?:company|firm|group|organi[sz]ation|charity|restaurant|store|shop|band|agency|website|outlet|"
    r"brand|startup|club|team|nonprofit|mosque|church|temple|synagogue|bank|network|newspaper|magazine|"
    r"chain|maker|manufacturer|producer|retailer|supplier|mill|plant|factory|software|program|programme|"
    r"app|platform|show|series|podcast|festival|conference|law|act|bill)"
)


class WordStart:
    """A regex whose matches start a word, scanned fast. Written without the leading boundary (`\b`),
    the pattern starts with the letters or words a match can start with, so the regex engine jumps
    from one of them to the next instead of trying every position; a match that starts right after a
    word character is passed over (the scan goes on from the next character), so the matches are
    those `\b` + pattern would give."""

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pos, search = 0, self.pattern.search
        while (m := search(text, pos)) is not None:
            start = m.start()
            if start and WORD_CHARACTER.match(text, start - 1):
                pos = start + 1
                continue
            yield m
            pos = max(m.end(), start + 1)


WORD_CHARACTER = re.compile(r"\w")


# A name an article treats as an organisation: "the United Nations said", "Acme Widgets, which".
_CAPITALISED_RUN = r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*)"
ORG_EVIDENCE = (
    WordStart(
        rf"the {_CAPITALISED_RUN}(?=['’]s\b|\s*[,.;:)]|\s+(?:{SPEECH_VERBS}|has|is|was|will|which|"
        r"in|on|at|for|from|with|and|to|of|who|that|were|are|have|had)\b)"
    ),
    # "our supplier, Vale Mills, ...": an organisation's noun in apposition before the name.
    WordStart(
        r"(?:supplier|company|firm|maker|manufacturer|retailer|chain|brand|franchise|mosque|church|"
        rf"charity|nonprofit|startup|distributor|vendor|contractor),\s+{_CAPITALISED_RUN},"
    ),
    re.compile(
        rf"(?=[A-Z])(?<![\w'’.-] )(?<![\w'’.-]){_CAPITALISED_RUN}(?:['’]s)?,? (?:which|whose members)\b"
    ),
    # "a business called Bubba Likes Tortillas", "a guiding company named Peak Freaks".
    re.compile(
        r"\b(?:company|business|firm|group|organi[sz]ation|charity|restaurant|store|shop|band|agency|"
        rf"website|outlet|brand|market|startup|club|team|nonprofit) (?:called|named) {_CAPITALISED_RUN}"
    ),
    # The end of an organisation's name: "National Center for Sexual Exploitation".
    WordStart(
        r"(?:Center|Centre|Council|Institute|Department|Ministry|Office|Committee|Association|"
        r"Foundation|Fund|Coalition|Alliance|Union|League|Society|Commission|Agency|Bureau|Board|"
        r"School|University|College|Campaign|Project|Network|Friends|Party) "
        rf"(?:for|of|on|against) {_CAPITALISED_RUN}"
    ),
)
# Words right after an organisation's name (found first, the name is then read backwards from them):
# "Vale Mills, a milling company", "the Al Noor mosque", "the Port Elsie Herons owner". The second
# element, when set, must stand right before the name.
AFTER_ORG_NAME = (
    # Not before a possessive: "Ada Vale, the group's director" is a person.
    (re.compile(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}{_ORG_HEADS}\b(?!['’])"), None),
    # "the Al Noor mosque", "Ada Vale's Vale Brix group".
    (
        re.compile(rf"\s+{_ORG_HEADS}\b(?!['’])"),
        re.compile(r"(?:\b(?:the|a|an|at|in|near|outside|inside)|['’]s)\s+$"),
    ),
    (
        re.compile(
            r"\s+(?:owner|owners|coach|players|employees|franchise|roster|shareholders|customers|recall|products)\b"
        ),
        None,
    ),
    # "the collapse of Vale Brix, which held ...": a relative "which" after a name, whatever stands before.
    (re.compile(r"(?=[,'’])(?:['’]s)?,\s+(?:which|whose members)\b"), None),
)
# "the investment bank Vale Lund", "the magazine Elton Reports": an organisation's noun before the name.
ORG_NOUN_BEFORE = WordStart(
    rf"(?:the|a|an)\s+(?:[a-z][\w-]*\s+)?{_ORG_HEADS}\s+(?P<name>(?:[A-Z][\w'’-]*\s+){{0,4}}[A-Z][\w'’-]*)"
)
# "a five-acre site called Thomas Vale": a thing's name, unless the noun is a person's ("a man named ...").
CALLED = WordStart(r"(?:called|named|dubbed|known as)\s+(?P<name>(?:[A-Z][\w'’-]*\s+){0,4}[A-Z][\w'’-]*)")
NOUN_PHRASE_BEFORE = re.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}[a-z]+\s+$")
# "her new dog Mary Vale": an animal's name.
ANIMAL_NAME = WordStart(
    r"(?:dog|cat|puppy|kitten|horse|pony|pet|parrot|husky|terrier|retriever|poodle|bulldog|mare|colt)s?,?\s+"
    r"(?P<name>(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)"
)
PERSON_NOUNS = words_of(
    """
    man woman boy girl person child baby guy kid teen teenager lady gentleman individual suspect
    men women people
    """
)
# A name right after "Centers for", "Court of", "Panel on": the end of a longer name, not a person.
TAIL_OF_NAME = re.compile(r"[A-Z][\w.'’-]*\s+(?:of|for|on)\s+(?:the\s+)?$")
SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s*)$")
TAIL_NAME = re.compile(
    rf"(?=[A-Z])\b(?P<head>[A-Z][\w.'’-]*)\s+(?:of|for|on)\s+(?:the\s+)?(?P<name>{NAME})(?!['’\w])"
)
RUN_ENDING = re.compile(r"(?<![\w'’.-])(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*$")


def _names_before_org_words(text: str) -> set[str]:
    found = set()
    for trigger, before in AFTER_ORG_NAME:
        for m in trigger.finditer(text):
            if not text[m.start() - 1 : m.start()].isalnum():
                continue
            run = RUN_ENDING.search(text, max(0, m.start() - 60), m.start())
            if run is None or (
                before is not None and not before.search(text, max(0, run.start() - 9), run.start())
            ):
                continue
            found.add(run.group().removeprefix("The "))
    return found


ORG_FUNCTION_WORDS = words_of("Without For Of And The Against On In To At")
ORG_NAMES = words_of(
    """
    Reuters AP AFP CNN BBC NPR Bloomberg NASA FBI CIA NSA NATO UN EU IMF WHO Pentagon Kremlin
    Congress Senate Google Apple Microsoft Amazon Facebook Meta Twitter Tesla Boeing Airbus Kyodo
    Xinhua
    """
)
SURNAME_LIKE_PLACES = words_of("park hill lake river beach bay brook wood field church hall street lane way")
NOT_SURNAMES = words_of(
    """
    commissioner secretary minister president director chairman chairwoman chief governor senator
    spokesman spokeswoman spokesperson official leader officer ambassador mayor administrator adviser
    advisor manager executive examiner authorities officials
    """
)
DEMONYM_LIKE = words_of(
    """
    american african asian european russian muslim jewish catholic protestant hindu buddhist
    sikh arab israeli iraqi iranian saudi pakistani afghan syrian turkish german french british english
    irish scottish welsh spanish italian chinese japanese korean indian mexican canadian cuban brazilian
    republican democratic democrat islamic islamist communist socialist conservative liberal northern
    southern eastern western central reproductive sunni shiite shia islam christianity judaism
    hinduism buddhism catholicism evangelical orthodox
    """
)
PLACE_WORDS = words_of(
    """
    city county state island islands river lake mountain mountains valley beach bay street avenue
    boulevard road park square airport station bridge hotel plaza district province region coast sea
    ocean strait gulf peninsula hills heights village town township borough base camp prison
    stadium arena mall drive lane way terrace apartments estates springs st ave blvd trail parkway
    highway creek falls lounge grill cafe restaurant motel inn tavern pub diner bakery farm ranch dam
    """
)
# The first word of a place's name: "Santa Elena", "North Elton", "Fort Vale".
# The first word of an operation's, a storm's or a project's name: "Operation Vale Storm", "Hurricane Ada".
EVENT_PREFIXES = words_of("operation hurricane storm typhoon cyclone tropical project")
PLACE_PREFIXES = words_of(
    """
    north south east west northeast northwest southeast southwest upper lower san santa los las isla
    puerto fort port mount lake cape
    """
)
FEMALE_NAMES = words_of(
    """
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty
    Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah
    Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela
    Nicole Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Maria Heather
    Diane Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren Joan Evelyn Judith Megan
    Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice Jean Alice
    Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle Theresa Sophia
    Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Hillary Kamala Nikki
    Condoleezza Angela Theresa Ursula Marine Giorgia Jacinda Liz Meg Maryanne Ann Anne Annie Beth
    Kate Katie Kathy Sue Jane Joanne Jo Tulsi Elise Kristi Kristen Kirsten Nancy Dana Stacey Tammy
    Wendy Yolanda Esther Rosa Carmen Lucy Ella Zoe Chloe Mia Ava Sophie Claire Ellen Erin Melania
    Ivanka Michele Oprah Greta Malala Sonia Ruth Elena Amy Tina Gina Karina Tanya Irina Olga
    """
)
MALE_NAMES = words_of(
    """
    James Robert John Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew
    Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward
    Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin
    Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan
    Henry Douglas Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald
    Carl Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Willie
    Gabriel Logan Alan Juan Wayne Roy Ralph Randy Eugene Vincent Russell Elijah Louis Bobby Philip
    Johnny Barack Bill Bernie Mitt Newt Rick Ted Marco Mike Pete Chuck Harry Hank Jim Tom Tim Dick
    Rand Lindsey Mitch Vladimir Xi Emmanuel Boris Justin Narendra Benjamin Recep Kim Shinzo Fumio
    Shigeru Volodymyr Olaf Rishi Keir Gen Joe Hunter Beau Eric Don Ron Ben Sam Max Steve Dave Dan
    Matt Tony Nick Greg Jeff Ken Andy Chris Pat Ray Ed Fred Al Bob Rob Jon Josh Luke Jake Mohammed
    Muhammad Ahmed Ali Omar Hassan Abdullah Ibrahim Yusuf Carlos Luis Miguel Jorge Pedro Diego
    Sergei Dmitry Alexei Ivan Hans Klaus Pierre Jean-Claude Francois Giuseppe Marco Paolo
    """
)
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES
PREPOSITIONS = words_of(
    """
    at in of for from with on near by to into inside outside about over under between among than
    like
    """
)
POSSESSIVES = words_of("his her its their our my your")
MONTH_ABBREVIATIONS = words_of("Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec")
PRONOUN = re.compile(r"^(?:he|she)$", re.I)
MAX_BACK_SENTENCES = 4
# A capitalised word standing alone: not right after another capitalised word or an initial.
STANDALONE = re.compile(r"(?=[A-Z])(?<![A-Za-z.]\s)(?<!\w)([A-Z][\w'’-]*)\b(?!\s+[A-Z])")


_HEADING_WORD = r"(?:[A-Z0-9][^\s]*|a|an|the|of|and|or|for|to|in|on|at|by|with|as|from|vs\.?)"
HEADING_LINE = re.compile(rf"^[^\S\n]*(?:{_HEADING_WORD}[^\S\n]+){{3,14}}{_HEADING_WORD}[^\S\n]*$", re.M)


def mask_headings(text: str) -> str:
    """The text with its headings in title case blanked ("Vale Wins Big In Elton"): a run of capitalised
    words there is no name ("Ada Hicks Won Among"). Offsets are kept."""
    if "\n" not in text:
        return text
    return HEADING_LINE.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Countries, capitals, U.S. states, big cities and regions (GeoNames plus a hand-made list)."""
    path = Path(__file__).with_name("places.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name -> "f", "m" or "" (common for both), from given_names.txt and the lists above."""
    path = Path(__file__).with_name("given_names.txt")
    out: dict[str, str] = {}
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[] \n")
            continue
        for name in line.split():
            out[name] = "" if section == "both" else section
    for names, gender in ((FEMALE_NAMES - MALE_NAMES, "f"), (MALE_NAMES - FEMALE_NAMES, "m")):
        for name in names:
            out.setdefault(name, gender)
    return out


def gender_of_name(name: str) -> str:
    """The gender a name's first word gives: a full name's given name ("Iris Vale" f), or a word alone
    from the short lists above ("Naomi"; a word alone is more often a surname: "Warren", "Grant")."""
    tokens = name.split()
    if not tokens:
        return ""
    first = tokens[0]
    if len(tokens) >= 2:
        return given_names().get(first, "")
    if first in FEMALE_NAMES and first not in MALE_NAMES:
        return "f"
    if first in MALE_NAMES and first not in FEMALE_NAMES:
        return "m"
    return ""


def _without_date(name: str) -> str:
    """A name without the month abbreviation a date after it leaves ("Clinton Dec. 17" -> "Clinton")."""
    tokens = name.split()
    while len(tokens) > 1 and tokens[-1] in MONTH_ABBREVIATIONS:
        tokens.pop()
    return " ".join(tokens)


def gender_of_words(words: str) -> str:
    # "Ms." keeps its full stop (the lists hold "ms."); "mother." does not.
    lowered = {form for w in words.lower().split() for form in (w.strip(","), w.strip(",."))}
    if lowered & FEMALE:
        return "f"
    if lowered & MALE:
        return "m"
    return ""


def _title_like(token: str) -> bool:
    t = token.lower().rstrip(".,")
    return (
        t in NOT_NAMES
        or t in TITLE_SET
        or t in ROLE_NOUNS
        or t in ORG_WORDS
        or t in PLACE_WORDS
        or token.rstrip(".,") in places()
        or token.isupper()
        and len(token) > 1
        and not re.fullmatch(r"[A-Z]\.", token)  # a middle initial: "Richard J. Dorran"
    )


# Titles that stand before a name; "a spokeswoman for Mayor Ada Hicks": the name is the mayor's.
OWN_TITLES = frozenset(w.lower().replace("\\", "") for w in TITLE_WORDS.split("|") if " " not in w)
FOR_TITLE = re.compile(r"\s+(?:for|of|to)\s+(?P<title>[A-Z][\w.-]*)$")


def _own_title(role: str) -> str:
    """The title a name after `role` holds: "spokeswoman for Mayor" -> "Mayor" (the spokeswoman is
    someone else); "Secretary of State" stays whole."""
    m = FOR_TITLE.search(role)
    return m.group("title") if m and m.group("title").lower() in OWN_TITLES else role


def _drop_leading_word(name: str) -> str:
    """'Host Karen Blake' -> 'Karen Blake': a capitalised word before a known first name."""
    tokens = name.split()
    while (
        len(tokens) >= 3
        and tokens[0] not in FEMALE_NAMES | MALE_NAMES
        and tokens[1] in FEMALE_NAMES | MALE_NAMES
    ):
        tokens.pop(0)
    return " ".join(tokens)


@lru_cache(maxsize=16384)
def strip_titles(words: str) -> str:
    """Titles, roles and places off the front: 'San Mateo County Coroner Robert Foucrault' -> 'Robert
    Foucrault', 'Secretary of Defense Pete Hegseth' -> 'Pete Hegseth'."""
    tokens = words.split()
    cut = 0
    for i, token in enumerate(tokens[:-1]):
        if _title_like(token) or token in ("of", "the", "for"):
            cut = i + 1
    after_of = cut > 0 and tokens[cut - 1] in ("of", "for")
    tokens = tokens[cut:]
    while tokens and (tokens[0].lower() in NOT_NAMES or tokens[0].lower().rstrip(".") in TITLE_SET):
        tokens.pop(0)
    # An inverted attribution before the name: "Stated Brandt:", "Added Ilse Brandt, the mayor".
    while len(tokens) >= 2 and tokens[0].istitle() and tokens[0].lower() in INVERTED_SPEECH_VERBS:
        tokens.pop(0)
    # "Commissioner for Refugees Antonio Guterres", "Minister for Foreign Affairs Jane Doe".
    while (
        after_of
        and len(tokens) >= 3
        and tokens[0] not in FEMALE_NAMES | MALE_NAMES
        and (
            tokens[0].endswith("s")
            or tokens[0].lower() in TITLE_SET
            or tokens[0].lower() in ("state", "health")
        )
    ):
        tokens.pop(0)
    return " ".join(tokens)


TITLE_SET = frozenset(
    w.lower().rstrip(".").replace("\\", "") for w in TITLE_WORDS.replace(" ", "|").split("|")
) | {"defense", "defence", "foreign", "national", "security", "intelligence", "u.s", "us", "former", "then"}
TITLE_SET = TITLE_SET - {"gen"}
TITLE_SET = TITLE_SET | {"whip", "minority", "majority"}
# A sentence's end, not after an abbreviated title or an initial ("Sen. Ada Hicks", "U.S. officials").
SENTENCE_BREAK = re.compile(
    r"(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<![A-Z][a-z]{3})(?<!\b[A-Z])[.!?][\"”’')]*\s+|\n"
)
ROLE_LINKS = words_of("of for the state")
# Capitalised words that stand before a name as its role: "Classmate Ada Hicks", "Major Tom Vale".
LEADING_ROLES = words_of("classmate host major officer deputy detective trooper sergeant neighbor neighbour")
# Words that stand before a role noun in a description: "the longtime campaign manager".
ROLE_MODIFIERS = words_of(
    """
    campaign press deputy senior former longtime top chief communications policy political national
    veteran assistant associate executive general managing lead local state federal retired
    presidential vice-presidential gubernatorial congressional mayoral senatorial party
    """
)
ROLE_PHRASE_WORDS = ROLE_NOUNS | ROLE_MODIFIERS | ROLE_LINKS
# "Gen" is also a first name (Gen Nakatani)


@lru_cache(maxsize=16384)
def looks_like_person(name: str, strict: bool = True) -> bool:
    """A plausible person's name: capitalised words, not a place, organisation or calendar word.
    Not `strict` (the text calls it a person), a last word such as "Park" or "Hill" is fine."""
    tokens = name.split()
    if not tokens or len(tokens) > 5:
        return False
    if any(t.lower() in NOT_NAMES for t in tokens):
        return False
    if tokens[-1].lower() in ORG_WORDS or name in places() or name in ORG_NAMES:
        return False
    if tokens[-1].lower() in PLACE_WORDS and (strict or tokens[-1].lower() not in SURNAME_LIKE_PLACES):
        return False
    if any(t.isupper() and len(t) > 1 and not re.fullmatch(r"[A-Z]\.", t) for t in tokens):
        return False
    if tokens[-1].lower() in NOT_SURNAMES:
        return False  # "High Commissioner"
    if tokens[0].lower() in PLACE_PREFIXES | EVENT_PREFIXES and tokens[0] not in FIRST_NAMES:
        return False  # "North Elton", "Santa Elena", "Fort Vale"
    if {tokens[0].lower(), tokens[0].lower().removesuffix("s"), tokens[-1].lower()} & DEMONYM_LIKE:
        return False  # "Russian Bitcoin", "Muslim Rohingya": an adjective, not a first name
    return all(t[:1].isupper() or re.fullmatch(PARTICLE, t) or HYPHENATED_PARTICLE.match(t) for t in tokens)


def of_what(tail: Sequence[str]) -> bool:
    """Whether the words after an organisation word say what it is of or for, as part of its name:
    "of Rheumatology", "of Health and Human Services" (up to three names; not "of Homeland Security
    Secretary Ana Vale", nor "of Defense Ana Vale")."""
    names = [t for t in tail[1:] if t not in ("and", "the")]
    person = len(names) > 2 and names[-2] in FIRST_NAMES  # "of Defense Ana Vale": a name after it
    return (
        len(tail) >= 2
        and tail[0] in ("of", "for")
        and 1 <= len(names) <= 3
        and all(t[:1].isupper() for t in names)
        and not person
    )


@lru_cache(maxsize=16384)
def looks_like_org(name: str) -> bool:
    tokens = name.split()
    if not tokens:
        return False
    if name in ORG_NAMES or (len(tokens) == 1 and tokens[0].isupper() and 2 <= len(tokens[0]) <= 6):
        return True
    last = max((i for i, t in enumerate(tokens) if t.lower().rstrip(".") in ORG_WORDS), default=-1)
    return (
        last >= 0
        and (last == len(tokens) - 1 or of_what(tokens[last + 1 :]))
        and all(t[:1].isupper() or t in ("of", "the", "for", "and") for t in tokens)
    )


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    person: str
    subject: bool


class People:
    """The people of one article (plus those known from the topic), resolvable by name or pronoun.

    `sentences` are (start, end, paragraph) of the article's sentences, for pronoun resolution.
    """

    def __init__(
        self,
        text: str,
        known: dict[str, str] | None = None,
        sentences: Sequence[tuple[int, int, int]] = (),
        known_gender: dict[str, str] | None = None,
        mentions: bool = True,
        found: People | None = None,
    ) -> None:
        self.text = text
        self.roles: dict[str, str] = {}
        self.gender: dict[str, str] = dict(known_gender or {})
        # The names whose gender only their given name gives ("Marty Vale"): the text may say otherwise.
        self.name_gender: set[str] = set()
        if found is not None:  # the names of this text were found already (first pass)
            self.roles = dict(found.roles)
            self.gender.update(found.gender)
            self.name_gender = set(found.name_gender)
        else:
            self._find(text)
        for name, role in (known or {}).items():
            self.roles.setdefault(name, role)
        for name in self.roles:
            if name not in self.gender and (g := gender_of_name(name)):
                self.gender[name] = g
                self.name_gender.add(name)
        self._index()
        self.sentences = sorted(sentences) or [(0, len(text), 0)]
        # The quotations of the text (its quotes section reads them from here too).
        self.spans = found.spans if found is not None else quote_spans(text)
        self.quoted = [(s.start, s.end) for s in self.spans]
        self._quoted_starts = [start for start, _ in self.quoted]
        self.mentions = self._mentions(text) if mentions else []
        if mentions:
            self._vote_gender()

    # -- finding people ------------------------------------------------------------------------
    def _add(self, name: str, role: str = "") -> str:
        name = " ".join(strip_titles(name).split())
        tokens = name.split()
        name = _without_date(name)
        tokens = name.split()
        if (
            len(tokens) >= 3
            and tokens[1] in FIRST_NAMES
            and tokens[0] not in FIRST_NAMES
            and (
                tokens[0].endswith("s")
                or tokens[0].lower() in ROLE_NOUNS
                or tokens[0].lower() in LEADING_ROLES
            )
        ):
            name = " ".join(tokens[1:])  # "Elections Ada Hicks", "Classmate Ada Hicks"
        if len(name.split()) < 2 or not looks_like_person(name, strict=not role) or self._not_person(name):
            return ""
        if self._resolve_name(name) and self._resolve_name(name) != name:
            return self._resolve_name(name)
        role = re.split(rf"\s+(?:{SPEECH_VERBS})\b", role, maxsplit=1)[0].strip()
        role = re.split(r"(?<=[a-z]{2})\.\s+", role)[-1]  # "President Obama. President": this sentence only
        if role and not self.roles.get(name):
            self.roles[name] = " ".join(role.split())
        else:
            self.roles.setdefault(name, "")
        by_role = gender_of_words(role)
        if by_role:
            self._set_gender(name, by_role)
        elif name not in self.gender and (g := gender_of_name(name)):
            self.gender[name] = g
            self.name_gender.add(name)
        return name

    def _set_gender(self, name: str, gender: str) -> None:
        """The gender the text gives a name (a role, an honorific): it holds over one its given name gives."""
        if name not in self.gender or name in self.name_gender:
            self.gender[name] = gender
            self.name_gender.discard(name)

    def _find(self, text: str) -> None:
        text = mask_headings(text)
        # Names that end a longer one wherever the text prints them: "the Centers for Harbour Control".
        self._tails = {
            name
            for m in TAIL_NAME.finditer(text)
            if (name := " ".join(m.group("name").split())) == strip_titles(name)
            and m.group("head").lower() not in NOT_NAMES  # not "Many of Ada Vale's friends"
            and not SENTENCE_START.search(text, max(0, m.start() - 4), m.start())  # "Family of Ada Vale says"
        }
        for m in TITLED.finditer(text):
            self._add(m.group("name"), _own_title(m.group("role")))
        for m in HONORED.finditer(text):
            g = gender_of_words(m.group("hon"))
            name = self._add(m.group("name"), "")
            if name and g:
                self._set_gender(name, g)
        for m in APPOSITIVE.finditer(text):
            if m.group("noun") in ROLE_NOUNS and not self._tail(text, m.start()):
                self._add(m.group("name"), m.group("role").removeprefix("who is ").removeprefix("who was "))
        for m in NOUN_NAME.finditer(text):
            if (
                m.group("noun").lower() in ROLE_NOUNS
                and not m.group("noun")[:1].isupper()
                or (m.group("noun") in ("Coach", "Officer", "Detective", "Trooper", "Deputy"))
            ):
                self._add(m.group("name"), m.group("noun"))
        # A full name whose last word the text later uses alone ("... Bautista said").
        alone: dict[str, int] = {}  # capitalised word -> last offset where it stands alone
        for w in STANDALONE.finditer(text):
            alone[w.group(1)] = w.start(1)
        for m in NAME_AT.finditer(text):
            name = strip_titles(m.group("name"))
            if name == " ".join(m.group("name").split()) and self._tail(text, m.start()):
                continue  # "the Centers for Harbour Control": no person ("Office of Elton Ada Vale" is)
            surname = name.split()[-1] if name.split() else ""
            first = name.split()[0] if name.split() else ""
            if first in FEMALE_NAMES or first in MALE_NAMES and 2 <= len(name.split()) <= 3:
                self._add(name)  # "Jim Harlow": a known first name and a surname
                continue
            introduced = (
                first in FEMALE_NAMES
                or first in MALE_NAMES
                or re.search(r"(?:,|\b[a-z]+)\s$", text[max(0, m.start() - 20) : m.start()]) is not None
            )
            if (
                len(name.split()) >= 2
                and introduced
                and alone.get(surname, -1) > m.end()
                and surname not in places()  # "for a Smoke-Free Norland ... Norland has": a place alone
                and not re.search(r"\b(?:a|an|the)\s$", text[max(0, m.start() - 5) : m.start()])
            ):
                self._add(name)
        for m in NAME_SPEAKS.finditer(text):
            if not self._tail(text, m.start()):
                self._add(m.group("name"))
        for m in SPEAKS_NAME.finditer(text):
            desc = m.group("desc").strip()
            role = desc if set(desc.lower().split()) & ROLE_NOUNS else ""
            name = m.group("name")
            determined = set(desc.split()) & (PREPOSITIONS | POSSESSIVES | {"the", "a", "an"})
            if not role and (determined or name.startswith("The ")):
                continue  # "called the Elm Angels", "told The Vale Mercury", "wrote on his Vale Forum site"
            if (
                not role
                and m.group("verb") in OBJECT_VERBS
                and name.split()[0] not in FIRST_NAMES
                and not re.search(r"[,?!][\"”]\s*$", text[max(0, m.start() - 4) : m.start()])
            ):
                continue  # "told Vale Weekly", "an insider told Star Ada's maid"; not "“…?” asked Ada Vale"
            self._add(name, role)

    @staticmethod
    def _tail(text: str, start: int) -> bool:
        """Whether a name at `start` ends a longer one: "Centers for Harbour Control", "Court of Appeals"."""
        return TAIL_OF_NAME.search(text, max(0, start - 40), start) is not None

    def _organisation(self, name: str) -> bool:
        """Whether the text treats a name as an organisation: "the United Nations said", "Doctors
        Without Borders", "Acme Widgets, which ..."."""
        tokens = name.split()
        if any(t in ORG_FUNCTION_WORDS for t in tokens[1:]):
            return True
        if len(tokens) == 2 and f"{tokens[0]}-{tokens[1]}" in self.text:
            return True  # "Vale Webster" where the text also prints "Vale-Webster": a firm's name
        return name in self.organisations()

    def _not_person(self, name: str) -> bool:
        return self._organisation(name) or name in self.not_people()

    def not_people(self) -> set[str]:
        """Names the text treats as organisations or as things: "a site called Vale Place"."""
        if not hasattr(self, "_things"):
            person_nouns = PERSON_NOUNS | ROLE_NOUNS
            self._things = (
                self.organisations()
                | {
                    m.group("name")
                    for m in CALLED.finditer(self.text)
                    if NOUN_PHRASE_BEFORE.search(self.text, max(0, m.start() - 40), m.start())
                    # "a woman on the scene named Ada Vale" is a person
                    and not set(self.text[max(0, m.start() - 30) : m.start("name")].lower().split())
                    & person_nouns
                }
            )
            self._things |= {m.group("name") for m in ANIMAL_NAME.finditer(self.text)}
        return self._things | getattr(self, "_tails", set())

    def lowercase_words(self) -> frozenset[str]:
        """The words the text prints in lower case (a capitalised one among them is a common noun)."""
        if not hasattr(self, "_lowercase"):
            self._lowercase = frozenset(re.findall(r"(?<![\w-])[a-z][a-z'’-]*\b", self.text))
        return self._lowercase

    def organisations(self) -> set[str]:
        """The names this text treats as organisations (see `_organisation`)."""
        if not hasattr(self, "_org_names"):
            self._org_names = {m.group("name") for p in ORG_EVIDENCE for m in p.finditer(self.text)}
            self._org_names |= _names_before_org_words(self.text)
            self._org_names |= {m.group("name") for m in ORG_NOUN_BEFORE.finditer(self.text)}
        return self._org_names

    def drop(self, names: set[str]) -> None:
        """Forget these names as people (another article of the topic treats them as organisations)."""
        for name in names & self.roles.keys():
            del self.roles[name]
            self.gender.pop(name, None)

    def full_name(self, word: str) -> str:
        """The one full name in the text that ends (or starts) with `word`, else ''."""
        names = {
            " ".join(m.group().split())
            for m in NAME_AT.finditer(self.text)
            if word in m.group().split() and looks_like_person(strip_titles(m.group()), strict=False)
        }
        names = {_without_date(_drop_leading_word(strip_titles(n))) for n in names}
        names = {n for n in names if len(n.split()) >= 2 and word in n.split()}
        return next(iter(names)) if len(names) == 1 else ""

    def is_proper(self, word: str, described: bool = False) -> bool:
        """Whether a capitalised word is a name: a known first name, introduced by a description
        ("daughter Rose"), or capitalised somewhere other than at a sentence's start."""
        if word in FEMALE_NAMES or word in MALE_NAMES or described:
            return True
        return bool(
            re.search(rf"(?<![.!?\"“”]\s)(?<![.!?\"“”])(?<!^)(?<!\n)(?<=\s){re.escape(word)}\b", self.text)
        )

    def _index(self) -> None:
        self.by_word: dict[str, str] = {}
        words: dict[str, set[str]] = defaultdict(set)
        for name in self.roles:
            tokens = name.replace(",", "").split()
            tokens = [t for t in tokens if t not in ("Jr.", "Sr.", "II", "III")]
            words[tokens[-1]].add(name)
            words[tokens[0]].add(name)
        for word, names in words.items():
            if len(names) == 1 and word.lower() not in NOT_NAMES:
                self.by_word[word] = next(iter(names))

    def _resolve_name(self, words: str) -> str:
        words = strip_titles(words)
        if words in self.roles:
            return words
        tokens = [w for w in words.split() if w[:1].isupper()]
        for i in range(len(tokens)):
            candidate = " ".join(tokens[i:])
            if candidate in self.roles:
                return candidate
        by_word = getattr(self, "by_word", {})
        if len(tokens) == 1 and tokens[0] in by_word:
            return by_word[tokens[0]]
        if len(tokens) >= 2 and tokens[-1] in by_word:
            full = by_word[tokens[-1]]
            if (
                full.split()[0] == tokens[0]
                or len(tokens) == 2
                and tokens[0] in ("Mr.", "Ms.", "Mrs.", "Dr.")
            ):
                return full
        return ""

    def resolve(self, words: str) -> str:
        """A full name for a name, surname or description; '' when unknown or ambiguous."""
        words = " ".join(words.split())
        if name := self._resolve_name(words):
            return name
        return self.describe(words)

    def _printed(self, name: str) -> bool:
        """Whether this article prints the name (its last word)."""
        return re.search(rf"\b{re.escape(name.split()[-1])}\b", self.text) is not None

    def describe(self, words: str) -> str:
        """The one person whose role matches a description ('the Pentagon chief'), else ''."""
        lowered = words.lower()
        for prefix in ("the ", "a ", "an ", "his ", "her ", "their "):
            lowered = lowered.removeprefix(prefix)
        tokens = lowered.split()
        if not tokens or tokens[-1] not in ROLE_NOUNS | {"secretary", "minister", "chief"}:
            return ""
        key = DESCRIPTIONS.get(lowered, tokens[-1])
        # A capitalised word of the description must be in the role: "the Communist chief" is no
        # "bureau chief" (unless the description is a known phrase: "the Pentagon chief").
        marks = [
            w.lower()
            for w in words.split()[1:-1]
            if w[:1].isupper()
            and words.split()[0].lower() in ("the", "a", "an")
            and lowered not in DESCRIPTIONS
        ]
        matches = [
            n
            for n, role in self.roles.items()
            if re.search(rf"\b{re.escape(key)}\b", _spelled_out(role))
            and all(re.search(rf"\b{re.escape(w)}\b", role.lower()) for w in marks)
        ]
        if key == "minister":
            matches = [n for n in matches if "prime minister" not in self.roles[n].lower()]
        if key == "secretary" and not matches:
            matches = [n for n, role in self.roles.items() if "secretary" in role.lower()]
        # The one person of the topic in the role, and only if this article names them: a role another
        # article gives ("the priest Ada Vale") says nothing of whom this article's "the priest" is.
        return matches[0] if len(matches) == 1 and self._printed(matches[0]) else ""

    # -- mentions and pronouns ------------------------------------------------------------------
    def _in_quote(self, position: int) -> bool:
        i = bisect.bisect_left(self._quoted_starts, position) - 1
        return i >= 0 and self.quoted[i][0] < position < self.quoted[i][1]

    def _mentions(self, text: str) -> list[Mention]:
        keys = set(self.roles) | set(self.by_word)
        out: list[Mention] = []
        if keys:
            first = "".join(re.escape(c) for c in sorted({k[0] for k in keys}))
            pattern = re.compile(
                rf"(?=[{first}])\b("
                + "|".join(re.escape(k) for k in sorted(keys, key=lambda k: (-len(k), k)))
                + r")(?!\w)"
            )
            for m in pattern.finditer(text):
                person = self.resolve(m.group(1))
                if person and not self._in_quote(m.start()):
                    out.append(
                        Mention(m.start(), m.end(), person, self._is_subject(text, m.start(), m.end()))
                    )
        for m in DESCRIPTION.finditer(text):
            person = self.describe(m.group())
            if person and not self._in_quote(m.start()):
                out.append(Mention(m.start(), m.end(), person, self._is_subject(text, m.start(), m.end())))
        out.sort(key=lambda x: x.start)
        return out

    def _is_subject(self, text: str, start: int, end: int) -> bool:
        """Whether a mention starts a clause (not the object of a verb or preposition, not a possessive)."""
        if text[end : end + 2] in ("'s", "’s"):
            return False
        before = text[max(0, start - 80) : start]
        before = SENTENCE_BREAK.split(before)[-1]  # this sentence only
        tokens = re.findall(r"[\w.'’-]+|[^\w\s]", before)
        if tokens and tokens[-1] in PREPOSITIONS:
            return False  # "the owner of Elm Rides, Ada Hicks, said": the owner (Hicks) is the subject
        while tokens and (tokens[-1].lower().rstrip(".") in TITLE_SET or tokens[-1][:1].isupper()):
            tokens.pop()
        # A role before the name: "campaign manager Ada Hicks said", "the economist Ada Hicks found",
        # "Former secretary of state Ada Hicks wrote".
        k = len(tokens)
        while k > 0 and (
            tokens[k - 1].lower() in ROLE_PHRASE_WORDS
            or tokens[k - 1].lower().rstrip(".") in TITLE_SET
            or tokens[k - 1][:1].isupper()
        ):
            k -= 1
        if any(t.lower() in ROLE_NOUNS for t in tokens[k:]):
            tokens = tokens[:k]
            if tokens and tokens[-1].lower() in ("the", "a", "an"):
                tokens.pop()
        if not tokens:
            return True
        prev = tokens[-1]
        return not prev[:1].islower() or prev in (
            "and",
            "but",
            "then",
            "while",
            "as",
            "when",
            "after",
            "before",
        )

    def _vote_gender(self) -> None:
        votes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for start, end, _ in self.sentences:
            here = [m for m in self.mentions if start <= m.start < end]
            if len({m.person for m in here}) != 1 or not here[0].subject:
                continue
            # The pronouns after its subject ("Vale says his ..."), not those before it, which go on
            # about someone named earlier ("Her aides say she backs Vale").
            sentence = self.text[here[0].end : end]
            unquoted = re.sub(r"“[^“”]*”|\"[^\"]*\"", " ", sentence)
            male = len(re.findall(r"\b(?:he|him|his|himself)\b", unquoted, re.I))
            female = len(re.findall(r"\b(?:she|her|hers|herself)\b", unquoted, re.I))
            person = here[0].person
            votes[person][0] += male
            votes[person][1] += female
        for person, (male, female) in votes.items():
            if person not in self.gender and male != female:
                self.gender[person] = "m" if male > female else "f"

    def antecedent(self, position: int, pronoun: str) -> str:
        """The person a 'he'/'she' at `position` refers to: the subject of the nearest earlier sentence
        (or clause of the same sentence) naming a person of compatible gender; '' when ambiguous."""
        want = "m" if pronoun.lower() == "he" else "f"
        index = next((i for i, (s, e, _) in enumerate(self.sentences) if s <= position < e), None)
        if index is None:
            index = sum(1 for s, _, _ in self.sentences if s <= position) - 1
        if index < 0:
            return ""
        paragraph = self.sentences[index][2]
        for back in range(0, MAX_BACK_SENTENCES + 1):
            i = index - back
            if i < 0 or paragraph - self.sentences[i][2] > 2:
                break
            start, end, _ = self.sentences[i]
            limit = position if back == 0 else end
            found = [
                m
                for m in self.mentions
                if start <= m.start < limit and self.gender.get(m.person, want) == want
            ]
            if not found:
                continue
            subjects = [m for m in found if m.subject]
            if subjects:
                return subjects[-1].person if back == 0 else subjects[0].person
            people = {m.person for m in found}
            return found[-1].person if len(people) == 1 else ""
        return ""


# Abbreviated titles in a role, spelled out so that a description finds them ("Gov." is "the governor").
ABBREVIATED_TITLES = {
    "gov.": "governor",
    "sen.": "senator",
    "rep.": "representative",
    "gen.": "general",
    "lt.": "lieutenant",
    "sgt.": "sergeant",
    "capt.": "captain",
    "prof.": "professor",
    "adm.": "admiral",
    "col.": "colonel",
    "supt.": "superintendent",
    "det.": "detective",
}


def _spelled_out(role: str) -> str:
    return " ".join(ABBREVIATED_TITLES.get(w, w) for w in role.lower().split())


# "the Pentagon chief", "the longtime spokesman": a description that may stand for a person.
DESCRIPTION = WordStart(
    r"[Tt]he (?:[A-Z][\w.-]*\s+)?(?:[a-z-]+\s+)?(?:"
    + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
    + r")\b"
)
DESCRIPTIONS = {
    "pentagon chief": "secretary",
    "defense chief": "secretary",
    "defence chief": "secretary",
    "defense secretary": "secretary",
    "defence secretary": "secretary",
    "prime minister": "prime minister",
    "premier": "prime minister",
}
