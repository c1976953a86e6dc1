"""The briefing pack: the files the sidebar's download buttons serve (and the command line writes), opened with
python-pptx and python-docx as a reader's Office would open them.

Packs with charts need Debian's Chromium (kaleido drives it). Without it these tests fail in CI (CI is set) and
skip with a one-line reason on a developer laptop, as the browser tests do.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from dashboard_fixtures import DOCUMENTS, fixture_tables
from docx import Document
from pipeline_helpers import ROOT
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from streamlit.testing.v1 import AppTest

from dashboard_app import briefing, loader
from dashboard_app.briefing_ui import ERROR_KEY, PACK_KEY
from dashboard_app.filters import Selection, apply_filters

APP = "../dashboard.py"
MIN_IMAGE_WIDTH = 1600


def require_chromium() -> None:
    browser = briefing.chromium_path()
    if browser.exists():
        return
    message = f"Chromium not found at {browser} (apt-get install -y chromium)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}: CI must draw the briefing pack's charts")
    pytest.skip(message)


def slide_texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def pictures(slide) -> list:
    return [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]


def png_width(image: bytes) -> int:
    assert image.startswith(b"\x89PNG\r\n\x1a\n"), "a slide image is not a PNG"
    return int.from_bytes(image[16:20], "big")


def shown(markdown: str) -> str:
    """A message as the reader sees it (style.plain_markdown escapes every markdown character with a backslash)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def metric(at: AppTest, label: str) -> str:
    return next(item.value for item in at.metric if item.label.startswith(label))


@pytest.fixture(scope="module")
def sidebar_pack():
    """The overview under category=military, its pack made with the sidebar button: (app, pack)."""
    require_chromium()
    tables = fixture_tables()
    original = loader.load_tables
    loader.load_tables = lambda folder=None: tables
    try:
        at = AppTest.from_file(APP, default_timeout=120).run()
        at.multiselect(key="category").set_value(["military"]).run()
        at.button(key="briefing_make").click().run()
        assert not at.exception, [error.message for error in at.exception]
        yield at, at.session_state[PACK_KEY][1]
    finally:
        loader.load_tables = original


def test_sidebar_pack_says_how_long_it_took_and_offers_both_files(sidebar_pack):
    at, pack = sidebar_pack
    assert not at.sidebar.error
    assert any(message.value.startswith("Made in ") for message in at.sidebar.success)
    assert pack.pptx.startswith(b"PK") and pack.docx.startswith(b"PK")  # both are Office (zip) files


def test_deck_has_a_title_slide_a_slide_per_chart_and_the_sources(sidebar_pack):
    _, pack = sidebar_pack
    tables = fixture_tables()
    selection = Selection(categories=("military",))
    content = briefing.briefing_content(apply_filters(tables, selection), selection)
    deck = Presentation(io.BytesIO(pack.pptx))
    slides = list(deck.slides)
    assert len(slides) == 1 + len(content.charts) + 1 == pack.n_slides
    assert len(content.charts) >= 8  # every chart page is in it: overview, by year, by category, by source, …

    title_slide = "\n".join(slide_texts(slides[0]))
    assert briefing.PACK_TITLE in title_slide
    assert "Filters: category: military" in title_slide
    assert "Data as of 2025-12-03" in title_slide
    assert "6 documents read" in title_slide  # the hand-made build: six readable documents, one broken file

    chart_slides = slides[1:-1]
    assert [slide.shapes.title.text for slide in chart_slides] == [chart.chart.title for chart in content.charts]
    for slide in chart_slides:
        (picture,) = pictures(slide)
        assert png_width(picture.image.blob) >= MIN_IMAGE_WIDTH

    assert slides[-1].shapes.title.text == "Sources"
    sources = "\n".join(slide_texts(slides[-1]))
    for doc_id, publisher, published, _language, title in DOCUMENTS:
        if doc_id in ("000_nltimes", "001_kyiv", "003_minbuza", "005_gazette"):  # the military pledges' sources
            assert f"{publisher}, {published}: {title}" in sources


def test_headline_figures_on_every_chart_slide_equal_the_overview(sidebar_pack):
    at, pack = sidebar_pack
    overview = [
        f"Total pledged: {metric(at, 'Total pledged')}",
        f"Pledges: {metric(at, 'Pledges')}",
        f"Sources reporting them: {metric(at, 'Sources reporting them')}",
        f"Latest document: {metric(at, 'Latest document')}",
    ]
    assert overview[0] == "Total pledged: €6.1bn"  # military only: €2bn + €4bn + €100m (the part is not added)
    deck = Presentation(io.BytesIO(pack.pptx))
    for slide in list(deck.slides)[1:-1]:
        text = "\n".join(slide_texts(slide))
        for figure in overview:
            assert figure in text, (slide.shapes.title.text, figure)  # real text, not only inside the image


def test_word_note_has_sentences_charts_the_pledges_table_and_sources(sidebar_pack):
    at, pack = sidebar_pack
    note = Document(io.BytesIO(pack.docx))
    paragraphs = [paragraph.text for paragraph in note.paragraphs]
    headings = [p.text for p in note.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [briefing.PACK_TITLE, "Headline figures", "Charts", "Pledges", "Sources"]
    total = metric(at, "Total pledged")
    assert any(text.startswith(f"Under these filters, {total} has been pledged") for text in paragraphs)
    assert f"Netherlands has pledged {total} (5 pledges in all)." in paragraphs

    images = [shape._inline.graphic.graphicData.pic.blipFill.blip.embed for shape in note.inline_shapes]
    blobs = [note.part.related_parts[relation].blob for relation in images]
    selection = Selection(categories=("military",))
    content = briefing.briefing_content(apply_filters(fixture_tables(), selection), selection)
    assert len(blobs) == len(content.charts)
    assert all(png_width(blob) >= MIN_IMAGE_WIDTH for blob in blobs)

    (table,) = note.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Donor", "Amount", "Years", "Category", "Status", "Sources"]
    assert len(rows) - 1 == int(metric(at, "Pledges"))
    assert rows[1][:2] == ["Netherlands", "€4.0bn"]  # largest money first
    sources = [p.text for p in note.paragraphs if p.style.name == "List Number"]
    # The military pledges' four documents and the agreements' (a category filter does not apply to agreements).
    assert (
        len(sources) == 6 and "Ministerie van Buitenlandse Zaken, 2024-06-28: Kabinetsreactie op advies AIV" in sources
    )


def test_no_pledge_under_the_filters_gives_a_pack_that_says_so_without_charts():
    tables = fixture_tables()
    selection = Selection(text="no pledge says this")
    pack = briefing.build_pack(apply_filters(tables, selection), selection, browser=Path("/nonexistent"))
    deck = Presentation(io.BytesIO(pack.pptx))
    slides = list(deck.slides)
    assert len(slides) == 3 == pack.n_slides  # title, the message, sources
    assert not [picture for slide in slides for picture in pictures(slide)]
    assert slides[1].shapes.title.text == "No pledge matches these filters"
    assert "No pledge matches these filters" in "\n".join(slide_texts(slides[0]))
    note = Document(io.BytesIO(pack.docx))
    assert not note.inline_shapes and not note.tables
    assert any(p.text.startswith("No pledge matches these filters") for p in note.paragraphs)


@pytest.fixture
def app_with_fixture(monkeypatch):
    tables = fixture_tables()
    monkeypatch.setattr(loader, "load_tables", lambda folder=None: tables)
    return AppTest.from_file(APP, default_timeout=60).run()


def test_missing_chromium_is_a_sentence_in_the_sidebar_not_a_stack_trace(app_with_fixture, monkeypatch):
    monkeypatch.setenv("PLEDGES_CHROMIUM", "/nonexistent/chromium")
    at = app_with_fixture.button(key="briefing_make").click().run()
    assert not at.exception
    (error,) = at.sidebar.error
    assert "No briefing pack was made. Chromium was not found at /nonexistent/chromium" in shown(error.value)
    assert PACK_KEY not in at.session_state and ERROR_KEY in at.session_state


def test_a_renderer_that_fails_while_drawing_is_a_sentence_too(app_with_fixture, monkeypatch):
    async def crash(charts_to_draw, browser):
        raise RuntimeError("Target closed")

    monkeypatch.setattr(briefing, "_render_all", crash)
    monkeypatch.setenv("PLEDGES_CHROMIUM", sys.executable)  # exists, so the failure comes from drawing
    at = app_with_fixture.button(key="briefing_make").click().run()
    assert not at.exception
    (error,) = at.sidebar.error
    assert "could not draw the charts: RuntimeError" in shown(error.value)
    assert "Traceback" not in shown(error.value)


def test_command_line_writes_the_same_pack_for_the_seeds(tmp_path):
    require_chromium()
    deck_path, note_path = tmp_path / "pack.pptx", tmp_path / "pack.docx"
    command = [sys.executable, "-m", "data_pipeline", "brief", "--docs", str(ROOT / "seeds")]
    command += ["--out", str(deck_path), "--out", str(note_path), "--category", "military"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "slides) in" in result.stdout
    slides = list(Presentation(deck_path).slides)
    assert slides[0].shapes.title.text == briefing.PACK_TITLE
    assert "Filters: category: military" in "\n".join(slide_texts(slides[0]))
    assert slides[1].shapes.title.text == "Pledged support to Ukraine by year and category"
    assert slides[-1].shapes.title.text == "Sources"
    assert Document(note_path).paragraphs[0].text == briefing.PACK_TITLE


def test_command_line_refuses_an_output_it_cannot_write(tmp_path):
    command = [sys.executable, "-m", "data_pipeline", "brief", "--docs", str(ROOT / "seeds")]
    result = subprocess.run(
        [*command, "--out", str(tmp_path / "pack.pdf")], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2 and "must end in .pptx or .docx" in result.stderr


def test_dutch_pack_follows_the_language_with_the_dutch_overview_figures(monkeypatch):
    require_chromium()
    tables = fixture_tables()
    monkeypatch.setattr(loader, "load_tables", lambda folder=None: tables)
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.radio(key="language").set_value("nl").run()
    at.multiselect(key="category").set_value(["military"]).run()
    at.button(key="briefing_make").click().run()
    assert not at.exception, [error.message for error in at.exception]
    assert any(message.value.startswith("Gemaakt in ") for message in at.sidebar.success)
    pack = at.session_state[PACK_KEY][1]
    overview = [f"{metric.label}: {metric.value}" for metric in at.metric]
    assert overview[0] == "Totaal toegezegd: € 6,1 mld."
    slides = list(Presentation(io.BytesIO(pack.pptx)).slides)
    title_slide = "\n".join(slide_texts(slides[0]))
    assert "Steun aan Oekraïne: briefingpakket" in title_slide
    assert "Filters: categorie: militair" in title_slide and "Gegevens tot en met 3 december 2025" in title_slide
    assert slides[1].shapes.title.text == "Toegezegde steun aan Oekraïne per jaar en categorie"
    for slide in slides[1:-1]:
        text = "\n".join(slide_texts(slide))
        assert all(figure in text for figure in overview), slide.shapes.title.text
    assert slides[-1].shapes.title.text == "Bronnen"
    assert (
        "Ministerie van Buitenlandse Zaken, 28 juni 2024: Kabinetsreactie op advies AIV" in slide_texts(slides[-1])[1]
    )
    note = Document(io.BytesIO(pack.docx))
    headings = [p.text for p in note.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Steun aan Oekraïne: briefingpakket", "Kerncijfers", "Grafieken", "Toezeggingen", "Bronnen"]
    assert "Netherlands heeft € 6,1 mld. toegezegd (5 toezeggingen in totaal)." in [p.text for p in note.paragraphs]
    rows = [[cell.text for cell in row.cells] for row in note.tables[0].rows]
    assert rows[0] == ["Donor", "Bedrag", "Jaren", "Categorie", "Status", "Bronnen"]
    assert rows[1] == ["Netherlands", "€ 4,0 mld.", "2024–2026", "militair/algemeen", "toegezegd", "1"]


def test_one_chromium_for_the_pack_the_browser_tests_and_the_benchmark(monkeypatch, tmp_path):
    from dashboard_app import chromium

    monkeypatch.setenv("PLEDGES_CHROMIUM", "/opt/other/chromium")
    assert chromium.chromium_path() == Path("/opt/other/chromium")
    monkeypatch.delenv("PLEDGES_CHROMIUM")
    on_path = tmp_path / "chromium"
    on_path.write_text("#!/bin/sh\n")
    on_path.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert chromium.chromium_path() == on_path  # the one on the PATH, as the pack always looked for it
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert chromium.chromium_path() == Path("/usr/bin/chromium")
