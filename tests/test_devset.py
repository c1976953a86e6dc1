"""The build on the ten real development documents, scored with the devset's own scorer."""

from __future__ import annotations

import pytest
from pipeline_helpers import scored_build

from data_pipeline.paths import DEVSET_DIR

MIN_F1 = 0.9


def test_devset_f1_is_at_least_point_nine(tmp_path):
    if not DEVSET_DIR.is_dir():
        pytest.fail(f"the development set is missing at {DEVSET_DIR}: CI must have ../shared beside the repo")
    scores, report = scored_build(DEVSET_DIR, DEVSET_DIR / "gold.csv", DEVSET_DIR / "manifest.csv", tmp_path)
    assert scores["F1"] >= MIN_F1, report
