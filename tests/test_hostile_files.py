"""One odd file beside the seeds never stops the build: the seeds' tables come out as they do alone, and the odd
file is read (when it can be) or is a problem with a reason a user can act on. Each case here stopped the whole
build before (issue 18), or read a file from outside the documents folder."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pipeline_helpers import ROOT, run_cli

from dashboard_app import exports
from data_pipeline import build
from data_pipeline.tables import csv_text, write_tables

SEEDS = ROOT / "seeds"
PLEDGE = "The Netherlands will provide €300 million in military aid to Ukraine in 2025.\n"
TABLES = ["documents", "mentions", "pledges", "pledge_years", "running_totals", "agreements"]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links and byte file names (POSIX)")


@pytest.fixture(scope="module")
def seeds_alone(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds_alone")
    write_tables(build(SEEDS), out)
    return out


def seeds_copy(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    return docs


def cli_build(docs: Path, tmp_path: Path) -> tuple[Path, dict]:
    out = tmp_path / "out"
    result = run_cli(docs, out)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return out, json.loads((out / "build_report.json").read_text(encoding="utf-8"))


def problems_of(report: dict, file: str) -> list[str]:
    return [p["problem"] for p in report["problems"] if p["file"] == file]


def seed_rows(out: Path, table: str) -> pd.DataFrame:
    frame = pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False)
    column = "doc_id" if "doc_id" in frame else "sources"
    return frame[frame[column].str.match(r"^00\d_")].reset_index(drop=True)


def assert_seed_tables_unchanged(out: Path, seeds_alone: Path) -> None:
    for table in ["documents", "mentions", "running_totals", "agreements"]:
        pd.testing.assert_frame_equal(seed_rows(out, table), seed_rows(seeds_alone, table), check_dtype=False)


def test_manifest_cell_over_the_csv_field_limit_is_a_problem_not_a_stopped_build(tmp_path, seeds_alone):
    docs = seeds_copy(tmp_path)
    with open(docs / "manifest.csv", "a", encoding="utf-8", newline="") as manifest:
        csv.writer(manifest, lineterminator="\n").writerow(["huge.txt", "T" * 140_000, "", "", "en", ""])
    (docs / "huge.txt").write_text(PLEDGE, encoding="utf-8")

    out, report = cli_build(docs, tmp_path)

    (problem,) = problems_of(report, "manifest.csv")
    assert "line 7" in problem and "field limit" in problem and "left out" in problem
    # The seeds keep their manifest metadata; the file whose row was too long is still read.
    assert_seed_tables_unchanged(out, seeds_alone)
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False).set_index("file")
    assert documents.loc["huge.txt", "status"] == "ok"
    assert documents.loc["huge.txt", "title"].startswith("The Netherlands will provide")


@posix_only
def test_symlink_loop_is_a_problem_not_a_stopped_build(tmp_path, seeds_alone):
    docs = seeds_copy(tmp_path)
    os.symlink("loop.txt", docs / "loop.txt")

    out, report = cli_build(docs, tmp_path)

    assert problems_of(report, "loop.txt") == [
        "not read: a symbolic link that loops (it leads back to itself); remove the link"
    ]
    assert report["documents_read"] == 5
    assert_seed_tables_unchanged(out, seeds_alone)


@posix_only
def test_file_name_that_is_not_utf8_is_read_and_shown_with_a_replacement_character(tmp_path, seeds_alone):
    docs = seeds_copy(tmp_path)
    with open(os.path.join(os.fsencode(docs), b"caf\xe9.txt"), "wb") as odd:
        odd.write(PLEDGE.encode("utf-8"))

    out, report = cli_build(docs, tmp_path)

    assert report["documents_read"] == 6
    (problem,) = problems_of(report, "caf\ufffd.txt")
    assert "not valid UTF-8" in problem and "rename" in problem
    pledges = pd.read_csv(out / "pledges.csv", dtype=str, keep_default_na=False)
    assert (pledges["sources"] == "caf\ufffd").sum() == 1
    assert_seed_tables_unchanged(out, seeds_alone)


def test_semicolon_in_a_file_name_gives_its_pledge_not_a_reconciliation_error(tmp_path, seeds_alone):
    docs = seeds_copy(tmp_path)
    (docs / "Brief; Kamer.txt").write_text(PLEDGE, encoding="utf-8")

    out, report = cli_build(docs, tmp_path)

    assert report["documents_read"] == 6
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False).set_index("file")
    # ';' joins doc_ids in the pledges table: the id replaces it, the file keeps its name.
    assert documents.loc["Brief; Kamer.txt", "doc_id"] == "Brief_ Kamer"
    pledges = pd.read_csv(out / "pledges.csv", dtype=str, keep_default_na=False)
    (pledge,) = pledges[pledges["sources"] == "Brief_ Kamer"].itertuples()
    assert pledge.amount == "300000000.0" and pledge.donor == "Netherlands"
    assert_seed_tables_unchanged(out, seeds_alone)


def test_two_names_that_become_one_doc_id_are_one_document_and_one_problem(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a;b.txt").write_text(PLEDGE, encoding="utf-8")
    (docs / "a_b.txt").write_text(PLEDGE.replace("300", "400"), encoding="utf-8")

    tables = build(docs)

    assert tables.documents["file"].tolist() == ["a;b.txt"]
    assert [p.problem for p in tables.problems if p.file == "a_b.txt"] == [
        "not read: same name as a;b.txt (doc_id must be unique)"
    ]


@posix_only
@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda docs, outside: os.symlink("/etc/passwd", docs / "passwd.txt"), "outside the documents folder"),
        (lambda docs, outside: os.symlink(outside, docs / "secret.txt"), "outside the documents folder"),
        (lambda docs, outside: os.symlink("../secret.txt", docs / "relative.txt"), "outside the documents folder"),
        (lambda docs, outside: os.symlink("/proc/self/status", docs / "status.txt"), "outside the documents folder"),
        (lambda docs, outside: os.symlink("/dev/zero", docs / "zero.txt"), "outside the documents folder"),
        (lambda docs, outside: os.symlink("gone.txt", docs / "broken.txt"), "a broken symbolic link"),
        (lambda docs, outside: os.symlink(outside.parent, docs / "up.txt"), "outside the documents folder"),
        (lambda docs, outside: os.mkfifo(docs / "pipe.txt"), "a named pipe, not a regular file"),
        (lambda docs, outside: (docs / "sub.txt").mkdir(), "a folder (documents in subfolders are not read)"),
    ],
    ids=[
        "etc-passwd",
        "absolute-outside",
        "relative-outside",
        "proc",
        "dev-zero",
        "broken",
        "folder-link",
        "fifo",
        "dir",
    ],
)
def test_only_regular_files_inside_the_folder_are_read(tmp_path, make, words):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(PLEDGE, encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("The Netherlands will provide €999 million in military aid to Ukraine.\n", encoding="utf-8")
    make(docs, outside)
    (name,) = [entry for entry in os.listdir(docs) if entry != "good.txt"]

    tables = build(docs)

    assert tables.documents["file"].tolist() == ["good.txt"]
    (problem,) = [p.problem for p in tables.problems if p.file == name]
    assert words in problem and problem.startswith("not read:")
    assert tables.texts.keys() == {"good"}


@posix_only
def test_a_link_to_another_file_of_the_folder_is_read(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(PLEDGE, encoding="utf-8")
    os.symlink("good.txt", docs / "alias.md")

    tables = build(docs)

    # Read through the link (first by name); the file itself is then the same content, read once.
    assert tables.documents["file"].tolist() == ["alias.md"]
    assert [(p.file, p.problem) for p in tables.problems] == [("good.txt", "not read: same content as alias.md")]


def test_carriage_return_and_newline_in_a_file_name_do_not_break_csv_rows(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    names = ["cr\rname.txt", "lf\nname.txt", "crlf\r\nname.txt", 'quote"name.txt', "=formula.txt"]
    for index, name in enumerate(names):
        try:
            (docs / name).write_text(PLEDGE.replace("300", str(301 + index)), encoding="utf-8")
        except OSError:
            pytest.skip("this file system does not take such names")
    tables = build(docs)
    out = tmp_path / "out"
    write_tables(tables, out)

    for table in TABLES:
        frame = getattr(tables, table)
        with open(out / f"{table}.csv", encoding="utf-8", newline="") as written:
            rows = list(csv.reader(written))
        assert len(rows) == len(frame) + 1, table
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    assert sorted(documents["file"]) == sorted("'" + n if n.startswith("=") else n for n in names)


def test_csv_text_quotes_a_lone_carriage_return_and_keeps_other_bytes():
    frame = pd.DataFrame({"a": ["x\ry", 'p\n"q"', "plain"], "b": [1.5, 2.0, None]})

    text = csv_text(frame)

    assert text == 'a,b\n"x\ry",1.5\n"p\n""q""",2.0\nplain,\n'
    assert pd.read_csv(io.StringIO(text), keep_default_na=False, dtype=str)["a"].tolist() == frame["a"].tolist()


@pytest.mark.parametrize("control", ["\x1b", "\x0b", "\x0c", "\x00", "\x07"])
def test_xlsx_export_of_a_pledge_with_a_control_character_is_written(control):
    pledges = pd.DataFrame({"pledge_id": ["P-1"], "evidence": [f"Ukraine gets{control} €2 billion."], "amount": [2e9]})

    workbook = openpyxl.load_workbook(io.BytesIO(exports.pledges_xlsx_bytes(pledges)))

    sheet = workbook["pledges"]
    assert sheet["B2"].value == "Ukraine gets €2 billion."
    assert sheet["C2"].value == 2e9
