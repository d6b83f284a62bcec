"""Time and peak memory of a hostile build, side by side with a clean build of the seeds.

    python benchmarks/bench_hostile.py [--tiny N] [--huge-mb M] [--site]

Builds, in a temporary folder: the test suite's hostile corpus (tests/hostile.py: binary, invalid
UTF-8, UTF-16, entity bombs, YAML tags, symlink loops, RTL text...), N tiny files (default 20,000,
a few words each) and one file of a single M MB line (default 50) read under a raised
`max_file_bytes` so that the article limits, not the file limit, bound it. Each build runs
`briefgen build` in a subprocess; the figures are its wall time, CPU time and peak resident memory
(getrusage of the child). Figures only: nothing here fails on a time.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile import make_hostile_corpus  # noqa: E402


def run_build(input_dir: Path, out: Path, config: Path | None, site: bool) -> tuple[float, float, float, int]:
    """(wall s, cpu s, peak MB, exit code) of one `briefgen build` in a fresh process."""
    args = [sys.executable, "-c", "from briefgen.cli import main; main()", "build", str(input_dir),
            "--docs-dir", str(out / "docs"), "--site-dir", str(out / "site"),
            "--cache-dir", str(out / "cache"), "-q"]  # fmt: skip
    if config:
        args += ["--config", str(config)]
    if not site:
        args.append("--no-site")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=out)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiny", type=int, default=20_000, help="Number of tiny files [20000].")
    parser.add_argument("--huge-mb", type=int, default=50, help="Size of the single-line file in MB [50].")
    parser.add_argument("--site", action="store_true", help="Also build the MkDocs site.")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        root = Path(tmp)
        (root / "outside.txt").write_text("outside\n")
        seeds = root / "seeds"
        shutil.copytree(ROOT / "seeds", seeds)
        hostile = root / "hostile"
        make_hostile_corpus(hostile, (root / "outside.txt").resolve())
        shutil.copytree(seeds, hostile / "seeds")
        for i in range(opts.tiny):
            folder = hostile / "tiny" / f"{i // 1000:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"t{i:05d}.txt").write_text(f"note {i}\n")
        line = "the council approved the budget on monday and the mayor said "
        with (hostile / "huge.txt").open("w") as f:
            for _ in range(opts.huge_mb * 1_000_000 // len(line) + 1):
                f.write(line)
        config = root / "briefgen.yml"
        config.write_text(f"limits:\n  max_file_bytes: {(opts.huge_mb + 1) * 1_000_000}\n")
        print(f"{'build':<44} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'exit':>5}")
        for name, folder, cfg in (
            ("seeds (baseline)", seeds, None),
            (f"hostile + {opts.tiny:,} tiny + {opts.huge_mb} MB line", hostile, config),
        ):
            out = root / ("out-" + folder.name)
            out.mkdir()
            wall, cpu, peak, code = run_build(folder, out, cfg, opts.site)
            print(f"{name:<44} {wall:>8.1f} {cpu:>8.1f} {peak:>8.0f} {code:>5}")


if __name__ == "__main__":
    main()
