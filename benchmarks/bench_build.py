"""The whole `briefgen build` on N topics, per stage: this checkout (serial, parallel) against a baseline.

    python benchmarks/bench_build.py [--topics 1000] [--articles 2] [--jobs N] [--work DIR]
                                     [--data DIR | --generated] [--baseline-code DIR] [--no-serial]
                                     [--site] [--no-incremental]

Input: real-length news text when a data folder is found (`--data DIR`, else $BRIEFGEN_DATA, else
`../shared/data` beside the repository): its articles (`*/docs/*.txt` of each cluster, and the `.txt`
files of `event-piles-dev/*/`), a fixed-seed sample of N of them, each cut into two halves at the
paragraph nearest the middle; the two halves of an article are one topic (a sub-folder), so a topic is
two real-length articles that share their subject. The text stays in the temporary work folder. Without
data (or with `--generated`), generated text (`bench_site.write_corpus`: random sentences from a fixed
vocabulary, fixed seed).

Each variant is a cold build (`use_cache=False`, no site unless `--site`) of the same input, run in its
own process:
- `serial`: this checkout with `jobs=1` (topics analysed one after the other in one process);
- `parallel`: this checkout with `jobs=N` (default: one worker per CPU core);
- `baseline` (with `--baseline-code DIR`): the briefgen package found in DIR (e.g. an older commit
  exported with `git archive`), run as it is, to print before/after side by side.

Prints wall-clock and CPU seconds per stage (CPU of the build process plus its worker processes; an
older checkout may not report CPU per stage), the CPU seconds of the build process and of its worker
processes, then whether every variant wrote byte-identical `docs/`.
Then (unless `--no-incremental`) every variant rebuilds with its cache (`use_cache=True`) with nothing
changed (what the unchanged articles cost, start-up included), then one new article is added to topic 0
and every variant rebuilds again: the figures of "one new article, warm cache", with the number of
input files read again (this checkout reads only the new one) and of topics analysed; then the share
of that rebuild spent on the unchanged articles (that rebuild less the same rebuild of a site of one
topic, with the same new article; `--repeat` rounds, each round every variant's two rebuilds one after
the other, another file name each round; the runs of least CPU compared, and the range of each round's
share printed beside). With `--site` the builds include the site, and a plain `mkdocs build` of the
parallel variant's `docs/` (briefgen's plugin listed in the mkdocs.yml) is timed against briefgen's own
site step and compared byte for byte. Nothing is asserted; figures vary with the machine and its load:
on a busy machine a parallel speed-up shows in CPU-bound wall time only when a core is free.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from bench_site import differing, write_corpus  # noqa: E402

CHILD = """
import json, os, resource, sys, time
from pathlib import Path
from briefgen.config import Config
from briefgen.pipeline import build

args = json.loads(sys.argv[1])
work = Path(args["work"])
config = Config(
    input_dir=Path(args["input"]),
    docs_dir=work / "docs",
    site_dir=work / "site",
    cache_dir=work / "cache",
    mkdocs_config=work / "none.yml",
    templates_dir=work / "none",
    build_site=args["site"],
)
if args["jobs"] is not None:
    config = config.replace(jobs=args["jobs"])
cpu = time.process_time()
result = build(config, quiet=True, use_cache=args["cache"])
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "timings": result.timings,
    "cpu_timings": getattr(result, "cpu_timings", {}),
    "analysed": result.analysed,
    "files_read": getattr(result, "files_read", None),
    "cpu": time.process_time() - cpu,
    "process_cpu": time.process_time(),
    "workers_cpu": workers.ru_utime + workers.ru_stime,
    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def run_variant(
    code: Path,
    corpus: Path,
    work: Path,
    jobs: int | None,
    cache: bool,
    site: bool = False,
    fresh: bool = True,
) -> dict:
    """One build in a fresh interpreter importing briefgen from `code` (`fresh`: in an empty folder)."""
    if fresh:
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(code))
    payload = json.dumps(
        {"work": str(work), "input": str(corpus), "jobs": jobs, "cache": cache, "site": site}
    )
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, payload],
        env=env,
        cwd=work,  # not this checkout: `python -c` imports from the current folder first
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["wall"] = time.perf_counter() - start
    return figures


REPO = Path(__file__).resolve().parent.parent


def data_folder(given: Path | None) -> Path | None:
    """The data folder to take real articles from: `given`, else $BRIEFGEN_DATA, else ../shared/data."""
    for candidate in (given, os.environ.get("BRIEFGEN_DATA"), REPO.parent / "shared" / "data"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def real_articles(data: Path) -> list[Path]:
    """The article files of every corpus under `data` (or of the corpus `data` is), sorted."""
    found = set(data.glob("**/docs/*.txt"))
    for piles in [data] if data.name == "event-piles-dev" else list(data.glob("event-piles-dev")):
        found.update(piles.glob("*/*.txt"))
    return sorted(found)


def halves(text: str) -> tuple[str, str] | None:
    """`text` cut in two at the paragraph start (a line after a blank line, or an indented line) nearest
    the middle of its words; at the sentence end nearest the middle when it is one paragraph."""
    lines = text.splitlines(keepends=True)
    total = len(text.split())
    if total < 40:
        return None
    best, best_gap, words = None, total, 0
    for i, line in enumerate(lines):
        if i and (not lines[i - 1].strip() or line[:1] in " \t") and line.strip():
            gap = abs(words - total / 2)
            if gap < best_gap and total / 5 < words < total * 4 / 5:
                best, best_gap = i, gap
        words += len(line.split())
    if best is not None:
        return "".join(lines[:best]), "".join(lines[best:])
    middle = len(text) // 2
    ends = [i + 2 for i in range(len(text) - 2) if text[i] in ".!?" and text[i + 1] == " "]
    if not ends:
        return None
    cut = min(ends, key=lambda i: abs(i - middle))
    return text[:cut], text[cut:]


def write_real_corpus(folder: Path, data: Path, topics: int, seed: int = 7) -> tuple[int, str]:
    """`topics` sub-folders, each the two halves of one real article (a fixed-seed sample); returns how
    many topics were written (fewer when the data has fewer usable articles) and the first half of the
    next article (the "one new article" of the warm rebuild)."""
    files = real_articles(data)
    random.Random(seed).shuffle(files)
    written, spare = 0, ""
    for path in files:
        cut = halves(path.read_text(encoding="utf-8", errors="replace"))
        if cut is None:
            continue
        if written == topics:
            spare = cut[0].strip() + "\n"
            break
        topic = folder / f"topic-{written:04d}"
        topic.mkdir(parents=True)
        for n, half in enumerate(cut):
            (topic / f"a{n}.txt").write_text(half.strip() + "\n", encoding="utf-8")
        written += 1
    return written, spare


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--topics", type=int, default=1000, help="number of topics [1000]")
    parser.add_argument("--articles", type=int, default=2, help="articles per generated topic [2]")
    parser.add_argument(
        "--data", type=Path, help="data folder of real articles [$BRIEFGEN_DATA, ../shared/data]"
    )
    parser.add_argument("--generated", action="store_true", help="generated text even when data is found")
    parser.add_argument("--jobs", type=int, default=0, help="parallel variant's workers [0: one per core]")
    parser.add_argument("--work", type=Path, help="work folder (default: a temporary folder, removed)")
    parser.add_argument(
        "--baseline-code", type=Path, help="folder holding an older `briefgen` package to compare with"
    )
    parser.add_argument("--no-serial", action="store_true", help="skip the serial variant")
    parser.add_argument("--site", action="store_true", help="build the site too; time `mkdocs build` on it")
    parser.add_argument(
        "--no-incremental", action="store_true", help="skip the rebuild after one new article"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="rounds of rebuilds after one new article, the least CPU kept [5]",
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-build-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "articles"
    shutil.rmtree(corpus, ignore_errors=True)
    data = None if args.generated else data_folder(args.data)
    if data is not None:
        topics, spare = write_real_corpus(corpus, data, args.topics)
        kind = f"real articles of {data} cut into halves"
        count = 2 * topics
    else:
        write_corpus(corpus, args.topics, args.articles)
        topics, kind, count = args.topics, "generated text", args.topics * args.articles
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.rglob("*.*"))
    site = "with the site" if args.site else "no site"
    print(
        f"{topics} topics, {count} articles ({kind}; {words / count:.0f} words each on average) in {corpus}"
    )
    print(f"cold builds, {site}")
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")

    here = REPO
    variants: list[tuple[str, Path, int | None]] = []
    if args.baseline_code:
        variants.append(("baseline", args.baseline_code.resolve(), None))
    if not args.no_serial:
        variants.append(("serial", here, 1))
    variants.append(("parallel", here, args.jobs))

    results = {}
    for name, code, jobs in variants:
        results[name] = run_variant(code, corpus, work / name, jobs, cache=False, site=args.site)
    report(results, work)
    if args.site:
        mkdocs_vs_briefgen(work / "parallel", results["parallel"])

    if not args.no_incremental:
        for label in ("first rebuild after the cold build", "again: what every later one costs"):
            # The first rebuild has no earlier site to build over (briefgen keeps the site before the
            # previous one): it builds every page. From the second on, only what changed is built.
            print(f"\nnothing changed, rebuild with the cache ({label})")
            same = {
                name: run_variant(code, corpus, work / name, jobs, cache=True, site=args.site, fresh=False)
                for name, code, jobs in variants
            }
            report(same, work)
        new = corpus / "topic-0000" / "a-new.md"
        if data is not None and spare:
            new.write_text(spare, encoding="utf-8")  # half of an article not used above
        else:
            extra = work / "extra"
            shutil.rmtree(extra, ignore_errors=True)
            write_corpus(extra, 1, 1, seed=99)
            shutil.copyfile(extra / "topic-0000" / "a0.md", new)
        print(
            f"\none new article ({new.relative_to(corpus)}), rebuild with the cache of the cold build above"
        )
        again = {
            name: run_variant(code, corpus, work / name, jobs, cache=True, site=args.site, fresh=False)
            for name, code, jobs in variants
        }
        report(again, work)
        kept = work / new.name
        shutil.copyfile(new, kept)
        new.unlink(missing_ok=True)
        unchanged_share(variants, corpus, work, same, args.site, kept, args.repeat)

    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


def cpu(r: dict) -> float:
    """CPU seconds of a build's whole process (start-up included) and of its worker processes."""
    return float(r.get("process_cpu", r["cpu"]) + r["workers_cpu"])


def inside(r: dict) -> float:
    """CPU seconds of `build()` itself and of its worker processes: no start-up, no imports."""
    return float(r["cpu"] + r["workers_cpu"])


def remove_new(topic: Path, stem: str) -> None:
    for old in topic.glob(f"{stem}*"):
        old.unlink()


def new_article_rebuild(
    code: Path, corpus: Path, work: Path, jobs: int | None, site: bool, article: Path, n: int
) -> dict:
    """The rebuild after one new article: a copy of `article` in topic 0, named for round `n`
    (`a-new-2.md`, ...), so that it is new to every cache (reading, topic registry, analysis, pages),
    where the same file added back could find its topic analysed. Before it, the new article of the
    round before is removed and the site rebuilt twice without it (neither the live site nor the spare
    briefgen builds over has it), as before the first new-article rebuild."""
    topic = corpus / "topic-0000"
    remove_new(topic, article.stem)
    for _ in range(2):
        run_variant(code, corpus, work, jobs, cache=True, site=site, fresh=False)
    shutil.copyfile(article, topic / f"{article.stem}-{n}{article.suffix}")
    return run_variant(code, corpus, work, jobs, cache=True, site=site, fresh=False)


def unchanged_share(
    variants: list[tuple[str, Path, int | None]],
    corpus: Path,
    work: Path,
    same: dict[str, dict],
    site: bool,
    new_article: Path,
    times: int,
) -> None:
    """How much of the rebuild after one new article is spent on the unchanged articles: that rebuild
    less the same rebuild (the same new article) of a site of one topic, whose cost is the new article
    and what a rebuild costs whatever the number of topics (start-up, configuration, theme).

    The load of a shared machine only ever adds time, and it comes and goes: the two rebuilds are made
    in the same loop, `times` rounds, each round every variant's rebuild of all topics then of one
    topic, one after the other; the share is that of the least CPU of each (the runs least disturbed),
    printed with the range of the shares of each round's pair, so how far the verdict can be trusted
    shows next to it."""
    one = work / "one-topic"
    shutil.rmtree(one, ignore_errors=True)
    shutil.copytree(corpus / "topic-0000", one / "topic-0000")
    remove_new(one / "topic-0000", new_article.stem)
    fixed_same = {}
    for name, code, jobs in variants:
        run_variant(code, one, work / f"{name}-one", jobs, cache=True, site=site)
        for _ in range(2):  # as above: the first rebuild, then one that has an earlier site to build over
            fixed_same[name] = run_variant(
                code, one, work / f"{name}-one", jobs, cache=True, site=site, fresh=False
            )
    tries: dict[str, list[dict]] = {name: [] for name, _, _ in variants}
    fixed_tries: dict[str, list[dict]] = {name: [] for name, _, _ in variants}
    for n in range(2, times + 2):
        for name, code, jobs in variants:
            tries[name].append(new_article_rebuild(code, corpus, work / name, jobs, site, new_article, n))
            fixed_tries[name].append(
                new_article_rebuild(code, one, work / f"{name}-one", jobs, site, new_article, n)
            )
    remove_new(corpus / "topic-0000", new_article.stem)
    # The least CPU and, on their own, the least wall time of the runs.
    again = {n: {**min(runs, key=cpu), "wall": min(r["wall"] for r in runs)} for n, runs in tries.items()}
    fixed = {
        n: {**min(runs, key=cpu), "wall": min(r["wall"] for r in runs)} for n, runs in fixed_tries.items()
    }
    names = [name for name, _, _ in variants]
    print(f"\none new article, {times} rounds (another file name each round), CPU of each:")
    for name in names:
        print(
            f"  {name:<12} all topics {' '.join(f'{cpu(r):.2f}' for r in tries[name])}; "
            f"one topic {' '.join(f'{cpu(r):.2f}' for r in fixed_tries[name])}"
        )
    print(
        "\none new article (the least of the runs): the time on the unchanged articles is that rebuild less"
    )
    print("the same rebuild of a site of one topic (the new article, start-up, configuration and theme:")
    print("what does not grow with the number of topics)")
    print(f"{'':<40}" + "".join(f"{n:>14}" for n in names))

    rows = [
        ("one new article, wall", lambda n: again[n]["wall"]),
        ("  cpu (start-up and workers incl.)", lambda n: cpu(again[n])),
        ("same, site of one topic, wall", lambda n: fixed[n]["wall"]),
        ("  cpu", lambda n: cpu(fixed[n])),
        ("on the unchanged articles, wall", lambda n: again[n]["wall"] - fixed[n]["wall"]),
        ("  cpu", lambda n: cpu(again[n]) - cpu(fixed[n])),
        ("  cpu in the build (start-up left out)", lambda n: inside(again[n]) - inside(fixed[n])),
        ("(nothing changed, cpu: all topics", lambda n: cpu(same[n])),
        (" one topic)", lambda n: cpu(fixed_same[n])),
    ]
    for label, value in rows:
        print(f"  {label:<38}" + "".join(f"{value(n):>14.2f}" for n in names))

    def share(measure: Any, big: dict, small: dict) -> float:
        return (measure(big) - measure(small)) / measure(big) if measure(big) else 0.0

    def spread(measure: Any, n: str) -> str:
        pairs = sorted(share(measure, a, b) for a, b in zip(tries[n], fixed_tries[n], strict=True))
        return f"{pairs[0]:.0%}..{pairs[-1]:.0%}"

    shares = [share(cpu, again[n], fixed[n]) for n in names]
    walls = [share(lambda r: r["wall"], again[n], fixed[n]) for n in names]
    builds = [share(inside, again[n], fixed[n]) for n in names]
    print(f"  {'share on the unchanged articles, cpu':<38}" + "".join(f"{x:>13.0%} " for x in shares))
    print(f"  {'  each round':<38}" + "".join(f"{spread(cpu, n):>14}" for n in names))
    print(f"  {'share on the unchanged articles, wall':<38}" + "".join(f"{x:>13.0%} " for x in walls))
    print(f"  {'  of the build (start-up left out)':<38}" + "".join(f"{x:>13.0%} " for x in builds))
    print(f"  {'  each round':<38}" + "".join(f"{spread(inside, n):>14}" for n in names))
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


def report(results: dict[str, dict], work: Path) -> None:
    names = list(results)
    stages = list(dict.fromkeys(s for r in results.values() for s in r["timings"]))
    print()
    print(f"{'seconds (wall clock)':<28}" + "".join(f"{n:>14}" for n in names))
    for stage in stages:
        print(f"  {stage:<26}" + "".join(f"{results[n]['timings'].get(stage, 0.0):>14.1f}" for n in names))
    print(f"  {'whole process':<26}" + "".join(f"{results[n]['wall']:>14.1f}" for n in names))
    print(f"{'cpu seconds (workers incl.)':<28}" + "".join(f"{'':>14}" for n in names))
    for stage in stages:
        cells = [results[n]["cpu_timings"].get(stage) for n in names]
        print(f"  {stage:<26}" + "".join(f"{c:>14.1f}" if c is not None else f"{'-':>14}" for c in cells))
    print(f"  {'build process':<26}" + "".join(f"{results[n]['cpu']:>14.1f}" for n in names))
    whole = [results[n].get("process_cpu", 0.0) for n in names]
    print(f"  {'  with start-up, imports':<26}" + "".join(f"{c:>14.1f}" for c in whole))
    print(f"  {'worker processes':<26}" + "".join(f"{results[n]['workers_cpu']:>14.1f}" for n in names))
    rss = [results[n].get("max_rss_mb") for n in names]
    print(f"  {'peak memory (MB)':<26}" + "".join(f"{r:>14.0f}" if r else f"{'-':>14}" for r in rss))
    print(f"  {'topics analysed':<26}" + "".join(f"{results[n]['analysed']:>14}" for n in names))
    read = [results[n].get("files_read") for n in names]
    print(f"  {'input files read':<26}" + "".join(f"{r if r is not None else '-':>14}" for r in read))
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for k, first in enumerate(names):
        for other in names[k + 1 :]:
            diff = differing(work / first / "docs", work / other / "docs")
            print(f"docs/ of {other} vs {first}: {len(diff)} files differ {diff[:5] if diff else ''}")


MKDOCS_CHILD = """
import json, sys, time
start = time.process_time()
from mkdocs.commands.build import build
from mkdocs.config import load_config
imported = time.process_time()
build(load_config(config_file=sys.argv[1], site_dir=sys.argv[2]))
done = time.process_time()
print(json.dumps({"imports": imported - start, "build": done - imported, "process": done}))
"""


def mkdocs_vs_briefgen(work: Path, figures: dict) -> None:
    """A plain `mkdocs build` of the docs/ briefgen wrote (briefgen's default mkdocs.yml, which lists
    its plugin), against briefgen's own site step; the two sites compared byte for byte.

    The plain command's time includes the interpreter's start-up and MkDocs' imports (about 0.7 CPU
    s), which briefgen's site step does not: the same build is also made twice in a process that
    times `load_config` and `build` alone (what the site step does), the lesser CPU printed."""
    import resource

    import yaml

    from briefgen.site import DEFAULT_MKDOCS

    config = work / "mkdocs.yml"
    config.write_text(yaml.safe_dump({**DEFAULT_MKDOCS, "site_name": "briefgen briefings"}), encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["PYTHONPATH"] = str(REPO)  # the plugin of this checkout, not of an installed briefgen
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(work / "mk-site")],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    diff = differing(work / "site", work / "mk-site")
    inside = []
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", MKDOCS_CHILD, str(config), str(work / "mk-site")],
            cwd=work,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        inside.append(json.loads(out.stdout.strip().splitlines()[-1]))
    best = min(inside, key=lambda r: r["build"])
    print(
        f"\nsite step: briefgen {figures['timings'].get('site', 0.0):.1f} s wall "
        f"({figures['cpu_timings'].get('site', 0.0):.1f} cpu); plain `mkdocs build` (whole process, "
        f"start-up included) {wall:.1f} s wall ({cpu:.1f} cpu); {len(diff)} files differ {diff[:5]}"
    )
    print(
        f"  the same build in a process (least of 2): load_config + build {best['build']:.1f} cpu "
        f"(imports {best['imports']:.1f}, whole process {best['process']:.1f}); against the site step: "
        f"{best['build'] / max(figures['cpu_timings'].get('site', 0.0), 1e-9) - 1:+.0%}"
    )


if __name__ == "__main__":
    main()
