from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.evaluate import Rouge, evaluate, load_clusters, truncate

DOCS = {
    "budget": (
        [
            "The city council approved a new budget for the public schools on Monday evening.\n\n"
            "Teachers will receive a five percent raise under the approved budget.\n\n"
            "A local bakery sold out of croissants before noon on the same day.",
            "City council members approved the schools budget on Monday after a long debate.\n\n"
            "The budget gives teachers a five percent raise starting next year, the mayor said.",
        ],
        "The city council approved a schools budget on Monday that gives teachers a five percent raise.",
    ),
    "storm": (
        [
            "A powerful storm knocked out power to thousands of homes along the coast on Friday.\n\n"
            "Crews worked through the night to restore electricity to the affected homes.",
            "Thousands of coastal homes lost power on Friday when a powerful storm hit the region.\n\n"
            "The storm also closed two bridges and several schools for the weekend.",
        ],
        "A storm cut power to thousands of coastal homes on Friday; crews worked overnight to restore it.",
    ),
}


def make_dataset(root: Path) -> Path:
    for name, (docs, ref) in DOCS.items():
        (root / name / "docs").mkdir(parents=True)
        (root / name / "refs").mkdir()
        for i, text in enumerate(docs, 1):
            (root / name / "docs" / f"doc{i:02d}.txt").write_text(text, encoding="utf-8")
        (root / name / "refs" / "ref.txt").write_text(ref, encoding="utf-8")
    return root


def test_truncate_cuts_at_n_words() -> None:
    assert truncate("one two  three\nfour", 3) == "one two three"
    assert truncate("one", 5) == "one"


def test_rouge_recall_and_f1_with_stemming() -> None:
    rouge = Rouge(words=100)
    same = rouge("The councils approved budgets.", ["council approves budget"])
    assert same.r1_recall == pytest.approx(1.0)
    assert same.r2_recall == pytest.approx(1.0)
    assert same.r1_f == pytest.approx(2 * 0.75 / 1.75)  # precision 3/4: "the" is not in the reference
    none = rouge("Completely unrelated words here.", ["the council approved the budget"])
    assert none.r1_recall == 0.0 and none.r2_f == 0.0


def test_rouge_cuts_summary_and_references() -> None:
    rouge = Rouge(words=2)
    scores = rouge("storm hit coast today", ["storm hit the coast"])
    assert scores.r1_recall == pytest.approx(1.0)  # both cut to two words: "storm hit"


def test_load_clusters_needs_docs_and_refs(tmp_path: Path) -> None:
    make_dataset(tmp_path)
    (tmp_path / "empty" / "docs").mkdir(parents=True)
    assert [c.name for c in load_clusters(tmp_path)] == ["budget", "storm"]


def test_evaluate_scores_every_algorithm(tmp_path: Path) -> None:
    result = evaluate(make_dataset(tmp_path), 30, ["consensus", "lexrank"])
    assert result.clusters == ["budget", "storm"]
    for name in ("consensus", "lexrank"):
        mean = result.results[name].mean
        assert 0.3 < mean.r1_recall <= 1.0
        assert len(result.results[name].seconds) == 2
    assert result.cleaning.kept_share == pytest.approx(1.0)


def test_eval_command_prints_side_by_side(tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path)
    result = CliRunner().invoke(
        main, ["eval", str(dataset), "--words", "30", "--algorithms", "consensus,textrank", "-q"]
    )
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[3:] if line.strip()}
    assert list(rows) == ["algorithm", "consensus", "textrank"]
    assert rows["algorithm"] == ["R-1", "R", "R-1", "F", "R-2", "R", "R-2", "F", "s/cluster"]
    assert all(0 < float(v) <= 100 for v in rows["consensus"][:4])
    assert "2 clusters, 4 documents" in result.stdout
    assert "cut at 30 words" in result.stdout


def test_eval_command_errors(tmp_path: Path) -> None:
    dataset = make_dataset(tmp_path)
    bad = CliRunner().invoke(main, ["eval", str(dataset), "--algorithms", "consensus,nope"])
    assert bad.exit_code == 2 and "nope" in bad.stderr
    (tmp_path / "empty").mkdir()
    empty = CliRunner().invoke(main, ["eval", str(tmp_path / "empty")])
    assert empty.exit_code == 1 and "no cluster" in empty.stderr


def test_eval_help() -> None:
    result = CliRunner().invoke(main, ["eval", "--help"])
    assert result.exit_code == 0
    for option in ("--words", "--algorithms", "--quiet"):
        assert option in result.stdout


@pytest.mark.skipif(not os.environ.get("BRIEFGEN_DATA"), reason="BRIEFGEN_DATA not set")
def test_consensus_beats_lexrank_on_the_dev_data() -> None:
    """On real clusters (BRIEFGEN_DATA=path/to/multinews-dev): consensus beats sumy's LexRank."""
    dataset = Path(os.environ["BRIEFGEN_DATA"])
    clusters = load_clusters(dataset)[:20]
    result = evaluate(dataset, 300, ["consensus", "lexrank"], clusters=clusters)
    ours, theirs = result.results["consensus"].mean, result.results["lexrank"].mean
    assert ours.r2_recall > theirs.r2_recall
    assert ours.r1_recall > theirs.r1_recall
