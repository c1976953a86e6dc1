"""The "Add documents" page as a user meets it (AppTest): upload files, confirm their metadata, see the tables
change, see why a file was refused, remove a document; and the documents folder given on the command line."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest
from document_fixtures import NO_PLEDGE, PLEDGE, docx_bytes, menu_only_html_bytes, pdf_bytes
from streamlit.testing.v1 import AppTest

from dashboard_app import loader
from dashboard_app.render import VIEW_KEY

APP = "../dashboard.py"
PAGE = "pages/add_documents.py"
LETTER = pdf_bytes(["Kamerbrief", "Date: 2025-03-01", PLEDGE])
WEATHER_NOTE = docx_bytes([NO_PLEDGE])


@pytest.fixture
def folders(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """A one-document folder for the dashboard to read, and an empty library."""
    docs, library = tmp_path / "docs", tmp_path / "library"
    docs.mkdir()
    (docs / "seed.txt").write_text("Belgium will provide EUR 30 million in humanitarian aid to Ukraine.", "utf-8")
    monkeypatch.setenv("PLEDGES_DOCS_DIR", str(docs))
    monkeypatch.setenv("PLEDGES_LIBRARY_DIR", str(library))
    return docs, library


def open_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(PAGE).run()
    assert not at.exception, [error.message for error in at.exception]
    return at


def shown(elements) -> list[str]:
    """Messages as the user reads them (the page escapes markdown characters with backslashes)."""
    return [element.value.replace("\\", "") for element in elements]


def form_key(data: bytes) -> str:
    return f"add_{hashlib.sha256(data).hexdigest()[:16]}"


def built_files(at: AppTest) -> list[str]:
    return list(at.session_state[VIEW_KEY].all_tables.documents["file"])


def save(at: AppTest, data: bytes, **fields: str) -> AppTest:
    key = form_key(data)
    for name, value in fields.items():
        at.text_input(key=f"{key}_{name}").set_value(value)
    forms = [b for b in at.button if b.label == "Save to library"]
    keys = [element.key for element in at.text_input if element.key and element.key.endswith("_title")]
    forms[keys.index(f"{key}_title")].click().run()
    assert not at.exception, [error.message for error in at.exception]
    return at


def test_upload_prefills_metadata_and_saving_updates_the_tables(folders):
    _docs, library = folders
    at = open_page()
    assert shown(at.info) == ["The library is empty. Documents you add above are kept here and read on every start."]

    at.file_uploader(key="add_documents_upload").set_value(
        [("../Kamerbrief steun.pdf", LETTER, "application/pdf"), ("weather.docx", WEATHER_NOTE, "")]
    ).run()

    key = form_key(LETTER)
    assert at.text_input(key=f"{key}_title").value == "Kamerbrief"
    assert at.text_input(key=f"{key}_published").value == "2025-03-01"
    assert at.selectbox(key=f"{key}_language").value == "en"
    assert "Will be stored as Kamerbrief_steun.pdf (a safe file name)." in shown(at.caption)
    assert built_files(at) == ["seed.txt"]

    save(at, LETTER, title="Letter on support", publisher="Ministry of Defence")

    assert "Saved as Kamerbrief_steun.pdf: 1 figure, 1 pledge." in shown(at.success)
    assert built_files(at) == ["seed.txt", "Kamerbrief_steun.pdf"]
    row = at.session_state[VIEW_KEY].all_tables.documents.set_index("file").loc["Kamerbrief_steun.pdf"]
    assert (row["title"], row["publisher"], row["published"]) == (
        "Letter on support",
        "Ministry of Defence",
        "2025-03-01",
    )
    assert (library / "Kamerbrief_steun.pdf").read_bytes() == LETTER

    save(at, WEATHER_NOTE)
    assert "Saved as weather.docx: 0 pledges (no quantified support found in it)." in shown(at.success)
    listing = at.dataframe[0].value
    assert list(listing["file"]) == ["Kamerbrief_steun.pdf", "weather.docx"]
    assert list(listing["pledges"]) == [1, 0]


def test_bad_uploads_are_refused_with_a_reason_and_good_ones_still_offered(folders):
    docs, library = folders
    at = open_page()
    at.file_uploader(key="add_documents_upload").set_value(
        [
            ("budget.xlsx", b"PK\x03\x04 workbook", "application/octet-stream"),
            ("menu.html", menu_only_html_bytes(), "text/html"),
            ("locked.pdf", pdf_bytes([PLEDGE], user_password="secret"), "application/pdf"),
            ("seed copy.txt", (docs / "seed.txt").read_bytes(), "text/plain"),
            ("letter.pdf", LETTER, "application/pdf"),
            ("letter again.pdf", LETTER, "application/pdf"),
        ]
    ).run()

    errors = shown(at.error)
    assert errors == [
        "Not added: unsupported file type (.xlsx); supported: .txt, .md, .html, .htm, .pdf, .docx.",
        "Not added: the web page has no main text (only menus, links or scripts were found); save the article itself.",
        "Not added: the PDF is protected by a password; save an unprotected copy.",
        "Not added: duplicate: the same file is already there as seed.txt.",
        "Not added: duplicate: the same file as letter.pdf in this upload.",
    ]
    assert [b.label for b in at.button].count("Save to library") == 1  # only letter.pdf can be saved

    save(at, LETTER, published="23/02/2024")
    assert "Not saved: the publication date '23/02/2024' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY." in shown(
        at.error
    )
    assert [p.name for p in library.iterdir() if not p.name.startswith(".")] == []  # no document stored

    # After a reload (a new session) the refusals are still there, with the reason, under the build's problems.
    reloaded = AppTest.from_file(APP, default_timeout=60).run()
    reloaded.switch_page("pages/documents.py").run()
    assert not reloaded.exception, [error.message for error in reloaded.exception]
    problems = next(frame.value for frame in reloaded.dataframe if list(frame.value.columns) == ["file", "problem"])
    refused = dict(zip(problems["file"], problems["problem"], strict=True))
    assert re.fullmatch(
        r"upload refused on \d{4}-\d\d-\d\d \d\d:\d\d UTC: unsupported file type \(\.xlsx\).*", refused["budget.xlsx"]
    )
    assert refused["seed copy.txt"].endswith("duplicate: the same file is already there as seed.txt")
    assert refused["letter again.pdf"].endswith("duplicate: the same file as letter.pdf in this upload")
    assert "locked.pdf" in refused and "menu.html" in refused
    assert "letter.pdf" not in refused  # refused metadata (a bad date) is the form's business, not the file's


def test_library_survives_a_restart_and_a_document_can_be_removed(folders):
    _docs, library = folders
    first = open_page()
    first.file_uploader(key="add_documents_upload").set_value([("letter.pdf", LETTER, "application/pdf")]).run()
    save(first, LETTER)

    restarted = open_page()  # a new session, as after restarting the dashboard
    assert list(restarted.dataframe[0].value["file"]) == ["letter.pdf"]
    assert "letter.pdf" in built_files(restarted)

    restarted.button(key="remove_letter.pdf").click().run()

    assert "Removed letter.pdf from the library." in shown(restarted.success)
    assert "letter.pdf" not in built_files(restarted)
    assert not (library / "letter.pdf").exists()
    assert shown(restarted.info) == [
        "The library is empty. Documents you add above are kept here and read on every start."
    ]


def test_the_documents_page_reads_the_library_too(folders):
    _docs, library = folders
    at = open_page()
    at.file_uploader(key="add_documents_upload").set_value([("letter.pdf", LETTER, "application/pdf")]).run()
    save(at, LETTER)
    at.switch_page("pages/documents.py").run()
    assert not at.exception
    assert "letter.pdf" in list(at.dataframe[0].value["file"])


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--docs", "/data/briefs"], {"docs": Path("/data/briefs")}),
        (["--docs", "a", "--library", "b"], {"docs": Path("a"), "library": Path("b")}),
        (["-q", "-x", "tests/test_add_documents.py"], {}),  # pytest's own arguments (AppTest) are not ours
        (["--docs"], {}),
    ],
)
def test_command_line_folders(argv, expected):
    assert loader.command_line_folders(argv) == expected


def test_command_line_option_beats_the_environment(folders, monkeypatch, tmp_path):
    docs, library = folders
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--docs", str(tmp_path / "other")])
    assert loader.dashboard_documents_dir() == tmp_path / "other"
    assert loader.dashboard_library_dir() == library
    monkeypatch.setattr(sys, "argv", ["dashboard.py"])
    assert loader.dashboard_documents_dir() == docs
