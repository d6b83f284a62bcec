"""Ingestion throughput: read + clean + metadata for generated articles of every input format.

    python benchmarks/bench_ingest.py [--articles N] [--seed S]
    python benchmarks/bench_ingest.py --corpus DIR [--baseline REF]

Writes N generated articles (default 2000) per format into a temporary folder: one `.txt` and one
`.md` (front matter) per article, one `.html` page per article (navigation, ads, comments around
the body), RSS feeds of 50 entries, and JSON Lines files of 500 lines. Then reads each format with
the pipeline's reader (`read_inputs`, i.e. decode, extract, clean, guess metadata) and prints
articles/s and MB/s. Baselines side by side: for HTML, trafilatura's `extract()` alone on the same
pages; for syndication, the LSH grouping against the all-pairs similarity product it replaced.
About 10% of the articles are rewritten copies of another, so syndication has work to do.
With `--corpus DIR`: real files instead (every `.txt` under DIR, e.g. `multinews-dev`), read and
split into sentences, best of three runs, next to the same with the code of commit REF (default: the
release before paragraphs were rebuilt from lines).
Times are CPU seconds of this process (`time.process_time`), so other load on the machine does not
skew them; reading is single-threaded. Figures only: nothing here fails on a time.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _baseline import run_at_commit

from briefgen.dedupe import _article_vectors, candidate_pairs, shingles, syndication_groups
from briefgen.models import Article

try:
    from briefgen.reading import read_inputs
    from briefgen.reading.split import split_article
except ImportError:  # the layout before reading was one package (a baseline commit)
    from briefgen.split import split_article

    from briefgen.pipeline import read_inputs

FEED_ENTRIES = 50
JSONL_LINES = 500


def vocabulary(rng: random.Random, n: int = 4000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(n)]


def sentence(rng: random.Random, vocab: list[str]) -> str:
    words = [rng.choice(vocab) for _ in range(rng.randint(12, 25))]
    return " ".join(words).capitalize() + "."


def make_articles(n: int, seed: int) -> list[tuple[str, list[str]]]:
    """(title, paragraphs); every tenth article is a light rewrite of the one before."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    out: list[tuple[str, list[str]]] = []
    for i in range(n):
        if i % 10 == 9:
            title, paragraphs = out[-1]
            rewritten = []
            for p in paragraphs:
                words = p.split()
                for _ in range(max(1, len(words) // 10)):
                    words[rng.randrange(len(words))] = rng.choice(vocab)
                rewritten.append(" ".join(words))
            out.append((title + " (copy)", rewritten))
            continue
        paragraphs = [
            " ".join(sentence(rng, vocab) for _ in range(rng.randint(2, 4)))
            for _ in range(rng.randint(8, 14))
        ]
        out.append((" ".join(rng.choice(vocab) for _ in range(8)).title(), paragraphs))
    return out


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Daily Bench</title>
<meta property="og:site_name" content="Daily Bench"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-03-{day:02d}T10:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="ad">Advertisement: best boats at Boat World</div>
<article><h1>{title}</h1>{body}</article>
<aside><h3>Related articles</h3><ul><li><a href="/x">Another story</a></li></ul></aside>
<section class="comments"><h3>2 Comments</h3><p>Great article, thanks a lot for sharing it!</p></section>
<footer>Copyright © 2025 Daily Bench. All rights reserved.</footer></body></html>
"""


def write_corpus(root: Path, articles: list[tuple[str, list[str]]]) -> dict[str, list[Path]]:
    files: dict[str, list[Path]] = {fmt: [] for fmt in ("txt", "md", "html", "rss", "jsonl")}
    for fmt in files:
        (root / fmt).mkdir()
    for i, (title, paragraphs) in enumerate(articles):
        day = 1 + i % 28
        text = "\n\n".join(paragraphs)
        path = root / "txt" / f"a{i:05d}.txt"
        path.write_text(f"March {day}, 2025\n\n{title}\n\nOSLO (NTB) — {text}\n\nLeave a comment\n")
        files["txt"].append(path)
        path = root / "md" / f"a{i:05d}.md"
        path.write_text(f"---\ntitle: {title}\noutlet: Bench\npublished: 2025-03-{day:02d}\n---\n{text}\n")
        files["md"].append(path)
        path = root / "html" / f"a{i:05d}.html"
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        path.write_text(PAGE.format(title=title, day=day, body=body))
        files["html"].append(path)
    for start in range(0, len(articles), FEED_ENTRIES):
        items = "".join(
            f"<item><title>{title}</title><link>https://bench.example/{start + k}</link>"
            f"<pubDate>Sun, 30 Mar 2025 09:00:00 GMT</pubDate><content:encoded><![CDATA["
            + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "]]></content:encoded></item>"
            for k, (title, paragraphs) in enumerate(articles[start : start + FEED_ENTRIES])
        )
        path = root / "rss" / f"feed{start:05d}.rss"
        path.write_text(
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench Feed</title>'
            f"{items}</channel></rss>"
        )
        files["rss"].append(path)
    for start in range(0, len(articles), JSONL_LINES):
        lines = [
            json.dumps({"title": t, "outlet": "Bench", "published": "2025-03-30", "text": "\n\n".join(ps)})
            for t, ps in articles[start : start + JSONL_LINES]
        ]
        path = root / "jsonl" / f"dump{start:05d}.jsonl"
        path.write_text("\n".join(lines) + "\n")
        files["jsonl"].append(path)
    return files


def timed(func: Callable[[], object]) -> tuple[float, object]:
    start = time.process_time()
    result = func()
    return time.process_time() - start, result


def row(name: str, files: int, articles: int, mb: float, seconds: float, note: str = "") -> str:
    rate = f"{articles / seconds:>11.0f} {mb / seconds:>7.2f}"
    return f"{name:<8} {files:>6} {articles:>9} {mb:>7.1f} {seconds:>8.2f} {rate}{note}"


def corpus_time(folder: Path) -> tuple[int, int, float]:
    """(files, words kept, best CPU seconds of three) to read and split every `.txt` under `folder`."""
    paths = sorted(p for p in folder.rglob("*.txt") if "refs" not in p.parts)  # articles, not summaries
    best = float("inf")
    kept = 0
    for _ in range(3):
        start = time.process_time()
        articles = read_inputs(paths).articles
        for a in articles:
            split_article(a)
        best = min(best, time.process_time() - start)
        kept = sum(len(a.text.split()) for a in articles)
    return len(paths), kept, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles per format [2000]")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the generated text [0]")
    parser.add_argument("--corpus", type=Path, help="time reading the .txt files under this folder")
    parser.add_argument("--baseline", default="8807663", help="commit to compare with ('' for none)")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.corpus:
        files, kept, seconds = corpus_time(args.corpus)
        if args.json:
            print(json.dumps([files, kept, seconds]))
            return
        print(f"{args.corpus}: {files} files, read + split, CPU seconds (best of 3)")
        print(f"  this checkout:       {seconds:6.2f} s  {kept:,} words of text kept")
        if args.baseline:
            out = run_at_commit(
                args.baseline, Path(__file__).resolve(), ["--corpus", str(args.corpus.resolve()), "--json"]
            )
            _, base_kept, base = json.loads(out)
            print(f"  baseline {args.baseline}:    {base:6.2f} s  {base_kept:,} words of text kept")
            print(f"  ratio: {seconds / base:.2f}x the baseline's time")
        return
    articles = make_articles(args.articles, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        files = write_corpus(Path(tmp), articles)
        print(f"{args.articles} generated articles per format (10% rewritten copies)\n")
        header = ("format", "files", "articles", "MB", "seconds", "articles/s", "MB/s")
        print("{:<8} {:>6} {:>9} {:>7} {:>8} {:>11} {:>7}".format(*header))
        txt_articles: list[Article] = []
        for fmt, paths in files.items():
            mb = sum(p.stat().st_size for p in paths) / 1e6
            seconds, reading = timed(lambda paths=paths: read_inputs(paths))
            found: list[Article] = reading.articles  # type: ignore[attr-defined]
            txt_articles = found if fmt == "txt" else txt_articles
            print(row(fmt, len(paths), len(found), mb, seconds))
        import trafilatura

        html = files["html"]
        mb = sum(p.stat().st_size for p in html) / 1e6
        seconds, _ = timed(
            lambda: [
                trafilatura.extract(p.read_bytes(), include_comments=False, with_metadata=True) for p in html
            ]
        )
        print(
            row("baseline", len(html), len(html), mb, seconds, "   (trafilatura.extract alone, HTML pages)")
        )

        print("\nsyndication over the txt articles:")
        sentences = {a.id: split_article(a) for a in txt_articles}
        seconds, pairs = timed(lambda: len(candidate_pairs([shingles(a.text) for a in txt_articles])))
        print(f"  MinHash/LSH candidates:        {seconds:6.2f} s, {pairs:,} candidate pairs")
        seconds, groups = timed(lambda: syndication_groups(txt_articles, sentences))
        n = len(set(groups.values()))  # type: ignore[union-attr]
        print(
            f"  LSH + sentence alignment:      {seconds:6.2f} s, {len(txt_articles)} articles -> {n} groups"
        )
        seconds, nnz = timed(lambda: ((v := _article_vectors(txt_articles)) @ v.T).nnz)
        print(f"  baseline all-pairs TF-IDF:     {seconds:6.2f} s, {nnz:,} nonzero pairs to examine")


if __name__ == "__main__":
    main()
