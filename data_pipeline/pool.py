"""Every free core for a cold build: a function applied to many documents in a pool of worker processes, results
in the order given, identical to calling it on each in turn.

The pool pays when there are enough documents for its start (forking the workers, handing them the bytes and
taking the extractions back): MIN_DOCUMENTS_FOR_POOL, measured in BENCHMARKS.md. Workers are forked on Linux
from a single-threaded process (the command line), so they start with what the parent has compiled (the word
lists: the caller warms them up first) and import nothing; from a multi-threaded one (the dashboard's server)
they come from a fork server, and elsewhere they are spawned: both warm up on their own. How many: the CPUs
this process may use that other work is not holding (affinity, a container's CPU quota, the load average),
limited by `jobs` (the command line's --jobs) or PLEDGES_JOBS; 1 means no pool.

A worker that dies (killed, or a crash in a C library) breaks the pool, not the build: the documents it had
not finished are done again, each suspect alone in a process of its own, and one that kills that process too
gets `on_crash`'s result (a problem row) instead.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

JOBS_VARIABLE = "PLEDGES_JOBS"
# Below this many documents to extract a build runs in this process: forking two workers, shipping the texts and
# their extractions costs about what 30-60 documents take to extract (BENCHMARKS.md, "Process pool").
MIN_DOCUMENTS_FOR_POOL = 100
# ... or this many bytes of files among at least two documents (a few long PDFs take seconds each).
MIN_BYTES_FOR_POOL = 4_000_000
# Documents per task: small enough that the workers finish together (a long PDF among short notes), large enough
# that handing out tasks costs nothing next to extracting them (a few milliseconds a document).
MAX_CHUNK = 32
CHUNKS_PER_WORKER = 8


def requested_jobs(jobs: int | None = None) -> int | None:
    """The limit asked for: `jobs` when given, else PLEDGES_JOBS (a positive whole number), else None (no
    limit but the free CPUs)."""
    if jobs is not None:
        return max(1, int(jobs))
    value = os.environ.get(JOBS_VARIABLE, "").strip()
    return max(1, int(value)) if value.isdigit() and int(value) > 0 else None


def usable_cpus() -> int:
    """The CPUs this process may run on: its affinity set, and a cgroup v2 CPU quota (a container's --cpus)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    try:
        with open("/sys/fs/cgroup/cpu.max", encoding="ascii") as handle:
            quota, period = handle.read().split()[:2]
        if quota != "max":
            cpus = min(cpus, max(1, math.ceil(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return max(1, cpus)


def free_cpus() -> int:
    """The usable CPUs less those other processes keep busy: the one-minute load average, less this process's own
    share (it is running), taken as busy CPUs. At least 1."""
    cpus = usable_cpus()
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return cpus
    busy_elsewhere = max(0.0, load - 1.0)
    return max(1, min(cpus, math.floor(cpus - busy_elsewhere + 0.5)))


def worker_count(n_items: int, jobs: int | None = None, n_bytes: int = 0) -> int:
    """How many worker processes for n_items documents of n_bytes in all: 1 (no pool) below MIN_DOCUMENTS_FOR_POOL
    and MIN_BYTES_FOR_POOL, or when asked; else the asked number, or the free CPUs, never more than the usable
    CPUs."""
    if n_items < 2 or (n_items < MIN_DOCUMENTS_FOR_POOL and n_bytes < MIN_BYTES_FOR_POOL):
        return 1
    asked = requested_jobs(jobs)
    workers = min(asked, usable_cpus()) if asked is not None else free_cpus()
    return max(1, min(workers, n_items))


def _start_method() -> str:
    # fork: the workers share the parent's compiled word lists and imported modules. Only from a process with one
    # thread (the command line): forking the dashboard's server, whose other threads may hold a lock (the logging
    # module's, an allocator's) at that moment, can leave a worker waiting forever for it (Python 3.12 warns). Its
    # workers come from a fork server (a clean process started for them) and warm up on their own, as spawned
    # ones do. Not on macOS, where forking a process that has used system frameworks can crash, nor on Windows,
    # which has no fork: spawned there.
    if not sys.platform.startswith("linux"):
        return "spawn"
    return "fork" if threading.active_count() == 1 else "forkserver"


def _chunks(indices: Sequence[int], workers: int) -> list[list[int]]:
    size = max(1, min(MAX_CHUNK, math.ceil(len(indices) / (workers * CHUNKS_PER_WORKER))))
    return [list(indices[at : at + size]) for at in range(0, len(indices), size)]


# In a worker: the shared array of document states (0 waiting, 1 started, 2 done), set by _start_worker.
_states = None


def _start_worker(states, warm_up: Callable[[], None] | None) -> None:
    global _states
    _states = states
    if warm_up is not None:  # spawned: a forked worker has the parent's
        warm_up()


def _run_chunk(function: Callable, items: list[tuple[int, object]]) -> list:
    results = []
    for index, item in items:
        _states[index] = 1
        results.append(function(item))
        _states[index] = 2
    return results


def map_documents(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int | None = None,
    warm_up: Callable[[], None] | None = None,
    on_crash: Callable[[Item], Result] | None = None,
    n_bytes: int = 0,
) -> list[Result]:
    """[function(item) for item in items], in a process pool when worker_count says so (`n_bytes`: the items'
    size in all). `function` must not raise (it turns a bad document into a problem itself); `warm_up` compiles
    what every call needs (run here, before the workers fork; a worker that is not forked runs it itself);
    `on_crash(item)` is the result for an item whose worker process died twice on it."""
    workers = worker_count(len(items), jobs, n_bytes)
    if workers <= 1:
        return [function(item) for item in items]
    if warm_up is not None:
        warm_up()
    context = multiprocessing.get_context(_start_method())
    results: list = [None] * len(items)
    done = [False] * len(items)
    pending = list(range(len(items)))
    while pending:
        states = context.Array("b", len(items), lock=False)  # all 0: waiting
        broken = _run_in_pool(context, states, function, items, pending, workers, warm_up, results, done)
        left = [index for index in pending if not done[index]]
        if not broken:
            break
        # The documents in hand when the pool broke are the suspects: each is done again alone.
        suspects = [index for index in left if states[index] == 1]
        if not suspects and len(left) == len(pending):
            # No worker got as far as a document (it could not start): the rest are done in this process.
            for index in left:
                results[index] = function(items[index])
            break
        pending = left
        for index in suspects:
            alone = context.Array("b", len(items), lock=False)
            if _run_in_pool(context, alone, function, items, [index], 1, warm_up, results, done):
                results[index] = on_crash(items[index]) if on_crash is not None else None
                done[index] = True
        pending = [index for index in pending if not done[index]]
    return results


def _run_in_pool(context, states, function, items, indices, workers, warm_up, results, done) -> bool:
    """Run `indices` in a pool of `workers`, filling results and done; True when the pool broke (a worker died)."""
    broken = False
    spawned_warm_up = warm_up if context.get_start_method() != "fork" else None
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(states, spawned_warm_up)
    ) as executor:
        futures = [
            (chunk, executor.submit(_run_chunk, function, [(index, items[index]) for index in chunk]))
            for chunk in _chunks(indices, workers)
        ]
        for chunk, future in futures:
            try:
                chunk_results = future.result()
            except BrokenProcessPool:
                broken = True
                continue
            for index, result in zip(chunk, chunk_results, strict=True):
                results[index] = result
                done[index] = True
    return broken
