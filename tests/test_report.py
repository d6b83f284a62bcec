"""The build report: every input accounted for (used, merged, skipped), the invariant, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import article

from briefgen.accounting import account_inputs
from briefgen.cli import main
from briefgen.config import Limits, load_config
from briefgen.errors import BriefgenError, InternalError
from briefgen.models import Brief, Skipped, Topic


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def build(input_dir: Path, out: Path, *extra: str) -> tuple[int, str, dict]:
    code, _, err = run("build", str(input_dir), "--docs-dir", str(out / "docs"), "--no-site", *extra)
    report_file = out / "docs" / "report.json"
    report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.exists() else {}
    return code, err, report


def test_every_input_is_used_merged_or_skipped(seed_dir: Path, tmp_path: Path) -> None:
    (seed_dir / "empty.md").write_text("\n \n")
    (seed_dir / "notes.docx").write_bytes(b"PK\x03\x04")
    code, err, report = build(seed_dir, tmp_path)
    assert code == 0
    statuses = {f["path"]: f["status"] for f in report["files"]}
    assert len(statuses) == report["inputs"] == 7
    assert report["used"] + report["merged"] + report["skipped"] == report["inputs"]
    assert statuses["empty.md"] == statuses["notes.docx"] == "skipped"
    merged = [f for f in report["files"] if f["status"] == "merged"]
    assert [(f["path"][:3], f["copy_of"][:3]) for f in merged] == [("002", "001")]
    used = [f for f in report["files"] if f["status"] == "used"]
    assert all(f["topics"] and f["articles"] for f in used)
    assert "7 files: 4 used, 1 merged (syndicated copies), 2 skipped; 1 topic" in err
    page = (tmp_path / "docs" / "report.md").read_text(encoding="utf-8")
    assert "<code>empty.md</code>: empty file" in page
    assert "a copy of <code>001" in page


def test_strict_fails_on_skipped_and_passes_when_clean(seed_dir: Path, tmp_path: Path) -> None:
    code, _, _ = build(seed_dir, tmp_path / "a", "--strict", "-q")
    assert code == 0
    (seed_dir / "x.bin").write_bytes(b"\x00")
    code, err, report = build(seed_dir, tmp_path / "b", "--strict", "-q")
    assert code == 1 and "1 input file skipped (--strict)" in err
    assert report["skipped"] == 1  # the report is still written, for CI to show


def test_exit_codes_are_documented_and_usage_errors_exit_2(tmp_path: Path) -> None:
    code, out, _ = run("--help")
    out = " ".join(out.split())
    assert code == 0 and "0 success" in out and "2 usage error" in out
    code, out, _ = run("build", "--help")
    assert "--strict" in out and "Exit codes" in out
    assert run("build", "--no-such-option")[0] == 2
    assert run("summarize", str(tmp_path / "missing.txt"))[0] == 2


def test_accounting_violation_is_an_internal_error() -> None:
    a = article("The council approved the budget on Monday after a long debate.", id="a")
    brief = Brief(Topic("t", "T", (a,)), syndication=(("a",),))
    account = account_inputs(["a.txt", "b.txt"], [a], [Skipped("b.txt", "empty file")], [brief])
    assert (account.count("used"), account.count("skipped")) == (1, 1)
    with pytest.raises(InternalError, match="neither used nor skipped"):
        account_inputs(["a.txt", "b.txt"], [a], [], [brief])
    with pytest.raises(InternalError, match="both used and skipped"):
        account_inputs(["a.txt"], [a], [Skipped("a.txt", "x")], [brief])
    with pytest.raises(InternalError, match="not in exactly one topic"):
        account_inputs(["a.txt"], [a], [], [])


def test_limits_config_is_validated(tmp_path: Path) -> None:
    good = tmp_path / "good.yml"
    good.write_text("limits:\n  max_file_bytes: 1000\n  max_article_chars: 500\n")
    config = load_config(good)
    assert config.limits == Limits(max_file_bytes=1000, max_article_chars=500)
    bad = tmp_path / "bad.yml"
    bad.write_text("limits:\n  max_file_bytes: -1\n  max_articles: 3\n  max_article_chars: true\n")
    with pytest.raises(BriefgenError) as exc:
        load_config(bad)
    message = str(exc.value)
    assert "limits.'max_file_bytes'" in message and "'max_articles'" in message
    assert "max_article_chars" in message


def test_limits_cut_and_skip_with_a_reason(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    sentence = "The committee reviewed the proposal in detail and voted on it. "
    (src / "long.txt").write_text((sentence * 40 + "\n") * 10)
    (src / "big.txt").write_text("x" * 60_000)
    (tmp_path / "briefgen.yml").write_text(
        "limits:\n  max_file_bytes: 50000\n  max_article_chars: 5000\n  max_sentences_per_article: 30\n"
    )
    code, _, report = build(src, tmp_path, "--config", str(tmp_path / "briefgen.yml"))
    assert code == 0
    files = {f["path"]: f for f in report["files"]}
    assert files["big.txt"]["reason"].startswith(
        "file too large (60,000 bytes; limit max_file_bytes = 50,000)"
    )
    notes = " ".join(files["long.txt"]["notes"])
    assert "limit max_article_chars" in notes and "limit max_sentences_per_article" in notes
