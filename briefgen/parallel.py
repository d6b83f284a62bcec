"""Run one function over many items on several CPU cores, results in input order.

Used for the analysis of topics, which is pure (same topic -> same brief) and independent per
topic, so running it in worker processes changes nothing in the output but the time it takes.
Small batches run in this process: starting workers costs more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL_ITEMS = 32
"""Fewer items than this run in this process, whatever `jobs` says."""


def available_cores() -> int:
    """CPU cores this process may run on (its affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def worker_count(jobs: int, items: int) -> int:
    """Processes to use for `items` items: `jobs` (0 = one per core), 1 when parallelism cannot pay."""
    wanted = jobs if jobs > 0 else available_cores()
    if wanted <= 1 or items < MIN_PARALLEL_ITEMS:
        return 1
    return min(wanted, items)


def ordered_map(fn: Callable[[T], R], items: Sequence[T], jobs: int = 0) -> Iterator[R]:
    """`map(fn, items)`, spread over `worker_count(jobs, len(items))` processes, in input order.

    `fn` must be a module-level function (or a `functools.partial` of one) and its results
    picklable. An exception in `fn` is raised here, as with `map`.
    """
    workers = worker_count(jobs, len(items))
    if workers == 1:
        yield from map(fn, items)
        return
    # The first item runs here: it imports what `fn` imports lazily and fills its caches, which
    # forked workers then share instead of each doing it again.
    yield fn(items[0])
    rest = items[1:]
    # fork starts workers at once with everything already imported; elsewhere the default method.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    # Chunks amortise the hand-over; keep them small enough that both cores stay busy to the end.
    chunksize = max(1, min(16, len(rest) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=min(workers, len(rest)), mp_context=context) as pool:
        yield from pool.map(fn, rest, chunksize=chunksize)
