"""Does an article read the same whatever its layout? Paragraph-level invariance over dev articles.

Each sampled article of the dev corpora is read as printed (its paragraphs, as briefgen rebuilds
them), then written again in other layouts a user's tools produce, read again, and the paragraphs
compared. Printed: how many articles read differently per layout, and with `--show N` the first N
paragraphs that differ. The brief-level check on the seeds is in the test suite
(tests/test_cli.py::test_the_same_files_in_another_layout_give_the_same_brief).

    python benchmarks/check_layouts.py ../shared/data [--sample 1500] [--seed 5] [--show 0]

Layouts: one paragraph a line with no blank lines (some extractors save web pages so), the same
with the headline apart, wrapped at 68 columns with blank lines, wrapped with a tab before each
paragraph and no blank lines, one sentence a line with blank lines between paragraphs, wrapped and
printed double spaced. Some differences are the layout's own: one sentence a line as this script
splits it inserts a space where a page printed none ("said.She"), double spacing hides which lines
end paragraphs.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from briefgen.reading.chars import repair
from briefgen.reading.lines import rebuild
from briefgen.reading.split import sentence_spans

WIDTH = 68


def paragraphs(text: str) -> list[str]:
    return list(rebuild(repair(text).split("\n")).paragraphs)


def _wrapped(paragraph: str, indent: str = "") -> list[str]:
    return textwrap.wrap(paragraph, WIDTH, break_on_hyphens=False, initial_indent=indent)


LAYOUTS: dict[str, Callable[[list[str]], str]] = {
    "one paragraph a line": lambda ps: "\n".join(ps),
    "headline apart, then one paragraph a line": lambda ps: ps[0] + "\n\n" + "\n".join(ps[1:]),
    "wrapped, blank lines between": lambda ps: "\n\n".join("\n".join(_wrapped(p)) for p in ps),
    "wrapped, tab-indented": lambda ps: "\n".join("\n".join(_wrapped(p, "\t")) for p in ps),
    "one sentence a line, blank lines between": lambda ps: "\n\n".join(
        "\n".join(p[a:b] for a, b in sentence_spans(p)) for p in ps
    ),
    "wrapped, double spaced": lambda ps: "\n\n".join("\n\n".join(_wrapped(p)) for p in ps),
}


def dev_articles(data: Path) -> list[Path]:
    return sorted(
        [*data.glob("multinews-dev/*/docs/*.txt"), *data.glob("duc2006-dev/*/docs/*.txt")]
        + list(data.glob("event-piles-dev/*/*.txt"))
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, help="the evaluation data folder (../shared/data)")
    parser.add_argument("--sample", type=int, default=1500, help="articles drawn (0: all)")
    parser.add_argument("--seed", type=int, default=5, help="seed of the draw")
    parser.add_argument("--show", type=int, default=0, help="paragraphs that differ shown per layout")
    args = parser.parse_args()
    files = dev_articles(args.data)
    if not files:
        print(f"no dev articles under {args.data}: skipped")
        return 0
    if args.sample and args.sample < len(files):
        files = random.Random(args.seed).sample(files, args.sample)
    differ: Counter[str] = Counter()
    shown: dict[str, list[str]] = {name: [] for name in LAYOUTS}
    read = 0
    for path in files:
        printed = paragraphs(path.read_text(encoding="utf-8", errors="replace"))
        if not printed:
            continue
        read += 1
        for name, layout in LAYOUTS.items():
            again = paragraphs(layout(printed))
            if again != printed:
                differ[name] += 1
                if len(shown[name]) < args.show:
                    new = next((p for p in again if p not in printed), "")
                    shown[name].append(f"{path.relative_to(args.data)}: {new[:160]!r}")
    print(f"{read} articles read ({len(files)} drawn, seed {args.seed}); articles reading differently:")
    for name in LAYOUTS:
        print(f"  {name:<45} {differ[name]:>6}  ({differ[name] / max(read, 1):.1%})")
        for line in shown[name]:
            print("      " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
