"""Format invariance: the same articles in other shapes must give the same sentences, summary, quotes.

    python benchmarks/bench_formats.py [--data DIR] [--corpora a,b] [--clusters N] [--baseline REF]

Takes real articles (`seeds/`, and every corpus of DIR, default $BRIEFGEN_DATA, that it finds:
multinews-dev, duc2006-dev, event-piles-dev, polnear-dev) and re-renders each article file:

    wrap60/72/80  hard-wrapped at 60, 72 and 80 columns, blank lines between paragraphs
    sentences     one sentence a line, blank lines between paragraphs
    crlf          the file with CRLF line ends
    indent        wrapped at 72, paragraphs started by an indentation instead of a blank line
    typewriter    quotation marks written `` '' (and ` ' for single ones)
    pdf           pdftotext-like pages: wrapped at 72, a running header, a page number and a form
                  feed every 50 lines
    joined        every paragraph's lines joined into one line (for sources hard-wrapped already)

A file's paragraphs are the ones briefgen reads in it. Each variant is read again and compared with
the original, after white space and quotation marks are normalised: the share of the original's
sentences found identical, whether each cluster's consensus summary is the same, and whether its
quotes are. Also printed: the share of the words read that cleaning kept (as `briefgen eval` counts).
With `--baseline REF` (default: the
release before paragraphs were rebuilt) the same is measured with that commit's code (a temporary
git worktree, run in a subprocess) and printed side by side. Figures only: nothing fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import textwrap
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

from _baseline import run_at_commit

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "8807663"  # the last release that read every line as a paragraph
VARIANTS = ("wrap60", "wrap72", "wrap80", "sentences", "crlf", "indent", "typewriter", "pdf", "joined")
CORPORA = {
    "multinews-dev": "*/docs/*.txt",
    "duc2006-dev": "*/docs/*.txt",
    "event-piles-dev": "*/*.txt",
    "polnear-dev": "dev/*/article.txt",  # one article a cluster: its quotes are what is compared
}
PAGE_LINES = 50
SHOW: dict[str, int] = {}


def dateline(paragraph: str) -> int:
    """The length of a leading dateline ("TOKYO (AP) —") of `paragraph`, 0 without one."""
    try:
        from briefgen.reading.split import LEADING_DATELINE
    except ImportError:
        from briefgen.split import LEADING_DATELINE
    m = LEADING_DATELINE.match(paragraph)
    return m.end() if m else 0


def reading_api() -> tuple[Callable, Callable, Callable, Callable]:
    """(read_inputs, split_article, summarize_articles, quotes of articles) of the code on sys.path."""
    try:
        from briefgen.reading import read_inputs
        from briefgen.reading.split import split_article, split_text
    except ImportError:  # the layout before reading was one package
        from briefgen.ingest import read_inputs
        from briefgen.split import split_article, split_text
    from briefgen.analyze import build_context
    from briefgen.models import Topic
    from briefgen.sections import quotes
    from briefgen.summarize import summarize_articles

    def quotes_of(articles: list) -> list[str]:
        ctx = build_context(Topic("t", "t", tuple(articles)))
        return sorted(norm(q.text) + " | " + norm(q.speaker) for q in quotes.extract(ctx))

    return read_inputs, split_article, summarize_articles, quotes_of, split_text


QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "`": "'"})
# The space a two-character typewriter mark leaves next to punctuation or a bracket.
MARK_SPACE = re.compile(r"""(?<=[(\[{"'])\s+(?=")|(?<=")\s+(?=[.,;:!?)\]}'])""")


def norm(text: str) -> str:
    """A sentence for comparison: quotation marks straight, white space folded."""
    text = re.sub(r"(?<=“)\s+|\s+(?=”)", "", text)  # the space a typewriter mark leaves inside
    text = " ".join(text.replace("``", '"').replace("''", '"').translate(QUOTES).split())
    return MARK_SPACE.sub("", text)


def paragraphs_of(article_text: str) -> list[str]:
    """The file's body paragraphs as briefgen read them (its headline, date and byline lines, which
    reading took off the top, are rendered apart as `head`)."""
    return [p for p in article_text.split("\n\n") if p.strip()]


def wrap(paragraph: str, width: int, indent: str = "") -> list[str]:
    lines = textwrap.wrap(
        paragraph, width, initial_indent=indent, break_long_words=False, break_on_hyphens=False
    )
    return lines or [indent + paragraph]


def one_sentence_a_line(paragraph: str, spans: list[tuple[int, int]]) -> str:
    """The paragraph with the white space between its sentences made line breaks."""
    out, at = [], 0
    for start, _ in spans[1:]:
        gap = paragraph.rstrip()[:start]
        cut = len(gap.rstrip())
        out.append(paragraph[at:cut])
        at = start
    out.append(paragraph[at:])
    return "\n".join(out)


def to_typewriter(text: str) -> str:
    """The text with typewriter quotation marks, paired as a reader pairs the marks it printed
    (straight or curly): `` and '' for double quotes, ` and ' for single ones. A single quote closing
    just before a double one is set apart by a space, as newswire does (`she wanted it,' '')."""
    out = []
    for line in text.split("\n"):
        chars, open_ = [], False
        for i, c in enumerate(line):
            after = line[i + 1] if i + 1 < len(line) else " "
            if c == "“" or (c == '"' and not open_ and not after.isspace() and after not in ",.;:!?)"):
                chars.append("``")
                open_ = True
            elif c in '"”':
                chars.append("''")
                open_ = False
            else:
                chars.append({"‘": "`", "’": "'"}.get(c, c))
        out.append("".join(chars).replace("'''", "' ''"))
    return "\n".join(out)


def variant(
    name: str, head: list[str], paragraphs: list[str], raw: str, sentences: list[list[tuple[int, int]]]
) -> str:
    """The article re-rendered as `name`. `head`: the lines above the body (headline and the like)."""
    top = "\n".join(head) + "\n\n" if head else ""
    if name.startswith("wrap"):
        width = int(name[4:])
        return top + "\n\n".join("\n".join(wrap(p, width)) for p in paragraphs) + "\n"
    if name == "sentences":
        return (
            top
            + "\n\n".join(one_sentence_a_line(p, s) for p, s in zip(paragraphs, sentences, strict=True))
            + "\n"
        )
    if name == "crlf":
        return raw.replace("\r\n", "\n").replace("\n", "\r\n")
    if name == "indent":
        lines = [line for p in paragraphs for line in wrap(p, 72, indent="    ")]
        return top + "\n".join(lines) + "\n"
    if name == "typewriter":
        return to_typewriter(raw)
    if name == "pdf":
        body = "\n\n".join("\n".join(wrap(p, 72)) for p in paragraphs).split("\n")
        title = " ".join((head[0] if head else "Briefing").split()[:6])
        pages = [body[i : i + PAGE_LINES] for i in range(0, len(body), PAGE_LINES)]
        out = []
        for n, page in enumerate(pages, 1):
            out.append("\n".join([title.upper(), "", *page, "", f"{n}"]))
        return top + "\f".join(out) + "\n"
    if name == "joined":
        return top + "\n\n".join(paragraphs) + "\n"
    raise ValueError(name)


def measure(files_by_cluster: dict[str, list[str]], variants: tuple[str, ...]) -> dict:
    """Figures for one corpus with the briefgen on sys.path (the current one or the baseline's)."""
    read_inputs, split_article, summarize_articles, quotes_of, split_text = reading_api()
    out: dict = {
        v: {"sentences": 0, "same": 0, "clusters": 0, "summary": 0, "quotes": 0, "kept": 0}
        for v in ("original", *variants)
    }
    raw_words = 0
    with tempfile.TemporaryDirectory() as tmp:
        for cluster, files in sorted(files_by_cluster.items()):
            original = read_inputs([Path(f) for f in files]).articles
            if not original:
                continue
            by_path = {a.path: a for a in original}
            sents = {a.id: [norm(s.text) for s in split_article(a)] for a in original}
            summary = sorted(
                norm(r.sentence.text)
                for r in summarize_articles(original, {a.id: split_article(a) for a in original}, 100)
            )
            quotes = quotes_of(original)
            out["original"]["kept"] += sum(kept_words(a) for a in original)
            raw_words += sum(read_words(by_path.get(f), f) for f in files)
            for name in variants:
                paths = []
                for f in files:
                    article = by_path.get(f)
                    if article is None:
                        continue
                    raw = Path(f).read_text(encoding="utf-8", errors="replace")
                    paragraphs = paragraphs_of(article.text)
                    head = [
                        r.text for r in article.removed if r.reason in ("headline", "date line", "byline")
                    ]
                    # Sentences as the splitter gives them, a leading dateline kept with the first.
                    sentences = [[(s, e) for s, e, _ in split_text(p, dateline(p))] for p in paragraphs]
                    path = Path(tmp) / name / cluster / Path(f).name
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(variant(name, head, paragraphs, raw, sentences).encode("utf-8"))
                    paths.append((article, path))
                got = read_inputs([p for _, p in paths]).articles
                got_by_path = {a.path: a for a in got}
                figures = out[name]
                mine = []
                for article, path in paths:
                    a = got_by_path.get(str(path))
                    want = sents[article.id]
                    have = [norm(s.text) for s in split_article(a)] if a else []
                    figures["sentences"] += len(want)
                    matcher = SequenceMatcher(None, want, have, autojunk=False)
                    figures["same"] += sum(b.size for b in matcher.get_matching_blocks())
                    if SHOW.get(name, 0) > 0 and matcher.ratio() < 1:
                        SHOW[name] -= 1
                        for op, i1, i2, j1, j2 in matcher.get_opcodes():
                            if op != "equal":
                                print(
                                    f"[{name}] {article.path}\n  - {want[i1:i2]}\n  + {have[j1:j2]}",
                                    file=sys.stderr,
                                )
                    if a:
                        mine.append(a)
                        figures["kept"] += kept_words(a)
                # Ids follow the file names, so the variant's articles carry the original's ids.
                figures["clusters"] += 1
                if mine:
                    got_summary = sorted(
                        norm(r.sentence.text)
                        for r in summarize_articles(mine, {a.id: split_article(a) for a in mine}, 100)
                    )
                    figures["summary"] += got_summary == summary
                    got_quotes = quotes_of(mine)
                    figures["quotes"] += got_quotes == quotes
                    if SHOW.get(name, 0) > 0 and got_quotes != quotes:
                        lost, new = (
                            sorted(set(quotes) - set(got_quotes)),
                            sorted(set(got_quotes) - set(quotes)),
                        )
                        print(f"[{name}] quotes of {cluster}\n  - {lost}\n  + {new}", file=sys.stderr)
        for v in out.values():
            v["raw_words"] = raw_words
    return out


def corpus_files(data: Path | None, corpora: list[str], clusters: int) -> dict[str, dict[str, list[str]]]:
    found: dict[str, dict[str, list[str]]] = {
        "seeds": {"seeds": sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))}
    }
    for name in corpora:
        if data is None or not (data / name).is_dir():
            continue
        by_cluster: dict[str, list[str]] = {}
        for path in sorted((data / name).glob(CORPORA[name])):
            by_cluster.setdefault(str(path.parent.relative_to(data / name)), []).append(str(path))
        keys = sorted(by_cluster)[:clusters] if clusters else sorted(by_cluster)
        found[name] = {k: by_cluster[k] for k in keys}
    return found


def run_baseline(ref: str, args: list[str]) -> dict:
    """This script's figures with the code of commit `ref`."""
    out = run_at_commit(ref, Path(__file__).resolve(), [*args, "--json", "--baseline", ""])
    return json.loads(out)


def kept_words(article: object) -> int:
    """The words cleaning kept (text and tables; the text alone in a release without tables)."""
    return getattr(article, "kept_words", None) or len(article.text.split())  # type: ignore[attr-defined]


def read_words(article: object | None, path: str) -> int:
    """The words cleaning read (the file's for a file skipped, or in a release that did not count them)."""
    return getattr(article, "read_words", 0) or len(Path(path).read_text(errors="replace").split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ["BRIEFGEN_DATA"]) if os.environ.get("BRIEFGEN_DATA") else None,
    )
    parser.add_argument("--corpora", default=",".join(CORPORA))
    parser.add_argument("--clusters", type=int, default=0, help="first N clusters of each corpus (0: all)")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--baseline", default=BASELINE, help="commit to compare with ('' for none)")
    parser.add_argument("--show", type=int, default=0, help="print the first N differing articles a variant")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a constant of briefgen.reading.lines or .clean (for sweeps)",
    )
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    variants = tuple(v for v in args.variants.split(",") if v)
    for assignment in args.set:
        name, value = assignment.split("=", 1)
        from briefgen.reading import clean, lines

        module = lines if hasattr(lines, name) else clean
        setattr(module, name, type(getattr(module, name))(value))
    SHOW.update(dict.fromkeys(variants, args.show))
    files = corpus_files(args.data, [c for c in args.corpora.split(",") if c], args.clusters)
    results = {name: measure(by_cluster, variants) for name, by_cluster in files.items()}
    if args.json:
        print(json.dumps(results))
        return
    base = {}
    if args.baseline:
        passed = [a for a in sys.argv[1:]]
        if "--data" not in passed and args.data:
            passed += ["--data", str(args.data)]
        base = run_baseline(args.baseline, passed)
    print(
        f"{'corpus':16} {'variant':11} {'kept':>6} {'sentences same':>15} "
        f"{'summary same':>13} {'quotes same':>12}"
        + (f"   | baseline {args.baseline}: kept, sentences, summary, quotes" if base else "")
    )
    for corpus, figures in results.items():
        for name, f in figures.items():
            row = format_row(f, name == "original")
            line = f"{corpus:16} {name:11} {row}"
            if base.get(corpus, {}).get(name):
                line += "   | " + format_row(base[corpus][name], name == "original")
            print(line)


def format_row(f: dict, original: bool) -> str:
    kept = f"{f['kept'] / f['raw_words']:.1%}" if f["raw_words"] else "-"
    if original:
        return f"{kept:>6} {'':>15} {'':>13} {'':>12}"
    same = f"{f['same'] / f['sentences']:.2%}" if f["sentences"] else "-"
    summary = f"{f['summary']}/{f['clusters']}"
    quotes = f"{f['quotes']}/{f['clusters']}"
    return f"{kept:>6} {same:>15} {summary:>13} {quotes:>12}"


if __name__ == "__main__":
    main()
