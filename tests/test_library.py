"""The document library: adding uploads under safe names with their metadata, refusing bad ones with the same
words the build report uses, removing them, and reading them again after a restart."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from document_fixtures import (
    NO_PLEDGE,
    PLEDGE,
    docx_bytes,
    html_bytes,
    menu_only_html_bytes,
    pdf_bytes,
    scanned_pdf_bytes,
)
from pipeline_helpers import run_cli

from data_pipeline import build
from data_pipeline.library import (
    LibraryError,
    add_document,
    content_index,
    library_documents,
    prefill,
    remove_document,
    safe_file_name,
)
from data_pipeline.tables import write_tables

METADATA = {"title": "Dutch aid", "publisher": "Ministry", "published": "2025-03-01", "language": "en"}


@pytest.mark.parametrize(
    ("uploaded", "stored"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\desk\\Brief aan de Kamer (1).PDF", "Brief_aan_de_Kamer_1.pdf"),
        ("steun Oekraïne; rm -rf.docx", "steun_Oekraïne_rm_-rf.docx"),
        ("..html", "document.html"),
        ("$(reboot)\n.txt", "reboot.txt"),
    ],
)
def test_file_names_are_stored_safely(uploaded, stored):
    assert safe_file_name(uploaded) == stored


def manifest_rows(library: Path) -> list[dict[str, str]]:
    with (library / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_added_document_is_stored_with_its_metadata_and_built(tmp_path):
    library, docs = tmp_path / "library", tmp_path / "docs"
    docs.mkdir()

    stored = add_document(library, "../Dutch aid.pdf", pdf_bytes([PLEDGE]), METADATA, [docs])

    assert stored == "Dutch_aid.pdf"
    assert (library / stored).read_bytes()[:5] == b"%PDF-"
    assert manifest_rows(library) == [{"file": stored, "url": ""} | METADATA]
    tables = build(docs, library_dir=library)
    row = tables.documents.set_index("file").loc[stored]
    assert (row["title"], row["publisher"], row["published"], row["date_source"]) == (
        "Dutch aid",
        "Ministry",
        "2025-03-01",
        "manifest",
    )
    assert tables.pledges["sources"].tolist() == ["Dutch_aid"]


def test_a_name_taken_in_the_documents_folder_gets_a_suffix(tmp_path):
    library, docs = tmp_path / "library", tmp_path / "docs"
    docs.mkdir()
    (docs / "note.txt").write_text(NO_PLEDGE, encoding="utf-8")

    stored = add_document(library, "note.docx", docx_bytes([PLEDGE]), METADATA, [docs])

    assert stored == "note_2.docx"
    assert build(docs, library_dir=library).problems == []


def test_prefill_reads_title_date_and_language_from_the_file(tmp_path):
    data = docx_bytes(
        ["Datum: 28 juni 2024", "Het kabinet stelt 200 miljoen euro beschikbaar voor de steun aan Oekraïne."],
        heading="Kamerbrief over Oekraïne",
    )
    found = prefill("brief.docx", data, {})
    assert (found.problem, found.title, found.published, found.language) == (
        "",
        "Kamerbrief over Oekraïne",
        "2024-06-28",
        "nl",
    )


def test_prefill_of_a_web_page_takes_what_its_head_declares():
    head = (
        '<meta property="og:site_name" content="Government of the Netherlands">'
        '<meta property="og:title" content="Netherlands pledges EUR 200 million">'
        '<meta property="article:published_time" content="2025-03-01T10:00:00+01:00">'
    )
    found = prefill("page.html", html_bytes([PLEDGE], title="Dutch aid | Government.nl", head=head), {})
    assert (found.title, found.publisher, found.published) == (
        "Netherlands pledges EUR 200 million",
        "Government of the Netherlands",
        "2025-03-01",
    )
    bare = prefill("page.html", html_bytes([PLEDGE], title="Dutch aid"), {})
    assert (bare.title, bare.publisher) == ("Dutch aid", "")


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("budget.xlsx", b"PK\x03\x04", "unsupported file type (.xlsx)"),
        ("notes", b"some words", "unsupported file type (no extension)"),
        ("huge.txt", b"a" * (20 * 1024 * 1024 + 1), "larger than 20 MB"),
        ("empty.txt", b"  \n", "the file is empty"),
        ("scan.pdf", scanned_pdf_bytes(), "no text layer"),
        ("locked.pdf", pdf_bytes([PLEDGE], user_password="secret"), "protected by a password"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj broken", "not a readable PDF"),
        ("menu.html", menu_only_html_bytes(), "no main text"),
    ],
    ids=["unsupported", "no-extension", "too-large", "empty", "scanned-pdf", "encrypted-pdf", "corrupt-pdf", "menu"],
)
def test_bad_upload_is_refused_with_the_build_reports_words(tmp_path, name, data, words):
    library, docs = tmp_path / "library", tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(PLEDGE, encoding="utf-8")

    assert words in prefill(name, data, {}).problem
    with pytest.raises(LibraryError, match=re.escape(words)):
        add_document(library, name, data, METADATA, [docs])
    assert library_documents(library) == []

    # The same file put straight into a documents folder: the same words in build_report.json, the rest intact.
    (docs / name).write_bytes(data)
    write_tables(build(docs), tmp_path / "out")
    report = json.loads((tmp_path / "out" / "build_report.json").read_text(encoding="utf-8"))
    assert any(p["file"] == name and words in p["problem"] for p in report["problems"]), report["problems"]
    assert report["counts"]["pledges"] == 1


def test_duplicate_upload_is_refused(tmp_path):
    library, docs = tmp_path / "library", tmp_path / "docs"
    docs.mkdir()
    (docs / "seed.txt").write_text(PLEDGE, encoding="utf-8")
    add_document(library, "page.html", html_bytes([PLEDGE]), METADATA, [docs])

    with pytest.raises(LibraryError, match="duplicate: the same file is already there as page.html"):
        add_document(library, "same page again.html", html_bytes([PLEDGE]), METADATA, [docs])
    with pytest.raises(LibraryError, match="duplicate: the same file is already there as seed.txt"):
        add_document(library, "copy.txt", PLEDGE.encode(), METADATA, [docs])
    assert [row["file"] for row in library_documents(library)] == ["page.html"]
    assert content_index([docs, library]) == {
        next(iter(content_index([docs]))): "seed.txt",
        next(iter(content_index([library]))): "page.html",
    }


@pytest.mark.parametrize(
    ("metadata", "words"),
    [({"published": "23/02/2024"}, "not a date"), ({"language": "fr"}, "not one of en, nl, de")],
)
def test_bad_metadata_is_refused_and_nothing_is_stored(tmp_path, metadata, words):
    library = tmp_path / "library"
    with pytest.raises(LibraryError, match=words):
        add_document(library, "note.txt", PLEDGE.encode(), METADATA | metadata)
    assert library_documents(library) == []


def test_document_without_a_pledge_is_added_and_counts_zero(tmp_path):
    library, docs = tmp_path / "library", tmp_path / "docs"
    docs.mkdir()
    stored = add_document(library, "weather.txt", NO_PLEDGE.encode(), METADATA, [docs])
    tables = build(docs, library_dir=library)
    row = tables.documents.set_index("file").loc[stored]
    assert (row["status"], row["n_mentions"], row["problem"]) == ("ok", 0, "")
    assert tables.problems == []


def test_removed_document_leaves_library_and_tables(tmp_path):
    library, docs = tmp_path / "library", tmp_path / "docs"
    docs.mkdir()
    add_document(library, "keep.txt", NO_PLEDGE.encode(), METADATA, [docs])
    add_document(library, "drop.pdf", pdf_bytes([PLEDGE]), METADATA, [docs])

    remove_document(library, "drop.pdf")

    assert not (library / "drop.pdf").exists()
    assert [row["file"] for row in manifest_rows(library)] == ["keep.txt"]
    tables = build(docs, library_dir=library)
    assert list(tables.documents["file"]) == ["keep.txt"]
    assert tables.pledges.empty
    with pytest.raises(LibraryError, match="not in the library"):
        remove_document(library, "drop.pdf")


@pytest.mark.parametrize("name", ["../docs/seed.txt", "manifest.csv", ".."])
def test_only_library_documents_can_be_removed(tmp_path, name):
    library, docs = tmp_path / "library", tmp_path / "docs"
    docs.mkdir()
    (docs / "seed.txt").write_text(PLEDGE, encoding="utf-8")
    add_document(library, "keep.txt", NO_PLEDGE.encode(), METADATA, [docs])
    with pytest.raises(LibraryError):
        remove_document(library, name)
    assert (docs / "seed.txt").exists() and (library / "manifest.csv").exists()


def test_unreadable_library_manifest_is_never_overwritten(tmp_path):
    library = tmp_path / "library"
    library.mkdir()
    (library / "manifest.csv").write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(LibraryError, match="manifest.csv could not be read"):
        add_document(library, "note.txt", PLEDGE.encode(), METADATA)
    assert (library / "manifest.csv").read_bytes() == b"\xff\xfe not utf-8"
    assert not (library / "note.txt").exists()


def test_a_new_process_reads_the_library_again(tmp_path):
    """A restart: documents added in one process are in the tables another process builds."""
    library, docs = tmp_path / "library", tmp_path / "docs"
    docs.mkdir()
    (docs / "seed.txt").write_text(NO_PLEDGE, encoding="utf-8")
    add_document(library, "letter.pdf", pdf_bytes(["Kamerbrief", PLEDGE]), METADATA, [docs])
    out = tmp_path / "out"

    result = run_cli(docs, out, "--library", str(library))

    assert result.returncode == 0, result.stderr
    assert "read 2 of 2 documents" in result.stdout
    documents = (out / "documents.csv").read_text(encoding="utf-8")
    assert "letter.pdf,Dutch aid,Ministry,2025-03-01,manifest" in documents


def test_a_library_set_to_the_documents_folder_can_neither_remove_nor_add(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "seed.txt").write_text(PLEDGE, encoding="utf-8")
    with pytest.raises(LibraryError, match="also the documents folder"):
        remove_document(docs, "seed.txt", protected=[docs])
    with pytest.raises(LibraryError, match="also the documents folder"):
        add_document(docs, "new.txt", NO_PLEDGE.encode(), METADATA, [docs])
    assert (docs / "seed.txt").exists() and not (docs / "new.txt").exists()


def test_sessions_adding_at_once_lose_no_document_and_overwrite_none(tmp_path):
    import threading

    library, docs = tmp_path / "library", tmp_path / "docs"
    docs.mkdir()
    errors: list[Exception] = []

    def upload(number: int) -> None:
        try:  # the same file name each time, different contents
            add_document(library, "brief.txt", f"{NO_PLEDGE} Note {number}.".encode(), METADATA, [docs])
        except Exception as error:  # noqa: BLE001 - any error is the failure this test looks for
            errors.append(error)

    threads = [threading.Thread(target=upload, args=(number,)) for number in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    stored = sorted(row["file"] for row in manifest_rows(library))
    assert len(stored) == len(set(stored)) == 12
    contents = {(library / name).read_text(encoding="utf-8") for name in stored}
    assert len(contents) == 12  # no upload overwrote another


def test_a_web_address_must_be_a_web_link(tmp_path):
    library, docs = tmp_path / "library", tmp_path / "docs"
    docs.mkdir()
    with pytest.raises(LibraryError, match="must start with http"):
        add_document(library, "a.txt", NO_PLEDGE.encode(), {**METADATA, "url": "javascript:alert(1)"}, [docs])


def test_a_library_alone_builds_when_the_documents_folder_is_missing(tmp_path):
    library = tmp_path / "library"
    add_document(library, "note.txt", PLEDGE.encode(), METADATA, [])
    tables = build(tmp_path / "no_such_folder", library_dir=library)
    assert list(tables.documents["file"]) == ["note.txt"]
    with pytest.raises(FileNotFoundError):
        build(tmp_path / "no_such_folder")


def test_metadata_that_looks_like_a_formula_is_quoted_in_the_manifest_and_read_back_as_typed(tmp_path):
    library, docs = tmp_path / "library", tmp_path / "docs"
    docs.mkdir()
    typed = {"title": '=HYPERLINK("http://x","click")', "publisher": "'s-Hertogenbosch Courant", "language": "en"}

    stored = add_document(library, "note.txt", PLEDGE.encode(), typed, [docs])

    raw = [cell for row in manifest_rows(library) for cell in row.values()]
    assert not [cell for cell in raw if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    row = build(docs, library_dir=library).documents.set_index("file").loc[stored]
    assert (row["title"], row["publisher"]) == (typed["title"], typed["publisher"])


def test_a_users_own_manifest_is_read_as_written(tmp_path):
    """Only the library's manifest has cells quoted by protect_cell; a user's manifest.csv in the documents
    folder keeps a leading quote (Dutch "''Standvastigheid''", "'-" in a title) exactly as typed."""
    docs, library = tmp_path / "docs", tmp_path / "library"
    docs.mkdir()
    (docs / "note.txt").write_text(PLEDGE, encoding="utf-8")
    typed = {"title": "''Standvastigheid'' en steun", "publisher": "'=Uitgever", "language": "nl"}
    with (docs / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", *typed])
        writer.writeheader()
        writer.writerow({"file": "note.txt", **typed})
    add_document(library, "other.txt", NO_PLEDGE.encode(), {**METADATA, "title": "'-5 graden"}, [docs])

    documents = build(docs, library_dir=library).documents.set_index("file")

    assert (documents.loc["note.txt", "title"], documents.loc["note.txt", "publisher"]) == (
        typed["title"],
        typed["publisher"],
    )
    assert documents.loc["other.txt", "title"] == "'-5 graden"  # the library's own quoting is still undone


def test_refused_uploads_are_logged_once_and_reported_by_the_build(tmp_path):
    from datetime import UTC, datetime

    from data_pipeline.library import REFUSALS_NAME, record_refusal

    docs, library = tmp_path / "docs", tmp_path / "library"
    docs.mkdir()
    (docs / "seed.txt").write_text(PLEDGE, encoding="utf-8")
    when = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    for _rerun in range(3):  # the page shows the refusal again on every rerun: logged once
        record_refusal(library, "budget.xlsx", b"PK workbook", "unsupported file type (.xlsx)", when)
    record_refusal(library, "=cmd.txt", b"x", "duplicate: the same file is already there as seed.txt", when)

    problems = [p.as_dict() for p in build(docs, library_dir=library).problems]

    assert problems == [
        {"file": "budget.xlsx", "problem": "upload refused on 2026-03-02 09:30 UTC: unsupported file type (.xlsx)"},
        {
            "file": "=cmd.txt",
            "problem": "upload refused on 2026-03-02 09:30 UTC: duplicate: the same file is already there as seed.txt",
        },
    ]
    raw = (library / REFUSALS_NAME).read_text(encoding="utf-8")
    assert "\n=cmd" not in raw and ",=cmd" not in raw  # a spreadsheet opening the log runs nothing
    written = tmp_path / "out"
    write_tables(build(docs, library_dir=library), written)
    report = json.loads((written / "build_report.json").read_text(encoding="utf-8"))
    assert {"file": "budget.xlsx", "problem": problems[0]["problem"]} in report["problems"]
