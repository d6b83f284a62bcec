"""Incremental reading: a rebuild reads and cleans only the input files that changed, and gives
byte for byte what reading every file again gives."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from helpers import build_config, tree

from briefgen.cache import READING
from briefgen.pipeline import build

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_rebuild_reads_only_the_new_file_and_gives_the_same_site(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    (inputs / "empty.txt").write_text("", encoding="utf-8")  # skipped, with its reason, from the memo too
    *old, new = sorted(p for p in inputs.iterdir() if p.name != "empty.txt")
    held = tmp_path / new.name
    new.rename(held)
    warm = build_config(tmp_path, "warm")
    first = build(warm, quiet=True)
    assert first.files_read == len(old) + 1

    held.rename(new)  # one new article
    cold = build_config(tmp_path, "cold")
    shutil.copytree(warm.cache_dir, cold.cache_dir)
    (cold.cache_dir / READING).unlink()  # same registry and state: only the reading memo is gone
    again = build(warm, quiet=True)
    reference = build(cold, quiet=True)
    assert again.files_read == 1  # the new file; the others and the skipped one come from the memo
    assert reference.files_read == len(old) + 2
    assert [s.reason for s in again.skipped] == [s.reason for s in reference.skipped] != []
    assert tree(warm.docs_dir) == tree(cold.docs_dir)
    assert tree(warm.site_dir) == tree(cold.site_dir)

    # Touched (new modification time, same bytes): found by its hash, not read again.
    stat = old[0].stat()
    os.utime(old[0], ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert build(warm, quiet=True).files_read == 0
    # Changed, same size: read again.
    text = old[0].read_text(encoding="utf-8")
    old[0].write_text(text.replace("the", "The", 1), encoding="utf-8")
    assert build(warm, quiet=True).files_read == 1
    assert build(warm, quiet=True, use_cache=False).files_read == len(old) + 2
