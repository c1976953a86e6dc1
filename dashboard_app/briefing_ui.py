"""The sidebar's "Briefing pack" action (on every page): build the pack under the current filters, say how long it
took, offer the PowerPoint and Word files; a renderer that fails is one sentence on the page, not a stack trace."""

from __future__ import annotations

import streamlit as st

from dashboard_app.briefing import DOCX_MIME, PPTX_MIME, BriefingPack, RendererError, build_pack
from dashboard_app.i18n import gettext as _
from dashboard_app.i18n import use_language
from dashboard_app.render import DashboardView
from dashboard_app.style import format_decimal, plain_markdown

PACK_KEY = "briefing_pack"  # session state: (pack key, BriefingPack) of the last pack made
ERROR_KEY = "briefing_pack_error"


def pack_key(view: DashboardView, language: str) -> tuple:
    """What a pack depends on: the build (its object, shared by every session until a document changes), the
    selection and the language. A pack made under other filters or in the other language is not offered."""
    return id(view.all_tables), view.selection, language


def make_pack(view: DashboardView, language: str) -> None:
    """Button callback: build the pack in `language` (kept in the session) or keep the reason it failed."""
    st.session_state.pop(ERROR_KEY, None)
    st.session_state.pop(PACK_KEY, None)
    with use_language(language):
        try:
            pack = build_pack(view.tables, view.selection, language=language)
        except RendererError as error:
            st.session_state[ERROR_KEY] = (language, _("No briefing pack was made. {why}").format(why=error))
            return
        except Exception as error:  # noqa: BLE001 - the user gets a sentence, never a stack trace
            message = _("No briefing pack was made: {error}: {why}").format(error=type(error).__name__, why=error)
            st.session_state[ERROR_KEY] = (language, message)
            return
    st.session_state[PACK_KEY] = (pack_key(view, language), pack)


def draw_briefing_pack(view: DashboardView, language: str) -> None:
    """The sidebar section, drawn by the entrypoint so that every page has it; the pack is in `language`."""
    with st.sidebar:
        st.subheader(_("Briefing pack"))
        st.caption(_("The charts, headline figures and sources under the current filters, as PowerPoint and Word."))
        st.button(
            _("Make briefing pack"),
            key="briefing_make",
            on_click=make_pack,
            args=(view, language),
            width="stretch",
        )
        error = st.session_state.get(ERROR_KEY)
        if error and error[0] == language:
            st.error(plain_markdown(error[1]))
        kept = st.session_state.get(PACK_KEY)
        if kept is None or kept[0] != pack_key(view, language):
            return
        pack: BriefingPack = kept[1]
        st.success(
            _("Made in {seconds} s: {slides} slides and a Word note.").format(
                seconds=format_decimal(pack.seconds),
                slides=pack.n_slides,
            )
        )
        st.download_button(
            _("Download briefing pack (PowerPoint)"),
            pack.pptx,
            file_name=_("briefing_pack.pptx"),
            mime=PPTX_MIME,
            on_click="ignore",
            key="briefing_pptx",
            width="stretch",
        )
        st.download_button(
            _("Download briefing note (Word)"),
            pack.docx,
            file_name=_("briefing_note.docx"),
            mime=DOCX_MIME,
            on_click="ignore",
            key="briefing_docx",
            width="stretch",
        )
