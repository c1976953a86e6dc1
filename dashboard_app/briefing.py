"""The briefing pack: the dashboard's charts, headline figures and sources as a PowerPoint deck and a Word note.

Three steps, so that each can be tested on its own: `briefing_content` (pure: filtered tables -> what the pack
says and which charts it shows, made by the dashboard's own chart builders), `render_charts` (the only step that
needs a browser: one kaleido renderer driving Debian's Chromium for the whole pack), and `pptx_bytes` /
`docx_bytes` (content + images -> file bytes). `build_pack` runs the three and times them.
"""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard_app import charts, style
from dashboard_app.charts import Chart
from dashboard_app.chromium import chromium_path  # kaleido must never download a browser of its own
from dashboard_app.filters import Selection, describe_selection, split_rows
from dashboard_app.i18n import N_, active_language, ngettext, use_language, value_word
from dashboard_app.i18n import gettext as _
from dashboard_app.summaries import Headlines, describe_amount, describe_years, headline_figures, headline_metrics
from data_pipeline.tables import Tables

PACK_TITLE = N_("Support to Ukraine: briefing pack")
# Rendered at the dashboard's export width and 1.5 times its pixels: 1920 px wide, sharp on a projector.
IMAGE_WIDTH = style.EXPORT_WIDTH
IMAGE_SCALE = 1.5
# A Word table of every pledge of a 10,000-document archive would run to hundreds of pages (and take minutes):
# the note lists the largest ones and says where the rest are.
MAX_TABLE_ROWS = 200
SOURCES_PER_SLIDE = 12
RENDER_TIMEOUT_SECONDS = 120

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class ChartSpec:
    """One chart of a chart page: the page's navigation title, the builder and its extra arguments."""

    page: str
    builder: Callable[..., Chart]
    args: tuple[str, ...] = ()


def chart_specs(tables: Tables) -> list[ChartSpec]:
    """Every chart the chart pages draw in their default view, in page order. The overview's chart (pledged, by
    covered year) is also the first chart of By year: it is shown once, under Overview."""
    statuses = charts.statuses_present(tables.pledges)
    return [
        ChartSpec(N_("Overview"), charts.money_by_year, ("covered", "pledged")),
        *(
            ChartSpec(N_("By year"), charts.money_by_year, ("covered", status))
            for status in statuses
            if status != "pledged"
        ),
        ChartSpec(N_("By year"), charts.equipment_by_year, ("covered",)),
        ChartSpec(N_("By year"), charts.running_totals_over_time),
        ChartSpec(N_("By category"), charts.money_by_category),
        *(ChartSpec(N_("By category"), charts.money_by_subcategory, (status,)) for status in statuses),
        ChartSpec(N_("By source"), charts.source_matrix),
        ChartSpec(N_("By source"), charts.pledges_by_publisher, ("count",)),
        ChartSpec(N_("By source"), charts.pledges_by_publisher, ("euro",)),
        ChartSpec(N_("By source"), charts.publication_timeline),
        ChartSpec(N_("Agreements"), charts.agreements_timeline),
    ]


@dataclass(frozen=True)
class PackChart:
    page: str
    chart: Chart


@dataclass(frozen=True)
class BriefingContent:
    """Everything the pack says, in words and tables; the charts still to be drawn as images."""

    title: str
    filters: str
    data_as_of: str
    n_documents: int
    headlines: Headlines
    headline_lines: tuple[str, ...]  # 'Total pledged: €6.2bn', … (the overview's four figures)
    sentences: tuple[str, ...]  # the same figures as a briefing writes them
    charts: tuple[PackChart, ...]
    pledges: pd.DataFrame  # donor, amount, years, category, status, n_sources (words, for the Word table)
    n_pledges_not_listed: int
    sources: pd.DataFrame  # publisher, published, title, url
    empty_message: str | None  # set when no pledge matches: the pack says so instead of drawing charts


def headline_lines(headlines: Headlines) -> tuple[str, ...]:
    """The overview's metrics, 'label: value'."""
    return tuple(f"{label}: {value}" for label, value in headline_metrics(headlines))


def headline_sentences(tables: Tables, headlines: Headlines) -> tuple[str, ...]:
    """'Under these filters, €6.2bn has been pledged …' and one sentence per donor (largest first)."""
    sentences = [
        ngettext(
            "Under these filters, {amount} has been pledged in money packages ({pledges} in all, money and "
            "equipment, reported by {count} source document).",
            "Under these filters, {amount} has been pledged in money packages ({pledges} in all, money and "
            "equipment, reported by {count} source documents).",
            headlines.n_sources,
        ).format(
            amount=style.format_eur(headlines.total_pledged_eur),
            pledges=ngettext("{count} pledge", "{count} pledges", headlines.n_pledges).format(
                count=headlines.n_pledges
            ),
            count=headlines.n_sources,
        )
    ]
    if headlines.total_delivered_packages_eur:
        sentences.append(
            _("Packages reported as delivered add up to {amount}; they are not added to the pledged total.").format(
                amount=style.format_eur(headlines.total_delivered_packages_eur)
            )
        )
    pledged = charts.money_packages(tables.pledges, "pledged")
    # A per-year pledge once per year it covers, as in the headline total (charts.counted_eur).
    by_donor = pledged.assign(amount_eur=charts.counted_eur(pledged)).groupby("donor")["amount_eur"].sum()
    by_donor = by_donor.sort_values(ascending=False)
    counts = tables.pledges["donor"].value_counts()
    for donor, amount in list(by_donor.items())[:5]:
        n_pledges = int(counts.get(donor, 0))
        sentences.append(
            ngettext(
                "{donor} has pledged {amount} ({count} pledge in all).",
                "{donor} has pledged {amount} ({count} pledges in all).",
                n_pledges,
            ).format(donor=donor, amount=style.format_eur(float(amount)), count=n_pledges)
        )
    if headlines.latest_document_date:
        sentences.append(
            _("The newest document read is dated {date}.").format(
                date=style.format_date(headlines.latest_document_date)
            )
        )
    return tuple(sentences)


PLEDGE_TABLE_COLUMNS = {
    "donor": N_("Donor"),
    "amount": N_("Amount"),
    "years": N_("Years"),
    "category": N_("Category"),
    "status": N_("Status"),
    "n_sources": N_("Sources"),
}


PLEDGE_TABLE_WIDTHS = (1.3, 1.3, 0.8, 1.5, 0.9, 0.6)  # inches: 6.4 in, a portrait page's text width


def pledge_rows(pledges: pd.DataFrame, limit: int = MAX_TABLE_ROWS) -> pd.DataFrame:
    """The pledges in words, largest money first, then equipment by count (at most `limit` rows)."""
    if pledges.empty:
        return pd.DataFrame(columns=list(PLEDGE_TABLE_COLUMNS))
    ordered = pledges.assign(
        _money=pledges["kind"].eq("money"),
        _size=pledges["amount_eur"].fillna(pledges["quantity"]).fillna(0),
    ).sort_values(["_money", "_size", "pledge_id"], ascending=[False, False, True])
    top = ordered.head(limit)
    rows = pd.DataFrame(
        {
            "donor": top["donor"].astype(str).str.replace(";", ", "),
            "amount": top.apply(describe_amount, axis=1)
            + top["scope"].map({"part": _(" (part of a package)")}).fillna(""),
            "years": top.apply(describe_years, axis=1),
            "category": [
                f"{value_word(category)}/{value_word(subcategory)}"
                for category, subcategory in zip(top["category"].tolist(), top["subcategory"].tolist(), strict=True)
            ],
            "status": [value_word(status) for status in top["status"].tolist()],
            "n_sources": top["n_sources"].astype(int).astype(str),
        }
    )
    return rows.reset_index(drop=True)


def source_documents(tables: Tables) -> pd.DataFrame:
    """Every document behind a pledge, running total or agreement under the filters, oldest first."""
    doc_ids: set[str] = set()
    for frame in (tables.pledges, tables.running_totals, tables.agreements):
        if len(frame):
            doc_ids.update(doc for docs in split_rows(frame, "sources") for doc in docs)
    documents = tables.documents[tables.documents["doc_id"].isin(doc_ids)]
    columns = ["doc_id", "publisher", "published", "title", "url"]
    return documents[columns].sort_values(["published", "doc_id"], na_position="last").reset_index(drop=True)


def data_as_of(tables: Tables) -> tuple[str, int]:
    """The newest readable document's date ('unknown' when none has a date) and how many documents were read."""
    readable = int((tables.documents["status"] == "ok").sum())
    latest = charts.latest_document_date(tables)
    return (style.format_date(latest) if latest else _("unknown")), readable


def briefing_content(tables: Tables, selection: Selection) -> BriefingContent:
    """What the pack says under `selection`; `tables` is already filtered by it (the dashboard's view.tables)."""
    headlines = headline_figures(tables)
    as_of, n_documents = data_as_of(tables)
    empty = tables.pledges.empty
    pack_charts: list[PackChart] = []
    if not empty:
        for spec in chart_specs(tables):
            chart = spec.builder(tables, selection, *spec.args)
            if not chart.is_empty:
                pack_charts.append(PackChart(spec.page, chart))
    table = pledge_rows(tables.pledges)
    return BriefingContent(
        title=_(PACK_TITLE),
        filters=describe_selection(selection),
        data_as_of=as_of,
        n_documents=n_documents,
        headlines=headlines,
        headline_lines=headline_lines(headlines),
        sentences=() if empty else headline_sentences(tables, headlines),
        charts=tuple(pack_charts),
        pledges=table,
        n_pledges_not_listed=max(0, len(tables.pledges) - len(table)),
        sources=source_documents(tables),
        empty_message=(
            _("No pledge matches these filters, so this pack has no charts. Widen the filters and make the pack again.")
            if empty
            else None
        ),
    )


# --- rendering ------------------------------------------------------------------------------------------------


class RendererError(RuntimeError):
    """The charts could not be drawn as images (no Chromium, Chromium failed, a chart timed out)."""


def image_options(chart: Chart) -> dict:
    """PNG at the dashboard's export width and the chart's own height (tall charts stay tall), scaled 1.5."""
    height = chart.figure.layout.height or style.CHART_HEIGHT
    return {"format": "png", "width": IMAGE_WIDTH, "height": int(height), "scale": IMAGE_SCALE}


async def _render_all(charts_to_draw: Sequence[Chart], browser: Path) -> list[bytes]:
    import kaleido

    # One renderer (one Chromium, one tab) for the whole pack. NOTE: kaleido.start_sync_server would do the same,
    # but when Chromium cannot start its server thread dies and every later call waits forever; the async
    # context manager raises instead.
    async with kaleido.Kaleido(n=1, mathjax=False, path=str(browser)) as renderer:
        return [await renderer.calc_fig(chart.figure, opts=image_options(chart)) for chart in charts_to_draw]


def render_charts(charts_to_draw: Sequence[Chart], browser: Path | None = None) -> list[bytes]:
    """Each chart as PNG bytes, drawn by one kaleido renderer started for this call. RendererError on failure."""
    if not charts_to_draw:
        return []
    browser = browser or chromium_path()
    if not browser.exists():
        raise RendererError(
            _(
                "Chromium was not found at {browser}, so the charts cannot be drawn as images. Install Debian's "
                "package (apt-get install chromium) or set PLEDGES_CHROMIUM to its path."
            ).format(browser=browser)
        )
    # A thread of its own: asyncio.run needs a thread without a running event loop (Streamlit's may have one).
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(asyncio.run, _render_all(charts_to_draw, browser))
        try:
            images = future.result(timeout=RENDER_TIMEOUT_SECONDS)
        except FutureTimeout as error:
            message = _("Drawing the charts took longer than {seconds} s.").format(seconds=RENDER_TIMEOUT_SECONDS)
            raise RendererError(message) from error
        except Exception as error:  # noqa: BLE001 - whatever Chromium or kaleido raised, the user gets one sentence
            message = _("Chromium ({browser}) could not draw the charts: {error}.")
            raise RendererError(message.format(browser=browser, error=type(error).__name__)) from error
    if len(images) != len(charts_to_draw) or not all(image.startswith(b"\x89PNG") for image in images):
        raise RendererError(_("The renderer returned something other than one PNG image per chart."))
    return images


# --- PowerPoint -------------------------------------------------------------------------------------------------


def _png_size(image: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (IHDR)."""
    return int.from_bytes(image[16:20], "big"), int.from_bytes(image[20:24], "big")


def pptx_bytes(content: BriefingContent, images: Sequence[bytes]) -> bytes:
    """A 16:9 deck: title slide, one slide per chart (image + headline figures as text), the source list."""
    from pptx import Presentation
    from pptx.util import Emu, Inches, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    margin = Inches(0.5)
    full_width = deck.slide_width - 2 * margin

    def titled_slide(title: str):
        slide = deck.slides.add_slide(deck.slide_layouts[5])  # "Title Only": the title stays a real title
        shape = slide.shapes.title
        shape.left, shape.top, shape.width, shape.height = margin, Inches(0.3), full_width, Inches(0.8)
        shape.text = title
        for paragraph in shape.text_frame.paragraphs:
            paragraph.font.size = Pt(24)
            paragraph.font.bold = True
        return slide

    def text_box(slide, lines: Sequence[str], top, height, size: int = 14, left=margin, width=full_width):
        box = slide.shapes.add_textbox(left, top, width, height)
        frame = box.text_frame
        frame.word_wrap = True
        for index, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.text = line
            paragraph.font.size = Pt(size)
        return box

    title_slide = deck.slides.add_slide(deck.slide_layouts[0])
    # The default template's placeholders sit on a 4:3 slide: placed again on the 16:9 one.
    heading, subtitle = title_slide.shapes.title, title_slide.placeholders[1]
    heading.left, heading.top, heading.width, heading.height = margin, Inches(1.6), full_width, Inches(1.4)
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = margin, Inches(3.2), full_width, Inches(3.6)
    heading.text = content.title
    subtitle.text_frame.text = content.filters
    for line in (
        _("Data as of {date}").format(date=content.data_as_of),
        ngettext("{count} document read", "{count} documents read", content.n_documents).format(
            count=content.n_documents
        ),
        *(["", content.empty_message] if content.empty_message else []),
    ):
        subtitle.text_frame.add_paragraph().text = line

    headline_text = " · ".join(content.headline_lines)
    image_top, image_bottom = Inches(1.2), Inches(6.55)
    for pack_chart, image in zip(content.charts, images, strict=True):
        slide = titled_slide(pack_chart.chart.title)
        width, height = _png_size(image)
        box_height = image_bottom - image_top
        fitted_width = min(full_width, int(box_height * width / height))
        fitted_height = int(fitted_width * height / width)
        left = margin + (full_width - fitted_width) // 2
        slide.shapes.add_picture(io.BytesIO(image), left, image_top, Emu(fitted_width), Emu(fitted_height))
        text_box(slide, [headline_text, f"{_(pack_chart.page)} · {content.filters}"], image_bottom, Inches(0.8), 12)

    if content.empty_message:
        slide = titled_slide(_("No pledge matches these filters"))
        text_box(slide, [content.empty_message, content.filters, *content.headline_lines], Inches(1.4), Inches(4), 20)

    source_lines = [_source_line(row) for row in content.sources.itertuples(index=False)]
    chunks = [
        source_lines[start : start + SOURCES_PER_SLIDE] for start in range(0, len(source_lines), SOURCES_PER_SLIDE)
    ]
    no_sources = [_("No source document reports a figure under these filters.")]
    for number, chunk in enumerate(chunks or [no_sources], 1):
        suffix = f" ({number}/{len(chunks)})" if len(chunks) > 1 else ""
        slide = titled_slide(_("Sources") + suffix)
        text_box(slide, chunk, Inches(1.2), Inches(5.9), 13)

    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _source_line(row) -> str:
    """'Publisher, 2024-06-28: Title — URL' (the document's own words: its title stays as written)."""
    date = style.format_date(row.published) if isinstance(row.published, str) and row.published else _("date unknown")
    line = f"{row.publisher or _('Unknown publisher')}, {date}: {row.title or row.doc_id}"
    return line + (f" — {row.url}" if isinstance(row.url, str) and row.url else "")


# --- Word -------------------------------------------------------------------------------------------------------


def docx_bytes(content: BriefingContent, images: Sequence[bytes]) -> bytes:
    """A short note in the default Word styles (Heading 1/2, Normal, a plain table) so that it pastes cleanly into
    a ministry template: headline sentences, the charts, the pledges table and the sources."""
    from docx import Document
    from docx.shared import Inches

    note = Document()
    note.add_heading(content.title, level=1)
    note.add_paragraph(
        ngettext(
            "{filters}. Data as of {date}; {count} document read.",
            "{filters}. Data as of {date}; {count} documents read.",
            content.n_documents,
        ).format(filters=content.filters, date=content.data_as_of, count=content.n_documents)
    )
    note.add_heading(_("Headline figures"), level=2)
    if content.empty_message:
        note.add_paragraph(content.empty_message)
    for sentence in content.sentences:
        note.add_paragraph(sentence, style="List Bullet")

    if content.charts:
        note.add_heading(_("Charts"), level=2)
    for pack_chart, image in zip(content.charts, images, strict=True):
        caption = note.add_paragraph(pack_chart.chart.title, style="Caption")
        caption.paragraph_format.keep_with_next = True  # never a caption at the foot of a page, its chart overleaf
        note.add_picture(io.BytesIO(image), width=Inches(6.3))

    note.add_heading(_("Pledges"), level=2)
    if content.pledges.empty:
        note.add_paragraph(_("No pledge matches these filters."))
    else:
        table = note.add_table(rows=1, cols=len(PLEDGE_TABLE_COLUMNS))
        table.style = "Table Grid"
        for cell, header in zip(table.rows[0].cells, PLEDGE_TABLE_COLUMNS.values(), strict=True):
            cell.text = _(header)
        for row in content.pledges.itertuples(index=False):
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.text = str(value)
        table.autofit = False
        for column, width in zip(table.columns, PLEDGE_TABLE_WIDTHS, strict=True):
            for cell in column.cells:  # Word reads a column's width from its cells
                cell.width = Inches(width)
        if content.n_pledges_not_listed:
            note.add_paragraph(
                _("{count} smaller pledges are not listed; the Pledge explorer downloads every row.").format(
                    count=content.n_pledges_not_listed
                )
            )

    note.add_heading(_("Sources"), level=2)
    if content.sources.empty:
        note.add_paragraph(_("No source document reports a figure under these filters."))
    for row in content.sources.itertuples(index=False):
        note.add_paragraph(_source_line(row), style="List Number")

    buffer = io.BytesIO()
    note.save(buffer)
    return buffer.getvalue()


# --- the whole pack ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BriefingPack:
    pptx: bytes
    docx: bytes
    seconds: float
    n_slides: int


def build_pack(
    tables: Tables, selection: Selection, browser: Path | None = None, language: str | None = None
) -> BriefingPack:
    """Both files under `selection` (`tables` already filtered by it) in `language` (default: the active one),
    one renderer for all their charts."""
    started = time.perf_counter()
    with use_language(language or active_language()):
        content = briefing_content(tables, selection)
        images = render_charts([pack_chart.chart for pack_chart in content.charts], browser)
        deck = pptx_bytes(content, images)
        note = docx_bytes(content, images)
    n_sources_slides = max(1, -(-len(content.sources) // SOURCES_PER_SLIDE))
    n_slides = 1 + len(content.charts) + (1 if content.empty_message else 0) + n_sources_slides
    return BriefingPack(deck, note, time.perf_counter() - started, n_slides)
