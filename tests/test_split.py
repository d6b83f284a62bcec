from __future__ import annotations

from pathlib import Path

from helpers import article, seed_articles

from briefgen.split import SumyTokenizer, normalize, split_article


def test_sentences_are_verbatim_slices(seeds: list[Path]) -> None:
    for a in seed_articles(seeds):
        for s in split_article(a):
            assert a.text[s.start : s.end] == s.text
            assert s.text in Path(a.path).read_text(encoding="utf-8")


def test_leading_dateline_left_out() -> None:
    a = article("TOKYO (AP) — The defense minister met his counterpart on Sunday. They agreed.")
    first = split_article(a)[0]
    assert first.text == "The defense minister met his counterpart on Sunday."


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
