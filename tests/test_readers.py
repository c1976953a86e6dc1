"""Readers for HTML, PDF and Word: the text a user's file turns into, and the problem when it cannot be read.

Fixtures are made in the test (tests/document_fixtures.py); offsets of every figure point into the text the
Documents page shows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
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
from pipeline_helpers import ROOT, run_cli

from data_pipeline import build
from data_pipeline.readers import READERS, UnreadableDocument, text_from_docx, text_from_html, text_from_pdf

SEEDS = ROOT / "seeds"


def test_html_reader_keeps_the_article_and_drops_menu_script_and_footer():
    text = text_from_html(html_bytes([PLEDGE, NO_PLEDGE], title="Dutch support for Ukraine"))
    assert text.split("\n\n")[:3] == ["Dutch support for Ukraine", PLEDGE, NO_PLEDGE]
    for boilerplate in ("Home", "About us", "Cookie", "Copyright", "tracking", "999", "font-family"):
        assert boilerplate not in text


def test_html_reader_decodes_the_declared_charset():
    text = text_from_html(
        html_bytes(
            ["Steun aan Oekraïne: het kabinet trekt extra geld uit voor de luchtverdediging."], charset="iso-8859-1"
        )
    )
    assert "Oekraïne" in text


def test_html_page_with_only_a_menu_has_no_main_text():
    with pytest.raises(UnreadableDocument, match="no main text"):
        text_from_html(menu_only_html_bytes())


def test_pdf_reader_reads_the_text_layer():
    text = text_from_pdf(pdf_bytes(["Press release", PLEDGE]))
    assert text.startswith("Press release")
    assert " ".join(text.split()).endswith(PLEDGE)


def test_pdf_encrypted_only_against_printing_is_read():
    # An empty user password: anyone can open it, as many government PDFs are.
    assert "Ukraine" in text_from_pdf(pdf_bytes([PLEDGE], user_password=""))


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: pdf_bytes([PLEDGE], user_password="secret"), "password"),
        (scanned_pdf_bytes, "no text layer"),
        (lambda: pdf_bytes([PLEDGE])[:400], "not a readable PDF"),
        (lambda: b"%PDF-1.7\nthis is not really a PDF at all\n", "not a readable PDF"),
    ],
    ids=["password-protected", "scanned", "truncated", "garbage"],
)
def test_unreadable_pdf_is_a_clear_problem(make, words):
    with pytest.raises(UnreadableDocument, match=words):
        text_from_pdf(make())


def test_docx_reader_keeps_paragraphs_and_table_rows_in_order():
    data = docx_bytes(
        [PLEDGE, "Last words of the note."], table=[["Item", "Amount"], ["Drones", "EUR 5 million"]], heading="Note"
    )
    assert text_from_docx(data).split("\n\n") == [
        "Note",
        PLEDGE,
        "Last words of the note.",
        "Item | Amount",
        "Drones | EUR 5 million",
    ]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"PK\x03\x04 a damaged zip", "not a readable Word"),
        (b"plain words saved with the wrong extension", "not a readable Word"),
        (docx_bytes([]), "holds no text"),
    ],
    ids=["damaged", "not-a-zip", "no-text"],
)
def test_unreadable_docx_is_a_clear_problem(data, words):
    with pytest.raises(UnreadableDocument, match=words):
        text_from_docx(data)


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_every_reader_refuses_a_file_over_the_size_limit(suffix):
    with pytest.raises(UnreadableDocument, match="larger than 20 MB"):
        READERS[suffix](b"x" * (20 * 1024 * 1024 + 1))


def mixed_folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.html").write_bytes(html_bytes([PLEDGE.replace("Netherlands", "Belgium")]))
    (docs / "letter.pdf").write_bytes(pdf_bytes(["Kamerbrief", PLEDGE.replace("Netherlands", "Denmark")]))
    (docs / "note.docx").write_bytes(docx_bytes([PLEDGE.replace("Netherlands", "Sweden")], heading="Note"))
    (docs / "plain.txt").write_text(PLEDGE, encoding="utf-8")
    return docs


def test_build_reads_every_format_and_offsets_point_into_the_shown_text(tmp_path):
    tables = build(mixed_folder(tmp_path))

    assert set(tables.documents["status"]) == {"ok"}, tables.problems
    donors = dict(zip(tables.mentions["doc_id"], tables.mentions["donor"], strict=True))
    assert donors == {"page": "Belgium", "letter": "Denmark", "note": "Sweden", "plain": "Netherlands"}
    for mention in tables.mentions.itertuples():
        text = tables.texts[mention.doc_id]
        assert text[mention.char_start : mention.char_end] in ("EUR 200 million", "200 million")
        assert mention.evidence in text
    assert tables.documents.set_index("file").loc["letter.pdf", "title"] == "Kamerbrief"


def test_cli_reads_the_same_formats_and_reports_bad_files(tmp_path):
    docs = mixed_folder(tmp_path)
    (docs / "scan.pdf").write_bytes(scanned_pdf_bytes())
    (docs / "locked.pdf").write_bytes(pdf_bytes([PLEDGE], user_password="secret"))
    (docs / "menu.html").write_bytes(menu_only_html_bytes())
    (docs / "plain_copy.txt").write_text(PLEDGE, encoding="utf-8")  # same bytes as plain.txt

    result = run_cli(docs, tmp_path / "out")

    assert result.returncode == 0, result.stderr
    assert "read 4 of 7 documents" in result.stdout
    report = json.loads((tmp_path / "out" / "build_report.json").read_text(encoding="utf-8"))
    problems = {p["file"]: p["problem"] for p in report["problems"]}
    assert "no text layer" in problems["scan.pdf"]
    assert "password" in problems["locked.pdf"]
    assert "no main text" in problems["menu.html"]
    assert problems["plain_copy.txt"] == "not read: same content as plain.txt"
    assert report["counts"]["pledges"] == 4


@pytest.mark.parametrize("suffix", [".html", ".docx", ".pdf"])
def test_the_seeds_saved_in_another_format_give_the_same_mentions(tmp_path, suffix):
    """A desk officer's copy of the same article as a web page, a Word note or a PDF yields the same figures."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        paragraphs = [p.strip() for p in seed.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        make = {".html": html_bytes, ".docx": docx_bytes, ".pdf": pdf_bytes}[suffix]
        (docs / (seed.stem + suffix)).write_bytes(make(paragraphs))
    manifest = (SEEDS / "manifest.csv").read_text(encoding="utf-8")
    (docs / "manifest.csv").write_text(manifest.replace(".txt,", suffix + ","), encoding="utf-8")

    converted, original = build(docs), build(SEEDS)

    assert converted.problems == []
    figures = ["doc_id", "donor", "kind", "amount", "currency", "quantity", "item", "status", "category"]
    pd.testing.assert_frame_equal(converted.mentions[figures], original.mentions[figures])
    assert len(converted.pledges) == len(original.pledges)
