"""Downloads of the filtered pledges: CSV and XLSX (with a data dictionary), safe to open in a spreadsheet."""

from __future__ import annotations

import io
import re

import pandas as pd

# One rule for every file we write, in the pipeline's tables module; the exports use it too.
from data_pipeline.tables import FORMULA_PREFIXES, csv_text, neutralise_cell, neutralised  # noqa: F401

# Characters an XLSX file cannot hold (XML 1.0 forbids them; openpyxl raises IllegalCharacterError): ESC, NUL,
# vertical tab, form feed and the other C0 controls but tab, line feed and carriage return.
XLSX_ILLEGAL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# One description per pledges column, in the schema's order. tests/test_exports.py checks that the keys
# equal PledgeSchema's columns, so a new pipeline column cannot ship undocumented.
PLEDGE_COLUMN_DESCRIPTIONS: dict[str, str] = {
    "pledge_id": "Stable identifier of the pledge (one commitment, however many sources report it).",
    "donor": "Donor, canonical English short name; a joint pledge lists its donors joined by ';'.",
    "recipient": "Recipient, canonical English short name (Ukraine unless the text says otherwise).",
    "kind": "'money' (an amount with a currency) or 'equipment' (a count of a named item).",
    "amount": "Money: amount in the original currency units, as stated.",
    "currency": "Money: ISO 4217 currency code of the amount as stated.",
    "amount_eur": "Money: amount in EUR at the annual average reference rate of the publication year.",
    "quantity": "Equipment: number of items.",
    "item": "Equipment: normalised item name (e.g. F-16).",
    "qualifier": "exact, at_least ('over'), at_most ('up to', ceiling) or about.",
    "status": "'pledged' (committed, will provide) or 'delivered' (has delivered).",
    "scope": "'package' (counts towards totals) or 'part' (earmarked part of a package, never in totals).",
    "part_of": "For a part: pledge_id of the package it belongs to.",
    "per_year": "True when the amount is a yearly figure ('£3bn a year until 2030'): each year covered gets all of "
    "it, and a total over the years counts it once per year (amount × years).",
    "category": "military, financial, humanitarian, reconstruction, justice or other.",
    "subcategory": "Finer category, e.g. air_defence, ammunition, aircraft; 'general' when not specified.",
    "year_start": "First year the support covers.",
    "year_end": "Last year the support covers.",
    "announced": "Earliest publication date of the documents that report the pledge (ISO, may be partial).",
    "announced_year": "Year of 'announced'.",
    "n_sources": "Number of documents that report the pledge.",
    "sources": "doc_ids of the reporting documents, joined by ';'.",
    "publishers": "Publishers of the reporting documents, joined by ';'.",
    "mention_ids": "Ids of the extracted mentions (places in documents) behind the pledge, joined by ';'.",
    "evidence": "A sentence that states the pledge, as it stands in the source text.",
}

# Columns the dashboard adds to its downloads (not pipeline columns).
EXTRA_COLUMN_DESCRIPTIONS: dict[str, str] = {
    "corrections": "Number of analysts' corrections applied to this pledge's mentions (0 = as extracted).",
}


def data_dictionary(columns: list[str]) -> pd.DataFrame:
    """The second sheet of the workbook: one row per exported column."""
    return pd.DataFrame(
        {
            "column": columns,
            "description": [
                PLEDGE_COLUMN_DESCRIPTIONS.get(column, EXTRA_COLUMN_DESCRIPTIONS.get(column, "")) for column in columns
            ],
        }
    )


def pledges_csv_bytes(pledges: pd.DataFrame) -> bytes:
    """The rows as CSV (UTF-8 with BOM so Excel reads € and accents right)."""
    return csv_text(neutralised(pledges)).encode("utf-8-sig")


def pledges_xlsx_bytes(pledges: pd.DataFrame) -> bytes:
    """The rows as an XLSX workbook: sheet 'pledges' and sheet 'data dictionary' (written with openpyxl)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        # NOTE: openpyxl stores a string starting with '=' as a formula. The characters XLSX cannot hold go first, so
        # that "\x01=HYPERLINK(…)" is neutralised as the "=HYPERLINK(…)" it becomes.
        neutralised(xlsx_safe(pledges)).to_excel(writer, sheet_name="pledges", index=False)
        neutralised(xlsx_safe(data_dictionary(list(pledges.columns)))).to_excel(
            writer, sheet_name="data dictionary", index=False
        )
    return buffer.getvalue()


def xlsx_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells hold no character an XLSX file cannot store (they are dropped: control characters
    carry nothing a reader sees), so that one odd sentence never fails the whole download."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(
                lambda value: XLSX_ILLEGAL_RE.sub("", value) if isinstance(value, str) else value
            )
    return safe
