from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_templates(tmp_path: Path) -> None:
    """The templates must work from a non-editable install, so the wheel has to carry them."""
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
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("briefgen-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for template in ("brief.md.j2", "index.md.j2", "article.md.j2", "report.md.j2", "briefgen.css"):
        assert f"briefgen/templates/{template}" in names
    for module in ("html.py", "feeds.py", "jsonl.py"):
        assert f"briefgen/formats/{module}" in names
