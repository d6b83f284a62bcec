"""Topic analysis on several processes: same output as one process, results in input order."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_site import config, small_topic, tree

from briefgen import parallel
from briefgen.cli import main
from briefgen.pipeline import build


def square(n: int) -> int:
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n * n


def pid_of(_: int) -> int:
    import os

    return os.getpid()


def test_ordered_map_keeps_the_input_order_on_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 2)
    items = list(range(40))
    assert parallel.worker_count(2, len(items)) == 2
    assert list(parallel.ordered_map(square, items, jobs=2)) == [n * n for n in items]


def test_ordered_map_runs_the_first_item_here(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 2)
    pids = list(parallel.ordered_map(pid_of, list(range(6)), jobs=2))
    assert pids[0] == os.getpid()  # warms lazy imports and caches before the workers fork
    assert os.getpid() not in pids[1:]


def test_ordered_map_raises_a_worker_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 2)
    with pytest.raises(ValueError, match="negative: -3"):
        list(parallel.ordered_map(square, [1, 2, -3, 4], jobs=2))


def test_small_batches_and_one_job_stay_in_this_process() -> None:
    assert parallel.worker_count(4, parallel.MIN_PARALLEL_ITEMS - 1) == 1
    assert parallel.worker_count(1, 1000) == 1
    assert parallel.worker_count(0, 1000) == min(parallel.available_cores(), 1000)
    assert parallel.worker_count(8, 100) == 8


def test_parallel_build_is_byte_identical_to_a_serial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 2)
    for n, name in enumerate(("Avalon", "Brigg", "Corran", "Dunmore", "Elstow")):
        small_topic(tmp_path / "in" / name.lower(), name, n + 1, n=2)
    serial = build(config(tmp_path, tmp_path / "in", "serial", jobs=1, build_site=False), quiet=True)
    cfg = config(tmp_path, tmp_path / "in", "parallel", jobs=2, build_site=False)
    parallel_result = build(cfg, quiet=True)
    assert serial.analysed == parallel_result.analysed == 5
    assert [b.topic.slug for b in serial.briefs] == [b.topic.slug for b in parallel_result.briefs]
    assert tree(tmp_path / "serial" / "docs") == tree(cfg.docs_dir)
    # The workers' sentence splits are kept for the next build's article pages.
    assert (cfg.cache_dir / "analysis" / "sentences.pickle").is_file()
    assert build(cfg, quiet=True).analysed == 0


def test_cli_jobs_option(tmp_path: Path) -> None:
    runner = CliRunner()
    assert "--jobs" in runner.invoke(main, ["build", "--help"]).output
    bad = runner.invoke(main, ["build", str(tmp_path), "--jobs", "0"])
    assert bad.exit_code == 2


def test_article_pages_reuse_the_analysis_split(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefgen.reading.split

    calls: list[str] = []
    real = briefgen.reading.split.split_article
    # What the cache of sentences splits with when it has no sentences (imported when it needs it).
    monkeypatch.setattr(briefgen.reading.split, "split_article", lambda a: calls.append(a.id) or real(a))
    for n, name in enumerate(("Avalon", "Brigg")):
        small_topic(tmp_path / "in" / name.lower(), name, n + 1, n=2)
    result = build(config(tmp_path, tmp_path / "in", jobs=1, build_site=False), quiet=True, use_cache=False)
    assert len(result.articles) == 4
    assert calls == []  # every article page used the sentences its topic's analysis split


def test_pages_rendered_by_the_workers_are_those_write_docs_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The analysing processes render their topics' pages (change notes included); the docs are the
    same as when every page is rendered after the analysis."""
    from briefgen import pipeline

    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 2)
    for n, name in enumerate(("Avalon", "Brigg", "Corran", "Dunmore")):
        small_topic(tmp_path / "in" / name.lower(), name, n + 1, n=2)
    workers = config(tmp_path, tmp_path / "in", "workers", jobs=2, build_site=False)
    after = config(tmp_path, tmp_path / "in", "after", jobs=2, build_site=False)
    real = pipeline.analyse_topics
    for step in ("first build", "one new article"):
        if step == "one new article":
            small_topic(tmp_path / "in" / "brigg", "Brigg", 9, n=3)
        result = build(workers, quiet=True, use_cache=False)
        assert result.analysed == 4
        monkeypatch.setattr(pipeline, "analyse_topics", lambda *a, **kw: real(*a[:4]))
        build(after, quiet=True, use_cache=False)
        monkeypatch.setattr(pipeline, "analyse_topics", real)
        assert tree(workers.docs_dir) == tree(after.docs_dir), step
    assert "New article" in (workers.docs_dir / "topics" / "brigg.md").read_text(encoding="utf-8")


def test_each_page_is_rendered_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen import pipeline

    calls: list[str] = []
    for name in ("render_brief", "render_article"):
        real = getattr(pipeline, name)
        monkeypatch.setattr(pipeline, name, lambda *a, _r=real, **kw: calls.append(a[0]) or _r(*a, **kw))
    for n, name in enumerate(("Avalon", "Brigg")):
        small_topic(tmp_path / "in" / name.lower(), name, n + 1, n=2)
    cfg = config(tmp_path, tmp_path / "in", jobs=1, build_site=False)
    for step in ("first build", "one new article"):
        if step == "one new article":
            small_topic(tmp_path / "in" / "brigg", "Brigg", 9, n=3)
        calls.clear()
        result = build(cfg, quiet=True, use_cache=False)
        assert len(calls) == len(result.topics) + len(result.articles), step


def test_files_read_on_the_workers_give_what_reading_here_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold build reads the input files on the worker processes: the same articles, notes and skip
    reasons (an empty file, a binary file, a file over the size limit) as one process."""
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 2)
    for n, name in enumerate(("Avalon", "Brigg", "Corran")):
        small_topic(tmp_path / "in" / name.lower(), name, n + 1, n=2)
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "in" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "in" / "long.txt").write_text("A long line of words about the harbour. " * 40_000, "utf-8")
    results = {}
    for jobs in (1, 2):
        cfg = config(tmp_path, tmp_path / "in", f"jobs{jobs}", jobs=jobs, build_site=False)
        results[jobs] = build(cfg, quiet=True, use_cache=False)
        assert results[jobs].files_read == 9
    assert results[1].articles == results[2].articles
    assert results[1].skipped == results[2].skipped and len(results[1].skipped) >= 2
    assert tree(tmp_path / "jobs1" / "docs") == tree(tmp_path / "jobs2" / "docs")
