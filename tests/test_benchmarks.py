"""Smoke run of the benchmarks at N = 10: the synthetic corpus is deterministic, the build finds what it planted,
and the report prints (no timing is asserted; timings go in BENCHMARKS.md)."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pipeline_helpers import ROOT, load_script

from data_pipeline import build

# Measured at N = 10: precision 0.94, recall 0.86 (BENCHMARKS.md). The margin leaves room for the extractor to
# trade a mention or two; losing a whole kind of figure (a currency, a language, equipment) fails.
MIN_PRECISION = 0.8
MIN_RECALL = 0.75


make_corpus = load_script("make_corpus")
bench = load_script("run")


def read_rows(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus.write_corpus(10, tmp_path_factory.mktemp("corpus"))


def test_corpus_has_documents_manifest_and_gold_in_three_languages(corpus):
    manifest = read_rows(corpus / "manifest.csv")
    assert [row["file"] for row in manifest] == sorted(p.name for p in corpus.glob("*.txt"))
    with open(ROOT / "seeds" / "manifest.csv", encoding="utf-8") as seeds_manifest:
        assert (corpus / "manifest.csv").read_text(encoding="utf-8").splitlines()[
            0
        ] == seeds_manifest.readline().strip()
    assert {row["language"] for row in manifest} == {"en", "nl", "de"}
    gold = read_rows(corpus / "gold.csv")
    assert {row["doc_id"] for row in gold} <= {row["file"].removesuffix(".txt") for row in manifest}
    assert {row["kind"] for row in gold} == {"money", "equipment"}
    for row in gold:  # every planted figure stands in the sentence recorded as its evidence, in its document
        assert row["evidence"] in (corpus / f"{row['doc_id']}.txt").read_text(encoding="utf-8")


def test_corpus_is_the_same_for_the_same_seed_and_grows_by_appending(corpus, tmp_path):
    larger = make_corpus.write_corpus(12, tmp_path / "twelve")
    for path in corpus.glob("*.txt"):
        assert (larger / path.name).read_bytes() == path.read_bytes()
    assert read_rows(larger / "gold.csv")[: len(read_rows(corpus / "gold.csv"))] == read_rows(corpus / "gold.csv")
    other_seed = make_corpus.write_corpus(10, tmp_path / "other", seed=8)
    assert (other_seed / "manifest.csv").read_bytes() != (corpus / "manifest.csv").read_bytes()


def test_build_recovers_the_planted_mentions(corpus):
    mentions = build(corpus).mentions
    found = [
        {k: "" if v is None else str(v) for k, v in row.items()} for row in mentions.astype(object).to_dict("records")
    ]
    quality = bench.score(read_rows(corpus / "gold.csv"), found)
    assert quality["precision"] >= MIN_PRECISION, quality
    assert quality["recall"] >= MIN_RECALL, quality


def test_score_counts_a_wrong_figure_as_one_miss_and_one_false_alarm():
    gold = [
        {"doc_id": "a", "kind": "money", "amount": "2000000000", "currency": "EUR", "quantity": "", "item": ""},
        {"doc_id": "a", "kind": "equipment", "amount": "", "currency": "", "quantity": "24", "item": "F-16"},
    ]
    found = [
        {"doc_id": "a", "kind": "money", "amount": "2000000000.0", "currency": "USD"},  # wrong currency
        {"doc_id": "a", "kind": "equipment", "quantity": "24", "item": "F-16"},
    ]
    assert bench.score(gold, found) == {"planted": 2, "found": 2, "matched": 1, "precision": 0.5, "recall": 0.5}


@pytest.fixture(scope="module")
def small_run(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """`benchmarks/run.py --sizes 10` without the dashboard, briefing, clone and browser parts, run once for the
    tests of its report."""
    work = tmp_path_factory.mktemp("bench")
    command = [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "10", "--no-dashboard", "--no-briefing"]
    command += ["--no-clone", "--no-browser"]
    done = subprocess.run([*command, "--work", str(work)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    return done, work


def test_report_prints_one_row_per_size(small_run):
    done, _ = small_run
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    header = next(line for line in lines if line.split()[:3] == ["docs", "MB", "serial"])
    row = lines[lines.index(header) + 2].split()
    assert row[0] == "10"
    assert all(float(value) >= 0 for value in row), row  # every column measured, none blank or failed
    assert any(line.startswith("rebuild after one added document, s:") for line in lines)
    (reference,) = [line for line in lines if line.startswith("host-speed reference (")]
    assert len(re.findall(r"\d+\.\d+ s", reference)) == 2, reference
    assert all(float(seconds) > 0 for seconds in re.findall(r"(\d+\.\d+) s", reference)), reference


def test_report_builds_serial_and_parallel_and_shows_the_fastest_with_the_host_speed_and_floor_around_each(small_run):
    done, work = small_run
    assert done.returncode == 0, done.stderr  # it fails when the parallel build's tables differ from the serial's
    results = json.loads((work / "results.json").read_text(encoding="utf-8"))
    assert set(results["host_reference_s"]) == {"start", "after_builds"}
    (row,) = results["sizes"]
    repeats = bench.BUILD_REPEATS
    assert len(row["build_runs_s"]) == len(row["host_reference_around_runs_s"]) == repeats
    assert len(row["parallel_runs_s"]) == len(row["parallel_floor_before_runs_s"]) == repeats
    assert row["build_s"] == min(row["build_runs_s"])
    assert row["parallel_s"] == min(row["parallel_runs_s"])
    assert row["parallel_jobs"] >= 1
    assert all(before > 0 and after > 0 for before, after in row["host_reference_around_runs_s"])
    assert row["serial_over_floor"] > 1 and row["parallel_over_floor"] > 1
    runs_line = next(line for line in done.stdout.splitlines() if line.startswith("  10 documents:"))
    assert runs_line.count("s before,") == repeats, runs_line
    assert "parallel builds (" in runs_line
