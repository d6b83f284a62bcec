from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_templates(tmp_path: Path) -> None:
    """The templates must work from a non-editable install, so the wheel has to carry them."""
    # Build from a clean copy: a stale build/ folder in the checkout would hide missing packages.
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "briefgen", "templates"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("briefgen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    # Every module and data file of the package (a sub-package missing from pyproject's list
    # breaks `pip install .` with ModuleNotFoundError), and every default template.
    expected = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "briefgen").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    expected |= {
        f"briefgen/templates/{path.relative_to(ROOT / 'templates').as_posix()}"
        for path in (ROOT / "templates").rglob("*")
        if path.is_file() and path.suffix in (".j2", ".css", ".js", ".html")
    }
    assert "briefgen/templates/brief.md.j2" in expected
    assert "briefgen/templates/theme/briefgen-article.html" in expected
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "briefgen = briefgen.plugin:BriefgenPlugin" in zipfile.ZipFile(wheel).read(entry_points).decode()
    assert sorted(expected - names) == []
