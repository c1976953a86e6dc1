"""The one orchestrator: documents -> mentions -> pledges, years, running totals, agreements. I/O stays at
the edges: this reads the folder once and returns DataFrames; the CLI and the dashboard decide what to write."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from data_pipeline.agreements import reconcile_agreements
from data_pipeline.corrections import apply_corrections, load_corrections
from data_pipeline.documents import Document, find_documents
from data_pipeline.extraction_cache import (
    extract_documents,
    forget_files_and_shards,
    load_reconciled_groups,
    store_reconciled_groups,
)
from data_pipeline.library import refused_uploads
from data_pipeline.reconcile import (
    check_reconciliation,
    collect_running_totals,
    forget_previous_groups,
    reconcile_pledges,
    remember_groups,
    remembered_groups,
    spread_over_years,
)
from data_pipeline.tables import Tables, conform


def _document_rows(documents: list[Document], counts: dict[str, int]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "doc_id": doc.doc_id,
                "file": doc.file,
                "title": doc.title,
                "publisher": doc.publisher,
                "published": doc.published,
                "date_source": doc.date_source,
                "language": doc.language,
                "url": doc.url,
                "n_chars": len(doc.text),
                "n_mentions": int(counts.get(doc.doc_id, 0)),
                "status": "ok" if doc.ok else "failed",
                "problem": doc.problem,
            }
            for doc in documents
        ]
    )


# This process's last documents table and the Document objects it was made from (the cache hands back the same
# objects for unchanged files). One tuple, replaced whole, as _previous_mentions below.
_previous_documents: tuple[list[Document], pd.DataFrame] | None = None


def documents_table(documents: list[Document], mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per document, in the order given. Rows of documents the last build also had are taken from its
    table (10,000 rows from dicts cost a tenth of a second); only the mention counts are counted again."""
    global _previous_documents
    # A plain dict: Series.get per document costs a fifth of a second at 10,000 documents.
    counts = mentions.groupby("doc_id").size().to_dict() if len(mentions) else {}
    frame = None
    previous = _previous_documents
    if previous is not None and documents and not previous[1].empty:
        earlier_documents, earlier = previous
        position = {id(doc): index for index, doc in enumerate(earlier_documents)}
        new_documents = [doc for doc in documents if id(doc) not in position]
        if len(new_documents) < len(documents):
            added = conform("documents", _document_rows(new_documents, counts)) if new_documents else earlier
            earlier, added = _same_dtypes(earlier, added)
            if added is not None:
                combined = pd.concat([earlier, added], ignore_index=True) if new_documents else earlier
                next_new = iter(range(len(earlier_documents), len(earlier_documents) + len(new_documents)))
                order = [position[id(doc)] if id(doc) in position else next(next_new) for doc in documents]
                frame = combined.take(order).assign(n_mentions=[int(counts.get(doc.doc_id, 0)) for doc in documents])
    if frame is None:
        frame = _document_rows(documents, counts)
    frame = conform("documents", frame)
    _previous_documents = (list(documents), frame)
    return frame.copy(deep=False)


# This process's last mentions table and the per-document record lists it was made from (held, so that their ids
# stay theirs). One tuple, replaced whole: sessions of a server may build at the same time.
_previous_mentions: tuple[list[list[dict]], pd.DataFrame] | None = None


def mentions_table(records_per_document: list[list[dict]]) -> pd.DataFrame:
    """The mentions table, sorted by document and position. When the documents of the last build are all still
    there, unchanged (the cache hands back the same record lists), only the new documents' rows are made into a
    frame: building 50,000 rows from dicts takes a fifth of a second."""
    global _previous_mentions
    lists = [records for records in records_per_document if records]
    previous = _previous_mentions
    frame = None
    if previous is not None and not previous[1].empty:  # an empty table has the schema's dtypes, not inferred ones
        previous_lists, previous_frame = previous
        known = {id(records) for records in previous_lists}
        if known <= {id(records) for records in lists}:
            new_rows = [row for records in lists if id(records) not in known for row in records]
            earlier, added = _same_dtypes(previous_frame, conform("mentions", pd.DataFrame(new_rows)))
            if added is not None:
                frame = pd.concat([earlier, added], ignore_index=True) if new_rows else earlier
    if frame is None:
        frame = pd.DataFrame([row for records in lists for row in records])
    if not frame.empty:
        frame = frame.sort_values(["doc_id", "char_start"])  # stable: a document's rows keep their order
    frame = conform("mentions", frame)
    _previous_mentions = (lists, frame)
    # A new frame object on the same data: with copy-on-write a caller that changes it copies, the memo stays.
    return frame.copy(deep=False)


def _same_dtypes(earlier: pd.DataFrame, added: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The two frames with the dtypes one frame of all their rows would have, or None for `added` when that is
    not clear. A text column that is empty on one side (say, no equipment among the new rows: "item" is all None)
    takes the other side's dtype, as pandas infers it from the values that are there."""
    for name in added.columns:
        if added[name].dtype == earlier[name].dtype:
            continue
        if added[name].isna().all() and earlier[name].isna().all():
            return earlier, None  # all missing on both sides: what one frame would infer is not either's dtype
        if added[name].isna().all():
            added = added.astype({name: earlier[name].dtype})
        elif earlier[name].isna().all():
            earlier = earlier.astype({name: added[name].dtype})
        else:
            return earlier, None
    return earlier, added


def forget_previous_builds() -> None:
    """Make the next build in this process start from nothing but the cache folder: what a fresh process sees."""
    forget_files_and_shards()
    forget_previous_groups()
    global _previous_mentions, _previous_documents
    _previous_mentions = _previous_documents = None


@contextmanager
def cyclic_collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the duration. A build makes millions of objects that live
    until it ends (documents, mention rows, clusters) and almost no reference cycles (a few hundred objects at
    10,000 documents); the collector's passes over them took about 3 % of the build. Reference counting still
    frees everything else. Not paused again when someone else paused it, and only resumed if it ran before:
    two builds in one server process may overlap, and the one that ends first resumes it early (only slower)."""
    was_running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_running:
            gc.enable()


def build(
    docs_dir: Path,
    cache_dir: Path | None = None,
    library_dir: Path | None = None,
    corrections: Path | pd.DataFrame | None = None,
    jobs: int | None = None,
    isolated: bool = False,
) -> Tables:
    """Build every table from the documents in docs_dir (and the library folder, when given and present).
    One bad document becomes a problem entry, never a crash. With a cache_dir, each document is read and
    extracted only when its bytes, metadata or the pipeline code changed since a build that used that cache.
    `corrections` (a corrections database file, or its rows) are applied to the extracted mentions before
    reconciliation, so cached extraction and corrections compose. Many documents to extract are extracted in a
    pool of worker processes, one per free CPU (data_pipeline.pool): `jobs` (else PLEDGES_JOBS) limits them, 1 is
    none; the tables are the same. `isolated` (the dashboard's server): no document is read or extracted in this
    process, whose threads must keep answering; the few a pool would not take go to one extraction process kept
    for the process's lifetime (data_pipeline.pool.extract_elsewhere)."""
    with cyclic_collector_paused():
        return _build(docs_dir, cache_dir, library_dir, corrections, jobs, isolated)


def _build(
    docs_dir: Path,
    cache_dir: Path | None,
    library_dir: Path | None,
    corrections: Path | pd.DataFrame | None,
    jobs: int | None = None,
    isolated: bool = False,
) -> Tables:
    docs_dir = Path(docs_dir)
    library = Path(library_dir) if library_dir is not None and Path(library_dir).is_dir() else None
    if not docs_dir.is_dir() and library is None:
        raise FileNotFoundError(f"no such folder of documents: {docs_dir}")
    # A missing documents folder with a library still builds from the library: the user can add documents.
    folders = [docs_dir] if docs_dir.is_dir() else []
    if library is not None and (not docs_dir.is_dir() or library.resolve() != docs_dir.resolve()):
        folders.append(library)
    sources, problems = find_documents(folders, library=library)
    if library is not None:  # uploads the library refused: the page showed them once, the report keeps them
        problems = problems + refused_uploads(library)
    documents, records_per_document, sightings, document_problems = extract_documents(
        sources, cache_dir, jobs, isolated
    )
    problems = problems + document_problems
    mentions = mentions_table(records_per_document)
    texts = {doc.doc_id: doc.text for doc in documents if doc.ok}
    if corrections is not None and not isinstance(corrections, pd.DataFrame):
        corrections = load_corrections(corrections)
    corrected = apply_corrections(mentions, corrections, texts, {doc.doc_id: doc.published for doc in documents})
    mentions = corrected.mentions
    documents_frame = documents_table(documents, mentions)
    if cache_dir is not None and not remembered_groups() and not corrected.links:
        # A new process: the groups of the cache's last build (analysts' links cluster everything together).
        remember_groups(load_reconciled_groups(cache_dir))
    pledges = reconcile_pledges(mentions, documents_frame, corrected.links)
    if cache_dir is not None:
        store_reconciled_groups(cache_dir, remembered_groups())
    pledge_years = spread_over_years(pledges)
    running_totals = collect_running_totals(mentions, documents_frame)
    check_reconciliation(mentions, pledges, pledge_years, running_totals)
    return Tables(
        documents=documents_frame,
        mentions=mentions,
        pledges=pledges,
        pledge_years=pledge_years,
        running_totals=running_totals,
        agreements=reconcile_agreements(sightings),
        problems=problems,
        texts=texts,
        corrections=corrected.report,
    )
