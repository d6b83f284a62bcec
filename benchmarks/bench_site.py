"""Site build at scale: N synthetic topics, timed: plain MkDocs (the baseline) against briefgen's site step.

    python benchmarks/bench_site.py [--topics 1000] [--articles 2] [--work DIR]

Prints, side by side:
- the site step alone on the same docs (about 3 pages per topic): MkDocs' own path with a navigation
  listing every topic (the baseline: what a plain `mkdocs build` does), MkDocs' own path with
  briefgen's bounded navigation (home, 10 recent topics, archive, report), and briefgen's site step
  (bounded navigation and fast pages, see briefgen/fastpages.py);
- the whole `briefgen build` from a cold cache, then again after adding one article to one topic
  (warm cache), with the number of topics analysed;
- seconds per stage (wall clock);
- whether the incremental output is byte-identical to a clean build (`--no-cache`, same history), and
  how many files differ from a build with no history at all (only the "changed" note should).

The articles are generated here (random sentences from a fixed vocabulary, fixed seed): no third-party
text. Nothing is asserted; figures vary with the machine. Times are wall-clock seconds with, in
brackets, the CPU seconds of this process and its worker processes (the analysis runs on every core;
the site step is single-threaded, so its CPU seconds are its wall-clock time on an idle machine).
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from briefgen.config import Config
from briefgen.pipeline import build, source_date_epoch
from briefgen.site import build_site, nav
from briefgen.site import topic_rows as rows_of

PLACES = ["Avalon", "Brigg", "Corran", "Dunmore", "Elstow", "Farley", "Glenrock", "Harwick", "Ivybridge"]
NOUNS = ["harbour", "budget", "bridge", "school", "ferry", "clinic", "railway", "museum", "market", "park"]
VERBS = ["approved", "rejected", "delayed", "funded", "reviewed", "opened", "closed", "expanded"]
PEOPLE = ["Ana Ortiz", "Ben Carter", "Chloe Lind", "Dev Patel", "Eva Novak", "Finn Walsh"]


def sentence(rng: random.Random, place: str, noun: str) -> str:
    kind = rng.randrange(4)
    n = rng.randrange(2, 90)
    if kind == 0:
        return f"The {place} council {rng.choice(VERBS)} the {noun} plan on Monday by {n} votes."
    if kind == 1:
        who = rng.choice(PEOPLE)
        return f'"The {noun} will serve {n} thousand people," {who} said on Tuesday.'
    if kind == 2:
        return f"Officials in {place} said the {noun} would cost {n} million pounds over {n % 9 + 2} years."
    return f"Residents of {place} {rng.choice(VERBS)} a petition about the {rng.choice(NOUNS)} in March."


def write_corpus(folder: Path, topics: int, articles: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for t in range(topics):
        place, noun = PLACES[t % len(PLACES)], NOUNS[(t // len(PLACES)) % len(NOUNS)]
        topic = folder / f"topic-{t:04d}"
        topic.mkdir(parents=True)
        month, day = 1 + t % 12, 1 + t % 28
        for a in range(articles):
            body = " ".join(sentence(rng, place, noun) for _ in range(12))
            (topic / f"a{a}.md").write_text(
                f"---\ntitle: {place} {noun} plan {t}\noutlet: Outlet {a}\n"
                f"published: 2024-{month:02d}-{day:02d}\n"
                + (f"url: https://news{a}.example/{t}\n" if a % 2 else "")
                + f"---\n{body}\n",
                encoding="utf-8",
            )


class Time(float):
    """Wall-clock seconds, carrying the CPU seconds of this process and its workers (what the step costs
    on an idle machine: the site step is single-threaded, so on a busy machine its wall-clock time is
    mostly waiting)."""

    cpu: float = 0.0

    def __format__(self, spec: str) -> str:
        digits = "".join(c for c in spec.split(".")[0] if c.isdigit())
        width = int(digits or 0)
        return f"{float(self):.1f} ({self.cpu:.1f} cpu)".rjust(width)


def cpu_seconds() -> float:
    """CPU seconds of this process and of its finished child processes (`briefgen build -j`)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start, cpu = time.perf_counter(), cpu_seconds()
    value = fn(*args, **kwargs)
    elapsed = Time(time.perf_counter() - start)
    elapsed.cpu = cpu_seconds() - cpu
    return elapsed, value


def tree(folder: Path) -> dict[str, bytes]:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def differing(a: Path, b: Path) -> list[str]:
    ta, tb = tree(a), tree(b)
    return sorted(k for k in ta.keys() | tb.keys() if ta.get(k) != tb.get(k))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--topics", type=int, default=1000, help="number of synthetic topics [1000]")
    parser.add_argument("--articles", type=int, default=2, help="articles per topic [2]")
    parser.add_argument("--work", type=Path, help="work folder (default: a temporary folder, removed)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-site-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "articles"
    shutil.rmtree(corpus, ignore_errors=True)
    write_corpus(corpus, args.topics, args.articles)
    n_files = args.topics * args.articles
    print(f"{args.topics} topics, {n_files} articles in {corpus}")

    def cfg(name: str) -> Config:
        return Config(
            input_dir=corpus,
            docs_dir=work / name / "docs",
            site_dir=work / name / "site",
            cache_dir=work / name / "cache",
            mkdocs_config=work / "none.yml",
            templates_dir=work / "none",
        )

    for name in ("incr", "clean", "fresh"):
        shutil.rmtree(work / name, ignore_errors=True)
    incr = cfg("incr")
    cold, first = timed(build, incr, quiet=True)

    # The site step alone on the same docs: full navigation vs bounded navigation.
    rows = rows_of(first.briefs)
    full_nav = [
        {"Home": "index.md"},
        {"Topics": [{r.title: f"topics/{r.slug}.md"} for r in rows]},
        {"Build report": "report.md"},
    ]
    import os

    os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch(first.articles))
    docs = incr.docs_dir
    t_full, _ = timed(build_site, docs, work / "site-full", full_nav, "bench", None, fast=False)
    t_nav, _ = timed(build_site, docs, work / "site-nav", nav(rows), "bench", None, fast=False)
    t_ours, _ = timed(build_site, docs, work / "site-ours", nav(rows), "bench", None)
    pages = sum(1 for _ in (work / "site-ours").rglob("index.html"))

    # One new article in one topic, then: warm incremental build vs clean build with the same history.
    clean = cfg("clean")
    shutil.copytree(incr.cache_dir, clean.cache_dir)
    shutil.rmtree(clean.cache_dir / "analysis")
    (corpus / "topic-0003" / "new.md").write_text(
        "---\ntitle: Dunmore harbour plan update\noutlet: Outlet 9\npublished: 2024-12-30\n---\n"
        + " ".join(sentence(random.Random(99), "Dunmore", "harbour") for _ in range(10))
        + "\n",
        encoding="utf-8",
    )
    warm, second = timed(build, incr, quiet=True)
    full, clean_result = timed(build, clean, quiet=True, use_cache=False)
    fresh = cfg("fresh")  # no history; its analyses copied (they never change the output)
    shutil.copytree(incr.cache_dir / "analysis", fresh.cache_dir / "analysis")
    build(fresh, quiet=True)

    print()
    print(f"site step only (mkdocs build of the same docs, {pages} pages)")
    print(f"{'':<26}{'baseline: MkDocs,':>20}{'MkDocs pages,':>20}{'briefgen':>20}")
    print(f"{'':<26}{'full nav':>20}{'bounded nav':>20}{'site step':>20}")
    print(f"{'  seconds (cpu seconds)':<26}{t_full:>20.1f}{t_nav:>20.1f}{t_ours:>20.1f}")
    speed_up = f"{t_full.cpu / t_nav.cpu:>19.1f}x{t_full.cpu / t_ours.cpu:>19.1f}x"
    print(f"{'  speed-up (cpu)':<26}{'1.0x':>20}{speed_up}")
    print()
    print(f"{'whole briefgen build':<50}{'seconds (cpu)':>20}{'topics analysed':>20}")
    print(f"{'  cold cache (first build)':<50}{cold:>20.1f}{first.analysed:>20}")
    print(f"{'  after one new article, warm cache (incremental)':<50}{warm:>20.1f}{second.analysed:>20}")
    print(f"{'  after one new article, --no-cache (clean)':<50}{full:>20.1f}{len(second.topics):>20}")
    print()
    stages = list(first.timings)
    print(f"{'seconds per stage':<34}" + "".join(f"{s:>16}" for s in stages))
    for label, result in (("  cold", first), ("  incremental", second), ("  --no-cache", clean_result)):
        print(f"{label:<34}" + "".join(f"{result.timings.get(s, 0):>16.1f}" for s in stages))
    print(f"incremental build reused the Markdown conversion of {second.pages_reused} pages")
    print()
    docs_diff = differing(incr.docs_dir, clean.docs_dir)
    site_diff = differing(incr.site_dir, clean.site_dir)
    print(
        f"incremental vs clean build (same history): {len(docs_diff)} docs files"
        f" and {len(site_diff)} site files differ"
    )
    fresh_diff = differing(incr.docs_dir, fresh.docs_dir)
    print(f"incremental vs build without any history: {len(fresh_diff)} docs files differ: {fresh_diff[:5]}")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
