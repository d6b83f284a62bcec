from __future__ import annotations

from pathlib import Path

import pytest
from helpers import article, seed_articles
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.reading.chars import quote_marks
from briefgen.reading.lines import printed_in
from briefgen.reading.split import (
    WORD,
    SumyTokenizer,
    _pieces,
    _syntok_spans,
    normalize,
    one_sentence,
    sentence_spans,
    split_article,
    split_text,
    syntok_spans,
    words,
)


def test_sentences_are_verbatim_slices(seeds: list[Path]) -> None:
    """A sentence is its slice of the article's text with quotation marks read as typographic ones
    (same length), and is found in its file by the README's rule."""
    for a in seed_articles(seeds):
        marked = quote_marks(a.text)
        for s in split_article(a):
            assert marked[s.start : s.end] == s.text
            assert normalize(a.text[s.start : s.end]) == normalize(s.text)
            assert printed_in(s.text, Path(a.path).read_text(encoding="utf-8"))


def test_leading_dateline_left_out() -> None:
    a = article("TOKYO (AP) — The defense minister met his counterpart on Sunday. They agreed.")
    first = split_article(a)[0]
    assert first.text == "The defense minister met his counterpart on Sunday."
    # The agency alone, as some outlets open; a ticker after a name is no dateline.
    assert (
        split_article(article("(CNN) Ada Hicks won the vote. It was close."))[0].text
        == "Ada Hicks won the vote."
    )
    for text in (
        "Port Elsie, Oregon (CNN) Ada Hicks won the vote.",
        "PORT ELSIE (CNN) Ada Hicks won the vote.",
    ):
        assert split_article(article(text))[0].text == "Ada Hicks won the vote."
    text = "Korvath (KVB) shares rose on Monday."
    assert split_article(article(text))[0].text == text


def test_quote_of_two_sentences_stays_one_unit() -> None:
    a = article("“We will act. But not alone,” the minister said. Then she left the room quickly.")
    texts = [s.text for s in split_article(a)]
    assert texts[0] == "“We will act. But not alone,” the minister said."


def test_abbreviations_do_not_split() -> None:
    a = article("U.S. Defense Secretary Pete Hegseth met Gen. Smith in Tokyo on Sunday. It rained.")
    assert len(split_article(a)) == 2


def test_sumy_tokenizer_needs_no_nltk_data() -> None:
    tok = SumyTokenizer()
    assert tok.to_sentences("One sentence here. Another one there.") == (
        "One sentence here.",
        "Another one there.",
    )
    assert tok.to_words("U.S. troops, 50,000 of them.") == ("U.S", "troops", "50,000", "of", "them")


def test_normalize_for_matching() -> None:
    assert normalize("“Quoted” — text’s") == normalize('"quoted" - TEXT\'S')


# The fast path must give syntok's spans exactly: paragraphs built from the tokens its rules turn on
# (abbreviations, months, roman numerals, starters, dotted and hyphenated words, numbers, brackets,
# quotes, terminals, odd spaces).
LOWER = [
    "the",
    "said",
    "it",
    "no",
    "etc",
    "may",
    "vs",
    "approx",
    "see-through",
    "x",
    "mr",
    "don't",
    "p.m",
    "e.g",
]
UPPER = ["The", "It", "But", "He", "Smith", "Gen", "Mr", "Oct", "May", "II", "IV", "I", "A", "No", "So", "Co"]
OTHER = ["U.S", "McDonald", "Nämlich", "Éric", "It’s", "SoThe", "9", "2015", "3.5", "9th", "246-173", "9,000"]
TERMINALS = [".", ".", ".", "!", "?", ";", "...", "?!", ". .", "…", ",", ":", "—"]
MARKS = ["", "", "", "”", '"', "'", "’", "“", "‘", "(", ")", "["]
SPACES = [" ", " ", " ", "  ", "\u00a0", "\u200b", "\t", ""]


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        parts.append(draw(st.sampled_from(MARKS)) + draw(st.sampled_from(UPPER + OTHER)))
        for _ in range(draw(st.integers(0, 6))):
            parts.append(
                draw(st.sampled_from(SPACES)) + draw(st.sampled_from(LOWER + UPPER + OTHER + TERMINALS))
            )
        parts.append(
            draw(st.sampled_from(TERMINALS)) + draw(st.sampled_from(MARKS)) + draw(st.sampled_from(SPACES))
        )
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs())
def test_fast_path_gives_syntoks_spans(para: str) -> None:
    assert syntok_spans(para) == _syntok_spans(para)


def test_fast_path_on_seeds_and_known_cases(seeds: list[Path]) -> None:
    paras = [line for p in seeds for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    paras += [
        "Gen. Smith met the U.S. envoy at 10 p.m. Saturday. The talks ended on Oct. 9, 2013 in Rome.",
        "He left. “We will act,” she said. It rained (a lot. Really.) in Tokyo. But the vote, 246-173. Yes.",
        "Mr. Lapid spoke. Nämlich nichts. Then see-through. The end.Next one... and more; so on. II. III.",
    ]
    for para in paras:
        assert syntok_spans(para) == _syntok_spans(para), para
    # The shortcuts do their work: these cut where syntok always splits, and need no syntok.
    assert len(_pieces("It rained. The vote passed. He left.")) == 3
    assert one_sentence("Gen. Smith met the U.S. envoy at 10 p.m. on Oct. 9, 2013 in Rome.") is not None
    assert one_sentence("He left. The end.") is None


@settings(max_examples=300, deadline=None)
@given(st.one_of(paragraphs(), st.text()))
def test_words_are_the_tokens_of_the_normalized_text(text: str) -> None:
    # `words` skips normalize's white-space folding: it must change no token.
    assert words(text) == WORD.findall(normalize(text))


JOINED = {
    # A name cut after its middle initial is joined again.
    "The girl's father, Tomas E. De Vries, said she was hit in the arm. Police came at noon.": 2,
    "Police Spokesman Ilse J. DeGroot said on Monday the shooting appeared random.": 1,
    "Pastor C. A. Brandt, of the harbour church, spoke at the vigil on Sunday.": 1,
    "Ada L. McBride, 31, told the court she heard two shots.": 1,
    # An initial that ends a place, before a new sentence, still ends the sentence.
    "The man was found near Avenue A. The husband was arrested later that night.": 2,
    "He was found inside Building K. A neighbour had called the police.": 2,
    # A piece opening with a dash goes with the sentence before: a signature after a quotation, an
    # embedded post's, a story cut from its dateline.
    "“We will rebuild the breakwater.” ― Ines Carrow, Elton": 1,
    "Details to follow. 😎 — Elton Police (@EltonPD) March 3, 2026": 1,
    "PORT ELSIE, Ore. — Police say a 15-year-old was arrested on Monday.": 1,
    "“We will rebuild it.” -- statement on Monday.": 1,
    # A dash inside a sentence, or a sentence after one, changes nothing.
    "The harbour reopened. A storm — the third this year — closed it again.": 2,
}


def test_a_signature_joins_its_quotation_in_paragraphs_and_one_sentence_a_line() -> None:
    sentences = [
        "Residents filled the hall and many spoke against the cost of the work.",
        "“The fleet depends on the breakwater.”",
        "― Ines Carrow, Elton.",
        "The vote passed five to two after a long debate about the state grant.",
    ]
    as_paragraph = [s.text for s in split_article(article(" ".join(sentences)))]
    one_a_line = [s.text for s in split_article(article("\n".join(sentences)))]
    assert as_paragraph == one_a_line
    assert as_paragraph[1] == "“The fleet depends on the breakwater.” ― Ines Carrow, Elton."


@pytest.mark.parametrize(("text", "count"), JOINED.items())
def test_names_cut_at_an_initial_and_pieces_opening_with_a_dash_are_joined(text: str, count: int) -> None:
    assert len(sentence_spans(text)) == count


def test_a_title_syntok_does_not_know_does_not_end_the_sentence_before_a_name() -> None:
    text = (
        "The plan was backed by Gov. Tom Brandt, but Rep. Ann Vale objected. Lt. Ilse De Vries and "
        "Sgt. Bo Kim arrived at Ft. Elton at noon. The unit was led by a Lt. The captain was away."
    )
    assert [text[a:b] for a, b, _ in split_text(text)] == [
        "The plan was backed by Gov. Tom Brandt, but Rep. Ann Vale objected.",
        "Lt. Ilse De Vries and Sgt. Bo Kim arrived at Ft. Elton at noon.",
        "The unit was led by a Lt.",
        "The captain was away.",
    ]


def test_a_dateline_of_a_place_in_capitals_is_left_out_of_the_first_sentence() -> None:
    for dateline in (
        "PORT ELSIE _ ",
        "CROW HARBOR, Mont. _ ",
        "ST. ALDEN -- ",
        "ELTON, Nov. 2 -- ",
        "VALDORIA—",
    ):
        a = article(dateline + "The harbour board voted on Monday to rebuild the pier. Work starts soon.")
        first = split_article(a)[0]
        assert first.text == "The harbour board voted on Monday to rebuild the pier.", dateline
    kept = article("US - China talks resume on Monday in the harbour city. Both sides came.")
    assert split_article(kept)[0].text.startswith("US - China talks")


def test_a_dateline_opening_a_later_paragraph_is_left_out_too() -> None:
    """The story may start after a caption or a byline, and a round-up prints one dateline a story: the
    dateline is no sentence of its own ("CROW HARBOR, Mont." + "(AP) - During ...") nor part of one."""
    story = "During the storm, the harbour board voted to rebuild the pier. Work starts soon."
    for dateline in ("CROW HARBOR, Mont. (AP) - ", "PORT ELSIE (Harbour News) -- ", "ELTON, Nov. 2 -- "):
        a = article("(Ana Ruiz/Harbour Daily via AP). Crews at the pier on Monday ...\n\n" + dateline + story)
        texts = [s.text for s in split_article(a)]
        assert texts[-2:] == [
            "During the storm, the harbour board voted to rebuild the pier.",
            "Work starts soon.",
        ]
    kept = "The harbour board (Elton) - which met on Monday - voted to rebuild the pier."
    assert split_article(article("The board met.\n\n" + kept))[-1].text == kept
    assert split_article(article("The board met.\n\n- Rebuild the pier."))[-1].text == "- Rebuild the pier."


def test_an_advertisement_marker_is_no_part_of_the_sentence_after_it() -> None:
    a = article(
        "The board met on Monday.\n\nAdvertisement The pier reopens in May, the mayor said. Work ends."
    )
    assert [s.text for s in split_article(a)][1:] == [
        "The pier reopens in May, the mayor said.",
        "Work ends.",
    ]
    kept = article("The board met on Monday.\n\nAdvertisement revenue fell by a tenth last year, it said.")
    assert split_article(kept)[1].text.startswith("Advertisement revenue")
