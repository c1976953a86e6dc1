"""The one widget helper: draws the shared filters in the sidebar and returns a plain Selection.

Every widget is bound to the URL (`bind="query-params"`, the key is the parameter name) so a filtered view
can be bookmarked or pasted to a colleague, and keeps its value for the session (`persist_state`).
"""

from __future__ import annotations

import streamlit as st

from dashboard_app.filters import FilterOptions, Selection

# Widget key (= URL query parameter) per Selection field. Short keys keep bookmarked URLs readable.
MULTISELECT_KEYS = {
    "donors": ("donor", "Donor", "All donors"),
    "recipients": ("recipient", "Recipient", "All recipients"),
    "categories": ("category", "Category", "All categories"),
    "subcategories": ("subcategory", "Subcategory", "All subcategories"),
    "statuses": ("status", "Status", "Pledged and delivered"),
    "kinds": ("kind", "Kind", "Money and equipment"),
    "publishers": ("publisher", "Publisher", "All publishers"),
}
YEARS_KEY = "years"
TEXT_KEY = "q"
IMAGE_FORMAT_KEY = "image_format"
IMAGE_FORMATS = {"PNG (scale 2)": "png", "SVG (vector)": "svg"}


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
        st.header("Filters")
        for field_name, (key, label, placeholder) in MULTISELECT_KEYS.items():
            values = st.multiselect(
                label,
                getattr(options, field_name),
                key=key,
                placeholder=placeholder,
                bind="query-params",
                persist_state="session",
            )
            chosen[field_name] = tuple(values)

        year_range = None
        if options.years is not None and options.years[0] < options.years[1]:
            low, high = st.slider(
                "Years covered",
                min_value=options.years[0],
                max_value=options.years[1],
                value=options.years,
                step=1,
                key=YEARS_KEY,
                help="Keeps pledges whose covered years overlap this range.",
                bind="query-params",
                persist_state="session",
            )
            if (low, high) != tuple(options.years):
                year_range = (int(low), int(high))

        text = st.text_input(
            "Search text",
            key=TEXT_KEY,
            placeholder="e.g. F-16, drones, Kharkiv",
            help="Searches donors, items, categories, publishers and evidence sentences.",
            bind="query-params",
            persist_state="session",
        )
        st.button("Reset filters", on_click=reset_filters, args=(options,), width="stretch")

        with st.expander("Chart downloads"):
            st.radio(
                "Camera button in each chart saves",
                list(IMAGE_FORMATS),
                key=IMAGE_FORMAT_KEY,
                persist_state="session",
                help="Both are made in your browser at 1280×720; PNG is drawn at twice that resolution.",
            )
    return Selection(**chosen, year_range=year_range, text=text or "")


def chosen_image_format() -> str:
    """'png' or 'svg', as chosen in the sidebar (PNG until the user picks otherwise)."""
    return IMAGE_FORMATS.get(st.session_state.get(IMAGE_FORMAT_KEY, ""), "png")
