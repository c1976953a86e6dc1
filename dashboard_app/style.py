"""One look for every chart: palette, template, euro format, title/subtitle/source note, download config."""

from __future__ import annotations

import datetime
import html
import math
import re
from pathlib import Path

import plotly.graph_objects as go

from dashboard_app.i18n import active_language, gettext
from data_pipeline.tables import CATEGORIES

# Okabe-Ito: distinguishable with the common colour-vision deficiencies. Yellow is left out because it
# disappears on white; grey is Okabe-Ito's usual companion for "other".
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}

# The browser tab's icon, served by the dashboard itself: Streamlit fetches a ":material/…:" icon from a font CDN
# on every page load, and this tool sends nothing off the machine.
PAGE_ICON = Path(__file__).resolve().parent / "icon.png"

# A category keeps its colour on every chart, so a reader who learned "blue = military" on one
# chart can read the next one without the legend.
CATEGORY_COLOURS: dict[str, str] = {
    "military": OKABE_ITO["blue"],
    "financial": OKABE_ITO["orange"],
    "humanitarian": OKABE_ITO["bluish_green"],
    "reconstruction": OKABE_ITO["vermillion"],
    "justice": OKABE_ITO["reddish_purple"],
    "other": OKABE_ITO["grey"],
}
assert set(CATEGORY_COLOURS) == set(CATEGORIES), "every category needs a fixed colour"

# Charts that are not split by category (sources, publishers, agreements) use colours no category has.
NEUTRAL_COLOUR = OKABE_ITO["sky_blue"]
EMPHASIS_COLOUR = OKABE_ITO["black"]

# Delivered money is drawn with a hatch in the category's colour: the colour still says the category,
# the hatch says "delivered", and the two statuses stand side by side, never stacked.
STATUS_PATTERNS = {"pledged": "", "delivered": "/"}

FONT_FAMILY = "Arial, Helvetica, sans-serif"
BASE_FONT_SIZE = 14
CHART_HEIGHT = 520
# A chart with a row per pledge or document grows with its rows, up to this (a browser draws it; beyond, a
# page of bars is unreadable anyway and the chart says how many it shows).
CHART_MAX_HEIGHT = 2400
EXPORT_WIDTH = 1280
EXPORT_HEIGHT = 720

TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT_FAMILY, "size": BASE_FONT_SIZE, "color": "#222222"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        colorway=list(CATEGORY_COLOURS.values()),
        xaxis={"showgrid": False, "linecolor": "#444444", "ticks": "outside", "automargin": True},
        yaxis={
            "gridcolor": "#E5E5E5",
            "zeroline": True,
            "zerolinecolor": "#444444",
            "rangemode": "tozero",
            "automargin": True,
        },
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
        hoverlabel={"font": {"family": FONT_FAMILY}},
    )
)


def format_eur(value: float | None) -> str:
    """Euro amounts the way a briefing writes them: €2.0bn, €100m, €2.5m, €500k; in Dutch € 2,0 mld., € 100 mln.,
    € 2,5 mln., € 500.000."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return gettext("n/a")
    if active_language() == "nl":
        return _format_eur_dutch(float(value))
    sign = "-" if value < 0 else ""
    value = abs(float(value))
    if value >= 1e9:
        return f"{sign}€{value / 1e9:.1f}bn"
    if value >= 1e6:
        millions = value / 1e6
        return f"{sign}€{millions:.0f}m" if millions >= 10 else f"{sign}€{millions:.1f}m"
    if value >= 1e3:
        thousands = value / 1e3  # €1.1k, not €1k for €1,053 (two significant figures, as for millions)
        return f"{sign}€{thousands:.0f}k" if thousands >= 10 else f"{sign}€{thousands:.1f}k"
    return f"{sign}€{value:.0f}"


def _dutch_number(text: str) -> str:
    """'1,234.5' (Python's grouping) -> '1.234,5'."""
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _format_eur_dutch(value: float) -> str:
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value >= 1e9:
        return f"{sign}€ {_dutch_number(f'{value / 1e9:.1f}')} mld."
    if value >= 1e6:
        millions = value / 1e6
        shown = f"{millions:.0f}" if millions >= 10 else f"{millions:.1f}"
        return f"{sign}€ {_dutch_number(shown)} mln."
    return f"{sign}€ {_dutch_number(f'{value:,.0f}')}"


def format_count(value: float) -> str:
    """Whole items print without decimals; an evenly spread share keeps one (a decimal comma in Dutch)."""
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return _dutch_number(text) if active_language() == "nl" else text


def date_ticks(step: str) -> dict:
    """Date-axis tick settings: plotly writes month names in English only, so Dutch axes use numbers
    (28-6-2024, 06-2024); English keeps '28 Jun 2024' (step 'day') and plotly's own month ticks."""
    if active_language() == "nl":
        return {"tickformat": "%-d-%-m-%Y" if step == "day" else "%m-%Y"}
    return {"tickformat": "%-d %b %Y"} if step == "day" else {}


def format_decimal(value: float, digits: int = 1) -> str:
    """2.5 (2,5 in Dutch)."""
    text = f"{value:.{digits}f}"
    return _dutch_number(text) if active_language() == "nl" else text


def format_number(value: float) -> str:
    """A whole number with thousands separators: 12,000 (12.000 in Dutch)."""
    text = f"{value:,.0f}"
    return _dutch_number(text) if active_language() == "nl" else text


def format_date(value: object) -> str:
    """A publication date as the reader writes it: ISO in English (as the tables hold it), '28 juni 2024' in Dutch;
    a partial date 'YYYY-MM' reads 'juni 2024'. Anything that is not such a date comes back as it is."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value)
    if active_language() != "nl" or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return text
    from babel.dates import format_date as babel_format_date

    parts = [int(part) for part in text.split("-")]
    if len(parts) == 1:
        return text
    try:
        day = datetime.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    except ValueError:
        return text
    return babel_format_date(day, "d MMMM y" if len(parts) == 3 else "MMMM y", locale="nl")


def nice_step(maximum: float, target_ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5, 5 × 10^n) that gives about `target_ticks` ticks up to `maximum`."""
    if maximum <= 0:
        return 1.0
    raw = maximum / target_ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if raw <= multiple * magnitude:
            return multiple * magnitude
    return 10 * magnitude


def euro_axis(maximum: float, labelled_bars: bool = False) -> dict:
    """Axis settings with ticks labelled €0, €500m, €1.0bn… starting at zero (plotly has no 'bn' format).
    `labelled_bars`: horizontal bars with their amount written after them get room for it (a fifth more: the
    Dutch '€ 6,0 mld.' is longer than '€6.0bn' and was cut off at the image's edge)."""
    step = nice_step(maximum)
    count = int(math.ceil(maximum / step)) + 1 if maximum > 0 else 2
    tick_values = [round(step * index, 2) for index in range(count)]
    return {
        "tickmode": "array",
        "tickvals": tick_values,
        "ticktext": [
            format_eur(value) if value else ("€ 0" if active_language() == "nl" else "€0") for value in tick_values
        ],
        "range": [0, max(tick_values[-1] * 1.05, maximum * 1.22 if labelled_bars else 0)],
        "rangemode": "tozero",
    }


def plain_text(value: object) -> str:
    """Escape text from documents before plotly sees it: its titles understand a little HTML."""
    return html.escape(str(value), quote=False)


def plain_markdown(text: str) -> str:
    """Escape text for Streamlit's markdown messages (st.success/st.error/st.caption): shown exactly as typed."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\\\1", text)


def wrap_lines(text: str, width: int = 120) -> list[str]:
    """Break a subtitle or note after '·', ';' or ',' so it fits the chart's width at 1280 px."""
    lines: list[str] = []
    for word in re.split(r"(?<=[·;,]) ", text):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def height_for_rows(rows: int, per_row: int, fixed: int) -> int:
    """The height of a chart drawing one bar or line of cells per row: room for title and axes, then per row."""
    return min(CHART_MAX_HEIGHT, max(CHART_HEIGHT, fixed + per_row * rows))


def chart_layout(title: str, subtitle: str, source_note: str, height: int = CHART_HEIGHT) -> dict:
    """Title, subtitle and source line inside the figure, so a pasted PNG still says what it shows (layout keys)."""
    subtitle_lines = wrap_lines(subtitle)
    # Room above the plot for the title and each subtitle line, and below for the source line.
    top_margin = 70 + 20 * len(subtitle_lines) + 30
    source_lines = wrap_lines(source_note, width=100)
    return {
        "template": TEMPLATE,
        "height": height,
        "title": {
            "text": f"<b>{plain_text(title)}</b>",
            "subtitle": {
                "text": "<br>".join(plain_text(line) for line in subtitle_lines),
                "font": {"size": 13, "color": "#555555"},
            },
            "x": 0.01,
            "xanchor": "left",
            "y": 0.97,
            "yanchor": "top",
            "font": {"size": 19},
        },
        "margin": {"t": top_margin, "b": 95 + 16 * len(source_lines), "l": 80, "r": 30},
        # Legend entries in the order the traces were added (category order), also for stacked bars.
        "legend": legend_layout(0),
        # Decimal comma and thousands point on the axes of a Dutch chart.
        "separators": ",." if active_language() == "nl" else ".,",
    }


def source_annotation(source_note: str) -> dict:
    """The source line under the plot."""
    return {
        "text": "<br>".join(plain_text(line) for line in wrap_lines(source_note, width=100)),
        "xref": "paper",
        "yref": "paper",
        # Right-aligned at the plot's right edge: a long left margin (horizontal bar labels) cannot push it
        # off the image, as it would a left-aligned note anchored at the plot's left edge.
        "x": 1,
        "y": 0,
        "yshift": -80,
        "xanchor": "right",
        "yanchor": "top",
        "showarrow": False,
        "align": "right",
        "font": {"size": 12, "color": "#555555"},
    }


def style_figure(
    figure: go.Figure, title: str, subtitle: str, source_note: str, height: int = CHART_HEIGHT
) -> go.Figure:
    """Put title, subtitle and source line inside the figure, so a pasted PNG still says what it shows."""
    layout = chart_layout(title, subtitle, source_note, height)
    layout["legend"] = legend_layout(legend_entries(figure.data))
    figure.update_layout(**layout)
    figure.add_annotation(**source_annotation(source_note))
    return figure


def styled_figure(
    traces: list[dict], layout: dict, title: str, subtitle: str, source_note: str, height: int = CHART_HEIGHT
) -> go.Figure:
    """What style_figure makes of a figure with these traces and layout, built in one go.Figure call: each
    update_layout or add_annotation validates the whole layout again (a figure with a dozen stacked totals took
    30 ms; built from dicts, 3 ms). `layout` must not set the keys chart_layout sets."""
    styled = chart_layout(title, subtitle, source_note, height)
    if not styled.keys().isdisjoint(layout.keys() - {"annotations"}):
        raise ValueError(f"the chart's layout sets what the style sets: {sorted(styled.keys() & layout.keys())}")
    styled["legend"] = legend_layout(legend_entries(traces))
    annotations = [*layout.get("annotations", []), source_annotation(source_note)]
    return go.Figure({"data": traces, "layout": {**layout, **styled, "annotations": annotations}})


# A legend of up to this many entries fits in a row or two above the plot; a longer one (an item per equipment
# type, a line per donor and category) grew up over the title and subtitle, so it stands right of the plot.
LEGEND_ABOVE_MAX_ENTRIES = 8


def legend_entries(traces: list) -> int:
    """How many entries the traces put in the legend (a legend group counts once)."""
    shown = set()
    for trace in traces:
        get = trace.get if isinstance(trace, dict) else lambda key, default=None, t=trace: getattr(t, key, default)
        if get("showlegend", None) is False:
            continue
        shown.add(get("legendgroup", None) or get("name", None))
    return len(shown)


def legend_layout(entries: int) -> dict:
    """Above the plot in rows for a short legend; right of the plot, one entry per line, for a long one."""
    if entries <= LEGEND_ABOVE_MAX_ENTRIES:
        return {"y": 1.0, "yanchor": "bottom", "traceorder": "normal"}
    return {"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1.0, "yanchor": "top", "traceorder": "normal"}


def download_filename(title: str) -> str:
    """A file name a desk officer can find again: the chart title as a slug."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug[:80] or "chart"


def plotly_config(title: str, image_format: str = "png") -> dict:
    """Modebar settings: PNG at scale 2 (or SVG, drawn by the browser, no kaleido needed) at 1280×720."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {
            "format": image_format,
            "filename": download_filename(title),
            "width": EXPORT_WIDTH,
            "height": EXPORT_HEIGHT,
            "scale": 2 if image_format == "png" else 1,
        },
    }
