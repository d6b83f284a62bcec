"""Topic grouping on every dev corpus, side by side with two baselines, with one set of parameters.

    python benchmarks/bench_topic_corpora.py [DATA] [--before REV|none] [--no-tfidf] [--sweep] [--incremental]
                                              [--set NAME=VALUE]...      (or BRIEFGEN_DATA=DATA)

DATA is the folder holding `multinews-dev/`, `event-piles-dev/` and `duc2006-dev/` (each skipped
cleanly when absent; the synthetic sets need none). Prints, per corpus, ARI and V-measure of:

- ours: `briefgen.topics.cluster_articles` as it is in this tree;
- before: the grouping of git revision REV (default `BEFORE`, main before issue 15), run on the very
  same articles in a subprocess from a `git archive` of that revision (skipped without git);
- TF-IDF + average link: plain TF-IDF cosine, dense average link cut at a threshold swept over
  0.05-0.40 (step 0.01); shown at the best single threshold for the corpus (its most favourable
  setting) and, for event piles, at the best threshold of each pile (an oracle no method has).

Corpora:
1. multinews-dev: every document of its 100 clusters in one pile (no dates).
2. event-piles-dev: 129 piles of US gun-violence news, each grouped on its own; mean ARI/V over piles
   for the tune half (piles at even positions in name order: alabama-01, arkansas-01, ...), the
   held-out half (odd positions) and all; pooled ARI/V of all piles' groups together. As read (no
   dates: the files carry none) and again with each file's `doc_date` from labels.tsv as its date.
3. duc2006-dev: 50 topics x 25 newswire articles in one pile. Its files are hard-wrapped; until the
   reader rebuilds paragraphs (issue 13), lines are joined into paragraphs in a temporary directory
   (outside the repository, deleted after) before reading.
4. synthetic (generated here, invented names): subjects with two events each (some articles one- or
   two-sentence briefs), and one long-running story updated over eight weeks; dated and undated.

`--sweep`: every constant of `SETTINGS` at half and double its value; ARI on each corpus and the
change from the default. `--incremental`: ARI between grouping from scratch and adding each pile's
articles in 10 batches (file order) through the topic registry (`--batches N`: N batches; with more
batches, more of them are placed into the registry's topics rather than grouped afresh).

The data is licensed for research evaluation only: nothing of it is written anywhere but the
temporary directory.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import json
import os
import pickle
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from bench_topics import adjusted_rand, labels_of, v_measure
from scipy.cluster.hierarchy import fcluster, linkage

from briefgen.dedupe import _article_vectors
from briefgen.models import Article
from briefgen.pipeline import read_inputs
from briefgen.topics import assign_topics, cluster_articles

BEFORE = "8807663"
"""main just before issue 15 (mixture threshold on the neighbour edges)."""
THRESHOLDS = np.round(np.arange(0.05, 0.405, 0.01), 2)
SETTINGS = {
    "LINK_Z": "briefgen.topics.granularity",
    "TRIM": "briefgen.topics.granularity",
    "RELATED": "briefgen.topics.granularity",
    "PRIOR_SD": "briefgen.topics.granularity",
    "PRIOR_WEIGHT": "briefgen.topics.granularity",
    "PRIOR_UNRELATED": "briefgen.topics.granularity",
    "COHESION_SHARE": "briefgen.topics.cluster",
    "LONE_SHARE": "briefgen.topics.cluster",
    "NEIGHBOURS": "briefgen.topics.graph",
    "ENTITY_WEIGHT": "briefgen.topics.features",
    "TITLE_REPEAT": "briefgen.topics.features",
    "LEAD_SENTENCES": "briefgen.topics.features",
    "LEAD_REPEAT": "briefgen.topics.features",
    "TERMS_PER_ARTICLE": "briefgen.topics.features",
    "DATE_SCALE_DAYS": "briefgen.topics.features",
    "DATE_WEIGHT": "briefgen.topics.features",
    "AGE_REPEAT": "briefgen.topics.features",
    "FURNITURE_SHARE": "briefgen.topics.features",
    "FURNITURE_WORDS": "briefgen.topics.features",
    "MAX_NEIGHBOURS": "briefgen.topics.graph",
    "BLOCK_APART": "briefgen.topics.features",
    "STREET_APART": "briefgen.topics.features",
}
"""Constants of the method, by module. PRIOR_UNRELATED is a log: it is swept as the similarity."""


@dataclass
class Pile:
    corpus: str
    name: str
    articles: list[Article]
    truth: list[str]


# ---------------------------------------------------------------- corpora


def multinews(root: Path) -> list[Pile]:
    folder = root / "multinews-dev"
    if not folder.is_dir():
        return []
    paths = sorted(p for p in folder.glob("*/docs/*.txt"))
    articles = read_inputs(paths, quiet=True).articles
    return [Pile("multinews", "all", articles, [Path(a.path).parts[-3] for a in articles])]


def event_piles(root: Path, dated: bool) -> list[Pile]:
    folder = root / "event-piles-dev"
    if not (folder / "labels.tsv").is_file():
        return []
    with open(folder / "labels.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    paths = [folder / r["path"] for r in rows]
    by_path = {str(folder / r["path"]): r for r in rows}
    piles: dict[str, Pile] = {}
    for a in read_inputs(paths, quiet=True).articles:
        row = by_path[a.path]
        if dated:
            a = replace(a, published=dt.date.fromisoformat(row["doc_date"]))
        pile = piles.setdefault(row["pile"], Pile("events", row["pile"], [], []))
        pile.articles.append(a)
        pile.truth.append(row["event"])
    return [piles[k] for k in sorted(piles)]


PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\t)")


def duc(root: Path) -> list[Pile]:
    folder = root / "duc2006-dev"
    if not folder.is_dir():
        return []
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for cluster in sorted(folder.glob("D06*")):
            (Path(tmp) / cluster.name).mkdir()
            for f in sorted((cluster / "docs").glob("*.txt")):
                paras = [
                    " ".join(line.strip() for line in p.splitlines()) for p in PARAGRAPH.split(f.read_text())
                ]
                out = Path(tmp) / cluster.name / f.name
                out.write_text("\n\n".join(p for p in paras if p.strip()) + "\n", encoding="utf-8")
                paths.append(out)
        articles = read_inputs(paths, quiet=True).articles
    return [Pile("duc2006", "all", articles, [Path(a.path).parent.name for a in articles])]


FIRST = [
    "Mara",
    "Tobin",
    "Elsa",
    "Corin",
    "Pavel",
    "Idris",
    "Lena",
    "Oskar",
    "Nadia",
    "Ruben",
    "Sela",
    "Yuri",
]
LAST = [
    "Quennell",
    "Ardwick",
    "Vasko",
    "Delmont",
    "Harrow",
    "Ibsley",
    "Kestrel",
    "Marlow",
    "Orrin",
    "Penhall",
]
TOWNS = ["Brackenford", "Dunmere", "Eastwold", "Fallowby", "Glenrith", "Hollinsby", "Kirkmoor", "Lowdean"]
EVENTS = {
    "fire": ("fire", ["blaze", "firefighters", "smoke", "flames", "burned", "arson", "roof", "evacuated"]),
    "flood": ("flood", ["flooding", "river", "rain", "rescued", "homes", "water", "levee", "sandbags"]),
    "arrest": ("arrest", ["arrested", "police", "charged", "court", "custody", "bail", "suspect", "warrant"]),
    "strike": ("strike", ["strike", "union", "workers", "wages", "picket", "talks", "walkout", "pay"]),
}
SENTENCES = [
    "The {e} in {t} on {d} left {n} people {w}, officials said.",
    "{p} told reporters the {w} and {w} at the {place} were unexpected.",
    "Residents of {t} described the {w} near the {place} on {d}.",
    "Authorities said the {w} began at the {place} and {w} followed.",
    "{p}, who was at the {place}, said {n} neighbours had {w}.",
    "A spokesman for {t} council said the {w} would be reviewed.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def synthetic_piles(seed: int = 5) -> list[Pile]:
    """Same-subject events (each kind of event twice, in the same town, different people and places),
    short briefs among them, and one long-running story updated over eight weeks; dated and not."""
    rng = random.Random(seed)
    texts: list[tuple[str, str, str, dt.date]] = []  # (title, text, label, date)
    for kind, (noun, words) in EVENTS.items():
        town = rng.choice(TOWNS)
        for e in range(2):
            person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            place = f"{rng.choice(LAST)} {rng.choice(['Mill', 'Street', 'School', 'Depot'])}"
            day, when = rng.choice(DAYS), dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(300))
            for k in range(rng.randint(2, 5)):
                size = 1 if k == 0 and rng.random() < 0.5 else rng.randint(3, 6)
                lines = []
                for pattern in rng.sample(SENTENCES, size):
                    text = pattern.format(
                        e=noun, t=town, d=day, n=rng.randint(2, 40), p=person, place=place, w="{w}"
                    )
                    while "{w}" in text:
                        text = text.replace("{w}", rng.choice(words), 1)
                    lines.append(text)
                title = f"{noun.capitalize()} at {place} in {town}"
                texts.append(
                    (title, " ".join(lines), f"{kind}-{e}", when + dt.timedelta(days=rng.randint(0, 2)))
                )
    # A long-running story: one trial reported weekly for eight weeks.
    person, town = f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(TOWNS)
    start = dt.date(2024, 3, 4)
    for week in range(8):
        lines = [
            f"The trial of {person} in {town} entered week {week + 1} on {rng.choice(DAYS)}.",
            f"Prosecutors told the {town} jury that {person} had hidden {rng.randint(2, 90)} payments.",
            f"Lawyers for {person} said the payments were lawful and the trial should end.",
            f"The judge in {town} said the trial of {person} would resume next week.",
        ]
        texts.append(
            (
                f"{person} trial, week {week + 1}",
                " ".join(lines[: rng.randint(2, 4)]),
                "trial",
                start + dt.timedelta(weeks=week),
            )
        )
    out = []
    for dated in (True, False):
        articles = [
            Article(id=f"s{i}", path=f"s{i}", text=text, title=title, published=when if dated else None)
            for i, (title, text, _, when) in enumerate(texts)
        ]
        out.append(Pile("synthetic", "dated" if dated else "undated", articles, [t[2] for t in texts]))
    return out


# ---------------------------------------------------------------- methods


def ours(pile: Pile) -> list[int]:
    return labels_of(cluster_articles(pile.articles), len(pile.articles))


def tfidf_curve(pile: Pile) -> tuple[np.ndarray, np.ndarray]:
    """ARI and V of TF-IDF + average link at each of `THRESHOLDS`."""
    n = len(pile.articles)
    if n < 2:
        return np.ones(len(THRESHOLDS)), np.ones(len(THRESHOLDS))
    v = _article_vectors(pile.articles)
    sims = (v @ v.T).toarray()
    tree = linkage(np.clip(1.0 - sims[np.triu_indices(n, 1)], 0.0, 2.0), method="average")
    cuts = [fcluster(tree, t=1.0 - t, criterion="distance") for t in THRESHOLDS]
    return (
        np.array([adjusted_rand(pile.truth, c) for c in cuts]),
        np.array([v_measure(pile.truth, c) for c in cuts]),
    )


def before(piles: Sequence[Pile], rev: str) -> list[list[int]] | None:
    """Labels of each pile by the grouping of git revision `rev` (None when it cannot be run)."""
    repo = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        try:
            archive = subprocess.run(
                ["git", "-C", str(repo), "archive", rev, "briefgen"], check=True, capture_output=True
            ).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True, capture_output=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"(before: cannot extract revision {rev}: {exc}; skipped)")
            return None
        data, out = Path(tmp) / "piles.pickle", Path(tmp) / "labels.json"
        # Plain fields only: the revision's Article may lack fields added since (tables, ...).
        fields = ("id", "path", "text", "title", "outlet", "url", "published", "author", "topic")
        data.write_bytes(
            pickle.dumps([[{f: getattr(a, f) for f in fields} for a in p.articles] for p in piles])
        )
        code = (
            "import json, pickle, sys\n"
            "from briefgen.models import Article\n"
            "from briefgen.topics import cluster_articles\n"
            "piles = [[Article(**a) for a in p] for p in pickle.loads(open(sys.argv[1], 'rb').read())]\n"
            "out = []\n"
            "for arts in piles:\n"
            "    lab = [0] * len(arts)\n"
            "    for k, g in enumerate(cluster_articles(arts)):\n"
            "        for i in g: lab[i] = k\n"
            "    out.append(lab)\n"
            "open(sys.argv[2], 'w').write(json.dumps(out))\n"
        )
        env = {**os.environ, "PYTHONPATH": tmp}
        subprocess.run([sys.executable, "-c", code, str(data), str(out)], check=True, env=env, cwd=tmp)
        return json.loads(out.read_text())


def incremental(pile: Pile, batches: int = 10) -> float:
    """ARI between grouping from scratch and adding the pile's articles in `batches` (file order)."""
    order = sorted(range(len(pile.articles)), key=lambda i: pile.articles[i].path)
    articles = [pile.articles[i] for i in order]
    registry = None
    for b in range(1, batches + 1):
        grouping = assign_topics(articles[: round(b * len(articles) / batches)] or articles[:1], registry)
        registry = grouping.registry
    step = {a.id: t.slug for t in grouping.topics for a in t.articles}
    scratch = {articles[i].id: k for k, group in enumerate(cluster_articles(articles)) for i in group}
    return adjusted_rand([scratch[a.id] for a in articles], [step[a.id] for a in articles])


# ---------------------------------------------------------------- report


def pooled(piles: Sequence[Pile], labels: Sequence[Sequence[int]]) -> tuple[float, float]:
    truth = [f"{p.name}/{t}" for p in piles for t in p.truth]
    pred = [f"{p.name}/{x}" for p, lab in zip(piles, labels, strict=True) for x in lab]
    return adjusted_rand(truth, pred), v_measure(truth, pred)


def scores(piles: Sequence[Pile], labels: Sequence[Sequence[int]]) -> tuple[float, float]:
    """Mean ARI and V over piles."""
    return (
        float(np.mean([adjusted_rand(p.truth, lab) for p, lab in zip(piles, labels, strict=True)])),
        float(np.mean([v_measure(p.truth, lab) for p, lab in zip(piles, labels, strict=True)])),
    )


def report(groups: dict[str, list[Pile]], rev: str | None, tfidf: bool = True) -> None:
    every = [p for piles in groups.values() for p in piles]
    start = time.process_time()
    mine = {id(p): ours(p) for p in every}
    cpu = time.process_time() - start
    old = before(every, rev) if rev else None
    theirs = {id(p): old[i] for i, p in enumerate(every)} if old else {}
    nan = (np.full(len(THRESHOLDS), np.nan),) * 2
    curves = {id(p): tfidf_curve(p) if tfidf else nan for p in every}
    print(
        f"{'corpus':<34}{'piles':>6}  {'ours ARI / V':>14}  {'before ARI / V':>15}  "
        f"{'TF-IDF best cut: ARI / V (cut)':>31}  {'TF-IDF per-pile oracle':>22}"
    )
    for name, piles in groups.items():
        if not piles:
            continue
        a = scores(piles, [mine[id(p)] for p in piles])
        b = scores(piles, [theirs[id(p)] for p in piles]) if theirs else (float("nan"),) * 2
        ari = np.mean([curves[id(p)][0] for p in piles], axis=0)
        vm = np.mean([curves[id(p)][1] for p in piles], axis=0)
        best = int(np.nanargmax(ari)) if tfidf else 0
        oracle = np.mean([curves[id(p)][0].max() for p in piles])
        print(
            f"{name:<34}{len(piles):>6}  {a[0]:6.3f} / {a[1]:.3f}  {b[0]:7.3f} / {b[1]:.3f}  "
            f"{ari[best]:17.3f} / {vm[best]:.3f} ({THRESHOLDS[best]:.2f})  {oracle:22.3f}"
        )
        if len(piles) > 1:
            pa = pooled(piles, [mine[id(p)] for p in piles])
            pb = pooled(piles, [theirs[id(p)] for p in piles]) if theirs else (float("nan"),) * 2
            print(
                f"{'  (pooled over its piles)':<40}  {pa[0]:6.3f} / {pa[1]:.3f}  {pb[0]:7.3f} / {pb[1]:.3f}"
            )
    print(
        f"(ours: {cpu:.1f} s CPU for all {len(every)} piles, {sum(len(p.articles) for p in every)} articles)"
    )


def quality(groups: dict[str, list[Pile]]) -> dict[str, float]:
    return {name: scores(piles, [ours(p) for p in piles])[0] for name, piles in groups.items() if piles}


def set_constant(name: str, value: float) -> None:
    module = importlib.import_module(SETTINGS[name])
    kind = type(getattr(module, name))
    setattr(module, name, kind(round(value)) if kind is int else kind(value))


def sweep(groups: dict[str, list[Pile]]) -> None:
    base = quality(groups)
    names = list(base)
    print("\nconstants at half and double (mean ARI; change from the default in brackets)")
    print(f"{'setting':<34}" + "".join(f"{n[:22]:>24}" for n in names))
    print(f"{'default':<34}" + "".join(f"{base[n]:>24.3f}" for n in names))
    for name, module_name in SETTINGS.items():
        module = importlib.import_module(module_name)
        default = getattr(module, name)
        for factor in (0.5, 2.0):
            # PRIOR_UNRELATED is a log-similarity: halve and double the similarity.
            value = default + np.log(factor) if name == "PRIOR_UNRELATED" else default * factor
            set_constant(name, value)
            got = quality(groups)
            setattr(module, name, default)
            shown = f"{name} = {value:.4g}"
            print(f"{shown:<34}" + "".join(f"{got[n]:>15.3f} ({got[n] - base[n]:+.3f})" for n in names))


def data_root(argv: Sequence[str]) -> Path | None:
    if argv:
        return Path(argv[0])
    env = os.environ.get("BRIEFGEN_DATA")
    return Path(env) if env else None


def main(argv: Sequence[str]) -> int:
    args = list(argv)
    rev: str | None = BEFORE
    while "--set" in args:
        i = args.index("--set")
        name, value = args[i + 1].split("=", 1)
        set_constant(name, float(value))
        print(f"setting {name} = {value}")
        del args[i : i + 2]
    if "--before" in args:
        i = args.index("--before")
        rev = None if args[i + 1] == "none" else args[i + 1]
        del args[i : i + 2]
    batches = 10
    if "--batches" in args:
        i = args.index("--batches")
        batches = int(args[i + 1])
        del args[i : i + 2]
    flags = {a for a in args if a.startswith("--")}
    root = data_root([a for a in args if not a.startswith("--")])
    if root is None or not root.is_dir():
        print("no data folder (give its path or set BRIEFGEN_DATA): synthetic sets only")
        root = Path("/nonexistent")
    event = event_piles(root, dated=False)
    groups = {
        "multinews-dev (one pile)": multinews(root),
        "event piles: tune (even positions)": event[0::2],
        "event piles: held-out (odd)": event[1::2],
        "event piles: all 129": event,
        "event piles, dated: all": event_piles(root, dated=True),
        "duc2006-dev (one pile)": duc(root),
        "synthetic (dated)": synthetic_piles()[:1],
        "synthetic (undated)": synthetic_piles()[1:],
    }
    report(groups, rev, tfidf="--no-tfidf" not in flags)
    if "--incremental" in flags:
        print(f"\nincremental ({batches} batches in file order) vs from scratch: ARI between the two")
        for name, piles in groups.items():
            if piles and "held-out" not in name and "tune" not in name:
                print(f"{name:<34} {np.mean([incremental(p, batches) for p in piles]):.3f}")
    if "--sweep" in flags:
        sweep({k: v for k, v in groups.items() if "tune" not in k and "held-out" not in k})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
