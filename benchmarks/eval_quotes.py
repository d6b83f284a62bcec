"""Precision and recall of quote extraction, and speaker accuracy.

    python benchmarks/eval_quotes.py [GOLD.yml] [-v]
    python benchmarks/eval_quotes.py POLNEAR_SPLIT_DIR [--save PRED_DIR] [-v]

With a YAML file (default benchmarks/data/quotes_gold.yml, fictional articles written for briefgen):
a predicted quote matches a gold quote when one's words contain the other's or they are 85% alike;
each gold quote matches at most once. Speaker accuracy is over matched quotes; a gold quote whose
speaker the article never names (null) is right when the predicted speaker is an unnamed source
(a description such as "a teacher at the school") or none.

With a folder of annotated articles (`<article>/article.txt` + `quotes.json`, e.g. the PolNeAR
splits under ../shared/data/polnear-dev), every article is read as the pipeline reads a file, its
quotes are extracted on their own from the context the pipeline builds (typewriter marks read as
typographic ones, as every stage after reading sees them), and the scorer that sits next to the
split (`score_quotes.py`, imported, not copied) scores them side by side with a plain
quotation-mark regex baseline. The data never enters the repository; the folder comes from the
command line. Also printed: how many quotes briefgen returned with "speaker not identified" (the
scorer counts their speaker as wrong), and the CPU seconds quote extraction took over all the articles.
"""

from __future__ import annotations

import collections
import importlib.util
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from briefgen.analyze import build_context
from briefgen.models import Article, Topic
from briefgen.reading.split import split_article, words
from briefgen.sections import TopicContext, quotes

GOLD = Path(__file__).parent / "data" / "quotes_gold.yml"


def key(text: str) -> str:
    return " ".join(words(text))


def same(a: str, b: str) -> bool:
    ka, kb = key(a), key(b)
    shorter, longer = sorted((ka, kb), key=len)
    return bool(shorter) and (f" {shorter} " in f" {longer} " or fuzz.ratio(ka, kb) >= 85)


def evaluate(gold: list[dict[str, Any]], verbose: bool = False) -> dict[str, float]:
    predicted = matched = correct = gold_total = named_total = named_matched = 0
    for entry in gold:
        article = Article(id=entry["id"], path=f"{entry['id']}.txt", text=entry["text"].strip())
        ctx = TopicContext((article,), {article.id: split_article(article)})
        found = quotes.extract(ctx)
        expected = list(entry.get("quotes") or [])
        gold_total += len(expected)
        named_total += sum(1 for g in expected if g["speaker"])
        used: set[int] = set()
        for q in found:
            predicted += 1
            hit = next((i for i, g in enumerate(expected) if i not in used and same(q.text, g["text"])), None)
            if hit is None:
                if verbose:
                    print(f"  false positive [{entry['id']}]: {q.text!r} ({q.speaker})")
                continue
            used.add(hit)
            matched += 1
            g = expected[hit]
            named_matched += bool(g["speaker"])
            if (q.speaker == g["speaker"]) if g["speaker"] else q.speaker_kind == "unnamed":
                correct += 1
            elif verbose:
                print(
                    f"  wrong speaker [{entry['id']}]: {q.text!r}: {q.speaker!r}, expected {g['speaker']!r}"
                )
        if verbose:
            for i, g in enumerate(expected):
                if i not in used:
                    print(f"  missed [{entry['id']}]: {g['text']!r} ({g['speaker']})")
    return {
        "articles": len(gold),
        "gold_quotes": gold_total,
        "predicted": predicted,
        "precision": matched / predicted if predicted else 1.0,
        "recall": matched / gold_total if gold_total else 1.0,
        "recall_named": named_matched / named_total if named_total else 1.0,
        "speaker_accuracy": correct / matched if matched else 1.0,
    }


# -- annotated folders (PolNeAR) -----------------------------------------------------------------

# The baseline: every stretch between two quotation marks of one paragraph, no speaker.
REGEX_BASELINE = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"|''([^'\n]+(?:'[^'\n]+)*)''")


def baseline_quotes(text: str) -> list[dict[str, Any]]:
    out = []
    for m in REGEX_BASELINE.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        if len(inner.split()) >= 2:
            out.append({"text": inner, "speaker": None})
    return out


def read_article(path: Path) -> Article | None:
    from briefgen.pipeline import read_articles

    articles, _ = read_articles([path])
    return articles[0] if articles else None


def briefgen_quotes(article: Article) -> tuple[list[dict[str, Any]], float]:
    """The article's quotes as the scorer reads them, and the CPU seconds extraction took."""
    ctx = build_context(Topic(slug=article.id, title=article.title, articles=(article,)))
    start = time.process_time()
    found = quotes.extract(ctx)
    seconds = time.process_time() - start
    return [
        {"text": q.text, "speaker": q.speaker, "speaker_text": q.speaker_text, "speaker_kind": q.speaker_kind}
        for q in found
    ], seconds


def load_scorer(folder: Path) -> Any:
    path = folder.parent / "score_quotes.py"
    if not path.is_file():
        raise SystemExit(f"no score_quotes.py next to {folder}")
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer: Any, gold: dict[str, Any], preds: dict[str, list[dict[str, Any]]]) -> dict[str, float]:
    c: collections.Counter[str] = collections.Counter()
    for name, g in gold.items():
        scorer.score_article(g, preds.get(name, []), 0.8, c, [])
    mp = c["matched_pred"]
    fp = c["pred"] - mp - c["neutral"]

    def ratio(a: int, b: int) -> float:
        return a / b if b else float("nan")

    return {
        "gold": c["gold"],
        "predicted": c["pred"],
        "recall": ratio(c["matched"], c["gold"]),
        "precision": ratio(mp, mp + fp),
        "strict precision": ratio(mp, c["pred"]),
        "speaker, not pronoun": ratio(c["spk_named_ok"], c["spk_named_n"]),
        "speaker, proper names": ratio(c["spk_propername_ok"], c["spk_propername_n"]),
        "speaker, pronoun (silver)": ratio(c["spk_pronoun_silver_ok"], c["spk_pronoun_silver_n"]),
    }


def evaluate_folder(folder: Path, save: Path | None = None) -> dict[str, dict[str, float]]:
    scorer = load_scorer(folder)
    gold = scorer.load_gold(str(folder))
    ours: dict[str, list[dict[str, Any]]] = {}
    plain: dict[str, list[dict[str, Any]]] = {}
    seconds = 0.0
    for name in gold:
        path = folder / name / "article.txt"
        plain[name] = baseline_quotes(path.read_text(encoding="utf-8"))
        article = read_article(path)
        if article is None:
            ours[name] = []
            continue
        ours[name], took = briefgen_quotes(article)
        seconds += took
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        for name, found in ours.items():
            (save / f"{name}.json").write_text(json.dumps(found, ensure_ascii=False, indent=1), "utf-8")
    result = {"briefgen": score(scorer, gold, ours), "regex baseline": score(scorer, gold, plain)}
    result["briefgen"]["speaker not identified"] = sum(
        q["speaker_kind"] == "unknown" for found in ours.values() for q in found
    )
    result["briefgen"]["CPU seconds (quotes)"] = seconds
    return result


def print_table(folder: Path, result: dict[str, dict[str, float]]) -> None:
    ours, base = result["briefgen"], result["regex baseline"]
    print(f"{folder}: {len(list(folder.glob('*/quotes.json')))} articles, {ours['gold']} gold direct quotes")
    print(f"{'':28s}{'briefgen':>12s}{'regex baseline':>16s}")
    for name in ours:
        a, b = ours[name], base.get(name, float("nan"))
        if isinstance(a, int):
            print(f"{name:28s}{a:12d}{b if isinstance(b, int) else '-':>16}")
        elif name.startswith("CPU"):
            print(f"{name:28s}{a:12.3f}{'':>16s}")
        else:
            print(f"{name:28s}{a:12.3f}{b:16.3f}")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    save = None
    if "--save" in args:
        i = args.index("--save")
        save = Path(args[i + 1])
        del args[i : i + 2]
    path = Path(args[0]) if args else GOLD
    if path.is_dir():
        print_table(path, evaluate_folder(path, save))
        return 0
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))["articles"]
    result = evaluate(gold, verbose)
    print(
        f"quotes: {result['articles']} articles, {result['gold_quotes']} gold quotes, "
        f"{result['predicted']} predicted; precision {result['precision']:.3f}, "
        f"recall {result['recall']:.3f} "
        f"(named speakers {result['recall_named']:.3f}), speaker accuracy {result['speaker_accuracy']:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
