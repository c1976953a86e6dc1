"""The build on the ten real development documents, scored with the devset's own scorer."""

from __future__ import annotations

import subprocess
import sys

import pytest

from data_pipeline import build
from data_pipeline.paths import DEVSET_DIR
from data_pipeline.tables import write_tables

MIN_F1 = 0.9


def test_devset_f1_is_at_least_point_nine(tmp_path):
    if not DEVSET_DIR.is_dir():
        pytest.fail(f"the development set is missing at {DEVSET_DIR}: CI must have ../shared beside the repo")
    write_tables(build(DEVSET_DIR), tmp_path)
    scored = subprocess.run(
        [
            sys.executable,
            str(DEVSET_DIR / "score.py"),
            str(DEVSET_DIR / "gold.csv"),
            str(tmp_path / "mentions.csv"),
            "--manifest",
            str(DEVSET_DIR / "manifest.csv"),
            "--docs",
            str(DEVSET_DIR),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    f1 = float(scored.stdout.strip().splitlines()[-1].removeprefix("F1="))
    assert f1 >= MIN_F1, scored.stdout
