"""The `briefgen` command line: a thin click layer over the library.

Exit codes: 0 success; 1 failure (a message says what to fix); 2 usage error.

Each command imports the library modules it needs when it runs, so a command pays only for its
own imports (`summarize` never loads the renderer, the site builder or topic grouping).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__, _blas  # noqa: F401  (_blas before numpy loads)
from .accounting import HEAVY_CLEANING, printable
from .config import Config, load_config
from .errors import BriefgenError
from .summarize import ALGORITHMS

if TYPE_CHECKING:
    from .models import Article, Topic
    from .pipeline import BuildResult


# The console script (`run`) lets commands that only read their inputs and print end the process
# without the interpreter's teardown, which frees every object one by one (about a tenth of a
# `briefgen summarize` run). click's test runner and library callers use `main` and return normally.
_FAST_EXIT = False


def run() -> None:
    """The `briefgen` console script: `main`, with read-only commands ending without teardown."""
    global _FAST_EXIT
    _FAST_EXIT = True
    main()


def finish() -> None:
    """End a read-only command at once when run as the console script: output flushed, no files
    open for writing, nothing left for atexit handlers to do."""
    if not _FAST_EXIT:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        os._exit(1)
    os._exit(0)


def fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


def load_articles(paths: tuple[Path, ...]) -> list[Article]:
    from .reading import read_articles

    # The same files in another order give the same brief: they are read in the order of their paths.
    articles, skipped = read_articles(sorted(set(paths)))
    for s in skipped:
        click.echo(f"skipped {s.path}: {s.reason}", err=True)
    if not articles:
        fail("no usable article among the given files")
    return articles


def load_topic(paths: tuple[Path, ...]) -> Topic:
    from .models import Topic
    from .topics import central_title, reading_order, slugify

    articles = load_articles(paths)
    title = central_title(articles)
    return Topic(slug=slugify(title), title=title, articles=reading_order(articles))


EXIT_CODES = "Exit codes: 0 success; 1 failure (the message says what to fix); 2 usage error."
MAX_SKIP_LINES = 50


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="briefgen")
def main() -> None:
    """briefgen: extractive, cited news briefs from a folder of articles."""


# Options `build` and `serve` share.
docs_dir_option = click.option(
    "--docs-dir", type=click.Path(path_type=Path), help="Where to write the Markdown briefs [docs]."
)
config_option = click.option(
    "--config", "config_file", type=click.Path(path_type=Path), help="Config file [briefgen.yml if present]."
)
cache_dir_option = click.option(
    "--cache-dir",
    type=click.Path(path_type=Path),
    envvar="BRIEFGEN_CACHE_DIR",
    help="Analysis cache and previous build's state [.briefgen-cache; env BRIEFGEN_CACHE_DIR].",
)


@main.command(
    epilog="Exit codes: 0 success (skipped inputs are listed); 1 failure, or any input skipped with "
    "--strict; 2 usage error."
)
@click.argument("input_dir", required=False, type=click.Path(path_type=Path))
@docs_dir_option
@click.option("--site-dir", type=click.Path(path_type=Path), help="Where to build the static site [site].")
@config_option
@cache_dir_option
@click.option(
    "--no-cache", is_flag=True, help="Analyse every topic again, ignoring cached analyses (same output)."
)
@click.option(
    "--recluster",
    is_flag=True,
    help="Group every article into topics afresh, not only new ones (old slugs redirect).",
)
@click.option("--site-url", help="Public address of the site, for absolute feed links and the sitemap.")
@click.option("--no-site", is_flag=True, help="Write the Markdown briefs only; skip `mkdocs build`.")
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 1 if an input file was skipped, cleaning removed most of an article or MkDocs warns (CI).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes that analyse topics at once [one per CPU core]; 1 runs in one process. Same output.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress display or summary.")
def build(
    input_dir: Path | None,
    docs_dir: Path | None,
    site_dir: Path | None,
    config_file: Path | None,
    cache_dir: Path | None,
    no_cache: bool,
    recluster: bool,
    site_url: str | None,
    no_site: bool,
    strict: bool,
    jobs: int | None,
    quiet: bool,
) -> None:
    """Build briefs and the site from INPUT_DIR (default: seeds/).

    Writes one Markdown brief per topic to docs/topics/, a home page docs/index.md, the build
    report docs/report.md and report.json (every input file: used, merged as a syndicated copy,
    or skipped and why), then builds the MkDocs site into site/.
    """
    from .pipeline import build as run_build

    try:
        config = load_config(config_file).replace(
            input_dir=input_dir,
            docs_dir=docs_dir,
            site_dir=site_dir,
            cache_dir=cache_dir,
            site_url=site_url,
            jobs=jobs,
        )
        if no_site:
            config = config.replace(build_site=False)
        result = run_build(config, quiet=quiet, strict=strict, use_cache=not no_cache, recluster=recluster)
    except BriefgenError as exc:
        fail(str(exc))
        return
    skipped = [f for f in result.account.files if f.status == "skipped"]
    for f in skipped[:MAX_SKIP_LINES]:
        click.echo(f"skipped {f.path}: {f.reason}", err=True)
    if len(skipped) > MAX_SKIP_LINES:
        click.echo(
            f"... and {len(skipped) - MAX_SKIP_LINES} more skipped: see {config.docs_dir}/report.md", err=True
        )
    if not quiet:
        click.echo(summary_line(result, config), err=True)
    parts = [s for s in result.skipped if s.partial]
    for s in parts[:MAX_SKIP_LINES]:
        click.echo(f"skipped part of {printable(s.path)}: {s.reason}", err=True)
    # Files that cleaning took most of: said on the console as in the report, a failure under --strict.
    heavy = [(f.path, n) for f in result.account.files for n in f.notes if HEAVY_CLEANING in n]
    for path, note in heavy[:MAX_SKIP_LINES]:
        click.echo(f"warning: {path}: {note}", err=True)
    if strict and (skipped or parts or heavy):
        counts = (
            (len(skipped), "input file skipped", "input files skipped"),
            (len(parts), "part of a file skipped", "parts of files skipped"),
            (len(heavy), "article mostly removed by cleaning", "articles mostly removed by cleaning"),
        )
        fail(", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts if n) + " (--strict)")


@main.command()
@click.argument("input_dir", required=False, type=click.Path(path_type=Path))
@docs_dir_option
@config_option
@cache_dir_option
@click.option(
    "-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address (IP:PORT) to serve on."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress display; only warnings and errors.")
def serve(
    input_dir: Path | None,
    docs_dir: Path | None,
    config_file: Path | None,
    cache_dir: Path | None,
    dev_addr: str,
    quiet: bool,
) -> None:
    """Build briefs from INPUT_DIR (default: seeds/) and serve the site with live reload.

    The site is served on http://127.0.0.1:8000/ by MkDocs' own server, which rebuilds it and reloads
    the browser when docs/ changes. When a file of INPUT_DIR is added, changed or removed, the briefs
    are written again: only the topics whose articles changed are analysed (the others come from the
    analysis cache). Stop with Ctrl-C.
    """
    from .serve import serve as run_serve

    try:
        config = load_config(config_file).replace(input_dir=input_dir, docs_dir=docs_dir, cache_dir=cache_dir)

        def report(result: BuildResult) -> None:
            click.echo(summary_line(result, config.replace(build_site=False)), err=True)

        run_serve(config, dev_addr, quiet=quiet, report=report)
    except BriefgenError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        pass


def summary_line(result: BuildResult, config: Config) -> str:
    """E.g. '8 files: 4 used, 1 merged (syndicated copies), 3 skipped; 1 topic -> docs/ (report.md)'."""
    n = len(result.topics)
    cached = n - result.analysed
    analysed = f"{result.analysed} analysed" + (f", {cached} from the cache" if cached else "")
    return (
        f"{result.inputs} files: {result.used_files} used, {result.merged_files} merged (syndicated copies), "
        f"{result.account.count('skipped')} skipped; {n} {'topic' if n == 1 else 'topics'} "
        f"({analysed}) -> {config.docs_dir}/"
        + (f", site in {config.site_dir}/" if config.build_site else "")
        + f"; report in {config.docs_dir}/report.md"
    )


@main.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json"]),
    default="md",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--words",
    type=click.IntRange(min=1),
    default=Config.summary_words,
    show_default=True,
    help="Summary word budget.",
)
def brief(paths: tuple[Path, ...], fmt: str, words: int) -> None:
    """Print the brief of PATHS, taken as one topic."""
    from .analyze import analyze
    from .render import brief_to_json, environment, render_brief

    topic = load_topic(paths)
    result = analyze(topic, summary_words=words)
    if fmt == "json":
        click.echo(brief_to_json(result), nl=False)
    else:
        click.echo(render_brief(result, environment(Path("templates"))), nl=False)
    finish()


@main.command("summarize")
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--words",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="Word budget (whole sentences).",
)
@click.option(
    "--algorithm",
    type=click.Choice(ALGORITHMS),
    default="consensus",
    show_default=True,
    help="`consensus` (multi-document, ours) or one of sumy's summarizers.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON with each sentence's article and support.")
def summarize_cmd(paths: tuple[Path, ...], words: int, algorithm: str, as_json: bool) -> None:
    """Print the extractive summary of PATHS, one sentence per line."""
    from .reading.split import split_article
    from .summarize import summarize_articles

    articles = load_articles(paths)
    sentences = {a.id: split_article(a) for a in articles}
    ranked = summarize_articles(articles, sentences, words, algorithm)
    if as_json:
        data = [
            {"text": r.sentence.text, "article": r.sentence.article, "support": r.support} for r in ranked
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for r in ranked:
            click.echo(r.sentence.text)
    finish()


@main.command("eval")
@click.argument("dataset", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--words",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="Word budget; summaries and references are cut at N words (DUC 2004: 100).",
)
@click.option(
    "--algorithms",
    default=",".join(ALGORITHMS),
    show_default=True,
    help="Comma-separated algorithms to compare, from: " + ", ".join(ALGORITHMS) + ".",
)
@click.option("-q", "--quiet", is_flag=True, help="No per-cluster progress on stderr.")
def eval_cmd(dataset: Path, words: int, algorithms: str, quiet: bool) -> None:
    """Score summarizers with ROUGE on DATASET (CLUSTER/docs/*.txt, CLUSTER/refs/*.txt).

    Prints ROUGE-1 and ROUGE-2 recall and F1 and the time per cluster of each algorithm, side by side.
    """
    from .evaluate import evaluate, format_report

    names = [a.strip() for a in algorithms.split(",") if a.strip()]
    unknown = [a for a in names if a not in ALGORITHMS]
    if unknown or not names:
        raise click.BadParameter(
            f"unknown algorithm(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(ALGORITHMS)}",
            param_hint="--algorithms",
        )
    progress = None if quiet else (lambda name: click.echo(f"evaluating {name}", err=True))
    try:
        result = evaluate(dataset, words, names, progress=progress)
    except BriefgenError as exc:
        fail(str(exc))
        return
    click.echo(format_report(result), nl=False)


@main.command("topics")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["tsv", "json"]),
    default="tsv",
    show_default=True,
    help="tsv: path, slug, title tab-separated, one article a line; json: a list of objects.",
)
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path),
    envvar="BRIEFGEN_CACHE_DIR",
    help="Folder of the topic registry, shared with `build` [.briefgen-cache; env BRIEFGEN_CACHE_DIR].",
)
@click.option(
    "--recluster",
    is_flag=True,
    help="Group every article afresh, not only new ones (old slugs redirect to where their articles went).",
)
@click.option(
    "--no-registry",
    is_flag=True,
    help="Neither read nor update the topic registry: group from scratch (slugs from earliest headlines).",
)
def topics_cmd(
    paths: tuple[Path, ...], fmt: str, cache_dir: Path | None, recluster: bool, no_registry: bool
) -> None:
    """Group the articles in PATHS (files or folders) into topics; print each article's topic.

    A `topic` in front matter, or a sub-folder of a folder given, names the topic; the other
    articles are grouped automatically, one topic per story. Articles grouped before (the topic
    registry in the cache folder, updated here as by `build`) keep their topic and slug; new ones
    join the closest topic or start their own.
    """
    from .reading import input_files, read_inputs
    from .topics import assign_topics, assignments, format_assignments, load_registry, save_registry

    try:
        folder = None if no_registry else (cache_dir or load_config(None).cache_dir)
    except BriefgenError as exc:
        fail(str(exc))
        return
    files, roots = input_files(paths)
    reading = read_inputs(files, roots=roots)
    for s in reading.skipped:
        click.echo(f"skipped {printable(s.path)}: {s.reason}", err=True)
    if not reading.articles:
        fail("no usable article among the given paths")
    grouping = assign_topics(reading.articles, load_registry(folder), recluster=recluster)
    save_registry(folder, grouping.registry)
    click.echo(format_assignments(assignments(reading.articles, grouping.topics), fmt), nl=False)


@main.command(
    "fetch",
    epilog="Exit codes: 0 success (failed feeds are listed with their reason); 1 failure, or with --strict "
    "any failed feed or any entry skipped because of an error; 2 usage error.",
)
@click.argument("feeds", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--into",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("articles"),
    show_default=True,
    help="Articles folder to write the new articles into (what `briefgen build` reads).",
)
@click.option(
    "--since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Leave out entries published before this day."
)
@click.option("--max-per-feed", type=click.IntRange(min=1), help="At most N new articles per feed and run.")
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="HOST",
    help="A host that may resolve to a private or loopback address (repeatable; also allow_hosts: in FEEDS).",
)
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path),
    envvar="BRIEFGEN_CACHE_DIR",
    help="Where what is fetched is remembered between runs [.briefgen-cache; env BRIEFGEN_CACHE_DIR].",
)
@click.option("--strict", is_flag=True, help="Exit 1 if a feed failed or an entry was skipped by an error.")
@click.option("-q", "--quiet", is_flag=True, help="Only problems; no summary.")
def fetch_cmd(
    feeds: Path,
    into: Path,
    since: Any,
    max_per_feed: int | None,
    allow_hosts: tuple[str, ...],
    cache_dir: Path | None,
    strict: bool,
    quiet: bool,
) -> None:
    """Fetch the new articles of the feeds listed in FEEDS (YAML or OPML) into --into.

    Each new entry becomes one Markdown file with front matter: the feed's full content when it
    carries it, else the article page, extracted. Articles fetched before are never fetched again.
    """
    from .fetch import FetchOptions, Policy, fetch, load_feed_list
    from .fetch.feedlist import normalize_host
    from .fetch.net import with_contact

    try:
        feed_list = load_feed_list(feeds)
        default = Policy()
        agent = with_contact(default.user_agent, feed_list.contact)
        policy = Policy(
            allow_hosts=feed_list.allow_hosts | {normalize_host(h) for h in allow_hosts},
            delay=default.delay if feed_list.delay is None else feed_list.delay,
            user_agent=agent,
        )
        options = FetchOptions(
            into=into,
            cache_dir=cache_dir or load_config(None).cache_dir,
            since=since.date() if since else None,
            max_per_feed=max_per_feed,
            policy=policy,
        )
        report = fetch(feed_list, options)
    except BriefgenError as exc:
        fail(str(exc))
        return
    except OSError as exc:
        fail(f"cannot write {exc.filename or into}: {exc.strerror or exc}")
        return
    lines = [f"failed {printable(p.what)}: {p.reason}" for p in report.failed]
    lines += [f"skipped {printable(p.what)}: {p.reason}" for p in report.skipped if p.error or not quiet]
    for line in lines[:MAX_SKIP_LINES]:
        click.echo(line, err=True)
    if len(lines) > MAX_SKIP_LINES:
        click.echo(f"... and {len(lines) - MAX_SKIP_LINES} more", err=True)
    if not quiet:
        click.echo(report.summary_line(into), err=True)
    if strict and report.errors:
        entries = report.errors - len(report.failed)
        fail(f"{len(report.failed)} feeds failed, {entries} entries skipped by an error (--strict)")
