from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import article

from briefgen.reading.split import split_article
from briefgen.summarize import ALGORITHMS, summarize

A = article(
    "The council approved a new budget for the city schools on Monday evening. "
    "The weather was mild and a few residents walked their dogs outside the hall. "
    "Teachers will receive a five percent raise under the approved budget.",
    id="a",
)
B = article(
    "City council members approved the new schools budget on Monday after a long debate. "
    "A local bakery sold out of croissants before noon on the same day. "
    "The budget gives teachers a five percent raise starting next year.",
    id="b",
)
C = article(
    "On Monday the council approved the schools budget for the city. "
    "Parking near the stadium will be free during the holiday weekend, officials noted.",
    id="c",
)


def sentences() -> list:
    return [s for a in (A, B, C) for s in split_article(a)]


def test_consensus_prefers_what_sources_agree_on() -> None:
    ranked = summarize(sentences(), words=20, algorithm="consensus")
    assert "budget" in ranked[0].sentence.text
    assert ranked[0].support == 3
    assert {s.article for s in ranked[0].supporters} | {ranked[0].sentence.article} == {"a", "b", "c"}


def test_consensus_avoids_repeating_one_fact() -> None:
    ranked = summarize(sentences(), words=40, algorithm="consensus")
    approved = [r for r in ranked if "approved" in r.sentence.text]
    assert len(approved) == 1


def test_syndicated_copies_count_once() -> None:
    ranked = summarize(sentences(), words=20, algorithm="consensus", groups={"a": "a", "b": "a", "c": "c"})
    assert ranked[0].support == 2


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_respects_the_word_budget(algorithm: str) -> None:
    ranked = summarize(sentences(), words=30, algorithm=algorithm)
    assert ranked, algorithm
    assert sum(len(r.sentence.text.split()) for r in ranked) <= 30
    texts = [r.sentence.text for r in ranked]
    assert len(texts) == len(set(texts))


def test_empty_input() -> None:
    assert summarize([], words=50) == []


def test_support_counts_each_source_once_and_cites_its_closest_sentence() -> None:
    ranked = summarize(sentences(), words=20, algorithm="consensus", groups={"a": "g", "b": "g", "c": "c"})
    top = ranked[0]
    sources = {top.sentence.article} | {s.article for s in top.supporters}
    assert top.support == 2
    # One supporter per other source; a copy in the chosen sentence's own source is not a supporter.
    assert len(top.supporters) == 1
    assert not ({"a", "b"} & {s.article for s in top.supporters} and top.sentence.article in {"a", "b"})
    assert "c" in sources


def test_consensus_is_deterministic() -> None:
    first = summarize(sentences(), words=40, algorithm="consensus")
    second = summarize(sentences(), words=40, algorithm="consensus")
    assert [(r.sentence, r.support, r.supporters) for r in first] == [
        (r.sentence, r.support, r.supporters) for r in second
    ]


def test_consensus_skips_questions_bylines_and_fragments() -> None:
    noisy = article(
        "By JANE DOE and JOHN ROE\n\n"
        "Will the council approve the new schools budget on Monday evening at last?\n\n"
        "The council approved the new schools budget on Monday evening after a debate.\n\n"
        "Council approves schools budget in a late Monday evening vote at city hall",
        id="n",
    )
    ranked = summarize([s for a in (noisy, B) for s in split_article(a)], words=200, algorithm="consensus")
    texts = [r.sentence.text for r in ranked]
    assert texts
    assert not any(t.endswith("?") or t.startswith("By ") or not t.endswith(".") for t in texts)


@pytest.mark.parametrize(
    ("text", "fit"),
    [
        ("The council approved the new schools budget on Monday evening.", True),
        ("Will the council approve the new schools budget on Monday evening?", False),
        ("“We will approve the budget, whatever it takes, on Monday.”", False),
        ("By JANE DOE and JOHN ROE, Associated Press writers in the capital.", False),
        ("(Reporting by Jane Doe; Editing by John Roe and others today.)", False),
        ("Council approves schools budget in a late Monday evening vote", False),
        ("Too short to say much.", False),
        # A sentence that leans on the one before it cannot stand alone in a summary.
        ("But the council approved the new schools budget on Monday evening.", False),
        ("However, the council approved the new schools budget on Monday.", False),
        ("He said the council approved the new schools budget on Monday.", False),
        ("Its members approved the new schools budget on Monday evening.", False),
        ("This is the first budget the council has approved since the flood.", False),
        ("This week the council approved the new schools budget after a debate.", True),
        ("So far the council has approved two of the three school budgets.", True),
        ("Those who spoke at the hearing asked the council to approve it.", True),
        ("Heated debate preceded the council's vote on the schools budget.", True),
        # Asides in brackets, headings and slugs are not prose.
        ("(Jane Doe/Harbour Times Photo, taken at the council meeting.)", False),
        ("(Jane Doe writes on the harbour council every Sunday.)", False),
        ("The council (all nine members) approved the new schools budget.", True),
        ("Harbour Council Approves Schools Budget After Long Night.", False),
        ("(XYZ28) PORT ALDEN -- Oct. 20, 1999 -- COUNCIL-BUDGET.", False),
        ("Related Content Pier fire in Elton A woman was hurt in the fire on the pier.", False),
        ("Related stories about the budget were read by many in the harbour town.", True),
        ("Monday March 3, 2025(Jane Doe — Harbour Times)Police search the harbour after the storm.", False),
        # A sentence cut from its start (a name lost in a link) is a fragment; a brand is not.
        ("may have been taken to the hospital after the crash on Monday night.", False),
        ("iPhone sales rose by a third in the harbour town's shops last year.", True),
        ("The mayor (Ada Vale, a former pilot) approved the new schools budget on Monday.", True),
    ],
)
def test_eligible_sentences(text: str, fit: bool) -> None:
    from briefgen.models import Sentence
    from briefgen.summarize.consensus import eligible

    assert eligible(Sentence("a", 0, 0, len(text), text)) is fit


def test_consensus_never_repeats_a_fact_told_by_syndicated_copies() -> None:
    copy = article(A.text, id="a2")
    pool = [s for a in (A, copy, B, C) for s in split_article(a)]
    ranked = summarize(pool, words=60, algorithm="consensus", groups={"a": "a", "a2": "a"})
    texts = [r.sentence.text for r in ranked]
    assert len(texts) == len(set(texts))
    assert sum("five percent raise" in t for t in texts) == 1


def test_sumy_compatible_callable() -> None:
    from sumy.parsers.plaintext import PlaintextParser

    from briefgen.reading.split import SumyTokenizer
    from briefgen.summarize import ConsensusSummarizer

    docs = [PlaintextParser.from_string(a.text, SumyTokenizer()).document for a in (A, B, C)]
    summarizer = ConsensusSummarizer()
    chosen = summarizer(docs, 2)
    assert len(chosen) == 2
    assert any("budget" in str(s) for s in chosen)
    every = [s for d in docs for s in d.sentences]
    assert [every.index(s) for s in chosen] == sorted(every.index(s) for s in chosen)  # document order
    single = summarizer(docs[0], "50%")
    assert 1 <= len(single) <= 2
    short = summarizer(docs, 10, words=20)
    assert sum(len(str(s).split()) for s in short) <= 20


def _summarize_loaded(paths: list[Path]) -> list[str]:
    """Output lines of `briefgen summarize PATHS --words 50` run in a fresh interpreter, ending with
    the list of heavy modules it loaded."""
    code = (
        "import sys\n"
        "from briefgen.cli import main\n"
        "main(['summarize', *sys.argv[1:], '--words', '50'], standalone_mode=False)\n"
        "heavy = ['jinja2', 'mkdocs', 'datasketch', 'scipy', 'nltk', 'sumy.summarizers',\n"
        "         'trafilatura', 'feedparser', 'tqdm', 'briefgen.render', 'briefgen.site',\n"
        "         'briefgen.topics', 'briefgen.analyze', 'briefgen.pipeline']\n"
        "print('LOADED', [m for m in heavy if m in sys.modules])\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, paths)], capture_output=True, text=True, check=True
    ).stdout.splitlines()


def test_summarize_command_imports_only_what_it_needs(seeds: list[Path]) -> None:
    # `briefgen summarize` must start fast: no renderer, site builder, topic grouping, datasketch,
    # NLTK or sumy on the consensus path (each costs a large share of the command's time).
    out = _summarize_loaded(seeds)
    assert out[-1] == "LOADED []"
    assert any("Hegseth" in line for line in out)  # the summary itself was printed


def test_summarize_of_json_lines_imports_no_topic_grouping(tmp_path: Path) -> None:
    # The JSON Lines reader names articles with the slug function: that must not load topic grouping
    # (scipy), which used to cost the command over a second.
    lines = [
        {
            "id": f"Harbour story {n}",
            "text": f"The Dunmore council approved the harbour plan {n}. "
            "Mayor Ana Ortiz said the work starts in May. The vote was close.",
        }
        for n in range(3)
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    out = _summarize_loaded([path])
    assert out[-1] == "LOADED []"
    assert any("Dunmore council approved" in line for line in out)


def test_a_sentence_has_as_many_words_and_shows_alike_with_typewriter_marks() -> None:
    from briefgen.reading.chars import quote_marks, typographic
    from briefgen.summarize import word_count

    curly = "Her guide (“who is fast,” she wrote) climbed the ridge in an hour."
    typed = quote_marks(curly.replace("“", "``").replace("”", "''"))
    assert typed != curly and word_count(typed) == word_count(curly) == 13
    assert typographic(typed) == curly
