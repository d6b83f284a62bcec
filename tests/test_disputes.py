"""Disputes, updates and what is neither, on short synthetic articles written for these tests."""

from __future__ import annotations

import datetime as dt

from helpers import context

from briefgen.analyze import analyze
from briefgen.models import Article, Topic
from briefgen.render import brief_to_dict, environment, render_brief
from briefgen.sections import disputes

DAY = dt.date(2024, 3, 4)


def art(id: str, text: str, published: dt.date | None = None) -> Article:
    return Article(id=id, path=f"{id}.txt", text=text, published=published)


def found(*articles: Article) -> disputes.Findings:
    return disputes.analyse(context(*articles))


def test_different_quantities_sharing_a_unit_are_no_dispute() -> None:
    a = art("a", "The ruling party won 64 of the 122 parliamentary seats in Sunday's vote, officials said.")
    b = art("b", "The party now holds 64 seats in the 122-member chamber after the vote.")
    c = art("c", "The vaccine is offered to children aged between 6 months and 6 years in the north.")
    d = art("d", "The ministry announced a 12-month plan to reach every child in the region.")
    e = art("e", "Farmers harvested about 3 million tons of grain this year, the ministry said.")
    f = art("f", "The country needs 4.5 million to 5 million tons of grain a year, experts say.")
    assert found(a, b) == disputes.Findings()
    assert found(c, d) == disputes.Findings()
    assert found(e, f) == disputes.Findings()


def test_age_of_a_named_person_given_differently_is_a_dispute() -> None:
    a = art("a", "The dissident Chen Liwei, 31, was detained on Friday, his lawyer said.", DAY)
    b = art("b", "Police detained Chen Liwei, 33, at his home on Friday.", DAY)
    c = art("c", "Friends said Chen Liwei, 31, had expected the arrest.", DAY)
    [d] = found(a, b, c).disputes
    assert d.about == "age of Chen Liwei" and d.kind == "number"
    # The side more sources give comes first; each cites its own sentences.
    assert [(s.value, [x.article for x in s.sources]) for s in d.sides] == [("31", ["a", "c"]), ("33", ["b"])]


def test_a_shorter_name_of_the_same_person_is_the_same_person() -> None:
    a = art("a", "Tomas Ruiz Vega, 16, died at the scene, police said.", DAY)
    b = art("b", "Tomas Ruiz, 15, died in the shooting.", DAY)
    [d] = found(a, b).disputes
    assert d.about == "age of Tomas Ruiz Vega"


def test_an_age_is_tied_to_a_name_however_it_is_printed() -> None:
    # "Name, 16." at a sentence's end, "Name, age 16", "Name (16)" and "Name, a 16-year-old" give the age.
    a = art("a", "The boy who was shot was Tomas Ruiz, 15.", DAY)
    b = art("b", "Police named the victim as Tomas Ruiz, age 16, of Linden.", DAY)
    c = art("c", "Friends gathered for Tomas Ruiz (16) on Sunday.", DAY)
    e = art("e", "The victim, Tomas Ruiz, a 16-year-old student, died at the scene.", DAY)
    for other in (b, c, e):
        [d] = found(a, other).disputes
        assert d.about == "age of Tomas Ruiz" and sorted(s.value for s in d.sides) == ["15", "16"]
    assert found(b, c, e).disputes == ()


def test_one_person_spelt_two_ways_and_two_people_of_one_surname() -> None:
    a = art("a", "Police arrested Kemal Osei, 19, on Friday.", DAY)
    b = art("b", "Kamal Osei, 20, was charged in the shooting.", DAY)
    [d] = found(a, b).disputes
    assert sorted(s.value for s in d.sides) == ["19", "20"]
    # Named together in one article: two people (brothers), whose ages differ.
    c = art("c", "Kemal Osei, 19, and his brother Kamal Osei, 20, were charged.", DAY)
    assert found(a, c).disputes == ()
    e = art("e", "Police arrested Jon Osei, 20, on Friday.", DAY)
    assert found(a, e).disputes == ()


def test_ages_that_grow_with_the_years_are_updates_with_their_dates() -> None:
    a = art("a", "Martin Kolb, 21, was booked on charges of murder.", dt.date(2013, 3, 30))
    b = art("b", "A hearing is set for Martin Kolb, 23, of Linden.", dt.date(2014, 6, 13))
    result = found(a, b)
    assert result.disputes == ()
    [u] = result.updates
    assert u.about == "age of Martin Kolb"
    assert [(s.value, s.date) for s in u.sides] == [("21", "2013-03-30"), ("23", "2014-06-13")]
    # Younger in the later article: not an age that grew, a disagreement.
    c = art("c", "A hearing is set for Martin Kolb, 19, of Linden.", dt.date(2014, 6, 13))
    assert [d.about for d in found(a, c).disputes] == ["age of Martin Kolb"]


def test_a_toll_that_rises_over_days_is_an_update_and_on_one_day_a_dispute() -> None:
    a = art("a", "The hurricane killed 12 people along the coast, officials said.", DAY)
    b = art(
        "b",
        "The hurricane killed 40 people, officials said as the search went on.",
        DAY + dt.timedelta(days=5),
    )
    result = found(a, b)
    assert result.disputes == ()
    [u] = result.updates
    assert u.about == "people killed" and [s.value for s in u.sides] == ["12", "40"]
    same_day = art("b", "The hurricane killed 40 people, officials said as the search went on.", DAY)
    assert [d.about for d in found(a, same_day).disputes] == ["people killed"]
    # A toll revised down in a later article is an update too (a revision); an age cannot fall.
    later_lower = art("b", "The hurricane killed 9 people, officials said.", DAY + dt.timedelta(days=5))
    assert [u.about for u in found(a, later_lower).updates] == ["people killed"]
    # Values whose dates cross (12 on day 1 and day 5, 40 on day 3) disagree: a dispute.
    c = art("c", "The hurricane killed 40 people, officials said.", DAY + dt.timedelta(days=3))
    d = art("d", "The hurricane killed 12 people, officials said.", DAY + dt.timedelta(days=5))
    assert [x.about for x in found(a, c, d).disputes] == ["people killed"]
    # A count revised on its first day: the early figure is printed that day only, the new one that
    # day and in every later report (an update); a value printed again later than the other crosses.
    early = art("e", "The hurricane killed 12 people along the coast, officials said.", DAY)
    evening = art("f", "The hurricane killed 14 people, officials said that evening.", DAY)
    week = art("g", "Roads stayed shut after the hurricane killed 14 people.", DAY + dt.timedelta(days=7))
    result = found(early, evening, week)
    assert result.disputes == () and [s.value for u in result.updates for s in u.sides] == ["12", "14"]
    assert [x.about for x in found(early, evening).disputes] == ["people killed"]


def test_a_changeable_figure_from_undated_articles_is_left_out() -> None:
    # Undated, a toll that rose over days would look like a disagreement: unsure, so not shown.
    a = art("a", "The hurricane killed 12 people along the coast, officials said.")
    b = art("b", "The hurricane killed 40 people, officials said as the search went on.")
    assert found(a, b) == disputes.Findings()
    # A fixed fact needs no dates: a street block does not change.
    c = art("c", "The shooting happened in the 2300 block of Garnet Avenue.")
    d = art("d", "Police were called to the 2200 block of Garnet Avenue.")
    assert len(found(c, d).disputes) == 1


def test_rounding_ranges_and_remainders_are_no_dispute() -> None:
    a = art("a", "At least 30 people were killed in the attack on the market.", DAY)
    b = art("b", "The attack killed 34 people in the market, the ministry said.", DAY)
    c = art("c", "One man was killed and five others were hurt when shots were fired.", DAY)
    d = art("d", "One man was killed and six others hurt in the shooting outside the club.", DAY)
    assert found(a, b).disputes == ()
    assert found(c, d).disputes == ()


def test_street_block_and_street_name() -> None:
    a = art("a", "The shooting happened in the 2300 block of Garnet Avenue on Monday.")
    b = art("b", "A car drove by the 2200 block of Garnet Ave. and opened fire.")
    c = art("c", "Officers were called to the 2300 block of Garnet Ave. on Monday.")
    [d] = found(a, b).disputes
    assert d.about == "block of Garnet Avenue" and d.kind == "name"
    assert sorted(s.value for s in d.sides) == ["2200 block of Garnet Avenue", "2300 block of Garnet Avenue"]
    assert found(a, c).disputes == ()
    e = art("e", "The girl was shot at a home on West Fenwick Avenue near the park.")
    f = art("f", "Deputies went to a home on West Fenwick Place after the call.")
    g = art("g", "The family lives on Elm Street, near West Fenwick Avenue.")
    [n] = found(e, f).disputes
    assert sorted(s.value for s in n.sides) == ["West Fenwick Avenue", "West Fenwick Place"]
    assert found(e, g).disputes == ()


def test_clock_times_allow_rounding_but_not_hours_apart() -> None:
    a = art("a", "Gunfire was reported at 1:13 a.m., police said.")
    b = art("b", "The shooting happened at about 1:15 a.m. Saturday at the home.")
    assert found(a, b).disputes == ()
    c = art("c", "The gunfire began around 8:30 p.m. Sunday.")
    d = art("d", "A spokesman said the shots were fired around 6 p.m. Sunday.")
    e = art("e", "The suspect was arrested at 6 p.m. Sunday after a chase.")  # another event's time
    [t] = found(c, d).disputes
    assert t.kind == "date" and sorted(s.value for s in t.sides) == ["around 6 p.m.", "around 8:30 p.m."]
    assert found(c, e).disputes == ()


def test_a_round_time_stands_for_the_minutes_that_round_to_it() -> None:
    # "around 4:30" covers 4:15-4:44 and "around 4:50" 4:45-4:54: twenty minutes apart, a dispute.
    a = art("a", "The shooting happened around 4:30 a.m. Saturday outside the bar.")
    b = art("b", "Troopers said the shots were fired around 4:50 a.m. Saturday.")
    [t] = found(a, b).disputes
    assert sorted(s.value for s in t.sides) == ["around 4:30 a.m.", "around 4:50 a.m."]
    # 4:28 rounds to "about 4:30"; "just before 5" (4:45-5:00) is not "about 4:35".
    c = art("c", "Gunfire was reported at 4:28 a.m. Saturday, police said.")
    d = art("d", "The shooting happened just before 5 a.m. Saturday in the lot.")
    e = art("e", "A man opened fire at about 4:35 a.m. Saturday.")
    assert found(a, c).disputes == ()
    [u] = found(d, e).disputes
    assert sorted(s.value for s in u.sides) == ["about 4:35 a.m.", "just before 5 a.m."]


def test_a_time_belongs_to_the_event_word_nearest_it() -> None:
    # The arrest is in the sentence, but the time follows "shooting": it is the shooting's time.
    a = art(
        "a", "Officers arrested Dale Orr on Friday for shooting a clerk at the store around 6 p.m. Tuesday."
    )
    b = art("b", "Police said Dale Orr shot the clerk at about 9 p.m. Tuesday.")
    c = art("c", "The clerk was shot on Tuesday; Orr was arrested at 9 p.m. Friday at his home.")
    [t] = found(a, b).disputes
    assert sorted(s.value for s in t.sides) == ["about 9 p.m.", "around 6 p.m."]
    assert found(a, c).disputes == ()


def test_a_time_with_no_day_is_the_time_on_the_day_its_article_names() -> None:
    a = art(
        "a",
        "A man was shot on Monday outside the school. The shooting happened at about 1 p.m., police said.",
    )
    b = art("b", "Shots were fired at 3:40 p.m. Monday outside the school.")
    [t] = found(a, b).disputes
    assert t.about == "time of the incident on Monday"
    # A printed date gives its weekday by the article's year (4 March 2024 was a Monday).
    c = art(
        "c", "The shooting happened at about 1 p.m. on March 4 near the school.", DAY + dt.timedelta(days=30)
    )
    [u] = found(b, c).disputes
    assert u.about == "time of the incident on Monday"
    # An article that names no day (it may be of another event), a time of another clause, a time in
    # another zone, and the time of an arrest "without incident" are left out.
    e = art("e", "The shooting happened at about 1 p.m. near the club.")
    f = art("f", "Schools were closed after the shooting, but the order was lifted around 1 p.m. Monday.")
    g = art("g", "The gunman opened fire shortly before 1 p.m. ET Monday, officials said.")
    h = art("h", "Monday's shooting suspect was arrested without incident about 1 p.m. Monday.")
    i = art("i", "Officers found the wounded man in a car at 1 p.m. Monday after the shooting.")
    for other in (e, f, g, h, i):
        assert found(b, other).disputes == ()


def test_one_thing_of_a_kind_is_compared_only_in_a_story_that_has_one() -> None:
    # Two victims may go to two hospitals; one sentence naming two hospitals gives both (a transfer).
    # (Each report names the street: the hospital alone ties no report to an incident.)
    a = art("a", "The boy was taken from Elm Road to Alder Valley Hospital, police said.", DAY)
    b = art("b", "The boy shot on Elm Road was rushed to Pell Memorial Hospital.", DAY)
    c = art("c", "A second victim, a woman, was rushed to Pell Memorial Hospital.", DAY)
    e = art("e", "The boy was driven to Alder Valley Hospital, then flown to Pell Memorial Hospital.", DAY)
    [d] = found(a, b).disputes
    assert d.about == "hospital the wounded were taken to"
    assert found(a, c).disputes == () and found(a, e).disputes == () and found(b, e).disputes == ()
    # Two vehicles in the story, or a vehicle someone owns, give no colour of "the" vehicle.
    f = art("f", "The gunman fled in a black sedan, witnesses said.", DAY)
    g = art("g", "The gunman fled in a white sedan after the shooting.", DAY)
    h = art("h", "Police are looking for two vehicles seen near the store.", DAY)
    i = art("i", "The victim was sitting in his white sedan when he was shot.", DAY)
    assert len(found(f, g).disputes) == 1
    assert found(f, g, h).disputes == () and found(f, i).disputes == ()
    # "Son" and "daughter" are said of grown-ups too: they give no sex of the child.
    j = art("j", "A 9-year-old boy was shot in the arm on Sunday.", DAY)
    k = art("k", "A 9-year-old was shot in the arm on Sunday; his uncle's daughter saw it.", DAY)
    assert found(j, k).disputes == ()


def test_a_toll_is_of_this_shooting_only() -> None:
    a = art("a", "Three people were wounded in the shooting at the park.", DAY)
    b = art("b", "Nine people were wounded in four separate shootings across the city.", DAY)
    c = art("c", "Police said one injured woman drove herself to the hospital.", DAY)
    e = art("e", "The gunman fired one shot into the air before the shooting at the park.", DAY)
    assert found(a, b).disputes == () and found(a, c).disputes == () and found(a, e).disputes == ()
    # "Killed three people and then himself" counts four dead; "four died and a fifth later" five.
    f = art("f", "The gunman killed three people and then himself at the park.", DAY)
    g = art("g", "Four people were killed at the park, police said.", DAY)
    h = art("h", "Four victims died at the park and a fifth died at the hospital.", DAY)
    i = art("i", "Five people were killed in the shooting at the park.", DAY)
    assert found(f, g).disputes == () and found(h, i).disputes == ()
    # The shooter shot by police too: one report may count him among the wounded.
    j = art("j", "The gunman wounded four people at the park and was then shot by a deputy.", DAY)
    k = art("k", "Five people were wounded in the shooting at the park.", DAY)
    assert found(j, k).disputes == ()


def test_a_house_number_is_in_its_block() -> None:
    a = art("a", "The man was shot outside his home at 2315 Garnet Ave. on Monday.", DAY)
    b = art("b", "The shooting happened in the 2300 block of Garnet Avenue.", DAY)
    c = art("c", "The shooting happened near 2340 Garnet Avenue, police said.", DAY)
    e = art("e", "The shooting happened in the 2,100 block of Garnet Avenue.", DAY)
    assert found(a, b).disputes == () and found(a, c).disputes == ()
    [d] = found(a, e).disputes
    assert sorted(s.value for s in d.sides) == ["2,100 block of Garnet Avenue", "2315 Garnet Avenue"]
    # The block where the car was stopped, or an arrest made, is not the incident's.
    f = art("f", "Officers stopped the car in the 5100 block of Garnet Avenue minutes later.", DAY)
    assert found(b, f).disputes == ()


def test_negation_in_the_clause_and_opposite_claims() -> None:
    a = art("a", "Four other victims had injuries not considered to be life threatening.")
    b = art("b", "The survivors suffered non-life-threatening injuries, police said.", DAY)
    c = art("c", "Three men received life-threatening injuries in the shooting.", DAY)
    assert found(a, b).disputes == ()
    [d] = found(b, c).disputes
    assert d.about == "whether the injuries were life-threatening"
    assert sorted(s.value for s in d.sides) == ["life-threatening", "not life-threatening"]


def test_one_article_giving_both_values_is_no_dispute() -> None:
    a = art(
        "a",
        "The victim was first said to be in the 1700 block of Oak Street, "
        "then in the 1800 block of Oak Street.",
    )
    b = art("b", "Police were called to the 1800 block of Oak Street.")
    assert found(a, b).disputes == ()


def test_colour_of_a_car_and_sex_of_a_child() -> None:
    a = art("a", "A dark-colored sedan rolled slowly past the corner.")
    b = art("b", "Witnesses saw a black sedan speed away from the scene.")
    c = art("c", "Then a silver Honda drove past the house.")
    assert found(a, b).disputes == ()
    [d] = found(a, c).disputes
    assert d.about == "colour of the vehicle"
    e = art("e", "A 2-year-old boy was wounded in the leg on Tuesday afternoon.")
    f = art("f", "A 2-year-old was critically injured on Tuesday. The girl was taken to hospital.")
    [s] = found(e, f).disputes
    assert s.about == "sex of the 2-year-old" and sorted(x.value for x in s.sides) == ["boy", "girl"]


def test_condition_and_arrests_are_updates_when_dates_order_them_never_disputes() -> None:
    a = art("a", "The child was taken to hospital in critical condition. No arrests have been made.", DAY)
    later = DAY + dt.timedelta(days=2)
    b = art("b", "The 2-year-old who was shot has died. A man was arrested on Thursday.", later)
    result = found(a, b)
    assert result.disputes == ()
    assert {u.about: [s.date for s in u.sides] for u in result.updates} == {
        "condition of the wounded": ["2024-03-04", "2024-03-06"],
        "arrests": ["2024-03-04", "2024-03-06"],
    }
    # The same day: two victims may differ; shown neither as an update nor as a dispute.
    b_same_day = art("b", "The 2-year-old who was shot has died. A man was arrested on Thursday.", DAY)
    assert found(a, b_same_day) == disputes.Findings()
    # Even when later reports go on with the second state: one suspect arrested, another at large.
    c_later = art("c", "The man who was arrested on Thursday is due in court.", later)
    assert found(a, b_same_day, c_later).updates == ()


def test_updates_reach_the_json_and_the_page() -> None:
    a = art("a", "Martin Kolb, 21, was booked on charges of murder.", dt.date(2013, 3, 30))
    b = art("b", "A hearing is set for Martin Kolb, 23, of Linden.", dt.date(2014, 6, 13))
    brief = analyze(Topic(slug="t", title="t", articles=(a, b)))
    data = brief_to_dict(brief)
    assert data["disputes"] == [] and data["quoted_disagreements"] == []
    [u] = data["updates"]
    assert u["about"] == "age of Martin Kolb"
    assert [(s["value"], s["date"], s["sources"][0]["article"]) for s in u["sides"]] == [
        ("21", "2013-03-30", "a"),
        ("23", "2014-06-13", "b"),
    ]
    page = render_brief(brief, environment())
    assert "### Figures that changed" in page
    assert "2013-03-30: **21**" in page and "2014-06-13: **23**" in page


def test_a_thing_few_articles_of_a_topic_speak_of_is_not_the_topics_own() -> None:
    # A topic of many events (a year of school shootings): each child age belongs to another story.
    a = art("a", "A 13-year-old boy was shot in the shoulder on Long Island.")
    b = art("b", "The 9-year-old girl sat near her father in the canoe.")
    others = [art(f"o{i}", f"Schools reviewed their safety plans again in district {i}.") for i in range(3)]
    assert found(a, b, *others).disputes == ()
    # Ages of a group are no child's age.
    c = art("c", "Some 9,000 16- and 17-year-old pupils would be put on the voter lists.")
    d = art("d", "Chloe, a 16-year-old student, said she was glad.")
    assert found(c, d).disputes == ()


def test_claims_of_a_change_must_be_about_the_future_and_unconditional() -> None:
    a = art("a", "Officials said there would not be an increase in troop numbers stationed on the island.")
    b = art("b", "The minister confirmed that troop numbers stationed on the island will increase next year.")
    [d] = found(a, b).disputes
    assert d.kind == "claim"
    c = art("c", "If emissions are not reduced, troop numbers stationed on the island will increase.")
    e = art("e", "There was no increase in troop numbers stationed on the island last year.")
    assert found(c, b).disputes == ()
    assert found(e, b).disputes == ()


def test_capitalised_words_and_plurals_are_not_two_acronyms() -> None:
    a = art("a", "EDITORS: the report on the MRAAM missile program follows. The editor said so.")
    b = art("b", "EDITOR note: the report on the missile program was updated by the editor.")
    assert [d for d in found(a, b).disputes if d.kind == "name"] == []


def test_hospital_names_are_one_hospital_when_they_share_a_distinctive_word() -> None:
    a = art("a", "Medics flew the boy shot on Elm Road to Children’s Medical Center Norwood.")
    b = art("b", "The 5-year-old shot on Elm Road was airlifted to Pell Children’s Medical Center.")
    [d] = found(a, b).disputes
    assert d.about == "hospital the wounded were taken to"
    assert sorted(s.value for s in d.sides) == [
        "Children’s Medical Center Norwood",
        "Pell Children’s Medical Center",
    ]
    c = art("c", "The toddler was taken to Ashgrove University Medical Center in critical condition.")
    e = art("e", "Paramedics took the girl to the Children's Hospital at Ashgrove.")
    f = art("f", "The girl was transported to Children's Hospital.")  # no distinctive word: matches any
    assert found(c, e).disputes == ()
    assert found(a, f).disputes == ()


def test_an_age_in_a_list_separated_by_semicolons() -> None:
    a = art("a", "Martin Kolb, 21, Linden; and Ann Roe, 19, were booked.", dt.date(2013, 3, 30))
    b = art("b", "Martin Kolb, 23; Ann Roe, 20; and a juvenile face charges.", dt.date(2014, 12, 16))
    assert sorted(u.about for u in found(a, b).updates) == ["age of Ann Roe", "age of Martin Kolb"]


def test_readings_that_belong_to_something_else_are_left_out() -> None:
    # "non life-threatening" (no hyphen) is negated.
    a = art("a", "Victims were taken to hospital with non life-threatening injuries.", DAY)
    b = art("b", "Five people were shot, though none received life-threatening wounds.", DAY)
    assert found(a, b).disputes == ()
    # "after 2 a.m." bounds one side only.
    c = art("c", "The shooting occurred around 3:30 a.m. outside the club.")
    d = art("d", "The shooting took place in the area where patrons may drink after 2 a.m.")
    assert found(c, d).disputes == ()
    # A sentence with two dates speaks of two events.
    e = art("e", "Among the deaths were the July 17 killings in Baton Rouge and a July 7 attack in Dallas.")
    f = art("f", "Unlike the attack that killed five officers on July 7 in Dallas, this one was planned.")
    assert found(e, f).disputes == ()
    # A misspelt hospital is the same hospital.
    g = art("g", "He was taken to Brandauer Hospital in critical condition.", DAY)
    h = art("h", "The boy was taken to Brandaur Hospital after the shooting.", DAY)
    assert found(g, h).disputes == ()
    # An article that speaks of a girl and a boy of one age does not give the sex of "the" child.
    i = art("i", "A 15-year-old girl was wounded inside her family's flat on Friday.", DAY)
    j = art(
        "j", "Girl, 15, shot in Queens. The 15-year-old boy who shot her did not mean to, a girl said.", DAY
    )
    assert found(i, j).disputes == ()
    # A child only carried, not in the incident, is not "the child"; another event's toll is not this one's.
    k = art("k", "The father fled the house carrying a 1-year-old in his arms.", DAY)
    m = art("m", "The 5-year-old boy was wounded in the shootout on Monday.", DAY)
    assert found(k, m).disputes == ()
    n = art("n", "Thirteen people were shot at a house party early Sunday.", DAY)
    o = art("o", "It comes a year after nine people were shot at the housing complex.", DAY)
    assert found(n, o).disputes == ()
    # A negated or superlative condition is no condition.
    p = art("p", "One victim was said to have died, but police deny it.", DAY)
    q = art("q", "Five were injured, but no one was seriously hurt.", DAY + dt.timedelta(days=1))
    assert [u for u in found(p, q).updates if u.about == "condition of the wounded"] == []


def test_one_group_given_two_make_ups_is_a_dispute() -> None:
    a = art("a", "Three men walked out of the bar, came back with rifles and opened fire, police said.", DAY)
    b = art(
        "b",
        "Three people, perhaps two men and a woman, walked out of the bar and came back with rifles.",
        DAY,
    )
    [d] = found(a, b).disputes
    assert d.kind == "number" and d.about.startswith("who the 3 people were")
    assert {s.value for s in d.sides} == {"Three men", "Three people, perhaps two men and a woman"}
    # Another group of the story (it did something else), or a breakdown that is not of the group.
    c = art("c", "Three women were found hiding in the kitchen after the gunfire stopped.", DAY)
    e = art("e", "Seven others -- two males and six females -- were taken to hospitals.", DAY)
    assert found(a, c).disputes == () and found(a, e).disputes == ()
    # One source giving both make-ups is left out.
    both = art("b", b.text + " Earlier reports said three men walked out of the bar and came back.", DAY)
    assert found(a, both).disputes == ()


def test_similar_street_names_of_the_scene_are_a_dispute_and_a_misspelling_is_not() -> None:
    # Reports of one incident name someone in common (Ana Roe): see the test of two incidents below.
    roe = " Neighbours said Ana Roe had lived there for years."
    a = art("a", "The shooting happened at a townhouse complex off Birch Hollow Lane on Tuesday." + roe, DAY)
    b = art("b", "A woman was shot inside a townhouse off Birchwood Lane, police said." + roe, DAY)
    [d] = found(a, b).disputes
    assert d.kind == "name" and {s.value for s in d.sides} == {"Birch Hollow Lane", "Birchwood Lane"}
    # Spelling variants of one name, a street an article names beside the other (a corner), and a
    # street named only where an arrest happened are all left alone.
    c = art("c", "A woman was shot inside a townhouse off Birch Holow Lane, police said.", DAY)
    e = art("e", "The shooting happened at Birch Hollow Lane and Birchwood Lane on Tuesday.", DAY)
    f = art("f", "The suspect was arrested at a house on Birchwood Lane hours later.", DAY)
    assert found(a, c).disputes == () and found(a, b, e).disputes == () and found(a, f).disputes == ()
    # Numbered streets with their digits swapped.
    g = art("g", "Two men were shot near West 45th Street late on Friday." + roe, DAY)
    h = art("h", "The shooting on West 54th Street left two men wounded, police said." + roe, DAY)
    assert [s.value for s in found(g, h).disputes[0].sides] == ["West 45th Street", "West 54th Street"]
    # A street away, the direction abbreviated in one ("W. 46th St."), and never when one article
    # names both (the corner of two streets).
    i = art("i", "The man was shot outside a deli at 310 W. 46th St., police said." + roe, DAY)
    [d] = found(g, i).disputes
    assert sorted(s.value for s in d.sides) == ["West 45th Street", "West 46th Street"]
    j = art("j", "Two men were shot at West 45th Street and West 46th Street.", DAY)
    assert found(g, i, j).disputes == ()
    k = art("k", "Two men were shot near West 49th Street late on Friday.", DAY)
    assert found(g, k).disputes == ()


def test_age_of_the_one_person_of_a_role_and_vague_ages() -> None:
    a = art("a", "A 19-year-old man was shot and killed outside a gas station on Sunday.", DAY)
    b = art("b", "Police said a 23-year-old man died after the shooting at the gas station.", DAY)
    [d] = found(a, b).disputes
    assert d.about == "age of the man killed"
    assert {s.value for s in d.sides} == {"19-year-old man", "23-year-old man"}
    # A vague age that covers the exact one agrees; one that does not, disagrees.
    c = art("c", "Witnesses said a man in his late teens was shot and killed at the station.", DAY)
    e = art("e", "Witnesses said a man in his 40s was shot and killed at the station.", DAY)
    assert found(a, c).disputes == ()
    assert [s.value for s in found(a, e).disputes[0].sides] == ["19-year-old man", "man in his 40s"]
    # The victim and the suspect are two people; and a story with several victims compares none.
    f = art("f", "Officers later arrested a 23-year-old man in connection with the shooting.", DAY)
    g = art("g", "A 23-year-old man was killed and two other victims were hurt at the station.", DAY)
    assert found(a, f).disputes == () and found(a, g).disputes == ()


def test_a_count_of_wounded_may_include_the_dead_and_the_dead_do_not_recover() -> None:
    a = art("a", "Four people were injured in a shooting at the club.", DAY)
    b = art("b", "One person was killed and three people were injured at the club, police said.", DAY)
    assert found(a, b).disputes == ()
    # Someone who died is not later released from hospital: two people's conditions, no update.
    c = art("c", "The man who was shot in the chest has died, police said.", DAY)
    e = art("e", "The victim was released from the hospital on Friday.", DAY + dt.timedelta(days=3))
    assert found(c, e).updates == ()
    f = art("f", "The man who died in the shooting was a friend, a neighbor said.", DAY)
    g = art("g", "Most of the other victims had been released from the hospital.", DAY + dt.timedelta(days=1))
    assert found(f, g).updates == ()


def test_a_time_placed_at_the_scene_by_its_street_and_a_document_as_source() -> None:
    a = art("a", "Two gunmen opened fire about 2:15 a.m. Saturday at the diner at 4410 Quarry Road.", DAY)
    b = art(
        "b",
        "According to the detective's affidavit, the two men drove to the diner on Quarry Road around "
        "2:15 p.m. on Saturday.",
        DAY,
    )
    [d] = found(a, b).disputes
    assert d.kind == "date" and [s.value for s in d.sides] == ["about 2:15 a.m.", "around 2:15 p.m."]
    # Without a weekday, or at a street that is not the scene's, the time may be of anything else.
    c = art("c", "The two men drove to the diner on Quarry Road around 2:15 p.m., the affidavit said.", DAY)
    e = art(
        "e", "According to the affidavit, the two men met on Lime Street around 2:15 p.m. on Saturday.", DAY
    )
    assert found(a, c).disputes == () and found(a, e).disputes == ()


def test_a_running_total_of_the_year_grows_and_differs_only_on_one_day() -> None:
    a = art("a", "The killing was the city's 88th homicide of the year, police said.", DAY)
    b = art("b", "Police said there have been 91 homicides so far this year in the city.", DAY)
    [d] = found(a, b).disputes
    assert d.about == "homicides this year (running total)"
    later = art("b", b.text, DAY + dt.timedelta(days=9))
    result = found(a, later)
    assert result.disputes == () and [s.value for s in result.updates[0].sides][0].startswith("88th")
    # A count of another kind of death is another total.
    c = art("c", "It was the 91st shooting of the year in the city.", DAY)
    assert found(a, c).disputes == ()


def test_two_full_lists_of_the_wounded_whose_ages_cannot_be_the_same_people() -> None:
    # Both reports name the place (Kestrel Commons): one incident.
    a = art(
        "a",
        "Shots were fired at Kestrel Commons. The injured victims, two men in their 30s and a woman in "
        "her 60s, are in stable condition.",
        DAY,
    )
    b = art(
        "b",
        "Shots were fired at Kestrel Commons. He is accused of injuring three people, Ana Pole, 34; Lou "
        "Marsh, 31; and Ed Vance, 38.",
        DAY,
    )
    [d] = found(a, b).disputes
    assert d.about == "ages of the wounded"
    assert [s.value for s in d.sides] == [
        "two men in their 30s and a woman in her 60s",
        "Ana Pole, 34; Lou Marsh, 31; and Ed Vance, 38",
    ]
    # Ages that some pairing fits, or lists of different lengths, are no dispute.
    c = art(
        "c", "He is accused of injuring three people, Ana Pole, 64; Lou Marsh, 31; and Ed Vance, 38.", DAY
    )
    e = art("e", "He is accused of injuring two people, Lou Marsh, 31; and Ed Vance, 38.", DAY)
    assert found(a, c).disputes == () and found(a, e).disputes == ()


def test_people_quoted_on_opposite_sides_are_a_quoted_disagreement_not_a_dispute() -> None:
    a = art("a", "The girl was accidentally shot by her cousin, police said on Monday.", DAY)
    b = art(
        "b",
        "“It was murder, plain and simple,” the girl's aunt said. The aunt wants the cousin charged.",
        DAY,
    )
    result = found(a, b)
    assert result.disputes == ()
    [q] = result.quoted_disagreements
    assert q.about == "whether the shooting was an accident" and q.kind == "claim"
    assert [s.value for s in q.sides] == [
        "an accident: “accidentally shot” (police)",
        "not an accident: “It was murder” (the girl's aunt)",
    ]
    # One kind of speaker on both sides (police and police), or an accident of another kind, is not.
    c = art("c", "Investigators said the shooting was cold-blooded and planned.", DAY)
    e = art("e", "The mayor said the explosion was an accident during a training exercise.", DAY)
    f = art("f", "“This was an intentional act,” the governor said of the bombing.", DAY)
    assert found(a, c).quoted_disagreements == () and found(e, f).quoted_disagreements == ()


def test_a_denial_against_the_account_of_who_did_it_and_a_history_of_violence() -> None:
    a = art(
        "a",
        "Court records show Okafor stepped out of the van and shot him twice. "
        "“I don't believe he was the shooter,” his uncle said. Okafor is 20.",
        DAY,
    )
    [q] = found(a).quoted_disagreements
    assert q.about == "whether Okafor did it"
    assert [s.value.split(" (")[0] for s in q.sides] == ["Okafor did it", "Okafor did not do it"]
    b = art("b", "It was the first time the hall had seen violence, according to neighbor Ruth Amos.", DAY)
    c = art("c", "The owner said another shooting happened at the hall in 2019.", DAY)
    [h] = found(b, c).quoted_disagreements
    assert h.about == "whether violence had happened there before"


def test_conditions_in_a_story_of_several_victims_are_not_one_persons_update() -> None:
    a = art("a", "One of the men injured remains in critical condition, police said.", DAY)
    b = art("b", "Another victim, Dale Orme, has died, police said.", DAY + dt.timedelta(days=4))
    assert found(a, b).updates == ()
    c = art("c", "The man shot on Elm Road was taken to hospital in critical condition.", DAY)
    assert [u.about for u in found(c, b).updates] == []  # "another victim": two people
    e = art("e", "The man who was shot on Elm Road has died, police said.", DAY + dt.timedelta(days=4))
    assert [u.about for u in found(c, e).updates] == ["condition of the wounded"]


def test_targeted_or_random_and_a_negated_first_time() -> None:
    a = art("a", "Detectives believe the man was targeted in the shooting, police said Sunday.", DAY)
    b = art("b", "“This was a random act, he did nothing to anyone,” his sister said of the shooting.", DAY)
    [q] = found(a, b).quoted_disagreements
    assert q.about == "whether the victims were targeted or chosen at random"
    assert [s.value.split(":")[0] for s in q.sides] == ["targeted", "random"]
    # "not the first time" is the same side as "another shooting happened there".
    c = art("c", "It was not the first time shots were fired at the hall, a neighbor said.", DAY)
    e = art("e", "The owner said another shooting happened at the hall in 2019.", DAY)
    assert found(c, e).quoted_disagreements == ()


def test_a_sentence_about_another_incident_gives_no_reading_of_this_one() -> None:
    a = art("a", "Four people were shot at the Alder Street party on Saturday night, police said.", DAY)
    b = art(
        "b",
        "Four people were shot at the party on Saturday. In addition to Saturday's shooting, a boy was among "
        "three people shot on Monday across town.",
        DAY,
    )
    assert found(a, b).disputes == ()
    # The child of another case an article recalls is not this story's child.
    c = art("c", "A 5-year-old boy who was shot at a relative's home has died, officials said.", DAY)
    e = art("e", "No charges will be filed in the earlier case, in which a 7-year-old shot himself.", DAY)
    assert found(c, e).disputes == ()


def test_a_story_of_several_scenes_compares_no_blocks_or_tolls() -> None:
    a = art("a", "Officers found several people shot in the 5800 block of Quarry Road on Friday.", DAY)
    b = art(
        "b",
        "A minute later officers were also sent to the 8500 block of Quarry Road, a few blocks away "
        "from the first call, where a man was shot.",
        DAY,
    )
    assert found(a, b).disputes == ()
    c = art("c", "Police found two people dead at a home on the south side early Friday.", DAY)
    d = art("d", "Four people were killed in a shooting spree across the county on Friday.", DAY)
    assert found(c, d).disputes == ()
    # One scene: the two blocks disagree.
    e = art("e", "Officers found a man shot in the 8500 block of Quarry Road on Friday.", DAY)
    assert [x.about for x in found(a, e).disputes] == ["block of Quarry Road"]


def test_shot_to_death_is_a_toll_of_the_dead() -> None:
    a = art(
        "a",
        "Three people were shot to death in the house and another was in critical condition, police said.",
        DAY,
    )
    b = art("b", "Police sources confirmed that four people were shot in the house.", DAY)
    assert found(a, b).disputes == ()
    c = art("c", "Two people were shot to death in the house, police said.", DAY)
    # At least three dead (another was hurt, perhaps died) against two: a disagreement.
    assert [x.about for x in found(a, c).disputes] == ["people killed"]
    e = art("e", "Police said five people were killed in the house.", DAY)
    assert [x.about for x in found(c, e).disputes] == ["people killed"]


def test_an_article_speaking_of_boys_and_a_girl_gives_no_childs_sex() -> None:
    a = art("a", "A 17-year-old boy died after a drive-by shooting on Sunday.", DAY)
    b = art(
        "b",
        "The 17-year-old was shot on Sunday. “The boys laughed at a comment about the girl,” his aunt said.",
        DAY,
    )
    assert found(a, b).disputes == ()


def test_a_later_report_is_not_a_misdated_copy() -> None:
    a = art(
        "a",
        "Minister Ana Lind met the envoy in the capital on March 3 to sign the water treaty. She flew "
        "home on March 4.",
        DAY,
    )
    late = dt.date(2024, 4, 20)
    copy = art(
        "b",
        "Minister Ana Lind met the envoy in the capital on Sunday to sign the water treaty. She flew "
        "home on Monday.",
        late,
    )
    [d] = found(a, copy).disputes
    assert d.about.startswith("publication date of") and d.kind == "date"
    # One weekday that lands on a printed date may do so by chance: not enough to call it misdated.
    single = art(
        "b", "Minister Ana Lind met the envoy in the capital on Sunday to sign the water treaty.", late
    )
    assert found(a, single).disputes == ()
    # Another outlet reports the story in the same days: coverage went on, the date fits the article.
    other = art("c", "Lawmakers debated the water treaty that Ana Lind signed.", late - dt.timedelta(days=1))
    assert found(a, copy, other).disputes == ()


def test_one_event_printed_with_two_dates_and_what_is_not() -> None:
    day = dt.date(2024, 5, 10)
    a = art("a", "The ferry sank off the northern coast on May 3, killing 40 passengers.", day)
    b = art("b", "The ferry sank off the northern coast on May 5, killing 40 passengers.", day)
    [d] = found(a, b).disputes
    assert d.kind == "date" and sorted(s.value for s in d.sides) == ["2024-05-03", "2024-05-05"]
    # A chronology that prints both days tells two events apart ("May 3 -- ... May 5 -- ...").
    c = art(
        "c",
        "May 3 -- Port officials inspect the vessel. "
        "May 5 -- The ferry sank off the northern coast, killing 40 passengers.",
        day,
    )
    assert found(a, c).disputes == ()
    # A day without its year that the year guess would put after the article's date: unsure.
    late = dt.date(2024, 8, 15)
    e = art("e", "The ferry sank off the northern coast on October 31, killing 40 passengers.", late)
    f = art("f", "The ferry sank off the northern coast on October 31, 2023, killing 40 passengers.", late)
    assert found(e, f).disputes == ()


def test_a_pages_own_dateline_and_an_anniversary_date_no_event() -> None:
    # Two reports printed on two days, each with its page's dateline: no event is dated two ways.
    a = art(
        "a",
        "(Published Sept. 6, 2024)\n\nThe ferry sank off Kell Island, killing 40, the coast guard said.",
    )
    b = art(
        "b",
        "(Published Sept. 8, 2024)\n\nDivers searched the wreck of the ferry that went down near Kell Island "
        "with 40 people aboard.",
    )
    assert found(a, b).disputes == ()
    # One day of two years: "since the Sept. 11, 2001, storm" and a yearless "Sept. 11" guessed this year.
    day = dt.date(2016, 9, 20)
    c = art(
        "c",
        "It was the deadliest day for Kell Island rescuers since the Sept. 11, 2001, storm, the trust said.",
        day,
    )
    d = art(
        "d",
        "It was the deadliest day for Kell Island rescuers since the Sept. 11 storm, the trust said.",
        day,
    )
    assert found(c, d).disputes == ()


def test_a_lawmaker_placed_in_two_states_is_a_dispute() -> None:
    a = art("a", "Sen. Ana Lind, R-Ariz., said the bill would pass.", DAY)
    b = art("b", "The bill was written by Sen. Ana Lind of Oregon, a Republican.", DAY)
    c = art("c", "Senate Majority Leader Ana Lind (R-Arizona) spoke on Monday.", DAY)
    [d] = found(a, b).disputes
    assert d.about == "state of Ana Lind" and sorted(s.value for s in d.sides) == ["Arizona", "Oregon"]
    assert found(a, c).disputes == ()  # "Ariz." is Arizona
    # A surname alone may be two lawmakers; "Ana Lind of Ohio" without a title may just live there.
    e = art("e", "Lind, D-Ore., voted against it, and Ana Lind of Ohio wrote to her.", DAY)
    assert found(a, e).disputes == ()


def test_a_places_population_given_differently_is_a_dispute() -> None:
    a = art("a", "Norland, a country of 22 million people, has closed its borders.")
    b = art("b", "Norland's population of 23 million is among the poorest in the region.")
    c = art("c", "Norland's population of about 22.4 million is young.")
    d = art("d", "Norland's population is 82 percent rural.")
    [x] = found(a, b).disputes
    assert x.about == "population of Norland" and sorted(s.value for s in x.sides) == [
        "22 million",
        "23 million",
    ]
    assert found(a, c).disputes == () and found(a, d).disputes == ()  # rounding; a share, not a count
    # Articles years apart: a population changes, so unsure.
    e = art("e", b.text, DAY)
    f = art("f", a.text, DAY.replace(year=DAY.year + 2))
    assert found(e, f).disputes == () and found(e, f).updates == ()


def test_a_denial_of_the_person_named_and_one_sentence_reporting_both_sides() -> None:
    a = art("a", "Police said the suspect was 19-year-old Ray Okafor.", DAY)
    b = art("b", "His cousin Mara doesn't think Okafor was the suspect. Okafor lived nearby.", DAY)
    [q] = found(a, b).quoted_disagreements
    assert q.about == "whether Okafor did it"
    assert sorted(s.value for s in q.sides) == ["Okafor did it (Police)", "Okafor did not do it (Mara)"]
    # A denial of another person's act ("Officer Lee did not shoot him in the back") is not about Okafor.
    c = art("c", "The examiner said Officer Lee did not shoot Okafor in the back, the report says.", DAY)
    assert found(a, c).quoted_disagreements == ()
    e = art(
        "e",
        "Examiner Ada Vos said that despite posts from friends and family claiming otherwise, the "
        "officer did not shoot him in the back.",
        DAY,
    )
    [x] = found(e).quoted_disagreements
    assert [s.value for s in x.sides] == [
        "the officer did not shoot him in the back (Examiner Ada Vos)",
        "otherwise (friends and family)",
    ]


def test_readings_of_other_people_and_places_in_one_story() -> None:
    # "Twenty-one-year-old" is no one-year-old child.
    a = art("a", "Twenty-one-year-old Ira Vance and 32-year-old Ada Roe were shot to death.", DAY)
    b = art("b", "A 15-year-old was shot in the leg at the party, police said.", DAY)
    assert found(a, b).disputes == ()
    # A father and a son of one name: a generation apart, two people.
    c = art("c", "Police arrested 49-year-old Ray Ali Okafor at his home.", DAY)
    e = art("e", "The children were identified as 7-year-old Ada Okafor and 5-year-old Ray Okafor.", DAY)
    assert found(c, e).disputes == ()
    # Times of sentences on two different streets: two incidents of a night's roundup.
    f = art("f", "A man was shot around 7:30 p.m. Wednesday in the 1100 block of West 51st Street.", DAY)
    g = art("g", "The shooting happened at 10:36 a.m. Wednesday in the 3000 block of Alder Avenue.", DAY)
    assert found(f, g).disputes == ()
    h = art("h", "The shooting happened at 10:36 a.m. Wednesday in the 1100 block of West 51st Street.", DAY)
    assert [d.about for d in found(f, h).disputes] == ["time of the incident on Wednesday"]
    # Injuries of some of the victims are not the story's; the car people were in is not the shooter's.
    i = art("i", "A woman suffered life-threatening injuries in the shooting.", DAY)
    j = art("j", "Four others were shot, but their injuries weren't life-threatening.", DAY)
    assert found(i, j).disputes == ()
    k = art("k", "Shots were fired from a white vehicle, a witness said.", DAY)
    m = art("m", "Lee and two others were in a silver sedan when a van approached and someone fired.", DAY)
    assert found(k, m).disputes == ()


def test_a_qualified_running_total_agrees_with_a_larger_one() -> None:
    a = art("a", "On Friday, Elton surpassed 700 homicides so far this year, police said.", DAY)
    b = art("b", "There have been more than 600 homicides this year in Elton, police said.", DAY)
    assert found(a, b).disputes == ()
    c = art("c", "There have been 600 homicides this year in Elton, police said.", DAY)
    assert [x.about for x in found(a, c).disputes] == ["homicides this year (running total)"]


def test_one_hospital_named_in_two_orders_and_a_thousand_block() -> None:
    a = art("a", "The boy was taken to Alder-Brook Hospital, where he was pronounced dead.", DAY)
    b = art("b", "The child was taken to Brook Alder Hospital, where he was pronounced dead.", DAY)
    assert found(a, b).disputes == ()
    # A five-digit block on a round thousand may be the thousand, rounded: the house number is in it.
    c = art("c", "The shooting happened outside the Lark Theater, 43145 Quill Parkway, police said.", DAY)
    e = art("e", "The shooting happened outside the Lark Theater in the 43000 block of Quill Parkway.", DAY)
    assert found(c, e).disputes == ()
    f = art("f", "The shooting happened outside the Lark Theater in the 4300 block of Quill Parkway.", DAY)
    assert [d.about for d in found(e, f).disputes] == ["block of Quill Parkway"]


def test_one_of_a_pair_is_no_toll_and_a_round_up_compares_no_tolls() -> None:
    a = art("a", "Four people were shot on Alder Street on Sunday afternoon, police said.", DAY)
    b = art(
        "b", "Both men are 21. Police said one was shot in the knee; the other was shot in the wrist.", DAY
    )
    assert found(a, b).disputes == ()
    # A night's round-up: the toll of one of its shootings is not the story's.
    c = art(
        "c", "Then, just before 3 a.m., a fight broke out at a bar. Police say four people were shot.", DAY
    )
    e = art(
        "e",
        "The third incident happened at 1:05 a.m. near Elm Road. Police said two people were shot during a "
        "robbery.",
        DAY,
    )
    assert found(c, e).disputes == ()
    f = art("f", "Police said two people were shot at the bar just before 3 a.m.", DAY)
    assert [d.about for d in found(c, f).disputes] == ["people shot"]


def test_the_time_of_a_call_or_a_report_is_not_the_time_of_the_shooting() -> None:
    a = art("a", "The shooting happened around 6:45 p.m. Tuesday outside a store, police said.", DAY)
    b = art("b", "Police said the shooting was reported just after 7 p.m. Tuesday.", DAY)
    c = art("c", "A spokesman said the shooting was called in to dispatchers at 7:23 p.m. Tuesday.", DAY)
    e = art("e", "Officers received a call around 6:20 p.m. Tuesday about two men spraying graffiti.", DAY)
    assert found(a, b).disputes == ()
    assert found(a, c).disputes == ()
    assert found(a, e).disputes == ()
    f = art("f", "The shooting happened just after 7 p.m. Tuesday outside a store, police said.", DAY)
    assert [d.about for d in found(a, f).disputes] == ["time of the incident on Tuesday"]


def test_a_girl_brought_in_without_an_age_is_not_the_child() -> None:
    a = art("a", "Three people were arrested in the fatal shooting of a 17-year-old boy, police said.", DAY)
    b = art(
        "b",
        "A fourth person was arrested in the shooting of a 17-year-old. A witness said the victim was "
        "meeting a girl named Mara. While he talked to the girl, a man started shooting.",
        DAY,
    )
    assert found(a, b).disputes == ()


def test_closed_streets_and_opposite_corners_of_one_block() -> None:
    a = art("a", "Officers found four people shot near Ogden Avenue and 3rd Street, police said.", DAY)
    b = art("b", "Ogden Street was closed for hours while officers investigated the shooting.", DAY)
    assert found(a, b).disputes == ()
    # An apartment complex that fills a block is at both of its opposite corners.
    c = art("c", "Gunfire broke out at NW 61st Street and 19th Avenue at 10:40 p.m. Sunday.", DAY)
    e = art("e", "The shooting happened outside apartments at NW 20th Avenue and NW 62nd Street.", DAY)
    assert found(c, e).disputes == ()
    f = art("f", "The shooting happened outside apartments at NW 19th Avenue and NW 62nd Street.", DAY)
    assert [d.about for d in found(c, f).disputes] == ["street of the incident: 61st Street or 62nd Street"]


def test_a_negated_random_is_targeted_and_a_wish_is_no_claim() -> None:
    a = art("a", "This is not a random shooting, police say, and the suspects knew the victim.", DAY)
    b = art("b", "Police do not believe this to be a random shooting.", DAY)
    c = art(
        "c", "“It doesn’t appear to be a random act of violence,” Capt. Ray Okafor said of the shooting.", DAY
    )
    assert found(a, b).quoted_disagreements == ()
    assert found(a, c).quoted_disagreements == ()
    e = art("e", "But police don't want residents living in fear, thinking this is a random shooting.", DAY)
    f = art("f", "“We do not believe that this killing was a random act,” Sheriff Ana Lind said.", DAY)
    assert found(e, f).quoted_disagreements == ()


def test_the_child_of_articles_that_name_nothing_in_common_may_be_another_incidents() -> None:
    # One topic, two incidents of one subject: nothing ties the two reports to one incident.
    a = art(
        "a", "Authorities say a 7-year-old boy was injured in a shooting at Kestrel Commons on Saturday.", DAY
    )
    b = art(
        "b", "A six-year-old boy was shot near Alder Grove Plaza on Saturday afternoon, police said.", DAY
    )
    assert found(a, b).disputes == ()
    # Both name the street (or a third article ties them): one incident, two ages.
    c = art("c", "A 7-year-old boy was injured in a shooting on Quarry Road on Saturday.", DAY)
    e = art("e", "A six-year-old boy was shot on Quarry Road on Saturday afternoon, police said.", DAY)
    assert [d.about for d in found(c, e).disputes] == ["age of the child"]
    f = art("f", "Neighbours on Quarry Road said Ada Lind, the boy's aunt, was home.", DAY)
    g = art("g", "A six-year-old boy was shot on Saturday afternoon, Ada Lind told reporters.", DAY)
    assert [d.about for d in found(c, f, g).disputes] == ["age of the child"]


def test_the_bylines_of_two_embedded_posts_date_no_event() -> None:
    a = art("a", "Schools will stay open. — Ana Lind (@analind) February 1, 2017", dt.date(2017, 2, 2))
    b = art(
        "b", "Counsellors are at the school today. — Ana Lind (@analind) March 10, 2017", dt.date(2017, 3, 11)
    )
    assert found(a, b).disputes == ()


def test_a_person_shot_in_an_earlier_shooting_is_not_this_ones() -> None:
    a = art(
        "a",
        "A 17-year-old boy died in Elton, and a 21-year-old man who was shot last month has also died, "
        "police said.",
        DAY,
    )
    b = art("b", "A 66-year-old man was shot in his leg early Monday while sitting on a park bench.", DAY)
    assert found(a, b).disputes == ()
    c = art("c", "A 21-year-old man was shot in his leg early Monday while sitting on a park bench.", DAY)
    assert [d.about for d in found(b, c).disputes] == ["age of the wounded man"]


def test_a_numbered_street_in_an_area_may_be_its_neighbour_of_the_grid() -> None:
    a = art("a", "Police said the boy was shot in the area of Southwest 48th Avenue and 59th Terrace.", DAY)
    b = art("b", "Gunfire broke out at a house in the 4800 block of Southwest 59th Street.", DAY)
    assert found(a, b).disputes == ()
    c = art("c", "The shooting happened at a home at 4810 Southwest 59th Terrace, police said.", DAY)
    assert [d.about for d in found(b, c).disputes] == ["name of the street “59th …”"]


def test_a_regions_agencies_tie_no_two_reports_to_one_incident() -> None:
    a = art(
        "a",
        "Someone in a silver vehicle drove by David's Grocery and fired, police said. Call Elton Crime "
        "Stoppers with tips.",
        DAY,
    )
    b = art(
        "b",
        "Deputies are searching for a black vehicle after the shooting on Northeast 7th Avenue. Call Elton "
        "Crime Stoppers.",
        DAY,
    )
    assert found(a, b).disputes == ()
    # "S. Flores" and "South Flores Street" are one street: the two times are one incident's.
    c = art("c", "The attack happened on Sunday just before 2 a.m. in the 2600 block of S. Flores.", DAY)
    e = art("e", "Ana Roe died in a shooting at about 2:30 a.m. Sunday near South Flores Street.", DAY)
    assert [d.about for d in found(c, e).disputes] == ["time of the incident on Sunday"]


def test_a_citys_period_and_its_hospital_are_no_ones_incident() -> None:
    a = art(
        "a",
        "At least 28 other people have been shot across Elton in separate attacks since 7:20 p.m. Friday.",
        DAY,
    )
    b = art(
        "b",
        "At least 35 other people have been shot across the city between 4:10 p.m. Friday and 2 a.m. Monday.",
        DAY,
    )
    assert found(a, b).disputes == ()
    # Two incidents of one city, treated at its trauma centre: the city and the hospital tie nothing.
    c = art(
        "c",
        "All four victims shot near Wren Street were taken to Elton General Hospital with injuries "
        "that were not life-threatening, police said.",
        DAY,
    )
    e = art(
        "e",
        "In Elton, officers found four victims, two of them with life-threatening injuries, Officer "
        "Mona Vale said. They were taken to Elton General Hospital.",
        DAY,
    )
    assert found(c, e).disputes == ()


def test_streets_groups_and_days_of_two_incidents_of_one_city_are_not_compared() -> None:
    # A topic of one city's shootings: each report is tied to its own incident by the names it shares
    # with another report of it (Ana Roe, Bo Lind); the two incidents' streets, groups and days differ.
    a = art("a", "Ana Roe was hurt in the 2700 block of NW 6th Street on May 2, police said.", DAY)
    b = art("b", "Two women and a man were wounded outside a diner, police said. Ana Roe died.", DAY)
    c = art("c", "Bo Lind was hurt at 812 NW 16th Street on May 9, police said.", DAY)
    e = art("e", "Three men were wounded outside a diner, police said. Bo Lind was among them.", DAY)
    assert found(a, b, c, e).disputes == ()
    # An official who speaks for every incident of a city ties none; a report naming no one is
    # of no known incident.
    f = art("f", "Ana Roe was shot near NW 3rd Street, Lt. Cal Ortiz said.", DAY)
    g = art("g", "Bo Lind was shot near NW 13th Street, Lt. Cal Ortiz said.", DAY)
    assert found(f, g).disputes == ()
    h = art("h", "A woman was shot on the street, police said. Her injuries are life-threatening.", DAY)
    i = art("i", "Bo Lind was shot on NW 13th Street. His injuries are not life-threatening.", DAY)
    assert found(a, h, i).disputes == ()
    # Nor when the other reports one: a short report may be of another incident of the subject.
    assert found(h, i).disputes == ()
    j = art("j", "Bo Lind was shot on the street, police said. His injuries are life-threatening.", DAY)
    assert [d.about for d in found(j, i).disputes] == ["whether the injuries were life-threatening"]


def test_the_whole_a_part_is_counted_from_is_no_toll() -> None:
    # "Nine of the 52 people died": 52 fell ill, nine died. The toll rises day by day: an update.
    a = art("a", "The fever has killed four people in the city, health officials said.", DAY)
    b = art("b", "The fever struck 52 people in all. Nine of the 52 people died.", DAY - dt.timedelta(days=1))
    c = art("c", "The fever has killed five people in the city, officials said.", DAY + dt.timedelta(days=2))
    f = found(a, b, c)
    assert f.disputes == ()
    assert [s.value for s in f.updates[0].sides] == ["four", "five"]


def test_dead_animals_and_a_direction_alone_are_no_toll_and_no_block() -> None:
    # "Three dead pigeons" counts pigeons, not the dead of the outbreak.
    a = art("a", "The virus has killed five people in the city, officials said.", DAY)
    b = art("b", "Lab staff said three dead pigeons from the harbour carried the virus.", DAY)
    assert found(a, b).disputes == ()
    # "West 93rd Street" and "West 37th Street" are two streets, not two blocks of "West".
    c = art("c", "Ana Roe was hurt on Sunday evening in the 500 block of West 93rd Street.", DAY)
    e = art("e", "Ana Roe was jogging in the 3100 block of West 37th Street when she was hurt.", DAY)
    assert found(c, e).disputes == ()
    f = art("f", "Ana Roe was jogging in the 3100 block of West 93rd Street when she was hurt.", DAY)
    assert [d.about for d in found(c, f).disputes] == ["block of West 93rd Street"]


def test_an_official_named_after_a_lowercase_title_ties_no_two_reports() -> None:
    # Two incidents of one district, each commented on by its schools chief: no tie.
    a = art("a", "Mia Tull was shot at NW 9th Avenue, district superintendent Dora Quist said.", DAY)
    b = art("b", "Rob Kade was shot at NW 10th Avenue, district superintendent Dora Quist said.", DAY)
    assert found(a, b).disputes == ()
    c = art("c", "Mia Tull was shot at NW 10th Avenue, district superintendent Dora Quist said.", DAY)
    assert [d.about for d in found(a, c).disputes] == ["street of the incident: 9th Avenue or 10th Avenue"]


def test_a_numbered_rural_road_ties_only_reports_of_its_number() -> None:
    a = art("a", "It happened at a home on County Road 310 west of Alder near 9 p.m. Tuesday.", DAY)
    b = art("b", "A boy was shot by his brother around 7:30 a.m. Tuesday at a cabin off County Road 12.", DAY)
    assert found(a, b).disputes == ()  # two roads of one county's system: two incidents
    c = art("c", "The shooting on County Road 310 happened around 8:15 p.m. Tuesday, deputies said.", DAY)
    assert [d.about for d in found(a, c).disputes] == ["time of the incident on Tuesday"]
