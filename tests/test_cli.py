"""The command line: python -m data_pipeline build --docs DIR --out DIR."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from pipeline_helpers import ROOT, run_cli

from data_pipeline.tables import SCHEMAS

SEEDS = ROOT / "seeds"
DUTCH_LETTER = next(SEEDS.glob("003_*.txt")).stem


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds_out")
    result = run_cli(SEEDS, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def no_manifest_out(tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("docs_without_manifest")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, docs / path.name)
    assert not (docs / "manifest.csv").exists()
    out = tmp_path_factory.mktemp("no_manifest_out")
    result = run_cli(docs, out)
    assert result.returncode == 0, result.stderr
    return out


def test_writes_every_table_as_csv_and_parquet_plus_report(seeds_out):
    expected = {f"{name}.{ext}" for name in SCHEMAS for ext in ("csv", "parquet")} | {"build_report.json"}
    assert len(expected) == 13
    assert expected <= {p.name for p in seeds_out.iterdir()}


def test_report_counts_match_csv_and_parquet_rows(seeds_out):
    report = json.loads((seeds_out / "build_report.json").read_text(encoding="utf-8"))
    assert set(report["counts"]) == set(SCHEMAS)
    for name, count in report["counts"].items():
        assert len(pd.read_csv(seeds_out / f"{name}.csv")) == count, name
        assert len(pd.read_parquet(seeds_out / f"{name}.parquet")) == count, name
    assert report["documents_read"] + report["documents_failed"] == report["counts"]["documents"]
    assert report["documents_read"] == len(list(SEEDS.glob("*.txt")))
    assert report["problems"] == []
    assert report["counts"]["pledges"] > 0


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_csv_is_utf8_with_header_in_schema_order(seeds_out, name):
    raw = (seeds_out / f"{name}.csv").read_bytes()
    text = raw.decode("utf-8")  # raises if not UTF-8
    assert not text.startswith("\ufeff")
    assert "\r\n" not in text
    header = text.split("\n", 1)[0].split(",")
    assert header == list(SCHEMAS[name].to_schema().columns)
    parquet = pd.read_parquet(seeds_out / f"{name}.parquet")
    assert list(parquet.columns) == header


def test_non_ascii_text_survives_in_csv(seeds_out):
    documents = pd.read_csv(seeds_out / "documents.csv", dtype=str, keep_default_na=False)
    titles = dict(zip(documents["doc_id"], documents["title"], strict=True))
    # The Dutch letter's manifest title is quoted in the manifest and contains a comma and quotes.
    assert titles[DUTCH_LETTER].startswith("Kabinetsreactie op advies van de AIV 'Standvastigheid, Weerbaarheid")


def test_stdout_summarises_the_build(tmp_path):
    result = run_cli(SEEDS, tmp_path / "out")
    assert result.returncode == 0
    assert "read 5 of 5 documents" in result.stdout
    assert "pledges" in result.stdout


def test_build_without_manifest_takes_metadata_from_the_texts(no_manifest_out):
    documents = pd.read_csv(no_manifest_out / "documents.csv", dtype=str, keep_default_na=False).set_index("doc_id")
    assert len(documents) == len(list(SEEDS.glob("*.txt")))
    assert (documents["status"] == "ok").all()
    assert set(documents["date_source"]) <= {"text", "latest_date_in_text", "unknown"}
    assert "manifest" not in set(documents["date_source"])
    assert documents.loc[DUTCH_LETTER, "language"] == "nl"
    # The Dutch letter says "Datum 28 juni 2024" near its top.
    assert documents.loc[DUTCH_LETTER, "published"] == "2024-06-28"
    assert documents.loc[DUTCH_LETTER, "date_source"] == "text"
    dated = documents[documents["date_source"] != "unknown"]
    assert (dated["published"] != "").all()
    assert (documents["title"] != "").all()  # first line of the text stands in for the title


def test_build_without_manifest_reports_no_problems(no_manifest_out):
    report = json.loads((no_manifest_out / "build_report.json").read_text(encoding="utf-8"))
    assert report["problems"] == []
    assert report["documents_failed"] == 0
    assert report["counts"]["pledges"] > 0


def test_out_folder_is_created(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(
        "The Netherlands will provide €200 million in military aid to Ukraine in 2025.\n", encoding="utf-8"
    )
    out = tmp_path / "nested" / "out"
    result = run_cli(docs, out)
    assert result.returncode == 0, result.stderr
    pledges = pd.read_csv(out / "pledges.csv")
    assert len(pledges) == 1
    assert pledges.loc[0, "amount_eur"] == pytest.approx(200e6)


def test_missing_arguments_are_a_usage_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "data_pipeline", "build", "--docs", str(SEEDS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "--out" in result.stderr


def test_no_csv_cell_would_run_as_a_formula_and_parquet_keeps_the_text(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "list.txt").write_text(
        "Support to Ukraine\n\n- Norway will provide NOK 500 million to Ukraine in 2025.\n"
        '=HYPERLINK("http://x") Sweden will give SEK 200 million to Ukraine.\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run_cli(docs, out).returncode == 0

    mentions = pd.read_csv(out / "mentions.csv", dtype=str, keep_default_na=False)
    assert len(mentions) == 2
    cells = [c for name in SCHEMAS for c in pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False).stack()]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert any(cell.startswith("'- Norway") for cell in mentions["evidence"])
    raw = pd.read_parquet(out / "mentions.parquet")
    assert any(text.startswith("- Norway") for text in raw["evidence"])
