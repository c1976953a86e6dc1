"""By source: which source reports which pledge, per-publisher counts and €, when sources were published."""

import streamlit as st

from dashboard_app import charts
from dashboard_app.render import current_view, show_chart

view = current_view()
tables = view.tables
st.title("Support by source")
show_chart(charts.source_matrix(tables, view.selection), key="source_matrix")
publishers = charts.publisher_table(tables)  # built once for both charts
left, right = st.columns(2)
with left:
    show_chart(charts.pledges_by_publisher(tables, view.selection, "count", publishers), key="source_publisher_count")
with right:
    show_chart(charts.pledges_by_publisher(tables, view.selection, "euro", publishers), key="source_publisher_euro")
show_chart(charts.publication_timeline(tables, view.selection), key="source_timeline")
