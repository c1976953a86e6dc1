"""Headline figures and small tables for the overview, computed from filtered tables (pure functions)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard_app import style
from dashboard_app.charts import counted_eur, is_per_year, latest_document_date, money_packages, qualifier_word
from dashboard_app.filters import split_list
from dashboard_app.i18n import gettext as _
from dashboard_app.i18n import ngettext, value_word
from data_pipeline.tables import Tables


@dataclass(frozen=True)
class Headlines:
    """The overview's numbers. Pledged and delivered are separate; running totals stand apart."""

    total_pledged_eur: float
    total_delivered_packages_eur: float
    n_pledges: int
    n_sources: int
    latest_document_date: str | None
    latest_delivered_to_date: pd.DataFrame


def headline_metrics(headlines: Headlines) -> list[tuple[str, str]]:
    """The overview's four figures as (label, value), formatted: the overview shows them as metrics, the briefing
    pack as lines, so both say the same."""
    latest = headlines.latest_document_date
    return [
        (_("Total pledged"), style.format_eur(headlines.total_pledged_eur)),
        (_("Pledges"), style.format_number(headlines.n_pledges)),
        (_("Sources reporting them"), style.format_number(headlines.n_sources)),
        (_("Latest document"), style.format_date(latest) if latest else _("unknown")),
    ]


def latest_running_totals(tables: Tables, status: str = "delivered") -> pd.DataFrame:
    """Per donor and category, the most recent reported cumulative figure (with its date), never summed."""
    running = tables.running_totals[tables.running_totals["status"] == status]
    running = running[running["as_of"].notna() & running["amount_eur"].notna()]
    columns = ["donor", "category", "as_of", "amount_eur", "amount", "qualifier", "sources"]
    if running.empty:
        return pd.DataFrame(columns=columns)
    latest = running.sort_values("as_of").groupby(["donor", "category"], as_index=False).tail(1)
    # "over €2.6bn" must stay "over": the qualifier is part of what the source reported.
    qualifier_words = [qualifier_word(qualifier) for qualifier in latest["qualifier"].tolist()]
    amounts = [style.format_eur(amount) for amount in latest["amount_eur"].tolist()]
    latest = latest.assign(
        amount=[word + amount for word, amount in zip(qualifier_words, amounts, strict=True)],
        category=[value_word(category) for category in latest["category"].tolist()],
        as_of=[style.format_date(date) for date in latest["as_of"].tolist()],
    )
    return latest[columns].sort_values(["donor", "category"]).reset_index(drop=True)


def headline_figures(tables: Tables) -> Headlines:
    """Total pledged € (money packages only; a per-year pledge once per year it covers), pledge and source counts,
    latest document date."""
    pledges = tables.pledges
    return Headlines(
        total_pledged_eur=float(counted_eur(money_packages(pledges, "pledged")).sum()),
        total_delivered_packages_eur=float(counted_eur(money_packages(pledges, "delivered")).sum()),
        n_pledges=int(len(pledges)),
        n_sources=len({doc for joined in pledges["sources"].tolist() for doc in split_list(joined)}),
        latest_document_date=latest_document_date(tables),
        latest_delivered_to_date=latest_running_totals(tables, "delivered"),
    )


NEWEST_COLUMNS = ["announced", "donor", "what", "category", "subcategory", "status", "years", "n_sources"]


def describe_amount(row: pd.Series) -> str:
    """'at least €2.0bn' / '24 F-16' — the amount as a briefing sentence would say it."""
    qualifier = qualifier_word(row["qualifier"])
    if row["kind"] == "money":
        amount = style.format_eur(row["amount_eur"]) if pd.notna(row["amount_eur"]) else _("amount n/a")
        if pd.notna(row.get("currency")) and row.get("currency") not in ("EUR", None) and pd.notna(row["amount"]):
            amount += f" ({row['currency']} {style.format_number(row['amount'])})"
        if is_per_year(row.get("per_year")):
            amount += _(" per year")
    else:
        quantity = row["quantity"]
        amount = f"{style.format_count(quantity) if pd.notna(quantity) else '?'} {row['item']}"
    return qualifier + amount


def describe_years(row: pd.Series) -> str:
    start, end = row["year_start"], row["year_end"]
    if pd.isna(start) and pd.isna(end):
        return _("years unknown")
    if pd.isna(start) or pd.isna(end) or start == end:
        return str(int(start if pd.notna(start) else end))
    return f"{int(start)}–{int(end)}"


def newest_pledges(tables: Tables, limit: int = 10) -> pd.DataFrame:
    """The most recently announced pledges, in words."""
    pledges = tables.pledges.sort_values(["announced", "pledge_id"], ascending=[False, True], na_position="last")
    pledges = pledges.head(limit)
    if pledges.empty:
        return pd.DataFrame(columns=NEWEST_COLUMNS)
    part = _(" (part of a package)")
    table = pledges.assign(
        what=pledges.apply(describe_amount, axis=1) + pledges["scope"].map({"part": part}).fillna(""),
        years=pledges.apply(describe_years, axis=1),
        announced=[style.format_date(date) for date in pledges["announced"].tolist()],
    )
    return table[NEWEST_COLUMNS].reset_index(drop=True)


def data_as_of_line(tables: Tables) -> str:
    """One line: how many documents were read, and the newest one's date (or 'unknown', never invented)."""
    documents = tables.documents
    readable = int((documents["status"] == "ok").sum())
    failed = int((documents["status"] == "failed").sum())
    latest = latest_document_date(tables)
    as_of = style.format_date(latest) if latest else _("unknown (no document has a date)")
    line = ngettext(
        "Data as of {date} · {count} document read", "Data as of {date} · {count} documents read", readable
    ).format(date=as_of, count=readable)
    return line + (_(", {count} could not be read (see Documents)").format(count=failed) if failed else "")
