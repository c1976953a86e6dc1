"""Read a folder of documents: text, metadata (manifest or the text itself), and a problem per unreadable file."""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from data_pipeline import budget
from data_pipeline.budget import BudgetExceeded, document_budget, reading_budget_problem
from data_pipeline.lexicon import LANGUAGES, month_numbers, raw
from data_pipeline.readers import (
    MAX_DOCUMENT_BYTES,
    READERS,
    UnreadableDocument,
    size_problem,
    unexpected_error_reason,
    unsupported_type_problem,
)
from data_pipeline.tables import Problem, unprotect_cell

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ["file", "title", "publisher", "published", "language", "url"]


@dataclass
class Document:
    doc_id: str
    file: str
    text: str = ""
    title: str = ""
    publisher: str = ""
    published: str | None = None
    date_source: str = "unknown"
    language: str = "en"
    url: str = ""
    problem: str = ""
    # The problem comes from this machine or this moment, not from the file (a time budget, a crash, a missing
    # library): its extraction is never cached, and the next build tries the file again.
    problem_is_transient: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def year(self) -> int | None:
        return int(self.published[:4]) if self.published else None


def detect_language(text: str) -> str:
    """The language whose commonest words occur most often (English, Dutch or German)."""
    words = re.findall(r"[a-zäöüßéëï]+", text[:20000].lower())
    counts = {lang: 0 for lang in LANGUAGES}
    for lang in LANGUAGES:
        stop = set(raw(lang)["stopwords"])
        counts[lang] = sum(1 for w in words if w in stop)
    return max(LANGUAGES, key=lambda lang: (counts[lang], lang == "en"))


def normalise_date(value: str) -> str | None:
    """'2024-02-23' / '2024-02' / '2024' as given, or None when it is not such a date."""
    value = value.strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return value


@cache
def _month_numbers(language: str) -> dict[str, int]:
    """The month words of the language and of English, with their number."""
    return {**month_numbers("en"), **month_numbers(language)}


@cache
def _date_patterns(language: str) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """A date written out ('3 December 2025', 'March 1, 2022', '22.05.2024'); one after a date line's cue; one after
    "signed … on"; and a cue before an ISO date. Compiled once per language."""
    months = "|".join(re.escape(m) for m in sorted(_month_numbers(language), key=len, reverse=True))
    day_month_year = rf"\d{{1,2}}\.?\s+(?:{months})\.?\s+\d{{4}}"
    month_day_year = rf"(?:{months})\.?\s+\d{{1,2}},?\s+\d{{4}}"
    cues = "|".join(re.escape(c) for c in raw(language)["date_line_cues"] + ["date", "datum"])
    return (
        re.compile(rf"\b({day_month_year}|{month_day_year}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{cues})\s*:?\s*(?:\w+,\s*)?({day_month_year}|{month_day_year})", re.IGNORECASE),
        re.compile(rf"\bsigned\b[^.\n]{{0,120}}?\bon\s+(\d{{1,2}}\s+(?:{months})\s+\d{{4}})", re.IGNORECASE),
        re.compile(rf"\b(?:{cues})\s*:?\s*(\d{{4}}-\d{{2}}(?:-\d{{2}})?)\b", re.IGNORECASE),
    )


# The three shapes _date_patterns finds: day month year, month day year, day.month.year (day first, as in Dutch,
# German and European English; an American writes 05/06/2024, which is not read).
WRITTEN_DATE_RE = re.compile(
    r"(?P<day>\d{1,2})\.?\s+(?P<month>[^\W\d]+)\.?\s+(?P<year>\d{4})"
    r"|(?P<month_first>[^\W\d]+)\.?\s+(?P<day_second>\d{1,2}),?\s+(?P<year_second>\d{4})"
    r"|(?P<day_numeric>\d{1,2})\.(?P<month_numeric>\d{1,2})\.(?P<year_numeric>\d{4})"
)


def _parse_date_phrase(phrase: str, language: str) -> str | None:
    """The ISO date of a phrase _date_patterns found, from the month table (None for 31 February). dateparser did
    this at 2 ms a phrase, a third of a build of documents without a manifest, and read '05.06.2024' as 6 May."""
    match = WRITTEN_DATE_RE.fullmatch(phrase)
    if match is None:
        return None
    if match["day_numeric"]:
        day, month, year = int(match["day_numeric"]), int(match["month_numeric"]), int(match["year_numeric"])
        if month > 12 >= day:  # "05.13.2024" can only be month first
            day, month = month, day
    else:
        word = (match["month"] or match["month_first"]).lower()
        month = _month_numbers(language).get(word)
        if month is None:
            return None
        day = int(match["day"] or match["day_second"])
        year = int(match["year"] or match["year_second"])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def date_phrases(text: str, language: str) -> list[tuple[int, str]]:
    """Full dates written out in the text ('3 December 2025', 'March 1, 2022', '22.05.2024'), with positions."""
    found = []
    for match in _date_patterns(language)[0].finditer(text):
        iso = _parse_date_phrase(match.group(1), language)
        if iso:
            found.append((match.start(), iso))
    return found


def publication_date_from_text(text: str, language: str) -> tuple[str | None, str]:
    """The publication date stated in the text, and how it was found ('text', 'latest_date_in_text', 'unknown')."""
    _written_date_re, after_cue_re, signed_re, iso_after_cue_re = _date_patterns(language)
    head = text[:800]
    iso = iso_after_cue_re.search(head)
    if iso and normalise_date(iso.group(1)):
        return iso.group(1), "text"
    written = after_cue_re.search(head)
    if written:
        parsed = _parse_date_phrase(written.group(1), language)
        if parsed:
            return parsed, "text"
    # A dateline: a weekday and date on the first lines ("maandag, 08 december 2025", "19:32 22.05.2024").
    first_lines = "\n".join(text.strip().splitlines()[:6])[:400]
    dated = date_phrases(first_lines, language)
    if dated:
        return dated[0][1], "text"
    signed = signed_re.search(text)
    if signed:
        parsed = _parse_date_phrase(signed.group(1), language)
        if parsed:
            return parsed, "text"
    # NOTE: undated web pages (a ministry's overview page) still say "as of 6 February 2023"; the latest
    # date a page mentions is the earliest it can have been published, and we say that is what we used.
    mentioned = [d for _, d in date_phrases(text, language)]
    if mentioned:
        return max(mentioned), "latest_date_in_text"
    return None, "unknown"


def readable_name(name: str) -> str:
    """A file name as text every table and report can hold. Bytes of a name that are not UTF-8 reach Python as
    lone surrogates ('caf\\udce9.txt'), which no UTF-8 file can store: they become U+FFFD ('caf\ufffd.txt')."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:
            return name.encode("utf-8", "replace").decode("utf-8")
    return name


def doc_id_of(file_name: str) -> str:
    """The document's id: its file name without the extension. The pledges table joins doc_ids (and the
    mention_ids made from them) with ';' and splits them again, so a ';' in a name becomes '_'."""
    return os.path.splitext(readable_name(file_name))[0].replace(";", "_")


def _name_note(file_name: str) -> list[str]:
    shown = readable_name(file_name)
    if shown == file_name:
        return []
    return [f"the file name is not valid UTF-8 (shown as {shown!r}); rename the file so that its name reads right"]


def _inside(folder_real: str, target: str) -> bool:
    try:
        return os.path.commonpath([folder_real, target]) == folder_real
    except ValueError:  # Windows: another drive
        return False


def entry_problem(path: str, folder_real: str) -> str:
    """Why the folder entry at `path` is not read as a document ('' when it is a regular file inside the folder
    `folder_real`, a resolved path). A link may point to another file of the folder; one that leaves the folder
    (to /etc/passwd, ../../secret.txt), loops, is broken, or ends at a device, a pipe or a folder is not read."""
    try:
        if os.path.islink(path):
            try:
                target = os.path.realpath(path, strict=True)
            except OSError as error:
                if error.errno == errno.ELOOP:
                    return "not read: a symbolic link that loops (it leads back to itself); remove the link"
                return (
                    "not read: a broken symbolic link (what it points to does not exist); remove it or restore the file"
                )
            if not _inside(folder_real, target):
                return (
                    "not read: a symbolic link to a file outside the documents folder; copy the document into "
                    "the folder instead"
                )
            mode = os.stat(target).st_mode
        else:
            mode = os.lstat(path).st_mode
    except OSError as error:
        return f"not read: the file could not be opened ({error.strerror or error})"
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "not read: a folder (documents in subfolders are not read); move its documents into the folder itself"
    return f"not read: {_kind_of(mode)}, not a regular file"


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


# A manifest is a table of file names and titles: far below this, even for 10,000 documents.
MAX_MANIFEST_BYTES = 20 * 1024 * 1024


def read_manifest(folder: Path, written_by_library: bool = False) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """The folder's manifest rows by file name. Only the library's own manifest (`written_by_library`) has cells
    quoted by tables.protect_cell to undo; a user's manifest is read as written ("''Standvastigheid''"). A row
    the csv module cannot read (a cell over its 131,072-character limit) is left out with a problem; the others
    are read."""
    path = folder / MANIFEST_NAME
    if not os.path.lexists(path):
        return {}, []
    problem = entry_problem(str(path), os.path.realpath(folder))
    if problem:
        return {}, [Problem(MANIFEST_NAME, f"{problem}; metadata comes from the texts")]
    try:
        content = read_file_bytes(path, MAX_MANIFEST_BYTES).decode("utf-8-sig")
    except UnreadableDocument as error:
        return {}, [Problem(MANIFEST_NAME, f"the manifest could not be read ({error}); metadata comes from the texts")]
    except UnicodeDecodeError as error:
        return {}, [
            Problem(
                MANIFEST_NAME,
                f"the manifest is not valid UTF-8 (byte {error.start}); save it as UTF-8; metadata comes from "
                "the texts",
            )
        ]
    # Rows as lists, not csv.DictReader's dicts: a 10,000-row manifest is read on every rebuild.
    reader = csv.reader(io.StringIO(content))
    problems = []
    header = _next_row(reader, problems)
    if header is None or "file" not in header:
        return {}, problems + [
            Problem(MANIFEST_NAME, "the manifest has no 'file' column; metadata comes from the texts")
        ]
    where = [(column, header.index(column)) for column in MANIFEST_COLUMNS if column in header]
    absent = {column: "" for column in MANIFEST_COLUMNS if column not in header}
    file_at = header.index("file")
    rows = {}
    while (line := _next_row(reader, problems)) is not None:
        name = line[file_at].strip() if file_at < len(line) else ""
        if name:
            row = {column: line[at].strip() if at < len(line) else "" for column, at in where} | absent
            # The library writes its manifest with formula-like cells quoted (tables.protect_cell): undo that.
            rows[name] = {
                column: unprotect_cell(row[column]) if written_by_library else row[column]
                for column in MANIFEST_COLUMNS
            }
    return rows, problems


def _next_row(reader, problems: list[Problem]) -> list[str] | None:
    """The reader's next row (None at the end), going past rows it cannot read: each is a problem."""
    while True:
        try:
            return next(reader)
        except StopIteration:
            return None
        except csv.Error as error:
            problems.append(
                Problem(
                    MANIFEST_NAME,
                    f"line {reader.line_num} of the manifest could not be read ({error}); that row is left out and "
                    "its file's metadata comes from its text",
                )
            )


# Opening a named pipe would wait for a writer, and a terminal could become ours: neither is waited for.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def read_file_bytes(path: str | Path, limit: int | None = None) -> bytes:
    """The file's bytes, or UnreadableDocument when it is too large (over `limit`, by default a document's
    limit), not a regular file, or cannot be opened (checked before reading)."""
    # os calls on the path as given: Path.stat() then Path.read_bytes() made ten system calls (a stat, then open,
    # two fstats, an ioctl, two seeks, two reads, close); this makes five (open, fstat, two reads, close).
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
        try:
            status = os.fstat(descriptor)
            if not stat.S_ISREG(status.st_mode):
                raise UnreadableDocument(f"not read: {_kind_of(status.st_mode)}, not a regular file")
            size = status.st_size
            problem = (
                size_problem(size) if limit is None else (f"larger than {limit:,} bytes" if size > limit else None)
            )
            if problem:
                raise UnreadableDocument(problem)
            chunks = []
            read = 0
            while chunk := os.read(descriptor, max(size + 1, 65536)):  # until end of file: it may have grown
                chunks.append(chunk)
                read += len(chunk)
                if read > max(size, limit or MAX_DOCUMENT_BYTES):  # but not without end (a file still written)
                    raise UnreadableDocument(size_problem(read) or "the file grew while it was read; try again")
        finally:
            os.close(descriptor)
    except OSError as error:
        raise UnreadableDocument(f"the file could not be opened ({error.strerror or error})") from error
    return b"".join(chunks)


# Characters that show nothing: zero-width spaces and joiners, the soft hyphen, direction marks and overrides, word
# joiners, a byte order mark inside the text. Inside a figure they split it ("€2\u200bbillion" read as €2), and
# direction overrides make a sentence show other than it reads; the extracted text (offsets, evidence) is without.
INVISIBLE_RE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
# Control characters (a terminal's colour codes, a stray NUL): no reader sees them, and Word and Excel files cannot
# hold them, so a title or sentence carrying one would fail the briefing pack and the XLSX download. A vertical tab or
# form feed (a PDF's page break) separates lines, so it becomes a line break.
CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
LINE_SEPARATOR_RE = re.compile("[\x0b\x0c]")


def visible_text(text: str) -> str:
    """The text without invisible and control characters (page breaks kept as line breaks)."""
    return CONTROL_RE.sub("", LINE_SEPARATOR_RE.sub("\n", INVISIBLE_RE.sub("", text)))


def document_from_bytes(file_name: str, data: bytes | None, manifest_row: dict[str, str] | None) -> Document:
    """Text and metadata of one file: the manifest row first, else what the text says. `data` None = unreadable."""
    suffix = os.path.splitext(file_name)[1]
    doc = Document(doc_id=doc_id_of(file_name), file=readable_name(file_name), notes=_name_note(file_name))
    if data is not None:
        try:
            with document_budget():
                doc.text = visible_text(READERS[suffix.lower()](data))
            if not doc.text.strip():
                doc.problem = "the file holds no visible text (only invisible characters)"
        except UnreadableDocument as error:
            doc.problem = str(error)
        except BudgetExceeded:
            doc.problem = reading_budget_problem(budget.MAX_EXTRACTION_SECONDS or 0)
            doc.problem_is_transient = True
        except Exception as error:  # noqa: BLE001 - no file may stop the build of the others
            doc.problem = f"the file could not be read ({unexpected_error_reason(error)})"
            doc.problem_is_transient = isinstance(error, ImportError)  # reinstalling cures it
    row = manifest_row or {}
    doc.title = row.get("title", "")
    doc.publisher = row.get("publisher", "")
    doc.url = row.get("url", "")
    language = row.get("language", "").lower()[:2]
    doc.language = language if language in LANGUAGES else (detect_language(doc.text) if doc.text else "en")
    published = row.get("published", "")
    if published and normalise_date(published):
        doc.published, doc.date_source = published, "manifest"
    elif published:
        doc.notes.append(f"manifest date {published!r} is not a date (YYYY-MM-DD); the date comes from the text")
    if doc.published is None and doc.text:
        doc.published, doc.date_source = publication_date_from_text(doc.text, doc.language)
    if not doc.title and doc.text:
        first_line = next((line.strip() for line in doc.text.splitlines() if line.strip()), "")
        doc.title = first_line[:120]
    return doc


@dataclass(frozen=True)
class SourceFile:
    """A document file found in a folder, with its manifest row (if the folder's manifest lists it)."""

    folder: Path
    name: str
    manifest_row: dict[str, str] | None

    @property
    def location(self) -> str:
        """The path as a string: a Path per file costs a fifth of a second at 10,000 files, a join does not."""
        return os.path.join(self.folder, self.name)


def find_documents(folders: list[Path], library: Path | None = None) -> tuple[list[SourceFile], list[Problem]]:
    """The document files of the folders (each folder sorted by file name, folders in the order given), and the
    problems met: manifest trouble, unsupported files, a second file whose doc_id is taken. The folder that is
    the `library` has a manifest the library wrote (see read_manifest)."""
    sources: list[SourceFile] = []
    problems: list[Problem] = []
    seen_ids: dict[str, str] = {}
    for folder in folders:
        is_library = library is not None and folder.resolve() == library.resolve()
        folder_real = os.path.realpath(folder)
        manifest, manifest_problems = read_manifest(folder, written_by_library=is_library)
        problems.extend(manifest_problems)
        # scandir's entries know whether they are plain files without a stat each; names sort faster than Paths.
        with os.scandir(folder) as entries:
            found = sorted((e.name, e.is_file(follow_symlinks=False)) for e in entries if not e.name.startswith("."))
        names = [name for name, _plain in found]
        for name, plain in found:
            if name == MANIFEST_NAME:
                continue
            shown = readable_name(name)
            # Anything but a plain file (a link, a folder, a device) is looked at closely: only regular files
            # inside the folder are read.
            problem = "" if plain else entry_problem(os.path.join(folder, name), folder_real)
            doc_id = doc_id_of(name)
            if problem:
                problems.append(Problem(shown, problem))
            elif os.path.splitext(name)[1].lower() not in READERS:
                problems.append(Problem(shown, f"not read: {unsupported_type_problem(shown)}"))
            elif doc_id in seen_ids:
                # doc_id is the file name without extension: a second file with that name would be ambiguous.
                problems.append(Problem(shown, f"not read: same name as {seen_ids[doc_id]} (doc_id must be unique)"))
            else:
                seen_ids[doc_id] = shown
                sources.append(SourceFile(folder, name, manifest.get(shown)))
        present = {readable_name(name) for name in names}
        for name in sorted(set(manifest) - present):
            problems.append(Problem(name, "listed in the manifest but no such file is in the folder"))
    return sources, problems


def document_problems(doc: Document) -> list[Problem]:
    """The build-report entries of one document: why it failed, and notes about its metadata."""
    return ([Problem(doc.file, doc.problem)] if doc.problem else []) + [Problem(doc.file, n) for n in doc.notes]
