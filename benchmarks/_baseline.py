"""Run a benchmark script with the code of another commit, for figures side by side in one run."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_at_commit(ref: str, script: Path, args: list[str]) -> str:
    """`script args` run with briefgen as of commit `ref` (a temporary git worktree first on
    PYTHONPATH, the script itself from this checkout); its standard output."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "baseline"
        git = ["git", "-C", str(ROOT), "worktree"]
        subprocess.run([*git, "add", "-q", "--detach", str(tree), ref], check=True)
        try:
            done = subprocess.run(
                [sys.executable, str(script), *args],
                env={**os.environ, "PYTHONPATH": str(tree)},
                cwd=tree,
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            subprocess.run([*git, "remove", "--force", str(tree)], check=True)
    return done.stdout
