"""The server while one user's added document is extracted: how long /_stcore/health and another user's page take.

For each variant, a new `streamlit run dashboard.py` (seeds, an empty library and cache folder of its own): one
Chromium context opens *Add documents*, another the overview; a long document (benchmarks/extract_growth.py's
`paragraphs`, 10 MB by default) is put in the library as a save on that page puts it (data_pipeline.library
.add_document), and the uploader's page is reloaded, so its script run builds the tables with it. While that build
runs, a thread asks /_stcore/health again and again (each answer timed) and the other user's page is reloaded
(timed until its chart is drawn). The build ends when the uploader's listing shows the document.

Variants: `after` is this working tree; `before` is another revision (`--before main`), unpacked with
`git archive` into a temporary folder and run with this environment, in the same run, one after the other.

Run: `.venv/bin/python benchmarks/upload_health.py [--size 10m] [--before main] [--variants before after]`. It
prints the figures; it asserts nothing (timings are not tests).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from clone_to_health import healthy  # noqa: E402  (scripts beside this one)
from dashboard_server import start_dashboard, stop_dashboard  # noqa: E402
from extract_growth import SIZES, document  # noqa: E402

from dashboard_app.chromium import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from data_pipeline.library import add_document  # noqa: E402

CHART_MARKS = '[data-testid="stPlotlyChart"] g.trace'
UPLOADER = '[data-testid="stFileUploader"]'


def start_server(code: Path, folder: Path) -> tuple[subprocess.Popen, str]:
    environment = {
        "PLEDGES_LIBRARY_DIR": str(folder / "library"),
        "PLEDGES_CACHE_DIR": str(folder / "cache"),
        "PLEDGES_CORRECTIONS_DB": str(folder / "corrections.sqlite"),
    }
    return start_dashboard(code, environment, timeout=120)


def poll_health(url: str, stop: threading.Event, answers: list[float]) -> None:
    """Ask /_stcore/health until stopped, one request after the other; each answer's seconds (a request that
    fails or takes over 300 s counts as 300)."""
    while not stop.is_set():
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=300) as response:
                response.read()
        except (urllib.error.URLError, OSError):
            answers.append(300.0)
            continue
        answers.append(time.perf_counter() - started)
        stop.wait(0.05)


def measure(code: Path, text: bytes, browser) -> dict:
    from playwright.sync_api import expect

    with tempfile.TemporaryDirectory(prefix="upload-health-") as temporary:
        folder = Path(temporary)
        server, url = start_server(code, folder)
        try:
            contexts = [browser.new_context(viewport={"width": 1280, "height": 800}) for _ in range(2)]
            uploader, other = (context.new_page() for context in contexts)
            uploader.goto(f"{url}/add_documents")
            expect(uploader.locator(UPLOADER).first).to_be_visible(timeout=120_000)
            other.goto(url)
            expect(other.locator(CHART_MARKS).first).to_be_attached(timeout=120_000)
            time.sleep(5)  # as a user picking a file: the page's background start of the extraction process ends
            idle: list[float] = []
            for _ in range(5):
                started = time.perf_counter()
                healthy_now = healthy(int(url.rsplit(":", 1)[1]))
                idle.append(time.perf_counter() - started if healthy_now else 300.0)
            stored = add_document(folder / "library", "long_report.txt", text, {"language": "en"})
            answers: list[float] = []
            stop = threading.Event()
            poller = threading.Thread(target=poll_health, args=(url, stop, answers), daemon=True)
            started = time.perf_counter()
            uploader.reload()
            poller.start()
            expect(uploader.get_by_text("Reading the documents…")).to_be_visible(timeout=120_000)
            other_started = time.perf_counter()
            other.reload()
            expect(other.locator(CHART_MARKS).first).to_be_attached(timeout=900_000)
            other_seconds = time.perf_counter() - other_started
            expect(uploader.get_by_text(f"{stored} — ")).to_be_visible(timeout=900_000)
            build_seconds = time.perf_counter() - started
            stop.set()
            poller.join()
            for context in contexts:
                context.close()
        finally:
            stop_dashboard(server, timeout=20)
    return {
        "build_s": build_seconds,
        "health_idle_max_s": max(idle),
        "health_answers": len(answers),
        "health_median_s": statistics.median(answers) if answers else None,
        "health_max_s": max(answers) if answers else None,
        "other_page_s": other_seconds,
    }


def unpacked(revision: str, into: Path) -> Path:
    """The tree of `revision` in a folder of its own (git archive), run with this environment."""
    archive = subprocess.run(["git", "archive", revision], cwd=REPO, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="10m", choices=list(SIZES))
    parser.add_argument("--before", default="main", help="the revision to compare with (git archive)")
    parser.add_argument("--variants", nargs="+", default=["before", "after"], choices=["before", "after"])
    args = parser.parse_args(argv)
    spec = importlib.util.find_spec("playwright")
    if spec is None or not chromium_path().exists():
        raise SystemExit(f"needs Playwright and Chromium at {chromium_path()}")
    from playwright.sync_api import sync_playwright

    text = document(SIZES[args.size], "paragraphs").encode("utf-8")
    print(f"document: {len(text) / 1e6:.1f} MB of sentences; load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="upload-health-code-") as code_folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium_path()), headless=True, args=CHROMIUM_FLAGS)
        for variant in args.variants:
            code = REPO if variant == "after" else unpacked(args.before, Path(code_folder))
            result = measure(code, text, browser)
            print(
                f"{variant:6} ({'this tree' if variant == 'after' else args.before}): build {result['build_s']:.1f} s; "
                f"health idle max {result['health_idle_max_s'] * 1000:.0f} ms; during the build "
                f"{result['health_answers']} answers, median {result['health_median_s'] * 1000:.0f} ms, "
                f"max {result['health_max_s'] * 1000:.0f} ms; "
                f"another user's page drawn in {result['other_page_s']:.1f} s; "
                f"load average {os.getloadavg()[0]:.1f}",
                flush=True,
            )
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
