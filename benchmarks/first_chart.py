"""The browser benchmark: from navigation to the first drawn chart in a fresh browser context, on the seeds.

Starts `streamlit run dashboard.py` as `make run` does (a free port), waits for /_stcore/health, then opens the
dashboard in Debian's Chromium (Playwright, as tests/test_browser.py does) several times, each in a new browser
context (no cache, cookies or storage shared with the one before), and prints for each visit when the page's
milestones came, in seconds from the navigation's start:
- html: the document's response; frame: Streamlit's app frame (its JavaScript loaded and run);
- sidebar: the first widget the script draws (the script ran up to the filters: imports, the build or its cache);
- chart: the first chart's marks drawn (plotly's code loaded, the figure sent and drawn).
Visit 1 is the first page of a new server (its script imports the pages and builds the tables); the others find
the server warm. Also the bytes and time of the largest scripts the browser fetched.

Run: `.venv/bin/python benchmarks/first_chart.py [--visits 4] [--docs DIR]`, or as part of `make bench`. It prints
the figures; it asserts nothing (timings are not tests).
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from dashboard_server import start_dashboard, stop_dashboard  # noqa: E402  (a script beside this one)

from dashboard_app.chromium import CHROMIUM_FLAGS, chromium_path  # noqa: E402

CHART_MARKS = '[data-testid="stPlotlyChart"] g.trace'
SIDEBAR_FILTER = '[data-testid="stSidebar"] [data-testid="stMultiSelect"]'
APP_FRAME = '[data-testid="stApp"]'


def start_server(docs: Path | None) -> tuple[subprocess.Popen, str]:
    environment = {"PLEDGES_DOCS_DIR": str(docs)} if docs is not None else {}
    server, base = start_dashboard(REPO, environment, timeout=60)
    return server, f"{base}/"


def visit(browser, url: str) -> dict:
    """One visit in a new context: seconds from navigation to each milestone, and the scripts fetched."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    scripts: list[tuple[str, int]] = []

    def fetched(response) -> None:
        if response.request.resource_type == "script":
            with contextlib.suppress(Exception):  # a response without a body (a redirect) is not counted
                scripts.append((response.url.rsplit("/", 1)[-1], len(response.body())))

    page.on("response", fetched)
    started = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=60_000)
    milestones = {"html": time.perf_counter() - started}
    for name, selector in (("frame", APP_FRAME), ("sidebar", SIDEBAR_FILTER), ("chart", CHART_MARKS)):
        page.wait_for_selector(selector, state="attached", timeout=60_000)
        milestones[name] = time.perf_counter() - started
    context.close()
    return {"milestones": milestones, "scripts": scripts}


def first_chart(visits: int = 4, docs: Path | None = None) -> dict:
    from playwright.sync_api import sync_playwright

    browser_path = chromium_path()
    if not browser_path.exists():
        raise SystemExit(f"Chromium not found at {browser_path} (apt-get install -y chromium)")
    server, url = start_server(docs)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(browser_path), headless=True, args=CHROMIUM_FLAGS)
            try:
                runs = [visit(browser, url) for _ in range(visits)]
            finally:
                browser.close()
    finally:
        stop_dashboard(server, timeout=10)
    return {"runs": runs}


def describe(result: dict) -> str:
    runs = result["runs"]
    lines = ["first chart in a fresh browser context (seconds from navigation; visit 1 is a new server's first page):"]
    for number, run in enumerate(runs, start=1):
        marks = ", ".join(f"{name} {seconds:.2f}" for name, seconds in run["milestones"].items())
        lines.append(f"  visit {number}: {marks}")
    warm = [run["milestones"]["chart"] for run in runs[1:]]
    if warm:
        lines.append(
            f"  first chart: {runs[0]['milestones']['chart']:.2f} s on a new server's first page, "
            f"{statistics.median(warm):.2f} s (median of {len(warm)}) once the server has built the tables"
        )
    largest = sorted(runs[-1]["scripts"], key=lambda script: -script[1])[:5]
    total = sum(size for _, size in runs[-1]["scripts"])
    lines.append(
        f"  scripts fetched: {len(runs[-1]['scripts'])}, {total / 1e6:.1f} MB; largest: "
        + ", ".join(f"{name} {size / 1e6:.2f} MB" for name, size in largest)
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=4)
    parser.add_argument("--docs", type=Path, help="documents folder (default: the seeds)")
    args = parser.parse_args(argv)
    print(describe(first_chart(args.visits, args.docs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
