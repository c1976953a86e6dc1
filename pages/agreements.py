"""Agreements: timeline of agreements, declarations and statements with parties and themes."""

import streamlit as st

from dashboard_app import charts
from dashboard_app.i18n import gettext as _
from dashboard_app.render import cached_chart, current_view, show_chart, show_table

view = current_view()
st.title(_("Agreements, declarations and statements"))
chart = cached_chart(view, charts.agreements_timeline)
show_chart(chart, key="agreements_timeline")
if not chart.is_empty:
    st.subheader(_("Evidence"))
    show_table(view.tables.agreements[["agreement_id", "kind", "parties", "themes", "sources", "evidence"]])
