"""Speed and memory of the consensus summarizer against sumy's LexRank and TextRank.

    python benchmarks/bench_summarize.py [--sizes 100,500,1000,2500,5000] [--algorithms ...] [--cli 2500]

For each input size (in sentences) every algorithm summarizes the same sentences (100 words) in a
fresh process, which reports wall time, CPU time and the peak memory the summarizer added (growth of
the process's maximum resident set over the level after the input was built). Rows show each
algorithm's figures and its time relative to consensus, side by side.

`--cli N` also times the command lines `briefgen summarize FILES --words 100` and
`briefgen summarize FILES --words 100 --algorithm lexrank` on the same N-sentence input written as
article files to a temporary folder (the issue's check: at least 100 times faster), each in a fresh
process, CPU time being user + system time of the whole command (start-up and imports included;
consensus: the median of three runs).
`--algorithm lexrank` runs sumy's own `LexRankSummarizer`, the issue's baseline; the last row runs
the same command with briefgen's `lexrank-fast` (the bit-identical, faster LexRank the briefs use for
per-article summaries) in its place, for reference.
`--compare-src DIR` adds the consensus command of another briefgen source tree (e.g. an older commit
unpacked with `git archive`), run by this Python, for before/after figures from one run.

Input: article text is taken from BRIEFGEN_DATA (a folder of `.txt` articles, searched recursively,
e.g. a cluster dataset) when set, else from the repository's `seeds/`; it is replicated with
deterministic word-level perturbations when more sentences are needed. Nothing is written into the
repository. Timings are figures to read, never pass/fail.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_SENTENCES = 40
WORDS = 100


def source_texts() -> list[list[str]]:
    """Sentences of each source article, through briefgen's reader, cleaner and splitter."""
    from briefgen.pipeline import read_articles
    from briefgen.reading.split import split_article

    data = os.environ.get("BRIEFGEN_DATA")
    folder = Path(data) if data else ROOT / "seeds"
    paths = sorted(p for p in folder.rglob("*.txt") if "refs" not in p.parts)
    articles, _ = read_articles(paths)
    return [[s.text for s in split_article(a)] for a in articles if a.text.strip()]


def perturb(sentence: str, rng: random.Random, vocabulary: list[str]) -> str:
    """The sentence with a few words replaced, so copies are near-duplicates, not identical."""
    words = sentence.split()
    for _ in range(max(1, len(words) // 8)):
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    return " ".join(words)


def make_articles(n_sentences: int) -> list[list[str]]:
    """Articles (lists of sentences) with `n_sentences` in total, deterministic for a given size."""
    sources = [s for s in source_texts() if s]
    vocabulary = sorted({w for article in sources for s in article for w in s.split() if w.isalpha()})
    rng = random.Random(n_sentences)
    articles: list[list[str]] = []
    total, copy = 0, 0
    while total < n_sentences:
        for article in sources:
            for start in range(0, len(article), ARTICLE_SENTENCES):
                chunk = article[start : start + ARTICLE_SENTENCES][: n_sentences - total]
                if copy:
                    chunk = [perturb(s, rng, vocabulary) for s in chunk]
                articles.append(chunk)
                total += len(chunk)
                if total >= n_sentences:
                    return articles
        copy += 1
    return articles


def to_sentences(articles: list[list[str]]) -> list:
    from briefgen.models import Sentence

    out = []
    for a, article in enumerate(articles):
        offset = 0
        for i, text in enumerate(article):
            out.append(Sentence(f"a{a:04d}", i, offset, offset + len(text), text, i))
            offset += len(text) + 1
    return out


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(algorithm: str, n_sentences: int) -> None:
    """One measurement in this fresh process; prints JSON."""
    from briefgen.summarize import summarize

    sentences = to_sentences(make_articles(n_sentences))
    groups = {s.article: s.article for s in sentences}
    if algorithm == "consensus":
        from briefgen.text import stem

        stem.cache_clear()  # no head start from building the input
    else:
        import briefgen.summarize.sumy_adapter  # noqa: F401  (imports are not the summarizer's time)
    base = max_rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    ranked = summarize(sentences, words=WORDS, algorithm=algorithm, groups=groups)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        json.dumps(
            {
                "sentences": len(sentences),
                "wall": wall,
                "cpu": cpu,
                "mem_mb": max_rss_mb() - base,
                "chosen": len(ranked),
            }
        )
    )


def measure(algorithm: str, n_sentences: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", algorithm, str(n_sentences)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


# Runs a command and prints its wall time and rusage. Started from a bare interpreter (no site, ~10
# MB): Linux counts a child's memory before exec in its peak, so a command forked from this
# benchmark (which holds the input, ~150 MB) would report the benchmark's size as its own.
LAUNCHER = """
import json, os, sys, time
start = time.perf_counter()
quiet = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=quiet)
_, status, usage = os.wait4(pid, 0)
print(json.dumps([time.perf_counter() - start, status, usage.ru_utime + usage.ru_stime, usage.ru_maxrss]))
"""


def run_cli(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one `briefgen` command (its own figures)."""
    out = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, *args], capture_output=True, text=True)
    wall, status, cpu, maxrss = json.loads(out.stdout)
    if status or out.returncode:
        raise SystemExit(f"{' '.join(args[:3])}... failed with status {status}: {out.stderr[-500:]}")
    return wall, cpu, maxrss / 1024


# `briefgen ...` with briefgen's bit-identical faster LexRank in place of sumy's own class.
FAST_LEXRANK = (
    "from briefgen.summarize import sumy_adapter\n"
    "sumy_adapter.SUMY_ALGORITHMS['lexrank'] = sumy_adapter.LexRank\n"
    "from briefgen.cli import main\n"
    "main()\n"
)


def from_source(src: str) -> str:
    """`python -c` code that runs the briefgen command line of the source tree `src`."""
    return f"import sys\nsys.path.insert(0, {src!r})\nfrom briefgen.cli import main\nmain()\n"


def cli_check(n_sentences: int, compare_src: str = "") -> None:
    articles = make_articles(n_sentences)
    briefgen = str(Path(sys.executable).parent / "briefgen")
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for a, article in enumerate(articles):
            path = Path(tmp) / f"article{a:04d}.txt"
            path.write_text("\n\n".join(article) + "\n", encoding="utf-8")
            files.append(str(path))
        from briefgen.pipeline import read_articles
        from briefgen.reading.split import split_article

        read, _ = read_articles([Path(f) for f in files])
        count = sum(len(split_article(a)) for a in read)
        print(f"\nCLI check: {len(files)} article files, {count:,} sentences after reading and splitting")
        print(f"{'command':<72}{'wall s':>9}{'cpu s':>9}{'peak MB':>9}{'CPU ratio':>11}")
        command = ["summarize", *files, "--words", str(WORDS)]
        lexrank = ["--algorithm", "lexrank"]
        fast = [sys.executable, "-c", FAST_LEXRANK, *command, *lexrank]
        runs: tuple[tuple[str, list[str]], ...] = (
            ("briefgen summarize FILES --words 100", [briefgen, *command]),
            ("briefgen summarize FILES --words 100 --algorithm lexrank", [briefgen, *command, *lexrank]),
            ("  the same with briefgen's lexrank-fast (same ratings)", fast),
        )
        if compare_src:
            other = [sys.executable, "-c", from_source(compare_src), *command]
            runs = (*runs[:1], (f"  the same from {compare_src}", other), *runs[1:])
        base = 0.0
        for shown, args in runs:
            # Consensus commands are run three times and the median shown: a busy machine's noise is
            # a large part of a second, not of a minute.
            repeat = 1 if "lexrank" in args else 3
            tries = sorted((run_cli(args) for _ in range(repeat)), key=lambda r: r[1])
            wall, cpu, mem = tries[len(tries) // 2]
            base = base or cpu
            print(f"{shown:<72}{wall:>9.2f}{cpu:>9.2f}{mem:>9.0f}{cpu / base:>10.0f}x")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100,500,1000,2500,5000", help="Input sizes in sentences.")
    parser.add_argument(
        "--algorithms", default="consensus,lexrank,textrank", help="Algorithms; the first is the base."
    )
    parser.add_argument(
        "--sumy-max",
        type=int,
        default=0,
        help="Skip sumy above N sentences (0: never skip; sumy is quadratic).",
    )
    parser.add_argument("--cli", type=int, default=0, help="Also time the CLI on an input of N sentences.")
    parser.add_argument(
        "--compare-src", default="", help="Also time the consensus command of this briefgen source tree."
    )
    parser.add_argument("--worker", nargs=2, metavar=("ALGORITHM", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], int(args.worker[1]))
        return
    algorithms = [a for a in args.algorithms.split(",") if a]
    sizes = [int(s) for s in args.sizes.split(",") if s]
    source = os.environ.get("BRIEFGEN_DATA") or "seeds/"
    print(f"input text: {source}; {WORDS}-word summaries; each cell: wall s / CPU s / peak MB added")
    header = f"{'sentences':>9}" + "".join(f"{a:>26}" for a in algorithms)
    header += "".join(f"{a + '/' + algorithms[0] + ' wall, CPU':>32}" for a in algorithms[1:])
    print(header)
    for n in sizes:
        skip = args.sumy_max and n > args.sumy_max
        results = {a: measure(a, n) for a in algorithms if a == "consensus" or not skip}
        base = results[algorithms[0]]
        row = f"{n:>9}"
        for a in algorithms:
            r = results.get(a)
            row += f"{r['wall']:>10.3f} /{r['cpu']:>7.3f} /{r['mem_mb']:>5.0f}" if r else f"{'(skipped)':>26}"
        for a in algorithms[1:]:
            if a not in results:
                row += f"{'':>32}"
                continue
            wall = results[a]["wall"] / max(base["wall"], 1e-9)
            cpu = results[a]["cpu"] / max(base["cpu"], 1e-9)
            row += f"{wall:>24.0f}x, {cpu:>4.0f}x"
        print(row, flush=True)
    if args.cli:
        cli_check(args.cli, args.compare_src)


if __name__ == "__main__":
    main()
