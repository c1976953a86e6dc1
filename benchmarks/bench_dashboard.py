"""Dashboard timings on the seeds via AppTest: cold start to the overview, then a filter change on each page.

Run: `make bench` (or `.venv/bin/python benchmarks/bench_dashboard.py`). Prints one line per measurement.
AppTest runs the scripts in-process without a browser, so these are server-side times: what Streamlit spends
building the page, not what the browser spends drawing it.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "dashboard.py")
PAGES = ["overview", "by_year", "by_category", "by_source", "explorer", "documents", "agreements"]
REPEATS = 5


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def check(at: AppTest, what: str) -> None:
    if at.exception:
        raise SystemExit(f"{what}: {[error.message for error in at.exception]}")


def main() -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    cold = timed(at.run)
    check(at, "cold start")
    print(f"cold start to overview (builds the seeds): {cold:6.2f} s")
    warm = timed(at.run)
    print(f"rerun of overview (cached build):          {warm:6.2f} s")

    categories = at.multiselect(key="category").options
    print(f"\nfilter change per page (category toggled, median of {REPEATS}):")
    for name in PAGES:
        switch = timed(lambda name=name: at.switch_page(f"pages/{name}.py").run())
        check(at, name)
        samples = []
        for repeat in range(REPEATS):
            value = [categories[repeat % len(categories)]] if repeat % 2 == 0 else []
            samples.append(timed(lambda value=value: at.multiselect(key="category").set_value(value).run()))
            check(at, f"{name} filter")
        print(f"  {name:<12} switch {switch:5.2f} s   filter change {statistics.median(samples):5.2f} s")


if __name__ == "__main__":
    main()
