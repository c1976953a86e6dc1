"""The one widget helper: draws the shared filters in the sidebar and returns a plain Selection; and the language
switch.

Every widget is bound to the URL (`bind="query-params"`, the key is the parameter name) so a filtered view
can be bookmarked or pasted to a colleague, and keeps its value for the session (`persist_state`). The URL keeps
the data's English codes (`?category=military&lang=nl`); only the labels are translated.
"""

from __future__ import annotations

import streamlit as st

from dashboard_app.filters import CODED_FILTERS, FilterOptions, Selection
from dashboard_app.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, set_language, value_labels
from dashboard_app.i18n import gettext as _

# Widget key (= URL query parameter) per Selection field. Short keys keep bookmarked URLs readable.
MULTISELECT_KEYS = {
    "donors": ("donor", N_("Donor"), N_("All donors")),
    "recipients": ("recipient", N_("Recipient"), N_("All recipients")),
    "categories": ("category", N_("Category"), N_("All categories")),
    "subcategories": ("subcategory", N_("Subcategory"), N_("All subcategories")),
    "statuses": ("status", N_("Status"), N_("Pledged and delivered")),
    "kinds": ("kind", N_("Kind"), N_("Money and equipment")),
    "publishers": ("publisher", N_("Publisher"), N_("All publishers")),
}
YEARS_KEY = "years"
TEXT_KEY = "q"
LANGUAGE_PARAMETER = "lang"  # ?lang=nl
LANGUAGE_KEY = "language"  # the radio's key: not the parameter, which the radio would fill with "Nederlands"
CHOSEN_LANGUAGE_KEY = "chosen_language"  # the session's language, kept apart from the widget (see below)
IMAGE_FORMAT_KEY = "image_format"
# The same words in both languages: a radio whose option labels change with the language loses its value.
IMAGE_FORMATS = {"png": "PNG (2×)", "svg": "SVG (vector)"}


def apply_chosen_language() -> str:
    """Set the language chosen in the sidebar (or, before it is drawn, the URL's) for what runs now; also for
    callbacks, which run before the entrypoint draws the switch."""
    chosen = st.session_state.get(CHOSEN_LANGUAGE_KEY) or st.query_params.get(LANGUAGE_PARAMETER) or DEFAULT_LANGUAGE
    chosen = chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE
    set_language(chosen)
    return chosen


def change_language() -> None:
    """Language switch callback: keep the choice for the session, and hand each filter its values again, so the
    browser shows them with the new language's labels. NOTE: a multiselect sends its choices back as their
    labels; without this the browser keeps the old language's labels (the filter still works: an unknown label is
    kept as the value)."""
    st.session_state[CHOSEN_LANGUAGE_KEY] = st.session_state.get(LANGUAGE_KEY) or DEFAULT_LANGUAGE
    for key, _label, _placeholder in MULTISELECT_KEYS.values():
        if key in st.session_state:
            st.session_state[key] = list(st.session_state[key])


def draw_language_switch() -> str:
    """English / Nederlands in the sidebar, kept in the URL (`?lang=nl`); sets the language of this run.

    Drawn before the navigation, so that page titles are in the chosen language, and before the filters, whose
    labels follow it. The label is in the language already chosen (a click, or the URL of a bookmarked view).
    NOTE: a radio bound to the URL (`bind="query-params"`) writes its option's label there (`lang=Nederlands`),
    so the parameter is kept by hand: read when the session starts, written on every run. A page switch drops
    it from the URL and the radio, whose default follows the URL, would start again in English: the session
    keeps the language under a key of its own (CHOSEN_LANGUAGE_KEY)."""
    chosen = apply_chosen_language()
    st.session_state[CHOSEN_LANGUAGE_KEY] = chosen
    language = st.sidebar.radio(
        _("Language"),
        list(LANGUAGES),
        index=list(LANGUAGES).index(chosen),  # the URL's language when the session starts
        format_func=LANGUAGES.get,
        horizontal=True,
        key=LANGUAGE_KEY,
        persist_state="session",
        on_change=change_language,
    )
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    set_language(language)
    if st.query_params.get(LANGUAGE_PARAMETER) != language:
        st.query_params[LANGUAGE_PARAMETER] = language
    return language


def reset_filters(options: FilterOptions) -> None:
    """Button callback: every filter back to 'all' (which also clears it from the URL)."""
    for key, _label, _placeholder in MULTISELECT_KEYS.values():
        st.session_state[key] = []
    if options.years is not None and options.years[0] < options.years[1]:
        st.session_state[YEARS_KEY] = options.years
    st.session_state[TEXT_KEY] = ""


def draw_sidebar_filters(options: FilterOptions) -> Selection:
    """Draw the filters once (from the entrypoint, so they show on every page) and read them."""
    chosen: dict[str, tuple[str, ...]] = {}
    with st.sidebar:
        st.header(_("Filters"))
        for field_name, (key, label, placeholder) in MULTISELECT_KEYS.items():
            values = st.multiselect(
                _(label),
                getattr(options, field_name),
                key=key,
                placeholder=_(placeholder),
                format_func=value_labels(getattr(options, field_name)) if field_name in CODED_FILTERS else str,
                bind="query-params",
                persist_state="session",
            )
            chosen[field_name] = tuple(values)

        year_range = None
        if options.years is not None and options.years[0] < options.years[1]:
            low, high = st.slider(
                _("Years covered"),
                min_value=options.years[0],
                max_value=options.years[1],
                value=options.years,
                step=1,
                key=YEARS_KEY,
                help=_("Keeps pledges whose covered years overlap this range."),
                bind="query-params",
                persist_state="session",
            )
            if (low, high) != tuple(options.years):
                year_range = (int(low), int(high))

        text = st.text_input(
            _("Search text"),
            key=TEXT_KEY,
            placeholder=_("e.g. F-16, drones, Kharkiv"),
            help=_("Searches donors, items, categories, publishers and evidence sentences."),
            bind="query-params",
            persist_state="session",
        )
        st.button(_("Reset filters"), on_click=reset_filters, args=(options,), width="stretch")

        with st.expander(_("Chart downloads")):
            st.radio(
                _("Camera button in each chart saves"),
                list(IMAGE_FORMATS),
                format_func=IMAGE_FORMATS.get,
                key=IMAGE_FORMAT_KEY,
                persist_state="session",
                help=_("Both are made in your browser at 1280×720; PNG is drawn at twice that resolution."),
            )
    return Selection(**chosen, year_range=year_range, text=text or "")


def chosen_image_format() -> str:
    """'png' or 'svg', as chosen in the sidebar (PNG until the user picks otherwise)."""
    chosen = st.session_state.get(IMAGE_FORMAT_KEY, "")
    return chosen if chosen in IMAGE_FORMATS else "png"
