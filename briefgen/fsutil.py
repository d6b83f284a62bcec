"""File-system helpers: write a whole output folder, then swap it in.

A build killed at any moment leaves either the previous folder or the new one in place, never a
half-written one: the next build cleans up what a killed build left and restores the previous
folder if the kill came between the two renames of the swap.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CRASH_ENV = "BRIEFGEN_CRASH_AT"
"""Fault injection for the crash-safety tests: the build kills itself (SIGKILL) at this point."""


def crash_point(name: str) -> None:
    """Die here, as if killed, when the crash-safety tests ask for it (env BRIEFGEN_CRASH_AT)."""
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def recover(target: Path) -> None:
    """Undo what a killed build left beside `target`: restore the previous folder if the kill
    came mid-swap, and remove staging folders."""
    parent = target.parent
    if not parent.is_dir():
        return
    olds = sorted(parent.glob(f".{target.name}.old-*"))
    if not target.exists():
        for old in olds:
            if (old / target.name).is_dir():
                os.rename(old / target.name, target)
                break
    for leftover in [*olds, *parent.glob(f".{target.name}.new-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


@contextmanager
def staged_dir(target: Path) -> Iterator[Path]:
    """Yield an empty folder beside `target`; on success it replaces `target`.

    If the body fails, `target` is untouched and the staging folder is removed.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    crash_point(f"staged:{target.name}")
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rename(target, old / target.name)
    crash_point(f"swap:{target.name}")
    os.rename(stage, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
