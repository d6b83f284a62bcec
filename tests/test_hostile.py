"""The hostile corpus (tests/hostile.py): every bad input gets a clear report line, the build goes
on, nothing is written outside the output folders and no article content reaches a page as markup."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile import MarkupAudit, make_hostile_corpus

from briefgen.cli import main

OUTPUTS = ("docs", "site", "cache")


def snapshot(root: Path) -> dict[str, str]:
    """Every entry under `root` except the output folders: its kind and content hash."""
    tree: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        rel_folder = Path(folder).relative_to(root)
        if rel_folder == Path("."):
            dirs[:] = [d for d in dirs if d not in OUTPUTS and not d.startswith((".docs", ".site", ".cache"))]
        for name in dirs + files:
            path = Path(folder) / name
            st = path.lstat()
            if stat.S_ISREG(st.st_mode):
                kind = hashlib.sha256(path.read_bytes()).hexdigest()
            elif stat.S_ISLNK(st.st_mode):
                kind = "link:" + os.readlink(path)
            else:
                kind = "dir" if stat.S_ISDIR(st.st_mode) else f"special:{stat.S_IFMT(st.st_mode)}"
            tree[(rel_folder / name).as_posix()] = kind
    return tree


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("hostile")
    (root / "outside.txt").write_text("A secret sentence outside the input folder, never to be read.\n")
    expect = make_hostile_corpus(root / "in", (root / "outside.txt").resolve())
    before = snapshot(root)
    cwd = os.getcwd()
    os.chdir(root)  # a YAML payload would `touch PWNED` here
    try:
        args = ["build", "in", "--docs-dir", "docs", "--site-dir", "site", "--cache-dir", "cache"]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        strict = CliRunner().invoke(main, [*args, "--strict", "-q"], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    report = json.loads((root / "docs" / "report.json").read_text(encoding="utf-8"))
    return {
        "root": root,
        "expect": expect,
        "before": before,
        "after": snapshot(root),
        "result": result,
        "strict": strict,
        "report": report,
    }


def docs_only_build(src: Path, tmp_path: Path) -> list[str]:
    """`briefgen build` arguments for `src` writing docs (no site) and its cache under `tmp_path`."""
    return [
        "build",
        str(src),
        "--docs-dir",
        str(tmp_path / "docs"),
        "--no-site",
        "--cache-dir",
        str(tmp_path / "c"),
    ]


def test_build_goes_on_and_strict_fails(hostile_build: dict) -> None:
    assert hostile_build["result"].exit_code == 0, hostile_build["result"].stderr
    assert hostile_build["strict"].exit_code == 1
    assert "input files skipped" in hostile_build["strict"].stderr
    assert "(--strict)" in hostile_build["strict"].stderr


def test_every_input_has_a_clear_report_line(hostile_build: dict) -> None:
    report, expect = hostile_build["report"], hostile_build["expect"]
    files = {f["path"]: f for f in report["files"]}
    shown = {name.replace("\n", "?").replace("\x1b", "?"): want for name, want in expect.items()}
    assert set(files) == set(shown)
    assert report["inputs"] == len(shown) == report["used"] + report["merged"] + report["skipped"]
    for name, (status, reason) in shown.items():
        got = files[name]
        if status == "either":
            assert got["status"] != "skipped" or got["reason"], (name, got)
        elif status == "any":
            assert got["status"] in ("used", "merged"), (name, got)
        else:
            assert got["status"] == status, (name, got)
        if status == "skipped":
            assert reason in got["reason"], (name, got["reason"])
    assert report["ignored"] == [".hidden"]
    assert any("max_article_chars" in n for n in files["many-sentences.txt"]["notes"])
    assert any("line 3" in n for n in files["feed.jsonl"]["notes"])
    err = hostile_build["result"].stderr
    assert "\x1b" not in err  # a file name cannot send terminal escapes
    for name, (status, _) in shown.items():
        if status == "skipped":
            assert f"skipped {name}: " in err


def test_nothing_written_outside_the_output_folders(hostile_build: dict) -> None:
    assert hostile_build["after"] == hostile_build["before"]
    root = hostile_build["root"]
    assert not (root / "PWNED").exists() and not Path("PWNED").exists()
    for output in OUTPUTS:
        for path in (root / output).rglob("*"):
            assert path.resolve().is_relative_to((root / output).resolve())


def test_no_article_markup_reaches_a_page(hostile_build: dict) -> None:
    site = hostile_build["root"] / "site"
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        audit = MarkupAudit()
        audit.feed(page.read_text(encoding="utf-8"))
        assert not audit.problems, (page, audit.problems[:3])


def test_pages_have_distinct_case_insensitive_names(hostile_build: dict) -> None:
    docs = hostile_build["root"] / "docs"
    names = [p.name.casefold() for p in (docs / "articles").iterdir()]
    assert (
        len(names)
        == len(set(names))
        == hostile_build["report"]["used"] + hostile_build["report"]["merged"] + 1
    )
    ids = [a["id"] for f in hostile_build["report"]["files"] for a in f["articles"]]
    assert "A" in ids and "a-2" in ids  # a.txt and A.txt both kept, on distinct pages
    for name in names:
        assert name.endswith(".md") and "/" not in name and not name.startswith(".")


def test_non_english_articles_are_handled(hostile_build: dict) -> None:
    files = {f["path"]: f for f in hostile_build["report"]["files"]}
    for name in ("japanese.txt", "arabic.txt", "russian.md", "rtl-zero-width.txt"):
        assert files[name]["status"] in ("used", "merged")
    page = (hostile_build["root"] / "docs" / "articles" / "japanese.md").read_text(encoding="utf-8")
    assert "市議会は月曜日、長い議論の末に新しい予算を承認した。" in page


def test_a_50mb_line_is_skipped_unread_or_cut_within_bounds(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    line = "the council approved the budget on monday and the mayor said "
    with (src / "huge.txt").open("w") as f:
        for _ in range(50_000_000 // len(line) + 1):
            f.write(line)
    (src / "ok.txt").write_text(
        "The council approved the budget on Monday. The mayor said it adds teachers.\n"
    )
    args = docs_only_build(src, tmp_path)
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0
    assert "skipped " + str(Path("huge.txt")) in result.stderr and "file too large" in result.stderr
    config = tmp_path / "big.yml"
    config.write_text("limits:\n  max_file_bytes: 60000000\n")
    result = CliRunner().invoke(main, [*args, "--config", str(config)], catch_exceptions=False)
    assert result.exit_code == 0
    report = json.loads((tmp_path / "docs" / "report.json").read_text(encoding="utf-8"))
    huge = next(f for f in report["files"] if f["path"] == "huge.txt")
    assert huge["status"] in ("used", "merged") and "limit max_article_chars" in huge["notes"][0]


@pytest.mark.slow
def test_20000_tiny_files_are_each_accounted_for(tmp_path: Path) -> None:
    """20,000 tiny files (a few words, no sentence) next to one real article: every one gets a
    report line; reading costs about a millisecond a file (see benchmarks/hostile_build.py)."""
    src = tmp_path / "in"
    for n in range(200):
        (src / f"d{n:03d}").mkdir(parents=True)
        for i in range(100):
            (src / f"d{n:03d}" / f"t{i:03d}.txt").write_text(f"note {n * 100 + i}\n")
    (src / "d000" / "real.txt").write_text(
        "The council approved the budget on Monday after a long debate. The mayor said it adds teachers.\n"
    )
    args = docs_only_build(src, tmp_path)
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr[-500:]
    assert "... and 19950 more skipped: see" in result.stderr
    report = json.loads((tmp_path / "docs" / "report.json").read_text(encoding="utf-8"))
    assert (report["inputs"], report["used"], report["skipped"]) == (20_001, 1, 20_000)
    assert len({f["path"] for f in report["files"]}) == 20_001
