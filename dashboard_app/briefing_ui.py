"""The sidebar's "Briefing pack" action (on every page): build the pack under the current filters, say how long it
took, offer the PowerPoint and Word files; a renderer that fails is one sentence on the page, not a stack trace."""

from __future__ import annotations

import streamlit as st

from dashboard_app.briefing import DOCX_MIME, PPTX_MIME, BriefingPack, RendererError, build_pack
from dashboard_app.render import DashboardView
from dashboard_app.style import plain_markdown

PACK_KEY = "briefing_pack"  # session state: (pack key, BriefingPack) of the last pack made
ERROR_KEY = "briefing_pack_error"


def pack_key(view: DashboardView) -> tuple:
    """What a pack depends on: the build (its object, shared by every session until a document changes) and the
    selection. A pack made under other filters is not offered for these."""
    return id(view.all_tables), view.selection


def make_pack(view: DashboardView) -> None:
    """Button callback: build the pack (kept in the session) or keep the reason it failed."""
    st.session_state.pop(ERROR_KEY, None)
    st.session_state.pop(PACK_KEY, None)
    try:
        pack = build_pack(view.tables, view.selection)
    except RendererError as error:
        st.session_state[ERROR_KEY] = f"No briefing pack was made. {error}"
        return
    except Exception as error:  # noqa: BLE001 - the user gets a sentence, never a stack trace
        st.session_state[ERROR_KEY] = f"No briefing pack was made: {type(error).__name__}: {error}"
        return
    st.session_state[PACK_KEY] = (pack_key(view), pack)


def draw_briefing_pack(view: DashboardView) -> None:
    """The sidebar section, drawn by the entrypoint so that every page has it."""
    with st.sidebar:
        st.subheader("Briefing pack")
        st.caption("The charts, headline figures and sources under the current filters, as PowerPoint and Word.")
        st.button("Make briefing pack", key="briefing_make", on_click=make_pack, args=(view,), width="stretch")
        error = st.session_state.get(ERROR_KEY)
        if error:
            st.error(plain_markdown(error))
        kept = st.session_state.get(PACK_KEY)
        if kept is None or kept[0] != pack_key(view):
            return
        pack: BriefingPack = kept[1]
        st.success(f"Made in {pack.seconds:.1f} s: {pack.n_slides} slides and a Word note.")
        st.download_button(
            "Download briefing pack (PowerPoint)",
            pack.pptx,
            file_name="briefing_pack.pptx",
            mime=PPTX_MIME,
            on_click="ignore",
            key="briefing_pptx",
            width="stretch",
        )
        st.download_button(
            "Download briefing note (Word)",
            pack.docx,
            file_name="briefing_note.docx",
            mime=DOCX_MIME,
            on_click="ignore",
            key="briefing_docx",
            width="stretch",
        )
