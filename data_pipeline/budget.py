"""A per-document time budget for extraction: the last line of defence against a text the extractor is slow on.

Extraction is meant to take time linear in the text (sentences of bounded length, each figure looking at a bounded
neighbourhood; BENCHMARKS.md). Should a document still take longer than MAX_EXTRACTION_SECONDS, the extractor's
loops stop it at their next check (check_budget) and the document becomes a problem instead of holding up a build
or a dashboard server. Per thread: sessions of a server extract at the same time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# 10 MB of text without one full stop (the slowest shape measured) extracts in about 55 s on a quiet machine and
# 125 s on one shared with other work (BENCHMARKS.md, "One document, 10 KB to 10 MB"); None: no budget.
MAX_EXTRACTION_SECONDS: float | None = 300.0

# A separate extraction process (the dashboard's server's: data_pipeline.pool.extract_elsewhere) still on one
# document this long after its two budgets (reading, then extracting) would have stopped it is stuck where the
# budget is not checked (inside a C library): it is killed, and the document is a problem like any over budget.
STOP_GRACE_SECONDS = 30.0

_deadline = threading.local()


class BudgetExceeded(Exception):
    """Extraction of one document ran past its time budget."""


def budget_problem(seconds: float) -> str:
    return (
        f"extraction took longer than {seconds:.0f} s, the limit for one document; split the file into smaller "
        "documents"
    )


def reading_budget_problem(seconds: float) -> str:
    """budget_problem for a file whose reading (a PDF's or Word file's text) took too long."""
    return budget_problem(seconds).replace("extraction", "reading", 1)


@contextmanager
def document_budget(seconds: float | None = None) -> Iterator[None]:
    """check_budget raises BudgetExceeded in this thread once `seconds` (default MAX_EXTRACTION_SECONDS) passed."""
    seconds = MAX_EXTRACTION_SECONDS if seconds is None else seconds
    previous = getattr(_deadline, "at", None)
    _deadline.at = None if seconds is None else time.monotonic() + seconds
    try:
        yield
    finally:
        _deadline.at = previous


def check_budget() -> None:
    """Raise BudgetExceeded when this thread's document budget is spent (cheap: one clock read)."""
    at = getattr(_deadline, "at", None)
    if at is not None and time.monotonic() > at:
        raise BudgetExceeded


def stop_after_seconds() -> float | None:
    """When a separate process still on one document is stopped from outside: reading's and extraction's budgets
    and a grace (None: no budget, never stopped)."""
    if MAX_EXTRACTION_SECONDS is None:
        return None
    return 2 * MAX_EXTRACTION_SECONDS + STOP_GRACE_SECONDS
