"""Start the browser loading plotly's code at the top of every script run, before the page asks for a chart.

Streamlit's frontend fetches an element's code only when a page first shows one: plotly's chunk is 4.7 MB that
the browser fetches, parses and runs (0.6-1.4 s here) before it draws the first chart. Asked for by the first
thing the entrypoint draws, it loads while the server imports pandas, plotly and the pipeline and builds the
tables (about 2 s on a new server's first page) instead of after. The browser keeps one copy of a module per
URL, so the chart's own request later finds it loaded. BENCHMARKS.md, issue 20, first chart, has the figures.
This module imports nothing heavy: the entrypoint calls it before its other imports.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import streamlit as st

# The scripts Streamlit serves under ./static/js/ (its build names each chunk with a hash of its content).
STREAMLIT_SCRIPTS = Path(st.__file__).resolve().parent / "static" / "static" / "js"
CONTAINER_KEY = "chart_code"
# Letters, digits, '_' and '-' between the dots: the name goes into a script, and nothing in it may end the string.
CHUNK_NAME = re.compile(r"PlotlyChart\.[\w-]+\.js")


@cache
def plotly_chunk() -> str | None:
    """The file name of the installed Streamlit's plotly chunk (PlotlyChart.<hash>.js), None if it has none."""
    found = sorted(path.name for path in STREAMLIT_SCRIPTS.glob("PlotlyChart.*.js") if CHUNK_NAME.fullmatch(path.name))
    return found[0] if found else None


def start_loading_chart_code() -> None:
    """An invisible element whose script imports plotly's chunk; nothing when this Streamlit has no such chunk
    (the chart then loads its code when drawn, as without this)."""
    chunk = plotly_chunk()
    if chunk is None:
        return
    # A relative URL, as Streamlit's own page uses: it resolves under a deep link or a server.baseUrlPath too.
    # The script is a constant of the installed Streamlit, never text from a document or a user. The style hides
    # the element's container, which would otherwise add a row's gap above the page.
    with st.container(key=CONTAINER_KEY):
        st.html(
            f"<style>:has(> .st-key-{CONTAINER_KEY}) {{display: none}}</style>"
            f'<script>import("./static/js/{chunk}")</script>',
            unsafe_allow_javascript=True,
        )
