"""The dashboard in a real browser: Playwright driving Debian's Chromium against `streamlit run dashboard.py`.

AppTest runs the scripts but draws nothing; these tests look at what a user sees. Each scenario has one
"must not happen" check and saves a full-page screenshot under artifacts/screenshots/ (git-ignored).
Chromium is never downloaded: CI installs Debian's package (.ci/run). Without it the tests fail in CI
(CI is set) and skip, with a one-line reason, on a developer laptop.
"""

from __future__ import annotations

import csv
import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from pipeline_helpers import ROOT, load_script
from playwright.sync_api import Browser, Page, expect, sync_playwright

from dashboard_app.chromium import CHROMIUM_FLAGS, chromium_path
from data_pipeline.library import add_document

SCREENSHOTS = ROOT / "artifacts" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}
FIRST_LOAD_MS = 60_000  # the first page of a new server builds the tables and draws the charts (3-4 s on 2 cores)
CHART = '[data-testid="stPlotlyChart"]'
CHART_MARKS = f"{CHART} g.trace"  # bars, lines, markers or heatmap cells: drawn data, not just the frame
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PAGES = {  # navigation title -> (the page's heading, what the page shows once drawn)
    "Overview": ("Support to Ukraine: what has been pledged", "chart"),
    "By year": ("Support by year", "chart"),
    "By category": ("Support by category", "chart"),
    "By source": ("Support by source", "chart"),
    "Pledge explorer": ("Pledge explorer", "table"),
    "Documents": ("Documents", "table"),
    "Agreements": ("Agreements, declarations and statements", "chart"),
    "Add documents": ("Add documents", "uploader"),
}

pytestmark = pytest.mark.browser


def _require_chromium() -> None:
    if chromium_path().exists():
        return
    message = f"Chromium not found at {chromium_path()} (apt-get install -y chromium)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}: CI must run the browser tests")
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def running_dashboard(docs_dir: Path | None = None, environment: dict[str, str] | None = None) -> Iterator[str]:
    """`streamlit run dashboard.py` as `make run` starts it (address from .streamlit/config.toml), on a free port;
    `environment`: variables to set besides (a library and cache folder of its own)."""
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **(environment or {})}
    if docs_dir is not None:
        env["PLEDGES_DOCS_DIR"] = str(docs_dir)
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", f"--server.port={port}"]
    command += ["--server.headless=true", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        # Polling the health endpoint is the server's own readiness signal; there is no page to `expect` on yet.
        while not _answers(f"{base_url}/_stcore/health"):
            if server.poll() is not None or time.monotonic() > deadline:
                output = server.stdout.read().decode(errors="replace") if server.poll() is not None else ""
                pytest.fail(f"the dashboard did not start on port {port}:\n{output[-2000:]}")
            time.sleep(0.2)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    _require_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(chromium_path()), headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def seeds_dashboard(browser) -> Iterator[str]:
    with running_dashboard() as base_url:
        yield base_url


@pytest.fixture
def new_page(browser):
    """Opens pages in fresh browser contexts (no shared cookies or storage) at the screenshot size."""
    contexts = []

    def open_page() -> Page:
        context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def screenshot(page: Page, name: str) -> None:
    """The whole page at 1280 wide. Streamlit scrolls inside its main pane and sidebar, not the document, so
    a plain full-page screenshot would stop at 800 px: grow the viewport to the taller pane for the shot."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    content_height = max(
        page.get_by_test_id(pane).evaluate("pane => pane.scrollHeight") for pane in ("stMain", "stSidebarContent")
    )
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], content_height)})
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
    page.set_viewport_size(VIEWPORT)


def wait_until_drawn(page: Page, shows: str = "chart", category_label: str = "Category") -> None:
    """The app frame appears seconds before the content: wait for the chart's marks or the table."""
    expect(page.get_by_test_id("stSidebar").get_by_role("combobox", name=category_label, exact=True)).to_be_visible(
        timeout=FIRST_LOAD_MS
    )
    if shows == "chart":
        expect(page.locator(CHART_MARKS).first).to_be_attached(timeout=FIRST_LOAD_MS)
    elif shows == "uploader":
        expect(page.get_by_test_id("stFileUploader").first).to_be_visible(timeout=FIRST_LOAD_MS)
    else:
        expect(page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=FIRST_LOAD_MS)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=FIRST_LOAD_MS)  # nothing left over


def assert_no_error_shown(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)


def go_to(page: Page, title: str) -> None:
    heading, shows = PAGES[title]
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    # The old page's elements stay on screen until the new page replaces them: wait for its heading first.
    expect(page.get_by_role("heading", level=1)).to_have_text(heading, timeout=FIRST_LOAD_MS)
    wait_until_drawn(page, shows)


def choose_in_sidebar(page: Page, label: str, option: str) -> None:
    page.get_by_test_id("stSidebar").get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def chosen_in_sidebar(page: Page, label: str) -> list[str]:
    """The chips of a sidebar multiselect (found through their labelled widget, not by position)."""
    widget = (
        page.get_by_test_id("stSidebar")
        .get_by_test_id("stMultiSelect")
        .filter(has=page.get_by_label(label, exact=True))
    )
    return widget.get_by_role("button", name=re.compile(r"^Remove ")).evaluate_all(
        "buttons => buttons.map(b => b.getAttribute('aria-label').replace(/^Remove /, ''))"
    )


def first_chart_subtitle(page: Page) -> str:
    """The measure and active filters, as drawn inside the figure (so a screenshot or PNG carries them)."""
    return page.locator(CHART).first.locator(".gtitle-subtitle").text_content() or ""


def metric_value(page: Page, label: str) -> str:
    metric = page.get_by_test_id("stMetric").filter(has_text=label)
    return metric.get_by_test_id("stMetricValue").inner_text()


def test_every_page_draws_its_content_without_an_error(seeds_dashboard, new_page):
    page = new_page()
    page.goto(seeds_dashboard)
    wait_until_drawn(page)
    for title in PAGES:
        go_to(page, title)
        for chart in page.locator(CHART).all():
            # A screenshot of any chart says what it shows and where the figures come from.
            expect(chart.locator(".gtitle")).not_to_be_empty()
            expect(chart.locator(".annotation-text").filter(has_text="Source:")).to_have_count(1)
        assert_no_error_shown(page)
        screenshot(page, title.lower().replace(" ", "_"))


def test_a_sidebar_filter_changes_the_chart_follows_page_switches_and_lives_in_the_url(seeds_dashboard, new_page):
    page = new_page()
    page.goto(seeds_dashboard)
    wait_until_drawn(page)
    total_before = metric_value(page, "Total pledged")
    assert "no filters" in first_chart_subtitle(page)

    choose_in_sidebar(page, "Category", "reconstruction")
    expect(page.locator(CHART).first.locator(".gtitle-subtitle")).to_contain_text("reconstruction")
    expect(page.get_by_test_id("stMetric").filter(has_text="Total pledged")).not_to_contain_text(total_before)
    expect(page).to_have_url(re.compile(r"[?&]category=reconstruction"))
    screenshot(page, "overview_filtered")

    go_to(page, "By year")
    # Must not happen: the filter is dropped when the user changes page.
    assert chosen_in_sidebar(page, "Category") == ["reconstruction"]
    expect(page.locator(CHART).first.locator(".gtitle-subtitle")).to_contain_text("reconstruction")
    expect(page).to_have_url(re.compile(r"/by_year\?.*category=reconstruction"))
    bookmarked = page.url
    screenshot(page, "by_year_filtered")

    colleague = new_page()  # a new browser context: nothing shared but the URL
    colleague.goto(bookmarked)
    wait_until_drawn(colleague)
    assert chosen_in_sidebar(colleague, "Category") == ["reconstruction"]
    assert first_chart_subtitle(colleague) == first_chart_subtitle(page)
    screenshot(colleague, "by_year_from_bookmark")


def test_explorer_csv_download_holds_exactly_the_filtered_rows(seeds_dashboard, new_page):
    page = new_page()
    page.goto(f"{seeds_dashboard}/explorer?category=military")
    wait_until_drawn(page, "table")
    shown = page.get_by_text(re.compile(r"^\d+ pledges? match"))
    n_shown = int(shown.inner_text().split()[0])

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download these rows (CSV)").click()
    download = download_info.value
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    screenshot(page, "pledge_explorer_filtered")

    assert download.suggested_filename.endswith(".csv")
    assert len(rows) == n_shown > 0
    assert {row["category"] for row in rows} == {"military"}
    # Must not happen: a cell that a spreadsheet would run as a formula.
    assert not [value for row in rows for value in row.values() if value and value.startswith(FORMULA_STARTS)]


HOSTILE_TEXT = (
    "Hostile test page, 3 March 2025.\n\n"
    "Ruritania will give Ukraine €50 million for demining, the ministry said. "
    "<script>alert(1)</script> <img src=x onerror=alert(2)> **not bold**\n"
)


def test_document_text_with_markup_is_shown_as_characters_and_runs_nothing(browser, new_page, tmp_path):
    (tmp_path / "hostile_page.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    with running_dashboard(docs_dir=tmp_path) as base_url:
        page = new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        # A deep link as the very first request of a new server: it must still run through the entrypoint.
        page.goto(f"{base_url}/documents")
        wait_until_drawn(page, "table")
        document_text = page.get_by_test_id("stCode")
        expect(document_text).to_contain_text("<script>alert(1)</script>")
        expect(document_text).to_contain_text("<img src=x onerror=alert(2)>")
        expect(document_text).to_contain_text("€50 million")
        screenshot(page, "documents_hostile_text")
        assert_no_error_shown(page)
        # Must not happen: the document's markup runs (a dialog) or becomes an element of the page.
        assert dialogs == []
        expect(page.locator("img[src='x']")).to_have_count(0)
        expect(page.locator("strong", has_text="not bold")).to_have_count(0)


def _other_addresses() -> list[str]:
    """This machine's IPv4 addresses other than 127.0.0.1 (127.0.0.2 is loopback too, but a different address)."""
    addresses = {"127.0.0.2"}
    try:
        output = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=5).stdout
        addresses.update(address for address in output.split() if "." in address)
    except (OSError, subprocess.SubprocessError):
        pass
    with suppress(OSError):
        addresses.update(info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET))
    addresses.discard("127.0.0.1")
    return sorted(addresses)


def test_server_answers_on_localhost_only(seeds_dashboard, new_page):
    port = int(seeds_dashboard.rsplit(":", 1)[1])
    assert _answers(f"{seeds_dashboard}/_stcore/health")
    for address in _other_addresses():
        # Must not happen: a colleague on the same network reaches the desk's dashboard.
        with socket.socket() as probe:
            probe.settimeout(2)
            assert probe.connect_ex((address, port)) != 0, f"the dashboard answers on {address}:{port}"
    page = new_page()
    page.goto(seeds_dashboard)
    wait_until_drawn(page)
    screenshot(page, "overview_on_localhost")


def test_briefing_pack_downloads_as_powerpoint_and_word(seeds_dashboard, new_page):
    from docx import Document
    from pptx import Presentation

    page = new_page()
    page.goto(f"{seeds_dashboard}/by_category?category=military")
    wait_until_drawn(page)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("button", name="Make briefing pack").click()
    # Drawing the charts starts Chromium once for the pack: a few seconds on 2 cores.
    expect(sidebar.get_by_text(re.compile(r"^Made in \d+\.\d s"))).to_be_visible(timeout=FIRST_LOAD_MS)
    files = {}
    for label in ("Download briefing pack (PowerPoint)", "Download briefing note (Word)"):
        with page.expect_download() as download_info:
            sidebar.get_by_role("button", name=label).click()
        download = download_info.value
        files[Path(download.suggested_filename).suffix] = Path(download.path())
    screenshot(page, "briefing_pack_made")
    assert_no_error_shown(page)  # must not happen: an error or stack trace instead of the pack
    deck = Presentation(files[".pptx"])
    assert "Filters: category: military" in deck.slides[0].placeholders[1].text_frame.text
    assert deck.slides[len(deck.slides) - 1].shapes.title.text == "Sources"
    assert Document(files[".docx"]).tables, "the Word note lists the pledges"


# --- the Dutch interface ----------------------------------------------------------------------------------------


def dutch(message: str) -> str:
    from dashboard_app.i18n import gettext, use_language

    with use_language("nl"):
        return gettext(message)


def english_catalogue_patterns() -> dict[str, re.Pattern]:
    """Every English text of the catalogue that reads otherwise in Dutch, as a pattern for a whole line of text on
    screen ({placeholders} match anything). Fragments that only ever stand inside a longer text (' (part)') and
    single words shorter than four letters are left out: they cannot be told from a document's own words."""
    from dashboard_app.i18n import catalogue

    english, translated = catalogue("en"), catalogue("nl")
    patterns = {}
    for msgid, text in english.items():
        for english_text, dutch_text in zip(
            text if isinstance(text, tuple) else (text,),
            translated[msgid] if isinstance(msgid, tuple) else (translated[msgid],),
            strict=True,
        ):
            shown = english_text.strip()
            if english_text != shown or english_text == dutch_text or len(shown) < 4:
                continue
            parts = re.split(r"\{[a-z_]+\}", shown)
            patterns[shown] = re.compile(".+?".join(re.escape(part) for part in parts))
    return patterns


# Each visible text node of the page and the sidebar (a material icon's name, drawn as a glyph, is not text), the
# lines and words drawn inside the charts, placeholders and tooltips.
VISIBLE_TEXTS_JS = """() => {
  const texts = [];
  for (const pane of document.querySelectorAll('[data-testid="stMain"], [data-testid="stSidebar"]')) {
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || element.closest('[data-testid="stIconMaterial"]')) continue;
      if (element.closest('svg') || element.checkVisibility()) texts.push(...node.textContent.split('\\n'));
    }
    for (const node of pane.querySelectorAll('input[placeholder], textarea[placeholder]')) texts.push(node.placeholder);
    for (const node of pane.querySelectorAll('[title]')) texts.push(node.getAttribute('title'));
  }
  return texts.map(text => text.trim()).filter(text => text.length > 0);
}"""


def english_left_on_screen(page: Page, patterns: dict[str, re.Pattern]) -> list[str]:
    """Lines of text on screen that are an English catalogue text (not its Dutch one)."""
    shown = set(page.evaluate(VISIBLE_TEXTS_JS))
    return sorted(
        {f"{text!r} (catalogue: {msgid!r})" for text in shown for msgid, p in patterns.items() if p.fullmatch(text)}
    )


def test_dutch_interface_on_every_page_kept_in_the_url_and_in_the_pack(seeds_dashboard, new_page):
    from docx import Document
    from pptx import Presentation

    patterns = english_catalogue_patterns()
    assert len(patterns) > 200, "the English catalogue is read"
    page = new_page()
    page.goto(seeds_dashboard)
    wait_until_drawn(page)
    choose_in_sidebar(page, "Category", "reconstruction")
    expect(page).to_have_url(re.compile(r"[?&]category=reconstruction"))
    page.get_by_test_id("stSidebar").get_by_role("radiogroup", name="Language").get_by_text("Nederlands").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(dutch("Support to Ukraine: what has been pledged"))
    category = dutch("Category")
    wait_until_drawn(page, category_label=category)
    # The URL keeps the language beside the filters (Streamlit writes a choice's label there: Dutch now).
    expect(page).to_have_url(re.compile(r"[?&]lang=nl"))
    expect(page).to_have_url(re.compile(r"[?&]category=wederopbouw"))
    assert chosen_in_sidebar(page, category) == ["wederopbouw"]
    expect(page.get_by_test_id("stMetric").filter(has_text=dutch("Total pledged"))).to_contain_text("€ ")

    for title, (heading, shows) in PAGES.items():
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=dutch(title), exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(dutch(heading), timeout=FIRST_LOAD_MS)
        wait_until_drawn(page, shows, category_label=category)
        for chart in page.locator(CHART).all():
            expect(chart.locator(".annotation-text").filter(has_text="Bron:")).to_have_count(1)
        assert_no_error_shown(page)
        # Must not happen: a text of the English catalogue left on a Dutch page.
        assert english_left_on_screen(page, patterns) == [], title
        screenshot(page, "nl_" + title.lower().replace(" ", "_"))

    bookmarked = page.url
    colleague = new_page()  # a new browser context: nothing shared but the URL
    colleague.goto(bookmarked)
    expect(colleague.get_by_role("heading", level=1)).to_have_text(dutch("Add documents"), timeout=FIRST_LOAD_MS)
    colleague.get_by_test_id("stSidebarNav").get_by_role("link", name=dutch("Overview"), exact=True).click()
    expect(colleague.get_by_role("heading", level=1)).to_have_text(dutch("Support to Ukraine: what has been pledged"))
    wait_until_drawn(colleague, category_label=category)
    assert chosen_in_sidebar(colleague, category) == ["wederopbouw"]
    assert english_left_on_screen(colleague, patterns) == []

    sidebar = colleague.get_by_test_id("stSidebar")
    sidebar.get_by_role("button", name=dutch("Make briefing pack")).click()
    expect(sidebar.get_by_text(re.compile(r"^Gemaakt in \d+,\d s"))).to_be_visible(timeout=FIRST_LOAD_MS)
    files = {}
    for label in ("Download briefing pack (PowerPoint)", "Download briefing note (Word)"):
        with colleague.expect_download() as download_info:
            sidebar.get_by_role("button", name=dutch(label)).click()
        files[Path(download_info.value.suggested_filename).suffix] = Path(download_info.value.path())
    screenshot(colleague, "nl_briefing_pack_made")
    deck = Presentation(files[".pptx"])
    slides = list(deck.slides)
    assert slides[0].shapes.title.text == "Steun aan Oekraïne: briefingpakket"
    assert "Filters: categorie: wederopbouw" in slides[0].placeholders[1].text_frame.text
    assert slides[1].shapes.title.text == "Toegezegde steun aan Oekraïne per jaar en categorie"
    assert slides[-1].shapes.title.text == "Bronnen"
    note = Document(files[".docx"])
    assert [cell.text for cell in note.tables[0].rows[0].cells][:2] == ["Donor", "Bedrag"]


def test_no_request_leaves_the_machine_on_any_page(seeds_dashboard, new_page):
    page = new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(seeds_dashboard)
    wait_until_drawn(page)
    for title in PAGES:
        go_to(page, title)
    # The tab's icon is the dashboard's own file (":material/…:" icons are fetched from a font CDN).
    icon = page.locator("link[rel='shortcut icon']").get_attribute("href") or ""
    assert icon.startswith((seeds_dashboard, "/", "./", "data:")), icon
    outside = sorted({url for url in requested if not url.startswith((seeds_dashboard, "data:", "blob:"))})
    # Must not happen: a page load tells a third party that someone opened the dashboard.
    assert outside == []


def _long_text(size: int) -> str:
    """Ordinary sentences with a figure each (benchmarks/extract_growth.py's `paragraphs`): size bytes of them."""
    return load_script("extract_growth").document(size, "paragraphs")


def test_another_users_page_answers_while_an_added_document_is_extracted(browser, new_page, tmp_path):
    """One user adds a long document (4 MB: 10-30 s to extract); while its build runs, the server answers its
    health check and another user's page draws, from the tables before it, saying so. Must not happen: the other
    page waits for the build (on main it did: it asked the cache for the same new build, and the extraction ran
    in the server's own threads). No clock: the order is checked, the build still running after the page drew."""
    library, reading = tmp_path / "library", "Reading the documents…"
    environment = {"PLEDGES_LIBRARY_DIR": str(library), "PLEDGES_CACHE_DIR": str(tmp_path / "cache")}
    with running_dashboard(environment=environment) as base_url:
        uploader, other = new_page(), new_page()
        uploader.goto(f"{base_url}/add_documents")
        wait_until_drawn(uploader, "uploader")
        other.goto(base_url)
        wait_until_drawn(other)
        stored = add_document(library, "long_report.txt", _long_text(4_000_000).encode(), {"language": "en"})
        uploader.reload()  # its script run finds the new file and builds
        expect(uploader.get_by_text(reading)).to_be_visible(timeout=FIRST_LOAD_MS)  # the build has started
        other.reload()
        wait_until_drawn(other)
        assert uploader.get_by_text(reading).is_visible(), "the other page drew only once the build had ended"
        assert _answers(f"{base_url}/_stcore/health")
        expect(other.get_by_text("New documents are being read")).to_be_visible()
        screenshot(other, "page_while_another_user_adds_a_document")
        # The build ends with the document read, in the uploader's listing.
        expect(uploader.get_by_text(f"{stored} — ")).to_be_visible(timeout=600_000)
        assert_no_error_shown(uploader)
        other.reload()
        wait_until_drawn(other)
        expect(other.get_by_text("New documents are being read")).to_have_count(0)
