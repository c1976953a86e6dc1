"""Document text with each extracted figure marked, as plain text (never HTML), and a pledge's mentions."""

from __future__ import annotations

import pandas as pd

from dashboard_app.filters import is_in, split_list
from data_pipeline.tables import Tables

# Brackets that do not occur in the sources, so a reader sees at once where a figure starts and ends.
MARK_OPEN = "⟦"
MARK_CLOSE = "⟧"


def marked_text(text: str, mentions: pd.DataFrame) -> str:
    """The text with every mention's figure wrapped as ⟦figure⟧[n], n = its row number in `mentions` + 1.

    Offsets outside the text are ignored, and a span overlapping an earlier one is skipped, so a faulty
    extraction can never garble or hide the text. The result is meant for a plain-text element: anything in
    the document, `<script>` included, stays characters on screen.
    """
    spans = []
    for number, (start, end) in enumerate(zip(mentions["char_start"], mentions["char_end"], strict=True), start=1):
        start, end = int(start), int(end)
        if 0 <= start < end <= len(text):
            spans.append((start, end, number))
    pieces, position = [], 0
    for start, end, number in sorted(spans):
        if start < position:
            continue
        pieces += [text[position:start], MARK_OPEN, text[start:end], MARK_CLOSE, f"[{number}]"]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def document_mentions(tables: Tables, doc_id: str) -> pd.DataFrame:
    """The mentions extracted from one document, in text order, numbered as `marked_text` numbers them."""
    mentions = tables.mentions[tables.mentions["doc_id"] == doc_id].sort_values("char_start")
    mentions = mentions.reset_index(drop=True)
    columns = ["mention_id", "kind", "amount", "currency", "amount_eur", "quantity", "item", "qualifier"]
    columns += [
        "status",
        "scope",
        "category",
        "subcategory",
        "year_start",
        "year_end",
        "char_start",
        "char_end",
    ]
    columns += ["evidence"]
    table = mentions[columns].copy()
    table.insert(0, "number", range(1, len(table) + 1))
    return table


def pledge_mentions(tables: Tables, pledge_id: str) -> pd.DataFrame:
    """Every mention behind one pledge with its evidence sentence and the document it comes from."""
    found = tables.pledges[tables.pledges["pledge_id"] == pledge_id]
    if found.empty:
        return pd.DataFrame()
    mention_ids = split_list(found.iloc[0]["mention_ids"])
    mentions = tables.mentions[is_in(tables.mentions["mention_id"], mention_ids)]
    # Only the documents these mentions come from take part in the join (10,000 rows would, for a few).
    documents = tables.documents[["doc_id", "title", "publisher", "published", "url"]]
    documents = documents[is_in(documents["doc_id"], mentions["doc_id"])]
    joined = mentions.merge(documents, on="doc_id", how="left", validate="many_to_one")
    columns = ["mention_id", "doc_id", "publisher", "published", "title", "evidence", "amount", "currency"]
    columns += ["quantity", "item", "qualifier", "status", "year_start", "year_end", "url"]
    return joined[columns].sort_values(["published", "doc_id"], na_position="last").reset_index(drop=True)


def document_problems(tables: Tables) -> pd.DataFrame:
    """Every build problem: failed documents and the build's problem list, one row each, deduplicated."""
    failed = tables.documents[(tables.documents["status"] != "ok") | (tables.documents["problem"] != "")]
    rows = [{"file": file, "problem": problem} for file, problem in zip(failed["file"], failed["problem"], strict=True)]
    rows += [problem.as_dict() for problem in tables.problems]
    if not rows:
        return pd.DataFrame(columns=["file", "problem"])
    return pd.DataFrame(rows).drop_duplicates().reset_index(drop=True)
