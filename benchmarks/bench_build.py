"""The whole `briefgen build --no-site` on N synthetic topics, per stage, serial vs parallel analysis.

    python benchmarks/bench_build.py [--topics 1000] [--articles 2] [--jobs N] [--work DIR]
                                     [--baseline-code DIR] [--no-serial]

Each variant is a cold build (`use_cache=False`, no site) of the same generated input, run in its
own process:
- `serial`: this checkout with `jobs=1` (topics analysed one after the other in one process);
- `parallel`: this checkout with `jobs=N` (default: one worker per CPU core);
- `baseline` (with `--baseline-code DIR`): the briefgen package found in DIR (e.g. an older commit
  exported with `git archive`), run as it is, to print before/after side by side.

Prints wall-clock and CPU seconds per stage (CPU of the build process plus its worker processes; an
older checkout may not report CPU per stage), the CPU seconds of the build process and of its worker
processes, then whether every variant wrote byte-identical `docs/`. The input comes from
`bench_site.write_corpus` (random sentences from a fixed vocabulary, fixed seed: no third-party text).
Nothing is asserted; figures vary with the machine and its load: on a busy machine a parallel
speed-up shows in CPU-bound wall time only when a core is free.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
    build_site=False,
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
    "cpu": time.process_time() - cpu,
    "workers_cpu": workers.ru_utime + workers.ru_stime,
}))
"""


def run_variant(code: Path, corpus: Path, work: Path, jobs: int | None, cache: bool) -> dict:
    """One build in a fresh interpreter importing briefgen from `code`."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    env = dict(os.environ, PYTHONPATH=str(code))
    payload = json.dumps({"work": str(work), "input": str(corpus), "jobs": jobs, "cache": cache})
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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--topics", type=int, default=1000, help="number of synthetic topics [1000]")
    parser.add_argument("--articles", type=int, default=2, help="articles per topic [2]")
    parser.add_argument("--jobs", type=int, default=0, help="parallel variant's workers [0: one per core]")
    parser.add_argument("--work", type=Path, help="work folder (default: a temporary folder, removed)")
    parser.add_argument(
        "--baseline-code", type=Path, help="folder holding an older `briefgen` package to compare with"
    )
    parser.add_argument("--no-serial", action="store_true", help="skip the serial variant")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-build-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "articles"
    shutil.rmtree(corpus, ignore_errors=True)
    write_corpus(corpus, args.topics, args.articles)
    print(f"{args.topics} topics, {args.topics * args.articles} articles in {corpus}; cold builds, no site")
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")

    here = Path(__file__).resolve().parent.parent
    variants: list[tuple[str, Path, int | None]] = []
    if args.baseline_code:
        variants.append(("baseline", args.baseline_code.resolve(), None))
    if not args.no_serial:
        variants.append(("serial", here, 1))
    variants.append(("parallel", here, args.jobs))

    results = {}
    for name, code, jobs in variants:
        results[name] = run_variant(code, corpus, work / name, jobs, cache=False)

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
    print(f"  {'worker processes':<26}" + "".join(f"{results[n]['workers_cpu']:>14.1f}" for n in names))
    print(f"  {'topics analysed':<26}" + "".join(f"{results[n]['analysed']:>14}" for n in names))
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for k, first in enumerate(names):
        for other in names[k + 1 :]:
            diff = differing(work / first / "docs", work / other / "docs")
            print(f"docs/ of {other} vs {first}: {len(diff)} files differ {diff[:5] if diff else ''}")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
