"""Evaluation of the summarizers with ROUGE on a dataset of multi-document clusters.

Layout: `DATASET/CLUSTER/docs/*.txt` (the articles) and `DATASET/CLUSTER/refs/*.txt` (human summaries).
Documents go through briefgen's own reader, cleaner and splitter, so the pipeline is what is measured.
Every algorithm gets the same sentences and the same word budget; summaries and references are cut at
N words (as ROUGE-1.5.5 `-l N` does for DUC 2004, N = 100) and scored with rouge-score (ROUGE-1 and
ROUGE-2, Porter stemming); with several references the scores are averaged over them.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .models import Article, Sentence
from .reading.split import split_article
from .summarize import summarize_articles

ROUGE_TYPES = ("rouge1", "rouge2")


@dataclass(frozen=True)
class Cluster:
    """One multi-document cluster: its articles and its reference summaries."""

    name: str
    docs: tuple[Path, ...]
    refs: tuple[Path, ...]


@dataclass(frozen=True)
class Scores:
    """ROUGE-1 and ROUGE-2 recall and F1, in [0, 1]."""

    r1_recall: float = 0.0
    r1_f: float = 0.0
    r2_recall: float = 0.0
    r2_f: float = 0.0


@dataclass
class AlgorithmResult:
    """Per-cluster scores and summarizing times of one algorithm."""

    algorithm: str
    scores: list[Scores] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    @property
    def mean(self) -> Scores:
        n = max(len(self.scores), 1)
        return Scores(
            sum(s.r1_recall for s in self.scores) / n,
            sum(s.r1_f for s in self.scores) / n,
            sum(s.r2_recall for s in self.scores) / n,
            sum(s.r2_f for s in self.scores) / n,
        )

    @property
    def seconds_per_cluster(self) -> float:
        return sum(self.seconds) / max(len(self.seconds), 1)


@dataclass
class CleaningReport:
    """How much of the documents' text the cleaner kept, and why lines went."""

    raw_words: int = 0
    """Words of the documents' files."""
    read_words: int = 0
    """Words that reached cleaning: the files' words, less what limits cut off and unreadable files."""
    kept_words: int = 0
    table_words: int = 0
    """Words of the kept words in tables and logs (shown on the article's page, never cited)."""
    sentences: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    removed_words: Counter[str] = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def kept_share(self) -> float:
        """The share of the words read that cleaning kept."""
        return self.kept_words / self.read_words if self.read_words else 1.0


@dataclass
class Evaluation:
    dataset: str
    words: int
    clusters: list[str]
    results: dict[str, AlgorithmResult]
    cleaning: CleaningReport
    documents: int = 0


def load_clusters(dataset: Path) -> list[Cluster]:
    """Every `CLUSTER/` of `dataset` with at least one `docs/*.txt` and one `refs/*.txt`, sorted."""
    if not dataset.is_dir():
        raise InputError(f"dataset folder {dataset} does not exist")
    clusters = []
    for folder in sorted(p for p in dataset.iterdir() if p.is_dir() and not p.name.startswith(".")):
        docs = tuple(sorted((folder / "docs").glob("*.txt")))
        refs = tuple(sorted((folder / "refs").glob("*.txt")))
        if docs and refs:
            clusters.append(Cluster(folder.name, docs, refs))
    if not clusters:
        raise InputError(
            f"no cluster in {dataset}: expected CLUSTER/docs/*.txt and CLUSTER/refs/*.txt folders"
        )
    return clusters


def truncate(text: str, words: int) -> str:
    """The first `words` whitespace-separated words of `text` (ROUGE-1.5.5 `-l`)."""
    return " ".join(text.split()[:words])


class Rouge:
    """ROUGE-1/2 of a summary against references, both cut at `words` words (rouge-score)."""

    def __init__(self, words: int) -> None:
        from rouge_score import rouge_scorer

        self.words = words
        self.scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)

    def __call__(self, summary: str, references: Sequence[str]) -> Scores:
        cut = truncate(summary, self.words)
        per_ref = [self.scorer.score(truncate(ref, self.words), cut) for ref in references]
        n = max(len(per_ref), 1)
        return Scores(
            sum(s["rouge1"].recall for s in per_ref) / n,
            sum(s["rouge1"].fmeasure for s in per_ref) / n,
            sum(s["rouge2"].recall for s in per_ref) / n,
            sum(s["rouge2"].fmeasure for s in per_ref) / n,
        )


def read_cluster(cluster: Cluster, report: CleaningReport) -> list[Article]:
    """The cluster's articles through briefgen's reader and cleaner; accounts what cleaning removed."""
    from .config import Limits
    from .reading import NO_TEXT_LEFT, read_inputs

    reading = read_inputs(list(cluster.docs), None, Limits(), True)
    articles, skipped = reading.articles, reading.skipped
    report.skipped.extend(f"{s.path}: {s.reason}" for s in skipped)
    report.notes.extend(f"{path}: {note}" for path, notes in reading.notes.items() for note in notes)
    emptied = {s.path for s in skipped if s.reason == NO_TEXT_LEFT}  # cleaning took it all
    for path in cluster.docs:
        words = len(path.read_text(encoding="utf-8", errors="replace").split())
        report.raw_words += words
        report.read_words += words if str(path) in emptied else 0
    for article in articles:
        report.read_words += article.read_words
        report.kept_words += article.kept_words
        report.table_words += article.table_words
        for line in article.removed:
            report.removed[line.reason] += 1
            report.removed_words[line.reason] += len(line.text.split())
    return articles


def summarize_cluster(
    articles: Sequence[Article], sentences: dict[str, tuple[Sentence, ...]], words: int, algorithm: str
) -> tuple[list[str], float]:
    """The summary's sentences and the seconds spent (syndication grouping included for consensus)."""
    start = time.perf_counter()
    ranked = summarize_articles(articles, sentences, words, algorithm)
    seconds = time.perf_counter() - start
    return [r.sentence.text for r in ranked], seconds


def evaluate(
    dataset: Path,
    words: int,
    algorithms: Sequence[str],
    clusters: Iterable[Cluster] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Evaluation:
    """Score every algorithm on every cluster of `dataset` (or the given `clusters`)."""
    chosen = list(clusters) if clusters is not None else load_clusters(dataset)
    rouge = Rouge(words)
    results = {a: AlgorithmResult(a) for a in algorithms}
    cleaning = CleaningReport()
    documents = 0
    for cluster in chosen:
        if progress:
            progress(cluster.name)
        articles = read_cluster(cluster, cleaning)
        documents += len(cluster.docs)
        sentences = {a.id: split_article(a) for a in articles}
        cleaning.sentences += sum(len(s) for s in sentences.values())
        references = [p.read_text(encoding="utf-8", errors="replace") for p in cluster.refs]
        for algorithm in algorithms:
            summary, seconds = (
                summarize_cluster(articles, sentences, words, algorithm) if articles else ([], 0.0)
            )
            results[algorithm].scores.append(rouge("\n".join(summary), references))
            results[algorithm].seconds.append(seconds)
    return Evaluation(str(dataset), words, [c.name for c in chosen], results, cleaning, documents)


def format_report(evaluation: Evaluation) -> str:
    """A plain-text table: one row per algorithm, ROUGE in percent, seconds per cluster."""
    c = evaluation.cleaning
    lines = [
        f"{evaluation.dataset}: {len(evaluation.clusters)} clusters, {evaluation.documents} documents, "
        f"{c.sentences:,} sentences; summaries and references cut at {evaluation.words} words; "
        "ROUGE recall and F1 (rouge-score, Porter stemming), in %.",
        f"cleaning kept {c.kept_share:.1%} of the words it read ({c.kept_words:,} of {c.read_words:,}; "
        f"the files hold {c.raw_words:,}, the rest cut by limits or in unreadable files"
        + (
            f"; {c.table_words:,} of the kept words are rows of tables or logs, never cited"
            if c.table_words
            else ""
        )
        + ")"
        + (
            " (removed: "
            + ", ".join(f"{r} {n} lines/{c.removed_words[r]:,} words" for r, n in c.removed.most_common())
            + ")"
            if c.removed
            else ""
        )
        + (f"; {len(c.skipped)} documents skipped" if c.skipped else "")
        + (f"; {len(c.notes)} notes from reading (e.g. {c.notes[0]})" if c.notes else ""),
        "",
        f"{'algorithm':<12}{'R-1 R':>8}{'R-1 F':>8}{'R-2 R':>8}{'R-2 F':>8}{'s/cluster':>11}",
    ]
    for name, result in evaluation.results.items():
        m = result.mean
        lines.append(
            f"{name:<12}{100 * m.r1_recall:>8.2f}{100 * m.r1_f:>8.2f}{100 * m.r2_recall:>8.2f}"
            f"{100 * m.r2_f:>8.2f}{result.seconds_per_cluster:>11.4f}"
        )
    return "\n".join(lines) + "\n"
