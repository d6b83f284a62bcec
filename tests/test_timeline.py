from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers import article, context, seed_articles

from briefgen.dedupe import syndication_groups
from briefgen.sections import TopicContext, timeline


def dates(ctx: TopicContext) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for item in timeline.extract(ctx):
        out.setdefault(item.date, []).append(item.text)
    return out


def test_weekday_resolves_against_publication_date() -> None:
    # 8 May 2024 is a Wednesday.
    a = article(
        "The city council voted on Monday to close the old bridge for repairs.", published="2024-05-08"
    )
    assert a.published == dt.date(2024, 5, 8)
    assert dates(context(a)) == {"2024-05-06": [a.text]}


def test_future_weekday_counts_forward() -> None:
    a = article("The committee will meet on Friday to vote on the new budget plan.", published="2024-05-08")
    assert list(dates(context(a))) == ["2024-05-10"]


def test_relative_date_without_anchor_is_skipped() -> None:
    a = article("The city council voted on Monday to close the old bridge for repairs.")
    assert a.published is None
    assert dates(context(a)) == {}


def test_month_alone_is_the_last_such_month() -> None:
    a = article(
        "In July, the two governments agreed to upgrade the command structure of their forces.",
        published="2025-03-30",
    )
    assert list(dates(context(a))) == ["2024-07"]


def test_names_and_quotes_are_not_dates() -> None:
    a = article(
        "Candidates campaigned hard before Super Tuesday in several southern states. "
        "He told Japan Today that the plan was a good one for everybody involved. "
        "“We will win on Sunday,” the candidate told supporters at a rally downtown.",
        published="2024-03-01",
    )
    assert dates(context(a)) == {}


def test_late_article_is_counted_from_the_topic_dates() -> None:
    on_time = article(
        "The ministers met in Tokyo on March 30, 2025 to discuss the new command.",
        id="a",
        published="2025-03-30",
    )
    late = article(
        "The ministers met on Sunday in Tokyo to discuss the new command structure.",
        id="b",
        published="2025-04-19",
    )
    ctx = context(on_time, late)
    found = dates(ctx)
    assert list(found) == ["2025-03-30"]
    assert "2025-04-13" not in found
    _, anchors = timeline.dated_sentences(ctx)
    assert anchors.late == {"b": (dt.date(2025, 4, 19), dt.date(2025, 3, 30))}


def test_last_week_gives_a_month_only_when_sure() -> None:
    sure = article(
        "The agency last week launched a new command for its three services.", published="2025-03-30"
    )
    unsure = article(
        "The agency last week launched a new command for its three services.", published="2025-04-03"
    )
    assert list(dates(context(sure))) == ["2025-03"]
    assert dates(context(unsure)) == {}


def test_seed_timeline(seeds: list[Path]) -> None:
    articles = tuple(seed_articles(seeds))
    sentences = context(*articles).sentences
    ctx = TopicContext(articles, sentences, syndication_groups(articles, sentences))
    found = dates(ctx)
    assert any("Iwo Jima" in t for t in found["2025-03-29"])
    assert any("Tokyo" in t for t in found["2025-03-30"])
    assert any("command and control" in t for t in found["2024-07"])
    # 001 is dated 19.04.2025: its "Sunday" must not become 13 April.
    assert not [d for d in found if d.startswith("2025-04")]


def test_day_without_year_is_the_one_closest_to_the_article_date() -> None:
    a = article(
        "Recreational sales start in the state on Jan. 1, officials confirmed to reporters.",
        published="2017-12-20",
    )
    b = article(
        "The city council voted Dec. 6 to license the first shops in the county.", published="2017-12-20"
    )
    assert list(dates(context(a))) == ["2018-01-01"]
    assert list(dates(context(b))) == ["2017-12-06"]


def test_a_day_told_in_the_past_tense_is_not_after_the_article() -> None:
    from briefgen.models import Sentence
    from briefgen.sections.timeline import mentions_of, resolve

    def day(text: str) -> str:
        [mention] = mentions_of(Sentence("a", 0, 0, len(text), text))
        return resolve(mention, dt.date(2014, 8, 20))[0]

    assert day("The plane crashed Oct. 31 near the harbour, officials said.") == "2013-10-31"
    assert day("He was shot on Sept. 2 outside the store on Elm Street.") == "2013-09-02"
    # Plans, and days near the article, keep the nearest year.
    assert day("The trial is set for Oct. 31, officials said.") == "2014-10-31"
    assert day("The hearing was postponed to Oct. 31 by the judge.") == "2014-10-31"
    assert day("The council voted Aug. 18 to close the pier.") == "2014-08-18"


def test_a_sentence_is_dated_by_its_first_date_only() -> None:
    # Undated: "in March" cannot be resolved, so the sentence is not placed in 1911, the year of
    # another fact it mentions; a sentence whose first date resolves keeps it.
    a = article(
        "After the vote in March, the council said the town hall built in 1911 would close. "
        "The mill was founded in 1911 by two brothers who came from the coast.",
    )
    assert dates(context(a)) == {
        "1911": ["The mill was founded in 1911 by two brothers who came from the coast."]
    }


def test_days_come_before_background_years_when_the_timeline_is_full() -> None:
    background = [
        f"The old harbour wall was repaired in {1900 + i} after a winter storm."
        for i in range(timeline.LIMIT)
    ]
    events = [
        "The council voted on March 3, 2025 to rebuild the harbour wall.",
        "Work on the harbour wall began on March 20, 2025 at the northern end.",
    ]
    a = article(" ".join(background + events), published="2025-03-30")
    found = dates(context(a))
    assert len([d for d in found for _ in found[d]]) == timeline.LIMIT
    assert {"2025-03-03", "2025-03-20"} <= set(found)
    # The two years left out are the last in the article's order (support and position decide
    # among equally precise dates).
    assert "1910" not in found and "1911" not in found and "1900" in found


def test_an_aside_in_brackets_is_not_an_event() -> None:
    a = article(
        "(Dana Vale has written the harbour column every week since 1984.) "
        "The harbour council voted in 1984 to close the northern breakwater for good.",
    )
    assert list(dates(context(a))) == ["1984"]
    assert dates(context(a))["1984"][0].startswith("The harbour council")


def test_an_undated_article_naming_only_the_latest_dates_weekday_has_no_anchor() -> None:
    # 3 March 2025 is a Monday. The undated report's "Monday" would land on it whatever day it was
    # written; with another weekday landing on an earlier date of the topic it is counted from it.
    dated = article("The harbour council met on March 3, 2025 and on March 1, 2025.", id="a")
    vague = article("The new ferry service will be discussed by the board on Monday evening.", id="b")
    _, found = timeline.dated_sentences(context(dated, vague))
    assert "b" not in found.dates
    sure = article("The council met on Saturday and again on Monday to discuss the ferry.", id="c")
    _, found = timeline.dated_sentences(context(dated, sure))
    assert found.dates["c"] == dt.date(2025, 3, 3)
