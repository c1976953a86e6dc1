"""Entrypoint: page config, the language, the cached build, the shared sidebar filters, then the chosen page."""

import streamlit as st

from dashboard_app.chart_code import start_loading_chart_code

# Before the imports below (2 s on a new server's first page): the browser fetches plotly's code meanwhile.
start_loading_chart_code()

from dashboard_app import loader
from dashboard_app.briefing_ui import draw_briefing_pack
from dashboard_app.corrections_ui import draw_analyst_name
from dashboard_app.filters import apply_filters, filter_options
from dashboard_app.i18n import gettext as _
from dashboard_app.render import DashboardView, leave_legacy_pages_mode, set_view
from dashboard_app.style import PAGE_ICON, plain_markdown
from dashboard_app.summaries import data_as_of_line
from dashboard_app.widgets import draw_language_switch, draw_sidebar_filters

leave_legacy_pages_mode()  # our st.navigation below replaces the pages/ folder mode
language = draw_language_switch()  # first: every text after it, page titles too, is in the chosen language
st.set_page_config(page_title=_("Support to Ukraine: pledges"), page_icon=str(PAGE_ICON), layout="wide")

# Every page is listed here: st.navigation, not the pages/ folder, decides what the app has. The URL of a page
# (its file name) stays the same in every language, so a bookmark works in both.
page = st.navigation(
    [
        st.Page("pages/overview.py", title=_("Overview"), icon=":material/dashboard:", default=True),
        st.Page("pages/by_year.py", title=_("By year"), icon=":material/calendar_month:"),
        st.Page("pages/by_category.py", title=_("By category"), icon=":material/category:"),
        st.Page("pages/by_source.py", title=_("By source"), icon=":material/newspaper:"),
        st.Page("pages/explorer.py", title=_("Pledge explorer"), icon=":material/table_view:"),
        st.Page("pages/documents.py", title=_("Documents"), icon=":material/description:"),
        st.Page("pages/agreements.py", title=_("Agreements"), icon=":material/handshake:"),
        st.Page("pages/add_documents.py", title=_("Add documents"), icon=":material/upload_file:"),
    ]
)

try:
    with st.spinner(_("Reading the documents…")):
        tables = loader.load_tables()
except Exception as error:  # noqa: BLE001 - any build failure must reach the user, not a stack trace
    st.error(plain_markdown(_("The documents could not be read into tables: {error}").format(error=error)))
    st.stop()

selection = draw_sidebar_filters(filter_options(tables))
st.sidebar.caption(data_as_of_line(tables))
if loader.showing_previous_tables():  # another user's new document is being read: these are the tables before it
    st.sidebar.info(_("New documents are being read; the figures shown are from before them. Reload to update."))
draw_analyst_name(tables)
view = DashboardView(all_tables=tables, tables=apply_filters(tables, selection), selection=selection)
set_view(view)
draw_briefing_pack(view, language)
page.run()
