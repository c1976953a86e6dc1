"""The document library: files a user added (in the dashboard), kept with their metadata in a manifest.csv.

The library is an ordinary documents folder (the same manifest format as seeds/), so the build reads it like
any other. This module checks an upload (type, size, duplicate content, readable text), stores it under a safe
file name, records its metadata, and removes a document again. No Streamlit here: the page only calls these.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from data_pipeline.documents import (
    MANIFEST_COLUMNS,
    MANIFEST_NAME,
    document_from_bytes,
    normalise_date,
    read_manifest,
    readable_name,
)
from data_pipeline.lexicon import LANGUAGES
from data_pipeline.paths import SEEDS_DIR
from data_pipeline.readers import READERS, html_page_metadata, size_problem, unsupported_type_problem
from data_pipeline.tables import Problem, protect_cell, unprotect_cell

MAX_STEM_LENGTH = 80
# Uploads the library refused (time, file name, why), read by the build into its problems so they outlive the page
# that showed them. A dot name: the build never reads it as a document. The newest MAX_REFUSALS are kept.
REFUSALS_NAME = ".refused_uploads.csv"
REFUSAL_COLUMNS = ["time", "file", "sha256", "problem"]
MAX_REFUSALS = 500
HTML_SUFFIXES = (".html", ".htm")


class LibraryError(Exception):
    """An upload or removal that cannot be done; the message says why."""


@dataclass(frozen=True)
class Prefill:
    """What the pipeline reads from an upload before it is saved: the metadata to confirm, or why it is refused."""

    file: str  # the safe name it would be stored under
    title: str = ""
    publisher: str = ""
    published: str = ""
    language: str = "en"
    n_chars: int = 0
    problem: str = ""


def safe_file_name(name: str) -> str:
    """A file name without folders or odd characters.

    'C:\\tmp\\Brief aan de Kamer (1).PDF' -> 'Brief_aan_de_Kamer_1.pdf'; '../../etc/passwd' -> 'passwd'.
    """
    base = re.split(r"[/\\]", name)[-1]
    base = unicodedata.normalize("NFC", base)
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    # Letters of any script stay ('Oekraïne'); spaces, dots, quotes, control and shell characters become '_'.
    stem = re.sub(r"[^\w-]+", "_", stem).strip("_-")[:MAX_STEM_LENGTH] or "document"
    suffix = re.sub(r"[^A-Za-z0-9]+", "", suffix).lower()
    return f"{stem}.{suffix}" if suffix else stem


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_index(folders: list[Path]) -> dict[str, str]:
    """sha256 of every document file in the folders -> its file name (the first one, if several share bytes)."""
    index: dict[str, str] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix.lower() in READERS and size_problem(path.stat().st_size) is None:
                index.setdefault(sha256_of(path.read_bytes()), path.name)
    return index


def taken_doc_ids(folders: list[Path]) -> set[str]:
    """doc_ids (file names without extension) already used in the folders: a new file must not repeat one."""
    return {p.stem for folder in folders if folder.is_dir() for p in folder.iterdir() if p.is_file()}


def unique_file_name(name: str, taken: set[str]) -> str:
    """name, or name_2, name_3, … whichever stem is still free."""
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, n = stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}_{n}"
    return candidate + suffix


def upload_problem(name: str, data: bytes, known_content: dict[str, str]) -> str:
    """Why an upload cannot be added ('' when it can): type, size, emptiness, or the same bytes already present."""
    safe_name = safe_file_name(name)
    if Path(safe_name).suffix.lower() not in READERS:
        return unsupported_type_problem(safe_name)
    too_large = size_problem(len(data))
    if too_large:
        return too_large
    if not data.strip():
        return "the file is empty"
    duplicate_of = known_content.get(sha256_of(data))
    if duplicate_of:
        return f"duplicate: the same file is already there as {duplicate_of}"
    return ""


def prefill(
    name: str,
    data: bytes,
    known_content: dict[str, str],
    read: Callable[[tuple[str, bytes]], Prefill] | None = None,
) -> Prefill:
    """Check the upload and read it as the build would: title (first line), date and language from the text.
    `read` reads it (read_upload; the dashboard's server has it read in its extraction process)."""
    file = safe_file_name(name)
    problem = upload_problem(name, data, known_content)
    if problem:
        return Prefill(file=file, problem=problem)
    return (read or read_upload)((file, data))


def read_upload(upload: tuple[str, bytes]) -> Prefill:
    """What the build would read from an accepted upload (its safe file name and bytes): title, date, language."""
    file, data = upload
    doc = document_from_bytes(file, data, None)
    if doc.problem:
        return Prefill(file=file, problem=doc.problem)
    # A saved web page states its title, site and date in its head more reliably than its text does.
    declared = html_page_metadata(data) if Path(file).suffix.lower() in HTML_SUFFIXES else {}
    declared_date = normalise_date(declared.get("published", "")) or ""
    return Prefill(
        file=file,
        title=declared.get("title") or doc.title,
        publisher=declared.get("publisher", ""),
        published=declared_date or doc.published or "",
        language=doc.language,
        n_chars=len(doc.text),
    )


def _clean(value: str) -> str:
    # One line per manifest cell: a pasted newline or tab would only confuse whoever opens the CSV; and text the
    # manifest's UTF-8 can hold (documents.readable_name).
    return re.sub(r"\s+", " ", readable_name(value or "")).strip()


def metadata_problem(metadata: dict[str, str]) -> str:
    """Why the metadata cannot be saved ('' when it can)."""
    published = _clean(metadata.get("published", ""))
    if published and not normalise_date(published):
        return f"the publication date {published!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY"
    language = _clean(metadata.get("language", ""))
    if language and language not in LANGUAGES:
        return f"the language {language!r} is not one of {', '.join(LANGUAGES)}"
    url = _clean(metadata.get("url", ""))
    if url and not re.match(r"https?://", url, re.IGNORECASE):
        # The explorer shows it as a link: only web addresses, never javascript: or file: links.
        return f"the web address {url!r} must start with http:// or https://"
    return ""


def _library_manifest(library: Path) -> dict[str, dict[str, str]]:
    rows, problems = read_manifest(library, written_by_library=True)
    if problems:
        # Rewriting a manifest we could not read would throw away the metadata of every document in it.
        raise LibraryError(f"the library's {MANIFEST_NAME} could not be read: {problems[0].problem}")
    return rows


# Streamlit sessions are threads of one process, and two dashboards may share a library: every read-change-write
# of the library holds this lock and, where the platform has it, an exclusive lock on library/.lock.
_LIBRARY_LOCK = threading.Lock()


@contextmanager
def _library_locked(library: Path):
    with _LIBRARY_LOCK:
        library.mkdir(parents=True, exist_ok=True)
        with open(library / ".lock", "a") as lock_file:
            try:
                import fcntl
            except ImportError:  # Windows: the thread lock still orders this process's sessions
                yield
                return
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)


def _refuse_protected(library: Path, protected: Sequence[Path]) -> None:
    """The library must not be a documents folder: Remove would delete its documents, a save rewrite its manifest."""
    for folder in protected:
        if Path(library).resolve() == Path(folder).resolve():
            raise LibraryError(f"the library folder {library} is also the documents folder: choose another library")


def _write_atomically(path: Path, data: bytes) -> None:
    # A unique temporary name per write: two sessions writing at once must not share one.
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False) as partial:
        partial.write(data)
    os.replace(partial.name, path)


def _write_manifest(library: Path, rows: dict[str, dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for name in sorted(rows):
        # A title like "=HYPERLINK(…)" must not run when someone opens the manifest in a spreadsheet.
        writer.writerow({column: protect_cell(rows[name].get(column, "")) for column in MANIFEST_COLUMNS})
    _write_atomically(library / MANIFEST_NAME, buffer.getvalue().encode("utf-8"))


def add_document(
    library: Path, name: str, data: bytes, metadata: dict[str, str], other_folders: Sequence[Path] = ()
) -> str:
    """Store the upload in the library with its metadata; return the file name it is stored under.

    Raises LibraryError for an upload the build could not use (the message is the one shown to the user).
    other_folders (the documents folder the dashboard reads besides the library) count for duplicates and names.
    """
    _refuse_protected(library, [SEEDS_DIR, *other_folders])
    folders = [library, *other_folders]
    problem = metadata_problem(metadata)
    if problem:
        raise LibraryError(problem)
    with _library_locked(library):
        # Names and duplicates are decided under the lock, so two sessions cannot both take one name.
        problem = upload_problem(name, data, content_index(folders))
        if problem:
            raise LibraryError(problem)
        stored = unique_file_name(safe_file_name(name), taken_doc_ids(folders))
        readable = document_from_bytes(stored, data, None)
        if readable.problem:
            raise LibraryError(readable.problem)
        rows = _library_manifest(library)
        _write_atomically(library / stored, data)
        rows[stored] = {column: _clean(metadata.get(column, "")) for column in MANIFEST_COLUMNS} | {"file": stored}
        _write_manifest(library, rows)
    return stored


def remove_document(library: Path, file: str, protected: Sequence[Path] = ()) -> None:
    """Delete the file and its manifest row. Only a plain file name of the library itself can be removed, and
    never from the seeds or the documents folder (`protected`), even when the library is set to one of them."""
    _refuse_protected(library, [SEEDS_DIR, *protected])
    if file != Path(file).name or file in ("", ".", "..", MANIFEST_NAME, ".lock"):
        raise LibraryError(f"not a document of the library: {file!r}")
    if not library.is_dir():
        raise LibraryError(f"{file} is not in the library (already removed?)")
    with _library_locked(library):
        rows = _library_manifest(library)
        path = library / file
        if not path.is_file() and file not in rows:
            raise LibraryError(f"{file} is not in the library (already removed?)")
        path.unlink(missing_ok=True)
        if file in rows:
            del rows[file]
            _write_manifest(library, rows)


def library_documents(library: Path) -> list[dict[str, str]]:
    """The documents in the library with their metadata (file name order): what the page lists."""
    if not library.is_dir():
        return []
    rows, _problems = read_manifest(library, written_by_library=True)
    files = sorted(p.name for p in library.iterdir() if p.is_file() and p.suffix.lower() in READERS)
    return [rows.get(name) or {column: "" for column in MANIFEST_COLUMNS} | {"file": name} for name in files]


def _read_refusals(library: Path) -> list[dict[str, str]]:
    path = library / REFUSALS_NAME
    try:
        content = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return []
    except (OSError, UnicodeDecodeError):
        return []  # a damaged log loses the history of refusals, never the build
    rows = csv.DictReader(io.StringIO(content))
    return [{column: unprotect_cell(row.get(column) or "") for column in REFUSAL_COLUMNS} for row in rows]


def record_refusal(library: Path, name: str, data: bytes, problem: str, when: datetime | None = None) -> None:
    """Log an upload the library refused, with the time and the reason the page showed. The same file refused
    for the same reason is logged once (the page shows the refusal again on every rerun)."""
    name = " ".join(readable_name(name).split())
    digest = sha256_of(data)
    with _library_locked(library):
        rows = _read_refusals(library)
        if any((row["file"], row["sha256"], row["problem"]) == (name, digest, problem) for row in rows):
            return
        stamp = (when or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
        rows.append({"time": stamp, "file": name, "sha256": digest, "problem": problem})
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=REFUSAL_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows[-MAX_REFUSALS:]:
            writer.writerow({column: protect_cell(row[column]) for column in REFUSAL_COLUMNS})
        _write_atomically(library / REFUSALS_NAME, buffer.getvalue().encode("utf-8"))


def refused_uploads(library: Path) -> list[Problem]:
    """The library's refused uploads as build problems ("upload refused on <time>: <why>"), oldest first."""
    return [
        Problem(row["file"], f"upload refused on {row['time']}: {row['problem']}") for row in _read_refusals(library)
    ]
