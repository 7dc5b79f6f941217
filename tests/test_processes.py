"""Worker pools start safely from a process that has threads (a classroom server, a test runner)."""

from __future__ import annotations

import threading

from game.processes import process_pool, start_method

HELD = threading.Lock()


def _take_the_lock(_: int) -> bool:
    """In a worker: take the lock a thread of the parent holds. A forked worker would copy it held
    and wait forever; a worker from the forkserver or spawn has its own, free."""
    if not HELD.acquire(timeout=5):
        return False
    HELD.release()
    return True


def test_a_pool_started_while_a_thread_holds_a_lock_does_not_inherit_it():
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        with HELD:
            taken.set()
            release.wait()

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    taken.wait()
    try:
        with process_pool(2) as pool:
            assert list(pool.map(_take_the_lock, range(2), timeout=60)) == [True, True]
    finally:
        release.set()
        holder.join()
    assert start_method() in ("forkserver", "spawn")
