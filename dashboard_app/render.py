"""Streamlit helpers shared by the pages: the per-run view, charts with their tables, empty states."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

import pandas as pd
import streamlit as st

from dashboard_app.charts import Chart
from dashboard_app.corrections_view import corrections_note
from dashboard_app.filters import Selection
from dashboard_app.i18n import CODED_COLUMNS, active_language, column_word, value_word
from dashboard_app.i18n import gettext as _
from dashboard_app.memo import memoized
from dashboard_app.style import plotly_config
from dashboard_app.widgets import chosen_image_format
from data_pipeline.tables import Tables

VIEW_KEY = "dashboard_view"
T = TypeVar("T")


@dataclass(frozen=True)
class DashboardView:
    """What every page works from in this run: the whole build, the filtered build and the selection."""

    all_tables: Tables
    tables: Tables
    selection: Selection


def set_view(view: DashboardView) -> None:
    """Called by the entrypoint each run, before the page runs."""
    st.session_state[VIEW_KEY] = view


def current_view() -> DashboardView:
    """The view the entrypoint prepared for this run."""
    if leave_legacy_pages_mode():
        # This page was started without dashboard.py (see below): rerun, this time through the entrypoint.
        st.rerun()
    return st.session_state[VIEW_KEY]


def leave_legacy_pages_mode() -> bool:
    """Switch Streamlit's old pages/ mode off for every later run; True if this run was started in it.

    Streamlit 1.67 runs the first script run of a server process (and every AppTest run) through its old
    "pages/ folder" mode when a pages/ folder sits beside the entrypoint; only st.navigation switches it
    off, for later runs. In that mode a bookmarked /by_year opened right after `make run` would run
    pages/by_year.py alone: no data, no sidebar. The entrypoint calls this first so that its own
    st.navigation takes over; a page started alone reruns. tests/test_browser.py opens a deep link as
    the first request to a new server.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if not PagesManager.uses_pages_directory:
        return False
    PagesManager.uses_pages_directory = False
    return True


def from_view(view: DashboardView, function: Callable[..., T], *args: str) -> T:
    """`function(view.tables, *args)`, kept with the view's tables. apply_filters hands out one unfiltered view
    per build, so with no filter set (how every session starts, and where 'Reset filters' returns) a rerun or a
    page switch reuses what was drawn; any other view is new on each run and computes afresh."""
    name = f"from_view:{function.__module__}.{function.__qualname__}:{args!r}:{active_language()}"
    return memoized(view.tables, name, lambda: function(view.tables, *args))


def cached_chart(view: DashboardView, builder: Callable[..., Chart], *args: str) -> Chart:
    """`builder(view.tables, view.selection, *args)`, kept with the view's tables as `from_view` keeps values."""
    name = f"chart:{builder.__module__}.{builder.__qualname__}:{args!r}:{view.selection!r}:{active_language()}"
    return memoized(view.tables, name, lambda: builder(view.tables, view.selection, *args))


def show_chart(chart: Chart, key: str, table_when_opened: bool = False) -> None:
    """The chart (white background, briefing download settings) and, folded under it, its exact numbers; with
    `table_when_opened` the table is drawn only once the fold is opened (see `drawn_when_opened`)."""
    if chart.is_empty:
        st.info(_(chart.empty_message))
        return
    st.plotly_chart(chart.figure, theme=None, key=key, config=plotly_config(chart.title, chosen_image_format()))
    label = _("Table: the numbers behind this chart")
    if not table_when_opened:
        with st.expander(label):
            show_table(chart.data)
        return
    with drawn_when_opened(label, key=f"{key}_table") as opened:
        if opened:
            show_table(chart.data)


@contextmanager
def drawn_when_opened(label: str, key: str) -> Iterator[bool]:
    """A closed fold whose contents the caller draws only when this yields True: opening it reruns the script.

    A closed st.expander still sends its contents, and the browser loads a table's code (the data grid and arrow
    formatting, 1.6 MB) as soon as one is sent, folded or not. On the overview, the landing page, that code
    loaded beside plotly's and delayed the first chart (BENCHMARKS.md, issue 20, first chart)."""
    with st.expander(label, key=key, on_change="rerun") as section:
        yield bool(section.open)


# How the tables show figures (the values, and every download, stay as they are): 52586206896.5517 reads as
# €52,586,206,896.55, a count of 1200 as 1,200.
NUMBER_COLUMN_FORMATS = {"amount": "localized", "amount_eur": "euro", "quantity": "localized"}


def number_columns(frame: pd.DataFrame) -> dict:
    """Column settings that show the frame's figure columns with thousands separators (and € for EUR)."""
    return {
        name: st.column_config.NumberColumn(format=number_format)
        for name, number_format in NUMBER_COLUMN_FORMATS.items()
        if name in frame.columns and pd.api.types.is_numeric_dtype(frame[name])
    }


def show_table(frame: pd.DataFrame, **kwargs) -> None:
    """A read-only table without the meaningless row index, its figures with thousands separators, saying how many
    corrections the build includes."""
    config = {**number_columns(frame), **kwargs.get("column_config", {})}
    if active_language() != "en":
        frame, config = translated_table(frame, config)
    kwargs["column_config"] = config
    st.dataframe(frame, hide_index=True, **kwargs)
    view = st.session_state.get(VIEW_KEY)
    note = corrections_note(view.all_tables.corrections_applied) if view is not None else ""
    if note:
        st.caption(_("Includes the analysts' corrections: {note}.").format(note=note))


def translated_table(frame: pd.DataFrame, config: dict) -> tuple[pd.DataFrame, dict]:
    """The frame as shown in the active language: headers and coded values (categories, statuses…) translated,
    every other value (document text, titles, names) as written. A new frame; the column settings follow."""
    shown = frame.assign(
        **{
            column: [value_word(value) if isinstance(value, str) else value for value in frame[column].tolist()]
            for column in CODED_COLUMNS
            if column in frame.columns and not pd.api.types.is_numeric_dtype(frame[column])
        }
    )
    headers = {column: column_word(column) for column in frame.columns}
    if len(set(headers.values())) < len(headers):  # two columns named alike: keep the original names
        return shown, config
    return shown.rename(columns=headers), {headers.get(name, name): value for name, value in config.items()}


def show_nothing_matches(what: str = "pledges") -> None:
    """The plain-words empty state used when filters leave nothing."""
    message = (
        _("No documents match the current filters. Widen the filters or press 'Reset filters' in the sidebar.")
        if what == "documents"
        else _("No pledges match the current filters. Widen the filters or press 'Reset filters' in the sidebar.")
    )
    st.info(message)
