"""Overview: headline figures, the headline chart, the newest pledges."""

import streamlit as st

from dashboard_app import charts, style, summaries
from dashboard_app.render import cached_chart, current_view, from_view, show_chart, show_nothing_matches, show_table

view = current_view()
tables = view.tables
st.title("Support to Ukraine: what has been pledged")
st.caption(summaries.data_as_of_line(view.all_tables))

headlines = from_view(view, summaries.headline_figures)
columns = st.columns(4)
columns[0].metric(
    "Total pledged",
    style.format_eur(headlines.total_pledged_eur),
    help="Sum of pledged money packages in EUR. Earmarked parts, delivered money and running totals are not added.",
)
columns[1].metric("Pledges", headlines.n_pledges)
columns[2].metric("Sources reporting them", headlines.n_sources)
columns[3].metric("Latest document", headlines.latest_document_date or "unknown")

st.subheader("Delivered to date, as last reported")
if headlines.latest_delivered_to_date.empty:
    st.write("No running total ('delivered so far') is reported under the current filters.")
else:
    for _, row in headlines.latest_delivered_to_date.iterrows():
        # Donor names can be typed by an analyst (corrections): plain text, never markdown.
        st.text(
            f"{row['donor']} ({row['category']}): {row['amount']} delivered to date, "
            f"as reported on {row['as_of']} — a snapshot, not added to the pledges above."
        )

if tables.pledges.empty:
    show_nothing_matches()
else:
    show_chart(cached_chart(view, charts.money_by_year, "covered"), key="overview_by_year")
    st.subheader("Newest pledges")
    show_table(from_view(view, summaries.newest_pledges))
