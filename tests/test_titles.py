"""Topic titles and slugs leave out the outlet's name a page title carries. Every text here is invented."""

from __future__ import annotations

from helpers import article

from briefgen.topics import assign_topics, central_title

FIRE = (
    "Fire crews fought a blaze at the Orrin flour mill in Elton through Tuesday night. The mill's owner, "
    "Dana Reyes, said the fire started in a grain dryer. No one was hurt, the fire chief said."
)
VOTE = (
    "The Elton council voted 5-2 on Monday to rebuild the northern breakwater. The work will take two "
    "years and cost nine million, council member Ines Carrow said after the vote."
)


def test_a_station_name_two_headlines_print_is_left_out_of_titles_and_slugs() -> None:
    fire = article(FIRE, "fire", title="Fire guts flour mill in Elton - WXYZ News 4 | Elton, Weather")
    vote = article(VOTE, "vote", title="Council votes to rebuild breakwater - WXYZ News 4 | Elton, Weather")
    [topic] = assign_topics([fire]).topics
    assert topic.title == "Fire guts flour mill in Elton - WXYZ News 4 | Elton, Weather"  # one headline
    topics = assign_topics([fire, vote]).topics
    assert {t.title for t in topics} <= {
        "Fire guts flour mill in Elton",
        "Council votes to rebuild breakwater",
    }
    assert not any("wxyz" in t.slug for t in topics)


def test_a_web_site_or_the_outlet_after_a_dash_is_left_out_a_dash_of_the_story_stays() -> None:
    assert central_title([article(FIRE, title="Fire guts flour mill in Elton - WXYZ.com")]) == (
        "Fire guts flour mill in Elton"
    )
    assert central_title(
        [article(FIRE, title="Fire guts flour mill in Elton | Elton Herald", outlet="Elton Herald")]
    ) == ("Fire guts flour mill in Elton")
    # Printed by one headline, not a site's name: the story's own words.
    title = "Flour mill fire - the third in Elton this year"
    assert central_title([article(FIRE, title=title)]) == title
    # Less than three words would be left: the headline stays whole.
    assert central_title([article(FIRE, title="Update - WXYZ.com")]) == "Update - WXYZ.com"
