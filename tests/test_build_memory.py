"""What a build leaves in memory: build() pauses Python's cyclic collector (build.cyclic_collector_paused), so a
reference cycle made per document or per mention would stay until the build ends."""

from __future__ import annotations

import json
import subprocess
import sys

from pipeline_helpers import ROOT, load_script

# In a process of its own: objects of earlier tests (figures, a dashboard's threads) freed during the build
# would count as the build's.
MEASURE = """
import gc, json, sys
from collections import Counter
from data_pipeline import build
build(sys.argv[1])  # imports, word lists, caches: what the first build of a process makes once
gc.collect()
gc.disable()
build(sys.argv[1])
gc.set_debug(gc.DEBUG_SAVEALL)
gc.collect()
print(json.dumps(Counter(type(thing).__name__ for thing in gc.garbage).most_common()))
"""


def test_a_build_leaves_no_reference_cycles_behind(tmp_path):
    """A closure that holds the scope around it (a lambda over a figure, a generator over a mention's facts) is
    such a cycle: at 10,000 documents one per mention would keep a hundred megabytes more at the peak. What a
    build leaves to the collector must not grow with the documents."""
    generated = tmp_path / "generated"
    load_script("make_corpus").write_corpus(300, generated, seed=11)
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(generated)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    left = dict(json.loads(done.stdout))
    assert sum(left.values()) < 100, left  # 300 documents, 1,600 mentions
