"""The per-object memo behind the dashboard's speed: one value per object, gone with the object, never stale."""

from __future__ import annotations

import gc
import threading

from dashboard_app import memo


class Owner:
    """Stands for a build's frame or Tables: any object that can be referenced weakly."""


def test_a_value_is_computed_once_per_object():
    calls = []
    owner, twin = Owner(), Owner()
    assert memo.memoized(owner, "x", lambda: calls.append(1) or "first") == "first"
    assert memo.memoized(owner, "x", lambda: calls.append(1) or "second") == "first"
    assert memo.memoized(twin, "x", lambda: calls.append(1) or "twin") == "twin"  # an equal object is another one
    assert memo.memoized(owner, "y", lambda: "other name") == "other name"
    assert len(calls) == 2


def test_a_value_goes_with_its_object():
    owner = Owner()
    memo.memoized(owner, "x", lambda: "kept")
    key = (id(owner), "x")
    assert key in memo._values
    del owner
    gc.collect()
    assert key not in memo._values  # a new object that reuses the id cannot find it


def test_clearing_values_that_own_values_does_not_hang():
    # Dropping a kept value can end another owner, whose entry is then forgotten while the memo is locked.
    outer = Owner()
    memo.memoized(outer, "inner", Owner)
    memo.memoized(memo.memoized(outer, "inner", Owner), "value", lambda: "kept")
    worker = threading.Thread(target=memo.clear, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive()
    assert memo.memoized(outer, "inner", lambda: "computed again") == "computed again"
