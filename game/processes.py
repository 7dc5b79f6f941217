"""Worker processes that are safe to start from any process, threads and all.

Forking a process that runs threads copies their locks in whatever state they were in, held ones
included, and a child that then takes such a lock (the logging module's, an allocator's, a queue's)
waits forever. The classroom server has threads, so does a test runner's worker, and a pool forked
there hangs at random. Every pool here therefore starts its workers from the "forkserver" (a clean,
single-threaded process that forks the workers) where the system has one, else by "spawn" (a new
interpreter, as on Windows and macOS). Either way a worker imports its job's function by name, so
jobs are module-level functions and their arguments travel pickled.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any


def start_method() -> str:
    """How workers start here: "forkserver" where the system offers it, else "spawn"."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def process_pool(workers: int, initializer: Callable[..., Any] | None = None,
                 initargs: tuple[Any, ...] = ()) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes started the safe way (see the module's docstring)."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(start_method()),
                               initializer=initializer, initargs=initargs)
