"""File-system helpers: write a whole output folder, then swap it in.

A build killed at any moment leaves either the previous folder or the new one in place, never a
half-written one. On Linux the swap is one atomic exchange (renameat2); elsewhere it is two renames,
and if a kill comes between them the next build restores the previous folder. The next build also
removes the staging folders a killed build left.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Collection, Iterator
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
def staged_dir(
    target: Path, spare: Path | None = None, written: set[str] | None = None, prepare: bool = True
) -> Iterator[Path]:
    """Yield a folder beside `target` to write the new output into; on success it replaces `target`.

    If the body fails, `target` is untouched and the staging folder is removed.

    Without `spare` the staging folder is empty and the previous output is removed after the swap.
    With `spare` (a folder on the same file system, e.g. in the build cache), the previous output is
    moved there after the swap instead, and the next build is staged in it: the body writes its files
    over the old ones and the files it did not write are removed before the swap (`prune_unwritten`;
    `written`: paths the body wrote without changing them, see `LinkingWriter`). The output is the
    same; what is saved is removing and creating every folder of a large site again (on some disks
    removing a folder or freeing a file's blocks costs milliseconds: 3,000 of them, seconds).
    `prepare=False`: the body does both steps itself (`LinkingWriter.prepare_full`/`prepare_dirty` and
    `finish`), so it can skip them when it knows what the spare holds.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    before: dict[str, int] | None = None
    if spare is not None and spare.is_dir():
        try:
            os.rmdir(stage)
            os.rename(spare, stage)  # a kill from here on leaves a staging folder: `recover` removes it
            before = file_changes(stage, unlink_shared=True) if prepare else None
        except OSError:  # another file system, or the spare vanished: stage in an empty folder
            stage.mkdir(exist_ok=True)
            before = None
    try:
        yield stage
        if before is not None:
            prune_unwritten(stage, before, written or set())
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    crash_point(f"staged:{target.name}")
    if target.is_dir() and not target.is_symlink() and exchange(stage, target):
        crash_point(f"swap:{target.name}")
        _retire(stage, spare)  # now holds the previous output
        return
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rename(target, old / target.name)
    crash_point(f"swap:{target.name}")
    os.rename(stage, target)
    if old is not None:
        _retire(old / target.name, spare)
        shutil.rmtree(old, ignore_errors=True)


def _retire(previous: Path, spare: Path | None) -> None:
    """The previous output, swapped out: kept as the spare to stage the next build in, else removed."""
    if spare is not None and previous.is_dir() and not previous.is_symlink():
        try:
            spare.parent.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(spare, ignore_errors=True)
            os.rename(previous, spare)
            return
        except OSError:  # another file system: remove it
            pass
    shutil.rmtree(previous, ignore_errors=True)


def file_changes(folder: Path, unlink_shared: bool = False) -> dict[str, int]:
    """Every file under `folder` (path) with its status-change time (ns): a file written again since
    has another one, whatever its content and modification time.

    `unlink_shared`: files with another hard link (a page the live output shares, see `LinkingWriter`)
    are unlinked first (cheap: their blocks stay in use), so nothing written into `folder` in place can
    change the live output."""
    found: dict[str, int] = {}
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            st = os.lstat(path)
            if unlink_shared and st.st_nlink > 1:
                os.unlink(path)
            else:
                found[path] = st.st_ctime_ns
    return found


def prune_unwritten(folder: Path, before: dict[str, int], written: Collection[str] = ()) -> None:
    """Remove the files of `before` (see `file_changes`) neither written since nor in `written`, then
    the folders left empty: what remains of `folder` is what was written into it."""
    for path, changed in before.items():
        if path in written:
            continue
        try:
            if os.lstat(path).st_ctime_ns == changed:
                os.unlink(path)
        except FileNotFoundError:
            pass
    for root, dirs, _names in os.walk(folder, topdown=False):
        for name in dirs:
            with contextlib.suppress(OSError):  # only empty ones go
                os.rmdir(os.path.join(root, name))


class LinkingWriter:
    """Writes the files of a new output folder (`stage`) so that a file with the same bytes as the
    same file of the live output (`live`) becomes a hard link to it instead of a new copy: no block
    freed and written again, and the file keeps its modification time. Any other file is written
    anew (never in place over a file the live output shares). `written` lists what it wrote."""

    def __init__(self, stage: Path, live: Path, over_previous: bool = False) -> None:
        self.stage = os.path.abspath(stage)
        self.live = os.path.abspath(live)
        self.prefix = os.path.join(self.stage, "")
        self.live_exists = os.path.isdir(self.live)  # a first build has no live output to compare with
        self.written: set[str] = set()
        self.linked = 0
        self.over_previous = over_previous
        """The stage holds an earlier output (`staged_dir(..., prepare=False)`): `prepare_full` or
        `prepare_dirty` runs before the first write, and `finish` after the last."""
        self.before: dict[str, int] | None = None
        self.stale: list[str] = []
        self.mode = "" if over_previous else "full"
        self.kept = 0  # files of the stage kept as they were (a dirty site build)
        self.folders: set[str] = set()  # folders made (or found) by `write`

    def prepare_full(self) -> None:
        """Every file of the stage may be written again: snapshot it (see `staged_dir`)."""
        if not self.mode:
            self.mode = "full"
            self.before = file_changes(Path(self.stage), unlink_shared=True)

    def prepare_dirty(self, stale: Collection[str], rewritten: Collection[str] = ()) -> None:
        """Only some files will be written, by this writer or in place (`rewritten`: paths relative to
        the stage, unlinked now when the live output shares them); `stale` (relative paths) are not in
        the new output and are removed by `finish`."""
        self.mode = "dirty"
        self.stale = list(stale)
        for name in rewritten:
            path = os.path.join(self.stage, name)
            st = _stat(path)
            if st is not None and st.st_nlink > 1:
                os.unlink(path)

    def finish(self) -> None:
        """Remove what the stage held and this output does not (and the folders left empty)."""
        if self.mode == "full" and self.before is not None:
            prune_unwritten(Path(self.stage), self.before, self.written)
        elif self.mode == "dirty":
            for name in self.stale:
                path = os.path.join(self.stage, name)
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
                folder = os.path.dirname(path)
                while folder.startswith(self.prefix):
                    try:
                        os.rmdir(folder)
                    except OSError:  # not empty
                        break
                    folder = os.path.dirname(folder)

    def write(self, content: bytes, output_path: str) -> None:
        if not self.mode:
            self.prepare_full()
        path = output_path
        if not os.path.isabs(path) or os.pardir in path:
            path = os.path.abspath(path)
        folder = os.path.dirname(path)
        if folder not in self.folders:  # one `makedirs` per folder, not per file
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        if not path.startswith(self.prefix):  # outside the stage: an ordinary write
            _write_bytes(path, content)
            return
        self.written.add(path)
        live = os.path.join(self.live, path[len(self.prefix) :])
        here = _stat(path)
        there = _stat(live) if self.live_exists else None
        shared = here is not None and there is not None and _same_file(here, there)
        if there is not None and there.st_size == len(content):
            try:
                with open(live, "rb") as fh:
                    same = fh.read() == content
            except OSError:
                same = False
            if same and shared:
                return
            if same:
                try:
                    if here is None:
                        os.link(live, path)
                    else:
                        self._replace(path, lambda tmp: os.link(live, tmp))
                    self.linked += 1
                    return
                except OSError:  # no hard links here: written below
                    here = _stat(path)
        if shared or here is not None and here.st_nlink > 1:
            self._replace(path, lambda tmp: _write_bytes(tmp, content))
        else:
            _write_bytes(path, content)

    def copy(self, source: str, output_path: str) -> None:
        """`shutil.copyfile`, the same way (a folder as `output_path`: the file keeps its name)."""
        if os.path.isdir(output_path):
            output_path = os.path.join(output_path, os.path.basename(source))
        with open(source, "rb") as fh:
            self.write(fh.read(), output_path)

    @staticmethod
    def _replace(path: str, make: Callable[[str], None]) -> None:
        tmp = f"{path}.briefgen-new"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        make(tmp)
        os.replace(tmp, path)


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_ino, a.st_dev) == (b.st_ino, b.st_dev)


def _stat(path: str) -> os.stat_result | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def _write_bytes(path: str, content: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(content)


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def default_templates() -> Path:
    """briefgen's own templates: inside the installed package, or `templates/` of a source checkout.
    (Here, not in `render`: the MkDocs plugin needs the folder, not the rendering and what it imports.)"""
    packaged = Path(__file__).parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "templates"


WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$", re.I)
MAX_NAME_CHARS = 80
PLAIN_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?")
"""An id kept as it is: ASCII letters, digits, '.', '_', '-', neither starting nor ending with '.' or '-'."""


@functools.lru_cache(maxsize=1 << 16)
def safe_name(article_id: str) -> str:
    """A file name for an article id that cannot leave its folder and works on every file system.

    Plain ASCII ids (letters, digits, '.', '_', '-') are kept as they are. Any other id (path
    separators, '..', non-ASCII, very long, Windows device names) keeps its ASCII letters and gets
    a short hash of the whole id, so different ids never share a file. Ids that differ only in case
    are made distinct by the pipeline (case-insensitive file systems). Kept per id: a build asks for
    each article's name five times (reading, accounting, analysis, docs pages, links).
    """
    if (
        len(article_id) <= MAX_NAME_CHARS
        and PLAIN_NAME.fullmatch(article_id)
        and not WINDOWS_RESERVED.match(article_id.split(".")[0])
    ):
        return article_id  # what the steps below give such an id, without them
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
