"""Turn a file's bytes into the text the extractor reads: plain text, HTML main text, a PDF's text layer, Word.

Every reader takes the file's bytes and returns text whose paragraphs are separated by a blank line (the
extractor's sentence splitter treats a blank line as a paragraph break). A file that cannot be turned into
text raises UnreadableDocument with a message a user understands. The libraries are imported inside the
readers, so a folder of .txt files does not pay for loading them.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
import zipfile
from collections.abc import Callable

from data_pipeline.budget import BudgetExceeded, check_budget

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# The text of one document, whatever its format: a small .docx, web page or PDF can unpack into far more text than
# its file size (a 1 MB zip bomb into gigabytes). As many characters as the largest plain text file allowed.
MAX_TEXT_CHARACTERS = 20_000_000
# What the parts of a Word file may unpack to, as its zip directory declares (Python's zipfile never unpacks
# more than declared): a real document with images stays far below.
MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024
# Byte order marks, longest first (UTF-32's little-endian mark starts with UTF-16's).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# A page whose extracted text has no line of at least this many words holds only menus and labels.
MIN_WORDS_IN_A_SENTENCE = 5


# NOTE: pypdf and trafilatura log every oddity of a file ("EOF marker not found") as a warning; what matters to
# a user reaches them as the document's problem instead, so only their errors are let through.
for _library in ("pypdf", "trafilatura", "htmldate", "courlan"):
    logging.getLogger(_library).setLevel(logging.ERROR)


class UnreadableDocument(Exception):
    """A file that cannot be turned into text; the message says why, in words a user understands."""


def size_problem(n_bytes: int) -> str | None:
    """Why a file of this size is not read, or None."""
    if n_bytes > MAX_DOCUMENT_BYTES:
        return f"the file is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB, the limit for one document"
    return None


# The reason unexpected_error_reason gives a reader's ImportError: a fault of the installation, not of the file.
MISSING_LIBRARY_REASON = "a library this file type needs is missing"


def unexpected_error_reason(error: BaseException) -> str:
    """A plain reason for an error a library raised that no reader expected: its kind, never its message (which
    may be "<_io.BytesIO object at 0x…>" or an XML parser's internals)."""
    if isinstance(error, MemoryError):
        return "it needs more memory than this machine has"
    if isinstance(error, RecursionError):
        return "it is nested too deeply to read"
    if isinstance(error, ImportError):
        return f"{MISSING_LIBRARY_REASON} ({error.name or error}): reinstall the project"
    return f"an unexpected {type(error).__name__} inside the reader; the file may be damaged"


def _check_length(n_characters: int) -> None:
    """Refuse a document whose extracted text is over MAX_TEXT_CHARACTERS (counted as it is read, so that a reader
    stops at the limit instead of joining all it read only to measure it)."""
    if n_characters > MAX_TEXT_CHARACTERS:
        raise UnreadableDocument(
            f"its text is {n_characters:,} characters long, over the limit of {MAX_TEXT_CHARACTERS:,} for one "
            "document; split it into smaller files"
        )


def _check_text(text: str) -> str:
    _check_length(len(text))
    return text


def _check_bytes(data: bytes) -> None:
    if not data.strip():
        raise UnreadableDocument("the file is empty")
    problem = size_problem(len(data))
    if problem:
        raise UnreadableDocument(problem)


def _paragraphs(blocks: list[str]) -> str:
    """Blocks of text, each on its own paragraph; blank blocks dropped, spaces inside lines tidied."""
    kept = []
    for block in blocks:
        lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in block.replace("\r", "\n").split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            kept.append(text)
    return "\n\n".join(kept)


def text_from_plain(data: bytes) -> str:
    """UTF-8 text (with or without a byte order mark), or UTF-16/UTF-32 text that starts with its mark."""
    _check_bytes(data)
    bom, encoding, name = next((found for found in BOMS if data.startswith(found[0])), (b"", "utf-8", "UTF-8"))
    body = data[len(bom) :]
    # UTF-16 and UTF-32 hold NUL bytes in every ASCII character: only other texts are binary for holding them.
    if name == "UTF-8" and b"\x00" in body[:8192]:
        raise UnreadableDocument(
            "the file looks binary (it contains NUL bytes), not text; if it is UTF-16 text, save it with a byte "
            "order mark or as UTF-8"
        )
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as error:
        at = error.start + len(data) - len(body)
        raise UnreadableDocument(
            f"the file is not valid {name} (byte {at}: {data[at : at + 1]!r}); save it as UTF-8"
        ) from error
    if "\x00" in text:
        raise UnreadableDocument("the file looks binary (it contains NUL characters), not text")
    if not text.strip():
        raise UnreadableDocument("the file holds only whitespace")
    return _check_text(text.replace("\r\n", "\n").replace("\r", "\n"))


def text_from_html(data: bytes) -> str:
    """The page's main text (article body, headings, tables), without navigation, scripts, footers or ads."""
    _check_bytes(data)
    import trafilatura

    # NOTE: trafilatura detects the page's encoding from the bytes (meta charset, then content) and falls back
    # to its baseline extractor on short pages; it returns None when nothing text-like is left.
    try:
        extracted = trafilatura.extract(data, include_comments=False, include_tables=True, include_images=False)
    except Exception as error:  # noqa: BLE001 - a page the parser chokes on is one unreadable document
        raise UnreadableDocument(
            "the web page could not be parsed (it may be damaged, or too large or deeply nested to read)"
        ) from error
    if extracted and len(extracted) > MAX_TEXT_CHARACTERS:
        _check_text(extracted)
    # trafilatura puts one block (paragraph, heading, table row) per line: each becomes its own paragraph.
    text = _paragraphs((extracted or "").split("\n"))
    if not any(len(line.split()) >= MIN_WORDS_IN_A_SENTENCE for line in text.split("\n")):
        raise UnreadableDocument(
            "the web page has no main text (only menus, links or scripts were found); save the article itself"
        )
    return _check_text(text)


def html_page_metadata(data: bytes) -> dict[str, str]:
    """Title, publisher (site name) and publication date a web page declares in its head, where it does."""
    import trafilatura

    try:
        found = trafilatura.extract_metadata(data)
    except Exception:  # noqa: BLE001 - metadata only prefills a form; the text reader reports real trouble
        return {}
    if found is None:
        return {}
    values = {"title": found.title, "publisher": found.sitename, "published": found.date}
    return {key: value.strip() for key, value in values.items() if isinstance(value, str) and value.strip()}


def text_from_pdf(data: bytes) -> str:
    """The PDF's text layer, page by page. A scan (images only) or a password-protected PDF is a problem."""
    _check_bytes(data)
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are encrypted only to restrict printing, with an empty password to open them.
            try:
                opened = reader.decrypt("")
            except DependencyError as error:
                # pypdf reads AES-encrypted PDFs only with the cryptography package (a dependency of this project).
                raise UnreadableDocument(
                    "the PDF is encrypted with AES, which needs the 'cryptography' package: reinstall the "
                    "project (pip install -e .) or save an unprotected copy"
                ) from error
            except Exception as error:  # noqa: BLE001 - pypdf raises several types for ciphers it cannot open
                raise UnreadableDocument(
                    "the PDF is encrypted with a method that cannot be opened; save an unprotected copy"
                ) from error
            if not opened:
                raise UnreadableDocument("the PDF is protected by a password; save an unprotected copy")
        pages = []
        n_characters = 0
        for page in reader.pages:
            check_budget()  # a PDF of many thousand pages stops at the time budget (documents.document_from_bytes)
            pages.append(page.extract_text() or "")
            n_characters += len(pages[-1])
            if n_characters > MAX_TEXT_CHARACTERS:  # stop reading: the rest would only be thrown away
                _check_length(n_characters)
    except (UnreadableDocument, BudgetExceeded):
        raise
    except Exception as error:  # noqa: BLE001 - a damaged file raises anything from deep inside pypdf
        raise UnreadableDocument("the file is not a readable PDF (it may be damaged or incomplete)") from error
    text = _paragraphs(pages)
    if not text.strip():
        raise UnreadableDocument(
            "the PDF has no text layer (probably a scanned image); run text recognition (OCR) on it first"
        )
    return _check_text(text)


def text_from_docx(data: bytes) -> str:
    """Paragraphs and table rows of a Word document, in document order."""
    _check_bytes(data)
    _check_unpacked_size(data)
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = []
        n_characters = 0
        for item in document.iter_inner_content():
            check_budget()
            if isinstance(item, Table):
                for row in item.rows:
                    # A merged cell appears once per grid column it spans: keep it once.
                    cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells))
                    blocks.append(" | ".join(cell for cell in cells if cell))
                    n_characters += len(blocks[-1])
            else:
                blocks.append(item.text)
                n_characters += len(blocks[-1])
            if n_characters > MAX_TEXT_CHARACTERS:  # stop reading: the rest would only be thrown away
                _check_length(n_characters)
    except (UnreadableDocument, BudgetExceeded):
        raise
    except Exception as error:  # noqa: BLE001 - not a zip, no document part, broken XML: all one problem
        # The library's own message names Python objects or XML parser internals: the kind of trouble is enough.
        raise UnreadableDocument(
            "the file is not a readable Word (.docx) document (it may be damaged, or another format renamed "
            ".docx); open it in Word and save it again as .docx"
        ) from error
    text = _paragraphs(blocks)
    if not text.strip():
        raise UnreadableDocument("the Word document holds no text")
    return _check_text(text)


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a Word file whose parts would unpack to more than MAX_DOCX_UNPACKED_BYTES (a zip bomb), from its
    zip directory, before anything is unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # not a zip at all: python-docx says so below, as a damaged document
    if unpacked > MAX_DOCX_UNPACKED_BYTES:
        raise UnreadableDocument(
            f"the Word document would unpack to {unpacked / 1024 / 1024:,.0f} MB (at most "
            f"{MAX_DOCX_UNPACKED_BYTES // 1024 // 1024} MB); it is damaged or built to exhaust memory (a zip bomb)"
        )


# Readers by file extension: a new format is one more entry here.
READERS: dict[str, Callable[[bytes], str]] = {
    ".txt": text_from_plain,
    ".md": text_from_plain,
    ".html": text_from_html,
    ".htm": text_from_html,
    ".pdf": text_from_pdf,
    ".docx": text_from_docx,
}


def supported_types() -> str:
    """'.txt, .md, …' for messages."""
    return ", ".join(READERS)


def unsupported_type_problem(file_name: str) -> str:
    """Why a file of this type is not read: the same words on the upload page and in the build report."""
    suffix = "." + file_name.rpartition(".")[2].lower() if "." in file_name.strip(".") else "no extension"
    return f"unsupported file type ({suffix}); supported: {supported_types()}"
