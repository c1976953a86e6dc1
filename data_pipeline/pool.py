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

A server (`isolated`: the dashboard's) never extracts in its own process, whose threads serve every user's pages:
what would run here runs in one extraction process kept for the server's lifetime (started from the fork server
once, warmed up once: 2.3-2.5 s, not paid per upload), one document after the other; a document it is still on
`time_limit` seconds after starting is stopped by killing that process, and gets `on_timeout`'s result.
"""

from __future__ import annotations

import contextlib
import io
import math
import multiprocessing
import multiprocessing.context
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util
from multiprocessing.context import set_spawning_popen
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


def enough_for_a_pool(n_items: int, n_bytes: int) -> bool:
    """Whether n_items documents of n_bytes in all pay for a pool's start (MIN_DOCUMENTS_FOR_POOL,
    MIN_BYTES_FOR_POOL)."""
    return n_items >= 2 and (n_items >= MIN_DOCUMENTS_FOR_POOL or n_bytes >= MIN_BYTES_FOR_POOL)


def worker_count(n_items: int, jobs: int | None = None, n_bytes: int = 0) -> int:
    """How many worker processes for n_items documents of n_bytes in all: 1 (no pool) below MIN_DOCUMENTS_FOR_POOL
    and MIN_BYTES_FOR_POOL, or when asked; else the asked number, or the free CPUs, never more than the usable
    CPUs."""
    if not enough_for_a_pool(n_items, n_bytes):
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


class _ForkServerPopen(popen_forkserver.Popen):
    """A process from the fork server that does not run this process's main script before its work.

    multiprocessing runs the parent's `__main__` file again in every process it does not fork (so that functions
    defined there can be found). In the dashboard's server that is dashboard.py, which Streamlit runs as
    `__main__`: every worker would start the dashboard, and build the tables, before extracting anything. The
    functions a pool runs all live in modules it can import. `_launch` is popen_forkserver.Popen's own as of CPython
    3.11 (check it again on a Python upgrade), but for leaving out the main script's path."""

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        prep_data.pop("init_main_from_path", None)
        buffer = io.BytesIO()
        set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buffer)
            reduction.dump(process_obj, buffer)
        finally:
            set_spawning_popen(None)
        self.sentinel, write_end = forkserver.connect_to_new_process(self._fds)
        # As in the standard library: a duplicate of the data pipe's write end tells the child its parent lives.
        parent_write_end = os.dup(write_end)
        self.finalizer = util.Finalize(self, util.close_fds, (parent_write_end, self.sentinel))
        with open(write_end, "wb", closefd=True) as handle:
            handle.write(buffer.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _ForkServerProcess(multiprocessing.context.ForkServerProcess):
    @staticmethod
    def _Popen(process_obj):  # noqa: N802 - the name multiprocessing calls
        return _ForkServerPopen(process_obj)


class _ForkServerContext(multiprocessing.context.ForkServerContext):
    Process = _ForkServerProcess


def _context(method: str) -> multiprocessing.context.BaseContext:
    """The multiprocessing context of a start method; the fork server's without the main script (above)."""
    return _ForkServerContext() if method == "forkserver" else multiprocessing.get_context(method)


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
    isolated: bool = False,
    time_limit: float | None = None,
    on_timeout: Callable[[Item], Result] | None = None,
) -> list[Result]:
    """[function(item) for item in items], in a process pool when worker_count says so (`n_bytes`: the items'
    size in all). `function` must not raise (it turns a bad document into a problem itself); `warm_up` compiles
    what every call needs (run here, before the workers fork; a worker that is not forked runs it itself);
    `on_crash(item)` is the result for an item whose worker process died twice on it. `isolated`: never in this
    process; what a pool would not take goes to the kept extraction process (extract_elsewhere), where an item
    still running after `time_limit` seconds gets `on_timeout(item)`."""
    mapping = DocumentMap(function, len(items), jobs, warm_up, on_crash)
    for index, item in enumerate(items):
        mapping.add(item, n_bytes if index == 0 else 0)  # the bytes are known in all, not per item
    return mapping.results(isolated, time_limit, on_timeout)


class DocumentMap:
    """map_documents for items that arrive one at a time: the caller reads file after file and adds each, and the
    workers extract the first while the next are read (reading 10,000 files takes a quarter of a second; the pool
    used to wait for the last). The pool starts once the items added reach the threshold (worker_count), with
    chunks sized for `expected` items (at most: the documents may turn out cached); below it, results() does
    what map_documents did (in this process, or the kept extraction process). Results in the order added."""

    def __init__(
        self,
        function: Callable[[Item], Result],
        expected: int,
        jobs: int | None = None,
        warm_up: Callable[[], None] | None = None,
        on_crash: Callable[[Item], Result] | None = None,
    ) -> None:
        self.function = function
        self.expected = expected
        self.jobs = jobs
        self.warm_up = warm_up
        self.on_crash = on_crash
        self.context: multiprocessing.context.BaseContext | None = None
        self.items: list = []
        self.n_bytes = 0
        self.workers = 1
        self.submitted = 0
        self.futures: list[tuple[list[int], object]] = []
        self.executor: ProcessPoolExecutor | None = None  # set, with the four below, when the pool starts
        self.states = None
        self.capacity = 0
        self.chunk = MAX_CHUNK
        self.broken = False
        self.decided = False  # whether a pool was asked for (once: the CPUs free are read once)
        self.collected = False

    def add(self, item: Item, n_bytes: int = 0) -> None:
        self.items.append(item)
        self.n_bytes += n_bytes
        if not self.decided and enough_for_a_pool(len(self.items), self.n_bytes):
            self.decided = True
            self.workers = worker_count(max(len(self.items), self.expected), self.jobs, self.n_bytes)
            if self.workers > 1:
                self._start()
        if self.executor is not None:
            self._submit(final=False)

    def _start(self) -> None:
        self.context = _context(_start_method())
        if self.warm_up is not None and self.context.get_start_method() == "fork":
            self.warm_up()  # before the fork: the workers share it (others warm up on their own)
        self.capacity = max(self.expected, len(self.items))
        self.states = self.context.Array("b", self.capacity, lock=False)  # all 0: waiting
        self.chunk = _chunk_size(self.capacity, self.workers)
        self.executor = _new_executor(self.context, self.states, self.workers, self.warm_up)

    def _submit(self, final: bool) -> None:
        """Hand the added items to the workers, a full chunk at a time; when `final`, the rest too, in chunks sized
        for what is left (`expected` counts documents that turned out cached: 20 new files among 1,000 would be
        one chunk, one worker)."""
        limit = min(len(self.items), self.capacity)
        if final:
            self.chunk = min(self.chunk, _chunk_size(limit - self.submitted, self.workers))
        while not self.broken and (limit - self.submitted >= self.chunk or (final and self.submitted < limit)):
            chunk = list(range(self.submitted, min(limit, self.submitted + self.chunk)))
            try:
                future = self.executor.submit(_run_chunk, self.function, [(i, self.items[i]) for i in chunk])
            except BrokenProcessPool:  # a worker died: the rest wait for results(), which starts a new pool
                self.broken = True
                return
            self.futures.append((chunk, future))
            self.submitted = chunk[-1] + 1

    def results(
        self,
        isolated: bool = False,
        time_limit: float | None = None,
        on_timeout: Callable[[Item], Result] | None = None,
    ) -> list[Result]:
        """Every item's result, in order, once all are added (called once). `isolated`, `time_limit`,
        `on_timeout`: as map_documents's, for items too few for a pool."""
        function, items = self.function, self.items
        if self.executor is None:  # too few for a pool
            if isolated and items:
                return extract_elsewhere(function, items, self.warm_up, self.on_crash, time_limit, on_timeout)
            return [function(item) for item in items]
        results: list = [None] * len(items)
        done = [False] * len(items)
        self._submit(final=True)
        self.collected = True
        broken = _collect(self.executor, self.futures, results, done) or self.broken
        states, pending = self.states, list(range(len(items)))
        while True:
            left = [index for index in pending if not done[index]]
            if not left:
                break
            if broken:
                # The documents in hand when the pool broke are the suspects: each is done again alone.
                suspects = [index for index in left if index < len(states) and states[index] == 1]
                if not suspects and len(left) == len(pending):
                    # No worker got as far as a document (it could not start): the rest are done in this process.
                    for index in left:
                        results[index] = function(items[index])
                    break
                for index in suspects:
                    alone = self.context.Array("b", len(items), lock=False)
                    if _run_in_pool(self.context, alone, function, items, [index], 1, self.warm_up, results, done):
                        results[index] = self.on_crash(items[index]) if self.on_crash is not None else None
                        done[index] = True
                left = [index for index in left if not done[index]]
            # The rest (after a broken pool, or added past the pool's capacity) in a new pool.
            pending = left
            if pending:
                states = self.context.Array("b", len(items), lock=False)
                broken = _run_in_pool(
                    self.context, states, function, items, pending, self.workers, self.warm_up, results, done
                )
        return results

    def close(self) -> None:
        """Stop the pool when its results will not be asked for (an error while the files were read): the chunks
        handed out are cancelled, the workers end."""
        if self.executor is not None and not self.collected:
            self.collected = True
            self.executor.shutdown(wait=False, cancel_futures=True)


def _chunk_size(n_items: int, workers: int) -> int:
    return max(1, min(MAX_CHUNK, math.ceil(n_items / (workers * CHUNKS_PER_WORKER))))


def _new_executor(context, states, workers: int, warm_up: Callable[[], None] | None) -> ProcessPoolExecutor:
    """A pool of `workers` processes sharing `states`; a worker that is not forked warms up itself."""
    spawned_warm_up = warm_up if context.get_start_method() != "fork" else None
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(states, spawned_warm_up)
    )


def _collect(executor: ProcessPoolExecutor, futures, results: list, done: list) -> bool:
    """Wait for the chunks' futures and shut the pool down, filling results and done; True when it broke."""
    broken = False
    with executor:
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


def _run_in_pool(context, states, function, items, indices, workers, warm_up, results, done) -> bool:
    """Run `indices` in a pool of `workers`, filling results and done; True when the pool broke (a worker died)."""
    executor = _new_executor(context, states, workers, warm_up)
    futures = []
    size = _chunk_size(len(indices), workers)
    for at in range(0, len(indices), size):
        chunk = list(indices[at : at + size])
        try:
            futures.append((chunk, executor.submit(_run_chunk, function, [(index, items[index]) for index in chunk])))
        except BrokenProcessPool:
            _collect(executor, futures, results, done)
            return True
    return _collect(executor, futures, results, done)


# The server's one extraction process (a pool of one worker) and its pid, kept from build to build; a lock, as
# sessions of a server build at the same time: one build's documents at a time go through it.
_kept: tuple[ProcessPoolExecutor, int] | None = None
_kept_lock = threading.Lock()


def _kept_worker(warm_up: Callable[[], None] | None) -> tuple[ProcessPoolExecutor, int]:
    """The kept extraction process, started (and warmed up) when there is none or the last one died."""
    global _kept
    if _kept is None:
        # Never forked from this process, whatever its threads: a server has many, and a worker forked while one
        # holds a lock would wait for it forever (see _start_method). From the fork server, or spawned.
        method = "forkserver" if sys.platform.startswith("linux") else "spawn"
        executor = ProcessPoolExecutor(max_workers=1, mp_context=_context(method), initializer=warm_up)
        try:
            pid = executor.submit(os.getpid).result()
        except BrokenProcessPool:
            executor.shutdown(wait=False, cancel_futures=True)
            raise
        _kept = (executor, pid)
    return _kept


def extraction_process_busy() -> bool:
    """Whether a build is using the kept extraction process now (what is sent to it would wait for that build)."""
    return _kept_lock.locked()


def extraction_process_running() -> bool:
    """Whether the kept extraction process was started (and has not died or been stopped since)."""
    return _kept is not None


def start_extraction_process(warm_up: Callable[[], None] | None = None) -> None:
    """Start the kept extraction process in the background now (the dashboard's Add documents page: the first
    upload then finds it warm). Does nothing when it runs already or another build holds it."""

    def start() -> None:
        if _kept_lock.acquire(blocking=False):
            try:
                _kept_worker(warm_up)
            except (BrokenProcessPool, OSError):
                pass  # the next build tries again, and falls back to this process if it cannot start either
            finally:
                _kept_lock.release()

    if _kept is None:
        threading.Thread(target=start, name="start extraction process", daemon=True).start()


def _stop_kept_worker() -> None:
    """Kill the kept extraction process (it is stuck on an item, or died) and forget it: the next item starts one."""
    global _kept
    if _kept is None:
        return
    executor, pid = _kept
    _kept = None
    # Gone already; or no SIGKILL (Windows), where shutting the executor down ends it.
    with contextlib.suppress(OSError, AttributeError):
        os.kill(pid, signal.SIGKILL)
    executor.shutdown(wait=False, cancel_futures=True)


def extract_elsewhere(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    warm_up: Callable[[], None] | None = None,
    on_crash: Callable[[Item], Result] | None = None,
    time_limit: float | None = None,
    on_timeout: Callable[[Item], Result] | None = None,
) -> list[Result]:
    """[function(item) for item in items] in the kept extraction process, in order. When it dies on an item, the
    item is done again in a new one, and gets on_crash(item) if that dies too; when it is still on an item
    `time_limit` seconds after starting it, it is killed and the item gets on_timeout(item). The items after it go
    to a new process. Should no process start at all, the items are done here (as map_documents does)."""
    results: list = []
    crashed_once: set[int] = set()
    with _kept_lock:
        while len(results) < len(items):
            try:
                executor, _pid = _kept_worker(warm_up)
            except (BrokenProcessPool, OSError):
                results.extend(function(item) for item in items[len(results) :])
                break
            # All submitted at once: the one worker takes them in order, so the first unfinished one is in hand.
            try:
                futures = [executor.submit(function, item) for item in items[len(results) :]]
            except BrokenProcessPool:  # it died while waiting for work (the out-of-memory killer): a new one
                _stop_kept_worker()
                continue
            for future in futures:
                index = len(results)
                try:
                    results.append(future.result(timeout=time_limit))
                    crashed_once.discard(index)
                except FutureTimeout:
                    _stop_kept_worker()
                    results.append(on_timeout(items[index]) if on_timeout is not None else None)
                    break
                except BrokenProcessPool:
                    _stop_kept_worker()
                    if index in crashed_once:  # the second process it killed
                        results.append(on_crash(items[index]) if on_crash is not None else None)
                    crashed_once.add(index)
                    break
    return results
