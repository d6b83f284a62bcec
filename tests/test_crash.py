"""Crash safety: a build killed (SIGKILL) at any moment leaves the previous site, docs and cache
usable, and the next build completes and matches a build that was never interrupted, byte for byte.

The build kills itself at named points when BRIEFGEN_CRASH_AT is set (briefgen.fsutil.crash_point);
one more run is killed from outside after a delay, wherever it happens to be.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import working_tree

from briefgen.cli import main

NEW_ARTICLE = (
    "Japan and U.S. agree on missile production\n\n"
    "TOKYO (Reuters) — Japan and the United States agreed on Sunday to speed up joint production of "
    "air-to-air missiles, Defense Minister Gen Nakatani said after talks with Pete Hegseth. "
    "Nakatani said the two countries would also consider producing SM-6 interceptors together.\n"
)


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def differ(found: dict[str, bytes], expected: dict[str, bytes]) -> list[str]:
    """The files that are not the same in both (missing from one, or other bytes)."""
    return sorted(name for name in found.keys() | expected.keys() if found.get(name) != expected.get(name))


def args(input_dir: Path, out: Path, site: bool) -> list[str]:
    extra = [] if site else ["--no-site"]
    return ["build", str(input_dir), "--docs-dir", str(out / "docs"), "--site-dir", str(out / "site"),
            "--cache-dir", str(out / "cache"), "-q", *extra]  # fmt: skip


def build(input_dir: Path, out: Path, site: bool) -> None:
    result = CliRunner().invoke(main, args(input_dir, out, site), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr


def killed_build(input_dir: Path, out: Path, reference: dict, at: str = "", after: float = 0.0) -> int:
    """Run the CLI in a subprocess killed at crash point `at`, or `after` seconds."""
    env = {**os.environ, "BRIEFGEN_CRASH_AT": at}
    # The build first tells what it read of the working tree (see `same_tree`).
    tests = str(Path(__file__).parent)
    code = f"import sys; sys.path.insert(0, {tests!r}); from helpers import working_tree"
    code += "; print(working_tree()); from briefgen.cli import main; main()"
    command = [sys.executable, "-c", code, *args(input_dir, out, site=True)]
    with tempfile.TemporaryFile() as said:
        proc = subprocess.Popen(command, env=env, stdout=said)
        if after:
            try:
                proc.wait(timeout=after)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
        returncode = proc.wait()
        said.seek(0)
        same_tree(said.readline().decode().strip(), reference["tree"])
    return returncode


def same_tree(theirs: str, ours: str) -> None:
    """The killed build read the code, templates and mkdocs.yml the reference builds of this process
    read. Otherwise (a checkout or commit in this working tree while the tests run) the outputs
    differ for that reason alone, not for the crash: said so, instead of a difference in some page.
    `theirs` is empty when the build was killed (after a delay) before it said."""
    if theirs and theirs != ours:  # nothing said: killed before it started building
        pytest.fail(
            "briefgen's code, templates/ or mkdocs.yml changed in the working tree while the tests ran: "
            "the killed build did not read what the reference builds read"
        )


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("crash-inputs")
    old, new = root / "old", root / "new"
    shutil.copytree(Path(__file__).parent.parent / "seeds", old)
    shutil.copytree(old, new)
    (new / "005_reuters.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    return old, new


@pytest.fixture(scope="module")
def reference(inputs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Previous and next output of uninterrupted builds: old input, then new input."""
    old, new = inputs
    out = tmp_path_factory.mktemp("reference")
    build(old, out, site=True)
    previous = {d: files(out / d) for d in ("docs", "site")}
    shutil.copytree(out, out.parent / "reference-previous")
    build(new, out, site=True)
    return {"previous": previous, "next": {d: files(out / d) for d in ("docs", "site")},
            "previous_dir": {"path": out.parent / "reference-previous"}, "tree": working_tree()}  # fmt: skip


def start_from_previous(reference: dict, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(reference["previous_dir"]["path"], out)
    return out


@pytest.mark.parametrize(
    "point",
    ["swap:docs", "staged:site", "swap:site"],
)
def test_killed_build_leaves_previous_output_and_recovers(
    point: str, inputs: tuple[Path, Path], reference: dict, tmp_path: Path
) -> None:
    old, new = inputs
    out = start_from_previous(reference, tmp_path)
    assert killed_build(new, out, reference, at=point) == -signal.SIGKILL
    # The previous site is whole (or, past its swap, none was started); docs are old or new, never half.
    expected = reference["next" if point == "swap:site" else "previous"]["site"]
    assert differ(files(out / "site"), expected) == []
    docs = files(out / "docs")
    assert docs in (reference["previous"]["docs"], reference["next"]["docs"]), differ(
        docs, reference["next"]["docs"]
    )
    build(new, out, site=True)
    assert differ(files(out / "docs"), reference["next"]["docs"]) == []
    assert differ(files(out / "site"), reference["next"]["site"]) == []
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert leftovers == [], leftovers


def test_build_killed_after_a_delay_recovers(
    inputs: tuple[Path, Path], reference: dict, tmp_path: Path
) -> None:
    old, new = inputs
    out = start_from_previous(reference, tmp_path)
    for delay in (2.5,):
        killed_build(new, out, reference, after=delay)
        assert (out / "site" / "index.html").is_file()
        assert (out / "docs" / "index.md").is_file()
    build(new, out, site=True)
    assert differ(files(out / "docs"), reference["next"]["docs"]) == []
    assert differ(files(out / "site"), reference["next"]["site"]) == []


def test_a_killed_build_that_read_another_tree_is_told_apart(
    inputs: tuple[Path, Path], reference: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`[swap:site]` failed once (a topic page and the search index differed) and never again in 55
    runs: the killed build reads the working tree (code, templates/, mkdocs.yml) when it starts, the
    reference builds read it earlier, so a change of the tree in between (a checkout or commit during
    a long run) makes the outputs differ for no fault of the crash handling. Such a change is now
    reported as what it is."""
    old, new = inputs
    out = start_from_previous(reference, tmp_path)
    project = tmp_path / "project"
    shutil.copytree(Path(__file__).parent.parent / "templates", project / "templates")
    shutil.copyfile(Path(__file__).parent.parent / "mkdocs.yml", project / "mkdocs.yml")
    monkeypatch.chdir(project)
    ours = {**reference, "tree": working_tree()}
    assert killed_build(new, out, ours, at="swap:site") == -signal.SIGKILL  # the same tree: no complaint
    brief = project / "templates" / "brief.md.j2"
    brief.write_text(brief.read_text(encoding="utf-8") + "\nEdited while the tests ran.\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="changed in the working tree"):
        killed_build(new, start_from_previous(reference, tmp_path / "again"), ours, at="swap:site")
