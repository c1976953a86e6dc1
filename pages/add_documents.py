"""Add documents: upload files to the library, confirm their metadata, remove them again."""

import streamlit as st

from dashboard_app import loader
from dashboard_app.i18n import gettext as _
from dashboard_app.library_view import (
    cached_prefill,
    document_outcome,
    known_content,
    library_listing,
    note_refusal,
    remove_from_library,
    save_upload,
)
from dashboard_app.render import current_view, show_table
from dashboard_app.style import plain_markdown
from data_pipeline.lexicon import LANGUAGES
from data_pipeline.library import sha256_of
from data_pipeline.readers import MAX_DOCUMENT_BYTES, supported_types

view = current_view()
library = loader.dashboard_library_dir()
documents_folder = loader.dashboard_documents_dir()
state = st.session_state
loader.start_extraction_process()  # in the background: an upload finds the server's extraction process warm

st.title(_("Add documents"))
if library.resolve() == documents_folder.resolve():
    # Remove would delete the documents themselves and a save would rewrite their manifest.
    st.error(
        plain_markdown(
            _("The library folder {library} is also the documents folder: start with another --library.").format(
                library=library
            )
        )
    )
    st.stop()
st.caption(
    _(
        "Files are kept in the library folder {library} with their metadata, and read together with the documents "
        "in {documents}. Types: {types}; at most {megabytes} MB each."
    ).format(
        library=library,
        documents=documents_folder,
        types=supported_types(),
        megabytes=MAX_DOCUMENT_BYTES // 1024 // 1024,
    )
)
for message in state.pop("add_documents_messages", []):
    st.success(plain_markdown(message))

uploads = st.file_uploader(_("Documents to add"), accept_multiple_files=True, key="add_documents_upload") or []
saved: dict[str, str] = state.setdefault("add_documents_saved", {})  # sha256 -> stored file name, this session
failed: dict[str, str] = state.setdefault("add_documents_failed", {})  # sha256 -> why the save was refused
known = known_content([documents_folder, library])
first_in_batch: dict[str, str] = {}
for upload in uploads:
    data = upload.getvalue()
    digest = sha256_of(data)
    with st.container(border=True):
        st.text(_("File: {file}").format(file=upload.name))
        if digest in saved:
            outcome = document_outcome(view.all_tables, saved[digest])
            st.success(plain_markdown(_("Saved as {file}: {outcome}.").format(file=saved[digest], outcome=outcome)))
            continue
        if digest in first_in_batch:
            problem = f"duplicate: the same file as {first_in_batch[digest]} in this upload"  # logged in English
            note_refusal(library, upload.name, data, problem)
            message = _("Not added: duplicate: the same file as {file} in this upload.")
            st.error(plain_markdown(message.format(file=first_in_batch[digest])))
            continue
        first_in_batch[digest] = upload.name
        with st.spinner(_("Reading the file…")):
            found = cached_prefill(upload.name, data, known)
        if found.problem:
            note_refusal(library, upload.name, data, found.problem)
            st.error(plain_markdown(_("Not added: {problem}.").format(problem=found.problem)))
            continue
        if found.file != upload.name:
            st.caption(plain_markdown(_("Will be stored as {file} (a safe file name).").format(file=found.file)))
        if digest in failed:
            st.error(plain_markdown(_("Not saved: {problem}.").format(problem=failed[digest])))
        form_key = f"add_{digest[:16]}"
        with st.form(key=form_key):
            st.text_input(_("Title"), value=found.title, key=f"{form_key}_title")
            st.text_input(_("Publisher"), value=found.publisher, key=f"{form_key}_publisher")
            st.text_input(
                _("Publication date (YYYY-MM-DD, YYYY-MM or YYYY)"), value=found.published, key=f"{form_key}_published"
            )
            st.selectbox(_("Language"), LANGUAGES, index=LANGUAGES.index(found.language), key=f"{form_key}_language")
            st.text_input(_("Web address (optional)"), key=f"{form_key}_url")
            # A callback, not `if button:`: it runs before the script, so the rebuild below already sees the file.
            st.form_submit_button(
                _("Save to library"),
                type="primary",
                on_click=save_upload,
                args=(library, documents_folder, upload.name, data, form_key),
            )

st.subheader(_("Documents in the library"))
listing = library_listing(library, view.all_tables)
if listing.empty:
    st.info(_("The library is empty. Documents you add above are kept here and read on every start."))
    st.stop()
show_table(listing)
for file, title in zip(listing["file"], listing["title"], strict=True):
    name_column, button_column = st.columns([5, 1], vertical_alignment="center")
    name_column.text(f"{file} — {title}")
    button_column.button(
        _("Remove"), key=f"remove_{file}", on_click=remove_from_library, args=(library, documents_folder, file)
    )
for message in state.pop("add_documents_remove_errors", []):
    st.error(plain_markdown(message))
