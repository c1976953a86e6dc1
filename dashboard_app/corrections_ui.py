"""The correction forms: analyst name, change or drop a mention, add a missed one, merge or split pledges,
history and undo, CSV export and import.

Every save goes through the corrections store and reruns the app; the loader's cache key includes the
database's version, so the next run shows tables built with the change. Document text is only ever shown as
plain text (st.text / st.code), never as markdown or HTML.
"""

from __future__ import annotations

import sqlite3
import textwrap
from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard_app import loader
from dashboard_app.corrections_view import (
    correction_states,
    corrections_note,
    sentences_of,
    targets_of_pledge,
    undoable,
)
from dashboard_app.i18n import column_labels, column_word, value_labels
from dashboard_app.i18n import gettext as _
from dashboard_app.render import show_table
from dashboard_app.style import plain_markdown
from dashboard_app.widgets import apply_chosen_language
from data_pipeline.corrections import (
    EDITABLE_FIELDS,
    CorrectionError,
    corrections_csv_bytes,
    corrections_of,
    find_span,
    mention_target,
    new_correction,
)
from data_pipeline.tables import CATEGORIES, KINDS, QUALIFIERS, SCOPES, STATUSES, Tables

ANALYST_KEY = "analyst_name"
FLASH_KEY = "corrections_flash"
CHOICES = {"status": STATUSES, "scope": SCOPES, "qualifier": QUALIFIERS, "category": CATEGORIES}


def draw_analyst_name(tables: Tables) -> None:
    """The analyst's name, set once in the sidebar (every correction records who made it)."""
    with st.sidebar:
        st.text_input(
            _("Analyst name"),
            key=ANALYST_KEY,
            persist_state="session",
            placeholder=_("needed to save corrections"),
            help=_("Recorded with every correction you make, with the time and your reason."),
        )
        note = corrections_note(tables.corrections_applied)
        orphaned = len(tables.orphaned_corrections)
        if orphaned:
            note = (note + " · " if note else "") + _("{count} orphaned (see Pledge explorer)").format(count=orphaned)
        if note:
            st.caption(note[0].upper() + note[1:])


def analyst() -> str:
    return st.session_state.get(ANALYST_KEY) or ""


def _save(where: str, save: Callable[[], object], message: str | Callable[[object], str]) -> None:
    """Button callback: run a save and leave a message for the panel `where` (a refusal says why).

    A callback runs before the script, so this very run builds the tables with the change (the loader's key
    includes the database's version) and a click is never lost to a rerun. `save` reads the inputs from
    session state, where the click has just put their latest values.
    """
    apply_chosen_language()  # a callback runs before the entrypoint sets the language of this run
    try:
        result = save()
    except (CorrectionError, sqlite3.Error) as error:
        st.session_state[FLASH_KEY] = (where, "error", str(error))
        return
    st.session_state[FLASH_KEY] = (where, "success", message(result) if callable(message) else message)


def _add(action: str, reason: str, **details) -> str:
    """Check a correction, then store it (a refused correction never creates the database)."""
    row = new_correction(action, analyst(), reason, **details)
    loader.corrections_store().save(row)
    return row["correction_id"]


def show_flash(where: str) -> None:
    """The outcome of the last save made in panel `where` (shown once)."""
    flash = st.session_state.get(FLASH_KEY)
    if flash and flash[0] == where:
        del st.session_state[FLASH_KEY]
        # Messages quote doc ids and typed or imported values: shown as typed, never as markdown.
        (st.error if flash[1] == "error" else st.success)(plain_markdown(flash[2]))


def _typed(key: str) -> str:
    return st.session_state.get(key) or ""


def _current(mention: pd.Series, field: str) -> object:
    if field == "years":
        return [mention["year_start"], mention["year_end"]]
    return mention[field]


def _value_input(field: str, current: object, key: str) -> None:
    """A widget that fits the field, starting from the current value (read back by `_value_of`)."""
    if field in CHOICES:
        options = CHOICES[field]
        st.selectbox(
            _("New value"),
            options,
            index=options.index(current) if current in options else 0,
            format_func=value_labels(options),
            key=key,
        )
    elif field == "amount":
        start = 0.0 if pd.isna(current) else float(current)
        st.number_input(_("New amount (original currency units)"), min_value=0.0, value=start, step=1e6, key=key)
    elif field == "quantity":
        start = 0 if pd.isna(current) else int(current)
        st.number_input(_("New quantity"), min_value=0, value=start, step=1, key=key)
    elif field == "years":
        first, last = (None if pd.isna(year) else int(year) for year in current)
        left, right = st.columns(2)
        left.number_input(_("First year"), 1991, 2100, value=first or 2024, step=1, key=key + "_first")
        right.number_input(_("Last year"), 1991, 2100, value=last or first or 2024, step=1, key=key + "_last")
    else:
        st.text_input(_("New value"), value="" if pd.isna(current) else str(current), key=key)


def _value_of(field: str, key: str) -> object:
    if field == "years":
        return [st.session_state.get(key + "_first"), st.session_state.get(key + "_last")]
    return st.session_state.get(key)


def correct_mention_panel(tables: Tables, mention_id: str, prefix: str) -> None:
    """Change one field of a mention, mark it 'not a pledge', see its history and undo a correction."""
    show_flash(prefix)
    found = tables.mentions[tables.mentions["mention_id"] == mention_id]
    if found.empty:
        return
    mention = found.iloc[0]
    target = mention_target(tables.texts, mention)
    st.text(_("Figure: {figure}\nSentence: {sentence}").format(figure=target["figure"], sentence=target["evidence"]))
    change, drop, history = st.tabs([_("Change a field"), _("Not a pledge"), _("History")])
    with change:
        field = st.selectbox(
            _("Field"), EDITABLE_FIELDS, format_func=column_labels(EDITABLE_FIELDS), key=f"{prefix}_field"
        )
        old_value = _current(mention, field)
        value_key = f"{prefix}_{mention_id}_{field}"
        _value_input(field, old_value, value_key)
        reason_key = f"{prefix}_edit_reason"
        st.text_input(_("Reason"), key=reason_key, placeholder=_("e.g. the letter says €150 million"))
        st.button(
            _("Save correction"),
            key=f"{prefix}_edit_save",
            on_click=_save,
            args=(
                prefix,
                lambda: _add(
                    "edit",
                    _typed(reason_key),
                    field=field,
                    old_value=old_value,
                    new_value=_value_of(field, value_key),
                    **target,
                ),
                _("Saved: {field} of {mention}.").format(field=column_word(field), mention=mention_id),
            ),
        )
    with drop:
        st.caption(_("The figure is not support (a budget, a price, a repeated figure): it leaves every table."))
        drop_key = f"{prefix}_drop_reason"
        st.text_input(_("Reason"), key=drop_key, placeholder=_("e.g. a unit price, not a pledge"))
        st.button(
            _("Mark as not a pledge"),
            key=f"{prefix}_drop_save",
            on_click=_save,
            args=(
                prefix,
                lambda: _add("not_a_pledge", _typed(drop_key), **target),
                _("Saved: {mention} is not a pledge.").format(mention=mention_id),
            ),
        )
    with history:
        saved = loader.saved_corrections()
        about_it = corrections_of(saved, tables.texts, mention, tables.corrections.by_mention.get(mention_id, ()))
        if about_it.empty:
            st.caption(_("No correction concerns this mention: it is as extracted."))
        else:
            show_table(correction_states(about_it, tables.corrections))
            undo_control(about_it, tables, prefix)


def undo_control(corrections: pd.DataFrame, tables: Tables, prefix: str) -> None:
    """Undo one correction in force (the undo is recorded too; nothing leaves the history)."""
    choices = undoable(corrections, tables.corrections)
    if not choices:
        return
    described = corrections.set_index("correction_id")
    labels = {
        cid: _("{correction} · {action} {field} by {analyst}").format(
            correction=cid,
            action=described.loc[cid, "action"],
            field=described.loc[cid, "field"],
            analyst=described.loc[cid, "analyst"],
        )
        for cid in choices
    }
    choice_key, reason_key = f"{prefix}_undo_choice", f"{prefix}_undo_reason"
    st.selectbox(_("Undo a correction"), choices, format_func=labels.get, key=choice_key)
    st.text_input(_("Reason for undoing"), key=reason_key)
    st.button(
        _("Undo"),
        key=f"{prefix}_undo_save",
        on_click=_save,
        args=(
            prefix,
            lambda: loader.corrections_store().undo(st.session_state[choice_key], analyst(), _typed(reason_key)),
            _("Undone."),
        ),
    )


def merge_split_panel(tables: Tables, pledge_id: str, label_of: Callable[[str], str]) -> None:
    """Merge the pledge with another that is the same commitment, or split mentions off it."""
    show_flash("merge")
    merge, split = st.tabs([_("Merge with another pledge"), _("Split this pledge")])
    with merge:
        others = [other for other in tables.pledges["pledge_id"].tolist() if other != pledge_id]
        st.selectbox(_("The same commitment as"), others, format_func=label_of, key="merge_other")
        st.text_input(_("Reason"), key="merge_reason", placeholder=_("e.g. the same package, reported twice"))

        def merge_them() -> str:
            other = st.session_state.get("merge_other")
            if not other:
                raise CorrectionError(_("choose the pledge to merge with"))
            groups = [targets_of_pledge(tables, pledge_id), targets_of_pledge(tables, other)]
            return _add("merge", _typed("merge_reason"), new_value={"groups": groups})

        st.button(
            _("Merge the two pledges"),
            key="merge_save",
            on_click=_save,
            args=("merge", merge_them, _("Saved: {pledge} merged.").format(pledge=pledge_id)),
        )
    with split:
        mention_ids = tables.pledges.loc[tables.pledges["pledge_id"] == pledge_id, "mention_ids"].iloc[0].split(";")
        if len(mention_ids) < 2:
            st.caption(_("This pledge has one mention: there is nothing to split."))
            return
        st.multiselect(_("Mentions that are a different commitment"), mention_ids, key="split_mentions")
        st.text_input(_("Reason"), key="split_reason", placeholder=_("e.g. a different year's package"))

        def split_them() -> str:
            moved = list(st.session_state.get("split_mentions") or [])
            rest = [mention_id for mention_id in mention_ids if mention_id not in moved]
            if not moved or not rest:
                raise CorrectionError(_("choose the mentions to split off (some, not all)"))
            groups = [targets_of_pledge(tables, pledge_id, moved), targets_of_pledge(tables, pledge_id, rest)]
            return _add("split", _typed("split_reason"), new_value={"groups": groups})

        st.button(
            _("Split them off"),
            key="split_save",
            on_click=_save,
            args=("merge", split_them, _("Saved: {pledge} split.").format(pledge=pledge_id)),
        )


def add_missing_panel(tables: Tables, doc_id: str) -> None:
    """Add a mention the extractor missed: choose its sentence, type the figure as written, fill the fields."""
    show_flash("add")
    text = tables.texts.get(doc_id)
    sentences = sentences_of(text) if text is not None else []
    if not sentences:
        st.caption(_("This document has no text to choose a sentence from."))
        return
    number = st.selectbox(
        _("Sentence"),
        range(len(sentences)),
        format_func=lambda i: f"{i + 1}: {textwrap.shorten(sentences[i], 140)}",
        key=f"add_sentence_{doc_id}",
    )
    st.text(sentences[number])
    st.text_input(_("The figure as written in the sentence"), key="add_figure", placeholder=_("e.g. €50 million"))
    kind = st.radio(_("Kind"), KINDS, horizontal=True, format_func=value_labels(KINDS), key="add_kind")
    left, right = st.columns(2)
    if kind == "money":
        left.number_input(_("Amount (original currency units)"), min_value=0.0, step=1e6, key="add_amount")
        right.text_input(_("Currency (ISO code)"), value="EUR", key="add_currency")
    else:
        left.number_input(_("Quantity"), min_value=0, step=1, key="add_quantity")
        right.text_input(_("Item"), key="add_item", placeholder=_("e.g. F-16"))
    dated = tables.documents.loc[tables.documents["doc_id"] == doc_id, "published"]  # not set_index: 10,000 rows
    published = dated.iloc[0] if len(dated) else None
    year = int(str(published)[:4]) if isinstance(published, str) and published[:4].isdigit() else 2024
    donors = tables.mentions.loc[tables.mentions["doc_id"] == doc_id, "donor"]
    left.text_input(_("Donor"), value=donors.mode().iloc[0] if len(donors) else "", key="add_donor")
    right.text_input(_("Recipient"), value="Ukraine", key="add_recipient")
    left.selectbox(_("Status"), STATUSES, format_func=value_labels(STATUSES), key="add_status")
    right.selectbox(_("Scope"), SCOPES, format_func=value_labels(SCOPES), key="add_scope")
    left.selectbox(_("Category"), CATEGORIES, format_func=value_labels(CATEGORIES), key="add_category")
    right.text_input(_("Subcategory"), value="general", key="add_subcategory")
    left.number_input(_("First year"), 1991, 2100, value=year, step=1, key="add_first_year")
    right.number_input(_("Last year"), 1991, 2100, value=year, step=1, key="add_last_year")
    left.selectbox(_("Qualifier"), QUALIFIERS, format_func=value_labels(QUALIFIERS), key="add_qualifier")
    st.text_input(_("Reason"), key="add_reason", placeholder=_("e.g. the extractor missed a spelled-out amount"))

    def add_it() -> str:
        state = st.session_state
        sentence, figure = sentences[state[f"add_sentence_{doc_id}"]], _typed("add_figure")
        if figure.strip() and find_span(sentence, figure) is None:
            raise CorrectionError(_("The figure must be written exactly as in the sentence (e.g. '€50 million')."))
        money = state.get("add_kind") == "money"
        fields = {
            "kind": state.get("add_kind"),
            "amount": state.get("add_amount") if money else None,
            "currency": state.get("add_currency") if money else None,
            "quantity": None if money else state.get("add_quantity"),
            "item": None if money else state.get("add_item"),
            "years": [state.get("add_first_year"), state.get("add_last_year")],
            **{name: state.get(f"add_{name}") for name in ("donor", "recipient", "status", "scope", "category")},
            **{name: state.get(f"add_{name}") for name in ("subcategory", "qualifier")},
        }
        return _add("add", _typed("add_reason"), doc_id=doc_id, evidence=sentence, figure=figure, new_value=fields)

    st.button(
        _("Add this mention"),
        key="add_save",
        on_click=_save,
        args=("add", add_it, _("Saved: a new mention in {document}.").format(document=doc_id)),
    )


def corrections_overview(tables: Tables) -> None:
    """Every correction with its state, the orphaned ones, undo, and CSV export/import for sharing with a desk."""
    show_flash("overview")
    saved = loader.saved_corrections()
    if tables.orphaned_corrections:
        st.warning(
            _(
                "{count} correction(s) found no mention (the document changed or was removed). They are kept: undo "
                "them if they no longer apply."
            ).format(count=len(tables.orphaned_corrections))
        )
    if saved.empty:
        st.caption(_("No corrections yet."))
    else:
        show_table(correction_states(saved, tables.corrections))
        undo_control(saved, tables, "overview")
    left, right = st.columns(2)
    left.download_button(
        _("Download all corrections (CSV)"),
        corrections_csv_bytes(saved),
        file_name="corrections.csv",
        mime="text/csv",
        on_click="ignore",
    )
    right.file_uploader(_("Import corrections (CSV)"), type=["csv"], key="corrections_upload")

    def import_file() -> int:
        upload = st.session_state.get("corrections_upload")
        if upload is None:
            raise CorrectionError(_("choose a corrections CSV file first"))
        return loader.corrections_store().import_csv_bytes(upload.getvalue())

    right.button(
        _("Import"),
        key="corrections_import",
        on_click=_save,
        args=(
            "overview",
            import_file,
            lambda added: _("Imported {count} new correction(s); the rest were here already.").format(count=added),
        ),
    )
