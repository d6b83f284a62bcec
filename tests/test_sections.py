from __future__ import annotations

from pathlib import Path

import yaml
from helpers import article, context, seed_articles

from briefgen.models import Article
from briefgen.sections import context as context_section
from briefgen.sections import decisions, disputes, quotes


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


def _plain(text: str, id: str = "a") -> Article:
    """An article taken as written (no cleaning), for tests on exact paragraphs."""
    return Article(id=id, path=f"{id}.txt", text=text)


def test_said_name_with_appositive_and_description_speakers() -> None:
    a = _plain(
        "Shares fell sharply on Monday.\n\n"
        "“The recall will cost us,” said Ingrid Falk, the chief executive of Norland Motors.\n\n"
        "A worker at the plant in Port Elsie's Harbor District remarked, “Nobody told us anything.”"
    )
    found = quotes.extract(context(a))
    assert [(q.speaker, q.text) for q in found] == [("Ingrid Falk", "The recall will cost us")]


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
