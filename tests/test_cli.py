from __future__ import annotations

import json
import re
import textwrap
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen import __version__
from briefgen.cli import main
from briefgen.reading.lines import printed_in
from briefgen.reading.split import sentence_spans

BOILERPLATE = (
    "READ:",
    "Please make a small donation",
    "Login To Facebook To Comment",
    "Subscribe to IRIA News",
    "Related Articles",
    "(Image Credit:",
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


@pytest.mark.parametrize("command", [[], ["build"], ["brief"], ["summarize"], ["topics"]])
def test_every_command_has_help(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0
    assert "Usage:" in out
    for line in out.splitlines():
        if line.strip().startswith("--") and "--help" not in line:
            assert len(line.split(None, 1)) == 2 or "  " in line.strip(), f"option without help: {line}"


def test_brief_json_on_seeds(seeds: list[Path]) -> None:
    code, out, _ = run("brief", *map(str, seeds), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert sorted(a["id"] for a in data["articles"]) == sorted(p.stem for p in seeds)
    # In reading order: dated articles first, by date.
    dates = [a["published"] for a in data["articles"]]
    dated = [d for d in dates if d]
    assert dates[: len(dated)] == sorted(dated)
    for key in ("summary", "decisions", "quotes", "disputes", "context"):
        assert data[key], key
    files = {p.stem: p.read_text(encoding="utf-8") for p in seeds}
    sections = data["summary"] + data["decisions"] + data["context"] + data["quotes"]
    sides = [side for d in data["disputes"] for side in d["sides"]]
    for item in sections + sides:
        assert item["sources"]
        for source in item["sources"]:
            # Found in its file by the README's rule (white space, hyphens, quotation marks).
            assert printed_in(source["sentence"], files[source["article"]]), source
    top = data["quotes"][0]
    assert (
        top["text"] == "Japan is our indispensable partner in deterring Communist Chinese military aggression"
    )
    assert "Hegseth" in top["speaker"]
    assert len({s["article"] for s in top["sources"]}) >= 4
    troop = next(d for d in data["disputes"] if "troop" in d["about"])
    assert {s["article"][:3] for s in troop["sides"][0]["sources"]} == {"001", "002"}
    assert {s["article"][:3] for s in troop["sides"][1]["sources"]} == {"004"}
    shown = " ".join(
        [i["text"] for i in sections] + [s["text"] for s in sides] + [d["about"] for d in data["disputes"]]
    )
    shown = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", shown))
    for phrase in BOILERPLATE:
        assert phrase not in shown


def test_the_same_files_in_another_order_give_the_same_brief(seeds: list[Path]) -> None:
    code, forward, _ = run("brief", *map(str, seeds), "--format", "json")
    code_back, backward, _ = run("brief", *map(str, reversed(seeds)), "--format", "json")
    assert code == code_back == 0
    assert forward == backward


def test_the_same_files_in_another_layout_give_the_same_brief(seeds: list[Path], tmp_path: Path) -> None:
    """Straight or typewriter quotation marks, CRLF line ends, blank lines between paragraphs, lines
    hard-wrapped (paragraphs apart by a blank line or by a tab), one sentence a line or no-break spaces
    printed as spaces change no item, no citation number and no order in the brief; only the anchors
    into each article (its character offsets) move."""

    def paragraphs(text: str) -> list[str]:
        return [line for line in text.split("\n") if line.strip()]  # the seeds: one paragraph a line

    def wrapped(text: str, indent: str = "", apart: str = "\n\n") -> str:
        lines = (
            textwrap.wrap(p, 68, initial_indent=indent, break_on_hyphens=False) for p in paragraphs(text)
        )
        return apart.join("\n".join(p) for p in lines) + "\n"

    def by_sentence(text: str) -> str:
        return "\n\n".join("\n".join(p[a:b] for a, b in sentence_spans(p)) for p in paragraphs(text)) + "\n"

    layouts = {
        "straight": lambda t: t.replace("“", '"').replace("”", '"'),
        "typewriter": lambda t: t.replace("“", "``").replace("”", "''"),
        "crlf": lambda t: t.replace("\n", "\r\n"),
        "blank-lines": lambda t: t.replace("\n", "\n\n"),
        "wrapped": wrapped,
        "wrapped-indented": lambda t: wrapped(t, "\t", "\n"),
        "sentence-a-line": by_sentence,
        "no-break-spaces": lambda t: t.replace("\xa0", " "),
    }
    assert any("\xa0" in seed.read_text(encoding="utf-8") for seed in seeds)
    code, expected, _ = run("brief", *map(str, seeds))
    assert code == 0

    def without_anchors(markdown: str) -> str:
        return re.sub(r"#s-\d+", "", markdown)

    for name, layout in layouts.items():
        folder = tmp_path / name
        folder.mkdir()
        for seed in seeds:
            (folder / seed.name).write_bytes(layout(seed.read_text(encoding="utf-8")).encode())
        code, out, _ = run("brief", *map(str, sorted(folder.iterdir())))
        assert code == 0
        assert without_anchors(out) == without_anchors(expected), name


def test_brief_markdown(seeds: list[Path]) -> None:
    code, out, _ = run("brief", *map(str, seeds))
    assert code == 0
    assert out.startswith("---\ntitle: ")
    assert "\n# " in out
    for heading in ("## Summary", "## Key decisions", "## Quotes", "## Disputes", "## Context", "## Sources"):
        assert heading in out


def test_summarize_word_budget(seeds: list[Path]) -> None:
    for algorithm in ("consensus", "lexrank"):
        code, out, _ = run("summarize", *map(str, seeds), "--words", "60", "--algorithm", algorithm)
        assert code == 0
        lines = out.strip().splitlines()
        assert lines and sum(len(line.split()) for line in lines) <= 60
        corpus = " ".join(p.read_text(encoding="utf-8") for p in seeds)
        assert all(line in corpus for line in lines)


def test_console_script_ends_read_only_commands_early_with_all_output(
    seeds: list[Path], tmp_path: Path
) -> None:
    """The console script skips teardown after `summarize` and `brief`: the output must be whole
    (flushed, also into a pipe), the exit status that of the command."""
    import subprocess
    import sys

    script = "from briefgen.cli import run; run()"
    for args in (["summarize", "--words", "80"], ["brief"], ["summarize", "--json"]):
        done = subprocess.run(
            [sys.executable, "-c", script, *args, *map(str, seeds)], capture_output=True, text=True
        )
        code, out, _ = run(*args, *map(str, seeds))
        assert (done.returncode, code) == (0, 0), done.stderr
        assert done.stdout == out and out.strip()
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    failed = subprocess.run(
        [sys.executable, "-c", script, "summarize", str(empty)], capture_output=True, text=True
    )
    assert failed.returncode == 1 and "no usable article" in failed.stderr


def test_build_writes_docs_and_site(seed_dir: Path, tmp_path: Path) -> None:
    docs, site = tmp_path / "docs", tmp_path / "site"
    code, _, err = run("build", str(seed_dir), "--docs-dir", str(docs), "--site-dir", str(site), "-q")
    assert code == 0, err
    topics = list((docs / "topics").glob("*.md"))
    assert len(topics) == 1
    assert (docs / "index.md").read_text(encoding="utf-8").count("](topics/") == 1
    assert (site / "index.html").is_file()
    assert (site / "topics" / topics[0].stem / "index.html").is_file()
    # Templates are not published: the site holds pages and assets only.
    assert not [p.name for p in site.rglob("*.j2")]
    assert not (site / "briefgen-article.html").exists()
    page = (site / "topics" / topics[0].stem / "index.html").read_text(encoding="utf-8")
    assert "indispensable partner" in page
    report = json.loads((docs / "report.json").read_text(encoding="utf-8"))
    assert (report["inputs"], report["used"], report["merged"], report["skipped"]) == (5, 4, 1, 0)
    [merged] = [f for f in report["files"] if f["status"] == "merged"]
    assert merged["path"].startswith("002") and merged["copy_of"].startswith("001")


def test_build_is_deterministic(seed_dir: Path, tmp_path: Path) -> None:
    outputs = []
    for n in (1, 2):
        docs = tmp_path / f"docs{n}"
        code, _, _ = run("build", str(seed_dir), "--docs-dir", str(docs), "--no-site", "-q")
        assert code == 0
        outputs.append({p.relative_to(docs): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1]


def test_bad_files_are_reported_and_skipped(seed_dir: Path, tmp_path: Path) -> None:
    (seed_dir / "empty.txt").write_text("")
    (seed_dir / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (seed_dir / "image.png").write_bytes(b"\x89PNG\r\n")
    code, _, err = run("build", str(seed_dir), "--docs-dir", str(tmp_path / "d"), "--no-site")
    assert code == 0
    assert "empty.txt: empty file" in err
    assert "blob.txt: binary file" in err
    assert "image.png: unsupported file type" in err
    report = json.loads((tmp_path / "d" / "report.json").read_text(encoding="utf-8"))
    assert (report["inputs"], report["used"], report["merged"], report["skipped"]) == (8, 4, 1, 3)
    code, _, err = run(
        "build", str(seed_dir), "--docs-dir", str(tmp_path / "d"), "--no-site", "--strict", "-q"
    )
    assert code == 1 and "skipped" in err


def test_missing_input_dir(tmp_path: Path) -> None:
    code, _, err = run("build", str(tmp_path / "nope"), "--no-site")
    assert code == 1
    assert "does not exist" in err
    assert "Traceback" not in err


def test_no_usable_article(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    code, _, err = run("build", str(tmp_path / "in"), "--docs-dir", str(tmp_path / "d"), "--no-site")
    assert code == 1
    assert err.strip().splitlines()[-1].startswith("Error: no usable article")


def test_hostile_text_is_escaped(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "evil.txt").write_text(
        "The mayor said the <script>alert(1)</script> plan was approved by the council on Monday. "
        "Officials agreed to [click here](javascript:alert(1)) and {{ config }} and {% raw %} at once.\n"
    )
    code, _, err = run(
        "build",
        str(tmp_path / "in"),
        "--docs-dir",
        str(tmp_path / "d"),
        "--site-dir",
        str(tmp_path / "s"),
        "-q",
    )
    assert code == 0, err
    for page in (tmp_path / "s").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html
        assert 'href="javascript:' not in html


def test_build_summary_line_counts_cached_topics(seed_dir: Path, tmp_path: Path) -> None:
    args = ("build", str(seed_dir), "--docs-dir", str(tmp_path / "docs"), "--no-site")
    code, first, err = run(*args)
    assert code == 0, err
    assert "1 topic (1 analysed) ->" in first + err
    code, second, err = run(*args)
    assert code == 0, err
    assert "1 topic (0 analysed, 1 from the cache) ->" in second + err
