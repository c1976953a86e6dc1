"""By category: € by category (pledged and delivered side by side) and by subcategory."""

import streamlit as st

from dashboard_app import charts
from dashboard_app.i18n import gettext as _
from dashboard_app.render import cached_chart, current_view, show_chart

view = current_view()
tables = view.tables
st.title(_("Support by category"))
show_chart(cached_chart(view, charts.money_by_category), key="category_money")
for status in charts.statuses_present(tables.pledges):
    show_chart(cached_chart(view, charts.money_by_subcategory, status), key=f"category_sub_{status}")
