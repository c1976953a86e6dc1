"""Helpers shared by the pipeline tests: the repository root, running the CLI as a user would, scoring a build."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from data_pipeline import build
from data_pipeline.paths import DEVSET_DIR
from data_pipeline.tables import write_tables

ROOT = Path(__file__).resolve().parents[1]


def run_cli(docs: Path, out: Path, *options: str) -> subprocess.CompletedProcess:
    """`python -m data_pipeline build --docs DOCS --out OUT [options]`, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "data_pipeline", "build", "--docs", str(docs), "--out", str(out), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def scored_build(docs: Path, gold: Path, manifest: Path, out: Path) -> tuple[dict[str, float], str]:
    """Build `docs`, score its mentions with the development set's own scorer: F1 per language and overall, and
    each field's accuracy on the matched mentions (`field:<name>`)."""
    scorer = DEVSET_DIR / "score.py"
    if not scorer.is_file():
        raise AssertionError(f"the devset scorer is missing at {DEVSET_DIR}: CI must have ../shared beside the repo")
    write_tables(build(docs), out)
    command = [sys.executable, str(scorer), str(gold), str(out / "mentions.csv"), "--manifest", str(manifest)]
    result = subprocess.run([*command, "--docs", str(docs)], capture_output=True, text=True, check=True)
    scores = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] in ("overall", "en", "nl", "de") and "F1=" in line:
            scores[parts[0]] = float(line.rsplit("F1=", 1)[1])
        if line.startswith("field accuracy on matches:") and "field:donor" not in scores:  # the first: all documents
            for pair in line.split(":", 1)[1].split(","):
                name, value = pair.strip().split("=")
                scores[f"field:{name}"] = float(value)
    scores["F1"] = float(result.stdout.strip().splitlines()[-1].removeprefix("F1="))
    return scores, result.stdout


def load_script(name: str):
    """A script of benchmarks/ as a module (the folder is not a package)."""
    spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module
