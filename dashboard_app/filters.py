"""The one filter model: a plain Selection, the pure apply_filters, and a plain-words description of it."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard_app.i18n import N_, gettext, value_word
from dashboard_app.memo import known, memoized, remember
from data_pipeline.tables import CATEGORIES, Tables


def split_list(joined: object) -> list[str]:
    """Split the pipeline's ';'-joined lists (donors, sources, publishers, mention ids)."""
    if joined is None or (isinstance(joined, float) and pd.isna(joined)) or joined is pd.NA:
        return []
    return [part.strip() for part in str(joined).split(";") if part.strip()]


@dataclass(frozen=True)
class Selection:
    """What the user asked to see. An empty tuple means 'all'; `year_range` None means 'all years'."""

    donors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    subcategories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    year_range: tuple[int, int] | None = None
    text: str = ""

    def is_empty(self) -> bool:
        """True when nothing is filtered."""
        return self == Selection()


@dataclass(frozen=True)
class FilterOptions:
    """The values each filter offers, taken from the unfiltered tables so choices never vanish."""

    donors: tuple[str, ...]
    recipients: tuple[str, ...]
    categories: tuple[str, ...]
    subcategories: tuple[str, ...]
    statuses: tuple[str, ...]
    kinds: tuple[str, ...]
    publishers: tuple[str, ...]
    years: tuple[int, int] | None


def _distinct(values: pd.Series, split: bool = False) -> tuple[str, ...]:
    found: set[str] = set()
    for value in values.dropna().tolist():
        found.update(split_list(value) if split else [str(value)])
    return tuple(sorted(found))


def filter_options(tables: Tables) -> FilterOptions:
    """Collect every value the filters can offer (once per build: they come from the unfiltered tables)."""
    return memoized(tables, "filter_options", lambda: _collect_options(tables))


def _collect_options(tables: Tables) -> FilterOptions:
    pledges, running, agreements = tables.pledges, tables.running_totals, tables.agreements
    years = pd.concat(
        [
            pledges["year_start"],
            pledges["year_end"],
            pledges["announced_year"],
            tables.pledge_years["year"],
            running["year_start"],
            running["year_end"],
        ]
    ).dropna()
    recipients = set(_distinct(pledges["recipient"])) | set(_distinct(running["recipient"]))
    # Agreement parties are donors too (Belgium, United Kingdom), except the recipient side (Ukraine).
    agreement_parties = set(_distinct(agreements["parties"], split=True)) - recipients
    donors = set(_distinct(pledges["donor"], split=True)) | set(_distinct(running["donor"], split=True))
    return FilterOptions(
        donors=tuple(sorted(donors | agreement_parties)),
        recipients=tuple(sorted(recipients)),
        categories=tuple(sorted(set(pledges["category"]) | set(running["category"]), key=_category_order)),
        subcategories=_distinct(pledges["subcategory"]),
        statuses=tuple(sorted(set(pledges["status"]) | set(running["status"]))),
        kinds=_distinct(pledges["kind"]),
        publishers=_distinct(tables.documents["publisher"].replace("", pd.NA)),
        years=(int(years.min()), int(years.max())) if len(years) else None,
    )


def _category_order(category: str) -> int:
    return CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)


@lru_cache(maxsize=1 << 17)
def _split_text(joined: str) -> tuple[str, ...]:
    return tuple(split_list(joined))


def take_rows(
    frame: pd.DataFrame, keep: np.ndarray | pd.Series, columns: list[str] | None = None, renumber: bool = False
) -> pd.DataFrame:
    """`frame[columns][keep]` (rows numbered from 0 if `renumber`), remembering which rows of the build's frame
    these are: what is kept for the build (split lists, labels) is then looked up for them instead of worked out
    again on every filter change."""
    keep = np.asarray(keep, dtype=bool)
    taken = (frame if columns is None else frame[columns])[keep]
    if renumber:
        taken = taken.reset_index(drop=True)
    base, positions = origin_of(frame)
    remember(taken, "origin", (base, positions[keep]))
    return taken


def origin_of(frame: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The frame `frame`'s rows were taken from (see take_rows) and their positions in it; else itself."""
    found = known(frame, "origin")
    return found if found is not None else (frame, np.arange(len(frame)))  # type: ignore[return-value]


def split_rows(frame: pd.DataFrame, column: str) -> list[tuple[str, ...]]:
    """`split_list` of every value of a ';'-joined column, kept per frame (read-only: tuples)."""

    def split_all() -> list[tuple[str, ...]]:
        base, positions = origin_of(frame)
        if base is not frame:
            base_rows = split_rows(base, column)
            return [base_rows[position] for position in positions.tolist()]
        return [
            _split_text(value) if isinstance(value, str) else tuple(split_list(value))
            for value in frame[column].tolist()
        ]

    return memoized(frame, f"split_rows:{column}", split_all)


def joined_values(frame: pd.DataFrame, column: str) -> frozenset[str]:
    """Every value of a ';'-joined column (each document of `sources`, each donor of a joint pledge)."""
    return memoized(frame, f"joined_values:{column}", lambda: frozenset().union(*split_rows(frame, column)))


def _matches_any(frame: pd.DataFrame, column: str, wanted: tuple[str, ...]) -> np.ndarray:
    """Rows whose ';'-joined list shares a value with `wanted` (a joint pledge counts for each donor)."""
    wanted_set = set(wanted)
    return np.array([not wanted_set.isdisjoint(parts) for parts in split_rows(frame, column)], dtype=bool)


def _years_overlap(start: pd.Series, end: pd.Series, fallback: pd.Series, year_range: tuple[int, int]):
    """Rows whose covered years overlap the range; rows without covered years use `fallback` (a year)."""
    low, high = year_range
    start_filled = start.fillna(end).fillna(fallback)
    end_filled = end.fillna(start).fillna(fallback)
    overlap = (start_filled <= high) & (end_filled >= low)
    return overlap.fillna(False).astype(bool)


def is_in(column: pd.Series, wanted) -> pd.Series:
    """`column.isin(wanted)` without pandas' slow path for Arrow-backed strings (0.1 s per 50,000 rows; this
    takes a tenth of that, and every filter change runs it)."""
    # A Series is listed first: iterating an Arrow-backed one boxes every value (15 ms for 14,000 ids).
    wanted = set(wanted.tolist() if isinstance(wanted, pd.Series | pd.Index) else wanted)
    if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
        # Arrow's own is_in, without a Python value per row: 0.6 ms for 50,000 ids instead of 5 ms. Only text
        # can equal text, so other wanted values are left out; a missing value matches nothing, as above.
        values = pa.array(column.array)
        value_set = pa.array([value for value in wanted if isinstance(value, str)], type=values.type)
        found = pc.is_in(values, value_set=value_set).to_numpy(zero_copy_only=False)
        return pd.Series(found, index=column.index, dtype=bool)
    return pd.Series([value in wanted for value in column.tolist()], index=column.index, dtype=bool)


def publisher_of(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> publisher, kept per documents frame (the build's, shared by every filtered view)."""
    return memoized(
        documents,
        "publisher_of",
        lambda: dict(zip(documents["doc_id"].tolist(), documents["publisher"].tolist(), strict=True)),
    )


def _sources_published_by(frame: pd.DataFrame, tables: Tables, publishers: tuple[str, ...]) -> np.ndarray:
    """Rows with at least one source document from one of `publishers`."""
    wanted = set(publishers)
    wanted_docs = {doc for doc, publisher in publisher_of(tables.documents).items() if publisher in wanted}
    return np.array([not wanted_docs.isdisjoint(docs) for docs in split_rows(frame, "sources")], dtype=bool)


def _text_matches(frame: pd.DataFrame, columns: list[str], text: str) -> np.ndarray:
    """Case-insensitive substring search over the given text columns."""
    # Underscores read as spaces, so "air defence" finds the subcategory air_defence.
    needle = text.strip().casefold().replace("_", " ")
    return _haystack(frame, columns).str.contains(needle, regex=False).fillna(False).astype(bool).to_numpy()


def _haystack(frame: pd.DataFrame, columns: list[str]) -> pd.Series:
    """The searched columns of each row joined by spaces, casefolded, underscores as spaces (kept per frame)."""

    def build() -> pd.Series:
        if frame.empty:
            return pd.Series([], index=frame.index, dtype="string")
        texts = [frame[column].astype("string").fillna("") for column in columns]
        joined = texts[0]
        for text in texts[1:]:
            joined = joined + " " + text
        return joined.str.casefold().str.replace("_", " ", regex=False)

    return memoized(frame, "haystack:" + ",".join(columns), build)


def _mask(column: pd.Series | np.ndarray) -> np.ndarray:
    return column.to_numpy(dtype=bool) if isinstance(column, pd.Series) else column


PLEDGE_SEARCH_COLUMNS = [
    "pledge_id",
    "donor",
    "recipient",
    "item",
    "category",
    "subcategory",
    "publishers",
    "evidence",
]


def _pledge_mask(tables: Tables, selection: Selection) -> np.ndarray:
    pledges = tables.pledges
    keep = np.ones(len(pledges), dtype=bool)
    if selection.donors:
        keep &= _matches_any(pledges, "donor", selection.donors)
    for column, wanted in [
        ("recipient", selection.recipients),
        ("category", selection.categories),
        ("subcategory", selection.subcategories),
        ("status", selection.statuses),
        ("kind", selection.kinds),
    ]:
        if wanted:
            keep &= _mask(is_in(pledges[column], wanted))
    if selection.publishers:
        keep &= _sources_published_by(pledges, tables, selection.publishers)
    if selection.year_range is not None:
        keep &= _mask(
            _years_overlap(pledges["year_start"], pledges["year_end"], pledges["announced_year"], selection.year_range)
        )
    if selection.text.strip():
        keep &= _text_matches(pledges, PLEDGE_SEARCH_COLUMNS, selection.text)
    return keep


def _running_mask(tables: Tables, selection: Selection) -> np.ndarray:
    running = tables.running_totals
    keep = np.ones(len(running), dtype=bool)
    if selection.donors:
        keep &= _matches_any(running, "donor", selection.donors)
    for column, wanted in [
        ("recipient", selection.recipients),
        ("category", selection.categories),
        ("status", selection.statuses),
    ]:
        if wanted:
            keep &= _mask(is_in(running[column], wanted))
    if selection.kinds:
        keep &= _mask(is_in(running["kind"], selection.kinds))
    if selection.subcategories:
        # Running totals carry no subcategory: a subcategory filter cannot claim them.
        keep[:] = False
    if selection.publishers:
        keep &= _sources_published_by(running, tables, selection.publishers)
    if selection.year_range is not None:
        as_of_year = pd.to_numeric(running["as_of"].str[:4], errors="coerce")
        keep &= _mask(_years_overlap(running["year_start"], running["year_end"], as_of_year, selection.year_range))
    if selection.text.strip():
        keep &= _text_matches(running, ["donor", "recipient", "category", "item", "evidence"], selection.text)
    return keep


def _rows(frame: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """The kept rows, numbered from 0. When every row is kept and already numbered so, the frame itself: the
    unfiltered view then shares the build's frames, and with them everything kept per frame (dashboard_app.memo)."""
    if keep.all():
        numbered = isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0 and frame.index.step == 1
        return frame if numbered else frame.reset_index(drop=True)
    return take_rows(frame, keep, renumber=True)


def filter_pledges(tables: Tables, selection: Selection) -> pd.DataFrame:
    """The pledges the selection keeps (a new frame; the input is left alone)."""
    return _rows(tables.pledges, _pledge_mask(tables, selection))


def filter_running_totals(tables: Tables, selection: Selection) -> pd.DataFrame:
    """Running totals under the same filters (kinds do not apply: running totals are money)."""
    return _rows(tables.running_totals, _running_mask(tables, selection))


def filter_agreements(tables: Tables, selection: Selection) -> pd.DataFrame:
    """Agreements with a chosen donor or recipient among the parties, in the years, from chosen publishers."""
    agreements = tables.agreements
    keep = np.ones(len(agreements), dtype=bool)
    if selection.donors:
        keep &= _matches_any(agreements, "parties", selection.donors)
    if selection.recipients:
        keep &= _matches_any(agreements, "parties", selection.recipients)
    if selection.publishers:
        keep &= _sources_published_by(agreements, tables, selection.publishers)
    if selection.year_range is not None:
        date = agreements["announced"].fillna(agreements["signed"])
        year = pd.to_numeric(date.str[:4], errors="coerce")
        keep &= _mask(_years_overlap(year, year, year, selection.year_range))
    if selection.text.strip():
        keep &= _text_matches(agreements, ["parties", "kind", "themes", "evidence"], selection.text)
    return _rows(agreements, keep)


@dataclass(frozen=True)
class _Links:
    """Which rows of one table point at which rows of another, as two aligned arrays of row positions."""

    source: np.ndarray
    target: np.ndarray

    def reached(self, kept_sources: np.ndarray, n_targets: int) -> np.ndarray:
        """Targets pointed at by at least one kept source row."""
        reached = np.zeros(n_targets, dtype=bool)
        reached[self.target[kept_sources[self.source]]] = True
        return reached


def _links(sources: list, targets: pd.Series) -> _Links:
    """Links from each position of `sources` (a list of id tuples) to every row of `targets` with that id."""
    rows_of: dict[object, list[int]] = {}
    for row, value in enumerate(targets.tolist()):
        rows_of.setdefault(value, []).append(row)
    source, target = [], []
    for position, ids in enumerate(sources):
        for found in ids:
            for row in rows_of.get(found, ()):
                source.append(position)
                target.append(row)
    return _Links(np.array(source, dtype=np.intp), np.array(target, dtype=np.intp))


@dataclass(frozen=True)
class _BuildLinks:
    years: _Links  # pledge -> its pledge_years rows
    pledge_mentions: _Links  # pledge -> the mentions behind it
    running_mentions: _Links  # running total -> the mentions behind it


def _build_links(tables: Tables) -> _BuildLinks:
    """How the build's tables point into each other, worked out once per build (a filter change then keeps
    rows with array lookups instead of splitting and matching 50,000 ids)."""

    def build() -> _BuildLinks:
        # Reversed for years: each pledge_years row finds the pledges whose pledge_id it carries.
        to_pledges = _links(
            [(pledge_id,) for pledge_id in tables.pledge_years["pledge_id"].tolist()], tables.pledges["pledge_id"]
        )
        return _BuildLinks(
            years=_Links(source=to_pledges.target, target=to_pledges.source),
            pledge_mentions=_links(split_rows(tables.pledges, "mention_ids"), tables.mentions["mention_id"]),
            running_mentions=_links(split_rows(tables.running_totals, "mention_ids"), tables.mentions["mention_id"]),
        )

    return memoized(tables, "build_links", build)


def apply_filters(tables: Tables, selection: Selection) -> Tables:
    """A new Tables holding only what the selection keeps; `tables` (the cached build) is never changed.

    Pledges, running totals and agreements are filtered by the selection; pledge_years follows the kept
    pledges (and the year range); mentions follow what was kept. `documents` stays whole: it is the
    reference every kept row points into (a pledge kept for one publisher is still reported by others, and
    "data as of" is the newest document read); use `filter_documents` to list documents. `problems` and
    `texts` are shared as they are (read-only).

    The unfiltered view is made once per build and handed out again (the same object): every page starts there
    and "Reset filters" goes back there, so what is derived from it is kept too (render.cached_chart).
    """
    if selection.is_empty():
        return memoized(tables, "unfiltered_view", lambda: _apply_filters(tables, selection))
    return _apply_filters(tables, selection)


def _apply_filters(tables: Tables, selection: Selection) -> Tables:
    links = _build_links(tables)
    keep_pledges = _pledge_mask(tables, selection)
    keep_running = _running_mask(tables, selection)

    keep_years = links.years.reached(keep_pledges, len(tables.pledge_years))
    if selection.year_range is not None:
        low, high = selection.year_range
        keep_years &= _mask(tables.pledge_years["year"].between(low, high))

    n_mentions = len(tables.mentions)
    keep_mentions = links.pledge_mentions.reached(keep_pledges, n_mentions)
    keep_mentions |= links.running_mentions.reached(keep_running, n_mentions)

    return replace(
        tables,
        mentions=_rows(tables.mentions, keep_mentions),
        pledges=_rows(tables.pledges, keep_pledges),
        pledge_years=_rows(tables.pledge_years, keep_years),
        running_totals=_rows(tables.running_totals, keep_running),
        agreements=filter_agreements(tables, selection),
    )


def filter_documents(documents: pd.DataFrame, selection: Selection) -> pd.DataFrame:
    """The documents to list under the selection: only the publisher filter applies to documents."""
    if selection.publishers:
        return _rows(documents, _mask(is_in(documents["publisher"], selection.publishers)))
    return documents.reset_index(drop=True)


FILTER_LABELS = {
    "donors": N_("donor"),
    "recipients": N_("recipient"),
    "categories": N_("category"),
    "subcategories": N_("subcategory"),
    "statuses": N_("status"),
    "kinds": N_("kind"),
    "publishers": N_("publisher"),
}
CODED_FILTERS = ("categories", "subcategories", "statuses", "kinds")


def describe_selection(selection: Selection) -> str:
    """The active filters in a few words, for chart subtitles ('all data' when nothing is filtered)."""
    parts = []
    for selection_field in fields(Selection):
        name = selection_field.name
        value = getattr(selection, name)
        if name in FILTER_LABELS and value:
            shown = [value_word(item) for item in value] if name in CODED_FILTERS else list(value)
            parts.append(f"{gettext(FILTER_LABELS[name])}: {', '.join(shown)}")
    if selection.year_range is not None:
        parts.append(
            gettext("years {first}–{last}").format(first=selection.year_range[0], last=selection.year_range[1])
        )
    if selection.text.strip():
        parts.append(gettext('text "{text}"').format(text=selection.text.strip()))
    return gettext("Filters: {filters}").format(filters="; ".join(parts)) if parts else gettext("All data, no filters")
