"""File-system helpers: write a whole output folder, then swap it in.

A build killed at any moment leaves either the previous folder or the new one in place, never a
half-written one. On Linux the swap is one atomic exchange (renameat2); elsewhere it is two renames,
and if a kill comes between them the next build restores the previous folder. The next build also
removes the staging folders a killed build left.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import sys
import tempfile
import unicodedata
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


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes.util  # here, not at start-up: only swapping folders needs it

        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0
    return done


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
    if target.is_dir() and not target.is_symlink() and exchange(stage, target):
        crash_point(f"swap:{target.name}")
        shutil.rmtree(stage, ignore_errors=True)  # now holds the previous output
        return
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


WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.I)
MAX_NAME_CHARS = 80


def safe_name(article_id: str) -> str:
    """A file name for an article id that cannot leave its folder and works on every file system.

    Plain ASCII ids (letters, digits, '.', '_', '-') are kept as they are. Any other id (path
    separators, '..', non-ASCII, very long, Windows device names) keeps its ASCII letters and gets
    a short hash of the whole id, so different ids never share a file. Ids that differ only in case
    are made distinct by the pipeline (case-insensitive file systems).
    """
    ascii_id = unicodedata.normalize("NFKD", article_id).encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_id).strip(".-")
    if (
        name
        and name == article_id
        and len(name) <= MAX_NAME_CHARS
        and not WINDOWS_RESERVED.match(name.split(".")[0])
    ):
        return name
    digest = hashlib.sha1(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{name[:MAX_NAME_CHARS].rstrip('.-')}-{digest}".lstrip("-")
