"""The process pool for cold builds (data_pipeline/pool.py): the same tables, byte for byte, with and without it and
with and without the cache folder; a bad document is a problem row, a worker that dies does not stop the build;
how many workers (--jobs, PLEDGES_JOBS, the threshold); a server's build extracts in its extraction process, which
one document cannot kill or hold up for the others. No timing is asserted (BENCHMARKS.md has them)."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pandas as pd
import pytest
from document_fixtures import PLEDGE, docx_bytes, html_bytes, pdf_bytes
from pipeline_helpers import ROOT, load_script, run_cli

from data_pipeline import budget, extraction_cache, library, pool
from data_pipeline.__main__ import main as cli_main
from data_pipeline.build import build, forget_previous_builds
from data_pipeline.tables import write_tables


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """60 generated documents in three languages, and files that go wrong or read differently: empty, damaged
    PDF and Word files, a duplicate, a web page, a real PDF and Word file."""
    folder = tmp_path_factory.mktemp("pool") / "docs"
    load_script("make_corpus").write_corpus(60, folder)
    (folder / "zz_empty.txt").write_bytes(b"")
    (folder / "zz_damaged.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf\x00\xff")
    (folder / "zz_damaged.docx").write_bytes(b"PK\x03\x04 not a zip")
    first = sorted(folder.glob("bench_*.txt"))[0]
    shutil.copy(first, folder / "zz_same_bytes.txt")
    (folder / "zz_page.html").write_bytes(html_bytes([PLEDGE]))
    (folder / "zz_letter.pdf").write_bytes(pdf_bytes([PLEDGE]))
    (folder / "zz_note.docx").write_bytes(docx_bytes([PLEDGE]))
    return folder


@pytest.fixture
def small_pool(monkeypatch):
    """The pool for any number of documents, in chunks of 4 (so results come back out of order), with two CPUs
    even on a one-CPU machine; counts the pools started."""
    monkeypatch.setattr(pool, "MIN_DOCUMENTS_FOR_POOL", 1)
    monkeypatch.setattr(pool, "MAX_CHUNK", 4)
    monkeypatch.setattr(pool, "usable_cpus", lambda: 2)
    monkeypatch.delenv(pool.JOBS_VARIABLE, raising=False)
    started = []
    new_executor = pool._new_executor

    def counted(context, states, workers, warm_up):
        started.append(workers)
        return new_executor(context, states, workers, warm_up)

    monkeypatch.setattr(pool, "_new_executor", counted)
    return started


def _tables_written(docs: Path, out: Path, jobs: int | None, cache: Path | None, isolated: bool = False) -> Path:
    forget_previous_builds()  # what a fresh process sees: no memo of an earlier build's tables
    write_tables(build(docs, cache_dir=cache, jobs=jobs, isolated=isolated), out)
    return out


@pytest.fixture(scope="module")
def serial_tables(corpus, tmp_path_factory) -> Path:
    return _tables_written(corpus, tmp_path_factory.mktemp("serial"), 1, None)


@pytest.mark.parametrize(("jobs", "with_cache"), [(1, True), (2, False), (2, True)])
def test_same_tables_with_and_without_the_pool(corpus, serial_tables, tmp_path, small_pool, jobs, with_cache):
    cache = tmp_path / "cache" if with_cache else None
    out = _tables_written(corpus, tmp_path / "out", jobs, cache)
    assert small_pool == ([2] if jobs == 2 else [])
    csv_files = sorted(path.name for path in serial_tables.glob("*.csv"))
    assert len(csv_files) == 6
    for name in [*csv_files, "build_report.json"]:
        assert (out / name).read_bytes() == (serial_tables / name).read_bytes(), name
    if with_cache:  # the cache the pool filled gives the same tables to a build that extracts nothing
        again = _tables_written(corpus, tmp_path / "again", 1, cache)
        for name in [*csv_files, "build_report.json"]:
            assert (again / name).read_bytes() == (serial_tables / name).read_bytes(), name


def test_same_tables_when_extracted_in_several_batches(corpus, serial_tables, tmp_path, small_pool, monkeypatch):
    """Files read and waiting for extraction are extracted once their bytes pass MAX_WAITING_BYTES."""
    monkeypatch.setattr(extraction_cache, "MAX_WAITING_BYTES", 40_000)
    out = _tables_written(corpus, tmp_path / "out", 2, None)
    assert len(small_pool) >= 3
    for path in serial_tables.glob("*.csv"):
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name


def test_bad_documents_are_problem_rows_in_the_pool(corpus, tmp_path, small_pool):
    forget_previous_builds()
    tables = build(corpus, jobs=2)
    assert small_pool == [2]
    problems = {problem.file: problem.problem for problem in tables.problems}
    for name in ["zz_empty.txt", "zz_damaged.pdf", "zz_damaged.docx", "zz_same_bytes.txt"]:
        assert name in problems
    read = set(tables.documents.loc[tables.documents["status"] == "ok", "file"])
    assert {"zz_page.html", "zz_letter.pdf", "zz_note.docx"} <= read
    assert len(read) >= 63


def _exit_on_crash_me(item: str) -> str:
    if item == "crash-me":
        os._exit(3)  # as a segmentation fault or the out-of-memory killer would end the worker
    return item.upper()


def test_a_worker_that_dies_costs_only_its_document(small_pool):
    items = [f"doc{index}" for index in range(30)]
    items[17] = "crash-me"
    results = pool.map_documents(_exit_on_crash_me, items, jobs=2, on_crash=lambda item: f"problem: {item}")
    expected = [item.upper() for item in items]
    expected[17] = "problem: crash-me"
    assert results == expected
    assert small_pool[0] == 2 and 1 in small_pool[1:]  # the suspects were done again, each alone


_read_and_extract = extraction_cache.read_and_extract


def _dies_on_the_page(file):
    if file[0] == "zz_page.html":
        os._exit(3)
    return _read_and_extract(file)


def test_a_crashed_document_is_a_problem_and_is_not_cached(corpus, tmp_path, small_pool, monkeypatch):
    monkeypatch.setattr(extraction_cache, "read_and_extract", _dies_on_the_page)
    forget_previous_builds()
    cache = tmp_path / "cache"
    tables = build(corpus, cache_dir=cache, jobs=2)
    problems = {problem.file: problem.problem for problem in tables.problems}
    assert problems["zz_page.html"] == extraction_cache.CRASH_PROBLEM
    assert len(tables.documents) == 65 and (tables.documents["status"] == "ok").sum() >= 62
    monkeypatch.undo()
    forget_previous_builds()
    again = build(corpus, cache_dir=cache, jobs=1)  # the crash was not cached: the page is read this time
    assert "zz_page.html" not in {problem.file for problem in again.problems}


def test_spawned_workers_compile_their_own_word_lists(corpus, small_pool, monkeypatch):
    """Where there is no fork (macOS, Windows) the workers are spawned: they import and warm up themselves."""
    monkeypatch.setattr(pool, "_start_method", lambda: "spawn")
    files = [(path.name, path.read_bytes(), None) for path in sorted(corpus.glob("bench_*.txt"))[:6]]
    pooled = pool.map_documents(extraction_cache.read_and_extract, files, jobs=2)
    serial = [extraction_cache.read_and_extract(file) for file in files]
    assert small_pool == [2]
    assert [extraction.mention_records for extraction in pooled] == [e.mention_records for e in serial]


def test_a_pool_started_beside_other_threads_does_not_fork_and_gives_the_same_tables(
    corpus, serial_tables, tmp_path, small_pool, monkeypatch
):
    """The dashboard's server has other threads: forking it could copy a lock one of them holds into a worker."""
    import threading

    methods = []
    counted = pool._new_executor

    def recorded(context, *args, **kwargs):
        methods.append(context.get_start_method())
        return counted(context, *args, **kwargs)

    monkeypatch.setattr(pool, "_new_executor", recorded)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, name="a server's thread", daemon=True)
    other.start()
    try:
        out = _tables_written(corpus, tmp_path / "out", 2, None)
    finally:
        stop.set()
        other.join()
    assert small_pool == [2]
    assert methods == ["forkserver"]
    for name in [*sorted(path.name for path in serial_tables.glob("*.csv")), "build_report.json"]:
        assert (out / name).read_bytes() == (serial_tables / name).read_bytes(), name


def test_worker_count(monkeypatch):
    monkeypatch.setattr(pool, "usable_cpus", lambda: 4)
    monkeypatch.setattr(pool, "free_cpus", lambda: 3)
    monkeypatch.delenv(pool.JOBS_VARIABLE, raising=False)
    few = pool.MIN_DOCUMENTS_FOR_POOL - 1
    many = pool.MIN_DOCUMENTS_FOR_POOL
    assert pool.worker_count(few) == 1  # not worth the workers' start
    assert pool.worker_count(few, n_bytes=pool.MIN_BYTES_FOR_POOL) == 3  # unless they are long
    assert pool.worker_count(1, n_bytes=10 * pool.MIN_BYTES_FOR_POOL) == 1
    assert pool.worker_count(many) == 3  # the free CPUs
    assert pool.worker_count(many, jobs=1) == 1
    assert pool.worker_count(many, jobs=2) == 2
    assert pool.worker_count(many, jobs=16) == 4  # never more than the usable CPUs
    monkeypatch.setenv(pool.JOBS_VARIABLE, "2")
    assert pool.worker_count(many) == 2
    assert pool.worker_count(many, jobs=1) == 1  # --jobs over PLEDGES_JOBS
    for nonsense in ["0", "-1", "two", ""]:
        monkeypatch.setenv(pool.JOBS_VARIABLE, nonsense)
        assert pool.worker_count(many) == 3


def test_free_cpus_counts_what_others_keep_busy(monkeypatch):
    monkeypatch.setattr(pool, "usable_cpus", lambda: 2)
    for load, free in [(0.0, 2), (1.0, 2), (2.0, 1), (2.4, 1), (7.5, 1)]:
        monkeypatch.setattr(os, "getloadavg", lambda load=load: (load, load, load))
        assert pool.free_cpus() == free, load


def test_command_line_jobs(corpus, serial_tables, tmp_path, small_pool):
    """`build --jobs 2` extracts in a pool of two and writes the tables of `--jobs 1`, which starts none; 0 is
    refused with a message."""
    forget_previous_builds()
    assert cli_main(["build", "--docs", str(corpus), "--out", str(tmp_path / "two"), "--jobs", "2"]) == 0
    assert small_pool == [2]
    forget_previous_builds()
    assert cli_main(["build", "--docs", str(corpus), "--out", str(tmp_path / "one"), "--jobs", "1"]) == 0
    assert small_pool == [2]
    for name in [*sorted(path.name for path in serial_tables.glob("*.csv")), "build_report.json"]:
        assert (tmp_path / "two" / name).read_bytes() == (serial_tables / name).read_bytes(), name
        assert (tmp_path / "one" / name).read_bytes() == (serial_tables / name).read_bytes(), name
    refused = run_cli(ROOT / "seeds", tmp_path, "--jobs", "0")
    assert refused.returncode == 2 and "--jobs" in refused.stderr


def test_the_start_method_is_fork_only_for_a_process_with_one_thread(monkeypatch):
    # Counted through a stand-in: earlier tests of a whole run leave threads of their own (a dashboard's, a browser's).
    monkeypatch.setattr(pool.sys, "platform", "linux")
    monkeypatch.setattr(pool.threading, "active_count", lambda: 1)
    assert pool._start_method() == "fork"  # the command line
    monkeypatch.setattr(pool.threading, "active_count", lambda: 4)
    assert pool._start_method() == "forkserver"  # the dashboard's server


# The dashboard's server (build(..., isolated=True)): no document is read or extracted in the server's process.


@pytest.fixture
def fresh_extraction_process():
    """No extraction process left over from an earlier test (one that another test's stand-ins may have broken),
    and none left for the next."""
    pool._stop_kept_worker()
    yield
    pool._stop_kept_worker()


def _fails_here(*args, **kwargs):
    raise AssertionError("extracted in the server's own process")


def test_an_isolated_build_extracts_in_another_process_with_the_same_tables(
    corpus, serial_tables, tmp_path, monkeypatch, fresh_extraction_process
):
    # A tripwire in this process: the extraction process imports its own, untouched modules.
    monkeypatch.setattr(extraction_cache, "mention_rows", _fails_here)
    monkeypatch.delenv(pool.JOBS_VARIABLE, raising=False)
    out = _tables_written(corpus, tmp_path / "out", None, None, isolated=True)
    assert pool.extraction_process_running()
    for name in [*sorted(path.name for path in serial_tables.glob("*.csv")), "build_report.json"]:
        assert (out / name).read_bytes() == (serial_tables / name).read_bytes(), name


def test_the_extraction_process_is_started_once(fresh_extraction_process):
    first = pool.extract_elsewhere(_pid_of, ["a", "b"], extraction_cache.compile_word_lists)
    second = pool.extract_elsewhere(_pid_of, ["c"])
    assert {pid for _item, pid in first + second} == {pool._kept[1]} != {os.getpid()}


def test_an_uploads_metadata_is_read_in_the_extraction_process(monkeypatch, fresh_extraction_process):
    """The Add documents page reads an upload's title, date and language before it is saved: a PDF is parsed in the
    server's extraction process, never in the thread serving the page."""
    monkeypatch.setattr(library, "document_from_bytes", _fails_here)  # a tripwire in this process
    found = library.prefill("letter.pdf", pdf_bytes([PLEDGE]), {}, read=extraction_cache.read_upload_elsewhere)
    assert (found.problem, found.language, found.file) == ("", "en", "letter.pdf") and found.n_chars > 50
    assert pool.extraction_process_running()
    # Once it runs, a short text goes there too.
    text = library.prefill(
        "note.txt", b"Norway pledges NOK 1 billion.", {}, read=extraction_cache.read_upload_elsewhere
    )
    assert text.problem == "" and text.title


def _pid_of(item: str) -> tuple[str, int]:
    return item, os.getpid()


def _killed_on_the_page(file):
    if file[0] == "zz_page.html":
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer or a crash in a reader's C code would
    return _read_and_extract(file)


def _documents_but(tables, file: str):
    documents = tables.documents.loc[tables.documents["file"] != file].drop(columns="doc_id")
    return documents.reset_index(drop=True)


def test_a_killed_extraction_process_costs_only_its_document(corpus, tmp_path, monkeypatch, fresh_extraction_process):
    forget_previous_builds()
    expected = build(corpus, jobs=1)
    monkeypatch.setattr(extraction_cache, "read_and_extract", _killed_on_the_page)
    forget_previous_builds()
    tables = build(corpus, cache_dir=tmp_path / "cache", isolated=True)
    problems = {problem.file: problem.problem for problem in tables.problems}
    assert problems["zz_page.html"] == extraction_cache.CRASH_PROBLEM
    page = tables.documents.set_index("file").loc["zz_page.html"]
    assert (page["status"], page["n_mentions"]) == ("failed", 0)
    # Every other document read as in a build in one process (those after the page in a new extraction process).
    pd.testing.assert_frame_equal(_documents_but(tables, "zz_page.html"), _documents_but(expected, "zz_page.html"))


def _stuck_on_the_page(file):
    if file[0] == "zz_page.html":
        time.sleep(3600)  # stuck where the budget is never checked (inside a C library)
    return _read_and_extract(file)


def test_an_extraction_process_stuck_past_the_budget_is_stopped(
    corpus, tmp_path, monkeypatch, fresh_extraction_process
):
    monkeypatch.setattr(budget, "MAX_EXTRACTION_SECONDS", 1.0)
    monkeypatch.setattr(budget, "STOP_GRACE_SECONDS", 1.0)
    monkeypatch.setattr(extraction_cache, "read_and_extract", _stuck_on_the_page)
    forget_previous_builds()
    tables = build(corpus, isolated=True)
    problems = {problem.file: problem.problem for problem in tables.problems}
    assert problems["zz_page.html"] == budget.budget_problem(1.0)
    assert "split the file into smaller documents" in problems["zz_page.html"]
    read = set(tables.documents.loc[tables.documents["status"] == "ok", "file"])
    assert {"zz_letter.pdf", "zz_note.docx"} <= read and len(read) >= 62


def test_the_first_documents_are_extracted_while_the_rest_are_read(
    corpus, serial_tables, tmp_path, small_pool, monkeypatch
):
    """A cold build hands documents to the workers as it reads them: the pool is working before the last file is
    read (it used to start only then), and the tables are the same."""
    events = []
    read_file_bytes = extraction_cache.read_file_bytes

    def read(location):
        events.append("read")
        return read_file_bytes(location)

    new_executor = pool._new_executor

    def started(*args):
        events.append("pool")
        return new_executor(*args)

    monkeypatch.setattr(extraction_cache, "read_file_bytes", read)
    monkeypatch.setattr(pool, "_new_executor", started)
    out = _tables_written(corpus, tmp_path / "out", 2, None)
    assert events.count("pool") == 1 and events.index("pool") < len(events) - 10
    for name in [*sorted(path.name for path in serial_tables.glob("*.csv")), "build_report.json"]:
        assert (out / name).read_bytes() == (serial_tables / name).read_bytes(), name


def _pid_after_a_pause(item: str) -> int:
    time.sleep(0.05)
    return os.getpid()


def test_a_few_new_documents_among_many_cached_ones_are_shared_by_the_workers(monkeypatch):
    """The chunks are sized for every source found; when most of them turn out cached, the few left to extract
    are still split between the workers, not handed to one as a single chunk."""
    monkeypatch.setattr(pool, "MIN_DOCUMENTS_FOR_POOL", 1)
    monkeypatch.setattr(pool, "usable_cpus", lambda: 2)
    mapping = pool.DocumentMap(_pid_after_a_pause, expected=1000, jobs=2)
    for index in range(20):
        mapping.add(f"new document {index}")
    pids = mapping.results()
    assert len(pids) == 20 and len(set(pids)) == 2 and os.getpid() not in pids
