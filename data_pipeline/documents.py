"""Read a folder of documents: text, metadata (manifest or the text itself), and a problem per unreadable file."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import dateparser

from data_pipeline.lexicon import LANGUAGES, raw
from data_pipeline.tables import Problem

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ["file", "title", "publisher", "published", "language", "url"]
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


class UnreadableDocument(Exception):
    """A file that cannot be turned into text; the message says why, in words a user understands."""


def read_plain_text(path: Path) -> str:
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableDocument("the file is empty")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise UnreadableDocument(f"the file is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB")
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


# Readers by file extension: a new format is one more entry here.
READERS: dict[str, Callable[[Path], str]] = {".txt": read_plain_text, ".md": read_plain_text}


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


def read_manifest(folder: Path) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    path = folder / MANIFEST_NAME
    if not path.exists():
        return {}, []
    try:
        content = path.read_text(encoding="utf-8-sig")
    except (UnicodeDecodeError, OSError) as error:
        return {}, [Problem(MANIFEST_NAME, f"the manifest could not be read ({error}); metadata comes from the texts")]
    reader = csv.DictReader(io.StringIO(content))
    missing = [c for c in ("file",) if c not in (reader.fieldnames or [])]
    if missing:
        return {}, [Problem(MANIFEST_NAME, "the manifest has no 'file' column; metadata comes from the texts")]
    rows = {}
    for row in reader:
        name = (row.get("file") or "").strip()
        if name:
            rows[name] = {k: (row.get(k) or "").strip() for k in MANIFEST_COLUMNS}
    return rows, []


def read_document(path: Path, manifest_row: dict[str, str] | None) -> Document:
    doc = Document(doc_id=path.stem, file=path.name)
    try:
        doc.text = READERS[path.suffix.lower()](path)
    except UnreadableDocument as error:
        doc.problem = str(error)
    except OSError as error:
        doc.problem = f"the file could not be opened ({error.strerror or error})"
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


def read_documents(folder: Path) -> tuple[list[Document], list[Problem]]:
    """Every readable-or-not document of the folder (sorted by file name), and the problems met."""
    manifest, problems = read_manifest(folder)
    paths = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in READERS)
    seen_ids: dict[str, str] = {}
    for path in list(paths):
        if path.stem in seen_ids:
            # doc_id is the file name without extension: a second file with that name would be ambiguous.
            problems.append(Problem(path.name, f"not read: same name as {seen_ids[path.stem]} (doc_id must be unique)"))
            paths.remove(path)
        else:
            seen_ids[path.stem] = path.name
    documents = [read_document(path, manifest.get(path.name)) for path in paths]
    for doc in documents:
        if doc.problem:
            problems.append(Problem(doc.file, doc.problem))
        problems.extend(Problem(doc.file, note) for note in doc.notes)
    present = {p.name for p in paths}
    for name in sorted(set(manifest) - present):
        problems.append(Problem(name, "listed in the manifest but no such file is in the folder"))
    skipped = sorted(
        p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() not in READERS and p.name != MANIFEST_NAME
    )
    for name in skipped:
        problems.append(Problem(name, "not read: only .txt and .md documents are supported so far"))
    return documents, problems
