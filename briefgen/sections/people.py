"""People named in a topic, with the role printed next to their name (rules, no model download).

A person is a run of 2-3 capitalised words that follows a title ("Defense Minister Gen Nakatani",
"Secretary of Defense Pete Hegseth") or precedes a speech verb ("Jeffrey Goldberg said").
Surnames alone ("Hegseth") and descriptions ("the Pentagon chief") resolve to these people.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

NAME_WORD = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*(?:['’][A-Z][a-z]+)?(?!\w)"
NAME = rf"{NAME_WORD}(?:\s+(?:[A-Z]\.\s+)?{NAME_WORD}){{1,2}}"
TITLE_WORDS = (
    "Secretary|Minister|President|Vice President|Prime Minister|Director|Adviser|Advisor|Chancellor|"
    "Governor|Senator|Sen\\.|Rep\\.|Representative|Mayor|spokesman|spokeswoman|spokesperson|CEO|chief|"
    "General|Gen\\.|Admiral|Ambassador|Judge|Justice|Mr\\.|Ms\\.|Mrs\\.|Dr\\.|King|Queen|Pope|"
    "Commissioner|Chairman|Chairwoman|Chair|leader|Leader|Speaker|Commander|Premier|Foreign Minister"
)
ROLE_PREFIX = r"(?:(?:[A-Z][\w.'’-]*|of|the)\s+){0,5}"
TITLED = re.compile(
    rf"(?P<role>{ROLE_PREFIX}(?:{TITLE_WORDS})(?:\s+of(?:\s+[A-Z][\w.-]*){{1,3}})?)\s+(?P<name>{NAME})\b"
)
SPEECH_VERBS = (
    "said|says|told|added|stated|declared|continued|noted|stressed|emphasized|emphasised|asserted|"
    "argued|warned|explained|insisted|announced|wrote|tweeted|described|called|affirmed|vowed|hailed|"
    "labeled|labelled|urged|remarked|replied|responded|acknowledged|admitted|claimed|recalled|"
    "reiterated|pledged|promised|observed|commented|confirmed|predicted|suggested|cautioned"
)
SPEAKER_OF_VERB = re.compile(rf"\b(?P<name>{NAME})\s+(?:{SPEECH_VERBS})\b")
NOT_NAMES = {
    "the",
    "this",
    "that",
    "these",
    "those",
    "and",
    "but",
    "when",
    "while",
    "during",
    "after",
    "before",
    "on",
    "in",
    "at",
    "as",
}
DESCRIPTIONS = {
    "pentagon chief": "secretary",
    "defense chief": "secretary",
    "defence chief": "secretary",
    "defense secretary": "secretary",
    "defence secretary": "secretary",
    "secretary": "secretary",
    "minister": "minister",
    "prime minister": "prime minister",
    "premier": "prime minister",
    "president": "president",
}


@dataclass(frozen=True)
class Person:
    name: str
    role: str


TITLE_SET = {
    w.lower() for w in TITLE_WORDS.replace("\\", "").replace(" ", "|").split("|") if w not in ("Gen.",)
} | {"defense", "defence", "foreign", "national", "security", "intelligence", "u.s.", "us", "gen."}


ORG_WORDS = {
    "house",
    "ministry",
    "department",
    "office",
    "council",
    "committee",
    "forces",
    "force",
    "command",
    "news",
    "press",
    "agency",
    "times",
    "post",
    "party",
    "government",
    "army",
    "navy",
    "university",
    "institute",
    "bank",
    "court",
    "company",
    "group",
    "association",
    "union",
    "league",
    "club",
    "headquarters",
    "service",
    "services",
    "administration",
    "congress",
    "parliament",
    "senate",
}


def _clean_name(name: str) -> str:
    words = name.split()
    while words and (words[0].lower() in NOT_NAMES or words[0].lower() in TITLE_SET):
        words.pop(0)
    return " ".join(words)


class People:
    """The people of one text (or topic), resolvable by surname, full name or description."""

    def __init__(self, text: str, known: dict[str, str] | None = None) -> None:
        self.roles: dict[str, str] = dict(known or {})
        self.mentions: list[tuple[int, str]] = []
        for m in TITLED.finditer(text):
            name = _clean_name(m.group("name"))
            if len(name.split()) >= 2 and name.split()[-1].lower() not in ORG_WORDS:
                role = " ".join(m.group("role").split())
                self.roles.setdefault(name, role)
        for m in SPEAKER_OF_VERB.finditer(text):
            name = _clean_name(m.group("name"))
            if (
                len(name.split()) >= 2
                and name.split()[-1].lower() not in ORG_WORDS
                and not self._resolve_name(name)
            ):
                self.roles.setdefault(name, "")
        self.by_surname: dict[str, str] = {}
        surnames: dict[str, set[str]] = defaultdict(set)
        for name in self.roles:
            surnames[name.split()[-1]].add(name)
        for surname, names in surnames.items():
            if len(names) == 1:
                self.by_surname[surname] = next(iter(names))
        # Every mention (full name or known surname) with its position, for pronouns.
        if self.roles:
            pattern = re.compile(
                r"\b("
                + "|".join(
                    re.escape(n)
                    for n in sorted(set(self.roles) | set(self.by_surname), key=len, reverse=True)
                )
                + r")\b"
            )
            for m in pattern.finditer(text):
                person = self.resolve(m.group(1))
                if person:
                    self.mentions.append((m.start(), person))

    def _resolve_name(self, words: str) -> str:
        tokens = [w for w in words.split() if w[:1].isupper()]
        for i in range(len(tokens)):
            candidate = " ".join(tokens[i:])
            if candidate in self.roles:
                return candidate
        by_surname = getattr(self, "by_surname", {})
        if tokens and tokens[-1] in by_surname:
            return by_surname[tokens[-1]]
        return ""

    def resolve(self, words: str) -> str:
        """A full name for a name, surname or description; '' when unknown or ambiguous."""
        words = " ".join(words.split())
        if words in self.roles:
            return words
        if name := self._resolve_name(words):
            return name
        lowered = words.lower().removeprefix("the ").strip()
        key = DESCRIPTIONS.get(lowered)
        if key is None:
            for description, value in DESCRIPTIONS.items():
                if lowered.endswith(description):
                    key = value
                    break
        if key:
            matches = [n for n, role in self.roles.items() if key in role.lower()]
            if key == "minister":
                matches = [n for n in matches if "prime minister" not in self.roles[n].lower()]
            if len(matches) == 1:
                return matches[0]
        return ""

    def last_before(self, position: int) -> str:
        """The person mentioned last before `position` (for "he" / "she")."""
        last = ""
        for start, person in self.mentions:
            if start >= position:
                break
            last = person
        return last
