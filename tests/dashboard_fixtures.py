"""A small hand-made build that follows the table schemas, for dashboard tests independent of extraction.

It mirrors the seeds (Netherlands, 2024–2026, the F-16s, one running total, three agreements) and adds what
the seeds lack: a second donor with a delivered pledge, an earmarked part, a second running-total date, a
document containing `<script>`, and evidence that starts with a spreadsheet formula character.
"""

from __future__ import annotations

import pandas as pd

from data_pipeline.tables import Problem, Tables, conform, empty_table

SCRIPT_DOCUMENT_TEXT = (
    "Berlin, 2023-11-10. <script>alert('x')</script> Germany has delivered €1.5 billion in air defence. "
    "**Not bold** and $x$ stay as typed."
)

TEXTS = {
    "000_nltimes": (
        "The Netherlands will give over 2 billion euros in military support in 2024. "
        "So far the Netherlands has delivered at least €2.6 billion in military aid."
    ),
    "001_kyiv": (
        "Rutte confirmed €2 billion for 2024, 24 F-16 jets and €100 million for the Czech-led ammunition initiative."
    ),
    "002_euromaidan": "Netherlands, Belgium and Ukraine signed a joint declaration.",
    "003_minbuza": (
        "Het kabinet trekt €4 miljard extra uit voor 2024-2026, waarvan €700 miljoen voor drones. "
        "De 24 F-16's worden geleverd. Plafond van €25 miljoen en €120 miljoen exportkredietverzekering. "
        "Tot nu toe is €3 miljard geleverd."
    ),
    "004_ukgov": "Joint Statement on the United Kingdom-Netherlands Bilateral Security Partnership.",
    "005_gazette": SCRIPT_DOCUMENT_TEXT,
}

# Only in fixture_tables(extended=True): a per-year pledge and cumulative equipment counts.
EXTENDED_TEXTS = {
    "007_stockholm": "Sweden will give Ukraine €1 billion a year in military support until 2027.",
    "008_defensie": (
        "Since the invasion the Netherlands has donated 196 armoured vehicles to Ukraine. "
        "In all, 18 howitzers have been delivered so far."
    ),
}

DOCUMENTS = [
    # doc_id, publisher, published, language, title
    ("000_nltimes", "NL Times", "2024-02-23", "en", "Netherlands to sign ten-year security agreement"),
    ("001_kyiv", "The Kyiv Independent", "2024-03-01", "en", "Rutte signs agreement in Kharkiv"),
    (
        "002_euromaidan",
        "Euromaidan Press",
        "2023-05-04",
        "en",
        "Netherlands, Belgium, and Ukraine join forces",
    ),
    ("003_minbuza", "Ministerie van Buitenlandse Zaken", "2024-06-28", "nl", "Kabinetsreactie op advies AIV"),
    ("004_ukgov", "UK Government", "2025-12-03", "en", "Joint Statement UK-Netherlands"),
    ("005_gazette", "Test Gazette", "2023-11", "en", "<b>Germany</b> delivers air defence"),
]
EXTENDED_DOCUMENTS = [
    ("007_stockholm", "Stockholm Wire", "2025-01-15", "en", "Sweden to give €1bn a year"),
    ("008_defensie", "Defensie", "2025-02-10", "en", "Dutch armoured vehicles for Ukraine"),
]

# pledge_id, donor, kind, amount_eur, quantity, item, qualifier, status, scope, part_of, category,
# subcategory, year_start, year_end, mentions as (doc_id, figure text)
PLEDGES = [
    ("P1", "Netherlands", "money", 2e9, None, None, "at_least", "pledged", "package", None, "military",
     "general", 2024, 2024, [("000_nltimes", "2 billion euros"), ("001_kyiv", "€2 billion")]),
    ("P2", "Netherlands", "money", 4e9, None, None, "exact", "pledged", "package", None, "military",
     "general", 2024, 2026, [("003_minbuza", "€4 miljard")]),
    ("P3", "Netherlands", "equipment", None, 24, "F-16", "exact", "pledged", "package", None, "military",
     "aircraft", 2024, 2024, [("001_kyiv", "24 F-16"), ("003_minbuza", "24 F-16")]),
    ("P4", "Netherlands", "money", 1e8, None, None, "exact", "pledged", "package", None, "military",
     "ammunition", 2024, 2024, [("001_kyiv", "€100 million")]),
    ("P5", "Netherlands", "money", 2.5e7, None, None, "at_most", "pledged", "package", None, "reconstruction",
     "general", 2024, 2024, [("003_minbuza", "€25 miljoen")]),
    ("P6", "Netherlands", "money", 1.2e8, None, None, "at_most", "pledged", "package", None, "reconstruction",
     "general", 2024, 2024, [("003_minbuza", "€120 miljoen")]),
    ("P7", "Germany", "money", 1.5e9, None, None, "exact", "delivered", "package", None, "military",
     "air_defence", 2023, 2023, [("005_gazette", "€1.5 billion")]),
    ("P8", "Netherlands", "money", 7e8, None, None, "exact", "pledged", "part", "P2", "military", "drones",
     2024, 2026, [("003_minbuza", "€700 miljoen")]),
]  # fmt: skip

# Only in fixture_tables(extended=True): €1bn a year for 2025-2027 (per_year: €3bn in all).
PER_YEAR_PLEDGES = [
    ("P9", "Sweden", "money", 1e9, None, None, "exact", "pledged", "package", None, "military",
     "general", 2025, 2027, [("007_stockholm", "€1 billion")]),
]  # fmt: skip

# Evidence that a spreadsheet would run as a formula if it were written out untouched.
FORMULA_EVIDENCE = {"P7": '=HYPERLINK("http://example.org","click") Germany has delivered €1.5 billion.'}

RUNNING_TOTALS = [
    # running_total_id, as_of, amount_eur, doc_id, figure
    ("R1", "2024-02-23", 2.6e9, "000_nltimes", "€2.6 billion"),
    ("R2", "2024-06-28", 3.0e9, "003_minbuza", "€3 miljard"),
]
# Only in fixture_tables(extended=True): running totals of equipment (counts to date, never added to pledges).
EQUIPMENT_RUNNING_TOTALS = [
    # running_total_id, as_of, quantity, item, doc_id, figure
    ("R3", "2025-02-10", 196, "armoured vehicle", "008_defensie", "196 armoured vehicles"),
    ("R4", "2025-02-10", 18, "howitzer", "008_defensie", "18 howitzers"),
]

AGREEMENTS = [
    ("A1", "Netherlands;Ukraine", "agreement", "2024-02-23", "2024-03-01", 10, "security;air defence",
     "000_nltimes;001_kyiv", "The Netherlands will sign a ten-year security agreement."),
    ("A2", "Belgium;Netherlands;Ukraine", "declaration", "2023-05-04", None, None, "NATO membership",
     "002_euromaidan", "Netherlands, Belgium and Ukraine signed a joint declaration."),
    ("A3", "Netherlands;United Kingdom", "statement", "2025-12-03", "2025-12-03", None, "defence industry",
     "004_ukgov", "Joint Statement on the United Kingdom-Netherlands Bilateral Security Partnership."),
]  # fmt: skip


def _sentence_around(text: str, start: int) -> str:
    sentence_start = text.rfind(". ", 0, start)
    sentence_end = text.find(". ", start)
    return text[sentence_start + 2 if sentence_start >= 0 else 0 : sentence_end + 1 if sentence_end >= 0 else None]


def _mention(mention_id: str, doc_id: str, figure: str, **fields) -> dict:
    text = {**TEXTS, **EXTENDED_TEXTS}[doc_id]
    start = text.index(figure)
    return {
        "mention_id": mention_id,
        "doc_id": doc_id,
        "evidence": _sentence_around(text, start),
        "char_start": start,
        "char_end": start + len(figure),
        **fields,
    }


def fixture_tables(extended: bool = False) -> Tables:
    """The hand-made build, validated by the pipeline's own schemas. `extended` adds a per-year pledge (P9) and two
    running totals of equipment (R3, R4)."""
    documents_list = DOCUMENTS + (EXTENDED_DOCUMENTS if extended else [])
    texts = {**TEXTS, **(EXTENDED_TEXTS if extended else {})}
    publisher_of = {doc_id: publisher for doc_id, publisher, *_ in documents_list}
    published_of = {doc_id: published for doc_id, _, published, *_ in documents_list}
    documents = pd.DataFrame(
        [
            {
                "doc_id": doc_id,
                "file": f"{doc_id}.txt",
                "title": title,
                "publisher": publisher,
                "published": published,
                "date_source": "manifest",
                "language": language,
                "url": "",
                "n_chars": len(texts[doc_id]),
                "n_mentions": 0,
                "status": "ok",
                "problem": "",
            }
            for doc_id, publisher, published, language, title in documents_list
        ]
        + [
            {
                "doc_id": "006_broken",
                "file": "006_broken.pdf",
                "title": "",
                "publisher": "",
                "published": None,
                "date_source": "unknown",
                "language": "",
                "url": "",
                "n_chars": 0,
                "n_mentions": 0,
                "status": "failed",
                "problem": "not a text file",
            }
        ]
    )

    mentions, pledges, pledge_years = [], [], []
    for row in PLEDGES + (PER_YEAR_PLEDGES if extended else []):
        per_year = row in PER_YEAR_PLEDGES
        (pledge_id, donor, kind, amount_eur, quantity, item, qualifier, status, scope, part_of, category,
         subcategory, year_start, year_end, sources) = row  # fmt: skip
        mention_ids = []
        for index, (doc_id, figure) in enumerate(sources):
            mention_id = f"{pledge_id}-M{index}"
            mention_ids.append(mention_id)
            mentions.append(
                _mention(
                    mention_id,
                    doc_id,
                    figure,
                    donor=donor,
                    recipient="Ukraine",
                    kind=kind,
                    amount=amount_eur,
                    currency="EUR" if kind == "money" else None,
                    amount_eur=amount_eur,
                    quantity=quantity,
                    item=item,
                    qualifier=qualifier,
                    status=status,
                    scope=scope,
                    part_of=f"{part_of}-M0" if part_of else None,
                    per_year=per_year,
                    category=category,
                    subcategory=subcategory,
                    year_start=year_start,
                    year_end=year_end,
                )
            )
        doc_ids = [doc_id for doc_id, _ in sources]
        announced = min(published_of[doc_id] for doc_id in doc_ids)
        pledges.append(
            {
                "pledge_id": pledge_id,
                "donor": donor,
                "recipient": "Ukraine",
                "kind": kind,
                "amount": amount_eur,
                "currency": "EUR" if kind == "money" else None,
                "amount_eur": amount_eur,
                "quantity": quantity,
                "item": item,
                "qualifier": qualifier,
                "status": status,
                "scope": scope,
                "part_of": part_of,
                "per_year": per_year,
                "category": category,
                "subcategory": subcategory,
                "year_start": year_start,
                "year_end": year_end,
                "announced": announced,
                "announced_year": int(announced[:4]),
                "n_sources": len(doc_ids),
                "sources": ";".join(doc_ids),
                "publishers": ";".join(publisher_of[doc_id] for doc_id in doc_ids),
                "mention_ids": ";".join(mention_ids),
                "evidence": FORMULA_EVIDENCE.get(pledge_id, mentions[-1]["evidence"]),
            }
        )
        years = list(range(year_start, year_end + 1))
        for year in years:
            share = 1.0 if per_year else 1 / len(years)
            pledge_years.append(
                {
                    "pledge_id": pledge_id,
                    "year": year,
                    "share": share,
                    "amount_eur": amount_eur * share if amount_eur is not None else None,
                    "quantity": quantity * share if quantity is not None else None,
                }
            )

    running_totals = []
    for running_total_id, as_of, amount_eur, doc_id, figure in RUNNING_TOTALS:
        mention = _mention(
            f"{running_total_id}-M0",
            doc_id,
            figure,
            donor="Netherlands",
            recipient="Ukraine",
            kind="money",
            amount=amount_eur,
            currency="EUR",
            amount_eur=amount_eur,
            quantity=None,
            item=None,
            qualifier="at_least",
            status="delivered",
            scope="running_total",
            part_of=None,
            per_year=False,
            category="military",
            subcategory="general",
            year_start=2022,
            year_end=int(as_of[:4]),
        )
        mentions.append(mention)
        running_totals.append(_running_total_row(running_total_id, as_of, mention))

    for running_total_id, as_of, quantity, item, doc_id, figure in EQUIPMENT_RUNNING_TOTALS if extended else []:
        mention = _mention(
            f"{running_total_id}-M0",
            doc_id,
            figure,
            donor="Netherlands",
            recipient="Ukraine",
            status="delivered",
            category="military",
            kind="equipment",
            amount=None,
            currency=None,
            amount_eur=None,
            quantity=quantity,
            item=item,
            qualifier="exact",
            scope="running_total",
            part_of=None,
            per_year=False,
            subcategory="armour" if "armoured" in item else "artillery",
            year_start=2022,
            year_end=int(as_of[:4]),
        )
        mentions.append(mention)
        running_totals.append(_running_total_row(running_total_id, as_of, mention))

    agreement_columns = ["agreement_id", "parties", "kind", "announced", "signed", "duration_years", "themes"]
    agreements = pd.DataFrame([row for row in AGREEMENTS], columns=[*agreement_columns, "sources", "evidence"])
    agreements["duration_years"] = agreements["duration_years"].astype("Float64").astype("Int64")

    mention_frame = pd.DataFrame(mentions)
    pledge_frame = pd.DataFrame(pledges)
    # NOTE: pandera will not coerce a float column holding NaN to Int64, so cast the counts here.
    running_frame = pd.DataFrame(running_totals)
    for frame in (mention_frame, pledge_frame, running_frame):
        frame["quantity"] = frame["quantity"].astype("Float64").astype("Int64")
    documents["n_mentions"] = documents["doc_id"].map(mention_frame["doc_id"].value_counts()).fillna(0).astype(int)
    return Tables(
        documents=conform("documents", documents),
        mentions=conform("mentions", mention_frame),
        pledges=conform("pledges", pledge_frame),
        pledge_years=conform("pledge_years", pd.DataFrame(pledge_years)),
        running_totals=conform("running_totals", running_frame),
        agreements=conform("agreements", agreements),
        problems=[Problem(file="006_broken.pdf", problem="not a text file")],
        texts=texts,
    )


def empty_tables() -> Tables:
    """A build of an empty folder: every table has its columns and no rows."""
    return Tables(
        documents=empty_table("documents"),
        mentions=empty_table("mentions"),
        pledges=empty_table("pledges"),
        pledge_years=empty_table("pledge_years"),
        running_totals=empty_table("running_totals"),
        agreements=empty_table("agreements"),
    )


# The running-totals table's columns a reconciled total takes from its one mention: those the two tables share.
_FROM_MENTION = [c for c in empty_table("running_totals").columns if c in set(empty_table("mentions").columns)]


def _running_total_row(running_total_id: str, as_of: str, mention: dict) -> dict:
    """The running-totals row of a total reported by one mention, as reconciliation makes it."""
    return {
        "running_total_id": running_total_id,
        "as_of": as_of,
        **{column: mention[column] for column in _FROM_MENTION},
        "sources": mention["doc_id"],
        "mention_ids": mention["mention_id"],
    }
