"""Values derived from a frame (or a whole build), computed once per object instead of on every rerun.

The loader hands every run the same Tables object for a build (st.cache_resource), and `apply_filters` passes
the build's `documents` frame on unchanged, so a lookup derived from them (filter options, publisher of each
document, the rows each pledge's mentions sit in) can be kept for as long as that object lives. The memo
holds the object only weakly: when a new build replaces it, its derived values go with it.

Hashing the frames' content (st.cache_data) would cost more than most of what is kept here (tens of ms per
50,000-row frame), so the key is the object itself. That is sound because nothing changes a build's frames in
place: the loader's contract (and STYLE.md) is that what a cache returns is read-only.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_values: dict[tuple[int, str], tuple[weakref.ref, object]] = {}
_lock = threading.RLock()  # reentrant: dropping a kept value can run `forget` while the lock is held


def memoized(owner: object, name: str, compute: Callable[[], T]) -> T:
    """`compute()` the first time it is asked for `name` of this very `owner` object; the kept value after.

    `compute` must depend on nothing but `owner` (and constants), and nobody may change `owner` in place.
    """
    key = (id(owner), name)
    found = _values.get(key)
    if found is not None and found[0]() is owner:
        return found[1]  # type: ignore[return-value]
    value = compute()

    # The dict and the lock are bound here: at interpreter exit the module's globals may already be gone.
    def forget(_reference: weakref.ref, key: tuple[int, str] = key, values: dict = _values, lock=_lock) -> None:
        with lock:
            entry = values.get(key)
            if entry is not None and entry[0]() is None:
                del values[key]

    with _lock:
        _values[key] = (weakref.ref(owner, forget), value)
    return value


def known(owner: object, name: str) -> object | None:
    """What is kept as `name` of this very object, or None (nothing is computed)."""
    found = _values.get((id(owner), name))
    return found[1] if found is not None and found[0]() is owner else None


def remember(owner: object, name: str, value: object) -> None:
    """Keep `value` as `name` of `owner` (it must not refer to `owner`, or neither would ever be dropped)."""
    memoized(owner, name, lambda: value)


def clear() -> None:
    """Forget every kept value (to measure or test from a cold start)."""
    with _lock:
        _values.clear()
