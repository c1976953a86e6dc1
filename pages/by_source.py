"""By source: which source reports which pledge, per-publisher counts and €, when sources were published."""

import streamlit as st

from dashboard_app import charts
from dashboard_app.i18n import gettext as _
from dashboard_app.render import cached_chart, current_view, show_chart

view = current_view()
st.title(_("Support by source"))
show_chart(cached_chart(view, charts.source_matrix), key="source_matrix")
left, right = st.columns(2)
with left:  # both charts read one publisher_table, made once per view
    show_chart(cached_chart(view, charts.pledges_by_publisher, "count"), key="source_publisher_count")
with right:
    show_chart(cached_chart(view, charts.pledges_by_publisher, "euro"), key="source_publisher_euro")
show_chart(cached_chart(view, charts.publication_timeline), key="source_timeline")
