"""Pipeline throughput and dashboard latency for 1,000, 2,000 and 10,000 documents, measured in one run.

Run: `make bench` (or `.venv/bin/python benchmarks/run.py [--sizes 10 100] [--quick] [--no-dashboard]
[--no-clone] [--no-browser] [--repeats N]`).

For each size N it writes a corpus (benchmarks/make_corpus.py) under build/bench/, then prints:
- the cold build (`data_pipeline.build`, empty cache folder) in a fresh Python process, so the peak memory (RSS,
  getrusage) is that size's own: serial (`jobs=1`, the process kept on one core) and parallel (`jobs` = every
  usable CPU, whatever the load), alternating, `--repeats` times each; each run is printed with the host-speed
  reference before and after it and the floor timed in the same process just before it, the fastest in the
  table; build/floor, the host-independent measure, divides timings taken seconds apart in one process; the
  parallel build's CSV tables are checked to be byte-identical to the serial build's;
- the rebuild after adding one document, twice: in a process that has built the tables before (the dashboard's
  server after an upload: it keeps file stats, cache shards and the last build's groups in memory), and in a new
  process with the cache folder the full build filled (the command line);
- precision and recall of the planted mentions (same document, same amount within 0.5 % and currency, or the
  same count and item);
- the floor: reading the same files and running one compiled currency-amount regex over them (best of 3).
Before the first size and after the last, a host-speed reference: a fixed workload in memory (no files, no
pipeline code), so that runs on a host whose speed varies can be compared.
Then, on the largest size's tables, the dashboard through AppTest (server-side times, no browser): a cold start
with the tables already built (the loader is replaced, as tests/test_app.py does) and a filter change on every page.
Then the briefing pack of the seeds (both files, one kaleido renderer driving Chromium), three times.
Last, from `git clone` of the committed HEAD to the dashboard answering (benchmarks/clone_to_health.py, with uv's
cache as the machine has it), and from navigation to the first drawn chart in fresh browser contexts on the seeds
(benchmarks/first_chart.py, Debian's Chromium). Results also go to build/bench/results.json.
"""

from __future__ import annotations

import argparse
import csv
import functools
import inspect
import json
import math
import os
import pickle
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import make_corpus  # noqa: E402  (a script beside this one, not a package)

SIZES = [1000, 2000, 10_000]
QUICK_SIZES = [10, 100, 1000]
PAGES = ["overview", "by_year", "by_category", "by_source", "explorer", "documents", "agreements"]
# The floor: the least any extractor must do, read every file and find currency amounts with one regex.
CURRENCY_AMOUNT_RE = re.compile(
    r"(?:[€$£]|\b(?:EUR|USD|GBP|SEK|NOK|DKK)\b)\s?\d[\d.,]*(?:\s?(?:bn|mn|m|billion|million|miljard|miljoen|"
    r"mld\.?|mln|Milliarden|Millionen|Mrd\.|Mio\.))?"
    r"|\d[\d.,]*\s(?:billion|million|miljard|miljoen|mld\.?|mln|Milliarden|Millionen|Mrd\.|Mio\.)\s"
    r"(?:euros?|dollars?|pounds|Euro|US-Dollar|Pfund|kronor|kroner|kronen|Kronen)",
    re.IGNORECASE,
)


# ------------------------------------------------------------------------------------------------ child process
def child_build(docs: Path, out: Path, cache: Path | None, tables_pickle: Path | None, jobs: int | None = None) -> dict:
    """One build in this (fresh) process: its time, the host-speed reference just before and after it, the floor
    just before it, the build's peak RSS and the write time. A serial build (jobs 1, or None: an older build
    without a pool) is kept on one core, so that the reference and the floor ran on the one it ran on (the two
    cores can run at different speeds); a parallel one may use every core (its children's peak is reported)."""
    if hasattr(os, "sched_setaffinity") and (jobs or 1) == 1:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    reference_before = host_reference_seconds()
    floor_s = min(floor_seconds(docs)[0] for _ in range(FLOOR_REPEATS))
    floor_cpu_s = min(_cpu_seconds(lambda: floor_seconds(docs))[0] for _ in range(FLOOR_REPEATS))
    started = time.perf_counter()
    from data_pipeline import build
    from data_pipeline.tables import write_tables

    imported = time.perf_counter() - started
    parameters = inspect.signature(build).parameters
    uses_cache = cache is not None and "cache_dir" in parameters
    options = {"cache_dir": cache} if uses_cache else {}
    if jobs is not None and "jobs" in parameters:
        options["jobs"] = jobs
    started = time.perf_counter()
    cpu_before, workers_cpu_before = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    tables = build(docs, **options)
    build_s = time.perf_counter() - started
    build_cpu_s = _cpu(resource.RUSAGE_SELF) - cpu_before
    workers_cpu_s = _cpu(resource.RUSAGE_CHILDREN) - workers_cpu_before
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux; before writing
    children_peak_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest worker's
    reference_after = host_reference_seconds()
    started = time.perf_counter()
    write_tables(tables, out)
    write_s = time.perf_counter() - started
    if tables_pickle is not None:
        tables_pickle.write_bytes(pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL))
    return {
        "import_s": imported,
        "build_s": build_s,
        "floor_s": floor_s,
        "floor_cpu_s": floor_cpu_s,
        "build_cpu_s": build_cpu_s,
        "workers_cpu_s": workers_cpu_s,
        "jobs": jobs,
        "write_s": write_s,
        "peak_rss_mb": peak_rss_mb,
        "workers_peak_rss_mb": children_peak_rss_mb,
        "host_reference_s": [reference_before, reference_after],
        "uses_cache": uses_cache,
        "counts": tables.report()["counts"],
    }


def child_server_rebuild(docs: Path, cache: Path, index: int) -> dict:
    """What the dashboard's server does after an upload: it has built the tables before (here: once, from the
    cache the full build filled), then document `index` arrives and it builds again. Times the second build."""
    from data_pipeline import build

    started = time.perf_counter()
    before = build(docs, cache_dir=cache)
    first_s = time.perf_counter() - started
    rebuilds = []
    # Twice: the first document after the start also compiles its language's word lists (a tenth of a second).
    for added in (index, index + 1):
        doc_id = make_corpus.add_document(docs, added)
        started = time.perf_counter()
        after = build(docs, cache_dir=cache)
        rebuilds.append(time.perf_counter() - started)
        if len(after.documents) != len(before.documents) + 1 or doc_id not in set(after.documents["doc_id"]):
            raise SystemExit(f"the rebuild did not read the added document {doc_id}")
        before = after
    return {"first_build_from_cache_s": first_s, "rebuild_s": rebuilds[0], "next_rebuild_s": rebuilds[1]}


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _cpu_seconds(action) -> tuple[float, object]:
    """The CPU time (user and system) this process spent on `action`, and its result."""
    before = _cpu(resource.RUSAGE_SELF)
    result = action()
    return _cpu(resource.RUSAGE_SELF) - before, result


def cpu_over_floor(build: dict) -> float:
    """build/floor in CPU time, which other processes on the host change less than wall time: the build's own CPU
    time plus its workers' shared out over them (what the wall time would be on idle cores, the workers taking
    their turns evenly), over the floor's CPU time."""
    workers = max(1, build.get("jobs") or 1) if build["workers_cpu_s"] > 0 else 1
    return (build["build_cpu_s"] + build["workers_cpu_s"] / workers) / build["floor_cpu_s"]


def run_child(
    docs: Path, out: Path, cache: Path | None = None, tables_pickle: Path | None = None, jobs: int | None = None
) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--child-build", str(docs), str(out)]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    if cache is not None:
        command += ["--cache", str(cache)]
    if tables_pickle is not None:
        command += ["--tables-pickle", str(tables_pickle)]
    return _child(command, docs)


def run_server_rebuild(docs: Path, cache: Path, index: int) -> dict:
    script = str(Path(__file__).resolve())
    return _child([sys.executable, script, "--child-server-rebuild", str(docs), str(cache), str(index)], docs)


def _child(command: list[str], docs: Path) -> dict:
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"build of {docs} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------------------------------------ scoring
def _number(value: str | None) -> float | None:
    try:
        number = float(value) if value not in (None, "") else None
    except ValueError:
        return None
    return None if number is None or math.isnan(number) else number


def _item_tokens(item: str | None) -> set[str]:
    tokens = re.split(r"[^a-z0-9]+", (item or "").lower().replace("-", ""))
    return {re.sub(r"(?<=[a-z0-9])(en|s)$", "", t) if len(t) > 3 else t for t in tokens if len(t) >= 2}


def _match_cost(gold: dict, found: dict) -> float | None:
    """None when `found` is not the planted mention `gold`, else how far apart they are (lower is closer)."""
    if gold["kind"] != found.get("kind"):
        return None
    if gold["kind"] == "money":
        expected, got = _number(gold["amount"]), _number(found.get("amount"))
        if not expected or got is None or gold["currency"].upper() != (found.get("currency") or "").upper():
            return None
        gap = abs(expected - got) / expected
        return gap if gap <= 0.005 else None
    expected, got = _number(gold["quantity"]), _number(found.get("quantity"))
    if expected is None or got is None or int(expected) != int(got):
        return None
    return 0.0 if _item_tokens(gold["item"]) & _item_tokens(found.get("item")) else 0.004


def score(gold: list[dict], mentions: list[dict]) -> dict:
    """Precision and recall of the mentions against the planted ones, matched one-to-one within each document
    (the matching rule of the development set's score.py)."""
    gold_by_doc, found_by_doc = defaultdict(list), defaultdict(list)
    for row in gold:
        gold_by_doc[row["doc_id"]].append(row)
    for row in mentions:
        found_by_doc[row["doc_id"]].append(row)
    true_positives = 0
    for doc_id, planted in gold_by_doc.items():
        found = found_by_doc.get(doc_id, [])
        pairs = sorted(
            (cost, i, j)
            for i, g in enumerate(planted)
            for j, f in enumerate(found)
            if (cost := _match_cost(g, f)) is not None
        )
        used_gold, used_found = set(), set()
        for _, i, j in pairs:
            if i not in used_gold and j not in used_found:
                used_gold.add(i)
                used_found.add(j)
        true_positives += len(used_gold)
    n_found = sum(len(rows) for rows in found_by_doc.values())
    precision = true_positives / n_found if n_found else 1.0
    recall = true_positives / len(gold) if gold else 1.0
    return {"planted": len(gold), "found": n_found, "matched": true_positives, "precision": precision, "recall": recall}


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# ------------------------------------------------------------------------------------------------ measurements
def floor_seconds(docs: Path) -> tuple[float, int]:
    """Read every document and run one compiled currency-amount regex over it: time and amounts found."""
    started = time.perf_counter()
    found = 0
    for path in sorted(docs.glob("*.txt")):
        found += sum(1 for _ in CURRENCY_AMOUNT_RE.finditer(path.read_text(encoding="utf-8")))
    return time.perf_counter() - started, found


# The host-speed reference: its documents, the same in every run (make_corpus's default seed).
REFERENCE_DOCUMENTS = 200
REFERENCE_REPEATS = 5
# Cold builds per size and kind (serial, parallel); the table shows the fastest, the line above it every one.
BUILD_REPEATS = 2
FLOOR_REPEATS = 3
WORD_RE = re.compile(r"\w+")


@functools.cache
def _reference_texts() -> tuple[str, ...]:
    return tuple(make_corpus.make_document(7, index)[1] for index in range(REFERENCE_DOCUMENTS))


def host_reference_seconds() -> float:
    """The best of five timings of a fixed workload in memory: the currency regex, lower-casing and counting the
    words of 200 generated documents. It touches no file and no pipeline code, so it changes only when the host's
    speed does (BENCHMARKS.md, Machine: on its host it takes one of two times, 1.7x apart)."""
    texts = _reference_texts()
    timings = []
    for _ in range(REFERENCE_REPEATS):
        started = time.perf_counter()
        counts: dict[str, int] = defaultdict(int)
        for text in texts:
            for match in CURRENCY_AMOUNT_RE.finditer(text):
                counts[match.group(0)] += 1
            for word in WORD_RE.findall(text.lower()):
                counts[word] += 1
        sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        timings.append(time.perf_counter() - started)
    return min(timings)


def parallel_jobs() -> int:
    """Every CPU this process may use: the benchmark's parallel build asks for them all, whatever the load."""
    from data_pipeline import pool

    return pool.usable_cpus()


def measure_size(n_documents: int, work: Path, keep_tables: bool, repeats: int = BUILD_REPEATS) -> dict:
    docs, out, cache = work / f"docs_{n_documents}", work / f"tables_{n_documents}", work / f"cache_{n_documents}"
    parallel_out = work / f"tables_{n_documents}_parallel"
    for folder in (out, cache, parallel_out):
        shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    make_corpus.write_corpus(n_documents, docs)
    corpus_s = time.perf_counter() - started
    megabytes = sum(p.stat().st_size for p in docs.glob("*.txt")) / 1e6
    floor_s, floor_hits = floor_seconds(docs)
    tables_pickle = work / f"tables_{n_documents}.pickle" if keep_tables else None
    jobs = parallel_jobs()
    # Cold builds, serial and parallel in turn, each from an empty cache in a fresh process that times the
    # host-speed reference and the floor just before it: on a host whose speed changes from minute to minute
    # one build says little, a ratio of timings taken seconds apart more. The last serial build keeps its tables
    # for the dashboard timings; the last build's cache serves the rebuilds.
    serial, parallel = [], []
    for repeat in range(repeats):
        for runs, job_count, target in ((serial, 1, out), (parallel, jobs, parallel_out)):
            for folder in (target, cache):
                shutil.rmtree(folder, ignore_errors=True)
            keep = tables_pickle if repeat == repeats - 1 and job_count == 1 else None
            runs.append(run_child(docs, target, cache, keep, jobs=job_count))
    builds = serial + parallel
    if len({json.dumps(build["counts"], sort_keys=True) for build in builds}) != 1:
        raise SystemExit(f"the builds of {docs} disagree: {[build['counts'] for build in builds]}")
    different = [
        path.name for path in out.glob("*.csv") if path.read_bytes() != (parallel_out / path.name).read_bytes()
    ]
    if different:
        raise SystemExit(f"the parallel build of {docs} wrote other tables than the serial one: {different}")
    full = min(serial, key=lambda build: build["build_s"])
    fastest_parallel = min(parallel, key=lambda build: build["build_s"])
    quality = score(read_csv(docs / "gold.csv"), read_csv(out / "mentions.csv"))
    # One more document (the next one the generator would write) arriving at a server that has built the tables,
    # then another one rebuilt by a new process (the command line) with the cache folder.
    server = run_server_rebuild(docs, cache, n_documents)
    make_corpus.add_document(docs, n_documents + 2)
    incremental = run_child(docs, work / f"tables_{n_documents}_plus_two", cache)
    return {
        "n": n_documents,
        "megabytes": megabytes,
        "corpus_s": corpus_s,
        "build_s": full["build_s"],
        "build_runs_s": [build["build_s"] for build in serial],
        "host_reference_around_runs_s": [build["host_reference_s"] for build in serial],
        "floor_before_runs_s": [build["floor_s"] for build in serial],
        "serial_over_floor": min(build["build_s"] / build["floor_s"] for build in serial),
        "parallel_jobs": jobs,
        "parallel_s": fastest_parallel["build_s"],
        "parallel_runs_s": [build["build_s"] for build in parallel],
        "parallel_host_reference_around_runs_s": [build["host_reference_s"] for build in parallel],
        "parallel_floor_before_runs_s": [build["floor_s"] for build in parallel],
        "parallel_over_floor": min(build["build_s"] / build["floor_s"] for build in parallel),
        "parallel_over_serial_pairs": [p["build_s"] / s["build_s"] for s, p in zip(serial, parallel, strict=True)],
        "serial_cpu_over_floor": min(cpu_over_floor(build) for build in serial),
        "parallel_cpu_over_floor": min(cpu_over_floor(build) for build in parallel),
        "serial_cpu_s": [build["build_cpu_s"] for build in serial],
        "parallel_cpu_s": [[build["build_cpu_s"], build["workers_cpu_s"]] for build in parallel],
        "write_s": full["write_s"],
        "import_s": full["import_s"],
        "peak_rss_mb": max(build["peak_rss_mb"] for build in serial),
        "parallel_peak_rss_mb": max(build["peak_rss_mb"] for build in parallel),
        "parallel_workers_peak_rss_mb": max(build["workers_peak_rss_mb"] for build in parallel),
        "counts": full["counts"],
        "incremental_s": incremental["build_s"],
        "server_rebuild_s": server["rebuild_s"],
        "server_next_rebuild_s": server["next_rebuild_s"],
        "incremental_mode": "cache_dir" if incremental["uses_cache"] else "full rebuild (no cache_dir in build)",
        "floor_s": floor_s,
        "floor_amounts": floor_hits,
        **quality,
        "tables_pickle": str(tables_pickle) if tables_pickle else None,
    }


def dashboard_timings(tables_pickle: Path, repeats: int = 3) -> dict:
    """AppTest on the given tables: cold start to the overview, then per page a switch and a filter change."""
    from streamlit import logger as streamlit_logger

    streamlit_logger.set_log_level("error")  # "no runtime found": AppTest has none, as expected
    from streamlit.testing.v1 import AppTest

    from dashboard_app import loader

    tables = pickle.loads(tables_pickle.read_bytes())
    loader.load_tables = lambda *args, **kwargs: tables  # the build is cached: time the dashboard alone
    at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=300)

    def timed(action) -> float:
        started = time.perf_counter()
        action()
        if at.exception:
            raise SystemExit(f"dashboard error: {[error.message for error in at.exception]}")
        return time.perf_counter() - started

    results: dict = {"cold_start_s": timed(at.run), "rerun_s": timed(at.run), "pages": {}}
    categories = at.multiselect(key="category").options
    for name in PAGES:
        switch = timed(lambda name=name: at.switch_page(f"pages/{name}.py").run())
        samples = []
        for repeat in range(repeats * 2):
            value = [categories[repeat % len(categories)]] if repeat % 2 == 0 else []
            samples.append(timed(lambda value=value: at.multiselect(key="category").set_value(value).run()))
        results["pages"][name] = {"switch_s": switch, "filter_median_s": statistics.median(samples)}
        results["pages"][name]["filter_max_s"] = max(samples)
    return results


# ------------------------------------------------------------------------------------------------ report
def report_table(rows: list[dict]) -> str:
    header = (
        f"{'docs':>6} {'MB':>5} {'serial s':>8} {'par s':>6} {'jobs':>4} {'par/ser':>7} {'floor s':>7} "
        f"{'ser/floor':>9} {'par/floor':>9} {'cpu ser/fl':>10} {'cpu par/fl':>10} {'peak MB':>7} "
        f"{'upload1':>7} {'upload2':>7} {'new pr':>6} "
        f"{'P':>4} {'R':>4} {'mentions':>8} {'pledges':>7}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        pairs = row["parallel_over_serial_pairs"]
        lines.append(
            f"{row['n']:>6} {row['megabytes']:>5.1f} {row['build_s']:>8.2f} {row['parallel_s']:>6.2f} "
            f"{row['parallel_jobs']:>4} {statistics.median(pairs):>7.2f} {min(row['floor_before_runs_s']):>7.3f} "
            f"{row['serial_over_floor']:>9.1f} {row['parallel_over_floor']:>9.1f} "
            f"{row['serial_cpu_over_floor']:>10.1f} {row['parallel_cpu_over_floor']:>10.1f} {row['peak_rss_mb']:>7.0f} "
            f"{row['server_rebuild_s']:>7.2f} {row['server_next_rebuild_s']:>7.2f} {row['incremental_s']:>6.2f} "
            f"{row['precision']:>4.2f} {row['recall']:>4.2f} {row['counts']['mentions']:>8} "
            f"{row['counts']['pledges']:>7}"
        )
    for smaller, larger in zip(rows, rows[1:], strict=False):
        lines.append(
            f"growth {smaller['n']} -> {larger['n']} docs ({larger['n'] / smaller['n']:.0f}x): "
            f"serial build time {larger['build_s'] / smaller['build_s']:.1f}x"
        )
    repeats = len(rows[0]["build_runs_s"]) if rows else BUILD_REPEATS
    lines.append(
        f"serial s / par s: the fastest of {repeats} cold builds (empty cache) each, serial (jobs 1, kept on one"
        " core) and parallel (jobs = every usable CPU) in turn, each in a fresh process (all are printed above,"
        " with the host-speed reference before and after each); par/ser: the median of parallel / serial over the"
        " pairs run one after the other; floor s: reading the .txt files and one currency regex, best of"
        f" {FLOOR_REPEATS}, timed in each build's process just before it; ser/floor, par/floor: the lowest"
        " build/floor of the runs; cpu ser/fl, cpu par/fl: the same in CPU time (the build's own, plus its workers'"
        " divided by their number: the wall time on idle cores), less moved by other processes on the host;"
        " peak MB: the largest serial build's peak, before the tables are written"
    )
    modes = sorted({row["incremental_mode"] for row in rows})
    lines.append(
        "rebuild after one added document, s: 'upload1' and 'upload2' in a process that built the tables before"
        " (the dashboard's server after the first and the next upload; the first also compiles its language's word"
        f" lists); 'new pr' in a new process with the cache folder ({', '.join(modes)})"
    )
    return "\n".join(lines)


def dashboard_table(n_documents: int, timings: dict) -> str:
    lines = [
        f"dashboard on the {n_documents}-document tables (AppTest, server side, loader returns the built tables):",
        f"  cold start to overview {timings['cold_start_s']:.2f} s; rerun {timings['rerun_s']:.2f} s",
        f"  {'page':<12} {'switch s':>8} {'filter change s (median)':>25} {'max':>6}",
    ]
    for name, page in timings["pages"].items():
        lines.append(
            f"  {name:<12} {page['switch_s']:>8.2f} {page['filter_median_s']:>25.3f} {page['filter_max_s']:>6.3f}"
        )
    return "\n".join(lines)


def machine_description() -> str:
    import os
    import platform

    info = {}
    for path, key in (("/proc/cpuinfo", "model name"), ("/proc/meminfo", "MemTotal")):
        try:
            lines = Path(path).read_text().splitlines()
        except OSError:
            continue
        info[key] = next((line.split(":", 1)[1].strip() for line in lines if line.startswith(key)), "")
    cpu = info.get("model name") or platform.machine()
    memory = f", {int(info['MemTotal'].split()[0]) / 1024 / 1024:.1f} GiB RAM" if info.get("MemTotal") else ""
    return f"{cpu}, {os.cpu_count()} CPUs{memory}, Python {platform.python_version()}"


def briefing_pack_timings(repeats: int = 3) -> dict:
    """Seconds to make the seeds' briefing pack (.pptx and .docx, every chart drawn by one renderer), each run."""
    from dashboard_app.briefing import build_pack
    from dashboard_app.filters import Selection, apply_filters
    from data_pipeline import build

    tables = apply_filters(build(REPO / "seeds"), Selection())
    packs = [build_pack(tables, Selection()) for _ in range(repeats)]
    return {"runs_s": [pack.seconds for pack in packs], "slides": packs[0].n_slides}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", help=f"numbers of documents (default {SIZES})")
    parser.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES}, dashboard on the largest")
    parser.add_argument("--no-dashboard", action="store_true", help="skip the AppTest timings")
    parser.add_argument("--no-briefing", action="store_true", help="skip the briefing pack of the seeds")
    parser.add_argument("--briefing-only", action="store_true", help="only the briefing pack of the seeds")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "bench", help="where corpora and tables go")
    parser.add_argument("--child-build", nargs=2, type=Path, metavar=("DOCS", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--child-server-rebuild", nargs=3, metavar=("DOCS", "CACHE", "INDEX"), help=argparse.SUPPRESS)
    parser.add_argument("--repeats", type=int, default=BUILD_REPEATS, help="cold builds per size and kind")
    parser.add_argument("--no-clone", action="store_true", help="skip the clone-to-health timing")
    parser.add_argument("--no-browser", action="store_true", help="skip the first-chart timing in Chromium")
    parser.add_argument("--jobs", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--tables-pickle", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_build:
        print(json.dumps(child_build(*args.child_build, args.cache, args.tables_pickle, args.jobs)))
        return 0
    if args.child_server_rebuild:
        docs, cache, index = args.child_server_rebuild
        print(json.dumps(child_server_rebuild(Path(docs), Path(cache), int(index))))
        return 0

    if args.briefing_only:
        print(briefing_report(briefing_pack_timings()))
        return 0

    sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {machine_description()}")
    reference_before = host_reference_seconds()
    print(f"host-speed reference at the start: {reference_before:.3f} s", flush=True)
    rows = []
    for n_documents in sizes:
        keep = not args.no_dashboard and n_documents == max(sizes)
        row = measure_size(n_documents, args.work, keep_tables=keep, repeats=args.repeats)
        rows.append(row)
        runs = ", ".join(
            f"{seconds:.2f} s (reference {before:.3f} s before, {after:.3f} s after; floor {floor:.3f} s)"
            for seconds, (before, after), floor in zip(
                row["build_runs_s"], row["host_reference_around_runs_s"], row["floor_before_runs_s"], strict=True
            )
        )
        parallel_runs = ", ".join(
            f"{seconds:.2f} s ({before:.3f}, {after:.3f}; floor {floor:.3f} s)"
            for seconds, (before, after), floor in zip(
                row["parallel_runs_s"],
                row["parallel_host_reference_around_runs_s"],
                row["parallel_floor_before_runs_s"],
                strict=True,
            )
        )
        print(
            f"  {n_documents} documents: corpus {row['corpus_s']:.1f} s, serial builds {runs}, "
            f"parallel builds ({row['parallel_jobs']} jobs; load average {os.getloadavg()[0]:.1f}) {parallel_runs}, "
            f"parallel peak {row['parallel_peak_rss_mb']:.0f} MB + largest worker "
            f"{row['parallel_workers_peak_rss_mb']:.0f} MB, "
            f"rebuild after one more document: server {row['server_rebuild_s']:.2f} s "
            f"then {row['server_next_rebuild_s']:.2f} s, "
            f"new process {row['incremental_s']:.2f} s",
            flush=True,
        )
    reference_after = host_reference_seconds()
    print()
    print(report_table(rows))
    print(
        f"host-speed reference (a fixed workload in memory, best of {REFERENCE_REPEATS}): "
        f"{reference_before:.3f} s at the start, {reference_after:.3f} s after the builds; "
        "a slower host shows as a longer reference"
    )
    results = {
        "machine": machine_description(),
        "host_reference_s": {"start": reference_before, "after_builds": reference_after},
        "sizes": rows,
    }
    if not args.no_dashboard:
        largest = max(rows, key=lambda row: row["n"])
        timings = dashboard_timings(Path(largest["tables_pickle"]))
        print()
        print(dashboard_table(largest["n"], timings))
        results["dashboard"] = {"n": largest["n"], **timings}
    if not args.no_briefing:
        results["briefing_pack"] = briefing_pack_timings()
        print()
        print(briefing_report(results["briefing_pack"]))
    if not args.no_clone:
        import clone_to_health

        clone = clone_to_health.clone_to_health()
        print()
        print(clone_to_health.describe(clone))
        results["clone_to_health"] = clone
    if not args.no_browser:
        import first_chart

        from dashboard_app.chromium import chromium_path

        if chromium_path().exists():
            chart = first_chart.first_chart()
            print()
            print(first_chart.describe(chart))
            results["first_chart"] = chart
        else:
            print(f"\nfirst chart: not measured, no Chromium at {chromium_path()}")
    (args.work / "results.json").write_text(json.dumps(results, indent=1) + "\n")
    return 0


def briefing_report(timings: dict) -> str:
    runs = ", ".join(f"{seconds:.2f} s" for seconds in timings["runs_s"])
    return f"briefing pack of the seeds ({timings['slides']} slides + Word note, one renderer): {runs}"


if __name__ == "__main__":
    sys.exit(main())
