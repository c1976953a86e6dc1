"""The dashboard's only disk access: build the tables from the documents folder and the library, cached on
their content. Which folders: `streamlit run dashboard.py -- --docs DIR --library DIR`, else the environment
(PLEDGES_DOCS_DIR, PLEDGES_LIBRARY_DIR), else seeds/ and ./library/."""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import threading
from pathlib import Path

import pandas as pd
import streamlit as st

from data_pipeline.corrections import COLUMNS as CORRECTION_COLUMNS
from data_pipeline.corrections import CorrectionStore, database_version, load_corrections
from data_pipeline.paths import cache_dir, corrections_db, documents_dir, library_dir
from data_pipeline.readers import MAX_DOCUMENT_BYTES
from data_pipeline.tables import Tables


def command_line_folders(argv: list[str]) -> dict[str, Path]:
    """The folders given after `--` on the streamlit command line ({'docs': …, 'library': …}, either optional).

    Unknown arguments are ignored: under pytest (AppTest) sys.argv holds pytest's own options.
    """
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    parser.add_argument("--docs", type=Path)
    parser.add_argument("--library", type=Path)
    try:
        known, _unknown = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return {}
    return {name: value for name, value in vars(known).items() if value is not None}


def dashboard_documents_dir() -> Path:
    """The documents folder: --docs, else PLEDGES_DOCS_DIR, else seeds/."""
    return command_line_folders(sys.argv[1:]).get("docs") or documents_dir()


def dashboard_library_dir() -> Path:
    """The library folder uploads go to: --library, else PLEDGES_LIBRARY_DIR, else ./library/."""
    return command_line_folders(sys.argv[1:]).get("library") or library_dir()


def folder_signature(folder: Path) -> str:
    """Cheap description of the folder (each file's relative name, size and mtime, as one digest) used to skip
    re-hashing unchanged files. It runs on every rerun: one stat per file (a 10,000-file folder takes about
    60 ms; pathlib's rglob with two stats per file took 0.4 s, and Streamlit hashing the tuple as a cache key
    another 0.5 s, hence the digest)."""
    if not folder.is_dir():
        return ""
    files: list[tuple[str, int, int]] = []

    def walk(directory: str, prefix: str) -> None:
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):  # a linked folder cannot loop the walk
                    walk(entry.path, f"{prefix}{entry.name}/")
                elif entry.is_file():
                    stat = entry.stat()
                    files.append((prefix + entry.name, stat.st_size, stat.st_mtime_ns))

    walk(str(folder), "")
    return hashlib.sha256(repr(sorted(files)).encode("utf-8")).hexdigest()


@st.cache_data(show_spinner=False, max_entries=8)
def _content_hash(folder: str, signature: str) -> str:
    # Keyed on the signature, so the bytes are read again only when a file's name, size or mtime changed.
    return documents_fingerprint(Path(folder))


def documents_fingerprint(folder: Path) -> str:
    """SHA-256 over every file's relative name and bytes: the cache key of a build."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                # surrogateescape: a file name that is not UTF-8 must not stop the dashboard.
                digest.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape") + b"\0")
                status = path.stat()
                if status.st_size > MAX_DOCUMENT_BYTES:
                    # Never read (the build refuses it): its size and time say whether it changed, without
                    # holding gigabytes in memory on every rerun.
                    digest.update(f"{status.st_size}:{status.st_mtime_ns}".encode())
                else:
                    digest.update(path.read_bytes())
                digest.update(b"\0")
    return digest.hexdigest()


def build_tables(folder: Path, library: Path | None = None, corrections: Path | None = None) -> Tables:
    """Run the pipeline on the folder and the library (imported here, so a broken pipeline shows as an error in
    the app). Each document's extraction is kept in the cache folder, so adding one document re-reads only it.
    Documents are read and extracted in another process (`isolated`): extraction is pure Python, and in a
    thread of the server it would hold the interpreter's lock from every other user's page."""
    from data_pipeline import build

    return build(folder, cache_dir=cache_dir(), library_dir=library, corrections=corrections, isolated=True)


def start_extraction_process() -> None:
    """Have the server's extraction process started and warmed up in the background (the Add documents page
    calls it, so that the first upload does not wait 2-3 s for it)."""
    from data_pipeline.extraction_cache import compile_word_lists
    from data_pipeline.pool import start_extraction_process

    start_extraction_process(compile_word_lists)


# cache_resource, not cache_data: cache_data would hand every rerun a fresh unpickled copy of the build (0.65 s
# for 10,000 documents, on every filter change). Every session shares this one object, so nothing may change
# it (apply_filters and the chart builders make new frames); dashboard_app.memo relies on that too.
@st.cache_resource(show_spinner=False, max_entries=4)  # the entrypoint shows a spinner in its language
def _cached_build(
    folder: str, library: str, fingerprint: str, corrections: str = "", corrections_version: str = ""
) -> Tables:
    # `fingerprint` and `corrections_version` are unused in the body on purpose: they are the cache key that
    # changes with the documents' content and with every saved correction.
    del fingerprint
    return build_tables(Path(folder), Path(library), Path(corrections) if corrections_version else None)


# The builds this server is making (their cache keys, with how many sessions wait for each) and the last tables
# built for each pair of folders: a session that finds the build of new content already started by another
# (the one that added a document or saved a correction) is shown the last tables instead of waiting for it.
_builds_lock = threading.Lock()
_building: dict[tuple[str, ...], int] = {}
_last_built: dict[tuple[str, str], Tables] = {}
_this_run = threading.local()  # a session's script run is one thread: whether it was given the last tables


def load_tables(folder: Path | None = None, library: Path | None = None) -> Tables:
    """The build for the documents folder and the library (see the module docstring). Treat it as read-only.

    While another session's build of new content is running, the tables built before it, at once: one user's
    upload never makes another user's page wait (showing_previous_tables says so, for a note on the page)."""
    folder = Path(folder) if folder is not None else dashboard_documents_dir()
    library = Path(library) if library is not None else dashboard_library_dir()
    fingerprint = "+".join(_content_hash(str(path.resolve()), folder_signature(path)) for path in (folder, library))
    database = corrections_db()
    key = (str(folder.resolve()), str(library.resolve()), fingerprint, str(database), database_version(database))
    with _builds_lock:
        last = _last_built.get(key[:2])
        _this_run.previous = key in _building and last is not None
        if _this_run.previous:
            return last
        _building[key] = _building.get(key, 0) + 1
    try:
        tables = _cached_build(*key)
    finally:
        with _builds_lock:
            _building[key] -= 1
            if not _building[key]:
                del _building[key]
    with _builds_lock:
        _last_built[key[:2]] = tables
    return tables


def showing_previous_tables() -> bool:
    """Whether this script run's load_tables gave the tables built before the build another session is making."""
    return getattr(_this_run, "previous", False)


def corrections_store() -> CorrectionStore:
    """The analysts' corrections database (PLEDGES_CORRECTIONS_DB, else beside the library), created if new."""
    return CorrectionStore(corrections_db())


def saved_corrections() -> pd.DataFrame:
    """Every correction saved so far (none when no database exists yet; reading never creates one)."""
    database = corrections_db()
    return load_corrections(database) if database.is_file() else pd.DataFrame(columns=CORRECTION_COLUMNS)
