"""Precision and recall of quote extraction, and speaker accuracy, on a hand-annotated set.

    python benchmarks/eval_quotes.py [GOLD.yml] [-v]

The default set, benchmarks/data/quotes_gold.yml, was written for briefgen (fictional articles).
A predicted quote matches a gold quote when one's words contain the other's or they are 85% alike;
each gold quote matches at most once. Speaker accuracy is over matched quotes; a gold quote whose
speaker the article never names (null) is only right when no speaker is predicted, so briefgen,
which drops quotes it cannot attribute, counts it as a miss.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from briefgen.models import Article
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
            if g["speaker"] and q.speaker == g["speaker"]:
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


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [a for a in argv if a != "-v"]
    path = Path(paths[0]) if paths else GOLD
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
