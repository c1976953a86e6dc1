"""What a build leaves in memory: build() pauses Python's cyclic collector (build.cyclic_collector_paused), so a
reference cycle made per document or per mention would stay until the build ends."""

from __future__ import annotations

import gc
from collections import Counter

from test_benchmarks import load_script

from data_pipeline import build


def test_a_build_leaves_no_reference_cycles_behind(tmp_path):
    """A closure that holds the scope around it (a lambda over a figure, a generator over a mention's facts) is
    such a cycle: at 10,000 documents one per mention would keep a hundred megabytes more at the peak. What a
    build leaves to the collector must not grow with the documents."""
    generated = tmp_path / "generated"
    load_script("make_corpus").write_corpus(300, generated, seed=11)
    build(generated)  # imports, word lists, caches: what the first build of a process makes once
    gc.collect()
    gc.disable()
    try:
        build(generated)
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
    finally:
        gc.set_debug(0)
        gc.enable()
    left = [type(thing).__name__ for thing in gc.garbage]
    gc.garbage.clear()
    assert len(left) < 100, Counter(left).most_common(8)  # 300 documents, 1,600 mentions
