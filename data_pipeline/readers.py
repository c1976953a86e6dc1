"""Turn a file's bytes into the text the extractor reads: plain text, HTML main text, a PDF's text layer, Word.

Every reader takes the file's bytes and returns text whose paragraphs are separated by a blank line (the
extractor's sentence splitter treats a blank line as a paragraph break). A file that cannot be turned into
text raises UnreadableDocument with a message a user understands. The libraries are imported inside the
readers, so a folder of .txt files does not pay for loading them.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
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
    _check_bytes(data)
    if b"\x00" in data[:8192]:
        raise UnreadableDocument("the file looks binary (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableDocument(
            f"the file is not valid UTF-8 (byte {error.start}: {data[error.start : error.start + 1]!r}); "
            "save it as UTF-8"
        ) from error
    if not text.strip():
        raise UnreadableDocument("the file holds only whitespace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_from_html(data: bytes) -> str:
    """The page's main text (article body, headings, tables), without navigation, scripts, footers or ads."""
    _check_bytes(data)
    import trafilatura

    # NOTE: trafilatura detects the page's encoding from the bytes (meta charset, then content) and falls back
    # to its baseline extractor on short pages; it returns None when nothing text-like is left.
    try:
        extracted = trafilatura.extract(data, include_comments=False, include_tables=True, include_images=False)
    except Exception as error:  # noqa: BLE001 - a page the parser chokes on is one unreadable document
        raise UnreadableDocument(f"the web page could not be parsed ({type(error).__name__})") from None
    # trafilatura puts one block (paragraph, heading, table row) per line: each becomes its own paragraph.
    text = _paragraphs((extracted or "").split("\n"))
    if not any(len(line.split()) >= MIN_WORDS_IN_A_SENTENCE for line in text.split("\n")):
        raise UnreadableDocument(
            "the web page has no main text (only menus, links or scripts were found); save the article itself"
        )
    return text


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

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are encrypted only to restrict printing, with an empty password to open them.
            try:
                opened = reader.decrypt("")
            except Exception as error:  # noqa: BLE001 - pypdf raises several types for ciphers it cannot open
                raise UnreadableDocument(
                    f"the PDF is encrypted and could not be opened ({error}); save an unprotected copy"
                ) from error
            if not opened:
                raise UnreadableDocument("the PDF is protected by a password; save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableDocument:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged file raises anything from deep inside pypdf
        raise UnreadableDocument(f"the file is not a readable PDF (it may be damaged): {error}") from error
    text = _paragraphs(pages)
    if not text.strip():
        raise UnreadableDocument(
            "the PDF has no text layer (probably a scanned image); run text recognition (OCR) on it first"
        )
    return text


def text_from_docx(data: bytes) -> str:
    """Paragraphs and table rows of a Word document, in document order."""
    _check_bytes(data)
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = []
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                for row in item.rows:
                    # A merged cell appears once per grid column it spans: keep it once.
                    cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells))
                    blocks.append(" | ".join(cell for cell in cells if cell))
            else:
                blocks.append(item.text)
    except Exception as error:  # noqa: BLE001 - not a zip, no document part, broken XML: all one problem
        raise UnreadableDocument(f"the file is not a readable Word (.docx) document: {error}") from error
    text = _paragraphs(blocks)
    if not text.strip():
        raise UnreadableDocument("the Word document holds no text")
    return text


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
