"""Disputes, updates and quoted disagreements against the hand-annotated disputes-dev set, next to the
baseline (the Disputes section as it was before issue 18), in one run.

    python benchmarks/eval_disputes.py [DISPUTES_DIR] [--piles EVENT_PILES_DIR] [--baseline REV] [-v]
    python benchmarks/eval_disputes.py --clusters ../shared/data/multinews-dev   # listing, for reading
    python benchmarks/eval_disputes.py ../shared/data/disputes-dev --unseen 60    # unannotated incidents
    python benchmarks/eval_disputes.py ../shared/data/disputes-dev --unseen 96 --offset 300  # a fresh sample

DISPUTES_DIR is `disputes-dev` (its README describes it; default: $BRIEFGEN_DATA/disputes-dev), whose
articles live in EVENT_PILES_DIR (default: the `event-piles-dev` folder next to it). Without the data
the script says so and exits 0.

Each incident's articles are read with briefgen's readers; the page text carries no date, so each
article's publication date is taken from `event-piles-dev/labels.tsv` (`doc_date`), as a feed or a
web page's metadata would give it. Each incident is one topic; its brief's JSON (`brief_to_dict`, only
the dispute sections filled) goes to a temporary folder per system, and the set's own scorer
(`score_disputes.py GOLD PRED`) scores it. Figures are printed for all incidents and for the two halves
of the sorted incident ids: `tune` (first 15, used while developing) and `held-out` (last 15).

Besides the scorer's dispute line, the same scorer gives:
- updates shown as disputes: the predicted disputes that match a gold update;
- updates found: the predicted `updates[]` scored against the gold updates (recall, precision);
- quoted disagreements found: the same for `quoted_disagreements[]`.
The baseline is `briefgen/sections/disputes.py` at REV (default: the commit before issue 18), loaded
from git next to the current one; it is skipped with a message when git cannot give it.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from briefgen.analyze import build_context
from briefgen.models import Brief, Dispute, Topic
from briefgen.reading import read_articles
from briefgen.render import brief_to_dict
from briefgen.sections import TopicContext, disputes, measures, pairs, quoted

ROOT = Path(__file__).resolve().parent.parent
BASELINE_REV = "8807663"  # main before issue 18
HALF = 15  # tune = the first HALF incidents in sorted id order, held-out = the rest


def data_dirs(arg: str | None, piles: str | None) -> tuple[Path, Path] | None:
    if arg:
        gold = Path(arg)
    elif os.environ.get("BRIEFGEN_DATA"):
        env = Path(os.environ["BRIEFGEN_DATA"])
        gold = env / "disputes-dev" if (env / "disputes-dev").is_dir() else env
    else:
        return None
    pile_dir = Path(piles) if piles else gold.parent / "event-piles-dev"
    if not (gold / "score_disputes.py").is_file() or not pile_dir.is_dir():
        return None
    return gold, pile_dir


def load_baseline(rev: str) -> Callable[[TopicContext], tuple[Dispute, ...]] | None:
    """`extract` of briefgen/sections/disputes.py at `rev`, as a module of the current package."""
    try:
        code = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{rev}:briefgen/sections/disputes.py"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        name = "briefgen.sections._baseline_disputes"
        module = types.ModuleType(name)
        module.__package__ = "briefgen.sections"
        sys.modules[name] = module
        exec(compile(code, f"{rev}:disputes.py", "exec"), module.__dict__)
        return module.extract  # type: ignore[no-any-return]
    except Exception as exc:  # no git, no such revision, or it no longer imports
        print(f"baseline {rev} unavailable ({type(exc).__name__}: {str(exc)[:120]})")
        return None


def doc_dates(piles: Path) -> dict[str, dt.date]:
    out = {}
    labels = piles / "labels.tsv"
    if labels.is_file():
        with labels.open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                with contextlib.suppress(ValueError):
                    out[row["path"]] = dt.date.fromisoformat(row["doc_date"])
    return out


def incidents(gold: Path, piles: Path, dated: bool = True) -> list[tuple[str, Topic]]:
    dates = doc_dates(piles) if dated else {}
    out = []
    for g in sorted(gold.glob("gva-*.json")):
        paths = json.loads(g.read_text(encoding="utf-8"))["articles"]
        articles, _ = read_articles([piles / p for p in paths])
        by_stem = {Path(p).stem: p for p in paths}
        articles = [
            a if a.published else _dated(a, dates.get(by_stem.get(Path(a.path).stem, ""))) for a in articles
        ]
        out.append((g.stem, Topic(slug=g.stem, title=g.stem, articles=tuple(articles))))
    return out


def _dated(article: Any, date: dt.date | None) -> Any:
    import dataclasses

    return dataclasses.replace(article, published=date) if date else article


def predict(topics: Sequence[tuple[str, Topic]], extract: Callable[[TopicContext], Any], out: Path) -> float:
    """Write each incident's brief JSON to `out`; return the CPU seconds spent in `extract`."""
    spent = 0.0
    for event, topic in topics:
        ctx = build_context(topic)
        start = time.process_time()
        found = extract(ctx)
        spent += time.process_time() - start
        if isinstance(found, tuple):  # the baseline: disputes only
            brief = Brief(topic=topic, disputes=found)
        else:
            brief = Brief(
                topic=topic,
                disputes=found.disputes,
                updates=found.updates,
                quoted_disagreements=found.quoted_disagreements,
            )
        (out / f"{event}.json").write_text(json.dumps(brief_to_dict(brief)), encoding="utf-8")
    return spent


def score(scorer: Path, gold: Path, pred: Path) -> str:
    r = subprocess.run([sys.executable, str(scorer), str(gold), str(pred)], capture_output=True, text=True)
    return r.stdout.strip() or r.stderr.strip()


def figures(line: str) -> dict[str, float]:
    keys = ("gold", "predicted", "right", "neutral", "wrong", "near misses")
    out = {k: float(m.group(1)) for k in keys if (m := re.search(rf"{k} (\d+)", line))}
    for k in ("recall", "precision"):
        m = re.search(rf"{k} ([\d.]+|nan)%", line)
        out[k] = float(m.group(1)) if m and m.group(1) != "nan" else float("nan")
    return out


def regold(gold: Path, events: Sequence[str], into: Path, key: str) -> None:
    """Gold files for `events` whose `disputes` are the gold `key` items (others neutral)."""
    into.mkdir(parents=True, exist_ok=True)
    for event in events:
        g = json.loads((gold / f"{event}.json").read_text(encoding="utf-8"))
        others = [g[k] for k in ("disputes", "updates", "quoted_disagreements") if k != key]
        g["disputes"], g["updates"], g["quoted_disagreements"] = g[key], others[0] + others[1], []
        (into / f"{event}.json").write_text(json.dumps(g), encoding="utf-8")


def repred(pred: Path, events: Sequence[str], into: Path, key: str) -> None:
    into.mkdir(parents=True, exist_ok=True)
    for event in events:
        p = json.loads((pred / f"{event}.json").read_text(encoding="utf-8"))
        (into / f"{event}.json").write_text(json.dumps({"disputes": p.get(key, [])}), encoding="utf-8")


def report(scorer: Path, gold: Path, pred: Path, events: Sequence[str], tmp: Path) -> dict[str, str]:
    sub_gold, sub_pred = tmp / "gold", tmp / "pred"
    regold(gold, events, sub_gold, "disputes")
    repred(pred, events, sub_pred, "disputes")
    out = {"disputes": score(scorer, sub_gold, sub_pred)}
    regold(gold, events, tmp / "as_updates", "updates")
    out["updates shown as disputes"] = score(scorer, tmp / "as_updates", sub_pred)
    repred(pred, events, tmp / "pred_updates", "updates")
    out["updates"] = score(scorer, tmp / "as_updates", tmp / "pred_updates")
    regold(gold, events, tmp / "as_quoted", "quoted_disagreements")
    repred(pred, events, tmp / "pred_quoted", "quoted_disagreements")
    out["quoted disagreements"] = score(scorer, tmp / "as_quoted", tmp / "pred_quoted")
    return out


def short(line: str) -> str:
    f = figures(line)
    return (
        f"gold {f.get('gold', 0):.0f} pred {f.get('predicted', 0):.0f} right {f.get('right', 0):.0f} "
        f"wrong {f.get('wrong', 0):.0f} (near {f.get('near misses', 0):.0f}) "
        f"R {f['recall']:.1f}% P {f['precision']:.1f}%"
    )


def verbose_listing(gold: Path, pred: Path, events: Sequence[str]) -> None:
    """Each predicted item with what it matched, and each gold dispute missed (uses the scorer's rules)."""
    src = (gold / "score_disputes.py").read_text(encoding="utf-8")
    ns: dict[str, Any] = {}
    exec(src.split("\ngold_dir, pred_dir")[0], ns)
    for event in events:
        g = json.loads((gold / f"{event}.json").read_text(encoding="utf-8"))
        p = json.loads((pred / f"{event}.json").read_text(encoding="utf-8"))
        found = set()
        for key in ("disputes", "updates", "quoted_disagreements"):
            for d in p.get(key, []):
                verdict = "WRONG"
                for gk in ("disputes", "updates", "quoted_disagreements"):
                    hit = [j for j, x in enumerate(g[gk]) if ns["matches"](d, x)]
                    if hit:
                        verdict = f"= gold {gk} {hit[0]}"
                        if gk == "disputes":
                            found.update(hit)
                        break
                print(f"{event} {key[:7]} [{verdict}] {d['kind']}: {d['about']}")
                for s in d["sides"]:
                    arts = ",".join(x["article"][:6] for x in s["sources"])
                    print(f"     {s['value']!r} [{arts}] {s['text'][:150]}")
        for j, d in enumerate(g["disputes"]):
            if j not in found:
                print(f"{event} MISSED {d['kind']}: {d['about']}")


def list_clusters(root: Path, baseline: Callable[[TopicContext], Any] | None) -> None:
    """Every dispute and update the current section finds in each cluster folder of `root` (its
    `docs/*.txt` taken as one topic), with the baseline's count, for reading by hand."""
    totals = {"baseline": 0, "disputes": 0, "updates": 0, "quoted": 0}
    clusters = sorted(d for d in root.iterdir() if (d / "docs").is_dir())
    for folder in clusters:
        articles, _ = read_articles(sorted((folder / "docs").glob("*.txt")))
        if len(articles) < 2:
            continue
        # A wire story's id carries its date (APW19990707.0181): the date the newswire reader gives
        # the story in its original archive, lost in the .txt copies.
        articles = [a if a.published else _dated(a, newswire_date(Path(a.path).stem)) for a in articles]
        ctx = build_context(Topic(slug=folder.name, title=folder.name, articles=tuple(articles)))
        try:
            found = disputes.analyse(ctx)
        except Exception as exc:  # listed, so one broken cluster does not hide the others
            print(f"{folder.name} ERROR {type(exc).__name__}: {exc}")
            totals["errors"] = totals.get("errors", 0) + 1
            continue
        before = len(baseline(build_context(ctx_topic(ctx)))) if baseline else 0
        totals["baseline"] += before
        totals["disputes"] += len(found.disputes)
        totals["updates"] += len(found.updates)
        totals["quoted"] += len(found.quoted_disagreements)
        for what, items in (
            ("dispute", found.disputes),
            ("update", found.updates),
            ("quoted", found.quoted_disagreements),
        ):
            for d in items:
                print(f"{folder.name} {what} {d.kind}: {d.about}")
                for side in d.sides:
                    arts = ",".join(x.article for x in side.sources)
                    print(f"     {side.value!r} [{arts}] {' '.join(side.text.split())[:160]}")
    print(
        f"{len(clusters)} clusters: baseline {totals['baseline']} disputes; "
        f"current {totals['disputes']} disputes, {totals['updates']} updates, "
        f"{totals['quoted']} quoted disagreements; {totals.get('errors', 0)} clusters failed"
    )


def list_unseen(
    gold: Path,
    piles: Path,
    count: int,
    offset: int = 0,
    sizes: tuple[int, int] = (3, 8),
    one_date: bool = False,
) -> None:
    """Disputes and updates of `count` event-piles-dev incidents that disputes-dev does not annotate
    (3 to 8 articles of at least 2 dates, as its selection rule, or `sizes`; with `one_date`, articles
    all of one date instead; every k-th in sorted id order after the first `offset`), for reading by
    hand: unannotated, so nothing is scored. Another `offset`, `sizes` or `one_date` draws a sample
    not read before."""
    annotated = {json.loads(g.read_text(encoding="utf-8"))["event"] for g in gold.glob("gva-*.json")}
    dates = doc_dates(piles)
    by_event: dict[str, list[str]] = {}
    with (piles / "labels.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            by_event.setdefault(row["event"], []).append(row["path"])
    eligible = sorted(
        e
        for e, paths in by_event.items()
        if sizes[0] <= len(paths) <= sizes[1]
        and e not in annotated
        and (len({dates.get(p) for p in paths}) == 1) == one_date
    )[offset:]
    chosen = eligible[:: max(1, len(eligible) // count)][:count]
    shown = {"disputes": 0, "updates": 0, "quoted_disagreements": 0}
    for event in chosen:
        paths = by_event[event]
        articles, _ = read_articles([piles / p for p in paths])
        by_stem = {Path(p).stem: p for p in paths}
        articles = [_dated(a, dates.get(by_stem.get(Path(a.path).stem, ""))) for a in articles]
        found = disputes.analyse(build_context(Topic(slug=event, title=event, articles=tuple(articles))))
        for what, items in (
            ("disputes", found.disputes),
            ("updates", found.updates),
            ("quoted_disagreements", found.quoted_disagreements),
        ):
            shown[what] += len(items)
            for d in items:
                print(f"{event} {what[:-1]} {d.kind}: {d.about}")
                for side in d.sides:
                    arts = ",".join(x.article[:6] for x in side.sources)
                    print(f"     {side.value!r} {side.date} [{arts}] {' '.join(side.text.split())[:160]}")
    print(
        f"{len(chosen)} unannotated incidents: {shown['disputes']} disputes, {shown['updates']} updates, "
        f"{shown['quoted_disagreements']} quoted disagreements"
    )


def newswire_date(stem: str) -> dt.date | None:
    from briefgen.reading.formats.newswire import published

    if not re.match(r"^[A-Z]{3}\d{8}\.\d{4}$", stem):
        return None
    found = published("", stem)
    return dt.date.fromisoformat(found) if found else None


def ctx_topic(ctx: TopicContext) -> Topic:
    return Topic(slug="t", title="t", articles=ctx.articles)


def topic_cpu(extract: Callable[[TopicContext], Any], articles: int = 50, repeat: int = 5) -> float:
    """Best CPU seconds of `extract` on bench_sections' synthetic topic (seed articles perturbed),
    its context built afresh each time (the dated sentences the timeline shares are included)."""
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_sections import synthetic_topic

    topic = synthetic_topic(articles)
    best = float("inf")
    for _ in range(repeat):
        ctx = build_context(topic)
        start = time.process_time()
        extract(ctx)
        best = min(best, time.process_time() - start)
    return best


def _dispute_figures(scorer: Path, gold: Path, pred: Path, ids: Sequence[str], tmp: Path) -> dict[str, float]:
    out = report(scorer, gold, pred, ids, tmp)
    f = figures(out["disputes"])
    shown = figures(out["updates shown as disputes"])
    f["updates shown"] = round(shown["recall"] * shown.get("gold", 0) / 100) if shown.get("gold") else 0
    return f


def _pick(rows: dict[str, dict[str, float]], current: str) -> str:
    """The value a half would choose: most right disputes with precision >= 0.85 and no update shown
    as a dispute beyond 1 in 10; ties go to the value as it is."""

    def ok(f: dict[str, float]) -> bool:
        judged = f.get("right", 0) + f.get("wrong", 0)
        return (not judged or f["right"] / judged >= 0.85) and f["updates shown"] <= f.get("gold", 0) / 10

    fine = [v for v, f in rows.items() if ok(f)] or [current]
    return max(fine, key=lambda v: (rows[v].get("right", 0) - rows[v].get("wrong", 0), v == current))


def sweep(
    scorer: Path,
    gold: Path,
    topics: Sequence[tuple[str, Topic]],
    splits: dict[str, list[str]],
    names: list[str],
) -> None:
    """Each constant at half, as is and double; the dispute figures of both halves and of all; and the
    two-fold check: the value each half would pick, scored on the other half."""
    for name in names:
        module = next(m for m in (disputes, measures, pairs, quoted) if hasattr(m, name))
        current = getattr(module, name)
        values = {"half": type(current)(current / 2), "as is": current, "double": type(current)(current * 2)}
        rows: dict[str, dict[str, dict[str, float]]] = {split: {} for split in splits}
        for label, value in values.items():
            setattr(module, name, value)
            with tempfile.TemporaryDirectory() as tmp_name:
                tmp = Path(tmp_name)
                pred = tmp / "all"
                pred.mkdir()
                predict(topics, disputes.analyse, pred)
                for split, ids in splits.items():
                    rows[split][label] = _dispute_figures(scorer, gold, pred, ids, tmp / split)
            line = "  ".join(
                f"{split} R {f['recall']:.1f}% P {f['precision']:.1f}% ({f.get('right', 0):.0f}+"
                f"{f.get('wrong', 0):.0f}w, {f['updates shown']:.0f}u)"
                for split, f in ((s, rows[s][label]) for s in ("tune", "held-out", "all"))
            )
            print(f"{name}={value} ({label}): {line}")
        setattr(module, name, current)
        for chose, on in (("tune", "held-out"), ("held-out", "tune")):
            pick = _pick(rows[chose], "as is")
            f = rows[on][pick]
            print(
                f"  two-fold: {chose} picks {name} {pick} -> {on} "
                f"R {f['recall']:.1f}% P {f['precision']:.1f}%"
            )


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?")
    parser.add_argument("--piles")
    parser.add_argument("--baseline", default=BASELINE_REV)
    parser.add_argument("--only", choices=("all", "tune", "held-out"), default="all", help="-v listing")
    parser.add_argument("-v", action="store_true", help="list every predicted item and every missed dispute")
    parser.add_argument(
        "--clusters", help="instead: list the disputes of each cluster of a folder like multinews-dev/"
    )
    parser.add_argument("--no-dates", action="store_true", help="articles without publication dates")
    parser.add_argument(
        "--unseen", type=int, default=0, metavar="N", help="instead: list N unannotated incidents' items"
    )
    parser.add_argument("--offset", type=int, default=0, help="--unseen: skip the first N eligible incidents")
    parser.add_argument(
        "--articles", default="3-8", metavar="LO-HI", help="--unseen: incidents with LO to HI articles (3-8)"
    )
    parser.add_argument(
        "--one-date", action="store_true", help="--unseen: incidents whose articles are all of one date"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a constant of disputes.py, measures.py or pairs.py (sweeps), e.g. STORY_SHARE=0.25",
    )
    parser.add_argument(
        "--sweep",
        default="",
        metavar="NAME,NAME",
        help="instead: each constant at half, as is and double, scored on both halves and all (two-fold)",
    )
    args = parser.parse_args(argv)
    for assignment in args.set:
        name, value = assignment.split("=", 1)
        module = next(m for m in (disputes, measures, pairs, quoted) if hasattr(m, name))
        setattr(module, name, type(getattr(module, name))(value))
    if args.clusters:
        if not Path(args.clusters).is_dir():
            print(f"{args.clusters} not found; skipping.")
            return 0
        list_clusters(Path(args.clusters), load_baseline(args.baseline))
        return 0
    dirs = data_dirs(args.gold, args.piles)
    if dirs is None:
        print("disputes-dev / event-piles-dev not found (give DISPUTES_DIR or set BRIEFGEN_DATA); skipping.")
        return 0
    gold, piles = dirs
    if args.unseen:
        lo, hi = (int(x) for x in args.articles.split("-"))
        list_unseen(gold, piles, args.unseen, args.offset, (lo, hi), args.one_date)
        return 0
    scorer = gold / "score_disputes.py"
    topics = incidents(gold, piles, dated=not args.no_dates)
    events = [e for e, _ in topics]
    splits = {"all": events, "tune": events[:HALF], "held-out": events[HALF:]}
    if args.sweep:
        sweep(scorer, gold, topics, splits, [n for n in args.sweep.split(",") if n])
        return 0
    systems: dict[str, Callable[[TopicContext], Any]] = {}
    baseline = load_baseline(args.baseline)
    if baseline is not None:
        systems[f"baseline {args.baseline}"] = baseline
    systems["current"] = disputes.analyse
    n_articles = sum(len(t.articles) for _, t in topics)
    cpu50 = {name: topic_cpu(extract) for name, extract in systems.items()}
    print(
        "50-article topic (bench_sections' synthetic topic), CPU best of 5: "
        + ", ".join(f"{name} {t:.3f} s" for name, t in cpu50.items())
        + " (target < 0.3 s)"
    )
    print(
        f"disputes-dev: {len(topics)} incidents, {n_articles} articles; "
        f"tune = first {HALF} ids, held-out = rest"
    )
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        results: dict[str, dict[str, dict[str, str]]] = {}
        for name, extract in systems.items():
            pred = tmp / name.replace(" ", "_") / "all"
            pred.mkdir(parents=True)
            cpu = predict(topics, extract, pred)
            results[name] = {
                split: report(scorer, gold, pred, ids, tmp / name.replace(" ", "_") / split)
                for split, ids in splits.items()
            }
            print(f"{name}: extractor CPU time {cpu:.2f} s over {len(topics)} incidents")
            if args.v and name == "current":
                verbose_listing(gold, pred, splits[args.only])
        for split in splits:
            print(f"\n== {split} ({len(splits[split])} incidents)")
            for what in ("disputes", "updates shown as disputes", "updates", "quoted disagreements"):
                for name in systems:
                    line = results[name][split][what]
                    if what == "updates shown as disputes":
                        f = figures(line)
                        shown = round(f["recall"] * f.get("gold", 0) / 100) if f.get("gold") else 0
                        line = f"{shown} of {f.get('gold', 0):.0f} gold updates shown as a dispute"
                    elif what == "disputes":
                        line = line.split(": ", 1)[1] if ": " in line else line
                    else:
                        line = short(line)
                    print(f"  {what:<26} {name:<17} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
