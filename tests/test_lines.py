"""Reading plain text as a person would (issue 13): paragraphs rebuilt from lines, typewriter quotes,
PDF page furniture, and the same brief however an article's lines are broken. Every text here was
written for these tests (the seeds are the project's own)."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.models import DataBlock, RawDocument
from briefgen.reading.article import to_article
from briefgen.reading.chars import quote_marks, typographic
from briefgen.reading.lines import printed_in, rebuild, wrap_of
from briefgen.reading.split import split_article
from briefgen.render import environment, md, render_article

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

PARAGRAPHS = [
    "The harbour council of Port Alden voted on Monday to rebuild the northern breakwater, ending "
    "two years of argument over who should pay for the work after the winter storms of last year.",
    "Mayor Ilse Brandt said the town would borrow the money and repay it from the harbour fees, "
    "which rise by a tenth next spring. Fishermen had asked for a delay until the catch recovers.",
    "“We cannot wait for another winter like the last one,” Brandt told reporters after the vote. "
    "“The sea does not wait for our budget.”",
    "Work on the breakwater is to start in April and to take about eighteen months, the council's "
    "engineer, Tomas Reuter, said. The contract goes to tender next week.",
]


def _paragraphs(text: str) -> list[str]:
    return list(rebuild(text.split("\n")).paragraphs)


def _sentences(text: str) -> list[str]:
    article = to_article(RawDocument(id="a", path="a.txt", text=text))
    return [" ".join(s.text.split()) for s in split_article(article)]


def test_hard_wrapped_paragraphs_are_rebuilt() -> None:
    for width in (40, 60, 72, 80):
        text = "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS)
        assert _paragraphs(text) == PARAGRAPHS, width


def test_paragraphs_started_by_an_indentation() -> None:
    for indent in ("    ", "\t", "   "):
        lines = [line for p in PARAGRAPHS for line in textwrap.wrap(p, 70, initial_indent=indent)]
        assert _paragraphs("\n".join(lines)) == PARAGRAPHS, repr(indent)


def test_indented_one_line_paragraphs_do_not_hide_the_indentation() -> None:
    """A round-up of other papers' items or a page of notices indents its one-line paragraphs (labels,
    short notices) like its wrapped ones: they must not make the indentation look like an indented
    block, which would join each label to its item and the notices into one paragraph."""
    round_up = [
        "Harbour news from the weekly papers",
        "PORT ALDEN, May 3 -- These are the main items in the town's weekly papers today.",
    ]
    for paper, item in zip(("Alden Courier", "Harbour Gazette", "The Breakwater"), PARAGRAPHS, strict=False):
        round_up += [paper, "-- " + item]
    notices = [
        "Get an e-mail alert on Ilse Brandt daily!",
        "Your alert has been saved.",
        "There was a problem saving your alert.",
        *PARAGRAPHS[:2],
    ]
    titled = ["Harbour wall to be rebuilt", PARAGRAPHS[0] + " " + PARAGRAPHS[1]]  # one wrapped paragraph
    for paragraphs in (round_up, notices, titled):
        for indent in ("\t", "    "):
            lines = [line for p in paragraphs for line in textwrap.wrap(p, 70, initial_indent=indent)]
            assert _paragraphs("\n".join(lines)) == paragraphs, repr(indent)


def test_a_stray_space_before_a_wrapped_line_does_not_start_a_paragraph() -> None:
    lines = textwrap.wrap(" ".join(PARAGRAPHS), 66)
    for n in (3, 5):  # one line going on mid-sentence printed with a space before it
        lines[n] = " " + lines[n]
    assert _paragraphs("\n".join(lines)) == [" ".join(PARAGRAPHS)]


def justified(paragraph: str, width: int) -> list[str]:
    """`paragraph` wrapped and justified as typeset text is (`pdftotext -layout`): each line but the
    last padded to `width` with spaces between its words."""
    lines = textwrap.wrap(paragraph, width)
    out = []
    for line in lines[:-1]:
        words = line.split()
        gaps, pad = len(words) - 1, width - sum(map(len, words))
        out.append(
            "".join(w + " " * (pad // gaps + (i < pad % gaps)) for i, w in enumerate(words[:-1])) + words[-1]
        )
    return [*out, lines[-1]]


def test_justified_text_reads_like_the_same_text_unjustified() -> None:
    for width in (50, 64, 80):
        lines = [f"   {line}" for p in PARAGRAPHS for line in [*justified(p, width), ""]]
        assert any("  " in line.strip() for line in lines)
        assert _paragraphs("\n".join(lines)) == PARAGRAPHS, width
    # A line on its own keeps its spacing: a table row aligned by spaces is shown as printed.
    assert _paragraphs("Harbour fees   2024   2025\n\nMooring   410   455") == [
        "Harbour fees   2024   2025",
        "Mooring   410   455",
    ]


def test_one_sentence_a_line_and_one_paragraph_a_line() -> None:
    by_sentence = "\n\n".join(p.replace(". ", ".\n").replace("” “", "”\n“") for p in PARAGRAPHS)
    assert _paragraphs(by_sentence) == PARAGRAPHS
    # One paragraph a line, no blank lines: each line stays a paragraph.
    assert _paragraphs("\n".join(PARAGRAPHS)) == PARAGRAPHS


def test_paragraphs_of_one_sentence_a_line_without_blank_lines_stay_apart() -> None:
    """A web page saved one paragraph a line, most paragraphs one sentence (wire style), looks like
    one sentence a line; with no blank line or indentation marking paragraphs otherwise, each line is a
    paragraph, as when the same page is saved with blank lines (furniture between them stays apart to
    be cleaned). With blank lines between paragraphs, one sentence a line is still joined."""
    short = [
        "A ferry ran aground off Port Alden on Sunday, the harbour office said.",
        "No one was hurt.",
        "Share this story",
        "The ferry had left the quay at noon with forty passengers on board.",
        "Tugs pulled it free at high tide and it returned to the harbour under its own power.",
        "Inspectors will examine the hull on Monday, the office said.",
    ]
    apart = _paragraphs("\n\n".join(short))
    assert apart == short
    assert _paragraphs("\n".join(short)) == apart
    assert _paragraphs("Ferry runs aground\n\n" + "\n".join(short)) == ["Ferry runs aground", *apart]
    # One sentence a line, paragraphs apart by blank lines: the sentences of a paragraph are joined.
    sentences = [line for line in short if line != "Share this story"]
    by_sentence = "\n\n".join("\n".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2))
    assert _paragraphs(by_sentence) == [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]


def test_headline_byline_and_headings_stay_apart_from_wrapped_text() -> None:
    body = "\n\n".join(textwrap.fill(p, 64) for p in PARAGRAPHS)
    text = "Port Alden to rebuild its breakwater\nBy Jane Doe\n\n" + body + "\n\nRelated Coverage\n"
    paragraphs = _paragraphs(text)
    assert paragraphs[:2] == ["Port Alden to rebuild its breakwater", "By Jane Doe"]
    assert paragraphs[2:-1] == PARAGRAPHS and paragraphs[-1] == "Related Coverage"


def test_list_items_start_paragraphs_but_a_dash_in_a_sentence_does_not() -> None:
    text = (
        "The council listed three reasons for the vote:\n"
        "- the storms of last winter,\n"
        "- the insurers' new terms,\n"
        "* the fishermen's petition.\n"
    )
    assert _paragraphs(text) == [
        "The council listed three reasons for the vote:",
        "- the storms of last winter,",
        "- the insurers' new terms,",
        "* the fishermen's petition.",
    ]
    wrapped = textwrap.fill(
        "The storm hit the harbour at night - and with the tide high - the wall gave way near the "
        "old lighthouse on Highway 31. Nobody was hurt, the coast guard said on Tuesday morning.",
        58,
    )
    assert len(_paragraphs(wrapped + "\n\n" + textwrap.fill(PARAGRAPHS[0], 58))) == 2


def test_hyphens_at_line_ends() -> None:
    text = "\n\n".join(textwrap.fill(p, 60) for p in PARAGRAPHS)
    text += (
        "\n\nThe council's engineer said the govern-\nment in the capital had promised help; "
        "the government\nwill pay a third. The post-\nelection council and the college- and\n"
        "street-educated members all agreed, and said so at the long meeting on Monday night."
    )
    last = _paragraphs(text)[-1]
    assert "the government in the capital" in last  # the joined word is printed elsewhere
    assert "The post-election council" in last  # a compound keeps its hyphen
    assert "the college- and street-educated" in last  # a suspended hyphen keeps its space


def test_pdf_pages_lose_their_furniture_with_reasons() -> None:
    body = "\n\n".join(textwrap.fill(p, 60) for p in PARAGRAPHS * 3).split("\n")
    pages = [body[i : i + 12] for i in range(0, len(body), 12)]
    text = "\f".join(
        "\n".join(["PORT ALDEN HARBOUR COUNCIL - MINUTES", "", *page, "", f"Page {n} of {len(pages)}"])
        for n, page in enumerate(pages, 1)
    )
    result = rebuild(text.split("\n"))
    assert list(result.paragraphs) == PARAGRAPHS * 3
    reasons = {r.reason for r in result.removed}
    assert reasons == {"running header or footer (PDF page)", "page number"}
    assert len(result.removed) == 2 * len(pages)


def test_a_text_that_is_not_wrapped_is_not_read_as_wrapped() -> None:
    lines = ["Port deal signed after long talks", "By Jane Doe and John Roe, Reuters", "Updated: 2025-04-01"]
    assert wrap_of([*lines, PARAGRAPHS[0]]).width == 0
    assert wrap_of(textwrap.fill(" ".join(PARAGRAPHS), 66).split("\n")).width == 66


def test_typewriter_quotes_are_quotes_for_every_stage_and_shown_typographic() -> None:
    text = "``We cannot wait,'' Brandt said. ``The sea does not wait for our budget.''"
    marked = quote_marks(text)
    assert len(marked) == len(text) and marked.split() == [
        "“We",
        "cannot",
        "wait,”",
        "Brandt",
        "said.",
        "“The",
        "sea",
        "does",
        "not",
        "wait",
        "for",
        "our",
        "budget.”",
    ]
    article = to_article(RawDocument(id="a", path="a.txt", text=text))
    assert article.text == text  # the article keeps its own marks
    sentences = split_article(article)
    assert [s.text for s in sentences] == [marked[s.start : s.end] for s in sentences]
    assert typographic(text) == "“We cannot wait,” Brandt said. “The sea does not wait for our budget.”"
    assert typographic('He said "no" and didn\'t') == "He said “no” and didn’t"
    assert md("``Yes,'' she said.") == "“Yes,” she said."


def test_article_page_shows_the_marks_as_printed(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "Harbour wall to be rebuilt\n\n``We cannot wait for another winter like the last one,'' "
        "Mayor Ilse Brandt said on Monday after the vote.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["build", str(src), "--docs-dir", str(tmp_path / "docs"), "--no-site", "-q"]
    )
    assert result.exit_code == 0, result.output
    page = (tmp_path / "docs" / "articles" / "a.md").read_text(encoding="utf-8")
    assert "``We cannot wait" in page and "one,&#39;&#39; Mayor" in page  # HTML-escaped
    brief = next((tmp_path / "docs" / "topics").glob("*.md")).read_text(encoding="utf-8")
    assert "“We cannot wait for another winter like the last one,”" in brief


def test_cited_sentences_are_found_in_the_file_by_the_documented_rule() -> None:
    text = "\n\n".join(textwrap.fill(p, 50) for p in PARAGRAPHS).replace("“", "``").replace("”", "''")
    for sentence in _sentences(text):
        assert printed_in(sentence, text), sentence
    assert not printed_in("The harbour council of Port Alden voted on Tuesday", text)


def test_mostly_removed_article_warns_and_fails_strict(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    junk = "\n".join(f"Share on Facebook\nRead more: story {n}\nAdvertisement" for n in range(12))
    (src / "junk.txt").write_text(junk + "\n\n" + PARAGRAPHS[0] + "\n", encoding="utf-8")
    args = ["build", str(src), "--docs-dir", str(tmp_path / "docs"), "--no-site"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert "warning: junk.txt: cleaning removed" in result.stderr
    assert "good.txt" not in result.stderr
    report = (tmp_path / "docs" / "report.md").read_text(encoding="utf-8")
    assert "cleaning removed" in report
    strict = CliRunner().invoke(main, [*args, "--strict"])
    assert strict.exit_code == 1 and "1 article mostly removed by cleaning (--strict)" in strict.stderr


@pytest.mark.slow
def test_seeds_give_the_same_brief_whatever_their_line_breaks() -> None:
    """The fast version of benchmarks/bench_formats.py: every variant of the seeds gives the same
    sentences, the same consensus summary and the same quotes."""
    import bench_formats

    files = bench_formats.corpus_files(None, [], 0)
    figures = bench_formats.measure(files["seeds"], bench_formats.VARIANTS)
    for name in bench_formats.VARIANTS:
        f = figures[name]
        assert f["same"] == f["sentences"] > 0, name
        assert f["summary"] == f["quotes"] == f["clusters"] == 1, name


def test_a_lead_in_ending_with_a_colon_is_a_sentence_not_a_heading() -> None:
    text = (
        "The harbour authority released the following statement on Monday:\n\n"
        "“The breakwater will be rebuilt before the winter storms arrive.”\n\n"
        "ORIGINAL STORY:\n\n" + PARAGRAPHS[0]
    )
    article = to_article(RawDocument(id="a", path="a.txt", text=text))
    assert "released the following statement on Monday:" in article.text
    assert "ORIGINAL STORY" not in article.text
    assert any(r.text == "ORIGINAL STORY:" for r in article.removed)


def test_text_fragment_links_stop_before_a_quotation_mark() -> None:
    from urllib.parse import unquote

    from briefgen.models import Article, Source
    from briefgen.render import Linker

    article = Article(id="a", path="a.txt", text="", url="https://example.org/story")
    sentence = "Mayor Ilse Brandt called the vote “a turning point” for the harbour on Monday."
    href = Linker((article,)).href(Source("a", sentence, 0, len(sentence)))
    assert unquote(href) == "https://example.org/story#:~:text=Mayor Ilse Brandt called the vote"
    short = "“We cannot wait,” Brandt said."
    assert "We cannot wait" in unquote(Linker((article,)).href(Source("a", short, 0, len(short))))


def test_a_short_colon_line_before_a_quotation_is_its_attribution() -> None:
    text = PARAGRAPHS[0] + "\n\nStated Brandt:\n\n“We cannot wait for another winter like the last one.”\n"
    article = to_article(RawDocument(id="a", path="a.txt", text=text))
    assert "Stated Brandt:" in article.text


def test_rows_of_a_log_are_not_a_wrapped_paragraph() -> None:
    rows = [
        f"{day}-02-2024 {hour}:0{minute} - ID: 4412{minute} Kind: sell Currency: EUR Units: 1{minute}.5"
        for day in (28, 29)
        for hour in range(10, 16)
        for minute in range(3)
    ]
    for text in ("\n".join(rows), "\n\n".join(rows)):  # also printed double spaced
        assert _paragraphs(text) == rows
    # The same text as prose, wrapped and printed double spaced, is rebuilt.
    double_spaced = "\n\n".join(textwrap.fill(" ".join(PARAGRAPHS), 66).split("\n"))
    assert _paragraphs(double_spaced) == [" ".join(PARAGRAPHS)]


def test_a_greedy_wrapper_ends_a_paragraph_where_the_next_word_had_room() -> None:
    """Text wrapped greedily (no line that breaks a sentence off had room for the next word), printed
    double spaced or with no blank lines at all: a line that ends a sentence with room left for the
    next word ends its paragraph, so a heading after it stays apart. A wrapper that is not greedy
    leaves room on some lines before a lower-case word: then such a line may still be a wrap."""
    paragraphs = [*PARAGRAPHS, "Fees and fishing", *PARAGRAPHS[::-1]]
    for width in (40, 44, 50):
        lines = [line for p in paragraphs for line in textwrap.wrap(p, width)]
        assert wrap_of(lines).greedy, width
        for apart in ("\n\n", "\n"):
            assert _paragraphs(apart.join(lines)) == paragraphs, (width, apart)
    # Every fourth paragraph wrapped narrower: lines with room before a lower-case word.
    uneven = [line for i, p in enumerate(paragraphs) for line in textwrap.wrap(p, 50 - 6 * (i % 4 == 0))]
    assert not wrap_of(uneven).greedy


def test_a_short_wrapped_brief_is_rebuilt_under_a_long_headline() -> None:
    # Two wrapped paragraphs: two lines that break a sentence off, and a headline line longer than
    # the width (a lone line: it says nothing of how paragraphs are wrapped).
    headline = "Port Alden council approves the breakwater plan after two years of argument over costs"
    brief = [
        "PORT ALDEN (Harbour TV) - The harbour council voted on Monday to rebuild the northern "
        "breakwater, says Deputy Clerk Ilse Brandt of the Port Alden Council.",
        "Work is to start in April.",
        "No date has been set for the tender, says Chief Engineer Tomas Reuter of Port Alden Harbour Works.",
    ]
    for width in (60, 72, 80):
        text = headline + "\n\n" + "\n\n".join(textwrap.fill(p, width) for p in brief) + "\n"
        assert _paragraphs(text) == [headline, *brief], width


def test_a_running_header_cut_from_the_headline_goes_with_it() -> None:
    headline = "Port Alden council approves the breakwater plan"
    text = headline + "\n\nPORT ALDEN COUNCIL APPROVES THE\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    article = to_article(RawDocument(id="a", path="a.txt", text=text))
    assert article.title == headline
    assert [r.reason for r in article.removed] == ["headline", "repeated headline"]
    assert article.text == "\n\n".join(PARAGRAPHS)


def test_rows_of_a_log_are_kept_as_a_table_not_as_sentences_or_headings() -> None:
    rows = [
        f"03-02-2024 10:0{minute} - ID: 4412{minute} Kind: sell Units: 1{minute}.5" for minute in range(5)
    ]
    text = PARAGRAPHS[0] + "\n\n" + "\n\n".join(rows) + "\n\nThe Harbour Plan\n\n" + PARAGRAPHS[1] + "\n"
    article = to_article(RawDocument(id="a", path="a.txt", text=text))
    assert [r.reason for r in article.removed] == ["heading or caption (not a sentence)"]
    assert article.removed[0].text == "The Harbour Plan"
    # The rows are kept with the article, where it printed them (before its second paragraph), and
    # counted as kept, but they are no sentences of its text: a brief never cites a log row.
    assert article.tables == (DataBlock(1, tuple(rows)),)
    assert article.text == "\n\n".join(PARAGRAPHS[:2])
    assert article.kept_words == len(" ".join([*PARAGRAPHS[:2], *rows]).split())
    assert not any("Kind: sell" in s.text for s in split_article(article))
    # The article's page shows them between its paragraphs, as printed.
    paragraphs: dict[int, list[Any]] = {}
    for s in split_article(article):
        paragraphs.setdefault(s.paragraph, []).append(s)
    page = render_article(article, paragraphs, environment())
    first, table, second = page.index(PARAGRAPHS[0][:30]), page.index("<pre"), page.index(PARAGRAPHS[1][:30])
    assert first < table < second
    assert "\n".join(rows) in page


def test_rows_that_are_page_furniture_are_removed_not_kept() -> None:
    clips = [f"{minute}:0{minute} Harbour council story number {minute} Pause" for minute in range(1, 6)]
    credits = ["Team4Harbour / Brandt Family"] * 3
    for rows, reason in ((clips, "list of video clips"), (credits, "repeated line")):
        text = PARAGRAPHS[0] + "\n\n" + "\n\n".join(rows) + "\n\n" + PARAGRAPHS[1] + "\n"
        article = to_article(RawDocument(id="a", path="a.txt", text=text))
        assert article.tables == ()
        assert [(r.text, r.reason) for r in article.removed] == [(row, reason) for row in rows]


def test_line_breaks_inside_sentences_that_look_like_list_items_or_teasers() -> None:
    # A date or phone number wrapped to the start of a line is no list item.
    paragraph = (
        "The council will meet again to vote on the final plan for the harbour wall on Saturday, "
        "Feb. 20. Those with questions can call the harbour office on the quay at (555) 010-4477."
    )
    for width in range(40, 70):  # three lines or more: two line breaks to read the width from
        assert _paragraphs(textwrap.fill(paragraph, width)) == [paragraph], width
    # One sentence a line: a quotation left open after an ellipsis goes on with the next line.
    quoted = [
        "“We waited for the storm to pass ...",
        "then we saw the wall was gone,” Brandt said.",
        "The council met the next day.",
    ]
    assert _paragraphs("\n".join(quoted) + "\n\n" + "\n".join(quoted)) == [" ".join(quoted)] * 2


def test_footnote_markers_after_a_sentence_end_it() -> None:
    lines = [
        "The breakwater was first built in 1902.[3]",
        "It was raised by a metre after the storm of 1953.[4][12]",
        "The council voted to rebuild it in 2025.[7]",
    ]
    # One sentence a line, nothing else marking paragraphs: each line is one, none removed as a
    # heading or a headline (a footnote marker after the full stop still ends the sentence).
    article = to_article(RawDocument(id="a", path="a.txt", text="\n".join(lines) + "\n"))
    assert article.text.split("\n\n") == lines and not article.removed


def test_typewriter_quote_before_a_full_stop_splits_like_a_curly_one() -> None:
    curly = "The council cited “repeated storm damage”. It also noted “rising costs”, the minutes say."
    typewriter = (
        "The council cited ``repeated storm damage''. It also noted ``rising costs'', the minutes say."
    )
    assert len(_sentences(curly)) == 2
    assert [typographic(s) for s in _sentences(typewriter)] == _sentences(curly)


def test_a_photo_caption_goes_whether_its_parts_share_a_line_or_not() -> None:
    parts = [
        "Buy Photo Harbour workers inspect the broken wall on Monday.",
        "(Photo: Jane Roe/Harbour Times)",
        "Buy Photo",
    ]
    caption = " ".join(parts[:2]) + parts[2]
    for shown in (caption, "\n".join(parts)):
        text = PARAGRAPHS[0] + "\n\n" + shown + "\n\n" + PARAGRAPHS[1] + "\n"
        article = to_article(RawDocument(id="a", path="a.txt", text=text))
        assert article.text == PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1], shown


def test_curled_typewriter_marks_are_double_quotation_marks() -> None:
    # Word processors curl `` and '' into ‘‘ and ’’: still one double quotation mark each.
    text = '‘‘We will rebuild it,’’ Brandt said. "We will not wait,’’ she added.'
    assert typographic(text) == "“We will rebuild it,” Brandt said. “We will not wait,” she added."
    assert len(quote_marks(text)) == len(text)
