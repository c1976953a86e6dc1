"""A folder with bad files still builds: each bad file becomes a clear problem, the good document's pledge
still comes out, and the CLI exits non-zero only when nothing could be read."""

from __future__ import annotations

import filecmp
import os
import re
from pathlib import Path

import pytest
from pipeline_helpers import ROOT, run_cli

from data_pipeline import build
from data_pipeline.documents import find_documents, read_file_bytes
from data_pipeline.extraction_cache import extract_documents
from data_pipeline.readers import UnreadableDocument
from data_pipeline.tables import SCHEMAS

SEEDS = ROOT / "seeds"
GOOD_TEXT = "The Netherlands will provide €200 million in military aid to Ukraine in 2025.\n"
MANIFEST_HEADER = "file,title,publisher,published,language,url\n"


def folder_with_good_document(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    return docs


def problems_for(tables, file: str) -> list[str]:
    return [p.problem for p in tables.problems if p.file == file]


def assert_good_pledge(tables) -> None:
    pledges = tables.pledges
    match = pledges[
        (pledges["donor"] == "Netherlands")
        & (pledges["recipient"] == "Ukraine")
        & ((pledges["amount_eur"] - 200e6).abs() < 1)
    ]
    assert len(match) == 1, pledges
    assert match.iloc[0]["sources"] == "good"
    good = tables.documents.set_index("file").loc["good.txt"]
    assert good["status"] == "ok"


def status_of(tables, file: str) -> str:
    return tables.documents.set_index("file").loc[file, "status"]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\t\n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)), "binary"),
        ("latin1.txt", b"caf\xe9 \xe0 Kyiv, steun voor Oekra\xefne", "UTF-8"),
    ],
    ids=["empty", "whitespace-only", "binary", "invalid-utf8"],
)
def test_unreadable_file_is_a_problem_and_good_document_survives(tmp_path, name, content, words):
    docs = folder_with_good_document(tmp_path)
    (docs / name).write_bytes(content)

    tables = build(docs)

    problems = problems_for(tables, name)
    assert len(problems) == 1, tables.problems
    assert words.lower() in problems[0].lower()
    row = tables.documents.set_index("file").loc[name]
    assert row["status"] == "failed"
    assert row["problem"] == problems[0]
    assert_good_pledge(tables)
    assert tables.report()["documents_failed"] == 1


def test_file_over_the_size_limit_is_a_problem_and_good_document_survives(tmp_path):
    docs = folder_with_good_document(tmp_path)
    with open(docs / "huge.txt", "wb") as huge:
        huge.truncate(20 * 1024 * 1024 + 1)  # sparse: the size is what is checked, before reading

    tables = build(docs)

    (problem,) = problems_for(tables, "huge.txt")
    assert "larger than 20 MB" in problem
    assert status_of(tables, "huge.txt") == "failed"
    assert_good_pledge(tables)


@pytest.mark.parametrize("cached", [False, True], ids=["no-cache", "cache"])
def test_file_gone_before_it_is_read_is_a_problem_and_the_others_are_read(tmp_path, cached):
    docs = folder_with_good_document(tmp_path)
    (docs / "moved.txt").write_text(GOOD_TEXT.replace("Netherlands", "Denmark"), encoding="utf-8")
    sources, _ = find_documents([docs])
    (docs / "moved.txt").unlink()  # moved away after the folder was listed

    documents, records, _, problems = extract_documents(sources, tmp_path / "cache" if cached else None)

    by_file = {doc.file: doc for doc in documents}
    assert by_file["moved.txt"].problem == "the file could not be opened (No such file or directory)"
    assert [p.problem for p in problems if p.file == "moved.txt"] == [by_file["moved.txt"].problem]
    assert by_file["good.txt"].problem == ""
    assert [r["donor"] for r in records[list(by_file).index("good.txt")]] == ["Netherlands"]


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files through /proc (Linux)")
def test_reading_a_file_that_cannot_be_read_says_why_and_leaves_no_file_open(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    with open(tmp_path / "huge.txt", "wb") as huge:
        huge.truncate(20 * 1024 * 1024 + 1)
    (tmp_path / "fine.txt").write_bytes(b"ok")
    before = open_descriptors()

    for name, words in [
        ("missing.txt", "could not be opened (No such file or directory)"),
        ("folder.txt", "a folder, not a regular file"),
        ("huge.txt", "larger than 20 MB"),
    ]:
        with pytest.raises(UnreadableDocument, match=re.escape(words)):
            read_file_bytes(str(tmp_path / name))
    assert read_file_bytes(tmp_path / "fine.txt") == b"ok"
    assert open_descriptors() == before


def test_invalid_utf8_problem_says_how_to_fix_it(tmp_path):
    docs = folder_with_good_document(tmp_path)
    (docs / "latin1.txt").write_bytes(b"caf\xe9 \xe0 Kyiv")
    (problem,) = problems_for(build(docs), "latin1.txt")
    assert "save it as UTF-8" in problem
    assert "byte 3" in problem


def test_utf8_with_bom_and_windows_line_endings_is_read(tmp_path):
    docs = folder_with_good_document(tmp_path)
    (docs / "bom.txt").write_bytes("\ufeffUpdate\r\nGermany will provide €50 million to Ukraine.\r\n".encode())
    tables = build(docs)
    assert problems_for(tables, "bom.txt") == []
    assert status_of(tables, "bom.txt") == "ok"
    assert tables.documents.set_index("file").loc["bom.txt", "title"] == "Update"
    assert tables.texts["bom"].startswith("Update\nGermany")
    assert_good_pledge(tables)


def test_five_megabyte_text_is_read(tmp_path):
    docs = folder_with_good_document(tmp_path)
    paragraph = (
        "The committee met again to discuss the situation in the region and heard from several experts "
        "about logistics, training and the long-term outlook for cooperation between the partners.\n"
    )
    big = paragraph * (5 * 1024 * 1024 // len(paragraph) + 1)
    (docs / "big.txt").write_text(big, encoding="utf-8")
    assert (docs / "big.txt").stat().st_size >= 5 * 1024 * 1024

    tables = build(docs)

    assert problems_for(tables, "big.txt") == []
    row = tables.documents.set_index("file").loc["big.txt"]
    assert row["status"] == "ok"
    assert row["n_chars"] == len(big)
    assert_good_pledge(tables)


def test_manifest_row_for_missing_file(tmp_path):
    docs = folder_with_good_document(tmp_path)
    (docs / "manifest.csv").write_text(
        MANIFEST_HEADER + "good.txt,A good one,Gov,2025-01-10,en,\nghost.txt,Vanished,Gov,2024-01-01,en,\n",
        encoding="utf-8",
    )

    tables = build(docs)

    (problem,) = problems_for(tables, "ghost.txt")
    assert "no such file" in problem
    assert "manifest" in problem
    assert "ghost.txt" not in set(tables.documents["file"])
    assert_good_pledge(tables)
    good = tables.documents.set_index("file").loc["good.txt"]
    assert (good["title"], good["published"], good["date_source"]) == ("A good one", "2025-01-10", "manifest")


@pytest.mark.parametrize("bad_date", ["23/02/2024", "yesterday", "2024-02-30"])
def test_manifest_bad_date_is_a_problem_and_date_comes_from_text(tmp_path, bad_date):
    docs = folder_with_good_document(tmp_path)
    (docs / "dated.txt").write_text(
        "Press release\ndate 2024-02-23\nBelgium will provide €30 million to Ukraine.\n", encoding="utf-8"
    )
    (docs / "manifest.csv").write_text(MANIFEST_HEADER + f"dated.txt,Dated,Gov,{bad_date},en,\n", encoding="utf-8")

    tables = build(docs)

    (problem,) = problems_for(tables, "dated.txt")
    assert bad_date in problem
    assert "not a date" in problem
    row = tables.documents.set_index("file").loc["dated.txt"]
    assert row["status"] == "ok"  # a metadata note, not a failure
    assert (row["published"], row["date_source"]) == ("2024-02-23", "text")
    assert_good_pledge(tables)


def test_manifest_without_file_column_is_a_problem(tmp_path):
    docs = folder_with_good_document(tmp_path)
    (docs / "manifest.csv").write_text("name,title\ngood.txt,Good\n", encoding="utf-8")
    tables = build(docs)
    (problem,) = problems_for(tables, "manifest.csv")
    assert "'file' column" in problem
    assert_good_pledge(tables)


def test_unsupported_file_type_is_not_read(tmp_path):
    docs = folder_with_good_document(tmp_path)
    (docs / "budget.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")

    tables = build(docs)

    (problem,) = problems_for(tables, "budget.xlsx")
    assert "not read: unsupported file type" in problem
    assert all(kind in problem for kind in (".txt", ".md", ".html", ".pdf", ".docx"))
    assert "budget.xlsx" not in set(tables.documents["file"])
    assert_good_pledge(tables)


def test_markdown_document_is_read(tmp_path):
    docs = folder_with_good_document(tmp_path)
    (docs / "notes.md").write_text("# Notes\n\nSome words about the meeting.\n", encoding="utf-8")
    tables = build(docs)
    assert status_of(tables, "notes.md") == "ok"
    assert problems_for(tables, "notes.md") == []


def test_every_problem_is_reported_by_the_cli(tmp_path):
    docs = folder_with_good_document(tmp_path)
    (docs / "empty.txt").write_bytes(b"")
    (docs / "report.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    result = run_cli(docs, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "empty.txt" in result.stderr and "report.doc" in result.stderr
    assert "read 1 of 2 documents" in result.stdout


def test_folder_where_every_document_is_bad(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02\x03PNG")
    (docs / "latin1.txt").write_bytes(b"caf\xe9")

    tables = build(docs)

    assert len(tables.pledges) == 0
    assert len(tables.mentions) == 0
    assert set(tables.documents["status"]) == {"failed"}
    assert {p.file for p in tables.problems} == {"empty.txt", "binary.txt", "latin1.txt"}
    for name, frame in tables.frames().items():
        assert list(frame.columns) == list(SCHEMAS[name].to_schema().columns), name

    out = tmp_path / "out"
    result = run_cli(docs, out)
    assert result.returncode == 1
    assert "read 0 of 3 documents" in result.stdout
    assert (out / "build_report.json").exists()  # the report still says what went wrong


def test_empty_folder_cli_exits_1(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    assert len(build(docs).pledges) == 0
    assert run_cli(docs, tmp_path / "out").returncode == 1


def test_missing_folder_cli_exits_2_with_message(tmp_path):
    missing = tmp_path / "does-not-exist"
    result = run_cli(missing, tmp_path / "out")
    assert result.returncode == 2
    assert "no such folder" in result.stderr
    assert str(missing) in result.stderr
    assert "Traceback" not in result.stderr
    with pytest.raises(FileNotFoundError):
        build(missing)


def test_two_builds_of_the_seeds_are_byte_identical(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert run_cli(SEEDS, first).returncode == 0
    assert run_cli(SEEDS, second).returncode == 0
    names = sorted(p.name for p in first.glob("*.csv")) + ["build_report.json"]
    assert len(names) == 7
    assert sorted(p.name for p in second.glob("*.csv")) == names[:-1]
    match, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    assert (mismatch, errors) == ([], []), mismatch
