from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from helpers import article, context, seed_articles

from briefgen.models import Article
from briefgen.sections import context as context_section
from briefgen.sections import decisions, disputes, entities, framing, quotes


def test_pronoun_speaker_resolves_to_named_person() -> None:
    a = article(
        "Prime Minister Jane Doe visited the port on Monday. "
        "“We will rebuild every pier within a year,” she said. "
        "The opposition leader Tom Roe was not convinced by the plan."
    )
    [q] = quotes.extract(context(a))
    assert q.speaker == "Jane Doe"
    assert q.cue == "said"
    assert q.text == "We will rebuild every pier within a year"


def test_two_speakers_in_one_paragraph() -> None:
    a = article(
        "Finance Minister Ana Silva and central bank chief Carlos Mendes met on Friday. "
        "“Inflation is falling faster than we expected,” Silva said. "
        "“We will keep rates where they are for now,” Mendes told reporters."
    )
    found = {q.speaker: q for q in quotes.extract(context(a))}
    assert set(found) == {"Ana Silva", "Carlos Mendes"}
    assert found["Carlos Mendes"].cue == "told reporters"


def test_unattributed_quote_is_left_out() -> None:
    a = article("Critics call it a “historic mistake for the whole country” and move on.")
    assert quotes.extract(context(a)) == ()


def test_same_quote_merges_across_articles_with_unmarked_copy() -> None:
    a = article(
        "Defense Secretary Pete Hegseth spoke. "
        "“Japan is our indispensable partner in deterrence,” Hegseth said.",
        id="a",
    )
    b = article(
        "Japan is our indispensable partner in deterrence, Hegseth said at the talks in Tokyo.", id="b"
    )
    [q] = quotes.extract(context(a, b))
    assert q.speaker == "Pete Hegseth"
    assert [s.article for s in q.sources] == ["a", "b"]
    assert q.support == 2


def test_not_alone_is_no_dispute() -> None:
    a = article(
        "Officials said the number of inspectors would not increase this year, citing the budget.", id="a"
    )
    b = article("The mayor opened a new park on Sunday and said attendance would increase in spring.", id="b")
    assert disputes.extract(context(a, b)) == ()


def test_opposite_claims_are_a_dispute() -> None:
    a = article("Officials say they are not expecting an increase in troops stationed on the island.", id="a")
    b = article("He confirmed that troop levels on the island will increase next year.", id="b")
    [d] = disputes.extract(context(a, b))
    assert d.kind == "claim"
    assert [[s.article for s in side.sources] for side in d.sides] == [["a"], ["b"]]


def test_same_source_never_disputes_itself() -> None:
    a = article("Officials are not expecting an increase in troops on the island.", id="a")
    b = article("Troop levels on the island will increase, the minister said.", id="b")
    assert disputes.extract(context(a, b, groups={"a": "a", "b": "a"})) == ()


def test_seed_sections(seeds: list[Path]) -> None:
    ctx = context(*seed_articles(seeds))
    qs = quotes.extract(ctx)
    top = qs[0]
    assert top.text == "Japan is our indispensable partner in deterring Communist Chinese military aggression"
    assert "Hegseth" in top.speaker
    assert len({s.article[:3] for s in top.sources}) >= 4
    texts = {q.text: q for q in qs}
    assert "Nakatani" in texts["fruitful and candid"].speaker
    assert {s.article[:3] for s in texts["We share a warrior ethos that defines our forces"].sources} == {
        "003",
        "004",
    }
    kinds = {d.kind: d for d in disputes.extract(ctx)}
    troop = kinds["claim"]
    assert "troop" in troop.about
    assert {s.article[:3] for s in troop.sides[0].sources} == {"001", "002"}
    assert {s.article[:3] for s in troop.sides[1].sources} == {"004"}
    assert kinds["name"].about in ("AMRAAM or MRAAM", "MRAAM or AMRAAM")
    decision_text = " ".join(i.text for i in decisions.extract(ctx))
    assert "SM-6" in decision_text and "maintenance" in decision_text
    background = " ".join(i.text for i in context_section.extract(ctx))
    assert "July" in background and "50,000" in background


def test_background_that_leans_on_the_sentence_before_is_left_out() -> None:
    a = _plain(
        "The harbour council met on Monday to discuss the breakwater. "
        "The breakwater was built in 1952 and last repaired in 1987. "
        "But several engineers said in 2019 that it would not last another decade. "
        "He also recalled the storm of 1976, when the harbour flooded."
    )
    assert [i.text for i in context_section.extract(context(a))] == [
        "The breakwater was built in 1952 and last repaired in 1987."
    ]


def _plain(text: str, id: str = "a", published: dt.date | None = None) -> Article:
    """An article taken as written (no cleaning), for tests on exact paragraphs."""
    return Article(id=id, path=f"{id}.txt", text=text, published=published)


def test_said_name_with_appositive_and_description_speakers() -> None:
    a = _plain(
        "Shares fell sharply on Monday.\n\n"
        "“The recall will cost us,” said Ingrid Falk, the chief executive of Norland Motors.\n\n"
        "A worker at the plant in Port Elsie's Harbor District remarked, “Nobody told us anything.”"
    )
    found = quotes.extract(context(a))
    # The name inside the prepositional phrase is not the speaker: the worker is an unnamed source.
    assert [(q.speaker, q.speaker_kind, q.text) for q in found] == [
        ("Ingrid Falk", "person", "The recall will cost us"),
        ("A worker at the plant in Port Elsie's Harbor District", "unnamed", "Nobody told us anything."),
    ]


def test_continuation_and_multi_paragraph_quote() -> None:
    a = _plain(
        "Senator Paul Whitaker spoke on Wednesday.\n\n"
        "“This bill is about hospitals. It is about farms.\n\n"
        "“I ask my colleagues to remember that,” Whitaker said. “The vote is Friday.”"
    )
    found = {q.text: q.speaker for q in quotes.extract(context(a))}
    assert found == {
        "This bill is about hospitals. It is about farms.": "Paul Whitaker",
        "I ask my colleagues to remember that": "Paul Whitaker",
        "The vote is Friday.": "Paul Whitaker",
    }


def test_pronoun_skips_person_of_other_gender() -> None:
    a = _plain(
        "Host Karen Blake interviewed Governor Michael Torres on Sunday.\n\n"
        '"Will you raise taxes?" Blake asked.\n\n'
        '"No. Not this year," he said.'
    )
    found = {q.text: q.speaker for q in quotes.extract(context(a))}
    assert found["No. Not this year"] == "Michael Torres"
    assert found["Will you raise taxes?"] == "Karen Blake"


def test_titles_nicknames_and_scare_quotes_are_not_quotes() -> None:
    a = _plain(
        "The documentary “Rivers of Salt” opened the festival. Critics called it the festival’s "
        "“best opening in a decade.” The so-called “peace dividend” never came. "
        "A farmer is known locally as “the Colonel.”"
    )
    assert quotes.extract(context(a)) == ()


def test_hand_annotated_quotes_have_no_false_positive_or_wrong_speaker() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    from eval_quotes import GOLD, evaluate

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["articles"]
    result = evaluate(gold)
    assert result["precision"] == 1.0
    assert result["speaker_accuracy"] == 1.0
    assert result["recall"] >= 0.9


def test_different_numbers_for_one_quantity_are_a_dispute() -> None:
    # Articles of the same day: the toll cannot have changed between them.
    day = dt.date(2024, 5, 6)
    a = _plain(
        "The earthquake killed 120 people in the northern province, officials said on Monday.", "a", day
    )
    b = _plain("The earthquake killed 87 people in the northern province, according to officials.", "b", day)
    [d] = disputes.extract(context(a, b))
    assert d.kind == "number"
    assert [s.value for s in d.sides] == ["120", "87"]
    assert [[x.article for x in s.sources] for s in d.sides] == [["a"], ["b"]]


def test_compatible_or_unrelated_numbers_are_no_dispute() -> None:
    a = _plain("Japan is home to more than 50,000 U.S. troops stationed across the country.", "a")
    b = _plain("About 54,000 U.S. troops are stationed across the country, the ministry said.", "b")
    c = _plain("The storm damaged 300 homes and 12 schools in the coastal towns on Friday.", "c")
    d = _plain("Officials said 4 schools and 35 homes had been damaged in the mountain villages.", "d")
    assert disputes.extract(context(a, b)) == ()
    assert disputes.extract(context(c, d)) == ()


def test_one_source_giving_two_figures_is_a_change_not_a_dispute() -> None:
    a = _plain("Unemployment rose to 7 percent in May from 5 percent in April, the agency said.", "a")
    b = _plain("Unemployment rose to 7 percent in May, the agency said in its report.", "b")
    assert [d for d in disputes.extract(context(a, b)) if d.kind == "number"] == []


def test_different_dates_for_one_event_are_a_dispute() -> None:
    a = _plain("The new bridge over the river opened to traffic on May 3, 2024, the city said.", "a")
    b = _plain("The new bridge over the river opened to traffic on May 4, 2024, city officials said.", "b")
    [d] = disputes.extract(context(a, b))
    assert d.kind == "date"
    assert sorted(s.value for s in d.sides) == ["2024-05-03", "2024-05-04"]


def test_framing_word_one_outlet_uses_alone() -> None:
    a = _plain("The minister visited the border to counter the supposed threat from smugglers.", "a")
    b = _plain("The minister visited the border to counter the growing threat from smugglers.", "b")
    c = _plain("“It is a supposed threat,” the mayor said of the smugglers at the border.", "c")
    [f] = framing.extract(context(a, b))
    assert (f.term, f.phrase) == ("supposed", "supposed threat")
    assert [s.article for s in f.others] == ["b"]
    # Inside a quotation the word is the speaker's, and an outlet that prints it does not avoid it.
    assert framing.extract(context(c, b)) == ()
    assert framing.extract(context(a, b, c)) == ()
    # A loaded word in a plain name ("the propaganda department") is no framing.
    d = _plain("The city's propaganda department said the strike at the mill had ended.", "d")
    e = _plain("The city's information department said the strike at the mill had ended.", "e")
    assert framing.extract(context(d, e)) == ()


def test_an_organisations_short_form_is_counted_under_its_full_name() -> None:
    a = _plain("The Elton Police Department said the harbour road would reopen on Monday.", "a")
    b = _plain("Elton Police said the harbour road was closed after the crash on Sunday.", "b")
    found = {e.name: e for e in entities.extract(context(a, b)) if e.kind == "organisation"}
    assert "Elton Police" not in found
    assert found["Elton Police Department"].support == 2
    # A chain of short forms ends in the longest name, none lost.
    c = _plain(
        "The Elton Police Department Office said so. The Elton Police Department agreed. "
        "The Elton Police said so too.",
        "c",
    )
    chain = [e for e in entities.extract(context(c)) if e.kind == "organisation"]
    assert [(e.name, e.mentions) for e in chain] == [("Elton Police Department Office", 3)]
    # Without the full name in the topic, the short form stands.
    assert "Elton Police" in {e.name for e in entities.extract(context(b)) if e.kind == "organisation"}


def test_organisations_named_with_what_they_are_of_or_for() -> None:
    a = _plain(
        "Dr. Ana Vale of the Elton College of Marine Biology said the harbour was safe. "
        "The Department of Health and Human Services did not comment. "
        "The Elton Police Department and Elton Fire Department responded on Monday. "
        "Using the Centers for Medicare and Medicaid Services figures, she found nothing. "
        "Vale studied at the University of Port Elsie. "
        "Department of Harbour Security Secretary Ines Carrow spoke after her."
    )
    # A company's abbreviated suffix, and a name with "and" that the text also prints as an acronym.
    b = _plain(
        "Korvath Co. said the Harbour and Rail Authority approved the plan. The HRA met on Monday. "
        "Korvath Co. shares rose after the Elton Shipping Corp. deal.",
        "b",
    )
    found = {e.name: e.kind for e in entities.extract(context(b))}
    assert found["Korvath Co."] == "organisation" and "Korvath Co" not in found
    assert found["Harbour and Rail Authority"] == "organisation"
    assert found["Elton Shipping Corp."] == "organisation"
    orgs = {e.name for e in entities.extract(context(a)) if e.kind == "organisation"}
    assert orgs == {
        "Elton College of Marine Biology",
        "Department of Health and Human Services",
        "Elton Police Department",
        "Elton Fire Department",
        "Centers for Medicare and Medicaid Services",
        "University of Port Elsie",
    }


def test_entities_with_roles_acronyms_and_places() -> None:
    a = _plain(
        "Defense Secretary Robert Kane met Philippine officials in Manila on Thursday. "
        "The Armed Forces of the Philippines (AFP) will join the patrols, Kane said.",
        "a",
    )
    b = _plain("Kane said the AFP and the U.S. Navy would patrol near Manila and Taiwan.", "b")
    found = {e.name: e for e in entities.extract(context(a, b))}
    assert found["Robert Kane"].kind == "person" and found["Robert Kane"].role == "Defense Secretary"
    assert found["Robert Kane"].support == 2
    assert found["Armed Forces of the Philippines"].role == "AFP"
    assert found["Armed Forces of the Philippines"].support == 2
    assert found["Manila"].kind == "place" and found["Taiwan"].kind == "place"
    assert "Thursday" not in found


def test_decision_names_who_decided() -> None:
    a = _plain(
        "Finance Minister Ana Silva met her counterpart on Friday. "
        "Silva and the central bank jointly announced a plan to cap fuel prices until March.",
        "a",
    )
    [item] = decisions.extract(context(a))
    assert item.actor == "Ana Silva"
    # A pronoun names no one ("**It:** It passed ..."); an opening "But" is not the actor's name.
    b = _plain("The assembly met. It passed a law that lets fishing boats land their catch at night.", "b")
    c = _plain("But Korvath Bank agreed to buy the harbour depot for five million.", "c")
    items = {i.text: i.actor for i in decisions.extract(context(b, c))}
    assert items == {b.text.split(". ")[1]: "", c.text: "Korvath Bank"}


def test_same_decision_worded_differently_merges_across_outlets() -> None:
    a = _plain(
        "Mayor Lena Ortiz announced on Monday the conversion of the old freight depot "
        "into a public library with a children's wing.",
        "a",
    )
    b = _plain(
        "The city council approved turning the disused freight depot into a public library, "
        "council members said after a long session on budgets.",
        "b",
    )
    c = _plain("Officials said the council has decided that the rail depot will become a library.", "c")
    [item] = decisions.extract(context(a, b, c))
    assert [s.article for s in item.sources] == ["a", "b", "c"]
    assert item.support == 3
    assert item.text in {a.text, b.text, c.text}


def test_different_decisions_in_one_story_stay_apart() -> None:
    a = _plain(
        "The ministers agreed to build a deep-water port at Haifa within five years. "
        "The ministers also agreed to cut fuel taxes for farmers from next month.",
        "a",
    )
    b = _plain(
        "The two governments agreed to construct a deep-water port at Haifa within five years, "
        "officials said.",
        "b",
    )
    items = decisions.extract(context(a, b))
    assert len(items) == 2
    port, taxes = items
    assert "port" in port.text and {s.article for s in port.sources} == {"a", "b"}
    assert "fuel taxes" in taxes.text and [s.article for s in taxes.sources] == ["a"]


def test_a_sentence_with_two_decisions_no_other_sentence_reports_is_shown_once() -> None:
    text = (
        "While the rowing federation replaced its entire board, it decided to bar any rower with a doping "
        "violation from the national team and announced new testing rules for junior crews."
    )
    other = "The harbour council agreed on Monday to rebuild the northern breakwater before winter."
    found = decisions.extract(context(_plain(text, "a"), _plain(other, "b")))
    assert [i.text for i in found] == [text, other]


def test_sentence_with_two_decisions_cites_both_and_shows_focused_ones() -> None:
    a = _plain(
        "The two sides agreed to jointly produce armoured trucks for the border guard, "
        "and they also agreed to open a shared training school for pilots in Lyon.",
        "a",
    )
    b = _plain(
        "Officials said the two sides agreed to jointly produce armoured trucks for the border guard.", "b"
    )
    c = _plain("The ministers also agreed to open a shared pilot training school in Lyon next year.", "c")
    items = {i.text: i for i in decisions.extract(context(a, b, c))}
    assert set(items) == {b.text, c.text}
    assert [s.article for s in items[b.text].sources] == ["a", "b"]
    assert [s.article for s in items[c.text].sources] == ["a", "c"]
    assert items[c.text].actor == "The ministers"


DECISIONS = [
    "The council approved the ordinance on March 7 after a long debate.",
    "The bill was approved by the Senate on Tuesday by a vote of 60 to 40.",
    "The two sides agreed to accelerate plans to jointly develop missiles.",
    "The agency launched an inquiry into the collapse of the harbour bridge on Monday.",
    "The city has started a training program for teachers that will double their number.",
    "The Defense Department has started “phase one” of upgrading the harbour command.",
    "Judge Ann Vale ruled that the company had acted with willful malice in the case.",
    "The teen’s mother said the school board decided to close the gym for a week.",
    "Vale served as mayor and signed the harbour bill into law after the vote.",
]
NOT_DECISIONS = [
    "Vale, who voted in favor of the marina project, now has mixed feelings about it.",
    "It started with a small group of volunteers in the old harbour district.",
    "The kids started lining up to have their yearbooks signed by the coach.",
    "The usual wait to get a single permit approved was longer than a year.",
    "The walls of his office are covered with signed photos of the players.",
    "He asked for more money than the $106 million approved by Congress this year.",
    "The film did poorly, but critics approved — it has an 82% rating online.",
    "The minister expects that it will be approved by the end of April at the latest.",
    "Rockets were launched from the coast into the southern towns late on Monday.",
    "She visits a doctor in Elton who approved of the use of a therapy animal.",
    "Each project received proper review before it was approved, the regional chief said.",
    "It showed it had government-approved access to work in the northern parts.",
    "The list ranged from the abuse of aid programs to garner votes to control of the media.",
    "Vale said the city has never agreed to limit the expansion of the harbour.",
    "Their ranks will increase by 3,000 as more people join the search for work.",
    "In the end, the mayor said he agreed with the board’s vote on the harbour plan.",
    "Hundreds more residents signed up for a similar class after the shooting.",
    "Police do not know what started the argument between the two neighbours.",
    "He would have started the fifth grade at Elton Elementary in the fall.",
    "Surgeons haven’t yet decided if they should operate on her knee again.",
    "She said her daughter agreed and said she would stay with a friend that night.",
    "The gunman ordered a hostage to break the glass door with a metal sign.",
]


def test_a_decision_verb_reports_a_decision_only_as_the_sentence_s_own_finite_verb() -> None:
    """Verbs in a relative or time clause, participles used as adjectives or with their agent alone,
    passives still to come, and "started"/"launched" without what was started are no decisions."""
    assert [s for s in DECISIONS if not decisions.is_decision(s)] == []
    assert [s for s in NOT_DECISIONS if decisions.is_decision(s)] == []


def test_sentence_about_decisions_made_elsewhere_is_no_decision() -> None:
    assert not decisions.is_decision(
        "The sweeping measures Mayor Lena Ortiz announced last week reflect a new era."
    )
    assert not decisions.is_decision("These steps that the council approved are a response to the floods.")
    assert decisions.is_decision("The ministers announced a plan to cap fuel prices until the end of March.")
    assert decisions.is_decision("The new finance minister Ana Silva announced a freeze on public hiring.")


def test_seed_brief_has_what_product_lists(seeds: list[Path]) -> None:
    from briefgen.analyze import analyze
    from briefgen.models import Topic

    articles = tuple(seed_articles(seeds))
    brief = analyze(Topic(slug="seed", title="seed", articles=articles))

    def ids(sources: tuple) -> set[str]:
        return {s.article[:3] for s in sources}

    decided = " ".join(i.text for i in brief.decisions)
    for fact in ("war-fighting headquarters", "SM-6", "maintenance", "Southwestern islands"):
        assert fact in decided, fact
    # One item per decision: the command upgrade, however worded, is one item citing every outlet.
    [upgrade] = [i for i in brief.decisions if "war-fighting headquarters" in i.text]
    assert any("phase one" in s.sentence for s in upgrade.sources)
    assert ids(upgrade.sources) == {"000", "001", "002", "003"}
    [missiles] = [i for i in brief.decisions if "SM-6" in i.text]
    assert ids(missiles.sources) == {"000", "001", "002", "003"}
    assert sum("SM-6" in i.text or "war-fighting" in i.text for i in brief.decisions) == 2
    quoted = {q.text: q for q in brief.quotes}
    partner = quoted["Japan is our indispensable partner in deterring Communist Chinese military aggression"]
    assert partner.speaker == "Pete Hegseth" and ids(partner.sources) == {"000", "001", "002", "003"}
    ethos = quoted["We share a warrior ethos that defines our forces"]
    assert ethos.speaker == "Pete Hegseth" and ids(ethos.sources) == {"003", "004"}
    assert ethos.cue.startswith("told") and "Nakatani" in ethos.cue
    alone = next(q for q in brief.quotes if "America first does not mean America alone" in q.text)
    assert alone.speaker == "Pete Hegseth" and ids(alone.sources) == {"004"}
    assert quoted["fruitful and candid"].speaker == "Gen Nakatani"
    kinds = {(d.kind, d.about): d for d in brief.disputes}
    troop = next(d for (kind, about), d in kinds.items() if kind == "claim" and "troop" in about)
    assert ids(troop.sides[0].sources) == {"001", "002"} and ids(troop.sides[1].sources) == {"004"}
    name = next(d for (kind, _), d in kinds.items() if kind == "name")
    assert {s.article[:3] for side in name.sides for s in side.sources} == {"000", "001", "002", "003", "004"}
    date = next(d for (kind, _), d in kinds.items() if kind == "date")
    assert "2025-04-19" in date.about and ids(date.sides[0].sources) == {"001"}
    background = " ".join(i.text for i in brief.context)
    for fact in ("In July", "50,000", "Joint Operations Command", "80th anniversary"):
        assert fact in background, fact
    assert [f.phrase for f in brief.framing] == ["supposed Chinese assertiveness"]
    people = {e.name: e for e in brief.entities if e.kind == "person"}
    assert people["Pete Hegseth"].role == "U.S. Defense Secretary"
    assert people["Gen Nakatani"].role == "Japanese Defense Minister"
    dated = {t.date for t in brief.timeline}
    assert {"2025-03-29", "2025-03-30", "2024-07"} <= dated


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("The harbour council voted 7-2 on Monday to rebuild the northern breakwater.", True),
        ("The assembly passed a bill to lower the voting age to 16 with a unanimous vote.", True),
        ("The regional parliament rejected the budget proposal of the governor by three votes.", True),
        ("The appeals court ruled that the harbour fees were unlawful and must be repaid.", True),
        ("Judge Ada Hicks sentenced him to four years in prison for the break-in.", True),
        ("Fourteen states have ratified the treaty on the river since it was drafted.", True),
        # A noun or an adjective that spells like a decision verb, or a decision only on a condition.
        ("Officials said they saw signs of improvement in the harbour after the storm.", False),
        ("Gen. Tomas Reuter, the newly appointed chief of staff, said the talks went on.", False),
        ("The money would go to the town only if the council agrees to the plan this year.", False),
        ("She lives in self-imposed exile in a harbour town far from the capital.", False),
    ],
)
def test_decision_verbs_and_what_only_looks_like_one(text: str, decision: bool) -> None:
    assert decisions.is_decision(text) is decision


def test_the_brief_does_not_depend_on_what_the_files_are_called(seeds: list[Path]) -> None:
    # Ties between sections' items are broken by the articles' order in their topic; that order is
    # read from the articles (date, then text), not from their ids, which are file names.
    import dataclasses

    from briefgen.analyze import analyze
    from briefgen.render import brief_to_dict
    from briefgen.topics import group_topics

    pile = seed_articles(seeds)
    n = len(pile)
    renamed = [dataclasses.replace(a, id=f"zz-{n - i}", path=f"zz-{n - i}.txt") for i, a in enumerate(pile)]

    def content(articles: list[Article]) -> dict[str, object]:
        [topic] = group_topics(sorted(articles, key=lambda a: a.id))  # as a build reads them: by name
        brief = brief_to_dict(analyze(topic))
        text = json.dumps({k: v for k, v in brief.items() if k not in ("articles", "syndication", "topic")})
        for place, a in enumerate(brief["articles"]):  # each article by its place in the topic
            text = text.replace(json.dumps(a["id"]), f'"article {place}"')
        return json.loads(text)

    assert content(renamed) == content(pile)


def test_a_decision_without_a_named_subject_gets_no_label() -> None:
    """ "An agreement to this effect was signed" names no actor: no "**An:**" label."""
    text = (
        "An agreement to build the new harbour wall was signed on Friday in Elton by the mayor. "
        "The Elton Council decided to raise the harbour fee by a tenth."
    )
    ctx = context(article(text))
    labels = {decisions.actor(ctx, "a", s.start, s.text) for s in ctx.sentences["a"]}
    assert "An" not in labels
    assert "The Elton Council" in labels
