"""By year: € by year and category (three views), equipment apart from money, running totals over time (money, and
cumulative equipment counts per donor and item)."""

import streamlit as st

from dashboard_app import charts
from dashboard_app.i18n import gettext as _
from dashboard_app.i18n import labels_of
from dashboard_app.render import cached_chart, current_view, show_chart

view = current_view()
tables = view.tables
st.title(_("Support by year"))

year_view = st.radio(
    _("Count each pledge"),
    list(charts.YEAR_VIEWS),
    format_func=labels_of(charts.YEAR_VIEWS),
    horizontal=True,
    key="year_view",
    persist_state="session",
    help=_("Covered year spreads a multi-year pledge evenly; announcement year counts it whole when announced.")
    + " "
    + _("A per-year pledge gets its yearly amount in every year it covers; by announcement year, amount × years."),
)
if year_view == "timeline":
    show_chart(cached_chart(view, charts.pledge_timeline), key="year_timeline")
else:
    for status in charts.statuses_present(tables.pledges) or ["pledged"]:
        show_chart(cached_chart(view, charts.money_by_year, year_view, status), key=f"year_money_{status}")
    st.subheader(_("Equipment (counted in items, not money)"))
    show_chart(cached_chart(view, charts.equipment_by_year, year_view), key="year_equipment")

st.subheader(_("Delivered to date, as reported over time"))
show_chart(cached_chart(view, charts.running_totals_over_time), key="year_running_totals")

st.subheader(_("Equipment delivered to date, as reported over time"))
if (view.all_tables.running_totals["kind"] == "equipment").any():
    st.caption(
        _(
            "Cumulative counts a source reported per donor and item ('has donated 196 armoured vehicles since the "
            "invasion'), as of the document's date: snapshots, never added to the equipment pledges above."
        )
    )
    show_chart(cached_chart(view, charts.equipment_running_totals), key="year_equipment_running_totals")
else:
    st.caption(_("No document reports a cumulative count of equipment ('has donated 196 armoured vehicles so far')."))
