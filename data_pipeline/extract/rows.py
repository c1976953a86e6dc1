"""A document's mentions as rows of the mentions table: ids, EUR amounts, evidence and offsets in the columns of
PLEDGES.md section 2."""

from __future__ import annotations

import re

import pandas as pd

from data_pipeline.extract.document import extract_candidates
from data_pipeline.extract.money import to_eur
from data_pipeline.extract.sentences import split_sentences
from data_pipeline.tables import conform


def one_apostrophe(text: str) -> str:
    """Real pages write the apostrophe as U+2019 ("since Russia’s full-scale invasion"), the word lists as "'".
    str.replace, not str.translate: translate looks every character up in its table (3 % of extraction)."""
    return text.replace("\u2019", "'")


# A date line opening the text ("date 2025-07 Nederland zegt …") gives the publication date (documents.py), not the
# period of the headline's figure.
DATE_MARKER_RE = re.compile(r"(?im)^[ \t]*(?:date|datum)[ \t]*:?[ \t]*\d{4}-\d{2}(?:-\d{2})?(?![\d-])")


def reading_text(text: str) -> str:
    """The text as the rules read it: one apostrophe, date markers blanked. Every character stays where it was
    (one for one), so offsets and evidence come from the text as written."""
    text = one_apostrophe(text)
    return DATE_MARKER_RE.sub(lambda m: " " * len(m.group()), text)


def mention_rows(doc_id: str, text: str, language: str, published: str | None, title: str = "") -> list[dict]:
    reading = reading_text(text)
    candidates = extract_candidates(reading, language, published, one_apostrophe(title))
    # The sentences the rules read (a blanked date line is no sentence of its own): a candidate's sentence index
    # points into these. Offsets are the same in both texts, so the evidence is cut from the text as written.
    sentences = split_sentences(reading)
    pub_year = int(published[:4]) if published else None
    ids = {id(c): f"{doc_id}-{c.start}" for c in candidates}
    rows = []
    for c in candidates:
        sentence = sentences[c.sentence]
        year_start, year_end = c.fields["years"]
        parent = c.fields.get("parent")
        rows.append(
            {
                "mention_id": ids[id(c)],
                "doc_id": doc_id,
                "donor": c.fields["donor"],
                "recipient": c.fields["recipient"],
                "kind": c.kind,
                "amount": c.amount,
                "currency": c.currency,
                "amount_eur": to_eur(c.amount, c.currency, pub_year),
                "quantity": c.quantity,
                "item": c.item,
                "qualifier": c.fields["qualifier"],
                "status": c.fields["status"],
                "scope": c.fields["scope"],
                "part_of": ids.get(id(parent)) if parent is not None and c.fields["scope"] == "part" else None,
                # A yearly rate of a cumulative figure is no running total's business: only commitments are per year.
                "per_year": bool(c.fields.get("per_year")) and c.fields["scope"] != "running_total",
                "category": c.fields["category"],
                "subcategory": c.fields["subcategory"],
                "year_start": year_start,
                "year_end": year_end,
                "evidence": text[sentence.start : sentence.end].strip(),
                "char_start": c.start,
                "char_end": c.end,
            }
        )
    return rows


def extract_mentions(
    text: str, *, doc_id: str = "doc", language: str = "en", published: str | None = None, title: str = ""
) -> pd.DataFrame:
    """The mentions table for one text (the pure core of the pipeline, handy for tests and notebooks)."""
    return conform("mentions", pd.DataFrame(mention_rows(doc_id, text, language, published, title)))
