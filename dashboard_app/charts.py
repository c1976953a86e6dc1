"""Pure chart builders: filtered tables + selection -> a Chart (plotly figure plus the numbers behind it).

Rules every builder keeps (see docs in PLEDGES.md): money totals add `package` pledges only (earmarked
`part`s break a package down and are never added to it); pledged and delivered are never added together;
running totals are snapshots and are never summed with anything. A `per_year` pledge's amount is a yearly figure:
by covered year it counts in full in every year it covers (pledge_years, share 1); every total over years (the
overview's, by announcement year, by category, subcategory and publisher) counts it once per year covered
(counted_eur).
"""

from __future__ import annotations

import textwrap
import weakref
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard_app import style
from dashboard_app.corrections_view import corrections_note
from dashboard_app.filters import (
    Selection,
    describe_selection,
    filter_documents,
    is_in,
    joined_values,
    origin_of,
    publisher_of,
    split_list,
    split_rows,
    take_rows,
)
from dashboard_app.i18n import N_, active_language, ngettext, value_word
from dashboard_app.i18n import gettext as _
from dashboard_app.memo import memoized
from data_pipeline.tables import CATEGORIES, Tables

SPREAD_NOTE = N_("multi-year pledges spread evenly over the years they cover")
PER_YEAR_SPREAD_NOTE = N_("a per-year pledge counts its yearly amount in every year it covers")
PER_YEAR_TOTAL_NOTE = N_("a per-year pledge counts its yearly amount once per year covered")
ANNOUNCED_NOTE = N_("full amount counted in the year first announced (as the Kiel tracker counts)")
MONEY_NOTE = N_("EUR at annual average rates of the publication year")

YEAR_VIEWS = {
    "covered": N_("By covered year (spread evenly)"),
    "announced": N_("By announcement year"),
    "timeline": N_("Timeline of each pledge"),
}


@dataclass(frozen=True)
class Chart:
    """A figure ready for the page, the table of numbers it draws, and what to say when there is nothing."""

    title: str
    figure: go.Figure | None
    data: pd.DataFrame
    empty_message: str = N_("No data matches the current filters. Widen the filters or press 'Reset filters'.")

    @property
    def is_empty(self) -> bool:
        return self.figure is None


# --- shared helpers -----------------------------------------------------------------------------------


def latest_document_date(tables: Tables) -> str | None:
    """The newest publication date among readable documents (ISO strings sort by date, partial ones too)."""
    documents = tables.documents

    def latest() -> str | None:
        dates = documents.loc[documents["status"] == "ok", "published"].dropna()
        dates = dates[dates.astype(str).str.len() > 0]
        return str(dates.max()) if len(dates) else None

    # Kept per documents frame: every filtered view shares the build's documents.
    return memoized(documents, "latest_document_date", latest)


@dataclass(frozen=True)
class _DocumentIndex:
    publishers: dict[str, list]  # doc_id -> the publisher of each documents row with that id
    ids: frozenset[str]
    unique: bool  # one row per doc_id (always so in a build)
    documents_of: dict[str, frozenset[str]]  # publisher (named) -> its doc_ids, when `unique`


def _document_index(documents: pd.DataFrame) -> _DocumentIndex:
    """The documents by id, kept per documents frame (every filtered view shares the build's)."""

    def index() -> _DocumentIndex:
        found: dict[str, list] = {}
        for doc_id, publisher in zip(documents["doc_id"].tolist(), documents["publisher"].tolist(), strict=True):
            found.setdefault(doc_id, []).append(publisher)
        documents_of: dict[str, set[str]] = {}
        for doc_id, publishers in found.items():
            if publishers[0]:
                documents_of.setdefault(publishers[0], set()).add(doc_id)
        frozen = {publisher: frozenset(doc_ids) for publisher, doc_ids in documents_of.items()}
        return _DocumentIndex(found, frozenset(found), len(found) == len(documents), frozen)

    return memoized(documents, "document_index", index)


def source_note(tables: Tables, doc_ids: set[str] | frozenset[str] | list[str]) -> str:
    """'Source: N documents from <publishers>; data as of <date>' for the documents behind a chart."""
    index = _document_index(tables.documents)
    found = index.ids.intersection(doc_ids)
    if index.unique:  # set operations only: a chart over 10,000 documents asks for all of them
        count = len(found)
        # A few dozen publishers, each checked against the documents in C (not 10,000 lookups in Python).
        publishers = sorted(name for name, doc_ids in index.documents_of.items() if not doc_ids.isdisjoint(found))
    else:
        rows = [publisher for doc in found for publisher in index.publishers[doc]]
        count = len(rows)
        publishers = sorted({publisher for publisher in rows if publisher})
    if len(publishers) > 4:
        named = _("{publishers} and {count} more").format(
            publishers=", ".join(publishers[:4]), count=len(publishers) - 4
        )
    else:
        named = ", ".join(publishers) or _("unknown publishers")
    latest = latest_document_date(tables)
    as_of = style.format_date(latest) if latest else _("unknown date")
    corrections = corrections_note(tables.corrections_applied)  # an analyst's fix must show where it is used
    line = ngettext(
        "Source: {count} document from {publishers}; data as of {date}.",
        "Source: {count} documents from {publishers}; data as of {date}.",
        count,
    ).format(count=count, publishers=named, date=as_of)
    return line + (f" {corrections}." if corrections else "")


def _sources_of(frame: pd.DataFrame) -> frozenset[str]:
    """Every document that reports a row of `frame` (kept per frame: several charts ask for the same one)."""
    return joined_values(frame, "sources") if len(frame) else frozenset()


def _sources_where(frame: pd.DataFrame, keep: pd.Series | np.ndarray) -> frozenset[str]:
    """_sources_of(frame[keep]) without taking the rows (taking 24 Arrow-backed columns costs more than this)."""
    kept = np.asarray(keep, dtype=bool).tolist()
    return frozenset().union(*(docs for docs, wanted in zip(split_rows(frame, "sources"), kept, strict=True) if wanted))


def _rows_where(frame: pd.DataFrame, keep: pd.Series | np.ndarray, columns: list[str]) -> pd.DataFrame:
    """frame[keep][columns], taking only the columns asked for (most charts read four of 24)."""
    return take_rows(frame, keep, columns)


def _subtitle(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def _category_sorted(categories) -> list[str]:
    return sorted(set(categories), key=lambda category: CATEGORIES.index(category) if category in CATEGORIES else 99)


def to_date(value: object) -> pd.Timestamp | None:
    """A publication date as a timestamp; 'YYYY-MM' and 'YYYY' fall on the first day of the period."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) or not str(value):
        return None
    return _parse_date(str(value))


@lru_cache(maxsize=8192)
def _parse_date(text: str) -> pd.Timestamp | None:
    # Cached: pd.to_datetime costs about 0.3 ms a call, and 10,000 documents share a few hundred dates.
    padded = {4: f"{text}-01-01", 7: f"{text}-01"}.get(len(text), text)
    parsed = pd.to_datetime(padded, errors="coerce")
    return None if pd.isna(parsed) else parsed


def years_counted(pledges: pd.DataFrame) -> pd.Series:
    """How many times a total over years counts each pledge's amount: once per year covered for a per_year pledge
    (once when its years are unknown), once for every other pledge."""
    first = pledges["year_start"].astype("float64")
    n_years = (pledges["year_end"].astype("float64").fillna(first) - first + 1).clip(lower=1).fillna(1.0)
    per_year = pledges["per_year"].fillna(False).astype(bool)
    return n_years.where(per_year, 1.0)


def counted_eur(pledges: pd.DataFrame) -> pd.Series:
    """Each pledge's € as a total over years counts it: amount_eur, times the years covered for a per_year pledge."""
    return pledges["amount_eur"].astype("float64") * years_counted(pledges)


def is_per_year(value: object) -> bool:
    """A per_year cell that says yes (a bool, numpy's included; a missing value says no)."""
    return isinstance(value, bool | np.bool_) and bool(value)


def has_per_year(pledges: pd.DataFrame) -> bool:
    return bool(pledges["per_year"].fillna(False).astype(bool).any()) if "per_year" in pledges.columns else False


def money_packages(pledges: pd.DataFrame, status: str) -> pd.DataFrame:
    """Money pledges that count towards totals: packages only, one status (kept per frame: the headline, the
    chart and its source line all ask; read-only)."""

    def select() -> pd.DataFrame:
        keep = (pledges["kind"] == "money") & (pledges["scope"] == "package") & (pledges["status"] == status)
        return take_rows(pledges, keep & pledges["amount_eur"].notna())

    return memoized(pledges, f"money_packages:{status}", select)


def _stack_totals(totals: pd.Series, formatter) -> list[dict]:
    """The total above each stacked bar (layout annotations), so a reader need not add segments by eye."""
    return [
        {
            "x": x_value,
            "y": total,
            "text": formatter(total),
            "showarrow": False,
            "yanchor": "bottom",
            "font": {"size": 13},
        }
        for x_value, total in totals.items()
    ]


def statuses_present(pledges: pd.DataFrame) -> list[str]:
    """Statuses in the data, pledged first: each gets its own chart, as they are never added together."""
    present = set(pledges["status"].tolist())
    return [status for status in ("pledged", "delivered") if status in present]


def _status_label(status: str) -> str:
    return {"pledged": _("Pledged"), "delivered": _("Delivered")}.get(status, status.capitalize())


# --- money by year ------------------------------------------------------------------------------------


def money_by_year_table(tables: Tables, view: str = "covered", status: str = "pledged") -> pd.DataFrame:
    """€ per year and category: `covered` spreads (pledge_years); `announced` puts all in announced_year."""
    packages = money_packages(tables.pledges, status)
    if view == "covered":
        years = _join_pledges(tables.pledge_years, packages, ["category", "sources", "per_year"])
        if years is None:
            raise pd.errors.MergeError("Merge keys are not unique in right dataset; not a many-to-one merge")
        years = years[years["amount_eur"].notna()]
        rows = years[["year", "category", "amount_eur", "pledge_id", "per_year"]]
    elif view == "announced":
        dated = packages[packages["announced_year"].notna()]
        dated = dated.assign(amount_eur=counted_eur(dated))  # whole: a per-year pledge once per year covered
        rows = dated.rename(columns={"announced_year": "year"})[
            ["year", "category", "amount_eur", "pledge_id", "per_year"]
        ]
    else:
        raise ValueError(f"unknown year view {view!r}")
    if rows.empty:
        return pd.DataFrame(columns=["year", "category", "amount_eur", "n_pledges", "n_per_year", "amount"])
    per_year_ids = rows["pledge_id"].where(rows["per_year"].astype(bool))
    table = (
        rows.assign(per_year_id=per_year_ids)
        .groupby(["year", "category"], as_index=False)
        .agg(
            amount_eur=("amount_eur", "sum"), n_pledges=("pledge_id", "nunique"), n_per_year=("per_year_id", "nunique")
        )
        .astype({"year": int})
    )
    table["amount"] = table["amount_eur"].map(style.format_eur)
    return table.sort_values(["year", "category"], key=_category_key).reset_index(drop=True)


def _per_year_hover(n_per_year: int) -> str:
    """The hover's note on a bar holding per-year pledges (their yearly amount counts in full in that year)."""
    if not n_per_year:
        return ""
    return ngettext(
        " (incl. {n} per-year pledge, full yearly amount)",
        " (incl. {n} per-year pledges, full yearly amount)",
        n_per_year,
    ).format(n=n_per_year)


def _join_pledges(years: pd.DataFrame, pledges: pd.DataFrame, columns: list[str]) -> pd.DataFrame | None:
    """The pledge_years rows whose pledge is in `pledges`, with that pledge's `columns`: what an inner merge on
    pledge_id gives (years' row order), without the merge's 5 ms uniqueness check on Arrow strings and its
    slow hash join. None when a pledge id repeats in `pledges` (the caller decides)."""
    found = _pledge_rows_by_origin(years, pledges)
    if found is None:
        ids = pledges["pledge_id"].tolist()
        position = {pledge_id: row for row, pledge_id in enumerate(ids)}
        if len(position) != len(ids):
            return None
        found = np.array([position.get(pledge_id, -1) for pledge_id in years["pledge_id"].tolist()], dtype=np.intp)
    kept = found >= 0
    return pd.concat(
        [years[kept].reset_index(drop=True), pledges[columns].iloc[found[kept]].reset_index(drop=True)], axis=1
    )


def _pledge_rows_by_origin(years: pd.DataFrame, pledges: pd.DataFrame) -> np.ndarray | None:
    """For each row of `years`, the row of `pledges` with its pledge_id (-1 if none), from what is kept for the
    build both were taken from (filters.take_rows); None when they were not, or the build repeats a pledge id."""
    years_base, years_rows = origin_of(years)
    pledges_base, pledges_rows = origin_of(pledges)
    if years_base is years or pledges_base is pledges:
        return None

    def build_rows() -> tuple[weakref.ref, np.ndarray] | None:
        ids = pledges_base["pledge_id"].tolist()
        position = {pledge_id: row for row, pledge_id in enumerate(ids)}
        if len(position) != len(ids):
            return None
        rows = [position.get(pledge_id, -1) for pledge_id in years_base["pledge_id"].tolist()]
        return weakref.ref(pledges_base), np.array(rows, dtype=np.intp)

    # Kept with the build's pledge_years, for the build's pledges (checked: a name cannot hold a frame).
    kept = memoized(years_base, f"pledge_rows:{id(pledges_base)}", build_rows)
    if kept is None or kept[0]() is not pledges_base:
        return None
    build_row_of_year = kept[1][years_rows]
    row_in_pledges = np.full(len(pledges_base) + 1, -1, dtype=np.intp)  # the extra last slot answers -1
    row_in_pledges[pledges_rows] = np.arange(len(pledges_rows))
    return row_in_pledges[build_row_of_year]


def _category_key(column: pd.Series) -> pd.Series:
    if column.name == "category":
        return column.map(lambda category: CATEGORIES.index(category) if category in CATEGORIES else 99)
    return column


def money_by_year(tables: Tables, selection: Selection, view: str = "covered", status: str = "pledged") -> Chart:
    """Stacked bars: € per year, one colour per category."""
    title = _("{status} support to Ukraine by year and category").format(status=_status_label(status))
    table = money_by_year_table(tables, view, status)
    if table.empty:
        message = _("No {status} money packages match the current filters.").format(status=value_word(status))
        return Chart(title, None, table, message)
    traces = []
    for category in _category_sorted(table["category"]):
        rows = table[table["category"] == category]
        traces.append(
            {
                "type": "bar",
                "x": rows["year"].tolist(),
                "y": rows["amount_eur"].tolist(),
                "name": value_word(category),
                "marker": {"color": style.CATEGORY_COLOURS.get(category, style.OKABE_ITO["grey"])},
                "customdata": [
                    [amount, _per_year_hover(n)]
                    for amount, n in zip(rows["amount"].tolist(), rows["n_per_year"].tolist(), strict=True)
                ],
                "hovertemplate": "%{x} · " + value_word(category) + ": %{customdata[0]}%{customdata[1]}<extra></extra>",
            }
        )
    totals = table.groupby("year")["amount_eur"].sum()
    layout = {
        "annotations": _stack_totals(totals, style.format_eur),
        "barmode": "stack",
        "yaxis": {**style.euro_axis(totals.max()), "title": {"text": _("€ (EUR)")}},
        "xaxis": {
            "dtick": 1,
            "type": "linear",
            "title": {"text": _("Year covered") if view == "covered" else _("Year announced")},
        },
    }
    rule = _(SPREAD_NOTE) if view == "covered" else _(ANNOUNCED_NOTE)
    packages = money_packages(tables.pledges, status)
    per_year_rule = ""
    if int(table["n_per_year"].sum()):
        per_year_rule = _(PER_YEAR_SPREAD_NOTE) if view == "covered" else _(PER_YEAR_TOTAL_NOTE)
    subtitle = _subtitle(
        _("{status} money, € · packages only (earmarked parts not added)").format(status=_status_label(status)),
        rule,
        per_year_rule,
        describe_selection(selection),
    )
    if view == "covered":
        drawn = is_in(packages["pledge_id"], tables.pledge_years["pledge_id"])
    else:
        drawn = packages["announced_year"].notna()
    note = source_note(tables, _sources_where(packages, drawn))
    return Chart(title, style.styled_figure(traces, layout, title, subtitle, note), table)


# --- equipment ----------------------------------------------------------------------------------------


def equipment_by_year_table(tables: Tables, view: str = "covered") -> pd.DataFrame:
    """Items per year (counts, never money): spread under `covered`, whole in announced_year otherwise."""
    pledges = tables.pledges
    equipment = _rows_where(
        pledges,
        (pledges["kind"] == "equipment") & (pledges["scope"] == "package"),
        ["pledge_id", "item", "category", "status", "quantity", "announced_year"],
    )
    if view == "covered":
        joined = _join_pledges(tables.pledge_years, equipment, ["item", "category", "status"])
        if joined is None:  # a pledge id twice: the merge repeats its years, as before
            joined = tables.pledge_years.merge(
                equipment[["pledge_id", "item", "category", "status"]], on="pledge_id", how="inner"
            )
        rows = joined[["year", "item", "category", "status", "quantity", "pledge_id"]]
    else:
        rows = equipment.rename(columns={"announced_year": "year"})[
            ["year", "item", "category", "status", "quantity", "pledge_id"]
        ]
    rows = rows[rows["year"].notna() & rows["quantity"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=["year", "item", "category", "status", "quantity", "n_pledges"])
    table = rows.groupby(["year", "item", "category", "status"], as_index=False).agg(
        quantity=("quantity", "sum"), n_pledges=("pledge_id", "nunique")
    )
    table["year"] = table["year"].astype(int)
    table["quantity"] = table["quantity"].astype(float)
    return table.sort_values(["year", "item"]).reset_index(drop=True)


# Above this ratio between the largest and the smallest count the equipment chart uses a log scale.
EQUIPMENT_LOG_SCALE_RATIO = 100


def equipment_by_year(tables: Tables, selection: Selection, view: str = "covered") -> Chart:
    """Grouped bars: number of items per year, labelled with the item; colour is the item's category."""
    title = _("Equipment pledged to Ukraine by year (number of items)")
    table = equipment_by_year_table(tables, view)
    if table.empty:
        return Chart(title, None, table, _("No equipment pledges match the current filters."))
    traces = []
    for (item, status), rows in table.groupby(["item", "status"], sort=True):
        category = rows["category"].iloc[0]
        labels = [f"{style.format_count(quantity)} {item}" for quantity in rows["quantity"].tolist()]
        traces.append(
            {
                "type": "bar",
                "x": rows["year"].tolist(),
                "y": rows["quantity"].tolist(),
                "name": style.plain_text(
                    f"{item} ({value_word(status)})"
                ),  # items and donors can be typed in corrections
                "text": [style.plain_text(label) for label in labels],
                "textposition": "outside",
                "marker": {
                    "color": style.CATEGORY_COLOURS.get(category, style.OKABE_ITO["grey"]),
                    "pattern": {"shape": style.STATUS_PATTERNS.get(status, "")},
                },
                "hovertemplate": "%{x}: %{text}<extra></extra>",
            }
        )
    # Shells by the hundred thousand next to a handful of jets: on a linear axis the jets are not drawn at all.
    counts = [quantity for quantity in table["quantity"].tolist() if quantity > 0]
    wide_range = bool(counts) and max(counts) / min(counts) > EQUIPMENT_LOG_SCALE_RATIO
    yaxis = {"title": {"text": _("Number of items")}}
    yaxis.update({"type": "log"} if wide_range else {"rangemode": "tozero"})
    layout = {"barmode": "group", "xaxis": {"dtick": 1, "type": "linear"}, "yaxis": yaxis}
    rule = _(SPREAD_NOTE) if view == "covered" else _(ANNOUNCED_NOTE)
    scale = (
        _("log scale: counts from {low} to {high}").format(
            low=style.format_number(min(counts)), high=style.format_number(max(counts))
        )
        if wide_range
        else ""
    )
    subtitle = _subtitle(
        _("Items (count), packages, pledged and delivered"), rule, scale, describe_selection(selection)
    )
    note = source_note(tables, _sources_where(tables.pledges, tables.pledges["kind"] == "equipment"))
    return Chart(title, style.styled_figure(traces, layout, title, subtitle, note), table)


# --- timeline of pledges ------------------------------------------------------------------------------


def pledge_label(row: pd.Series) -> str:
    """'Netherlands €4.0bn military/general' or 'Netherlands 24 F-16' — how a pledge is named on charts."""
    if row["kind"] == "money":
        what = style.format_eur(row["amount_eur"]) if pd.notna(row["amount_eur"]) else _("amount n/a")
    else:
        quantity = row["quantity"]
        what = f"{style.format_count(quantity) if pd.notna(quantity) else '?'} {row['item']}"
    per_year = _(" per year") if is_per_year(row.get("per_year")) else ""
    part = _(" (part)") if row["scope"] == "part" else ""
    category = f"{value_word(row['category'])}/{value_word(row['subcategory'])}"
    return f"{row['donor']} {what}{per_year} {category}{part} [{row['pledge_id']}]"


LABEL_COLUMNS = [
    "kind",
    "amount_eur",
    "quantity",
    "item",
    "per_year",
    "scope",
    "donor",
    "category",
    "subcategory",
    "pledge_id",
]


def pledge_labels(pledges: pd.DataFrame) -> list[str]:
    """pledge_label of every row, in order. Plain dicts built from column lists: `apply(axis=1)` takes 0.15 s on
    10,000 pledges and `to_dict("records")`, boxing every Arrow value, a quarter of a second. Rows taken from
    the build (filters.take_rows) reuse the build's labels, made once."""
    base, positions = origin_of(pledges)
    if base is not pledges:
        labels = memoized(base, f"pledge_labels:{active_language()}", lambda: _pledge_labels(base))
        return [labels[position] for position in positions.tolist()]
    return _pledge_labels(pledges)


def _pledge_labels(pledges: pd.DataFrame) -> list[str]:
    columns = [pledges[column].tolist() for column in LABEL_COLUMNS]
    return [pledge_label(dict(zip(LABEL_COLUMNS, row, strict=True))) for row in zip(*columns, strict=True)]


def pledge_label_lookup(pledges: pd.DataFrame) -> dict[str, str]:
    """pledge_id -> pledge_label, kept per frame (the explorer's pickers read the build's on every run)."""
    return memoized(
        pledges,
        f"pledge_label_lookup:{active_language()}",
        lambda: dict(zip(pledges["pledge_id"].tolist(), pledge_labels(pledges), strict=True)),
    )


def pledge_timeline_table(tables: Tables) -> pd.DataFrame:
    """Each pledge with known years, from first to last year covered."""
    pledges = _rows_where(
        tables.pledges,
        tables.pledges["year_start"].notna() | tables.pledges["year_end"].notna(),
        [*LABEL_COLUMNS, "status", "year_start", "year_end"],
    )
    if pledges.empty:
        return pd.DataFrame(columns=["pledge_id", "label", "category", "status", "year_start", "year_end"])
    table = pd.DataFrame(
        {
            "pledge_id": pledges["pledge_id"],
            "label": pd.Series(pledge_labels(pledges), index=pledges.index),
            "category": pledges["category"],
            "status": pledges["status"],
            "year_start": pledges["year_start"].fillna(pledges["year_end"]).astype(int),
            "year_end": pledges["year_end"].fillna(pledges["year_start"]).astype(int),
        }
    )
    return table.sort_values(["year_start", "year_end", "pledge_id"]).reset_index(drop=True)


def pledge_timeline(tables: Tables, selection: Selection) -> Chart:
    """Horizontal bars from each pledge's first to last covered year (inclusive), coloured by category."""
    title = _("Years covered by each pledge to Ukraine")
    table = pledge_timeline_table(tables)
    if table.empty:
        return Chart(title, None, table, _("No pledges with known years match the current filters."))
    traces = []
    for category in _category_sorted(table["category"].tolist()):
        rows = table[table["category"] == category]
        # NumPy arrays, not lists: plotly checks a list element by element (10,000 bars).
        traces.append(
            {
                "type": "bar",
                "y": np.array([style.plain_text(label) for label in rows["label"].tolist()], dtype=object),
                "x": (rows["year_end"] - rows["year_start"] + 1).to_numpy(),
                "base": rows["year_start"].to_numpy(),
                "orientation": "h",
                "name": value_word(category),
                "marker": {
                    "color": style.CATEGORY_COLOURS.get(category, style.OKABE_ITO["grey"]),
                    "pattern": {
                        "shape": np.array(
                            [style.STATUS_PATTERNS.get(status, "") for status in rows["status"].tolist()], dtype=object
                        )
                    },
                },
                "customdata": rows[["year_start", "year_end"]].to_numpy(),
                "hovertemplate": "%{y}<br>%{customdata[0]}–%{customdata[1]}<extra></extra>",
            }
        )
    layout = {
        "barmode": "overlay",
        "xaxis": {"dtick": 1, "type": "linear", "title": {"text": _("Years covered (a bar spans each whole year)")}},
        "yaxis": {"autorange": "reversed", "title": {"text": ""}},
    }
    subtitle = _subtitle(_("Pledges (money and equipment); hatched = delivered"), describe_selection(selection))
    note = source_note(tables, _sources_where(tables.pledges, is_in(tables.pledges["pledge_id"], table["pledge_id"])))
    height = style.height_for_rows(len(table), per_row=28, fixed=240)
    return Chart(title, style.styled_figure(traces, layout, title, subtitle, note, height), table)


# --- running totals -----------------------------------------------------------------------------------


def running_totals_table(tables: Tables) -> pd.DataFrame:
    """Reported cumulative figures in date order (snapshots: never summed)."""
    running = tables.running_totals[tables.running_totals["amount_eur"].notna()]
    columns = ["donor", "category", "status", "as_of", "amount_eur", "amount", "qualifier", "sources"]
    if running.empty:
        return pd.DataFrame(columns=columns)
    table = running.assign(amount=running["amount_eur"].map(style.format_eur))[columns]
    return table.sort_values(["donor", "category", "status", "as_of"]).reset_index(drop=True)


RUNNING_TOTALS_MAX_LABELS = 60


def _dates(column: pd.Series) -> pd.Series:
    """`column.map(to_date)`, over a plain list (Series.map on Arrow strings takes the slow path)."""
    return pd.Series([to_date(value) for value in column.tolist()], index=column.index)


def _runs(frame: pd.DataFrame, keys: list[str]) -> list[tuple[tuple, slice]]:
    """(key values, rows) of each group of a frame already sorted by `keys`: what groupby(keys, sort=True) gives
    for it (groups with a missing key left out), without building a frame per group (60 groups: 12 ms)."""
    columns = [frame[key].tolist() for key in keys]
    runs: list[tuple[tuple, slice]] = []
    start = 0
    values = list(zip(*columns, strict=True))
    for row in range(1, len(values) + 1):
        if row == len(values) or values[row] != values[start]:
            if all(isinstance(value, str) for value in values[start]):
                runs.append((values[start], slice(start, row)))
            start = row
    return runs


# The words before an amount or count its source qualified (summaries uses them too).
QUALIFIER_WORDS = {"at_least": N_("at least "), "at_most": N_("up to "), "about": N_("about ")}


def qualifier_word(qualifier: object) -> str:
    """'at least ' / 'ten minste ' before an amount ('' for an exact one)."""
    word = QUALIFIER_WORDS.get(qualifier)  # type: ignore[arg-type]
    return _(word) if word else ""


def _dated(table: pd.DataFrame) -> pd.DataFrame:
    """The running-total rows whose as_of date reads as a date, with it in a `date` column."""
    if table.empty:
        return table
    dated = table.assign(date=_dates(table["as_of"]))
    return dated[dated["date"].notna()]


def _as_of_axis(dated: pd.DataFrame) -> dict:
    """The x axis of a to-date chart: the dates reported, widened around one report or a few close together (which
    would otherwise get an axis of milliseconds)."""
    xaxis = {"title": {"text": _("Date reported (as of)")}, "type": "date", **style.date_ticks("day")}
    first, last = dated["date"].min(), dated["date"].max()  # not min(): iterating boxes every timestamp
    if (last - first) < pd.Timedelta(days=60):
        xaxis["range"] = [first - pd.Timedelta(days=90), last + pd.Timedelta(days=90)]
    return xaxis


def _to_date_line(x, y, name: str, texts, colour: str, status: str, labelled: bool) -> dict:
    """One donor's line of reported to-date figures: a marker per report (a diamond when pledged), its figure
    beside it when `labelled`, else in the hover."""
    return {
        "type": "scatter",
        "x": x,
        "y": y,
        "mode": "lines+markers+text" if labelled else "lines+markers",
        "name": style.plain_text(name),
        "text": texts,
        "textposition": "top center",
        "line": {"color": colour, "width": 3},
        "marker": {"size": 10, "symbol": "circle" if status == "delivered" else "diamond"},
        "hovertemplate": "%{x|%Y-%m-%d}: %{text}<extra></extra>",
    }


def running_totals_over_time(tables: Tables, selection: Selection) -> Chart:
    """Lines of 'delivered to date' as each source reported it, per donor, category and status."""
    title = _("Support to Ukraine reported to date (cumulative, as reported)")
    table = running_totals_table(tables)
    dated = _dated(table)
    if dated.empty:
        return Chart(title, None, table, _("No reported running totals with a date match the current filters."))
    # A figure written beside every point is legible for a few dozen reports; past that the labels pile up
    # (4,000 at 10,000 documents), so they go and the figure stays in the hover and the table.
    labelled = len(dated) <= RUNNING_TOTALS_MAX_LABELS
    traces = []
    dates, amounts, texts = dated["date"].to_numpy(), dated["amount_eur"].to_numpy(), dated["amount"].tolist()
    for (donor, category, status), rows in _runs(dated, ["donor", "category", "status"]):
        name = _("{donor}, {category}, {status} to date").format(
            donor=donor, category=value_word(category), status=value_word(status)
        )
        colour = style.CATEGORY_COLOURS.get(category, style.OKABE_ITO["grey"])
        traces.append(_to_date_line(dates[rows], amounts[rows], name, texts[rows], colour, status, labelled))
    layout = {
        "yaxis": {**style.euro_axis(dated["amount_eur"].max()), "title": {"text": _("€ (EUR), cumulative")}},
        "xaxis": _as_of_axis(dated),
    }
    subtitle = _subtitle(
        _("Cumulative € as reported by each source · snapshots, not added to pledges or to each other"),
        "" if labelled else _("{count} reports: figures in the hover, not beside each point").format(count=len(dated)),
        describe_selection(selection),
    )
    running = tables.running_totals
    note = source_note(tables, _sources_where(running, running["kind"] == "money"))
    return Chart(title, style.styled_figure(traces, layout, title, subtitle, note), table)


def equipment_running_totals_table(tables: Tables) -> pd.DataFrame:
    """Reported cumulative counts of equipment ("has donated 196 armoured vehicles since the invasion") per donor and
    item, in date order: snapshots as of each document's date, never summed and never added to pledges."""
    running = tables.running_totals
    columns = ["donor", "item", "status", "as_of", "quantity", "qualifier", "sources"]
    equipment = running[(running["kind"] == "equipment") & running["quantity"].notna()]
    if equipment.empty:
        return pd.DataFrame(columns=columns)
    table = equipment[columns].astype({"quantity": "float64"})
    return table.sort_values(["donor", "item", "status", "as_of"], na_position="last").reset_index(drop=True)


def equipment_running_totals(tables: Tables, selection: Selection) -> Chart:
    """Lines of items delivered to date as each source reported them, one per donor and item (counts, not €)."""
    title = _("Equipment reported to date (cumulative counts, as reported)")
    table = equipment_running_totals_table(tables)
    dated = _dated(table)
    if dated.empty:
        message = _("No reported cumulative equipment counts with a date match the current filters.")
        return Chart(title, None, table, message)
    labelled = len(dated) <= RUNNING_TOTALS_MAX_LABELS
    traces = []
    colours = list(style.OKABE_ITO.values())
    dates, quantities, qualifiers = dated["date"].to_numpy(), dated["quantity"].to_numpy(), dated["qualifier"].tolist()
    for index, ((donor, item, status), rows) in enumerate(_runs(dated, ["donor", "item", "status"])):
        counts = quantities[rows]
        labels = [
            style.plain_text(f"{qualifier_word(q)}{style.format_count(n)} {item}")
            for n, q in zip(counts, qualifiers[rows], strict=True)
        ]
        name = _("{donor}: {item} ({status} to date)").format(donor=donor, item=item, status=value_word(status))
        colour = colours[index % len(colours)]
        traces.append(_to_date_line(dates[rows], counts, name, labels, colour, status, labelled))
    xaxis = _as_of_axis(dated)
    counts = [n for n in dated["quantity"].tolist() if n > 0]
    wide_range = bool(counts) and max(counts) / min(counts) > EQUIPMENT_LOG_SCALE_RATIO
    yaxis = {"title": {"text": _("Number of items, cumulative")}}
    yaxis.update({"type": "log"} if wide_range else {"rangemode": "tozero"})
    subtitle = _subtitle(
        _(
            "Items (count) to date as reported by each source, as of its date · snapshots, not added to pledges "
            "or to each other"
        ),
        "" if labelled else _("{count} reports: counts in the hover, not beside each point").format(count=len(dated)),
        describe_selection(selection),
    )
    running = tables.running_totals
    note = source_note(tables, _sources_where(running, running["kind"] == "equipment"))
    layout = {"xaxis": xaxis, "yaxis": yaxis}
    return Chart(title, style.styled_figure(traces, layout, title, subtitle, note), table)


# --- by category --------------------------------------------------------------------------------------


def money_by_category_table(tables: Tables) -> pd.DataFrame:
    """€ per category and status (packages only); pledged and delivered kept as separate rows."""
    pledges = tables.pledges
    money = _rows_where(
        pledges,
        (pledges["kind"] == "money") & (pledges["scope"] == "package") & pledges["amount_eur"].notna(),
        ["category", "status", "amount_eur", "pledge_id", "per_year", "year_start", "year_end"],
    )
    if money.empty:
        return pd.DataFrame(columns=["category", "status", "amount_eur", "n_pledges", "amount"])
    table = (
        money.assign(amount_eur=counted_eur(money))
        .groupby(["category", "status"], as_index=False)
        .agg(amount_eur=("amount_eur", "sum"), n_pledges=("pledge_id", "nunique"))
    )
    table["amount"] = table["amount_eur"].map(style.format_eur)
    return table.sort_values(["category", "status"], key=_category_key).reset_index(drop=True)


def money_by_category(tables: Tables, selection: Selection) -> Chart:
    """Bars per category, pledged and delivered side by side (never stacked, never added)."""
    title = _("Support to Ukraine by category: pledged and delivered side by side")
    table = money_by_category_table(tables)
    if table.empty:
        return Chart(title, None, table, _("No money packages match the current filters."))
    traces = []
    for status in ["pledged", "delivered"]:
        rows = table[table["status"] == status]
        if rows.empty:
            continue
        traces.append(
            {
                "type": "bar",
                "x": [value_word(category) for category in rows["category"].tolist()],
                "y": rows["amount_eur"].tolist(),
                "name": _status_label(status) + (_(" (hatched)") if status == "delivered" else ""),
                "offsetgroup": status,
                "marker": {
                    "color": [
                        style.CATEGORY_COLOURS.get(category, style.OKABE_ITO["grey"])
                        for category in rows["category"].tolist()
                    ],
                    "pattern": {"shape": style.STATUS_PATTERNS[status]},
                    "line": {"color": "#333333", "width": 1},
                },
                "text": rows["amount"].tolist(),
                "textposition": "outside",
                "hovertemplate": "%{x} · " + value_word(status) + ": %{text}<extra></extra>",
            }
        )
    # Built from dicts in one go (style.styled_figure): each update_layout validates the whole layout again.
    layout = {
        "barmode": "group",
        "yaxis": {**style.euro_axis(table["amount_eur"].max()), "title": {"text": _("€ (EUR)")}},
        "xaxis": {
            "categoryorder": "array",
            "categoryarray": [value_word(category) for category in _category_sorted(table["category"].tolist())],
            "title": {"text": ""},
        },
    }
    money = tables.pledges[(tables.pledges["kind"] == "money") & (tables.pledges["scope"] == "package")]
    subtitle = _subtitle(
        _("Money, € · packages only · pledged and delivered are separate bars, not added"),
        _(PER_YEAR_TOTAL_NOTE) if has_per_year(money) else "",
        describe_selection(selection),
    )
    pledges = tables.pledges
    note = source_note(tables, _sources_where(pledges, (pledges["kind"] == "money") & (pledges["scope"] == "package")))
    return Chart(title, style.styled_figure(traces, layout, title, subtitle, note), table)


def subcategory_amounts(pledges: pd.DataFrame) -> pd.DataFrame:
    """Each money pledge's own € for a subcategory breakdown: a part counts under its own subcategory and is
    taken off its package (when that package is in the frame), so nothing is counted twice."""
    money = pledges[(pledges["kind"] == "money") & pledges["amount_eur"].notna()]
    money = money.assign(amount_eur=counted_eur(money))  # a per-year pledge once per year covered
    present = set(money["pledge_id"].tolist())
    parts = money[(money["scope"] == "part") & is_in(money["part_of"], present)]
    taken_off = parts.groupby("part_of")["amount_eur"].sum()
    taken_off_by_id = {pledge_id: float(amount) for pledge_id, amount in taken_off.items()}
    taken = [taken_off_by_id.get(pledge_id, 0.0) for pledge_id in money["pledge_id"].tolist()]
    own = money["amount_eur"] - pd.Series(taken, index=money.index, dtype=float)
    # A part whose package is filtered out still shows under its subcategory: it is the only place it appears.
    return money.assign(own_amount_eur=own.clip(lower=0.0))


def money_by_subcategory_table(tables: Tables, status: str = "pledged") -> pd.DataFrame:
    """€ per category and subcategory for one status, with earmarked parts under their own subcategory."""
    columns = ["pledge_id", "kind", "amount_eur", "scope", "part_of", "category", "subcategory"]
    columns += ["per_year", "year_start", "year_end"]
    pledges = _rows_where(tables.pledges, tables.pledges["status"] == status, columns)
    amounts = subcategory_amounts(pledges)
    amounts = amounts[amounts["own_amount_eur"] > 0]
    if amounts.empty:
        return pd.DataFrame(columns=["category", "subcategory", "amount_eur", "n_pledges", "amount"])
    table = amounts.groupby(["category", "subcategory"], as_index=False).agg(
        amount_eur=("own_amount_eur", "sum"), n_pledges=("pledge_id", "nunique")
    )
    table["amount"] = table["amount_eur"].map(style.format_eur)
    return table.sort_values(["category", "amount_eur"], key=_category_key).reset_index(drop=True)


def money_by_subcategory(tables: Tables, selection: Selection, status: str = "pledged") -> Chart:
    """Horizontal bars per subcategory, coloured by category."""
    title = _("{status} support to Ukraine by subcategory").format(status=_status_label(status))
    table = money_by_subcategory_table(tables, status)
    if table.empty:
        message = _("No {status} money matches the current filters.").format(status=value_word(status))
        return Chart(title, None, table, message)
    labels = [  # an analyst can type a subcategory in a correction: plotly must show it, not run its HTML
        style.plain_text(f"{value_word(category)} / {value_word(subcategory)}")
        for category, subcategory in zip(table["category"].tolist(), table["subcategory"].tolist(), strict=True)
    ]
    categories = table["category"].tolist()
    traces = []
    for category in _category_sorted(categories):
        mask = [value == category for value in categories]
        rows = table[mask]
        traces.append(
            {
                "type": "bar",
                "y": [label for label, keep in zip(labels, mask, strict=True) if keep],
                "x": rows["amount_eur"].tolist(),
                "orientation": "h",
                "name": style.plain_text(value_word(category)),
                "marker": {"color": style.CATEGORY_COLOURS.get(category, style.OKABE_ITO["grey"])},
                "text": rows["amount"].tolist(),
                "textposition": "outside",
                "hovertemplate": "%{y}: %{text}<extra></extra>",
            }
        )
    layout = {
        "xaxis": {**style.euro_axis(table["amount_eur"].max(), labelled_bars=True), "title": {"text": _("€ (EUR)")}},
        "yaxis": {"autorange": "reversed", "title": {"text": ""}},
    }
    subtitle = _subtitle(
        _(
            "{status} money, € · earmarked parts shown under their own subcategory and taken off their package, "
            "so nothing counts twice"
        ).format(status=_status_label(status)),
        describe_selection(selection),
    )
    note = source_note(tables, _sources_where(tables.pledges, tables.pledges["status"] == status))
    height = style.height_for_rows(len(table), per_row=30, fixed=260)
    return Chart(title, style.styled_figure(traces, layout, title, subtitle, note, height), table)


# --- by source ----------------------------------------------------------------------------------------


# A matrix of every pledge by every document grows as their product (30,000 x 10,000 cells for a 10,000-document
# archive) and is unreadable long before that: past this many pledges it shows the most-reported ones.
MATRIX_MAX_PLEDGES = 60
MATRIX_MAX_DOCUMENTS = 80


def matrix_pledges(pledges: pd.DataFrame) -> pd.DataFrame:
    """The pledges the source matrix shows: all of them, or the MATRIX_MAX_PLEDGES reported by the most sources
    (then the largest in euros), in their original order."""
    if len(pledges) <= MATRIX_MAX_PLEDGES:
        return pledges
    # Only rows that can make the cut are sorted: those with at least as many sources as the
    # MATRIX_MAX_PLEDGES-th most-reported pledge (sorting all 10,000 by three keys, one a string, takes 10 ms).
    n_sources = pledges["n_sources"].to_numpy(dtype=float, na_value=np.nan)
    threshold = np.partition(n_sources, len(n_sources) - MATRIX_MAX_PLEDGES)[len(n_sources) - MATRIX_MAX_PLEDGES]
    candidates = pledges if np.isnan(n_sources).any() else pledges[n_sources >= threshold]
    ranked = candidates.assign(_euros=candidates["amount_eur"].fillna(0)).sort_values(
        ["n_sources", "_euros", "pledge_id"], ascending=[False, False, True], kind="stable"
    )
    return pledges.loc[pledges.index.isin(ranked.index[:MATRIX_MAX_PLEDGES])]


def _published_of(documents: pd.DataFrame) -> dict[str, object]:
    """doc_id -> published, kept per documents frame."""
    return memoized(
        documents,
        "published_of",
        lambda: dict(zip(documents["doc_id"].tolist(), documents["published"].tolist(), strict=True)),
    )


def source_matrix_table(tables: Tables) -> pd.DataFrame:
    """One row per pledge (at most MATRIX_MAX_PLEDGES), one column per document reporting one of them: 1 where
    the document reports the pledge."""
    pledges, documents = matrix_pledges(tables.pledges), tables.documents
    if pledges.empty:
        return pd.DataFrame()
    published = _published_of(documents)
    doc_ids = sorted(_sources_of(pledges), key=lambda doc: (_published_text(published.get(doc)), doc))
    reported = [set(docs) for docs in split_rows(pledges, "sources")]
    if len(doc_ids) > MATRIX_MAX_DOCUMENTS:
        # The documents reporting the most of the shown pledges (earliest first on a tie), in date order.
        reports = pd.Series([doc for docs in split_rows(pledges, "sources") for doc in docs]).value_counts()
        busiest = sorted(doc_ids, key=lambda doc: (-reports.get(doc, 0), _published_text(published.get(doc)), doc))
        kept = set(busiest[:MATRIX_MAX_DOCUMENTS])
        doc_ids = [doc for doc in doc_ids if doc in kept]
    labels = [
        label + (_(" ⚑ single source") if len(reported_by) == 1 else "")
        for label, reported_by in zip(pledge_labels(pledges), reported, strict=True)
    ]
    return pd.DataFrame(
        {
            "pledge": labels,
            **{doc: [int(doc in reported_by) for reported_by in reported] for doc in doc_ids},
            "n_sources": [len(reported_by) for reported_by in reported],
        }
    )


def _published_text(value: object) -> str:
    return str(value) if value is not None and pd.notna(value) else ""


# Above this many documents the matrix's columns are too narrow for labels written across: they stand upright,
# one line each ("NL Times · 2024-02-23").
MATRIX_WIDE_LABEL_COLUMNS = 12
MATRIX_UPRIGHT_LABEL_CHARACTERS = 34
MATRIX_UPRIGHT_LABEL_ROOM = 190  # pixels: 34 + 13 characters of a 9-point label standing upright


def _document_labels(documents: pd.DataFrame, doc_ids: list[str], upright: bool = False) -> list[str]:
    """'NL Times<br>2024-02-23' per document: the publisher wrapped to fit a column, then the date (escaped for
    plotly); `upright`: one line, the publisher cut to fit, then the date. The documents are looked up once per
    documents frame, not scanned per chart or per column."""

    def first_rows() -> dict[str, tuple]:
        found: dict[str, tuple] = {}
        for doc_id, publisher, published in zip(
            documents["doc_id"].tolist(), documents["publisher"].tolist(), documents["published"].tolist(), strict=True
        ):
            if doc_id not in found:
                found[doc_id] = (publisher, published)
        return found

    found = memoized(documents, "document_first_rows", first_rows)
    labels = []
    for doc_id in doc_ids:
        if doc_id not in found:
            labels.append(style.plain_text(doc_id))
            continue
        publisher, published = found[doc_id]
        date = style.format_date(published) if pd.notna(published) else _("date unknown")
        if upright:
            name = str(publisher or doc_id)
            if len(name) > MATRIX_UPRIGHT_LABEL_CHARACTERS:
                name = name[: MATRIX_UPRIGHT_LABEL_CHARACTERS - 1] + "…"
            labels.append(style.plain_text(f"{name} · {date}"))
            continue
        publisher_lines = textwrap.wrap(str(publisher or doc_id), width=16) or [doc_id]
        labels.append("<br>".join(style.plain_text(line) for line in [*publisher_lines, date]))
    return labels


def source_matrix(tables: Tables, selection: Selection) -> Chart:
    """Heatmap: which document reports which pledge; pledges with one source only are flagged ⚑."""
    title = _("Which source reports which pledge")
    table = source_matrix_table(tables)
    if table.empty:
        return Chart(title, None, table, _("No pledges match the current filters."))
    doc_ids = [column for column in table.columns if column not in ("pledge", "n_sources")]
    # Columns are positions, not labels: two documents of one publisher on one day must stay two columns.
    positions = list(range(len(doc_ids)))
    column_docs = [style.plain_text(doc) for doc in doc_ids]
    # NumPy arrays, not nested lists: plotly checks a list cell by cell (60 x 80 cells, twice).
    trace = {
        "type": "heatmap",
        "z": table[doc_ids].to_numpy(),
        "x": positions,
        "y": [style.plain_text(label) for label in table["pledge"].tolist()],
        "customdata": np.array([column_docs] * len(table), dtype=object),
        "colorscale": [[0, "#FFFFFF"], [1, style.NEUTRAL_COLOUR]],
        "showscale": False,
        "xgap": 2,
        "ygap": 2,
        "zmin": 0,
        "zmax": 1,
        "hovertemplate": "%{y}<br>%{customdata}<extra></extra>",
    }
    upright = len(doc_ids) > MATRIX_WIDE_LABEL_COLUMNS
    layout = {
        "xaxis": {
            "tickmode": "array",
            "tickvals": positions,
            "ticktext": _document_labels(tables.documents, doc_ids, upright),
            "title": {"text": ""},
            "side": "top",
            "tickangle": -90 if upright else 0,
            "tickfont": {"size": 9 if upright else 12},
        },
        "yaxis": {"autorange": "reversed", "title": {"text": ""}},
    }
    single = int((table["n_sources"] == 1).sum())
    shown = (
        _("{single} of {count} pledges have one source only (⚑)").format(single=single, count=len(table))
        if len(table) == len(tables.pledges)
        else _("the {count} most-reported of {total} pledges; {single} of them have one source (⚑)").format(
            count=len(table), total=len(tables.pledges), single=single
        )
    )
    subtitle = _subtitle(
        _("Filled cell = the document reports the pledge · {shown}").format(shown=shown), describe_selection(selection)
    )
    note = source_note(tables, set(doc_ids))
    # Upright labels take the room of their longest line above the cells, under the title and subtitle.
    height = style.height_for_rows(len(table), per_row=30, fixed=300 + (MATRIX_UPRIGHT_LABEL_ROOM if upright else 0))
    figure = style.styled_figure([trace], layout, title, subtitle, note, height)
    if upright:
        figure.update_layout(margin={"t": figure.layout.margin.t + MATRIX_UPRIGHT_LABEL_ROOM})
    return Chart(title, figure, table)


def publisher_table(tables: Tables, status: str = "pledged") -> pd.DataFrame:
    """Per publisher: how many pledges it reports and the € of the money packages among them (overlapping).
    Made once per Tables (both publisher charts read it); read-only."""
    # Its `amount` column is written in the active language.
    return memoized(tables, f"publisher_table:{status}:{active_language()}", lambda: _publisher_table(tables, status))


def _publisher_table(tables: Tables, status: str) -> pd.DataFrame:
    pledges = tables.pledges
    publisher_by_doc = publisher_of(tables.documents)
    # One row per pledge and publisher reporting it, as three flat lists: Python over every pledge on every
    # filter change, so no per-row dicts, iterrows or itertuples over Arrow-backed columns.
    publishers, pledge_ids, amounts = [], [], []
    columns = ["pledge_id", "kind", "scope", "status", "amount_eur"]
    values = [pledges[column].tolist() for column in columns[:-1]] + [counted_eur(pledges).tolist()]
    for docs, (pledge_id, kind, scope, pledge_status, amount_eur) in zip(
        split_rows(pledges, "sources"), zip(*values, strict=True), strict=True
    ):
        counts_money = kind == "money" and scope == "package" and pledge_status == status
        amount = float(amount_eur) if counts_money and pd.notna(amount_eur) else 0.0
        for publisher in sorted({publisher_by_doc.get(doc, doc) for doc in docs}):
            publishers.append(publisher)
            pledge_ids.append(pledge_id)
            amounts.append(amount)
    rows = {"publisher": publishers, "pledge_id": pledge_ids, "amount_eur": amounts}
    if not publishers:
        return pd.DataFrame(columns=["publisher", "n_pledges", "amount_eur", "amount"])
    table = (
        pd.DataFrame(rows)
        .groupby("publisher", as_index=False)
        .agg(n_pledges=("pledge_id", "nunique"), amount_eur=("amount_eur", "sum"))
    )
    table["amount"] = table["amount_eur"].map(style.format_eur)
    return table.sort_values(["n_pledges", "publisher"], ascending=[False, True]).reset_index(drop=True)


# Past this many pledges on the count axis, one grid line per pledge (dtick=1) would draw thousands of lines.
COUNT_AXIS_MAX_UNIT_TICKS = 20


def pledges_by_publisher(
    tables: Tables, selection: Selection, measure: str = "count", table: pd.DataFrame | None = None
) -> Chart:
    """Bars per publisher: number of pledges reported (`count`) or € of pledged packages reported (`euro`).
    `table` is `publisher_table(tables)` when the caller already has it (the page draws both measures)."""
    table = publisher_table(tables) if table is None else table
    if measure == "count":
        title = _("Number of pledges each publisher reports")
        column, axis_title = "n_pledges", _("Pledges reported (count)")
    else:
        title = _("Pledged € each publisher reports")
        column, axis_title = "amount_eur", _("€ (EUR) of pledged packages reported")
    if table.empty:
        return Chart(title, None, table, _("No pledges match the current filters."))
    values = table[column].tolist()
    trace = {
        "type": "bar",
        "y": [style.plain_text(publisher) for publisher in table["publisher"].tolist()],
        "x": values,
        "orientation": "h",
        "marker": {"color": style.NEUTRAL_COLOUR},
        "text": table["amount"].tolist() if measure != "count" else [str(value) for value in values],
        "textposition": "outside",
        "hovertemplate": "%{y}: %{text}<extra></extra>",
        "showlegend": False,
    }
    if measure == "count":
        # Whole numbers on the axis: one tick per pledge while few, plotly's own spacing (integers) beyond.
        unit_ticks = {"dtick": 1} if max(values) <= COUNT_AXIS_MAX_UNIT_TICKS else {"tickformat": ",d"}
        xaxis = {"rangemode": "tozero", "range": [0, max(values) * 1.15 + 0.5], **unit_ticks}
    else:
        xaxis = style.euro_axis(max(values), labelled_bars=True)
    layout = {
        "xaxis": {**xaxis, "title": {"text": axis_title}},
        "yaxis": {"autorange": "reversed", "title": {"text": ""}},
    }
    subtitle = _subtitle(
        _("Pledges (money and equipment)")
        if measure == "count"
        else _(
            "Pledged money, € · packages only · a pledge reported by several publishers counts for each: "
            "do not add the bars"
        ),
        describe_selection(selection),
    )
    note = source_note(tables, _sources_of(tables.pledges))
    return Chart(title, style.styled_figure([trace], layout, title, subtitle, note), table)


def publication_timeline_table(tables: Tables, selection: Selection) -> pd.DataFrame:
    """Readable documents (of the chosen publishers) with their publication date and figures extracted."""
    documents = filter_documents(tables.documents, selection)
    documents = documents[documents["status"] == "ok"]
    columns = ["doc_id", "publisher", "published", "title", "n_mentions"]
    return documents[columns].sort_values(["published", "doc_id"], na_position="last").reset_index(drop=True)


# Past this many dated documents the timeline draws one dot per publisher and month, not one per document: ten
# thousand dots cost a third of a second to validate and serialise, and overlap into a solid bar anyway.
TIMELINE_MAX_DOTS = 2000


def publication_timeline(tables: Tables, selection: Selection) -> Chart:
    """Dots per document on a date axis, one row per publisher; dot size = number of figures extracted. Above
    TIMELINE_MAX_DOTS documents, one dot per publisher and month; dot size = documents (the subtitle says so)."""
    title = _("When the sources were published")
    if selection.publishers:
        table, drawing = _publication_drawing(tables, selection)
    else:
        # Only the publisher filter applies to documents: without one, every other filter change draws the same
        # dots, so they are kept with the build's documents (10,000 dates and publishers cost 40 ms to tally).
        key = f"publication_timeline:{tables.corrections_applied}:{TIMELINE_MAX_DOTS}:{active_language()}"
        table, drawing = memoized(tables.documents, key, lambda: _publication_drawing(tables, selection))
    if drawing is None:
        return Chart(title, None, table, _("No dated documents match the current filters."))
    trace, layout, what, note = drawing
    subtitle = _subtitle(what, describe_selection(selection))
    return Chart(title, style.styled_figure([dict(trace)], layout, title, subtitle, note), table)


def _publication_drawing(tables: Tables, selection: Selection) -> tuple[pd.DataFrame, tuple | None]:
    """The timeline's table and (trace, layout, what the subtitle says first, source note), or None without dates."""
    table = publication_timeline_table(tables, selection)
    dated = table.assign(date=table["published"].map(to_date))
    dated = dated[dated["date"].notna()]
    if dated.empty:
        return table, None
    undated = len(table) - len(dated)
    not_shown = _(" · {count} document(s) without a known date not shown").format(count=undated) if undated else ""
    if len(dated) > TIMELINE_MAX_DOTS:
        trace, layout = _monthly_publication_trace(dated)
        what = (
            _(
                "{count} documents read · one dot per publisher and month (more than {most} documents) · "
                "dot size = documents that month"
            ).format(count=style.format_number(len(dated)), most=style.format_number(TIMELINE_MAX_DOTS))
            + not_shown
        )
    else:
        trace, layout = _daily_publication_trace(dated)
        what = _("Documents read · dot size = figures extracted") + not_shown
    return table, (trace, layout, what, source_note(tables, set(dated["doc_id"].tolist())))


def _daily_publication_trace(dated: pd.DataFrame) -> tuple[dict, dict]:
    """One dot per document."""
    # NumPy arrays, not lists: plotly validates a list element by element (a tenth of a second per 10,000 dots).
    trace = {
        "type": "scatter",
        "x": np.array(dated["date"].tolist(), dtype="datetime64[ns]"),
        "y": np.array(
            [style.plain_text(publisher or _("unknown publisher")) for publisher in dated["publisher"].tolist()],
            dtype=object,
        ),
        "mode": "markers",
        "marker": {
            "size": np.array([10 + 4 * min(int(count), 10) for count in dated["n_mentions"].tolist()]),
            "color": style.NEUTRAL_COLOUR,
            "line": {"color": style.EMPHASIS_COLOUR, "width": 1},
        },
        "customdata": np.array(
            [
                [style.plain_text(title_text), style.plain_text(doc)]
                for title_text, doc in zip(dated["title"].tolist(), dated["doc_id"].tolist(), strict=True)
            ],
            dtype=object,
        ),
        "hovertemplate": "%{x|%Y-%m-%d} · %{y}<br>%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        "showlegend": False,
    }
    layout = {
        "xaxis": {"type": "date", "title": {"text": _("Publication date")}, **style.date_ticks("month")},
        "yaxis": {"title": {"text": ""}, "rangemode": "normal"},
    }
    return trace, layout


def _monthly_publication_trace(dated: pd.DataFrame) -> tuple[dict, dict]:
    """One dot per publisher and month (drawn on the month's first day)."""
    # Tallied under plain tuples: building a Timestamp or escaping a name per document would cost more than the dots.
    counts: dict[tuple[int, int, str], list[int]] = {}
    for publisher, date, figures in zip(
        dated["publisher"].tolist(), dated["date"].tolist(), dated["n_mentions"].tolist(), strict=True
    ):
        tally = counts.setdefault((date.year, date.month, publisher or _("unknown publisher")), [0, 0])
        tally[0] += 1
        tally[1] += int(figures)
    keys = sorted(counts)
    documents = np.array([counts[key][0] for key in keys])
    trace = {
        "type": "scatter",
        "x": np.array([f"{year:04d}-{month:02d}-01" for year, month, _ in keys], dtype="datetime64[ns]"),
        "y": np.array([style.plain_text(publisher) for _, _, publisher in keys], dtype=object),
        "mode": "markers",
        "marker": {
            # Area grows with the number of documents: 8 px for one, 40 px for the busiest month.
            "size": 8 + 32 * np.sqrt(documents / documents.max()),
            "color": style.NEUTRAL_COLOUR,
            "line": {"color": style.EMPHASIS_COLOUR, "width": 1},
        },
        "customdata": np.array([[counts[key][0], counts[key][1]] for key in keys]),
        "hovertemplate": "%{x|%Y-%m} · %{y}<br>"
        + _("%{customdata[0]} documents, %{customdata[1]} figures extracted")
        + "<extra></extra>",
        "showlegend": False,
    }
    layout = {
        "xaxis": {"type": "date", "title": {"text": _("Publication month")}, **style.date_ticks("month")},
        "yaxis": {"title": {"text": ""}, "rangemode": "normal"},
    }
    return trace, layout


# --- agreements ---------------------------------------------------------------------------------------

AGREEMENT_SYMBOLS = {"agreement": "circle", "declaration": "diamond", "statement": "square"}


def agreements_table(tables: Tables) -> pd.DataFrame:
    """Agreements with the date used on the timeline (announced, else signed)."""
    agreements = tables.agreements
    columns = [
        "agreement_id",
        "kind",
        "parties",
        "announced",
        "signed",
        "duration_years",
        "themes",
        "sources",
    ]
    table = agreements[columns].copy()
    table["date"] = agreements["announced"].fillna(agreements["signed"])
    return table.sort_values(["date", "agreement_id"], na_position="last").reset_index(drop=True)


def agreements_timeline(tables: Tables, selection: Selection) -> Chart:
    """Markers on a date axis: announced (hollow) and signed (filled), one row per agreement."""
    title = _("Agreements, declarations and statements on support to Ukraine")
    table = agreements_table(tables)
    if table.empty:
        return Chart(title, None, table, _("No agreements match the current filters."))
    labels = [
        style.plain_text(f"{value_word(kind).capitalize()}: {' – '.join(split_list(parties))}")
        + (_(" ({count} years)").format(count=int(duration)) if pd.notna(duration) else "")
        for kind, parties, duration in zip(table["kind"], table["parties"], table["duration_years"], strict=True)
    ]
    figure = go.Figure()
    for which, filled in [("announced", False), ("signed", True)]:
        which_word = _("Announced") if which == "announced" else _("Signed")
        dates = table[which].map(to_date)
        mask = dates.notna().tolist()
        if not any(mask):
            continue
        figure.add_scatter(
            x=dates[mask].tolist(),
            y=[label for label, keep in zip(labels, mask, strict=True) if keep],
            mode="markers",
            name=which_word,
            marker={
                "size": 14,
                "symbol": [
                    AGREEMENT_SYMBOLS.get(kind, "circle") + ("" if filled else "-open")
                    for kind in table.loc[mask, "kind"]
                ],
                "color": style.EMPHASIS_COLOUR if filled else style.NEUTRAL_COLOUR,
                "line": {"width": 2, "color": style.NEUTRAL_COLOUR if not filled else style.EMPHASIS_COLOUR},
            },
            customdata=[style.plain_text(themes) for themes in table.loc[mask, "themes"]],
            hovertemplate="%{y}<br>"
            + which_word
            + " %{x|%Y-%m-%d}<br>"
            + _("themes")
            + ": %{customdata}<extra></extra>",
        )
    figure.update_xaxes(type="date", title_text=_("Date"), **style.date_ticks("month"))
    figure.update_yaxes(autorange="reversed", title_text="")
    subtitle = _subtitle(
        _("Open marker = announced, filled = signed · ○ agreement, ◇ declaration, □ statement"),
        describe_selection(selection),
    )
    note = source_note(tables, _sources_of(tables.agreements))
    height = style.height_for_rows(len(table), per_row=40, fixed=280)
    return Chart(title, style.style_figure(figure, title, subtitle, note, height), table)
