"""The one orchestrator: documents -> mentions -> pledges, years, running totals, agreements. I/O stays at
the edges: this reads the folder once and returns DataFrames; the CLI and the dashboard decide what to write."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from data_pipeline.agreements import agreement_sightings, reconcile_agreements
from data_pipeline.documents import Document, read_documents
from data_pipeline.extract import mention_rows
from data_pipeline.reconcile import (
    check_reconciliation,
    collect_running_totals,
    reconcile_pledges,
    spread_over_years,
)
from data_pipeline.tables import Problem, Tables, conform


def documents_table(documents: list[Document], mentions: pd.DataFrame) -> pd.DataFrame:
    counts = mentions.groupby("doc_id").size() if len(mentions) else pd.Series(dtype=int)
    rows = [
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
    return conform("documents", pd.DataFrame(rows))


def build(docs_dir: Path) -> Tables:
    """Build every table from the documents in docs_dir. One bad document becomes a problem entry, never a crash."""
    docs_dir = Path(docs_dir)
    if not docs_dir.is_dir():
        raise FileNotFoundError(f"no such folder of documents: {docs_dir}")
    documents, problems = read_documents(docs_dir)
    mention_records: list[dict] = []
    sightings: list[dict] = []
    for doc in documents:
        if not doc.ok:
            continue
        try:
            mention_records.extend(mention_rows(doc.doc_id, doc.text, doc.language, doc.published, doc.title))
            sightings.extend(agreement_sightings(doc))
        except Exception as error:  # noqa: BLE001 - one document must never stop the others
            doc.problem = f"extraction failed: {type(error).__name__}: {error}"
            problems.append(Problem(doc.file, doc.problem))
    mentions = pd.DataFrame(mention_records)
    if not mentions.empty:
        mentions = mentions.sort_values(["doc_id", "char_start"])
    mentions = conform("mentions", mentions)
    documents_frame = documents_table(documents, mentions)
    pledges = reconcile_pledges(mentions, documents_frame)
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
        texts={doc.doc_id: doc.text for doc in documents if doc.ok},
    )
