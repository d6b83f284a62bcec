"""Quotations and their speakers (issue 14). Every text here was written for these tests."""

from __future__ import annotations

import re

from helpers import article, context
from hypothesis import given
from hypothesis import strategies as st

from briefgen.analyze import build_context
from briefgen.models import Article, Brief, Topic
from briefgen.render import brief_to_dict, environment, render_brief
from briefgen.sections import quotes
from briefgen.sections.people import WordStart


def _plain(text: str, id: str = "a") -> Article:
    return Article(id=id, path=f"{id}.txt", text=text)


def _found(text: str) -> dict[str, tuple[str, str, str]]:
    return {q.text: (q.speaker, q.speaker_kind, q.cue) for q in quotes.extract(context(_plain(text)))}


def test_typewriter_marks_on_both_sides() -> None:
    found = _found(
        "The council met on Monday.\n\n"
        "''We will not raise the harbour fee this year,'' said Councilwoman Edna P. Marsh. "
        "''Maybe next year.''"
    )
    assert found == {
        "We will not raise the harbour fee this year": ("Edna P. Marsh", "person", "said"),
        "Maybe next year.": ("Edna P. Marsh", "person", "said"),
    }


def test_apposition_between_name_and_verb() -> None:
    found = _found(
        "“The levee held better than anyone expected,” Senator Walter J. Brisk, Republican of Ostland, "
        "said on Tuesday."
    )
    assert found == {"The levee held better than anyone expected": ("Walter J. Brisk", "person", "said")}


def test_unnamed_source_keeps_its_description() -> None:
    found = _found(
        "The ministry did not comment on the plan.\n\n"
        "“Nobody in this building believes the numbers,” a senior ministry official said."
    )
    assert found == {
        "Nobody in this building believes the numbers": ("a senior ministry official", "unnamed", "said")
    }


def test_the_newspaper_resolves_to_the_paper_named_before() -> None:
    found = _found(
        "The Ostland Herald published the letter on Friday.\n\n"
        "“The mayor owes the city an explanation,” the newspaper wrote in an editorial."
    )
    assert found == {"The mayor owes the city an explanation": ("Ostland Herald", "organisation", "wrote")}


def test_colon_and_pronoun_in_a_later_paragraph() -> None:
    found = _found(
        "Harbour master Greta Lindqvist inspected the pier on Sunday.\n\n"
        "The storm had torn away two of the old moorings.\n\n"
        "She was blunt: “We were lucky that nobody was standing on it.”"
    )
    assert found == {"We were lucky that nobody was standing on it.": ("Greta Lindqvist", "person", ":")}


def test_quote_split_around_said_and_over_paragraphs() -> None:
    found = _found(
        "Coach Dmitri Hale spoke after the match.\n\n"
        "“We lost the ball too often,” he said. “That is on me.\n\n"
        "“Next week will be different.”"
    )
    assert found == {
        "We lost the ball too often": ("Dmitri Hale", "person", "said"),
        "That is on me.": ("Dmitri Hale", "person", "said"),
        "Next week will be different.": ("Dmitri Hale", "person", "said"),
    }


def test_transcript_lines_name_their_speaker() -> None:
    found = _found(
        "Host Mira Osei interviewed Governor Tobias Renn.\n\n"
        "“OSEI: Will you sign the water bill this week?\n\n"
        "“RENN: I will sign it on Thursday morning.”"
    )
    assert found["I will sign it on Thursday morning."][0] == "Tobias Renn"


def test_scare_quotes_and_single_words_stay_out() -> None:
    found = _found(
        "The plan, which critics call “reckless,” passed. The mayor called it a “fresh start” for "
        "the district. Residents watched “Harbour Lights” on Saturday."
    )
    assert found == {}


def test_json_and_markdown_show_unnamed_sources_after_named_ones() -> None:
    a = _plain(
        "Mayor Ines Carrow opened the bridge on Monday.\n\n"
        "“This bridge joins two halves of one city,” Carrow said.\n\n"
        "“The budget for it was never approved,” a city council aide said."
    )
    ctx = context(a)
    brief = Brief(topic=Topic("t", "Bridge", (a,)), quotes=quotes.extract(ctx))
    data = brief_to_dict(brief)
    kinds = {q["text"]: (q["speaker_kind"], q["speaker_text"]) for q in data["quotes"]}
    assert kinds == {
        "This bridge joins two halves of one city": ("person", "Carrow"),
        "The budget for it was never approved": ("unnamed", "a city council aide"),
    }
    page = render_brief(brief, environment())
    named = page.index("This bridge joins")
    heading = page.index("### From unnamed sources")
    unnamed = page.index("The budget for it")
    assert named < heading < unnamed
    assert "_a city council aide_ (unnamed source; said)" in page


def test_a_quote_introduced_by_a_colon_shows_no_cue_in_markdown() -> None:
    """A quotation under a speaker's label ("CARROW: ...") has the cue ":" in the JSON; the page shows
    the speaker without "(:)"."""
    from briefgen.models import Quote, Source

    a = _plain("CARROW: This bridge joins two halves of one city.\n\nVALE: The budget was never approved.")
    said = [
        Quote("This bridge joins two halves of one city.", "Ines Carrow", ":", (Source("a", "x"),)),
        Quote(
            "The budget was never approved.",
            "a council aide",
            ":",
            (Source("a", "y"),),
            speaker_kind="unnamed",
        ),
    ]
    page = render_brief(Brief(topic=Topic("t", "Bridge", (a,)), quotes=tuple(said)), environment())
    assert "**Ines Carrow** [" in page and "_a council aide_ (unnamed source) [" in page
    assert "(:)" not in page and "; :)" not in page


def test_organisations_are_never_people() -> None:
    from briefgen.sections import entities

    a = _plain(
        "The Northern Relief Council said on Monday that aid was blocked at the border. "
        "Medics Without Frontiers said its staff had left the town. "
        "Senator Tom Hale said the crossing would reopen. The Tom Hale campaign said nothing more."
    )
    kinds = {e.name: e.kind for e in entities.extract(context(a))}
    assert kinds["Tom Hale"] == "person"
    assert kinds.get("Medics Without Frontiers") != "person"
    assert kinds.get("Northern Relief Council") == "organisation"
    assert "person" not in {kinds.get("Medics Without Frontiers"), kinds.get("Northern Relief Council")}


def test_colon_line_opening_the_article_introduces_the_quote() -> None:
    # The line before the quotation ends with a colon and no sentence comes before it in its paragraph.
    found = _found(
        "Mayor Ilse Brandt opened the meeting on Monday.\n\nStated Brandt:\n\n"
        "“We will rebuild the bridge before winter, whatever it costs.”"
    )
    assert found == {
        "We will rebuild the bridge before winter, whatever it costs.": ("Ilse Brandt", "person", "Stated")
    }


def test_a_quotation_paragraph_goes_on_with_the_last_speaker() -> None:
    found = _found(
        "Engineer Lotte Brandt inspected the dam on Friday.\n\n"
        "“The spillway is sound,” Brandt said.\n\n"
        "“The gates are another matter. They need new seals before winter.”\n\n"
        "The council will vote on the repairs next month.\n\n"
        "“We have no money for it,” said one council member."
    )
    assert found["The gates are another matter. They need new seals before winter."][0] == "Lotte Brandt"
    assert found["We have no money for it"][:2] == ("one council member", "unnamed")


def test_a_sentence_that_only_names_the_speaker_introduces_the_quote() -> None:
    found = _found(
        "The vote was delayed again.\n\n"
        "Anna Keller, a spokeswoman for the port authority, said in a statement. "
        "“There will be no further delays after this week.”\n\n"
        "Stated Keller:\n\n"
        "“The ships will sail on Monday.”\n\n"
        "More from the harbour report: “Traffic fell by a third in March.”"
    )
    assert found["There will be no further delays after this week."][0] == "Anna Keller"
    assert found["The ships will sail on Monday."][0] == "Anna Keller"
    assert found["Traffic fell by a third in March."][:2] == ("the harbour report", "unnamed")


def test_titles_and_named_businesses_are_not_people() -> None:
    from briefgen.sections import entities

    a = _plain(
        "Marta Quill, the owner of a bakery business called Sunny Loaf Ovens, sued the city. "
        "Sunny Loaf Ovens said the permit was denied twice. "
        "The comedy “Garden Party” opened on Friday. Arthur Pell Stadium was full on Saturday. "
        "In the case of “Lantern Party,” which mocks everyone, the jokes are crude."
    )
    kinds = {e.name: e.kind for e in entities.extract(context(a))}
    assert kinds["Marta Quill"] == "person"
    assert "Sunny Loaf Ovens" not in kinds or kinds["Sunny Loaf Ovens"] != "person"
    assert "Garden Party" not in kinds
    assert "Lantern Party" not in kinds
    assert kinds.get("Arthur Pell Stadium") != "person"


def test_signed_quotation_and_later_sentences_of_the_same_speaker() -> None:
    found = _found(
        "Readers wrote in after the vote.\n\n"
        "“The ferry matters more to this town than any bridge ever will.”\n\n"
        "-Rosa Lindgren, Port Elsie.\n\n"
        "“We will appeal,” said Mayor Tomas Berg. Then he went further. "
        "“This decision will not stand in court.”"
    )
    assert found["The ferry matters more to this town than any bridge ever will."][:2] == (
        "Rosa Lindgren",
        "person",
    )
    assert found["This decision will not stand in court."][0] == "Tomas Berg"


def test_dash_signature_on_the_quotation_line() -> None:
    # Epigraph style: the speaker's name after a dash (horizontal bar, em dash, spaced hyphen) on the
    # quotation's own line, no speech verb; a dash that goes on with a clause is no signature.
    found = _found(
        "Ferry users in Port Elsie told us what the closure means to them.\n\n"
        "“I have taken this ferry to work for thirty years.” ― Mona Vell, 54, a nurse\n\n"
        "“We need the crossing back before winter.”―\u00a0Tam Okafor\n\n"
        "“Nobody asked the fishermen what they wanted.” - Dara Quinn\n\n"
        "“We will win this fight” — and the crowd cheered."
    )
    assert found == {
        "I have taken this ferry to work for thirty years.": ("Mona Vell", "person", "—"),
        "We need the crossing back before winter.": ("Tam Okafor", "person", "—"),
        "Nobody asked the fishermen what they wanted.": ("Dara Quinn", "person", "—"),
        "We will win this fight": ("", "unknown", ""),  # no signature: the dash goes on with a clause
    }


def test_title_case_transcript_labels_name_people_the_article_names() -> None:
    a = _plain(
        "Mayor Paul Gann and Councilwoman Mona Vell debated the harbour plan on Tuesday.\n\n"
        '"Gann: We will open the harbour again before the summer.\n\n'
        '"Vell: That is not what the council voted for in May."'
    )
    found = {q.text: q.speaker for q in quotes.extract(build_context(Topic("t", "Harbour", (a,))))}
    assert found == {
        "We will open the harbour again before the summer.": "Paul Gann",
        "That is not what the council voted for in May.": "Mona Vell",
    }


def test_the_sentence_subject_speaks_when_a_speech_word_leads_to_the_quote() -> None:
    found = _found(
        "Senator Ada Hicks toured the valley on Monday.\n\n"
        "Hicks herself said Tuesday that “the only way to win the valley is to ask every farmer for "
        "their support.”\n\n"
        "On Wednesday, Mr. Pavel Oster deflected questions about the dam before saying, “It is time to "
        "stop attacking the farmers of this valley.”\n\n"
        "Judge Tom Ekker ruled in May. After Ekker said that students who did not qualify might do "
        "better at “less advanced schools,” Hicks said: “I do not like what he said, not at all.”"
    )
    assert {text: speaker for text, (speaker, _, _) in found.items()} == {
        "the only way to win the valley is to ask every farmer for their support.": "Ada Hicks",
        "It is time to stop attacking the farmers of this valley.": "Pavel Oster",
        "less advanced schools": "Tom Ekker",
        "I do not like what he said, not at all.": "Ada Hicks",
    }


def test_a_passive_clause_is_no_speaker() -> None:
    found = _found(
        "Ada Hicks won the primary. Hicks, who called Oster soon after the winner was declared, told "
        "her supporters, “I still love this valley, and I always will.”"
    )
    assert found == {"I still love this valley, and I always will.": ("Ada Hicks", "person", "told")}


def test_an_inverted_speech_verb_is_not_part_of_the_name() -> None:
    # "Stated Brandt:" naming someone the article never introduced: the speaker is "Brandt".
    found = _found(
        "The harbour board met on Monday.\n\nStated Brandt:\n\n“We will rebuild the bridge this winter.”"
    )
    assert found == {"We will rebuild the bridge this winter.": ("Brandt", "person", "Stated")}
    found = _found(
        "The board met on Monday. Said Ilse Brandt, the mayor: “We will rebuild the bridge.” "
        "Added Brandt: “Whatever it costs.”"
    )
    assert {text: speaker for text, (speaker, _, _) in found.items()} == {
        "We will rebuild the bridge.": "Ilse Brandt",
        "Whatever it costs.": "Ilse Brandt",
    }


def test_the_registry_drops_a_leading_inverted_speech_verb() -> None:
    from briefgen.sections.people import People

    people = People(
        "Wrote Tom Pell, a farmer, in a letter to the board. "
        "Added Ilse Brandt, the mayor, at the meeting: “No.”"
    )
    assert set(people.roles) == {"Tom Pell", "Ilse Brandt"}


def test_pronouns_follow_the_speaker_and_the_pronoun_chain() -> None:
    found = _found(
        "The analyst Lars Sexton watched the rally in Elton. Vale, Sexton said, has built a “strange, "
        "rule-free zone for his fans.”\n\n"
        "“So afterwards, his supporters feel justified,” he said.\n\n"
        "Columnist Rui Tavares wrote a column this week. He wrote that Vale “has built within our party "
        "the nearest thing to a movement of anger.”\n\n"
        "Look at Speaker Hal Brody. He said he got his ideas from Ann Rose Pike’s novel. In 2010, he "
        "warned the bank that its plan “risks higher prices and a weaker currency.”\n\n"
        "On TV, his wife, Jane, asked for an open primary. “Shutting people out is not smart,” she said."
    )
    speakers = {text: speaker for text, (speaker, _, _) in found.items()}
    assert speakers["So afterwards, his supporters feel justified"] == "Lars Sexton"
    assert speakers["has built within our party the nearest thing to a movement of anger."] == "Rui Tavares"
    assert speakers["risks higher prices and a weaker currency."] == "Hal Brody"
    assert speakers["Shutting people out is not smart"] == "Jane"


def test_a_name_spelled_out_by_an_acronym_is_no_antecedent() -> None:
    found = _found(
        "President Tom Vale flew to Brussels, where crowds oppose the Transatlantic Trade and Investment "
        "Partnership (TTIP). Asked about a deal, he warned: “It will not happen any time soon.”"
    )
    assert found == {"It will not happen any time soon.": ("Tom Vale", "person", "warned")}


def test_a_statement_without_a_speaker_is_shown_as_not_identified() -> None:
    a = _plain(
        "Mayor Ines Carrow opened the bridge on Monday.\n\n"
        "“This bridge joins two halves of one city,” Carrow said.\n\n"
        "The crowd cheered as the ribbon was cut.\n\n"
        "“Nobody here thought it would ever be finished.”\n\n"
        "Critics call the bridge “a monument” to vanity."
    )
    ctx = context(a)
    found = {q.text: (q.speaker, q.speaker_kind) for q in quotes.extract(ctx)}
    assert found == {
        "This bridge joins two halves of one city": ("Ines Carrow", "person"),
        "Nobody here thought it would ever be finished.": ("", "unknown"),
    }
    page = render_brief(Brief(topic=Topic("t", "Bridge", (a,)), quotes=quotes.extract(ctx)), environment())
    assert (
        page.index("This bridge joins") < page.index("### Speaker not identified") < page.index("Nobody here")
    )
    assert "_speaker not identified_" in page


def test_a_quote_printed_without_its_speaker_joins_the_attributed_copy() -> None:
    a = _plain(
        "Mayor Ines Carrow spoke on Monday.\n\n“The bridge will open in May, not a day later,” Carrow said."
    )
    b = _plain("The bridge is late.\n\n“The bridge will open in May, not a day later.”", id="b")
    [q] = quotes.extract(context(a, b))
    assert (q.speaker, q.speaker_kind, {s.article for s in q.sources}) == (
        "Ines Carrow",
        "person",
        {"a", "b"},
    )


def test_places_religions_and_capital_headings_are_not_people_or_organisations() -> None:
    from briefgen.sections import entities

    a = _plain(
        "Gunmen fired near a town in the West Bank on Monday, Mayor Dalia Haddad said.\n\n"
        "The shrine is sacred in Sunni Islam, a scholar said.\n\n"
        "WATCH NOW\n\nThe town will hold a vigil on Friday."
    )
    kinds = {e.name: e.kind for e in entities.extract(context(a))}
    assert kinds.get("West Bank") in (None, "place")
    assert "Sunni Islam" not in kinds
    assert "WATCH NOW" not in kinds
    assert kinds["Dalia Haddad"] == "person"


def test_a_contracted_subject_and_verb_is_no_speaker() -> None:
    found = _found(
        "The harbour fair returns this weekend.\n\n"
        "It's described as “the biggest boat show and swap meet on the northern coast, with antique "
        "sails and live music.”"
    )
    assert all(speaker not in ("It's", "It’s") for speaker, _, _ in found.values())


def _speakers(text: str) -> dict[str, str]:
    return {q.text: q.speaker for q in quotes.extract(context(_plain(text)))}


def test_a_one_word_name_after_a_title_or_a_quotation_is_an_antecedent() -> None:
    found = _speakers(
        "Mayor Ines Carrow met President Vale at the dock on Monday.\n\n"
        "Vale also praised the harbour crews, calling their work quick and careful.\n\n"
        "“We will rebuild every pier that the storm took from this town,” he added.\n\n"
        "“The state will pay for half of the work,” Orsk stated.\n\n"
        "Orsk also thanked the crews.\n\n"
        "“Nobody was hurt, and that matters most of all,” he said."
    )
    assert found["We will rebuild every pier that the storm took from this town"] == "Vale"
    assert found["Nobody was hurt, and that matters most of all"] == "Orsk"


def test_a_surname_two_people_share_stands_for_itself() -> None:
    found = _speakers(
        "Hal Brody and Jane Brody both ran for the council.\n\n"
        "Brody herself also said that she expects a close vote. “It will come down to a few hundred "
        "ballots,” she said."
    )
    assert found["It will come down to a few hundred ballots"] == "Brody"


def test_a_name_used_as_a_modifier_or_a_place_is_no_antecedent() -> None:
    found = _speakers(
        "Tom Vale held a rally in the old mill town on Friday.\n\n"
        "The moment that Ms. Nowak, 21, held up her sign, Vale supporters pushed her toward the door. "
        "“I was scared for a minute,” she said.\n\n"
        "Senator Hal Brody spoke next. In West Elton, where Brody grew up, he told the crowd: “This "
        "valley built me.”"
    )
    assert found["I was scared for a minute"] == "Nowak"
    assert found["This valley built me."] == "Hal Brody"


def test_names_with_initials_nicknames_and_long_titles_are_antecedents() -> None:
    found = _speakers(
        "Senate Minority Whip Richard J. Dorran of Ostland wrote to the ministry. In an interview, "
        "Dorran said on Thursday that he “hand-delivered a letter to the minister asking for an "
        "inquiry.”\n\n"
        "A group marched in silence. Juan “Chico” Marquez of Elton carried one of the photos. “I cried "
        "the whole parade,” he said.\n\n"
        "The economist Robert A. Shapley measured the growth of wages. He wrote that “wages rose "
        "faster for the young than for anyone else.”"
    )
    assert found["hand-delivered a letter to the minister asking for an inquiry."] == "Richard J. Dorran"
    assert found["I cried the whole parade"] == "Juan Marquez"
    assert found["wages rose faster for the young than for anyone else."] == "Robert A. Shapley"


def test_a_role_before_a_name_keeps_it_the_subject() -> None:
    found = _speakers(
        "In a note, Elton campaign manager Rob Kerr conceded that Ada Hicks and Tom Vale had shared "
        "the first two races, which is a result, he said, “we had long foreseen.”"
    )
    assert found["we had long foreseen."] == "Rob Kerr"


def test_a_pronoun_opening_its_sentence_carries_on_to_a_later_he() -> None:
    found = _speakers(
        "Governor Tom Vale has sought to stand apart from his rivals.\n\n"
        "He avoided criticism of front-runner Hal Brody until this week, when he said that Brody “has "
        "no plan for the valley at all.”"
    )
    assert found["has no plan for the valley at all."] == "Tom Vale"


def test_an_abbreviated_title_does_not_end_a_sentence() -> None:
    found = _speakers(
        "Ada Hicks defended the plan on Monday.\n\n"
        "Her plan was backed on Friday by Sen. Jana Orlova of Ostland, who said the harbour fee was "
        "fair.\n\n"
        "“It has never made sense to me that Hicks should pay for the old debts,” she said."
    )
    assert found["It has never made sense to me that Hicks should pay for the old debts"] == "Jana Orlova"


def test_more_attribution_verbs_and_adverbs() -> None:
    found = _found(
        "Ada Hicks wrote to the council in May.\n\n"
        "“The harbour fee has to go before the winter storms,” Hicks further wrote.\n\n"
        "“Who will pay for the new pier now?” Tom Vale demanded."
    )
    assert found["The harbour fee has to go before the winter storms"][:2] == ("Ada Hicks", "person")
    assert found["Who will pay for the new pier now?"][:2] == ("Tom Vale", "person")
    people = context(_plain("Tom Vale spoke.")).people["a"]
    assert quotes.speaker_of("I’d", people, 0).kind == ""  # "...,” I’d say': no speaker


def test_a_pronoun_after_a_quotation_over_several_paragraphs() -> None:
    found = _found(
        "Governor Tom Vale spoke to the farmers in Elton on Monday.\n\n"
        "“We have had three dry summers in a row, and the wells are low.\n\n"
        "“The river is lower than anyone here has ever seen it, even the oldest farmers.\n\n"
        "“The state will help every farm that asks for it,” he said."
    )
    assert found["The state will help every farm that asks for it"][:2] == ("Tom Vale", "person")


def test_a_pronoun_inside_a_quotation_is_not_the_next_quotations_subject() -> None:
    found = _found(
        "Rob Weaver spoke to Tamra Hall on Monday.\n\n"
        '"The secretary has voted for it. She has been all over the place," Weaver said. "She used to '
        'be for the toll, then she was against it."'
    )
    assert found["She used to be for the toll, then she was against it."][0] == "Rob Weaver"


def _kinds(text: str) -> dict[str, str]:
    from briefgen.sections import entities

    return {e.name: e.kind for e in entities.extract(context(_plain(text)))}


def test_companies_buildings_and_teams_described_as_such_are_not_people() -> None:
    kinds = _kinds(
        "Harlan Mills, a flour milling company, said the wheat was late. Harlan Mills said prices rose.\n\n"
        "Worshippers at the Al Noor mosque said the Noor Hassan family helped. Imam Karim Saleh said "
        "the Al Noor mosque would reopen.\n\n"
        "He played for the Port Elsie Herons in 2010. The Port Elsie Herons said he was traded."
    )
    assert kinds.get("Harlan Mills") != "person"
    assert kinds.get("Al Noor") != "person"
    assert kinds.get("Port Elsie Herons") != "person"
    assert kinds["Karim Saleh"] == "person"


def test_places_streets_and_title_case_headings_are_not_people() -> None:
    kinds = _kinds(
        "Vale Wins Easily Among Farmers\n\n"
        "Officers were called to Kestrel Drive in North Elton, where Tom Vale said he heard shots. "
        "Tom Vale said the man ran toward Santa Elena. Classmate Ahmed Varga said he knew the man.\n\n"
        "Nobody was hurt, the Elton Police Department said. Crews from Elton Fire Rescue said the fire was "
        "out by noon."
    )
    assert kinds["Tom Vale"] == "person"
    assert kinds.get("Ahmed Varga") == "person" and "Classmate Ahmed Varga" not in kinds
    for name in (
        "Kestrel Drive",
        "North Elton",
        "Santa Elena",
        "Vale Wins Easily Among",
        "Elton Fire Rescue",
    ):
        assert kinds.get(name) != "person", name


def test_an_organisation_name_does_not_run_across_a_sentence_end() -> None:
    kinds = _kinds(
        "The man was found on Elm Boulevard. Police said he had been shot twice. The Elton Police "
        "Department asked for help. He was taken to Saint Ives Hospital. Police said he would live."
    )
    assert "Elm Boulevard. Police" not in kinds and "Saint Ives Hospital. Police" not in kinds
    assert kinds["Elton Police Department"] == "organisation"


def test_suppliers_teams_buildings_and_coded_software_are_not_people_or_bodies() -> None:
    kinds = _kinds(
        "The bakery recalled its cakes after our supplier, Kestrel Grain, recalled some of its flour. "
        "Kestrel Grain said the flour was safe.\n\n"
        "The former star turned Port Elsie Herons owner said on Monday he would sell the team.\n\n"
        "Two bombers struck at Al Noor mosque on Friday. Imam Karim Saleh said the roof fell.\n\n"
        "Visits were sorted by Hospital Coding Software (HCS) groups, and HCS groups were counted."
    )
    assert kinds.get("Kestrel Grain") != "person"
    assert kinds.get("Port Elsie Herons") != "person"
    assert kinds.get("Al Noor") != "person"
    assert kinds.get("Hospital Coding Software") is None
    assert kinds["Karim Saleh"] == "person"


def test_a_pronoun_goes_to_the_one_who_speaks_before_the_one_spoken_of() -> None:
    found = _speakers(
        "Mayor Ines Carrow visited the port.\n\n"
        "Governor Hal Vale will bring new cranes to the pier next year, said Tom Brandt.\n\n"
        "“We have waited ten years for those cranes,” he said."
    )
    assert found["We have waited ten years for those cranes"] == "Tom Brandt"


def test_press_agencies_and_places_before_a_business_are_not_people() -> None:
    kinds = _kinds(
        "Mayor Ana Ruiz told Agence Nord-Presse the roads were closed.\n\n"
        "Woman asked to leave Elm Dam McKinley's diner\n\n"
        "A customer at an Elm Dam McKinley's complained, the manager, Tom Vale, said."
    )
    assert kinds.get("Agence Nord-Presse") != "person"
    assert kinds.get("Elm Dam McKinley") != "person"
    assert kinds["Ana Ruiz"] == "person"


def test_her_comment_had_written_and_a_long_role_before_the_name() -> None:
    found = _speakers(
        "Mayor Ines Carrow has promised a new ferry.\n\n"
        "Fishermen are wary after her March comment that “we will close the old harbour for good.”\n\n"
        "As the columnist Ruth Perle had written a year earlier, “Nobody in this town trusts a promise "
        "about ferries.”\n\n"
        "Former secretary of state Ada Hicks, a Vale supporter, was mocked over her remark that “the "
        "harbour is a museum.”"
    )
    assert found["we will close the old harbour for good."] == "Ines Carrow"
    assert found["Nobody in this town trusts a promise about ferries."] == "Ruth Perle"
    assert found["the harbour is a museum."] == "Ada Hicks"


def _full(text: str) -> dict[str, tuple[str, str, str]]:
    return {
        q.text: (q.speaker, q.speaker_text, q.speaker_kind) for q in quotes.extract(context(_plain(text)))
    }


def test_a_possessive_description_is_an_unnamed_source() -> None:
    found = _full(
        "Tom Brandt toured the flooded farms on Monday.\n\n"
        "“The governor will not let these families wait for help,” Brandt’s spokeswoman said.\n\n"
        "“Every county will get its share of the money,” Brandt's campaign said in a statement.\n\n"
        "“We will ask the state for more trucks,” Brandt’s running mate said."
    )
    assert found["The governor will not let these families wait for help"][1:] == (
        "Brandt’s spokeswoman",
        "unnamed",
    )
    assert found["Every county will get its share of the money"][1:] == ("Brandt's campaign", "unnamed")
    assert found["We will ask the state for more trucks"][1:] == ("Brandt’s running mate", "unnamed")


def test_a_possessive_description_resolves_only_to_that_owners_person() -> None:
    found = _full(
        "Ada Hicks, a spokeswoman for Mayor Ines Carrow, spoke first.\n\n"
        "“The bridge will reopen in May,” Carrow’s spokeswoman said.\n\n"
        "“We have heard nothing from the city,” Brandt’s spokeswoman said."
    )
    assert found["The bridge will reopen in May"][0] == "Ada Hicks"
    assert found["We have heard nothing from the city"][:2] == (
        "Brandt’s spokeswoman",
        "Brandt’s spokeswoman",
    )


def test_a_name_in_apposition_after_a_description_in_the_sentence_before() -> None:
    found = _full(
        "The rally ended late.\n\n"
        "Carrow’s campaign chairman, Tom Brandt, said in a statement: “Tonight the voters heard a plan "
        "for every town on the river.”"
    )
    assert found["Tonight the voters heard a plan for every town on the river."][0] == "Tom Brandt"


def test_it_resolves_to_the_organisation_named_before() -> None:
    found = _full(
        "The pay rise was opposed by the Harbour Traders Council of Elton on Monday.\n\n"
        "“Keep the dock fee where it is until the new pier opens,” it recommended.\n\n"
        "The council did not say how its members had voted."
    )
    assert found["Keep the dock fee where it is until the new pier opens"] == (
        "Harbour Traders Council of Elton",
        "it",
        "organisation",
    )


def test_it_with_no_organisation_before_stays_unattributed() -> None:
    found = _full(
        "The storm reached the coast on Monday night.\n\n"
        "“Nobody in this town has seen anything like it,” it said."
    )
    assert found["Nobody in this town has seen anything like it"][2] == "unknown"


def test_a_relative_clause_of_speech_gives_the_speaker() -> None:
    found = _full(
        "The vote was put off by Ada Hicks of Elton, the panel's chairwoman, who said, “We need more "
        "time to read the whole bill.”\n\n"
        "The mayor's office cited a report by the Elton Herald, which said: “More than half of the "
        "donors gave twice.”"
    )
    assert found["We need more time to read the whole bill."][0] == "Ada Hicks"
    assert found["More than half of the donors gave twice."][:2] == ("Elton Herald", "the Elton Herald")


def test_who_said_after_a_name_makes_it_the_one_who_speaks_for_a_later_pronoun() -> None:
    found = _speakers(
        "The plan was backed by Mayor Ines Carrow's office and by Senator Dana Orlova of Ostland, "
        "the ranking member of the panel, who said none of the money had been spent.\n\n"
        "“It has never made sense to blame the mayor for a plan the state wrote,” she said."
    )
    assert found["It has never made sense to blame the mayor for a plan the state wrote"] == "Dana Orlova"


def test_a_clause_or_a_cut_noun_is_no_unnamed_source() -> None:
    """A phrase that names nobody is an unnamed source only when it reads as a description: not a clause
    ending with "and" or holding a time, not one bare singular noun."""

    def speakers(text: str) -> list[tuple[str, str]]:
        return [(q.speaker, q.speaker_kind) for q in quotes.extract(context(article(text)))]

    assert speakers("Ada Hicks backed both men on Monday and said: “They have my full support in this.”") == [
        ("Ada Hicks", "person")
    ]
    text = "Groups this year joined forces to launch a new campaign called “Clean Harbour Now Please.”"
    assert all(kind != "unnamed" for _, kind in speakers(text))
    # A thing given a name with "called" is what is named, not who speaks; a person calling still is.
    text = "The pill joins a host of other pills called “non-steroidal anti-inflammatory drugs,” or NSAIDs."
    assert speakers(text) == []
    text = "Mayor Ines Carrow called “a plan that nobody in this city has read” a waste of money."
    assert speakers(text) == [("Ines Carrow", "person")]
    # Not the bare "president" the first phrasing cut out: the whole description.
    assert speakers("“The minimum wage must rise this year,” said president of the Elton Workers Union.") == [
        ("president of the Elton Workers Union", "unnamed")
    ]
    assert speakers("“The minimum wage must rise this year,” a senior union official said.") == [
        ("a senior union official", "unnamed")
    ]
    assert speakers("“The minimum wage must rise this year,” police said.") == [("police", "unnamed")]
    # A description that merely holds "last" or "next" is one; an article cut from it is not.
    assert speakers("“We ran for our lives that night,” the last witness said.") == [
        ("the last witness", "unnamed")
    ]
    assert all(kind != "unnamed" for _, kind in speakers("“We ran for our lives,” said the next speaker."))


def test_a_name_after_a_verb_that_takes_an_object_is_no_speaker() -> None:
    found = _speakers(
        "Tom Brandt, an economist at Elton College, first pointed out Mr. Vale's interest in the fund.\n\n"
        "“Nobody else in the race has said a word about pensions,” he said."
    )
    assert found["Nobody else in the race has said a word about pensions"] == "Tom Brandt"


def test_a_surname_alone_after_a_lowercase_word_is_an_antecedent() -> None:
    found = _speakers(
        "ELTON - Ilan Voss may have thought the worst was over in April.\n\n"
        "Prosecutors charged the officer and Voss fired his deputy, Garry F. Brandt, on Monday. "
        "Voss continues to face questions about the delay.\n\n"
        "“We will answer every question the families ask,” he said."
    )
    assert found["We will answer every question the families ask"] == "Ilan Voss"


def test_a_pronoun_subject_is_not_the_name_its_own_clause_governs() -> None:
    found = _speakers(
        "Radio host Omar Quill asked Hal Vale how tall the sea wall would be.\n\n"
        "“Maybe ten feet, maybe twelve, we will see,” he told Quill, to cheers from the crowd."
    )
    assert found["Maybe ten feet, maybe twelve, we will see"] == "Hal Vale"
    found = _speakers(
        "Vale has said the harbour fee is fair.\n\n"
        "The group's director spoke next. She said Vale “has failed to do anything for the harbour towns.”"
    )
    assert found.get("has failed to do anything for the harbour towns") != "Vale"


def test_the_pronouns_after_a_name_give_it_a_gender() -> None:
    found = _speakers(
        "Senator Dana Orlova spoke first.\n\n"
        "Vale said the fee was unfair and broke ranks with his own party.\n\n"
        "“This fee will hurt every family on the coast,” she said."
    )
    assert found["This fee will hurt every family on the coast"] == "Dana Orlova"


def test_a_pronoun_after_a_description_opening_a_sentence_goes_to_that_description() -> None:
    found = _full(
        "Ada Hicks was hurt at the Elton pier on Monday.\n\n"
        "His mother told reporters she had left work to find him.\n\n"
        "“It was my child out there on that pier,” she said."
    )
    assert found["It was my child out there on that pier"][:3] == ("His mother", "she", "unnamed")
    # A definite description most likely stands for the person named before it.
    found = _full(
        "Governor Hal Vale toured the flooded farms with Tom Brandt on Monday.\n\n"
        "The governor spoke for ten minutes and took no questions.\n\n"
        "“We will rebuild every farm on this river,” he said."
    )
    assert found["We will rebuild every farm on this river"][0] == "Hal Vale"
    # A person described as a victim, who does not speak, is not the speaker.
    found = _full(
        "Ines Carrow said the shooting brought back bad memories. Her niece had been killed on the same "
        "block a few years ago.\n\n"
        "“Now they are shooting again and nobody stops them,” she said."
    )
    assert found["Now they are shooting again and nobody stops them"][0] == "Ines Carrow"


def test_names_with_letters_beyond_latin_1_and_hyphenated_particles() -> None:
    found = _full(
        "Łukasz Nowak, a party spokesman, spoke first.\n\n"
        "“We will win this seat back in the spring,” he said.\n\n"
        "“They have not shown us a single figure,” said Omar al-Vale, a farmer near Elton.\n\n"
        "Residents of the valley met again on Friday. “Nobody has asked us about the dam,” al-Vale said."
    )
    assert found["We will win this seat back in the spring"][0] == "Łukasz Nowak"
    assert found["They have not shown us a single figure"][0] == "Omar al-Vale"
    assert found["Nobody has asked us about the dam"][0] == "Omar al-Vale"


def test_a_place_inside_another_name_or_a_work_title_is_no_entity_of_its_own() -> None:
    kinds = _kinds(
        "The latest Elton Herald poll puts the mayor ahead, and a Denver Post survey agrees.\n\n"
        "“The maps are a racial gerrymander,” said Joshua A. Denver, an election law expert.\n\n"
        "Co-authors include Douglas Steinley of the University of Elton.\n\n"
        "The hot dogs of the animated comedy Harbour Party cooked up a big debut in Chicago.\n\n"
        "A small plane landed at the Buffalo Niagara International Airport on Saturday.\n\n"
        "The Labour Party met in London. The California Department of Corrections said the man died."
    )
    assert kinds["Elton Herald"] == kinds["Denver Post"] == kinds["Labour Party"] == "organisation"
    assert kinds["Chicago"] == kinds["London"] == "place"
    for name in ("Denver", "Douglas", "California", "Harbour Party", "Buffalo Niagara International"):
        assert name not in kinds, name


def test_a_party_and_office_before_a_name_keep_it_the_subject_but_not_in_a_fronted_clause() -> None:
    found = _speakers(
        "Tom Brandt spoke at the fair on Monday.\n\n"
        "In line with most of the town, Republican presidential hopeful Sen. Hal Vale was critical of the "
        "plan, telling reporters: “The port will have new cranes by spring.”"
    )
    assert found["The port will have new cranes by spring."] == "Hal Vale"
    found = _speakers(
        "While Republican presidential nominee Hal Vale has yet to back the mayor, his running mate, "
        "Governor Tom Brandt, has.\n\n"
        "“The mayor has done a fine job for this town and deserves another term,” he said."
    )
    assert found["The mayor has done a fine job for this town and deserves another term"] == "Tom Brandt"


def test_a_description_resolves_to_the_person_whose_abbreviated_title_it_spells_out() -> None:
    found = _full(
        "ELTON - Gov. Ines Carrow on Tuesday vetoed a bill that would have fined teens who smoke.\n\n"
        "The governor said the bill “would have reached too far into private family life.”"
    )
    assert found["would have reached too far into private family life."][:3] == (
        "Ines Carrow",
        "The governor",
        "person",
    )


def test_a_surname_that_is_a_place_an_operation_and_a_photo_credit_are_typed_right() -> None:
    kinds = _kinds(
        "Elton County Sheriff Scott Denver, a Democrat, was pleased with the vote.\n\n"
        "Vale denied a cover-up of Operation Harbour Storm before the panel in Elton.\n\n"
        "Jo Ames for The Elton Daily News\n\nThe mayor said the pier would reopen."
    )
    assert "Denver" not in kinds
    assert kinds.get("Operation Harbour") != "person"
    assert "Jo Ames for The Elton Daily News" not in kinds
    kinds = _kinds(
        "“The pupils knew before school began,” said a spokesman for the Rosemount-Apple Valley school "
        "district. The family had no contact with the agency, the Fort Worth Star-Telegram reported."
    )
    assert "Apple" not in kinds and "Fort Worth" not in kinds


def test_a_relative_clause_with_a_quotation_inside_keeps_the_name_before_it_the_speaker() -> None:
    found = _full(
        "Omar Vale, a farmer near Elton who says his loss would be “life-changing,” adds, “I will be glad "
        "to have part of it back, but the rest is gone.”\n\n"
        "“It is not a big deal around here,” one operative inside Vale Tower said."
    )
    assert found["I will be glad to have part of it back, but the rest is gone."][0] == "Omar Vale"
    assert found["It is not a big deal around here"][2] == "unnamed"


def test_a_name_after_a_clause_or_a_description_after_the_verb_and_more_abbreviated_titles() -> None:
    found = _full(
        "“It is something he has weighed a great deal over the past half year,” said his trainer since 2008, "
        "Larry Vale. “When he stepped onto the field his thoughts were drifting, and he knew.”\n\n"
        "“I think they are afraid that the adoption policy might change” with Sunday's elections, said "
        "Sandy Nickel, the proud new mother of a baby girl.\n\n"
        "“When we go on patrol, either ten men cram into one truck, or we walk,” Pvt. Rahmatullah said.\n\n"
        "“It may be among the most powerful songs he has written,” a reporter, Iris Pell, told The Elton "
        "Beast."
    )
    assert found["It is something he has weighed a great deal over the past half year"][0] == "Larry Vale"
    assert found["When he stepped onto the field his thoughts were drifting, and he knew."][0] == "Larry Vale"
    assert found["I think they are afraid that the adoption policy might change"][0] == "Sandy Nickel"
    assert found["When we go on patrol, either ten men cram into one truck, or we walk"][0] == (
        "Pvt. Rahmatullah"
    )
    assert "Beast" not in found["It may be among the most powerful songs he has written"][0]


def test_a_statement_standing_alone_after_a_sentence_of_reported_speech_is_its_speakers() -> None:
    found = _full(
        "Tom Baker lamented that the loss had made him tell his young son some hard truths.\n\n"
        "“I told my boy that the world has its dangers and he has to listen to us.”\n\n"
        "Vale's new book came out on Monday.\n\n"
        "“The stories begin and the stories end, but the work never ends.”\n\n"
        "Ines Carrow said her son would sing `Old Vale Farm' every morning. She told the committee that "
        "nobody could miss such changes. “Parents like me are relying on you to find out what happened.”"
    )
    assert found["I told my boy that the world has its dangers and he has to listen to us."][0] == "Tom Baker"
    assert found["The stories begin and the stories end, but the work never ends."][0] == ""
    assert found["Parents like me are relying on you to find out what happened."][0] == "Ines Carrow"


def test_a_common_word_after_an_honorific_is_a_surname() -> None:
    found = _full(
        "“If they do not begin the paperwork, I let them go after 30 days,” said Dr. More, a board member "
        "of the county branch.\n\nBy contrast, her stance on delays is more flexible. “I do allow that most "
        "times,” she said."
    )
    assert found["If they do not begin the paperwork, I let them go after 30 days"][0] == "Dr. More"
    assert found["I do allow that most times"][0] == "Dr. More"


def test_paragraphs_that_go_on_with_the_pronoun_keep_its_person_in_reach() -> None:
    found = _found(
        "Omar Brandt said the orchard has been in his family for a century.\n\n"
        "He still picks the first apples himself every September.\n\n"
        "He said the dry summers have cost him half the crop.\n\n"
        "Even so, he said, the orchard will stay open.\n\n"
        "“My grandfather planted these trees and I will not be the one to cut them,” he said."
    )
    assert found["My grandfather planted these trees and I will not be the one to cut them"][:2] == (
        "Omar Brandt",
        "person",
    )


def test_a_name_inside_a_sentence_opened_by_the_pronoun_is_not_its_person() -> None:
    found = _found(
        "Mayor Tom Reed was asked about the harbour fee on Monday.\n\n"
        "But he said the plan drafted by Karl Vinter fails the fishermen.\n\n"
        "“The fishermen will pay twice for the same pier,” he said.\n\n"
        "At the council after a long debate with Ivo Hask, he left the hall early.\n\n"
        "“We will vote again in May,” he said."
    )
    assert found["The fishermen will pay twice for the same pier"][0] == "Tom Reed"
    assert found["We will vote again in May"][0] == "Tom Reed"


def test_a_pronoun_about_someone_else_named_in_the_sentence_gives_no_gender() -> None:
    found = _found(
        "Quill Aster, who edits the Elton Review, will print the story in May.\n\n"
        "Dara Venn is furious about it.\n\n"
        "Even if Venn, who left the party in March, wants an apology, Aster says, she will not get one.\n\n"
        "“Elton has changed a lot since the last election,” he says."
    )
    assert found["Elton has changed a lot since the last election"][0] == "Quill Aster"


def test_a_pronoun_after_an_unnamed_speaker_is_that_description() -> None:
    found = _found(
        "Mayor Tom Reed opened the new pier on Monday.\n\n"
        "“The pier will pay for itself in ten years,” a senior harbour official said.\n\n"
        "He said the old pier had been closed since the storms. He would not give the cost.\n\n"
        "“We know the fishermen wanted it,” he added.\n\n"
        "“The report was written in a hurry,” said Reed's deputy, Ada Hicks.\n\n"
        "“The pier is a gift to the town,” said a 70-year-old woman who sells bait there. The woman, who "
        "gave only her first name, said the fees were too high.\n\n"
        "“We will see in the spring,” she said."
    )
    assert found["We know the fishermen wanted it"][:2] == ("a senior harbour official", "unnamed")
    assert found["We will see in the spring"][:2] == ("a 70-year-old woman", "unnamed")


def test_a_pronoun_that_goes_on_after_two_speakers_is_the_nearest_one() -> None:
    found = _found(
        "Tom Hicks said last week that 300 boats had signed up for the parade, and Omar Brandt says he "
        "stopped counting in May. He says the harbour phone rings all day.\n\n"
        "“We will sail in peace and come home in peace,” he said."
    )
    assert found["We will sail in peace and come home in peace"][0] == "Omar Brandt"


def test_the_same_article_hard_wrapped_with_crlf_or_typewriter_marks_gives_the_same_quotes(tmp_path) -> None:
    import textwrap

    from briefgen.pipeline import read_articles

    paragraphs = [
        "Elton harbour reopens after the storm",
        "Mayor Ines Carrow reopened the harbour on Monday, three weeks after the storm that sank "
        "eleven boats and closed the fish market for the rest of the season.",
        "“We will rebuild every pier that the storm took from this town, and we will do it before the "
        "winter,” Carrow said, standing on the new dock with the harbour master.",
        "Omar Brandt, who has fished out of Elton for thirty years, was less sure. “The money is not "
        "there yet, and the fishermen know it,” he said. “We have heard promises before.”",
        "A senior harbour official said the first boats would sail on Friday.",
    ]
    plain = "\n\n".join(paragraphs) + "\n"
    variants = {
        "plain": plain,
        "wrapped": "\n\n".join("\n".join(textwrap.wrap(p, 60)) for p in paragraphs) + "\n",
        "crlf": plain.replace("\n", "\r\n"),
        "typewriter": plain.replace("“", '"').replace("”", '"'),
    }
    seen = {}
    for name, text in variants.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(text.encode("utf-8"))
        read, _ = read_articles([path])
        found = quotes.extract(build_context(Topic(slug="t", title="t", articles=tuple(read))))
        seen[name] = sorted((q.text, q.speaker, q.speaker_kind) for q in found)
    assert len(seen["plain"]) == 3
    assert all(found == seen["plain"] for found in seen.values()), seen


def _kinds_of(*texts: str) -> dict[str, str]:
    from briefgen.sections import entities

    articles = [_plain(text, id=f"a{i}") for i, text in enumerate(texts)]
    return {e.name: e.kind for e in entities.extract(context(*articles))}


def test_publications_groups_and_things_named_after_a_verb_or_noun_are_not_people() -> None:
    kinds = _kinds(
        "“We grew up on the same street,” the singer Ada Quill told Harbour Lights. Quill said so twice.\n\n"
        "An aide told Glimmer Weekly that the tour was over, and a fan told The Vale Courier newspaper "
        "the same.\n\n"
        "Prosecutors said the men belonged to a cell called the Night Hawks. The Night Hawks were feared.\n\n"
        "The survey was run by the investment bank Corder Lund. Fifty homes rise on a site called Norman "
        "Place. Norman Place is near the river.\n\n"
        "Requests pass through a network of computers called Harbor Relay Hubs, said Ada Quill.\n\n"
        "The Centers for Harbour Control and the Court of Coastal Appeals ruled. Harbour Control said no."
    )
    assert kinds["Ada Quill"] == "person"
    for name in (
        "Harbour Lights",
        "Glimmer Weekly",
        "Vale Courier",
        "Night Hawks",
        "Corder Lund",
        "Norman Place",
        "Harbor Relay Hubs",
        "Harbour Control",
        "Coastal Appeals",
    ):
        assert kinds.get(name) != "person", name


def test_a_name_one_article_treats_as_a_company_is_no_person_in_another() -> None:
    kinds = _kinds_of(
        "Customers lost coins in the collapse of Kel Brix, which held most of them.",
        "“We will pay everyone back,” Kel Brix said on Monday. Brix said the rest is gone.",
    )
    assert kinds.get("Kel Brix") != "person"
    # A person's role in one article outweighs a bare "which" in another.
    kinds = _kinds_of(
        "Rina Tabor, the group's executive director, said the vote was close.",
        "“It was close,” said Rina Tabor, a spokeswoman for the league.",
    )
    assert kinds["Rina Tabor"] == "person"


def test_hyphenated_firms_charges_and_places_inside_names_or_people() -> None:
    kinds = _kinds(
        "The word is in Lorrin Webster's new dictionary, said Ada Quill, an editor at Lorrin-Webster.\n\n"
        "He was booked on two counts of Contempt of Court, deputies said.\n\n"
        "“It is a start,” said Dana Ruiz of the University of Ohio School of Law.\n\n"
        "Ren Osaka, a partner at the firm, agreed. “It works,” Osaka says.\n\n"
        "She met Svante Oberg of Norland's Lind Institute for Old Bones. Former White House staff met."
    )
    assert kinds["Ada Quill"] == kinds["Dana Ruiz"] == kinds["Ren Osaka"] == "person"
    assert kinds["Lind Institute for Old Bones"] == "organisation"
    for name in ("Lorrin Webster", "Contempt of Court", "Ohio", "Osaka", "Former White House"):
        assert name not in kinds, name
    assert not any(name.startswith("Svante") for name in kinds if kinds[name] == "organisation")


def test_someone_named_after_a_question_is_the_asker() -> None:
    kinds = _kinds("“Why does my weight matter?” asked Dionne Harwell, a freshman. Harwell shrugged.")
    assert kinds["Dionne Harwell"] == "person"


def test_listed_relatives_quoted_titles_and_long_acronym_names() -> None:
    kinds = _kinds(
        "He is survived by his sisters, Denver, Ada and Rhea, and his son, Tom.\n\n"
        "Watch 'Evening Harbour News' tonight at six.\n\n"
        "He was paroled from the Ohio Department of Corrections in May.\n\n"
        "The booklet came from the Central Board for Studies in Herbs and Tides (CBSHT). The CBSHT said so."
    )
    for name in ("Denver", "Evening Harbour News", "Ohio"):
        assert name not in kinds, name
    assert kinds["Central Board for Studies in Herbs and Tides"] == "organisation"
    assert "Central Board for Studies" not in kinds


def test_short_names_of_schools_pets_and_longer_bodies_are_not_places_people_or_other_bodies() -> None:
    kinds = _kinds(
        "A gunman shot 12 people at Ada Hale Kyoto High School in Elton on Monday.\n\n"
        "A student at Hale Kyoto said the drills had helped.\n\n"
        "She walked her new dog Rosa Belle in the park with Ada Quill, a neighbor.\n\n"
        "The abbot spoke at the Congress of Millers in Vale. The Elton Daily and The New York Times ran it."
    )
    assert kinds["Ada Quill"] == "person"
    for name in ("Kyoto", "Rosa Belle", "Congress", "New York"):
        assert name not in kinds, name


def test_titles_names_and_labels_in_quotation_marks_are_not_quotations() -> None:
    found = _found(
        "The boy was shot during a game of “cats and mice,” deputies said Monday.\n\n"
        "In an appearance on “Harbour Tonight,” Mayor Ada Quill said the port would reopen.\n\n"
        "Her son agreed to meet a woman described as a “Norland trade envoy” last June.\n\n"
        "Quill pushed back on what she called the rhetoric of the race, including Tom Vale's oft-repeated "
        "contention that she is the “parking ticket mayor.”\n\n"
        "“I'm from Elton,” Quill said. “What a night!” she added."
    )
    for text in ("cats and mice", "Harbour Tonight", "Norland trade envoy"):
        assert not any(text in q for q in found), text
    assert found.get("parking ticket mayor.", ("",))[0] != "Ada Quill"
    for text in ("I'm from Elton", "What a night!"):
        assert found[text][0] == "Ada Quill", text


def test_a_capitalised_common_noun_opening_a_sentence_is_no_person() -> None:
    found = _found(
        "Neighbors gathered outside the house on Elm Street.\n\n"
        "“There were a lot of neighbors outside, and we all knew the family,” Neighbors added."
    )
    assert all(kind != "person" for _, kind, _ in found.values())


def test_a_capitalised_word_of_a_description_must_be_in_the_role() -> None:
    found = _found(
        "Ada Quill, the bureau chief of the Elton Gazette, wrote about the vote.\n\n"
        "“The choice is not between two men,” the Harbour Party chief said on Monday."
    )
    assert found["The choice is not between two men"][0] != "Ada Quill"


def test_an_acronym_after_the_is_an_organisation_and_a_word_after_the_no_person() -> None:
    found = _found(
        "Investigators met on Friday.\n\n"
        "“The engine lost power less than a minute after takeoff,” the BEA said in its report.\n\n"
        "“The charter forbids any tax on harbour trade,” the Charter says, according to the filing."
    )
    assert found["The engine lost power less than a minute after takeoff"][:2] == ("BEA", "organisation")
    assert all(kind != "person" for _, kind, _ in found.values())


def test_a_given_name_gives_the_gender_of_a_full_name() -> None:
    found = _found(
        "Councilwoman Iris Delgado said the board had failed the harbour. Her colleague Martin Vosk "
        "disagreed.\n\n"
        "“It was never the board's job,” she said.\n\n"
        "Kim Oduya and Lucas Brenner walked the pier with Evan, a boy of ten.\n\n"
        "“What does the tide do at night?” she asked."
    )
    assert found["It was never the board's job"][0] == "Iris Delgado"
    # "Kim" is a given name of women and men: the text's pronoun decides.
    assert found["What does the tide do at night?"][0] == "Kim Oduya"


def test_an_honorific_holds_over_the_given_names_usual_gender() -> None:
    found = _found(
        "Ms. Marty Quell, who runs the ferry, and Tom Brask, the harbour master, met on Monday.\n\n"
        "“The ferry will run all winter,” she said."
    )
    assert found["The ferry will run all winter"][0] == "Marty Quell"


def test_a_company_after_of_is_not_the_subject_its_owner_is() -> None:
    found = _found(
        "The owner of Elm Rides, Elton resident Oskar Brandt, expressed regret on Monday.\n\n"
        "“We owe every family on that bus an answer,” he said."
    )
    assert found["We owe every family on that bus an answer"][0] == "Oskar Brandt"


def test_a_name_in_a_fronted_clause_is_not_the_speaker_of_the_main_clause() -> None:
    found = _found(
        "When President Hale asked for a bigger budget, Rep. Tom Brask, R-N.Y., said the fund was empty, "
        "but he said the board had its reasons.\n\n"
        "The real trouble, he said, was a “tax on ferries that nobody wanted.”"
    )
    assert found["tax on ferries that nobody wanted."][0] == "Tom Brask"


def test_a_couple_sharing_a_surname_and_a_town_with_its_state() -> None:
    found = _found(
        "“Farms matter too,” said Dennis Hollis of the reading league.\n\n"
        "Lena and Tomas Vukic of Elton Falls, La., teach their two daughters at the kitchen table. The girls "
        "went to a town school until the Vukics moved.\n\n"
        "“We read every morning before the chores,” she says."
    )
    assert found["We read every morning before the chores"][0] == "Lena Vukic"


def test_the_name_a_quotation_goes_on_from_is_not_its_speaker() -> None:
    found = _found(
        "Ivo Vukic, the governor, lost the vote. Adam Marlow, a historian at Elton College, followed the "
        "race. During the debate, the mayor attacked Vukic without pause, Marlow said.\n\n"
        "Vukic “seemed worn out and short of answers in every debate,” he said."
    )
    assert found["seemed worn out and short of answers in every debate"][0] == "Adam Marlow"


def test_pronouns_after_a_surname_hold_over_the_given_names_usual_gender() -> None:
    found = _found(
        "“We will keep the ferry running,” said Marty Quell, chair of the ferry board.\n\n"
        "Quell takes a calmer line than the mayor. She said she would rather see money spent on boats.\n\n"
        "“The boats are what the island needs,” she said.\n\n"
        "Michelle Vale spoke at the dinner. Vale then gave his speech, and Vale said his plan would pass. "
        "He thanked the crowd.\n\n"
        "“We will win this,” he said."
    )
    assert found["The boats are what the island needs"][0] == "Quell"
    assert found["We will win this"][0] == "Vale"


def test_a_quotation_of_someone_speaking_inside_reported_speech_is_theirs() -> None:
    found = _found(
        "Ada Vale was questioned twice, on March 2 and March 9.\n\n"
        "Police said the boy was shouting “come back, come back” when the ferry left.\n\n"
        "The inquiry report says Vale answered, “I was never at the pier that night, and nobody saw me.”\n\n"
        "Tom Deeter said he yelled at the driver: “Why is the gate still open?”"
    )
    assert "come back, come back" not in found
    assert found["I was never at the pier that night, and nobody saw me."][0] == "Ada Vale"
    assert found["Why is the gate still open?"][0] == "Tom Deeter"


def test_a_date_after_a_name_is_no_part_of_it() -> None:
    found = _found(
        "In a late phone call from Vale Dec. 17, he told her to stay away.\n\n"
        "“Nobody needs to know,” Vale said."
    )
    assert found["Nobody needs to know"][0] == "Vale"


def test_a_description_resolves_only_to_someone_its_own_article_names() -> None:
    """'the priest' of one article is not the priest another article of the topic names: resolved
    within its article, else kept as the description."""
    named = _plain(
        "The priest Tomas Brandt was found guilty of fraud in 2011, the diocese said on Monday.", "a"
    )
    other = _plain(
        "Parishioners in Elton gathered outside the church on Sunday.\n\n"
        "“We were told nothing about the money,” the priest told reporters.",
        "b",
    )
    found = {q.text: (q.speaker, q.speaker_kind) for q in quotes.extract(context(named, other))}
    assert found["We were told nothing about the money"] == ("the priest", "unnamed")
    # Named in the same article, the description resolves to him.
    same = _plain(
        "The priest Tomas Brandt was found guilty of fraud in 2011, the diocese said.\n\n"
        "“We were told nothing about the money,” the priest told reporters.",
        "c",
    )
    found = {q.text: (q.speaker, q.speaker_kind) for q in quotes.extract(context(same))}
    assert found["We were told nothing about the money"] == ("Tomas Brandt", "person")


@given(st.text(alphabet="ab the ATheMr.r,sé_1\n", max_size=60))
def test_a_word_start_scan_finds_what_a_leading_boundary_finds(text: str) -> None:
    for pattern in (r"(?:the|a|an)\s+[A-Z]\w*", r"[Tt]he\b", r"(?P<hon>Mr|Mrs)\.?\s+\w+", r"a+"):
        fast = [(m.start(), m.end()) for m in WordStart(pattern).finditer(text)]
        assert fast == [(m.start(), m.end()) for m in re.finditer(r"\b" + pattern, text)]


def test_a_pronoun_after_one_witness_or_a_spokeswoman_for_a_body_is_that_description() -> None:
    found = _found(
        "Three men were arrested on Monday near the harbour, police said.\n\n"
        "A spokeswoman for Elton Police told the Elton Star the men were held overnight. She added that "
        "the three were “well known to the harbour staff for years.”\n\n"
        "“The band had just started the second set,” said area resident Greg Olund.\n\n"
        "The music stopped when two men began to shout at each other. One witness said the row spread to "
        "the car park.\n\n"
        "“Somebody threw a bottle and everyone ran for the gate,” he said."
    )
    assert found["well known to the harbour staff for years."][:2] == (
        "A spokeswoman for Elton Police",
        "unnamed",
    )
    assert found["Somebody threw a bottle and everyone ran for the gate"][:2] == ("One witness", "unnamed")


def test_abbreviated_police_ranks_are_titles_not_names() -> None:
    """ "said Elton Police Comm. William Vale" is William Vale's; "Det. Ruiz" is Ana Ruiz."""
    found = _found(
        "Detective Ana Ruiz led the search on Monday.\n\n"
        "“When a boy dies on the street, we should all be outraged,” said Elton Police Comm. "
        "William Vale.\n\n"
        "“We will find who did this,” said Det. Ruiz."
    )
    assert found["When a boy dies on the street, we should all be outraged"][0] == "William Vale"
    assert found["We will find who did this"][0] == "Ana Ruiz"
