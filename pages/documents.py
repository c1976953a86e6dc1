"""Documents: every file read, with metadata and build problems; one document's text with figures marked."""

import streamlit as st

from dashboard_app import corrections_ui, evidence
from dashboard_app.filters import filter_documents
from dashboard_app.i18n import gettext as _
from dashboard_app.render import current_view, show_nothing_matches, show_table

view = current_view()
documents = filter_documents(view.all_tables.documents, view.selection)
st.title(_("Documents"))

problems = evidence.document_problems(view.all_tables)
if not problems.empty:
    st.warning(
        _("{count} problem(s) while reading the documents; those files are left out of the figures.").format(
            count=len(problems)
        )
    )
    show_table(problems)

if documents.empty:
    show_nothing_matches("documents")
    st.stop()
show_table(documents)

st.subheader(_("Read a document"))
titles = dict(zip(documents["doc_id"].tolist(), documents["title"].tolist(), strict=True))
doc_id = st.selectbox(
    _("Document"), list(titles), format_func=lambda doc: f"{doc} — {titles[doc]}", key="documents_open"
)
text = view.all_tables.texts.get(doc_id)
if text is None:
    st.info(_("This document could not be read, so there is no text to show."))
else:
    mentions = evidence.document_mentions(view.all_tables, doc_id)
    st.caption(
        _(
            "Each extracted figure is marked {open}like this{close}[n]; n is its row in the table below. The text is "
            "shown exactly as read, as plain text."
        ).format(open=evidence.MARK_OPEN, close=evidence.MARK_CLOSE)
    )
    # st.code shows characters, never markup: a document containing <script> or **stars** shows them as typed.
    st.code(evidence.marked_text(text, mentions), language=None, wrap_lines=True)
    show_table(mentions)
    if not mentions.empty:
        with st.expander(_("Correct a mention of this document")):
            number = st.selectbox(_("Mention number"), list(mentions["number"]), key="documents_mention")
            mention_id = mentions.set_index("number").loc[number, "mention_id"]
            corrections_ui.correct_mention_panel(view.all_tables, mention_id, "documents")
    with st.expander(_("Add a mention the extractor missed")):
        corrections_ui.add_missing_panel(view.all_tables, doc_id)
