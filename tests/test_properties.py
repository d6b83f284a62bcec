"""Property-based tests (Hypothesis) of every stage on random and hostile text.

For any input: no exception escapes a stage (a bad file is an `UnreadableInput`, never a crash), and
every sentence a brief shows is a verbatim substring of the article it cites.
Runs are bounded (few examples, no deadline) to keep the suite fast.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown
from hostile import markup_problems
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from briefgen.analyze import analyze
from briefgen.errors import UnreadableInput
from briefgen.models import Article, RawDocument, Skipped, Source, Topic
from briefgen.reading.article import to_article
from briefgen.reading.chars import quote_marks, repair, typographic
from briefgen.reading.files import decode, read_path
from briefgen.reading.lines import printed_in
from briefgen.reading.split import split_article
from briefgen.render import environment, md, render_article, render_brief, safe_name
from briefgen.summarize import ALGORITHMS, summarize

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Whole-brief runs are slow: fewer examples, and no shrinking (a failure prints its input as found).
SLOW = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)

WORDS = [
    "The",
    "council",
    "minister",
    "Hegseth",
    "Japan",
    "said",
    "approved",
    "budget",
    "on",
    "Monday",
    "March",
    "30",
    "2025",
    "troops",
    "will",
    "not",
    "increase",
    "agreed",
    "to",
    "speed",
    "up",
    "production",
    "of",
    "missiles",
    "officials",
    "in",
    "Tokyo",
    "50,000",
    "according",
    "Reuters",
    "AP",
    "told",
    "reporters",
    "decision",
    "talks",
    "defense",
    "plan",
    "new",
    "first",
    "joint",
]
HOSTILE = [
    "<script>alert(1)</script>", "{{ config }}", "{% raw %}", "[x](javascript:alert(1))", "[[wiki]]",
    "\u202e", "\u200b", "\u200f", "\ufeff", "\x00", "\r", "\t", "“", "”", "\"", "'", "—", "...", "!", "?",
    "市議会", "。", "مجلس", "؟", "\U0001f600", "&amp;", "&#x3c;", "\\", "`", "#", "*", "_", "|", "\n",
]  # fmt: skip

word = st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE), st.text(min_size=1, max_size=8))
sentence = st.builds(
    lambda ws, end: " ".join(ws) + end,
    st.lists(word, min_size=1, max_size=18),
    st.sampled_from([".", "!", "?", "", "。", ".”", " —"]),
)
paragraph = st.lists(sentence, min_size=1, max_size=5).map(" ".join)
article_text = st.lists(paragraph, min_size=1, max_size=6).map("\n\n".join)
quoted = st.builds(
    lambda a, b, who: f"“{a}” {who} said. {b}",
    sentence,
    sentence,
    st.sampled_from(["Hegseth", "the minister", "Gen Nakatani", "he", ""]),
)
rich_text = st.one_of(
    article_text, st.lists(st.one_of(paragraph, quoted), min_size=1, max_size=6).map("\n".join)
)


def raw(text: str, id: str = "a") -> RawDocument:
    return RawDocument(id=id, path=f"{id}.txt", text=text)


def sources_and_texts(obj: Any) -> Iterator[tuple[str, tuple[Source, ...]]]:
    """Every (shown text, its sources) and every lone Source anywhere in a brief section."""
    if isinstance(obj, Source):
        yield obj.sentence, (obj,)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        sources = getattr(obj, "sources", None)
        text = getattr(obj, "text", None)
        if isinstance(text, str) and sources:
            yield text, tuple(sources)
        for f in dataclasses.fields(obj):
            yield from sources_and_texts(getattr(obj, f.name))
    elif isinstance(obj, tuple | list):
        for x in obj:
            yield from sources_and_texts(x)
    elif isinstance(obj, dict):
        for x in obj.values():
            yield from sources_and_texts(x)


@FAST
@given(st.binary(max_size=2000))
def test_decode_never_crashes(data: bytes) -> None:
    try:
        text = decode(data)
    except UnreadableInput:
        return
    assert isinstance(text, str)


@FAST
@given(
    st.one_of(st.binary(max_size=1500), rich_text.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    st.sampled_from([".txt", ".md", ".html", ".rss", ".xml", ".jsonl", ".atom", ".eml", ".mbox", ".sgml"]),
    # Openings that send a file down the e-mail and newswire-archive paths.
    st.sampled_from(
        [
            b"",
            b"Subject: x\nFrom: A <a@b>\nContent-Type: text/plain; charset=x-bad\n\n",
            b'<DOC id="A1">\n<TEXT>\n',
        ]
    ),
)
def test_every_reader_refuses_or_reads(tmp_path_factory: Any, data: bytes, ext: str, opening: bytes) -> None:
    path = tmp_path_factory.mktemp("r") / f"input{ext}"
    path.write_bytes(opening + data)
    try:
        found = read_path(path)
    except UnreadableInput as exc:
        assert str(exc)
        return
    for doc in found:
        assert isinstance(doc, RawDocument | Skipped)


def _without(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`text` with each of `spans` (in order, not overlapping) replaced by a space."""
    out, at = [], 0
    for start, end in spans:
        out += [text[at:start], " "]
        at = end
    return "".join(out) + text[at:]


@FAST
@given(rich_text)
@example("council \x0c council.\n\ncouncil \r.")  # a running header that is also a body word
# The second copy of a page's footer is a caption removed for another reason; the third is the footer.
@example(
    "The The \r <b>x</b> council \x0c.\n\nThe.\n\nThe.\n\n<b>x</b> council \r The \r <b>x</b> council \r a."
)
# A page line printed three times, kept once as body: any two copies may be the furniture.
@example(
    "The The. <b>x</b> <b>x</b>. \x0c.\n\nThe \r The \r The The. <b>x</b> <b>x</b>.\n\n"
    "The \r The \r The The. <b>x</b> <b>x</b>."
)
def test_clean_and_split_keep_text_as_printed(text: str) -> None:
    article = to_article(raw(text))
    # PDF page furniture between two pages is skipped by the rule: the text as printed is the input
    # without some of the whole page lines (between line ends or form feeds) equal to a removed one.
    # Which copies were a page's furniture (at its top or bottom), which were removed for another
    # reason and which were kept as body is the reader's call, not the order they come in: some
    # choice of as many copies as were removed as furniture must leave every paragraph printed.
    furniture = Counter(
        line.text
        for line in article.removed
        if line.reason in ("page number", "running header or footer (PDF page)")
    )
    readings = [repair(text)]
    for line, removed in furniture.items():
        whole = re.compile(rf"(?:(?<=[\n\f])|^)[ \t]*{re.escape(line)}[ \t]*(?=[\n\f]|$)")
        readings = [
            _without(r, copies)
            for r in readings
            for copies in itertools.combinations([m.span() for m in whole.finditer(r)], removed)
        ][:64] or readings
    paragraphs = article.text.split("\n\n")
    assert any(all(printed_in(p, r) for p in paragraphs) for r in readings), paragraphs
    marked = quote_marks(article.text)
    for s in split_article(article):
        assert s.text == marked[s.start : s.end]
        assert s.text.strip()


@FAST
@given(st.lists(rich_text, min_size=1, max_size=3), st.sampled_from(ALGORITHMS), st.integers(1, 80))
def test_summarizers_return_given_sentences(texts: list[str], algorithm: str, words: int) -> None:
    sentences = [s for i, t in enumerate(texts) for s in split_article(to_article(raw(t, f"a{i}")))]
    ranked = summarize(sentences, words=words, algorithm=algorithm, groups={})
    assert all(r.sentence in sentences for r in ranked)
    # Words as shown: the space a typewriter mark leaves beside it is no word (`word_count`).
    assert sum(len(typographic(r.sentence.text).split()) for r in ranked) <= words


@SLOW
@given(st.lists(rich_text, min_size=1, max_size=3))
def test_every_sentence_a_brief_shows_is_in_its_article(texts: list[str]) -> None:
    articles = tuple(to_article(raw(t, f"a{i}")) for i, t in enumerate(texts))
    articles = tuple(a for a in articles if a.text.strip())
    if not articles:
        return
    brief = analyze(Topic("t", "T", articles))
    by_id = {a.id: a for a in articles}
    for field in dataclasses.fields(brief):
        if field.name == "topic":
            continue
        for text, sources in sources_and_texts(getattr(brief, field.name)):
            for s in sources:
                article = by_id[s.article]
                marked = quote_marks(article.text)
                assert s.sentence in marked, (field.name, s)
                if s.end:
                    assert marked[s.start : s.end] == s.sentence, (field.name, s)
            assert any(text.strip() in quote_marks(by_id[s.article].text) for s in sources), (
                field.name,
                text,
            )
    page = render_brief(brief, environment())
    assert not markup_problems(markdown.markdown(page, extensions=["toc", "tables", "admonition"]))


@FAST
@given(rich_text, st.text(max_size=40))
def test_article_pages_escape_everything(text: str, title: str) -> None:
    article = dataclasses.replace(to_article(raw(text)), title=title, outlet=title)
    paragraphs: dict[int, list[Any]] = {}
    for s in split_article(article):
        paragraphs.setdefault(s.paragraph, []).append(s)
    page = render_article(article, paragraphs, environment())
    assert not markup_problems(markdown.markdown(page, extensions=["toc", "tables", "admonition"]))
    assert "\n" not in md(title)


@FAST
@given(st.text(max_size=300))
def test_page_names_cannot_escape_or_collide_by_case(article_id: str) -> None:
    name = safe_name(article_id)
    assert name and "/" not in name and "\\" not in name and not name.startswith(".")
    assert name.isascii() and len(name) <= 100
    assert Path("docs", name).resolve().parent == Path("docs").resolve()
    if article_id != article_id.lower():
        # different ids keep different names, except pure case differences, which the pipeline suffixes
        assert safe_name(article_id + "x") != name


def test_articles_are_dataclasses() -> None:
    assert dataclasses.is_dataclass(Article)
