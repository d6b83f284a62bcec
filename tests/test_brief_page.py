"""The brief page: which quotes it shows in full and how the others are listed, its counts. Every text
here is invented."""

from __future__ import annotations

from briefgen.models import Article, Brief, Quote, Source, Topic
from briefgen.render import brief_to_dict, environment, render_brief, select_quotes


def _quote(text: str, speaker: str, *articles: str, kind: str = "person", start: int = 0) -> Quote:
    sources = tuple(Source(a, f"“{text},” {speaker} said.", start, start + 10) for a in articles)
    return Quote(text, speaker, "said", sources, support=len(articles), speaker_kind=kind)


def _long_topic() -> tuple[Brief, list[Quote]]:
    # The first article quotes one official a dozen times; five others quote one person each, and two
    # outlets print the mayor's statement.
    arts = tuple(Article(id=f"a{i}", path=f"a{i}.txt", text="Text.") for i in range(6))
    first = [
        _quote(f"Statement number {n} on the harbour plan", "Ola Brent", "a0", start=n) for n in range(12)
    ]
    others = [
        _quote(f"The ferry will run again in May, person {i}", f"Person {i}", f"a{i}") for i in range(1, 6)
    ]
    shared = _quote("The harbour will open next week", "Mayor Ines Carrow", "a2", "a4")
    ranked = [shared, *first, *others]  # as the extractor ranks them: most outlets, then reading order
    return Brief(topic=Topic("harbour", "Harbour", arts), quotes=tuple(ranked)), ranked


def test_a_long_topic_shows_every_speaker_before_a_second_quote_of_anyone() -> None:
    brief, ranked = _long_topic()
    group = select_quotes(ranked, 8)
    shown = [q.speaker for q in group.shown]
    assert len(shown) == 8
    assert shown[0] == "Mayor Ines Carrow"  # printed by two outlets: always shown, first
    assert set(shown) == {"Mayor Ines Carrow", "Ola Brent", *(f"Person {i}" for i in range(1, 6))}
    assert shown.count("Ola Brent") == 2  # the one quoted most has the spare place
    # Nothing lost: every quote is shown or counted under its speaker, with links to it.
    assert len(group.shown) + group.hidden == len(ranked)
    assert group.more == (("Ola Brent", 10, tuple(s for q in ranked[3:13] for s in q.sources)),)


def test_shown_quotes_keep_the_ranked_order() -> None:
    _, ranked = _long_topic()
    shown = select_quotes(ranked, 8).shown
    assert [ranked.index(q) for q in shown] == sorted(ranked.index(q) for q in shown)


def test_a_short_topic_shows_all_its_quotes() -> None:
    _, ranked = _long_topic()
    group = select_quotes(ranked[:5], 8)
    assert group.shown == tuple(ranked[:5]) and group.more == ()


def test_the_page_lists_the_quotes_not_shown_and_json_keeps_them_all() -> None:
    brief, ranked = _long_topic()
    unnamed = [
        _quote(f"We saw the {n} boats leave early", f"a dock worker {n}", "a1", kind="unnamed")
        for n in range(5)
    ]
    brief = Brief(topic=brief.topic, quotes=(*ranked, *unnamed))
    page = render_brief(brief, environment())
    assert page.count("> — **") == 8
    assert "_10 more quotes:_ **Ola Brent** (10) [\\[1\\]](../articles/a0.md#s-2)" in page
    assert page.count("(unnamed source; said)") == 3
    assert "_2 more quotes from unnamed sources_ [\\[2\\]](../articles/a1.md#s-0)" in page
    assert len(brief_to_dict(brief)["quotes"]) == len(ranked) + 5


def test_one_article_is_counted_in_the_singular() -> None:
    one = Article(id="a", path="a.txt", text="The harbour will open next week, the mayor said.")
    page = render_brief(Brief(topic=Topic("harbour", "Harbour", (one,))), environment())
    assert "1 article, 1 independent source." in page
