"""What the "Add documents" page shows: the library listing, the message after a save, plain-text messages."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard_app.i18n import gettext as _
from dashboard_app.i18n import ngettext
from dashboard_app.loader import folder_signature
from data_pipeline.extraction_cache import read_upload_elsewhere
from data_pipeline.library import (
    LibraryError,
    Prefill,
    add_document,
    content_index,
    library_documents,
    metadata_problem,
    prefill,
    record_refusal,
    remove_document,
    sha256_of,
)
from data_pipeline.tables import Tables

LISTING_COLUMNS = ["file", "title", "publisher", "published", "language", "figures", "pledges", "status", "problem"]


def pledges_from(tables: Tables, doc_id: str) -> int:
    """How many pledges the document is a source of."""
    if tables.pledges.empty:
        return 0
    return int(tables.pledges["sources"].str.split(";").apply(lambda sources: doc_id in sources).sum())


def document_outcome(tables: Tables, file: str) -> str:
    """'3 figures, 2 pledges' for a document of the build; '0 pledges' is a result, not an error."""
    documents = tables.documents.set_index("file")
    if file not in documents.index:
        return _("not in the tables yet")
    row = documents.loc[file]
    if row["status"] != "ok":
        return _("could not be read: {problem}").format(problem=row["problem"])
    figures, pledges = int(row["n_mentions"]), pledges_from(tables, row["doc_id"])
    if figures == 0:
        return _("0 pledges (no quantified support found in it)")
    return (
        ngettext("{count} figure", "{count} figures", figures).format(count=figures)
        + ", "
        + ngettext("{count} pledge", "{count} pledges", pledges).format(count=pledges)
    )


def library_listing(library: Path, tables: Tables) -> pd.DataFrame:
    """One row per library document: its metadata and what the build made of it."""
    documents = tables.documents.set_index("file")
    rows = []
    for entry in library_documents(library):
        found = entry["file"] in documents.index
        row = documents.loc[entry["file"]] if found else None
        rows.append(
            {
                **{column: entry.get(column, "") for column in ("file", "title", "publisher", "published", "language")},
                "figures": int(row["n_mentions"]) if found else 0,
                "pledges": pledges_from(tables, row["doc_id"]) if found else 0,
                "status": row["status"] if found else "not read",
                "problem": row["problem"]
                if found
                else "; ".join(p.problem for p in tables.problems if p.file == entry["file"]),
            }
        )
    return pd.DataFrame(rows, columns=LISTING_COLUMNS)


@st.cache_data(show_spinner=False, max_entries=8)
def _content_index(folders: tuple[str, ...], signatures: tuple[str, ...]) -> dict[str, str]:
    del signatures  # the cache key: a file's name, size or mtime changed
    return content_index([Path(folder) for folder in folders])


def known_content(folders: list[Path]) -> dict[str, str]:
    """sha256 -> file name of every document already there, hashed again only when a folder changed."""
    return _content_index(tuple(str(f) for f in folders), tuple(folder_signature(f) for f in folders))


@st.cache_data(show_spinner=False, max_entries=32)  # the page shows its own spinner, in its language
def cached_prefill(name: str, data: bytes, known_content: dict[str, str]) -> Prefill:
    # Each rerun of the page would otherwise parse every uploaded PDF again.
    return prefill(name, data, known_content, read=read_upload_elsewhere)


# Button callbacks: they run before the next script run (through the entrypoint, whose loader then sees the
# changed library) and leave their outcome in session state for the page to show.
def save_upload(library: Path, documents_folder: Path, name: str, data: bytes, form_key: str) -> None:
    metadata = {
        column: str(st.session_state.get(f"{form_key}_{column}") or "")
        for column in ("title", "publisher", "published", "language", "url")
    }
    digest = sha256_of(data)
    try:
        stored = add_document(library, name, data, metadata, [documents_folder])
    except LibraryError as error:
        st.session_state.setdefault("add_documents_failed", {})[digest] = str(error)
        if not metadata_problem(metadata):  # the file was refused, not what was typed about it
            note_refusal(library, name, data, str(error))
    else:
        st.session_state.setdefault("add_documents_failed", {}).pop(digest, None)
        st.session_state.setdefault("add_documents_saved", {})[digest] = stored


def note_refusal(library: Path, name: str, data: bytes, problem: str) -> None:
    """Keep a refused upload in the library's log, which the build lists under the Documents page's problems (so
    it outlives a reload). A library that cannot be written only loses the log entry, never the page."""
    with contextlib.suppress(OSError):
        record_refusal(library, name, data, problem)


def remove_from_library(library: Path, documents_folder: Path, file: str) -> None:
    try:
        remove_document(library, file, protected=[documents_folder])
    except LibraryError as error:
        st.session_state["add_documents_remove_errors"] = [str(error)]
        return
    saved = st.session_state.get("add_documents_saved", {})
    st.session_state["add_documents_saved"] = {digest: name for digest, name in saved.items() if name != file}
    st.session_state["add_documents_messages"] = [_("Removed {file} from the library.").format(file=file)]
