"""List text of the evaluation data that was copied into the repository.

The data under `../shared/data` is licensed for evaluation only: no sentence of it may be in the
repository (code, tests, README, CHANGELOG, fixtures). This prints every run of N words (12 by default)
of the repository's tracked text files that also occurs in a data file, with the files holding it.
Platform boilerplate (widget text, a crawl notice) that the cleaning rules must recognise may show up;
anything else should be rewritten with invented wording.

    python benchmarks/check_data_copies.py ../shared/data [--words 12]

Exit code 0 always (a report, not a gate): the data is not available everywhere.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

WORD = re.compile(r"[A-Za-z0-9']+")
TEXT_FILES = re.compile(r"\.(?:py|md|txt|j2|yml|yaml|toml|json|css|html|cfg|ini)$")
DATA_FILES = re.compile(r"\.(?:txt|tsv|json|jsonl|sgm|xml|html?)$")


def runs(text: str, n: int) -> list[str]:
    words = [w.lower() for w in WORD.findall(text)]
    return [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the evaluation data folder (../shared/data)")
    parser.add_argument("--words", type=int, default=12, help="length of a run of words [12]")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data folder at {args.data}: nothing to check", file=sys.stderr)
        return 0
    tracked = subprocess.run(
        ["git", "ls-files"], capture_output=True, text=True, cwd=args.repo, check=True
    ).stdout.split()
    where: dict[str, set[str]] = {}
    for name in tracked:
        if not TEXT_FILES.search(name):
            continue
        try:
            text = (args.repo / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for run in runs(text, args.words):
            where.setdefault(run, set()).add(name)
    found: dict[str, set[str]] = {}
    for path in sorted(args.data.rglob("*")):
        if not (path.is_file() and DATA_FILES.search(path.name)):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for run in runs(text, args.words):
            if run in where:
                found.setdefault(run, set()).update(where[run])
    for run, names in sorted(found.items()):
        print(f"{run}\t{', '.join(sorted(names))}")
    print(f"{len(found)} runs of {args.words} words of the data found in the repository", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
