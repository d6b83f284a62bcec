from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from helpers import article
from topic_corpus import BRIBERY, EXPENSES, FINAL, MERGER, QUAKE

from briefgen.cli import main
from briefgen.models import Article
from briefgen.topics import cluster_articles, group_topics


def stories(**groups: list[str]) -> list[Article]:
    return [article(text, id=f"{name}{i}") for name, texts in groups.items() for i, text in enumerate(texts)]


def grouping(articles: list[Article]) -> set[frozenset[str]]:
    return {frozenset(articles[i].id for i in group) for group in cluster_articles(articles)}


def expected(articles: list[Article]) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for a in articles:
        by.setdefault(a.id.rstrip("0123456789"), set()).add(a.id)
    return {frozenset(v) for v in by.values()}


def test_separate_stories_are_separate_topics() -> None:
    articles = stories(quake=QUAKE, merger=MERGER, final=FINAL)
    assert grouping(articles) == expected(articles)


def test_one_story_stays_one_topic() -> None:
    articles = stories(quake=QUAKE)
    assert grouping(articles) == expected(articles)


def test_same_subject_two_events_split_by_dates() -> None:
    dated = [
        article(t, id=f"bribery{i}", published=f"2023-03-{10 + i:02d}") for i, t in enumerate(BRIBERY)
    ] + [article(t, id=f"expenses{i}", published=f"2024-05-{3 + i:02d}") for i, t in enumerate(EXPENSES)]
    assert grouping(dated) == expected(dated)


def test_explicit_topic_wins() -> None:
    articles = stories(quake=QUAKE, merger=MERGER)
    articles[0] = article(MERGER[0], id="quake0", topic="Valdoria earthquake")
    topics = group_topics(articles)
    named = next(t for t in topics if t.title == "Valdoria earthquake")
    assert [a.id for a in named.articles] == ["quake0"]
    assert named.slug == "valdoria-earthquake"
    assert {a.id for t in topics if t is not named for a in t.articles} == {
        "quake1",
        "quake2",
        "merger0",
        "merger1",
        "merger2",
    }


def test_grouping_is_deterministic() -> None:
    articles = stories(quake=QUAKE, merger=MERGER, final=FINAL, bribery=BRIBERY)
    first = [(t.slug, t.title, sorted(a.id for a in t.articles)) for t in group_topics(articles)]
    again = [
        (t.slug, t.title, sorted(a.id for a in t.articles)) for t in group_topics(list(reversed(articles)))
    ]
    assert sorted(first) == sorted(again)
    assert len({slug for slug, _, _ in first}) == len(first)


def write_pile(folder: Path, **groups: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, texts in groups.items():
        for i, text in enumerate(texts):
            path = folder / f"{name}{i}.txt"
            path.write_text(f"{name.title()} story {i}\n\n{text}\n", encoding="utf-8")
            paths.append(path)
    return paths


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_topics_command_tsv(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    write_pile(pile, quake=QUAKE, merger=MERGER)
    code, out, _ = run("topics", str(pile))
    assert code == 0
    lines = [line.split("\t") for line in out.splitlines()]
    assert [Path(cols[0]).name for cols in lines] == [f"merger{i}.txt" for i in range(3)] + [
        f"quake{i}.txt" for i in range(3)
    ]
    assert all(len(cols) == 3 and cols[1] and cols[2] for cols in lines)
    assert len({cols[1] for cols in lines[:3]}) == 1 and len({cols[1] for cols in lines[3:]}) == 1
    assert lines[0][1] != lines[3][1]


def test_topics_command_json_and_files(tmp_path: Path) -> None:
    paths = write_pile(tmp_path / "pile", final=FINAL, merger=MERGER)
    code, out, _ = run("topics", *map(str, paths), "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [r["path"] for r in rows] == [str(p) for p in paths]
    assert set(rows[0]) == {"path", "slug", "title"}
    assert len({r["slug"] for r in rows}) == 2


def test_topics_command_subfolder_names_topic(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    write_pile(pile / "Banking news", merger=MERGER[:1])
    write_pile(pile, quake=QUAKE)
    code, out, _ = run("topics", str(pile))
    assert code == 0
    lines = [line.split("\t") for line in out.splitlines()]
    assert lines[0][1:] == ["banking-news", "Banking news"]
