"""The compiled copies of the busiest modules (data_pipeline/compiled.py): used only while current, and the
tables they build are byte for byte those of plain Python.

`make test` compiles them first. Without them these tests fail in CI (CI is set) and skip on a developer laptop
that has edited a module since (`python -m data_pipeline compile` makes them current again)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from pipeline_helpers import ROOT
from test_benchmarks import load_script

from data_pipeline import build, compiled
from data_pipeline.paths import DEVSET_DIR

PLAIN = {compiled.PURE_PYTHON_VARIABLE: "1"}


def _require_current_copies() -> None:
    missing = [module for module in compiled.COMPILED_MODULES if compiled.current_copy(module) is None]
    if not missing:
        return
    message = f"no current compiled copy of {', '.join(missing)} (python -m data_pipeline compile)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}: CI must test the compiled pipeline that `make run` uses")
    pytest.skip(message)


def _run(arguments: list[str], extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """A new Python process in the repository, without this one's PLEDGES_PURE_PYTHON, plus `extra_env`."""
    env = {k: v for k, v in os.environ.items() if k != compiled.PURE_PYTHON_VARIABLE} | (extra_env or {})
    return subprocess.run([sys.executable, *arguments], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def _build(docs: Path, out: Path, extra_env: dict[str, str] | None = None) -> dict[str, bytes]:
    done = _run(["-m", "data_pipeline", "build", "--docs", str(docs), "--out", str(out)], extra_env)
    assert done.returncode == 0, done.stderr
    return {path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.is_file()}


def _compiled_in_use(extra_env: dict[str, str] | None = None) -> dict[str, bool]:
    code = (
        "import json; from data_pipeline import build, compiled; print(json.dumps(compiled.compiled_modules_in_use()))"
    )
    done = _run(["-c", code], extra_env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_pipeline_imports_its_compiled_copies_unless_told_not_to():
    _require_current_copies()
    assert _compiled_in_use() == dict.fromkeys(compiled.COMPILED_MODULES, True)
    assert _compiled_in_use(PLAIN) == dict.fromkeys(compiled.COMPILED_MODULES, False)


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> list[Path]:
    """The seeds, the development set, the test articles and 300 generated documents (three languages)."""
    generated = tmp_path_factory.mktemp("generated")
    load_script("make_corpus").write_corpus(300, generated, seed=11)
    folders = [ROOT / "seeds", ROOT / "tests" / "articles" / "docs", generated]
    if DEVSET_DIR.is_dir():
        folders.append(DEVSET_DIR)
    return folders


def test_compiled_and_plain_python_write_the_same_tables(corpora, tmp_path):
    _require_current_copies()
    for index, docs in enumerate(corpora):
        fast = _build(docs, tmp_path / f"compiled_{index}")
        plain = _build(docs, tmp_path / f"plain_{index}", PLAIN)
        assert fast.keys() == plain.keys()
        assert "mentions.csv" in fast and len(fast["mentions.csv"].splitlines()) > 5, docs
        for name in fast:
            assert fast[name] == plain[name], f"{docs.name}: {name} differs between compiled and plain Python"


def test_a_copy_is_used_only_while_its_source_is_unchanged(tmp_path, monkeypatch):
    # A module edited after it was compiled must run as edited, never as its old compiled copy.
    monkeypatch.setattr(compiled, "PACKAGE_DIR", tmp_path)
    monkeypatch.setattr(compiled, "COMPILED_DIR", tmp_path / "_compiled")
    source = tmp_path / "numbers.py"
    source.write_text("VALUE = 1\n")
    assert compiled.current_copy("numbers") is None  # never compiled
    copy = compiled.compiled_path("numbers", source.read_bytes())
    copy.parent.mkdir()
    copy.write_bytes(b"compiled")
    assert compiled.current_copy("numbers") == copy
    finder = compiled._CompiledCopyFinder()
    assert finder.find_spec("data_pipeline.numbers").origin == str(copy)
    source.write_text("VALUE = 2\n")
    assert compiled.current_copy("numbers") is None
    assert finder.find_spec("data_pipeline.numbers") is None  # Python's own finder takes the .py
    assert finder.find_spec("data_pipeline.tables") is None  # not a compiled module
    assert finder.find_spec("numbers") is None  # nor another package's


def test_a_build_leaves_no_reference_cycles_behind(corpora):
    """build() pauses Python's cyclic collector, so what only the collector frees stays in memory until the build
    ends. Compiled by Cython, a closure and the scope around it hold each other: at 10,000 documents such cycles
    kept every mention's clustering facts, a hundred megabytes more at the peak. What a build leaves to the
    collector must not grow with the documents."""
    _require_current_copies()
    generated = corpora[2]
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
