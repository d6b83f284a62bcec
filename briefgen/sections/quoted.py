"""Quoted disagreements: people quoted on opposite sides of one fact ("police said it was an accident;
the family calls it murder"), shown as sources quoted on both sides, not as outlets disagreeing.

Each statement is a sentence and who it is attributed to: the speaker the quotes section resolves for a
quotation, or a reported-speech attribution in the sentence ("police say", "according to neighbor Ann
Lee", "court records show"). A sentence with no attribution speaks in the outlet's own voice; it may be
one side, never both. Four kinds of fact are compared, each with its two opposite values:

- intent: an accident ("accidentally shot", "it was an accident") or not ("the murder of Ann Lee",
  "it was no accident", "on purpose");
- who did it: a denial ("I don't believe he was the gunman", "he never fired") against someone saying
  that person shot, fired or confessed;
- history: "the first time" / "never happened before" against "another shooting happened there in 2019"
  ("not the first time" is the second);
- motive: "the victim was targeted" / "not random" against "a random act" / "was not targeted".

Two statements disagree when they take opposite values and their speakers differ in kind (police and
family, two named people): one speaker's two statements, or police against police, are not compared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..models import Dispute, Sentence, Side
from . import TopicContext, sort_sources, source

OFFICIAL = (
    r"police|officers?|investigators|detectives?|authorities|officials|prosecutors?|deputies|"
    r"sheriff(?:'s office)?|"
    r"(?:court |police )?(?:records|documents)|the (?:complaint|affidavit|warrant|report|charges)|"
    r"the (?:district attorney|DA|medical examiner|coroner)"
)
KIN = (
    r"(?:the|his|her|their|a) (?:family|mother|father|mom|dad|grandmother|grandfather|grandma|aunt|uncle|"
    r"sister|brother|cousin|friends?|neighbou?rs?|owner|attorney|lawyer|relatives?)"
)
NAMED = r"(?:[A-Z][a-z]+ )?(?:neighbou?r |owner |witness |resident )?[A-Z][a-z]+(?: [A-Z][a-z'’-]+){0,2}"
WHO = rf"(?P<who>{OFFICIAL}|{KIN}(?: [A-Z][a-z]+(?: [A-Z][a-z]+)?)?|{NAMED}|he|she|they)"
REPORTED = (
    re.compile(rf"\baccording to {WHO}"),
    re.compile(
        rf"\b{WHO},? (?:(?:also|later|initially|first|then|have|has|had|\w+ly) ){{0,2}}"
        r"(?:said|says|say|told|claimed|claims|believes?|contends?|insists?|shows?|states?|alleges?)\b"
    ),
    # "the DA's office issued a statement saying", "the coroner's office ruled"
    re.compile(rf"\b{WHO}(?:’s|'s)? (?:\w+ ){{0,3}}?(?:statement|stating|announced|ruled|determined)\b"),
)
OFFICIAL_WORDS = re.compile(rf"^(?:{OFFICIAL})$", re.I)
KIN_WORDS = re.compile(
    r"\b(family|mother|father|mom|dad|grand\w+|aunt|uncle|sister|brother|cousin|relatives?)\b"
)

INTENT = (
    (
        re.compile(
            r"\b(?:the murder of (?=[A-Z])|(?:was|were) murdered|murdered (?:him|her|my|our|his|their)|"
            r"(?:[Ii]t|[Tt]his|[Tt]hat) was (?:a )?murder|(?:not|no|wasn[’']t|was not) an? accident|"
            r"(?:intentionally|deliberately|on purpose) (?:shot|killed|fired)|"
            r"(?:shot|killed|fired) (?:\w+ )?(?:intentionally|deliberately|on purpose)|"
            r"(?:an intentional|a deliberate) (?:shooting|killing)|cold[- ]blooded)\b"
        ),
        "not an accident",
    ),
    (
        re.compile(
            r"\b(?:accidentally (?:shot|killed|fired|discharged|shooting)|"
            r"accidental (?:shooting|discharge|death)|"
            r"(?:it|this|that) was (?:just )?an accident|unintentionally (?:shot|killed|fired)|"
            r"(?:an )?unintentional (?:shooting|discharge))\b",
            re.I,
        ),
        "an accident",
    ),
)
# "I don't believe he was the gunman", "she did not fire", "he never shot anyone"
DENIAL = re.compile(
    r"\b(?:(?:don[’']t|do not|didn[’']t|does not|doesn[’']t) (?:think|believe) "
    r"(?P<subj>he|she|[A-Z][a-z]+) (?:was|is|did|could)|(?P<subj2>he|she|[A-Z][a-z]+) "
    r"(?:wasn[’']t|was not|isn[’']t|is not|didn[’']t|did not|never|could not|couldn[’']t)(?: have)?) "
    r"(?:the (?:shooter|gunman|killer|suspect)|shoot|shot|fire|"
    r"fired|kill|killed|do it|did it|done it)\b(?! (?:himself|herself|themselves))"
)
# "Aguilar doesn't think Hayes was the suspect": the one who does not believe it says so.
BELIEVER = re.compile(
    r"\b(?P<who>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:does not|doesn[’']t|do not|don[’']t|did not|didn[’']t) "
    r"(?:think|believe)\b"
)
# "police said the suspect was 17-year-old Ray Lee": the person named after the role.
NAMED_AS = re.compile(
    r"\bthe (?:suspect|shooter|gunman|killer) (?:was|is|has been identified as|was identified as) "
    r"(?:(?:a |an )?\d{1,2}-year-old )?(?:[A-Z][a-z]+ ){0,2}"
    r"(?P<surname>(?:Mc|Mac|O[’']|De)?[A-Z][a-z]{2,})\b"
)
# One sentence that reports both sides: "the examiner said that, despite posts from friends and family
# claiming otherwise, the officer did not shoot him in the back".
CONTRARY = re.compile(
    r"\b(?:despite|contrary to|in spite of) (?:[\w-]+ ){0,3}?(?:claims?|posts?|reports?|accounts?|"
    r"allegations?|statements?|rumou?rs?|assertions?)(?: on social media)? (?:from|by|of) "
    r"(?P<other>[^,;]{3,60}?) (?:claiming|saying|alleging|suggesting|insisting) otherwise\b"
)
# "Okafor stepped out of the van and shot him", "Lee was the shooter", "Lee has confessed"
ACCUSES = re.compile(
    r"\b(?P<name>(?:Mc|Mac|O[’']|De)?[A-Z][a-z]{2,})\b(?:(?! said| says| who\b)[^.;“”\"]){0,80}?\b"
    r"(?:(?:shot|fired at|killed) "
    r"(?:him|her|them|the|a|an|[A-Z]\w*)\b|(?:is|was) the (?:shooter|gunman|killer)|(?:has |had )?confessed)"
)
HISTORY = (
    # The negated form first: "not the first time" holds "the first time".
    (
        re.compile(
            r"\b(?:(?:another|a previous|an earlier|a prior) (?:shooting|killing|homicide|stabbing|incident) "
            r"(?:occurred|happened|took place)|(?:has|had) happened (?:there )?before|not the first time)\b",
            re.I,
        ),
        "happened there before",
    ),
    (
        re.compile(
            r"\b(?:the first time|never (?:before|happened)|nothing like (?:this|that)(?: has)?(?: ever)? "
            r"happened)\b",
            re.I,
        ),
        "never happened before",
    ),
)
# "police believe the victim was targeted" / "a random act of violence"
MOTIVE = (
    (
        re.compile(
            r"\b(?:(?:was|were|is|are|been|be) (?:specifically |likely )?targeted|not (?:a )?random|"
            r"targeted (?:attack|shooting|killing|hit))\b",
            re.I,
        ),
        "targeted",
    ),
    (
        re.compile(
            r"\b(?:(?:a|the) random (?:act|shooting|attack|killing)|(?:was|were|is) random|"
            r"(?:was|were|is) not targeted|wasn[’']t targeted|randomly (?:shot|targeted|chosen|selected))\b",
            re.I,
        ),
        "random",
    ),
)
# Words one of the facts above needs (any case, inside a word too): a test by substring, as a regular
# expression of alternatives is tried at every position of every sentence of the topic.
KEYWORDS = (
    "accident", "murder", "intentional", "purpose", "deliberate", "cold-blooded", "cold blooded",
    "first time", "never", "another", "previous", "earlier", "prior", "before", "targeted", "random",
)  # fmt: skip
NEGATION_WORDS = ("n't", "n’t", "not", "never")  # one of them is in every sentence `NEGATED` finds
VIOLENCE = re.compile(
    r"\b(?:shot|shoot\w*|gun\w*|fired|killed|killing|murder\w*|homicide|stabb\w*|violen\w*)\b", re.I
)
QUOTE_MARK = re.compile(r"[“”\"]")
CAPITALISED = re.compile(r"\b(?:Mc|Mac|O[’']|De)?[A-Z][a-z]{2,}\b")
NEGATED = re.compile(r"n[’']t\b|\bnot\b|\bnever\b")
ABOUT = {
    "intent": "whether the shooting was an accident",
    "culprit": "whether {} did it",
    "history": "whether violence had happened there before",
    "motive": "whether the victims were targeted or chosen at random",
}
START_WORDS = {
    "The",
    "A",
    "An",
    "It",
    "In",
    "On",
    "At",
    "Records",
    "Police",
    "But",
    "And",
    "He",
    "She",
    "They",
}


@dataclass(frozen=True)
class Statement:
    sentence: Sentence
    fact: str  # "intent", "culprit|<name>", "history"
    value: str
    speaker: str  # who says it, as printed ("" for the outlet's own voice)
    kind: str  # "official", "kin", "named:<name>", "pronoun", "outlet:<article>"
    words: str = ""  # the words that take the side, as printed ("accidentally shot")


def _speaker_kind(who: str, article: str) -> str:
    who = who.strip()
    if not who:
        return f"outlet:{article}"
    if OFFICIAL_WORDS.match(who):
        return "official"
    if KIN_WORDS.search(who.lower()):
        return "kin"
    if who.lower() in ("he", "she", "they"):
        return "pronoun"
    return "named:" + who.split()[-1].lower()


def _claims(text: str) -> list[tuple[str, str, str]]:
    """(fact, value, the words that say it) for each fact the sentence takes a side on."""
    out = []
    for fact, patterns in (("intent", INTENT), ("history", HISTORY), ("motive", MOTIVE)):
        if not VIOLENCE.search(text):
            break  # "it was an accident" of a fall or a crash in a topic that also has a shooting
        for pattern, value in patterns:
            if m := pattern.search(text):
                if NEGATED_FRAME.search(re.split(r"[,;:—]| but | while ", text[: m.start()])[-1]):
                    # "police do not believe it was a random shooting": the other side, when the value
                    # has one that its negation says; else nothing ("don't think it was murder").
                    if value not in NEGATED_AS:
                        break
                    value = NEGATED_AS[value]
                elif NEGATED.search(text, 0, m.start()):
                    break  # a negation further back: "police don't want anyone thinking it was random"
                out.append((fact, value, m.group().strip()))
                break
    return out


NEGATED_AS = {"random": "targeted", "an accident": "not an accident"}
# A negated belief or description of the side's words ("do not believe this to be", "doesn't appear to
# be"), not any negation before them ("why don't you investigate the murder of ...").
NEGATED_FRAME = re.compile(
    r"(?:n[’']t|\bnot|\bnever)\s+(?:\w+\s+){0,2}?(?:be|is|was|were|believe\w*|think\w*|thought|"
    r"appear\w*|seem\w*|consider\w*|rule\w*|call\w*)\b",
    re.I,
)


def _has_keyword(text: str) -> bool:
    low = text.lower()
    return any(k in low for k in KEYWORDS)


def statements(ctx: TopicContext) -> list[Statement]:
    claims = [s for s in ctx.all_sentences if _has_keyword(s.text) and _claims(s.text)]
    denials = [
        s
        for s in ctx.all_sentences
        if any(w in s.text for w in NEGATION_WORDS) and NEGATED.search(s.text) and DENIAL.search(s.text)
    ]
    # Someone said to have done it matters only against a denial.
    accusing = (
        [s for s in ctx.all_sentences if ACCUSES.search(s.text) or NAMED_AS.search(s.text)] if denials else []
    )
    candidates = sorted(
        set(claims + denials + accusing), key=lambda s: (ctx.order.get(s.article, 0), s.start)
    )
    if not candidates:
        return []
    quoted: dict[tuple[str, int], str] = {}
    if any(QUOTE_MARK.search(s.text) for s in candidates):
        # The speakers the quotes section resolves, for the sentences that print a quotation.
        from .quotes import find_quotes

        for q in find_quotes(ctx):
            if q.speaker.name:
                quoted[(q.source.article, q.source.start)] = q.speaker.name
    out = []
    for s in candidates:
        who = quoted.get((s.article, s.start), "")
        for pattern in REPORTED:
            if not who and (m := pattern.search(s.text)):
                who = m.group("who")
        kind = _speaker_kind(who, s.article)
        for fact, value, words in _claims(s.text):
            out.append(Statement(s, fact, value, who, kind, words))
        believer = BELIEVER.search(s.text) if not who and DENIAL.search(s.text) else None
        if believer and believer.group("who") not in START_WORDS:
            who = believer.group("who")
            kind = _speaker_kind(who, s.article)
        if (d := DENIAL.search(s.text)) and who:
            # Of the person it names ("doesn't think Lee was the shooter"), else of the one its
            # article's accusations name (`_resolve_denials`: "he was not the shooter").
            subject = d.group("subj") or d.group("subj2")
            if subject in ("he", "she"):
                out.append(Statement(s, "culprit", "did not do it", who, kind))
            else:
                out.append(Statement(s, f"culprit|{subject}", f"{subject} did not do it", who, kind))
        elif (m := NAMED_AS.search(s.text)) and who:
            name = m.group("surname")
            out.append(Statement(s, f"culprit|{name}", f"{name} did it", who, kind))
        elif (m := ACCUSES.search(s.text)) and who:
            name = _accused(s.text, m, _proper(ctx.sentences.get(s.article, ())))
            if name and (name != who.split()[-1] or "confess" in m.group()):
                out.append(Statement(s, f"culprit|{name}", f"{name} did it", who, kind))
    return out


def _accused(text: str, m: re.Match[str], proper: frozenset[str]) -> str:
    """The first name before the act, its doer: a capitalised word the article also prints inside a
    sentence ("After hours of questioning, Okafor confessed": Okafor, not After; "Records show
    Okafor saw Lee and shot him": Okafor, not Lee)."""
    names = [w.group() for w in CAPITALISED.finditer(text[: m.end()]) if w.group() in proper]
    return names[0] if names else ""


def _proper(sentences: tuple[Sentence, ...]) -> frozenset[str]:
    return (
        frozenset(w.group() for s in sentences for w in CAPITALISED.finditer(s.text) if w.start() > 0)
        - START_WORDS
    )


def _resolve_denials(ctx: TopicContext, found: list[Statement]) -> list[Statement]:
    """A denial ("he was not the shooter") is about the person others say did it, when the denial's
    article names that one person."""
    accused = {st.fact.split("|")[1] for st in found if st.fact.startswith("culprit|")}
    out = []
    for st in found:
        if st.fact == "culprit":
            text = ctx.article(st.sentence.article).text
            named = [n for n in sorted(accused) if re.search(rf"\b{re.escape(n)}\b", text)]
            if len(named) != 1:
                continue
            value = f"{named[0]} did not do it"
            st = Statement(st.sentence, f"culprit|{named[0]}", value, st.speaker, st.kind)
        out.append(st)
    return out


def contrary(ctx: TopicContext) -> list[Dispute]:
    """A sentence that reports both sides itself: a speaker's account "despite claims from" others
    "claiming otherwise". Both sides cite that sentence."""
    out = []
    for s in ctx.all_sentences:
        if "otherwise" not in s.text or not (m := CONTRARY.search(s.text)):
            continue
        found = [f for f in (r.search(s.text) for r in REPORTED) if f and f.start() < m.start()]
        who = found[0].group("who") if found else ""
        other = m.group("other").strip()
        if (
            not who
            or who.lower() in ("he", "she", "they")
            or _speaker_kind(who, s.article) == _speaker_kind(other, s.article)
        ):
            continue
        # What the speaker holds: the clause after "... claiming otherwise", else the one before it.
        after = s.text[m.end() :].strip(" ,.;")
        claim = after if len(after.split()) >= 3 else s.text[found[0].end() : m.start()].strip(" ,.;")
        claim = re.sub(r"^that\s+", "", claim)
        sources = sort_sources(ctx, [source(s)])
        sides = (
            Side(s.text, sources, value=f"{claim} ({who})"),
            Side(s.text, sources, value=f"otherwise ({other})"),
        )
        out.append(Dispute(about=f"whether {claim}: {who} against {other}", kind="claim", sides=sides))
    return out


def extract(ctx: TopicContext) -> list[Dispute]:
    return _opposed(ctx) + contrary(ctx)


def _opposed(ctx: TopicContext) -> list[Dispute]:
    found = _resolve_denials(ctx, statements(ctx))
    by_fact: dict[str, list[Statement]] = defaultdict(list)
    for st in found:
        by_fact[st.fact].append(st)
    out = []
    for fact, sts in by_fact.items():
        values = sorted({st.value for st in sts})
        if len(values) != 2:
            continue
        sides_of = {v: [st for st in sts if st.value == v] for v in values}
        kinds = {v: {st.kind for st in group} for v, group in sides_of.items()}
        # Speakers of different kinds on the two sides, and at least one side attributed.
        if kinds[values[0]] & kinds[values[1]]:
            continue
        if all(k.startswith("outlet:") for ks in kinds.values() for k in ks):
            continue  # outlets in their own voice: a dispute between outlets, not quoted people
        sides = []
        for v in values:
            group = sides_of[v]
            who = next((st.speaker for st in group if st.speaker), "") or "the article itself"
            words = next((st.words for st in group if st.words), "")
            label = f"{v}: “{words}” ({who})" if words else f"{v} ({who})"
            sources = sort_sources(ctx, (source(st.sentence) for st in group))
            sides.append(Side(group[0].sentence.text, sources, value=label))
        sides.sort(key=lambda side: ctx.order.get(side.sources[0].article, 0))
        name = fact.split("|")[1] if "|" in fact else ""
        about = ABOUT[fact.split("|")[0]].format(name)
        out.append(Dispute(about=about, kind="claim", sides=tuple(sides)))
    return out
