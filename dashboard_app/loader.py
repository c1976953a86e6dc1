"""The dashboard's only disk access: build the tables from the documents folder, cached on its content."""

from __future__ import annotations

import hashlib
from pathlib import Path

import streamlit as st

from data_pipeline.paths import documents_dir
from data_pipeline.tables import Tables


def folder_signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Cheap description of the folder (name, size, mtime) used to skip re-hashing unchanged files."""
    if not folder.is_dir():
        return ()
    return tuple(
        (str(path.relative_to(folder)), path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    )


@st.cache_data(show_spinner=False, max_entries=8)
def _content_hash(folder: str, signature: tuple[tuple[str, int, int], ...]) -> str:
    # Keyed on the signature, so the bytes are read again only when a file's name, size or mtime changed.
    return documents_fingerprint(Path(folder))


def documents_fingerprint(folder: Path) -> str:
    """SHA-256 over every file's relative name and bytes: the cache key of a build."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(folder)).encode("utf-8") + b"\0")
                digest.update(path.read_bytes())
                digest.update(b"\0")
    return digest.hexdigest()


def build_tables(folder: Path) -> Tables:
    """Run the pipeline on the folder (imported here, so a broken pipeline shows as an error in the app)."""
    from data_pipeline import build

    return build(folder)


@st.cache_data(show_spinner="Reading the documents…", max_entries=4)
def _cached_build(folder: str, fingerprint: str) -> Tables:
    # `fingerprint` is unused in the body on purpose: it is the cache key that changes with the content.
    del fingerprint
    return build_tables(Path(folder))


def load_tables(folder: Path | None = None) -> Tables:
    """The build for the documents folder (seeds by default). Treat the result as read-only."""
    folder = Path(folder) if folder is not None else documents_dir()
    fingerprint = _content_hash(str(folder.resolve()), folder_signature(folder))
    return _cached_build(str(folder.resolve()), fingerprint)
