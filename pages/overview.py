"""Overview: headline figures, the headline chart, the newest pledges."""

import streamlit as st

from dashboard_app import charts, summaries
from dashboard_app.i18n import gettext as _
from dashboard_app.render import (
    cached_chart,
    current_view,
    drawn_when_opened,
    from_view,
    show_chart,
    show_nothing_matches,
    show_table,
)

DELIVERED_TABLE, NEWEST_TABLE = "overview_delivered_table", "overview_newest_table"  # the folds' keys

view = current_view()
tables = view.tables
st.title(_("Support to Ukraine: what has been pledged"))
st.caption(summaries.data_as_of_line(view.all_tables))

headlines = from_view(view, summaries.headline_figures)
columns = st.columns([1, 1, 1, 1.4])  # room for a date written out: 3 december 2025
total_help = (
    _("Sum of pledged money packages in EUR. Earmarked parts, delivered money and running totals are not added.")
    + " "
    + _("A per-year pledge counts once per year it covers (amount × years).")
)
for index, (column, (label, value)) in enumerate(zip(columns, summaries.headline_metrics(headlines), strict=True)):
    column.metric(label, value, help=total_help if index == 0 else None)

if tables.pledges.empty:
    show_nothing_matches()
else:
    show_chart(cached_chart(view, charts.money_by_year, "covered"), key="overview_by_year", table_when_opened=True)

# After the chart: a list of every donor's snapshot grows with the archive, and the chart is what the page is for.
# The page's tables are folded and drawn once opened: the landing page's first chart then does not wait on the
# data grid's code.
st.subheader(_("Delivered to date, as last reported"))
if headlines.latest_delivered_to_date.empty:
    st.write(_("No running total ('delivered so far') is reported under the current filters."))
else:
    st.caption(
        _(
            "The latest cumulative figure a source reported per donor and category: a snapshot, "
            "not added to the pledges above."
        )
    )
    delivered = headlines.latest_delivered_to_date
    with drawn_when_opened(_("Table: delivered to date per donor and category"), key=DELIVERED_TABLE) as opened:
        if opened:
            show_table(
                delivered[["donor", "category", "amount", "as_of", "sources"]].rename(
                    columns={"amount": "delivered to date (EUR)", "as_of": "as reported on"}
                )
            )

if not tables.pledges.empty:
    st.subheader(_("Newest pledges"))
    with drawn_when_opened(_("Table: the newest pledges, in words"), key=NEWEST_TABLE) as opened:
        if opened:
            show_table(from_view(view, summaries.newest_pledges))
