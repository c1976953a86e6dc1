"""Read a folder of documents: text, metadata (manifest or the text itself), and a problem per unreadable file."""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import dateparser

from data_pipeline.lexicon import LANGUAGES, raw
from data_pipeline.readers import READERS, UnreadableDocument, size_problem, unsupported_type_problem
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


def _month_pattern(language: str) -> str:
    months = sorted(raw(language)["months"], key=len, reverse=True)
    return "|".join(re.escape(m) for m in months)


def _parse_date_phrase(phrase: str, language: str) -> str | None:
    parsed = dateparser.parse(
        phrase, languages=[language, "en"], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"}
    )
    return parsed.date().isoformat() if parsed else None


def date_phrases(text: str, language: str) -> list[tuple[int, str]]:
    """Full dates written out in the text ('3 December 2025', 'March 1, 2022', '22.05.2024'), with positions."""
    months = _month_pattern(language) + "|" + _month_pattern("en")
    pattern = re.compile(
        rf"\b(\d{{1,2}}\.?\s+(?:{months})\.?\s+\d{{4}}|(?:{months})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})\b",
        re.IGNORECASE,
    )
    found = []
    for match in pattern.finditer(text):
        iso = _parse_date_phrase(match.group(1), language)
        if iso:
            found.append((match.start(), iso))
    return found


def publication_date_from_text(text: str, language: str) -> tuple[str | None, str]:
    """The publication date stated in the text, and how it was found ('text', 'latest_date_in_text', 'unknown')."""
    head = text[:800]
    cues = "|".join(re.escape(c) for c in raw(language)["date_line_cues"] + ["date", "datum"])
    iso = re.search(rf"(?i)\b(?:{cues})\s*:?\s*(\d{{4}}-\d{{2}}(?:-\d{{2}})?)\b", head)
    if iso and normalise_date(iso.group(1)):
        return iso.group(1), "text"
    months = _month_pattern(language) + "|" + _month_pattern("en")
    written = re.search(
        rf"(?i)\b(?:{cues})\s*:?\s*(?:\w+,\s*)?(\d{{1,2}}\.?\s+(?:{months})\.?\s+\d{{4}}|(?:{months})\.?\s+\d{{1,2}},?\s+\d{{4}})",
        head,
    )
    if written:
        parsed = _parse_date_phrase(written.group(1), language)
        if parsed:
            return parsed, "text"
    # A dateline: a weekday and date on the first lines ("maandag, 08 december 2025", "19:32 22.05.2024").
    first_lines = "\n".join(text.strip().splitlines()[:6])[:400]
    dated = date_phrases(first_lines, language)
    if dated:
        return dated[0][1], "text"
    signed = re.search(rf"(?i)\bsigned\b[^.\n]{{0,120}}?\bon\s+(\d{{1,2}}\s+(?:{months})\s+\d{{4}})", text)
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


def read_manifest(folder: Path, written_by_library: bool = False) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """The folder's manifest rows by file name. Only the library's own manifest (`written_by_library`) has cells
    quoted by tables.protect_cell to undo; a user's manifest is read as written ("''Standvastigheid''")."""
    path = folder / MANIFEST_NAME
    if not path.exists():
        return {}, []
    try:
        content = path.read_text(encoding="utf-8-sig")
    except (UnicodeDecodeError, OSError) as error:
        return {}, [Problem(MANIFEST_NAME, f"the manifest could not be read ({error}); metadata comes from the texts")]
    # Rows as lists, not csv.DictReader's dicts: a 10,000-row manifest is read on every rebuild.
    reader = csv.reader(io.StringIO(content))
    header = next(reader, [])
    if "file" not in header:
        return {}, [Problem(MANIFEST_NAME, "the manifest has no 'file' column; metadata comes from the texts")]
    where = [(column, header.index(column)) for column in MANIFEST_COLUMNS if column in header]
    absent = {column: "" for column in MANIFEST_COLUMNS if column not in header}
    file_at = header.index("file")
    rows = {}
    for line in reader:
        name = line[file_at].strip() if file_at < len(line) else ""
        if name:
            row = {column: line[at].strip() if at < len(line) else "" for column, at in where} | absent
            # The library writes its manifest with formula-like cells quoted (tables.protect_cell): undo that.
            rows[name] = {
                column: unprotect_cell(row[column]) if written_by_library else row[column]
                for column in MANIFEST_COLUMNS
            }
    return rows, []


def read_file_bytes(path: str | Path) -> bytes:
    """The file's bytes, or UnreadableDocument when it is too large or cannot be opened (checked before reading)."""
    # os calls on the path as given: Path.stat() then Path.read_bytes() made ten system calls (a stat, then open,
    # two fstats, an ioctl, two seeks, two reads, close); this makes five (open, fstat, two reads, close).
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            size = os.fstat(descriptor).st_size
            problem = size_problem(size)
            if problem:
                raise UnreadableDocument(problem)
            chunks = []
            while chunk := os.read(descriptor, max(size + 1, 65536)):  # until end of file: it may have grown
                chunks.append(chunk)
        finally:
            os.close(descriptor)
    except OSError as error:
        raise UnreadableDocument(f"the file could not be opened ({error.strerror or error})") from error
    return b"".join(chunks)


def document_from_bytes(file_name: str, data: bytes | None, manifest_row: dict[str, str] | None) -> Document:
    """Text and metadata of one file: the manifest row first, else what the text says. `data` None = unreadable."""
    stem, suffix = os.path.splitext(file_name)
    doc = Document(doc_id=stem, file=file_name)
    if data is not None:
        try:
            doc.text = READERS[suffix.lower()](data)
        except UnreadableDocument as error:
            doc.problem = str(error)
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
        manifest, manifest_problems = read_manifest(folder, written_by_library=is_library)
        problems.extend(manifest_problems)
        # scandir's entries know whether they are files without a stat each; names sort faster than Paths.
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if not e.name.startswith(".") and e.is_file())
        for name in names:
            if name == MANIFEST_NAME:
                continue
            stem, suffix = os.path.splitext(name)
            if suffix.lower() not in READERS:
                problems.append(Problem(name, f"not read: {unsupported_type_problem(name)}"))
            elif stem in seen_ids:
                # doc_id is the file name without extension: a second file with that name would be ambiguous.
                problems.append(Problem(name, f"not read: same name as {seen_ids[stem]} (doc_id must be unique)"))
            else:
                seen_ids[stem] = name
                sources.append(SourceFile(folder, name, manifest.get(name)))
        present = set(names)
        for name in sorted(set(manifest) - present):
            problems.append(Problem(name, "listed in the manifest but no such file is in the folder"))
    return sources, problems


def document_problems(doc: Document) -> list[Problem]:
    """The build-report entries of one document: why it failed, and notes about its metadata."""
    return ([Problem(doc.file, doc.problem)] if doc.problem else []) + [Problem(doc.file, n) for n in doc.notes]
