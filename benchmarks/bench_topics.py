"""Topic grouping: quality against true clusters, and time and memory at 10,000 articles.

    python benchmarks/bench_topics.py [MULTINEWS_DEV] [--no-scale] [--set NAME=VALUE]...
                                                           (or BRIEFGEN_DATA=/path/to/data)
    python benchmarks/bench_topics.py --scale-only N       (one scale run, used internally)

Prints, side by side with a baseline (plain TF-IDF cosine + average link on the dense matrix, cut at
a similarity threshold tuned by hand on the dev mix, i.e. its most favourable setting):

1. dev mix: every document of every cluster of multinews-dev in one pile; ARI and V-measure of the
   found topics against the clusters. Multi-News documents have no dates.
2. same subject, two events: synthetic stories (invented people, places and events, generated here)
   where each person has two different events of the same kind of news, mixed into the dev pile as
   background; ARI on the synthetic articles, with publication dates a year apart and without dates.
   2b. the same with real text: the dev clusters that have a main name (a two-word capitalised name
   in at least half of their articles, the most mentioned such) are paired, most alike first (cosine
   of their TF-IDF centroids: clusters on neighbouring subjects), and in the second cluster of each
   pair that name (and its last word) is replaced by the first cluster's: two different stories
   about one subject and one kind of news. ARI on the whole pile, and on the paired clusters only.
3. scale: 2,500 / 5,000 / 10,000 synthetic articles, each run in a fresh process: wall time of
   grouping (features, neighbour graph, threshold, clustering) and peak memory (max RSS) of the process.
   The scale corpus is built in memory, never written: synthetic event e takes dev cluster e mod 100;
   each of its 2-5 articles is a random 60% of the sentences of one document of that cluster, in
   which every capitalised word and 70% of the other words (3+ letters) are renamed to invented words
   consistently within the event (so ~100 events recombine each cluster and differ in names and most
   words, like different events of one kind); half of the events are dated (articles within 3 days of
   the event's date, events spread over three years).

`--set NAME=VALUE` changes one of the method's constants (`SETTINGS`) for the whole run (scale runs
included), to see how robust the figures are to it; `--no-scale` skips section 3.

The data is licensed for research evaluation only: nothing of it is written anywhere.
Skips cleanly (exit 0) when the data is absent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import os
import random
import re
import resource
import subprocess
import sys
import time
import zlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.special import comb

from briefgen.dedupe import _article_vectors
from briefgen.models import Article
from briefgen.pipeline import read_inputs
from briefgen.reading.files import scan
from briefgen.topics import cluster_articles

BASELINE_THRESHOLD = 0.17
"""Baseline's cut (cosine similarity), the best of 0.05-0.40 in steps of 0.01 on the dev mix as read."""
SCALE_SIZES = (2_500, 5_000, 10_000)
DISGUISED_SHARE = 0.7
"""Share of lower-case words renamed per synthetic scale event (all capitalised words are)."""


# ---------------------------------------------------------------- metrics


def _contingency(truth: Sequence[object], pred: Sequence[object]) -> np.ndarray:
    _, t = np.unique(np.asarray([str(x) for x in truth]), return_inverse=True)
    _, p = np.unique(np.asarray([str(x) for x in pred]), return_inverse=True)
    table = np.zeros((t.max() + 1, p.max() + 1))
    np.add.at(table, (t, p), 1)
    return table


def adjusted_rand(truth: Sequence[object], pred: Sequence[object]) -> float:
    m = _contingency(truth, pred)
    pairs = comb(m, 2).sum()
    rows, cols = comb(m.sum(axis=1), 2).sum(), comb(m.sum(axis=0), 2).sum()
    expected = rows * cols / comb(m.sum(), 2)
    top = (rows + cols) / 2
    return 1.0 if top == expected else float((pairs - expected) / (top - expected))


def _entropy(counts: np.ndarray) -> float:
    p = counts[counts > 0] / counts.sum()
    return float(-(p * np.log(p)).sum())


def v_measure(truth: Sequence[object], pred: Sequence[object]) -> float:
    m = _contingency(truth, pred)
    n = m.sum()
    r, c = np.nonzero(m)
    v = m[r, c]
    h_true_given_pred = float(-(v / n * np.log(v / m.sum(axis=0)[c])).sum())
    h_pred_given_true = float(-(v / n * np.log(v / m.sum(axis=1)[r])).sum())
    h_true, h_pred = _entropy(m.sum(axis=1)), _entropy(m.sum(axis=0))
    homogeneity = 1.0 - h_true_given_pred / h_true if h_true else 1.0
    completeness = 1.0 - h_pred_given_true / h_pred if h_pred else 1.0
    total = homogeneity + completeness
    return 2 * homogeneity * completeness / total if total else 0.0


# ---------------------------------------------------------------- methods


def labels_of(groups: list[list[int]], n: int) -> list[int]:
    out = [0] * n
    for k, group in enumerate(groups):
        for i in group:
            out[i] = k
    return out


def ours(articles: Sequence[Article]) -> list[int]:
    return labels_of(cluster_articles(articles), len(articles))


def baseline(articles: Sequence[Article], threshold: float = BASELINE_THRESHOLD) -> list[int]:
    """Plain TF-IDF (content-word stems) cosine, average link on the dense matrix, one fixed cut."""
    v = _article_vectors(articles)
    sims = (v @ v.T).toarray()
    dist = np.clip(1.0 - sims[np.triu_indices(len(articles), 1)], 0.0, 2.0)
    tree = linkage(dist, method="average")
    return [int(x) for x in fcluster(tree, t=1.0 - threshold, criterion="distance")]


# ---------------------------------------------------------------- data


def data_dir(argv: Sequence[str]) -> Path | None:
    if argv:
        return Path(argv[0])
    env = os.environ.get("BRIEFGEN_DATA")
    if env:
        path = Path(env)
        return path / "multinews-dev" if (path / "multinews-dev").is_dir() else path
    return None


def dev_pile(root: Path) -> tuple[list[Article], list[str]]:
    articles, labels, _ = dev_files(root)
    return articles, labels


def dev_files(root: Path) -> tuple[list[Article], list[str], list[str]]:
    """The dev documents briefgen reads as articles, their clusters, and the clusters of the files it
    skips (no article text once boilerplate is removed: web-archive notices, tweet widgets...)."""
    paths = [p for p in scan(root).inputs if p.parent.name == "docs" and p.suffix == ".txt"]
    reading = read_inputs(paths, quiet=True)
    skipped = [Path(s.path).parts[-3] for s in reading.skipped]
    return reading.articles, [Path(a.path).parts[-3] for a in reading.articles], skipped


SYLLABLES = [
    "ka",
    "lo",
    "ven",
    "dar",
    "mi",
    "tor",
    "sel",
    "qua",
    "rin",
    "bo",
    "ze",
    "lan",
    "fu",
    "gor",
    "pe",
    "thi",
    "mar",
    "nox",
    "vel",
    "dru",
]


def invented(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


# Kinds of event: (words of that kind of story, sentence patterns). {S} subject, {P} place,
# {O} organisation, {N} a number, {W} a word of the kind.
KINDS: dict[str, list[str]] = {
    "bribery": [
        "bribe",
        "bribes",
        "contract",
        "contracts",
        "prosecutors",
        "charged",
        "payments",
        "indictment",
        "court",
        "kickbacks",
    ],
    "expenses": [
        "expenses",
        "audit",
        "travel",
        "repaid",
        "taxpayers",
        "ethics",
        "committee",
        "receipts",
        "reimbursement",
        "claims",
    ],
    "affair": [
        "affair",
        "aide",
        "resignation",
        "apology",
        "texts",
        "relationship",
        "staffer",
        "scandal",
        "marriage",
        "denial",
    ],
    "tax": [
        "tax",
        "evasion",
        "offshore",
        "accounts",
        "revenue",
        "filings",
        "undeclared",
        "income",
        "investigators",
        "penalty",
    ],
    "plagiarism": [
        "plagiarism",
        "thesis",
        "dissertation",
        "university",
        "copied",
        "passages",
        "degree",
        "revoked",
        "academic",
    ],
    "crash": [
        "crash",
        "car",
        "driving",
        "collision",
        "police",
        "arrested",
        "alcohol",
        "injured",
        "highway",
        "breathalyser",
    ],
}
PATTERNS = [
    "{S} faced questions on {D} over {W} and {W} linked to {O} in {P}.",
    "Officials in {P} said the {W} involved {N} people and {W} tied to {O}.",
    "{S} denied any {W}, a spokesman said, as {W} mounted in {P}.",
    "The {W} came to light after {O} disclosed {W} worth {N} thousand.",
    "Critics of {S} demanded answers about the {W} and the {W}.",
    "Lawyers for {S} said the {W} would be contested and the {W} explained.",
    "Residents of {P} followed the {W} closely, according to local reports.",
    "{O} said it would cooperate with any review of the {W}.",
]
FILLER = [
    "The government said it would publish a statement later in the week.",
    "Opposition leaders called for a full public inquiry.",
    "Polls suggested voters were following the story closely.",
    "The party said it stood by its record.",
    "A spokesperson declined to comment further.",
]


def same_subject_stories(rng: random.Random, subjects: int = 25) -> list[tuple[str, str, dt.date]]:
    """(text, event label, event date): each subject gets two events of different kinds, a year apart."""
    out = []
    kinds = sorted(KINDS)
    for s in range(subjects):
        subject = f"{invented(rng, 2)} {invented(rng)}"
        first = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(700))
        for e, kind in enumerate(rng.sample(kinds, 2)):
            place, org = invented(rng), f"{invented(rng)} {rng.choice(['Group', 'Holdings', 'Trust'])}"
            when = first + dt.timedelta(days=365 * e)
            for _ in range(rng.randint(2, 5)):
                lines = []
                for pattern in rng.sample(PATTERNS, 5) + rng.sample(FILLER, 2):
                    text = pattern.replace("{S}", subject if rng.random() < 0.7 else subject.split()[1])
                    text = text.replace("{P}", place).replace("{O}", org)
                    text = text.replace("{D}", when.strftime("%A")).replace("{N}", str(rng.randint(2, 90)))
                    while "{W}" in text:
                        text = text.replace("{W}", rng.choice(KINDS[kind]), 1)
                    lines.append(text)
                rng.shuffle(lines)
                out.append((" ".join(lines[:4]) + "\n\n" + " ".join(lines[4:]), f"s{s}-{kind}", when))
    return out


def synthetic_articles(
    stories: Sequence[tuple[str, str, dt.date]], dated: bool, rng: random.Random
) -> tuple[list[Article], list[str]]:
    articles, labels = [], []
    for i, (text, label, when) in enumerate(stories):
        published = when + dt.timedelta(days=rng.randint(0, 3)) if dated else None
        articles.append(Article(id=f"syn{i}", path=f"syn{i}", text=text, title="", published=published))
        labels.append(label)
    return articles, labels


MAIN_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]{2,}\b")


def main_name(texts: Sequence[str]) -> str | None:
    """The two-word name in at least half of the texts (two at least), the most mentioned."""
    in_texts: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for text in texts:
        found = MAIN_NAME.findall(text)
        in_texts.update(set(found))
        mentions.update(found)
    need = max(2, (len(texts) + 1) // 2)
    names = [(in_texts[n], mentions[n], n) for n in in_texts if in_texts[n] >= need]
    return max(names)[2] if names else None


def shared_subject_pile(
    articles: Sequence[Article], labels: Sequence[str]
) -> tuple[list[Article], list[int]]:
    """`articles` where paired clusters share their main name (see the module doc), and the indices
    of the articles of the paired clusters. Built in memory only."""
    members: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    names = {c: main_name([articles[i].text for i in idx]) for c, idx in sorted(members.items())}
    named = [c for c in sorted(members) if names[c]]
    # Pair the clusters most alike in their words first (TF-IDF centroids): the hard case.
    vectors = _article_vectors(articles)
    centroids = np.vstack([np.asarray(vectors[members[c]].mean(axis=0)).ravel() for c in named])
    centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)
    alike = centroids @ centroids.T
    np.fill_diagonal(alike, -1.0)
    pairs, used = [], set()
    for k in np.argsort(-alike, axis=None, kind="stable"):
        a, b = divmod(int(k), len(named))
        if a < b and a not in used and b not in used:
            pairs.append((named[a], named[b]))
            used |= {a, b}
    out, paired = list(articles), []
    for a, b in pairs:
        old, new = str(names[b]), str(names[a])
        for i in members[b]:
            x = out[i]
            text = x.text.replace(old, new).replace(old.split()[-1], new.split()[-1])
            title = x.title.replace(old, new).replace(old.split()[-1], new.split()[-1])
            out[i] = dataclasses.replace(x, text=text, title=title)
        paired += members[a] + members[b]
    return out, sorted(paired)


SENTENCE = re.compile(r"(?<=[.!?])\s+")
WORDS = re.compile(r"[A-Za-z]{3,}")


def disguise(text: str, event: int, share: float) -> str:
    """`text` with every capitalised word, and a `share` of the other words, renamed for `event`.

    Renaming is consistent within an event (same word, same new word), so an event's articles stay
    alike while two events recombined from the same documents differ in their names and most words.
    """

    def rename(match: re.Match[str]) -> str:
        word = match.group(0)
        h = zlib.crc32(f"{event}:{word.lower()}".encode())
        if not word[0].isupper() and (h % 1000) / 1000 >= share:
            return word
        new = "".join(SYLLABLES[(h >> (5 * i)) % len(SYLLABLES)] for i in range(3))
        return new.capitalize() if word[0].isupper() else new

    return WORDS.sub(rename, text)


def scale_corpus(root: Path, size: int, seed: int = 7) -> list[Article]:
    """`size` synthetic articles recombined from the dev documents (see the module doc)."""
    articles, labels = dev_pile(root)
    by_cluster: dict[str, list[list[str]]] = {}
    for a, label in zip(articles, labels, strict=True):
        sentences = [s for s in SENTENCE.split(a.text.replace("\n\n", " ")) if len(s) > 20]
        if len(sentences) >= 3:
            by_cluster.setdefault(label, []).append(sentences)
    clusters = sorted(by_cluster)
    rng = random.Random(seed)
    out: list[Article] = []
    event = 0
    while len(out) < size:
        base = clusters[event % len(clusters)]
        when = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1100)) if event % 2 else None
        for k in range(rng.randint(2, 5)):
            doc = rng.choice(by_cluster[base])
            keep = sorted(rng.sample(range(len(doc)), max(2, int(0.6 * len(doc)))))
            text = disguise("\n\n".join(doc[j] for j in keep), event, DISGUISED_SHARE)
            published = when + dt.timedelta(days=rng.randint(0, 3)) if when else None
            out.append(Article(id=f"e{event}-{k}", path=f"e{event}-{k}", text=text, published=published))
            if len(out) == size:
                break
        event += 1
    return out


# ---------------------------------------------------------------- runs


def show(name: str, truth: Sequence[object], a: Sequence[int], b: Sequence[int]) -> None:
    print(
        f"{name:<36} ours ARI {adjusted_rand(truth, a):.3f}  V {v_measure(truth, a):.3f}  "
        f"({len(set(a))} topics)   baseline ARI {adjusted_rand(truth, b):.3f}  V {v_measure(truth, b):.3f}  "
        f"({len(set(b))} topics)   true topics {len(set(truth))}"
    )


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale_only(root: Path, size: int) -> None:
    articles = scale_corpus(root, size)
    truth = [a.id.split("-")[0] for a in articles]
    before = peak_rss_mb()
    start, cpu = time.perf_counter(), time.process_time()
    pred = ours(articles)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"{size:>6} articles: grouped in {seconds:6.1f} s wall, {cpu:5.1f} s CPU; "
        f"peak RSS {peak_rss_mb():5.0f} MB "
        f"(corpus loaded: {before:.0f} MB); {len(set(pred))} topics for {len(set(truth))} events, "
        f"ARI {adjusted_rand(truth, pred):.3f}  V {v_measure(truth, pred):.3f}"
    )


SETTINGS = {
    "COHESION_SHARE": "briefgen.topics.cluster",
    "LINK_Z": "briefgen.topics.granularity",
    "ENTITY_WEIGHT": "briefgen.topics.features",
    "TITLE_REPEAT": "briefgen.topics.features",
    "TERMS_PER_ARTICLE": "briefgen.topics.features",
}
"""Constants `--set NAME=VALUE` may change, to measure how robust the figures are to them."""


def apply_settings(argv: Sequence[str]) -> list[str]:
    """Apply and drop every `--set NAME=VALUE` of `argv`; returns the other arguments."""
    rest, i = [], 0
    while i < len(argv):
        if argv[i] == "--set":
            name, value = argv[i + 1].split("=", 1)
            module = importlib.import_module(SETTINGS[name])
            setattr(module, name, type(getattr(module, name))(float(value)))
            print(f"setting {name} = {getattr(module, name)}")
            i += 2
        else:
            rest.append(argv[i])
            i += 1
    return rest


def main(argv: Sequence[str]) -> int:
    settings = [a for i, a in enumerate(argv) if a == "--set" or (i and argv[i - 1] == "--set")]
    argv = apply_settings(argv)
    if argv[:1] == ["--scale-only"]:
        scale_only(Path(argv[2]), int(argv[1]))
        return 0
    scale = "--no-scale" not in argv
    argv = [a for a in argv if a != "--no-scale"]
    root = data_dir(argv)
    if root is None or not root.is_dir():
        print("multinews-dev not found (give its path or set BRIEFGEN_DATA); skipping.")
        return 0
    articles, truth, skipped = dev_files(root)
    print(
        f"dev mix: {len(articles) + len(skipped)} files, {len(articles)} articles read "
        f"({len(skipped)} files skipped: no article text), {len(set(truth))} clusters (no dates)"
    )
    start, cpu = time.perf_counter(), time.process_time()
    mine = ours(articles)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    theirs = baseline(articles)
    show("1. dev mix (articles read)", truth, mine, theirs)
    # Every file, a skipped one counting as a topic of its own (what a reader of the TSV would see).
    alone = [-1 - i for i in range(len(skipped))]
    show("1. dev mix (skipped files alone)", truth + skipped, mine + alone, theirs + alone)
    print(f"   (ours grouped them in {took:.2f} s wall, {cpu:.2f} s CPU)")

    rng = random.Random(11)
    stories = same_subject_stories(rng)
    for dated in (True, False):
        syn, syn_truth = synthetic_articles(stories, dated, rng)
        pile = syn + list(articles)
        a, b = ours(pile)[: len(syn)], baseline(pile)[: len(syn)]
        label = "2. same subject, two events" + (" (dated)" if dated else " (no dates)")
        show(label, syn_truth, a, b)
    renamed, paired = shared_subject_pile(articles, truth)
    a, b = ours(renamed), baseline(renamed)
    show("2b. same main name (real text)", truth, a, b)
    pick = [truth[i] for i in paired]
    show("2b. ... paired clusters only", pick, [a[i] for i in paired], [b[i] for i in paired])

    if not scale:
        return 0
    print("3. scale (each size in a fresh process; target: 10,000 in < 60 s and < 2 GB)")
    for size in SCALE_SIZES:
        subprocess.run(
            [sys.executable, __file__, *settings, "--scale-only", str(size), str(root)],
            check=True,
            env={**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "2")},
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
