"""Benchmark: the brief's sections on one 50-article topic, built by perturbing the seed articles.

    python benchmarks/bench_sections.py [--articles 50] [--repeat 3]

Each synthetic article is a seed article with its paragraphs rotated and shuffled, some numbers
changed and a fresh id, so syndication, quotes, disputes and the timeline all have work to do.
Prints the time of each section's extractor (best of --repeat runs; wall and CPU seconds, user+sys
of this process) and their total next to the target (1 second for 50 articles), plus the whole
analysis (summary included) for reference. The quotes line is also checked against its own target
(0.3 CPU seconds for 50 articles; it includes the person registry, built by the first section that
asks for it).
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefgen.analyze import analyze, build_context, consensus_summary
from briefgen.models import Article, Topic
from briefgen.reading.article import to_article
from briefgen.reading.files import read_path
from briefgen.sections import context, coverage, decisions, disputes, entities, framing, quotes, timeline

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 1.0
QUOTES_TARGET_CPU_SECONDS = 0.3


def synthetic_topic(n: int, seed: int = 4) -> Topic:
    rng = random.Random(seed)
    seeds = [to_article(read_path(p)[0]) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    articles = []
    for i in range(n):
        base = seeds[i % len(seeds)]
        paragraphs = [p for p in base.text.split("\n\n") if p.strip()]
        head, rest = paragraphs[:1], paragraphs[1:]
        rng.shuffle(rest)
        text = "\n\n".join(head + rest)
        if i % 3 == 1:  # a report that gives other figures
            text = re.sub(r"\b50,000\b", f"{rng.choice([45, 54, 60])},000", text)
        articles.append(
            Article(
                id=f"{i:03d}_{base.id}",
                path=f"{i:03d}.txt",
                text=text,
                title=base.title,
                outlet=f"{base.outlet or 'Outlet'} {i % 17}",
                published=base.published,
            )
        )
    return Topic(slug="bench", title="bench", articles=tuple(articles))


def best_of(repeat: int, fn: Callable[[], Any]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50, help="articles in the topic")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (the best is shown)")
    args = parser.parse_args()
    topic = synthetic_topic(args.articles)
    words = sum(len(a.text.split()) for a in topic.articles)
    print(f"topic: {len(topic.articles)} articles, {words} words")

    def sections() -> None:
        ctx = build_context(topic)  # split + syndication groups are earlier stages: timed apart below
        _ = ctx.all_sentences
        start = time.perf_counter()
        summary = consensus_summary(ctx, 150)
        timings["summary (reference)"] = time.perf_counter() - start
        for name, run in (
            ("quotes", lambda: quotes.extract(ctx)),
            ("decisions", lambda: decisions.extract(ctx)),
            ("disputes", lambda: disputes.extract(ctx)),
            ("context", lambda: context.extract(ctx)),
            ("timeline", lambda: timeline.extract(ctx)),
            ("entities", lambda: entities.extract(ctx)),
            ("framing", lambda: framing.extract(ctx)),
            ("coverage", lambda: coverage.matrix(ctx, summary)),
        ):
            start, cpu = time.perf_counter(), time.process_time()
            run()
            timings[name] = time.perf_counter() - start
            cpu_timings[name] = time.process_time() - cpu

    best: dict[str, float] = {}
    best_cpu: dict[str, float] = {}
    for _ in range(args.repeat):
        timings: dict[str, float] = {}
        cpu_timings: dict[str, float] = {}
        sections()
        for name, seconds in timings.items():
            best[name] = min(best.get(name, float("inf")), seconds)
        for name, seconds in cpu_timings.items():
            best_cpu[name] = min(best_cpu.get(name, float("inf")), seconds)
    total = sum(v for k, v in best.items() if k != "summary (reference)")
    for name, seconds in best.items():
        cpu = f"{best_cpu[name] * 1000:8.1f} ms CPU" if name in best_cpu else ""
        print(f"  {name:<22} {seconds * 1000:8.1f} ms {cpu}")
    quotes_cpu = best_cpu["quotes"]
    verdict = "within" if quotes_cpu < QUOTES_TARGET_CPU_SECONDS else "OVER"
    print(f"quotes: {quotes_cpu:.3f} CPU s   target: {QUOTES_TARGET_CPU_SECONDS:.3f} s   ({verdict})")
    verdict = "within" if total < TARGET_SECONDS else "OVER"
    print(f"sections total: {total:.3f} s   target: {TARGET_SECONDS:.3f} s   ({verdict})")
    whole = best_of(args.repeat, lambda: analyze(topic))
    print(f"whole analysis (split, syndication, summaries, sections): {whole:.3f} s")


if __name__ == "__main__":
    main()
