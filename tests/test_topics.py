from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import numpy as np
from click.testing import CliRunner
from helpers import article, seed_articles
from hypothesis import given, settings
from hypothesis import strategies as st
from topic_corpus import BRIBERY, EXPENSES, FINAL, MERGER, QUAKE, SHOOTINGS, STRIKE, TRIAL, VOTE

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


def test_same_subject_two_events_split_without_dates() -> None:
    articles = stories(bribery=BRIBERY, expenses=EXPENSES, quake=QUAKE)
    assert grouping(articles) == expected(articles)


def test_same_subject_two_events_split_by_their_event_words() -> None:
    # The two events share every name and are more than half as alike as each is inside (the overall
    # cohesion rule alone merges them); the words of what happened (strike, vote) are not shared.
    articles = stories(strike=STRIKE, vote=VOTE, quake=QUAKE, merger=MERGER, final=FINAL)
    assert grouping(articles) == expected(articles)


def test_words_of_names_are_not_event_words() -> None:
    from collections import Counter

    import numpy as np

    from briefgen.topics.features import _names, name_words, word_counts

    texts = [
        "Officials in Valdoria met. Valdoria's army said officials of Port Aldmere left.",
        "The port was closed. Valdoria denied it.",
    ]
    found = Counter(name for text in texts for name in _names(text))
    total = sum((word_counts(text) for text in texts), Counter())
    terms = sorted(total)
    flags = dict(zip(terms, name_words(found, terms, np.array([total[t] for t in terms])), strict=True))
    [valdoria], [port], [officials] = (list(word_counts(w)) for w in ("Valdoria", "port", "officials"))
    assert flags[valdoria]  # always capitalised
    assert not flags[port]  # "Port Aldmere" once, "port" once: not more than half
    assert not flags[officials]  # capitalised only to start a sentence, once in two


def test_event_rule_with_a_group_without_inner_similarity() -> None:
    from scipy import sparse

    from briefgen.topics.cluster import average_link

    # Fixed topic {0, 1} whose articles are not alike at all (inner sum 0), new pair {2, 3}.
    graph = sparse.coo_matrix(([0.5, 0.5, 0.5], ([0, 1, 2], [2, 3, 3])), shape=(4, 4))
    groups = average_link(
        graph,
        0.1,
        initial=[[0, 1], [2, 3]],
        fixed=[True, False],
        inner_sums=[0.0, 0.5],
        event_words=lambda a, b: 0.0,
    )
    assert groups == [[0, 1, 2, 3]]  # as without the event rule: nothing says they are two events
    assert average_link(graph, 0.1, [[0, 1], [2, 3]], [True, False], inner_sums=[0.0, 0.5]) == groups


PIECES = ["Alder", "Street", "St.", "St.Elton", "Road", "Rd.", "Dr.", "Drive", "McAlder", "ALDER", "alder"]
PIECES += ["Élan", "éa", "Main", "MainStreet", "Streets", "Lane-", "_", "9", "3600 block", "Blvd.", "Ave.x"]


@given(
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " ", "  ", "\n", ". "])), max_size=12)
)
@settings(max_examples=400, deadline=None)
def test_streets_and_blocks_are_what_their_patterns_find(parts: list[tuple[str, str]]) -> None:
    from briefgen.topics.features import BLOCK, STREET, blocks, streets

    text = "".join(a + b for a, b in parts)
    assert streets(text) == [m.group(1) for m in STREET.finditer(text)]
    assert blocks(text) == [m.group(1) for m in BLOCK.finditer(text)]


def _average_link_by_definition(
    n: int,
    edges: dict[tuple[int, int], tuple[float, float]],
    threshold: float,
    share: float,
    event: np.ndarray | None,
    initial: list[list[int]],
    fixed: list[bool],
    copies: list[int] | None = None,
) -> list[list[int]]:
    """Average link as `cluster.average_link` documents it, recomputed from scratch at every step:
    the pair of clusters joined by an edge with the highest average score merges, unless both are
    fixed or the cohesion rules part them (two groups of two or more; or a lone article less like a
    group, not of copies, than `LONE_SHARE` times the group's cohesion), in which case
    that pair is not looked at again until either side has changed. `copies`: each article's
    syndication group (a group all of one is copies of one text)."""
    from briefgen.topics.cluster import LONE_SHARE

    report = list(range(n)) if copies is None else copies

    def of_copies(a: frozenset[int]) -> bool:
        return len(a) > 1 and len({report[i] for i in a}) == 1

    clusters = [frozenset(c) for c in initial]
    stuck = dict(zip(clusters, fixed, strict=True))
    refused: set[frozenset[frozenset[int]]] = set()

    def total(a: frozenset[int], b: frozenset[int], part: int) -> float:
        return sum(edges.get((min(i, j), max(i, j)), (0.0, 0.0))[part] for i in a for j in b if i != j)

    def pairs(a: frozenset[int]) -> float:
        return len(a) * (len(a) - 1) / 2

    def apart(a: frozenset[int], b: frozenset[int]) -> bool:
        link = total(a, b, 1) / (len(a) * len(b))
        ca, cb = total(a, a, 1) / 2 / pairs(a), total(b, b, 1) / 2 / pairs(b)
        alike = (ca * cb) ** 0.5
        if of_copies(a) or of_copies(b):  # a group of copies is one text
            if not (of_copies(a) and of_copies(b)) and link < LONE_SHARE * (cb if of_copies(a) else ca):
                return True
        elif link < share * alike:
            return True
        if event is None or alike <= 0.0:
            return False
        own = (
            max(event[np.ix_(sorted(a), sorted(a))].sum() / 2, 0.0)
            / pairs(a)
            * max(event[np.ix_(sorted(b), sorted(b))].sum() / 2, 0.0)
            / pairs(b)
        ) ** 0.5
        if own <= 0.0:
            return False
        cross = event[np.ix_(sorted(a), sorted(b))].sum() / (len(a) * len(b))
        return bool(cross / own < share * link / alike)

    while True:
        best = None
        for x, a in enumerate(clusters):
            for b in clusters[x + 1 :]:
                joined = any((min(i, j), max(i, j)) in edges for i in a for j in b)
                if not joined or (stuck[a] and stuck[b]) or frozenset((a, b)) in refused:
                    continue
                link = total(a, b, 0) / (len(a) * len(b))
                if link >= threshold and (best is None or link > best[0]):
                    best = (link, a, b)
        if best is None:
            return sorted(sorted(c) for c in clusters)
        _, a, b = best
        one, group = sorted((a, b), key=len)
        cohesion = total(group, group, 1) / 2 / pairs(group) if len(group) > 1 else 0.0
        unlike = (
            len(one) == 1
            and len(group) > 1
            and not of_copies(group)
            and total(one, group, 1) / len(group) < LONE_SHARE * cohesion
        )
        if share and (len(a) > 1 and len(b) > 1 and apart(a, b) or unlike):
            refused.add(frozenset((a, b)))
            continue
        clusters = [c for c in clusters if c not in (a, b)] + [a | b]
        stuck[a | b] = stuck[a] or stuck[b]


def test_a_long_piece_naming_a_story_s_person_once_stays_out_of_the_story() -> None:
    # Three reports of one story, alike; a fourth article scores above the cut with each (it names
    # the story's person) but is far less like them than they are like one another: it stays alone.
    # A short brief of the story, half as alike as the reports are to one another, joins it.
    from scipy import sparse

    from briefgen.topics.cluster import average_link

    rows, cols = [0, 0, 1, 0, 1, 2, 0, 1, 2], [1, 2, 2, 3, 3, 3, 4, 4, 4]
    score = [5.0, 5.0, 5.0, 3.1, 3.1, 3.1, 3.0, 3.0, 3.0]
    raw = [0.6, 0.6, 0.6, 0.1, 0.1, 0.1, 0.3, 0.3, 0.3]
    graph = sparse.coo_matrix((score, (rows, cols)), shape=(5, 5))
    assert average_link(graph, 2.4, raw=np.asarray(raw)) == [[0, 1, 2, 4], [3]]
    # Without the cohesion rules the long piece, scoring higher, joins first and keeps the brief out.
    assert average_link(graph, 2.4, raw=np.asarray(raw), cohesion_share=0.0) == [[0, 1, 2, 3], [4]]
    # Against two copies of one text (one syndication group) the short report is not held to the rule,
    # and two copies meet a group as one article would. Two articles as alike that are not copies are
    # a group like any other.
    four = sparse.coo_matrix(
        ([0.95, 0.6, 0.2, 0.2, 0.2, 0.2], ([0, 2, 0, 0, 1, 1], [1, 3, 2, 3, 2, 3])), shape=(4, 4)
    )
    assert average_link(four.copy(), 0.1, raw=four.data, copies=[0, 0, 2, 3]) == [[0, 1, 2, 3]]
    assert average_link(four.copy(), 0.1, raw=four.data) == [[0, 1], [2, 3]]
    copies = sparse.coo_matrix(([5.0, 3.0, 3.0], ([0, 0, 1], [1, 2, 2])), shape=(3, 3))
    assert average_link(copies, 2.4, raw=np.asarray([0.95, 0.1, 0.1]), copies=[0, 0, 2]) == [[0, 1, 2]]
    assert average_link(copies, 2.4, raw=np.asarray([0.95, 0.1, 0.1])) == [[0, 1], [2]]


def test_average_link_merges_as_defined() -> None:
    # Random graphs (no ties), with and without fixed starting groups and the event-word rule: the
    # merge loop (heap of stale and dead entries, links moved to the kept id) groups as the
    # definition does.
    from scipy import sparse

    from briefgen.topics.cluster import average_link

    rng = np.random.default_rng(15)
    for _ in range(150):
        n = int(rng.integers(2, 16))
        keys = np.unique(rng.integers(0, n, (int(rng.integers(1, 3 * n)), 2)), axis=0)
        keys = keys[keys[:, 0] < keys[:, 1]]
        score, raw = rng.normal(1.0, 1.0, len(keys)), rng.uniform(0.05, 0.6, len(keys))
        edges = {
            (int(i), int(j)): (float(s), float(r)) for (i, j), s, r in zip(keys, score, raw, strict=True)
        }
        graph = sparse.coo_matrix((score, (keys[:, 0], keys[:, 1])), shape=(n, n))
        event = None
        if rng.random() < 0.5:
            event = rng.uniform(0.0, 0.5, (n, n))
            event = (event + event.T) / 2
            np.fill_diagonal(event, 0.0)
        initial, fixed = [[i] for i in range(n)], [False] * n
        if rng.random() < 0.5:
            initial = [
                sorted(map(int, p)) for p in np.array_split(rng.permutation(n), int(rng.integers(1, n + 1)))
            ]
            fixed = [bool(rng.random() < 0.5) for _ in initial]
        share = float(rng.choice([0.0, 0.5]))
        copies = [int(c) for c in rng.integers(0, max(n // 3, 1), n)] if rng.random() < 0.5 else None

        def words(a: list[int], b: list[int] | None, event: np.ndarray | None = event) -> float:
            assert event is not None
            block = event[np.ix_(a, a if b is None else b)].sum()
            return float(block / 2 if b is None else block)

        got = average_link(
            graph,
            0.5,
            initial,
            fixed,
            cohesion_share=share,
            event_words=words if event is not None else None,
            raw=raw,
            copies=copies,
        )
        assert got == _average_link_by_definition(n, edges, 0.5, share, event, initial, fixed, copies)


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


def topic_lines(out: str) -> dict[str, tuple[str, str]]:
    return {Path(p).name: (slug, title) for p, slug, title in (line.split("\t") for line in out.splitlines())}


def test_slugs_stable_when_articles_are_added_through_the_cli(tmp_path: Path) -> None:
    pile, cache = tmp_path / "pile", tmp_path / "cache"
    write_pile(pile, quake=QUAKE[:2], merger=MERGER[:2])
    code, out, _ = run("topics", str(pile), "--cache-dir", str(cache))
    assert code == 0 and (cache / "topics.json").is_file()
    before = topic_lines(out)
    write_pile(pile, quake=QUAKE, merger=MERGER, final=FINAL)  # one more of each, and a new story
    code, out, _ = run("topics", str(pile), "--cache-dir", str(cache))
    after = topic_lines(out)
    assert code == 0
    for name, (slug, _) in before.items():
        assert after[name][0] == slug
    assert after["quake2.txt"][0] == before["quake0.txt"][0]
    assert after["merger2.txt"][0] == before["merger0.txt"][0]
    assert len({after[f"final{i}.txt"][0] for i in range(3)}) == 1
    assert after["final0.txt"][0] not in {slug for slug, _ in before.values()}


def test_slugs_stable_without_registry_when_newer_articles_arrive(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    pile.mkdir()
    for i, text in enumerate(QUAKE):
        (pile / f"q{i}.md").write_text(
            f"---\ntitle: Quake report {i}\npublished: 2024-03-0{i + 1}\n---\n\n{text}\n"
        )
    code, out, _ = run("topics", str(pile), "--no-registry")
    first = topic_lines(out)
    (pile / "q9.md").write_text(f"---\ntitle: Quake later\npublished: 2024-03-09\n---\n\n{QUAKE[0]}\n")
    code, out, _ = run("topics", str(pile), "--no-registry")
    second = topic_lines(out)
    assert code == 0 and {s for s, _ in first.values()} == {s for s, _ in second.values()} == {
        "quake-report-0"
    }


def test_slug_comes_from_earliest_printed_headline(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    pile.mkdir()
    # The earliest report prints no headline: its title is the start of its first sentence.
    (pile / "q0.txt").write_text(f"March 1, 2024\n\n{QUAKE[0]}\n")
    (pile / "q1.txt").write_text(f"March 2, 2024\n\nValdoria quake toll rises\n\n{QUAKE[1]}\n")
    (pile / "q2.txt").write_text(f"March 3, 2024\n\nPresident visits Santa Lenora\n\n{QUAKE[2]}\n")
    code, out, _ = run("topics", str(pile), "--no-registry")
    assert code == 0 and {s for s, _ in topic_lines(out).values()} == {"valdoria-quake-toll-rises"}
    # A newer headline does not take the slug over (no registry either).
    (pile / "q3.txt").write_text(f"March 9, 2024\n\nAftershocks in Valdoria\n\n{QUAKE[0]}\n")
    code, out, _ = run("topics", str(pile), "--no-registry")
    assert code == 0 and {s for s, _ in topic_lines(out).values()} == {"valdoria-quake-toll-rises"}


def test_seed_slug_matches_a_headline() -> None:
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    code, out, _ = run("topics", str(seeds), "--no-registry")
    assert code == 0
    assert {s for s, _ in topic_lines(out).values()} == {
        "u-s-upgrades-military-command-in-japan-amid-china-tensions"
    }


def test_incremental_assignment_keeps_old_topics_and_places_new_articles() -> None:
    from briefgen.topics import assign_topics

    # Eight articles, then nine: the pile has not grown by a quarter, so the registry's grouping is
    # kept (topics are never split; new articles join them).
    first = assign_topics(stories(quake=QUAKE, merger=MERGER, final=FINAL[:2]))
    slugs = {a.id: t.slug for t in first.topics for a in t.articles}
    # Tamper with the registry: the old grouping must be kept, not re-clustered.
    registry = first.registry
    quake_slug, merger_slug = slugs["quake0"], slugs["merger0"]
    moved = [k for k in registry.topics[quake_slug]][:1]
    registry.topics[quake_slug] = [k for k in registry.topics[quake_slug] if k not in moved]
    registry.topics[merger_slug] = registry.topics[merger_slug] + moved
    articles = stories(quake=QUAKE, merger=MERGER, final=FINAL)
    second = assign_topics(articles, registry)
    where = {a.id: t.slug for t in second.topics for a in t.articles}
    moved_id = next(a.id for a in articles[:3] if where[a.id] == merger_slug)
    assert moved_id in {"quake0", "quake1", "quake2"}  # kept where the registry put it
    assert where["merger2"] == merger_slug
    assert len({where[f"quake{i}"] for i in range(3)} - {merger_slug}) == 1
    assert where["final0"] == where["final1"] == where["final2"] not in {quake_slug, merger_slug}
    # A full re-clustering (asked for, or the pile doubled) puts it back; nothing redirects.
    third = assign_topics(articles, second.registry, recluster=True)
    where = {a.id: t.slug for t in third.topics for a in t.articles}
    assert where[moved_id] == quake_slug and where["merger0"] == merger_slug
    assert third.redirects == {}


def test_recluster_merge_redirects_old_slug() -> None:
    from briefgen.topics import assign_topics

    articles = stories(quake=QUAKE, merger=MERGER)
    first = assign_topics(articles)
    registry = first.registry
    quake_slug = next(t.slug for t in first.topics if t.articles[0].id.startswith("quake"))
    # Pretend an earlier build had split the quake story in two topics.
    keys = sorted(registry.topics[quake_slug])
    registry.topics[quake_slug] = keys[:1]
    registry.topics["valdoria-aftershocks"] = keys[1:]
    # The next build (no new article, no regrouping) merges them: the pile says they are one story.
    merged = assign_topics(articles, registry)
    live = {t.slug for t in merged.topics}
    assert len(live) == 2
    (old,) = {quake_slug, "valdoria-aftershocks"} - live
    assert merged.redirects == {old: ({quake_slug, "valdoria-aftershocks"} & live).pop()}
    assert old in merged.registry.reserved()
    again = assign_topics(articles, merged.registry, recluster=True)
    assert {t.slug for t in again.topics} == live and again.redirects == merged.redirects


def test_topic_of_two_stories_is_split_when_the_pile_tells_them_apart() -> None:
    from briefgen.topics import assign_topics

    articles = stories(quake=QUAKE, merger=MERGER, final=FINAL)
    first = assign_topics(articles)
    registry = first.registry
    quake_slug = next(t.slug for t in first.topics if t.articles[0].id.startswith("quake"))
    merger_slug = next(t.slug for t in first.topics if t.articles[0].id.startswith("merger"))
    # Pretend an earlier, smaller pile had put both stories in one topic.
    registry.topics[quake_slug] += registry.topics.pop(merger_slug)
    second = assign_topics(articles, registry)
    found = {frozenset(a.id for a in t.articles) for t in second.topics}
    assert found == expected(articles)
    where = {a.id: t.slug for t in second.topics for a in t.articles}
    assert where["quake0"] == quake_slug  # the larger part keeps the slug
    assert where["merger0"] != quake_slug


def test_split_topics_cuts_only_where_a_part_is_a_story() -> None:
    from briefgen.topics import split_topics

    fresh = [[0, 1, 2], [3, 4], [5, 6], [7]]
    # Two articles of each of two stories: cut, the larger part first.
    assert split_topics([[0, 1, 2, 3, 4]], fresh, []) == [[0, 1, 2], [3, 4]]
    # One article of another story whose other articles are in another old topic: it stays.
    assert split_topics([[0, 1, 5], [6]], fresh, []) == [[0, 1, 5], [6]]
    # One article of a story whose other articles are new: the seed of that story, cut off.
    assert split_topics([[0, 1, 3]], fresh, [4]) == [[0, 1], [3]]
    # A lone article of a lone story stays where it was.
    assert split_topics([[0, 1, 7]], fresh, []) == [[0, 1, 7]]


def test_build_writes_redirect_page_after_recluster(tmp_path: Path) -> None:
    from briefgen.config import Config
    from briefgen.pipeline import build
    from briefgen.topics import load_registry, save_registry

    pile = tmp_path / "pile"
    write_pile(pile, quake=QUAKE)
    config = Config(
        input_dir=pile, docs_dir=tmp_path / "docs", site_dir=tmp_path / "site", cache_dir=tmp_path / "cache"
    ).replace(build_site=False)
    result = build(config, quiet=True)
    (slug,) = [t.slug for t in result.topics]
    registry = load_registry(config.cache_dir)
    keys = registry.topics.pop(slug)
    registry.topics["old-quake-page"] = keys
    save_registry(config.cache_dir, registry)
    assert [t.slug for t in build(config, quiet=True).topics] == ["old-quake-page"]
    result = build(config, quiet=True, recluster=True)
    assert [t.slug for t in result.topics] == ["old-quake-page"]  # the slug survives a re-clustering
    registry = load_registry(config.cache_dir)
    registry.topics["other-old-page"] = registry.topics["old-quake-page"][:1]
    registry.topics["old-quake-page"] = registry.topics["old-quake-page"][1:]
    save_registry(config.cache_dir, registry)
    result = build(config, quiet=True, recluster=True)
    assert result.redirects == {"other-old-page": "old-quake-page"}
    page = (config.docs_dir / "topics" / "other-old-page.md").read_text(encoding="utf-8")
    assert "url=../old-quake-page/" in page and "(old-quake-page.md)" in page


def test_a_story_bigger_than_the_neighbour_lists_stays_whole() -> None:
    import itertools

    sentences = [s.strip() for text in QUAKE for s in text.split(". ") if s.strip()]
    combos = list(itertools.combinations(range(len(sentences)), 4))[::3]
    big = [article(". ".join(sentences[i] for i in c) + ".", id=f"quake{n}") for n, c in enumerate(combos)]
    articles = big + stories(merger=MERGER, final=FINAL)
    assert len(big) > 20  # more than the neighbours kept per article
    assert grouping(articles) == expected(articles)


def test_incremental_new_event_of_known_subject_gets_its_own_topic() -> None:
    from briefgen.topics import assign_topics

    # Fourteen articles, then seventeen: under a quarter more, so the new ones are placed, not regrouped.
    known = dict(bribery=BRIBERY, quake=QUAKE, merger=MERGER, final=FINAL, strike=STRIKE)
    first = assign_topics(stories(**known))
    second = assign_topics(stories(**known, expenses=EXPENSES), first.registry)
    assert second.registry.learned_from == first.registry.learned_from
    where = {a.id: t.slug for t in second.topics for a in t.articles}
    assert where["expenses0"] == where["expenses1"] == where["expenses2"] != where["bribery0"]
    assert len(second.topics) == len(first.topics) + 1


def test_topics_command_is_deterministic(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    write_pile(pile, quake=QUAKE, merger=MERGER, final=FINAL, bribery=BRIBERY)
    outs = [
        run("topics", str(pile), "--format", "json", "--cache-dir", str(tmp_path / f"c{i}"))[1]
        for i in range(2)
    ]
    assert outs[0] == outs[1]
    assert (tmp_path / "c0" / "topics.json").read_bytes() == (tmp_path / "c1" / "topics.json").read_bytes()


def test_title_prefers_a_printed_headline() -> None:
    from briefgen.topics import central_title

    # The most central report (it tells both others' facts) prints no headline: its title is the
    # start of its first sentence.
    articles = [
        article(f"{QUAKE[0]} {QUAKE[2]}", id="q1"),
        article(f"Quake toll rises in Valdoria\n\n{QUAKE[0]}", id="q0"),
        article(f"President visits Santa Lenora\n\n{QUAKE[2]}", id="q2"),
    ]
    assert not articles[0].title.startswith(("Quake", "President"))
    assert central_title(articles) in {"Quake toll rises in Valdoria", "President visits Santa Lenora"}
    assert central_title(articles[:1]) == articles[0].title


def test_a_possessive_is_the_same_name() -> None:
    from briefgen.topics.features import name_counts

    counts = name_counts(
        "Valdoria's army moved north. Officials in Valdoria denied it. Karsten Olm’s lawyer spoke, "
        "and Valdoria’s Prime Minister Ida Brenn met O'Neill."
    )
    assert counts["valdoria"] == 3
    assert counts["karsten olm"] == 1
    assert counts["prime minister ida brenn"] == 1
    assert counts["o'neill"] == 1  # an apostrophe inside a name is not a possessive
    assert not [name for name in counts if "'" in name and name != "o'neill"]


def test_a_sentence_end_ends_a_name() -> None:
    from briefgen.topics.features import name_counts

    counts = name_counts(
        "The memo went to Ida Brenn. White House aides read it, as did Gov. Ng; Karl C. Olm did not."
    )
    assert counts["ida brenn"] == 1
    assert counts["white house"] == 1
    assert counts["gov. ng"] == 1  # a title's full stop is not a sentence end
    assert counts["karl c. olm"] == 1
    assert not [name for name in counts if ". " in name and name not in ("gov. ng", "karl c. olm")]


def test_same_subject_pile_keeps_its_incidents_apart() -> None:
    # Every report is about a shooting in one city: the words of the subject are everywhere, and the
    # incidents differ in who, where and when; the one-sentence briefs join their incident.
    articles = stories(**SHOOTINGS)
    assert grouping(articles) == expected(articles)


def test_shared_boilerplate_raises_every_similarity_but_changes_no_topic() -> None:
    # The cut is read from the pile: the same stories, each article ending with the same line
    # (raising every pair's similarity), group the same.
    tail = " Anyone with information is asked to call the Harlow City tip line."
    plain = stories(**SHOOTINGS, quake=QUAKE, merger=MERGER)
    padded = [article(a.text + tail, id=a.id) for a in plain]
    assert grouping(padded) == grouping(plain) == expected(plain)


def test_a_long_running_story_stays_one_topic() -> None:
    weekly = [
        article(t, id=f"trial{i}", published=f"2024-03-{4 + 7 * i:02d}") for i, t in enumerate(TRIAL[:4])
    ]
    weekly += [
        article(t, id=f"trial{i + 4}", published=f"2024-04-{1 + 7 * i:02d}") for i, t in enumerate(TRIAL[4:])
    ]
    others = [article(t, id=f"quake{i}", published="2024-03-20") for i, t in enumerate(QUAKE)]
    others += [article(t, id=f"merger{i}", published="2024-04-02") for i, t in enumerate(MERGER)]
    articles = weekly + others
    assert grouping(articles) == expected(articles)


def test_incremental_assignment_agrees_with_grouping_from_scratch() -> None:
    from briefgen.topics import assign_topics

    articles = stories(**SHOOTINGS, quake=QUAKE, merger=MERGER)
    registry = None
    for end in (5, 12, len(articles)):
        step = assign_topics(articles[:end], registry)
        registry = step.registry
    found = {frozenset(a.id for a in t.articles) for t in step.topics}
    assert found == grouping(articles) == expected(articles)


def test_pair_scores_stand_out_from_the_pile_background() -> None:
    import numpy as np

    from briefgen.topics.features import article_features
    from briefgen.topics.granularity import LINK_Z, background

    articles = stories(**SHOOTINGS)
    features = article_features(articles)
    sims = (features.vectors @ features.vectors.T).toarray()
    n = len(articles)
    scores = background(features).score(sims, np.arange(n)[:, None], np.arange(n)[None, :])
    same = np.array(
        [[a.id.rstrip("0123456789") == b.id.rstrip("0123456789") for b in articles] for a in articles]
    )
    off = ~np.eye(n, dtype=bool)
    # Unrelated incidents share much (raw cosine well above an unrelated feed's) yet score low.
    assert sims[~same].mean() > 0.1
    assert scores[~same & off].mean() < LINK_Z / 2 < LINK_Z < scores[same & off].mean()


def test_the_second_reading_of_the_background_does_not_hang_on_the_first_readings_cut(monkeypatch) -> None:
    import pytest

    from briefgen.topics import granularity
    from briefgen.topics.features import article_features
    from briefgen.topics.granularity import background

    articles = stories(
        quake=QUAKE, merger=MERGER, final=FINAL, bribery=BRIBERY, expenses=EXPENSES, trial=TRIAL[:4]
    )
    features = article_features(articles)
    names = [a.id.rstrip("0123456789") for a in articles]
    groups = [[i for i, m in enumerate(names) if m == k] for k in dict.fromkeys(names)]
    first, second = {}, {}
    for cut in (0.15, 0.3, 0.6):
        monkeypatch.setattr(granularity, "RELATED", cut)
        one, two = background(features), background(features, groups)
        first[cut], second[cut] = (one.pile_mean, one.pile_spread), (two.pile_mean, two.pile_spread)
    # The first reading takes every pair above the cut for a story pair, whatever the grouping; the
    # second leaves out the pairs of one story, so the cut no longer matters.
    assert first[0.15] != pytest.approx(first[0.6], abs=0.05)
    assert second[0.15] == second[0.3] == second[0.6]
    # Two stories alike but kept apart by a cohesion rule (the same minister, two events) are left out
    # of the second reading too: their pairs are no ordinary unrelated pair.
    articles = stories(quake=QUAKE, merger=MERGER, final=FINAL, strike=STRIKE, vote=VOTE)
    assert grouping(articles) == expected(articles)


def test_a_pile_that_doubled_is_grouped_afresh() -> None:
    from briefgen.topics import assign_topics

    first = assign_topics(stories(quake=QUAKE[:2], merger=MERGER[:2]))
    slugs = {a.id: t.slug for t in first.topics for a in t.articles}
    registry = first.registry
    quake_slug, merger_slug = slugs["quake0"], slugs["merger0"]
    # A grouping made on four articles (here: tampered) is not kept once the pile has doubled.
    moved = registry.topics[quake_slug][:1]
    registry.topics[quake_slug] = [k for k in registry.topics[quake_slug] if k not in moved]
    registry.topics[merger_slug] = registry.topics[merger_slug] + moved
    articles = stories(quake=QUAKE, merger=MERGER, final=FINAL)
    second = assign_topics(articles, registry)
    where = {a.id: t.slug for t in second.topics for a in t.articles}
    assert where["quake0"] == where["quake1"] == where["quake2"] == quake_slug
    assert where["merger0"] == where["merger1"] == where["merger2"] == merger_slug
    assert second.registry.learned_from == len(articles)


def test_outlet_furniture_is_left_out_of_the_features_but_wire_copies_keep_their_lines() -> None:
    from briefgen.topics.features import pile_texts

    story = [
        "A fire destroyed the Ardwick grain store on Quarry Lane late on Friday.",
        "Crews from three stations fought the flames for six hours.",
        "The owner, Tobin Vasko, said the store had stood for ninety years.",
    ]
    posted = ["Posted: Monday, March 4, 2024 6:10 PM EST", "Posted: Friday, May 17, 2024 9:02 AM EST"]
    texts = [
        f"{posted[0]}\n\nA boat capsized on Lake Orrin; two anglers swam ashore.\n\nCopyright 2024 KXYZ.",
        f"{posted[1]}\n\nThe Dunmere council voted to close the ferry.\n\nCopyright 2023 KXYZ.",
        f"{posted[0]}\n\nA wolf was seen near Kirkmoor school, rangers said.\n\nCopyright 2024 KXYZ.",
        *("\n\n".join(story) for _ in range(3)),
    ]
    titles = ["Boat capsizes - KXYZ News", "Ferry to close - KXYZ News", "Wolf sighted", "Grain store fire"]
    titles += ["Grain store burns", "Ninety-year-old store lost"]
    articles = [article(t, id=f"a{i}", title=h) for i, (t, h) in enumerate(zip(texts, titles, strict=True))]
    heads, kept = pile_texts(articles)
    assert heads[:3] == ["Boat capsizes", "Ferry to close", "Wolf sighted"]
    assert kept[0] == "A boat capsized on Lake Orrin; two anglers swam ashore."
    assert all("Posted" not in k and "Copyright" not in k for k in kept[:3])
    # Three papers printing one wire story are copies: its short lines are the story, not furniture.
    assert kept[3:] == ["\n\n".join(story)] * 3


def test_two_groups_whose_every_headline_names_what_the_other_never_does_are_two_events() -> None:
    from scipy import sparse

    from briefgen.topics.cluster import average_link
    from briefgen.topics.features import article_features
    from briefgen.topics.graph import name_conflicts

    def fire(place: str, person: str, n: int) -> str:
        return f"The fire at the {place} in Hollinsby left {n} people evacuated. {person} saw the roof burn."

    texts = [
        ("Fire at Quarry Mill in Hollinsby", fire("Quarry Mill", "Ada Penhall", 4)),
        ("Fire at Quarry Mill in Hollinsby", fire("Quarry Mill", "Ada Penhall", 7)),
        ("Fire at Elm School in Hollinsby", fire("Elm School", "Jon Vasko", 5)),
        ("Fire at Elm School in Hollinsby", fire("Elm School", "Jon Vasko", 9)),
        ("Fire at Elm School in Hollinsby", fire("Elm School", "Jon Vasko", 9)),  # a copy of the last
        ("Smoke over Hollinsby", "Smoke rose over Hollinsby as the Quarry Mill and the Elm School burned."),
    ]
    features = article_features([article(t, id=f"f{i}", title=h) for i, (h, t) in enumerate(texts)])
    conflict = name_conflicts(features)
    assert conflict is not None
    assert conflict([0, 1], [2, 3]) and conflict([2, 3, 4], [0, 1])
    # One text printed twice is one report: too little to say what all of a group's reports name.
    assert not conflict([0, 1], [3, 4])
    # A report naming both places is no conflict: one side's name is printed on the other.
    assert not conflict([0, 1], [2, 5]) and not conflict([0, 5], [2, 3])
    # The two fires are scored as one story and are as alike as they are inside: they merge, unless
    # their headlines tell them apart.
    score = [6.0, 5.0, 5.0, 5.0, 5.0, 6.0]
    graph = sparse.coo_matrix((score, ([0, 0, 0, 1, 1, 2], [1, 2, 3, 2, 3, 3])), shape=(4, 4))
    raw = np.full(6, 0.5)
    assert average_link(graph, 2.4, raw=raw) == [[0, 1, 2, 3]]
    assert average_link(graph, 2.4, raw=raw, name_conflict=conflict) == [[0, 1], [2, 3]]


def test_a_printed_age_tells_two_alike_reports_apart() -> None:
    from briefgen.topics.features import article_features

    texts = [
        "A 15-year-old boy was shot on Quarry Lane in Brackenford on Saturday, police said.",
        "Police said the boy, 15, was shot on Quarry Lane in Brackenford while walking home.",
        "Police said the boy, 16, was shot on Quarry Lane in Brackenford while walking home.",
    ]
    others = stories(quake=QUAKE, merger=MERGER)
    v = article_features([article(t, id=f"s{i}") for i, t in enumerate(texts)] + others).vectors
    same_age, other_age = (v[0] @ v[1].T).toarray()[0, 0], (v[0] @ v[2].T).toarray()[0, 0]
    assert same_age > other_age + 0.1


def _blotter(block: int, street: str, day: str) -> list[str]:
    """Three reports of one invented shooting, in the words every report of the town's blotter uses."""
    return [
        f"A man was shot in the {block} block of {street} Avenue in Dunmere on {day} night, police said.",
        f"Dunmere police said a man was wounded in the {block} block of {street} Avenue late on {day}. "
        "Officers found him with a gunshot wound and took him to Dunmere General Hospital, where he was "
        "in stable condition. No arrests have been made.",
        f"Police are investigating a shooting on {street} Avenue in Dunmere. A man was shot on {day} "
        "night and taken to Dunmere General Hospital. Police said no arrests had been made and asked "
        "anyone with information to call.",
    ]


def test_two_incidents_at_two_addresses_stay_apart() -> None:
    # The same blotter wording, the same town and hospital: only the address tells the incidents apart
    # (without the address factors the three incidents form one topic).
    articles = stories(
        alder=_blotter(1200, "Alder", "Friday"),
        quarry=_blotter(4500, "Quarry", "Saturday"),
        harlow=_blotter(300, "Harlow", "Friday"),
        quake=QUAKE,
        merger=MERGER,
        final=FINAL,
        bribery=BRIBERY,
    )
    assert grouping(articles) == expected(articles)


def test_different_block_numbers_lower_a_similarity_and_the_same_do_not() -> None:
    import numpy as np

    from briefgen.topics.features import BLOCK_APART, STREET_APART, apart_factor, article_features

    texts = [
        "Two men were hurt in the 800 block of Elm Street on Sunday.",
        "Police said the 800 block of Elm Street was closed after two men were hurt.",
        "Two men were hurt in the 2100 block of Elm Street on Sunday.",
        "Two men were hurt in the 2100 block of Birch Road on Sunday.",
        "Two men were hurt on Sunday, police said.",
    ]
    features = article_features([article(t, id=f"s{i}") for i, t in enumerate(texts)])
    rows, cols = np.array([0, 0, 0, 0]), np.array([1, 2, 3, 4])
    # Same block: 1. Other block, same street: the block factor. Other block and street: both.
    # An article that prints no address says nothing either way.
    expected = [1.0, BLOCK_APART, BLOCK_APART * STREET_APART, 1.0]
    assert apart_factor(features, rows, cols).tolist() == expected


def test_an_unrelated_article_a_year_later_leaves_a_story_whole() -> None:
    # Found on the seeds: one newsletter dated a year after them split their story in four. Pairs
    # months apart have near-zero similarity through the date factor; taken for background, they
    # made it ten times wider and every pair of the story looked ordinary.
    seeds = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
    pile = seed_articles(seeds)
    assert cluster_articles(pile) == [list(range(len(pile)))]
    for days in (30, 365, 3650):
        late = dataclasses.replace(
            article(" ".join(VOTE), id="late"), published=dt.date(2025, 4, 1) + dt.timedelta(days=days)
        )
        assert sorted(cluster_articles([*pile, late])) == [list(range(len(pile))), [len(pile)]], days


def test_an_arrest_and_a_trial_months_later_stay_with_their_incident() -> None:
    # Follow-ups come months and a year after the event; they share its particulars, not its date.
    case = [
        (
            "2024-02-03",
            "Talia Brennock, 19, was shot dead outside the Corrow Street laundromat in Dunmere "
            "on Saturday night. Dunmere police said a man in a grey car fired several shots.",
        ),
        (
            "2024-02-05",
            "Police in Dunmere named Talia Brennock, 19, as the woman shot dead outside the "
            "Corrow Street laundromat. Detectives asked for footage of a grey car.",
        ),
        (
            "2024-05-10",
            "Dunmere police arrested Owen Haskett, 24, in the killing of Talia Brennock outside "
            "the Corrow Street laundromat in February. Haskett was charged with murder.",
        ),
        (
            "2024-10-14",
            "The murder trial of Owen Haskett, 24, opened in Dunmere. Prosecutors said Haskett shot "
            "Talia Brennock, 19, dead from a grey car outside the Corrow Street laundromat in February.",
        ),
    ]
    articles = [article(t, id=f"case{i}", published=d) for i, (d, t) in enumerate(case)]
    for name, texts, day in (
        ("quake", QUAKE, "2024-02-04"),
        ("bribery", BRIBERY, "2024-03-20"),
        ("merger", MERGER, "2024-05-11"),
        ("expenses", EXPENSES, "2024-08-02"),
        ("final", FINAL, "2024-10-13"),
    ):
        articles += [article(t, id=f"{name}{i}", published=day) for i, t in enumerate(texts)]
    assert grouping(articles) == expected(articles)


def test_file_names_and_order_change_no_topic_title_slug_or_citation_order() -> None:
    """The same undated stories under other file names, given in another order: the same topics, with
    the same titles, slugs and articles in the same order (the order citations are numbered in)."""
    texts = [*QUAKE, *MERGER, *FINAL, *BRIBERY]

    def topics(ids: list[str]) -> list[tuple[str, str, tuple[str, ...]]]:
        found = group_topics(
            [article(text, id=i, path=f"{i}.txt") for i, text in zip(ids, texts, strict=True)]
        )
        return sorted((t.slug, t.title, tuple(a.text for a in t.articles)) for t in found)

    forward = [f"a{i:02d}" for i in range(len(texts))]
    backward = [f"z{len(texts) - i:02d}" for i in range(len(texts))]
    assert topics(forward) == topics(backward)
    assert topics(forward) == topics(list(reversed(forward)))
