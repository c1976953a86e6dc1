"""Files built to hurt a reader (zip bombs, huge texts, other encodings, damaged or encrypted files) are read or
refused with a reason a user can act on, never with a library's own words; absurd figures never become pledges."""

from __future__ import annotations

import io
import zipfile

import pytest
from document_fixtures import PLEDGE, docx_bytes, html_bytes, pdf_bytes
from fpdf import FPDF
from fpdf.enums import EncryptionMethod

from data_pipeline import build, readers
from data_pipeline.documents import document_from_bytes
from data_pipeline.extraction_cache import extract_document
from data_pipeline.readers import UnreadableDocument, text_from_docx, text_from_pdf, text_from_plain


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_text_with_a_byte_order_mark_is_read(tmp_path, encoding):
    docs = tmp_path / "docs"
    docs.mkdir()
    data = PLEDGE.encode(encoding)
    if not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        data = ("\ufeff" + PLEDGE).encode(encoding)
    (docs / "wide.txt").write_bytes(data)

    tables = build(docs)

    assert tables.problems == []
    assert tables.texts["wide"] == PLEDGE
    assert tables.pledges["amount_eur"].tolist() == [200e6]


def test_utf16_without_a_byte_order_mark_says_how_to_save_it():
    with pytest.raises(UnreadableDocument, match="save it with a byte order mark or as UTF-8"):
        text_from_plain(PLEDGE.encode("utf-16-le"))


def zip_bomb_docx(unpacked_bytes: int) -> bytes:
    """A valid Word document with one more part of zeros that unpacks to `unpacked_bytes`."""
    buffer = io.BytesIO(docx_bytes([PLEDGE]))
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/zeros.bin", bytes(unpacked_bytes))
    return buffer.getvalue()


def test_docx_zip_bomb_is_refused_from_its_zip_directory_before_anything_is_unpacked(monkeypatch):
    monkeypatch.setattr(readers, "MAX_DOCX_UNPACKED_BYTES", 2 * 1024 * 1024)
    bomb = zip_bomb_docx(3 * 1024 * 1024)
    import docx

    def never(*_args, **_kwargs):
        raise AssertionError("the document was opened")

    monkeypatch.setattr(docx, "Document", never)
    assert len(bomb) < 50_000  # 3 MB of zeros in a few kilobytes

    with pytest.raises(UnreadableDocument, match="zip bomb"):
        text_from_docx(bomb)


def test_the_limit_on_extracted_characters_holds_for_every_format(monkeypatch):
    monkeypatch.setattr(readers, "MAX_TEXT_CHARACTERS", 2_000)
    long_paragraphs = [f"{n}. {PLEDGE}" for n in range(40)]  # 3,400 characters, no two alike
    for name, data in [
        ("long.txt", "\n".join(long_paragraphs).encode()),
        ("long.docx", docx_bytes(long_paragraphs)),
        ("long.html", html_bytes(long_paragraphs)),
        ("long.pdf", pdf_bytes(long_paragraphs)),
    ]:
        doc = document_from_bytes(name, data, None)
        assert "over the limit of 2,000 for one document; split it into smaller files" in doc.problem, name
    assert document_from_bytes("short.docx", docx_bytes([PLEDGE]), None).ok


def aes_pdf(user_password: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, PLEDGE.replace("EUR", "EUR"))
    pdf.set_encryption(
        owner_password="owner-secret", user_password=user_password, encryption_method=EncryptionMethod.AES_128
    )
    return bytes(pdf.output())


def test_aes_pdf_locked_only_against_printing_is_read():
    assert "military aid to Ukraine" in text_from_pdf(aes_pdf(""))


def test_aes_pdf_without_the_crypto_library_says_what_to_install(monkeypatch):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    def missing(*_args, **_kwargs):
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", missing)
    with pytest.raises(UnreadableDocument, match="needs the 'cryptography' package"):
        text_from_pdf(aes_pdf(""))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("renamed.docx", b"%PDF-1.4 not a word file at all"),
        ("empty-zip.docx", b"PK\x05\x06" + bytes(18)),
        ("broken-part.docx", None),
        ("truncated.pdf", None),
        ("garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8),
        ("deep.html", b"<html><body>" + b"<div>" * 100_000 + b"Ukraine gets aid from the Dutch." + b"</body></html>"),
    ],
)
def test_a_damaged_file_is_refused_in_plain_words(name, data):
    if name == "broken-part.docx":
        buffer = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(docx_bytes([PLEDGE]))) as good, zipfile.ZipFile(buffer, "w") as broken:
            for item in good.infolist():
                body = good.read(item)
                broken.writestr(item, b"<w:document>" if item.filename == "word/document.xml" else body)
        data = buffer.getvalue()
    if name == "truncated.pdf":
        data = pdf_bytes([PLEDGE])[:300]

    doc = document_from_bytes(name, data, None)

    assert doc.problem, name
    for raw in ("object at 0x", "lxml", "_Element", "XML_PARSE_HUGE", "Traceback", "Error:"):
        assert raw not in doc.problem, doc.problem


@pytest.mark.parametrize(
    ("sentence", "amounts", "note"),
    [
        ("Germany will provide €-5 billion to Ukraine in 2025.", [], ""),
        ("Germany will provide minus €2 billion to Ukraine in 2025.", [], ""),
        ("Germany will provide -€2 billion to Ukraine in 2025.", [], ""),
        ("Germany will provide \u2212€2 billion to Ukraine in 2025.", [], ""),
        ("Germany will provide €999999999999999999999 billion to Ukraine in 2025.", [], "over €1 trillion"),
        ("Germany will provide €1.5 trillion to Ukraine in 2025.", [], "over €1 trillion"),
        ("Germany will provide €" + "9" * 5000 + " billion to Ukraine in 2025.", [], "5,000 digits"),
        ("Germany will provide " + "7" * 400 + " tanks to Ukraine in 2025.", [], "400 digits"),
        ("Germany will provide €2\u200bbillion to Ukraine in 2025.", [2e9], ""),
        ("Germany will provide €2\u200b500 million to Ukraine in 2025.", [2.5e9], ""),
        ("Germany will provide €2\u00adbillion to Ukraine in 2025.", [2e9], ""),
        ("- €2 billion from Germany for Ukraine in 2025.", [2e9], ""),
        ("Germany will provide €900 billion to Ukraine in 2025.", [900e9], ""),
    ],
    ids=[
        "glued-minus",
        "minus-word",
        "minus-before-currency",
        "minus-sign",
        "1e30",
        "trillion",
        "5000-digits",
        "400-digit-count",
        "zero-width-space",
        "zero-width-in-digits",
        "soft-hyphen",
        "bullet-is-not-a-minus",
        "large-but-plausible",
    ],
)
def test_absurd_figures_are_not_pledges(sentence, amounts, note):
    doc = document_from_bytes("figures.txt", sentence.encode("utf-8"), None)

    extraction = extract_document(doc)

    assert doc.ok, doc.problem
    assert [m["amount_eur"] for m in extraction.mention_records if m["kind"] == "money"] == amounts
    assert [m for m in extraction.mention_records if m["kind"] == "equipment"] == []
    assert [n for n in doc.notes if note and note in n] == ([] if not note else [n for n in doc.notes])
    if note:
        assert len(doc.notes) == 1 and "check the document" in doc.notes[0]


def test_an_extractor_error_is_a_plain_problem_not_the_raw_message(monkeypatch):
    from data_pipeline import extraction_cache

    def broken(*_args, **_kwargs):
        raise ValueError("<_io.BytesIO object at 0x7f00> internal detail")

    monkeypatch.setattr(extraction_cache, "mention_rows", broken)
    doc = document_from_bytes("odd.txt", PLEDGE.encode(), None)

    extraction = extract_document(doc)

    assert extraction.mention_records == []
    assert doc.problem.startswith("extraction failed (an unexpected ValueError in the extractor)")
    assert "0x7f00" not in doc.problem


def test_a_document_over_the_time_budget_is_a_problem_and_is_not_cached(monkeypatch, tmp_path):
    from data_pipeline import budget

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "slow.pdf").write_bytes(pdf_bytes([PLEDGE]))
    (docs / "slower.txt").write_text(PLEDGE.replace("EUR 200", "EUR 300"), encoding="utf-8")
    monkeypatch.setattr(budget, "MAX_EXTRACTION_SECONDS", -1.0)  # spent before it starts

    tables = build(docs, cache_dir=tmp_path / "cache")

    problems = {p.file: p.problem for p in tables.problems}
    assert problems["slow.pdf"].startswith("reading took longer than")
    assert problems["slower.txt"].startswith("extraction took longer than")
    assert "split the file into smaller documents" in problems["slower.txt"]
    monkeypatch.setattr(budget, "MAX_EXTRACTION_SECONDS", 120.0)
    again = build(docs, cache_dir=tmp_path / "cache")
    assert again.problems == []


def test_a_text_without_sentence_ends_is_read_in_bounded_sentences():
    from data_pipeline.extract.sentences import MAX_SENTENCE_CHARACTERS, split_sentences

    text = "Portugal will provide €5 million for ammunition to Ukraine and " * 3_000  # 190,000 characters, no stop

    sentences = split_sentences(text)

    assert max(s.end - s.start for s in sentences) <= MAX_SENTENCE_CHARACTERS
    assert all(text[s.end] == " " and text[s.start] != " " for s in sentences[:-1])  # cut at a space, never in a word
    assert "".join(text[s.start : s.end] + " " for s in sentences).split() == text.split()  # nothing lost


def test_control_characters_leave_the_text_and_a_page_break_stays_a_line_break():
    data = b"\x1b[1mNederland steunt Oekra\xc3\xafne\x1b[0m\n\nNederland geeft 100 miljoen euro.\x0cNieuwe pagina."
    doc = document_from_bytes("kleur.txt", data, None)
    assert doc.ok
    assert not [c for c in doc.text if ord(c) < 32 and c not in "\t\n\r"]
    assert doc.text.startswith("[1mNederland steunt")
    assert "euro.\nNieuwe pagina." in doc.text


def test_a_missing_reader_library_is_a_problem_that_reinstalling_clears(monkeypatch, tmp_path):
    from data_pipeline import documents, extraction_cache

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "locked.pdf").write_bytes(pdf_bytes([PLEDGE]))

    def missing(data):
        raise ModuleNotFoundError("No module named 'cryptography'", name="cryptography")

    with monkeypatch.context() as patch:
        patch.setitem(documents.READERS, ".pdf", missing)
        tables = build(docs, cache_dir=tmp_path / "cache")
    problems = {p.file: p.problem for p in tables.problems}
    assert "a library this file type needs is missing (cryptography)" in problems["locked.pdf"]
    # Reinstalled: the document is read again, not taken from the cache with its old problem.
    again = build(docs, cache_dir=tmp_path / "cache")
    assert again.problems == []
    assert again.pledges["amount_eur"].tolist() == [200e6]
    assert {"cryptography", "lxml", "lxml_html_clean"} <= set(extraction_cache.READER_LIBRARIES)


def test_a_reading_error_outside_the_readers_is_a_plain_problem_and_is_logged(monkeypatch, caplog):
    from data_pipeline import extraction_cache

    real = extraction_cache.document_from_bytes

    def failing(name, data, manifest_row):
        if data is not None:
            raise ValueError("<lxml.etree._Element object at 0x7f00> internals")
        return real(name, data, manifest_row)

    monkeypatch.setattr(extraction_cache, "document_from_bytes", failing)

    with caplog.at_level("ERROR", logger="data_pipeline.extraction_cache"):
        extraction = extraction_cache.read_and_extract(("odd.txt", PLEDGE.encode(), None))

    problem = extraction.document.problem
    assert problem == "the file could not be read (an unexpected ValueError inside the reader; the file may be damaged)"
    assert "0x7f00" not in problem
    assert any("odd.txt" in record.getMessage() and record.exc_info for record in caplog.records)


def test_the_parts_of_an_absurd_figure_left_out_stand_on_their_own(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "big.txt").write_text(
        "Date: 3 March 2024\n\nGermany pledged EUR 5,000 billion in military aid to Ukraine, of which EUR 1 billion "
        "for air defence and EUR 2 billion for ammunition.\n",
        encoding="utf-8",
    )

    tables = build(docs)

    assert "a figure beyond any real pledge" in tables.problems[0].problem
    assert sorted(tables.mentions["amount_eur"].tolist()) == [1e9, 2e9]
    assert tables.mentions["scope"].tolist() == ["package", "package"]
    assert tables.mentions["part_of"].isna().all()
    assert tables.pledges["part_of"].isna().all()
