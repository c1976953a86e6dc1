"""Pledge explorer: the filtered pledges with every column, one pledge's mentions, CSV/XLSX downloads, and the
analysts' corrections (change a mention, not a pledge, merge, split, history, undo, CSV export/import)."""

from functools import partial

import streamlit as st

from dashboard_app import corrections_ui, evidence, exports
from dashboard_app.charts import pledge_label_lookup
from dashboard_app.corrections_view import pledges_with_corrections
from dashboard_app.filters import split_list
from dashboard_app.i18n import gettext as _
from dashboard_app.i18n import ngettext
from dashboard_app.render import current_view, from_view, show_nothing_matches, show_table

view = current_view()
pledges = view.tables.pledges
st.title(_("Pledge explorer"))
st.caption(_("Use 'Search text' in the sidebar to search evidence sentences, donors, items and publishers."))

if pledges.empty:
    show_nothing_matches()
    st.stop()

st.write(
    ngettext(
        "{count} pledge matches the current filters.", "{count} pledges match the current filters.", len(pledges)
    ).format(count=len(pledges))
)
# `corrections` counts the analysts' corrections behind each row, on screen and in both downloads.
pledges = from_view(view, pledges_with_corrections)
show_table(
    pledges,
    column_config={
        "per_year": st.column_config.CheckboxColumn(
            _("per year"),
            help=_("Ticked: the amount is a yearly figure, given in full in every year from the first to the last."),
        )
    },
)
if pledges["per_year"].any():
    st.caption(
        _(
            "Pledges ticked 'per year' state a yearly amount: totals count it once per year covered "
            "(amount × years), and by covered year each year gets the whole amount."
        )
    )
left, right = st.columns(2)
left.download_button(
    _("Download these rows (CSV)"),
    # A callable defers building the file to the click, so filtering stays fast.
    partial(exports.pledges_csv_bytes, pledges),
    file_name="pledges_filtered.csv",
    mime="text/csv",
    on_click="ignore",
)
right.download_button(
    _("Download these rows (XLSX, with data dictionary)"),
    partial(exports.pledges_xlsx_bytes, pledges),
    file_name="pledges_filtered.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
)

st.subheader(_("Where a pledge comes from"))
# Labels come from the whole build's (made once per build): a filtered pledge is one of its rows, unchanged.
all_labels = pledge_label_lookup(view.all_tables.pledges)
labels = {pledge_id: all_labels[pledge_id] for pledge_id in pledges["pledge_id"].tolist()}
chosen = st.selectbox(_("Pledge"), list(labels), format_func=labels.get, key="explorer_pledge")
if chosen:
    show_table(evidence.pledge_mentions(view.tables, chosen), column_config={"url": st.column_config.LinkColumn()})
    st.subheader(_("Correct this pledge"))
    mention_ids = split_list(pledges.loc[pledges["pledge_id"] == chosen, "mention_ids"].iloc[0])
    mention_id = st.selectbox(_("Mention"), mention_ids, key="explorer_mention")
    corrections_ui.correct_mention_panel(view.all_tables, mention_id, "explorer")
    with st.expander(_("Merge with another pledge, or split this one")):
        corrections_ui.merge_split_panel(view.all_tables, chosen, all_labels.get)

st.subheader(_("All corrections"))
corrections_ui.corrections_overview(view.all_tables)
