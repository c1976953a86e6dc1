"""Every test run gets an empty document library and its own extraction cache, so a developer's uploads in
./library/ never change what the tests see (set before any test, so started servers inherit it too)."""

import os
import tempfile
from pathlib import Path

_RUN_DIR = Path(tempfile.mkdtemp(prefix="pledges-tests-"))
os.environ["PLEDGES_LIBRARY_DIR"] = str(_RUN_DIR / "library")
os.environ["PLEDGES_CACHE_DIR"] = str(_RUN_DIR / "cache")
os.environ["PLEDGES_CORRECTIONS_DB"] = str(_RUN_DIR / "corrections.sqlite")
